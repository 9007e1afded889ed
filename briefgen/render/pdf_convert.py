"""PDF memos as the rendered .docx converted by LibreOffice: the one route that keeps a Word
template's look (letterhead, fonts, margins) and gives a tagged, accessible PDF.

``BRIEFGEN_PDF_CONVERTER`` chooses: ``auto`` (the default: LibreOffice when it is installed),
``none`` (never convert: the built-in fpdf2 drawing), or the path of a ``soffice`` program.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import platformdirs

from briefgen.errors import Cancelled, RenderError
from briefgen.render.isolation import current_cancel_check

CONVERTER_ENV = "BRIEFGEN_PDF_CONVERTER"
CONVERT_SECONDS = 120
MAX_PDF_BYTES = 200 * 1024 * 1024
# Tagged PDF (a structure tree for screen readers), the document's title shown in the window
# title bar, bookmarks from the headings: what an accessibility checker asks of a PDF.
_EXPORT_FILTER = ('pdf:writer_pdf_Export:{'
                  '"UseTaggedPDF":{"type":"boolean","value":"true"},'
                  '"DisplayPDFDocumentTitle":{"type":"boolean","value":"true"},'
                  '"ExportBookmarks":{"type":"boolean","value":"true"}}')
UNTAGGED_NOTICE = ("the PDF was drawn without LibreOffice, so it is not tagged for screen "
                   "readers; install LibreOffice, or export .docx, for an accessible PDF")


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


def profile_dir() -> Path:
    """This process's LibreOffice profile, made on first use and removed at exit: never the
    user's own profile (an open LibreOffice window holds it locked), and never one another
    process uses (batch workers convert side by side)."""
    if not _PROFILE:
        base = Path(platformdirs.user_cache_dir("briefgen", appauthor=False))
        base.mkdir(parents=True, exist_ok=True)
        _PROFILE.append(Path(tempfile.mkdtemp(prefix="libreoffice-", dir=base)))
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
        else:
            process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(5)
