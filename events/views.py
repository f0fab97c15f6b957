"""Web pages for events: dashboard, map, event page, the review queue and its actions, API tokens.

Views are thin: check the role, validate a form, call one service, render or redirect.
"""

import datetime
import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import pluralize
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_POST
from rest_framework.authtoken.models import Token

from conflict_tracker.roles import ANALYST, REVIEWER, user_has_role
from conflict_tracker.web import page, role_required
from events import page_selectors, selectors, services
from events.claim_groups import group_claims
from events.exports import location_document
from events.forms import (
    ActorsForm,
    BulkReviewForm,
    ClaimForm,
    DecisionForm,
    EventEditForm,
    MapFilterForm,
    MapPointForm,
    MergeForm,
    PlaceChoiceForm,
    PlaceSearchForm,
    QueueFilterForm,
    SplitForm,
    VersionedForm,
    actor_formset,
)
from events.gazetteer import find_places
from events.models import Actor, Claim, Event
from sources.models import Article
from sources.parsing.acled import EVENT_TYPES

# One colour per ACLED event type, shared by the dashboard chart, the map markers and the legends. A type added
# to acled.py takes the palette's next colour round, so adding one needs no edit here.
EVENT_TYPE_PALETTE = ("#c0392b", "#e67e22", "#8e44ad", "#27ae60", "#a0522d", "#2471a3")
EVENT_TYPE_COLORS = dict(zip(EVENT_TYPES, itertools.cycle(EVENT_TYPE_PALETTE)))
# Radius drawn around an imprecise location, by ACLED geo-precision code.
AREA_RADIUS_METRES = {2: 10_000, 3: 50_000}
# The map reads GeoJSON from the REST API (events/api/, /api/v1/): the query parameters it sends.
EVENTS_API_URL = "/api/v1/events/"
MAP_PAGE_SIZE = 500
MAP_MAX_FEATURES = 5000
# ---------------------------------------------------------------- roles and rendering


def reader_required(view):
    """Signed-in users; anonymous visitors too when PUBLIC_READ is on (they see approved events only)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated and not settings.PUBLIC_READ:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


def sees_drafts(user) -> bool:
    return user_has_role(user, ANALYST)


def basemap_config() -> dict:
    """Tiles (online) and country outlines (offline) for every Leaflet map on the site."""
    leaflet = settings.LEAFLET_CONFIG
    name, url, options = (leaflet.get("TILES") or [("", "", {})])[0]
    return {
        "tiles": {"name": str(name), "url": url, "attribution": options.get("attribution", "")},
        "outlinesUrl": static("vendor/world-atlas/countries-110m.geojson"),
        "outlinesAttribution": "Outlines: Natural Earth",
        "center": list(leaflet.get("DEFAULT_CENTER", (15.0, 10.0))),
        "zoom": leaflet.get("DEFAULT_ZOOM", 3),
        "minZoom": leaflet.get("MIN_ZOOM", 2),
        "maxZoom": leaflet.get("MAX_ZOOM", 16),
        "colors": EVENT_TYPE_COLORS,
        "areaRadius": AREA_RADIUS_METRES,
    }


def event_point(event: Event) -> dict | None:
    if event.latitude is None or event.longitude is None:
        return None
    return {
        "lat": event.latitude,
        "lon": event.longitude,
        "precision": event.geo_precision,
        "type": event.event_type,
        "label": str(event),
    }


# ---------------------------------------------------------------- dashboard


@reader_required
def dashboard(request):
    return page(request, "events/dashboard.html", page_selectors.dashboard(user=request.user, colors=EVENT_TYPE_COLORS))


# ---------------------------------------------------------------- map


def map_api_query(filters: dict, *, drafts: bool) -> dict:
    """The API's filter parameters for the map's filters (the contract with events/api/)."""
    query = {"status": "approved,draft" if drafts else "approved"}
    for name in ("date_from", "date_to", "country", "event_type", "actor"):
        value = filters.get(name)
        if value:
            query[name] = value.isoformat() if isinstance(value, datetime.date) else value
    return query


@reader_required
def map_view(request):
    form = MapFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    drafts = bool(filters.get("drafts")) and user_has_role(request.user, REVIEWER)
    config = {
        **basemap_config(),
        "apiUrl": EVENTS_API_URL,
        "query": map_api_query(filters, drafts=drafts),
        "pageSize": MAP_PAGE_SIZE,
        "maxFeatures": MAP_MAX_FEATURES,
        "eventUrl": reverse("event-detail", args=[0]),
    }
    context = {
        "form": form,
        "config": config,
        "can_see_drafts": user_has_role(request.user, REVIEWER),
        "legend": [{"name": name, "color": color} for name, color in EVENT_TYPE_COLORS.items()],
        "actor_names": Actor.objects.values_list("name", flat=True) if request.user.is_authenticated else [],
    }
    return page(request, "events/map.html", context)


# ---------------------------------------------------------------- event page


def source_totals(claims: list[Claim], articles: dict[int, Article]) -> list[dict]:
    """The killed total each source (a claimant in an article) reports, lowest first."""
    sources: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        sources[(claim.article_id, claim.claimant_id or claim.claimant_text.lower())].append(claim)
    totals = []
    for (article_id, _), items in sources.items():
        low, high = services.fatality_range(items)
        if low is not None:
            first = items[0]
            name = first.claimant.name if first.claimant else (first.claimant_text or "Unattributed")
            totals.append({"claimant": name, "article": articles.get(article_id), "low": low, "high": high})
    return sorted(totals, key=lambda item: (item["low"], item["high"]))


def fatality_explanation(event: Event, totals: list[dict]) -> dict:
    if event.fatalities_best_chosen:
        choice = event.history.filter(field="fatalities_best").select_related("user").first()
        return {"rule": "reviewer", "by": choice.user if choice else None, "at": choice.created_at if choice else None}
    return {"rule": "lowest", "source": totals[0] if totals else None}


@reader_required
def event_detail(request, event_id: int):
    try:
        event, document = selectors.event_page(event_id=event_id)
    except Event.DoesNotExist:
        raise Http404("No event has this id.") from None
    if event.status != Event.Status.APPROVED and not sees_drafts(request.user):
        raise Http404("No approved event has this id.")
    reports = list(event.reports.all())
    articles = {report.article_id: report.article for report in reports}
    claims = list(event.claims.all())
    missing = {claim.article_id for claim in claims} - set(articles)
    articles.update(
        {article.id: article for article in Article.objects.filter(id__in=missing).select_related("publisher")}
    )
    totals = source_totals(claims, articles)
    context = {
        "event": event,
        "location": document["location"],
        "actors": list(event.event_actors.all()),
        "claim_groups": group_claims(claims, articles),
        "source_totals": totals,
        "fatalities": fatality_explanation(event, totals),
        "reports": reports,
        "history": event.history.select_related("user")[:100],
        "map_config": {**basemap_config(), "point": event_point(event)},
        "color": EVENT_TYPE_COLORS.get(event.event_type, "#555"),
    }
    return page(request, "events/event_detail.html", context)


# ---------------------------------------------------------------- review queue

REVIEW_PAGE = "events/review.html"


def _queue_query(data) -> str:
    """The queue's filters as a query string (no page): kept by pagination and by the way back from a bulk action.
    Re-encoded from a parsed QueryDict, so what comes back from a form can only ever be a query string."""
    query = QueryDict(data, mutable=True) if isinstance(data, str) else data.copy()
    query.pop("page", None)
    return query.urlencode()


@role_required(REVIEWER)
def review_queue(request):
    form = QueueFilterForm(request.GET)
    filters = page_selectors.QueueFilters(**form.cleaned_data) if form.is_valid() else page_selectors.QueueFilters()
    queue = page_selectors.review_queue_page(filters=filters, user=request.user)
    page_of_events = Paginator(queue, 50).get_page(request.GET.get("page"))
    query = _queue_query(request.GET)
    context = {
        "events": page_of_events,
        "first_id": queue.values_list("id", flat=True).first(),
        "filter_form": form,
        "counts": page_selectors.review_queue_counts(filters=filters, user=request.user),
        "query": query,
        "query_prefix": f"{query}&" if query else "",
        "bulk_actions": BulkReviewForm.base_fields["action"].choices,
    }
    return page(request, "events/review_queue.html", context)


BULK_DONE = {"approve": "approved", "reject": "rejected", "assign": "marked as yours for review"}


@require_POST
@role_required(REVIEWER)
def review_bulk(request):
    """Approve, reject or take the selected rows; without ``confirmed`` (no JavaScript), a page asks first."""
    form = BulkReviewForm(request.POST)
    back = reverse("review-queue") + "?" + _queue_query(request.POST.get("query", ""))
    if not form.is_valid():
        messages.error(request, "Choose at least one event and an action.")
        return redirect(back)
    action, event_versions = form.cleaned_data["action"], form.event_versions()
    if not form.cleaned_data["confirmed"]:
        context = {
            "form": form,
            "action": action,
            "label": dict(form.fields["action"].choices)[action],
            "event_versions": event_versions,
            "query": _queue_query(request.POST.get("query", "")),
        }
        return page(request, "events/review_bulk_confirm.html", context)
    result = services.events_bulk_review(event_versions=event_versions, reviewer=request.user, action=action)
    if result.done:
        messages.success(request, f"{len(result.done)} event{pluralize(len(result.done))} {BULK_DONE[action]}.")
    if result.stale:
        ids = ", ".join(f"#{event_id}" for event_id in result.stale)
        messages.warning(request, f"Left unchanged, as someone else changed them since you loaded the list: {ids}.")
    for event_id, reason in result.refused.items():
        messages.error(request, f"#{event_id}: {reason}")
    return redirect(back)


def review_context(request, event_id: int, **forms) -> dict:
    """The review page's context; ``forms`` are bound forms to show instead of fresh ones (with their errors)."""
    try:
        data = page_selectors.review_page(event_id=event_id, user=request.user)
    except Event.DoesNotExist:
        raise Http404("No event has this id.") from None
    event = data.event
    initial = {"place_q": event.location_name, "place_country": event.country}
    search = PlaceSearchForm(request.GET or None, initial=initial)
    searched = search.is_valid() and search.cleaned_data["place_q"].strip()
    places = (
        find_places(search.cleaned_data["place_q"], country=search.cleaned_data["place_country"]) if searched else None
    )
    version = {"version": event.version}
    claim_forms = [
        (claim, forms.get(f"claim_{claim.id}") or ClaimForm.for_claim(claim, articles=data.articles))
        for claim in data.claims
    ]
    new_claim_form = ClaimForm(event=event, articles=data.articles, prefix="new-claim", initial=version)
    return {
        "event": event,
        "location": location_document(event),
        "sources": data.sources(),
        "edit_form": forms.get("edit_form") or EventEditForm.for_event(event),
        "place_search": search,
        "places": places,
        "point_form": forms.get("point_form") or MapPointForm(initial={**version, "geo_precision": 1}, prefix="point"),
        "actors_formset": forms.get("actors_formset") or actor_formset(event),
        "claim_forms": claim_forms,
        "new_claim_form": forms.get("new_claim_form") or new_claim_form,
        "can_add_claims": bool(data.articles),
        "suggestions": data.suggestions,
        "split_form": SplitForm(event=event, reports=data.reports, initial=version) if len(data.reports) > 1 else None,
        "history": data.history,
        "previous_id": data.previous_id,
        "next_id": data.next_id,
        "actor_names": data.actor_names,
        "map_config": {**basemap_config(), "point": event_point(event)},
        "stale": forms.get("stale"),
        "reviewers_now": page_selectors.reviewers_now(event=event, user=request.user),
    }


@role_required(REVIEWER)
def review_event(request, event_id: int):
    context = review_context(request, event_id)
    # opening the page is what marks the event as being reviewed; the page's actions only read who else is
    services.review_lock_take(event=context["event"], reviewer=request.user)
    return page(request, REVIEW_PAGE, context)


# ---------------------------------------------------------------- review actions: one skeleton, a table of actions


@dataclass(frozen=True)
class Done:
    message: str
    event_id: int | None  # the review page to go to next; None: the queue
    anchor: str = ""


@dataclass(frozen=True)
class ReviewAction:
    """One form of the review page: how it is read, the one service it calls, what the page shows next.

    ``perform(form, event, claim, reviewer)`` calls the service with the version the form carries.
    ``shown_as(form, claim)`` names the review page's form an invalid or refused one is shown again as
    (with what the reviewer typed); without it, the reviewer is sent back to ``anchor`` with ``incomplete``."""

    bind: Callable[[HttpRequest, Event, Claim | None], VersionedForm]
    perform: Callable[..., Done]
    shown_as: Callable[[VersionedForm, Claim | None], dict] | None = None
    anchor: str = ""
    incomplete: str = "The form was incomplete; reload the page and try again."


def _review_redirect(event_id: int | None, anchor: str = ""):
    if event_id is None:
        return redirect("review-queue")
    return redirect(reverse("review-event", args=[event_id]) + (f"#{anchor}" if anchor else ""))


def _refused(request, event: Event, exc: services.EventRuleError, form: VersionedForm, shown: dict):
    """Show why the change was refused, on the field it names when the form is shown, keeping what the reviewer
    typed; a stale edit is a conflict (409) with a warning."""
    stale = isinstance(exc, services.StaleEdit)
    if stale or not (shown and form.show_rule_error(exc)):
        messages.error(request, exc.message)
    context = review_context(request, event.id, stale=stale, **shown)
    return page(request, REVIEW_PAGE, context, status=409 if stale else 400)


def _review_action(request, event_id: int, action: ReviewAction, claim_id: int | None):
    if claim_id is None:
        claim, event = None, get_object_or_404(Event, id=event_id)
    else:
        claim = get_object_or_404(Claim.objects.select_related("event"), id=claim_id, event_id=event_id)
        event = claim.event
    form = action.bind(request, event, claim)
    shown = action.shown_as(form, claim) if action.shown_as else {}
    if not form.is_valid():
        if shown:
            return page(request, REVIEW_PAGE, review_context(request, event.id, **shown), status=400)
        messages.error(request, action.incomplete)
        return _review_redirect(event.id, action.anchor)
    try:
        done = action.perform(form=form, event=event, claim=claim, reviewer=request.user)
    except services.EventRuleError as exc:
        return _refused(request, event, exc, form, shown)
    messages.success(request, done.message)
    return _review_redirect(done.event_id, done.anchor)


def _review_view(action: ReviewAction):
    @require_POST
    @role_required(REVIEWER)
    def view(request, event_id: int, claim_id: int | None = None):
        return _review_action(request, event_id, action, claim_id)

    return view


def _edit(*, form, event, claim, reviewer) -> Done:
    services.event_update(
        event=event, reviewer=reviewer, changes=form.changes(event), expected_version=form.cleaned_data["version"]
    )
    return Done("Changes saved.", event.id, "fields")


def _place(*, form, event, claim, reviewer) -> Done:
    place = form.cleaned_data["place"]
    services.event_update(
        event=event, reviewer=reviewer, changes={"place": place}, expected_version=form.cleaned_data["version"]
    )
    return Done(f"Place set to {place}.", event.id, "place")


def _point(*, form, event, claim, reviewer) -> Done:
    data = form.cleaned_data
    added = services.event_set_point(
        event=event,
        reviewer=reviewer,
        latitude=data["latitude"],
        longitude=data["longitude"],
        geo_precision=data["geo_precision"],
        expected_version=data["version"],
    )
    if added is None:
        return Done("The event's point was moved.", event.id, "place")
    where = f"{data['latitude']:.4f}, {data['longitude']:.4f}"
    return Done(f"“{added.name}” is now in the gazetteer at {where}.", event.id, "place")


def _actors(*, form, event, claim, reviewer) -> Done:
    services.event_set_actors(
        event=event, reviewer=reviewer, roles=form.roles(), expected_version=form.cleaned_data["version"]
    )
    return Done("Actors saved.", event.id, "actors")


def _claim_add(*, form, event, claim, reviewer) -> Done:
    services.claim_create(
        event=event, reviewer=reviewer, data=form.claim_data(), expected_version=form.cleaned_data["version"]
    )
    return Done("Claim added.", event.id, "claims")


def _claim_edit(*, form, event, claim, reviewer) -> Done:
    changes = form.changes(claim)
    version = form.cleaned_data["version"]
    services.claim_update(claim=claim, reviewer=reviewer, changes=changes, expected_version=version)
    return Done("Claim saved." if changes else "Nothing changed in the claim.", event.id, "claims")


def _claim_remove(*, form, event, claim, reviewer) -> Done:
    services.claim_delete(claim=claim, reviewer=reviewer, expected_version=form.cleaned_data["version"])
    return Done("Claim deleted.", event.id, "claims")


def _merge(*, form, event, claim, reviewer) -> Done:
    into = form.cleaned_data["into"]
    services.event_merge(event=event, into=into, reviewer=reviewer, expected_version=form.cleaned_data["version"])
    return Done(f"Event {event.id} was merged into this event; its claims and reports are here now.", into.id)


def _split(*, form, event, claim, reviewer) -> Done:
    new = services.event_split(
        event=event, reviewer=reviewer, article_ids=form.article_ids(), expected_version=form.cleaned_data["version"]
    )
    return Done(f"The chosen articles now form a new draft, event {new.id}; event {event.id} keeps the others.", new.id)


def _decision(decide, done: str):
    def perform(*, form, event, claim, reviewer) -> Done:
        next_id = page_selectors.queue_next(event=event)
        decide(event=event, reviewer=reviewer, expected_version=form.cleaned_data["version"])
        return Done(f"Event {event.id} {done}.", next_id)

    return perform


def _bound(form_class, **options):
    return lambda request, event, claim: form_class(request.POST, **options)


review_edit = _review_view(
    ReviewAction(bind=_bound(EventEditForm), perform=_edit, shown_as=lambda form, claim: {"edit_form": form})
)
review_place = _review_view(
    ReviewAction(
        bind=_bound(PlaceChoiceForm),
        perform=_place,
        anchor="place",
        incomplete="Choose a place from the search results.",
    )
)
# A point clicked on the map: an unresolved place name becomes a gazetteer entry there; otherwise the point moves.
review_point = _review_view(
    ReviewAction(
        bind=_bound(MapPointForm, prefix="point"), perform=_point, shown_as=lambda form, claim: {"point_form": form}
    )
)
review_actors = _review_view(
    ReviewAction(
        bind=lambda request, event, claim: ActorsForm(request.POST, event=event),
        perform=_actors,
        shown_as=lambda form, claim: {"actors_formset": form.formset},
    )
)
review_claim_create = _review_view(
    ReviewAction(
        bind=lambda request, event, claim: ClaimForm(request.POST, event=event, prefix="new-claim"),
        perform=_claim_add,
        shown_as=lambda form, claim: {"new_claim_form": form},
    )
)
review_claim_update = _review_view(
    ReviewAction(
        bind=lambda request, event, claim: ClaimForm(request.POST, event=event, prefix=f"claim-{claim.id}"),
        perform=_claim_edit,
        shown_as=lambda form, claim: {f"claim_{claim.id}": form},
    )
)
review_claim_delete = _review_view(ReviewAction(bind=_bound(DecisionForm), perform=_claim_remove, anchor="claims"))
review_merge = _review_view(
    ReviewAction(
        bind=_bound(MergeForm), perform=_merge, anchor="merge", incomplete="Choose an open event to merge into."
    )
)
review_split = _review_view(
    ReviewAction(
        bind=lambda request, event, claim: SplitForm(request.POST, event=event),
        perform=_split,
        anchor="merge",
        incomplete="Choose the articles to move to a new draft.",
    )
)
review_approve = _review_view(
    ReviewAction(bind=_bound(DecisionForm), perform=_decision(services.event_approve, "approved"))
)
review_reject = _review_view(
    ReviewAction(bind=_bound(DecisionForm), perform=_decision(services.event_reject, "rejected"))
)


# ---------------------------------------------------------------- API token


def _login_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


@_login_required
def api_token(request):
    """Create, replace or revoke one's API token; a new key is shown once, on the page that created it."""
    new_key = None
    if request.method == "POST":
        action = request.POST.get("action")
        Token.objects.filter(user=request.user).delete()
        if action == "create":
            new_key = Token.objects.create(user=request.user).key
        elif action == "revoke":
            messages.success(request, "Your API token was revoked; programs using it can no longer sign in.")
            return redirect("api-token")
        else:
            raise PermissionDenied("Unknown action.")
    token = Token.objects.filter(user=request.user).first()
    return page(request, "accounts/token.html", {"token": token, "new_key": new_key, "api_url": "/api/v1/"})
