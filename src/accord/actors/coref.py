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
from .grammar import words
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


def remember_places(ctx: dict, countries: list[str]) -> None:
    """States named by any place word of a sentence (actors or not), for reading shared city names."""
    seen = ctx.setdefault("places", [])
    seen.extend(countries)
    del seen[:-MAX_RECENT]


def recent_countries(ctx: dict) -> list[str]:
    """States the article named most recently (places and actors), newest first."""
    out: list[str] = []
    for c in list(reversed(ctx.get("places", []))) + [a.country for a in reversed(ctx["recent"])]:
        if c and c not in out:
            out.append(c)
    return out


def last_state(ctx: dict) -> Actor | None:
    for a in reversed(ctx["recent"]):
        if a.country and a.kind in ("state", "person", "sector", "org"):
            return Actor(code=a.country, country=a.country, kind="state", name=None)
    return None


def last_person(ctx: dict) -> Actor | None:
    """"he"/"she": the most recent person named in the article (a heuristic; documented)."""
    for a in reversed(ctx["recent"]):
        if a.kind == "person":
            return a
    return None


def remember_pair(ctx: dict, a: Actor, b: Actor) -> None:
    """Two actors named as a pair ("the army and the RSF"): the likeliest "two sides" later on."""
    if (a.code or a.name) and (b.code or b.name) and (a.code, a.name) != (b.code, b.name):
        ctx["coordinated"] = [a, b]


def pair(ctx: dict, want: str | None = None) -> list[Actor] | None:
    """The two most recent distinct actors. ``want`` = "state" (both countries), "person" (the two
    leaders), "side" ("the two sides": the last pair named together as "X and Y", else as None) or
    None ("the two": two people named among the last few actors, else any two)."""
    recent = ctx["recent"]
    if want == "side":
        if ctx.get("coordinated"):
            return list(ctx["coordinated"])
        want = None
    if want == "state":
        cands = [a for a in recent if a.country and a.kind in ("state", "person", "sector", "org")]
        return _two(cands, lambda a: a.country, state=True)
    people = [a for a in recent[-8:] if a.kind == "person"]
    got = _two(people, lambda a: a.name)
    if got or want == "person":
        return got
    return _two(recent, lambda a: a.name if a.kind == "person" else a.key)


def _two(cands: list[Actor], key, state: bool = False) -> list[Actor] | None:
    out: list[Actor] = []
    seen: set = set()
    for a in reversed(cands):
        k = key(a)
        if k and k not in seen:
            seen.add(k)
            out.append(Actor(code=a.country, country=a.country, kind="state") if state else a)
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


def possessor_country(ctx: dict, actor: Actor, before: str) -> Actor:
    """"his administration", "its army": a sector with no country takes the country of the last
    person ("his"/"her") or the last state ("its"/"their")."""
    person, state = words("person_possessives"), words("state_possessives")
    if actor.country or actor.kind != "sector" or before not in person | state:
        return actor
    if before in person:
        src = last_person(ctx)
        country = src.country if src else None
    else:
        st = last_state(ctx)
        country = st.country if st else None
    if not country:
        return actor
    return replace(actor, country=country, code=country + (actor.sector or ""))
