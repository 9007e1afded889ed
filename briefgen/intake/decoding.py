"""Turning the bytes of a text document into a string: BOMs, UTF-16, and a charset detector."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from briefgen.intake.reading import intake_error

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that do not occur in text (everything below 0x20 but tab, LF, FF, CR).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_MAX_DAMAGED_SHARE = 0.01  # a few bad bytes in a BOM-marked file are replaced, not refused


def utf16_codec_without_bom(data: bytes) -> str | None:
    """The codec of BOM-less UTF-16 text, told by its zero bytes, or None."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_zeros > 0.4 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.4 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    return None


def _decode_with(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


# Non-ASCII characters that Western European text in cp1252 is made of, besides letters.
_WESTERN_PUNCTUATION = frozenset("\u2019\u2018\u201c\u201d\u2013\u2014\u2026\u20ac\u2022"
                                 "\u00ab\u00bb\u00b0\u00a3\u00a9\u00ae\u2122\u00a0\u00bf\u00a1")
_MAX_ACCENTED_SHARE = 0.3  # of letters: Western languages write most letters in ASCII


def plausible_western(text: str) -> bool:
    """True when ``text`` (bytes read as cp1252) reads as Western European text: its few
    non-ASCII characters are Latin letters or typographic punctuation.

    Greek or Cyrillic code pages read as cp1252 give mostly accented letters, and
    Central European ones give symbols such as ``³`` or ``¿`` inside words.
    """
    sample = text[:100_000]
    foreign = [char for char in sample if ord(char) > 127]
    if not foreign:
        return True
    letters = sum(1 for char in sample if char.isalpha())
    accented = sum(1 for char in foreign if char.isalpha())
    odd = sum(1 for char in foreign if not char.isalpha() and char not in _WESTERN_PUNCTUATION)
    return odd <= 0.02 * len(foreign) and accented <= _MAX_ACCENTED_SHARE * max(letters, 1)


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    """cp1252 leaves five bytes undefined; browsers read them as the Latin-1 controls."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("briefgen-windows-1252", _latin1_for_undefined)

# Browsers read a page declaring Latin-1 or ASCII as windows-1252 (the WHATWG Encoding
# standard): such pages are nearly always cp1252, curly quotes and euro signs included.
_READ_AS_WINDOWS_1252 = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252"})


def _declared_codec(declared: str) -> str:
    try:
        name = codecs.lookup(declared.strip()).name
    except LookupError:
        return declared
    return "windows-1252" if name in _READ_AS_WINDOWS_1252 else name


def decode_windows_1252(data: bytes) -> str:
    """``data`` read as a browser reads windows-1252 (never fails)."""
    return data.decode("cp1252", errors="briefgen-windows-1252")


def decode_mixed_lines(data: bytes) -> str | None:
    """Text whose lines are UTF-8 and cp1252 by turns (pasted together from two
    sources), each line decoded on its own; None unless some non-ASCII lines are valid
    UTF-8 and the others read as Western European cp1252 text."""
    lines = data.split(b"\n")
    utf8_lines = 0
    western: list[str] = []
    decoded: list[str] = []
    for line in lines:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text = decode_windows_1252(line)
            western.append(text)
        else:
            utf8_lines += not line.isascii()
        decoded.append(text)
    if not utf8_lines or not western or not plausible_western("\n".join(western)):
        return None
    return "\n".join(decoded)


def looks_like_text(text: str) -> bool:
    """True when ``text`` has (almost) no control characters, as real text does."""
    if not text:
        return True
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) <= _MAX_CONTROL_SHARE * len(sample)


def decode_text(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode ``data``: a BOM, then BOM-less UTF-16, UTF-8, ``declared`` (e.g. an HTTP
    or meta charset; a declared Latin-1 or ASCII is read as windows-1252, as browsers
    do), UTF-8 and cp1252 line by line when lines of both are mixed, cp1252 when it
    reads as Western European text, and finally charset-normalizer's best guess
    (cp1251, cp1253, Shift-JIS...).

    Raises IntakeError naming ``name`` when the bytes are not text.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, errors="replace")
            damaged = text.count("\ufffd")
            if damaged <= _MAX_DAMAGED_SHARE * len(text) and looks_like_text(text):
                return text
            raise intake_error(name, f"it starts like {codec.upper()} text but is not valid")
    # Valid UTF-8 is almost never anything else, so it goes before a declared charset
    # (pages often declare latin-1 and are UTF-8 in fact).
    candidates = ["utf-8"]
    if declared:
        candidates.append(_declared_codec(declared))
    utf16 = utf16_codec_without_bom(data)
    if utf16:
        candidates.insert(0, utf16)
    for codec in candidates:
        decoded = (decode_windows_1252(data) if codec == "windows-1252"
                   else _decode_with(data, codec))
        if decoded is not None and looks_like_text(decoded):
            return decoded
    mixed = None if utf16 else decode_mixed_lines(data)
    if mixed is not None and looks_like_text(mixed):
        return mixed
    if b"\x00" in data[:4000]:
        raise intake_error(name, "it is a binary file, not text")
    # charset detectors misjudge mostly-ASCII text with a few accents (a "café" read as
    # Baltic), and cp1252 is what such files nearly always are.
    western = _decode_with(data, "cp1252")
    if western is not None and looks_like_text(western) and plausible_western(western):
        return western
    best = from_bytes(data[:200_000]).best()
    if best is not None:
        decoded = _decode_with(data, best.encoding)
        if decoded is not None and looks_like_text(decoded):
            return decoded
    fallback = data.decode("cp1252", errors="replace")
    if looks_like_text(fallback):
        return fallback
    raise intake_error(name, "it is a binary file, not text")
