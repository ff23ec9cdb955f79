import csv
import io
import json

import click
import pytest
from click.testing import CliRunner

from accord.cli import export as export_cli
from accord.cli import query as query_cli
from accord.store.exports import fips, gdelt_columns

GDELT_REFERENCE_NAMES_SAMPLE = ["GLOBALEVENTID", "SQLDATE", "Actor1Code", "EventCode", "NumMentions", "AvgTone",
                                "ActionGeo_CountryCode", "DATEADDED", "SOURCEURL"]


def _cli(with_actors_group: bool = True) -> click.Group:
    @click.group()
    def main():
        pass

    if with_actors_group:
        @main.group("actors")
        def actors():
            pass

        @actors.command("resolve")
        def resolve():
            click.echo("resolve")

    query_cli.register(main)
    export_cli.register(main)
    return main


def _run(args, main=None):
    res = CliRunner().invoke(main or _cli(), args, catch_exceptions=False)
    return res


def test_actors_top_joins_existing_group_or_creates_it(db):
    path, _ = db
    main = _cli()
    assert set(main.commands["actors"].commands) == {"resolve", "top"}
    res = _run(["actors", "top", "--db", path, "--format", "json", "-n", "2"], main)
    assert res.exit_code == 0 and [r["actor"] for r in json.loads(res.output)] == ["IRN", "CHN"]
    bare = _cli(with_actors_group=False)
    assert "top" in bare.commands["actors"].commands


def test_events_formats_and_filters(db):
    path, _ = db
    res = _run(["events", "--db", path, "--format", "jsonl"])
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert res.exit_code == 0 and len(rows) == 6
    res = _run(["events", "--db", path, "--format", "jsonl", "--mentions"])
    assert len(res.output.splitlines()) == 7
    res = _run(["events", "--db", path, "--format", "csv", "--actor", "IRN", "--cameo", "057"])
    table = list(csv.DictReader(io.StringIO(res.output)))
    assert [r["date"] for r in table] == ["2023-02-14", "2021-03"]
    res = _run(["events", "--db", path, "--format", "jsonl", "-q", "uranium", "--quad", "3"])
    assert [json.loads(x)["cameo"] for x in res.output.splitlines()] == ["112"]
    res = _run(["events", "--db", path, "--format", "jsonl", "--limit", "2", "--offset", "1"])
    assert len(res.output.splitlines()) == 2
    res = _run(["events", "--db", path, "--from", "2023-02-01", "--to", "2023-02-28"])
    assert res.exit_code == 0 and "3 of 3 events" in res.output


def test_bad_input_is_a_clean_error(db, tmp_path):
    path, _ = db
    res = CliRunner().invoke(_cli(), ["events", "--db", path, "--cameo", "x1"])
    assert res.exit_code != 0 and "CAMEO code must be digits" in res.output
    res = CliRunner().invoke(_cli(), ["events", "--db", str(tmp_path / "missing.db")])
    assert res.exit_code != 0 and "not found" in res.output


def test_dyad_and_facts_commands(db):
    path, _ = db
    res = _run(["dyad", "IRN", "CHN", "--db", path])
    assert res.exit_code == 0
    for needle in ("Agreements (2)", "Visits (1)", "Statements (1)", "member_of", "$16 billion",
                   "Iran and China signed twenty cooperation agreements"):
        assert needle in res.output
    d = json.loads(_run(["dyad", "IRN", "CHN", "--db", path, "--format", "json"]).output)
    assert d["totals"]["events"] == 4
    res = _run(["facts", "--db", path, "--relation", "trade", "--format", "jsonl"])
    assert [json.loads(x)["relation"] for x in res.output.splitlines()] == ["trade"]


def test_gdelt_export_has_61_columns(db, tmp_path):
    path, _ = db
    out = tmp_path / "events.tsv"
    res = _run(["export", "--format", "gdelt", "--out", str(out), "--db", path])
    assert res.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(gdelt_columns()) == 61 and len(lines) == 6
    cols = gdelt_columns()
    for line in lines:
        values = line.split("\t")
        assert len(values) == 61
    rows = [dict(zip(cols, line.split("\t"))) for line in lines]
    sign = next(r for r in rows if r["EventCode"] == "057" and r["SQLDATE"] == "20230214")
    assert (sign["NumMentions"], sign["NumSources"], sign["NumArticles"]) == ("2", "2", "2")
    assert sign["Actor1CountryCode"] == "IRN" and sign["Actor2Code"] == "CHN"
    assert sign["EventBaseCode"] == "057" and sign["EventRootCode"] == "05" and sign["QuadClass"] == "1"
    assert sign["ActionGeo_CountryCode"] == "CH" and sign["ActionGeo_Type"] == "4"
    assert sign["ActionGeo_FullName"] == "Beijing, China" and sign["MonthYear"] == "202302"
    assert len(sign["DATEADDED"]) == 14 and sign["SOURCEURL"] == "https://alpha.example/1"
    pact = next(r for r in rows if r["MonthYear"] == "202103")
    assert pact["SQLDATE"] == "20210301"


def test_gdelt_column_names_match_reference():
    from pathlib import Path

    ref = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "reference" / "gdelt2_events_columns.csv"
    if not ref.is_file():
        assert all(name in gdelt_columns() for name in GDELT_REFERENCE_NAMES_SAMPLE)
        pytest.skip("../shared reference not present; checked a sample of names only")
    with ref.open(encoding="utf-8") as fh:
        names = [r["tableId"] for r in csv.DictReader(fh)]
    assert names == gdelt_columns()


def test_fips_codes():
    assert (fips("CHN"), fips("DEU"), fips("GBR"), fips("irn"), fips(None), fips("XXX")) == ("CH", "GM", "UK", "IR",
                                                                                            "", "")


@pytest.mark.parametrize("mentions", [False, True])
def test_parquet_row_count_matches_jsonl(db, tmp_path, mentions):
    import duckdb
    import pandas as pd

    path, _ = db
    flag = ["--mentions"] if mentions else []
    out = tmp_path / "events.parquet"
    assert _run(["export", "--format", "parquet", "--out", str(out), "--db", path] + flag).exit_code == 0
    jsonl = _run(["events", "--db", path, "--format", "jsonl"] + flag).output.splitlines()
    df = pd.read_parquet(out)
    assert len(df) == len(jsonl) == (7 if mentions else 6)
    con = duckdb.connect()
    assert con.execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchone()[0] == len(jsonl)
    assert str(df["goldstein"].dtype) == "float64" and str(df["id"].dtype) == "int64"
    assert df["negated"].dtype == bool
    assert sorted(df["id"]) == sorted(json.loads(x)["id"] for x in jsonl)


def test_jsonl_and_csv_exports_match_events_output(db, tmp_path):
    path, _ = db
    out = tmp_path / "e.jsonl"
    _run(["export", "--format", "jsonl", "--out", str(out), "--db", path, "--actor", "CHN"])
    printed = _run(["events", "--db", path, "--format", "jsonl", "--actor", "CHN"]).output
    assert out.read_text(encoding="utf-8") == printed
    out_csv = tmp_path / "e.csv"
    _run(["export", "--format", "csv", "--out", str(out_csv), "--db", path])
    assert len(list(csv.DictReader(out_csv.open(encoding="utf-8")))) == 6


def test_empty_parquet_export_is_readable(db, tmp_path):
    import pandas as pd

    path, _ = db
    out = tmp_path / "none.parquet"
    _run(["export", "--format", "parquet", "--out", str(out), "--db", path, "--cameo", "99"])
    assert len(pd.read_parquet(out)) == 0


def test_gdelt_row_never_breaks_the_tsv():
    from accord import query
    from accord.store.exports import gdelt_row

    row = {c: None for c in query.FLAT_COLUMNS}
    row.update(id=1, cameo="190", cameo_root="19", source_name="Evil\tName\nWith breaks", source_code="XYZ",
               location_name="Some\tPlace", location_country="USA", location_lat=1.5, location_lon=2.0,
               date="2020", date_precision="year", url="https://x.example/a\tb")
    values = gdelt_row(row)
    assert len(values) == 61 and not any("\t" in v or "\n" in v for v in values)
    named = dict(zip(gdelt_columns(), values))
    assert named["Actor1Name"] == "EVIL NAME WITH BREAKS" and named["ActionGeo_Type"] == "3"
    assert named["SQLDATE"] == "20200101" and named["NumMentions"] == "" and named["Actor1KnownGroupCode"] == "XYZ"


def test_markup_in_article_text_is_printed_literally(tmp_path):
    from accord.store import Store
    from accord_store_factory import article, event, fact

    path = str(tmp_path / "m.db")
    nasty = "Iran [/b] warned [red]China[/red] [link=https://x.example]now[/link] <script>alert(1)</script>."
    with Store(path) as s:
        aid, _ = s.add_article(article(nasty + " More text follows here.", "Pub [/i]"))
        s.add_events(aid, [event(nasty, "IRN", "CHN", "112", trigger="warned")])
        s.add_facts(aid, [fact(nasty, "partner", "IRN", "CHN")])
    for args in (["events"], ["dyad", "IRN", "CHN"], ["facts"]):
        res = CliRunner().invoke(_cli(), args + ["--db", path], catch_exceptions=False, env={"COLUMNS": "400"})
        assert res.exit_code == 0, res.output
        assert "[/b] warned [red]China[/red]" in res.output, args


def test_export_with_progress_bar_forced_on_writes_the_same_rows(db, tmp_path):
    path, _ = db
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert export_cli.run_export(path, "jsonl", str(a), {}, progress=True) == 6
    assert export_cli.run_export(path, "jsonl", str(b), {}, progress=False) == 6
    assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")


def test_csv_neutralises_spreadsheet_formulas():
    from accord.store.exports import write_csv

    buf = io.StringIO()
    write_csv([{"a": '=HYPERLINK("http://x.example")', "b": -2.5, "c": "@SUM(A1)", "d": True}], buf,
              ["a", "b", "c", "d"])
    row = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert row == {"a": '\'=HYPERLINK("http://x.example")', "b": "-2.5", "c": "'@SUM(A1)", "d": "true"}
