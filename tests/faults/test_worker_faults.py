"""Faults on the real stack: a Celery worker process on a Redis this test starts itself, and PostgreSQL.

Skipped without PostgreSQL or redis-server; CI runs them (.ci/run)."""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
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
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
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


def _database_url(port: int | None = None) -> str:
    """The test database; through ``port`` on this host instead (a proxy in front of PostgreSQL) when given."""
    db = settings.DATABASES["default"]
    host, db_port = (db["HOST"] or "127.0.0.1", db["PORT"] or 5432) if port is None else ("127.0.0.1", port)
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{host}:{db_port}/{db['NAME']}"


class Worker:
    """A prefork Celery worker, main process and pool in a process group of their own, logging to a file."""

    def __init__(self, log: Path, redis_url: str, env: dict[str, str], beat_schedule: Path | None):
        self._log = log
        defaults = {"DATABASE_URL": _database_url(), "REDIS_URL": redis_url, "DEBUG": "0", "ENV_FILE": ""}
        self.env = {**os.environ, **defaults, **env}
        # The beat inside the worker, as `make worker` runs it (docker/worker-entrypoint.sh, WORKER_EMBEDDED_BEAT=1).
        self.beat = ["--beat", f"--schedule={beat_schedule}"] if beat_schedule else []
        self.process = None

    @property
    def pid(self) -> int:
        return self.process.pid

    def start(self) -> "Worker":
        with self._log.open("a") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "conflict_tracker",
                    "worker",
                    "--pool=prefork",
                    "--concurrency=1",
                    "--loglevel=INFO",
                    "--without-heartbeat",
                    "--without-gossip",
                    "--without-mingle",
                    *self.beat,
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    def kill(self) -> None:
        """SIGKILL the whole group (main process, pool, beat), as a deploy or a container's OOM killer does."""
        os.killpg(self.pid, signal.SIGKILL)
        self.process.wait(timeout=20)

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        os.killpg(self.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()

    def log(self) -> str:
        return self._log.read_text(errors="replace")


class DatabaseProxy:
    """A TCP relay from a port of its own to PostgreSQL, that the test cuts as an outage would: the listening socket
    and every live connection closed, new ones refused, until it is restored on the same port."""

    def __init__(self, target: tuple[str, int]):
        self.port = _free_port()
        self._target = target
        self._listener = None
        self._live = set()
        self._lock = threading.Lock()

    def restore(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", self.port))  # SO_REUSEADDR: the same port again
        self._listener.settimeout(0.1)
        threading.Thread(target=self._accept, args=(self._listener,), daemon=True).start()

    def cut(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        with self._lock:
            live, self._live = self._live, set()
        for sock in live:
            _close(sock)

    def _accept(self, listener: socket.socket) -> None:
        while self._listener is listener:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # cut while accepting
            self._relay(client, listener)

    def _relay(self, client: socket.socket, listener: socket.socket) -> None:
        server = socket.create_connection(self._target)
        with self._lock:
            if self._listener is not listener:  # accepted just before a cut, which must drop it too
                _close(client)
                _close(server)
                return
            self._live |= {client, server}
        threading.Thread(target=_pump, args=(client, server), daemon=True).start()
        threading.Thread(target=_pump, args=(server, client), daemon=True).start()


def _pump(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass  # cut
    _close(source)
    _close(sink)


def _close(sock: socket.socket) -> None:
    """Shut down first: close() alone would not wake the relay thread blocked reading it."""
    with contextlib.suppress(OSError):  # already shut down by the other relay thread
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


@pytest.fixture
def database_proxy():
    db = settings.DATABASES["default"]
    proxy = DatabaseProxy((db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)))
    proxy.restore()
    yield proxy
    proxy.cut()


@pytest.fixture
def start_worker(redis_url, tmp_path):
    """Start workers on this test's Redis and database (``env`` overrides settings); all stopped at the end."""
    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database only on PostgreSQL")
    workers = []

    def start(beat: bool = False, **env: str) -> Worker:
        n = len(workers)
        workers.append(Worker(tmp_path / f"worker-{n}.log", redis_url, env, tmp_path / f"beat-{n}" if beat else None))
        return workers[-1].start()

    yield start
    for worker in workers:
        worker.stop()


@pytest.fixture
def worker(start_worker):
    return start_worker()


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


def _article_being_parsed(worker: Worker, redis_url: str, sentences: int = 6000) -> Article:
    """A report long enough that its parse is still running, sent to the worker and claimed by it."""
    article = _report(SENTENCE * sentences)
    if not _wait(lambda: _pool_children(worker.pid), 60):
        _fail_with_log(worker, "the worker started no pool process")
    _send_parse(redis_url, article)
    assert _wait(lambda: Article.objects.get(id=article.id).status == "parsing", 60), "the task never started"
    return article


def _report(text: str) -> Article:
    return Article.objects.create(text=text, content_hash=content_hash(text), published_at="2024-03-12")


def _send_parse(redis_url: str, *articles: Article) -> None:
    """Send the parse tasks straight to the broker, as an upload does."""
    client = Celery(broker=redis_url, set_as_current=False)
    for article in articles:
        client.send_task("sources.tasks.parse_article_task", args=[article.id])


def _fail_with_log(worker: Worker, message: str) -> None:
    pytest.fail(f"{message}\n--- worker log ---\n{worker.log()[-4000:]}")


def _assert_parsed_once(worker: Worker, article: Article, timeout: float = 120) -> None:
    if not _wait(lambda: Article.objects.get(id=article.id).status in ("parsed", "failed"), timeout):
        status = Article.objects.get(id=article.id).status
        _fail_with_log(worker, f"article {article.id} stayed {status} for {timeout:.0f} s")
    article.refresh_from_db()
    assert article.status == "parsed", article.error
    assert Event.objects.filter(reports__article=article).count() >= 1
    _assert_claims_once(article)


def _assert_claims_once(article: Article) -> None:
    assert article.claims.count() == len(set(article.claims.values_list("kind", "count_min", "char_start")))


def _assert_all_parsed_once(worker: Worker, articles: list[Article], within: float) -> None:
    """Every article ``parsed``, once, within ``within`` seconds from now."""
    deadline = time.monotonic() + within
    for article in articles:
        _assert_parsed_once(worker, article, timeout=max(deadline - time.monotonic(), 1))


def test_a_pool_child_killed_mid_parse_leaves_nothing_stuck_and_nothing_twice(worker, redis_url):
    article = _article_being_parsed(worker, redis_url)
    for child in _pool_children(worker.pid):
        os.kill(child, signal.SIGKILL)  # as the OOM killer does
    assert Article.objects.get(id=article.id).status == "parsing", "the parse ended before the kill: nothing was tested"
    _assert_parsed_once(worker, article)


def test_database_connections_dropped_mid_parse_hand_the_article_back_and_it_parses(worker, redis_url):
    article = _article_being_parsed(worker, redis_url)
    with connection.cursor() as cursor:  # every backend of this database but the test's own, as a failover does
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
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
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis_url,
        "ENV_FILE": "",
        "DEBUG": "0",
        "SWEEP_QUEUED_AFTER_SECONDS": "5",
        "CELERY_BROKER_CONNECTION_TIMEOUT": "1",
    }
    command = [sys.executable, "manage.py", "shell", "-c", code]
    return subprocess.run(command, check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


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
    _assert_all_parsed_once(worker, list(Article.objects.all()), within=120)


# The sweep every 5 s; claims freed past a hard limit that still leaves room for the killed report's parse (a second
# or two, several on a loaded machine) to run again in full on the next worker, soft limit included.
QUICK_SWEEP = {
    "CELERY_TASK_SOFT_TIME_LIMIT": "20",
    "CELERY_TASK_TIME_LIMIT": "25",
    "SWEEP_INTERVAL_SECONDS": "5",
    "SWEEP_QUEUED_AFTER_SECONDS": "5",
}


def _sweep_recovery_seconds() -> int:
    """A dead worker's claim is freed past the hard limit (within an interval) and sent by the next sweep, within
    another: well before Redis redelivers its message (visibility_timeout, the hard limit + 60 s)."""
    return int(QUICK_SWEEP["CELERY_TASK_TIME_LIMIT"]) + 2 * int(QUICK_SWEEP["SWEEP_INTERVAL_SECONDS"])


def test_a_whole_worker_killed_mid_parse_is_freed_by_the_sweep_and_parsed_once_by_the_next(start_worker, redis_url):
    first = start_worker(beat=True, **QUICK_SWEEP)
    article = _article_being_parsed(first, redis_url, sentences=1000)
    behind = [_report(f"Report {n}. " + SENTENCE) for n in range(3)]  # in the queue, or reserved by the worker
    _send_parse(redis_url, *behind)
    first.kill()
    assert Article.objects.get(id=article.id).status == "parsing", "the parse ended before the kill: nothing was tested"
    second = start_worker(beat=True, **QUICK_SWEEP)
    _assert_all_parsed_once(second, [article, *behind], within=_sweep_recovery_seconds() + 20)
    _assert_the_sweep_freed_a_claim(second)


def _assert_the_sweep_freed_a_claim(worker: Worker) -> None:
    # At least the cut-off article's: articles queued behind it may have been claimed with it as batch-mates of the
    # worker's other process (PARSE_BATCH_SIZE), and were then cut off too.
    assert re.search(r"Sweep: [1-9]\d* stale claims freed", worker.log()), "the claim was not freed by the sweep"


# Two retries, 1 s and 2 s apart, so that an outage of a few seconds outlasts them (31 s with the defaults).
SHORT_RETRIES = {"PARSE_MAX_RETRIES": "2", "PARSE_RETRY_BACKOFF_SECONDS": "1"}
GAVE_UP = "could not be marked failed"


def test_a_database_outage_longer_than_the_retries_leaves_articles_to_the_sweep_and_all_parse(
    start_worker, redis_url, database_proxy
):
    worker = start_worker(beat=True, DATABASE_URL=_database_url(database_proxy.port), **QUICK_SWEEP, **SHORT_RETRIES)
    cut_off = _article_being_parsed(worker, redis_url, sentences=1000)  # its claim is written through the proxy
    database_proxy.cut()
    upload = _manage(redis_url, UPLOAD.format(sentence=SENTENCE))  # the web app still reaches the database
    assert upload.returncode == 0, upload.stderr[-3000:]
    articles = list(Article.objects.order_by("id"))
    if not _wait(lambda: worker.log().count(GAVE_UP) >= len(articles), 60):
        _fail_with_log(worker, f"the worker did not give up on all {len(articles)} articles")
    _assert_left_for_the_sweep(cut_off, articles)
    database_proxy.restore()
    _assert_all_parsed_once(worker, articles, within=_sweep_recovery_seconds() + 20)
    _assert_the_sweep_freed_a_claim(worker)


def _assert_left_for_the_sweep(cut_off: Article, articles: list[Article]) -> None:
    """Retries exhausted and the database still down (nothing can be written, not even ``failed``): the article
    cut off keeps its claim, which the sweep frees past the hard limit; the others stay queued for the sweep."""
    left = dict(Article.objects.filter(id__in=[a.id for a in articles]).values_list("id", "status"))
    assert left.pop(cut_off.id) == "parsing", "the parse ended before the cut: nothing was tested"
    assert set(left.values()) == {"queued"}, left
