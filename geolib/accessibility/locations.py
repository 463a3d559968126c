"""Where demand units and offers lie: one point per feature, each point of a multipoint."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely


def _routable(n: int, unroutable: gpd.GeoDataFrame) -> np.ndarray:
    """Mask of the rows of a reset-index frame that are not in ``unroutable``."""
    ok = np.ones(n, dtype=bool)
    ok[np.asarray(unroutable.index, dtype=np.int64)] = False
    return ok


def _supply_locations(gdf: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The points of every offer (each point of a multipoint) and the offer row of each."""
    geoms = np.asarray(gdf.geometry.values)
    multi = shapely.get_type_id(geoms) == 4
    if not multi.any():
        return _locations(gdf), np.arange(len(gdf))
    counts = np.where(multi, np.maximum(shapely.get_num_geometries(geoms), 1), 1)
    owner = np.repeat(np.arange(len(gdf)), counts)
    xy = np.repeat(_locations(gdf), counts, axis=0)
    rows = np.flatnonzero(multi)
    parts, index = shapely.get_parts(geoms[rows], return_index=True)
    rank = np.arange(len(index)) - np.searchsorted(index, index)  # the part's number
    at = (np.cumsum(counts) - counts)[rows[index]] + rank
    xy[at] = shapely.get_coordinates(parts)[:, :2]
    return xy, owner


def _per_offer(costs: pd.DataFrame, owner: np.ndarray) -> pd.DataFrame:
    """A cost table to offer points as one to offers: the cheapest point of each offer."""
    if len(owner) == 0 or (len(owner) == owner[-1] + 1):
        return costs
    table = costs.assign(destination=owner[costs["destination"].to_numpy()])
    return table.groupby(["origin", "destination"], as_index=False, sort=True)["cost"].min()


def _locations(gdf: gpd.GeoDataFrame) -> np.ndarray:
    """One point per feature: points as they are, polygons and lines at a point on them."""
    geoms = gdf.geometry
    pts = geoms.where(geoms.geom_type.isin(["Point"]), geoms.representative_point())
    return np.column_stack([pts.x.to_numpy(), pts.y.to_numpy()])
