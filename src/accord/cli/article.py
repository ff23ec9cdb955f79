"""``accord article PATH|URL``: print the cleaned article record as JSON."""
from __future__ import annotations

import json
import sys

import click

from .options import check_inputs, config_option, settings_from


def register(group: click.Group) -> None:
    group.add_command(article_cmd)


@click.command("article")
@click.argument("source")
@click.option("--all", "show_all", is_flag=True, help="For containers (JSONL, feeds, WARC, folders): print every article, one JSON per line.")
@config_option
def article_cmd(source: str, show_all: bool, config_file: str | None) -> None:
    """Print the article record (title, publisher, date, url, language, text) of SOURCE as JSON.

    SOURCE is a file (text, HTML, feed, JSONL, WARC), a folder or an http(s) URL. For a container
    only the first article is printed unless --all is given; refusals go to stderr.
    """
    from ..errors import AccordError, Rejected
    from ..ingest import iter_sources
    from ..models import Rejection
    from ..text import to_article

    settings = settings_from(config_file)
    check_inputs([source], urls=True)
    printed = refused = 0
    try:
        for item in iter_sources([source], settings):
            if isinstance(item, Rejection):
                refused += 1
                click.echo(f"refused {item.origin}: {item.reason} ({item.detail})", err=True)
                continue
            try:
                art = to_article(item, settings)
            except Rejected as exc:
                refused += 1
                click.echo(f"refused {exc.item or item.origin}: {exc.reason} ({exc.detail})", err=True)
                continue
            indent = None if show_all else 2
            click.echo(json.dumps(art.to_dict(), ensure_ascii=False, indent=indent))
            printed += 1
            if not show_all:
                break
    except AccordError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if not printed:
        click.echo(f"error: no article could be read from {source}" + (f" ({refused} refused)" if refused else ""), err=True)
        sys.exit(1)
