"""Meta Business Suite ``Audience.csv``: several blocks stacked in one UTF-16 file.

Layout ([C-fx] a parser test mirroring real files, reference §1.1 and GH#60387268291)::

    sep=,
    "Age & gender"
    "","Men","Women"
    "18-24","12.3","3.6"
    …
    <blank line>
    "Top cities"
    "Quezon City, Philippines","Manila, Philippines"
    "6.4","3.2"
    <blank line>
    "Top countries"  (same shape)      "Top pages"  (same shape, an affinity score)
    <blank line>
    "Follows"
    "Date","Primary"
    "2025-08-01T00:00:00","20"

Output (``audience`` table): ``age_gender`` (category ``"18-24 Men"``), ``age`` and ``gender``
(sums over the other dimension), ``city`` and ``country`` with ``share`` = percent / 100;
``page_affinity`` keeps Meta's score in ``value`` (not a share: it can exceed 100). The
``Follows`` block becomes a ``daily`` table (metric follows, Pacific days). Unknown blocks are
skipped and noted. The platform comes from the file name (``facebook``/``instagram``), else it
is left empty and noted.
"""

from __future__ import annotations

import csv
import io
from typing import NamedTuple

import pandas as pd

from ..errors import ParseError
from ..quality import agree, counted
from ._candidate import Candidate, ParseContext
from ._cutoff import cut_off_message, ends_inside_a_line, ends_inside_a_quote, ends_with_a_quote
from ._dates import META_TZ
from ._headers import normalize
from ._numbers import parse_numbers
from ._registry import register
from ._tidy import facebook_or_instagram

__all__: list[str] = []

_AGE_GENDER = {"age & gender", "age and gender", "âge et genre", "età e genere", "edad y sexo"}
_RANKS = {"top cities": "city", "top countries": "country", "top pages": "page_affinity",
          "principales villes": "city", "principaux pays": "country"}
_FOLLOWS = {"follows", "facebook follows", "instagram follows"}


def _detect(c: Candidate) -> float:
    title = normalize(c.meta.get("title", ""))
    if title in _AGE_GENDER and c.norm and c.norm[0] == "":
        return 0.95
    return 0.0


class _Block(NamedTuple):
    """The rows of one block, and the data row each is (its rank among the body's records,
    empty lines not counted), which an error names: the registry turns it into its line."""

    rows: list[list[str]]
    records: list[int]


def _blocks(text: str) -> list[_Block]:
    """The blocks of ``text`` (separated by blank lines)."""
    out: list[_Block] = [_Block([], [])]
    record = -1
    for line in text.splitlines():
        if line:                      # the csv module reads no record of an empty line
            record += 1
        if not line.strip() or set(line.strip()) <= set(',"'):
            if out[-1].rows:
                out.append(_Block([], []))
            continue
        out[-1].rows.append(next(csv.reader(io.StringIO(line)), []))
        out[-1].records.append(record)
    return [b for b in out if b.rows]


def _mend_cut_off(blocks: list[_Block], text: str, first_line: int, title: str,
                  ctx: ParseContext) -> None:
    """Mend the last row of ``blocks`` (read from ``text``, the body starting on
    ``first_line``, under the first block's ``title``) when the file was cut off inside it (a
    copy or a download interrupted): no line break ends it and it has fewer cells than the row
    above, or its last cell opens a quote never closed (Meta quotes every cell: "22" cut to
    "2 was read 2), or it ends on a delimiter. That cell may be part of its value: it is left
    missing, and the cut noted (``file_cut_off``), as :meth:`~._sniff.RawTable.mend_cut_off`
    does for a table of one header."""
    if not blocks or not ends_inside_a_line(text):
        return
    block = blocks[-1].rows
    row = block[-1]
    opened = ends_inside_a_quote(text, ",")
    # or a row of every cell ending on its delimiter: cut right after it ('…",' of '…","22"')
    cut = opened or text.endswith(",")
    if not row or not cut and (len(block) < 2 or len(row) >= len(block[-2])):
        return
    value, whole = row[-1], not opened and ends_with_a_quote(text)
    if not whole:
        row[-1] = ""
    line = first_line + text.count("\n")
    label = block[0][0] if len(blocks) > 1 and block[0] else title
    ctx.note("file_cut_off", cut_off_message(line, line, label, value, whole), rows=1)


def _numbers(cells: list[str], records: list[int], c: Candidate, what: str) -> pd.Series:
    """The block's cells as Float64 numbers (percentages, scores or counts as written); one
    that is no number raises ParseError on the data row it is on (``records``, one per cell),
    not on its rank among the cells."""
    try:
        return parse_numbers(pd.Series(cells, dtype="str"), file=c.name, column=what,
                             first_line=0)
    except ParseError as exc:
        line = c.table.first_line + 1 + records[exc.line]
        raise ParseError(exc.reason, file=exc.file, line=line, column=what,
                         expected=exc.expected, got=exc.got) from None


def _parse(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    platform = facebook_or_instagram(c)
    if platform is None:
        ctx.note("platform_unknown", "Audience file name does not say Facebook or Instagram; "
                 "platform left empty")
    body = c.table.body or ""
    blocks = _blocks(body)
    _mend_cut_off(blocks, body, c.table.body_line or c.table.first_line + 1,
                  c.meta.get("title", ""), ctx)
    frames: list[pd.DataFrame] = []
    # block 1: the Age & gender matrix (its title and header were read by the sniffer)
    genders = [h.strip() for h in c.header[1:]]
    first = (blocks.pop(0) if blocks and normalize(blocks[0].rows[0][0]) not in _RANKS
             else None)
    if first is not None:
        ages = [r[0].strip() for r in first.rows]
        cells = [(r[1:] + [""] * len(genders))[:len(genders)] for r in first.rows]
        values = _numbers([v for row in cells for v in row],
                          [k for k in first.records for _ in genders], c, "Age & gender")
        long = pd.DataFrame({"age": [a for a in ages for _ in genders],
                             "gender": [g for _ in ages for g in genders],
                             "share": (values * 0.01).array})
        frames.append(pd.DataFrame({"dimension": "age_gender",
                                    "category": long["age"] + " " + long["gender"],
                                    "share": long["share"]}))
        for dim in ("age", "gender"):
            agg = long.groupby(dim, sort=False)["share"].sum(min_count=1).reset_index()
            frames.append(pd.DataFrame({"dimension": dim, "category": agg[dim],
                                        "share": agg["share"]}))
    daily: list[pd.DataFrame] = []
    for block, records in blocks:
        label = normalize(block[0][0]) if block[0] else ""
        if label in _RANKS and len(block) >= 3:
            names, nums = block[1], block[2]
            vals = _numbers(nums[:len(names)], [records[2]] * len(names), c, block[0][0])
            dim = _RANKS[label]
            frames.append(pd.DataFrame({
                "dimension": dim, "category": [n.strip() for n in names[:len(vals)]],
                "value": vals.array if dim == "page_affinity" else pd.NA,
                "share": (vals * 0.01).array if dim != "page_affinity" else pd.NA}))
        elif label in _FOLLOWS and len(block) >= 2:
            rows = block[2:]
            dates = pd.to_datetime(pd.Series([r[0] for r in rows], dtype="str"),
                                   format="ISO8601", errors="coerce")
            vals = _numbers([r[1] if len(r) > 1 else "" for r in rows], records[2:], c,
                            "Follows")
            ok = dates.notna()
            if (~ok).any():
                n = int((~ok).sum())
                rows = counted(n, "Follows row has", "Follows rows have")
                ctx.note("daily_rows_without_date", f"{rows} no readable date and "
                         f"{agree(n, 'was', 'were')} not kept", rows=n)
            d = pd.DataFrame({"platform": platform, "account_id": pd.NA,
                              "date": dates[ok].dt.normalize().to_numpy(), "hour": pd.NA,
                              "metric": "follows", "value": vals[ok].array, "day_tz": META_TZ})
            d.attrs.update(kind="daily", platform=platform, source_tz=META_TZ)
            daily.append(d)
        else:
            ctx.note("audience_block_skipped", f"block {block[0][:1]!r} of the Audience file "
                     f"is not a known block; its {len(block) - 1} rows were not read",
                     rows=len(block) - 1)
    if not frames:
        return daily
    aud = pd.concat([f.astype({"share": "Float64"}) for f in frames], ignore_index=True)
    aud.insert(0, "platform", platform)
    aud.insert(1, "account_id", pd.NA)
    aud["value"] = aud["value"].astype("Float64") if "value" in aud.columns else pd.NA
    aud.attrs.update(kind="audience", platform=platform, source_locale="en-US",
                     source_tz=META_TZ)
    return [aud, *daily]


register("meta_audience", platforms=("facebook", "instagram"), kinds=("audience", "daily"),
         detect=_detect, parse=_parse,
         description="Meta Business Suite Audience.csv (stacked blocks, UTF-16)")
