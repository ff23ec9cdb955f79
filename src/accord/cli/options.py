"""Shared click options, settings from options, and the input-path check every command uses."""
from __future__ import annotations

import os

import click

db_option = click.option(
    "--db", "db", default=None, envvar="ACCORD_DB", show_default="accord.db", help="SQLite database path."
)
actors_option = click.option(
    "--actors", "actor_files", multiple=True, type=click.Path(), help="Extra actor dictionary file or folder (repeatable)."
)
config_option = click.option("--config", "config_file", default=None, type=click.Path(), help="Settings file (YAML).")


class InputError(click.ClickException):
    """A missing or unreadable input path: a usage error (exit 2) shown as one ``Error:`` line."""

    exit_code = 2


def _unreadable(path: str, files_only: bool) -> str | None:
    if not os.path.exists(path):
        return "no such file or folder"
    if os.path.isdir(path):
        if files_only:
            return "is a folder, not a file"
        return None if os.access(path, os.R_OK | os.X_OK) else "permission denied"
    return None if os.access(path, os.R_OK) else "permission denied"


def check_inputs(paths, *, dash: bool = False, urls: bool = False, files_only: bool = False) -> None:
    """Raise InputError naming every input path that is missing or unreadable, before any work.

    ``dash``: "-" (stdin) is allowed; ``urls``: URLs are allowed (not checked here);
    ``files_only``: a folder is refused too.
    """
    problems: dict[str, list[str]] = {}
    for path in map(str, paths):
        if dash and path == "-":
            continue
        if urls and not os.path.exists(path):
            from ..ingest import is_url

            if is_url(path):
                continue
        why = _unreadable(path, files_only)
        if why:
            problems.setdefault(why, []).append(path)
    if problems:
        raise InputError("; ".join(f"cannot read {', '.join(ps)}: {why}" for why, ps in problems.items()))


def settings_from(config_file=None, *, check_files: bool = True, **overrides):
    """Build Settings from CLI options, turning errors into click errors; with ``check_files``, a
    missing actor or pattern file (option, config or environment) is an InputError."""
    from ..config import load_settings
    from ..errors import AccordError

    try:
        settings = load_settings(config_file, **{k: v for k, v in overrides.items() if v not in (None, ())})
    except AccordError as exc:
        raise click.UsageError(str(exc)) from exc
    if check_files:
        check_inputs((*settings.actor_files, *settings.pattern_files))
    return settings
