"""Tests for briefgen/ui/files.py: new briefs from settings, open routing, save names, export."""

from __future__ import annotations

from briefgen.model import Brief, save_brief
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
    assert "<th>DATE:</th><td>05/03/2026</td>" in html
    cells = [c.text for t in docx.Document(str(tmp_path / "memo.docx")).tables
             for row in t.rows for c in row.cells]
    assert cells[cells.index("DATE:") + 1] == "05/03/2026"


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
