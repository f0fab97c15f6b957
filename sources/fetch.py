"""Fetching an article's page from a URL, server-side, without becoming a way into our own network.

Only http and https; every address the host name resolves to must be public (unless
settings.URL_FETCH_ALLOW_PRIVATE), and the connection goes to the address that was checked, so a
second DNS answer cannot swap in a private one. Redirects are followed by hand and each hop is
checked again. The body is streamed and refused once it passes settings.MAX_UPLOAD_BYTES; the
whole fetch must finish within settings.URL_FETCH_TIMEOUT seconds.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

MAX_REDIRECTS = 5
CHUNK_BYTES = 64 * 1024
USER_AGENT = "conflict_tracker/1.0 (article fetcher)"
# What a fetched page becomes: the file name that tells extraction how to read it.
FILENAME_BY_CONTENT_TYPE = {
    "text/html": "page.html",
    "application/xhtml+xml": "page.html",
    "text/plain": "page.txt",
    "application/pdf": "page.pdf",
}


class FetchError(ValueError):
    """The URL cannot be fetched; the message can be shown to the user."""


@dataclass(frozen=True)
class FetchedPage:
    url: str
    content: bytes
    content_type: str

    @property
    def filename(self) -> str:
        return FILENAME_BY_CONTENT_TYPE.get(self.content_type, "page.html")


_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 form carries: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64
    (64:ff9b::a.b.c.d), 6to4 (2002:AABB:CCDD::) or Teredo; each reaches that IPv4 host."""
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]
    if address in _NAT64 or (address in _IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None and not _is_public(embedded):
            return False
    return address.is_global and not address.is_multicast


def resolve_public_addresses(host: str, port: int) -> list[str]:
    """Every address the host resolves to; FetchError when any of them is not a public one."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"The host name {host!r} could not be resolved.") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FetchError(f"The host name {host!r} could not be resolved.")
    if not settings.URL_FETCH_ALLOW_PRIVATE:
        for address in addresses:
            if not _is_public(ipaddress.ip_address(address.split("%", 1)[0])):
                raise FetchError(
                    f"{host} resolves to {address}, a private, loopback or reserved address; only public sites can "
                    "be fetched."
                )
    return addresses


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the address we checked, while speaking to the host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _checked_parts(url: str) -> tuple[str, str, int, str]:
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError("Only http:// and https:// addresses can be fetched.")
    if not parts.hostname:
        raise FetchError("The address has no host name.")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise FetchError("The address has an invalid port.") from None
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, parts.hostname, port, path


def _read_limited(response: http.client.HTTPResponse, deadline: float) -> bytes:
    limit = settings.MAX_UPLOAD_BYTES
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(f"The page is {int(declared):,} bytes; the limit is {limit:,} bytes.")
    chunks, size = [], 0
    while chunk := response.read(CHUNK_BYTES):
        size += len(chunk)
        if size > limit:
            raise FetchError(f"The page is larger than the limit of {limit:,} bytes.")
        if time.monotonic() > deadline:
            raise FetchError(f"The site took longer than {settings.URL_FETCH_TIMEOUT} seconds to send the page.")
        chunks.append(chunk)
    return b"".join(chunks)


def _content_type(response: http.client.HTTPResponse) -> str:
    content_type = (response.getheader("Content-Type") or "text/html").split(";", 1)[0].strip().lower()
    if content_type not in FILENAME_BY_CONTENT_TYPE:
        raise FetchError(f"The address serves {content_type}, not a web page, text or PDF.")
    return content_type


def fetch_url(url: str) -> FetchedPage:
    """The page at this URL, following up to MAX_REDIRECTS redirects, each checked like the first."""
    timeout = settings.URL_FETCH_TIMEOUT
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        scheme, host, port, path = _checked_parts(url)
        address = resolve_public_addresses(host, port)[0]
        connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
        connection = connection_class(host, port, address, timeout=max(0.1, deadline - time.monotonic()))
        try:
            connection.request(
                "GET",
                path,
                headers={
                    "User-Agent": USER_AGENT,
                    "Accept-Encoding": "identity",
                    "Accept": "text/html, text/plain, application/pdf;q=0.9, */*;q=0.1",
                },
            )
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location"))
                continue
            if response.status != 200:
                raise FetchError(f"The site answered {response.status} {response.reason}.")
            content_type = _content_type(response)
            return FetchedPage(url=url, content=_read_limited(response, deadline), content_type=content_type)
        except TimeoutError:
            raise FetchError(f"The site did not answer within {timeout} seconds.") from None
        except ssl.SSLError as exc:
            raise FetchError(f"The site's secure connection failed ({exc.reason or exc}).") from None
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(f"The page could not be fetched ({type(exc).__name__}: {exc}).") from None
        finally:
            connection.close()
    raise FetchError(f"The address redirected more than {MAX_REDIRECTS} times.")
