"""Tests for briefgen/intake/proxy.py: fetching through the proxy the environment names,
against a recording proxy on 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from support.builders import HEADLINE, html_page

from briefgen.errors import IntakeError
from briefgen.intake import load_url
from briefgen.intake.proxy import parse_proxy, proxy_for

PAGE = html_page().encode("utf-8")
# Names under .invalid never resolve, so only a proxy can reach them.
STORY = "http://news.invalid/story?id=7"


class _Proxy(BaseHTTPRequestHandler):
    """Answers GET for any absolute address with the page (or a redirect), and CONNECT
    with the status the test chose; records every request line and its headers."""

    seen: list[tuple[str, dict[str, str]]] = []
    connect_status = "407 Proxy Authentication Required"
    redirect_to = ""

    def log_message(self, *_: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self.seen.append((self.requestline, dict(self.headers.items())))
        if self.redirect_to:
            self.send_response(302)
            self.send_header("Location", self.redirect_to)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def do_CONNECT(self) -> None:  # noqa: N802
        self.seen.append((self.requestline, dict(self.headers.items())))
        self.wfile.write(f"HTTP/1.1 {self.connect_status}\r\nContent-Length: 0\r\n\r\n".encode())


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Proxy.seen = []
    _Proxy.redirect_to = ""
    address = f"127.0.0.1:{httpd.server_address[1]}"
    for name in ("http_proxy", "https_proxy", "no_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setenv("http_proxy", f"http://{address}")
    monkeypatch.setenv("https_proxy", f"http://{address}")
    try:
        yield address
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_page_is_asked_of_the_proxy_by_its_whole_address(proxy: str) -> None:
    source = load_url(STORY + "#top", timeout=3)
    assert source.title == HEADLINE
    line, headers = _Proxy.seen[0]
    assert line == "GET http://news.invalid/story?id=7 HTTP/1.1"
    assert headers["Host"] == "news.invalid"
    assert "Proxy-Authorization" not in headers


def test_the_user_name_in_the_proxy_setting_is_sent_to_the_proxy(
    proxy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("http_proxy", f"http://ana:s%40fe@{proxy}")
    load_url(STORY, timeout=3)
    # base64 of "ana:s@fe"
    assert _Proxy.seen[0][1]["Proxy-Authorization"] == "Basic YW5hOnNAZmU="


def test_https_goes_through_a_tunnel_and_a_refusal_names_the_proxy(proxy: str) -> None:
    with pytest.raises(IntakeError) as caught:
        load_url("https://news.invalid/story", timeout=3)
    assert _Proxy.seen[0][0] == "CONNECT news.invalid:443 HTTP/1.1"
    message = str(caught.value)
    assert f"the proxy {proxy} answered 407 Proxy Authentication Required" in message
    assert "https://news.invalid/story" in message


def test_a_host_listed_in_no_proxy_is_reached_directly(
    proxy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("no_proxy", "news.invalid")
    with pytest.raises(IntakeError, match="could not be resolved"):
        load_url(STORY, timeout=3)
    assert _Proxy.seen == []


def test_the_proxy_cannot_redirect_to_a_local_address(proxy: str) -> None:
    _Proxy.redirect_to = "http://127.0.0.1:9/admin"
    with pytest.raises(IntakeError, match="a local or private address"):
        load_url(STORY, timeout=3)
    assert len(_Proxy.seen) == 1


def test_the_users_own_local_address_is_not_sent_to_the_proxy(
    proxy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    thread = threading.Thread(target=local.serve_forever, daemon=True)
    thread.start()
    try:
        source = load_url(f"http://127.0.0.1:{local.server_address[1]}/story", timeout=3)
    finally:
        local.shutdown()
        local.server_close()
    assert source.title == HEADLINE
    assert _Proxy.seen[0][0] == "GET /story HTTP/1.1"  # asked directly, not by whole address


def test_a_proxy_that_is_not_running_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    with pytest.raises(IntakeError, match=r"the proxy 127\.0\.0\.1:9 refused the connection"):
        load_url(STORY, timeout=3)


@pytest.mark.parametrize("setting", ["socks5://127.0.0.1:1080", "https://proxy.invalid:443"])
def test_a_proxy_briefgen_cannot_speak_to_is_refused_in_one_sentence(setting: str) -> None:
    with pytest.raises(IntakeError) as caught:
        parse_proxy(setting, "https", STORY)
    assert "is not an http:// proxy" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_password_is_never_shown_in_an_error() -> None:
    with pytest.raises(IntakeError) as caught:
        parse_proxy("socks5://ana:secret@127.0.0.1:1080", "https", STORY)
    assert "secret" not in str(caught.value)


def test_a_setting_without_a_scheme_is_an_http_proxy() -> None:
    assert parse_proxy("proxy.office.invalid:3128", "http", STORY).shown == (
        "proxy.office.invalid:3128")


def test_no_setting_means_no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    assert proxy_for("https", "news.invalid", STORY) is None
