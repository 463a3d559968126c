"""Attacks on the published Sozialformel outputs: no suppressed value comes back exactly.

The attacker has what is published (the long table, the groups table, the group mapping,
the class bounds, the report) and knows the rules (threshold, minimum denominator,
which cells are primary and which secondary). Each attack is first run against an
output without the protection it targets, so it is shown to work.
"""

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import linprog

from geolib.sozialformel import (
    PINNEBERG_PRESET,
    load_config,
    read_groups,
    read_indicator_table,
    sozialformel,
    validity_report_html,
)

GROUP_FIELDS = ["planungsraum", "kreis", "groesse"]


@pytest.fixture(scope="module")
def data(examples):
    table = read_indicator_table(examples["indikatoren_csv"])
    groups = read_groups(examples["planungsraeume"])
    return table, groups


def _run(data, **overrides):
    table, groups = data
    cfg = load_config(PINNEBERG_PRESET)
    if overrides:
        from dataclasses import replace

        cfg = replace(cfg, **overrides)
    return sozialformel(table, config=cfg, groups=groups, group_fields=GROUP_FIELDS)


def _truth(data, res, ind, year):
    table, _ = data
    rows = table[table["year"] == year].set_index("ags")
    return rows[ind.numerator].astype(float), rows[ind.denominator].astype(float)


def _margin_attack(data, res, ind, year, column):
    """Bounds of every hidden unit value from all published group totals (linear program).

    Returns {ags: (low, high)} for the primary cells."""
    cfg = res.config
    t, min_den = cfg.threshold, cfg.min_denominator
    _, mapping = data
    pub = res.table[res.table["year"] == year].set_index(cfg.key)
    grp = res.groups[res.groups["year"] == year]
    value_col = f"{ind.name}_{column}"
    hidden_units = [k for k in pub.index if pd.isna(pub.loc[k, value_col])]
    hidden_groups = [
        (r.grouping, r.group_name) for r in grp.itertuples() if pd.isna(getattr(r, value_col))
    ]
    variables = [("u", k) for k in hidden_units] + [("g", g) for g in hidden_groups]
    pos = {v: i for i, v in enumerate(variables)}
    bounds = []
    for kind, ident in variables:
        row = (
            pub.loc[ident] if kind == "u" else grp.set_index(["grouping", "group_name"]).loc[ident]
        )
        status = row[f"{ind.name}_suppression"]
        den = row[f"{ind.name}_den"]
        if column == "den":  # below the threshold (then primary) or a secondary one
            bounds.append((1, None) if status == "primary" else (t, None))
        elif ind.kind != "rate":
            bounds.append((0, None))
        elif status == "primary":
            if pd.isna(den):
                bounds.append((0, t - 1))
            elif den < min_den:
                bounds.append((0, den))
            else:
                bounds.append((0, min(t - 1, den)))
        else:  # secondary: a publishable count, at most its denominator
            bounds.append((t, None if pd.isna(den) else den))
    a_eq, b_eq = [], []
    for r in grp.itertuples():
        members = mapping.loc[mapping[r.grouping].astype(str) == r.group_name, "ags"]
        coeffs = np.zeros(len(variables))
        const = 0.0
        for sign, ident, kind in [(1.0, (r.grouping, r.group_name), "g")] + [
            (-1.0, k, "u") for k in members
        ]:
            if (kind, ident) in pos:
                coeffs[pos[(kind, ident)]] = sign
            else:
                value = getattr(r, value_col) if kind == "g" else pub.loc[ident, value_col]
                const -= sign * value
        if coeffs.any():
            a_eq.append(coeffs)
            b_eq.append(const)
    found = {}
    grp_status = grp.set_index(["grouping", "group_name"])[f"{ind.name}_suppression"]
    for var in variables:
        kind, ident = var
        status = pub.loc[ident] if kind == "u" else grp_status.loc[ident]
        if kind == "u":
            status = status[f"{ind.name}_suppression"]
        if status != "primary":
            continue
        if not a_eq:
            found[ident] = bounds[pos[var]]
            continue
        c = np.zeros(len(variables))
        c[pos[var]] = 1
        low = linprog(c, A_eq=np.array(a_eq), b_eq=b_eq, bounds=bounds, method="highs")
        high = linprog(-c, A_eq=np.array(a_eq), b_eq=b_eq, bounds=bounds, method="highs")
        assert low.status == 0 and high.status == 0, (low.message, high.message)
        found[ident] = (low.fun, -high.fun)
    return found


def _exact(low, high, integer=True):
    if low is None or high is None:
        return False
    if integer:
        return np.ceil(low - 1e-6) >= np.floor(high + 1e-6)
    return high - low < 1e-6


@pytest.mark.parametrize("suppress_index", [True, False])
def test_no_suppressed_count_follows_from_the_published_margins(data, suppress_index):
    res = _run(data, suppress_index=suppress_index)
    attacked = 0
    for year in res.years:
        for ind in res.config.indicators:
            num, _ = _truth(data, res, ind, year)
            for column in ("num", "den"):
                for ags, (low, high) in _margin_attack(data, res, ind, year, column).items():
                    attacked += 1
                    assert not _exact(low, high, integer=ind.kind == "rate"), (
                        ind.name,
                        year,
                        ags,
                        column,
                        low,
                        high,
                    )
                    if column == "num" and isinstance(ags, str):  # the truth is inside
                        assert low - 1e-6 <= num[ags] <= (high if high is not None else np.inf)
    assert attacked > 100


def test_the_margin_attack_works_without_secondary_suppression(data):
    """Group total minus its published members: the old outputs gave these back."""
    res = _run(data)
    primary_only = res.table.copy()
    recovered = 0
    for ind in res.config.indicators:
        col, status = f"{ind.name}_num", f"{ind.name}_suppression"
        truth = data[0].set_index(["ags", "year"])[ind.numerator]
        secondary = primary_only[status] == "secondary"
        keys = list(zip(primary_only.loc[secondary, "ags"], primary_only.loc[secondary, "year"]))
        primary_only.loc[secondary, col] = truth.loc[keys].to_numpy()
        _, mapping = data
        for r in res.groups.itertuples():
            if r.grouping != "planungsraum" or pd.isna(getattr(r, col)):
                continue
            members = mapping.loc[mapping["planungsraum"] == r.group_name, "ags"]
            rows = primary_only[
                primary_only["ags"].isin(members) & (primary_only["year"] == r.year)
            ]
            if rows[col].isna().sum() == 1:
                hidden = rows[rows[col].isna()].iloc[0]
                guess = getattr(r, col) - rows[col].sum()
                recovered += guess == truth.loc[(hidden["ags"], r.year)]
    assert recovered > 10


def test_the_linear_program_attack_works_without_secondary_suppression(data):
    """With the secondary cells shown again, the attack pins primary counts exactly."""
    table, groups = data
    res = _run(data)
    full = sozialformel(table, groups=groups, group_fields=GROUP_FIELDS, publish=False)
    for shown, complete, ident in (
        (res.table, full.table, ["ags", "year"]),
        (res.groups, full.groups, ["grouping", "group_name", "year"]),
    ):
        values = complete.set_index(ident)
        for ind in res.config.indicators:
            secondary = shown[f"{ind.name}_suppression"] == "secondary"
            keys = pd.MultiIndex.from_frame(shown.loc[secondary, ident])
            for col in ("num", "den"):
                name = f"{ind.name}_{col}"
                shown.loc[secondary, name] = values.loc[keys, name].to_numpy()
            shown.loc[secondary, f"{ind.name}_suppression"] = "none"
    exact = sum(
        _exact(low, high)
        for year in res.years
        for ind in res.config.indicators
        if ind.kind == "rate"
        for low, high in _margin_attack(data, res, ind, year, "num").values()
    )
    assert exact > 20


def _index_inversion(res, data):
    """Fit rate → scaled and scaled → index on the fully published rows of each year, then
    solve rows with a published index and one hidden indicator for its count."""
    cfg = res.config
    truth = data[0].set_index(["ags", "year"])
    names = [i.name for i in cfg.indicators]
    recovered = tried = 0
    for year in res.years:
        rows = res.table[res.table["year"] == year]
        full = rows.dropna(subset=[f"{n}_scaled" for n in names] + ["index_value"])
        x = np.column_stack([full[[f"{n}_scaled" for n in names]], np.ones(len(full))])
        coef = np.linalg.lstsq(x, full["index_value"], rcond=None)[0]
        for r in rows.itertuples():
            gaps = [n for n in names if pd.isna(getattr(r, f"{n}_scaled"))]
            if len(gaps) != 1 or pd.isna(r.index_value):
                continue
            tried += 1
            ind = next(i for i in cfg.indicators if i.name == gaps[0])
            known = sum(
                coef[j] * getattr(r, f"{n}_scaled") for j, n in enumerate(names) if n != ind.name
            )
            scaled = (r.index_value - coef[-1] - known) / coef[names.index(ind.name)]
            pairs = rows.dropna(subset=[f"{ind.name}_rate", f"{ind.name}_scaled"])
            slope, icpt = np.polyfit(pairs[f"{ind.name}_scaled"], pairs[f"{ind.name}_rate"], 1)
            rate = slope * scaled + icpt
            den = r._asdict()[f"{ind.name}_den"]
            den = truth.loc[(r.ags, year), ind.denominator] if pd.isna(den) else den
            count = rate * den / ind.per
            recovered += (
                round(count) == truth.loc[(r.ags, year), ind.numerator]
                and abs(count - round(count)) < 1e-6
            )
    return recovered, tried


def test_index_inversion_recovers_nothing_when_the_index_is_withheld(data):
    open_res = _run(data, suppress_index=False)
    recovered, tried = _index_inversion(open_res, data)
    assert tried and recovered == tried  # the attack works on an unprotected index
    res = _run(data)  # the preset: suppress_index = true
    assert res.config.suppress_index
    assert _index_inversion(res, data) == (0, 0)
    hidden = res.table[[f"{i.name}_suppressed" for i in res.config.indicators]].any(axis=1)
    assert res.table.loc[hidden, "index_value"].isna().all()
    assert (res.table.loc[hidden, "index_suppression"] == "secondary").all()
    assert res.table.loc[hidden, ["index_rank", "index_class", "index_change"]].isna().all().all()


def test_no_withheld_index_follows_from_the_next_years_change(data):
    res = _run(data)
    t = res.table.set_index(["ags", "year"])
    withheld = t[t["index_suppressed"] == 1]
    assert len(withheld)
    following = 0
    for ags, year in withheld.index:
        if (ags, year + 1) in t.index:
            following += 1
            nxt = t.loc[(ags, year + 1)]
            assert pd.isna(nxt["index_change"]) and pd.isna(nxt["rank_change"])
            assert nxt["change_suppression"] == "secondary"
    assert following
    assert set(t["change_suppression"]) == {"none", "secondary"}


def test_no_unselected_years_withheld_index_follows_from_the_first_years_change(data):
    # the previous year is computed but not selected: its withheld indices are not in the
    # output, yet the first selected year's change would give them (index − change)
    table, groups = data
    full = _run(data).table.set_index(["ags", "year"])
    first = int(full.index.get_level_values("year").min()) + 1
    later = sorted(y for y in set(full.index.get_level_values("year")) if y >= first)
    res = sozialformel(
        table,
        config=load_config(PINNEBERG_PRESET),
        groups=groups,
        group_fields=GROUP_FIELDS,
        years=later,
    )
    t = res.table.set_index(["ags", "year"])
    assert first - 1 not in set(t.index.get_level_values("year"))
    before = full[(full.index.get_level_values("year") == first - 1)]
    hidden_before = before[before["index_suppressed"] == 1].index.get_level_values("ags")
    assert len(hidden_before)
    for ags in hidden_before:
        row = t.loc[(ags, first)]
        assert pd.isna(row["index_change"]) and pd.isna(row["rank_change"])
        assert row["change_suppression"] == "secondary"
    # the others keep their change
    published = t.xs(first, level="year")
    assert published.loc[~published.index.isin(hidden_before), "index_change"].notna().any()


def _withheld_index(res, full):
    """The index the protected run computed for every row (also the withheld ones): the
    true rates (``full``, unprotected) through the affine maps rate → scaled and
    combined → index that the published rows of each year follow (weighted mean)."""
    cfg = res.config
    names = [i.name for i in cfg.indicators]
    weights = np.array([i.weight for i in cfg.indicators], dtype=float)
    weights /= weights.sum()
    out = []
    for year in res.years:
        pub = res.table[res.table["year"] == year].set_index("ags")
        rates = full.table[full.table["year"] == year].set_index("ags").loc[pub.index]
        scaled = np.column_stack(
            [
                np.polyval(_affine(pub[f"{n}_rate"].dropna(), pub[f"{n}_scaled"].dropna()), r)
                for n, r in ((n, rates[f"{n}_rate"]) for n in names)
            ]
        )
        raw = scaled @ weights
        shown = pub["index_value"].notna().to_numpy()
        index = np.polyval(_affine(raw[shown], pub["index_value"][shown]), raw)
        out.append(pd.Series(index, index=pd.MultiIndex.from_product([pub.index, [year]])))
    return pd.concat(out)


def test_no_class_bound_and_no_report_rank_is_a_withheld_value(data):
    table, groups = data
    res = _run(data)
    full = sozialformel(table, groups=groups, group_fields=GROUP_FIELDS, publish=False)
    truth = _withheld_index(res, full)
    published = res.table.set_index(["ags", "year"])["index_value"].dropna()
    assert truth.loc[published.index].to_numpy() == pytest.approx(published.to_numpy())
    t = res.table.set_index(["ags", "year"])
    for year, edges in res.breaks.items():
        withheld = truth[
            t.index[(t["index_suppressed"] == 1) & (t.index.get_level_values(1) == year)]
        ]
        assert len(withheld)
        for edge in edges:
            assert not np.isclose(withheld.to_numpy(), edge, rtol=0, atol=1e-9).any()
    page = validity_report_html(res)
    latest = res.latest()
    for name in latest.loc[latest["index_suppressed"] == 1, "name"]:
        assert f'<tr><td class="t">{name}</td>' not in page
    for name in latest.loc[latest["index_suppressed"] == 0, "name"]:
        assert f'<tr><td class="t">{name}</td>' in page


def test_suppression_field_names_one_status_per_cell(data):
    res = _run(data)
    for frame in (res.table, res.groups):
        for ind in res.config.indicators:
            status = frame[f"{ind.name}_suppression"]
            assert set(status) <= {"none", "primary", "secondary"}
            hidden = status != "none"
            assert (frame[f"{ind.name}_suppressed"] == hidden.astype(int)).all()
            assert frame.loc[hidden, f"{ind.name}_rate"].isna().all()
            assert frame.loc[~hidden, f"{ind.name}_rate"].notna().all()
    assert (res.table["kinderarmut_suppression"] == "secondary").any()


# --- the scaling's statistics: solved from published (rate, scaled) pairs ----------------


def _affine(x, y):
    """y = a·x + b through published pairs (exact for min–max and z-scores)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    a, b = np.polyfit(x, y, 1)
    assert np.allclose(a * x + b, y, rtol=0, atol=1e-7)  # the pairs lie on one line
    return a, b


def _solved_bounds(rates, scaled):
    """The min and max of a min–max scaling: the values scaled to 0 and 100."""
    a, b = _affine(rates, scaled)
    return sorted([-b / a, (100 - b) / a])


def _hand_table(counts_by_year, den=100, second=None):
    rows = []
    for year, counts in counts_by_year.items():
        for i, c in enumerate(counts):
            row = {"ags": f"0105600{i + 1}", "name": f"G{i + 1}", "year": year, "x": c, "n": den}
            row["y"] = (second or {}).get(year, [50] * len(counts))[i]
            rows.append(row)
    return pd.DataFrame(rows)


def _hand_cfg(**top):
    return {
        "indicators": [{"name": "a", "numerator": "x", "denominator": "n"}],
        "threshold": 3,
        "min_denominator": 5,
        "post_scaling": "none",
        **top,
    }


@pytest.mark.parametrize("scaling", ["minmax", "minmax_reference"])
@pytest.mark.parametrize("reverse", [False, True])
def test_the_solved_min_and_max_are_published_rates(scaling, reverse):
    # the lowest rate of 2023 (a count of 1) is withheld; 2022 has no withheld value
    table = _hand_table({2022: [10, 20, 30, 40, 50, 60], 2023: [1, 20, 30, 40, 50, 60]})
    ind = {"name": "a", "numerator": "x", "denominator": "n", "reverse": reverse}
    cfg = _hand_cfg(indicators=[ind], scaling=scaling, reference_year=2023)
    res = sozialformel(table, config=cfg, validity=False)
    truth = table.set_index(["ags", "year"])["x"]
    t = res.table
    hidden = t[t["a_suppressed"] == 1]
    assert len(hidden) == 1 and truth.loc[(hidden["ags"].iloc[0], 2023)] == 1
    years = [2023] if scaling == "minmax_reference" else res.years
    for year in years:
        pub = t[(t["year"] == year) & (t["a_suppressed"] == 0)]
        for bound in _solved_bounds(pub["a_rate"], pub["a_scaled"]):
            # a bound the attacker solves is a published rate, never the withheld 1 %
            assert np.isclose(pub["a_rate"], bound, rtol=0, atol=1e-9).any(), (year, bound)
            assert not np.isclose(bound, 1.0)
    if scaling == "minmax_reference":
        written = res.reference["bounds"]["a"]  # rates, also for a reversed indicator
        pub = t[(t["year"] == 2023) & (t["a_suppressed"] == 0)]["a_rate"]
        assert written == pytest.approx([pub.min(), pub.max()])


def test_zscore_mean_and_sd_come_from_published_rates():
    table = _hand_table({2023: [1, 20, 30, 40, 50, 70]})
    res = sozialformel(table, config=_hand_cfg(scaling="zscore"), validity=False)
    t = res.table
    pub = t[t["a_suppressed"] == 0]
    hidden = t[t["a_suppressed"] == 1]
    assert len(hidden) == 1
    a, b = _affine(pub["a_rate"], pub["a_scaled"])
    sd, mean = 1 / a, -b / a
    assert mean == pytest.approx(pub["a_rate"].mean())
    assert sd == pytest.approx(pub["a_rate"].std(ddof=0))
    # with the mean of all six rates, six means minus the published five gave the sixth
    guess = len(t) * mean - pub["a_rate"].sum()
    assert not np.isclose(guess, 1.0)
    # nor does the variance: n·(sd² + mean²) − Σ published² = the withheld rate²
    square = len(t) * (sd**2 + mean**2) - (pub["a_rate"] ** 2).sum()
    assert not np.isclose(square, 1.0)


@pytest.mark.parametrize("method", ["percentile", "rank"])
def test_percentiles_and_ranks_leave_no_gap_for_a_withheld_value(method):
    table = _hand_table({2023: [20, 30, 1, 40, 50, 60]})
    res = sozialformel(table, config=_hand_cfg(scaling=method), validity=False)
    pub = res.table[res.table["a_suppressed"] == 0].sort_values("a_rate")
    n = len(pub)
    expected = np.arange(1, n + 1, dtype=float)
    if method == "percentile":
        expected = 100 * (expected - 1) / (n - 1)
    # ranked among the published values only: where the withheld rate lies is not shown
    assert pub["a_scaled"].tolist() == pytest.approx(expected.tolist())


@pytest.mark.parametrize("suppress_index", [True, False])
def test_the_post_scaling_bounds_are_published_index_values(suppress_index):
    # G1 has the lowest need (a withheld count of 1 and the lowest b): the lowest raw index
    table = _hand_table({2023: [1, 20, 30, 40, 50, 60]}, second={2023: [10, 20, 5, 40, 50, 60]})
    inds = [
        {"name": "a", "numerator": "x", "denominator": "n"},
        {"name": "b", "numerator": "y", "denominator": "n"},
    ]
    cfg = _hand_cfg(
        indicators=inds, scaling="minmax", post_scaling="minmax", suppress_index=suppress_index
    )
    res = sozialformel(table, config=cfg, validity=False)
    t = res.table
    full = t[(t["a_suppressed"] == 0) & (t["b_suppressed"] == 0)]
    raw = full[["a_scaled", "b_scaled"]].mean(axis=1)  # weighted mean, equal weights
    for bound in _solved_bounds(raw, full["index_value"]):
        assert np.isclose(raw, bound, rtol=0, atol=1e-9).any()
    # the index values of the fully published rows span 0–100 themselves
    assert full["index_value"].min() == pytest.approx(0)
    assert full["index_value"].max() == pytest.approx(100)
    g1 = t.set_index("ags").loc["01056001"]
    assert g1["a_suppressed"] == 1
    if suppress_index:
        assert pd.isna(g1["index_value"])


def test_no_bound_of_the_preset_is_a_withheld_value(data):
    """On the example data: the scaling bounds solved from the published pairs (all
    years: the preset scales against 2019) and the post-scaling bounds solved from the
    published index are published values of 2019."""
    res = _run(data)
    cfg = res.config
    assert cfg.scaling == "minmax_reference" and cfg.post_scaling == "minmax_reference"
    t = res.table
    ref_year = t["year"] == cfg.reference_year
    names = [i.name for i in cfg.indicators]
    for ind in cfg.indicators:
        pub = t[t[f"{ind.name}_suppressed"] == 0]
        for bound in _solved_bounds(pub[f"{ind.name}_rate"], pub[f"{ind.name}_scaled"]):
            shown = t.loc[ref_year & (t[f"{ind.name}_suppressed"] == 0), f"{ind.name}_rate"]
            assert np.isclose(shown, bound, rtol=0, atol=1e-9).any(), (ind.name, bound)
    full = t.dropna(subset=[f"{n}_scaled" for n in names] + ["index_value"])
    weights = np.array([i.weight for i in cfg.indicators]) / sum(i.weight for i in cfg.indicators)
    raw = full[[f"{n}_scaled" for n in names]].to_numpy() @ weights
    lo, hi = _solved_bounds(raw, full["index_value"])
    ref_raw = raw[(full["year"] == cfg.reference_year).to_numpy()]
    for bound in (lo, hi):
        assert np.isclose(ref_raw, bound, rtol=0, atol=1e-9).any(), bound
    assert res.reference["index"] == pytest.approx([lo, hi])
    assert not any("withheld value" in str(n) for n in res.notes)


def test_published_ranks_and_percentiles_leave_no_gap_for_a_withheld_index(data):
    res = _run(data)
    frames = [(res.table, ["year"]), (res.groups, ["grouping", "year"])]
    checked = 0
    for frame, by in frames:
        pub = frame[frame["index_suppressed"] == 0]
        assert (frame["index_suppressed"] == 1).any()
        for _, rows in pub.groupby(by):
            idx = rows["index_value"]
            ranks = idx.rank(ascending=False, method="min")
            assert rows["index_rank"].astype(float).tolist() == ranks.tolist()
            n = len(idx)
            pct = 100 * (idx.rank(method="average") - 1) / (n - 1) if n > 1 else 50.0 + 0 * idx
            assert rows["index_percentile"].tolist() == pytest.approx(pct.tolist())
            checked += 1
    assert checked > len(res.years)


def test_a_group_below_the_published_minimum_counts_as_the_minimum_in_a_geometric_mean():
    # A (2 of 100) is withheld, B its complement in AB; AB's pooled rate (5 of 110) lies
    # below the published minimum (C: 20 %), so its min–max value would be negative
    table = pd.DataFrame(
        {
            "ags": ["01056001", "01056002", "01056003", "01056004"],
            "name": ["A", "B", "C", "D"],
            "year": 2023,
            "x": [2, 3, 20, 30],
            "n": [100, 10, 100, 100],
        }
    )
    groups = pd.DataFrame({"ags": table["ags"], "amt": ["AB", "AB", "CD", "CD"], "kreis": "K"})
    cfg = _hand_cfg(scaling="minmax", combination="geometric_mean")
    res = sozialformel(table, config=cfg, groups=groups, validity=False)
    pub = res.table[res.table["a_suppressed"] == 0]
    assert sorted(pub["a_rate"]) == pytest.approx([20, 30])
    g = res.groups.set_index(["grouping", "group_name"]).loc[("amt", "AB")]
    assert g["a_rate"] == pytest.approx(5 / 110 * 100) and g["a_rate"] < pub["a_rate"].min()
    assert g["a_scaled"] == 0 and g["index_value"] == 0


def test_winsorising_quantiles_come_from_published_rates_and_no_note_names_a_withheld_one():
    counts = [1, 20, 30, 40, 50, 60, 70, 80, 90, 95]
    table = pd.DataFrame(
        {
            "ags": [f"{i:08d}" for i in range(len(counts))],
            "name": [f"G{i}" for i in range(len(counts))],
            "year": 2023,
            "x": counts,
            "n": 100,
        }
    )
    res = sozialformel(table, config=_hand_cfg(scaling="raw", winsorize=0.1), validity=False)
    t = res.table
    pub = t["a_suppressed"] == 0
    assert (~pub).sum() == 1
    true_rates = table.set_index("ags").loc[t.loc[pub, "ags"], "x"].astype(float)
    lo, hi = np.quantile(true_rates, [0.1, 0.9])
    assert t.loc[pub, "a_rate"].min() == pytest.approx(lo)
    assert t.loc[pub, "a_rate"].max() == pytest.approx(hi)
    notes = [str(n) for n in res.notes if "winsorised" in str(n)]
    assert any("1 withheld values of 'a' were winsorised too" in n for n in notes)
    listed = next(n for n in notes if "values of 'a' were winsorised to" in n)
    assert "G0" not in listed and "G1" in listed
