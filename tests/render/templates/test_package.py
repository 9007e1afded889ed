"""`.brieftemplate` export and import: round trip, and the archives import refuses."""

from __future__ import annotations

import io
import os
import stat
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.sample_briefs import sample_brief

from briefgen.errors import TemplateError
from briefgen.render import TemplateLibrary, render_html, validate_template
from briefgen.render.templates import package as package_module


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def _template_entries(library: TemplateLibrary, template_id: str) -> dict[str, bytes]:
    folder = library.get(template_id).folder
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_a_user_template_round_trips_through_export_and_import(tmp_path: Path) -> None:
    sender = TemplateLibrary(user_dir=tmp_path / "sender")
    mine = sender.save_as("meeting-readout", "Council readout",
                          {"from": "Brussels desk", "classification": "OFFICIAL"})
    package = tmp_path / "council.brieftemplate"
    sender.export_package(mine.id, package)
    assert sorted(zipfile.ZipFile(package).namelist()) == ["memo.docx", "memo.html",
                                                           "template.toml"]
    receiver = TemplateLibrary(user_dir=tmp_path / "receiver")
    imported = receiver.import_package(package)
    assert (imported.id, imported.name, imported.origin) == (
        "council-readout", "Council readout", "user")
    from_field = imported.field("from")
    assert from_field is not None
    assert from_field.default == "Brussels desk"
    assert render_html(sample_brief(), imported) == render_html(sample_brief(), mine)
    with pytest.raises(TemplateError, match="a user template with the id 'council-readout'"):
        receiver.import_package(package)
    assert receiver.import_package(package, replace=True).id == "council-readout"


def test_a_package_wrapped_in_one_folder_is_accepted(tmp_path: Path,
                                                     library: TemplateLibrary) -> None:
    entries = _template_entries(library, "media-digest")
    entries["template.toml"] = entries["template.toml"].replace(b'"media-digest"', b'"wrapped"')
    path = _zip(tmp_path / "w.brieftemplate", {f"wrapped/{k}": v for k, v in entries.items()})
    assert library.import_package(path).id == "wrapped"


def test_importing_a_builtin_id_is_refused(tmp_path: Path, library: TemplateLibrary) -> None:
    path = _zip(tmp_path / "b.brieftemplate", _template_entries(library, "media-digest"))
    with pytest.raises(TemplateError, match="a built-in template with the id 'media-digest'"):
        library.import_package(path)


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil", "a/../../evil", "C:/evil.txt",
                                  "..\\evil.txt"])
def test_entries_escaping_the_folder_are_refused(tmp_path: Path, library: TemplateLibrary,
                                                 name: str) -> None:
    path = _zip(tmp_path / "slip.brieftemplate", {name: b"x", "template.toml": b""})
    with pytest.raises(TemplateError, match="points outside its folder"):
        library.import_package(path)
    assert not (tmp_path / "evil.txt").exists()


def test_symbolic_links_are_refused(tmp_path: Path, library: TemplateLibrary) -> None:
    path = tmp_path / "link.brieftemplate"
    with zipfile.ZipFile(path, "w") as archive:
        info = zipfile.ZipInfo("memo.html")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    with pytest.raises(TemplateError, match="symbolic link"):
        library.import_package(path)


def test_oversized_entries_are_refused(tmp_path: Path, library: TemplateLibrary,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package_module, "MAX_ENTRY_BYTES", 1000)
    path = _zip(tmp_path / "big.brieftemplate", {"template.toml": b"#" * 5000})
    with pytest.raises(TemplateError, match="too large"):
        library.import_package(path)


def test_archives_that_are_not_templates_are_refused(tmp_path: Path,
                                                     library: TemplateLibrary) -> None:
    path = _zip(tmp_path / "photos.brieftemplate", {"holiday.jpg": b"\xff\xd8"})
    with pytest.raises(TemplateError, match="not a brief template"):
        library.import_package(path)
    not_zip = tmp_path / "text.brieftemplate"
    not_zip.write_text("hello", encoding="utf-8")
    with pytest.raises(TemplateError, match="not a template package"):
        library.import_package(not_zip)
    with pytest.raises(TemplateError, match="does not exist"):
        library.import_package(tmp_path / "missing.brieftemplate")


def test_a_package_with_an_unsafe_template_is_refused_with_file_and_line(
    tmp_path: Path, library: TemplateLibrary,
) -> None:
    entries = _template_entries(library, "media-digest")
    entries["template.toml"] = entries["template.toml"].replace(b'"media-digest"', b'"bad"')
    entries["memo.html"] = b"<p>ok</p>\n<p>{{ sources.__class__ }}</p>"
    path = _zip(tmp_path / "bad.brieftemplate", entries)
    with pytest.raises(TemplateError, match=r"memo\.html:2: refused because it reaches for"):
        library.import_package(path)
    assert not (library.user_dir / "bad").exists()
    assert [p.name for p in library.user_dir.iterdir()] == []


def _base_package(tmp_path: Path, extra: dict[str, bytes] | None = None) -> Path:
    from support.hostile_templates import package, template_folder

    folder = template_folder(tmp_path / "src", "shared")
    return package(folder, tmp_path / "shared.brieftemplate", extra)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"x": b"file", "x/y": b"nested"}, "'x' is both a file and a folder"),
        ({"n" * 300: b"data"}, "has too long a name"),
        ({"d/" + "n" * 200 + "/f": b"data"}, "has too long a name"),
    ],
)
def test_entries_that_cannot_be_unpacked_are_refused_in_a_sentence(
        tmp_path: Path, extra: dict[str, bytes], message: str) -> None:
    path = _base_package(tmp_path, extra)
    library = TemplateLibrary(user_dir=tmp_path / "user")
    with pytest.raises(TemplateError, match=message):
        library.import_package(path)
    problems = validate_template(path)
    assert len(problems) == 1
    assert message in str(problems[0])
    assert [p.name for p in (tmp_path / "user").iterdir()] == []


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_bit_flipped_package_is_valid_or_refused_never_a_crash(
        tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    tmp_path = tmp_path_factory.mktemp("flip")
    good = bytearray(_base_package(tmp_path).read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        good[data.draw(st.integers(0, len(good) - 1))] ^= data.draw(st.integers(1, 255))
    path = tmp_path / "flipped.brieftemplate"
    path.write_bytes(bytes(good))
    problems = validate_template(path)
    assert all(str(path) in str(p) for p in problems)
    library = TemplateLibrary(user_dir=tmp_path / "user")
    message = ""
    try:
        library.import_package(path)
    except TemplateError as exc:
        message = str(exc)
    assert not message or str(path) in message


def test_a_word_file_in_the_package_that_inflates_past_the_limit_is_refused(
        tmp_path: Path) -> None:
    from support.hostile_templates import template_folder

    folder = template_folder(tmp_path / "src", "bomb")
    docx = folder / "memo.docx"
    out = io.BytesIO()
    with zipfile.ZipFile(docx) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == "word/document.xml":
                with zout.open("word/document.xml", "w", force_zip64=True) as part:
                    part.write(zin.read(info).replace(b"</w:body>", b"<!--"))
                    for _ in range(3):
                        part.write(b" " * 10_000_000)
                    part.write(b"--></w:body></w:document>")
            else:
                zout.writestr(info, zin.read(info))
    docx.write_bytes(out.getvalue())
    from support.hostile_templates import package

    path = package(folder, tmp_path / "bomb.brieftemplate")
    assert path.stat().st_size < 200_000
    problems = validate_template(path)
    assert len(problems) == 1
    assert "part 'word/document.xml' inflates to 30,0" in str(problems[0])


def test_an_import_and_a_validation_remove_the_stale_folders_of_killed_runs(
    tmp_path: Path, library: TemplateLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    system_tmp = tmp_path / "tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    user_dir = tmp_path / "user"
    killed = [user_dir / ".import-a1b2c3d4", system_tmp / "briefgen-validate-e5f6g7h8"]
    for folder in killed:
        (folder / "memo").mkdir(parents=True)
        stale = time.time() - 7200
        os.utime(folder, (stale, stale))
    package = _zip(tmp_path / "info.brieftemplate",
                   _template_entries(library, "information-memo"))
    package_module.validate_template(package)
    assert not killed[1].exists()
    with pytest.raises(TemplateError):
        package_module.import_package(package, user_dir, {t.id: t for t in library.templates()})
    assert not killed[0].exists()
    assert [p.name for p in user_dir.iterdir()] == []
