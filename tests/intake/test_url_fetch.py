"""Tests for briefgen/intake/url_fetch.py against a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.builders import HEADLINE, PUBLISHER, html_page, pdf_bytes

from briefgen.errors import IntakeError
from briefgen.intake import load_url
from briefgen.intake.url_fetch import redirect_allowed

PAGE = html_page().encode("utf-8")
LATIN1_PAGE = html_page().replace("harbour council", "harbour café").encode("latin-1")


class _Handler(BaseHTTPRequestHandler):
    """Serves a news page, a PDF, a redirect, a slow answer, errors and a huge body."""

    def log_message(self, *_: object) -> None:  # keep test output clean
        pass

    def _send(self, body: bytes, content_type: str, status: int = 200) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (the timeout test)

    def _drip(self, in_headers: bool) -> None:
        """One byte every 50 ms, for ever (until the client hangs up)."""
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        try:
            if not in_headers:
                self.wfile.write(head + b"\r\n")
                head = b"<p>" + b"x" * 10_000
            for _ in range(10_000):
                self.wfile.write(head[:1] if in_headers else b"x")
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        if self.path == "/story":
            self._send(PAGE, "text/html; charset=utf-8")
        elif self.path == "/latin1":
            page = LATIN1_PAGE.replace(b'charset="utf-8"', b"")
            self._send(page, "text/html; charset=iso-8859-1")
        elif self.path == "/story.pdf":
            self._send(pdf_bytes(), "application/pdf")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/story")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(PAGE, "text/html")
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<p>" + b"x" * 300_000 + b"</p>")
        elif self.path == "/empty":
            self._send(b"", "text/html")
        elif self.path.startswith("/go?"):  # redirects wherever the query says
            self.send_response(302)
            self.send_header("Location", urllib.parse.unquote(self.path[4:]))
            self.end_headers()
        elif self.path in ("/drip-headers", "/drip-body"):
            self._drip(self.path == "/drip-headers")
        else:
            self._send(b"<h1>Not here</h1>", "text/html", status=404)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_page_is_fetched_through_the_html_path_and_keeps_its_url(server: str) -> None:
    source = load_url(f"{server}/story")
    assert source.title == HEADLINE
    assert source.publisher == PUBLISHER
    assert source.url == f"{server}/story"
    assert source.text.startswith("PORT ELLIS, Feb. 4")
    assert source.path is None


def test_redirect_is_followed_and_the_final_url_kept(server: str) -> None:
    assert load_url(f"{server}/moved").url == f"{server}/story"


def test_http_charset_header_is_honoured(server: str) -> None:
    assert "harbour café" in load_url(f"{server}/latin1").text


def test_pdf_at_a_url_is_read_as_a_pdf(server: str) -> None:
    source = load_url(f"{server}/story.pdf")
    assert "timetable" in source.text
    assert source.url == f"{server}/story.pdf"


def test_missing_page_error_names_the_url_and_the_status(server: str) -> None:
    with pytest.raises(IntakeError, match=r"/gone\": the server answered 404 Not Found\.$"):
        load_url(f"{server}/gone")


def test_slow_server_times_out_with_a_clear_sentence(server: str) -> None:
    with pytest.raises(IntakeError, match=r"did not answer within 0\.3 s"):
        load_url(f"{server}/slow", timeout=0.3)


def test_body_over_the_size_cap_is_refused(server: str) -> None:
    with pytest.raises(IntakeError, match="more than the"):
        load_url(f"{server}/huge", max_bytes=100_000)


def test_declared_length_over_the_cap_is_refused_before_reading(server: str) -> None:
    with pytest.raises(IntakeError, match="more than the"):
        load_url(f"{server}/story", max_bytes=1_000)


def test_empty_answer_is_refused(server: str) -> None:
    with pytest.raises(IntakeError, match="the server sent an empty page"):
        load_url(f"{server}/empty")


def test_refused_connection_says_so() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(IntakeError, match="refused the connection"):
        load_url(f"http://127.0.0.1:{port}/story", timeout=2)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "not a url"])
def test_only_web_addresses_are_fetched(url: str) -> None:
    with pytest.raises(IntakeError, match="only http:// and https:// addresses"):
        load_url(url)


def test_load_takes_a_web_address_as_well_as_a_path(server: str) -> None:
    from briefgen.intake import load

    source = load(f"{server}/story")
    assert source.url == f"{server}/story"
    assert source.title == HEADLINE


@pytest.mark.parametrize("path", ["/drip-headers", "/drip-body"])
def test_a_server_dripping_bytes_is_cut_off_at_the_one_deadline(server: str, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(IntakeError, match=r"did not answer within 0\.6 s\.$"):
        load_url(f"{server}{path}", timeout=0.6)
    assert time.monotonic() - started < 2.0


class _Trap:
    """A second listener on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.05)
        self.port: int = self.sock.getsockname()[1]
        self.hits = 0

    def count(self) -> int:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return self.hits
            conn.close()
            self.hits += 1


@pytest.fixture(scope="module")
def trap() -> Iterator[_Trap]:
    listener = _Trap()
    yield listener
    listener.sock.close()


def test_a_redirect_to_ftp_is_refused_without_contacting_it(server: str, trap: _Trap) -> None:
    before = trap.count()
    target = urllib.parse.quote(f"ftp://127.0.0.1:{trap.port}/")
    with pytest.raises(IntakeError, match="not an http:// or https:// address"):
        load_url(f"{server}/go?{target}", timeout=2)
    assert trap.count() == before


def test_a_redirect_to_another_local_port_is_refused(server: str, trap: _Trap) -> None:
    before = trap.count()
    target = urllib.parse.quote(f"http://127.0.0.1:{trap.port}/internal-admin")
    with pytest.raises(IntakeError, match="a local or private address"):
        load_url(f"{server}/go?{target}", timeout=2)
    assert trap.count() == before


@pytest.mark.parametrize(("typed", "hop", "address", "allowed"), [
    ("http://news.example.org/a", "http://127.0.0.1:8080/admin", "127.0.0.1", False),
    ("http://news.example.org/a", "http://router/", "192.168.1.1", False),
    ("http://news.example.org/a", "http://meta/", "169.254.169.254", False),
    ("http://news.example.org/a", "http://x/", "::ffff:10.0.0.1", False),
    ("http://news.example.org/a", "http://x/", "fe80::1", False),
    ("http://news.example.org/a", "https://www.example.org/b", "93.184.215.14", True),
    ("http://127.0.0.1:8000/a", "http://127.0.0.1:8000/b", "127.0.0.1", True),
    ("http://127.0.0.1:8000/a", "http://127.0.0.1:8001/b", "127.0.0.1", False),
    ("http://127.0.0.1:8000/a", "http://localhost:8000/b", "127.0.0.1", False),
])
def test_only_the_typed_origin_may_be_a_non_public_address(
    typed: str, hop: str, address: str, allowed: bool
) -> None:
    assert redirect_allowed(typed, hop, ipaddress.ip_address(address)) is allowed


LOCAL_HOSTS = st.sampled_from(["127.0.0.1", "localhost", "[::1]", "0.0.0.0", "127.0.0.2",
                               "10.0.0.1", "169.254.169.254", "[::ffff:127.0.0.1]"])
SCHEMES = st.sampled_from(["http", "https", "ftp", "file", "gopher", "HTTP", "data", ""])


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(scheme=SCHEMES, host=LOCAL_HOSTS, same_port=st.booleans(),
       path=st.text("abc/?=&.", max_size=8), hops=st.integers(1, 8))
def test_no_redirect_chain_leaves_the_typed_address(
    server: str, trap: _Trap, scheme: str, host: str, same_port: bool, path: str, hops: int
) -> None:
    port = urllib.parse.urlsplit(server).port if same_port else trap.port
    location = f"{scheme}://{host}:{port}/{path}" if scheme else f"//{host}:{port}/{path}"
    url = f"{server}/go?{urllib.parse.quote(location)}"
    for _ in range(hops - 1):
        url = f"{server}/go?{urllib.parse.quote(url)}"
    before = trap.count()
    reached, refusal = "", ""
    try:
        reached = urllib.parse.urlsplit(load_url(url, timeout=3).url or "").netloc
    except IntakeError as exc:
        refusal = str(exc)
    assert trap.count() == before
    assert reached in ("", urllib.parse.urlsplit(server).netloc)
    assert "\n" not in refusal


def test_the_users_own_typed_loopback_address_is_fetched_by_name_too(server: str) -> None:
    typed = server.replace("127.0.0.1", "localhost") + "/story"
    source = load_url(typed, timeout=3)
    assert source.title == HEADLINE
    assert source.url == typed
