"""Run the Accord pipeline on Apache Spark (optional extra: ``pip install accord[spark]``).

Input: JSONL (one article per line, the same fields as ``accord ingest`` reads: ``text`` or
``html``, optional ``id, url, title, date, source``) or Parquet with those columns.
Output: Parquet datasets ``OUTPUT/articles/``, ``OUTPUT/events/`` and ``OUTPUT/rejections/``.

Each row goes through the same stages as a local run (``to_article`` then ``code_article``), inside
``mapInPandas``; the spaCy pipeline is loaded once per Python worker process (module-level cache in
``accord.scale.pool``, kept across tasks because Spark reuses Python workers). Articles with the same
content hash are kept once (the first in input order), as the local store does. Near-duplicate
linking needs the whole store and is not done here.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

from ..config import Settings

log = logging.getLogger(__name__)

ARTICLE_COLS = [
    ("content_hash", "string"), ("title", "string"), ("publisher", "string"), ("date", "string"),
    ("url", "string"), ("language", "string"), ("origin", "string"), ("external_id", "string"),
    ("text", "string"),
]
EVENT_COLS = [("article_hash", "string"), ("event_index", "int")] + [
    (f"{side}_{part}", "int" if part in ("start", "end") else "string")
    for side in ("source", "target")
    for part in ("code", "country", "sector", "name", "text", "start", "end")
] + [
    ("cameo", "string"), ("cameo_root", "string"), ("quad_class", "int"), ("goldstein", "double"),
    ("plover_event", "string"), ("plover_mode", "string"), ("date", "string"), ("date_precision", "string"),
    ("date_from_article", "int"), ("location_name", "string"), ("location_country", "string"),
    ("location_lat", "double"), ("location_lon", "double"), ("quantities", "string"), ("negated", "int"),
    ("modality", "string"), ("confidence", "double"), ("evidence_text", "string"), ("evidence_start", "int"),
    ("evidence_end", "int"), ("trigger", "string"), ("trigger_start", "int"), ("trigger_end", "int"),
]
# One coded input row: the article (or a refusal), with its events as JSON rows.
CODED_COLS = [("row_id", "long"), ("status", "string"), ("reason", "string"), ("detail", "string")] + ARTICLE_COLS + [
    ("events_json", "string"), ("n_facts", "int"),
]
INPUT_FIELDS = ("id", "title", "date", "source", "url", "text", "html")


def ddl(cols) -> str:
    return ", ".join(f"{name} {kind}" for name, kind in cols)


# ---- executor side (plain Python, testable without Spark) -----------------------------------------

def raw_from_record(rec: dict, origin: str, settings: Settings):
    """RawDocument or Rejection for one input record, exactly as ``accord ingest`` reads a JSONL line.

    ``rec`` is either a raw JSONL line (``{"value": line}``) or a Parquet row (columns as JSONL fields).
    """
    from ..ingest.jsonl import parse_line
    from ..models import Rejection

    if "value" in rec:
        line = (rec["value"] or "").encode("utf-8", "surrogatepass")
    else:
        row = {k: rec[k] for k in INPUT_FIELDS if rec.get(k) is not None and rec[k] == rec[k]}  # not None/NaN
        line = json.dumps(row, ensure_ascii=False).encode("utf-8")
    if len(line) > settings.max_bytes:
        return Rejection(origin, "oversize", f"line longer than the limit {settings.max_bytes:,} bytes")
    return parse_line(line, origin)


def code_record(rec: dict, origin: str, settings: Settings) -> dict:
    """One CODED row: read, clean and code one input record with the local pipeline's functions."""
    from ..errors import Rejected
    from ..events.api import code_article
    from ..models import Rejection
    from ..store.rows import event_row
    from ..text import to_article
    from .pool import get_nlp

    out = {name: None for name, _ in CODED_COLS}
    raw = raw_from_record(rec, origin, settings)
    if isinstance(raw, Rejection):
        return {**out, "status": "rejected", "reason": raw.reason, "detail": raw.detail, "origin": origin}
    try:
        article = to_article(raw, settings)
    except Rejected as exc:
        return {**out, "status": "rejected", "reason": exc.reason, "detail": exc.detail, "origin": origin}
    out.update({name: getattr(article, name) for name, _ in ARTICLE_COLS})
    try:
        events, facts = code_article(article, get_nlp(settings))
    except Rejected as exc:
        return {**out, "status": "rejected", "reason": exc.reason, "detail": exc.detail, "origin": article.origin}
    except Exception as exc:
        return {**out, "status": "rejected", "reason": "coding-error", "detail": f"{type(exc).__name__}: {exc}"}
    rows, seen = [], set()
    for event in events:
        r = event_row(0, event)
        r.pop("article_id")
        key = r.pop("mention_key")
        if key in seen:  # the store keeps one row per mention identity; so do we
            continue
        seen.add(key)
        rows.append({"article_hash": article.content_hash, "event_index": len(rows), **r})
    return {**out, "status": "article", "events_json": json.dumps(rows, ensure_ascii=False), "n_facts": len(facts)}


def code_partition(frames, settings: Settings, input_name: str):
    """mapInPandas function: input rows -> CODED rows (the pipeline is loaded once per worker)."""
    import pandas as pd

    for frame in frames:
        out = []
        for rec in frame.to_dict("records"):
            row_id = int(rec.pop("row_id"))
            coded = code_record(rec, f"{input_name}:{row_id + 1}", settings)
            coded["row_id"] = row_id
            out.append(coded)
        yield pd.DataFrame(out, columns=[name for name, _ in CODED_COLS])


def explode_events(frames):
    """mapInPandas function: CODED rows -> one row per event."""
    import pandas as pd

    names = [name for name, _ in EVENT_COLS]
    for frame in frames:
        rows = [ev for js in frame["events_json"] if js for ev in json.loads(js)]
        yield pd.DataFrame(rows, columns=names)


# ---- driver side -----------------------------------------------------------------------------------

def _read_input(spark, path: str):
    from pyspark.sql import functions as F

    p = Path(path)
    is_parquet = p.suffix == ".parquet" or (p.is_dir() and any(p.glob("*.parquet")))
    if is_parquet:
        df = spark.read.parquet(path)
        df = df.select([c for c in df.columns if c in INPUT_FIELDS])
        for col in INPUT_FIELDS:
            if col not in df.columns:
                df = df.withColumn(col, F.lit(None).cast("string"))
        # stable row numbers in file order (zipWithIndex keeps the partition order)
        return df.rdd.zipWithIndex().map(lambda t: (*t[0], t[1])).toDF(df.columns + ["row_id"])
    lines = spark.read.text(path)
    return lines.rdd.zipWithIndex().map(lambda t: (t[0][0], t[1])).toDF(["value", "row_id"]).filter(
        F.trim(F.col("value")) != ""
    )


def run_spark(input_path: str, output_path: str, *, master: str | None = None, settings: Settings | None = None,
              partitions: int | None = None, spark=None) -> dict:
    """Code INPUT on Spark and write OUTPUT/{articles,events,rejections}/ as Parquet; returns counts."""
    from pyspark.sql import SparkSession, Window
    from pyspark.sql import functions as F

    settings = settings or Settings()
    own = spark is None
    if own:
        # executors on this machine run this interpreter (and so see the same accord install)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = SparkSession.builder.appName("accord")
        if master:
            builder = builder.master(master)
        spark = builder.config("spark.sql.execution.arrow.pyspark.enabled", "true").getOrCreate()
    try:
        df = _read_input(spark, input_path)
        if partitions:
            df = df.repartition(partitions)
        name = Path(input_path).name
        coded = df.mapInPandas(lambda it: code_partition(it, settings, name), ddl(CODED_COLS)).persist()
        first = Window.partitionBy("content_hash").orderBy("row_id")
        articles_all = coded.filter(F.col("status") == "article")
        kept = articles_all.withColumn("_n", F.row_number().over(first)).filter(F.col("_n") == 1).drop("_n")
        out = Path(output_path)
        kept.select([c for c, _ in ARTICLE_COLS]).write.mode("overwrite").parquet(str(out / "articles"))
        events = kept.select("events_json").mapInPandas(explode_events, ddl(EVENT_COLS))
        events.write.mode("overwrite").parquet(str(out / "events"))
        rejected = coded.filter(F.col("status") == "rejected").select("origin", "reason", "detail")
        rejected.write.mode("overwrite").parquet(str(out / "rejections"))
        counts = {
            "articles": spark.read.parquet(str(out / "articles")).count(),
            "events": spark.read.parquet(str(out / "events")).count(),
            "rejections": spark.read.parquet(str(out / "rejections")).count(),
        }
        coded.unpersist()
        return counts
    finally:
        if own:
            spark.stop()
