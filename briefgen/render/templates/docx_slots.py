"""The slots of an office's memo form, found and filled with Jinja tags: labelled lines
(TO:, FROM:, DATE:, SUBJECT: or RE:, CC:... in paragraphs or layout tables), Word content
controls, merge fields, and the floating text boxes the caller names by number."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

from briefgen.render.templates.docx_xml import (
    ALTERNATE,
    FALLBACK,
    TXBX,
    W_P,
    W_R,
    fill_paragraph,
    is_field_mark,
    own_runs,
    paragraph_text,
    remove,
    replace_after,
    run_text,
    tag_run,
    value_rpr,
)

# Each slot's field and the labels a form gives it (compared without case, spaces and dots).
SLOT_LABELS: dict[str, tuple[str, ...]] = {
    "to": ("to", "for", "recipient", "addressee", "memo to", "memorandum for", "attention",
           "attn"),
    "from": ("from", "sender", "author", "memo from", "prepared by", "drafted by"),
    "date": ("date", "dated"),
    "subject": ("subject", "subj", "re", "regarding", "topic", "title", "ref subject"),
    "cc": ("cc", "copy", "copies", "copy to", "copies to", "distribution"),
    "through": ("through", "thru", "via"),
    "reference": ("ref", "reference", "our ref", "our reference", "file", "file no",
                  "file number"),
}
SLOT_TITLES = {"to": "To", "from": "From", "date": "Date", "subject": "Subject", "cc": "Cc",
               "through": "Through", "reference": "Reference"}
_LABEL_TO_FIELD = {label.replace(" ", ""): name for name, labels in SLOT_LABELS.items()
                   for label in labels}
_LONGEST_LABEL = max(len(label) for labels in SLOT_LABELS.values() for label in labels)
# "TO:", "Subject :", "RE\t", "Memorandum for:" at the start of a line.
_LABEL = re.compile(r"\s*([A-Za-z][A-Za-z .]{0,%s}?)\s*(?::|\t|(?=\s*$))[ \t\u00a0]*"
                    .replace("%s", str(_LONGEST_LABEL + 2)))
_MERGEFIELD = re.compile(r'^\s*MERGEFIELD\s+(?:"([^"]+)"|(\S+))', re.I)
_FIELD_KEYWORD = re.compile(r"^\s*([A-Z]+)", re.I)
# Merge field names that say which slot they fill ("Recipient_Name" is the addressee).
_MERGE_NAME_HINTS = (
    (re.compile(r"recipient|addressee", re.I), "to"),
    (re.compile(r"sender|signatory", re.I), "from"),
    (re.compile(r"subject", re.I), "subject"),
)
# Mail-merge fields that print nothing of their own (record counters and skips).
_MERGE_CONTROL = {"NEXT", "NEXTIF", "MERGEREC", "MERGESEQ", "SKIPIF", "ASK", "FILLIN"}


def field_tag(name: str) -> str:
    """The Jinja expression that prints field ``name`` (dates as the user writes them)."""
    if name == "date":
        return "{{ fields.date | long_date }}"
    return f"{{{{ fields['{name}'] }}}}" if name == "from" else f"{{{{ fields.{name} }}}}"


def field_for_label(text: str) -> str | None:
    """The slot field a label names (``"Re"`` -> ``subject``), or None."""
    key = re.sub(r"[^a-z]", "", text.lower())
    return _LABEL_TO_FIELD.get(key)


def field_name(text: str) -> str:
    """A field name for a merge field or content control the slots do not know:
    ``First_Name`` -> ``first_name``."""
    name = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:40] or "field"
    return f"f_{name}" if name[0].isdigit() else name


@dataclass
class SlotFinding:
    """What the importer filled: field name -> where (``"table"``, ``"paragraph"``,
    ``"content control"``, ``"merge field"``, ``"text box 2"``), the labels seen for new
    fields, and the merge and control fields that are not slots of the built-in memo."""

    filled: dict[str, list[str]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, where: str, title: str = "") -> None:
        self.filled.setdefault(name, []).append(where)
        if name not in self.titles:
            self.titles[name] = title or SLOT_TITLES.get(name) or name.replace("_", " ").title()


@dataclass
class TextBox:
    """A floating text box of the body that no label names: its number (from 1, in the
    order of the document), its current text and its copies in the XML (Word keeps a
    fallback copy of each)."""

    number: int
    text: str
    contents: list[etree._Element] = field(default_factory=list, repr=False)


def _has_tag(paragraph: etree._Element) -> bool:
    text = paragraph_text(paragraph)
    return "{{" in text or "{%" in text


# Merge fields ------------------------------------------------------------------------


def _merge_target(instruction: str) -> tuple[str, str] | None:
    """(field name, title) for a mail-merge field instruction; ("", "") for a merge field
    that prints nothing; None for any other field (PAGE, DATE...)."""
    match = _MERGEFIELD.match(instruction)
    if match:
        raw = (match.group(1) or match.group(2)).strip()
        known = field_for_label(raw) or next(
            (name for pattern, name in _MERGE_NAME_HINTS if pattern.search(raw)), None)
        return (known, SLOT_TITLES[known]) if known else (field_name(raw), raw.replace("_", " "))
    keyword = _FIELD_KEYWORD.match(instruction)
    word = keyword.group(1).upper() if keyword else ""
    if word == "ADDRESSBLOCK":
        return "to", "To"
    if word == "GREETINGLINE":
        return "greeting", "Greeting"
    if word in _MERGE_CONTROL:
        return "", ""
    return None


def fill_merge_fields(root: etree._Element, found: SlotFinding) -> None:
    """Replace every MERGEFIELD (simple or complex field code) under ``root`` with the
    field's tag; ADDRESSBLOCK is the addressee, GREETINGLINE "Dear" and the addressee,
    NEXT, SKIPIF and the like go."""
    for simple in list(root.iter(qn("w:fldSimple"))):
        target = _merge_target(simple.get(qn("w:instr")) or "")
        if target is None:
            continue
        first = next(simple.iter(W_R), None)
        target = _labelled(simple, first, target)
        new = _merge_run(target, value_rpr(first))
        if new is not None:
            simple.addprevious(new)
            _found_merge(found, target)
        simple.getparent().remove(simple)
    for paragraph in list(root.iter(W_P)):
        _complex_merge_fields(paragraph, found)


def _labelled(element: etree._Element, first_run: etree._Element | None,
              target: tuple[str, str]) -> tuple[str, str]:
    """The slot a label just before the field names ("To: «Name»" is the addressee),
    when the field's own name is not a slot of the memo."""
    if not target[0] or target[0] in SLOT_TITLES:
        return target
    paragraph = next((a for a in element.iterancestors(W_P)), None)
    if paragraph is None or first_run is None:
        return target
    runs = own_runs(paragraph)
    if first_run not in runs:
        return target
    prefix = "".join(run_text(r) for r in runs[:runs.index(first_run)])
    match = _label_match(prefix)
    if match is None or match[1] < len(prefix.rstrip()):
        return target
    return match[0], SLOT_TITLES[match[0]]


def _found_merge(found: SlotFinding, target: tuple[str, str]) -> None:
    if target[0] == "greeting":
        found.add("to", "greeting line")
    else:
        found.add(target[0], "merge field", target[1])


def _merge_run(target: tuple[str, str], rpr: etree._Element | None) -> etree._Element | None:
    name, _title = target
    if not name:
        return None
    if name == "greeting":
        return tag_run("Dear {{ fields.to }},", rpr)
    return tag_run(field_tag(name), rpr)


def _complex_merge_fields(paragraph: etree._Element, found: SlotFinding) -> None:
    runs = own_runs(paragraph)
    stack: list[dict[str, object]] = []
    for run in runs:
        for child in run:
            if child.tag == qn("w:fldChar"):
                kind = child.get(qn("w:fldCharType"))
                if kind == "begin":
                    stack.append({"runs": [run], "instr": "", "result": None})
                elif stack:
                    frame = stack[-1]
                    if run not in frame["runs"]:  # type: ignore[operator]
                        frame["runs"].append(run)  # type: ignore[attr-defined]
                    if kind == "separate":
                        frame["result"] = True
                    elif kind == "end":
                        stack.pop()
                        _replace_field(frame, found)
                        for outer in stack:
                            for item in frame["runs"]:  # type: ignore[attr-defined]
                                if item not in outer["runs"]:  # type: ignore[operator]
                                    outer["runs"].append(item)  # type: ignore[attr-defined]
            elif child.tag == qn("w:instrText") and stack:
                stack[-1]["instr"] = str(stack[-1]["instr"]) + (child.text or "")
        if stack and not any(c.tag == qn("w:fldChar") for c in run):
            frame = stack[-1]
            if run not in frame["runs"]:  # type: ignore[operator]
                frame["runs"].append(run)  # type: ignore[attr-defined]


def _replace_field(frame: dict[str, object], found: SlotFinding) -> None:
    target = _merge_target(str(frame["instr"]))
    if target is None:
        return
    runs = [r for r in frame["runs"] if r.getparent() is not None]  # type: ignore[attr-defined]
    if not runs:
        return
    shown = next((r for r in runs if not is_field_mark(r) and run_text(r).strip()), runs[0])
    target = _labelled(runs[0], runs[0], target)
    new = _merge_run(target, value_rpr(shown))
    if new is not None:
        runs[0].addprevious(new)
        _found_merge(found, target)
    remove(runs)


# Content controls ----------------------------------------------------------------------


def fill_content_controls(root: etree._Element, found: SlotFinding) -> None:
    """Fill the content controls whose tag or title names a slot (or, untitled, a date
    picker: the date) and unwrap every content control inside a paragraph, so that what it
    held is plain text of the form."""
    for sdt in reversed(list(root.iter(qn("w:sdt")))):
        props = sdt.find(qn("w:sdtPr"))
        content = sdt.find(qn("w:sdtContent"))
        if content is None:
            continue
        names = []
        if props is not None:
            for key in ("w:tag", "w:alias"):
                element = props.find(qn(key))
                if element is not None and element.get(qn("w:val")):
                    names.append(element.get(qn("w:val")) or "")
        target = next((field_for_label(n) for n in names if field_for_label(n)), None)
        title = SLOT_TITLES.get(target or "", "")
        if target is None and props is not None and props.find(qn("w:date")) is not None:
            target, title = "date", "Date"
        if target is None and names and re.search(r"[A-Za-z]", names[0]):
            target, title = field_name(names[0]), names[0]
        inline = sdt.getparent() is not None and sdt.getparent().tag != qn("w:body") and \
            next(content.iter(W_P), None) is None
        if target:
            if inline:
                first = next(content.iter(W_R), None)
                sdt.addprevious(tag_run(field_tag(target), value_rpr(first)))
                sdt.getparent().remove(sdt)
                found.add(target, "content control", title)
                continue
            paragraphs = list(content.iter(W_P))
            fill_paragraph(paragraphs[0], field_tag(target))
            remove(p for p in paragraphs[1:] if p.getparent() is content)
            found.add(target, "content control", title)
        _unwrap(sdt, content)


def _unwrap(sdt: etree._Element, content: etree._Element) -> None:
    for child in list(content):
        sdt.addprevious(child)
    sdt.getparent().remove(sdt)


# Labelled slots ----------------------------------------------------------------------


def _label_match(text: str) -> tuple[str, int] | None:
    """(field, offset where the value starts) when ``text`` starts with a slot label."""
    match = _LABEL.match(text)
    if not match:
        return None
    name = field_for_label(match.group(1))
    if name is None:
        return None
    return name, match.end()


def fill_table_slots(root: etree._Element, found: SlotFinding,
                     done: set[etree._Element]) -> None:
    """A layout table row "TO: | value": the cell after the label gets the field's tag."""
    for row in root.iter(qn("w:tr")):
        cells = [c for c in row if c.tag == qn("w:tc")]
        for label_cell, value_cell in zip(cells, cells[1:], strict=False):
            text = "".join(paragraph_text(p) for p in label_cell.iter(W_P)).strip()
            match = _label_match(text)
            if match is None or match[1] < len(text.rstrip()) or _labelled_once(found,
                                                                                match[0]):
                continue
            paragraphs = [p for p in value_cell if p.tag == W_P]
            if not paragraphs or any(_has_tag(p) for p in value_cell.iter(W_P)):
                continue
            fill_paragraph(paragraphs[0], field_tag(match[0]))
            remove(paragraphs[1:])
            done.update(label_cell.iter(W_P))
            found.add(match[0], "table", _title(text))


def _labelled_once(found: SlotFinding, name: str) -> bool:
    """Whether a label already gave this field a place (a merge field or content control
    elsewhere does not keep its labelled line from being filled too)."""
    return any(place in ("table", "paragraph") for place in found.filled.get(name, []))


def _title(label_text: str) -> str:
    return label_text.strip().rstrip(":").strip().title()


def fill_paragraph_slots(root: etree._Element, found: SlotFinding,
                         done: set[etree._Element]) -> None:
    """A line "SUBJECT: sample text" (the label over any number of runs): the text after
    the label becomes the field's tag. Each slot is filled once, at its first label."""
    for paragraph in list(root.iter(W_P)):
        if paragraph in done or _has_tag(paragraph):
            continue
        text = paragraph_text(paragraph)
        match = _label_match(text)
        if match is None or _labelled_once(found, match[0]):
            continue
        name, offset = match
        in_cell = any(a.tag == qn("w:tc") for a in paragraph.iterancestors())
        if offset >= len(text.rstrip()) and in_cell:
            continue  # a label alone in a cell: its value is in another cell
        if not re.search(r"[:\t]", text[:offset]):
            continue  # "Date" alone on a line is a heading or a sample, not a slot
        replace_after(paragraph, offset, field_tag(name))
        found.add(name, "paragraph", _title(text[:offset]))


# Floating text boxes -------------------------------------------------------------------


def text_boxes(body: etree._Element) -> list[TextBox]:
    """The body's text boxes that hold no tag yet, numbered in document order; each with
    its Word fallback copy."""
    boxes: list[TextBox] = []
    fallback = FALLBACK
    for content in body.iter(TXBX):
        if any(a.tag == fallback for a in content.iterancestors()):
            continue
        if any(_has_tag(p) for p in content.iter(W_P)):
            continue
        copies = [content]
        alternate = next((a for a in content.iterancestors()
                          if a.tag == ALTERNATE), None)
        if alternate is not None:
            choice_boxes = [c for c in alternate.iter(TXBX)
                            if not any(a.tag == fallback for a in c.iterancestors())]
            fallback_boxes = [c for c in alternate.iter(TXBX)
                              if any(a.tag == fallback for a in c.iterancestors())]
            index = choice_boxes.index(content)
            if index < len(fallback_boxes):
                copies.append(fallback_boxes[index])
        lines = [paragraph_text(p).strip() for p in content.iter(W_P)]
        text = " / ".join(line for line in lines if line)
        boxes.append(TextBox(len(boxes) + 1, text, copies))
    return boxes


def fill_text_box(box: TextBox, name: str, found: SlotFinding, title: str = "") -> None:
    """Make the box show the field ``name`` (each Word copy of it)."""
    for content in box.contents:
        paragraphs = [p for p in content if p.tag == W_P]
        if not paragraphs:
            paragraphs = [etree.SubElement(content, W_P)]
        fill_paragraph(paragraphs[0], field_tag(name))
        remove(c for c in content if c is not paragraphs[0])
    found.add(name, f"text box {box.number}", title)
