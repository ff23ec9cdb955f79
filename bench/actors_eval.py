"""Actor resolution accuracy on ../shared/eval/ngec_actor_cases_dev.jsonl (or a file given as argv[1]).

usage: PYTHONPATH=src .venv/bin/python bench/actors_eval.py [CASES.jsonl] [--failures] [--pred OUT.jsonl] [--plover]
Prints the metrics as JSON (same definitions as shared/tools/score.py actors); --pred writes the
predictions so `python3 ../shared/tools/score.py actors GOLD OUT.jsonl` can check them. --plover also
prints the country accuracy of the resolver on the actor phrases of ../shared/eval/plover_gsr_dev.jsonl
(a second, independent set: CAMEO-manual sentences with gold actor text and code).
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ACCORD_SHARED", REPO / ".." / "shared"))
sys.path.insert(0, str(REPO / "src"))


def main(argv: list[str]) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", nargs="?", default=str(SHARED / "eval" / "ngec_actor_cases_dev.jsonl"))
    ap.add_argument("--failures", action="store_true", help="print every case that is wrong")
    ap.add_argument("--pred", help="write predictions (JSONL) for shared/tools/score.py")
    ap.add_argument("--plover", action="store_true", help="also score PLOVER GSR actor phrases")
    args = ap.parse_args(argv)
    path = Path(args.cases)
    if not path.exists():
        print(f"skip: {path} not found")
        return 0
    from accord.actors.evaluate import evaluate_cases, predict

    t = time.perf_counter()
    res = evaluate_cases(path, with_failures=args.failures)
    res["seconds"] = round(time.perf_counter() - t, 2)
    if args.pred:
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        Path(args.pred).write_text("".join(json.dumps(p) + "\n" for p in predict(rows)), encoding="utf-8")
    fails = res.pop("failures", None)
    print(json.dumps(res))
    plover_fails: list[dict] = []
    if args.plover:
        print(json.dumps(plover_phrases(SHARED / "eval" / "plover_gsr_dev.jsonl", plover_fails)))
    for f in (fails or []) + (plover_fails if args.failures else []):
        print(json.dumps(f, ensure_ascii=False))
    return 0


def plover_phrases(path: Path, failures: list | None = None) -> dict:
    """Country-key accuracy of resolve_phrase on PLOVER GSR gold actor phrases (no context, no date);
    wrong phrases are appended to ``failures``."""
    if not path.exists():
        return {"set": path.name, "skipped": "not found"}
    from accord.actors import resolve_phrase
    from accord.actors.evaluate import country_key

    n = ok = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        for a in row.get("source_actors", []) + row.get("target_actors", []):
            if not a.get("code") or a.get("note") or not a.get("text"):
                continue
            n += 1
            p = resolve_phrase(a["text"])
            got = (p.country or ("IGO" if (p.code or "").startswith("IGO") else None)) if p else None
            hit = got == country_key(a["code"])
            ok += hit
            if not hit and failures is not None:
                failures.append({"id": row.get("id"), "text": a["text"], "gold": a["code"], "pred": p.code if p else None})
    return {"set": path.name + " actor phrases", "n": n, "country_acc": round(ok / max(1, n), 3)}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
