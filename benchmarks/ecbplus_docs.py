"""ECB+ documents as readable text, sentence by sentence, for the conflict benchmark.

ECB+ (../shared/data/ecbplus, CC BY 3.0) ships tokens, not text: "6. 1 - magnitude",
"120, 000 people", "2: 09 a. m.". A reader (and the analysis) needs "6.1-magnitude",
"120,000 people" and "2:09 a.m.", so tokens are joined back with the spacing rules below.
Sentences keep their ECB+ numbers, which is how the annotations in
benchmarks/data/ecbplus_conflicts name them; a leading URL "sentence" is left out of the
text but kept as the document's address (the outlet).
"""

from __future__ import annotations

import io
import re
import tarfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

_QUOTES = frozenset("\"“”`'‘’")
_NAME = re.compile(r"(\d+)_(\d+)(ecb|ecbplus)\.xml$")
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"`` ?", "“"),
        (r" ?''", "”"),
        (r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1"),
        (r" ([.,;:!?%)\]}])", r"\1"),
        (r"([(\[{$£€]) ", r"\1"),
        (r"(\d)\. (\d)", r"\1.\2"),  # "6. 1" -> "6.1"
        (r"(\d), (\d{3})\b", r"\1,\2"),  # "120, 000" -> "120,000"
        (r"(\d): (\d\d)(?!\d)", r"\1:\2"),  # "2: 09" -> "2:09", "8: 05am" -> "8:05am"
        (r"\b([ap])\. m\.", r"\1.m."),
        (r"\b([A-Z])\. ([A-Z])\.", r"\1.\2."),  # "U. S." -> "U.S."
        (r"(\d) - (?=\w)", r"\1-"),  # "6.1 - magnitude", "15 - year - old"
        (r"(?<=\w) - (?=(?:year|old|magnitude|hour|minute|day|week|month|mile|kilometre|kilometer|foot|square)\b)", "-"),
        (r"(?<=[a-z]) - (?=\d)", "-"),  # "magnitude - 5.9"
        (r"(?<=\w) - (?=\w+ - )", "-"),  # "hit - and - run"
        (r"(?<=\w) - (?=run\b|old\b)", "-"),
    )
)


def detokenize(tokens: list[str]) -> str:
    text = " ".join(t for t in tokens if t)
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


@dataclass(frozen=True)
class EcbDoc:
    name: str  # "20_3ecbplus"
    topic: int
    subtopic: str  # "20ecbplus": one real-world event
    url: str | None
    text: str
    sentences: dict[int, tuple[int, int]]  # ECB+ sentence number -> span in text

    @property
    def outlet(self) -> str | None:
        if not self.url:
            return None
        host = urlsplit(self.url if "//" in self.url else "http://" + self.url).hostname or ""
        return host.removeprefix("www.") or None

    def sentence(self, number: int) -> str:
        s, e = self.sentences[number]
        return self.text[s:e]

    def locate(self, number: int, key: str) -> tuple[int, int]:
        """The span of ``key`` inside sentence ``number`` (spacing, quote marks and case ignored)."""
        if number not in self.sentences:
            raise KeyError(f"{self.name}: no sentence {number}")
        s, e = self.sentences[number]
        chars = [(i, c.casefold()) for i, c in enumerate(self.text[s:e], s) if not c.isspace() and c not in _QUOTES]
        hay = "".join(c for _, c in chars)
        needle = "".join(c.casefold() for c in key if not c.isspace() and c not in _QUOTES)
        at = hay.find(needle)
        if not needle or at < 0:
            raise KeyError(f"{self.name} sentence {number}: {key!r} not found in {self.text[s:e]!r}")
        return chars[at][0], chars[at + len(needle) - 1][0] + 1


def _url(tokens: list[str]) -> str | None:
    raw = "".join(tokens)
    return raw if re.match(r"^https?:", raw) else None


def read_documents(data: Path, topics: set[int] | None = None) -> dict[str, EcbDoc]:
    """Every ECB+ document (of ``topics``, when given), by name."""
    docs: dict[str, EcbDoc] = {}
    with tarfile.open(data / "ECBplus_xml.tar.gz") as tar:
        for member in tar.getmembers():
            m = _NAME.search(member.name)
            if not m or (topics is not None and int(m.group(1)) not in topics):
                continue
            f = tar.extractfile(member)
            if f is None:
                continue
            root = ET.parse(io.BytesIO(f.read())).getroot()
            sents: dict[int, list[str]] = defaultdict(list)
            for tok in root.iter("token"):
                sents[int(tok.get("sentence", 0))].append(tok.text or "")
            url = None
            parts: list[str] = []
            spans: dict[int, tuple[int, int]] = {}
            pos = 0
            for number in sorted(sents):
                if not spans and url is None and (u := _url(sents[number])):
                    url = u
                    continue
                line = detokenize(sents[number])
                if not line:
                    continue
                if parts:
                    pos += 2
                spans[number] = (pos, pos + len(line))
                parts.append(line)
                pos += len(line)
            name = m.group(0).removesuffix(".xml")
            docs[name] = EcbDoc(name, int(m.group(1)), f"{m.group(1)}{m.group(3)}", url, "\n\n".join(parts), spans)
    return docs
