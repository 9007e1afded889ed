"""The PDF route: LibreOffice converts the rendered .docx (tagged, the template's look), one-shot
or by the warm converter kept running; or the fpdf2 drawing when it is absent, for built-in
templates only, which the export then says in one line; other templates then give no PDF."""

from __future__ import annotations

import io
import os
import signal
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from support.hostile_templates import template_folder
from support.sample_briefs import sample_brief

from briefgen.cancellation import cancellable
from briefgen.errors import Cancelled, RenderError
from briefgen.render import BriefTemplate, TemplateLibrary, render_docx, render_to_file
from briefgen.render import pdf_convert as pc
from briefgen.render.document_info import DocumentInfo
from briefgen.render.output import NoPdfConverter, memo_pdf, pdf_notice
from briefgen.render.pdf_convert import (
    FALLBACK_NOTICE,
    convert_docx_to_pdf,
    convert_warm,
    find_converter,
    warm_converter,
)
from briefgen.render.templates.manifest import read_manifest

INFO = DocumentInfo(author="Ana Kovač", language="fr-FR")


def _script(folder: Path, body: str) -> Path:
    """A stand-in converter: a shell script doing ``body``."""
    path = folder / "soffice"
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_the_converter_can_be_turned_off_or_named(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_PDF_CONVERTER", "none")
    assert find_converter() is None
    assert pdf_notice() == FALLBACK_NOTICE
    program = _script(tmp_path, "exit 0")
    monkeypatch.setenv("BRIEFGEN_PDF_CONVERTER", str(program))
    assert find_converter() == program
    assert pdf_notice() is None
    monkeypatch.setenv("BRIEFGEN_PDF_CONVERTER", str(tmp_path / "missing"))
    assert find_converter() is None


@pytest.mark.skipif(os.name != "posix", reason="the stand-in converters are shell scripts")
def test_a_converter_that_fails_is_one_sentence(tmp_path: Path) -> None:
    program = _script(tmp_path, "echo 'source file could not be loaded' >&2; exit 1")
    with pytest.raises(RenderError, match="LibreOffice could not convert the memo to PDF "
                                          r"\(source file could not be loaded\)"):
        convert_docx_to_pdf(b"PK not really", program)


@pytest.mark.skipif(os.name != "posix", reason="the stand-in converters are shell scripts")
def test_a_converter_that_hangs_is_stopped_at_its_time_limit(tmp_path: Path) -> None:
    program = _script(tmp_path, "exec sleep 30")
    started = time.monotonic()
    with pytest.raises(RenderError, match="did not make the PDF within 0.5 seconds"):
        convert_docx_to_pdf(b"PK", program, seconds=0.5)
    assert time.monotonic() - started < 10


@pytest.mark.skipif(os.name != "posix", reason="the stand-in converters are shell scripts")
def test_cancel_stops_the_converter(tmp_path: Path) -> None:
    program = _script(tmp_path, "exec sleep 30")
    started = time.monotonic()
    with cancellable(lambda: True), pytest.raises(Cancelled):
        convert_docx_to_pdf(b"PK", program)
    assert time.monotonic() - started < 10


def _libreoffice(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFGEN_PDF_CONVERTER", "auto")
    converter = find_converter()
    if converter is None:
        pytest.skip("LibreOffice is not installed: the tagged PDF route cannot be checked here")
    return converter


def test_the_pdf_is_the_docx_converted_tagged_with_title_author_and_language(
    builtin: BriefTemplate, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _libreoffice(monkeypatch)
    brief = sample_brief()
    brief.fields["subject"] = "Talks on restoring embassy operations"
    out = tmp_path / "memo.pdf"
    assert render_to_file(brief, builtin, out, info=INFO) is None
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root  # tagged: a structure tree for screen readers
    assert root["/MarkInfo"]["/Marked"]
    assert root.get("/Lang") == "fr-FR"
    assert reader.metadata is not None
    assert reader.metadata.title == "Talks on restoring embassy operations"
    assert reader.metadata.author == "Ana Kovač"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Talks on restoring embassy operations" in " ".join(text.split())


# Without a converter -------------------------------------------------------------------------

def _user_template(tmp_path: Path) -> BriefTemplate:
    return read_manifest(template_folder(tmp_path, "office-memo"), "user")


def test_without_a_converter_a_builtin_pdf_is_drawn_and_says_in_one_line_what_it_lacks(
    builtin: BriefTemplate, tmp_path: Path,
) -> None:
    out = tmp_path / "memo.pdf"
    notice = render_to_file(sample_brief(), builtin, out)
    assert notice == FALLBACK_NOTICE
    assert "\n" not in notice
    assert "letterhead" in notice
    assert "LibreOffice" in notice
    assert PdfReader(out).pages  # a real PDF, drawn by fpdf2


def test_without_a_converter_a_word_template_gives_no_pdf_and_names_the_docx_instead(
    tmp_path: Path,
) -> None:
    template = _user_template(tmp_path)
    out = tmp_path / "memo.pdf"
    with pytest.raises(NoPdfConverter) as raised:
        render_to_file(sample_brief(), template, out)
    message = str(raised.value)
    assert f"'{template.name}'" in message
    assert ".docx" in message
    assert "\n" not in message
    assert not out.exists()
    assert pdf_notice(template) is None  # nothing is made, so nothing is said to lack
    assert pdf_notice(TemplateLibrary(user_dir=tmp_path / "none").get("information-memo")) \
        == FALLBACK_NOTICE
    # The .docx of the same memo is still there to export.
    assert render_to_file(sample_brief(), template, tmp_path / "memo.docx") is None


# The warm converter -----------------------------------------------------------------------------

@pytest.fixture
def fresh_warm_state() -> Iterator[None]:
    """Each test its own warm converters, all stopped at its end."""
    saved = (dict(pc._WARM), set(pc._WARM_BROKEN), dict(pc._UNO_PYTHON))
    pc._WARM.clear()
    pc._WARM_BROKEN.clear()
    pc._UNO_PYTHON.clear()
    yield
    pc.stop_warm_converters()
    pc._WARM.clear()
    pc._WARM_BROKEN.clear()
    pc._UNO_PYTHON.clear()
    pc._WARM.update(saved[0])
    pc._WARM_BROKEN.update(saved[1])
    pc._UNO_PYTHON.update(saved[2])


def _warm(monkeypatch: pytest.MonkeyPatch) -> pc.WarmConverter:
    converter = _libreoffice(monkeypatch)
    warm = warm_converter(converter)
    if warm is None:
        pytest.skip("no Python with LibreOffice's uno module here: the warm route cannot run")
    return warm


def _memo_docx() -> bytes:
    library = TemplateLibrary(user_dir=Path("/nonexistent-briefgen-user"))
    brief = sample_brief()
    brief.fields["subject"] = "Harbour cranes idle after the storm"
    return render_docx(brief, library.get("information-memo"), info=INFO)


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.usefixtures("fresh_warm_state")
def test_the_warm_converter_is_started_once_and_reused(monkeypatch: pytest.MonkeyPatch) -> None:
    warm = _warm(monkeypatch)
    assert warm.pid is None  # nothing runs before the first conversion
    docx = _memo_docx()
    first = warm.convert(docx)
    pid = warm.pid
    assert pid is not None
    started = time.monotonic()
    second = warm.convert(docx)
    assert time.monotonic() - started < 5  # no start-up paid again (about 0.2 s here)
    assert warm.starts == 1
    assert warm.pid == pid
    assert "Harbour cranes idle after the storm" in _text(second)
    assert _text(first) == _text(second)
    root = PdfReader(io.BytesIO(second)).trailer["/Root"]
    assert "/StructTreeRoot" in root  # tagged, as the one-shot route makes it
    assert root.get("/Lang") == "fr-FR"
    folder = warm._profile
    assert folder is not None
    assert folder.is_dir()  # its own LibreOffice profile
    warm.stop()
    assert warm.pid is None
    assert not folder.exists()  # removed with it
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(pid)


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="kills a process group")
@pytest.mark.usefixtures("fresh_warm_state")
def test_the_warm_converter_is_restarted_after_it_was_killed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warm = _warm(monkeypatch)
    docx = _memo_docx()
    warm.convert(docx)
    pid = warm.pid
    assert pid is not None
    os.killpg(pid, signal.SIGKILL)  # the helper and LibreOffice with it
    time.sleep(0.5)
    pdf = warm.convert(docx)
    assert warm.starts == 2
    assert warm.pid not in (None, pid)
    assert "Harbour cranes idle after the storm" in _text(pdf)


@pytest.mark.usefixtures("fresh_warm_state")
def test_the_warm_converter_is_killed_at_its_time_limit_and_on_cancel_then_starts_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warm = _warm(monkeypatch)
    docx = _memo_docx()
    warm.convert(docx)
    pid = warm.pid
    assert pid is not None
    with pytest.raises(RenderError, match="did not make the PDF within 0.001 seconds"):
        warm.convert(docx, seconds=0.001)
    assert warm.pid is None
    assert not _alive(pid)
    with cancellable(lambda: True), pytest.raises(Cancelled):
        warm.convert(docx)
    assert warm.pid is None
    assert "Harbour cranes" in _text(warm.convert(docx))
    assert warm.starts == 3


@pytest.mark.usefixtures("fresh_warm_state")
def test_a_document_libreoffice_cannot_read_is_one_sentence_and_the_converter_lives_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warm = _warm(monkeypatch)
    with pytest.raises(RenderError, match="LibreOffice could not convert the memo to PDF"):
        warm.convert(b"PK\x03\x04 not a real archive")
    assert "Harbour cranes" in _text(warm.convert(_memo_docx()))
    assert warm.starts == 1


@pytest.mark.usefixtures("fresh_warm_state")
def test_without_a_python_that_has_uno_the_route_is_one_shot(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    converter = _libreoffice(monkeypatch)
    monkeypatch.setenv(pc.UNO_PYTHON_ENV, sys.executable)  # this venv's Python: no uno
    assert warm_converter(converter) is None
    pdf = convert_warm(_memo_docx(), converter)
    assert "Harbour cranes idle after the storm" in _text(pdf)
    assert not pc._WARM


@pytest.mark.skipif(os.name != "posix", reason="the stand-in converters are shell scripts")
@pytest.mark.usefixtures("fresh_warm_state")
def test_a_warm_converter_that_cannot_start_falls_back_to_one_shot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A stand-in that refuses to listen (--accept) and converts one-shot by writing a PDF.
    sample = tmp_path / "sample.pdf"
    sample.write_bytes(memo_pdf(sample_brief(), TemplateLibrary(
        user_dir=tmp_path / "none").get("information-memo")))  # fpdf2: the converter is off
    program = _script(tmp_path, 'for a; do case "$a" in --accept*) exit 3;; esac; done\n'
                      'while [ "$1" != "--outdir" ]; do shift; done\n'
                      f'cp "{sample}" "$2/memo.pdf"')
    pdf = convert_warm(b"PK", program)
    assert pdf == sample.read_bytes()
    assert program in pc._WARM_BROKEN or pc.uno_python(program) is None
    assert convert_warm(b"PK", program) == sample.read_bytes()  # not tried again


def test_the_app_and_batch_use_the_warm_route_and_a_one_off_render_the_one_shot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    monkeypatch.setenv("BRIEFGEN_PDF_CONVERTER", str(_script(tmp_path, "exit 0")))
    monkeypatch.setattr(pc, "convert_warm", lambda *_a, **_k: calls.append("warm") or b"%PDF")
    monkeypatch.setattr(pc, "convert_docx_to_pdf",
                        lambda *_a, **_k: calls.append("one-shot") or b"%PDF")
    template = TemplateLibrary(user_dir=tmp_path / "none").get("information-memo")
    render_to_file(sample_brief(), template, tmp_path / "a.pdf")
    render_to_file(sample_brief(), template, tmp_path / "b.pdf", warm_pdf=False)
    memo_pdf(sample_brief(), template)
    assert calls == ["warm", "one-shot", "warm"]


@pytest.mark.usefixtures("fresh_warm_state")
def test_the_warm_pdf_of_a_letterhead_keeps_its_logo_text_and_page_size_on_every_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from support.letterhead import ADDRESS, OFFICE, letterhead_docx

    warm = _warm(monkeypatch)
    docx = letterhead_docx()
    warm_pdf = warm.convert(docx)
    one_shot = convert_docx_to_pdf(docx, warm.converter)
    pages = PdfReader(io.BytesIO(warm_pdf)).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        text = " ".join(page.extract_text().split())
        assert OFFICE in text
        assert f"{ADDRESS} \u2014 page {number}" in text
        assert len(page.images) == 1  # the header's logo
        assert round(float(page.mediabox.width) / 72 * 2.54, 1) == 21.0  # A4
        assert round(float(page.mediabox.height) / 72 * 2.54, 1) == 29.7
        fonts = {str(font.get("/BaseFont")) for font in page["/Resources"]["/Font"].values()}
        assert any("LiberationSerif" in font for font in fonts)
    cold = PdfReader(io.BytesIO(one_shot)).pages
    assert [(p.extract_text(), len(p.images)) for p in pages] == \
        [(p.extract_text(), len(p.images)) for p in cold]


@pytest.mark.usefixtures("fresh_warm_state")
def test_a_memo_in_a_template_made_from_a_word_letterhead_keeps_it_in_the_warm_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from support.letterhead import ADDRESS, OFFICE, letterhead_docx
    from support.sample_briefs import many_points_brief

    from briefgen.render import apply_template_defaults
    from briefgen.render.templates.docx_import import import_docx

    _warm(monkeypatch)
    source = tmp_path / "harbour.docx"
    source.write_bytes(letterhead_docx(paragraphs=3))
    library = TemplateLibrary(user_dir=tmp_path / "user-templates")
    template = import_docx(source, library, template_id="harbour").template
    assert template is not None
    brief = many_points_brief()
    apply_template_defaults(brief, template)
    pages = PdfReader(io.BytesIO(memo_pdf(brief, template))).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        text = " ".join(page.extract_text().split())
        assert OFFICE in text
        assert f"{ADDRESS} \u2014 page {number}" in text
        assert len(page.images) == 1  # the letterhead's logo
        assert round(float(page.mediabox.width) / 72 * 2.54, 1) == 21.0
    assert "Key point number 1" in " ".join(pages[0].extract_text().split())


@pytest.mark.skipif(os.name != "posix", reason="watches a process group")
@pytest.mark.usefixtures("fresh_warm_state")
def test_libreoffice_and_its_profile_go_when_the_process_that_started_them_dies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import subprocess

    _warm(monkeypatch)  # skips where the warm route cannot run
    docx = tmp_path / "memo.docx"
    docx.write_bytes(_memo_docx())
    # A batch worker's end: converts once, then exits at once, without any clean-up.
    script = ("import os, sys\n"
              "from pathlib import Path\n"
              "from briefgen.render.pdf_convert import find_converter, warm_converter\n"
              "warm = warm_converter(find_converter())\n"
              f"warm.convert(Path({str(docx)!r}).read_bytes())\n"
              "print(warm.pid, warm._profile, flush=True)\n"
              "os._exit(0)\n")
    import briefgen

    root = str(Path(briefgen.__file__).resolve().parents[1])  # this briefgen, in the child too
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [root, *filter(None, [os.environ.get("PYTHONPATH")])]))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=180, check=True, env=env)
    pid_text, folder_text = done.stdout.split()
    pid, folder = int(pid_text), Path(folder_text)

    def group_alive() -> bool:
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return False
        return True

    deadline = time.monotonic() + 30
    while (group_alive() or folder.exists()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not group_alive()  # the helper and LibreOffice closed when its stdin ended
    assert not folder.exists()
