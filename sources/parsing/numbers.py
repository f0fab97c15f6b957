"""Figures in text: "50", "1,200", "twenty-five", "two dozen", "at least 20", "between 10 and 15", "dozens".

Counting conventions (the claim fields):
- exact figure N: count_min = count_max = N, qualifier "exact"; a range "10 to 15",
  "10-15", "between 10 and 15": count_min 10, count_max 15, qualifier "exact".
- "at least N", "more than N", "over N", "N or more": qualifier "at_least", count_min = N
  (the stated figure, never N+1: no claim carries a number the text does not give), count_max None.
- "about/around/nearly/some N": qualifier "approximately", count_min = count_max = N.
- "up to N", "as many as N": qualifier "up_to", count_min None, count_max N.
- "dozens", "several", "scores", "heavy losses": qualifier "vague", no counts.
"""

import re
from dataclasses import dataclass
from types import ModuleType

from .text import Token, phrase_words


@dataclass(frozen=True)
class Quantity:
    first: int  # token index where the quantity (with its qualifier) starts
    last: int  # token index of its last token
    number_first: int  # token index of the figure itself (after the qualifier)
    count_min: int | None
    count_max: int | None
    qualifier: str

    @property
    def is_vague(self) -> bool:
        return self.qualifier == "vague"


class NumberReader:
    """Reads figures from token lists with one language's number words (compiled once)."""

    def __init__(self, lexicon: ModuleType):
        self.lex = lexicon
        self.qualifiers = sorted(
            ((phrase_words(lexicon, p), q) for p, q in lexicon.QUALIFIER_PHRASES), key=lambda x: -len(x[0])
        )
        self.trailing = [(phrase_words(lexicon, p), q) for p, q in lexicon.TRAILING_QUALIFIERS]
        self.vague = sorted((phrase_words(lexicon, p) for p in lexicon.VAGUE_QUANTITIES), key=len, reverse=True)
        self.qualifiers_by_start: dict[str, list] = {}
        for phrase, value in self.qualifiers:
            self.qualifiers_by_start.setdefault(phrase[0], []).append((phrase, value))
        self.vague_by_start: dict[str, list] = {}
        for phrase in self.vague:
            self.vague_by_start.setdefault(phrase[0], []).append(phrase)
        # Words a figure in words can start with ("quatre-vingt-dix" starts with "quatre").
        self.number_words = (
            set(lexicon.UNITS) | set(lexicon.TENS) | set(lexicon.MULTIPLIERS) | set(lexicon.INDEFINITE_ONE)
        )
        separators = re.escape(lexicon.THOUSANDS_SEPARATORS)
        self.grouped = re.compile(rf"\d{{1,3}}(?:[{separators}]\d{{3}})+(?:[.,]\d+)?")
        self.separators = re.compile(f"[{separators}]")
        self.decimal_comma = "." in lexicon.THOUSANDS_SEPARATORS
        # Words a quantity can start with: anything else is rejected at once (this runs on every token).
        self.starts = (
            {phrase[0] for phrase, _ in self.qualifiers}
            | {phrase[0] for phrase in self.vague}
            | set(lexicon.UNITS)
            | set(lexicon.TENS)
            | set(lexicon.INDEFINITE_ONE)
            | set(lexicon.RANGE_OPENERS)
            | {lexicon.HALF}
        )

    # ---------------------------------------------------------------- figures
    def number_at(self, tokens: list[Token], i: int) -> tuple[int, int] | None:
        """(value, index of last token) of a figure starting at token i, or None."""
        if i >= len(tokens):
            return None
        low = tokens[i].low
        if low[:1].isdigit():
            return self._digits_at(tokens, i)
        return self._words_at(tokens, i)

    def _digits_at(self, tokens: list[Token], i: int) -> tuple[int, int] | None:
        value = self._digits_value(tokens[i].low)
        if value is None:
            return None
        last = i
        if i + 1 < len(tokens) and tokens[i + 1].low in self.lex.MULTIPLIERS:  # "1.2 million"
            value *= self.lex.MULTIPLIERS[tokens[i + 1].low]
            last = i + 1
        if value != int(value):
            return None
        return int(value), last

    def _digits_value(self, low: str) -> float | None:
        if self.grouped.fullmatch(low):
            low = self.separators.sub("", low)
        try:
            return float(low.replace(",", ".") if self.decimal_comma else low)
        except ValueError:
            return None

    def _words_at(self, tokens: list[Token], i: int) -> tuple[int, int] | None:
        lex = self.lex
        if lex.read_number_words is not None:
            return self._words_by_lexicon(tokens, i)
        low = tokens[i].low
        following = tokens[i + 1].low if i + 1 < len(tokens) else ""
        if (
            low == lex.HALF
            and following in lex.INDEFINITE_ONE
            and i + 2 < len(tokens)
            and tokens[i + 2].low == lex.DOZEN
        ):
            return 6, i + 2
        if low in lex.INDEFINITE_ARTICLES and (following == lex.DOZEN or following in lex.MULTIPLIERS):
            return self._summed_words(tokens, i + 1, 1)  # "a dozen", "a hundred"
        return self._summed_words(tokens, i, None)

    def _words_by_lexicon(self, tokens: list[Token], i: int) -> tuple[int, int] | None:
        """A language that reads its own number words ("quatre-vingt-dix", "vingt et un")."""
        if tokens[i].low.split("-", 1)[0] not in self.number_words:
            return None
        words = [token.low for token in tokens[i : i + _LONGEST_NUMBER_PHRASE]]
        found = self.lex.read_number_words(words)
        return (found[0], i + found[1] - 1) if found else None

    def _summed_words(self, tokens: list[Token], j: int, current: int | None) -> tuple[int, int] | None:
        """ "twenty five", "two hundred and five", "three thousand": word values summed and multiplied."""
        lex = self.lex
        total, last = 0, None
        while j < len(tokens):
            low = tokens[j].low
            value = self._word_value(low)
            if value is not None:
                if current is None:
                    current = value
                elif _adds_to(current, value):
                    current += value
                else:
                    break
            elif low == lex.DOZEN and current is not None:
                current *= 12
            elif low in lex.MULTIPLIERS and current is not None:
                multiplier = lex.MULTIPLIERS[low]
                if multiplier == 100:
                    current *= 100
                else:
                    total, current = (total + current) * multiplier, None
            elif (
                low == lex.NUMBER_CONNECTOR
                and ((current or 0) >= 100 or total)
                and j + 1 < len(tokens)
                and self._word_value(tokens[j + 1].low) is not None
            ):
                j += 1
                continue
            else:
                break
            last, j = j, j + 1
        if last is None:
            return None
        return total + (current or 0), last

    def _word_value(self, low: str) -> int | None:
        lex = self.lex
        if low in lex.UNITS:
            return lex.UNITS[low]
        if low in lex.TENS:
            return lex.TENS[low]
        if "-" in low:
            tens, _, unit = low.partition("-")
            if tens in lex.TENS and unit in lex.UNITS and 0 < lex.UNITS[unit] < 10:
                return lex.TENS[tens] + lex.UNITS[unit]
        return None

    # ---------------------------------------------------------------- quantities
    def may_start(self, low: str) -> bool:
        """Whether a word can begin a quantity at all (checked on every token of every sentence)."""
        return low in self.starts or low[:1].isdigit() or low.split("-", 1)[0] in self.lex.TENS

    def quantity_at(self, tokens: list[Token], i: int) -> Quantity | None:
        """A figure with its qualifier (or a vague amount) starting at token i."""
        if not self.may_start(tokens[i].low):
            return None
        qualifier, j = self._qualifier_at(tokens, i)
        estimate = self._range_or_estimate_at(tokens, i, j, qualifier)
        if estimate is not None:
            return estimate
        number = self.number_at(tokens, j)
        if number is None:
            vague = self._vague_at(tokens, j)
            if vague is None:
                return None
            return Quantity(i, vague, j, None, None, "vague")
        value, last = number
        ranged = self._range_tail(tokens, last + 1, value)
        if ranged:
            high, last = ranged
            return Quantity(i, last, j, value, high, "exact" if qualifier == "exact" else qualifier)
        qualifier, last = self._trailing_qualifier(tokens, last, qualifier)
        return _with_qualifier(i, last, j, value, qualifier)

    def _qualifier_at(self, tokens: list[Token], i: int) -> tuple[str, int]:
        """The qualifier in front of a figure ("at least", "about") and where the figure starts."""
        low = tokens[i].low
        following = tokens[i + 1].low if i + 1 < len(tokens) else ""
        for phrase, value in self.qualifiers_by_start.get(low, ()):
            if len(phrase) > 1 and phrase[1] != following:
                continue
            if _phrase_at(tokens, i, phrase):
                return value, i + len(phrase)
        return "exact", i

    def _range_or_estimate_at(self, tokens: list[Token], i: int, j: int, qualifier: str) -> Quantity | None:
        """ "between 10 and 15", "une dizaine", "un grand nombre": forms read before a plain figure."""
        if j < len(tokens) and tokens[j].low in self.lex.RANGE_OPENERS:
            ranged = self._range_at(tokens, j + 1)
            if ranged:
                low, high, last = ranged
                return Quantity(i, last, j + 1, low, high, "exact")
        approximate = self._approximate_noun_at(tokens, j)
        if approximate is not None:
            value, last = approximate
            return _with_qualifier(i, last, j, value, "approximately" if qualifier == "exact" else qualifier)
        if j < len(tokens) and tokens[j].low in self.lex.INDEFINITE_ARTICLES:
            vague = self._vague_at(tokens, j)  # "un grand nombre", "a number of": no "one" in them
            if vague is not None:
                return Quantity(i, vague, j, None, None, "vague")
        return None

    def _trailing_qualifier(self, tokens: list[Token], last: int, qualifier: str) -> tuple[str, int]:
        """ "20 or more", "50-plus": a qualifier after the figure, and the figure's new last token."""
        for phrase, value_qualifier in self.trailing:
            if _phrase_at(tokens, last + 1, phrase) or (
                _phrase_at(tokens, last + 2, phrase) and tokens[last + 1].low == "-"
            ):
                skip = len(phrase) + (tokens[last + 1].low == "-")
                return value_qualifier, last + skip
        return qualifier, last

    def _approximate_noun_at(self, tokens: list[Token], i: int) -> tuple[int, int] | None:
        """ "une dizaine", "une centaine": a figure that is an estimate by its very noun."""
        if i + 1 >= len(tokens) or tokens[i].low not in self.lex.INDEFINITE_ARTICLES:
            return None
        value = self.lex.APPROXIMATE_NOUNS.get(tokens[i + 1].low)
        return (value, i + 1) if value else None

    def _range_at(self, tokens: list[Token], i: int) -> tuple[int, int, int] | None:
        first = self.number_at(tokens, i)
        if not first:
            return None
        tail = self._range_tail(tokens, first[1] + 1, first[0])
        if not tail:
            return None
        return first[0], tail[0], tail[1]

    def _range_tail(self, tokens: list[Token], i: int, low: int) -> tuple[int, int] | None:
        if i + 1 >= len(tokens) or tokens[i].low not in self.lex.RANGE_JOINERS:
            return None
        second = self.number_at(tokens, i + 1)
        # An increasing pair is a range ("10-15", "10 to 15"); "and" only after "between":
        # "killed 2 and wounded 10" or "2 soldiers and 10 civilians" are two figures.
        if not second or second[0] <= low:
            return None
        if tokens[i].low in self.lex.RANGE_WORD_JOINERS and not (
            i >= 2 and tokens[i - 2].low in self.lex.RANGE_OPENERS
        ):
            return None
        return second

    def _vague_at(self, tokens: list[Token], i: int) -> int | None:
        if i >= len(tokens):
            return None
        following = tokens[i + 1].low if i + 1 < len(tokens) else ""
        for phrase in self.vague_by_start.get(tokens[i].low, ()):
            if (len(phrase) == 1 or phrase[1] == following) and _phrase_at(tokens, i, phrase):
                return i + len(phrase) - 1
        return None


# The longest run of number words read as one figure: "mille deux cent quatre-vingt-dix-neuf".
_LONGEST_NUMBER_PHRASE = 8


def _with_qualifier(first: int, last: int, number_first: int, value: int, qualifier: str) -> Quantity:
    if qualifier == "at_least":
        return Quantity(first, last, number_first, value, None, qualifier)
    if qualifier == "up_to":
        return Quantity(first, last, number_first, None, value, qualifier)
    return Quantity(first, last, number_first, value, value, qualifier)


def _adds_to(current: int, value: int) -> bool:
    """ "twenty" + "five", "two hundred" + "five": a smaller word value adds to a round one."""
    return (20 <= current < 100 and current % 10 == 0 and value < 10) or (
        current >= 100 and current % 100 == 0 and value < 100
    )


def _phrase_at(tokens: list[Token], i: int, phrase: tuple[str, ...]) -> bool:
    if i < 0 or i + len(phrase) > len(tokens):
        return False
    return all(tokens[i + k].low == word for k, word in enumerate(phrase))
