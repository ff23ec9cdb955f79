"""Shared click options."""
from __future__ import annotations

import click

db_option = click.option(
    "--db", "db", default=None, envvar="ACCORD_DB", show_default="accord.db", help="SQLite database path."
)
actors_option = click.option(
    "--actors", "actor_files", multiple=True, type=click.Path(), help="Extra actor dictionary file or folder (repeatable)."
)
config_option = click.option("--config", "config_file", default=None, type=click.Path(), help="Settings file (YAML).")


def settings_from(config_file=None, **overrides):
    """Build Settings from CLI options, turning errors into click errors."""
    from ..config import load_settings
    from ..errors import AccordError

    try:
        return load_settings(config_file, **{k: v for k, v in overrides.items() if v not in (None, ())})
    except AccordError as exc:
        raise click.UsageError(str(exc)) from exc
