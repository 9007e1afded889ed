"""The memo's HTML on a page like its Word document's: the letterhead (header) above the
body, the footer below it, the document's body font, and its margins as the page's padding.

Used by the live preview of templates that are not built in (the built-in templates' HTML
draws their own heading, marking and footer, from the same build as their Word files).
The side margins are empty columns of the page's width in per cent, so that a narrow pane
shows them in proportion to the page (as a zoomed-out page) while the text keeps its size;
the top and bottom ones are paddings in pixels at 96 dpi, which Qt's rich text reads there
(it drops points) and which the preview pane scales with the page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the preview pane imports this module: it stays light
    from briefgen.render.docx_letterhead import Letterhead

_DATA_IMAGE = re.compile(r'src="data:image/(?:png|jpeg|gif);base64,([A-Za-z0-9+/=]+)"')
IMAGE_SCHEME = "briefgen-image"
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(r"</body\s*>", re.IGNORECASE)
_HEAD_CLOSE = re.compile(r"</head\s*>", re.IGNORECASE)
GENERIC_FAMILY = "sans-serif"
HEADER_GAP_PX = 16
"""Space between the letterhead and the memo, and between the memo and the footer."""


def _px(points: float) -> str:
    return f"{points * 4 / 3:.0f}px"


def letterhead_css(letterhead: Letterhead) -> str:
    """The style block of the page box: the document's margins and body font."""
    page = letterhead.page
    top = page.header if letterhead.header_html else page.top
    bottom = page.footer if letterhead.footer_html else page.bottom
    top = 0 if letterhead.from_edges[0] else top
    bottom = 0 if letterhead.from_edges[1] else bottom
    font = ""
    if letterhead.font_family:
        font += f" font-family: '{letterhead.font_family}', {GENERIC_FAMILY};"
    if letterhead.font_size:
        font += f" font-size: {letterhead.font_size:g}pt;"
    return (
        "<style>\n"
        "  table.letterhead-page { border-collapse: collapse; background: #ffffff; }\n"
        f"  td.letterhead-sheet {{ padding: {_px(top)} 0 {_px(bottom)} 0;{font} }}\n"
        f"  div.letterhead-header {{ margin-bottom: {HEADER_GAP_PX}px; }}\n"
        f"  div.letterhead-footer {{ margin-top: {HEADER_GAP_PX}px; }}\n"
        "  table.letterhead-tabs td, table.letterhead-table td { padding: 0; }\n"
        f"{letterhead.css}\n"
        "</style>\n"
    )


def margin_percents(letterhead: Letterhead) -> tuple[str, str]:
    """The left and right margins in per cent of the page's width (as HTML writes them)."""
    page = letterhead.page
    return f"{100 * page.left / page.width:.1f}", f"{100 * page.right / page.width:.1f}"


def add_letterhead(html: str, letterhead: Letterhead | None) -> str:
    """``html`` (a whole memo, or a fragment) inside a page box with ``letterhead``'s header
    above it and footer below it; ``html`` as it is when there is no letterhead, or it has
    neither header nor footer."""
    if letterhead is None or letterhead.is_empty:
        return html
    header = (f'<div class="letterhead-header" role="banner">{letterhead.header_html}</div>\n'
              if letterhead.header_html else "")
    footer = (f'\n<div class="letterhead-footer">'
              f"{letterhead.footer_html}</div>" if letterhead.footer_html else "")
    left, right = margin_percents(letterhead)
    middle = f"{100 - float(left) - float(right):.1f}"
    text_px = round((letterhead.page.width - letterhead.page.left - letterhead.page.right) * 4 / 3)
    open_page = ('<table class="letterhead-page" width="100%" cellspacing="0" cellpadding="0" '
                 'bgcolor="#ffffff" role="presentation"><tr>'
                 f'<td class="letterhead-margin" width="{left}%"></td>'
                 f'<td class="letterhead-sheet" width="{middle}%" data-width="{text_px}">\n')
    close_page = (f'\n</td><td class="letterhead-margin" width="{right}%"></td>'
                  "</tr></table>\n")
    opening = _BODY_OPEN.search(html)
    closing = _BODY_CLOSE.search(html, opening.end() if opening else 0)
    if opening is None or closing is None:
        return letterhead_css(letterhead) + open_page + header + html + footer + close_page
    inside = html[opening.end():closing.start()]
    page = open_page + header + inside + footer + close_page
    html = html[:opening.end()] + page + html[closing.start():]
    head_close = _HEAD_CLOSE.search(html, 0, opening.start() + 1)
    if head_close is None:
        return html[:opening.start()] + letterhead_css(letterhead) + html[opening.start():]
    return html[:head_close.start()] + letterhead_css(letterhead) + html[head_close.start():]


def image_references(html: str) -> tuple[str, dict[str, str]]:
    """``html`` with each data: picture (PNG, JPEG, GIF) named by its digest instead
    (``src="briefgen-image:<digest>"``), and the base64 text of each picture by name.

    For a viewer that keeps the pictures it decoded (the preview pane): the page it is
    given on each keystroke is then short, and no picture is decoded twice.
    """
    images: dict[str, str] = {}

    def name(match: re.Match[str]) -> str:
        data = match.group(1)
        import hashlib  # here: OpenSSL loads when a letterhead has an image

        key = f"{IMAGE_SCHEME}:{hashlib.blake2b(data.encode('ascii'), digest_size=12).hexdigest()}"
        images[key] = data
        return f'src="{key}"'

    return _DATA_IMAGE.sub(name, html), images


_SHEET = re.compile(r'<td class="letterhead-sheet" width="([\d.]+)%" data-width="(\d+)"')
_IMAGE_SIZE = re.compile(r'(<img\b[^>]*?\swidth=")(\d+)("\s+height=")(\d+)(")')


def zoom_letterhead(html: str, pane_width: float) -> str:
    """``html`` with its pictures at the size they have on the page when the page is
    ``pane_width`` pixels wide (a letterhead's logo keeps its share of the page, as its
    margins do); ``html`` as it is without a letterhead or in a pane as wide as the page."""
    sheet = _SHEET.search(html)
    if sheet is None or pane_width <= 0:
        return html
    zoom = pane_width * float(sheet.group(1)) / 100 / max(1, int(sheet.group(2)))
    if zoom >= 1:
        return html

    def smaller(match: re.Match[str]) -> str:
        width = max(1, round(int(match.group(2)) * zoom))
        height = max(1, round(int(match.group(4)) * zoom))
        return f"{match.group(1)}{width}{match.group(3)}{height}{match.group(5)}"

    return _IMAGE_SIZE.sub(smaller, html)
