"""Generate the Word (docxtpl) file of each built-in template: run after changing a layout.

Usage: .venv/bin/python templates/_build/build_docx_templates.py
The .docx files it writes are committed; staff may also restyle them in Word.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx.document import Document as DocxDocument  # noqa: E402
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402
from docx_kit import (  # noqa: E402
    bullets,
    end,
    header_block,
    loop_table,
    marking_banners,
    new_document,
    para,
    quote_block,
    section,
    sources_list,
    tag,
)

TEMPLATES_DIR = Path(__file__).resolve().parent.parent
P = "{{ portion_space }}"
CITED = "{{ k.cite }}"


def _summary(doc: DocxDocument, heading: str, emphasis: str = "") -> None:
    section(doc, "summary.text", heading)
    para(doc, [(P + "{{ summary.text }}", emphasis), ("{{ summary.cite }}", "sup")])
    end(doc)


def _free_text(doc: DocxDocument, name: str, heading: str) -> None:
    section(doc, f"fields.{name}", heading)
    tag(doc, f"{{%p for line in fields.{name} | paragraphs %}}")
    para(doc, [(P + "{{ line }}", "")])
    tag(doc, "{%p endfor %}")
    end(doc)


def _key_points(doc: DocxDocument, heading: str, limit: str = "") -> None:
    section(doc, "key_points", heading)
    bullets(doc, f"k in key_points{limit}", [(P + "{{ k.text }}", ""), (CITED, "sup")])
    end(doc)


def _outcomes(doc: DocxDocument) -> None:
    section(doc, "outcomes", "Outcomes")
    bullets(doc, "k in outcomes", [(P + "{{ k.text }}", ""), (CITED, "sup")])
    end(doc)


def _next_steps(doc: DocxDocument, condition: str = "next_steps") -> None:
    section(doc, condition, "Next steps")
    bullets(doc, "k in next_steps", [(P + "{{ k.text }}", ""), (CITED, "sup")])
    end(doc)


def _not_discussed(doc: DocxDocument) -> None:
    section(doc, "not_discussed", "Not discussed")
    bullets(doc, "k in not_discussed", [(P + "{{ k.text }}", ""), (CITED, "sup")])
    end(doc)


def _quotes(doc: DocxDocument, heading: str) -> None:
    section(doc, "quotes", heading)
    quote_block(doc, "q in quotes")
    end(doc)


def information_memo() -> DocxDocument:
    doc = new_document("Information memorandum")
    marking_banners(doc, "Information memorandum")
    para(doc, [("Information memorandum", "")], style="Title")
    header_block(doc, [
        ("TO:", "{{ fields.to }}"),
        ("FROM:", "{{ fields['from'] }}"),
        ("DATE:", "{{ fields.date | long_date }}"),
        ("SUBJECT:", "{{ fields.subject }}"),
    ])
    _summary(doc, "Bottom line up front", "b")
    _free_text(doc, "background", "Background")
    _key_points(doc, "Key points")
    _outcomes(doc)
    section(doc, "people", "People involved")
    bullets(doc, "p in people", [
        ("{{ p.name }}", "b"),
        ("{% if p.role %}, {{ p.role }}{% endif %}"
         "{% if p.organization and p.organization not in p.role %} ({{ p.organization }})"
         "{% endif %}", ""),
    ])
    end(doc)
    _quotes(doc, "What was said")
    _next_steps(doc)
    _not_discussed(doc)
    section(doc, "fields.comment", "Comment")
    tag(doc, "{%p for line in fields.comment | paragraphs %}")
    para(doc, [(P + "{{ line }}", "")])
    tag(doc, "{%p endfor %}")
    end(doc)
    sources_list(doc)
    return doc


def decision_memo() -> DocxDocument:
    doc = new_document("Decision memorandum")
    marking_banners(doc, "Decision memorandum")
    para(doc, [("Decision memorandum", "")], style="Title")
    header_block(doc, [
        ("FOR:", "{{ fields.to }}"),
        ("FROM:", "{{ fields['from'] }}"),
        ("DATE:", "{{ fields.date | long_date }}"),
        ("SUBJECT:", "{{ fields.subject }}"),
    ])
    doc.add_heading("Recommendation", level=1)
    tag(doc, "{%p if fields.recommendation %}")
    tag(doc, "{%p for line in fields.recommendation | paragraphs %}")
    para(doc, [(P + "{{ line }}", "b")])
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    para(doc, [("[Recommendation to be completed by the drafter.]", "i grey")])
    tag(doc, "{%p endif %}")
    for label in ("Approve", "Disapprove", "Discuss with me"):
        # Underline tab leaders draw the initials and date lines after each choice.
        line = para(doc, [(label, "b"), ("\t\t", ""), ("   Date ", ""), ("\t", "")])
        stops = line.paragraph_format.tab_stops
        stops.add_tab_stop(Cm(3.6), WD_TAB_ALIGNMENT.LEFT)
        stops.add_tab_stop(Cm(9.5), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)
        stops.add_tab_stop(Cm(15.5), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)
        line.paragraph_format.space_before = Pt(12)
    _summary(doc, "Summary")
    _free_text(doc, "background", "Background")
    doc.add_heading("Discussion", level=1)
    tag(doc, "{%p if fields.discussion %}")
    tag(doc, "{%p for line in fields.discussion | paragraphs %}")
    para(doc, [(P + "{{ line }}", "")])
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    bullets(doc, "k in key_points", [(P + "{{ k.text }}", ""), (CITED, "sup")])
    tag(doc, "{%p endif %}")
    _quotes(doc, "Positions stated")
    _next_steps(doc)
    section(doc, "fields.coordination", "Coordination")
    bullets(doc, "c in fields.coordination", [("{{ c }}", "")])
    end(doc)
    sources_list(doc)
    return doc


def meeting_readout() -> DocxDocument:
    doc = new_document("Meeting readout")
    marking_banners(doc, "Meeting readout")
    para(doc, [("Meeting readout", "")], style="Title")
    header_block(doc, [
        ("MEETING:", "{{ fields.subject }}"),
        ("DATE:", "{{ fields.date | long_date }}"),
        ("LOCATION:", "{{ fields.location or venue }}"),
        ("DRAFTED BY:", "{{ fields['from'] }}"),
    ])
    _summary(doc, "Summary")
    section(doc, "fields.participants or participants", "Participants")
    loop_table(
        doc, ["Name", "Role", "Organisation"],
        "p in (fields.participants or participants)",
        ["{{ p.name }}", "{{ p.role }}", "{{ p.organization }}"],
        [4.6, 6.4, 5.0],
    )
    end(doc)
    tag(doc, "{%p if also_mentioned and not fields.participants %}")
    para(doc, [("Also mentioned: ", "b"),
               ("{% for p in also_mentioned %}{{ p.name }}{% if p.role %} ({{ p.role }})"
                "{% endif %}{% if not loop.last %}; {% endif %}{% endfor %}", "")])
    end(doc)
    section(doc, "topics", "Topics discussed")
    bullets(doc, "t in topics", [(P + "{{ t.text }}", "")])
    end(doc)
    _key_points(doc, "Key points")
    # Outcomes always print: the brief's outcomes, or that the sources state none.
    doc.add_heading("Outcomes", level=1)
    tag(doc, "{%p if outcomes %}")
    bullets(doc, "k in outcomes", [(P + "{{ k.text }}", ""), (CITED, "sup")])
    tag(doc, "{%p else %}")
    para(doc, [(P + "No outcome stated in the sources.", "")])
    tag(doc, "{%p endif %}")
    _quotes(doc, "Quotes")
    _next_steps(doc)
    _not_discussed(doc)
    sources_list(doc)
    return doc


def media_digest() -> DocxDocument:
    doc = new_document("Media digest")
    marking_banners(doc, "Media digest")
    para(doc, [("Media digest", "")], style="Title")
    header_block(doc, [
        ("TO:", "{{ fields.to }}"),
        ("DATE:", "{{ fields.date | long_date }}"),
        ("SUBJECT:", "{{ fields.subject }}"),
        ("COMPILED BY:", "{{ fields['from'] }}"),
    ])
    _summary(doc, "Overview")
    section(doc, "sources", "Coverage")
    tag(doc, "{%p for s in sources %}")
    doc.add_heading("[{{ s.number }}] {{ s.title }}", level=2)
    para(doc, [("{{ [s.publisher, s.author, s.published] | select | join(' \u00b7 ') }}",
                "i grey small")])
    tag(doc, "{%p if s.summary %}")
    para(doc, [(P + "{{ s.summary }}", "")])
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for q in s.quotes[:3] %}")
    para(doc, [(P + "\u201c{{ q.text }}\u201d", "i"),
               (" \u2014 {{ q.speaker or 'unattributed' }}", "grey")], style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    end(doc)
    _key_points(doc, "Key points across coverage")
    _next_steps(doc)
    sources_list(doc)
    return doc


BUILDERS = {
    "information-memo": information_memo,
    "decision-memo": decision_memo,
    "meeting-readout": meeting_readout,
    "media-digest": media_digest,
}


def main() -> int:
    for template_id, build in BUILDERS.items():
        folder = TEMPLATES_DIR / template_id
        folder.mkdir(exist_ok=True)
        out = folder / "memo.docx"
        build().save(str(out))
        print(f"wrote {out.relative_to(TEMPLATES_DIR.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
