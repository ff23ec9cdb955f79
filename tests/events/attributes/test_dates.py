"""Event dates resolved from the sentence against the article date (2024-05-16 is a Thursday)."""
import pytest

from accord.events.attributes.dates import resolve_event_date, resolve_phrase

ART = "2024-05-16"  # Thursday


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("The foreign ministers met in Oslo on 3 May.", "met", ("2024-05-03", "day", False)),
        ("The foreign ministers met in Oslo on May 3.", "met", ("2024-05-03", "day", False)),
        ("The envoys met on 21 March 2019 to discuss the ceasefire.", "met", ("2019-03-21", "day", False)),
        ("The envoys met on Monday to discuss the ceasefire.", "met", ("2024-05-13", "day", False)),
        ("The envoys met on Thursday to discuss the ceasefire.", "met", ("2024-05-16", "day", False)),
        ("The envoys met last Thursday to discuss the ceasefire.", "met", ("2024-05-09", "day", False)),
        ("Militants attacked a checkpoint yesterday.", "attacked", ("2024-05-15", "day", False)),
        ("Militants attacked a checkpoint three days ago.", "attacked", ("2024-05-13", "day", False)),
        ("Militants attacked a checkpoint over the weekend.", "attacked", ("2024-05-11", "day", False)),
        ("Militants attacked a checkpoint last week.", "attacked", ("2024-05-09", "day", False)),
        ("Militants attacked a checkpoint earlier this month.", "attacked", ("2024-05-01", "month", False)),
        ("Militants attacked a checkpoint last month.", "attacked", ("2024-04-01", "month", False)),
        ("Militants attacked a checkpoint in February.", "attacked", ("2024-02-01", "month", False)),
        ("Militants attacked a checkpoint in October 2020.", "attacked", ("2020-10-01", "month", False)),
        ("Last year, Chile expelled two diplomats.", "expelled", ("2023-01-01", "year", False)),
        ("In 2019, the two neighbours signed a border treaty.", "signed", ("2019-01-01", "year", False)),
    ],
)
def test_dates_from_the_sentence(parse, text, word, expected):
    doc, trig = parse(text, word)
    assert resolve_event_date(doc, trig, ART) == expected


def test_date_attached_to_the_trigger_wins_over_other_dates(parse):
    doc, praised = parse("The treaty signed in 2019 was praised on Monday by both parliaments.", "praised")
    assert resolve_event_date(doc, praised, ART) == ("2024-05-13", "day", False)
    signed = [t for t in doc if t.text == "signed"][0]
    assert resolve_event_date(doc, signed, ART) == ("2019-01-01", "year", False)


def test_date_of_another_noun_is_not_the_event_date(parse):
    doc, trig = parse("The ministers discussed the 2015 accord at length.", "discussed")
    assert resolve_event_date(doc, trig, ART) == (ART, "day", True)


def test_future_event_resolves_forward(parse):
    doc, trig = parse("The prime minister will visit Ankara on 2 June.", "visit")
    assert resolve_event_date(doc, trig, ART) == ("2024-06-02", "day", False)


def test_fallback_to_article_date(parse):
    doc, trig = parse("Rebels seized the airport.", "seized")
    assert resolve_event_date(doc, trig, ART) == (ART, "day", True)


def test_durations_are_not_dates(parse):
    doc, trig = parse("Rebels besieged the town for two years.", "besieged")
    assert resolve_event_date(doc, trig, ART) == (ART, "day", True)


def test_no_article_date(parse):
    doc, trig = parse("Militants attacked a checkpoint yesterday.", "attacked")
    assert resolve_event_date(doc, trig, None) == (None, None, True)
    doc, trig = parse("In 2019, the two neighbours signed a border treaty.", "signed")
    assert resolve_event_date(doc, trig, None) == ("2019-01-01", "year", False)


def test_bad_article_date_and_odd_input_never_raise(parse):
    doc, trig = parse("Militants attacked a checkpoint yesterday.", "attacked")
    assert resolve_event_date(doc, trig, "not a date") == (None, None, True)
    assert resolve_event_date(None, None, ART) == (ART, "day", True)


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("earlier this year", ("2024-01-01", "year")),
        ("next month", ("2024-06-01", "month")),
        ("over the past year", ("2023-01-01", "year")),
        ("2023-11-05", ("2023-11-05", "day")),
        ("this morning", ("2024-05-16", "day")),
        ("two weeks ago", ("2024-05-02", "day")),
        ("a banana", None),
    ],
)
def test_resolve_phrase(phrase, expected):
    assert resolve_phrase(phrase, ART) == expected


def test_numeric_and_decade_phrases():
    assert resolve_phrase("on 03/09/2006", ART) == ("2006-03-09", "day")
    assert resolve_phrase("25/12/2019", ART) == ("2019-12-25", "day")
    assert resolve_phrase("two decades ago", ART) == ("2004-01-01", "year")
    assert resolve_phrase("overnight", ART) == ("2024-05-15", "day")


def test_odd_sentences_never_raise(parse):
    for text in ["\x00\x07 Ministers met \u202e yesterday", "Министры встретились 3 мая; ministers met on 3 May.", "2024 2024 2024"]:
        doc, _ = parse(text)
        got = resolve_event_date(doc, doc[len(doc) // 2], ART)
        assert len(got) == 3 and got[2] in (True, False)


def test_rolling_year_versus_calendar_year():
    # "over the last year" is the twelve months before a December article: mostly the same year
    assert resolve_phrase("over the last year", "2023-12-10") == ("2023-01-01", "year")
    assert resolve_phrase("last year", "2023-12-10") == ("2022-01-01", "year")


def test_date_inside_another_nouns_phrase_is_ignored(parse):
    doc, trig = parse("Exports recovered strongly, a sharp turn from the slump of 2020.", "recovered")
    assert resolve_event_date(doc, trig, ART) == (ART, "day", True)
    doc, trig = parse("The two leaders held talks on Monday.", "held")
    assert resolve_event_date(doc, trig, ART) == ("2024-05-13", "day", False)


def test_year_forms():
    assert resolve_phrase("mid-2021", ART) == ("2021-01-01", "year")
    assert resolve_phrase("the 2019-2020 season", ART) == ("2019-01-01", "year")
    assert resolve_phrase("the 1990s", ART) is None
    assert resolve_phrase("a 25-year pact", ART) is None
