"""Plain-text structure: headlines, datelines, by-lines, boilerplate (sentences written for these tests)."""
from __future__ import annotations

import pytest

from accord.errors import Rejected
from accord.text import article_from_text
from accord.text.boilerplate import is_boilerplate, strip_boilerplate
from accord.text.plain import parse_dateline, split_headline

PARA = (
    "Officials from both governments said the talks covered fishing rights, port fees and a new ferry "
    "route, and that a second round would be held in the summer."
)


@pytest.mark.parametrize(
    "line,publisher,place,date,month_day",
    [
        ("The Harbour Gazette, June 3, 2022 — Officials met.", "The Harbour Gazette", None, "2022-06-03", None),
        ("Northern Courier, 7 October 2019 - Ministers met.", "Northern Courier", None, "2019-10-07", None),
        ("OSLO (Reuters) - Norway said.", "Reuters", "OSLO", None, None),
        ("NEW DELHI (AP) — India said.", "Associated Press", "NEW DELHI", None, None),
        ("Mar 9 (AFP) - Ministers met.", "Agence France-Presse", None, None, (3, 9)),
        ("CANBERRA, March 3 (AP) — Australia said.", "Associated Press", "CANBERRA", None, (3, 3)),
        ("LIMA, Peru (Andes Wire) — Peru said.", "Andes Wire", "LIMA, Peru", None, None),
        ("NAIROBI, July 14, 2021 — Kenya said.", None, "NAIROBI", "2021-07-14", None),
        ("ACCRA — Ghana's president said.", None, "ACCRA", None, None),
        ("(Xinhua) -- China said.", "Xinhua", None, None, None),
        ("Friday, May 5, 2023 — The ministers met.", None, None, "2023-05-05", None),
    ],
)
def test_datelines(line, publisher, place, date, month_day):
    dl = parse_dateline(line)
    assert dl is not None
    assert (dl.publisher, dl.place, dl.date, dl.month_day) == (publisher, place, date, month_day)
    assert line[dl.end :].split()[0] in {"Officials", "Norway", "India", "Ministers", "Australia", "Peru", "Kenya", "Ghana's", "China", "The"}


@pytest.mark.parametrize(
    "line",
    [
        "The ministers met in Oslo on Monday.",
        "US and China - a difficult year ahead, analysts say.",
        "In 2021, both countries signed a pact.",
        "Iran, China and Russia held naval drills.",
        "President Lee, March 3, said nothing.",
    ],
)
def test_ordinary_sentences_are_not_datelines(line):
    assert parse_dateline(line) is None


def test_headline_detection():
    title, rest = split_headline("Ferry talks resume between two island states\n\n" + PARA)
    assert title == "Ferry talks resume between two island states"
    assert rest.startswith("Officials")
    # a first line that is a full sentence paragraph is body, not a headline
    title, rest = split_headline(PARA + "\n\n" + PARA)
    assert title is None and rest.startswith("Officials")
    # a single line is never split into headline + nothing
    assert split_headline("Ferry talks resume")[0] is None


def test_article_from_text_full():
    text = (
        "Island states agree to reopen ferry route\n\n"
        "By Mara Lind\n\n"
        "The Harbour Gazette, June 3, 2022 — " + PARA + "\n\n"
        "The agreement still needs approval from both parliaments.\n\n"
        "Share this:\n\nLeave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *\n\n"
        "Comment *\n\nName *\n\nEmail *\n\nWebsite\n\n"
        "Save my name, email, and website in this browser for the next time I comment.\n"
    )
    art = article_from_text(text)
    assert art.title == "Island states agree to reopen ferry route"
    assert art.publisher == "The Harbour Gazette"
    assert art.date == "2022-06-03"
    assert art.language == "en"
    assert art.text.startswith("Officials from both governments")
    assert art.text.endswith("approval from both parliaments.")
    for junk in ("Leave a Reply", "Required fields", "Save my name", "Share this", "Mara Lind", "Website"):
        assert junk not in art.text


def test_meta_wins_over_dateline_and_title_line_is_dropped():
    text = "Ferry talks resume\n\nOSLO (Reuters) - " + PARA
    art = article_from_text(text, meta={"title": "Ferry talks resume", "source": "Nordic Desk", "date": "2020-02-01", "id": "x1"})
    assert (art.title, art.publisher, art.date, art.external_id) == ("Ferry talks resume", "Nordic Desk", "2020-02-01", "x1")
    assert art.text.startswith("Officials")


def test_dateline_without_year_gives_no_date():
    art = article_from_text("Mar 9 (AFP) - " + PARA)
    assert art.publisher == "Agence France-Presse" and art.date is None


def test_boilerplate_lines_and_trailing_comment_section():
    assert is_boilerplate("Leave a Reply")
    assert is_boilerplate("  Your email address will not be published.  ")
    assert is_boilerplate("This website uses cookies to improve your experience. Accept all cookies")
    assert not is_boilerplate("The minister left a reply to the letter on Monday.")
    assert not is_boilerplate("Copyright law was debated in parliament on Tuesday, and lawmakers disagreed sharply about it.")
    body = "\n\n".join([PARA, PARA, "3 Comments", "Great article!", "I disagree with this."])
    cleaned = strip_boilerplate(body)
    assert "Great article" not in cleaned and cleaned.count("Officials") == 2


def test_comments_word_early_in_text_does_not_cut():
    body = "Comments\n\n" + PARA + "\n\n" + PARA
    assert strip_boilerplate(body).count("Officials") == 2


def test_only_boilerplate_is_no_text():
    with pytest.raises(Rejected) as exc:
        article_from_text("Leave a Reply\n\nYour email address will not be published.\n")
    assert exc.value.reason == "no-text"


def test_content_hash_ignores_whitespace_and_case():
    a = article_from_text(PARA)
    b = article_from_text("  " + PARA.replace(" ", "  ").upper() + "\n")
    assert a.content_hash == b.content_hash and len(a.content_hash) == 64


@pytest.mark.parametrize(
    "line,date",
    [("Published: 3 March 2023", "2023-03-03"), ("Posted on Friday, May 5, 2023 at 10:00", "2023-05-05"),
     ("Updated 2021-11-30", "2021-11-30")],
)
def test_date_line_under_headline(line, date):
    art = article_from_text(f"Ferry deal reached\n\nBy Ana Ruiz\n{line}\n\n{PARA}")
    assert art.date == date and art.text.startswith("Officials") and "Ana Ruiz" not in art.text


def test_date_line_deep_in_body_is_kept():
    art = article_from_text(f"Ferry deal reached\n\n{PARA}\n\nPublished: 3 March 2023")
    assert art.date is None and art.text.endswith("Published: 3 March 2023")


def test_languages_setting():
    from accord.config import Settings

    french = "Le ministre a reçu son homologue à Paris pour parler de la sécurité et du commerce en Europe."
    with pytest.raises(Rejected) as exc:
        article_from_text(french)
    assert exc.value.reason == "not-english"
    art = article_from_text(french, settings=Settings(languages=("en", "fr")))
    assert art.language == "fr"
