"""API views, thin: validate the request, call one selector or service, serialise the result.

Errors are JSON (events.api.exceptions); lists are keyset-paginated (events.api.pagination).
"""

from collections.abc import Mapping
from dataclasses import replace
from typing import ClassVar

from django.conf import settings
from django.http import HttpResponsePermanentRedirect, JsonResponse, StreamingHttpResponse
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from events import selectors
from events.api import filters
from events.api import serializers as s
from events.api.exceptions import ApiContentNegotiation, PayloadTooLarge, api_exception_handler
from events.api.pagination import keyset_page, link_header, next_link
from events.api.parsers import BoundedJSONParser
from events.api.permissions import CorrectsArticles, IsAnalyst, IsReviewer, ReadsEvents
from events.api.renderers import CSVRenderer, GeoJSONRenderer, acled_csv_chunks
from events.api.throttling import AnonymousRateThrottle, TokenRateThrottle
from events.services import (
    claim_create,
    claim_delete,
    claim_update,
    event_approve,
    event_merge,
    event_reject,
    event_split,
    event_update,
)
from sources.services import article_set_language, article_submit_file, article_submit_text

# ---------------------------------------------------------------- shared


def errors(*codes: int) -> dict:
    """Documented error answers: every one is {"detail": …} JSON."""
    described = {
        400: "Invalid input; `errors` names each field.",
        401: "Not logged in.",
        403: "Logged in without the role this needs.",
        404: "No such resource (or not visible to you).",
        409: "Conflict: the resource changed since you read it.",
        413: "Too large.",
        415: "Unsupported media type.",
        429: "Too many requests; see Retry-After.",
    }
    return {
        (code, "application/json"): OpenApiResponse(s.ErrorSerializer, description=described[code]) for code in codes
    }


READ_ERRORS = (400, 401, 403, 404, 429)
WRITE_ERRORS = (400, 401, 403, 404, 429)
EVENT_WRITE_ERRORS = (*WRITE_ERRORS, 409)  # 409: the event changed since the version sent


def validated(serializer_class, data, **kwargs) -> dict:
    serializer = serializer_class(data=data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class ApiView(APIView):
    # JSON in and out, JSON errors, rate limits per token. (No docstring: the schema would show it on every operation.)

    renderer_classes = (JSONRenderer,)
    parser_classes = (BoundedJSONParser,)
    content_negotiation_class = ApiContentNegotiation
    throttle_classes = (TokenRateThrottle, AnonymousRateThrottle)
    permission_classes = (IsAuthenticated,)

    def get_exception_handler(self):
        return api_exception_handler

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if (
            isinstance(response, Response)
            and response.status_code >= 400
            and type(response.accepted_renderer) is not JSONRenderer
        ):
            # Errors are JSON whichever format was asked for (a CSV request's 400 included).
            response.accepted_renderer, response.accepted_media_type = JSONRenderer(), JSONRenderer.media_type
        return response


def _page_response(request, page, serializer_class, **extra) -> Response:
    url = next_link(request, page)
    return Response(
        {"next": url, "results": serializer_class(page.items, many=True).data, **extra}, headers=link_header(url)
    )


# ---------------------------------------------------------------- root


class ApiRootView(ApiView):
    permission_classes = (AllowAny,)

    @extend_schema(
        summary="The API's endpoints",
        responses={
            200: inline_serializer(
                "ApiRoot",
                {"name": serializers.CharField(), "endpoints": serializers.DictField(child=serializers.URLField())},
            )
        },
    )
    def get(self, request):
        names = ["events", "deleted", "articles", "claims", "actors", "places", "schema", "docs"]
        endpoints = {name: request.build_absolute_uri(reverse(f"api:{name}")) for name in names}
        return Response({"name": "conflict_tracker API v1", "endpoints": endpoints})


# ---------------------------------------------------------------- events


class EventListView(ApiView):
    permission_classes = (ReadsEvents,)
    renderer_classes = (JSONRenderer, GeoJSONRenderer, CSVRenderer)

    @extend_schema(
        operation_id="events_list",
        summary="Events, filtered; JSON, GeoJSON or ACLED CSV",
        description=(
            "Approved events for everyone allowed to read; drafts and rejected events for analysts. Merged events "
            "are never "
            "listed (see /deleted/).\n\n`format=json` (default) and `format=geojson` are cursor-paginated: follow "
            "`next` "
            "(also sent as a Link header). `format=csv` streams every matching row in ACLED's codebook columns, "
            "unpaginated "
            "(cursor, page_size and ordering are ignored).\n\nA listed event sums up its claims in `claims_summary` "
            "(how many, per kind the lowest and highest figure, who claims); `GET /events/{id}/` gives every claim "
            "with its quote."
        ),
        parameters=[filters.EventQuerySerializer],
        responses={
            (200, "application/json"): s.EventPageSerializer,
            (200, "application/geo+json"): s.EventFeatureCollectionSerializer,
            (200, "text/csv"): OpenApiTypes.STR,
            **errors(*READ_ERRORS),
        },
    )
    def get(self, request):
        query = validated(filters.EventQuerySerializer, request.query_params)
        if request.accepted_renderer.format == "csv":
            rows = selectors.event_export_rows(user=request.user, filters=query["filters"])
            response = StreamingHttpResponse(acled_csv_chunks(rows), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="events.csv"'
            return response
        events = selectors.event_list(user=request.user, filters=query["filters"])
        page = keyset_page(events, ordering=query["ordering"], cursor=query["cursor"], size=query["page_size"])
        page = replace(page, items=selectors.event_documents(page.items))
        if request.accepted_renderer.format == "geojson":
            url = next_link(request, page)
            features = s.EventFeatureSerializer(page.items, many=True).data
            return Response({"type": "FeatureCollection", "features": features, "next": url}, headers=link_header(url))
        return _page_response(request, page, s.EventSerializer)


def _detail(request, event_id: int, *, status_code: int = status.HTTP_200_OK) -> Response:
    document = selectors.event_detail(user=request.user, event_id=event_id)
    return Response(s.EventDetailSerializer(document).data, status=status_code)


def _version(data: dict, event) -> int:
    """The version the client read, when it sent one; else the version this request read."""
    return data.pop("version", None) or event.version


class EventDetailView(ApiView):
    def get_permissions(self):
        return [IsReviewer()] if self.request.method == "PATCH" else [ReadsEvents()]

    @extend_schema(
        summary="One event, with its claims and review history",
        responses={200: s.EventDetailSerializer, **errors(401, 403, 404, 429)},
    )
    def get(self, request, event_id: int):
        return _detail(request, event_id)

    @extend_schema(
        summary="Edit an event (reviewers)",
        description=(
            "Only the fields sent change, as one change; each is written to the review log. Send the `version` you "
            "read "
            "to have a stale edit refused (409, with the version now)."
        ),
        request=s.EventUpdateSerializer,
        responses={200: s.EventDetailSerializer, **errors(*EVENT_WRITE_ERRORS)},
    )
    def patch(self, request, event_id: int):
        event = selectors.event_for_review(user=request.user, event_id=event_id)
        data = dict(validated(s.EventUpdateSerializer, request.data))
        version, actors = _version(data, event), data.pop("actors", None)
        roles = None if actors is None else [(item["id"], item["role"]) for item in actors]
        event_update(event=event, reviewer=request.user, changes=data, actors=roles, expected_version=version)
        return _detail(request, event_id)


class EventActionView(ApiView):
    permission_classes = (IsReviewer,)


class EventDecisionView(EventActionView):
    decide = None  # the service: event_approve or event_reject

    def post(self, request, event_id: int):
        event = selectors.event_for_review(user=request.user, event_id=event_id)
        data = dict(validated(s.VersionSerializer, request.data))
        type(self).decide(event=event, reviewer=request.user, expected_version=_version(data, event))
        return _detail(request, event_id)


class EventApproveView(EventDecisionView):
    decide = event_approve

    @extend_schema(
        summary="Approve an event (reviewers)",
        description="Send the `version` you read to have a stale approval refused (409).",
        request=s.VersionSerializer,
        responses={200: s.EventDetailSerializer, **errors(*EVENT_WRITE_ERRORS)},
    )
    def post(self, request, event_id: int):
        return super().post(request, event_id)


class EventRejectView(EventDecisionView):
    decide = event_reject

    @extend_schema(
        summary="Reject an event (reviewers)",
        description="Send the `version` you read to have a stale rejection refused (409).",
        request=s.VersionSerializer,
        responses={200: s.EventDetailSerializer, **errors(*EVENT_WRITE_ERRORS)},
    )
    def post(self, request, event_id: int):
        return super().post(request, event_id)


class EventMergeView(EventActionView):
    @extend_schema(
        summary="Merge this event into another (reviewers)",
        description=(
            "Its reports, claims and actors move to `into`, which is returned; this event then appears in /deleted/. "
            "`version` is this event's (a stale one is refused, 409); `into`'s version moves on too."
        ),
        request=s.MergeSerializer,
        responses={200: s.EventDetailSerializer, **errors(*EVENT_WRITE_ERRORS)},
    )
    def post(self, request, event_id: int):
        event = selectors.event_for_review(user=request.user, event_id=event_id)
        data = dict(validated(s.MergeSerializer, request.data))
        into = selectors.event_for_review(user=request.user, event_id=data["into"])
        event_merge(event=event, into=into, reviewer=request.user, expected_version=_version(data, event))
        return _detail(request, into.id)


class EventSplitView(EventActionView):
    @extend_schema(
        summary="Split articles off into a new draft (reviewers)",
        description=(
            "The reports of `article_ids`, with their claims, move to a new draft event, which is returned. "
            "Send the `version` you read to have a stale split refused (409)."
        ),
        request=s.SplitSerializer,
        responses={201: s.EventDetailSerializer, **errors(*EVENT_WRITE_ERRORS)},
    )
    def post(self, request, event_id: int):
        event = selectors.event_for_review(user=request.user, event_id=event_id)
        data = dict(validated(s.SplitSerializer, request.data))
        version = _version(data, event)
        new = event_split(event=event, reviewer=request.user, article_ids=data["article_ids"], expected_version=version)
        return _detail(request, new.id, status_code=status.HTTP_201_CREATED)


class DeletedEventsView(ApiView):
    permission_classes = (ReadsEvents,)

    @extend_schema(
        operation_id="deleted_list",
        summary="Events rejected or merged away",
        description=(
            "What a synchronising client should drop: ids of events rejected or merged since `since`, oldest first."
        ),
        parameters=[filters.DeletedQuerySerializer],
        responses={200: s.DeletedPageSerializer, **errors(*READ_ERRORS)},
    )
    def get(self, request):
        query = validated(filters.DeletedQuerySerializer, request.query_params)
        page = keyset_page(
            selectors.deleted_events(since=query.get("since")),
            ordering=query["ordering"],
            cursor=query["cursor"],
            size=query["page_size"],
        )
        return _page_response(request, page, s.DeletedEventSerializer)


# ---------------------------------------------------------------- claims


class ClaimCreateView(ApiView):
    permission_classes = (IsReviewer,)

    @extend_schema(
        summary="Add a claim to an event (reviewers)",
        description=(
            "The event must be a draft or approved, the article one that reports it, and the claim must say who makes "
            "it (`claimant` or `claimant_text`). The event's `version` moves on; send the one you read to have a stale "
            "change refused (409)."
        ),
        request=s.ClaimCreateSerializer,
        responses={201: s.EventClaimSerializer, **errors(*EVENT_WRITE_ERRORS)},
    )
    def post(self, request):
        data = dict(validated(s.ClaimCreateSerializer, request.data))
        event = data.pop("event")
        claim = claim_create(event=event, reviewer=request.user, data=data, expected_version=_version(data, event))
        return Response(
            s.EventClaimSerializer(selectors.claim_get(claim_id=claim.id)).data, status=status.HTTP_201_CREATED
        )


class ClaimDetailView(ApiView):
    def get_permissions(self):
        return [IsAnalyst()] if self.request.method == "GET" else [IsReviewer()]

    @extend_schema(
        summary="One claim (analysts)", responses={200: s.EventClaimSerializer, **errors(401, 403, 404, 429)}
    )
    def get(self, request, claim_id: int):
        return Response(s.EventClaimSerializer(selectors.claim_get(claim_id=claim_id)).data)

    @extend_schema(
        summary="Edit a claim (reviewers)",
        description=(
            "Only the fields sent change; each change is written to the event's review log. `version` is the event's, "
            "as for adding a claim."
        ),
        request=s.ClaimUpdateSerializer,
        responses={200: s.EventClaimSerializer, **errors(*EVENT_WRITE_ERRORS)},
    )
    def patch(self, request, claim_id: int):
        claim = selectors.claim_get(claim_id=claim_id)
        changes = dict(validated(s.ClaimUpdateSerializer, request.data, partial=True))
        version = _version(changes, claim.event)
        claim_update(claim=claim, reviewer=request.user, changes=changes, expected_version=version)
        return Response(s.EventClaimSerializer(selectors.claim_get(claim_id=claim_id)).data)

    @extend_schema(
        summary="Delete a claim (reviewers)",
        description="`?version=` the event's version you read, to have a stale deletion refused (409).",
        parameters=[s.VersionSerializer],
        responses={204: None, **errors(401, 403, 404, 409, 429)},
    )
    def delete(self, request, claim_id: int):
        claim = selectors.claim_get(claim_id=claim_id)
        version = _version(dict(validated(s.VersionSerializer, request.query_params)), claim.event)
        claim_delete(claim=claim, reviewer=request.user, expected_version=version)
        return Response(status=status.HTTP_204_NO_CONTENT)


# ---------------------------------------------------------------- articles


def _refuse_oversized_body(request) -> None:
    """Before parsing: a body past the upload limit (plus room for the form around it) is not read at all."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
        raise PayloadTooLarge(
            f"The request body is {length:,} bytes; uploads are limited to {settings.MAX_UPLOAD_BYTES:,} bytes."
        )


class ArticleListView(ApiView):
    permission_classes = (IsAnalyst,)
    parser_classes = (BoundedJSONParser, MultiPartParser, FormParser)

    @extend_schema(
        operation_id="articles_list",
        summary="Uploaded articles, newest first (analysts)",
        parameters=[filters.ArticleQuerySerializer],
        responses={200: s.ArticlePageSerializer, **errors(*READ_ERRORS)},
    )
    def get(self, request):
        query = validated(filters.ArticleQuerySerializer, request.query_params)
        page = keyset_page(
            selectors.article_list(status=query.get("status", ""), language=query.get("language", "")),
            ordering=query["ordering"],
            cursor=query["cursor"],
            size=query["page_size"],
        )
        return _page_response(request, page, s.ArticleSerializer)

    @extend_schema(
        summary="Upload an article (analysts)",
        description=(
            "JSON with `text`, or multipart with `file` (.txt in UTF-8, .html or .pdf), plus optional metadata. A "
            "new article "
            "answers 201 with status `queued` (parsing happens in the background); the same text, or the same "
            "file, again "
            "answers 200 with the existing article and is not parsed twice. A PDF or HTML file is read by the "
            "worker: its "
            "title and text are empty until then, a file that cannot be read ends `failed` with the reason, and "
            "one holding "
            "the text of another article ends `duplicate` (`duplicate_of`). Uploads are limited to "
            "settings.MAX_UPLOAD_BYTES "
            f"({settings.MAX_UPLOAD_BYTES:,} bytes here)."
        ),
        request={"application/json": s.ArticleTextSerializer, "multipart/form-data": s.ArticleFileSerializer},
        responses={
            201: OpenApiResponse(s.ArticleSerializer, description="Created and queued for parsing."),
            200: OpenApiResponse(s.ArticleSerializer, description="The same text was uploaded before: that article."),
            **errors(400, 401, 403, 413, 415, 429),
        },
    )
    def post(self, request):
        _refuse_oversized_body(request)
        data = request.data
        if not isinstance(data, Mapping):
            raise serializers.ValidationError(
                {"detail": f"Send a JSON object (or a multipart form), not {type(data).__name__}."}
            )
        if "file" in data and "text" in data:
            raise serializers.ValidationError({"detail": "Send the article as `text` or as a `file`, not both."})
        if "file" in data:
            fields = dict(validated(s.ArticleFileSerializer, data))
            upload = fields.pop("file")
            submission = article_submit_file(
                filename=upload.name or "",
                content=upload.read(),
                content_type=upload.content_type or "",
                uploaded_by=request.user,
                **fields,
            )
        else:
            submission = article_submit_text(uploaded_by=request.user, **validated(s.ArticleTextSerializer, data))
        if not submission.created:
            return Response(s.ArticleSerializer(selectors.article_get(article_id=submission.article.id)).data)
        article = submission.article
        article.live_reports = []  # the state at creation, whatever an eager parse has done since
        location = request.build_absolute_uri(reverse("api:article", args=[article.id]))
        return Response(
            s.ArticleSerializer(article).data, status=status.HTTP_201_CREATED, headers={"Location": location}
        )


class ArticleDetailView(ApiView):
    def get_permissions(self):
        return [CorrectsArticles()] if self.request.method == "PATCH" else [IsAnalyst()]

    @extend_schema(summary="One article (analysts)", responses={200: s.ArticleSerializer, **errors(401, 403, 404, 429)})
    def get(self, request, article_id: int):
        return Response(s.ArticleSerializer(selectors.article_get(article_id=article_id)).data)

    @extend_schema(
        summary="Correct an article's language (reviewers)",
        description=(
            "Records the language as the reviewer's (`language_source` reviewer, `language_set_by`) and parses the "
            "article "
            "again in it instead of a guess, replacing what it produced before; a language the parser has no "
            "lexicon for "
            "ends `unsupported`. 409 while a worker is parsing the article."
        ),
        request=s.ArticleLanguageSerializer,
        responses={200: s.ArticleSerializer, **errors(*WRITE_ERRORS, 409)},
    )
    def patch(self, request, article_id: int):
        article = selectors.article_get(article_id=article_id)
        language = validated(s.ArticleLanguageSerializer, request.data)["language"]
        article_set_language(article=article, language=language, reviewer=request.user)
        return Response(s.ArticleSerializer(selectors.article_get(article_id=article_id)).data)


# ---------------------------------------------------------------- actors and places


class ActorListView(ApiView):
    permission_classes = (ReadsEvents,)

    @extend_schema(
        operation_id="actors_list",
        summary="The actor dictionary, with aliases",
        parameters=[filters.ActorQuerySerializer],
        responses={200: s.ActorPageSerializer, **errors(*READ_ERRORS)},
    )
    def get(self, request):
        query = validated(filters.ActorQuerySerializer, request.query_params)
        actors = selectors.actor_list(
            q=query.get("q", ""), kind=query.get("kind", ""), country=query.get("country", "")
        )
        return _page_response(
            request,
            keyset_page(actors, ordering=query["ordering"], cursor=query["cursor"], size=query["page_size"]),
            s.ActorSerializer,
        )


class ActorDetailView(ApiView):
    permission_classes = (ReadsEvents,)

    @extend_schema(summary="One actor", responses={200: s.ActorSerializer, **errors(401, 403, 404, 429)})
    def get(self, request, actor_id: int):
        return Response(s.ActorSerializer(selectors.actor_get(actor_id=actor_id)).data)


class PlaceSearchView(ApiView):
    permission_classes = (ReadsEvents,)

    @extend_schema(
        operation_id="places_search",
        summary="Search the gazetteer",
        description=(
            "Places known by this name, spelling-tolerant: exact (case- and accent-folded) matches first, then "
            "sound-alikes; most populous first."
        ),
        parameters=[filters.PlaceQuerySerializer],
        responses={200: s.PlaceListSerializer, **errors(*READ_ERRORS)},
    )
    def get(self, request):
        query = validated(filters.PlaceQuerySerializer, request.query_params)
        places = selectors.place_search(q=query["q"], country=query.get("country", ""), limit=query["limit"])
        return Response({"results": s.PlaceSerializer(places, many=True).data})


# ---------------------------------------------------------------- schema, docs, unknown paths


class SchemaView(SpectacularAPIView):
    """OpenAPI 3 for this API only (not whatever other DRF views the project grows)."""

    urlconf = "events.api.schema_urlconf"
    custom_settings: ClassVar[dict] = {
        "COMPONENT_SPLIT_REQUEST": True,
        "PATH_CONVERTER_OVERRIDES": {"id": {"type": "integer", "minimum": 0, "maximum": 999_999_999_999_999_999}},
        "SCHEMA_PATH_PREFIX": r"/api/v1",
    }

    def get_exception_handler(self):
        return api_exception_handler


class SwaggerView(SpectacularSwaggerSplitView):
    """Swagger UI; offline, from drf-spectacular-sidecar's files (settings: SWAGGER_UI_DIST="SIDECAR"); its
    initialiser is served as a script file, so the page passes the Content-Security-Policy."""

    url_name = "api:schema"
    title = "conflict_tracker API"


@csrf_exempt  # nothing changes here; answer an unknown POST with the JSON 404, not a CSRF page
def not_found(request):
    """Unknown paths under the API answer in JSON (GET without the trailing slash is redirected)."""
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            if request.method in ("GET", "HEAD"):
                query = request.META.get("QUERY_STRING", "")
                return HttpResponsePermanentRedirect(request.path + "/" + (f"?{query}" if query else ""))
            return JsonResponse({"detail": f"Not found; the URL needs a trailing slash: {request.path}/"}, status=404)
    return JsonResponse({"detail": f"Not found: {request.path} is not an API endpoint; see /api/v1/."}, status=404)
