"""``accord actors``: actor dictionary commands (``resolve``; other modules add ``top``)."""
from __future__ import annotations

import json
import sys

import click

from .options import actors_option, config_option, settings_from

#: The ``actors`` click group once registered (other CLI modules may add commands to it).
GROUP: click.Group | None = None


def _row(line: str, n: int, settings) -> dict:
    from ..actors import resolve_phrase

    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "line": n, "error": f"malformed JSON: {exc.msg}"}
    if not isinstance(obj, dict):
        return {"id": None, "line": n, "error": "expected a JSON object"}
    rid = obj.get("id", n)
    text = obj.get("text")
    if not isinstance(text, str):
        return {"id": rid, "error": "missing or non-string 'text'"}
    context = obj.get("context") or ""
    date = obj.get("date")
    if not isinstance(context, str) or (date is not None and not isinstance(date, str)):
        return {"id": rid, "error": "'context' and 'date' must be strings"}
    a = resolve_phrase(text, context, date, settings)
    if a is None:
        return {"id": rid, "country": None, "sector": None, "code": None, "name": None}
    sector, code = a.sector, a.code
    if a.kind == "state" and sector == "GOV":
        # A bare capital ("Beijing") as a whole phrase names the country, not its government; inside a
        # sentence the component still codes "Beijing said" as GOV (see docs/actors.md, "Conventions").
        sector, code = None, a.country
    return {"id": rid, "country": _country_key(a, settings), "sector": sector, "code": code, "name": a.name}


def _country_key(a, settings) -> str | None:
    """ISO3; for an international organisation its bloc key (UNO, EUR or IGO), see docs/actors.md."""
    if a.country:
        return a.country
    if a.code and a.code.startswith("IGO"):
        from ..actors import get_dictionary

        return get_dictionary(settings).bloc_of(a.code)
    return None


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
        from ..errors import DictionaryError

        settings = settings_from(config_file, actor_files=tuple(actor_files) or None)
        try:
            get_dictionary(settings)
        except DictionaryError as exc:
            raise click.ClickException(f"actor dictionary: {exc}") from exc
        try:
            stream = sys.stdin.buffer if file == "-" else open(file, "rb")
        except OSError as exc:
            raise click.ClickException(f"cannot read {file}: {exc}") from exc
        try:
            for n, raw in enumerate(stream, start=1):
                line = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
                if not line.strip():
                    continue
                click.echo(json.dumps(_row(line, n, settings), ensure_ascii=False))
        finally:
            if file != "-":
                stream.close()

    GROUP = actors
