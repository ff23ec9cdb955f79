"""Negation and modality of the trigger."""
import pytest

from accord.events.attributes.modality import is_intent, modality, negated, refused


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Peru did not recognise the new government.", "recognise", True),
        ("The minister has never visited Havana.", "visited", True),
        ("No deal was struck at the summit.", "struck", True),
        ("No deal emerged from the summit.", "deal", True),
        ("The council failed to adopt the resolution.", "adopt", True),
        ("The guerrillas withdrew without releasing the hostages.", "releasing", True),
        ("Peru recognised the new government.", "recognised", False),
        ("Peru not only recognised the new government but also sent an envoy.", "recognised", False),
        ("The council refused to adopt the resolution.", "adopt", False),
    ],
)
def test_negated(parse, text, word, expected):
    doc, trig = parse(text, word)
    assert negated(trig) is expected


def test_refusal_is_flagged_not_negated(parse):
    doc, trig = parse("The council refused to adopt the resolution.", "adopt")
    assert refused(trig) and not negated(trig)
    doc, trig = parse("The council decided to adopt the resolution.", "adopt")
    assert not refused(trig)


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("The chancellor visited Warsaw.", "visited", "asserted"),
        ("The chancellor will visit Warsaw.", "visit", "intended"),
        ("The chancellor intends to visit Warsaw.", "visit", "intended"),
        ("The chancellor is expected to visit Warsaw.", "visit", "intended"),
        ("Both sides agreed to resume negotiations.", "resume", "intended"),
        ("The envoy told reporters that Egypt would mediate.", "mediate", "intended"),
        ("The army might shell the port.", "shell", "hypothetical"),
        ("If the truce collapses, the army will shell the port.", "shell", "hypothetical"),
        ("Soldiers reportedly looted the market.", "looted", "reported"),
        ("The alleged massacre shocked the region.", "massacre", "reported"),
        ("Soldiers looted the market, according to unconfirmed reports.", "looted", "reported"),
        ("Soldiers looted the market, according to the governor.", "looted", "asserted"),
        ("The envoy said Egypt would continue to mediate between the factions.", "mediate", "intended"),
        ("The two ministers signed a memorandum to expand rail links.", "expand", "intended"),
        ("The rebels could try to seize the port.", "seize", "hypothetical"),
        ("Chile was the first country to recognise the new state.", "recognise", "asserted"),
    ],
)
def test_modality(parse, text, word, expected):
    doc, trig = parse(text, word)
    assert modality(trig) == expected
    assert is_intent(trig) is (expected == "intended")


def test_odd_input_never_raises():
    assert negated(None) is False
    assert modality(None) == "asserted"
    assert refused(None) is False
