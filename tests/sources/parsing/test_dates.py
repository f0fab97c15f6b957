from datetime import date

import pytest

from sources.parsing.dates import DateReader
from sources.parsing.lang import en
from tests.sources.parsing.helpers import only_event, parse

READER = DateReader(en)
SUNDAY = date(2024, 7, 28)


def dates(text, published=SUNDAY):
    return [(m.first, m.last, m.precision) for m in READER.find(text, published)[0]]


def test_it_resolves_a_weekday_against_the_publication_date():
    assert dates("Fighting resumed on Saturday morning.") == [(date(2024, 7, 27), date(2024, 7, 27), "day")]


def test_a_weekday_that_is_the_publication_day_is_that_day_but_last_weekday_is_a_week_before():
    assert dates("on Sunday")[0][0] == SUNDAY
    assert dates("last Sunday")[0][0] == date(2024, 7, 21)


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("on July 26", date(2024, 7, 26), date(2024, 7, 26)),
        ("on 26 July 2024", date(2024, 7, 26), date(2024, 7, 26)),
        ("on July 26, 2024", date(2024, 7, 26), date(2024, 7, 26)),
        ("on the night of July 26 to 27, 2024", date(2024, 7, 26), date(2024, 7, 27)),
        ("from July 22-27", date(2024, 7, 22), date(2024, 7, 27)),
        ("between 22 and 24 July", date(2024, 7, 22), date(2024, 7, 24)),
        ("between Friday and Saturday", date(2024, 7, 26), date(2024, 7, 27)),
        ("yesterday", date(2024, 7, 27), date(2024, 7, 27)),
        ("2024-07-25", date(2024, 7, 25), date(2024, 7, 25)),
    ],
)
def test_it_reads_absolute_and_relative_days_and_ranges(text, first, last):
    assert dates(text)[0][:2] == (first, last)


def test_month_parts_weeks_and_months_carry_their_precision():
    assert dates("in late July") == [(date(2024, 7, 21), SUNDAY, "month")]
    assert dates("last week") == [(date(2024, 7, 15), date(2024, 7, 21), "week")]
    assert dates("in June") == [(date(2024, 6, 1), date(2024, 6, 30), "month")]


def test_a_month_after_the_publication_month_is_last_year():
    assert dates("Last November, the army retook Kidal.")[0][:2] == (date(2023, 11, 1), date(2023, 11, 30))


def test_years_and_ago_expressions_are_year_precision_background_markers():
    assert dates("since 2012") == [(date(2012, 1, 1), date(2012, 12, 31), "year")]
    assert dates("two years ago") == [(date(2022, 1, 1), date(2022, 12, 31), "year")]


def test_a_count_of_four_digits_is_not_a_year():
    assert dates("2000 people fled the fighting.") == []


def test_without_publication_date_relative_days_are_dropped_and_absolute_ones_need_a_year():
    assert dates("on Saturday, July 27", published=None) == []
    assert dates("on July 27, 2024 and on Saturday", published=None) == [(date(2024, 7, 27), date(2024, 7, 27), "day")]


def test_may_as_a_verb_is_not_a_month():
    assert dates("The government may retaliate.") == []


def test_a_wire_dateline_is_the_filing_day_and_weekdays_resolve_against_it():
    text = (
        "KHARTOUM, March 14 (Reuters) - Fighters of the Rapid Support Forces attacked an army base in El Fasher "
        "on Friday, killing 12 soldiers, the Sudanese army said."
    )
    event = only_event(parse(text, published=date(2024, 3, 16)))
    # Filed on Thursday 14 March: "Friday" is 8 March, not the 15th, and the filing day is no event date.
    assert (event.start_date, event.end_date) == (date(2024, 3, 8), date(2024, 3, 8))


def test_a_french_wire_dateline_is_the_filing_day_too():
    from tests.sources.parsing.french_helpers import fr_parse

    text = (
        "BAMAKO, 11 juillet (AFP) – Des jihadistes du GSIM ont attaqué vendredi un poste de l'armée malienne "
        "près de Gao, tuant 12 soldats, selon une source sécuritaire."
    )
    event = only_event(fr_parse(text, date(2024, 7, 13)))
    assert (event.start_date, event.end_date) == (date(2024, 7, 5), date(2024, 7, 5))


def test_a_dateline_without_a_date_leaves_weekdays_to_the_publication_date():
    text = "BAMAKO (AFP) - Rebels attacked Gao on Friday, killing 12 soldiers, the Malian army said."
    event = only_event(parse(text, published=date(2024, 7, 28)))
    assert event.start_date == date(2024, 7, 26)
