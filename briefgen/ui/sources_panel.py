"""The sources panel: the articles in the brief, and the ways to add or remove them."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefgen.ui.models import SourcesModel


class SourcesPanel(QWidget):
    """A list of sources with Paste, Open, URL and Remove; accepts dropped files and links.

    It only asks: the main window decides what loading means (``paste_requested`` carries
    the clipboard's plain text and HTML, ``files_dropped`` local paths, ``urls_dropped``
    web addresses).
    """

    paste_requested = Signal()
    open_requested = Signal()
    url_requested = Signal()
    files_dropped = Signal(list)
    urls_dropped = Signal(list)
    remove_requested = Signal(str)
    details_requested = Signal(str)
    current_changed = Signal(object)  # source id or None

    def __init__(self, model: SourcesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        title = QLabel("Sources", self)
        title.setObjectName("panelTitle")
        self.list = QListView(self)
        self.list.setObjectName("sourcesList")
        self.list.setAccessibleName("Sources")
        self.list.setModel(model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(2)
        self.list.setAcceptDrops(False)  # the panel takes the drop
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        model.modelReset.connect(self._after_reset)

        self.paste_button = self._button("Paste", "Add the article on the clipboard (Ctrl+V)")
        self.open_button = self._button("Open\u2026", "Add articles from files (Ctrl+O)")
        self.url_button = self._button("URL\u2026", "Add an article from a web address (Ctrl+L)")
        self.remove_button = self._button("Remove", "Remove the selected source (Delete)")
        self.details_button = self._button(
            "Details\u2026", "Set the selected source's title, publisher and publication "
            "date (or double-click it)")
        self.details_button.setAccessibleName("Source details")
        self.paste_button.clicked.connect(self.paste_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.url_button.clicked.connect(self.url_requested)
        self.remove_button.clicked.connect(self._request_remove)
        self.remove_button.setEnabled(False)
        self.details_button.clicked.connect(self._request_details)
        self.details_button.setEnabled(False)
        self.list.activated.connect(lambda _index: self._request_details())

        # Ctrl+V here is the window's Edit > Paste, which adds the clipboard as an article
        # when the sources have the focus (a second Ctrl+V shortcut would be ambiguous).
        remove = QAction("Remove source", self)
        remove.setShortcut(QKeySequence.StandardKey.Delete)
        remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        remove.triggered.connect(self._request_remove)
        self.addActions([remove])

        self.hint = QLabel(
            "Paste an article, open files, or drop files and links here.", self
        )
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for button in (self.paste_button, self.open_button, self.url_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        # What acts on the selected source sits under the list (one row of five buttons
        # made the pane, and so the window, wider than a 1000 px minimum).
        selected = QHBoxLayout()
        selected.setSpacing(4)
        selected.addStretch(1)
        selected.addWidget(self.details_button)
        selected.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addLayout(selected)
        layout.addWidget(self.hint)
        self.setAcceptDrops(True)
        self._after_reset()

    def current_source_id(self) -> str | None:
        """The id of the selected source, ``None`` when there is none."""
        return self.model.source_id(self.list.currentIndex().row())

    def select_source(self, source_id: str) -> None:
        """Select the source with this id (no effect when it is not listed)."""
        for row in range(self.model.rowCount()):
            if self.model.source_id(row) == source_id:
                self.list.setCurrentIndex(self.model.index(row, 0))
                return

    # Drag and drop ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files, links = split_dropped(event.mimeData())
        if files:
            self.files_dropped.emit(files)
        if links:
            self.urls_dropped.emit(links)
        event.acceptProposedAction()

    # Internals -------------------------------------------------------------------------

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        return button

    def _request_remove(self) -> None:
        source_id = self.current_source_id()
        if source_id is not None:
            self.remove_requested.emit(source_id)

    def _request_details(self) -> None:
        source_id = self.current_source_id()
        if source_id is not None:
            self.details_requested.emit(source_id)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        source_id = self.model.source_id(current.row())
        self.remove_button.setEnabled(source_id is not None)
        self.details_button.setEnabled(source_id is not None)
        self.current_changed.emit(source_id)

    def _after_reset(self) -> None:
        empty = self.model.rowCount() == 0
        self.hint.setVisible(empty)
        if not empty and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(0, 0))
        elif empty:
            self.remove_button.setEnabled(False)
            self.details_button.setEnabled(False)
            self.current_changed.emit(None)


def split_dropped(mime: QMimeData) -> tuple[list[str], list[str]]:
    """Local file paths and web addresses among dropped URLs."""
    files: list[str] = []
    links: list[str] = []
    for url in mime.urls():
        if url.isLocalFile():
            files.append(url.toLocalFile())
        elif url.scheme() in ("http", "https"):
            links.append(url.toString())
    return files, links
