"""Who may call what: approved events for any logged-in user (and anonymous users when
PUBLIC_READ is on), drafts and articles for analysts, every change for reviewers."""

from django.conf import settings
from rest_framework.permissions import BasePermission

from conflict_tracker.roles import ANALYST, REVIEWER, user_has_role


class ReadsEvents(BasePermission):
    message = "Log in (an `Authorization: Token …` header or a session) to read events."

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated) or settings.PUBLIC_READ


class IsAnalyst(BasePermission):
    message = "This needs the analyst role."

    def has_permission(self, request, view) -> bool:
        return user_has_role(request.user, ANALYST)


class IsReviewer(BasePermission):
    message = "Only reviewers may change events and claims."

    def has_permission(self, request, view) -> bool:
        return user_has_role(request.user, REVIEWER)


class CorrectsArticles(IsReviewer):
    message = "Only reviewers may correct an article's language."
