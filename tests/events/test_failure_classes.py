"""Classes of failure found on held-out event data (CASE-2021, RAMS, WikiEvents), each checked on
sentences written for this file: protests outrank what they are about, embedded events outrank the
report, material conflict verbs, accidents without an attacker, abstract gerund complements."""
from __future__ import annotations

import pytest


def main(events):
    """The CAMEO code of the most confident event, or None."""
    return max(events, key=lambda e: e.confidence).cameo if events else None


@pytest.mark.parametrize("text", [
    "Hundreds of protesters in Nairobi demanded the resignation of the finance minister.",
    "Demonstrators condemned the new tax law outside parliament in Lima.",
    "Crowds walked the streets of Minsk on Sunday to denounce the election result.",
    "Farmers took to the streets of Delhi to reject the agricultural reforms.",
    "Protesters in Santiago defied a curfew and criticised the government.",
    "Demonstrators gathered in several cities on Thursday to urge the government to avoid war.",
    "Protesters chant slogans against the president in Minsk.",
    "Hundreds of demonstrators participated in a peaceful march in Pittsburgh.",
    "Protesters poured into the streets of Lyon late on Friday denouncing the pension reform.",
    "Hundreds of pro-government and anti-government protesters rallied against each other in Caracas.",
    "Nurses staged a sit-in at the hospital in Accra, urging the minister to pay their arrears.",
])
def test_protest_outranks_what_it_is_about(code, text):
    assert main(code(text))[:2] == "14"


def test_non_protesters_still_demand(code):
    assert main(code("The Kenyan government demanded the resignation of the finance minister."))[:2] == "10"


@pytest.mark.parametrize("text, root", [
    ("A police spokesman said the shipment of rifles was intercepted at the port.", "17"),
    ("Kenyan police have found a cache of ammunition in a house in Mombasa.", "17"),
    ("A statement from the army said soldiers had destroyed three rebel camps.", "17"),
])
def test_reported_or_material_event_beats_the_report(code, text, root):
    assert main(code(text))[:2] == root


def test_found_guilty_is_still_a_verdict(code):
    assert main(code("A court in Cairo found the two activists guilty of spreading false news.")) == "116"


@pytest.mark.parametrize("text, codes", [
    ("A plane dropped containers of toxic gas on a village in Idlib.", {"2041"}),
    ("Ethiopian security forces have abused women and girls in Tigray.", {"180", "1821"}),
    ("Indian and Pakistani troops exchanged fire along the border.", {"190"}),
    ("Unknown assailants vandalised a church in Karachi.", {"1712"}),
    ("Army engineers defused a roadside bomb in Kandahar.", {"171"}),
])
def test_material_conflict_verbs(code, text, codes):
    assert main(code(text)) in codes


def test_exchange_of_prisoners_is_not_fire(code):
    assert main(code("Armenia and Azerbaijan exchanged prisoners on Tuesday.")) == "0841"


def test_abuse_of_power_is_no_assault(code):
    assert all(e.cameo[:2] != "18" for e in code("The Zambian minister abused his office, the report said."))


@pytest.mark.parametrize("text", [
    "Flash floods swept through villages in Assam and scores were injured.",
    "A fuel tank exploded at a factory in Dhaka and four people were injured.",
    "An earthquake killed more than 300 people in eastern Turkey.",
])
def test_accidents_and_disasters_are_no_violence(code, text):
    assert all(e.cameo[:2] not in ("18", "19", "20") for e in code(text))


def test_deaths_in_an_attack_during_a_storm_are_kept(code):
    got = code("Gunmen attacked a village in Zamfara during a storm and twelve people were killed.")
    assert any(e.cameo[:2] in ("18", "19") for e in got)


def test_bomb_explosion_stays_an_attack(code):
    assert main(code("A car bomb exploded near a police station in Mogadishu.")) == "183"


@pytest.mark.parametrize("text", [
    "Russia and China have similar perspectives on fighting unilateralism.",
    "Brazil and India hold common views on combating protectionism.",
])
def test_abstract_gerund_complement_is_no_fight(code, text):
    assert all(e.cameo[:2] not in ("18", "19", "20") for e in code(text))


def test_actorless_attack_noun_beats_a_bare_report(code):
    got = code("The business association noted that the arson attacks on shops had hurt the local economy.")
    assert main(got)[:2] in ("17", "18", "19")


@pytest.mark.parametrize("text, root", [
    ("The looting of the museum in Baghdad shocked archaeologists.", "17"),
    ("The delivery of tents to Haiti by Canada started on Friday.", "07"),
])
def test_nominal_events(code, text, root):
    assert main(code(text))[:2] == root


def test_fire_as_subject_of_a_death_is_no_attack(code):
    assert code("A fire killed twelve patients at a hospital in Basra.") == []


@pytest.mark.parametrize("text, code_", [
    ("Police said two rival groups in Kota pelted stones at each other on Sunday.", "180"),
    ("A stash of firearms and ammunition was found in a culvert near Eldoret.", "171"),
    ("Officials said government troops won back two villages in North Kivu on Monday.", "192"),
])
def test_more_material_conflict(code, text, code_):
    assert main(code(text)) == code_


def test_winning_an_election_is_no_conquest(code):
    assert all(e.cameo != "192" for e in code("The Social Democrats won the election in Sweden."))


def test_arrested_and_charged_is_two_acts(code):
    got = {e.cameo for e in code("In May, the Egyptian activist was arrested and charged with treason.")}
    assert {"173", "112"} <= got


@pytest.mark.parametrize("text, code_", [
    ("Myanmar soldiers committed widespread rape against Rohingya women.", "1821"),
    ("The gunman committed the attack in Christchurch in March.", "190"),
])
def test_committing_an_act_is_the_act(code, text, code_):
    assert main(code(text)) == code_


def test_committing_to_a_ceasefire_is_an_intent(code):
    assert main(code("India committed to a ceasefire along the border."))[:2] == "03"


@pytest.mark.parametrize("text, code_", [
    ("Three rockets fired from across the border slammed into the town of Kilis, killing four people.", "190"),
    ("The senator slammed the decision to cut funding.", "111"),
    ("Taliban fighters charged an army checkpoint in Helmand overnight.", "190"),
    ("A report says that a mine planted by insurgents went off near a police vehicle in Khost.", "183"),
])
def test_words_with_a_violent_and_a_verbal_sense(code, text, code_):
    assert main(code(text)) == code_


def test_future_loan_is_intent_to_give_economic_aid(code):
    # CAMEO 0331 "express intent to provide economic aid": a promised loan is not yet aid given (071)
    assert main(code("Japan will lend Vietnam 500 million dollars to build a railway.")) == "0331"


def test_past_loan_is_economic_aid(code):
    assert main(code("Japan lent Vietnam 500 million dollars last year to build a railway.")) == "071"


def test_injuries_in_the_sentence_after_an_accident(code):
    text = "A boiler at a textile plant in Gazipur exploded on Thursday night. Four workers were injured."
    assert all(e.cameo[:2] not in ("18", "19", "20") for e in code(text))


def test_injuries_after_an_attack_are_kept(code):
    text = "Gunmen stormed a police post in Gazipur on Thursday night. Four officers were injured."
    assert any(e.cameo[:2] in ("18", "19") for e in code(text))


@pytest.mark.parametrize("text", [
    "An explosion ripped through a fuel warehouse at a refinery near Basra, killing an engineer.",
    "A strong earthquake struck western Nepal on Sunday.",
    "Six warehouses burned in a fire that broke out at the port of Chittagong.",
])
def test_industrial_and_natural_blasts_and_fires(code, text):
    assert all(e.cameo[:2] not in ("17", "18", "19", "20") for e in code(text))


@pytest.mark.parametrize("text", [
    "Rioters burned cars in the centre of Nantes on Saturday.",
    "Israeli aircraft struck targets in southern Lebanon overnight.",
])
def test_burning_and_striking_by_someone_stay_violent(code, text):
    assert main(code(text))[:2] in ("17", "19")


def test_previous_sentence_hazard_flag(nlp):
    from accord.nlp.selective import candidate_docs

    text = ("Floods swept through Sylhet on Monday. Dozens of villagers were injured in Sylhet. "
            "Militants with grenades attacked a checkpoint in Sylhet. Two guards were injured in Sylhet.")
    flags = [d.user_data["accord_prev_hazard"] for d in candidate_docs(nlp, text)]
    assert flags[-1] is False and True in flags


def test_backed_by_air_strikes_is_the_strikes(code):
    assert main(code("The offensive was supported by Turkish drones and artillery.")) == "190"
    assert main(code("France backed the proposal by Germany.")) == "051"


def test_ministers_gathering_is_no_protest(code):
    assert all(e.cameo[:2] != "14" for e in code("Ministers gathered in Brussels to discuss the budget."))
