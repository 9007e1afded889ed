"""The run and paragraph looks of a Word document's styles (fonts, sizes, bold, alignment,
spacing), resolved through ``basedOn`` chains, the document defaults and the theme fonts."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from lxml import etree

from briefgen.render.docx_parts import W

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_OFF = frozenset({"0", "false", "off", "none"})
_FONT_NAME = re.compile(r"[^\w .&+-]")
_COLOR = re.compile(r"[0-9A-Fa-f]{6}")
_MAX_CHAIN = 12


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def twips(value: str | None, default: int, low: int, high: int) -> int:
    """``value`` (a count of twentieths of a point) within [low, high] as a whole number;
    ``default`` when it is missing or not a number. Negative margins (Word's "exactly")
    count by their size."""
    if value is None:
        return default
    try:
        number = abs(int(float(value)))
    except ValueError:
        return default
    return max(low, min(high, number))


def font_name(value: str | None) -> str | None:
    """A font family name safe inside CSS quotes (letters, digits, spaces, ``.&+-``)."""
    if not value:
        return None
    cleaned = " ".join(_FONT_NAME.sub("", value).split())[:64]
    return cleaned or None


@dataclass(frozen=True)
class RunLook:
    """How a run looks; ``None`` means "as its style (or the default) says"."""

    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    caps: bool | None = None
    hidden: bool | None = None
    font: str | None = None
    size: float | None = None
    color: str | None = None

    def over(self, base: RunLook) -> RunLook:
        """This look, with what it leaves open taken from ``base``."""
        return replace(base, **{f.name: getattr(self, f.name) for f in fields(self)
                                if getattr(self, f.name) is not None})


@dataclass(frozen=True)
class ParagraphLook:
    """A paragraph's alignment (CSS text-align) and spacing in points; ``None``: inherited."""

    align: str | None = None
    before: float | None = None
    after: float | None = None

    def over(self, base: ParagraphLook) -> ParagraphLook:
        return ParagraphLook(self.align or base.align,
                             base.before if self.before is None else self.before,
                             base.after if self.after is None else self.after)


_ALIGN = {"left": "left", "start": "left", "center": "center", "right": "right",
          "end": "right", "both": "justify", "distribute": "justify"}


def _toggle(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    return (element.get(_w("val")) or "true").lower() not in _OFF


def theme_fonts(theme: etree._Element | None) -> dict[str, str]:
    """``{"major": family, "minor": family}`` of the theme's Latin fonts (those it names)."""
    found: dict[str, str] = {}
    if theme is None:
        return found
    for kind in ("major", "minor"):
        latin = theme.find(f".//{{{A}}}{kind}Font/{{{A}}}latin")
        name = font_name(latin.get("typeface") if latin is not None else None)
        if name:
            found[kind] = name
    return found


def run_look(properties: etree._Element | None, theme: dict[str, str]) -> RunLook:
    """The look ``w:rPr`` gives a run."""
    if properties is None:
        return RunLook()
    fonts = properties.find(_w("rFonts"))
    font = None
    if fonts is not None:
        font = font_name(fonts.get(_w("ascii")) or fonts.get(_w("hAnsi")))
        themed = fonts.get(_w("asciiTheme")) or fonts.get(_w("hAnsiTheme")) or ""
        if font is None and themed:
            font = theme.get("major" if themed.startswith("major") else "minor")
    size = None
    size_element = properties.find(_w("sz"))
    if size_element is not None:
        half_points = twips(size_element.get(_w("val")), 0, 0, 3276)
        size = half_points / 2 if half_points else None
    color = None
    color_element = properties.find(_w("color"))
    if color_element is not None:
        value = color_element.get(_w("val")) or ""
        color = value.upper() if _COLOR.fullmatch(value) else None
    underline = properties.find(_w("u"))
    return RunLook(
        bold=_toggle(properties.find(_w("b"))),
        italic=_toggle(properties.find(_w("i"))),
        underline=None if underline is None else (
            (underline.get(_w("val")) or "single").lower() not in _OFF),
        caps=_toggle(properties.find(_w("caps"))),
        hidden=_toggle(properties.find(_w("vanish"))),
        font=font, size=size, color=color,
    )


def paragraph_look(properties: etree._Element | None) -> ParagraphLook:
    """The alignment and spacing ``w:pPr`` gives a paragraph."""
    if properties is None:
        return ParagraphLook()
    justify = properties.find(_w("jc"))
    align = _ALIGN.get((justify.get(_w("val")) or "").lower()) if justify is not None else None
    spacing = properties.find(_w("spacing"))
    before = after = None
    if spacing is not None:
        if spacing.get(_w("before")) is not None:
            before = twips(spacing.get(_w("before")), 0, 0, 1584) / 20
        if spacing.get(_w("after")) is not None:
            after = twips(spacing.get(_w("after")), 0, 0, 1584) / 20
    return ParagraphLook(align, before, after)


@dataclass(frozen=True)
class _Style:
    based_on: str | None
    paragraph: ParagraphLook
    run: RunLook


class StyleSheet:
    """A document's styles: each paragraph or character style's look over the defaults."""

    def __init__(self, styles: dict[str, _Style], run_defaults: RunLook,
                 paragraph_defaults: ParagraphLook, default_paragraph: str | None,
                 theme: dict[str, str]) -> None:
        self._styles = styles
        self.run_defaults = run_defaults
        self.paragraph_defaults = paragraph_defaults
        self.default_paragraph = default_paragraph
        self.theme = theme

    def _chain(self, style_id: str | None) -> list[_Style]:
        chain: list[_Style] = []
        while style_id and style_id in self._styles and len(chain) < _MAX_CHAIN:
            style = self._styles[style_id]
            chain.append(style)
            style_id = style.based_on
        return chain

    def paragraph(self, style_id: str | None) -> tuple[ParagraphLook, RunLook]:
        """The paragraph and run look of paragraph style ``style_id`` (the default
        paragraph style when ``None`` or unknown) over the document defaults."""
        if not style_id or style_id not in self._styles:
            style_id = self.default_paragraph
        paragraph, run = self.paragraph_defaults, self.run_defaults
        for style in reversed(self._chain(style_id)):
            paragraph, run = style.paragraph.over(paragraph), style.run.over(run)
        return paragraph, run

    def character(self, style_id: str | None, base: RunLook) -> RunLook:
        """Character style ``style_id``'s look over ``base`` (``base`` when it has none)."""
        for style in reversed(self._chain(style_id)):
            base = style.run.over(base)
        return base

    def body_look(self) -> RunLook:
        """The look of the body's default paragraphs (document defaults and Normal)."""
        return self.paragraph(None)[1]


def read_styles(root: etree._Element | None, theme: dict[str, str]) -> StyleSheet:
    """The style sheet of ``styles.xml`` (empty when the document has none)."""
    styles: dict[str, _Style] = {}
    run_defaults, paragraph_defaults, default_paragraph = RunLook(), ParagraphLook(), None
    if root is None:
        return StyleSheet(styles, run_defaults, paragraph_defaults, None, theme)
    defaults = root.find(_w("docDefaults"))
    if defaults is not None:
        run_defaults = run_look(defaults.find(f"{_w('rPrDefault')}/{_w('rPr')}"), theme)
        paragraph_defaults = paragraph_look(defaults.find(f"{_w('pPrDefault')}/{_w('pPr')}"))
    for style in root.iterchildren(_w("style")):
        style_id = style.get(_w("styleId"))
        kind = style.get(_w("type"))
        if not style_id or kind not in {"paragraph", "character"}:
            continue
        based = style.find(_w("basedOn"))
        styles[style_id] = _Style(
            based_on=based.get(_w("val")) if based is not None else None,
            paragraph=paragraph_look(style.find(_w("pPr"))),
            run=run_look(style.find(_w("rPr")), theme),
        )
        if kind == "paragraph" and (style.get(_w("default")) or "").lower() in {"1", "true",
                                                                                "on"}:
            default_paragraph = style_id
    return StyleSheet(styles, run_defaults, paragraph_defaults, default_paragraph, theme)
