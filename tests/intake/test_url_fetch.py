"""Tests for briefgen/intake/url_fetch.py against a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from support.builders import HEADLINE, PUBLISHER, html_page, pdf_bytes

from briefgen.errors import IntakeError
from briefgen.intake import load_url

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
