"""Bounded Dijkstra searches: dense rows per source, or each search on the nodes it can
reach at all (a sparse result of reached nodes and their costs)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

import numpy as np
from scipy import sparse
from scipy.sparse import csgraph

from ._progress import Progress

if TYPE_CHECKING:
    from scipy.spatial import cKDTree


def bounded_costs(
    graph: sparse.csr_matrix,
    sources: np.ndarray,
    limit: float,
    *,
    chunk_bytes: int = 256 * 1024**2,
    progress: Progress | None = None,
):
    """Yield ``(source positions, cost matrix)`` of bounded Dijkstra runs in chunks.

    Each chunk holds as many sources as fit in ``chunk_bytes`` (a dense matrix of
    one row per source); costs beyond ``limit`` are ``inf``.
    """
    n = graph.shape[0]
    per_chunk = max(1, int(chunk_bytes // (8 * max(n, 1))))
    total = len(sources)
    for start in range(0, total, per_chunk):
        if progress is not None:
            progress.report(start / max(total, 1))
        sel = np.arange(start, min(start + per_chunk, total))
        dist = csgraph.dijkstra(graph, directed=True, indices=sources[sel], limit=limit)
        yield sel, np.atleast_2d(dist)
    if progress is not None:
        progress.report(1.0)


# --- bounded searches with a sparse result ------------------------------------------------
#: sparse searches only when the mean ball holds at most this share of the nodes
_BALL_SHARE = 0.25
#: and on networks of this many nodes or more (on smaller ones, dense rows are faster)
_SPARSE_FROM_NODES = 50_000
#: sources near each other are searched in one run on the union of their balls, up to
#: this many nodes in the balls and this many groups of sources
_BATCH_NODES = 4096
_BATCH_GROUPS = 16


@dataclass
class Reached:
    """Costs of the reached nodes of a chunk of bounded searches: one ``(row, node, cost)``
    triple per reached node (``row``: the search within the chunk), sorted by row and
    node; unreached nodes are left out (as ``inf`` in a dense cost row)."""

    row: np.ndarray
    node: np.ndarray
    cost: np.ndarray
    n_nodes: int

    @classmethod
    def from_dense(cls, dist: np.ndarray, n: int) -> Reached:
        """The finite costs of the first ``n`` columns of dense cost rows."""
        rows, nodes = np.nonzero(np.isfinite(dist[:, :n]))
        return cls(rows.astype(np.int64), nodes.astype(np.int64), dist[rows, nodes], n)

    @cached_property
    def _key(self) -> np.ndarray:
        """The sorted lookup key of every reached node, ``row × n_nodes + node``."""
        return self.row * self.n_nodes + self.node

    def at(self, rows: np.ndarray, nodes: np.ndarray) -> np.ndarray:
        """The cost of every ``(rows[i], nodes[i])``; ``inf`` where not reached."""
        key = self._key
        query = np.asarray(rows, dtype=np.int64) * self.n_nodes + np.asarray(nodes, np.int64)
        i = np.minimum(np.searchsorted(key, query), max(len(key) - 1, 0))
        if len(key) == 0:
            return np.full(query.shape, np.inf)
        return np.where(key[i] == query, self.cost[i], np.inf)


def cost_per_metre(graph: sparse.csr_matrix, xy: np.ndarray) -> float:
    """The smallest cost of an arc among the nodes at ``xy`` (the first ``len(xy)``
    nodes of ``graph``) per metre of straight line between its ends.

    Every path among these nodes costs at least this times the straight-line distance
    between its ends (the triangle inequality, arc by arc). ``inf`` without arcs
    between distinct places; 0 when such an arc costs nothing (no useful bound).
    """
    n = len(xy)
    end = int(graph.indptr[n])
    rows = np.repeat(np.arange(n), np.diff(graph.indptr[: n + 1]))
    cols = graph.indices[:end]
    inside = cols < n
    chord = np.hypot(*(xy[rows[inside]] - xy[cols[inside]]).T)
    apart = chord > 0
    if not apart.any():
        return np.inf
    return float(np.min(graph.data[:end][inside][apart] / chord[apart]))


# --- what a network keeps for its searches --------------------------------------------------
#: one lock for every lazy build of :func:`kept` (builds are rare; a wait is short)
_KEEP_LOCK = threading.Lock()


def kept(owner: Any, name: str, make: Callable[[], Any]) -> Any:
    """``owner.<name>``, made by ``make()`` and kept there the first time it is None:
    once, even when threads ask at the same time."""
    value = getattr(owner, name)
    if value is None:
        with _KEEP_LOCK:
            value = getattr(owner, name)
            if value is None:
                value = make()
                setattr(owner, name, value)
    return value


def node_tree(xy: np.ndarray) -> cKDTree:
    """The KD-tree of the points ``xy`` that :func:`search_balls` queries."""
    from scipy.spatial import cKDTree

    return cKDTree(xy, balanced_tree=False, compact_nodes=False)


class NodeIndex(Protocol):
    """A network as :func:`search_balls` may use it (:class:`geolib.network.Network`): its
    node coordinates and graph (``n × n``), the :func:`node_tree` of the one and the
    :func:`cost_per_metre` of the other, each built on first need and kept with it."""

    node_xy: np.ndarray
    graph: sparse.csr_matrix

    def node_tree(self) -> cKDTree: ...

    def cost_bound(self) -> float: ...


def _same_nodes(index: NodeIndex, xy: np.ndarray) -> bool:
    return index.node_xy is xy or (
        index.node_xy.shape == xy.shape and np.array_equal(index.node_xy, xy)
    )


def _same_arcs(graph: sparse.csr_matrix, base: sparse.csr_matrix, n: int) -> bool:
    """Whether the first ``n`` rows of ``graph`` hold the arcs of ``base`` (``n × n``), in
    the same order (so :func:`cost_per_metre` of both is the same number): so it is when
    ``graph`` is ``base`` with virtual nodes after its nodes (:func:`with_sources`)."""
    if base.shape != (n, n) or graph.shape[0] < n:
        return False
    end = int(base.indptr[n])
    return bool(
        np.array_equal(graph.indptr[: n + 1], base.indptr)
        and np.array_equal(graph.indices[:end], base.indices[:end])
        and np.array_equal(graph.data[:end], base.data[:end])
    )


def _tree_of(xy: np.ndarray, index: NodeIndex | None) -> cKDTree:
    """The KD-tree of ``xy``: the one ``index`` keeps when these are its nodes."""
    if index is not None and _same_nodes(index, xy):
        return index.node_tree()
    return node_tree(xy)


def _bound_of(graph: sparse.csr_matrix, n: int, xy: np.ndarray, index: NodeIndex | None):
    """:func:`cost_per_metre` of the first ``n`` nodes of ``graph`` at ``xy``: the one
    ``index`` keeps when these are its nodes and arcs."""
    if index is not None and _same_nodes(index, xy) and _same_arcs(graph, index.graph, n):
        return index.cost_bound()
    return cost_per_metre(graph, xy)


def reached_costs(
    graph: sparse.csr_matrix,
    sources: np.ndarray,
    limit: float,
    *,
    n: int,
    xy: np.ndarray | None = None,
    index: NodeIndex | None = None,
    group: np.ndarray | None = None,
    chunk_bytes: int = 256 * 1024**2,
    progress: Progress | None = None,
):
    """Yield ``(groups, Reached)``: bounded Dijkstra costs of every group of sources
    (default: each source alone), the cheapest over its sources, for the first ``n``
    nodes; costs beyond ``limit`` are left out.

    Groups are taken in chunks of about ``chunk_bytes`` of dense cost rows, never
    split. With the coordinates ``xy`` of the first ``n`` nodes (the network; the
    sources may be virtual nodes after them, as :func:`with_sources` adds), every
    search runs on the nodes within ``limit / r`` metres of its sources only (``r``:
    :func:`cost_per_metre`; a node farther away costs more than ``limit``; see
    :func:`search_balls`), found with a KD-tree: the same costs as a search on the whole
    graph (the same arcs in the same order), in time of the reached part instead of
    the whole network. Without a useful bound (``r`` = 0, ``limit`` infinite, or
    balls holding much of the network) the searches run on the whole graph. ``index``:
    the network (:class:`NodeIndex`) whose KD-tree and bound are used (not built again)
    when ``xy`` are its nodes and the first ``n`` rows of ``graph`` its arcs.
    """
    balls = search_balls(graph, sources, limit, n, xy, index)
    for sel, dist in reached_chunks(graph, sources, limit, n, balls, group, chunk_bytes, progress):
        yield sel, Reached.from_dense(dist, n) if isinstance(dist, np.ndarray) else dist


def reached_chunks(graph, sources, limit, n, balls, group, chunk_bytes, progress):
    """:func:`reached_costs`' chunks; dense cost rows (one per group, every node of the
    graph) where ``balls`` is None."""
    size = graph.shape[0]
    group = np.arange(len(sources)) if group is None else np.asarray(group)
    per_chunk = max(1, int(chunk_bytes // (8 * max(size, 1))))
    order = np.argsort(group, kind="stable")
    bounds = np.r_[0, np.cumsum(np.bincount(group, minlength=0))].astype(np.int64)
    n_groups = len(bounds) - 1
    g0 = 0
    while g0 < n_groups:
        if progress is not None:
            progress.report(g0 / n_groups)
        g1 = int(np.searchsorted(bounds, bounds[g0] + per_chunk, "right")) - 1
        g1 = min(max(g1, g0 + 1), n_groups)
        rows = order[bounds[g0] : bounds[g1]]
        if balls is None:
            dist = np.atleast_2d(
                csgraph.dijkstra(graph, directed=True, indices=sources[rows], limit=limit)
            )
            if len(rows) > g1 - g0:
                dist = np.minimum.reduceat(dist, bounds[g0:g1] - bounds[g0], axis=0)
            yield np.arange(g0, g1), dist
        else:
            yield (
                np.arange(g0, g1),
                _ball_searches(graph, sources, limit, n, balls, order, bounds, g0, g1),
            )
        g0 = g1
    if progress is not None:
        progress.report(1.0)


# --- the memory of sparse searches -----------------------------------------------------------
#: bytes per node listed in a ball of :func:`search_balls` (a Python int in a list)
_BALL_BYTES = 44
#: bytes per node in the balls of a chunk while it is searched (:func:`_ball_searches`): at
#: most one reached ``(row, node, cost)`` per node (24), their parts before they are joined
#: (24) and the sort of their keys (16)
_CHUNK_BYTES_PER_NODE = 64
#: bytes per node of a batch (:func:`_ball_searches`) besides its dense cost rows: node
#: lists, the arcs among them (:func:`_subgraph`)
_BATCH_BYTES_PER_NODE = 256


def ball_chunks(size: np.ndarray, graph_size: int, chunk_bytes: int) -> tuple:
    """The number of sources and of nodes in their balls (``size``: per source, as
    :func:`search_balls` passes them to ``check``) of every chunk that
    :func:`reached_chunks` takes of each source alone, on a graph of ``graph_size`` nodes."""
    size = np.asarray(size, dtype=np.int64)
    per_chunk = max(1, int(chunk_bytes // (8 * max(graph_size, 1))))
    starts = np.arange(0, len(size), per_chunk)
    rows = np.diff(np.r_[starts, len(size)])
    nodes = np.add.reduceat(size, starts) if len(size) else np.zeros(0, dtype=np.int64)
    return rows, nodes


def sparse_bytes(size: np.ndarray, graph_size: int, chunk_bytes: int) -> int:
    """The bytes that searches on balls of ``size`` nodes per source (each source alone)
    allocate at most: the balls of all sources (:func:`search_balls`) and, one chunk at a
    time, the searches of the largest (:func:`reached_chunks`): its reached nodes, a
    scratch array of the graph's size and the batches one at a time."""
    if len(size) == 0:
        return 0
    _, nodes = ball_chunks(size, graph_size, chunk_bytes)
    # a batch holds at most _BATCH_GROUPS searches on at most _BATCH_NODES nodes, or on
    # the nodes of one ball if larger
    batch_nodes = min(_BATCH_NODES + int(np.max(size)), graph_size)
    batch = batch_nodes * (8 * _BATCH_GROUPS + _BATCH_BYTES_PER_NODE)
    balls = _BALL_BYTES * int(np.sum(size))
    return balls + _CHUNK_BYTES_PER_NODE * int(nodes.max()) + 8 * graph_size + batch


class _Balls(NamedTuple):
    """The nodes a bounded search from each source may reach: the nodes ``found[j]``
    near the centres ``j`` in ``start[i]:start[i + 1]`` of source ``i``."""

    start: np.ndarray
    found: np.ndarray  # object array of node lists, one per centre
    size: np.ndarray  # nodes per source (with repeats where its balls overlap)
    at: np.ndarray  # a place of every source (its first centre), to batch near sources
    reach: float  # the largest radius


def search_balls(graph, sources, limit, n, xy, index=None, check=None) -> _Balls | None:
    """The network nodes (the first ``n``, at ``xy``) that a search bounded by
    ``limit`` from each source may reach, or None when searching the whole graph is the
    better way (networks of fewer than ``_SPARSE_FROM_NODES`` nodes, no useful bound,
    balls holding much of the network).

    A source among the network nodes reaches at most the nodes within ``limit / r``
    metres (``r``: :func:`cost_per_metre`); a virtual source (from ``n`` on, with arcs
    only to network nodes, as :func:`with_sources` adds) those within
    ``(limit - w) / r`` of the end of each of its arcs (``w``: the arc's cost).

    ``index``: the network whose kept KD-tree and ``r`` are used, when ``xy`` are its
    nodes and the first ``n`` rows of ``graph`` its arcs (:class:`NodeIndex`).
    ``check``: called with the number of nodes in the balls of every source before they
    are listed (:func:`sparse_bytes`), to refuse what would not fit in memory.
    """
    if xy is None or not np.isfinite(limit) or len(sources) == 0 or n < _SPARSE_FROM_NODES:
        return None
    sources = np.asarray(sources, dtype=np.int64)
    into_virtual = graph.indices[: graph.indptr[n]]
    if len(into_virtual) and into_virtual.max() >= n:
        return None  # arcs into the virtual nodes: no bound here
    r = _bound_of(graph, n, xy, index)
    if not (r > 0):
        return None
    # the centres of the balls: a network source itself, a virtual one's arc ends
    virtual = sources >= n
    starts = np.where(virtual, graph.indptr[np.minimum(sources, graph.shape[0] - 1)], 0)
    counts = np.where(virtual, graph.indptr[np.minimum(sources + 1, graph.shape[0])] - starts, 1)
    owner = np.repeat(np.arange(len(sources)), counts)
    pos = np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(counts.sum())
    centre = np.where(virtual[owner], graph.indices[pos], sources[owner])
    spent = np.where(virtual[owner], graph.data[pos], 0.0)
    if (centre >= n).any():
        return None  # a virtual source with arcs to other virtual nodes
    # a small margin keeps the bound true despite rounding in costs and distances
    radius = np.maximum(limit - spent, 0.0) / r * (1.0 + 1e-6) + 1e-6
    radius = np.where(spent <= limit, radius, 0.0)
    if not np.isfinite(radius).all():
        return None
    tree = _tree_of(xy, index)
    sizes = tree.query_ball_point(xy[centre], radius, return_length=True)
    if sizes.sum() > _BALL_SHARE * n * len(sources):
        return None
    start = np.r_[0, np.cumsum(counts)]
    size = np.add.reduceat(sizes, start[:-1]) if len(sizes) else np.zeros(len(sources))
    size = np.where(counts > 0, size, 0)
    if check is not None:
        check(size)
    found = tree.query_ball_point(xy[centre], radius)
    first = np.minimum(start[:-1], max(len(centre) - 1, 0))
    at = xy[centre[first]] if len(centre) else np.zeros((len(sources), 2))
    return _Balls(start, found, size, at, float(radius.max(initial=0.0)))


def _ball_searches(graph, sources, limit, n, balls, order, bounds, g0, g1) -> Reached:
    """The searches of groups ``g0`` to ``g1``, in batches of groups near each other,
    each batch on the nodes of its sources' balls (one Dijkstra run per batch)."""
    local = np.full(graph.shape[0], -1, dtype=np.int64)
    groups = np.arange(g0, g1)
    first = order[bounds[groups]]
    size = np.add.reduceat(balls.size[order], bounds[:-1])[groups]
    # near groups one after another: by bands of the network, along each band
    cell = np.floor(balls.at[first] / max(2.0 * balls.reach, 1.0))
    groups = groups[np.lexsort((cell[:, 0], cell[:, 1]))]
    out_row, out_node, out_cost = [], [], []
    batch_start = 0
    total = np.cumsum(size[groups - g0])
    while batch_start < len(groups):
        done = total[batch_start - 1] if batch_start else 0
        stop = int(np.searchsorted(total, done + _BATCH_NODES, "right"))
        stop = min(max(stop, batch_start + 1), batch_start + _BATCH_GROUPS)
        batch = groups[batch_start:stop]
        batch_start = stop
        members = np.concatenate([order[bounds[g] : bounds[g + 1]] for g in batch])
        starts = np.asarray(sources[members], dtype=np.int64)
        found = [
            np.asarray(balls.found[j], dtype=np.int64)
            for i in members
            for j in range(balls.start[i], balls.start[i + 1])
        ]
        # network nodes, then the sources (numbered from n on): the order of the graph
        nodes = np.unique(np.concatenate([*found, starts]))
        sub = _subgraph(graph, nodes, local)
        local[nodes] = np.arange(len(nodes))
        dist = np.atleast_2d(
            csgraph.dijkstra(sub, directed=True, indices=local[starts], limit=limit)
        )
        local[nodes] = -1
        per_group = bounds[batch + 1] - bounds[batch]
        if len(members) > len(batch):
            dist = np.minimum.reduceat(dist, np.r_[0, np.cumsum(per_group)[:-1]], axis=0)
        network = nodes < n
        rows, cols = np.nonzero(np.isfinite(dist[:, network]))
        out_row.append(batch[rows] - g0)
        out_node.append(nodes[network][cols])
        out_cost.append(dist[:, network][rows, cols])
    row, node, cost = (np.concatenate(x) for x in (out_row, out_node, out_cost))
    key = np.argsort(row * n + node, kind="stable")
    return Reached(row[key], node[key], cost[key], n)


def _subgraph(graph: sparse.csr_matrix, nodes: np.ndarray, local: np.ndarray):
    """The CSR matrix of the arcs among the sorted ``nodes`` (renumbered 0, 1, …, arcs in
    their order); ``local`` is an all ``-1`` scratch array of the graph's size, left so."""
    m = len(nodes)
    local[nodes] = np.arange(m)
    starts = graph.indptr[nodes].astype(np.int64)
    counts = graph.indptr[nodes + 1].astype(np.int64) - starts
    total = int(counts.sum())
    pos = np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(total)
    cols = local[graph.indices[pos]]
    local[nodes] = -1
    keep = cols >= 0
    row = np.repeat(np.arange(m), counts)[keep]
    indptr = np.zeros(m + 1, dtype=np.int32)
    np.cumsum(np.bincount(row, minlength=m), out=indptr[1:])
    data = graph.data[pos][keep]
    return sparse.csr_matrix((data, cols[keep].astype(np.int32), indptr), shape=(m, m))
