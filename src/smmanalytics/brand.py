"""Brand settings from brand.yaml: name, audience time zone, currency, language, colours, logo."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from ._io import read_user_text
from .errors import ConfigError

__all__ = ["Brand", "read_brand", "slugify"]

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
LANGS = ("en", "fr", "it")


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphenated: ``"Maison Sève"`` → ``"maison-seve"``."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "brand"


@dataclass(frozen=True)
class Brand:
    """Settings of one brand. ``timezone`` is the audience's IANA zone."""

    name: str = "Brand"
    slug: str = "brand"
    timezone: str = "UTC"
    currency: str = "EUR"
    language: str = "en"
    industry: str = "all"
    primary_color: str = "#2F4F3A"
    accent_color: str = "#C8A165"
    logo: Path | None = None
    accounts: dict = field(default_factory=dict)


def read_brand(path: str | Path) -> Brand:
    """Read and validate brand.yaml.

    Raises
    ------
    ConfigError
        naming the file, the key, what was expected and what came.
    """
    path = Path(path)
    text = read_user_text(path, "brand settings file")
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError("not valid YAML", file=str(path),
                          line=mark.line + 1 if mark else None, expected="YAML mapping",
                          got=str(exc).splitlines()[0]) from exc
    if not isinstance(raw, dict):
        raise ConfigError("brand settings must be a mapping", file=str(path),
                          expected="key: value lines", got=type(raw).__name__)
    name = str(raw.get("name") or "Brand")
    tz = str(raw.get("timezone", "UTC"))
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError("unknown time zone", file=str(path), column="timezone",
                          expected="an IANA zone such as Europe/Paris", got=tz) from None
    lang = str(raw.get("language", "en"))
    if lang not in LANGS:
        raise ConfigError("unsupported report language", file=str(path), column="language",
                          expected=f"one of {LANGS}", got=lang)
    colors = raw.get("colors") or {}
    for key in ("primary", "accent"):
        if key in colors and not _HEX.match(str(colors[key])):
            raise ConfigError("colour must be a hex code", file=str(path),
                              column=f"colors.{key}", expected="#RRGGBB", got=colors[key])
    logo = raw.get("logo")
    return Brand(
        name=name,
        slug=str(raw.get("slug") or slugify(name)),
        timezone=tz,
        currency=str(raw.get("currency", "EUR")).upper(),
        language=lang,
        industry=str(raw.get("industry", "all")),
        primary_color=str(colors.get("primary", Brand.primary_color)),
        accent_color=str(colors.get("accent", Brand.accent_color)),
        logo=(path.parent / logo) if logo else None,
        accounts=dict(raw.get("accounts") or {}),
    )
