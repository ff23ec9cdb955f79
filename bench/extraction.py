"""Body-extraction quality of accord.text on public web benchmarks.

1. ScrapingHub article-extraction-benchmark (``../shared/web/scrapinghub``): per page, 4-gram
   shingles over lower-cased ``\\w+`` tokens of the extracted and the gold body; precision, recall
   and F1 per page, averaged over pages. Also printed: the "normalised" aggregate (each page's
   tp/fp/fn scaled to sum 1, averaged, then P/R/F1), the way the upstream benchmark reports it.
2. trafilatura evaluation set (``../shared/web/trafilatura_eval``), English pages only: title and
   publication-date accuracy against the gold metadata, and the share of "with" snippets found /
   "without" (boilerplate) snippets absent in the body.

3. With --corpus: iter_sources + to_article over ``../shared/corpus/news.jsonl`` (counts, refusals, time).

Run:  PYTHONPATH=src .venv/bin/python bench/extraction.py [--limit N] [--corpus]
The shared data folder is ``../shared`` next to the repo, or $ACCORD_SHARED.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from accord.text.article import html_body  # noqa: E402
from accord.text.decode import decode_bytes  # noqa: E402
from accord.errors import Rejected  # noqa: E402

SHARED = Path(os.environ.get("ACCORD_SHARED", REPO / ".." / "shared"))
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    toks = _TOKEN.findall((text or "").lower())
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def counts(pred: str, gold: str) -> tuple[int, int, int]:
    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    if tp + fp + fn == 0:
        return 1.0, 1.0, 1.0  # both empty: a perfect (empty) extraction
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def extract(raw: bytes, url: str | None) -> tuple[str, str | None, str | None]:
    """Body, title, date as accord.text produces them (no language filter here)."""
    try:
        html = decode_bytes(raw)
    except Rejected:
        return "", None, None
    res, dl, body = html_body(html, url)
    return body, res.title, res.date or (dl.date if dl else None)


def trafilatura_default(raw: bytes, url: str | None) -> str:
    """Baseline: trafilatura.extract with its default settings, no Accord cleaning."""
    import trafilatura

    return trafilatura.extract(raw, url=url) or ""


def scrapinghub(limit: int | None, baseline: bool = False) -> dict | None:
    root = SHARED / "web" / "scrapinghub"
    if not (root / "ground-truth.json").is_file():
        print(f"skip scrapinghub: {root} not found")
        return None
    gold = json.loads((root / "ground-truth.json").read_text("utf-8"))
    per_page, norm = [], []
    t0 = time.perf_counter()
    for key, item in list(gold.items())[:limit]:
        body, _, _ = extract(gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()), item.get("url"))
        tp, fp, fn = counts(body, item["articleBody"])
        per_page.append(prf(tp, fp, fn))
        total = tp + fp + fn
        norm.append((tp / total, fp / total, fn / total) if total else (1.0, 0.0, 0.0))
    secs = time.perf_counter() - t0
    n = len(per_page)
    mean = [sum(x[i] for x in per_page) / n for i in range(3)]
    agg = prf(*(sum(x[i] for x in norm) / n for i in range(3)))
    print(f"scrapinghub: {n} pages, {secs:.1f} s ({1000 * secs / n:.0f} ms/page)")
    print(f"  per-page mean   P {mean[0]:.3f}  R {mean[1]:.3f}  F1 {mean[2]:.3f}   (target F1 >= 0.90)")
    print(f"  normalised agg  P {agg[0]:.3f}  R {agg[1]:.3f}  F1 {agg[2]:.3f}")
    if baseline:
        t1, scores = time.perf_counter(), []
        for key, item in list(gold.items())[:limit]:
            out = trafilatura_default(gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()), item.get("url"))
            scores.append(prf(*counts(out, item["articleBody"]))[2])
        bsecs = time.perf_counter() - t1
        print(f"  baseline (trafilatura.extract defaults): F1 {sum(scores) / n:.3f}, {bsecs:.1f} s; "
              f"Accord/baseline time ratio {secs / bsecs:.2f}")
    return {"pages": n, "f1": mean[2], "precision": mean[0], "recall": mean[1], "f1_normalised": agg[2]}


def _norm(s: str | None) -> str:
    return " ".join((s or "").split()).casefold()


def trafilatura_eval(limit: int | None) -> dict | None:
    root = SHARED / "web" / "trafilatura_eval"
    if not (root / "index.jsonl").is_file():
        print(f"skip trafilatura_eval: {root} not found")
        return None
    gold = json.loads((root / "evaldata.json").read_text("utf-8"))
    rows = [json.loads(line) for line in (root / "index.jsonl").read_text("utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("lang_guess") == "en"][:limit]
    titles = dates = t_ok = t_loose = d_ok = w_total = w_ok = wo_total = wo_ok = 0
    for row in rows:
        g = gold[row["url"]]
        body, title, date = extract(gzip.decompress((root / "html" / row["file"]).read_bytes()), row["url"])
        if g.get("title"):
            titles += 1
            t_ok += _norm(title) == _norm(g["title"])
            t_loose += bool(title) and (_norm(g["title"]) in _norm(title) or _norm(title) in _norm(g["title"]))
        if g.get("date"):
            dates += 1
            d_ok += date == g["date"]
        nb = _norm(body)
        w_total += len(g.get("with", []))
        w_ok += sum(_norm(s) in nb for s in g.get("with", []))
        wo_total += len(g.get("without", []))
        wo_ok += sum(_norm(s) not in nb for s in g.get("without", []))
    ratio = lambda a, b: a / b if b else float("nan")  # noqa: E731
    print(f"trafilatura_eval (English pages): {len(rows)} pages")
    print(f"  title accuracy  {ratio(t_ok, titles):.3f} exact, {ratio(t_loose, titles):.3f} one contains the other  ({titles} pages with a gold title)")
    print(f"  date accuracy   {ratio(d_ok, dates):.3f}  ({dates} pages with a gold date)")
    print(f"  body snippets   {ratio(w_ok, w_total):.3f} of {w_total} 'with' found, {ratio(wo_ok, wo_total):.3f} of {wo_total} 'without' absent")
    return {"pages": len(rows), "title_acc": ratio(t_ok, titles), "date_acc": ratio(d_ok, dates)}


def corpus(path: Path) -> None:
    """iter_sources + to_article over a JSONL corpus: counts, refusals by reason, time."""
    from accord.config import Settings
    from accord.ingest import iter_sources
    from accord.models import Rejection
    from accord.text import to_article

    if not path.is_file():
        print(f"skip corpus: {path} not found")
        return
    settings, reasons, n, t0 = Settings(), Counter(), 0, time.perf_counter()
    for item in iter_sources([str(path)], settings):
        if isinstance(item, Rejection):
            reasons[item.reason] += 1
            continue
        try:
            to_article(item, settings)
            n += 1
        except Rejected as exc:
            reasons[exc.reason] += 1
    secs = time.perf_counter() - t0
    total = n + sum(reasons.values())
    print(f"corpus {path.name}: {total} items, {n} articles, refused {dict(reasons)}, {secs:.1f} s ({1000 * secs / max(total, 1):.2f} ms/item)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    ap.add_argument("--corpus", action="store_true", help="also clean every line of ../shared/corpus/news.jsonl")
    ap.add_argument("--baseline", action="store_true", help="also score plain trafilatura defaults on scrapinghub")
    args = ap.parse_args()
    sh = scrapinghub(args.limit, args.baseline)
    trafilatura_eval(args.limit)
    if args.corpus:
        corpus(SHARED / "corpus" / "news.jsonl")
    if sh is not None and args.limit is None and sh["f1"] < 0.90:
        print("FAIL: scrapinghub F1 below 0.90")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
