"""``accord actors``: actor dictionary commands (``resolve``; other modules add ``top``)."""
from __future__ import annotations

import json
import sys

import click

from .options import InputError, actors_option, check_inputs, config_option, settings_from

#: The ``actors`` click group once registered (other CLI modules may add commands to it).
GROUP: click.Group | None = None


def register(group: click.Group) -> None:
    global GROUP

    @group.group("actors")
    def actors() -> None:
        """Actors: resolve phrases with the actor dictionaries."""

    @actors.command("resolve")
    @click.argument("file", default="-", type=click.Path(allow_dash=True))
    @actors_option
    @config_option
    def resolve(file, actor_files, config_file) -> None:
        """Read JSONL {"id","text","context"?,"date"?}; write {"id","country","sector","code","name"}."""
        from ..actors import get_dictionary
        from ..actors.rows import resolve_row
        from ..errors import DictionaryError

        check_inputs([file], dash=True, files_only=True)
        settings = settings_from(config_file, actor_files=tuple(actor_files) or None)
        try:
            get_dictionary(settings)
        except DictionaryError as exc:
            raise click.ClickException(f"actor dictionary: {exc}") from exc
        try:
            stream = sys.stdin.buffer if file == "-" else open(file, "rb")
        except OSError as exc:
            raise InputError(f"cannot read {file}: {exc.strerror or exc}") from exc
        try:
            for n, raw in enumerate(stream, start=1):
                line = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
                if not line.strip():
                    continue
                click.echo(json.dumps(resolve_row(line, n, settings), ensure_ascii=False))
        finally:
            if file != "-":
                stream.close()

    GROUP = actors
