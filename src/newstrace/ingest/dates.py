"""Normalising the publication dates pages declare (ISO 8601, RFC 822, a few common layouts).

Only what is written is kept: a date stays a date, a time without a zone stays without one. No
date is guessed from the text here; a page that declares none has none.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

_ISO_LIKE = re.compile(
    r"^\s*(\d{4})-?(\d{2})-?(\d{2})"  # date
    r"(?:[T ](\d{1,2}):?(\d{2})(?::?(\d{2}))?(?:[.,]\d+)?"  # time
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?\s*$",
    re.IGNORECASE,
)
_SLASHED = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_EPOCH = re.compile(r"^\s*(\d{10})(\d{3})?\s*$")
_RFC822 = re.compile(r"^\s*(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\b")
_YEAR_MIN, _YEAR_MAX = 1990, 2100
# Zone abbreviations common on news pages (dateutil leaves them unresolved otherwise).
_ZONES = {
    name: int(offset * 3600)
    for name, offset in {
        "UTC": 0, "GMT": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
        "IST": 5.5, "PKT": 5, "WIB": 7, "SGT": 8, "HKT": 8, "JST": 9, "KST": 9, "AEST": 10,
        "AEDT": 11, "NZST": 12, "NZDT": 13, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
        "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10,
    }.items()
}


def _zone(text: str | None) -> timezone | None:
    if not text:
        return None
    text = text.upper()
    if text in ("Z", "UTC", "GMT"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _sane(year: int) -> bool:
    return _YEAR_MIN <= year <= _YEAR_MAX


def normalise_date(raw: str | None) -> str | None:
    """``raw`` as ISO 8601 (``2019-11-19`` or ``2019-11-19T10:02:00+01:00``), or None."""
    if not raw or not isinstance(raw, str):
        return None
    text = raw.strip()
    match = _ISO_LIKE.match(text)
    try:
        if match:
            year, month, day = (int(match.group(i)) for i in (1, 2, 3))
            if not _sane(year):
                return None
            if match.group(4) is None:
                return date(year, month, day).isoformat()
            moment = datetime(
                year,
                month,
                day,
                int(match.group(4)),
                int(match.group(5)),
                int(match.group(6) or 0),
                tzinfo=_zone(match.group(7)),
            )
            return moment.isoformat()
        match = _EPOCH.match(text)
        if match:
            moment = datetime.fromtimestamp(int(match.group(1)), tz=UTC)
            return moment.isoformat() if _sane(moment.year) else None
        match = _SLASHED.match(text)
        if match:
            year, month, day = (int(match.group(i)) for i in (1, 2, 3))
            return date(year, month, day).isoformat() if _sane(year) else None
    except ValueError:
        return None
    if _RFC822.match(text):
        try:
            stamped: datetime | None = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            stamped = None
        if stamped is not None and _sane(stamped.year):
            return stamped.isoformat()
    return _loose(text)


def _loose(text: str) -> str | None:
    """Free layouts such as ``November 19, 2019 10:02 AM EST``, via dateutil when it is present."""
    if not re.search(r"\d{4}", text) or len(text) > 80:
        return None
    try:
        from dateutil import parser as du_parser
    except ImportError:  # pragma: no cover - dateutil ships with the extraction extras
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            moment = du_parser.parse(text, fuzzy=False, default=datetime(1900, 1, 1), tzinfos=_ZONES)
    except (ValueError, OverflowError, TypeError):
        return None
    if not _sane(moment.year):
        return None
    has_time = bool(re.search(r"\d{1,2}:\d{2}", text))
    return moment.isoformat() if has_time else moment.date().isoformat()
