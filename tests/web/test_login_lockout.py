"""Failed sign-ins lock the account and the address out, with a clear message, for a while."""

import datetime

import pytest

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery"


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_repeated_failures_lock_the_account_out_with_a_clear_message_even_with_the_right_password(
    client, user_factory, settings
):
    user_factory("rita", "reviewer")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "rita", "wrong").status_code == 200  # the form again, with its error
    locked = sign_in(client, "rita", "wrong")
    assert locked.status_code == 429 and "Too many failed sign-ins" in locked.content.decode()
    assert sign_in(client, "rita", PASSWORD, address="198.51.100.9").status_code == 429  # per account
    assert sign_in(client, "someone", "x", address="203.0.113.7").status_code == 429  # per address


def test_a_lockout_expires(client, user_factory, settings):
    from axes.models import AccessAttempt
    from django.utils import timezone

    user_factory("rita", "reviewer")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "rita", "wrong")
    assert sign_in(client, "rita", PASSWORD, address="198.51.100.9").status_code == 429
    # The failures happened longer ago than the lockout lasts.
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(minutes=1)
    )
    assert sign_in(client, "rita", PASSWORD, address="198.51.100.9").status_code == 302


def test_a_good_sign_in_clears_earlier_failures(client, user_factory, settings):
    user_factory("rita", "reviewer")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "rita", "wrong")
    assert sign_in(client, "rita", PASSWORD).status_code == 302
    client.logout()
    assert sign_in(client, "rita", "wrong").status_code == 200
