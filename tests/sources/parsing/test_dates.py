from datetime import date

import pytest

from sources.parsing.dates import DateReader
from sources.parsing.lang import en, fr
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


def _days(text: str) -> list[date]:
    return [first for first, _, precision in dates(text, published=None) if precision == "day"]


def test_an_undated_report_takes_its_most_mentioned_year_and_a_tie_goes_to_the_latest():
    assert _days("The 2012 rebellion still weighs on the north. In 2021 the army returned. On 21 July clashes.") == [
        date(2021, 7, 21)
    ]
    assert _days("In 2019 and again in 2019 talks failed; in 2021 they resumed. On 21 July clashes.") == [
        date(2019, 7, 21)
    ]


def test_an_undated_reports_year_does_not_depend_on_the_process():
    import os
    import subprocess
    import sys

    code = (
        "from sources.parsing.dates import DateReader; from sources.parsing.lang import en; "
        "found = DateReader(en).find('After 2014, and in 2020, fighting broke out on 3 April.', None)[0]; "
        "print([m.first for m in found if m.precision == 'day'])"
    )
    seen = set()
    for seed in range(6):
        environment = {**os.environ, "PYTHONHASHSEED": str(seed)}
        run = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True)
        seen.add(run.stdout.strip())
    assert seen == {"[datetime.date(2020, 4, 3)]"}


def test_each_text_is_searched_for_the_calendar_words_it_holds_and_finds_every_date_however_written():
    # The anchors a text is scanned with are built from its own words: the same reader reads texts that name
    # different months, abbreviations and weekdays, in turn and in any case (French writes them lowercase).
    assert dates("Clashes on Sept. 3 and again on Friday.", published=date(2024, 9, 8)) == [
        (date(2024, 9, 3), date(2024, 9, 3), "day"),
        (date(2024, 9, 6), date(2024, 9, 6), "day"),
    ]
    assert dates("Fighting on 26 July, then a lull until Aug 2.", published=date(2024, 8, 5)) == [
        (date(2024, 7, 26), date(2024, 7, 26), "day"),
        (date(2024, 8, 2), date(2024, 8, 2), "day"),
    ]
    found = [(m.first, m.precision) for m in DateReader(fr).find("Attaque le 3 JUILLET, puis mardi 9 juil.", SUNDAY)[0]]
    assert found[0] == (date(2024, 7, 3), "day")
    assert (date(2024, 7, 9), "day") in found
    assert dates("No month here at all, only words.") == []
