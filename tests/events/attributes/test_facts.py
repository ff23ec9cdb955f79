"""Relation facts with a small dictionary standing in for the actor resolver."""
import pytest

from accord.events.facts import extract_facts, follow, load_patterns
from accord.models import Actor


def _state(iso3, text):
    return Actor(code=iso3, country=iso3, kind="state", text=text)


ACTORS = {
    "Norway": _state("NOR", "Norway"),
    "Oslo": _state("NOR", "Oslo"),
    "Vietnam": _state("VNM", "Vietnam"),
    "Hanoi": _state("VNM", "Hanoi"),
    "Brazil": _state("BRA", "Brazil"),
    "Chile": _state("CHL", "Chile"),
    "Peru": _state("PER", "Peru"),
    "Kenya": _state("KEN", "Kenya"),
    "Egypt": _state("EGY", "Egypt"),
    "ASEAN": Actor(code="IGOSEA", kind="igo", text="ASEAN"),
    "Mercosur": Actor(code="IGOMER", kind="igo", text="Mercosur"),
    "OPEC": Actor(code="IGOOPC", kind="igo", text="OPEC"),
    "EU": Actor(code="IGOEU", kind="igo", text="EU"),
    "Chilean": _state("CHL", "Chilean"),
    "Peruvian": _state("PER", "Peruvian"),
}


def actor_of(tok):
    return ACTORS.get(tok.text)


def facts(parse, text, date="2024-05-16", **kw):
    doc, _ = parse(text)
    return extract_facts(doc, date, actor_of, **kw)


def summary(fs):
    return [(f.relation, f.subject.key, f.object.key if f.object else None) for f in fs]


def test_joined(parse):
    fs = facts(parse, "Vietnam joined ASEAN in 1995.")
    assert summary(fs) == [("member_of", "VNM", "IGOSEA")]
    assert (fs[0].date, fs[0].date_precision) == ("1995-01-01", "year")


def test_admitted_passive_with_detail_and_date(parse):
    fs = facts(parse, "Last month, Chile was formally admitted to Mercosur as a full member.")
    assert summary(fs) == [("member_of", "CHL", "IGOMER")]
    assert fs[0].detail == "full member"
    assert (fs[0].date, fs[0].date_precision) == ("2024-04-01", "month")


def test_became_a_member_and_apposition(parse):
    assert summary(facts(parse, "Kenya became a member of OPEC.")) == [("member_of", "KEN", "IGOOPC")]
    fs = facts(parse, "Peru, a member of Mercosur, criticised the tariffs last week.")
    assert summary(fs) == [("member_of", "PER", "IGOMER")]
    assert fs[0].date == "2024-05-16"  # a state mentioned in passing is dated to the article


def test_joining_a_non_organisation_is_not_membership(parse):
    assert facts(parse, "Norway joined Kenya in condemning the coup.") == []


def test_negated_or_intended_membership_is_not_a_fact(parse):
    assert [f.relation for f in facts(parse, "Norway has never joined the EU.")] == []
    assert [f.relation for f in facts(parse, "Norway will join the EU.")] == []


def test_application_to_join(parse):
    fs = facts(parse, "Brazil applied to join OPEC in March.")
    assert summary(fs) == [("applied_to_join", "BRA", "IGOOPC")]
    assert fs[0].date == "2024-03-01"
    assert summary(facts(parse, "Norway applied for EU membership.")) == [("applied_to_join", "NOR", "IGOEU")]
    assert summary(facts(parse, "Egypt's bid to join Mercosur was rejected.")) == [("applied_to_join", "EGY", "IGOMER")]


def test_trade_figure(parse):
    fs = facts(parse, "Last year, gas exports from Oslo to Hanoi rose to $3.2 billion.")
    assert summary(fs) == [("trade", "NOR", "VNM")]
    f = fs[0]
    assert f.quantity.value == 3.2e9 and f.quantity.currency == "USD"
    assert f.detail == "gas exports"
    assert (f.date, f.date_precision) == ("2023-01-01", "year")


def test_trade_between(parse):
    fs = facts(parse, "Trade between Chile and Peru reached €900m in 2022.")
    assert summary(fs) == [("trade", "CHL", "PER")]
    assert fs[0].quantity.currency == "EUR"


def test_trade_without_a_figure_is_not_a_fact(parse):
    assert facts(parse, "Exports from Chile to Peru grew.") == []


def test_trading_partner(parse):
    fs = facts(parse, "Brazil is Chile's biggest trading partner.")
    assert summary(fs) == [("partner", "BRA", "CHL")]
    assert fs[0].detail == "biggest trading partner"
    assert fs[0].date == "2024-05-16"


def test_agreement_in_force(parse):
    fs = facts(parse, "In 2017, Kenya and Egypt signed a ten-year defence pact.")
    assert summary(fs) == [("agreement_in_force", "KEN", "EGY")]
    assert fs[0].date == "2017-01-01"


def test_evidence_offsets_with_article_offset(parse):
    text = "Vietnam joined ASEAN in 1995."
    fs = facts(parse, text, offset=100)
    ev = fs[0].evidence
    assert (ev.start, ev.end, ev.text) == (100, 100 + len(text), text)
    assert (ev.trigger, ev.trigger_start) == ("joined", 108)


def test_context_resolves_the_nation(parse):
    ctx = {}
    facts(parse, "Last year, Kenya hosted a summit on drought.", context=ctx)
    fs = facts(parse, "The country later applied to join OPEC.", context=ctx)
    assert summary(fs) == [("applied_to_join", "KEN", "IGOOPC")]
    assert facts(parse, "The country later applied to join OPEC.", context={}) == []


def test_patterns_are_data_and_paths_work(parse):
    pats = load_patterns()
    assert {"member_of", "applied_to_join", "trade", "partner", "agreement_in_force"} <= {p["relation"] for ps in pats.values() for p in ps}
    doc, tok = parse("Norway applied for EU membership.", "applied")
    assert [t.text for t in follow(tok, "prep:for=membership/compound")] == ["EU"]


def test_extra_pattern_file(parse, tmp_path):
    extra = tmp_path / "more.yaml"
    extra.write_text(
        "relations:\n  - relation: observer_of\n    predicate: {pos: NOUN, lemmas: [observer], deps: [attr]}\n"
        "    subject: ['^attr/nsubj']\n    object: ['prep:in,of,to']\n    object_kind: organization\n",
        encoding="utf-8",
    )
    fs = facts(parse, "Egypt is an observer in Mercosur.", pattern_files=(str(extra),))
    assert summary(fs) == [("observer_of", "EGY", "IGOMER")]


def test_odd_input_never_raises(parse):
    def broken(tok):
        raise RuntimeError("resolver down")

    doc, _ = parse("Vietnam joined ASEAN in 1995.")
    assert extract_facts(doc, "2024-05-16", broken) == []
    assert extract_facts(None, None, actor_of) == []


def test_membership_variants(parse):
    fs = facts(parse, "Kenya officially became OPEC's 14th member in April.")
    assert summary(fs) == [("member_of", "KEN", "IGOOPC")]
    assert (fs[0].date, fs[0].detail) == ("2024-04-01", "14th member")
    both = facts(parse, "Chile and Peru joined Mercosur.")
    assert summary(both) == [("member_of", "CHL", "IGOMER"), ("member_of", "PER", "IGOMER")]


def test_application_dated_by_its_complement(parse):
    fs = facts(parse, "Egypt submitted its application to join Mercosur in 2021.")
    assert summary(fs) == [("applied_to_join", "EGY", "IGOMER")]
    assert fs[0].date == "2021-01-01"


def test_invitation_is_not_membership(parse):
    fs = facts(parse, "Kenya and Peru were invited to join OPEC.")
    assert summary(fs) == [("invited_to_join", "KEN", "IGOOPC"), ("invited_to_join", "PER", "IGOOPC")]


def test_both_countries_resolved_from_the_last_pair(parse):
    ctx = {}
    facts(parse, "Kenya and Egypt held talks on water.", context=ctx)
    facts(parse, "Chile praised Peru.", context=ctx)
    fs = facts(parse, "In 2017, both countries signed a 15-year water-sharing treaty.", context=ctx)
    assert summary(fs) == [("agreement_in_force", "KEN", "EGY")]
    assert fs[0].detail == "15-year water-sharing treaty"
    assert facts(parse, "In 2017, both countries signed a 15-year water-sharing treaty.", context={}) == []


def test_bad_pattern_file_is_a_clear_error(parse, tmp_path, caplog):
    from accord.errors import DictionaryError

    bad = tmp_path / "bad.yaml"
    bad.write_text("relations:\n  - relation: x\n    predicate: [oops\n", encoding="utf-8")
    with pytest.raises(DictionaryError):
        load_patterns((str(bad),))
    missing_lemmas = tmp_path / "nolemmas.yaml"
    missing_lemmas.write_text("relations:\n  - relation: x\n    predicate: {pos: VERB}\n", encoding="utf-8")
    with pytest.raises(DictionaryError):
        load_patterns((str(missing_lemmas),))
    doc, _ = parse("Vietnam joined ASEAN in 1995.")
    assert extract_facts(doc, "2024-05-16", actor_of, pattern_files=(str(bad),)) == []
    assert "fact patterns unusable" in caplog.text


def test_accession_and_approved_membership(parse):
    assert summary(facts(parse, "Vietnam acceded to ASEAN in 1995.")) == [("member_of", "VNM", "IGOSEA")]
    fs = facts(parse, "Last year Brazil's full membership in OPEC was approved.")
    assert summary(fs) == [("member_of", "BRA", "IGOOPC")]
    assert fs[0].date == "2023-01-01"
    assert facts(parse, "Brazil's bid for OPEC membership was rejected.") and all(
        f.relation == "applied_to_join" for f in facts(parse, "Brazil's bid for OPEC membership was rejected.")
    )


def test_import_phrasings(parse):
    fs = facts(parse, "Peru imported $2 billion worth of copper from Chile in 2022.")
    assert summary(fs) == [("trade", "CHL", "PER")]
    assert (fs[0].quantity.value, fs[0].date) == (2e9, "2022-01-01")
    assert summary(facts(parse, "Peruvian imports of Chilean wine fell to $90 million.")) == [("trade", "CHL", "PER")]


def test_agreement_carries_its_value_when_stated(parse):
    fs = facts(parse, "Chile and Peru signed a $5 billion pipeline deal.")
    assert summary(fs) == [("agreement_in_force", "CHL", "PER")]
    assert fs[0].quantity.value == 5e9 and fs[0].quantity.currency == "USD"


def test_evidence_excludes_surrounding_blank_lines(parse):
    doc, _ = parse("\n\nVietnam joined ASEAN in 1995.\n")
    ev = extract_facts(doc, "2024-05-16", actor_of)[0].evidence
    assert ev.text == "Vietnam joined ASEAN in 1995." and doc.text[ev.start : ev.end] == ev.text
