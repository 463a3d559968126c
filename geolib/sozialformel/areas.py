"""Joining the index of one year to the area polygons."""

from __future__ import annotations

import pandas as pd

from .._table import normalise_keys
from ..errors import DataError, FieldError
from ..io import require_rows
from ..messages import N_, Message
from .compute import SozialformelResult


def join_areas(
    areas: pd.DataFrame,
    result: SozialformelResult,
    *,
    area_key: str = "AGS",
    year: int | None = None,
) -> tuple[pd.DataFrame, list[Message]]:
    """The areas with the index of one year (default: the latest).

    Parameters
    ----------
    areas
        Polygons with a key field (the AGS). Not modified.
    result
        From :func:`sozialformel`.
    area_key
        The key field of ``areas``.
    year
        The year to join (default: the latest selected year).

    Returns
    -------
    (GeoDataFrame, notes)
        ``areas`` with every column of the result's table for that year.

    Raises
    ------
    EmptyInputError
        ``areas`` has no rows (an empty selection or filter).
    FieldError
        ``area_key`` is missing.
    DataError
        Keys of the indicator table are not in the area layer (they are listed).
    """
    require_rows(areas, what=N_("area layer"))
    if area_key not in areas.columns:
        raise FieldError(
            "The area layer has no field '{field}'. Its fields: {fields}.",
            field=area_key,
            fields=", ".join(c for c in map(str, areas.columns) if c != "geometry"),
        )
    notes: list[Message] = []
    key = result.config.key
    keys, note = normalise_keys(
        areas[area_key], width=result.config.key_width, what=N_("area layer")
    )
    if note is not None:
        notes.append(note)
    year = result.latest_year if year is None else int(year)
    values = result.table[result.table["year"] == year]
    unknown = sorted(set(values[key].astype(str)) - set(keys.dropna()))
    if unknown:
        raise DataError(
            "{n} keys of the indicator table are not in the area layer (field '{field}'): "
            "{keys}. Choose the matching area layer or key field, or remove these rows.",
            n=len(unknown),
            field=area_key,
            keys=", ".join(unknown[:20]) + (" …" if len(unknown) > 20 else ""),
        )
    without = int((~keys.isin(set(values[key]))).sum())
    if without:
        notes.append(
            Message(
                "{n} areas have no row in the indicator table; their values are empty.", n=without
            )
        )
    joined = areas.copy()
    joined["_key"] = keys.to_numpy()
    values = values.drop(columns=[c for c in ("name",) if c in areas.columns])
    values = values.rename(columns={key: "_key"})
    clash = [c for c in values.columns if c in joined.columns and c != "_key"]
    values = values.rename(columns={c: f"sf_{c}" for c in clash})
    merged = joined.merge(values, on="_key", how="left")
    merged = merged.drop(columns="_key")
    if hasattr(areas, "geometry"):
        import geopandas as gpd

        merged = gpd.GeoDataFrame(merged, geometry=areas.geometry.name, crs=areas.crs)
        cols = [c for c in merged.columns if c != merged.geometry.name] + [merged.geometry.name]
        merged = merged[cols]
    return merged, notes
