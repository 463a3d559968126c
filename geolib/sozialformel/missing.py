"""Missing values: the policies refuse, drop, carry and group_mean."""

from __future__ import annotations

import pandas as pd

from ..errors import DataError
from ..messages import N_, Message
from .config import Config, _count_columns
from .engine import _rate


def _missing_mask(data: pd.DataFrame, config: Config) -> pd.DataFrame:
    mask = {}
    for ind in config.indicators:
        num, den = data[ind.numerator], data[ind.denominator]
        mask[ind.name] = num.isna() | den.isna() | (den <= 0)
    return pd.DataFrame(mask, index=data.index)


def _handle_missing(
    data: pd.DataFrame,
    config: Config,
    mapping: pd.DataFrame | None,
    fields: list[str],
    notes: list[Message],
) -> pd.DataFrame:
    missing = _missing_mask(data, config)
    if not missing.any().any():
        data["imputed"] = ""
        return data
    rows = missing.any(axis=1)
    detail = _unit_years(data, rows)
    if config.missing == "refuse":
        raise DataError(
            "The indicator table has missing values (an absent row, an empty count or a "
            "denominator of 0) for {n} unit-years: {where}. Fill them, or choose a missing "
            "policy in the configuration: missing = drop | carry | group_mean.",
            n=int(rows.sum()),
            where=detail,
        )
    data = data.copy()
    data["imputed"] = ""
    if config.missing == "carry":
        counts = _count_columns(config)
        had_nan = data[counts].isna().any(axis=1)
        filled = data.groupby("key", sort=False)[counts].ffill()
        changed = had_nan & filled.notna().all(axis=1)
        data[counts] = filled
        data.loc[changed, "imputed"] = "carried"
        still = _missing_mask(data, config).any(axis=1)
        notes.append(
            Message(
                "Missing values: {n} unit-years carried forward from the previous year; "
                "{left} without an earlier value are left out of the index ({where}).",
                n=int(changed.sum()),
                left=int(still.sum()),
                where=detail,
            )
        )
    elif config.missing == "drop":
        notes.append(
            Message(
                "Missing values: {n} unit-years are left out of the index (policy 'drop'): "
                "{where}.",
                n=int(rows.sum()),
                where=detail,
            )
        )
    else:  # group_mean: the rate is imputed from the other units of the group in that year
        group_of = None
        if mapping is not None and fields:
            group_of = data["key"].map(mapping.set_index("key")[fields[0]])
        imputed_rates = {}
        for ind in config.indicators:
            rate = _rate(data[ind.numerator], data[ind.denominator], ind)
            rate = rate.where(~missing[ind.name])
            by = [data["year"]] if group_of is None else [data["year"], group_of]
            means = rate.groupby(by).transform("mean")
            if group_of is not None:  # a group without any value falls back to the year mean
                means = means.fillna(rate.groupby(data["year"]).transform("mean"))
            imputed_rates[f"_imputed_{ind.name}"] = rate.fillna(means.where(missing[ind.name]))
        for col, values in imputed_rates.items():
            data[col] = values
        # no unit of the year has the value: nothing to take a mean from
        lost = pd.concat(
            [imputed_rates[f"_imputed_{ind.name}"].isna() for ind in config.indicators], axis=1
        ).any(axis=1)
        got = rows & ~lost
        data.loc[got, "imputed"] = "group_mean"
        if got.any():
            notes.append(
                Message(
                    "Missing values: {n} unit-years got the mean rate of their group ({group}) "
                    "in that year: {where}.",
                    n=int(got.sum()),
                    group=fields[0] if fields else N_("all units"),
                    where=_unit_years(data, got),
                )
            )
        if lost.any():
            notes.append(
                Message(
                    "Missing values: {n} unit-years are left out of the index because no unit "
                    "has the value in that year: {where}.",
                    n=int(lost.sum()),
                    where=_unit_years(data, lost),
                )
            )
    return data


def _unit_years(data: pd.DataFrame, rows: pd.Series) -> str:
    """``"key year, …"`` of the first ten ``rows`` (for messages)."""
    where = (data.loc[rows, "key"].astype(str) + " " + data.loc[rows, "year"].astype(str)).tolist()
    return ", ".join(where[:10]) + (" …" if len(where) > 10 else "")
