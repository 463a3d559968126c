"""Planning regions and municipal profiles of the atlas: the numbers as printed, protected.

From the Sozialformel's outputs (``sozialformel`` with the municipalities' polygons,
``sozialformel_jahre`` per municipality and year, ``sozialformel_gruppen`` per group and
year) and a mapping table municipality → planning region, :func:`print_layers` makes
the layers that the planning-region pages and the Gemeindesteckbrief print:

- ``sozialformel_planungsraeume``: the planning regions' polygons (the municipalities
  dissolved by the mapping table) with the latest published index;
- ``planungsraeume_rangfolge``: rank, index and change per planning region and year;
- ``gemeindesteckbrief``: one polygon per municipality with its texts (index, rank,
  change, offers and their reach);
- ``gemeindesteckbrief_werte``: per municipality and indicator the values over the years.

Data protection: every number is written here as text, once. A withheld value (NULL, or
flagged by a field ending in ``_suppressed`` or ``suppression`` with a true value or
"primary"/"secondary", of the value's own prefix or without one) is printed as
"withheld" (German "geheim"), and so are its rank and its change; the change against a
withheld previous year is not printed either. Ranks are counted among the published
values of a year, so a withheld row leaves no gap that would place it between others.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geolib._table import code_labels

from .atlas_themes import tr, tr_noop
from .styling import number

#: what a withheld value prints (German: "geheim")
WITHHELD = tr_noop("withheld")
#: what a value not computed (no previous year, no data) prints
NO_VALUE = "–"
INDEX = "index_value"
REGION_FIELDS = ("planungsraum", "planungsraeume", "amt")
_FLAG_TEXT = {"1", "true", "yes", "ja", "primary", "secondary", "primär", "sekundär"}


def _flag_prefix(column: str) -> str | None:
    """The prefix a flag field protects ("" for the whole row), or None for no flag."""
    low = column.lower()
    if low.endswith("_suppressed"):
        return low[: -len("_suppressed")]
    if low.endswith("suppression"):
        return low[: -len("suppression")].rstrip("_")
    if low == "suppressed":
        return ""
    return None


def _flagged(column: pd.Series) -> np.ndarray:
    if column.dtype.kind in "biuf":
        return (pd.to_numeric(column, errors="coerce").fillna(0) != 0).to_numpy()
    text = column.astype("string").fillna("").str.strip().str.lower()
    return text.isin(_FLAG_TEXT).to_numpy()


def value_prefix(value: str) -> str:
    """``index_value`` → ``index``; ``kinderarmut_rate`` → ``kinderarmut``."""
    return re.sub(r"_(value|rate)$", "", value.lower())


def withheld(frame: pd.DataFrame, value: str) -> np.ndarray:
    """Rows whose ``value`` must not be printed: NULL, or flagged (its prefix or the row)."""
    if value not in frame.columns:
        return np.ones(len(frame), dtype=bool)
    mask = pd.to_numeric(frame[value], errors="coerce").isna().to_numpy().copy()
    prefix = value_prefix(value)
    for column in frame.columns:
        flag = _flag_prefix(str(column))
        if flag is not None and flag in ("", prefix):
            mask |= _flagged(frame[column])
    return mask


def published(frame: pd.DataFrame, value: str) -> pd.Series:
    """``value`` as numbers with every withheld one NaN."""
    numbers = pd.to_numeric(frame[value], errors="coerce") if value in frame else np.nan
    return pd.Series(np.where(withheld(frame, value), np.nan, numbers), index=frame.index)


def indicators(frame: pd.DataFrame) -> list[str]:
    """The indicator names of a Sozialformel output (``<name>_rate`` fields)."""
    return [c[: -len("_rate")] for c in frame.columns if str(c).endswith("_rate")]


def indicator_labels(names: Sequence[str], settings: dict | None = None) -> dict[str, str]:
    """Readable labels of the indicators ``names``: from ``settings`` (the Sozialformel
    run's, see :func:`indicator_settings`), else the preset's; the field name otherwise."""
    labels = {name: name for name in names}
    for name, label, _ in _settings(settings):
        if name in labels and label:
            labels[name] = label
    return labels


def reversed_indicators(names: Sequence[str], settings: dict | None = None) -> set[str]:
    """The indicators of ``names`` whose high values mean less need (``reverse``, e.g.
    income per taxpayer): from ``settings``, else the Sozialformel preset."""
    return {name for name, _, reverse in _settings(settings) if name in names and reverse}


def indicator_settings(provenance: dict | None) -> dict | None:
    """The indicators' labels and directions a Sozialformel output's provenance names
    (``{name: {"label": ..., "reverse": ...}}``); None when it names none."""
    found = ((provenance or {}).get("parameters") or {}).get("indicators")
    return found if isinstance(found, dict) and found else None


def _settings(settings: dict | None) -> list[tuple[str, str, bool]]:
    if settings:
        return [
            (str(name), str(s.get("label") or ""), bool(s.get("reverse")))
            for name, s in settings.items()
            if isinstance(s, dict)
        ]
    return [(ind.name, ind.label, bool(ind.reverse)) for ind in _preset_indicators()]


def _preset_indicators() -> list:
    try:
        from geolib.sozialformel import load_config

        return list(load_config(None).indicators)
    except Exception:  # no preset: names only, every indicator read as "high = need"
        return []


# --- texts --------------------------------------------------------------------------------
def text(value, decimals: int = 1) -> str:
    """A published number as printed (NaN: "–")."""
    if value is None or pd.isna(value):
        return NO_VALUE
    return number(round(float(value), decimals), decimals, fixed=True)


def signed(value, decimals: int = 1) -> str:
    """A published change as printed: "+2,0", "−1,5", "±0,0" (NaN: "–")."""
    if value is None or pd.isna(value):
        return NO_VALUE
    value = round(float(value), decimals)
    if value == 0:
        return "±" + number(0.0, decimals, fixed=True)
    return ("+" if value > 0 else "−") + number(abs(value), decimals, fixed=True)


@dataclass
class YearTable:
    """Published values per unit and year, with ranks and changes (NaN where withheld)."""

    frame: pd.DataFrame  # unit, year, value, hidden, rank, change, rank_change

    def cell(self, unit: str, year: int, what: str = "value", decimals: int = 1) -> str:
        rows = self.frame[(self.frame["unit"] == unit) & (self.frame["year"] == year)]
        if rows.empty:
            return NO_VALUE
        row = rows.iloc[0]
        if row["hidden"]:
            return tr(WITHHELD)
        if what == "rank":
            return NO_VALUE if pd.isna(row["rank"]) else str(int(row["rank"]))
        if what == "change":
            return signed(row["change"], decimals)
        if what == "rank_change":
            return signed(row["rank_change"], 0)
        return text(row["value"], decimals)


def year_table(
    frame: pd.DataFrame, unit: str, value: str, year: str = "year", *, low_is_need: bool = False
) -> YearTable:
    """Ranks (1 = most need: the highest value, or the lowest with ``low_is_need``) among
    the published values of each year, and the change against the previous year where
    both years are published."""
    data = pd.DataFrame(
        {
            "unit": frame[unit].astype(str).to_numpy(),
            "year": pd.to_numeric(frame[year], errors="coerce").astype("Int64").to_numpy(),
            "value": published(frame, value).to_numpy(),
            "hidden": withheld(frame, value),
        }
    ).dropna(subset=["year"])
    data["year"] = data["year"].astype(int)
    data["rank"] = data.groupby("year")["value"].rank(ascending=low_is_need, method="min")
    data = data.sort_values(["unit", "year"]).reset_index(drop=True)
    previous = data.groupby("unit").shift(1)
    consecutive = (data["year"] - previous["year"]) == 1
    data["change"] = np.where(consecutive, data["value"] - previous["value"], np.nan)
    data["rank_change"] = np.where(consecutive, previous["rank"] - data["rank"], np.nan)
    return YearTable(data)


# --- the print layers ------------------------------------------------------------------------
def region_mapping(table: pd.DataFrame) -> pd.DataFrame:
    """``ags`` → ``planungsraum`` from a mapping table (columns found by name)."""
    columns = {str(c).lower(): c for c in table.columns}
    key = next((columns[c] for c in ("ags", "key", "gemeinde_ags") if c in columns), None)
    region = next((columns[c] for c in REGION_FIELDS if c in columns), None)
    if key is None or region is None:
        raise ValueError(
            tr(
                "The planning-region table needs a column 'ags' and a column 'planungsraum' "
                "(or 'amt'); it has: {columns}."
            ).format(columns=", ".join(map(str, table.columns)))
        )
    # codes as the Sozialformel names its groups (1, not 1.0; an empty cell: no region)
    out = pd.DataFrame(
        {"ags": table[key].astype(str).str.strip(), "planungsraum": code_labels(table[region])}
    )
    return out.drop_duplicates("ags")


def region_polygons(areas, mapping: pd.DataFrame, groups: pd.DataFrame | None, notes: list[str]):
    """The municipalities dissolved into planning regions, with the latest index."""
    import geopandas as gpd

    key = "AGS" if "AGS" in areas.columns else "ags"
    merged = areas[[key, "geometry"]].merge(mapping, left_on=key, right_on="ags", how="left")
    missing = merged["planungsraum"].isna()
    if missing.any():
        notes.append(
            tr("Municipalities without a planning region, left out of its map: {keys}.").format(
                keys=", ".join(merged.loc[missing, key].astype(str))
            )
        )
    merged = merged[~missing]
    regions = merged.dissolve(by="planungsraum", as_index=False)[["planungsraum", "geometry"]]
    regions = gpd.GeoDataFrame(regions, geometry="geometry", crs=areas.crs)
    regions["index_value"] = np.nan
    regions["index_text"] = NO_VALUE
    regions["year"] = pd.NA
    if groups is not None and len(groups):
        rows = _region_rows(groups)
        latest = int(pd.to_numeric(rows["year"]).max())
        table = year_table(rows, "group_name", INDEX)
        latest_rows = table.frame[table.frame["year"] == latest].set_index("unit")
        values = regions["planungsraum"].map(latest_rows["value"])
        regions["index_value"] = values.astype(float)
        regions["index_text"] = [
            table.cell(name, latest) for name in regions["planungsraum"].astype(str)
        ]
        regions["year"] = latest
    return regions


def _region_rows(groups: pd.DataFrame) -> pd.DataFrame:
    """The planning-region rows of the Sozialformel's group output."""
    if "grouping" not in groups.columns:
        return groups
    kinds = groups["grouping"].astype(str).str.lower()
    for name in REGION_FIELDS:
        if (kinds == name).any():
            return groups[kinds == name]
    return groups.iloc[0:0]


def ranking_table(groups: pd.DataFrame) -> pd.DataFrame:
    """Rank, index and change per planning region and year, as printed."""
    rows = _region_rows(groups)
    table = year_table(rows, "group_name", INDEX)
    out = []
    for _, row in table.frame.iterrows():
        unit, year = row["unit"], int(row["year"])
        out.append(
            {
                "year": year,
                "sort": 10_000 if pd.isna(row["rank"]) else int(row["rank"]),
                "planungsraum": unit,
                "rank_text": table.cell(unit, year, "rank"),
                "index_text": table.cell(unit, year),
                "change_text": table.cell(unit, year, "change"),
                "rank_change_text": table.cell(unit, year, "rank_change"),
            }
        )
    frame = pd.DataFrame(out)
    return frame.sort_values(["year", "sort", "planungsraum"]).reset_index(drop=True)


def profiles(
    areas,
    years: pd.DataFrame | None,
    mapping: pd.DataFrame | None,
    extra: dict[str, pd.DataFrame],
    settings: dict | None = None,
) -> tuple:
    """``gemeindesteckbrief`` (polygons with texts) and ``gemeindesteckbrief_werte``;
    ``settings``: the indicators' labels and directions (:func:`indicator_settings`)."""
    import geopandas as gpd

    key = "AGS" if "AGS" in areas.columns else "ags"
    name = "GEN" if "GEN" in areas.columns else "name"
    long = years if years is not None and len(years) else areas.drop(columns="geometry")
    long = long.copy()
    long["_unit"] = long["ags" if "ags" in long.columns else key].astype(str)
    all_years = sorted(int(y) for y in pd.to_numeric(long["year"]).dropna().unique())
    latest = all_years[-1]
    index = year_table(long, "_unit", INDEX)
    base = gpd.GeoDataFrame(
        {
            "ags": areas[key].astype(str).to_numpy(),
            "gen": areas[name].astype(str).to_numpy(),
        },
        geometry=areas.geometry.to_numpy(),
        crs=areas.crs,
    )
    counted = index.frame[index.frame["year"] == latest]["value"].notna().sum()
    regions = dict(zip(mapping["ags"], mapping["planungsraum"])) if mapping is not None else {}
    base["planungsraum"] = [regions.get(a) or NO_VALUE for a in base["ags"]]
    base["year"] = latest
    base["index_text"] = [index.cell(a, latest) for a in base["ags"]]
    base["rank_text"] = [_rank_of(index.cell(a, latest, "rank"), counted) for a in base["ags"]]
    base["change_text"] = [index.cell(a, latest, "change") for a in base["ags"]]
    base["rank_change_text"] = [index.cell(a, latest, "rank_change") for a in base["ags"]]
    base["trend_text"] = [
        " · ".join(f"{y}: {index.cell(a, y)}" for y in all_years) for a in base["ags"]
    ]
    base["offers_text"] = [_offers_text(a, extra) for a in base["ags"]]
    base["reach_text"] = [_reach_text(a, extra) for a in base["ags"]]

    names = indicators(long)
    labels = indicator_labels(names, settings)
    low = reversed_indicators(names, settings)
    tables = {
        ind: year_table(long, "_unit", f"{ind}_rate", low_is_need=ind in low) for ind in names
    }
    rows = []
    for ags in base["ags"]:
        for order, (label, table, decimals) in enumerate(
            [(tr("Sozialformel index"), index, 1)]
            + [(labels[i], tables[i], 0 if "einkommen" in i else 1) for i in names]
        ):
            row = {"ags": ags, "sort": order, "indicator": label}
            for year in all_years[-5:]:
                row[f"j{year}"] = table.cell(ags, year, decimals=decimals)
            row["change_text"] = table.cell(ags, latest, "change", decimals)
            row["rank_text"] = table.cell(ags, latest, "rank")
            rows.append(row)
    values = pd.DataFrame(rows)
    return base, values, all_years[-5:]


def _rank_of(rank: str, counted: int) -> str:
    if not rank[:1].isdigit():
        return rank
    return tr("{rank} of {count}").format(rank=rank, count=counted)


def _lookup(extra: dict[str, pd.DataFrame], table: str, ags: str, field: str):
    frame = extra.get(table)
    if frame is None or field not in frame.columns:
        return None
    key = "AGS" if "AGS" in frame.columns else "ags"
    rows = frame[frame[key].astype(str) == ags]
    if rows.empty or withheld(rows, field)[0]:
        return None
    return rows.iloc[0][field]


def _offers_text(ags: str, extra: dict[str, pd.DataFrame]) -> str:
    offers = _lookup(extra, "angebote_je_einwohner", ags, "offers")
    if offers is None:
        return tr("no data on offers")
    rate = _lookup(extra, "angebote_je_einwohner", ags, "offers_per_1000")
    out = tr("{offers} offers").format(offers=number(float(offers), 0))
    if rate is not None:
        out += " · " + tr("{rate} per 1,000 inhabitants").format(rate=text(rate, 2))
    return out


def _reach_text(ags: str, extra: dict[str, pd.DataFrame]) -> str:
    parts = []
    score = _lookup(extra, "erreichbarkeit_kinder", ags, "score_norm")
    if score is not None:
        parts.append(
            tr("accessibility for children {score} (Kreis mean = 1)").format(score=text(score, 2))
        )
    nearest = _lookup(extra, "erreichbarkeit_kinder", ags, "nearest_m")
    if nearest is not None:
        parts.append(tr("nearest offer {metres} m").format(metres=number(float(nearest), 0)))
    return " · ".join(parts) if parts else tr("no data on the reach of offers")
