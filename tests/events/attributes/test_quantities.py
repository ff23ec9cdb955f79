"""Quantities tied to the event: counts, money, spelled-out numbers; unrelated numbers ignored."""
from accord.events.attributes.quantities import event_quantities


def qs(parse, text, word):
    doc, trig = parse(text, word)
    return [(q.value, q.unit, q.currency) for q in event_quantities(doc, trig)]


def test_counted_noun(parse):
    assert qs(parse, "Kenya and Ethiopia signed 14 trade protocols.", "signed") == [(14, "protocol", None)]
    assert qs(parse, "The alliance deployed 3,200 soldiers to the border.", "deployed") == [(3200, "soldier", None)]


def test_spelled_out_numbers(parse):
    assert qs(parse, "Police arrested seven protesters.", "arrested") == [(7, "protester", None)]


def test_casualties_in_the_subject(parse):
    assert qs(parse, "At least 31 villagers were killed in the raid.", "killed") == [(31, "villager", None)]


def test_money(parse):
    assert qs(parse, "Germany pledged $4.5 billion in reconstruction aid.", "pledged") == [(4.5e9, "USD", "USD")]
    assert qs(parse, "Brussels offered €2bn to the region.", "offered") == [(2e9, "EUR", "EUR")]
    assert qs(parse, "London promised £750m for the fund.", "promised") == [(7.5e8, "GBP", "GBP")]
    assert qs(parse, "Tokyo lent 300 million yen to the project.", "lent") == [(3e8, "JPY", "JPY")]


def test_numbers_of_other_clauses_are_not_this_events(parse):
    got = qs(parse, "The blast killed 9 people and injured about 40.", "killed")
    assert got == [(9, "people", None)]


def test_dates_ages_durations_percentages_ignored(parse):
    assert qs(parse, "The 62-year-old mayor was abducted on 4 July 2021.", "abducted") == []
    assert qs(parse, "The two neighbours renewed a 30-year defence pact.", "renewed") == []
    assert qs(parse, "Inflation fell 3 percent after the ministers met.", "met") == []


def test_the_two_is_not_a_quantity(parse):
    assert qs(parse, "The two signed the accord.", "signed") == []


def test_odd_input_never_raises(parse):
    doc, _ = parse("$$$ 1,2,3,4 €€ ¥")
    assert event_quantities(doc, doc[0]) == [] or isinstance(event_quantities(doc, doc[0]), list)
    assert event_quantities(None, None) == []


def test_hyphenated_words_ranges_and_rupees(parse):
    assert qs(parse, "Police detained thirty-two activists.", "detained") == [(32, "activist", None)]
    got = qs(parse, "Between 3,000 and 4,000 residents fled.", "fled")
    assert got == [(3000, "resident", None), (4000, "resident", None)]
    assert qs(parse, "India pledged Rs 200 crore to Nepal.", "pledged") == [(2e9, "INR", "INR")]


def test_long_sentence_gives_local_answers(parse):
    # attributes look only near the trigger, so a very long run-on sentence stays cheap and local
    text = "Rebels seized 4 towns near Aleppo on Monday and " * 30 + "troops fired 9 shells."
    doc, trig = parse(text, "fired")
    assert qs(parse, text, "fired") == [(9, "shell", None)]
    from accord.events.attributes.places import event_place

    assert event_place(doc, trig) is None
