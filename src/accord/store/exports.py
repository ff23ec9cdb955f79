"""Export writers: GDELT 2.0 event TSV, Parquet, JSONL, CSV.

GDELT/CSV/Parquet writers take an iterable of *flat* event rows (``accord.query.iter_events(...,
flat=True)``: the columns of ``accord.query.FLAT_COLUMNS``); JSONL writes whatever dicts it gets (the
CLI passes nested rows, exactly as ``accord events --format jsonl`` prints them). Each returns how
many rows it wrote; the ``accord export`` command composes query and writer.

GDELT mapping (columns from ``data/gdelt2_event_columns.tsv``, 61):
  GLOBALEVENTID = the Accord cluster id (stable as reports are added; repeated per mention with
  ``--mentions``, like GDELT's Mentions table); SQLDATE/MonthYear/
  Year/FractionDate = the event's own date (month/year precision -> first day of the month/year);
  Actor{1,2}Code/Name/CountryCode/Type1Code = source/target code, upper-cased name, ISO3, sector;
  Actor{1,2}KnownGroupCode = the code of actors without a country (IGOs, groups);
  IsRootEvent = 1 when the evidence sentence starts in the first ``LEAD_CHARS`` characters;
  EventCode/BaseCode/RootCode, QuadClass, GoldsteinScale from the codebook;
  NumMentions/NumSources/NumArticles from the event's cluster (independent reports: syndicated
  copies are not counted; they are the ``copies`` column of the other formats); AvgTone empty (not computed);
  Actor geography empty (not coded); ActionGeo_Type 1 (country) when the place is a country, else
  3 (US) / 4 (world city); ActionGeo_CountryCode in FIPS 10-4 (``data/iso3_fips.tsv``);
  DATEADDED = when the cluster was created (UTC); SOURCEURL = the earliest report's URL.
"""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping, TextIO

LEAD_CHARS = 400
PARQUET_BATCH = 5000

_INT = {"id", "cluster_id", "article_id", "source_start", "source_end", "target_start", "target_end", "quad_class",
        "evidence_start", "evidence_end", "trigger_start", "trigger_end", "mentions", "sources", "articles",
        "copies"}
_FLOAT = {"goldstein", "location_lat", "location_lon", "confidence"}
_BOOL = {"negated"}


def _data(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


def _table(name: str) -> list[list[str]]:
    lines = [ln for ln in _data(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


@lru_cache(maxsize=1)
def gdelt_columns() -> list[str]:
    return [r[0] for r in _table("gdelt2_event_columns.tsv")]


@lru_cache(maxsize=1)
def _fips() -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1], r[2]) for r in _table("iso3_fips.tsv")}


def country_name(iso3: str | None) -> str:
    """Country name for an ISO3 code ("" when unknown)."""
    return _fips().get((iso3 or "").upper(), ("", ""))[1]


def fips(iso3: str | None) -> str:
    return _fips().get((iso3 or "").upper(), ("", ""))[0]


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _date_parts(value: str | None) -> dict[str, Any]:
    if not value or len(value) < 4 or not value[:4].isdigit():
        return {}
    y = int(value[:4])
    m = int(value[5:7]) if len(value) >= 7 and value[5:7].isdigit() else 1
    d = int(value[8:10]) if len(value) >= 10 and value[8:10].isdigit() else 1
    return {"SQLDATE": f"{y:04d}{m:02d}{d:02d}", "MonthYear": f"{y:04d}{m:02d}", "Year": f"{y:04d}",
            "FractionDate": f"{y + (m * 30 + d) / 365:.4f}"}


def _actor(prefix: str, row: Mapping[str, Any], side: str) -> dict[str, Any]:
    code, country = row[f"{side}_code"], row[f"{side}_country"]
    name = row[f"{side}_name"] or row[f"{side}_text"]
    return {
        f"{prefix}Code": code or country,
        f"{prefix}Name": name.upper() if name else None,
        f"{prefix}CountryCode": country,
        f"{prefix}KnownGroupCode": code if code and not country else None,
        f"{prefix}Type1Code": row[f"{side}_sector"],
    }


def _action_geo(row: Mapping[str, Any]) -> dict[str, Any]:
    name, iso3 = row["location_name"], row["location_country"]
    if not name and row["location_lat"] is None:
        return {}
    cname = country_name(iso3)
    is_country = bool(name and cname and name.casefold() == cname.casefold())
    geo_type = 1 if is_country else (3 if iso3 == "USA" else 4)
    full = name if is_country or not cname else f"{name}, {cname}"
    return {"ActionGeo_Type": geo_type, "ActionGeo_FullName": full, "ActionGeo_CountryCode": fips(iso3),
            "ActionGeo_Lat": row["location_lat"], "ActionGeo_Long": row["location_lon"]}


def gdelt_row(row: Mapping[str, Any]) -> list[str]:
    """The 61 GDELT 2.0 event-table values of one flat event row."""
    cameo = row["cameo"] or ""
    v: dict[str, Any] = {"GLOBALEVENTID": row["cluster_id"] or row["id"]}
    v.update(_date_parts(row["date"]))
    v.update(_actor("Actor1", row, "source"))
    v.update(_actor("Actor2", row, "target"))
    start = row["evidence_start"]
    v.update(
        IsRootEvent=1 if start is not None and start < LEAD_CHARS else 0,
        EventCode=cameo, EventBaseCode=cameo[:3], EventRootCode=row["cameo_root"] or cameo[:2],
        QuadClass=row["quad_class"], GoldsteinScale=row["goldstein"],
        NumMentions=row["mentions"], NumSources=row["sources"], NumArticles=row["articles"],
        SOURCEURL=row["first_url"] or row["url"],
    )
    v.update(_action_geo(row))
    added = "".join(ch for ch in (row.get("date_added") or "") if ch.isdigit())
    v["DATEADDED"] = added[:14] or None
    return [_clean(v.get(col)) for col in gdelt_columns()]


def write_gdelt(rows: Iterable[Mapping[str, Any]], out: TextIO, *, header: bool = False) -> int:
    """GDELT 2.0 event table: tab-separated, no header (like GDELT's files) unless ``header``."""
    n = 0
    if header:
        out.write("\t".join(gdelt_columns()) + "\n")
    for row in rows:
        out.write("\t".join(gdelt_row(row)) + "\n")
        n += 1
    return n


def write_jsonl(rows: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """One JSON object per line, rows written as given (pass nested rows for the JSON shape)."""
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    """Booleans as true/false; text that a spreadsheet would run as a formula gets a leading quote
    (article text is untrusted). Numbers are left alone."""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(rows: Iterable[Mapping[str, Any]], out: TextIO, columns: list[str]) -> int:
    w = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    n = 0
    for row in rows:
        w.writerow({k: _csv_cell(v) for k, v in row.items()})
        n += 1
    return n


def parquet_schema(columns: list[str]):
    import pyarrow as pa

    def typ(col):
        return pa.int64() if col in _INT else pa.float64() if col in _FLOAT else pa.bool_() if col in _BOOL \
            else pa.string()

    return pa.schema([pa.field(c, typ(c)) for c in columns])


def write_parquet(rows: Iterable[Mapping[str, Any]], path: str, columns: list[str]) -> int:
    """Typed Parquet (ints, floats, bool, strings; dates as ISO strings since precision varies)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(columns)
    n = 0
    batch: list[dict] = []
    with pq.ParquetWriter(path, schema) as writer:
        for row in rows:
            batch.append({c: row.get(c) for c in columns})
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n, batch = n + len(batch), []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
