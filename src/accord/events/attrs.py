"""Thin adapter over ``accord.events.attributes`` (dates, places, quantities, negation, modality).

Each call falls back safely (article date / None / [] / False / "asserted") when the attribute
module is missing or fails on an odd sentence, so coding never stops for an attribute.
"""
from __future__ import annotations

import importlib
import logging
from functools import lru_cache

log = logging.getLogger(__name__)


@lru_cache(maxsize=None)
def _mod(name: str):
    try:
        return importlib.import_module(f"accord.events.attributes.{name}")
    except Exception as exc:  # missing or broken module: use fallbacks
        log.debug("attribute module %s unavailable: %s", name, exc)
        return None


def _call(module: str, func: str, fallback, *args, **kwargs):
    mod = _mod(module)
    fn = getattr(mod, func, None) if mod is not None else None
    if fn is None:
        return fallback
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # an attribute must never stop coding
        log.debug("%s.%s failed: %s", module, func, exc)
        return fallback


def event_date(sent, trigger, article_date: str | None) -> tuple[str | None, str | None, bool]:
    fallback = (article_date, "day" if article_date else None, True)
    got = _call("dates", "resolve_event_date", fallback, sent, trigger, article_date)
    try:
        d, precision, from_article = got
        return (d.isoformat() if hasattr(d, "isoformat") else d), precision, bool(from_article)
    except (TypeError, ValueError):
        return fallback


def event_place(sent, trigger):
    return _call("places", "event_place", None, sent, trigger)


def event_quantities(sent, trigger) -> tuple:
    got = _call("quantities", "event_quantities", [], sent, trigger)
    return tuple(got or ())


def negated(trigger) -> bool:
    return bool(_call("modality", "negated", any(c.dep_ == "neg" for c in trigger.children), trigger))


def modality(trigger) -> str:
    got = _call("modality", "modality", "asserted", trigger)
    return got if isinstance(got, str) else "asserted"
