"""Place names: candidates from the text, one gazetteer lookup, ranking, and the action's location.

Candidates are capitalised token runs (and their sub-runs) that are not actors,
countries, dates, people or common words. Each is looked up once; a gazetteer
candidate counts when its name folds to the same string, or shares the sound
key and is close in spelling (rapidfuzz ratio >= 80), and it is ranked by
agreement with the countries and regions the report names and by population.
A name the gazetteer does not know is kept when the text clearly uses it as a
place ("in X", "the town of X", "the X sector").
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .document import Document
from .gazetteer import ADMIN1, COUNTRY, Gazetteer, PlaceCandidate
from .normalize import normalize_name, sound_key
from .text import Sentence, phrase_words

FUZZY_MIN = 80
ACCEPT_SCORE = 1.2
MAX_NAME_TOKENS = 4


@dataclass
class PlaceMention:
    start: int
    end: int
    sentence: int
    first_token: int
    last_token: int
    text: str
    candidate: PlaceCandidate | None = None
    preposition: str = ""  # the location preposition in front ("in", "near", "south of")
    settlement: bool = False  # "the town of X", "X village", "the X sector"
    region: bool = False  # "X region", "the province of X"
    dateline: bool = False
    non_action: bool = False  # "based in X", "X said" (a capital standing for its government)


@dataclass
class Places:
    mentions: list[PlaceMention] = field(default_factory=list)
    regions: list[tuple[PlaceMention, PlaceCandidate]] = field(default_factory=list)
    border_countries: list[tuple[int, str]] = field(default_factory=list)  # (sentence, ISO2) of "near the X border"


class PlaceFinder:
    def __init__(self, lexicon):
        self.lex = lexicon
        self.months_weekdays = set(lexicon.MONTHS) | set(lexicon.WEEKDAYS)
        self.prepositions = sorted((phrase_words(lexicon, p) for p in lexicon.LOCATION_PREPOSITIONS), key=len, reverse=True)
        self.settlements = {phrase_words(lexicon, p) for p in lexicon.SETTLEMENT_NOUNS}
        self.demonyms = {name.lower(): code for name, code in lexicon.DEMONYMS.items()}
        self.country_names = {name.lower(): code for name, code in lexicon.COUNTRY_NAMES.items()}

    # ---------------------------------------------------------------- candidates
    def find(self, doc: Document, gazetteer: Gazetteer) -> Places:
        lowercase_words = {token.low for s in doc.sentences for token in s.tokens if token.text.islower()}
        excluded = self._excluded_tokens(doc)
        persons = self._person_words(doc)
        raw: list[PlaceMention] = []
        for sentence in doc.sentences:
            if sentence.is_boilerplate or _title_case(sentence):
                continue
            for first, last in self._capitalised_runs(sentence, excluded):
                raw.extend(self._run_mentions(doc, sentence, first, last, lowercase_words, persons))
        names = sorted({m.text for m in raw})
        found = gazetteer.lookup(names) if names else {}
        places = Places()
        mentioned = {c.code for c in doc.countries}
        region_names = {normalize_name(m.text) for m in raw if m.region}
        for mention in raw:
            mention.candidate = self._best(mention, found.get(mention.text, []), doc.main_country, mentioned, region_names)
            if mention.region:
                region = self._region(doc, gazetteer, mention)
                if region:
                    places.regions.append((mention, region))
                continue
            if mention.candidate is not None and mention.candidate.feature_code == COUNTRY:
                continue
            if mention.candidate is not None or mention.preposition or mention.settlement:
                places.mentions.append(mention)
        places.mentions = _maximal(places.mentions)
        places.border_countries = self._borders(doc)
        return places

    def _excluded_tokens(self, doc: Document) -> set[tuple[int, int]]:
        excluded = set()
        for mention in doc.mentions:
            excluded.update((mention.sentence, i) for i in range(mention.first_token, mention.last_token + 1))
        by_sentence: dict[int, list] = defaultdict(list)
        for country in doc.countries:
            by_sentence[country.sentence].append(country)
        for index, countries in by_sentence.items():
            for token in doc.sentences[index].tokens:
                if any(c.start <= token.start < c.end for c in countries):
                    excluded.add((index, token.index))
        return excluded

    def _person_words(self, doc: Document) -> set[str]:
        """Words of people's names: after a title, before "said", or in "Name Name, a spokesman for"."""
        words = set()
        for sentence in doc.sentences:
            tokens = sentence.tokens
            for first, last in self._capitalised_runs(sentence, set()):
                # A run that ends in a date word or a connector ("Port Town on Monday, the ...") is no name.
                dated = self._bad_edge(tokens[last].low) or _lower_connector(tokens[last], self.lex)
                before = tokens[first - 1].low.rstrip(".") if first > 0 else ""
                after = tokens[last + 1].low if last + 1 < len(tokens) else ""
                after2 = tokens[last + 2].low if last + 2 < len(tokens) else ""
                titled = before in self.lex.PERSON_TITLES or tokens[first].low.rstrip(".") in self.lex.PERSON_TITLES
                speaking = after in self.lex.PERSON_VERBS or (
                    after == "," and after2 in self.lex.ARTICLES and last > first and not dated
                    and before not in self.lex.LOCATION_PREPOSITIONS
                )  # fmt: skip
                if titled or (speaking and last > first) or (speaking and first > 0):
                    words.update(token.low for token in tokens[first : last + 1] if token.low not in self.lex.PERSON_TITLES)
        return words

    def _capitalised_runs(self, sentence: Sentence, excluded: set) -> list[tuple[int, int]]:
        runs, start = [], None
        tokens = sentence.tokens
        for token in tokens:
            usable = (sentence.index, token.index) not in excluded and (
                (token.is_cap and token.text[:1].isalpha())
                or (start is not None and token.low in self.lex.NAME_CONNECTORS and token.index + 1 < len(tokens)
                    and tokens[token.index + 1].is_cap)  # fmt: skip
            )
            if usable and start is None:
                start = token.index
            elif not usable and start is not None:
                runs.append((start, token.index - 1))
                start = None
        if start is not None:
            runs.append((start, len(tokens) - 1))
        return runs

    def _run_mentions(self, doc, sentence, first, last, lowercase_words, persons) -> list[PlaceMention]:
        tokens = sentence.tokens
        # Strip words that cannot begin or end a place name.
        while first <= last and self._bad_edge(tokens[first].low):
            first += 1
        while last >= first and (self._bad_edge(tokens[last].low) or _lower_connector(tokens[last], self.lex)):
            last -= 1
        if first > last or last - first + 1 > 6:
            return []
        mentions = []
        for length in range(min(MAX_NAME_TOKENS, last - first + 1), 0, -1):
            for start in range(first, last - length + 2):
                end = start + length - 1
                # "El Fasher" and "La Paz" begin with a capitalised connector; "of" never begins a name.
                if _lower_connector(tokens[start], self.lex) or tokens[end].low in self.lex.NAME_CONNECTORS:
                    continue
                if length < last - first + 1 and length == 1 and tokens[start].low in self.lex.COMPASS_WORDS:
                    continue
                mention = self._mention(doc, sentence, start, end, lowercase_words, persons)
                if mention:
                    mentions.append(mention)
        return mentions

    def _adjectival(self, word: str) -> bool:
        parts = word.split("-")
        return len(parts) > 1 and (parts[-1] in self.lex.ADJECTIVE_SUFFIXES or any(part in self.demonyms or part in self.country_names for part in parts))

    def _bad_edge(self, low: str) -> bool:
        return low in self.lex.NON_PLACE_WORDS or low in self.months_weekdays or low in self.lex.PERSON_TITLES

    def _mention(self, doc, sentence, first, last, lowercase_words, persons) -> PlaceMention | None:
        tokens = sentence.tokens
        words = [token.low for token in tokens[first : last + 1]]
        if any(word in persons for word in words) and len(words) <= 3:
            return None
        if " ".join(words) in self.lex.SUPRANATIONAL_REGIONS or any(self._adjectival(word) for word in words):
            return None
        if len(words) == 1:
            word = words[0]
            if word in lowercase_words or word in self.lex.NON_PLACE_WORDS or len(word) < 3:
                return None
            if first == 0 and not tokens[0].text.isupper() and not self._capitalised_elsewhere(doc, word, sentence):
                return None
        text = sentence.span_text(first, last)
        mention = PlaceMention(tokens[first].start, tokens[last].end, sentence.index, first, last, text)
        mention.preposition = self._preposition_before(sentence, first)
        mention.settlement = self._settlement_around(sentence, first, last)
        mention.region = self._region_after(sentence, first, last)
        mention.dateline = self._is_dateline(sentence, first, last)
        mention.non_action = self._non_action(sentence, first, last)
        return mention

    @staticmethod
    def _capitalised_elsewhere(doc: Document, word: str, here: Sentence) -> bool:
        # Sentences where each word is capitalised inside a sentence, indexed once per document.
        index = getattr(doc, "_capitalised_index", None)
        if index is None:
            index = {}
            for sentence in doc.sentences:
                for token in sentence.tokens:
                    if token.is_cap and token.index > 0:
                        index.setdefault(token.low, set()).add(sentence.index)
            doc._capitalised_index = index
        return bool(index.get(word, set()) - {here.index})

    def _preposition_before(self, sentence: Sentence, first: int) -> str:
        tokens = sentence.tokens
        k = first - 1
        while k >= 0 and tokens[k].low in self.lex.ARTICLES or (k >= 0 and tokens[k].low in self.lex.COMPASS_WORDS):
            k -= 1
        # "the town of X", "the border town of X": the preposition before the settlement noun.
        if k >= 1 and tokens[k].low in self.lex.OWNER_OF_WORDS and tuple([tokens[k - 1].low]) in self.settlements:
            k -= 2
            while k >= 0 and (tokens[k].low in self.lex.ARTICLES or tokens[k].low in self.lex.SETTLEMENT_ADJECTIVES
                              or tokens[k].low in self.lex.COMPASS_WORDS):  # fmt: skip
                k -= 1
        for phrase in self.prepositions:
            n = len(phrase)
            if k - n + 1 >= 0 and tuple(token.low for token in tokens[k - n + 1 : k + 1]) == phrase:
                return " ".join(phrase)
        return ""

    def _settlement_around(self, sentence: Sentence, first: int, last: int) -> bool:
        tokens = sentence.tokens
        after = tokens[last + 1].low if last + 1 < len(tokens) else ""
        before = (tokens[first - 2].low, tokens[first - 1].low) if first >= 2 else ("", "")
        return (after,) in self.settlements or (before[1] in self.lex.OWNER_OF_WORDS and (before[0],) in self.settlements)

    def _region_after(self, sentence: Sentence, first: int, last: int) -> bool:
        tokens = sentence.tokens
        after = tokens[last + 1].low if last + 1 < len(tokens) else ""
        if first >= 1 and tokens[first - 1].low in self.lex.ARTICLES:
            first -= 1  # "la province de l'Ituri"
        before = (tokens[first - 2].low, tokens[first - 1].low) if first >= 2 else ("", "")
        return after in self.lex.REGION_NOUNS or (before[1] in self.lex.OWNER_OF_WORDS and before[0] in self.lex.REGION_NOUNS)

    def _is_dateline(self, sentence: Sentence, first: int, last: int) -> bool:
        tokens = sentence.tokens
        if first != 0 or sentence.index > 3:
            return False
        after = tokens[last + 1].text if last + 1 < len(tokens) else ""
        return tokens[0].text.isupper() and (after in (",", ":", "(", "—", "-", "–") or last == len(tokens) - 1)

    def _non_action(self, sentence: Sentence, first: int, last: int) -> bool:
        tokens = sentence.tokens
        before = " ".join(token.low for token in tokens[max(0, first - 3) : first])
        after = tokens[last + 1].low if last + 1 < len(tokens) else ""
        if any(before.endswith(cue) for cue in self.lex.NON_ACTION_PLACE_CUES):
            return True
        # "Bamako said", "Moscow has denied": a capital standing for its government.
        return after in self.lex.ATTRIBUTION_VERBS or after in self.lex.AUXILIARIES and last + 2 < len(tokens) and (
            tokens[last + 2].low in self.lex.ATTRIBUTION_VERBS or tokens[last + 2].low in self.lex.DENIAL_VERBS
        )

    # ---------------------------------------------------------------- ranking
    def _best(self, mention: PlaceMention, candidates: list[PlaceCandidate], main: str, mentioned: set[str],
              region_names: set[str]) -> PlaceCandidate | None:  # fmt: skip
        wanted = normalize_name(mention.text)
        best, best_score = None, ACCEPT_SCORE
        for candidate in candidates:
            if _is_code(candidate.matched_name) and not _is_code(mention.text):
                continue  # an airport or postal code among GeoNames' alternates ("GAO"): not the town "Gao"
            matched = normalize_name(candidate.matched_name or candidate.name)
            if matched == wanted:
                score = 1.0
            elif sound_key(candidate.matched_name or candidate.name) == sound_key(mention.text) and fuzz.ratio(matched, wanted) >= FUZZY_MIN:
                score = 0.8
            else:
                continue
            if main:
                score += 1.0 if candidate.country == main else 0.4 if candidate.country in mentioned else -0.6
            if candidate.admin1_name and normalize_name(candidate.admin1_name) in region_names:
                score += 0.3
            score += min(0.5, math.log10(candidate.population + 1) / 12)
            if candidate.feature_code == ADMIN1 and not mention.region:
                score -= 0.2
            if score > best_score:
                best, best_score = candidate, score
        return best

    def _region(self, doc: Document, gazetteer: Gazetteer, mention: PlaceMention) -> PlaceCandidate | None:
        country = mention.candidate.country if mention.candidate else doc.main_country
        if not country:
            return None
        return gazetteer.admin1(country, mention.text)

    def _borders(self, doc: Document) -> list[tuple[int, str]]:
        """ "near the Algerian border", "the border with Algeria": the neighbour's ISO2, by sentence."""
        borders = []
        for sentence in doc.sentences:
            tokens = sentence.tokens
            for token in tokens:
                if token.low not in self.lex.BORDER_WORDS:
                    continue
                window = tokens[max(0, token.index - 3) : token.index + 4]
                for other in window:
                    code = self.demonyms.get(other.low) or self.country_names.get(other.low)
                    if code and code != doc.main_country and other.is_cap:
                        borders.append((sentence.index, code))
                        break
        return borders


def _maximal(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """One reading per stretch of text: gazetteer matches first, then the longest name."""
    ranked = sorted(mentions, key=lambda m: (m.candidate is None, -(m.end - m.start), m.start))
    kept: list[PlaceMention] = []
    for mention in ranked:
        if all(mention.end <= other.start or mention.start >= other.end for other in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def _lower_connector(token, lexicon) -> bool:
    return token.low in lexicon.NAME_CONNECTORS and not token.is_cap


def _title_case(sentence: Sentence) -> bool:
    """A headline in Title Case: its capitals say nothing about names."""
    words = [token for token in sentence.tokens if token.text[:1].isalpha() and len(token.text) > 3]
    return sentence.is_heading and len(words) >= 4 and sum(token.is_cap for token in words) >= 0.8 * len(words)


def group_key(mention: PlaceMention) -> str:
    """Mentions of one place: same gazetteer entry, or (unresolved) the same sound key."""
    if mention.candidate is not None:
        c = mention.candidate
        return f"place:{c.place_id}:{c.geonames_id}:{c.name}:{c.country}"
    return "name:" + sound_key(mention.text)


def grouped(mentions: list[PlaceMention]) -> dict[str, list[PlaceMention]]:
    groups: dict[str, list[PlaceMention]] = defaultdict(list)
    for mention in mentions:
        groups[group_key(mention)].append(mention)
    return groups


def most_common_spelling(mentions: list[PlaceMention]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for mention in mentions:
        counts[mention.text] += 1
    return max(counts, key=lambda text: (counts[text], -min(m.start for m in mentions if m.text == text)))


def _is_code(name: str | None) -> bool:
    """ "GAO", "LFW": a short all-capital code, as GeoNames lists airport codes among a town's names."""
    return bool(name) and len(name) <= 4 and name.isupper() and name.isalpha()
