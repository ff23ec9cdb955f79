"""Pick the office a person held at a date.

Rules (documented in docs/actors.md):
* with a date: an office whose [start, end] contains the date wins (file order breaks ties);
* with a date after every office a person held: the person is an ex-official -> the country of the
  last office, sector ``ELI`` (CAMEO "elites": former officials);
* with a date before every office: the earliest office's country, no sector;
* with no date: the office that ended last (an open office counts as ongoing), sector unchanged.
When one key names several people (same surname), the person with an office at the date wins,
then the one whose last office ended most recently before it.
"""
from __future__ import annotations

import datetime as _dt
import re

from .loader import Entry

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
FAR = "9999-12-31"


def norm_date(date: str | None) -> str | None:
    """YYYY[-MM[-DD]] -> YYYY-MM-DD; "today"/"now" -> today's date; anything else -> None."""
    if hasattr(date, "isoformat") and not isinstance(date, str):  # date / datetime objects
        return date.isoformat()[:10]
    if not date or not isinstance(date, str):
        return None
    d = date.strip().lower()
    if d in ("today", "now", "current"):
        return _dt.date.today().isoformat()
    m = _ISO.match(d)
    if m:
        y, mo, da = m.group(1), m.group(2) or "07", m.group(3) or "01"
        return f"{y}-{mo}-{da}"
    try:
        import dateparser  # optional; only for free-form dates such as "1 January 2018"

        parsed = dateparser.parse(date, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    except Exception:  # noqa: BLE001 - a bad date must never break resolution
        return None
    return parsed.date().isoformat() if parsed else None


def _end(e: Entry) -> str:
    return e.end or FAR


def choose(entries: list[Entry], date: str | None, kind: str = "person") -> tuple[Entry | None, bool]:
    """(office entry, is_former) for the person (or dated organisation) entries under one key."""
    people = [e for e in entries if e.kind == kind]
    if not people:
        return None, False
    if not date:
        return max(people, key=lambda e: (_end(e), e.start or "")), False
    if kind != "person" and not any(e.start or e.end for e in people):
        return people[0], False
    active = [e for e in people if (e.start or "0000") <= date <= _end(e)]
    if active:
        return active[0], False
    past = [e for e in people if _end(e) < date]
    if past:
        return max(past, key=_end), True
    first = min(people, key=lambda e: e.start or "")
    return first, None  # None: not yet in office -> no sector
