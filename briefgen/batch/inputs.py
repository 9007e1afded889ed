"""What a batch reads: files, folders (recursively) and URLs, in a stable order."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import BriefgenError

# The formats intake reads, by name: a folder is searched for these only. A file named on the
# command line is read whatever its name (intake sniffs the content).
ARTICLE_SUFFIXES = frozenset({
    ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf", ".eml", ".msg",
    ".rtf", ".odt",
})
_WEB_PREFIXES = ("http://", "https://")


@dataclass(frozen=True)
class BatchInput:
    """One input of a batch: a file path (absolute) or a web address.

    ``problem`` is set (one sentence) for an input that cannot be read at all, such as a
    missing file; it is reported as failed without being sent to a worker.
    """

    item: str
    problem: str | None = None

    @property
    def is_url(self) -> bool:
        """Whether the input is a web address rather than a file."""
        return self.item.lower().startswith(_WEB_PREFIXES)


def is_web_address(text: str) -> bool:
    """Whether ``text`` is an ``http://`` or ``https://`` address."""
    return text.lower().startswith(_WEB_PREFIXES)


def read_url_list(path: Path) -> list[str]:
    """The addresses in the text file ``path``: one a line; blank lines and lines starting
    with ``#`` are skipped. BriefgenError naming the file when it cannot be read."""
    try:
        text = path.read_text("utf-8-sig")
    except FileNotFoundError:
        raise BriefgenError(f"Cannot read the URL list {path}: the file does not exist.") \
            from None
    except UnicodeDecodeError:
        raise BriefgenError(f"Cannot read the URL list {path}: it is not a text file.") \
            from None
    except OSError as exc:
        raise BriefgenError(f"Cannot read the URL list {path}: {exc.strerror or exc}.") \
            from None
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def collect_inputs(items: list[str], urls: list[str], out_dir: Path) -> list[BatchInput]:
    """Every input of the batch, each once, in the order given (a folder's files sorted).

    Folders are searched recursively for ARTICLE_SUFFIXES, leaving out hidden files and
    folders, ``.brief`` files and everything inside ``out_dir`` (earlier memos are no
    articles). An address in ``urls`` that is not ``http(s)://`` gets a ``problem``.
    """
    found: list[BatchInput] = []
    seen: set[str] = set()
    out = out_dir.resolve()

    def add(entry: BatchInput) -> None:
        if entry.item not in seen:
            seen.add(entry.item)
            found.append(entry)

    for item in items:
        if is_web_address(item):
            add(BatchInput(item))
            continue
        path = Path(item)
        if path.is_dir():
            for file in _articles_in(path, out):
                add(BatchInput(str(file)))
        elif path.exists():
            add(BatchInput(str(path.resolve())))
        else:
            add(BatchInput(str(path.absolute()), f"{item}: the file does not exist."))
    for url in urls:
        if is_web_address(url):
            add(BatchInput(url))
        else:
            add(BatchInput(url, f"{url}: not a web address (it must start with http:// "
                                "or https://)."))
    return found


def _articles_in(folder: Path, out_dir: Path) -> list[Path]:
    files: list[Path] = []
    for root, dirs, names in os.walk(folder.resolve()):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not _inside(here / d, out_dir))
        files += [here / name for name in sorted(names)
                  if not name.startswith(".")
                  and Path(name).suffix.lower() in ARTICLE_SUFFIXES]
    return files


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents
