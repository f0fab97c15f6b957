"""Web pages for events: dashboard, map, event page, the review queue and its actions, API tokens.

Views are thin: check the role, validate a form, call one service, render or redirect.
"""

import datetime
import itertools
from collections import Counter, defaultdict
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import TruncWeek
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_POST
from rest_framework.authtoken.models import Token

from conflict_tracker.roles import ANALYST, REVIEWER, user_has_role
from conflict_tracker.web import page, role_required
from events import selectors, services
from events.exports import location_document
from events.forms import (
    ClaimForm,
    DecisionForm,
    EventEditForm,
    MapFilterForm,
    MapPointForm,
    MergeForm,
    PlaceChoiceForm,
    PlaceSearchForm,
    SplitForm,
    actor_formset,
    actor_roles,
)  # fmt: skip
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
CHART_WEEKS = 12
FIGURE_KINDS = ("killed", "wounded", "captured")


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
    return {"lat": event.latitude, "lon": event.longitude, "precision": event.geo_precision, "type": event.event_type, "label": str(event)}


# ---------------------------------------------------------------- dashboard


def weekly_chart(events, *, weeks: int = CHART_WEEKS) -> dict:
    """Events per week by type over the weeks up to the latest event, with bar geometry for an inline SVG."""
    latest = events.order_by("-start_date").values_list("start_date", flat=True).first() or datetime.date.today()
    last_monday = latest - datetime.timedelta(days=latest.weekday())
    first_monday = last_monday - datetime.timedelta(weeks=weeks - 1)
    counts: dict[datetime.date, Counter] = defaultdict(Counter)
    rows = events.filter(start_date__gte=first_monday).annotate(week=TruncWeek("start_date")).values("week", "event_type").annotate(n=Count("id"))
    for row in rows:
        week = row["week"].date() if isinstance(row["week"], datetime.datetime) else row["week"]
        counts[week][row["event_type"]] += row["n"]
    mondays = [first_monday + datetime.timedelta(weeks=index) for index in range(weeks)]
    peak = max((sum(counts[monday].values()) for monday in mondays), default=0) or 1
    height, bar_width, gap = 120, 28, 8
    bars = []
    for index, monday in enumerate(mondays):
        y, segments = height, []
        for event_type in EVENT_TYPES:
            n = counts[monday][event_type]
            if n:
                h = max(1.0, n / peak * height)
                y -= h
                segments.append({"type": event_type, "n": n, "y": round(y, 1), "height": round(h, 1), "color": EVENT_TYPE_COLORS[event_type]})
        bars.append({"week": monday, "x": index * (bar_width + gap), "top": round(y, 1), "total": sum(counts[monday].values()), "segments": segments})
    used = [t for t in EVENT_TYPES if any(counts[m][t] for m in mondays)]
    return {
        "bars": bars, "peak": peak, "height": height, "bar_width": bar_width, "width": weeks * (bar_width + gap) - gap,
        "types": [{"name": t, "color": EVENT_TYPE_COLORS[t]} for t in used],
        "rows": [{"week": m, "counts": [counts[m][t] for t in used], "total": sum(counts[m].values())} for m in mondays],
    }  # fmt: skip


@reader_required
def dashboard(request):
    approved = Event.objects.filter(status=Event.Status.APPROVED)
    context = {
        "chart": weekly_chart(approved),
        "latest_approved": approved.select_related("place").prefetch_related("event_actors__actor").order_by("-status_changed_at", "-id")[:8],
        "approved_count": approved.count(),
    }
    if user_has_role(request.user, ANALYST):
        context["failed_articles"] = Article.objects.filter(status=Article.Status.FAILED).select_related("publisher")[:8]
        context["article_counts"] = dict(Article.objects.values_list("status").annotate(n=Count("id")))
        context["unsupported_languages"] = selectors.unsupported_language_counts()
        context["unsupported_articles"] = Article.objects.filter(status=Article.Status.UNSUPPORTED).select_related("publisher")[:8]
    if user_has_role(request.user, REVIEWER):
        drafts = Event.objects.filter(status=Event.Status.DRAFT)
        context["drafts_waiting"] = drafts.select_related("place").order_by("-created_at", "-id")[:8]
        context["drafts_count"] = drafts.count()
        context["flagged_count"] = Event.objects.filter(status=Event.Status.APPROVED, flagged_for_review=True).count()
    return page(request, "events/dashboard.html", context)


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
        "form": form, "config": config, "can_see_drafts": user_has_role(request.user, REVIEWER),
        "legend": [{"name": name, "color": color} for name, color in EVENT_TYPE_COLORS.items()],
        "actor_names": Actor.objects.values_list("name", flat=True) if request.user.is_authenticated else [],
    }  # fmt: skip
    return page(request, "events/map.html", context)


# ---------------------------------------------------------------- event page


def claim_rows(claims: list[Claim], articles: dict[int, Article]) -> list[dict]:
    """Claims grouped by article, then claimant: a row per claim, the figure in its kind's column."""
    by_article: dict[int, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        claimant = claim.claimant.name if claim.claimant else (claim.claimant_text or "Unattributed")
        by_article[claim.article_id][claimant].append(claim)
    groups = []
    for article_id, claimants in by_article.items():
        rows = []
        for claimant, items in claimants.items():
            low, high = services.fatality_range(items)
            for index, claim in enumerate(items):
                figure = {"text": claim.count_text, "subject": claim.subject.name if claim.subject else claim.subject_text}
                rows.append({
                    "claim": claim, "claimant": claimant, "claimant_rows": len(items) if index == 0 else 0,
                    "as_written": claim.claimant_text if claim.claimant and claim.claimant_text != claimant else "",
                    "figures": {kind: figure if claim.kind == kind else None for kind in FIGURE_KINDS},
                    "other": None if claim.kind in FIGURE_KINDS else {**figure, "kind": claim.get_kind_display()},
                    "killed_total": (low, high) if index == 0 else None,
                })  # fmt: skip
        groups.append({"article": articles.get(article_id), "rows": rows})
    return groups


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
    articles.update({article.id: article for article in Article.objects.filter(id__in=missing).select_related("publisher")})
    totals = source_totals(claims, articles)
    context = {
        "event": event,
        "location": document["location"],
        "actors": list(event.event_actors.all()),
        "claim_groups": claim_rows(claims, articles),
        "source_totals": totals,
        "fatalities": fatality_explanation(event, totals),
        "reports": reports,
        "history": event.history.select_related("user")[:100],
        "map_config": {**basemap_config(), "point": event_point(event)},
        "color": EVENT_TYPE_COLORS.get(event.event_type, "#555"),
    }
    return page(request, "events/event_detail.html", context)


# ---------------------------------------------------------------- review queue


def review_queue_events():
    """Events waiting for a reviewer: approved events flagged by new claims first, then drafts, newest first."""
    waiting = Q(status=Event.Status.DRAFT) | Q(status=Event.Status.APPROVED, flagged_for_review=True)
    return Event.objects.filter(waiting).order_by("-flagged_for_review", "-created_at", "-id")


@role_required(REVIEWER)
def review_queue(request):
    queue = review_queue_events().select_related("place").prefetch_related("event_actors__actor").annotate(
        claim_count=Count("claims", distinct=True), report_count=Count("reports", distinct=True)
    )
    page_of_events = Paginator(queue, 50).get_page(request.GET.get("page"))
    return page(request, "events/review_queue.html", {"events": page_of_events, "first_id": queue.values_list("id", flat=True).first()})


def queue_neighbours(event: Event) -> tuple[int | None, int | None]:
    ids = list(review_queue_events().values_list("id", flat=True))
    if event.id not in ids:
        return None, ids[0] if ids else None
    index = ids.index(event.id)
    return (ids[index - 1] if index > 0 else None), (ids[index + 1] if index + 1 < len(ids) else None)


def merge_suggestions(event: Event, user) -> list[dict]:
    """The matcher's likely duplicates (events.selectors), with the events themselves for showing them."""
    suggestions = selectors.merge_suggestions(event=event, user=user)
    events = Event.objects.select_related("place").in_bulk([item["event_id"] for item in suggestions])
    return [{"event": events[item["event_id"]], "reason": item["reason"]} for item in suggestions if item["event_id"] in events]


def review_context(request, event: Event, **forms) -> dict:
    event = Event.objects.select_related("place").get(id=event.id)
    reports = list(event.reports.select_related("article__publisher").order_by("article_id"))
    claims = list(event.claims.select_related("claimant", "subject", "article"))
    quotes_by_article = defaultdict(list)
    for claim in claims:
        quotes_by_article[claim.article_id].append(claim)
    search = PlaceSearchForm(request.GET or None, initial={"place_q": event.location_name, "place_country": event.country})
    searched = search.is_valid() and search.cleaned_data["place_q"].strip()
    places = find_places(search.cleaned_data["place_q"], country=search.cleaned_data["place_country"]) if searched else None
    previous_id, next_id = queue_neighbours(event)
    return {
        "event": event,
        "location": location_document(event),
        "sources": [{"report": report, "claims": quotes_by_article.get(report.article_id, [])} for report in reports],
        "edit_form": forms.get("edit_form") or EventEditForm.for_event(event),
        "place_search": search,
        "places": places,
        "point_form": forms.get("point_form") or MapPointForm(initial={"version": event.version, "geo_precision": 1}, prefix="point"),
        "actors_formset": forms.get("actors_formset") or actor_formset(event),
        "claim_forms": [(claim, forms.get(f"claim_{claim.id}") or ClaimForm.for_claim(claim)) for claim in claims],
        "new_claim_form": forms.get("new_claim_form") or ClaimForm(event=event, prefix="new-claim"),
        "suggestions": merge_suggestions(event, request.user),
        "split_form": SplitForm(event=event) if len(reports) > 1 else None,
        "history": event.history.select_related("user")[:100],
        "previous_id": previous_id,
        "next_id": next_id,
        "actor_names": Actor.objects.values_list("name", flat=True),
        "map_config": {**basemap_config(), "point": event_point(event)},
        "stale": forms.get("stale"),
    }


@role_required(REVIEWER)
def review_event(request, event_id: int):
    event = get_object_or_404(Event, id=event_id)
    return page(request, "events/review.html", review_context(request, event))


def _review_redirect(event_id: int, anchor: str = ""):
    return redirect(reverse("review-event", args=[event_id]) + (f"#{anchor}" if anchor else ""))


def _refused(request, event: Event, exc: services.ReviewError, **forms):
    """Show the reviewer why the change was refused, keeping what they typed; a stale edit is a conflict (409)."""
    stale = isinstance(exc, services.StaleEdit)
    messages.error(request, str(exc))
    return page(request, "events/review.html", review_context(request, event, stale=stale, **forms), status=409 if stale else 400)


@require_POST
@role_required(REVIEWER)
def review_edit(request, event_id: int):
    event = get_object_or_404(Event, id=event_id)
    form = EventEditForm(request.POST)
    if not form.is_valid():
        return page(request, "events/review.html", review_context(request, event, edit_form=form), status=400)
    try:
        services.event_update(event=event, reviewer=request.user, changes=form.changes(event), expected_version=form.cleaned_data["version"])
    except services.ReviewError as exc:
        return _refused(request, event, exc, edit_form=form)
    messages.success(request, "Changes saved.")
    return _review_redirect(event.id, "fields")


@require_POST
@role_required(REVIEWER)
def review_place(request, event_id: int):
    event = get_object_or_404(Event, id=event_id)
    form = PlaceChoiceForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a place from the search results.")
        return _review_redirect(event.id, "place")
    try:
        services.event_update(event=event, reviewer=request.user, changes={"place": form.cleaned_data["place"]}, expected_version=form.cleaned_data["version"])
    except services.ReviewError as exc:
        return _refused(request, event, exc)
    messages.success(request, f"Place set to {form.cleaned_data['place']}.")
    return _review_redirect(event.id, "place")


@require_POST
@role_required(REVIEWER)
def review_point(request, event_id: int):
    """A point clicked on the map: an unresolved place name becomes a gazetteer entry there; otherwise the point moves."""
    event = get_object_or_404(Event, id=event_id)
    form = MapPointForm(request.POST, prefix="point")
    if not form.is_valid():
        return page(request, "events/review.html", review_context(request, event, point_form=form), status=400)
    data = form.cleaned_data
    try:
        if event.location_name.strip():
            services.event_place_unresolved_name(
                event=event, reviewer=request.user, latitude=data["latitude"], longitude=data["longitude"],
                geo_precision=data["geo_precision"], expected_version=data["version"],
            )  # fmt: skip
            messages.success(request, f"“{event.location_name}” is now in the gazetteer at {data['latitude']:.4f}, {data['longitude']:.4f}.")
        else:
            changes = {"latitude": data["latitude"], "longitude": data["longitude"], "geo_precision": data["geo_precision"]}
            services.event_update(event=event, reviewer=request.user, changes=changes, expected_version=data["version"])
            messages.success(request, "The event's point was moved.")
    except services.ReviewError as exc:
        return _refused(request, event, exc, point_form=form)
    return _review_redirect(event.id, "place")


@require_POST
@role_required(REVIEWER)
def review_actors(request, event_id: int):
    event = get_object_or_404(Event, id=event_id)
    formset = actor_formset(event, request.POST)
    version = DecisionForm(request.POST)
    if not (formset.is_valid() and version.is_valid()):
        return page(request, "events/review.html", review_context(request, event, actors_formset=formset), status=400)
    try:
        services.event_set_actors(event=event, reviewer=request.user, roles=actor_roles(formset), expected_version=version.cleaned_data["version"])
    except services.ReviewError as exc:
        return _refused(request, event, exc, actors_formset=formset)
    messages.success(request, "Actors saved.")
    return _review_redirect(event.id, "actors")


@require_POST
@role_required(REVIEWER)
def review_claim_create(request, event_id: int):
    event = get_object_or_404(Event, id=event_id)
    form = ClaimForm(request.POST, event=event, prefix="new-claim")
    if not form.is_valid():
        return page(request, "events/review.html", review_context(request, event, new_claim_form=form), status=400)
    try:
        services.claim_create(event=event, reviewer=request.user, data=form.claim_data())
    except services.ReviewError as exc:
        return _refused(request, event, exc, new_claim_form=form)
    messages.success(request, "Claim added.")
    return _review_redirect(event.id, "claims")


@require_POST
@role_required(REVIEWER)
def review_claim_update(request, event_id: int, claim_id: int):
    claim = get_object_or_404(Claim.objects.select_related("event"), id=claim_id, event_id=event_id)
    form = ClaimForm(request.POST, event=claim.event, prefix=f"claim-{claim.id}")
    if not form.is_valid():
        return page(request, "events/review.html", review_context(request, claim.event, **{f"claim_{claim.id}": form}), status=400)
    data = form.claim_data()
    changes = {name: value for name, value in data.items() if getattr(claim, name) != value}
    try:
        services.claim_update(claim=claim, reviewer=request.user, changes=changes)
    except services.ReviewError as exc:
        return _refused(request, claim.event, exc, **{f"claim_{claim.id}": form})
    messages.success(request, "Claim saved." if changes else "Nothing changed in the claim.")
    return _review_redirect(event_id, "claims")


@require_POST
@role_required(REVIEWER)
def review_claim_delete(request, event_id: int, claim_id: int):
    claim = get_object_or_404(Claim.objects.select_related("event"), id=claim_id, event_id=event_id)
    services.claim_delete(claim=claim, reviewer=request.user)
    messages.success(request, "Claim deleted.")
    return _review_redirect(event_id, "claims")


@require_POST
@role_required(REVIEWER)
def review_merge(request, event_id: int):
    event = get_object_or_404(Event, id=event_id)
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose an open event to merge into.")
        return _review_redirect(event.id, "merge")
    try:
        target = form.cleaned_data["into"]
        services.event_merge(event=event, into=target, reviewer=request.user)
    except services.ReviewError as exc:
        return _refused(request, event, exc)
    messages.success(request, f"Event {event.id} was merged into this event; its claims and reports are here now.")
    return _review_redirect(target.id)


@require_POST
@role_required(REVIEWER)
def review_split(request, event_id: int):
    event = get_object_or_404(Event, id=event_id)
    form = SplitForm(request.POST, event=event)
    if not form.is_valid():
        messages.error(request, "Choose the articles to move to a new draft.")
        return _review_redirect(event.id, "merge")
    try:
        new = services.event_split(event=event, reviewer=request.user, article_ids=[int(item) for item in form.cleaned_data["articles"]])
    except services.ReviewError as exc:
        return _refused(request, event, exc)
    messages.success(request, f"The chosen articles now form a new draft, event {new.id}; event {event.id} keeps the others.")
    return _review_redirect(new.id)


def _decide(request, event_id: int, decide, done: str):
    event = get_object_or_404(Event, id=event_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The form was incomplete; reload the page and try again.")
        return _review_redirect(event.id)
    _, next_id = queue_neighbours(event)
    try:
        if form.cleaned_data["version"] != event.version:
            # The decision services take no version; refuse here rather than approve what the reviewer has not seen.
            raise services.StaleEdit(
                f"Event {event.id} was changed by someone else (version {event.version}, you saw version "
                f"{form.cleaned_data['version']}); look at it again before deciding."
            )
        decide(event=event, reviewer=request.user)
    except services.ReviewError as exc:
        return _refused(request, event, exc)
    messages.success(request, f"Event {event.id} {done}.")
    return _review_redirect(next_id) if next_id else redirect("review-queue")


@require_POST
@role_required(REVIEWER)
def review_approve(request, event_id: int):
    return _decide(request, event_id, services.event_approve, "approved")


@require_POST
@role_required(REVIEWER)
def review_reject(request, event_id: int):
    return _decide(request, event_id, services.event_reject, "rejected")


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

