"""Fixtures for the web app's tests: users with roles, events with claims, and a headless Chromium."""

import datetime
import os
import shutil
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from struct import pack

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PASSWORD = "correct horse battery"


@pytest.fixture
def analyst(client, user_factory):
    """The test client, signed in as an analyst."""
    user = user_factory("ana", "analyst")
    client.force_login(user)
    return user


@pytest.fixture
def reviewer(client, user_factory):
    """The test client, signed in as a reviewer."""
    user = user_factory("rev", "reviewer")
    client.force_login(user)
    return user


@pytest.fixture
def no_parsing(monkeypatch):
    """Uploads are stored but not parsed: these tests look at the web app, not at the parser."""
    monkeypatch.setattr("sources.services.enqueue_parse", lambda article_id: None)


def make_article(text: str, *, publisher: str = "Wire", published_at=datetime.date(2024, 7, 28), **fields):
    from sources.models import Article, Publisher, content_hash

    publisher_row = Publisher.objects.get_or_create(name=publisher)[0] if publisher else None
    return Article.objects.create(
        text=text,
        content_hash=content_hash(text),
        publisher=publisher_row,
        published_at=published_at,
        **{"status": "parsed", **fields},
    )


def make_event(*, status="draft", articles=(), claims=(), actors=(), **fields):
    """An event with its reports, actors [(name, role)] and claims
    [dict(article=, claimant=, kind=, count_min=, ...)]."""
    from events.models import Actor, Claim, Event, EventActor, EventReport

    defaults = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "start_date": datetime.date(2024, 7, 25),
        "end_date": datetime.date(2024, 7, 27),
        "country": "ML",
        "admin1": "Kidal",
        "location_name": "Tinzaouaten",
        "latitude": 19.95,
        "longitude": 2.97,
        "geo_precision": 1,
        "status": status,
    }
    event = Event.objects.create(**{**defaults, **fields})
    for article in articles:
        EventReport.objects.create(event=event, article=article)
    for name, role in actors:
        actor, _ = Actor.objects.get_or_create(name=name, defaults={"kind": "rebel_group"})
        EventActor.objects.create(event=event, actor=actor, role=role)
    for claim in claims:
        claim = dict(claim)
        claimant = claim.pop("claimant", None)
        subject = claim.pop("subject", None)
        Claim.objects.create(
            event=event,
            claimant=Actor.objects.get_or_create(name=claimant, defaults={"kind": "rebel_group"})[0]
            if claimant
            else None,
            subject=Actor.objects.get_or_create(name=subject, defaults={"kind": "rebel_group"})[0] if subject else None,
            **{"qualifier": "exact", "count_max": claim.get("count_min"), **claim},
        )
    from events.services import event_recompute_fatalities

    event_recompute_fatalities(event=event)
    event.refresh_from_db()
    return event


@pytest.fixture
def conflicting_claims_event(db):
    """One clash, two reports whose claimants disagree on the dead."""
    first = make_article("JNIM said it killed 50 Wagner fighters and 10 Malian soldiers.", publisher="APA News")
    second = make_article(
        "The CSP said 84 Wagner fighters and 47 soldiers were killed.",
        publisher="Reuters rewrite",
        published_at=datetime.date(2024, 8, 2),
    )
    return make_event(
        status="approved",
        articles=[first, second],
        actors=[("Military Forces of Mali", "side_a"), ("JNIM", "side_b"), ("CSP-DPA", "side_b")],
        claims=[
            {
                "article": first,
                "claimant": "JNIM",
                "kind": "killed",
                "count_min": 50,
                "subject": "Wagner Group",
                "quote": "JNIM said it killed 50 Wagner fighters",
            },
            {
                "article": first,
                "claimant": "JNIM",
                "kind": "killed",
                "count_min": 10,
                "subject": "Military Forces of Mali",
                "quote": "and 10 Malian soldiers.",
            },
            {
                "article": second,
                "claimant": "CSP-DPA",
                "kind": "killed",
                "count_min": 84,
                "count_max": None,
                "qualifier": "at_least",
                "subject": "Wagner Group",
                "quote": "The CSP said 84 Wagner fighters",
            },
            {
                "article": second,
                "claimant": "CSP-DPA",
                "kind": "killed",
                "count_min": 47,
                "count_max": None,
                "qualifier": "at_least",
                "subject": "Military Forces of Mali",
                "quote": "and 47 soldiers were killed.",
            },
        ],
    )


# ------------------------------------------- a local tile server, so the online layer never leaves the machine


def _png(width=256, height=256, rgb=(214, 226, 236)) -> bytes:
    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height)

    def chunk(kind, data):
        return pack(">I", len(data)) + kind + data + pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", raw)
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="session")
def tile_server():
    tile = _png()

    class Tiles(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tile)))
            self.end_headers()
            self.wfile.write(tile)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/{{z}}/{{x}}/{{y}}.png"
    server.shutdown()


# ---------------------------------------------------------------- headless Chromium


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists() or not os.access(CHROMIUM, os.X_OK):
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    os.environ.setdefault(
        "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
    )  # Playwright's sync API runs an event loop in this thread
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class BrowserSession:
    """A page that may reach only this machine, recording console errors, dialogs and off-machine requests."""

    def __init__(self, browser, base_url: str, shots: Path, viewport=DESKTOP, enforce_csp: bool = False):
        self.base_url = base_url
        self.shots = shots
        # Tests drive pages with string expressions Playwright evaluates, which a strict CSP forbids; the
        # policy itself is checked by a session that enforces it (test_the_pages_pass_the_content_security_policy).
        self.context = browser.new_context(viewport=viewport, base_url=base_url, bypass_csp=not enforce_csp)
        self.page = self.context.new_page()
        self.console_errors: list[str] = []
        self.dialogs: list[str] = []
        self.blocked: list[str] = []
        self.context.route("**/*", self._only_local)
        self.page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.page.on("dialog", self._dialog)

    def _only_local(self, route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def login(self, username: str, password: str = PASSWORD):
        self.page.goto("/accounts/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", password)
        self.page.click("button[type=submit]")
        self.page.wait_for_url(lambda url: "/accounts/login/" not in url)

    def screenshot(self, name: str, *, full_page: bool = True):
        self.shots.mkdir(parents=True, exist_ok=True)
        path = self.shots / f"{name}.png"
        self.page.evaluate("window.scrollTo(0, 0)")  # else the sticky header is drawn where the page was scrolled to
        self.page.screenshot(path=str(path), full_page=full_page)
        keep = os.environ.get("WEB_SCREENSHOTS_DIR")  # to look at them after the run
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(keep) / path.name)
        return path

    def horizontal_overflow(self) -> int:
        return self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")

    def close(self):
        self.context.close()


@pytest.fixture
def browser_session(chromium, live_server, tmp_path, settings, tile_server):
    settings.LEAFLET_CONFIG = {
        **settings.LEAFLET_CONFIG,
        "TILES": [("OpenStreetMap (test tiles)", tile_server, {"attribution": "test tiles"})],
    }
    sessions = []

    def open_session(viewport=DESKTOP, enforce_csp: bool = False) -> BrowserSession:
        session = BrowserSession(chromium, live_server.url, tmp_path / "screenshots", viewport, enforce_csp)
        sessions.append(session)
        return session

    yield open_session
    for session in sessions:
        session.close()


def two_reviewers_on(browser_session, user_factory, url: str):
    """Two reviewers signed in, each in a browser of their own, with the same page open: "rev" (who must exist)
    first, then a new "rev2"."""
    user_factory("rev2", "reviewer")
    first, second = browser_session(), browser_session()
    first.login("rev")
    second.login("rev2")
    first.page.goto(url)
    second.page.goto(url)
    return first, second


@pytest.fixture(autouse=True)
def empty_cache():
    """URL fetches are cached for a few minutes; each test starts without them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
