"""spaCy component ``accord_actors``: find and resolve actor mentions in a Doc.

Works on a tokenised Doc (dictionary matching only); when NER/parse annotations exist it also uses
PERSON/ORG/GPE/NORP entities and the dependency parse (``refine``). Sets ``doc.spans["actors"]``;
each span has ``span._.actor`` (Actor, article char offsets), ``span._.actors`` (two actors for
"the two"), ``span._.is_place_only`` (a place that only locates or modifies something: never an
actor; see docs/actors.md) and a label: STATE, PERSON, IGO, ORG, SECTOR, PLACE or PAIR.
"""
from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..models import Actor
from . import coref, homonyms
from .dictionary import get_dictionary
from .mentions import DICT_MATCHES, LOCATIVE, doc_tokens, find_mentions, place_kind, place_only_by_position
from .grammar import words
from .resolver import combine, partial_to_actor, pick
from .tokens import acronym_like

log = logging.getLogger(__name__)

for _name, _default in (("actor", None), ("actors", None), ("is_place_only", False), ("place_kind", None)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)

LABELS = {"person": "PERSON", "igo": "IGO", "org": "ORG", "state": "STATE", "sector": "SECTOR", "place": "PLACE"}


class _Settings:
    def __init__(self, files):
        self.actor_files = tuple(files or ())


class ActorComponent:
    def __init__(self, nlp: Language, name: str = "accord_actors", actor_files: list[str] | None = None):
        self.name = name
        self.dictionary = get_dictionary(_Settings(actor_files))
        homonyms.table(), homonyms.successions()  # load once here, not on the first Doc

    def may_mention(self, doc: Doc, surnames: set) -> bool:
        """Cheap test on a tokenised, unparsed Doc: can this component find an actor in it? True
        when the dictionary matches anything (a name, title, sector word, pronoun) or a capitalised
        word is in ``surnames``. ``surnames`` collects the last words of the people matched so far
        (pass one set per article, sentences in order), standing in for the article context that
        ``_annotate`` fills later ("Raisi said" after "Ebrahim Raisi")."""
        toks = doc_tokens(doc)
        keys = [t.key for t in toks]
        caps = [t.caps for t in toks]
        matches = self.dictionary.match(keys, caps, caps, [acronym_like(t.text) for t in toks])
        doc.user_data[DICT_MATCHES] = matches  # find_mentions reuses them (same Doc, same tokens)
        for m in matches:
            if pick(m).kind == "person" and m.end > m.start:
                surnames.add(keys[m.end - 1])
        return bool(matches) or any(t.caps and t.key in surnames for t in toks)

    def __call__(self, doc: Doc) -> Doc:
        try:
            self._annotate(doc)
        except Exception:  # noqa: BLE001 - one odd sentence must not kill a batch
            log.exception("accord_actors failed on a doc of %d tokens", len(doc))
            doc.spans["actors"] = []
        return doc

    def _annotate(self, doc: Doc) -> None:
        d = self.dictionary
        ctx = coref.context_of(doc)
        date = coref.doc_date(doc)
        offset = int(doc.user_data.get("accord_offset", 0) or 0)
        toks = doc_tokens(doc)
        spans: list[Span] = []
        mentions = find_mentions(doc, toks, d)
        # the dictionary names found, for the rule entity layer (accord.nlp.entities) after us
        doc.user_data["accord_matches"] = [(m.start + mt.start, m.start + mt.end, pick(mt).kind)
                                           for m in mentions for mt in m.matches] + [
            (m.start, m.end, "person") for m in mentions if not m.matches and m.kind is None]  # known surnames
        for m in mentions:
            s = self._reference(doc, m, ctx, offset) if m.kind else self._named(doc, m, ctx, date, offset, mentions)
            if s is not None:
                spans.append(s)
        coref.remember_places(ctx, homonyms.countries_in(mentions))
        _remember_pairs(doc, spans, ctx)
        if doc.has_annotation("DEP"):
            refine(doc, spans)
        doc.spans["actors"] = spans

    @staticmethod
    def _reference(doc: Doc, m, ctx: dict, offset: int) -> Span | None:
        """"the two", "he", "the nation": an actor named earlier in the article."""
        span = doc[m.start:m.end]
        if m.kind == "pair":
            hint = m.matches[-1].entries[0].office if m.matches else None
            found = coref.pair(ctx, hint)
            label = "PAIR"
        else:
            a = coref.last_person(ctx) if m.kind == "pronoun" else coref.last_state(ctx)
            found = [a] if a else None
            label = "PERSON" if m.kind == "pronoun" else "STATE"
        if not found:
            return None
        s = Span(doc, m.start, m.end, label=label)
        if label == "PAIR":
            s._.actors = [_place(a, span, offset) for a in found]
        s._.actor = _place(found[0], span, offset)
        return s

    def _named(self, doc: Doc, m, ctx: dict, date, offset: int, mentions=()) -> Span | None:
        span = doc[m.start:m.end]
        p = combine(m.toks, m.matches, self.dictionary, date, None, coref.people(ctx))
        if homonyms.shared_name(m.toks, m.matches):
            wanted = homonyms.countries_in(mentions, skip=m) + coref.recent_countries(ctx)  # sentence, then article
            homonyms.reread(p, m.toks, m.matches, self.dictionary.country_names, wanted)
        homonyms.before_independence(p, m.toks, m.matches, self.dictionary.country_names, date)
        if m.ner_person and p.unknown_name and p.kind in ("state", None) and p.country:
            p.name, p.kind = " ".join(p.unknown_name), "person"  # nationality + NER person name
        actor = partial_to_actor(p, span.text, span.start_char + offset, span.end_char + offset)
        if actor is None or _attributive(doc, m, p):
            return None
        if not p.country and not p.name and not p.code and (p.sector_from_leader or p.sector == "UNK"):
            return None  # a lone "member", "chairman" or "areas": nothing to code
        actor = coref.link_title(ctx, actor, p)
        actor = coref.possessor_country(ctx, actor, doc[m.start - 1].lower_ if m.start else "")
        s = Span(doc, m.start, m.end, label=LABELS.get(actor.kind or "", "SECTOR"))
        s._.actor = actor
        s._.place_kind = place_kind(m)
        s._.is_place_only = place_only_by_position(doc, m, actor)
        if not s._.is_place_only:
            coref.remember(ctx, actor)
        return s


_PAIR_JOINERS = frozenset({"and", "&"})
_LIST_MARKS = frozenset({",", "and", "&", "or", ";"})


def _remember_pairs(doc: Doc, spans: list, ctx: dict) -> None:
    """"X and Y" with exactly two named actors (not the end of a longer list): remembered for a
    later "the two sides"."""
    named = [s for s in spans if s.label_ not in ("PAIR", "PERSON", "STATE") and not s._.is_place_only]
    for a, b in zip(named, named[1:]):
        between = [t.lower_ for t in doc[a.end:b.start]]
        if between not in (["and"], ["&"], ["and", "the"]):
            continue
        before = doc[a.start - 1].lower_ if a.start else ""
        after = doc[b.end].lower_ if b.end < len(doc) else ""
        if before in _LIST_MARKS or after in _PAIR_JOINERS or after == ",":
            continue  # "A, B and C" or "A and B and C": a list, not a pair
        coref.remember_pair(ctx, a._.actor, b._.actor)


def _attributive(doc: Doc, m, p) -> bool:
    """"humanitarian access", "human rights violations": a describing sector word before a noun."""
    if p.country or p.name or p.code or m.end >= len(doc):
        return False
    nxt = doc[m.end]
    noun = nxt.tag_.startswith("NN") if doc.has_annotation("TAG") else nxt.is_alpha and nxt.text.islower()
    return noun and " ".join(t.key for t in m.toks if t.key) in words("attributive_only")


def _place(a: Actor, span: Span, offset: int) -> Actor:
    from dataclasses import replace

    return replace(a, text=span.text, start=span.start_char + offset, end=span.end_char + offset)


MODIFIER_DEPS = {"compound", "amod", "nmod"}


def refine(doc: Doc, spans: list[Span] | None = None) -> None:
    """Call after parsing when the component ran before the parser. With a parse: a place is place-only when it is the object of a locative preposition or a
    modifier (compound/amod/nmod) of a noun that is not itself inside an actor span."""
    if spans is None:
        spans = list(doc.spans["actors"]) if "actors" in doc.spans else []
    inside = {t.i for s in spans for t in s}
    for s in spans:
        a = s._.actor
        if a is None or a.kind not in ("state", "place"):
            continue
        root = s.root
        if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
            s._.is_place_only = True
        elif root.dep_ in MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN") and root.head.i not in inside:
            s._.is_place_only = s._.place_kind in ("capital", "city") or a.kind == "place"
        elif root.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "conj", "appos") and a.kind == "state":
            s._.is_place_only = False


def actor_for_token(doc: Doc, token) -> Actor | None:
    """The actor of the span covering ``token``; else of a span whose root modifies it (possessive
    "President Reagan's statement", a country or demonym "a Chinese proposal"); a place-only
    modifier ("the Christchurch attack") gives None."""
    spans = doc.spans["actors"] if "actors" in doc.spans else []
    for s in spans:
        if s.start <= token.i < s.end:
            return s._.actor
    for s in spans:
        r = s.root
        if r.head.i != token.i or r.i == token.i or s._.is_place_only:
            continue
        if r.dep_ in ("poss", "compound", "nmod") or (r.dep_ == "amod" and s._.actor.kind == "state"):
            return s._.actor  # "a U.S. request", "a Chinese proposal": the state is the agent
    return None


@Language.factory("accord_actors", default_config={"actor_files": []})
def make_actor_component(nlp: Language, name: str, actor_files: list[str]):
    return ActorComponent(nlp, name, actor_files)
