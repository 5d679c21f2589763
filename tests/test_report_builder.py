"""The report builder: PDF text carries the figures the API computes, in the report language."""

from __future__ import annotations

import base64
import io
import re

import numpy as np
import pandas as pd
import pytest
from pypdf import PdfReader

from smmanalytics import Brand, ReportError, metrics
from smmanalytics.report import BrandReport, Formatter, posts_in_period

from ._report_helpers import _pdf_text


@pytest.mark.parametrize("lang", ["fr", "en", "it"])
def test_pdf_shows_the_api_figures_in_the_report_language(ds, lang):
    rep = BrandReport(ds, "2026-10", lang=lang)
    rep.kpi_table()
    rep.engagement_charts()
    rep.top_posts()
    rep.quality_note()
    rep.method_notes()
    text = _pdf_text(rep.pdf_bytes())
    october = posts_in_period(ds.posts, rep.period, "Europe/Paris")
    e = metrics.engagement(october, by=None)
    f = Formatter(lang)
    # every figure on the KPI cards is the API's, formatted for the reader
    assert f.number(e.loc[0, "interactions"]) in text
    assert f.percent(e.loc[0, "er_reach_pooled"]) in text
    assert f.number(len(october)) in text
    month = {"fr": "octobre 2026", "en": "October 2026", "it": "ottobre 2026"}[lang]
    assert month in text


def test_same_inputs_give_the_same_pdf(ds):
    def build():
        rep = BrandReport(ds, "2026-10", lang="fr")
        rep.kpi_table()
        rep.engagement_charts()
        return rep.pdf_bytes()
    assert build() == build()


def test_write_pdf_is_atomic(ds, tmp_path):
    rep = BrandReport(ds, "2026-10", lang="en")
    rep.kpi_table()
    out = rep.write_pdf(tmp_path / "a" / "r.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.parent.iterdir()] == ["r.pdf"]


def test_write_pdf_writes_the_calendars_beside_the_pdf_and_none_without_it(ds, tmp_path,
                                                                            monkeypatch):
    """The calendars are made while Typst compiles the PDF, and written after it: the same
    files as write_calendars; none when the PDF cannot be made."""
    import typst

    rep = BrandReport(ds, "2026-10", lang="fr")
    rep.best_times(platforms=["instagram"])
    out = rep.write_pdf(tmp_path / "a" / "r.pdf")
    assert out.read_bytes() == rep.pdf_bytes()
    assert sorted(p.name for p in out.parent.iterdir()) == ["r-instagram.ics", "r.pdf"]
    [alone] = rep.write_calendars(tmp_path / "b" / "r.pdf")
    assert (out.parent / "r-instagram.ics").read_bytes() == alone.read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("error: unknown font")

    monkeypatch.setattr(typst, "compile", broken)
    with pytest.raises(ReportError, match="Typst could not render the report: error: unknown"):
        rep.write_pdf(tmp_path / "c" / "r.pdf")
    assert not (tmp_path / "c").exists()


def test_a_typst_too_old_for_the_report_is_said(ds, tmp_path, monkeypatch):
    """typst's compile takes ``timestamp`` (the PDF's fixed creation time) from 0.15 on; an
    older one raised a bare TypeError out of the report's last cell."""
    import typst

    def compile_0_14(input, output=None, root=None, font_paths=(), ignore_system_fonts=False,
                     format=None, ppi=None, sys_inputs=None):     # typst 0.14's parameters
        raise AssertionError("not reached: called with timestamp=")

    monkeypatch.setattr(typst, "compile", compile_0_14)
    rep = BrandReport(ds, "2026-10", lang="fr")
    rep.kpi_table()
    with pytest.raises(ReportError, match=r"the typst package \S+ cannot render the report "
                                          r"\(.*timestamp.*\); expected typst>=0\.15"):
        rep.write_pdf(tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()


def test_section_reads_as_plain_text(ds):
    """A section's text repr (a console, a notebook's text view) reads as the section: it was
    the dataclass' one line of block dicts."""
    rep = BrandReport(ds, "2026-10", lang="fr")
    text = repr(rep.kpi_table())
    october = posts_in_period(ds.posts, rep.period, "Europe/Paris")
    e = metrics.engagement(october, by=None)
    f = Formatter("fr")
    lines = text.splitlines()
    assert lines[:2] == ["Chiffres clés par plateforme", "=" * 28]
    assert f"Interactions: {f.number(e.loc[0, 'interactions'])}" in lines[3]
    assert f"Publications: {len(october)}" in lines[3]
    assert "{'kind'" not in text and "blocks=" not in text
    assert repr(rep.engagement_charts()).splitlines()[3] == \
        "[figure: Interactions par jour de publication]"


def test_section_displays_as_html(ds):
    rep = BrandReport(ds, "2026-10", lang="fr")
    html = rep.engagement_charts()._repr_html_()
    # each figure is shown as an <img> of the very SVG that goes to the PDF
    shown = re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html)
    assert [base64.b64decode(s) for s in shown] == list(rep.figures.values())
    assert len(shown) == 2 and html.count("<figure") == 2
    assert np.isfinite(rep.engagement_table()["posts"].astype(float)).all()


def test_printable_drops_pictographs_and_keeps_text_signs():
    from smmanalytics.report.sections import printable

    assert printable("Zoom 🔬 lot n° 2619 ✨👩‍🔬 © 12 €\n  fin") == "Zoom lot n° 2619 © 12 € fin"


def test_chart_text_stays_text_in_the_figures_font(ds):
    """Figures keep their words as SVG text in DejaVu Sans, the font matplotlib ships; Typst
    is given that font, so the PDF holds the chart's words as searchable text in that font."""
    import matplotlib.pyplot as plt

    rep = BrandReport(ds, "2026-10", lang="fr")
    sec = rep.section("Essai")
    fig, ax = plt.subplots(figsize=(4, 2))
    ax.bar(["Zébulon", "Ondine"], [3, 5])
    ax.set_title("Portée médiane 12,5 %")
    rep.figure(sec, fig)
    svg = next(iter(sec.figures.values())).decode()
    assert "<text" in svg and "DejaVu Sans" in svg and ">Zébulon</text>" in svg
    data = rep.pdf_bytes()
    text = _pdf_text(data)
    assert "Zébulon" in text and "Portée médiane 12,5 %" in text
    assert re.search(rb"/BaseFont ?/[A-Z]{6}\+DejaVuSans", data)     # embedded, subset


@pytest.mark.parametrize("lang,numbers", [("fr", {"2\u202f500", "0,8×", "1,25×"}),
                                          ("en", {"2,500", "0.8×", "1.25×"})])
def test_figure_numbers_are_written_the_readers_way(ds, lang, numbers):
    """Tick labels that are plain numbers (an axis' own, a colour bar's fixed "0.8×") are
    written in the report language; dates and labels with words or units are left alone."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    rep = BrandReport(ds, "2026-10", lang=lang)
    sec = rep.section("Essai")
    fig, (a, b, c) = plt.subplots(1, 3, figsize=(9, 2))
    a.plot([0, 1], [0, 2500])
    a.set_yticks([0, 2500])
    b.set_yticks([0.8, 1.25], ["0.8×", "1.25×"])
    days = pd.to_datetime(["2026-10-01", "2026-10-15"])
    c.plot(days, [1, 2])
    c.xaxis.set_major_locator(mdates.DayLocator([1, 15]))
    c.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    c.set_yticks([1, 2], ["1 h", "2 h"])
    rep.figure(sec, fig)
    svg = next(iter(sec.figures.values())).decode()
    texts = set(re.findall(r">([^<>]+)</text>", svg))
    assert numbers <= texts
    assert {"2026-10-01", "2026-10-15", "1 h", "2 h"} <= texts


def test_laid_out_figures_are_saved_uncropped_others_cropped(ds):
    """A figure laid out by its engine fits its canvas and is saved at its own size; a figure
    without one is cropped to what it draws."""
    import matplotlib.pyplot as plt

    rep = BrandReport(ds, "2026-10", lang="en")
    sec = rep.section("Sizes")
    for layout in ("constrained", None):
        fig, ax = plt.subplots(figsize=(4, 2), layout=layout)
        ax.plot([0, 1], [0, 1])
        rep.figure(sec, fig)
    laid_out, plain = (re.search(r'<svg[^>]*width="([\d.]+)pt"', svg.decode()).group(1)
                       for svg in sec.figures.values())
    assert float(laid_out) == 288.0                   # 4 in × 72 pt
    assert float(plain) < 288.0


def test_cropped_figures_get_savefigs_own_tight_box(ds):
    """A figure without a layout engine is cropped to the box savefig's "tight" finds (text
    past the axes, a colour bar, a legend outside, a title), measured without savefig's
    extra drawing pass; the figure keeps its size and resolution for the caller."""
    import matplotlib
    import matplotlib.pyplot as plt

    from smmanalytics.report.builder import _FIGURE_RC, _reader_numbers

    def figure():
        fig, ax = plt.subplots(figsize=(5, 2), dpi=150)
        img = ax.imshow(np.arange(24.0).reshape(2, 12), aspect="auto")
        fig.colorbar(img, ax=ax, label="a rather long colour bar label")
        ax.set_ylabel("Lun.\nMar.", rotation=0, ha="right")
        ax.set_title("Meilleures heures, fuseau Europe/Paris", y=1.0)
        ax.plot([0, 11], [0, 1], label="a legend placed outside the axes")
        ax.legend(loc="upper left", bbox_to_anchor=(1.3, 1.0))
        return fig

    rep = BrandReport(ds, "2026-10", lang="fr")
    sec = rep.section("Box")
    first = figure()
    rep.figure(sec, first)
    assert first.dpi == 150 and list(first.get_size_inches()) == [5, 2]
    got = next(iter(sec.figures.values())).decode()
    want = io.BytesIO()
    second = figure()
    _reader_numbers(second, rep.fmt)      # its ticks written as the report writes them
    with matplotlib.rc_context(_FIGURE_RC):
        second.savefig(want, format="svg", bbox_inches="tight", metadata={"Date": None})
    box = re.compile(r'<svg[^>]*width="([\d.]+)pt" height="([\d.]+)pt" viewBox="([^"]+)"')
    assert box.search(got).groups() == box.search(want.getvalue().decode()).groups()
    assert float(box.search(got).group(1)) > 5 * 72        # the legend outside is kept


def test_figures_laid_out_beforehand_are_saved_as_laid_out(ds):
    """A figure laid out by ``tight_layout`` (its engine a placeholder) is saved uncropped,
    as savefig saves it, without savefig's drawing pass for a layout engine."""
    import matplotlib
    import matplotlib.pyplot as plt

    from smmanalytics.report.builder import _FIGURE_RC

    def figure():
        fig, axes = plt.subplots(1, 2, figsize=(8, 2.6))
        for ax in axes:
            ax.barh(["Paris", "Lyon", "Marseille"], [0.5, 0.3, 0.2])
            ax.set_title("Instagram · Villes", loc="left", y=1.0)
        fig.tight_layout()
        return fig

    rep = BrandReport(ds, "2026-10", lang="en")     # tick labels as matplotlib writes them
    sec = rep.section("Audience")
    rep.figure(sec, figure())
    got = next(iter(sec.figures.values()))
    want = io.BytesIO()
    with matplotlib.rc_context(_FIGURE_RC):
        figure().savefig(want, format="svg", metadata={"Date": None})

    def ids(svg):     # clip-path ids hash the clip box, equal to the last digit
        return re.sub(rb'#?p[0-9a-f]{10}|id="[^"]*"', b"ID", svg)

    assert ids(got) == ids(want.getvalue())
    assert b'width="576pt" height="187.2pt"' in got


@pytest.mark.parametrize("lang,lowest", [("fr", "-1\u00a0M"), ("it", "-1\u00a0Mln")])
def test_a_figure_laid_out_beforehand_is_laid_out_again_for_the_readers_ticks(ds, lang,
                                                                               lowest):
    """An analyst's figure laid out with tight_layout() had its y labels cut off: the layout
    measured matplotlib's labels ("-1.0" under a "1e6"), and the report wrote longer ones
    ("-1 Mln"). Where the labels change, the figure is laid out again: every tick label
    lies within the figure (the test above: where they do not, the layout is kept)."""
    import matplotlib.pyplot as plt

    from smmanalytics.report.builder import _FIGURE_RC

    rep = BrandReport(ds, "2026-10", lang=lang)
    sec = rep.section("Analyse")
    fig, ax = plt.subplots(figsize=(3, 2.6))
    ax.plot([0, 1, 2], [-1_250_000, 300_000, 2_000_000])
    fig.tight_layout()
    rep.figure(sec, fig)
    with plt.rc_context(_FIGURE_RC):
        fig.canvas.draw()
        labels = [t for t in ax.get_yticklabels() if t.get_text()]
        boxes = [t.get_window_extent() for t in labels]
    assert lowest in [t.get_text() for t in labels]        # -1 M, 0, 1 M, 2 M
    assert min(b.x0 for b in boxes) >= 0


def test_a_brand_without_exports_gets_a_report_that_says_so(tmp_path):
    """An agency's batch may meet a brand whose exports are not in yet: each section says
    there is nothing, rather than an empty heading or "every watched signal stayed within
    its usual range" when nothing is watched."""
    import smmanalytics as smm

    with pytest.warns(smm.DataQualityWarning, match="^no export was found in "):
        ds = smm.load(tmp_path, cache=False)
    rep = BrandReport(ds, "2026-10", lang="en")

    def texts(sec):
        return [b["text"] for b in sec.blocks if b["kind"] == "text"]

    assert texts(rep.benchmarks()) == [rep.fmt.label("benchmarks_none")]
    assert texts(rep.best_times()) == [rep.fmt.label("bt_no_posts")]
    assert texts(rep.alerts()) == [rep.fmt.label("alerts_no_signal")]
    assert "Nothing to watch" in rep.fmt.label("alerts_no_signal")
    assert rep.pdf_bytes().startswith(b"%PDF")


def test_figures_are_numbered_without_gaps(ds):
    """A figure without a caption (an audience panel) shows no number, so it takes none: the
    captioned figures after it go on from the last number shown (Fig. 1, then Fig. 2, not 3)."""
    import matplotlib.pyplot as plt

    rep = BrandReport(ds, "2026-10", lang="en")
    sec = rep.section("Figures")
    for caption in ("First chart", None, None, "Second chart"):
        fig, ax = plt.subplots(figsize=(3, 1))
        ax.plot([0, 1], [0, 1])
        rep.figure(sec, fig, caption=caption)
    text = _pdf_text(rep.pdf_bytes())
    numbers = re.findall(r"Figure\s(\d+):\s(\w+)", text)
    assert numbers == [("1", "First"), ("2", "Second")]


@pytest.mark.parametrize("args,error,match", [
    ({"lang": "de"}, "ArgumentError", "argument 'lang'.*one of en, fr, it"),
    ({"kind": "bogus"}, "ArgumentError", "argument 'kind'.*one of monthly, campaign"),
])
def test_a_report_names_a_language_or_kind_it_does_not_have(ds, args, error, match):
    """lang="de" gave a bare ValueError, kind="bogus" was taken."""
    from smmanalytics import errors

    with pytest.raises(getattr(errors, error), match=match):
        BrandReport(ds, "2026-10", **args)


def test_a_report_kind_is_taken_as_the_command_line_spells_it(ds):
    """BrandReport(kind="best-times"), the kind as `smm report` and batches write it, raised
    "not a kind of report"; it is the best_times report."""
    best = BrandReport(ds, "2026-10", kind="best-times", lang="en")
    assert best.title == BrandReport(ds, "2026-10", kind="best_times", lang="en").title
    assert best.title != BrandReport(ds, "2026-10", lang="en").title


def test_a_report_of_a_posts_frame_asks_for_the_dataset(ds):
    """BrandReport(ds.posts, …) gave "'DataFrame' object has no attribute 'brand'"."""
    from smmanalytics.errors import ArgumentTypeError

    with pytest.raises(ArgumentTypeError, match="BrandReport takes a Dataset"):
        BrandReport(ds.posts, "2026-10")


def test_a_heading_is_kept_with_its_lines_and_figure_or_table():
    """A best-times platform's heading and summary stood at the foot of a page and its heatmap
    on the next, and the data quality's heading and counts, their table on the next: a heading
    that leads to a figure or a table through at most three lines of text or notes is kept
    with it (one unbreakable block in the PDF, where they fit on a page)."""
    from smmanalytics.report.builder import _kept_together

    h = {"kind": "heading", "level": 2, "text": "Instagram"}
    t, n = {"kind": "text", "text": "p = 0.002"}, {"kind": "note", "text": "per reach"}
    fig, tab = {"kind": "figure", "path": "f.svg"}, {"kind": "table"}
    b = {"kind": "bullets", "items": ["a"]}
    assert _kept_together([h, t, n, fig, tab]) == [{"kind": "keep", "blocks": [h, t, n, fig]},
                                                   tab]
    assert _kept_together([h, tab, fig]) == [{"kind": "keep", "blocks": [h, tab]}, fig]
    assert _kept_together([h, t, tab]) == [{"kind": "keep", "blocks": [h, t, tab]}]
    assert _kept_together([h, t, t, t, t, fig]) == [h, t, t, t, t, fig]
    assert _kept_together([h, b, tab]) == [h, b, tab]
    assert _kept_together([t, fig]) == [t, fig]
    assert _kept_together([t, tab]) == [t, tab]


def test_a_tables_caption_stays_with_its_last_rows():
    """The comparison's caption stood alone at the top of a page, its table on the one before:
    whatever the text above a table, its caption is on the page of its last row."""
    from smmanalytics.report.builder import Report

    brand = Brand(name="Acme", timezone="Europe/Paris", language="en")
    for lines in range(38, 50):          # one of them puts the last row at a page's foot
        rep = Report(title="t", period_label="p", brand=brand, lang="en", toc=False)
        sec = rep.section("Section")
        rep.bullets(sec, [f"line {i}" for i in range(lines)])
        rep.table(sec, pd.DataFrame({"a": [f"row {i}" for i in range(4)] + ["LASTROW"]}),
                  caption="CAPTIONTEXT")
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(rep.pdf_bytes())).pages]
        assert [i for i, p in enumerate(pages) if "CAPTIONTEXT" in p] == \
            [i for i, p in enumerate(pages) if "LASTROW" in p], lines


def _pages_of(rep) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(rep.pdf_bytes())).pages]


def _rows_per_page(pages: list[str], rows: int) -> dict[int, list[int]]:
    """Page → the rows ("ROW007") of the table laid out on it."""
    found = {i: [r for r in range(rows) if f"ROW{r:03d}" in p] for i, p in enumerate(pages)}
    return {i: r for i, r in found.items() if r}


def _filled_report(lines: int):
    """A report whose first section holds ``lines`` lines of text, and its second section."""
    from smmanalytics.report.builder import Report

    brand = Brand(name="Acme", timezone="Europe/Paris", language="en")
    rep = Report(title="t", period_label="p", brand=brand, lang="en", toc=False)
    sec = rep.section("Section")
    rep.bullets(sec, [f"line {i}" for i in range(lines)])
    return rep, rep.section("TABLEHEADING", level=2)


def _table(rows: int) -> pd.DataFrame:
    return pd.DataFrame({"HEADCOL": [f"ROW{i:03d}" for i in range(rows)],
                         "value": [f"{i * 37}" for i in range(rows)]})


def test_a_table_that_fits_on_a_page_is_never_broken():
    """The top posts and the best-times slots broke after a row or two at a page's foot: a
    table that fits on a page moves whole to the next, with its heading and lead-in line,
    wherever the text above it ends."""
    moved = set()
    for lines in range(30, 50):          # the table's start goes down the page, then off it
        rep, sec = _filled_report(lines)
        rep.text(sec, "LEADIN line.")
        rep.table(sec, _table(12), caption="CAPTIONTEXT")
        pages = _pages_of(rep)
        on = _rows_per_page(pages, 12)
        assert len(on) == 1 and list(on.values())[0] == list(range(12)), (lines, on)
        (page,) = on
        assert "TABLEHEADING" in pages[page] and "LEADIN" in pages[page], lines
        assert "CAPTIONTEXT" in pages[page], lines
        moved.add("line 0" in pages[page])
    assert moved == {True, False}        # some tables stood under the text, others moved


def test_a_long_table_repeats_its_header_and_breaks_after_its_first_rows():
    """A table longer than a page breaks: its header row is repeated on each page, no page
    ends with its header and fewer than three rows, nor starts with fewer than three of its
    last rows; its heading stays on the page of its first rows."""
    n = 70
    for lines in range(30, 50):
        rep, sec = _filled_report(lines)
        rep.table(sec, _table(n), caption="CAPTIONTEXT")
        pages = _pages_of(rep)
        on = _rows_per_page(pages, n)
        assert len(on) >= 2, lines
        assert sum(on.values(), []) == list(range(n)), lines      # in order, each row once
        assert all(len(rows) >= 3 for rows in on.values()), (lines, on)
        assert all("HEADCOL" in pages[i] for i in on), lines
        assert "TABLEHEADING" in pages[min(on)] and "CAPTIONTEXT" in pages[max(on)], lines


def test_notes_go_with_the_figure_table_or_cards_they_qualify():
    """A note right after a figure, a table or KPI cards qualifies it and is laid out with it
    (the best-times' "Posts left out" note stood alone at a page's top, its table on the page
    before), and so is a line of text between them (the alerts' yearly total, between their
    table and the note on its likely range); the report's own blocks are left as they were."""
    from smmanalytics.report.builder import _notes_attached

    n1, n2 = {"kind": "note", "text": "left out"}, {"kind": "note", "text": "range"}
    t = {"kind": "text", "text": "total"}
    tab, fig = {"kind": "table", "rows": []}, {"kind": "figure", "path": "f.svg"}
    kpis = {"kind": "kpis", "items": []}
    blocks = [tab, n1, fig, t, n1, n2, kpis, n2, t, tab, t, t, n1]
    assert _notes_attached(blocks) == [
        {**tab, "notes": [n1]}, {**fig, "notes": [t, n1, n2]}, {**kpis, "notes": [n2]},
        t, tab, t, t, n1]
    assert blocks[0] == {"kind": "table", "rows": []}          # not changed
    assert _notes_attached([t, n1, fig]) == [t, n1, fig]      # a note before leads in


def test_a_heading_is_kept_with_its_cards_and_with_its_first_sub_heading():
    """The ROI's heading and KPI cards ended a page, its table on the next, and the best
    times' heading and lines ended a page, the first platform's heading and heatmap on the
    next: cards lead in to a table as lines do, and a heading that leads to a sub-heading is
    kept with the sub-heading's keep."""
    from smmanalytics.report.builder import _kept_together

    h1, h2 = {"kind": "heading", "level": 1, "text": "ROI"}, {"kind": "heading", "level": 2,
                                                                "text": "Facebook"}
    t, kpis = {"kind": "text", "text": "p = 0.002"}, {"kind": "kpis", "items": []}
    fig, tab = {"kind": "figure", "path": "f.svg"}, {"kind": "table"}
    b = {"kind": "bullets", "items": ["a"]}
    assert _kept_together([h1, kpis, tab, fig]) == [{"kind": "keep", "blocks": [h1, kpis, tab]},
                                                    fig]
    assert _kept_together([h1, t, h2, t, fig, tab]) == [
        {"kind": "keep", "blocks": [h1, t, {"kind": "keep", "blocks": [h2, t, fig]}]}, tab]
    assert _kept_together([h1, h2, tab]) == [
        {"kind": "keep", "blocks": [h1, {"kind": "keep", "blocks": [h2, tab]}]}]
    # a sub-heading that leads to no figure or table: each heading sticks to its next block
    assert _kept_together([h1, t, h2, b]) == [h1, t, h2, b]


def _first_page(pages: list[str], text: str) -> int:
    return next(i for i, p in enumerate(pages) if text in p)


def test_a_note_stays_on_the_page_of_its_tables_last_row():
    """Whatever the text above a table, the note under it is on the page of its last row
    (the best-times' "Posts left out" note stood alone at the top of a page)."""
    for lines in range(36, 50):          # one of them puts the last row at a page's foot
        rep, sec = _filled_report(lines)
        rep.table(sec, _table(8), caption="CAPTIONTEXT")
        rep.text(sec, "NOTETEXT: posts left out.", note=True)
        pages = _pages_of(rep)
        assert _first_page(pages, "NOTETEXT") == _first_page(pages, "ROW007"), lines


def test_a_heading_and_its_cards_stay_with_their_table():
    """The ROI's heading, its KPI cards and their note stood at a page's foot, the section's
    table on the next: the heading is on the page of the table's first row, and so are the
    cards and their note."""
    for lines in range(30, 50):
        rep, _ = _filled_report(lines)
        sec = rep.section("ROIHEADING")
        rep.kpis(sec, [{"label": "CARDLABEL", "value": "164 %"}, {"label": "ROAS", "value": "7"}])
        rep.text(sec, "FORMULANOTE: ROI = (value − cost) ÷ cost.", note=True)
        rep.table(sec, _table(3))
        pages = _pages_of(rep)
        first = _first_page(pages, "ROW000")
        assert [_first_page(pages, s) for s in ("ROIHEADING", "CARDLABEL", "FORMULANOTE")] \
            == [first] * 3, lines


def test_a_heading_and_its_lines_stay_with_the_first_sub_section():
    """The best times' heading and its lines ended a page, the first platform's heading and
    heatmap starting the next: the heading is on the page of the first sub-heading and its
    figure."""
    import matplotlib.pyplot as plt

    for lines in range(20, 46):
        rep, _ = _filled_report(lines)
        sec = rep.section("BESTTIMES")
        rep.text(sec, "INTROLINE " + "The hours are the audience's. " * 12)
        sub = rep.section("PLATFORMX", level=2)
        rep.text(sub, "No reliable effect of the hour.")
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.plot([0, 1], [0, 1])
        rep.figure(sub, fig, caption="FIGCAPTION")
        pages = _pages_of(rep)
        assert _first_page(pages, "BESTTIMES") == _first_page(pages, "PLATFORMX") \
            == _first_page(pages, "FIGCAPTION"), lines


@pytest.mark.parametrize("sub_heading", [False, True])
def test_lines_too_long_to_share_a_page_with_their_figure_leave_no_page_blank(sub_heading):
    """A heading whose lines and figure (or sub-section) do not fit on one page: the lines
    stuck to the figure, which cannot break, and Typst left a page blank before them (only
    its header and footer). Now the heading keeps to its first line, the lines flow, and the
    figure follows them, on the next page if need be; no page is blank."""
    import matplotlib.pyplot as plt

    for lines in (0, 24, 48):
        rep, _ = _filled_report(lines)
        sec = rep.section("BESTTIMES")
        rep.text(sec, "INTROLINE " + "The hours are the audience's. " * 60)
        rep.text(sec, "LASTLEAD " + "The hours are the audience's. " * 30)
        if sub_heading:
            sec = rep.section("PLATFORMX", level=2)
        fig, ax = plt.subplots(figsize=(6, 7.5))
        ax.plot([0, 1], [0, 1])
        rep.figure(sec, fig, caption="FIGCAPTION")
        pages = _pages_of(rep)
        assert all(any(s in p for s in ("line ", "audience's", "FIGCAPTION")) for p in pages[1:]), \
            (lines, [len(p) for p in pages])
        assert _first_page(pages, "BESTTIMES") == _first_page(pages, "INTROLINE"), lines


def _baseline_of(pdf: bytes, word: str) -> tuple[int, float]:
    """The page and the height on it (PDF points from its foot) of the first text run holding
    ``word``."""
    for i, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):
        found: list[float] = []

        def visit(text, cm, tm, font, size, found=found):
            if word in text:
                found.append(tm[5] * cm[3] + cm[5])

        page.extract_text(visitor_text=visit)
        if found:
            return i, found[0]
    raise AssertionError(f"{word} is on no page")


def test_a_heading_kept_with_its_table_keeps_the_space_above_it():
    """A heading kept with its table (a block that may not break) stood tight under the lines
    before it, the space above a heading dropped at the top of that block (the goals' heading
    under the table of contents): it has the space of a heading that stands alone, at both
    levels."""
    from smmanalytics.report.builder import Report

    brand = Brand(name="Acme", timezone="Europe/Paris", language="en")
    for level in (1, 2):
        gaps = []
        for kept in (True, False):
            rep = Report(title="t", period_label="p", brand=brand, lang="en", toc=False)
            rep.bullets(rep.section("Section"), ["PREVLINE"])
            sec = rep.section("HEADWORD", level=level)
            if kept:
                rep.table(sec, _table(3))
            else:
                rep.bullets(sec, ["a line"])
            pdf = rep.pdf_bytes()
            (page, before), (page_of_heading, heading) = (_baseline_of(pdf, "PREVLINE"),
                                                          _baseline_of(pdf, "HEADWORD"))
            assert page == page_of_heading
            gaps.append(before - heading)
        assert gaps[0] == pytest.approx(gaps[1], abs=0.5), (level, gaps)


@pytest.mark.parametrize("lang,ticks", [
    ("fr", ["-1\u202f000", "-500", "0", "500", "1\u202f000"]),
    ("it", ["-1.000", "-500", "0", "500", "1.000"]),
])
def test_chart_ticks_write_minus_as_the_tables_do(ds, lang, ticks):
    """Charts wrote matplotlib's minus (U+2212, "−100") where the tables, through Babel, write
    the language's ("-150"): a reader saw two signs in one report. Plain-number ticks now
    take the tables' sign and grouping."""
    import matplotlib.pyplot as plt

    from smmanalytics.report.builder import _reader_numbers

    rep = BrandReport(ds, "2026-10", lang=lang)
    fig, ax = plt.subplots()
    ax.bar(["a", "b"], [-1000, 1000])
    ax.set_yticks([-1000, -500, 0, 500, 1000])
    _reader_numbers(fig, rep.fmt)
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_yticklabels()] == ticks
    plt.close(fig)


def test_a_long_word_wraps_inside_its_column():
    """Typst breaks lines at spaces and hyphens only: a caption of 300 W ran off the page, a
    long URL under the next column. A run of 25 or more characters without a space may now
    break after a separator and every 10 characters (the template's show rule): the 300 W
    come on lines of their own in the PDF, each narrower than the caption column (on an A4
    page in 8.5 pt, 50-odd W fit a line: at most 60), and the number of the next column
    stays on the first of them."""
    from smmanalytics.report.builder import Report

    r = Report(title="T", period_label="P", brand=Brand())
    sec = r.section("S")
    r.table(sec, pd.DataFrame({"Caption": ["W" * 300], "Interactions": ["12"]}))
    assert r.blocks[-1]["rows"] == [["W" * 300, "12"]]      # the model keeps the text as is
    text = PdfReader(io.BytesIO(r.pdf_bytes())).pages[-1].extract_text()
    assert "\u200b" not in text
    lines = [line for line in text.splitlines() if line.startswith("W")]
    assert "".join(line.removesuffix(" 12") for line in lines) == "W" * 300
    assert len(lines) >= 5 and max(len(line) for line in lines) <= 60


def test_long_names_and_urls_stay_searchable_in_the_pdf():
    """The zero-width spaces that let long runs wrap (383b5a6) were between every character
    of a file's name or a URL in the PDF's text ("f\u200ba\u200bc…"): neither could be found
    nor copied. A run breaks now only where its column cannot hold it, and a break leaves no
    character in the text: a name that fits its column is found as written, in a table, a
    text and the cover; one that must wrap (in a column of about 15 characters) comes back
    whole once the line ends are taken away."""
    from smmanalytics.report.builder import Report

    name = "facebook_posts_2025-09-01_2025-09-30_2025-10-02.csv"
    url = "https://shop.example.com/products/serum-eclat-30ml"
    r = Report(title="T", period_label="P", brand=Brand(), cover_lines=[f"Read: {name}"])
    sec = r.section("Files")
    r.table(sec, pd.DataFrame({"file": [name], "rows": ["3"]}))
    r.text(sec, f"See {url} for details")
    r.table(sec, pd.DataFrame({"a": ["x " * 40], "b": ["y " * 40], "c": ["z " * 40],
                               "d": ["w " * 40], "link": [url]}))
    pages = PdfReader(io.BytesIO(r.pdf_bytes())).pages
    text = "".join(p.extract_text() for p in pages)
    assert "\u200b" not in text
    assert name in pages[0].extract_text()                          # the cover
    assert text.count(name) == 2 and f"See {url} for details" in text
    assert text.count(url) == 1                                     # the narrow column's wraps
    assert "".join(text.split()).count(url) == 2


def _figure_alts(pdf: bytes) -> list[str | None]:
    """The alternative text of each /Figure of the PDF's tag tree, in reading order."""
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"].get_object()
    alts, todo = [], [root]
    while todo:
        node = todo.pop(0).get_object()
        if not hasattr(node, "get"):
            continue
        if node.get("/S") == "/Figure":
            alts.append(node.get("/Alt"))
        kids = node.get("/K")
        kids = kids if isinstance(kids, list) else [] if kids is None else [kids]
        todo[:0] = kids                                     # depth first: the reading order
    return alts


@pytest.mark.parametrize("lang,first,panels", [
    ("fr", "Fig. 1 – Premier graphique", "Répartition de l'audience, en part de l'audience : "
                                         "Âge et Genre"),
    ("it", "Figura 1 – Premier graphique", "Ripartizione del pubblico, in quota del pubblico: "
                                           "Âge e Genre"),
])
def test_every_figure_has_alternative_text_in_the_report_language(ds, tmp_path, lang, first,
                                                                  panels):
    """The charts and the cover logo were bare /Figure tags (no /Alt): a screen reader said
    "figure" and nothing more. A captioned figure is said by its number and caption as printed,
    a figure without one (the audience panels) by the description given, the logo by the
    brand's name."""
    import dataclasses

    import matplotlib.pyplot as plt

    (tmp_path / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg' width='10' "
                                       "height='10'/>", encoding="utf-8")
    brand = dataclasses.replace(ds.brand, logo=tmp_path / "logo.svg")
    from smmanalytics.report.builder import Report

    rep = Report(title="T", period_label="P", brand=brand, lang=lang)
    sec = rep.section("Figures")
    for caption in ("Premier graphique", None, "Second graphique"):
        fig, ax = plt.subplots(figsize=(3, 1))
        ax.plot([0, 1], [0, 1])
        titles = rep.fmt.listed(["Âge", "Genre"])
        rep.figure(sec, fig, caption=caption,
                   alt=rep.fmt.label("audience_panels").format(panels=titles))
    logo = {"fr": f"Logo de {brand.name}", "it": f"Logo di {brand.name}"}[lang]
    assert _figure_alts(rep.pdf_bytes()) == [         # said as printed: "audience :"
        logo, first, rep.fmt.typeset(panels),
        first.replace("1", "2").replace("Premier", "Second")]


def test_the_pdf_title_names_the_brand_the_report_and_its_period(ds):
    """Every report's PDF was titled "Rapport mensuel réseaux sociaux": a viewer's title bar
    and a folder's search could not tell one brand's or month's from another."""
    rep = BrandReport(ds, "2026-10", lang="fr")
    meta = PdfReader(io.BytesIO(rep.pdf_bytes())).metadata
    assert meta.title == "Maison Sève — Rapport mensuel réseaux sociaux — octobre 2026"


@pytest.mark.parametrize("lang,values,ticks", [
    ("fr", [0, 675_000], {"0", "100\u202f000", "600\u202f000"}),
    ("fr", [0, 1_500_000], {"0", "0,2\u00a0M", "1,4\u00a0M"}),
    ("en", [0, 1_500_000], {"0", "0.2m", "1.4m"}),
    ("it", [0, 1_200_000_000], {"0", "0,2\u00a0Mld", "1,2\u00a0Mld"}),
    ("fr", [1_000_000, 1_000_050], {"1\u202f000\u202f000", "1\u202f000\u202f050"}),
])
def test_large_axis_numbers_are_written_without_an_offset(ds, lang, values, ticks):
    """A 1 500 000 € bar had its axis written "0,0 … 1,4" beside a bare "1e6" (and an axis
    from 1 000 000 to 1 000 050 "0 … 50" beside "+1e6"): matplotlib's notation, in no
    language, read as 1,4 €. Nothing stands beside the axis now: ticks below a million are
    the numbers in full, the reader's way; from a million on, in the language's short form
    in one unit (written in full they ran into each other), unless no three decimals write
    them exactly (1 000 050). Matplotlib ticks 0 to 675 000 every 100 000, 0 to 1 500 000
    every 200 000 (0 … 1,4 M), 0 to 1.2 bn every 200 M (0 … 1,2 Mld: Italian's "miliardi"),
    1 000 000 to 1 000 050 every 10; British English (the reports' en) writes m and bn."""
    import matplotlib.pyplot as plt

    rep = BrandReport(ds, "2026-10", lang=lang)
    sec = rep.section("Coûts")
    fig, ax = plt.subplots(figsize=(6, 2))
    ax.barh(["a", "b"], values)
    ax.set_xlim(*values)
    rep.figure(sec, fig)
    texts = set(re.findall(r">([^<>]+)</text>", next(iter(sec.figures.values())).decode()))
    assert ticks <= texts
    assert not [t for t in texts if "e" in t]                  # no "1e6" nor "+1e6"


@pytest.mark.parametrize("lang", ["fr", "en", "it"])
@pytest.mark.parametrize("total", [675_000, 1_650_000, 15_000_000, 1_200_000_000])
def test_cost_axis_tick_labels_do_not_run_into_each_other(lang, total):
    """The costs-by-campaign chart (7 × 2.2 in, as the performance section draws it) of two
    campaigns costing 1.65 M € in all read "800 0001 000 0001 200 000…" under its bars; at
    15 M and 1.2 bn worse. Each x tick label now ends before the next one starts."""
    import itertools

    import matplotlib.pyplot as plt

    from smmanalytics import plots
    from smmanalytics.report.builder import _FIGURE_RC, _reader_numbers
    from smmanalytics.report.formatting import Formatter
    from smmanalytics.roi import CATEGORIES, plot_costs

    share = total / 1_650_000
    by = pd.DataFrame({"campaign": ["soldes", "noel"], "currency": "EUR",
                       **{c: [0.0, 0.0] for c in CATEGORIES}})
    by["ad_spend"] = [900_000.0 * share, 450_000.0 * share]
    by["labor"] = [600_000.0 * share, 150_000.0 * share]
    by["production"] = [150_000.0 * share, 75_000.0 * share]
    with plt.rc_context({**plots.theme(), **_FIGURE_RC}):
        fig, ax = plt.subplots(figsize=(7, 2.2))
        plot_costs(by, ax=ax)
        _reader_numbers(fig, Formatter(lang))
        fig.canvas.draw()
        boxes = sorted((t.get_window_extent() for t in ax.get_xticklabels()
                        if t.get_visible() and t.get_text()), key=lambda b: b.x0)
    plt.close(fig)
    assert len(boxes) >= 4
    assert all(a.x1 < b.x0 for a, b in itertools.pairwise(boxes))


@pytest.mark.parametrize("lang", ["fr", "en", "it"])
def test_french_high_punctuation_gets_a_narrow_no_break_space_on_the_way_out(lang):
    """French puts a space before ``: ; ? !`` and inside « »; the templates' ordinary space let
    Typst break a line before ":" or "»" (numbers already had U+202F: "2 000"). The PDF's
    document model and the notebook's HTML set a narrow no-break space (U+202F) there, in
    every text (cover, paragraphs, table cells); a link's address, a time (12:00) and a
    figure's file are left as they are, and so are the blocks (the Formatter's words) and the
    other languages' texts."""
    from smmanalytics.report.builder import Report

    n = "\u202f" if lang == "fr" else " "
    rep = Report(title="Rapport", period_label="octobre 2026", brand=Brand(name="Ondine"),
                 lang=lang, cover_lines=["Publications : 81"])
    sec = rep.section("Qualité")
    text = "Attention : « Réactions » manque ; pourquoi ? Publiez à 12:00 !"
    rep.text(sec, text)
    link = {"text": "Voir : la publication", "link": "https://www.tiktok.com/@o/video/1?lang=fr"}
    rep.table(sec, pd.DataFrame({"Note": ["terminé : objectif manqué", link]}))
    said = f"Attention{n}: «{n}Réactions{n}» manque{n}; pourquoi{n}? Publiez à 12:00{n}!"
    doc = rep.to_json()
    assert doc["cover_lines"] == [f"Publications{n}: 81"]
    [keep] = doc["blocks"]               # the heading kept with its text and table
    [_, paragraph, table] = keep["blocks"]
    assert paragraph["text"] == said
    assert table["rows"] == [[f"terminé{n}: objectif manqué"],
                             [{"text": f"Voir{n}: la publication", "link": link["link"]}]]
    assert said in sec._repr_html_()
    assert rep.blocks[1]["text"] == text                 # the blocks keep the Formatter's words
