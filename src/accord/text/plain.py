"""Plain-text article structure: first-line headline, dateline (publisher/agency, place, date), by-line."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .dates import normalize_date, parse_month_day

_PLACEHOLDER = re.compile(r"\{([A-Z]+)\}")
_HEAD_MAX_CHARS = 200
_HEAD_MAX_WORDS = 30


@dataclass(frozen=True)
class Dateline:
    publisher: str | None
    place: str | None
    date: str | None  # YYYY-MM-DD when the dateline has a year
    month_day: tuple[int, int] | None  # when it has only a month and day
    end: int  # characters of the paragraph taken by the dateline


@lru_cache(maxsize=1)
def _config() -> tuple[list[re.Pattern], re.Pattern, dict[str, str], re.Pattern]:
    files = resources.files(__package__)
    data = yaml.safe_load(files.joinpath("data/datelines.yaml").read_text("utf-8"))
    ph = data["placeholders"]

    def expand(pattern: str) -> str:
        for _ in range(5):
            pattern = _PLACEHOLDER.sub(lambda m: ph.get(m.group(1), m.group(0)), pattern)
        return pattern

    patterns = [re.compile(expand(p)) for p in data["patterns"]]
    agencies = yaml.safe_load(files.joinpath("data/agencies.yaml").read_text("utf-8"))
    agency_map = {str(k).lower(): str(v) for k, v in agencies.items()}
    return patterns, re.compile(data["byline"]), agency_map, re.compile(expand(data["date_line"]), re.I)


def agency_name(text: str) -> str:
    """Canonical publisher for a dateline agency ("AP" -> "Associated Press"); unknown ones kept."""
    return _config()[2].get(text.strip().lower(), text.strip())


def parse_dateline(paragraph: str) -> Dateline | None:
    """Recognise a dateline at the very start of ``paragraph``."""
    head = paragraph[:200]
    for pattern in _config()[0]:
        m = pattern.match(head)
        if not m:
            continue
        groups = {k: v for k, v in m.groupdict().items() if v}
        publisher = agency_name(groups["agency"]) if "agency" in groups else groups.get("publisher")
        place = groups.get("place")
        if publisher and not place and publisher.isupper() and "agency" not in groups:
            place, publisher = publisher, None  # "LONDON, March 3, 2023 —" is a place, not an outlet
        raw_date = groups.get("date")
        date = normalize_date(raw_date, use_dateparser=False) if raw_date else None
        month_day = parse_month_day(_drop_weekday(raw_date)) if raw_date and not date else None
        return Dateline(publisher, place.strip(" ,") if place else None, date, month_day, m.end())
    return None


def _drop_weekday(text: str) -> str:
    return re.sub(r"^\w+day,?\s+", "", text.strip())


def looks_like_headline(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > _HEAD_MAX_CHARS or len(s.split()) > _HEAD_MAX_WORDS:
        return False
    if not any(ch.isalpha() for ch in s):
        return False
    if s[-1] in ".,;:" and not s.endswith("..."):
        return False
    return parse_dateline(s + " ") is None or len(s.split()) > 8


def split_headline(text: str) -> tuple[str | None, str]:
    """Return (headline, rest) when the first line looks like a headline and more text follows."""
    stripped = text.lstrip()
    first, sep, rest = stripped.partition("\n")
    if sep and rest.strip() and looks_like_headline(first):
        return first.strip(), rest.lstrip("\n")
    return None, text


def strip_meta_lines(text: str) -> tuple[str | None, str]:
    """Drop a by-line and a "Published: <date>" line under the headline; return (date, rest)."""
    byline, date_line = _config()[1], _config()[3]
    date = None
    for _ in range(3):
        first, sep, rest = text.partition("\n")
        line = first.strip()
        m = date_line.match(line)
        if sep and m:
            date = date or normalize_date(_drop_weekday(m.group("date")), use_dateparser=False)
        elif not (sep and byline.match(line)):
            break
        text = rest.lstrip("\n")
    return date, text


def split_dateline(body: str) -> tuple[Dateline | None, str]:
    """Take a dateline off the start of ``body``; the rest of the paragraph stays."""
    dl = parse_dateline(body)
    if dl is None:
        return None, body
    rest = body[dl.end :].lstrip()
    if not rest:
        return None, body
    return dl, rest
