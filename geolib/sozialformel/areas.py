"""Joining the index of one year to the area polygons."""

from __future__ import annotations

import numpy as np
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


def _area_keys(areas: pd.DataFrame, result: SozialformelResult, area_key: str) -> pd.Series:
    require_rows(areas, what=N_("area layer"))
    if area_key not in areas.columns:
        raise FieldError(
            "The area layer has no field '{field}'. Its fields: {fields}.",
            field=area_key,
            fields=", ".join(c for c in map(str, areas.columns) if c != "geometry"),
        )
    keys, _note = normalise_keys(
        areas[area_key], width=result.config.key_width, what=N_("area layer")
    )
    return keys


def areas_by_year(
    areas: pd.DataFrame, result: SozialformelResult, *, area_key: str = "AGS"
) -> pd.DataFrame:
    """The result's table (one row per unit and year) with each unit's polygon.

    A map per year: the temporal controller of QGIS steps through the field ``year``.
    Units without a polygon keep an empty geometry (:func:`join_areas` has named them).
    """
    import geopandas as gpd

    keys = _area_keys(areas, result, area_key)
    shapes = pd.Series(areas.geometry.to_numpy(), index=keys.to_numpy())
    shapes = shapes[~shapes.index.isna() & ~shapes.index.duplicated()]
    table = result.table
    geometry = table[result.config.key].astype(str).map(shapes)
    return gpd.GeoDataFrame(table.copy(), geometry=geometry.to_numpy(), crs=areas.crs)


def group_areas(
    areas: pd.DataFrame, result: SozialformelResult, *, area_key: str = "AGS"
) -> tuple[pd.DataFrame, list[Message]]:
    """The result's groups (one row per group and year) with polygons dissolved from
    their members' areas (the group mapping joined to ``areas`` by key).

    Returns
    -------
    (GeoDataFrame, notes)
        A note counts groups without any member polygon (their geometry is empty).
    """
    import geopandas as gpd
    import shapely

    groups = result.groups
    members = result.members
    keys = _area_keys(areas, result, area_key)
    shapes = pd.Series(areas.geometry.to_numpy(), index=keys.to_numpy())
    shapes = shapes[~shapes.index.isna() & ~shapes.index.duplicated()]
    polygons: dict[tuple[str, str], object] = {}
    if members is not None:
        for grouping in groups["grouping"].astype(str).unique():
            of = members[["key", grouping]].dropna()
            for name, part in of.groupby(of[grouping].astype(str)):
                found = part["key"].map(shapes).dropna()
                if len(found):
                    parts = np.asarray(found.to_numpy(), dtype=object)
                    # an invalid member (a self-touching ring) must not break the union
                    parts = np.where(shapely.is_valid(parts), parts, shapely.make_valid(parts))
                    merged = shapely.union_all(parts)
                    polygons[(grouping, str(name))] = _multi(merged)
    index = list(zip(groups["grouping"].astype(str), groups["group_name"].astype(str)))
    geometry = [polygons.get(i) for i in index]
    notes: list[Message] = []
    without = sorted({f"{g}: {n}" for (g, n), shape in zip(index, geometry) if shape is None})
    if without:
        notes.append(
            Message(
                "{n} groups have no member in the area layer; their geometry is empty: {groups}.",
                n=len(without),
                groups=", ".join(without[:10]) + (" …" if len(without) > 10 else ""),
            )
        )
    return gpd.GeoDataFrame(groups.copy(), geometry=geometry, crs=areas.crs), notes


def _multi(shape):
    """Polygons as one MultiPolygon (a group layer has one geometry type)."""
    from shapely.geometry import MultiPolygon, Polygon

    if isinstance(shape, Polygon):
        return MultiPolygon([shape])
    if isinstance(shape, MultiPolygon):
        return shape
    parts = [g for g in getattr(shape, "geoms", []) if isinstance(g, (Polygon, MultiPolygon))]
    polys = [p for g in parts for p in (g.geoms if isinstance(g, MultiPolygon) else [g])]
    return MultiPolygon(polys) if polys else None
