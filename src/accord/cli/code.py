"""``accord code [FILE|-]`` (JSONL rows -> events) and ``accord eval`` (development-set figures)."""
from __future__ import annotations

import json
import sys

import click

from .options import actors_option, check_inputs, config_option, settings_from



def _rows(stream, max_line: int):
    """Yield parsed rows; a malformed line yields a dict with ``_error``."""
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        if len(raw) > max_line:
            yield {"id": None, "_error": f"oversize: line {lineno} has {len(raw)} bytes (limit {max_line})"}
            continue
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            row = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield {"id": None, "_error": f"malformed-json: line {lineno}: {exc}"}
            continue
        if not isinstance(row, dict):
            yield {"id": None, "_error": f"bad-row: line {lineno} is not a JSON object"}
            continue
        if "text" not in row:
            row = {**row, "_error": "bad-row: missing 'text'"}
        yield row


def _code_rows(rows, nlp):
    """(id, events, error) for every row, errors included, in input order."""
    from ..events.api import code_texts

    pending: list = []

    def flush():
        good = [r for r in pending if "_error" not in r]
        coded = iter(code_texts(good, nlp))
        for r in pending:
            if "_error" in r:
                yield r.get("id"), [], r["_error"]
            else:
                yield next(coded)

    for row in rows:
        pending.append(row)
        if len(pending) >= 64:
            yield from flush()
            pending = []
    if pending:
        yield from flush()


def register(group: click.Group) -> None:
    @group.command("code")
    @click.argument("source", default="-", type=click.Path(allow_dash=True))
    @actors_option
    @click.option("--patterns", "pattern_files", multiple=True, type=click.Path(), help="Extra event pattern file (repeatable).")
    @config_option
    def code_cmd(source, actor_files, pattern_files, config_file):
        """Code JSONL rows {"id","text","date"?} into events, one output row per input row."""
        from ..nlp import build_nlp

        check_inputs([source], dash=True, files_only=True)
        settings = settings_from(config_file, actor_files=actor_files, pattern_files=pattern_files)
        nlp = build_nlp(settings)
        stream = sys.stdin.buffer if source == "-" else open(source, "rb")
        out = sys.stdout
        try:
            for rid, events, err in _code_rows(_rows(stream, settings.max_bytes), nlp):
                row = {"id": rid, "events": [e.to_dict() for e in events]}
                if err:
                    row["error"] = err
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()

    @group.command("eval")
    @click.option("--set", "which", type=click.Choice(["plover", "pentaclass", "actors", "all"]), default="all", show_default=True)
    @click.option("--limit", type=int, default=None, help="Only the first N rows of each set.")
    def eval_cmd(which, limit):
        """Figures on the development sets in ../shared/eval (skipped when absent)."""
        from ..evaluate import run

        for result in run(which, limit=limit):
            click.echo(json.dumps(result))
