"""End-to-end ingest throughput against a bare spaCy parse of the same texts (same run, same machine).

    .venv/bin/python bench/ingest_throughput.py [--n 1000] [--workers 1] [--corpus PATH]

Takes the first N lines of ``../shared/corpus/news.jsonl`` (or --corpus / $ACCORD_SHARED), then in
separate child processes (so each peak RSS is its own):
  1. ``accord.pipeline.run`` into a fresh database (read, clean, de-duplicate, code, store; model
     load included);
  2. the baseline: ``spacy.load`` + ``nlp.pipe`` with tok2vec, tagger, parser and ner only, on the
     same article texts (model load included).
Prints articles/s, words/s, peak RSS (parent and per worker, VmHWM from /proc) and
ratio = pipeline articles/s / baseline articles/s (target >= 1.0; peak RSS target <= 600 MB/worker).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: Sources measured; ACCORD_BENCH_SRC points at a frozen copy (e.g. while the tree is being edited).
SRC = Path(os.environ.get("ACCORD_BENCH_SRC") or REPO / "src").resolve()


def shared_dir() -> Path:
    return Path(os.environ.get("ACCORD_SHARED") or (REPO / ".." / "shared")).resolve()


def default_corpus() -> Path:
    return shared_dir() / "corpus" / "news.jsonl"


def find_corpus(given: Path | None) -> Path | None:
    """The corpus to slice, or None (after saying why) when it is not on this machine."""
    corpus = given or default_corpus()
    if corpus.is_file():
        return corpus
    print(f"skipped: corpus not found at {corpus} (set --corpus or ACCORD_SHARED)")
    return None


def write_slice(corpus: Path, n: int, dest: Path) -> int:
    """First n non-empty lines of corpus -> dest; returns how many were written."""
    k = 0
    with open(corpus, "rb") as src, open(dest, "wb") as out:
        for line in src:
            if k >= n:
                break
            if line.strip():
                out.write(line if line.endswith(b"\n") else line + b"\n")
                k += 1
    return k


def slice_texts(path: Path) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            try:
                row = json.loads(line)
            except ValueError:
                continue
            body = row.get("text") or row.get("html") or ""
            if isinstance(body, str) and body.strip():
                texts.append(body)
    return texts


def peak_rss_mb(pid: int | str = "self") -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


# ---- child processes -------------------------------------------------------------------------------

def child_pipeline(path: str, db: str, workers: int, batch_size: int) -> dict:
    from accord import pipeline
    from accord.config import Settings

    settings = Settings(db=db, workers=workers, batch_size=batch_size)
    t0 = time.perf_counter()
    load = 0.0
    if workers == 1:  # one-time start-up (model, actor dictionary, gazetteer), timed on its own
        from accord.events.api import code_text
        from accord.nlp import build_nlp

        code_text("Officials in Paris met envoys from Berlin on Monday.", date="2024-01-01", nlp=build_nlp(settings))
        load = time.perf_counter() - t0
    report = pipeline.run([path], settings, progress=False)
    seconds = time.perf_counter() - t0
    rss = dict(report.peak_rss_mb)
    rss["parent"] = peak_rss_mb()
    return {"seconds": seconds, "load_seconds": load, "articles": report.articles, "events": report.events,
            "facts": report.facts,
            "duplicates": report.duplicates, "near_duplicates": report.near_duplicates,
            "rejections": report.rejections, "words": report.words, "items": report.items, "peak_rss_mb": rss}


def child_baseline(path: str, model: str, batch_size: int) -> dict:
    import spacy

    texts = slice_texts(Path(path))
    t0 = time.perf_counter()
    nlp = spacy.load(model, exclude=["lemmatizer", "attribute_ruler", "senter"])
    load = time.perf_counter() - t0
    words = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        words += sum(1 for t in doc if not t.is_space and not t.is_punct)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "load_seconds": load, "articles": len(texts), "words": words,
            "pipes": nlp.pipe_names, "peak_rss_mb": {"parent": peak_rss_mb()}}


def run_child(kind: str, **kw) -> dict:
    """Run one measurement in a fresh interpreter; returns its JSON result."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    cmd = [sys.executable, __file__, "--child", kind, "--child-args", json.dumps(kw)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{kind} child failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure_pipeline(path: Path, workers: int, batch_size: int = 64) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        return run_child("pipeline", path=str(path), db=str(Path(tmp) / "bench.db"), workers=workers,
                         batch_size=batch_size)


def fmt_rss(rss: dict) -> str:
    return ", ".join(f"{k} {v:.0f} MB" for k, v in rss.items())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="articles from the start of the corpus")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--child-args", default="{}", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        fn = {"pipeline": child_pipeline, "baseline": child_baseline}[args.child]
        print(json.dumps(fn(**json.loads(args.child_args))))
        return
    corpus = find_corpus(args.corpus)
    if corpus is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "slice.jsonl"
        n = write_slice(corpus, args.n, path)
        print(f"slice: first {n} lines of {corpus}")
        from accord.config import Settings

        base = run_child("baseline", path=str(path), model=Settings().spacy_model, batch_size=args.batch_size)
        pipe = measure_pipeline(path, args.workers, args.batch_size)
    report(base, pipe, args.workers)


def report(base: dict, pipe: dict, workers: int) -> None:
    b_rate = base["articles"] / base["seconds"]
    p_rate = pipe["items"] / pipe["seconds"]
    print(f"baseline spaCy nlp.pipe ({'+'.join(base['pipes'])}), 1 process: {base['articles']} texts, "
          f"{base['words']:,} words in {base['seconds']:.1f} s (load {base['load_seconds']:.1f} s): "
          f"{b_rate:.2f} articles/s, {base['words'] / base['seconds']:,.0f} words/s; peak RSS {fmt_rss(base['peak_rss_mb'])}")
    print(f"accord pipeline, {workers} worker(s): {pipe['items']} items -> {pipe['articles']} new articles, "
          f"{pipe['duplicates']} duplicates, {pipe['near_duplicates']} near-duplicates, refused {pipe['rejections']}, "
          f"{pipe['events']} events, {pipe['facts']} facts in {pipe['seconds']:.1f} s: {p_rate:.2f} articles/s, "
          f"{base['words'] / pipe['seconds']:,.0f} words/s (baseline word count); peak RSS {fmt_rss(pipe['peak_rss_mb'])}")
    ratio = p_rate / b_rate
    worst = max(pipe["peak_rss_mb"].values())
    print(f"RATIO pipeline/baseline articles/s = {ratio:.2f} (start-up included; target >= 1.0: "
          f"{'met' if ratio >= 1.0 else 'NOT met'})")
    if pipe.get("load_seconds"):  # steady state: what a long run (the whole corpus) approaches
        steady = (base["seconds"] - base["load_seconds"]) / (pipe["seconds"] - pipe["load_seconds"])
        print(f"start-up: pipeline {pipe['load_seconds']:.1f} s, baseline {base['load_seconds']:.1f} s; "
              f"RATIO steady state (start-up excluded on both sides) = {steady:.2f}")
    print(f"PEAK RSS max per process = {worst:.0f} MB (target <= 600: {'met' if worst <= 600 else 'NOT met'})")


if __name__ == "__main__":
    sys.path.insert(0, str(SRC))
    main()
