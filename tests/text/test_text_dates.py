"""Date normalisation to YYYY-MM-DD."""
from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from accord.text.dates import normalize_date, parse_month_day


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2023-02-14", "2023-02-14"),
        ("1987-02-26T15:01:01Z", "1987-02-26"),
        ("2024-3-7", "2024-03-07"),
        ("February 14, 2023", "2023-02-14"),
        ("Tuesday, Feb. 14, 2023", "2023-02-14"),
        ("14 February 2023", "2023-02-14"),
        ("Tue, 25 Feb 2020 10:00:00 GMT", "2020-02-25"),
        (datetime(2021, 5, 6, 7, 8), "2021-05-06"),
        (date(2021, 5, 6), "2021-05-06"),
        (time.struct_time((2024, 1, 2, 0, 0, 0, 1, 2, 0)), "2024-01-02"),
        ("2023-02-30", None),
        ("", None),
        (None, None),
        ("not a date at all, just words", None),
        ("0001-01-01", None),
    ],
)
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


def test_dateparser_fallback_only_when_allowed():
    assert normalize_date("the 3rd of March, 2021") == "2021-03-03"
    assert normalize_date("the 3rd of March, 2021", use_dateparser=False) is None
    assert normalize_date("2021/03/03") == "2021-03-03"


def test_month_day():
    assert parse_month_day("Feb 14") == (2, 14)
    assert parse_month_day("3 March") == (3, 3)
    assert parse_month_day("Feb 45") is None
    assert parse_month_day("Monday") is None
