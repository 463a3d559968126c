"""Kernel density surfaces of points (offers), exact at pixel centres."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import geopandas as gpd
import numpy as np
import shapely
from affine import Affine
from pyproj import CRS

from ._accel import numba_module
from ._progress import Progress
from .crs import to_metric
from .errors import (
    CancelledError,
    DataError,
    EmptyInputError,
    ParameterError,
    ResourceError,
)
from .io import require_rows
from .memory import memory_budget
from .messages import N_, Message, human_bytes
from .validate import (
    drop_null_geometries,
    numeric_field,
    require_geometry_type,
)

KERNELS = ("quartic", "triangular", "uniform", "triweight", "epanechnikov", "gaussian")
"""Kernel shapes in the order of the Processing parameter ``KERNEL`` (0–5)."""

OUTPUT_VALUES = ("raw", "scaled", "per_cell", "per_km2")
"""Output values in the order of the Processing parameter ``OUTPUT_VALUE`` (0–3)."""

#: The Gaussian kernel is cut off at the radius, which is three standard deviations.
GAUSSIAN_SIGMAS = 3.0

#: Declared nodata value of density rasters; every cell has a value (0 far from points).
NODATA = -9999.0

#: Default memory limit of :func:`kernel_density` (bytes).
MAX_RASTER_BYTES = 2 * 1024**3

_CHUNK_CELLS = 1 << 19  # kernel evaluations per vectorised step (4 MB per array: cache-friendly)


def _kernel_raw(kernel: str, u: np.ndarray, decay: float) -> np.ndarray:
    """Raw kernel value for ``u = (d / r)²`` (already limited to ``u <= 1``)."""
    if kernel == "quartic":
        t = 1.0 - u
        return t * t
    if kernel == "triweight":
        t = 1.0 - u
        return t * t * t
    if kernel == "epanechnikov":
        return 1.0 - u
    if kernel == "uniform":
        return np.ones_like(u)
    if kernel == "triangular":
        return 1.0 - (1.0 - decay) * np.sqrt(u)
    # gaussian, cut off at GAUSSIAN_SIGMAS standard deviations
    return np.exp(-0.5 * GAUSSIAN_SIGMAS**2 * u)


def _kernel_integral(kernel: str, radius: np.ndarray, decay: float) -> np.ndarray:
    """Integral of the raw kernel over its disc (m²): the divisor that makes it integrate to 1."""
    area = np.pi * radius**2
    if kernel == "quartic":
        return area / 3.0
    if kernel == "triweight":
        return area / 4.0
    if kernel == "epanechnikov":
        return area / 2.0
    if kernel == "uniform":
        return area
    if kernel == "triangular":
        return area * (1.0 + 2.0 * decay) / 3.0
    sigma2 = (radius / GAUSSIAN_SIGMAS) ** 2
    return 2.0 * np.pi * sigma2 * (1.0 - np.exp(-0.5 * GAUSSIAN_SIGMAS**2))


def kernel_density(
    points: gpd.GeoDataFrame,
    *,
    pixel_size: float,
    radius: float | None = None,
    radius_field: str | None = None,
    weight_field: str | None = None,
    kernel: str = "quartic",
    decay: float = 0.0,
    output: str = "raw",
    extent: tuple[float, float, float, float] | None = None,
    crs: str | int | None = None,
    max_bytes: int = MAX_RASTER_BYTES,
    threads: int | None = None,
    progress: Progress | None = None,
):
    """Kernel density of points on a raster, exact at every pixel centre.

    Parameters
    ----------
    points
        Points (multipoints contribute each of their points with the feature's weight
        and radius). NULL or empty geometries are skipped and counted in a note.
    pixel_size
        Pixel width and height in metres.
    radius
        Search radius (bandwidth) in metres; or ``radius_field``, a numeric field with
        one radius per point.
    weight_field
        Optional numeric field (e.g. ``capacity``); default weight 1. NULL weights
        count as 0 (noted).
    kernel
        One of :data:`KERNELS`: quartic (default), triangular, uniform, triweight,
        epanechnikov, gaussian (cut off at the radius = 3 standard deviations).
    decay
        Decay ratio of the triangular kernel: its value at the radius (0: falls to 0).
    output
        ``"raw"`` (sum of weighted kernel values, QGIS's heatmap "Raw"), ``"scaled"``
        (each kernel integrates to its weight: density per m²), ``"per_cell"``
        (expected offers per cell: scaled × pixel area) or ``"per_km2"`` (offers per
        km²: scaled × 1,000,000).
    extent
        ``(xmin, ymin, xmax, ymax)`` in the analysis CRS; default the points' extent
        grown by the (largest) radius. The grid starts at the top-left corner
        ``(xmin, ymax)``; a width or height that is not a whole number of pixels is
        rounded up.
    crs
        Metric analysis CRS (default EPSG:25832); points are reprojected when needed.
    max_bytes
        Memory limit; larger rasters are refused with the size they would need.
    threads
        Threads that sum the kernels, each a band of rows. Default: with numba (see
        :func:`uses_numba`) the machine's cores (at most 8), else 1 (numpy's threads
        were not faster, see docs/DEVELOPMENT.md). With numba the values do not depend on it;
        with numpy only up to the order of floating-point sums.
    progress
        Optional progress and cancellation.

    Returns
    -------
    RasterResult
        float64 values; nodata is declared as :data:`NODATA` (-9999) but every cell has
        a value (0 far from points).

    Notes
    -----
    For pixel centre :math:`c` and points :math:`p_i` with weights :math:`w_i` and
    radii :math:`r_i`, :math:`u_i = \\lVert c - p_i \\rVert^2 / r_i^2`:

    .. math:: D(c) = \\sum_{i:\\,u_i \\le 1} w_i\\, K(u_i) / s_i

    with raw kernels :math:`K` quartic :math:`(1-u)^2`, triweight :math:`(1-u)^3`,
    Epanechnikov :math:`1-u`, uniform :math:`1`, triangular :math:`1-(1-d)\\sqrt{u}`
    (decay :math:`d`), Gaussian :math:`e^{-9u/2}`. For raw output :math:`s_i = 1`
    (as QGIS's heatmap "Raw"); for scaled output :math:`s_i` is the integral of
    :math:`K` over the disc: :math:`\\pi r^2/3` (quartic), :math:`\\pi r^2/4`
    (triweight), :math:`\\pi r^2/2` (Epanechnikov), :math:`\\pi r^2` (uniform),
    :math:`\\pi r^2 (1+2d)/3` (triangular), :math:`2\\pi\\sigma^2(1-e^{-9/2})` with
    :math:`\\sigma = r/3` (Gaussian). QGIS 3.22 scales the quartic kernel with
    :math:`116/(5\\pi r^2) \\cdot 15/16` instead of :math:`3/(\\pi r^2)` (QGIS issue
    60616); here every scaled kernel integrates to exactly 1.

    Each point is evaluated exactly at the centres of the pixels within its radius,
    so no binning error arises: with numba in a compiled loop (per point, the rows and
    columns of its window; the first call in a new installation compiles it in a second
    or two, later processes load it from numba's cache), else vectorised with numpy (over
    blocks of points of one window size, each window added in place as a slice of the
    raster). Both give the same values up to the order of floating-point sums.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import Point
    >>> pts = gpd.GeoDataFrame(geometry=[Point(105, 105)], crs=25832)
    >>> r = kernel_density(pts, radius=20, pixel_size=10, extent=(80, 80, 130, 130))
    >>> float(r.array[2, 2])  # the pixel whose centre is the point
    1.0
    """
    from .raster import RasterResult

    progress = progress or Progress()
    if kernel not in KERNELS:
        raise ParameterError(
            "Unknown kernel '{kernel}'; choose one of {kernels}.",
            kernel=kernel,
            kernels=", ".join(KERNELS),
        )
    if output not in OUTPUT_VALUES:
        raise ParameterError(
            "Unknown output value '{output}'; choose one of {values}.",
            output=output,
            values=", ".join(OUTPUT_VALUES),
        )
    if not (pixel_size and np.isfinite(pixel_size) and pixel_size > 0):
        raise ParameterError(
            "The pixel size must be a positive number of metres, not {size}.", size=pixel_size
        )
    if not radius_field:
        if radius is None:
            raise ParameterError("Give a radius in metres or a radius field.")
        if not (np.isfinite(radius) and radius > 0):
            raise ParameterError(
                "The radius must be greater than 0 metres, not {radius}. Choose a search "
                "radius such as 500 m.",
                radius=radius,
            )
    if kernel == "triangular" and output != "raw" and 1.0 + 2.0 * decay <= 0:
        raise ParameterError(
            "With a decay ratio of {decay} the triangular kernel has no positive integral, "
            "so it cannot be scaled; use the raw output or a decay ratio above -0.5.",
            decay=decay,
        )
    require_rows(points, what=N_("points layer"))
    notes: list[Message] = []
    pts_m, note = to_metric(points, crs, what=N_("points layer"))
    notes += [note] if note else []
    pts_m, skipped = drop_null_geometries(pts_m, what=N_("points layer"))
    notes += skipped
    if len(pts_m) == 0:
        raise EmptyInputError(
            "The {what} has no point with a geometry; there is nothing to estimate.",
            what=N_("points layer"),
        )
    require_geometry_type(
        pts_m, {"Point", "MultiPoint"}, what=N_("points layer"), expected=N_("points")
    )

    weights = np.ones(len(pts_m))
    if weight_field:
        w = numeric_field(pts_m, weight_field, what=N_("points layer")).to_numpy()
        n_null = int(np.isnan(w).sum())
        if n_null:
            notes.append(
                Message(
                    "{n} points have no weight in '{field}'; they count with weight 0.",
                    n=n_null,
                    field=weight_field,
                )
            )
        weights = np.nan_to_num(w, nan=0.0)
        if not np.any(weights != 0):
            raise DataError(
                "All weights in '{field}' are 0 or missing, so the density is 0 everywhere. "
                "Choose another weight field or none.",
                field=weight_field,
            )
    if radius_field:
        radii = numeric_field(pts_m, radius_field, what=N_("points layer")).to_numpy()
        bad = ~(np.isfinite(radii) & (radii > 0))
        if bad.all():
            raise ParameterError(
                "No radius in '{field}' is greater than 0 metres; every point needs a "
                "positive search radius.",
                field=radius_field,
            )
        if bad.any():
            notes.append(
                Message(
                    "{n} points have a missing radius or one of 0 m or less in '{field}' "
                    "and were skipped.",
                    n=int(bad.sum()),
                    field=radius_field,
                )
            )
    else:
        assert radius is not None  # checked above
        radii = np.full(len(pts_m), float(radius))
        bad = np.zeros(len(pts_m), dtype=bool)

    # explode multipoints: each part carries its feature's weight and radius
    geoms = pts_m.geometry.values
    if np.all(shapely.get_type_id(geoms) == 0) and not shapely.is_empty(geoms).any():
        xy, owner = shapely.get_coordinates(geoms), np.arange(len(geoms))  # points only
    else:
        parts = shapely.get_parts(geoms, return_index=True)
        xy = shapely.get_coordinates(parts[0])
        owner = parts[1]
    keep = ~bad[owner]
    xy, w_pts, r_pts = xy[keep], weights[owner][keep], radii[owner][keep]

    r_max = float(r_pts.max())
    if extent is None:
        xmin, ymin = xy.min(axis=0) - r_max
        xmax, ymax = xy.max(axis=0) + r_max
    else:
        xmin, ymin, xmax, ymax = map(float, extent)
        if not (xmax > xmin and ymax > ymin):
            raise ParameterError(
                "The extent must have a positive width and height; got "
                "{xmin}, {ymin}, {xmax}, {ymax}.",
                xmin=xmin,
                ymin=ymin,
                xmax=xmax,
                ymax=ymax,
            )
    width, height = xmax - xmin, ymax - ymin
    if pixel_size > width or pixel_size > height:
        raise ParameterError(
            "The pixel size of {size} m is larger than the extent ({width} m × {height} m). "
            "Choose a smaller pixel size or a larger extent.",
            size=pixel_size,
            width=round(width, 3),
            height=round(height, 3),
        )
    cols = int(np.ceil(width / pixel_size - 1e-9))
    rows = int(np.ceil(height / pixel_size - 1e-9))
    need = float(rows) * float(cols) * 8 * 2
    max_bytes = memory_budget(max_bytes)
    if need > max_bytes:
        raise ResourceError(
            "A raster of {rows} × {cols} pixels would need about {need} of memory, more "
            "than the {limit} available. Use a larger pixel size or a smaller extent.",
            rows=rows,
            cols=cols,
            need=human_bytes(need),
            limit=human_bytes(max_bytes),
        )

    # the grid starts at the top-left corner; only points whose disc reaches it count
    left, top = xmin, ymax
    reach = (
        (xy[:, 0] + r_pts >= left)
        & (xy[:, 0] - r_pts <= left + cols * pixel_size)
        & (xy[:, 1] + r_pts >= top - rows * pixel_size)
        & (xy[:, 1] - r_pts <= top)
    )
    n_outside = int((~reach).sum())
    if n_outside:
        notes.append(
            Message(
                "{n} points lie farther than their radius from the raster extent and do "
                "not contribute.",
                n=n_outside,
            )
        )
    xy, w_pts, r_pts = xy[reach], w_pts[reach], r_pts[reach]
    if output != "raw":
        w_pts = w_pts / _kernel_integral(kernel, r_pts, decay)
        if output == "per_cell":
            w_pts = w_pts * pixel_size * pixel_size
        elif output == "per_km2":
            w_pts = w_pts * 1e6

    array = _accumulate(
        xy,
        w_pts,
        r_pts,
        left,
        top,
        pixel_size,
        rows,
        cols,
        kernel,
        decay,
        progress,
        threads,
    )
    transform = Affine(pixel_size, 0.0, left, 0.0, -pixel_size, top)
    return RasterResult(array, transform, CRS.from_user_input(pts_m.crs), NODATA, notes)


def uses_numba() -> bool:
    """Whether :func:`kernel_density` runs compiled (numba installed and not switched off).

    Without numba (or with ``GEOLIB_NO_NUMBA=1``) the same values come from numpy,
    3–5 times slower.
    """
    return numba_module("_kde_numba") is not None


#: kernel evaluations per compiled call between progress reports (some 10 ms)
_NUMBA_CHUNK_CELLS = 1 << 23


def _accumulate(xy, w, r, left, top, ps, rows, cols, kernel, decay, progress, threads=None):
    """Sum the kernels of the points at the pixel centres (see :func:`kernel_density`).

    With numba (see :func:`uses_numba`) a compiled loop does it, else numpy.
    """
    compiled = numba_module("_kde_numba")
    if compiled is not None:
        threads = min(os.cpu_count() or 1, 8) if threads is None else max(1, int(threads))
        return _accumulate_numba(
            compiled, xy, w, r, left, top, ps, rows, cols, kernel, decay, progress, threads
        )
    threads = 1 if threads is None else max(1, int(threads))
    return _accumulate_numpy(xy, w, r, left, top, ps, rows, cols, kernel, decay, progress, threads)


def _accumulate_numba(mod, xy, w, r, left, top, ps, rows, cols, kernel, decay, progress, threads):
    """The compiled loop: per point, the rows and then the columns of its window.

    It evaluates the numpy path's formulas at the same pixels; only the order of the
    additions differs (points in bands of 16 rows, west to east within each, so that
    consecutive windows share the cache), which changes sums by a few units in the
    last place. With several threads each owns a band of rows of the one raster (the
    compiled loop releases the GIL) and takes the points in the same order, so the
    values do not depend on the number of threads.
    """
    band = np.floor((top - xy[:, 1]) / (16 * ps))
    order = np.lexsort((xy[:, 0], band))
    x = np.ascontiguousarray(xy[order, 0], dtype=np.float64)
    y = np.ascontiguousarray(xy[order, 1], dtype=np.float64)
    w = np.ascontiguousarray(w[order], dtype=np.float64)
    r = np.ascontiguousarray(r[order], dtype=np.float64)
    n = len(r)
    if n == 0:
        return np.zeros((rows, cols))
    # np.zeros: pages no kernel reaches stay unmapped (they read as zeros) and cost no memory
    acc = np.zeros((rows, cols))
    fast = kernel == "quartic" and bool(np.all(w >= 0))
    args = (float(left), float(top), float(ps), KERNELS.index(kernel), float(decay), fast)
    # blocks of points of about _NUMBA_CHUNK_CELLS kernel evaluations, between which
    # progress is reported and cancellation checked
    cells = np.cumsum((np.floor(2 * r / ps) + 2) ** 2)
    n_blocks = max(1, int(np.ceil(cells[-1] / _NUMBA_CHUNK_CELLS)))
    edges = np.searchsorted(cells, np.arange(1, n_blocks) * (cells[-1] / n_blocks))
    edges = np.unique(np.concatenate([[0], edges, [n]])).tolist()
    # bands of rows with about equal numbers of point centres, one per thread
    threads = min(threads, rows)
    cuts = np.quantile(np.clip((top - y) / ps, 0, rows), np.arange(1, threads) / threads)
    bands = np.unique(np.concatenate([[0], np.round(cuts), [rows]]).astype(np.int64)).tolist()

    def run(lo, hi, prog):
        for a, b in zip(edges[:-1], edges[1:]):
            prog.report(a / n)
            mod.accumulate(acc, x, y, w, r, a, b, *args, lo, hi)

    if len(bands) == 2:
        run(0, rows, progress)
    else:
        quiet = _QuietProgress(progress)
        with ThreadPoolExecutor(max_workers=len(bands) - 2) as pool:
            futures = [pool.submit(run, lo, hi, quiet) for lo, hi in zip(bands[1:-1], bands[2:])]
            try:
                run(bands[0], bands[1], progress)
            except BaseException:
                quiet.stop = True
                raise
            for f in futures:
                f.result()
    progress.report(1.0)
    return acc


def _accumulate_numpy(xy, w, r, left, top, ps, rows, cols, kernel, decay, progress, threads=1):
    """Sum the kernels with numpy (the path without numba).

    With several threads the points are split into bands of rows with equal numbers
    of points; each thread sums its band into its own array (numpy's ufuncs release
    the GIL) and the bands are added at the end. The calling thread works on the
    first band and reports progress; the others only check for cancellation.
    """
    n = len(r)
    if threads <= 1 or n < 2 * threads:
        return _accumulate_part(
            xy, w, r, left, top, ps, rows, cols, kernel, decay, progress, full=True
        )[1]
    order = np.argsort(-xy[:, 1], kind="stable")
    groups = np.array_split(order, threads)
    quiet = _QuietProgress(progress)
    out = np.zeros((rows, cols))

    def run(group, prog):
        return _accumulate_part(
            xy[group], w[group], r[group], left, top, ps, rows, cols, kernel, decay, prog
        )

    with ThreadPoolExecutor(max_workers=threads - 1) as pool:
        futures = [pool.submit(run, g, quiet) for g in groups[1:]]
        try:
            parts = [run(groups[0], progress)]
        except BaseException:
            quiet.stop = True
            raise
        parts += [f.result() for f in futures]
    for start, part in parts:
        out[start : start + len(part)] += part
    return out


class _QuietProgress:
    """Cancellation checks without progress reports, for worker threads."""

    def __init__(self, progress: Progress):
        self._progress = progress
        self.stop = False

    def report(self, fraction: float) -> None:
        if self.stop:
            raise CancelledError("Cancelled by the user.")
        self._progress.check()


def _accumulate_part(xy, w, r, left, top, ps, rows, cols, kernel, decay, progress, full=False):
    """Sum the kernels of some points into the rows they reach.

    Returns ``(first_row, array)``: the sums of the raster rows
    ``first_row .. first_row + len(array)`` (all rows with ``full=True``).
    """
    # the grid padded by the largest window, so that windows never leave it
    # by radius (one window size per block), then north to south (blocks touch few rows)
    order = np.lexsort((-xy[:, 1], r))
    xy, w, r = xy[order], w[order], r[order]
    pad = int(np.floor(2 * r.max() / ps)) + 2 if len(r) else 0
    pcol = cols + 2 * pad
    if full or not len(r):
        lo, hi = 0, rows + 2 * pad
    else:
        # padded rows this part's windows can touch
        first = np.ceil((top - xy[:, 1] - r) / ps - 0.5).astype(np.int64)
        lo = max(0, int(first.min()) + pad)
        hi = min(rows + 2 * pad, int(first.max()) + pad + pad + 1)
    prow = hi - lo
    acc = np.zeros(prow * pcol)
    n = len(r)
    fast = kernel == "quartic" and bool(np.all(w >= 0))
    # reused block buffers (fresh 4 MB arrays per block cost page faults)
    buf_v = np.empty(0)
    start = 0
    while start < n:
        progress.report(start / max(n, 1))
        win = int(np.floor(2 * r[min(n - 1, start + 1)] / ps)) + 2
        # grow the block while the largest radius in it keeps the same window
        step = max(1, _CHUNK_CELLS // (win * win))
        stop = min(n, start + step)
        win = int(np.floor(2 * r[stop - 1] / ps)) + 2
        px, py, pr = xy[start:stop, 0], xy[start:stop, 1], r[start:stop]
        shape = (stop - start, win, win)
        if buf_v.size < shape[0] * win * win:
            buf_v = np.empty(shape[0] * win * win)
        # first column/row whose centre may lie within the radius
        c0 = np.ceil((px - pr - left) / ps - 0.5).astype(np.int64)
        r0 = np.ceil((top - py - pr) / ps - 0.5).astype(np.int64)
        k = np.arange(win)
        cols_idx = c0[:, None] + k  # (m, win)
        rows_idx = r0[:, None] + k
        dx = left + (cols_idx + 0.5) * ps - px[:, None]
        dy = top - (rows_idx + 0.5) * ps - py[:, None]
        inv_r2 = 1.0 / (pr * pr)
        if fast:
            # quartic with weights ≥ 0 in three passes: (√w·(1 - dy²/r²) - √w·dx²/r²)₊²
            sw = np.sqrt(w[start:stop])[:, None]
            a = (1.0 - dy * dy * inv_r2[:, None]) * sw
            b = dx * dx * (inv_r2[:, None] * sw)
            values = np.subtract(
                a[:, :, None], b[:, None, :], out=buf_v[: shape[0] * win * win].reshape(shape)
            )
            np.maximum(values, 0.0, out=values)
            np.multiply(values, values, out=values)
        else:
            u = (dy * dy * inv_r2[:, None])[:, :, None] + (dx * dx * inv_r2[:, None])[:, None, :]
            inside = u <= 1.0
            values = _kernel_raw(kernel, np.where(inside, u, 1.0), decay)
            values = np.where(inside, values * w[start:stop, None, None], 0.0)
        # accumulate into the band of padded rows this block touches
        # each point's window added in place: a slice per point costs less than an
        # index per pixel
        grid = acc.reshape(prow, pcol)
        for i, (y, x) in enumerate(zip((r0 + pad - lo).tolist(), (c0 + pad).tolist())):
            grid[y : y + win, x : x + win] += values[i]
        start = stop
    progress.report(1.0)
    # a view into the padded accumulator: no second raster-sized copy
    r_lo, r_hi = max(lo, pad), min(hi, pad + rows)
    grid = acc.reshape(prow, pcol)[r_lo - lo : r_hi - lo, pad : pad + cols]
    return r_lo - pad, grid
