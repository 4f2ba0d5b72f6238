"""Writing systems and names of the languages the detector knows (py3langid's 97, ISO 639-1).

``WRITTEN_IN`` names the Unicode scripts (the first word of a letter's Unicode name, "LATIN",
"CYRILLIC", "CJK" ...) a language is written in; a language left out is written in Latin letters.
A detection whose language is not written in the text's main script is a guess from an unknown
script ("ᏣᎳᎩ" read as Korean), and the language is then undetermined.
"""

from __future__ import annotations

#: ISO 639-2 code of an undetermined language.
UNDETERMINED = "und"

#: Characters of scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao,
#: Khmer, Myanmar): word-based indexes and counts do not see their words.
UNSPACED = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
)

WRITTEN_IN: dict[str, frozenset[str]] = {
    code: frozenset(scripts.split())
    for code, scripts in {
        "am": "ETHIOPIC", "ar": "ARABIC", "as": "BENGALI", "be": "CYRILLIC", "bg": "CYRILLIC",
        "bn": "BENGALI", "el": "GREEK", "fa": "ARABIC", "gu": "GUJARATI", "he": "HEBREW",
        "hi": "DEVANAGARI", "hy": "ARMENIAN", "ja": "HIRAGANA KATAKANA CJK", "ka": "GEORGIAN",
        "kk": "CYRILLIC", "km": "KHMER", "kn": "KANNADA", "ko": "HANGUL CJK", "ky": "CYRILLIC",
        "lo": "LAO", "mk": "CYRILLIC", "ml": "MALAYALAM", "mn": "CYRILLIC", "mr": "DEVANAGARI",
        "ne": "DEVANAGARI", "or": "ORIYA", "pa": "GURMUKHI", "ps": "ARABIC", "ru": "CYRILLIC",
        "si": "SINHALA", "sr": "CYRILLIC LATIN", "ta": "TAMIL", "te": "TELUGU", "th": "THAI",
        "ug": "ARABIC", "uk": "CYRILLIC", "ur": "ARABIC", "zh": "CJK", "dz": "TIBETAN",
    }.items()
}
LATIN = frozenset({"LATIN"})

#: English names of the languages, for messages to a reader.
NAMES: dict[str, str] = dict(
    item.split(":")
    for item in (
        "af:Afrikaans am:Amharic an:Aragonese ar:Arabic as:Assamese az:Azerbaijani be:Belarusian bg:Bulgarian "
        "bn:Bengali br:Breton bs:Bosnian ca:Catalan cs:Czech cy:Welsh da:Danish de:German dz:Dzongkha el:Greek "
        "en:English eo:Esperanto es:Spanish et:Estonian eu:Basque fa:Persian fi:Finnish fo:Faroese fr:French "
        "ga:Irish gl:Galician gu:Gujarati he:Hebrew hi:Hindi hr:Croatian ht:Haitian hu:Hungarian hy:Armenian "
        "id:Indonesian is:Icelandic it:Italian ja:Japanese jv:Javanese ka:Georgian kk:Kazakh km:Khmer "
        "kn:Kannada ko:Korean ku:Kurdish ky:Kyrgyz la:Latin lb:Luxembourgish lo:Lao lt:Lithuanian lv:Latvian "
        "mg:Malagasy mk:Macedonian ml:Malayalam mn:Mongolian mr:Marathi ms:Malay mt:Maltese nb:Norwegian "
        "ne:Nepali nl:Dutch nn:Norwegian no:Norwegian oc:Occitan or:Oriya pa:Punjabi pl:Polish ps:Pashto "
        "pt:Portuguese qu:Quechua ro:Romanian ru:Russian rw:Kinyarwanda se:Sami si:Sinhala sk:Slovak "
        "sl:Slovenian sq:Albanian sr:Serbian sv:Swedish sw:Swahili ta:Tamil te:Telugu th:Thai tl:Tagalog "
        "tr:Turkish ug:Uyghur uk:Ukrainian ur:Urdu vi:Vietnamese vo:Volapük wa:Walloon xh:Xhosa zh:Chinese "
        "zu:Zulu"
    ).split()
)


def name_of(code: str | None) -> str:
    """ "German (de)"; the code alone for a language the table does not name."""
    if not code or code == UNDETERMINED:
        return "an undetermined language"
    return f"{NAMES[code]} ({code})" if code in NAMES else code
