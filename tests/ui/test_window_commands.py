"""Tests for briefgen/ui/window_commands.py and the Help and Edit menus of the real window."""

from __future__ import annotations

import html.parser
import io

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from support.sample_briefs import many_points_brief, sample_brief

from briefgen.ui import help_window, printing
from briefgen.ui.help_window import BUNDLED, about_text, guide_path

from .conftest import answer
from .test_printing import assert_printed, pdf_printer

pytestmark = pytest.mark.slow


def open_sample(qtbot, make_window):  # type: ignore[no-untyped-def]
    window = make_window(nlp_factory=lambda: None)
    window.document.load(sample_brief(), None)
    qtbot.waitUntil(lambda: "Norvalia" in window.preview.html, timeout=20_000)
    return window


def test_ctrl_p_prints_the_memos_pdf_pages_on_the_printer_chosen_in_the_print_dialog(
    qtbot, make_window, monkeypatch, tmp_path
):
    from briefgen.render.output import memo_pdf
    from briefgen.render.pdf_convert import FALLBACK_NOTICE

    window = open_sample(qtbot, make_window)
    window.document.load(many_points_brief(), None)
    printer = pdf_printer(tmp_path / "printed.pdf")
    asked = answer(monkeypatch, printing.PrintDialog, printer)
    window.activateWindow()
    qtbot.waitActive(window)
    window.form.summary.setFocus()
    qtbot.keyClick(window.form.summary, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1  # the print dialog first, before any rendering
    assert "Printing the memo" in window.tasks.running()  # a worker, with progress and Cancel
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(
        "The memo went to the printer"), timeout=60_000)
    memo = memo_pdf(window.document.snapshot(), window.rendering.template,
                    date_format=window.rendering.date_format)
    total = len(pypdf.PdfReader(io.BytesIO(memo)).pages)
    assert total > 2
    assert_printed(tmp_path / "printed.pdf", memo, list(range(total)))
    assert window.statusBar().currentMessage() == (
        f"The memo went to the printer ({total} pages); {FALLBACK_NOTICE}.")


def test_a_word_template_without_a_converter_prints_the_preview_and_says_so(
    qtbot, make_window, monkeypatch, tmp_path
):
    from support.hostile_templates import template_folder

    from briefgen.render.templates.manifest import read_manifest
    from briefgen.ui.window_commands import html_print_message

    window = open_sample(qtbot, make_window)
    template = read_manifest(template_folder(tmp_path, "harbour-office"), "user")
    window.rendering.set_template(template)
    printer = pdf_printer(tmp_path / "printed.pdf")
    asked = answer(monkeypatch, printing.PrintDialog, printer)
    window.actions_by_key["print"].trigger()
    qtbot.waitUntil(lambda: (tmp_path / "printed.pdf").is_file(), timeout=30_000)
    assert len(asked) == 1
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "printed.pdf").pages)
    words = " ".join(text.split())
    assert "TO: Director, Europe Division FROM: Western Europe Desk" in words  # laid-out text
    message = window.statusBar().currentMessage()
    assert message == html_print_message(template)
    assert f"'{template.name}' is laid out in Word" in message


def test_cancelling_the_print_dialog_prints_nothing(qtbot, make_window, monkeypatch):
    window = open_sample(qtbot, make_window)
    asked = answer(monkeypatch, printing.PrintDialog, None)
    worker = window.actions_by_key["print"].trigger()
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=20_000)
    assert worker is None
    assert window.statusBar().currentMessage() != "The memo went to the printer."


class _Headings(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self._in = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._in = tag in ("h1", "h2")

    def handle_data(self, data: str) -> None:
        if self._in and data.strip():
            self.headings.append(data.strip())
            self._in = False


# The offscreen platform cannot raise a window; a desktop's can.
@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_f1_opens_the_offline_guide_of_the_real_features(qtbot, make_window):
    with open(guide_path(), encoding="utf-8") as guide:
        parser = _Headings()
        parser.feed(guide.read())
    assert parser.headings[0] == "briefgen user guide"
    assert len(parser.headings) >= 5
    window = make_window(nlp_factory=lambda: None)
    window.activateWindow()
    qtbot.waitActive(window)
    window.form.summary.setFocus()
    qtbot.keyClick(window.form.summary, Qt.Key.Key_F1)
    guide_window = window.commands.help_window
    assert guide_window is not None
    assert guide_window.isVisible()
    shown = guide_window.browser.toPlainText()
    assert "Add the articles" in shown
    # Every shortcut the guide names is one the window has.
    for keys in ("Ctrl+P", "Ctrl+F", "Ctrl+W", "Ctrl+Y", "Ctrl+Shift+Z", "Ctrl+L", "F1"):
        assert keys in shown
    assert window.commands.show_guide() is guide_window  # one window, raised again


def test_about_names_the_version_and_each_bundled_parts_licence(make_window, monkeypatch):
    from briefgen import __version__

    text = about_text()
    assert f"briefgen {__version__}" in text
    for name, _package, licence in BUNDLED:
        assert name in text
        assert licence in text
    assert "LGPL-3.0" in text
    assert "spaCy" in text
    assert "en_core_web_sm" in text
    window = make_window(nlp_factory=lambda: None)
    asked = answer(monkeypatch, help_window.AboutDialog, None)
    window.actions_by_key["about"].trigger()
    assert len(asked) == 1


def test_copy_and_paste_work_in_a_header_field_and_select_all_in_a_list(qtbot, make_window):
    window = open_sample(qtbot, make_window)
    window.activateWindow()
    qtbot.waitActive(window)
    subject = window.form.field_editors["subject"]
    subject.setFocus()
    qtbot.keyClick(subject, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(subject, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == sample_brief().fields["subject"]
    to = window.form.field_editors["to"]
    to.setFocus()
    window.actions_by_key["select_all"].trigger()
    window.actions_by_key["paste"].trigger()
    assert window.document.brief.fields["to"] == sample_brief().fields["subject"]
    people = window.form.editor("people")
    window.form.tabs.setCurrentWidget(people)
    people.view.setFocus()
    window.actions_by_key["select_all"].trigger()
    assert len(people.view.selectionModel().selectedRows()) == 5
    window.actions_by_key["copy"].trigger()
    assert QGuiApplication.clipboard().text().count("\n") == 4


def test_ctrl_f_finds_words_in_the_source_the_fields_and_the_lists(qtbot, make_window):
    window = open_sample(qtbot, make_window)
    window.activateWindow()
    qtbot.waitActive(window)
    window.form.summary.setFocus()
    qtbot.keyClick(window.form.summary, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible()
    assert bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "solberg")
    places = [hit.where for hit in bar.hits()]
    assert "source text" in places
    assert "People, row 1" in places
    assert "Quotes, row 1" in places
    assert bar.result.text().startswith(f"1 of {len(places)}")
    while not bar.result.text().endswith("People, row 1"):
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.form.current_list() == "people"
    assert window.form.editor("people").current_row() == 0
    qtbot.keyClicks(bar.field, "zzz")
    assert bar.result.text() == "Not found"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    bar.open_bar()
    bar.field.setText("OFFICIAL")
    assert "Marking" in [hit.where for hit in bar.hits()]


def test_print_preview_shows_the_memos_pdf_pages_with_what_the_fallback_lacks(
    qtbot, make_window
):
    from briefgen.render.pdf_convert import FALLBACK_NOTICE
    from briefgen.ui.print_preview import PrintPreviewDialog

    window = open_sample(qtbot, make_window)
    from PySide6.QtWidgets import QMenu

    file_menu = window.findChild(QMenu, "menu_file")
    names = [a.objectName() for a in file_menu.actions()]
    assert names.index("action_print_preview") == names.index("action_print") + 1
    assert window.actions_by_key["print_preview"].shortcut().toString() == "Ctrl+Shift+P"
    worker = window.commands.print_preview()
    assert worker is not None
    assert "Rendering the print preview" in window.tasks.running()
    qtbot.waitUntil(lambda: window.commands.print_preview_dialog is not None, timeout=30_000)
    dialog = window.commands.print_preview_dialog
    assert isinstance(dialog, PrintPreviewDialog)
    assert dialog.isVisible()
    assert dialog.pdf_pages.total >= 1
    assert not dialog.image.pixmap().isNull()
    assert FALLBACK_NOTICE[1:] in dialog.notice_label.text()  # no LibreOffice in tests
    dialog.close()
    qtbot.waitUntil(lambda: window.commands.print_preview_dialog is None, timeout=5_000)


def test_print_in_the_print_preview_prints_the_page_on_screen_from_the_pdf_already_made(
    qtbot, make_window, monkeypatch, tmp_path
):
    from PySide6.QtPrintSupport import QPrinter

    from briefgen.render import output

    window = open_sample(qtbot, make_window)
    window.document.load(many_points_brief(), None)
    window.commands.print_preview()
    qtbot.waitUntil(lambda: window.commands.print_preview_dialog is not None, timeout=60_000)
    dialog = window.commands.print_preview_dialog
    pdf = dialog.pdf_pages.pdf
    assert dialog.print_button.isEnabled()
    dialog.next_button.click()

    def made_again(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the memo's PDF was made again for Print")

    monkeypatch.setattr(output, "memo_pdf", made_again)
    printer = pdf_printer(tmp_path / "printed.pdf")
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    asked = answer(monkeypatch, printing.PrintDialog, printer)
    dialog.print_button.click()
    assert len(asked) == 1
    assert asked[0] == (dialog, dialog.pdf_pages.total, 2)  # the range's bounds, the page
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(
        "The memo went to the printer (1 page)"), timeout=30_000)
    assert_printed(tmp_path / "printed.pdf", pdf, [1])
    dialog.close()
