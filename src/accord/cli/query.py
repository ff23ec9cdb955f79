"""Query commands: ``accord events``, ``accord dyad A B``, ``accord facts``, ``accord actors top``.

All read the database read-only through ``accord.query``. ``--format jsonl|csv`` prints every
matching row unless ``--limit`` is given (the same rows ``accord export`` writes); ``table`` shows
the first 50 by default.
"""
from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager

import click

from .options import InputError, config_option, db_option, settings_from

TABLE_LIMIT = 50


_DATE_BOUND = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def check_date_bound(ctx, param, value):
    """--from/--to take YYYY, YYYY-MM or YYYY-MM-DD; anything else is a usage error, not 0 rows."""
    if value is None:
        return None
    value = value.strip()
    if not _DATE_BOUND.match(value):
        raise click.BadParameter(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def event_filter_options(f):
    """The event filters shared by ``accord events`` and ``accord export``."""
    opts = [
        click.option("--actor", help="Either side: code, ISO3 country, code prefix or part of the name."),
        click.option("--source", help="Source actor only (same matching as --actor)."),
        click.option("--target", help="Target actor only."),
        click.option("--country", help="ISO3 of either actor or of the event location."),
        click.option("--cameo", help="CAMEO code or prefix, e.g. 05 or 057."),
        click.option("--plover", help="PLOVER event type, e.g. AGREE."),
        click.option("--quad", type=click.IntRange(1, 4), help="Quad class 1-4."),
        click.option("--from", "date_from", metavar="DATE", callback=check_date_bound,
                     help="Earliest event date (YYYY[-MM[-DD]])."),
        click.option("--to", "date_to", metavar="DATE", callback=check_date_bound,
                     help="Latest event date (inclusive)."),
        click.option("--place", help="Part of the location name."),
        click.option("--text", "-q", "text", help='Full-text search in evidence sentences ("phrase" allowed).'),
        click.option("--mentions", is_flag=True, help="One row per mention instead of one per clustered event."),
        db_option,
        config_option,
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


FILTER_KEYS = ("actor", "source", "target", "country", "cameo", "plover", "quad", "date_from", "date_to", "place",
               "text")


def db_path(db, config_file) -> str:
    """The database to read; a missing one is an input error (exit 2)."""
    from pathlib import Path

    path = settings_from(config_file, check_files=False, db=db).db
    if path != ":memory:" and not Path(path).is_file():
        raise InputError(f"database not found: {path}")
    return path


@contextmanager
def accord_errors():
    """Turn AccordError into a clean click error."""
    from ..errors import AccordError

    try:
        yield
    except AccordError as exc:
        raise click.ClickException(str(exc)) from exc


def _plain(*values) -> list:
    """Cell values as rich ``Text`` so that brackets in article text are never read as markup."""
    from rich.text import Text

    return [Text("" if v is None else str(v)) for v in values]


def _oneline(text: str | None, limit: int | None = None) -> str:
    """Evidence for display: whitespace (paragraph breaks) collapsed, optionally shortened."""
    flat = " ".join((text or "").split())
    return flat if limit is None or len(flat) <= limit else flat[: limit - 1] + "…"


def _date(row: dict) -> str:
    """The date as precise as it is known (YYYY for year precision, YYYY-MM for month)."""
    value = row.get("date") or "?"
    cut = {"year": 4, "month": 7}.get(row.get("date_precision") or "")
    return value[:cut] if cut else value


def _actor_label(a: dict | None) -> str:
    if not a:
        return ""
    return a.get("code") or a.get("country") or a.get("name") or a.get("text") or ""


def _events_table(rows: list[dict], total: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rows)} of {total} events", show_lines=False)
    for col in ("id", "date", "source", "cameo", "target", "quad", "gold", "m/s", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*_plain(r["id"], _date(r), _actor_label(r["source"]), r["cameo"], _actor_label(r["target"]),
                              r["quad_class"], f"{r['goldstein']:g}" if r["goldstein"] is not None else "",
                              f"{r['mentions'] or 0}/{r['sources'] or 0}", _oneline(r["evidence"]["text"], 160)))
    Console().print(table)


@contextmanager
def progress_wrapper(total: int, show: bool, label: str = "exporting"):
    """Yield a function wrapping an iterator so that it advances a progress bar."""
    if not show:
        yield lambda it: it
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("export", total=total)

        def wrap(it):
            for row in it:
                yield row
                bar.advance(task)

        yield wrap


def _quad_mix(q: dict) -> str:
    return " ".join(f"{k}:{v}" for k, v in sorted(q.items()) if v)


def _fact_line(f: dict) -> str:
    obj = _actor_label(f["object"])
    qty = f["quantity"]
    qty_s = f" [{qty.get('text') or qty['value']} {qty.get('unit') or ''}]".rstrip() if qty else ""
    detail = f" ({f['detail']})" if f.get("detail") else ""
    times = f"  x{f['mentions']}" if f.get("mentions", 1) > 1 else ""
    return f"{_date(f)}  {_actor_label(f['subject'])} {f['relation']} {obj}{detail}{qty_s}{times}"


def render_facts(rows: list[dict], title: str = "Facts") -> None:
    from rich.console import Console
    from rich.markup import escape

    con = Console()
    con.print(f"[bold]{escape(title)}[/bold] ({len(rows)})")
    for f in rows:
        con.print("  " + escape(_fact_line(f)))
        con.print("    [dim]" + escape(_oneline(f["evidence"]["text"])) + "[/dim]")


def render_dyad(d: dict) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    con = Console()
    t = d["totals"]
    con.print(f"[bold]{escape(d['a'])} <-> {escape(d['b'])}[/bold]: {t['events']} events "
              f"({t['a_to_b']} {escape(d['a'])}->{escape(d['b'])}, {t['b_to_a']} back), "
              f"mean Goldstein {t['goldstein_mean'] if t['goldstein_mean'] is not None else '-'}")
    table = Table(title="By month (clustered events)")
    for col in ("month", f"{d['a']}->{d['b']}", f"{d['b']}->{d['a']}", "Goldstein", "quad mix (1-4)"):
        table.add_column(escape(col))
    for m in d["months"]:
        table.add_row(*_plain(m["month"], m["a_to_b"], m["b_to_a"],
                              "" if m["goldstein_mean"] is None else f"{m['goldstein_mean']:g}", _quad_mix(m["quad"])))
    con.print(table)
    for section in [k for k in d if k not in {"a", "b", "months", "totals", "facts"}]:
        if not d[section]:
            continue
        con.print(f"[bold]{section.capitalize()}[/bold] ({len(d[section])})")
        for e in d[section]:
            copies = f", {e['copies']} copies" if e.get("copies") else ""
            head = (f"{_date(e)}  {_actor_label(e['source'])} {e['cameo']} {_actor_label(e['target'])}"
                    f"  ({e['mentions'] or 1} mentions, {e['sources'] or 1} sources{copies})")
            con.print("  " + escape(head))
            con.print("    [dim]" + escape(_oneline(e["evidence"]["text"])) + "[/dim]")
    render_facts(d["facts"], "Relation facts")


@click.command("events")
@event_filter_options
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help=f"Rows to print (table: {TABLE_LIMIT} by default; jsonl/csv: all).")
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def events_cmd(limit, offset, fmt, mentions, db, config_file, **filters):
    """List coded events matching the filters (one row per clustered event by default)."""
    from .. import query
    from ..store import exports

    path = db_path(db, config_file)
    filters = {k: v for k, v in filters.items() if v is not None}
    with accord_errors():
        if fmt == "table":
            rows = query.events(path, filters, limit=TABLE_LIMIT if limit is None else limit, offset=offset,
                                clustered=not mentions)
            _events_table(rows, query.count_events(path, filters, clustered=not mentions))
            return
        rows_iter = query.iter_events(path, filters, clustered=not mentions, flat=fmt == "csv", limit=None)
        rows_iter = _slice(rows_iter, offset, limit)
        # a bar on the terminal (stderr) only while the rows go to a file or pipe
        show = sys.stderr.isatty() and not sys.stdout.isatty()
        total = query.count_events(path, filters, clustered=not mentions) if show else 0
        with progress_wrapper(total, show, "events") as wrap:
            if fmt == "jsonl":
                exports.write_jsonl(wrap(rows_iter), sys.stdout)
            else:
                exports.write_csv(wrap(rows_iter), sys.stdout, list(query.FLAT_COLUMNS))


def _slice(rows, offset: int, limit: int | None):
    for i, row in enumerate(rows):
        if i < offset:
            continue
        if limit is not None and i >= offset + limit:
            return
        yield row


@click.command("dyad")
@click.argument("a")
@click.argument("b")
@click.option("--from", "date_from", metavar="DATE", callback=check_date_bound, help="Earliest event date (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", metavar="DATE", callback=check_date_bound, help="Latest event date (inclusive).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
@config_option
def dyad_cmd(a, b, date_from, date_to, fmt, db, config_file):
    """The relationship between actors A and B: timeline, agreements, visits, statements, facts."""
    from .. import query

    with accord_errors():
        d = query.dyad(db_path(db, config_file), a, b, date_from=date_from, date_to=date_to)
    if fmt == "json":
        click.echo(json.dumps(d, ensure_ascii=False, indent=2))
        return
    render_dyad(d)


@click.command("facts")
@click.option("--actor", help="Subject or object (code, ISO3, name).")
@click.option("--subject")
@click.option("--object", "object_")
@click.option("--relation", help="member_of, trade, agreement_in_force, partner, ...")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@db_option
@config_option
def facts_cmd(actor, subject, object_, relation, limit, fmt, db, config_file):
    """Relation facts (memberships, trade, agreements in force) with their evidence."""
    from .. import query

    with accord_errors():
        rows = query.facts(db_path(db, config_file), actor=actor, subject=subject, object=object_,
                           relation=relation, limit=limit)
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    render_facts(rows)


@click.command("top")
@click.option("-n", "--limit", "n", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
@config_option
def top_cmd(n, fmt, db, config_file):
    """The most active actors (country-level), by number of clustered events."""
    from .. import query

    with accord_errors():
        rows = query.top_actors(db_path(db, config_file), n)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Most active actors")
    for col in ("actor", "name", "events", "as source", "as target"):
        table.add_column(col)
    for r in rows:
        table.add_row(*_plain(r["actor"], r["name"], r["events"], r["as_source"], r["as_target"]))
    Console().print(table)


def register(main: click.Group) -> None:
    main.add_command(events_cmd)
    main.add_command(dyad_cmd)
    main.add_command(facts_cmd)
    actors = main.commands.get("actors")
    if not isinstance(actors, click.Group):

        @click.group("actors")
        def actors():
            """Actor dictionary and actor statistics."""

        main.add_command(actors)
    actors.add_command(top_cmd)
