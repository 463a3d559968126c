"""The index: rates, winsorising, direction, scaling, combination, post-scaling, ranks.

Data protection: every statistic taken from the data (winsorising quantiles, min and max,
mean and standard deviation, the percentile and rank reference set, the reference year's
bounds, the post-scaling's min and max) is computed from the **published** values only
(``published``: per indicator, the unit cells not withheld) and then applied to every
unit. Otherwise two published (rate, scaled) pairs give the min and max of the scaling,
which may be a withheld rate. A withheld value may then scale beyond 0–100 (it is not
published; it enters only its own withheld index).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DataError, ParameterError
from ..messages import Message
from .config import Config, Indicator
from .labels import label
from .notes import winsor_note


def _rate(num: pd.Series, den: pd.Series, ind: Indicator) -> pd.Series:
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = num / den.where(den > 0) * ind.per
    return rate


@dataclass
class _Evaluated:
    frame: pd.DataFrame
    params: dict[str, Any]


def _evaluate(
    data: pd.DataFrame,
    config: Config,
    notes: list[Message],
    *,
    reference: _Evaluated | None,
    published: dict[str, np.ndarray] | None = None,
) -> _Evaluated:
    """Rates → winsorising → direction → scaling → combination → post-scaling → rank.

    ``published``: per indicator, a mask over the rows of ``data`` of the values that are
    published (default: all). The statistics of the units' scaling come from these alone;
    with ``suppress_index``, ranks and percentiles are counted among the rows whose
    values are all published."""
    is_group = reference is not None
    out = data.copy()
    year = out["year"]
    directed = {}
    shown = {
        ind.name: pd.Series(
            True if published is None else np.asarray(published[ind.name], dtype=bool),
            index=out.index,
        )
        for ind in config.indicators
    }
    params: dict[str, Any] = {
        "winsor": {},
        "scale": {},
        "post": None,
        "directed": None,
        "published": shown,
    }
    for ind in config.indicators:
        if is_group:
            num, den = out[f"_{ind.name}_num"], out[f"_{ind.name}_den"]
        else:
            num, den = out[ind.numerator], out[ind.denominator]
        rate = _rate(num, den, ind)
        if f"_imputed_{ind.name}" in out.columns:
            rate = out[f"_imputed_{ind.name}"]
        out[f"{ind.name}_num"] = num
        out[f"{ind.name}_den"] = den
        # winsorising with the units' quantiles of each year
        if config.winsorize > 0:
            if reference is not None:
                lo, hi = reference.params["winsor"][ind.name]
            else:
                # quantiles of the published values (a withheld value is no bound)
                ref_rate = rate.where(shown[ind.name])
                lo = ref_rate.groupby(year).quantile(config.winsorize)
                hi = ref_rate.groupby(year).quantile(1 - config.winsorize)
                params["winsor"][ind.name] = (lo, hi)
            rate, unclipped = rate.clip(year.map(lo), year.map(hi)), rate
            if reference is None:  # the values winsorised, by name (see notes.py)
                notes.extend(_winsor_notes(out, unclipped, rate, ind, config, shown[ind.name]))
        out[f"{ind.name}_rate"] = rate
        directed[ind.name] = -rate if ind.reverse else rate
    directed_frame = pd.DataFrame(directed, index=out.index)
    params["directed"] = directed_frame
    for ind in config.indicators:
        method = config.scaling_of(ind)
        v = directed_frame[ind.name]
        if reference is not None:
            ref_v = reference.params["directed"][ind.name]
            ref_year = reference.frame["year"]
            scaled = _scale_against(v, year, ref_v, ref_year, method, ind, config, reference)
        else:
            scaled, p = _scale_units(v, year, method, ind, config, shown[ind.name])
            params["scale"][ind.name] = p
            notes.extend(_unscaled_years(v, year, method, ind, shown[ind.name]))
        if config.combination in ("geometric_mean", "product"):
            # below the published minimum (a withheld unit, a group pooling one) counts as
            # the minimum; other negative values are refused below
            below = (scaled < 0) & (~shown[ind.name] if reference is None else True)
            scaled = scaled.mask(below & _published_min(method, ind, config, year), 0.0)
        out[f"{ind.name}_scaled"] = scaled
    scaled_cols = [f"{i.name}_scaled" for i in config.indicators]
    weights = np.array([i.weight for i in config.indicators], dtype=float)
    scaled_matrix = out[scaled_cols].to_numpy(dtype=float)
    if config.combination in ("geometric_mean", "product"):
        neg = np.argwhere(scaled_matrix < 0)
        if len(neg):
            r, c = neg[0]
            raise DataError(
                "The {combination} needs scaled values of 0 or more, but '{indicator}' is "
                "{value} for {unit} in {year}. Use min–max or percentile scaling, or the "
                "weighted mean.",
                combination=label(config.combination),
                indicator=config.indicators[c].name,
                value=round(float(scaled_matrix[r, c]), 4),
                unit=str(out["group_name" if is_group else "key"].iloc[r]),
                year=int(out["year"].iloc[r]),
            )
    raw_index = combine(scaled_matrix, weights, config.combination)
    out["index_raw"] = raw_index
    # the post-scaling's reference: rows whose scaled values are all published
    all_shown = pd.concat(shown.values(), axis=1).all(axis=1)
    out["index_value"] = _post_scale(out, config, params, reference, all_shown)
    if reference is None and config.post_scaling == "minmax":
        notes.extend(_unscaled_index_years(out["index_raw"], year, all_shown))
    # rank and percentile within the year (groups: within their grouping and year), among
    # the published indices (with suppress_index, a withheld index leaves no gap)
    by = [out["year"]] if not is_group else [out["grouping"], out["year"]]
    idx = out["index_value"].where(all_shown) if config.suppress_index else out["index_value"]
    out["index_rank"] = idx.groupby(by).rank(ascending=False, method="min")
    asc = idx.groupby(by).rank(method="average")
    n = idx.groupby(by).transform("count")
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(n > 1, 100 * (asc - 1) / (n - 1), 50.0)
    out["index_percentile"] = np.where(idx.notna(), pct, np.nan)
    # change against the previous year (empty where there is none)
    ident = ["key"] if not is_group else ["grouping", "group_name"]
    prev = out[[*ident, "year", "index_value", "index_rank"]].copy()
    prev["year"] = prev["year"] + 1
    prev = prev.rename(columns={"index_value": "_prev_index", "index_rank": "_prev_rank"})
    out = out.merge(prev, on=[*ident, "year"], how="left")
    out["index_change"] = out["index_value"] - out["_prev_index"]
    out["rank_change"] = out["_prev_rank"] - out["index_rank"]
    out = out.drop(columns=["_prev_index", "_prev_rank"])
    return _Evaluated(out, params)


def _winsor_notes(
    out: pd.DataFrame,
    before: pd.Series,
    after: pd.Series,
    ind: Indicator,
    config: Config,
    shown: pd.Series,
) -> list[Message]:
    """The published values winsorised, by name; withheld ones only counted (their old
    value is the withheld rate)."""
    notes = [winsor_note(out, before.where(shown), after.where(shown), ind, config)]
    withheld = int(((before != after) & before.notna() & ~shown).sum())
    if withheld:
        notes.append(
            Message(
                "Outliers: {n} withheld values of '{indicator}' were winsorised too (not "
                "listed: data protection).",
                n=withheld,
                indicator=ind.name,
            )
        )
    return [n for n in notes if n is not None]


def _unscaled_years(
    v: pd.Series, year: pd.Series, method: str, ind: Indicator, shown: pd.Series
) -> list[Message]:
    """A note for each year with values of ``ind`` but none published: its per-year
    scaling statistics come from published values only, so that year has none."""
    if method not in ("minmax", "zscore", "percentile", "rank"):
        return []
    return [
        Message(
            "In {year} no value of '{indicator}' is published (all are withheld for data "
            "protection): its scaling has no statistics for that year, so that year's "
            "index is empty. Pool small units (a group table) or leave that year out (YEARS).",
            year=y,
            indicator=ind.name,
        )
        for y in _years_without_published(v, year, shown)
    ]


def _unscaled_index_years(raw: pd.Series, year: pd.Series, shown: pd.Series) -> list[Message]:
    """A note for each year with an index but no row whose values are all published: the
    post-scaling's bounds come from those rows only, so that year has none."""
    return [
        Message(
            "In {year} no area has all its values published (data protection): the "
            "scaling of the index to 0–100 has no bounds for that year, so that year's "
            "index is empty. Pool small units (a group table) or leave that year out "
            "(YEARS).",
            year=y,
        )
        for y in _years_without_published(raw, year, shown)
    ]


def _years_without_published(values: pd.Series, year: pd.Series, shown: pd.Series) -> list[int]:
    """The years with values but none of them published (``shown``)."""
    has_values = values.notna().groupby(year).any()
    has_published = values.where(shown).notna().groupby(year).any()
    return [int(y) for y in has_values.index[has_values & ~has_published]]


def _published_min(method: str, ind: Indicator, config: Config, year: pd.Series) -> pd.Series:
    """Rows whose scaling has the minimum of the published values as its 0."""
    if method == "minmax_reference" and ind.bounds is None:
        return year == config.reference_year
    return pd.Series(method == "minmax", index=year.index)


def _scale_units(
    v: pd.Series,
    year: pd.Series,
    method: str,
    ind: Indicator,
    config: Config,
    shown: pd.Series | None = None,
) -> tuple[pd.Series, dict[str, Any]]:
    """Scale the units' values ``v`` with statistics of the published ones (``shown``)."""
    ref = v if shown is None else v.where(shown)
    grouped = ref.groupby(year)
    if method == "minmax":
        lo, hi = grouped.min(), grouped.max()
        return _minmax(v, year.map(lo), year.map(hi)), {"lo": lo, "hi": hi}
    if method == "minmax_reference":
        lo, hi = _reference_bounds(ref, year, ind, config)
        return _minmax(v, pd.Series(lo, index=v.index), pd.Series(hi, index=v.index)), {
            "lo": lo,
            "hi": hi,
        }
    if method == "zscore":
        mean, std = grouped.mean(), grouped.std(ddof=0)
        return _zscore(v, year.map(mean), year.map(std)), {"mean": mean, "std": std}
    if method in ("percentile", "rank"):
        if shown is None or bool(shown.all()):
            r = grouped.rank(method="average")
            if method == "rank":
                return r, {}
            n = grouped.transform("count")
            with np.errstate(divide="ignore", invalid="ignore"):
                p = pd.Series(np.where(n > 1, 100 * (r - 1) / (n - 1), 50.0), index=v.index)
            return p.where(v.notna()), {}
        # published values ranked among themselves, withheld ones inserted among them
        out = _scale_units(v.where(shown), year, method, ind, config)[0]
        hidden = ~shown & v.notna()
        inserted = _rank_among(v[hidden], year[hidden], ref, year, method)
        out[hidden] = inserted
        return out, {}
    return v.copy(), {}


def _zscore(v: pd.Series, mean: pd.Series, std: pd.Series) -> pd.Series:
    with np.errstate(divide="ignore", invalid="ignore"):
        z = ((v - mean) / std.where(std > 0)).where(std > 0, 0.0)
    # no published value in the year: no mean, no sd, no z-score
    return z.where(std.notna()).where(v.notna())


def _rank_among(
    v: pd.Series, year: pd.Series, ref_v: pd.Series, ref_year: pd.Series, method: str
) -> pd.Series:
    """Rank or percentile of each value inserted among the reference values of its year
    (its average rank among the n reference values and itself)."""
    out = pd.Series(np.nan, index=v.index)
    for y in year.unique():
        units = np.sort(ref_v[(ref_year == y).to_numpy()].dropna().to_numpy())
        rows = (year == y).to_numpy() & v.notna().to_numpy()
        g = v[rows].to_numpy()
        less = np.searchsorted(units, g, side="left")
        equal = np.searchsorted(units, g, side="right") - less
        r = less + (equal + 2) / 2
        n = len(units)
        if n:  # without a published value in the year there is nothing to rank among
            out[rows] = r if method == "rank" else 100 * (r - 1) / n
    return out


def _reference_bounds(
    v: pd.Series, year: pd.Series, ind: Indicator, config: Config
) -> tuple[float, float]:
    if ind.bounds is not None:
        lo, hi = ind.bounds
        return (-hi, -lo) if ind.reverse else (lo, hi)
    ref = v[year == config.reference_year]
    return float(ref.min()), float(ref.max())


def _minmax(v: pd.Series, lo, hi) -> pd.Series:
    span = hi - lo
    with np.errstate(divide="ignore", invalid="ignore"):
        s = 100 * (v - lo) / span.where(span > 0)
    # all units equal: every one gets the middle of the scale; no published value in the
    # year (no bounds): no scaled value
    return s.where(span > 0, 50.0).where(span.notna()).where(v.notna())


def _scale_against(
    v: pd.Series,
    year: pd.Series,
    ref_v: pd.Series,
    ref_year: pd.Series,
    method: str,
    ind: Indicator,
    config: Config,
    reference: _Evaluated,
) -> pd.Series:
    """Scale group values with the parameters of the units (same year)."""
    p = reference.params["scale"][ind.name]
    if method == "minmax":
        return _minmax(v, year.map(p["lo"]), year.map(p["hi"]))
    if method == "minmax_reference":
        return _minmax(v, pd.Series(p["lo"], index=v.index), pd.Series(p["hi"], index=v.index))
    if method == "zscore":
        return _zscore(v, year.map(p["mean"]), year.map(p["std"]))
    if method in ("percentile", "rank"):
        shown = reference.params["published"][ind.name]
        return _rank_among(v, year, ref_v.where(shown), ref_year, method)
    return v.copy()


def combine(scaled: np.ndarray, weights: np.ndarray, method: str) -> np.ndarray:
    """Combine scaled values (units × indicators) with weights (indicators or draws × indicators).

    Returns units (× draws) combined values; NaN where any input is NaN.
    """
    w = np.asarray(weights, dtype=float)
    two_d = w.ndim == 2
    w2 = w if two_d else w[None, :]
    norm = w2 / w2.sum(axis=1, keepdims=True)
    s = np.asarray(scaled, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if method == "weighted_mean":
            out = s @ norm.T
        elif method == "sum":
            out = s @ w2.T
        elif method == "geometric_mean":
            out = np.exp(np.log(s) @ norm.T)
        elif method == "product":
            out = np.exp(np.log(s) @ w2.T)
        else:  # pragma: no cover - validated in load_config
            raise ParameterError("Unknown combination '{method}'.", method=method)
    # -inf @ w gives nan when a zero meets another zero weight-sum case; a zero factor is 0
    if method in ("geometric_mean", "product"):
        zero = (s == 0).any(axis=1) & ~np.isnan(s).any(axis=1)
        out[zero] = 0.0
    out[np.isnan(s).any(axis=1)] = np.nan
    return out if two_d else out[:, 0]


def _post_scale(
    out: pd.DataFrame,
    config: Config,
    params: dict[str, Any],
    reference: _Evaluated | None,
    shown: pd.Series,
) -> pd.Series:
    """The combined index scaled to 0–100 with bounds of the published rows (``shown``)."""
    raw = out["index_raw"]
    year = out["year"]
    ref_raw = raw.where(shown)
    if config.post_scaling == "none":
        return raw.copy()
    if reference is not None:
        lo, hi = reference.params["post"]
    elif config.post_scaling == "minmax":
        lo, hi = ref_raw.groupby(year).min(), ref_raw.groupby(year).max()
        params["post"] = (lo, hi)
    elif config.index_bounds is not None:
        lo, hi = config.index_bounds
        params["post"] = (lo, hi)
    else:
        ref = ref_raw[year == config.reference_year]
        lo, hi = float(ref.min()), float(ref.max())
        params["post"] = (lo, hi)
    if isinstance(lo, pd.Series):
        return _minmax(raw, year.map(lo), year.map(hi))
    return _minmax(raw, pd.Series(lo, index=raw.index), pd.Series(hi, index=raw.index))
