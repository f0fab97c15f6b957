"""parse_article: text in, events with places, actors, dates and claims out."""

from collections import Counter
from dataclasses import replace
from datetime import date
from functools import lru_cache

from .actors import ActorDictionary
from .claims import ClaimReader
from .document import ARMED_CATEGORIES, CIVILIANS, PROTESTERS, Reader
from .events import EventReader
from .gazetteer import Gazetteer
from .lang import detect_language, get_lexicon
from .places import PlaceFinder
from .results import ParseResult, Span

# Bumped whenever the parser reads differently, so `manage.py reparse --outdated` finds what an older one read.
PARSER_VERSION = "2.1.0"


class _Pipeline:
    """Everything compiled for one language."""

    def __init__(self, language: str):
        lexicon = get_lexicon(language)
        self.reader = Reader(lexicon)
        self.claims = ClaimReader(lexicon)
        self.places = PlaceFinder(lexicon)
        self.events = EventReader(lexicon)


@lru_cache(maxsize=8)
def _pipeline(language: str) -> _Pipeline:
    return _Pipeline(language)


def parse_article(
    text: str,
    published: date | None = None,
    title: str = "",
    *,
    actors: ActorDictionary,
    gazetteer: Gazetteer,
    language: str | None = None,
) -> ParseResult:
    """Read one article. ``title`` (if the text does not already start with it) is read as a
    headline; offsets in the result always point into ``text``. ``language`` (ISO 639-1) is guessed
    from the text when not given; a language the parser has no lexicon for gives a result with
    ``supported`` False and nothing read, never a reading with another language's patterns."""
    language = language or detect_language(text)
    if get_lexicon(language) is None:
        return ParseResult(language=language, events=[], spans=[], supported=False)
    pipeline = _pipeline(language)
    body = text
    prefix = ""
    if title and not text.lstrip().startswith(title.strip()):
        prefix = title.strip() + "\n"
        body = prefix + text
    doc = _headlined(pipeline.reader.read(body, published, title, actors), len(prefix))
    places = pipeline.places.find(doc, gazetteer)
    if not doc.main_country:
        # The text names no country: take the one its places are in, and read the actors again with it.
        hint = _country_of_places(places)
        if hint:
            doc = _headlined(pipeline.reader.read(body, published, title, actors, country_hint=hint), len(prefix))
            places = pipeline.places.find(doc, gazetteer)
    claims = pipeline.claims.read(doc)
    sentences = pipeline.events.classify(doc, claims)
    events = pipeline.events.build(doc, sentences, claims, places, gazetteer)
    spans = _spans(doc, events, claims, places)
    if prefix:
        events, spans = _shift(events, spans, len(prefix))
    return ParseResult(language=language, events=events, spans=spans)


def _headlined(doc, title_length: int):
    """A title read in front of the text is a headline whatever its punctuation (a stand-in title cut
    from the first line ends in "…"): its figures repeat the body's and must not displace them."""
    for sentence in doc.sentences:
        if sentence.end <= title_length:
            sentence.is_heading = True
    return doc


def _country_of_places(places) -> str:
    countries = Counter(m.candidate.country for m in places.mentions if m.candidate is not None and not m.non_action)
    return countries.most_common(1)[0][0] if countries else ""


def _spans(doc, events, claims, places) -> list[Span]:
    """Highlights for the UI: actors, places, dates and claims, in the order of the text."""
    spans = [
        *_actor_spans(doc, events),
        *_place_spans(places, events),
        *_date_spans(doc, events),
        *_claim_spans(claims, events),
    ]
    return sorted(spans, key=lambda span: (span.start, span.end))


def _event_holding(events, offset: int) -> int | None:
    """The event whose sentences hold the offset (the first one's when a sentence is shared by two incidents)."""
    for index, event in enumerate(events):
        if any(start <= offset < end for start, end in event.evidence):
            return index
    return None


def _actor_spans(doc, events) -> list[Span]:
    return [
        Span("actor", m.start, m.end, m.ref.name, _event_holding(events, m.start))
        for m in doc.mentions
        if m.category in ARMED_CATEGORIES or m.category in (CIVILIANS, PROTESTERS)
    ]


def _place_spans(places, events) -> list[Span]:
    spans = []
    for mention in places.mentions:
        label = mention.candidate.name if mention.candidate else mention.text
        spans.append(Span("place", mention.start, mention.end, label, _event_holding(events, mention.start)))
    for mention, region in places.regions:
        spans.append(Span("place", mention.start, mention.end, region.name, _event_holding(events, mention.start)))
    return spans


def _date_spans(doc, events) -> list[Span]:
    spans = []
    for mention in doc.dates:
        label = mention.first.isoformat() if mention.first == mention.last else f"{mention.first}/{mention.last}"
        spans.append(Span("date", mention.start, mention.end, label, _event_holding(events, mention.start)))
    return spans


def _claim_spans(claims, events) -> list[Span]:
    """A claim's span belongs to the event that holds the claim itself."""
    spans = []
    for item in claims:
        index = next((n for n, event in enumerate(events) if any(item.claim is claim for claim in event.claims)), None)
        spans.append(Span("claim", item.figure_start, item.figure_end, item.claim.kind, index))
    return spans


def _shift(events, spans, offset: int):
    """Move offsets from title+text back into text, dropping what lies in the title."""
    kept_spans = [replace(s, start=s.start - offset, end=s.end - offset) for s in spans if s.start >= offset]
    for event in events:
        event.evidence = [(s - offset, e - offset) for s, e in event.evidence if s >= offset]
        claims = []
        for claim in event.claims:
            if claim.char_start >= offset:
                claim.char_start -= offset
                claim.char_end -= offset
                claims.append(claim)
        event.claims = claims
    return events, kept_spans
