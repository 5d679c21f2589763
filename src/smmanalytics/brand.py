"""Brand settings from brand.yaml: name, audience time zone, currency, language, colours, logo."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from ._io import read_user_text, yaml_error
from .errors import ConfigError

__all__ = ["Brand", "default_brand", "read_brand", "slugify"]

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
LANGS = ("en", "fr", "it")


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphenated: ``"Maison Sève"`` → ``"maison-seve"``."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "brand"


@dataclass(frozen=True)
class Brand:
    """Settings of one brand. ``timezone`` is the audience's IANA zone; ``industry`` the
    benchmark industry the report compares the brand with (one of
    :func:`~smmanalytics.benchmarks.benchmark_industries`, ``all`` by default): another is
    refused (ArgumentError here, ConfigError from brand.yaml), never compared with all
    industries in its place."""

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

    def __post_init__(self) -> None:
        # Brand(timezone="Paris") made every period function fail later with zoneinfo's own
        # error; read_brand checks brand.yaml the same way, naming the file
        from ._args import time_zone
        from .errors import ArgumentError

        time_zone(self.timezone, "timezone")
        if self.language not in LANGS:
            raise ArgumentError("not a report language", argument="language",
                                expected=f"one of {', '.join(LANGS)}", got=self.language)
        # an industry the benchmarks do not know compared the brand with all industries,
        # said in a footnote only: a typo, refused here as read_brand refuses it
        from .benchmarks import industry_name

        industry_name(self.industry, "industry")


def default_brand(folder: str | None = None) -> Brand:
    """The brand of exports loaded without brand.yaml: every default (time zone UTC, currency
    EUR, language en, industry all), named after the brand's ``folder`` when there is one
    (``exports/acme`` → name ``acme``, slug ``acme``: two folders without brand.yaml write
    their reports apart), else ``Brand``."""
    if not folder:
        return Brand()
    return Brand(name=folder, slug=slugify(folder))


def read_brand(path: str | Path, *, data: bytes | None = None) -> Brand:
    """Read and validate brand.yaml.

    ``data``: its bytes, when it is a member of a zipped brand folder that ``path`` names
    (``brand.zip!brand/brand.yaml``); its ``logo`` is then a path inside the archive too, which
    :func:`smmanalytics.load` extracts.

    Raises
    ------
    ConfigError
        naming the file, the key, what was expected and what came.
    """
    path = Path(path)
    text = read_user_text(path, "brand settings file", data)
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, "YAML mapping") from exc
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
    from .benchmarks import industry_name
    from .errors import ArgumentError

    try:
        industry = industry_name(str(raw.get("industry", "all")))
    except ArgumentError as exc:        # brand.yaml's words: the file and its key
        raise ConfigError("no benchmark has this industry", file=str(path), column="industry",
                          expected=exc.expected, got=exc.got) from None
    logo = raw.get("logo")
    return Brand(
        name=name,
        slug=str(raw.get("slug") or slugify(name)),
        timezone=tz,
        currency=str(raw.get("currency", "EUR")).upper(),
        language=lang,
        industry=industry,
        primary_color=str(colors.get("primary", Brand.primary_color)),
        accent_color=str(colors.get("accent", Brand.accent_color)),
        logo=_logo_path(path, str(logo), data is not None) if logo else None,
        accounts=dict(raw.get("accounts") or {}),
    )


def _logo_path(path: Path, logo: str, member: bool) -> Path:
    """The logo named ``logo`` in the brand.yaml at ``path``: beside it, or where it says when
    absolute; in the archive for an archive ``member`` (``a.zip!folder/brand.yaml`` names
    ``a.zip!folder/logo.svg``, ``..`` resolved within the archive)."""
    if not member or "!" not in str(path) or Path(logo).is_absolute():
        return path.parent / logo
    archive, name = str(path).rsplit("!", 1)
    folder = posixpath.dirname(name.replace("\\", "/"))
    return Path(f"{archive}!{posixpath.normpath(posixpath.join(folder, logo))}")
