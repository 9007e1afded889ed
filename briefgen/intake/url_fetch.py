"""Fetching the bytes at a URL, with a timeout and a size cap (dispatch reads them)."""

from __future__ import annotations

import email.message
import socket
import urllib.error
import urllib.parse
import urllib.request

from briefgen.errors import IntakeError
from briefgen.intake.reading import intake_error, too_large_reason

USER_AGENT = "briefgen/0.1 (desktop briefing tool)"


def _read_capped(response: object, url: str, max_bytes: int) -> bytes:
    read = getattr(response, "read")  # noqa: B009 - http.client and urllib responses alike
    data: bytes = read(max_bytes + 1)
    if len(data) > max_bytes:
        raise intake_error(url, too_large_reason(len(data), max_bytes) + " to fetch")
    return data


def fetch_url(url: str, *, timeout: float, max_bytes: int) -> tuple[bytes, str | None, str]:
    """The body, declared charset and final URL of ``url``; IntakeError when it fails."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise intake_error(url, "only http:// and https:// addresses can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise intake_error(url, too_large_reason(int(length), max_bytes) + " to fetch")
            data = _read_capped(response, url, max_bytes)
            headers: email.message.Message = response.headers
            charset = headers.get_content_charset()
            final_url = response.geturl() or url
    except IntakeError:
        raise
    except urllib.error.HTTPError as exc:
        raise intake_error(url, f"the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise intake_error(url, f"the server did not answer within {timeout:g} s") from None
        if isinstance(reason, ConnectionRefusedError):
            raise intake_error(url, "the server refused the connection") from None
        if isinstance(reason, socket.gaierror):
            raise intake_error(
                url, "the address could not be resolved (are you offline?)"
            ) from None
        raise intake_error(url, f"it could not be fetched ({reason})") from None
    except TimeoutError:
        raise intake_error(url, f"the server did not answer within {timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise intake_error(url, f"it could not be fetched ({exc})") from None
    return data, charset, final_url

