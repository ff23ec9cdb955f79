"""``accord spark``: run the pipeline on Apache Spark (needs the ``accord[spark]`` extra)."""
from __future__ import annotations

import os

import click

from .options import actors_option, check_inputs, config_option, settings_from


def register(group: click.Group) -> None:
    @group.command("spark")
    @click.option("--input", "input_path", required=True, type=click.Path(), help="JSONL file or Parquet file/folder.")
    @click.option("--output", "output_path", required=True, type=click.Path(), help="Output folder (articles/, events/, rejections/).")
    @click.option("--master", default=None, help="Spark master, e.g. local[2] (default: from spark-submit, else local[*]).")
    @click.option("--partitions", type=int, default=None, help="Repartition the input into N partitions.")
    @actors_option
    @config_option
    def spark(input_path, output_path, master, partitions, actor_files, config_file):
        """Code INPUT on Spark; write Parquet articles and events under OUTPUT."""
        check_inputs([input_path])
        try:
            import pyspark  # noqa: F401
        except ImportError as exc:
            raise click.ClickException("pyspark is not installed: pip install 'accord[spark]'") from exc
        from ..scale.spark import run_spark

        settings = settings_from(config_file, actor_files=actor_files)
        if master is None and not os.environ.get("PYSPARK_GATEWAY_PORT"):  # not under spark-submit
            master = "local[*]"
        counts = run_spark(input_path, output_path, master=master, settings=settings, partitions=partitions)
        click.echo(
            f"Wrote {counts['articles']} articles, {counts['events']} events and "
            f"{counts['rejections']} refused rows under {output_path}"
        )
