"""Numbers, percentages, money, dates and labels in the report's language (en, fr, it).

Formatting goes through babel (CLDR), so French gets decimal commas and narrow no-break spaces
and month names come out in the reader's language.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import math
import re
import string
from collections.abc import Sequence
from importlib import resources

import pandas as pd
import yaml
from babel import Locale
from babel.dates import (
    format_date,
    format_skeleton,
    get_date_format,
    get_day_names,
    get_month_names,
)
from babel.lists import format_list
from babel.numbers import (
    format_currency,
    format_decimal,
    format_percent,
    get_minus_sign_symbol,
)

from ..calendar import ACCOUNT_PARTS, TEMPLATE_FIELD, with_accounts
from ..errors import ArgumentError, PeriodError
from ..periods import parse_period
from ..quality import MissingMetrics, a_or_an
from ..schema import PLATFORM_NAMES, shown_platform

__all__ = ["Formatter", "LANGS", "STATUS_COLORS", "OTHER_BADGE_COLOR", "PLATFORM_NAMES",
           "DAY_GROUP_LABELS"]

LANGS = {"en": "en_GB", "fr": "fr_FR", "it": "it_IT"}


def _yaml(name: str):
    # libyaml's parser when PyYAML has it (same safe constructors, several times faster)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(
        resources.files("smmanalytics.report").joinpath(name).read_text(encoding="utf-8"),
        Loader=loader)


_WORDING = _yaml("labels.yaml")


#: what a value of a note's template may hold, where it is not any text: a time zone's name
#: has no space (the end of a window told by its runs, "19:00, 20:00-21:00 Europe/Paris", was
#: read as the end "19:00," and the zone "20:00-21:00 Europe/Paris"), nor has a date (a
#: one-day span's "covers 2026-10-03 of 2026-10" was read as the date "2026-10-03 of 2026-10")
_FIELD_PATTERNS = {"tz": r"\S*", "date": r"\S+"}


def _template_pattern(template: str, one_day: bool = False) -> re.Pattern:
    """'{period} is over: {what}' → a regex matching the whole note, one named group a value.

    ``one_day``: its range of days ``{start}..{end}`` matches one date alone too, as the API
    says a one-day span (:func:`~smmanalytics.periods.days_text`: "the TikTok exports cover
    only 2026-10-01 of 2026-10"); ``end`` is then unmatched (:meth:`Formatter.note` takes the
    start for it)."""
    parts = re.split(r"\{(\w+)\}", template)
    pattern = "".join(re.escape(p) if i % 2 == 0
                      else f"(?P<{p}>{_FIELD_PATTERNS.get(p, '.+?')})"
                      for i, p in enumerate(parts))
    if one_day:
        pattern = pattern.replace(_RANGE_OF_DAYS, r"(?P<start>.+?)(?:\.\.(?P<end>.+?))?")
    return re.compile(pattern, re.DOTALL)


#: a template's range of days ``{start}..{end}``, as :func:`_template_pattern` writes it
_RANGE_OF_DAYS = r"(?P<start>.+?)\.\.(?P<end>.+?)"


class _Template:
    """A note's English template, matched as its :func:`_template_pattern` matches, the
    regex compiled when a note first has the template's fixed start and end.

    Compiling the 300 templates of notes.yaml at import took 45-50 ms of CPU in every
    report's kernel, before it forks its copy (each CPU second there a second of the
    report); a report's notes start and end as a handful of them do.
    """

    __slots__ = ("template", "head", "tail", "_pattern", "_one_day")

    def __init__(self, template: str):
        parts = re.split(r"\{\w+\}", template)
        self.template = template
        # the text before the first field and after the last (the whole template if it has
        # none): every note the regex matches starts and ends so
        self.head, self.tail = parts[0], parts[-1] if len(parts) > 1 else ""
        self._pattern = self._one_day = None

    def fullmatch(self, text: str) -> re.Match | None:
        if not (text.startswith(self.head) and text.endswith(self.tail)):
            return None
        if self._pattern is None:
            self._pattern = _template_pattern(self.template)
        return self._pattern.fullmatch(text)

    def fullmatch_one_day(self, text: str) -> re.Match | None:
        """The match of a note giving one date where the template has a range of days
        (``{start}..{end}``); None for a template without one."""
        if "{start}..{end}" not in self.template or not (
                text.startswith(self.head) and text.endswith(self.tail)):
            return None
        if self._one_day is None:
            self._one_day = _template_pattern(self.template, one_day=True)
        return self._one_day.fullmatch(text)


def _matched(text: str, entries) -> tuple[re.Match, dict] | tuple[None, None]:
    """The first of ``entries`` (template, wording) whose template matches ``text``, and its
    match. A template whose range of days a note gives as one date (``periods.days_text``)
    matches only when none matches as written: a one-day wording listed after its range's
    ("followers on {date}" after "followers on {start}..{end}") keeps its notes."""
    for how in ("fullmatch", "fullmatch_one_day"):
        for template, wording in entries:
            m = getattr(template, how)(text)
            if m:
                return m, wording
    return None, None


def _codes(entry: dict) -> list[str]:
    """The codes a notes.yaml entry words (its ``code``: one, a list, or none)."""
    code = entry.get("code")
    return [] if code is None else [code] if isinstance(code, str) else list(code)


#: the label (labels.yaml, and its ``_many``) of each account part of a plan's reasons in a
#: report (calendar.ACCOUNT_PARTS); ``{against}`` only the API's English says
_ACCOUNT_LABELS = {"average": "bt_average", "whose": "reason_whose", "posters": "reason_posters"}


def _account_parts(lang: str) -> dict[str, tuple[str, str]]:
    """The account part of a plan's reasons in a report in ``lang``: each field's words for one
    account and for several."""
    labels = _WORDING[lang]["labels"]
    return {field: (labels[key], labels[f"{key}_many"]) for field, key in _ACCOUNT_LABELS.items()}


#: the words each wording of a notes.yaml entry says its account part in: its ``en`` the API's,
#: as the notes it matches were written
_PARTS_OF = {**{lang: _account_parts(lang) for lang in LANGS}, "en": ACCOUNT_PARTS,
             "en_report": _account_parts("en")}


def _said_of_accounts(entry: dict) -> list[dict]:
    """A notes.yaml entry as the notes it words: itself, or, a plan's reason with an account
    part (its ``en`` naming a field of calendar.ACCOUNT_PARTS), said of one account and of
    several: each reason is written once per language, the report reads both."""
    if not set(TEMPLATE_FIELD.findall(entry["en"])) & set(ACCOUNT_PARTS):
        return [entry]
    return [{key: with_accounts(text, _PARTS_OF[key], several) if key in _PARTS_OF else text
             for key, text in entry.items()} for several in (False, True)]


#: the analysis notes' wording per language (notes.yaml), each with its English template
_NOTES = [(_Template(" ".join(n["en"].split())), n)
          for entry in _yaml("notes.yaml") for n in _said_of_accounts(entry)]
#: the same, by note code (roi()'s note_codes): the wordings of one code
_NOTES_BY_CODE = {code: [entry for entry in _NOTES if code in _codes(entry[1])]
                  for code in {c for _, wording in _NOTES for c in _codes(wording)}}
#: the value a ConfigError's message says came, quoted as Python quotes it ("…; got 'Beauté':
#: its default is used"), for a quality.yaml sentence naming it ({value})
_GOT = re.compile(r"; got (?P<q>['\"])(?P<value>.*?)(?P=q)(?::|$)")
#: a post type read by its word, as its quality note says it (``meta._content_type``):
#: "… read by its word: 'image ig' as 'image', 'carosello ig' as 'carousel'"
_BY_WORD = re.compile(r"(?P<q>['\"])(?P<raw>.*?)(?P=q) as '(?P<type>\w+)'")
#: what each kind of data-quality note (its code) means, per language (quality.yaml)
_QUALITY = _yaml("quality.yaml")
_NUMBER = re.compile(r"-?\d{1,3}(,\d{3})*(\.\d+)?|-?\d+(\.\d+)?")
#: an error message of errors.ParseError: where (file, line, cell, column or a YAML file's
#: key), then what went wrong
_FAILURE_PART = re.compile(r"(file|line|cell|column|key) ('[^']*'|\"[^\"]*\"|[^,:]+)")
_FAILURE = re.compile(r"(?P<where>(?:(?:file [^,:]+|line \d+|cell [^,:]+|"
                      r"(?:column|key) (?:'[^']*'|\"[^\"]*\"))(?:, |(?=: )))+): (?P<detail>.+)",
                      re.DOTALL)
#: a cost line as roi()'s notes name it: "2026-07 tools 9.99 USD", "2026-09–2027-08 tools …"
#: (its amount's thousands in commas, as the API writes numbers)
_COST_LINE = re.compile(r"(?P<months>\d{4}-\d{2}(?:–\d{4}-\d{2})?) (?P<category>\w+) "
                        r"(?P<amount>\d{1,3}(?:,\d{3})*\.\d{2}) (?P<currency>\S+)")
#: cost lines named by their numbers in the file: "costs.csv line 3", "costs.csv lines 3, 4"
_NUMBERED_LINES = re.compile(r"(?P<file>\S+) lines? (?P<numbers>\d+(?:, \d+)*)")
#: where a currency written in letters touches its figures ("CHF32,000", "32,000CHF"): CLDR's
#: currencySpacing puts a no-break space there (a sign such as € or $ stays against them)
_CURRENCY_SPACING = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
#: the label key (labels.yaml) of each day group of a best-times window
#: (``BestTimes.window["days"]``, the names of timing's own ``DAY_GROUPS``)
DAY_GROUP_LABELS = {"every day": "days_all", "Monday-Friday": "days_week",
                    "Saturday-Sunday": "days_weekend"}
#: English weekday names (as timing.WEEKDAYS writes them), by number (0 = Monday)
_WEEKDAY_NUMBERS = {name: i for i, name in get_day_names("wide", locale="en").items()}
#: the notes' placeholders that hold a period label ("2026", "2026-10", "2026-Q4", a range)
_PERIOD_FIELDS = ("period", "previous", "other")
#: the notes' fields of a quantity and the French noun after them, plural and singular
#: (:meth:`Formatter._singular`): "0,14 semaine", "1,5 semaine", "2,3 semaines"
_FR_SINGULAR = {"weeks": ("semaines", "semaine")}
#: the notes' placeholders that hold the shares of each format or platform in two periods, as
#: compare() writes them ("carousel 3%→11%, image 17%→11%"), with what their keys name
_MIX_FIELDS = {"format_mix": "content_type", "platform_mix": "platform"}
#: one share of such a mix: a key, its share in the previous period, then in the current one
_MIX_SHARE = re.compile(r"(?P<key>.+?) (?P<before>\d+)%→(?P<after>\d+)%")

#: the article a period's name takes in a sentence, by language and kind of period: Italian
#: quarters and years ("il 3° trimestre 2026", "il 2026"), French quarters ("le T4 2026"), and
#: a range of days in every language ("the period 5 October 2026 – …"), and a range of one day
#: as a date ("le 2 octobre 2026", "del 2 ottobre 2026"; "the period 2 October 2026" read as
#: a range)
_ARTICLES = {"en": {"range": "the period"},
             "fr": {"quarter": "le", "range": "la période", "day": "le"},
             "it": {"quarter": "il", "year": "il", "range": "il periodo", "day": "il"}}
#: the words after which a period's name takes its article (prepositions, "and", "neither",
#: "nor", "ni", "né", and the verbs and adverbs the notes put before a period: "ne couvre
#: pas", "non copre", "quindi"), with how each joins the first word of the article ("in il"
#: → "nel", "en le" → "au"); a word without a join for that article is followed by the
#: article. A month in French elides "de" before a vowel instead (see Formatter.joined), and
#: an elided "qu'" before a join stays only before a vowel ("qu'au T3", "que sur la période").
_PREPOSITIONS = {
    "en": {p: {} for p in ("in", "of", "for", "over", "outside", "and", "between", "so",
                           "reach", "beyond", "cover", "covers", "than", "neither", "nor")},
    "fr": {"en": {"le": "au", "la": "sur la"}, "de": {"le": "du"}, "à": {"le": "au"},
           **{w: {} for w in ("pour", "sur", "et", "entre", "avec", "pas", "couvre",
                              "couvrent", "que", "ni")}},
    "it": {"in": {"il": "nel"}, "di": {"il": "del"}, "da": {"il": "dal"}, "a": {"il": "al"},
           "su": {"il": "sul"}, **{w: {} for w in ("per", "e", "con", "tra", "fra", "oltre",
                                                   "copre", "coprono", "quindi",
                                                   "riguardano", "né")}},
}

#: prepositions a language changes before a period's name of a kind (:meth:`Formatter.joined`):
#: Italian says "a ottobre 2026", a month taking no article, where the notes' "in {period}" and
#: "su {period}" (right before "il 3° trimestre", "nel", "sul") read "post pubblicati in
#: ottobre 2026", "brand su ottobre 2026"; English says a day "on 2 October 2026", not "in"
#: or "over" ("brand over 2 October 2026", the benchmarks' footnote); Italian's own "a" is
#: listed to take its euphonic d ("non arrivano a agosto 2026" → "ad agosto 2026")
_KIND_PREPOSITIONS = {("it", "month"): {"in": "a", "su": "a", "a": "a"},
                      ("en", "day"): {"in": "on", "over": "on"}}
#: how a preposition joins the article of a one-day period, a date, where it joins a quarter's
#: otherwise (_PREPOSITIONS): "en {period}" is "le 2 octobre 2026" ("au T4 2026" read "au 2
#: octobre 2026", a place or a deadline), "in {period}" "il 2 ottobre 2026" (not "nel")
_DAY_JOINS = {"fr": {"en": {"le": "le"}}, "it": {"in": {"il": "il"}}}

#: Italian articles and articulated prepositions before a number said with a vowel (otto,
#: ottanta…, undici): "l'8 ottobre", "dall'11", "all'80 %" (Italian elides them as before a
#: word); see Formatter.prose
_ELIDED = {"il": "l'", "al": "all'", "dal": "dall'", "del": "dell'", "nel": "nell'",
           "sul": "sull'"}
_ELISION = re.compile(r"(?<![\w'])((?i:il|al|dal|del|nel|sul)) (?=(?:8|11(?!\d)))")
def _elide(word: str, elided: dict[str, str]) -> str:
    """``word`` elided as ``elided`` gives it, its capital kept ("Il" → "L'")."""
    out = elided[word.lower()]
    return out[0].upper() + out[1:] if word[0].isupper() else out


#: Italian's feminine plural article of the hours (le ore), before a clock time of one
#: o'clock, which is singular and said with a vowel: "alle 01:00" is read "alle una", where
#: a careful writer elides it as before "una" ("all'01:00", "tra l'01:00 e le 02:00"). The
#: other hours keep "le", 08:00 and 11:00 too: "alle otto", "alle undici" (the plural article
#: does not elide), as "dalle 8:00 alle 19:00" in any Italian timetable
_HOUR_ELIDED = {"le": "l'", "alle": "all'", "dalle": "dall'", "delle": "dell'",
                "nelle": "nell'", "sulle": "sull'"}
_HOUR_ELISION = re.compile(
    r"(?<![\w'])((?i:le|alle|dalle|delle|nelle|sulle)) (?=0?1:\d{2}(?!\d))")

#: colours of goal statuses in tables, badges of white 8.5 pt text: each has a contrast of at
#: least 4.5:1 with white (WCAG AA for small text), a darker shade of the hue where the
#: brighter one had less (on track #558b2f 4.10:1, at risk #ef6c00 3.08:1, no data #8a8a8a
#: 3.45:1); not computable, figures known, a blue grey (5.40:1) apart from no data's grey
STATUS_COLORS = {"met": "#2e7d32", "on track": "#4f812c", "at risk": "#bf5600",
                 "off track": "#c62828", "missed": "#8e1b1b", "no data": "#747474",
                 "not computable": "#546e7a", "not assessed": "#747474"}
#: a badge's colour for a status or severity without one of its own
OTHER_BADGE_COLOR = "#747474"


#: how each language puts a single day where a sentence has a range of days (its first end
#: ``{a}``, its last ``{b}``), the most words first (:meth:`Formatter.ranged`): "from {a} to
#: {b}" → "on {a}", "covers {a} to {b}" → "covers {a}", "la période du {a} au {b}" → "le {a}",
#: "i giorni dal {a} al {b}" → "il {a}"; a file "runs" over days, not on one ("costs.csv
#: covers only", "porte sur le", "riguarda il"; "runs over October 2026 from {a} to {b} only"
#: → "covers only {a} of October 2026"), a campaign "takes place on", "a lieu le", "si svolge
#: il"; the day of a noun is "of {a}", "du {a}", "del {a}" ("the costs of 8 October", "aux
#: seuls coûts du 8 octobre", "dei dati di GA4 dell'8 ottobre")
_ONE_DAY = {"en": [(r"the days from {a} to {b}", "{a}"),
                   (r"\brun(s?) over (\{{period\}}) from {a} to {b} only",
                    r"cover\1 only {a} of \2"),
                   (r"\.csv runs from {a} to {b}", ".csv covers only {a}"),
                   (r"campaign runs from {a} to {b}", "campaign takes place on {a}"),
                   (r"(figures|costs) from {a} to {b}", r"\1 of {a}"),
                   (r"from {a} to {b}", "on {a}"), (r"{a} to {b}", "{a}")],
            "fr": [(r"(?:la période|les jours) du {a} au {b}", "le {a}"),
                   (r"(coûts|GA4) du {a} au {b}", r"\1 du {a}"),
                   (r"\bva du {a} au {b}", "porte sur le {a}"),
                   (r"\bcourt du {a} au {b}", "a lieu le {a}"), (r"du {a} au {b}", "le {a}")],
            "it": [(r"(?:il periodo|i giorni) dal {a} al {b}", "il {a}"),
                   (r"(costi|GA4) dal {a} al {b}", r"\1 del {a}"),
                   (r"campagna va dal {a} al {b}", "campagna si svolge il {a}"),
                   (r"\bva dal {a} al {b}", "riguarda il {a}"), (r"dal {a} al {b}", "il {a}")]}

#: the words of a sentence with a range of days that speak of its days, and what they say of
#: one day (:meth:`Formatter.ranged`): "these figures count the posts of that day", "le seul
#: jour d'octobre 2026 couvert", "lo stesso giorno" ("those days", "les jours … couverts",
#: "gli stessi giorni" spoke of one day as of several)
_THAT_DAY = {"en": [(r"\bthose days\b", "that day"), (r"\bthe same days\b", "the same day"),
                    (r"\bthe days of (\{period\}) both\b", r"the only day of \1 both")],
             "fr": [(r"\bces jours\b(?!-là)", "ce jour-là"),
                    (r"\bles mêmes jours\b", "le même jour"),
                    (r"\bles jours de (\{period\}) couverts\b", r"le seul jour de \1 couvert")],
             "it": [(r"\bquei giorni\b", "quel giorno"),
                    (r"\bgli stessi giorni\b", "lo stesso giorno"),
                    (r"\bi giorni di (\{period\}) coperti\b", r"l'unico giorno di \1 coperto")]}

#: how a language writes the first day of a month: "1er octobre", "1° ottobre"
_FIRST_OF_MONTH = {"fr": "er", "it": "°"}


def _first_of_month(fmt: str, locale, mark: str = "er") -> str:
    """``fmt`` (a pattern, or a named format such as ``long``) with its day of the month, a
    lone ``d`` outside quotes, followed by ``mark`` (``d'er'``); ``dd`` (01/10/2026) stays as
    it is."""
    if fmt in ("short", "medium", "long", "full"):
        fmt = get_date_format(fmt, locale=locale).pattern
    parts = fmt.split("'")       # even parts are pattern letters, odd ones quoted text
    parts[::2] = [re.sub(r"(?<!d)d(?!d)", f"d'{mark}'", p) for p in parts[::2]]
    return "'".join(parts)


def half_up(x: float, digits: int = 0) -> float:
    """``x`` rounded half up at ``digits`` decimals, as the report shows it (:func:`_half_up`):
    round(0.125, 2) gives 0.12, the report shows 0.13."""
    x = float(x)
    if not math.isfinite(x):
        return x
    q = decimal.Decimal(repr(x)).quantize(decimal.Decimal(1).scaleb(-digits),
                                                 rounding=decimal.ROUND_HALF_UP)
    return float(q)


def rate_digits(x: float, digits: int = 2) -> int:
    """The decimals of the percentage :meth:`Formatter.rate` writes the fraction ``x`` with:
    ``digits``, or for a rate below 1 % (in percent, 0 < |100 x| < 1) as many as its two
    significant figures need: 0.00017 (0.017 %) → 3, 0.0000123 (0.0012 %) → 4. The figures
    are those of the rounded value: 0.000999 (0.0999 %) rounds to 0.10 %, not 0.100 %."""
    return small_digits(float(x) * 100, digits)


def small_digits(x: float, digits: int) -> int:
    """The decimals ``x`` is written with beside a figure it is compared with: ``digits``, or
    for 0 < |x| < 1 as many as its two significant figures need, so that both sides read at
    the same relative precision: Rival IQ's 0.08 X posts a week read "0.1" at one decimal
    beside a ratio of 42.34× (3.4 ÷ 0.1 = 34 to the reader), 0.080 at two figures. The
    figures are those of the rounded value: 0.0999 → 0.10, not 0.100; one that rounds to 1
    takes ``digits`` as 1 itself does (52 posts in 365 days, 0.9973 a week, reads "1.0" beside
    53 posts' 1.016, not "1.00").

    >>> small_digits(0.0999, 1), small_digits(0.9973, 1), small_digits(0.994, 1)
    (2, 1, 2)
    """
    p = abs(float(x))
    if not math.isfinite(p) or p == 0 or p >= 1:
        return digits
    d = 1 - math.floor(math.log10(p))
    rounded = half_up(p, d)           # 0.0999 → 0.100: its first figure one place up
    if rounded >= 1:                  # 0.9973 → 1.00, written as 1.0 beside 1.016's "1.0"
        return digits
    d = 1 - math.floor(math.log10(rounded))
    return max(digits, d)


def _unsigned_zero(x: float, digits: int) -> float:
    """``x``, or 0.0 when it rounds to zero at ``digits`` decimals (no "-0.0" shown)."""
    return 0.0 if half_up(x, digits) == 0 else x


def _half_up(method):
    """Round what ``method`` formats half up, as a manager does (2,800.50 € → 2,801 €, 12.5 →
    13): babel quantizes in the current decimal context, half to even by default, which
    showed 2,800.50 € as 2,800 € and 2.5 € as 2 €. babel reads a float through its shortest
    repr (2.675 → "2.675"), so the halves are the ones the reader would see."""
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        with decimal.localcontext(rounding=decimal.ROUND_HALF_UP):
            return method(*args, **kwargs)
    return wrapper


def _missing(x) -> bool:
    """True for None, NaN, NaT and pd.NA."""
    if x is None:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):  # arrays and other non-scalars are not "missing"
        return False


def _french_elides(word: str) -> bool:
    """Whether French elides "de" and "que" before ``word``: before a vowel ("qu'au T3 2026",
    "d'octobre 2026", "d'Instagram"), never before a consonant ("que sur la période")."""
    return word[:1].lower() in tuple("aeiouàâéèêîôû")


def _day_range(values: dict[str, str]) -> tuple[dt.date, dt.date] | None:
    """The first and last days of the range a note's ``{start}`` and ``{end}`` give, when
    both are ISO dates (a window's "19:00" and "21:00" are hours, no range of days)."""
    try:
        return dt.date.fromisoformat(values["start"]), dt.date.fromisoformat(values["end"])
    except (KeyError, ValueError):
        return None


#: French elides "de", "que" and the conjunctions ending in "que" before a platform whose
#: name starts with a vowel sound ("les données de Instagram" → "les données d'Instagram")
_FR_ELIDED = {"de": "d'", "que": "qu'", "lorsque": "lorsqu'", "puisque": "puisqu'",
              "jusque": "jusqu'"}
_FR_ELISION = re.compile(
    r"(?<![\w'])((?i:de|que|lorsque|puisque|jusque)) (?=(?:"
    + "|".join(re.escape(n) for n in PLATFORM_NAMES.values() if _french_elides(n))
    + r")\b)")


#: English's article before a platform named with a vowel sound ("a Instagram account" → "an
#: Instagram account", "an X account"), as quality.a_or_an says it
_EN_ARTICLE = re.compile(
    r"(?<![\w'])([Aa]) (?=(?:"
    + "|".join(re.escape(n) for n in PLATFORM_NAMES.values() if a_or_an(n).startswith("an "))
    + r")\b)")
_EN_AN = {"a": "an "}


#: the start of a text that is a file name, a path or code ("goals.yaml could not be read",
#: "data/brand is empty", "`smm report …`"): a first word with a dot or a slash inside it, or
#: a backtick; Formatter.sentence leaves its case as written
_NAME_START = re.compile(r"`|\S*?\w[./\\]\w")


#: the marks around the brand's words in a sentence (:meth:`Formatter.verbatim`), two
#: characters of Unicode's private use area (which verbatim takes out of the words)
_MARK = ("\ue000", "\ue001")
_VERBATIM = re.compile(f"{_MARK[0]}(.*?){_MARK[1]}", re.DOTALL)


#: a space before French high punctuation (``: ; ? !``) or inside guillemets: French sets a
#: narrow no-break space there (:meth:`Formatter.typeset`)
_FR_SPACE = re.compile(r"[ \u00a0](?=[:;?!»])|(?<=«)[ \u00a0]")
#: an ordinary space before "%": French sets a no-break space (U+00A0) there, as Babel's
#: percentages do ("12,5\u00a0%"); "Intervalle à 95 %" of labels.yaml let Typst break the line
#: between the figure and its sign
_FR_PERCENT = re.compile(r" (?=%)")


@functools.cache
def _period_start(lang: str) -> re.Pattern:
    """What a text starting with a period's name starts with, in ``lang``: the article of its
    kind if any ("le", "il", "la période"), then a month's name, a quarter's ("T3 2026") or a
    digit (a year, the first day of a range)."""
    months = get_month_names("wide", context="stand-alone", locale=LANGS[lang]).values()
    quarter = (re.escape(_WORDING[lang]["labels"]["quarter"])
               .replace(r"\{q\}", "[1-4]").replace(r"\{year\}", r"\d{4}"))
    names = "|".join([*(re.escape(m) for m in months), quarter])
    articles = "|".join(re.escape(a) + " " for a in _ARTICLES.get(lang, {}).values())
    # a whole word: French "mais" does not start with "mai"
    return re.compile(rf"(?:{articles})?(?:(?:{names})\b|\d)", re.IGNORECASE)


class Formatter:
    """Locale-aware formatting for one report language.

    Examples
    --------
    >>> Formatter("fr").percent(0.0345)
    '3,45\\xa0%'
    >>> Formatter("en").number(12345.678, 1)
    '12,345.7'
    """

    def __init__(self, lang: str = "en", currency: str = "EUR") -> None:
        if lang not in LANGS:
            raise ArgumentError("no report wording in this language", argument="lang",
                                expected=f"one of {', '.join(sorted(LANGS))}", got=lang)
        self.lang, self.locale, self.currency = lang, LANGS[lang], currency
        #: notes that had no wording in notes.yaml and were left in English
        self.untranslated: set[str] = set()

    def _kind(self, kind: str) -> str:
        """A GA4 table's breakdown in words: its dimensions joined by " + ", and of first-user
        scope said so ("first_user:source_medium" → "source / medium (first user)")."""
        dims = kind.removeprefix("first_user:")
        words = " + ".join(self._word("ga4_breakdowns", d, d) for d in dims.split("+"))
        if dims == kind:
            return words
        return f"{words} ({self._word('ga4_breakdowns', 'first_user', 'first user')})"

    def _word(self, table: str, key: str, default: str) -> str:
        return _WORDING[self.lang][table].get(key, _WORDING["en"][table].get(key, default))

    def label(self, key: str) -> str:
        """The translated label for ``key`` (the key itself when unknown)."""
        return self._word("labels", key, key)

    def excluded(self, counts: dict[str, int]) -> str:
        """Timing's reasons for leaving posts out (``BestTimes.n_excluded``) and their counts,
        in words: "measured less than a week after publishing, engagement still growing (4),
        no engagement figure (107)".

        >>> Formatter("fr").excluded({"too_young": 4})
        "mesurées moins d'une semaine après leur publication, engagement encore en hausse (4)"
        """
        return ", ".join(f"{self.label('excl_' + k)} ({self.number(v)})"
                         for k, v in counts.items())

    def zone(self, tz) -> str:
        """A day zone in words, as an alert's day names it: "Pacific time" for
        America/Los_Angeles (Meta's days); a zone without wording as IANA writes it ("UTC").

        >>> Formatter("fr").zone("America/Los_Angeles"), Formatter("fr").zone("UTC")
        ('heure du Pacifique', 'UTC')
        """
        return self._word("zones", str(tz), str(tz))

    def typeset(self, text: str) -> str:
        """``text`` with the spaces the language's typography sets: French a narrow no-break
        space (U+202F) before ``: ; ? !`` and inside « », as in its numbers ("2 000"), and a
        no-break space (U+00A0) before "%", as in its percentages ("95 %"). The templates'
        ordinary space let Typst break a line before ":", "»" (152 " :" in labels.yaml alone)
        or "%" (4 fixed labels: "Intervalle à 95 %"). Only a space already there is changed:
        URLs, times (12:00) and file names have none before their colons; English and Italian
        have no such space.

        >>> Formatter("fr").typeset("Publications : 81 ; « Réactions » ? 95 %")
        'Publications\\u202f: 81\\u202f; «\\u202fRéactions\\u202f»\\u202f? 95\\xa0%'
        >>> Formatter("fr").typeset("https://x.com/a?b=1 à 12:00")
        'https://x.com/a?b=1 à 12:00'
        """
        if self.lang != "fr":
            return text
        return _FR_PERCENT.sub("\u00a0", _FR_SPACE.sub("\u202f", text))

    def prose(self, text: str) -> str:
        """``text`` as the language writes it once its values are in: Italian elides the
        article or preposition before a number said with a vowel ("al 8 ottobre" → "all'8
        ottobre", "il 11" → "l'11") and the hours' before one o'clock ("alle 01:00" →
        "all'01:00", read "all'una"; "alle 08:00" stays, read "alle otto"), French "de",
        "que", "lorsque", "puisque" and "jusque" before a platform named with a vowel ("de
        Instagram" → "d'Instagram"), English's "a" before one ("names a Instagram account"
        → "an Instagram", "an X").

        >>> Formatter("it").prose("dal 8 ottobre al 11 ottobre 2026; Il 80 %")
        "dall'8 ottobre all'11 ottobre 2026; L'80 %"
        >>> Formatter("it").prose("alle 01:00, tra le 23:00 e le 01:00, alle 08:00, alle 11:00")
        "all'01:00, tra le 23:00 e l'01:00, alle 08:00, alle 11:00"
        >>> Formatter("fr").prose("Les données de Instagram, de X et de YouTube")
        "Les données d'Instagram, de X et de YouTube"
        >>> Formatter("en").prose("A Instagram account, a X export, a YouTube one")
        'An Instagram account, an X export, a YouTube one'
        """
        # even parts: the package's words; odd: the brand's, marked by verbatim()
        parts = _VERBATIM.split(text)
        tables = {"it": ((_ELISION, _ELIDED), (_HOUR_ELISION, _HOUR_ELIDED)),
                  "fr": ((_FR_ELISION, _FR_ELIDED),),
                  "en": ((_EN_ARTICLE, _EN_AN),)}.get(self.lang, ())

        def elided(part: str) -> str:
            for pattern, words in tables:
                part = pattern.sub(lambda m, words=words: _elide(m[1], words), part)
            return part
        return "".join(part if i % 2 else elided(part) for i, part in enumerate(parts))

    @staticmethod
    def verbatim(text) -> str:
        """``text`` (a file's name, a brand's or campaign's: the brand's words) marked so that
        :meth:`prose` leaves it as it is, and takes the marks away: "export de
        Instagram.csv" on a French cover was rewritten "export d'Instagram.csv", and
        "dati al 8 ottobre.csv" on an Italian one "dati all'8 ottobre.csv", names of files
        that do not exist.

        >>> f = Formatter("fr")
        >>> f.prose(f"Le fichier {f.verbatim('export de Instagram.csv')} de Instagram")
        "Le fichier export de Instagram.csv d'Instagram"
        """
        words = str(text).replace(_MARK[0], "").replace(_MARK[1], "")
        return f"{_MARK[0]}{words}{_MARK[1]}"

    def metric(self, name: str) -> str:
        """The reader's name of a metric ("er_reach" → "Eng. rate / reach")."""
        return self._word("metrics", str(name), str(name).replace("_", " "))

    def measure(self, name: str) -> str:
        """A post metric as a noun within a sentence, with the article the language gives it
        ("reach" → "la couverture")."""
        return self._word("measures", str(name), str(name))

    def content_type(self, name: str) -> str:
        """The reader's name of a post's format, a ``content_type`` ("carousel" →
        "carrousel", "unknown" → "sconosciuto")."""
        return self._word("content_types", str(name), str(name))

    def component(self, name: str) -> str:
        """The reader's name of a component of a post's engagements, one of its export's
        columns ("shares" → "partages", "condivisioni")."""
        return self._word("components", str(name), str(name))

    def cost_category(self, name: str) -> str:
        """A category of costs.csv as a common noun within a sentence ("ad_spend" → "ad
        spend", "publicité"): its label in the cost tables, without their capital."""
        label = self._word("labels", f"cat_{name}", str(name))
        return label[:1].lower() + label[1:]

    def cost_lines(self, text: str) -> str:
        """Cost lines as roi()'s notes name them ("2026-07 tools 9.99 USD", a line over
        several months "2026-09–2027-08 …", ", "-joined) for the reader: each its amount,
        then its category and months in brackets, listed as the language lists; text of
        another form is returned as it is.

        >>> Formatter("it").cost_lines("2026-07 tools 9.99 USD, 2026-09–2027-08 other 1,200.00 CHF")
        '9,99 USD (strumenti, luglio 2026) e 1.200,00 CHF (altro, settembre 2026 – agosto 2027)'
        >>> Formatter("fr").cost_lines("costs.csv lines 3, 4")
        'costs.csv lignes 3 et 4'
        """
        numbered = _NUMBERED_LINES.fullmatch(text)
        if numbered:            # the refund notes': "costs.csv line 3", "costs.csv lines 3, 4"
            numbers = numbered["numbers"].split(", ")
            word = self.label("error_line" if len(numbers) == 1 else "error_lines")
            return f"{numbered['file']} {word.format(value=self.listed(numbers))}"
        lines = [_COST_LINE.fullmatch(item) for item in text.split(", ")]
        if not all(lines):
            return text
        return self.listed(
            f"{self.number(float(m['amount'].replace(',', '')), 2)} {m['currency']} "
            f"({self.cost_category(m['category'])}, "
            f"{' – '.join(self.period(month) for month in m['months'].split('–'))})"
            for m in lines)

    def industry(self, name: str) -> str:
        """The display name of an industry of the benchmark table ("health_beauty" → "Santé
        et beauté"); one the report has no name for stays as it is."""
        return self._word("labels", f"industry_{name}", str(name))

    def mix(self, text: str, kind: str) -> str:
        """The shares of each format (``kind`` "content_type") or platform in two periods,
        as compare() writes them, with the reader's names and percentages; a text of another
        shape is left as it is.

        >>> Formatter("fr").mix("carousel 3%→11%, unknown 41%→32%", "content_type")
        'carrousel 3\\xa0% → 11\\xa0%, inconnu 41\\xa0% → 32\\xa0%'
        >>> Formatter("it").mix("facebook 15%→38%, instagram 85%→62%", "platform")
        'Facebook 15% → 38%, Instagram 85% → 62%'
        """
        name = self.content_type if kind == "content_type" else self.platform
        shares = [_MIX_SHARE.fullmatch(item) for item in text.split(", ")]
        if not all(shares):
            return text
        return ", ".join(f"{name(m['key'])} {self.percent(int(m['before']) / 100, 0)} → "
                         f"{self.percent(int(m['after']) / 100, 0)}" for m in shares)

    def status(self, name: str) -> str:
        """A goal status in the report language ("on track" → "En bonne voie")."""
        return self._word("status", str(name), str(name))

    def note(self, text, code: str | None = None) -> str:
        """An analysis note the API wrote in English, in the report language.

        With its ``code`` (roi()'s ``note_codes``), the wording is that code's in notes.yaml,
        the English only giving the values; without, the note is matched against all the
        templates of notes.yaml. The values are re-formatted for the reader (numbers,
        percentages, ISO dates, months, platform and metric names). A note with no wording
        stays as it is and is remembered in ``untranslated``.

        >>> Formatter("fr").note("2026-10 is over: target missed")
        'octobre 2026 est terminé : objectif manqué'
        >>> Formatter("it").note("roas NaN: ad spend is zero", "roas_ad_spend_zero")
        'ROAS non calcolabile: la spesa pubblicitaria è zero'
        >>> Formatter("en").note("roas NaN: ad spend is zero", "roas_ad_spend_zero")
        'ROAS cannot be computed: the ad spend is zero'
        """
        text = " ".join(str(text).split())
        m, wording = _matched(text, _NOTES if code is None else _NOTES_BY_CODE.get(code, ()))
        if m:
            target = " ".join(wording.get(self.lang, wording["en"]).split())
            values = m.groupdict()
            if values.get("end", "") is None:     # one day, said alone (fullmatch_one_day)
                values["end"] = values["start"]
            shown = {k: self._value(k, v) for k, v in values.items()}
            ends = _day_range(values)
            if self.lang == "en":     # the API's "2024-01-01..2024-12-31", for a reader
                # and its "roas NaN: …", in the reader's words (en_report)
                target = " ".join(wording.get("en_report", target).split())
                if ends is not None:
                    target = target.replace("{start}..{end}", self.span(*ends))
                target = target.replace("}..{", "} – {")
            if "metric" in shown and re.search(r"\w {metric}", target):
                shown["metric"] = self._within(shown["metric"])
            if ends is not None:
                # "du 3 au 9 novembre 2026", "le 2 octobre 2026" (ranged)
                target = self.ranged(target, *ends)
            out = self._singular(target.format(**shown), values, shown)
            for k in _PERIOD_FIELDS:
                if k in values:
                    try:
                        out = self.joined(out, values[k])
                    except PeriodError:
                        pass
            return self.prose(out)
        if self.lang != "en":
            self.untranslated.add(text)
        return text

    def _within(self, name: str) -> str:
        """A metric's name (its table label, "Copertura") within a sentence, after a word,
        where a common noun takes no capital: goals' notes read "nessun dato per Post su
        Facebook", "per Copertura", "no data for Net followers on Facebook" (one opening a
        note or a part after a colon, "Facebook: Nuovi follower", keeps it). An acronym keeps
        its capitals.

        >>> Formatter("it")._within("Copertura"), Formatter("fr")._within("ROAS")
        ('copertura', 'ROAS')
        >>> Formatter("en")._within("Net followers")
        'net followers'
        """
        if len(name) < 2 or not name[1].islower():
            return name
        return name[0].lower() + name[1:]

    def _singular(self, out: str, values: dict[str, str], shown: dict[str, str]) -> str:
        """``out`` with the French singular after a quantity below 2 of
        :data:`_FR_SINGULAR`'s fields: French takes the plural from 2 on, and a one-day
        period's posting rate read "÷ 0,14 semaines"."""
        if self.lang != "fr":
            return out
        for field, (plural, singular) in _FR_SINGULAR.items():
            try:
                below_two = abs(float(values[field])) < 2
            except (KeyError, ValueError):
                continue
            if below_two:
                out = out.replace(f"{shown[field]} {plural}", f"{shown[field]} {singular}")
        return out

    def quality(self, code, message, *, missing: MissingMetrics | None = None,
                cost_gaps: Sequence[tuple[str, Sequence[str]]] | None = None,
                **values: str) -> str:
        """What a data-quality note of kind ``code`` means, in the report language.

        The sentence comes from quality.yaml; for a code it does not know (a loader registered
        outside the package), the loader's own ``message`` is returned, and remembered in
        ``untranslated`` when the report is not in English. The sentence's fields are filled
        from ``message`` (:meth:`_quality_field`), or from ``values``, worded by the report
        (the quality table names every month of a cost gap, ``{gaps}``, where an entry names
        its own); one that neither gives is the message's too, never a raw ``{gaps}``.
        ``missing``: the facts of a note of metrics missing from an export (its entry's
        ``missing_metrics``), which its sentence names; without them, it speaks in general.
        ``cost_gaps``: those of a month of the costs file without a category (its entry's
        ``cost_gaps``), which ``{gaps}`` names; without them (a note of an older cache), the
        message. They were read back from the English message, which a rewording broke.

        >>> Formatter("it").quality("duplicate_file", "same content as a.csv; read once")
        'I file con lo stesso contenuto sono stati letti una sola volta'
        >>> "(August 2026: “Labour”)" in Formatter("en").quality("costs_month_missing",
        ...     "costs.csv lacks August's labour", cost_gaps=[("2026-08", ["labor"])])
        True
        """
        message = " ".join(str(message).split())
        wording = _QUALITY.get(str(code))
        text = None if wording is None else wording.get(self.lang, wording["en"])
        fields = {name for _, name, _, _ in string.Formatter().parse(text or "") if name}
        values = {name: values[name] if name in values else
                  self._quality_field(name, message, missing, cost_gaps) for name in fields}
        if text is None or None in values.values():
            if self.lang != "en":
                self.untranslated.add(message)
            return message
        return text.format_map(values) if values else text

    def _quality_field(self, name: str, message: str, missing: MissingMetrics | None = None,
                       cost_gaps: Sequence[tuple[str, Sequence[str]]] | None = None
                       ) -> str | None:
        """Field ``name`` of a quality.yaml sentence as the log entry's ``message`` says it:
        the value that came (``{value}``: "…; got 'Beauté'", "?" when unsaid), a month of the
        costs file without a category's line (``{gaps}``: "August 2026: “Labour”", of the
        note's ``cost_gaps``); None when neither says it. A caller other than the report's
        quality table printed "({gaps})", which only that table filled. The post types read
        by their word (``{read}``: "« image ig » comme image"), those of the brand's files:
        the sentence quoted Italian's "Carosello IG" whatever the files said."""
        if name == "value":
            m = _GOT.search(message)
            return m["value"] if m else "?"
        if name == "gaps" and cost_gaps:
            return self.join(self.cost_gap(month, list(cats)) for month, cats in cost_gaps)
        if name == "read" and (read := _BY_WORD.findall(message.partition(": ")[2])):
            return self.listed(self.label("post_type_read_as").format(
                raw=raw, type=self.content_type(kind)) for _, raw, kind in read)
        if name in ("metrics", "consequence"):
            return self._missing_metric(name, missing)
        if name in ("opening", "monthly"):
            # a costs file's one-off opening line and first monthly categories: named by the
            # quality table (PerformanceSections.costs_one_off_named), else left unsaid
            return ""
        return None

    def _missing_metric(self, name: str, said: MissingMetrics | None) -> str:
        """Field ``name`` of the sentence of a metric missing from an export
        (``expected_metric_missing``) as its note's facts ``said`` give it (its
        ``missing_metrics``): the metrics (``{metrics}``: "i ricavi") and what follows for them
        (``{consequence}``: left empty with their rates, or the interactions taken from the
        export's total; and the fix that applies to the file: synonyms.csv's rows where some
        columns were not read, none where every column was). The one sentence named no metric,
        sent every reader to synonyms.csv, and told a GA4 file's reader of Facebook's
        interactions. A note without facts (a frame built by hand) gets the general sentence;
        they were read back from its English message, which a rewording would have broken."""
        if not isinstance(said, MissingMetrics) or not said.metrics:    # NaN: a group's none
            return self.label("quality_metric_some" if name == "metrics" else
                              "quality_metric_unsaid")
        if name == "metrics":
            return self.listed(self.listed([self.measure(n) for n in alternatives], style="or")
                               for alternatives in said.metrics)
        if not said.all_read and not said.rows:
            return self.label("quality_metric_unsaid")
        several = len(said.metrics) > 1
        left = ("quality_metric_from_total" if said.from_total else
                "quality_metric_empty_many" if several else "quality_metric_empty")
        rows = "; ".join(said.rows).replace("<its header>", self.label("quality_metric_header"))
        fix = (self.label("quality_metric_all_read") if said.all_read else
               self.label("quality_metric_synonyms").format(rows=rows))
        return self.label("quality_metric_then").format(left=self.label(left), fix=fix)

    def cost_gap(self, month: str, categories: list[str]) -> str:
        """A month of the costs file without lines of ``categories`` its other months have
        ("August 2026: “Labour” and “Tools”"), as the quality table names each."""
        return self.label("costs_gap_month").format(month=self.period(month),
                                                    categories=self.gap_categories(categories))

    def gap_categories(self, categories: list[str], style: str = "standard") -> str:
        """The cost categories a month lacks, by their names, quoted and listed ("“Labour”
        and “Tools”"; ``style`` "or" for the ROI section's "“Labour” or “Tools”")."""
        return self.listed([self.label("costs_month_missing_category").format(
            name=self.label("cat_" + c)) for c in categories], style=style)

    def failure(self, reason) -> dict[str, str]:
        """A loader's error message (``file F, line N, column 'c': what; expected …; got …``,
        ``key 'k'`` for a YAML file's) for a sentence in the report language: ``where``, the
        line, cell and column (or key) in the reader's words, in brackets after a space
        (" (ligne 3, colonne « amount »)"; "" when the message names none), and ``detail``,
        the loader's own words, said to be technical and in English.

        >>> f = Formatter("it").failure("file costs.csv, line 3, column 'amount': bad value")
        >>> f["where"], f["detail"]
        (' (riga 3, colonna «amount»)', 'Dettaglio tecnico, in inglese: «bad value».')
        """
        text = " ".join(str(reason).split())
        m = _FAILURE.fullmatch(text)
        where, detail = (m["where"], m["detail"]) if m else ("", text)
        parts = [self.label("error_" + kind).format(value=value.strip("'\""))
                 for kind, value in _FAILURE_PART.findall(where) if kind != "file"]
        return {"where": f" ({', '.join(parts)})" if parts else "",
                "detail": self.label("error_detail").format(message=detail)}

    @staticmethod
    def sentence(text: str) -> str:
        """``text`` with a capital first letter, for a note shown as a sentence of its own
        (notes start in lower case where a month or article begins them: "octobre 2026 …"),
        unless it starts with a file name or code, whose case is its own: a note read
        "Goals.yaml could not be read", a file its user would not find under that name.

        >>> Formatter.sentence("le T2 2026 était un record")
        'Le T2 2026 était un record'
        >>> Formatter.sentence("goals.yaml could not be read")
        'goals.yaml could not be read'
        """
        if _NAME_START.match(text):
            return text
        return text[:1].upper() + text[1:]

    @staticmethod
    def sentences(*parts: str) -> str:
        """``parts`` joined as the sentences of one caption: each but the last ends with a
        full stop when it has none. A caption's first part may end with a parenthesis, as a
        figure's title does; what followed it ran on ("… drawn light) No slot has 8 posts").

        >>> Formatter.sentences("Lift by hour (faint: the model's)", "No slot has 8 posts.")
        "Lift by hour (faint: the model's). No slot has 8 posts."
        >>> Formatter.sentences("Audience online (a fallback)")
        'Audience online (a fallback)'
        """
        kept = [p for p in parts if p]
        return " ".join([p if p.endswith((".", "!", "?", "…")) else p + "."
                         for p in kept[:-1]] + kept[-1:])

    def period_first(self, text: str) -> str:
        """``text`` with a capital first letter when it starts with a period's name, with or
        without the article the language gives it, as a sentence does: French and Italian
        write months in lower case and put an article before a quarter, and a goal's note read
        "ottobre 2026 è concluso" or "le T3 2026 est terminé" where the English one reads
        "October 2026 is over"; a note starting otherwise ("nessun dato per ottobre") is left
        as the other notes of its table.

        >>> f = Formatter("it")
        >>> f.period_first("ottobre 2026 è concluso"), f.period_first("nessun dato per ottobre")
        ('Ottobre 2026 è concluso', 'nessun dato per ottobre')
        >>> f.period_first("il 3° trimestre 2026 è concluso")
        'Il 3° trimestre 2026 è concluso'
        """
        return self.sentence(text) if _period_start(self.lang).match(text) else text

    def odds(self, p, *, less: bool = False) -> str:
        """A probability as a manager says it, with a one-digit count: 0.002 → "about 2 times
        in 1,000", 0.82 → "about 8 times in 10", 0.0096 → "about once in 100"; ``less`` for a
        bound: 0.001 → "less than once in 1,000".

        >>> Formatter("fr").odds(0.003), Formatter("it").odds(0.001, less=True)
        ('environ 3 fois sur 1\\u202f000', 'meno di una volta su 1.000')
        """
        p = float(p)
        if not 0 < p <= 1:
            raise ValueError(f"not a probability: {p}")
        k = max(math.ceil(-math.log10(p)), 1)
        n = round(p * 10 ** k)
        if n == 10:                 # 0.0096 is about once in 100, not 10 times in 1,000
            n, k = (1, k - 1) if k > 1 else (round(p * 100), 2)
        key = ("odds_less" if less else "odds_about") + ("_one" if n == 1 else "_other")
        return self.label(key).format(n=self.number(n), of=self.number(10 ** k))

    def p_value(self, p, digits: int = 3) -> tuple[str, str]:
        """A test's p-value as the report writes it, and how often chance alone would give
        such a result (:meth:`odds`): ("p = 0.002", "about 2 times in 1,000"); a p-value below
        what ``digits`` decimals show is a bound, ("p < 0.001", "less than once in 1,000"),
        where it read "p = 0.000"."""
        floor = 10.0 ** -digits
        if float(p) < floor / 2:
            return f"p < {self.number(floor, digits)}", self.odds(floor, less=True)
        return f"p = {self.number(p, digits)}", self.odds(p)

    def labelled(self, label: str, value) -> str:
        """``label: value`` with the language's punctuation (a space before the colon in
        French).

        >>> Formatter("fr").labelled("Période", "octobre 2026")
        'Période : octobre 2026'
        """
        return f"{label}{' :' if self.lang == 'fr' else ':'} {value}"

    def listed(self, items, style: str = "standard") -> str:
        """Names as the language lists them: "Facebook et Instagram", "Facebook e Instagram";
        ``style="or"``: "Facebook ou Instagram".

        >>> Formatter("fr").listed(["Facebook", "Instagram", "X"])
        'Facebook, Instagram et X'
        >>> Formatter("it").listed(["Facebook", "Instagram"], style="or")
        'Facebook o Instagram'
        """
        return format_list(list(items), style=style, locale=self.locale)

    def join(self, items) -> str:
        """Clauses joined by semicolons, with the language's punctuation (``" ; "`` in
        French)."""
        return (" ; " if self.lang == "fr" else "; ").join(items)

    def notes(self, text, sep: str = "; ") -> list[str]:
        """A ``"; "``-joined note column value as a list of notes in the report language."""
        if _missing(text):
            return []
        return [self.note(part) for part in str(text).split(sep) if part.strip()]

    def _value(self, name: str, v: str) -> str:
        """One value taken from an English note, formatted for the reader."""
        if name == "platform":   # one, or those a note names together ("instagram, linkedin
            # exports count new followers only"), listed as the language lists them
            return self.listed(self.platform(p, inline=True) for p in v.split(", "))
        if name in ("account", "accounts"):  # handles, names or page ids, as exported: no number
            return v
        if name == "metric":
            return self.metric(v)
        if name in ("measure", "counterpart"):   # a metric as a noun within the sentence
            return self.measure(v)
        if name == "weekday" and v in _WEEKDAY_NUMBERS:      # "Monday" → "lundi"
            return self.weekday(_WEEKDAY_NUMBERS[v])
        if name == "weekdays" and v in DAY_GROUP_LABELS:     # "Monday-Friday" → "en semaine"
            return self.label(DAY_GROUP_LABELS[v])
        if name == "weekdays" and all(d in _WEEKDAY_NUMBERS for d in v.split("/")):
            # the days of a window that are no day group: "Monday/Saturday" → "le lundi et samedi"
            return self.label("days_list").format(
                days=self.listed(self.weekday(_WEEKDAY_NUMBERS[d]) for d in v.split("/")))
        if name in _MIX_FIELDS:             # "carousel 3%→11%, image 17%→11%"
            return self.mix(v, _MIX_FIELDS[name])
        if name == "names":                  # an export's columns: "reactions + comments"
            sep = " + " if " + " in v else ", "
            return sep.join(self.component(c) for c in v.split(sep))
        if name == "excluded":               # timing's, as its summary: "too young: 4, no peer: 1"
            return self.excluded({k.replace(" ", "_"): int(n) for k, n in (
                part.rpartition(": ")[::2] for part in v.split(", "))})
        if name == "dates" and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in v.split(", ")):
            # ISO days a note lists (a plan's days of no free hour: "2026-03-29, 2027-03-28")
            return self.listed(self.date(dt.date.fromisoformat(d)) for d in v.split(", "))
        if name == "categories":             # costs.csv's: "ad_spend, labor"
            return ", ".join(self.cost_category(c) for c in v.split(", "))
        if name == "lines":                  # cost lines: "2026-07 tools 9.99 USD, …"
            return self.cost_lines(v)
        if name == "months":                 # months a note lists: "2026-10, 2026-11"
            return self.listed(self.period(m) for m in v.split(", "))
        if name == "kinds":                  # GA4 tables' breakdowns: "campaign+channel_group"
            return ", ".join(self._kind(k) for k in v.split(", "))
        if name == "industry":               # the benchmark table's id, quoted: "'retail'"
            return self.industry(v.strip("'\""))
        if name == "industries":             # ids: "alcohol, fashion, health_beauty"
            return ", ".join(self.industry(i) for i in v.split(", "))
        if name == "refused":                # a value of brand.yaml as it came, quoted
            return v[1:-1] if len(v) > 1 and v[0] == v[-1] and v[0] in "'\"" else v
        if name.startswith("platforms"):     # a list: "instagram, tiktok" → "Instagram and TikTok"
            return self.listed(self.platform(p) for p in v.split(", "))
        if name in _PERIOD_FIELDS:          # a year is a name, not the number 2,026
            try:
                return self.period(v)
            except PeriodError:
                pass
        if re.fullmatch(r"\d{2}:\d{2}(, \d{2}:\d{2}-\d{2}:\d{2})+", v):
            # the end of a window told by its runs, "19:00, 20:00-21:00": the runs' hyphens
            # are the en dashes of the wording around them ("18:00–19:00, 20:00–21:00")
            return v.replace("-", "–")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            return self.date(dt.date.fromisoformat(v))
        if re.fullmatch(r"\d{4}-(\d{2}|Q[1-4])", v):
            return self.period(v)
        if re.fullmatch(r"[+-]?\d+(\.\d+)?%", v):
            digits = len(v.rstrip("%").partition(".")[2])
            return ("+" if v.startswith("+") else "") + self.percent(float(v[:-1]) / 100, digits)
        if _NUMBER.fullmatch(v):
            digits = len(v.partition(".")[2])
            return self.number(float(v.replace(",", "")), digits)
        return v

    def category(self, name, dimension: str | None = None) -> str:
        """An audience category in the report language where it is a common word ("Female" →
        "Femmes"), and a country's ISO code (TikTok's territories) by its name ("MA" → "Maroc",
        "Marocco"); names of places, industries and the like are shown as exported.

        >>> Formatter("it").category("CH", "country"), Formatter("en").category("MA", "country")
        ('Svizzera', 'Morocco')
        """
        text = str(name).strip()
        if dimension == "country" and re.fullmatch(r"[A-Z]{2}", text):
            return Locale.parse(self.locale).territories.get(text, text)
        return self._word("categories", text.lower(), str(name))

    def platform(self, name, inline: bool = False) -> str:
        """Display name of a platform ("linkedin" → "LinkedIn"; "total" or "all" → all
        platforms: "All platforms", or inside a sentence (``inline``) "all platforms").

        >>> Formatter("fr").platform("all", inline=True)
        'toutes les plateformes'
        """
        name = str(name)
        if name in ("total", "all"):
            return self.label("all_platforms" if inline else "total")
        return shown_platform(name)

    @_half_up
    def number(self, x, digits: int = 0, missing: str = "–") -> str:
        if _missing(x):
            return missing
        fmt = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(float(x), format=fmt, locale=self.locale)

    @_half_up
    def amount(self, x, *, money: bool = False, missing: str = "–") -> str:
        """A figure that must not read 0 unless it is (a pace per day: 3 posts in 13 days read
        "0 per day"): whole from 10 up (264), below with one decimal, none when it is 0
        (0.23 → 0.2, 2.77 → 2.8, 1.0 → 1), or as many as its first significant digit needs
        (0.04 → 0.04); money below 10 to the cent at least (€0.40).

        >>> Formatter("fr").amount(0.23), Formatter("en").amount(0.04)
        ('0,2', '0.04')
        """
        if _missing(x):
            return missing
        x = float(x)
        if round(abs(x)) >= 10:
            return self.money(x) if money else self.number(x)
        digits = 2 if money else 1
        while x and round(x, digits) == 0 and digits < 12:
            digits += 1
        if money:
            return self.money(x, digits)
        return format_decimal(x, format="#,##0." + "#" * digits, locale=self.locale)

    def _pattern(self, kind: str, digits: int) -> str:
        """The locale's own CLDR pattern with ``digits`` decimals."""
        formats = Locale.parse(self.locale).percent_formats if kind == "percent" \
            else Locale.parse(self.locale).currency_formats
        pattern = formats[None if kind == "percent" else "standard"].pattern.split(";")[0]
        return re.sub(r"0(\.0+)?", "0" + ("." + "0" * digits if digits else ""), pattern, count=1)

    @_half_up
    def percent(self, x, digits: int = 2, missing: str = "–") -> str:
        """A fraction as a percentage: 0.0345 → 3.45% (en), 3,45 % (fr); one that rounds to
        zero is written without a minus sign (−0.0001 → 0.00%, not -0.00%)."""
        if _missing(x):
            return missing
        return format_percent(_unsigned_zero(float(x), digits + 2),
                              format=self._pattern("percent", digits), locale=self.locale)

    def chance(self, p, *, sure: bool = False, missing: str = "–") -> str:
        """A simulated probability as a whole percentage, written as a bound where it rounds
        to 0 or 100: 0.0003 → "< 1%", 0.9997 (or all 10,000 paths, 1.0) → "> 99%". "0%"
        beside a goal read as "impossible" and "100%" as "certain", which a simulation does
        not say; ``sure``: the outcome is decided (a goal met or missed), 0 % and 100 % are
        then what they say.

        >>> Formatter("fr").chance(0.0003), Formatter("it").chance(1.0)
        ('<\xa01\xa0%', '>\xa099%')
        """
        if _missing(p):
            return missing
        p = float(p)
        if not sure and p < 0.005:
            return "<\u00a0" + self.percent(0.01, 0)
        if not sure and p >= 0.995:
            return ">\u00a0" + self.percent(0.99, 0)
        return self.percent(p, 0)

    def rate(self, x, digits: int = 2, missing: str = "–") -> str:
        """A rate set beside a benchmark or a competitor's: as :meth:`percent`, but one below
        1 % keeps two significant figures, 0.00017 → 0.017% (not 0.02%, 18 % over it), 0.0035
        → 0.35%; from 1 % on, ``digits`` decimals (0.0345 → 3.45%). Both sides of a comparison
        are written this way, so each reads at the same relative precision.

        >>> Formatter("fr").rate(0.00017), Formatter("en").rate(0.0035)
        ('0,017\xa0%', '0.35%')
        """
        if _missing(x):
            return missing
        return self.percent(x, rate_digits(x, digits), missing)

    def change(self, x, digits: int = 1, missing: str = "–") -> str:
        """A relative change as a signed percentage: 0.123 → +12.3%, −0.05 → −5.0%; one that
        rounds to zero has no sign (0.0%).

        >>> Formatter("fr").change(0.123), Formatter("fr").change(-0.0001)
        ('+12,3\\xa0%', '0,0\\xa0%')
        """
        if _missing(x):
            return missing
        x = _unsigned_zero(float(x), digits + 2)
        return ("+" if x > 0 else "") + self.percent(x, digits)

    def points(self, x, digits: int = 2, missing: str = "–") -> str:
        """A difference of fractions in percentage points, signed: 0.001 → +0.10 pp; one that
        rounds to zero is ±0.00 pp."""
        if _missing(x):
            return missing
        x = _unsigned_zero(float(x), digits + 2)
        sign = "+" if x > 0 else (get_minus_sign_symbol(self.locale) if x < 0 else "±")
        return f"{sign}{self.number(abs(x) * 100, digits)} pp"

    @_half_up
    def money(self, x, digits: int = 0, missing: str = "–") -> str:
        """An amount in the brand's currency, as the language writes it: €1,235 (en),
        1 235 € (fr), 1.235 € (it); a currency written in letters stands a no-break space from
        its figures (CHF 32,000, not CHF32,000: CLDR's currency-spacing rule, which babel does
        not apply; French and Italian already set the code apart, 32 000 CHF, 32.000 CHF).

        >>> Formatter("en", "CHF").money(-32000), Formatter("it", "CHF").money(32000)
        ('-CHF\\xa032,000', '32.000\\xa0CHF')
        """
        if _missing(x):
            return missing
        text = format_currency(float(x), self.currency, format=self._pattern("currency", digits),
                               locale=self.locale, currency_digits=False)
        return _CURRENCY_SPACING.sub("\u00a0", text)

    def weekday(self, day: int) -> str:
        """The name of a weekday (0 = Monday) as the slots of the best-times section write it
        ("EEEE").

        >>> Formatter("it").weekday(0), Formatter("fr").weekday(6)
        ('lunedì', 'dimanche')
        """
        return get_day_names("wide", locale=self.locale)[int(day)]

    def date(self, d, fmt: str = "long") -> str:
        """A date in a named format (``long``: 14 octobre 2026; ``short``: 14/10/2026, the
        year in full in every language, where Italian's CLDR pattern writes 14/10/26), a
        pattern, or ``numeric``: in figures, the year in full in every language (14/10/2026).

        >>> Formatter("it").date(dt.date(2026, 10, 14), "numeric")
        '14/10/2026'
        """
        if _missing(d):
            return "–"
        if hasattr(d, "date") and not isinstance(d, dt.date | str):
            d = d.date()
        elif hasattr(d, "to_pydatetime"):
            d = d.to_pydatetime().date()
        if fmt == "numeric":
            return format_skeleton("yMd", d, locale=self.locale)
        if fmt == "short":
            # Italian's short format writes 01/10/26 where English and French write
            # 01/10/2026: the year in full in every language, as the numeric dates
            fmt = re.sub(r"(?<!y)yy(?!y)", "y",
                         str(get_date_format("short", locale=self.locale).pattern))
        if self.lang in _FIRST_OF_MONTH and getattr(d, "day", None) == 1:
            # French and Italian write the first of a month as an ordinal: 1er octobre,
            # dimanche 1er novembre, 1° ottobre
            fmt = _first_of_month(fmt, self.locale, _FIRST_OF_MONTH[self.lang])
        return format_date(d, format=fmt, locale=self.locale)

    def days(self, start, end, fmt: str = "long") -> tuple[str, str]:
        """The first and last days of a range, for "from {start} to {end}" ("du … au …",
        "dal … al …"): the first without the year it shares with the last, and without the
        month too when it shares it, as the languages write a range of days; ``fmt`` is the
        last day's ("long", or a day and month such as "d MMM", which the first keeps when
        the months differ).

        >>> Formatter("fr").days(dt.date(2026, 10, 25), dt.date(2026, 10, 31))
        ('25', '31 octobre 2026')
        >>> Formatter("it").days(dt.date(2026, 8, 1), dt.date(2026, 9, 30))
        ('1° agosto', '30 settembre 2026')
        >>> Formatter("fr").days(dt.date(2026, 10, 13), dt.date(2026, 10, 19), "d MMM")
        ('13', '19 oct.')

        A single day keeps its full date at both ends: cut, it read as a range from a day to
        itself ("du 2 au 2 octobre 2026"). A sentence says it as one day (:meth:`ranged`).

        >>> Formatter("it").days(dt.date(2026, 10, 2), dt.date(2026, 10, 2))
        ('2 ottobre 2026', '2 ottobre 2026')
        """
        month = "d MMMM" if fmt == "long" else fmt
        first = (fmt if start.year != end.year or start == end
                 else month if start.month != end.month else "d")
        return self.date(start, first), self.date(end, fmt)

    def ranged(self, template: str, start, end, names: tuple[str, str] = ("start", "end")
               ) -> str:
        """``template``, a sentence with a range of days from its field ``{start}`` to its
        ``{end}`` (or ``names``), with the range's days in (:meth:`days`); its other fields
        stay. A single day is said as one ("on 2 October 2026", "le 2 octobre 2026", "il 2
        ottobre 2026", in a report's prose "l'8 ottobre 2026"): "from 2 October 2026 to 2
        October 2026" read as a range of one day to itself.

        >>> Formatter("fr").ranged("ne couvre que du {start} au {end} ({n})",
        ...                        dt.date(2026, 10, 1), dt.date(2026, 10, 1))
        'ne couvre que le 1er octobre 2026 ({n})'
        >>> Formatter("it").ranged("copre il periodo dal {first} al {last}",
        ...     dt.date(2026, 10, 2), dt.date(2026, 10, 9), ("first", "last"))
        'copre il periodo dal 2 al 9 ottobre 2026'
        """
        a, b = (f"{{{name}}}" for name in names)
        if start != end:
            first, last = self.days(start, end)
            return template.replace(a, first).replace(b, last)
        for pattern, one in _ONE_DAY[self.lang]:
            template = re.sub(pattern.format(a=re.escape(a), b=re.escape(b)),
                              lambda m, one=one: m.expand(one.format(a=a)), template)
        for pattern, one in _THAT_DAY[self.lang]:
            template = re.sub(pattern, one, template)
        return template.replace(a, self.date(start)).replace(b, self.date(end))

    def span(self, start, end) -> str:
        """A range of days named without a preposition (a cover's "Period:", "the period
        …"), what its ends share written once as CLDR's interval patterns do: "3–9 November
        2026", "1 August – 30 September 2026", "15 December 2025 – 14 January 2026".
        babel's ``format_interval`` writes them so but abbreviates the months ("3–9 nov.
        2026"), pads Italian days ("03–09 nov 2026") and knows no "1er" or "1°": the ends
        are :meth:`days`'.

        >>> Formatter("fr").span(dt.date(2026, 11, 1), dt.date(2026, 11, 9))
        '1er–9 novembre 2026'
        >>> Formatter("it").span(dt.date(2026, 8, 1), dt.date(2026, 9, 30))
        '1° agosto – 30 settembre 2026'
        """
        if start == end:
            return self.date(end)
        first, last = self.days(start, end)
        same_month = (start.year, start.month) == (end.year, end.month)
        return f"{first}{'–' if same_month else ' – '}{last}"

    def period(self, period) -> str:
        """A period by its name: 'octobre 2026', 'T4 2026', '2026', or its first and last days."""
        p = parse_period(period)
        if p.kind == "month":
            return self.month(p.start)
        if p.kind == "quarter":
            return self.label("quarter").format(q=(p.start.month - 1) // 3 + 1, year=p.start.year)
        if p.kind == "year":
            return str(p.start.year)
        return self.span(p.start, p.end)

    def joined(self, text: str, period, *, days: bool = False) -> str:
        """``text``, where :meth:`period`'s name of ``period`` follows a preposition or starts
        a sentence, with the article the language gives that kind of period, joined to the
        preposition as the language does: Italian "in 3° trimestre 2026" → "nel 3° trimestre
        2026", "2026 è stato un record" → "il 2026 è stato un record"; French "en T4 2026" →
        "au T4 2026", "jours de octobre 2026" → "jours d'octobre 2026"; a range of days is
        "the period" ("for the period 5–18 October 2026"), and with ``days``
        its days as a range of days ("que la période du 1er août au 30 septembre 2026"). French
        elides "de" and "que" before a month said with a vowel ("qu'octobre 2026").

        >>> Formatter("it").joined("nessun costo registrato in 3° trimestre 2026", "2026-Q3")
        'nessun costo registrato nel 3° trimestre 2026'
        >>> Formatter("fr").joined("T3 2026 compte 92 jours et T2 2026 91", "2026-Q3")
        'le T3 2026 compte 92 jours et T2 2026 91'
        >>> Formatter("it").joined("post pubblicati in ottobre 2026", "2026-10")
        'post pubblicati a ottobre 2026'
        >>> Formatter("it").joined("in agosto 2026 le esportazioni coprono", "2026-08")
        'ad agosto 2026 le esportazioni coprono'
        >>> Formatter("fr").joined("plus longue que octobre 2026", "2026-10")
        "plus longue qu'octobre 2026"
        >>> Formatter("it").joined("più lungo di 1° agosto – 30 settembre 2026",
        ...                        "2026-08-01..2026-09-30", days=True)
        'più lungo del periodo dal 1° agosto al 30 settembre 2026'
        """
        p = parse_period(period)
        name = re.escape(self.period(p))
        one_day = p.kind == "range" and p.start == p.end
        kind = "day" if one_day else p.kind
        article = _ARTICLES.get(self.lang, {}).get(kind)
        if kind_preps := _KIND_PREPOSITIONS.get((self.lang, kind)):
            words = "|".join(re.escape(w) for w in kind_preps)

            # the euphonic d before the same vowel: "ad aprile", "ad agosto" ("a ottobre")
            same_vowel = self.period(p)[:1].lower() == "a"

            def swap(m: re.Match) -> str:
                word = kind_preps[m[1].lower()]
                if word == "a" and same_vowel:
                    word = "ad"
                return (word[0].upper() + word[1:] if m[1][0].isupper() else word) + " "
            text = re.sub(rf"(?<![\w'])((?i:{words})) (?={name})", swap, text)
        if self.lang == "fr" and p.kind == "month" and _french_elides(self.period(p)):
            return re.sub(rf"(?<![\w'])((?i:de|que)) (?={name})",
                          lambda m: m[1][:-1] + "'", text)
        if article is None:
            return text
        text = self._articled(text, name, article, _DAY_JOINS.get(self.lang, {}) if one_day
                              else {})
        if days and p.kind == "range" and not one_day:
            # "la période 1er août – 30 septembre 2026": its days
            last = article.rsplit(" ", 1)[-1]
            text = text.replace(f"{last} {self.period(p)}", f"{last} " + self.ranged(
                self.label("period_days"), p.start, p.end))
        return text

    def _articled(self, text: str, name: str, article: str,
                  joins: dict[str, dict[str, str]]) -> str:
        """``text`` with ``article`` before the period's ``name`` (a regular expression) where
        it starts a sentence or follows a preposition, joined to it as ``joins`` says, else as
        _PREPOSITIONS does (see :meth:`joined`)."""
        preps = {**_PREPOSITIONS.get(self.lang, {}), **joins}

        def join(m: re.Match) -> str:
            elided, prep = m[1], m[2]
            if prep is None:      # a note or clause starts with the period: its own case
                return article + " "
            first, _, rest = article.partition(" ")
            merged = preps[prep.lower()].get(first)
            word = f"{merged} {rest}".rstrip() if merged else f"{prep} {article}"
            if elided:            # "qu'" stays before a vowel only: "qu'au", "que sur la"
                that = elided if _french_elides(word) else elided[:-1] + "e "
                return that + word + " "
            return (word[0].upper() + word[1:] if prep[0].isupper() else word) + " "

        words = "|".join(re.escape(w) for w in sorted(preps, key=len, reverse=True))
        # at the start of the note or of a clause (after ": " or "; "), or after a preposition,
        # which may follow an elided "qu'" ("qu'en T3 2026" → "qu'au T3 2026")
        return re.sub(rf"(?:^|(?<=[:;] )|(?:(?<![\w'])|\b([Qq]u'))((?i:{words})) )(?={name})",
                      join, text)

    def month(self, d) -> str:
        """'October 2026', 'octobre 2026', 'ottobre 2026'."""
        return format_date(d, format="LLLL yyyy", locale=self.locale)
