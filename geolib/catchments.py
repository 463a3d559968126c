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

import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.sparse import csgraph

from ._progress import Progress
from .crs import require_crs, to_metric
from .errors import DataError, EmptyInputError, FieldError, GeometryError, ParameterError
from .messages import N_, Message
from .network import (
    Network,
    bounded_costs,
    check_memory,
    snap_points,
    with_sources,
)
from .validate import numeric_field

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
_WORKERS = max(1, min(8, os.cpu_count() or 1))  # threads for the polygon unions
#: groups with at least this many pieces get their polygons from the faces of the noded
#: pieces (:func:`_face_buffer`); smaller ones from the union of the piece buffers
_FACE_MIN = 300
_QUAD_SEGS = 4


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
        result = _with_population(result, population, population_field, break_col, rings)
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


def _pieces_from(network, group, edge, du, dv, b, *, split_labels=None):
    """Reached pieces of edges without an offer on them, each with a linear cost.

    Returns a frame with ``group``, ``edge``, ``s0``, ``s1`` (fractions) and ``g0``,
    ``g1``: the cost at ``s0`` and ``s1``, linear in between.
    """
    cf, cb = network.cost_fw[edge], network.cost_bw[edge]
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        a = np.nan_to_num(np.where(du < b, np.clip((b - du) / cf, 0.0, 1.0), 0.0))
        bb = np.nan_to_num(np.where(dv < b, np.clip((b - dv) / cb, 0.0, 1.0), 0.0))
        # where the costs from both ends meet: du + s·cf = dv + (1 - s)·cb
        star = np.nan_to_num((dv + cb - du) / (cf + cb), nan=0.5)
    both = (a > 0) & (bb > 0)
    # reached from both ends over the whole edge: the pieces meet where the costs meet,
    # both ending exactly at that fraction (1 - (1 - x) need not be x in floating point)
    meet = both & (1.0 - bb <= a)
    star = np.clip(star, 1.0 - bb, a)
    start_v = np.where(meet, star, 1.0 - bb)
    a = np.where(meet, star, a)
    bb = np.where(meet, 1.0 - star, bb)
    gu, gv = split_labels if split_labels is not None else (group, group)
    out = []
    sel = a > 0
    if sel.any():
        out.append(
            (gu[sel], edge[sel], np.zeros(sel.sum()), a[sel], du[sel], du[sel] + a[sel] * cf[sel])
        )
    sel = bb > 0
    if sel.any():
        out.append(
            (
                gv[sel],
                edge[sel],
                start_v[sel],
                np.ones(sel.sum()),
                dv[sel] + bb[sel] * cb[sel],
                dv[sel],
            )
        )
    if not out:
        return _empty_pieces()
    cols = [np.concatenate(c) for c in zip(*out)]
    return pd.DataFrame(dict(zip(["group", "edge", "s0", "s1", "g0", "g1"], cols)))


def _empty_pieces():
    return pd.DataFrame(
        {
            "group": pd.Series([], dtype=np.int64),
            "edge": pd.Series([], dtype=np.int64),
            "s0": pd.Series([], dtype=float),
            "s1": pd.Series([], dtype=float),
            "g0": pd.Series([], dtype=float),
            "g1": pd.Series([], dtype=float),
        }
    )


def _edge_with_offers(network, e, node_funcs, offers_here, b):
    """Pieces of edge ``e`` with offers on it, exactly: the cheapest of several linear costs.

    ``node_funcs``: (group, cost at edge_u, cost at edge_v) reaching the edge from its
    ends; ``offers_here``: (group, fraction) of offers on it. Between the points where
    these costs cross, the cheapest is one linear function, owned by one group.
    """
    cf, cb = float(network.cost_fw[e]), float(network.cost_bw[e])
    funcs = []  # (group, lo, hi, slope, intercept): cost = intercept + slope·s on [lo, hi]
    for group, du, dv in node_funcs:
        if np.isfinite(du) and np.isfinite(cf):
            funcs.append((group, 0.0, 1.0, cf, du))
        if np.isfinite(dv) and np.isfinite(cb):
            funcs.append((group, 0.0, 1.0, -cb, dv + cb))
    for group, t in offers_here:
        funcs.append((group, t, t, 0.0, 0.0))
        if np.isfinite(cf):
            funcs.append((group, t, 1.0, cf, -t * cf))
        if np.isfinite(cb):
            funcs.append((group, 0.0, t, -cb, t * cb))
    cut_set = {0.0, 1.0}
    for _, lo, hi, _, _ in funcs:
        cut_set.update((lo, hi))
    for i, (_, lo1, hi1, m1, c1) in enumerate(funcs):
        for _, lo2, hi2, m2, c2 in funcs[i + 1 :]:
            if m1 != m2:
                x = (c2 - c1) / (m1 - m2)
                if max(lo1, lo2) < x < min(hi1, hi2):
                    cut_set.add(x)
    cuts = sorted(cut_set)
    rows = []
    for s0, s1 in zip(cuts[:-1], cuts[1:]):
        if s1 - s0 <= 1e-12:
            continue
        mid = 0.5 * (s0 + s1)
        best = None
        for f in funcs:
            if f[1] <= mid <= f[2] and f[1] < f[2]:
                value = f[4] + f[3] * mid
                if best is None or value < best[0]:
                    best = (value, f)
        if best is None:
            continue
        group, _, _, m, c = best[1]
        g0, g1 = c + m * s0, c + m * s1
        if min(g0, g1) >= b:
            continue
        if max(g0, g1) > b:  # cut where the cost reaches the break
            x = s0 + (s1 - s0) * (b - g0) / (g1 - g0)
            s0, s1, g0, g1 = (s0, x, g0, b) if g0 < g1 else (x, s1, b, g1)
        rows.append((group, e, s0, s1, g0, g1))
    return rows


def _pieces_for_matrix(network, dist, sel, snapped, b):
    """Pieces of each offer in a chunk of per-offer cost rows (``dist``: offers × nodes).

    Only the reached nodes and their incident edges are looked at, so the work grows
    with the reached part of the network, not with its size.
    """
    u, v = network.edge_u, network.edge_v
    rows_, edge = _reached_pairs(network, dist, b)
    own_edge = snapped.edge[sel]
    keep = edge != own_edge[rows_]
    rows_, edge = rows_[keep], edge[keep]
    frame = _pieces_from(network, sel[rows_], edge, dist[rows_, u[edge]], dist[rows_, v[edge]], b)
    extra = []
    for r, offer in enumerate(sel):
        e = own_edge[r]
        extra += _edge_with_offers(
            network,
            e,
            [(offer, dist[r, u[e]], dist[r, v[e]])],
            [(offer, snapped.fraction[offer])],
            b,
        )
    return _concat_extra(frame, extra)


def _reached_pairs(network, dist, b):
    """(row, edge) of every edge with an end node cheaper than ``b`` in that row."""
    ptr, inc = _incidence(network)
    rows_, nodes_ = np.nonzero(dist < b)
    counts = ptr[nodes_ + 1] - ptr[nodes_]
    total = int(counts.sum())
    starts = np.repeat(ptr[nodes_], counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    edges = inc[starts + offsets]
    key = np.unique(np.repeat(rows_, counts).astype(np.int64) * network.n_edges + edges)
    return key // network.n_edges, key % network.n_edges


def _incidence(network):
    """CSR of the edges at every node: ``inc[ptr[n]:ptr[n + 1]]``."""
    if network._incidence_cache is not None:
        return network._incidence_cache
    ends = np.concatenate([network.edge_u, network.edge_v])
    edges = np.concatenate([np.arange(network.n_edges)] * 2)
    order = np.argsort(ends, kind="stable")
    ptr = np.r_[0, np.cumsum(np.bincount(ends, minlength=network.n_nodes))]
    network._incidence_cache = (ptr, edges[order])
    return network._incidence_cache


def _concat_extra(frame, extra):
    if not extra:
        return frame
    ex = pd.DataFrame(extra, columns=["group", "edge", "s0", "s1", "g0", "g1"])
    return pd.concat([frame, ex], ignore_index=True)


def _pieces_min(network, d, label, snapped, b, *, split):
    """Pieces from the cheapest cost over all offers (dissolve) or by territory (split)."""
    u, v = network.edge_u, network.edge_v
    du, dv = d[u], d[v]
    reached = (du < b) | (dv < b)
    own_edges = np.unique(snapped.edge)
    reached[own_edges] = False
    edge = np.flatnonzero(reached)
    if split:
        frame = _pieces_from(
            network,
            None,
            edge,
            du[edge],
            dv[edge],
            b,
            split_labels=(label[u[edge]], label[v[edge]]),
        )
    else:
        zeros = np.zeros(len(edge), dtype=np.int64)
        frame = _pieces_from(network, zeros, edge, du[edge], dv[edge], b)
    extra = []
    order = np.argsort(snapped.edge, kind="stable")
    edges_sorted = snapped.edge[order]
    starts = np.searchsorted(edges_sorted, own_edges, "left")
    ends = np.searchsorted(edges_sorted, own_edges, "right")
    for e, lo, hi in zip(own_edges, starts, ends):
        here = order[lo:hi]
        if split:
            node_funcs = [(label[u[e]], d[u[e]], np.inf), (label[v[e]], np.inf, d[v[e]])]
            offers_here = [(o, snapped.fraction[o]) for o in here]
        else:
            node_funcs = [(0, d[u[e]], d[v[e]])]
            offers_here = [(0, snapped.fraction[o]) for o in here]
        extra += _edge_with_offers(network, e, node_funcs, offers_here, b)
    return _concat_extra(frame, extra)


def _by_break(pieces: pd.DataFrame, values: list[float]) -> pd.DataFrame:
    """Cut linear-cost pieces where their cost crosses a break; ``break_no`` from 0.

    The part of a piece with cost in (B[j-1], B[j]] gets ``break_no`` j.
    """
    s0, s1 = pieces["s0"].to_numpy(), pieces["s1"].to_numpy()
    g0, g1 = pieces["g0"].to_numpy(), pieces["g1"].to_numpy()
    lows = np.r_[-np.inf, values[:-1]]
    frames = []
    flat = np.abs(g1 - g0) < 1e-12
    with np.errstate(invalid="ignore", divide="ignore"):
        for j, (lo, hi) in enumerate(zip(lows, values)):
            # the parameter τ (0 at s0, 1 at s1) where the cost is lo and hi
            t_lo = np.where(flat, 0.0, (lo - g0) / (g1 - g0))
            t_hi = np.where(flat, 1.0, (hi - g0) / (g1 - g0))
            a = np.clip(np.fmin(t_lo, t_hi), 0.0, 1.0)
            z = np.clip(np.fmax(t_lo, t_hi), 0.0, 1.0)
            inside = np.where(flat, (g0 > lo) & (g0 <= hi), z - a > 1e-9)
            if not inside.any():
                continue
            part = pieces[inside].copy()
            a, z = a[inside], z[inside]
            length = s1[inside] - s0[inside]
            gg0, gg1 = g0[inside], g1[inside]
            # uncut ends keep their exact fractions (s0 + 1·(s1 - s0) need not be s1), so
            # pieces meeting there share their end point
            part["s0"] = np.where(a <= 0.0, s0[inside], s0[inside] + a * length)
            part["s1"] = np.where(z >= 1.0, s1[inside], s0[inside] + z * length)
            part["g0"] = np.where(a <= 0.0, gg0, gg0 + a * (gg1 - gg0))
            part["g1"] = np.where(z >= 1.0, gg1, gg0 + z * (gg1 - gg0))
            part["break_no"] = j
            frames.append(part)
    if not frames:
        out = _empty_pieces()
        out["break_no"] = pd.Series([], dtype=np.int64)
        return out
    return pd.concat(frames, ignore_index=True)


def _substrings(network: Network, edge: np.ndarray, s0, s1) -> np.ndarray:
    """Parts [s0, s1] (fractions of length) of edge geometries, vectorised."""
    s0 = np.asarray(s0, dtype=float)
    s1 = np.asarray(s1, dtype=float)
    out = np.empty(len(edge), dtype=object)
    full = (s0 <= 0) & (s1 >= 1)
    out[full] = network.geometry[edge[full]]
    part = np.flatnonzero(~full)
    if len(part) == 0:
        return out
    coords, cum, offsets = _edge_coords(network)
    e = edge[part]
    a, b = s0[part], s1[part]
    key = 2.0 * np.arange(network.n_edges)
    # every vertex is keyed by 2·edge + its fraction, so one sorted array serves all edges
    vkey = np.repeat(key, np.diff(offsets)) + cum
    lo = np.searchsorted(vkey, 2.0 * e + a, "right")
    hi = np.searchsorted(vkey, 2.0 * e + b, "left")
    hi = np.maximum(hi, lo)
    start = _point_at(coords, cum, offsets, e, a, lo)
    end = _point_at(coords, cum, offsets, e, b, hi)
    inner = hi - lo
    count = inner + 2
    piece = np.repeat(np.arange(len(part)), count)
    first = np.r_[0, np.cumsum(count)[:-1]]
    pos = np.arange(count.sum()) - np.repeat(first, count)
    xy = np.empty((count.sum(), 2))
    is_start = pos == 0
    is_end = pos == np.repeat(count - 1, count)
    xy[is_start] = start
    xy[is_end] = end
    mid = ~is_start & ~is_end
    xy[mid] = coords[(np.repeat(lo, count) + pos - 1)[mid]]
    out[part] = shapely.linestrings(xy, indices=piece)
    return out


def _point_at(coords, frac, offsets, edge, s, after):
    """Points at fractions ``s`` of the edges' lengths; ``after``: global index of the
    first vertex of each edge beyond ``s`` (from the sorted vertex keys), clipped to the
    edge's vertices. Linear between the two vertices around ``s``."""
    first, last = offsets[edge], offsets[edge + 1] - 1
    j = np.clip(after, first + 1, last)  # the segment (j - 1, j) holds s
    f0, f1 = frac[j - 1], frac[j]
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(f1 > f0, (s - f0) / (f1 - f0), 0.0)
    t = np.clip(t, 0.0, 1.0)[:, None]
    # at a vertex exactly its coordinates (however the vertex was looked up)
    return np.where(
        t >= 1.0,
        coords[j],
        np.where(t <= 0.0, coords[j - 1], coords[j - 1] + t * (coords[j] - coords[j - 1])),
    )


def _edge_coords(network: Network):
    if network._coords_cache is not None:
        return network._coords_cache
    coords, index = shapely.get_coordinates(network.geometry, return_index=True)
    offsets = np.r_[0, np.cumsum(np.bincount(index, minlength=network.n_edges))]
    seg = np.r_[0.0, np.hypot(*np.diff(coords, axis=0).T)]
    seg[offsets[:-1]] = 0.0
    cum = np.cumsum(seg)
    cum -= np.repeat(cum[offsets[:-1]], np.diff(offsets))
    total = np.repeat(np.maximum(cum[offsets[1:] - 1], 1e-12), np.diff(offsets))
    frac = np.clip(cum / total, 0, 1)
    network._coords_cache = (coords, frac, offsets)
    return network._coords_cache


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

        def face(i):  # all pieces up to the break: no faces are cut at band borders
            return _face_buffer(geoms[idx[bno[idx] <= i + 1]], walkoff, noded=noded)

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
    faces, cuts, dangles, invalid = shapely.polygonize_full(
        lines if noded else [shapely.union_all(lines)]
    )
    faces = shapely.get_parts(faces)
    free = np.concatenate(
        [shapely.get_parts(cuts), shapely.get_parts(dangles), shapely.get_parts(invalid)]
    )
    if len(free) > 1:  # chains of free lines buffer as one line each
        free = shapely.get_parts(shapely.line_merge(shapely.multilinestrings(free)))
    bufs = (
        shapely.buffer(free, walkoff, quad_segs=_QUAD_SEGS)
        if len(free)
        else np.empty(0, dtype=object)
    )
    if len(faces) == 0:
        return shapely.union_all(bufs) if len(bufs) else shapely.Polygon()
    try:
        inside = shapely.coverage_union_all(faces)
    except shapely.errors.GEOSException:  # pragma: no cover - faces are a coverage
        inside = shapely.union_all(faces)
    grown = shapely.buffer(inside, walkoff, quad_segs=_QUAD_SEGS)
    area = shapely.union(grown, shapely.union_all(bufs)) if len(bufs) else grown
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
        near = np.unique(shapely.STRtree(bufs).query(cores, predicate="intersects")[1])
        holes = shapely.multipolygons(cores)
        if len(near):
            holes = shapely.difference(holes, shapely.union_all(bufs[near]))
        area = shapely.difference(area, holes)
    return area


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
    walk-off circle around their place on the network, so none is missing."""
    have = set(zip(areas["offer_id"], areas["break_no"]))
    where = shapely.line_interpolate_point(
        network.geometry[snapped.edge], snapped.fraction, normalized=True
    )
    records = []
    for i, oid in enumerate(offer_ids):
        for bi, b in enumerate(values, start=1):
            if (oid, bi) not in have:
                records.append(
                    {
                        "offer_id": oid,
                        "break_no": bi,
                        break_col: b,
                        "geometry": shapely.buffer(where[i], walkoff),
                    }
                )
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
def distance_catchments(
    offers: gpd.GeoDataFrame,
    *,
    breaks: str | Sequence[float],
    id_field: str | None = "offer_id",
    overlap: str = "per_offer",
    rings: bool = False,
    population: gpd.GeoDataFrame | None = None,
    population_field: str | None = None,
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
        result = _with_population(result, population, population_field, break_col, rings)
    progress.report(1.0)
    return result


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
def reached_population(
    areas: gpd.GeoDataFrame,
    population: gpd.GeoDataFrame,
    *,
    population_field: str,
    break_col: str | None = None,
    rings: bool = False,
) -> tuple[np.ndarray, pd.DataFrame]:
    """People inside each area, and reached/unreached per population unit and break.

    Parameters
    ----------
    areas
        Catchment polygons with ``break_no`` (and the break column).
    population
        Polygons (counts spread evenly over their area) or points with counts.
    population_field
        The numeric count field.
    break_col
        ``break_min`` or ``break_m`` (detected when omitted).
    rings
        Whether the areas are rings (the coverage of a break then is the union of
        all rings up to it).

    Returns
    -------
    (counts, table)
        The population of every area, and a table with one row per population
        polygon (all its fields) and break — ``population``, ``reached``,
        ``unreached``, ``reached_pct`` — or, for points, one row per break.

    Notes
    -----
    :math:`P(A) = \\sum_j P_j \\, |A \\cap Z_j| / |Z_j|` for polygons :math:`Z_j`,
    :math:`P(A) = \\sum_{p_j \\in A} P_j` for points; reached plus unreached equals
    the population of every unit.
    """
    what = N_("population layer")
    require_crs(population, what=what)
    counts = numeric_field(population, population_field, what=what)
    if (counts < 0).any():
        raise DataError(
            "The population field '{field}' has {n} negative values. Counts cannot be negative.",
            field=population_field,
            n=int((counts < 0).sum()),
        )
    pop = population.reset_index(drop=True)
    if not pop.crs.equals(areas.crs):
        pop = pop.to_crs(areas.crs)
    counts = counts.fillna(0.0).to_numpy()
    break_col = break_col or ("break_min" if "break_min" in areas.columns else "break_m")
    pgeoms = np.asarray(pop.geometry.values)
    kinds = set(shapely.get_type_id(pgeoms[~pd.isna(pgeoms)]))
    polygonal = kinds <= {3, 6}
    pointal = kinds <= {0, 4}
    if not (polygonal or pointal):
        raise GeometryError(
            "The {what} must have polygons (areas with counts) or points, not lines.",
            what=what,
        )
    if polygonal:
        pgeoms = shapely.make_valid(pgeoms)
    share = _share_function(pgeoms, counts, polygonal)
    agg = np.asarray(areas.geometry.values)
    per_area = share(agg)
    # coverage per break: union of all areas up to it (rings) or of that break
    rows = []
    breaks = areas[["break_no", break_col]].drop_duplicates().sort_values("break_no")
    for bno, bval in breaks.itertuples(index=False):
        mask = (areas["break_no"] <= bno) if rings else (areas["break_no"] == bno)
        coverage = shapely.union_all(agg[mask.to_numpy()])
        if polygonal:
            with np.errstate(invalid="ignore"):
                inter = shapely.area(shapely.intersection(pgeoms, coverage))
            total = shapely.area(pgeoms)
            with np.errstate(invalid="ignore", divide="ignore"):
                reached = np.where(total > 0, counts * np.minimum(inter / total, 1.0), 0.0)
            frame = pd.DataFrame(pop.drop(columns=pop.geometry.name))
            frame = frame.drop(columns=[c for c in frame.columns if str(c).lower() == "fid"])
            frame[break_col] = bval
            frame["population"] = counts
            frame["reached"] = reached
        else:
            inside = shapely.intersects(pgeoms, coverage)
            frame = pd.DataFrame(
                {break_col: [bval], "population": [counts.sum()], "reached": [counts[inside].sum()]}
            )
        rows.append(frame)
    table = pd.concat(rows, ignore_index=True)
    table["unreached"] = table["population"] - table["reached"]
    with np.errstate(invalid="ignore", divide="ignore"):
        table["reached_pct"] = np.where(
            table["population"] > 0, 100.0 * table["reached"] / table["population"], np.nan
        )
    return per_area, table


def _share_function(pgeoms, counts, polygonal):
    tree = shapely.STRtree(pgeoms)
    total = shapely.area(pgeoms) if polygonal else None

    def share(geoms: np.ndarray) -> np.ndarray:
        out = np.zeros(len(geoms))
        if total is not None:  # polygonal
            ia, ip = tree.query(geoms, predicate="intersects")
            if len(ia):
                inter = shapely.area(shapely.intersection(geoms[ia], pgeoms[ip]))
                with np.errstate(invalid="ignore", divide="ignore"):
                    w = np.where(total[ip] > 0, inter / total[ip], 0.0)
                np.add.at(out, ia, counts[ip] * np.minimum(w, 1.0))
        else:
            ia, ip = tree.query(geoms, predicate="intersects")
            np.add.at(out, ia, counts[ip])
        return out

    return share


def _with_population(result, population, population_field, break_col, rings):
    if not population_field:
        raise FieldError("A population layer needs its population field (the number of people).")
    counts, table = reached_population(
        result.areas,
        population,
        population_field=population_field,
        break_col=break_col,
        rings=rings,
    )
    areas = result.areas.copy()
    areas["population"] = counts
    result.areas = areas
    result.population = table
    return result
