"""Charts: what they draw adds up to the data."""

from __future__ import annotations

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from smmanalytics import plots  # noqa: E402
from smmanalytics.report.formatting import Formatter  # noqa: E402


def _bars(ax) -> dict[str, float]:
    labels = [t.get_text() for t in ax.get_yticklabels()]
    return dict(zip(labels, [p.get_width() for p in ax.patches], strict=True))


def test_audience_bars_keep_every_category():
    # TikTok countries: five named ones and the export's own "Others"
    aud = pd.DataFrame({"dimension": "country",
                        "category": ["FR", "BE", "CH", "Others", "CA", "MA"],
                        "share": [0.60, 0.12, 0.10, 0.08, 0.06, 0.04]})
    fig, ax = plt.subplots()
    f = Formatter("fr")
    plots.plot_audience(aud, dimension="country", top=4, ax=ax, name=f.category,
                        other=f.category("others"))
    bars = _bars(ax)
    # the three largest named countries, then one "Autres" bar holding Others + CA + MA
    assert list(bars) == ["FR", "BE", "CH", "Autres"]
    assert bars["Autres"] == pytest.approx(0.08 + 0.06 + 0.04)
    assert sum(bars.values()) == pytest.approx(1.0)
    plt.close(fig)


def test_the_exports_own_other_bar_comes_last():
    # TikTok countries as exported, "Others" larger than the smallest named countries
    aud = pd.DataFrame({"dimension": "country", "category": ["FR", "BE", "Others", "MA", "LU"],
                        "share": [0.71, 0.09, 0.04, 0.03, 0.02]})
    fig, ax = plt.subplots()
    f = Formatter("fr")
    plots.plot_audience(aud, dimension="country", ax=ax, name=f.category,
                        other=f.category("others"))
    assert list(_bars(ax).items()) == [("FR", 0.71), ("BE", 0.09), ("MA", 0.03), ("LU", 0.02),
                                       ("Autres", 0.04)]
    plt.close(fig)


def test_the_exports_leftover_is_told_by_its_word_not_by_the_default_other():
    """With the default ``other="Other"`` (no report Formatter), TikTok's "Others" was sorted
    among the countries (FR, BE, CH, CA, Others, MA, LU) and its gender "Other", a category of
    its own, taken for the leftover. The export's "Others" (or "Autres", "Altri") is the
    leftover bar, named ``other``, last; "Other" is sorted by its share like any gender."""
    countries = pd.DataFrame({"dimension": "country",
                              "category": ["BE", "CA", "CH", "FR", "LU", "MA", "Others"],
                              "share": [0.09, 0.05, 0.06, 0.71, 0.02, 0.03, 0.04]})
    fig, ax = plt.subplots()
    plots.plot_audience(countries, dimension="country", ax=ax)
    assert list(_bars(ax).items()) == [("FR", 0.71), ("BE", 0.09), ("CH", 0.06), ("CA", 0.05),
                                       ("MA", 0.03), ("LU", 0.02), ("Other", 0.04)]
    plt.close(fig)
    # a French export's "Autres", 4 bars: FR, BE, CH, then 0.05 + 0.03 + 0.02 + 0.04 = 0.14
    fig, ax = plt.subplots()
    plots.plot_audience(countries.replace({"Others": "Autres"}), dimension="country", top=4,
                        ax=ax, other="Reste")
    assert _bars(ax) == pytest.approx({"FR": 0.71, "BE": 0.09, "CH": 0.06, "Reste": 0.14})
    assert list(_bars(ax))[-1] == "Reste"
    plt.close(fig)
    # a gender "Other" larger than "Male" (made up) keeps its place by share, not last
    genders = pd.DataFrame({"dimension": "gender", "category": ["Female", "Male", "Other"],
                            "share": [0.60, 0.15, 0.25]})
    fig, ax = plt.subplots()
    plots.plot_audience(genders, dimension="gender", ax=ax)
    assert list(_bars(ax).items()) == [("Female", 0.60), ("Other", 0.25), ("Male", 0.15)]
    plt.close(fig)


def test_ranges_are_shown_in_their_order_all_of_them():
    # LinkedIn company sizes, as many as LinkedIn lists (more than top), in file order
    sizes = ["1", "10001+", "1001-5000", "11-50", "2-10", "201-500", "5001-10000", "501-1000",
             "51-200"]
    shares = [0.08, 0.08, 0.09, 0.19, 0.21, 0.09, 0.02, 0.09, 0.15]
    aud = pd.DataFrame({"dimension": "company_size", "category": sizes, "share": shares})
    fig, ax = plt.subplots()
    plots.plot_audience(aud, dimension="company_size", top=8, ax=ax)
    assert list(_bars(ax).items()) == [
        ("1", 0.08), ("2-10", 0.21), ("11-50", 0.19), ("51-200", 0.15), ("201-500", 0.09),
        ("501-1000", 0.09), ("1001-5000", 0.09), ("5001-10000", 0.02), ("10001+", 0.08)]
    plt.close(fig)


def test_audience_categories_in_the_report_language():
    aud = pd.DataFrame({"dimension": "gender", "category": ["Female", "Male", "Other"],
                        "share": [0.76, 0.21, 0.03]})
    fig, ax = plt.subplots()
    plots.plot_audience(aud, dimension="gender", ax=ax, name=Formatter("it").category)
    assert _bars(ax) == pytest.approx({"Donne": 0.76, "Uomini": 0.21, "Altro genere": 0.03})
    plt.close(fig)



@pytest.mark.parametrize(("lang", "gender", "leftover"), [("en", "Other", "Others"),
                                                          ("fr", "Autre genre", "Autres"),
                                                          ("it", "Altro genere", "Altri")])
def test_the_gender_other_and_the_leftover_read_apart(lang, gender, leftover):
    """A gender "Other" (TikTok's third, not the unspecified: "Unknown" is its own category)
    and the leftover bar (the countries past the top ones) both read "Altro" in Italian, and
    "Autres" in French: the report's two panels side by side could not be told apart."""
    f = Formatter(lang)
    assert (f.category("Other", "gender"), f.category("others")) == (gender, leftover)
    # the report's call, top=3: FR, BE, then the leftover bar, 0.04 (the export's "Others")
    # + 0.03 + 0.02
    aud = pd.DataFrame({"dimension": "country", "category": ["FR", "BE", "Others", "MA", "LU"],
                        "share": [0.71, 0.09, 0.04, 0.03, 0.02]})
    fig, ax = plt.subplots()
    plots.plot_audience(aud, dimension="country", top=3, ax=ax, name=f.category,
                        other=f.category("others"))
    assert _bars(ax) == pytest.approx({"FR": 0.71, "BE": 0.09, leftover: 0.04 + 0.03 + 0.02})
    plt.close(fig)

# LinkedIn's ten seniority levels and its job functions (follower demographics): a French or
# Italian report showed "Entry", "Senior", "Business Development"
_SENIORITIES = ["Unpaid", "Training", "Entry", "Senior", "Manager", "Director", "VP", "CXO",
                "Partner", "Owner"]
_FUNCTIONS = ["Accounting", "Administrative", "Arts and Design", "Business Development",
              "Community and Social Services", "Consulting", "Customer Success and Support",
              "Education", "Engineering", "Entrepreneurship", "Finance", "Healthcare Services",
              "Human Resources", "Information Technology", "Legal", "Marketing",
              "Media and Communication", "Military and Protective Services", "Operations",
              "Product Management", "Program and Project Management", "Purchasing",
              "Quality Assurance", "Real Estate", "Research", "Sales", "Support"]


@pytest.mark.parametrize("lang", ["fr", "it"])
def test_linkedin_seniorities_and_functions_in_the_report_language(lang):
    f = Formatter(lang)
    words = [f.category(c) for c in _SENIORITIES + _FUNCTIONS]
    # a word the languages share (Manager, Marketing, Senior in Italian) may stay as it is;
    # the others must not, and no two categories may read alike
    same = {c for c, w in zip(_SENIORITIES + _FUNCTIONS, words, strict=True) if c == w}
    assert same <= {"Manager", "Marketing", "Finance", "Senior", "Support"}
    assert len(set(words)) == len(words)
    assert (f.category("Entry"), f.category("Business Development")) == {
        "fr": ("Débutant", "Développement commercial"),
        "it": ("Livello iniziale", "Sviluppo commerciale")}[lang]


@pytest.mark.parametrize("days,freq", [(31, "D"), (92, "D"), (93, "W"), (365, "W"),
                                       (731, "W"), (732, "M")])
def test_bar_freq_keeps_bars_visible(days, freq):
    assert plots.bar_freq(days) == freq


def _interaction_posts():
    # Paris days: Mon 5 Oct 2026 (10 + 20), Wed 7 Oct (5), Sun 11 Oct 23:30 (1: still the week
    # of the 5th), Mon 12 Oct (7), Sun 1 Nov (2)
    return pd.DataFrame({
        "platform": ["instagram", "facebook", "instagram", "instagram", "instagram",
                     "instagram"],
        "published_at": pd.to_datetime(["2026-10-05T08:00Z", "2026-10-05T09:00Z",
                                        "2026-10-07T08:00Z", "2026-10-11T21:30Z",
                                        "2026-10-12T08:00Z", "2026-11-01T08:00Z"], utc=True),
        "interactions": [10.0, 20.0, 5.0, 1.0, 7.0, 2.0]})


def _stacks(ax) -> dict[str, tuple[float, float, float]]:
    """Each bar's (left edge as a date, width in days, top) summed over the stack."""
    import matplotlib.dates as mdates

    out: dict[str, list] = {}
    for p in ax.patches:
        left = mdates.num2date(p.get_x()).strftime("%Y-%m-%d %H:%M")
        w, top = out.get(left, (p.get_width(), 0.0))
        out[left] = (round(w, 6), max(top, p.get_y() + p.get_height()))
    return {k: (round(w, 6), top) for k, (w, top) in sorted(out.items())}


def test_interactions_by_week_and_month():
    posts = _interaction_posts()
    fig, ax = plt.subplots()
    plots.plot_daily_interactions(posts, tz="Europe/Paris", ax=ax, freq="W")
    # weeks from Monday 5 Oct (10 + 20 + 5 + 1 = 36), 12 Oct (7), 26 Oct (2); each bar starts
    # 0.1 × 7 = 0.7 days (16:48) into its week and is 0.8 × 7 = 5.6 days wide
    assert _stacks(ax) == {"2026-10-05 16:48": (5.6, 36.0), "2026-10-12 16:48": (5.6, 7.0),
                           "2026-10-26 16:48": (5.6, 2.0)}
    fig, ax = plt.subplots()
    plots.plot_daily_interactions(posts, tz="Europe/Paris", ax=ax, freq="M")
    # October: 43 from 0.1 × 31 = 3.1 days in, 24.8 days wide; November: 2, 3 days in, 24 wide
    assert _stacks(ax) == {"2026-10-04 02:24": (24.8, 43.0), "2026-11-04 00:00": (24.0, 2.0)}
    fig, ax = plt.subplots()
    plots.plot_daily_interactions(posts, tz="Europe/Paris", ax=ax)     # by day, as before
    assert len(_stacks(ax)) == 5 and {w for w, _ in _stacks(ax).values()} == {0.8}
    with pytest.raises(ValueError, match="freq"):
        plots.plot_daily_interactions(posts, tz="Europe/Paris", ax=ax, freq="Y")
    plt.close("all")


def test_interactions_leave_out_empty_bars_but_no_day_and_no_platform():
    """A platform's days without interactions get no bar (nothing to draw), but a day with
    nothing at all keeps one empty bar (it stays on the axis) and a platform with nothing on
    any day keeps its bars (and its legend entry); the stacks are those of every bar."""
    import matplotlib.dates as mdates

    posts = pd.concat([_interaction_posts(), pd.DataFrame({
        "platform": ["x", "facebook"],
        "published_at": pd.to_datetime(["2026-10-07T09:00Z", "2026-10-20T08:00Z"], utc=True),
        "interactions": [0.0, 0.0]})], ignore_index=True)
    fig, ax = plt.subplots()
    plots.plot_daily_interactions(posts, tz="Europe/Paris", ax=ax)
    bars = {(c.get_label(), mdates.num2date(p.get_x() + 0.4).strftime("%m-%d"), p.get_height())
            for c in ax.containers for p in c}
    assert bars == {("facebook", "10-05", 20.0), ("instagram", "10-05", 10.0),
                    ("instagram", "10-07", 5.0), ("instagram", "10-11", 1.0),
                    ("instagram", "10-12", 7.0), ("instagram", "11-01", 2.0),
                    ("facebook", "10-20", 0.0),        # the day of nothing: first platform
                    # X, nothing on any day: every day's bar, for its legend entry
                    *{("x", d, 0.0) for d in ("10-05", "10-07", "10-11", "10-12", "10-20",
                                              "11-01")}}
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["facebook", "instagram", "x"]
    tops = {d: top for d, (_, top) in _stacks(ax).items()}
    assert list(tops.values()) == [30.0, 5.0, 1.0, 7.0, 0.0, 2.0]
    plt.close("all")


def test_interactions_of_posts_read_back_from_csv_or_cut_down():
    import io

    from smmanalytics.errors import ArgumentError, SchemaError

    posts = _interaction_posts()
    back = pd.read_csv(io.StringIO(posts.to_csv(index=False)))     # published_at as text
    fig, ax = plt.subplots()
    plots.plot_daily_interactions(back, tz="Europe/Paris", ax=ax, freq="W")
    # the same weeks as the frame written: 36, 7 and 2 (test_interactions_by_week_and_month)
    assert [top for _, top in _stacks(ax).values()] == [36.0, 7.0, 2.0]
    # without interactions, they are summed from the components: 3 + 4 = 7 on the 5th
    parts = posts.drop(columns="interactions").assign(
        reactions=[3.0, 20.0, 5.0, 1.0, 7.0, 2.0], comments=[4.0, 0, 0, 0, 0, 0])
    fig, ax = plt.subplots()
    plots.plot_daily_interactions(parts, tz="Europe/Paris", ax=ax, freq="W")
    assert [top for _, top in _stacks(ax).values()] == [33.0, 7.0, 2.0]
    with pytest.raises(ArgumentError, match="argument 'freq': not a bar length; expected 'D' "
                       "\\(day\\), 'W' \\(week\\) or 'M' \\(month\\); got 'Y'"):
        plots.plot_daily_interactions(posts, tz="Europe/Paris", freq="Y")
    with pytest.raises(ArgumentError, match="argument 'tz': not an IANA time zone: 'Paris'"):
        plots.plot_daily_interactions(posts, tz="Paris")
    with pytest.raises(SchemaError, match="must be tz-aware datetimes \\(UTC\\); got tz-naive"):
        plots.plot_daily_interactions(
            posts.assign(published_at=posts["published_at"].dt.tz_localize(None)),
            tz="Europe/Paris")
    with pytest.raises(SchemaError, match="plot_daily_interactions: argument 'posts' lacks"):
        plots.plot_daily_interactions(posts.drop(columns="platform"), tz="Europe/Paris")
    plt.close("all")


def test_a_video_dated_to_the_day_stands_on_that_day_west_of_utc():
    """A New York brand's YouTube video dated "Oct 1, 2026" (stored at 00:00 UTC, known to the
    day only) had its bar on 30 September: converted to New York, midnight UTC is 20:00 the day
    before. It stands on 1 October; an Instagram post at the same instant, known to the minute,
    is at 20:00 on 30 September in New York and stays there."""
    import matplotlib.dates as mdates

    posts = pd.DataFrame({
        "platform": ["youtube", "instagram"],
        "published_at": pd.to_datetime(["2026-10-01T00:00Z"] * 2, utc=True),
        "time_precision": pd.Categorical(["day", "minute"]),
        "interactions": [12.0, 5.0]})
    fig, ax = plt.subplots()
    plots.plot_daily_interactions(posts, tz="America/New_York", ax=ax)
    bars = {(c.get_label(), mdates.num2date(p.get_x() + 0.4).strftime("%m-%d"), p.get_height())
            for c in ax.containers for p in c if p.get_height() > 0}
    assert bars == {("youtube", "10-01", 12.0), ("instagram", "09-30", 5.0)}
    plt.close("all")


def test_a_misspelt_rate_or_dimension_is_named_not_a_blank_chart():
    from smmanalytics.errors import ArgumentError, SchemaError

    e = pd.DataFrame({"platform": ["instagram"], "er_reach_median": [0.05]})
    with pytest.raises(SchemaError, match="argument 'engagement' lacks column\\(s\\) 'er_reach'; "
                       "expected a frame of engagement"):
        plots.plot_engagement_by_platform(e, rate="er_reach")
    aud = pd.DataFrame({"dimension": ["country", "gender"], "category": ["FR", "female"],
                        "share": [1.0, 1.0]})
    with pytest.raises(ArgumentError, match="argument 'dimension': the audience has no such "
                       "dimension; expected one of country, gender; got 'contry'"):
        plots.plot_audience(aud, dimension="contry")
    fig, ax = plt.subplots()
    plots.plot_audience(aud, dimension="gender", ax=ax)
    assert _bars(ax) == {"female": 1.0}
    plt.close(fig)


def test_bar_labels_are_not_crossed_by_a_grid_line():
    """Under the report's whitegrid style, a line ran along each bar through its value label
    ("─8%"); the bars keep the grid of their values only."""
    aud = pd.DataFrame({"dimension": "country", "category": ["FR", "BE"], "share": [0.7, 0.3]})
    eng = pd.DataFrame({"platform": ["facebook", "instagram"], "er_reach_median": [0.04, 0.07]})
    f = Formatter("it")
    with plt.rc_context(plots.theme()):
        fig, (a1, a2) = plt.subplots(1, 2)
        plots.plot_audience(aud, dimension="country", ax=a1, formatter=f.percent)
        plots.plot_engagement_by_platform(eng, ax=a2, formatter=f.percent)
    for ax in (a1, a2):
        assert not any(line.get_visible() for line in ax.yaxis.get_gridlines())
        assert all(line.get_visible() for line in ax.xaxis.get_gridlines())
    plt.close(fig)


def _percent_ticks(ax, axis: str = "x") -> list[tuple[float, str]]:
    """The drawn ticks of a percent axis: (value in percent, label's number)."""
    ax.figure.canvas.draw()
    ticks = getattr(ax, f"get_{axis}ticklabels")()
    return [(t.get_position()[0 if axis == "x" else 1] * 100,
             t.get_text().replace("\xa0", "").rstrip("%").replace(",", "."))
            for t in ticks if t.get_text()]


@pytest.mark.parametrize("lang", [None, "fr"])
def test_percent_axes_write_every_tick_distinct_and_exact(lang):
    """The campaign report's engagement chart (one platform at 0.45 % of reach, ticks 0.05 %
    apart) read "0,0 % 0,0 % 0,1 % 0,2 % 0,2 %…": its axis wrote one decimal whatever the
    step. Every percent axis of the charts now writes its ticks with the fewest decimals that
    write each exactly (PercentTicks, as the alerts charts), audience shares too."""
    percent = Formatter(lang).percent if lang else None
    eng = pd.DataFrame({"platform": ["facebook"], "er_reach_median": [0.0045]})
    aud = pd.DataFrame({"dimension": "age", "category": ["18-24", "25-34", "35-44"],
                        "share": [0.012, 0.024, 0.011]})
    with plt.rc_context(plots.theme()):        # the report's sizes of the two charts
        fig1, a1 = plt.subplots(figsize=(8, 0.45 + 0.8))
        plots.plot_engagement_by_platform(eng, ax=a1, formatter=percent)
        fig2, a2 = plt.subplots(figsize=(4, 2.6))
        plots.plot_audience(aud, dimension="age", ax=a2, formatter=percent)
    for ax in (a1, a2):
        ticks = _percent_ticks(ax)
        labels = [label for _, label in ticks]
        assert len(set(labels)) == len(labels) >= 4, labels
        decimals = {len(label.partition(".")[2]) for label in labels}
        assert len(decimals) == 1, labels               # the same decimals for all
        for value, label in ticks:                      # each exact, with no decimal to spare
            assert float(label) == pytest.approx(value, abs=1e-9), labels
        fewer = decimals.pop() - 1
        assert fewer < 0 or any(round(v, fewer) != pytest.approx(v) for v, _ in ticks), labels
    plt.close("all")


def test_percent_ticks_take_no_more_decimals_than_the_ticks_need():
    ticks = plots.PercentTicks()
    for locs, shown in {(0, 0.01, 0.02): ["0%", "1%", "2%"],
                        (0, 0.025, 0.05): ["0.0%", "2.5%", "5.0%"],
                        (0.0005, 0.001, 0.0015): ["0.05%", "0.10%", "0.15%"]}.items():
        assert ticks.format_ticks(list(locs)) == shown


@pytest.mark.parametrize("font_scale", [0.75, 0.9, 1.0, 1.5])
def test_the_house_style_is_seaborns_whitegrid_in_the_notebook_context(font_scale):
    """``theme`` writes out seaborn's whitegrid style and notebook context, fonts scaled, so
    that a report kernel needn't import seaborn (and scipy.stats with it) for two dicts. All
    but seaborn's colormap, "rocket", which matplotlib knows only once seaborn is imported."""
    import seaborn as sns

    expected = {**sns.axes_style("whitegrid"),
                **sns.plotting_context("notebook", font_scale=font_scale)}
    del expected["image.cmap"]
    expected.update({"axes.spines.top": False, "axes.spines.right": False,
                     "svg.hashsalt": "smm", "svg.fonttype": "path", "figure.dpi": 100})
    assert plots.theme(font_scale) == expected


def _cut_off(fig) -> list[str]:
    """The tick labels (of drawn ticks), axis labels, titles and legends of ``fig`` that
    reach beyond it once saved with a plain ``savefig``."""
    import io

    fig.savefig(io.BytesIO(), format="png")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    shown = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            shown += [t.label1 for t in axis.get_major_ticks()
                      if t.label1.get_text() and lo <= t.get_loc() <= hi]
        shown += [ax.xaxis.label, ax.yaxis.label, ax.title, *ax.texts]
        shown += [ax.get_legend()] if ax.get_legend() is not None else []
    cut = []
    for artist in shown:
        box = artist.get_window_extent(renderer)
        if box.width and not (box.x0 >= -0.5 and box.y0 >= -0.5 and box.x1 <= width + 0.5
                              and box.y1 <= height + 0.5):
            cut.append(artist.get_text() if hasattr(artist, "get_text") else "legend")
    return cut


@pytest.fixture(scope="module")
def sample():
    from pathlib import Path

    import smmanalytics as smm

    return smm.load(Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve")


def test_a_plain_savefig_keeps_every_label_and_legend(sample):
    """Saved with a plain ``plt.savefig`` (for a slide), the costs chart read "mne-2026" and
    "nassigned)" for "automne-2026" and "(unassigned)", its legend beside the bars was cut,
    as were the platform names of the engagement chart and the right end of the daily chart's
    legend: a figure the function makes itself now has constrained layout."""
    import smmanalytics as smm

    charts = {
        "engagement": lambda: plots.plot_engagement_by_platform(smm.engagement(sample)),
        "daily": lambda: plots.plot_daily_interactions(sample.posts_in("2026-10"),
                                                       tz="Europe/Paris"),
        "costs": lambda: smm.plot_costs(smm.roi(sample, period="2026-10", by="campaign")),
        "audience": lambda: plots.plot_audience(sample.audience, dimension="company_size"),
        "best times": lambda: smm.best_times(sample).plot(),
        "alert": lambda: smm.plot_alert(smm.alerts(sample).iloc[0], smm.signals(sample)),
    }
    for chart, draw in charts.items():
        ax = draw()
        assert ax.figure.get_layout_engine() is not None, chart
        assert _cut_off(ax.figure) == [], chart
        plt.close("all")
    # the costs chart's campaigns were those cut
    ax = smm.plot_costs(smm.roi(sample, period="2026-10", by="campaign"))
    assert {"automne-2026", "(unassigned)"} <= {t.get_text() for t in ax.get_yticklabels()}


def test_a_figure_or_axes_of_the_analyst_keeps_its_layout():
    """An Axes passed in, or a current figure that already has one, is drawn on as it is:
    its figure gets no layout engine it did not have."""
    eng = pd.DataFrame({"platform": ["facebook", "instagram"], "er_reach_median": [0.04, 0.07]})
    fig, ax = plt.subplots()
    assert plots.plot_engagement_by_platform(eng, ax=ax) is ax
    assert fig.get_layout_engine() is None
    fig2, ax2 = plt.subplots()                 # pyplot's current figure, with its Axes
    assert plots.plot_engagement_by_platform(eng) is ax2
    assert fig2.get_layout_engine() is None
    fig3 = plt.figure(layout="tight")          # the analyst's own choice of layout
    plots.plot_engagement_by_platform(eng)
    assert type(fig3.get_layout_engine()).__name__ == "TightLayoutEngine"


def test_the_engagement_chart_names_its_rate_and_the_platforms_without_it():
    """With its default rate (median post's rate by reach), the chart of a brand on six
    platforms showed Facebook and Instagram alone, without saying which rate its axis was nor
    why four platforms were missing: the axis names the rate, a note the platforms left out."""
    eng = pd.DataFrame({"platform": ["facebook", "instagram", "linkedin", "x"],
                        "er_reach_median": [0.04, 0.07, None, None],
                        "ctr_pooled": [0.01, 0.02, 0.03, 0.005]})
    ax = plots.plot_engagement_by_platform(eng)
    assert _bars(ax) == {"facebook": 0.04, "instagram": 0.07}
    assert ax.get_xlabel() == "engagement rate by reach, median post"
    assert [t.get_text() for t in ax.texts] == ["no reach figure: linkedin, x"]
    assert _cut_off(ax.figure) == []           # the note is under the axes, in the figure
    plt.close("all")
    ax = plots.plot_engagement_by_platform(eng, name=str.upper)      # as the bars name them
    assert [t.get_text() for t in ax.texts] == ["no reach figure: LINKEDIN, X"]
    plt.close("all")
    ax = plots.plot_engagement_by_platform(eng, rate="ctr_pooled")   # all four have it
    assert _bars(ax) == {"facebook": 0.01, "instagram": 0.02, "linkedin": 0.03, "x": 0.005}
    assert ax.get_xlabel() == "click-through rate, pooled"
    assert len(ax.texts) == 0
    plt.close("all")
    ax = plots.plot_engagement_by_platform(eng, label="")            # the report's caption
    assert ax.get_xlabel() == ""
    assert plots.rate_label("er_impressions_pooled") == "engagement rate by impressions, pooled"
    assert plots.rate_label("interactions_per_post") == "interactions per post"


def test_the_engagement_chart_drawn_alone_rates_each_platform_by_its_measure():
    """Stop 55's item left: drawn alone, the chart showed reach's rates (Facebook's 4 %), TikTok
    and YouTube "without a reach figure", where the report rates each platform by its own
    measure (metrics.rate_measure): reach first, else views, else impressions, YouTube's
    never by impressions (its thumbnails'). Facebook 0.04 by reach, TikTok 0.10 and
    YouTube 0.02 by views (not its 0.9 by impressions), X 0.03 by impressions; each bar says
    its measure, the axis that they differ. Pinterest, with no rate, is named under it."""
    eng = pd.DataFrame({"platform": ["facebook", "tiktok", "x", "youtube", "pinterest"],
                        "er_reach_median": [0.04, None, None, None, None],
                        "er_views_median": [0.05, 0.10, None, 0.02, None],
                        "er_impressions_median": [None, None, 0.03, 0.9, None]})
    ax = plots.plot_engagement_by_platform(eng)
    assert _bars(ax) == {"facebook (by reach)": 0.04, "tiktok (by views)": 0.10,
                         "x (by impressions)": 0.03, "youtube (by views)": 0.02}
    assert ax.get_xlabel() == "engagement rate, median post, by each platform's measure"
    assert [t.get_text() for t in ax.texts] == [
        "no reach, views or impressions figure: pinterest"]
    plt.close("all")
    # one measure for all (TikTok and YouTube, by views): the axis says it, the bars do not
    ax = plots.plot_engagement_by_platform(eng.iloc[[1, 3]])
    assert _bars(ax) == {"tiktok": 0.10, "youtube": 0.02}
    assert ax.get_xlabel() == "engagement rate by views, median post"
    plt.close("all")


def test_the_engagement_bars_call_the_formatter_as_documented():
    """The docstring (and PercentTicks) call ``formatter(value, digits)``; the bar labels called
    ``formatter(value)``, so a formatter written to the docstring raised TypeError. The bars
    take 2 decimals: 0.0412 → "4.12 %", 0.07 → "7.00 %"."""
    eng = pd.DataFrame({"platform": ["facebook", "instagram"], "er_reach_median": [0.0412, 0.07]})
    calls = []

    def pct(value, digits):
        calls.append(digits)
        return f"{value * 100:.{digits}f} %"

    fig, ax = plt.subplots()
    plots.plot_engagement_by_platform(eng, ax=ax, formatter=pct)
    assert [t.get_text() for t in ax.texts] == ["4.12 %", "7.00 %"]
    assert calls[:2] == [2, 2]
    plt.close(fig)


def test_the_brands_words_are_drawn_as_written_not_as_maths():
    """An export's category or a platform's display name holding two dollars was drawn as
    maths ("$x_1$" as x with a subscript 1) or failed to parse; plain() escapes each dollar,
    and matplotlib draws the escaped text with plain dollars (svg.fonttype "none": the SVG
    holds the text itself)."""
    import io

    assert plots.plain("Save $5 and $10") == r"Save \$5 and \$10"
    assert plots.plain(r"a \$ b") == r"a \\$ b"     # an escaped dollar stays a dollar drawn
    aud = pd.DataFrame({"dimension": "country", "category": ["$x_1$ *bold*", "Save $5"],
                        "share": [0.6, 0.4]})
    with plt.rc_context({"svg.fonttype": "none"}):
        fig, ax = plt.subplots()
        plots.plot_audience(aud, dimension="country", ax=ax)
        svg = io.StringIO()
        fig.savefig(svg, format="svg")
    plt.close(fig)
    assert ">$x_1$ *bold*</text>" in svg.getvalue() and ">Save $5</text>" in svg.getvalue()


def _grey(color: str) -> float:
    """A colour's grey level in print, 0 to 255: Rec. 601 luma, 0.299 R + 0.587 G + 0.114 B."""
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


def test_grey_levels_follow_rec_601():
    """White 255, black 0; Facebook's former #3b5998: 0.299 × 59 + 0.587 × 89 + 0.114 × 152
    = 17.6 + 52.2 + 17.3 = 87.2."""
    assert _grey("#ffffff") == pytest.approx(255)
    assert _grey("#000000") == 0
    assert _grey("#3b5998") == pytest.approx(87.2, abs=0.05)


@pytest.mark.parametrize("palette", ["platforms", "costs"])
def test_stacked_series_are_told_apart_in_grey(palette):
    """Stacked bars are told apart by colour alone: in print or to a deuteranope, Facebook
    and LinkedIn (grey 87 and 85), YouTube and Pinterest (61, 64), ad spend and influencer
    (99, 91) were one. Any two series may stand side by side (a platform or a category
    without figures is left out of the stack): every two differ by 20 grey levels or more."""
    from smmanalytics.plots import PLATFORM_COLORS
    from smmanalytics.roi import COST_COLORS

    colors = PLATFORM_COLORS if palette == "platforms" else COST_COLORS
    close = [(a, b, round(abs(_grey(ca) - _grey(cb)))) for (a, ca), (b, cb)
             in itertools.combinations(colors.items(), 2) if abs(_grey(ca) - _grey(cb)) < 20]
    assert close == []


_UTM = "automne-2026-lancement-serum-eclat-vitamine-c-influenceuses-paris-lyon-marseille"


def test_a_long_campaign_name_is_drawn_in_a_few_lines():
    """An 81-character UTM was drawn on one line beside the cost chart's bar: the report's
    chart, printed at a fixed width, shrank to 4 pt text. It is broken after its hyphens, in
    lines of 20 characters at most and 3 at most, the last cut with "…" (the ROI table gives
    it in full); a short name is as it was."""
    from smmanalytics.roi import CATEGORIES, plot_costs

    by = pd.DataFrame({"campaign": [_UTM, "automne-2026"],
                       **{c: [100.0, 50.0] for c in CATEGORIES}, "currency": "EUR"})
    fig, ax = plt.subplots()
    plot_costs(by, ax=ax)
    # "automne-2026-" (13), "lancement-serum-" (16), then "eclat-vitamine-c-" (17) would leave
    # the rest out: filled to 19 characters and "…"
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "automne-2026-\nlancement-serum-\neclat-vitamine-c-in…", "automne-2026"]
    plt.close(fig)


@settings(max_examples=200)
@given(st.text(alphabet="ab-_ ./é", max_size=80), st.integers(5, 30), st.integers(1, 4))
def test_wrap_label_keeps_its_lines_and_the_text(text, width, lines):
    """Each line is at most ``width`` characters, there are at most ``lines``, and they are
    the text in order: all of it but the spaces at the breaks, or when cut, a start of it
    and "…"."""
    out = plots.wrap_label(text, width, lines).split("\n")
    assert len(out) <= lines and all(len(line) <= width for line in out)
    kept = "".join(out)
    if kept.endswith("…"):          # the alphabet has no "…" of its own
        assert text.replace(" ", "").startswith(kept[:-1].replace(" ", ""))
    else:
        assert kept.replace(" ", "") == text.replace(" ", "")


def test_a_single_days_bar_has_no_repeated_day_ticks():
    """One post (4 October): the date locator ticked every few hours around its bar, and the
    day formatter read them "4 Oct 4 Oct 4 Oct …"; ticks now stand on whole days, each day
    once."""
    import matplotlib.dates as mdates

    posts = pd.DataFrame({"platform": ["youtube"],
                          "published_at": pd.to_datetime(["2026-10-04T00:00Z"], utc=True),
                          "interactions": [19.0]})
    fig, ax = plt.subplots()
    plots.plot_daily_interactions(posts, tz="UTC", ax=ax, day=lambda d: d.strftime("%d %b"))
    fig.canvas.draw()
    ticks = ax.get_xticks()
    assert all(float(t).is_integer() for t in ticks)            # midnights
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert len(labels) == len(set(labels)) and "04 Oct" in labels
    assert mdates.num2date(ticks[0]).hour == 0
    plt.close(fig)

