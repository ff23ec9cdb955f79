"""How an actor filter value matches: codes for code-like values, names for words."""
from __future__ import annotations

from accord.query._db import actor_matches


def test_code_like_value_does_not_match_inside_names():
    marcos = {"code": "PHLGOV", "country": "PHL", "name": "Ferdinand Marcos Jr."}
    assert not actor_matches(marcos, "MAR")
    assert actor_matches(marcos, "PHL")
    assert actor_matches(marcos, "PHLGOV")
    assert actor_matches(marcos, "Marcos")
    assert actor_matches(marcos, "marcos")


def test_prefix_and_short_values():
    un = {"code": "IGOUNO", "country": None, "name": "United Nations"}
    assert actor_matches(un, "IGO")
    assert not actor_matches(un, "IG")
    assert actor_matches(un, "United")


def test_sql_clause_matches_like_its_python_twin():
    import sqlite3

    from accord.query._db import actor_clause

    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE e (source_code TEXT, source_country TEXT, source_name TEXT)")
    con.executemany("INSERT INTO e VALUES (?, ?, ?)", [
        ("PHLGOV", "PHL", "Ferdinand Marcos Jr."), ("MARGOV", "MAR", "Government of Morocco"),
        ("IGOUNO", None, "United Nations")])
    for spec, want in [("MAR", {"MARGOV"}), ("Marcos", {"PHLGOV"}), ("IGO", {"IGOUNO"}), ("united", {"IGOUNO"})]:
        params: list = []
        sql = actor_clause("source", spec, params)
        got = {r[0] for r in con.execute(f"SELECT source_code FROM e WHERE {sql}", params)}
        assert got == want, spec
