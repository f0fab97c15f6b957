"""Load check: many concurrent API clients against gunicorn, a Celery worker and beat, on PostgreSQL and Redis.

    python bench/load.py --clients 50 --duration 60           # the issue's check
    python bench/load.py --clients 5 --duration 10            # a quick run
    python bench/load.py [--events 5000] [--reload] [--fresh] [--web-workers 3] [--worker-concurrency 2]

Not a timed test: it looks for requests that fail under load and for uploads that never end parsed. Each client
is a thread with its own connection to 127.0.0.1 that sends, for --duration seconds, a mix of

    list      GET /api/v1/events/ (the first page, or a country + 90-day window as bench/api_latency.py asks)
    detail    GET /api/v1/events/<id>/ of a random seeded event
    geojson   GET /api/v1/events/?format=geojson&bbox=.. (2°x2° around a hot spot)
    upload    POST /api/v1/articles/ {"text", "published_at"}: a generated English report, distinct every time

(weights --mix, default 40/30/20/10), then waits up to --drain seconds for the uploads to be parsed. It prints per
kind the count, the errors (any non-2xx answer, or a connection error or timeout), p50/p95/max latency, the overall
requests/s, and how many uploads were parsed by the end of the load and after the wait. Exit status 1 when any
request failed, any upload did not end `parsed`, or a server process died.

Setup (once; kept between runs like bench/api_latency.py): its own database, ct_load (--database), on the local
PostgreSQL server (--pg), migrated and seeded with bench/api_latency.py's COPY loader (--events events with 3 claims
each), then the full gazetteer and the actor dictionary so the worker parses uploads as in production (the first run
takes a few minutes for the gazetteer). --reload seeds again; --fresh drops the database first (after a migration
was rewritten). Each run starts with Redis database 13 emptied (REDIS_URL=redis://127.0.0.1:6379/13, --redis-db;
no other database number is touched), then starts, as docker-compose.yml's services do:

    gunicorn conflict_tracker.wsgi:application --workers 3       (WEB_WORKERS' default, sync workers, timeout 30 s)
    celery -A conflict_tracker worker --concurrency 2            (WORKER_CONCURRENCY's default)
    celery -A conflict_tracker beat                              (the sweep of stranded articles)

with production settings: DEBUG=0, a SECRET_KEY, ALLOWED_HOSTS=127.0.0.1,localhost, DATABASE_URL, REDIS_URL, and
the HTTPS settings left on (requests say X-Forwarded-Proto: https as the TLS proxy does). Two settings differ:
STATIC_MANIFEST=0 (no collectstatic; the API renders no static URL) and API_THROTTLE_RATE=1000000/second, since all
clients share one reviewer's token: DRF keeps a timestamp of every request in the rate's window per token, so an
hourly rate as high would make each request read and write a list of every request of the run. The processes' logs
are in a temporary folder, printed and kept when something failed.
"""

import argparse
import datetime
import http.client
import io
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from api_latency import ROOT, bbox_paths, bench_token, ensure_database, list_paths, load, percentile, setup_django

REQUEST_KINDS = ("list", "detail", "geojson", "upload")
UNFINISHED_STATUSES = ("queued", "parsing")
SECRET_KEY = "load-check-only-" + "x" * 40
THROTTLE_RATE = "1000000/second"
REPORT_DAYS = 300  # uploads are published within this many days before today


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients, one connection each")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load")
    parser.add_argument("--mix", default="40,30,20,10", help="weights of list,detail,geojson,upload")
    parser.add_argument("--drain", type=float, default=300, help="seconds to wait after the load for uploads to parse")
    parser.add_argument("--timeout", type=float, default=60, help="seconds a client waits for an answer")
    parser.add_argument("--events", type=int, default=5000, help="seeded events (3 claims each)")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432", help="PostgreSQL server, no database")
    parser.add_argument("--database", default="ct_load")
    parser.add_argument("--reload", action="store_true", help="seed the events again")
    parser.add_argument("--fresh", action="store_true", help="drop and create the database first")
    parser.add_argument("--redis-db", type=int, default=13, help="the Redis database number it may empty and use")
    parser.add_argument("--web-workers", type=int, default=3)
    parser.add_argument("--worker-concurrency", type=int, default=2)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep-logs", action="store_true", help="keep the processes' logs when all went well too")
    args = parser.parse_args()
    args.weights = [float(weight) for weight in args.mix.split(",")]
    if len(args.weights) != len(REQUEST_KINDS) or min(args.weights) < 0 or not sum(args.weights):
        parser.error(f"--mix takes {len(REQUEST_KINDS)} weights (of {', '.join(REQUEST_KINDS)}), not all zero")
    return args


# ---------------------------------------------------------------- database


def drop_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(f"{server.rstrip('/')}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def prepare_database(args: argparse.Namespace) -> None:
    """Migrated, seeded with args.events synthetic events, the real gazetteer and actors; re-seeds only when told."""
    from django.core.management import call_command
    from django.db import connection

    from events.models import Place
    from sources.models import Article

    call_command("migrate", verbosity=0)
    seeded = Article.objects.filter(uploaded_by__isnull=True).count()  # uploads through the API have an uploader
    if args.reload or seeded != args.events:
        print(f"seeding {args.events:,} events, {args.events * 3:,} claims into {args.database} (had {seeded:,}) …")
        # The loader truncates every table it fills, places and actors too: the gazetteer is loaded after it.
        load(argparse.Namespace(events=args.events, claims_per_event=3, seed=args.seed))
    if not Place.objects.filter(gazetteer_key__startswith="country:").exists():
        print("loading the gazetteer (once, a minute or two) …", flush=True)
        call_command("load_gazetteer", verbosity=0)
    call_command("load_actors", verbosity=0, stdout=io.StringIO())  # idempotent, and says so on every run
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def detail_ids() -> list[int]:
    from events.models import Event

    return list(Event.objects.exclude(status=Event.Status.MERGED).values_list("id", flat=True))


def upload_statuses(article_ids: list[int]) -> Counter:
    from sources.models import Article

    statuses = Counter()
    for start in range(0, len(article_ids), 5000):
        batch = article_ids[start : start + 5000]
        statuses.update(Article.objects.filter(id__in=batch).values_list("status", flat=True))
    return statuses


def empty_redis_database(redis_url: str) -> None:
    """Stale task messages and throttle counts of an earlier run would blur this one's figures."""
    import redis

    redis.Redis.from_url(redis_url, socket_connect_timeout=2).flushdb()


# ---------------------------------------------------------------- server processes


def production_environment(database_url: str, redis_url: str, media_root: Path) -> dict[str, str]:
    return {
        **os.environ,
        "ENV_FILE": "",
        "DEBUG": "0",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(media_root),
        "STATIC_MANIFEST": "0",
        "API_THROTTLE_RATE": THROTTLE_RATE,
        "LOG_LEVEL": "WARNING",
    }


class ServerProcesses:
    """gunicorn, the Celery worker and beat, each in a session of its own so that a Ctrl-C reaching this script
    does not reach them half-way: they are stopped here, in order, whatever way the script ends."""

    def __init__(self, environment: dict[str, str], log_dir: Path):
        self.environment, self.log_dir = environment, log_dir
        self.running: dict[str, subprocess.Popen] = {}

    def start(self, name: str, arguments: list[str]) -> None:
        with (self.log_dir / f"{name}.log").open("w") as log:
            self.running[name] = subprocess.Popen(
                [sys.executable, "-m", *arguments],
                cwd=ROOT,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def exited(self) -> dict[str, int]:
        return {name: process.returncode for name, process in self.running.items() if process.poll() is not None}

    def log_tail(self, name: str, characters: int = 3000) -> str:
        return (self.log_dir / f"{name}.log").read_text(errors="replace")[-characters:]

    def stop_all(self) -> None:
        for process in reversed(self.running.values()):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.running.values():
            try:
                process.wait(timeout=30)  # a warm Celery shutdown finishes the task in hand
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def start_servers(servers: ServerProcesses, args: argparse.Namespace) -> None:
    servers.start(
        "gunicorn",
        [
            "gunicorn",
            "conflict_tracker.wsgi:application",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.web_workers),
            "--access-logfile",
            "-",
        ],
    )
    servers.start(
        "worker",
        [
            "celery",
            "-A",
            "conflict_tracker",
            "worker",
            "--loglevel=WARNING",
            f"--concurrency={args.worker_concurrency}",
        ],
    )
    schedule = servers.log_dir / "celerybeat-schedule"
    servers.start("beat", ["celery", "-A", "conflict_tracker", "beat", "--loglevel=WARNING", f"--schedule={schedule}"])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if servers.exited():
            break
        try:
            connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=2)
            connection.request("GET", "/healthz/", headers={"X-Forwarded-Proto": "https"})
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer /healthz/ on 127.0.0.1:{args.port}:\n{servers.log_tail('gunicorn')}")


# ---------------------------------------------------------------- clients


# Theatres of the generated reports: a country, towns the gazetteer knows, the state's troops and an armed group
# the actor dictionary knows, so that parsing resolves places and actors as it does for real copy.
THEATRES = [
    ("Mali", ["Gao", "Mopti", "Menaka", "Timbuktu"], "Malian troops", "JNIM fighters"),
    ("Nigeria", ["Maiduguri", "Bama", "Gwoza", "Damboa"], "Nigerian soldiers", "Boko Haram insurgents"),
    ("Sudan", ["Nyala", "El Obeid", "Kadugli", "El Geneina"], "the Sudanese army", "Rapid Support Forces fighters"),
    ("Somalia", ["Baidoa", "Beledweyne", "Kismayo", "Jowhar"], "Somali forces", "al-Shabaab militants"),
    ("DR Congo", ["Beni", "Butembo", "Bunia", "Rutshuru"], "Congolese troops", "ADF rebels"),
    ("Mozambique", ["Palma", "Macomia", "Mueda"], "Mozambican soldiers", "Islamic State Mozambique Province fighters"),
    ("Ethiopia", ["Bahir Dar", "Gondar", "Debre Markos"], "federal troops", "Fano militiamen"),
    ("Burkina Faso", ["Djibo", "Dori", "Kaya", "Fada N'Gourma"], "Burkinabe soldiers", "Ansaroul Islam gunmen"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
INCIDENTS = [
    "{group} attacked an army base near {town} on {day}, and {troops} fought them off for several hours",
    "{group} ambushed a supply convoy of {troops} on the road out of {town} on {day}",
    "a drone strike by {troops} hit a gathering of {group} outside {town} on {day}",
    "{group} stormed a market in {town} on {day}, firing on traders before {troops} arrived",
]
BACKGROUND = [
    "The region has seen repeated attacks this year, and aid groups say thousands of families have fled their homes.",
    "Roads into the area are often cut, and officials say food and fuel prices have doubled since the spring.",
    "Talks brokered by neighbouring governments have stalled, and neither side has said it will attend the next round.",
    "Residents said schools and clinics in nearby villages had closed after the last wave of violence.",
    "Humanitarian agencies have warned that the rainy season will make the worst-hit districts harder to reach.",
    "Analysts say the armed groups have grown stronger as troops were moved to defend the larger towns.",
]


def synthetic_report(rng: random.Random, reference: str) -> tuple[str, datetime.date]:
    """A generated English wire report of about 170 words, made distinct by its figures and reference line."""
    country, towns, troops, group = rng.choice(THEATRES)
    town, published = rng.choice(towns), datetime.date.today() - datetime.timedelta(days=rng.randrange(REPORT_DAYS))
    day = WEEKDAYS[(published - datetime.timedelta(days=rng.randint(1, 4))).weekday()]
    incident = rng.choice(INCIDENTS).format(group=group, troops=troops, town=town, day=day)
    killed, wounded, claimed = rng.randint(2, 45), rng.randint(2, 60), rng.randint(10, 90)
    paragraphs = [
        f"{town.upper()}, {country} - {incident[0].upper()}{incident[1:]}, local officials said.",
        f"A military spokesman said {killed} soldiers and civilians were killed and {wounded} others wounded.",
        f"In a statement, the group claimed to have killed at least {claimed} troops, a figure that could not be "
        f"verified independently. A local official said about {rng.randint(20, 400)} residents fled toward {country}'s "
        "larger towns.",
        *rng.sample(BACKGROUND, len(BACKGROUND)),
        f"Ref {reference}.",
    ]
    return "\n\n".join(paragraphs), published


@dataclass
class ClientTally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {kind: [] for kind in REQUEST_KINDS})
    errors: Counter = field(default_factory=Counter)  # (kind, status) -> count; status 0: no answer
    error_samples: list[str] = field(default_factory=list)
    created_article_ids: list[int] = field(default_factory=list)
    existing_uploads: int = 0


class LoadClient(threading.Thread):
    def __init__(
        self,
        number: int,
        args: argparse.Namespace,
        token: str,
        event_ids: list[int],
        run_id: str,
        stop_at: float,
        stop_now: threading.Event,
    ):
        super().__init__(name=f"client-{number}", daemon=True)
        self.number, self.args, self.event_ids, self.run_id = number, args, event_ids, run_id
        self.stop_at, self.stop_now = stop_at, stop_now
        self.rng = random.Random(args.seed * 1000 + number)
        self.headers = {"Authorization": f"Token {token}", "X-Forwarded-Proto": "https"}
        self.lists, self.windows = list_paths(self.rng), bbox_paths(self.rng)
        self.uploads_sent = 0
        self.tally = ClientTally()

    def next_request(self, kind: str) -> tuple[str, str, dict[str, str], bytes | None]:
        json_answer = {**self.headers, "Accept": "application/json"}
        if kind == "list":
            return "GET", "/api/v1/events/" if self.rng.random() < 0.3 else next(self.lists), json_answer, None
        if kind == "detail":
            return "GET", f"/api/v1/events/{self.rng.choice(self.event_ids)}/", json_answer, None
        if kind == "geojson":
            path = f"{next(self.windows)}&{urlencode({'format': 'geojson'})}"
            return "GET", path, {**self.headers, "Accept": "application/geo+json"}, None
        self.uploads_sent += 1
        text, published = synthetic_report(self.rng, f"{self.run_id}-{self.number}-{self.uploads_sent}")
        body = json.dumps({"text": text, "published_at": published.isoformat()}).encode()
        return "POST", "/api/v1/articles/", {**json_answer, "Content-Type": "application/json"}, body

    def run(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.args.port, timeout=self.args.timeout)
        while time.monotonic() < self.stop_at and not self.stop_now.is_set():
            kind = self.rng.choices(REQUEST_KINDS, self.args.weights)[0]
            method, path, headers, body = self.next_request(kind)
            started = time.perf_counter()
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                status, answer = response.status, response.read()
            except (OSError, http.client.HTTPException) as error:
                status, answer = 0, repr(error).encode()
                connection.close()  # the next request opens a new connection
            self.tally.latencies[kind].append(time.perf_counter() - started)
            self.record(kind, method, path, status, answer)

    def record(self, kind: str, method: str, path: str, status: int, answer: bytes) -> None:
        if not 200 <= status < 300:
            self.tally.errors[kind, status] += 1
            if len(self.tally.error_samples) < 3:
                self.tally.error_samples.append(f"{method} {path[:100]} -> {status or 'no answer'}: {answer[:300]!r}")
        elif kind == "upload" and status == 201:
            self.tally.created_article_ids.append(json.loads(answer)["id"])
        elif kind == "upload":
            self.tally.existing_uploads += 1  # 200: that text was there already, which a distinct text never is


def run_load(args: argparse.Namespace, token: str, event_ids: list[int]) -> tuple[list[ClientTally], float]:
    stop_now = threading.Event()
    run_id = f"{time.time():.0f}"  # kept data: texts of an earlier run must not match this one's
    started = time.monotonic()
    clients = [
        LoadClient(number, args, token, event_ids, run_id, started + args.duration, stop_now)
        for number in range(args.clients)
    ]
    for client in clients:
        client.start()
    try:
        for client in clients:
            while client.is_alive():
                client.join(timeout=0.5)  # a short join keeps Ctrl-C deliverable to this thread
    finally:
        stop_now.set()
    return [client.tally for client in clients], time.monotonic() - started


def wait_for_parsing(article_ids: list[int], drain_seconds: float) -> tuple[Counter, float]:
    started = time.monotonic()
    while True:
        statuses = upload_statuses(article_ids)
        unfinished = sum(statuses[status] for status in UNFINISHED_STATUSES)
        if not unfinished or time.monotonic() - started > drain_seconds:
            return statuses, time.monotonic() - started
        time.sleep(1)


# ---------------------------------------------------------------- report


def print_figures(args: argparse.Namespace, tallies: list[ClientTally], elapsed: float) -> int:
    print(
        f"\n{args.clients} clients for {args.duration:.0f} s; gunicorn {args.web_workers} workers, "
        f"Celery {args.worker_concurrency} processes; mix {args.mix} (list,detail,geojson,upload)"
    )
    print(f"{'kind':<8} {'count':>7} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    errors = Counter()
    for tally in tallies:
        errors.update(tally.errors)
    total = 0
    for kind in REQUEST_KINDS:
        latencies = [seconds * 1000 for tally in tallies for seconds in tally.latencies[kind]]
        total += len(latencies)
        failed = sum(count for (failed_kind, _), count in errors.items() if failed_kind == kind)
        if latencies:
            print(
                f"{kind:<8} {len(latencies):>7} {failed:>7} {statistics.median(latencies):>8.0f} "
                f"{percentile(latencies, 0.95):>8.0f} {max(latencies):>8.0f}"
            )
        else:
            print(f"{kind:<8} {0:>7} {0:>7}")
    print(f"all      {total:>7} {sum(errors.values()):>7}   {total / elapsed:.1f} requests/s over {elapsed:.1f} s")
    if errors:
        print(
            "errors by kind and status (0: no answer): "
            + ", ".join(f"{kind} {status}: {count}" for (kind, status), count in sorted(errors.items()))
        )
        for sample in [sample for tally in tallies for sample in tally.error_samples][:5]:
            print(f"  {sample}")
    return sum(errors.values())


def print_parsing(created: list[int], existing: int, at_load_end: Counter, drained: Counter, waited: float) -> int:
    def described(statuses: Counter) -> str:
        return ", ".join(f"{status} {count}" for status, count in statuses.most_common()) or "none"

    print(f"\nuploads: {len(created)} created" + (f", {existing} answered as existing texts" if existing else ""))
    print(f"  at the end of the load: {described(at_load_end)}")
    print(f"  after {waited:.0f} s more: {described(drained)}")
    return len(created) - drained["parsed"] + existing


def main() -> int:
    args = parse_args()
    os.environ["ENV_FILE"] = ""  # a developer's .env (DEBUG=1 …) must not reach this process's settings
    if args.fresh:
        drop_database(args.pg, args.database)
    database_url = ensure_database(args.pg, args.database)
    redis_url = f"redis://127.0.0.1:6379/{args.redis_db}"
    setup_django(database_url)
    prepare_database(args)
    token, event_ids = bench_token(), detail_ids()
    empty_redis_database(redis_url)
    log_dir = Path(tempfile.mkdtemp(prefix="ct-load-"))
    servers = ServerProcesses(production_environment(database_url, redis_url, log_dir / "media"), log_dir)
    problems = 0
    # SIGTERM ends the script as Ctrl-C does, through the finally below that stops the servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        start_servers(servers, args)
        tallies, elapsed = run_load(args, token, event_ids)
        created = [article_id for tally in tallies for article_id in tally.created_article_ids]
        at_load_end = upload_statuses(created)
        drained, waited = wait_for_parsing(created, args.drain)
        problems += print_figures(args, tallies, elapsed)
        existing = sum(tally.existing_uploads for tally in tallies)
        problems += print_parsing(created, existing, at_load_end, drained, waited)
        for name, code in servers.exited().items():
            print(f"\n{name} exited with {code} during the run:\n{servers.log_tail(name)}")
            problems += 1
    except KeyboardInterrupt:
        print("\ninterrupted; stopping gunicorn and Celery")
        problems += 1
    finally:
        servers.stop_all()
    if problems:
        print(f"\nFAILED: see the logs in {log_dir}")
        return 1
    print("\nok: every request answered 2xx and every upload ended parsed")
    if args.keep_logs:
        print(f"logs: {log_dir}")
    else:
        shutil.rmtree(log_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
