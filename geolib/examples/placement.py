"""Where an offer lies: near a place, on a street or beside a point of interest."""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ..crs import DEFAULT_CRS, to_metric


def _lines_in(lines: gpd.GeoSeries, polygon: BaseGeometry) -> tuple[list[BaseGeometry], np.ndarray]:
    """Parts of ``lines`` inside ``polygon`` and their lengths, the same on every GEOS.

    GEOS versions order index hits and split clipped lines differently; merging the
    pieces of each line, normalising and sorting gives one answer for one seed.
    """
    if lines is None or len(lines) == 0:
        return [], np.zeros(0)
    idx = np.sort(lines.sindex.query(polygon, predicate="intersects"))
    parts: list[BaseGeometry] = []
    for geom in shapely.intersection(lines.values[idx], polygon):
        pieces = [g for g in shapely.get_parts(geom) if g.geom_type == "LineString"]
        if not pieces:
            continue
        merged = shapely.normalize(shapely.line_merge(shapely.multilinestrings(pieces)))
        parts.extend(g for g in shapely.get_parts(merged) if g.length > 20)
    parts.sort(key=lambda g: (*np.round(shapely.get_coordinates(g)[0], 3), round(g.length, 3)))
    return parts, np.array([p.length for p in parts])


def _offset_point(
    rng: np.random.Generator, x: float, y: float, lo: float, hi: float
) -> tuple[float, float]:
    angle = rng.uniform(0, 2 * np.pi)
    dist = rng.uniform(lo, hi)
    return x + dist * np.cos(angle), y + dist * np.sin(angle)


def _optional_metric(data: gpd.GeoDataFrame | None, what: str) -> gpd.GeoDataFrame | None:
    if data is None or len(data) == 0:
        return None
    out, _ = to_metric(data, DEFAULT_CRS, what=what)
    out = out[out.geometry.notna() & ~out.geometry.is_empty]
    return out.reset_index(drop=True) if len(out) else None


def _centre(row: pd.Series, polygon: BaseGeometry, places: gpd.GeoDataFrame | None) -> Point:
    """The municipality's OSM place point, else its centroid (if inside), else a point in it."""
    if places is not None and "name" in places.columns:
        match = places[places["name"] == row["GEN"]]
        if "class" in match.columns:
            match = match[match["class"] != "island"]
        for geom in match.geometry:
            if polygon.contains(geom):
                return geom
    centroid = polygon.centroid
    return centroid if polygon.contains(centroid) else polygon.representative_point()


def _points_in(points: gpd.GeoDataFrame | None, polygon: BaseGeometry) -> np.ndarray:
    if points is None:
        return np.zeros((0, 2))
    idx = points.sindex.query(polygon, predicate="contains")
    geoms = points.geometry.values[np.sort(idx)]
    return shapely.get_coordinates(geoms)


def _place_point(
    rng: np.random.Generator,
    prepared: Any,
    polygon: BaseGeometry,
    centre: Point,
    spread: float,
    street_parts: list[BaseGeometry],
    street_len: np.ndarray,
    poi_xy: np.ndarray,
) -> Point:
    """One random point inside ``polygon``: near a POI, on a street, or around the centre."""
    has_streets = len(street_parts) > 0
    has_pois = len(poi_xy) > 0
    for _ in range(200):
        u = rng.random()
        if has_pois and u < 0.2:
            x0, y0 = poi_xy[rng.integers(len(poi_xy))]
            x, y = _offset_point(rng, x0, y0, 5.0, 35.0)
        elif has_streets and u < 0.6:
            part = street_parts[rng.choice(len(street_parts), p=street_len / street_len.sum())]
            on_line = part.interpolate(rng.uniform(0, part.length))
            x, y = _offset_point(rng, on_line.x, on_line.y, 8.0, 25.0)
        else:
            x = centre.x + rng.normal(0, spread)
            y = centre.y + rng.normal(0, spread)
        candidate = Point(round(x, 2), round(y, 2))
        if prepared.contains(candidate):
            return candidate
    return polygon.representative_point()  # practically never reached
