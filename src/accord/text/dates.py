"""Publication dates -> YYYY-MM-DD. Cheap regexes first; dateparser only on short strings."""
from __future__ import annotations

import logging
import re
import time
from datetime import date, datetime

log = logging.getLogger(__name__)

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_MDY = re.compile(rf"^\s*(?:\w+day,?\s+)?({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DMY = re.compile(rf"^\s*(?:\w+day,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
_MD = re.compile(rf"^\s*({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
_DM = re.compile(rf"^\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_RE})\b", re.I)

MIN_YEAR, MAX_YEAR = 1800, 2100


def _month(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def _make(y: int, m: int | None, d: int) -> str | None:
    if m is None or not (MIN_YEAR <= y <= MAX_YEAR):
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_month_day(text: str) -> tuple[int, int] | None:
    """"Feb 14" / "14 February" -> (2, 14); None when not such a phrase."""
    m = _MD.match(text)
    if m:
        mon, day = _month(m.group(1)), int(m.group(2))
    else:
        m = _DM.match(text)
        if not m:
            return None
        mon, day = _month(m.group(2)), int(m.group(1))
    return (mon, day) if mon and 1 <= day <= 31 else None


def normalize_date(value, *, use_dateparser: bool = True) -> str | None:
    """Turn a date-ish value (str, datetime, date, struct_time) into YYYY-MM-DD, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _make(value.year, value.month, value.day)
    if isinstance(value, date):
        return _make(value.year, value.month, value.day)
    if isinstance(value, time.struct_time):
        return _make(value.tm_year, value.tm_mon, value.tm_mday)
    text = str(value).strip()
    if not text or len(text) > 100:
        return None
    m = _ISO.match(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _MDY.match(text)
    if m:
        return _make(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
    m = _DMY.match(text)
    if m:
        return _make(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
    rfc = _rfc2822(text)
    if rfc:
        return rfc
    return _dateparser(text) if use_dateparser else None


def _rfc2822(text: str) -> str | None:
    """"Tue, 25 Feb 2020 10:00:00 GMT" (feeds, HTTP headers)."""
    from email.utils import parsedate_to_datetime

    if not re.match(r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", text):
        return None
    try:
        dt = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return _make(dt.year, dt.month, dt.day) if dt else None


def _dateparser(text: str) -> str | None:
    try:
        import dateparser
    except ImportError:  # pragma: no cover
        return None
    try:
        dt = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    except Exception as exc:  # dateparser raises assorted errors on odd input
        log.debug("dateparser failed on %r: %s", text, exc)
        return None
    return _make(dt.year, dt.month, dt.day) if dt else None
