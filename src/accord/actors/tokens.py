"""Tokenising and normalising actor phrases so dictionary keys and spaCy tokens agree.

A key is a tuple of normalised tokens: lower case, accents folded, dots dropped ("U.S." -> "us"),
curly apostrophes straightened; bare "-" and "." tokens are skipped, so "Kassym-Jomart" and
"Kassym Jomart" share a key.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TOKEN = re.compile(r"[^\W\d_]\.(?:[^\W\d_]\.)+|\w+(?:\.\w+)*\.?|'s\b|[^\w\s]", re.UNICODE)
_SKIP = {"-", ".", "–", "—", "‐", "\""}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
#: Text whose key is just its lower-cased words: ASCII letters, digits, spaces and hyphens
#: (a bare "-" is skipped, so it only separates words). Most names are like this.
_PLAIN = re.compile(r"[A-Za-z0-9 -]*").fullmatch


def fold(text: str) -> str:
    """Lower-case, straighten quotes and strip accents (Khürelsükh -> khurelsukh)."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=200_000)
def norm_token(tok: str) -> str:
    t = fold(tok)
    if t in _SKIP:
        return ""
    if t == "'s" or t == "'":
        return t
    if len(t) > 1:
        t = t.replace(".", "")
    return t


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(surface, start, end) tokens of a phrase, with offsets into ``text``."""
    text = text.translate(_QUOTES)
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def key_of(text: str) -> tuple[str, ...]:
    """Dictionary key of a name."""
    if _PLAIN(text):  # fast path, same result as the general one below
        return tuple(text.replace("-", " ").lower().split())
    return tuple(t for t in (norm_token(s) for s, _, _ in tokenize(text)) if t)


def singular(word: str) -> str:
    """Crude English singular for sector nouns (soldiers -> soldier, militias -> militia)."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith("ss"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("men"):
        return word
    return word[:-1]


def acronym_like(text: str) -> bool:
    """Written like an acronym: all capitals ("WHO") or a capital plus another later ("DfID", "MoD")."""
    return text.isupper() or (text[:1].isupper() and text[1:] != text[1:].lower())
