import pytest

from conflict_tracker.roles import ROLES, user_has_role

pytestmark = pytest.mark.django_db


def test_the_role_groups_exist_after_migrating():
    from django.contrib.auth.models import Group

    assert set(Group.objects.filter(name__in=ROLES).values_list("name", flat=True)) == set(ROLES)


def test_a_reviewer_is_also_an_analyst_but_not_an_admin(user_factory):
    reviewer = user_factory("rita", "reviewer")
    assert user_has_role(reviewer, "analyst") and user_has_role(reviewer, "reviewer")
    assert not user_has_role(reviewer, "admin")


def test_a_superuser_holds_every_role(user_factory):
    root = user_factory("root", is_superuser=True)
    assert all(user_has_role(root, role) for role in ROLES)


def test_a_user_without_groups_holds_no_role(user_factory):
    nobody = user_factory("nobody")
    assert not any(user_has_role(nobody, role) for role in ROLES)
