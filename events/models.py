"""Events, the actors and places they involve, the claims reports make about them, and the review log."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from events.claim_groups import NO_FIGURE, vague_words
from sources.parsing.acled import (
    ACTOR_KINDS,
    ACTOR_ROLES,
    CLAIM_KINDS,
    CLAIM_QUALIFIERS,
    DATE_PRECISIONS,
    EVENT_TYPE_CHOICES,
    KILLED_OR_CAPTURED,
    SUB_EVENT_TYPE_CHOICES,
)
from sources.parsing.normalize import normalize_name, sound_key

# The parser's vocabulary (sources/parsing/acled.py) is the one definition: these choices are built from it, so
# adding an ACLED sub-event type, a claim kind or a qualifier is one edit there plus a migration.


def vocabulary_choices(name: str, values: tuple[str, ...], labels: dict[str, str] | None = None):
    """TextChoices over one of acled.py's tuples, in its order: member NAME is the value upper-cased, the label
    Django's default (the name in title case) unless ``labels`` gives one."""
    labels = labels or {}
    members = [(value.upper(), (value, labels[value]) if value in labels else value) for value in values]
    return models.TextChoices(name, members)


class Place(models.Model):
    """A gazetteer entry: a GeoNames populated place, admin1 region or country, or one a reviewer added."""

    class Kind(models.TextChoices):
        COUNTRY = "PCLI", "Country"
        ADMIN1 = "ADM1", "First-order administrative region"
        ADMIN2 = "ADM2", "Second-order administrative area"

    gazetteer_key = models.CharField(
        max_length=64, unique=True, help_text='"geonames:<id>", "admin1:<CC>.<code>", "country:<CC>" or "reviewer:<n>".'
    )
    geonames_id = models.BigIntegerField(null=True, blank=True, unique=True)
    name = models.CharField(max_length=200)
    ascii_name = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=2, db_index=True, help_text="ISO 3166-1 alpha-2")
    admin1_code = models.CharField(max_length=20, blank=True)
    admin1_name = models.CharField(max_length=200, blank=True)
    latitude = models.FloatField()
    longitude = models.FloatField()
    feature_class = models.CharField(max_length=1, blank=True)
    feature_code = models.CharField(max_length=10, blank=True)
    population = models.BigIntegerField(default=0)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        indexes = [
            models.Index(fields=["country", "admin1_code"]),
            models.Index(fields=["feature_code", "country"]),
            # The parser checks the newest region and country for every article: one index seek each.
            models.Index(fields=["feature_code", "id"], name="place_kind_newest"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(latitude__gte=-90, latitude__lte=90), name="place_latitude_range"),
            models.CheckConstraint(condition=Q(longitude__gte=-180, longitude__lte=180), name="place_longitude_range"),
        ]

    def __str__(self):
        parts = [self.name, self.admin1_name, self.country]
        return ", ".join(part for part in parts if part)


class PlaceName(models.Model):
    """One name a place is known by, folded for lookup (case, accents, transliteration)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, db_index=True)
    sound_key = models.CharField(max_length=200, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["place", "name"], name="place_name_unique")]

    def __str__(self):
        return self.name

    @classmethod
    def for_place(cls, place: Place, name: str) -> "PlaceName":
        return cls(place=place, name=name[:200], normalized=normalize_name(name)[:200], sound_key=sound_key(name)[:200])


class Actor(models.Model):
    name = models.CharField(max_length=200, unique=True, help_text="Canonical name, ACLED style.")
    kind = models.CharField(max_length=32, choices=list(ACTOR_KINDS.items()))
    country = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166-1 alpha-2; blank for transnational actors."
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="affiliates",
        help_text=(
            'The transnational organisation it is a branch or affiliate of: "an Islamic State affiliate" in '
            "Nigeria is ISWAP."
        ),
    )
    operates_in = models.JSONField(
        default=list, blank=True, help_text="ISO codes of the countries a transnational group fights in."
    )
    needs_review = models.BooleanField(default=False, help_text="Created by the parser; a reviewer should confirm it.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ActorAlias(models.Model):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, unique=True, help_text="One alias names one actor.")

    class Meta:
        verbose_name_plural = "actor aliases"

    def __str__(self):
        return self.alias

    @classmethod
    def for_actor(cls, actor: Actor, alias: str) -> "ActorAlias":
        return cls(actor=actor, alias=alias[:200], normalized=normalize_name(alias)[:200])


class Event(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft"
        APPROVED = "approved"
        REJECTED = "rejected"
        MERGED = "merged"

    DatePrecision = vocabulary_choices("DatePrecision", DATE_PRECISIONS)  # finest first

    class GeoPrecision(models.IntegerChoices):
        EXACT = 1, "1 — the town itself"
        NEAR = 2, "2 — near the town or part of a region"
        REGION = 3, "3 — region or larger area"

    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_events"
    )
    event_type = models.CharField(max_length=40, choices=EVENT_TYPE_CHOICES)
    sub_event_type = models.CharField(max_length=60, choices=SUB_EVENT_TYPE_CHOICES)
    start_date = models.DateField(db_index=True)
    end_date = models.DateField()
    date_precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY)
    place = models.ForeignKey(Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    geo_precision = models.PositiveSmallIntegerField(choices=GeoPrecision.choices, default=GeoPrecision.REGION)
    country = models.CharField(max_length=2, blank=True, db_index=True)
    admin1 = models.CharField(max_length=200, blank=True)
    location_name = models.CharField(
        max_length=200, blank=True, help_text="The place as written when no gazetteer entry matched."
    )
    notes = models.TextField(blank=True)
    fatalities_low = models.PositiveIntegerField(null=True, blank=True)
    fatalities_best = models.PositiveIntegerField(null=True, blank=True)
    fatalities_high = models.PositiveIntegerField(null=True, blank=True)
    fatalities_best_chosen = models.BooleanField(default=False, help_text="A reviewer chose the best estimate.")
    derivation = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="The summary of the reports a draft's fields are derived from (events.consensus.ReportSummary), "
        "so attaching a report folds in that report alone.",
    )
    flagged_for_review = models.BooleanField(default=False, help_text="New claims arrived after approval.")
    version = models.PositiveIntegerField(
        default=1, help_text="Bumped on every save by a person; stale edits are refused."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        indexes = [
            # (field, id) pairs serve the API's cursor pagination and incremental sync.
            models.Index(fields=["country", "start_date", "id"], name="event_country_start_id"),
            models.Index(fields=["updated_at", "id"], name="event_updated_at_id"),
            models.Index(fields=["status_changed_at", "id"], name="event_status_changed_at_id"),
            models.Index(fields=["latitude", "longitude"]),
            models.Index(fields=["status", "start_date"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(start_date__lte=F("end_date")), name="event_dates_ordered"),
            models.CheckConstraint(condition=~Q(merged_into=F("id")), name="event_not_merged_into_itself"),
            models.CheckConstraint(
                condition=Q(status="merged", merged_into__isnull=False)
                | (~Q(status="merged") & Q(merged_into__isnull=True)),
                name="event_merged_has_target",
            ),
            models.CheckConstraint(
                condition=Q(fatalities_low__isnull=True)
                | Q(fatalities_high__isnull=True)
                | Q(fatalities_low__lte=F("fatalities_high")),
                name="event_fatalities_ordered",
            ),
        ]

    def __str__(self):
        where = self.place.name if self.place_id else self.location_name or self.admin1 or self.country
        return f"{self.sub_event_type} — {where} — {self.start_date}"

    @property
    def is_open_for_claims(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.APPROVED)


# The statuses an event is listed in (to analysts; readers see approved ones only); "merged" events live on only
# as pointers. The API's filters, the selectors and the schema's EventStatusEnum all read these.
LISTED_EVENT_STATUSES = (Event.Status.DRAFT.value, Event.Status.APPROVED.value, Event.Status.REJECTED.value)
# The statuses of events a synchronising client should drop (the API's /deleted/, DeletedStatusEnum).
DELETED_EVENT_STATUSES = (Event.Status.REJECTED.value, Event.Status.MERGED.value)


class EventActor(models.Model):
    Role = vocabulary_choices("Role", ACTOR_ROLES, {"associated": "Associated with side A"})

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="event_actors")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="event_roles")
    role = models.CharField(max_length=16, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "actor"], name="event_actor_unique")]

    def __str__(self):
        return f"{self.actor} ({self.role})"


class EventReport(models.Model):
    """An article that reports an event, and why the parser attached it there."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="reports")
    article = models.ForeignKey("sources.Article", on_delete=models.CASCADE, related_name="event_reports")
    match_reason = models.JSONField(
        default=dict,
        blank=True,
        help_text="Distance, date gap, shared actors; empty when the article created the event.",
    )
    parsed = models.JSONField(
        default=dict,
        blank=True,
        help_text="What this report says of the event, to re-derive a draft from all its reports.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "article"], name="event_report_unique")]


class Claim(models.Model):
    Kind = vocabulary_choices("Kind", CLAIM_KINDS, {KILLED_OR_CAPTURED: "Killed or captured"})
    Qualifier = vocabulary_choices("Qualifier", CLAIM_QUALIFIERS)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="claims")
    article = models.ForeignKey("sources.Article", on_delete=models.CASCADE, related_name="claims")
    claimant = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims_made")
    claimant_text = models.CharField(
        max_length=200, blank=True, help_text='The claimant as written: "a local politician".'
    )
    kind = models.CharField(max_length=24, choices=Kind.choices)
    subject = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims_about")
    subject_text = models.CharField(max_length=200, blank=True)
    count_min = models.PositiveIntegerField(null=True, blank=True)
    count_max = models.PositiveIntegerField(null=True, blank=True, help_text="Null means open-ended.")
    qualifier = models.CharField(max_length=16, choices=Qualifier.choices, default=Qualifier.EXACT)
    quote = models.TextField(blank=True, help_text="The sentence the claim comes from.")
    char_start = models.PositiveIntegerField(null=True, blank=True)
    char_end = models.PositiveIntegerField(null=True, blank=True)
    confidence = models.FloatField(default=1.0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["article_id", "char_start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(count_min__isnull=True) | Q(count_max__isnull=True) | Q(count_min__lte=F("count_max")),
                name="claim_counts_ordered",
            ),
            models.CheckConstraint(
                condition=Q(char_start__isnull=True) | Q(char_end__isnull=True) | Q(char_start__lte=F("char_end")),
                name="claim_offsets_ordered",
            ),
            models.CheckConstraint(condition=Q(confidence__gte=0, confidence__lte=1), name="claim_confidence_range"),
        ]

    def __str__(self):
        return f"{self.claimant or self.claimant_text or 'unattributed'}: {self.kind} {self.count_text}"

    @property
    def count_text(self) -> str:
        if self.qualifier == self.Qualifier.VAGUE or (self.count_min is None and self.count_max is None):
            return vague_words(self.quote) or NO_FIGURE  # "dozens", "heavy losses": the article's own words
        if self.count_max is None:
            return f"≥{self.count_min}"
        if self.count_min is None:
            return f"≤{self.count_max}"
        if self.count_min == self.count_max:
            return ("~" if self.qualifier == self.Qualifier.APPROXIMATELY else "") + str(self.count_min)
        return f"{self.count_min}–{self.count_max}"


class ReviewLog(models.Model):
    """One change a person made: which event or claim, which field, the value before and after."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="review_logs")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.CASCADE, related_name="history")
    claim_id_ref = models.BigIntegerField(
        null=True, blank=True, help_text="Kept as a plain id so deleted claims keep their history."
    )
    action = models.CharField(max_length=32)
    field = models.CharField(max_length=64, blank=True)
    old_value = models.JSONField(null=True, blank=True)
    new_value = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.user} {self.action} {self.field}"


class ReviewLock(models.Model):
    """A reviewer has an event's review page open: a soft lock that only warns others, and lapses by itself so a
    closed tab never leaves an event marked."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="review_locks")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    since = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "reviewer"], name="review_lock_one_per_reviewer")]

    def __str__(self):
        return f"{self.reviewer} reviewing event {self.event_id} since {self.since:%H:%M}"
