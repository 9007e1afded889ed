"""Tests for briefgen/ui/files.py: new briefs from settings, open routing, save names, export."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefgen.model import Brief, load_brief, save_brief
from briefgen.ui import dialogs

from .conftest import answer


def test_a_new_brief_starts_from_the_settings(qtbot, make_window):
    window = make_window()
    settings = window.settings
    settings.set("author_name", "Ada Lane")
    settings.set("office", "Europe Desk")
    settings.set("default_marking", "OFFICIAL")
    settings.set("default_template", "decision-memo")
    assert window.files.new()
    brief = window.document.brief
    assert brief.template == "decision-memo"
    assert brief.fields["from"] == "Ada Lane, Europe Desk"
    assert brief.fields["classification"] == "OFFICIAL"
    qtbot.waitUntil(lambda: "recommendation" in window.form.field_editors, timeout=5000)


def test_new_with_unsaved_changes_asks_and_cancel_keeps_the_brief(qtbot, make_window, monkeypatch):
    window = make_window()
    window.document.set_value(("fields", "subject"), "Keep")
    asked = answer(monkeypatch, dialogs.UnsavedChangesDialog, "cancel")
    assert not window.files.new()
    assert asked
    assert window.document.brief.fields["subject"] == "Keep"


def test_open_sends_briefs_to_the_window_and_articles_to_the_sources(
    qtbot, make_window, tmp_path
):
    window = make_window()
    path = tmp_path / "a.brief"
    save_brief(Brief(fields={"subject": "From disk"}), path)
    articles: list[list[str]] = []
    window.files.articles_opened.disconnect()
    window.files.articles_opened.connect(articles.append)
    window.files.open_paths([str(path), str(tmp_path / "story.txt")])
    assert window.document.brief.fields["subject"] == "From disk"
    assert window.document.path == str(path)
    assert articles == [[str(tmp_path / "story.txt")]]


def test_a_corrupt_brief_is_one_sentence_and_the_open_brief_stays(qtbot, make_window, tmp_path):
    window = make_window()
    window.document.set_value(("fields", "subject"), "Still here")
    window.document.mark_saved()
    bad = tmp_path / "bad.brief"
    bad.write_text("{ not json", encoding="utf-8")
    assert not window.files.open_brief(str(bad))
    assert "bad.brief" in window.messages.text()
    assert window.document.brief.fields["subject"] == "Still here"


def test_save_as_adds_the_brief_suffix(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    answer(monkeypatch, dialogs.SaveFileDialog, str(tmp_path / "memo"))
    assert window.files.save_as()
    assert (tmp_path / "memo.brief").is_file()
    assert window.document.path == str(tmp_path / "memo.brief")


def test_saving_into_a_missing_folder_says_so_and_keeps_the_changes(
    qtbot, make_window, monkeypatch, tmp_path
):
    window = make_window()
    window.document.set_value(("fields", "subject"), "Unsaved")
    answer(monkeypatch, dialogs.SaveFileDialog, str(tmp_path / "no" / "such" / "x.brief"))
    assert not window.files.save_as()
    assert "x.brief" in window.messages.text()
    assert window.isWindowModified()


def test_export_without_a_known_suffix_writes_word(qtbot, make_window, tmp_path):
    window = make_window()
    worker = window.files.export(str(tmp_path / "memo"))
    assert worker is not None
    with qtbot.waitSignal(worker.signals.done, timeout=30_000):
        pass
    assert (tmp_path / "memo.docx").is_file()


def test_export_writes_dates_in_the_chosen_format(qtbot, make_window, tmp_path):
    import docx

    window = make_window()
    window.document.set_value(("fields", "date"), "2026-03-05")
    window.rendering.set_date_format("%d/%m/%Y")  # what saving the settings dialog does
    for name in ("memo.html", "memo.docx"):
        worker = window.files.export(str(tmp_path / name))
        assert worker is not None
        with qtbot.waitSignal(worker.signals.done, timeout=30_000):
            pass
    html = (tmp_path / "memo.html").read_text(encoding="utf-8")
    assert "<th scope=\"row\">DATE:</th><td>05/03/2026</td>" in html
    cells = [c.text for t in docx.Document(str(tmp_path / "memo.docx")).tables
             for row in t.rows for c in row.cells]
    assert cells[cells.index("DATE:") + 1] == "05/03/2026"


class DialogRecorder:
    """Stands in for a file dialog's ``ask``: records each call, answers from a queue."""

    def __init__(self, answers: list[object]) -> None:
        self.answers = answers
        self.calls: list[tuple[tuple[object, ...], dict[str, object]]] = []

    def install(self, monkeypatch: pytest.MonkeyPatch, cls: type) -> None:
        def ask(_cls: type, *args: object, **kwargs: object) -> object:
            self.calls.append((args, kwargs))
            return self.answers.pop(0)

        monkeypatch.setattr(cls, "ask", classmethod(ask))


def test_file_dialogs_start_in_the_last_folder_and_export_proposes_the_last_format(
    qtbot, make_window, monkeypatch, tmp_path, sample_article_path
):
    window = make_window(nlp_factory=lambda: None)
    window.document.set_value(("fields", "subject"), "Talks in Geneva")
    # First time: Documents (or home), never the program's working folder.
    opened = DialogRecorder([[]])
    opened.install(monkeypatch, dialogs.OpenFilesDialog)
    window.open_articles()
    (_parent, _title, article_filter), kwargs = opened.calls[0]
    assert "*.msg" in str(article_filter)
    assert kwargs["start"] != os.getcwd()
    assert Path(str(kwargs["start"])).is_dir()

    desk = tmp_path / "desk"
    desk.mkdir()
    saving = DialogRecorder([str(desk / "talks.brief")])
    saving.install(monkeypatch, dialogs.SaveFileDialog)
    assert window.files.save_as()
    assert window.settings.get("last_folder") == str(desk)

    memos = tmp_path / "memos"
    memos.mkdir()
    exports = DialogRecorder([str(memos / "talks.html"), None])
    exports.install(monkeypatch, dialogs.SaveFileDialog)
    answer(monkeypatch, dialogs.ConfirmDialog, True)  # To and From are still empty
    worker = window.files.export_dialog()
    assert worker is not None
    qtbot.waitSignal(worker.signals.done, timeout=30_000).wait()
    (_p, _t, suggested, export_filter), first = exports.calls[0]
    assert suggested == str(desk / "talks.docx")
    assert first["selected_filter"] == dialogs.EXPORT_FILTERS[".docx"]
    assert (memos / "talks.html").is_file()
    # The second export starts where the first went, as HTML, with a filter showing it.
    window.files.export_dialog()
    (_p, _t, suggested, export_filter), second = exports.calls[1]
    assert suggested == str(memos / "talks.html")
    assert second["selected_filter"] == dialogs.EXPORT_FILTERS[".html"]
    assert "*.html" in second["selected_filter"]
    assert dialogs.ALL_MEMOS_FILTER in str(export_filter)

    reopen = DialogRecorder([[]])
    reopen.install(monkeypatch, dialogs.OpenFilesDialog)
    window.files.open_dialog()
    assert reopen.calls[0][1]["start"] == str(memos)


def _ready(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.rendering.template is not None, timeout=10_000)


def test_export_names_the_empty_required_fields_and_cancel_writes_nothing(
    qtbot, make_window, monkeypatch, tmp_path
):
    window = make_window()
    _ready(qtbot, window)
    window.document.set_value(("fields", "subject"), "Norland-Estavia talks")
    asked = answer(monkeypatch, dialogs.ConfirmDialog, False)
    where = answer(monkeypatch, dialogs.SaveFileDialog, str(tmp_path / "memo.docx"))
    assert window.files.export_dialog() is None
    assert not where
    assert not (tmp_path / "memo.docx").exists()
    question = asked[0][2]
    assert "To, From." in question
    assert "Subject" not in question


def test_export_goes_on_when_the_user_accepts_the_blank_fields(
    qtbot, make_window, monkeypatch, tmp_path
):
    window = make_window()
    _ready(qtbot, window)
    answer(monkeypatch, dialogs.ConfirmDialog, True)
    answer(monkeypatch, dialogs.SaveFileDialog, str(tmp_path / "memo.docx"))
    worker = window.files.export_dialog()
    assert worker is not None
    with qtbot.waitSignal(worker.signals.done, timeout=30_000):
        pass
    assert (tmp_path / "memo.docx").is_file()


def two_windows_on_one_brief(make_window, tmp_path):
    """Two windows with the same .brief open; the first has saved its edit since."""
    path = tmp_path / "shared.brief"
    save_brief(Brief(fields={"subject": "As opened"}), path)
    first, second = make_window(), make_window()
    for window in (first, second):
        assert window.files.open_brief(str(path))
    first.document.set_value(("fields", "subject"), "First window's edit")
    assert first.files.save()
    second.document.set_value(("fields", "subject"), "Second window's edit")
    return path, first, second


def test_a_save_over_a_file_changed_since_it_was_opened_asks_and_cancel_keeps_both(
    qtbot, make_window, monkeypatch, tmp_path
):
    path, _first, second = two_windows_on_one_brief(make_window, tmp_path)
    asked = answer(monkeypatch, dialogs.ChangedOnDiskDialog, "cancel")
    assert not second.files.save()
    assert asked == [(second, "shared.brief")]
    assert load_brief(path).fields["subject"] == "First window's edit"
    assert second.document.brief.fields["subject"] == "Second window's edit"
    assert second.isWindowModified()


def test_overwrite_replaces_the_file_and_later_saves_do_not_ask_again(
    qtbot, make_window, monkeypatch, tmp_path
):
    path, _first, second = two_windows_on_one_brief(make_window, tmp_path)
    asked = answer(monkeypatch, dialogs.ChangedOnDiskDialog, "overwrite")
    assert second.files.save()
    assert load_brief(path).fields["subject"] == "Second window's edit"
    second.document.set_value(("fields", "subject"), "Again")
    assert second.files.save()
    assert len(asked) == 1


def test_reload_shows_the_file_as_saved_by_the_other_window(
    qtbot, make_window, monkeypatch, tmp_path
):
    path, _first, second = two_windows_on_one_brief(make_window, tmp_path)
    answer(monkeypatch, dialogs.ChangedOnDiskDialog, "reload")
    assert not second.files.save()
    assert second.document.brief.fields["subject"] == "First window's edit"
    assert not second.isWindowModified()
    assert load_brief(path).fields["subject"] == "First window's edit"


def test_save_as_from_the_question_writes_elsewhere_and_leaves_the_file(
    qtbot, make_window, monkeypatch, tmp_path
):
    path, _first, second = two_windows_on_one_brief(make_window, tmp_path)
    answer(monkeypatch, dialogs.ChangedOnDiskDialog, "save_as")
    answer(monkeypatch, dialogs.SaveFileDialog, str(tmp_path / "mine.brief"))
    assert second.files.save()
    assert load_brief(path).fields["subject"] == "First window's edit"
    assert load_brief(tmp_path / "mine.brief").fields["subject"] == "Second window's edit"
    assert second.document.path == str(tmp_path / "mine.brief")


def test_a_brief_opened_through_a_link_is_saved_into_the_linked_file(
    qtbot, make_window, tmp_path
):
    real = tmp_path / "team" / "talks.brief"
    real.parent.mkdir()
    save_brief(Brief(fields={"subject": "Before"}), real)
    link = tmp_path / "talks.brief"
    link.symlink_to(real)
    window = make_window()
    assert window.files.open_brief(str(link))
    window.document.set_value(("fields", "subject"), "After")
    assert window.files.save()
    assert link.is_symlink()
    assert load_brief(real).fields["subject"] == "After"


def test_a_brief_with_a_source_named_in_bytes_that_are_not_utf8_saves_and_autosaves(
    qtbot, make_window, tmp_path
):
    from briefgen.model import Source

    window = make_window()
    odd = os.fsdecode(os.fsencode(tmp_path) + b"/r\xe9union.txt")
    brief = Brief(fields={"subject": "Odd name"},
                  sources=[Source(id="src-1", text="Talks resume.", path=odd)])
    window.document.load(brief, str(tmp_path / "odd.brief"))
    window.document.set_value(("fields", "to"), "Director")
    worker = window.files.autosave()
    assert worker is not None
    with qtbot.waitSignal(worker.signals.done, timeout=10_000):
        pass
    assert load_brief(window.files.autosave_store.brief_path).fields["to"] == "Director"
    assert window.files.save()
    assert load_brief(tmp_path / "odd.brief").sources[0].path.endswith("r\\xe9union.txt")
    assert window.messages.text() == ""


def test_an_autosave_that_cannot_be_written_is_one_sentence_in_the_window(
    qtbot, make_window, tmp_path
):
    window = make_window()
    state = tmp_path / "state"
    for child in state.iterdir():
        child.unlink()
    state.rmdir()
    state.write_text("a file where the state folder should be", "utf-8")
    window.document.set_value(("fields", "subject"), "Unsaved")
    worker = window.files.autosave()
    assert worker is not None
    qtbot.waitUntil(lambda: window.messages.text() != "", timeout=10_000)
    message = window.messages.text()
    assert "\n" not in message
    assert message.endswith(".")
    assert "Traceback" not in message


def test_a_save_that_fails_unexpectedly_is_one_sentence_and_the_edits_stay(
    qtbot, make_window, monkeypatch, tmp_path
):
    from briefgen.ui import files

    def broken_save(*_args: object) -> None:
        raise UnicodeEncodeError("utf-8", "\udce9", 0, 1, "surrogates not allowed")

    window = make_window()
    window.document.set_value(("fields", "subject"), "Unsaved")
    monkeypatch.setattr(files, "save_brief", broken_save)
    answer(monkeypatch, dialogs.SaveFileDialog, str(tmp_path / "x.brief"))
    with qtbot.captureExceptions() as raised:
        assert not window.files.save_as()
    assert raised == []
    message = window.messages.text()
    assert message.startswith("Cannot save x.brief: UnicodeEncodeError")
    assert "\n" not in message
    assert window.isWindowModified()
    assert window.document.brief.fields["subject"] == "Unsaved"


def test_the_suggested_file_name_is_the_subject_else_the_first_sources_title():
    from briefgen.model import Source
    from briefgen.ui.files import _suggested_name

    titled = Source(id="src-1", title="Ferry timetable: board/council agree?", text="x")
    assert _suggested_name(Brief(fields={"subject": "Talks in Valmont"})) == "talks-in-valmont"
    assert _suggested_name(Brief(sources=[titled])) == "ferry-timetable-board-council-agree"
    assert _suggested_name(Brief(fields={"subject": " "}, sources=[titled])).startswith("ferry")
    assert _suggested_name(Brief()) == "brief"


def test_a_pdf_export_without_a_converter_says_in_one_line_what_the_pdf_lacks(
    qtbot, make_window, tmp_path
):
    from briefgen.render.pdf_convert import FALLBACK_NOTICE

    window = make_window()
    _ready(qtbot, window)
    worker = window.files.export(str(tmp_path / "memo.pdf"))
    assert worker is not None
    with qtbot.waitSignal(worker.signals.done, timeout=30_000):
        pass
    assert (tmp_path / "memo.pdf").read_bytes().startswith(b"%PDF")
    assert window.statusBar().currentMessage() == f"Exported memo.pdf; {FALLBACK_NOTICE}."


@pytest.mark.parametrize("take_docx", [True, False])
def test_a_pdf_export_of_a_word_template_without_a_converter_offers_the_docx(
    qtbot, make_window, monkeypatch, tmp_path, take_docx
):
    from support.hostile_templates import template_folder

    from briefgen.render.templates.manifest import read_manifest

    window = make_window()
    _ready(qtbot, window)
    template = read_manifest(template_folder(tmp_path, "harbour-office"), "user")
    window.rendering.set_template(template)
    asked = answer(monkeypatch, dialogs.ConfirmDialog, take_docx)
    worker = window.files.export(str(tmp_path / "memo.pdf"))
    assert len(asked) == 1
    _parent, _title, question, button = asked[0]
    assert f"'{template.name}' is laid out in Word" in question
    assert button == "Export .docx instead"
    assert not (tmp_path / "memo.pdf").exists()
    if not take_docx:
        assert worker is None
        assert not (tmp_path / "memo.docx").exists()
        return
    assert worker is not None
    with qtbot.waitSignal(worker.signals.done, timeout=60_000):
        pass
    assert (tmp_path / "memo.docx").is_file()
    assert window.statusBar().currentMessage() == "Exported memo.docx."


def test_pdf_exports_in_the_window_start_libreoffice_once_in_a_worker(
    qtbot, make_window, monkeypatch, tmp_path
):
    from pypdf import PdfReader

    from briefgen.render import pdf_convert

    monkeypatch.setenv("BRIEFGEN_PDF_CONVERTER", "auto")
    converter = pdf_convert.find_converter()
    if converter is None or pdf_convert.uno_python(converter) is None:
        pytest.skip("LibreOffice with a uno Python is not installed: no warm converter here")
    monkeypatch.setattr(pdf_convert, "_WARM", {})
    window = make_window()
    _ready(qtbot, window)
    assert not pdf_convert._WARM  # nothing started with the window
    window.document.set_value(("fields", "subject"), "Quay wall repairs")
    pids = []
    for name in ("first.pdf", "second.pdf"):
        worker = window.files.export(str(tmp_path / name))
        assert worker is not None
        with qtbot.waitSignal(worker.signals.done, timeout=120_000):
            pass
        assert window.statusBar().currentMessage() == f"Exported {name}."  # nothing lacking
        warm = pdf_convert._WARM[converter]
        pids.append(warm.pid)
        text = " ".join(page.extract_text() for page in PdfReader(tmp_path / name).pages)
        assert "Quay wall repairs" in " ".join(text.split())
    assert pids[0] is not None
    assert pids[0] == pids[1]
    assert warm.starts == 1
    warm.stop()
