"""``accord export --format gdelt|parquet|jsonl|csv --out PATH`` (``-`` = stdout for text formats).

Exports every event matching the filters (same options and rows as ``accord events``, no limit):
one row per clustered event by default, ``--mentions`` for one per mention. A rich progress bar is
shown on a terminal only.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .query import FILTER_KEYS, accord_errors, db_path, event_filter_options, progress_wrapper


def run_export(path: str, fmt: str, out: str, filters: dict, *, clustered: bool = True,
               progress: bool | None = None) -> int:
    """Write the export; returns the number of rows written."""
    from .. import query
    from ..store import exports

    if fmt == "parquet" and out == "-":
        raise click.UsageError("parquet needs --out PATH")
    total = query.count_events(path, filters, clustered=clustered)
    if progress is None:  # terminal only, and never on top of rows printed to that terminal
        progress = sys.stderr.isatty() and (out != "-" or not sys.stdout.isatty())
    show = progress
    rows = query.iter_events(path, filters, clustered=clustered, flat=fmt != "jsonl")
    columns = list(query.FLAT_COLUMNS)
    with progress_wrapper(total, show) as wrap:
        rows = wrap(rows)
        if fmt == "parquet":
            Path(out).parent.mkdir(parents=True, exist_ok=True)
            return exports.write_parquet(rows, out, columns)
        stream = sys.stdout if out == "-" else open(out, "w", encoding="utf-8", newline="")
        try:
            if fmt == "gdelt":
                return exports.write_gdelt(rows, stream)
            if fmt == "csv":
                return exports.write_csv(rows, stream, columns)
            return exports.write_jsonl(rows, stream)
        finally:
            if stream is not sys.stdout:
                stream.close()


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["gdelt", "parquet", "jsonl", "csv"]), required=True)
@click.option("--out", "out", required=True, help="Output file ('-' = stdout, not for parquet).")
@event_filter_options
def export_cmd(fmt, out, mentions, db, config_file, **filters):
    """Export events: GDELT 2.0 event TSV (61 columns), Parquet, JSONL or CSV."""
    filters = {k: v for k, v in filters.items() if v is not None and k in FILTER_KEYS}
    with accord_errors():
        n = run_export(db_path(db, config_file), fmt, out, filters, clustered=not mentions)
    if out != "-":
        click.echo(f"wrote {n} rows to {out}", err=True)


def register(main: click.Group) -> None:
    main.add_command(export_cmd)
