"""Events: which sentences report an incident, what kind of incident, when, where and who.

Sides (ACLED actor1 / actor2 / assoc_actor)
-------------------------------------------
side_a is the initiator when the text says so (the subject of "attacked", "ambushed",
"launched an attack", the party named in "a rebel attack", the one "by" whom somebody
"came under attack"); side_b is the other. Claims count too: a party claiming to have
killed another is its opponent. Actors fighting together ("accompanied by", "alongside",
"their Russian allies", coordinated in one phrase) are on one side: the side's most
mentioned actor takes the role side_a/side_b and its allies are "associated" with
``side_of`` naming that side. In violence against civilians the civilians are side_b.

One event per article, unless the article clearly reports a separate incident: we do not
split an article, so a second incident elsewhere is folded into the first (if unsure, one).
"""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from itertools import pairwise
from types import ModuleType

from .acled import ARMED_KINDS, BATTLES, CASUALTY_KINDS, EXPLOSIONS, PROTESTS, RIOTS, VIOLENCE_AGAINST_CIVILIANS
from .claims import FoundClaim
from .dates import DateMention
from .document import ARMED_CATEGORIES, CIVILIANS, PROTESTERS, ActorMention, Document, generic_ref
from .gazetteer import ADMIN1, ADMIN2, Gazetteer, PlaceCandidate
from .incidents import IncidentSplitter
from .places import PlaceMention, Places, grouped, most_common_spelling, offset_point
from .results import ActorRef, ParsedActor, ParsedEvent
from .text import Sentence, phrase_words

BACKGROUND_DAYS = 30
SHORT_SPAN_DAYS = 3
CLUSTER_DAYS = 7
ATTRIBUTION_WINDOW = 5


NEAR_KM = 30

# Event type: a trigger's vote is weighted by where it stands. The lede defines the event, as wire copy is
# written: the first body sentence counts three times a later one, the second and the headline one and a half
# (a headline repeats the lede in fewer, vaguer words). A weak trigger ("attack", "violence") counts 0.6 of a
# strong one ("clashed", "shelled"); a strategic development in a violent report 0.4 of its score (a detail of
# it). An "attack" on armed men becomes a battle when clash triggers make half its score.
LEDE_WEIGHTS = (3.0, 1.5)
HEADLINE_WEIGHT = 1.5
LATER_SENTENCE_WEIGHT = 1.0
WEAK_TRIGGER_WEIGHT = 0.6
STRATEGIC_DETAIL_WEIGHT = 0.4
CLASH_SHARE_FOR_BATTLE = 0.5

# Dates: a date tied to a trigger of the first two event sentences (the lede) counts twice a later one; a date
# before its trigger is half as close as one after it ("attacked on July 25" binds tighter than "On July 25, ...
# attacked").
LEDE_DATE_WEIGHT = 2.0
LATER_DATE_WEIGHT = 1.0
DATE_BEFORE_TRIGGER_DISTANCE = 1.5

# Sides: votes for who fought whom and who attacked. A figure one armed actor claims of another ("the army
# killed 40 RSF fighters") and "clashes between X and Y" say outright that they fought (2, against 1 for an
# actor next to a violent trigger); the claimant of the kill gets half an attacker vote (claiming is not
# always striking); the subject of "retook the town" is the one acting (2).
CLAIMED_KILL_VOTE = 2
CLAIMANT_ATTACKER_VOTE = 0.5
NAMED_OPPONENTS_VOTE = 2
TAKER_VOTE = 2

# Where the event happened, among the places named: a dateline (the filing city), a place the text marks as
# not the action's, or the site of an earlier incident or a distance's reference are almost never it; in an
# event sentence, near its trigger, after "in/near" or "the attack occurred near X" make it likelier; a named
# settlement over a region; a place abroad is likely background; a headline place is the story's.
PLACE_DATELINE_SCORE = -3.0
PLACE_NON_ACTION_SCORE = -2.0
PLACE_EARLIER_OR_REFERENCE_SCORE = -1.5
PLACE_IN_EVENT_SENTENCE = 1.0
PLACE_NEAR_TRIGGER = 1.0
PLACE_TRIGGER_WINDOW = 8  # tokens
PLACE_ACTION_PREPOSITION = 0.5
PLACE_SAID_TO_HAPPEN_THERE = 1.0
PLACE_OUTSIDE_EVENT_SENTENCES = 0.1
PLACE_SETTLEMENT = 0.5
PLACE_ABROAD = -1.0
PLACE_IN_HEADLINE = 0.2

# An event's confidence: a base, then what was read — triggers (up to five), a place (more when finer than
# a region), a day, an opponent (side_b) and claims. Never certain.
EVENT_BASE_CONFIDENCE = 0.3
PER_TRIGGER_CONFIDENCE = 0.05
MAX_TRIGGER_CONFIDENCE = 0.25
FINE_PLACE_CONFIDENCE = 0.15
COARSE_PLACE_CONFIDENCE = 0.05
DAY_CONFIDENCE = 0.1
OPPONENT_CONFIDENCE = 0.1
CLAIMS_CONFIDENCE = 0.05
EVENT_MAX_CONFIDENCE = 0.95


@dataclass
class Location:
    place: PlaceCandidate | None
    precision: int
    text: str
    admin1: str
    country: str
    point: tuple[float, float] | None = None  # the event's own point when it is not the place's


@dataclass
class Trigger:
    index: int
    last: int
    sub_event: tuple[str, str]
    weak: bool


@dataclass
class TypeEvidence:
    """What the event sentences say of the event's type, for the type rules."""

    armed_names: set[str]  # the armed actors named in the event sentences
    civilian_victims: bool  # a figure's subject is civilians
    protesters_hurt: bool  # protesters killed or wounded
    scores: Counter = field(default_factory=Counter)  # (type, sub-type) -> weighted trigger count
    strong_battle: bool = False  # a battle trigger that is not weak ("clashed", not "attack")
    lede_explosions: Counter = field(default_factory=Counter)  # explosions the lede or headline reports
    strong_explosions: set[tuple[str, str]] = field(default_factory=set)  # explosions named by their weapon

    def count(self, sub_event: tuple[str, str], weak: bool, weight: float, lede: bool) -> None:
        self.scores[sub_event] += weight * (WEAK_TRIGGER_WEIGHT if weak else 1.0)
        self.strong_battle |= sub_event[0] == BATTLES and not weak
        if sub_event[0] == EXPLOSIONS and not weak:
            self.strong_explosions.add(sub_event)
        if lede and sub_event[0] == EXPLOSIONS:
            self.lede_explosions[sub_event] += weight

    @cached_property
    def best(self) -> tuple[str, str]:
        """The best score; ties go to the more specific sub-type (a battle in which a town changed hands is a
        territorial event)."""
        scores = self.scores
        return max(scores, key=lambda k: (scores[k], -_PRIORITY.index(k) if k in _PRIORITY else 0))


@dataclass
class ActorEvidence:
    """What the claims and event sentences say of the armed actors: how often each is named, and votes for
    who fought whom, who fought alongside whom and who attacked."""

    mentions: list[ActorMention]
    counts: Counter
    refs: dict[str, ActorRef]
    enemies: Counter = field(default_factory=Counter)  # _pair(a, b) -> votes
    allies: Counter = field(default_factory=Counter)  # _pair(a, b) -> votes
    attackers: Counter = field(default_factory=Counter)  # name -> votes


@dataclass
class EventSentence:
    sentence: Sentence
    triggers: list[Trigger] = field(default_factory=list)
    background: bool = False

    @property
    def is_event(self) -> bool:
        return bool(self.triggers) and not self.background


class EventReader:
    def __init__(self, lexicon: ModuleType):
        self.lex = lexicon
        self.triggers: dict[str, list[tuple[tuple[str, ...], tuple[str, str]]]] = defaultdict(list)
        for sub_event, phrases in lexicon.EVENT_TRIGGERS.items():
            for phrase in phrases:
                words = phrase_words(lexicon, phrase.rstrip("*"))
                if phrase.endswith("*"):  # "skirmish*": any ending
                    words = (*words[:-1], words[-1] + "*")
                self.triggers[words[0].rstrip("*")[:4]].append((words, sub_event))
        for key in self.triggers:
            self.triggers[key].sort(key=lambda item: -len(item[0]))
        self.territory = {lexicon.GOVERNMENT_GAIN, lexicon.NON_STATE_GAIN}
        # The last words of "according to", "selon", "d'après": a name after them is a source.
        self.according_ends = {phrase_words(lexicon, phrase)[-1] for phrase in lexicon.ACCORDING_TO_PHRASES}
        self.occurrence_phrases = [phrase_words(lexicon, phrase) for phrase in lexicon.OCCURRENCE_PHRASES]
        self.occurrence_by_start: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for phrase in self.occurrence_phrases:
            self.occurrence_by_start[phrase[0]].append(phrase)
        self.occurrence_starts = set(self.occurrence_by_start)
        self.splitter = IncidentSplitter(lexicon)

    # ---------------------------------------------------------------- sentences
    def classify(self, doc: Document, claims: list[FoundClaim]) -> list[EventSentence]:
        claim_sentences = {item.sentence for item in claims}
        result = []
        for sentence in doc.sentences:
            item = EventSentence(sentence)
            if sentence.is_boilerplate:
                result.append(item)
                continue
            mentions = doc.mentions_in(sentence)
            armed = any(m.category in ARMED_CATEGORIES and not m.descriptor and not m.parent for m in mentions)
            casualties = sentence.index in claim_sentences or any(
                m.category in (CIVILIANS, PROTESTERS) for m in mentions
            )
            talk = not sentence.words.isdisjoint(self.lex.NON_EVENT_VERBS)
            occurred = self._says_where_it_happened(sentence)
            for trigger in self._triggers(sentence):
                if trigger.weak and (talk or not (armed or casualties or occurred)):
                    continue
                if self._hypothetical(sentence, trigger.index):
                    continue
                item.triggers.append(trigger)
            if not item.triggers:
                item.triggers = self._casualty_triggers(sentence, claims, armed)
            item.background = self._background(doc, sentence) or self._continues_background(doc, sentence, result)
            result.append(item)
        return result

    def _says_where_it_happened(self, sentence: Sentence) -> int | None:
        """ "The attack occurred near X", "l'attaque a eu lieu à X": the token after the phrase, or None."""
        if sentence.words.isdisjoint(self.occurrence_starts):
            return None
        tokens = sentence.tokens
        for token in tokens:
            for phrase in self.occurrence_by_start.get(token.low, ()):
                i = token.index
                if tuple(t.low for t in tokens[i : i + len(phrase)]) == phrase:
                    return i + len(phrase)
        return None

    @staticmethod
    def _continues_background(doc: Document, sentence: Sentence, previous: list[EventSentence]) -> bool:
        """ "On 23 March 2020, Boko Haram struck. At least 92 soldiers died at X.": an undated sentence
        goes on with the history its paragraph's previous sentence began."""
        if not previous or doc.dates_in(sentence):
            return False
        last = previous[-1]
        return last.background and last.sentence.line == sentence.line and bool(doc.dates_in(last.sentence))

    def _casualty_triggers(self, sentence: Sentence, claims: list[FoundClaim], armed: bool) -> list[Trigger]:
        """ "We killed 15 soldiers": a casualty claim is itself the report of an attack or a clash."""
        found = []
        for item in claims:
            claim = item.claim
            if item.sentence != sentence.index or claim.kind not in CASUALTY_KINDS or not armed:
                continue
            index = next((t.index for t in sentence.tokens if t.start >= item.figure_start), 0)
            civilians = claim.subject is not None and claim.subject.kind == "civilians"
            sub_event = (VIOLENCE_AGAINST_CIVILIANS, "Attack") if civilians else (BATTLES, "Armed clash")
            found.append(Trigger(index, index, sub_event, True))
        return found[:1]

    def _triggers(self, sentence: Sentence) -> list[Trigger]:
        tokens = sentence.tokens
        found, i = [], 0
        while i < len(tokens):
            match = None
            for words, sub_event in self.triggers.get(tokens[i].low[:4], []):
                if i + len(words) > len(tokens):
                    continue
                if all(_word_matches(tokens[i + k].low, word) for k, word in enumerate(words)):
                    match = Trigger(i, i + len(words) - 1, sub_event, " ".join(words) in self.lex.WEAK_TRIGGERS)
                    break
            if match:
                found.append(match)
                i = match.last + 1
            else:
                i += 1
        return found

    def _hypothetical(self, sentence: Sentence, index: int) -> bool:
        window = [token.low for token in sentence.tokens[max(0, index - 4) : index]]
        return any(word in self.lex.HYPOTHETICAL_WORDS for word in window)

    def _background(self, doc: Document, sentence: Sentence) -> bool:
        """History: dated a month or more before publication, or told as history ("since 2012")."""
        dates = doc.dates_in(sentence)
        if doc.published:
            old = [d for d in dates if d.last < doc.published - timedelta(days=BACKGROUND_DAYS)]
            recent = [d for d in dates if d.last >= doc.published - timedelta(days=BACKGROUND_DAYS)]
            if old and not recent:
                return True
            if recent:
                return False
        low = sentence.text.lower()
        return any(cue in low for cue in self.lex.BACKGROUND_CUES)

    # ---------------------------------------------------------------- the event
    def build(
        self,
        doc: Document,
        sentences: list[EventSentence],
        claims: list[FoundClaim],
        places: Places,
        gazetteer: Gazetteer,
    ) -> list[ParsedEvent]:
        """One event per incident the report tells (most reports: one)."""
        events = [item for item in sentences if item.is_event]
        if not self._is_conflict_report(doc, events, claims):
            return []
        relevant_claims = [c for c in claims if not sentences[c.sentence].background]
        incidents = self.splitter.split(doc, events, relevant_claims, places, self._is_statement_date)
        if len(incidents) == 1:
            return [self._event(doc, events, claims, relevant_claims, places, gazetteer)]
        built = [
            self._event(
                doc,
                incident.sentences,
                incident.claims,
                incident.claims,
                replace(places, mentions=incident.mentions),
                gazetteer,
            )
            for incident in incidents
        ]
        for event in built[1:]:
            _inherit_armed_actors(event, built[0])
        return built

    def _event(
        self,
        doc: Document,
        events: list[EventSentence],
        claims: list[FoundClaim],
        relevant_claims: list[FoundClaim],
        places: Places,
        gazetteer: Gazetteer,
    ) -> ParsedEvent:
        event_type, sub_event = self._event_type(doc, events, claims)
        first, last, precision = self._dates(doc, events, (event_type, sub_event))
        location = self._location(doc, events, places, gazetteer)
        actors = self._actors(doc, events, relevant_claims, event_type)
        lead = next((item.sentence for item in events if not item.sentence.is_heading), events[0].sentence)
        confidence = self._confidence(events, claims, location.place, location.precision, precision, actors)
        return ParsedEvent(
            event_type=event_type,
            sub_event_type=sub_event,
            start_date=first,
            end_date=last,
            date_precision=precision,
            place=location.place,
            point=location.point,
            geo_precision=location.precision,
            location_text=location.text,
            country=location.country,
            admin1=location.admin1,
            actors=actors,
            claims=[c.claim for c in relevant_claims],
            notes=_one_line(self._without_dateline(lead.text)),
            confidence=confidence,
            evidence=[(item.sentence.start, item.sentence.end) for item in events],
        )

    def _is_conflict_report(self, doc: Document, events: list[EventSentence], claims: list[FoundClaim]) -> bool:
        if not events:
            return False
        strong = sum(1 for item in events for t in item.triggers if not t.weak)
        weak = sum(1 for item in events for t in item.triggers if t.weak)
        event_indices = {item.sentence.index for item in events}
        armed_names = {
            m.ref.name for m in doc.mentions if m.sentence in event_indices and m.category in ARMED_CATEGORIES
        }
        if strong == 0 and weak < 2 and not claims and len(armed_names) < 2:
            return False
        armed = any(m.sentence in event_indices and m.category in ARMED_CATEGORIES for m in doc.mentions)
        crowd = any(m.sentence in event_indices and m.category == PROTESTERS for m in doc.mentions) or any(
            t.sub_event[0] in (PROTESTS, RIOTS) and not t.weak for item in events for t in item.triggers
        )
        # "Fighting displaced 1,200 people": a strong trigger with a figure of its own is an event even
        # when no actor is named (the figure's kind alone does not make one: "1,200 displaced by floods").
        own_figure = strong and any(c.sentence in event_indices and not c.heading for c in claims)
        return armed or crowd or own_figure or any(c.claim.kind in CASUALTY_KINDS for c in claims)

    # ---------------------------------------------------------------- type
    def _event_type(self, doc: Document, events: list[EventSentence], claims: list[FoundClaim]) -> tuple[str, str]:
        """The ACLED type and sub-type: the trigger scores, then TYPE_RULES in order; the best score otherwise."""
        evidence = self._type_evidence(doc, events, claims)
        for rule in self.TYPE_RULES:
            ruled = rule(evidence)
            if ruled is not None:
                return ruled
        return evidence.best

    def _type_evidence(self, doc: Document, events: list[EventSentence], claims: list[FoundClaim]) -> TypeEvidence:
        evidence = TypeEvidence(
            armed_names={
                m.ref.name
                for m in doc.mentions
                if m.category in ARMED_CATEGORIES
                and not m.parent
                and not m.descriptor
                and m.sentence in {i.sentence.index for i in events}
            },
            civilian_victims=any(c.claim.subject is not None and c.claim.subject.kind == "civilians" for c in claims),
            protesters_hurt=any(
                c.claim.kind in ("killed", "wounded")
                and c.claim.subject is not None
                and c.claim.subject.kind == "protesters"
                for c in claims
            ),
        )
        body_rank = 0
        for item in events:
            weight = _sentence_weight(item.sentence.is_heading, body_rank)
            lede = item.sentence.is_heading or body_rank < len(LEDE_WEIGHTS)
            body_rank += not item.sentence.is_heading
            for trigger in item.triggers:
                sub_event = self._agent_aware(doc, item.sentence, trigger)
                if sub_event is not None:
                    evidence.count(sub_event, trigger.weak, weight, lede)
        if any(k[0] != "Strategic developments" for k in evidence.scores):
            # A strategic development inside a violent report is a detail of it, not the event.
            for key in [k for k in evidence.scores if k[0] == "Strategic developments"]:
                evidence.scores[key] *= STRATEGIC_DETAIL_WEIGHT
        return evidence

    # ------------------------------------------------ the type rules, in TYPE_RULES order
    @staticmethod
    def _no_trigger_rule(evidence: TypeEvidence) -> tuple[str, str] | None:
        return (BATTLES, "Armed clash") if not evidence.scores else None

    @staticmethod
    def _lede_blast_rule(evidence: TypeEvidence) -> tuple[str, str] | None:
        """ACLED's precedence: a roadside bomb, an air strike or shelling that the lede reports is the event,
        even when soldiers die and "the attack" is claimed; only a described fight makes it a battle. The
        lede's blast counts when the report names its weapon somewhere ("the explosion" ... "a landmine")."""
        strong = evidence.strong_explosions
        lede = Counter({k: v for k, v in evidence.lede_explosions.items() if k in strong or strong})
        if not lede or evidence.strong_battle:
            return None
        return max(lede, key=lambda k: (evidence.scores[k], lede[k]))

    @staticmethod
    def _protesters_hurt_rule(evidence: TypeEvidence) -> tuple[str, str] | None:
        if evidence.protesters_hurt and any(k[0] == PROTESTS for k in evidence.scores):
            return PROTESTS, "Excessive force against protesters"
        return None

    @staticmethod
    def _protest_escalation_rule(evidence: TypeEvidence) -> tuple[str, str] | None:
        """A protest escalates: police intervention, then force that kills or wounds."""
        if evidence.best[0] != PROTESTS:
            return None
        for sub_event in ("Excessive force against protesters", "Protest with intervention"):
            if evidence.scores.get((PROTESTS, sub_event)):
                return PROTESTS, sub_event
        return None

    @staticmethod
    def _one_sided_clash_rule(evidence: TypeEvidence) -> tuple[str, str] | None:
        """A "clash" with one armed party and civilian victims is an attack on civilians."""
        if evidence.best == (BATTLES, "Armed clash") and len(evidence.armed_names) < 2 and evidence.civilian_victims:
            return VIOLENCE_AGAINST_CIVILIANS, "Attack"
        return None

    @staticmethod
    def _two_sided_attack_rule(evidence: TypeEvidence) -> tuple[str, str] | None:
        """An "attack" on no civilians by two armed parties, with fighting nearly as present, is a battle."""
        scores, best = evidence.scores, evidence.best
        if (
            best == (VIOLENCE_AGAINST_CIVILIANS, "Attack")
            and not evidence.civilian_victims
            and len(evidence.armed_names) >= 2
            and scores.get((BATTLES, "Armed clash"), 0) >= scores[best] * CLASH_SHARE_FOR_BATTLE
        ):
            return BATTLES, "Armed clash"
        return None

    # Asked in this order; the first that rules decides. A lede's blast outranks everything (ACLED's
    # precedence for explosions); hurt protesters name the sub-type before any score is compared; the last
    # three correct the best-scoring sub-type by who is there and who was hurt.
    TYPE_RULES = (
        _no_trigger_rule,
        _lede_blast_rule,
        _protesters_hurt_rule,
        _protest_escalation_rule,
        _one_sided_clash_rule,
        _two_sided_attack_rule,
    )

    def _agent_aware(self, doc: Document, sentence: Sentence, trigger: Trigger) -> tuple[str, str] | None:
        """Territory changes hands by whom: the state retakes, a non-state actor seizes."""
        if trigger.sub_event not in self.territory:
            return trigger.sub_event
        tokens = sentence.tokens
        objects = {t.low for t in tokens[trigger.last + 1 : trigger.last + 6]}
        mentions = doc.mentions_in(sentence)
        places_after = any(t.is_cap for t in tokens[trigger.last + 1 : trigger.last + 5])
        if not (objects & self.lex.TERRITORY_OBJECTS or places_after):
            return None
        agents = [m for m in mentions if m.last_token < trigger.index and m.category in ARMED_CATEGORIES]
        if not agents:
            return None
        return self.lex.GOVERNMENT_GAIN if agents[-1].ref.kind == "state_forces" else self.lex.NON_STATE_GAIN

    # ---------------------------------------------------------------- dates
    def _dates(
        self, doc: Document, events: list[EventSentence], chosen: tuple[str, str]
    ) -> tuple[date | None, date | None, str]:
        """The span of the dates tied to the action, not to statements about it; when the
        event's own kind of action is dated, only those dates."""
        for keep in (lambda t: t.sub_event == chosen, lambda t: t.sub_event[0] == chosen[0]):
            dated = self._action_dates(doc, events, keep)
            if dated[0]:
                return self._span(doc, *dated)
        return self._span(doc, *self._action_dates(doc, events, lambda trigger: True))

    def _action_dates(self, doc: Document, events: list[EventSentence], keep) -> tuple[list, list]:
        action: list[tuple[DateMention, float]] = []
        statements: list[DateMention] = []
        for rank, item in enumerate(events):
            sentence = item.sentence
            mentions = doc.dates_in(sentence)
            if not mentions:
                continue
            statement = [m for m in mentions if self._is_statement_date(doc, sentence, m)]
            statements.extend(statement)
            candidates = [m for m in mentions if m not in statement and m.precision != "year"]
            for trigger in item.triggers:
                if not keep(trigger):
                    continue
                tied = self._nearest_date(sentence, trigger, candidates)
                if tied is not None:
                    action.append((tied, LEDE_DATE_WEIGHT if rank < 2 else LATER_DATE_WEIGHT))
        return action, statements

    def _span(self, doc: Document, action: list, statements: list) -> tuple[date | None, date | None, str]:
        recent = self._recent(doc, [m for m, _ in action])
        if not recent:
            recent = self._recent(doc, statements)
            if recent:
                earliest = min(recent, key=lambda m: m.first)
                return earliest.first, earliest.first, earliest.precision
            if doc.published:
                return doc.published, doc.published, "week"
            return None, None, "year"
        points = [m for m in recent if m.days <= SHORT_SPAN_DAYS] or recent
        anchor = max(points, key=lambda m: (sum(w for d, w in action if d.last == m.last), m.last)).last
        cluster = [m for m in points if abs((m.last - anchor).days) <= CLUSTER_DAYS]
        first = min(m.first for m in cluster)
        last = max(m.last for m in cluster)
        precision = max((m.precision for m in cluster), key=_PRECISION_ORDER.index)
        return first, last, precision

    def _recent(self, doc: Document, mentions: list[DateMention]) -> list[DateMention]:
        if doc.published is None:
            return list(mentions)
        floor = doc.published - timedelta(days=BACKGROUND_DAYS)
        return [m for m in mentions if m.last >= floor and m.first <= doc.published + timedelta(days=1)]

    def _is_statement_date(self, doc: Document, sentence: Sentence, mention: DateMention) -> bool:
        """ "said in a statement on Monday", "claimed on Thursday to have", "SITE on Sunday quoted"."""
        tokens = sentence.tokens
        first = next((t.index for t in tokens if t.end > mention.start), None)
        last = next((t.index for t in reversed(tokens) if t.start < mention.end), None)
        if first is None or last is None:
            return False
        before = [t.low for t in tokens[max(0, first - ATTRIBUTION_WINDOW) : first]]
        after = [t.low for t in tokens[last + 1 : last + 3]]
        verbs = self.lex.ATTRIBUTION_VERBS | self.lex.STATEMENT_VERBS
        if any(word in verbs for word in before[-ATTRIBUTION_WINDOW:]):
            # "launched an attack on July 25" is not a statement even after "said ... that"
            between = before[max(i for i, w in enumerate(before) if w in verbs) + 1 :]
            if not any(_is_trigger_word(self, w) for w in between) and self.lex.CLAUSE_OPENERS.isdisjoint(between):
                return True
        return bool(after) and after[0] in self.lex.ATTRIBUTION_VERBS

    @staticmethod
    def _nearest_date(sentence: Sentence, trigger: Trigger, candidates: list[DateMention]) -> DateMention | None:
        if not candidates:
            return None
        position = sentence.tokens[trigger.index].start

        def distance(mention: DateMention) -> float:
            # Dates after the trigger ("attack on July 25") bind a little more tightly.
            return (
                mention.start - position
                if mention.start >= position
                else (position - mention.end) * DATE_BEFORE_TRIGGER_DISTANCE
            )

        return min(candidates, key=distance)

    # ---------------------------------------------------------------- place
    def _location(self, doc: Document, events: list[EventSentence], places: Places, gazetteer: Gazetteer) -> Location:
        event_indices = {item.sentence.index for item in events}
        trigger_tokens = {item.sentence.index: [t.index for t in item.triggers] for item in events}
        best_key, best_score, groups = None, 0.0, grouped(places.mentions)
        for key, mentions in groups.items():
            # A dateline or "based in" mention does not cancel the place being where it happened.
            scores = [self._place_score(doc, m, event_indices, trigger_tokens) for m in mentions]
            score = sum(s for s in scores if s > 0) or max(scores)
            if score > best_score:
                best_key, best_score = key, score
        if best_key is None:
            return self._region_location(doc, places, gazetteer, event_indices, [], "")
        mentions = groups[best_key]
        for mention in mentions:
            relative = self._relative_location(doc, mention, gazetteer)
            if relative is not None:
                return relative
        candidate = mentions[0].candidate
        if candidate is not None:
            near = all(
                m.preposition in self.lex.NEAR_PREPOSITIONS or m.district
                for m in mentions
                if m.sentence in event_indices
            )
            # The place as the report writes it: GeoNames' matched alternate may be another script's spelling.
            return Location(
                candidate, 2 if near else 1, most_common_spelling(mentions), candidate.admin1_name, candidate.country
            )
        location_text = most_common_spelling(mentions)
        anchor = self._nearby_town(doc, mentions, places, event_indices)
        if anchor is not None:
            return Location(anchor, 2, location_text, anchor.admin1_name, anchor.country)
        return self._region_location(doc, places, gazetteer, event_indices, mentions, location_text)

    def _region_location(self, doc, places, gazetteer, event_indices, mentions, location_text: str) -> Location:
        """No town: the region the text names (its centre, as the gazetteer holds it), the border region, the
        country."""
        region = self._fallback_region(doc, places, gazetteer, event_indices, mentions)
        if region is None:
            return Location(None, 3, location_text, "", doc.main_country)
        admin1 = region.admin1_name or region.name if region.feature_code in (ADMIN1, ADMIN2) else ""
        return Location(region, 3, location_text or region.name, admin1, region.country)

    def _relative_location(self, doc: Document, mention: PlaceMention, gazetteer: Gazetteer) -> Location | None:
        """ "El Dhere, 28 km west of X", "40 km south of X", "on the road between A and B": a point of
        its own (geo precision 2), the reference place as the gazetteer entry, the phrase as written."""
        phrase = (
            doc.text[mention.phrase_start : mention.phrase_end] if mention.phrase_start is not None else mention.text
        )
        if mention.between is not None:
            a, b = mention.between
            point = ((a.latitude + b.latitude) / 2, (a.longitude + b.longitude) / 2)
            return Location(a, 2, phrase, a.admin1_name, a.country, point)
        reference = mention.relative_to.candidate if mention.relative_to is not None else mention.candidate
        if (
            mention.offset is None
            or reference is None
            or (mention.relative_to is None and mention.phrase_start is None)
        ):
            return None
        km, bearing = mention.offset
        if bearing is not None:
            point = offset_point(reference.latitude, reference.longitude, km, bearing)
        elif km <= NEAR_KM:
            point = (reference.latitude, reference.longitude)
        else:
            return None  # "550 km from the capital": too far to say where without a bearing
        return Location(
            reference, 2, phrase, self._admin1_at(gazetteer, reference, point, km), reference.country, point
        )

    @staticmethod
    def _admin1_at(gazetteer: Gazetteer, reference: PlaceCandidate, point: tuple[float, float], km: float) -> str:
        """The region of a point far off its reference town: the region of the town nearest to it, when known."""
        nearest_town = getattr(gazetteer, "nearest_town", None)
        if km <= NEAR_KM or nearest_town is None:
            return reference.admin1_name
        town = nearest_town(reference.country, *point)
        return town.admin1_name if town is not None else ""

    def _place_score(self, doc: Document, mention: PlaceMention, event_indices: set[int], triggers: dict) -> float:
        """How likely the mention is the event's place (the weights above say why)."""
        if mention.dateline:
            return PLACE_DATELINE_SCORE
        if mention.non_action:
            return PLACE_NON_ACTION_SCORE
        if mention.earlier or mention.reference:
            return PLACE_EARLIER_OR_REFERENCE_SCORE
        sentence = doc.sentences[mention.sentence]
        score = 0.0
        if mention.sentence in event_indices:
            score += PLACE_IN_EVENT_SENTENCE
            nearby = triggers.get(mention.sentence, [])
            if any(abs(mention.first_token - t) <= PLACE_TRIGGER_WINDOW for t in nearby):
                score += PLACE_NEAR_TRIGGER
            if mention.preposition in self.lex.ACTION_LOCATION_PREPOSITIONS:
                score += PLACE_ACTION_PREPOSITION
            after = self._says_where_it_happened(sentence)
            if after is not None and 0 <= mention.first_token - after <= 6:
                score += PLACE_SAID_TO_HAPPEN_THERE  # "the attack occurred near X"
        else:
            score += PLACE_OUTSIDE_EVENT_SENTENCES
        if mention.settlement:
            score += PLACE_SETTLEMENT
        if mention.candidate is not None and mention.candidate.country != doc.main_country and doc.main_country:
            score += PLACE_ABROAD
        if sentence.is_heading:
            score += PLACE_IN_HEADLINE
        return score

    def _nearby_town(self, doc, mentions, places: Places, event_indices) -> PlaceCandidate | None:
        """ "Xyz, near Goma": a town the text puts right next to the unresolved name."""
        for mention in mentions:
            for other in places.mentions:
                if (
                    other.candidate is None
                    or other.sentence != mention.sentence
                    or other.first_token <= mention.last_token
                ):
                    continue
                if other.first_token - mention.last_token <= 4 and other.preposition in self.lex.NEAR_PREPOSITIONS:
                    return other.candidate
        return None

    def _fallback_region(
        self, doc, places: Places, gazetteer: Gazetteer, event_indices, mentions
    ) -> PlaceCandidate | None:
        """The region the text names, the region of the event's towns, the border region, or the country:
        the first of REGION_RULES that finds one."""
        for rule in self.REGION_RULES:
            region = rule(doc, places, gazetteer, event_indices, mentions)
            if region is not None:
                return region
        return None

    @staticmethod
    def _named_region(doc, places: Places, gazetteer, event_indices, mentions) -> PlaceCandidate | None:
        """The region the text names, nearest the event's sentences."""
        country = doc.main_country
        regions = [(m, r) for m, r in places.regions if r.country == country or not country]
        if not regions:
            return None
        near = {m.sentence for m in mentions}
        return min(
            regions,
            key=lambda pair: (pair[0].sentence not in near, pair[0].sentence not in event_indices, pair[0].start),
        )[1]

    @staticmethod
    def _region_of_towns(doc, places: Places, gazetteer, event_indices, mentions) -> PlaceCandidate | None:
        """The region most of the event sentences' resolved towns lie in."""
        country = doc.main_country
        resolved_towns = [
            m.candidate
            for m in places.mentions
            if m.candidate is not None
            and m.candidate.country == country
            and m.sentence in event_indices
            and not m.dateline
            and not m.non_action
        ]
        if not resolved_towns or not country:
            return None
        counts = Counter(t.admin1_name for t in resolved_towns if t.admin1_name)
        return gazetteer.admin1(country, counts.most_common(1)[0][0]) if counts else None

    @staticmethod
    def _border_region(doc, places: Places, gazetteer, event_indices, mentions) -> PlaceCandidate | None:
        """ "near the border with Mali and Niger": the region on all the borders one sentence names."""
        country = doc.main_country
        border = getattr(gazetteer, "border_admin1", None)
        by_sentence: dict[int, list[str]] = defaultdict(list)
        for sentence_index, neighbour in places.border_countries:
            by_sentence[sentence_index].append(neighbour)
        for neighbours in by_sentence.values():
            if border is not None and country:
                region = border(country, *neighbours)
                if region is not None:
                    return region
        return None

    @staticmethod
    def _whole_country(doc, places: Places, gazetteer, event_indices, mentions) -> PlaceCandidate | None:
        return gazetteer.country(doc.main_country) if doc.main_country else None

    # Most precise first: what the text names, then what its towns imply, then its borders, then the country.
    REGION_RULES = (_named_region, _region_of_towns, _border_region, _whole_country)

    # ---------------------------------------------------------------- actors
    def _actors(
        self, doc: Document, events: list[EventSentence], claims: list[FoundClaim], event_type: str
    ) -> list[ParsedActor]:
        """The parties: evidence from the claims and sentences, who takes part, then who is on which side."""
        evidence = self._actor_evidence(doc, events, claims)
        names = self._parties(doc, evidence, claims)
        civilians = self._victims(doc, events, claims)
        if event_type in (PROTESTS, RIOTS):
            return self._crowd_actors(doc, events, event_type, names, evidence.refs)
        if not names:
            return [ParsedActor(civilians, "side_b")] if civilians else []
        result = self._sided_actors(names, evidence)
        if (
            civilians is not None
            and event_type in (VIOLENCE_AGAINST_CIVILIANS, EXPLOSIONS)
            and not any(a.role == "side_b" for a in result)
        ):
            result.append(ParsedActor(civilians, "side_b"))
        return result

    def _actor_evidence(self, doc: Document, events: list[EventSentence], claims: list[FoundClaim]) -> ActorEvidence:
        event_indices = {item.sentence.index for item in events}
        mentions = [
            m
            for m in doc.mentions
            if m.sentence in event_indices and m.category in ARMED_CATEGORIES and not m.parent and not m.descriptor
        ]
        evidence = ActorEvidence(
            mentions=mentions,
            counts=Counter(m.ref.name for m in mentions),
            refs={m.ref.name: m.ref for m in mentions},
        )
        for item in claims:
            _claim_relations(item.claim, evidence)
        for item in events:
            self._sentence_relations(doc, item, evidence)
        return evidence

    def _parties(self, doc: Document, evidence: ActorEvidence, claims: list[FoundClaim]) -> list[str]:
        counts, refs = evidence.counts, evidence.refs
        # "..., police said": a force that only speaks about the event is a source, not a party to it.
        for name in self._only_speakers(doc, evidence.mentions, claims, evidence.enemies) - set(evidence.attackers):
            del counts[name]
        # "Unidentified Armed Group" only when no named non-state actor takes part.
        return [
            name
            for name in counts
            if not _unidentified(name)
            or not any(
                refs[other].kind != "state_forces" for other in counts if other != name and not _unidentified(other)
            )
        ]

    @staticmethod
    def _sided_actors(names: list[str], evidence: ActorEvidence) -> list[ParsedActor]:
        """Side A is the side that attacks more (or, as many, the one named first); each side's most named
        actor leads it and the others are associated with it."""
        counts, refs, attackers = evidence.counts, evidence.refs, evidence.attackers
        side = _assign_sides(names, refs, counts, evidence.enemies, evidence.allies)
        a_votes = sum(attackers[n] for n in names if side[n] == 0)
        b_votes = sum(attackers[n] for n in names if side[n] == 1)
        first_seen = {m.ref.name: m.start for m in reversed(evidence.mentions)}
        if b_votes > a_votes or (
            b_votes == a_votes and _side_start(side, 1, first_seen) < _side_start(side, 0, first_seen)
        ):
            side = {n: 1 - s for n, s in side.items()}
        result: list[ParsedActor] = []
        for number, role in ((0, "side_a"), (1, "side_b")):
            members = sorted(
                (n for n in names if side[n] == number),
                key=lambda n: (-counts[n], refs[n].kind == "external_forces", first_seen.get(n, 0)),
            )
            if not members:
                continue
            result.append(ParsedActor(refs[members[0]], role))
            result.extend(ParsedActor(refs[n], "associated", role) for n in members[1:])
        return result

    def _only_speakers(
        self, doc: Document, mentions: list[ActorMention], claims: list[FoundClaim], enemies: Counter
    ) -> set[str]:
        """Actors named only as the source of an attribution ("police said", "according to the army") and
        neither the subject of a figure nor a party to a claimed kill."""
        subjects = {item.claim.subject.name for item in claims if item.claim.subject is not None}
        fighting = {name for pair in enemies for name in pair}
        by_name: dict[str, list[ActorMention]] = {}
        for mention in mentions:
            by_name.setdefault(mention.ref.name, []).append(mention)
        return {
            name
            for name, found in by_name.items()
            if name not in subjects and name not in fighting and all(self._speaks(doc, m) for m in found)
        }

    def _speaks(self, doc: Document, mention: ActorMention) -> bool:
        tokens = doc.sentences[mention.sentence].tokens
        k = mention.last_token + 1
        while k < len(tokens) and (
            tokens[k].low in self.lex.AUXILIARIES or tokens[k].low in self.lex.SPEAKER_TRAILING_WORDS
        ):
            k += 1
        if k < len(tokens) and tokens[k].low in self.lex.ATTRIBUTION_VERBS:
            return True  # "police said"
        k = mention.first_token - 1
        while k >= 0 and tokens[k].low in self.lex.SPEAKER_DETERMINERS:
            k -= 1
        return k >= 0 and (tokens[k].low in self.lex.ATTRIBUTION_VERBS or tokens[k].low in self.according_ends)

    def _crowd_actors(self, doc, events, event_type, names, refs) -> list[ParsedActor]:
        """Protesters or rioters are side_a; the forces that intervene are side_b."""
        kind = "protesters" if event_type == PROTESTS else "rioters"
        crowd = generic_ref(doc, kind, doc.main_country)
        result = [ParsedActor(crowd, "side_a")]
        state = [n for n in names if refs[n].kind == "state_forces"]
        if state:
            result.append(ParsedActor(refs[state[0]], "side_b"))
            result.extend(ParsedActor(refs[n], "associated", "side_b") for n in state[1:])
        return result

    def _sentence_relations(self, doc: Document, item: EventSentence, evidence: ActorEvidence) -> None:
        """What one event sentence says of its armed actors: the pairs it names, then what each trigger says."""
        armed = [
            m
            for m in doc.mentions_in(item.sentence)
            if m.category in ARMED_CATEGORIES and not m.parent and not m.descriptor
        ]
        low_text = [t.low for t in item.sentence.tokens]
        self._pair_relations(armed, low_text, evidence)
        for trigger in item.triggers:
            if trigger.sub_event in self.territory:
                self._territory_relations(doc, item.sentence, trigger, armed, evidence)
            elif trigger.sub_event[0] in (BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS):
                self._violence_relations(item.sentence.tokens, low_text, trigger, armed, evidence)

    def _pair_relations(self, armed: list[ActorMention], low_text: list[str], evidence: ActorEvidence) -> None:
        """ "clashes between X and Y": enemies; "X and its allies Y", "X backed by Y": allies."""
        for left, right in pairwise(armed):
            between = " ".join(low_text[left.last_token + 1 : right.first_token])
            if left.ref.name == right.ref.name:
                continue
            if (
                not self.lex.RANGE_OPENERS.isdisjoint(low_text[max(0, left.first_token - 3) : left.first_token])
                and between in self.lex.COORDINATORS
            ):
                evidence.enemies[_pair(left.ref.name, right.ref.name)] += NAMED_OPPONENTS_VOTE
            elif between in self.lex.ALLY_JOINERS or any(
                cue == between or between.endswith(cue) or between.startswith(cue) for cue in self.lex.ALLY_CUES
            ):
                evidence.allies[_pair(left.ref.name, right.ref.name)] += 1

    def _territory_relations(self, doc, sentence: Sentence, trigger: Trigger, armed, evidence: ActorEvidence) -> None:
        """Who took the town is the one acting: the clause's subject ("the army said it had retaken X")."""
        if self._agent_aware(doc, sentence, trigger) is None:
            return
        tokens = sentence.tokens
        boundary = max(
            (t.index for t in tokens[: trigger.index] if t.low in self.lex.CLAUSE_OPENERS or t.text == ";"),
            default=-1,
        )
        takers = [m for m in armed if boundary < m.first_token and m.last_token < trigger.index] or [
            m for m in armed if m.last_token < trigger.index
        ]
        if takers:
            evidence.attackers[takers[0].ref.name] += TAKER_VOTE

    def _violence_relations(self, tokens, low_text, trigger: Trigger, armed, evidence: ActorEvidence) -> None:
        """ "X was attacked by Y" (passive), "X repelled Y" (defensive), "Y ambushed X": Y attacks X."""
        attackers, enemies = evidence.attackers, evidence.enemies
        before = [m for m in armed if m.last_token < trigger.index and trigger.index - m.last_token <= 6]
        after = [m for m in armed if m.first_token > trigger.last and m.first_token - trigger.last <= 6]
        window = low_text[trigger.last + 1 : trigger.last + 3]
        passive = (
            trigger.index > 0 and low_text[trigger.index - 1] in self.lex.PASSIVE_MARKERS
        ) or not self.lex.AGENT_PREPOSITIONS.isdisjoint(window)
        if passive and after:
            attackers[after[0].ref.name] += 1
            if before:
                enemies[_pair(before[-1].ref.name, after[0].ref.name)] += 1
        elif tokens[trigger.index].low in self.lex.DEFENSIVE_TRIGGERS:
            if after:
                attackers[after[0].ref.name] += 1
            if before and after:
                enemies[_pair(before[-1].ref.name, after[0].ref.name)] += 1
        else:
            agent = self._agent(tokens, trigger, armed)
            if agent is not None:
                attackers[agent.ref.name] += 1
                if after:
                    enemies[_pair(agent.ref.name, after[0].ref.name)] += 1

    def _agent(self, tokens, trigger: Trigger, armed: list[ActorMention]) -> ActorMention | None:
        """Who acts: "a rebel attack" (right before the noun), "JNIM ambushed" (before a verb),
        "the army launched an attack" (before the light verb); not "soldiers in an ambush"."""
        k = trigger.index - 1
        while k >= 0 and (tokens[k].low in self.lex.LIGHT_VERBS or tokens[k].low in self.lex.AGENT_GAP_WORDS):
            k -= 1
        light = any(tokens[j].low in self.lex.LIGHT_VERBS for j in range(k + 1, trigger.index))
        verb = tokens[trigger.index].low.endswith(self.lex.PAST_ENDINGS) or light
        for mention in reversed(armed):
            if mention.last_token == k and (verb or trigger.index - mention.last_token <= 1 or light):
                return mention
            if (
                verb
                and mention.last_token < k
                and k - mention.last_token <= 3
                and all(
                    t.low in self.lex.AGENT_ADVERB_GAP or t.text == "," for t in tokens[mention.last_token + 1 : k + 1]
                )
            ):
                return mention
        return None

    def _victims(self, doc: Document, events: list[EventSentence], claims: list[FoundClaim]) -> ActorRef | None:
        for item in claims:
            subject = item.claim.subject
            if subject is not None and subject.kind == "civilians":
                return subject
        event_indices = {item.sentence.index for item in events}
        for mention in doc.mentions:
            if mention.category == CIVILIANS and mention.sentence in event_indices:
                return mention.ref
        return None

    def _without_dateline(self, text: str) -> str:
        """ "BAMAKO, Mali (AP) — A coalition..." -> "A coalition..." """
        for dash in ("—", " – ", " - "):
            head, found, rest = text.partition(dash)
            if found and len(head) < 60 and head.split(",")[0].strip().isupper():
                return rest.strip()
        return text

    @staticmethod
    def _confidence(events, claims, place, geo_precision, precision, actors) -> float:
        score = EVENT_BASE_CONFIDENCE
        score += min(MAX_TRIGGER_CONFIDENCE, PER_TRIGGER_CONFIDENCE * sum(len(item.triggers) for item in events))
        if place is not None:
            score += FINE_PLACE_CONFIDENCE if geo_precision < 3 else COARSE_PLACE_CONFIDENCE
        score += DAY_CONFIDENCE if precision == "day" else 0.0
        score += OPPONENT_CONFIDENCE if any(a.role == "side_b" for a in actors) else 0.0
        score += CLAIMS_CONFIDENCE if claims else 0.0
        return round(min(score, EVENT_MAX_CONFIDENCE), 2)


_PRIORITY = [
    (BATTLES, "Armed clash"),
    (EXPLOSIONS, "Air/drone strike"),
    (EXPLOSIONS, "Shelling/artillery/missile attack"),
    (EXPLOSIONS, "Suicide bomb"),
    (EXPLOSIONS, "Remote explosive/landmine/IED"),
    (VIOLENCE_AGAINST_CIVILIANS, "Attack"),
    (VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance"),
    (PROTESTS, "Peaceful protest"),
]
_PRECISION_ORDER = ["day", "week", "month", "year"]


def _word_matches(token: str, word: str) -> bool:
    return token.startswith(word[:-1]) if word.endswith("*") else token == word


def _is_trigger_word(reader: EventReader, word: str) -> bool:
    return any(words[0] == word for words, _ in reader.triggers.get(word[:4], []))


def _sentence_weight(is_heading: bool, body_rank: int) -> float:
    """The weight of a sentence's triggers: the headline's, the lede's by rank, or a later sentence's."""
    if is_heading:
        return HEADLINE_WEIGHT
    return LEDE_WEIGHTS[body_rank] if body_rank < len(LEDE_WEIGHTS) else LATER_SENTENCE_WEIGHT


def _claim_relations(claim, evidence: ActorEvidence) -> None:
    """The armed claimant and subject of a figure are named; a kill one claims of the other is a fight."""
    for ref in (claim.claimant, claim.subject):
        if ref is not None and ref.kind in ARMED_KINDS:
            evidence.refs.setdefault(ref.name, ref)
            evidence.counts[ref.name] += 1
    if (
        claim.claimant
        and claim.subject
        and claim.claimant.name != claim.subject.name
        and (claim.kind in CASUALTY_KINDS or claim.kind == "destroyed")
        and claim.claimant.kind in ARMED_KINDS
        and claim.subject.kind in ARMED_KINDS
    ):
        evidence.enemies[_pair(claim.claimant.name, claim.subject.name)] += CLAIMED_KILL_VOTE
        evidence.attackers[claim.claimant.name] += CLAIMANT_ATTACKER_VOTE  # claiming the kill: the one who struck


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _unidentified(name: str) -> bool:
    return name.startswith("Unidentified")


def _side_start(side: dict, number: int, first_seen: dict) -> int:
    return min((first_seen.get(n, math.inf) for n, s in side.items() if s == number), default=math.inf)


def _assign_sides(names, refs, counts, enemies: Counter, allies: Counter) -> dict[str, int]:
    """Two-colour the actors: the strongest opposition seeds the sides, allies join their partner."""
    side: dict[str, int] = {}
    pairs = [(w, p) for p, w in enemies.items() if p[0] in names and p[1] in names]
    if pairs:
        _, (a, b) = max(pairs)
        side[a], side[b] = 0, 1
    else:
        side[max(names, key=lambda n: (refs[n].kind == "state_forces", counts[n]))] = 0
    changed = True
    while changed:
        changed = False
        for name in names:
            if name in side:
                continue
            for (x, y), _ in allies.most_common():
                partner = y if x == name else x if y == name else None
                if partner in side:
                    side[name] = side[partner]
                    changed = True
                    break
            else:
                for (x, y), _ in enemies.most_common():
                    partner = y if x == name else x if y == name else None
                    if partner in side:
                        side[name] = 1 - side[partner]
                        changed = True
                        break
    for name in names:
        if name not in side:
            # Nothing in the text ties it to a side: it joins the side it is not hostile to.
            first = next(iter(side))
            side[name] = 1 - side[first] if _hostile(refs[name], refs[first]) else side[first]
    return side


def _hostile(a: ActorRef, b: ActorRef) -> bool:
    """Without other evidence: the state against non-state armed groups, one state against another."""
    state_like = ("state_forces", "external_forces")
    if (a.kind in state_like) != (b.kind in state_like):
        return True
    return a.kind == b.kind == "state_forces" and a.country != b.country


def _inherit_armed_actors(event: ParsedEvent, lead: ParsedEvent) -> None:
    """ "Government air strikes killed 42 people ... 19 outside X and another 23 in Y": an incident whose own
    sentences name no armed actor was carried out by those the report's first incident names."""
    if any(actor.ref.kind in ARMED_KINDS for actor in event.actors):
        return
    armed = [actor for actor in lead.actors if actor.ref.kind in ARMED_KINDS and actor.role == "side_a"]
    event.actors = armed + [actor for actor in event.actors if actor.ref not in {a.ref for a in armed}]


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rsplit(" ", 1)[0] + "…"
