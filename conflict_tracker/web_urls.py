"""The server-rendered web app: dashboard, upload, articles, review, event pages and the map."""

from django.urls import path

from events import article_views, list_views
from events import views as event_views
from sources import views as source_views

urlpatterns = [
    path("", event_views.dashboard, name="dashboard"),
    path("map/", event_views.map_view, name="map"),
    path("account/token/", event_views.api_token, name="api-token"),
    path("upload/", source_views.upload, name="upload"),
    path("upload/inspect/", source_views.upload_inspect, name="upload-inspect"),
    path("articles/", article_views.article_list, name="article-list"),
    path("articles/<int:article_id>/", article_views.article_detail, name="article-detail"),
    path("articles/<int:article_id>/status.json", article_views.article_status, name="article-status"),
    path("articles/<int:article_id>/reparse/", article_views.article_reparse, name="article-reparse"),
    path("articles/<int:article_id>/language/", article_views.article_language, name="article-language"),
    path("events/", list_views.event_list, name="event-list"),
    path("events/<int:event_id>/", event_views.event_detail, name="event-detail"),
    path("review/", event_views.review_queue, name="review-queue"),
    path("review/bulk/", event_views.review_bulk, name="review-bulk"),
    path("review/<int:event_id>/", event_views.review_event, name="review-event"),
    path("review/<int:event_id>/edit/", event_views.review_edit, name="review-edit"),
    path("review/<int:event_id>/place/", event_views.review_place, name="review-place"),
    path("review/<int:event_id>/point/", event_views.review_point, name="review-point"),
    path("review/<int:event_id>/actors/", event_views.review_actors, name="review-actors"),
    path("review/<int:event_id>/claims/", event_views.review_claim_create, name="review-claim-create"),
    path("review/<int:event_id>/claims/<int:claim_id>/", event_views.review_claim_update, name="review-claim-update"),
    path(
        "review/<int:event_id>/claims/<int:claim_id>/delete/",
        event_views.review_claim_delete,
        name="review-claim-delete",
    ),
    path("review/<int:event_id>/merge/", event_views.review_merge, name="review-merge"),
    path("review/<int:event_id>/split/", event_views.review_split, name="review-split"),
    path("review/<int:event_id>/approve/", event_views.review_approve, name="review-approve"),
    path("review/<int:event_id>/reject/", event_views.review_reject, name="review-reject"),
]
