"""Tests for briefgen/ui/sources_panel.py: dropped files and links become requests."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from briefgen.model import Brief, Source
from briefgen.ui.document import BriefDocument
from briefgen.ui.models import SourcesModel
from briefgen.ui.sources_panel import SourcesPanel, split_dropped


def test_dropped_urls_split_into_local_files_and_web_links(tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "a.txt")),
                  QUrl("https://example.org/news/1"), QUrl("ftp://example.org/x")])
    files, links = split_dropped(mime)
    assert files == [str(tmp_path / "a.txt")]
    assert links == ["https://example.org/news/1"]


def test_a_drop_on_the_panel_asks_to_add_files_and_links(qtbot, tmp_path):
    panel = SourcesPanel(SourcesModel(BriefDocument()))
    qtbot.addWidget(panel)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "a.txt")), QUrl("https://example.org/n")])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    files: list[list[str]] = []
    links: list[list[str]] = []
    panel.files_dropped.connect(files.append)
    panel.urls_dropped.connect(links.append)
    panel.dropEvent(event)
    assert files == [[str(tmp_path / "a.txt")]]
    assert links == [["https://example.org/n"]]


def test_removing_asks_for_the_selected_source(qtbot):
    doc = BriefDocument(Brief(sources=[Source(id="src-1", text="Text.", title="One")]))
    panel = SourcesPanel(SourcesModel(doc))
    qtbot.addWidget(panel)
    assert panel.current_source_id() == "src-1"
    with qtbot.waitSignal(panel.remove_requested, timeout=1000) as blocker:
        panel.remove_button.click()
    assert blocker.args == ["src-1"]
