"""Charts: what they draw adds up to the data."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

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
                        other=f.category("other"))
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
                        other=f.category("other"))
    assert list(_bars(ax).items()) == [("FR", 0.71), ("BE", 0.09), ("MA", 0.03), ("LU", 0.02),
                                       ("Autres", 0.04)]
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
    assert _bars(ax) == pytest.approx({"Donne": 0.76, "Uomini": 0.21, "Altro": 0.03})
    plt.close(fig)
