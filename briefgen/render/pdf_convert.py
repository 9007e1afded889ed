"""PDF memos as the rendered .docx converted by LibreOffice: the one route that keeps a Word
template's look (letterhead, fonts, margins) and gives a tagged, accessible PDF.

``BRIEFGEN_PDF_CONVERTER`` chooses: ``auto`` (the default: LibreOffice when it is installed),
``none`` (never convert: the built-in fpdf2 drawing), or the path of a ``soffice`` program.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import queue
import secrets
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import platformdirs

from briefgen.cancellation import current_cancel_check
from briefgen.errors import Cancelled, RenderError

CONVERTER_ENV = "BRIEFGEN_PDF_CONVERTER"
CONVERT_SECONDS = 120
MAX_PDF_BYTES = 200 * 1024 * 1024
# Tagged PDF (a structure tree for screen readers), the document's title shown in the window
# title bar, bookmarks from the headings: what an accessibility checker asks of a PDF.
_EXPORT_FILTER = ('pdf:writer_pdf_Export:{'
                  '"UseTaggedPDF":{"type":"boolean","value":"true"},'
                  '"DisplayPDFDocumentTitle":{"type":"boolean","value":"true"},'
                  '"ExportBookmarks":{"type":"boolean","value":"true"}}')
# What a PDF drawn by fpdf2 (no LibreOffice here; built-in templates only) lacks: one line.
FALLBACK_NOTICE = ("the PDF was drawn without LibreOffice, so it lacks the template's Word "
                   "layout (letterhead, fonts, margins) and tags for screen readers; install "
                   "LibreOffice, or export .docx, for the full memo")


def find_converter() -> Path | None:
    """The ``soffice`` program to convert with, or None (none installed, or turned off)."""
    choice = os.environ.get(CONVERTER_ENV, "auto").strip()
    if choice.lower() == "none":
        return None
    if choice and choice.lower() != "auto":
        path = Path(choice)
        return path if path.is_file() and os.access(path, os.X_OK) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for candidate in (r"C:\Program Files\LibreOffice\program\soffice.exe",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if Path(candidate).is_file():
            return Path(candidate)
    return None


_LOCK = threading.Lock()  # one conversion at a time per process: they share one profile
_PROFILE: list[Path] = []


def _cache_dir() -> Path:
    base = Path(platformdirs.user_cache_dir("briefgen", appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def profile_dir() -> Path:
    """This process's LibreOffice profile, made on first use and removed at exit: never the
    user's own profile (an open LibreOffice window holds it locked), and never one another
    process uses (batch workers convert side by side)."""
    if not _PROFILE:
        _PROFILE.append(Path(tempfile.mkdtemp(prefix="libreoffice-", dir=_cache_dir())))
        atexit.register(shutil.rmtree, _PROFILE[0], True)
    return _PROFILE[0]


def convert_docx_to_pdf(docx: bytes, converter: Path, *,
                        seconds: float = CONVERT_SECONDS) -> bytes:
    """The PDF LibreOffice makes of the .docx ``docx``; RenderError when it fails or runs
    past ``seconds``, Cancelled (the converter killed) when the caller cancels."""
    with _LOCK:
        return _convert(docx, converter, seconds)


def _convert(docx: bytes, converter: Path, seconds: float) -> bytes:
    profile = profile_dir()
    is_cancelled = current_cancel_check()
    with tempfile.TemporaryDirectory(prefix="briefgen-pdf-") as work:
        source = Path(work) / "memo.docx"
        source.write_bytes(docx)
        command = [str(converter), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                   "--norestore", "--nologo", "--convert-to", _EXPORT_FILTER,
                   "--outdir", work, str(source)]
        errors = Path(work) / "errors.txt"
        with errors.open("wb") as error_stream:  # a file, never a pipe that could fill up
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=error_stream,
                                       stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + seconds
        try:
            while process.poll() is None:
                if is_cancelled is not None and is_cancelled():
                    raise Cancelled("The PDF export was cancelled.")
                if time.monotonic() > deadline:
                    raise RenderError(f"LibreOffice did not make the PDF within {seconds:g} "
                                      "seconds; export .docx instead, or try again.")
                time.sleep(0.05)
        finally:
            if process.poll() is None:
                _kill(process)
        stderr = errors.read_bytes()[-4000:].decode("utf-8", "replace")
        pdf = Path(work) / "memo.pdf"
        if process.returncode != 0 or not pdf.is_file():
            reason = " ".join(stderr.split())[-200:] or f"exit status {process.returncode}"
            raise RenderError(f"LibreOffice could not convert the memo to PDF ({reason}).")
        if pdf.stat().st_size > MAX_PDF_BYTES:
            raise RenderError("LibreOffice made a PDF over 200 MB; export .docx instead.")
        return pdf.read_bytes()


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Stop the converter and whatever it started (its own session)."""
    with contextlib.suppress(OSError):
        if hasattr(os, "killpg"):
            os.killpg(process.pid, 9)
        else:  # Windows (untested here): the process and its children
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)],
                           capture_output=True, timeout=10, check=False)
            process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(5)


# The warm converter -------------------------------------------------------------------------
# One LibreOffice kept running per process (with a profile of its own) and driven through UNO
# by uno_helper.py, so that the second and later PDFs do not pay LibreOffice's start-up.

START_SECONDS = 90.0
UNO_PYTHON_ENV = "BRIEFGEN_UNO_PYTHON"
_HELPER = Path(__file__).with_name("uno_helper.py")
_UNO_PYTHON: dict[Path, Path | None] = {}


class ConverterDied(RenderError):
    """The warm LibreOffice ended while (or before) it converted."""


class ConverterUnavailable(RenderError):
    """The warm LibreOffice could not be started (the one-shot route may still work)."""

_WARM: dict[Path, WarmConverter] = {}
_WARM_BROKEN: set[Path] = set()


def uno_python(converter: Path) -> Path | None:
    """A Python that can import LibreOffice's ``uno`` module (to drive ``converter``), or
    None: ``BRIEFGEN_UNO_PYTHON`` if set, else the one LibreOffice ships beside it (Windows,
    macOS), else the system's python3 (Debian's python3-uno). Checked once per process."""
    if converter in _UNO_PYTHON:
        return _UNO_PYTHON[converter]
    named = os.environ.get(UNO_PYTHON_ENV, "").strip()
    program = converter.resolve().parent
    candidates = [Path(named)] if named else [
        program / "python", program / "python.exe", program.parent / "Resources" / "python",
        Path("/usr/bin/python3"), *(Path(p) for p in [shutil.which("python3")] if p)]
    found = None
    for candidate in candidates:
        if not (candidate.is_file() and os.access(candidate, os.X_OK)):
            continue
        try:
            check = subprocess.run([str(candidate), "-c", "import uno"], capture_output=True,
                                   timeout=30, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if check.returncode == 0:
            found = candidate
            break
    _UNO_PYTHON[converter] = found
    return found


class WarmConverter:
    """LibreOffice kept running for this process's PDF conversions.

    It starts on the first ``convert`` (in the caller's thread: a worker's, never the
    window's), is restarted when it has died, is killed (with whatever it started) when a
    conversion runs past its time or the caller cancels, and is closed by ``stop`` (at the
    latest when this process exits: the helper also closes LibreOffice when its standard
    input ends, so it never outlives the app). ``starts`` counts the LibreOffice starts.
    """

    def __init__(self, converter: Path, python: Path) -> None:
        self.converter = converter
        self.python = python
        self.starts = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._replies: queue.Queue[str | None] = queue.Queue()
        self._profile: Path | None = None
        self._errors: Path | None = None
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        """The helper's process id (LibreOffice runs in its process group), None if stopped."""
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def convert(self, docx: bytes, *, seconds: float = CONVERT_SECONDS) -> bytes:
        """The PDF of the .docx ``docx``; RenderError when LibreOffice cannot make it or
        runs past ``seconds`` (then it is killed, and the next call starts it again),
        Cancelled when the caller cancels (killed too)."""
        with self._lock:
            try:
                return self._convert(docx, seconds)
            except ConverterDied:
                pass
            # LibreOffice died under this document (or before it): once more, fresh.
            return self._convert(docx, seconds)

    def stop(self) -> None:
        """Close LibreOffice (it is given a few seconds, then killed)."""
        process, self._process = self._process, None
        if process is None:
            self._remove_profile()
            return
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()  # the helper then closes LibreOffice and exits
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(15)
        _kill(process)  # whatever of its process group is left (LibreOffice's own children)
        self._remove_profile()
        if process.stdout is not None:
            with contextlib.suppress(OSError):
                process.stdout.close()

    def _remove_profile(self) -> None:
        if self._profile is not None:
            shutil.rmtree(self._profile, ignore_errors=True)
            self._profile = None

    def _convert(self, docx: bytes, seconds: float) -> bytes:
        is_cancelled = current_cancel_check()
        deadline = time.monotonic() + seconds
        if self.pid is None:
            self._start(is_cancelled)
        process = self._process
        assert process is not None
        assert process.stdin is not None
        with tempfile.TemporaryDirectory(prefix="briefgen-pdf-") as work:
            source, target = Path(work) / "memo.docx", Path(work) / "memo.pdf"
            source.write_bytes(docx)
            try:
                process.stdin.write(json.dumps({"in": str(source), "out": str(target)})
                                    .encode("utf-8") + b"\n")
                process.stdin.flush()
            except OSError:
                self._abandon()
                raise _died() from None
            reply = self._reply(deadline, is_cancelled, seconds)
            if reply is None:
                raise _died()
            if "error" in reply or not target.is_file():
                reason = str(reply.get("error", "no PDF was written"))[-200:]
                raise RenderError(f"LibreOffice could not convert the memo to PDF ({reason}).")
            if target.stat().st_size > MAX_PDF_BYTES:
                raise RenderError("LibreOffice made a PDF over 200 MB; export .docx instead.")
            return target.read_bytes()

    def _start(self, is_cancelled: Callable[[], bool] | None) -> None:
        """Start the helper and LibreOffice, and wait until it answers."""
        self._abandon()
        if self._profile is None or not self._profile.is_dir():
            # Its own folder (the helper removes it when it closes LibreOffice), beside the
            # one-shot route's: two LibreOffices never share a profile.
            self._profile = Path(tempfile.mkdtemp(prefix="libreoffice-warm-",
                                                  dir=_cache_dir()))
            self._errors = self._profile / "errors.txt"
        assert self._errors is not None
        pipe = f"briefgen-{os.getpid()}-{secrets.token_hex(8)}"  # never an earlier one's
        with self._errors.open("ab") as error_stream:
            process = subprocess.Popen(
                [str(self.python), str(_HELPER), str(self.converter), str(self._profile), pipe],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=error_stream,
                start_new_session=True)
        self.starts += 1
        self._process = process
        replies: queue.Queue[str | None] = queue.Queue()
        self._replies = replies
        threading.Thread(target=_read_replies, args=(process, replies), daemon=True,
                         name="briefgen-pdf-replies").start()
        reply = self._reply(time.monotonic() + START_SECONDS, is_cancelled, START_SECONDS)
        if reply is None or not reply.get("ready"):
            self._abandon()
            self._remove_profile()
            reason = (reply or {}).get("error") or "it stopped at start"
            raise ConverterUnavailable(
                f"LibreOffice could not be started for PDF export ({reason}).")

    def _reply(self, deadline: float, is_cancelled: Callable[[], bool] | None,
               seconds: float) -> dict[str, object] | None:
        """The helper's next answer; None when it has ended. Kills it on time-out or cancel."""
        while True:
            try:
                line = self._replies.get(timeout=0.05)
            except queue.Empty:
                if is_cancelled is not None and is_cancelled():
                    self._abandon()
                    raise Cancelled("The PDF export was cancelled.") from None
                if time.monotonic() > deadline:
                    self._abandon()
                    raise RenderError(f"LibreOffice did not make the PDF within {seconds:g} "
                                      "seconds; export .docx instead, or try again.") from None
                continue
            if line is None:
                self._abandon()
                return None
            with contextlib.suppress(ValueError):
                message = json.loads(line)
                if isinstance(message, dict):
                    return message

    def _abandon(self) -> None:
        """Kill the helper and LibreOffice at once (time-out, cancel, or a dead helper)."""
        process, self._process = self._process, None
        if process is not None:
            if process.poll() is None:
                _kill(process)
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()


def _read_replies(process: subprocess.Popen[bytes], replies: queue.Queue[str | None]) -> None:
    """Pass each line the helper prints to ``replies``; None once it has ended."""
    stream = process.stdout
    assert stream is not None
    with contextlib.suppress(OSError, ValueError):
        for line in stream:
            replies.put(line.decode("utf-8", "replace"))
    replies.put(None)


def _died() -> ConverterDied:
    return ConverterDied("LibreOffice stopped while converting the memo to PDF; try again.")


def warm_converter(converter: Path) -> WarmConverter | None:
    """This process's warm converter for ``converter`` (not started until it converts), or
    None where it cannot run: no Python with ``uno`` here, or it failed to start before."""
    with _LOCK:
        if converter in _WARM_BROKEN:
            return None
        if converter not in _WARM:
            python = uno_python(converter) if _HELPER.is_file() else None
            if python is None:
                _WARM_BROKEN.add(converter)
                return None
            if not _WARM:
                atexit.register(stop_warm_converters)
            _WARM[converter] = WarmConverter(converter, python)
        return _WARM[converter]


def stop_warm_converters() -> None:
    """Close every warm converter of this process (at exit, and when the app quits)."""
    for warm in list(_WARM.values()):
        warm.stop()


def convert_warm(docx: bytes, converter: Path, *, seconds: float = CONVERT_SECONDS) -> bytes:
    """The PDF of ``docx`` by the warm converter where it can run, else one-shot; a warm
    converter that cannot start is not tried again in this process."""
    warm = warm_converter(converter)
    if warm is not None:
        try:
            return warm.convert(docx, seconds=seconds)
        except ConverterUnavailable:
            _WARM_BROKEN.add(converter)
    return convert_docx_to_pdf(docx, converter, seconds=seconds)
