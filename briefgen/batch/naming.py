"""Memo file names: a source's title made safe, and never another input's name."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from pathvalidate import sanitize_filename

MAX_STEM_CHARS = 80
FALLBACK_STEM = "memo"


def safe_stem(title: str) -> str:
    """``title`` as a file name without suffix, valid on Windows, macOS and Linux: no
    separators or reserved characters, no reserved device names, single spaces, at most
    MAX_STEM_CHARS characters (cut at a word); FALLBACK_STEM when nothing is left."""
    cleaned = sanitize_filename(" ".join(title.split()), replacement_text="",
                                platform="universal")
    cleaned = " ".join(cleaned.split()).strip(" .")
    if len(cleaned) > MAX_STEM_CHARS:
        cut = cleaned[:MAX_STEM_CHARS + 1]
        cleaned = (cut.rsplit(" ", 1)[0] if " " in cut else cut[:MAX_STEM_CHARS]).strip(" .")
    return cleaned or FALLBACK_STEM


class NameAllocator:
    """Chooses each memo's stem in ``out_dir``: ``Title``, else ``Title (2)``, ``Title (3)``...

    A stem is taken when this run gave it already, or (unless ``overwrite``) when another
    input's memo has it or a file with it and one of ``suffixes`` exists. An input may keep
    the stem the last run gave it (its own memo is replaced). Names compare case-folded, as
    on Windows and macOS.
    """

    def __init__(self, out_dir: Path, suffixes: Iterable[str], *, overwrite: bool,
                 others: Iterable[str] = ()) -> None:
        self.out_dir = out_dir
        self.suffixes = tuple(suffixes)
        self.overwrite = overwrite
        self._claimed: set[str] = set()
        self._others = {stem.casefold() for stem in others}

    def claim(self, title: str, previous: str | None = None) -> str:
        """The stem for a memo titled ``title``; ``previous``: the stem the last run gave
        the same input, if any."""
        base = safe_stem(title)
        if previous is not None and _numbered_from(previous, base) \
                and previous.casefold() not in self._claimed:
            self._claimed.add(previous.casefold())
            return previous
        number = 1
        while True:
            stem = base if number == 1 else f"{base} ({number})"
            if self._free(stem, previous):
                self._claimed.add(stem.casefold())
                return stem
            number += 1

    def keep(self, stem: str) -> None:
        """Hold ``stem`` for a memo kept from the last run: no other input gets it."""
        self._claimed.add(stem.casefold())

    def _free(self, stem: str, previous: str | None) -> bool:
        key = stem.casefold()
        if key in self._claimed:
            return False
        if self.overwrite or (previous is not None and key == previous.casefold()):
            return True
        if key in self._others:
            return False
        return not any((self.out_dir / f"{stem}{suffix}").exists() for suffix in self.suffixes)


def _numbered_from(stem: str, base: str) -> bool:
    """Whether ``stem`` is ``base`` or ``base (n)``."""
    return stem == base or re.fullmatch(re.escape(base) + r" \(\d+\)", stem) is not None
