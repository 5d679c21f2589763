"""GA4 traffic attributed to social: channel groups, source aliases, period weights.

Definitions
-----------
- A GA4 row is *social* when its default channel group is ``Organic Social`` or
  ``Paid Social`` (any case; the French and Italian UI names containing ``social``/``sociaux``
  are accepted). When the export has no channel group, GA4's own rule is applied to the source and
  medium: a source that is a known social site or alias (``l.instagram.com``, ``m.facebook.com``,
  ``lnkd.in``, ``t.co``, a platform's app ``com.instagram.android``, a hand's ``Insta`` or
  ``linkedin_ads``, …), a social site of no platform of GA4's list of social sources
  (``reddit.com``, ``whatsapp``, ``messenger``; and ``threads.net``, ``bsky.app``), or a
  medium such as ``social``/``social-media``/``sm``. The sources of rows this rule reads as
  not social are named in the quality log with their sessions and revenue
  (:func:`not_social_sources`), so that none is left out unseen.
- ``platform`` is the source normalised through the alias table (``lnkd.in`` → linkedin,
  ``t.co`` → x); a social row whose source is not a known site gets ``(unassigned)``, as do
  Meta's sources that name neither Facebook nor Instagram (``meta``, ``an``), noted with
  their sessions and revenue: the platforms have no "Facebook or Instagram", and counting them
  Facebook's put Instagram's ad revenue in Facebook's ROAS.
- A table of first-user scope (GA4's User acquisition report, ``First user source / medium``)
  attributes each user's sessions and revenue to their first visit's source: counted when no
  table of session scope covers the same dates, and noted.
- ``campaign`` is GA4's session campaign (utm_campaign); ``(not set)``, ``(direct)``,
  ``(organic)``, ``(referral)`` and empty mean no campaign (``(unassigned)``).
- GA4 rows are never counted twice: when tables of several breakdowns (say by channel group
  and by source / medium) cover the same dates, one alone is used: for figures by campaign,
  one carrying the session campaign; by platform, one carrying the source; else (and among
  those) the most detailed (source / medium, then source, campaign, channel group; then the
  most dimensions). A table by source / medium says nothing of campaigns: by campaign, it
  would have left a campaign GA4 reports in another table at revenue 0. When exports overlap
  (a monthly and a quarterly file, or daily rows and a monthly total), each day of each
  breakdown key (source, medium, campaign…) is counted in one export alone, whatever the
  period, so that months add up to their quarter and year: of the exports holding the key,
  the shortest counts all its days, the next the days left to it, and so on
  (:func:`_owners`). A September file filtered to Facebook's sources takes September from a
  Q3 file's Facebook row, not from its Instagram row: Instagram's September is in Q3's
  figures alone. An export of another breakdown (by channel group beside one by source)
  names other keys for the same sessions: it takes the days it counts from every key.
  Several files of the same range are one export whose files may repeat
  each other (:func:`_file_drop`): page 1 and page 2 of a table, or files filtered to
  Facebook's and to Instagram's sources, each count; of the rows of the same breakdown key
  (source, medium, campaign, channel group, landing page: the date apart) in several files,
  those of one file count (the one carrying the dimension needed, else the more detailed,
  then the one of the longer rows: September's total before its daily rows; then by name):
  a copy, or a range's daily rows and its total, count once; of files of different
  breakdowns, one file's breakdown. An export is also its GA4 property (``property``, the
  website): two properties' exports are two websites' traffic, never the same traffic twice,
  so none of these rules sets one against the other (maisonseve.fr's facebook 100 sessions
  and maisonseve.it's 40 of the same October: 140); rows of no property are one property.
  A row of an export counting some of its days only is
  prorated by day over them (an estimate, noted); one counting none is left out (noted). By
  campaign, a campaign whose rows lose days to an export without a campaign dimension has
  unknown figures, not 0; an export by campaign not naming it takes none of its days.
  The daily goals (:func:`deduplicate`) count the same rows as roi() (:func:`social_web`).
- By campaign, a campaign GA4 cannot see is noted on its row: with no table of the period
  carrying a campaign, its revenue, key events and sessions are unknown (NaN), not 0; with
  one, a campaign with costs that no GA4 row names keeps its 0 (no session carried its
  ``utm_campaign``), noted.
- A row dated by ``date`` counts fully in the period that contains that day. A row with only
  ``period_start``/``period_end`` (a monthly export) counts by the share of its days inside the
  period: weight = overlap days / span days, 1 when its span lies inside the period.
- A row tagged with a campaign whose days are known (:func:`campaign_runs`: from the first to
  the last day of its cost lines and posts) is spread over the days that campaign ran within
  the row's range, not over all the row's days: its traffic came while the campaign ran. A
  Mother's Day campaign of 18-31 May tagged on a May export counts whole in 18-31 May (and
  nothing in 1-17 May). A row with no campaign, of a campaign without known days, or of one
  that did not run within the row's range, is spread over all its days.
- The days GA4 covers are the exports' own date ranges (the preamble's start and end date, or a
  row's ``Date range``; a dated row without them covers its day). A period they cover only in
  part is noted: its traffic, revenue and key events are those of the days covered (a month
  whose export stops on the 15th has half a month of revenue against a month of costs).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from urllib.parse import unquote_plus

import numpy as np
import pandas as pd

from .periods import Period, parse_period, post_dates, remembered
from .quality import counted
from .schema import column_or

__all__ = ["UNASSIGNED", "SOURCE_ALIASES", "normalize_source", "campaign_key", "campaign_name",
           "social_web", "social_traffic", "covered_runs", "uncovered_runs", "property_spans",
           "campaign_runs",
           "campaign_day_spans",
           "foreign_currency", "foreign_revenue_note"]

#: the dtypes as instances: a name ("Float64", "string") is looked up in pandas' registry
#: at each use, 50-120 µs
_FLOAT64 = pd.Float64Dtype()
_STRING = pd.StringDtype()

UNASSIGNED = "(unassigned)"

SOURCE_ALIASES: dict[str, tuple[str, ...]] = {
    "facebook": ("facebook", "facebook.com", "m.facebook.com", "l.facebook.com",
                 "lm.facebook.com", "business.facebook.com", "fb", "fb.me", "fb.com"),
    # IGShopping: the source Instagram's shop tags write (GA4's list files it under shopping;
    # its sessions came from Instagram)
    "instagram": ("instagram", "instagram.com", "l.instagram.com", "ig", "igshid", "insta",
                  "igshopping"),
    "x": ("x", "x.com", "twitter", "twitter.com", "t.co", "mobile.twitter.com", "tw"),
    "linkedin": ("linkedin", "linkedin.com", "lnkd.in", "lnkd", "linkedin.android",
                 "lm.linkedin.com"),
    "youtube": ("youtube", "youtube.com", "m.youtube.com", "youtu.be", "yt"),
    "tiktok": ("tiktok", "tiktok.com", "vm.tiktok.com", "tt"),
    "pinterest": ("pinterest", "pinterest.com", "pin.it", "pinterest.fr", "pinterest.it",
                  "pinterest.co.uk", "pinterest.de", "pinterest.es"),
}
_ALIAS = {alias: platform for platform, aliases in SOURCE_ALIASES.items() for alias in aliases}
#: the web domains of each platform: a source on one of them or a subdomain of it
#: (``web.facebook.com``, ``m.instagram.com``, ``fr.linkedin.com``) is that platform's
_DOMAINS = {alias: platform for alias, platform in _ALIAS.items()
            if alias.count(".") == 1 or alias.startswith("pinterest.")}
#: the Android apps GA4 names as a source (``android-app://com.linkedin.android``, or the bare
#: package name ``com.instagram.android``)
_APPS = {"com.facebook.katana": "facebook", "com.facebook.lite": "facebook",
         "com.facebook.orca": "facebook", "com.instagram.android": "instagram",
         "com.twitter.android": "x",
         "com.linkedin.android": "linkedin", "com.google.android.youtube": "youtube",
         "com.zhiliaoapp.musically": "tiktok", "com.ss.android.ugc.trill": "tiktok",
         "com.pinterest": "pinterest"}
#: social sites of no platform of the package: their sessions are social (GA4 files them under
#: Organic or Paid Social: reddit, whatsapp, messenger… of its list of social sources), in the
#: ``(unassigned)`` platform. Threads and Bluesky, younger than GA4's list, are social too.
_OTHER_SOCIAL = {"reddit": "reddit.com", "whatsapp": "whatsapp.com", "wa.me": "wa.me",
                 "messenger": "messenger.com", "m.me": "m.me", "snapchat": "snapchat.com",
                 "quora": "quora.com", "tumblr": "tumblr.com", "telegram": "t.me",
                 "t.me": "t.me", "threads": "threads.net", "threads.net": "threads.net",
                 "threads.com": "threads.com", "bsky": "bsky.app", "bsky.app": "bsky.app",
                 # Threads' Android app, whose package still carries Instagram's name: Threads,
                 # as threads.net is, not Instagram (it was counted in Instagram's ROI)
                 "com.instagram.barcelona": "threads.net",
                 "mastodon": "mastodon.social", "vk.com": "vk.com", "xing": "xing.com",
                 "line": "line.me", "wechat": "wechat.com", "weibo": "weibo.com",
                 "social": "social", "msg": "messenger.com",
                 # Meta's own: its ads' {{site_source_name}} ``an`` (Audience Network), or a
                 # hand's utm_source=meta, say Facebook or Instagram without saying which
                 "meta": "meta", "an": "an"}
#: the sources of Meta's that name neither Facebook nor Instagram: social, in no platform,
#: noted (counting them Facebook's put Instagram's ad revenue in Facebook's ROAS)
_META = frozenset({"meta", "an"})
_OTHER_SOCIAL_DOMAINS = frozenset(d for d in _OTHER_SOCIAL.values() if "." in d)
#: an ad platform's name as hand-typed UTM sources write it: ``linkedin_ads``, ``tiktok-ads``
_ADS_SUFFIX = re.compile(r"[-_ ]?ads$")
_SOCIAL_MEDIUM = re.compile(r"^(social|social[-_ ]?(media|network)|sm|paid[-_ ]?social|"
                            r"organic[-_ ]?social)$")
_NO_CAMPAIGN = {"", "(not set)", "(direct)", "(organic)", "(referral)", "(none)", "not set"}


def normalize_source(source: pd.Series) -> pd.Series:
    """Platform name of each GA4 source, NA if not social: an alias of
    :data:`SOURCE_ALIASES` (``l.instagram.com``, ``lnkd.in``, ``t.co`` → ``instagram``,
    ``linkedin``, ``x``), a subdomain of a platform's domain (``web.facebook.com``,
    ``m.instagram.com``), or a platform's Android app (``android-app://com.linkedin.android``
    or the bare ``com.linkedin.android``).
    ``source / medium`` cells are read by their source. Each distinct source is read once.

    >>> normalize_source(pd.Series(["web.facebook.com / referral", "android-app://com."
    ...                             "linkedin.android", "com.instagram.android", "newsletter",
    ...                             "notfacebook.com"])).tolist()
    ['facebook', 'linkedin', 'instagram', <NA>, <NA>]
    """
    codes, uniques = pd.factorize(source.astype(_STRING).str.strip().str.lower())
    platforms = pd.array([_source_platform(u) for u in uniques] + [pd.NA], dtype=_STRING)
    return pd.Series(platforms[codes], index=source.index, dtype=_STRING)


def _source_platform(source: str) -> str | None:
    """The platform of one GA4 source in lower case (see :func:`normalize_source`)."""
    s = source.split(" / ")[0].strip()
    app = s.removeprefix("android-app://").split("/")[0]
    platform = next((p for name, p in _APPS.items()
                     if app == name or app.startswith(name + ".")), None)
    if platform is not None or s.startswith("android-app://"):
        return platform
    s = re.sub(r"^(https?://)?(www\.)?", "", s).split("/")[0].split("?")[0]
    if s in _ALIAS:
        return _ALIAS[s]
    if _ADS_SUFFIX.search(s) and (bare := _ADS_SUFFIX.sub("", s)) in _ALIAS:
        return _ALIAS[bare]                     # linkedin_ads: LinkedIn's
    labels = s.split(".")
    for i in range(1, len(labels) - 1):         # web.facebook.com: facebook.com
        domain = ".".join(labels[i:])
        if domain in _DOMAINS:
            return _DOMAINS[domain]
    return None


def campaign_key(campaign: pd.Series) -> pd.Series:
    """Join key of a campaign name: lower case, accents dropped, runs of other characters than
    letters and digits → ``_``; NA for none.

    ``"Autumn Launch"``, ``"autumn-launch"`` and ``"autumn_launch"`` share the key
    ``autumn_launch``; ``"Noël 2026"`` in costs.csv and ``utm_campaign=noel-2026`` share
    ``noel_2026``, and letters of other scripts are kept (``"夏 2026"`` → ``夏_2026``). A name
    without a letter or digit (``+``, ``%2B``) names no campaign: NA, not a key ``""`` that
    every such name would share.
    Apostrophes are dropped: ``"Soldes d'hiver"`` and ``utm_campaign=soldes-dhiver`` share
    ``soldes_dhiver``.
    A name is URL-decoded first (:func:`_decoded`), as the post links are at load: GA4's
    ``noel%202026`` or ``No%C3%ABl+2026`` is the ``Noël 2026`` of costs.csv.
    Invisible characters a paste leaves (:func:`~.loaders._ids.without_invisible`, decoded
    first: ``%C2%AD`` too) are dropped, whichever side holds them: a soft hyphen in one line
    of costs.csv, ``auto\u00admne-2026``, made it a campaign of no revenue (its 800 of cost)
    and ``automne-2026``'s ROAS 11.73 instead of 7.04.
    """
    s = campaign.astype(_STRING).str.strip()
    codes, names = pd.factorize(s)      # a few names on many rows: each folded once
    keys = pd.array([*_keys_of(list(names)), pd.NA], dtype=_STRING)
    return pd.Series(keys[codes], index=campaign.index, dtype=_STRING)


#: the key of each (stripped) campaign name folded so far: the same few names (costs.csv's,
#: GA4's, the posts') are keyed some 10 times a roi() call by campaign; a name's key depends
#: on the name alone. Cleared past :data:`_KEY_OF_MAX` names.
_KEY_OF: dict[str, str | None] = {}
_KEY_OF_MAX = 100_000


def _keys_of(names: list[str]) -> list[str | None]:
    """The key of each name (:func:`campaign_key`; None for none), the names not seen yet
    folded together (:func:`~.loaders._ids.without_invisible` reads a Series)."""
    from .loaders._ids import without_invisible  # here: the loaders import this module

    keys = {n: _KEY_OF[n] for n in names if n in _KEY_OF}
    new = [n for n in dict.fromkeys(names) if n not in keys]
    if new:
        decoded, _ = without_invisible(pd.Series([_decoded(name).strip() for name in new],
                                                 dtype=_STRING))
        for name, text in zip(new, decoded, strict=True):
            folded = (None if pd.isna(text) or text.lower() in _NO_CAMPAIGN
                      else _fold(text))
            keys[name] = folded or None
        if len(_KEY_OF) + len(new) > _KEY_OF_MAX:
            _KEY_OF.clear()
        _KEY_OF.update((n, keys[n]) for n in new)
    return [keys[n] for n in names]


def campaign_name(name: str) -> str:
    """A GA4 campaign as shown: URL-decoded as its key is (:func:`_decoded`), so that a
    campaign only GA4 knows reads ``noel 2026``, not ``noel%202026``."""
    return _decoded(name).strip()


def _decoded(name: str) -> str:
    """``name`` with its percent-encoding decoded and ``+`` read as a space, as
    :func:`urllib.parse.unquote_plus` reads a query value (a UTM campaign GA4 keeps encoded:
    ``No%C3%ABl+2026``); unchanged when its ``%`` sequences are no UTF-8 (``100%FB``, a
    percentage written before letters), which decoding would turn into a replacement
    character. A ``+`` in a plain name (``2+1``) is no letter either way: it folds to ``_``."""
    try:
        return unquote_plus(name, errors="strict")
    except UnicodeDecodeError:
        return name


#: letters that Unicode does not decompose into a base letter and an accent
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l"})


#: apostrophes, dropped rather than read as a separator: "Soldes d'hiver" is the
#: ``soldes-dhiver`` of a UTM tag, which cannot hold one
_APOSTROPHES = re.compile("['\u2019\u02bc]")


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", name.lower()))
    text = text.translate(_LIGATURES)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "_", text).strip("_")


def is_social(web: pd.DataFrame, platform: pd.Series) -> pd.Series:
    group = web["channel_group"].astype(_STRING).str.lower()
    by_group = group.str.contains(r"social|sociaux", regex=True)
    medium = web["medium"].astype(_STRING).str.strip().str.lower()
    by_rule = (platform.notna() | medium.str.match(_SOCIAL_MEDIUM.pattern)
               | other_social(web["source"]))
    return by_group.where(group.notna(), by_rule).fillna(False).astype(bool)


def other_social(source: pd.Series) -> pd.Series:
    """Whether each GA4 source is a social site of no platform of the package
    (:data:`_OTHER_SOCIAL`: ``reddit.com``, ``old.reddit.com``, ``whatsapp``, ``threads.net``)."""
    codes, uniques = pd.factorize(source.astype(_STRING).str.strip().str.lower())
    flags = np.array([_is_other_social(u) for u in uniques] + [False], dtype=bool)
    return pd.Series(flags[codes], index=source.index)


def _is_other_social(source: str) -> bool:
    s = re.sub(r"^(https?://|android-app://)?(www\.)?", "", source.split(" / ")[0].strip())
    s = s.split("/")[0].split("?")[0]
    return s in _OTHER_SOCIAL or any(s == d or s.endswith("." + d)
                                     for d in _OTHER_SOCIAL_DOMAINS)


@dataclass(frozen=True)
class _Rows:
    """What :func:`social_web` needs of each GA4 row whatever the period: its span, platform,
    campaign and measures, and whether it is social traffic."""

    w: pd.DataFrame               # the rows, index 0..n-1, with any missing column added
    start: pd.Series
    end: pd.Series
    undated: np.ndarray
    platform: pd.Series
    social: np.ndarray
    campaign_key: pd.Series
    campaign: pd.Series
    currency: pd.Series
    measures: dict[str, pd.Series]
    #: breakdown rank when the rows say their breakdown, by the dimension roi() needs (None,
    #: "campaign", "platform": :func:`_breakdown_rank`)
    rank: dict[str | None, pd.Series | None]
    has_campaign: np.ndarray      # whether the row's table carries a campaign dimension
    covers: pd.DataFrame          # the distinct date ranges the exports cover (start, end)
    #: each row's export's date range (a dated row without one: its day)
    table_start: pd.Series
    table_end: pd.Series
    #: each row's file (``source_file``; empty when not said): with its range, its export
    table_file: pd.Series
    #: each row's GA4 property (``property``; empty when not said): exports of two are apart
    table_property: pd.Series
    #: the campaign days last spread over, ``(runs, _run_days(self, runs))``: see
    #: :func:`_run_days_of`
    last_run_days: dict = field(default_factory=dict, compare=False, repr=False)
    #: the days each export counts of each breakdown key (:func:`_owners`), by the
    #: dimension needed (``by``)
    owners: dict = field(default_factory=dict, compare=False, repr=False)
    #: integer codes of each row that no period nor ``by`` changes (:func:`_codes_of`)
    codes: dict = field(default_factory=dict, compare=False, repr=False)
    #: answers of the rows alone, made once (:func:`property_spans`: a scorecard asked 5 times)
    memo: dict = field(default_factory=dict, compare=False, repr=False)


def _rows(web: pd.DataFrame) -> _Rows:
    w = web.reset_index(drop=True)
    for c in ("date", "period_start", "period_end"):
        if c not in w.columns:
            w[c] = pd.Series(pd.NaT, index=w.index, dtype="datetime64[ns]")
    for c in ("channel_group", "source", "medium", "campaign", "currency", "source_file",
              "property"):
        if c not in w.columns:
            w[c] = pd.Series(pd.NA, index=w.index, dtype=_STRING)
    date = pd.to_datetime(w["date"])
    dated = date.notna()
    p_start, p_end = pd.to_datetime(w["period_start"]), pd.to_datetime(w["period_end"])
    start = p_start.where(~dated, date)
    end = p_end.where(~dated, date)
    platform = normalize_source(w["source"])
    # an export covers its whole date range, days without traffic included
    whole = p_start.notna() & p_end.notna()
    table_start, table_end = p_start.where(whole, start), p_end.where(whole, end)
    covers = pd.DataFrame({"start": table_start, "end": table_end})
    covers = covers.dropna().drop_duplicates().reset_index(drop=True)
    return _Rows(
        w=w, start=start, end=end, undated=(start.isna() | end.isna()).to_numpy(),
        platform=platform,
        social=is_social(w, platform).to_numpy(), campaign_key=campaign_key(w["campaign"]),
        campaign=w["campaign"].astype(_STRING), currency=w["currency"].astype(_STRING),
        covers=covers, table_start=table_start,
        table_end=table_end, table_file=w["source_file"].astype(_STRING).fillna(""),
        table_property=_property(w),
        rank={need: _breakdown_rank(w, need) for need in (None, *_NEEDS)},
        has_campaign=carries(w, "campaign").to_numpy(dtype=bool),
        measures={m: pd.to_numeric(column_or(w, m, dtype=_FLOAT64)).astype(_FLOAT64)
                  for m in ("sessions", "engaged_sessions", "key_events", "revenue")})


#: the last few GA4 frames seen by social_web, with their rows prepared: a report asks for
#: the same frame's social traffic in some 25 periods. An entry serves only a frame equal to
#: the snapshot it keeps (same columns, dtypes and values), so editing ``ds.web`` in place,
#: or a new frame reusing a freed frame's id, is never served stale rows.
_PREPARED: OrderedDict[int, tuple[pd.DataFrame, _Rows]] = OrderedDict()
_PREPARED_MAX = 8
_PREPARED_LOCK = threading.Lock()


def prepared(web: pd.DataFrame) -> _Rows:
    """The rows of ``web`` prepared for social traffic (:class:`_Rows`), from the cache of
    the last few frames seen when ``web`` equals one of them."""
    with _PREPARED_LOCK:
        hit = _PREPARED.get(id(web))
    if hit is not None and hit[0].equals(web):
        return hit[1]
    rows = _rows(web)
    with _PREPARED_LOCK:
        # a shallow copy is a snapshot: under copy-on-write, an edit of ``web`` copies first
        _PREPARED[id(web)] = (web.copy(deep=False), rows)
        _PREPARED.move_to_end(id(web))
        while len(_PREPARED) > _PREPARED_MAX:
            _PREPARED.popitem(last=False)
    return rows


def campaign_day_spans(ds, *, costs: bool = True, web: bool = True, posts: bool = False
                       ) -> pd.DataFrame:
    """First and last day of each campaign, of its cost lines (``costs``), its GA4 rows
    (``web``) and its posts' publish days in the brand's zone (``posts``).

    A GA4 row counts the days roi() spreads it over (:func:`_run_days`): a row that only
    bounds a month, of a campaign whose cost lines and posts ran within it, counts those
    days alone. Its whole month made a campaign of 18-31 May "run from 1 to 31 May", its
    report calling the whole campaign's figures those of 18-31 May "only".

    Returns
    -------
    DataFrame
        indexed by campaign key (:func:`campaign_key`), columns ``start`` and ``end``
        (Timestamps); no row without a campaign.
    """
    spans = []
    if costs and ds.costs is not None and not ds.costs.empty:
        spans.append(pd.DataFrame({"_k": campaign_key(ds.costs["campaign"]),
                                   "start": pd.to_datetime(ds.costs["start"]),
                                   "end": pd.to_datetime(ds.costs["end"])}))
    if web and ds.web is not None and not ds.web.empty:
        rows = prepared(ds.web)
        start, end, _ = _run_days_of(rows, campaign_runs(ds))
        spans.append(pd.DataFrame({"_k": rows.campaign_key, "start": start, "end": end}))
    if posts and ds.posts is not None and not ds.posts.empty and "campaign" in ds.posts:
        day = post_dates(ds.posts, ds.brand.timezone)
        spans.append(pd.DataFrame({"_k": campaign_key(ds.posts["campaign"]),
                                   "start": day, "end": day}))
    if not spans:
        return pd.DataFrame({"start": pd.Series(dtype="datetime64[ns]"),
                             "end": pd.Series(dtype="datetime64[ns]")})
    allspans = pd.concat(spans, ignore_index=True).dropna()
    return allspans.groupby("_k").agg(start=("start", "min"), end=("end", "max"))


#: the last few campaign_runs computed, by the identity of the costs and posts frames and the
#: zone, each with a snapshot of the columns it read: social_traffic asks for them in every
#: period of a report (47 ms each on the sample, 2-3 ms to check the snapshot)
_RUNS: OrderedDict[tuple, tuple[tuple, pd.DataFrame]] = OrderedDict()
_RUNS_MAX = 8
_RUNS_LOCK = threading.Lock()


def campaign_runs(ds) -> pd.DataFrame:
    """The days each campaign ran: from the first to the last day of its cost lines and its
    posts (as :func:`campaign_day_spans`). Its GA4 rows are left out, as they are what is
    spread over these days (a May export would make a two-week campaign run all May).
    The frame returned may be shared: read it, never edit it."""
    inputs = _run_inputs(ds)
    key = (id(ds.costs), id(ds.posts), inputs[2])
    with _RUNS_LOCK:
        hit = _RUNS.get(key)
    if hit is not None and _same_inputs(hit[0], inputs):
        return hit[1]
    runs = campaign_day_spans(ds, costs=True, web=False, posts=True)
    with _RUNS_LOCK:
        _RUNS[key] = (inputs, runs)
        _RUNS.move_to_end(key)
        while len(_RUNS) > _RUNS_MAX:
            _RUNS.popitem(last=False)
    return runs


def _run_inputs(ds) -> tuple:
    """What :func:`campaign_runs` reads: the costs' campaign and days, the posts' campaign and
    publish times (copies, so an edit of ``ds``'s frames in place is seen), the brand's zone."""
    def columns(frame: pd.DataFrame | None, cols: list[str]) -> tuple[pd.Series, ...] | None:
        # the Series themselves (views, kept as they are by copy-on-write), not a frame of
        # them: taking the posts' two columns copied them, 11 ms a call on the sample
        if frame is None or not set(cols) <= set(frame.columns):
            return None
        return tuple(frame[c] for c in cols)
    return (columns(ds.costs, ["campaign", "start", "end"]),
            columns(ds.posts, ["campaign", "published_at"]), ds.brand.timezone)


def _same_inputs(old: tuple, new: tuple) -> bool:
    return old[2] == new[2] and all(
        a is b or (a is not None and b is not None
                   and all(x.equals(y) for x, y in zip(a, b, strict=True)))
        for a, b in zip(old[:2], new[:2], strict=True))


def social_traffic(ds, period: Period, by: str | None = None
                   ) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """:func:`social_web` of the dataset's GA4 rows, a campaign's rows spread over the days
    it ran (:func:`campaign_runs`): what roi(), the scorecard's actuals and the reports
    count.

    Made once a question for a report's Dataset (one with ``remember``): its scorecard, ROI
    and comparison asked for October's and September's nine times, 10 ms each on the
    sample (:func:`~smmanalytics.periods.remembered`). Without GA4 rows there is nothing to
    spread, so the campaigns' days are not asked (their check of the posts' columns was most
    of a comparison's social traffic on 40 posts)."""
    def make():
        web = ds.web
        runs = None if web is None or web.empty else campaign_runs(ds)
        return social_web(web, period, runs=runs, by=by)
    return remembered(ds, ("social_traffic", period, by), make)


def social_web(web: pd.DataFrame, period: Period, runs: pd.DataFrame | None = None,
               by: str | None = None) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """GA4 rows from social traffic that fall in ``period``, with their weight.

    ``runs`` (of :func:`campaign_runs`) gives the days each campaign ran: a row tagged with
    one of them is spread over the days its campaign ran within the row's range rather than
    over all its days (see the module docstring); without ``runs``, every row is spread over
    all its days. ``by`` (``"campaign"``, ``"platform"``) is the dimension the figures are
    wanted by: of GA4 tables of the same dates, one carrying it is counted (a table by
    source / medium has no campaigns) rather than the most detailed.

    Returns
    -------
    (DataFrame, notes)
        Rows with ``platform``, ``campaign_key``, ``campaign``, ``weight`` (share counted in the
        period), ``sessions``, ``engaged_sessions``, ``key_events``, ``revenue``, ``currency``;
        and notes on prorated or undated rows and on a period the exports cover only in part,
        each a ``(code, sentence)`` pair (the codes are :data:`smmanalytics.roi.NOTE_CODES`).
        The frame's ``attrs["covered"]`` says whether any GA4 row (social or not) covers the
        period: when False, web figures are unknown. Its ``attrs["campaign_notes"]`` gives, by
        ``campaign_key``, the prorated and spread-over-the-campaign's-days notes
        (``ga4_prorated``, ``ga4_campaign_days``) of that campaign's rows alone. Its
        ``attrs["has_campaign"]`` says whether a GA4 table counted in the period carries a
        campaign dimension (when False, no campaign's revenue is known), and
        ``attrs["campaigns_seen"]`` the campaign keys of its rows counted, social or not.
    """
    notes: list[tuple[str, str]] = []
    cols = ["platform", "campaign_key", "campaign", "weight", "sessions", "engaged_sessions",
            "key_events", "revenue", "currency"]
    if web is None or web.empty:
        out = pd.DataFrame({c: pd.Series(dtype=_FLOAT64) for c in cols})
        out.attrs.update(covered=False, has_campaign=False, campaigns_seen=set())
        return out, notes
    r = prepared(web)
    w = r.w
    # the exports' own weight tells what they cover and which of them to count
    export_weight = _weight(r.start, r.end, r.undated, period)
    covered = bool((export_weight > 0).any())
    if covered and (part := _covered_part(r.covers, period)) is not None:
        notes.append(part)
    listed = export_weight > 0
    listed &= ~_breakdown_drop(w, r.start, r.end, listed, notes, group=_codes_of(r)["dates"],
                               rank=r.rank[by], need=by)
    owners = _owners_of(r, by)
    # the share of each row its export counts in the period, of its own days
    owned = _owned_weight(owners, r.start, r.end, r.undated, period) * listed
    _overlap_notes(listed, owned, export_weight, notes)
    once = (owned > 0).astype("float64")
    in_period = (once > 0) & (export_weight > 0)
    start, end, narrowed = _run_days_of(r, runs)
    weight = _owned_weight(owners, start, end, r.undated, period) * listed
    # each row's share of its days in the period, whichever export counts them: below 1, the
    # row spans beyond the period (a share cut by another export's days is no such row)
    uncut = _weight(start, end, r.undated, period)
    social = r.social
    partial = social & (weight > 0) & (uncut < 1)
    if partial.any():
        notes.append(_prorated_note(int(partial.sum()), period))
    spread = social & narrowed & (once > 0) & (export_weight < 1) & (weight > 0)
    if spread.any():
        notes.append(_campaign_days_note(r.campaign[spread], period))
    # the same two notes of each campaign's own rows: a campaign's ROI said "2 GA4 rows of
    # b2b-2026-09, conseils-2026-09 span beyond…", rows that do not enter its figures
    by_campaign: dict[str, list[tuple[str, str]]] = {}
    key = r.campaign_key.fillna(UNASSIGNED)
    for k in sorted(set(key[partial | spread])):
        mine = (key == k).to_numpy(dtype=bool)
        by_campaign[k] = ([_prorated_note(int((partial & mine).sum()), period)]
                          if (partial & mine).any() else []) + (
            [_campaign_days_note(r.campaign[spread & mine], period)]
            if (spread & mine).any() else [])
    if (r.undated & social).any():
        n = int((r.undated & social).sum())
        notes.append(("ga4_undated", counted(n, "social GA4 row has no date or period and was",
                                             "social GA4 rows have no date or period and were")
                      + " not counted"))
    keep = social & (weight > 0)
    if (meta := _meta_note(r, social & (weight > 0), weight)) is not None:
        notes.append(meta)
    if "breakdown" in w.columns and (social & (weight > 0) & w["breakdown"].astype(_STRING)
                                     .str.startswith(_FIRST_USER).fillna(False)
                                     .to_numpy(dtype=bool)).any():
        notes.append(("ga4_first_user_scope", "GA4 figures of first-user scope (a User "
                      "acquisition export): each user's sessions and revenue are attributed to "
                      "the source of their first visit"))
    out = pd.DataFrame({
        "platform": r.platform.fillna(UNASSIGNED)[keep],
        "campaign_key": r.campaign_key.fillna(UNASSIGNED)[keep],
        "campaign": r.campaign[keep],
        "weight": weight[keep],
        **{m: s[keep] for m, s in r.measures.items()},
        "currency": r.currency[keep],
    }).reset_index(drop=True)
    for m in ("sessions", "engaged_sessions", "key_events", "revenue"):
        out[m] = (out[m] * out["weight"]).astype(_FLOAT64)
    out.attrs["covered"] = covered
    out.attrs["campaign_notes"] = by_campaign
    out.attrs["has_campaign"] = bool((in_period & r.has_campaign).any())
    out.attrs["campaigns_seen"] = set(r.campaign_key[in_period].dropna())
    out.attrs["overlap_campaigns"] = _overlap_campaigns(
        r, owners, social & listed, weight, uncut, (start, end, period))
    return out, notes


def _overlap_campaigns(r: _Rows, o: _Owners, rows: np.ndarray, weight: np.ndarray,
                       uncut: np.ndarray, days: tuple[pd.Series, pd.Series, Period]
                       ) -> set[str]:
    """The campaign keys of ``rows`` some of whose days in the period (``days``: their
    start, end and the period) an export without a campaign dimension counts (their
    ``weight`` is below the ``uncut`` one of all their days), when no row counted whole
    names them: that export does not say which campaign its sessions came from, so the
    campaign's figures on those days are unknown, not 0 (file A's Fête d'Automne €2,200 of
    20-30 September, under file B's September without campaigns, read "revenue 0: check the
    links' UTM tags"). An export by campaign that does not name it cuts none of its days
    (:func:`_owners`: Q3's fete row keeps September beside a September naming rentree
    alone)."""
    cut = rows & (weight < uncut - 1e-12)
    if o.own is None or not cut.any():
        return set()
    table = o.table
    by_campaign = np.zeros(len(o.whole), dtype=bool)    # each owner's campaign dimension
    np.logical_or.at(by_campaign, table[table >= 0], r.has_campaign[table >= 0])
    a, b = _day_bounds(o, *days)
    mine = np.where(table >= 0, o.cum[table.clip(0), b] - o.cum[table.clip(0), a], 0)
    mine = np.where((table >= 0) & ~by_campaign[table.clip(0)], mine, 0)
    unnamed = np.zeros(len(cut), dtype=bool)
    for prop in set(o.prop[~by_campaign]):      # another property cuts no day
        cum = np.cumsum(o.own[~by_campaign & (o.prop == prop)].sum(axis=0))
        cum = np.concatenate([[0], cum])
        # the days owners without a campaign dimension count, the row's own apart
        unnamed |= cut & (r.table_property == prop).to_numpy() & (cum[b] - cum[a] - mine > 0)
    whole = rows & ~cut & (weight > 0)
    return set(r.campaign_key[unnamed].dropna()) - set(r.campaign_key[whole].dropna())


def _meta_note(r: _Rows, rows: np.ndarray, weight: np.ndarray) -> tuple[str, str] | None:
    """The note of the social ``rows`` whose source is Meta's without saying Facebook or
    Instagram (:data:`_META`): their sessions and revenue, in no platform. None when none."""
    meta = rows & _codes_of(r)["meta"]
    if not meta.any():
        return None
    source = r.w["source"].astype(_STRING).str.strip().str.lower()
    sessions = float((r.measures["sessions"][meta] * weight[meta]).sum())
    revenue = (r.measures["revenue"][meta] * weight[meta]).sum(min_count=1)
    names = ", ".join(f"'{s}'" for s in sorted(set(source[meta])))
    return ("ga4_meta_source",
            f"GA4 sessions of source {names} ({_amount(sessions, 0)} sessions, revenue "
            f"{_amount(revenue, 2)}) came from Facebook or Instagram, which the source does not "
            f"say: counted as social, in no platform (name Facebook or Instagram in the links' "
            f"utm_source)")


_SEARCH_ENGINES = ("google", "bing", "yahoo", "duckduckgo", "ecosia", "qwant", "baidu", "yandex")
#: sources that are no site or no social one: GA4's (direct) and (not set), search engines
#: (by name, ``ecosia``, or by their site, ``ecosia.org``, ``search.yahoo.com``)
_NOT_SOCIAL = frozenset({"(direct)", "(not set)", "(none)", "", *_SEARCH_ENGINES})
_SEARCH_ENGINE = re.compile(rf"^(?:[\w-]+\.)*(?:{'|'.join(_SEARCH_ENGINES)})\.[a-z.]+$")
#: how many sources :func:`not_social_sources` names
_NOT_SOCIAL_SHOWN = 5


def not_social_sources(web: pd.DataFrame) -> tuple[int, str] | None:
    """The sources of the GA4 rows without a channel group that GA4's rule (:func:`is_social`)
    reads as not social and that are no known other site (direct, a search engine): how many,
    and the largest by sessions with their sessions and revenue (``"bsky.example (134,
    340.50)"``). A social site the rule does not know is seen there rather than silently left
    out of the social figures. None when there are none."""
    if "source" not in web.columns:
        return None
    w = web.reset_index(drop=True)
    group = (w["channel_group"] if "channel_group" in w.columns
             else pd.Series(pd.NA, index=w.index, dtype=_STRING))
    medium = (w["medium"] if "medium" in w.columns
              else pd.Series(pd.NA, index=w.index, dtype=_STRING))
    rows = pd.DataFrame({"channel_group": group, "medium": medium, "source": w["source"]})
    source = w["source"].astype(_STRING).str.strip()
    lower = source.str.lower()
    # a row without a source names none to show (the sentence listed nothing: "0 source")
    known = (lower.isna() | lower.isin(_NOT_SOCIAL)
             | lower.str.match(_SEARCH_ENGINE).fillna(False))
    left = (~is_social(rows, normalize_source(w["source"])) & group.isna()
            & ~known).to_numpy(dtype=bool)
    if not left.any():
        return None
    sums = pd.DataFrame({"source": source[left],
                         "sessions": column_or(w, "sessions", dtype=_FLOAT64)[left],
                         "revenue": column_or(w, "revenue", dtype=_FLOAT64)[left]})
    by = (sums.groupby("source").sum(min_count=1)
          .sort_values(["sessions", "revenue"], ascending=False, na_position="last"))
    shown = ", ".join(f"{name} ({_amount(row.sessions, 0)}, {_amount(row.revenue, 2)})"
                      for name, row in by.head(_NOT_SOCIAL_SHOWN).iterrows())
    return len(by), shown


def _amount(value, digits: int) -> str:
    return "–" if pd.isna(value) else f"{float(value):,.{digits}f}"


def _weight(start: pd.Series, end: pd.Series, undated: np.ndarray, period: Period
            ) -> np.ndarray:
    """Share of each ``[start, end]`` span inside ``period`` (overlap days / span days), 0 for
    an undated row."""
    s, e, span = _span_days(start, end)
    # the days of each span inside the period, as periods.overlap_days counts them
    lo = np.maximum(s, np.datetime64(period.start, "D"))
    hi = np.minimum(e, np.datetime64(period.end, "D"))
    n = (hi - lo).astype("int64") + 1
    inside = np.where(np.isnat(lo) | np.isnat(hi), 0, np.clip(n, 0, None)).astype("float64")
    weight = np.where(undated, 0.0, inside / np.where(span > 0, span, np.nan))
    return np.nan_to_num(weight, nan=0.0)


#: the day arrays of the last few ``(start, end)`` pairs :func:`_weight` read, each with the
#: pair (kept, so that its ids are not reused meanwhile): social_web weighs the same prepared
#: rows' spans (:func:`prepared`, :func:`_run_days_of`, never edited) in each period, and
#: converting them was most of its 4 weights, 13 ms each on the sample's 202 GA4 rows
_DAYS: OrderedDict[tuple[int, int], tuple[pd.Series, pd.Series, tuple]] = OrderedDict()
_DAYS_MAX = 16
_DAYS_LOCK = threading.Lock()


def _span_days(start: pd.Series, end: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``start`` and ``end`` as days (``datetime64[D]``), and each span's length in days
    (NaN for an undated one), remembered for the last few pairs of Series asked."""
    key = (id(start), id(end))
    with _DAYS_LOCK:
        hit = _DAYS.get(key)
    if hit is not None and hit[0] is start and hit[1] is end:
        return hit[2]
    days = (pd.to_datetime(start).to_numpy(dtype="datetime64[D]"),
            pd.to_datetime(end).to_numpy(dtype="datetime64[D]"),
            ((end - start).dt.days + 1).to_numpy(dtype="float64"))
    with _DAYS_LOCK:
        _DAYS[key] = (start, end, days)
        _DAYS.move_to_end(key)
        while len(_DAYS) > _DAYS_MAX:
            _DAYS.popitem(last=False)
    return days


def _run_days_of(r: _Rows, runs: pd.DataFrame | None
                 ) -> tuple[pd.Series, pd.Series, np.ndarray]:
    """:func:`_run_days`, kept on the prepared rows ``r`` for the ``runs`` frame last asked.

    The days do not depend on the period, and a report asks for the social traffic of the same
    rows (:func:`prepared`) with the same runs (:func:`campaign_runs`' shared frame, never
    edited) in each of its periods: 64 ms over the sample's 12. The frame is known by its
    identity, kept with the answer so that it cannot be freed and its id reused meanwhile.
    """
    hit = r.last_run_days.get("runs")
    if hit is not None and hit[0] is runs:
        return hit[1]
    days = _run_days(r, runs)
    r.last_run_days["runs"] = (runs, days)      # one assignment: a thread sees either pair
    return days


def _run_days(r: _Rows, runs: pd.DataFrame | None) -> tuple[pd.Series, pd.Series, np.ndarray]:
    """Each row's days to spread it over, and whether they are narrower than its own: the
    days its campaign ran (``runs``) within the row's range, or the row's range when its
    campaign has no known days or did not run within it."""
    if runs is None or runs.empty:
        return r.start, r.end, np.zeros(len(r.start), dtype=bool)
    run_start = pd.to_datetime(r.campaign_key.map(runs["start"]))
    run_end = pd.to_datetime(r.campaign_key.map(runs["end"]))
    start = pd.concat([r.start, run_start], axis=1).max(axis=1)
    end = pd.concat([r.end, run_end], axis=1).min(axis=1)
    use = (run_start.notna() & (start <= end)).to_numpy(dtype=bool) & ~r.undated
    narrowed = use & ((start != r.start) | (end != r.end)).to_numpy(dtype=bool)
    return r.start.where(~use, start), r.end.where(~use, end), narrowed


def _prorated_note(n: int, period: Period) -> tuple[str, str]:
    """The note saying that ``n`` social rows spanning beyond ``period`` were prorated by
    day (not rows inside it whose other days another export counts: ga4_overlap_prorated)."""
    return ("ga4_prorated", counted(n, "GA4 row spans", "GA4 rows span")
            + f" beyond {period.label}: prorated by day")


def _campaign_days_note(campaigns: pd.Series, period: Period) -> tuple[str, str]:
    """The note saying which campaigns' rows were spread over the days they ran."""
    n = len(campaigns)
    names = ", ".join(sorted(set(campaigns.dropna())))
    return ("ga4_campaign_days",
            counted(n, "GA4 row", "GA4 rows") + f" of {names} "
            + ("spans" if n == 1 else "span") + f" beyond {period.label}: spread over the days "
            "its campaign ran (its cost lines and posts), not over all the row's days")


def _seen_days(covers: pd.DataFrame, period: Period) -> tuple[pd.DatetimeIndex, np.ndarray]:
    """The days of ``period`` and whether the GA4 exports' date ranges ``covers`` cover each.

    In one pass over the ranges, not one per range: a brand keeping years of monthly exports
    had each month's projection compare its days with every one of them. Each range is the
    positions of its first and last day in the period (none when it ends before or starts
    after), a +1 at the first and a -1 after the last; a day is covered where their running
    sum is positive."""
    days = pd.date_range(period.start, period.end, freq="D")
    first = days.searchsorted(covers["start"], side="left")
    after = np.maximum(days.searchsorted(covers["end"], side="right"), first)
    n = len(days)
    edges = np.bincount(first, minlength=n + 1) - np.bincount(after, minlength=n + 1)
    return days, np.cumsum(edges[:n]) > 0


def covered_runs(web: pd.DataFrame | None, period: Period, *, prop: str | None = None
                 ) -> list[tuple[dt.date, dt.date]]:
    """The runs of consecutive days of ``period`` that the GA4 exports' own date ranges cover
    (see the module docstring), first and last day of each; none without GA4 rows.

    A period GA4 covers whole is one run, its own first and last days: roi() sets GA4's
    figures against the costs of these days alone. ``prop``: the days one GA4 property's
    exports cover ("" those naming none), not any property's.
    """
    if web is None or web.empty:
        return []
    days, seen = _seen_days(_covers(prepared(web), prop), period)
    edges = np.diff(np.concatenate([[0], seen.astype(np.int8), [0]]))
    starts, stops = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1
    return [(days[a].date(), days[b].date()) for a, b in zip(starts, stops, strict=True)]


def uncovered_runs(web: pd.DataFrame | None, start: dt.date, end: dt.date
                   ) -> list[tuple[dt.date, dt.date]]:
    """The runs of days from ``start`` to ``end`` that no GA4 export covers, between the
    first and last days GA4's exports cover (:func:`covered_runs`, any property's): August's
    export missing in the third quarter, or September's with October's read. The days before
    GA4's first export and after its last are no gap: the website's data start or end there.
    """
    spans = property_spans(web).values()
    if not spans:
        return []
    one = dt.timedelta(days=1)
    low = max(start, min(a for a, _ in spans))
    high = min(end, max(b for _, b in spans))
    if low > high:
        return []
    runs = [(low - one,) * 2, *covered_runs(web, parse_period((low, high))), (high + one,) * 2]
    gaps = [(max(a[1] + one, low), min(b[0] - one, high))
            for a, b in zip(runs, runs[1:], strict=False)]
    return [(a, b) for a, b in gaps if a <= b]


def _covers(r: _Rows, prop: str | None) -> pd.DataFrame:
    """The distinct date ranges (start, end) of the exports of GA4 property ``prop``, of
    all the exports when None."""
    if prop is None:
        return r.covers
    mine = (r.table_property == prop).to_numpy(dtype=bool)
    return (pd.DataFrame({"start": r.table_start[mine], "end": r.table_end[mine]})
            .dropna().drop_duplicates().reset_index(drop=True))


def property_spans(web: pd.DataFrame | None) -> dict[str, tuple[dt.date, dt.date]]:
    """Each GA4 property's first and last day its exports cover ("" for the exports naming
    none): the days its exports show the website existed, gaps between them included.
    Empty without GA4 rows."""
    if web is None or web.empty:
        return {}
    r = prepared(web)
    if "property_spans" not in r.memo:      # made once for the prepared rows
        r.memo["property_spans"] = _property_spans(r)
    return dict(r.memo["property_spans"])


def _property_spans(r: _Rows) -> dict[str, tuple[dt.date, dt.date]]:
    """:func:`property_spans` of the prepared rows ``r``."""
    spans = (pd.DataFrame({"property": r.table_property, "start": r.table_start,
                           "end": r.table_end})
             .dropna(subset=["start", "end"])
             .groupby("property", sort=True).agg(start=("start", "min"), end=("end", "max")))
    return {p: (a.date(), b.date())
            for p, a, b in zip(spans.index, spans["start"], spans["end"], strict=True)}


def _covered_part(covers: pd.DataFrame, period: Period) -> tuple[str, str] | None:
    """A note (code, sentence) when the GA4 exports' date ranges cover only some days of
    ``period``."""
    days, seen = _seen_days(covers, period)
    if seen.all() or not seen.any():
        return None
    held = np.flatnonzero(seen)
    first, last = days[held[0]].date(), days[held[-1]].date()
    if held[-1] - held[0] + 1 == len(held):            # one run of days, without a gap
        return ("ga4_partly", f"GA4 data run over {period.label} from {first.isoformat()} to "
                              f"{last.isoformat()} only: traffic outside those days is not in "
                              f"them")
    return ("ga4_gaps", f"GA4 data cover {int(seen.sum())} of the {period.days} days of "
                        f"{period.label}: traffic of the other days is not in them")


def foreign_currency(rows: pd.DataFrame, currency: str) -> np.ndarray:
    """Which rows of :func:`social_web` (or cost lines) give their revenue (cost) in another
    currency than the brand's ``currency``, compared in capitals (a row without one is in the
    brand's). Their sessions and key events count; their revenue is unknown in the brand's
    currency, never summed with it."""
    if rows.empty:
        return np.zeros(0, dtype=bool)
    cur = rows["currency"].astype(_STRING).fillna(currency).str.upper()
    return (cur != currency.upper()).to_numpy(dtype=bool)


def foreign_revenue_note(rows: pd.DataFrame, currency: str) -> str | None:
    """The note saying how many rows give revenue in another currency (None when none do)."""
    foreign = foreign_currency(rows, currency)
    if not foreign.any():
        return None
    n = int(foreign.sum())
    cur = rows["currency"].astype(_STRING).str.upper()[foreign]
    return (f"{counted(n, 'GA4 row gives', 'GA4 rows give')} revenue in "
            f"{', '.join(sorted(set(cur)))}, not the brand currency {currency.upper()}: "
            f"revenue unknown")


_BREAKDOWN_RANK = {"source_medium": 0, "source": 1, "campaign": 2, "channel_group": 3,
                   "medium": 4}
#: the dimensions a table must carry to give figures by campaign or by platform (roi()'s
#: ``by``): a table by source / medium says nothing of campaigns, one by campaign and channel
#: group nothing of platforms
_NEEDS = {"campaign": ("campaign",), "platform": ("source_medium", "source")}


def _span_key(start: pd.Series, end: pd.Series) -> pd.Series:
    return start.dt.strftime("%Y-%m-%d") + "|" + end.dt.strftime("%Y-%m-%d")


#: the prefix of a first-user table's breakdown (:data:`smmanalytics.loaders.ga4.FIRST_USER`)
_FIRST_USER = "first_user:"


def _dimensions(kind: str) -> list[str]:
    """The dimensions of a table's ``breakdown`` (``campaign+channel_group``: both;
    ``first_user:source_medium``: the source / medium of the user's first visit)."""
    return kind.removeprefix(_FIRST_USER).split("+")


def _carries(kind: str, need: str | None) -> bool:
    """Whether a table of breakdown ``kind`` gives figures by ``need`` (None: any)."""
    return need is None or any(d in _NEEDS[need] for d in _dimensions(kind))


def _breakdown_rank(w: pd.DataFrame, need: str | None = None) -> pd.Series | None:
    """Each row's table's rank, lowest first to count: a table of session scope before one of
    first-user scope (a User acquisition report), then one carrying the dimension ``need``
    (``"campaign"``, ``"platform"``) before one lacking it, then the most detailed (its most
    detailed dimension by :data:`_BREAKDOWN_RANK`, then the most dimensions). Distinct
    breakdowns rank apart, so that of the tables of the same dates one alone counts."""
    if "breakdown" not in w.columns:
        return None
    codes, kinds = pd.factorize(w["breakdown"].astype(_STRING))

    def order(kind: str) -> tuple:
        dims = _dimensions(kind)
        return (kind.startswith(_FIRST_USER), not _carries(kind, need),
                min(_BREAKDOWN_RANK.get(d, 9) for d in dims), -len(dims), kind)
    position = {k: i for i, k in enumerate(sorted(kinds, key=order))}
    ranks = np.array([position[k] for k in kinds] + [len(kinds)], dtype="float64")
    return pd.Series(ranks[codes], index=w.index)


def carries(web: pd.DataFrame, need: str) -> pd.Series:
    """Whether each GA4 row's table carries the dimension ``need`` (``"campaign"``,
    ``"platform"``): by its ``breakdown``, else (a frame made by hand) by the row's own cell."""
    if "breakdown" in web.columns:
        kinds = web["breakdown"].astype(_STRING)
        known = {k: _carries(k, need) for k in kinds.dropna().unique()}
        return kinds.map(known).fillna(False).astype(bool)
    column = "campaign" if need == "campaign" else "source"
    return (web[column].notna() if column in web.columns
            else pd.Series(False, index=web.index))


#: the dimensions :func:`is_social` reads: a table carrying none of them (the chart of
#: sessions by date GA4 writes under its source / medium table) cannot say which of its
#: sessions came from social
_SOCIAL_DIMENSIONS = ("source_medium", "source", "medium", "channel_group")


def tells_social(web: pd.DataFrame) -> pd.Series:
    """Whether each GA4 row's table can say if its sessions came from social: its
    ``breakdown`` names a dimension of :data:`_SOCIAL_DIMENSIONS`, else (a frame made by hand,
    a row without breakdown) the row names a source, medium or channel group.

    A chart's rows by date are no day without social visits: counted as such, they made
    compare()'s social sessions, key events and revenue of October 0 (two days of 0), where
    the source / medium table of the same export gave 240, 9 and 380.25."""
    cells = pd.Series(False, index=web.index)
    for column in ("source", "medium", "channel_group"):
        if column in web.columns:
            cells |= web[column].notna()
    if "breakdown" not in web.columns:
        return cells
    kinds = web["breakdown"].astype(_STRING)
    known = {k: any(d in _SOCIAL_DIMENSIONS for d in _dimensions(k))
             for k in kinds.dropna().unique()}
    return kinds.map(known).astype("boolean").fillna(cells).astype(bool)


def deduplicate(w: pd.DataFrame, start: pd.Series, end: pd.Series, weight: np.ndarray,
                notes: list[tuple[str, str]], *, span_key: pd.Series | None = None,
                rank: pd.Series | None = None, need: str | None = None) -> np.ndarray:
    """1 for the rows to count, 0 for rows repeating traffic already counted (see module): of
    tables of the same dates, one (:func:`_breakdown_drop`); of exports whose dates overlap
    and of the files of one range, the rows of the days each counts for their breakdown key
    (:func:`_owners`, as :func:`social_web` counts them: the daily goals and roi() never
    tell the same files apart differently), of all the rows of ``w``, whatever ``weight``.

    What was left out is added to ``notes`` as ``(code, sentence)``. ``span_key`` and ``rank``
    (of :func:`_span_key` and :func:`_breakdown_rank`) may be given when already computed;
    ``need`` (``"campaign"``, ``"platform"``) prefers the tables carrying that dimension.
    """
    keep = weight > 0
    if not keep.any():
        return keep.astype("float64")
    keep &= ~_breakdown_drop(w, start, end, keep, notes, span_key=span_key, rank=rank,
                             need=need)
    r = prepared(w)
    owned = _owned_weight(_owners_of(r, need), r.start, r.end, r.undated, None) * keep
    _overlap_notes(keep, owned, keep.astype("float64"), notes)
    return (owned > 0).astype("float64")


def _breakdown_drop(w: pd.DataFrame, start: pd.Series, end: pd.Series, keep: np.ndarray,
                    notes: list[tuple[str, str]], *, span_key: pd.Series | None = None,
                    rank: pd.Series | None = None, need: str | None = None,
                    group: np.ndarray | None = None) -> np.ndarray:
    """The rows of ``keep`` left out for another table of the same dates and property (one
    table alone of each date range of a property counts: see :func:`_breakdown_rank`),
    noted. ``group`` may give each row's dates and property as a code, already made
    (:func:`_codes_of`)."""
    drop = np.zeros(len(w), dtype=bool)
    if rank is None:
        rank = _breakdown_rank(w, need)
    if rank is None or not keep.any():
        return drop
    kept = pd.Series(keep, index=w.index)
    key = group if group is not None else (
        (_span_key(start, end) if span_key is None else span_key) + "|" + _property(w))
    best = rank.where(kept).groupby(key).transform("min")
    out = kept & (rank > best)
    if not out.any():
        return drop
    kinds = ", ".join(sorted(set(w.loc[out, "breakdown"].astype(str))))
    n = int(out.sum())
    kept_kinds = set(w.loc[kept & ~out, "breakdown"].astype(str))
    has_need = need is not None and any(_carries(k, need) for k in kept_kinds)
    first_user_only = all(k.startswith(_FIRST_USER) for k in set(
        w.loc[out, "breakdown"].astype(str))) and not all(
        k.startswith(_FIRST_USER) for k in kept_kinds)
    why = ("is of session scope" if first_user_only else
           f"has the {'campaign' if need == 'campaign' else 'source'}" if has_need
           else "is more detailed")
    notes.append(("ga4_breakdown_left_out",
                  f"{counted(n, 'GA4 row', 'GA4 rows')} broken down by {kinds} left out: "
                  f"another table of the same dates {why} (no double counting)"))
    return out.to_numpy(dtype=bool)


@dataclass(frozen=True)
class _Owners:
    """The days each owner counts (:func:`_owners`): an owner is one export's rows of one
    breakdown key. ``table`` gives each row's owner, its row in ``own`` (-1: none, the row is
    not counted); ``own[i, d]`` whether owner ``i`` counts day ``first + d``, ``cum`` its
    running count (``cum[i, d]``: days before ``first + d``); ``whole[i]`` whether it counts
    every day of its export's range. ``own`` is None when no ranges of a property overlap:
    each owner counts all its days; ``prop[i]`` is owner ``i``'s GA4 property (with
    ``own``)."""

    table: np.ndarray
    whole: np.ndarray
    own: np.ndarray | None = None
    first: pd.Timestamp | None = None
    prop: np.ndarray | None = None
    cum: np.ndarray | None = None


def _owners_of(r: _Rows, by: str | None) -> _Owners:
    """:func:`_owners` of the prepared rows ``r``, of the tables counted by ``by`` (of the
    tables of the same dates, one: :func:`_breakdown_drop`), kept on ``r``: they do not
    depend on the period, so that periods add up (months to their quarter and year)."""
    hit = r.owners.get(by)
    if hit is None:
        alive = ~r.undated
        alive &= ~_breakdown_drop(r.w, r.start, r.end, alive, [], group=_codes_of(r)["dates"],
                                  rank=r.rank[by], need=by)
        hit = r.owners[by] = _owners(r, alive, r.rank[by])
    return hit


#: the dimensions whose values name a GA4 row's traffic, the date apart (its breakdown key):
#: two files of the same range repeat each other on the rows of the same key alone
_KEY_DIMENSIONS = ("channel_group", "source", "medium", "campaign", "landing_page")


def _file_drop(r: _Rows, alive: np.ndarray, rank: pd.Series | None) -> np.ndarray:
    """The rows of ``alive`` that repeat another file's rows of the same date range and
    GA4 property (two properties' files are two websites: they repeat nothing).

    A brand may export one range's table as several files: page 1 and page 2, one filtered
    to Facebook's sources and one to Instagram's; or the same traffic twice: a copy, the
    range's daily rows and its total. The files are compared on each row's breakdown key
    (:data:`_KEY_DIMENSIONS`' values, the date apart): of the files holding a key, the
    preferred one counts its rows of that key, and another file's rows of that key over the
    same days are left out; a key one file alone holds counts whatever the file. Facebook's
    file (100 sessions) and Instagram's (50) of October share no key: 150 sessions. Files of
    different breakdowns (by campaign, by source / medium) share no key but repeat the same
    sessions: of those, only the preferred file's breakdown counts, as tables of the same
    dates (:func:`_breakdown_drop`). Exports of other ranges are set against each other
    afterwards, key by key (:func:`_owners`).

    The preferred file is the one of the best breakdown ``rank`` (carrying the dimension
    needed, else the more detailed), then of the longest rows (a total before daily rows:
    GA4's own figure for the range), then the first by name.
    """
    drop = np.zeros(len(alive), dtype=bool)
    valid = alive & r.table_start.notna().to_numpy() & r.table_end.notna().to_numpy()
    if not valid.any():
        return drop
    codes = _codes_of(r)
    span = codes["export"][valid]
    if len(np.unique(span)) == len(np.unique(codes["file"][valid] * (span.max() + 1) + span)):
        return drop         # one file of each range and property: none repeats another
    rows = pd.DataFrame({
        "start": r.table_start, "end": r.table_end, "file": r.table_file,
        "rank": 0.0 if rank is None else rank.fillna(0.0).astype("float64"),
        "row_days": ((r.end - r.start).dt.days + 1).fillna(1).astype("int64"),
        "key": _codes_of(r)["key"], "property": r.table_property})[valid]
    for _, same in rows.groupby(["start", "end", "property"], sort=False):
        if same["file"].nunique() > 1:
            drop[same.index[_repeated(same, r)]] = True
    return drop


def _breakdown_codes(w: pd.DataFrame) -> np.ndarray:
    """Each row's breakdown key: its :data:`_KEY_DIMENSIONS` values (a missing one a value of
    its own), as one integer code, the same for the rows of the same values."""
    return _joint_codes([pd.factorize(w[c].astype(_STRING))[0]
                         for c in _KEY_DIMENSIONS if c in w.columns])


def _joint_codes(codes: list[np.ndarray]) -> np.ndarray:
    """One code for each distinct combination of the ``codes`` (of :func:`pandas.factorize`,
    -1 for a missing value, a value of its own), column by column: no string is built."""
    joint = codes[0] + 1
    for part in codes[1:]:
        joint = pd.factorize(joint.astype("int64") * (part.max() + 2) + part + 1)[0]
    return pd.factorize(joint)[0]


def _kinds(same: pd.DataFrame, w: pd.DataFrame, rank: bool) -> pd.Series:
    """Each file's breakdown, to tell files of different breakdowns apart: its rank when
    the rows say their breakdown, else the dimensions its rows fill (a frame made by hand)."""
    if rank:
        return same.groupby("file")["rank"].min()
    filled = (w.loc[same.index, [c for c in _KEY_DIMENSIONS if c in w.columns]].notna()
              .groupby(same["file"]).any())
    return filled.apply(lambda dims: "+".join(dims.index[dims]), axis=1)


def _repeated(same: pd.DataFrame, r: _Rows) -> np.ndarray:
    """Which rows of ``same`` (the rows of one range, of several files) repeat a preferred
    file's rows (see :func:`_file_drop`): of another breakdown than the preferred file's,
    or of a key and days a file before them in the order holds."""
    files = (same.groupby("file").agg(rank=("rank", "min"), row_days=("row_days", "max"))
             .assign(name=lambda f: f.index)
             .sort_values(["rank", "row_days", "name"], ascending=[True, False, True]))
    kinds = _kinds(same, r.w, rank="breakdown" in r.w.columns)
    other_kind = (same["file"].map(kinds) != kinds[files.index[0]]).to_numpy()
    key = pd.factorize(same["key"].to_numpy())[0]
    first = same["start"].iloc[0]
    n_days = (same["end"].iloc[0] - first).days + 1
    lo = np.clip((r.start[same.index] - first).dt.days.to_numpy(), 0, n_days - 1)
    hi = np.clip((r.end[same.index] - first).dt.days.to_numpy(), 0, n_days - 1) + 1
    # held[k, d]: how many kept rows of key k, of the files before, count day d (as steps)
    held = np.zeros((key.max() + 1, n_days + 1), dtype="int64")
    out = other_kind.copy()
    for file in files.index:
        mine = (same["file"] == file).to_numpy() & ~other_kind
        days = np.concatenate([np.zeros((len(held), 1), dtype="int64"),
                               np.cumsum(np.cumsum(held, axis=1) > 0, axis=1)], axis=1)
        out |= mine & (days[key, hi] - days[key, lo] > 0)
        kept = mine & ~out
        np.add.at(held, (key[kept], lo[kept]), 1)
        np.add.at(held, (key[kept], hi[kept]), -1)
    return out


def _owners(r: _Rows, alive: np.ndarray, rank: pd.Series | None) -> _Owners:
    """Which export counts each day of each GA4 property, of the ``alive`` rows of ``r``
    (ranked by ``rank`` of :func:`_breakdown_rank`): one rule for every overlap, so that a
    day's traffic counts once, whatever the period; the owners are each export's keys.

    An export is a date range of a property; the files of one range are one export, their
    rows repeating another's left out first (:func:`_file_drop`: a copy, daily rows beside
    their total), the others each adding their traffic (page 1 and page 2). Of the exports
    covering a day, the shortest counts it (of two alike, the later-ending, newer data,
    first), for every key: a month inside a quarter keeps its own figures, the quarter's are
    prorated over its other days only. A key the month's export does not hold had no session
    that month (GA4 leaves such rows out), so the quarter's row of that key is not counted on
    the month's days either: a July campaign beside August's and Q3's exports read 22.58
    August sessions from Q3's row when keys were owned one by one. (An export filtered to
    some sources is read the same way, its other sources' days lost: the file does not say
    it was filtered.) Two properties are two websites: each shares out its own days alone
    (maisonseve.it's quarter loses no day to maisonseve.fr's month).
    """
    valid = alive & r.table_start.notna().to_numpy() & r.table_end.notna().to_numpy()
    valid &= ~_file_drop(r, valid, rank)
    codes = _codes_of(r)
    # the exports, shortest first (then the later-ending, the earlier-starting, by property)
    ids, rep = np.unique(codes["export"][valid], return_index=True)
    rep = np.flatnonzero(valid)[rep]            # a row of each export
    s_day = r.table_start.to_numpy(dtype="datetime64[D]")[rep].astype("int64")
    e_day = r.table_end.to_numpy(dtype="datetime64[D]")[rep].astype("int64")
    prop_rank = pd.factorize(r.table_property.to_numpy()[rep], sort=True)[0]
    order = np.lexsort((prop_rank, s_day, -e_day, e_day - s_day))
    ids, rep, s_day, e_day = ids[order], rep[order], s_day[order], e_day[order]
    position = np.full(len(valid) + 1, -1)      # [-1]: no export
    position[ids] = np.arange(len(ids))
    export = np.where(valid, position[codes["export"]], -1)
    # the owners: each export's breakdown keys, by export then key
    key = codes["key"]
    pair = export.astype("int64") * (key.max() + 1) + key
    pairs, inverse = np.unique(pair[valid], return_inverse=True)
    table = np.full(len(valid), -1)
    table[valid] = inverse
    props = r.table_property.to_numpy()[rep]
    if all(_disjoint_days(s_day[props == p], e_day[props == p]) for p in set(props)):
        return _Owners(table, np.ones(len(pairs), dtype=bool))     # disjoint: all their days
    first = r.table_start.iloc[rep[np.argmin(s_day)]]
    base = s_day.min()
    own = np.zeros((len(pairs), e_day.max() - base + 1), dtype=bool)
    counted: dict[str, np.ndarray] = {}     # the days each property's exports counted
    span_of = pairs // (key.max() + 1)
    bounds = np.searchsorted(span_of, np.arange(len(ids) + 1))
    for e in range(len(ids)):
        lo, hi = s_day[e] - base, e_day[e] - base + 1
        days = counted.setdefault(props[e], np.zeros(own.shape[1], dtype=bool))
        own[bounds[e]:bounds[e + 1], lo:hi] = ~days[lo:hi]
        days[lo:hi] = True
    lo, hi = s_day[span_of] - base, e_day[span_of] - base + 1
    cum = np.concatenate([np.zeros((len(own), 1), dtype="int64"),
                          np.cumsum(own, axis=1)], axis=1)
    rows = np.arange(len(own))
    whole = cum[rows, hi] - cum[rows, lo] == hi - lo
    return _Owners(table, whole, own, first, props[span_of], cum)


def _codes_of(r: _Rows) -> dict[str, np.ndarray]:
    """Integer codes of each row of ``r``, made once (they depend on neither the period nor
    the dimension wanted): ``export``, its export (date range and property; -1 without a
    range), ``file``, its file, ``key``, its breakdown key (:func:`_breakdown_codes`), and
    ``dates``, its own dates and property (:func:`_breakdown_drop`'s tables), ``meta``,
    whether its source is Meta's (:func:`_meta_note`). The
    exports' owners (:func:`_owners`) are worked out on these for each ``by``: made of the
    frame's strings and timestamps each time, they were 55 ms on a frame of 4 rows."""
    if not r.codes:
        span = [pd.factorize(c)[0] for c in (r.table_start, r.table_end, r.table_property)]
        # each row's first and last day (as _span_key's strings) and property
        dates = [pd.factorize(r.start.to_numpy(dtype="datetime64[D]"))[0],
                 pd.factorize(r.end.to_numpy(dtype="datetime64[D]"))[0],
                 pd.factorize(_property(r.w))[0]]
        r.codes.update(export=_joint_codes(span), file=pd.factorize(r.table_file)[0],
                       key=_breakdown_codes(r.w), dates=_joint_codes(dates),
                       meta=r.w["source"].astype(_STRING).str.strip().str.lower()
                       .isin(_META).fillna(False).to_numpy(dtype=bool))
    return r.codes


def _disjoint_days(start: np.ndarray, end: np.ndarray) -> bool:
    """Whether the ranges of days ``start`` to ``end`` (day numbers) share no day."""
    order = np.argsort(start, kind="stable")
    return bool((start[order][1:] > end[order][:-1]).all())


def _property(w: pd.DataFrame) -> pd.Series:
    """Each GA4 row's property (website), empty when the export did not say: rows of no
    property are one property's, as all rows were before properties were read."""
    return column_or(w, "property", dtype=_STRING).astype(_STRING).fillna("")


def _day_bounds(o: _Owners, start: pd.Series, end: pd.Series, period: Period | None
                ) -> tuple[np.ndarray, np.ndarray]:
    """Each row's days ``start`` to ``end`` within ``period`` (all when None) as bounds
    ``a``, ``b`` into a cumulative count of ``o.own``'s days (``cum[b] - cum[a]`` days of a
    row of ``own``, ``b <= a``: none). ``o.own`` must be set; undated rows get garbage."""
    lo = (start - o.first).dt.days.to_numpy(dtype="float64")
    hi = (end - o.first).dt.days.to_numpy(dtype="float64")
    if period is not None:
        lo = np.maximum(lo, (pd.Timestamp(period.start) - o.first).days)
        hi = np.minimum(hi, (pd.Timestamp(period.end) - o.first).days)
    last = o.own.shape[1]
    a = np.clip(np.nan_to_num(lo), 0, last).astype(int)
    b = np.clip(np.nan_to_num(hi) + 1, 0, last).astype(int)
    return a, np.maximum(a, b)


def _owned_weight(o: _Owners, start: pd.Series, end: pd.Series, undated: np.ndarray,
                  period: Period | None) -> np.ndarray:
    """Each row's share counted in ``period`` (all days when None): the days of its
    ``start`` to ``end`` in the period that its export counts (:func:`_owners`), over all its
    days. Its figures are prorated by day, as those of a range spanning beyond a period."""
    if period is None:
        weight = np.where(undated, 0.0, 1.0)
    else:
        weight = _weight(start, end, undated, period)
    weight = np.where(o.table >= 0, weight, 0.0)
    if o.own is None:
        return weight
    span = _span_days(start, end)[2]
    a, b = _day_bounds(o, start, end, period)
    rows = np.flatnonzero(o.table >= 0)
    rows = rows[~o.whole[o.table[rows]]]
    owner = o.table[rows]
    weight[rows] = (o.cum[owner, b[rows]] - o.cum[owner, a[rows]]) / span[rows]
    return weight


def _overlap_notes(listed: np.ndarray, owned: np.ndarray, uncut: np.ndarray,
                   notes: list[tuple[str, str]]) -> None:
    """Note the rows of ``listed`` that another export's days leave out (``owned`` 0), and
    those counted on part of their days only (``owned`` below their ``uncut`` share)."""
    out = listed & (owned <= 0)
    if out.any():
        n = int(out.sum())
        notes.append(("ga4_overlap_left_out",
                      counted(n, "GA4 row left out: its", "GA4 rows left out: their")
                      + " dates overlap"
                      + " another export already counted (no double counting)"))
    part = listed & (owned > 0) & (owned < uncut - 1e-12)
    if part.any():
        n = int(part.sum())
        notes.append(("ga4_overlap_prorated",
                      counted(n, "GA4 row overlaps", "GA4 rows overlap")
                      + " another export's dates: counted on the days no other export counts, "
                        "prorated by day (an estimate)"))
