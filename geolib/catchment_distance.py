"""Straight-line (Luftlinie) catchments: circles around the offers, with reached population."""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ._progress import Progress
from .catchment_areas import _union, _voronoi_cells
from .catchment_common import (
    ALL_OFFERS,
    CatchmentResult,
    _check_offers,
    _check_overlap,
    _offer_ids,
    parse_breaks,
)
from .crs import to_metric
from .errors import EmptyInputError
from .messages import N_, Message
from .population import _with_population, checked_population


def distance_catchments(
    offers: gpd.GeoDataFrame,
    *,
    breaks: str | Sequence[float],
    id_field: str | None = "offer_id",
    overlap: str = "per_offer",
    rings: bool = False,
    population: gpd.GeoDataFrame | None = None,
    population_field: str | None = None,
    population_areas: gpd.GeoDataFrame | None = None,
    land_share_field: str | None = None,
    crs=None,
    progress: Progress | None = None,
) -> CatchmentResult:
    """Straight-line (Luftlinie) catchments: circles of each break in metres.

    Parameters are those of :func:`network_catchments`; ``breaks`` are radii in
    metres. ``"split"`` assigns each place to its nearest offer (Voronoi cells
    clipped to the circles).

    Notes
    -----
    The area of offer :math:`i` at break :math:`r` is
    :math:`\\{x : \\lVert x - p_i \\rVert \\le r\\}`; population is counted
    area-weighted: :math:`P(A) = \\sum_j P_j \\, |A \\cap Z_j| / |Z_j|`.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import Point
    >>> offers = gpd.GeoDataFrame({"offer_id": ["a"]}, geometry=[Point(0, 0)], crs=25832)
    >>> res = distance_catchments(offers, breaks=[100])
    >>> round(float(res.areas.area.iloc[0]) / 10000, 2)  # about π hectares
    3.14
    """
    progress = progress or Progress()
    notes: list[Message] = []
    values = parse_breaks(breaks)
    _check_overlap(overlap)
    _check_offers(offers)
    counted = checked_population(
        population,
        population_field,
        population_areas=population_areas,
        land_share_field=land_share_field,
    )
    ids = _offer_ids(offers, id_field, notes)
    pts, note = to_metric(offers.reset_index(drop=True), crs, what=N_("offers layer"))
    if note:
        notes.append(note)
    geoms = np.asarray(pts.geometry.values)
    missing = pd.isna(geoms) | shapely.is_empty(geoms)
    unroutable = pts[missing].copy()
    unroutable["offer_id"] = ids.to_numpy()[missing]
    unroutable["reason"] = N_("no geometry")
    if missing.all():
        raise EmptyInputError(
            "The {what} is empty. Choose a layer with at least one offer.",
            what=N_("offers layer"),
        )
    keep = np.flatnonzero(~missing)
    geoms = geoms[keep]
    kind = shapely.get_type_id(geoms)
    other = (kind != 0) & (kind != 4)  # multipoints stay whole: circles around each point
    if other.any():
        geoms = geoms.copy()
        geoms[other] = shapely.point_on_surface(geoms[other])
    if (kind == 4).any():
        notes.append(
            Message(
                "{n} offers are multipoints: their areas are the union of the circles "
                "around each of their points.",
                n=int((kind == 4).sum()),
            )
        )
    offer_ids = ids.iloc[keep].to_numpy()
    break_col = "break_m"
    records = []
    cells = None
    if overlap == "split":
        cells = _cells_of_offers(geoms)
    for bi, r in enumerate(values):
        progress.report(bi / len(values))
        disks = shapely.buffer(geoms, r, quad_segs=16)
        if overlap == "dissolve":
            records.append((ALL_OFFERS, bi + 1, r, _union(disks)))
        else:
            if cells is not None:
                disks = shapely.intersection(disks, cells)
            records += [(o, bi + 1, r, g) for o, g in zip(offer_ids, disks)]
    areas = gpd.GeoDataFrame(
        pd.DataFrame(records, columns=["offer_id", "break_no", break_col, "geometry"]),
        geometry="geometry",
        crs=pts.crs,
    ).sort_values(["offer_id", "break_no"], ignore_index=True)
    if rings:
        prev = areas.groupby("offer_id")["geometry"].shift(1)
        has_prev = prev.notna().to_numpy()
        g = areas.geometry.values.copy()
        g[has_prev] = shapely.difference(np.asarray(g[has_prev]), np.asarray(prev[has_prev].values))
        areas = areas.set_geometry(g)
        areas.insert(2, "from_m", areas.groupby("offer_id")[break_col].shift(1).fillna(0.0))
    lines = gpd.GeoDataFrame(
        {
            "offer_id": pd.Series([], dtype=object),
            "break_no": pd.Series([], dtype=np.int64),
            break_col: pd.Series([], dtype=float),
        },
        geometry=gpd.GeoSeries([], crs=pts.crs),
        crs=pts.crs,
    )
    result = CatchmentResult(areas=areas, lines=lines, unroutable=unroutable, notes=notes)
    if counted is not None:
        result = _with_population(result, counted, break_col, rings)
    progress.report(1.0)
    return result


def _cells_of_offers(geoms: np.ndarray) -> np.ndarray:
    """The Voronoi cell of every offer: the union of its points' cells (multipoints)."""
    parts, owner = shapely.get_parts(geoms, return_index=True)
    cells = _voronoi_cells(parts)
    if len(parts) == len(geoms):
        return cells
    return np.array([shapely.union_all(cells[owner == i]) for i in range(len(geoms))], dtype=object)
