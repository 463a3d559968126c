"""Surfaces from area values: area-weighted rasters and pycnophylactic (Tobler) surfaces.

Area statistics (counts per municipality) hide where within an area people live, and
choropleths change abruptly at boundaries. Two surfaces help:

- :func:`area_weighted_surface`: a raster of the area values; a cell on a boundary
  gets the values of the areas it overlaps, weighted by the overlapped share (exact
  polygon–cell intersection), so no cell is assigned to the "wrong" area.
- :func:`pycnophylactic_surface`: Tobler's (1979) smooth pycnophylactic interpolation
  of counts: as smooth as possible while the cells of every area still sum to the
  area's total (within 1e-6).

For a rate (children in SGB II per 100 children), surfaces of the numerator and the
denominator counts are made and divided, so the rate surface is consistent with the
counts (``numerator`` + ``denominator``).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from affine import Affine

from ._progress import Progress
from .crs import to_metric
from .errors import DataError, ParameterError, ResourceError
from .io import require_rows
from .memory import check_memory
from .messages import N_, Message, Number
from .raster import RasterResult
from .validate import drop_null_geometries, numeric_field, repair_polygons

__all__ = [
    "METHODS",
    "NODATA",
    "area_weighted_surface",
    "pycnophylactic_surface",
    "surface",
    "zone_sums",
]

NODATA = -9999.0
"""The nodata value of every surface (cells outside all areas)."""

METHODS = ("area_weighted", "pycnophylactic")
MAX_CELLS = 40_000_000


@dataclass
class _Prepared:
    areas: gpd.GeoDataFrame
    values: dict[str, np.ndarray]
    transform: Affine
    shape: tuple[int, int]
    notes: list[Message]


def _prepare(
    areas: gpd.GeoDataFrame,
    fields: list[str],
    pixel_size: float,
    crs,
) -> _Prepared:
    what = N_("area layer")
    require_rows(areas, what=what)
    if pixel_size is None or not pixel_size > 0:  # also NaN
        raise ParameterError(
            "The pixel size must be greater than 0 m; it is {size}.", size=pixel_size
        )
    notes: list[Message] = []
    gdf, note = to_metric(areas, crs=crs, what=what)
    if note is not None:
        notes.append(note)
    gdf, dropped = drop_null_geometries(gdf, what=what)
    notes.extend(dropped)
    require_rows(gdf, what=what)
    gdf, repaired = repair_polygons(gdf, what=what)
    notes.extend(repaired)
    values = {name: numeric_field(gdf, name, what=what).to_numpy(dtype=float) for name in fields}
    xmin, ymin, xmax, ymax = gdf.total_bounds
    width = max(int(np.ceil((xmax - xmin) / pixel_size)), 1)
    height = max(int(np.ceil((ymax - ymin) / pixel_size)), 1)
    if width * height > MAX_CELLS:
        raise ResourceError(
            "A {size} m grid over these areas has {cells} cells (more than {limit}). "
            "Choose a larger pixel size.",
            size=pixel_size,
            cells=width * height,
            limit=MAX_CELLS,
        )
    # a float64 band per field and for the result and weights, an int32 zone id per cell
    check_memory(width * height * (8 * (len(fields) + 3) + 4), None, what=N_("surface raster"))
    transform = Affine(pixel_size, 0.0, xmin, 0.0, -pixel_size, ymax)
    return _Prepared(gdf.reset_index(drop=True), values, transform, (height, width), notes)


def _check_fields(
    field: str | None, numerator: str | None, denominator: str | None
) -> tuple[list[str], bool]:
    if field and (numerator or denominator):
        raise ParameterError("Give either a field or a numerator and a denominator, not both.")
    if field:
        return [field], False
    if numerator and denominator:
        return [numerator, denominator], True
    raise ParameterError("Give a field, or a numerator and a denominator (for a rate surface).")


def _centre_zones(prep: _Prepared) -> tuple[np.ndarray, np.ndarray]:
    """Zone id (1-based, 0 = none) of every cell by its centre, and the (0-based)
    indices of the areas that own no cell centre (smaller than a cell or thin)."""
    zones = _rasterize_zones(prep.areas.geometry.to_numpy(), prep.shape, prep.transform)
    counts = np.bincount(zones.ravel(), minlength=len(prep.areas) + 1)
    return zones, np.flatnonzero(counts[1:] == 0)


def _rasterize_zones(geoms: np.ndarray, shape: tuple[int, int], transform: Affine) -> np.ndarray:
    from rasterio.features import rasterize

    return rasterize(
        ((g, i + 1) for i, g in enumerate(geoms)),
        out_shape=shape,
        transform=transform,
        fill=0,
        dtype="int32",
    )


def _spread(prep: _Prepared, small: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(cell index, area index, share of the area) of the cells the ``small`` areas
    overlap: an area's count is spread over them by overlapped area (shares sum to 1)."""
    t = prep.transform
    height, width = prep.shape
    cells, owners, shares = [], [], []
    for i in small:
        geom = prep.areas.geometry.iloc[i]
        xmin, ymin, xmax, ymax = geom.bounds
        c0, c1 = int(np.floor((xmin - t.c) / t.a)), int(np.ceil((xmax - t.c) / t.a))
        r0, r1 = int(np.floor((ymax - t.f) / t.e)), int(np.ceil((ymin - t.f) / t.e))
        rows, cols = np.meshgrid(
            np.arange(max(r0, 0), min(max(r1, r0 + 1), height)),
            np.arange(max(c0, 0), min(max(c1, c0 + 1), width)),
            indexing="ij",
        )
        rows, cols = rows.ravel(), cols.ravel()
        x0, y0 = t.c + cols * t.a, t.f + rows * t.e
        overlap = shapely.area(shapely.intersection(shapely.box(x0, y0 + t.e, x0 + t.a, y0), geom))
        if overlap.sum() > 0:
            share = overlap / overlap.sum()
        else:  # a degenerate area: the cell of a point inside it
            share = np.zeros(len(rows))
            point = geom.representative_point()
            share[np.argmin(np.hypot(x0 + t.a / 2 - point.x, y0 + t.e / 2 - point.y))] = 1.0
        keep = share > 0
        cells.append(rows[keep] * width + cols[keep])
        owners.append(np.full(int(keep.sum()), i))
        shares.append(share[keep])
    if not cells:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    return np.concatenate(cells), np.concatenate(owners), np.concatenate(shares)


#: pixel sizes tried (largest first) to name one at which every area owns a cell centre
_NICE_SIZES = (5000, 4000, 3000, 2500, 2000, 1500, 1000, 750, 500, 250, 200, 100, 50, 25, 10)


def _largest_fitting_size(prep: _Prepared) -> float | None:
    """The largest of :data:`_NICE_SIZES` below the pixel size at which every area owns
    a cell centre (``None`` when none does within the cell limit)."""
    geoms = prep.areas.geometry.to_numpy()
    xmin, ymin, xmax, ymax = prep.areas.total_bounds
    for size in _NICE_SIZES:
        if size >= prep.transform.a:
            continue
        shape = (
            max(int(np.ceil((ymax - ymin) / size)), 1),
            max(int(np.ceil((xmax - xmin) / size)), 1),
        )
        if shape[0] * shape[1] > MAX_CELLS:
            return None
        zones = _rasterize_zones(geoms, shape, Affine(size, 0.0, xmin, 0.0, -size, ymax))
        if (np.bincount(zones.ravel(), minlength=len(geoms) + 1)[1:] > 0).all():
            return float(size)
    return None


def _area_names(areas: gpd.GeoDataFrame, index: np.ndarray) -> list[str]:
    """A readable name of each area (a name field if there is one, else its row)."""
    for column in ("name", "GEN", "NAME", "Name", "gen", "bezeichnung"):
        if column in areas.columns:
            return [str(v) for v in areas[column].iloc[index]]
    return [f"#{i + 1}" for i in index]


def _named(areas: gpd.GeoDataFrame, index: np.ndarray, limit: int = 20) -> Message:
    """The names of the areas ``index`` for a note: the first ``limit``, then a count."""
    names = ", ".join(_area_names(areas, index[:limit]))
    if len(index) <= limit:
        return Message("{names}", names=names)
    return Message("{names} … and {n} more", names=names, n=len(index) - limit)


def _coverage(prep: _Prepared) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(cell index, area index, covered share of the cell) for every overlap > 0.

    Cells away from any boundary are covered by one area completely; for cells that a
    boundary touches the overlap is computed exactly (polygon ∩ cell).
    """
    from rasterio.features import rasterize

    geoms = prep.areas.geometry.to_numpy()
    width = prep.shape[1]
    zones = rasterize(
        ((g, i + 1) for i, g in enumerate(geoms)),
        out_shape=prep.shape,
        transform=prep.transform,
        fill=0,
        dtype="int32",
    )
    edges = rasterize(
        ((shapely.boundary(g), 1) for g in geoms),
        out_shape=prep.shape,
        transform=prep.transform,
        fill=0,
        all_touched=True,
        dtype="uint8",
    ).astype(bool)
    interior = (zones > 0) & ~edges
    cells_in = np.flatnonzero(interior.ravel())
    areas_in = zones.ravel()[cells_in] - 1
    share_in = np.ones(len(cells_in))
    edge_cells = np.flatnonzero(edges.ravel())
    rows, cols = np.divmod(edge_cells, width)
    a, e = prep.transform.a, prep.transform.e
    x0 = prep.transform.c + cols * a
    y0 = prep.transform.f + rows * e
    boxes = shapely.box(x0, y0 + e, x0 + a, y0)
    tree = shapely.STRtree(geoms)
    box_idx, geom_idx = tree.query(boxes, predicate="intersects")
    overlap = shapely.area(shapely.intersection(boxes[box_idx], geoms[geom_idx]))
    share = overlap / (a * -e)
    keep = share > 0
    cells = np.concatenate([cells_in, edge_cells[box_idx[keep]]])
    owners = np.concatenate([areas_in, geom_idx[keep]])
    shares = np.concatenate([share_in, share[keep]])
    return cells, owners, shares


def area_weighted_surface(
    areas: gpd.GeoDataFrame,
    *,
    field: str | None = None,
    numerator: str | None = None,
    denominator: str | None = None,
    pixel_size: float = 100.0,
    per: float = 1.0,
    crs: str | int | None = None,
    progress: Progress | None = None,
) -> RasterResult:
    """A raster of area values, area-weighted where a cell straddles a boundary.

    Parameters
    ----------
    areas
        Polygons with the value field(s). Not modified.
    field
        The value of each area (a rate, an index, …): every cell gets the value of
        its area; a boundary cell the mean of the areas it overlaps, weighted by the
        overlapped share.
    numerator, denominator
        Counts for a rate surface: each count is spread evenly over its area
        (count × overlap / area), then ``per × numerator / denominator`` per cell.
        Inside an area this is the area's rate; on boundaries the pooled rate.
    pixel_size
        Cell size in metres (of the metric CRS).
    per
        Multiplier of a rate (100 for percent).
    crs
        The metric CRS to work in (default EPSG:25832).

    Returns
    -------
    RasterResult
        Float64 raster, nodata :data:`NODATA` outside every area (and where a rate
        has a zero denominator).

    Notes
    -----
    With :math:`f_{cj}` the share of cell *c* covered by area *j* (exact polygon
    intersection), value field: :math:`z_c = \\sum_j f_{cj} v_j / \\sum_j f_{cj}`;
    rate: :math:`z_c = per · \\sum_j f_{cj} n_j / A_j \\,/\\, \\sum_j f_{cj} d_j / A_j`
    (:math:`A_j` area of *j* in cells).

    Examples
    --------
    >>> from shapely.geometry import box
    >>> gdf = gpd.GeoDataFrame({"v": [1.0, 3.0]},
    ...     geometry=[box(0, 0, 150, 100), box(150, 0, 300, 100)], crs=25832)
    >>> area_weighted_surface(gdf, field="v", pixel_size=100).array.tolist()
    [[1.0, 2.0, 3.0]]
    """
    progress = progress or Progress()
    fields, is_rate = _check_fields(field, numerator, denominator)
    prep = _prepare(areas, fields, pixel_size, crs)
    progress.report(0.2)
    cells, owners, shares = _coverage(prep)
    progress.report(0.7)
    n_cells = prep.shape[0] * prep.shape[1]
    notes = list(prep.notes)
    if is_rate:
        area_cells = shapely.area(prep.areas.geometry.to_numpy()) / (pixel_size * pixel_size)
        num, den = (prep.values[f] for f in fields)  # [numerator, denominator]
        ok = ~np.isnan(num) & ~np.isnan(den)
        sel = ok[owners]
        w = shares[sel] / area_cells[owners[sel]]
        sum_num = np.bincount(cells[sel], weights=w * num[owners[sel]], minlength=n_cells)
        sum_den = np.bincount(cells[sel], weights=w * den[owners[sel]], minlength=n_cells)
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.where(sum_den > 0, per * sum_num / sum_den, NODATA)
        skipped = int((~ok).sum())
    else:
        values = prep.values[fields[0]]  # [field]
        ok = ~np.isnan(values)
        sel = ok[owners]
        weight = np.bincount(cells[sel], weights=shares[sel], minlength=n_cells)
        total = np.bincount(
            cells[sel], weights=shares[sel] * values[owners[sel]], minlength=n_cells
        )
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.where(weight > 0, total / weight, NODATA)
        skipped = int((~ok).sum())
    if skipped:
        notes.append(Message("{n} areas without a value were left out (nodata there).", n=skipped))
    progress.report(1.0)
    return RasterResult(
        out.reshape(prep.shape), prep.transform, prep.areas.crs, NODATA, notes=notes
    )


def pycnophylactic_surface(
    areas: gpd.GeoDataFrame,
    *,
    field: str | None = None,
    numerator: str | None = None,
    denominator: str | None = None,
    pixel_size: float = 100.0,
    per: float = 1.0,
    boundary: str = "free",
    relaxation: float = 0.2,
    converge: float = 3.0,
    max_iterations: int = 2000,
    crs: str | int | None = None,
    progress: Progress | None = None,
) -> RasterResult:
    """Tobler's smooth pycnophylactic surface of counts (totals kept per area).

    Parameters
    ----------
    areas
        Polygons with count fields. Not modified.
    field
        A count (inhabitants, children in SGB II …): the surface gives counts per
        cell; the cells of each area sum to its count.
    numerator, denominator
        Counts for a rate: ``per × surface(numerator) / surface(denominator)``.
    pixel_size
        Cell size in metres.
    boundary
        ``"free"``: cells outside every area do not pull the surface (only
        neighbours inside areas are averaged; Tobler's zero-gradient condition);
        ``"zero"``: outside cells count as 0 (the density falls towards the edge; the
        convention of tobler's ``pycno_interpolate(handle_null=False)``).
    relaxation
        Share of the old value kept in each smoothing step (tobler's ``r``).
    converge
        Stop when no cell changes by more than ``max(initial) × 10^-converge``.
    max_iterations
        Upper bound of iterations (a note says when it was reached).

    Returns
    -------
    RasterResult
        Float64 raster (counts per cell, or the rate), nodata :data:`NODATA`
        outside every area.

    Notes
    -----
    Start: each cell of area *j* gets :math:`v_j / n_j` (:math:`n_j` its cells, by
    cell centre). Repeat: :math:`z ← r z + (1-r) \\bar z_{N4}` (mean of the four
    neighbours), add :math:`(v_j - \\sum_{c∈j} z_c)/n_j` to every cell of *j*, set
    negatives to 0, multiply the cells of *j* by :math:`v_j / \\sum_{c∈j} z_c`.
    After the last step :math:`\\sum_{c∈j} z_c = v_j` for every area (Tobler 1979).

    An area that owns no cell centre (smaller or thinner than a cell, more of them at
    coarse pixel sizes) cannot take part in the smoothing: its count is spread over
    the cells it overlaps by overlapped area and added to them, so the totals hold at
    any pixel size. A note names such areas and a pixel size at which every area owns
    a cell centre; another note gives the surface's sum against the input total and
    names any area that does not keep its total.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> gdf = gpd.GeoDataFrame({"n": [100.0, 300.0]},
    ...     geometry=[box(0, 0, 500, 500), box(500, 0, 1000, 500)], crs=25832)
    >>> res = pycnophylactic_surface(gdf, field="n", pixel_size=100)
    >>> round(float(res.array[:, :5].sum()), 6), round(float(res.array[:, 5:].sum()), 6)
    (100.0, 300.0)
    """
    progress = progress or Progress()
    if boundary not in ("free", "zero"):
        raise ParameterError("boundary must be 'free' or 'zero', not '{value}'.", value=boundary)
    if not 0 <= relaxation < 1:
        raise ParameterError(
            "The relaxation must be at least 0 and below 1; it is {value}.", value=relaxation
        )
    fields, is_rate = _check_fields(field, numerator, denominator)
    prep = _prepare(areas, fields, pixel_size, crs)
    for name in fields:
        negative = np.nansum(prep.values[name] < 0)
        if negative:
            raise DataError(
                "The field '{field}' has {n} negative values; a pycnophylactic surface "
                "needs counts of 0 or more.",
                field=name,
                n=int(negative),
            )
    zones, small = _centre_zones(prep)
    notes = list(prep.notes)
    spread = _spread(prep, small)
    if len(small):
        notes.append(_small_areas_note(prep, small))
    progress.report(0.05)
    surfaces = []
    for k, name in enumerate(fields):
        part = progress.sub(0.05 + 0.95 * k / len(fields), 0.05 + 0.95 * (k + 1) / len(fields))
        array, iterations, converged = _pycno(
            zones,
            prep.values[name],
            relaxation=relaxation,
            converge=converge,
            boundary=boundary,
            max_iterations=max_iterations,
            progress=part,
        )
        array = _add_spread(array, spread, prep.values[name])
        if not converged:
            notes.append(
                Message(
                    "The surface of '{field}' did not converge within {n} iterations; "
                    "totals are kept, the surface may be less smooth.",
                    field=name,
                    n=iterations,
                )
            )
        notes.append(_totals_note(prep, zones, spread, array, name))
        surfaces.append(array)
    missing = int(sum(np.isnan(prep.values[f]).sum() for f in fields))
    if missing:
        notes.append(Message("{n} areas without a value were left out (nodata there).", n=missing))
    if is_rate:
        num, den = surfaces
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.where(np.isnan(num) | np.isnan(den) | (den <= 0), np.nan, per * num / den)
    else:
        out = surfaces[0]
        notes.append(
            Message("Values are counts per cell of {size} m × {size} m.", size=Number(pixel_size))
        )
    out = np.where(np.isnan(out), NODATA, out)
    progress.report(1.0)
    return RasterResult(out, prep.transform, prep.areas.crs, NODATA, notes=notes)


def _small_areas_note(prep: _Prepared, small: np.ndarray) -> Message:
    names = _named(prep.areas, small)
    fitting = _largest_fitting_size(prep)
    if fitting is None:
        return Message(
            "{n} areas own no cell centre at {size} m: {areas}. Their counts are spread "
            "over the cells they overlap, by overlapped area (not smoothed), so the totals "
            "are kept.",
            n=len(small),
            size=Number(prep.transform.a),
            areas=names,
        )
    return Message(
        "{n} areas own no cell centre at {size} m: {areas}. Their counts are spread over "
        "the cells they overlap, by overlapped area (not smoothed), so the totals are kept. "
        "At {fitting} m every area owns a cell centre and is smoothed.",
        n=len(small),
        size=Number(prep.transform.a),
        areas=names,
        fitting=Number(fitting),
    )


def _add_spread(
    array: np.ndarray, spread: tuple[np.ndarray, np.ndarray, np.ndarray], totals: np.ndarray
) -> np.ndarray:
    """The smooth surface plus the counts of the areas without a cell centre."""
    cells, owners, shares = spread
    ok = ~np.isnan(totals[owners])
    if not ok.any():
        return array
    extra = np.bincount(
        cells[ok], weights=shares[ok] * totals[owners[ok]], minlength=array.size
    ).reshape(array.shape)
    touched = np.bincount(cells[ok], minlength=array.size).reshape(array.shape) > 0
    return np.where(touched, np.nan_to_num(array) + extra, array)


def _totals_note(
    prep: _Prepared,
    zones: np.ndarray,
    spread: tuple[np.ndarray, np.ndarray, np.ndarray],
    array: np.ndarray,
    field: str,
) -> Message:
    """What the surface of ``field`` sums to, against the input, overall and per area."""
    totals = prep.values[field]
    valid = ~np.isnan(totals)
    expected = float(totals[valid].sum())
    achieved = float(np.nansum(array))
    # per area: its cells by centre, less the spread counts of other areas in them, plus
    # its own spread counts
    cells, owners, shares = spread
    ok = valid[owners]
    flat = np.nan_to_num(array).ravel()
    extra = np.bincount(cells[ok], weights=shares[ok] * totals[owners[ok]], minlength=flat.size)
    by_zone = np.bincount(zones.ravel(), weights=flat - extra, minlength=len(totals) + 1)[1:]
    by_zone += np.bincount(
        owners[ok], weights=shares[ok] * totals[owners[ok]], minlength=len(totals)
    )
    deviation = np.where(valid, np.abs(by_zone - np.nan_to_num(totals)), 0.0)
    tolerance = 1e-6 * max(1.0, float(np.nanmax(np.abs(totals))) if valid.any() else 1.0)
    off = np.flatnonzero(deviation > tolerance)
    if len(off) or abs(achieved - expected) > tolerance * max(1, len(totals)):
        return Message(
            "The surface of '{field}' sums to {achieved} (input total {expected}); {n} areas "
            "do not keep their totals: {areas}.",
            field=field,
            achieved=Number(achieved),
            expected=Number(expected),
            n=len(off),
            areas=_named(prep.areas, off),
        )
    return Message(
        "The surface of '{field}' sums to {achieved} (input total {expected}); the cells "
        "of each area sum to its total.",
        field=field,
        achieved=Number(achieved),
        expected=Number(expected),
    )


def _pycno(
    zones: np.ndarray,
    totals: np.ndarray,
    *,
    relaxation: float,
    converge: float,
    boundary: str,
    max_iterations: int,
    progress: Progress,
) -> tuple[np.ndarray, int, bool]:
    n = len(totals)
    valid_zone = np.concatenate([[False], ~np.isnan(totals)])
    inside = valid_zone[zones]
    flat_zones = zones[inside]
    t = np.concatenate([[0.0], np.nan_to_num(totals)])
    counts = np.bincount(flat_zones, minlength=n + 1).astype(float)
    z = np.zeros(zones.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        z[inside] = (t / counts)[flat_zones]
    stopper = (np.max(z[inside]) if inside.any() else 0.0) * 10.0 ** (-converge)
    # work on the cells inside areas only, with the index of each one's four neighbours
    index = np.full(zones.shape, -1, dtype=np.int64)
    index[inside] = np.arange(int(inside.sum()))
    padded = np.pad(index, 1, constant_values=-1)
    neighbours = np.stack(
        [
            padded[:-2, 1:-1][inside],
            padded[2:, 1:-1][inside],
            padded[1:-1, :-2][inside],
            padded[1:-1, 2:][inside],
        ],
        axis=1,
    )
    valid = neighbours >= 0
    neighbours = np.where(valid, neighbours, 0)
    n_valid = valid.sum(axis=1)
    zi = z[inside]
    iterations = 0
    converged = False
    while iterations < max_iterations:
        iterations += 1
        old = zi
        total = (zi[neighbours] * valid).sum(axis=1)
        if boundary == "zero":
            mean = total / 4.0
        else:  # zero gradient: average the neighbours inside areas only
            mean = np.where(n_valid > 0, total / np.maximum(n_valid, 1), zi)
        zi = relaxation * old + (1.0 - relaxation) * mean
        # additive correction: every area keeps its total
        sums = np.bincount(flat_zones, weights=zi, minlength=n + 1)
        with np.errstate(divide="ignore", invalid="ignore"):
            zi = zi + ((t - sums) / counts)[flat_zones]
        np.maximum(zi, 0.0, out=zi)
        # multiplicative correction after clipping negatives
        sums = np.bincount(flat_zones, weights=zi, minlength=n + 1)
        with np.errstate(divide="ignore", invalid="ignore"):
            factor = np.where(sums > 0, t / sums, 1.0)
            uniform = np.where(sums > 0, 0.0, t / counts)
        zi = zi * factor[flat_zones] + uniform[flat_zones]
        change = float(np.max(np.abs(zi - old))) if len(zi) else 0.0
        if iterations % 10 == 0:
            progress.report(min(iterations / max_iterations, 1.0))
        else:
            progress.check()
        if change <= stopper:  # also all zero counts (stopper 0): converged at once
            converged = True
            break
    z[inside] = zi
    out = np.full(zones.shape, np.nan)
    out[inside] = z[inside]
    return out, iterations, converged


def surface(
    areas: gpd.GeoDataFrame,
    *,
    method: str = "pycnophylactic",
    **options,
) -> RasterResult:
    """Dispatch to :func:`area_weighted_surface` or :func:`pycnophylactic_surface`."""
    if method == "area_weighted":
        return area_weighted_surface(areas, **options)
    if method == "pycnophylactic":
        return pycnophylactic_surface(areas, **options)
    raise ParameterError(
        "Unknown surface method '{method}'; use one of: {allowed}.",
        method=method,
        allowed=", ".join(METHODS),
    )


def zone_sums(result: RasterResult, areas: gpd.GeoDataFrame) -> pd.Series:
    """Sum of the cells of each area (by cell centre, as the surface assigns them).

    Use it to check that a pycnophylactic surface keeps the areas' totals. An area
    that owns no cell centre sums to 0 here: its count lies in the cells it overlaps,
    which are counted for the areas that own their centres.
    """
    from rasterio.features import rasterize

    gdf = areas.to_crs(result.crs) if areas.crs != result.crs else areas
    geoms = gdf.geometry.to_numpy()
    zones = rasterize(
        ((g, i + 1) for i, g in enumerate(geoms)),
        out_shape=result.array.shape,
        transform=result.transform,
        fill=0,
        dtype="int32",
    )
    values = np.where(result.array == result.nodata, 0.0, result.array)
    sums = np.bincount(zones.ravel(), weights=values.ravel(), minlength=len(geoms) + 1)
    return pd.Series(sums[1:], index=areas.index)
