"""Brand settings built in code, as an analyst does for a Dataset of their own frames."""

from __future__ import annotations

import pandas as pd
import pytest

import smmanalytics as smm


@pytest.mark.parametrize("kwargs,message", [
    ({"timezone": "Paris"}, "argument 'timezone': not an IANA time zone: 'Paris'"),
    ({"timezone": ""}, "argument 'timezone': not an IANA time zone: ''"),
    ({"language": "de"}, "argument 'language': not a report language; expected one of en, "
     "fr, it; got 'de'"),
])
def test_a_brand_with_a_zone_or_language_no_report_takes_is_refused(kwargs, message):
    # Brand(timezone="Paris") was taken, and roi, compare, alerts… of its Dataset then raised
    # zoneinfo's ZoneInfoNotFoundError
    with pytest.raises(smm.ArgumentError, match=message):
        smm.Brand(name="Acme", **kwargs)


def test_a_brand_zone_sets_the_days_of_a_dataset():
    # 23:30 UTC on 31 October is 1 November in Paris: October has no post there
    posts = pd.DataFrame({"platform": ["instagram"], "post_id": ["1"],
                          "published_at": pd.to_datetime(["2026-10-31 23:30"], utc=True)})
    paris = smm.Dataset(posts=posts, brand=smm.Brand(name="Acme", timezone="Europe/Paris"))
    utc = smm.Dataset(posts=posts, brand=smm.Brand(name="Acme", timezone="UTC"))
    assert paris.posts_in("2026-10").empty and len(paris.posts_in("2026-11")) == 1
    assert len(utc.posts_in("2026-10")) == 1


def test_a_brand_yaml_industry_the_benchmarks_do_not_know_is_refused_when_read(tmp_path):
    """brand.yaml's industry chooses the benchmark rows of the report; "beauty" (for
    health_beauty) compared the brand with all industries, said in a footnote. It is refused
    when the file is read, naming the file, the key, the industries known and what came; a
    known one is taken in any case."""
    from smmanalytics.benchmarks import benchmark_industries
    from smmanalytics.brand import read_brand

    path = tmp_path / "brand.yaml"
    path.write_text("name: Acme\nindustry: beauty\n", encoding="utf-8")
    with pytest.raises(smm.ConfigError) as err:
        read_brand(path)
    assert str(err.value) == (
        f"file {path}, column 'industry': no benchmark has this industry; expected one of "
        f"{', '.join(benchmark_industries())} (any case); got 'beauty'")
    path.write_text("name: Acme\nindustry: Health_Beauty\n", encoding="utf-8")
    assert read_brand(path).industry == "health_beauty"
    path.write_text("name: Acme\n", encoding="utf-8")
    assert read_brand(path).industry == "all"
