"""JSONL: one article per line, streamed (never the whole file in memory)."""
from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path
from typing import BinaryIO, Iterator

from ..models import RawDocument, Rejection

log = logging.getLogger(__name__)

META_KEYS = ("id", "url", "title", "date", "source")


def _skip_rest_of_line(fh: BinaryIO, chunk: int = 1 << 20) -> None:
    while True:
        part = fh.readline(chunk)
        if not part or part.endswith(b"\n"):
            return


def _open(path: Path) -> BinaryIO:
    with open(path, "rb") as probe:
        gz = probe.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gz else open(path, "rb")


def iter_jsonl(path: Path, max_bytes: int, label: str | None = None) -> Iterator[RawDocument | Rejection]:
    """Yield one RawDocument per good line and a Rejection ("file.jsonl:LINE") per bad one."""
    label = label or str(path)
    with _open(path) as fh:
        lineno = 0
        while True:
            line = fh.readline(max_bytes + 1)
            if not line:
                return
            lineno += 1
            origin = f"{label}:{lineno}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                _skip_rest_of_line(fh)
                yield Rejection(origin, "oversize", f"line longer than the limit {max_bytes:,} bytes")
                continue
            if line.strip():
                yield parse_line(line, origin)


def parse_line(line: bytes, origin: str) -> RawDocument | Rejection:
    try:
        row = json.loads(line)
    except (UnicodeDecodeError, ValueError) as exc:
        return Rejection(origin, "malformed-jsonl", f"not valid JSON: {exc}"[:300])
    if not isinstance(row, dict):
        return Rejection(origin, "malformed-jsonl", f"expected a JSON object, got {type(row).__name__}")
    kind, body = None, None
    for key, k in (("text", "text"), ("html", "html")):
        value = row.get(key)
        if isinstance(value, str) and value.strip():
            kind, body = k, value
            break
        if value is not None and not isinstance(value, str):
            return Rejection(origin, "malformed-jsonl", f"field {key!r} must be a string")
    if body is None:
        if "text" in row or "html" in row:
            return Rejection(origin, "empty", "the 'text'/'html' field is empty")
        return Rejection(origin, "malformed-jsonl", "no 'text' or 'html' field")
    meta = {k: str(row[k]) for k in META_KEYS if row.get(k) not in (None, "")}
    return RawDocument(
        content=body.encode("utf-8", "replace"), origin=origin, kind=kind, url=meta.get("url"), meta=meta,
        encoding="utf-8",
    )  # fmt: skip
