"""The ``accord`` command. Thin: parse options, call pipeline/query, render.

Each sub-area registers its commands from its own module in this package (``register(main)``),
so ``accord --help`` stays instant: heavy imports happen inside the commands.
"""
from __future__ import annotations

import importlib
import sys

import click

from ..errors import AccordError

# Modules under accord.cli that define ``register(group)``.
COMMAND_MODULES = ("article", "ingest", "actors", "code", "query", "export", "serve", "watch", "spark", "demo")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="accord")
def main_group() -> None:
    """Accord: news about international affairs -> structured, sourced event data."""
    _quiet_libraries()


#: Extraction libraries log every page they cannot read; Accord records those pages as rejections
#: with a reason, so their own log lines are only noise on the console.
NOISY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


def _quiet_libraries() -> None:
    import logging

    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _register_all() -> None:
    for name in COMMAND_MODULES:
        try:
            mod = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:  # a command module not present in this build
            if exc.name == f"{__name__}.{name}":
                continue
            raise
        mod.register(main_group)


_register_all()


def main() -> None:
    try:
        main_group(standalone_mode=True)
    except AccordError as exc:  # pragma: no cover - click handles most; safety net
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
