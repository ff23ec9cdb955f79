"""Function-word lists from data/grammar.yaml (loaded once)."""
from __future__ import annotations

import functools
from pathlib import Path

from ..errors import DictionaryError

PATH = Path(__file__).resolve().parent / "data" / "grammar.yaml"


@functools.lru_cache(maxsize=1)
def _load() -> dict[str, frozenset]:
    import yaml

    try:
        data = _parse_yaml(PATH.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DictionaryError(str(PATH), mark.line + 1 if mark else None, str(exc)) from exc
    return {k: frozenset(str(w).lower() for w in v) for k, v in data.items()}


def _parse_yaml(text: str):
    """``load_yaml`` (libyaml); a text it refuses goes to PyYAML's own parser, as before, so what
    such a text gives (data or error message) is unchanged."""
    import yaml

    from ..datafiles import load_yaml

    try:
        return load_yaml(text)
    except yaml.YAMLError:
        pass
    return yaml.safe_load(text)


def words(name: str) -> frozenset:
    """The word list ``name`` (raises KeyError for an unknown list)."""
    return _load()[name]
