"""The Sozialbericht's data: the Sozialformel outputs with their data protection applied.

Every value that the Sozialformel withheld (NULL, or flagged in a ``*_suppressed`` or
``*_suppression`` field: primary or secondary suppression) is *absent* from the data: no
number, no text, no rank, no class, and no change that would reveal it through a
neighbouring year. Ranks are counted among the published values of a year, so a
withheld row leaves no gap that would place it between two others. Counts are never
included, only rates, means and the index.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._table import normalise_keys
from ..errors import FieldError, ParameterError
from ..io import SYNTHETIC_LABEL, require_rows
from ..messages import N_, Message
from ..sozialformel import Config
from .format import de_number, is_missing

INDEX = "index"
#: the Sozialformel's class colours (styles/sozialformel.qml, ColorBrewer YlOrRd)
RAMP = [(255, 255, 178), (254, 204, 92), (253, 141, 60), (240, 59, 32), (189, 0, 38)]
#: the groupings preferred as planning regions, in this order
REGION_GROUPINGS = ("planungsraum", "planungsraeume", "amt")


def class_colours(count: int) -> list[str]:
    """``count`` colours from the ramp, evenly spaced (as QGIS's ``ramp.color(i/(n-1))``)."""
    stops = np.linspace(0, 1, len(RAMP))
    out = []
    for i in range(count):
        t = i / max(count - 1, 1)
        rgb = [round(float(np.interp(t, stops, [c[k] for c in RAMP]))) for k in range(3)]
        out.append("#{:02x}{:02x}{:02x}".format(*rgb))
    return out


def _truthy(column: pd.Series) -> np.ndarray:
    if column.dtype.kind in "biuf":
        values = pd.to_numeric(column, errors="coerce")
        return (values.fillna(0) != 0).to_numpy()
    text = column.astype("string").fillna("").str.strip().str.lower()
    return (~text.isin(["", "0", "none", "no", "false", "nein", "keine"])).to_numpy()


def withheld(frame: pd.DataFrame, value: str, prefix: str) -> np.ndarray:
    """Rows whose ``value`` is withheld: NULL, or flagged in ``<prefix>_suppress*``."""
    mask = frame[value].isna().to_numpy().copy() if value in frame.columns else None
    if mask is None:
        mask = np.ones(len(frame), dtype=bool)
    for col in frame.columns:
        if str(col).startswith(f"{prefix}_suppress"):
            mask |= _truthy(frame[col])
    return mask


def decimals_for(values: pd.Series) -> int:
    """0 decimals for large values (income in EUR), else 1."""
    present = values.dropna().abs()
    return 0 if len(present) and float(present.median()) >= 1000 else 1


def _published(frame: pd.DataFrame, config: Config) -> pd.DataFrame:
    """``frame`` reduced to published values (withheld ones NaN), per year."""
    out = pd.DataFrame({"year": frame[config.year].astype(int).to_numpy()}, index=frame.index)
    hide = withheld(frame, "index_value", INDEX)
    out["index"] = np.where(hide, np.nan, pd.to_numeric(frame["index_value"], errors="coerce"))
    if "index_class" in frame.columns:
        cls = pd.to_numeric(frame["index_class"], errors="coerce")
        out["class"] = np.where(hide, np.nan, cls)
    else:
        out["class"] = np.nan
    for ind in config.indicators:
        col = f"{ind.name}_rate"
        if col not in frame.columns:
            out[ind.name] = np.nan
            continue
        hidden = withheld(frame, col, ind.name)
        out[ind.name] = np.where(hidden, np.nan, pd.to_numeric(frame[col], errors="coerce"))
    return out


def _ranks(values: pd.DataFrame) -> pd.Series:
    """Rank per year among the published index values (1 = highest, ties share)."""
    return values.groupby("year")["index"].rank(ascending=False, method="min")


def unit_series(
    rows: pd.DataFrame, years: Sequence[int], config: Config, decimals: dict[str, int]
) -> dict[str, Any]:
    """Per year (as text keys) the published values of one unit, formatted for the page."""
    by_year = {int(r["year"]): r for _, r in rows.iterrows()}
    out: dict[str, Any] = {}
    previous: Any = None
    for year in years:
        row = by_year.get(year)
        if row is None:
            out[str(year)] = {"noData": True}
            previous = None
            continue
        entry: dict[str, Any] = {}
        value = row["index"]
        if is_missing(value):
            entry["withheld"] = True
        else:
            entry["value"] = round(float(value), 3)
            entry["text"] = de_number(value, 1)
            if not is_missing(row["class"]):
                entry["class"] = int(row["class"])
            if not is_missing(row.get("rank")):
                entry["rank"] = int(row["rank"])
            if previous is not None and not is_missing(previous["index"]):
                entry["change"] = de_number(value - previous["index"], 1, signed=True)
                if not is_missing(previous.get("rank")) and not is_missing(row.get("rank")):
                    places = int(previous["rank"]) - int(row["rank"])
                    entry["rankChange"] = de_number(places, 0, signed=True)
        indicators = {}
        for ind in config.indicators:
            v = row[ind.name]
            indicators[ind.name] = (
                {"withheld": True}
                if is_missing(v)
                else {"value": round(float(v), 4), "text": de_number(v, decimals[ind.name])}
            )
        entry["indicators"] = indicators
        out[str(year)] = entry
        previous = row
    return out


def _legend(values: pd.DataFrame, years: Sequence[int], count: int) -> dict[str, list]:
    """Per year: each class with the range of its published values ("" when none)."""
    legend = {}
    for year in years:
        rows = values[(values["year"] == year) & values["class"].notna()]
        entries = []
        for cls in range(1, count + 1):
            members = rows.loc[rows["class"] == cls, "index"]
            text = (
                f"{de_number(members.min(), 1)} – {de_number(members.max(), 1)}"
                if len(members)
                else ""
            )
            # no count per class: with quantile classes a class short of members
            # would tell in which class a withheld value lies
            entries.append({"class": cls, "range": text})
        legend[str(year)] = entries
    return legend


def require_columns(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise FieldError(
            "The {what} has no field(s) {fields}; use the matching output of the "
            "Sozialformel. Its fields: {available}.",
            what=what,
            fields=", ".join(missing),
            available=", ".join(map(str, frame.columns)),
        )


def choose_grouping(groups: pd.DataFrame, group_field: str | None) -> str:
    """The grouping shown as planning regions: the chosen one, else a preferred name,
    else the first grouping with more than one group."""
    available = [str(g) for g in pd.unique(groups["grouping"])]
    if group_field:
        if group_field not in available:
            raise ParameterError(
                "The group table has no grouping '{field}'; it has: {available}.",
                field=group_field,
                available=", ".join(available),
            )
        return group_field
    for name in REGION_GROUPINGS:
        if name in available:
            return name
    sizes = groups.groupby("grouping")["group_name"].nunique()
    several = [g for g in available if sizes.get(g, 0) > 1]
    if not several:
        raise ParameterError(
            "The group table has no grouping with more than one group ({available}); "
            "choose the group field of the planning regions.",
            available=", ".join(available),
        )
    return several[0]


def report_data(
    *,
    table: pd.DataFrame,
    config: Config,
    names: dict[str, str],
    paths: dict[str, str],
    groups: pd.DataFrame | None,
    membership: dict[str, str],
    group_field: str | None,
    notes: list[Message],
) -> dict[str, Any]:
    """The data object of the page (see :func:`geolib.sozialbericht.sozialbericht_data`)."""
    require_rows(table, what=N_("table per area and year"))
    require_columns(
        table,
        [config.key, config.year, "index_value", "index_class"],
        N_("table per area and year"),
    )
    keys, note = normalise_keys(table[config.key], width=config.key_width)
    if note is not None:
        notes.append(note)
    table = table.assign(_key=keys.to_numpy())
    years = sorted(int(y) for y in pd.unique(table[config.year]))
    values = _published(table, config)
    values["key"] = table["_key"].to_numpy()
    values["rank"] = _ranks(values)
    decimals = {
        ind.name: decimals_for(values[ind.name]) if ind.name in values else 1
        for ind in config.indicators
    }
    class_count = int(max(config.class_count, np.nanmax(values["class"].to_numpy(), initial=0)))
    unknown = sorted(set(values["key"].dropna()) - set(paths))
    if unknown:
        notes.append(
            Message(
                "{n} keys of the table per area and year have no area and are not on the "
                "map: {keys}.",
                n=len(unknown),
                keys=", ".join(unknown[:10]) + (" …" if len(unknown) > 10 else ""),
            )
        )
    table_names = (
        dict(zip(table["_key"], table[config.name].astype(str)))
        if config.name in table.columns
        else {}
    )
    areas = []
    for key in sorted(set(paths) | set(values["key"].dropna())):
        rows = values[values["key"] == key]
        areas.append(
            {
                "key": key,
                "name": names.get(key) or table_names.get(key, key),
                "path": paths.get(key, ""),
                "region": membership.get(key),
                "years": unit_series(rows, years, config, decimals),
            }
        )
    data: dict[str, Any] = {
        "title": config.title,
        "description": config.description,
        "years": years,
        "synthetic": bool(
            "synthetic" in table.columns and _truthy(table["synthetic"].fillna(0)).any()
        ),
        "syntheticLabel": SYNTHETIC_LABEL,
        "threshold": config.threshold,
        "minDenominator": config.min_denominator,
        "indicators": [
            {
                "name": ind.name,
                "label": ind.label or ind.name,
                "reversed": bool(ind.reverse),
                "decimals": decimals[ind.name],
            }
            for ind in config.indicators
        ],
        "classes": class_colours(class_count),
        "legend": _legend(values, years, class_count),
        "areas": areas,
        "regions": [],
        "comparison": None,
        "regionField": None,
    }
    if groups is not None and len(groups):
        _add_groups(data, groups, config, years, decimals, membership, group_field, notes)
    return data


def _add_groups(
    data: dict[str, Any],
    groups: pd.DataFrame,
    config: Config,
    years: list[int],
    decimals: dict[str, int],
    membership: dict[str, str],
    group_field: str | None,
    notes: list[Message],
) -> None:
    require_columns(
        groups, ["grouping", "group_name", "year", "index_value"], N_("table per group and year")
    )
    groups = groups.rename(columns={"year": config.year}) if config.year != "year" else groups
    grouping = choose_grouping(groups, group_field)
    data["regionField"] = grouping
    regions = groups[groups["grouping"] == grouping].copy()
    values = _published(regions, config)
    values["name"] = regions["group_name"].astype(str).to_numpy()
    values["rank"] = _ranks(values)
    members: dict[str, list[str]] = {}
    for key, region in membership.items():
        members.setdefault(region, []).append(key)
    for name in sorted(pd.unique(values["name"])):
        rows = values[values["name"] == name]
        data["regions"].append(
            {
                "name": name,
                "members": sorted(members.get(name, [])),
                "years": unit_series(rows, years, config, decimals),
            }
        )
    without = sorted(set(members) - set(values["name"]))
    if without:
        notes.append(
            Message(
                "{n} planning regions of the mapping are not in the table per group and "
                "year: {names}.",
                n=len(without),
                names=", ".join(without[:10]),
            )
        )
    # a grouping with one group (the Kreis) is the comparison line of the charts
    for other, rows in groups.groupby("grouping"):
        if other != grouping and rows["group_name"].nunique() == 1:
            values = _published(rows, config)
            values["rank"] = np.nan  # a single group has no rank to show
            data["comparison"] = {
                "name": str(rows["group_name"].iloc[0]),
                "years": unit_series(values, years, config, decimals),
            }
            break
