"""Claims: every attributed figure (killed, wounded, captured, missing, displaced, destroyed).

For each figure in a sentence we read
- the kind, from the figure's own noun ("20 deaths"), a passive verb after it ("two soldiers had
  been killed"), a verb before it ("killed approximately 20 rebels", "claim to have eliminated
  50"), a toll ("the death toll was at least 17") or a figure it is coordinated with
  ("killed 50 mercenaries and 10 soldiers"); a figure with no kind is no claim;
- the subject, from the actors named in the figure's noun phrase ("10 Malian soldiers"), "its"
  (the claimant's own forces), "others"/"them" (the previous subject);
- the claimant, from the attribution that governs the figure: "X said/claimed ...", "...,” X said",
  "according to X" (a relay such as SITE only when nobody else speaks), "X quoted a statement by Y"
  (Y), pronouns and "the group"/"the statement" (the previous speaker), a person introduced as
  "Name, a spokesman for X" (X). Described sources stay as written ("a local politician").
A breakdown inside a figure ("18 people, among them nine children") is not a new claim, and
the same statement repeated (headline and body) is one claim.
"""

import re
from dataclasses import dataclass, field, replace
from types import ModuleType

from .acled import KILLED_OR_CAPTURED
from .document import ARMED_CATEGORIES, CIVILIANS, NAMED, NEW, PROTESTERS, ActorMention, Document
from .numbers import Quantity
from .results import ActorRef, ParsedClaim
from .text import Sentence, Token, inside_quotes, phrase_words

_DIGIT_OR_HYPHEN = re.compile(r"[\d-]")
PUNCTUATION_STOPS = {",", ";", ".", ":", "(", ")", "—", "–", "!", "?", "[", "]"}
OPEN_QUOTES = {"“", "«", "„"}
CLOSE_QUOTES = {"”", "»"}
QUOTES = OPEN_QUOTES | CLOSE_QUOTES | {'"', "'", "‘", "’"}


# A claim's confidence: a figure read with a kind starts just under even odds; who said it counts most (an
# actor of the dictionary more than a source described in words), then a number over "dozens" and a known
# subject; a headline repeats the body in fewer words, so its reading is trusted less. Never certain.
CLAIM_BASE_CONFIDENCE = 0.45
CLAIMANT_ACTOR_BONUS = 0.3
CLAIMANT_DESCRIBED_BONUS = 0.2
EXACT_FIGURE_BONUS = 0.1
SUBJECT_BONUS = 0.1
HEADLINE_PENALTY = 0.15
CLAIM_MAX_CONFIDENCE = 0.95


@dataclass
class Speaker:
    ref: ActorRef | None
    text: str
    statement: bool = False  # the speaker spoke through a statement ("said in a statement")


@dataclass
class Cue:
    index: int  # token index of the attribution word
    speaker: Speaker | None
    kind: str  # verb, according, inverted, participle, relay


@dataclass
class SentenceContext:
    """A sentence as the attribution rules read it: its actors, the people introduced so far
    ("Name, a spokesman for X") and the speakers before it, for pronouns and "the same source"."""

    doc: Document
    sentence: Sentence
    mentions: list[ActorMention]
    people: dict[str, Speaker] = field(default_factory=dict)
    last_speaker: Speaker | None = None
    speakers: list[Speaker] = field(default_factory=list)


@dataclass
class SpeakerWords:
    """The words that name a speaker (tokens start..end of the context's sentence), for the speaker rules."""

    context: SentenceContext
    start: int
    end: int
    words: list[str]  # lowercased
    text: str  # as written, quotes and commas stripped
    inside: list[ActorMention]  # the actors named in the words
    head: str  # "a former UN mission official in Kidal" -> "official"
    personal: bool  # "local authorities", "un ancien militaire": people, not a force's voice
    first: bool  # several actors named: the first speaks (the subject at the head of a sentence), else the last


@dataclass
class Figure:
    """A figure of a sentence ("12 soldiers", "heavy losses") as FIGURE_PASSES read it."""

    quantity: Quantity
    noun_phrase: tuple[int, int]  # token range of the figure's noun phrase ("of its soldiers"); empty: (k, k - 1)
    loss_kind: str | None = None  # a vague loss ("heavy losses"): the kind its words give
    loss: bool = False  # a vague loss, not a number
    coordinated: bool = False  # joined to the figure before ("50 mercenaries and 10 soldiers")
    breakdown: bool = False  # part of the figure before ("among them nine children"): no claim of its own
    kind: str | None = None  # killed, wounded, ...; None: no claim


@dataclass(frozen=True)
class Ruling:
    """What a speaker rule decided: ``speaker`` None means nobody speaks (the later rules are not asked)."""

    speaker: Speaker | None


@dataclass
class FoundClaim:
    claim: ParsedClaim
    sentence: int
    heading: bool
    figure_start: int
    figure_end: int


class ClaimReader:
    def __init__(self, lexicon: ModuleType):
        self.lex = lexicon
        self.kind_phrases = sorted(
            (
                (phrase_words(lexicon, phrase), kind)
                for kind, phrases in lexicon.KIND_WORDS.items()
                for phrase in phrases
            ),
            key=lambda item: -len(item[0]),
        )
        self.kind_by_last_word: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, kind in self.kind_phrases:
            self.kind_by_last_word.setdefault(phrase[-1], []).append((phrase, kind))
        self.kind_by_first_word: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, kind in self.kind_phrases:
            self.kind_by_first_word.setdefault(phrase[0], []).append((phrase, kind))
        self.breakdowns = [phrase_words(lexicon, cue) for cue in lexicon.BREAKDOWN_CUES]
        self.according = [phrase_words(lexicon, phrase) for phrase in lexicon.ACCORDING_TO_PHRASES]
        self.according_starts = {phrase[0] for phrase in self.according}
        self.cue_words = set(lexicon.ATTRIBUTION_VERBS) | self.according_starts
        self.name_run = re.compile(r"^[A-Z\u00c0-\u00de][\w'’.-]*$")
        self.speaker_trailing_words = set(lexicon.PASSIVE_FILLERS) | lexicon.SPEAKER_TRAILING_WORDS
        gaps = {phrase_words(lexicon, gap) for gap in lexicon.COORDINATION_GAPS}
        self.coordination_gaps = gaps | {(",", *gap) for gap in gaps} | {(",",)}
        self.breakdown_tails = {phrase_words(lexicon, tail) for tail in lexicon.BREAKDOWN_TAILS}
        self.partitive_pronouns = {phrase_words(lexicon, tail) for tail in lexicon.PARTITIVE_PRONOUNS}
        self.partitive_possessives = {phrase_words(lexicon, tail) for tail in lexicon.PARTITIVE_POSSESSIVES}
        self.qualifier_words = {
            word for phrase, _ in lexicon.QUALIFIER_PHRASES for word in phrase_words(lexicon, phrase)
        }
        # A sentence holds a figure only if one of these words is in it (or a digit): the rest skip the figure reader.
        self.figure_words = (
            set(lexicon.UNITS)
            | set(lexicon.TENS)
            | set(lexicon.MULTIPLIERS)
            | {lexicon.DOZEN, lexicon.HALF}
            | {word for phrase in lexicon.VAGUE_QUANTITIES for word in phrase.split()}
            | set(lexicon.LOSS_NOUNS)
        ) - lexicon.NOT_FIGURE_WORDS

    def _may_hold_figures(self, sentence: Sentence) -> bool:
        words = self.figure_words
        if not sentence.words.isdisjoint(words):
            return True
        if not _DIGIT_OR_HYPHEN.search(sentence.text):
            return False
        return any(token.low[:1].isdigit() or token.low.split("-")[0] in words for token in sentence.tokens)

    # ---------------------------------------------------------------- whole document
    def read(self, doc: Document) -> list[FoundClaim]:
        people = self._people(doc)
        found: list[FoundClaim] = []
        last_speaker: Speaker | None = None
        speakers: list[Speaker] = []
        open_quote_speaker: Speaker | None = None
        for sentence in doc.sentences:
            if sentence.is_boilerplate:
                continue
            mentions = doc.mentions_in(sentence)
            context = SentenceContext(doc, sentence, mentions, people, last_speaker, speakers)
            cues = self._cues(context)
            quote_speaker = self._quote_continuation(sentence, cues, open_quote_speaker, doc, sentence.index)
            for item in self._claims_in(doc, sentence, mentions, cues, quote_speaker):
                found.append(item)
            main = next((cue.speaker for cue in cues if cue.speaker is not None), None)
            if main is not None:
                last_speaker = main
                speakers.append(main)
            open_quote_speaker = self._open_quote_speaker(sentence, cues, quote_speaker)
        return self._deduplicated(found)

    # ---------------------------------------------------------------- people
    def _people(self, doc: Document) -> dict[str, Speaker]:
        """ "Mohamed Ramadane, spokesman for the CSP-DPA": Ramadane speaks for the CSP-DPA."""
        people: dict[str, Speaker] = {}
        for sentence in doc.sentences:
            tokens = sentence.tokens
            mentions = doc.mentions_in(sentence)
            for first, last in self._name_runs(sentence, mentions):
                speaker = self._apposition(doc, sentence, mentions, first, last)
                if speaker is None:
                    continue
                name = sentence.span_text(first, last)
                people.setdefault(name.lower(), speaker)
                people.setdefault(tokens[last].low, speaker)
        return people

    def _name_runs(self, sentence: Sentence, mentions: list[ActorMention]) -> list[tuple[int, int]]:
        covered = {i for m in mentions for i in range(m.first_token, m.last_token + 1)}
        runs, start = [], None
        for token in sentence.tokens:
            ok = token.index not in covered and (
                self.name_run.match(token.text) is not None
                or (start is not None and token.low in self.lex.NAME_PARTICLES)
            )
            if ok and start is None:
                start = token.index
            elif not ok and start is not None:
                if token.index - start >= 2:
                    runs.append((start, token.index - 1))
                start = None
        if start is not None and len(sentence.tokens) - start >= 2:
            runs.append((start, len(sentence.tokens) - 1))
        return runs

    def _apposition(self, doc, sentence, mentions, first, last) -> Speaker | None:
        tokens = sentence.tokens
        if last + 2 >= len(tokens) or tokens[last + 1].text != ",":
            return None
        end = next((t.index for t in tokens[last + 2 :] if t.text in (",", ";", ".", "“", "”", '"')), len(tokens)) - 1
        role = tokens[last + 2 : end + 1]
        if not role or not any(t.low in self.lex.VOICE_NOUNS or t.low in self.lex.SOURCE_NOUNS for t in role[:5]):
            return None
        return self._speaker_of_region(SentenceContext(doc, sentence, mentions), last + 2, end)

    # ---------------------------------------------------------------- attribution
    def _cues(self, context: SentenceContext) -> list[Cue]:
        """The attributions of a sentence, each with its speaker: "according to X", then the verb cues."""
        if context.sentence.words.isdisjoint(self.cue_words):
            return []
        cues: list[Cue] = []
        for token in context.sentence.tokens:
            if token.low not in self.cue_words:
                continue  # most words: neither "according to" nor an attribution verb
            cue = self._according_cue(context, token.index) or self._verb_cue(context, token.index, cues)
            if cue is not None:
                cues.append(cue)
        # A relay ("according to SITE") never outranks a speaker of the same sentence.
        if any(cue.kind != "according" and cue.speaker is not None for cue in cues):
            cues = [cue for cue in cues if not (cue.kind == "according" and _is_relay(cue.speaker, self.lex))]
        return cues

    def _according_cue(self, context: SentenceContext, i: int) -> Cue | None:
        tokens = context.sentence.tokens
        region = self._according_region(tokens, i) if tokens[i].low in self.according_starts else None
        if region is None:
            return None
        return Cue(i, self._speaker_of_region(context, region, self._region_end(tokens, region)), "according")

    def _verb_cue(self, context: SentenceContext, i: int, cues: list[Cue]) -> Cue | None:
        """An attribution verb (not used as a noun: "the claims"), read by the first of VERB_CUE_RULES that fits."""
        tokens = context.sentence.tokens
        if tokens[i].low not in self.lex.ATTRIBUTION_VERBS or self._is_noun_use(tokens, i):
            return None
        for rule in self.VERB_CUE_RULES:
            cue = rule(self, context, i, cues)
            if cue is not None:
                return cue
        return None

    def _relay_cue(self, context: SentenceContext, i: int, cues: list[Cue]) -> Cue | None:
        """ "SITE quoted a statement by JNIM": the quoted party speaks."""
        if context.sentence.tokens[i].low not in self.lex.RELAY_VERBS:
            return None
        return Cue(i, self._relayed_speaker(context, i), "relay")

    def _participle_cue(self, context: SentenceContext, i: int, cues: list[Cue]) -> Cue | None:
        """ "..., stating that": the speaker of the cue before, else the sentence's subject."""
        tokens = context.sentence.tokens
        if tokens[i].low not in self.lex.PARTICIPLE_ATTRIBUTION or i == 0 or tokens[i - 1].text not in (",", "—"):
            return None
        previous = cues[-1].speaker if cues else None
        return Cue(i, previous or self._subject_speaker(context, i), "participle")

    def _inverted_cue(self, context: SentenceContext, i: int, cues: list[Cue]) -> Cue | None:
        """'..." said Mohamed Ramadan': the speaker follows the verb."""
        tokens = context.sentence.tokens
        if not self._inverted(tokens, i):
            return None
        return Cue(i, self._speaker_of_region(context, i + 1, self._region_end(tokens, i + 1)), "inverted")

    def _plain_verb_cue(self, context: SentenceContext, i: int, cues: list[Cue]) -> Cue | None:
        """ "the army said": the clause's subject speaks (through a statement when the verb says so)."""
        tokens = context.sentence.tokens
        speaker = self._speaker_of_region(context, self._clause_start(tokens, i), i - 1)
        if speaker is not None:
            speaker.statement = self._via_statement(tokens, i)
        return Cue(i, speaker, "verb")

    # Asked in this order: a relay verb names who it quotes, a participle after a comma continues the speaker
    # before it, an inverted verb has its speaker after it; any other attribution verb, its subject before it.
    VERB_CUE_RULES = (_relay_cue, _participle_cue, _inverted_cue, _plain_verb_cue)

    def _according_region(self, tokens: list[Token], i: int) -> int | None:
        """Where the source starts after "according to" / "selon" at token i; None if no such phrase is there.
        A phrase that ends in a source noun keeps it: "de source hospitalière" -> "source hospitalière"."""
        for phrase in self.according:
            if tokens[i].low == phrase[0] and all(
                i + n < len(tokens) and tokens[i + n].low == word for n, word in enumerate(phrase)
            ):
                last = i + len(phrase) - 1
                return last if phrase[-1] in self.lex.SOURCE_NOUNS else last + 1
        return None

    def _is_noun_use(self, tokens: list[Token], i: int) -> bool:
        """ "the claims", "a rebel claim", "reports of": attribution words used as nouns."""
        low = tokens[i].low
        before = tokens[i - 1].low if i > 0 else ""
        lex = self.lex
        if low in lex.ATTRIBUTION_NOUNS or low in lex.TOLL_VERBS:
            if before in lex.NOUN_DETERMINERS or low in lex.ALWAYS_NOUNS:
                return True
            if low in lex.TOLL_VERBS and not self._toll_nearby(tokens, i):
                return True
        return False

    def _toll_nearby(self, tokens: list[Token], i: int) -> bool:
        window = {t.low for t in tokens[i : i + 6]}
        return bool(window & self.lex.TOLL_WORDS)

    def _inverted(self, tokens: list[Token], i: int) -> bool:
        """', said Mohamed Ramadan, a spokesman' — the speaker follows the verb after a quotation; in French
        also after a comma: "..., a indiqué l'armée dans un communiqué"."""
        if i == 0 or i + 1 >= len(tokens):
            return False
        k = i
        while k > 0 and tokens[k - 1].low in self.lex.AUXILIARIES:
            k -= 1  # "a indiqué": the auxiliary goes with the verb
        before = [t.text for t in tokens[max(0, k - 2) : k]]
        after = tokens[i + 1]
        opened = any(text in CLOSE_QUOTES or text == '"' for text in before) or (
            self.lex.INVERSION_AFTER_COMMA and k > 0 and tokens[k - 1].text == ","
        )
        return opened and after.low not in self.lex.PRONOUN_SPEAKERS and after.low not in self.lex.NOT_INVERTED_SUBJECTS

    def _via_statement(self, tokens: list[Token], i: int) -> bool:
        return any(t.low in self.lex.STATEMENT_NOUNS for t in tokens[i : i + 5])

    def _region_end(self, tokens: list[Token], start: int) -> int:
        for token in tokens[start:]:
            if token.text in PUNCTUATION_STOPS or token.text in QUOTES or token.low in self.lex.SPEAKER_REGION_ENDS:
                return token.index - 1
        return len(tokens) - 1

    def _clause_start(self, tokens: list[Token], verb: int) -> int:
        k = verb - 1
        while k >= 0:
            text, low = tokens[k].text, tokens[k].low
            if text in CLOSE_QUOTES or text in (";", ":", "—") or low in self.lex.CLAUSE_OPENERS:
                return k + 1
            if text == '"' and inside_quotes_token(tokens, k):
                return k + 1
            k -= 1
        return 0

    def _relayed_speaker(self, context: SentenceContext, i: int) -> Speaker | None:
        """ "SITE quoted a statement by JNIM saying", "citing hospital sources": the quoted party."""
        tokens = context.sentence.tokens
        start = i + 1
        for token in tokens[i + 1 : i + 6]:
            if token.low in self.lex.RELAY_SOURCE_PREPOSITIONS:
                start = token.index + 1
                break
        end = self._region_end(tokens, start)
        return self._speaker_of_region(context, start, end)

    def _subject_speaker(self, context: SentenceContext, i: int) -> Speaker | None:
        """The subject at the head of the sentence, for "..., stating that"."""
        tokens = context.sentence.tokens
        end = next((t.index - 1 for t in tokens[:i] if t.text in (",",) and t.index > 1), i - 1)
        speaker = self._speaker_of_region(context, 0, end, first=True)
        return speaker or self._speaker_of_region(context, 0, i - 1, first=True)

    def _speaker_of_region(self, context: SentenceContext, start: int, end: int, first: bool = False) -> Speaker | None:
        """Who speaks, from the words naming them (tokens start..end): the words are found (source leads,
        an introduction and trailing time words cut off), then SPEAKER_RULES are asked in order."""
        tokens = context.sentence.tokens
        start = self._past_source_leads(context.doc, tokens, start, end)
        if start > end or start >= len(tokens):
            return None
        core_start = start
        introduction_end = self._introduction_end(context, start, end, first)
        if introduction_end is not None:
            if tokens[introduction_end + 1].low in self.lex.RELATIVE_PRONOUNS and introduction_end - 1 >= start:
                return self._antecedent_speaker(context, start, introduction_end - 1)
            if not self._names_before_introduction_end(context, start, introduction_end, end):
                core_start = introduction_end + 1
        core_end = self._before_trailing_words(context.doc, tokens, core_start, end)
        if core_end < core_start:
            if core_start > start:
                # The words after the introduction were all trimmed: read the whole region, introduction kept.
                return self._speaker_of_region(context, start, end, True)
            return None
        words = self._speaker_words(context, core_start, core_end, first)
        for rule in self.SPEAKER_RULES:
            ruling = rule(self, words)
            if ruling is not None:
                return ruling.speaker
        return None

    # ------------------------------------------------ finding the speaker's words
    def _past_source_leads(self, doc: Document, tokens: list[Token], start: int, end: int) -> int:
        """ "a-t-on appris auprès des autorités locales": the source after its lead words.
        ", ont indiqué jeudi des sources locales": nor the date between the verb and its source."""
        while (
            start < end
            and start < len(tokens)
            and (tokens[start].low in self.lex.SOURCE_LEADS or self._in_date(doc, tokens[start]))
        ):
            lead = tokens[start].low in self.lex.SOURCE_LEADS
            start += 1
            while lead and start < end and tokens[start].low in self.lex.OWNER_OF_WORDS:
                start += 1
        return start

    def _introduction_end(self, context: SentenceContext, start: int, end: int, first: bool) -> int | None:
        """The comma that may close an introductory phrase ("In response, the military"), if it leaves words."""
        intro = [t.index for t in context.sentence.tokens[start : end + 1] if t.text == ","]
        if not intro or first or intro[-1] + 1 > end:
            return None
        return intro[-1]

    def _names_before_introduction_end(self, context: SentenceContext, start: int, comma: int, end: int) -> bool:
        """ "In response, the military": cut an introduction, but not a name or apposition with an actor in it —
        unless the attribution closes the sentence (", regional governor X said."), or the words after the
        comma name the speaker ("X attacked ... on Monday, the military said")."""
        tokens, mentions, candidate = context.sentence.tokens, context.mentions, comma + 1
        armed = [m for m in mentions if m.category in ARMED_CATEGORIES]
        named_before = any(start <= m.first_token < candidate for m in armed)
        named_before = named_before and not self._closes_sentence(context.doc, tokens, end + 1)
        own = [m for m in armed if candidate <= m.first_token and m.last_token <= end]
        if own and end - candidate <= 5 and tokens[candidate].low in self.lex.SPEAKER_DETERMINERS:
            return False
        return named_before

    def _antecedent_speaker(self, context: SentenceContext, start: int, end: int) -> Speaker | None:
        """ "a statement from the Malian army, which reported": the antecedent (tokens start..end) speaks."""
        antecedent = [m for m in context.mentions if m.category in ARMED_CATEGORIES and start <= m.last_token <= end]
        if antecedent:
            return Speaker(antecedent[-1].ref, self._noun_group_text(context.sentence, antecedent[-1].first_token, end))
        return self._speaker_of_region(context, start, end)

    def _before_trailing_words(self, doc: Document, tokens: list[Token], start: int, end: int) -> int:
        """The last speaker word before trailing time words and quotes ("the army on Monday")."""
        while end >= start and (
            tokens[end].low in self.speaker_trailing_words
            or self._in_date(doc, tokens[end])
            or tokens[end].text in QUOTES
        ):
            end -= 1
        return end

    def _speaker_words(self, context: SentenceContext, start: int, end: int, first: bool) -> SpeakerWords:
        sentence = context.sentence
        words = [t.low for t in sentence.tokens[start : end + 1]]
        return SpeakerWords(
            context=context,
            start=start,
            end=end,
            words=words,
            text=sentence.span_text(start, end).strip(" ,“”\"'"),
            inside=[m for m in context.mentions if m.first_token >= start and m.last_token <= end],
            head=self._head(words),
            personal=any(word in self.lex.PERSONAL_SOURCE_MODIFIERS for word in words),
            first=first,
        )

    # ------------------------------------------------ the speaker rules, in SPEAKER_RULES order
    def _pronoun_rule(self, speaker: SpeakerWords) -> Ruling | None:
        """ "..., it said", "he added": the previous speaker."""
        if speaker.words[-1] not in self.lex.PRONOUN_SPEAKERS:
            return None
        last_speaker = speaker.context.last_speaker
        return Ruling(replace(last_speaker) if last_speaker else None)

    def _anaphor_rule(self, speaker: SpeakerWords) -> Ruling | None:
        """ "the same source", "the statement": the earlier speaker that noun named."""
        bare = [word for word in speaker.words if word not in self.lex.ANAPHOR_MODIFIERS]
        if (
            bare[0] in self.lex.ANAPHOR_DETERMINERS
            and len(bare) == 2
            and bare[-1] in self.lex.ANAPHOR_NOUNS
            and not speaker.inside
        ):
            return Ruling(self._anaphor(bare[-1], speaker.context.last_speaker, speaker.context.speakers))
        return None

    def _voice_rule(self, speaker: SpeakerWords) -> Ruling | None:
        """ "a CSP spokesman", "a statement from the Malian army": the force whose voice it is."""
        if speaker.personal:
            return None
        voice = self._voice_actor(speaker.context.sentence.tokens, speaker.inside, speaker.start, speaker.end)
        if voice is None:
            return None
        mention, noun = voice
        text = self._noun_group_text(speaker.context.sentence, min(noun, mention.first_token), speaker.end)
        return Ruling(Speaker(mention.ref, text))

    def _source_noun_rule(self, speaker: SpeakerWords) -> Ruling | None:
        """ "a security source", "hospital sources": a source described in words, no actor."""
        head = speaker.head
        if head in self.lex.SOURCE_NOUNS and (
            head not in self.lex.VOICE_NOUNS or speaker.personal or not speaker.inside
        ):
            return Ruling(Speaker(None, speaker.text))
        return None

    def _person_rule(self, speaker: SpeakerWords) -> Ruling | None:
        """A person introduced earlier ("Mohamed Ramadane, spokesman for the CSP-DPA") speaks for their group."""
        tokens = speaker.context.sentence.tokens
        person = self._person(tokens, speaker.start, speaker.end, speaker.context.people)
        if person is None:
            return None
        return Ruling(Speaker(person.ref, speaker.text if person.ref else person.text))

    def _personal_rule(self, speaker: SpeakerWords) -> Ruling | None:
        """ "local authorities", "un ancien militaire": people, not a force's voice (unless a group is named)."""
        if speaker.personal and not any(m.category in (NAMED, NEW) for m in speaker.inside):
            return Ruling(Speaker(None, speaker.text))
        return None

    def _actor_rule(self, speaker: SpeakerWords) -> Ruling | None:
        """ "the Malian army said": the armed actor named (the first of several at the head of a sentence)."""
        actors = [m for m in speaker.inside if m.category in ARMED_CATEGORIES and not m.descriptor]
        if not actors:
            return None
        chosen = actors[0] if speaker.first else actors[-1]
        return Ruling(
            Speaker(chosen.ref, self._noun_group_text(speaker.context.sentence, actors[0].first_token, speaker.end))
        )

    def _relay_rule(self, speaker: SpeakerWords) -> Ruling | None:
        """ "SITE Intelligence Group", "Reuters": a relay speaks as written."""
        if speaker.head in self.lex.RELAY_NAMES or " ".join(speaker.words) in self.lex.RELAY_NAMES:
            return Ruling(Speaker(None, speaker.text))
        return None

    def _described_source_rule(self, speaker: SpeakerWords) -> Ruling | None:
        """Any other subject of an attribution verb is a source described in words ("the local civil society")."""
        words, head = speaker.words, speaker.head
        tokens = speaker.context.sentence.tokens
        if len(words) <= 12 and (
            words[0] in self.lex.DESCRIBED_SOURCE_OPENERS
            or any(t.is_cap for t in tokens[speaker.start : speaker.end + 1])
            or head in self.lex.SOURCE_NOUNS
            or head in self.lex.VOICE_NOUNS
        ):
            return Ruling(Speaker(None, speaker.text))
        return None

    # Asked in this order; the first that rules decides. Pronouns and anaphora first (they name nobody new);
    # a force's voice before a described source (a spokesman of X is X); a known person before an actor named
    # in passing; a relay only when no actor is named; anything else capitalised or source-like last.
    SPEAKER_RULES = (
        _pronoun_rule,
        _anaphor_rule,
        _voice_rule,
        _source_noun_rule,
        _person_rule,
        _personal_rule,
        _actor_rule,
        _relay_rule,
        _described_source_rule,
    )

    def _closes_sentence(self, doc: Document, tokens: list[Token], verb: int) -> bool:
        rest = [
            t
            for t in tokens[verb + 1 :]
            if t.text not in PUNCTUATION_STOPS and t.text not in QUOTES and not self._in_date(doc, t)
        ]
        return len(rest) <= 4 and all(t.low in self.lex.ATTRIBUTION_TAIL_WORDS or t.is_cap for t in rest)

    def _noun_group_text(self, sentence: Sentence, first: int, end: int) -> str:
        """From the determiner before an actor's words to the end of the speaker's words."""
        tokens = sentence.tokens
        articles = self.lex.ARTICLES
        k = first
        while (
            k > 0
            and first - k < 4
            and tokens[k - 1].low not in self.lex.NOUN_GROUP_STOPS
            and tokens[k - 1].text not in QUOTES
        ):
            if tokens[k - 1].low in articles:
                k -= 1
                break
            k -= 1
        if tokens[k].low not in articles:
            k = first
        return sentence.span_text(k, end).strip(" ,“”\"'")

    def _voice_actor(self, tokens, inside, start, end) -> tuple[ActorMention, int] | None:
        """ "a CSP spokesman", "a statement from the Malian army", "the General Staff of the Malian armies"."""
        armed = [m for m in inside if m.category in ARMED_CATEGORIES and not m.descriptor]
        if not armed:
            return None
        for token in tokens[start : end + 1]:
            if token.low in self.lex.VOICE_NOUNS:
                before = [m for m in armed if m.last_token < token.index]
                after = [m for m in armed if m.first_token > token.index]
                if after and token.index + 1 < len(tokens) and tokens[token.index + 1].low in self.lex.VOICE_LINKS:
                    return after[0], token.index
                if before and before[-1].last_token >= token.index - 3:
                    return before[-1], token.index
        return None

    def _head(self, words: list[str]) -> str:
        """The last word before a preposition: "a former UN mission official in Kidal" -> "official"."""
        cut = len(words)
        for k, word in enumerate(words):
            if k > 0 and word in self.lex.HEAD_CUTTERS:
                cut = k
                break
        if self.lex.ADJECTIVES_FOLLOW_NOUN:
            # "une source sécuritaire", "un ancien élu local": the noun comes first, its adjectives after it.
            lead = self.lex.ARTICLES | self.lex.DESCRIBED_SOURCE_OPENERS | self.lex.PERSONAL_SOURCE_MODIFIERS
            return next((word for word in words[:cut] if word not in lead), words[0])
        return words[cut - 1] if cut else words[-1]

    def _person(self, tokens, start, end, people) -> Speaker | None:
        name = " ".join(t.text for t in tokens[start : end + 1] if t.is_cap).lower()
        if name in people:
            return people[name]
        for token in reversed(tokens[start : end + 1]):
            if token.is_cap and token.low in people:
                return people[token.low]
        return None

    @staticmethod
    def _anaphor(noun: str, last_speaker: Speaker | None, speakers: list[Speaker]) -> Speaker | None:
        for speaker in reversed(speakers):
            if noun in speaker.text.lower():
                return replace(speaker)
        return replace(last_speaker) if last_speaker else None

    def _in_date(self, doc: Document, token: Token) -> bool:
        return any(d.start <= token.start < d.end for d in doc.dates)

    def _quote_continuation(self, sentence, cues, open_quote_speaker, doc, index) -> Speaker | None:
        """The speaker of a quotation that runs over several sentences."""
        if cues:
            return None
        text = sentence.text
        if open_quote_speaker is not None:
            return open_quote_speaker
        # A quotation that opens here and is attributed in the next sentence.
        if (
            text[:1] in OPEN_QUOTES
            and not any(c in CLOSE_QUOTES for c in text[1:-1])
            and index + 1 < len(doc.sentences)
        ):
            following = doc.sentences[index + 1]
            close = next((t.index for t in following.tokens if t.text in CLOSE_QUOTES), None)
            if close is not None:
                cue_tokens = [t for t in following.tokens[close + 1 : close + 6] if t.low in self.lex.ATTRIBUTION_VERBS]
                if cue_tokens:
                    verb = cue_tokens[0].index
                    context = SentenceContext(doc, following, doc.mentions_in(following))
                    if self._inverted(following.tokens, verb):
                        return self._speaker_of_region(context, verb + 1, self._region_end(following.tokens, verb + 1))
                    return self._speaker_of_region(context, close + 1, verb - 1)
        return None

    @staticmethod
    def _open_quote_speaker(sentence, cues, quote_speaker) -> Speaker | None:
        opened = sum(sentence.text.count(c) for c in OPEN_QUOTES)
        closed = sum(sentence.text.count(c) for c in CLOSE_QUOTES)
        if opened > closed:
            return next((cue.speaker for cue in cues if cue.speaker), quote_speaker)
        return None

    # ---------------------------------------------------------------- figures
    def _claims_in(self, doc, sentence, mentions, cues, quote_speaker) -> list[FoundClaim]:
        if not self._may_hold_figures(sentence):
            return []
        figures = self._figures(doc, sentence, mentions)
        for figure_pass in self.FIGURE_PASSES:
            figure_pass(self, sentence.tokens, figures)
        return self._claims_of_figures(doc, sentence, mentions, cues, quote_speaker, figures)

    def _figures(self, doc: Document, sentence: Sentence, mentions: list[ActorMention]) -> list[Figure]:
        """The sentence's figures in reading order, each with its noun phrase; dates, names and measures are not."""
        tokens = sentence.tokens
        blocked = self._blocked_tokens(doc, sentence, mentions)
        named_spans = {m.first_token: m.last_token for m in mentions if m.category in ARMED_CATEGORIES}
        figures: list[Figure] = []
        may_start = doc.numbers.may_start
        i = 0
        while i < len(tokens):
            if i in blocked or not may_start(tokens[i].low):
                i += 1
                continue
            quantity = doc.numbers.quantity_at(tokens, i) or self._one_after_a_kind_verb(tokens, i)
            if quantity is None or any(k in blocked for k in range(quantity.number_first, quantity.last + 1)):
                i += 1
                continue
            if not quantity.is_vague and self._is_measure(tokens, quantity):
                i = quantity.last + 1
                continue
            np_first, np_last = self._noun_phrase(tokens, quantity.last + 1, named_spans)
            figures.append(Figure(quantity, (np_first, np_last)))
            i = max(quantity.last, np_last) + 1
        figures.extend(self._vague_losses(tokens, blocked, figures))
        figures.sort(key=lambda f: f.quantity.first)
        return figures

    def _claims_of_figures(self, doc, sentence, mentions, cues, quote_speaker, figures) -> list[FoundClaim]:
        """A claim for each figure with a kind that is no breakdown, if it says what happened to whom."""
        tokens = sentence.tokens
        results = []
        subjects: list[ActorRef | None] = []
        for figure in figures:
            if figure.breakdown or not figure.kind:
                continue
            q = figure.quantity
            speaker = self._governing_speaker(sentence, cues, q, quote_speaker)
            subject = self._subject(sentence, mentions, figure, speaker, subjects, cues)
            subjects.append(subject)
            last = max(q.last, figure.noun_phrase[1])
            found = self._claim(sentence, figure, speaker, subject, tokens[q.first].start, tokens[last].end)
            if _says_what_happened_to_whom(found.claim):
                results.append(found)
        return results

    # ------------------------------------------------ the passes over a sentence's figures, in FIGURE_PASSES order
    def _mark_coordinated(self, tokens: list[Token], figures: list[Figure]) -> None:
        previous = None
        for figure in figures:
            figure.coordinated = previous is not None and self._coordinated(tokens, previous, figure)
            previous = figure

    def _mark_breakdowns(self, tokens: list[Token], figures: list[Figure]) -> None:
        for n, figure in enumerate(figures):
            figure.breakdown = self._is_breakdown(tokens, figures, n)

    def _read_kinds(self, tokens: list[Token], figures: list[Figure]) -> None:
        for figure in figures:
            if not figure.breakdown:
                figure.kind = self._kind(tokens, figure)

    def _blocked_tokens(self, doc: Document, sentence: Sentence, mentions: list[ActorMention]) -> set[int]:
        """Tokens that cannot start a figure: dates, actor names ("400 Mawozo")."""
        blocked = set()
        dates = doc.dates_in(sentence)
        for token in sentence.tokens if dates else ():
            if any(d.start <= token.start < d.end for d in dates):
                blocked.add(token.index)
        for mention in mentions:
            if mention.category not in (CIVILIANS, PROTESTERS):
                blocked.update(range(mention.first_token, mention.last_token + 1))
        return blocked

    def _is_measure(self, tokens: list[Token], q: Quantity) -> bool:
        """Durations, distances, money, ages, ordinals: "three days", "72 hours", "$70 billion", "aged 12"."""
        lex = self.lex
        number = tokens[q.number_first]
        after = [t.low for t in tokens[q.last + 1 : q.last + 3]]
        before = tokens[q.first - 1].low if q.first > 0 else ""
        if "-" in number.low and number.low.split("-", 1)[1] in lex.MEASURE_UNITS:
            return True  # "two-day"
        if after and (
            after[0] in lex.MEASURE_UNITS
            or (
                after[0] == "-"
                and len(after) > 1
                and (after[1] in lex.MEASURE_UNITS or after[1].split("-")[0] in lex.MEASURE_UNITS)
            )
        ):
            return True
        if before in lex.CURRENCY_SIGNS or before in lex.AGE_CUES or before in lex.ORDINAL_CUES:
            return True
        if number.low.isdigit() and len(number.low) == 4 and 1800 < int(number.low) < 2100:
            return True  # a year the date reader did not take
        # "Resolution 2719", "Brigade 25": a figure that is part of a name.
        previous = tokens[q.first - 1] if q.first > 1 else None
        return bool(
            previous
            and previous.is_cap
            and previous.low.isalpha()
            and previous.low not in lex.ATTRIBUTION_VERBS
            and previous.low not in self.qualifier_words
        )

    def _noun_phrase(self, tokens: list[Token], start: int, named_spans: dict[int, int]) -> tuple[int, int]:
        """The figure's noun phrase after it: "of its soldiers", "Russian Wagner mercenaries"; an actor's
        name counts as one word however long ("onze Volontaires pour la défense de la patrie (VDP)")."""
        ahead = tuple(token.low for token in tokens[start : start + 4])
        partitive = next((tail for tail in self.breakdown_tails if ahead[: len(tail)] == tail), None)
        if partitive is not None:
            return start, start + len(partitive) - 1  # "19 d'entre eux", "nine of them"
        k = start
        while k < len(tokens) and tokens[k].low in self.lex.NP_OPENERS and k - start < 3:
            k += 1
        first, last = k, start - 1
        while k < len(tokens) and k - first < 6:
            token = tokens[k]
            if token.text in QUOTES:
                k += 1
                continue
            if k in named_spans:
                last = k = _past_parenthesis(tokens, named_spans[k])
                k += 1
                continue
            if token.text in PUNCTUATION_STOPS or token.low in self.lex.NP_STOPS or token.low.isdigit():
                break
            if self._kind_phrase_at(tokens, k) and last >= first and token.low not in self.lex.KIND_HEAD_NOUNS:
                break
            if token.low in self.lex.KIND_HEAD_NOUNS and last >= first:
                last = k
                break
            last = k
            k += 1
            if token.low in self.lex.KIND_HEAD_NOUNS:
                break
        if last < first:
            return start, start - 1
        return start, last

    def _kind_phrase_at(self, tokens: list[Token], k: int) -> tuple[int, str] | None:
        """A kind phrase starting at token k: (last token index, kind)."""
        for phrase, kind in self.kind_by_first_word.get(tokens[k].low, []):
            if k + len(phrase) <= len(tokens) and all(tokens[k + n].low == w for n, w in enumerate(phrase)):
                return k + len(phrase) - 1, kind
        return None

    def _kind_phrase_ending(self, tokens: list[Token], k: int) -> tuple[int, str] | None:
        for phrase, kind in self.kind_by_last_word.get(tokens[k].low, []):
            start = k - len(phrase) + 1
            if start >= 0 and all(tokens[start + n].low == w for n, w in enumerate(phrase)):
                return start, kind
        return None

    def _kind(self, tokens: list[Token], figure: Figure) -> str | None:
        q = figure.quantity
        np_first, np_last = figure.noun_phrase
        if figure.loss_kind:
            return figure.loss_kind
        # The figure's own noun: "20 deaths", "12 dead", "dozens of dead and wounded".
        for token in tokens[np_first : np_last + 1]:
            if token.low in self.lex.KIND_HEAD_NOUNS:
                kind = self.lex.KIND_HEAD_NOUNS[token.low]
                return self._loss_of_life(tokens, token.index) if kind == "other" else kind
        # A passive verb after the phrase: "two of its soldiers had been killed", "ten others wounded".
        k = max(q.last, np_last) + 1
        k = self._past_breakdown(tokens, k)
        skipped = 0
        while (
            k < len(tokens) and skipped < 4 and (tokens[k].low in self.lex.PASSIVE_FILLERS or tokens[k].text in QUOTES)
        ):
            k += 1
            skipped += 1
        if k < len(tokens):
            found = self._kind_phrase_at(tokens, k)
            if found:
                return self._joint_kind(tokens, *found)
        # A verb before the figure: "killed approximately 20 rebels", "claim to have eliminated 50".
        before = self._kind_before(tokens, q.first - 1)
        if before:
            return before
        # A toll: "the provisional death toll was at least 17".
        window = [t.low for t in tokens[max(0, q.first - 8) : q.first]]
        toll = next((w for w in window if w in self.lex.TOLL_NOUNS), None)
        if toll is not None and all(
            w in self.lex.TOLL_MOVES or w in self.lex.TOLL_LEADS or self._is_filler_word(w)
            for w in window[window.index(toll) + 1 :]
        ):
            return "killed"
        return None

    def _past_breakdown(self, tokens: list[Token], k: int) -> int:
        """Skip ", among them nine children," to reach the verb of
        "18 people, among them nine children, were killed"."""
        if k >= len(tokens) or tokens[k].text != ",":
            return k
        words = [t.low for t in tokens[k + 1 : k + 4]]
        if not any(tuple(words[: len(cue)]) == cue for cue in self.breakdowns):
            return k
        closing = next((t.index for t in tokens[k + 1 :] if t.text == ","), None)
        return closing + 1 if closing is not None else k

    def _is_filler_word(self, word: str) -> bool:
        return word in self.lex.OBJECT_FILLERS or word in self.lex.KIND_VERB_FILLERS

    def _loss_of_life(self, tokens: list[Token], k: int) -> str:
        following = {t.low for t in tokens[k + 1 : k + 5]}
        return "killed" if following & self.lex.LOSS_OF_LIFE_WORDS else "other"

    def _kind_before(self, tokens: list[Token], k: int) -> str | None:
        steps = 0
        while k >= 0 and steps < 6:
            token = tokens[k]
            found = self._kind_phrase_ending(tokens, k)
            if found:
                start, kind = found
                # "killed and injured dozens": the first verb of the chain.
                while (
                    start >= 2
                    and (tokens[start - 1].low in self.lex.COORDINATORS or tokens[start - 1].text == ",")
                    and self._kind_phrase_ending(tokens, start - 2)
                ):
                    start, kind = self._kind_phrase_ending(tokens, start - 2)
                return kind
            if (token.text in PUNCTUATION_STOPS and token.text != ",") or token.low.isdigit():
                return None
            if token.text == "," and steps > 0:
                return None
            if not (
                self._is_filler_word(token.low)
                or token.low in self.lex.PASSIVE_FILLERS
                or token.text in QUOTES
                or token.low in self.lex.QUALIFIER_WORDS_BEFORE_FIGURE
            ):
                return None
            k -= 1
            steps += 1
        return None

    def _vague_losses(self, tokens: list[Token], blocked: set[int], figures: list[Figure]) -> list[Figure]:
        """ "heavy losses", "enormous losses in human lives", "heavy human and material losses"."""
        taken = {k for f in figures for k in range(f.quantity.first, max(f.quantity.last, f.noun_phrase[1]) + 1)}
        found = []
        for token in tokens:
            noun = self.lex.LOSS_NOUNS.get(token.low)
            if (
                noun is None
                or token.low in self.lex.LOSS_NOUNS_NOT_VAGUE
                or token.index in taken
                or token.index in blocked
            ):
                continue
            k = token.index - 1
            adjectives = 0
            while k >= 0 and (
                tokens[k].low in self.lex.VAGUE_LOSS_ADJECTIVES or tokens[k].low in self.lex.COORDINATORS
            ):
                adjectives += tokens[k].low not in self.lex.COORDINATORS
                k -= 1
            if not adjectives:
                continue
            first = k + 1
            while tokens[first].low in self.lex.COORDINATORS:
                first += 1
            quantity = Quantity(first, token.index, first, None, None, "vague")
            loss_kind = self._loss_of_life(tokens, token.index)
            found.append(Figure(quantity, (token.index + 1, token.index), loss_kind=loss_kind, loss=True))
        return found

    def _coordinated(self, tokens: list[Token], previous: Figure, figure: Figure) -> bool:
        """ "50 Russian mercenaries and 10 Malian soldiers", "50 mercenaries, 10 soldiers"."""
        end = max(previous.quantity.last, previous.noun_phrase[1])
        between = tuple(t.low for t in tokens[end + 1 : figure.quantity.first] if t.text not in QUOTES)
        return between in self.coordination_gaps

    def _is_breakdown(self, tokens: list[Token], figures: list[Figure], n: int) -> bool:
        """ "18 people, among them nine children": the nine are part of the 18."""
        if n == 0:
            return False
        figure = figures[n]
        start = figure.quantity.first
        window = [t.low for t in tokens[max(0, start - 4) : start]]
        for cue in self.breakdowns:
            size = len(cue)
            for offset in range(len(window) - size + 1):
                if tuple(window[offset : offset + size]) == cue:
                    return True
        after = tuple(t.low for t in tokens[figure.quantity.last + 1 : figure.quantity.last + 4])
        return any(after[: len(tail)] == tail for tail in self.breakdown_tails)

    def _joint_kind(self, tokens: list[Token], last: int, kind: str) -> str:
        """ "15 fighters have been killed and arrested": one figure for both, never a death toll alone."""
        k = last + 1
        if kind not in ("killed", "captured") or k >= len(tokens) or tokens[k].low not in self.lex.COORDINATORS:
            return kind
        k += 1
        while k < len(tokens) and tokens[k].low in self.lex.PASSIVE_FILLERS:
            k += 1
        other = self._kind_phrase_at(tokens, k) if k < len(tokens) else None
        return KILLED_OR_CAPTURED if other is not None and {kind, other[1]} == {"killed", "captured"} else kind

    def _one_after_a_kind_verb(self, tokens: list[Token], i: int) -> Quantity | None:
        """ "wounding a resident", "killed a student": an indefinite article right after a casualty verb is one."""
        if i == 0 or i + 1 >= len(tokens) or tokens[i].low not in self.lex.INDEFINITE_ARTICLES:
            return None
        following = tokens[i + 1]
        if not following.text.isalpha() or following.low in self.lex.NP_STOPS or following.is_cap:
            return None
        found = self._kind_phrase_ending(tokens, i - 1)
        if found is None or found[1] not in ("killed", "wounded", "captured"):
            return None
        return Quantity(i, i, i, 1, 1, "exact")

    def _another_takes_kind(self, tokens: list[Token], figures: list[Figure]) -> None:
        """ "killed 19 people outside X, and another 23 in Y", "et 23 autres": the kind of the figure before."""
        for n, figure in enumerate(figures):
            q = figure.quantity
            before = tokens[q.first - 1].low if q.first > 0 else ""
            after = tokens[q.last + 1].low if q.last + 1 < len(tokens) else ""
            if (
                figure.kind
                or figure.breakdown
                or not (before in self.lex.ANOTHER_WORDS or after in self.lex.ANOTHER_WORDS)
            ):
                continue
            earlier = [f for f in figures[:n] if f.kind and not f.breakdown]
            if earlier:
                figure.kind = earlier[-1].kind

    def _share_kinds(self, tokens: list[Token], figures: list[Figure]) -> None:
        """Coordinated figures share a kind (and the first one's qualifier when they have none)."""
        for n in range(1, len(figures)):
            figure, previous = figures[n], figures[n - 1]
            if figure.coordinated and not previous.breakdown:
                if not figure.kind:
                    figure.kind = previous.kind
                q = figure.quantity
                if previous.quantity.qualifier == "at_least" and q.qualifier == "exact" and q.count_min == q.count_max:
                    figure.quantity = Quantity(q.first, q.last, q.number_first, q.count_min, None, "at_least")
        for n in range(len(figures) - 2, -1, -1):
            figure, following = figures[n], figures[n + 1]
            if following.coordinated and not figure.kind:
                figure.kind = following.kind

    # Run in this order over a sentence's figures, each reading what the ones before decided: coordination
    # ("50 mercenaries and 10 soldiers") and breakdowns ("18 people, among them nine children") first, as they
    # need only the words; then each figure's own kind; then coordinated figures share theirs; last "another 23"
    # takes the kind of the figure before, once every figure that can have a kind of its own has it.
    FIGURE_PASSES = (_mark_coordinated, _mark_breakdowns, _read_kinds, _share_kinds, _another_takes_kind)

    # ---------------------------------------------------------------- who and whom
    def _governing_speaker(self, sentence: Sentence, cues: list[Cue], q: Quantity, quote_speaker) -> Speaker | None:
        tokens = sentence.tokens
        position = q.first
        offset = tokens[position].start - sentence.start
        if inside_quotes(sentence.text, offset):
            closing = next((t.index for t in tokens[position:] if t.text in CLOSE_QUOTES or t.text == '"'), None)
            if closing is not None:
                after = [cue for cue in cues if cue.index > closing and cue.speaker is not None]
                if after:
                    return after[0].speaker
            before = [cue for cue in cues if cue.index < position and cue.speaker is not None]
            if before:
                return before[-1].speaker
            return quote_speaker
        before = [cue for cue in cues if cue.index < position and cue.speaker is not None]
        if before:
            return before[-1].speaker
        after = [cue for cue in cues if cue.index > position and cue.speaker is not None]
        if after:
            return after[0].speaker
        return quote_speaker

    def _subject(self, sentence, mentions, figure: Figure, speaker, subjects, cues: list[Cue]) -> ActorRef | None:
        tokens = sentence.tokens
        q = figure.quantity
        np_first, np_last = figure.noun_phrase
        if figure.loss:
            cue_index = max((cue.index for cue in cues if cue.index < q.first), default=-1)
            return self._loss_subject(tokens, mentions, q, speaker, cue_index)
        words = [t.low for t in tokens[max(q.last + 1, np_first - 3) : np_last + 1]]
        inside = [
            m
            for m in mentions
            if m.first_token >= q.last + 1 and m.last_token <= max(np_last, q.last + 1) and not m.descriptor
        ]
        if (
            any(word in self.lex.SPEAKER_POSSESSIVES for word in words[:3])
            and speaker is not None
            and speaker.ref is not None
        ):
            return speaker.ref
        if inside:
            return inside[0].ref
        lead = tuple(words[:3])
        if (
            words
            and (words[0] in self.lex.OTHERS_WORDS or _starts_with_any(lead, self.partitive_pronouns))
            and subjects
        ):
            return subjects[-1]
        if _starts_with_any(lead, self.partitive_possessives) or (words and words[0] in self.lex.PLURAL_POSSESSIVES):
            if subjects:
                return subjects[-1]
            return speaker.ref if speaker else None
        bare = all(t.low in self.lex.KIND_HEAD_NOUNS for t in tokens[np_first : np_last + 1])
        if bare and subjects:
            return subjects[-1]  # "30 people were killed and 45 wounded"
        return None

    def _loss_subject(self, tokens, mentions, q: Quantity, speaker, cue_index: int) -> ActorRef | None:
        """ "inflicted heavy losses on the attackers" -> the attackers; "X suffered heavy losses" -> X;
        "Wagner acknowledged heavy losses" -> the speaker; "the enemy suffered ..." -> not known here."""
        armed = [m for m in mentions if m.category in ARMED_CATEGORIES and not m.descriptor]
        after = [m for m in armed if q.last < m.first_token <= q.last + 4]
        if q.last + 1 < len(tokens) and tokens[q.last + 1].low in self.lex.LOSS_TARGET_PREPOSITIONS and after:
            return after[0].ref
        before = [t.low for t in tokens[max(0, q.first - 4) : q.first]]
        if any(word in self.lex.ENEMY_WORDS for word in before):
            return None
        if any(word in self.lex.SUFFER_VERBS for word in before):
            clause = [m for m in armed if cue_index < m.first_token < q.first]
            if clause:
                return clause[0].ref
            return speaker.ref if speaker else None
        if any(word in self.lex.ATTRIBUTION_VERBS for word in before):
            return speaker.ref if speaker else None
        return None

    def _claim(self, sentence, figure: Figure, speaker, subject, figure_start, figure_end) -> FoundClaim:
        q = figure.quantity
        np_first, np_last = figure.noun_phrase
        subject_text = sentence.span_text(np_first, np_last) if np_last >= np_first else ""
        confidence = CLAIM_BASE_CONFIDENCE
        if speaker is not None:
            confidence += CLAIMANT_ACTOR_BONUS if speaker.ref is not None else CLAIMANT_DESCRIBED_BONUS
        if not q.is_vague:
            confidence += EXACT_FIGURE_BONUS
        if subject is not None:
            confidence += SUBJECT_BONUS
        if sentence.is_heading:
            confidence -= HEADLINE_PENALTY
        claim = ParsedClaim(
            claimant=speaker.ref if speaker else None,
            claimant_text=speaker.text if speaker else "",
            kind=figure.kind,
            subject=subject,
            subject_text=subject_text.strip(" “”\"'"),
            count_min=q.count_min,
            count_max=q.count_max,
            qualifier=q.qualifier,
            quote=sentence.text,
            char_start=sentence.start,
            char_end=sentence.end,
            confidence=round(min(confidence, CLAIM_MAX_CONFIDENCE), 2),
        )
        return FoundClaim(claim, sentence.index, sentence.is_heading, figure_start, figure_end)

    # ---------------------------------------------------------------- one claim per statement
    @staticmethod
    def _deduplicated(found: list[FoundClaim]) -> list[FoundClaim]:
        def who(ref: ActorRef | None, text: str) -> str:
            return ref.name if ref else text.lower()

        body = [f for f in found if not f.heading]
        body_facts = {
            (f.claim.kind, f.claim.count_min, f.claim.count_max, f.claim.qualifier == "vague", who(f.claim.subject, ""))
            for f in body
        }
        kept, seen = [], set()
        for item in body + [f for f in found if f.heading]:
            claim = item.claim
            fact = (claim.kind, claim.count_min, claim.count_max, claim.qualifier == "vague", who(claim.subject, ""))
            if item.heading and fact in body_facts:
                continue  # the headline repeats a statement the body reports
            key = (who(claim.claimant, claim.claimant_text), *fact)
            if key in seen:
                continue
            seen.add(key)
            kept.append(item)
        return sorted(kept, key=lambda f: f.figure_start)


def _says_what_happened_to_whom(claim: ParsedClaim) -> bool:
    """A claim with no figure is kept only when it says what happened to whom ("dozens of soldiers killed");
    "heavy losses" or "the enemy suffered enormous losses" tell a reviewer nothing to code."""
    if claim.qualifier != "vague":
        return True
    return claim.kind != "other" and (claim.subject is not None or bool(claim.subject_text))


def _past_parenthesis(tokens: list[Token], k: int) -> int:
    """The last token of a name and the acronym that may follow it in parentheses: "... patrie (VDP)"."""
    if k + 3 < len(tokens) and tokens[k + 1].text == "(" and tokens[k + 3].text == ")":
        return k + 3
    return k


def _starts_with_any(words: tuple[str, ...], phrases: set[tuple[str, ...]]) -> bool:
    return any(words[: len(phrase)] == phrase for phrase in phrases)


def inside_quotes_token(tokens: list[Token], k: int) -> bool:
    count = sum(1 for t in tokens[:k] if t.text == '"')
    return count % 2 == 1


def _is_relay(speaker: Speaker | None, lex: ModuleType) -> bool:
    if speaker is None:
        return True
    if speaker.ref is not None:
        return False
    text = speaker.text.lower()
    first, _, rest = text.partition(" ")
    text = (rest if first in lex.ARTICLES else text).strip()
    return text in lex.RELAY_NAMES or any(text.startswith(name) for name in lex.RELAY_NAMES if len(name) > 3)
