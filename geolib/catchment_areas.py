"""Catchment polygons: reached line pieces buffered by the walk-off distance and
united per offer and break; split territories from the offers' Voronoi cells."""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor, as_completed

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from . import _geos_threads
from ._progress import Progress

_WORKERS = max(1, min(8, os.cpu_count() or 1))  # threads for the polygon unions
#: groups with at least this many pieces get their polygons from the faces of the noded
#: pieces (:func:`_face_buffer`); smaller ones from the union of the piece buffers
_FACE_MIN = 30
_QUAD_SEGS = 4


def _polygons(lines, values, break_col, walkoff, progress: Progress, noded: bool = False):
    """Union of buffered pieces per offer and break.

    ``lines`` carries the private columns ``_edge`` and ``_full``; its pieces are cost
    bands (break ``i`` holds the pieces costing between break ``i - 1`` and ``i``).
    The polygon of break ``i`` is that of break ``i - 1`` united with the buffers of
    band ``i`` (each whole edge buffered once however many offers reach it), so a
    larger break's polygon contains the smaller. From ``_FACE_MIN`` pieces up to a
    break on, the buffers of all pieces up to break ``i`` are built at once from the
    faces they enclose (:func:`_face_buffer`) instead of unioning hundreds of
    overlapping buffers. ``noded``: the pieces come from a noded network (see :func:`_face_buffer`).
    """
    if len(lines) == 0:
        return gpd.GeoDataFrame(
            {"offer_id": [], "break_no": [], break_col: []}, geometry=[], crs=lines.crs
        )
    offer_code, offer_values = pd.factorize(lines["offer_id"], sort=True)
    edge = lines["_edge"].to_numpy()
    full = lines["_full"].to_numpy()
    bno = lines["break_no"].to_numpy()
    order = np.lexsort((bno, offer_code))
    bounds = np.flatnonzero(np.r_[True, np.diff(offer_code[order]) != 0, True])
    spans = list(zip(bounds[:-1], bounds[1:]))
    # pieces of small bands (offer and break) are buffered here, large bands go by
    # their faces
    # a band goes by faces once the pieces up to its break are many: its polygon is
    # built from all of them anyway, and uniting hundreds of buffers costs more
    key = offer_code * len(values) + (bno - 1)
    per_band = np.bincount(key, minlength=len(offer_values) * len(values))
    up_to = np.cumsum(per_band.reshape(-1, len(values)), axis=1).ravel()
    small = up_to[key] < _FACE_MIN
    buffered = np.empty(len(lines), dtype=object)
    whole, cut = full & small, ~full & small
    uniq_edges, inverse = np.unique(edge[whole], return_inverse=True)
    edge_buffers = shapely.buffer(
        _first_geoms(lines.geometry.values[whole], inverse, len(uniq_edges)),
        walkoff,
        quad_segs=_QUAD_SEGS,
    )
    buffered[whole] = edge_buffers[inverse]
    buffered[cut] = shapely.buffer(
        np.asarray(lines.geometry.values[cut]), walkoff, quad_segs=_QUAD_SEGS
    )
    shapely.bounds(buffered[small])  # envelopes computed here, before threads read them
    progress.report(0.3)
    geoms = np.asarray(lines.geometry.values)

    def one_offer(span):
        idx = order[span[0] : span[1]]
        oc = offer_code[idx[0]]
        bands = [idx[bno[idx] == bi] for bi in range(1, len(values) + 1)]
        large = [
            bi
            for bi, band in enumerate(bands)
            if len(band) and up_to[oc * len(values) + bi] >= _FACE_MIN
        ]

        # pieces that meet only at their ends need no noding (nor do those of a subset)
        simple = noded or (bool(large) and _meet_at_ends(geoms[idx]))

        def face(i):  # all pieces up to the break: no faces are cut at band borders
            return _face_buffer(geoms[idx[bno[idx] <= i + 1]], walkoff, noded=simple)

        if len(spans) == 1 and len(large) > 1 and _WORKERS > 1:  # one group: bands in parallel
            with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
                faced = dict(zip(large, pool.map(face, large)))
        else:
            faced = {i: face(i) for i in large}
        out, prev = [], None
        for i, band in enumerate(bands):
            parts = [faced[i]] if i in faced else list(buffered[band])
            if prev is not None:  # also when faced: differently placed arc chords of two
                # constructions must not leave slivers of the smaller break outside
                parts.append(prev)
            if parts:
                prev = _union(np.asarray(parts, dtype=object))
                out.append((offer_values[oc], i + 1, values[i], prev))
        return out

    # GEOS releases the GIL: the offers' unions run on several cores
    records = []
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        futures = [pool.submit(one_offer, span) for span in spans]
        try:
            for done, future in enumerate(as_completed(futures), start=1):
                records += future.result()
                progress.report(0.3 + 0.7 * done / len(spans))
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    areas = gpd.GeoDataFrame(
        pd.DataFrame(records, columns=["offer_id", "break_no", break_col, "geometry"]),
        geometry="geometry",
        crs=lines.crs,
    )
    return areas.sort_values(["offer_id", "break_no"], ignore_index=True)


class _Ahead:
    """The polygons of chunks of offers, built by a thread of their own while the caller
    routes the next chunk. An offer's polygons depend on its own pieces only, so they
    are those of all offers at once."""

    def __init__(self, values, break_col: str, walkoff: float, noded: bool, progress: Progress):
        self._args = (values, break_col, walkoff)
        self._noded = noded
        self._quiet = progress.quiet()  # cancels, but reports from the caller only
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="catchment-areas")
        self._jobs: list[Future] = []
        self._lines: list[gpd.GeoDataFrame] = []

    def submit(self, lines: gpd.GeoDataFrame) -> None:
        self._lines.append(lines)
        self._jobs.append(
            self._pool.submit(_polygons, lines, *self._args, self._quiet, self._noded)
        )

    def lines(self) -> gpd.GeoDataFrame:
        """The chunks' lines in the order of all offers' lines at once: by break, then
        as routed (:func:`_by_break` of all pieces)."""
        lines = pd.concat(self._lines, ignore_index=True)
        self._lines = []
        return lines.sort_values("break_no", kind="stable", ignore_index=True)

    def result(self, progress: Progress) -> gpd.GeoDataFrame:
        """All offers' polygons, as :func:`_polygons` of all lines gives them."""
        try:
            frames = []
            for done, job in enumerate(self._jobs, start=1):
                frames.append(job.result())
                progress.report(done / len(self._jobs))
        finally:
            self.cancel()
        areas = pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True)
        return areas.sort_values(["offer_id", "break_no"], ignore_index=True)

    def cancel(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _face_buffer(lines: np.ndarray, walkoff: float, *, noded: bool = False):
    """``buffer(union(lines), walkoff)`` built from the faces the lines enclose.

    Unioning thousands of overlapping piece buffers is the costly part of large
    catchments. Here the noded lines are polygonized instead: every face is covered
    up to the points farther than the walk-off from its boundary, so the area is the
    buffer of the faces' union (one cheap outward offset of a coverage) together with
    the buffers of the lines that bound no face, less the faces' inner cores.

    Notes
    -----
    With faces :math:`F_j` of the noded lines, :math:`A = \\bigcup_j F_j`, the lines
    :math:`D` that bound no face and :math:`E_j = F_j \\ominus w` (the points of
    :math:`F_j` farther than :math:`w` from its boundary):

    .. math:: \\mathrm{buffer}(L, w) = \\bigl(\\mathrm{buffer}(A, w) \\cup
              \\mathrm{buffer}(D, w)\\bigr) \\setminus
              \\bigl(\\textstyle\\bigcup_j E_j \\setminus \\mathrm{buffer}(D, w)\\bigr)

    since outside :math:`A` the nearest line point lies on the boundary of :math:`A`,
    and inside a face only its boundary and the lines of :math:`D` within it count.

    Examples
    --------
    >>> from shapely.geometry import LineString
    >>> block = LineString([(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)])
    >>> area = _face_buffer(np.array([block], dtype=object), 10.0)
    >>> round(area.area), len(area.interiors)  # 120 m square, rounded, less 80 m core
    (7906, 1)
    """
    # pieces of a noded network meet only at their ends (pieces of one edge at exactly
    # the same fraction): they are polygonized as they are; otherwise noded first
    faces, cuts, dangles, invalid = _geos_threads.polygonize_full(
        lines if noded else _noded_lines(lines)
    )
    faces = shapely.get_parts(faces)
    free = np.concatenate(
        [shapely.get_parts(cuts), shapely.get_parts(dangles), shapely.get_parts(invalid)]
    )
    if len(free) > 1:  # chains of free lines buffer as one line each
        free = shapely.get_parts(shapely.line_merge(shapely.multilinestrings(free)))
    if len(faces) == 0:
        return _buffer_all(free, walkoff) if len(free) else shapely.Polygon()
    try:
        inside = shapely.coverage_union_all(faces)
    except shapely.errors.GEOSException:  # pragma: no cover - faces are a coverage
        inside = shapely.union_all(faces)
    # one buffer of the faces' union and the free lines: GEOS unites the offset curves
    # of all of them in one noding, twice as fast as uniting their buffers
    area = _buffer_all(np.concatenate([[inside], free]), walkoff)
    # a face keeps a core only if it is wider than 2·walk-off both ways (its bounds)
    box = shapely.bounds(faces)
    wide = ((box[:, 2] - box[:, 0]) > 2 * walkoff) & ((box[:, 3] - box[:, 1]) > 2 * walkoff)
    # (collinear vertices removed first: GEOS 3.11 returns an empty inward buffer for
    # some faces with collinear vertices on an edge, where nodes split a straight street)
    wide_faces = shapely.simplify(faces[wide], 0.0)
    cores = shapely.buffer(wide_faces, -walkoff, quad_segs=_QUAD_SEGS)
    lost = _lost_core(wide_faces, cores)
    cores[lost] = _core_by_sides(wide_faces[lost], walkoff)
    cores = shapely.get_parts(cores[~shapely.is_empty(cores)])
    if len(cores):
        # the free lines inside a face keep what they reach of its core
        holes = shapely.multipolygons(cores)
        if len(free):
            near = np.unique(
                shapely.STRtree(free).query(cores, predicate="dwithin", distance=walkoff)[1]
            )
            if len(near):
                holes = shapely.difference(holes, _buffer_all(free[near], walkoff))
        area = shapely.difference(area, holes)
    return area


def _meet_at_ends(lines: np.ndarray) -> bool:
    """Whether the lines touch each other only at their end points (GEOS's simplicity of
    their collection: no crossings, overlaps, or an end on another's inside), so they are
    noded already; four times cheaper than noding them."""
    try:
        return bool(shapely.is_simple(shapely.multilinestrings(lines)))
    except shapely.errors.GEOSException:  # pragma: no cover - then noded to be sure
        return False


def _buffer_all(geoms: np.ndarray, walkoff: float):
    """The union of the buffers of ``geoms``, as one buffer of their collection."""
    if len(geoms) == 1:
        return shapely.buffer(geoms[0], walkoff, quad_segs=_QUAD_SEGS)
    return shapely.buffer(shapely.geometrycollections(geoms), walkoff, quad_segs=_QUAD_SEGS)


def _noded_lines(lines: np.ndarray) -> np.ndarray:
    """The lines split where they cross or touch, overlaps once (GEOS's noder: faster
    than a union of the lines, which also nodes them)."""
    try:
        return shapely.get_parts(shapely.node(shapely.multilinestrings(lines)))
    except shapely.errors.GEOSException:  # pragma: no cover - a robustness failure
        return shapely.get_parts(shapely.union_all(lines))


def _lost_core(faces: np.ndarray, cores: np.ndarray) -> np.ndarray:
    """The faces whose inward buffer GEOS may have dropped although it is not empty.

    GEOS 3.11 (Debian 12, QGIS 3.22) discards the inward curve of a ring of fewer than
    9 coordinates as "inverted" when none of the curve's vertices lies at the full
    distance from the ring (``BufferCurveSetBuilder::isRingCurveInverted``; later
    versions also test the segments' midpoints). A concave face whose core survives
    only between such vertices then has an empty core. Without holes the shell is the
    only ring, so the result is empty; with holes what is left cannot be told from a
    good core. These faces are built again by their sides.
    """
    few = shapely.get_num_coordinates(shapely.get_exterior_ring(faces)) < 9
    return few & (shapely.is_empty(cores) | (shapely.get_num_interior_rings(faces) > 0))


def _core_by_sides(faces: np.ndarray, walkoff: float) -> np.ndarray:
    """The points of each face farther than ``walkoff`` from its boundary, as the face
    less the buffers of its sides (single segments, which GEOS buffers reliably)."""
    out = np.empty(len(faces), dtype=object)
    for i, face in enumerate(faces):
        coords, ring = shapely.get_coordinates(shapely.get_rings(face), return_index=True)
        same = ring[1:] == ring[:-1]  # consecutive vertices of one ring make a side
        sides = shapely.linestrings(np.stack([coords[:-1][same], coords[1:][same]], axis=1))
        near = shapely.union_all(shapely.buffer(sides, walkoff, quad_segs=_QUAD_SEGS))
        out[i] = shapely.difference(face, near)
    return out


def _union(parts: np.ndarray):
    """``union_all``; a large set is cut into spatial strips united on several cores."""
    if len(parts) == 1 and shapely.is_valid(parts[0]):  # nothing to unite
        return parts[0]
    if _WORKERS == 1 or len(parts) < 4000:
        return shapely.union_all(parts)
    x = shapely.bounds(parts)[:, 0]
    strips = np.array_split(parts[np.argsort(x, kind="stable")], 2 * _WORKERS)
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        merged = list(pool.map(shapely.union_all, strips))
    return shapely.union_all(merged)


def _rings(areas: gpd.GeoDataFrame, break_col: str) -> gpd.GeoDataFrame:
    """Disks (0 to each break) to rings (previous break to this one), per offer."""
    areas = areas.sort_values(["offer_id", "break_no"], ignore_index=True)
    from_col = "from_" + break_col.split("_")[1]
    prev = areas.groupby("offer_id")["geometry"].shift(1)
    has_prev = prev.notna().to_numpy()
    geoms = areas.geometry.values.copy()
    geoms[has_prev] = shapely.difference(
        np.asarray(geoms[has_prev]), np.asarray(prev[has_prev].values)
    )
    areas = areas.set_geometry(geoms)
    prev_break = areas.groupby("offer_id")[break_col].shift(1).fillna(0.0)
    areas.insert(2, from_col, prev_break.to_numpy())
    return areas


def _cell_union(cells: np.ndarray):
    """Union of Voronoi cells (a coverage: the fast coverage union where GEOS can)."""
    if len(cells) == 0:
        return shapely.Polygon()
    try:
        return shapely.coverage_union_all(cells)
    except shapely.errors.GEOSException:
        return shapely.union_all(cells)


def _offer_cells(points, owner, offers, env, *, repair: bool) -> dict:
    """Offer -> union of the Voronoi cells of its points.

    With ``repair``, the cells are made valid first and each polygon goes to its nearest
    point: GEOS 3.15 gives co-circular points (a street grid) cells that cross
    themselves by 1e-15 m, and nested collections that no point is "in".
    """
    parts = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(points), extend_to=env))
    if repair:
        parts = _flat_polygons(shapely.make_valid(parts))
        ic, ip = shapely.STRtree(points).query_nearest(parts, all_matches=False)
    else:
        ic, ip = shapely.STRtree(points).query(parts, predicate="contains")
    cell_owner = pd.Series(owner[ip])
    return {o: _cell_union(parts[ic[(cell_owner == o).to_numpy()]]) for o in offers}


def _flat_polygons(geoms: np.ndarray) -> np.ndarray:
    """The polygons in ``geoms``, out of any (nested) multi-part or collection."""
    parts = shapely.get_parts(geoms)
    while (multi := shapely.get_type_id(parts) >= 4).any():
        parts = np.concatenate([parts[~multi], shapely.get_parts(parts[multi])])
    return parts[shapely.get_type_id(parts) == 3]


def _territories(lines, cover, walkoff, break_col) -> gpd.GeoDataFrame:
    """Split the coverage of each break among the offers: each place goes to the offer
    whose street piece is nearest (Voronoi cells of points along the pieces).

    Notes
    -----
    With :math:`C_B` the coverage of break :math:`B` and :math:`V_i` the union of the
    Voronoi cells of points (every ``walkoff / 4`` metres) on offer :math:`i`'s pieces,
    the territory is :math:`C_B \\cap V_i`; territories do not overlap and together
    make up the coverage.
    """
    from .network import _factorize_xy

    seg = shapely.segmentize(np.asarray(lines.geometry.values), walkoff / 4.0)
    coords, index = shapely.get_coordinates(seg, return_index=True)
    codes, uniq = _factorize_xy(coords)
    first = np.unique(codes, return_index=True)[1]
    owner = lines["offer_id"].to_numpy()[index[first]]
    points = shapely.points(uniq)
    offers = pd.unique(owner)
    if len(offers) == 1:
        cells = {offers[0]: None}
    else:
        env = shapely.buffer(shapely.box(*lines.total_bounds), 10 * walkoff)
        try:
            cells = _offer_cells(points, owner, offers, env, repair=False)
        except shapely.errors.GEOSException:
            cells = _offer_cells(points, owner, offers, env, repair=True)
    records = []
    for row in cover.itertuples(index=False):
        for o in offers:
            piece = (
                row.geometry if cells[o] is None else shapely.intersection(row.geometry, cells[o])
            )
            if not piece.is_empty and piece.area > 0:
                records.append((o, row.break_no, getattr(row, break_col), piece))
    return gpd.GeoDataFrame(
        pd.DataFrame(records, columns=["offer_id", "break_no", break_col, "geometry"]),
        geometry="geometry",
        crs=cover.crs,
    ).sort_values(["offer_id", "break_no"], ignore_index=True)


def _add_stranded(areas, network, snapped, offer_ids, values, break_col, walkoff):
    """Offers that reach no street piece (say, at the end of a one-way dead end) get the
    walk-off circle around their place on the network (around each of their points),
    so none is missing. ``offer_ids``: the offer of every snapped point."""
    have = set(zip(areas["offer_id"], areas["break_no"]))
    where = shapely.line_interpolate_point(
        network.geometry[snapped.edge], snapped.fraction, normalized=True
    )
    offer_ids = np.asarray(offer_ids, dtype=object)
    records = []
    for oid in pd.unique(offer_ids):
        circle = None
        for bi, b in enumerate(values, start=1):
            if (oid, bi) not in have:
                if circle is None:
                    circle = shapely.union_all(shapely.buffer(where[offer_ids == oid], walkoff))
                records.append({"offer_id": oid, "break_no": bi, break_col: b, "geometry": circle})
    if not records:
        return areas
    extra = gpd.GeoDataFrame(records, geometry="geometry", crs=areas.crs)
    return pd.concat([areas, extra], ignore_index=True).sort_values(
        ["offer_id", "break_no"], ignore_index=True
    )


def _first_geoms(geoms, inverse, n):
    first = np.zeros(n, dtype=np.int64)
    first[inverse[::-1]] = np.arange(len(inverse))[::-1]
    return np.asarray(geoms)[first]


# --- distance catchments ------------------------------------------------------------------


def _voronoi_cells(points: np.ndarray) -> np.ndarray:
    """The Voronoi cell of every point (in input order), large enough for any break."""
    if len(points) == 1:
        return np.array([shapely.box(-1e12, -1e12, 1e12, 1e12)], dtype=object)
    env = shapely.envelope(shapely.multipoints(points)).buffer(1e7)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(points), extend_to=env))
    # duplicate points share a cell: map each point to the cell containing it
    tree = shapely.STRtree(cells)
    idx_p, idx_c = tree.query(points, predicate="intersects")
    first = np.unique(idx_p, return_index=True)[1]
    out = np.empty(len(points), dtype=object)
    out[idx_p[first]] = cells[idx_c[first]]
    return out


# --- population -------------------------------------------------------------------------
