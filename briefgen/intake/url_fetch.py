"""Fetching the bytes at a URL: one deadline, a size cap, and only the redirects it may follow.

Every hop of a redirect chain must be http(s). A hop may reach a loopback, private,
link-local or otherwise non-public address only when it is the address the user typed
(same host and port): a page on the internet cannot send briefgen to a service on the
user's machine or network. The connection goes to the very address that was checked, so a
second DNS answer cannot change it. The deadline covers the whole fetch (every connect,
the headers and the body of every hop): a server that drips one byte a second ends there.

Where the environment names a proxy (see :mod:`briefgen.intake.proxy`), a hop goes through
it, after the same check on what the name resolves to here; a name this machine cannot
resolve is left to the proxy, and the user's own local address is reached directly.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass

from briefgen.errors import IntakeError
from briefgen.intake.proxy import Proxy, connect_to_proxy, open_tunnel, proxy_for
from briefgen.intake.reading import intake_error, too_large_reason

USER_AGENT = "briefgen/0.1 (desktop briefing tool)"
MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class _Hop:
    """One URL of the chain, split into what the connection needs."""

    url: str
    scheme: str
    host: str
    port: int
    target: str  # path and query, as sent in the request line
    absolute: str  # the whole address without its fragment, as a proxy is asked for it

    @property
    def origin(self) -> tuple[str, int]:
        return self.host.lower(), self.port


def _hop(url: str, shown: str) -> _Hop:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise intake_error(shown, "only http:// and https:// addresses can be fetched")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise intake_error(shown, "its port is not a number from 0 to 65535") from None
    target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
    absolute = urllib.parse.urlunsplit(
        (parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, ""))
    return _Hop(url, parts.scheme.lower(), parts.hostname, port, target, absolute)


def is_public_address(address: Address) -> bool:
    """True for an address on the public internet; False for loopback, private,
    link-local, multicast, reserved and unspecified ones (IPv4-mapped IPv6 included)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def redirect_allowed(typed: str, hop: str, address: Address) -> bool:
    """Whether a redirect to ``hop``, which resolved to ``address``, may be followed from
    the URL the user typed: every public address may; a non-public one only on the typed
    URL's own host and port."""
    if not is_public_address(address):
        return _hop(hop, hop).origin == _hop(typed, typed).origin
    return True


class _Watchdog:
    """Shuts the current connection's socket down when the deadline passes, which ends
    any read that is waiting on it, however slowly the server sends."""

    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            self.expired = True
            raise TimeoutError
        return left

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock = sock
            if self.expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            if self._sock is not None:
                self._shut(self._sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()


def _resolve(hop: _Hop, watchdog: _Watchdog) -> list[Address]:
    infos = socket.getaddrinfo(hop.host, hop.port, type=socket.SOCK_STREAM)
    watchdog.remaining()
    addresses: list[Address] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def _connect(hop: _Hop, address: Address, watchdog: _Watchdog) -> http.client.HTTPConnection:
    """A connection to ``address`` (already checked), speaking for ``hop.host``."""
    sock = socket.create_connection((str(address), hop.port), timeout=watchdog.remaining())
    watchdog.watch(sock)
    with _closed_on_error(sock):
        return _speaking_for(hop, sock, watchdog)


@contextlib.contextmanager
def _closed_on_error(sock: socket.socket) -> Iterator[None]:
    """Close ``sock`` when what is done with it fails (a TLS handshake with a server that
    speaks plain HTTP, a proxy that refuses the tunnel): no socket is left to the collector."""
    try:
        yield
    except BaseException:
        sock.close()
        raise


def _speaking_for(hop: _Hop, sock: socket.socket,
                  watchdog: _Watchdog) -> http.client.HTTPConnection:
    """An HTTP connection for ``hop`` on ``sock`` (TLS for https, checked against the
    hop's host name)."""
    if hop.scheme == "https":
        context = ssl.create_default_context()
        sock.settimeout(watchdog.remaining())
        sock = context.wrap_socket(sock, server_hostname=hop.host)
        watchdog.watch(sock)
    connection = http.client.HTTPConnection(hop.host, hop.port)
    connection.sock = sock
    sock.settimeout(watchdog.remaining())
    return connection


def _connect_via(hop: _Hop, proxy: Proxy, watchdog: _Watchdog,
                 shown: str) -> tuple[http.client.HTTPConnection, str, dict[str, str]]:
    """A connection through ``proxy``, the request target and the headers it needs."""
    sock = connect_to_proxy(proxy, watchdog.remaining(), shown)
    watchdog.watch(sock)
    with _closed_on_error(sock):
        if hop.scheme == "https":
            open_tunnel(sock, proxy, hop.host, hop.port, shown, watchdog.remaining)
            return _speaking_for(hop, sock, watchdog), hop.target, {}
        headers = {"Proxy-Authorization": proxy.authorization} if proxy.authorization else {}
        return _speaking_for(hop, sock, watchdog), hop.absolute, headers


def _open(hop: _Hop, typed: str,
          watchdog: _Watchdog) -> tuple[http.client.HTTPConnection, str, dict[str, str]]:
    """A connection for ``hop`` (direct or through the proxy), its request target and the
    extra headers; IntakeError when the hop is a local address the user did not type.

    Through a proxy every address the name resolves to here must be allowed (the proxy
    picks one); directly, the allowed ones are tried."""
    proxy = proxy_for(hop.scheme, hop.host, typed)
    try:
        addresses = _resolve(hop, watchdog)
    except socket.gaierror:
        if proxy is None:
            raise
        addresses = []  # an office proxy resolves names this machine cannot
    allowed = [a for a in addresses if redirect_allowed(typed, hop.url, a)]
    refused = len(allowed) < len(addresses) if proxy is not None else not allowed
    if refused:
        raise intake_error(typed, f"it redirects to {hop.url}, a local or private "
                                  "address, which briefgen does not follow")
    if proxy is not None and (not addresses or any(map(is_public_address, addresses))):
        return _connect_via(hop, proxy, watchdog, typed)
    # directly (the user's own local address is so even with a proxy: it cannot reach it)
    return _connect_any(hop, allowed, watchdog), hop.target, {}


def _connect_any(hop: _Hop, addresses: list[Address],
                 watchdog: _Watchdog) -> http.client.HTTPConnection:
    """A connection to the first of ``addresses`` that answers (``localhost`` may be
    ``::1`` and ``127.0.0.1``, with the server on only one of them)."""
    for address in addresses[:-1]:
        try:
            return _connect(hop, address, watchdog)
        except OSError as exc:
            if isinstance(exc, TimeoutError) or watchdog.expired:
                raise
    return _connect(hop, addresses[-1], watchdog)


def _read_body(response: http.client.HTTPResponse, shown: str, max_bytes: int,
               watchdog: _Watchdog) -> bytes:
    length = response.getheader("Content-Length")
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise intake_error(shown, too_large_reason(int(length), max_bytes, "") + " to fetch")
    chunks: list[bytes] = []
    size = 0
    while True:
        watchdog.remaining()
        chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
        if watchdog.expired:
            raise TimeoutError
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise intake_error(shown, too_large_reason(size, max_bytes, "") + " to fetch")
        chunks.append(chunk)
    return b"".join(chunks)


def _fetch(url: str, max_bytes: int, watchdog: _Watchdog) -> tuple[bytes, str | None, str]:
    hop = _hop(url, url)
    for _ in range(MAX_REDIRECTS + 1):
        connection, target, headers = _open(hop, url, watchdog)
        try:
            connection.request("GET", target, headers={
                "User-Agent": USER_AGENT, "Accept-Encoding": "identity", **headers})
            response = connection.getresponse()
            if response.status in _REDIRECTS and response.getheader("Location"):
                location = urllib.parse.urljoin(hop.url, response.getheader("Location", ""))
                parts = urllib.parse.urlsplit(location)
                if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
                    raise intake_error(url, f"it redirects to {location[:200]}, which is "
                                            "not an http:// or https:// address")
                hop = _hop(location, url)
                continue
            if response.status >= 400:
                raise intake_error(url, f"the server answered {response.status} "
                                        f"{response.reason}".rstrip())
            data = _read_body(response, url, max_bytes, watchdog)
            charset = response.msg.get_content_charset()
            return data, charset, hop.url
        finally:
            connection.close()
    raise intake_error(url, f"it redirects more than {MAX_REDIRECTS} times")


def fetch_url(url: str, *, timeout: float, max_bytes: int) -> tuple[bytes, str | None, str]:
    """The body, declared charset and final URL of ``url``; IntakeError when it fails.

    ``timeout`` (seconds) bounds the whole fetch, redirects included; ``max_bytes``
    bounds the body.
    """
    watchdog = _Watchdog(timeout)
    try:
        return _fetch(url, max_bytes, watchdog)
    except IntakeError:
        raise
    except ConnectionRefusedError:
        raise intake_error(url, "the server refused the connection") from None
    except socket.gaierror:
        raise intake_error(url, "the address could not be resolved (are you offline?)") from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if watchdog.expired or isinstance(exc, TimeoutError):
            raise intake_error(url, f"the server did not answer within {timeout:g} s") from None
        raise intake_error(url, f"it could not be fetched ({exc})") from None
    finally:
        watchdog.cancel()
