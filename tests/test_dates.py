"""Dates as Indonesian files write them, Excel serials, years, birth places and ages."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from lakip_core.reading.dates import age_on, parse_date, parse_year, split_birth


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1 Maret 1993", date(1993, 3, 1)),
        ("13 Agustus 1989", date(1989, 8, 13)),
        ("5 Juli 1990", date(1990, 7, 5)),
        ("17 Agt 2019", date(2019, 8, 17)),
        ("1 Nopember 2001", date(2001, 11, 1)),
        ("1 Pebruari 2001", date(2001, 2, 1)),
        ("01-03-1993", date(1993, 3, 1)),
        ("01/03/1993", date(1993, 3, 1)),
        ("1.3.1993", date(1993, 3, 1)),
        ("1993-03-01", date(1993, 3, 1)),
        ("1993-03-01 00:00:00", date(1993, 3, 1)),
        (datetime(2019, 3, 1, 8, 30), date(2019, 3, 1)),
        (date(2019, 3, 1), date(2019, 3, 1)),
        (45292, date(2024, 1, 1)),
        (45292.0, date(2024, 1, 1)),
    ],
)
def test_parse_date_formats(value: object, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["31-02-1990", "1 Foo 1990", "", None, float("nan"), True, "kemarin", 0, 10**7])
def test_impossible_or_unknown_dates_are_none(value: object) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [(2008, 2008), (2008.0, 2008), ("2008", 2008), (" 2019 ", 2019), ("17 Agustus 2019", 2019), (None, None)],
)
def test_parse_year(value: object, expected: int | None) -> None:
    assert parse_year(value) == expected


def test_parse_year_of_an_excel_date_cell() -> None:
    assert parse_year(datetime(2017, 6, 30)) == 2017
    assert parse_year(43000) == 2017  # a date serial, not a year


@pytest.mark.parametrize(
    ("value", "place", "born"),
    [
        ("Jakarta/1 Maret 1993", "Jakarta", date(1993, 3, 1)),
        ("Jakarta, 01-03-1993", "Jakarta", date(1993, 3, 1)),
        ("Tanjung Karang / 5 Juli 1990", "Tanjung Karang", date(1990, 7, 5)),
        ("1 Maret 1993", "", date(1993, 3, 1)),
        (datetime(1993, 3, 1), "", date(1993, 3, 1)),
        ("Jakarta", "", None),
    ],
)
def test_split_birth(value: object, place: str, born: date | None) -> None:
    assert split_birth(value) == (place, born)


def test_age_counts_whole_years_and_the_birthday_itself() -> None:
    born = date(1993, 3, 1)
    assert age_on(born, date(2024, 2, 29)) == 30
    assert age_on(born, date(2024, 3, 1)) == 31
    assert age_on(born, date(2024, 12, 31)) == 31
    assert age_on(date(2000, 2, 29), date(2023, 2, 28)) == 22
    assert age_on(date(2000, 2, 29), date(2023, 3, 1)) == 23
