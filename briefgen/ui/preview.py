"""The live preview: the memo as the render service draws it, refreshed after each change."""

from __future__ import annotations

import base64
import functools
import re
import time
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QImage,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from briefgen.render.letterhead_html import image_references, zoom_letterhead
from briefgen.ui.document import BriefDocument
from briefgen.ui.rendering import RenderService

DEBOUNCE_MS = 20
# On screen the pane is narrower than paper: drop the page margins of the built-in
# templates' ".page" box (exports keep them). Later rules win in Qt's rich text CSS.
# (Qt's rich text applied ".page" from the template over a ".page" here, leaving a 41 px
# left margin that pushed full-width tables past the pane: "div.page" wins.)
SCREEN_STYLE = "<style>div.page, .page { padding: 0; margin: 0; }</style>"
# Qt's rich text ignores CSS table widths; the HTML attribute makes layout and data
# tables fill the pane. Header tables (label: value) without one stay at their natural
# width, since Qt would otherwise split them into equal columns (the built-in templates
# give theirs the full width and the label column a width of its own).
_TABLE_WITHOUT_WIDTH = re.compile(
    r"<table(?![^>]*\bwidth=)(?![^>]*class=\"[^\"]*header)", re.IGNORECASE
)
# Qt's rich text CSS knows px, pt and em but not rem or cm: such lengths (margins,
# paddings) would be dropped, running headings into the text above them. In the style
# blocks they become pixels, as a browser at 96 dpi with a 16 px root font counts them.
_STYLE_BLOCK = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.IGNORECASE | re.DOTALL)
_LENGTH = re.compile(r"(?<![\w.])(\d*\.?\d+)(rem|cm|mm)\b")
_PX_PER_UNIT = {"rem": 16.0, "cm": 96 / 2.54, "mm": 96 / 25.4}


_SCREEN_LENGTH = re.compile(r"(?<![\w.#-])(\d*\.?\d+)(pt|px)\b")
# The text between tags (tags, and the insides of style blocks, are left alone).
_TEXT_RUN = re.compile(r"(?<=>)[^<]+")
# A run of 24 characters or more of a web address or file name: it may break after its
# slashes, dots and the like, never elsewhere (entities such as &amp; are not such runs).
_LONG_TOKEN = re.compile(r"[\w/.:?=%#~+-]{24,}")
_BREAK_AFTER = re.compile(r"([/._?=-])(?=[^\s])")
# On screen, table header cells may wrap between words: the decision memo's "Discuss with
# me", kept on one line, squeezed the signature line after "Date" to nothing in a narrow
# pane. (An overriding rule in SCREEN_STYLE is not enough: Qt keeps the template's.)
_HEADER_CELL_NOWRAP = re.compile(r"(\bth\s*\{[^}]*?)white-space\s*:\s*nowrap\s*;?")
# Never shrink the page below this much of its size to make its longest word fit.
MIN_SCALE = 0.6
# A page that stopped fitting at its scale while the user types (a word growing past the
# pane) is made small enough for a few more letters: each new scale lays the whole page
# out again, where a keystroke otherwise changes one line.
TYPING_ROOM = 0.92


def _px(match: re.Match[str]) -> str:
    pixels = float(match.group(1)) * _PX_PER_UNIT[match.group(2)]
    return f"{pixels:.0f}px"


@functools.lru_cache(maxsize=32)
def screen_css(css: str, scale: float = 1.0) -> str:
    """``css`` with rem, cm and mm lengths written in pixels, which Qt's rich text reads,
    header cells free to wrap,
    and its font sizes, margins and paddings times ``scale`` (a narrow pane shows the
    page smaller, as a zoomed-out page). Kept for the last few ``css`` and ``scale``:
    typing changes the page's text, not its style."""
    css = _HEADER_CELL_NOWRAP.sub(r"\1", _LENGTH.sub(_px, css))
    if scale != 1.0:
        css = _SCREEN_LENGTH.sub(
            lambda m: f"{float(m.group(1)) * scale:.2f}{m.group(2)}", css)
    return css


def _breakable(text: str) -> str:
    """Long tokens in ``text`` with a line-break chance (a zero-width space) after their
    slashes, dots and dashes, so that they wrap without a word being cut elsewhere."""
    return _LONG_TOKEN.sub(lambda m: _BREAK_AFTER.sub("\\1\u200b", m.group()), text)


def split_style(html: str) -> tuple[str, str]:
    """The CSS of ``html``'s style blocks (in order) and ``html`` without them.

    Qt parses a page's style blocks on every setHtml (about four fifths of a memo's
    parse); a document's default style sheet is parsed once when set. The preview sets
    the CSS as the default style sheet when it changes and the rest as the page: the
    built-in templates draw pixel for pixel the same (tests/ui/test_preview.py).
    """
    css = "\n".join(match.group(2) for match in _STYLE_BLOCK.finditer(html))
    return css, _STYLE_BLOCK.sub("", html)


_FRAME_OPEN = re.compile(r'<table\b[^>]*\bclass="frame"[^>]*>', re.IGNORECASE)
_TABLE_PART = re.compile(r"</?(table|thead|tbody|tfoot|tr|td|th)\b[^>]*>", re.IGNORECASE)


def unwrap_frame(html: str) -> str:
    """``html`` with its ``table.frame`` (the built-in templates' page frame: one cell a
    row, its header and footer rows repeating the marking on each printed page) as a
    ``div`` holding its cells' contents one after the other, as it shows on one screen
    page; ``html`` as it is without such a frame, or when a row has more than one cell.

    Qt lays out a table as a whole: with the frame around the whole memo, a keystroke's
    one changed line laid out the whole page again (ten times the line's cost)."""
    opening = _FRAME_OPEN.search(html)
    if opening is None:
        return html
    pieces = [html[:opening.start()], '<div class="frame">']
    depth, cells, last = 1, 0, opening.end()
    for tag in _TABLE_PART.finditer(html, opening.end()):
        name, closing = tag.group(1).lower(), tag.group().startswith("</")
        if name == "table":
            depth += -1 if closing else 1
            if depth == 0:
                pieces += [html[last:tag.start()], "</div>", html[tag.end():]]
                return "".join(pieces)
            continue
        if depth != 1:
            continue
        if name == "tr" and not closing:
            cells = 0
        elif name in ("td", "th") and not closing:
            cells += 1
            if cells > 1:
                return html
        pieces.append(html[last:tag.start()])
        last = tag.end()
    return html


def fit_to_pane(html: str, scale: float = 1.0) -> str:
    """The memo's HTML adapted to the preview pane (the exported files are untouched);
    ``scale`` shrinks its fonts (1.0: as written)."""
    html = _TABLE_WITHOUT_WIDTH.sub('<table width="100%"', unwrap_frame(html))
    parts = _STYLE_BLOCK.split(html)
    # split() keeps the three groups of each style block: text, open, css, close, text...
    for index in range(0, len(parts), 4):
        parts[index] = _TEXT_RUN.sub(lambda m: _breakable(m.group()), parts[index])
    for index in range(2, len(parts), 4):
        parts[index] = screen_css(parts[index], scale)
    html = "".join(parts)
    head_end = html.find("</head>")
    if head_end < 0:
        return SCREEN_STYLE + html
    return html[:head_end] + SCREEN_STYLE + html[head_end:]


Runs = list[tuple[str, QTextCharFormat]]
_TAG_SPLIT = re.compile(r"(<[^>]*>)")
_OBJECT = "\ufffc"  # where a picture (or another object) stands in a block's text


def _fragments(block: QTextBlock) -> Runs:
    """The (text, character format) runs of ``block``."""
    runs = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        runs.append((fragment.text(), fragment.charFormat()))
        it += 1
    return runs


def _alike(a: QTextFormat, b: QTextFormat) -> bool:
    """Whether two formats of two documents are the same but for the number of the table
    or list they belong to (each document numbers its own)."""
    a, b = QTextFormat(a), QTextFormat(b)
    a.clearProperty(QTextFormat.Property.ObjectIndex)
    b.clearProperty(QTextFormat.Property.ObjectIndex)
    return bool(a == b)


def changed_blocks(shown: QTextDocument,
                   new: QTextDocument) -> list[tuple[QTextBlock, Runs]] | None:
    """The blocks of ``shown`` whose text differs from ``new``'s, each with the runs it
    should hold; ``None`` when the documents have another number of blocks, or a changed
    block has another block format or holds a picture or other object (only a new page
    mends that). For pages whose tags are the same (text_changes is not None): their lists, tables
    and the other blocks are then alike."""
    if shown.blockCount() != new.blockCount():
        return None
    changes = []
    old, fresh = shown.firstBlock(), new.firstBlock()
    while old.isValid() and fresh.isValid():
        text = fresh.text()
        if old.text() != text:
            if (_OBJECT in text or _OBJECT in old.text()
                    or not _alike(old.blockFormat(), fresh.blockFormat())
                    or not _alike(old.charFormat(), fresh.charFormat())):
                return None
            changes.append((old, _fragments(fresh)))
        old, fresh = old.next(), fresh.next()
    return changes


def text_changes(page: str, other: str) -> list[tuple[int, str, str]] | None:
    """The texts between tags that differ from ``page`` to ``other``, each as (its number
    among the page's parts, before, after); ``None`` unless both pages have the same
    tags, attributes and all, in the same order. Then only their text differs (typing in
    a field), and with it their blocks and formats are alike."""
    parts, others = _TAG_SPLIT.split(page), _TAG_SPLIT.split(other)
    if len(parts) != len(others) or parts[1::2] != others[1::2]:
        return None
    return [(number, parts[number], others[number]) for number in range(0, len(parts), 2)
            if parts[number] != others[number]]


def _plain(text: str) -> bool:
    """Whether ``text`` stands in a page's document as it is: words with single spaces
    between them, nothing Qt would fold, drop or turn into a block or an object."""
    return (bool(text) and text == text.strip(" ") and "  " not in text
            and not any(c in text for c in "\t\n\r\f\v\xa0\u2028\u2029\ufffc"))


def retext(document: QTextDocument, page: str, changes: list[tuple[int, str, str]]) -> bool:
    """Apply ``changes`` (text_changes of the page ``document`` shows) to ``document`` in
    place, when each is plain text in the body whose old text both the page as written
    and the document hold once (and the title); False, with ``document`` untouched,
    otherwise."""
    parts = _TAG_SPLIT.split(page)
    body = next((number for number in range(1, len(parts), 2)
                 if parts[number][:5].lower() == "<body"), len(parts))
    edits: list[tuple[int, str, str]] = []
    title: str | None = None
    raw = document.toRawText()
    # The body's text as written (a text hidden on screen is in it, not in ``raw``).
    from html import unescape as html_unescape  # here: not before the first paint

    written = html_unescape("".join(parts[body + 1::2]))
    for number, before, after in changes:
        old, new = html_unescape(before), html_unescape(after)
        if not (_plain(old) and _plain(new)):
            return False
        if number < body:
            if parts[number - 1].lower() != "<title>" or title is not None:
                return False
            title = new
            continue
        if raw.count(old) != 1 or written.count(old) != 1:
            return False
        edits.append((raw.index(old), old, new))
    edits.sort()
    if any(start + len(old) > following[0]
           for (start, old, _new), following in zip(edits, edits[1:], strict=False)):
        return False
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for start, old, new in reversed(edits):  # from the end: earlier positions hold
        cursor.setPosition(start + 1)
        char_format = cursor.charFormat()  # of the text's first character
        cursor.setPosition(start)
        cursor.setPosition(start + len(old), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(new, char_format)
    cursor.endEditBlock()
    if title is not None:
        document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    return True


def patch_blocks(document: QTextDocument, changes: list[tuple[QTextBlock, Runs]]) -> None:
    """Give each block of ``changes`` its new runs, in one edit (laid out once)."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for block, runs in reversed(changes):  # from the end: earlier positions hold
        start = block.position()
        cursor.setPosition(start)
        cursor.setPosition(start + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        for text, char_format in runs:
            cursor.insertText(text, char_format)
    cursor.endEditBlock()


class PreviewPane(QWidget):
    """A QTextBrowser showing the memo as ``rendering`` draws it (its template and date
    format); a new template or date format there redraws the page.

    Changes arriving while a render runs are coalesced into one more render. ``rendered``
    carries the seconds from the change that triggered it to the new page on screen.
    """

    rendered = Signal(float)
    failed = Signal(str)

    def __init__(
        self, document: BriefDocument, rendering: RenderService, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.rendering = rendering
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("preview")
        self.browser.setAccessibleName("Memo preview")
        self.browser.setAccessibleDescription("The memo as it will be exported, read-only.")
        self.browser.setOpenLinks(False)
        # Lines wrap between words only: a word too long for the pane makes the page
        # smaller (see _lay_out_page) rather than being cut in two ("INFORMATI / ON").
        self.browser.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.browser.setPlaceholderText("The memo appears here as you work.")
        # Read-only: the page's edits (patch_blocks) keep no undo history.
        self.browser.document().setUndoRedoEnabled(False)
        # A scroll bar that comes and goes makes every new page be laid out twice (once
        # for each width); always there, once: a keystroke's redraw took half the time.
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        title = QLabel("Preview", self)
        title.setObjectName("panelTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.browser, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # A coarse timer may fire up to 5% late: the preview waits the debounce, no more.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.render_now)
        self._busy = False
        self._pending = False
        self._changed_at: float | None = None
        self._render_started: float | None = None
        self.html = ""
        # The page (without its CSS) the browser shows.
        self._page = ""
        # Where a new page is parsed to be compared with the one shown (see _patch).
        self._scratch = QTextDocument(self)
        self._scratch.setUndoRedoEnabled(False)
        self.scale = 1.0
        # The pane width the current scale was found for: a new page at that width starts
        # from that scale, so a keystroke costs one setHtml, not two or three.
        self._scaled_for_width = -1
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(DEBOUNCE_MS)
        self._relayout.timeout.connect(self._lay_out_page)
        # A brief replaced as a whole (extraction, opening a file) may render far slower
        # than the last one: its first render goes to a worker.
        document.reset.connect(rendering.forget_render_time)
        document.changed.connect(self.schedule)
        rendering.changed.connect(self._forget_scale)
        rendering.changed.connect(self.schedule)

    def schedule(self) -> None:
        """Ask for a render after the debounce interval."""
        if self._changed_at is None:
            self._changed_at = time.perf_counter()
        self._timer.start()

    def _forget_scale(self) -> None:
        # Another template or date format: its page is measured from full size again.
        self._scaled_for_width = -1

    def render_now(self) -> None:
        """Start a render at once (or right after the one running)."""
        if self.rendering.template is None:
            return
        if self._busy:
            self._pending = True
            return
        # Rendered here and now, the live brief is read while nothing can change it: no
        # copy (a worker gets one).
        html = self.rendering.preview_at_once(self.document.brief)
        if html is not None:  # quick enough not to need a worker (typing)
            self._pending = False
            self._render_started = self._changed_at
            self._changed_at = None
            self._show(html)
            return
        worker = self.rendering.preview(self.document.snapshot())
        if worker is None:
            return
        self._busy = True
        self._pending = False
        self._render_started = self._changed_at
        self._changed_at = None
        # Bound methods, not lambdas: Qt drops them if this widget is destroyed first.
        worker.signals.finished.connect(self._show)
        worker.signals.failed.connect(self._on_failed)
        worker.signals.done.connect(self._after)

    def _show(self, html: Any) -> None:
        started = self._render_started
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.html = self._keep_images(str(html))
        self._lay_out_page(keep_scale=True)
        bar.setValue(min(position, bar.maximum()))
        if started is not None:
            self.rendered.emit(time.perf_counter() - started)

    def _keep_images(self, html: str) -> str:
        """``html`` with its data: pictures (an office letterhead's logo) as names of
        pictures the page keeps, each decoded once: not again on every keystroke."""
        html, images = image_references(html)
        page = self.browser.document()
        for name, data in images.items():
            url = QUrl(name)
            if page.resource(QTextDocument.ResourceType.ImageResource, url) is None:
                picture = QImage.fromData(base64.b64decode(data))
                page.addResource(QTextDocument.ResourceType.ImageResource, url, picture)
        return html

    def _lay_out_page(self, keep_scale: bool = False) -> None:
        """Show the page; when its longest word or table is wider than the pane, once more
        with its fonts scaled down to fit (down to MIN_SCALE).

        ``keep_scale``: a new page for a pane as wide as before starts at the scale found
        then (typing does not re-measure from full size each time; a resize does).
        """
        if not self.html:
            return
        width = self.browser.viewport().width()
        kept = keep_scale and width == self._scaled_for_width
        if not kept:
            self.scale = 1.0
        self._scaled_for_width = width
        html = zoom_letterhead(self.html, width)
        self._set_page(fit_to_pane(html, self.scale))
        for _attempt in range(3):  # table widths do not shrink exactly with the fonts
            available = self.browser.viewport().width()
            needed = self.browser.document().size().width()
            if needed <= available + 1 or available <= 0 or self.scale <= MIN_SCALE:
                break
            room = TYPING_ROOM if kept else 0.97
            self.scale = max(MIN_SCALE, self.scale * available / needed * room)
            self._set_page(fit_to_pane(html, self.scale))

    def _set_page(self, html: str) -> None:
        """Show ``html``, its CSS as the document's default style sheet (parsed only when
        it changes: typing changes the text, not the style)."""
        css, page = split_style(html)
        document = self.browser.document()
        if css == document.defaultStyleSheet() and self._page:
            if page == self._page:
                return  # the same page (an edit the memo does not show): nothing to redo
            if self._patch(page):
                self._page = page
                return
        if css != document.defaultStyleSheet():
            document.setDefaultStyleSheet(css)
            # The scratch page takes the new sheet once this page is on screen, so that
            # the next keystroke does not wait for it to be parsed.
            QTimer.singleShot(0, self, self._match_scratch)
        self.browser.setHtml(page)
        self._page = page

    def _match_scratch(self) -> None:
        """Give the scratch page the shown page's style sheet and font (see _patch)."""
        document, scratch = self.browser.document(), self._scratch
        if scratch.defaultStyleSheet() != document.defaultStyleSheet():
            scratch.setDefaultStyleSheet(document.defaultStyleSheet())
        if scratch.defaultFont() != document.defaultFont():
            scratch.setDefaultFont(document.defaultFont())

    def _patch(self, page: str) -> bool:
        """Bring the page on screen to ``page`` by rewriting only the blocks whose text
        changed, when nothing else did (typing in a field); False when it cannot be done.

        ``page`` is parsed into a document that is never laid out; a setHtml would lay
        out the whole page on screen again, the patch lays out the blocks it changed. The
        scroll position and a selection (a find hit) stay where they were.
        """
        changes = text_changes(self._page, page)
        if changes is None:
            return False
        if retext(self.browser.document(), self._page, changes):
            return True
        self._match_scratch()
        document, scratch = self.browser.document(), self._scratch
        scratch.setHtml(page)
        blocks = changed_blocks(document, scratch)
        if blocks is None:
            return False
        patch_blocks(document, blocks)
        title = QTextDocument.MetaInformation.DocumentTitle
        if document.metaInformation(title) != scratch.metaInformation(title):
            document.setMetaInformation(title, scratch.metaInformation(title))
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._relayout.start()

    def _on_failed(self, message: str) -> None:
        self.failed.emit(message)

    def _after(self) -> None:
        self._busy = False
        if self._pending:
            self.render_now()
