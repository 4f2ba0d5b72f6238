"""Splitting a photo caption from its credit.

Handles the common layouts: ``"... (Jane Doe/Reuters)"``, ``"... (AP Photo/Evan Vucci)"``,
``"... Photo: Jane Doe"``, ``"... Photograph: Jane Doe/AFP/Getty Images"``,
``"... Credit: Agency"``, ``"... Credit...Jane Doe for The New York Times"``, ``"© Agency"``,
``"Image copyright Getty Images Image caption ..."``, and a bare trailing ``"Jane Doe/Getty Images"``.
"""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")
_LABEL = (
    r"(?:photo(?:graph|graphy)?s?|photo\s+credit|image(?:\s+(?:credit|source|copyright))?|picture|pic|"
    r"credit(?:s)?|copyright|source|illustration|video|graphic|foto(?:s|grafie|grafia)?|bild|"
    r"fotó|фото|zdjęcie|crédito|crédit|créditos)"
)
_AGENCIES = (
    r"(?:AP|AFP|Reuters|Getty(?:\s+Images)?|EPA(?:-EFE)?|Shutterstock|Bloomberg|PA(?:\s+Media|\s+Wire)?|"
    r"Alamy|Xinhua|TASS|ANSA|dpa|Sputnik|iStock(?:photo)?|NurPhoto|SOPA|Zuma(?:\s+Press)?|"
    r"Anadolu(?:\s+Agency)?|Corbis|Handout|Wikimedia(?:\s+Commons)?|Unsplash|Pixabay|Flickr|"
    r"Yonhap|Kyodo|Imago|Sipa|Polaris|Redux|Rex|Newscom|Pool|NASA|AAP|UPI|Associated\s+Press|"
    r"TT|NTB|Ritzau|Belga|ANP|Keystone|APA|PAP|EFE|picture\s+alliance|Europa\s+Press)"
)
# "(Jane Doe/Reuters)", "(AP Photo/Evan Vucci)", "(Photo: X)", "(Getty)" at the end of a caption.
_TRAILING_PAREN = re.compile(r"\s*[\(\[]([^()\[\]]{2,120})[\)\]]\s*\.?\s*$")
# "... Photo: Name" / "... Credit...Name" / "... © Name" at the end.
_TRAILING_LABEL = re.compile(
    rf"(?:^|(?<=[.!?)\"”’»])\s*|\s+[|/–—-]\s*|\s+)(?P<label>{_LABEL}\s*(?:by|:|\.{{2,}}|…|-|–)\s*|©\s*|\(c\)\s*)(?P<credit>[^.!?]{{2,140}}?)\s*\.?\s*$",
    re.IGNORECASE,
)
# "Photo: Name. Caption text" / "Image copyright X Image caption Y" at the start.
_LEADING_COPYRIGHT = re.compile(
    r"^\s*(?:image|photo|media)\s+(?:copyright|source|credit)\s+(?P<credit>.+?)\s+"
    r"(?:image|photo|media)\s+caption\s+(?P<caption>.+)$",
    re.IGNORECASE,
)
_LEADING_LABEL = re.compile(
    rf"^\s*(?:{_LABEL}\s*(?::|by)|©)\s*(?P<credit>[^.|]{{2,100}}?)\s*(?:\.|\||–|—)\s+(?P<caption>\S.+)$",
    re.IGNORECASE,
)
_CAPTION_LABEL = re.compile(r"^\s*(?:image|photo|media|video)\s*caption\s*:?\s*", re.IGNORECASE)
# "…get it.Credit...Doug Mills", "…treatmentCredit: EPA": a label glued to the caption's last word.
_GLUED_LABEL = re.compile(r"(?<=[a-z.!?)”’\"])(?=(?:Credit|Photo|Photograph|Image|Picture|Illustration)\b)")
_COPYRIGHT_LABEL = re.compile(r"^\s*(?:image|photo|media|picture)\s*(?:copyright|source|credit)\s*:?\s*", re.IGNORECASE)
# "... Jane Doe/Getty Images" or "... JANE DOE/AFP via Getty Images" with no label.
_TRAILING_AGENCY = re.compile(
    rf"(?:(?<=[.!?\"”’])\s*|\s+)(?P<credit>(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}\s*/\s*)*"
    rf"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}\s*/\s*)?(?i:{_AGENCIES})(?:\s+via\s+(?i:{_AGENCIES}))?"
    rf"(?:\s*/\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})*(?:\s+(?i:file(?:\s+photo)?))?)\s*\.?\s*$"
)
# A sentence end inside a matched credit ("Austria.Leonhard Foeger / Reuters"), not an initial ("T.").
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})[.!?]\s*(?=[A-Z])")
_VIA = re.compile(r"^\s*(?:image|photo|picture|video)\s+(?:via|by|from|courtesy(?:\s+of)?)\s+(?P<credit>.+)$", re.IGNORECASE)
_PAREN_CREDITISH = re.compile(rf"/|©|\b{_LABEL}\b|\b{_AGENCIES}\b|\bcourtesy\b|\bfile\b", re.IGNORECASE)


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = _WS.sub(" ", text).strip(" \t\n|–—-:;,")
    return text or None


def _strip_label(credit: str) -> str:
    credit = _COPYRIGHT_LABEL.sub("", credit)
    return re.sub(rf"^\s*(?:{_LABEL}\s*(?::|by|\.{{2,}}|…)|©|\(c\))\s*", "", credit, flags=re.IGNORECASE)


def split_credit(text: str | None) -> tuple[str | None, str | None]:
    """``(caption, credit)`` from a caption that may carry its photo credit; either may be None."""
    text = _clean(text)
    if not text:
        return None, None
    match = _VIA.match(text)
    if match:
        return None, _clean(match.group("credit"))
    match = _LEADING_COPYRIGHT.match(text)
    if match:
        return _clean(match.group("caption")), _clean(match.group("credit"))
    text = _GLUED_LABEL.sub(" ", _CAPTION_LABEL.sub("", text))
    match = _TRAILING_PAREN.search(text)
    if match and _PAREN_CREDITISH.search(match.group(1)):
        return _clean(text[: match.start()]), _clean(_strip_label(match.group(1)))
    match = _TRAILING_LABEL.search(text)
    if match and match.start() > 0:
        return _clean(text[: match.start()]), _clean(match.group("credit"))
    if match and match.start() == 0:
        return None, _clean(match.group("credit"))
    match = _LEADING_LABEL.match(text)
    if match:
        return _clean(match.group("caption")), _clean(match.group("credit"))
    match = _TRAILING_AGENCY.search(text)
    if match and match.start() > 0:
        cut = match.start("credit")
        ends = list(_SENTENCE_END.finditer(text, cut, match.end("credit")))
        if ends:
            cut = ends[-1].end()
        return _clean(text[:cut]), _clean(text[cut:])
    return text, None


def join_credit(caption: str | None, credit: str | None) -> tuple[str | None, str | None]:
    """Split ``caption`` unless a separate ``credit`` is already known (then only tidy both)."""
    if credit:
        credit = _clean(_strip_label(credit))
        caption = _clean(_CAPTION_LABEL.sub("", caption or ""))
        if caption and credit and caption.endswith(credit):
            caption = _clean(caption[: -len(credit)])
            caption = _clean(re.sub(rf"\s*(?:{_LABEL}\s*(?::|by)|©)\s*$", "", caption or "", flags=re.IGNORECASE))
        return caption, credit
    return split_credit(caption)


# A block that is nothing but a photo credit: "STR/Getty Images", "NOEL CELIS/AFP via Getty Images",
# "Photo: Jane Doe/Reuters" (printed under a picture the extractor dropped).
_CREDIT_LINE = re.compile(
    rf"^\s*(?:{_LABEL}\s*:?\s*)?(?:[\w'’.-]+(?:\s+[\w'’.-]+){{0,3}}\s*/\s*)*(?:[\w'’.-]+(?:\s+[\w'’.-]+){{0,3}}\s*(?:/|\bvia\b)\s*)?"
    rf"(?:{_AGENCIES})(?:\s+via\s+(?:{_AGENCIES}))?(?:\s*/\s*[\w'’.-]+(?:\s+[\w'’.-]+){{0,3}})*\s*$",
    re.IGNORECASE,
)


def is_credit_line(text: str) -> bool:
    """Whether ``text`` is only a photo credit with an agency in it, with a slash or "via" or a label."""
    text = _WS.sub(" ", text).strip()
    if len(text.split()) > 10 or not _CREDIT_LINE.match(text):
        return False
    return "/" in text or " via " in text.lower() or bool(re.match(rf"^\s*{_LABEL}\s*:", text, re.IGNORECASE))
