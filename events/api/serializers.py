"""The API's field names, which are a contract: stable, and documented in the OpenAPI schema.

Output serializers of events declare every field of the documents the one reader builds
(events.selectors.event_documents(), with events.exports), which are what the schema shows, and
send those documents as they are (DocumentSerializer); tests/api/test_schema_responses.py checks real
responses against the schema, so the two cannot drift. Input serializers only shape and validate
data: what a change means is decided by the services.
"""

from django.conf import settings
from rest_framework import serializers

from events.exports import claim_document, event_feature
from events.models import Actor, Claim, Event, EventActor, Place
from events.selectors import SUMMARY_CLAIMANTS
from sources.models import Article
from sources.parsing.acled import ACTOR_KINDS, EVENT_TYPES, SUB_EVENT_TYPES

MAX_ID = 2**63 - 1
MAX_COUNT = 2**31 - 1  # PositiveIntegerField on PostgreSQL
ALL_SUB_EVENT_TYPES = [sub for subs in SUB_EVENT_TYPES.values() for sub in subs]


# ---------------------------------------------------------------- errors


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, in words.")
    errors = serializers.JSONField(required=False, help_text="For invalid input: each field with its messages.")
    merged_into = serializers.IntegerField(
        required=False, allow_null=True, help_text="For a merged event: the event it was merged into."
    )
    version = serializers.IntegerField(
        required=False, allow_null=True, help_text="For a conflict (409): the event's version now; read it again."
    )


# ---------------------------------------------------------------- events (output)


class DocumentSerializer(serializers.Serializer):
    """Declares a document for the schema and sends it as the reader built it: running DRF's fields over
    every value of a page would cost more than reading it. The schema test keeps the two in step."""

    def to_representation(self, document: dict) -> dict:
        return document


class LocationSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The town, else the place as written, else the admin1 region.")
    admin1 = serializers.CharField()
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2; empty when unknown.")
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    geo_precision = serializers.IntegerField(
        help_text="ACLED's: 1 the town itself, 2 near it or part of a region, 3 a region or larger."
    )
    geonames_id = serializers.IntegerField(allow_null=True)


class EventActorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=list(ACTOR_KINDS))
    role = serializers.ChoiceField(choices=EventActor.Role.choices)


class ClaimPartySerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The actor's canonical name, else the text as written.")
    actor_id = serializers.IntegerField(allow_null=True)
    as_written = serializers.CharField(help_text="The text as the report wrote it, e.g. “a local official”.")


class ClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    claimant = ClaimPartySerializer(help_text="Who makes the claim.")
    kind = serializers.ChoiceField(choices=Claim.Kind.choices)
    subject = ClaimPartySerializer(help_text="Whom the claim is about.")
    count_min = serializers.IntegerField(allow_null=True)
    count_max = serializers.IntegerField(allow_null=True, help_text="Null means open-ended (“at least …”).")
    qualifier = serializers.ChoiceField(choices=Claim.Qualifier.choices)
    quote = serializers.CharField(help_text="The sentence the claim comes from.")
    article_id = serializers.IntegerField()
    char_start = serializers.IntegerField(allow_null=True, help_text="Offset of the quote in the article text.")
    char_end = serializers.IntegerField(allow_null=True)
    confidence = serializers.FloatField(help_text="The parser's confidence, 0–1; 1 for claims a reviewer wrote.")


class EventClaimSerializer(ClaimSerializer):
    """A claim on its own (the /claims/ endpoints): with the event it belongs to."""

    event_id = serializers.IntegerField()

    def to_representation(self, claim: Claim) -> dict:
        # A claim read by selectors.claim_get(), with its parties' names: the document the event's gives, and its event.
        return {**claim_document(claim), "event_id": claim.event_id}


class ClaimKindSummarySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Claim.Kind.choices)
    count = serializers.IntegerField(help_text="How many claims of this kind.")
    low = serializers.IntegerField(
        allow_null=True, help_text="The lowest figure claimed; null when every claim is vague (“dozens”)."
    )
    high = serializers.IntegerField(
        allow_null=True, help_text="The highest figure claimed (an “at least” claim's figure is its lower bound)."
    )
    open_ended = serializers.BooleanField(
        help_text="Some claim gives only a lower bound (“at least …”): the figure may exceed `high`."
    )


class ClaimsSummarySerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="How many claims the event's reports make.")
    by_kind = ClaimKindSummarySerializer(
        many=True, help_text="Each kind claimed, in the order of the kinds' vocabulary (ClaimKindEnum)."
    )
    claimants = serializers.ListField(
        child=serializers.CharField(),
        max_length=SUMMARY_CLAIMANTS,
        help_text="Who makes the claims (canonical names, else as written), most claims first.",
    )
    claimant_count = serializers.IntegerField(
        help_text=f"How many distinct claimants there are; `claimants` names at most {SUMMARY_CLAIMANTS} of them."
    )


class FatalitiesSerializer(serializers.Serializer):
    low = serializers.IntegerField(allow_null=True, help_text="The lowest total any source reports.")
    best = serializers.IntegerField(
        allow_null=True, help_text="A reviewer's choice, else the lowest (ACLED's conservative rule)."
    )
    high = serializers.IntegerField(allow_null=True)


class EventFieldsSerializer(serializers.Serializer):
    """The fields lists and details share; each adds the claims its way."""

    status = serializers.ChoiceField(choices=[Event.Status.DRAFT, Event.Status.APPROVED, Event.Status.REJECTED])
    event_type = serializers.ChoiceField(choices=list(EVENT_TYPES))
    sub_event_type = serializers.ChoiceField(choices=ALL_SUB_EVENT_TYPES)
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    date_precision = serializers.ChoiceField(choices=Event.DatePrecision.choices)
    location = LocationSerializer()
    actors = EventActorSerializer(many=True)
    fatalities = FatalitiesSerializer()
    article_ids = serializers.ListField(
        child=serializers.IntegerField(), help_text="The articles that report the event."
    )
    notes = serializers.CharField()
    flagged_for_review = serializers.BooleanField(help_text="New claims arrived after approval.")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField(help_text="Use with ?updated_since= for incremental sync.")
    version = serializers.IntegerField(help_text="Send it back with a PATCH to refuse edits made on a stale copy.")


class EventPropertiesSerializer(EventFieldsSerializer):
    """A listed event's fields except its id: a GeoJSON feature's properties."""

    claims_summary = ClaimsSummarySerializer(
        help_text="The claims in brief; GET /events/{id}/ gives each claim with its quote."
    )


class EventSerializer(DocumentSerializer, EventPropertiesSerializer):
    """An event in a list: a document of selectors.event_documents() with its claims summarised."""

    id = serializers.IntegerField()


class HistoryEntrySerializer(serializers.Serializer):
    user = serializers.CharField(allow_null=True, help_text="Username; null if the account was deleted.")
    at = serializers.DateTimeField()
    action = serializers.CharField(
        help_text="edit, approved, rejected, merge, split, place_added, claim_create, claim_edit, claim_delete."
    )
    field = serializers.CharField()
    old = serializers.JSONField(allow_null=True)
    new = serializers.JSONField(allow_null=True)
    claim_id = serializers.IntegerField(allow_null=True)


class MergeReasonSerializer(serializers.Serializer):
    distance_km = serializers.FloatField(allow_null=True)
    date_gap_days = serializers.IntegerField()
    shared_actors = serializers.ListField(child=serializers.CharField())
    same_place = serializers.BooleanField()
    same_admin1 = serializers.BooleanField()
    same_type = serializers.BooleanField()


class MergeSuggestionSerializer(serializers.Serializer):
    event_id = serializers.IntegerField()
    status = serializers.CharField()
    reason = MergeReasonSerializer()


class EventDetailSerializer(DocumentSerializer, EventFieldsSerializer):
    """One event (selectors.event_detail()): every claim with its quote, and the review log."""

    id = serializers.IntegerField()
    claims = ClaimSerializer(many=True, help_text="Every claim its reports make, conflicting figures included.")
    history = HistoryEntrySerializer(many=True, help_text="The review log, oldest first: every change a person made.")
    merge_suggestions = MergeSuggestionSerializer(
        many=True, help_text="For analysts: events that look like the same one, closest first; else empty."
    )


class EventPageSerializer(serializers.Serializer):
    next = serializers.URLField(allow_null=True, help_text="The next page, or null on the last one.")
    results = EventSerializer(many=True)


class PointSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["Point"])
    coordinates = serializers.ListField(
        child=serializers.FloatField(), min_length=2, max_length=2, help_text="[longitude, latitude]"
    )


class EventFeatureSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["Feature"])
    id = serializers.IntegerField()
    geometry = PointSerializer(allow_null=True, help_text="Null when the event has no coordinates.")
    properties = EventPropertiesSerializer()

    def to_representation(self, document: dict) -> dict:
        return event_feature(document)  # a listed event's document


class EventFeatureCollectionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["FeatureCollection"])
    features = EventFeatureSerializer(many=True)
    next = serializers.URLField(
        allow_null=True, help_text="Foreign member (RFC 7946 §6.1): the next page, also in the Link header."
    )


class DeletedEventSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=[Event.Status.REJECTED, Event.Status.MERGED])
    merged_into = serializers.IntegerField(source="merged_into_id", allow_null=True)
    deleted_at = serializers.DateTimeField(source="status_changed_at")


class DeletedPageSerializer(serializers.Serializer):
    next = serializers.URLField(allow_null=True)
    results = DeletedEventSerializer(many=True)


# ---------------------------------------------------------------- events (input)


class ActorRoleSerializer(serializers.Serializer):
    id = serializers.PrimaryKeyRelatedField(queryset=Actor.objects.all(), help_text="An actor id (see /actors/).")
    role = serializers.ChoiceField(choices=EventActor.Role.choices)


def version_field() -> serializers.IntegerField:
    return serializers.IntegerField(
        min_value=1,
        max_value=MAX_COUNT,
        required=False,
        help_text="The event's version you read; a stale one is refused with 409. Without it, the version now.",
    )


class VersionSerializer(serializers.Serializer):
    """The version a change was made on (approve, reject, delete a claim)."""

    version = version_field()


class EventUpdateSerializer(VersionSerializer):
    """A reviewer's edit: only the fields sent change. Whether the values make an event is services.validate_event's
    to say (a sub-type of the type, dates in order, coordinates in range)."""

    event_type = serializers.ChoiceField(choices=list(EVENT_TYPES), required=False)
    sub_event_type = serializers.ChoiceField(choices=ALL_SUB_EVENT_TYPES, required=False)
    start_date = serializers.DateField(required=False)
    end_date = serializers.DateField(required=False)
    date_precision = serializers.ChoiceField(choices=Event.DatePrecision.choices, required=False)
    latitude = serializers.FloatField(allow_null=True, required=False)
    longitude = serializers.FloatField(allow_null=True, required=False)
    geo_precision = serializers.ChoiceField(choices=Event.GeoPrecision.choices, required=False)
    country = serializers.RegexField(
        r"^[A-Za-z]{2}$", allow_blank=True, required=False, help_text="ISO 3166-1 alpha-2, or empty."
    )
    admin1 = serializers.CharField(max_length=200, allow_blank=True, required=False)
    location_name = serializers.CharField(max_length=200, allow_blank=True, required=False)
    notes = serializers.CharField(allow_blank=True, required=False, trim_whitespace=False)
    fatalities_best = serializers.IntegerField(max_value=MAX_COUNT, allow_null=True, required=False)
    place = serializers.PrimaryKeyRelatedField(
        queryset=Place.objects.all(),
        allow_null=True,
        required=False,
        help_text="A gazetteer place id (see /places/); brings its coordinates.",
    )
    actors = ActorRoleSerializer(many=True, required=False, help_text="Replaces the event's actors and their roles.")

    def validate_country(self, value: str) -> str:
        return value.upper()

    def validate(self, data: dict) -> dict:
        if not set(data) - {"version"}:
            raise serializers.ValidationError("Nothing to change: send at least one field to edit.")
        return data


class MergeSerializer(VersionSerializer):
    into = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="The event that absorbs this one.")


class SplitSerializer(VersionSerializer):
    article_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        min_length=1,
        max_length=1000,
        help_text="Articles whose reports (and claims) move to a new draft event.",
    )


# ---------------------------------------------------------------- claims (input)


class ClaimInputSerializer(VersionSerializer):
    """A claim's fields; what a claim may be (its event open, its article reporting the event, a claimant named)
    is services.claim_create's and claim_update's to say."""

    article = serializers.PrimaryKeyRelatedField(
        queryset=Article.objects.defer("text", "spans"), help_text="An article that reports the event."
    )
    kind = serializers.ChoiceField(choices=Claim.Kind.choices)
    count_min = serializers.IntegerField(max_value=MAX_COUNT, allow_null=True, required=False)
    count_max = serializers.IntegerField(max_value=MAX_COUNT, allow_null=True, required=False)
    claimant = serializers.PrimaryKeyRelatedField(
        queryset=Actor.objects.all(), allow_null=True, required=False, help_text="An actor id."
    )
    claimant_text = serializers.CharField(
        max_length=200, allow_blank=True, required=False, help_text="The claimant as written."
    )
    subject = serializers.PrimaryKeyRelatedField(
        queryset=Actor.objects.all(), allow_null=True, required=False, help_text="An actor id."
    )
    subject_text = serializers.CharField(max_length=200, allow_blank=True, required=False)
    qualifier = serializers.ChoiceField(choices=Claim.Qualifier.choices, required=False)
    quote = serializers.CharField(allow_blank=True, required=False, trim_whitespace=False)


class ClaimCreateSerializer(ClaimInputSerializer):
    event = serializers.PrimaryKeyRelatedField(queryset=Event.objects.all(), help_text="The event the claim is about.")


class ClaimUpdateSerializer(ClaimInputSerializer):
    """Only the fields sent change."""

    def validate(self, data: dict) -> dict:
        if not set(data) - {"version"}:
            raise serializers.ValidationError("Nothing to change: send at least one field to edit.")
        return data


# ---------------------------------------------------------------- articles


class ArticleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    publisher = serializers.CharField(source="publisher.name", allow_null=True)
    url = serializers.CharField()
    published_at = serializers.DateField(allow_null=True)
    language = serializers.CharField(
        help_text="ISO 639-1: the parser's guess, or a reviewer's correction (language_source); empty until parsed."
    )
    language_source = serializers.ChoiceField(
        choices=Article.LanguageSource.choices,
        allow_blank=True,
        help_text=(
            "detected (guessed from the text) or reviewer (set by language_set_by: parsing reads the text in it); "
            "empty until parsed."
        ),
    )
    language_set_by = serializers.CharField(
        source="language_set_by.username", allow_null=True, help_text="The reviewer who set the language."
    )
    language_set_at = serializers.DateTimeField(allow_null=True)
    status = serializers.ChoiceField(
        choices=Article.Status.choices,
        help_text=(
            "queued → parsing → parsed; or failed (error says why); or unsupported: in a language the parser has no "
            "lexicon for, nothing read (error says which); or duplicate: the uploaded file holds the text of the "
            "article duplicate_of. A PDF or HTML file is read by the worker, so its title may be empty until then."
        ),
    )
    duplicate_of = serializers.IntegerField(
        source="duplicate_of_id", allow_null=True, help_text="For a duplicate: the article with the same text."
    )
    error = serializers.CharField(
        help_text=(
            "Why parsing failed, or for an unsupported article which language it cannot read "
            "(“No parser for Spanish yet.”)."
        )
    )
    uploaded_at = serializers.DateTimeField()
    parsed_at = serializers.DateTimeField(allow_null=True)
    event_ids = serializers.SerializerMethodField()

    def get_event_ids(self, article: Article) -> list[int]:
        return sorted({report.event_id for report in getattr(article, "live_reports", [])})


class ArticlePageSerializer(serializers.Serializer):
    next = serializers.URLField(allow_null=True)
    results = ArticleSerializer(many=True)


class ArticleLanguageSerializer(serializers.Serializer):
    # Sent with PATCH, yet never partial: the language is the whole change. (drf-spectacular sets ``partial`` on PATCH
    # bodies and would document the field as optional.)
    partial = property(lambda self: False, lambda self, value: None)

    language = serializers.CharField(
        max_length=8, help_text="ISO 639-1 code (two letters, e.g. fr). The article is parsed again in this language."
    )

    def validate_language(self, value: str) -> str:
        from sources.languages import is_language_code

        code = value.strip().lower()
        if not is_language_code(code):
            raise serializers.ValidationError(
                f"“{value}” is not a language code: give an ISO 639-1 code of two letters, such as en, fr or es."
            )
        return code


class StrictCharField(serializers.CharField):
    """A string and nothing else: DRF's CharField would store {"text": 12} as "12"."""

    default_error_messages = {"invalid": "Must be a string."}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class ArticleMetadataSerializer(serializers.Serializer):
    title = StrictCharField(max_length=500, allow_blank=True, required=False)
    url = serializers.URLField(max_length=2000, allow_blank=True, required=False)
    publisher = StrictCharField(max_length=200, allow_blank=True, required=False)
    published_at = serializers.DateField(
        allow_null=True, required=False, help_text="YYYY-MM-DD; dates relative phrases in the text."
    )


class ArticleTextSerializer(ArticleMetadataSerializer):
    text = StrictCharField(allow_blank=True, trim_whitespace=False, help_text="The article's plain text (UTF-8).")


class ArticleFileSerializer(ArticleMetadataSerializer):
    # Its size is sources.services.check_size's to judge (the body was bounded before it was parsed).
    file = serializers.FileField(allow_empty_file=True, use_url=False, help_text="A .txt (UTF-8), .html or .pdf file.")


# ---------------------------------------------------------------- actors and places


class ActorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(help_text="Canonical name, ACLED style.")
    kind = serializers.ChoiceField(choices=list(ACTOR_KINDS))
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2; empty for transnational actors.")
    parent = serializers.CharField(
        source="parent.name",
        allow_null=True,
        default=None,
        help_text="The organisation it is a branch or affiliate of.",
    )
    operates_in = serializers.ListField(
        child=serializers.CharField(), help_text="Countries a transnational group fights in."
    )
    needs_review = serializers.BooleanField(help_text="Created by the parser; not yet confirmed by a reviewer.")
    aliases = serializers.SerializerMethodField()

    def get_aliases(self, actor: Actor) -> list[str]:
        return [alias.alias for alias in actor.aliases.all()]


class ActorPageSerializer(serializers.Serializer):
    next = serializers.URLField(allow_null=True)
    results = ActorSerializer(many=True)


class PlaceSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="Use as `place` in an event PATCH.")
    name = serializers.CharField()
    admin1 = serializers.CharField(source="admin1_name")
    country = serializers.CharField()
    latitude = serializers.FloatField()
    longitude = serializers.FloatField()
    geonames_id = serializers.IntegerField(allow_null=True)
    feature_code = serializers.CharField(help_text="GeoNames feature code: PPL… towns, ADM1 regions, PCLI countries.")
    population = serializers.IntegerField()


class PlaceListSerializer(serializers.Serializer):
    results = PlaceSerializer(many=True)


def page_size_field() -> serializers.IntegerField:
    return serializers.IntegerField(
        min_value=1,
        max_value=settings.API_MAX_PAGE_SIZE,
        default=50,
        help_text=f"Rows per page, 1–{settings.API_MAX_PAGE_SIZE}.",
    )
