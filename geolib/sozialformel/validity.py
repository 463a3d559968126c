"""Validity checks: correlations, Cronbach's alpha, contributions, rank intervals."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from .._progress import Progress
from ..messages import Message
from .config import Config
from .engine import _Evaluated, _scale_units, combine
from .labels import label


@dataclass
class Validity:
    """Checks of the index for one year (see :func:`sozialformel`).

    Attributes
    ----------
    year
        The year checked (the latest selected year).
    pearson, spearman
        Correlations between the directed indicator values (indicators × indicators).
    alpha
        Cronbach's alpha of the scaled values.
    contributions
        Per indicator: ``weight`` (normalised), ``mean_share`` (mean share of the
        weighted scaled value in the sum), ``corr_index`` (Pearson with the index),
        ``rank_corr_without`` (Spearman between the index and the index without it).
    ranks
        Per unit: ``rank``, ``rank_low`` and ``rank_high`` (5th and 95th percentile
        over random weights), ``rank_min_scalings`` and ``rank_max_scalings`` (over
        the other scalings), ``rank_interval_low``/``rank_interval_high`` (both) and
        one ``rank_<scaling>`` column per scaling tried.
    """

    year: int
    pearson: pd.DataFrame
    spearman: pd.DataFrame
    alpha: float
    contributions: pd.DataFrame
    ranks: pd.DataFrame
    scalings: list[str] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)


def _validity(units: _Evaluated, config: Config, year: int, progress: Progress) -> Validity:
    frame = units.frame
    rows = (frame["year"] == year) & frame["index_value"].notna()
    sub = frame.loc[rows]
    names = [i.name for i in config.indicators]
    labels = sub["name"].astype(str).to_numpy()
    keys = sub["key"].astype(str).to_numpy()
    directed = units.params["directed"].loc[rows, names].to_numpy(dtype=float)
    scaled = sub[[f"{n}_scaled" for n in names]].to_numpy(dtype=float)
    weights = np.array([i.weight for i in config.indicators], dtype=float)
    notes: list[Message] = []
    k, n = len(names), len(sub)
    from scipy.stats import rankdata

    if n > 2 and k > 1:
        with np.errstate(divide="ignore", invalid="ignore"):
            pearson = np.corrcoef(directed, rowvar=False)
            spearman = np.corrcoef(rankdata(directed, axis=0), rowvar=False)
    else:
        pearson = spearman = np.full((k, k), np.nan)
    pearson_df = pd.DataFrame(np.atleast_2d(pearson), index=names, columns=names)
    spearman_df = pd.DataFrame(np.atleast_2d(spearman), index=names, columns=names)
    if k > 1 and n > 1:
        item_var = scaled.var(axis=0, ddof=1).sum()
        total_var = scaled.sum(axis=1).var(ddof=1)
        alpha = float(k / (k - 1) * (1 - item_var / total_var)) if total_var > 0 else np.nan
    else:
        alpha = float("nan")
    index = sub["index_value"].to_numpy(dtype=float)
    norm = weights / weights.sum()
    weighted = scaled * norm
    with np.errstate(divide="ignore", invalid="ignore"):
        share = weighted / weighted.sum(axis=1, keepdims=True)
    contrib_rows = []
    base_rank = rankdata(-index, method="min")
    for c, name in enumerate(names):
        with np.errstate(divide="ignore", invalid="ignore"):
            corr = float(np.corrcoef(scaled[:, c], index)[0, 1]) if n > 2 else np.nan
        if k > 1 and n > 2:
            keep = [j for j in range(k) if j != c]
            without = combine(scaled[:, keep], weights[keep], config.combination)
            with np.errstate(divide="ignore", invalid="ignore"):
                rc = float(np.corrcoef(rankdata(without), rankdata(index))[0, 1])
        else:
            rc = np.nan
        contrib_rows.append(
            {
                "indicator": name,
                "weight": float(norm[c]),
                "mean_share": float(np.nanmean(share[:, c])) if n else np.nan,
                "corr_index": corr,
                "rank_corr_without": rc,
            }
        )
    contributions = pd.DataFrame(contrib_rows)
    progress.report(0.3)
    ranks = pd.DataFrame({"key": keys, "name": labels, "rank": base_rank.astype(float)})
    if n:
        rng = np.random.default_rng(config.seed)
        draws = max(int(config.weight_draws), 0)
        if draws:
            factors = rng.uniform(1 - config.weight_spread, 1 + config.weight_spread, (draws, k))
            combined = combine(scaled, weights[None, :] * factors, config.combination)
            r = rankdata(-combined, method="min", axis=0)
            ranks["rank_low"] = np.percentile(r, 5, axis=1)
            ranks["rank_high"] = np.percentile(r, 95, axis=1)
        progress.report(0.7)
        tried = []
        for method in ("minmax", "zscore", "percentile", "rank", "minmax_reference"):
            if method == "minmax_reference" and config.reference_year is None:
                continue
            alt_cfg = replace(
                config,
                scaling=method,
                indicators=tuple(replace(i, scaling=None) for i in config.indicators),
            )
            cols = []
            for ind in alt_cfg.indicators:
                v = units.params["directed"][ind.name]
                shown = units.params["published"][ind.name]
                s, _ = _scale_units(v, frame["year"], method, ind, alt_cfg, shown)
                cols.append(s[rows].to_numpy(dtype=float))
            alt = np.column_stack(cols)
            if config.combination in ("geometric_mean", "product") and (alt < 0).any():
                notes.append(
                    Message(
                        "Sensitivity: the scaling '{method}' gives negative values, which "
                        "the {combination} cannot take; it was left out.",
                        method=label(method),
                        combination=label(config.combination),
                    )
                )
                continue
            combined = combine(alt, weights, config.combination)
            ranks[f"rank_{method}"] = rankdata(-combined, method="min")
            tried.append(method)
        if tried:
            cols = [f"rank_{m}" for m in tried]
            ranks["rank_min_scalings"] = ranks[cols].min(axis=1)
            ranks["rank_max_scalings"] = ranks[cols].max(axis=1)
        low = [c for c in ("rank_low", "rank_min_scalings", "rank") if c in ranks]
        high = [c for c in ("rank_high", "rank_max_scalings", "rank") if c in ranks]
        ranks["rank_interval_low"] = ranks[low].min(axis=1)
        ranks["rank_interval_high"] = ranks[high].max(axis=1)
    else:
        tried = []
    ranks = ranks.sort_values("rank", kind="stable").reset_index(drop=True)
    progress.report(1.0)
    return Validity(
        year=year,
        pearson=pearson_df,
        spearman=spearman_df,
        alpha=alpha,
        contributions=contributions,
        ranks=ranks,
        scalings=tried,
        notes=notes,
    )
