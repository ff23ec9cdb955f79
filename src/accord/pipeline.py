"""The batch pipeline: sources -> RawDocument -> Article -> events/facts -> store.

This is the only module that chains the stages. The parent process streams the input (bounded
memory: at most ``2 * workers`` batches in flight), cleans each document, skips articles whose
content hash is already stored (before any NLP, so reruns are cheap), sends batches to the coding
workers (``accord.scale.pool``) and writes their results, one transaction per batch, in input order.
Killing the process at any point loses at most the batches not yet committed; rerunning the same
command skips everything already stored and carries on.
"""
from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .config import Settings
from .errors import Rejected
from .models import Article, RawDocument, Rejection, RunReport
from .scale.pool import Coded, Coder, peak_rss_mb, resolve_workers
from .scale.progress import make_progress

log = logging.getLogger(__name__)

#: How many refused items the report keeps as examples (counts by reason are always complete).
MAX_EXAMPLES = 20


@dataclass
class PipelineReport(RunReport):
    """A RunReport with what the summary needs: examples of refusals, events by CAMEO root, pairs."""

    run_id: int | None = None
    items: int = 0  # items read from the sources (documents + refusals)
    skipped: int = 0  # already stored: skipped before NLP (also counted in ``duplicates``)
    words: int = 0  # words in the newly stored articles
    examples: list[Rejection] = field(default_factory=list)
    events_by_root: Counter = field(default_factory=Counter)
    pairs: Counter = field(default_factory=Counter)
    workers: int = 1
    peak_rss_mb: dict[str, float] = field(default_factory=dict)
    interrupted: bool = False

    def refuse(self, rejection: Rejection) -> None:
        self.reject(rejection.reason)
        if len(self.examples) < MAX_EXAMPLES:
            self.examples.append(rejection)


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a run: committed batches are kept; ``report`` holds what was done."""

    def __init__(self, report: PipelineReport):
        super().__init__("interrupted")
        self.report = report


@dataclass
class _Batch:
    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)  # origins of the items this batch settles
    items: int = 0

    def __bool__(self) -> bool:
        return bool(self.items)


def run(sources: Iterable[str], settings: Settings, *, progress: bool | None = None, store=None) -> PipelineReport:
    """Ingest ``sources`` into ``settings.db`` (or the given open ``store``); see the module docstring.

    ``progress``: True/False forces the progress bar on/off; None shows it on a terminal only.
    Raises ``Interrupted`` (a KeyboardInterrupt carrying the report) on Ctrl-C.
    """
    from .ingest import iter_sources

    sources = [str(s) for s in sources]
    return run_items(iter_sources(sources, settings), settings, label=sources, progress=progress, store=store)


def run_items(
    items: Iterable[RawDocument | Rejection],
    settings: Settings,
    *,
    label: list[str],
    progress: bool | None = None,
    store=None,
    on_commit: Callable[[list[str]], None] | None = None,
) -> PipelineReport:
    """Run the pipeline on already-read items. ``on_commit(origins)`` is called inside each batch's
    transaction with the origins of the items that batch settled (stored, duplicate or refused)."""
    own_store = store is None
    if own_store:
        from .store import Store

        store = Store(settings.db, near_dup_threshold=settings.near_dup_threshold)
    report = PipelineReport(workers=resolve_workers(settings.workers))
    started = time.monotonic()
    report.run_id = store.start_run(list(label))
    coder = None
    try:
        coder = Coder(settings, settings.workers)
        with make_progress(progress, label) as bar:
            _drive(iter(items), settings, store, coder, report, bar, on_commit)
        _record_memory(report, coder)
        coder.close()
    except KeyboardInterrupt:
        report.interrupted = True
        log.warning("interrupted: committed batches are kept; rerun the same command to resume")
    finally:
        if coder is not None:
            coder.close(terminate=True)  # no-op after a clean close
        report.seconds = time.monotonic() - started
        try:
            store.finish_run(report.run_id, report)
        finally:
            if own_store:
                store.close()
    if report.interrupted:
        raise Interrupted(report)
    return report


def _drive(items: Iterator, settings: Settings, store, coder: Coder, report: PipelineReport, bar, on_commit) -> None:
    size = max(1, settings.batch_size)
    in_flight: set[str] = set()  # content hashes submitted but not yet committed
    batch = _Batch()
    for item in items:
        batch.items += 1
        report.items += 1
        batch.origins.append(item.origin)
        if isinstance(item, Rejection):
            batch.rejections.append(item)
        else:
            article = _clean(item, settings, batch)
            if article is not None:
                if article.content_hash in in_flight or store.has_content(article.content_hash):
                    report.duplicates += 1
                    report.skipped += 1
                else:
                    in_flight.add(article.content_hash)
                    batch.articles.append(article)
        if len(batch.articles) >= size or batch.items - len(batch.articles) >= 4 * size:
            _submit(coder, batch)
            batch = _Batch()
        while coder.full():
            _commit_next(coder, store, report, bar, in_flight, on_commit)
    if batch:
        _submit(coder, batch)
    while len(coder):
        _commit_next(coder, store, report, bar, in_flight, on_commit)


def _clean(raw: RawDocument, settings: Settings, batch: _Batch) -> Article | None:
    from .text import to_article

    try:
        return to_article(raw, settings)
    except Rejected as exc:
        batch.rejections.append(Rejection(raw.origin, exc.reason, exc.detail))
    except Exception as exc:  # a bug in cleaning must not stop the run; record it
        log.warning("cleaning failed for %s: %s", raw.origin, exc)
        batch.rejections.append(Rejection(raw.origin, "error", f"{type(exc).__name__}: {exc}"))
    return None


def _submit(coder: Coder, batch: _Batch) -> None:
    coder.submit(batch.articles, batch)


def _commit_next(coder: Coder, store, report: PipelineReport, bar, in_flight: set[str], on_commit) -> None:
    batch, coded = coder.next_result()
    delta = PipelineReport()
    with store.transaction():
        for rejection in batch.rejections:
            store.add_rejection(rejection, report.run_id)
            delta.refuse(rejection)
        for article, result in zip(batch.articles, coded):
            _store_article(store, article, result, delta, report.run_id)
        if on_commit is not None:
            on_commit(batch.origins)
    _merge(report, delta)
    for article in batch.articles:
        in_flight.discard(article.content_hash)
    bar.advance(batch.items)


def _store_article(store, article: Article, result: Coded, delta: PipelineReport, run_id) -> None:
    if result.error is not None:
        rejection = Rejection(article.origin or article.content_hash, result.reason, result.error)
        store.add_rejection(rejection, run_id)
        delta.refuse(rejection)
        return
    article_id, status = store.add_article(article)
    if status == "duplicate":
        delta.duplicates += 1
        return
    if status == "near-duplicate":
        # A syndicated copy is linked to its original; its events would repeat the original's.
        delta.near_duplicates += 1
        return
    delta.articles += 1
    delta.words += len(article.text.split())
    delta.events += store.add_events(article_id, result.events)
    delta.facts += store.add_facts(article_id, result.facts)
    for event in result.events:
        delta.events_by_root[event.cameo_root] += 1
        a, b = (event.source.key if event.source else None), (event.target.key if event.target else None)
        if a and b:
            delta.pairs[(a, b)] += 1


def _merge(report: PipelineReport, delta: PipelineReport) -> None:
    for name in ("articles", "duplicates", "near_duplicates", "events", "facts", "words"):
        setattr(report, name, getattr(report, name) + getattr(delta, name))
    for reason, n in delta.rejections.items():
        report.rejections[reason] = report.rejections.get(reason, 0) + n
    room = MAX_EXAMPLES - len(report.examples)
    report.examples.extend(delta.examples[: max(0, room)])
    report.events_by_root.update(delta.events_by_root)
    report.pairs.update(delta.pairs)


def _record_memory(report: PipelineReport, coder: Coder) -> None:
    report.peak_rss_mb["parent"] = peak_rss_mb() or 0.0
    if coder.workers > 1:
        for i, pid in enumerate(coder.worker_pids()):
            report.peak_rss_mb[f"worker{i + 1}"] = peak_rss_mb(pid) or 0.0
