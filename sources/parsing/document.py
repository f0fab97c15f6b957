"""One article read once: sentences, tokens, dates, countries and the actors it mentions.

Actors in context
-----------------
Dictionary aliases are found first (actors.py). Generic mentions are then read
in context and resolved to the report's actors:

- "the army", "troops", "government soldiers", "Malian authorities", "the junta's military"
  -> the state forces of the country named in front (demonym, "Mali's") or of the
  report's main country (the country most named, counting demonyms and actors' countries);
- "the rebels", "separatists", "a rebel coalition" -> the report's most salient
  non-jihadist armed group; "the jihadists", "militants", "terrorists" -> its
  most salient jihadist group (an actor is jihadist when its names carry a
  jihadist marker, lang.*.JIHADIST_NAME_MARKERS);
- "mercenaries", "instructors", "their Russian allies" -> the report's external
  forces (of that country when a demonym says so);
- "civilians", "villagers", "people" -> civilians; "protesters" -> protesters;
- "gunmen", "assailants", "bandits" -> "Unidentified Armed Group (<country>)", as ACLED codes them.
A generic mention nothing resolves becomes "Unidentified Armed Group (<country>)".
"the Sahel branch of X" / "an X affiliate" names X as a parent organisation: it
resolves, most specific first, to the group the text names in apposition ("X branch
JNIM"), the report's salient group the dictionary lists as X's affiliate, X's only
affiliate active in the report's country, the report's other jihadist group that is
not listed under another parent, and only then to X itself.
A named armed group the dictionary lacks ("a group calling itself the Xyz
Brigade") becomes a new actor (ActorRef.is_new).
"""

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from itertools import pairwise
from types import ModuleType
from typing import ClassVar

from .actors import ActorDictionary, ActorEntry
from .dates import DateMention, DateReader, SameDayMention
from .numbers import NumberReader
from .results import ActorRef
from .text import Sentence, Token, phrase_words, split_sentences, tokenize

NAMED, STATE, REBEL, JIHADIST, EXTERNAL, UNIDENTIFIED, CIVILIANS, PROTESTERS, NEW = (
    "named",
    "state",
    "rebel",
    "jihadist",
    "external",
    "unidentified",
    "civilians",
    "protesters",
    "new",
)
ARMED_CATEGORIES = {NAMED, STATE, REBEL, JIHADIST, EXTERNAL, UNIDENTIFIED, NEW}


@dataclass
class ActorMention:
    start: int
    end: int
    sentence: int
    first_token: int
    last_token: int
    category: str
    ref: ActorRef
    text: str
    parent: bool = False  # named as a parent organisation: "the Sahel branch of X"
    descriptor: bool = False  # only qualifies a source: "Russian military bloggers"


@dataclass
class CountryMention:
    start: int
    end: int
    sentence: int
    code: str
    demonym: bool


@dataclass
class Document:
    text: str
    title: str
    published: date | None
    lex: ModuleType
    actors: ActorDictionary
    sentences: list[Sentence]
    numbers: NumberReader
    dates: list[DateMention] = field(default_factory=list)
    same_days: list[SameDayMention] = field(default_factory=list)
    mentions: list[ActorMention] = field(default_factory=list)
    countries: list[CountryMention] = field(default_factory=list)
    main_country: str = ""
    _mention_index: tuple | None = field(default=None, repr=False)

    def sentence_at(self, offset: int) -> Sentence | None:
        starts = [sentence.start for sentence in self.sentences]
        position = bisect_right(starts, offset) - 1
        if position >= 0 and offset < self.sentences[position].end:
            return self.sentences[position]
        return None

    def mentions_in(self, sentence: Sentence) -> list[ActorMention]:
        # Indexed once the mentions are final: every stage asks this for every sentence.
        key = (id(self.mentions), len(self.mentions))
        if self._mention_index is None or self._mention_index[0] != key:
            index: dict[int, list[ActorMention]] = {}
            for mention in self.mentions:
                index.setdefault(mention.sentence, []).append(mention)
            self._mention_index = (key, index)
        return self._mention_index[1].get(sentence.index, [])

    @cached_property
    def capitalised_in(self) -> dict[str, set[int]]:
        """word -> the sentences where it is capitalised inside the sentence (not as its first word)."""
        index: dict[str, set[int]] = {}
        for sentence in self.sentences:
            for token in sentence.tokens:
                if token.is_cap and token.index > 0:
                    index.setdefault(token.low, set()).add(sentence.index)
        return index

    def dates_in(self, sentence: Sentence) -> list[DateMention]:
        return [mention for mention in self.dates if sentence.start <= mention.start < sentence.end]

    def country_name(self, code: str) -> str:
        return self.lex.COUNTRY_DISPLAY_NAMES.get(code, code)


@dataclass
class GenericMention:
    """A generic actor mention ("the army", "jihadists", "villagers") with what resolving it reads."""

    doc: Document
    mention: ActorMention
    noun: str  # its words, lowercased
    country: str | None  # the owner country the text gives ("the Malian army")
    owned: bool  # the text gives an owner ("their soldiers"), country or not
    resolved: list[ActorMention]  # the mentions resolved so far
    everywhere: list[ActorMention]


class Reader:
    """Everything compiled for one language; build once, reuse for every article."""

    def __init__(self, lexicon: ModuleType):
        self.lex = lexicon
        self.numbers = NumberReader(lexicon)
        self.dates = DateReader(lexicon)
        self.generic: dict[tuple[str, ...], str] = {}
        for category, words in (
            (UNIDENTIFIED, lexicon.UNIDENTIFIED_NOUNS),
            (STATE, lexicon.STATE_FORCE_NOUNS),
            (REBEL, lexicon.REBEL_NOUNS),
            (JIHADIST, lexicon.JIHADIST_NOUNS),
            (EXTERNAL, lexicon.EXTERNAL_NOUNS),
            (CIVILIANS, lexicon.CIVILIAN_NOUNS),
            (PROTESTERS, lexicon.PROTESTER_NOUNS),
        ):
            for phrase in words:
                self.generic.setdefault(phrase_words(lexicon, phrase), category)
        self.generic_length = max(len(phrase) for phrase in self.generic)
        self.country_names = {_as_written(lexicon, name): code for name, code in lexicon.COUNTRY_NAMES.items()}
        self.demonyms = {_as_written(lexicon, name): code for name, code in lexicon.DEMONYMS.items()}
        self.country_length = max(len(phrase) for phrase in [*self.country_names, *self.demonyms])
        self.country_starts = {phrase[0] for phrase in [*self.country_names, *self.demonyms]}
        self.generic_starts = {phrase[0] for phrase in self.generic}
        self.affiliate_words = lexicon.AFFILIATE_NOUNS
        self.border_leads = [phrase_words(lexicon, lead) for lead in lexicon.BORDER_LEADS]
        inner = "|".join(re.escape(word) for word in sorted(lexicon.NAME_INNER_WORDS, key=len, reverse=True))
        self.name_tail = re.compile(rf"(?:\s+(?:{inner}))+$")
        introducers = "|".join(lexicon.NEW_GROUP_INTRODUCERS)
        heads = "|".join(re.escape(word) for word in lexicon.NEW_GROUP_HEADS)
        self.new_group = re.compile(
            rf"\b(?P<head>{heads})\s*,?\s+(?:{introducers})\s+(?:{lexicon.NEW_GROUP_NAME_LEADS})?[\"“«']?\s?"
            rf"(?P<name>[A-Z\u00c0-\u00de][\w'’-]*(?:\s+(?:[A-Z\u00c0-\u00de][\w'’-]*|{inner})){{0,6}})",
        )

    def read(
        self, text: str, published: date | None, title: str, actors: ActorDictionary, country_hint: str = ""
    ) -> Document:
        """Read an article. ``country_hint`` is the main country when the text names none
        (the parser passes the country of the places it found)."""
        sentences = split_sentences(text, self.lex)
        doc = Document(text, title, published, self.lex, actors, sentences, self.numbers)
        doc.dates, doc.same_days = self.dates.find(text, published)
        named = self._named_mentions(doc)
        doc.countries = self._country_mentions(doc, named)
        doc.main_country = self._main_country(doc, named) or country_hint
        new = _deduplicated(self._new_groups(doc, named) + self._named_groups(doc, named))
        doc.mentions = self._resolve(doc, named + new + self._generic_mentions(doc, named, new))
        return doc

    # ---------------------------------------------------------------- named actors
    def _named_mentions(self, doc: Document) -> list[ActorMention]:
        mentions = []
        for match in doc.actors.find(doc.text):
            sentence = doc.sentence_at(match.start)
            if sentence is None:
                continue
            first, last = _token_range(sentence, match.start, match.end)
            entry = doc.actors.in_period(match.entry, doc.published)
            ref = ActorRef(entry.id, entry.name, entry.kind, entry.country)
            mention = ActorMention(
                match.start, match.end, sentence.index, first, last, NAMED, ref, doc.text[match.start : match.end]
            )
            # Affiliation only re-points transnational jihadist brands ("an al Qaeda affiliate").
            mention.parent = doc.actors.is_jihadist(match.entry) and self._is_parent(sentence, first, last)
            mention.descriptor = self._is_descriptor(sentence, last)
            mentions.append(mention)
        return mentions

    def _is_descriptor(self, sentence: Sentence, last: int) -> bool:
        following = sentence.tokens[last + 1].low if last + 1 < len(sentence.tokens) else ""
        return following in self.lex.SOURCE_NOUNS and following not in self.lex.VOICE_NOUNS

    def _is_parent(self, sentence: Sentence, first: int, last: int) -> bool:
        """ "an al Qaeda affiliate", "al Qaeda-linked", "the Sahel branch of al Qaeda"."""
        tokens = sentence.tokens
        after = [token.low for token in tokens[last + 1 : last + 3] if token.low not in ("-", "–")]
        if after and after[0] in self.affiliate_words:
            return True
        if (
            last < len(tokens)
            and "-" in tokens[last].low
            and tokens[last].low.rsplit("-", 1)[-1] in self.affiliate_words
        ):
            return True
        before = [token.low for token in tokens[max(0, first - 3) : first]]
        return len(before) >= 2 and before[-1] in self.lex.AFFILIATE_LINKS and before[-2] in self.affiliate_words

    def _new_groups(self, doc: Document, named: list[ActorMention]) -> list[ActorMention]:
        """Named armed groups the dictionary lacks, each occurrence of the name."""
        mentions = []
        for match in self.new_group.finditer(doc.text):
            name = self.name_tail.sub("", match.group("name")).strip()
            start = match.start("name")
            if len(name) < 3 or any(m.start < start + len(name) and m.end > start for m in named):
                continue
            if doc.actors.by_alias(name) or name.split()[0].lower() in self.lex.NOT_NAME_STARTS:
                continue
            kind = self._new_group_kind(doc.text[max(0, match.start() - 60) : match.end()], match.group("head"))
            ref = ActorRef(None, name, kind, doc.main_country or "", is_new=True)
            for occurrence in re.finditer(re.escape(name), doc.text):
                sentence = doc.sentence_at(occurrence.start())
                if sentence is None:
                    continue
                first, last = _token_range(sentence, occurrence.start(), occurrence.end())
                mentions.append(
                    ActorMention(occurrence.start(), occurrence.end(), sentence.index, first, last, NEW, ref, name)
                )
        return _deduplicated(mentions)

    def _named_groups(self, doc: Document, named: list[ActorMention]) -> list[ActorMention]:
        """Capitalised names the dictionary lacks that name an armed group by their form:
        "the Atlantis Liberation Front", "Katiba Xyz", "Ansar Xyz"; each is then found wherever it occurs."""
        covered = {(m.sentence, i) for m in named for i in range(m.first_token, m.last_token + 1)}
        found: dict[str, str] = {}  # name -> kind, in the order of their first occurrence
        for sentence in doc.sentences:
            for token in sentence.tokens:
                span = self._group_name_at(sentence, token, covered)
                if span is None:
                    continue
                first, last = span
                tokens = sentence.tokens
                name = sentence.span_text(first, last)
                if name in found or not self._is_group_name(doc, tokens[first : last + 1]):
                    continue
                found[name] = self._group_kind(doc, tokens, first, last)
        return [mention for name, kind in found.items() for mention in self._occurrences(doc, name, kind, named)]

    def _group_name_at(self, sentence: Sentence, token: Token, covered: set) -> tuple[int, int] | None:
        """The tokens of a group name that ends in a head word at ``token`` ("... Liberation Front") or
        opens with one ("Katiba ..."); None when no such name is there."""
        tokens = sentence.tokens
        if not token.is_cap or (sentence.index, token.index) in covered:
            return None
        following = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
        if following is not None and following.is_cap and following.text[:1].isalpha():
            return None  # the name goes on: "Liberation Front"
        if token.low in self.lex.ARMED_NAME_HEADS and token.index > 0:
            first, last = self._name_leftwards(sentence, token.index, covered), token.index
        elif token.low in self.lex.ARMED_NAME_OPENERS and token.index + 1 < len(tokens):
            first, last = token.index, self._name_rightwards(sentence, token.index, covered)
        else:
            return None
        return (first, last) if last - first >= 1 else None

    def _group_kind(self, doc: Document, tokens: list[Token], first: int, last: int) -> str:
        lex = self.lex
        head = lex.ARMED_NAME_HEADS.get(tokens[last].low) or lex.ARMED_NAME_OPENERS.get(
            tokens[first].low, "rebel_group"
        )
        context = doc.text[max(0, tokens[first].start - 60) : tokens[first].start]
        return self._name_kind(context, head)

    def _occurrences(self, doc: Document, name: str, kind: str, named: list[ActorMention]) -> list[ActorMention]:
        """Every occurrence of a new group's name outside the dictionary actors' names."""
        ref = ActorRef(None, name, kind, doc.main_country or "", is_new=True)
        mentions = []
        for occurrence in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", doc.text):
            sentence = doc.sentence_at(occurrence.start())
            if sentence is None or any(m.start < occurrence.end() and m.end > occurrence.start() for m in named):
                continue
            first, last = _token_range(sentence, occurrence.start(), occurrence.end())
            mentions.append(
                ActorMention(occurrence.start(), occurrence.end(), sentence.index, first, last, NEW, ref, name)
            )
        return mentions

    def _name_leftwards(self, sentence: Sentence, head: int, covered: set) -> int:
        tokens, k = sentence.tokens, head
        while k > 0:
            previous = tokens[k - 1]
            if (sentence.index, k - 1) in covered:
                break
            common = (
                previous.low,
            ) in self.generic and previous.low not in self.lex.GENERIC_NAME_WORDS  # "Rebels of the"
            if (
                previous.is_cap
                and previous.text[:1].isalpha()
                and previous.low not in self.lex.NOT_NAME_STARTS
                and not common
            ) or (
                previous.low in self.lex.NAME_INNER_WORDS
                and k >= 2
                and tokens[k - 2].is_cap
                and (sentence.index, k - 2) not in covered
            ):
                k -= 1
            else:
                break
        while k < head and tokens[k].low in self.lex.NAME_INNER_WORDS:
            k += 1
        return k

    def _name_rightwards(self, sentence: Sentence, opener: int, covered: set) -> int:
        tokens, k = sentence.tokens, opener
        while k + 1 < len(tokens) and (sentence.index, k + 1) not in covered:
            following = tokens[k + 1]
            if (
                (following.is_cap and following.text[:1].isalpha())
                or following.low.startswith(self.lex.NAME_PREFIXES)
                or (following.low in self.lex.NAME_INNER_WORDS and k + 2 < len(tokens) and tokens[k + 2].is_cap)
            ):
                k += 1
            else:
                break
        while k > opener and tokens[k].low in self.lex.NAME_INNER_WORDS:
            k -= 1
        return k

    def _is_group_name(self, doc: Document, tokens: list[Token]) -> bool:
        lex = self.lex
        words = [token.low for token in tokens]
        if any(word in lex.NON_ARMED_NAME_WORDS or word in lex.RELAY_NAMES for word in words):
            return False
        if doc.actors.by_alias(" ".join(token.text for token in tokens)):
            return False
        distinctive = [
            token
            for token in tokens
            if token.low not in lex.GENERIC_NAME_WORDS
            and token.low not in lex.ARMED_NAME_HEADS
            and token.low not in lex.ARMED_NAME_OPENERS
            and token.low not in self.lex.NAME_INNER_WORDS
            and (token.text,) not in self.country_names
            and (token.text,) not in self.demonyms
            and token.low not in lex.MONTHS
            and token.low not in lex.WEEKDAYS
        ]
        return bool(distinctive)

    def _name_kind(self, context: str, default: str) -> str:
        words = re.findall(r"[\w-]+", context.lower())
        for word in reversed(words[-6:]):
            cue = self.lex.NEW_GROUP_KIND_CUES.get(word) or self.lex.NEW_GROUP_KIND_CUES.get(word.rstrip("s"))
            if cue:
                return cue
        return default

    def _new_group_kind(self, context: str, head: str) -> str:
        words = re.findall(r"[\w-]+", context.lower())
        for word in reversed(words):
            if word in self.lex.NEW_GROUP_KIND_CUES:
                return self.lex.NEW_GROUP_KIND_CUES[word]
        return self.lex.NEW_GROUP_HEADS.get(head.lower(), "rebel_group")

    # ---------------------------------------------------------------- countries
    def _country_mentions(self, doc: Document, named: list[ActorMention]) -> list[CountryMention]:
        found = []
        covered = {(m.sentence, i) for m in named for i in range(m.first_token, m.last_token + 1)}
        starts = self.country_starts
        for sentence in doc.sentences:
            tokens, after_hit = sentence.tokens, 0
            # Only the tokens a country name can start with are tried (most are none); a hit's words are skipped.
            for i in [index for index, token in enumerate(tokens) if token.text in starts]:
                if i < after_hit:
                    continue
                hit = None
                for length in range(min(self.country_length, len(tokens) - i), 0, -1):
                    words = tuple(token.text for token in tokens[i : i + length])
                    code = self.country_names.get(words)
                    demonym = code is None and words in self.demonyms
                    code = code or self.demonyms.get(words)
                    ambiguous = (
                        " ".join(words) in self.lex.AMBIGUOUS_COUNTRY_NAMES
                        and i + length < len(tokens)
                        and tokens[i + length].is_cap
                    )
                    capitalised = tokens[i].is_cap or (demonym and not self.lex.DEMONYMS_CAPITALISED)
                    # "Niger State", "Niger district": a Nigerian region named like a country is a region.
                    region = not demonym and i + length < len(tokens) and self._is_area_noun(tokens[i + length].low)
                    if code and capitalised and (sentence.index, i) not in covered and not ambiguous and not region:
                        hit = (length, code, demonym)
                        break
                if hit:
                    length, code, demonym = hit
                    found.append(
                        CountryMention(tokens[i].start, tokens[i + length - 1].end, sentence.index, code, demonym)
                    )
                    after_hit = i + length
        return found

    def _is_area_noun(self, low: str) -> bool:
        return (
            low in self.lex.REGION_NOUNS or low in self.lex.SETTLEMENT_NOUNS
        ) and low not in self.lex.COUNTRY_AREA_NOUNS

    def _main_country(self, doc: Document, named: list[ActorMention]) -> str:
        """The country most named, where naming it as the scene ("in Mali", "the Ukrainian city of",
        "Mali's Kidal region") counts three times."""
        votes: Counter = Counter()
        for mention in doc.countries:
            if self._names_a_border(doc, mention):
                continue  # "near the Algerian border": the neighbour, not the scene
            votes[mention.code] += 3 if self._names_the_scene(doc, mention) else 1
        for mention in named:
            if mention.ref.country and not mention.parent:
                votes[mention.ref.country] += 1
        return votes.most_common(1)[0][0] if votes else ""

    def _names_a_border(self, doc: Document, mention: CountryMention) -> bool:
        following = doc.text[mention.end : mention.end + 12].lower().split()
        preceding = doc.text[max(0, mention.start - 20) : mention.start].lower().split()
        return bool(following and following[0].strip(",.") in self.lex.BORDER_WORDS) or any(
            tuple(preceding[-len(lead) :]) == lead for lead in self.border_leads
        )

    def _names_the_scene(self, doc: Document, mention: CountryMention) -> bool:
        sentence = doc.sentences[mention.sentence]
        tokens = sentence.tokens
        first = next(t.index for t in tokens if t.start >= mention.start)
        last = next(t.index for t in reversed(tokens) if t.end <= mention.end)
        before = tokens[first - 1].low if first > 0 else ""
        after = [t.low for t in tokens[last + 1 : last + 4] if t.low not in self.lex.POSSESSIVE_MARKERS]
        places = self.lex.SETTLEMENT_NOUNS | self.lex.REGION_NOUNS
        # "la ville malienne de": the place noun stands before a demonym in languages that put adjectives after.
        noun_before = mention.demonym and self.lex.ADJECTIVES_FOLLOW_NOUN and before in places
        return (
            before in self.lex.SCENE_PREPOSITIONS
            or noun_before
            or any(word in places for word in after[:2])
            or (bool(after) and after[0] in self.lex.COMPASS_WORDS)
        )

    # ---------------------------------------------------------------- generic mentions
    def _generic_mentions(
        self, doc: Document, named: list[ActorMention], new: list[ActorMention] = ()
    ) -> list[ActorMention]:
        named = [*named, *new]
        covered = {(m.sentence, i) for m in named for i in range(m.first_token, m.last_token + 1)}
        mentions = []
        for sentence in doc.sentences:
            if sentence.words.isdisjoint(self.generic_starts):
                continue
            tokens, after_match = sentence.tokens, 0
            # Only the tokens a generic noun can start with are tried; a match's words are skipped.
            for i in [index for index, token in enumerate(tokens) if token.low in self.generic_starts]:
                if i < after_match:
                    continue
                match = self._generic_at(tokens, i)
                if match is None or any((sentence.index, k) in covered for k in range(i, i + match[0])):
                    continue
                length, category = match
                last = i + length - 1
                after_match = i + length
                if self._extends_named(sentence, i, covered) and category in (STATE, REBEL, JIHADIST, EXTERNAL):
                    # "Wagner forces", "ELN rebels": the named actor's own noun, part of its mention.
                    owner = next(m for m in named if m.sentence == sentence.index and m.last_token == i - 1)
                    owner.last_token, owner.end = last, tokens[last].end
                    owner.text = doc.text[owner.start : owner.end]
                    covered.update((sentence.index, k) for k in range(i, last + 1))
                    continue
                mention = ActorMention(
                    tokens[i].start,
                    tokens[last].end,
                    sentence.index,
                    i,
                    last,
                    category,
                    ActorRef(None, "", "", ""),
                    sentence.span_text(i, last),
                )
                mentions.append(mention)
        return mentions

    def _generic_at(self, tokens: list[Token], i: int) -> tuple[int, str] | None:
        if tokens[i].low not in self.generic_starts:
            return None
        for length in range(min(self.generic_length, len(tokens) - i), 0, -1):
            category = self.generic.get(tuple(token.low for token in tokens[i : i + length]))
            if category:
                return length, category
        return None

    @staticmethod
    def _extends_named(sentence: Sentence, i: int, covered: set) -> bool:
        return i > 0 and (sentence.index, i - 1) in covered

    def owner_country(
        self, doc: Document, sentence: Sentence, first: int, last: int | None = None
    ) -> tuple[str | None, bool]:
        """(country named in front of a generic noun — or after it, where adjectives follow the noun:
        "l'armée malienne", "l'armée du Mali" —, whether an owner word is there at all)."""
        tokens = sentence.tokens
        if self.lex.ADJECTIVES_FOLLOW_NOUN and last is not None:
            after = self._country_after(tokens, last)
            if after:
                return after, True
        k = first - 1
        owned = False
        while k >= 0 and k >= first - 4:
            low = tokens[k].low
            if low in self.lex.POSSESSIVE_MARKERS and k > 0:
                k -= 1
                continue
            for length in (2, 1):
                words = tuple(token.text for token in tokens[max(0, k - length + 1) : k + 1])
                code = self.demonyms.get(words) or self.country_names.get(words)
                if code:
                    return code, True
            if low in self.lex.STATE_OWNERS or low.rstrip("'’s") in self.lex.STATE_OWNERS:
                owned = True
                k -= 1
                continue
            if low in self.lex.OWNER_SKIP_WORDS:
                k -= 1
                continue
            break
        return None, owned

    def _country_after(self, tokens: list[Token], last: int) -> str | None:
        """A demonym or "of" + a country name right after a noun: "soldats burkinabè", "l'armée du Mali"."""
        k = last + 1
        while k < len(tokens) and k <= last + 2 and tokens[k].low in self.lex.OWNER_OF_WORDS:
            k += 1
        for length in (2, 1):
            words = tuple(token.text for token in tokens[k : k + length])
            code = self.demonyms.get(words) or (self.country_names.get(words) if k > last + 1 else None)
            if code:
                return code
        return None

    # ---------------------------------------------------------------- resolution
    def _resolve(self, doc: Document, mentions: list[ActorMention]) -> list[ActorMention]:
        mentions.sort(key=lambda mention: mention.start)
        appositions = self._affiliate_appositions(doc, mentions)
        everywhere = [m for m in mentions if m.category in (NAMED, NEW) and not m.parent]
        for mention in mentions:
            if mention.parent:
                parent = mention.ref
                mention.ref = appositions.get(mention.start) or self._affiliate(doc, parent, [], everywhere)
                # "an al Qaeda affiliate" that resolved to a group names that group from here on.
                mention.parent = mention.ref == parent
        everywhere = [m for m in mentions if m.category in (NAMED, NEW) and not m.parent]
        named_at = {(m.sentence, m.first_token): m for m in mentions if m.category in (NAMED, NEW)}
        resolved: list[ActorMention] = []
        for mention in mentions:
            if mention.category in (NAMED, NEW):
                resolved.append(mention)
                continue
            owner = self._named_after_of(doc, mention, named_at)
            ref = owner.ref if owner is not None else self._resolve_generic(doc, mention, resolved, everywhere)
            if ref is not None:
                mention.ref = ref
                resolved.append(mention)
        return resolved

    @staticmethod
    def _named_after_of(doc: Document, mention: ActorMention, named_at: dict) -> ActorMention | None:
        """ "fighters of an al Qaeda affiliate", "soldiers of the Malian army": the armed group named after "of"."""
        if mention.category not in (STATE, REBEL, JIHADIST, EXTERNAL, UNIDENTIFIED):
            return None
        tokens = doc.sentences[mention.sentence].tokens
        k = mention.last_token + 1
        if k >= len(tokens) or tokens[k].low not in doc.lex.OWNER_OF_WORDS:
            return None
        k += 1
        if k < len(tokens) and tokens[k].low in doc.lex.ARTICLES:
            k += 1
        owner = named_at.get((mention.sentence, k))
        return owner if owner is not None and not owner.parent and owner.ref.kind != "civilians" else None

    def _affiliate(
        self, doc: Document, parent: ActorRef, resolved: list[ActorMention], everywhere: list[ActorMention]
    ) -> ActorRef:
        """The group "an X affiliate" stands for when the text names none beside it (see the module's docstring)."""
        affiliates = {entry.name for entry in doc.actors.affiliates(parent.name)}
        named = (
            self._salient(resolved, everywhere, doc, JIHADIST, exclude=parent.name, only=affiliates.__contains__)
            if affiliates
            else None
        )
        if named is not None:
            return named
        local = doc.actors.affiliates(parent.name, doc.main_country) if doc.main_country else []
        if len(local) == 1:
            return ActorRef(local[0].id, local[0].name, local[0].kind, local[0].country)
        return (
            self._salient(
                resolved,
                everywhere,
                doc,
                JIHADIST,
                exclude=parent.name,
                only=lambda name: _parent_of(doc, name) in ("", parent.name),
            )
            or parent
        )

    def _affiliate_appositions(self, doc: Document, mentions: list[ActorMention]) -> dict[int, ActorRef]:
        """ "al Qaeda branch Jama'a Nusrat ... (JNIM)": every such parent phrase names that group.

        Returns start offset of each parent mention -> the group it stands for.
        """
        by_parent: dict[str, ActorRef] = {}
        ordered = [m for m in mentions if m.category in (NAMED, NEW)]
        for first, second in pairwise(ordered):
            if first.parent and first.sentence == second.sentence and not second.parent:
                gap = doc.text[first.end : second.start]
                if len(gap) <= 25 and second.ref.name != first.ref.name:
                    by_parent[first.ref.name] = second.ref
        return {m.start: by_parent[m.ref.name] for m in ordered if m.parent and m.ref.name in by_parent}

    def _resolve_generic(
        self, doc: Document, mention: ActorMention, resolved: list[ActorMention], everywhere: list[ActorMention]
    ) -> ActorRef | None:
        """The actor a generic mention stands for: an owner the sentence names ("its fighters"), else the
        rule of its category in GENERIC_RESOLVERS."""
        sentence = doc.sentences[mention.sentence]
        noun = " ".join(token.low for token in sentence.tokens[mention.first_token : mention.last_token + 1])
        country, owned = self.owner_country(doc, sentence, mention.first_token, mention.last_token)
        generic = GenericMention(doc, mention, noun, country, owned, resolved, everywhere)
        owner = self._possessive_owner(generic)
        if owner is not None:
            return owner
        resolver = self.GENERIC_RESOLVERS.get(mention.category)
        return resolver(self, generic) if resolver is not None else None

    def _possessive_owner(self, generic: GenericMention) -> ActorRef | None:
        """ "Wagner said its fighters ...": the owner named earlier in the sentence."""
        mention = generic.mention
        before = (
            generic.doc.sentences[mention.sentence].tokens[mention.first_token - 1].low if mention.first_token else ""
        )
        if before not in self.lex.OWNER_POSSESSIVES or mention.category not in (STATE, REBEL, JIHADIST, EXTERNAL):
            return None
        owner = next(
            (
                m
                for m in reversed(generic.resolved)
                if m.sentence == mention.sentence and m.category in ARMED_CATEGORIES and not m.descriptor
            ),
            None,
        )
        return owner.ref if owner is not None else None

    def _salient_of(self, generic: GenericMention, category: str, country: str | None = None) -> ActorRef | None:
        return self._salient(generic.resolved, generic.everywhere, generic.doc, category, country=country)

    # ------------------------------------------------ one resolver per generic category (GENERIC_RESOLVERS)
    def _state_forces(self, generic: GenericMention) -> ActorRef | None:
        """ "the army", "the Malian army": the state forces of the owner country or the report's."""
        doc, noun, country = generic.doc, generic.noun, generic.country
        if noun in self.lex.STATE_NOUNS_NEEDING_OWNER and not country and not generic.owned:
            return None
        return state_ref(doc, country or doc.main_country, police=noun in self.lex.POLICE_NOUNS)

    def _external_forces(self, generic: GenericMention) -> ActorRef | None:
        """ "foreign troops", "Russian instructors": the external force named, else an ally's state forces."""
        country = generic.country
        return (
            self._salient_of(generic, EXTERNAL, country)
            or self._salient_of(generic, EXTERNAL)
            or (state_ref(generic.doc, country) if country and generic.noun in self.lex.ALLY_NOUNS else None)
        )

    def _rebels(self, generic: GenericMention) -> ActorRef | None:
        return self._salient_of(generic, REBEL) or self._salient_of(generic, JIHADIST) or unidentified_ref(generic.doc)

    def _jihadists(self, generic: GenericMention) -> ActorRef | None:
        fallback = self._salient_of(generic, REBEL) if generic.noun in self.lex.UNALIGNED_JIHADIST_NOUNS else None
        return self._salient_of(generic, JIHADIST) or fallback or unidentified_ref(generic.doc)

    def _crowd(self, generic: GenericMention) -> ActorRef | None:
        category = generic.mention.category
        return generic_ref(generic.doc, category, generic.country or generic.doc.main_country)

    def _unidentified(self, generic: GenericMention) -> ActorRef | None:
        return unidentified_ref(generic.doc)

    GENERIC_RESOLVERS: ClassVar[dict[str, Callable]] = {
        STATE: _state_forces,
        EXTERNAL: _external_forces,
        REBEL: _rebels,
        JIHADIST: _jihadists,
        CIVILIANS: _crowd,
        PROTESTERS: _crowd,
        UNIDENTIFIED: _unidentified,
    }

    @staticmethod
    def _salient(
        resolved: list[ActorMention],
        everywhere: list[ActorMention],
        doc: Document,
        category: str,
        country: str | None = None,
        exclude: str = "",
        only: Callable[[str], bool] | None = None,
    ) -> ActorRef | None:
        """The report's most salient actor of a category so far: mentioned most, those of the last two
        sentences counting double; if none is named yet, the most named in the whole report.
        ``only`` keeps the actors whose names it accepts."""
        last_sentence = resolved[-1].sentence if resolved else 0
        for pool in ([m for m in resolved if m.category in (NAMED, NEW) and not m.parent], everywhere):
            scores: Counter = Counter()
            refs = {}
            for mention in pool:
                ref = mention.ref
                if ref.name == exclude or not _in_category(doc, ref, category) or (country and ref.country != country):
                    continue
                if only is not None and not only(ref.name):
                    continue
                scores[ref.name] += 1 + (last_sentence - mention.sentence <= 1)
                refs[ref.name] = ref
            if scores:
                return refs[scores.most_common(1)[0][0]]
        return None


def _as_written(lexicon: ModuleType, name: str) -> tuple[str, ...]:
    """A name as the tokens of running text spell it ("Côte d'Ivoire" -> "Côte", "d'", "Ivoire")."""
    return tuple(token.text for token in tokenize(name, 0, lexicon))


def _parent_of(doc: Document, name: str) -> str:
    entry = doc.actors.by_name(name)
    return entry.parent if entry else ""


def _in_category(doc: Document, ref: ActorRef, category: str) -> bool:
    entry = doc.actors.by_name(ref.name)
    jihadist = bool(entry and doc.actors.is_jihadist(entry))
    if category == REBEL:
        return ref.kind in ("rebel_group", "political_militia", "identity_militia") and not jihadist
    if category == JIHADIST:
        return ref.kind == "rebel_group" and (jihadist or ref.is_new)
    if category == EXTERNAL:
        return ref.kind == "external_forces"
    return False


def state_ref(doc: Document, country: str, police: bool = False) -> ActorRef | None:
    if not country:
        return None
    entry = doc.actors.state_forces(country, police=police) or doc.actors.state_forces(country)
    if entry:
        entry = doc.actors.in_period(entry, doc.published)
        return ActorRef(entry.id, entry.name, entry.kind, entry.country)
    word = "Police" if police else "Military"
    return ActorRef(None, f"{word} Forces of {doc.country_name(country)}", "state_forces", country)


def generic_ref(doc: Document, kind: str, country: str) -> ActorRef:
    entry: ActorEntry | None = doc.actors.generic(kind, country)
    label = {"civilians": "Civilians", "protesters": "Protesters", "rioters": "Rioters"}[kind]
    if entry:
        return ActorRef(entry.id, entry.name, entry.kind, entry.country or country)
    name = f"{label} ({doc.country_name(country)})" if country else label
    return ActorRef(None, name, kind, country)


def unidentified_ref(doc: Document) -> ActorRef:
    country = doc.main_country
    name = f"Unidentified Armed Group ({doc.country_name(country)})" if country else "Unidentified Armed Group"
    return ActorRef(None, name, "political_militia", country)


def _token_range(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    first = last = None
    for token in sentence.tokens:
        if token.end > start and token.start < end:
            first = token.index if first is None else first
            last = token.index
    if first is None:
        first = last = 0
    return first, last


def _deduplicated(mentions: list[ActorMention]) -> list[ActorMention]:
    seen, result = set(), []
    for mention in mentions:
        if mention.start not in seen:
            seen.add(mention.start)
            result.append(mention)
    return result
