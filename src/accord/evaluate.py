"""Accord's own evaluation on the development sets in ``../shared/eval/`` (when present).

Metrics (same definitions as the shared scorer, implemented here):
* plover: type recall, type precision, event recall with actors;
* pentaclass: accuracy and macro-F1 of the max-confidence event's CAMEO PentaClass;
* actors: country and sector accuracy (via ``accord.actors.evaluate.evaluate_cases`` if present).

Run: ``accord eval [--set plover|pentaclass|actors|all]`` or ``python -m accord.evaluate``.
"""
from __future__ import annotations

import json
import logging
import os
from collections import Counter
from pathlib import Path

from .events.codebook import PENTACLASS

log = logging.getLogger(__name__)

_ALIASES = {"JAP": "JPN", "UK": "GBR", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "---": None, "": None}
SETS = {"plover": "plover_gsr_dev.jsonl", "pentaclass": "conflibert_pentaclass_dev.jsonl", "actors": "ngec_actor_cases_dev.jsonl"}


def eval_dir() -> Path | None:
    """``$ACCORD_EVAL_DIR`` or ``<repo>/../shared/eval``; None when absent."""
    env = os.environ.get("ACCORD_EVAL_DIR")
    p = Path(env) if env else Path(__file__).resolve().parents[2] / ".." / "shared" / "eval"
    return p.resolve() if p.is_dir() else None


def read_jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def country_key(code) -> str | None:
    """Country-level key of a CAMEO/ISO code: ISO3, "IGO" for organisations, else None."""
    if not code:
        return None
    code = str(code).strip().upper()
    if code.startswith("IGO"):
        return "IGO"
    return _ALIASES.get(code[:3], code[:3])


def actor_key(actor: dict | None) -> str | None:
    if not actor:
        return None
    return country_key(actor.get("country")) if actor.get("country") else country_key(actor.get("code") or "")


def score_plover(gold: list[dict], pred: dict) -> dict:
    type_hit = full_hit = npred = ok_pred = 0
    for g in gold:
        S = {country_key(a.get("code")) for a in g["source_actors"]}
        T = {country_key(a.get("code")) for a in g["target_actors"]}
        evs = pred.get(str(g["id"]), [])
        types = [((e.get("plover") or {}).get("event") or "").upper() for e in evs]
        npred += len(evs)
        ok_pred += sum(t == g["plover"] for t in types)
        type_hit += g["plover"] in types
        full_hit += any(
            t == g["plover"] and actor_key(e.get("source")) in (S | T) and (not T or actor_key(e.get("target")) in (S | T))
            for t, e in zip(types, evs)
        )
    n = max(1, len(gold))
    return {"n": len(gold), "type_recall": round(type_hit / n, 3), "type_precision": round(ok_pred / npred, 3) if npred else 0.0,
            "event_recall_with_actors": round(full_hit / n, 3), "events_per_sentence": round(npred / n, 2)}


def main_event(events: list[dict]) -> dict | None:
    return max(events, key=lambda e: e.get("confidence", 0)) if events else None


def score_pentaclass(gold: list[dict], pred: dict) -> dict:
    conf = Counter()
    for g in gold:
        ev = main_event(pred.get(str(g["id"]), []))
        p = PENTACLASS.get((ev.get("cameo") or "")[:2]) if ev else None
        conf[(g["pentaclass"], p)] += 1
    acc = sum(v for (a, b), v in conf.items() if a == b) / max(1, len(gold))
    f1s = []
    for c in range(5):
        tp = conf[(c, c)]
        fp = sum(v for (a, b), v in conf.items() if b == c and a != c)
        fn = sum(v for (a, b), v in conf.items() if a == c and b != c)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    return {"n": len(gold), "accuracy": round(acc, 3), "macro_f1": round(sum(f1s) / 5, 3),
            "no_event": sum(v for (a, b), v in conf.items() if b is None)}


def predict(rows: list[dict], nlp=None) -> dict:
    """id -> list of event dicts, from ``accord.events.api.code_texts``."""
    from .events.api import code_texts

    out = {}
    for rid, events, _err in code_texts(({"id": r["id"], "text": r["text"], "date": r.get("date")} for r in rows), nlp):
        out[str(rid)] = [e.to_dict() for e in events]
    return out


def run_set(name: str, directory: Path, nlp=None, limit: int | None = None) -> dict:
    rows = read_jsonl(directory / SETS[name])[:limit]
    if name == "actors":
        try:
            from .actors.evaluate import evaluate_cases
        except ImportError:
            return {"set": name, "skipped": "accord.actors.evaluate is not available"}
        return {**evaluate_cases(rows), "set": name}
    pred = predict(rows, nlp)
    scorer = score_plover if name == "plover" else score_pentaclass
    return {"set": name, **scorer(rows, pred)}


def run(which: str = "all", limit: int | None = None) -> list[dict]:
    directory = eval_dir()
    if directory is None:
        return [{"skipped": "../shared/eval not found (set ACCORD_EVAL_DIR)"}]
    names = list(SETS) if which == "all" else [which]
    return [run_set(n, directory, limit=limit) for n in names]


if __name__ == "__main__":  # pragma: no cover
    import sys

    for r in run(sys.argv[1] if len(sys.argv) > 1 else "all"):
        print(json.dumps(r))
