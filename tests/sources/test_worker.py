"""End to end through a real Celery worker process on Redis and PostgreSQL (skipped without them)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from celery import Celery
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from events.models import Event
from sources.models import Article, content_hash

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "")
REPORT = (
    "Rebels of the Atlantis Liberation Front attacked an army post in Port Town on Monday, "
    "the military said in a statement, adding that three soldiers were killed and five wounded."
)
GEONAMES_ROW = [
    "1000009101",
    "Port Town",
    "Port Town",
    "Porttown",
    "10.0",
    "20.0",
    "P",
    "PPL",
    "ML",
    "",
    "10",
    "",
    "",
    "",
    "5000",
    "",
    "1",
    "Africa/Bamako",
    "2020-01-01",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not REDIS_URL, reason="needs TEST_REDIS_URL (CI sets REDIS_URL)"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def worker():
    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database only on PostgreSQL")
    db = settings.DATABASES["default"]
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": REDIS_URL, "DEBUG": "0"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "conflict_tracker",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def wait_for(predicate, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_a_real_worker_parses_an_article_into_a_draft_event(worker, tmp_path):
    dump = tmp_path / "XX.txt"
    dump.write_text("\t".join(GEONAMES_ROW) + "\n", encoding="utf-8")
    call_command("load_gazetteer", "--geonames", str(dump), verbosity=0)
    call_command("load_actors", verbosity=0)
    article = Article.objects.create(text=REPORT, content_hash=content_hash(REPORT), published_at="2024-03-12")
    client = Celery(broker=REDIS_URL, set_as_current=False)  # the project's app stays current (eager) for later tests
    client.send_task("sources.tasks.parse_article_task", args=[article.id])
    client.send_task("sources.tasks.parse_article_task", args=[article.id])  # a duplicate delivery changes nothing

    parsed = wait_for(lambda: Article.objects.get(id=article.id).status in ("parsed", "failed"))
    if not parsed:
        worker.terminate()
        pytest.fail("the worker did not parse the article:\n" + worker.communicate(timeout=20)[0][-4000:])
    article.refresh_from_db()
    assert article.status == "parsed", article.error
    assert article.parser_version
    time.sleep(1)  # let the duplicate delivery run too
    events = Event.objects.filter(reports__article=article)
    assert events.count() == 1
    event = events.get()
    assert event.status == "draft" and event.place.name == "Port Town"
    assert sorted(event.claims.values_list("kind", "count_min")) == [("killed", 3), ("wounded", 5)]


def _sessions_opened() -> int:
    """Connections ever opened to the test database (PostgreSQL 14+ counts them; the count is read when flushed)."""
    time.sleep(1.5)  # the statistics of other backends reach the shared counters within a second
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT sessions FROM pg_stat_database WHERE datname = current_database()")
        return cursor.fetchone()[0]


def test_a_real_worker_keeps_its_database_connection_from_one_task_to_the_next(worker):
    client = Celery(broker=REDIS_URL, set_as_current=False)
    first = Article.objects.create(text=REPORT, content_hash=content_hash(REPORT), published_at="2024-03-12")
    client.send_task("sources.tasks.parse_article_task", args=[first.id])
    assert wait_for(lambda: Article.objects.get(id=first.id).status == "parsed"), "the worker parsed nothing"
    before = _sessions_opened()
    for number in range(5):  # one task at a time, each its own message
        text = f"{REPORT} Report number {number}."
        article = Article.objects.create(text=text, content_hash=content_hash(text), published_at="2024-03-12")
        client.send_task("sources.tasks.parse_article_task", args=[article.id])
        assert wait_for(lambda article=article: Article.objects.get(id=article.id).status == "parsed")
    # Celery's Django fixup would close the connection around every task: a new server process for each.
    assert _sessions_opened() - before <= 1
