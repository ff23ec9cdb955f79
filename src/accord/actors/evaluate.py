"""Score the resolver on NGEC-style actor cases (``text``, ``context``, ``date`` ->
``expected_country``, ``expected_code_1``), with the same definitions as shared/tools/score.py:
country accuracy compares country keys (ISO3; UNO/EUR/IGO for organisations), sector accuracy
compares the CAMEO sector ("" when none)."""
from __future__ import annotations

import json
from pathlib import Path

_ALIASES = {"JAP": "JPN", "UK": "GBR", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "---": None, "": None}


def country_key(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    if code.startswith("IGO"):
        return "IGO"
    return _ALIASES.get(code[:3], code[:3])


def predict(rows: list[dict], settings=None) -> list[dict]:
    from .rows import resolve_row

    return [resolve_row(json.dumps(r), i, settings) for i, r in enumerate(rows, start=1)]


def evaluate_cases(path, settings=None, with_failures: bool = False) -> dict:
    """{"n", "country_acc", "sector_acc"} (+ "failures" when asked) for a JSONL file of cases (or the
    already-read list of case dicts)."""
    if isinstance(path, (list, tuple)):
        rows, name = list(path), "cases"
    else:
        rows = [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines() if x.strip()]
        name = Path(path).name
    preds = predict(rows, settings)
    ok_c = ok_s = 0
    failures = []
    for g, p in zip(rows, preds):
        c = country_key(p.get("country") or "") == country_key(g.get("expected_country") or "")
        s = (p.get("sector") or "") == (g.get("expected_code_1") or "")
        ok_c += c
        ok_s += s
        if not (c and s):
            failures.append({"id": g.get("id"), "text": g.get("text"), "context": g.get("context"),
                             "gold": [g.get("expected_country"), g.get("expected_code_1")],
                             "pred": [p.get("country"), p.get("sector")], "name": p.get("name")})
    n = max(1, len(rows))
    out = {"set": name, "n": len(rows), "country_acc": round(ok_c / n, 3), "sector_acc": round(ok_s / n, 3)}
    if with_failures:
        out["failures"] = failures
    return out
