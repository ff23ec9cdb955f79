"""Read actor dictionary files (TSV with a header row) into ``Entry`` records.

Format (see docs/actors.md): UTF-8, tab-separated, first non-comment line is a header naming the
columns. Lines starting with ``#`` and blank lines are ignored. Known columns:

``names``  aliases separated by ``|``;  ``kind``  country, demonym, capital, city, igo, org, person,
sector, role, leader, modifier, pair, state-ref, ignore;  ``country``  ISO3;  ``sector``  CAMEO agent
code;  ``code``  full code (IGO...);  ``name``  canonical name;  ``start``/``end``  YYYY[-MM[-DD]];
``bloc`` (IGOs: UNO, EUR or IGO);  ``office``  free text;  ``plover``  PLOVER sector.
Country-table shortcut columns ``demonyms``, ``capitals``, ``aliases`` expand to demonym, capital
and country entries of the row's ``country``.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import DictionaryError

log = logging.getLogger(__name__)

KINDS = {
    "country", "demonym", "capital", "city", "igo", "org", "person", "sector", "role", "leader",
    "modifier", "pair", "state-ref", "ignore", "pronoun",
}
COLUMNS = {
    "names", "kind", "country", "sector", "code", "name", "start", "end", "bloc", "office", "plover",
    "demonyms", "capitals", "aliases", "note",
}
SHORTCUTS = {"demonyms": "demonym", "capitals": "capital", "aliases": "country"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{2,11}$")


@dataclass(frozen=True)
class Entry:
    names: tuple[str, ...]
    kind: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    name: str | None = None
    start: str | None = None  # YYYY-MM-DD (padded)
    end: str | None = None
    bloc: str | None = None
    office: str | None = None
    origin: str = ""  # file:line

    @property
    def full_code(self) -> str | None:
        if self.code:
            return self.code
        if self.country or self.sector:
            return (self.country or "") + (self.sector or "")
        return None


def _pad(value: str, end: bool) -> str:
    if len(value) == 4:
        return value + ("-12-31" if end else "-01-01")
    if len(value) == 7:
        return value + ("-28" if end else "-01")
    return value


def _valid_date(v: str) -> bool:
    import datetime

    try:
        datetime.date.fromisoformat(_pad(v, False))
        return True
    except ValueError:
        return False


def _check(path: str, line: int, row: dict) -> None:
    def bad(msg):
        raise DictionaryError(path, line, msg)

    kind = row.get("kind")
    if kind and kind not in KINDS:
        bad(f"unknown kind {kind!r} (expected one of {', '.join(sorted(KINDS))})")
    c = row.get("country")
    if c and not _ISO3.match(c):
        bad(f"country must be an ISO3 code in capitals, got {c!r}")
    for col in ("sector", "code"):
        v = row.get(col)
        if v and not _CODE.match(v):
            bad(f"{col} must be a capitalised code, got {v!r}")
    for col in ("start", "end"):
        v = row.get(col)
        if v and not (_DATE.match(v) and _valid_date(v)):
            bad(f"{col} must be a date YYYY, YYYY-MM or YYYY-MM-DD, got {v!r}")
    if kind == "person" and not c and not row.get("code"):
        bad("a person needs a country (or an IGO code)")


def _split(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(n.strip() for n in value.split("|") if n.strip())


def _entries_from_row(path: str, line: int, row: dict, default_kind: str | None) -> list[Entry]:
    c = row.get("country") or ""
    if c.startswith("IGO") and len(c) > 3 and not row.get("code"):  # a person heading an IGO
        row = {**row, "country": "", "code": c}
    _check(path, line, row)
    origin = f"{path}:{line}"
    out: list[Entry] = []
    names = _split(row.get("names"))
    kind = row.get("kind") or default_kind
    if names:
        if not kind:
            raise DictionaryError(path, line, "no kind given (add a 'kind' column)")
        out.append(
            Entry(
                names=names, kind=kind, country=row.get("country") or None, sector=row.get("sector") or None,
                code=row.get("code") or None, name=row.get("name") or names[0],
                start=_pad(row["start"], False) if row.get("start") else None,
                end=_pad(row["end"], True) if row.get("end") else None,
                bloc=row.get("bloc") or None, office=row.get("office") or None, origin=origin,
            )
        )
    for col, k in SHORTCUTS.items():
        extra = _split(row.get(col))
        if extra:
            if not row.get("country"):
                raise DictionaryError(path, line, f"column {col!r} needs a country")
            out.append(Entry(names=extra, kind=k, country=row["country"], name=extra[0] if k == "country" else None,
                             origin=origin))
    if not out:
        raise DictionaryError(path, line, "row has no names")
    return out


def read_tsv(path: str | Path) -> list[Entry]:
    """Parse one dictionary file; raises DictionaryError(file, line, message) when malformed."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DictionaryError(str(p), None, "file not found") from None
    except (UnicodeDecodeError, OSError) as exc:
        raise DictionaryError(str(p), None, f"cannot read: {exc}") from None
    header: list[str] | None = None
    default_kind = None
    entries: list[Entry] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        if raw.lstrip().startswith("#"):
            m = re.match(r"#\s*kind\s*:\s*(\S+)", raw.strip())
            if m:
                default_kind = m.group(1)
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if header is None:
            header = [c.lower() for c in cells]
            unknown = [c for c in header if c not in COLUMNS]
            if unknown:
                raise DictionaryError(str(p), lineno, f"unknown column(s) {unknown}; known: {sorted(COLUMNS)}")
            continue
        if len(cells) > len(header):
            raise DictionaryError(str(p), lineno, f"{len(cells)} cells but the header has {len(header)} columns")
        row = dict(zip(header, cells))
        entries.extend(_entries_from_row(str(p), lineno, row, default_kind))
    if header is None:
        raise DictionaryError(str(p), None, "no header row")
    return entries


def read_path(path: str | Path) -> list[Entry]:
    """A file, or every *.tsv in a folder (sorted)."""
    p = Path(path)
    if p.is_dir():
        out: list[Entry] = []
        for f in sorted(p.glob("*.tsv")):
            out.extend(read_tsv(f))
        return out
    return read_tsv(p)
