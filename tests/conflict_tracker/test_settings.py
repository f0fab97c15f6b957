import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.exceptions import ImproperlyConfigured

from conflict_tracker.env import env_bool, env_choice, env_int, env_list, env_rate, env_url

ROOT = Path(__file__).resolve().parents[2]


def test_env_bool_reads_the_usual_spellings(monkeypatch):
    for raw, expected in [("1", True), ("yes", True), ("On", True), ("0", False), ("false", False), ("", False)]:
        monkeypatch.setenv("FLAG", raw)
        assert env_bool("FLAG") is expected


def test_env_helpers_fail_loudly_on_bad_values(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG='maybe' is not a boolean"):
        env_bool("FLAG")
    monkeypatch.setenv("SIZE", "ten")
    with pytest.raises(ImproperlyConfigured, match="SIZE='ten' is not an integer"):
        env_int("SIZE", 1)
    monkeypatch.setenv("SIZE", "-5")
    with pytest.raises(ImproperlyConfigured, match="below the minimum"):
        env_int("SIZE", 1, minimum=0)
    monkeypatch.setenv("SIZE", "5000")
    with pytest.raises(ImproperlyConfigured, match="SIZE=5000 is above the maximum of 200"):
        env_int("SIZE", 1, minimum=1, maximum=200)
    monkeypatch.setenv("DATABASE_URL", "mysql://x")
    with pytest.raises(ImproperlyConfigured, match="must start with one of"):
        env_url("DATABASE_URL", schemes=("sqlite", "postgres"))


@pytest.mark.parametrize("raw", ["lots", "100", "0/hour", "-5/minute", "10/fortnight", "ten/hour", "/hour"])
def test_a_throttle_rate_that_drf_could_not_read_stops_start_up(monkeypatch, raw):
    monkeypatch.setenv("RATE", raw)
    with pytest.raises(ImproperlyConfigured, match="is not a rate"):
        env_rate("RATE", "1/hour")


def test_a_throttle_rate_is_read_as_drf_reads_it(monkeypatch):
    monkeypatch.setenv("RATE", " 20/Minute ")
    assert env_rate("RATE", "1/hour") == "20/minute"


def test_a_log_level_must_be_one_python_knows(monkeypatch):
    monkeypatch.setenv("LOG_LEVEL", "warning")
    assert env_choice("LOG_LEVEL", "INFO", choices=("INFO", "WARNING")) == "WARNING"
    monkeypatch.setenv("LOG_LEVEL", "chatty")
    with pytest.raises(ImproperlyConfigured, match="LOG_LEVEL='chatty' is not one of: INFO, WARNING"):
        env_choice("LOG_LEVEL", "INFO", choices=("INFO", "WARNING"))


@pytest.mark.parametrize(
    ("name", "value"), [("API_THROTTLE_RATE", "lots"), ("LOG_LEVEL", "chatty"), ("MAP_TILE_URL", "tiles.example.org")]
)
def test_the_app_does_not_start_with_a_setting_it_could_not_use(name, value):
    result = run_manage("check", DEBUG="1", **{name: value})
    assert result.returncode != 0 and f"{name}=" in result.stderr, result.stderr[-500:]


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.org, b.org ,,")
    assert env_list("HOSTS", []) == ["a.org", "b.org"]


def run_manage(*args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "DEBUG",
            "REDIS_URL",
            "DATABASE_URL",
            "SECURE_SSL_REDIRECT",
            "SECURE_COOKIES",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_start_up_without_a_secret_key_fails_with_a_clear_message():
    result = run_manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_a_bad_setting_stops_start_up_naming_the_variable():
    result = run_manage("check", DEBUG="1", MAX_UPLOAD_BYTES="lots")
    assert result.returncode != 0
    assert "MAX_UPLOAD_BYTES='lots' is not an integer" in result.stderr


def test_the_deploy_check_is_clean_with_debug_off_and_a_real_secret():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="k" * 20 + "Z9!x" * 10,
        ALLOWED_HOSTS="tracker.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_manage_py_reads_the_local_env_file(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("DEBUG=0\nSECRET_KEY=" + "s" * 20 + "Q7!y" * 10 + "\nMAX_UPLOAD_BYTES=lots\n")
    result = run_manage("check", ENV_FILE=str(env_file))
    assert "MAX_UPLOAD_BYTES='lots' is not an integer" in result.stderr


def test_a_variable_in_the_environment_wins_over_the_local_env_file(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("DEBUG=1\nMAX_UPLOAD_BYTES=lots\n")
    result = run_manage("check", ENV_FILE=str(env_file), MAX_UPLOAD_BYTES="2048")
    assert result.returncode == 0, result.stdout + result.stderr


def test_there_are_no_missing_migrations():
    result = run_manage("makemigrations", "--check", "--dry-run", DEBUG="1")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_setting_read_from_the_environment_is_in_env_example():
    example = (ROOT / ".env.example").read_text()
    settings_source = (ROOT / "conflict_tracker" / "settings.py").read_text()
    import re

    names = set(re.findall(r'env_(?:str|bool|int|list|url)\(\s*"([A-Z_0-9]+)"', settings_source))
    assert names, "settings should read the environment"
    missing = sorted(name for name in names if not re.search(rf"^{name}=", example, re.M))
    assert not missing


def test_every_compose_service_command_points_at_files_in_the_repo():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"db", "redis", "web", "worker"} <= set(services)
    assert services["db"]["image"].startswith("postgres:16")
    assert services["redis"]["image"].startswith("redis:7")
    for name in ("db", "redis", "web", "worker"):
        assert "healthcheck" in services[name], name
    assert services["web"]["build"] == "." and (ROOT / "Dockerfile").is_file()
    web_command = services["web"]["command"]
    assert (ROOT / web_command[-1]).is_file()
    entrypoint = (ROOT / web_command[-1]).read_text()
    for management_command in ("migrate", "load_gazetteer", "load_actors"):
        assert f"manage.py {management_command}" in entrypoint
        if management_command != "migrate":
            assert (ROOT / "events" / "management" / "commands" / f"{management_command}.py").is_file()
    assert "conflict_tracker.wsgi:application" in entrypoint and (ROOT / "conflict_tracker" / "wsgi.py").is_file()
    worker = (ROOT / services["worker"]["command"][-1]).read_text()
    assert "celery -A conflict_tracker worker" in worker and (ROOT / "conflict_tracker" / "celery.py").is_file()
    assert any(volume.startswith("media:") for volume in services["web"]["volumes"])


def test_the_celery_app_is_configured_for_safe_delivery():
    from conflict_tracker.celery import app

    assert app.conf.task_serializer == "json" and app.conf.accept_content == ["json"]
    assert app.conf.task_acks_late and app.conf.task_reject_on_worker_lost
    assert 0 < app.conf.task_soft_time_limit < app.conf.task_time_limit


@pytest.mark.django_db
def test_the_health_endpoint_answers(client):
    assert client.get("/healthz/").json()["status"] == "ok"


@pytest.mark.django_db
def test_the_admin_lists_every_model(admin_client):
    for path in [
        "events/place/",
        "events/placename/",
        "events/actor/",
        "events/actoralias/",
        "events/event/",
        "events/claim/",
        "events/reviewlog/",
        "sources/article/",
        "sources/publisher/",
    ]:
        assert admin_client.get(f"/admin/{path}").status_code == 200, path
    # An event's reports show, read-only, on its own admin page (events.admin.EventReportInline).
    assert admin_client.get("/admin/events/eventreport/").status_code == 404
