"""Figures: ``ax`` in, Axes out, one theme. Nothing here saves or shows a figure."""

from __future__ import annotations

import re

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ._args import frame_with, time_zone
from .errors import ArgumentError
from .metrics import RATE_MEASURES, post_interactions, rate_measures
from .periods import post_dates

__all__ = ["theme", "PLATFORM_COLORS", "PercentTicks", "bar_freq", "plain", "plot_audience",
           "plot_daily_interactions", "plot_engagement_by_platform", "rate_label",
           "wrap_label"]

#: one colour per platform, its brand's hue, each of its own lightness: in grey (a print; Rec.
#: 601 luma) they stand 25 levels apart or more, X 29, Pinterest 55, Facebook 80, YouTube 106,
#: Instagram 130, LinkedIn 155, TikTok 180, so that any two in a stack are told apart without
#: hue (Facebook #3b5998 and LinkedIn #0a66c2 were 87 and 85, YouTube #cc0000 and Pinterest
#: #bd081c 61 and 64, the same to a deuteranope too)
PLATFORM_COLORS = {
    "facebook": "#36528b", "instagram": "#d0569b", "x": "#1d1d1d", "linkedin": "#5caaf7",
    "youtube": "#ff2a2a", "tiktok": "#5bdada", "pinterest": "#a10718",
}


#: seaborn's "whitegrid" style (``seaborn.axes_style("whitegrid")``, seaborn 0.13), written
#: out: ``import seaborn`` imports scipy.stats, which took 1.3 s of a report kernel's 2.7 s
#: first cell for these two dicts. tests/test_plots.py checks them against seaborn's.
#: Left out: its ``image.cmap``, "rocket", which exists only once seaborn is imported (every
#: image here names its colormap).
_WHITEGRID = {
    "figure.facecolor": "white", "axes.facecolor": "white", "axes.edgecolor": ".8",
    "axes.grid": True, "axes.axisbelow": True, "axes.labelcolor": ".15", "text.color": ".15",
    "grid.color": ".8", "grid.linestyle": "-", "xtick.color": ".15", "ytick.color": ".15",
    "xtick.direction": "out", "ytick.direction": "out", "xtick.bottom": False,
    "xtick.top": False, "ytick.left": False, "ytick.right": False,
    "axes.spines.left": True, "axes.spines.bottom": True, "axes.spines.right": True,
    "axes.spines.top": True, "lines.solid_capstyle": "round", "patch.edgecolor": "w",
    "patch.force_edgecolor": True, "font.family": ["sans-serif"],
    "font.sans-serif": ["Arial", "DejaVu Sans", "Liberation Sans", "Bitstream Vera Sans",
                        "sans-serif"],
}

#: seaborn's "notebook" context (``seaborn.plotting_context("notebook")``): line widths and
#: tick sizes, then font sizes, which ``font_scale`` scales
_NOTEBOOK = {
    "axes.linewidth": 1.25, "grid.linewidth": 1, "lines.linewidth": 1.5,
    "lines.markersize": 6, "patch.linewidth": 1, "xtick.major.width": 1.25,
    "ytick.major.width": 1.25, "xtick.minor.width": 1, "ytick.minor.width": 1,
    "xtick.major.size": 6, "ytick.major.size": 6, "xtick.minor.size": 4, "ytick.minor.size": 4,
}
_NOTEBOOK_FONTS = {
    "font.size": 12, "axes.labelsize": 12, "axes.titlesize": 12, "xtick.labelsize": 11,
    "ytick.labelsize": 11, "legend.fontsize": 11, "legend.title_fontsize": 12,
}


def plain(text) -> str:
    """``text`` (a campaign's name, an export's category: the brand's words) as matplotlib
    draws it letter for letter: each ``$`` escaped. Unescaped, matplotlib reads the text
    between two dollars as maths: "Save $5 and $10" failed to parse and took the monthly
    report down with it; "$x_1$" was drawn as a subscript. An escaped dollar is drawn as a
    dollar, whether matplotlib parses maths (its default) or hands the text to TeX.

    >>> print(plain("Save $5 and $10"))
    Save \\$5 and \\$10
    """
    return str(text).replace("$", r"\$")


#: where a name on a chart's axis may break: after a hyphen, underscore, dot, slash or space
#: (the separators of a UTM campaign), each piece a word and the separators after it
_BREAKS = re.compile(r"[^-_./\s]*[-_./\s]*")


def wrap_label(text: str, width: int = 20, lines: int = 3) -> str:
    """``text`` (a name on a chart's axis: a campaign's UTM) in lines of at most ``width``
    characters, broken after a separator (:data:`_BREAKS`; inside a word longer than a line),
    and in ``lines`` lines at most, the last ending in "…" when the rest is left out. Drawn
    on one line, an 81-character UTM widened the cost chart's cropped figure from 619 to 961
    pt, and the report, which prints it at a fixed width, shrank all its text to 4 pt; the
    table beside it gives the name in full.

    >>> print(wrap_label("automne-2026-lancement-serum-eclat-vitamine-c-influenceuses"))
    automne-2026-
    lancement-serum-
    eclat-vitamine-c-in…
    """
    chunks = [piece[i:i + width] for piece in _BREAKS.findall(str(text)) if piece
              for i in range(0, len(piece), width)]
    out = [""]
    for chunk in chunks:
        if out[-1] and len(out[-1]) + len(chunk.rstrip()) > width:
            out.append("")
        out[-1] += chunk
    if len(out) > lines:        # the last line as full as it goes, then "…"
        out = out[:lines - 1] + ["".join(out[lines - 1:])[:width - 1].rstrip() + "…"]
    return "\n".join(line.rstrip() for line in out)


def theme(font_scale: float = 0.9) -> dict:
    """The house style as an rc dict (usable with ``plt.rc_context``): seaborn's whitegrid
    style and notebook context, fonts scaled by ``font_scale``, no top or right spine."""
    rc = {**_WHITEGRID, **_NOTEBOOK}
    rc.update({k: v * font_scale for k, v in _NOTEBOOK_FONTS.items()})
    rc.update({"axes.spines.top": False, "axes.spines.right": False, "svg.hashsalt": "smm",
               "svg.fonttype": "path", "figure.dpi": 100})
    return rc


def _plain_percent(x: float, digits: int) -> str:
    """A fraction in percent, Python's way: 0.025, 1 → "2.5%"."""
    return f"{x:.{digits}%}"


class PercentTicks(mticker.Formatter):
    """Tick labels of a rate (a fraction) in percent, with the fewest decimals that write every
    tick exactly, the same for all: ticks 2.5 % apart read "2.5%", "5.0%"; 0.05 % apart,
    "0.05%", "0.10%"; 1 % apart, "1%". A fixed number of decimals wrote ticks 0.05 % apart
    "0.0%", "0.0%", "0.1%", "0.2%", "0.2%"… (one decimal) and ticks 2.5 % apart "2%", "5%",
    "8%" (none). Every percent axis of the charts and reports uses it.

    ``percent(x, digits)`` writes a fraction with ``digits`` decimals of percent (the report's
    ``Formatter.percent``: "2,5 %" in French); Python's "2.5%" by default.
    """

    _MAX_DIGITS = 4

    def __init__(self, percent=None) -> None:
        self.percent, self.digits = percent or _plain_percent, 0

    def set_locs(self, locs) -> None:
        super().set_locs(locs)
        pct = np.asarray(locs, dtype=float) * 100
        pct = pct[np.isfinite(pct)]
        self.digits = next((d for d in range(self._MAX_DIGITS)
                            if np.allclose(pct, np.round(pct, d), rtol=0, atol=1e-6)),
                           self._MAX_DIGITS)

    def __call__(self, x, pos=None) -> str:
        return self.percent(x, self.digits)


def drawing_axes(ax: Axes | None = None) -> Axes:
    """``ax``, else pyplot's current Axes; a figure made here (no ``ax``, pyplot's current
    figure without any Axes: the call creates it) gets matplotlib's constrained layout, so
    that a plain ``plt.savefig`` keeps every label and a legend beside the axes (they were
    cut: "autumn-2026" saved as "mne-2026"). A figure or Axes the analyst made keeps its own
    layout (seaborn's rule). Every plotting function of the package takes its Axes here."""
    if ax is not None:
        return ax
    fig = plt.gcf()
    if not fig.axes and fig.get_layout_engine() is None:
        fig.set_layout_engine("constrained")
    return fig.gca()


def bar_freq(days: int) -> str:
    """The bar of :func:`plot_daily_interactions` for a period of ``days`` days: a day up to a
    quarter (92 days), a week (from Monday) up to two years, else a month; so that a chart
    holds at most about 100 bars, each wide enough to see."""
    return "D" if days <= 92 else "W" if days <= 731 else "M"


def plot_daily_interactions(posts: pd.DataFrame, *, tz: str, ax: Axes | None = None,
                            label: str = "Interactions", name=str, day=None,
                            freq: str = "D", **kwargs) -> Axes:
    """Stacked bars of interactions by local publish day (or week, or month) and platform.

    ``posts`` needs ``published_at`` (UTC), ``platform`` and ``interactions``. ``freq`` is
    ``"D"`` (a bar per day), ``"W"`` (per week, from Monday) or ``"M"`` (per calendar month);
    another, a frame without ``platform`` or ``published_at`` or a ``tz`` that is no IANA zone
    raises an :class:`~smmanalytics.errors.SmmError` naming it (interactions missing: summed
    from the components, as :func:`smmanalytics.metrics.post_interactions`);
    :func:`bar_freq` chooses one for a period's length. A week's or month's bar starts on its
    first day and covers 80 % of it. ``name`` displays a platform, ``day`` a
    ``datetime.date`` on the axis (ISO dates by default); the legend sits above the bars.
    """
    if freq not in ("D", "W", "M"):
        raise ArgumentError("not a bar length", argument="freq",
                            expected="'D' (day), 'W' (week) or 'M' (month)", got=freq)
    time_zone(tz)
    frame_with(posts, ["platform", "published_at"], "plot_daily_interactions",
               "a frame of posts", "posts")
    ax = drawing_axes(ax)
    if posts.empty:
        return ax
    if "interactions" not in posts.columns:         # a cut-down frame: from its components
        posts = posts.assign(interactions=post_interactions(posts))
    # tz-aware, or ISO text with its offset (posts read back with read_csv); a post dated to
    # the day only (YouTube's, TikTok's, Pinterest's) on the day its export gives: converted,
    # a video of 1 October stood on 30 September in New York
    local = post_dates(posts, tz)
    if freq == "W":
        local = local - pd.to_timedelta(local.dt.day_of_week, unit="D")
    elif freq == "M":
        local = local.dt.to_period("M").dt.start_time
    table = (posts.assign(day=local, platform=posts["platform"].astype(str))
             .pivot_table(index="day", columns="platform", values="interactions",
                          aggfunc="sum", fill_value=0, observed=True))
    if freq == "D":                      # centred on the day, as before
        x, width, align = table.index, 0.8, "center"
    else:                                # from the period's first day, 80 % of its length
        days = (7.0 if freq == "W" else
                np.asarray(table.index.days_in_month, dtype=float))
        x, width, align = table.index + pd.to_timedelta(0.1 * days, unit="D"), 0.8 * days, \
            "edge"
    x = np.asarray(x)
    width = np.broadcast_to(width, len(x))
    bottom = np.zeros(len(x))
    empty_days = (table.to_numpy(dtype=float) == 0).all(axis=1)
    for i, platform in enumerate(table.columns):
        values = table[platform].astype(float).to_numpy()
        # a platform's empty bars draw nothing: they (half of a month's stacks, each an
        # artist to make and draw) are left out, but for a day with nothing at all (the first
        # platform's bar keeps the day on the axis) and a platform with nothing on any day
        # (its bars keep its legend entry)
        shown = (values != 0) | (empty_days if i == 0 else False)
        if not shown.any():
            shown[:] = True
        ax.bar(x[shown], values[shown], bottom=bottom[shown], width=width[shown], align=align,
               label=plain(name(platform)), color=PLATFORM_COLORS.get(platform), **kwargs)
        bottom = bottom + values
    ax.set_ylabel(plain(label))
    ax.set_xlabel("")
    # one row of up to 6 entries, fewer on a narrow figure: 6 were wider than pyplot's
    # default 6.4-inch figure and its right end was cut off
    ax.legend(frameon=False, fontsize="small", loc="lower left", bbox_to_anchor=(0, 1.01),
              ncols=max(1, min(6, len(table.columns), int(ax.figure.get_figwidth() / 1.1))))
    if day is not None:
        # ticks on whole days (matplotlib's dates are days): the locator ticked every few
        # hours around a single post's bar, each read "4 Oct" by a formatter of days
        ax.xaxis.set_major_locator(mticker.MaxNLocator(nbins="auto", integer=True,
                                                       min_n_ticks=1))
        ax.xaxis.set_major_formatter(lambda v, _pos: day(mdates.num2date(v).date()))
    ax.figure.autofmt_xdate()
    return ax


def rate_label(rate: str) -> str:
    """The analyst's name of a rate column of ``smm.engagement``: "er_reach_median" →
    "engagement rate by reach, median post", "ctr_pooled" → "click-through rate, pooled";
    another name with its underscores as spaces."""
    m = re.fullmatch(r"(er_(\w+)|ctr)_(median|pooled)", rate)
    if m is None:
        return rate.replace("_", " ")
    what = f"engagement rate by {m[2]}" if m[2] else "click-through rate"
    return f"{what}, {'median post' if m[3] == 'median' else 'pooled'}"


def plot_engagement_by_platform(engagement: pd.DataFrame, *, rate: str | None = None,
                                ax: Axes | None = None, formatter=None, name=str,
                                label: str | None = None, **kwargs) -> Axes:
    """Horizontal bars of one rate per platform (a frame from ``smm.engagement``); ``name``
    displays a platform; ``formatter(value, digits)`` writes a rate, on the bars (2 decimals)
    and the axis (:class:`PercentTicks`).

    By default each platform's median post's rate by its own measure
    (:func:`~smmanalytics.metrics.rate_measures`, as the report's chart): reach for Facebook
    and Instagram, views for TikTok and YouTube, impressions for LinkedIn and X; with
    measures of more than one kind, each bar says its own ("tiktok (by views)"). Drawn alone,
    the chart showed reach's rates only, TikTok and YouTube left out. ``rate``: one column
    of the frame for every platform instead.

    The value axis says which rate it shows (``label``; by default :func:`rate_label`:
    "engagement rate by reach, median post"), and a note under the axes names the platforms
    left out for want of the rate ("no reach figure: linkedin, x"); with the default rate,
    the chart showed two of six platforms and said neither.
    """
    frame_with(engagement, ["platform"] if rate is None else ["platform", rate],
               "plot_engagement_by_platform", "a frame of engagement(..., by='platform')",
               "engagement")
    ax = drawing_axes(ax)
    if rate is None:
        engagement, rate, shown, lack = _by_own_measure(engagement, name)
    else:
        m = re.fullmatch(r"er_(\w+)_(median|pooled)", rate)
        shown, lack = rate_label(rate), f"no {m[1]} figure" if m else f"no {rate_label(rate)}"
    ax.set_xlabel(plain(shown if label is None else label))
    without = engagement.loc[engagement[rate].isna(), "platform"].astype(str).tolist()
    if without:
        # under the axis label, from the axes' left edge: a figure's constrained layout
        # makes room for it
        ax.annotate(plain(f"{lack}: {', '.join(name(p) for p in without)}"), xy=(0, 0),
                    xycoords=("axes fraction", ax.xaxis.label), xytext=(0, -4),
                    textcoords="offset points", ha="left", va="top", fontsize="small",
                    color="0.35")
    data = engagement.dropna(subset=[rate])
    if data.empty:
        return ax
    platforms = data["platform"].astype(str).tolist()
    values = data[rate].astype(float).to_numpy()
    shown_names = (data["_shown"] if "_shown" in data else data["platform"].map(name)).tolist()
    bars = ax.barh([plain(str(n)) for n in shown_names], values,
                   color=[PLATFORM_COLORS.get(p, "#777") for p in platforms], **kwargs)
    if formatter is not None:
        # called as documented, with its digits: a formatter(value, digits) written to the
        # docstring raised TypeError here (the report's Formatter.percent defaults to 2)
        ax.bar_label(bars, labels=[formatter(v, 2) for v in values], padding=3,
                     fontsize="small")
    ax.xaxis.set_major_formatter(PercentTicks(formatter))
    ax.grid(axis="y", visible=False)   # a line through each bar ran through its label
    ax.invert_yaxis()
    return ax


def _by_own_measure(engagement: pd.DataFrame, name) -> tuple[pd.DataFrame, str, str, str]:
    """``engagement`` with each platform's median rate by its own measure
    (:func:`~smmanalytics.metrics.rate_measures`) as ``_rate`` and its bar's name as
    ``_shown`` (its measure said when the platforms' differ); the rate's column, the axis
    label ("engagement rate by reach, median post", or "…, by each platform's measure"), and
    the words of the note on the platforms without one ("no reach or views figure")."""
    by = rate_measures(engagement, "median")
    kinds = [m for m in RATE_MEASURES if m in set(by.values())]
    mixed = len(kinds) > 1
    platforms = engagement["platform"].astype("string")
    rates = [row[f"er_{by[p]}_median"] if p in by else np.nan
             for p, row in zip(platforms, engagement.to_dict("records"), strict=True)]
    shown = [f"{name(p)} (by {by[p]})" if mixed and p in by else name(p) for p in platforms]
    out = engagement.assign(_rate=pd.array(rates, dtype="Float64"), _shown=shown)
    label = ("engagement rate, median post, by each platform's measure" if mixed
             else rate_label(f"er_{kinds[0]}_median") if kinds
             else "engagement rate, median post")
    head, _, last = ", ".join(m for m in RATE_MEASURES if f"er_{m}_median" in engagement
                              ).rpartition(", ")
    return out, "_rate", label, f"no {f'{head} or {last}' if head else last or 'rate'} figure"


def _lower_bounds(categories) -> np.ndarray | None:
    """The whole number each category starts with, when every one starts with one (ranges:
    "1", "2-10", "10001+", "18-24", "65+"); None otherwise."""
    found = [re.match(r"\d+", str(c)) for c in categories]
    if len(found) < 2 or not all(found):
        return None
    return np.array([int(m.group()) for m in found])


#: the leftover bucket an export lists among its categories (TikTok's territories past its
#: top ones), in the exports' languages; "Other" is not one: TikTok's gender "Other" is a
#: category of its own
_EXPORT_LEFTOVERS = frozenset({"others", "autres", "altri"})


def plot_audience(audience: pd.DataFrame, *, dimension: str, top: int = 8,
                  ax: Axes | None = None, formatter=None, name=str, other: str = "Other",
                  **kwargs) -> Axes:
    """Horizontal bars of the audience share per category of one ``dimension``.

    ``audience`` is the canonical audience table (dimension, category, share). Categories that
    are ranges (company sizes, ages) are all shown, in their order; others from the largest,
    and with more than ``top`` of them, the ``top - 1`` largest are shown and the rest summed
    in one bar named ``other``, so the bars always add up to what the export lists. The
    export's own leftover (TikTok's territories: "Others", "Autres", "Altri") is counted in
    that bar, which comes last; a category merely called "Other" (TikTok's third gender) is
    one of the categories, never the leftover. ``name`` displays a category (a translation,
    say); ``formatter(value, digits)`` labels the bars (whole percents) and the axis
    (:class:`PercentTicks`; the axis is in percent without it too).
    """
    frame_with(audience, ["dimension", "category", "share"], "plot_audience",
               "the audience table (ds.audience)", "audience")
    known = sorted(set(audience["dimension"].dropna().astype(str)))
    if known and dimension not in known:        # a typo would give a blank chart
        raise ArgumentError("the audience has no such dimension", argument="dimension",
                            expected=f"one of {', '.join(known)}", got=dimension)
    ax = drawing_axes(ax)
    data = audience.loc[audience["dimension"] == dimension].dropna(subset=["share"])
    if data.empty:
        return ax
    shares = data.groupby("category", sort=False)["share"].sum().astype(float)
    # the export's leftover is told by its own word, not by how it displays: with the default
    # other="Other", TikTok's "Others" was sorted among the countries and its gender "Other"
    # (3 % of followers) taken for the leftover
    leftover = shares.index.astype(str).str.strip().str.lower().isin(_EXPORT_LEFTOVERS)
    named = shares.loc[~leftover]
    # categories that display the same (a translation's) are one bar
    named = named.groupby([name(c) for c in named.index.astype(str)], sort=False).sum()
    bounds = _lower_bounds(named.index)
    if bounds is not None:          # ranges (company sizes, ages): every one, in their order
        named = named.iloc[np.argsort(bounds, kind="stable")]
    else:
        named = named.sort_values(ascending=False, kind="stable")
    rest = shares.loc[leftover].sum()
    cut = bounds is None and len(named) + leftover.any() > top
    if cut:
        rest += named.iloc[top - 1:].sum()
        named = named.iloc[: top - 1]
    if cut or leftover.any():       # the categories left out and the export's leftover, last
        named = pd.concat([named, pd.Series({other: rest})])
    shares = named
    bars = ax.barh([plain(c) for c in shares.index], shares.to_numpy(), color="#6b8f71",
                   **kwargs)
    if formatter is not None:
        ax.bar_label(bars, labels=[formatter(v, 0) for v in shares], padding=3, fontsize="small")
    ax.xaxis.set_major_formatter(PercentTicks(formatter))
    ax.grid(axis="y", visible=False)   # a line through each bar ran through its label
    ax.invert_yaxis()
    ax.set_xlabel("")
    ax.set_title(dimension.replace("_", " ").capitalize(), fontsize="medium", loc="left")
    return ax
