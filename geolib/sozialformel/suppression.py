"""Data protection (Geheimhaltung) of the published outputs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..io import SYNTHETIC_LABEL
from .config import Config


def _publishable(
    frame: pd.DataFrame,
    config: Config,
    years: list[int],
    synthetic: bool,
    publish: bool,
    *,
    unit: bool,
) -> pd.DataFrame:
    frame = frame[frame["year"].isin(years)]
    ident = ["key", "name", "year"] if unit else ["grouping", "group_name", "year", "n_units"]
    out = frame[ident].copy().reset_index(drop=True)
    if unit:
        out = out.rename(columns={"key": config.key})
    t, min_den = config.threshold, config.min_denominator
    for ind in config.indicators:
        num = frame[f"{ind.name}_num"].to_numpy(dtype=float)
        den = frame[f"{ind.name}_den"].to_numpy(dtype=float)
        rate = frame[f"{ind.name}_rate"].to_numpy(dtype=float)
        scaled = frame[f"{ind.name}_scaled"].to_numpy(dtype=float)
        # a sum (income) reveals individuals when it covers few people
        num_small = num < t if ind.kind == "rate" else den < t
        den_small = den < t
        rate_small = num_small | (den < min_den)
        if publish:
            num = np.where(num_small, np.nan, num)
            den = np.where(den_small, np.nan, den)
            rate = np.where(rate_small, np.nan, rate)
            scaled = np.where(rate_small, np.nan, scaled)
        out[f"{ind.name}_num"] = num
        out[f"{ind.name}_den"] = den
        out[f"{ind.name}_rate"] = rate
        out[f"{ind.name}_scaled"] = scaled
        out[f"{ind.name}_suppressed"] = (rate_small & publish).astype(np.int64)
    index_cols = (
        "index_value",
        "index_rank",
        "index_percentile",
        "index_class",
        "index_change",
        "rank_change",
    )
    # secondary suppression: with the index and the other values a suppressed value
    # could be narrowed down, so on request the index of such rows is withheld too
    flagged = out[[f"{i.name}_suppressed" for i in config.indicators]].any(axis=1).to_numpy()
    hide = flagged & publish & config.suppress_index
    for col in index_cols:
        out[col] = np.where(hide, np.nan, frame[col].to_numpy(dtype=float))
    out["index_suppressed"] = hide.astype(np.int64)
    for col in ("index_rank", "index_class", "rank_change"):
        out[col] = out[col].astype("Int64")
    if unit:
        out["imputed"] = frame["imputed"].fillna("").to_numpy()
    out["synthetic"] = np.int64(1 if synthetic else 0)
    out["source_note"] = SYNTHETIC_LABEL if synthetic else ""
    return out
