"""The place where the event happened, not any place in the sentence."""
from accord.events.attributes.geocode import geocode
from accord.events.attributes.places import event_place, event_place_span
from accord.models import Place


def test_locative_place_is_geocoded(parse):
    doc, trig = parse("Protesters gathered in Nairobi on Friday.", "gathered")
    place = event_place(doc, trig)
    assert place.name == "Nairobi" and place.country == "KEN"
    assert abs(place.lat - (-1.28)) < 0.2 and abs(place.lon - 36.8) < 0.2


def test_origin_is_not_the_event_place(parse):
    doc, trig = parse("A delegation from Lagos held talks in Accra.", "held")
    assert event_place(doc, trig).country == "GHA"
    doc, trig = parse("A delegation from Lagos arrived yesterday.", "arrived")
    assert event_place(doc, trig) is None


def test_place_in_an_unrelated_clause_is_ignored(parse):
    doc, trig = parse("The bomber, who had studied in Cairo, attacked a hotel.", "attacked")
    assert event_place(doc, trig) is None


def test_where_clause_and_country(parse):
    doc, trig = parse("The envoys flew to Geneva, where they signed a truce.", "signed")
    assert event_place(doc, trig).name == "Geneva"
    doc, trig = parse("Fighting broke out in Sudan again.", "broke")
    place = event_place(doc, trig)
    assert place.country == "SDN" and place.lat is not None


def test_most_specific_named_place(parse):
    doc, trig = parse("Gunmen opened fire in the northern city of Kano, in Nigeria.", "opened")
    assert event_place_span(doc, trig).text == "Kano"


def test_visit_destination(parse):
    doc, trig = parse("Her visit to Hanoi lasted two days.", "visit")
    assert event_place(doc, trig).country == "VNM"


def test_dateline_fallback(parse):
    doc, trig = parse("The two presidents shook hands.", "shook")
    assert event_place(doc, trig) is None
    assert event_place(doc, trig, dateline_place="Lima").country == "PER"
    given = Place(name="Quito", country="ECU")
    assert event_place(doc, trig, dateline_place=given) is given


def test_geocoder_prefers_countries_and_populous_cities():
    assert geocode("Georgia").country == "GEO"
    assert geocode("Peking").name == "Beijing"
    assert geocode("the United States").country == "USA"
    assert geocode("Atlantis of the North") is None
    assert geocode("") is None


def test_odd_input_never_raises(parse):
    doc, _ = parse("")
    assert event_place(doc, None) is None


def test_headline_run_into_dateline(parse):
    # the parser may glue a headline to the next paragraph; a blank line still bounds the search
    doc, trig = parse("Chile, Peru sign 8 accords in Lima\n\nThe Courier, March 3, 2022 — Over the last month, exports from Quito to Cusco grew.", "sign")
    assert event_place(doc, trig).name == "Lima"
    from accord.events.attributes.dates import resolve_event_date

    assert resolve_event_date(doc, trig, "2022-03-03") == ("2022-03-03", "day", True)


def test_dateline_place():
    from accord.events.attributes.places import dateline_place

    assert dateline_place("HANOI, March 2 (Reuters) - Vietnam said on Monday").country == "VNM"
    assert dateline_place("Quetta (Pakistan) -- Police said").country == "PAK"
    assert dateline_place("Lima, Peru - Protesters marched").name == "Lima"
    assert dateline_place("The Herald, March 2, 2022 — Prices rose") is None
    assert dateline_place("Prices rose sharply - again") is None
    assert dateline_place("") is None
