"""Snapping points onto a :class:`~geolib.network.Network` and travel costs between them."""

from __future__ import annotations

from typing import NamedTuple

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy import sparse

from ._progress import Progress
from .bounded_search import Reached, ball_chunks, reached_chunks, search_balls, sparse_bytes
from .crs import require_crs
from .errors import ParameterError
from .memory import check_memory
from .messages import N_, Message, Number

__all__ = [
    "ODCosts",
    "Snapped",
    "od_costs",
    "snap_points",
]

from .network import _EPS, Network, ODCosts, Snapped

#: reasons in the ``reason`` field of unroutable points (catalogue phrases)
REASON_FAR = N_("farther than the snap distance from the network")
#: the note on points that snap to no edge (callers may replace it with their own)
UNROUTABLE_NOTE = N_(
    "{n} of {total} points of the {what} are not routable (farther than {d} m "
    "from the network or without geometry); they are listed in the unroutable "
    "output."
)
REASON_NO_GEOMETRY = N_("no geometry")
REASON_SMALL_PART = N_("only near a separate small part of the network")
#: the note on points near only small parts of the network (with ``islands="main"``)
SMALL_PART_NOTE = N_(
    "{n} of {total} points of the {what} lie within {d} m only of separate small parts "
    "of the network, not of its main part, and are not routed: {names}."
)

# --- snapping ----------------------------------------------------------------------------
#: where points may snap: ``"main"`` (the main part of the network) or ``"any"`` part
ISLANDS = ("main", "any")
#: points named in a note at most (then "…")
_NAMED = 10


def snap_points(
    network: Network,
    points: gpd.GeoDataFrame,
    *,
    snap_distance: float = 250.0,
    what: str = N_("offers layer"),
    islands: str = "main",
    labels: pd.Series | None = None,
) -> Snapped:
    """Snap points to the nearest point on an edge of ``network``.

    Parameters
    ----------
    network
        From :func:`build_network`.
    points
        Points (reprojected to the network's CRS when needed, with a note). Every
        point of a MultiPoint is snapped (see :class:`Snapped`); other geometries
        snap with a point on their surface.
    snap_distance
        Points farther than this (metres) from every edge are not routable.
    what
        How notes and errors name the points.
    islands
        ``"main"`` (default): snap only to the main part of the network (the
        largest connected part, :attr:`Network.main_component`); points within
        ``snap_distance`` of only a small separate part are not routable (reason
        :data:`REASON_SMALL_PART`), points nearer to a small part than to the main
        one are named in a note. ``"any"``: snap to the nearest edge of any part;
        points on a small part are named in a note with the length of their part.
    labels
        How notes name the points (aligned with ``points``, such as offer ids);
        default their row numbers.

    Returns
    -------
    Snapped
        The routable points and, in ``unroutable``, the others with
        ``snap_dist_m`` and ``reason``.

    Notes
    -----
    The point's position on its edge is the fraction
    :math:`t = \\mathrm{locate}(e, p) / L_e`; the two halves cost
    :math:`t \\cdot c_{bw}` back to ``edge_u`` and :math:`(1-t) \\cdot c_{fw}` on to
    ``edge_v``.
    """
    if snap_distance <= 0:
        raise ParameterError(
            "The snap distance must be greater than 0 m (it is {value}).", value=snap_distance
        )
    if islands not in ISLANDS:
        raise ParameterError(
            "Points snap to the main part of the network ('main') or to any part ('any'), "
            "not to '{value}'.",
            value=str(islands),
        )
    notes: list[Message] = []
    source_crs = require_crs(points, what=what)
    if not source_crs.equals(network.crs):
        points = points.to_crs(network.crs)
        notes.append(
            Message(
                "The {what} was reprojected from {source} to {target} for metric analysis.",
                what=what,
                source=source_crs.to_string(),
                target=network.crs.to_string(),
            )
        )
    names = labels if labels is not None else pd.Series(np.arange(len(points)))
    geoms = np.asarray(points.geometry.values)
    missing = pd.isna(geoms) | shapely.is_empty(geoms)
    flat, row, part = _point_parts(geoms, missing)
    edge, dist, reach = _nearest_edges(network, flat)
    main = network.component[network.edge_u[edge]] == network.main_component
    to_main = reach  # distance to the nearest edge of the main part
    if islands == "main" and not main.all():
        off = np.flatnonzero(~main)
        main_edges, main_tree = network.main_edges()
        if len(main_edges):
            e, d, _ = _nearest_edges(network, flat[off], main_edges, main_tree)
        else:
            e, d = np.zeros(len(off), dtype=np.int64), np.full(len(off), np.inf)
        edge, dist = edge.copy(), dist.copy()
        edge[off], dist[off] = e, d
        to_main = dist
    near = dist <= snap_distance
    small = ~near & (reach <= snap_distance)  # islands="main": near only a small part
    frac = shapely.line_locate_point(network.geometry[edge[near]], flat[near], normalized=True)
    # per input row: routable when any of its points is
    routable_row = np.zeros(len(points), dtype=bool)
    routable_row[row[near]] = True
    small_row = np.zeros(len(points), dtype=bool)
    small_row[row[small]] = True
    small_row &= ~routable_row
    snap_dist = np.full(len(points), np.inf)
    np.minimum.at(snap_dist, row, reach)
    snap_dist[~np.isfinite(snap_dist)] = np.nan
    bad = ~routable_row
    reasons = np.where(small_row, REASON_SMALL_PART, REASON_FAR).astype(object)
    reasons[missing] = REASON_NO_GEOMETRY
    unroutable = points.iloc[np.flatnonzero(bad)].copy()
    unroutable["snap_dist_m"] = np.round(snap_dist[bad], 1)
    unroutable["reason"] = reasons[bad]
    n_far = int((bad & ~small_row).sum())
    if n_far:
        notes.append(
            Message(
                UNROUTABLE_NOTE,
                n=n_far,
                total=len(points),
                what=what,
                d=Number(snap_distance),
            )
        )
    if small_row.any():
        notes.append(
            Message(
                SMALL_PART_NOTE,
                n=int(small_row.sum()),
                total=len(points),
                what=what,
                d=Number(snap_distance),
                names=_name(names, np.flatnonzero(small_row)),
            )
        )
    notes += _island_notes(network, islands, near, main, to_main, reach, row, names, edge, what)
    dropped = ~near & routable_row[row]
    if dropped.any():
        notes.append(
            Message(
                "{n} points of multipoint features of the {what} are farther than {d} m "
                "from the network and were left out; the other points of these features "
                "are routed: {names}.",
                n=int(dropped.sum()),
                what=what,
                d=Number(snap_distance),
                names=_name(names, np.unique(row[dropped])),
            )
        )
    return Snapped(
        position=row[near],
        edge=edge[near],
        fraction=np.clip(frac, 0.0, 1.0),
        distance=dist[near],
        unroutable=unroutable,
        notes=notes,
        part=part[near],
    )


def _point_parts(geoms: np.ndarray, missing: np.ndarray):
    """Every point to snap: its geometry, input row and index within its feature.

    A MultiPoint gives all its points; lines and polygons a point on their surface."""
    valid = np.flatnonzero(~missing)
    parts, index = shapely.get_parts(geoms[valid], return_index=True)
    row = valid[index]
    empty = shapely.is_empty(parts)
    parts, row = parts[~empty], row[~empty]
    start = np.r_[0, np.flatnonzero(np.diff(row)) + 1]
    part = np.arange(len(row)) - np.repeat(start, np.diff(np.r_[start, len(row)]))
    # only multipoints are taken apart: other multipart features snap with one point
    multi = shapely.get_type_id(geoms[row]) == 4
    one = ~multi & (part > 0)
    parts, row, part = parts[~one], row[~one], part[~one]
    whole = ~multi[~one]
    parts = parts.copy()
    parts[whole] = geoms[row[whole]]
    not_point = shapely.get_type_id(parts) != 0
    if not_point.any():
        parts[not_point] = shapely.point_on_surface(parts[not_point])
    return parts, row, part.astype(np.int64)


def _nearest_edges(network: Network, points: np.ndarray, edges=None, tree=None):
    """Nearest edge of every point (among ``edges`` indexed by ``tree``; default all),
    the distance to it and that distance again (to keep the nearest of any part)."""
    if len(points) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, np.zeros(0), np.zeros(0)
    tree = tree if tree is not None else network.tree
    idx_in, idx_edge = tree.query_nearest(points, all_matches=False)
    edge = np.empty(len(points), dtype=np.int64)
    edge[idx_in] = idx_edge if edges is None else edges[idx_edge]
    dist = shapely.distance(points, network.geometry[edge])
    return edge, dist, dist


def _island_notes(network, islands, near, main, to_main, reach, row, names, edge, what):
    """Notes on points nearer to a small separate part than to the main part."""
    notes: list[Message] = []
    if network.n_components < 2:
        return notes
    if islands == "main":
        moved = near & ~main & (reach < to_main)
        if moved.any():
            notes.append(
                Message(
                    "{n} points of the {what} are nearer to a separate small part of the "
                    "network than to its main part and were snapped to the main part: "
                    "{names}.",
                    n=len(np.unique(row[moved])),
                    what=what,
                    names=_name(names, np.unique(row[moved])),
                )
            )
        return notes
    on_small = near & ~main
    if on_small.any():
        sizes = network.part_length[network.component[network.edge_u[edge]]]
        rows, first = np.unique(row[on_small], return_index=True)
        notes.append(
            Message(
                "{n} points of the {what} lie on separate small parts of the network and "
                "reach only their part (its length in brackets): {names}.",
                n=len(rows),
                what=what,
                names=_name(names, rows, sizes[on_small][first]),
            )
        )
    return notes


def _name(labels: pd.Series, rows: np.ndarray, metres: np.ndarray | None = None) -> str:
    """The first points of ``rows`` by their labels (with metres as number fields, shown
    in the user's language), then "…"."""
    fields: dict[str, object] = {}
    items = []
    for i, r in enumerate(rows[:_NAMED]):
        fields[f"l{i}"] = str(labels.iloc[int(r)])
        if metres is None:
            items.append(f"{{l{i}}}")
        else:
            fields[f"m{i}"] = Number(round(float(metres[i])))
            items.append(f"{{l{i}}} ({{m{i}}} m)")
    return Message(", ".join(items) + (", …" if len(rows) > _NAMED else ""), **fields)


def with_sources(network: Network, snapped: Snapped) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The network graph with one extra node per snapped point (its virtual source).

    Returns the augmented CSR matrix and the node id of every point's source. On a
    loop edge (``edge_u == edge_v``) both halves lead to the same node: the cheaper
    one counts.
    """
    k = len(snapped.edge)
    n = network.n_nodes
    e = snapped.edge
    t = snapped.fraction
    to_u = _times(t, network.cost_bw[e])
    to_v = _times(1.0 - t, network.cost_fw[e])
    loop = network.edge_u[e] == network.edge_v[e]
    to_u = np.where(loop, np.minimum(to_u, to_v), to_u)
    to_v = np.where(loop, np.inf, to_v)  # one arc (a CSR matrix sums duplicates)
    src = n + np.arange(k)
    rows = np.concatenate([src, src])
    cols = np.concatenate([network.edge_u[e], network.edge_v[e]])
    data = np.maximum(np.concatenate([to_u, to_v]), _EPS)
    ok = np.isfinite(data)
    extra = sparse.csr_matrix((data[ok], (rows[ok] - n, cols[ok])), shape=(k, n + k))
    graph = network.graph
    top = sparse.csr_matrix(
        (graph.data, graph.indices, graph.indptr), shape=(n, n + k)
    )  # same arcs, k more columns
    return sparse.vstack([top, extra], format="csr"), src


def _times(fraction: np.ndarray, cost: np.ndarray) -> np.ndarray:
    """``fraction × cost``; a closed direction (``inf``) costs ``inf`` unless nothing of it
    is travelled (a point at the node itself)."""
    finite = np.isfinite(cost)
    value = np.where(finite, fraction * np.where(finite, cost, 0.0), np.inf)
    return np.where(fraction <= 0, 0.0, value)


def _cheapest_pairs(table: pd.DataFrame) -> pd.DataFrame:
    """One row per origin and destination: the cheapest over their points (multipoints)."""
    if not table.duplicated(["origin", "destination"]).any():
        return table
    return table.groupby(["origin", "destination"], as_index=False, sort=False)["cost"].min()


# --- origin-destination costs ---------------------------------------------------------------
def od_costs(
    network: Network,
    origins: gpd.GeoDataFrame,
    destinations: gpd.GeoDataFrame,
    *,
    max_cost: float,
    snap_distance: float = 250.0,
    islands: str = "main",
    memory_limit: int | None = None,
    progress: Progress | None = None,
) -> ODCosts:
    """Travel costs on ``network`` from every origin to every destination within ``max_cost``.

    Parameters
    ----------
    network
        From :func:`build_network`; costs are in its unit (minutes or metres).
        Costs *to* the origins: ``od_costs(network.reversed(), ...)``.
    origins, destinations
        Points; snapped to the nearest point on an edge within ``snap_distance``
        (to the main part of the network, see ``islands``). For a MultiPoint, the
        cost of a pair is the cheapest over its points.
    max_cost
        Pairs costing more are left out (one bounded Dijkstra run per origin).
    snap_distance
        Maximum snapping distance in metres.
    islands
        ``"main"`` or ``"any"``, as in :func:`snap_points`.
    memory_limit
        Refuse requests needing more bytes (default: 60 % of available memory, at most
        4 GB) with a :class:`~geolib.errors.ResourceError` naming the size.
    progress
        Progress and cancellation.

    Returns
    -------
    ODCosts
        ``table`` with ``origin``, ``destination`` (row positions) and ``cost``.

    Notes
    -----
    With origin :math:`o` on edge :math:`(u_o, v_o)` at fraction :math:`t_o` and
    destination :math:`d` on :math:`(u_d, v_d)` at :math:`t_d`:

    .. math:: c(o, d) = \\min(D_o(u_d) + t_d c^{fw}_d,\\; D_o(v_d) + (1 - t_d) c^{bw}_d)

    where :math:`D_o` is the bounded Dijkstra cost from the origin's virtual node;
    on a shared edge the direct way :math:`|t_d - t_o| c` counts too.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import LineString, Point
    >>> from geolib.network import build_network
    >>> lines = gpd.GeoDataFrame(geometry=[LineString([(0, 0), (1000, 0)])], crs=25832)
    >>> net = build_network(lines, cost="distance", profile=None)
    >>> pts = gpd.GeoDataFrame(geometry=[Point(100, 5), Point(700, -5)], crs=25832)
    >>> od_costs(net, pts, pts, max_cost=1000).table["cost"].round(1).tolist()
    [0.0, 600.0, 600.0, 0.0]
    """
    if not (max_cost > 0):
        raise ParameterError(
            "The maximum cost must be greater than 0 (it is {value}).", value=max_cost
        )
    progress = progress or Progress()
    notes: list[Message] = []
    so = snap_points(
        network, origins, snap_distance=snap_distance, what=N_("origins layer"), islands=islands
    )
    sd = snap_points(
        network,
        destinations,
        snap_distance=snap_distance,
        what=N_("destinations layer"),
        islands=islands,
    )
    notes += so.notes + sd.notes
    n = network.n_nodes
    graph, src = with_sources(network, so)
    dest = _destinations(network, sd)
    need = _Need(n + len(src), dest, memory_limit)
    # the searches on balls when they are the way (checked before the balls are listed),
    # else dense cost rows over the whole graph (checked here)
    balls = search_balls(graph, src, max_cost, n, network.node_xy, network, need.sparse)
    if balls is None:
        need.dense(len(src))
    frames = []
    for sel, dist in reached_chunks(graph, src, max_cost, n, balls, None, _CHUNK, progress):
        if isinstance(dist, Reached):
            oi, di, cost = _od_reached(network, so, sel, dist, dest)
        else:
            oi, di, cost = _od_dense(network, so, sel, dist, dest)
        ok = cost <= max_cost
        frames.append(
            pd.DataFrame(
                {
                    "origin": so.position[sel][oi[ok]].astype(np.int64),
                    "destination": sd.position[di[ok]].astype(np.int64),
                    "cost": cost[ok].astype(float),
                }
            )
        )
    table = (
        _cheapest_pairs(pd.concat(frames, ignore_index=True))
        if frames
        else pd.DataFrame(
            {
                "origin": pd.Series([], dtype=np.int64),
                "destination": pd.Series([], dtype=np.int64),
                "cost": pd.Series([], dtype=float),
            }
        )
    )
    return ODCosts(
        table=table.sort_values(["origin", "destination"], ignore_index=True),
        unroutable_origins=so.unroutable,
        unroutable_destinations=sd.unroutable,
        notes=notes,
    )


#: bytes of dense cost rows in one chunk of searches (:func:`reached_chunks`)
_CHUNK = 256 * 1024**2
#: bytes per pair of the table (origin, destination, cost)
_PAIR_BYTES = 24
#: bytes per origin and destination of a chunk of dense cost rows: the costs of the pairs
#: and their sums from both ends of the destinations' edges (:func:`_od_dense`)
_DENSE_PAIR_BYTES = 32
#: bytes per way to a destination found in a chunk of sparse searches (:func:`_od_reached`):
#: joined, put together and the cheapest per pair chosen
_JOINED_BYTES = 96


class _Need(NamedTuple):
    """The memory check of :func:`od_costs`, for the searches it runs: the table of every
    pair (at worst) and what a chunk of searches allocates, on the way taken."""

    graph_size: int
    dest: _Destinations
    limit: int | None

    def table(self, k: int) -> int:
        return _PAIR_BYTES * k * len(self.dest.edge)

    def dense(self, k: int) -> None:
        """Dense cost rows over the whole graph for as many origins as a chunk holds."""
        rows = min(k, max(1, _CHUNK // (8 * self.graph_size)))
        d = len(self.dest.edge)
        per_chunk = rows * (8 * self.graph_size + _DENSE_PAIR_BYTES * d)
        check_memory(self.table(k) + per_chunk, self.limit, what=N_("cost table"))

    def sparse(self, size: np.ndarray) -> None:
        """Searches on balls of ``size`` nodes per origin (:func:`search_balls`): the
        balls, the searches of the largest chunk and the ways to destinations it finds.

        An origin reaching at most ``s`` nodes (those of its balls) finds at most as many
        ways from them as the ``s`` nodes with the most destinations (from either end of
        their edges) have, and one along its own edge to each destination on it."""
        size = np.asarray(size, dtype=np.int64)
        dest = self.dest
        ways = np.zeros(len(size), dtype=np.int64)
        for ptr, _ in (dest.at_u, dest.at_v):
            at = np.diff(ptr)
            most = np.r_[0, np.cumsum(np.sort(at[at > 0])[::-1])]  # top s of the nodes
            ways += most[np.minimum(size, len(most) - 1)]
        ways += int(np.diff(dest.on_edge[0]).max(initial=0))
        rows, _ = ball_chunks(size, self.graph_size, _CHUNK)
        starts = np.r_[0, np.cumsum(rows)[:-1]]
        per_chunk = np.add.reduceat(ways, starts).max(initial=0) if len(ways) else 0
        searches = sparse_bytes(size, self.graph_size, _CHUNK)
        need = self.table(len(size)) + searches + _JOINED_BYTES * int(per_chunk)
        check_memory(need, self.limit, what=N_("cost table"))


def _by_key(key: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The positions of ``key`` grouped by value: ``order[ptr[x]:ptr[x + 1]]`` hold ``x``."""
    order = np.argsort(key, kind="stable")
    ptr = np.r_[0, np.cumsum(np.bincount(key, minlength=size))]
    return ptr, order


def _joined(row, key, cost, index):
    """Every ``(row, key, cost)`` with each position that ``index`` (:func:`_by_key`)
    lists for its key: (row, position, cost)."""
    ptr, order = index
    counts = ptr[key + 1] - ptr[key]
    total = int(counts.sum())
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return (
        np.repeat(row, counts),
        order[np.repeat(ptr[key], counts) + offsets],
        np.repeat(cost, counts),
    )


def _cheapest(oi, di, cost, n_dest):
    """One ``(origin row, destination, cost)`` per pair, the cheapest, sorted by pair."""
    n_dest = max(n_dest, 1)
    key = oi.astype(np.int64) * n_dest + di
    order = np.argsort(key, kind="stable")
    key, cost = key[order], cost[order]
    first = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else key[:0]
    cost = np.minimum.reduceat(cost, first) if len(key) else cost
    return key[first] // n_dest, key[first] % n_dest, cost


class _Destinations(NamedTuple):
    """Snapped destinations: their edges, ends, the costs from each end to them and
    the destinations at every node and on every edge (:func:`_by_key`)."""

    sd: Snapped
    edge: np.ndarray
    du: np.ndarray
    dv: np.ndarray
    add_u: np.ndarray
    add_v: np.ndarray
    at_u: tuple
    at_v: tuple
    on_edge: tuple


def _destinations(network: Network, sd: Snapped) -> _Destinations:
    de = sd.edge
    du, dv = network.edge_u[de], network.edge_v[de]
    return _Destinations(
        sd,
        de,
        du,
        dv,
        _times(sd.fraction, network.cost_fw[de]),  # from edge_u forward to the destination
        _times(1.0 - sd.fraction, network.cost_bw[de]),
        _by_key(du, network.n_nodes),
        _by_key(dv, network.n_nodes),
        _by_key(de, network.n_edges),
    )


def _direct(network, so, sel, row, di, dest):
    """Costs from origins to destinations on their own edge, along it."""
    to, td = so.fraction[sel][row], dest.sd.fraction[di]
    e = dest.edge[di]
    return np.where(
        td >= to,
        _times(td - to, network.cost_fw[e]),
        _times(to - td, network.cost_bw[e]),
    )


def _od_dense(network, so, sel, dist, dest):
    """(origin row, destination, cost) of every pair from dense cost rows."""
    cost = np.minimum(dist[:, dest.du] + dest.add_u, dist[:, dest.dv] + dest.add_v)
    same = so.edge[sel][:, None] == dest.edge[None, :]
    if same.any():
        oi, di = np.nonzero(same)
        cost[oi, di] = np.minimum(cost[oi, di], _direct(network, so, sel, oi, di, dest))
    oi, di = np.nonzero(np.isfinite(cost))
    return oi, di, cost[oi, di]


def _od_reached(network, so, sel, reached, dest):
    """(origin row, destination, cost) of the pairs reached, the cheapest per pair,
    from the reached nodes' costs."""
    row_u, di_u, c_u = _joined(reached.row, reached.node, reached.cost, dest.at_u)
    row_v, di_v, c_v = _joined(reached.row, reached.node, reached.cost, dest.at_v)
    rows = np.arange(len(sel))
    row_s, di_s, _ = _joined(rows, so.edge[sel], np.zeros(len(sel)), dest.on_edge)
    oi = np.concatenate([row_u, row_v, row_s])
    di = np.concatenate([di_u, di_v, di_s])
    cost = np.concatenate(
        [
            c_u + dest.add_u[di_u],
            c_v + dest.add_v[di_v],
            _direct(network, so, sel, row_s, di_s, dest),
        ]
    )
    return _cheapest(oi, di, cost, len(dest.edge))
