"""Article-level actor memory for in-document coreference.

The caller may share one dict ``doc.user_data["accord_actor_context"]`` across the sentence Docs of
one article. It holds ``people`` (surname key -> person Entry as resolved at the article date) and
``recent`` (actors in order of mention, newest last). Used for bare surnames ("Raisi"), "the
Iranian President" (the last person of that country and sector), "the nation" (the last state) and
"the two" (the two most recent distinct actors).
"""
from __future__ import annotations

from dataclasses import replace

from ..models import Actor
from .loader import Entry
from .tenure import norm_date
from .tokens import key_of

KEY = "accord_actor_context"
MAX_RECENT = 12


def context_of(doc) -> dict:
    ctx = doc.user_data.get(KEY)
    if not isinstance(ctx, dict):
        ctx = {}
        doc.user_data[KEY] = ctx
    ctx.setdefault("people", {})
    ctx.setdefault("recent", [])
    return ctx


def doc_date(doc) -> str | None:
    return norm_date(doc.user_data.get("accord_date"))


def people(ctx: dict) -> dict:
    return ctx["people"]


def remember(ctx: dict, actor: Actor | None) -> None:
    if actor is None:
        return
    ctx["recent"].append(actor)
    del ctx["recent"][:-MAX_RECENT]
    if actor.kind == "person" and actor.name and actor.country:
        k = key_of(actor.name)
        if k and k[-1].isalpha():
            ctx["people"][k[-1]] = Entry(names=(actor.name,), kind="person", country=actor.country,
                                         sector=actor.sector, name=actor.name, origin="article")


def last_state(ctx: dict) -> Actor | None:
    for a in reversed(ctx["recent"]):
        if a.country and a.kind in ("state", "person", "sector", "org"):
            return Actor(code=a.country, country=a.country, kind="state", name=None)
    return None


def pair(ctx: dict) -> list[Actor] | None:
    out: list[Actor] = []
    seen: set = set()
    for a in reversed(ctx["recent"]):
        k = a.name if a.kind == "person" else a.key
        if k and k not in seen:
            seen.add(k)
            out.append(a)
        if len(out) == 2:
            return list(reversed(out))
    return None


def link_title(ctx: dict, actor: Actor, partial) -> Actor:
    """"the Iranian President" -> the last person of the same country and sector, when known."""
    if actor.kind != "sector" or not partial.title or not actor.country:
        return actor
    for a in reversed(ctx["recent"]):
        if a.kind == "person" and a.country == actor.country and a.sector == actor.sector:
            return replace(a, text=actor.text, start=actor.start, end=actor.end)
    return actor
