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
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from .document import Document
from .gazetteer import ADMIN1, ADMIN2, COUNTRY, Gazetteer, PlaceCandidate, distance_km
from .normalize import normalize_name, sound_key
from .text import Sentence, phrase_words

FUZZY_MIN = 80
# Choosing among a name's gazetteer candidates: the name itself (or one that sounds alike and is spelled
# nearly so) is worth 1 (0.8); being in the report's country is worth as much again, in a country the text
# names less (0.4), elsewhere a penalty (-0.6) — a namesake abroad wins only on other evidence; a candidate in
# the region the text names gets 0.6; a region or district where a town was meant loses 0.2; the population
# adds 0.2 to 0.5 and so mostly breaks ties. A candidate must score above ACCEPT_SCORE: with the report's
# country unknown, the exact name of an inhabited place does, a sound-alike only for a town of over 10,000.
SAME_NAME_SCORE = 1.0
SOUND_ALIKE_SCORE = 0.8
IN_MAIN_COUNTRY = 1.0
IN_MENTIONED_COUNTRY = 0.4
IN_OTHER_COUNTRY = -0.6
IN_NAMED_REGION = 0.6
AREA_FOR_TOWN_PENALTY = 0.2
MIN_POPULATION_BONUS = 0.2
MAX_POPULATION_BONUS = 0.5
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
    district: bool = False  # "X district", "le cercle de X": an area named after its town
    dateline: bool = False
    non_action: bool = False  # "based in X", "X said" (a capital standing for its government)
    earlier: bool = False  # "three days after the ambush in X": the place of another, earlier incident
    reference: bool = False  # "El Dhere, 28 km west of X": X only measures where the other place is
    offset: tuple[float, float | None] | None = None  # (km, bearing) of "28 km west of" in front of X
    relative_to: "PlaceMention | None" = None  # an unresolved name placed by a phrase: its reference mention
    between: tuple[PlaceCandidate, PlaceCandidate] | None = None  # "between A and B", "the A-B road"
    phrase_start: int | None = None  # where the relative phrase ("28 km west of X") begins in the text
    phrase_end: int | None = None


@dataclass
class Places:
    mentions: list[PlaceMention] = field(default_factory=list)
    regions: list[tuple[PlaceMention, PlaceCandidate]] = field(default_factory=list)
    border_countries: list[tuple[int, str]] = field(default_factory=list)  # (sentence, ISO2) of "near the X border"


class PlaceFinder:
    def __init__(self, lexicon):
        self.lex = lexicon
        self.months_weekdays = set(lexicon.MONTHS) | set(lexicon.WEEKDAYS)
        self.prepositions = {phrase_words(lexicon, p) for p in lexicon.LOCATION_PREPOSITIONS}
        # Longest first: "au nord de" before "de". Two phrases of one length ending at the same token are the same.
        self.preposition_lengths = sorted({len(phrase) for phrase in self.prepositions}, reverse=True)
        self.settlements = {phrase_words(lexicon, p) for p in lexicon.SETTLEMENT_NOUNS}
        self.demonyms = {name.lower(): code for name, code in lexicon.DEMONYMS.items()}
        self.country_names = {name.lower(): code for name, code in lexicon.COUNTRY_NAMES.items()}

    # ---------------------------------------------------------------- candidates
    def find(self, doc: Document, gazetteer: Gazetteer) -> Places:
        """The report's places: capitalised runs read as place mentions, resolved in the gazetteer (namesakes
        ranked by the report's other places), filed as possible event places or as regions, then related to
        each other ("28 km west of X", "between A and B")."""
        raw = self._raw_mentions(doc)
        names = {m.text for m in raw} | {part for m in raw for part in _road_parts(m.text)}
        found = gazetteer.lookup(sorted(names)) if names else {}
        mentioned = {c.code for c in doc.countries}
        region_names = {normalize_name(m.text) for m in raw if m.region}
        for mention in raw:
            mention.candidate = self._best(
                mention, found.get(mention.text, []), doc.main_country, mentioned, region_names
            )
        self._rank_by_neighbours(raw, found, doc.main_country, mentioned, region_names)
        places = Places()
        for mention in raw:
            self._file(doc, gazetteer, mention, places)
        places.mentions = _maximal(places.mentions)
        for mention in places.mentions:
            self._relate(doc, mention, places.mentions, found, doc.main_country, mentioned)
        places.border_countries = self._borders(doc)
        return places

    def _raw_mentions(self, doc: Document) -> list[PlaceMention]:
        """Every capitalised run that may name a place, outside actors' names, countries and people's names."""
        lowercase_words = {token.low for s in doc.sentences for token in s.tokens if token.text.islower()}
        excluded = self._excluded_tokens(doc)
        persons = self._person_words(doc)
        raw: list[PlaceMention] = []
        for sentence in doc.sentences:
            if sentence.is_boilerplate or _title_case(sentence):
                continue
            for first, last in self._capitalised_runs(sentence, excluded):
                raw.extend(self._run_mentions(doc, sentence, first, last, lowercase_words, persons))
        return raw

    def _file(self, doc: Document, gazetteer: Gazetteer, mention: PlaceMention, places: Places) -> None:
        """A region (or a settlement the gazetteer does not know, inside a known region) goes to the regions;
        a resolved place or one after a location preposition to the mentions; a country to neither."""
        if mention.region and mention.district and self._town_of_country(mention.candidate, doc.main_country):
            mention.region = False  # "le département de Mora": the town the area is named after (precision 2)
        if mention.region or (mention.settlement and mention.candidate is None):
            region = self._region(doc, gazetteer, mention)
            if region:
                places.regions.append((mention, region))
            if mention.region or region:
                return  # "the Niger district" names an area, and a town inside it is more precise
        if mention.candidate is not None and mention.candidate.feature_code == COUNTRY:
            return
        loose = mention.preposition in self.lex.WEAK_PLACE_PREPOSITIONS
        if mention.candidate is not None or (mention.preposition and not loose) or mention.settlement:
            places.mentions.append(mention)

    # ---------------------------------------------------------------- relations between places
    def _rank_by_neighbours(self, raw, found, main, mentioned, region_names) -> None:
        """Namesakes: the one nearest to the report's other places wins ("Sabon Birni, in Sokoto state";
        "Kagara" beside towns of Niger state), before population."""
        anchors = [
            (m.sentence, m.text, m.candidate) for m in raw if m.candidate is not None and not m.candidate.is_region
        ]
        for mention in raw:
            candidates = found.get(mention.text, [])
            if len(candidates) < 2 or mention.region:
                continue
            others = [
                (sentence, candidate)
                for sentence, text, candidate in anchors
                if text != mention.text and normalize_name(text) not in normalize_name(mention.text)
            ]
            if others:
                mention.candidate = self._best(mention, candidates, main, mentioned, region_names, others)

    def _relate(
        self, doc: Document, mention: PlaceMention, mentions: list[PlaceMention], found, main, mentioned
    ) -> None:
        sentence = doc.sentences[mention.sentence]
        tokens = sentence.tokens
        mention.earlier = self._after_elapsed_time(tokens, mention.first_token)
        relative = self._relative_phrase(tokens, mention.first_token)
        if relative is not None:
            km, bearing, start = relative
            subject = self._placed_by_phrase(mentions, mention, tokens, start)
            mention.phrase_start, mention.phrase_end = tokens[start].start, mention.end
            if subject is None:
                mention.offset = (km, bearing)
            else:
                mention.reference = True
                if subject.candidate is None and mention.candidate is not None:
                    subject.relative_to, subject.offset = mention, (km, bearing)
                    subject.phrase_start, subject.phrase_end = subject.start, mention.end
        if mention.candidate is None and mention.between is None:
            parts = [
                self._best(replace(mention, text=part, region=False), found.get(part, []), main, mentioned, set())
                for part in _road_parts(mention.text)
            ]
            if len(parts) == 2 and all(parts) and self._names_a_road(tokens, mention):
                mention.between = (parts[0], parts[1])
        self._between(tokens, mention, mentions)

    def _after_elapsed_time(self, tokens, first: int) -> bool:
        """ "Three days after the Déou ambush, ...": the place belongs to the earlier incident."""
        for k in range(first - 1, max(0, first - 14), -1):
            if tokens[k].text in (",", ";", ":"):
                return False
            if tokens[k].low in self.lex.ELAPSED_TIME_LINKS and tokens[k - 1].low in self.lex.ELAPSED_TIME_UNITS:
                return True
        return False

    def _relative_phrase(self, tokens, first: int) -> tuple[float, float | None, int] | None:
        """ "28 km west of X", "à 190 km au nord-ouest de la capitale X": (km, bearing, first token)."""
        unit = next(
            (k for k in range(first - 1, max(-1, first - 12), -1) if tokens[k].low in self.lex.DISTANCE_UNITS), None
        )
        if unit is None or unit == 0:
            return None
        km = _number(tokens[unit - 1].low)
        if km is None:
            return None
        words = [t.low for t in tokens[unit + 1 : first]]
        if words[:1] == ["("] and ")" in words:
            words = words[words.index(")") + 1 :]  # "400 kilometers (250 miles) north of"
        allowed = self.lex.RELATIVE_FILLERS | self.lex.RELATIVE_LINKS | set(self.lex.BEARINGS)
        if not any(word in self.lex.RELATIVE_LINKS for word in words) or not all(word in allowed for word in words):
            return None
        bearing = next((self.lex.BEARINGS[word] for word in words if word in self.lex.BEARINGS), None)
        start = unit - 1
        while start > max(0, unit - 4) and tokens[start - 1].low in self.lex.RELATIVE_FILLERS:
            start -= 1  # "à plus de 550 km", "some 400 km"
        return km * self.lex.DISTANCE_UNITS[tokens[unit].low], bearing, start

    def _placed_by_phrase(self, mentions, reference: PlaceMention, tokens, start: int) -> PlaceMention | None:
        """The place a relative phrase describes: the name right before it ("El Dhere, 28 km west of")."""
        for other in mentions:
            if other.sentence != reference.sentence or other.last_token >= start:
                continue
            gap = tokens[other.last_token + 1 : start]
            if len(gap) <= 4 and all(t.low in self.lex.RELATIVE_SUBJECT_GAP for t in gap):
                return other
        return None

    def _names_a_road(self, tokens, mention: PlaceMention) -> bool:
        after = tokens[mention.last_token + 1].low if mention.last_token + 1 < len(tokens) else ""
        before = [t.low for t in tokens[max(0, mention.first_token - 2) : mention.first_token]]
        return after in self.lex.ROAD_NOUNS or any(word in self.lex.ROAD_NOUNS for word in before)

    def _between(self, tokens, mention: PlaceMention, mentions: list[PlaceMention]) -> None:
        """ "between A and B", "entre A et B": both resolved and near each other give the point between them."""
        k = mention.first_token - 1
        while k >= 0 and tokens[k].low in self.lex.ARTICLES:
            k -= 1
        if k < 0 or tokens[k].low not in self.lex.BETWEEN_WORDS or mention.candidate is None:
            return
        for other in mentions:
            gap = tokens[mention.last_token + 1 : other.first_token] if other.sentence == mention.sentence else []
            if other.candidate is None or not gap or len(gap) > 2 or gap[0].low not in self.lex.BETWEEN_JOINERS:
                continue
            a, b = mention.candidate, other.candidate
            if distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= MAX_BETWEEN_KM:
                mention.between = other.between = (a, b)
                mention.phrase_start = other.phrase_start = tokens[k].start
                mention.phrase_end = other.phrase_end = other.end
            return

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
                # "then-President Donald Trump", "ex-minister X": the title after a hyphenated prefix.
                titled = (
                    before.rsplit("-", 1)[-1] in self.lex.PERSON_TITLES
                    or tokens[first].low.rstrip(".") in self.lex.PERSON_TITLES
                )
                speaking = after in self.lex.PERSON_VERBS or (
                    after == ","
                    and after2 in self.lex.ARTICLES
                    and last > first
                    and not dated
                    and before not in self.lex.LOCATION_PREPOSITIONS
                )
                if titled or (speaking and last > first) or (speaking and first > 0):
                    words.update(
                        token.low for token in tokens[first : last + 1] if token.low not in self.lex.PERSON_TITLES
                    )
        return words

    def _capitalised_runs(self, sentence: Sentence, excluded: set) -> list[tuple[int, int]]:
        runs, start = [], None
        tokens = sentence.tokens
        for token in tokens:
            usable = (sentence.index, token.index) not in excluded and (
                (token.is_cap and token.text[:1].isalpha())
                or ("-" in token.text and self._particle_name(token.text))
                or (
                    start is not None
                    and token.low in self.lex.NAME_CONNECTORS
                    and token.index + 1 < len(tokens)
                    and tokens[token.index + 1].is_cap
                )
            )
            if usable and start is None:
                start = token.index
            elif not usable and start is not None:
                runs.append((start, token.index - 1))
                start = None
        if start is not None:
            runs.append((start, len(tokens) - 1))
        return runs

    @staticmethod
    def _town_of_country(candidate: PlaceCandidate | None, country: str) -> bool:
        return candidate is not None and not candidate.is_region and (not country or candidate.country == country)

    def _particle_name(self, text: str) -> bool:
        """ "al-Miqdadiyah", "Wad al-Nourah": a lowercase particle hyphenated to a capitalised name."""
        particle, _, rest = text.partition("-")
        return bool(rest) and particle in self.lex.NAME_CONNECTORS and rest[:1].isupper()

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
        return len(parts) > 1 and (
            parts[-1] in self.lex.ADJECTIVE_SUFFIXES
            or any(part in self.demonyms or part in self.country_names for part in parts)
        )

    def _bad_edge(self, low: str) -> bool:
        return low in self.lex.NON_PLACE_WORDS or low in self.months_weekdays or low in self.lex.PERSON_TITLES

    def _mention(self, doc, sentence, first, last, lowercase_words, persons) -> PlaceMention | None:
        tokens = sentence.tokens
        words = [token.low for token in tokens[first : last + 1]]
        if any(word in persons for word in words) and len(words) <= 3:
            return None
        if " ".join(words) in self.lex.SUPRANATIONAL_REGIONS or any(self._adjectival(word) for word in words):
            return None
        if all(word in self.lex.COMPASS_WORDS for word in words):
            return None  # "le Nord-Ouest" is a part of the country, not a place's name
        if any(word in self.lex.INSTITUTION_NOUNS for word in words[1:]):
            return None  # "Qara Tapa Municipal Council" names a body, not a place
        marked = self._region_after(sentence, first, last) or self._settlement_around(sentence, first, last)
        if len(words) == 1:
            word = words[0]
            # "le lac" elsewhere does not unmake "la province du Lac": the noun in front says it is a name.
            if (word in lowercase_words and not marked) or word in self.lex.NON_PLACE_WORDS or len(word) < 3:
                return None
            if first == 0 and not tokens[0].text.isupper() and not self._capitalised_elsewhere(doc, word, sentence):
                return None
        text = sentence.span_text(first, last)
        mention = PlaceMention(tokens[first].start, tokens[last].end, sentence.index, first, last, text)
        mention.preposition = self._preposition_before(sentence, first)
        mention.settlement = self._settlement_around(sentence, first, last)
        mention.region = self._region_after(sentence, first, last)
        mention.district = self._district_around(sentence, first, last)
        mention.dateline = self._is_dateline(sentence, first, last)
        mention.non_action = self._non_action(sentence, first, last) or self._names_an_institution(sentence, last)
        return mention

    def _names_an_institution(self, sentence: Sentence, last: int) -> bool:
        """ "the Gaza health ministry", "the Qara Tapa Municipal Council": the place names a body, not a scene."""
        return any(token.low in self.lex.INSTITUTION_NOUNS for token in sentence.tokens[last + 1 : last + 3])

    @staticmethod
    def _capitalised_elsewhere(doc: Document, word: str, here: Sentence) -> bool:
        return bool(doc.capitalised_in.get(word, set()) - {here.index})

    def _preposition_before(self, sentence: Sentence, first: int) -> str:
        tokens = sentence.tokens
        k = first - 1
        while (k >= 0 and tokens[k].low in self.lex.ARTICLES) or (k >= 0 and tokens[k].low in self.lex.COMPASS_WORDS):
            k -= 1
        # "the town of X", "the border town of X": the preposition before the settlement noun.
        if k >= 1 and tokens[k].low in self.lex.OWNER_OF_WORDS and (tokens[k - 1].low,) in self.settlements:
            k -= 2
            while k >= 0 and (
                tokens[k].low in self.lex.ARTICLES
                or tokens[k].low in self.lex.SETTLEMENT_ADJECTIVES
                or tokens[k].low in self.lex.COMPASS_WORDS
            ):
                k -= 1
        for n in self.preposition_lengths:
            phrase = tuple(token.low for token in tokens[k - n + 1 : k + 1]) if k - n + 1 >= 0 else ()
            if phrase in self.prepositions:
                return " ".join(phrase)
        return ""

    def _settlement_around(self, sentence: Sentence, first: int, last: int) -> bool:
        tokens = sentence.tokens
        after = tokens[last + 1].low if last + 1 < len(tokens) else ""
        before = (tokens[first - 2].low, tokens[first - 1].low) if first >= 2 else ("", "")
        return (after,) in self.settlements or (
            before[1] in self.lex.OWNER_OF_WORDS and (before[0],) in self.settlements
        )

    def _district_around(self, sentence: Sentence, first: int, last: int) -> bool:
        tokens = sentence.tokens
        after = tokens[last + 1].low if last + 1 < len(tokens) else ""
        if first >= 1 and tokens[first - 1].low in self.lex.ARTICLES:
            first -= 1
        before = (tokens[first - 2].low, tokens[first - 1].low) if first >= 2 else ("", "")
        return after in self.lex.DISTRICT_NOUNS or (
            before[1] in self.lex.OWNER_OF_WORDS and before[0] in self.lex.DISTRICT_NOUNS
        )

    def _region_after(self, sentence: Sentence, first: int, last: int) -> bool:
        tokens = sentence.tokens
        after = tokens[last + 1].low if last + 1 < len(tokens) else ""
        if first >= 1 and tokens[first - 1].low in self.lex.ARTICLES:
            first -= 1  # "la province de l'Ituri"
        before = (tokens[first - 2].low, tokens[first - 1].low) if first >= 2 else ("", "")
        return after in self.lex.REGION_NOUNS or (
            before[1] in self.lex.OWNER_OF_WORDS and before[0] in self.lex.REGION_NOUNS
        )

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
        return after in self.lex.ATTRIBUTION_VERBS or (
            after in self.lex.AUXILIARIES
            and last + 2 < len(tokens)
            and (tokens[last + 2].low in self.lex.ATTRIBUTION_VERBS or tokens[last + 2].low in self.lex.DENIAL_VERBS)
        )

    # ---------------------------------------------------------------- ranking
    def _best(
        self,
        mention: PlaceMention,
        candidates: list[PlaceCandidate],
        main: str,
        mentioned: set[str],
        region_names: set[str],
        neighbours: list | None = None,
    ) -> PlaceCandidate | None:
        wanted = normalize_name(mention.text)
        best, best_score = None, ACCEPT_SCORE
        for candidate in candidates:
            if _is_code(candidate.matched_name) and not _is_code(mention.text):
                continue  # an airport or postal code among GeoNames' alternates ("GAO"): not the town "Gao"
            matched = normalize_name(candidate.matched_name or candidate.name)
            if matched == wanted:
                score = SAME_NAME_SCORE
            elif (
                sound_key(candidate.matched_name or candidate.name) == sound_key(mention.text)
                and fuzz.ratio(matched, wanted) >= FUZZY_MIN
            ):
                score = SOUND_ALIKE_SCORE
            else:
                continue
            if main:
                if candidate.country == main:
                    score += IN_MAIN_COUNTRY
                else:
                    score += IN_MENTIONED_COUNTRY if candidate.country in mentioned else IN_OTHER_COUNTRY
            if candidate.admin1_name and normalize_name(candidate.admin1_name) in region_names:
                score += IN_NAMED_REGION  # the region the text names beats a bigger namesake elsewhere
            if neighbours:
                score += _neighbour_bonus(mention, candidate, neighbours)
            # Population only breaks ties: at most 0.3 between a hamlet and a capital.
            score += min(MAX_POPULATION_BONUS, MIN_POPULATION_BONUS + math.log10(candidate.population + 1) / 20)
            if candidate.feature_code in (ADMIN1, ADMIN2) and not mention.region:
                score -= AREA_FOR_TOWN_PENALTY
            if score > best_score:
                best, best_score = candidate, score
        return best

    def _region(self, doc: Document, gazetteer: Gazetteer, mention: PlaceMention) -> PlaceCandidate | None:
        country = mention.candidate.country if mention.candidate else doc.main_country
        if not country:
            return None
        admin2 = getattr(gazetteer, "admin2", None)
        if not mention.region:  # "Xyz district", "le cercle de Xyz": a second-level area, else a region
            area = admin2(country, mention.text) if admin2 is not None else None
            return area or gazetteer.admin1(country, mention.text)
        area = gazetteer.admin1(country, mention.text)
        if area is None and admin2 is not None:
            area = admin2(country, mention.text)  # "la province du Soum" is a second-level area of Burkina Faso
        return area

    def _borders(self, doc: Document) -> list[tuple[int, str]]:
        """ "near the Algerian border", "the border with Algeria": the neighbour's ISO2, by sentence."""
        borders = []
        for sentence in doc.sentences:
            tokens = sentence.tokens
            for token in tokens:
                if token.low not in self.lex.BORDER_WORDS:
                    continue
                # "près de la frontière avec le Tchad et le Cameroun": every neighbour named around the word.
                window = tokens[max(0, token.index - 3) : token.index + 8]
                for other in window:
                    code = self.demonyms.get(other.low) or self.country_names.get(other.low)
                    if code and code != doc.main_country and other.is_cap and (sentence.index, code) not in borders:
                        borders.append((sentence.index, code))
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
    if mention.between is not None or (mention.offset is not None and mention.relative_to is None):
        return f"offset:{mention.start}"  # a point of its own, not the reference place's
    if mention.candidate is not None:
        c = mention.candidate
        return f"place:{c.place_id}:{c.geonames_id}:{c.name}:{c.country}"
    return "name:" + sound_key(mention.text)


def offset_point(latitude: float, longitude: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` from a place along a compass bearing (degrees from north), on a sphere."""
    angle, heading = km / 6371.0, math.radians(bearing)
    lat1, lon1 = math.radians(latitude), math.radians(longitude)
    lat2 = math.asin(math.sin(lat1) * math.cos(angle) + math.cos(lat1) * math.sin(angle) * math.cos(heading))
    lon2 = lon1 + math.atan2(
        math.sin(heading) * math.sin(angle) * math.cos(lat1), math.cos(angle) - math.sin(lat1) * math.sin(lat2)
    )
    return round(math.degrees(lat2), 5), round((math.degrees(lon2) + 540) % 360 - 180, 5)


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


MAX_BETWEEN_KM = 250
NEIGHBOUR_KM = 60
# A namesake near another place of the report: more so when that place is named in the same sentence.
SAME_SENTENCE_NEIGHBOUR = 0.6
OTHER_NEIGHBOUR = 0.3


def _neighbour_bonus(mention: PlaceMention, candidate: PlaceCandidate, neighbours: list) -> float:
    """Near another place of the report: more when that place is named in the same sentence."""
    bonus = 0.0
    for sentence, other in neighbours:
        if distance_km(candidate.latitude, candidate.longitude, other.latitude, other.longitude) <= NEIGHBOUR_KM:
            bonus = max(bonus, SAME_SENTENCE_NEIGHBOUR if sentence == mention.sentence else OTHER_NEIGHBOUR)
    return bonus


def _road_parts(text: str) -> list[str]:
    """ "Kirkuk-Daquq" -> ["Kirkuk", "Daquq"]: two capitalised names joined by a hyphen."""
    parts = text.split("-")
    if len(parts) != 2 or " " in text or not all(len(part) >= 3 and part[:1].isupper() for part in parts):
        return []
    return parts


def _number(low: str) -> float | None:
    try:
        return float(low.replace(",", ""))
    except ValueError:
        return None
