"""Network and distance catchments (Einzugsgebiete) of offers, with reached population.

:func:`network_catchments` answers "which streets, which areas and how many people
reach an offer within 5, 10, 15 minutes": one bounded multi-source Dijkstra pass
over a :class:`~geolib.network.Network` for all breaks (per offer: bounded runs
from each offer in chunks, never a whole-graph run), partly reached edges cut at
the exact cost, and polygons as the union of the reached line pieces buffered by
a walk-off distance, so that a larger break's polygon contains the smaller one's.
:func:`distance_catchments` does the same with straight-line (Luftlinie) circles.
:func:`reached_population` counts the people inside each catchment and those
outside the coverage in each municipality.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.sparse import csgraph

from ._progress import Progress
from .catchment_areas import _add_stranded, _polygons, _rings, _territories, _union, _voronoi_cells
from .catchment_lines import _by_break, _pieces_for_matrix, _pieces_min, _substrings
from .crs import require_crs, to_metric
from .errors import DataError, EmptyInputError, ParameterError
from .messages import N_, Message
from .network import Network
from .population import _with_population, reached_population
from .routing import bounded_costs, check_memory, snap_points, with_sources

__all__ = [
    "CatchmentResult",
    "distance_catchments",
    "network_catchments",
    "parse_breaks",
    "reached_population",
]

OVERLAPS = ("per_offer", "dissolve", "split")
#: the offer_id of dissolved (coverage) areas
ALL_OFFERS = "*"
_BYTES_PER_PIECE = 600  # a line piece, its share of a polygon and of the frames


@dataclass
class CatchmentResult:
    """Catchments of offers.

    ``areas``: polygons with ``offer_id`` (``"*"`` when dissolved), ``break_no``
    (1 = smallest), ``break_min`` or ``break_m``, with rings also ``from_min`` or
    ``from_m``, and ``population`` when a population layer was given.
    ``lines``: the reached network pieces with ``offer_id``, ``break_no``, the
    break, and the cost at their two ends (``from_min``/``to_min`` or
    ``from_m``/``to_m``); empty for distance catchments.
    ``unroutable``: offers that could not be used, with ``reason``.
    ``population``: reached and unreached population per municipality and break.
    ``nodes``: every node within the largest break with ``node``, its nearest
    ``offer_id``, ``break_no`` and ``break_min``/``break_m`` (the smallest break
    reaching it) and its cost (``cost_min`` or ``cost_m``), when asked for.
    """

    areas: gpd.GeoDataFrame
    lines: gpd.GeoDataFrame
    unroutable: gpd.GeoDataFrame
    population: pd.DataFrame | None = None
    nodes: gpd.GeoDataFrame | None = None
    notes: list[Message] = field(default_factory=list)


def parse_breaks(breaks: str | float | Iterable[float]) -> list[float]:
    """Breaks from text such as ``"5,10,15"`` (also ``;`` or spaces) or a sequence.

    Breaks must be numbers above 0 in increasing order.

    Examples
    --------
    >>> parse_breaks("5, 10;15")
    [5.0, 10.0, 15.0]
    """
    if isinstance(breaks, str):
        tokens = [t for t in breaks.replace(";", ",").replace(" ", ",").split(",") if t]
        values = []
        for token in tokens:
            try:
                values.append(float(token))
            except ValueError:
                raise ParameterError(
                    "The break '{value}' is not a number. Give breaks such as 5,10,15.",
                    value=token,
                ) from None
    elif isinstance(breaks, (int, float)):
        values = [float(breaks)]
    else:
        values = [float(b) for b in breaks]
    if not values:
        raise ParameterError("Give at least one break, such as 5,10,15.")
    if any(not np.isfinite(v) or v <= 0 for v in values):
        raise ParameterError(
            "Breaks must be greater than 0; got {breaks}.",
            breaks=", ".join(f"{v:g}" for v in values),
        )
    if any(b <= a for a, b in zip(values, values[1:])):
        raise ParameterError(
            "Breaks must increase, each greater than the one before; got {breaks}.",
            breaks=", ".join(f"{v:g}" for v in values),
        )
    return values


def _num(value: float) -> str:
    """A number for a message: 250, 12.5 (no trailing .0)."""
    return f"{value:g}" if abs(value) < 1e6 else f"{value:.0f}"


def _offer_ids(offers: gpd.GeoDataFrame, id_field: str | None, notes: list) -> pd.Series:
    if id_field and id_field in offers.columns:
        ids = offers[id_field].astype("string")
        dup = ids[ids.duplicated(keep=False) & ids.notna()]
        if len(dup):
            raise DataError(
                "The offers layer has duplicate values in '{field}': {ids}. Every offer needs "
                "its own id.",
                field=id_field,
                ids=", ".join(sorted(dup.unique())[:10]),
            )
        if ids.isna().any():
            raise DataError(
                "{n} offers have no value in '{field}'. Every offer needs its own id.",
                n=int(ids.isna().sum()),
                field=id_field,
            )
        return ids.astype(str).reset_index(drop=True)
    notes.append(
        Message(
            "The offers layer has no field '{field}'; offers are numbered by their row (1, 2, …).",
            field=str(id_field),
        )
    )
    return pd.Series([str(i + 1) for i in range(len(offers))])


def _check_overlap(overlap: str) -> None:
    if overlap not in OVERLAPS:
        raise ParameterError(
            "The overlap must be one of {allowed}, not '{value}'.",
            allowed=", ".join(OVERLAPS),
            value=str(overlap),
        )


def _check_offers(offers: gpd.GeoDataFrame) -> None:
    require_crs(offers, what=N_("offers layer"))
    if len(offers) == 0:
        raise EmptyInputError(
            "The {what} is empty. Choose a layer with at least one offer.",
            what=N_("offers layer"),
        )


def _unit_names(unit: str) -> tuple[str, str, str]:
    return ("break_min", "from_min", "to_min") if unit == "min" else ("break_m", "from_m", "to_m")


# --- network catchments ----------------------------------------------------------------
def network_catchments(
    network: Network,
    offers: gpd.GeoDataFrame,
    *,
    breaks: str | Sequence[float],
    id_field: str | None = "offer_id",
    overlap: str = "per_offer",
    rings: bool = False,
    snap_distance: float = 250.0,
    walkoff: float = 50.0,
    population: gpd.GeoDataFrame | None = None,
    population_field: str | None = None,
    population_areas: gpd.GeoDataFrame | None = None,
    land_share_field: str | None = None,
    node_costs: bool = False,
    polygons: bool = True,
    memory_limit: int | None = None,
    progress: Progress | None = None,
) -> CatchmentResult:
    """Network catchments of ``offers`` for every break in one bounded pass.

    Parameters
    ----------
    network
        From :func:`geolib.network.build_network`; breaks are in its unit
        (minutes for time networks, metres for distance networks).
    offers
        Offer points; each snaps to the nearest point on an edge.
    breaks
        Increasing costs such as ``"5,10,15"``.
    id_field
        Field with the offer id (default ``offer_id``; rows are numbered without it).
    overlap
        ``"per_offer"`` (one area per offer and break, overlapping), ``"dissolve"``
        (the union per break: coverage) or ``"split"`` (service territories: each
        street piece belongs to its nearest offer).
    rings
        Areas between breaks instead of from 0 to each break.
    snap_distance
        Offers farther from the network (metres) are returned in ``unroutable``.
    walkoff
        Buffer (metres) around reached streets that makes the polygons: how far
        people live from the street.
    population, population_field
        Optional population (polygons with counts, area-weighted, or points)
        counted per area, and per municipality in ``population`` of the result.
    population_areas, land_share_field
        Optional areas (e.g. municipalities) to count the population per, and the
        land share of population cells (see :func:`geolib.population.population_pieces`).
    node_costs
        Also return the cost of every reached node (nearest offer).
    polygons
        Build the areas (the costly part); without them ``areas`` is empty and only
        the reached lines (and node costs) are returned.
    memory_limit
        Refuse requests estimated to need more bytes (ResourceError).
    progress
        Progress and cancellation.

    Returns
    -------
    CatchmentResult

    Notes
    -----
    With node costs :math:`D(u), D(v)` of an edge with costs :math:`c_{fw}, c_{bw}`,
    the reached part for break :math:`B` is :math:`[0, a] \\cup [1-b, 1]` of its
    length with :math:`a = (B - D(u)) / c_{fw}` and :math:`b = (B - D(v)) / c_{bw}`
    (clipped to 0–1), the whole edge when :math:`a + b \\ge 1`. An offer at
    fraction :math:`t` on its edge adds :math:`[t - B / c_{bw}, t + B / c_{fw}]`.
    The area is :math:`\\bigcup_i \\mathrm{buffer}(\\text{piece}_i, w)`.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import LineString, Point
    >>> from geolib.network import build_network
    >>> lines = gpd.GeoDataFrame(geometry=[LineString([(0, 0), (1000, 0)])], crs=25832)
    >>> net = build_network(lines, cost="distance", profile=None)
    >>> offers = gpd.GeoDataFrame({"offer_id": ["a"]}, geometry=[Point(500, 10)], crs=25832)
    >>> res = network_catchments(net, offers, breaks="100,200", walkoff=10)
    >>> res.lines["to_m"].round(1).tolist()  # two bands on each side of the offer
    [100.0, 100.0, 200.0, 200.0]
    >>> round(res.lines.length.sum(), 1)
    400.0
    """
    progress = progress or Progress()
    notes: list[Message] = list(network.notes)
    values = parse_breaks(breaks)
    _check_overlap(overlap)
    if not (walkoff > 0):
        raise ParameterError(
            "The walk-off distance must be greater than 0 m (it is {value}).", value=walkoff
        )
    _check_offers(offers)
    ids = _offer_ids(offers, id_field, notes)
    snapped = snap_points(network, offers, snap_distance=snap_distance)
    notes += snapped.notes
    unroutable = snapped.unroutable.reset_index(drop=True)
    if len(snapped.edge) == 0:
        listing = ", ".join(
            f"{ids.iloc[i]} ({d:.0f} m)" if d == d else str(ids.iloc[i])
            for i, d in zip(
                snapped.unroutable.index.map(offers.index.get_loc)[:20],
                snapped.unroutable["snap_dist_m"],
            )
        )
        raise DataError(
            "No offer lies within {d} m of the network, so no catchment can be computed. "
            "Offers and their distance to the network: {offers}. Increase the snap "
            "distance or choose the network that covers the offers.",
            d=_num(snap_distance),
            offers=listing,
        )
    if snapped.distance.size and snapped.distance.max() > walkoff:
        notes.append(
            Message(
                "{n} offers are farther from the network than the walk-off distance of {w} m; "
                "their areas may not contain them.",
                n=int((snapped.distance > walkoff).sum()),
                w=walkoff,
            )
        )
    offer_ids = ids.iloc[snapped.position].to_numpy()
    graph, src = with_sources(network, snapped)
    max_break = values[-1]
    n = network.n_nodes
    k = len(src)
    progress.report(0.05)
    frames: list[pd.DataFrame] = []
    nodes = None
    if overlap == "per_offer":
        # estimate the size from a few offers before running all of them
        sample = np.unique(np.linspace(0, k - 1, min(k, 8)).astype(int))
        reached = 0.0
        for _, dist in bounded_costs(graph, src[sample], max_break):
            reached = float(np.isfinite(dist[:, :n]).sum(axis=1).mean())
        per_edge = network.n_edges / max(n, 1)
        check_memory(
            int(k * reached * per_edge * len(values) * _BYTES_PER_PIECE),
            memory_limit,
            what=N_("catchment request"),
        )
        sub = progress.sub(0.05, 0.6)
        for sel, dist in bounded_costs(graph, src, max_break, progress=sub):
            frames.append(_pieces_for_matrix(network, dist[:, :n], sel, snapped, max_break))
    else:
        check_memory(
            int(network.n_edges * len(values) * _BYTES_PER_PIECE + 40 * (n + k)),
            memory_limit,
            what=N_("catchment request"),
        )
        d, sources = _nearest_costs(graph, src, max_break, n)
        progress.report(0.4)
        label = np.where(sources >= n, sources - n, -1)
        frames.append(_pieces_min(network, d, label, snapped, max_break, split=overlap == "split"))
        if node_costs:
            nodes = _node_frame(network, d, sources, offer_ids, values)
    progress.report(0.6)
    pieces = _by_break(pd.concat(frames, ignore_index=True), values)
    if node_costs and nodes is None:
        nodes = _node_frame(network, *_nearest_costs(graph, src, max_break, n), offer_ids, values)
    geoms = _substrings(network, pieces["edge"].to_numpy(), pieces["s0"], pieces["s1"])
    nonzero = shapely.length(geoms) > 1e-6  # slivers where a cost just touches a break
    pieces, geoms = pieces[nonzero].reset_index(drop=True), geoms[nonzero]
    break_col, from_col, to_col = _unit_names(network.unit)
    group = pieces["group"].to_numpy()
    if overlap == "dissolve":
        group_ids = np.full(len(pieces), ALL_OFFERS, dtype=object)
    else:
        group_ids = offer_ids[group]
    lines = gpd.GeoDataFrame(
        {
            "offer_id": group_ids,
            "break_no": pieces["break_no"].to_numpy() + 1,
            break_col: np.asarray(values)[pieces["break_no"].to_numpy()],
            from_col: np.fmin(pieces["g0"], pieces["g1"]).to_numpy(),
            to_col: np.fmax(pieces["g0"], pieces["g1"]).to_numpy(),
            "length_m": shapely.length(geoms),
            "_edge": pieces["edge"].to_numpy(),
            "_full": ((pieces["s0"] <= 0) & (pieces["s1"] >= 1)).to_numpy(),
        },
        geometry=geoms,
        crs=network.crs,
    )
    progress.report(0.7)
    if not polygons:
        areas = _polygons(lines.iloc[:0], values, break_col, walkoff, progress, network.noded)
    elif overlap == "split":
        cover = _polygons(
            lines.assign(offer_id=ALL_OFFERS),
            values,
            break_col,
            walkoff,
            progress.sub(0.7, 0.85),
            network.noded,
        )
        areas = _territories(lines, cover, walkoff, break_col)
    else:
        areas = _polygons(lines, values, break_col, walkoff, progress.sub(0.7, 0.9), network.noded)
    if polygons and overlap != "dissolve":
        areas = _add_stranded(areas, network, snapped, offer_ids, values, break_col, walkoff)
    if rings:
        areas = _rings(areas, break_col)
    last = lines.drop(columns=["_edge", "_full"])
    result = CatchmentResult(
        areas=areas,
        lines=last.reset_index(drop=True),
        unroutable=unroutable,
        nodes=nodes,
        notes=notes,
    )
    if population is not None:
        result = _with_population(
            result,
            population,
            population_field,
            break_col,
            rings,
            population_areas,
            land_share_field,
        )
    progress.report(1.0)
    return result


def _nearest_costs(graph, src, limit, n) -> tuple[np.ndarray, np.ndarray]:
    """One multi-source Dijkstra bounded by ``limit``: the cost of each of the ``n``
    network nodes from its nearest source, and that source (a node id from ``n`` on)."""
    dist, _pred, sources = csgraph.dijkstra(
        graph, directed=True, indices=src, limit=limit, min_only=True, return_predecessors=True
    )
    return dist[:n], sources[:n]


def _node_frame(network, d, sources, offer_ids, values) -> gpd.GeoDataFrame:
    """Reached nodes with their cost, nearest offer and the smallest break reaching them.

    ``sources``: the start node each node's cost comes from (offers are nodes from n on).
    """
    n = network.n_nodes
    ok = np.isfinite(d) & (sources >= n) & (d <= values[-1])
    unit = "min" if network.unit == "min" else "m"
    break_no = np.searchsorted(values, d[ok], "left") + 1
    return gpd.GeoDataFrame(
        {
            "node": np.flatnonzero(ok),
            "offer_id": offer_ids[sources[ok] - n],
            "break_no": break_no,
            f"break_{unit}": np.asarray(values, dtype=float)[break_no - 1],
            f"cost_{unit}": d[ok],
        },
        geometry=shapely.points(network.node_xy[ok]),
        crs=network.crs,
    )


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
    ids = _offer_ids(offers, id_field, notes)
    pts, note = to_metric(offers.reset_index(drop=True), crs, what=N_("offers layer"))
    if note:
        notes.append(note)
    geoms = np.asarray(pts.geometry.values)
    missing = pd.isna(geoms) | shapely.is_empty(geoms)
    unroutable = pts[missing].copy()
    unroutable["reason"] = N_("no geometry")
    if missing.all():
        raise EmptyInputError(
            "The {what} is empty. Choose a layer with at least one offer.",
            what=N_("offers layer"),
        )
    keep = np.flatnonzero(~missing)
    geoms = geoms[keep]
    if (shapely.get_type_id(geoms) != 0).any():
        geoms = shapely.point_on_surface(geoms)
    offer_ids = ids.iloc[keep].to_numpy()
    break_col = "break_m"
    records = []
    cells = None
    if overlap == "split":
        cells = _voronoi_cells(geoms)
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
    if population is not None:
        result = _with_population(
            result,
            population,
            population_field,
            break_col,
            rings,
            population_areas,
            land_share_field,
        )
    progress.report(1.0)
    return result
