"""Progress display for long runs: a rich bar with rate and ETA on a terminal, nothing otherwise."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlparse


def wanted(progress: bool | None) -> bool:
    """``True``/``False`` force it; ``None`` shows it only when stderr is a terminal."""
    if progress is None:
        return sys.stderr.isatty()
    return bool(progress)


def estimate_total(sources) -> int | None:
    """A cheap estimate of how many items the sources hold (for the ETA); None when unknown."""
    total = 0
    for src in sources:
        if urlparse(str(src)).scheme in {"http", "https"}:
            return None
        p = Path(src)
        try:
            if p.is_dir():
                total += sum(1 for f in p.rglob("*") if f.is_file())
            elif p.suffix.lower() == ".jsonl":
                total += _count_lines(p)
            elif p.is_file() and p.suffix.lower() in {".txt", ".html", ".htm"}:
                total += 1
            else:  # feeds, WARC: unknown without parsing
                return None
        except OSError:
            return None
    return total or None


def _count_lines(path: Path) -> int:
    n = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            n += chunk.count(b"\n")
    return n


class NullProgress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def advance(self, n: int = 1) -> None:
        pass


class BarProgress:
    """rich progress bar: items done / total, items per second, elapsed and remaining time."""

    def __init__(self, total: int | None, description: str = "ingest"):
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(file=sys.stderr),
            transient=False,
        )
        self._task = self._progress.add_task(description, total=total, rate="")

    def __enter__(self):
        self._progress.start()
        return self

    def __exit__(self, *exc):
        self._progress.stop()
        return False

    def advance(self, n: int = 1) -> None:
        task = self._progress.tasks[0]
        speed = task.speed
        rate = f"{speed:,.1f} art/s" if speed else ""
        self._progress.update(self._task, advance=n, rate=rate)


def make_progress(progress: bool | None, sources, description: str = "ingest"):
    if not wanted(progress) or os.environ.get("ACCORD_NO_PROGRESS"):
        return NullProgress()
    return BarProgress(estimate_total(sources), description)
