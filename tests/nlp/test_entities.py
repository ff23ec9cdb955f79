"""The rule entity layer (settings.entities = "rules", the default)."""
from __future__ import annotations

import pytest

from accord.config import load_settings
from accord.errors import AccordError

pytest.importorskip("spacy")


def ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_pipeline_has_rule_entities_and_no_model_ner(nlp):
    names = nlp.pipe_names
    assert "ner" not in names
    assert names.index("accord_actors") < names.index("accord_entities") < names.index("accord_events")


def test_names_come_from_the_actor_dictionaries(nlp):
    got = ents(nlp, "Iran's President Ebrahim Raisi met Xi Jinping in Beijing, and Russian officials joined.")
    assert ("Iran", "GPE") in got
    assert ("Beijing", "GPE") in got
    assert ("Xi Jinping", "PERSON") in got
    assert ("Russian", "NORP") in got


@pytest.mark.parametrize("text, expected", [
    ("The talks ended on 31 December 2004 in Geneva.", ("31 December 2004", "DATE")),
    ("The talks ended on March 3, 2021 in Geneva.", ("March 3, 2021", "DATE")),
    ("Troops withdrew last week.", ("last week", "DATE")),
    ("The uprising began four years ago.", ("four years ago", "DATE")),
    ("Growth slowed at the end of 2003.", ("the end of 2003", "DATE")),
    ("They met on Tuesday.", ("Tuesday", "DATE")),
    ("The pact was signed in 2021.", ("2021", "DATE")),
    ("The two sides signed deals worth $12.6 billion.", ("$12.6 billion", "MONEY")),
    ("Profit rose to £75m in May.", ("£75m", "MONEY")),
    ("Exports reached 300 million euros.", ("300 million euros", "MONEY")),
    ("Unemployment stood at 25%.", ("25%", "PERCENT")),
    ("Prices rose 3.5 per cent.", ("3.5 per cent", "PERCENT")),
    ("It was the first visit since the war.", ("first", "ORDINAL")),
    ("Aid reached the Middle East.", ("Middle East", "LOC")),
])
def test_patterns(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_a_count_is_not_a_year(nlp):
    got = ents(nlp, "The army sent in 2000 troops.")
    assert ("2000", "DATE") not in got


def test_may_the_modal_is_not_a_month(nlp):
    got = ents(nlp, "Officials said they may meet again.")
    assert not any(label == "DATE" for _, label in got)


def test_events_get_dates_places_and_money_without_the_model_ner(nlp):
    from accord.events.api import code_text

    events = code_text("Iran and China signed 20 agreements worth $12.6 billion in Beijing on 14 February 2023.",
                       date="2023-02-20", nlp=nlp)
    signed = [e for e in events if e.cameo.startswith("057")]
    assert signed
    e = signed[0]
    assert e.date == "2023-02-14"
    assert e.location is not None and e.location.name == "Beijing"
    assert any(q.currency == "USD" for q in e.quantities)


def test_entities_setting_is_validated(monkeypatch):
    monkeypatch.setenv("ACCORD_ENTITIES", "model")
    assert load_settings().entities == "model"
    monkeypatch.setenv("ACCORD_ENTITIES", "neural")
    with pytest.raises(AccordError, match="entities"):
        load_settings()


def test_malformed_rules_file_names_the_file_and_pattern(tmp_path):
    from accord.nlp.entities import load_rules

    bad = tmp_path / "ents.yaml"
    bad.write_text("patterns:\n  - {label: DATE, pattern: [{LOWER: {IN: [$nolist]}}]}\n", encoding="utf-8")
    with pytest.raises(AccordError, match=r"ents\.yaml: pattern 1"):
        load_rules(str(bad))
    bad.write_text("patterns: [\n", encoding="utf-8")
    with pytest.raises(AccordError, match=r"ents\.yaml"):
        load_rules(str(bad))


def test_invalid_matcher_pattern_is_reported(tmp_path):
    import spacy

    from accord.nlp.entities import EntitiesComponent

    bad = tmp_path / "ents.yaml"
    bad.write_text("patterns:\n  - {label: DATE, pattern: [{NOSUCHATTR: 1}]}\n", encoding="utf-8")
    with pytest.raises(AccordError, match="pattern 1"):
        EntitiesComponent(spacy.blank("en"), "accord_entities", str(bad))
