"""The warm converter's helper: a long-lived child run by a Python that has LibreOffice's
``uno`` module (Debian's python3-uno, or the Python LibreOffice ships on Windows and macOS),
never imported by briefgen itself (the app's own Python usually lacks ``uno``).

Usage: ``python3 uno_helper.py SOFFICE FOLDER PIPE_NAME``. It starts LibreOffice headless
with its own profile (in FOLDER, made for it), listening on the named pipe, connects to it,
and prints one JSON line ``{"ready": true}`` (or ``{"error": ...}`` and exits). Then it
reads jobs, one JSON line each on standard input: ``{"in": DOCX_PATH, "out": PDF_PATH}``,
and answers each with ``{"ok": true}`` or ``{"error": SENTENCE}``. When its standard input
ends (the app quit, crashed or closed it) it closes LibreOffice, removes FOLDER and exits,
so neither an office process nor its profile outlives the app (a batch worker process ends
without running its own clean-up).

Documents are loaded hidden, read-only, with macros and links never run or updated.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import uno  # only in LibreOffice's Python
from com.sun.star.beans import PropertyValue

CONNECT_SECONDS = 90.0
# Tagged PDF (a structure tree for screen readers), the document's title in the window's
# title bar, bookmarks from the headings: as the one-shot route (pdf_convert) asks.
EXPORT_OPTIONS = {"UseTaggedPDF": True, "DisplayPDFDocumentTitle": True,
                  "ExportBookmarks": True}
NEVER_EXECUTE = 0  # com.sun.star.document.MacroExecMode.NEVER_EXECUTE
NO_UPDATE = 0  # com.sun.star.document.UpdateDocMode.NO_UPDATE


def _property(name: str, value: object) -> object:
    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def _say(message: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def _connect(office: subprocess.Popen[bytes], pipe: str) -> Any:
    """The running LibreOffice's desktop, once it answers on ``pipe``."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            context = resolver.resolve(
                f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", context)
        except Exception:  # NoConnectException: not listening yet
            if office.poll() is not None:
                raise RuntimeError(f"LibreOffice stopped at start (exit status "
                                   f"{office.returncode})") from None
            if time.monotonic() > deadline:
                raise RuntimeError("LibreOffice did not answer within "
                                   f"{CONNECT_SECONDS:g} seconds") from None
            time.sleep(0.1)


def _convert(desktop: Any, source: Path, target: Path) -> None:
    load = (_property("Hidden", True), _property("ReadOnly", True),
            _property("MacroExecutionMode", NEVER_EXECUTE),
            _property("UpdateDocMode", NO_UPDATE))
    document = desktop.loadComponentFromURL(
        source.as_uri(), "_blank", 0, load)
    if document is None:
        raise RuntimeError("LibreOffice could not open the document")
    try:
        options = tuple(_property(name, value) for name, value in EXPORT_OPTIONS.items())
        store = (_property("FilterName", "writer_pdf_Export"),
                 _property("FilterData",
                           uno.Any("[]com.sun.star.beans.PropertyValue", options)))
        uno.invoke(document, "storeToURL", (target.as_uri(), store))
    finally:
        try:
            document.close(True)
        except Exception:
            document.dispose()


def _close(desktop: Any, office: subprocess.Popen[bytes]) -> None:
    if desktop is not None:
        with contextlib.suppress(Exception):  # the bridge goes down as LibreOffice quits
            desktop.terminate()
    try:
        office.wait(10)
    except subprocess.TimeoutExpired:
        office.kill()
        office.wait(5)


def main(argv: list[str]) -> int:
    soffice, folder, pipe = argv[1:4]
    profile = (Path(folder) / "profile").as_uri()
    office = subprocess.Popen(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--invisible",
         "--nocrashreport", "--nodefault", "--nologo", "--nofirststartwizard",
         "--norestore", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdin=subprocess.DEVNULL, stdout=sys.stderr, stderr=sys.stderr)
    desktop = None
    try:
        try:
            desktop = _connect(office, pipe)
        except Exception as exc:
            _say({"error": str(exc)})
            return 1
        _say({"ready": True})
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                job = json.loads(line)
                _convert(desktop, Path(job["in"]), Path(job["out"]))
            except Exception as exc:
                name = type(exc).__name__
                detail = " ".join(str(getattr(exc, "Message", "") or exc).split())[:200]
                _say({"error": f"{name}: {detail}" if detail else name})
                if office.poll() is not None:
                    return 1
            else:
                _say({"ok": True})
        return 0
    finally:
        _close(desktop, office)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
