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
    held = getattr(user, "_role_names", None)
    if held is None:
        held = remember_roles(user, set(user.groups.filter(name__in=ROLES).values_list("name", flat=True)))
    return bool(held & IMPLIED_BY[role])


def remember_roles(user, roles: set[str]) -> set[str]:
    """Keep the roles (group names of ROLES) a user holds for the rest of the request: read once, by whichever
    asks first (conflict_tracker.authentication reads them with the API token)."""
    user._role_names = roles
    return roles
