"""The web proxy an office network asks for, as its environment names it.

Offices often reach the web only through a proxy, named by the usual ``https_proxy`` /
``http_proxy`` variables (and ``no_proxy`` for the hosts to reach directly); on macOS and
Windows the system settings, as Python's standard library reads them. briefgen speaks
plain HTTP to the proxy: an ``http://`` page is asked for by its full address, an
``https://`` page through a ``CONNECT`` tunnel, so the page itself stays encrypted end to
end. Only ``http://`` proxies are supported; a ``socks5://`` or ``https://`` proxy is
refused in one sentence rather than bypassed.
"""

from __future__ import annotations

import base64
import socket
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.intake.reading import intake_error

# A proxy's answer to CONNECT is a status line and a few headers; more is not an answer.
MAX_TUNNEL_ANSWER = 16 * 1024


@dataclass(frozen=True)
class Proxy:
    """A proxy's address, and the Proxy-Authorization value its URL's user name gives."""

    host: str
    port: int
    authorization: str | None = None

    @property
    def shown(self) -> str:
        return f"{self.host}:{self.port}"


def proxy_for(scheme: str, host: str, shown: str) -> Proxy | None:
    """The proxy to use for ``scheme://host``; ``None`` when there is none, or when
    ``no_proxy`` (or the system's exceptions) lists ``host``.

    ``shown`` is the address the user typed, named in the error when the proxy setting
    cannot be used.
    """
    setting = urllib.request.getproxies().get(scheme)
    if not setting or urllib.request.proxy_bypass(host):
        return None
    return parse_proxy(setting, scheme, shown)


def parse_proxy(setting: str, scheme: str, shown: str) -> Proxy:
    """A proxy setting ("http://user:pw@proxy.office:3128", or "proxy.office:3128")."""
    if "://" not in setting:
        setting = "http://" + setting
    parts = urllib.parse.urlsplit(setting)
    variable = f"{scheme}_proxy"
    if parts.scheme.lower() != "http" or not parts.hostname:
        raise intake_error(shown, f"the proxy setting {variable}={_safe(setting)} is not an "
                                  "http:// proxy, the only kind briefgen can use")
    try:
        port = parts.port or 80
    except ValueError:
        raise intake_error(shown, f"the port of the proxy setting {variable} is not a "
                                  "number from 0 to 65535") from None
    authorization = None
    if parts.username is not None:
        user = urllib.parse.unquote(parts.username)
        password = urllib.parse.unquote(parts.password or "")
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        authorization = "Basic " + token
    return Proxy(parts.hostname, port, authorization)


def _safe(setting: str) -> str:
    """A proxy setting as it may be shown: without its password."""
    parts = urllib.parse.urlsplit(setting)
    if parts.password is None:
        return setting[:200]
    netloc = parts.netloc.rsplit("@", 1)[1]
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))[:200]


def connect_to_proxy(proxy: Proxy, timeout: float, shown: str) -> socket.socket:
    """A TCP connection to the proxy; an error naming the proxy when it cannot be reached."""
    try:
        return socket.create_connection((proxy.host, proxy.port), timeout=timeout)
    except ConnectionRefusedError:
        raise intake_error(shown, f"the proxy {proxy.shown} refused the connection") from None
    except socket.gaierror:
        raise intake_error(shown, f"the proxy {proxy.shown} could not be found") from None


def open_tunnel(sock: socket.socket, proxy: Proxy, host: str, port: int, shown: str,
                remaining: Callable[[], float]) -> None:
    """Ask the proxy on ``sock`` for a tunnel to ``host:port``; IntakeError when it says no.

    ``remaining`` gives the seconds left of the fetch's one deadline (and raises
    TimeoutError once it has passed), so a proxy that answers slowly ends there too.
    """
    authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    request = f"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n"
    if proxy.authorization:
        request += f"Proxy-Authorization: {proxy.authorization}\r\n"
    sock.settimeout(remaining())
    sock.sendall((request + "\r\n").encode("ascii"))
    answer = b""
    while b"\r\n\r\n" not in answer:
        sock.settimeout(remaining())
        chunk = sock.recv(1024)
        if not chunk:
            raise intake_error(shown, f"the proxy {proxy.shown} closed the connection "
                                      "instead of opening a tunnel")
        answer += chunk
        if len(answer) > MAX_TUNNEL_ANSWER:
            raise intake_error(shown, f"the proxy {proxy.shown} sent no answer a proxy sends")
    head, _, rest = answer.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0].decode("latin-1")
    fields = status_line.split(" ", 2)
    if len(fields) < 2 or not fields[0].startswith("HTTP/") or not fields[1].isdigit():
        raise intake_error(shown, f"the proxy {proxy.shown} sent no answer a proxy sends")
    if fields[1] != "200":
        reason = fields[2].strip() if len(fields) > 2 else ""
        raise intake_error(shown, f"the proxy {proxy.shown} answered {fields[1]} "
                                  f"{reason}".rstrip()[:300])
    if rest:
        raise intake_error(shown, f"the proxy {proxy.shown} sent data before the tunnel opened")

