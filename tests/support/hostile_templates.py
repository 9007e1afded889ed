"""Build user templates and packages from a built-in one, with hostile edits, for tests."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from briefgen.resources import builtin_templates_dir

BASE_ID = "information-memo"


def template_folder(
    parent: Path, template_id: str, *, body: str = "", manifest_extra: str = "",
    manifest: bytes | None = None,
    docx_edit: Callable[[str, bytes], bytes] | None = None,
) -> Path:
    """A copy of the built-in information memo as ``parent/template_id`` with the id
    ``template_id``; ``body`` is added to the end of the HTML body, ``manifest_extra``
    to the manifest (or ``manifest`` replaces it), and ``docx_edit(name, data)`` rewrites
    each part of the Word file."""
    folder = parent / template_id
    shutil.copytree(builtin_templates_dir() / BASE_ID, folder)
    toml = folder / "template.toml"
    if manifest is not None:
        toml.write_bytes(manifest)
    else:
        text = toml.read_text(encoding="utf-8").replace(
            f'id = "{BASE_ID}"', f'id = "{template_id}"')
        toml.write_text(text + manifest_extra, encoding="utf-8")
    if body:
        html = folder / "memo.html"
        html.write_text(html.read_text(encoding="utf-8").replace("</body>", body + "</body>"),
                        encoding="utf-8")
    if docx_edit is not None:
        docx = folder / "memo.docx"
        docx.write_bytes(rewrite_zip(docx.read_bytes(), docx_edit))
    return folder


def rewrite_zip(data: bytes, edit: Callable[[str, bytes], bytes]) -> bytes:
    """The zip ``data`` with every entry passed through ``edit(name, content)``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, edit(info.filename, source.read(info)))
    return out.getvalue()


def in_document(extra_xml: bytes) -> Callable[[str, bytes], bytes]:
    """A docx_edit that adds ``extra_xml`` (paragraphs) at the end of the document body."""
    def edit(name: str, data: bytes) -> bytes:
        if name == "word/document.xml":
            return data.replace(b"<w:sectPr", extra_xml + b"<w:sectPr", 1)
        return data
    return edit


def paragraph(text: str) -> bytes:
    """One Word paragraph holding ``text`` in one run."""
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>".encode()


def core_title(title: bytes) -> Callable[[str, bytes], bytes]:
    """A docx_edit that sets the document's core-property title to ``title``."""
    import re

    def edit(name: str, data: bytes) -> bytes:
        if name != "docProps/core.xml":
            return data
        if b"<dc:title" in data:
            return re.sub(rb"<dc:title>.*?</dc:title>|<dc:title/>",
                          b"<dc:title>" + title + b"</dc:title>", data)
        return data.replace(b"</cp:coreProperties>",
                            b"<dc:title>" + title + b"</dc:title></cp:coreProperties>")
    return edit


def package(folder: Path, out: Path, extra: dict[str, bytes] | None = None) -> Path:
    """``folder`` zipped as a .brieftemplate at ``out``, plus the ``extra`` entries."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(folder).as_posix())
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out


FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def with_footnote(text: str) -> Callable[[str, bytes], bytes]:
    """A docx_edit that adds a footnotes part holding one footnote of ``text`` (written
    by the caller as XML text)."""
    def edit(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return data.replace(b"</Types>", (
                b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.'
                b'openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>'))
        if name == "word/_rels/document.xml.rels":
            return data.replace(b"</Relationships>", (
                b'<Relationship Id="rIdFoot" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                b"</Relationships>"))
        return data
    return edit


def add_entry(docx: Path, name: str, data: bytes) -> None:
    """Add the entry ``name`` to the zip file ``docx``."""
    with zipfile.ZipFile(docx, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)


SETTINGS_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://'
    b'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdMM1" Type='
    b'"http://schemas.openxmlformats.org/officeDocument/2006/relationships/mailMergeSource" '
    b'Target="file:///C:/Office/contacts.xlsx" TargetMode="External"/><Relationship Id="rIdMM2"'
    b' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/mailMergeSource'
    b'" Target="file:///C:/Office/contacts.xlsx" TargetMode="External"/></Relationships>')
MAIL_MERGE = (
    b'<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:linkToQuery/><w:dataType w:val='
    b'"native"/><w:connectString w:val="Provider=Microsoft.ACE.OLEDB.12.0"/><w:query w:val='
    b'"SELECT * FROM `Sheet1$`"/><w:dataSource r:id="rIdMM1"/><w:odso><w:src r:id="rIdMM2"/>'
    b'</w:odso></w:mailMerge>')


def mail_merge_main_document(name: str, data: bytes) -> bytes:
    """A Word file edit: the document becomes a mail-merge main document (its settings name
    an external data source twice, as Word writes them)."""
    if name == "word/settings.xml":
        return data.replace(b"<w:defaultTabStop", MAIL_MERGE + b"<w:defaultTabStop", 1)
    return data
