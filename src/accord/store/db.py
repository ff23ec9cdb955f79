"""SQLite connection and numbered migrations.

``connect(path, readonly=False)`` opens a connection in autocommit mode (transactions are explicit,
see ``Store.transaction``), WAL journal, foreign keys on, a busy timeout, and ``sqlite3.Row`` rows.
``migrate(conn)`` applies ``migrations/NNNN_*.sql`` whose number is above ``PRAGMA user_version``,
each one atomically together with the version bump.
"""
from __future__ import annotations

import logging
import re
import sqlite3
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from ..errors import AccordError

log = logging.getLogger(__name__)

_MIGRATION_RE = re.compile(r"^(\d{4})_[\w-]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """(number, file name, sql) of every packaged migration, in order."""
    out = []
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        m = _MIGRATION_RE.match(entry.name)
        if m:
            out.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    out.sort()
    numbers = [n for n, _, _ in out]
    if numbers != list(range(1, len(numbers) + 1)):
        raise AccordError(f"store migrations are not numbered 1..n: {numbers}")
    return out


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def latest_version() -> int:
    return len(migrations())


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to date; returns the version reached."""
    current = schema_version(conn)
    known = migrations()
    if current > len(known):
        raise AccordError(f"database schema version {current} is newer than this Accord ({len(known)})")
    for number, name, sql in known[current:]:
        log.info("applying migration %s", name)
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number:d};\nCOMMIT;")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise AccordError(f"migration {name} failed: {exc}") from exc
    return schema_version(conn)


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the database; a writable connection is migrated to the latest schema."""
    path = str(path)
    try:
        if readonly:
            if path != ":memory:" and not Path(path).exists():
                raise AccordError(f"database not found: {path}")
            uri = f"file:{quote(Path(path).resolve().as_posix())}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise AccordError(f"cannot open database {path}: {exc}") from exc
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        try:
            migrate(conn)
        except AccordError:
            conn.close()
            raise
    elif schema_version(conn) == 0:
        conn.close()
        raise AccordError(f"{path} is not an Accord database (no schema)")
    elif schema_version(conn) < latest_version():
        conn.close()
        _upgrade(path)
        return connect(path, readonly=True)
    return conn


def _upgrade(path: str) -> None:
    """Apply pending migrations for a reader that found an older schema (needs write access)."""
    try:
        connect(path).close()
    except (AccordError, sqlite3.Error) as exc:
        raise AccordError(f"{path} has an older schema and cannot be upgraded here ({exc}); "
                          "open it once for writing (for example with accord ingest)") from exc
