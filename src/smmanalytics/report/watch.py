"""Report sections that look ahead and around: best times to post (with next month's slots) and
the reputation watch. Mixed into BrandReport."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from .. import plots
from .builder import Section

__all__ = ["WatchSections"]

_DAY_GROUPS = {"every day": "days_all", "Monday-Friday": "days_week", "Saturday-Sunday":
               "days_weekend"}


class WatchSections:
    """Best-times and alerts sections."""

    def _history(self) -> pd.DataFrame:
        """Posts published up to the end of the period: a report never looks past it."""
        local = self.ds.posts["published_at"].dt.tz_convert(self.tz).dt.tz_localize(None)
        return self.ds.posts.loc[(local.dt.normalize() <= pd.Timestamp(self.period.end))
                                 .fillna(False).to_numpy()].reset_index(drop=True)

    def _bt_sentence(self, bt) -> str:
        f = self.fmt
        w = bt.window or {}
        if bt.effect_detected and w.get("status") == "ok":
            return f.label("bt_effect").format(
                p=f.number(bt.p_value, 3), days=f.label(_DAY_GROUPS.get(w["days"], "days_all")),
                h0=f"{w['start_hour']:02d}:00", h1=f"{w['end_hour']:02d}:00",
                lift=f"{f.number(w['lift'], 2)}×",
                low=f.number(w["lift_low"], 2), high=f.number(w["lift_high"], 2),
                n=f.number(bt.n_used))
        if bt.n_used == 0:
            return f.label("bt_no_hours")
        return f.label("bt_none").format(p=f.number(bt.p_value, 2), n=f.number(bt.n_used))

    def best_times(self, *, platforms: list[str] | None = None, ics: bool = True,
                   seed: int = 0) -> Section:
        """Per platform: does posting time matter, the heatmap, and next month's slots.

        Uses every post published up to the period's end (more history, honest intervals).
        With ``ics``, next month's slots are also written as ``<stem>-<platform>.ics`` next
        to the PDF by :meth:`write_pdf`.
        """
        from ..calendar import plan_month
        from ..timing import best_times

        f = self.fmt
        sec = self.section(f.label("best_times"))
        history = self._history()
        if platforms is None:
            hourly = history["time_precision"].astype("string").isin(["minute", "second"])
            platforms = sorted(history.loc[hourly.fillna(False).to_numpy(), "platform"]
                               .astype(str).unique())
        if not platforms:
            return self.text(sec, f.label("bt_no_hours"))
        next_month = (pd.Timestamp(self.period.end) + pd.Timedelta(days=1)).strftime("%Y-%m")
        self.text(sec, f.label("bt_intro").format(tz=self.tz))
        for platform in platforms:
            bt = best_times(history, self.tz, platform=platform, daily=self.ds.daily, seed=seed)
            self._add(sec, {"kind": "heading", "level": 2, "text": f.platform(platform)})
            self.text(sec, self._bt_sentence(bt))
            with plt.rc_context(plots.theme(0.8)):
                fig, ax = plt.subplots(figsize=(8, 2.9))
                kind = "lift" if bt.effect_detected or bt.activity is None else "activity"
                bt.plot(ax=ax, kind=kind)
                self._localize_heatmap(fig, ax)
                self.figure(sec, fig, caption=f.label(f"bt_heatmap_{kind}"))
            plan = plan_month(bt, next_month)
            if len(plan):
                self._slots[platform] = plan
                shown = plan.head(12)
                basis = f.label("bt_basis_window" if bt.effect_detected else
                                "bt_basis_activity" if bt.activity is not None
                                else "bt_basis_even")
                self.table(sec, pd.DataFrame({
                    f.label("slot"): [f.date(t, "EEEE d MMMM") + t.strftime(" %H:%M")
                                      for t in shown["start_local"]],
                    f.label("expected_lift"): [f"{f.number(v, 2)}×" if pd.notna(v) else "–"
                                               for v in shown["lift"]],
                }), align=["left", "right"], widths=["1fr", "auto"],
                    caption=f.label("bt_slots_caption").format(
                        month=f.month(pd.Timestamp(next_month + "-01")).capitalize(),
                        n=len(plan), basis=basis))
            excluded = {k: v for k, v in (bt.n_excluded or {}).items() if v}
            if excluded:
                self.text(sec, f.label("bt_excluded") + " " + ", ".join(
                    f"{f.label('excl_' + k)}: {f.number(v)}" for k, v in excluded.items()),
                    note=True)
        return sec

    def _localize_heatmap(self, fig, ax) -> None:
        """Weekday names and axis labels in the report language (the caption says the rest)."""
        from babel.dates import get_day_names

        f = self.fmt
        days = get_day_names("abbreviated", locale=f.locale)
        ticks = ax.get_yticks()
        if len(ticks) == 7:
            ax.set_yticks(ticks, [days[i].rstrip(".").capitalize() for i in range(7)])
        ax.set_title("")
        ax.set_ylabel("")
        ax.set_xlabel(f"{f.label('hour')} ({self.tz})")
        for other in fig.axes:
            if other is not ax:
                other.set_ylabel("")

    def write_calendars(self, pdf_path: str | Path) -> list[Path]:
        """Write each platform's next-month slots as .ics next to the PDF."""
        from ..calendar import write_ics

        pdf_path = Path(pdf_path)
        written = []
        for platform, plan in self._slots.items():
            path = pdf_path.with_name(f"{pdf_path.stem}-{platform}.ics")
            write_ics(plan, path, brand_name=f"{self.brand.name} · {self.fmt.platform(platform)}")
            written.append(path)
        return written
