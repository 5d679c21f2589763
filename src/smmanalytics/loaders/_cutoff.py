"""Where the quotes of a CSV body leave it: a quoted cell never closed, a file cut off.

A copy or a download interrupted ends a file inside its last row, maybe inside a quoted cell;
a caption whose closing quote was deleted runs on into the rows after it. Both are told by the
same reading of the body's last characters and of its runs of quotes, kept here, apart from
the table reading (:mod:`._sniff`) that acts on them: :meth:`~._sniff.RawTable.mend_cut_off`
and :meth:`~._sniff.RawTable.unclosed_quote` for CSV tables, the Meta audience reader
(:mod:`.meta_audience`), which reads its blocks itself, and the brand's own CSVs, costs.csv
and competitors.csv (:func:`hand_made_cut`).

The checks take the body as text or as its UTF-8 bytes (a memoryview of a file of a million
rows): they look at its last characters, or count in C, and never copy it whole. Their two
readings of such a body, :func:`count_char` and :func:`last_char`, serve :mod:`._sniff` too.
"""

from __future__ import annotations

import re

__all__ = ["ends_inside_a_line", "ends_inside_a_quote", "ends_with_a_quote", "cut_off_message",
           "find_unclosed_quote", "count_char", "last_char", "hand_made_cut"]

#: a run of quotes: one that opens or closes a cell, and the pairs that stand for a quote
_QUOTE_RUN = re.compile('"+')


def find_unclosed_quote(text: str, delim: str) -> tuple[int, int] | None:
    """Where a quoted cell of the rows ``text`` that is never closed opens: its offset in
    ``text`` and its column (0 for a row's first cell); None when every quoted cell closes.

    The quotes are followed run by run. At the start of a cell an odd run opens it (its pairs
    are quotes of the text); inside one, an odd run closes it. A cell whose closing quote was
    deleted runs on to the opening quote of a later cell: a run that a delimiter or a line
    break precedes and text follows, which cannot close a cell; or it runs to the end. A quote
    inside a cell not quoted is a character, as Arrow and the csv module read it."""
    breaks = (delim, "\n", "\r")
    column, pos, opened = 0, 0, None
    for run in _QUOTE_RUN.finditer(text):
        start, end = run.span()
        odd = (end - start) % 2 == 1
        at_cell_start = start == 0 or text[start - 1] in breaks
        if opened is None:        # the delimiters since the last quote move the column
            line_start = text.rfind("\n", pos, start) + 1
            column = (text.count(delim, line_start, start) if line_start
                      else column + text.count(delim, pos, start))
            pos = end
            if at_cell_start and odd:
                opened = start
        elif odd:
            if at_cell_start and text[end:end + 1] not in ("", *breaks):
                return opened, column
            opened, pos = None, end
    return None if opened is None else (opened, column)


def ends_inside_a_line(body: str | bytes | memoryview) -> bool:
    """True when the body's last character is no line break: the file ends inside its last
    line (a valid export ends it with one, or ends it with every cell)."""
    return last_char(body) not in ("", "\n", "\r")


def ends_inside_a_quote(body: str | bytes | memoryview, delim: str) -> bool:
    """True when the body ends inside a quoted cell, its closing quote never came: an odd
    count of quotes (a body whose every quoted cell closes has an even count), the last run of
    them opening a cell (odd, a delimiter or a line break before it: a quote deleted higher up
    leaves the last one closing a cell). A cut cell whose last quotes are a quote of its text
    ("" ) is not told here: the unclosed quote's error stands for it."""
    if count_char(body, '"') % 2 == 0:
        return False
    tail = body[-(1 << 16):]
    tail = tail if isinstance(tail, str) else bytes(tail).decode("utf-8", "replace")
    run = next(_QUOTE_RUN.finditer(tail[::-1]), None)      # the last run, read backwards
    if run is None:
        return False
    start, end = len(tail) - run.end(), len(tail) - run.start()
    if start == 0:                       # at the start of the body, or of a tail cut short
        return len(tail) == len(body) and (end - start) % 2 == 1
    return (end - start) % 2 == 1 and tail[start - 1] in (delim, "\n", "\r")


def count_char(body: str | bytes | memoryview, char: str) -> int:
    """How many times ``char`` (ASCII) is in ``body``, counted in C, a few MB at a time for
    bytes (no copy of the whole body)."""
    if isinstance(body, str):
        return body.count(char)
    step, byte = 1 << 24, char.encode("ascii")
    return sum(bytes(body[i:i + step]).count(byte) for i in range(0, len(body), step))


def last_char(body: str | bytes | memoryview) -> str:
    """The body's last character (ASCII is all it is compared with), "" when empty."""
    last = body[-1:]
    return last if isinstance(last, str) else bytes(last).decode("latin-1")


def ends_with_a_quote(body: str | bytes | memoryview) -> bool:
    """True when the body's last character is a quote: its last cell is a quoted one, closed
    (a quote never closed is an error of its own, :meth:`RawTable.unclosed_quote`), whole."""
    return last_char(body) == '"'


def cut_off_message(start: int, end: int, column: str, value: str, whole: bool) -> str:
    """The note of a file cut off inside its last row (from line ``start`` to line ``end``,
    the file's last), whose last cell read, of ``column``, says ``value`` (``whole``: a
    closed quoted cell)."""
    where = f"the file ends inside line {end}" + (
        f" (in the row from line {start})" if end != start else "")
    if whole:
        what = f"its last value, {column!r} = {value}, is whole (quoted)"
    elif value.strip():
        what = f"its last value, {column!r} = {value}, may be cut off and is left missing"
    else:
        what = f"it ends at the start of {column!r}, missing"
    return (f"{where}, a copy or a download interrupted: {what}; the columns after it are "
            "missing too")


def hand_made_cut(text: str, delim: str, header: list[str], row: list[str],
                  numbers: tuple[str, ...]) -> str | None:
    """Where a file written by hand (costs.csv, competitors.csv), whose last line ``row`` is
    read under ``header``, looks cut off, for its warning: ``"inside its quoted note 'Canva ',
    never closed"`` or ``"on its amount '18'"``; None when it does not.

    ``row`` is the file's last line as read, blank or not: a file ending on an empty row
    (``,,,,``, a spreadsheet's last row saved empty) ends inside that one, whose cells hold no
    figure to cut, not inside the line of figures above it. The file is cut when it ends
    inside its last line (no line break) and inside a quoted cell never closed, or when that
    line stops short of the header's columns on a cell of one of the ``numbers`` columns, which
    a cut leaves a smaller number (733 interactions read 7). A line of every column without its
    line break is whole (Google Sheets' CSV download may end so), as is one stopping short on a
    text cell outside quotes: nothing tells a cut one, nor does it change a figure."""
    if not row or not ends_inside_a_line(text):
        return None
    k = len(row) - 1
    column = header[k] if k < len(header) else f"column {k + 1}"
    if ends_inside_a_quote(text, delim):
        return f"inside its quoted {column} {row[k]!r}, never closed"
    if len(row) < len(header) and column in numbers and row[k].strip():
        return f"on its {column} {row[k].strip()!r}"
    return None
