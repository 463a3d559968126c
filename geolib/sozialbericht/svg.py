"""Municipality polygons as SVG paths for the Sozialbericht's map (no map library).

The map is drawn in a fixed coordinate box (the mainland :data:`MAP_WIDTH` units wide).
Areas far away from the rest (an island such as Helgoland, about 50 km off the coast of
Kreis Pinneberg) would shrink the map to a strip; they are drawn in a framed inset to
the left, at their own scale, as printed maps do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

MAP_WIDTH = 1000.0
INSET_SIZE = 180.0
GAP = 20.0
#: an area is an outlier when it lies farther than this share of the mainland's diagonal
OUTLIER_DISTANCE = 0.25
#: insets only for a few areas: never more than this share of all areas
MAX_OUTLIER_SHARE = 0.1


@dataclass
class MapShapes:
    """SVG path per area (same order as the input), the view box and the inset frame."""

    paths: list[str]
    width: float
    height: float
    inset: dict | None = None
    outliers: list[int] = field(default_factory=list)


def outliers(geoms: gpd.GeoSeries) -> list[int]:
    """Positions of the areas that lie far from the main cluster (see module docs)."""
    n = len(geoms)
    valid = [g for g in geoms if g is not None and not g.is_empty]
    if n < 3 or len(valid) < 3:
        return []
    union = shapely.unary_union(shapely.make_valid(np.asarray(valid, dtype=object)))
    parts = list(getattr(union, "geoms", [union]))
    main = max(parts, key=lambda p: p.area)
    x0, y0, x1, y1 = main.bounds
    limit = OUTLIER_DISTANCE * float(np.hypot(x1 - x0, y1 - y0))
    far = [
        i
        for i, g in enumerate(geoms)
        if g is not None and not g.is_empty and g.distance(main) > limit
    ]
    return far if len(far) <= MAX_OUTLIER_SHARE * n else []


def _ring(coords: np.ndarray) -> str:
    pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords[:-1])
    return f"M{pts}Z"


def _path(geom: BaseGeometry | None, transform) -> str:
    if geom is None or geom.is_empty:
        return ""
    polygons = getattr(geom, "geoms", [geom])
    rings = []
    for poly in polygons:
        if poly.geom_type != "Polygon":
            continue
        for ring in [poly.exterior, *poly.interiors]:
            rings.append(_ring(transform(np.asarray(ring.coords)[:, :2])))
    return "".join(rings)


def _transform(bounds, scale: float, x_off: float, y_off: float):
    x0, _, _, y1 = bounds

    def apply(xy: np.ndarray) -> np.ndarray:
        out = np.empty_like(xy, dtype=float)
        out[:, 0] = x_off + (xy[:, 0] - x0) * scale
        out[:, 1] = y_off + (y1 - xy[:, 1]) * scale
        return out

    return apply


def map_shapes(geoms: gpd.GeoSeries) -> MapShapes:
    """The areas as SVG paths; geographic coordinates are projected (UTM) first."""
    if geoms.crs is not None and geoms.crs.is_geographic:
        geoms = geoms.to_crs(geoms.estimate_utm_crs())
    far = outliers(geoms)
    main_idx = [i for i in range(len(geoms)) if i not in far]
    main = geoms.iloc[main_idx]
    x0, y0, x1, y1 = main.total_bounds
    scale = MAP_WIDTH / max(x1 - x0, 1e-9)
    height = (y1 - y0) * scale
    x_off = INSET_SIZE + GAP if far else 0.0
    paths = [""] * len(geoms)
    tolerance = 0.5 / scale  # half a map unit
    to_main = _transform((x0, y0, x1, y1), scale, x_off, 0.0)
    for i in main_idx:
        g = geoms.iloc[i]
        g = g.simplify(tolerance, preserve_topology=True) if g is not None else g
        paths[i] = _path(g, to_main)
    inset = None
    if far:
        fx0, fy0, fx1, fy1 = geoms.iloc[far].total_bounds
        inner = INSET_SIZE - 2 * GAP
        f_scale = inner / max(fx1 - fx0, fy1 - fy0, 1e-9)
        w, h = (fx1 - fx0) * f_scale, (fy1 - fy0) * f_scale
        to_inset = _transform(
            (fx0, fy0, fx1, fy1), f_scale, GAP + (inner - w) / 2, GAP + (inner - h) / 2
        )
        for i in far:
            g = geoms.iloc[i].simplify(0.5 / f_scale, preserve_topology=True)
            paths[i] = _path(g, to_inset)
        inset = {"x": 0.0, "y": 0.0, "width": INSET_SIZE, "height": INSET_SIZE}
        height = max(height, INSET_SIZE)
    return MapShapes(
        paths=paths,
        width=round(x_off + MAP_WIDTH, 1),
        height=round(height, 1),
        inset=inset,
        outliers=far,
    )
