"""Pipeline throughput with 1 and 2 worker processes on the same slice (same run, same machine).

    .venv/bin/python bench/scaling.py [--n 400] [--workers 1 2] [--corpus PATH]

Each measurement runs end to end (model loads included) into a fresh database in a fresh process.
Prints articles/s per worker count, the speed-up against 1 worker, and checks that every worker
count stored the same numbers of articles and events.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_throughput import SRC, find_corpus, fmt_rss, measure_pipeline, write_slice  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--corpus", type=Path, default=None)
    args = ap.parse_args()
    corpus = find_corpus(args.corpus)
    if corpus is None:
        return
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "slice.jsonl"
        n = write_slice(corpus, args.n, path)
        print(f"slice: first {n} lines of {corpus}; batch size {args.batch_size}")
        for w in args.workers:
            r = measure_pipeline(path, w, args.batch_size)
            results[w] = r
            print(f"workers={w}: {r['items'] / r['seconds']:.2f} articles/s ({r['seconds']:.1f} s), "
                  f"{r['articles']} articles, {r['events']} events; peak RSS {fmt_rss(r['peak_rss_mb'])}")
    base = results[args.workers[0]]
    for w, r in results.items():
        print(f"SPEEDUP workers={w} vs workers={args.workers[0]}: {base['seconds'] / r['seconds']:.2f}x")
    same = len({(r["articles"], r["events"]) for r in results.values()}) == 1
    print(f"same articles/events for every worker count: {same}")


if __name__ == "__main__":
    sys.path.insert(0, str(SRC))
    main()
