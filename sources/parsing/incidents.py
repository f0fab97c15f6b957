"""Several incidents in one report: which event sentences, claims and places belong to which incident.

A report of separate incidents (an army communiqué listing two ambushes and a drone strike in three
districts; "the air raids killed 19 people outside X and another 23 in the town of Y") yields one
incident per place, or per day, each with the figures of its own sentences. A sentence starts a new
incident only when it brings figures of its own (or opens with "Meanwhile", "Par ailleurs") and
either names a place of its own far from every place of the incidents so far, or dates its action
to another day. Any other sentence goes on with the incident whose place or day it shares, or with
the one read last. A sentence naming two far-apart places, each with its own figures, is shared:
each figure goes with the place named next after it ("19 killed outside X and 23 in Y").

Places count as the same when they are one gazetteer entry, lie within SAME_PLACE_KM of each other,
or when one is a region holding the other while the incident has no town yet.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from types import ModuleType

from .acled import CASUALTY_KINDS
from .claims import FoundClaim
from .document import Document
from .gazetteer import PlaceCandidate, distance_km
from .places import PlaceMention, Places, group_key
from .text import phrase_words

SAME_PLACE_KM = 25
FIGURE_KINDS = (*CASUALTY_KINDS, "missing")


@dataclass
class Incident:
    sentences: list = field(default_factory=list)  # EventSentence, in text order
    claims: list[FoundClaim] = field(default_factory=list)
    mentions: list[PlaceMention] = field(default_factory=list)
    regions: list[PlaceCandidate] = field(default_factory=list)
    days: set[date] = field(default_factory=set)


@dataclass
class _Piece:
    """One event sentence, or the part of one that goes with one of its places."""

    item: object  # EventSentence
    mentions: list[PlaceMention]
    regions: list[PlaceCandidate]
    claims: list[FoundClaim]
    days: set[date]
    opener: bool


class IncidentSplitter:
    def __init__(self, lexicon: ModuleType):
        self.lex = lexicon
        self.openers = [phrase_words(lexicon, phrase) for phrase in lexicon.INCIDENT_OPENERS]

    def split(
        self, doc: Document, events: list, claims: list[FoundClaim], places: Places, is_statement_date
    ) -> list[Incident]:
        """``is_statement_date(doc, sentence, date)``: the date says when something was said, not done."""
        self._is_statement_date = is_statement_date
        incidents: list[Incident] = []
        last: Incident | None = None
        headings = [item for item in events if item.sentence.is_heading]
        for item in events:
            if item.sentence.is_heading:
                continue
            for piece in self._pieces(doc, item, claims, places):
                last = self._place_piece(piece, incidents, last)
        if not incidents:
            return [Incident(sentences=list(events), claims=list(claims), mentions=list(places.mentions))]
        for item in headings:
            target = self._heading_incident(item, incidents, places)
            target.sentences.insert(0, item)
        self._leftover_claims(incidents, claims)
        return incidents

    # ---------------------------------------------------------------- pieces
    def _pieces(self, doc: Document, item, claims: list[FoundClaim], places: Places) -> list[_Piece]:
        index = item.sentence.index
        mentions = [m for m in places.mentions if m.sentence == index and _is_scene(m)]
        regions = [region for m, region in places.regions if m.sentence == index]
        own = [c for c in claims if c.sentence == index and not c.heading]
        days = self._days(doc, item)
        opener = self._opens_another(item.sentence)
        # Only places the gazetteer puts on the map can be told apart: an unknown name may lie next to them.
        distinct = _distinct_places([m for m in mentions if _point(m) is not None])
        figures = [c for c in own if c.claim.count_min is not None]
        if len(distinct) < 2 or len(figures) < 2:
            return [_Piece(item, mentions, regions, own, days, opener)]
        by_place: dict[str, list[FoundClaim]] = {group_key(m): [] for m in distinct}
        for found in own:
            by_place[group_key(_place_of_figure(found, distinct))].append(found)
        return [_Piece(item, [m], regions, by_place[group_key(m)], days, opener) for m in distinct]

    def _days(self, doc: Document, item) -> set[date]:
        published = doc.published
        days = set()
        for mention in doc.dates_in(item.sentence):
            if mention.precision != "day" or mention.first != mention.last:
                continue
            if self._is_statement_date(doc, item.sentence, mention):
                continue  # "in a statement on Monday": the day it was said
            if published is None or published - timedelta(days=30) <= mention.first <= published + timedelta(days=1):
                days.add(mention.first)
        return days

    def _opens_another(self, sentence) -> bool:
        words = tuple(token.low for token in sentence.tokens[:6])
        return any(words[: len(phrase)] == phrase for phrase in self.openers)

    # ---------------------------------------------------------------- assignment
    def _place_piece(self, piece: _Piece, incidents: list[Incident], last: Incident | None) -> Incident:
        figures = any(c.claim.kind in FIGURE_KINDS and c.claim.count_min is not None for c in piece.claims)
        if last is None:
            return self._new(piece, incidents)
        same = next((incident for incident in incidents if self._same_place(piece, incident)), None)
        if same is not None:
            return self._add(piece, same)
        dated = next((incident for incident in incidents if incident.days & piece.days), None)
        if dated is not None and not piece.mentions:
            return self._add(piece, dated)  # a place-less sentence goes on with the incident of its day
        # A far gazetteer place splits; an unknown name only after "Meanwhile" (spellings of one village vary).
        known = [m for incident in incidents for m in incident.mentions if _point(m) is not None]
        far = any(_point(m) is not None for m in piece.mentions) and bool(known)
        new_name = piece.opener and bool(piece.mentions) and any(incident.mentions for incident in incidents)
        other_day = bool(piece.days) and bool(last.days) and dated is None
        if (figures or piece.opener) and (far or new_name or other_day):
            return self._new(piece, incidents)
        return self._add(piece, last)

    def _new(self, piece: _Piece, incidents: list[Incident]) -> Incident:
        incident = Incident()
        incidents.append(incident)
        return self._add(piece, incident)

    @staticmethod
    def _add(piece: _Piece, incident: Incident) -> Incident:
        if piece.item not in incident.sentences:
            incident.sentences.append(piece.item)
        incident.claims.extend(c for c in piece.claims if c not in incident.claims)
        incident.mentions.extend(piece.mentions)
        incident.regions.extend(piece.regions)
        incident.days |= piece.days
        return incident

    def _same_place(self, piece: _Piece, incident: Incident) -> bool:
        if not piece.mentions:
            return False
        if any(_same(mention, other) for mention in piece.mentions for other in incident.mentions):
            return True
        if incident.mentions:
            return False
        # The incident knows only a region ("in Idlib province"): a town inside it is the same incident.
        return any(_inside(mention, region) for mention in piece.mentions for region in incident.regions)

    @staticmethod
    def _heading_incident(item, incidents: list[Incident], places: Places) -> Incident:
        index = item.sentence.index
        mentions = [m for m in places.mentions if m.sentence == index and _is_scene(m)]
        for incident in incidents:
            if any(_same(m, other) for m in mentions for other in incident.mentions):
                return incident
        return incidents[0]

    @staticmethod
    def _leftover_claims(incidents: list[Incident], claims: list[FoundClaim]) -> None:
        """Figures in sentences that report no incident (a quote, a heading) go with the one read just before."""
        taken = {id(c) for incident in incidents for c in incident.claims}
        starts = [(min(item.sentence.index for item in incident.sentences), incident) for incident in incidents]
        for found in claims:
            if id(found) in taken:
                continue
            owner = incidents[0]
            for incident in incidents:
                if any(item.sentence.index == found.sentence for item in incident.sentences):
                    owner = incident
                    break
            else:
                before = [(start, incident) for start, incident in starts if start <= found.sentence]
                owner = max(before, key=lambda pair: pair[0])[1] if before and not found.heading else incidents[0]
            owner.claims.append(found)


def _is_scene(mention: PlaceMention) -> bool:
    return not (mention.dateline or mention.non_action or mention.earlier or mention.reference)


def _point(mention: PlaceMention) -> tuple[float, float] | None:
    if mention.between is not None:
        a, b = mention.between
        return (a.latitude + b.latitude) / 2, (a.longitude + b.longitude) / 2
    candidate = mention.relative_to.candidate if mention.relative_to is not None else mention.candidate
    if candidate is None or candidate.is_region:
        return None
    return candidate.latitude, candidate.longitude


def _same(a: PlaceMention, b: PlaceMention) -> bool:
    if group_key(a) == group_key(b):
        return True
    pa, pb = _point(a), _point(b)
    if pa is None or pb is None:
        return False
    return distance_km(*pa, *pb) <= SAME_PLACE_KM


def _inside(mention: PlaceMention, region: PlaceCandidate) -> bool:
    candidate = mention.candidate
    if candidate is None:
        return mention.relative_to is None and mention.between is None  # an unknown village: may lie in it
    return (
        candidate.country == region.country
        and bool(candidate.admin1_name)
        and candidate.admin1_name == region.admin1_name
    )


def _distinct_places(mentions: list[PlaceMention]) -> list[PlaceMention]:
    distinct: list[PlaceMention] = []
    for mention in mentions:
        if not any(_same(mention, other) for other in distinct):
            distinct.append(mention)
    return distinct


def _place_of_figure(found: FoundClaim, mentions: list[PlaceMention]) -> PlaceMention:
    """ "killed 19 people outside X, and another 23 in Y": the place named next after the figure."""
    after = [m for m in mentions if m.start >= found.figure_end]
    if after:
        return min(after, key=lambda m: m.start)
    return max(mentions, key=lambda m: m.start)
