"""Quantities tied to an event: counts of the trigger's arguments and sums of money.

``event_quantities(sent, trigger) -> list[Quantity]``

* Money: "$12.6 billion", "€3bn", "£600m", "5 million dollars" -> value in units of the currency,
  ``unit`` = ``currency`` = ISO 4217 code.
* Counts: "20 cooperation agreements" -> (20, "agreement"), "1,500 troops" -> (1500, "troop"),
  "two soldiers", "killed at least 12 people" -> (12, "people"); a bare number argument
  ("wounding about 20") takes the trigger's lemma as its unit.
* Only numbers in the trigger's own clause count (the trigger, its arguments and their
  modifiers); numbers in other clauses belong to other events ("killing 8 and wounding 20": the
  20 belongs to *wounding*). Dates, times, ordinals, percentages, ages, durations and distances are
  not event quantities (see ``excluded_units`` in ``data/quantities.yaml``); neither is "the two"
  standing for actors.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from ...models import Quantity
from . import entities, near, attachment_rank, load_data

log = logging.getLogger(__name__)

_SKIP_ENTS = frozenset({"DATE", "TIME", "PERCENT", "ORDINAL"})


@lru_cache(maxsize=1)
def _lex() -> dict:
    d = load_data("quantities")
    syms = {str(k).lower(): v for k, v in d["currency_symbols"].items()}
    words = {str(k).lower(): v for k, v in d["currency_words"].items()}
    scales = {str(k).lower(): float(v) for k, v in d["scales"].items()}
    sym_alt = "|".join(re.escape(s) for s in sorted(syms, key=len, reverse=True))
    word_alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    scale_alt = "|".join(re.escape(s) for s in sorted(scales, key=len, reverse=True))
    num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    return {
        "syms": syms,
        "words": words,
        "scales": scales,
        "numbers": {str(k).lower(): float(v) for k, v in d["number_words"].items()},
        "excluded": {str(u).lower() for u in d["excluded_units"]},
        "re_sym": re.compile(rf"(?i)(?<![\w$])({sym_alt})\s?({num})(?:\s?({scale_alt})\b)?"),
        "re_word": re.compile(rf"(?i)(?<![\w.])({num})(?:\s?({scale_alt}))?\s+({word_alt})\b"),
    }


def _num(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _money(span, trigger, lx) -> list:
    out = []
    text, base = span.text, span.start_char
    found = []
    for m in lx["re_sym"].finditer(text):
        found.append((m.start(), m.end(), lx["syms"][m.group(1).lower()], m.group(2), m.group(3)))
    for m in lx["re_word"].finditer(text):
        found.append((m.start(), m.end(), lx["words"][m.group(3).lower()], m.group(1), m.group(2)))
    for start, end, code, num, scale in sorted(found):
        value = _num(num)
        if value is None:
            continue
        if scale:
            value *= lx["scales"].get(scale.lower(), 1.0)
        chunk = span.doc.char_span(base + start, base + end, alignment_mode="expand")
        if chunk is None or attachment_rank(chunk.root, trigger) != 0:
            continue
        out.append((chunk, Quantity(value=value, unit=code, currency=code, text=text[start:end])))
    return out


def _word_value(tokens, lx) -> float | None:
    """Value of a run of number tokens: "1,500", "12.6 billion", "two million", "twenty five"."""
    total, current = 0.0, None
    for tok in tokens:
        low = tok.lower_
        if low in lx["scales"] and current is not None:
            total, current = total + current * lx["scales"][low], None
            continue
        val = _num(low)
        if val is None:
            val = lx["numbers"].get(low)
        if val is None:
            return None
        if low in ("hundred", "dozen"):
            current = (current or 1.0) * val
        else:
            current = val if current is None else current + val
    if current is None and not total:
        return None
    return total + (current or 0.0)


def _is_number(tok, lx) -> bool:
    low = tok.lower_
    if tok.ent_type_ in _SKIP_ENTS:
        return False
    if tok.pos_ == "NUM" or tok.like_num:
        return low not in ("one",) or tok.dep_ == "nummod"
    return low in lx["numbers"] and tok.dep_ in ("nummod", "compound")


def _runs(span, lx, covered: set) -> list:
    runs, cur = [], []
    for tok in list(span) + [None]:
        if tok is not None and tok.i not in covered and (_is_number(tok, lx) or (cur and tok.lower_ in lx["scales"])):
            cur.append(tok)
            continue
        if tok is not None and tok.text == "-" and cur and cur[-1].lower_ in lx["numbers"]:
            continue  # "twenty-five"
        if cur:
            runs.append(cur)
        cur = []
    return runs


def _count(run, span, trigger, lx):
    """A Quantity for a run of number tokens, or None when it is not an event quantity."""
    ids = {t.i for t in run}
    head_tok = next((t for t in run if t.head.i not in ids), run[-1])
    value = _word_value(run, lx)
    if value is None:
        return None
    noun = head_tok.head if head_tok.dep_ in ("nummod", "compound", "quantmod") else None
    if head_tok.dep_ == "conj" and head_tok.head.dep_ in ("nummod", "quantmod"):
        noun = head_tok.head.head  # "between 20,000 and 25,000 people"
    if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
        unit = noun.lemma_.lower()
        if unit in lx["excluded"] or noun.lower_ in lx["excluded"] or any(c.lower_ == "-" for c in noun.children):
            return None
        if noun.dep_ == "nsubj" and any(c.dep_ == "det" and c.lower_ in ("the", "both", "these", "those") for c in noun.children):
            return None  # "the two neighbours signed": the actors, not an amount
        anchor = noun
    else:
        if head_tok.dep_ not in ("dobj", "nsubjpass", "nsubj", "attr", "pobj", "appos", "conj"):
            return None
        if any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "both") for c in head_tok.children):
            return None  # "the two" stands for actors
        if head_tok.dep_ == "appos" and head_tok.head.pos_ == "PROPN":
            return None  # "Thong-in, 38," is an age
        if head_tok.dep_ == "pobj" and head_tok.head.lower_ in ("of", "at", "to", "by", "from", "in"):
            return None
        unit = trigger.lemma_.lower()
        anchor = head_tok
    if attachment_rank(anchor, trigger) != 0 or anchor.i == trigger.i and noun is None:
        return None
    text = span.doc[run[0].i : (anchor.i + 1 if anchor.i > run[-1].i and anchor.i - run[-1].i <= 3 else run[-1].i + 1)].text
    return Quantity(value=value, unit=unit, text=text)


def event_quantities(sent, trigger, **_ignored) -> list[Quantity]:
    """Quantities (counts and money) belonging to the event whose trigger token is ``trigger``."""
    try:
        span = near(sent, trigger)
        if not any(t.like_num or t.pos_ == "NUM" or t.is_currency for t in span):
            return []
        lx = _lex()
        out = []
        covered: set = set()
        for chunk, q in _money(span, trigger, lx):
            out.append(q)
            covered.update(t.i for t in chunk)
        money_ents = {t.i for e in entities(span) if e.label_ == "MONEY" for t in e}
        for run in _runs(span, lx, covered | money_ents):
            q = _count(run, span, trigger, lx)
            if q is not None:
                out.append(q)
        return _dedupe(out)
    except Exception as exc:
        log.debug("quantities failed for %r: %s", getattr(sent, "text", sent), exc)
        return []


def _dedupe(qs: list) -> list:
    seen, out = set(), []
    for q in qs:
        key = (q.value, q.unit)
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out
