"""Coding workers: each process loads the spaCy pipeline once and codes whole batches of articles.

The parent process reads, cleans and de-duplicates articles, sends batches here, and stays the
single database writer. Results come back in submission order, so the stored output does not depend
on the number of workers.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing as mp
import os
import signal
from collections import deque
from dataclasses import dataclass, field

from ..config import Settings
from ..errors import AccordError
from ..models import Article, Event, Fact

log = logging.getLogger(__name__)

# One loaded pipeline per process (set by ``init_worker`` or lazily by ``get_nlp``).
_NLP = None
_NLP_KEY = None


@dataclass
class Coded:
    """The coding result for one article of a batch: events and facts, or an error message."""

    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    error: str | None = None
    reason: str = "coding-error"  # the refusal reason when ``error`` is set


def get_nlp(settings: Settings):
    """The process-wide loaded pipeline for ``settings`` (loaded on first use)."""
    global _NLP, _NLP_KEY
    key = (settings.spacy_model, settings.actor_files, settings.pattern_files, settings.entities)
    if _NLP is None or _NLP_KEY != key:
        from ..nlp import build_nlp

        log.debug("loading pipeline in process %d", os.getpid())
        _NLP, _NLP_KEY = build_nlp(settings), key
        # The pipeline's tables (dictionaries, lexicons, model weights) live as long as the process:
        # keep them out of the cyclic collector's scans (about a third of the GC time of a batch run).
        gc.freeze()
    return _NLP


_SETTINGS: Settings | None = None
_INIT_ERROR: str | None = None


def init_worker(settings: Settings) -> None:
    """Pool initializer: ignore Ctrl-C (the parent handles it) and load the pipeline once.

    A failure is kept and reported by the first batch (an initializer that raises would make the
    pool restart workers forever)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _SETTINGS, _INIT_ERROR
    _SETTINGS = settings
    try:
        get_nlp(settings)
    except Exception as exc:
        _INIT_ERROR = f"{type(exc).__name__}: {exc}"


def _coded(article: Article, result) -> Coded:
    from ..errors import Rejected

    if isinstance(result, Rejected):  # the coder refuses this text (not English, oversize, ...)
        return Coded(error=result.detail or str(result), reason=result.reason)
    if isinstance(result, Exception):  # one bad article must not kill the batch
        log.warning("coding failed for %s: %s", article.origin or article.content_hash[:12], result)
        return Coded(error=f"{type(result).__name__}: {result}")
    events, facts = result
    return Coded(list(events), list(facts))


def code_batch(articles: list[Article], settings: Settings | None = None) -> list[Coded]:
    """Code a batch of articles with this process's pipeline (one ``nlp.pipe`` over the batch's
    candidate sentences); one ``Coded`` per article, in order."""
    from ..events.api import code_articles

    if _INIT_ERROR is not None:
        raise AccordError(f"worker could not load the pipeline: {_INIT_ERROR}")
    nlp = get_nlp(settings or _SETTINGS or Settings())
    return [_coded(a, r) for a, r in zip(articles, code_articles(articles, nlp))]


def resolve_workers(workers: int) -> int:
    return max(1, os.cpu_count() or 1) if workers <= 0 else workers


class _Done:
    def __init__(self, value):
        self._value = value

    def result(self):
        return self._value


class Coder:
    """Submit batches, get results back in submission order, with a bounded number in flight.

    ``workers == 1`` codes in this process (no pickling); more starts a process pool whose
    initializer loads one pipeline per worker. A worker that dies (killed, out of memory) makes
    the run stop with an error instead of waiting forever; committed batches are kept.
    """

    def __init__(self, settings: Settings, workers: int):
        self.settings = settings
        self.workers = resolve_workers(workers)
        self.max_in_flight = 2 * self.workers
        self._pending: deque = deque()
        self._pool = None
        if self.workers > 1:
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"),
                                             initializer=init_worker, initargs=(settings,))

    def submit(self, articles: list[Article], tag) -> None:
        if not articles:
            handle = _Done([])
        elif self._pool is None:
            handle = _Done(code_batch(articles, self.settings))
        else:
            handle = self._pool.submit(code_batch, articles)
        self._pending.append((tag, handle))

    def full(self) -> bool:
        return len(self._pending) >= self.max_in_flight

    def __len__(self) -> int:
        return len(self._pending)

    def next_result(self):
        """(tag, list[Coded]) of the oldest submitted batch, waiting for it if needed."""
        from concurrent.futures.process import BrokenProcessPool

        tag, handle = self._pending.popleft()
        try:
            return tag, handle.result()
        except BrokenProcessPool as exc:
            raise AccordError("a worker process died (killed or out of memory); committed batches are kept, "
                              "rerun the same command to resume") from exc

    def worker_pids(self) -> list[int]:
        procs = getattr(self._pool, "_processes", None) or {}
        return sorted(procs) if self._pool else [os.getpid()]

    def close(self, *, terminate: bool = False) -> None:
        if self._pool is None:
            return
        pool, self._pool = self._pool, None
        if terminate:  # Ctrl-C or an error: stop the workers now, do not finish queued batches
            for proc in list((getattr(pool, "_processes", None) or {}).values()):
                proc.terminate()
            pool.shutdown(wait=True, cancel_futures=True)
        else:
            pool.shutdown(wait=True)


def peak_rss_mb(pid: int | None = None) -> float | None:
    """Peak resident set size (VmHWM) of a process in MB, read from /proc (Linux); None elsewhere."""
    try:
        with open(f"/proc/{pid or os.getpid()}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        return None
    return None
