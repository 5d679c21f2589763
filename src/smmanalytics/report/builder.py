"""The Report: an ordered list of blocks (headings, text, KPI cards, tables, figures) that renders
to a PDF through Typst and shows itself in a notebook.

Layout only: numbers are computed by the analytics modules and formatted by
:class:`~smmanalytics.report.formatting.Formatter`; nothing here computes a statistic.
"""

from __future__ import annotations

import base64
import html
import io
import json
import math
import os
import re
import sys
import tempfile
import unicodedata
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import TypeVar

import matplotlib
import matplotlib.dates as mdates
import matplotlib.ticker
import pandas as pd
from babel.numbers import format_compact_decimal
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.layout_engine import PlaceHolderLayoutEngine

from .._io import atomic_write
from .._logo import Logo, read_logo
from ..errors import ArgumentError, ReportError
from .formatting import Formatter

__all__ = ["Report", "Section", "FIGURE_FONT"]

_T = TypeVar("_T")

_TIMESTAMP = 0  # PDFs carry no creation time: the same inputs give the same bytes

#: Report figures are drawn in DejaVu Sans, the font matplotlib ships, on every machine. Their
#: text stays text in the SVG (not glyph outlines: drawing those took a fifth of the savefig
#: time), and Typst is given that font, so the PDF shows the same glyphs at the same places,
#: and a chart's words and numbers can be searched and copied.
FIGURE_FONT = "DejaVu Sans"
_FIGURE_RC = {"svg.hashsalt": "smm", "svg.fonttype": "none", "font.sans-serif": [FIGURE_FONT]}


def _tight_box(fig: Figure):
    """The box ``savefig(format="svg", bbox_inches="tight")`` crops ``fig`` to, measured as
    savefig measures it (an SVG renderer at 72 dpi), but without drawing the whole figure
    first: given the box, savefig draws the figure once, where given "tight" it draws it all
    without output to measure it, then again (a third of a best-times heatmap's time)."""
    from matplotlib.backends.backend_svg import RendererSVG  # lazy: 50 ms, for figures only

    dpi = fig.dpi
    try:
        fig.dpi = 72
        width, height = fig.get_size_inches() * 72
        box = fig.get_tightbbox(RendererSVG(width, height, io.StringIO(), image_dpi=72))
    finally:
        fig.dpi = dpi
    return box.padded(matplotlib.rcParams["savefig.pad_inches"])


def _fix_empty_labels(fig: Figure) -> None:
    """Give each axis label without text of ``fig`` a fixed place (``set_label_coords``).

    Such a label draws nothing and has no size (its box, a point, is left out of the tight
    box), yet matplotlib placed it clear of its axis' tick labels, measuring all of them, at
    each layout pass (the tight box, then the drawing): a tenth of a best-times heatmap's
    time, whose y labels are emptied. Where it stands changes nothing in the SVG.
    """
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if axis.label.get_text() == "":
                axis.set_label_coords(0.0, 0.0)


class _ReaderNumbers(matplotlib.ticker.Formatter):
    """An axis' tick labels, with those that are plain numbers ("1000", "0.8×", "−25.5") written
    the reader's way ("1 000", "0,8×", "-25,5" in French: the language's minus sign, as the
    tables write it, not matplotlib's U+2212); any other label (a date, an hour, "4,28 %") is
    left as the axis' own formatter wrote it.

    An axis of large or very close numbers is written in full ("1 500 000"): matplotlib's own
    formatter would write "1.5" and a bare "1e6" (or "+1.2e3") beside the axis, a notation in
    no language, which a manager read as 1,5 €. From a million on, in full they ran into each
    other ("800 0001 000 0001 200 000": matplotlib's locator spaces ticks for labels about
    three characters wide), so such an axis is written in the language's short form, in one
    unit for all its ticks: "0,8 M", "1,0 M" (fr), "0.8m" (en, British), "0,8 Mln" (it);
    "1,2 Md", "1.2bn", "1,2 Mld" for billions. Below a million ("675 000") they fit, and stay
    in full.
    """

    _PLAIN = re.compile(r"([−-]?)(\d+)(?:\.(\d+))?(×?)")
    #: the smallest tick (in size) an axis is written in the short form from
    SHORT_FROM = 1_000_000

    def __init__(self, inner: matplotlib.ticker.Formatter, fmt: Formatter) -> None:
        self.inner, self.fmt = inner, fmt
        self._plain_numbers = isinstance(inner, matplotlib.ticker.ScalarFormatter)
        if self._plain_numbers:
            inner.set_useOffset(False)
            inner.set_scientific(False)
        # (unit, decimals) of the short form of the ticks set, None: written in full
        self._short: tuple[float, int] | None = None
        # label as the axis wrote it → as the reader reads it: a figure's layout asks for
        # the same tick labels tens of times, and Babel takes 60 µs a number
        self._written: dict[tuple, str] = {}

    def set_axis(self, axis) -> None:
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def set_locs(self, locs) -> None:
        super().set_locs(locs)
        self.inner.set_locs(locs)
        self._short = _short_form(self._shown(locs)) if self._plain_numbers else None

    def _shown(self, locs) -> list:
        """The ticks of ``locs`` within the axis' view: the locator gives one or two beyond,
        which are not drawn (an axis up to 810 000 has its 1 000 000 tick)."""
        if self.axis is None:
            return list(locs)
        lo, hi = sorted(self.axis.get_view_interval())
        slack = (hi - lo) * 1e-9
        return [v for v in locs if lo - slack <= v <= hi + slack]

    def format_ticks(self, values) -> list[str]:
        self.set_locs(values)
        return [self(v, i) for i, v in enumerate(values)]

    def get_offset(self) -> str:
        return self.inner.get_offset()

    def __call__(self, x, pos=None) -> str:
        text = self.inner(x, pos)
        key = (text, self._short)
        written = self._written.get(key)
        if written is None:
            written = self._written[key] = (self._write(text) if self._short is None
                                            else self._write_short(x, *self._short))
        return written

    def _write_short(self, x: float, unit: float, digits: int) -> str:
        """``x`` in ``unit`` (10⁶, 10⁹…), as the language abbreviates it; 0 as "0" (also a
        tick a float's error off it: not "-0,0 M")."""
        if round(x / unit, digits) == 0:
            return self.fmt.number(0)
        one = format_compact_decimal(unit, locale=self.fmt.locale)     # "1 M", "1m", "1 Mln"
        return one.replace("1", self.fmt.number(x / unit, digits), 1)

    def _write(self, text: str) -> str:
        plain = self._PLAIN.fullmatch(text)
        if plain is None:
            return text
        sign, whole, decimals, times = plain.groups()
        digits = len(decimals) if decimals else 0
        return self.fmt.number(float(f"{sign and '-'}{whole}.{decimals or 0}"), digits) + times


def _short_form(locs) -> tuple[float, int] | None:
    """The unit (10⁶, 10⁹, 10¹²) and the fewest decimals (up to 3) that write every tick of
    ``locs`` exactly in it (0.2 M steps: one), the unit of the largest; None (written in
    full) below :attr:`_ReaderNumbers.SHORT_FROM` or when no such decimals write them all (an
    axis of 1 000 001 and 1 000 002)."""
    largest = max((abs(v) for v in locs), default=0)
    if not largest >= _ReaderNumbers.SHORT_FROM:
        return None
    unit = 1000.0 ** min(4, int(math.log10(largest) // 3))
    for digits in range(4):
        scaled = [v / unit * 10 ** digits for v in locs]
        if all(abs(v - round(v)) < 1e-6 for v in scaled):
            return unit, digits
    return None


def _reader_numbers(fig: Figure, fmt: Formatter) -> None:
    """Have every number axis of ``fig`` (not its date axes) write plain numbers the reader's
    way (:class:`_ReaderNumbers`)."""
    dates = (mdates.DateFormatter, mdates.AutoDateFormatter, mdates.ConciseDateFormatter)
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            inner = axis.get_major_formatter()
            if not isinstance(inner, dates + (_ReaderNumbers,)):
                axis.set_major_formatter(_ReaderNumbers(inner, fmt))


def _tick_labels(fig: Figure) -> list[list[str]]:
    """The major tick labels of every axis of ``fig``, as its formatters write them now."""
    return [axis.get_major_formatter().format_ticks(axis.get_majorticklocs())
            for ax in fig.axes for axis in (ax.xaxis, ax.yaxis)]


def printable(text: str) -> str:
    """Text the PDF fonts can draw: pictographs (emoji), their joiners and selectors removed,
    white space folded. The permalink next to a caption still leads to the full post."""
    kept = [ch for ch in str(text)
            if not (unicodedata.category(ch) == "So" and ord(ch) >= 0x2190)  # keeps ° © ™
            and unicodedata.category(ch) not in ("Cs", "Co", "Cn")
            and ch not in "\u200d\ufe0e\ufe0f"]
    return " ".join("".join(kept).split())


def _figure_fonts() -> list[str]:
    """The folder holding the figures' font, for Typst (matplotlib's own copy)."""
    path = font_manager.findfont(font_manager.FontProperties(family=FIGURE_FONT),
                                 fallback_to_default=False)
    return [str(Path(path).parent)]


def _typst_version() -> str:
    """The installed typst package's version, for an error that says it is too old."""
    try:
        return metadata.version("typst")
    except metadata.PackageNotFoundError:     # imported from a folder pip did not install
        return "(version unknown)"


#: blocks that may stand between a heading and the figure or table kept with it
_LEAD_IN = ("text", "note", "kpis")
#: blocks a heading and its lead-in are kept with
_KEPT = ("figure", "table")
#: blocks a note right after qualifies, and stays with
_QUALIFIED = ("figure", "table", "kpis")


def _notes_attached(blocks: list[dict]) -> list[dict]:
    """``blocks`` with the notes that follow a figure, a table or a row of KPI cards carried by
    it (its ``notes``), to be laid out with its end: the best-times' "Posts left out" note
    stood alone at the top of a page, its table on the one before, and the ROI's formula at
    the top of a page, its cards on the one before. A line of text between the block and its
    note goes with them (the alerts' yearly total, between their table and the note saying
    what its likely range is). The blocks given are not changed."""
    out: list[dict] = []
    i = 0
    while i < len(blocks):
        b, i = blocks[i], i + 1
        if b["kind"] in _QUALIFIED:
            notes = []
            if i + 1 < len(blocks) and blocks[i]["kind"] == "text" \
                    and blocks[i + 1]["kind"] == "note":
                notes.append(blocks[i])
                i += 1
            while i < len(blocks) and blocks[i]["kind"] == "note":
                notes.append(blocks[i])
                i += 1
            if notes:
                b = {**b, "notes": notes}
        out.append(b)
    return out


def _kept_together(blocks: list[dict]) -> list[dict]:
    """``blocks`` with each heading kept with the start of what it heads (a ``keep`` block):
    a heading that leads to a figure or a table through a few lines of text, notes or KPI
    cards is kept with it on one page (a best-times platform's heading and summary stood at
    the foot of a page, its heatmap on the next; the ROI's heading and cards, its table on
    the next); one that leads to a sub-heading so is kept with the sub-heading's own keep
    (the best times' heading and its lines ended a page, the first platform's heading and
    heatmap on the next). A table too long for the page of its heading starts there, with at
    least its first rows (see report.typ); any other heading sticks to its next block."""
    out: list[dict] = []
    i = 0
    while i < len(blocks):
        kept, i = _kept_from(blocks, i)
        out.append(kept)
    return out


def _kept_from(blocks: list[dict], i: int) -> tuple[dict, int]:
    """The block, or the keep, starting at ``blocks[i]``, and the index after it."""
    b = blocks[i]
    if b["kind"] != "heading":
        return b, i + 1
    j = i + 1
    while j < len(blocks) and j - i <= 3 and blocks[j]["kind"] in _LEAD_IN:
        j += 1
    if j < len(blocks) and blocks[j]["kind"] in _KEPT:
        return {"kind": "keep", "blocks": blocks[i:j + 1]}, j + 1
    if j < len(blocks) and blocks[j]["kind"] == "heading":
        inner, k = _kept_from(blocks, j)
        if inner["kind"] == "keep":
            return {"kind": "keep", "blocks": [*blocks[i:j], inner]}, k
    return b, i + 1


def _laid_out(blocks: list[dict]) -> list[dict]:
    """The blocks as the template lays them out: notes with what they qualify, headings
    with what they head (long words are made breakable by the template itself)."""
    return _kept_together(_notes_attached(blocks))


#: the keys of a block or of the document model whose values are addresses, file names or
#: layout, never typeset (:func:`_typeset`)
_NOT_TYPESET = frozenset({"link", "path", "logo", "kind", "align", "widths"})


def _typeset(value, fmt: Formatter):
    """``value`` (a block, the document model, or any text, list or dict of them) with its
    texts typeset for ``fmt``'s language (:meth:`Formatter.typeset`: French "Publications :
    81" with a narrow no-break space, not an ordinary one a line may break at), on the way
    out only, to Typst and to the notebook's HTML: the blocks keep the Formatter's words.
    Addresses, file names and layout (:data:`_NOT_TYPESET`) are left as they are."""
    if isinstance(value, str):
        return fmt.typeset(value)
    if isinstance(value, list):
        return [_typeset(v, fmt) for v in value]
    if isinstance(value, dict):
        return {k: v if k in _NOT_TYPESET else _typeset(v, fmt) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Title:
    """A report's heading in a notebook and its HTML export (see :meth:`Report.heading`)."""

    brand: str
    title: str
    period: str

    def __repr__(self) -> str:
        return f"{self.brand} — {self.title}\n{self.period}"

    def _repr_html_(self) -> str:
        return (f"<h1>{html.escape(self.brand)} — {html.escape(self.title)}</h1>"
                f"<p><b>{html.escape(self.period)}</b></p>")


@dataclass
class Section:
    """Blocks added by one call; shows itself in a notebook as HTML."""

    blocks: list[dict] = field(default_factory=list)
    figures: dict[str, bytes] = field(default_factory=dict)
    #: the report's language, whose typography the HTML follows (:func:`_typeset`)
    lang: str = "en"

    def __repr__(self) -> str:
        """The section as plain text, as it reads: what a console shows, and what a notebook
        keeps beside the HTML (the dataclass' own repr was one line of dicts, cells and all).
        A figure is named by its caption."""
        out = []
        for b in self.blocks:
            k = b["kind"]
            if k == "heading":
                out.append(b["text"] + "\n" + ("=" if b["level"] == 1 else "-") * len(b["text"]))
            elif k in ("text", "note"):
                out.append(b["text"])
            elif k == "bullets":
                out.append("\n".join(f"{i}. {item}" if b.get("numbered") else f"- {item}"
                                     for i, item in enumerate(b["items"], start=1)))
            elif k == "kpis":
                out.append("   ".join(f"{i['label']}: {i['value']}"
                                      + (f" ({i['note']})" if i.get("note") else "")
                                      for i in b["items"]))
            elif k == "table":
                rows = [[_text(c) for c in row] for row in b["rows"]]
                table = pd.DataFrame(rows, columns=b["columns"]).to_string(index=False)
                out.append(table + (f"\n{b['caption']}" if b.get("caption") else ""))
            elif k == "figure":
                out.append(f"[figure: {b['caption']}]" if b.get("caption") else "[figure]")
        return "\n\n".join(out)

    def _repr_html_(self) -> str:
        """The section as the notebook and its HTML export show it, typeset as the PDF is
        (:func:`_typeset`)."""
        out = []
        for b in _typeset(self.blocks, Formatter(self.lang)):
            k = b["kind"]
            if k == "heading":
                out.append(f"<h{b['level'] + 1}>{html.escape(b['text'])}</h{b['level'] + 1}>")
            elif k in ("text", "note"):
                out.append(f"<p>{html.escape(b['text'])}</p>")
            elif k == "bullets":
                tag = "ol" if b.get("numbered") else "ul"
                out.append(f"<{tag}>" + "".join(f"<li>{html.escape(i)}</li>" for i in b["items"])
                           + f"</{tag}>")
            elif k == "kpis":
                out.append("<table><tr>" + "".join(
                    f"<td style='padding:6px 14px'><small>{html.escape(i['label'])}</small><br>"
                    f"<b style='font-size:1.4em'>{html.escape(i['value'])}</b><br>"
                    f"<small>{html.escape(i.get('note', ''))}</small></td>" for i in b["items"])
                    + "</tr></table>")
            elif k == "table":
                head = "".join(f"<th>{html.escape(c)}</th>" for c in b["columns"])
                body = "".join("<tr>" + "".join(f"<td>{html.escape(_text(c))}</td>" for c in row)
                               + "</tr>" for row in b["rows"])
                out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
                if b.get("caption"):
                    out.append(f"<p><small>{html.escape(b['caption'])}</small></p>")
            elif k == "figure":
                # one <img> rather than the SVG's markup inline: the same picture, and the
                # notebook's HTML export (which parses every tag) reads one attribute per figure
                src = "data:image/svg+xml;base64," + base64.b64encode(
                    self.figures[b["path"]]).decode("ascii")
                alt = html.escape(b.get("alt") or "", quote=True)
                cap = (f"<figcaption>{html.escape(b['caption'])}</figcaption>"
                       if b.get("caption") else "")
                out.append(f"<figure style='max-width:900px'><img src='{src}' alt='{alt}' "
                           f"style='max-width:100%;height:auto'>{cap}</figure>")
        return "\n".join(out)


def _text(c) -> str:
    return c["text"] if isinstance(c, dict) else str(c)


class Report:
    """A report being assembled.

    Parameters
    ----------
    title, period_label : str
        Shown on the cover and in page headers.
    brand : smmanalytics.Brand
        Name, colours and logo.
    lang : str
        ``en``, ``fr`` or ``it``: labels, numbers and dates follow it.
    cover_lines : list of str
        Lines under the cover band (period, data as-of date, ...).
    cover_warnings : list of str
        Lines the cover shows in bold under them: what the reader must know before any
        figure (files that could not be read).

    The cover's lines, texts and bullets are put in the language's prose
    (:meth:`Formatter.prose`: "al 8 ottobre" → "all'8 ottobre") when they are given, the
    brand's words in them left as they are when marked (:meth:`Formatter.verbatim`); the
    prose is never applied twice, which would reach the brand's words.
    """

    def __init__(self, *, title: str, period_label: str, brand, lang: str = "en",
                 cover_lines: list[str] | None = None, cover_warnings: list[str] | None = None,
                 toc: bool = True) -> None:
        self.fmt = Formatter(lang, brand.currency)
        self.title, self.period_label, self.brand, self.lang = title, period_label, brand, lang
        self.cover_lines = [self.fmt.prose(t) for t in cover_lines or []]
        self.cover_warnings = [self.fmt.prose(t) for t in cover_warnings or []]
        self.toc = toc
        self.blocks: list[dict] = []
        self.figures: dict[str, bytes] = {}
        # read now, not when the PDF is written: a zipped brand's logo is extracted to the
        # cache folder, which `smm cache clear` may empty meanwhile (the report failed)
        logo = read_logo(brand.logo) if brand.logo else Logo(None)
        self.logo: bytes | None = logo.image
        self.logo_problem: str | None = logo.problem
        self.logo_code = logo.code      # the quality note's code of the problem

    # ---- blocks -------------------------------------------------------------------------
    def _add(self, section: Section, block: dict) -> Section:
        section.blocks.append(block)
        self.blocks.append(block)
        return section

    def heading(self) -> Title:
        """The report's title, its brand's name and its period, as a notebook shows them: the
        first thing the report's HTML export reads (it began with the goals' table, nothing
        naming the brand or the month). Adds no block: the PDF has its cover."""
        return Title(self.brand.name, self.title, self.period_label)

    def section(self, title: str, *, level: int = 1) -> Section:
        """Start a section: level 1 enters the table of contents (when the report has one),
        level 2 is a sub-section. A heading is never left alone at a page's foot: it moves
        with the start of what it heads (see :func:`_kept_together`)."""
        return self._add(Section(lang=self.lang),
                         {"kind": "heading", "level": level, "text": title})

    def text(self, section: Section, text: str, *, note: bool = False) -> Section:
        return self._add(section, {"kind": "note" if note else "text",
                                   "text": self.fmt.prose(text)})

    def bullets(self, section: Section, items: list[str], *, numbered: bool = False) -> Section:
        """A list; ``numbered`` for footnotes that table cells refer to by number."""
        return self._add(section, {"kind": "bullets",
                                   "items": [self.fmt.prose(str(i)) for i in items],
                                   "numbered": numbered})

    def kpis(self, section: Section, items: list[dict]) -> Section:
        """KPI cards: dicts with ``label``, ``value`` (formatted text) and optional ``note``."""
        return self._add(section, {"kind": "kpis", "items": items})

    def table(self, section: Section, df: pd.DataFrame, *, align: list[str] | None = None,
              widths: list[str] | None = None, caption: str | None = None,
              total: bool = False) -> Section:
        """A table of already formatted cells (str, or dicts with ``text`` and ``link``)."""
        cols = [str(c) for c in df.columns]
        rows = [[c if isinstance(c, dict) else ("" if c is None else str(c)) for c in r]
                for r in df.itertuples(index=False, name=None)]
        align = align or ["left"] + ["right"] * (len(cols) - 1)
        widths = widths or ["auto"] * len(cols)
        return self._add(section, {"kind": "table", "columns": cols, "rows": rows, "align": align,
                                   "widths": widths, "caption": caption and self.fmt.prose(caption),
                                   "total": total})

    def figure(self, section: Section, fig: Figure, *, caption: str | None = None,
               alt: str | None = None, width: str = "100%") -> Section:
        """Add a matplotlib figure as vector graphics (SVG, no timestamps) and close it.

        ``alt`` is what a screen reader says of a figure without a caption (the audience
        panels, titled on their axes); a captioned figure is said by its caption, which the
        PDF prefixes with the figure's number ("Fig. 2 – …") as printed.

        Tick labels that are plain numbers are written the reader's way ("1 000", "0,8×").
        Sections give their axes' titles a fixed place (``set_title(..., y=1.0)``): an axes
        title left to matplotlib is moved clear of any tick labels on top, which means
        measuring every tick label of the figure again at each layout pass (a third of the
        reputation watch's drawing time). The report's axes have no ticks on top, so the
        titles land where matplotlib would have put them, and the SVG is the same.
        """
        name = f"fig{len(self.figures) + 1:02d}.svg"
        buf = io.BytesIO()
        # a figure laid out by its engine (constrained, tight) already fits its canvas;
        # cropping it too would lay it out and measure it once more
        engine = fig.get_layout_engine()
        crop = "tight" if engine is None else None
        laid_out = isinstance(engine, PlaceHolderLayoutEngine)    # by tight_layout()
        measured = _tick_labels(fig) if laid_out else None
        _reader_numbers(fig, self.fmt)
        _fix_empty_labels(fig)
        with matplotlib.rc_context(_FIGURE_RC):
            if crop:
                crop = _tight_box(fig)
            elif laid_out:
                # tight_layout() measured the tick labels matplotlib wrote ("-1.0" beside a
                # "1e6"), not the reader's ("-1 Mln"): laid out again where they differ, else
                # the longer ones were cut off. Where they are the same (the audience
                # panels), the layout is kept as it is, not measured twice
                if _tick_labels(fig) != measured:
                    fig.tight_layout()
                # nothing is left to lay out, and a figure without an engine is drawn once
                # by savefig, not twice
                with matplotlib.rc_context({"figure.autolayout": False,
                                            "figure.constrained_layout.use": False}):
                    fig.set_layout_engine(None)
            fig.savefig(buf, format="svg", bbox_inches=crop, metadata={"Date": None})
        matplotlib.pyplot.close(fig)
        self.figures[name] = section.figures[name] = buf.getvalue()
        caption = caption and self.fmt.prose(caption)
        return self._add(section, {"kind": "figure", "path": name, "caption": caption,
                                   "alt": caption or (alt and self.fmt.prose(alt)),
                                   "width": width})

    # ---- sections built ahead (see _ahead) --------------------------------------------------
    def build_ahead(self, *names: str) -> bool:
        """Build these sections in a forked copy of the report while the others are built.

        Each named section, called later without arguments, is the copy's: the same blocks and
        figures as if built here. Meant for the report notebooks, which run on one core; a
        section called with arguments, or that failed in the copy, is built here. Returns
        False, building nothing ahead, where processes cannot be forked (not Linux) or the
        process may use one core only.

        Raises
        ------
        ArgumentError
            for a name that is not a section built ahead (``@built_ahead``), listing those.
        """
        from ._ahead import Ahead, can_fork  # looked up when called: a test patches can_fork

        def ahead(name: str) -> bool:
            return getattr(getattr(type(self), name, None), "built_ahead", False)

        for name in names:
            if not ahead(name):
                raise ArgumentError("not a section that can be built ahead", argument="names",
                                    expected="one of " + ", ".join(
                                        n for n in sorted(dir(type(self))) if ahead(n)),
                                    got=name)
        if self.__dict__.get("_ahead") is not None:
            self._ahead.close()
        self._ahead = Ahead(self, names) if names and can_fork() else None
        return self._ahead is not None

    def _adopt(self, built) -> Section:
        """Add a section built by the forked copy, renumbering its figures; raise its
        warnings and print its output here."""
        sec = Section(lang=self.lang)
        for block in built.section.blocks:
            if block["kind"] == "figure":
                name = f"fig{len(self.figures) + 1:02d}.svg"
                self.figures[name] = sec.figures[name] = built.section.figures[block["path"]]
                block = {**block, "path": name}
            self._add(sec, block)
        for attr, changed in built.state.items():
            getattr(self, attr).update(changed)
        for message, category, filename, lineno in built.warnings:
            warnings.warn_explicit(message, category, filename, lineno)
        sys.stdout.write(built.stdout)
        sys.stderr.write(built.stderr)
        return sec

    def pagebreak(self, section: Section) -> Section:
        return self._add(section, {"kind": "pagebreak"})

    # ---- rendering ----------------------------------------------------------------------
    def to_json(self) -> dict:
        """The document model handed to the Typst template, its texts typeset for the
        language (:func:`_typeset`)."""
        labels = {k: self.fmt.label(k) for k in ("contents", "figure")}
        brand = printable(self.brand.name)
        labels["logo"] = self.fmt.label("logo").format(brand=brand)
        return _typeset({
            # the PDF's title, which a viewer shows and a search lists: whose report, and when
            "document_title": f"{brand} — {self.title} — {self.period_label}",
            "title": self.title, "period_label": self.period_label, "lang": self.lang,
            "brand": {"name": brand, "primary": self.brand.primary_color,
                      "accent": self.brand.accent_color},
            "logo": ("logo" + Path(self.brand.logo).suffix
                     if self.brand.logo and self.logo is not None else None),
            "cover_lines": self.cover_lines, "cover_warnings": self.cover_warnings,
            "toc": self.toc, "labels": labels,
            "blocks": _laid_out(self.blocks),
        }, self.fmt)

    def pdf_bytes(self) -> bytes:
        """Compile the report with Typst (embedded fonts only, fixed timestamp)."""
        return self._pdf_bytes_beside(lambda: None)[0]

    def _pdf_bytes_beside(self, work: Callable[[], _T]) -> tuple[bytes, _T]:
        """:meth:`pdf_bytes`, and what ``work()`` gives, called here while Typst compiles the
        PDF on a thread (it compiles without holding the GIL)."""
        import typst  # lazy: the compiler is loaded when a PDF is made, not with the package

        with tempfile.TemporaryDirectory(prefix="smm-typst-") as tmp:
            root = Path(tmp)
            template = resources.files("smmanalytics.report").joinpath("templates/report.typ")
            (root / "report.typ").write_text(template.read_text(encoding="utf-8"),
                                             encoding="utf-8")
            doc = self.to_json()
            (root / "report.json").write_text(json.dumps(doc, ensure_ascii=False),
                                              encoding="utf-8")
            for name, svg in self.figures.items():
                (root / name).write_bytes(svg)
            if doc["logo"]:
                (root / doc["logo"]).write_bytes(self.logo)
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="smm-typst") as pool:
                compiling = pool.submit(typst.compile, str(root / "report.typ"),
                                        root=str(root), ignore_system_fonts=True,
                                        timestamp=_TIMESTAMP,
                                        font_paths=_figure_fonts() if self.figures else [])
                done = work()
                try:
                    return compiling.result(), done
                except RuntimeError as exc:  # typst reports compile errors as RuntimeError
                    raise ReportError(f"Typst could not render the report: {exc}") from exc
                except TypeError as exc:     # a typst before 0.15: compile takes no timestamp
                    raise ReportError(f"the typst package {_typst_version()} cannot render the "
                                      f"report ({exc}); expected typst>=0.15") from exc

    def write_pdf(self, path: str | os.PathLike) -> Path:
        """Write the PDF atomically (temporary file in the same folder, then rename)."""
        return atomic_write(path, self.pdf_bytes())
