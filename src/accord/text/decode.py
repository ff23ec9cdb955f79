"""Bytes -> str, refusing binary files and bytes that are not text in any sensible encoding."""
from __future__ import annotations

import codecs
import logging
import re

from ..errors import Rejected

log = logging.getLogger(__name__)

# File signatures of common non-text formats (first bytes).
_MAGIC = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
    (b"Rar!", "RAR archive"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"SQLite format 3", "SQLite database"),
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_CONTROL = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])


def binary_kind(data: bytes) -> str | None:
    """Name the binary format of ``data`` or return None if it may be text."""
    head = data[:8192]
    for sig, name in _MAGIC:
        if head.startswith(sig):
            return name
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if head:
        controls = len(head) - len(head.translate(None, _CONTROL))
        if controls / len(head) > 0.05:
            return "binary data (control bytes)"
    return None


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


_BAD_CHARS = re.compile("[\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x80-\x9f]")


def _bad_ratio(text: str) -> float:
    """Share of replacement characters and C0/C1 controls: high means a wrong decoding."""
    sample = text[:20000]
    return len(_BAD_CHARS.findall(sample)) / len(sample) if sample else 0.0


def decode_bytes(data: bytes, declared: str | None = None, origin: str = "") -> str:
    """Decode ``data``; raise ``Rejected`` with reason empty / binary / undecodable."""
    if not data or not data.strip():
        raise Rejected("empty", origin, "no content")
    kind = binary_kind(data)
    if kind:
        raise Rejected("binary", origin, kind)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _try(data, enc)
            if text is not None:
                return text
    text = _try(data, "utf-8")
    if text is None and declared:
        text = _try(data, declared)
    if text is None:
        m = _META_CHARSET.search(data[:4096])
        if m:
            text = _try(data, m.group(1).decode("ascii", "ignore"))
    if text is None:
        text = _guess(data)
    if text is None or _bad_ratio(text) > 0.02:
        raise Rejected("undecodable", origin, "bytes are not valid text in any detected encoding")
    return text


def _guess(data: bytes) -> str | None:
    """Fall back to charset detection; refuse when the best guess is still mostly noise."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset_normalizer ships with httpx's deps
        return _try(data, "cp1252")
    best = from_bytes(data[:200_000]).best()
    if best is None or best.chaos > 0.25:
        log.debug("charset guess refused (%s)", None if best is None else best.chaos)
        return None
    return _try(data, best.encoding)
