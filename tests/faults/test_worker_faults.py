"""Faults on the real stack: a Celery worker process on a Redis this test starts itself, and PostgreSQL.

Skipped without PostgreSQL or redis-server; CI runs them (.ci/run)."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from celery import Celery
from django.conf import settings
from django.db import connection

from events.models import Event
from sources.models import Article, content_hash

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "Gunmen attacked a village near Kaya on Sunday, killing at least 12 people, a local official said. "

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server"),
    pytest.mark.django_db(transaction=True),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A redis-server of this test's own, on its own port, that the test may stop and start again."""

    def __init__(self):
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                         "--appendonly", "no"], stdout=subprocess.DEVNULL)  # fmt: skip
        assert _wait(self._answers, 10), "redis-server did not start"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def _answers(self) -> bool:
        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", self.port)) == 0


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def redis_url(redis_server):
    return redis_server.url


def _database_url() -> str:
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(redis_url):
    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database only on PostgreSQL")
    env = {**os.environ, "DATABASE_URL": _database_url(), "REDIS_URL": redis_url, "DEBUG": "0", "ENV_FILE": ""}
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "conflict_tracker", "worker", "--pool=prefork", "--concurrency=1",
         "--loglevel=INFO", "--without-heartbeat", "--without-gossip", "--without-mingle"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )  # fmt: skip
    yield process
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def _wait(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def _pool_children(pid: int) -> list[int]:
    """The worker's pool processes: the children of its main process, read from /proc."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def _article_being_parsed(worker, redis_url) -> Article:
    """A report long enough that its parse is still running, sent to the worker and claimed by it."""
    text = SENTENCE * 6000
    article = Article.objects.create(text=text, content_hash=content_hash(text), published_at="2024-03-12")
    assert _wait(lambda: _pool_children(worker.pid), 60), "the worker started no pool process"
    Celery(broker=redis_url, set_as_current=False).send_task("sources.tasks.parse_article_task", args=[article.id])
    assert _wait(lambda: Article.objects.get(id=article.id).status == "parsing", 60), "the task never started"
    return article


def _assert_parsed_once(worker, article: Article) -> None:
    done = _wait(lambda: Article.objects.get(id=article.id).status in ("parsed", "failed"), 120)
    if not done:
        os.killpg(worker.pid, signal.SIGTERM)
        pytest.fail("the article stayed %s:\n%s" % (Article.objects.get(id=article.id).status, worker.communicate(timeout=20)[0][-4000:]))
    article.refresh_from_db()
    assert article.status == "parsed", article.error
    assert Event.objects.filter(reports__article=article).count() >= 1
    assert article.claims.count() == len(set(article.claims.values_list("kind", "count_min", "char_start")))


def test_a_pool_child_killed_mid_parse_leaves_nothing_stuck_and_nothing_twice(worker, redis_url):
    article = _article_being_parsed(worker, redis_url)
    for child in _pool_children(worker.pid):
        os.kill(child, signal.SIGKILL)  # as the OOM killer does
    assert Article.objects.get(id=article.id).status == "parsing", "the parse ended before the kill: nothing was tested"
    _assert_parsed_once(worker, article)


def test_database_connections_dropped_mid_parse_hand_the_article_back_and_it_parses(worker, redis_url):
    article = _article_being_parsed(worker, redis_url)
    with connection.cursor() as cursor:  # every backend of this database but the test's own, as a failover does
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
    assert Article.objects.get(id=article.id).status == "parsing", "the parse ended before the connections dropped"
    _assert_parsed_once(worker, article)

UPLOAD = """
from sources.services import article_submit_text
for n in range(5):
    article_submit_text(text="Report %d. " % n + {sentence!r}, uploaded_by=None)
"""
SWEEP = "from sources.services import articles_sweep; print(articles_sweep())"


def _manage(redis_url: str, code: str) -> subprocess.CompletedProcess:
    """Run code as the web app would, in its own process, against this test's Redis and database."""
    env = {**os.environ, "DATABASE_URL": _database_url(), "REDIS_URL": redis_url, "ENV_FILE": "", "DEBUG": "0",
           "SWEEP_QUEUED_AFTER_SECONDS": "5", "CELERY_BROKER_CONNECTION_TIMEOUT": "1"}  # fmt: skip
    return subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_uploads_while_redis_is_down_are_kept_and_parsed_once_it_is_back(worker, redis_server):
    redis_server.stop()
    upload = _manage(redis_server.url, UPLOAD.format(sentence=SENTENCE))
    assert upload.returncode == 0, upload.stderr[-3000:]
    assert "Could not queue article" in upload.stderr + upload.stdout
    assert set(Article.objects.values_list("status", flat=True)) == {"queued"} and Article.objects.count() == 5
    redis_server.start()
    time.sleep(6)  # past SWEEP_QUEUED_AFTER_SECONDS
    sweep = _manage(redis_server.url, SWEEP)
    assert sweep.returncode == 0 and "'sent': 5" in sweep.stdout, sweep.stdout + sweep.stderr[-2000:]
    done = _wait(lambda: set(Article.objects.values_list("status", flat=True)) == {"parsed"}, 120)
    if not done:
        os.killpg(worker.pid, signal.SIGTERM)
        pytest.fail(f"not all parsed: {list(Article.objects.values_list('status', flat=True))}\n" + worker.communicate(timeout=20)[0][-4000:])
    for article in Article.objects.all():
        assert article.claims.count() == len(set(article.claims.values_list("kind", "count_min", "char_start")))
