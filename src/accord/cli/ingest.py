"""``accord ingest SOURCE...``: read, clean, code and store articles; print a summary."""
from __future__ import annotations

import logging
import sys

import click

from .options import actors_option, check_inputs, config_option, db_option, settings_from

#: Refused items listed by origin in the summary.
SHOW_REFUSED = 10
#: Actor pairs listed in the summary.
SHOW_PAIRS = 10


def _root_names() -> dict[str, str]:
    try:
        from ..events.codebook import get_codebook

        book = get_codebook()
        return {code: entry.name for code, entry in book.items() if len(code) == 2}
    except Exception:  # the summary must not fail because of the codebook
        return {}


def render_summary(report, db: str) -> str:
    """The human-readable summary of one run (a ``PipelineReport``)."""
    lines = []
    state = "INTERRUPTED (committed batches kept; rerun to resume)" if report.interrupted else "done"
    lines.append(f"Ingest into {db}: {state} in {report.seconds:.1f} s with {report.workers} worker(s)")
    lines.append(
        f"  articles: {report.articles} new, {report.duplicates} duplicate"
        f" ({report.skipped} already stored, not re-coded), {report.near_duplicates} near-duplicate"
    )
    lines.append(f"  events: {report.events}   facts: {report.facts}")
    refused = sum(report.rejections.values())
    lines.append(f"  refused: {refused}")
    for reason, n in sorted(report.rejections.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"    {reason:<16} {n}")
    if report.examples:
        lines.append(f"  refused items (first {min(SHOW_REFUSED, len(report.examples))}):")
        for rej in report.examples[:SHOW_REFUSED]:
            detail = f" - {rej.detail}" if rej.detail else ""
            lines.append(f"    [{rej.reason}] {rej.origin}{detail[:120]}")
    if report.events_by_root:
        names = _root_names()
        lines.append("  events by type (CAMEO root):")
        for root, n in sorted(report.events_by_root.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"    {root} {names.get(root, ''):<34} {n}")
    if report.pairs:
        lines.append("  top actor pairs (source -> target):")
        for (a, b), n in sorted(report.pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:SHOW_PAIRS]:
            lines.append(f"    {a} -> {b:<10} {n}")
    return "\n".join(lines)


def ingested_anything(report) -> bool:
    return (report.articles + report.duplicates + report.near_duplicates) > 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _stop_on_sigterm():
    """``kill PID`` stops like Ctrl-C: committed batches kept, the run recorded as it stopped.
    Returns the previous handler (None when not on the main thread)."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        return signal.signal(signal.SIGTERM, _interrupt)
    return None


def run_and_report(sources: list[str], settings, quiet: bool) -> None:
    """Run the pipeline, print the summary, exit 1 when nothing could be ingested, 130 on Ctrl-C."""
    from ..errors import AccordError
    from ..pipeline import Interrupted, run

    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    previous = _stop_on_sigterm()
    try:
        report = run(sources, settings, progress=False if quiet else None)
    except Interrupted as exc:
        click.echo(render_summary(exc.report, settings.db))
        sys.exit(130)
    except AccordError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        if previous is not None:
            import signal

            signal.signal(signal.SIGTERM, previous)
    click.echo(render_summary(report, settings.db))
    if not ingested_anything(report):
        click.echo("error: nothing could be ingested", err=True)
        sys.exit(1)


def register(group: click.Group) -> None:
    @group.command("ingest")
    @click.argument("sources", nargs=-1, required=True)
    @db_option
    @click.option("--workers", type=int, default=None, help="Worker processes (0 = all cores).")
    @click.option("--batch-size", type=int, default=None, help="Articles per committed batch.")
    @click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
    @actors_option
    @config_option
    def ingest(sources, db, workers, batch_size, quiet, actor_files, config_file):
        """Ingest files, folders, URLs, feeds, JSONL or WARC into the database.

        Resumable: rerunning the same command after an interruption skips what is stored. Every
        local SOURCE is checked first: if any is missing, nothing is ingested (exit 2).
        """
        check_inputs(sources, urls=True)  # before the database is opened (or created)
        settings = settings_from(config_file, db=db, workers=workers, batch_size=batch_size, actor_files=actor_files)
        run_and_report(list(sources), settings, quiet)
