"""smmanalytics: social media analytics exports in, engagement, ROI, timing and reports out.

>>> import smmanalytics as smm
>>> ds = smm.load("data/sample/maison-seve")      # doctest: +SKIP
"""

import importlib as _importlib
import logging as _logging
from importlib import metadata as _metadata

from . import _allocator  # noqa: F401  (first: before pandas and pyarrow load, see there)
from .alerts import (
    AlertSettings,
    Review,
    alerts,
    backtest,
    incidents,
    plot_alert,
    plot_alerts,
    review,
    signals,
)
from .benchmarks import benchmarks, compare_benchmarks, compare_competitors, read_competitors
from .brand import Brand
from .calendar import plan_after, plan_month, plan_slots, write_ics
from .compare import Comparison, compare
from .dataset import Dataset, load
from .errors import (
    ArgumentError,
    ArgumentTypeError,
    BrandCurrencyError,
    BrandKeyError,
    BrandTimezoneError,
    CacheWarning,
    ConfigError,
    DataQualityWarning,
    EmptyDataError,
    OutputError,
    ParseError,
    PeriodError,
    ReportError,
    SchemaError,
    SmmError,
    UnknownFormatError,
    UnknownPlatformError,
)
from .goals import STATUS_LABELS, goal_record, read_goals, scorecard, scorecard_display
from .loaders import read_export
from .metrics import engagement, interactions
from .periods import Period, parse_period
from .roi import (
    campaign_roi,
    cost_breakdown,
    earned_media_value,
    plot_costs,
    prorate_costs,
    read_costs,
    roi,
)
from .runner import run_report
from .timing import BestTimes, best_times

try:
    __version__ = _metadata.version("smmanalytics")
except _metadata.PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0.0.0+unknown"

# A library logs, the application decides what to show (quality notes are in ds.quality and
# in the reports); without this, Python's last-resort handler prints every warning.
_logging.getLogger(__name__).addHandler(_logging.NullHandler())

#: submodules imported on first access (``smm.plots.plot_audience(...)``), not with the
#: package: plots imports matplotlib, which ``import smmanalytics`` leaves for later
_ON_FIRST_USE = ("plots",)


def __getattr__(name: str):
    """``smm.plots`` whatever ran before: it was there only once a plotting function had
    imported it, so a notebook cell using it worked or failed with the cells above it."""
    if name in _ON_FIRST_USE:
        return _importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The package's names and the submodules imported on first access (tab completion)."""
    return sorted({*globals(), *_ON_FIRST_USE})


__all__ = [
    "__version__",
    "Brand",
    "Dataset",
    "load",
    "engagement",
    "interactions",
    "Period",
    "parse_period",
    "run_report",
    "read_export",
    "SmmError",
    "ParseError",
    "UnknownFormatError",
    "SchemaError",
    "BrandTimezoneError",
    "BrandCurrencyError",
    "BrandKeyError",
    "ConfigError",
    "UnknownPlatformError",
    "PeriodError",
    "ArgumentError",
    "ArgumentTypeError",
    "EmptyDataError",
    "ReportError",
    "OutputError",
    "DataQualityWarning",
    "CacheWarning",
    # roi, goals, benchmarks, compare
    "read_costs",
    "prorate_costs",
    "roi",
    "campaign_roi",
    "cost_breakdown",
    "earned_media_value",
    "plot_costs",
    "read_goals",
    "goal_record",
    "scorecard",
    "scorecard_display",
    "STATUS_LABELS",
    "benchmarks",
    "compare_benchmarks",
    "read_competitors",
    "compare_competitors",
    "Comparison",
    "compare",
    # timing
    "best_times",
    "BestTimes",
    "plan_slots",
    "plan_month",
    "plan_after",
    "write_ics",
    # alerts
    "alerts",
    "signals",
    "backtest",
    "incidents",
    "review",
    "Review",
    "plot_alert",
    "plot_alerts",
    "AlertSettings",
]
