"""What is in a file or a response body: decided by content first, extension second."""
from __future__ import annotations

import json
import zlib

from .feeds import looks_like_feed

GZIP_MAGIC = b"\x1f\x8b"
JSONL_EXTS = (".jsonl", ".ndjson", ".jsonl.gz")


def _gunzip_head(data: bytes, n: int = 65536) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, n)
    except zlib.error:
        return b""


def sniff(head: bytes, name: str = "") -> str:
    """Return one of: "warc", "gzip", "feed", "jsonl", "document" (html/text/binary decided later)."""
    name = name.lower()
    if head.startswith(GZIP_MAGIC):
        inner = _gunzip_head(head)
        if inner.startswith(b"WARC/") or name.endswith(".warc.gz"):
            return "warc"  # the extension decides when the head is too damaged to tell
        return "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"<", b"\xef\xbb\xbf<")) and looks_like_feed(stripped):
        return "feed"
    if stripped and (name.endswith(JSONL_EXTS) or (stripped.startswith(b"{") and _first_line_is_object(stripped))):
        return "jsonl"  # a .jsonl whose first line is broken is still read line by line
    return "document"


def _first_line_is_object(data: bytes) -> bool:
    line = data.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def gunzip_capped(data: bytes, limit: int) -> bytes | None:
    """Decompress a gzip member up to ``limit`` bytes; None when larger (or corrupt -> b"")."""
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, limit + 1)
    except zlib.error:
        return b""
    return None if len(out) > limit else out

