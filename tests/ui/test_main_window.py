"""Tests for briefgen/ui/main_window.py: the whole job, driven through the real window."""

from __future__ import annotations

import dataclasses
import html.parser
import http.server
import threading
from pathlib import Path

import docx
import pypdf
import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QThread, QUrl
from PySide6.QtGui import QDropEvent, QFocusEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from briefgen.model import brief_to_dict, load_brief
from briefgen.ui import dialogs, settings_dialog
from briefgen.ui.main_window import MainWindow

from .conftest import answer

pytestmark = pytest.mark.slow

EXTRACTION_TIMEOUT = 120_000


class _TextOf(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(markup: str) -> str:
    """The visible text of an HTML page, whitespace collapsed."""
    parser = _TextOf()
    parser.feed(markup)
    return " ".join(" ".join(parser.parts).split())


def shoot(window: MainWindow, folder: Path, name: str) -> None:
    """Save a picture of the window once its background work has settled."""
    for _ in range(200):
        QGuiApplication.processEvents()
        if window.runner.active() == 0 and not window.tasks.isVisible():
            break
        QThread.msleep(10)
    QGuiApplication.processEvents()
    assert window.grab().save(str(folder / f"{name}.png"))


def shoot_now(window: MainWindow, folder: Path, name: str) -> None:
    """Save a picture of the window as it is, background work included."""
    QGuiApplication.processEvents()
    assert window.grab().save(str(folder / f"{name}.png"))


def paste_article(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().setText(text)
    window.sources.list.setFocus()
    with qtbot.waitSignal(window.extraction.extracted, timeout=EXTRACTION_TIMEOUT):
        qtbot.keyClick(window.sources.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def edit_cell(qtbot, window: MainWindow, list_name: str, row: int, column: int, text: str):  # type: ignore[no-untyped-def]
    editor = window.form.editor(list_name)
    window.form.tabs.setCurrentWidget(editor)
    index = editor.model.index(row, column)
    editor.view.setFocus()
    editor.view.setCurrentIndex(index)
    qtbot.keyClick(editor.view, Qt.Key.Key_F2)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit | QPlainTextEdit), f"no inline editor opened ({line})"
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    # The delegate commits on the next event-loop turn.
    qtbot.waitUntil(lambda: index.data() == text, timeout=2000)


def wait_preview(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: text in html_text(window.preview.html), timeout=10_000)


def test_the_whole_job_from_paste_to_export_save_and_reopen(
    qtbot, make_window, screenshots, sample_article_path, tmp_path, monkeypatch
):
    window = make_window()
    shoot(window, screenshots, "01-empty-window")

    paste_article(qtbot, window, sample_article_path.read_text(encoding="utf-8"))
    brief = window.document.brief
    assert [s.title for s in brief.sources] == [
        "Norvalia and Estrava hold first direct talks in six years on reopening embassies"
    ]
    assert brief.key_points, "extraction found no key points"
    names = [p.name for p in brief.people]
    assert any("Solberg" in n for n in names), names
    assert "Norvalia" in window.source_view.text.toPlainText()
    wait_preview(qtbot, window, brief.fields["subject"])
    shoot(window, screenshots, "02-extracted")

    # Selecting a key point highlights its evidence in the source view.
    points = window.form.editor("key_points")
    points.select_row(0)
    evidence = [brief.evidence(s) for s in brief.key_points[0].spans]
    assert window.source_view.highlighted_text() == evidence
    shoot(window, screenshots, "03-evidence-highlighted")
    # Entering the bottom line shows its evidence too.
    assert brief.summary.spans
    QApplication.sendEvent(window.form.summary, QFocusEvent(QEvent.Type.FocusIn))
    assert window.source_view.highlighted_text() == [
        brief.evidence(s) for s in brief.summary.spans
    ]

    # Edit a key point and a person's role in the form; the preview follows.
    edit_cell(qtbot, window, "key_points", 0, 1, "The two sides agreed to reopen visa sections.")
    solberg = next(i for i, p in enumerate(brief.people) if "Solberg" in p.name)
    window.switch_template("meeting-readout")
    qtbot.waitUntil(lambda: "people" in window.form.editors, timeout=5000)
    edit_cell(qtbot, window, "people", solberg, 1, "Acting Foreign Minister")
    doc = window.document
    assert doc.brief.key_points[0].text == "The two sides agreed to reopen visa sections."
    assert doc.brief.people[solberg].role == "Acting Foreign Minister"
    # Her quotes follow her person.
    quoted = [q for q in doc.brief.quotes if q.speaker == doc.brief.people[solberg].name]
    assert quoted
    assert {q.speaker_role for q in quoted} == {"Acting Foreign Minister"}
    assert {"/key_points/0", f"/people/{solberg}"} <= set(doc.brief.edited)
    wait_preview(qtbot, window, "Acting Foreign Minister")
    assert window.isWindowModified()
    shoot(window, screenshots, "04-edited")

    # Undo both edits, then redo them.
    window.actions_by_key["undo"].trigger()
    window.actions_by_key["undo"].trigger()
    assert doc.brief.people[solberg].role != "Acting Foreign Minister"
    wait_preview(qtbot, window, doc.brief.key_points[0].text)
    window.actions_by_key["redo"].trigger()
    window.actions_by_key["redo"].trigger()
    assert doc.brief.people[solberg].role == "Acting Foreign Minister"
    assert doc.brief.key_points[0].text == "The two sides agreed to reopen visa sections."

    # Extraction again keeps what the user edited.
    with qtbot.waitSignal(window.extraction.extracted, timeout=EXTRACTION_TIMEOUT):
        window.actions_by_key["extract"].trigger()
    assert "The two sides agreed to reopen visa sections." in [
        k.text for k in doc.brief.key_points
    ]
    assert "Acting Foreign Minister" in [p.role for p in doc.brief.people]

    # Switch template through the template box.
    box = window.form.template_box
    index = box.findData("decision-memo")
    box.setCurrentIndex(index)
    box.activated.emit(index)
    assert doc.brief.template == "decision-memo"
    qtbot.waitUntil(lambda: "recommendation" in window.form.field_editors, timeout=5000)
    window.switch_template("meeting-readout")
    wait_preview(qtbot, window, "Acting Foreign Minister")
    shoot(window, screenshots, "05-meeting-readout")

    # Export Word, HTML and PDF, then reopen them.
    for suffix in (".docx", ".html", ".pdf"):
        out = tmp_path / f"memo{suffix}"
        answer(monkeypatch, dialogs.SaveFileDialog, str(out))
        worker = window.files.export_dialog()
        assert worker is not None
        with qtbot.waitSignal(worker.signals.done, timeout=30_000):
            pass
        assert out.is_file(), window.messages.text()
    word = "\n".join(p.text for p in docx.Document(str(tmp_path / "memo.docx")).paragraphs)
    tables = docx.Document(str(tmp_path / "memo.docx")).tables
    word += "\n".join(c.text for t in tables for r in t.rows for c in r.cells)
    assert "The two sides agreed to reopen visa sections." in word
    pdf_text = " ".join(
        (page.extract_text() or "") for page in pypdf.PdfReader(tmp_path / "memo.pdf").pages
    )
    assert "Acting Foreign Minister" in " ".join(pdf_text.split())
    page = html_text((tmp_path / "memo.html").read_text(encoding="utf-8"))
    assert "Acting Foreign Minister" in page
    assert "The two sides agreed to reopen visa sections." in page

    # Save, close, reopen and compare.
    saved = tmp_path / "geneva.brief"
    answer(monkeypatch, dialogs.SaveFileDialog, str(saved))
    window.actions_by_key["save"].trigger()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("geneva.brief")
    expected = brief_to_dict(doc.brief)
    assert brief_to_dict(load_brief(saved)) == expected
    window.close()
    assert not window.isVisible()

    again = make_window()
    again.files.open_brief(str(saved))
    assert brief_to_dict(again.document.brief) == expected
    assert not again.isWindowModified()
    qtbot.waitUntil(lambda: "people" in again.form.editors, timeout=5000)
    role_index = again.form.models["people"].index(solberg, 1)
    assert role_index.data() == "Acting Foreign Minister"
    shoot(again, screenshots, "06-reopened")


def test_work_autosaved_before_a_crash_is_offered_back_at_the_next_start(
    qtbot, make_window, monkeypatch, screenshots
):
    window = make_window()
    window.document.set_value(("fields", "subject"), "Unsaved talks")
    window.document.set_value(("summary", "text"), "They met and will meet again.")
    worker = window.files.autosave()
    assert worker is not None
    with qtbot.waitSignal(worker.signals.done, timeout=10_000):
        pass
    autosaved = brief_to_dict(window.document.brief)
    window.hide()  # the "crash": no clean close, the autosave slot stays, its lock goes
    window.files.autosave_store.release_lock()

    offers = answer(monkeypatch, dialogs.RecoverDialog, ("recover", 0))
    recovered = make_window()
    assert len(offers) == 1
    assert len(offers[0][1]) == 1
    assert "Unsaved talks" in offers[0][1][0]
    assert brief_to_dict(recovered.document.brief) == autosaved
    assert recovered.isWindowModified(), "recovered work must count as unsaved"
    assert recovered.messages.text().startswith("Recovered the unsaved brief")
    wait_preview(qtbot, recovered, "Unsaved talks")
    shoot(recovered, screenshots, "07-recovered")


def test_closing_with_unsaved_changes_asks_first_and_cancel_keeps_the_window(
    qtbot, make_window, monkeypatch
):
    window = make_window()
    window.document.set_value(("fields", "subject"), "Draft")
    asked = answer(monkeypatch, dialogs.UnsavedChangesDialog, "cancel")
    window.close()
    assert asked
    assert window.isVisible()
    assert window.document.brief.fields["subject"] == "Draft"


def test_an_unreadable_article_shows_one_sentence_and_loses_nothing(
    qtbot, make_window, tmp_path, screenshots
):
    window = make_window()
    window.document.set_value(("fields", "subject"), "Keep me")
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a PDF")
    window.files.open_paths([str(bad)])
    qtbot.waitUntil(lambda: bool(window.messages.text()), timeout=30_000)
    message = window.messages.text()
    assert "broken.pdf" in message
    assert "\n" not in message
    assert "Traceback" not in message
    assert window.document.brief.fields["subject"] == "Keep me"
    shoot(window, screenshots, "08-error")


def test_pasting_an_empty_clipboard_says_so(qtbot, make_window):
    window = make_window()
    QGuiApplication.clipboard().setText("")
    window.actions_by_key["paste_article"].trigger()
    assert window.messages.text() == "The clipboard holds no text to add as an article."


def test_removing_a_source_asks_and_removes_the_items_that_came_only_from_it(
    qtbot, make_window, sample_article_path, monkeypatch
):
    window = make_window()
    paste_article(qtbot, window, sample_article_path.read_text(encoding="utf-8"))
    assert window.document.brief.key_points
    assert window.document.brief.topics
    asked = answer(monkeypatch, dialogs.ConfirmDialog, True)
    window.sources.remove_button.click()
    assert asked
    assert window.document.brief.sources == []
    assert window.document.brief.key_points == []
    assert window.document.brief.topics == []  # topics carry no spans; they went too
    window.actions_by_key["undo"].trigger()
    assert len(window.document.brief.sources) == 1


def test_the_window_is_usable_while_the_model_loads_and_extraction_can_be_cancelled(
    qtbot, make_window, nlp, screenshots, sample_article_path
):
    release = threading.Event()

    def slow_model():  # type: ignore[no-untyped-def]
        release.wait(30)
        return nlp

    window = make_window(nlp_factory=slow_model)
    assert window.statusBar().currentMessage().startswith("Loading the language model")
    shoot_now(window, screenshots, "00-model-loading")

    QGuiApplication.clipboard().setText(sample_article_path.read_text(encoding="utf-8"))
    window.actions_by_key["paste_article"].trigger()
    qtbot.waitUntil(lambda: len(window.document.brief.sources) == 1, timeout=30_000)
    qtbot.waitUntil(
        lambda: any("Extracting" in t for t in window.tasks.running()), timeout=5000
    )
    assert "after the language model loads" in window.tasks.label.text()
    assert window.source_view.text.toPlainText().startswith("GENEVA")
    shoot_now(window, screenshots, "02a-extraction-waiting")

    window.tasks.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: window.tasks.isHidden(), timeout=30_000)
    assert window.document.brief.key_points == []
    assert window.statusBar().currentMessage().startswith("Extraction cancelled")


def test_copy_as_rich_text_puts_the_memo_on_the_clipboard(qtbot, make_window):
    window = make_window()
    window.document.set_value(("fields", "subject"), "Embassy talks resume")
    wait_preview(qtbot, window, "Embassy talks resume")
    QGuiApplication.clipboard().setText("")
    window.actions_by_key["copy_rich"].trigger()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().mimeData().hasHtml(), timeout=10_000)
    mime = QGuiApplication.clipboard().mimeData()
    assert "Embassy talks resume" in html_text(mime.html())
    assert "Embassy talks resume" in mime.text()


def test_an_article_is_added_from_a_url(qtbot, make_window, monkeypatch):
    body = (
        "<html><head><title>Ministers agree on water deal</title></head><body><article>"
        "<h1>Ministers agree on water deal</h1>"
        + "".join(
            f"<p>Paragraph {n}: the ministers of Arlen and Brosk met in Tallin on Monday and "
            "agreed to share the river's water during the dry season.</p>" for n in range(6)
        )
        + "</article></body></html>"
    ).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        window = make_window()
        url = f"http://127.0.0.1:{server.server_address[1]}/news/water"
        answer(monkeypatch, dialogs.TextDialog, url)
        with qtbot.waitSignal(window.extraction.extracted, timeout=EXTRACTION_TIMEOUT):
            window.actions_by_key["add_url"].trigger()
    finally:
        server.shutdown()
    source = window.document.brief.sources[0]
    assert source.url == url
    assert "Arlen" in source.text


def test_saving_updates_the_title_and_the_recent_files_menu(
    qtbot, make_window, monkeypatch, tmp_path
):
    window = make_window()
    assert window.windowTitle() == "Untitled brief[*] \u2014 briefgen"
    window.document.set_value(("fields", "subject"), "Recent")
    assert window.isWindowModified()
    path = tmp_path / "recent.brief"
    answer(monkeypatch, dialogs.SaveFileDialog, str(path))
    window.actions_by_key["save_as"].trigger()
    assert window.windowTitle() == "recent.brief[*] \u2014 briefgen"
    assert not window.isWindowModified()
    entries = [a.toolTip() for a in window.recent_menu.actions()]
    assert entries == [str(path)]
    window.document.set_value(("fields", "subject"), "Recent, changed")
    assert window.isWindowModified()


def test_tab_walks_from_the_sources_through_the_form_to_the_preview(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    qtbot.waitActive(window)
    window.sources.list.setFocus()
    qtbot.waitUntil(window.sources.list.hasFocus, timeout=2000)
    visited: list[str] = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        assert widget is not None
        visited.append(widget.objectName())
        if widget is window.preview.browser:
            break
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    expected = ["sourcesList", "sourceText", "templateBox", "field_to", "field_subject",
                "summaryEdit", "list_key_points", "preview"]
    positions = [visited.index(name) for name in expected]
    assert positions == sorted(positions), visited


def test_losing_focus_autosaves_the_unsaved_brief(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    window.document.set_value(("fields", "subject"), "Autosaved on focus loss")
    # Offscreen, window activation is unreliable: report this window inactive and send
    # the activation change that a real focus loss sends.
    monkeypatch.setattr(window, "isActiveWindow", lambda: False)
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    slot = window.files.autosave_store.brief_path
    qtbot.waitUntil(slot.is_file, timeout=10_000)
    saved = load_brief(slot)
    assert saved.fields["subject"] == "Autosaved on focus loss"


def test_closing_with_discard_leaves_no_autosave_behind(
    qtbot, make_window, tmp_path, monkeypatch
):
    window = make_window()
    window.document.set_value(("fields", "subject"), "Discarded on close")
    # An autosave asked for just before the close (a focus change, the timer) is still
    # queued, not yet started, when the close event runs.
    assert window.files.autosave() is not None
    answer(monkeypatch, dialogs.UnsavedChangesDialog, "discard")
    assert window.close()
    # The window loses activation after its close event: no autosave either.
    window.document.set_value(("fields", "subject"), "Changed while closing")
    monkeypatch.setattr(window, "isActiveWindow", lambda: False)
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    qtbot.wait(200)
    window.files.runner.wait(10_000)
    assert not list((tmp_path / "state").glob("*.brief"))


def test_a_file_dropped_on_the_window_is_added_and_extracted(
    qtbot, make_window, tmp_path, sample_article_path
):
    window = make_window()
    article = tmp_path / "geneva.txt"
    article.write_text(sample_article_path.read_text(encoding="utf-8"), encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    event = QDropEvent(QPointF(700, 400), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.extraction.extracted, timeout=EXTRACTION_TIMEOUT):
        window.dropEvent(event)
    assert window.document.brief.sources[0].path == str(article)
    assert window.document.brief.key_points


def test_a_preview_error_is_one_sentence_and_clears_once_the_preview_renders_again(
    qtbot, make_window, tmp_path
):
    window = make_window()
    good = window.templates.get("information-memo")
    assert good is not None
    broken = dataclasses.replace(good, html_file=tmp_path / "missing.html")
    window.rendering.set_template(broken)
    qtbot.waitUntil(lambda: bool(window.messages.text()), timeout=10_000)
    assert "\n" not in window.messages.text()
    window.rendering.set_template(good)
    qtbot.waitUntil(lambda: window.messages.text() == "", timeout=10_000)


def test_the_pane_widths_come_back_after_a_restart(qtbot, make_window):
    window = make_window()
    window.panes.setSizes([300, 500, 600])
    wanted = window.panes.sizes()
    window.close()
    again = make_window()
    assert again.panes.sizes() == wanted


def test_changing_the_date_format_redraws_the_preview_and_the_copied_memo(
    qtbot, make_window, monkeypatch
):
    window = make_window()
    window.document.set_value(("fields", "date"), "2026-03-05")
    wait_preview(qtbot, window, "DATE: 5 March 2026")
    asked = answer(monkeypatch, settings_dialog.SettingsDialog, {"date_format": "%B %d, %Y"})
    window.actions_by_key["settings"].trigger()
    assert len(asked) == 1
    wait_preview(qtbot, window, "DATE: March 5, 2026")
    qtbot.waitUntil(lambda: "March 5, 2026" in window.preview.browser.toPlainText(),
                    timeout=10_000)
    assert "5 March 2026" not in window.preview.browser.toPlainText()
    assert window.settings.get("date_format") == "%B %d, %Y"

    QGuiApplication.clipboard().setText("")
    window.actions_by_key["copy_rich"].trigger()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().mimeData().hasHtml(), timeout=10_000)
    assert "DATE: March 5, 2026" in html_text(QGuiApplication.clipboard().mimeData().html())

    answer(monkeypatch, settings_dialog.SettingsDialog, {"date_format": "%d/%m/%Y"})
    window.edit_settings()
    wait_preview(qtbot, window, "DATE: 05/03/2026")


def test_a_restarted_window_previews_with_the_saved_date_format(qtbot, make_window):
    window = make_window()
    window.settings.set("date_format", "%Y-%m-%d")
    window.close()
    again = make_window()
    again.document.set_value(("fields", "date"), "2026-03-05")
    wait_preview(qtbot, again, "DATE: 2026-03-05")


def test_a_first_start_fits_the_window_on_a_small_screen(qtbot, tmp_path, nlp):
    from PySide6.QtCore import QSettings

    from briefgen.render import TemplateLibrary
    from briefgen.ui.app import create_window

    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(settings_store=store, state_dir=tmp_path / "state",
                           nlp_factory=lambda: nlp,
                           library_factory=lambda: TemplateLibrary(user_dir=tmp_path / "t"))
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()  # 800 x 800 on the offscreen platform
    assert area.width() < 1440
    assert area.contains(window.frameGeometry().topLeft())
    assert window.width() <= area.width()
    assert window.height() <= area.height()


def test_settings_fill_the_current_briefs_empty_from_line_and_say_so(
    qtbot, make_window, monkeypatch
):
    window = make_window()
    window.switch_template("information-memo")
    qtbot.waitUntil(lambda: "from" in window.form.field_editors, timeout=5000)
    assert not window.document.brief.fields.get("from")
    answer(monkeypatch, settings_dialog.SettingsDialog,
           {"author_name": "Dana Whitfield", "office": "Office of the Director"})
    window.edit_settings()
    assert window.document.brief.fields["from"] == "Dana Whitfield, Office of the Director"
    from_field = window.form.field_editors["from"]
    assert isinstance(from_field, QLineEdit)
    assert from_field.text() == "Dana Whitfield, Office of the Director"
    assert "From filled in this brief" in window.statusBar().currentMessage()
    # One undoable step; a From the user typed is never replaced.
    window.document.undo_stack.undo()
    assert not window.document.brief.fields.get("from")
    window.document.set_value(("fields", "from"), "J. Doe")
    answer(monkeypatch, settings_dialog.SettingsDialog, {"author_name": "Someone Else"})
    window.edit_settings()
    assert window.document.brief.fields["from"] == "J. Doe"
    assert "filled" not in window.statusBar().currentMessage()


def test_the_office_template_folder_is_set_in_the_settings_and_its_templates_are_offered(
    qtbot, make_window, monkeypatch, tmp_path
):
    import shutil

    from briefgen.resources import builtin_templates_dir

    window = make_window()
    office = tmp_path / "office-share"
    copy = office / "embassy-note"
    shutil.copytree(builtin_templates_dir() / "information-memo", copy)
    manifest = copy / "template.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8")
                        .replace('id = "information-memo"', 'id = "embassy-note"')
                        .replace('name = "Information memo"', 'name = "Embassy note"'),
                        encoding="utf-8")
    with qtbot.waitSignal(window.templates.changed, timeout=10_000):
        answer(monkeypatch, settings_dialog.SettingsDialog, {"office_templates": str(office)})
        window.edit_settings()
    note = window.templates.get("embassy-note")
    assert note is not None
    assert note.id == "embassy-note"
    assert note.origin == "office"
    box = window.form.template_box
    assert "Embassy note (office)" in [box.itemText(i) for i in range(box.count())]
    # A folder that cannot be reached is said in one sentence.
    with qtbot.waitSignal(window.templates.changed, timeout=10_000):
        answer(monkeypatch, settings_dialog.SettingsDialog,
               {"office_templates": str(tmp_path / "unplugged")})
        window.edit_settings()
    assert "unplugged" in window.messages.text()
    assert "cannot be reached" in window.messages.text()
