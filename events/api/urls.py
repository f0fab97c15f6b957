"""/api/v1/: mounted by conflict_tracker/urls.py as path("api/v1/", include("events.api.urls"))."""

from django.urls import path, re_path, register_converter

from events.api import views

app_name = "api"


class IdConverter:
    """A database id: at most 18 digits, so it always fits a 64-bit integer."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


register_converter(IdConverter, "id")

urlpatterns = [
    path("", views.ApiRootView.as_view(), name="root"),
    path("events/", views.EventListView.as_view(), name="events"),
    path("events/<id:event_id>/", views.EventDetailView.as_view(), name="event"),
    path("events/<id:event_id>/approve/", views.EventApproveView.as_view(), name="event-approve"),
    path("events/<id:event_id>/reject/", views.EventRejectView.as_view(), name="event-reject"),
    path("events/<id:event_id>/merge/", views.EventMergeView.as_view(), name="event-merge"),
    path("events/<id:event_id>/split/", views.EventSplitView.as_view(), name="event-split"),
    path("deleted/", views.DeletedEventsView.as_view(), name="deleted"),
    path("claims/", views.ClaimCreateView.as_view(), name="claims"),
    path("claims/<id:claim_id>/", views.ClaimDetailView.as_view(), name="claim"),
    path("articles/", views.ArticleListView.as_view(), name="articles"),
    path("articles/<id:article_id>/", views.ArticleDetailView.as_view(), name="article"),
    path("actors/", views.ActorListView.as_view(), name="actors"),
    path("actors/<id:actor_id>/", views.ActorDetailView.as_view(), name="actor"),
    path("places/", views.PlaceSearchView.as_view(), name="places"),
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("docs/", views.SwaggerView.as_view(), name="docs"),
    re_path(r"^", views.not_found),  # anything else under /api/v1/, newlines included: a JSON 404
]
