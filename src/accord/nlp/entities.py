"""``accord_entities``: named entities from rules and the actor dictionaries, instead of the
statistical NER.

The model's NER is the most expensive component of the English pipeline (it runs its own
token-to-vector network) and Accord reads only a handful of its labels: places (GPE, LOC, FAC),
dates and times, money, percentages, numbers, ordinals, nationalities, people and organisations.
Most of these are regular enough for patterns (``data/entities.yaml``), and the names are exactly
what the actor dictionaries already find. So this component runs after ``accord_actors`` and
labels:

- every dictionary match the actor component recorded (``doc.user_data["accord_matches"]``):
  countries, capitals, cities and regions as GPE, nationalities as NORP, international and other
  organisations as ORG, people as PERSON;
- large regions listed in the data file (LOC);
- dates, times, money, percentages, ordinals and numbers from the Matcher patterns in the data file.

Overlaps are settled by rank, then length, then position. Docs it labels carry
``user_data["accord_entities"] = "rules"``. ``settings.entities = "model"`` keeps the model's NER
instead (see :func:`accord.nlp.build_nlp`); docs/guide.md gives the measured difference.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from ..errors import AccordError

log = logging.getLogger(__name__)

DATA = Path(__file__).with_name("data") / "entities.yaml"

#: Actor dictionary kinds -> entity labels (the others, e.g. sector words, are not names).
KIND_LABELS = {"country": "GPE", "capital": "GPE", "city": "GPE", "demonym": "NORP",
               "igo": "ORG", "org": "ORG", "person": "PERSON"}
NAME_RANK = 1
#: Token attributes an ``unless_next`` test may read.
_NEXT_ATTRS = {"TAG": "tag_", "LOWER": "lower_", "POS": "pos_"}


@lru_cache(maxsize=4)
def load_rules(path: str = str(DATA)) -> dict:
    """The data file with word lists expanded; a malformed file raises AccordError (file: what)."""
    import yaml

    from ..datafiles import parse_yaml

    try:
        with open(path, encoding="utf-8") as fh:
            data = parse_yaml(fh.read()) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise AccordError(f"{path}: cannot read entity rules: {exc}") from exc
    words = {k: [str(w) for w in v] for k, v in (data.get("words") or {}).items()}
    rules = []
    for n, entry in enumerate(data.get("patterns") or [], 1):
        try:
            label, pattern = str(entry["label"]), _expand(entry["pattern"], words)
            trim = tuple(int(x) for x in entry.get("trim", (0, 0)))
            rank = int(entry.get("rank", 0))
            unless = {str(k): frozenset(str(v) for v in vals) for k, vals in (entry.get("unless_next") or {}).items()}
            if set(unless) - set(_NEXT_ATTRS):
                raise ValueError(f"unless_next may test {', '.join(_NEXT_ATTRS)}")
        except (KeyError, TypeError, ValueError) as exc:
            raise AccordError(f"{path}: pattern {n}: {exc!r} in {entry!r}") from exc
        if len(trim) != 2 or min(trim) < 0:
            raise AccordError(f"{path}: pattern {n}: trim must be two counts, got {trim}")
        rules.append((label, rank, trim, pattern, tuple(unless.items())))
    places = {str(label): [str(p) for p in names] for label, names in (data.get("places") or {}).items()}
    return {"patterns": rules, "places": places}


def _expand(value, words: dict):
    """Replace "$name" items of IN / NOT_IN lists by the word list ``name``."""
    if isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, str) and item.startswith("$") and len(item) > 1:
                if item[1:] not in words:
                    raise KeyError(f"unknown word list {item}")
                out.extend(words[item[1:]])
            else:
                out.append(_expand(item, words))
        return out
    if isinstance(value, dict):
        return {k: _expand(v, words) for k, v in value.items()}
    return value


class EntitiesComponent:
    def __init__(self, nlp, name: str, rules_file: str = ""):
        self.name = name
        rules = load_rules(rules_file or str(DATA))
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.meta: dict[int, tuple] = {}
        for i, (label, rank, trim, pattern, unless) in enumerate(rules["patterns"]):
            key = f"accord_ent_{i}"
            try:
                self.matcher.add(key, [pattern])
            except Exception as exc:  # spaCy's pattern validation error
                raise AccordError(f"{rules_file or DATA}: pattern {i + 1} ({label}): {exc}") from exc
            self.meta[nlp.vocab.strings[key]] = (label, rank, trim, unless)
        self.phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        for label, names in rules["places"].items():
            self.phrases.add(f"accord_place_{label}", list(nlp.tokenizer.pipe(names)))
            self.meta[nlp.vocab.strings[f"accord_place_{label}"]] = (label, NAME_RANK, (0, 0), ())

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc.set_ents(self.spans(doc), default="outside")
            doc.user_data["accord_entities"] = "rules"
        except Exception:  # noqa: BLE001 - one odd sentence must not stop the batch
            log.exception("accord_entities failed on a doc of %d tokens", len(doc))
        return doc

    def spans(self, doc: Doc) -> list[Span]:
        found = []  # (rank, -length, start, end, label)
        for match_id, start, end in list(self.matcher(doc)) + list(self.phrases(doc)):
            label, rank, (left, right), unless = self.meta[match_id]
            if unless and end < len(doc) and any(getattr(doc[end], _NEXT_ATTRS[a]) in vals for a, vals in unless):
                continue
            start, end = start + left, end - right
            if start < end:
                found.append((rank, start - end, start, end, label))
        for start, end, kind in doc.user_data.get("accord_matches", ()):
            label = KIND_LABELS.get(kind)
            if label and start < end <= len(doc):
                found.append((NAME_RANK, start - end, start, end, label))
        found.sort()
        taken = [False] * len(doc)
        out = []
        for _rank, _neg, start, end, label in found:
            if any(taken[start:end]):
                continue
            for i in range(start, end):
                taken[i] = True
            out.append(Span(doc, start, end, label=label))
        out.sort(key=lambda s: s.start)
        return out


@Language.factory("accord_entities", default_config={"rules_file": ""})
def make_entities(nlp, name: str, rules_file: str):
    return EntitiesComponent(nlp, name, rules_file)
