"""How fast the map becomes usable with 100,000 approved events, in headless Chromium.

    .venv/bin/python bench/map_render.py [--events 100000] [--runs 3]

Builds (once) a separate database — SQLite at var/bench/map.sqlite3, or BENCH_DATABASE_URL
(e.g. postgres://postgres@127.0.0.1:5432/ct_bench) — with that many approved events spread over
the world, each with two actors and two claims; serves the app with gunicorn on 127.0.0.1; then
measures in Chromium (1280×800):

- interactive: from navigation start to the first clusters drawn for the visible area (target < 2 s);
- all in view: until every page the map loads for the view has arrived (capped at MAP_MAX_FEATURES);
- pan and zoom: from the move to the clusters redrawn for the new area (target < 1 s);
- console errors (target: none).

Prints the figures; it is not a test.
"""

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "bench-password-not-secret"
# Where events happen, roughly: (min_lon, min_lat, max_lon, max_lat, weight).
REGIONS = [
    (-17, 4, 24, 24, 30),  # Sahel and West Africa
    (24, -12, 52, 16, 20),  # East Africa and the Horn
    (34, 12, 62, 38, 20),  # Middle East
    (60, 5, 98, 36, 10),  # South Asia
    (-92, -20, -34, 20, 10),  # Latin America
    (22, 44, 41, 53, 10),  # Ukraine
]


def server_environment(database_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_MANIFEST": "0",
        "STATIC_ROOT": str(BENCH_DIR / "static"),
        "API_THROTTLE_RATE": "1000000/hour",
        "MAP_TILE_URL": "",  # no tile server: the offline outlines, as on a closed network
        "LOG_LEVEL": "WARNING",
    }


def setup_django(database_url: str) -> None:
    if database_url.startswith(("postgres://", "postgresql://")):
        from api_latency import ensure_database  # bench/ is on sys.path as the script's folder

        ensure_database(*database_url.rsplit("/", 1))
    os.environ.update(server_environment(database_url))
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conflict_tracker.settings")
    import django

    django.setup()


def build_database(count: int) -> None:
    """Approved events with actors and claims, bulk-inserted; kept between runs."""
    import datetime

    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import transaction

    from events.models import Actor, Claim, Event, EventActor, EventReport
    from sources.models import Article, content_hash
    from sources.parsing.acled import SUB_EVENT_TYPES

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    user, _ = User.objects.get_or_create(username="bench")
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(Group.objects.get(name="analyst"))
    have = Event.objects.filter(status="approved").count()
    if have >= count:
        print(f"database: {have:,} approved events already there")
        return
    started = time.perf_counter()
    rng = random.Random(7)
    actors = [
        Actor.objects.get_or_create(name=f"Bench Actor {n}", defaults={"kind": "rebel_group"})[0] for n in range(60)
    ]
    article, _ = Article.objects.get_or_create(
        content_hash=content_hash("bench article"), defaults={"text": "bench article", "status": "parsed"}
    )
    types = list(SUB_EVENT_TYPES)
    weights = [region[4] for region in REGIONS]
    first_day = datetime.date(2020, 1, 1)
    batch = 5000
    for offset in range(have, count, batch):
        size = min(batch, count - offset)
        events = []
        for _ in range(size):
            west, south, east, north, _ = rng.choices(REGIONS, weights)[0]
            event_type = rng.choice(types)
            day = first_day + datetime.timedelta(days=rng.randrange(0, 1800))
            events.append(
                Event(
                    status="approved",
                    event_type=event_type,
                    sub_event_type=rng.choice(SUB_EVENT_TYPES[event_type]),
                    start_date=day,
                    end_date=day,
                    latitude=round(rng.uniform(south, north), 4),
                    longitude=round(rng.uniform(west, east), 4),
                    geo_precision=rng.choices([1, 2, 3], [70, 20, 10])[0],
                    country="ML",
                    admin1="Bench",
                    location_name="Bench town",
                    fatalities_low=3,
                    fatalities_best=3,
                    fatalities_high=9,
                )
            )
        with transaction.atomic():
            Event.objects.bulk_create(events, batch_size=1000)
            if events[0].pk is None:  # backends that do not return ids
                events = list(Event.objects.order_by("-id")[:size])
            EventReport.objects.bulk_create([EventReport(event=e, article=article) for e in events], batch_size=2000)
            pairs = [rng.sample(actors, 2) for _ in events]
            EventActor.objects.bulk_create(
                [EventActor(event=e, actor=a, role="side_a") for e, (a, _) in zip(events, pairs, strict=False)]
                + [EventActor(event=e, actor=b, role="side_b") for e, (_, b) in zip(events, pairs, strict=False)],
                batch_size=2000,
            )
            Claim.objects.bulk_create(
                [
                    Claim(
                        event=e,
                        article=article,
                        claimant=a,
                        kind="killed",
                        subject=b,
                        count_min=3,
                        count_max=3,
                        quote="Three were killed.",
                    )
                    for e, (a, b) in zip(events, pairs, strict=False)
                ]
                + [
                    Claim(
                        event=e,
                        article=article,
                        claimant=b,
                        kind="killed",
                        subject=a,
                        count_min=9,
                        count_max=None,
                        qualifier="at_least",
                        quote="At least nine died.",
                    )
                    for e, (a, b) in zip(events, pairs, strict=False)
                ],
                batch_size=2000,
            )
        print(f"  inserted {offset + size:,} events", end="\r", flush=True)
    print(f"database: {count - have:,} events inserted in {time.perf_counter() - started:.0f} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(database_url: str, port: int) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "conflict_tracker.wsgi",
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        "2",
        "--threads",
        "4",
        "--timeout",
        "120",
    ]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=server_environment(database_url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not start:\n" + process.stderr.read()[-2000:])


WAIT_DRAWN = """(after) => new Promise((done) => {
    const check = () => Number(document.getElementById('map').dataset.drawn || 0) > after;
    if (check()) return done(performance.now());
    document.addEventListener('ct:map-drawn', function listener() {
        if (check()) { document.removeEventListener('ct:map-drawn', listener); done(performance.now()); }
    });
})"""


def drawn_count(page) -> int:
    return page.evaluate("Number(document.getElementById('map').dataset.drawn || 0)")


def timed_move(page, action: str) -> float:
    """Milliseconds from a pan or zoom to the clusters drawn for the new view."""
    before = drawn_count(page)
    started = page.evaluate(f"() => {{ const t = performance.now(); {action}; return t; }}")
    finished = page.evaluate(WAIT_DRAWN, before)
    return finished - started


def measure(base_url: str, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    figures = {
        "interactive_ms": [],
        "all_in_view_ms": [],
        "pan_ms": [],
        "zoom_in_ms": [],
        "zoom_out_ms": [],
        "clusters": [],
        "loaded": [],
    }
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(
            viewport={"width": 1280, "height": 800}, base_url=base_url, bypass_csp=True
        )  # its probes are evaluated strings
        context.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(("http://127.0.0.1", "data:")) else route.abort()
            ),
        )
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto("/accounts/login/")
        page.fill("#id_username", "bench")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base_url}/")
        for run in range(runs):
            page.goto("/map/", wait_until="commit")
            page.wait_for_function(
                "document.getElementById('map') && Number(document.getElementById('map').dataset.drawn || 0) > 0",
                timeout=60_000,
            )
            interactive = page.evaluate("performance.now()")
            page.wait_for_selector("#map[data-state=ready], #map[data-state=error]", timeout=120_000)
            figures["all_in_view_ms"].append(page.evaluate("performance.now()"))
            figures["interactive_ms"].append(interactive)
            figures["clusters"].append(page.locator(".cluster").count())
            figures["loaded"].append(page.evaluate("window.ctMap.markers.size"))
            if page.get_attribute("#map", "data-state") == "error":
                errors.append(page.inner_text("#map-status"))
            figures["pan_ms"].append(timed_move(page, "window.ctMap.map.panBy([400, 150], {animate: false})"))
            figures["zoom_in_ms"].append(
                timed_move(page, "window.ctMap.map.setZoom(window.ctMap.map.getZoom() + 2, {animate: false})")
            )
            figures["zoom_out_ms"].append(
                timed_move(page, "window.ctMap.map.setZoom(window.ctMap.map.getZoom() - 1, {animate: false})")
            )
            print(
                f"  run {run + 1}: interactive {interactive:.0f} ms, pan {figures['pan_ms'][-1]:.0f} ms, zoom "
                f"{figures['zoom_in_ms'][-1]:.0f} ms"
            )
        page.screenshot(path=str(BENCH_DIR / "map.png"))
        browser.close()
    figures["console_errors"] = errors
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{BENCH_DIR / 'map.sqlite3'}")
    setup_django(database_url)
    build_database(args.events)
    from django.db import connections

    connections.close_all()
    port = free_port()
    server = start_server(database_url, port)
    try:
        base_url = f"http://127.0.0.1:{port}"
        figures = measure(base_url, args.runs)
    finally:
        server.terminate()
        server.wait(timeout=20)
    median = {key: statistics.median(values) for key, values in figures.items() if key != "console_errors" and values}
    print()
    print(
        f"map_render: {args.events:,} approved events, {database_url.split(':', 1)[0]}, Chromium 1280x800, median "
        f"of {args.runs} runs"
    )
    print(f"  interactive (first clusters drawn)  {median['interactive_ms']:7.0f} ms   (target < 2000)")
    print(
        f"  all pages for the view loaded       {median['all_in_view_ms']:7.0f} ms   ({median['loaded']:.0f} "
        f"events, {median['clusters']:.0f} clusters on screen)"
    )
    print(f"  pan redraw                          {median['pan_ms']:7.0f} ms   (target < 1000)")
    print(f"  zoom in redraw                      {median['zoom_in_ms']:7.0f} ms   (target < 1000)")
    print(f"  zoom out redraw                     {median['zoom_out_ms']:7.0f} ms   (target < 1000)")
    print(
        f"  console errors                      {len(figures['console_errors'])}"
        + (f": {figures['console_errors'][:3]}" if figures["console_errors"] else "")
    )
    print(
        json.dumps(
            {
                "events": args.events,
                **{k: round(v) for k, v in median.items()},
                "console_errors": len(figures["console_errors"]),
            }
        )
    )


if __name__ == "__main__":
    main()
