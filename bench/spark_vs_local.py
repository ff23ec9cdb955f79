"""Spark local[2] against the local pipeline on the same slice (same run, same machine).

    .venv/bin/python bench/spark_vs_local.py [--n 200] [--local-workers 2] [--corpus PATH]

Local: ``accord.pipeline.run`` (SQLite store) with --local-workers processes. Spark: ``accord spark``
logic (``run_spark``) with master local[2], session start-up included. Prints both times, the
ratio, and whether both produced the same event count.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_throughput import SRC, find_corpus, measure_pipeline, write_slice  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--local-workers", type=int, default=2)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--corpus", type=Path, default=None)
    args = ap.parse_args()
    corpus = find_corpus(args.corpus)
    if corpus is None:
        return
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("skipped: pyspark not installed (pip install 'accord[spark]')")
        return
    os.environ["PYTHONPATH"] = str(SRC) + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else "")
    from accord.scale.spark import run_spark

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "slice.jsonl"
        n = write_slice(corpus, args.n, path)
        print(f"slice: first {n} lines of {corpus}")
        local = measure_pipeline(path, args.local_workers, 32)
        print(f"local pipeline, {args.local_workers} workers: {local['seconds']:.1f} s, "
              f"{n / local['seconds']:.2f} articles/s, {local['articles']} articles, {local['events']} events")
        t0 = time.perf_counter()
        counts = run_spark(str(path), str(Path(tmp) / "out"), master=args.master, partitions=4)
        spark_s = time.perf_counter() - t0
        print(f"spark {args.master}: {spark_s:.1f} s, {n / spark_s:.2f} articles/s, "
              f"{counts['articles']} articles, {counts['events']} events")
    print(f"RATIO spark/local time = {spark_s / local['seconds']:.2f}")
    print(f"same event count: {counts['events'] == local['events']} (local stores no events for near-duplicates; "
          f"spark has no near-duplicate linking, so counts can differ on corpora with syndicated copies)")


if __name__ == "__main__":
    sys.path.insert(0, str(SRC))
    main()
