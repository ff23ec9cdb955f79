"""Actor recognition and resolution: who acts (states, people by office and date, organisations,
sectors). Public API:

* ``get_dictionary(settings=None)`` -- packaged + user dictionaries (cached per ``actor_files``);
* ``resolve_phrase(text, context="", date=None, settings=None) -> Actor | None``;
* ``actor_for_token(doc, token) -> Actor | None`` (after the ``accord_actors`` spaCy component ran);
* ``sector_codes()`` / ``plover_sector(code)`` -- CAMEO sector code -> description and PLOVER sector;
* spaCy factory ``"accord_actors"`` registered by importing ``accord.actors.component``.
"""
from __future__ import annotations

import logging

from ..models import Actor
from .dictionary import ActorDictionary, get_dictionary
from .tenure import norm_date

log = logging.getLogger(__name__)

__all__ = ["ActorDictionary", "get_dictionary", "resolve_phrase", "actor_for_token", "refine", "sector_codes", "plover_sector"]


def resolve_phrase(text: str, context: str = "", date: str | None = None, settings=None) -> Actor | None:
    """Resolve one actor phrase; None when nothing is known (empty, junk, non-Latin, too long)."""
    from .resolver import MAX_CHARS, partial_to_actor, resolve_tokens, to_tokens

    if not isinstance(text, str) or not text.strip() or len(text) > MAX_CHARS:
        return None
    toks = to_tokens(text.strip())
    if not toks or len(toks) > 60:
        return None
    ctx = to_tokens(context) if isinstance(context, str) and context.strip() and len(context) <= MAX_CHARS else None
    d = get_dictionary(settings)
    p = resolve_tokens(toks, d, norm_date(date), ctx)
    return partial_to_actor(p, text.strip())


def actor_for_token(doc, token) -> Actor | None:
    """The actor span covering ``token``, or headed by it; see accord.actors.component."""
    from .component import actor_for_token as _aft

    return _aft(doc, token)


def refine(doc, spans=None) -> None:
    """Re-decide ``is_place_only`` with the parse when the component ran before the parser."""
    from .component import refine as _refine

    _refine(doc, spans)


def sector_codes() -> dict:
    """CAMEO sector code -> {"description", "plover"} (from data/sector_codes.yaml)."""
    from .dictionary import sector_codes as _sc

    return _sc()


def plover_sector(code: str | None) -> str | None:
    """The PLOVER actor sector of a CAMEO sector code ("MIL" -> "military"), None when unknown."""
    return sector_codes().get(code or "", {}).get("plover")
