"""Assemble each built-in memo.html from the shared head and foot and its own body.

Usage: .venv/bin/python templates/_build/build_html_templates.py
Each template package stays self-contained (no includes), so the shared CSS and macros are
copied into every file; edit the parts here, not the generated memo.html files.
"""

from __future__ import annotations

from pathlib import Path

BUILD_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = BUILD_DIR.parent
IDS = ("information-memo", "decision-memo", "meeting-readout", "media-digest")


def main() -> int:
    head = (BUILD_DIR / "head.html.part").read_text(encoding="utf-8")
    foot = (BUILD_DIR / "foot.html.part").read_text(encoding="utf-8")
    for template_id in IDS:
        body = (BUILD_DIR / "html" / f"{template_id}.body").read_text(encoding="utf-8")
        out = TEMPLATES_DIR / template_id / "memo.html"
        out.write_text(head + body + foot, encoding="utf-8")
        print(f"wrote {out.relative_to(TEMPLATES_DIR.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
