"""Record <-> row conversion for the events and facts tables (pure functions, no I/O)."""
from __future__ import annotations

import json
from typing import Any

from ..models import Actor, Event, Fact, sha256_hex


def _actor_cols(prefix: str, actor: Actor | None, offsets: bool = True) -> dict[str, Any]:
    a = actor or Actor()
    cols = {
        f"{prefix}_code": a.code,
        f"{prefix}_country": a.country,
        f"{prefix}_sector": a.sector,
        f"{prefix}_name": a.name,
        f"{prefix}_text": a.text,
    }
    if offsets:
        cols[f"{prefix}_start"] = a.start
        cols[f"{prefix}_end"] = a.end
    return cols


def _evidence_cols(ev) -> dict[str, Any]:
    return {
        "evidence_text": ev.text,
        "evidence_start": ev.start,
        "evidence_end": ev.end,
        "trigger": ev.trigger,
        "trigger_start": ev.trigger_start,
        "trigger_end": ev.trigger_end,
    }


def event_row(article_id: int, event: Event) -> dict[str, Any]:
    """Columns of one events row (without id and cluster_id)."""
    loc = event.location
    row: dict[str, Any] = {"article_id": article_id}
    row.update(_actor_cols("source", event.source))
    row.update(_actor_cols("target", event.target))
    row.update(
        cameo=event.cameo,
        cameo_root=event.cameo_root or event.cameo[:2],
        quad_class=event.quad_class,
        goldstein=event.goldstein,
        plover_event=event.plover_event,
        plover_mode=event.plover_mode,
        date=event.date,
        date_precision=event.date_precision,
        date_from_article=int(bool(event.date_from_article)),
        location_name=loc.name if loc else None,
        location_country=loc.country if loc else None,
        location_lat=loc.lat if loc else None,
        location_lon=loc.lon if loc else None,
        quantities=json.dumps([q.to_dict() for q in event.quantities], ensure_ascii=False),
        negated=int(bool(event.negated)),
        modality=event.modality,
        confidence=float(event.confidence),
    )
    row.update(_evidence_cols(event.evidence))
    identity = [article_id, event.evidence.start, event.evidence.end, event.evidence.trigger_start, event.cameo,
                row["source_code"], row["source_start"], row["target_code"], row["target_start"], row["negated"]]
    row["mention_key"] = sha256_hex(json.dumps(identity))
    return row


def fact_row(article_id: int, fact: Fact) -> dict[str, Any]:
    q = fact.quantity
    row: dict[str, Any] = {"article_id": article_id, "relation": fact.relation}
    row.update(_actor_cols("subject", fact.subject, offsets=False))
    row.update(_actor_cols("object", fact.object, offsets=False))
    row.update(
        date=fact.date,
        date_precision=fact.date_precision,
        quantity_value=q.value if q else None,
        quantity_unit=q.unit if q else None,
        quantity_currency=q.currency if q else None,
        quantity_text=q.text if q else None,
        detail=fact.detail,
    )
    row.update(_evidence_cols(fact.evidence))
    identity = [article_id, fact.relation, fact.evidence.start, fact.evidence.end, row["subject_code"],
                row["subject_country"], row["object_code"], row["object_country"], fact.detail,
                row["quantity_value"], row["quantity_unit"]]
    row["fact_key"] = sha256_hex(json.dumps(identity))
    return row


def insert_sql(table: str, row: dict[str, Any], verb: str = "INSERT OR IGNORE") -> tuple[str, list]:
    """Parameterised INSERT for a row whose keys are our own column names (never user input)."""
    cols = list(row)
    sql = f"{verb} INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
    return sql, [row[c] for c in cols]
