"""Mapping and metric functions of bench/generalisation.py on toy input (no model, no shared data)."""
import sys
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import generalisation as g  # noqa: E402
import generalisation_cases as cases  # noqa: E402
import generalisation_suspects as sus  # noqa: E402


def test_acled_map_classes_and_drops():
    assert g.acled_class("AIR_STRIKE") == 4
    assert g.acled_class(" arrest ") == 4
    assert g.acled_class("AGREEMENT") == 1
    assert g.acled_class("NATURAL_DISASTER") == cases.NO_EVENT
    assert g.acled_class("HQ_ESTABLISHED") is None
    assert g.acled_class("NO_SUCH_TYPE") is None


def test_aida_longest_prefix_wins():
    assert g.aida_class("conflict.attack.airstrikemissilestrike") == 4
    assert g.aida_class("Contact.Contact.Meet") == 1
    assert g.aida_class("contact.contact.unspecified") is None
    assert g.aida_class("life.die.deathcausedbyviolentevents") == 4
    assert g.aida_class("life.die.nonviolentdeath") == cases.NO_EVENT
    assert g.aida_class("transaction.transfermoney.embargosanction") == 3
    assert g.aida_class("transaction.transfermoney.giftgrantprovideaid") == 2


def test_every_table_row_has_a_reason_and_valid_class():
    for table in (cases.ACLED_MAP, cases.AIDA_MAP):
        for key, (cls, why) in table.items():
            assert cls in (None, cases.NO_EVENT, 0, 1, 2, 3, 4), key
            assert why.strip(), key


def test_own_cases_cover_all_classes_and_constructions():
    assert len(cases.OWN_CASES) == 40
    assert Counter(c for _t, c, _k in cases.OWN_CASES) == Counter({0: 8, 1: 8, 2: 8, 3: 8, 4: 8})
    kinds = {k for _t, _c, k in cases.OWN_CASES}
    assert {"passive", "reported speech", "nominal", "coordination"} <= kinds


def test_score_counts_no_event_as_wrong_and_macro_f1():
    pairs = [(4, 4), (4, 4), (4, None), (1, 1), (1, 3)]
    s = g.score(pairs)
    assert s["n"] == 5 and s["accuracy"] == 0.6 and s["no_event"] == 1
    # F1: class 4 p=1 r=2/3 -> 0.8; class 1 p=1 r=0.5 -> 0.667; class 3 p=0 -> 0; others 0
    assert s["macro_f1"] == round((0.8 + 2 / 3) / 5, 3)
    assert s["macro_f1_present"] == round((0.8 + 2 / 3) / 2, 3)
    assert s["majority_baseline"] == 0.6
    assert s["recall"] == {"verb-coop": 0.5, "mat-confl": 0.667}
    assert "none" in g.confusion_table(s["confusion"])


def test_main_event_is_highest_confidence():
    evs = [{"cameo": "010", "confidence": 0.2}, {"cameo": "190", "confidence": 0.9}]
    assert g.pentaclass_of(g.main_event(evs)) == 4
    assert g.main_event([]) is None and g.pentaclass_of(None) is None


def test_id_parity_and_detok_and_trigger_match():
    assert g.id_parity("conflibert-cameo-train-7", 0) == 1
    assert g.id_parity("PLOVER-GSR01-AGREE-0006", 1) == 0
    assert g.id_parity("no-digits", 3) == 1
    assert g.detok(["Iran", "'s", "army", "did", "n't", "move", ",", "he", "said", "."]) == "Iran's army didn't move, he said."
    assert g.same_trigger("air strikes", "strikes") and not g.same_trigger("attack", "said")


def test_suspect_index_and_condition_items(tmp_path):
    yaml = tmp_path / "v.yaml"
    yaml.write_text("verbs:\n  shorten:\n    - {object: [curfew, \"martial law\"], code: \"0813\"}\n  # x: [a]\n")
    items = list(sus.condition_items(yaml))
    assert items == [(3, "shorten", "curfew"), (3, "shorten", "martial law")]
    idx = sus.Index([("a", "They shortened the curfew."), ("b", "Martial law was imposed."), ("c", "law and martial arts")])
    assert idx.with_head("shorten") == {"a"}
    assert idx.with_phrase("martial law") == {"b"}
