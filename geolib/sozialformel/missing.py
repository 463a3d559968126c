"""Missing values: the policies refuse, drop, carry and group_mean.

A unit-year is missing for an indicator when its numerator or denominator is empty
(or its row absent) or the denominator is 0. Every policy names the unit-years it
concerns in its note.

- ``refuse``: an error naming them.
- ``drop``: they are left out of the index and of their groups' pooled counts
  (``n_units`` of a group counts the members that were pooled; see :mod:`.groups`).
- ``carry``: an empty count, or a denominator of 0, takes the unit's value of the
  latest earlier year that has one.
- ``group_mean``: the rate is the mean rate of the other members of the unit's group
  in that year, with the first group field as the group (e.g. the planning region);
  the mean of all units only without a group table. A unit alone in its group (or
  whose group has no other value) is left out, and named.
"""

from __future__ import annotations

import pandas as pd

from ..errors import DataError
from ..messages import Message
from .config import Config, _count_columns
from .engine import _rate
from .notes import listing, unit_year, unit_years


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
    if config.missing == "refuse":
        raise DataError(
            "The indicator table has missing values (an absent row, an empty count or a "
            "denominator of 0) for {n} unit-years: {where}. Fill them, or choose a missing "
            "policy in the configuration: missing = drop | carry | group_mean.",
            n=int(rows.sum()),
            where=listing(unit_years(data, rows)),
        )
    data = data.copy()
    data["imputed"] = ""
    if config.missing == "carry":
        _carry(data, config, notes)
    elif config.missing == "drop":
        notes.append(
            Message(
                "Missing values: {n} unit-years are left out of the index (policy 'drop'): "
                "{where}.",
                n=int(rows.sum()),
                where=listing(_with_indicators(data, missing, rows)),
            )
        )
    else:
        _group_mean(data, config, missing, mapping, fields, notes)
    return data


def _with_indicators(data: pd.DataFrame, missing: pd.DataFrame, rows: pd.Series) -> list[Message]:
    """``"Appen (01056001) 2023 (kinderarmut, altersarmut)"`` for each of ``rows``."""
    labels = unit_years(data, rows)
    lacking = missing.loc[rows].apply(lambda r: ", ".join(r.index[r.to_numpy()]), axis=1)
    return [
        Message("{unit} ({indicators})", unit=label, indicators=what)
        for label, what in zip(labels, lacking)
    ]


def _carry(data: pd.DataFrame, config: Config, notes: list[Message]) -> None:
    """Carry empty counts and denominators of 0 forward from the latest earlier year."""
    counts = _count_columns(config)
    denominators = {ind.denominator for ind in config.indicators}
    work = data[counts].copy()
    for col in denominators:  # a denominator of 0 gives no rate: carried like a gap
        work[col] = work[col].where(work[col] > 0)
    gap = work.isna()
    filled = work.groupby(data["key"], sort=False).ffill()
    carried = gap & filled.notna()
    data[counts] = data[counts].mask(carried, filled)
    from_year = {
        col: data["year"].where(~gap[col]).groupby(data["key"], sort=False).ffill()
        for col in counts
    }
    changed = carried.any(axis=1)
    items = []
    for i in data.index[changed]:
        cols = [c for c in counts if carried.at[i, c]]
        items.append(
            Message(
                "{unit} from {source} ({columns})",
                unit=unit_year(data.at[i, "name"], data.at[i, "key"], data.at[i, "year"]),
                source=int(from_year[cols[0]].at[i]),
                columns=", ".join(cols),
            )
        )
    data.loc[changed, "imputed"] = "carried"
    if items:
        notes.append(
            Message(
                "Missing values: {n} unit-years carried forward from an earlier year (an "
                "empty count or a denominator of 0 takes the unit's latest earlier value): "
                "{where}.",
                n=len(items),
                where=listing(items),
            )
        )
    still = _missing_mask(data, config)
    left = still.any(axis=1)
    if left.any():
        notes.append(
            Message(
                "Missing values: {n} unit-years have no earlier value to carry and are left "
                "out of the index: {where}.",
                n=int(left.sum()),
                where=listing(_with_indicators(data, still, left)),
            )
        )


def _group_mean(
    data: pd.DataFrame,
    config: Config,
    missing: pd.DataFrame,
    mapping: pd.DataFrame | None,
    fields: list[str],
    notes: list[Message],
) -> None:
    """The rate of a missing unit-year: the mean rate of its group in that year."""
    year = data["year"]
    if mapping is not None and fields:
        field = fields[0]
        group_of = data["key"].map(mapping.set_index("key")[field])
        by = [year, group_of]
    else:
        field, group_of, by = None, None, [year]
    got_items: list[Message] = []
    lost = pd.Series(False, index=data.index)
    for ind in config.indicators:
        rate = _rate(data[ind.numerator], data[ind.denominator], ind).where(~missing[ind.name])
        means = rate.groupby(by).transform("mean")
        imputed = rate.fillna(means.where(missing[ind.name]))
        data[f"_imputed_{ind.name}"] = imputed
        got = missing[ind.name] & imputed.notna()
        lost |= missing[ind.name] & imputed.isna()
        for i in data.index[got]:
            unit = unit_year(data.at[i, "name"], data.at[i, "key"], data.at[i, "year"])
            if group_of is None:
                got_items.append(
                    Message("{unit}: {indicator} (all units)", unit=unit, indicator=ind.name)
                )
            else:
                got_items.append(
                    Message(
                        "{unit}: {indicator} ({grouping} '{group}')",
                        unit=unit,
                        indicator=ind.name,
                        grouping=field,
                        group=str(group_of.at[i]),
                    )
                )
    rows = missing.any(axis=1)
    got_rows = rows & ~lost
    data.loc[got_rows, "imputed"] = "group_mean"
    if got_items and field is None:
        notes.append(
            Message(
                "Missing values: {n} values got the mean rate of all units in that year "
                "(no group table): {where}.",
                n=len(got_items),
                where=listing(got_items),
            )
        )
    elif got_items:
        notes.append(
            Message(
                "Missing values: {n} values got the mean rate of the other members of "
                "their group ({grouping}) in that year: {where}.",
                n=len(got_items),
                grouping=field,
                where=listing(got_items),
            )
        )
    if lost.any():
        where = listing(_with_indicators(data, missing, lost))
        if field is None:
            notes.append(
                Message(
                    "Missing values: {n} unit-years are left out of the index because no "
                    "unit has the value in that year: {where}.",
                    n=int(lost.sum()),
                    where=where,
                )
            )
        else:
            notes.append(
                Message(
                    "Missing values: {n} unit-years are left out of the index because no "
                    "other member of their group ({grouping}) has the value in that year: "
                    "{where}.",
                    n=int(lost.sum()),
                    grouping=field,
                    where=where,
                )
            )
