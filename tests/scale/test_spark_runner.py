"""accord spark in local[2] mode gives the same articles and events as the local pipeline."""
import json
import sqlite3
from collections import Counter

import pytest

from spark_helpers import make_articles

pytest.importorskip("pyspark")
pq = pytest.importorskip("pyarrow.parquet")


def _local_events(db):
    con = sqlite3.connect(db)
    hashes = {r[0] for r in con.execute("SELECT content_hash FROM articles")}
    con.close()
    return Counter(make_articles.stored_event_tuples(db)), hashes


def _spark_events(out):
    t = pq.read_table(out / "events").to_pylist()
    rows = [(r["article_hash"], r["cameo"], r["source_code"], r["target_code"], r["date"], r["evidence_start"]) for r in t]
    hashes = {r["content_hash"] for r in pq.read_table(out / "articles").to_pylist()}
    return Counter(rows), hashes


@pytest.mark.slow
def test_spark_local2_equals_local_pipeline(tmp_path):
    from click.testing import CliRunner

    from accord import pipeline
    from accord.cli import main_group
    from accord.config import Settings

    src = tmp_path / "in.jsonl"
    dup = json.dumps(make_articles.article(3))
    make_articles.write_jsonl(src, 10, extra=["{not json", dup])

    settings = Settings(db=str(tmp_path / "local.db"), batch_size=4)
    report = pipeline.run([str(src)], settings, progress=False)
    assert report.articles == 10 and report.events > 0

    out = tmp_path / "out"
    res = CliRunner().invoke(main_group, ["spark", "--input", str(src), "--output", str(out), "--master", "local[2]",
                                          "--partitions", "2"])
    assert res.exit_code == 0, (res.output, res.exception)
    assert "Wrote 10 articles" in res.output

    local_events, local_hashes = _local_events(settings.db)
    spark_events, spark_hashes = _spark_events(out)
    assert spark_hashes == local_hashes
    assert sum(spark_events.values()) == report.events
    assert spark_events == local_events
    rejected = pq.read_table(out / "rejections").to_pylist()
    assert [r["reason"] for r in rejected] == ["malformed-jsonl"]
    assert rejected[0]["origin"] == "in.jsonl:11"


def test_code_record_refuses_bad_lines_like_the_jsonl_reader():
    from accord.config import Settings
    from accord.scale.spark import code_record

    settings = Settings(max_bytes=200)
    bad = code_record({"value": "[1, 2]"}, "x:1", settings)
    assert (bad["status"], bad["reason"]) == ("rejected", "malformed-jsonl")
    big = code_record({"value": json.dumps({"text": "word " * 100})}, "x:2", settings)
    assert (big["status"], big["reason"]) == ("rejected", "oversize")
    empty = code_record({"id": "e", "text": "  ", "html": None}, "x:3", settings)
    assert (empty["status"], empty["reason"]) == ("rejected", "empty")
