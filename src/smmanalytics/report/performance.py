"""Report sections on performance against money and targets: goals scorecard, ROI and its
costs, benchmarks and competitors, and period over period. Mixed into BrandReport."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .. import plots
from .._actuals import posts_in, roi_once
from .._costs import one_off_first
from .._web import UNASSIGNED, campaign_key
from ..benchmarks import (
    FOLLOWERS_UNKNOWN,
    competitors_left_out,
    competitors_span,
    competitors_within,
)
from ..compare import MIN_POSTS, carried_by, compare, rate_platforms
from ..goals import POST_METRICS, goal_record, scorecard, shown_status
from ..metrics import RATE_MEASURES
from ..periods import parse_period
from ..quality import side_file_error
from ..roi import (
    CATEGORIES,
    campaign_spans,
    cost_breakdown,
    costs_gaps,
    costs_partly,
    costs_span,
    costs_status,
    plot_costs,
    value_per_key_event_of,
)
from .builder import Section, printable
from .formatting import OTHER_BADGE_COLOR, STATUS_COLORS, half_up, small_digits

__all__ = ["PerformanceSections"]

_RATES = {"er_reach", "er_impressions", "er_views", "er_followers", "er_reach_median",
          "er_views_median", "er_impressions_median", "engagement_rate", "reach_rate", "ctr"}
_MONEY = {"revenue", "cost", "value", "cpa", "cpc", "cpm"}
#: the name of a benchmark's engagement rate by its denominator (labels.yaml's metrics): the bare
#: "engagement rate" is the report's interactions ÷ reach (its method notes), and Rival IQ's and
#: Socialinsider's 7.54 % by followers stood under it, where the competitors' table says
#: "/ followers"; a denominator the sources disagree on is said to be unresolved
_BENCHMARK_RATES = {"followers": "er_followers", "impressions": "er_impressions_post",
                    "views": "er_views_post"}


class PerformanceSections:
    """Scorecard, ROI, benchmarks, competitors and period-over-period sections."""

    # ---- value formatting by metric ----------------------------------------------------------
    def _value(self, metric: str, x, *, change: bool = False, compared: bool = False) -> str:
        """``x`` formatted for ``metric``; ``compared``: set beside a benchmark, where a rate
        below 1 % keeps two significant figures (:meth:`Formatter.rate`), and so does a
        posting rate below 1 a week (:func:`small_digits`: X's 0.08, not "0.1")."""
        f = self.fmt
        if metric in _RATES:
            return f.points(x) if change else f.rate(x) if compared else f.percent(x)
        if metric == "roi":
            return f.percent(x, 0)
        if metric == "roas":
            return f"{f.number(x, 2)}×" if not pd.isna(x) else "–"
        if metric in _MONEY:
            return f.money(x)
        if metric == "posts_per_week":
            return f.number(x, small_digits(x, 1) if compared and not pd.isna(x) else 1)
        return f.number(x, 1 if metric.endswith("_per_post") else 0)

    def _target(self, metric: str, direction: str, target) -> str:
        """A goal's target as the scorecards show it: "≥ 14 500", "≤ 32"."""
        return ("≥ " if direction == "at_least" else "≤ ") + self._value(metric, target)

    def _per_day(self, metric: str, direction: str, pace) -> list[str]:
        """What a running goal's remaining days ask for each day, ``(target − actual) / days
        left``: the least to add for a minimum ("servono 3 al giorno"), the most for a maximum
        ("al massimo 1 al giorno": the same figure read as a need misled), none once a minimum
        is reached or a maximum passed (the status says so). A pace of 0.23 reads "0.2", not
        "0" (:meth:`Formatter.amount`)."""
        if pace < 0 or (pace == 0 and direction == "at_least"):
            return []
        f = self.fmt
        value = f.amount(pace, money=metric in _MONEY)      # counts and money: rates have none
        if direction == "at_most":
            return [f.label("allowed_daily").format(value=value)]
        # "serve 1 al giorno", "servono 3 al giorno"
        one = "required_daily_one" if value == "1" else "required_daily"
        return [f.label(one).format(value=value)]

    def _projection(self, r) -> list[str]:
        """A running goal's projected final value, with its interval where there is one
        (the 10th and 90th percentiles of the simulated ends): "projected 32,087
        (25,607–40,845)". DESIGN.md §7's scorecard shows it; the table gave the chance and the
        daily need alone, the figure they rest on unseen. None without a projection; no
        interval where its ends read the same (GA4's totals of the whole month: "156 %
        (156 %–156 %)"), spaced where an end is negative ("-10 % – 16 %", not "-10 %–16 %")."""
        if pd.isna(r.projection):
            return []
        value = self._value(r.metric, r.projection)
        if pd.notna(r.projection_low) and pd.notna(r.projection_high):
            low, high = (self._value(r.metric, x) for x in (r.projection_low,
                                                            r.projection_high))
            if low != high:
                dash = " – " if min(r.projection_low, r.projection_high) < 0 else "–"
                value += f" ({low}{dash}{high})"
        return [self.fmt.label("projected").format(value=value)]

    def _goal_name(self, metric: str, platform: str) -> str:
        f = self.fmt
        where = f.label("total") if platform == "all" else f.platform(platform)
        return f"{f.metric(metric)} · {where}"

    # ---- scorecard ------------------------------------------------------------------------------
    def scorecard(self) -> Section:
        """Each goal: target, actual, status, and for a running period the pace and the chance."""
        # the goals counted on posts, whose figures take the stories
        f = self.fmt
        sec = self.section(f.label("scorecard"))
        if self.ds.goals is None or len(self.ds.goals) == 0:
            reason = side_file_error(self.ds.quality, ("goals.yaml", "goals.yml"))
            if reason is not None:       # a goals.yaml is there, but invalid: say why
                return self.text(sec, f.label("goals_failed").format(reason=reason,
                                                                     **f.failure(reason)))
            # a goals.yaml read with no goal in it (read_goals' frame, with its columns) is
            # there: "no goals.yaml" was false
            read = self.ds.goals is not None and "source_file" in self.ds.goals.columns
            return self.text(sec, f.label("goals_empty" if read else "goals_none"))
        sc = scorecard(self.ds, self.period)
        statuses = shown_status(sc)
        counts = statuses.value_counts()
        # a period over has goals met or missed: "on track 0, at risk 0, off track 3" said
        # of October once it was over; the goals without a status have their tiles, so that
        # the tiles add up to the goals ("Met 5 · Missed 5" stood above 11 goals, ROAS "No
        # data")
        shown = (("met", "missed") if sc["complete"].all() else
                 ("met", "on track", "at risk", "off track")
                 + (("missed",) if counts.get("missed") else ()))
        shown += tuple(s for s in ("no data", "not computable", "not assessed")
                       if counts.get(s))
        self.kpis(sec, [{"label": f.status(s), "value": f.number(counts.get(s, 0))}
                        for s in shown])
        rows = []
        for r, status in zip(sc.itertuples(index=False), statuses, strict=True):
            detail = [] if r.complete else self._projection(r)
            if not r.complete and pd.notna(r.p_meet):
                sure = r.status in ("met", "missed")        # decided, not simulated
                detail.append(f.labelled(f.label("chance"), f.chance(r.p_meet, sure=sure)))
            if not r.complete and pd.notna(r.required_daily):
                detail += self._per_day(r.metric, r.direction, r.required_daily)
            if r.metric in POST_METRICS and pd.notna(r.actual) \
                    and (stories := self._goal_stories(r.metric, r.platform, r.goal_period)):
                # 42 Instagram posts, of which 12 stories, where the benchmarks count 30; their
                # 16,778 interactions and 8.92 % take the stories too (16,528, 9.51 % without)
                detail.insert(0, self._stories(stories))
            name = self._goal_name(r.metric, r.platform)
            if r.goal_period != self.period.label:   # a quarter's goal in a monthly report
                name += f" ({f.period(r.goal_period)})"
            rows.append({
                f.label("goal"): name,
                f.label("target"): self._target(r.metric, r.direction, r.target),
                f.label("actual"): self._value(r.metric, r.actual),
                f.label("status"): {"text": f.status(status), "status": status,
                                    "color": STATUS_COLORS.get(status, OTHER_BADGE_COLOR)},
                # a period's name starting the cell starts a sentence: "Ottobre 2026 è
                # concluso", "Le T3 2026 est terminé", as the English "October 2026 is over"
                f.label("note"): f.period_first(f.join(detail + f.notes(r.note))),
            })
        # the goals and the notes share the width the figures leave: a goal sized to its
        # name ("… · Toutes plateformes (septembre 2026)") left the notes a word a line
        self.table(sec, pd.DataFrame(rows), align=["left", "right", "right", "left", "left"],
                   widths=["1fr", "auto", "auto", "auto", "1fr"])
        if self.period.kind != "month":
            self._goal_record(sec, sc)
        return sec

    def _goal_stories(self, metric: str, platform: str, goal_period: str) -> int:
        """The stories among the posts a goal of ``metric`` (counted on posts) of ``platform``
        (or "all") counts over ``goal_period``: those published from its first day to its
        last, or the report's last day when sooner (the scorecard judges it up to that day at
        most), whose ``metric`` the goal sums (:func:`~.sections.stories_by_platform`)."""
        from .sections import stories_by_platform  # cycle: sections imports this module

        w = parse_period(goal_period)
        posts, _ = posts_in(self.ds, platform, w.start, min(w.end, self.period.end))
        return 0 if posts is None else sum(stories_by_platform(posts, metric).values())

    def _goal_record(self, sec: Section, sc: pd.DataFrame) -> None:
        """A quarter's or a year's goals over each of their own months or quarters within it:
        the scorecard above judges a monthly goal on the last month alone. A goal without
        periods shorter than the report's (a quarterly goal in a quarter's report: its
        scorecard row is its record) is there with its scorecard period, so every goal of
        the scorecard ``sc`` is in the table (Q3's table left out its quarterly goal)."""
        rec = goal_record(self.ds, self.period)
        if rec.empty:
            return
        rest = sc.loc[~sc["goal_id"].isin(rec["goal_id"]).to_numpy(), rec.columns]
        rec = pd.concat([rec, rest], ignore_index=True).sort_values("goal_id", kind="stable")
        f = self.fmt

        def listed(periods: pd.Series) -> str:
            """"2 (juil., sept.)": how many, and which (months by their short name) up to
            four; "10" alone, the others' lists naming the rest (a year's list of ten months
            ran over four lines, and across a page)."""
            if periods.empty:
                return "–"
            if len(periods) > 4:
                return f.number(len(periods))
            names = [f.date(p.start, "MMM") if p.kind == "month" else f.period(p)
                     for p in map(parse_period, periods)]
            return f"{f.number(len(names))} ({', '.join(names)})"

        rows = []
        for _, g in rec.groupby("goal_id", sort=True):
            status = g["status"].astype("string")
            first = g.iloc[0]
            rows.append({
                f.label("goal"): self._goal_name(first["metric"], first["platform"]),
                f.label("target"): self._target(first["metric"], first["direction"],
                                                first["target"]),
                f.status("met"): listed(g.loc[(status == "met").fillna(False), "goal_period"]),
                f.status("missed"): listed(g.loc[(status == "missed").fillna(False),
                                                 "goal_period"]),
                f.label("goal_record_other"): listed(
                    g.loc[~status.isin(["met", "missed"]).fillna(False), "goal_period"]),
            })
        self._add(sec, {"kind": "heading", "level": 2, "text": f.label("goal_record")})
        self.table(sec, pd.DataFrame(rows), align=["left", "right", "left", "left", "left"],
                   widths=["auto", "auto", "1fr", "1fr", "1fr"],
                   caption=f.label("goal_record_note").format(scorecard=f.label("scorecard")))

    # ---- ROI ------------------------------------------------------------------------------------
    def _costs_status(self, sec: Section) -> None:
        """Adds to ``sec`` the sentence saying why the period's costs are unknown (no
        costs.csv, one that could not be read, or one that does not cover the period) or kept
        for part of it; nothing when costs.csv covers the whole period. Unknown costs are said
        in words, never shown as 0."""
        f = self.fmt
        status, reason = costs_status(self.ds, self.period)
        if status == "uncovered":
            uncovered = f.ranged(f.label("costs_uncovered"), *costs_span(self.ds.costs),
                                 ("first", "last"))
            self.text(sec, f.joined(uncovered.format(period=f.period(self.period)),
                                    self.period))
        elif status != "read":
            self.text(sec, f.label("costs_failed").format(reason=reason, **f.failure(reason))
                      if status == "failed" else f.label("costs_none"))
        elif (days := costs_partly(self.ds.costs, self.period)) is not None:
            partly = f.ranged(f.label("costs_partly"), *days, ("first", "last"))
            self.text(sec, f.joined(partly.format(period=f.period(self.period)), self.period))
        if status == "read":
            self._costs_gaps(sec)

    def _costs_gaps(self, sec: Section) -> None:
        """Adds to ``sec`` a sentence for each month of the period that costs.csv covers
        without a category its other months have (:func:`~smmanalytics.roi.costs_gaps`):
        counted as nothing spent, an August without its labour read a ROI of 1 242 % with
        no word."""
        f = self.fmt
        for month, categories in costs_gaps(self.ds.costs, self.period):
            self.text(sec, f.joined(f.label("costs_month_missing").format(
                categories=f.gap_categories(categories, "or"), month=f.period(month)),
                month))

    def costs_gaps_named(self) -> str:
        """Every month of costs.csv without a category its other months have, with those
        categories, as the quality table's note names them ("August 2026: “Labour”; October
        2026: “Labour” and “Tools”"): its sentence said only that some month lacked some
        category, and the ROI section names a month only in a report covering it."""
        f = self.fmt
        return f.join(f.cost_gap(month, categories)
                      for month, categories in costs_gaps(self.ds.costs))

    def costs_one_off_named(self) -> dict[str, str]:
        """The fields of the quality table's note of a costs file opening on a one-off line
        (``costs_one_off_first``, :func:`~smmanalytics._costs.one_off_first`): ``opening``,
        that line's category as the cost tables name it and its line (" (“Production”, line
        2)"), ``monthly``, the categories of the first lines entered month by month ("
        (“Labour”)"); empty, and the sentence then names neither, when the costs say none.
        The log's message gave costs.csv's codes ("production", "labor")."""
        f = self.fmt
        found = one_off_first(self.ds.costs) if len(self.ds.costs) else None
        if found is None:
            return {"opening": "", "monthly": ""}
        category = f.label("costs_month_missing_category").format(
            name=f.label("cat_" + found.category))
        return {"opening": f" ({category}, {f.label('error_line').format(value=found.line)})",
                "monthly": f" ({f.gap_categories(list(found.categories))})"}

    def _key_events_valued(self) -> bool:
        """Whether goals.yaml (or the caller) gives key events a value, so that the attributed
        value ROI divides differs from the attributed revenue ROAS divides."""
        return value_per_key_event_of(self.ds, None) is not None

    def _money_kpis(self, r: pd.Series, ratios: dict[str, float]) -> list[dict]:
        """The cards of one roi() row: cost, attributed revenue (ROAS's numerator), the
        attributed value where key events have a value (ROI's numerator: revenue + key events
        × their value), ROI and ROAS. The value was shown under "Attributed revenue", beside a
        ROAS that is revenue alone ÷ ad spend."""
        f = self.fmt
        cards = [{"label": f.label("cost"), "value": f.money(r["cost"])},
                 {"label": f.label("revenue"), "value": f.money(r["revenue"])}]
        valued = self._key_events_valued()
        if valued:
            cards.append({"label": f.label("attributed_value"), "value": f.money(r["value"])})
        # ROI's numerator is the revenue where key events have no value, and said so
        return [*cards, self._ratio_card("ROI", r, ratios,
                                         ("cost", "value" if valued else "revenue")),
                self._ratio_card("ROAS", r, ratios, ("ad_spend", "revenue"))]

    def _ratio_card(self, name: str, r: pd.Series, ratios: dict[str, float],
                    figures: tuple[str, str]) -> dict:
        """The card of ROI or ROAS, noting the figures it divides (``ratios``, the row's
        ``attrs["ratio_figures"]``) where they are not the cards' beside it: GA4 missing
        August, the Q3 card showed a cost of 8 351 € and a ROI of −84 %, which is that of the
        6 018 € of the days GA4 covers, (988 − 6 018) ÷ 6 018."""
        f = self.fmt
        card = {"label": name, "value": self._value(name.lower(), r[name.lower()])}
        notes = [f.label(f"ratio_{m}_days").format(amount=f.money(ratios[m]))
                 for m in figures if pd.notna(r[name.lower()]) and pd.notna(ratios[m])
                 and not (pd.notna(r[m]) and abs(ratios[m] - r[m]) < 0.005)]
        if notes:
            card["note"] = f.join(notes)
        return card

    def _roi_said(self, sec: Section, notes) -> None:
        """The notes of ``roi()`` (code, sentence pairs) under the ROI figures, in a box of
        their own: one sentence, capitalised and ended as the compare caveats are; the box
        read « aucune session GA4 … » in lower case, with no full stop."""
        f = self.fmt
        said = f.join(f.note(text, code) for code, text in notes)
        self.text(sec, f.sentence(said.rstrip(".")) + ".", note=True)

    def roi(self) -> Section:
        """Total cost by category, attributed revenue, ROI and ROAS; then per campaign."""
        f = self.fmt
        sec = self.section(f.label("roi"))
        self._costs_status(sec)
        # also the cost breakdown's input below; the scorecard's ROI and ROAS goals asked it
        overall = roi_once(self.ds, self.period)
        total = overall.iloc[0]
        self.kpis(sec, self._money_kpis(total, overall.attrs["ratio_figures"][0]))
        if shown := _roi_notes(overall.attrs["row_notes"][0]):
            self._roi_said(sec, shown)
        self.text(sec, f.label("roi_definition"), note=True)
        by = roi_once(self.ds, self.period, by="campaign")
        by = by[(by["cost"].fillna(0) > 0) | (by["value"].fillna(0) > 0)]
        if len(by):
            rows, shared = self._campaign_rows(by, overall)
            table = pd.DataFrame({
                f.label("campaign"): [f.label("unassigned") if c == UNASSIGNED else
                                      printable(c) for c in by["campaign"]]
                + [f.label("roi_total")],
                **self._campaign_money(rows, "cost"),
                **self._campaign_money(rows, "ad_spend"),
                **self._campaign_money(rows, "revenue"),
                **(self._campaign_money(rows, "value") if self._key_events_valued() else {}),
                "ROI": [self._value("roi", v) for v in rows["roi"]],
                "ROAS": [self._value("roas", v) for v in rows["roas"]],
                "CPA": [f.money(v, 2) for v in rows["cpa"]],
            })
            self.table(sec, table, total=True, caption=f.label(
                "campaign_unassigned_ratios").format(name=f.label("unassigned"))
                if shared else None)
            # a campaign's revenue GA4 cannot know (no campaign dimension) or never saw (no
            # session with its utm_campaign) read as a loss with nothing said under the table
            said = dict.fromkeys((code, text) for i in by.index
                                 for code, text in by.attrs["row_notes"][i]
                                 if code in _CAMPAIGN_GA4_CODES)
            if said:
                self._roi_said(sec, said)
        breakdown = cost_breakdown(overall)
        if len(breakdown) and pd.notna(total["cost"]):
            self._add(sec, {"kind": "heading", "level": 2, "text": f.label("cost_breakdown")})
            self.table(sec, pd.DataFrame({
                f.label("category"): [f.label("cat_" + c) for c in breakdown["category"]],
                f.label("amount"): [f.money(v) for v in breakdown["amount"]],
                f.label("share"): [f.percent(v, 0) for v in breakdown["share"]],
            }), widths=["1fr", "auto", "auto"])
            shown = by.assign(campaign=[f.label("unassigned") if c == "(unassigned)" else c
                                        for c in by["campaign"]])
            # a bar's name in up to 3 lines (plot_costs wraps a long UTM): the rows spread
            # to hold the longest, 0.17 in a line of its 9.9 pt text, 0.3 in a row at least
            lines = max((plots.wrap_label(c).count("\n") + 1 for c in shown["campaign"]),
                        default=1)
            with plt.rc_context(plots.theme()):
                fig, ax = plt.subplots(figsize=(7, 1.6 + max(0.3, 0.17 * lines) * len(by)))
                plot_costs(shown, ax=ax, unknown=f.label("cost_unknown"))
                if ax.get_legend() is not None:     # the categories' names, in the language
                    for text in ax.get_legend().get_texts():
                        cat = text.get_text().replace(" ", "_")
                        if cat in CATEGORIES:
                            text.set_text(f.label("cat_" + cat))
                ax.set_xlabel(plots.plain(f"{f.label('cost')} ({self.brand.currency})"))
                ax.set_ylabel("")
                self.figure(sec, fig, caption=f.label("cost_by_campaign"), width="80%")
        return sec

    @staticmethod
    def _campaign_rows(by: pd.DataFrame, overall: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
        """The campaign table's rows: roi() by campaign (``by``), then the total (roi()
        ``overall``, last) with the all-in ROI and CPA; and whether the
        ``(unassigned)`` row's ROI and CPA were blanked. Its costs (labour, tools… not tied to
        a campaign) support every campaign: divided by the few key events of the traffic
        without a campaign they read as a cost per acquisition, the sample's October 3,048.81
        € ÷ 3 = 1,016.27 € beside a campaign's 8.68 €. They stay in the total's. Its ROAS
        (its own ad spend, its own revenue) is kept. ``attrs["ratio_figures"]`` follows the
        rows, as :meth:`_campaign_money` reads it."""
        figures = by.attrs["ratio_figures"]
        mine = (by["campaign"] == UNASSIGNED).fillna(False).to_numpy()
        shared = bool((mine & (by["roi"].notna() | by["cpa"].notna()).to_numpy()).any())
        rows = pd.concat([by.assign(roi=by["roi"].mask(mine), cpa=by["cpa"].mask(mine)),
                          overall.assign(campaign=None)], ignore_index=True)
        rows.attrs = {"ratio_figures": [figures[i] for i in by.index]
                      + [overall.attrs["ratio_figures"][0]]}
        return rows, shared

    def _campaign_money(self, by: pd.DataFrame, column: str) -> dict[str, list[str]]:
        """A money column of the campaign table (roi() by campaign, ``by``), header and cells:
        the rows' own figures, or, when a row's ROI, ROAS or CPA divide that figure over
        fewer days (``attrs["ratio_figures"]``: the days GA4 and costs.csv both cover), those
        of every row, under a header that says so (:data:`_COVERED_HEADERS`).

        GA4 missing August, the third quarter's row read "no campaign 7 651 € | ROI −92 % |
        CPA 531,81 €": the quarter's cost beside ratios of the 61 covered days' 5 318 €,
        (399 − 5 318) ÷ 5 318 and 5 318 ÷ 10 key events. A row is checked from its own
        columns."""
        f = self.fmt
        own = by[column].tolist()
        divided = [by.attrs["ratio_figures"][i][column] for i in by.index]
        if any(pd.notna(d) and not (pd.notna(o) and abs(d - o) < 0.005)
               for o, d in zip(own, divided, strict=True)):
            return {f.label(_COVERED_HEADERS[column]): [f.money(v) for v in divided]}
        return {f.label(_MONEY_HEADERS[column]): [f.money(v) for v in own]}

    def campaign_summary(self) -> Section:
        """One campaign over the report's period: cost, attributed revenue, ROI, ROAS, CPA,
        posts, sessions and key events, all of the same days (the cover's); when the campaign
        ran beyond them, its first and last days are said."""
        # looked up when called, as smmanalytics.roi.roi (the package's `roi` is the function):
        # a test counts the report's roi() runs by patching it
        from ..roi import roi

        f = self.fmt
        sec = self.section(f.labelled(f.label("campaign"), printable(self._campaign_name())))
        key = campaign_key(pd.Series([self.campaign])).iloc[0]
        self.text(sec, f.span(self.period.start, self.period.end))
        spans = campaign_spans(self.ds, posts=True)
        if key in spans.index:
            first, last = (d.date() for d in spans.loc[key, ["start", "end"]])
            if first < self.period.start or last > self.period.end:
                partly = f.ranged(f.label("campaign_partly"), first, last, ("first", "last"))
                self.text(sec, f.joined(partly.format(period=f.period(self.period)),
                                        self.period))
        table = roi(self.ds, self.period, by="campaign")
        of_campaign = (campaign_key(table["campaign"]) == key).fillna(False).to_numpy()
        row = table.loc[of_campaign]
        if row.empty:
            return self.text(sec, f.joined(f.label("campaign_unknown").format(
                period=f.period(self.period)), self.period))
        r, ratios = row.iloc[0], table.attrs["ratio_figures"][int(of_campaign.argmax())]
        # the costs' and GA4's "–" said as the ROI section says them: cost, revenue, ROI, ROAS
        # and CPA showed "–" with no word of why (no costs.csv, no GA4 data of these days)
        self._costs_status(sec)
        self.kpis(sec, self._money_kpis(r, ratios))
        # "Posts 0" of a campaign none of the period's posts carries (bio-link, the link in
        # Instagram's profile) read as a campaign without a post published: the cell is
        # marked, and the caption says why and how many were published
        untagged = self._untagged()
        self.table(sec, pd.DataFrame({
            f.label("posts"): [f.number(len(self.posts)) + (" *" if untagged else "")],
            f.label("interactions"): [f.number(self.posts["interactions"].sum(min_count=1))],
            f.label("sessions"): [f.number(r["sessions"])],
            f.label("key_events"): [f.number(r["key_events"])],
            "CPA": [f.money(r["cpa"], 2)],
            f.label("ad_spend"): [f.money(r["ad_spend"])],
        }), align=["right"] * 6, caption=f"* {self._no_campaign_posts()}" if untagged else None)
        if shown := _roi_notes(table.attrs["row_notes"][of_campaign.argmax()], _CAMPAIGN_SKIPS):
            self._roi_said(sec, shown)
        # the monthly definition ("total cost includes labour, tools…") read as a ROI net of
        # the community manager's time: a campaign's cost is its own cost lines alone
        unassigned = self._unassigned_costs(table)
        self.text(sec, " ".join([f.label("campaign_roi_definition"), *unassigned]), note=True)
        return sec

    def _unassigned_costs(self, table: pd.DataFrame) -> list[str]:
        """The sentence saying the period's costs assigned to no campaign, of roi()'s frame by
        campaign ``table``, are not in the campaign's figures, with their amount and its
        categories; none when there are none or their amount is unknown. The sample's
        automne-2026 showed ROI 340 % on its 3,200 € of cost lines, its 3,725 € of labour and
        tools on ``(unassigned)``."""
        f = self.fmt
        rows = table.loc[(table["campaign"] == UNASSIGNED).fillna(False).to_numpy()]
        if rows.empty or not (rows["cost"].iloc[0] > 0):      # NaN (unknown) too
            return []
        r = rows.iloc[0]
        parts = [f"{f.label('cat_' + c).lower()} {f.money(r[c])}" for c in CATEGORIES
                 if pd.notna(r[c]) and r[c] > 0]
        return [f.joined(f.label("campaign_unassigned_costs").format(
            period=f.period(self.period), amount=f.money(r["cost"]),
            categories=", ".join(parts)), self.period)]

    # ---- benchmarks and competitors -------------------------------------------------------------
    def benchmarks(self) -> Section:
        """The brand's figures computed each benchmark's way, and the competitors side by side."""
        # looked up when called, in smmanalytics.benchmarks (the package's `benchmarks` is the
        # function): tests patch them
        from ..benchmarks import compare_benchmarks, compare_competitors

        f = self.fmt
        sec = self.section(f.label("benchmarks"))
        b = compare_benchmarks(self.ds, self.period, industry=self.brand.industry)
        if len(b):
            # each row's method and notes become numbered footnotes, each distinct text once
            footnotes: dict[str, int] = {}
            refs = []
            for method, note in zip(b["method"], b["note"], strict=True):
                texts = ([f.note(method)] if pd.notna(method) and method else []) + f.notes(note)
                numbers = [footnotes.setdefault(t, len(footnotes) + 1) for t in texts]
                refs.append(", ".join(str(n) for n in sorted(numbers)))
            self.table(sec, pd.DataFrame({
                f.label("platform"): [f.platform(p) for p in b["platform"]],
                f.label("metric"): [f.metric(_benchmark_metric(m, d)) for m, d in zip(
                    b["metric"], b["denominator"], strict=True)],
                # the industry of the benchmark's row, "all industries" where the brand's has
                # none: maison-seve's Rival IQ rows are Health & beauty medians, never said
                f.label("source"): [f"{s} {e} ({f.label('industry_' + str(i))})" for s, e, i in
                                    zip(b["source"], b["edition"], b["industry"], strict=True)],
                # the brand's rate and its benchmark at two significant figures below 1 %:
                # Facebook's 0.017 % read "0.02 %", 18 % over it
                f.label("brand"): [self._value(m, v, compared=True) for m, v in zip(
                    b["metric"], b["brand_value"], strict=True)],
                f.label("benchmark"): [self._value(m, v, compared=True) for m, v in zip(
                    b["metric"], b["benchmark_value"], strict=True)],
                f.label("ratio"): [f"{f.number(v, 2)}×" if pd.notna(v) else "–"
                                   for v in b["ratio"]],
                f.label("notes"): refs,
            }), align=["left", "left", "left", "right", "right", "right", "left"])
            self.bullets(sec, list(footnotes), numbered=True)
        c = compare_competitors(self.ds, self.period)
        # competitors.csv holding two of a quarter's three months: compared over those days,
        # the brand's figures of the same days (the section vanished without a word)
        within = competitors_within(self.ds, self.period) if not len(c) else None
        if within is not None:
            c = compare_competitors(self.ds, within)
        compared = self.period if within is None else within
        left = self._left_out(competitors_left_out(self.ds, compared), compared)
        if len(c):
            self._add(sec, {"kind": "heading", "level": 2, "text": f.label("competitors")})
            if within is not None:
                # the brand's posting rate over the days its exports cover, fewer than the
                # competitors' (August without its Facebook export): not "the same days"
                fewer = (c["is_brand"].fillna(False) & (c["days"] != within.days)).any()
                partial = f.ranged(f.label("competitors_partial_fewer" if fewer
                                           else "competitors_partial"), within.start, within.end)
                self.text(sec, f.joined(partial.format(period=f.period(self.period)),
                                        self.period))
            self.table(sec, pd.DataFrame({
                f.label("platform"): [f.platform(p) for p in c["platform"]],
                f.label("account"): [f"{printable(n)} ★" if own else printable(n)
                                     for n, own in zip(c["name"], c["is_brand"], strict=True)],
                # the brand's mean per account of a platform of several: 21.5, not "22"
                f.label("posts"): [f.number(v, 0 if pd.isna(v) or float(v).is_integer() else 1)
                                   for v in c["posts"]],
                f.label("interactions_per_post"): [f.number(v, 1)
                                                   for v in c["interactions_per_post"]],
                f.label("er_followers"): [f.rate(v) for v in c["er_followers"]],
                f.label("posts_per_week"): [f.number(v, 1) for v in c["posts_per_week"]],
            }), align=["left", "left", "right", "right", "right", "right"],
                caption=" ".join([f.label("competitors_caption"), *self._brand_notes(c),
                                  *self._rate_dashes(c)]))
            if left:
                self.text(sec, f.label("competitors_left_out").format(why=f.join(left)),
                          note=True)
        elif left:
            # rows of the period's days that cannot be compared (a month missing, a year's
            # figures): "competitors.csv runs from 1 July to 30 September" said nothing of why
            self.text(sec, f.joined(f.label("competitors_none_comparable").format(
                period=f.period(self.period), why=f.join(left)), self.period))
        elif (span := competitors_span(self.ds)) is not None:
            # competitors.csv read, but none of its rows within this period
            outside = f.ranged(f.label("competitors_outside"), span.start, span.end)
            self.text(sec, f.joined(outside.format(period=f.period(self.period)),
                                    self.period))
        if not len(b) and not len(c):
            self.text(sec, f.label("benchmarks_none"))
        return sec

    def _left_out(self, left: pd.DataFrame, compared) -> list[str]:
        """The competitors ``competitors_left_out`` gives for the period ``compared``, with
        why, in the report language: they vanished from the table without a word. One clause
        for all those left out for the same reason and periods on the same platforms: a
        one-day report said "…, whose figures are for October 2026, a longer period than 2
        October 2026: they cannot be set beside the brand's" 9 times, for 3 competitors on 3
        platforms."""
        f = self.fmt
        platforms: dict[tuple[str, str, str], list[str]] = {}
        for r in left.itertuples(index=False):
            platforms.setdefault((r.reason, str(r.detail), r.competitor), []).append(r.platform)
        names: dict[tuple[str, str, tuple[str, ...]], list[str]] = {}
        for (reason, detail, name), plats in platforms.items():
            names.setdefault((reason, detail, tuple(plats)), []).append(name)
        out = []
        for (reason, detail, plats), who in names.items():
            details = [x for x in detail.split(", ") if x]
            periods = f.listed(self._days_or_period(x) for x in details)
            text = f.label(f"competitors_left_{reason}").format(
                name=f.listed(printable(n) for n in who),
                platform=", ".join(f.platform(p, inline=True) for p in plats),
                missing=periods, periods=periods, period=f.period(compared))
            # "plus longue qu'octobre 2026", "que la période du 1er août au 30 septembre
            # 2026", "riguardano il 2026": each period with the words the language puts
            # before it
            for x in [compared, *details]:
                text = f.joined(text, x, days=True)
            out.append(text)
        return out

    def _days_or_period(self, label: str) -> str:
        """A period by its name ("août 2026"), a range of days as one ("les jours du 16 au 31
        octobre 2026")."""
        p = parse_period(label)
        if p.kind != "range":
            return self.fmt.period(p)
        return self.fmt.ranged(self.fmt.label("competitors_days"), p.start, p.end)

    def _rate_dashes(self, c: pd.DataFrame) -> list[str]:
        """Why the engagement rate per follower of ``c`` reads "–" where it does: followers
        unknown (the brand's, at the period's end) or 0, no posts, or posts or interactions
        unknown. The dash stood unexplained."""
        f = self.fmt
        by_cause: dict[str, dict[str, list[str]]] = {}
        for r in c.loc[c["er_followers"].isna().to_numpy()].itertuples(index=False):
            cause = ("unknown" if pd.isna(r.posts) or pd.isna(r.interactions)
                     else "no_posts" if r.posts == 0      # the first cause of the dash, once
                     else "followers_unknown" if pd.isna(r.followers)
                     else "followers_zero")
            name = f"{printable(r.name)}{' ★' if r.is_brand else ''}"
            by_cause.setdefault(cause, {}).setdefault(name, []).append(
                f.platform(r.platform, inline=True))
        if not by_cause:
            return []
        why = [f.label(f"competitors_er_{cause}").format(names=f.listed(
                   f"{name} ({', '.join(platforms)})" for name, platforms in names.items()))
               for cause, names in by_cause.items()]
        return [f.label("competitors_er_none").format(column=f.label("er_followers"),
                                                      why=f.join(why))]

    def _brand_notes(self, c: pd.DataFrame) -> list[str]:
        """The brand rows' notes of ``compare_competitors`` (``c``), one sentence a platform:
        "Instagram ★ — 12 stories écartées (42 publications en les comptant) : …". The brand's
        30 Instagram posts of October stood beside its 42 of the key figures with nothing
        said. Its followers unknown are left to the sentence on the table's dashes
        (:meth:`_rate_dashes`), which names every row they concern."""
        f = self.fmt
        mine = c.loc[c["is_brand"].fillna(False).to_numpy() & c["note"].notna().to_numpy()]
        said = {p: [x for x in n.split("; ") if x != FOLLOWERS_UNKNOWN]
                for p, n in zip(mine["platform"], mine["note"], strict=True)}
        return [f"{f.platform(p)} ★ — {f.join(f.notes('; '.join(n)))}."
                for p, n in said.items() if n]

    # ---- period over period ---------------------------------------------------------------------
    def compare(self) -> Section:
        """Each KPI against the previous period: change in % and points, with its interval.
        A campaign's report sets the brand's figures against the same weekdays just before
        (:meth:`~smmanalytics.periods.Period.weeks_before`), and says so: it had no word of
        what the campaign changed."""
        f = self.fmt
        sec = self.section(f.label("compare"))
        previous = self.period.weeks_before() if self.campaign else None
        if previous is not None:
            self.text(sec, f.label("compare_campaign").format(previous=f.period(previous)))
        # the section prints the bootstrap interval only: no model fits (model_ci_*), and no
        # import of statsmodels for them (1.5 s of the report kernel's time)
        cmp = compare(self.ds, self.period, previous, model=False)
        t = cmp.table
        rows = []
        for r in t.itertuples(index=False):
            if _uncarried(r):
                continue
            # Every change and interval is relative (%), so the interval reads on the same
            # scale as the change; rates add their difference in percentage points.
            change = f.change(r.change_pct, 1)
            no_pct = pd.isna(r.change_pct) and pd.notna(r.change_abs) and r.kpi not in _RATES
            if no_pct and r.basis == "per day":
                # no relative change from 1,227 net followers to -150 (or from 0), and the
                # difference of two daily rates, "-45.7 a day", reads as a loss of 45.7 a day
                # (it was 4.8): both rates, "-4.8 vs +40.9 a day"
                current, previous = self._apart(self._signed, r.kpi, *_per_day(r))
                change = f.label("change_daily_rates").format(current=current,
                                                              previous=previous)
            elif no_pct:
                # the same over periods of one length: the difference itself
                change = self._signed(r.kpi, r.change_abs, whole=True)
            if r.kpi in _RATES and pd.notna(r.change_abs):
                change += f" ({f.points(r.change_abs)})"
            elif r.basis == "per day" and change != "–" and not no_pct:
                # 110 posts against 109 read "−2.3 %" with no word, then "−2.3 % a day", a
                # fall where the count rose: it is the daily rate that fell, 3.5 from 3.6
                pair = _per_day(r)
                current, previous = self._apart(
                    lambda kpi, x, more, pair=pair: self._rate(kpi, x, more, pair), r.kpi, *pair)
                change = f.label("change_per_day_rates").format(change=change, current=current,
                                                                previous=previous)
            if r.direction_only:
                interval = self._direction_only(r, cmp)
            elif pd.notna(r.ci_low):
                interval = f"{_bound(f, r.ci_low)} … {_bound(f, r.ci_high)}"
            else:
                interval = "–"
            # the columns are named by their periods ("octobre 2026", "septembre 2026"), or by
            # the days compared when they are not the whole periods: the fourth quarter, its
            # data stopping on 31 October, is compared with 1–31 July, and "T3 2026" over
            # July's 103 posts read as the quarter's (328)
            rows.append({f.label("kpi"): f.metric(r.kpi),
                         f.period(cmp.current_compared or cmp.current):
                             self._value(r.kpi, r.current),
                         f.period(cmp.previous_compared or cmp.previous):
                             self._value(r.kpi, r.previous),
                         f.label("change"): change, f.label("interval"): interval})
        self.table(sec, pd.DataFrame(rows), caption=f.label("compare_caption"))
        caveats = [f.sentence(f.note(c)) for c in cmp.caveats]
        if len(cmp.rate_measures) > 1:      # which platforms each rate pools
            caveats.append(f.label("compare_rates_by").format(
                by=self._rates_said(cmp.rate_measures)))
        if stories := self._compared_stories(cmp):
            caveats.append(stories)
        if caveats:
            self.bullets(sec, caveats)
        return sec

    def _direction_only(self, r, cmp) -> str:
        """The interval cell of a KPI shown as direction only: "few posts" when a period has
        fewer than :data:`~smmanalytics.compare.MIN_POSTS`, else the posts carrying it in the
        period with the fewest ("reach known for 3 of 17 posts of October 2026"); of a rate,
        those that enter it, and the platforms it pools (:func:`~smmanalytics.compare.
        rate_platforms`) with posts in that period: "views known for 4 of 102 posts" read as
        false beside a views row of 69 posts, Facebook's and Instagram's, whose rates are by
        reach, and October 2025's named TikTok, whose data start in November. Beside posts 17
        and 17, "direction only (few posts)" gave no reason."""
        f = self.fmt
        if min(r.n_current, r.n_previous) < MIN_POSTS:
            return f.label("direction_only")
        previous = r.n_kpi_previous < r.n_kpi_current
        k, n = (r.n_kpi_previous, r.n_previous) if previous else (r.n_kpi_current, r.n_current)
        p = ((cmp.previous_compared or cmp.previous) if previous
             else (cmp.current_compared or cmp.current))
        rated = rate_platforms(r.kpi, cmp.rate_measures,
                               cmp.posting.get("previous" if previous else "current"))
        label = ("direction_only_rate" if rated
                 else "direction_only_carry_one" if k == 1 else "direction_only_carry")
        text = f.label(label).format(
            measure=f.measure(carried_by(r.kpi)), k=f.number(k), n=f.number(n),
            period=f.period(p), platforms=f.listed(f.platform(name) for name in rated))
        return f.joined(text, p)          # "au T3 2026", "del 2026", as every period sentence

    def _compared_stories(self, cmp) -> str | None:
        """"Posts and the figures from them include stories: 12 in October 2026, 15 in
        September 2026 (…)": the comparison's totals take the stories of either period, which
        the benchmarks and competitors leave out; None when neither period has any. A period
        the data do not cover has no count (unknown, not 0): Q3 2025's note read "Q2 2025: 0"
        with the data starting on 1 September 2025, Q2 "not covered" in the same report."""
        from .sections import stories_by_platform  # cycle: sections imports this module

        f = self.fmt
        first, last = self.ds.span(web=False)
        counts = {}
        for p in (cmp.current_compared or cmp.current, cmp.previous_compared or cmp.previous):
            if first is not None and p.end >= first and p.start <= last:
                posts, _ = posts_in(self.ds, "all", p.start, p.end)
                counts[p] = 0 if posts is None else sum(stories_by_platform(posts).values())
        if not any(counts.values()):
            return None
        if len(counts) == 1:
            (period, count), = counts.items()
            return f.label("compare_stories_one").format(count=f.number(count),
                                                         period=f.period(period))
        (current, n_current), (previous, n_previous) = counts.items()
        return f.label("compare_stories").format(
            current=f.number(n_current), previous=f.number(n_previous),
            current_period=f.period(current), previous_period=f.period(previous))

    @staticmethod
    def _apart(show, kpi: str, current: float, previous: float) -> tuple[str, str]:
        """Two daily rates shown by ``show(kpi, x, more)``, with up to two more decimals when
        they differ but would read the same: 11 posts in 31 days against 13 in 30 read "0.4
        vs 0.4 a day" beside a change of −18 %; they read "0.35 vs 0.43"."""
        for more in range(3):
            pair = show(kpi, current, more), show(kpi, previous, more)
            if pair[0] != pair[1] or current == previous:
                break
        return pair

    def _rate(self, kpi: str, x: float, more: int = 0, pair: tuple = ()) -> str:
        """A total per day: "3.5", "893", "472.84 €" (one decimal, or two for money, below
        100; ``more`` decimals added). ``pair``: the two rates shown side by side, which take
        the same decimals, those of the smaller: "165 € vs 93.35 € a day" mixed whole euros
        and cents in one parenthesis; it reads "164.52 € vs 93.35 €"."""
        small = min((abs(v) for v in pair), default=abs(x)) < 100
        return (self.fmt.money(x, (2 if small else 0) + more) if kpi in _MONEY
                else self.fmt.number(x, (1 if small else 0) + more))

    def _signed(self, kpi: str, x: float, more: int = 0, whole: bool = False) -> str:
        """A total's change or daily rate, signed: "+40.9", "-150", "+15.25 €" (whole: no
        decimals, for a period's total; else one, or a currency's two; ``more`` added)."""
        f = self.fmt
        digits = (0 if whole else 2 if kpi in _MONEY else 1) + more
        x = half_up(x, digits) + 0.0          # -0.04 → 0.0: no sign on what shows as zero
        return ("+" if x > 0 else "") + (f.money(x, digits) if kpi in _MONEY
                                         else f.number(x, digits))


def _benchmark_metric(metric: str, denominator) -> str:
    """The metrics key naming a benchmark row's figure: an engagement rate by its denominator
    (:data:`_BENCHMARK_RATES`; ``er_unresolved`` for one its sources disagree on), another
    metric (posts per week) by its own name."""
    if metric != "engagement_rate" or pd.isna(denominator):   # no benchmark, no denominator
        return metric
    return _BENCHMARK_RATES.get(str(denominator), "er_unresolved")


def _bound(f, x: float) -> str:
    """An end of a change's interval in percent: whole percents, or the first of 1 or 2
    decimals that shows a figure other than 0, so that the end keeps its sign. At whole
    percents +0.4 % and −0.4 % both read "0%", and "0% … +25%" left unsaid whether the
    interval runs from a fall, which the caption tells the reader to look for; they read
    "+0.4%" and "−0.4%". An end under 0.005 % reads "0.00%", one of no change "0%"."""
    for digits in (0, 1, 2):
        text = f.change(x, digits)
        if not x or digits == 2 or any(c in text for c in "123456789"):
            return text


def _uncarried(r) -> bool:
    """Whether a row of ``compare``'s table is of reach, views or impressions (a total or a
    rate) that no post of either period carries (both periods having posts): a brand without
    reach read "Eng. rate / reach (pooled) – – – –" and two such rows more."""
    counts = (r.n_kpi_current, r.n_kpi_previous, r.n_current, r.n_previous)
    return (carried_by(r.kpi) in RATE_MEASURES and not any(pd.isna(n) for n in counts)
            and counts[:2] == (0, 0) and min(counts[2:]) > 0)


def _per_day(r) -> tuple[float, float]:
    """The current and previous totals of a row of ``compare``'s table, each per day of its
    period's days compared."""
    return r.current / r.days_current, r.previous / r.days_previous


#: the label of the campaign table's header of each money column of roi(), and of the same
#: column when the ratios divide its figures over the days GA4 and costs.csv both cover
#: (:meth:`PerformanceSections._campaign_money`)
_MONEY_HEADERS = {"cost": "cost", "ad_spend": "ad_spend", "revenue": "revenue",
                  "value": "attributed_value"}
_COVERED_HEADERS = {"cost": "cost_ga4_days", "ad_spend": "ad_spend_ga4_days",
                    "revenue": "revenue_costs_days", "value": "value_costs_days"}


#: roi()'s notes (by code, roi.NOTE_CODES) the ROI section leaves out: the costs' coverage,
#: said above in a sentence of its own; CPA, CPC and CPM, not in this section; and ROI or ROAS
#: unknown because a figure is unknown, which that figure's own note says
_ROI_SECTION_SKIPS = frozenset({
    "costs_failed", "costs_uncovered", "costs_missing", "costs_partly", "costs_month_missing",
    "cpa_key_events_unknown", "cpa_key_events_zero", "cpa_cost_unknown", "cpa_cost_zero",
    "cpc_link_clicks_unknown", "cpc_link_clicks_zero", "cpc_ad_spend_unknown",
    "cpm_impressions_unknown", "cpm_impressions_zero", "cpm_ad_spend_unknown",
    "cpc_cpm_paid_unknown", "cpc_cpm_spend_left_out", "cpc_cpm_unplaced_spend_left_out",
    "cpc_cpm_campaign_spend_left_out",
    "cpc_organic_included", "cpm_organic_included",
    "roi_cost_unknown", "roi_value_unknown", "roas_ad_spend_unknown", "roas_revenue_unknown",
})


#: roi()'s notes by campaign that the ROI section's campaign table shows under it: the
#: campaigns whose revenue GA4 cannot tell (no campaign dimension, or an overlapping export
#: not naming it counted on its days) or has for none of its sessions (no GA4 row names it)
_CAMPAIGN_GA4_CODES = frozenset({"ga4_no_campaign_dimension", "ga4_campaign_overlap",
                                 "ga4_campaign_not_seen", "ga4_campaign_outside_period"})


#: the campaign summary's: the ROI section's, but it shows CPA, whose zero denominators (no
#: key event, no cost assigned to the campaign) no other note says
_CAMPAIGN_SKIPS = _ROI_SECTION_SKIPS - {"cpa_key_events_zero", "cpa_cost_zero"}


def _roi_notes(notes: list[tuple[str, str]], skips: frozenset = _ROI_SECTION_SKIPS
               ) -> list[tuple[str, str]]:
    """The notes of a row of ``roi()`` (its item of ``attrs["row_notes"]``, (code, sentence)
    pairs) that the ROI section (or, with ``skips`` :data:`_CAMPAIGN_SKIPS`, the campaign
    summary) shows: what was left out or is unknown (cost lines in another currency, GA4 rows,
    goals.yaml), and why ROI or ROAS is "–" when its denominator is zero; chosen by code
    (``skips``: :data:`_ROI_SECTION_SKIPS`), never by the sentences' words."""
    return [(code, text) for code, text in notes if code not in skips]
