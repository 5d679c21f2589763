"""Brand settings from brand.yaml: name, audience time zone, currency, language, colours, logo."""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
import unicodedata
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import yaml

from ._args import time_zone, user_path
from ._io import key_lines, read_user_text, unknown_key, yaml_error
from .benchmarks import industry_name
from .errors import (
    ArgumentError,
    BrandCurrencyError,
    BrandKeyError,
    BrandTimezoneError,
    ConfigError,
    DataQualityWarning,
)
from .schema import PLATFORM_ALIASES, PLATFORMS, canonical_platform, platforms_expected

__all__ = ["Brand", "default_brand", "read_brand", "slugify"]

#: a colour the report's typst accepts (``rgb("#2F4F3A")``), matched whole: ``$`` also matched
#: before a final newline, and ``"#2F4F3A\n"`` passed, to fail in typst ("color string contains
#: non-hexadecimal letters") instead of as the ConfigError of any other bad colour
_HEX = re.compile(r"#[0-9a-fA-F]{6}")
#: a fixed offset written for a zone: "+01:00", "UTC+1", "GMT-5", "+0100"
_OFFSET = re.compile(r"^(?:UTC|GMT|Z)?\s*[+\-\u2212]\s*\d{1,2}(?::?\d{2})?$", re.IGNORECASE)
LANGS = ("en", "fr", "it")
#: the keys of brand.yaml, and of its ``colors``
KEYS = ("name", "slug", "timezone", "currency", "language", "industry", "colors", "logo",
        "accounts")
COLOR_KEYS = ("primary", "accent")
#: a slug as :func:`slugify` writes them: it names the brand's report folder and files
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


#: Latin letters that Unicode does not decompose into an ASCII letter and an accent
_LATIN = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o",
                        "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH",
                        "ð": "d", "Ð": "D", "ı": "i"})


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphenated: ``"Maison Sève"`` → ``"maison-seve"``.

    A name whose letters or digits do not all have an ASCII spelling gets a short hash of
    the name after what is left: "双十一" and "حملة الصيف" were both "brand", and the
    second campaign's report replaced the first's. The hash is of the name as written
    (NFC), the same on every run and machine. Symbols (®, ©, ✿, emoji) are dropped as
    punctuation is: hashing them moved "Maison Sève®"'s report folder and calendar event
    ids. A name of symbols alone ("🎄🎁") is hashed, not "brand", so that two such
    campaigns do not share their files.

    >>> slugify("Søren & Co"), slugify("双十一"), slugify("Noël 双十一"), slugify("Acme®")
    ('soren-co', '99122b0d', 'noel-36dd42cb', 'acme')
    """
    folded = unicodedata.normalize("NFKD", text.translate(_LATIN))
    ascii_ = folded.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    unspelt_letter = any(not c.isascii() and unicodedata.category(c)[0] in "LN"
                         for c in folded)
    symbols_only = not slug and any(unicodedata.category(c) == "So" for c in folded)
    if unspelt_letter or symbols_only:
        digest = hashlib.sha256(unicodedata.normalize("NFC", text).encode()).hexdigest()[:8]
        return f"{slug}-{digest}" if slug else digest
    return slug or "brand"


@dataclass(frozen=True)
class Brand:
    """Settings of one brand. ``timezone`` is the audience's IANA zone; ``industry`` the
    benchmark industry the report compares the brand with (one of
    :func:`~smmanalytics.benchmarks.benchmark_industries`, or the name the report prints for
    it; ``all`` by default): another is refused (ArgumentError here, ConfigError from
    brand.yaml). ``industry_refused`` is brand.yaml's industry that a load refused, noted in
    its quality log, ``industry`` being ``all`` in its place: the benchmark comparisons name
    it on every row, where "all industries" alone read as the brand's choice.

    Attributes
    ----------
    name : str, default "Brand"
        The brand's name, as the reports print it.
    slug : str, default "brand"
        Names the brand's report folder and files, as :func:`slugify` writes them
        (``maison-seve``); another (``Maison_Seve``, ``../x``) raises ArgumentError.
    timezone : str, default "UTC"
        The audience's IANA zone (``"Europe/Paris"``); another raises ArgumentError.
    currency : str, default "EUR"
        ISO 4217 code of the brand's money.
    language : {"en", "fr", "it"}, default "en"
        The reports' language; another raises ArgumentError.
    industry : str, default "all"
        The benchmark industry (see above).
    primary_color, accent_color : str
        The reports' colours (``#RRGGBB``).
    logo : pathlib.Path, optional
        The logo printed on the reports.
    accounts : dict
        brand.yaml's ``accounts``: per platform, the names of the brand's own accounts
        (:func:`~smmanalytics._accounts.declared_accounts`), an account renamed as a mapping
        to its former names (``{maisonseve: [seveparis]}``); on a platform it names none of,
        every account is the brand's.
    industry_refused : str, optional
        brand.yaml's industry that a load refused (see above).
    """

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
    industry_refused: str | None = None

    def __post_init__(self) -> None:
        # Brand(timezone="Paris") made every period function fail later with zoneinfo's own
        # error; read_brand checks brand.yaml the same way, naming the file
        time_zone(self.timezone, "timezone")
        # the slug names folders and files: Brand(slug="../../x") was taken, to be refused by
        # the runner only once the report was asked for (OutputError); read_brand refuses it
        # in brand.yaml the same way
        if not (isinstance(self.slug, str) and _SLUG.fullmatch(self.slug)):
            raise ArgumentError("slug is not a safe folder and file name", argument="slug",
                                expected=f"lower-case ASCII letters, digits and hyphens, "
                                         f"such as {slugify(str(self.slug))!r}",
                                got=self.slug)
        if self.language not in LANGS:
            raise ArgumentError("not a report language", argument="language",
                                expected=f"one of {', '.join(LANGS)}", got=self.language)
        # "€" left every cost line aside as in another currency; "eur" is EUR (compared in
        # capitals everywhere)
        if not (isinstance(self.currency, str) and re.fullmatch(r"[A-Za-z]{3}", self.currency)):
            raise ArgumentError("not an ISO 4217 currency code", argument="currency",
                                expected="a three-letter code such as EUR, USD, GBP or CHF",
                                got=self.currency)
        # an industry the benchmarks do not know compared the brand with all industries,
        # said in a footnote only: a typo, refused here as read_brand refuses it
        # and one given by its name in a report ("Santé et beauté") is kept by its id
        object.__setattr__(self, "industry", industry_name(self.industry, "industry"))
        # Brand(accounts={"ig": …}) as brand.yaml's: by the platforms' names
        object.__setattr__(self, "accounts", platform_accounts(self.accounts or {}))
        for name in ("primary_color", "accent_color"):     # typst's, as brand.yaml's colors
            value = getattr(self, name)
            if not (isinstance(value, str) and _HEX.fullmatch(value)):
                raise ArgumentError("colour must be a hex code", argument=name,
                                    expected="#RRGGBB", got=value)

    def with_slug(self, override: str | None) -> Brand:
        """This brand under the slug ``override`` names (slugified): a batch entry's name,
        ``--brand``'s, the notebooks' ``brand`` parameter. None or "" (the notebooks'
        default) keep brand.yaml's. One rule for the report's folder, its calendars' event
        UIDs and ``smm calendar``'s, so that one slot has one UID in every calendar."""
        return replace(self, slug=slugify(override)) if override else self


def default_brand(folder: str | None = None) -> Brand:
    """The brand of exports loaded without brand.yaml: every default (time zone UTC, currency
    EUR, language en, industry all), named after the brand's ``folder`` when there is one
    (``exports/acme`` → name ``acme``, slug ``acme``: two folders without brand.yaml write
    their reports apart), else ``Brand``."""
    if not folder:
        return Brand()
    return Brand(name=folder, slug=slugify(folder))


def read_brand(path: str | Path, *, data: bytes | None = None,
               problems: list | None = None) -> Brand:
    """Read and validate brand.yaml.

    ``data``: its bytes, when it is a member of a zipped brand folder that ``path`` names
    (``brand.zip!brand/brand.yaml``); its ``logo`` is then a path inside the archive too, which
    :func:`smmanalytics.load` extracts.

    ``timezone`` is an IANA zone. One written in another case that matches exactly one IANA
    zone (``europe/paris``) is taken as that zone, with a DataQualityWarning (code
    ``brand_timezone_case``) naming the file and both spellings; any other is refused.

    ``currency`` is an ISO 4217 code (``EUR``, in any case), as in costs.csv: ``€`` is
    refused, the error suggesting ``EUR`` (costs in the brand's currency were otherwise all left
    aside as "in another currency").

    ``problems``: when a list, an invalid ``language``, colour or ``industry`` is appended to
    it as its ConfigError and that key takes its default, the other keys kept (as
    :func:`smmanalytics.load` reads the file: one bad key discarded the name, the zone and the
    accounts with it); when None (the default), it is raised. An invalid zone or currency,
    and a key the file does not know (``time_zone``, ``lang``, ``fuseau``: dropped unread,
    they left the zone in UTC and the reports in English unseen), are always raised.
    ``language`` is read in any case (``FR`` is ``fr``).

    ``slug`` names the brand's report folder and files (``reports/<slug>/<period>/``): one
    that is not as :func:`slugify` writes them (``Café Bar/Paris``, ``../x``: a folder
    elsewhere) is an invalid key as above (its default: the slug of ``name``); the error
    suggests its own slugified spelling.

    Raises
    ------
    BrandTimezoneError
        (a ConfigError) for a ``timezone`` that is no IANA zone, naming the file, the key, what
        was expected and what came; for a fixed offset (``+01:00``, ``UTC+1``), saying that it
        ignores daylight saving time.
    BrandCurrencyError
        (a ConfigError) for a ``currency`` that is no ISO 4217 code, naming the file, the
        key's line, what came and the code of a sign (``€``: EUR).
    BrandKeyError
        (a ConfigError) for a key brand.yaml does not know, top-level or in ``colors``, naming
        the file, the key's line, the key, the keys known and the closest one.
    ConfigError
        naming the file, the key, what was expected and what came.
    """
    path = Path(path)
    text = read_user_text(path, "brand settings file", data)
    try:
        raw = yaml.safe_load(text) or {}
        lines = key_lines(yaml.compose(text))
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, "YAML mapping") from exc
    if not isinstance(raw, dict):
        raise ConfigError("brand settings must be a mapping", file=str(path),
                          expected="key: value lines", got=type(raw).__name__)
    _known_keys(raw, path, lines)
    name = str(raw.get("name") or "Brand")
    if "timezone" not in raw:      # the brand would run in UTC unseen, as with time_zone:
        warnings.warn(DataQualityWarning(
            f"{path}: no timezone, so the brand's days, months and hours are UTC's; expected "
            "timezone: the audience's IANA zone, such as Europe/Paris",
            code="brand_timezone_missing"), stacklevel=2)
    tz = _zone(raw.get("timezone", "UTC"), path, lines.get(("timezone",)))

    def bad(exc: ConfigError) -> None:
        if problems is None:
            raise exc
        problems.append(exc)

    lang = str(raw.get("language", "en")).strip()
    lang = lang.lower() if lang.lower() in LANGS else lang      # "FR" is French
    if lang not in LANGS:
        bad(ConfigError("unsupported report language", file=str(path),
                        line=lines.get(("language",)), key="language",
                        expected=f"one of {LANGS}", got=lang))
        lang = Brand.language
    colors = dict(raw.get("colors") or {})
    for key in ("primary", "accent"):
        if key in colors and not _HEX.fullmatch(str(colors[key])):
            bad(ConfigError("colour must be a hex code", file=str(path),
                            line=lines.get(("colors", key)), key=f"colors.{key}",
                            expected="#RRGGBB", got=colors[key]))
            del colors[key]
    refused = None
    try:
        industry = industry_name(str(raw.get("industry", "all")))
    except ArgumentError as exc:        # brand.yaml's words: the file and its key
        bad(ConfigError("no benchmark has this industry", file=str(path),
                        line=lines.get(("industry",)), key="industry",
                        expected=exc.expected, got=exc.got))
        industry, refused = Brand.industry, str(exc.got)
    currency = _currency(raw.get("currency", "EUR"), path, lines.get(("currency",)))
    accounts = dict(raw.get("accounts") or {})
    for key, names in list(accounts.items()):
        if not _account_entry(names):
            bad(ConfigError("not an account, a list of accounts, or an account with its former "
                            "names", file=str(path), line=lines.get(("accounts", key)),
                            key=f"accounts.{key}", expected="maisonseve, [maisonseve, "
                            "maisonseve.shop] or {maisonseve: [seveparis]}", got=names))
            del accounts[key]
    logo = raw.get("logo")
    slug = str(raw.get("slug") or slugify(name))
    if not _SLUG.fullmatch(slug):
        bad(ConfigError("slug is not a safe folder and file name", file=str(path),
                        line=lines.get(("slug",)), key="slug",
                        expected=f"lower-case ASCII letters, digits and hyphens, such as "
                                 f"{slugify(slug)!r}", got=slug))
        slug = slugify(name)
    return Brand(
        name=name,
        slug=slug,
        timezone=tz,
        currency=currency,
        language=lang,
        industry=industry,
        primary_color=str(colors.get("primary", Brand.primary_color)),
        accent_color=str(colors.get("accent", Brand.accent_color)),
        logo=_logo_path(path, str(user_path(str(logo))), data is not None) if logo else None,
        accounts=platform_accounts(accounts),
        industry_refused=refused,
    )


def _account_entry(names: object, in_list: bool = False) -> bool:
    """Whether brand.yaml's ``accounts`` entry of a platform is one it takes: a name (or id),
    a list of them, or a mapping of a name to its former names (a name or a list), alone or
    in the list (:func:`~smmanalytics._accounts.declared_accounts`)."""
    if isinstance(names, dict):
        return all(_is_name(k) and (_is_name(v) or (isinstance(v, list)
                                                    and all(map(_is_name, v))))
                   for k, v in names.items())
    if isinstance(names, list) and not in_list:
        return all(_account_entry(n, in_list=True) for n in names)
    return _is_name(names)


def _is_name(v: object) -> bool:
    """An account's handle, name or id as YAML reads it: text, or a number (an id)."""
    return isinstance(v, str | int) and not isinstance(v, bool)


def platform_accounts(accounts: dict) -> dict:
    """brand.yaml's ``accounts`` under the package's platform names (``twitter`` → ``x``,
    ``IG`` → ``instagram``: :data:`~smmanalytics.schema.PLATFORM_ALIASES`), the accounts of two
    spellings of one platform (``twitter:`` and ``x:``) listed together; an ArgumentError
    for a key that names no platform (read_brand refuses it first, naming its line)."""
    out: dict = {}
    for key, names in accounts.items():
        platform = canonical_platform(key)
        if platform is None:
            raise ArgumentError("not a platform", argument=f"accounts[{key!r}]",
                                expected=f"one of {platforms_expected()}", got=key)
        if platform in out:
            names = [n for v in (out[platform], names)
                     for n in (v if isinstance(v, list | tuple) else [v])]
        out[platform] = names
    return out


def _known_keys(raw: dict, path: Path, lines: dict) -> None:
    """BrandKeyError for the first key of brand.yaml (top-level, then in ``colors``) that is
    not one of :data:`KEYS` (:data:`COLOR_KEYS`; in ``accounts``, a platform or one of its
    aliases), the keys it has never suggested; ConfigError for a ``colors`` or ``accounts``
    written as a list or a value (``colors: ['#112233']``), which ``dict()`` refused with a
    bare ValueError naming no file."""
    for key, example in (("colors", "primary: '#1F4E79'"), ("accounts", "instagram: acme")):
        if raw.get(key) is not None and not isinstance(raw[key], dict):
            raise ConfigError(f"'{key}' must be a mapping", file=str(path),
                              line=lines.get((key,)), key=key,
                              expected=f"indented '{example}' lines under '{key}:'",
                              got=type(raw[key]).__name__)
    colors = raw.get("colors")
    colors = colors if isinstance(colors, dict) else {}
    present = [*map(str, raw), *(f"colors.{k}" for k in colors)]

    def refuse(key: object, known: tuple, where: tuple) -> None:
        raise unknown_key(key, known, file=path, line=lines.get(where), error=BrandKeyError,
                          present=present)

    for key in raw:
        if key not in KEYS:
            refuse(key, KEYS, (str(key),))
    for key in colors:
        if key not in COLOR_KEYS:
            refuse(f"colors.{key}", tuple(f"colors.{k}" for k in COLOR_KEYS),
                   ("colors", str(key)))
    # an account under no platform (instgram:) was dropped unread: the "no export of it"
    # warning and the filter of other accounts were off for that platform, unseen
    accounts = raw.get("accounts")
    for key in accounts if isinstance(accounts, dict) else ():
        if canonical_platform(key) is None:
            refuse(f"accounts.{key}", tuple(f"accounts.{p}" for p in
                                            (*PLATFORMS, *PLATFORM_ALIASES)),
                   ("accounts", key))


#: what a currency sign or word written for brand.yaml's ISO code means
_CURRENCY_SIGNS = {"€": "EUR", "EURO": "EUR", "EUROS": "EUR", "$": "USD", "US$": "USD",
                   "£": "GBP", "FR.": "CHF", "FR": "CHF", "SFR": "CHF", "¥": "JPY"}


def _currency(value: object, path: Path, line: int | None) -> str:
    """brand.yaml's ``currency`` as an upper-case ISO 4217 code (``eur`` → ``EUR``); another
    value is refused, its ConfigError suggesting the code of a sign (``€`` → EUR). Never
    replaced by a default: a USD brand's costs read as EUR would all be left aside as in
    another currency, the report's money figures gone for a key noted as ignored."""
    code = str(value).strip().upper()
    if isinstance(value, str) and re.fullmatch(r"[A-Z]{3}", code):
        return code
    sign = _CURRENCY_SIGNS.get(code)
    raise BrandCurrencyError("currency must be an ISO 4217 code, as in costs.csv",
                             file=str(path), line=line, key="currency",
                             expected=f"{sign}, the code of {value}" if sign else
                             "a three-letter code such as EUR, USD, GBP or CHF", got=value)


@functools.cache
def _zones_by_lower() -> dict[str, list[str]]:
    """The IANA zones installed, by their lower-case name."""
    out: dict[str, list[str]] = {}
    for z in available_timezones():
        out.setdefault(z.lower(), []).append(z)
    return out


def _zone(value: object, path: Path, line: int | None) -> str:
    """brand.yaml's ``timezone`` as an IANA zone name (see :func:`read_brand`)."""
    tz = str(value)
    same = _zones_by_lower().get(tz.strip().lower(), []) if isinstance(value, str) else []
    if tz in same:
        return tz
    if len(same) == 1:
        warnings.warn(DataQualityWarning(
            f"{path}: timezone {tz!r} is not an IANA zone as written; read as {same[0]!r}, the "
            f"one zone of that name in another case (write {same[0]} to silence this note)",
            code="brand_timezone_case"), stacklevel=3)
        return same[0]
    try:
        if isinstance(value, str) and tz:
            ZoneInfo(tz)            # a zone of the system's that the list above lacks
            return tz
    except (ZoneInfoNotFoundError, ValueError):
        pass
    # YAML reads "+1" as the number 1 and "+1:00" as 60 (minutes): offsets too
    if isinstance(value, int | float) and not isinstance(value, bool) or _OFFSET.match(tz):
        raise BrandTimezoneError(
            "a fixed UTC offset is not a time zone: it ignores daylight saving time, so the "
            "days, months and hours of half the year would be an hour off", file=str(path),
            line=line, key="timezone", expected="an IANA zone such as Europe/Paris (UTC+1 in "
            "winter, UTC+2 in summer) or America/New_York", got=value)
    raise BrandTimezoneError("unknown time zone", file=str(path), line=line, key="timezone",
                             expected="an IANA zone such as Europe/Paris", got=value)


def _logo_path(path: Path, logo: str, member: bool) -> Path:
    """The logo named ``logo`` in the brand.yaml at ``path``: beside it, or where it says when
    absolute; in the archive for an archive ``member`` (``a.zip!folder/brand.yaml`` names
    ``a.zip!folder/logo.svg``, ``..`` resolved within the archive)."""
    if not member or "!" not in str(path) or Path(logo).is_absolute():
        return path.parent / logo
    archive, name = str(path).rsplit("!", 1)
    folder = posixpath.dirname(name.replace("\\", "/"))
    return Path(f"{archive}!{posixpath.normpath(posixpath.join(folder, logo))}")
