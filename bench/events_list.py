"""The events list page (/events/) with 100,000 events on PostgreSQL, over loopback HTTP against gunicorn.

    .venv/bin/python bench/events_list.py [--events 100000] [--requests 100]

Builds (once) the map benchmark's database (bench/map_render.py: approved events with two actors, two
claims and a report each) in BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/ct_bench_list),
serves the app with gunicorn on 127.0.0.1, signs in as an analyst and times, over one keep-alive
connection, the whole page (HTML) for:

    default     /events/                                   newest first, page 1
    filtered    /events/?country=ML&date_from=..&date_to=..&event_type=..
    search      /events/?q=Bench%20Actor%207               text search (notes, place, actors' names)
    sorted      /events/?sort=-fatalities                   a column without an index of its own
    deep        /events/?sort=-updated&page=500             page 500 of 2,000 (an offset)

Target: p95 < 300 ms each. Prints p50/p95/max; it is not a test. Requests only go to 127.0.0.1.
"""

import argparse
import http.client
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from map_render import PASSWORD, build_database, free_port, setup_django, start_server  # noqa: E402

TARGET_MS = 300
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/ct_bench_list"


class Session:
    """One keep-alive connection with a signed-in session's cookies."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "Host": "127.0.0.1"}
        if body is not None:
            headers |= {"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1/{path}"}
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return response.status, response.read().decode("utf-8", "replace")

    def login(self, username: str, password: str) -> None:
        _, page = self.request("GET", "/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
        status, _ = self.request("POST", "/accounts/login/", body)
        if status != 302:
            raise SystemExit(f"sign-in failed ({status})")


def scenarios(rng: random.Random) -> dict:
    from sources.parsing.acled import EVENT_TYPES

    def filtered():
        start = f"202{rng.randrange(0, 4)}-{rng.randrange(1, 13):02d}-01"
        return "/events/?" + urlencode(
            {"country": "ML", "date_from": start, "date_to": start[:5] + "12-31", "event_type": rng.choice(EVENT_TYPES)}
        )

    return {
        "default": lambda: "/events/",
        "filtered": filtered,
        "search": lambda: "/events/?" + urlencode({"q": f"Bench Actor {rng.randrange(60)}"}),
        "sorted": lambda: "/events/?sort=-fatalities",
        "deep": lambda: f"/events/?sort=-updated&page={rng.randrange(400, 600)}",
    }


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100, help="timed requests per scenario (after 5 warm-up ones)")
    args = parser.parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    if not database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("BENCH_DATABASE_URL must be a PostgreSQL URL")
    setup_django(database_url)
    build_database(args.events)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    port = free_port()
    server = start_server(database_url, port)
    failed = False
    try:
        session = Session(port)
        session.login("bench", PASSWORD)
        rng = random.Random(7)
        print(
            f"/events/ with {args.events:,} events, {args.requests} requests per scenario (target p95 < {TARGET_MS} ms)"
        )
        for name, path in scenarios(rng).items():
            for _ in range(5):
                session.request("GET", path())
            times = []
            for _ in range(args.requests):
                started = time.perf_counter()
                status, body = session.request("GET", path())
                times.append((time.perf_counter() - started) * 1000)
                if status != 200 or 'id="event-count"' not in body:
                    raise SystemExit(f"{name}: answered {status}")
            p95 = percentile(times, 0.95)
            failed |= p95 >= TARGET_MS
            print(
                f"  {name:9} p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  max {max(times):6.1f} ms"
                f"  {'ok' if p95 < TARGET_MS else 'OVER TARGET'}"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
