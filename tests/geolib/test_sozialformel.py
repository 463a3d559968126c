"""geolib.sozialformel: hand-computed scalings and combinations, groups, protection, checks."""

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from geolib._table import normalise_keys, read_table
from geolib.errors import DataError, EmptyInputError, FieldError, ParameterError, SourceError
from geolib.io import SYNTHETIC_LABEL
from geolib.sozialformel import (
    PINNEBERG_PRESET,
    class_breaks,
    join_areas,
    load_config,
    parse_years,
    read_groups,
    read_indicator_table,
    sozialformel,
    validity_report_html,
)


def _table(nums, dens=None, *, keys=None, year=2023, extra=None):
    n = len(nums)
    data = {
        "ags": keys or [f"0105600{i + 1}" for i in range(n)],
        "name": [f"G{i + 1}" for i in range(n)],
        "year": [year] * n,
        "x": list(nums),
        "n": list(dens or [100] * n),
    }
    data.update(extra or {})
    return pd.DataFrame(data)


def _cfg(indicators=None, **top):
    indicators = indicators or [{"name": "a", "numerator": "x", "denominator": "n"}]
    return {
        "indicators": indicators,
        "post_scaling": "none",
        "threshold": 0,
        "min_denominator": 0,
        **top,
    }


def _scaled(table, cfg, col="a_scaled"):
    res = sozialformel(table, config=cfg, validity=False)
    return res.table.sort_values("ags")[col].tolist()


# --- scaling, by hand -------------------------------------------------------------------------

RATES = [10, 20, 40]  # per 100 → rates 10 %, 20 %, 40 %


def test_minmax_by_hand():
    assert _scaled(_table(RATES), _cfg(scaling="minmax")) == pytest.approx([0, 100 / 3, 100])


def test_minmax_reversed_by_hand():
    cfg = _cfg([{"name": "a", "numerator": "x", "denominator": "n", "reverse": True}])
    assert _scaled(_table(RATES), cfg) == pytest.approx([100, 200 / 3, 0])


def test_minmax_against_bounds_by_hand():
    cfg = _cfg(
        [{"name": "a", "numerator": "x", "denominator": "n", "bounds": [0, 50]}],
        scaling="minmax_reference",
    )
    assert _scaled(_table(RATES), cfg) == pytest.approx([20, 40, 80])


def test_minmax_against_reference_year_by_hand():
    # 2022: rates 10, 30, 50 → the 2023 rates are scaled with min 10 and max 50
    table = pd.concat([_table([10, 30, 50], year=2022), _table(RATES)], ignore_index=True)
    res = sozialformel(
        table, config=_cfg(scaling="minmax_reference", reference_year=2022), validity=False
    )
    got = res.table[res.table.year == 2023].sort_values("ags")["a_scaled"].tolist()
    assert got == pytest.approx([0, 25, 75])


def test_zscore_by_hand():
    mean = (10 + 20 + 40) / 3
    sd = math.sqrt(((10 - mean) ** 2 + (20 - mean) ** 2 + (40 - mean) ** 2) / 3)
    expected = [(10 - mean) / sd, (20 - mean) / sd, (40 - mean) / sd]
    assert _scaled(_table(RATES), _cfg(scaling="zscore")) == pytest.approx(expected)
    assert expected == pytest.approx([-1.0690, -0.2673, 1.3363], abs=1e-4)


def test_percentile_rank_and_raw_by_hand():
    table = _table([10, 20, 20, 40])
    assert _scaled(table, _cfg(scaling="percentile")) == pytest.approx([0, 50, 50, 100])
    assert _scaled(table, _cfg(scaling="rank")) == pytest.approx([1, 2.5, 2.5, 4])
    assert _scaled(table, _cfg(scaling="raw")) == pytest.approx([10, 20, 20, 40])


def test_per_indicator_scaling_overrides_the_global_one():
    cfg = _cfg(
        [
            {"name": "a", "numerator": "x", "denominator": "n", "scaling": "rank"},
            {"name": "b", "numerator": "x", "denominator": "n"},
        ],
        scaling="raw",
    )
    res = sozialformel(_table(RATES), config=cfg, validity=False).table
    assert res["a_scaled"].tolist() == [1, 2, 3]
    assert res["b_scaled"].tolist() == [10, 20, 40]


def test_mean_kind_income_per_taxpayer():
    table = _table([3_000_000, 4_000_000], [100, 100])
    cfg = _cfg(
        [{"name": "eink", "numerator": "x", "denominator": "n", "kind": "mean"}], scaling="raw"
    )
    res = sozialformel(table, config=cfg, validity=False).table
    assert res["eink_rate"].tolist() == [30_000, 40_000]


# --- combinations, by hand ------------------------------------------------------------------


def _two(combination, a=(10, 20, 40), b=(20, 5, 10), scaling="raw"):
    table = _table(list(a), extra={"y": list(b)})
    cfg = _cfg(
        [
            {"name": "a", "numerator": "x", "denominator": "n", "weight": 1},
            {"name": "b", "numerator": "y", "denominator": "n", "weight": 3},
        ],
        scaling=scaling,
        combination=combination,
    )
    return sozialformel(table, config=cfg, validity=False).table["index_value"].tolist()


def test_weighted_mean_by_hand():
    assert _two("weighted_mean") == pytest.approx([17.5, 8.75, 17.5])


def test_sum_by_hand():
    assert _two("sum") == pytest.approx([70, 35, 70])


def test_geometric_mean_by_hand():
    expected = [10**0.25 * 20**0.75, 20**0.25 * 5**0.75, 40**0.25 * 10**0.75]
    assert _two("geometric_mean") == pytest.approx(expected)
    assert expected[0] == pytest.approx(16.8179, abs=1e-4)


def test_product_by_hand():
    assert _two("product") == pytest.approx([10 * 20**3, 20 * 5**3, 40 * 10**3])


def test_geometric_mean_refuses_negative_values():
    with pytest.raises(DataError, match=r"weighted geometric mean needs scaled values of 0"):
        _two("geometric_mean", scaling="zscore")


def test_post_scaling_to_0_100_and_against_reference():
    table = pd.concat([_table([10, 30, 50], year=2022), _table(RATES)], ignore_index=True)
    res = sozialformel(table, config=_cfg(post_scaling="minmax"), validity=False).table
    assert res[res.year == 2023]["index_value"].tolist() == pytest.approx([0, 100 / 3, 100])
    cfg = _cfg(scaling="raw", post_scaling="minmax_reference", reference_year=2022)
    res = sozialformel(table, config=cfg, validity=False).table
    assert res[res.year == 2023]["index_value"].tolist() == pytest.approx([0, 25, 75])


# --- ranks, classes, change ----------------------------------------------------------------


def test_rank_percentile_class_and_change_against_previous_year():
    table = pd.concat(
        [_table([10, 20, 40], year=2022), _table([30, 20, 10], year=2023)], ignore_index=True
    )
    cfg = _cfg(scaling="raw", classes={"method": "custom", "breaks": [15, 25]})
    res = sozialformel(table, config=cfg, validity=False)
    t = res.table.set_index(["ags", "year"])
    assert t.loc[("01056001", 2023), "index_rank"] == 1
    assert t.loc[("01056003", 2023), "index_rank"] == 3
    assert t.loc[("01056001", 2023), "index_percentile"] == pytest.approx(100)
    assert t.loc[("01056001", 2023), "index_change"] == pytest.approx(20)
    assert t.loc[("01056001", 2023), "rank_change"] == 2  # from rank 3 up to rank 1
    assert t.loc[("01056003", 2023), "rank_change"] == -2
    assert t.loc[("01056002", 2023), "rank_change"] == 0
    # no previous year: empty, not zero
    assert t.loc[("01056001", 2022), "index_change"] != t.loc[("01056001", 2022), "index_change"]
    assert pd.isna(t.loc[("01056001", 2022), "rank_change"])
    assert t.xs(2023, level="year")["index_class"].tolist() == [3, 2, 1]
    assert res.breaks[2023] == [10, 15, 25, 30]


def test_class_breaks_by_hand():
    x = np.array([1.0, 2, 3, 10, 11, 12, 20, 21, 22])
    assert class_breaks(x, method="natural_breaks", count=3) == [1, 3, 12, 22]
    assert class_breaks(x, method="equal_interval", count=3) == pytest.approx([1, 8, 15, 22])
    assert class_breaks(np.arange(1.0, 6), method="quantile", count=4) == [1, 2, 3, 4, 5]
    mean, sd = x.mean(), x.std()
    got = class_breaks(x, method="stddev", count=4)
    assert got == pytest.approx([1, mean - sd, mean, mean + sd, 22])
    assert class_breaks(x, method="custom", custom=[5, 15]) == [1, 5, 15, 22]


# --- groups ------------------------------------------------------------------------------------


def test_groups_pool_counts_not_rates_and_use_the_units_scaling():
    # A: 1 of 10 (10 %), B: 30 of 90 (33.3 %), C: 50 of 100 (50 %), D: 20 of 100 (20 %)
    table = _table([1, 30, 50, 20], [10, 90, 100, 100])
    groups = pd.DataFrame(
        {
            "ags": ["01056001", "01056002", "01056003", "01056004"],
            "amt": ["AB", "AB", "C", "C"],
            "kreis": "K",
        }
    )
    cfg = _cfg(scaling="minmax", threshold=3, min_denominator=5)
    res = sozialformel(table, config=cfg, groups=groups, validity=False)
    g = res.groups.set_index(["grouping", "group_name"])
    assert g.loc[("amt", "AB"), "a_rate"] == pytest.approx(31.0)  # 31 / 100, not 21.7
    assert g.loc[("amt", "AB"), "n_units"] == 2
    assert g.loc[("kreis", "K"), "a_rate"] == pytest.approx(101 / 300 * 100)
    # scaled with the units' min and max, of the published units only (A is withheld,
    # B its complement in AB): 20 and 50
    published = res.table.loc[res.table["a_suppressed"] == 0, "a_rate"]
    assert sorted(published) == pytest.approx([20, 50])
    lo, hi = published.min(), published.max()
    assert g.loc[("amt", "AB"), "a_scaled"] == pytest.approx((31 - lo) / (hi - lo) * 100)
    # A's own count is suppressed, yet it counts in its group
    unit_a = res.table.set_index("ags").loc["01056001"]
    assert pd.isna(unit_a["a_num"]) and pd.isna(unit_a["a_rate"]) and unit_a["a_suppressed"] == 1
    assert g.loc[("amt", "AB"), "a_num"] == 31
    assert g.loc[("amt", "AB"), "index_rank"] == 2 and g.loc[("amt", "C"), "index_rank"] == 1


def test_group_percentile_is_placed_among_the_units():
    table = _table([10, 20, 30, 40], [100, 100, 100, 100])
    groups = pd.DataFrame({"ags": table["ags"], "g": ["x", "x", "y", "y"]})
    res = sozialformel(table, config=_cfg(scaling="percentile"), groups=groups, validity=False)
    g = res.groups.set_index("group_name")
    # x: 15 % lies between 10 and 20 → rank 2 of 5 → 100 × 1/4
    assert g.loc["x", "a_scaled"] == pytest.approx(25)
    assert g.loc["y", "a_scaled"] == pytest.approx(75)


def test_group_rows_without_a_key_are_skipped_with_a_note(tmp_path):
    # a spreadsheet export ends with empty rows: not "keys listed more than once"
    path = tmp_path / "gruppen.csv"
    path.write_text("ags;g\n01056001;x\n01056002;x\n01056003;y\n;\n;\n", encoding="utf-8")
    res = sozialformel(_table(RATES), config=_cfg(), groups=read_groups(path), validity=False)
    assert res.groups.set_index("group_name")["n_units"].to_dict() == {"x": 2, "y": 1}
    assert "2 rows of the group table have no key and were skipped." in res.notes


def test_numeric_group_codes_keep_their_written_form():
    # a spreadsheet column of region numbers with a unit in no region reads as 1.0, 2.0, NaN
    table = _table([10, 20, 30, 40], [100, 100, 100, 100])
    groups = pd.DataFrame({"ags": table["ags"], "region": [1.0, 1.0, 2.0, np.nan]})
    res = sozialformel(table, config=_cfg(), groups=groups, validity=False)
    assert sorted(res.groups["group_name"]) == ["1", "2"]
    assert res.members["region"].tolist()[:3] == ["1", "1", "2"]
    assert pd.isna(res.members["region"].iloc[3])
    # codes that are not whole numbers stay as they are
    groups["region"] = [1.5, 1.5, 2.25, np.nan]
    res = sozialformel(table, config=_cfg(), groups=groups, validity=False)
    assert sorted(res.groups["group_name"]) == ["1.5", "2.25"]


# --- data protection ----------------------------------------------------------------------------


def test_suppression_flags_and_nulls_never_zero():
    table = _table([0, 2, 5, 30], [100, 100, 8, 100])
    groups = pd.DataFrame({"ags": table["ags"], "g": ["small", "small", "big", "big"]})
    cfg = _cfg(threshold=3, min_denominator=10, scaling="minmax")
    res = sozialformel(table, config=cfg, groups=groups, validity=False)
    t = res.table.set_index("ags")
    for ags in ("01056001", "01056002"):  # counts 0 and 2 below 3
        assert pd.isna(t.loc[ags, "a_num"]) and pd.isna(t.loc[ags, "a_rate"])
        assert pd.isna(t.loc[ags, "a_scaled"]) and t.loc[ags, "a_suppressed"] == 1
        assert t.loc[ags, "a_suppression"] == "primary"
    # 5 of 8: a count above 3 but a denominator below 10; the count goes too (5 / 8 = rate)
    assert pd.isna(t.loc["01056003", "a_rate"]) and pd.isna(t.loc["01056003", "a_num"])
    assert t.loc["01056003", "a_den"] == 8 and t.loc["01056003", "a_suppression"] == "primary"
    # 30 of 100 is the only other member of 'big': its count would give 5 as 35 - 30
    assert t.loc["01056004", "a_suppression"] == "secondary" and pd.isna(t.loc["01056004", "a_num"])
    assert not (t[["a_num", "a_rate", "a_scaled"]] == 0).any().any()
    # every value of the year is withheld: the scaling has no published bounds, so no
    # unit gets an index (before: all got the middle of the scale, 50) and a note says why
    assert t["index_value"].isna().all()
    assert any(n.startswith("In 2023 no value of 'a' is published") for n in res.notes)
    g = res.groups.set_index("group_name")
    assert pd.isna(g.loc["small", "a_num"]) and g.loc["small", "a_suppressed"] == 1
    assert g.loc["big", "a_rate"] == pytest.approx(35 / 108 * 100)
    assert g.loc["big", "a_suppression"] == "none"
    assert any("Data protection" in n for n in res.notes)
    assert any("suppress_index = false" in n for n in res.notes)


def test_a_year_without_any_published_value_says_why_its_index_is_empty():
    # 2022: every count below the threshold of 3, so nothing is published and the
    # scaling has no statistics that year; 2023 is published in full
    table = pd.concat(
        [_table([1, 2, 1], [100, 100, 100], year=2022), _table([30, 40, 50], year=2023)],
        ignore_index=True,
    )
    res = sozialformel(table, config=_cfg(threshold=3), validity=False)
    by_year = res.table.groupby("year")["index_value"]
    assert by_year.count().to_dict() == {2022: 0, 2023: 3}
    assert (
        "In 2022 no value of 'a' is published (all are withheld for data protection): its "
        "scaling has no statistics for that year, so that year's index is empty. Pool small "
        "units (a group table) or leave that year out (YEARS)."
    ) in res.notes
    assert not any("In 2023 no value" in n for n in res.notes)


def test_a_year_without_a_fully_published_area_says_why_its_index_is_empty():
    # 2022: every area has one of its two indicators withheld (counts below 3), each
    # indicator has published values (so it is scaled), but the post-scaling to 0–100
    # takes its bounds from areas whose values are all published: none that year
    two = [
        {"name": "a", "numerator": "x", "denominator": "n"},
        {"name": "b", "numerator": "y", "denominator": "n"},
    ]
    table = pd.concat(
        [
            _table([1, 30, 1, 50], year=2022, extra={"y": [30, 1, 40, 1]}),
            _table([30, 40, 50, 60], year=2023, extra={"y": [30, 40, 50, 60]}),
        ],
        ignore_index=True,
    )
    cfg = _cfg(two, threshold=3, post_scaling="minmax", suppress_index=False)
    res = sozialformel(table, config=cfg, validity=False)
    assert res.table.groupby("year")["index_value"].count().to_dict() == {2022: 0, 2023: 4}
    assert res.table.loc[res.table["year"] == 2022, "a_scaled"].notna().any()
    assert any(n.startswith("In 2022 no area has all its values published") for n in res.notes)
    assert not any(n.startswith("In 2023 no area") for n in res.notes)


def test_suppress_index_withholds_the_index_of_flagged_rows():
    table = _table([1, 20, 40])
    res = sozialformel(
        table, config=_cfg(threshold=3, suppress_index=True, scaling="raw"), validity=False
    )
    t = res.table.set_index("ags")
    assert pd.isna(t.loc["01056001", "index_value"]) and t.loc["01056001", "index_suppressed"] == 1
    assert t.loc["01056002", "index_value"] == pytest.approx(20)


def test_unpublished_result_keeps_the_values():
    res = sozialformel(_table([1, 20, 40]), config=_cfg(threshold=3), publish=False, validity=False)
    assert res.table["a_num"].tolist() == [1, 20, 40]
    assert res.table["a_suppressed"].sum() == 0


# --- missing values and outliers ---------------------------------------------------------------


def _with_gap():
    t22 = _table([10, 20, 40], year=2022)
    t23 = _table([12, 22, 44], year=2023)
    t23.loc[1, "x"] = np.nan
    return pd.concat([t22, t23], ignore_index=True)


def test_missing_refused_by_default_with_the_unit_named():
    with pytest.raises(DataError, match=r"missing values .* G2 \(01056002\) 2023.*missing = drop"):
        sozialformel(_with_gap(), config=_cfg(), validity=False)


def test_missing_drop_carry_and_group_mean_are_reported():
    dropped = sozialformel(_with_gap(), config=_cfg(missing="drop"), validity=False)
    row = dropped.table.set_index(["ags", "year"]).loc[("01056002", 2023)]
    assert pd.isna(row["index_value"]) and any("left out" in n for n in dropped.notes)
    carried = sozialformel(_with_gap(), config=_cfg(missing="carry"), validity=False)
    row = carried.table.set_index(["ags", "year"]).loc[("01056002", 2023)]
    assert row["a_rate"] == pytest.approx(20) and row["imputed"] == "carried"
    assert any("carried forward" in n for n in carried.notes)
    groups = pd.DataFrame({"ags": ["01056001", "01056002", "01056003"], "g": ["a", "a", "b"]})
    imputed = sozialformel(
        _with_gap(), config=_cfg(missing="group_mean"), groups=groups, validity=False
    )
    row = imputed.table.set_index(["ags", "year"]).loc[("01056002", 2023)]
    assert row["a_rate"] == pytest.approx(12) and row["imputed"] == "group_mean"
    assert any("mean rate of the other members of their group" in n for n in imputed.notes)


def test_group_mean_with_no_value_in_the_whole_year_says_so():
    # an indicator collected only from 2023 on: 2022 has no unit to take a mean from
    table = _with_gap().assign(y=[np.nan] * 3 + [1, 2, 3], x=[10, 20, 40, 12, 22, 44])
    indicators = [
        {"name": "a", "numerator": "x", "denominator": "n"},
        {"name": "b", "numerator": "y", "denominator": "n"},
    ]
    res = sozialformel(table, config=_cfg(indicators, missing="group_mean"), validity=False)
    lost = res.table[res.table["year"] == 2022]
    assert lost["index_value"].isna().all() and (lost["imputed"] == "").all()
    assert not any("mean rate" in n for n in res.notes)
    assert any(
        "3 unit-years are left out of the index because no unit has the value" in n
        for n in res.notes
    )


def test_absent_rows_count_as_missing():
    table = pd.concat([_table([10, 20, 40], year=2022), _table([12, 22], year=2023)])
    with pytest.raises(DataError, match=r"\(01056003\) 2023"):
        sozialformel(table, config=_cfg(), validity=False)


def test_winsorising_clips_and_reports():
    table = _table([1, 10, 11, 12, 13, 14, 15, 16, 17, 90])
    res = sozialformel(table, config=_cfg(winsorize=0.1, scaling="raw"), validity=False)
    assert res.table["a_rate"].max() < 90 and res.table["a_rate"].min() > 1
    assert any("winsorised" in n for n in res.notes)


# --- validity ------------------------------------------------------------------------------------


def test_validity_alpha_correlations_contributions_and_rank_intervals():
    rng = np.random.default_rng(3)
    base = rng.integers(5, 60, 30)
    table = _table(list(base), extra={"y": list(base), "z": list(rng.integers(5, 60, 30))})
    ind = [
        {"name": "a", "numerator": "x", "denominator": "n"},
        {"name": "b", "numerator": "y", "denominator": "n"},
        {"name": "c", "numerator": "z", "denominator": "n", "weight": 2},
    ]
    res = sozialformel(table, config=_cfg(ind, validity={"weight_draws": 50}))
    val = res.validity
    assert val.pearson.loc["a", "b"] == pytest.approx(1.0)
    s = res.table[["a_scaled", "b_scaled", "c_scaled"]].to_numpy()
    k = 3
    alpha = k / (k - 1) * (1 - s.var(axis=0, ddof=1).sum() / s.sum(axis=1).var(ddof=1))
    assert val.alpha == pytest.approx(alpha)
    assert val.contributions["weight"].tolist() == pytest.approx([0.25, 0.25, 0.5])
    ranks = val.ranks
    assert (ranks["rank_interval_low"] <= ranks["rank"]).all()
    assert (ranks["rank_interval_high"] >= ranks["rank"]).all()
    assert {"rank_zscore", "rank_percentile", "rank_rank"} <= set(ranks.columns)
    # no spread in the weights: the weight interval is the rank itself
    res0 = sozialformel(table, config=_cfg(ind, validity={"weight_spread": 0.0}))
    r0 = res0.validity.ranks
    assert (r0["rank_low"] == r0["rank"]).all() and (r0["rank_high"] == r0["rank"]).all()


def test_report_html_labels_synthetic_values(examples):
    table = read_indicator_table(examples["indikatoren_csv"])
    res = sozialformel(table, groups=read_groups(examples["planungsraeume"]))
    page = validity_report_html(res)
    assert SYNTHETIC_LABEL in page and "Cronbach" in page and "Rank intervals" in page
    assert "Groups (pooled counts) 2023" in page and "Städte über 30.000 Einwohner" in page
    assert res.synthetic is True and (res.table["synthetic"] == 1).all()
    assert (res.groups["source_note"] == SYNTHETIC_LABEL).all()
    german = validity_report_html(res, translate_text=lambda s: "DE:" + s)
    assert "DE:Validity report" in german
    plain = sozialformel(_table(RATES), config=_cfg())
    assert SYNTHETIC_LABEL not in validity_report_html(plain)


# --- the preset on the example data ---------------------------------------------------------------


def test_pinneberg_preset_on_the_example_table(examples, gemeinden):
    cfg = load_config(PINNEBERG_PRESET)
    assert [i.name for i in cfg.indicators] == [
        "kinderarmut",
        "jugendarmut",
        "altersarmut",
        "bg_anteil",
        "einkommen",
    ]
    assert cfg.indicators[-1].reverse and cfg.reference_year == 2019
    table = read_indicator_table(examples["indikatoren_csv"])
    groups = read_groups(examples["planungsraeume"])
    res = sozialformel(table, groups=groups, group_fields=["planungsraum", "kreis", "groesse"])
    assert len(res.table) == 49 * 5 and res.years == [2019, 2020, 2021, 2022, 2023]
    latest = res.latest()
    # the preset withholds the index of rows with a suppressed value (and its rank)
    shown = latest["index_suppression"] == "none"
    assert 20 < shown.sum() < 49 and latest.loc[~shown, "index_rank"].isna().all()
    ranks = latest.loc[shown, "index_rank"].astype(int)
    assert ranks.is_unique and ranks.between(1, 49).all()
    first = res.table[res.table.year == 2019]
    assert first["index_value"].dropna().between(0, 100).all()
    assert first["index_change"].isna().all()
    changed = latest["change_suppression"] == "none"
    assert latest.loc[changed, "index_change"].notna().all()
    kreis = res.groups[(res.groups.grouping == "kreis") & (res.groups.year == 2023)]
    assert kreis["n_units"].tolist() == [49]
    large = res.groups[(res.groups.group_name == "Städte über 30.000 Einwohner")]
    assert len(large) == 5
    areas, notes = join_areas(gemeinden, res, area_key="AGS")
    assert len(areas) == 49 and notes == []
    assert (areas["index_value"].notna() == (areas["index_suppression"] == "none")).all()
    assert areas.crs == gemeinden.crs


# --- bad input (each named in the issue) ------------------------------------------------------


def test_missing_indicator_column_is_named():
    with pytest.raises(FieldError, match=r"no column 'x'.*indicator 'a'.*Its columns"):
        sozialformel(_table(RATES).drop(columns="x"), config=_cfg(), validity=False)


def test_keys_not_in_the_area_layer_are_listed():
    res = sozialformel(
        _table(RATES, keys=["01056001", "01056002", "09999999"]), config=_cfg(), validity=False
    )
    areas = gpd.GeoDataFrame(
        {"AGS": ["01056001", "01056002"]},
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)],
        crs=25832,
    )
    with pytest.raises(
        DataError,
        match=r"1 keys of the indicator table are not in the area "
        r"layer \(field 'AGS'\): 09999999",
    ):
        join_areas(areas, res, area_key="AGS")
    with pytest.raises(FieldError, match="no field 'KEY'"):
        join_areas(areas, res, area_key="KEY")
    # nothing selected: said so, not that every key is missing from the layer
    with pytest.raises(EmptyInputError, match="area layer is empty"):
        join_areas(areas.iloc[0:0], res, area_key="AGS")


def test_duplicate_unit_year_rows_are_refused():
    table = pd.concat([_table(RATES), _table(RATES).iloc[[0]]])
    with pytest.raises(DataError, match=r"2 duplicate \(key, year\) rows: 01056001 2023"):
        sozialformel(table, config=_cfg(), validity=False)


def test_negative_counts_are_refused():
    with pytest.raises(DataError, match=r"'x' has 1 negative counts \(01056002 2023\)"):
        sozialformel(_table([10, -2, 40]), config=_cfg(), validity=False)


def test_numerator_above_denominator_is_refused():
    with pytest.raises(DataError, match=r"'x' is above its denominator 'n'.*01056003 2023"):
        sozialformel(_table([10, 20, 140]), config=_cfg(), validity=False)


@pytest.mark.parametrize("weight", [0, -1.5])
def test_weights_must_be_positive(weight):
    cfg = _cfg([{"name": "a", "numerator": "x", "denominator": "n", "weight": weight}])
    with pytest.raises(ParameterError, match=r"weight of indicator 'a' is .*greater than 0"):
        load_config(cfg)


def test_unknown_configuration_key_is_named_with_the_allowed_keys(tmp_path):
    with pytest.raises(
        ParameterError,
        match=r"unknown key 'scalling' in the top level\. "
        r"Allowed keys: title, .*scaling",
    ):
        load_config({**_cfg(), "scalling": "minmax"})
    bad = [{"name": "a", "numerator": "x", "denominator": "n", "wieght": 2}]
    with pytest.raises(
        ParameterError,
        match=r"unknown key 'wieght' in an \[\[indicators\]\] "
        r"entry\. Allowed keys: name, label, .*weight",
    ):
        load_config(_cfg(bad))
    path = tmp_path / "c.toml"
    path.write_text(
        '[[indicators]]\nname="a"\nnumerator="x"\ndenominator="n"\n[classes]\nmethode="quantile"\n',
        encoding="utf-8",
    )
    with pytest.raises(ParameterError, match=r"'methode' in \[classes\]\. Allowed keys: method"):
        load_config(path)


def test_other_configuration_errors(tmp_path):
    with pytest.raises(ParameterError, match="scaling = 'minimax'; use one of: minmax"):
        load_config(_cfg(scaling="minimax"))
    with pytest.raises(ParameterError, match="needs reference_year"):
        load_config(_cfg(scaling="minmax_reference"))
    with pytest.raises(ParameterError, match="at least one"):
        load_config({"indicators": []})
    with pytest.raises(ParameterError, match="repeated: a"):
        load_config(_cfg([{"name": "a", "numerator": "x", "denominator": "n"}] * 2))
    nan = tmp_path / "nan.toml"
    nan.write_text(
        'threshold = nan\n[[indicators]]\nname = "a"\nnumerator = "x"\ndenominator = "n"\n',
        encoding="utf-8",
    )
    with pytest.raises(ParameterError, match="threshold = 'nan'; it must be a number"):
        load_config(nan)
    with pytest.raises(ParameterError, match="weight = 'inf'; it must be a number"):
        load_config(_cfg([{"name": "a", "numerator": "x", "denominator": "n", "weight": math.inf}]))
    path = tmp_path / "broken.toml"
    path.write_text("indicators = [", encoding="utf-8")
    with pytest.raises(SourceError, match="not valid TOML"):
        load_config(path)
    with pytest.raises(SourceError, match="does not exist"):
        load_config(tmp_path / "none.toml")
    with pytest.raises(SourceError, match=r"configuration '.*' cannot be read"):
        load_config(tmp_path)  # a folder
    with pytest.raises(ParameterError, match="2019-2018 runs backwards"):
        parse_years("2019-2018")
    with pytest.raises(ParameterError, match="years 2030 are not in the indicator table"):
        sozialformel(_table(RATES), config=_cfg(), years=[2030], validity=False)


def test_ags_read_as_numbers_gets_its_leading_zero_back(tmp_path, gemeinden):
    # a spreadsheet saved the AGS as numbers: 1056001 instead of 01056001
    path = tmp_path / "zahlen.csv"
    table = _table(RATES, keys=["01056001", "01056002", "01056003"])
    table.assign(ags=table["ags"].astype(int)).to_csv(path, index=False)
    assert "\n1056001," in path.read_text(encoding="utf-8")
    as_numbers = pd.read_csv(path)  # what a naive reader gives: integers
    res = sozialformel(as_numbers, config=_cfg(), validity=False)
    assert res.table["ags"].tolist() == ["01056001", "01056002", "01056003"]
    assert any("leading zero" in n for n in res.notes)
    joined, _ = join_areas(gemeinden, res, area_key="AGS")
    assert joined.loc[joined["AGS"] == "01056001", "a_rate"].item() == 10
    # the reader keeps text keys as they are
    assert read_table(path)["ags"].tolist() == ["1056001", "1056002", "1056003"]
    keys, note = normalise_keys(pd.Series(["01056001", "01056002"]))
    assert keys.tolist() == ["01056001", "01056002"] and note is None


def test_reads_csv_semicolon_xlsx_and_geopackage_tables(tmp_path, examples):
    frame = _table(RATES)
    semi = tmp_path / "de.csv"
    semi.write_text("ags;name;year;x;n\n01056001;A;2023;1,5;100\n", encoding="utf-8")
    got = read_table(semi)
    assert got["ags"].tolist() == ["01056001"] and got["x"].tolist() == [1.5]
    xlsx = tmp_path / "t.xlsx"
    frame.to_excel(xlsx, index=False)
    assert read_table(xlsx)["ags"].tolist() == frame["ags"].tolist()
    gpkg = read_table(examples["indikatoren_gpkg"])
    csv = read_table(examples["indikatoren_csv"])
    assert gpkg["ags"].tolist() == csv["ags"].tolist()
    assert gpkg["ags"].iloc[0].startswith("0")
    with pytest.raises(SourceError, match="does not exist"):
        read_table(tmp_path / "none.csv")
    ansi = tmp_path / "excel.csv"  # a spreadsheet's default CSV: Windows-1252
    ansi.write_bytes("ags;name;year;x;n\n01056001;Hörnerkirchen;2023;1;100\n".encode("cp1252"))
    with pytest.raises(SourceError, match="is not UTF-8 text\\. Save it as 'CSV UTF-8'"):
        read_table(ansi)


# --- properties ------------------------------------------------------------------------------


_counts = st.lists(
    st.tuples(st.integers(0, 500), st.integers(1, 500), st.integers(0, 500)),
    min_size=2,
    max_size=12,
)


def _table_from(rows):
    nums = [min(a, b) for a, b, _ in rows]
    dens = [b for _, b, _ in rows]
    ys = [min(c, b) for _, b, c in rows]
    return _table(nums, dens, keys=[f"{i:08d}" for i in range(len(rows))], extra={"y": ys})


_IND2 = [
    {"name": "a", "numerator": "x", "denominator": "n", "weight": 2},
    {"name": "b", "numerator": "y", "denominator": "n", "weight": 1},
]


@settings(max_examples=40, deadline=None)
@given(
    _counts,
    st.sampled_from(["minmax", "percentile", "rank", "zscore"]),
    st.sampled_from(["weighted_mean", "sum"]),
)
def test_index_stays_in_range(rows, scaling, combination):
    cfg = {**_cfg(_IND2, scaling=scaling, combination=combination), "post_scaling": "minmax"}
    res = sozialformel(_table_from(rows), config=cfg, validity=False)
    idx = res.table["index_value"]
    assert idx.between(-1e-9, 100 + 1e-9).all()
    assert res.table["index_class"].between(1, 5).all()


@settings(max_examples=40, deadline=None)
@given(_counts)
def test_reversing_an_indicator_mirrors_its_contribution(rows):
    table = _table_from(rows)
    plain = sozialformel(table, config=_cfg(_IND2, scaling="minmax"), validity=False).table
    rev = [dict(_IND2[0], reverse=True), _IND2[1]]
    mirrored = sozialformel(table, config=_cfg(rev, scaling="minmax"), validity=False).table
    w = 2 / 3
    # contribution of a: w × s; reversed: w × (100 − s)
    assert (mirrored["a_scaled"] + plain["a_scaled"]).to_numpy() == pytest.approx(
        np.full(len(table), 100.0)
    )
    expected = plain["index_value"] + w * (100 - 2 * plain["a_scaled"])
    assert mirrored["index_value"].to_numpy() == pytest.approx(expected.to_numpy())


@settings(max_examples=30, deadline=None)
@given(_counts, st.randoms(use_true_random=False))
def test_permuting_units_permutes_results(rows, rnd):
    table = _table_from(rows)
    order = list(range(len(table)))
    rnd.shuffle(order)
    cfg = _cfg(_IND2, scaling="percentile", post_scaling="minmax")
    a = sozialformel(table, config=cfg, validity=False).table.set_index("ags")
    b = sozialformel(table.iloc[order], config=cfg, validity=False).table.set_index("ags")
    cols = ["a_rate", "a_scaled", "b_scaled", "index_value", "index_rank", "index_class"]
    pd.testing.assert_frame_equal(a.loc[b.index, cols], b[cols])
