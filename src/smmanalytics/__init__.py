"""smmanalytics: social media analytics exports in, engagement, ROI, timing and reports out.

>>> import smmanalytics as smm
>>> ds = smm.load("data/sample/maison-seve")      # doctest: +SKIP
"""

from __future__ import annotations

from .brand import Brand
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
from .loaders import read_export  # loaders block

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "Brand",
    "Dataset",
    "load",
    "read_export",
    "SmmError",
    "ParseError",
    "UnknownFormatError",
    "SchemaError",
    "ConfigError",
    "UnknownPlatformError",
    "EmptyDataError",
    "ReportError",
    "DataQualityWarning",
]
