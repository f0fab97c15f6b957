import pytest

from sources.parsing.lang import en
from sources.parsing.numbers import NumberReader
from sources.parsing.text import tokenize

READER = NumberReader(en)


def quantity(text):
    q = READER.quantity_at(tokenize(text), 0)
    return (q.count_min, q.count_max, q.qualifier) if q else None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("50 soldiers", (50, 50, "exact")),
        ("1,200 people", (1200, 1200, "exact")),
        ("twenty-five rebels", (25, 25, "exact")),
        ("two hundred and fifty", (250, 250, "exact")),
        ("a dozen", (12, 12, "exact")),
        ("two dozen", (24, 24, "exact")),
        ("at least 20", (20, None, "at_least")),
        ("more than 120", (120, None, "at_least")),
        ("20 or more", (20, None, "at_least")),
        ("about 30", (30, 30, "approximately")),
        ("nearly 40", (40, 40, "approximately")),
        ("up to 15", (None, 15, "up_to")),
        ("as many as 15", (None, 15, "up_to")),
        ("between 10 and 15", (10, 15, "exact")),
        ("10 to 15", (10, 15, "exact")),
        ("10-15", (10, 15, "exact")),
        ("dozens of", (None, None, "vague")),
        ("hundreds of", (None, None, "vague")),
        ("several", (None, None, "vague")),
    ],
)
def test_it_reads_figures_with_their_qualifiers(text, expected):
    assert quantity(text) == expected


def test_more_than_keeps_the_stated_figure_rather_than_inventing_one_more():
    assert quantity("more than 50")[0] == 50


def test_two_coordinated_figures_are_not_a_range():
    assert quantity("2 and 10") == (2, 2, "exact")


def test_an_ordinary_word_is_no_figure():
    assert quantity("the army") is None
