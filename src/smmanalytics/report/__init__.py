"""Management reports: layout (Typst), locale formatting, and the brand report's sections."""

from __future__ import annotations

from .builder import Report, Section
from .formatting import Formatter
from .sections import BrandReport, posts_in_period

__all__ = ["Report", "Section", "Formatter", "BrandReport", "posts_in_period"]
