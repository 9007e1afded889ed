"""Hostile inputs built in code: a PDF whose pages share one content stream, and others."""

from __future__ import annotations

import zlib


def _pdf_file(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (object ``i + 1`` is ``objects[i]``), catalog first."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def shared_stream_pdf(pages: int, stream_lines: int, *, shared: bool = True) -> bytes:
    """A PDF of ``pages`` pages that all draw one content stream of ``stream_lines`` text
    lines (compressed: the file stays small however long the decoded stream is).
    ``shared=False`` gives each page its own copy of the stream instead."""
    lines = (b"BT /F1 11 Tf 72 %d Td (Line %d: the harbour board met on Tuesday.) Tj ET\n"
             % (700 - index % 600, index) for index in range(stream_lines))
    content = zlib.compress(b"".join(lines), 9)
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + (
        b"\nendstream")
    copies = 1 if shared else pages
    first_page = 4 + copies
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *[stream] * copies,
    ]
    for index in range(pages):
        contents = 4 + (index if not shared else 0)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % contents
        )
    return _pdf_file(objects)
