"""Light, fast language identification: script check + function-word ratios.

Only English is coded downstream, so the question is "is this English?". A text is English
unless (a) most of its letters are in a non-Latin script, or (b) another language's function
words clearly outnumber English ones. Texts with few function words of any language (tables of
figures, short wire briefs) are given the benefit of the doubt when they are in Latin script.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import yaml

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE_CHARS = 6000
#: another language must show at least this many function words, and this share of all words
MIN_HITS = 4
MIN_SHARE = 0.15
#: prose (mostly lower-case words) of at least PROSE_WORDS words needs this English share
PROSE_WORDS = 25
MIN_EN_PROSE = 0.06


@lru_cache(maxsize=1)
def _function_words() -> dict[str, tuple[str, ...]]:
    """word -> the languages it is a function word of."""
    data = yaml.safe_load(resources.files(__package__).joinpath("data/function_words.yaml").read_text("utf-8"))
    inverse: dict[str, list[str]] = {}
    for lang, words in data.items():
        for w in words:
            inverse.setdefault(str(w).lower(), []).append(str(lang))
    return {w: tuple(langs) for w, langs in inverse.items()}


@lru_cache(maxsize=1)
def _languages() -> tuple[str, ...]:
    return tuple(sorted({lang for langs in _function_words().values() for lang in langs}))


_LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _latin_share(sample: str) -> float:
    letters = sum(len(w) for w in _WORD.findall(sample))
    if not letters:
        return 0.0
    return sum(len(r) for r in _LATIN_RUN.findall(sample)) / letters


def _hits(text: str) -> tuple[int, dict[str, int], float]:
    """Word count, function-word hits per language, and a 0..1 "foreign prose" cue: the share of
    lower-case words, capped by 40x the share of non-ASCII letters."""
    raw = _WORD.findall(text[:_SAMPLE_CHARS])
    if not raw:
        return 0, {}, 0.0
    table = _function_words()
    hits = dict.fromkeys(_languages(), 0)
    for w, c in Counter(w.lower() for w in raw).items():
        for lang in table.get(w, ()):
            hits[lang] += c
    prose = sum(1 for w in raw if w.islower()) / len(raw)
    joined = "".join(raw)
    accented = len(_NON_ASCII.findall(joined)) / len(joined)
    # running prose with accented letters: English has neither tables' capitals nor diacritics
    return len(raw), hits, min(prose, accented * 40)


def language_scores(text: str) -> dict[str, float]:
    """Share of word tokens that are function words of each language (first ~6000 chars)."""
    n, hits, _ = _hits(text)
    return {lang: h / n for lang, h in hits.items()} if n else {}


def detect_language(text: str) -> str | None:
    """Return an ISO 639-1 code ("en", "de", ...), "und" when undecidable, or None for no letters."""
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    if _latin_share(sample) < 0.5:
        return "und"
    n, hits, foreign = _hits(sample)
    if not n:
        return "en"
    best = max(hits, key=hits.get)
    en, top = hits.get("en", 0) / n, hits[best] / n
    if best != "en" and (hits[best] < MIN_HITS or top < MIN_SHARE):
        if n >= PROSE_WORDS and foreign >= 0.6 and en < MIN_EN_PROSE:
            return "und"  # accented running prose without English function words: another language
        return "en"  # no language clearly present (tables of figures, lists of names)
    if best == "en":
        return "en"
    if top < en * 1.5 + 0.03:
        return "en"  # mixed, but English carries the weight
    return best


def is_english(text: str) -> bool:
    return detect_language(text) == "en"
