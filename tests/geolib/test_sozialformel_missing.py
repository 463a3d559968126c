"""Missing-value policies and winsorising, reported by name: hand-built cases."""

import re

import numpy as np
import pandas as pd
import pytest

from geolib.messages import format_number, translate
from geolib.sozialformel import sozialformel, validity_report_html

KEYS = [f"0105600{i}" for i in range(1, 7)]


def _table(year, nums, dens=None):
    n = len(nums)
    return pd.DataFrame(
        {
            "ags": KEYS[:n],
            "name": [f"G{i + 1}" for i in range(n)],
            "year": [year] * n,
            "x": list(nums),
            "n": list(dens or [100] * n),
        }
    )


def _cfg(**top):
    return {
        "indicators": [{"name": "a", "numerator": "x", "denominator": "n"}],
        "post_scaling": "none",
        "scaling": "raw",
        "threshold": 0,
        "min_denominator": 0,
        **top,
    }


def _row(res, key, year):
    return res.table.set_index(["ags", "year"]).loc[(key, year)]


def _note(res, text):
    found = [str(n) for n in res.notes if text in n]
    assert found, [str(n) for n in res.notes]
    return found[0]


# planning regions: nord = G1, G2, G3; sued = G4, G5; G6 is a region of its own
GROUPS = pd.DataFrame({"ags": KEYS, "raum": ["nord"] * 3 + ["sued"] * 2 + ["solo"]})


def test_drop_counts_only_the_pooled_members_and_names_the_dropped():
    table = pd.concat(
        [_table(2022, [10, 20, 40, 5, 6, 7]), _table(2023, [12, np.nan, 44, 5, 6, 7])]
    )
    res = sozialformel(
        table, config=_cfg(missing="drop"), groups=GROUPS, publish=False, validity=False
    )
    assert pd.isna(_row(res, "01056002", 2023)["index_value"])
    g = res.groups.set_index(["group_name", "year"])
    # 2023: G1 + G3 pooled (12 + 44 of 200), G2 dropped and not counted
    assert g.loc[("nord", 2023), "n_units"] == 2
    assert g.loc[("nord", 2023), "a_den"] == 200
    assert g.loc[("nord", 2023), "a_rate"] == pytest.approx(100 * 56 / 200)
    assert g.loc[("nord", 2022), "n_units"] == 3 and g.loc[("nord", 2022), "a_den"] == 300
    assert g.loc[("sued", 2023), "n_units"] == 2
    assert "G2 (01056002) 2023 (a)" in _note(res, "policy 'drop'")
    assert "'nord': G2 (01056002) 2023 (a)" in _note(res, "Groups (raum)")


def test_carry_carries_a_zero_denominator_and_says_from_which_year():
    table = pd.concat(
        [
            _table(2021, [10, 20, 40], [100, 80, 100]),
            _table(2022, [11, 0, 41], [100, 0, 100]),
            _table(2023, [12, 0, 42], [100, 0, 100]),
        ]
    )
    res = sozialformel(table, config=_cfg(missing="carry"), publish=False, validity=False)
    for year in (2022, 2023):
        row = _row(res, "01056002", year)
        # 0 of 0: the denominator of 2021 (80) is carried; the year's own numerator stays
        assert row["a_den"] == 80 and row["a_rate"] == 0 and row["a_num"] == 0
        assert row["imputed"] == "carried"
    note = _note(res, "carried forward")
    assert "G2 (01056002) 2022 from 2021 (n)" in note
    assert "G2 (01056002) 2023 from 2021 (n)" in note


def test_carry_without_an_earlier_value_leaves_the_unit_out_by_name():
    table = pd.concat([_table(2022, [10, 0, 40], [100, 0, 100]), _table(2023, [12, 22, 42])])
    res = sozialformel(table, config=_cfg(missing="carry"), publish=False, validity=False)
    assert pd.isna(_row(res, "01056002", 2022)["index_value"])
    assert "G2 (01056002) 2022 (a)" in _note(res, "no earlier value to carry")


def test_group_mean_takes_the_own_planning_region_not_the_kreis():
    rates = [10, np.nan, 40, 2, 4, np.nan]
    table = _table(2023, rates)
    res = sozialformel(
        table, config=_cfg(missing="group_mean"), groups=GROUPS, publish=False, validity=False
    )
    # G2: mean of the other members of 'nord' (10 and 40), not of all units (14)
    assert _row(res, "01056002", 2023)["a_rate"] == pytest.approx(25)
    assert _row(res, "01056002", 2023)["imputed"] == "group_mean"
    note = _note(res, "other members of their group (raum)")
    assert "G2 (01056002) 2023: a (raum 'nord')" in note
    # G6 is alone in its region: no group mean, left out (not given the Kreis mean)
    assert pd.isna(_row(res, "01056006", 2023)["index_value"])
    assert "G6 (01056006) 2023 (a)" in _note(res, "no other member of their group (raum)")


def test_group_mean_without_groups_takes_all_units_and_says_so():
    res = sozialformel(
        _table(2023, [10, np.nan, 40, 2]),
        config=_cfg(missing="group_mean"),
        publish=False,
        validity=False,
    )
    assert _row(res, "01056002", 2023)["a_rate"] == pytest.approx((10 + 40 + 2) / 3)
    assert "G2 (01056002) 2023: a (all units)" in _note(res, "mean rate of all units")


def test_winsorising_names_the_values_with_old_and_new_value():
    x = [1, 10, 11, 12, 13, 14, 15, 16, 17, 90]
    table = pd.DataFrame(
        {
            "ags": [f"010560{i:02d}" for i in range(1, 11)],
            "name": [f"G{i}" for i in range(1, 11)],
            "year": 2023,
            "x": x,
            "n": 100,
        }
    )
    res = sozialformel(table, config=_cfg(winsorize=0.1), publish=False, validity=False)
    low, high = np.quantile(x, 0.1), np.quantile(x, 0.9)  # pandas' linear quantiles
    note = _note(res, "winsorised")
    assert note.startswith("Outliers: 2 values of 'a' were winsorised to the 0.1 and 0.9")
    assert f"G1 (01056001) 2023: 1 → {format_number(low)}" in note
    assert f"G10 (01056010) 2023: 90 → {format_number(high)}" in note
    assert res.table["a_rate"].min() == pytest.approx(low)
    # the numbers are fields: shown in German by the caller's number format
    german = translate(note_message(res), lambda s: s, lambda v: format_number(v, ",", "."))
    assert "0,1 and 0,9" in german and f"90 → {format_number(high, ',', '.')}" in german


def note_message(res):
    return next(n for n in res.notes if "winsorised" in n)


# --- the report in the output language -----------------------------------------------------------

CONFIG_WORDS = ("weighted_mean", "minmax_reference", "group_mean", "refuse", "quantile")


def test_report_numbers_follow_the_separators_and_config_words_are_labels():
    rng = np.random.default_rng(5)
    base = rng.integers(5, 60, 12)
    table = pd.DataFrame(
        {
            "ags": [f"010560{i:02d}" for i in range(1, 13)],
            "name": [f"G{i}" for i in range(1, 13)],
            "year": 2023,
            "x": base,
            "y": base + rng.integers(0, 5, 12),
            "n": 100,
        }
    )
    cfg = {
        "indicators": [
            {"name": "a", "numerator": "x", "denominator": "n"},
            {"name": "b", "numerator": "y", "denominator": "n", "weight": 1.5},
        ],
        "threshold": 0,
        "min_denominator": 0,
        "missing": "group_mean",
        "winsorize": 0.05,
    }
    res = sozialformel(table, config=cfg, publish=False)
    english = validity_report_html(res)
    german = validity_report_html(
        res, translate_text=lambda s: GERMAN.get(s, s), separators=(".", ",")
    )
    alpha = res.validity.alpha
    assert f"α = {alpha:.2f}" in english
    assert f"α = {alpha:.2f}".replace(".", ",") in german and "α = 0." not in german
    assert "<td>1,5</td>" in german and "<td>1.5</td>" in english  # the weight
    # winsorising 0.05 is a number field of a message: German in the German page
    assert "Winsorisierung: 0,05" in german
    assert "weighted mean" in english and "gewichtetes Mittel" in german
    for word in CONFIG_WORDS:  # the TOML words themselves never appear
        assert not re.search(rf"\b{word}\b", german + english), word


# a few entries of the German catalogue, looked up as Qt's translation does
GERMAN = {
    "weighted mean": "gewichtetes Mittel",
    "Classes: {method}, {count} classes; missing values: {missing}; winsorising: {w}.": (
        "Klassen: {method}, {count} Klassen; fehlende Werte: {missing}; Winsorisierung: {w}."
    ),
}
