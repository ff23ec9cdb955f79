"""Connections and SQL fragments shared by the query functions (internal)."""
from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

from ..errors import AccordError


@contextmanager
def connection(db: Any) -> Iterator[sqlite3.Connection]:
    """Yield a connection for ``db``: a path (opened read-only and closed after), a ``Store``, or
    an open ``sqlite3.Connection`` (used as is)."""
    if isinstance(db, sqlite3.Connection):
        db.row_factory = sqlite3.Row
        yield db
        return
    conn = getattr(db, "conn", None)
    if isinstance(conn, sqlite3.Connection):
        yield conn
        return
    if isinstance(db, (str, Path)):
        from ..store.db import connect

        c = connect(db, readonly=True)
        try:
            yield c
        finally:
            c.close()
        return
    raise AccordError(f"not a database: {db!r}")


def like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


MIN_FUZZY = 3


def actor_clause(side: str, value: str, params: list) -> str:
    """Match one actor side ("source"/"target"/"subject"/"object") by code, country or name.

    ``value`` matches when it equals the code or the ISO3 country, or (when it has at least
    ``MIN_FUZZY`` characters) is a prefix of the code ("IGO" matches "IGOUNO") or occurs in the
    canonical name (case-insensitive). Shorter values match exactly only ("IR" is not "IRN"/"IRQ").
    """
    assert side in {"source", "target", "subject", "object"}
    v = value.strip()
    params += [v.upper(), v.upper()]
    sql = f"(e.{side}_code = ? OR e.{side}_country = ?"
    if len(v) >= MIN_FUZZY:
        params.append(like_escape(v.upper()) + "%")
        sql += f" OR e.{side}_code LIKE ? ESCAPE '\\'"
        if not _looks_like_code(v):  # "MAR" is Morocco's code, not a piece of "Marcos"
            params.append("%" + like_escape(v.lower()) + "%")
            sql += f" OR lower(e.{side}_name) LIKE ? ESCAPE '\\'"
    return sql + ")"


def _looks_like_code(v: str) -> bool:
    """An all-capitals value such as "IRN", "CHNGOV" or "IGOUNO" names codes only."""
    return v.isalpha() and v.isupper()


def actor_matches(actor: dict | None, spec: str) -> bool:
    """Python twin of ``actor_clause`` for one actor dict."""
    if not actor:
        return False
    v = spec.strip()
    code = (actor.get("code") or "").upper()
    if v.upper() in {code, (actor.get("country") or "").upper()}:
        return True
    if len(v) < MIN_FUZZY:
        return False
    return code.startswith(v.upper()) or (not _looks_like_code(v) and v.lower() in (actor.get("name") or "").lower())


_PHRASE = re.compile(r'"([^"]*)"')
_TERM = re.compile(r"[\w][\w'\-.]*", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Turn user text into a safe FTS5 query: "quoted phrases" stay phrases, every other word is a
    quoted term, all ANDed. FTS operators and punctuation in the input are taken literally, so no
    input can produce an FTS syntax error. None when nothing searchable remains."""
    parts: list[str] = []
    for phrase in _PHRASE.findall(text):
        words = _TERM.findall(phrase)
        if words:
            parts.append('"' + " ".join(words).replace('"', '""') + '"')
    rest = _PHRASE.sub(" ", text)
    for word in _TERM.findall(rest):
        parts.append('"' + word.replace('"', '""') + '"')
    return " ".join(parts) if parts else None


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 -> country name (from the store's ISO3/FIPS data file)."""
    text = resources.files("accord.store").joinpath("data/iso3_fips.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("iso3\t") or not line.strip():
            continue
        iso3, _fips, name = line.split("\t")[:3]
        out[iso3] = name
    return out


def check_limit(limit: int | None, offset: int) -> tuple[int, int]:
    """SQLite LIMIT/OFFSET values (-1 = no limit)."""
    if limit is not None and limit < 0:
        raise AccordError("limit must be >= 0")
    if offset < 0:
        raise AccordError("offset must be >= 0")
    return (-1 if limit is None else int(limit)), int(offset)
