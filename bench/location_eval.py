"""Measure event-place extraction on ../shared/eval/event_location_dev.jsonl.

Each row names one event verb (span label VERB) and zero or more gold LOCATION spans. For the
verb's token, ``accord.events.attributes.places.event_place_span`` predicts a place span or none.

* correct prediction: the predicted span overlaps a gold LOCATION span;
* precision = correct / rows with a prediction; recall = correct / rows with a gold place;
* accuracy = (correct + rows where both gold and prediction are none) / rows.
Gold LOCATION spans shorter than two characters are annotation slips and are ignored.

The sentences go through Accord's own pipeline (``build_nlp``), so the entity layer is the one
``--entities`` names: ``rules`` (the default: actor dictionaries + patterns) or ``model`` (spaCy's
statistical NER).

Usage:  PYTHONPATH=src .venv/bin/python bench/location_eval.py [--limit N] [--offset M] [--errors K] [--entities rules|model]
The data directory can be set with ACCORD_SHARED (default: <repo>/../shared).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path


def shared_dir() -> Path:
    env = os.environ.get("ACCORD_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1] / ".." / "shared"


def load_rows(path: Path, limit: int, offset: int = 0) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh):
            if lineno < offset:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            verbs = [s for s in row.get("spans", []) if s.get("label") == "VERB"]
            if len(verbs) != 1 or not row.get("text"):
                continue
            rows.append(row)
            if limit and len(rows) >= limit:
                break
    return rows


def trigger_token(doc, verb):
    for tok in doc:
        if tok.idx <= verb["start"] < tok.idx + max(len(tok.text), 1):
            return tok
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=3000, help="rows to score (0 = all 9,686)")
    ap.add_argument("--offset", type=int, default=0, help="skip this many rows first")
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong rows")
    ap.add_argument("--entities", choices=("rules", "model"), default="rules", help="entity layer (default: rules)")
    args = ap.parse_args(argv)
    path = shared_dir() / "eval" / "event_location_dev.jsonl"
    if not path.is_file():
        print(f"skipped: {path} not found")
        return 0
    from accord.config import Settings
    from accord.events.attributes.places import event_place_span
    from accord.nlp import build_nlp

    nlp = build_nlp(Settings(entities=args.entities))
    rows = load_rows(path, args.limit, args.offset)
    t0 = time.perf_counter()
    n = predicted = correct = gold_rows = true_none = 0
    base_pred = base_correct = base_none = 0  # baseline: the first GPE/LOC/FAC entity of the sentence
    shown = 0
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=64)):
        verb = [s for s in row["spans"] if s["label"] == "VERB"][0]
        # Some gold spans are annotation slips ("" or one letter); they are treated as absent.
        gold = [(s["start"], s["end"]) for s in row["spans"] if s["label"] == "LOCATION" and s["end"] - s["start"] >= 2]
        tok = trigger_token(doc, verb)
        n += 1
        pred = event_place_span(tok.sent, tok) if tok is not None else None
        gold_rows += bool(gold)
        first = next((e for e in tok.sent.ents if e.label_ in ("GPE", "LOC", "FAC")), None) if tok is not None else None
        if first is None:
            base_none += not gold
        else:
            base_pred += 1
            base_correct += any(first.start_char < e and s < first.end_char for s, e in gold)
        if pred is None:
            true_none += not gold
            ok = not gold
        else:
            predicted += 1
            hit = any(pred.start_char < e and s < pred.end_char for s, e in gold)
            correct += hit
            ok = hit
        if not ok and shown < args.errors:
            shown += 1
            print(f"- {row['text'][:160]!r}\n  verb={verb['text']!r} gold={[row['text'][s:e] for s, e in gold]} pred={pred.text if pred is not None else None!r}")
    secs = time.perf_counter() - t0
    prec = correct / predicted if predicted else 0.0
    rec = correct / gold_rows if gold_rows else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(f"rows={n} gold_with_place={gold_rows} predicted={predicted} correct={correct}")
    print(f"accuracy={(correct + true_none) / n if n else 0:.3f} precision={prec:.3f} recall={rec:.3f} f1={f1:.3f}")
    bp = base_correct / base_pred if base_pred else 0.0
    br = base_correct / gold_rows if gold_rows else 0.0
    print(f"baseline (first place entity): accuracy={(base_correct + base_none) / n if n else 0:.3f} precision={bp:.3f} recall={br:.3f}")
    print(f"({secs:.1f}s incl. parsing; entities={args.entities})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
