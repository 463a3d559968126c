"""Groups (planning regions, the Kreis, size classes): the mapping table and pooled counts."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._table import code_labels, normalise_keys
from ..errors import DataError, FieldError, ParameterError
from ..messages import N_, Message
from .config import Config, _count_columns
from .missing import _missing_mask
from .notes import listing, unit_years


def _prepare_groups(
    groups: pd.DataFrame | None,
    group_fields: Sequence[str] | str | None,
    config: Config,
    data: pd.DataFrame,
    notes: list[Message],
) -> tuple[pd.DataFrame | None, list[str]]:
    if groups is None:
        if group_fields:
            raise ParameterError("Group fields were given but no group table.")
        return None, []
    if config.key not in groups.columns:
        raise FieldError(
            "The group table has no key column '{key}'. Its columns: {columns}.",
            key=config.key,
            columns=", ".join(map(str, groups.columns)),
        )
    if isinstance(group_fields, str):
        group_fields = [f.strip() for f in group_fields.split(",") if f.strip()]
    if not group_fields:
        group_fields = [c for c in groups.columns if c not in (config.key, config.name)]
    for name in group_fields:
        if name not in groups.columns:
            raise FieldError(
                "The group table has no column '{column}'. Its columns: {columns}.",
                column=name,
                columns=", ".join(map(str, groups.columns)),
            )
    mapping = groups[[config.key, *group_fields]].copy()
    keys, note = normalise_keys(mapping[config.key], width=config.key_width, what=N_("group table"))
    if note is not None:
        notes.append(note)
    mapping[config.key] = keys
    for name in group_fields:  # 1.0 → "1" when a numeric column has empty cells
        mapping[name] = code_labels(mapping[name])
    mapping = mapping.rename(columns={config.key: "key"})
    if keys.isna().any():  # e.g. the empty rows at the end of a spreadsheet export
        notes.append(
            Message(
                "{n} rows of the group table have no key and were skipped.",
                n=int(keys.isna().sum()),
            )
        )
        mapping = mapping[keys.notna().to_numpy()]
    if mapping["key"].duplicated().any():
        raise DataError(
            "The group table lists keys more than once: {keys}. Give one row per unit.",
            keys=", ".join(mapping.loc[mapping["key"].duplicated(), "key"].astype(str).head(10)),
        )
    unknown = sorted(set(data["key"]) - set(mapping["key"]))
    if unknown:
        notes.append(
            Message(
                "{n} units of the indicator table are in no group ({keys}); they count for "
                "no group.",
                n=len(unknown),
                keys=", ".join(unknown[:10]),
            )
        )
    return mapping, list(group_fields)


def _pool(
    data: pd.DataFrame,
    mapping: pd.DataFrame,
    group_field: str,
    config: Config,
    notes: list[Message] | None = None,
) -> pd.DataFrame:
    """Pooled counts per group and year.

    Only unit-years that are complete for an indicator enter its pooled counts;
    ``n_units`` counts the members pooled for every indicator (a member left out,
    e.g. by ``missing = drop``, is not counted). ``notes`` gets the members left out,
    by group and name.
    """
    counts = _count_columns(config)
    joined = data.merge(mapping[["key", group_field]], on="key", how="inner")
    joined = joined[joined[group_field].notna()]
    missing = _missing_mask(joined, config)
    pooled_parts = {}
    for ind in config.indicators:
        ok = ~missing[ind.name]
        part = joined.loc[ok].groupby([group_field, "year"])[[ind.numerator, ind.denominator]].sum()
        pooled_parts[ind.name] = part
    complete = ~missing.any(axis=1)
    members = joined.groupby([group_field, "year"])["key"].nunique()
    n_units = (
        joined.loc[complete]
        .groupby([group_field, "year"])["key"]
        .nunique()
        .reindex(members.index, fill_value=0)
    )
    frame = pd.DataFrame(index=members.index)
    for col in counts:
        frame[col] = np.nan
    for ind in config.indicators:
        part = pooled_parts[ind.name].reindex(frame.index)
        frame[f"_{ind.name}_num"] = part[ind.numerator]
        frame[f"_{ind.name}_den"] = part[ind.denominator]
    frame["n_units"] = n_units.astype(np.int64)
    frame = frame.reset_index().rename(columns={group_field: "group_name"})
    frame.insert(0, "grouping", group_field)
    frame["group_name"] = frame["group_name"].astype(str)
    frame["imputed"] = ""
    if notes is not None and (~complete).any():
        notes.append(_left_out_note(joined, missing, group_field))
    return frame


def _left_out_note(joined: pd.DataFrame, missing: pd.DataFrame, group_field: str) -> Message:
    rows = missing.any(axis=1)
    items = [
        Message(
            "'{group}': {unit} ({indicators})",
            group=str(group),
            unit=unit,
            indicators=", ".join(missing.columns[missing.loc[i].to_numpy()]),
        )
        for i, group, unit in zip(
            joined.index[rows], joined.loc[rows, group_field], unit_years(joined, rows)
        )
    ]
    return Message(
        "Groups ({grouping}): {n} unit-years are not in their group's pooled counts for "
        "the indicators they lack, and not counted in n_units: {where}.",
        grouping=group_field,
        n=len(items),
        where=listing(items),
    )
