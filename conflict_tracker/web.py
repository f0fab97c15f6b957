"""What every server-rendered page of both apps needs: the role check and the common context.

Here, not in an app, so that ``sources`` pages use them without importing ``events`` (the apps depend one
way: events on sources)."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from conflict_tracker.roles import ROLES, user_has_role


def role_required(role: str):
    """Signed-in users holding the role; others are sent to sign in, or refused (403)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not user_has_role(request.user, role):
                raise PermissionDenied(f"This needs the {role} role.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def page(request, template: str, context: dict | None = None, *, status: int = 200):
    """Render with what every page needs: the user's roles (to show only what they may do) and the query for
    page links."""
    roles = {role: user_has_role(request.user, role) for role in ROLES}
    query = request.GET.copy()
    query.pop("page", None)
    query_prefix = query.urlencode() + "&" if query else ""
    return render(request, template, {"roles": roles, "query_prefix": query_prefix, **(context or {})}, status=status)
