"""Dates in a report, resolved against its publication date, with our own regexes (dateparser is far too slow).

- Absolute: "July 26", "26 July 2024", "July 26, 2024", "from July 22-27", "on the night of July 26 to 27, 2024".
- Relative: weekdays ("on Saturday", "Friday night", "early Tuesday": the latest such day on or before
  publication), "yesterday", "last week", "late July", "last November", "two years ago".
- Years alone ("since 2012") are kept at year precision: they mostly mark background.
Without a publication date only what the text spells out absolutely is kept (a day and month need a year
written somewhere in the text); relative expressions are dropped.
"""

import calendar
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from types import ModuleType


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    first: date
    last: date
    precision: str  # day, week, month, year
    text: str
    since: bool = False  # "since July 25": the start of something still going on

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class SameDayMention:
    """ "the same day", "that night": the date of the previous mention."""

    start: int
    end: int
    text: str


# The date patterns, tried in this order: longer, more specific patterns claim their text first (a night or a
# range before its days, a day before its month, a month before a year). {name} stands for a piece of
# DateReader._pattern_pieces (M a month, D a day, Y a year, wd a weekday, J a range joiner, ...).
_PATTERNS: tuple[tuple[str, str, int], ...] = (
    (
        "night_md",
        r"\b{night}\s+(?:{wd},?\s+)?(?P<m1>{M})\s+(?P<d1>{D})"
        r"\s*{J}\s*(?:{wd},?\s+)?(?:(?P<m2>{M})\s+)?(?P<d2>{D})(?:,?\s+(?P<y>{Y}))?",
        0,
    ),
    (
        "night_dm",
        r"\b{night}\s+(?:{wd},?\s+)?(?P<d1>{D})(?:\s+(?P<m1>{M}))?"
        r"\s*{J}\s*(?:{wd},?\s+)?(?P<d2>{D})\s+(?P<m2>{M})(?:,?\s+(?P<y>{Y}))?",
        0,
    ),
    ("range_md", r"\b(?P<m1>{M})\s+(?P<d1>{D})\s*{J}\s*(?:(?P<m2>{M})\s+)?(?P<d2>{D})(?:,?\s+(?P<y>{Y}))?", 0),
    ("range_dm", r"\b(?P<d1>{D})(?:\s+(?P<m1>{M}))?\s*{J}\s*(?P<d2>{D})\s+(?P<m2>{M})(?:,?\s+(?P<y>{Y}))?", 0),
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<mn>[01]\d)-(?P<d1>[0-3]\d)\b", 0),
    ("md", r"\b(?:{wd},?\s+)?(?P<m1>{M})\s+(?P<d1>{D})(?:,?\s+(?P<y>{Y}))?", 0),
    ("dm", r"\b(?:{wd},?\s+)?{A}(?P<d1>{D})\s+{L}(?P<m1>{M})(?:,?\s+(?P<y>{Y}))?", 0),
    ("part", r"\b(?P<part>{parts})[\s-]+(?P<m1>{M})(?:,?\s+(?P<y>{Y}))?", re.I),
    ("month", r"\b(?P<m1>{M})(?:,?\s+(?P<y>{Y}))?(?![\w-]){after}", 0),
    ("wd_range", r"\b(?P<w1>{wd})(?:\s+(?:{dayparts}))?\s*{J}\s*(?P<w2>{wd})", 0),
    ("weekday", r"\b{weekday_cued}", 0),
    ("relday", r"\b(?P<rel>{relative_days})\b", re.I),
    ("relweek", r"\b(?P<rel>{relative_weeks})\b", re.I),
    ("relmonth", r"\b(?P<rel>{relative_months})\b", re.I),
    ("ago", "{ago}", re.I),
    ("year", r"(?<![\d$€£.,/-])(?P<y>{Y})(?![\d%])(?!\s*(?:{pc}))", 0),
)


def _named(pattern: str, pieces: dict[str, str]) -> str:
    for name, value in pieces.items():
        pattern = pattern.replace("{" + name + "}", value)
    return pattern


class DateReader:
    def __init__(self, lexicon: ModuleType):
        self.lex = lexicon
        # Calendar words are capitalised in English running text and lowercase in French.
        self._cased = (lambda word: word.capitalize()) if lexicon.CALENDAR_CAPITALISED else (lambda word: word)
        pieces = self._pattern_pieces(lexicon)
        self.month_re, self.weekday_re = pieces["M"], pieces["wd"]
        self.dateline = _dateline_pattern(pieces)
        self.patterns: list[tuple[str, re.Pattern]] = [
            (kind, re.compile(_named(template, pieces), flags)) for kind, template, flags in _PATTERNS
        ]
        self._compile_word_tests(lexicon, pieces["A"])
        self._compile_anchors(lexicon)

    def _pattern_pieces(self, lexicon: ModuleType) -> dict[str, str]:
        """The regex pieces the date patterns are written with."""
        month, weekday = self._calendar_words(lexicon)
        cues_before = "|".join(re.escape(word) for word in lexicon.WEEKDAY_CUES_BEFORE)
        cues_after = "|".join(re.escape(word) for word in lexicon.WEEKDAY_CUES_AFTER)
        last_after = "|".join(map(re.escape, lexicon.LAST_AFTER))
        number_words = "|".join(sorted([*lexicon.UNITS, *lexicon.INDEFINITE_ARTICLES], key=len, reverse=True))
        return {
            "night": lexicon.NIGHT_OF,
            "wd": weekday,
            "M": month,
            "D": rf"(?:[0-3]?\d)(?:{lexicon.DAY_SUFFIXES})?(?!\d)",
            "J": lexicon.DATE_RANGE_JOINERS,
            "Y": r"(?:1[89]\d\d|20\d\d)(?!\d)",
            "A": rf"(?:{lexicon.DAY_ARTICLE}\s+)?",
            "L": rf"(?:{lexicon.DAY_MONTH_LINK}\s+)?" if lexicon.DAY_MONTH_LINK else "",
            "parts": "|".join(re.escape(part) for part in sorted(lexicon.MONTH_PARTS, key=len, reverse=True)),
            "after": rf"(?:\s+(?P<after>(?i:{last_after})))?" if lexicon.LAST_AFTER else "",
            "dayparts": "|".join(lexicon.DAY_PARTS),
            "weekday_cued": (
                (rf"(?:(?P<cue>(?i:{cues_before}))\s+)?" if cues_before else "")
                + rf"(?P<w1>{weekday})"
                + (rf"(?:\s+(?P<after>(?i:{cues_after})))?" if cues_after else "")
            ),
            "relative_days": _longest_first(lexicon.RELATIVE_DAYS),
            "relative_weeks": _longest_first(lexicon.RELATIVE_WEEKS),
            "relative_months": _longest_first(lexicon.RELATIVE_MONTHS),
            "ago": lexicon.AGO_PATTERN.replace("{N}", rf"\d+|{number_words}").replace(
                "{U}", "|".join(lexicon.NUMBER_AGO_UNITS)
            ),
            "pc": lexicon.PERCENT_WORDS,
        }

    def _calendar_words(self, lexicon: ModuleType) -> tuple[str, str]:
        """Alternations of the month names (longest first, "Jan." too) and of the weekdays, in their case."""
        cased = self._cased
        group = "(?:" if lexicon.CALENDAR_CAPITALISED else "(?i:"
        month_words = sorted(lexicon.MONTHS, key=len, reverse=True)
        month = (
            group
            + "|".join(
                re.escape(cased(word)) + (r"\.?" if _is_abbreviation(word, lexicon.MONTHS) else "")
                for word in month_words
            )
            + ")"
        )
        return month, group + "|".join(cased(word) for word in lexicon.WEEKDAYS) + ")"

    def _compile_word_tests(self, lexicon: ModuleType, article: str) -> None:
        cased = self._cased
        self.month_cue = re.compile(r"\b(?P<cue>" + "|".join(map(re.escape, lexicon.MONTH_CUES)) + r")\s+$", re.I)
        # Cheap tests that skip a pattern when none of the words it needs is in the text: scanning
        # an article with a pattern costs far more than looking words up in the set of its words.
        months = [(cased(word),) for word in lexicon.MONTHS]
        weekdays = [(cased(word),) for word in lexicon.WEEKDAYS]
        self.needs: dict[str, list[tuple[str, ...]]] = {
            **dict.fromkeys(_MONTH_PATTERNS, months),
            "wd_range": weekdays,
            "weekday": weekdays,
            "night_md": [],
            "night_dm": [],
            "part": _phrases(lexicon.MONTHS),
            "relday": _phrases(lexicon.RELATIVE_DAYS),
            "relweek": _phrases(lexicon.RELATIVE_WEEKS),
            "relmonth": _phrases(lexicon.RELATIVE_MONTHS),
            "ago": _phrases(lexicon.AGO_WORDS),
        }
        # Patterns that need a phrase in any case ("late july") look in the lowercased words.
        self.needs_lowercase = {"part", "relday", "relweek", "relmonth", "ago"}
        if not lexicon.CALENDAR_CAPITALISED:
            self.needs_lowercase |= {*_MONTH_PATTERNS, "wd_range", "weekday"}
        self.night_words = tuple(lexicon.NIGHT_WORDS)
        self.same_day_words = {phrase.split()[-1].lower() for phrase in lexicon.SAME_DAY}
        self.same_day = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in lexicon.SAME_DAY) + r")\b", re.I)
        self.since = re.compile(r"\b(?:" + "|".join(lexicon.SINCE) + r")\s+" + article + "$", re.I)

    def _compile_anchors(self, lexicon: ModuleType) -> None:
        cased = self._cased
        month_words = sorted(lexicon.MONTHS, key=len, reverse=True)
        # Every match of these patterns holds an anchor (a month or weekday name, a year): the
        # patterns run only around anchors, which a plain alternation finds many times faster.
        # The word tests above still come first: they skip even the anchor scan (callgrind: 20 % of the parser).
        # A calendar anchor alternates only the words of its kind that the text holds (one or two of the dozens
        # of month spellings): a shorter alternation scans a text faster (parser CPU -5 %).
        case_flags = 0 if lexicon.CALENDAR_CAPITALISED else re.I
        lowercase = not lexicon.CALENDAR_CAPITALISED
        month_anchor = AnchorWords(
            lowercase, tuple((cased(word), re.escape(cased(word))) for word in month_words), case_flags
        )
        weekday_anchor = AnchorWords(
            lowercase, tuple((cased(word), cased(word)) for word in lexicon.WEEKDAYS), case_flags
        )
        self.anchors: dict[str, AnchorWords | re.Pattern] = {
            **dict.fromkeys(_MONTH_PATTERNS, month_anchor),
            "part": AnchorWords(True, tuple((word, word) for word in month_words), re.I),
            "wd_range": weekday_anchor,
            "weekday": weekday_anchor,
            "year": re.compile(r"(?:1[89]|20)\d\d"),
        }

    def _anchor(self, kind: str, words: set[str], lowered: set[str]) -> re.Pattern | None:
        """The pattern that finds where a match of ``kind`` may be in a text with these words, or None when the
        pattern is run on the whole text."""
        anchor = self.anchors.get(kind)
        if not isinstance(anchor, AnchorWords):
            return anchor
        present = lowered if anchor.lowercase else words
        return _alternation(tuple(pattern for word, pattern in anchor.alternatives if word in present), anchor.flags)

    # ---------------------------------------------------------------- reading
    def _may_match(self, kind: str, text: str, words: set[str], lowered: set[str]) -> bool:
        if kind == "iso":
            return "-" in text
        if kind == "year":
            return "19" in text or "20" in text
        if kind.startswith("night") and not all(word in lowered for word in self.night_words):
            return False
        needed = self.needs.get(kind)
        if not needed:
            return True
        present = lowered if kind in self.needs_lowercase else words
        return any(all(word in present for word in phrase) for phrase in needed)

    def _filing_date(self, text: str, published: date | None) -> tuple[tuple[int, int], date] | None:
        """The span and date of a wire dateline at the top of the report, if it has one."""
        match = self.dateline.match(text)
        if match is None:
            return None
        month = self._month(match.group("m1") or match.group("m2"))
        day = int(_digits(match.group("d1") or match.group("d2")))
        year = int(match.group("y")) if match.group("y") else None
        filed = self._day_date(year, month, day, published, published.year if published else _most_common_year(text))
        if filed is None or (published and not published - timedelta(days=7) <= filed <= published + timedelta(days=1)):
            return None
        start = match.start("m1") if match.group("m1") else match.start("d2")
        return (start, match.end("y") if match.group("y") else max(match.end("d1"), match.end("m2"))), filed

    def find(self, text: str, published: date | None) -> tuple[list[DateMention], list[SameDayMention]]:
        taken: list[tuple[int, int]] = []
        mentions: list[DateMention] = []
        filing = self._filing_date(text, published)
        if filing is not None:
            taken.append(filing[0])  # the day it was filed is not a date of the event
            published = filing[1]  # "on Wednesday" is the latest Wednesday on or before the filing day
        default_year = published.year if published else _most_common_year(text)
        words = set(_WORD.findall(text))
        lowered = {word.lower() for word in words}
        windows: dict[re.Pattern, list[tuple[int, int]]] = {}
        for kind, pattern in self.patterns:
            if not self._may_match(kind, text, words, lowered):
                continue
            anchor = self._anchor(kind, words, lowered)
            if anchor is not None and anchor not in windows:
                windows[anchor] = _windows(text, anchor)
            for match in _matches(pattern, text, windows[anchor] if anchor is not None else [(0, len(text))]):
                start, end = match.span()
                if any(start < b and end > a for a, b in taken):
                    continue
                if kind == "year" and not self._looks_like_year(text, start, end):
                    continue
                cue, start = self._month_cue(kind, match, text, start)
                resolved = self._resolve(kind, match, published, default_year, cue)
                if resolved is None:
                    if kind in _TAKEN_WHEN_UNPLACED:
                        taken.append((start, end))
                    continue
                mention = self._mention(text, start, end, resolved, cue, published)
                if mention is not None:
                    mentions.append(mention)
                    taken.append((start, end))
        return sorted(mentions, key=lambda mention: mention.start), self._same_days(text, lowered)

    def _month_cue(self, kind: str, match: re.Match, text: str, start: int) -> tuple[str, int]:
        """The cue word of a month and where the mention starts with it: "juillet dernier", "last November"."""
        if kind != "month":
            return "", start
        if match.groupdict().get("after"):
            return self.lex.LAST, start
        window = max(0, start - 8)
        found = self.month_cue.search(text[window:start])
        if found:  # "last November", "in July"
            return found.group("cue"), window + found.start()
        return "", start

    def _mention(self, text: str, start: int, end: int, resolved, cue: str, published) -> DateMention | None:
        """The mention of a resolved date; None in the future (a plan, not an event); what runs past the
        publication date ends on it."""
        first, last, precision = resolved
        if published and first > published + timedelta(days=1):
            return None
        if published and last > published:
            last = max(first, published)
        since = cue.lower() in self.lex.SINCE or bool(self.since.search(text[max(0, start - 12) : start]))
        return DateMention(start, end, first, last, precision, text[start:end], since)

    def _same_days(self, text: str, lowered: set[str]) -> list[SameDayMention]:
        if not lowered & self.same_day_words:
            return []
        return [SameDayMention(*m.span(), m.group()) for m in self.same_day.finditer(text)]

    def _looks_like_year(self, text: str, start: int, end: int) -> bool:
        """ "in 2012", "since 2012", "2020 and 2021", "2012," are years; "2000 people" is a count."""
        before = text[max(0, start - 12) : start].lower().split()
        if before and before[-1].strip(",(") in self.lex.YEAR_CUES:
            return True
        after = text[end : end + 12].lstrip()
        return not after or after[0] in ",.;:)'’\"”" or after.split()[0].lower() in self.lex.YEAR_LIST_JOINERS

    def _resolve(self, kind: str, match: re.Match, published: date | None, default_year: int | None, cue: str = ""):
        """(first, last, precision) of a match of the pattern ``kind``; None when it names no date we can place.
        Relative expressions ("on Saturday", "last week") need the publication date."""
        resolver = self.ABSOLUTE.get(kind)
        if resolver is not None:
            return resolver(self, match.groupdict(), published, default_year, cue)
        resolver = self.RELATIVE.get(kind)
        if resolver is None or published is None:
            return None
        return resolver(self, match.groupdict(), published)

    # ------------------------------------------------ absolute dates: (groups, published, default year, cue)
    def _day_range(self, groups, published, default_year, cue):
        """ "July 22-27", "on the night of July 26 to 27": at most two months long."""
        month1 = self._month(groups.get("m1") or groups.get("m2"))
        month2 = self._month(groups.get("m2") or groups.get("m1"))
        year = int(groups["y"]) if groups.get("y") else None
        first = self._day_date(year, month1, int(_digits(groups["d1"])), published, default_year)
        last = self._day_date(year, month2, int(_digits(groups["d2"])), published, default_year)
        if not first or not last or last < first or (last - first).days > MAX_RANGE_DAYS:
            return None
        return first, last, "day"

    def _iso_day(self, groups, published, default_year, cue):
        try:
            day = date(int(groups["y"]), int(groups["mn"]), int(groups["d1"]))
        except ValueError:
            return None
        return day, day, "day"

    def _month_day(self, groups, published, default_year, cue):
        """ "July 26", "26 juillet 2024"."""
        year = int(groups["y"]) if groups.get("y") else None
        day = self._day_date(year, self._month(groups["m1"]), int(_digits(groups["d1"])), published, default_year)
        return (day, day, "day") if day else None

    def _month_part(self, groups, published, default_year, cue):
        """ "late July", "début août"."""
        month = self._month(groups["m1"])
        year = int(groups["y"]) if groups.get("y") else self._month_year(month, published, default_year, "in")
        if year is None:
            return None
        low, high = self.lex.MONTH_PARTS[groups["part"].lower()]
        last_day = calendar.monthrange(year, month)[1]
        return date(year, month, low), date(year, month, min(high, last_day)), "month"

    def _whole_month(self, groups, published, default_year, cue):
        """ "in July", "last November", "juillet 2024"; "May" alone is too often a verb or a name."""
        if not groups.get("y") and not cue:
            return None
        month = self._month(groups["m1"])
        cue = cue.lower()
        year = int(groups["y"]) if groups.get("y") else self._month_year(month, published, default_year, cue)
        if year is None:
            return None
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"

    def _whole_year(self, groups, published, default_year, cue):
        year = int(groups["y"])
        return date(year, 1, 1), date(year, 12, 31), "year"

    # ------------------------------------------------ relative dates: (groups, published)
    def _weekday_range(self, groups, published):
        """ "Saturday to Monday": the latest such days on or before publication."""
        first = _weekday_on_or_before(published, self.lex.WEEKDAYS[groups["w1"].lower()])
        last = _weekday_on_or_before(published, self.lex.WEEKDAYS[groups["w2"].lower()])
        if last < first:
            first -= timedelta(days=7)
        return first, last, "day"

    def _weekday(self, groups, published):
        """ "on Saturday", "last Friday" (a week before when it is the publication day); "next Monday" is a plan."""
        cue = self.lex.WEEKDAY_CUES_BEFORE.get((groups.get("cue") or "").lower()) or self.lex.WEEKDAY_CUES_AFTER.get(
            (groups.get("after") or "").lower(), ""
        )
        if cue == "next":
            return None
        day = _weekday_on_or_before(published, self.lex.WEEKDAYS[groups["w1"].lower()])
        if cue == "last" and day == published:
            day -= timedelta(days=7)
        return day, day, "day"

    def _relative_day(self, groups, published):
        day = published + timedelta(days=self.lex.RELATIVE_DAYS[groups["rel"].lower()])
        return day, day, "day"

    def _relative_week(self, groups, published):
        """ "last week" (Monday to Sunday), "at the weekend"."""
        offset = self.lex.RELATIVE_WEEKS[groups["rel"].lower()]
        if offset == "weekend":
            sunday = _weekday_on_or_before(published, 6)
            saturday = _weekday_on_or_before(published, 5)
            return min(saturday, sunday), max(saturday, sunday), "day"
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        return monday, monday + timedelta(days=6), "week"

    def _relative_month(self, groups, published):
        offset = self.lex.RELATIVE_MONTHS[groups["rel"].lower()]
        year, month = published.year, published.month + offset
        if month < 1:
            year, month = year - 1, month + 12
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"

    def _time_ago(self, groups, published):
        """ "two days ago", "three years ago" (that whole year)."""
        amount = groups["n"].lower()
        count = int(amount) if amount.isdigit() else self.lex.UNITS.get(amount, 1)
        unit = groups["unit"].lower()
        day = published - timedelta(days=count * self.lex.NUMBER_AGO_UNITS[unit])
        precision = {1: "day", 7: "week", 30: "month", 365: "year"}[self.lex.NUMBER_AGO_UNITS[unit]]
        if precision == "year":
            return date(day.year, 1, 1), date(day.year, 12, 31), "year"
        return day, day, precision

    # The resolver of each pattern of _PATTERNS; a pattern in neither table gives no date.
    ABSOLUTE = {
        "night_md": _day_range,
        "night_dm": _day_range,
        "range_md": _day_range,
        "range_dm": _day_range,
        "iso": _iso_day,
        "md": _month_day,
        "dm": _month_day,
        "part": _month_part,
        "month": _whole_month,
        "year": _whole_year,
    }
    RELATIVE = {
        "wd_range": _weekday_range,
        "weekday": _weekday,
        "relday": _relative_day,
        "relweek": _relative_week,
        "relmonth": _relative_month,
        "ago": _time_ago,
    }

    def _month(self, word: str | None) -> int:
        return self.lex.MONTHS[word.rstrip(".").lower()]

    @staticmethod
    def _day_date(
        year: int | None, month: int, day: int, published: date | None, default_year: int | None
    ) -> date | None:
        try:
            if year:
                return date(year, month, day)
            if default_year is None:
                return None
            candidate = date(default_year, month, day)
            # A day-month without a year is the latest one not after publication (a week's slack for late edits).
            if published and candidate > published + timedelta(days=7):
                candidate = date(default_year - 1, month, day)
            return candidate
        except ValueError:
            return None

    def _month_year(self, month: int, published: date | None, default_year: int | None, cue: str) -> int | None:
        if published is None:
            return default_year
        if month > published.month or (month == published.month and cue == self.lex.LAST):
            return published.year - 1
        return published.year


_WORD = re.compile(r"[^\W\d_]+")
# A month or weekday that could not be placed is still not a number: its words are kept from the other patterns.
_TAKEN_WHEN_UNPLACED = {"month", "weekday", "md", "dm"}
# A range of days longer than this is two dates, not one event's span ("from 22 July to 27 September").
MAX_RANGE_DAYS = 62
_MONTH_PATTERNS = {"night_md", "night_dm", "range_md", "range_dm", "md", "dm", "part", "month"}


# Around an anchor, how far a match can reach: "on the night of Friday, July 26 to Saturday, July 27, 2024".
_BEFORE_ANCHOR, _AFTER_ANCHOR = 48, 96


def _is_abbreviation(word: str, months: dict[str, int]) -> bool:
    """ "Jan", "Sept", "févr": a shorter spelling of another name of the same month (it may take a dot)."""
    return any(other != word and other.startswith(word) and number == months[word] for other, number in months.items())


def _longest_first(phrases) -> str:
    return "|".join(re.escape(k) for k in sorted(phrases, key=len, reverse=True))


def _dateline_pattern(pieces: dict[str, str]) -> re.Pattern:
    """A wire dateline: "KHARTOUM, March 14 (Reuters) -", "OUAGADOUGOU, 10 septembre (AFP) -". Its date is
    the day the report was filed, not the event's; weekdays in the body are resolved against it."""
    weekday, month, day, year = pieces["wd"], pieces["M"], pieces["D"], pieces["Y"]
    return re.compile(
        r"\A\s*(?:[^\n]{0,200}\n\s*){0,2}?[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'’ .-]{2,40}"
        r"(?:,[^\S\n]*[A-Z][^\W\d_]+(?:[^\S\n][A-Z][^\W\d_]+)?)?,[^\S\n]+"
        rf"(?:{weekday},?[^\S\n]+)?(?:(?P<m1>{month})[^\S\n]+(?P<d1>{day})|(?P<d2>{day})[^\S\n]+(?P<m2>{month}))"
        rf"(?:,?[^\S\n]+(?P<y>{year}))?[^\S\n]*(?:\([^)\n]{{1,30}}\))?[^\S\n]*[-–—:]"
    )


def _phrases(phrases) -> list[tuple[str, ...]]:
    return [tuple(phrase.split()) for phrase in phrases]


def _windows(text: str, anchor: re.Pattern) -> list[tuple[int, int]]:
    """Stretches of text around each anchor, merged, cut at whitespace so that every word
    boundary and lookaround reads the same in the stretch as in the whole text."""
    windows: list[tuple[int, int]] = []
    for match in anchor.finditer(text):
        start = max(0, match.start() - _BEFORE_ANCHOR)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = min(len(text), match.end() + _AFTER_ANCHOR)
        while end < len(text) and not text[end].isspace():
            end += 1
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


@dataclass(frozen=True)
class AnchorWords:
    """Calendar words that anchor a pattern: ``alternatives`` are (the word as the text's word set holds it, its
    regex), looked up in the text's lowercased words when ``lowercase``, else in its words as written."""

    lowercase: bool
    alternatives: tuple[tuple[str, str], ...]
    flags: int


@lru_cache(maxsize=512)
def _alternation(alternatives: tuple[str, ...], flags: int) -> re.Pattern:
    """One pattern for the alternatives, compiled once: a text names few calendar words, and each combination
    recurs from article to article. With none it matches nothing."""
    return re.compile("|".join(alternatives) if alternatives else r"(?!)", flags)


def _matches(pattern: re.Pattern, text: str, windows: list[tuple[int, int]]):
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


def _digits(text: str) -> str:
    return re.match(r"\d+", text).group()


def _weekday_on_or_before(published: date, weekday: int) -> date:
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _most_common_year(text: str) -> int | None:
    if "19" not in text and "20" not in text:
        return None
    years = [int(year) for year in re.findall(r"(?<!\d)(20\d\d|19\d\d)(?!\d)", text)]
    if not years:
        return None
    # A tie goes to the latest year: the years a report recalls (an earlier war, a past accord) are older than what
    # it reports. (Ties broken by a set's order made an undated report's date change between processes.)
    counts = Counter(years)
    return max(counts, key=lambda year: (counts[year], year))
