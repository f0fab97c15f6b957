import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_it_accepts_a_token_and_refuses_a_wrong_one(analyst, world):
    assert analyst.get("/api/v1/events/").status_code == 200
    intruder = APIClient()
    intruder.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = intruder.get("/api/v1/events/")
    assert response.status_code == 401 and response.json()["detail"] == "Invalid token."
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.django_db(transaction=True)
def test_a_token_upload_is_two_statements(analyst, member, django_assert_num_queries, monkeypatch):
    monkeypatch.setattr("sources.services.enqueue_parse", lambda article_id: None)
    body = {"text": "Gunmen attacked a village on Sunday, killing 12 people, an official said."}
    # The token with the user's roles, then the article's INSERT: no query of the groups, no transaction.
    with django_assert_num_queries(2):
        assert analyst.post("/api/v1/articles/", body, format="json").status_code == 201
    assert member.post("/api/v1/articles/", body, format="json").status_code == 403  # no role, no upload


def test_a_token_brings_exactly_the_roles_its_user_holds_and_no_other_group(user_factory):
    from django.contrib.auth.models import Group
    from rest_framework.authtoken.models import Token

    from conflict_tracker.authentication import RoleTokenAuthentication

    both = user_factory("both", "analyst", "reviewer")
    both.groups.add(Group.objects.create(name="newsletter"))  # a group that is no role
    plain, admin = user_factory("plain"), user_factory("boss", "admin")
    admin.last_login = timezone.now()
    admin.save(update_fields=["last_login"])
    read = {}
    for user in (both, plain, admin):
        token = Token.objects.create(user=user)
        found_user, found_token = RoleTokenAuthentication().authenticate_credentials(token.key)
        assert (found_user.pk, found_user.username, found_token.key, found_token.user_id) == (
            user.pk,
            user.username,
            token.key,
            user.pk,
        )
        assert found_token.created == token.created and found_user.password == user.password
        assert (found_user.last_login, found_user.date_joined) == (user.last_login, user.date_joined)  # aware
        read[user.username] = found_user._role_names
    assert read == {"both": {"analyst", "reviewer"}, "plain": set(), "boss": {"admin"}}


def test_an_inactive_users_token_is_refused(analyst):
    analyst.user.is_active = False
    analyst.user.save(update_fields=["is_active"])
    response = analyst.get("/api/v1/events/")
    assert response.status_code == 401 and response.json()["detail"] == "User inactive or deleted."


def test_it_accepts_a_session_login_and_checks_csrf_on_changes(user_factory, world):
    user_factory("desk", "reviewer")
    browser = APIClient(enforce_csrf_checks=True)
    browser.force_login(User.objects.get(username="desk"))  # signing in itself is tested in tests/web
    assert browser.get(f"/api/v1/events/{world.draft.id}/").status_code == 200
    refused = browser.post(f"/api/v1/events/{world.draft.id}/approve/")
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]


def test_it_throttles_per_token_with_a_json_429(analyst, reviewer, settings, world):
    from django.core.cache import cache

    cache.clear()
    settings.API_THROTTLE_RATE = "3/minute"
    for _ in range(3):
        assert analyst.get("/api/v1/events/").status_code == 200
    refused = analyst.get("/api/v1/events/")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "throttled" in refused.json()["detail"].lower()
    assert reviewer.get("/api/v1/events/").status_code == 200  # another token has its own budget
    cache.clear()


def test_it_throttles_anonymous_readers_per_address(anonymous, settings, world):
    from django.core.cache import cache

    cache.clear()
    settings.PUBLIC_READ = True
    settings.API_THROTTLE_RATE = "2/minute"
    assert [anonymous.get("/api/v1/events/").status_code for _ in range(3)] == [200, 200, 429]
    cache.clear()


def test_it_answers_unknown_api_paths_with_json_404(analyst):
    response = analyst.get("/api/v1/nowhere/")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert "not an API endpoint" in response.json()["detail"]
    assert analyst.get("/api/v1/events/abc/").status_code == 404


def test_it_redirects_a_get_without_the_trailing_slash_and_explains_a_post(analyst):
    response = analyst.get("/api/v1/events", {"country": "ML"})
    assert response.status_code == 301 and response["Location"] == "/api/v1/events/?country=ML"
    refused = analyst.post("/api/v1/articles", {"text": "x"}, format="json")
    assert refused.status_code == 404 and "trailing slash" in refused.json()["detail"]


def test_it_answers_a_wrong_method_with_json_405(reviewer, world):
    response = reviewer.delete(f"/api/v1/events/{world.draft.id}/")
    assert response.status_code == 405 and response.json()["detail"] == 'Method "DELETE" not allowed.'


def test_it_answers_an_unacceptable_accept_header_in_json(analyst):
    response = analyst.get("/api/v1/actors/", HTTP_ACCEPT="text/html")
    assert response.status_code == 406 and response["Content-Type"] == "application/json"


def test_it_turns_an_unexpected_error_into_a_logged_json_500(analyst, monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("events.selectors.actor_list", broken)
    response = analyst.get("/api/v1/actors/")
    assert response.status_code == 500 and response.json() == {"detail": "Internal server error; it has been logged."}
    assert "boom" in caplog.text


def test_it_lists_its_endpoints_at_the_root(anonymous):
    body = anonymous.get("/api/v1/").json()
    assert set(body["endpoints"]) == {"events", "deleted", "articles", "claims", "actors", "places", "schema", "docs"}
    assert body["endpoints"]["events"] == "http://testserver/api/v1/events/"


def test_it_serves_its_openapi_schema_and_swagger_ui(anonymous):
    import yaml

    schema = anonymous.get("/api/v1/schema/")
    assert schema.status_code == 200
    document = yaml.safe_load(schema.content)
    assert document["openapi"].startswith("3.") and "/api/v1/events/" in document["paths"]
    assert all(path.startswith("/api/v1/") for path in document["paths"])
    assert anonymous.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["info"]["title"]
    docs = anonymous.get("/api/v1/docs/")
    assert docs.status_code == 200 and b'<script src="/api/v1/docs/?script=">' in docs.content  # no inline script (CSP)
    initialiser = anonymous.get("/api/v1/docs/", {"script": ""})
    assert initialiser.status_code == 200 and b"/api/v1/schema/" in initialiser.content


def test_it_serves_swagger_ui_from_local_files_so_it_works_offline(anonymous):
    import re

    page = anonymous.get("/api/v1/docs/").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert any(asset.endswith("swagger-ui-bundle.js") for asset in assets)
    assert all(asset.startswith("/") for asset in assets), assets
