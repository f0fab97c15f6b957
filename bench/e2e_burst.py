"""End to end: a burst of uploads through gunicorn and a real Celery worker, on PostgreSQL and Redis.

    python bench/e2e_burst.py --uploads 300                   # the issue's burst (target >= 100 articles/s)
    python bench/e2e_burst.py --idle                          # one upload at a time (target p95 < 1 s)
    python bench/e2e_burst.py [--corpus DIR ...] [--worker-concurrency 2] [--clients 4] [--database ct_burst]
    python bench/e2e_burst.py --batch-size 1                  # the worker's PARSE_BATCH_SIZE (1: one article per task)

Not a timed test. It starts, as bench/load.py does (its helpers, its production settings), gunicorn, a Celery
worker of --worker-concurrency processes and beat on a PostgreSQL database of its own (ct_burst: migrated, the full
gazetteer and actor dictionary; the articles and events of an earlier run are deleted first, so every run starts
with 0 stored events) and Redis database --redis-db (11; emptied, no other number is touched). After a few warm-up
uploads (each worker process loads its dictionaries once), it sends --uploads distinct reports
(POST /api/v1/articles/ {"text", "published_at"}) as fast as --clients threads can, each on its own keep-alive
connection, waits until every one has left queued/parsing, and prints

    drain time      the first upload's uploaded_at to the last parsed_at (the database's own timestamps)
    articles/s      parsed articles / drain time
    latency         upload -> parsed (parsed_at - uploaded_at) p50 / p95 / max
    statuses        the count of each final status
    CPU             ms of CPU per parsed article spent by each kind of process during the burst (gunicorn, the
                    Celery worker's processes, beat, PostgreSQL's, Redis, this script): where the two cores went

--idle sends --uploads (default 30 there) one at a time, each after the previous one is parsed and a --pause, and
prints the upload -> parsed p50 / p95. Reports are load.py's synthetic_report (about 170 words, 8 African theatres)
or, with --corpus DIR (may repeat), the real .txt reports of those folders cycled, each with a line of its own
appended so that every upload is a new article (dates from the folder's gold.json / expected.json when given).
Exit status 1 when an upload failed, any article did not end parsed, or a server process died.
"""

import argparse
import datetime
import http.client
import json
import os
import random
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from api_latency import bench_token, ensure_database, percentile, setup_django
from load import (
    UNFINISHED_STATUSES,
    ServerProcesses,
    empty_redis_database,
    prepare_database,
    production_environment,
    start_servers,
    synthetic_report,
)

BURST_TARGET = 100  # articles/s with 2 worker processes (issue 15)
IDLE_P95_TARGET = 1.0  # seconds, upload -> parsed when idle
# Tables of uploads and what parsing made of them: emptied before each run (TRUNCATE … CASCADE reaches no other).
RUN_TABLES = [
    "events_claim",
    "events_eventactor",
    "events_eventreport",
    "events_reviewlog",
    "events_event",
    "sources_article",
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--uploads", type=int, help="reports to send (default 300; 30 with --idle)")
    parser.add_argument("--idle", action="store_true", help="one upload at a time, each once the last is parsed")
    parser.add_argument("--pause", type=float, default=0.5, help="--idle: seconds between a parse and the next upload")
    parser.add_argument("--corpus", action="append", default=[], help="a folder of real .txt reports (may repeat)")
    parser.add_argument("--clients", type=int, default=4, help="threads sending the burst, one connection each")
    parser.add_argument("--warmup", type=int, help="uploads parsed before the figures (default 2 per worker process)")
    parser.add_argument("--drain", type=float, default=600, help="seconds to wait for the uploads to be parsed")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432", help="PostgreSQL server, no database")
    parser.add_argument("--database", default="ct_burst")
    parser.add_argument("--redis-db", type=int, default=11, help="the Redis database number it may empty and use")
    parser.add_argument("--web-workers", type=int, default=3)
    parser.add_argument("--worker-concurrency", type=int, default=2)
    parser.add_argument("--batch-size", type=int, help="the worker's PARSE_BATCH_SIZE (default: the setting's own)")
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--keep-logs", action="store_true", help="keep the processes' logs when all went well too")
    args = parser.parse_args()
    if args.uploads is None:
        args.uploads = 30 if args.idle else 300
    if args.warmup is None:
        args.warmup = 2 * args.worker_concurrency
    if args.uploads < 1 or args.clients < 1:
        parser.error("--uploads and --clients take a positive number")
    return args


# ---------------------------------------------------------------- reports


def corpus_reports(directories: list[str]) -> list[tuple[str, datetime.date | None]]:
    """(text, published date) of every .txt report in the folders, in name order; the date is the one the folder's
    gold.json or expected.json gives under "articles" (as an analyst enters it at upload), else none."""
    reports = []
    for directory in directories:
        folder = Path(directory)
        dates: dict[str, datetime.date] = {}
        for listing in (folder / "gold.json", folder / "expected.json"):
            articles = json.loads(listing.read_text()).get("articles", {}) if listing.exists() else {}
            for name, fields in articles.items() if isinstance(articles, dict) else ():
                if isinstance(fields, dict) and fields.get("published_at"):
                    dates.setdefault(name, datetime.date.fromisoformat(fields["published_at"]))
        files = sorted(folder.glob("*.txt"))
        if not files:
            raise SystemExit(f"no .txt report in {folder}")
        reports += [(file.read_text(), dates.get(file.name)) for file in files]
    return reports


def cycled_reports(
    reports: list[tuple[str, datetime.date | None]], count: int, tag: str
) -> tuple[list[str], list[datetime.date | None]]:
    """``count`` articles from the reports, cycled, each with a reference line of its own: every one is new."""
    chosen = [reports[index % len(reports)] for index in range(count)]
    return [f"{text.rstrip()}\n\nRef {tag}-{index}." for index, (text, _) in enumerate(chosen)], [d for _, d in chosen]


def upload_bodies(args: argparse.Namespace, count: int, tag: str) -> list[bytes]:
    """The JSON bodies of ``count`` distinct uploads, made before any is sent."""
    if args.corpus:
        texts, dates = cycled_reports(corpus_reports(args.corpus), count, tag)
        reports = list(zip(texts, dates, strict=True))
    else:
        rng = random.Random(args.seed)
        reports = [synthetic_report(rng, f"{tag}-{index}") for index in range(count)]
    bodies = []
    for text, published in reports:
        body = {"text": text} | ({"published_at": published.isoformat()} if published else {})
        bodies.append(json.dumps(body).encode())
    return bodies


# ---------------------------------------------------------------- uploads


class Uploader:
    """One keep-alive connection to gunicorn; remembers the ids created and the answers that were not 201."""

    def __init__(self, port: int, token: str):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.headers = {
            "Authorization": f"Token {token}",
            "X-Forwarded-Proto": "https",
            "Accept": "application/json",
            "Content-Type": "application/json",
        }
        self.created: list[int] = []
        self.errors: list[str] = []

    def send(self, body: bytes) -> int | None:
        try:
            self.connection.request("POST", "/api/v1/articles/", body=body, headers=self.headers)
            response = self.connection.getresponse()
            status, answer = response.status, response.read()
        except (OSError, http.client.HTTPException) as error:
            status, answer = 0, repr(error).encode()
            self.connection.close()
        if status != 201:  # 200 would be an existing text, which a distinct one never is
            self.errors.append(f"POST /api/v1/articles/ -> {status or 'no answer'}: {answer[:300]!r}")
            return None
        self.created.append(json.loads(answer)["id"])
        return self.created[-1]


def send_burst(port: int, token: str, bodies: list[bytes], clients: int) -> tuple[list[Uploader], float]:
    """Every body sent by ``clients`` threads at once, as fast as they go; the seconds it took."""
    uploaders = [Uploader(port, token) for _ in range(clients)]
    threads = [
        threading.Thread(
            target=lambda u=uploader, share=bodies[number::clients]: [u.send(b) for b in share], daemon=True
        )
        for number, uploader in enumerate(uploaders)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        while thread.is_alive():
            thread.join(timeout=0.5)  # a short join keeps Ctrl-C deliverable to this thread
    return uploaders, time.monotonic() - started


def article_rows(article_ids: list[int]) -> list[tuple[int, str, datetime.datetime, datetime.datetime | None]]:
    from sources.models import Article

    return list(Article.objects.filter(id__in=article_ids).values_list("id", "status", "uploaded_at", "parsed_at"))


def wait_until_done(article_ids: list[int], seconds: float, poll: float = 0.5) -> bool:
    """True once no article is queued or parsing; False when ``seconds`` passed first."""
    from sources.models import Article

    deadline = time.monotonic() + seconds
    while Article.objects.filter(id__in=article_ids, status__in=UNFINISHED_STATUSES).exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(poll)
    return True


# ---------------------------------------------------------------- CPU


def _process_stats() -> list[tuple[int, int, str, int, int]]:
    """(pid, parent pid, command, session id, CPU ticks of the process and its reaped children) of every process;
    Linux only."""
    stats = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:  # it exited meanwhile
            continue
        command, rest = raw[raw.index("(") + 1 : raw.rindex(")")], raw[raw.rindex(")") + 2 :].split()
        # Fields after the command: state ppid pgrp session ... utime(12) stime cutime cstime.
        stats.append((int(entry.name), int(rest[1]), command, int(rest[3]), sum(int(value) for value in rest[11:15])))
    return stats


def cpu_by_kind(servers: ServerProcesses) -> dict[str, float]:
    """CPU seconds so far of each kind of process: the servers by their session (each was started in one of its
    own; a server's own process apart from its children: gunicorn's arbiter and workers, Celery's consumer and
    pool), PostgreSQL's and Redis's by command name, this script by its pid."""
    sessions = {process.pid: name for name, process in servers.running.items()}
    ticks: Counter[str] = Counter()
    for pid, parent, command, session, used in _process_stats():
        if session in sessions:
            ticks[sessions[session] + (" children" if parent == session else "")] += used
        elif command.startswith("postgres"):
            ticks["postgres"] += used
        elif command.startswith("redis-server"):
            ticks["redis"] += used
        elif pid == os.getpid():
            ticks["this script"] += used
    per_second = os.sysconf("SC_CLK_TCK")
    return {kind: value / per_second for kind, value in ticks.items()}


def print_cpu(before: dict[str, float], after: dict[str, float], parsed: int, drain: float) -> None:
    used = {kind: after.get(kind, 0.0) - before.get(kind, 0.0) for kind in after}
    total = sum(used.values())
    described = ", ".join(
        f"{kind} {seconds * 1000 / parsed:.1f}" for kind, seconds in sorted(used.items(), key=lambda item: -item[1])
    )
    print(f"CPU per parsed article (ms): {described}; all {total * 1000 / parsed:.1f}")
    print(f"CPU busy: {total:.1f} s of {drain * (os.cpu_count() or 1):.1f} s ({os.cpu_count()} cores x drain time)")


# ---------------------------------------------------------------- figures


def latencies(rows) -> list[float]:
    return [(parsed - uploaded).total_seconds() for _, status, uploaded, parsed in rows if status == "parsed"]


def print_statuses(rows, sent: int, errors: list[str]) -> int:
    """The final statuses; the number of uploads that did not end parsed."""
    statuses = Counter(status for _, status, _, _ in rows)
    described = ", ".join(f"{status} {count}" for status, count in statuses.most_common()) or "none"
    print(f"statuses: {described}" + (f"; {len(errors)} uploads refused or unanswered" if errors else ""))
    for sample in errors[:5]:
        print(f"  {sample}")
    return sent - statuses["parsed"]


def print_burst(
    args: argparse.Namespace, rows, sent: int, send_seconds: float, errors: list[str], cpu: tuple[dict, dict]
) -> int:
    parsed = [row for row in rows if row[1] == "parsed" and row[3]]
    waits = latencies(rows)
    print(
        f"\nburst: {sent} uploads ({'corpus ' + ', '.join(args.corpus) if args.corpus else 'synthetic reports'}) "
        f"from {args.clients} clients in {send_seconds:.1f} s ({sent / send_seconds:.0f} uploads/s); "
        f"gunicorn {args.web_workers} workers, Celery {args.worker_concurrency} processes"
        + (f", PARSE_BATCH_SIZE {args.batch_size}" if args.batch_size is not None else "")
    )
    if parsed:
        first_upload = min(uploaded for _, _, uploaded, _ in rows)
        drain = (max(parsed_at for *_, parsed_at in parsed) - first_upload).total_seconds()
        rate = len(parsed) / drain
        verdict = "ok" if rate >= BURST_TARGET else "MISSED"
        print(f"drain time (first upload -> last parsed): {drain:.1f} s")
        print(f"articles/s: {rate:.1f}   target >= {BURST_TARGET}/s with 2 worker processes: {verdict}")
        print(
            f"upload -> parsed: p50 {statistics.median(waits):.2f} s, p95 {percentile(waits, 0.95):.2f} s, "
            f"max {max(waits):.2f} s"
        )
        print_cpu(*cpu, parsed=len(parsed), drain=drain)
    return print_statuses(rows, sent, errors)


def print_idle(args: argparse.Namespace, rows, sent: int, errors: list[str]) -> int:
    waits = latencies(rows)
    print(
        f"\nidle: {sent} uploads one at a time, {args.pause:g} s after each parse; "
        f"Celery {args.worker_concurrency} processes"
    )
    if waits:
        p95 = percentile(waits, 0.95)
        print(
            f"upload -> parsed: p50 {statistics.median(waits) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
            f"max {max(waits) * 1000:.0f} ms   target p95 < {IDLE_P95_TARGET:g} s: "
            f"{'ok' if p95 < IDLE_P95_TARGET else 'MISSED'}"
        )
    return print_statuses(rows, sent, errors)


# ---------------------------------------------------------------- run


def prepare(args: argparse.Namespace) -> None:
    """Migrated, gazetteer and actors loaded (kept), no article or event left from an earlier run, analysed."""
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(RUN_TABLES)} RESTART IDENTITY CASCADE")
    prepare_database(argparse.Namespace(events=0, reload=False, seed=args.seed, database=args.database))


def run(args: argparse.Namespace, token: str, run_id: str, servers: ServerProcesses) -> int:
    """Warm up, send the uploads, wait; the number of problems."""
    warmup = Uploader(args.port, token)
    for body in upload_bodies(args, args.warmup, f"{run_id}-warmup"):
        warmup.send(body)
    if warmup.errors or not wait_until_done(warmup.created, args.drain):
        print("the warm-up uploads did not all end parsed:", *warmup.errors[:3], sep="\n  ")
        return 1
    bodies = upload_bodies(args, args.uploads, run_id)
    if args.idle:
        uploader = Uploader(args.port, token)
        for body in bodies:
            article_id = uploader.send(body)
            if article_id is not None and not wait_until_done([article_id], args.drain, poll=0.01):
                break
            time.sleep(args.pause)
        return print_idle(args, article_rows(uploader.created), len(bodies), uploader.errors)
    cpu_before = cpu_by_kind(servers)
    uploaders, send_seconds = send_burst(args.port, token, bodies, args.clients)
    created = [article_id for uploader in uploaders for article_id in uploader.created]
    if not wait_until_done(created, args.drain, poll=0.05):
        print(f"\nsome uploads were still queued or parsing {args.drain:.0f} s after the burst")
    cpu = (cpu_before, cpu_by_kind(servers))
    errors = [error for uploader in uploaders for error in uploader.errors]
    return print_burst(args, article_rows(created), len(bodies), send_seconds, errors, cpu)


def servers_died(servers: ServerProcesses) -> int:
    """How many of the server processes exited during the run, each printed with the end of its log."""
    for name, code in servers.exited().items():
        print(f"\n{name} exited with {code} during the run:\n{servers.log_tail(name)}")
    return len(servers.exited())


def verdict(problems: int, log_dir: Path, keep_logs: bool) -> int:
    """The exit status; the logs are kept when something failed (or when asked)."""
    if problems:
        print(f"\nFAILED: {problems} problems; see the logs in {log_dir}")
        return 1
    print("\nok: every upload ended parsed" + (f"; logs: {log_dir}" if keep_logs else ""))
    if not keep_logs:
        shutil.rmtree(log_dir, ignore_errors=True)
    return 0


def main() -> int:
    args = parse_args()
    os.environ["ENV_FILE"] = ""  # a developer's .env (DEBUG=1 …) must not reach this process's settings
    database_url, redis_url = ensure_database(args.pg, args.database), f"redis://127.0.0.1:6379/{args.redis_db}"
    setup_django(database_url)
    prepare(args)
    token = bench_token()
    empty_redis_database(redis_url)
    log_dir = Path(tempfile.mkdtemp(prefix="ct-burst-"))
    environment = production_environment(database_url, redis_url, log_dir / "media")
    if args.batch_size is not None:
        environment["PARSE_BATCH_SIZE"] = str(args.batch_size)
    servers = ServerProcesses(environment, log_dir)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # through the finally below that stops the servers
    try:
        start_servers(servers, args)
        problems = run(args, token, f"{time.time():.0f}", servers) + servers_died(servers)
    except KeyboardInterrupt:
        print("\ninterrupted; stopping gunicorn and Celery")
        problems = 1
    finally:
        servers.stop_all()
    return verdict(problems, log_dir, args.keep_logs)


if __name__ == "__main__":
    sys.exit(main())
