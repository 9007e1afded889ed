"""A small writer of OLE compound files (MS-CFB version 3), to build real Outlook .msg
files for the tests: olefile only reads them."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREE, END_OF_CHAIN, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NO_STREAM = 0xFFFFFFFF
ROOT, STORAGE, STREAM = 5, 1, 2


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: list[int] = field(default_factory=list)
    left: int = NO_STREAM
    right: int = NO_STREAM
    child: int = NO_STREAM
    start: int = END_OF_CHAIN
    size: int = 0


def _sort_key(name: str) -> tuple[int, str]:
    """The compound-file order of sibling names: shorter first, then by upper case."""
    return (len(name), name.upper())


def _chain(fat: list[int], first: int, count: int) -> None:
    for index in range(first, first + count):
        fat[index] = index + 1 if index < first + count - 1 else END_OF_CHAIN


def build_compound_file(streams: dict[str, bytes]) -> bytes:
    """A compound file holding ``streams``, keyed by "storage/stream" paths."""
    entries = [_Entry("Root Entry", ROOT)]
    index_of: dict[str, int] = {"": 0}
    for path, data in streams.items():
        parts = path.split("/")
        for depth in range(len(parts)):
            key = "/".join(parts[: depth + 1])
            if key in index_of:
                continue
            is_stream = depth == len(parts) - 1
            entries.append(_Entry(parts[depth], STREAM if is_stream else STORAGE,
                                  data if is_stream else b""))
            index_of[key] = len(entries) - 1
            entries[index_of["/".join(parts[:depth])]].children.append(len(entries) - 1)
    for entry in entries:  # siblings as a right-leaning chain: a valid search tree
        ordered = sorted(entry.children, key=lambda i: _sort_key(entries[i].name))
        if ordered:
            entry.child = ordered[0]
            for before, after in zip(ordered, ordered[1:], strict=False):
                entries[before].right = after

    # The mini stream holds every stream under the cutoff, in 64-byte mini sectors.
    mini_stream = bytearray()
    mini_fat: list[int] = []
    big: list[_Entry] = []
    for entry in entries:
        if entry.kind != STREAM:
            continue
        entry.size = len(entry.data)
        if entry.size >= MINI_CUTOFF:
            big.append(entry)
            continue
        if entry.size == 0:
            continue
        count = -(-entry.size // MINI_SECTOR)
        entry.start = len(mini_fat)
        mini_fat.extend(range(entry.start + 1, entry.start + count))
        mini_fat.append(END_OF_CHAIN)
        mini_stream += entry.data.ljust(count * MINI_SECTOR, b"\0")

    def sectors(size: int) -> int:
        return -(-size // SECTOR)

    layout: list[tuple[str, bytes]] = []  # (what, padded bytes) in sector order
    for entry in big:
        layout.append((f"stream:{id(entry)}", entry.data))
    layout.append(("mini", bytes(mini_stream)))
    mini_fat_bytes = struct.pack(f"<{len(mini_fat)}I", *mini_fat) if mini_fat else b""
    layout.append(("minifat", mini_fat_bytes))
    directory_size = -(-len(entries) // 4) * SECTOR
    layout.append(("directory", b"\0" * directory_size))  # filled in below

    starts: dict[str, int] = {}
    next_sector = 0
    for what, data in layout:
        starts[what] = next_sector if data else END_OF_CHAIN
        next_sector += sectors(len(data))
    content = next_sector
    fat_sectors = 1
    while content + fat_sectors > fat_sectors * (SECTOR // 4):
        fat_sectors += 1
    assert fat_sectors <= 109, "too large for a header-only DIFAT"
    fat = [FREE] * (fat_sectors * (SECTOR // 4))
    for what, data in layout:
        if data:
            _chain(fat, starts[what], sectors(len(data)))
    for index in range(content, content + fat_sectors):
        fat[index] = FAT_SECTOR

    for entry in big:
        entry.start = starts[f"stream:{id(entry)}"]
    root = entries[0]
    root.start, root.size = starts["mini"], len(mini_stream)

    directory = bytearray()
    for entry in entries:
        name = entry.name.encode("utf-16-le") + b"\0\0"
        directory += name.ljust(64, b"\0")
        directory += struct.pack("<HBB", len(name), entry.kind, 1)
        directory += struct.pack("<III", entry.left, entry.right, entry.child)
        directory += b"\0" * 16 + struct.pack("<I", 0) + b"\0" * 16
        directory += struct.pack("<IQ", entry.start if entry.kind != STORAGE else 0,
                                 entry.size)
    while len(directory) % SECTOR:
        directory += b"\0" * 64 + struct.pack("<HBB", 0, 0, 0)
        directory += struct.pack("<III", NO_STREAM, NO_STREAM, NO_STREAM)
        directory += b"\0" * 36 + struct.pack("<IQ", 0, 0)

    header = bytearray()
    header += b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
    header += struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<II", 0, fat_sectors)
    header += struct.pack("<II", starts["directory"], 0)
    header += struct.pack("<I", MINI_CUTOFF)
    header += struct.pack("<II", starts["minifat"], sectors(len(mini_fat_bytes)))
    header += struct.pack("<II", END_OF_CHAIN, 0)
    difat = list(range(content, content + fat_sectors)) + [FREE] * (109 - fat_sectors)
    header += struct.pack("<109I", *difat)
    assert len(header) == SECTOR

    body = bytearray()
    for what, data in layout:
        chunk = bytes(directory) if what == "directory" else data
        body += chunk.ljust(sectors(len(chunk)) * SECTOR, b"\0")
    body += struct.pack(f"<{len(fat)}I", *fat)
    return bytes(header + body)
