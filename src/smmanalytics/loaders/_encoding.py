"""Bytes → text: the encoding of an export, and a text UTF-8 encoded twice repaired.

Rules (reference §9.4):

- BOM ``EF BB BF`` → utf-8-sig, ``FF FE`` → utf-16-le, ``FE FF`` → utf-16-be; no BOM: utf-8, else
  cp1252, else latin-1 (each fallback is recorded in the quality log). A UTF-8 file with a few
  stray bytes (a BOM, or more UTF-8 accents than stray bytes) keeps UTF-8, those bytes alone
  read as cp1252.
- A text clearly UTF-8 encoded twice (``RÃ©actions``) is read back (:func:`double_encoded`).

The text then goes to :mod:`._preamble` and :mod:`._sniff`, cut into tables.
"""

from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc

from ..quality import QualityLog, agree, counted

__all__ = ["decode", "double_encoded"]


#: bytes UTF-8 could not read, as ``surrogateescape`` leaves them (U+DC80 to U+DCFF)
_STRAY = re.compile("[\udc80-\udcff]")
#: characters beyond ASCII that UTF-8 did read: a Windows-1252 file has few or none (its "é"
#: followed by a letter is no UTF-8), a UTF-8 file with stray bytes as many as those bytes or more
_UTF8_BEYOND_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


def _stray_table() -> dict[int, str]:
    """Each stray byte (U+DC00 + byte) as Windows-1252 reads it; latin-1 for the five bytes
    Windows-1252 leaves undefined."""
    table = {}
    for b in range(0x80, 0x100):
        try:
            table[0xDC00 + b] = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            table[0xDC00 + b] = bytes([b]).decode("latin-1")
    return table


_STRAY_AS_CP1252 = _stray_table()

#: the characters Windows-1252 (latin-1 for the five bytes it leaves undefined) reads the
#: bytes 0x80 to 0xFF as, back to those bytes: a UTF-8 text read so shows them; and the
#: control characters latin-1 reads 0x80 to 0x9F as
_CP1252_BYTE = {**{b: b for b in range(0x80, 0xA0)},
                **{ord(ch): code - 0xDC00 for code, ch in _STRAY_AS_CP1252.items()}}
_CONT = "[" + "".join(sorted({chr(c) for c, b in _CP1252_BYTE.items() if b < 0xC0})) + "\ufffd]"
#: a UTF-8 sequence read as Windows-1252 and saved again as UTF-8: its lead byte's character
#: (``Ã`` of é = C3 A9), then as many continuation bytes' (``©``) as the lead says; U+FFFD
#: stands for a byte Windows-1252 could not read (0x81, 0x8D, 0x8F, 0x90, 0x9D), lost
_DOUBLE_UTF8 = re.compile(f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}"
                          f"|[\u00f0-\u00f4]{_CONT}{{3}}")
_NON_ASCII = re.compile("[^\x00-\x7f\ufeff\ufffd]")
#: what every :data:`_DOUBLE_UTF8` sequence starts with, looked for first by Arrow's RE2 (a
#: few ms a megabyte, where Python's re takes a tenth of a second to find none)
_DOUBLE_UTF8_START = f"[\u00c2-\u00f4]{_CONT}"


def _undo_double_utf8(m: re.Match) -> str:
    """The character one :data:`_DOUBLE_UTF8` sequence stood for; U+FFFD where a byte of it
    was lost; the sequence as it is when its bytes are no UTF-8."""
    s = m.group()
    if "\ufffd" in s:
        return "\ufffd"
    try:
        return bytes(_CP1252_BYTE[ord(ch)] for ch in s).decode("utf-8")
    except UnicodeDecodeError:
        return s


def _likely(ch: str) -> bool:
    """A character a social-media export's text is full of, which a twice-encoded one shows
    as a sequence: an accented letter or sign of Latin-1 and Latin Extended-A (é ``Ã©``, œ
    ``Å“``, the no-break space ``Â\xa0``), punctuation (’ ``â€™``), € and symbols (✨
    ``âœ¨``), emoji (``ðŸ’š``), the BOM. Other characters (É— read as ɗ) prove nothing."""
    cp = ord(ch)
    return (0xA0 <= cp <= 0x17F or 0x2000 <= cp <= 0x2BFF or 0x1F000 <= cp <= 0x1FAFF
            or cp == 0xFEFF)


def double_encoded(text: str) -> tuple[str, int, int, str] | None:
    """``text`` repaired when it is clearly UTF-8 encoded twice (read as Windows-1252 and
    saved again as UTF-8: ``RÃ©actions``, ``ðŸ’š``), with the number of characters repaired,
    how many of them had lost a byte (now U+FFFD), and the first sequence; None otherwise (no
    such sequence, the cheap common case).

    Clearly: the sequences that read back as a :func:`_likely` character outnumber the
    characters beyond ASCII outside any sequence, of which a twice-encoded text has none; a
    genuine ``Ã`` (SÃO PAULO), or a quoted ``Ã©`` in a text whose accents are right, is left
    as written. Once clear, every sequence is read back."""
    if not pc.match_substring_regex(pa.array([text]), _DOUBLE_UTF8_START)[0].as_py():
        return None
    first = _DOUBLE_UTF8.search(text)
    if first is None:
        return None
    found = [m.group() for m in _DOUBLE_UTF8.finditer(text, first.start())]
    back = [_DOUBLE_UTF8.sub(_undo_double_utf8, s) for s in found]
    likely = sum(len(b) == 1 and _likely(b) for b in back)
    others = len(_NON_ASCII.findall(text)) - sum(len(_NON_ASCII.findall(s)) for s in found)
    if likely <= others:
        return None
    lost = back.count("\ufffd")
    repaired = sum(b != s for s, b in zip(found, back, strict=True))
    fixed = _DOUBLE_UTF8.sub(_undo_double_utf8, text)
    return fixed.removeprefix("\ufeff"), repaired, lost, first.group()


def decode(data: bytes, *, file: str = "", log: QualityLog | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; return ``(text, encoding)``. Fallbacks are logged."""
    if data.startswith(b"\xef\xbb\xbf"):
        enc = "utf-8-sig"
    elif data.startswith(b"\xff\xfe"):
        enc = "utf-16-le"
        data = data[2:]
    elif data.startswith(b"\xfe\xff"):
        enc = "utf-16-be"
        data = data[2:]
    elif len(data) >= 4 and data[1:2] == b"\x00" and data[3:4] == b"\x00" and data[0:1] != b"\x00":
        enc = "utf-16-le"
    else:
        enc = "utf-8"
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        if enc.startswith("utf-16"):
            text = data.decode(enc, errors="replace")
            if log is not None:
                log.add(file, "encoding_repaired", f"invalid {enc} bytes replaced by U+FFFD "
                        f"(first at byte {exc.start})")
            return text, enc
        first_bad = exc.start
    else:
        double = double_encoded(text) if enc.startswith("utf-8") else None
        if double is None:
            return text, enc
        fixed, n, lost, example = double
        if log is not None:
            log.add(file, "encoding_double_utf8", f"the text was UTF-8 encoded twice (read as "
                    "Windows-1252 and saved again as UTF-8, by a spreadsheet or an editor): "
                    f"{counted(n, 'character', 'characters')} such as {example!r} read back as "
                    f"{_DOUBLE_UTF8.sub(_undo_double_utf8, example)!r}" + (
                        f"; {lost} had lost a byte to that reading and "
                        f"{agree(lost, 'was', 'were')} replaced by "
                        "U+FFFD" if lost else ""))
        return fixed, "utf-8+double"
    # UTF-8 with a few bytes of Windows-1252 (a caption fixed in Notepad or an old Excel):
    # those bytes alone are read as Windows-1252. Read whole as Windows-1252, the file's BOM
    # became "ï»¿", which hid its first column's name, and every accent two letters
    text = data.decode(enc, errors="surrogateescape")     # each bad byte b: U+DC00 + b
    stray = len(_STRAY.findall(text))
    if enc == "utf-8-sig" or len(_UTF8_BEYOND_ASCII.findall(text)) >= stray:
        if log is not None:
            line = data.count(b"\n", 0, first_bad) + 1
            log.add(file, "encoding_mixed", f"{stray} byte(s) not valid UTF-8 in a UTF-8 file, "
                    f"read as Windows-1252 (the first on line {line}): check the accents there")
        return text.translate(_STRAY_AS_CP1252), "utf-8+cp1252"
    for fallback in ("cp1252", "latin-1"):
        try:
            text = data.decode(fallback)
        except UnicodeDecodeError:
            continue
        if log is not None:
            log.add(file, "encoding_fallback", f"not valid UTF-8; decoded as {fallback} "
                    "(probably re-saved by Excel on Windows)")
        return text, fallback
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover
