"""Near-miss surnames of known people ("Mitterand" for "Mitterrand") and country names ("Ethopia").

Only long surnames (``MIN_LEN`` letters or more) at edit distance one are considered, and the
resolver accepts one only when a given name in the text matches that person's given name
("Francois Mitterand"), so a typo cannot pull in an unrelated person or place.
"""
from __future__ import annotations

MIN_LEN = 7
_ATTR = "_near_surname_index"


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _words(d, kinds: tuple[str, ...]) -> list[str]:
    solo = [k[0] for k, es in d.index.items() if len(k) == 1 and any(e.kind in kinds for e in es)]
    return solo + (list(d.surnames) if "person" in kinds else [])


def _index(d, kinds: tuple[str, ...]) -> dict[str, set[str]]:
    cache = d.__dict__.setdefault(_ATTR, {})
    if kinds not in cache:
        idx: dict[str, set[str]] = {}
        for s in _words(d, kinds):
            if len(s) >= MIN_LEN - 1:
                for v in _deletes(s) | {s}:
                    idx.setdefault(v, set()).add(s)
        cache[kinds] = idx
    return cache[kinds]


def near_surnames(d, key: str) -> list[str]:
    """Known surnames one insertion, deletion or substitution away from ``key`` (not ``key``)."""
    return _near(d, key, ("person",))


def near_places(d, key: str) -> list[str]:
    """One-word country names and demonyms one edit away from ``key`` ("Ethopia" -> "ethiopia")."""
    return _near(d, key, ("country", "demonym"))


def _near(d, key: str, kinds: tuple[str, ...]) -> list[str]:
    if len(key) < MIN_LEN or not key.isalpha() or d.lookup((key,)):
        return []
    idx = _index(d, kinds)
    found: set[str] = set()
    for v in _deletes(key) | {key}:
        for s in idx.get(v, ()):
            if s != key and _one_edit(key, s):
                found.add(s)
    return sorted(found)


def people_named(d, surname: str) -> list:
    """Person entries whose surname (or single-word name) is ``surname``."""
    return d.surnames.get(surname) or [e for e in d.lookup((surname,)) if e.kind == "person"]


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
