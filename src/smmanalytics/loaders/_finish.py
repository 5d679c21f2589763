"""What is done to a table once its format has parsed it, before it leaves the loader.

:func:`finish` adds the audit columns (``source_file``, ``snapshot_at``), drops the summary
rows a parser left, blanks negative metrics, computes posts' ``interactions`` when not
exported (noting a component the export should carry and lacks), fills ``campaign`` from the
links' and captions' ``utm_campaign``, notes rows dated after the export was taken, and
conforms and validates against :mod:`~smmanalytics.schema`. :func:`note_numbers` and
:func:`note_repeated_headers` turn what :class:`~._candidate.Candidate` remembered while the
table was read (placeholders, thousands, abbreviated counts, repeated headers) into notes.

Apart from the registry and the reading of files because each step takes frames (or a
parsed candidate) and a quality log, and none chooses a format or opens a file: the same
steps for every export, whichever format read it.
"""

from __future__ import annotations

from functools import partial
from urllib.parse import unquote_plus

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import schema
from .._io import file_name
from ..metrics import COMPONENTS, interactions_and_totals
from ..quality import QualityLog, agree, counted, table_rows
from ._arrow import may_contain
from ._candidate import (
    COUNT_FIELDS,
    THREADED_CONVERSION_ROWS,
    Candidate,
    ParseContext,
    run_meanwhile,
)
from ._cells import column_letter, summary_cells
from ._expected import RATES_EMPTY, TAKEN_FROM, TOTAL_HEADERS, expected_components, total_components
from ._headers import normalize
from ._ids import extract_rows
from ._registry import Format
from ._snapshot import EXPORT_SLACK, latest_possible_day, range_from_name, zone_of
from ._sources import Source

__all__ = ["finish", "note_numbers", "note_repeated_headers", "note_blank_headers"]

_UTM = r"[?&]utm_campaign=([^&\s#\"'<>]+)"


#: the posts' columns a campaign is read from, the first one's winning
_UTM_COLUMNS = ("permalink", "link", "caption")


def _utm_texts(out: pd.DataFrame) -> pd.DataFrame:
    """The columns of ``out`` a campaign is read from: a frame of its own, which
    :func:`_utm_campaigns` may read on another thread while ``out`` gets new columns."""
    return out[[c for c in _UTM_COLUMNS if c in out.columns]]


def _utm_campaigns(texts: pd.DataFrame) -> pd.Series | None:
    """Each row's campaign from a ``utm_campaign=`` in ``texts`` (:func:`_utm_texts`),
    URL-decoded, NA where none; None when no row has one.

    Only the cells holding ``utm_campaign=`` are read, and each campaign is decoded once; the
    column is then made in one take from the decoded campaigns (on a million rows, the
    campaigns spread to every row before decoding cost more than finding them)."""
    n = len(texts)
    code = np.full(n, -1, dtype=np.int64)       # each row's campaign in ``names``, -1: none
    names: list[str] = []
    for col in texts.columns:                   # the first column's campaign wins
        if n and may_contain(texts[col], "utm_campaign="):
            rows, got = extract_rows(texts[col], _UTM, needle="utm_campaign=")
            new = got.is_valid().to_numpy(zero_copy_only=False) & (code[rows] < 0)
            if new.any():
                found = pc.dictionary_encode(got.filter(pa.array(new)))
                code[rows[new]] = found.indices.to_numpy(zero_copy_only=False) + len(names)
                names += found.dictionary.to_pylist()
    if not names:
        return None
    decoded = pa.array([unquote_plus(u) for u in names], type=pa.large_string())
    return pd.Series(pd.array(decoded.take(pa.array(code, mask=code < 0)), dtype="string"),
                     index=texts.index)


def _fill_campaign(out: pd.DataFrame, found: pd.Series | None, src: Source,
                   log: QualityLog | None, sheet: str | None) -> None:
    """Fill the posts' missing ``campaign`` from ``found`` (:func:`_utm_campaigns`), in
    place, noted."""
    if found is None:
        return
    campaign = schema.column_or(out, "campaign", dtype="string").astype("string")
    fill = campaign.isna() & found.notna()
    if fill.any() and log is not None:
        got = counted(int(fill.sum()), "post got its", "posts got their")
        log.add(src.name, "campaign_from_utm", f"{got} campaign from a utm_campaign parameter "
                "in the link or caption", level="info",
                rows=int(fill.sum()), sheet=sheet)
    out["campaign"] = found if campaign.isna().all() else campaign.fillna(found)


def _repeat_text(value: str | None, n: int) -> pd.api.extensions.ExtensionArray:
    """``value`` (None: missing) on ``n`` rows as a ``string`` array, repeated by Arrow: a
    string broadcast by pandas goes through as many Python objects as rows."""
    one = pa.array([value], type=pa.large_string())
    return pd.array(one.take(np.zeros(n, dtype=np.intp)), dtype="string")


def _without_summary_rows(posts: pd.DataFrame, src: Source, log: QualityLog | None,
                          sheet: str | None = None) -> pd.DataFrame:
    """``posts`` without its summary rows, noted: a row with no publish time whose id says
    "Total" (a total a spreadsheet's user added under the data) is no post.

    A row with no id at all (nor link, nor publish time) whose label stands in another cell
    or in the id's, or which holds the sums of the rows above, was dropped before its
    format's parser read the table (``_parsed``, ``_summary``), with a note naming its line:
    the parser would have counted it as a post without an id and a time (and TikTok's
    refused the file), and noted its cells among the posts'. What is left here: such a row
    with a link, or of a format that names no keys (a Facebook Insights breakdown sheet)."""
    if "published_at" not in posts.columns or "post_id" not in posts.columns:
        return posts
    undated = np.flatnonzero(posts["published_at"].isna().to_numpy())
    if not len(undated):
        return posts
    summary = undated[summary_cells(posts["post_id"].iloc[undated]).to_numpy()]
    if not len(summary):
        return posts
    if log is not None:
        log.add(src.name, "summary_row_dropped", f"{len(summary)} 'Total' row(s) without a "
                "publish time dropped: a sum of the rows above, not a post", level="info",
                rows=len(summary), sheet=sheet)
    return posts.drop(index=posts.index[summary]).reset_index(drop=True)


#: the counts a post can lose (a net change of followers or subscribers the post brought)
_NET_COUNTS = frozenset({"net_follows", "net_subscribers"})


def _blank_negative_metrics(posts: pd.DataFrame, src: Source, log: QualityLog | None,
                            sheet: str | None) -> None:
    """Set the negative lifetime metrics of ``posts`` (impossible) to NaN, in place (the
    frame :func:`finish` copied), noted per metric: the schema's metrics and every count a
    loader keeps beside them (:data:`~._candidate.COUNT_FIELDS`: X's ``hashtag_clicks``, Meta's
    ``reach_organic``), by one rule (X's ``Hashtag Clicks = -3`` was kept with no word); net
    changes (:data:`_NET_COUNTS`) may be below zero and are kept."""
    counts = [m for m in posts.columns if m in COUNT_FIELDS and m not in _NET_COUNTS]
    for m in dict.fromkeys([*schema.METRICS, *counts]):
        if m not in posts.columns:
            continue
        vals = posts[m]
        if not pd.api.types.is_numeric_dtype(vals) or pd.api.types.is_bool_dtype(vals):
            vals = pd.to_numeric(vals, errors="coerce")
        neg = vals < 0
        if neg.any():
            posts[m] = vals.mask(neg)
            if log is not None:
                n = int(neg.sum())
                values = counted(n, "negative value", "negative values")
                log.add(src.name, "negative_metric", f"{values} of {m!r} set to NaN", rows=n,
                        sheet=sheet)


def _interactions_noted(posts: pd.DataFrame, src: Source, log: QualityLog | None,
                        sheet: str | None, computed: tuple[pd.Series, np.ndarray] | None = None
                        ) -> pd.api.extensions.ExtensionArray:
    """The posts' interactions (:func:`~smmanalytics.metrics.interactions`), and a note of
    the posts whose sum is unknown because a component the file gives the others is blank
    for them ("not available"): their interactions are NaN, not the sum of the rest. Posts
    whose interactions were taken from the export's own total instead (a Facebook export
    without ``Réactions``: its ``Reactions, Comments and Shares``) are noted
    (``interactions_from_total``), and the file's ``expected_metric_missing`` warning says so.
    ``computed``: ``interactions_and_totals(posts)``, when the caller has it already.
    """
    got, from_total = interactions_and_totals(posts) if computed is None else computed
    if log is not None and len(from_total):
        _note_from_total(posts, from_total, src, log, sheet)
    # a column its format's exports always fill, blank on every post of a platform (Saves
    # emptied by a spreadsheet): the posts' interactions are unknown (metrics.interactions),
    # which no other note says, the column being there
    blank = [c for c in COMPONENTS if c in posts.columns and posts[c].isna().all()]
    if log is not None and blank and len(posts) and "source_format" in posts.columns:
        fmt = posts["source_format"].iloc[0]
        for platform in posts["platform"].dropna().unique() if "platform" in posts else ():
            carried = [c for c in blank if c in expected_components(fmt, platform)]
            # those whose interactions are the export's total are noted above
            n = int(((posts["platform"] == platform) & got.isna()).sum())
            if carried and n:
                posts_of = counted(n, f"{platform} post", f"{platform} posts")
                log.add(src.name, "component_blank", f"the {' and '.join(carried)} of the "
                        f"{posts_of} are blank, though its exports give them: their "
                        "interactions are unknown (NaN, left out of the rates)", rows=n,
                        sheet=sheet)
    # the components the file gives some post: one whose column it lacks (a copy without
    # Réactions) leaves every post unknown, which ``expected_metric_missing`` says
    comps = [c for c in COMPONENTS if c in posts.columns and posts[c].notna().any()]
    if log is not None and comps and got.isna().any():
        blanks = posts[comps].isna().to_numpy()
        lacking = got.isna().to_numpy() & ~blanks.all(axis=1) & blanks.any(axis=1)
        if lacking.any():
            blank = [c for c in comps if posts[c].isna().to_numpy()[lacking].any()]
            n = int(lacking.sum())
            have = counted(n, "post has", "posts have")
            their = "its" if n == 1 else "their"
            log.add(src.name, "interactions_unknown", f"{have} no {' or '.join(blank)} though "
                    f"the file gives it for other posts: {their} interactions are unknown "
                    "(NaN, left out of the rates), not the sum of the rest", rows=n, sheet=sheet)
    return got.array


def _note_from_total(posts: pd.DataFrame, rows: np.ndarray, src: Source, log: QualityLog,
                     sheet: str | None) -> None:
    """Note, per platform, the posts (positions ``rows``) whose interactions are their
    export's total, naming the components missing and the total's column; the file's
    ``expected_metric_missing`` warning, which said the missing metric is left empty "and the
    rates built on it", says instead that the interactions were taken from that column and the
    rates use them: its rates were not left empty."""
    taken = posts.iloc[rows]
    fmt = taken["source_format"].iloc[0]
    header = TOTAL_HEADERS.get(fmt, "platform_engagements")
    said = []
    for platform, group in taken.groupby("platform", sort=False, observed=True):
        parts = total_components(fmt, platform)
        lacking = [c for c in parts if c not in group.columns or group[c].isna().any()]
        n = len(group)
        said.append(f"the interactions of the {table_rows('posts', n, kind=platform)}")
        have = f"{table_rows('posts', n, kind=platform)} {agree(n, 'has', 'have')}"
        log.add(src.name, "interactions_from_total", f"{have} no {' or '.join(lacking)} (no "
                f"column, or blank): {agree(n, 'its', 'their')} interactions were taken "
                f"from the export's total column {header!r}, which is by definition "
                f"{' + '.join(parts)} (the {' and '.join(lacking)} stay empty)", rows=n,
                sheet=sheet)
    taken_from = (f"; {' and '.join(said)} {TAKEN_FROM} "
                  f"{header!r} (by definition their sum), and the rates use them")
    for e in log.entries:
        if (e["code"] == "expected_metric_missing" and e["file"] == str(src.name)
                and e.get("sheet") == (sheet or None)):
            for it in ("it", "them"):
                e["message"] = e["message"].replace(RATES_EMPTY.format(it) + "; ",
                                                    taken_from + "; ", 1)
            if isinstance(e.get("missing_metrics"), dict):      # the facts the report words
                e["missing_metrics"] = {**e["missing_metrics"], "from_total": True}


def _published_after_export(posts: pd.DataFrame, src: Source, snapshot: pd.Timestamp,
                            log: QualityLog, sheet: str | None, hint: str | None = None,
                            *, modified: bool = False) -> None:
    """Note the posts published more than :data:`EXPORT_SLACK` after ``snapshot``, the time
    the export says it was taken, or, where it says none (``modified``), the file's
    modification time: an export cannot hold a post published after it, nor a file a post
    published after it was written (a copy's time is later than its export, never earlier),
    so their date was misread (a day and month swapped, a year guessed) or the export's date
    is wrong. ``hint``: the parser's word on the likely misreading (``attrs
    ["after_export_hint"]``: TikTok's years written by a spreadsheet), added to the note. The
    one check of the posts against the export's date: the parsers leave it here."""
    after = posts["published_at"] > snapshot + EXPORT_SLACK
    n = int(after.sum())
    if n:
        # the export's day in the zone its days were read in: a file name's day ends at
        # 24:00 there (the snapshot), so the second before it is on that day
        day = (snapshot - pd.Timedelta(seconds=1)).tz_convert(zone_of([posts]))
        when = (f"the file was last modified, {snapshot:%Y-%m-%d %H:%M} UTC (the export "
                "states no date)" if modified else f"the export's date {day:%Y-%m-%d}")
        first = posts["published_at"][after].min()
        log.add(src.name, "published_after_export", f"{counted(n, 'post', 'posts')} published "
                f"after {when}: a date misread? (the first: {first:%Y-%m-%d})"
                + (f"; {hint}" if hint else ""), rows=n, sheet=sheet)


def _days_after_export(daily: pd.DataFrame, src: Source, snapshot: pd.Timestamp,
                       stated: bool, log: QualityLog, sheet: str | None) -> pd.Timestamp | None:
    """The last day a daily export can hold, when some of its rows are dated after it (noted,
    kept: their date was misread, a year mistyped, or the export's date is wrong), else None.

    That day is the last of the range its name states, else the export's day where the export
    states it, else the day of the file's modification time (or today's): a copy's is later
    than its export, never earlier. Such a row is no evidence of the export's date
    (:func:`~._snapshot.export_snapshot`) nor of the days it covers: the zeros filled for the
    days a follows file leaves out (``dataset._omitted_zero_days``) stop at that day. A
    Facebook follows file of September 2025 to October 2026 held a row of 2027-09-09:
    unnamed, it became the export's date, and 345 days up to 2027 were filled with 0 that
    overrode older exports' figures."""
    tz = zone_of([daily])
    covers = range_from_name(src.name)
    if covers is not None:
        last, why = pd.Timestamp(covers[1]), "the last day its name says it covers"
    elif stated and pd.notna(snapshot):
        last = (snapshot - pd.Timedelta(seconds=1)).tz_convert(tz).tz_localize(None).normalize()
        why = "the export's date"
    else:
        last = latest_possible_day(src, tz)
        why = ("today" if src.mtime is None else "the day the file was last modified"
               ) + " (the export states no date)"
    after = daily["date"] > last
    n = int(after.sum())
    if not n:
        return None
    rows = f"{n} daily rows" if n > 1 else "1 daily row"
    log.add(src.name, "dated_after_export", f"{rows} dated after {why}, "
            f"{last:%Y-%m-%d}: a date misread? (the first: {daily['date'][after].min():%Y-%m-%d});"
            " kept, but not taken as the export's date nor for the days it covers",
            rows=n, sheet=sheet)
    return last


def finish(df: pd.DataFrame, src: Source, snapshot: pd.Timestamp,
           log: QualityLog | None = None, *, snapshot_stated: bool = False,
           snapshot_guessed: bool = False) -> pd.DataFrame:
    """Add audit columns, posts' interactions; conform and validate against the schema.

    A negative lifetime metric of a post (impossible) is set to NaN and noted. Where the
    export states when it was taken (``snapshot_stated``: in its cells, title lines, zip
    member stamps or name), or the snapshot is the file's modification time
    (``snapshot_guessed``: later than the export, never earlier than its posts), posts
    published more than a day after it are noted; so are daily rows dated after the last day
    the export can hold (:func:`_days_after_export`, its ``attrs["last_export_day"]``). The
    frame's ``attrs["snapshot_at"]`` keeps ``snapshot`` (None when unknown) for an export
    without rows too, whose ``snapshot_at`` column has no cell to hold it: a November export
    of a month without posts is still the data as of its day (``Dataset.as_of``).
    """
    kind = df.attrs["kind"]
    attrs = dict(df.attrs)
    hint = attrs.pop("after_export_hint", None)     # for the note below, not kept
    attrs["snapshot_at"] = None if pd.isna(snapshot) else pd.Timestamp(snapshot)
    if kind == "daily":
        # the name below the folder loaded: a daily export naming no account may be named
        # after it, or put in its folder (``_merge._daily_accounts``); the folders above
        # (``~/exports/maison-seve/``) name the brand, never one of its accounts
        attrs["relative_name"] = src.relative_name
    out = df.copy(deep=False)  # copy-on-write: the parser's frame is never modified
    if kind == "posts":
        out = _finish_posts(out, src, snapshot, log, attrs)
    else:
        if "source_file" not in out.columns:
            out["source_file"] = _repeat_text(src.name, len(out))
        out["snapshot_at"] = snapshot
    out = schema.conform(out, kind)
    schema.validate(out, kind)
    out.attrs = attrs
    if (kind == "posts" and (snapshot_stated or snapshot_guessed) and log is not None
            and pd.notna(snapshot)):
        _published_after_export(out, src, snapshot, log, attrs.get("sheet"), hint,
                                modified=not snapshot_stated)
    if kind == "daily" and log is not None and len(out):
        last = _days_after_export(out, src, snapshot, snapshot_stated, log, attrs.get("sheet"))
        if last is not None:
            out.attrs["last_export_day"] = last
    return out


def _finish_posts(out: pd.DataFrame, src: Source, snapshot: pd.Timestamp,
                  log: QualityLog | None, attrs: dict) -> pd.DataFrame:
    """:func:`finish`'s work on a posts table (``out``, a copy of the parser's, given new
    columns in place; ``attrs`` gets ``carried``): the campaigns of a long table are read
    from their links and captions on another thread (Arrow's search releases the GIL) while
    the audit columns and the interactions are made, then filled and noted in their turn."""
    sheet = attrs.get("sheet")
    out = _without_summary_rows(out, src, log, sheet)
    with run_meanwhile(partial(_utm_campaigns, _utm_texts(out)),
                    threads=len(out) >= THREADED_CONVERSION_ROWS) as campaigns:
        _blank_negative_metrics(out, src, log, sheet)
        if "source_file" not in out.columns:
            out["source_file"] = _repeat_text(src.name, len(out))
        out["snapshot_at"] = snapshot
        if "source_format" not in out.columns:
            out["source_format"] = _repeat_text(attrs.get("source_format"), len(out))
        if "source_locale" not in out.columns:
            out["source_locale"] = _repeat_text(attrs.get("source_locale"), len(out))
        # the interactions read no campaign: computed meanwhile, noted after the campaigns
        unknown = "interactions" not in out.columns or out["interactions"].isna().all()
        computed = interactions_and_totals(out) if unknown else None
        _fill_campaign(out, campaigns(), src, log, sheet)
    if unknown:
        out["interactions"] = _interactions_noted(out, src, log, sheet, computed)
    # the columns the export has, before conform adds the others empty: the merge takes
    # an older export's figures where a newer one has no column for them
    attrs["carried"] = [str(c) for c in out.columns]
    return out


def note_numbers(cand: Candidate, ctx: ParseContext) -> None:
    """The notes of what :meth:`Candidate.numbers` remembered while the table was parsed, one
    per kind: placeholder cells read as missing (never 0), text cells showing a spreadsheet's
    error read as missing (:meth:`Candidate.text`), numbers read as thousands from the
    delimiter or from a count's shape, two columns of one field that disagree."""
    def columns(headers) -> str:          # in the file's order: columns convert on threads
        cols = sorted(set(headers), key=cand.header.index)
        return ", ".join(map(repr, cols[:6])) + (f" and {len(cols) - 6} other columns"
                                                 if len(cols) > 6 else "")

    if cand.placeholders:
        n = sum(k for k, _, _ in cand.placeholders.values())
        words = " or ".join(map(repr, sorted({w for _, w, _ in cand.placeholders.values()})[:3]))
        # where the first is, in the file's first such column: the cell a user looks at
        first = min(cand.placeholders, key=cand.header.index)
        which = f"{first!r}, " if len(cand.placeholders) > 1 else ""
        ctx.note("placeholder_cells", f"{counted(n, 'number cell holds', 'number cells hold')} "
                 f"{words} (no value) and {agree(n, 'was', 'were')} read as missing, not 0, "
                 f"in {columns(cand.placeholders)} (the first: {which}"
                 f"{cand.placeholders[first][2]})", level="info", rows=n)
    if text_errors := {h: v for h, v in cand.errors.items() if h not in cand.placeholders}:
        n = sum(k for k, _ in text_errors.values())
        words = " or ".join(map(repr, sorted({w for _, w in text_errors.values()})[:3]))
        cells = counted(n, "text cell shows", "text cells show")
        ctx.note("text_error_cells", f"{cells} a spreadsheet's error, {words} (no value), and "
                 f"{agree(n, 'was', 'were')} read as missing in {columns(text_errors)}",
                 level="info", rows=n)
    if cand.read_by_count:
        ctx.note("counts_dot_thousands", _thousands_message(cand), level="warning",
                 rows=sum(map(len, cand.read_by_count.values())))
    for header, (n, where, cell, value) in cand.fractions.items():
        counts = counted(n, "count is", "counts are")
        ctx.note("counts_not_whole", f"{header!r}: {counts} not a whole number ({where}: "
                 f"{cell!r} read as {value:,}), kept as read: a count has no decimals; a "
                 "cell mistyped, or changed by a spreadsheet?", level="warning", rows=n)
    if cand.read_by_delimiter:
        ctx.note("decimal_from_delimiter", "the file is ';'-delimited, as a spreadsheet saves "
                 "it where ',' is the decimal mark: numbers such as 1.234 were read as "
                 f"thousands in {columns(cand.read_by_delimiter)}", level="warning")
    for header, (n, cell, value, within) in cand.abbreviated.items():
        counts = counted(n, "number is", "numbers are")
        ctx.note("counts_abbreviated", f"{header!r}: {counts} written abbreviated, rounded by "
                 f"the platform ({cell!r} read as {value:,.0f}, the true value within "
                 f"±{within:,.0f}): the totals that sum them are as rounded", level="info",
                 rows=n)
    for header, mended in cand.mended_ids.items():
        _note_mended_ids(ctx, header, *mended)
    if cand.mended_keys:
        _note_mended_keys(ctx, cand)
    for other, (kept, n) in cand.conflicts.items():
        ctx.note("columns_conflict", f"columns {kept!r} and {other!r} hold the same field but "
                 f"different numbers in {counted(n, 'row', 'rows')}; the first one's were kept",
                 rows=n)


def _note_mended_ids(ctx: ParseContext, header: str, invisible: int, unformatted: int,
                     rows: int, where: str, cell: str, read: str) -> None:
    """The note of the ids :meth:`Candidate.read_ids` mended in the column ``header``: as
    written, each was another post than the same post in another export."""
    what = []
    if invisible:
        what.append(f"{invisible} held invisible characters (a BOM or a zero-width space, "
                    "left by a paste or two files put together), removed")
    if unformatted:
        one = unformatted == 1
        what.append(f"{unformatted} {'was' if one else 'were'} formatted as "
                    f"{'a number' if one else 'numbers'} by a spreadsheet (thousands "
                    f"separators, '.0'), read back as {'its' if one else 'their'} digits")
    ctx.note("ids_mended", f"{header!r}: of the post ids, {' and '.join(what)} ({where}: "
             f"{cell!r} read as {read!r}), so that each post matches itself in other exports",
             rows=rows)


def _note_mended_keys(ctx: ParseContext, cand: Candidate) -> None:
    """One note of the text keys :meth:`Candidate.read_keys` rid of invisible characters
    (:attr:`Candidate.mended_keys`), column by column in the file's order: as written,
    ``'\\ufeffautomne-2026'`` was a campaign of no cost line."""
    mended = sorted(cand.mended_keys.items(), key=lambda item: cand.header.index(item[0]))
    n = sum(cells for _, (cells, *_) in mended)
    columns = "; ".join(f"{header!r}: {cells} (first {where}: {cell!r} read as {read!r})"
                        for header, (cells, where, cell, read) in mended)
    ctx.note("keys_mended", f"{counted(n, 'cell', 'cells')} of campaigns, sources or accounts "
             f"held invisible characters (a BOM or a zero-width space, left by a paste or two "
             f"files put together), removed so that each matches the same name in other "
             f"files: {columns}", rows=n)


def _thousands_message(cand: Candidate) -> str:
    """The note of the count cells read as thousands (:attr:`Candidate.read_by_count`): which
    they are, column by column in the file's order (three cells shown in each), and that the
    columns' other cells kept their reading, so that a user checks those and only those."""
    def cells_of(header: str) -> str:
        cells = cand.read_by_count[header]
        shown = "; ".join(f"{where}: {cell!r} read as {value:,.0f}"
                          for _, where, cell, value in cells[:3])
        return f"{header!r} ({shown}{f' and {len(cells) - 3} more' if len(cells) > 3 else ''})"

    headers = sorted(cand.read_by_count, key=cand.header.index)
    return ("counts written such as 1.250 or 1,250 were read as thousands, a count having no "
            f"decimals, in {', '.join(map(cells_of, headers))}; the other cells as read")


#: families whose parser tells a header written twice apart itself: a Facebook Insights export
#: writes some twice on purpose, a count then its unique users (``meta._legacy_header``)
_REPEATS_TOLD_APART = frozenset({"meta_legacy"})


def note_blank_headers(fmt: Format, cand: Candidate, ctx: ParseContext) -> None:
    """Warn of each column whose header cell is blank but whose cells hold values
    (``blank_header``): no field reads it, so a header blanked by hand (Facebook's
    ``Link clicks``, X's ``Unfollows``, YouTube's ``Watch time (hours)``) made its metric
    vanish, where a header renamed is at least listed among the columns not used. The note
    names the column (its letter on a sheet, its number in a CSV), the headers either side
    of it, which say what the export had there, and its first value with its line. A blank
    column of no value is no loss (``RawTable.without_empty_unnamed_tail`` leaves a trailing
    one out); costs.csv, written by hand, refuses the same (``_costs``). The table looked at
    is the one the parser read (TikTok's Content rows repaired: a title split by a comma
    spilled a value into an empty last column, which the repair moves back). A format of no
    synonym family (Meta's Audience blocks, YouTube's charts) reads its columns by their
    places, not their names: a blank header is its layout, and its table is not read here."""
    if fmt.family is None:
        return
    table = cand.table.read_as or cand.table
    for pos in cand.match(fmt.family).blank:
        filled = table.filled_rows(pos)
        if not len(filled):
            continue
        k, n = int(filled[0]), len(filled)
        line = table.line_of(k)
        first = cand.stripped_text(table.column(pos).iloc[[k]]).iloc[0]
        if table.sheet:
            column = f"column {column_letter(table.first_column + pos)}"
            at = f"in {table.cell(pos, line)}"
        else:
            column, at = f"column {pos + 1}", f"on line {line}"
        ctx.note("blank_header", f"{column} of {file_name(ctx.file)} has no header but holds "
                 f"values on {n} row{'s' * (n > 1)}, the first {first[:40]!r} {at}"
                 f"{_between(cand.header, pos)}: not read, no field of the export being "
                 "named; a header blanked by hand? Write back the export's header to have it "
                 "read", rows=n)


def _between(header: list[str], pos: int) -> str:
    """`` (between 'Total clicks' and 'Organic views')``: the nearest named headers either
    side of the column at ``pos``, where the export's own column was."""
    left = next((h for h in reversed(header[:pos]) if normalize(h)), None)
    right = next((h for h in header[pos + 1:] if normalize(h)), None)
    sides = [f"after {left!r}" if left else "", f"before {right!r}" if right else ""]
    said = " and ".join(s for s in sides if s)
    return f" ({said})" if said else ""


def note_repeated_headers(fmt: Format, cand: Candidate, ctx: ParseContext) -> None:
    """Warn of each header the table writes twice or more (``columns_conflict``), unless a
    conflict of their numbers was already noted: a column renamed by hand to another's name
    (GA4's ``Total revenue`` retitled ``Session campaign``, a second ``Date`` where Facebook's
    total of interactions was) left its metric empty, and nothing said why. The note names
    the header, its columns, and what was read: the first column (a later one only where the
    first is empty, as :meth:`Candidate.col` reads a field) when the format knows the header;
    the first one only for a ``Name (organic|sponsored|total)`` sheet; neither when the
    header is no field of the format. A file repeating fields in two languages (bilingual
    Meta exports, where ``Impressions`` is French and English) is not warned of its fields."""
    if fmt.family in _REPEATS_TOLD_APART:
        return
    positions: dict[str, list[int]] = {}
    for pos, name in enumerate(cand.norm):
        if name:
            positions.setdefault(name, []).append(pos)
    repeated = {n: ps for n, ps in positions.items() if len(ps) > 1}
    if not repeated:
        return
    noted = {normalize(h) for h in cand.conflicts}
    m = cand.match(fmt.family)
    bilingual = any(len({cand.norm[p] for p in ps}) > 1 for ps in m.columns.values())
    known = {cand.norm[p] for ps in m.columns.values() for p in ps}
    for name, ps in repeated.items():
        if name in noted or (bilingual and name in known):
            continue
        header = cand.header[ps[0]]
        where = ", ".join(cand.table.cell(p, cand.table.first_line) or f"column {p + 1}"
                          for p in ps)
        if fmt.header_names is not None:
            read = "the first one's values were read, the others' left out"
        elif name in known:
            read = ("the first one's values were read, the others' only where it is empty")
        else:
            read = "neither was read (no field of this export has that header)"
        ctx.note("columns_conflict", f"header {header!r} heads {len(ps)} columns ({where}) of "
                 f"{file_name(ctx.file)}: {read}; a column renamed or copied by hand? The "
                 "column the export has in its place may be missing, its metric left empty")
