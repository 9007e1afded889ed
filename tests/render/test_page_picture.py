"""Bands of a whole-page letterhead picture: the right rows, at the asked width, bounded."""

from __future__ import annotations

import io
import struct
import time
import zlib

from PIL import Image

from briefgen.render.page_picture import Placement, band_png


def _png(width: int, height: int) -> bytes:
    page = Image.new("RGB", (width, height), (255, 255, 255))
    page.paste((200, 0, 0), (0, 0, width, height // 10))
    out = io.BytesIO()
    page.save(out, format="PNG")
    return out.getvalue()


def test_the_band_holds_the_rows_between_top_and_bottom_at_the_asked_width() -> None:
    # A page picture at twice the screen's resolution, placed over the whole page.
    band = band_png(_png(1588, 2246), Placement(0, 0, 794, 1123), 0, 112.3, 400)
    assert band is not None
    data, height = band
    picture = Image.open(io.BytesIO(data))
    assert picture.format == "PNG"
    assert picture.size == (400, height)
    assert height == round(400 * 224 / 1588)
    assert picture.convert("RGB").getpixel((200, height // 2)) == (200, 0, 0)


def test_rows_outside_the_picture_give_no_band() -> None:
    assert band_png(_png(100, 100), Placement(0, 500, 100, 100), 0, 80, 50) is None


def test_what_is_not_a_picture_gives_no_band() -> None:
    assert band_png(b"<svg xmlns='http://www.w3.org/2000/svg'/>", Placement(0, 0, 9, 9),
                    0, 9, 9) is None
    assert band_png(b"\x89PNG\r\n\x1a\nbroken", Placement(0, 0, 9, 9), 0, 9, 9) is None


def test_a_picture_claiming_too_many_pixels_is_not_decoded() -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data))

    # 60,000 x 60,000 pixels declared; the data would inflate to 10 GB.
    header = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 2, 0, 0, 0)
    bomb = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 100_000)) + chunk(b"IEND", b""))
    started = time.monotonic()
    assert band_png(bomb, Placement(0, 0, 794, 1123), 0, 100, 400) is None
    assert time.monotonic() - started < 2
