"""API latency on PostgreSQL with a million events, measured over loopback HTTP against gunicorn.

    python bench/api_latency.py [--events 1000000] [--requests 200] [--no-extra-indexes] [--reload]

Creates (once) its own database, ct_bench, on the local PostgreSQL server (--pg, default
postgres://postgres@127.0.0.1:5432), migrates it, and fills it with COPY: N events with 3 claims,
2–3 actors and 1–2 reports each, N articles, 300 actors, 20,000 places. Data is kept between
runs (reloaded when --events changes, or with --reload). It then creates the indexes this
benchmark proposes for Event.Meta.indexes (see PROPOSED_INDEXES; --no-extra-indexes drops them
to measure without), starts gunicorn on 127.0.0.1 in a subprocess, and times, with a reviewer's
token over one keep-alive connection:

    list      GET /api/v1/events/?page_size=100&country=..&date_from=..&date_to=..   target p95 <= 100 ms
    list+1    the same list's next page (cursor)                                         target p95 <= 100 ms
    bbox      GET /api/v1/events/?page_size=100&bbox=..  (2°×2° around a hot spot)       target p95 <= 150 ms
    sync      GET /api/v1/events/?page_size=100&ordering=updated_at&updated_since=..     target p95 <= 100 ms
    csv       GET /api/v1/events/?format=csv, every row, streamed                        target >= 20,000 rows/s

and prints p50/p95/max per scenario. --explain also prints PostgreSQL's plans for the list queries.
Requests are bounded (--requests per scenario) and only go to 127.0.0.1.
"""

import argparse
import datetime
import hashlib
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Indexes this benchmark proposes for events.models.Event.Meta.indexes (name -> columns), created here
# with the names Django would use for models.Index(fields=[...], name=NAME).
PROPOSED_INDEXES = {
    # Keyset pages compare (field, id) > (value, last id) as one row value (events.api.pagination); an index
    # ending in (field, id) answers that with a range scan. With the single-column updated_at index, a sync
    # page inside 200,000 events sharing one updated_at (a bulk update) took 163 ms; with this one 0.2 ms.
    "event_updated_at_id": ["updated_at", "id"],
    # the deleted feed, ordered by (status_changed_at, id).
    "event_status_changed_at_id": ["status_changed_at", "id"],
    # country + date lists ordered by (start_date, id): replaces Index(fields=["country", "start_date"]).
    "event_country_start_id": ["country", "start_date", "id"],
}

DROPPED_INDEXES = "bench_dropped_indexes"  # the secondary indexes a load dropped, until it has rebuilt them

COUNTRIES = [  # code, name, centroid, weight
    ("UA", 49.0, 32.0, 18),
    ("SD", 15.5, 30.0, 10),
    ("MM", 21.0, 96.0, 9),
    ("SY", 35.0, 38.5, 9),
    ("ML", 17.0, -2.0, 6),
    ("BF", 12.3, -1.6, 6),
    ("CD", -2.5, 28.0, 6),
    ("NG", 10.0, 8.0, 6),
    ("SO", 5.0, 46.0, 5),
    ("YE", 15.5, 47.5, 5),
    ("ET", 9.0, 39.5, 4),
    ("AF", 34.0, 66.0, 3),
    ("IQ", 33.0, 43.5, 3),
    ("LY", 27.0, 17.0, 2),
    ("NE", 16.0, 8.0, 2),
    ("CM", 6.0, 12.5, 2),
    ("CF", 6.6, 20.9, 1),
    ("HT", 19.0, -72.5, 1),
    ("MZ", -13.0, 39.0, 1),
    ("PS", 31.5, 34.45, 1),
]
EVENT_TYPES = [
    ("Battles", "Armed clash", 30),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 20),
    ("Explosions/Remote violence", "Air/drone strike", 15),
    ("Violence against civilians", "Attack", 15),
    ("Protests", "Peaceful protest", 10),
    ("Riots", "Violent demonstration", 5),
    ("Strategic developments", "Arrests", 5),
]
KINDS = ["killed", "wounded", "captured", "missing", "displaced", "destroyed", "other"]
QUALIFIERS = ["exact", "at_least", "approximately", "up_to", "vague"]
FIRST_DAY = datetime.date(2015, 1, 1)
DAYS = 3950
NOW = datetime.datetime(2025, 11, 1, tzinfo=datetime.UTC)
NOTE = (
    "Clashes were reported between {a} and {b} near {place}; {n} people were reported killed according to local "
    "sources."
)
QUOTE = "{n} fighters were killed in the attack on {place}, a spokesman for {a} said on {day}."


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--claims-per-event", type=int, default=3)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per scenario (after 10 warm-up ones)")
    parser.add_argument(
        "--pg", default="postgres://postgres@127.0.0.1:5432", help="PostgreSQL server URL, without a database"
    )
    parser.add_argument("--database", default="ct_bench")
    parser.add_argument("--reload", action="store_true", help="regenerate the data even if it is there")
    parser.add_argument("--no-extra-indexes", action="store_true", help="drop PROPOSED_INDEXES before measuring")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--skip-csv", action="store_true")
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of the list queries")
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


# ---------------------------------------------------------------- database


def ensure_database(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(f"{server.rstrip('/')}/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")
    return f"{server.rstrip('/')}/{name}"


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conflict_tracker.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    import django

    django.setup()


def table_rows(table: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")
        return cursor.fetchone()[0]


def column_default(field):
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return NOW
    value = field.get_default()
    return json.dumps(value) if field.get_internal_type() == "JSONField" else value


def copy_rows(table: str, columns: list[str], rows) -> int:
    from django.apps import apps
    from django.db import connection

    # Columns added to a model since these rows were written take that field's default: the loader keeps up.
    model = next(model for model in apps.get_models() if model._meta.db_table == table)
    unnamed = [field for field in model._meta.concrete_fields if field.column not in columns and not field.null]
    defaults = tuple(column_default(field) for field in unnamed)
    columns = [*columns, *(field.column for field in unnamed)]
    count = 0
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row((*row, *defaults))
            count += 1
    return count


def secondary_indexes(tables: list[str]) -> list[tuple[str, str]]:
    """(name, definition) of each index not backing a constraint: dropped during COPY, rebuilt after."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename = ANY(%s)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            """,
            [tables],
        )
        return cursor.fetchall()


def load(args: argparse.Namespace) -> None:
    from django.db import connection

    rng = random.Random(args.seed)
    tables = [
        "events_claim",
        "events_eventactor",
        "events_eventreport",
        "events_reviewlog",
        "events_event",
        "sources_article",
        "sources_publisher",
        "events_actoralias",
        "events_actor",
        "events_placename",
        "events_place",
    ]
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
        # The definitions are kept in the database before the indexes go: a run killed mid-load (not only one
        # that raised) leaves them there, and the next run rebuilds them (restore_indexes) before anything else.
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {DROPPED_INDEXES} (name text PRIMARY KEY, definition text)")
        for name, definition in secondary_indexes(tables):
            cursor.execute(f"INSERT INTO {DROPPED_INDEXES} VALUES (%s, %s) ON CONFLICT DO NOTHING", [name, definition])
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
        cursor.execute("SET session_replication_role = replica")  # no FK triggers while loading consistent ids
    try:
        fill(args, rng, started)
    finally:
        # Whatever happened to the load, the database gets its indexes and its foreign-key triggers back.
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = DEFAULT")
            for table in tables:
                last = f"(SELECT coalesce(max(id), 1) FROM {table})"
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {last})")
        restore_indexes()
        print(f"  indexes rebuilt: {time.perf_counter() - started:.0f} s")


def fill(args: argparse.Namespace, rng: random.Random, started: float) -> None:
    n = args.events
    weights = [weight for *_, weight in COUNTRIES]
    publishers = 40
    copy_rows(
        "sources_publisher",
        ["id", "name", "domain"],
        ((i, f"Bench Wire {i}", f"wire{i}.example") for i in range(1, publishers + 1)),
    )

    actors, actor_country = [], {}
    for code, *_ in COUNTRIES:
        actors.append((len(actors) + 1, f"Military Forces of {code}", "state_forces", code))
        actors.append((len(actors) + 1, f"Police Forces of {code}", "state_forces", code))
    kinds = [
        "rebel_group",
        "political_militia",
        "identity_militia",
        "rioters",
        "protesters",
        "civilians",
        "external_forces",
    ]
    while len(actors) < 300:
        code = rng.choices(COUNTRIES, weights)[0][0]
        actors.append((len(actors) + 1, f"Armed Group {len(actors) + 1} ({code})", rng.choice(kinds), code))
    for actor_id, _, _, code in actors:
        actor_country.setdefault(code, []).append(actor_id)
    now = NOW
    copy_rows(
        "events_actor",
        ["id", "name", "kind", "country", "needs_review", "created_at"],
        ((*a, False, now) for a in actors),
    )
    copy_rows(
        "events_actoralias",
        ["id", "actor_id", "alias", "normalized"],
        ((a[0], a[0], a[1], a[1].lower()) for a in actors),
    )

    places = []
    for number in range(1, 20_001):
        code, lat, lon, _ = rng.choices(COUNTRIES, weights)[0]
        places.append(
            (number, code, max(-89.9, min(89.9, lat + rng.gauss(0, 2))), max(-179.9, min(179.9, lon + rng.gauss(0, 2))))
        )
    copy_rows(
        "events_place",
        [
            "id",
            "gazetteer_key",
            "geonames_id",
            "name",
            "ascii_name",
            "country",
            "admin1_code",
            "admin1_name",
            "latitude",
            "longitude",
            "feature_class",
            "feature_code",
            "population",
        ],
        (
            (
                pid,
                f"geonames:{10_000_000 + pid}",
                10_000_000 + pid,
                f"Town {pid}",
                f"Town {pid}",
                code,
                str(pid % 12),
                f"Region {pid % 12}",
                lat,
                lon,
                "P",
                "PPL",
                rng.randint(500, 500_000),
            )
            for pid, code, lat, lon in places
        ),
    )
    places_by_country: dict[str, list[tuple]] = {}
    for place in places:
        places_by_country.setdefault(place[1], []).append(place)
    print(f"  dictionaries: {time.perf_counter() - started:.0f} s")

    def articles():
        for article_id in range(1, n + 1):
            text = f"Bench article {article_id}. " + NOTE.format(
                a="the army", b="rebels", place=f"Town {article_id % 20000}", n=article_id % 40
            )
            day = FIRST_DAY + datetime.timedelta(days=(article_id * 7919) % DAYS)
            yield (
                article_id,
                f"Report {article_id}",
                rng.randint(1, publishers),
                "",
                day,
                "en",
                text,
                "",
                "text/plain",
                hashlib.sha256(text.encode()).hexdigest(),
                None,
                now,
                "parsed",
                "",
                None,
                now,
                "1.0.0",
                "[]",
            )

    copy_rows(
        "sources_article",
        [
            "id",
            "title",
            "publisher_id",
            "url",
            "published_at",
            "language",
            "text",
            "original_file",
            "original_content_type",
            "content_hash",
            "uploaded_by_id",
            "uploaded_at",
            "status",
            "error",
            "parsing_started_at",
            "parsed_at",
            "parser_version",
            "spans",
        ],
        articles(),
    )
    print(f"  articles: {time.perf_counter() - started:.0f} s")

    plan = []  # per event: (country, place, actors) kept for the dependent tables
    type_weights = [w for *_, w in EVENT_TYPES]

    def events():
        for event_id in range(1, n + 1):
            code, clat, clon, _ = rng.choices(COUNTRIES, weights)[0]
            place = rng.choice(places_by_country[code]) if rng.random() < 0.7 else None
            event_type, sub, _ = rng.choices(EVENT_TYPES, type_weights)[0]
            start = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
            roll = rng.random()
            status = "approved" if roll < 0.7 else "draft" if roll < 0.9 else "rejected" if roll < 0.95 else "merged"
            merged_into = rng.randint(1, event_id - 1) if status == "merged" and event_id > 1 else None
            if status == "merged" and merged_into is None:
                status = "approved"
            if place:
                lat, lon, geo = place[2], place[3], 1
            elif rng.random() < 0.9:
                lat, lon, geo = (
                    max(-90, min(90, clat + rng.gauss(0, 2.5))),
                    max(-180, min(180, clon + rng.gauss(0, 2.5))),
                    2,
                )
            else:
                lat = lon = None
                geo = 3
            created = datetime.datetime.combine(start, datetime.time(), datetime.UTC) + datetime.timedelta(
                hours=rng.randint(6, 96)
            )
            updated = created + datetime.timedelta(seconds=rng.randint(0, 86400), microseconds=rng.randrange(1_000_000))
            if rng.random() < 0.05:  # recently touched: what an incremental sync picks up
                updated = NOW - datetime.timedelta(
                    seconds=rng.randint(0, 30 * 86400), microseconds=rng.randrange(1_000_000)
                )
            low = rng.randint(0, 30)
            side_a = rng.choice(actor_country[code][:2])
            side_b = rng.choice(actor_country[code][2:] or [a[0] for a in actors[40:]])
            chosen = [(side_a, "side_a"), (side_b, "side_b")]
            if rng.random() < 0.3:
                extra = rng.randint(41, len(actors))
                if extra not in (side_a, side_b):
                    chosen.append((extra, "associated"))
            plan.append(chosen)
            yield (
                event_id,
                status,
                merged_into,
                event_type,
                sub,
                start,
                start + datetime.timedelta(days=rng.choice([0, 0, 0, 1, 2])),
                "day",
                place[0] if place else None,
                lat,
                lon,
                geo,
                code,
                f"Region {rng.randint(0, 11)}",
                "" if place else f"Village {rng.randint(1, 5000)}",
                NOTE.format(a=f"actor {side_a}", b=f"actor {side_b}", place=place[0] if place else "a village", n=low),
                low,
                low,
                low + rng.randint(0, 20),
                False,
                False,
                1,
                created,
                updated,
                updated if status != "draft" else None,
                None,
                None,
            )

    event_columns = [
        "id",
        "status",
        "merged_into_id",
        "event_type",
        "sub_event_type",
        "start_date",
        "end_date",
        "date_precision",
        "place_id",
        "latitude",
        "longitude",
        "geo_precision",
        "country",
        "admin1",
        "location_name",
        "notes",
        "fatalities_low",
        "fatalities_best",
        "fatalities_high",
        "fatalities_best_chosen",
        "flagged_for_review",
        "version",
        "created_at",
        "updated_at",
        "status_changed_at",
        "reviewed_by_id",
        "reviewed_at",
    ]
    copy_rows("events_event", event_columns, events())
    print(f"  events: {time.perf_counter() - started:.0f} s")

    def event_actors():
        row_id = 0
        for event_id, chosen in enumerate(plan, start=1):
            for actor_id, role in chosen:
                row_id += 1
                yield (row_id, event_id, actor_id, role)

    copy_rows("events_eventactor", ["id", "event_id", "actor_id", "role"], event_actors())

    second_report = {}

    def reports():
        row_id = 0
        for event_id in range(1, n + 1):
            row_id += 1
            yield (row_id, event_id, event_id, "{}", "{}", now)
            if rng.random() < 0.3 and n > 1:
                other = rng.randint(1, n)
                if other != event_id:
                    second_report[event_id] = other
                    row_id += 1
                    yield (row_id, event_id, other, "{}", "{}", now)

    copy_rows("events_eventreport", ["id", "event_id", "article_id", "match_reason", "parsed", "created_at"], reports())
    print(f"  actors and reports: {time.perf_counter() - started:.0f} s")

    def claims():
        row_id = 0
        for event_id, chosen in enumerate(plan, start=1):
            for number in range(args.claims_per_event):
                row_id += 1
                article = second_report.get(event_id, event_id) if number == 2 else event_id
                claimant = chosen[number % len(chosen)][0]
                subject = chosen[(number + 1) % len(chosen)][0]
                count = rng.randint(1, 60)
                quote = QUOTE.format(n=count, place=f"Town {event_id % 20000}", a=f"actor {claimant}", day="Sunday")
                yield (
                    row_id,
                    event_id,
                    article,
                    claimant,
                    "a spokesman",
                    rng.choice(KINDS),
                    subject,
                    "fighters",
                    count,
                    count + rng.choice([0, 0, 5]),
                    rng.choice(QUALIFIERS),
                    quote,
                    100 * number,
                    100 * number + len(quote),
                    0.9,
                    None,
                    now,
                    now,
                )

    copy_rows(
        "events_claim",
        [
            "id",
            "event_id",
            "article_id",
            "claimant_id",
            "claimant_text",
            "kind",
            "subject_id",
            "subject_text",
            "count_min",
            "count_max",
            "qualifier",
            "quote",
            "char_start",
            "char_end",
            "confidence",
            "created_by_id",
            "created_at",
            "updated_at",
        ],
        claims(),
    )
    print(f"  claims: {time.perf_counter() - started:.0f} s")


def restore_indexes() -> None:
    """Rebuild the indexes a load dropped (this run's, or a run that died before it could)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {DROPPED_INDEXES} (name text PRIMARY KEY, definition text)")
        cursor.execute(f"SELECT name, definition FROM {DROPPED_INDEXES}")
        dropped = cursor.fetchall()
        cursor.execute("SET maintenance_work_mem = '1GB'")
        for name, definition in dropped:
            cursor.execute(re.sub(r"^CREATE (UNIQUE )?INDEX ", r"CREATE \1INDEX IF NOT EXISTS ", definition))
            cursor.execute(f"DELETE FROM {DROPPED_INDEXES} WHERE name = %s", [name])


def apply_proposed_indexes(drop: bool) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for name, columns in PROPOSED_INDEXES.items():
            if drop:
                cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
            else:
                cursor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON events_event ({", ".join(columns)})')
        cursor.execute("VACUUM ANALYZE")


def bench_token() -> str:
    from django.contrib.auth.models import Group, User
    from rest_framework.authtoken.models import Token

    user, _ = User.objects.get_or_create(username="bench-reviewer")
    user.groups.add(Group.objects.get(name="reviewer"))
    return Token.objects.get_or_create(user=user)[0].key


# ---------------------------------------------------------------- server and client


def start_server(args: argparse.Namespace, database_url: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_MANIFEST": "0",
        "API_THROTTLE_RATE": "100000000/hour",
        "LOG_LEVEL": "WARNING",
        "DB_CONN_MAX_AGE": "600",
    }
    env.pop("REDIS_URL", None)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn)] if gunicorn.exists() else [sys.executable, "-m", "gunicorn"]
    command += [
        "conflict_tracker.wsgi:application",
        "--bind",
        f"127.0.0.1:{args.port}",
        "--workers",
        str(args.workers),
        "--timeout",
        "600",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=2)
            connection.request("GET", "/healthz/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"gunicorn did not answer on 127.0.0.1:{args.port}: {server.stderr.read().decode()[-2000:]}")


class Client:
    def __init__(self, port: int, token: str):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        self.headers = {"Authorization": f"Token {token}", "Accept": "application/json"}

    def get(self, path: str) -> tuple[float, int, bytes]:
        started = time.perf_counter()
        self.connection.request("GET", path, headers=self.headers)
        response = self.connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - started
        if response.status != 200:
            raise SystemExit(f"GET {path} answered {response.status}: {body[:500]!r}")
        return elapsed, response.status, body


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run_scenario(client: Client, name: str, paths, count: int) -> dict:
    for path in [next(paths) for _ in range(10)]:
        client.get(path)
    times, rows = [], []
    for _ in range(count):
        elapsed, _, body = client.get(next(paths))
        times.append(elapsed * 1000)
        rows.append(len(json.loads(body)["results"]))
    return {
        "name": name,
        "n": count,
        "p50": statistics.median(times),
        "p95": percentile(times, 0.95),
        "max": max(times),
        "rows": statistics.mean(rows),
    }


def list_paths(rng: random.Random, *, follow: Client | None = None):
    weights = [weight for *_, weight in COUNTRIES]
    while True:
        code = rng.choices(COUNTRIES, weights)[0][0]
        start = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS - 90))
        path = "/api/v1/events/?" + urlencode(
            {"page_size": 100, "country": code, "date_from": start, "date_to": start + datetime.timedelta(days=90)}
        )
        if follow is None:
            yield path
            continue
        for _ in range(100):  # a window with a second page (bounded: small data sets may have none)
            _, _, body = follow.get(path)
            next_url = json.loads(body)["next"]
            if next_url:
                parts = urlsplit(next_url)
                yield f"{parts.path}?{parts.query}"
                break
            code = rng.choices(COUNTRIES, weights)[0][0]
            path = "/api/v1/events/?" + urlencode(
                {
                    "page_size": 100,
                    "country": code,
                    "date_from": FIRST_DAY,
                    "date_to": FIRST_DAY + datetime.timedelta(days=DAYS),
                }
            )
        else:
            raise SystemExit("No list had a second page: load more --events.")


def bbox_paths(rng: random.Random):
    weights = [weight for *_, weight in COUNTRIES]
    while True:
        _, lat, lon, _ = rng.choices(COUNTRIES, weights)[0]
        lat, lon = lat + rng.uniform(-2, 2), lon + rng.uniform(-2, 2)
        yield "/api/v1/events/?" + urlencode(
            {"page_size": 100, "bbox": f"{lon - 1:.3f},{lat - 1:.3f},{lon + 1:.3f},{lat + 1:.3f}"}
        )


def sync_paths(rng: random.Random):
    while True:
        since = NOW - datetime.timedelta(seconds=rng.randint(3600, 30 * 86400))
        yield "/api/v1/events/?" + urlencode(
            {"page_size": 100, "ordering": "updated_at", "updated_since": since.isoformat().replace("+00:00", "Z")}
        )


def csv_export(port: int, token: str) -> tuple[int, float, int]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
    started = time.perf_counter()
    connection.request("GET", "/api/v1/events/?format=csv", headers={"Authorization": f"Token {token}"})
    response = connection.getresponse()
    lines, size = 0, 0
    while chunk := response.read(1 << 16):
        lines += chunk.count(b"\n")
        size += len(chunk)
    return lines - 1, time.perf_counter() - started, size  # less the header; notes hold no newlines here


def explain(rng: random.Random) -> None:
    from django.contrib.auth.models import User

    from events import selectors
    from events.api.pagination import order_by_keyset

    user = User.objects.get(username="bench-reviewer")
    start = FIRST_DAY + datetime.timedelta(days=2000)
    cases = {
        "list": selectors.EventFilters(country="UA", date_from=start, date_to=start + datetime.timedelta(days=90)),
        "bbox": selectors.EventFilters(bbox=(31.0, 48.0, 33.0, 50.0)),
        "sync": selectors.EventFilters(updated_since=NOW - datetime.timedelta(days=10)),
    }
    for name, filters in cases.items():
        ordering = "updated_at" if name == "sync" else "-start_date"
        queryset = order_by_keyset(selectors.event_queryset(user=user, filters=filters), ordering)[:101]
        print(f"\n--- {name}\n{queryset.explain(analyze=True, buffers=True)}")


def main() -> None:
    args = parse_args()
    database_url = ensure_database(args.pg, args.database)
    setup_django(database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    restore_indexes()  # a load that was killed left them dropped
    loaded = table_rows("events_event")
    if args.reload or loaded != args.events:
        print(
            f"loading {args.events:,} events, {args.events * args.claims_per_event:,} claims into {args.database} "
            f"(had {loaded:,}) …"
        )
        started = time.perf_counter()
        load(args)
        print(f"loaded in {time.perf_counter() - started:.0f} s")
    apply_proposed_indexes(drop=args.no_extra_indexes)
    token = bench_token()
    if args.explain:
        explain(random.Random(args.seed))
    server = start_server(args, database_url)
    try:
        rng = random.Random(args.seed)
        client = Client(args.port, token)
        results = [
            (run_scenario(client, "list", list_paths(rng), args.requests), 100),
            (run_scenario(client, "list+1", list_paths(rng, follow=Client(args.port, token)), args.requests), 100),
            (run_scenario(client, "bbox", bbox_paths(rng), args.requests), 150),
            (run_scenario(client, "sync", sync_paths(rng), args.requests), 100),
        ]
        print(
            f"\n{args.events:,} events, {args.events * args.claims_per_event:,} claims; gunicorn, {args.workers} "
            "workers, "
            f"extra indexes {'off' if args.no_extra_indexes else 'on'}; {args.requests} requests each, page_size=100"
        )
        print(f"{'scenario':<8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'rows':>6}  target")
        for result, target in results:
            verdict = "ok" if result["p95"] <= target else "MISSED"
            print(
                f"{result['name']:<8} {result['p50']:>8.1f} {result['p95']:>8.1f} {result['max']:>8.1f} "
                f"{result['rows']:>6.0f}  p95 <= {target} ms: {verdict}"
            )
        if not args.skip_csv:
            rows, seconds, size = csv_export(args.port, token)
            rate = rows / seconds
            print(
                f"csv      {rows:,} rows, {size / 1e6:,.0f} MB in {seconds:.1f} s: {rate:,.0f} rows/s  target >= "
                f"20,000 rows/s: {'ok' if rate >= 20_000 else 'MISSED'}"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
