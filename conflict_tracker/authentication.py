"""API authentication: DRF's token scheme, with the user's roles read in the same query.

Every API request checks a role (events.api.permissions), and reading the user's groups on its own was one more
round trip per request, about a tenth of an upload's CPU in the web process (bench/e2e_burst.py)."""

from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token

from conflict_tracker.roles import ROLES, remember_roles


class RoleTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        held = {_held(role): Exists(Group.objects.filter(user=OuterRef("user_id"), name=role)) for role in ROLES}
        token = Token.objects.select_related("user").annotate(**held).filter(key=key).first()
        if token is None or not token.user.is_active:
            return super().authenticate_credentials(key)  # refused as DRF refuses, with its messages
        remember_roles(token.user, {role for role in ROLES if getattr(token, _held(role))})
        return token.user, token


def _held(role: str) -> str:
    return f"holds_role_{role}"
