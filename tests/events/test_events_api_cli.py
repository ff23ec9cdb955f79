"""Batch coding and the ``accord code`` CLI: one output row per input row, bad rows get an error."""
from __future__ import annotations

import io
import json

from click.testing import CliRunner

from accord.cli import main_group
from accord.events.api import code_article, code_texts
from accord.models import Article


def _run(lines: list[str]) -> list[dict]:
    res = CliRunner().invoke(main_group, ["code", "-"], input="\n".join(lines) + "\n")
    assert res.exit_code == 0, res.output
    return [json.loads(x) for x in res.output.splitlines() if x.strip().startswith("{")]


def test_cli_bad_rows_do_not_stop_the_run(nlp):
    huge = "Troops attacked the town " * 45000  # over 1 MB
    rows = [
        json.dumps({"id": "ok1", "text": "Kenyan troops attacked Somali militants.", "date": "2024-01-02"}),
        "this is not json",
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "big", "text": huge}),
        json.dumps({"id": "ctl", "text": "\x00\x07Kenyan troops\x1b attacked Somali militants."}),
        json.dumps({"id": "script", "text": "Путин встретился с Си Цзиньпином в Москве сегодня вечером."}),
        json.dumps({"id": "mixed", "text": "Kenyan troops attacked Somali militants (Сомали) near the border."}),
        json.dumps({"id": "notext"}),
        json.dumps([1, 2, 3]),
        json.dumps({"id": "baddate", "text": "Kenyan troops attacked Somali militants.", "date": "yesterday"}),
        json.dumps({"id": "ok2", "text": "Finland held talks with Sweden."}),
        json.dumps({"id": "longsent", "text": "Kenyan troops attacked the town and " * 20000}),
    ]
    out = _run(rows)
    assert len(out) == len(rows)
    by = {r["id"]: r for r in out if r["id"]}
    assert by["ok1"]["events"] and by["ok1"]["events"][0]["cameo"] == "190" and "error" not in by["ok1"]
    assert out[1]["error"].startswith("malformed-json")
    assert by["empty"]["error"].startswith("empty") and by["empty"]["events"] == []
    assert by["big"]["error"].startswith("oversize")
    assert by["ctl"]["events"] and "error" not in by["ctl"]
    assert by["script"]["error"].startswith("not-english")
    assert by["mixed"]["events"] and "error" not in by["mixed"]
    assert by["notext"]["error"].startswith("bad-row")
    assert out[8]["error"].startswith("bad-row")
    assert by["baddate"]["error"].startswith("bad-date")
    assert by["ok2"]["events"][0]["plover"]["event"] == "CONSULT"
    assert by["longsent"]["error"].startswith("oversize-sentence") and by["longsent"]["events"] == []


def test_cli_event_shape(nlp):
    out = _run([json.dumps({"id": 7, "text": "Finland held talks with Sweden.", "date": "2024-03-01"})])
    ev = out[0]["events"][0]
    assert out[0]["id"] == 7
    assert ev["source"]["country"] == "FIN" and ev["target"]["country"] == "SWE"
    assert ev["plover"] == {"event": "CONSULT", "mode": None}
    assert ev["date"] == "2024-03-01" and ev["evidence"]["text"] == "Finland held talks with Sweden."


def test_code_texts_keeps_order_and_ids(nlp):
    rows = [{"id": i, "text": t} for i, t in enumerate(["", "Kenyan troops attacked Somali militants.", "Nothing here."])]
    got = list(code_texts(rows, nlp))
    assert [g[0] for g in got] == [0, 1, 2]
    assert got[0][2] and got[1][1] and got[2] == (2, [], None)


def test_article_offsets_and_selective_parsing(nlp):
    text = ("The weather was mild and the harvest looked good. "
            "Kenyan troops attacked Somali militants near the border. "
            "Prices of maize rose again.")
    events, facts = code_article(Article(text=text, date="2024-02-02"), nlp)
    assert events and all(text[e.evidence.start:e.evidence.end] == e.evidence.text for e in events)
    assert events[0].source.start is not None and text[events[0].source.start:events[0].source.end] == events[0].source.text
    from accord.nlp.selective import candidate_docs

    docs = candidate_docs(nlp, text)
    assert [d.text.strip() for d in docs] == ["Kenyan troops attacked Somali militants near the border."]
    assert docs[0].user_data["accord_offset"] == text.index("Kenyan")


def test_component_sets_doc_extensions(nlp):
    doc = nlp("Brazil signed a treaty with Argentina.")
    assert doc._.events and doc._.events[0].cameo == "057"
    assert isinstance(doc._.facts, list)


def test_selective_parsing_rules():
    from accord.nlp.selective import is_candidate

    assert is_candidate("Troops attacked the village at dawn .".split())  # a strong event word alone
    assert not is_candidate("it was painted blue and it held chairs .".split())  # weak word, no actor
    assert is_candidate("Brazil held talks .".split())
    assert not is_candidate("prices rose again in the morning .".split())  # no event word at all
    assert not is_candidate(["attacked"] * 500)  # too long to be a sentence
