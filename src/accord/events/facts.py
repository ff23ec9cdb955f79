"""Relation facts: dated states of affairs between actors (membership, applications to join, trade
figures, partnerships, agreements in force), as opposed to one-off events.

``extract_facts(sent, article_date, actor_of, offset=0, context=None) -> list[Fact]``
(every argument after ``sent`` can be left out for a Doc made by the Accord pipeline).

Patterns live in ``events/data/facts.yaml`` (its header documents the path syntax); extra pattern
files or folders (the user's ``pattern_files`` setting: the ``relations`` list of each file, which may
also hold event patterns) can be passed as ``pattern_files``. ``actor_of(token) -> Actor | None`` is supplied by the
caller. ``context`` is an optional dict shared across the sentences of one article: it remembers
the last state actor named as a subject, so that "The nation later applied to join BRICS" can
resolve "the nation". Never raises: a failing sentence logs at debug level and yields [].
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from ..datafiles import parse_yaml
from ..errors import DictionaryError
from ..models import Actor, Evidence, Fact, Quantity
from .attributes import as_span
from .attributes.dates import article_fallback, resolve_event_date
from .attributes.modality import modality, negated
from .attributes.quantities import event_quantities

log = logging.getLogger(__name__)

DATA_FILE = Path(__file__).resolve().parent / "data" / "facts.yaml"
_ANAPHORS = frozenset({"nation", "country", "state", "republic", "kingdom", "government", "it", "regime", "administration"})
_ORG_KINDS = frozenset({"igo", "organization", "organisation", "ngo", "alliance", "bloc"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her"})
_CONTEXT_KEY = "facts.last_subject"
_PAIR_KEY = "facts.last_pair"
_PLURAL_WORDS = frozenset({"two", "both", "sides", "countries", "nations", "neighbours", "neighbors", "governments", "parties"})


def _as_set(values) -> frozenset:
    return frozenset(str(v).lower() for v in (values or []))


def _compile(raw: dict, source: str) -> dict:
    try:
        pred = raw["predicate"]
        pat = {
            "relation": str(raw["relation"]),
            "name": str(raw.get("name", raw["relation"])),
            "pos": str(pred.get("pos", "VERB")).upper(),
            "lemmas": _as_set(pred["lemmas"]),
            "voice": pred.get("voice"),
            "deps": _as_set(pred.get("deps")) or None,
            "head_lemmas": _as_set(pred.get("head_lemmas")) or None,
        }
        for key in ("requires", "subject", "object", "detail", "pair"):
            pat[key] = [str(p) for p in raw.get(key, [])]
        pat["object_kind"] = raw.get("object_kind")
        pat["quantity"] = raw.get("quantity")
        pat["symmetric"] = bool(raw.get("symmetric", False))
        pat["date_from"] = raw.get("date_from")
        return pat
    except (KeyError, TypeError, AttributeError) as exc:
        raise DictionaryError(source, None, f"bad fact pattern {raw!r}: {exc}") from exc


@lru_cache(maxsize=8)
def load_patterns(extra_files: tuple = ()) -> dict:
    """Patterns indexed by predicate lemma: {lemma: [pattern, ...]}."""
    import yaml

    by_lemma: dict = {}
    paths = [DATA_FILE]
    for p in map(Path, extra_files):  # a folder: its YAML files, as for event patterns
        paths.extend(sorted(p.glob("*.y*ml")) if p.is_dir() else [p])
    for path in paths:
        try:
            data = parse_yaml(path.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise DictionaryError(str(path), None, f"cannot read fact patterns: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("relations", []), list):
            raise DictionaryError(str(path), None, "expected a mapping with a 'relations' list")
        for raw in data.get("relations", []):
            pat = _compile(raw, str(path))
            for lemma in pat["lemmas"]:
                by_lemma.setdefault(lemma, []).append(pat)
    return by_lemma


# ------------------------------------------------------------------ path walking


def _step(tokens: list, step: str) -> list:
    out = []
    if step.startswith("="):
        keep = _as_set(step[1:].split(","))
        return [t for t in tokens if t.lemma_.lower() in keep or t.lower_ in keep]
    if step == "self":
        return tokens
    if step.startswith("^"):
        need = step[1:]
        return [t.head for t in tokens if t.head.i != t.i and (not need or t.dep_ == need)]
    if step.startswith("prep:"):
        words = _as_set(step[5:].split(","))
        for t in tokens:
            for c in t.children:
                if c.dep_ in ("prep", "agent", "dative") and c.lower_ in words:
                    out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
        return out
    for t in tokens:
        out.extend(c for c in t.children if c.dep_ == step)
    return out


def follow(tok, path: str) -> list:
    """Tokens reached from ``tok`` by a path like "prep:for/compound" (see facts.yaml)."""
    tokens = [tok]
    for step in path.split("/"):
        step = step.strip()
        parts = [step] if step.startswith("=") or "=" not in step else [step.split("=", 1)[0], "=" + step.split("=", 1)[1]]
        for part in parts:
            tokens = _step(tokens, part)
            if not tokens:
                return []
    return tokens


def _with_conj(tokens: list) -> list:
    out, seen = [], set()
    stack = list(tokens)
    while stack:
        t = stack.pop(0)
        if t.i in seen:
            continue
        seen.add(t.i)
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return out


# ------------------------------------------------------------------ actors


def _is_org(actor: Actor) -> bool:
    return (actor.kind or "").lower() in _ORG_KINDS or (actor.code or "").upper().startswith("IGO")


def _actor(tok, actor_of, context):
    try:
        a = actor_of(tok)
    except Exception as exc:  # the caller's resolver must not stop fact extraction
        log.debug("actor_of failed on %r: %s", tok.text, exc)
        a = None
    if a is None:
        for c in tok.children:
            if c.dep_ in ("compound", "poss", "appos"):
                try:
                    a = actor_of(c)
                except Exception:
                    a = None
                if a is not None:
                    break
    if a is None and context is not None and tok.lemma_.lower() in _ANAPHORS and tok.tag_ not in ("NNS", "NNPS"):
        a = context.get(_CONTEXT_KEY)
    return a


def _actors(tokens: list, actor_of, context) -> list:
    out, keys = [], set()
    for t in _with_conj(tokens):
        a = _actor(t, actor_of, context)
        if a is not None and (a.key or a.text) not in keys:
            keys.add(a.key or a.text)
            out.append(a)
    return out


def _first_actors(tok, paths, actor_of, context) -> list:
    for path in paths:
        got = _actors(follow(tok, path), actor_of, context)
        if got:
            return got
    return []


# ------------------------------------------------------------------ details


def _phrase(tok) -> str:
    """A noun's own phrase without determiners, possessors or attached clauses ("permanent member")."""
    words = [t for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "nummod", "advmod") for t in c.subtree]
    toks = sorted([t for t in words if t.lower_ not in _DETERMINERS and t.dep_ != "poss"] + [tok], key=lambda t: t.i)
    return "".join(t.text_with_ws for t in toks[:-1]) + toks[-1].text


def _detail(tok, paths) -> str | None:
    for path in paths:
        got = follow(tok, path)
        if got:
            return _phrase(got[0])
    return None


def _money(sent, tok) -> Quantity | None:
    for anchor in (tok, tok.head):
        for q in event_quantities(sent, anchor):
            if q.currency:
                return q
    return None


# ------------------------------------------------------------------ matching


def _matches(tok, pat) -> bool:
    if pat["pos"] == "VERB":
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        if pat["deps"] is None and tok.dep_ in ("xcomp", "acl"):
            return False
    elif tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if pat["deps"] is not None and tok.dep_ not in pat["deps"]:
        return False
    if pat["head_lemmas"] is not None and tok.head.lemma_.lower() not in pat["head_lemmas"]:
        return False
    if pat["voice"] == "passive" and not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return False
    if pat["requires"] and not any(follow(tok, p) for p in pat["requires"]):
        return False
    anchor = tok if pat["pos"] == "VERB" else (tok.head if tok.head.pos_ in ("VERB", "AUX") else tok)
    return not negated(anchor) and modality(anchor) in ("asserted", "reported")


def _pairs(tok, pat, actor_of, context) -> list:
    """(subject, object) actor pairs for a matched predicate."""
    for path in pat["pair"]:
        got = _actors(follow(tok, path), actor_of, context)
        if len(got) >= 2:
            return [(got[0], got[1])]
    subjects = _first_actors(tok, pat["subject"], actor_of, context)
    if pat["symmetric"] and len(subjects) >= 2:
        return [(subjects[0], o) for o in subjects[1:]]
    if pat["symmetric"] and context and context.get(_PAIR_KEY) and _plural_reference(tok, pat):
        # "both countries signed": the latest pair named together that includes the subject
        for pair in reversed(context[_PAIR_KEY]):
            if not subjects or any(subjects[0].country == a.country for a in pair):
                return [pair]
    objects = _first_actors(tok, pat["object"], actor_of, context)
    return [(s, o) for s in subjects for o in objects]


def _complements(tok) -> list:
    """Complement verbs of a predicate: its xcomp/acl children and those of its object."""
    out = [c for c in tok.children if c.dep_ in ("xcomp", "acl")]
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        out.extend(g for g in obj.children if g.dep_ == "acl")
    return out


def _facts_for(span, tok, pat, article_date, actor_of, offset, context) -> list:
    pairs = _pairs(tok, pat, actor_of, context)
    if not pairs:
        return []
    quantity = _money(span, tok) if pat["quantity"] in ("money", "optional") else None
    if pat["quantity"] == "money" and quantity is None:
        return []
    date_tok = tok
    if pat["date_from"] == "article":
        day, precision, from_article = article_fallback(article_date)
    else:
        if pat["date_from"]:
            got = follow(tok, pat["date_from"])
            date_tok = got[0] if got else tok
        day, precision, from_article = resolve_event_date(span, date_tok, article_date)
    for comp in _complements(date_tok) if from_article else ():
        # "applied to join OPEC in March", "its application to join the EU in 2022": the date
        # hangs from the complement verb
        got = resolve_event_date(span, comp, article_date)
        if not got[2]:
            day, precision = got[0], got[1]
            break
    raw = span.text
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    evidence = Evidence(
        text=text,
        start=span.start_char + offset + lead,
        end=span.start_char + offset + lead + len(text),
        trigger=tok.text,
        trigger_start=tok.idx + offset,
        trigger_end=tok.idx + len(tok.text) + offset,
    )
    detail = _detail(tok, pat["detail"])
    out = []
    for subj, obj in pairs:
        if obj is not None and (subj.key or subj.text) == (obj.key or obj.text):
            continue
        if pat["object_kind"] == "organization" and (obj is None or not _is_org(obj)):
            continue
        out.append(Fact(pat["relation"], subj, obj, day, precision, evidence, quantity, detail))
    return out


def _plural_reference(tok, pat) -> bool:
    """The subject is "the two", "both countries", "both sides" ..."""
    for path in pat["subject"]:
        for t in follow(tok, path):
            words = {c.lower_ for c in t.subtree}
            if words & _PLURAL_WORDS and not any(c.dep_ == "conj" for c in t.children):
                return True
    return False


def _remember_pair(span, actor_of, context) -> None:
    """Remember the last two distinct state actors named together ("Iran and China")."""
    for tok in span:
        conj = [c for c in tok.children if c.dep_ == "conj"]
        if not conj:
            continue
        actors = [a for a in (_actor(t, actor_of, None) for t in [tok, *conj]) if a is not None and a.country]
        distinct = {a.country: a for a in actors}
        if len(distinct) == 2:
            pairs = context.setdefault(_PAIR_KEY, [])
            pairs.append(tuple(distinct.values()))
            del pairs[:-5]


def _remember_subject(span, actor_of, context) -> None:
    _remember_pair(span, actor_of, context)
    for tok in span:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT" and tok.lemma_.lower() not in _ANAPHORS:
            a = _actor(tok, actor_of, None)
            if a is not None and a.country:
                context[_CONTEXT_KEY] = a
            return


def _default_actor_of(doc):
    from ..actors import actor_for_token

    return lambda tok: actor_for_token(doc, tok)


def extract_facts(sent, article_date=None, actor_of=None, offset: int | None = None, context: dict | None = None, pattern_files=()) -> list[Fact]:
    """Relation facts stated in a parsed sentence (a Span, or a Doc: every sentence of it).

    Defaults, for a Doc made by the Accord pipeline: ``article_date`` from
    ``doc.user_data["accord_date"]``, ``actor_of`` from ``accord.actors.actor_for_token``,
    ``offset`` from ``doc.user_data["accord_offset"]``, ``context`` the shared article context
    dict ``doc.user_data["accord_actor_context"]`` when there is one.
    """
    try:
        doc = sent.doc if hasattr(sent, "doc") else sent
        user = getattr(doc, "user_data", {}) or {}
        if article_date is None:
            article_date = user.get("accord_date")
        if offset is None:
            offset = int(user.get("accord_offset", 0) or 0)
        if context is None:
            shared = user.get("accord_actor_context")
            context = shared if isinstance(shared, dict) else {}
        if actor_of is None:
            actor_of = _default_actor_of(doc)
        patterns = load_patterns(tuple(pattern_files))
        spans = list(sent.sents) if sent is doc else [as_span(sent)]
        out: list = []
        for span in spans:
            out.extend(_sentence_facts(span, article_date, actor_of, offset, context, patterns))
        return out
    except DictionaryError as exc:
        log.warning("fact patterns unusable, no facts extracted: %s", exc)
        return []
    except Exception as exc:
        log.debug("fact extraction failed for %r: %s", getattr(sent, "text", sent), exc)
        return []


def _sentence_facts(span, article_date, actor_of, offset, context, patterns) -> list:
    try:
        facts: list = []
        seen = set()
        for tok in span:
            for pat in patterns.get(tok.lemma_.lower(), ()):
                if not _matches(tok, pat):
                    continue
                for f in _facts_for(span, tok, pat, article_date, actor_of, offset, context):
                    key = (f.relation, f.subject.key, f.object.key if f.object else None)
                    if key not in seen:
                        seen.add(key)
                        facts.append(f)
        _remember_subject(span, actor_of, context)
        return facts
    except Exception as exc:
        log.debug("fact extraction failed for %r: %s", span.text, exc)
        return []
