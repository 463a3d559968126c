"""geolib.sozialformel over time: classes fixed to the reference year, the [reference]
table written and read back, class edge cases, group polygons."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from geolib.errors import ParameterError
from geolib.sozialformel import (
    areas_by_year,
    class_breaks,
    group_areas,
    load_config,
    sozialformel,
)
from geolib.sozialformel.classes import class_counts
from geolib.sozialformel.reference import reference_toml

try:
    import tomllib
except ImportError:  # pragma: no cover - Python < 3.11
    import tomli as tomllib

KEYS = [f"0105600{i}" for i in range(1, 7)]


def _years(rates_by_year, den=100):
    rows = []
    for year, rates in rates_by_year.items():
        for key, rate in zip(KEYS, rates):
            rows.append({"ags": key, "name": key[-1], "year": year, "x": rate, "n": den})
    return pd.DataFrame(rows)


def _cfg(**top):
    return {
        "indicators": [{"name": "a", "numerator": "x", "denominator": "n"}],
        "threshold": 0,
        "min_denominator": 0,
        **top,
    }


# per-year quantiles move: unit 6 falls from 2022 to 2023 while the others fall more
TABLE = _years({2022: [10, 20, 30, 40, 50, 60], 2023: [5, 6, 7, 8, 9, 40]})


def test_a_class_does_not_rise_while_the_index_falls():
    cfg = _cfg(scaling="raw", post_scaling="none", classes={"method": "quantile", "count": 3})
    fixed = sozialformel(TABLE, config=cfg, validity=False).table.set_index(["ags", "year"])
    per_year = sozialformel(
        TABLE,
        config={**cfg, "classes": {"method": "quantile", "count": 3, "per_year": True}},
        validity=False,
    ).table.set_index(["ags", "year"])
    unit = ("01056004", 2022), ("01056004", 2023)  # 40 → 8: falls
    assert fixed.loc[unit[1], "index_value"] < fixed.loc[unit[0], "index_value"]
    # per year, unit 4 keeps class 2 (middle third of its year) although it fell by 32
    assert per_year.loc[unit[0], "index_class"] == per_year.loc[unit[1], "index_class"] == 2
    # fixed to the reference year (the latest, 2023: no reference_year configured) ...
    for key in KEYS:
        a, b = fixed.loc[(key, 2022)], fixed.loc[(key, 2023)]
        if b["index_value"] < a["index_value"]:
            assert b["index_class"] <= a["index_class"]
    assert fixed.loc[unit[0], "index_class"] == 3 and fixed.loc[unit[1], "index_class"] == 2


def test_classes_use_the_reference_year_by_default_and_every_year_per_year():
    cfg = _cfg(
        scaling="raw",
        post_scaling="none",
        reference_year=2022,
        classes={"method": "equal_interval", "count": 5},
    )
    res = sozialformel(TABLE, config=cfg, validity=False)
    assert res.breaks[2022] == res.breaks[2023] == pytest.approx([10, 20, 30, 40, 50, 60])
    assert "2022" in str(res.notes[0]) and "equal intervals" in str(res.notes[0])
    assert res.reference["breaks"] == pytest.approx([20, 30, 40, 50])
    cfg["classes"]["per_year"] = True
    res = sozialformel(TABLE, config=cfg, validity=False)
    assert res.breaks[2023] == pytest.approx([5, 12, 19, 26, 33, 40])
    assert "breaks" not in res.reference
    assert any("per year" in str(n) for n in res.notes)


def test_the_reference_table_round_trip_reproduces_values_and_classes():
    table = _years(
        {
            2021: [12, 18, 25, 33, 47, 58],
            2022: [10, 20, 30, 40, 50, 60],
            2023: [5, 6, 7, 8, 9, 70],
        }
    )
    table["y"] = 70 - table["x"]
    cfg = {
        **_cfg(),
        "indicators": [
            {"name": "a", "numerator": "x", "denominator": "n"},
            {"name": "b", "numerator": "y", "denominator": "n", "reverse": True},
        ],
        "scaling": "minmax_reference",
        "post_scaling": "minmax_reference",
        "reference_year": 2021,
        "classes": {"method": "quantile", "count": 4},
    }
    first = sozialformel(table, config=cfg, validity=False)
    text = reference_toml(first.reference)
    ref = tomllib.loads(text)["reference"]
    assert ref["year"] == 2021 and set(ref["bounds"]) == {"a", "b"}
    assert ref["bounds"]["a"] == pytest.approx([12, 58]) == ref["bounds"]["b"]
    # a later run without the reference year, with the written table pasted in
    later = table[table["year"] > 2021]
    frozen = load_config(tomllib.loads(_toml(cfg) + text))
    assert frozen.class_method == "custom" and frozen.index_bounds == tuple(ref["index"])
    second = sozialformel(later, config=frozen, validity=False)
    a = first.table[first.table["year"] > 2021].set_index(["ags", "year"]).sort_index()
    b = second.table.set_index(["ags", "year"]).sort_index()
    for col in ("index_value", "a_scaled", "b_scaled"):
        np.testing.assert_array_equal(a[col].to_numpy(), b[col].to_numpy())
    assert a["index_class"].tolist() == b["index_class"].tolist()
    # without the reference, the later run has no reference year to scale against
    with pytest.raises(ParameterError, match="2021"):
        sozialformel(later, config=cfg, validity=False)


def _toml(cfg):
    lines = []
    for key, value in cfg.items():
        if key not in ("indicators", "classes"):
            lines.append(f"{key} = {value!r}".replace("'", '"'))
    lines.append("[classes]")
    lines += [
        f'{k} = "{v}"' if isinstance(v, str) else f"{k} = {v}" for k, v in cfg["classes"].items()
    ]
    for ind in cfg["indicators"]:
        lines.append("[[indicators]]")
        for k, v in ind.items():
            lines.append(f"{k} = " + (f'"{v}"' if isinstance(v, str) else str(v).lower()))
    return "\n".join(lines) + "\n"


def test_reference_conflicts_are_refused_by_name():
    base = _cfg(scaling="minmax_reference", reference_year=2022)
    with pytest.raises(ParameterError, match="reference_year"):
        load_config({**base, "reference": {"year": 2021}})
    with pytest.raises(ParameterError, match="'c'"):
        load_config({**base, "reference": {"bounds": {"c": [0, 1]}}})
    with pytest.raises(ParameterError, match="per_year"):
        load_config({**base, "classes": {"per_year": True}, "reference": {"breaks": [1, 2]}})
    with pytest.raises(ParameterError, match="post_scaling"):
        load_config({**base, "reference": {"index": [0, 1]}})
    with pytest.raises(ParameterError, match="low < high"):
        load_config({**base, "reference": {"bounds": {"a": [3, 1]}}})
    with pytest.raises(ParameterError, match="minmax_reference only"):
        load_config(_cfg(scaling="minmax", reference={"bounds": {"a": [0, 1]}}))


def test_stddev_gives_every_class_asked_for_and_names_the_empty_ones():
    x = np.array([40.0, 45, 50, 55, 60])  # all within ±1.5 standard deviations
    edges = class_breaks(x, method="stddev", count=5)
    assert len(edges) == 6  # five classes, as asked
    mean, sd = x.mean(), x.std()
    assert edges[1:-1] == pytest.approx(mean + sd * np.array([-1.5, -0.5, 0.5, 1.5]))
    assert class_counts(x, edges) == [0, 2, 1, 2, 0]
    table = _years({2023: [45, 46, 50, 54, 55, 50]})
    res = sozialformel(
        table,
        config=_cfg(scaling="raw", post_scaling="none", classes={"method": "stddev", "count": 5}),
        validity=False,
    )
    assert len(res.breaks[2023]) == 6
    text = " ".join(map(str, res.notes))
    assert "class 1, 5 of 5 (standard deviations) holds no area in 2023" in text


def test_custom_breaks_add_no_class():
    x = np.array([25.0, 30, 45, 55, 70])
    edges = class_breaks(x, method="custom", custom=[20, 40, 60, 80])
    assert len(edges) - 1 == 5  # four thresholds: five classes, no more
    assert class_counts(x, edges) == [0, 2, 2, 1, 0]
    table = _years({2023: [25, 30, 45, 55, 70, 90]})
    cfg = _cfg(scaling="raw", post_scaling="none", classes={"method": "custom", "breaks": [20, 40]})
    res = sozialformel(table, config=cfg, validity=False)
    assert sorted(res.table["index_class"].unique()) == [2, 3]
    assert len(res.breaks[2023]) - 1 == 3
    text = " ".join(map(str, res.notes))
    assert "custom breaks, 3 classes" in text and "class 1 of 3" in text


def test_quantiles_with_ties_say_why_they_give_fewer_classes():
    table = _years({2023: [10, 10, 10, 10, 10, 20]})
    cfg = _cfg(scaling="raw", post_scaling="none", classes={"method": "quantile", "count": 5})
    res = sozialformel(table, config=cfg, validity=False)
    assert len(res.breaks[2023]) - 1 < 5
    assert any("5 quantiles classes asked" in str(n) for n in res.notes)


def test_a_withheld_minimum_is_no_bound_and_no_written_bound():
    # unit 1 has a count of 1 (suppressed) and the lowest rate of the year
    table = _years({2023: [1, 20, 30, 40, 50, 60]})
    for scaling in ("minmax", "minmax_reference"):
        cfg = _cfg(
            scaling=scaling,
            post_scaling="none",
            threshold=3,
            min_denominator=5,
            reference_year=2023,
        )
        res = sozialformel(table, config=cfg, validity=False)
        pub = res.table[res.table["a_suppressed"] == 0]
        assert len(pub) == 5 and 1 not in set(pub["a_rate"])
        lo, hi = pub["a_rate"].min(), pub["a_rate"].max()
        assert pub["a_scaled"].tolist() == pytest.approx(
            (100 * (pub["a_rate"] - lo) / (hi - lo)).tolist()
        )
        if scaling == "minmax_reference":  # the written bounds are published rates
            assert res.reference["bounds"]["a"] == pytest.approx([lo, hi])
        assert not any("withheld value" in str(n) for n in res.notes)


def test_quantile_breaks_ignore_withheld_indices():
    table = _years({2023: [1, 20, 30, 40, 50, 60]})
    table.loc[0, "x"] = 1
    cfg = _cfg(
        scaling="raw",
        post_scaling="none",
        threshold=3,
        min_denominator=5,
        suppress_index=True,
        classes={"method": "quantile", "count": 2},
    )
    res = sozialformel(table, config=cfg, validity=False)
    # the median of the five published values (20..60), not of all six
    assert res.breaks[2023] == pytest.approx([20, 40, 60])


def _areas():
    # six squares in a row, 1 km each; the AGS without the leading zero (normalised)
    return gpd.GeoDataFrame(
        {"AGS": [k.lstrip("0") for k in KEYS]},
        geometry=[box(i * 1000, 0, (i + 1) * 1000, 1000) for i in range(6)],
        crs="EPSG:25832",
    )


def test_group_polygons_are_the_union_of_their_members():
    groups = pd.DataFrame(
        {"ags": KEYS, "amt": ["A", "A", "B", "B", "B", None], "kreis": "K", "solo": "X"}
    )
    groups.loc[5, "solo"] = "Y"
    res = sozialformel(
        TABLE,
        config=_cfg(scaling="minmax", post_scaling="minmax"),
        groups=groups,
        validity=False,
    )
    areas = _areas()
    areas.loc[5, "AGS"] = "1056099"  # unit 6 (the only member of "Y") has no polygon
    out, notes = group_areas(areas, res)
    assert len(out) == len(res.groups) and out.crs == areas.crs
    for row in out.itertuples():
        if row.group_name == "Y":
            assert row.geometry is None
            continue
        members = groups.loc[groups[row.grouping] == row.group_name, "ags"]
        expected = areas[areas["AGS"].isin(members.str.lstrip("0"))].union_all()
        assert row.geometry.geom_type == "MultiPolygon"
        assert row.geometry.symmetric_difference(expected).area == pytest.approx(0)
    a = out[(out.grouping == "amt") & (out.group_name == "A")]
    assert a.geometry.area.tolist() == pytest.approx([2e6, 2e6])  # one per year
    assert "1 groups have no member in the area layer" in str(notes[0]) and "solo: Y" in notes[0]
    # the values are the pooled ones, as in the table of groups
    pd.testing.assert_frame_equal(pd.DataFrame(out.drop(columns="geometry")), res.groups)


def test_areas_by_year_give_every_unit_year_its_polygon():
    res = sozialformel(TABLE, config=_cfg(), validity=False)
    out = areas_by_year(_areas(), res)
    assert len(out) == len(res.table) == 12
    assert out["year"].tolist() == res.table["year"].tolist()
    first = out[out["ags"] == KEYS[0]]
    assert first.geometry.bounds["minx"].tolist() == [0, 0]


def test_an_invalid_member_polygon_does_not_break_its_group():
    from shapely.geometry import Polygon

    groups = pd.DataFrame({"ags": KEYS, "kreis": "K"})
    res = sozialformel(TABLE, config=_cfg(), groups=groups, validity=False)
    areas = _areas()
    # a bow-tie (self-intersecting) square in place of unit 1
    areas.loc[0, "geometry"] = Polygon([(0, 0), (1000, 1000), (1000, 0), (0, 1000)])
    out, _ = group_areas(areas, res)
    assert out.geometry.is_valid.all()
    assert out.geometry.area.tolist() == pytest.approx([5e6 + 5e5] * 2)
