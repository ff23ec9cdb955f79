"""The date an event happened, resolved from its sentence against the article date.

``resolve_event_date(sent, trigger, article_date) -> (date, precision, from_article)``

* Date phrases come from spaCy DATE entities plus runs of date words the NER missed.
* A phrase attached to the trigger's own clause wins over one attached to a clause that governs
  the trigger (a reporting verb); phrases in unrelated clauses ("the pact signed in 2021 was
  praised on Tuesday": 2021 belongs to *signed*) and phrases that modify another noun ("the 2015
  deal") are ignored.
* Relative expressions are resolved by :func:`resolve_phrase` (own rules, see below); other
  phrases with a month name or a year fall back to dateparser (English only, past preferred).

Conventions (precision is one of "day", "month", "year"; the date is the first day of the period):

* "on Tuesday": the latest Tuesday on or before the article date (a same-day report keeps the
  article date); "last Tuesday": strictly before; "next Tuesday": strictly after.
* "over the weekend": the latest Saturday on or before the article date, precision "day".
* "last week": the article date minus 7 days, precision "day" (an approximation: the event lies
  somewhere in the previous week); "earlier this week": the Monday of the article's week.
* "last month" / "earlier this month" / "in March": the first of that month, precision "month".
* "last year" / "In 2021" / "earlier this year": 1 January, precision "year". "over the last/past
  year" (a rolling twelve months) is dated to the year of the period's midpoint.
* "14 February" without a year: the occurrence nearest the article date, on or before it when the
  event is asserted in the past.
* No date in the sentence: the article date, precision "day", ``from_article=True``; with no
  article date, ``(None, None, True)``.
"""
from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from . import entities, near, attachment_rank, load_data

log = logging.getLogger(__name__)

Result = tuple  # (iso date | None, precision | None, from_article: bool)


@lru_cache(maxsize=1)
def _lex() -> dict:
    d = load_data("dates")
    months = {k.lower(): int(v) for k, v in d["months"].items()}
    weekdays = {k.lower(): int(v) for k, v in d["weekdays"].items()}
    mon_alt = "|".join(sorted(months, key=len, reverse=True))
    day_alt = "|".join(sorted(weekdays, key=len, reverse=True))
    num_alt = "|".join(sorted(d["number_words"], key=len, reverse=True))
    words = set(d["trigger_words"]) | set(months) | set(weekdays)
    words |= {w for p in d["today"] + d["yesterday"] for w in p.split() if w not in {"this", "the", "on", "same"}}
    return {
        "months": months,
        "weekdays": weekdays,
        "numbers": {k: int(v) for k, v in d["number_words"].items()},
        "today": [_norm(p) for p in d["today"]],
        "yesterday": [_norm(p) for p in d["yesterday"]],
        "words": words,
        "noun_mod_deps": set(d["noun_modifier_deps"]),
        "re_dmy": re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({mon_alt})\b\.?(?:,?\s+(\d{{4}}))?"),
        "re_mdy": re.compile(rf"\b({mon_alt})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?"),
        "re_my": re.compile(rf"\b({mon_alt})\.?\s+(?:of\s+)?(\d{{4}})\b"),
        "re_month": re.compile(rf"\b(?:(last|this|next|early|late|mid|earlier|later)\s*-?\s*)?({mon_alt})\b"),
        "re_weekday": re.compile(rf"\b(?:(last|this|next|this past|this coming)\s+)?({day_alt})\b"),
        "re_ago": re.compile(rf"\b(\d+|{num_alt})\s+(day|week|month|year|decade)s?\s+ago\b"),
        "re_iso": re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
        "re_year": re.compile(r"(?<!\d)(?<!\d-)(1[89]\d\d|20\d\d)(?!\d|s\b)"),
    }


def _norm(text) -> str:
    """Lower-case words of a date phrase, without "the" and punctuation."""
    return " ".join(re.sub(r"\bthe\b|[^\w\s'-]", " ", str(text).lower()).split())


def _parse_iso(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return datetime.strptime(str(value)[:10], "%Y-%m-%d").date()
    except (TypeError, ValueError):
        return None


def _fallback(base: date | None) -> Result:
    return (base.isoformat(), "day", True) if base else (None, None, True)


def article_fallback(article_date) -> Result:
    """The result used when a sentence gives no date: the article date (or nothing)."""
    return _fallback(_parse_iso(article_date))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_start(d: date, delta_months: int = 0) -> date:
    m = d.month - 1 + delta_months
    return date(d.year + m // 12, m % 12 + 1, 1)


def _pick_year(month: int, day: int, base: date, prefer_past: bool) -> date | None:
    options = [x for x in (_safe_date(base.year + k, month, day) for k in (-1, 0, 1)) if x]
    if prefer_past:
        past = [x for x in options if x <= base]
        if past:
            return max(past)
    return min(options, key=lambda x: abs((x - base).days)) if options else None


def _weekday(base: date, wd: int, mode: str, prefer_past: bool) -> date:
    back = (base.weekday() - wd) % 7
    if mode in ("next", "this coming") or (not prefer_past and mode != "last"):
        ahead = (wd - base.weekday()) % 7
        return base + timedelta(days=ahead or (7 if mode else 0))
    if mode == "last" and back == 0:
        back = 7
    return base - timedelta(days=back)


def _ago(m, base: date, lx: dict):
    """"three days ago", "two weeks ago", "a month ago", "two decades ago"."""
    n = int(m.group(1)) if m.group(1).isdigit() else lx["numbers"][m.group(1)]
    unit = m.group(2)
    if unit == "day":
        return base - timedelta(days=n), "day"
    if unit == "week":
        return base - timedelta(days=7 * n), "day"
    if unit == "month":
        return _month_start(base, -n), "month"
    return date(base.year - n * (10 if unit == "decade" else 1), 1, 1), "year"


def _named_period(m, t: str, base: date):
    """"last week", "earlier this month", "next year", "over the past year" (rolling)."""
    which, unit = m.group(1), m.group(2)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1}.get(which, 0)
    if unit == "week":
        if step == 0:
            monday = base - timedelta(days=base.weekday())
            return (monday if monday < base else base), "day"
        return base + timedelta(days=7 * step), "day"
    if unit == "month":
        return _month_start(base, step), "month"
    rolling = which == "past" or re.search(r"\b(over|in|during|within)\s+(last|past)\s+year\b", t)
    if rolling:  # the twelve months before the article: dated to the year of their midpoint
        return date((base - timedelta(days=182)).year, 1, 1), "year"
    return date(base.year + step, 1, 1), "year"


def _relative(t: str, base: date, prefer_past: bool, lx: dict):
    """Rules for expressions relative to the article date. ``t`` is normalised lower-case text."""
    if any(re.search(rf"\b{re.escape(p)}\b", t) for p in lx["yesterday"]):
        return base - timedelta(days=1), "day"
    if any(re.search(rf"\b{re.escape(p)}\b", t) for p in lx["today"]) and "week" not in t:
        return base, "day"
    m = lx["re_ago"].search(t)
    if m:
        return _ago(m, base, lx)
    if "weekend" in t:
        return _weekday(base, 5, "next" if re.search(r"\b(next|coming)\b", t) else "", True), "day"
    m = lx["re_weekday"].search(t)
    if m:
        return _weekday(base, lx["weekdays"][m.group(2)], m.group(1) or "", prefer_past), "day"
    m = re.search(r"\b(last|past|this|next|earlier this|later this|previous)\s+(week|month|year)\b", t)
    if m:
        return _named_period(m, t, base)
    return None


def _absolute(t: str, base: date | None, prefer_past: bool, lx: dict):
    """Dates written out: ISO, day+month(+year), month+year, a month alone, a year alone."""
    m = lx["re_iso"].search(t)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return d, "day"
    for rx, order in ((lx["re_dmy"], "dmy"), (lx["re_mdy"], "mdy")):
        m = rx.search(t)
        if not m:
            continue
        day, mon = (m.group(1), m.group(2)) if order == "dmy" else (m.group(2), m.group(1))
        month, day = lx["months"][mon], int(day)
        if m.group(3):
            d = _safe_date(int(m.group(3)), month, day)
        elif base:
            d = _pick_year(month, day, base, prefer_past)
        else:
            d = None
        if d:
            return d, "day"
    m = lx["re_my"].search(t)
    if m:
        return date(int(m.group(2)), lx["months"][m.group(1)], 1), "month"
    m = lx["re_year"].search(t)
    if m:
        return date(int(m.group(1)), 1, 1), "year"
    m = lx["re_month"].search(t)
    if m and base:
        month = lx["months"][m.group(2)]
        year = base.year
        if m.group(1) == "last" or (prefer_past and month > base.month and m.group(1) != "next"):
            year -= 1
        if m.group(1) == "next" and month <= base.month:
            year += 1
        return date(year, month, 1), "month"
    return None


_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b")


def _numeric(text: str):
    """Slashed numeric dates: month first as in US English ("03/09/2006"), day first when the
    first number cannot be a month ("25/12/2019")."""
    m = _NUMERIC.search(text)
    if not m:
        return None
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    d = _safe_date(y, a, b) if a <= 12 else _safe_date(y, b, a)
    return (d, "day") if d else None


@lru_cache(maxsize=32)
def _date_parser(base_iso: str | None):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base_iso:
        settings["RELATIVE_BASE"] = datetime.strptime(base_iso, "%Y-%m-%d")
    return DateDataParser(languages=["en"], settings=settings)


def _with_dateparser(text: str, base: date | None):
    try:
        data = _date_parser(base.isoformat() if base else None).get_date_data(text)
    except Exception as exc:  # dateparser raises assorted errors on odd strings
        log.debug("dateparser failed on %r: %s", text, exc)
        return None
    if not data or not data.date_obj:
        return None
    period = {"day": "day", "week": "day", "time": "day", "month": "month", "year": "year"}.get(data.period, "day")
    return data.date_obj.date(), period


def resolve_phrase(text: str, article_date=None, prefer_past: bool = True):
    """Resolve one date phrase to ``(YYYY-MM-DD, precision)`` or None.

    Relative phrases need ``article_date``; absolute ones ("in March 2019") do not.
    """
    try:
        lx = _lex()
        base = _parse_iso(article_date)
        got = _numeric(str(text))
        if got is not None:
            return got[0].isoformat(), got[1]
        t = _norm(text)
        if not t:
            return None
        got = _absolute(t, base, prefer_past, lx)
        if got is None and base is not None:
            got = _relative(t, base, prefer_past, lx)
        if got is None and (lx["re_year"].search(t) or (base and any(w in lx["months"] for w in t.split()))):
            got = _with_dateparser(t, base)
        if got is None:
            return None
        return got[0].isoformat(), got[1]
    except Exception as exc:
        log.debug("cannot resolve date phrase %r: %s", text, exc)
        return None


def _is_date_token(tok, lx) -> bool:
    low = tok.lower_.rstrip(".")
    if low in lx["words"]:
        return low != "may" or tok.pos_ == "PROPN"
    return tok.like_num and len(tok.text) == 4 and tok.text[:2] in ("19", "20") and tok.text.isdigit()


def _candidates(span, lx) -> list:
    """DATE entities in the sentence, plus runs of date words outside them."""
    out = [e for e in entities(span) if e.label_ == "DATE"]
    covered = {t.i for e in out for t in e}
    glue = {"of", "this", "last", "next", "past", "early", "late", "mid", "earlier", "later", "the", ","}
    run: list = []
    for tok in list(span) + [None]:
        ok = tok is not None and tok.i not in covered and (
            _is_date_token(tok, lx) or (run and (tok.lower_ in glue or (tok.like_num and len(tok.text) <= 4)))
        )
        if ok:
            run.append(tok)
            continue
        while run and run[-1].lower_ in glue:
            run.pop()
        if run:
            out.append(span.doc[run[0].i : run[-1].i + 1])
        run = []
    return out


_ARG_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "dative", "oprd"})


def _reaches_trigger(noun, trigger) -> bool:
    """``noun`` is the trigger, one of its arguments, or hangs from one through prepositions."""
    cur = noun
    for _ in range(6):
        if cur.i == trigger.i or (cur.head.i == trigger.i and cur.dep_ in _ARG_DEPS):
            return True
        if cur.dep_ not in ("pobj", "prep") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _modifies_other_noun(phrase, trigger, lx) -> bool:
    """The date belongs to another noun: "the 2015 deal", "the loss of 364m euros in 2003"."""
    root = phrase.root
    head = root.head
    if root.dep_ in lx["noun_mod_deps"] and head.i != trigger.i and head.pos_ in ("NOUN", "PROPN"):
        return head not in phrase
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
        return not _reaches_trigger(head.head, trigger)
    return False


def _prefer_past(trigger) -> bool:
    try:
        from .modality import is_intent

        return not is_intent(trigger)
    except Exception:  # modality is a hint only
        return True


def resolve_event_date(sent, trigger, article_date, **_ignored) -> Result:
    """``(date, precision, from_article)`` for the event whose trigger token is ``trigger``."""
    base = _parse_iso(article_date)
    try:
        span = near(sent, trigger)
        lx = _lex()
        if not any(t.ent_type_ == "DATE" or _is_date_token(t, lx) for t in span):
            return _fallback(base)
        prefer_past = _prefer_past(trigger)
        best = None
        for phrase in _candidates(span, lx):
            rank = attachment_rank(phrase.root, trigger)
            if rank is None or _modifies_other_noun(phrase, trigger, lx):
                continue
            got = resolve_phrase(phrase.text, base, prefer_past)
            if not got:
                continue
            key = (rank, {"day": 0, "month": 1, "year": 2}[got[1]], abs(phrase.root.i - trigger.i))
            if best is None or key < best[0]:
                best = (key, got)
        if best is None:
            return _fallback(base)
        return best[1][0], best[1][1], False
    except Exception as exc:
        log.debug("event date failed for %r: %s", getattr(sent, "text", sent), exc)
        return _fallback(base)
