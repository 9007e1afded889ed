"""Bands of a whole-page letterhead picture (one drawn behind the text of every page): the
part above the text's top margin and the part below its bottom margin, as small PNGs the
preview shows above and below the memo.

The picture is untrusted: only PNG, JPEG and GIF are opened, and none with more than
MAX_PIXELS pixels; a picture Pillow cannot read gives no band.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image

MAX_PIXELS = 40_000_000
"""The largest picture decoded (a whole A4 page at 600 dpi is about 35 million pixels)."""
MIN_BAND_PX = 4


@dataclass(frozen=True)
class Placement:
    """Where a picture lies on the page, in pixels at 96 dpi."""

    x: float
    y: float
    width: float
    height: float


def band_png(data: bytes, placed: Placement, top: float, bottom: float,
             width_px: int) -> tuple[bytes, int] | None:
    """The rows of the picture ``data`` that fall between ``top`` and ``bottom`` (page
    pixels from the top edge), as a PNG ``width_px`` wide, and its height; ``None`` when no
    rows fall there or the picture cannot be read."""
    if placed.height <= 0 or placed.width <= 0 or width_px <= 0:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=("PNG", "JPEG", "GIF")) as picture:
                if picture.width * picture.height > MAX_PIXELS:
                    return None
                scale = picture.height / placed.height
                first = max(0.0, (top - placed.y) * scale)
                last = min(float(picture.height), (bottom - placed.y) * scale)
                if last - first < MIN_BAND_PX:
                    return None
                band = picture.crop((0, int(first), picture.width, int(last)))
                height = max(1, round(width_px * band.height / band.width))
                band = band.convert("RGBA" if "A" in band.getbands() else "RGB")
                band = band.resize((width_px, height), Image.Resampling.LANCZOS)
                out = io.BytesIO()
                band.save(out, format="PNG", optimize=True)
                return out.getvalue(), height
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError,
            Image.DecompressionBombWarning, MemoryError):
        return None
