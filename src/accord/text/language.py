"""Light, fast language identification: script check + function-word ratios.

Only English is coded downstream, so the question is "is this English?". A text is English
unless (a) most of its letters are in a non-Latin script, or (b) another language's function
words clearly outnumber English ones. Texts with few function words of any language (tables of
figures, short wire briefs) are given the benefit of the doubt when they are in Latin script.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

import yaml

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE_CHARS = 6000
#: another language must show at least this many function words, and this share of all words
MIN_HITS = 4
MIN_SHARE = 0.15


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    data = yaml.safe_load(resources.files(__package__).joinpath("data/function_words.yaml").read_text("utf-8"))
    return {lang: frozenset(str(w).lower() for w in words) for lang, words in data.items()}


def _latin_share(sample: str) -> float:
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return 0.0
    latin = sum(1 for ch in letters if ord(ch) < 0x250 or "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)


def _hits(text: str) -> tuple[int, dict[str, int]]:
    words = [w.lower() for w in _WORD.findall(text[:_SAMPLE_CHARS])]
    table = _function_words()
    return len(words), {lang: sum(1 for w in words if w in fw) for lang, fw in table.items()}


def language_scores(text: str) -> dict[str, float]:
    """Share of word tokens that are function words of each language (first ~6000 chars)."""
    n, hits = _hits(text)
    return {lang: h / n for lang, h in hits.items()} if n else {}


def detect_language(text: str) -> str | None:
    """Return an ISO 639-1 code ("en", "de", ...), "und" when undecidable, or None for no letters."""
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    if _latin_share(sample) < 0.5:
        return "und"
    n, hits = _hits(sample)
    if not n:
        return "en"
    best = max(hits, key=hits.get)
    en, top = hits.get("en", 0) / n, hits[best] / n
    if best == "en" or hits[best] < MIN_HITS or top < MIN_SHARE:
        return "en"  # English leads, or no language is clearly present (tables, lists of names)
    if top < en * 1.5 + 0.03:
        return "en"  # mixed, but English carries the weight
    return best


def is_english(text: str) -> bool:
    return detect_language(text) == "en"
