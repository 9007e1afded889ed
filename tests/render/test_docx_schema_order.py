"""Word refuses files whose XML elements are out of schema order: check the ones we write."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree
from support.sample_briefs import multilingual_brief

from briefgen.render import BriefTemplate
from briefgen.render.docx_writer import render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The ECMA-376 child order of the property elements briefgen's templates and writer touch.
ORDER = {
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
            "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
            "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
            "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
            "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"],
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
              "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
              "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
              "tblPrChange"],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
            "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
            "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
            "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
            "lang", "eastAsianLayout", "specVanish", "oMath"],
}


def _out_of_order(xml: bytes) -> list[str]:
    problems = []
    for parent_name, order in ORDER.items():
        for parent in etree.fromstring(xml).iter(W + parent_name):
            names = [c.tag.removeprefix(W) for c in parent if c.tag.startswith(W)]
            known = [n for n in names if n in order]
            if known != sorted(known, key=order.index) or len(set(known)) != len(known):
                problems.append(f"{parent_name}: {names}")
    return problems


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_properties_are_in_schema_order(builtin: BriefTemplate, part: str) -> None:
    brief = multilingual_brief()
    brief.fields["citations"] = True
    data = render_docx(brief, builtin)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert _out_of_order(archive.read(part)) == []
