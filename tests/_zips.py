"""Zip archives damaged as a broken download or a bad disk leaves them, for the loaders' tests."""

from __future__ import annotations

import zipfile
from pathlib import Path


def damaged(archive: Path, member: str, how: str, dest: Path) -> Path:
    """``dest`` holding the bytes of ``archive`` with ``member`` damaged: its checksum wrong
    ("crc"), or its deflate stream cut to half ("cut", which zipfile reports as a bad checksum
    too, or as a stream ended early). The other members stay readable."""
    raw = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as z:
        info = z.getinfo(member)
    name = info.filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437")
    entry = raw.index(b"PK\x01\x02")            # the central directory's entries, in turn
    while raw[entry + 46:entry + 46 + len(name)] != name:
        entry = raw.index(b"PK\x01\x02", entry + 4)
    local = info.header_offset
    if how == "crc":      # the CRC-32 at byte 14 of the local header, 16 of the central entry
        for at in (local + 14, entry + 16):
            raw[at] ^= 0xFF
    else:                 # the compressed size at byte 18 of the local header, 20 of the central
        for at in (local + 18, entry + 20):
            raw[at:at + 4] = (info.compress_size // 2).to_bytes(4, "little")
    dest.write_bytes(bytes(raw))
    return dest
