"""The parts of an imported Word document that are not slots: its sample lines (date,
salutation, signature, "Insert body text here") replaced by the memo body in the document's
own styles, the handling marking in every header and footer, and what it links to outside
(mail merge, attached template, external pictures) removed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from lxml import etree

from briefgen.render.active_content import is_external_reference
from briefgen.render.templates.docx_slots import SlotFinding, field_tag
from briefgen.render.templates.docx_xml import (
    TXBX,
    W_P,
    W_PPR,
    fill_paragraph,
    has_graphic,
    is_field_mark,
    own_runs,
    paragraph_text,
    remove,
    replace_after,
    run_text,
    tag_run,
)

W_TBL = qn("w:tbl")
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
           r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_SAMPLE_DATE = re.compile(
    r"^\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+\d{{4}}|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?"
    r"\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\[\s*(?:insert\s+)?date\s*\]"
    r"|click or tap to enter a date\.?)\s*$", re.I)
_PLACEHOLDER = re.compile(
    r"(?:insert|type|enter|add|write|start typing|place)\b.{0,40}?\b(?:body|text|memo|letter|"
    r"message|content)\b|lorem ipsum|click or tap here to enter text|"
    r"^\s*\[?\s*(?:body(?: text)?|memo text|main text|text)\s*\]?\s*$", re.I)
_SALUTATION = re.compile(r"^\s*(dear\s+)(.+?)(\s*[,:]?\s*)$", re.I)
_CLOSING = re.compile(
    r"^\s*(?:yours\s+(?:sincerely|faithfully|truly)|sincerely(?:\s+yours)?|respectfully"
    r"(?:\s+yours)?|(?:with\s+)?(?:kind|best|warm)?\s*regards|best wishes)\s*,?\s*$", re.I)
_BRACKET = re.compile(r"^\s*[\[<{(]\s*([^\]>})]{1,60}?)\s*[\]>})]\s*$")
_BRACKET_FIELDS = (
    (re.compile(r"recipient|addressee|\bto\b|client name|their name", re.I), "to"),
    (re.compile(r"date", re.I), "date"),
    (re.compile(r"subject|\bre\b|regarding|title", re.I), "subject"),
    (re.compile(r"your name|sender|signature|name", re.I), "from"),
)
MARKING_COLOR = "A01C1C"

P = "{{ portion_space }}"


def _top_level(body: etree._Element) -> list[etree._Element]:
    return [child for child in body if child.tag in (W_P, W_TBL)]


def _text_of(element: etree._Element) -> str:
    if element.tag == W_P:
        return paragraph_text(element)
    return " ".join(paragraph_text(p) for p in element.iter(W_P))


def _has_tag(element: etree._Element) -> bool:
    text = "".join(element.itertext())
    return "{{" in text or "{%" in text


def _keeps(element: etree._Element) -> bool:
    """Whether a sample element must stay: it draws something, holds a tag or ends a
    section."""
    if _has_tag(element):
        return True
    if element.tag == W_P:
        ppr = element.find(W_PPR)
        if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
            return True
        return any(has_graphic(run) for run in own_runs(element))
    return False


def _ends_section(element: etree._Element) -> bool:
    ppr = element.find(W_PPR) if element.tag == W_P else None
    return ppr is not None and ppr.find(qn("w:sectPr")) is not None


def replace_sample_lines(body: etree._Element, found: SlotFinding) -> None:
    """Sample lines of the body become slots: a date alone on its line (when no slot holds
    the date), "Dear ...," (the addressee), bracketed placeholders ("[Recipient name]",
    "[Your name]"), and the signature under "Yours sincerely"."""
    elements = _top_level(body)
    closing_at: int | None = None
    for index, element in enumerate(elements):
        if element.tag != W_P or _has_tag(element):
            continue
        text = paragraph_text(element)
        if not text.strip():
            continue
        if _SAMPLE_DATE.match(text) and "date" not in found.filled:
            fill_paragraph(element, field_tag("date"))
            found.add("date", "sample date")
            continue
        salutation = _SALUTATION.match(text)
        if salutation and "greeting line" not in found.filled.get("to", []):
            replace_after(element, len(salutation.group(1)), field_tag("to"),
                          salutation.group(3).strip())
            found.add("to", "salutation")
            continue
        bracket = _BRACKET.match(text)
        if bracket:
            name = next((n for pattern, n in _BRACKET_FIELDS
                         if pattern.search(bracket.group(1))), None)
            if name is None or name in found.filled:
                remove([element])  # a sample address line: the memo has none to give
            else:
                fill_paragraph(element, field_tag(name))
                found.add(name, "placeholder")
            continue
        if _CLOSING.match(text) and closing_at is None:
            closing_at = index
            _signature(elements[index + 1:], found)
            break


def _signature(after: Sequence[etree._Element], found: SlotFinding) -> None:
    """The first line under the closing is the signature: it shows who the memo is from;
    the sample lines under it (title, office) go."""
    named = False
    for element in after:
        if _ends_section(element) or element.tag != W_P:
            break
        if not paragraph_text(element).strip() or _keeps(element):
            continue
        if not named:
            fill_paragraph(element, field_tag("from"))
            found.add("from", "signature")
            named = True
        else:
            remove([element])


def insert_body(document: DocxDocument, found: SlotFinding) -> str:
    """Put the memo body where the document's sample text is; which place it chose."""
    body = document.element.body
    elements = _top_level(body)
    closing = next((i for i, e in enumerate(elements)
                    if e.tag == W_P and _CLOSING.match(paragraph_text(e))), None)
    limit = closing if closing is not None else len(elements)
    placeholder = next((i for i, e in enumerate(elements[:limit])
                        if e.tag == W_P and _PLACEHOLDER.search(paragraph_text(e))), None)
    if placeholder is None:
        cell = _placeholder_in_cell(body)
        if cell is not None:
            _fill_cell(document, cell)
            return "in the table cell that held the sample text"
    if placeholder is not None:
        start, where = placeholder, "in place of the document's sample text"
    else:
        tagged = [i for i, e in enumerate(elements[:limit]) if _has_tag(e)]
        start = tagged[-1] + 1 if tagged else 0
        where = "after the form's header lines" if tagged else "at the start of the body"
    end = next((i for i in range(start, limit) if _ends_section(elements[i])), limit)
    region = elements[start:end]
    first_text = next((i for i, e in enumerate(region) if _text_of(e).strip()
                       and not _keeps(e)), None)
    if first_text is None:
        anchor_index = start + len(region)
    else:
        anchor_index = start + first_text
        if placeholder is None:
            where = "in place of the document's sample text"
    removable = [e for e in elements[anchor_index:end] if not _keeps(e)]
    block = _body_block(document, header_lines=not _HEADER_SLOTS & set(found.filled))
    if anchor_index < len(elements):
        anchor = elements[anchor_index]
        for element in block:
            anchor.addprevious(element)
    else:
        last = elements[-1] if elements else None
        sect = body.find(qn("w:sectPr"))
        for element in block:
            if last is not None and last.getparent() is body:
                last.addnext(element)
                last = element
            elif sect is not None:
                sect.addprevious(element)
            else:
                body.append(element)
    remove(removable)
    return where


def _placeholder_in_cell(body: etree._Element) -> etree._Element | None:
    """The sample-text paragraph of a form laid out as a table ("Type the memo here" in
    its last cell), outside text boxes."""
    for paragraph in body.iter(W_P):
        ancestors = [a.tag for a in paragraph.iterancestors()]
        if qn("w:tc") in ancestors and TXBX not in ancestors and \
                _PLACEHOLDER.search(paragraph_text(paragraph)):
            return paragraph
    return None


def _fill_cell(document: DocxDocument, placeholder: etree._Element) -> None:
    """The memo body in place of the placeholder and the sample lines after it in its cell;
    an empty paragraph ends the cell, as Word requires one whatever the loops leave."""
    cell = placeholder.getparent()
    following = [e for e in placeholder.itersiblings() if e.tag in (W_P, W_TBL)]
    for element in _body_block(document):
        placeholder.addprevious(element)
    remove(e for e in [placeholder, *following] if not _keeps(e))
    end = etree.Element(W_P)
    if cell is not None:
        cell.append(end)


def _paragraph_styles(document: DocxDocument) -> dict[str, Any]:
    """The document's paragraph styles by their name as Word shows it ("Heading 1"),
    whatever case the file writes the name in ("heading 1" by Word, "Heading 1" by
    LibreOffice)."""
    found: dict[str, Any] = {}
    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and style.name:
            found.setdefault(style.name.lower(), style)
    return found


# A document none of whose lines names the addressee, the sender or the subject (a bare
# letterhead) gets the information memo's header lines above the body: else the brief's
# to, from and subject would be printed nowhere.
_HEADER_SLOTS = frozenset({"to", "from", "subject"})
HEADER_VALUE_TAB = Cm(3)
_HEADER_LINES = (("TO:", "to"), ("FROM:", "from"), ("DATE:", "date"), ("SUBJECT:", "subject"))


def _body_block(document: DocxDocument, *, header_lines: bool = False
                ) -> list[etree._Element]:
    """The memo body (as the built-in information memo has it) as paragraphs in the
    document's own Heading 1, List Bullet and Quote styles, or plain ones when it has none;
    ``header_lines``: the TO, FROM, DATE and SUBJECT lines above it."""
    styles = _paragraph_styles(document)
    names = {name.title() for name in styles}
    made: list[Paragraph] = []

    def para(text: str, style: str | None = None, *, bold: bool = False,
             italic: bool = False) -> Paragraph:
        paragraph = document.add_paragraph(
            style=styles.get(style.lower()) if style else None)
        if text:
            run = paragraph.add_run(text)
            run.bold = bold or None
            run.italic = italic or None
        made.append(paragraph)
        return paragraph

    def tag(statement: str) -> None:
        para(statement)

    def heading(text: str) -> None:
        if "Heading 1" in names:
            para(text, "Heading 1")
        else:
            para(text, bold=True)

    def cite(paragraph: Paragraph, expression: str) -> None:
        run = paragraph.add_run(expression)
        run.font.superscript = True

    def bullet_list(loop: str, item: str, mark: str = "k") -> None:
        tag("{%p for " + loop + " %}")
        if "List Bullet" in names:
            line = para(P + item, "List Bullet")
        else:
            line = para("\u2022 " + P + item, "List Paragraph")
        if mark:
            cite(line, "{{ " + mark + ".cite }}")
        tag("{%p endfor %}")

    if header_lines:
        for label, name in _HEADER_LINES:
            line = para(label, bold=True)
            line.add_run("\t" + field_tag(name))
            line.paragraph_format.tab_stops.add_tab_stop(HEADER_VALUE_TAB)  # values aligned
    tag("{%p if summary.text %}")
    heading("Bottom line up front")
    cite(para(P + "{{ summary.text }}", bold=True), "{{ summary.cite }}")
    tag("{%p endif %}")
    for name, title in (("background", "Background"),):
        tag(f"{{%p if fields.{name} %}}")
        heading(title)
        tag(f"{{%p for line in fields.{name} | paragraphs %}}")
        para(P + "{{ line }}")
        tag("{%p endfor %}")
        tag("{%p endif %}")
    for name, title in (("key_points", "Key points"), ("outcomes", "Outcomes")):
        tag(f"{{%p if {name} %}}")
        heading(title)
        bullet_list(f"k in {name}", "{{ k.text }}")
        tag("{%p endif %}")
    tag("{%p if people %}")
    heading("People involved")
    bullet_list("p in people",
                "{{ p.name }}{% if p.role %}, {{ p.role }}{% endif %}"
                "{% if p.organization and p.organization not in p.role %} "
                "({{ p.organization }}){% endif %}", mark="")
    tag("{%p endif %}")
    tag("{%p if quotes %}")
    heading("What was said")
    tag("{%p for q in quotes %}")
    cite(para(P + "\u201c{{ q.text }}\u201d", "Quote", italic="Quote" not in names),
         "{{ q.cite }}")
    para("\u2014 {{ q.speaker or 'Unattributed' }}{% if q.speaker_role %}, "
         "{{ q.speaker_role }}{% endif %}")
    tag("{%p endfor %}")
    tag("{%p endif %}")
    for name, title in (("next_steps", "Next steps"), ("not_discussed", "Not discussed")):
        tag(f"{{%p if {name} %}}")
        heading(title)
        bullet_list(f"k in {name}", "{{ k.text }}")
        tag("{%p endif %}")
    tag("{%p if fields.comment %}")
    heading("Comment")
    tag("{%p for line in fields.comment | paragraphs %}")
    para(P + "{{ line }}")
    tag("{%p endfor %}")
    tag("{%p endif %}")
    tag("{%p if sources %}")
    heading("Sources")
    tag("{%p for s in sources %}")
    para("[{{ s.number }}] {{ s.reference }}")
    tag("{%p endfor %}")
    tag("{%p endif %}")
    elements = [p._p for p in made]
    remove(elements)  # detached: insert_body puts them in place
    return elements


# The handling marking ------------------------------------------------------------------


def _marking_paragraphs() -> list[etree._Element]:
    """``{%p if marking %}``, the marking (bold, red, centred), ``{%p endif %}``."""
    def plain(text: str) -> etree._Element:
        p = etree.Element(W_P)
        p.append(tag_run(text))
        return p

    banner = etree.Element(W_P)
    ppr = etree.SubElement(banner, W_PPR)
    etree.SubElement(ppr, qn("w:jc")).set(qn("w:val"), "center")
    rpr = etree.Element(qn("w:rPr"))
    etree.SubElement(rpr, qn("w:b"))
    etree.SubElement(rpr, qn("w:color")).set(qn("w:val"), MARKING_COLOR)
    etree.SubElement(rpr, qn("w:sz")).set(qn("w:val"), "20")
    banner.append(tag_run("{{ marking }}", rpr))
    return [plain("{%p if marking %}"), banner, plain("{%p endif %}")]


def add_marking(document: DocxDocument) -> int:
    """Print the marking at the top of every header and the foot of every footer, each
    variant (default, first page, even pages) that the document uses; a section without
    a header gets one. How many header and footer parts now show it."""
    seen: set[str] = set()
    even = document.settings.odd_and_even_pages_header_footer
    for number, section in enumerate(document.sections):
        variants = [(section.header, True), (section.footer, False)]
        if section.different_first_page_header_footer:
            variants += [(section.first_page_header, True), (section.first_page_footer, False)]
        if even:
            variants += [(section.even_page_header, True), (section.even_page_footer, False)]
        for part, on_top in variants:
            if part.is_linked_to_previous:
                if number > 0:
                    continue  # shows the previous section's, which has the marking
                part.is_linked_to_previous = False
            name = str(part.part.partname)
            if name in seen:
                continue
            seen.add(name)
            element = part._element
            paragraphs = _marking_paragraphs()
            if on_top:
                first = next((c for c in element if c.tag in (W_P, W_TBL)), None)
                for p in paragraphs:
                    if first is not None:
                        first.addprevious(p)
                    else:
                        element.append(p)
            else:
                for p in paragraphs:
                    element.append(p)
    return len(seen)


# What the document links to ----------------------------------------------------------

_FETCHING_FIELDS = re.compile(r"^\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|IMPORT|"
                              r"DATABASE|RD)\b", re.I)


def remove_outside_links(document: DocxDocument) -> list[str]:
    """Remove the mail-merge settings, the attached template, fields that fetch a file and
    every external relationship but hyperlinks; one line for each kind removed."""
    notes: list[str] = []
    settings = document.settings.element
    merge = settings.find(qn("w:mailMerge"))
    if merge is not None:
        settings.remove(merge)  # its data source relationship goes with the links below
        notes.append("The mail-merge settings (data source and merge type) were removed: "
                     "briefgen fills the merge fields from the brief.")
    attached = settings.find(qn("w:attachedTemplate"))
    if attached is not None:
        settings.remove(attached)
        notes.append("The link to the attached Word template was removed.")
    fetched = _drop_fetching_fields(document)
    if fetched:
        notes.append(f"{fetched} field(s) that fetch a picture or text from another file "
                     "were replaced by the text they last showed.")
    kinds: list[str] = []
    for part in document.part.package.iter_parts():
        for r_id, rel in list(part.rels.items()):
            reltype = str(rel.reltype).rsplit("/", 1)[-1]
            if is_external_reference(rel) or reltype in ("recipientData", "mailMergeSource",
                                                         "mailMergeHeaderSource"):
                part.rels.pop(r_id)
                kinds.append(reltype)
    if kinds:
        notes.append(f"{len(kinds)} link(s) to outside files ({', '.join(sorted(set(kinds)))})"
                     " were removed.")
    return notes


def _drop_fetching_fields(document: DocxDocument) -> int:
    """Unwrap INCLUDEPICTURE, INCLUDETEXT, LINK... fields: their shown result stays."""
    count = 0
    roots = [document.element.body]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer, section.even_page_header,
                     section.even_page_footer):
            if not part.is_linked_to_previous:
                roots.append(part._element)
    for root in roots:
        for simple in list(root.iter(qn("w:fldSimple"))):
            if _FETCHING_FIELDS.match(simple.get(qn("w:instr")) or ""):
                for child in list(simple):
                    simple.addprevious(child)
                simple.getparent().remove(simple)
                count += 1
        for paragraph in list(root.iter(W_P)):
            count += _unwrap_complex(paragraph)
    return count


def _unwrap_complex(paragraph: etree._Element) -> int:
    count = 0
    runs = own_runs(paragraph)
    index = 0
    while index < len(runs):
        run = runs[index]
        marks = [c.get(qn("w:fldCharType")) for c in run if c.tag == qn("w:fldChar")]
        if "begin" not in marks:
            index += 1
            continue
        instr, end_at, separate_at, depth = "", None, None, 0
        for j in range(index, len(runs)):
            for child in runs[j]:
                if child.tag == qn("w:fldChar"):
                    kind = child.get(qn("w:fldCharType"))
                    depth += {"begin": 1, "end": -1}.get(kind or "", 0)
                    if kind == "separate" and depth == 1 and separate_at is None:
                        separate_at = j
                    if depth == 0:
                        end_at = j
                elif child.tag == qn("w:instrText") and depth == 1:
                    instr += child.text or ""
            if end_at is not None:
                break
        if end_at is None:
            break
        if _FETCHING_FIELDS.match(instr):
            code_end = separate_at if separate_at is not None else end_at
            remove(r for r in runs[index:code_end + 1] if not has_graphic(r))
            remove(r for r in runs[end_at:end_at + 1]
                   if is_field_mark(r) and not run_text(r))
            count += 1
        index = end_at + 1
    return count


def clear_core_properties(document: DocxDocument) -> None:
    """The form's own author and title are not the memo's (the brief and the user give
    those when a memo is rendered)."""
    props = document.core_properties
    for name in ("author", "comments", "subject", "title", "keywords", "category",
                 "last_modified_by", "identifier"):
        setattr(props, name, "")
