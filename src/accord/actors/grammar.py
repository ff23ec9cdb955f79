"""Function-word lists from data/grammar.yaml (loaded once)."""
from __future__ import annotations

import functools
from pathlib import Path

from ..datafiles import parse_yaml
from ..errors import DictionaryError

PATH = Path(__file__).resolve().parent / "data" / "grammar.yaml"


@functools.lru_cache(maxsize=1)
def _load() -> dict[str, frozenset]:
    import yaml

    try:
        data = parse_yaml(PATH.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DictionaryError(str(PATH), mark.line + 1 if mark else None, str(exc)) from exc
    return {k: frozenset(str(w).lower() for w in v) for k, v in data.items()}


def words(name: str) -> frozenset:
    """The word list ``name`` (raises KeyError for an unknown list)."""
    return _load()[name]
