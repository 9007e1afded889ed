"""A briefgen window in a process of its own, for the tests of autosave across processes.

``edit BRIEF SUBJECT``: the app's window (create_window, the user's real folders) opens
BRIEF, sets the subject, autosaves at once, prints ``ready`` and runs until killed.
``offers``: a new start of the app prints, as JSON, what its recovery offers (answering
"Later", so nothing is removed), then exits.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtWidgets import QApplication

from briefgen.ui import dialogs
from briefgen.ui.app import APP_NAME, create_window


def edit(brief_path: str, subject: str) -> int:
    app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    window = create_window(nlp_factory=lambda: None)
    assert window.files.open_brief(brief_path)
    window.document.set_value(("fields", "subject"), subject)
    worker = window.files.autosave()
    assert worker is not None
    worker.signals.done.connect(lambda: print("ready", flush=True))
    return app.exec()


def offers() -> int:
    app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    seen: list[list[str]] = []

    def ask(_cls: type, _parent: object, lines: list[str] | str) -> tuple[str, int]:
        seen.append([lines] if isinstance(lines, str) else lines)  # str: one offer, before
        return ("later", -1)

    dialogs.RecoverDialog.ask = classmethod(ask)  # type: ignore[method-assign, assignment]
    window = create_window(nlp_factory=lambda: None)
    recovered = window.files.offer_recovery()
    print(json.dumps({"offers": seen[0] if seen else [], "recovered": recovered}), flush=True)
    window.files.shutdown()
    del app
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "edit":
        sys.exit(edit(sys.argv[2], sys.argv[3]))
    sys.exit(offers())
