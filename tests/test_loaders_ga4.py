"""GA4 report exports → web table."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics import read_export
from smmanalytics.errors import ParseError
from smmanalytics.loaders import read_file
from smmanalytics.schema import validate

from ._helpers import _codes

FIX = Path(__file__).parent / "fixtures" / "ga4"


def test_traffic_acquisition_source_medium():
    first, chart = read_file(FIX / "traffic_acquisition_en.csv")
    validate(first, "web")
    assert first.attrs["source_format"] == "ga4_table" and first.attrs["kind"] == "web"
    # the Grand total row (empty first cell, 5210 sessions) is dropped and recorded
    assert len(first) == 4 and "summary_row_dropped" in _codes(first)
    assert first["source"].tolist() == ["google", "instagram", "l.instagram.com", "(direct)"]
    assert first["medium"].tolist() == ["organic", "social", "referral", "(none)"]
    assert first["sessions"].tolist() == [3000, 1200, 10, 1000]
    assert first["engaged_sessions"].tolist() == [2100, 800, 5, 495]
    assert first["key_events"].tolist() == [80, 30, 0, 20]
    assert first["revenue"].tolist() == [6000, 2500.5, 0, 1376]
    assert first["engagement_rate"][0] == 0.7
    assert (first["period_start"] == pd.Timestamp("2026-10-01")).all()
    assert (first["period_end"] == pd.Timestamp("2026-10-31")).all()
    assert first["date"].isna().all()
    # as-of = the end of the end date
    assert (first["snapshot_at"] == pd.Timestamp("2026-11-01", tz="UTC")).all()
    # the chart table after the blank line + # block is kept, marked by its breakdown
    assert chart["date"].tolist() == [pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-02")]
    assert chart["sessions"].tolist() == [170, 180]
    assert chart["breakdown"].unique().tolist() == ["date"]
    assert first["breakdown"].unique().tolist() == ["source_medium"]


def test_french_channel_groups_numbers_and_preamble():
    df = read_export(FIX / "acquisition_trafic_fr.csv")
    assert df.attrs["source_locale"] == "fr-FR"
    assert df["channel_group"].tolist() == ["Organic Social", "Direct"]   # Total général dropped
    assert df["sessions"].tolist() == [1200, 1200]                        # "1 200" (NBSP)
    assert df["engagement_rate"].tolist() == [0.625, 0.625]               # "62,5 %"
    assert df["revenue"].tolist() == [1234.56, 265.44]                    # "1 234,56 €"
    assert df["currency"].unique().tolist() == ["EUR"]
    assert df["key_events"].tolist() == [20, 25]                          # Conversions
    assert (df["period_start"] == pd.Timestamp("2026-07-01")).all()       # Date de début :
    assert (df["period_end"] == pd.Timestamp("2026-09-28")).all()
    assert {"summary_row_dropped", "renamed_metric"} <= _codes(df)


@pytest.mark.parametrize("header", ["Groupe de canaux par défaut pour la session",
                                    "Groupement de canaux par défaut pour la session"])
def test_french_channel_group_worded_pour_la_session(tmp_path, header):
    # the wording of a dbt model built on a real French export, and of a French GA4 course
    # (the "de la session" of the fixture above is only seen in hand-made files)
    path = tmp_path / "ga4.csv"
    path.write_text("# Date de début : 20261001\n# Date de fin : 20261031\n"
                    f"{header};Sessions;Utilisateurs actifs;Événements clés\n"
                    "Organic Social;1\u202f200;950;7\nDirect;300;280;1\n", encoding="utf-8")
    df = read_export(path)
    assert df["channel_group"].tolist() == ["Organic Social", "Direct"]
    assert df["sessions"].tolist() == [1200, 300]
    assert df["active_users"].tolist() == [950, 280]
    assert df["key_events"].tolist() == [7, 1]
    assert not {"custom_dimension", "extra_columns"} & _codes(df)   # known, not guessed


def test_campaign_with_date_and_conversions():
    df = read_export(FIX / "ga4_campaigns_2024style.csv")
    assert df["campaign"].tolist() == ["autumn_linen", "(not set)"]
    assert df["date"].tolist() == [pd.Timestamp("2026-10-03"), pd.Timestamp("2026-10-04")]
    assert df["key_events"].tolist() == [10, 2] and df["revenue"].tolist() == [250, 50]
    # a bare $: a dollar, which one the Dataset says from the brand (test_roi: CAD, USD)
    assert df["currency"].unique().tolist() == ["$"]


@pytest.mark.parametrize("cell, code", [
    ("CA$1,234.50", "CAD"), ("C$1,234.50", "CAD"), ("US$1,234.50", "USD"),
    ("A$1,234.50", "AUD"), ("AU$1,234.50", "AUD"), ("NZ$1,234.50", "NZD"),
    ("HK$1,234.50", "HKD"), ("S$1,234.50", "SGD"), ("MX$1,234.50", "MXN"),
    ("$1,234.50", "$"), ("1 234,50 €", "EUR"),
])
def test_revenue_in_a_dollar_naming_its_country(tmp_path, cell, code):
    """CA$1,234.50 was refused ("cell is not a number"): a dollar naming its country is that
    currency; a bare $ stays a dollar of no country yet."""
    path = tmp_path / "ga4.csv"
    path.write_text("# Start date: 20261001\n# End date: 20261031\n"
                    "Session source / medium,Sessions,Total revenue\n"
                    f'instagram / social,10,"{cell}"\n', encoding="utf-8")
    df = read_export(path)
    assert df["revenue"].tolist() == [1234.5] and df["currency"].tolist() == [code]


def test_generated_semicolon_french(tmp_path):
    text = ("# Date de début : 20260101\n# Date de fin : 20260131\n"
            "Source/support de la session;Sessions;Événements clés;Revenu total\n"
            "instagram / social;2\u00a0500;12;1\u00a0000,50 €\n"
            "facebook / paid;300;1;0,99 €\n")
    path = tmp_path / "ga4.csv"
    path.write_text(text, encoding="utf-8")
    df = read_export(path)
    assert df["source"].tolist() == ["instagram", "facebook"]
    assert df["medium"].tolist() == ["social", "paid"]
    assert df["sessions"].tolist() == [2500, 300]
    assert df["revenue"].tolist() == [1000.5, 0.99]
    assert df["key_events"].tolist() == [12, 1]


def test_comparison_date_ranges_give_each_row_its_period(tmp_path):
    text = ("# Start date: 20260701\n# End date: 20260928\n"
            "Session source / medium,Date range,Sessions\n"
            "instagram / social,Jul 1 - Sep 28 2026,300\n"
            "instagram / social,Apr 2 - Jun 30 2026,250\n"
            "google / organic,\"Dec 3, 2025 - Feb 28, 2026\",90\n")
    path = tmp_path / "ga4_compare.csv"
    path.write_text(text)
    df = read_export(path)
    assert df["period_start"].tolist() == [pd.Timestamp("2026-07-01"), pd.Timestamp("2026-04-02"),
                                           pd.Timestamp("2025-12-03")]
    assert df["period_end"].tolist() == [pd.Timestamp("2026-09-28"), pd.Timestamp("2026-06-30"),
                                         pd.Timestamp("2026-02-28")]
    assert df["sessions"].tolist() == [300, 250, 90]
    assert "comparison_periods" in _codes(df)


def test_grand_total_row_dropped_when_campaign_comes_first(tmp_path):
    # GA4 puts "Grand total" in the first column, whichever dimension it is: here the
    # campaign, before the source / medium (the sample brand's layout)
    f = tmp_path / "ga4_campaigns.csv"
    f.write_text("# Start date: 20261001\n# End date: 20261031\n"
                 "Session campaign,Session source / medium,Sessions,Key events\n"
                 "Grand total,,160,7\n"
                 "(organic),google / organic,100,5\n"
                 "automne-2026,instagram / paid,60,2\n", encoding="utf-8")
    df = read_export(f)
    assert df["campaign"].tolist() == ["(organic)", "automne-2026"]
    assert df["sessions"].sum() == 160 and df["key_events"].sum() == 7
    assert "summary_row_dropped" in _codes(df)


@pytest.mark.parametrize("word", ["Totale generale", "TOTALE GENERALE", "Totale complessivo",
                                  "Totale", "Total général", "Total"])
def test_an_italian_or_french_total_row_is_dropped(tmp_path, word):
    """An Italian GA4 report's 'Totale generale' row was read as a channel of 300 sessions:
    600 sessions for 300 (200 + 100), with nothing said."""
    f = tmp_path / "ga4_it.csv"
    f.write_text("# Data di inizio: 20260501\n# Data di fine: 20260531\n"
                 "Gruppo di canali principale della sessione;Sessioni;Eventi chiave\n"
                 f"{word};300;12\nOrganic Social;200;8\nDirect;100;4\n", encoding="utf-8")
    df = read_export(f)
    assert df["channel_group"].tolist() == ["Organic Social", "Direct"]
    assert df["sessions"].sum() == 300 and df["key_events"].sum() == 12
    notes = [q for q in df.attrs["quality"] if q["code"] == "summary_row_dropped"]
    assert [q["rows"] for q in notes] == [1]


_REORDERED = {   # a report in English, French and Italian: its total row, then two rows of data
    "en": (",", ["Session campaign", "Date", "Sessions", "Engaged sessions", "Key events",
                 "Total revenue"],
           [["Grand total", "", "150", "90", "12", "300.00"],
            ["autumn_linen", "20261003", "100", "60", "10", "250.00"],
            ["(not set)", "20261004", "50", "30", "2", "50.00"]]),
    "fr": (";", ["Groupe de canaux par défaut de la session", "Sessions",
                 "Sessions avec engagement", "Taux d'engagement", "Conversions", "Revenu total"],
           [["Total général", "2 400", "1 500", "62,5 %", "45", "1 500,00 €"],
            ["Organic Social", "1 200", "750", "62,5 %", "20", "1 234,56 €"],
            ["Direct", "1 200", "750", "62,5 %", "25", "265,44 €"]]),
    "it": (";", ["Gruppo di canali principale della sessione", "Sessioni",
                 "Sessioni con coinvolgimento", "Tasso di coinvolgimento", "Eventi chiave",
                 "Utenti attivi"],
           [["Totale complessivo", "2.400", "1.500", "62,5%", "45", "2.100"],
            ["Organic Social", "1.200", "750", "62,5%", "20", "1.050"],
            ["Direct", "1.200", "750", "62,5%", "25", "1.050"]]),
}


@settings(max_examples=30, deadline=None)
@given(lang=st.sampled_from(sorted(_REORDERED)), order=st.permutations(range(6)))
@example(lang="en", order=[2, 1, 0, 3, 4, 5])     # read 'Grand total' as a campaign of 150
@example(lang="fr", order=[1, 0, 2, 3, 4, 5])     # sessions, and 'Total général' as a channel
@example(lang="it", order=[1, 4, 0, 2, 3, 5])
def test_the_total_row_is_dropped_whatever_the_column_order(lang, order):
    delim, header, rows = _REORDERED[lang]
    lines = [delim.join(r[i] for i in order) for r in (header, *rows)]
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "ga4.csv"
        path.write_text("# Start date: 20261001\n# End date: 20261031\n"
                        + "\n".join(lines) + "\n", encoding="utf-8")
        df = read_export(path)
    if lang == "en":
        assert df["campaign"].tolist() == ["autumn_linen", "(not set)"]
        assert df["sessions"].tolist() == [100, 50] and df["revenue"].tolist() == [250, 50]
    else:
        assert df["channel_group"].tolist() == ["Organic Social", "Direct"]
        assert df["sessions"].tolist() == [1200, 1200]
        if lang == "fr":
            assert df["revenue"].tolist() == [1234.56, 265.44]
        else:
            assert df["key_events"].tolist() == [20, 25]
            assert df["active_users"].tolist() == [1050, 1050]
    notes = [q for q in df.attrs["quality"] if q["code"] == "summary_row_dropped"]
    assert [q["rows"] for q in notes] == [1]


def test_a_custom_channel_group_first_column_is_read_not_called_unused(tmp_path):
    # a custom channel group names the first column anything (reference §8.2 [C]): it is read
    # as the channel group, and the note of unused columns named it as well (and only it)
    text = ("# ----------------------------------------\n"
            "# Traffic acquisition: Session Awin - CPA_Channel_Expanded_w_Audio_video_awin\n"
            "# Account: KEEN\n# Property: keen - GA4\n"
            "# ----------------------------------------\n# \n# All Users\n"
            "# Start date: 20260501\n# End date: 20260531\n"
            "Session Awin - CPA_Channel_Expanded_w_Audio_video_awin,Sessions,Key events,"
            "Bounce rate\n"
            "Grand total,300,10,0.4\nPaid Social,200,8,0.3\nOrganic Social,100,2,0.6\n")
    path = tmp_path / "traffic.csv"
    path.write_text(text, encoding="utf-8")
    df = read_file(path)[0]
    assert df["channel_group"].tolist() == ["Paid Social", "Organic Social"]
    assert df["sessions"].tolist() == [200, 100] and df["key_events"].tolist() == [8, 2]
    assert "custom_dimension" in _codes(df)
    notes = [q["message"] for q in df.attrs["quality"] if q["code"] == "extra_columns"]
    assert notes == ["1 column not used: ['Bounce rate']"]


_PREAMBLE = ["# ----------------------------------------",
             "# Traffic acquisition: Session source / medium", "# Account: Maison",
             "# Property: maisonseve.fr - GA4", "# ----------------------------------------",
             "# ", "# All Users", "# Start date: 20260701", "# End date: 20260731"]
_TABLE = ["Session source / medium,Sessions,Key events", "Grand total,1200,40",
          "google / organic,1000,30", "instagram / social,200,10"]


def test_an_export_resaved_by_a_spreadsheet_reads_as_the_original(tmp_path):
    # Excel pads every '#' line with the delimiters of the widest row
    original, resaved = tmp_path / "ga4.csv", tmp_path / "ga4_excel.csv"
    original.write_text("\r\n".join(_PREAMBLE + _TABLE) + "\r\n", encoding="utf-8")
    resaved.write_text("\r\n".join([f"{line},," for line in _PREAMBLE] + _TABLE) + "\r\n",
                       encoding="utf-8")
    a, b = read_export(original), read_export(resaved)
    pd.testing.assert_frame_equal(a.drop(columns="source_file"), b.drop(columns="source_file"))
    assert b["sessions"].tolist() == [1000, 200]
    assert (b["period_start"] == pd.Timestamp("2026-07-01")).all()
    assert (b["period_end"] == pd.Timestamp("2026-07-31")).all()


def test_a_preamble_date_that_is_no_date_names_its_line(tmp_path):
    path = tmp_path / "ga4.csv"
    lines = [*_PREAMBLE[:7], "# Start date: 2026-07-01", *_PREAMBLE[8:], *_TABLE]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ParseError, match="start date in the preamble is not a date") as e:
        read_export(path)
    assert e.value.line == 8 and e.value.got == "2026-07-01"


def _with_chart(rows, preamble=_PREAMBLE):
    return "\n".join([*preamble, *_TABLE, "", "# ----------------------------------------",
                      "# Chart", "# ----------------------------------------",
                      "Nth day,Sessions", *rows]) + "\n"


def test_a_chart_table_by_nth_day_is_dated_from_the_start_date(tmp_path):
    # GA4's "Nth day" counts days from the start of the report's range, 0000 being the start
    path = tmp_path / "ga4.csv"
    path.write_text(_with_chart(["0000,40", "0001,35", "0030,38"]), encoding="utf-8")
    table, chart = read_file(path)
    assert table["breakdown"].unique().tolist() == ["source_medium"]
    assert chart["breakdown"].unique().tolist() == ["date"]
    assert chart["date"].tolist() == [pd.Timestamp("2026-07-01"), pd.Timestamp("2026-07-02"),
                                      pd.Timestamp("2026-07-31")]
    assert chart["sessions"].tolist() == [40, 35, 38] and chart["channel_group"].isna().all()
    assert "custom_dimension" not in _codes(chart)


def test_a_chart_table_by_nth_day_without_a_start_date_is_kept_undated(tmp_path):
    path = tmp_path / "ga4.csv"
    # an end date but no start date (a preamble cut by hand)
    path.write_text(_with_chart(["0000,40", "0001,35"], preamble=_PREAMBLE[:7] + _PREAMBLE[8:]),
                    encoding="utf-8")
    chart = read_file(path)[1]
    assert chart["date"].isna().all() and chart["sessions"].tolist() == [40, 35]
    assert chart["breakdown"].unique().tolist() == ["nth_day"]
    note = next(q for q in chart.attrs["quality"] if q["code"] == "nth_day_undated")
    assert note["rows"] == 2


def test_a_day_index_that_is_no_number_names_its_cell(tmp_path):
    path = tmp_path / "ga4.csv"
    path.write_text(_with_chart(["0000,40", "day 2,35"]), encoding="utf-8")
    with pytest.raises(ParseError, match="not a day index") as e:
        read_export(path)
    assert e.value.line == 20 and e.value.column == "Nth day" and e.value.got == "day 2"


def test_a_day_row_with_an_empty_date_cell_is_refused_naming_its_line(tmp_path):
    """A row of a table by Date whose date cell is empty became a NaT row, its 110 sessions
    missing from every daily total without a word; it is refused as any daily export's row
    without its day (``refuse_undated``): the header is on line 10 (9 preamble lines), the
    second data row on line 12."""
    path = tmp_path / "ga4.csv"
    path.write_text("\n".join([*_PREAMBLE, "Date,Session source / medium,Sessions",
                               "20260701,google / organic,100", ",google / organic,110",
                               "20260703,google / organic,120"]) + "\n", encoding="utf-8")
    with pytest.raises(ParseError, match="a value without its date") as e:
        read_export(path)
    assert (e.value.line, e.value.column, e.value.got) == (12, "Date", "")


def test_a_chart_row_with_an_empty_day_index_is_refused_naming_its_line(tmp_path):
    # the chart's header on line 18 (as in the test of 'day 2' below it): its second row, 20
    path = tmp_path / "ga4.csv"
    path.write_text(_with_chart(["0000,40", ",35"]), encoding="utf-8")
    with pytest.raises(ParseError, match="a value without its date") as e:
        read_export(path)
    assert (e.value.line, e.value.column) == (20, "Nth day")


# Italian GA4 (docs/italian-exports.md): the headers are those a GA4 guide checked on the Italian
# panel ("Sorgente/mezzo sessione", "Campagna sessione", "Tasso di eventi chiave della sessione",
# "Durata media del coinvolgimento per sessione", "Eventi chiave") and a Looker Studio guide
# names ("Sessioni", "Sessioni con coinvolgimento", "Tasso di coinvolgimento", "Utenti attivi",
# "Gruppo di canali principale della sessione", "Data"); the preamble's Italian lines and the
# revenue header were not seen in a real file: the fixture's are the loader's reading of them.

def test_italian_traffic_acquisition_source_medium_and_campaign():
    df = read_export(FIX / "acquisizione_traffico_it.csv")
    validate(df, "web")
    assert df.attrs["source_locale"] == "it-IT"
    assert df["source"].tolist() == ["instagram", "google", "l.instagram.com"]
    assert df["medium"].tolist() == ["social", "organic", "referral"]
    assert df["campaign"].tolist() == ["autunno-lino", "(organic)", "(referral)"]
    # "1.234" is a thousand and more in an Italian file, "60 %" a fraction
    assert df["sessions"].tolist() == [1234, 1000, 666]
    assert df["engaged_sessions"].tolist() == [740, 700, 380]
    assert df["key_events"].tolist() == [25, 15, 5]
    assert df["engagement_rate"].tolist() == pytest.approx([0.6, 0.7, 0.571])
    assert df["key_event_rate"].tolist() == pytest.approx([0.0203, 0.015, 0.0075])
    assert df["avg_engagement_time_s"].tolist() == [65, 80.25, 68]
    # 'Totale complessivo' (2.900 sessions, their sum) is dropped and said
    assert df["sessions"].sum() == 2900
    assert "summary_row_dropped" in _codes(df)
    assert (df["period_start"] == pd.Timestamp("2026-10-01")).all()      # Data di inizio:
    assert (df["period_end"] == pd.Timestamp("2026-10-31")).all()        # Data di fine:
    assert (df["snapshot_at"] == pd.Timestamp("2026-11-01", tz="UTC")).all()
    assert df["revenue"].isna().all() and df["currency"].isna().all()   # no revenue column
    assert not {"unknown_columns", "extra_columns", "custom_dimension"} & _codes(df)


def test_italian_channel_groups_by_day(tmp_path):
    path = tmp_path / "ga4.csv"
    path.write_text("# Data di inizio: 20261001\n# Data di fine: 20261002\n"
                    "Data,Gruppo di canali principale della sessione,Sessioni,Utenti attivi,"
                    "Conteggio eventi,Eventi chiave\n"
                    "20261001,Organic Social,\"1.050\",\"1.002\",\"4.321\",7\n"
                    "20261002,Organic Social,980,911,\"3.999\",3\n"
                    "20261001,Direct,12,12,40,0\n", encoding="utf-8")
    df = read_export(path)
    assert df.attrs["source_locale"] == "it-IT"
    assert df["date"].tolist() == [pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-02"),
                                   pd.Timestamp("2026-10-01")]
    assert df["channel_group"].tolist() == ["Organic Social", "Organic Social", "Direct"]
    assert df["sessions"].tolist() == [1050, 980, 12]
    assert df["active_users"].tolist() == [1002, 911, 12]
    assert df["event_count"].tolist() == [4321, 3999, 40]
    assert df["key_events"].tolist() == [7, 3, 0]
    assert df["breakdown"].unique().tolist() == ["channel_group"]
    assert not {"custom_dimension", "extra_columns", "unknown_columns"} & _codes(df)


_IT_REVENUE = ("# Data di inizio: 20261001\n# Data di fine: 20261031\n"
               "Sorgente/mezzo sessione;Sessioni;Eventi chiave;Entrate totali\n"
               "Totale;1.500;30;1.500,00 €\n"
               "instagram / social;1.234;25;1.234,56 €\n"
               "facebook / paid;266;5;265,44 €\n")


def test_an_italian_revenue_header_not_known_is_said_not_read_and_a_brand_row_reads_it(tmp_path):
    # "Entrate totali" is the likely Italian "Total revenue", not seen in a real export: the
    # package does not guess it (revenue stays unknown) but says which column of numbers it
    # left aside and how to name it; the brand's synonyms.csv row then reads it
    d = tmp_path / "brand"
    d.mkdir()
    (d / "ga4_acquisizione.csv").write_text(_IT_REVENUE, encoding="utf-8")
    df = read_export(d / "ga4_acquisizione.csv")
    assert df["sessions"].tolist() == [1234, 266] and df["key_events"].tolist() == [25, 5]
    assert df["revenue"].isna().all()
    note = next(q for q in df.attrs["quality"] if q["code"] == "unknown_columns")
    assert note["level"] == "warning"
    assert "['Entrate totali']" in note["message"] and "no revenue column" in note["message"]
    assert "synonyms.csv" in note["message"]

    (d / "synonyms.csv").write_text("family,canonical,lang,header\n"
                                    "ga4,revenue,it,Entrate totali\n", encoding="utf-8")
    ds = smm.load(d, cache=False)
    web = ds.web.sort_values("sessions", ascending=False)
    assert web["source"].tolist() == ["instagram", "facebook"]
    assert web["sessions"].tolist() == [1234, 266]
    assert web["revenue"].tolist() == [1234.56, 265.44]
    assert web["currency"].unique().tolist() == ["EUR"]
    assert (web["period_start"] == pd.Timestamp("2026-10-01")).all()
    assert "unknown_columns" not in set(ds.quality["code"])


def test_load_of_a_folder_with_an_italian_report_gives_web_rows(tmp_path):
    d = tmp_path / "brand"
    d.mkdir()
    (d / "acquisizione_traffico_it.csv").write_bytes(
        (FIX / "acquisizione_traffico_it.csv").read_bytes())
    ds = smm.load(d, cache=False)
    assert len(ds.web) == 3 and ds.web["sessions"].sum() == 2900
    assert ds.web["key_events"].sum() == 45
    assert ds.web.groupby("medium")["sessions"].sum().to_dict() == {
        "organic": 1000, "referral": 666, "social": 1234}
    assert "not_understood" not in set(ds.quality["code"])


def test_preamble_dates_in_a_wording_not_known_are_said_not_guessed(tmp_path):
    # the Italian preamble's wording of its dates is not confirmed: lines the loader does not
    # know leave the period unknown, named, rather than the first date taken for the start
    path = tmp_path / "ga4.csv"
    path.write_text("# Acquisizione traffico: Sorgente/mezzo sessione\n"
                    "# Dal: 20261001\n# Al: 20261031\n"
                    "Sorgente/mezzo sessione,Sessioni,Eventi chiave\n"
                    "instagram / social,120,3\n", encoding="utf-8")
    df = read_export(path)
    assert df["sessions"].tolist() == [120] and df["period_start"].isna().all()
    note = next(q for q in df.attrs["quality"] if q["code"] == "preamble_dates_unread")
    assert "'dal: 20261001'" in note["message"] and "'al: 20261031'" in note["message"]
    # the same file's undated rows: its lines are there, not read (s54DB: "the file has no
    # '# Start date' and '# End date' lines" beside this note)
    undated = next(q for q in df.attrs["quality"] if q["code"] == "ga4_rows_undated")
    assert "'#' lines hold dates not read as its start and end" in undated["message"]
    assert "has no '# Start date'" not in undated["message"]


def test_rows_of_no_date_and_no_period_are_noted_at_load(tmp_path):
    """A GA4 table copied without its '#' lines (Google Sheets, top rows deleted) and of no
    Date column: its rows have no period, which only an ROI said ("… not counted"); a copy
    beside the original doubled ds.web's sessions with no word. Two rows, the Grand total
    dropped: noted at load, naming the file, 2 rows. The same rows under a '#' period, or
    with a Date column, are dated: nothing noted."""
    table = ('"Session source / medium","Sessions","Engaged sessions","Total revenue"\n'
             '"Grand total","500","260","30"\n"instagram / social","120","60","10"\n'
             '"google / organic","380","200","20"\n')
    path = tmp_path / "export (1).csv"
    path.write_text(table, encoding="utf-8")
    df = read_export(path)
    note = next(q for q in df.attrs["quality"] if q["code"] == "ga4_rows_undated")
    assert (note["level"], note["rows"]) == ("warning", 2)
    assert note["file"].endswith("export (1).csv")
    assert "the file has no '# Start date' and '# End date' lines" in note["message"]
    # one line of the two: the period has no end, the line named
    half = tmp_path / "ga4_half.csv"
    half.write_text("# Start date: 20260901\n" + table, encoding="utf-8")
    note = next(q for q in read_export(half).attrs["quality"]
                if q["code"] == "ga4_rows_undated")
    assert note["rows"] == 2
    assert "the file's '# End date' line is missing or was not read" in note["message"]
    dated = tmp_path / "ga4.csv"
    dated.write_text("# Start date: 20260901\n# End date: 20260930\n" + table,
                     encoding="utf-8")
    assert "ga4_rows_undated" not in _codes(read_export(dated))
    daily = tmp_path / "ga4_daily.csv"
    daily.write_text('"Date","Session source / medium","Sessions","Engaged sessions"\n'
                     '"20260901","instagram / social","120","60"\n'
                     '"20260902","google / organic","380","200"\n', encoding="utf-8")
    assert "ga4_rows_undated" not in _codes(read_export(daily))


def _it_number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(st.integers(0, 3_000_000), st.integers(0, 1000),
                               st.integers(0, 1000)), min_size=1, max_size=6),
       space=st.booleans(), delim=st.sampled_from([",", ";"]))
def test_italian_numbers_read_as_written(rows, space, delim):
    # sessions with "." between thousands, rates with a decimal comma and "%" (with a space
    # or not), in a comma- or semicolon-delimited file: each reads as the number it writes
    lines = [delim.join(["Sorgente/mezzo sessione", "Sessioni", "Tasso di coinvolgimento",
                         "Eventi chiave"])]
    for i, (sessions, permille, key_events) in enumerate(rows):
        rate = f"{permille // 10},{permille % 10}{' ' if space else ''}%"
        cells = [f"s{i} / social", _it_number(sessions), rate, _it_number(key_events)]
        lines.append(delim.join(f'"{c}"' if delim in c else c for c in cells))
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "ga4.csv"
        path.write_text("# Data di inizio: 20261001\n# Data di fine: 20261031\n"
                        + "\n".join(lines) + "\n", encoding="utf-8")
        df = read_export(path)
    assert df["sessions"].tolist() == [r[0] for r in rows]
    assert df["key_events"].tolist() == [r[2] for r in rows]
    assert df["engagement_rate"].round(6).tolist() == [round(r[1] / 1000, 6) for r in rows]
    assert df["medium"].unique().tolist() == ["social"]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_two_reports_joined_by_cat_read_as_two_files(tmp_path, bom):
    # the second report's '#' preamble right under the first one's chart rows (no blank line
    # between: "cat a.csv b.csv"), its BOM kept or not: it was a row of the chart, "line 23,
    # column 'Date': cell is not a date … got '# ------…'"
    one = (FIX / "traffic_acquisition_en.csv").read_bytes()
    path = tmp_path / "traffic_acquisition_en.csv"
    path.write_bytes(one + bom + one)
    frames = read_file(path)
    assert [(len(df), df["breakdown"].iloc[0]) for df in frames] == [
        (4, "source_medium"), (2, "date"), (4, "source_medium"), (2, "date")]
    assert frames[2]["sessions"].tolist() == [3000, 1200, 10, 1000]
    assert frames[3]["sessions"].tolist() == [170, 180]
    assert (frames[2]["period_end"] == pd.Timestamp("2026-10-31")).all()


def test_an_export_of_another_platform_pasted_under_a_report_is_an_error_naming_its_line(
        tmp_path):
    # the report's 22 lines, then Facebook's posts: its header on line 23
    path = tmp_path / "traffic_acquisition_en.csv"
    path.write_bytes((FIX / "traffic_acquisition_en.csv").read_bytes() + (
        FIX.parent / "meta" / "facebook_posts_2026-11-20.csv").read_bytes())
    with pytest.raises(ParseError, match="a header of other columns starts rows of another "
                       "export") as err:
        read_file(path)
    assert err.value.line == 23 and err.value.got == "Post ID, Page ID, Page name, Title, …"


def test_a_hash_line_inside_a_quoted_cell_does_not_end_the_table(tmp_path):
    # a campaign named over two lines, the second one starting with '#': a cell, not a preamble
    text = (FIX / "ga4_campaigns_2024style.csv").read_text(encoding="utf-8")
    path = tmp_path / "ga4_campaigns.csv"
    path.write_text(text.replace("autumn_linen,", '"autumn\n#linen",'), encoding="utf-8")
    df = read_export(path)
    assert df["campaign"].tolist() == ["autumn\n#linen", "(not set)"]
    assert df["sessions"].tolist() == [100, 50]


# A bad cell under a campaign named over two lines or a blank line: the error names the row's
# own line in the file. ga4.py counts rows (``first_line + 1 + pos``) and the registry moves
# the error to the row's line (RawTable.relocated), as for every loader; these pin it.
_CAMPAIGNS = ["# ----------------------------------------",                      # 1
              "# Traffic acquisition: Session campaign",                        # 2
              "# ----------------------------------------",                     # 3
              "# Start date: 20261001", "# End date: 20261031",                 # 4, 5
              "Session campaign,Date,Sessions,Engaged sessions,Conversions,Total revenue",  # 6
              "Grand total,,150,90,12,$300.00"]                                 # 7


@pytest.mark.parametrize(("rows", "line"), [
    # "autumn\nlinen" on lines 8-9, the bad row on 10
    (['"autumn\nlinen",20261003,100,60,10,$250.00', "(not set),2026-10-34,50,30,2,$50.00"], 10),
    # a blank line (9), then a line of delimiters a spreadsheet left (10): the bad row on 11
    (["autumn,20261003,100,60,10,$250.00", "", ",,,,,", "(not set),2026-10-34,50,30,2,$50.00"],
     11),
    # both: 8-9 the campaign, 10 blank, 11 the bad row
    (['"autumn\nlinen",20261003,100,60,10,$250.00', "", "(not set),2026-10-34,50,30,2,$50.00"],
     11),
])
def test_a_date_that_is_no_day_names_its_own_line_under_a_cell_of_two_lines_or_a_blank_line(
        tmp_path, rows, line):
    path = tmp_path / "ga4_campaigns.csv"
    path.write_text("\n".join([*_CAMPAIGNS, *rows]) + "\n", encoding="utf-8")
    with pytest.raises(ParseError, match="cell is not a date") as e:
        read_export(path)
    assert (e.value.line, e.value.column, e.value.got) == (line, "Date", "2026-10-34")


def test_a_day_index_that_is_no_number_names_its_own_line_in_the_second_block(tmp_path):
    # 1-5 preamble, 6 header, 7 total, 8-9 a campaign over two lines, 10 blank, 11-13 the chart's
    # '#' lines, 14 its header, 15 '0000', 16 blank, 17 '0001', 18 the bad one
    text = "\n".join([*_CAMPAIGNS[:5], "Session campaign,Sessions,Key events",
                      "Grand total,150,12", '"autumn\nlinen",100,10', "",
                      "# ----------------------------------------", "# Chart",
                      "# ----------------------------------------", "Nth day,Sessions",
                      "0000,40", "", "0001,38", "day 2,35"]) + "\n"
    path = tmp_path / "ga4.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError, match="not a day index") as e:
        read_export(path)
    assert (e.value.line, e.value.column, e.value.got) == (18, "Nth day", "day 2")


def test_a_bad_date_in_a_second_report_joined_by_cat_names_its_own_line(tmp_path):
    # the fixture's 22 lines, then the same report again whose 'google / organic' cell runs
    # over two lines (34-35), its chart's header on 43, its first day on 44, a blank line 45:
    # the second day, line 44 in the fixture, is on line 46
    one = (FIX / "traffic_acquisition_en.csv").read_text(encoding="utf-8")
    two = one.replace("google / organic,3000", '"google\n/ organic",3000').replace(
        "20261002,180", "\n2026-10-32,180")
    path = tmp_path / "ga4.csv"
    path.write_text(one + two, encoding="utf-8")
    with pytest.raises(ParseError, match="cell is not a date") as e:
        read_file(path)
    assert (e.value.line, e.value.column, e.value.got) == (46, "Date", "2026-10-32")


def test_a_bad_date_in_a_sheet_names_its_own_row_and_cell_under_a_blank_row(tmp_path):
    # rows 1-2 the preamble, 3 the header, 4 the total, 5 a campaign over two lines (one cell,
    # one row), 6 blank, 7 the bad row
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet"
    for row in (["# Start date: 20261001"], ["# End date: 20261031"],
                ["Session campaign", "Date", "Sessions", "Key events"],
                ["Grand total", None, 150, 12], ["autumn\nlinen", "20261003", 100, 10],
                [None] * 4, ["(not set)", "2026-10-34", 50, 2]):
        ws.append(row)
    path = tmp_path / "ga4.xlsx"
    wb.save(path)
    with pytest.raises(ParseError, match="cell is not a date") as e:
        read_file(path)
    assert str(e.value) == (f"file {path}, line 7, cell Sheet!B7, column 'Date': cell is not a "
                            "date; expected YYYYMMDD, or a day such as 2026-10-01; got "
                            "'2026-10-34'")


def _ranges(tmp_path, rows, sep=","):
    text = (f"# Start date: 20260701\n# End date: 20260928\n"
            f"Session source / medium{sep}Date range{sep}Sessions\n"
            + "".join(f"{r}\n" for r in rows))
    path = tmp_path / "ga4_compare.csv"
    path.write_text(text)
    return read_export(path)


def test_date_ranges_in_numbers_are_read_in_one_order_at_both_ends(tmp_path):
    """A comparison export re-saved by a day-first spreadsheet: '01/07/2026 - 28/09/2026'.
    The end's 28 proves day first, yet the start was read on its own, month first: the period
    began 7 January. By hand, day first: 1 July - 28 September 2026, 2 April - 30 June 2026."""
    df = _ranges(tmp_path, ["instagram / social,01/07/2026 - 28/09/2026,300",
                            "instagram / social,02/04/2026 - 30/06/2026,250"])
    assert df["period_start"].tolist() == [pd.Timestamp("2026-07-01"), pd.Timestamp("2026-04-02")]
    assert df["period_end"].tolist() == [pd.Timestamp("2026-09-28"), pd.Timestamp("2026-06-30")]
    note = next(q for q in df.attrs["quality"] if q["code"] == "date_format_resaved")
    assert note["level"] == "info" and note["message"].endswith("read as DMY")


def test_date_ranges_in_numbers_no_day_above_12_orders_are_said_assumed(tmp_path):
    """'01/07/2026 - 09/09/2026': nothing proves the order; month first is assumed (7 January
    - 9 September 2026), as a warning, as the other loaders say it."""
    df = _ranges(tmp_path, ["instagram / social,01/07/2026 - 09/09/2026,300"])
    assert df["period_start"].tolist() == [pd.Timestamp("2026-01-07")]
    assert df["period_end"].tolist() == [pd.Timestamp("2026-09-09")]
    note = next(q for q in df.attrs["quality"] if q["code"] == "date_format_resaved")
    assert note["level"] == "warning" and "assumed" in note["message"]


_ACQUISITION = ["# Traffic acquisition: Session campaign", "# Start date: 20260201",
                "# End date: 20260228"]


def test_a_revenue_column_retitled_as_another_header_is_warned_of(tmp_path):
    """A traffic acquisition report whose 'Total revenue' header was overwritten with
    'Session campaign' (so that header twice) was read with its revenue all empty and no
    note but the Grand total's: the ROI had no revenue and nothing said why. Both the header
    written twice (columns 1 and 4) and the revenue missing are warned of; the campaigns are
    the first column's (spring, summer), the sessions as written (100, 50)."""
    path = tmp_path / "ga4_traffic_acquisition_2026-02-01_2026-02-28.csv"
    path.write_text("\n".join([*_ACQUISITION,
                               "Session campaign,Sessions,Engaged sessions,Session campaign",
                               "Grand total,150,90,300.5", "spring,100,60,250.5",
                               "summer,50,30,50"]) + "\n", encoding="utf-8")
    df = read_export(path)
    assert df["campaign"].tolist() == ["spring", "summer"]
    assert df["sessions"].tolist() == [100, 50] and df["revenue"].isna().all()
    (twice,) = [q for q in df.attrs["quality"] if q["code"] == "columns_conflict"]
    assert twice["level"] == "warning" and twice["message"].startswith(
        "header 'Session campaign' heads 2 columns (column 1, column 4) of "
        f"{path.name}: the first one's values were read")
    (missing,) = [q for q in df.attrs["quality"] if q["code"] == "expected_metric_missing"]
    # engaged sessions are there; key events and revenue are not
    assert missing["message"].startswith(
        "no column of key events ('key events' or 'conversions' in English exports), nor of "
        "revenue ('total revenue' in English exports) in ")


def test_a_ga4_table_without_engagement_columns_expects_no_revenue(tmp_path):
    """A report of sessions and key events only (the chart under a report, a report of other
    columns) is not an acquisition report with its engagement columns: no warning that its
    revenue is missing."""
    path = tmp_path / "ga4_traffic_acquisition_2026-02-01_2026-02-28.csv"
    path.write_text("\n".join([*_ACQUISITION, "Session campaign,Sessions,Key events",
                               "spring,100,6"]) + "\n", encoding="utf-8")
    df = read_export(path)
    assert df["key_events"].tolist() == [6]
    assert not {"expected_metric_missing", "columns_conflict"} & _codes(df)


def test_a_percent_in_the_revenue_column_is_an_error_not_a_fraction(tmp_path):
    """A GA4 row whose revenue cell says ``12%`` (an edited export) was loaded with a revenue
    of 0.12 and no note: the ROI lost the row's 3805.10 silently. A revenue is an amount, not
    a percentage: the file is refused, naming the line, the column and the cell; the same
    ``%`` in the engagement rate column is read as a rate (12% = 0.12)."""
    head = ("# Start date: 20260101\n# End date: 20260131\n"
            "Session source / medium,Sessions,Engagement rate,Total revenue\n")
    path = tmp_path / "ga4.csv"
    path.write_text(head + "google / organic,3697,62%,12%\nbing / organic,230,50%,126.18\n",
                    encoding="utf-8")
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert (err.value.line, err.value.column, err.value.got) == (4, "Total revenue", "12%")
    assert "a count/amount, not a percentage" in str(err.value)
    path.write_text(head + "google / organic,3697,12%,3805.10\n", encoding="utf-8")
    df = read_export(path)
    assert df["engagement_rate"].tolist() == [0.12] and df["revenue"].tolist() == [3805.1]


#: a GA4 export cut off inside its last value (reviewer's repro): bio-link's revenue 381.88
#: ends "3", no line break, and the rows after it are lost
_CUT = ("# Start date: 20261001\n# End date: 20261031\n"
        "Session campaign,Session source / medium,Sessions,Engaged sessions,Engagement rate,"
        "Key events,Total revenue\n"
        "Grand total,,16013,9120,0.5695372509835759,562,27446.94\n"
        "(organic),google / organic,4958,3142,0.6337232755143203,127,5889.65\n"
        "(direct),(direct) / (none),2794,1524,0.5454545454545454,77,4239.62\n"
        "automne-2026,instagram / paid,2539,1320,0.5198897203623474,146,7260.12\n"
        "automne-2026,facebook / paid,1642,812,0.4945188794153471,87,4181.38\n"
        "newsletter-2026-10,newsletter / email,1172,855,0.7295221843003413,48,2166.09\n"
        "automne-2026,instagram / social,687,391,0.5691411935953421,32,1485.49\n"
        "bio-link,instagram / social,473,216,0.45665961945031713,8,3")


def test_a_file_cut_off_inside_its_last_value_is_told_by_its_grand_total(tmp_path):
    """A GA4 export cut off inside its last value was read with a revenue of 3.0 for bio-link
    (381.88 in the original) and no note. Its Grand total row tells: the rows' revenue
    5889.65 + 4239.62 + 7260.12 + 4181.38 + 2166.09 + 1485.49 + 3 = 25225.35 is not the
    total's 27446.94 (sessions 4958 + 2794 + 2539 + 1642 + 1172 + 687 + 473 = 14265, not
    16013), and the file ends without a line break: it looks cut off, the last value is left
    missing. With a line break, the same rows are noted as not adding up (cut or edited)."""
    path = tmp_path / "ga4_traffic_acquisition_2026-10-01_2026-10-31.csv"
    path.write_text(_CUT, encoding="utf-8")
    df = read_export(path)
    assert len(df) == 7 and pd.isna(df["revenue"].iloc[-1])
    note = next(q for q in df.attrs["quality"] if q["code"] == "file_cut_off")
    assert note["level"] == "warning"
    assert "'Total revenue' adds up to 25225.35, the total says 27446.94" in note["message"]
    assert "'Sessions' adds up to 14265, the total says 16013" in note["message"]
    assert "'Total revenue' = 3.00 may be cut off" in note["message"]
    path.write_text(_CUT + "\n", encoding="utf-8")
    df = read_export(path)
    assert df["revenue"].iloc[-1] == 3 and "file_cut_off" not in _codes(df)
    note = next(q for q in df.attrs["quality"] if q["code"] == "total_differs")
    assert note["level"] == "warning" and "may be cut off or edited" in note["message"]


def test_rows_that_add_up_to_the_grand_total_within_rounding_are_not_noted(tmp_path):
    """Each row and the total are rounded to the export's 2 decimals: rows of 0.335 and
    0.335 written 0.34 + 0.34 = 0.68 against a total of 0.67 differ by 0.01, within the
    3 halves of a cent of rounding (2 rows + the total); the file ending without a line
    break is no sign of a cut by itself."""
    path = tmp_path / "ga4.csv"
    path.write_text("# Start date: 20261001\n# End date: 20261031\n"
                    "Session source / medium,Sessions,Total revenue\n"
                    "Grand total,30,0.67\ngoogle / organic,10,0.34\nbing / organic,20,0.34",
                    encoding="utf-8")
    df = read_export(path)
    assert df["revenue"].tolist() == [0.34, 0.34]
    assert not {"total_differs", "file_cut_off"} & _codes(df)


def test_rows_deleted_from_a_file_without_a_final_line_break_keep_its_last_value(tmp_path):
    """A GA4 export with a row deleted by hand and no final line break was said cut off, and
    its last revenue, 381.88, written with its cents like every other, was left missing: the
    revenue then lost 381.88 more. The rows not adding up are noted (total_differs), the
    last value kept: 5889.65 + 7260.12 + 4181.38 + 2166.09 + 1485.49 + 381.88 = 21364.61
    against the total's 27446.94 (the (direct) row's 4239.62 and the rows after bio-link's
    gone)."""
    lines = _CUT.split("\n")
    lines = [ln for ln in lines if not ln.startswith("(direct)")]
    lines[-1] = lines[-1][:-1] + "381.88"
    path = tmp_path / "ga4_traffic_acquisition_2026-10-01_2026-10-31.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    df = read_export(path)
    assert df["revenue"].iloc[-1] == 381.88 and "file_cut_off" not in _codes(df)
    note = next(q for q in df.attrs["quality"] if q["code"] == "total_differs")
    assert "'Total revenue' adds up to 21364.61, the total says 27446.94" in note["message"]


@pytest.mark.parametrize("european", [False, True])
def test_a_thousands_separator_is_no_decimals_that_make_the_last_value_look_cut(
        tmp_path, european):
    """The test above with (organic)'s revenue a whole 5,890 written with its thousands
    separator (5.890 in a ';' file with decimal commas): its ',890' was read as 3 decimals,
    381.88's 2 fewer, and the last value was left missing as cut off. The column's decimal
    mark, decided as its numbers are read, makes 5,890 a number of no decimals: the rows
    5890 + 7260.12 + 4181.38 + 2166.09 + 1485.49 + 381.88 = 21364.96 are noted, 381.88 kept."""
    lines = [ln for ln in _CUT.split("\n") if not ln.startswith("(direct)")]
    lines[-1] = lines[-1][:-1] + "381.88"
    lines = [ln.replace(",5889.65", ',"5,890"') for ln in lines]
    if european:
        lines = [ln.replace(",", ";").replace(".", ",").replace('"5;890"', "5.890")
                 for ln in lines]
    path = tmp_path / "ga4_traffic_acquisition_2026-10-01_2026-10-31.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    df = read_export(path)
    assert df["revenue"].iloc[0] == 5890 and df["revenue"].iloc[-1] == 381.88
    assert "file_cut_off" not in _codes(df)
    note = next(q for q in df.attrs["quality"] if q["code"] == "total_differs")
    assert "'Total revenue' adds up to 21364.96, the total says 27446.94" in note["message"]


def test_estimated_sessions_a_little_off_their_total_are_not_noted(tmp_path):
    """GA4 estimates sessions (HyperLogLog++): an untouched export's rows, 1000 + 2000 =
    3000, may stand against a total of 3050 (1.6 % off): no note; key events, counted
    exactly, 10 + 20 = 30 against 33 (beyond 1.5, the rounding the check allows any column
    of 2 rows and a total), are."""
    path = tmp_path / "ga4.csv"
    path.write_text("# Start date: 20261001\n# End date: 20261031\n"
                    "Session source / medium,Sessions,Key events\n"
                    "Grand total,3050,33\ngoogle / organic,1000,10\nbing / organic,2000,20\n",
                    encoding="utf-8")
    df = read_export(path)
    note = next(q for q in df.attrs["quality"] if q["code"] == "total_differs")
    assert "'Key events' adds up to 30" in note["message"]
    assert "Sessions" not in note["message"]


# A real GA4 report (NSTEM's) re-saved by a spreadsheet: ',' padding on the preamble, two lines
# of delimiters under the table, then notes typed under it (lines 20-27)
_NOTED = ["# ----------------------------------------,,,,,,,,,,",                    # 1
          "# Report CSV Export,,,,,,,,,,", "# Account: NSTEM,,,,,,,,,,",               # 2, 3
          "# Property: NSTEM Website - GA4,,,,,,,,,,",                                 # 4
          "# ----------------------------------------,,,,,,,,,,", "# ,,,,,,,,,,",      # 5, 6
          "# All Users,,,,,,,,,,", "# Start date: 20230625,,,,,,,,,,",                 # 7, 8
          "# End date: 20230702,,,,,,,,,,", ",,,,,,,,,,",                              # 9, 10
          "Session default channel group,Users,Sessions,Engaged sessions,Average engagement "
          "time per session,Engaged sessions per user,Events per session,Engagement rate,"
          "Event count,Conversions,Total revenue",                                     # 11
          "Organic Search,309,482,323,60.79045643,1.045307443,6.682572614,0.670124481,3221,0,0",
          "Direct,175,243,128,44.22222222,0.731428571,6.95473251,0.526748971,1690,0,0",
          "Referral,88,148,105,72.53378378,1.193181818,10.45945946,0.709459459,1548,0,0",
          "Organic Social,17,25,15,64.08,0.882352941,12.04,0.6,301,0,0",
          "Unassigned,5,6,0,15.33333333,0,3,0,18,0,0",
          "Email,2,3,2,17,1,4.333333333,0.666666667,13,0,0",                          # 17
          ",,,,,,,,,,", ",,,,,,,,,,",                                                  # 18, 19
          "Engagement rates compare ,,,,,,,,,,", "6/25-7/2,,,,,,,,,,",                 # 20, 21
          "0.670124481,,,,,,,,,,", "0.526748971,,,,,,,,,,", "0.709459459,,,,,,,,,,",
          "0.6,,,,,,,,,,", "0,,,,,,,,,,", "0.666666667,,,,,,,,,,"]                    # 22-27


def test_notes_under_a_report_after_blank_lines_are_not_read_and_their_lines_named(tmp_path):
    path = tmp_path / "data-export.csv"
    path.write_text("\n".join(_NOTED) + "\n", encoding="utf-8")
    ds = smm.load(tmp_path)
    # the six channels of lines 12-17, none of the notes (it gave 14 rows, 8 of them notes)
    assert ds.web["channel_group"].tolist() == ["Direct", "Email", "Organic Search",
                                                "Organic Social", "Referral", "Unassigned"]
    assert ds.web["sessions"].sum() == 482 + 243 + 148 + 25 + 6 + 3         # 907
    notes = ds.quality.set_index("code")["message"]
    assert notes["notes_under_table"].startswith("lines 20-27, under the table")
    assert "'Engagement rates compare', '6/25-7/2', '0.670124481' and 5 more" in notes[
        "notes_under_table"]
    assert "blank_rows_skipped" not in notes.index     # the table ends at the blank lines


def test_rows_with_no_metric_value_right_under_a_report_are_not_channels(tmp_path):
    """No blank line between the rows and the notes: rows with every metric cell empty and no
    known channel group are not read (lines 18-25); a known channel's such row is kept."""
    path = tmp_path / "data-export.csv"
    path.write_text("\n".join([*_NOTED[:17], *_NOTED[19:], "Paid Search,,,,,,,,,,"]) + "\n",
                    encoding="utf-8")
    df = read_export(path)
    assert len(df) == 7 and df["sessions"].sum() == 907         # the six channels + Paid Search
    assert df.loc[df["channel_group"] == "Paid Search", "sessions"].isna().all()
    notes = [q["message"] for q in df.attrs["quality"] if q["code"] == "rows_without_values"]
    assert notes == [
        "8 rows hold no value in any metric column ('Engagement rates compare', '6/25-7/2', "
        "'0.670124481') and no known channel group: not read: lines 18, 19, 20, 21, 22 and 3 "
        "more",
        "1 row holds no value in any metric column ('Paid Search') and a known channel group: "
        "kept, its values missing: line 26"]


def test_a_table_of_several_dimensions_names_them_all_in_its_breakdown(tmp_path):
    # roi() by campaign must know this table carries campaigns and no source: it was
    # "campaign" alone, and a table by source / medium of the same dates "more detailed"
    path = tmp_path / "ga4_campaign.csv"
    path.write_text("# Start date: 20261001\n# End date: 20261031\n"
                    "Session campaign,Session default channel group,Sessions,Engaged sessions,"
                    "Key events,Total revenue\n"
                    "Automne 2026,Paid Social,4000,2000,230,12000.00\n"
                    "(not set),Organic Social,1000,500,20,2000.00\n", encoding="utf-8")
    (df,) = read_file(path)
    assert df["breakdown"].unique().tolist() == ["campaign+channel_group"]
    assert df["campaign"].tolist() == ["Automne 2026", "(not set)"]


def test_iso_days_of_a_re_saved_export_are_read_and_noted(tmp_path):
    # Looker Studio or a spreadsheet writes 2026-10-01 for GA4's 20261001: refused before
    # ("cell is not a date; expected YYYYMMDD"), the month then had no GA4 data
    path = tmp_path / "looker_ga4.csv"
    path.write_text("Date,Session source / medium,Sessions,Engaged sessions,Key events,"
                    "Total revenue\n2026-10-01,instagram / paid,100,50,5,500.00\n"
                    "20261002,facebook / paid,100,50,5,500.00\n"
                    "Oct 3 2026,google / organic,100,50,5,500.00\n", encoding="utf-8")
    (df,) = read_file(path)
    assert df["date"].tolist() == [pd.Timestamp(f"2026-10-0{d}") for d in (1, 2, 3)]
    assert "dates_not_ga4_form" in _codes(df)      # two cells not GA4's own form


@pytest.mark.parametrize(("cell", "source", "medium"), [
    # GA4's separator has spaces: the first '/' made the source 'android-app:'
    ("android-app://com.linkedin.android / referral", "android-app://com.linkedin.android",
     "referral"),
    ("google / organic", "google", "organic"),
    ("google/organic", "google", "organic"),              # typed by a hand, no spaces
    ("example.com/blog / referral", "example.com/blog", "referral"),
    ("(direct)", "(direct)", None),
])
def test_source_medium_is_split_on_ga4s_separator(cell, source, medium):
    from smmanalytics.loaders.ga4 import _source_medium

    s, m = _source_medium(pd.Series([cell], dtype="string"))
    assert s.iloc[0] == source
    assert (pd.isna(m.iloc[0]) if medium is None else m.iloc[0] == medium)


def test_a_user_acquisition_export_is_read_with_its_first_user_scope(tmp_path):
    # 'First user source / medium' was no known dimension: read as a custom channel group,
    # Instagram's and Facebook's paid rows left out (revenue 2000 of 14000 social)
    path = tmp_path / "ga4_user_acq.csv"
    path.write_text("# Start date: 20261001\n# End date: 20261031\n"
                    "First user source / medium,Total users,New users,Key events,Total revenue\n"
                    "instagram / paid,1500,1300,150,8000.00\n"
                    "facebook / paid,1000,900,80,4000.00\n", encoding="utf-8")
    (df,) = read_file(path)
    assert df["source"].tolist() == ["instagram", "facebook"]
    assert df["medium"].tolist() == ["paid", "paid"]
    assert df["breakdown"].unique().tolist() == ["first_user:source_medium"]
    assert {"first_user_scope"} <= _codes(df) and "custom_dimension" not in _codes(df)


def test_sources_a_table_without_channel_group_leaves_out_are_named_in_the_quality_log(
        tmp_path):
    # without a channel group, GA4's rule decides what is social: a social site it does not
    # know was left out unseen. By hand: example.org 120 + 15 sessions, revenue 30 + 4.5;
    # (direct), google and search engines by their site (ecosia.org, the sample's) are known
    # not social; instagram counted
    path = tmp_path / "ga4_sm.csv"
    path.write_text("# Start date: 20261001\n# End date: 20261031\n"
                    "Session source / medium,Sessions,Engaged sessions,Key events,Total revenue\n"
                    "instagram / social,200,100,5,50.00\ngoogle / organic,300,150,9,90.00\n"
                    "(direct) / (none),80,40,1,10.00\nexample.org / referral,120,60,2,30.00\n"
                    "ecosia.org / organic,40,20,1,12.00\nsearch.yahoo.com / organic,7,3,0,0.00\n"
                    "example.org / newsletter,15,5,0,4.50\nnewsite.example / referral,10,5,0,"
                    "0.00\n", encoding="utf-8")
    (df,) = read_file(path)
    messages = [q["message"] for q in df.attrs["quality"] if q["code"] == "sources_not_social"]
    assert messages == [
        "2 sources of no channel group not counted as social traffic (neither a known social "
        "site nor a social medium), the largest with their sessions and revenue: example.org "
        "(135, 34.50), newsite.example (10, 0.00)"]


# ---- the GA4 property (website) of each export

def _october_report(property_line: str | None, sessions: int, revenue: float) -> str:
    """A Traffic acquisition export of October 2026 (facebook / social ``sessions``,
    ``revenue``), its preamble naming the property by ``property_line`` (None: no line)."""
    lines = ["# ----------------------------------------",
             "# Traffic acquisition: Session source / medium", "# Account: Maison Sève",
             *([property_line] if property_line else []),
             "# ----------------------------------------", "# ", "# All Users",
             "# Start date: 20261001", "# End date: 20261031",
             "Session source / medium,Sessions,Engaged sessions,Key events,Total revenue",
             f"facebook / social,{sessions},{sessions // 2},{sessions // 10},{revenue:.2f}"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("line,expected", [
    ("# Property: maisonseve.fr - GA4", "maisonseve.fr"),
    ("# Propriété : maisonseve.fr - GA4", "maisonseve.fr"),
    ("# Proprietà: maisonseve.it - GA4", "maisonseve.it"),
    ("# Property: Maison Sève (boutique)", "Maison Sève (boutique)"),    # no GA4 suffix
    (None, None),
])
def test_the_property_of_the_preamble_is_each_rows_property(tmp_path, line, expected):
    path = tmp_path / "ga4.csv"
    path.write_text(_october_report(line, 100, 1000.0), encoding="utf-8")
    (df,) = read_file(path)
    validate(df, "web")
    assert df["property"].dtype == "string"
    assert df["property"].tolist() == [pd.NA if expected is None else expected]


def test_the_fixtures_properties_and_a_chart_table_takes_its_reports():
    # the fixtures' preambles: "maisonseve.com - GA4" (EN, whose chart table has no property
    # line of its own: the report's), "maisonseve.fr - GA4" (FR), "maisonseve.it - GA4" (IT)
    first, chart = read_file(FIX / "traffic_acquisition_en.csv")
    assert set(first["property"]) == set(chart["property"]) == {"maisonseve.com"}
    assert set(read_export(FIX / "acquisition_trafic_fr.csv")["property"]) == {"maisonseve.fr"}
    assert set(read_export(FIX / "acquisizione_traffico_it.csv")["property"]) == {
        "maisonseve.it"}


@settings(max_examples=30, deadline=None)
@given(name=st.text(st.sampled_from("abcdeèz019.-_ ()"), min_size=1, max_size=30)
       .filter(str.strip))
def test_any_property_name_is_read_as_written(name):
    """A property's name is read as written, spaces around it and the setup assistant's
    " - GA4" suffix left out."""
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "ga4.csv"
        path.write_text(_october_report(f"# Property: {name} - GA4", 100, 1000.0),
                        encoding="utf-8")
        (df,) = read_file(path)
    assert df["property"].tolist() == [name.strip()]


def _brand_folder(tmp_path: Path, reports: dict[str, str]) -> Path:
    d = tmp_path / "brand"
    d.mkdir()
    (d / "brand.yaml").write_text("name: Maison Sève\ntimezone: Europe/Paris\ncurrency: EUR\n",
                                  encoding="utf-8")
    for name, text in reports.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def test_two_properties_of_one_brand_add_up_and_are_noted(tmp_path):
    """maisonseve.fr's October (facebook / social 100 sessions, €1,000) and maisonseve.it's
    (facebook / social 40, €400): two websites' traffic, both the brand's. October: 100 + 40
    = 140 sessions, 1,000 + 400 = €1,400 (the merge kept the .it row alone: 40 / €400), each
    row knowing its property; an info note names the two properties."""
    d = _brand_folder(tmp_path, {
        "ga4_traffic_acquisition_fr.csv": _october_report("# Property: maisonseve.fr - GA4",
                                                          100, 1000.0),
        "ga4_traffic_acquisition_it.csv": _october_report("# Property: maisonseve.it - GA4",
                                                          40, 400.0)})
    ds = smm.load(d, cache=False)
    assert ds.web.set_index("property")["sessions"].to_dict() == {
        "maisonseve.fr": 100.0, "maisonseve.it": 40.0}
    r = smm.roi(ds, "2026-10").loc[0]
    assert (r["sessions"], r["revenue"]) == (140.0, 1400.0)
    assert "overlap" not in (r["note"] or "")
    notes = ds.quality[ds.quality["code"] == "ga4_properties"]
    assert notes["message"].tolist() == [
        "GA4 exports of 2 properties (maisonseve.fr, maisonseve.it): their traffic is added"]
    assert notes["level"].tolist() == ["info"]
    assert notes["file"].str.endswith("ga4_traffic_acquisition_it.csv").all()


def test_one_propertys_two_exports_of_one_range_count_once(tmp_path):
    """maisonseve.fr's October exported twice (the second download re-saved: other bytes,
    the same row) beside maisonseve.it's: the .fr rows are one, 100 + 40 = 140 sessions,
    €1,400, not 240 / €2,400; one property's exports are still re-exports of each other."""
    fr = _october_report("# Property: maisonseve.fr - GA4", 100, 1000.0)
    d = _brand_folder(tmp_path, {
        "ga4_fr.csv": fr, "ga4_fr (1).csv": fr.replace("\n", "\r\n"),
        "ga4_it.csv": _october_report("# Property: maisonseve.it - GA4", 40, 400.0)})
    ds = smm.load(d, cache=False)
    assert len(ds.web) == 2
    r = smm.roi(ds, "2026-10").loc[0]
    assert (r["sessions"], r["revenue"]) == (140.0, 1400.0)


def test_exports_without_a_property_line_merge_as_one_propertys(tmp_path):
    """Two exports of one October whose preambles name no property (cut by hand): rows of
    no property are one property's, so the rows of one key are one row, the later file's
    (40 / €400), as before properties were read; no property note."""
    d = _brand_folder(tmp_path, {"ga4_a.csv": _october_report(None, 100, 1000.0),
                                 "ga4_b.csv": _october_report(None, 40, 400.0)})
    ds = smm.load(d, cache=False)
    assert ds.web["property"].isna().all() and len(ds.web) == 1
    r = smm.roi(ds, "2026-10").loc[0]
    assert (r["sessions"], r["revenue"]) == (40.0, 400.0)
    assert "ga4_properties" not in set(ds.quality["code"])


_BY_DAY = "Session source / medium,Date,Sessions,Key events"


@pytest.mark.parametrize("rows,named", [
    # preamble on lines 1-9, header on 10, the rows from 11. The days were read before the
    # figures: 32 July on line 12 was named where 'lots' of key events on line 11 came first
    ([_BY_DAY, "google / organic,20260701,1000,lots", "instagram / social,20260732,200,10"],
     (11, "Key events", "lots")),
    # the figures field by field, sessions first: line 12's sessions before line 11's events
    ([_BY_DAY, "google / organic,20260701,1000,lots", "instagram / social,20260702,many,10"],
     (11, "Key events", "lots"))])
def test_of_two_bad_cells_the_first_in_the_file_is_named(tmp_path, rows, named):
    path = tmp_path / "ga4.csv"
    path.write_text("\n".join([*_PREAMBLE, *rows]) + "\n", encoding="utf-8")
    with pytest.raises(ParseError) as e:
        read_export(path)
    assert (e.value.line, e.value.column, e.value.got) == named


def test_of_two_bad_cells_of_a_chart_the_first_in_the_file_is_named(tmp_path):
    """The chart under the table (its header on line 18, rows from 19): the day indexes were
    read before the sessions, and 'day 2' on line 20 was named where 'lots' came first."""
    path = tmp_path / "ga4.csv"
    path.write_text(_with_chart(["0000,lots", "day 2,35"]), encoding="utf-8")
    with pytest.raises(ParseError) as e:
        read_export(path)
    assert (e.value.line, e.value.column, e.value.got) == (19, "Sessions", "lots")


@settings(max_examples=25, deadline=None)
@given(bad=st.lists(st.tuples(st.integers(11, 14), st.integers(1, 3)), min_size=2, max_size=3,
                    unique=True))
def test_of_any_bad_cells_of_a_table_by_day_the_first_in_the_file_is_named(bad):
    """A table by source and day under the preamble (rows on lines 11 to 14) with bad cells
    anywhere (``20260732`` for a day, ``lots`` for a figure): the one named is the least
    (line, column) of them."""
    rows = [["google / organic", f"2026070{d}", str(100 * d), str(d)] for d in range(1, 5)]
    for line, col in bad:
        rows[line - 11][col] = "20260732" if col == 1 else "lots"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ga4.csv"
        path.write_text("\n".join([*_PREAMBLE, _BY_DAY, *(",".join(r) for r in rows)]) + "\n",
                        encoding="utf-8")
        with pytest.raises(ParseError) as e:
            read_export(path)
    line, col = min(bad)
    assert (e.value.line, e.value.column) == (line, _BY_DAY.split(",")[col])


def test_the_grand_total_is_not_counted_among_the_counts_read_as_thousands(tmp_path):
    """Sessions written '1.250' (the Grand total, line 11) and '1.000' beside 250, in an
    English export: both read as thousands, a count having no decimals. The Grand total row
    is dropped, so the note counts and names only the row read (line 12), not 2 rows."""
    path = tmp_path / "ga4.csv"
    path.write_text("\n".join([*_PREAMBLE, "Session source / medium,Sessions,Key events",
                               "Grand total,1.250,40", "google / organic,1.000,30",
                               "(direct) / (none),250,10"]) + "\n", encoding="utf-8")
    df = read_export(path)
    assert df["sessions"].tolist() == [1000, 250]
    (note,) = [q for q in df.attrs["quality"] if q["code"] == "counts_dot_thousands"]
    # line 10 is the header under the 9 preamble lines; the Grand total is on line 11
    assert note["rows"] == 1
    assert "'Sessions' (line 12: '1.000' read as 1,000);" in note["message"]
    assert "'1.250'" not in note["message"]
