"""What the parser returns: plain dataclasses the service layer copies into the database."""

from dataclasses import dataclass, field
from datetime import date

from .gazetteer import PlaceCandidate


@dataclass(frozen=True)
class ActorRef:
    """An actor as the parser understood it.

    entry_id set: a dictionary actor. entry_id None and is_new False: a generic
    ACLED-style name the service finds or creates by (name, kind, country), e.g.
    "Civilians (Mali)" or "Military Forces of Mali" when the dictionary lacks it.
    is_new True: a named armed group the dictionary does not know ("a group
    calling itself the Xyz Brigade"); the service creates it with needs_review.
    """

    entry_id: int | None
    name: str
    kind: str
    country: str
    is_new: bool = False


@dataclass(frozen=True)
class ParsedActor:
    """An actor of an event. role is side_a, side_b or associated; an associated
    actor fights with the side named in ``side_of`` (ACLED's assoc_actor_1/2)."""

    ref: ActorRef
    role: str
    side_of: str | None = None


@dataclass
class ParsedClaim:
    claimant: ActorRef | None
    claimant_text: str
    kind: str
    subject: ActorRef | None
    subject_text: str
    count_min: int | None
    count_max: int | None
    qualifier: str
    quote: str
    char_start: int
    char_end: int
    confidence: float


@dataclass
class ParsedEvent:
    event_type: str
    sub_event_type: str
    start_date: date | None
    end_date: date | None
    date_precision: str
    place: PlaceCandidate | None
    geo_precision: int
    location_text: str
    country: str
    admin1: str
    actors: list[ParsedActor] = field(default_factory=list)
    claims: list[ParsedClaim] = field(default_factory=list)
    # (latitude, longitude) when the text puts the event off the place: "28 km west of X", "between A and B".
    point: tuple[float, float] | None = None
    notes: str = ""
    confidence: float = 0.0
    # (start, end) character ranges of the sentences the event was read from.
    evidence: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Span:
    """A stretch of the article for the UI to highlight: kind is place, actor, date or claim."""

    kind: str
    start: int
    end: int
    label: str
    event_index: int | None = None


@dataclass
class ParseResult:
    language: str
    events: list[ParsedEvent]
    spans: list[Span]
    # False: no lexicon for the language; nothing was read (the article says so, it is not "no event").
    supported: bool = True
