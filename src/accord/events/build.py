"""Turning event drafts into :class:`accord.models.Event` records with codebook values,
attributes and evidence (offsets into the article text)."""
from __future__ import annotations

import logging

from ..models import Event, Evidence
from . import attrs
from .codebook import get_codebook
from .coder import Draft

log = logging.getLogger(__name__)


def to_event(draft: Draft, sent, article_date: str | None, offset: int = 0) -> Event:
    """``offset`` is the char offset of ``sent.doc`` in the article (sentence docs)."""
    entry = get_codebook().lookup(draft.code)
    trig = draft.trigger
    date, precision, from_article = attrs.event_date(sent, trig, article_date)
    ev = Evidence(
        text=sent.text,
        start=offset + sent.start_char,
        end=offset + sent.end_char,
        trigger=trig.text,
        trigger_start=offset + trig.idx,
        trigger_end=offset + trig.idx + len(trig.text),
    )
    return Event(
        source=draft.source,  # actor offsets are already article offsets (accord_actors adds accord_offset)
        target=draft.target,
        cameo=entry.code,
        cameo_root=entry.root,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        plover_event=draft.plover or entry.plover_event,
        plover_mode=draft.mode if draft.plover else entry.plover_mode,
        date=date,
        date_precision=precision,
        location=attrs.event_place(sent, trig),
        quantities=attrs.event_quantities(sent, trig),
        negated=attrs.negated(trig),
        modality=attrs.modality(trig),
        confidence=draft.confidence,
        evidence=ev,
        date_from_article=from_article,
    )


def dedupe(events: list[Event]) -> list[Event]:
    """One event per (sentence, trigger, code, source, target), keeping the most confident."""
    best: dict = {}
    for e in events:
        k = (e.evidence.start, e.cameo, e.source.key if e.source else None, e.target.key if e.target else None)
        if k not in best or e.confidence > best[k].confidence:
            best[k] = e
    return sorted(best.values(), key=lambda e: (e.evidence.start, -e.confidence))
