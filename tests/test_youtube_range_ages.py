"""Ages of YouTube Studio videos, whose figures are those of the range chosen in Studio.

A ``Content <start>_<end> <channel>.zip`` gives each video's figures over its range, not its
lifetime: they stop at the end of the range's last day, however late the zip was made, and a
video published before the range's first day has only part of its life in them. Best times,
the report's bottom posts and compare's age caveat aged every post to its export.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics import compare
from smmanalytics._ranges import after_range, figures_end, partial_life
from smmanalytics.report import BrandReport
from smmanalytics.timing import best_times, post_ages

FIX = Path(__file__).parent / "fixtures"
#: Studio's zip of 12 September to 1 October 2026, made on 2 October 08:15 UTC (its members'
#: stamps): kQ3Fz9TzX1c of 14 September, -bQ3xYz7K2w of 20 September, Zp0-r7LmNqA of
#: 28 September, and Jx9aB2cD3eF of 6 January 2024, published before the range
STUDIO_ZIP = FIX / "youtube" / "Content 2026-09-12_2026-10-01 Maison Sève.zip"
#: the header of that zip's Table data.csv, for the zips written here
HEADER = ("Content,Video title,Video publish time,Duration,Views,Watch time (hours),"
          "Subscribers,Average view duration,Average percentage viewed (%),Likes,"
          "Comments added,Shares,Thumbnail impressions,Thumbnail click-through rate (%)")


def _zip(dest: Path, members: dict[str, bytes], stamp: tuple[int, ...]) -> Path:
    """A zip at ``dest`` holding ``members``, each stamped ``stamp`` (UTC, as Studio's are
    read): the moment the loader takes the export to have been made."""
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(zipfile.ZipInfo(name, stamp), data)
    return dest


def _studio_zip_made_on(folder: Path, stamp: tuple[int, ...]) -> Path:
    """The fixture's zip, its bytes and name kept, made at ``stamp`` instead of 2 October."""
    with zipfile.ZipFile(STUDIO_ZIP) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    return _zip(folder / STUDIO_ZIP.name, members, stamp)


def _august_zip(folder: Path, stamp: tuple[int, ...]) -> Path:
    """A Studio zip of 15 to 31 August 2026 made at ``stamp``: videos of 10 August (before
    the range), 20 August and 25 August, with 10, 20 and 30 likes and 1 comment each."""
    rows = ['Total,,,,"1,200",30.0,6,0:01:30,50.0,60,3,0,"9,000",4.0',
            "aaaaaaaaaa1,Avant la période,\"Aug 10, 2026\",300,400,10.0,2,0:01:30,50.0,10,1,0,"
            '"3,000",4.0',
            "aaaaaaaaaa2,Le savon du mois,\"Aug 20, 2026\",300,400,10.0,2,0:01:30,50.0,20,1,0,"
            '"3,000",4.0',
            "aaaaaaaaaa3,L'atelier en août,\"Aug 25, 2026\",300,400,10.0,2,0:01:30,50.0,30,1,0,"
            '"3,000",4.0']
    table = "\n".join([HEADER, *rows]) + "\n"
    return _zip(folder / "Content 2026-08-15_2026-08-31 Maison Sève.zip",
                {"Table data.csv": table.encode()}, stamp)


@pytest.fixture
def december(tmp_path) -> smm.Dataset:
    """The fixture's videos, their zip made on 5 December 2026 10:00 UTC."""
    _studio_zip_made_on(tmp_path, (2026, 12, 5, 10, 0, 0))
    return smm.load(tmp_path, cache=False)


def _by_id(ds: smm.Dataset) -> pd.DataFrame:
    return ds.posts.set_index(ds.posts["post_id"].astype("string").str.strip())


def test_figures_end_with_the_range_not_the_export(december):
    """Made on 5 December, the zip's figures still stop at the end of 1 October (UTC, as the
    loader reads Studio's days): 2 October 00:00. Ages from there, by hand: 14 September →
    18 days, 20 September → 12, 28 September → 4 (not 82, 76 and 68, to 5 December 10:00);
    the video of 6 January 2024 is before the range's first day, 12 September: no age."""
    posts = _by_id(december)
    assert (posts["snapshot_at"] == pd.Timestamp("2026-12-05 10:00", tz="UTC")).all()
    assert (figures_end(posts) == pd.Timestamp("2026-10-02", tz="UTC")).all()
    assert partial_life(posts).tolist() == [i == "Jx9aB2cD3eF" for i in posts.index]
    ages, reference = post_ages(posts)
    got = pd.Series(ages, index=posts.index)
    assert got[["kQ3Fz9TzX1c", "-bQ3xYz7K2w", "Zp0-r7LmNqA"]].tolist() == [18.0, 12.0, 4.0]
    assert reference == "snapshot_at (window_end for a date range's figures)"


_DAYS = st.one_of(st.none(), st.integers(0, 400))
_MINUTES = st.one_of(st.none(), st.integers(0, 400 * 1440))


@given(st.lists(st.tuples(_MINUTES, _DAYS, _DAYS), min_size=1, max_size=8))
def test_figures_end_is_the_earlier_of_export_and_range_end(rows):
    """Each row: the export (minutes after 1 January 2026 UTC), the range's first and last
    day (days after it), any of them unknown. The figures end at the earlier of the export and
    the end of the last day; at whichever is known; unknown without either. A post of
    1 January 2026 is before the range exactly when the range starts on a later day."""
    t0 = pd.Timestamp("2026-01-01", tz="UTC")
    snap = [t0 + pd.Timedelta(minutes=m) if m is not None else pd.NaT for m, _, _ in rows]
    first = [t0.tz_localize(None) + pd.Timedelta(days=d) if d is not None else pd.NaT
             for _, d, _ in rows]
    last = [t0.tz_localize(None) + pd.Timedelta(days=d) if d is not None else pd.NaT
            for _, _, d in rows]
    posts = pd.DataFrame({"published_at": pd.Series([t0] * len(rows)),
                          "snapshot_at": pd.Series(snap, dtype="datetime64[ns, UTC]"),
                          "window_start": pd.Series(first, dtype="datetime64[ns]"),
                          "window_end": pd.Series(last, dtype="datetime64[ns]")})
    before = posts.copy()
    got = figures_end(posts)
    for i, (m, _, end) in enumerate(rows):
        ends = [t for t in (None if m is None else t0 + pd.Timedelta(minutes=m),
                            None if end is None else t0 + pd.Timedelta(days=end + 1))
                if t is not None]
        assert (got[i] == min(ends)) if ends else pd.isna(got[i])
    assert partial_life(posts).tolist() == [d is not None and d > 0 for _, d, _ in rows]
    pd.testing.assert_frame_equal(posts, before)            # the caller's frame untouched


def test_figures_end_at_the_export_when_it_is_inside_the_range(tmp_path):
    """A zip made on 25 September, before its range's last day (1 October), counted to 25
    September 06:30: the export, the earlier of the two."""
    _studio_zip_made_on(tmp_path, (2026, 9, 25, 6, 30, 0))
    posts = smm.load(tmp_path, cache=False).posts
    assert (figures_end(posts) == pd.Timestamp("2026-09-25 06:30", tz="UTC")).all()


def test_best_times_leaves_out_the_video_before_the_range_and_ages_to_its_end(december):
    """Of the four videos, best times kept all four (82 to 1,064 days old at the export). Now:
    the 2024 video under partial_figures, 28 September's too young (4 days < 7), the other
    two analysed by weekday (YouTube gives days only)."""
    bt = best_times(december.posts, "UTC", "youtube", exposure=None, n_boot=200)
    assert bt.n_excluded["partial_figures"] == 1
    assert bt.n_excluded["too_young"] == 1
    assert bt.n_excluded["day_precision"] == 2
    assert bt.method["age_reference"] == "snapshot_at (window_end for a date range's figures)"


def _best_times_notes(ds: smm.Dataset, lang: str) -> list[str]:
    """The notes of the September 2026 report's best-times section, as rendered."""
    sec = BrandReport(ds, "2026-09", lang=lang).best_times(ics=False)
    return [b["text"] for b in sec.blocks if b["kind"] == "note"]


@pytest.mark.parametrize("lang,reasons", [
    ("en", "Posts left out: published before the date range their figures cover (chosen in "
           "YouTube Studio), so only part of their life is counted (1), measured less than a "
           "week after publishing, engagement still growing (1)"),
    ("fr", "Publications écartées : publiées avant la période que couvrent leurs chiffres "
           "(choisie dans YouTube Studio), si bien que seule une partie de leur vie y est "
           "comptée (1), mesurées moins d'une semaine après leur publication, engagement "
           "encore en hausse (1)"),
    ("it", "Post esclusi: pubblicati prima dell'intervallo coperto dai loro dati (scelto in "
           "YouTube Studio), quindi vi è contata solo una parte della loro vita (1), misurati "
           "meno di una settimana dopo la pubblicazione, engagement ancora in crescita (1)")])
def test_report_names_why_the_videos_were_left_out(december, lang, reasons):
    """The report's best-times section, YouTube's day-only branch: its sentence counts the two
    videos of a known day ("these 2 posts"), and a note names the others, by hand from the
    zip: 6 January 2024's before the range's first day, 12 September (partial figures), 28
    September's 4 days old when the figures stop on 2 October 00:00 (too young). The branch
    said nothing of them: a Studio range of 15-31 October left 60 of 63 videos out unsaid."""
    assert _best_times_notes(december, lang) == [reasons]


def test_bottom_posts_age_the_videos_to_their_range(tmp_path):
    """The bottom posts leave out posts under 7 days old: 28 September's video is 4 days old
    when its figures stop (2 October 00:00), though its zip was made on 5 December. September's
    three videos: one top post each (n=1), 14 and 20 September left as bottom posts."""
    _studio_zip_made_on(tmp_path, (2026, 12, 5, 10, 0, 0))
    ds = smm.load(tmp_path, cache=False)
    html = BrandReport(ds, "2026-09", lang="en").top_posts(n=1)._repr_html_()
    assert "Posts less than 7 days old when last measured are left out (1)" in html


@pytest.fixture
def two_ranges(tmp_path) -> smm.Dataset:
    """August's zip made on 5 December 10:00, September's (the fixture) on 2 October 08:15."""
    _august_zip(tmp_path, (2026, 12, 5, 10, 0, 0))
    (tmp_path / STUDIO_ZIP.name).write_bytes(STUDIO_ZIP.read_bytes())
    return smm.load(tmp_path, cache=False)


def test_compare_ages_the_videos_to_their_ranges(two_ranges):
    """Aged to their exports, August's videos of 20 and 25 August were 107.4 and 102.4 days
    old (and 10 August's 117.4), September's 18.3, 12.3 and 4.3: a caveat said part of the
    change came from the ages (medians 107.4 against 12.3). Their figures stop on 1 September
    00:00 and 2 October 00:00: August 12 and 7 days (median 9.5, 10 August's left out: its
    range starts on 15 August), September 18, 12 and 4 (median 12): no age caveat. A caveat
    counts August's video with only part of its life in its figures."""
    c = compare(two_ranges, "2026-09", previous="2026-08", platform="youtube", n_boot=200)
    assert not [s for s in c.caveats if "days after publication" in s]
    assert [s for s in c.caveats if "YouTube Studio" in s] == [
        "Posts of 2026-08 published before the date range of their YouTube Studio export (1) "
        "carry that range's figures only, not their lifetime's: part of their engagement is "
        "not counted, and their age at measurement is unknown."]


@pytest.mark.parametrize("lang,line", [
    ("en", "Posts of August 2026 published before the date range of their YouTube Studio "
           "export (1) carry that range's figures only, not their lifetime's: part of their "
           "engagement is not counted, and their age at measurement is unknown."),
    ("fr", "Les publications d'août 2026 parues avant la période de leur export YouTube Studio "
           "(1) n'ont que les chiffres de cette période, pas ceux de toute leur vie : une partie "
           "de leur engagement n'est pas comptée, et leur âge au moment de la mesure est "
           "inconnu."),
    ("it", "I post di agosto 2026 pubblicati prima dell'intervallo della loro esportazione di "
     "YouTube "
           "Studio (1) hanno solo i dati di quell'intervallo, non quelli di tutta la loro vita: "
           "parte del loro engagement non è contata, e la loro età al momento della misura è "
           "sconosciuta.")])
def test_the_partial_figures_caveat_in_the_reader_language(two_ranges, lang, line):
    c = compare(two_ranges, "2026-09", previous="2026-08", platform="youtube", n_boot=200)
    fmt = BrandReport(two_ranges, "2026-09", lang=lang).fmt
    assert line in [fmt.note(s) for s in c.caveats]


# ---- videos whose range does not hold their whole life: before it (partial), after it ----

def _table_zip(folder: Path, start: str, end: str, videos: list[tuple[str, str, str, int]],
               stamp: tuple[int, ...]) -> Path:
    """A Studio zip of ``start`` to ``end`` made at ``stamp``, with ``videos`` (id, title,
    Studio's publish day "Sep 3, 2026", likes): 100 views, no comment, no share each."""
    rows = [f'{vid},{title},"{day}",300,100,1.0,0,0:01:30,50.0,{likes},0,0,"1,000",4.0'
            for vid, title, day, likes in videos]
    total = (f'Total,,,,{100 * len(videos)},{1.0 * len(videos)},0,0:01:30,50.0,'
             f'{sum(v[3] for v in videos)},0,0,"{1000 * len(videos):,}",4.0')
    table = "\n".join([HEADER, total, *rows]) + "\n"
    return _zip(folder / f"Content {start}_{end} Maison Sève.zip",
                {"Table data.csv": table.encode()}, stamp)


#: made on 5 October 2026 10:00 UTC, the figures of 10 to 30 September (they stop on
#: 1 October 00:00): 3 September's video published before the range
_SEPT = ("2026-09-10", "2026-09-30", [("bbbbbbbbbb1", "Avant la période", "Sep 3, 2026", 1),
                                       ("bbbbbbbbbb2", "Le savon du mois", "Sep 12, 2026", 50),
                                       ("bbbbbbbbbb3", "L'atelier", "Sep 15, 2026", 40),
                                       ("bbbbbbbbbb4", "Tout juste sorti", "Sep 27, 2026", 2)])
#: made on 5 October too, a range of 1 to 5 September chosen before 20 September's video
#: existed, yet listing it (its figures stop on 6 September 00:00, 14 days before it)
_EARLY = ("2026-09-01", "2026-09-05", [("bbbbbbbbbb5", "Après la période", "Sep 20, 2026", 0)])
_OCTOBER_5 = (2026, 10, 5, 10, 0, 0)


@pytest.fixture
def september(tmp_path) -> smm.Dataset:
    _table_zip(tmp_path, *_SEPT, _OCTOBER_5)
    _table_zip(tmp_path, *_EARLY, _OCTOBER_5)
    return smm.load(tmp_path, cache=False)


def test_after_range_is_the_video_published_after_the_range_last_day(september):
    """20 September's video in the range of 1 to 5 September, and no other: 15 September's is
    inside its range, 3 September's before it. Aged to the range's end, it read 6 September
    00:00 − 20 September = −14 days."""
    posts = _by_id(september)
    assert after_range(posts).tolist() == [i == "bbbbbbbbbb5" for i in posts.index]
    ages, _ = post_ages(posts)
    assert pd.Series(ages, index=posts.index)["bbbbbbbbbb5"] == -14.0


@pytest.mark.parametrize("lang,sentence", [
    ("en", "A YouTube Studio table lists videos published after the date range chosen in "
           "Studio; the range holds none of their life, so their figures in it say nothing of "
           "them, and the best times to post leave them out"),
    ("fr", "Un tableau de YouTube Studio liste des vidéos publiées après la période choisie "
           "dans Studio ; celle-ci ne contient rien de leur vie, leurs chiffres n'y disent "
           "donc rien d'elles, et les meilleurs moments pour publier les laissent de côté"),
    ("it", "Una tabella di YouTube Studio elenca video pubblicati dopo il periodo scelto in "
           "Studio; il periodo non contiene nulla della loro vita, quindi i loro dati non "
           "dicono nulla di loro, e gli orari migliori per pubblicare li escludono")])
def test_the_quality_log_notes_the_videos_after_the_range(tmp_path, lang, sentence):
    """The loader noted the videos published before a table's range (range_figures) and none
    of those after it. A range of 1 to 5 September (its figures stop on 6 September 00:00
    UTC): 30 August's video before it; 5 September's inside (its last day); 6 and 20
    September's after it, 2 rows. The September fixture's range of 10 to 30 September holds
    27 September's: no such note there."""
    _table_zip(tmp_path, *_SEPT, _OCTOBER_5)
    early = _table_zip(tmp_path, "2026-09-01", "2026-09-05", [
        ("cccccccccc1", "Fin août", "Aug 30, 2026", 3),
        ("cccccccccc2", "Le dernier jour", "Sep 5, 2026", 4),
        ("cccccccccc3", "Le lendemain", "Sep 6, 2026", 0),
        ("cccccccccc4", "Après la période", "Sep 20, 2026", 0)], _OCTOBER_5)
    ds = smm.load(tmp_path, cache=False)
    q = ds.quality
    [after] = q.loc[q["code"] == "published_after_range"].to_dict("records")
    assert (Path(after["file"]).name, after["rows"], after["level"]) == (
        f"{early.name}!Table data.csv", 2, "info")
    assert after["message"].startswith("2 videos were published after the file's range "
                                       "(2026-09-01 to 2026-09-05, chosen in Studio before")
    before = q.loc[q["code"] == "range_figures"]
    # 30 August's in the early zip, 3 September's in the September one: one each
    assert sorted(before["rows"].tolist()) == [1, 1]
    assert BrandReport(ds, "2026-09", lang=lang).fmt.quality(
        "published_after_range", after["message"]) == sentence


def test_best_times_names_the_video_after_its_range(september):
    """Aged to 1 October 00:00: 12 September 19 days, 15 September 16, 27 September 4 (too
    young); 3 September's left out as partial_figures, 20 September's (−14 days, counted as too
    young before: too_young 2) as after_range. Two analysed by weekday."""
    bt = best_times(september.posts, "UTC", "youtube", exposure=None, n_boot=200)
    assert bt.n_excluded["after_range"] == 1
    assert bt.n_excluded["too_young"] == 1
    assert bt.n_excluded["partial_figures"] == 1
    assert bt.n_excluded["day_precision"] == 2


@pytest.mark.parametrize("lang,label", [
    ("en", "published after the date range their figures cover (chosen in YouTube Studio before "
           "they existed), so they have no figures in it (1)"),
    ("fr", "publiées après la période que couvrent leurs chiffres (choisie dans YouTube Studio "
           "avant leur parution), si bien qu'elles n'y ont aucun chiffre (1)"),
    ("it", "pubblicati dopo l'intervallo coperto dai loro dati (scelto in YouTube Studio prima "
           "che esistessero), quindi non vi hanno alcun dato (1)")])
def test_report_names_the_video_after_its_range(september, lang, label):
    """20 September's video, in the range of 1 to 5 September, named in the section's note
    with 3 September's (partial figures) and 27 September's (too young): one note."""
    [note] = _best_times_notes(september, lang)
    assert label in note


@pytest.mark.parametrize("lang,caption", [
    ("en", "Videos published before the date range of their YouTube Studio figures are left out "
           "(1): those figures hold only part of their life, so their low figures say nothing "
           "of them. Videos published after the date range of their YouTube Studio figures are "
           "left out (1): the range holds none of their life, so their figures say nothing of "
           "them. Posts less than 7 days old when last measured are left out (1): their totals "
           "are still growing and cannot be compared yet."),
    ("fr", "Les vidéos publiées avant la période de leurs chiffres YouTube Studio sont écartées "
           "(1) : ces chiffres ne couvrent qu'une partie de leur vie, leur faiblesse ne dit donc "
           "rien d'elles. Les vidéos publiées après la période de leurs chiffres YouTube Studio "
           "sont écartées (1) : cette période ne couvre rien de leur vie, leurs chiffres ne "
           "disent donc rien d'elles. Les publications de moins de 7 jours à leur dernière "
           "mesure sont écartées (1) : leurs cumuls progressent encore et ne sont pas "
           "comparables pour l'instant."),
    ("it", "I video pubblicati prima dell'intervallo dei loro dati di YouTube Studio sono esclusi "
           "(1): quei dati coprono solo una parte della loro vita, quindi i loro valori bassi non "
           "dicono nulla di loro. I video pubblicati dopo l'intervallo dei loro dati di YouTube "
           "Studio sono esclusi (1): l'intervallo non copre nulla della loro vita, quindi i loro "
           "dati non dicono nulla di loro. I post con meno di 7 giorni all'ultima misurazione "
           "sono esclusi (1): i loro totali crescono ancora e non sono confrontabili per ora.")])
def test_bottom_posts_leave_out_the_videos_their_range_does_not_hold(september, lang, caption):
    """By interactions (likes, no comment or share): 12 September 50 (the top post, n=1),
    15 September 40, 27 September 2 (4 days old on 1 October 00:00: young), 3 September 1
    (before its range: its 1 like is September's from the 10th), 20 September 0 (after its
    range). Before: the bottom post (n=1) was 3 September's, and the line counted 2 young
    posts (20 September's at −14 days). Now 15 September's, and a line per reason."""
    sec = BrandReport(september, "2026-09", lang=lang).top_posts(n=1)
    top, bottom = [b for b in sec.blocks if b["kind"] == "table"]
    assert [r[2]["text"] for r in top["rows"]] == ["Le savon du mois"]
    assert [r[2]["text"] for r in bottom["rows"]] == ["L'atelier"]
    assert bottom["caption"] == caption


def test_compare_counts_the_video_after_its_range(september, tmp_path):
    """September against August (the zip of 15 to 31 August, made on 5 December): a caveat
    per period for the videos published before their range (10 August's, 3 September's) and
    one for 20 September's, after its range. September's ages to 1 October 00:00: 19, 16 and
    4 days (median 16, 20 September's −14 left out: before, the median of 19, 16, 4 and −14
    was 10) against August's 12 and 7 (median 9.5): 16 − 9.5 = 6.5 days apart, within the
    7 days of AGE_GAP_DAYS, so no age caveat."""
    _august_zip(tmp_path, (2026, 12, 5, 10, 0, 0))
    ds = smm.load(tmp_path, cache=False)
    c = compare(ds, "2026-09", previous="2026-08", platform="youtube", n_boot=200)
    assert not [s for s in c.caveats if "days after publication" in s]
    assert [s for s in c.caveats if "YouTube Studio" in s] == [
        "Posts of 2026-08 published before the date range of their YouTube Studio export (1) "
        "carry that range's figures only, not their lifetime's: part of their engagement is "
        "not counted, and their age at measurement is unknown.",
        "Posts of 2026-09 published before the date range of their YouTube Studio export (1) "
        "carry that range's figures only, not their lifetime's: part of their engagement is "
        "not counted, and their age at measurement is unknown.",
        "Posts of 2026-09 published after the date range of their YouTube Studio export (1) "
        "have no figures in that range: their engagement is not counted, and they have no age "
        "at measurement."]


@pytest.mark.parametrize("lang,line", [
    ("en", "Posts of September 2026 published after the date range of their YouTube Studio "
           "export (1) have no figures in that range: their engagement is not counted, and "
           "they have no age at measurement."),
    ("fr", "Les publications de septembre 2026 parues après la période de leur export YouTube "
           "Studio (1) n'ont aucun chiffre dans cette période : leur engagement n'est pas "
           "compté, et elles n'ont pas d'âge au moment de la mesure."),
    ("it", "I post di settembre 2026 pubblicati dopo l'intervallo della loro esportazione di "
     "YouTube "
           "Studio (1) non hanno dati in quell'intervallo: il loro engagement non è contato, e "
           "non hanno un'età al momento della misura.")])
def test_the_after_range_caveat_in_the_reader_language(september, tmp_path, lang, line):
    _august_zip(tmp_path, (2026, 12, 5, 10, 0, 0))
    ds = smm.load(tmp_path, cache=False)
    c = compare(ds, "2026-09", previous="2026-08", platform="youtube", n_boot=200)
    fmt = BrandReport(ds, "2026-09", lang=lang).fmt
    assert line in [fmt.note(s) for s in c.caveats]


@pytest.mark.parametrize("column,readers,first", [
    ("window_start", [partial_life], "2026-10-05 00:00:00+02:00"),          # summer time
    ("window_end", [after_range, figures_end], "2026-10-31 00:00:00+01:00")])
def test_a_zone_aware_range_column_is_refused_by_name(column, readers, first):
    """The schema's window columns are naive days (UTC's, as the loader reads Studio's). A
    caller's frame with one of them zone-aware (Paris midnights) raised pandas' bare
    TypeError "Already tz-aware" in each function reading it; which zone's day it means is
    not guessed: a SchemaError names the column, what it must hold and what it holds. The
    frame is left as it was."""
    from smmanalytics.errors import SchemaError

    posts = pd.DataFrame({"published_at": pd.to_datetime(["2026-10-01 10:00"], utc=True),
                          "snapshot_at": pd.to_datetime(["2026-11-05"], utc=True),
                          "window_start": pd.to_datetime(["2026-10-05"]),
                          "window_end": pd.to_datetime(["2026-10-31"])})
    posts[column] = posts[column].dt.tz_localize("Europe/Paris")
    before = posts.copy()
    for read in readers:
        with pytest.raises(SchemaError) as caught:
            read(posts)
        assert caught.value.column == column
        assert str(caught.value) == (
            f"column '{column}' must hold days without a time zone (those of the range the "
            "figures cover, UTC days as the loader reads YouTube Studio's); got date-times in "
            f"Europe/Paris, the first {first}")
    pd.testing.assert_frame_equal(posts, before)
