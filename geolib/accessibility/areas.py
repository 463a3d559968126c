"""Population-weighted means of unit scores per area (e.g. per municipality)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np

from ..crs import to_metric
from ..messages import N_
from ..validate import numeric_field


def weighted_mean_by_area(
    units: gpd.GeoDataFrame,
    areas: gpd.GeoDataFrame,
    *,
    values: list[str],
    weight_field: str,
) -> gpd.GeoDataFrame:
    """Population-weighted means of ``values`` of the units within each area.

    A unit belongs to the area containing its representative point. NULL values
    are left out of both sums.

    .. math:: \\bar v_a = \\sum_{u \\in a} w_u v_u \\Big/ \\sum_{u \\in a,\\, v_u \\ne NULL} w_u
    """
    areas_m, _ = to_metric(areas, units.crs, what=N_("area layer"))
    pts = gpd.GeoDataFrame(
        {"_unit": np.arange(len(units))},
        geometry=units.geometry.representative_point().values,
        crs=units.crs,
    )
    joined = gpd.sjoin(
        pts,
        gpd.GeoDataFrame(
            {"_area": np.arange(len(areas_m))}, geometry=areas_m.geometry.values, crs=areas_m.crs
        ),
        how="inner",
        predicate="intersects",
    ).drop_duplicates("_unit")
    out = areas.copy().reset_index(drop=True).set_geometry(areas_m.geometry.values, crs=areas_m.crs)
    rows = joined["_unit"].to_numpy()
    # numeric_field: a text population field ('12,5') is accepted as in accessibility()
    w = numeric_field(units, weight_field, what=N_("demand layer")).to_numpy()[rows]
    area_idx = joined["_area"].to_numpy()
    out[f"{weight_field}_sum"] = np.bincount(area_idx, weights=np.nan_to_num(w), minlength=len(out))
    for name in values:
        v = numeric_field(units, name, what=N_("demand layer")).to_numpy()[rows]
        ok = np.isfinite(v) & np.isfinite(w)
        num = np.bincount(area_idx[ok], weights=(w * v)[ok], minlength=len(out))
        den = np.bincount(area_idx[ok], weights=w[ok], minlength=len(out))
        with np.errstate(divide="ignore", invalid="ignore"):
            out[f"{name}_mean"] = np.where(den > 0, num / den, np.nan)
    return out
