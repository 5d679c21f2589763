"""smmanalytics: social media analytics exports in, engagement, ROI, timing and reports out.

>>> import smmanalytics as smm
>>> ds = smm.load("data/sample/maison-seve")      # doctest: +SKIP
"""

from __future__ import annotations

# roi, goals, benchmarks, compare (roi branch)
from .benchmarks import benchmarks, compare_benchmarks, compare_competitors, read_competitors
from .brand import Brand
from .compare import Comparison, compare
from .dataset import Dataset, load
from .errors import (
    ConfigError,
    DataQualityWarning,
    EmptyDataError,
    ParseError,
    ReportError,
    SchemaError,
    SmmError,
    UnknownFormatError,
    UnknownPlatformError,
)
from .goals import STATUS_LABELS, read_goals, scorecard, scorecard_display
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

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "Brand",
    "Dataset",
    "load",
    "SmmError",
    "ParseError",
    "UnknownFormatError",
    "SchemaError",
    "ConfigError",
    "UnknownPlatformError",
    "EmptyDataError",
    "ReportError",
    "DataQualityWarning",
    # roi, goals, benchmarks, compare
    "Period",
    "parse_period",
    "read_costs",
    "prorate_costs",
    "roi",
    "campaign_roi",
    "cost_breakdown",
    "earned_media_value",
    "plot_costs",
    "read_goals",
    "scorecard",
    "scorecard_display",
    "STATUS_LABELS",
    "benchmarks",
    "compare_benchmarks",
    "read_competitors",
    "compare_competitors",
    "Comparison",
    "compare",
]
