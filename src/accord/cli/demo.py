"""``accord demo``: ingest the example collection shipped in the package (what ``make run`` does)."""
from __future__ import annotations

import click

from .options import config_option, db_option, settings_from


def register(group: click.Group) -> None:
    @group.command("demo")
    @db_option
    @click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
    @config_option
    def demo(db, quiet, config_file):
        """Ingest the embedded example articles into DB and print a summary."""
        from .. import examples
        from .ingest import run_and_report

        settings = settings_from(config_file, db=db, workers=1)  # 7 articles: one process is quicker
        source = str(examples.path())
        click.echo(f"Example collection: {source}")
        run_and_report([source], settings, quiet)
