"""Forms for reviewing events: fields, place, actors, claims, merge and split, and the map's filters.

Forms only shape input: the rules a change keeps are the services' (events.services), whose
EventRuleError the views show on the field it names (``show_rule_error``). Every form that changes
an event carries the version the reviewer loaded, so the service can refuse an edit made on top of
someone else's newer save.
"""

from django import forms
from django.db.models import Q

from events.actors import find_actor
from events.models import Actor, Claim, Event, EventActor, Place
from events.services import LATITUDE_RANGE, LONGITUDE_RANGE, EventRuleError
from sources.parsing.acled import EVENT_TYPE_CHOICES, SUB_EVENT_TYPES

GROUPED_SUB_EVENT_TYPES = [(event_type, [(sub, sub) for sub in subs]) for event_type, subs in SUB_EVENT_TYPES.items()]
DATE_INPUT = forms.DateInput(attrs={"type": "date"})


def _bounds(bounds: tuple[float, float]) -> dict:
    """The browser's hint for a coordinate input; the service checks the range."""
    return {"min": bounds[0], "max": bounds[1], "step": "any"}


class VersionedForm(forms.Form):
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    # Service field names (events.services) that this form shows under another of its fields.
    rule_fields: dict[str, str] = {}

    def show_rule_error(self, error: EventRuleError) -> bool:
        """Put a service's refusal on the field it names; False when the form shows no such field."""
        name = self.rule_fields.get(error.field or "", error.field)
        if name not in self.fields or self.fields[name].widget.is_hidden:
            return False
        self.add_error(name, error.message)
        return True


class EventEditForm(VersionedForm):
    """The event's own fields; changes() gives only what differs, for services.event_update."""

    event_type = forms.ChoiceField(choices=EVENT_TYPE_CHOICES)
    sub_event_type = forms.ChoiceField(choices=GROUPED_SUB_EVENT_TYPES, label="Sub-event type")
    start_date = forms.DateField(widget=DATE_INPUT)
    end_date = forms.DateField(widget=DATE_INPUT)
    date_precision = forms.ChoiceField(choices=Event.DatePrecision.choices)
    location_name = forms.CharField(
        max_length=200, required=False, label="Place as written", help_text="Kept when no gazetteer place matched."
    )
    admin1 = forms.CharField(max_length=200, required=False, label="Admin1 region")
    country = forms.CharField(max_length=2, required=False, help_text="ISO code, e.g. ML")
    latitude = forms.FloatField(required=False, widget=forms.NumberInput(attrs=_bounds(LATITUDE_RANGE)))
    longitude = forms.FloatField(required=False, widget=forms.NumberInput(attrs=_bounds(LONGITUDE_RANGE)))
    geo_precision = forms.TypedChoiceField(choices=Event.GeoPrecision.choices, coerce=int, label="Location precision")
    fatalities_best = forms.IntegerField(
        required=False,
        widget=forms.NumberInput(attrs={"min": 0}),
        label="Best fatality estimate",
        help_text="Empty: the lowest total any source reports.",
    )
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    FIELDS = (
        "event_type",
        "sub_event_type",
        "start_date",
        "end_date",
        "date_precision",
        "location_name",
        "admin1",
        "country",
        "latitude",
        "longitude",
        "geo_precision",
        "fatalities_best",
        "notes",
    )

    @classmethod
    def for_event(cls, event: Event) -> "EventEditForm":
        initial = {"version": event.version, **{name: getattr(event, name) for name in cls.FIELDS}}
        if not event.fatalities_best_chosen:
            initial["fatalities_best"] = None  # empty means "the conservative rule", so it follows new claims
        return cls(initial=initial)

    def clean_country(self):
        return self.cleaned_data["country"].strip().upper()

    def changes(self, event: Event) -> dict:
        changes = {
            name: self.cleaned_data[name] for name in self.FIELDS if self.cleaned_data[name] != getattr(event, name)
        }
        if changes.get("fatalities_best", 0) is None and not event.fatalities_best_chosen:
            del changes["fatalities_best"]  # left empty: keep following the conservative rule
        return changes


class PlaceChoiceForm(VersionedForm):
    place = forms.ModelChoiceField(queryset=Place.objects.all(), widget=forms.HiddenInput)


class PlaceSearchForm(forms.Form):
    place_q = forms.CharField(max_length=200, required=False, label="Search the gazetteer")
    place_country = forms.CharField(max_length=2, required=False, label="Country")


class MapPointForm(VersionedForm):
    latitude = forms.FloatField(widget=forms.HiddenInput)
    longitude = forms.FloatField(widget=forms.HiddenInput)
    geo_precision = forms.TypedChoiceField(choices=Event.GeoPrecision.choices, coerce=int, initial=1, label="Precision")


def actor_named(name: str) -> Actor | None:
    """An actor by canonical name or any alias."""
    name = name.strip()
    return Actor.objects.filter(name=name).first() or find_actor(name) if name else None


class ActorRoleForm(forms.Form):
    actor = forms.CharField(
        max_length=200, required=False, widget=forms.TextInput(attrs={"list": "actor-names", "autocomplete": "off"})
    )
    role = forms.ChoiceField(choices=EventActor.Role.choices)

    def clean_actor(self):
        name = self.cleaned_data["actor"].strip()
        if not name:
            return None
        actor = actor_named(name)
        if actor is None:
            raise forms.ValidationError(f"No actor is called “{name}”; pick one from the dictionary.")
        return actor


ActorRoleFormSet = forms.formset_factory(ActorRoleForm, extra=2, can_delete=True)


def actor_formset(event: Event, data=None):
    initial = [
        {"actor": item.actor.name, "role": item.role}
        for item in event.event_actors.select_related("actor").order_by("role", "id")
    ]
    return ActorRoleFormSet(data, initial=initial, prefix="actors")


class ActorsForm(VersionedForm):
    """The actor formset with the version it was loaded at, validated together."""

    def __init__(self, data, *, event: Event):
        super().__init__(data)
        self.formset = actor_formset(event, data)

    def is_valid(self) -> bool:
        return self.formset.is_valid() & super().is_valid()

    def show_rule_error(self, error: EventRuleError) -> bool:
        return False  # shown as a message: the formset has no single field for it

    def roles(self) -> list[tuple[Actor, str]]:
        return [
            (form.cleaned_data["actor"], form.cleaned_data["role"])
            for form in self.formset.forms
            if form.cleaned_data.get("actor") and not form.cleaned_data.get("DELETE")
        ]


def claim_articles(event: Event):
    """The articles a claim form offers: those reporting the event, and those its claims cite."""
    from sources.models import Article

    return Article.objects.filter(Q(event_reports__event=event) | Q(claims__event=event)).distinct()


class ClaimForm(VersionedForm):
    """A claim as a reviewer types it; a claimant or subject that names a known actor is linked to it.

    ``articles`` (a list) saves each form on a page its own query for the choices."""

    rule_fields = {"claimant_text": "claimant", "subject_text": "subject"}

    article = forms.ModelChoiceField(queryset=None, empty_label=None, label="Reported in")
    claimant = forms.CharField(
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"list": "actor-names"}),
        help_text="Who makes the claim, as written.",
    )
    kind = forms.ChoiceField(choices=Claim.Kind.choices)
    subject = forms.CharField(
        max_length=200, required=False, widget=forms.TextInput(attrs={"list": "actor-names"}), label="About"
    )
    count_min = forms.IntegerField(required=False, widget=forms.NumberInput(attrs={"min": 0}), label="From")
    count_max = forms.IntegerField(
        required=False,
        widget=forms.NumberInput(attrs={"min": 0}),
        label="To",
        help_text="Empty: open-ended (“at least”).",
    )
    qualifier = forms.ChoiceField(choices=Claim.Qualifier.choices)
    quote = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, help_text="The sentence the claim comes from."
    )

    def __init__(self, *args, event: Event, articles: list | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["article"]
        field.queryset = claim_articles(event)
        if articles is not None:
            field.choices = [(article.id, str(article)) for article in articles]

    @classmethod
    def for_claim(cls, claim: Claim, **kwargs) -> "ClaimForm":
        initial = {
            "version": claim.event.version,
            "article": claim.article_id,
            "claimant": claim.claimant_text or (claim.claimant.name if claim.claimant else ""),
            "kind": claim.kind,
            "subject": claim.subject_text or (claim.subject.name if claim.subject else ""),
            "count_min": claim.count_min,
            "count_max": claim.count_max,
            "qualifier": claim.qualifier,
            "quote": claim.quote,
        }
        return cls(initial=initial, event=claim.event, prefix=f"claim-{claim.id}", **kwargs)

    def claim_data(self) -> dict:
        """The fields services.claim_create and claim_update take."""
        data = self.cleaned_data
        return {
            "article": data["article"],
            "claimant": actor_named(data["claimant"]),
            "claimant_text": data["claimant"].strip(),
            "kind": data["kind"],
            "subject": actor_named(data["subject"]),
            "subject_text": data["subject"].strip(),
            "count_min": data["count_min"],
            "count_max": data["count_max"],
            "qualifier": data["qualifier"],
            "quote": data["quote"].strip(),
        }

    def changes(self, claim: Claim) -> dict:
        """What the reviewer changed, for services.claim_update."""
        return {name: value for name, value in self.claim_data().items() if getattr(claim, name) != value}


class MergeForm(VersionedForm):
    # Any event: services.event_merge decides which may absorb another.
    into = forms.ModelChoiceField(queryset=Event.objects.all(), widget=forms.HiddenInput)


class SplitForm(VersionedForm):
    articles = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, label="Articles to move to a new draft")

    rule_fields = {"article_ids": "articles"}

    def __init__(self, *args, event: Event, reports: list | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if reports is None:
            reports = event.reports.select_related("article__publisher").order_by("article_id")
        self.fields["articles"].choices = [(report.article_id, report_label(report.article)) for report in reports]

    def article_ids(self) -> list[int]:
        return [int(item) for item in self.cleaned_data["articles"]]


def report_label(article) -> str:
    """An article as a merge or split lists it: the reviewer tells reports apart by who published them and when."""
    published = article.published_at.strftime("%-d %b %Y") if article.published_at else "date unknown"
    return f"{article} — {article.publisher or 'unknown publisher'}, {published}"


class DecisionForm(VersionedForm):
    """Approve or reject the version the reviewer saw."""


class MapFilterForm(forms.Form):
    date_from = forms.DateField(required=False, widget=DATE_INPUT, label="From")
    date_to = forms.DateField(required=False, widget=DATE_INPUT, label="To")
    country = forms.CharField(
        max_length=2, required=False, widget=forms.TextInput(attrs={"placeholder": "e.g. ML", "size": 4})
    )
    event_type = forms.ChoiceField(choices=[("", "All types"), *EVENT_TYPE_CHOICES], required=False, label="Type")
    actor = forms.CharField(
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"list": "actor-names", "placeholder": "Any actor"}),
    )
    drafts = forms.BooleanField(required=False, label="Include drafts")

    def clean_country(self):
        return self.cleaned_data["country"].strip().upper()


class QueueFilterForm(forms.Form):
    """The review queue's filters, kept in the URL; the queue reads them through page_selectors.QueueFilters."""

    q = forms.CharField(
        max_length=200,
        required=False,
        label="Search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Notes, place, actor, claim"}),
    )
    country = forms.CharField(
        max_length=2, required=False, widget=forms.TextInput(attrs={"placeholder": "e.g. ML", "size": 4})
    )
    event_type = forms.ChoiceField(choices=[("", "All types"), *EVENT_TYPE_CHOICES], required=False, label="Type")
    date_from = forms.DateField(required=False, widget=DATE_INPUT, label="From")
    date_to = forms.DateField(required=False, widget=DATE_INPUT, label="To")
    state = forms.ChoiceField(
        choices=[("", "Drafts and flagged"), ("draft", "Drafts"), ("flagged", "Flagged by new claims")],
        required=False,
        label="State",
    )
    origin = forms.ChoiceField(
        choices=[("", "Anyone"), ("parser", "Parser only"), ("person", "Changed by a person")],
        required=False,
        label="Made by",
    )
    unresolved = forms.BooleanField(required=False, label="Place not in the gazetteer")
    sort = forms.ChoiceField(
        choices=[
            ("", "Flagged first, newest"),
            ("newest", "Newest"),
            ("oldest", "Oldest"),
            ("claims", "Most claims"),
            ("reports", "Most reports"),
        ],
        required=False,
        label="Sort",
    )

    def clean_country(self):
        return self.cleaned_data["country"].strip().upper()

    def clean_q(self):
        return self.cleaned_data["q"].strip()


class BulkReviewForm(forms.Form):
    """Rows chosen on the queue, each as "event id:version" (the version the row showed), and what to do to them."""

    action = forms.ChoiceField(choices=[("approve", "Approve"), ("reject", "Reject"), ("assign", "Assign to me")])
    events = forms.MultipleChoiceField(error_messages={"required": "Choose at least one event."})
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any "id:version" pair is acceptable input; the service decides what each one may become.
        self.fields["events"].valid_value = lambda value: _event_version(value) is not None

    def event_versions(self) -> dict[int, int]:
        return dict(_event_version(value) for value in self.cleaned_data["events"])


def _event_version(value: str) -> tuple[int, int] | None:
    event_id, _, version = str(value).partition(":")
    if not (event_id.isdigit() and version.isdigit() and len(event_id) <= 18 and len(version) <= 9):
        return None
    return int(event_id), int(version)
