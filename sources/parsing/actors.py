"""The actor dictionary and the search for its aliases in a text.

Aliases are matched on folded text (case, accents, punctuation and possessive
's ignored) with one Aho-Corasick automaton per dictionary, whole words only,
the longest match winning; matches are mapped back to original offsets.
Build an ActorDictionary once and reuse it: building is the expensive part.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from .lang import en
from .text import fold, fold_words

# Dictionary kinds whose aliases are ordinary nouns ("people", "residents"): the
# parser reads those from its generic-mention lexicon, in context, instead.
GENERIC_KINDS = frozenset({"civilians", "protesters", "rioters"})
# Open-ended ACLED periods: "Military Forces of Syria (2024-)" is the current one.
_PERIOD = re.compile(r"\((\d{4})-(\d{4})?\)\s*$")


@dataclass(frozen=True)
class ActorEntry:
    id: int | None
    name: str
    kind: str
    country: str = ""
    aliases: tuple[str, ...] = ()
    parent: str = ""  # the transnational organisation it is a branch or affiliate of ("Al-Qaeda")
    operates_in: tuple[str, ...] = ()  # countries a transnational group fights in, besides ``country``


@dataclass(frozen=True)
class ActorMatch:
    start: int
    end: int
    entry: ActorEntry
    alias: str


class ActorDictionary:
    def __init__(self, entries: Iterable[ActorEntry], jihadist_markers: Iterable[str] = en.JIHADIST_NAME_MARKERS):
        self.entries: list[ActorEntry] = list(entries)
        self._automaton = ahocorasick.Automaton()
        self._by_name: dict[str, ActorEntry] = {}
        self._by_exact_name: dict[str, ActorEntry] = {entry.name: entry for entry in reversed(self.entries)}
        self._by_folded_alias: dict[str, ActorEntry] = {}
        self._by_kind: dict[str, list[ActorEntry]] = {}
        self._affiliates: dict[str, list[ActorEntry]] = {}
        self._siblings: dict[str, list[ActorEntry]] = {}
        for entry in self.entries:
            if _PERIOD.search(entry.name):
                self._siblings.setdefault(_PERIOD.sub("", entry.name).strip(), []).append(entry)
        for entry in self.entries:
            self._by_name[fold(entry.name)] = entry
            self._by_kind.setdefault(entry.kind, []).append(entry)
            if entry.parent:
                self._affiliates.setdefault(entry.parent, []).append(entry)
            if entry.kind in GENERIC_KINDS:
                continue
            for alias in (entry.name, *entry.aliases):
                folded = fold(alias)
                if folded and folded not in self._by_folded_alias:
                    self._by_folded_alias[folded] = entry
                    self._automaton.add_word(folded, (len(folded), entry, alias, _needs_case(alias)))
        if len(self._automaton):
            self._automaton.make_automaton()
        markers = [fold(marker) for marker in jihadist_markers]
        self._jihadist = {entry.name for entry in self.entries if _mentions_any(entry, markers)}

    # ---------------------------------------------------------------- reading files
    @classmethod
    def from_yaml(
        cls, path: str | Path, jihadist_markers: Iterable[str] = en.JIHADIST_NAME_MARKERS
    ) -> "ActorDictionary":
        """Read a YAML list of {name, kind, country, aliases} (a file, or every *.yaml in a folder)."""
        import yaml

        path = Path(path)
        files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        entries = []
        for file in files:
            for row in yaml.safe_load(file.read_text(encoding="utf-8")) or []:
                entries.append(
                    ActorEntry(
                        id=row.get("id"),
                        name=str(row["name"]).strip(),
                        kind=row["kind"],
                        country=row.get("country") or "",
                        aliases=tuple(str(alias).strip() for alias in row.get("aliases") or ()),
                        parent=row.get("parent") or "",
                        operates_in=tuple(row.get("operates_in") or ()),
                    )
                )
        return cls(entries, jihadist_markers)

    # ---------------------------------------------------------------- matching
    def find(self, text: str) -> list[ActorMatch]:
        """Alias occurrences in text, whole words, longest first, never overlapping, in text order."""
        if not len(self._automaton):
            return []
        folded = fold_words(text)
        found = []
        for end, (length, entry, alias, needs_case) in self._automaton.iter(folded.text):
            start = end - length + 1
            if (start > 0 and folded.text[start - 1] != " ") or (
                end + 1 < len(folded.text) and folded.text[end + 1] != " "
            ):
                continue
            original_start, original_end = folded.original(start), folded.original(end) + 1
            if needs_case and not _case_agrees(alias, text[original_start:original_end]):
                continue
            found.append((length, start, ActorMatch(original_start, original_end, entry, alias)))
        found.sort(key=lambda item: (-item[0], item[1]))
        taken: list[ActorMatch] = []
        for _, _, match in found:
            if all(match.end <= other.start or match.start >= other.end for other in taken):
                taken.append(match)
        return sorted(taken, key=lambda match: match.start)

    # ---------------------------------------------------------------- lookups
    def by_name(self, name: str) -> ActorEntry | None:
        entry = self._by_exact_name.get(name)
        return entry if entry is not None else self._by_name.get(fold(name))

    def by_alias(self, alias: str) -> ActorEntry | None:
        return self._by_folded_alias.get(fold(alias))

    def is_jihadist(self, entry: ActorEntry) -> bool:
        return entry.name in self._jihadist

    def state_forces(self, country: str, police: bool = False) -> ActorEntry | None:
        """The country's military (or police) forces, the current period when ACLED splits them."""
        candidates = [entry for entry in self._by_kind.get("state_forces", ()) if entry.country == country]
        if not candidates:
            return None
        word = "police" if police else "military"
        return min(candidates, key=lambda entry: (word not in entry.name.lower(), _period_rank(entry.name), entry.name))

    def in_period(self, entry: ActorEntry, day) -> ActorEntry:
        """ACLED splits some forces by period ("Military Forces of Syria (2000-2024)" / "(2024-)"): the
        entry of the period holding ``day`` (a date, or None for today), whichever period's alias matched."""
        if day is None or not _PERIOD.search(entry.name):
            return entry
        stem = _PERIOD.sub("", entry.name).strip()
        siblings = self._siblings.get(stem, ())
        return next((other for other in siblings if _holds(other.name, day.year)), entry)

    def generic(self, kind: str, country: str = "") -> ActorEntry | None:
        """The dictionary's entry for civilians / protesters / rioters, of that country if it has one."""
        candidates = self._by_kind.get(kind, [])
        for entry in candidates:
            if country and entry.country == country:
                return entry
        return next((entry for entry in candidates if not entry.country), None)

    def affiliates(self, parent: str, country: str | None = None) -> list[ActorEntry]:
        """The branches and affiliates of a transnational group, those active in ``country`` if given."""
        found = self._affiliates.get(parent, [])
        if country is None:
            return list(found)
        return [entry for entry in found if entry.country == country or country in entry.operates_in]

    def of_kind(self, kind: str, country: str | None = None) -> list[ActorEntry]:
        return [entry for entry in self._by_kind.get(kind, ()) if country is None or entry.country == country]


def _needs_case(alias: str) -> bool:
    """Short acronyms ("FACT", "ANT", "IS") and capitalised one-word names ("Wagner")
    could be ordinary words in lowercase; they only match when capitalised in the text too."""
    letters = [char for char in alias if char.isalpha()]
    if not letters:
        return False
    if alias.isupper() and len(letters) <= 5:
        return True
    return " " not in fold(alias) and alias[:1].isupper()


def _case_agrees(alias: str, found: str) -> bool:
    if alias.isupper():
        return sum(char.isupper() for char in found) >= max(1, sum(char.isalpha() for char in found) - 1)
    return found[:1].isupper()


def _mentions_any(entry: ActorEntry, markers: list[str]) -> bool:
    names = " ".join(fold(name) for name in (entry.name, *entry.aliases))
    return any(re.search(rf"\b{re.escape(marker)}", names) for marker in markers)


def _period_rank(name: str) -> int:
    """0 for no period or an open one ("(2024-)"), 1 for a closed one ("(2000-2024)")."""
    match = _PERIOD.search(name)
    return 1 if match and match.group(2) else 0


def _holds(name: str, year: int) -> bool:
    """Whether an ACLED period in a name ("(2000-2024)", "(2024-)") holds the year (a border year in both)."""
    match = _PERIOD.search(name)
    if match is None:
        return True
    first, last = int(match.group(1)), int(match.group(2)) if match.group(2) else 9999
    return first <= year <= last
