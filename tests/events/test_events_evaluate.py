"""The evaluation metrics on small hand-made gold/prediction pairs."""
from __future__ import annotations

from accord.evaluate import actor_key, country_key, score_pentaclass, score_plover


def ev(plover=None, cameo="190", src=None, tgt=None, conf=0.5):
    return {"plover": {"event": plover, "mode": None}, "cameo": cameo, "confidence": conf,
            "source": {"country": src} if src else None, "target": {"country": tgt} if tgt else None}


def test_country_keys():
    assert country_key("IGOUNO") == "IGO" and country_key("JAP") == "JPN" and country_key("CHNGOV") == "CHN"
    assert actor_key({"country": None, "code": "IGOEU"}) == "IGO" and actor_key(None) is None


def test_plover_metrics():
    gold = [
        {"id": "a", "plover": "ASSAULT", "source_actors": [{"code": "ISR"}], "target_actors": [{"code": "PSE"}]},
        {"id": "b", "plover": "CONSULT", "source_actors": [{"code": "USA"}, {"code": "RUS"}], "target_actors": []},
        {"id": "c", "plover": "REJECT", "source_actors": [{"code": "YEM"}], "target_actors": [{"code": "USA"}]},
    ]
    pred = {
        "a": [ev("ASSAULT", src="ISR", tgt="PSE"), ev("COERCE")],
        "b": [ev("CONSULT", src="RUS")],
        "c": [ev("REJECT", src="YEM", tgt="GBR")],
    }
    m = score_plover(gold, pred)
    assert m["type_recall"] == 1.0
    assert m["type_precision"] == 0.75
    assert m["event_recall_with_actors"] == round(2 / 3, 3)


def test_pentaclass_uses_most_confident_event():
    gold = [{"id": "a", "pentaclass": 4}, {"id": "b", "pentaclass": 0}, {"id": "c", "pentaclass": 1}]
    pred = {"a": [ev(cameo="010", conf=0.2), ev(cameo="190", conf=0.9)], "b": [ev(cameo="111", conf=0.8)], "c": []}
    m = score_pentaclass(gold, pred)
    assert m["accuracy"] == round(1 / 3, 3) and m["no_event"] == 1


def test_eval_skips_when_shared_is_absent(monkeypatch, tmp_path):
    from accord.evaluate import run

    monkeypatch.setenv("ACCORD_EVAL_DIR", str(tmp_path / "missing"))
    out = run("all")
    assert len(out) == 1 and "skipped" in out[0]


def test_eval_runs_on_a_small_set(monkeypatch, tmp_path, nlp):
    import json

    from accord.evaluate import run

    rows = [{"id": "x1", "text": "Kenyan troops attacked Somali militants.", "plover": "ASSAULT",
             "source_actors": [{"code": "KEN"}], "target_actors": [{"code": "SOM"}]}]
    (tmp_path / "plover_gsr_dev.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    monkeypatch.setenv("ACCORD_EVAL_DIR", str(tmp_path))
    (res,) = run("plover")
    assert res["type_recall"] == 1.0 and res["event_recall_with_actors"] == 1.0
