"""``accord watch FEED...``: poll RSS/Atom feeds and ingest new entries once."""
from __future__ import annotations

import logging

import click

from .options import actors_option, config_option, db_option, settings_from


def _print_round(results) -> None:
    for r in results:
        if r.status == "new":
            click.echo(f"{r.feed}: {r.entries} entries, {r.fresh} new -> {r.articles} articles, {r.events} events")
        elif r.status == "not-modified":
            click.echo(f"{r.feed}: not modified")
        elif r.status == "backoff":
            click.echo(f"{r.feed}: backing off after errors")
        else:
            again = f" ({r.failures} in a row)" if r.failures > 1 else ""
            click.echo(f"{r.feed}: error{again}: {r.error}", err=True)


def register(group: click.Group) -> None:
    @group.command("watch")
    @click.argument("feeds", nargs=-1, required=True)
    @click.option("--every", default="15m", show_default=True, help="Poll interval (30s, 15m, 2h).")
    @click.option("--once", is_flag=True, help="Poll every feed once and exit.")
    @click.option("--polls", type=int, default=None, help="Stop after N rounds.")
    @db_option
    @actors_option
    @config_option
    def watch(feeds, every, once, polls, db, actor_files, config_file):
        """Poll RSS/Atom feeds; ingest and code each new entry once."""
        from ..errors import AccordError
        from ..watch import parse_duration, watch as run_watch

        if not logging.getLogger().handlers:
            logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        settings = settings_from(config_file, db=db, actor_files=actor_files)
        try:
            interval = parse_duration(every)
        except AccordError as exc:
            raise click.BadParameter(str(exc), param_hint="--every") from exc
        local = [f for f in feeds if not f.lower().startswith(("http://", "https://"))]
        if local:
            raise click.UsageError(f"accord watch polls http(s) feeds; {local[0]!r} is not a URL "
                                   "(to read a feed file once, use `accord ingest FILE`)")
        rounds = run_watch(list(feeds), settings, every=interval, once=once, max_polls=polls, on_poll=_print_round)
        polled = [r for results in rounds for r in results]
        if polled and all(r.status == "error" for r in polled):
            raise SystemExit(1)  # every poll of every feed failed: say so to scripts and cron
