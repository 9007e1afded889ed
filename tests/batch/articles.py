"""Short articles written for the batch tests, each with its own headline."""

from __future__ import annotations

from pathlib import Path

FERRY = """Island ferry service to run twice daily from March

By Tomas Lindqvist, Harbour Gazette
Published: 2026-01-12

KIRKVIK, Jan 12 (Harbour Gazette) - The regional transport board agreed on Monday to run \
the island ferry twice a day from March, after months of complaints from residents.

Board chair Helga Soren said the second crossing would leave at six in the evening. \
"Families on the island asked for this, and we listened," Soren said.

The board will review passenger numbers in September.
"""

LIBRARY = """City library to open on Sundays after council vote

By Amara Osei, Riverside Tribune
Published: 2026-02-03

MELBRIDGE, Feb 3 (Riverside Tribune) - The city council voted on Tuesday to open the \
central library on Sundays, starting in April.

Councillor Dev Patel said the change would cost less than expected. "Students need a \
quiet place to work at weekends," Patel said.

The council will publish the new opening hours next month.
"""

BRIDGE = """Old river bridge closes for six weeks of repairs

By Jonas Berg, Valley Courier
Published: 2026-03-09

ESTERBY, Mar 9 (Valley Courier) - Engineers closed the old river bridge on Monday for \
six weeks of repairs to its steel supports.

Roads official Mira Kowalska said traffic would use the northern bypass. "The repairs \
cannot wait another winter," Kowalska said.

A public meeting on the works is scheduled for March 20.
"""

ARTICLES = {"ferry.txt": FERRY, "library.txt": LIBRARY, "bridge.txt": BRIDGE}


def headline(article: str) -> str:
    """The first line of one of the articles above."""
    return article.split("\n", 1)[0]


def write_articles(folder: Path, names: tuple[str, ...] = tuple(ARTICLES)) -> list[Path]:
    """Write the named articles into ``folder``; their paths, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / name
        path.write_text(ARTICLES[name], "utf-8")
        paths.append(path)
    return paths
