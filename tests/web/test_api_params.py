"""Query parameters of the JSON API: the CLI's ``from``/``to`` spellings, and 422 for parameters an
endpoint does not know (a typo must not silently widen the answer)."""
from __future__ import annotations

from pathlib import Path

import pytest

import accord.web

STATIC = Path(accord.web.__file__).resolve().parent / "static"


@pytest.mark.parametrize("path, base", [
    ("/api/events", {}),
    ("/api/events", {"a": "IRN", "b": "CHN", "mentions": "true"}),
    ("/api/dyad", {"a": "IRN", "b": "CHN"}),
    ("/api/network", {}),
])
def test_from_to_give_the_same_rows_as_date_from_date_to(client, path, base):
    everything = client.get(path, params=base).json()
    for lo, hi in (("2023-03", "2023-03-31"), ("2023-03", None), (None, "2023-02")):
        long = {k: v for k, v in (("date_from", lo), ("date_to", hi)) if v}
        short = {k: v for k, v in (("from", lo), ("to", hi)) if v}
        by_long = client.get(path, params={**base, **long})
        by_short = client.get(path, params={**base, **short})
        assert by_long.status_code == by_short.status_code == 200, (by_long.text, by_short.text)
        assert by_short.json() == by_long.json(), (lo, hi)
        assert by_short.json() != everything, (lo, hi)  # the bounds really filter
    mixed = client.get(path, params={**base, "from": "2023-03", "date_to": "2023-03-31"}).json()
    assert mixed == client.get(path, params={**base, "date_from": "2023-03", "date_to": "2023-03-31"}).json()


def test_the_cli_spelling_filters_events(client):
    assert client.get("/api/events").json()["total"] == 4
    assert client.get("/api/events", params={"from": "2023-03", "to": "2023-03-31"}).json()["total"] == 1


def test_both_spellings_must_agree(client):
    same = client.get("/api/events", params={"from": "2023-03", "date_from": "2023-03"})
    assert same.status_code == 200 and same.json()["total"] == 2
    for path, extra in (("/api/events", {}), ("/api/dyad", {"a": "IRN", "b": "CHN"}), ("/api/network", {})):
        r = client.get(path, params={**extra, "from": "2023-03", "date_from": "2023-04"})
        assert r.status_code == 422, path
        detail = r.json()["error"]["detail"]
        assert "date_from=2023-04" in detail and "from=2023-03" in detail
        r = client.get(path, params={**extra, "to": "2023", "date_to": "2024"})
        assert r.status_code == 422 and "date_to=2024" in r.json()["error"]["detail"]
    assert client.get("/api/events", params={"from": "March"}).json()["error"]["problems"][0]["param"] == "from"


@pytest.mark.parametrize("path, params, unknown", [
    ("/api/events", {"from_date": "2024-04"}, ["from_date"]),
    ("/api/events", {"actor": "IRN", "limt": "5", "srce": "x"}, ["limt", "srce"]),
    ("/api/events/1", {"mentions": "true"}, ["mentions"]),
    ("/api/dyad", {"a": "IRN", "b": "CHN", "actor": "USA"}, ["actor"]),
    ("/api/network", {"n": "5"}, ["n"]),
    ("/api/actors/top", {"limit": "5"}, ["limit"]),
    ("/api/facts", {"from": "2023"}, ["from"]),
    ("/api/health", {"verbose": "1"}, ["verbose"]),
])
def test_unknown_parameters_are_refused_by_name(client, path, params, unknown):
    r = client.get(path, params=params)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["unknown"] == unknown
    assert all(name in error["detail"] for name in unknown)
    known = {"/api/events": {"date_from", "from", "to", "limit", "offset", "actor", "q", "text"},
             "/api/dyad": {"a", "b", "date_from", "date_to", "from", "to"},
             "/api/network": {"limit", "min_events", "from", "to"},
             "/api/actors/top": {"n"},
             "/api/facts": {"actor", "subject", "object", "relation", "limit", "offset"}}.get(path, set())
    assert known <= set(error["accepted"]) and not set(unknown) & set(error["accepted"])


def test_unknown_parameter_is_refused_on_ingest(web_db, tmp_path):
    import shutil

    from fastapi.testclient import TestClient

    from accord.web import create_app

    db = tmp_path / "w.db"
    shutil.copy(web_db[0], db)
    with TestClient(create_app(str(db), readonly=False, token="t")) as c:
        r = c.post("/api/ingest", params={"dry_run": "1"}, json={"articles": [{"text": "x"}]},
                   headers={"Authorization": "Bearer t"})
        assert r.status_code == 422 and r.json()["error"]["unknown"] == ["dry_run"]


# What the dashboard's scripts send to the API (static/*.js); kept in step with the scripts below.
DASHBOARD_CALLS = {
    "network.js": ("/api/network", {"limit": "120", "min_events": "1", "date_from": "2023-01", "date_to": "2023-12"}),
    "dyad.js": ("/api/dyad", {"a": "IRN", "b": "CHN"}),
}


@pytest.mark.parametrize("script", sorted(DASHBOARD_CALLS))
def test_the_dashboard_scripts_parameters_are_accepted(client, script):
    path, params = DASHBOARD_CALLS[script]
    js = (STATIC / script).read_text(encoding="utf-8")
    assert f'getJSON("{path}"' in js
    assert all(f'"{name}"' in js or f"{name}:" in js for name in params), script
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text


def test_no_other_script_calls_the_api():
    callers = sorted(p.name for p in STATIC.glob("*.js") if 'getJSON("/api' in p.read_text(encoding="utf-8"))
    assert callers == sorted(DASHBOARD_CALLS)


def test_dashboard_pages_take_both_spellings_and_stay_tolerant(client):
    assert client.get("/", params={"from": "2023-03", "to": "2023-03-31"}).text.count('href="/events/') == 1
    r = client.get("/network", params={"from": "2023-04"})
    assert r.status_code == 200 and 'data-date_from="2023-04"' in r.text
    assert client.get("/", params={"from": "2023-03", "date_from": "2023-04"}).status_code == 422
    assert client.get("/", params={"utm_source": "mail"}).status_code == 200  # links from elsewhere still open
