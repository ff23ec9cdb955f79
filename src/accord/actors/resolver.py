"""Resolve an actor phrase ("Chinese President Xi Jinping", "Chile's Defense Department") to an Actor.

The phrase is cut at its first free preposition or comma into a head ("the President") and a
complement ("of the Chadian Human Rights League"). The head decides; the complement fills what the
head lacks (a country, or the sector of the body a generic leader word such as "president" or
"chairman" heads). Inside a segment: a named person wins (office by date), then a named
organisation, then places + the last sector word. See docs/actors.md for the full rule list.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Actor
from .dictionary import ActorDictionary, Match
from .loader import Entry
from .grammar import words
from .tenure import choose
from .tokens import acronym_like, key_of

BOUNDARY = words("boundary")
PRIORITY = ["person", "igo", "org", "country", "capital", "state-ref", "demonym", "city", "role", "leader",
            "sector", "pronoun", "modifier", "pair", "ignore"]
PLACE_KINDS = {"country", "capital", "demonym", "city"}
SECTOR_KINDS = {"sector", "role", "pronoun"}
NAME_STOP = words("name_stop")
MAX_CHARS = 400


@dataclass
class Tok:
    text: str
    key: str
    caps: bool
    orig_caps: bool = False


@dataclass
class Partial:
    country: str | None = None
    country_kind: str | None = None
    sector: str | None = None
    sector_from_leader: bool = False
    code: str | None = None
    name: str | None = None
    kind: str | None = None
    bloc: str | None = None
    former: bool = False
    title: bool = False
    unknown_name: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.country or self.sector or self.code)


def pick(m: Match, prefer_country: str | None = None) -> Entry:
    """The entry a match stands for: by kind priority, preferring the context's country."""
    ranked = sorted(m.entries, key=lambda e: PRIORITY.index(e.kind) if e.kind in PRIORITY else 99)
    if prefer_country:
        same = [e for e in ranked if e.country == prefer_country and e.kind in ("org", "person")]
        if same:
            return same[0]
    return ranked[0]


def _unknown_caps(toks: list[Tok], ms: list[Match], lo: int, hi: int) -> list[int]:
    covered = {i for m in ms for i in range(m.start, m.end)}
    return [i for i in range(lo, hi) if i not in covered and toks[i].orig_caps and toks[i].key.isalpha()
            and toks[i].key not in NAME_STOP]


def analyze(toks: list[Tok], ms: list[Match], lo: int, hi: int, d: ActorDictionary, date, pref, people_ctx) -> Partial:
    r = Partial()
    chosen = [(m, pick(m, pref)) for m in ms if m.start >= lo and m.end <= hi]
    persons = [(m, e) for m, e in chosen if e.kind == "person"]
    orgs = [(m, e) for m, e in chosen if e.kind in ("igo", "org")]
    places = [e for m, e in chosen if e.kind in PLACE_KINDS and not _pro_anti(toks, m) and not _backed(toks, m)
              and not _other_party(toks, m, hi)]
    sectors = [(m, e) for m, e in chosen if e.kind in SECTOR_KINDS and e.sector]
    leaders = [e for _, e in chosen if e.kind == "leader"]
    r.title = bool(leaders) or any(e.kind == "role" for _, e in sectors)
    r.former = any(e.kind == "modifier" for _, e in chosen)
    unknown = _unknown_caps(toks, ms, lo, hi)
    if not places and not persons and not orgs and len(unknown) == 1 and not r.title:
        places = _misspelt_place(toks, unknown, d)
    if places:
        r.country, r.country_kind = places[0].country, places[0].kind
    if not persons and unknown:
        persons = _surname_person(toks, unknown, d, people_ctx, allow_dict=r.title or len(unknown) > 1)
        if not persons:
            r.unknown_name = [toks[i].text for i in unknown]
    title_sector = sectors[-1][1].sector if sectors else (leaders[-1].sector if leaders else None)
    if persons:
        return _person(r, persons[-1][0], date, places, title_sector)
    if orgs:
        return _org(r, _dated_org(orgs[-1], date), places, sectors)
    r.sector = title_sector or _group_sector(toks, chosen)
    r.sector_from_leader = not sectors and bool(leaders)
    if r.former and r.title:
        r.sector = "ELI"
    if r.unknown_name and r.title:
        r.name, r.kind = " ".join(r.unknown_name), "person"
    elif r.sector:
        r.kind = "sector"
    if not r.sector and len(places) == 1 and places[0].kind == "capital" and not unknown:
        r.sector = "GOV"  # a capital standing alone is its government ("Tehran said")
    if not r.kind and places:
        r.kind = "state" if places[0].kind in ("country", "capital", "demonym") else "place"
        r.name = d.country_names.get(r.country)
    return r


def _misspelt_place(toks: list[Tok], unknown: list[int], d: ActorDictionary) -> list[Entry]:
    """"Ethopia": an unknown capitalised word one edit from exactly one country name or demonym."""
    from .fuzzy import near_places

    for i in unknown:
        near = near_places(d, toks[i].key)
        ok = len(near) == 1 and len(near[0]) >= 7
        es = [e for e in d.lookup((near[0],)) if e.kind in ("country", "demonym")] if ok else []
        if es:
            unknown.remove(i)
            return es[:1]
    return []


def _pro_anti(toks: list[Tok], m: Match) -> bool:
    """"pro-Iranian Hezbollah", "ethnic Albanians", "the Turkish minority": the word is not the
    actor's country."""
    j = m.start - 1
    while j >= 0 and not toks[j].key:
        j -= 1
    if j >= 0 and toks[j].key in words("qualifiers"):
        return True
    return m.end < len(toks) and toks[m.end].key in words("group_nouns") and pick(m).kind == "demonym"


def _group_sector(toks: list[Tok], chosen) -> str | None:
    """"ethnic Turks", "ethnic Albanians": a people named with a group qualifier is a group of
    people (grammar.yaml ``group_sector``); its country stays open (they may live anywhere)."""
    for m, e in chosen:
        if e.kind == "demonym" and m.start > 0 and toks[m.start - 1].key in words("group_qualifiers"):
            return next(iter(words("group_sector"))).upper()
    return None


def _other_party(toks: list[Tok], m: Match, hi: int) -> bool:
    """"Israel's militia ally": a possessive place followed by an ally/proxy word names someone else."""
    return m.end < hi and toks[m.end].key in ("'s", "'") and any(
        toks[j].key in words("other_party") for j in range(m.end + 1, hi))


BACKED = words("backed")


def _backed(toks: list[Tok], m: Match) -> bool:
    """"Russian-backed separatists": the backer is not the actor's country ("US-led" keeps it)."""
    j = m.end
    while j < len(toks) and not toks[j].key:
        j += 1
    return j < len(toks) and toks[j].key in BACKED


def _person(r: Partial, m: Match, date, places, title_sector) -> Partial:
    explicit = [p for p in places if p.kind in ("country", "demonym") and p.country]
    entries = list(m.entries)
    if r.title and explicit:
        # "Georgian President Shevardnadze" (also Soviet foreign minister): the office in the stated state
        entries = [e for e in entries if e.country == explicit[0].country] or entries
    office, former = choose(entries, date)
    office = office or m.entries[0]
    r.country, r.name, r.kind, r.code = office.country, office.name, "person", office.code
    r.sector = None if former is None else ("ELI" if former or r.former else office.sector)
    if former is None and r.title and explicit and not r.former:
        r.sector = title_sector  # not yet in that office by our record, but the text gives the title
    if r.title and explicit and office.country and explicit[0].country != office.country:
        # "Georgian President Eduard Shevardnadze": the text's nationality and title beat our record
        r.country, r.code = explicit[0].country, None
        r.sector = "ELI" if r.former else (title_sector or r.sector)
    return r


def _dated_org(found, date):
    """An organisation listed with dates (the Taliban as rebels, then as a government)."""
    m, e = found
    same = [x for x in m.entries if x.kind == "org" and x.name == e.name]
    if e.kind != "org" or len(same) < 2:
        return found
    office, _former = choose(same, date, kind="org")
    return m, office or e


def _org(r: Partial, found, places, sectors) -> Partial:
    m, e = found
    if e.kind == "org" and e.country and e.sector and places and places[0].country != e.country \
            and not any(p.kind == "demonym" and p.country == e.country for p in places):
        r.sector, r.kind = e.sector, "sector"  # "Chile's Defense Department": generic body of another state
        return r
    after = [s for sm, s in sectors if sm.start >= m.end and s.kind == "sector"]
    r.name, r.kind = e.name, ("igo" if e.kind == "igo" else "org")
    if e.kind == "igo":
        r.code, r.bloc = e.code, e.bloc
        r.sector = after[-1].sector if after else e.sector
    else:
        r.country = e.country or r.country
        r.sector = e.sector or (after[-1].sector if after else None)
        r.code = e.code
    return r


def _surname_person(toks, unknown, d, people_ctx, allow_dict: bool = True):
    """Bare surname: first the article's people, then (after a title, or with a matching given
    name) the dictionary's surname index ("Deputy Secretary Hicks", "Omar El Bashir")."""
    i = unknown[-1]
    key = toks[i].key
    if people_ctx and key in people_ctx:
        e = people_ctx[key]
        return [(Match(i, i + 1, (e,)), e)]
    es = d.surnames.get(key) if allow_dict else None
    others = {toks[j].key for j in unknown[:-1]}
    if not es and allow_dict and others:
        from .fuzzy import near_surnames, people_named

        # "Francois Mitterand": a near-miss surname counts only with the person's own given name
        es = [e for s in near_surnames(d, key) for e in people_named(d, s) if others & set(key_of(e.name or ""))]
        if not es:
            return []
    if es:
        named = [e for e in es if others & set(key_of(e.name or ""))]
        if others and not named:
            return []  # "Jam Kamal Khan" is not Imran Khan: the given names disagree
        es = named or es
        return [(Match(i, i + 1, tuple(es)), es[0])]
    return []


def _boundary(toks: list[Tok], ms: list[Match]) -> int | None:
    covered = {i for m in ms for i in range(m.start, m.end)}
    for i, t in enumerate(toks):
        if i > 0 and t.key in BOUNDARY and i not in covered:
            return i
    return None


def combine(toks: list[Tok], ms: list[Match], d: ActorDictionary, date=None, pref=None, people_ctx=None) -> Partial:
    b = _boundary(toks, ms)
    n = len(toks)
    head = analyze(toks, ms, 0, b if b is not None else n, d, date, pref, people_ctx)
    if b is None:
        return head
    rest = analyze(toks, ms, b + 1, n, d, date, pref, people_ctx)
    if head.empty and not head.unknown_name:
        return rest
    if head.empty and toks[b].key == "," and not rest.empty:
        return rest  # "Harry Tseng, Taiwan's deputy foreign minister"
    if head.sector_from_leader and (rest.sector or rest.code) and toks[b].key in ("of", "at"):
        head.sector, head.code, head.bloc = rest.sector, rest.code, rest.bloc
        head.kind = head.kind if head.kind == "person" else rest.kind
        head.country = head.country or rest.country
    if not head.country and not head.code and toks[b].key not in ("to", "against", "with"):
        head.country = rest.country
    return head


def match_toks(d: ActorDictionary, toks: list[Tok]) -> list[Match]:
    return d.match([t.key for t in toks], [t.caps for t in toks], [t.orig_caps for t in toks],
                   [acronym_like(t.text) for t in toks])


def to_tokens(text: str) -> list[Tok]:
    from .tokens import norm_token, tokenize

    toks = [Tok(s, norm_token(s), s[:1].isupper(), s[:1].isupper()) for s, _, _ in tokenize(text)]
    if not any(t.caps for t in toks):  # an all-lower-case phrase: case tells nothing
        for t in toks:
            t.caps = True
    return toks


def partial_to_actor(p: Partial, text: str | None, start=None, end=None) -> Actor | None:
    if p.empty:
        return None
    code = p.code or ((p.country or "") + (p.sector or "")) or None
    return Actor(code=code, country=p.country, sector=p.sector, name=p.name, text=text, kind=p.kind,
                 start=start, end=end)


def resolve_tokens(toks: list[Tok], d: ActorDictionary, date=None, context_toks=None, people_ctx=None) -> Partial:
    ms = match_toks(d, toks)
    pref = None
    ctx_country = None
    if context_toks:
        cp = combine(context_toks, match_toks(d, context_toks), d, date)
        ctx_country = cp.country
        pref = ctx_country
    p = combine(toks, ms, d, date, pref, people_ctx)
    from .homonyms import before_independence, reread

    if ctx_country:
        reread(p, toks, ms, d.country_names, [ctx_country])  # "Tripoli" + context "Lebanese"
    before_independence(p, toks, ms, d.country_names, date)  # "Juba" in 1995 -> Sudan
    if not p.country and not p.code and ctx_country and not p.empty:
        p.country = ctx_country
    elif p.empty and ctx_country and (ms or p.unknown_name):
        # nothing in the phrase names a country: the context's country ("SONNA" + "Somalia")
        p.country = ctx_country
    return p
