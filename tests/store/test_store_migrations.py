import sqlite3

import pytest

from accord.errors import AccordError
from accord.store import db as dbmod


def _with_extra(monkeypatch, sql):
    real = dbmod.migrations()
    monkeypatch.setattr(dbmod, "migrations", lambda: real + [(len(real) + 1, "9999_extra.sql", sql)])
    return len(real)


def test_new_migration_is_applied_once_in_order(tmp_path, monkeypatch):
    path = tmp_path / "m.db"
    dbmod.connect(path).close()
    base = _with_extra(monkeypatch, "ALTER TABLE articles ADD COLUMN tone REAL;")
    conn = dbmod.connect(path)
    cols = {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
    assert "tone" in cols and dbmod.schema_version(conn) == base + 1
    conn.close()
    dbmod.connect(path).close()  # not applied twice (would fail: duplicate column)


def test_failing_migration_rolls_back_and_keeps_version(tmp_path, monkeypatch):
    path = tmp_path / "f.db"
    dbmod.connect(path).close()
    base = _with_extra(monkeypatch, "CREATE TABLE half_done (x INTEGER); THIS IS NOT SQL;")
    with pytest.raises(AccordError, match="9999_extra.sql"):
        dbmod.connect(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == base
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    conn.close()


def test_migration_files_are_numbered_from_one():
    numbers = [n for n, _, _ in dbmod.migrations()]
    assert numbers == list(range(1, len(numbers) + 1)) and numbers[0] == 1


def test_reader_of_an_older_database_upgrades_it(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    real = dbmod.migrations()
    monkeypatch.setattr(dbmod, "migrations", lambda: real[:1])
    dbmod.connect(path).close()
    monkeypatch.setattr(dbmod, "migrations", lambda: real)
    conn = dbmod.connect(path, readonly=True)
    assert dbmod.schema_version(conn) == len(real)
    conn.execute("SELECT num_copies FROM clusters").fetchall()
    conn.close()
