"""Fetching an article from a URL: only http(s), only public addresses (unless allowed), within size and time limits."""

import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from events.ingestion import article_parse
from sources.fetch import FetchError, fetch_url, resolve_public_addresses
from sources.models import Article

PAGE = b"""<!doctype html><html><head><title>Fighting near Kidal</title>
<meta property="og:site_name" content="Sahel Observer">
<meta property="article:published_time" content="2024-07-29T08:00:00Z">
</head><body><nav>Home | World</nav><article><h1>Fighting near Kidal</h1>
<p>Fighting broke out near Kidal on Thursday between the army and rebel groups, officials said on Friday.</p>
<p>At least ten people were killed, according to a local official who asked not to be named.</p>
</article><footer>Copyright</footer></body></html>"""


class Site(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/article":
            self._send(PAGE, "text/html; charset=utf-8")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the limit must hold while streaming
            for _ in range(64):
                self.wfile.write(b"<p>" + b"x" * 1020 + b"</p>")
        elif self.path == "/slow":
            time.sleep(3)
            self._send(PAGE, "text/html")
        elif self.path == "/image":
            self._send(b"\x89PNG", "image/png")
        else:
            self.send_error(404)

    def _send(self, body: bytes, content_type: str):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The fetcher hangs up on purpose (too big, too slow): a broken pipe here is the expected end.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="module")
def site():
    server = QuietServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def allow_private(settings):
    settings.URL_FETCH_ALLOW_PRIVATE = True


def test_a_page_is_fetched_following_redirects(site, allow_private):
    page = fetch_url(f"{site}/moved")
    assert (
        page.content == PAGE
        and page.content_type == "text/html"
        and page.url == f"{site}/article"
        and page.filename == "page.html"
    )


def test_loopback_is_refused_when_private_addresses_are_not_allowed(site, settings):
    settings.URL_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(FetchError, match="private, loopback or reserved"):
        fetch_url(f"{site}/article")
    with pytest.raises(FetchError, match="private, loopback or reserved"):
        fetch_url(f"http://localhost:{site.rsplit(':', 1)[1]}/article")


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/a.html",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "gopher://example.org/",
        "//example.org/a",
    ],
)
def test_only_http_and_https_are_fetched(url, allow_private):
    with pytest.raises(FetchError, match="Only http:// and https://"):
        fetch_url(url)


def test_every_address_a_name_resolves_to_must_be_public(monkeypatch, settings):
    settings.URL_FETCH_ALLOW_PRIVATE = False
    answers = [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", 80)),
    ]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args, **kwargs: answers)
    with pytest.raises(FetchError, match=r"10\.0\.0\.7"):
        resolve_public_addresses("news.example", 80)
    for private in ["169.254.169.254", "::1", "fd00::1", "::ffff:127.0.0.1", "0.0.0.0", "100.64.0.1"]:
        family = socket.AF_INET6 if ":" in private else socket.AF_INET
        monkeypatch.setattr(
            socket, "getaddrinfo", lambda *a, _p=private, _f=family, **k: [(_f, socket.SOCK_STREAM, 6, "", (_p, 80))]
        )
        with pytest.raises(FetchError):
            resolve_public_addresses("news.example", 80)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args, **kwargs: answers[:1])
    assert resolve_public_addresses("news.example", 80) == ["93.184.216.34"]


def test_a_page_over_the_size_limit_is_refused_while_streaming(site, allow_private, settings):
    settings.MAX_UPLOAD_BYTES = 16 * 1024
    with pytest.raises(FetchError, match="larger than the limit"):
        fetch_url(f"{site}/huge")


def test_a_slow_site_times_out(site, allow_private, settings):
    settings.URL_FETCH_TIMEOUT = 1
    started = time.monotonic()
    with pytest.raises(FetchError, match="did not answer within 1 seconds"):
        fetch_url(f"{site}/slow")
    assert time.monotonic() - started < 2.5


def test_endless_redirects_and_other_content_types_are_refused(site, allow_private):
    with pytest.raises(FetchError, match="redirected more than"):
        fetch_url(f"{site}/loop")
    with pytest.raises(FetchError, match="image/png"):
        fetch_url(f"{site}/image")
    with pytest.raises(FetchError, match="404"):
        fetch_url(f"{site}/missing")


@pytest.mark.django_db
def test_uploading_a_url_keeps_the_page_text_with_its_publisher_and_date(
    site, allow_private, client, user_factory, no_parsing
):
    client.force_login(user_factory("ana", "analyst"))
    meta = client.post("/upload/inspect/", {"url": f"{site}/article"}).json()
    assert (meta["publisher"], meta["published_at"], meta["title"]) == (
        "Sahel Observer",
        "2024-07-29",
        "Fighting near Kidal",
    )
    result = client.post(
        "/upload/", {"source": "url", "url-url": f"{site}/article"}, HTTP_ACCEPT="application/json"
    ).json()["results"][0]
    assert Article.objects.get(id=result["article_id"]).text == ""  # the page is the worker's to read
    article_parse(article_id=result["article_id"])
    article = Article.objects.get(id=result["article_id"])
    assert article.url == f"{site}/article" and article.publisher.name == "Sahel Observer"
    assert (
        str(article.published_at) == "2024-07-29"
        and "Fighting broke out near Kidal" in article.text
        and "Copyright" not in article.text
    )


@pytest.mark.django_db
def test_uploading_a_loopback_url_is_refused_with_the_reason(site, client, user_factory, settings, no_parsing):
    settings.URL_FETCH_ALLOW_PRIVATE = False
    client.force_login(user_factory("ana", "analyst"))
    response = client.post("/upload/", {"source": "url", "url-url": f"{site}/article"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and "only public sites" in response.json()["results"][0]["error"]
    assert not Article.objects.exists()
