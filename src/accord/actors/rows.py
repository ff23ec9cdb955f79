"""The row contract of ``accord actors resolve`` (also used by the evaluation): phrase in, codes out,
with the output conventions documented in docs/actors.md."""
from __future__ import annotations

import json


def resolve_row(line: str, n: int, settings=None) -> dict:
    """One ``accord actors resolve`` output row for one JSONL input line (``n`` = line number);
    a bad line gives an error row, never an exception."""
    from . import resolve_phrase

    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "line": n, "error": f"malformed JSON: {exc.msg}"}
    if not isinstance(obj, dict):
        return {"id": None, "line": n, "error": "expected a JSON object"}
    rid = obj.get("id", n)
    text = obj.get("text")
    if not isinstance(text, str):
        return {"id": rid, "error": "missing or non-string 'text'"}
    context = obj.get("context") or ""
    date = obj.get("date")
    if not isinstance(context, str) or (date is not None and not isinstance(date, str)):
        return {"id": rid, "error": "'context' and 'date' must be strings"}
    a = resolve_phrase(text, context, date, settings)
    if a is None:
        return {"id": rid, "country": None, "sector": None, "code": None, "name": None}
    sector, code = a.sector, a.code
    if a.kind == "state" and sector == "GOV":
        # A bare capital ("Beijing") as a whole phrase names the country, not its government; inside a
        # sentence the component still codes "Beijing said" as GOV (see docs/actors.md, "Conventions").
        sector, code = None, a.country
    return {"id": rid, "country": _country_key(a, settings), "sector": sector, "code": code, "name": a.name}


def _country_key(a, settings) -> str | None:
    """ISO3; for an international organisation its bloc key (UNO, EUR or IGO), see docs/actors.md."""
    if a.country:
        return a.country
    if a.code and a.code.startswith("IGO"):
        from . import get_dictionary

        return get_dictionary(settings).bloc_of(a.code)
    return None
