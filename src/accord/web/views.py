"""Shape query results for the templates: highlighted (escaped) evidence and article text."""
from __future__ import annotations

from urllib.parse import urlsplit

from markupsafe import Markup

from .highlight import Span, locate, render


def _actor_span(text: str, actor: dict | None, kind: str, base: int) -> Span | None:
    if not actor or not actor.get("text"):
        return None
    where = locate(text, actor.get("start"), actor.get("end"), actor.get("text"), base)
    if where is None:
        return None
    label = " · ".join(str(x) for x in (actor.get("code"), actor.get("name")) if x)
    return Span(where[0], where[1], kind, label)


def _trigger_span(text: str, evidence: dict, base: int, label: str = "") -> Span | None:
    trig = evidence.get("trigger")
    if not trig:
        return None
    where = locate(text, evidence.get("trigger_start"), evidence.get("trigger_end"), trig, base)
    return Span(where[0], where[1], "trigger", label) if where else None


def mention_html(mention: dict, label: str = "") -> Markup:
    """One evidence sentence with its source actor, event word and target actor highlighted.

    ``mention`` has ``evidence`` (text, start, trigger, trigger_start/end; offsets in the article)
    and ``source``/``target`` actor dicts (text, start, end).
    """
    ev = mention.get("evidence") or {}
    text = ev.get("text") or ""
    base = int(ev.get("start") or 0)
    spans = [
        _actor_span(text, mention.get("source"), "source", base),
        _trigger_span(text, ev, base, label),
        _actor_span(text, mention.get("target"), "target", base),
    ]
    return render(text, [s for s in spans if s is not None])


def article_html(text: str, events: list[dict], facts: list[dict]) -> Markup:
    """The whole article with coded sentences, actors, event words and fact sentences highlighted."""
    spans: list[Span] = []
    for e in events:
        ev = e.get("evidence") or {}
        label = f"{e.get('cameo', '')} {e.get('cameo_name') or ''}".strip()
        where = locate(text, ev.get("start"), ev.get("end"), ev.get("text"))
        if where:
            spans.append(Span(where[0], where[1], "sentence", label))
        for side in ("source", "target"):
            sp = _actor_span(text, e.get(side), "actor", 0)
            if sp:
                spans.append(sp)
        sp = _trigger_span(text, ev, 0, label)
        if sp:
            spans.append(sp)
    for f in facts:
        ev = f.get("evidence") or {}
        where = locate(text, ev.get("start"), ev.get("end"), ev.get("text"))
        if where:
            spans.append(Span(where[0], where[1], "fact", str(f.get("relation") or "")))
    return render(text, spans)


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s); anything else (javascript:, data:) is not linked."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None
