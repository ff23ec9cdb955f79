"""Coding texts and articles into events.

* ``code_text(text, date=None, nlp=None) -> list[Event]``
* ``code_article(article, nlp) -> (events, facts)``; evidence offsets are offsets into ``article.text``
* ``code_texts(rows, nlp=None) -> iterator of (id, events, error)`` batched with ``nlp.pipe``

Only candidate sentences are parsed (see :mod:`accord.nlp.selective`).
"""
from __future__ import annotations

import logging
import re
from typing import Iterable, Iterator

from ..errors import Rejected
from ..models import Article

log = logging.getLogger(__name__)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _nlp(nlp):
    if nlp is not None:
        return nlp
    from ..nlp import build_nlp

    return build_nlp()


def _pattern_files(nlp) -> tuple:
    try:
        return tuple(nlp.get_pipe("accord_events").lexicon and nlp.get_pipe_config("accord_events").get("pattern_files") or ())
    except Exception:
        return ()


def check_text(text, date=None, max_chars: int = 1_000_000) -> tuple[str, str | None]:
    """Validate one input; returns (clean text, date) or raises Rejected with a clear reason."""
    from ..nlp.selective import clean_text

    if not isinstance(text, str):
        raise Rejected("bad-text", detail=f"'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        raise Rejected("empty", detail="empty text")
    if len(text) > max_chars:
        raise Rejected("oversize", detail=f"text has {len(text)} characters (limit {max_chars})")
    letters = _LETTER.findall(text[:20000])
    if letters and sum(1 for ch in letters if _LATIN.match(ch)) / len(letters) < 0.3:
        raise Rejected("not-english", detail="text is mostly in a non-Latin script")
    if date is not None and not (isinstance(date, str) and _DATE.match(date.strip()[:10])):
        raise Rejected("bad-date", detail=f"'date' must be YYYY-MM-DD, got {date!r}")
    return clean_text(text), (date.strip()[:10] if date else None)


def _collect(docs) -> tuple[list, list]:
    events, facts = [], []
    for doc in docs:
        events.extend(doc._.events or [])
        facts.extend(doc._.facts or [])
    return events, facts


def code_article(article: Article, nlp=None) -> tuple[list, list]:
    """Events and facts of one article (evidence offsets into ``article.text``)."""
    from ..nlp.selective import candidate_docs

    nlp = _nlp(nlp)
    text, date = check_text(article.text, article.date, getattr(nlp, "max_length", 1_000_000))
    docs = candidate_docs(nlp, text, date=date, pattern_files=_pattern_files(nlp))
    return _collect(nlp.pipe(docs, batch_size=64))


def code_articles(articles: list[Article], nlp=None) -> list:
    """Code several articles with one ``nlp.pipe`` over all their candidate sentences (bigger
    batches for the models). One result per article, in order: ``(events, facts)``, or the
    exception (``Rejected`` or other) that refused that article alone. Each article keeps its own
    actor context, so results equal ``code_article`` one by one."""
    from ..nlp.selective import candidate_docs

    nlp = _nlp(nlp)
    prepared: list = []
    for article in articles:
        try:
            text, date = check_text(article.text, article.date, getattr(nlp, "max_length", 1_000_000))
            prepared.append(candidate_docs(nlp, text, date=date, pattern_files=_pattern_files(nlp)))
        except Exception as exc:  # refused or broken: this article only
            prepared.append(exc)
    flat = [d for docs in prepared if not isinstance(docs, Exception) for d in docs]
    try:
        done = list(nlp.pipe(flat, batch_size=64))
    except Exception:  # isolate the failing article
        log.exception("batch of %d articles failed; coding them one by one", len(articles))
        return [_one_article(a, nlp) for a in articles]
    out, pos = [], 0
    for docs in prepared:
        if isinstance(docs, Exception):
            out.append(docs)
            continue
        out.append(_collect(done[pos: pos + len(docs)]))
        pos += len(docs)
    return out


def _one_article(article: Article, nlp):
    try:
        return code_article(article, nlp)
    except Exception as exc:
        return exc


def code_text(text: str, date: str | None = None, nlp=None) -> list:
    """Events of one text (a sentence or an article)."""
    events, _ = code_article(Article(text=text, date=date), nlp)
    return events


def code_texts(rows: Iterable[dict], nlp=None, batch_rows: int = 32) -> Iterator[tuple]:
    """Code many rows ``{"id", "text", "date"?}``; yields ``(id, events, error)`` in input order.

    A bad row yields an error string and no events; the rest of the batch goes on."""
    nlp = _nlp(nlp)
    batch: list = []
    for row in rows:
        batch.append(row)
        if len(batch) >= batch_rows:
            yield from _code_batch(batch, nlp)
            batch = []
    if batch:
        yield from _code_batch(batch, nlp)


def _prepare(row, nlp):
    from ..nlp.selective import MAX_SENT_TOKENS, candidate_docs

    if not isinstance(row, dict):
        raise Rejected("bad-row", detail="row is not a JSON object")
    text, date = check_text(row.get("text"), row.get("date"), getattr(nlp, "max_length", 1_000_000))
    too_long: list[int] = []
    docs = candidate_docs(nlp, text, date=date, pattern_files=_pattern_files(nlp), too_long=too_long)
    if too_long and not docs:
        raise Rejected("oversize-sentence", detail=f"a sentence of {max(too_long)} tokens is too long to parse "
                                                   f"(limit {MAX_SENT_TOKENS}); nothing coded")
    return docs


def _code_batch(rows: list, nlp) -> Iterator[tuple]:
    prepared: list = []
    for row in rows:
        rid = row.get("id") if isinstance(row, dict) else None
        try:
            prepared.append((rid, _prepare(row, nlp), None))
        except Rejected as exc:
            prepared.append((rid, [], f"{exc.reason}: {exc.detail}" if exc.detail else exc.reason))
        except Exception as exc:  # keep the batch going whatever happens to one row
            log.exception("row %r failed", rid)
            prepared.append((rid, [], f"internal: {exc}"))
    flat = [d for _, docs, _ in prepared for d in docs]
    try:
        done = list(nlp.pipe(flat, batch_size=64))
    except Exception:  # isolate the failing row
        log.exception("batch failed; retrying row by row")
        yield from _one_by_one(prepared, nlp)
        return
    pos = 0
    for rid, docs, err in prepared:
        chunk = done[pos: pos + len(docs)]
        pos += len(docs)
        yield rid, (_collect(chunk)[0] if err is None else []), err


def _one_by_one(prepared, nlp) -> Iterator[tuple]:
    for rid, docs, err in prepared:
        if err is not None:
            yield rid, [], err
            continue
        try:
            yield rid, _collect(nlp.pipe(docs))[0], None
        except Exception as exc:
            yield rid, [], f"internal: {exc}"
