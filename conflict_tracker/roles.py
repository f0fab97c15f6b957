"""Roles are Django groups; a superuser holds every role."""

ANALYST = "analyst"
REVIEWER = "reviewer"
ADMIN = "admin"
ROLES = (ANALYST, REVIEWER, ADMIN)
# A reviewer may do what an analyst does, an admin what a reviewer does.
IMPLIED_BY = {ANALYST: {ANALYST, REVIEWER, ADMIN}, REVIEWER: {REVIEWER, ADMIN}, ADMIN: {ADMIN}}


def user_has_role(user, role: str) -> bool:
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return bool(cached & IMPLIED_BY[role])
