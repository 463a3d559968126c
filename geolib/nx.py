"""A :class:`~geolib.network.Network` from or to a networkx graph (osmnx's, or your own).

For notebooks: bring a graph you already have (from osmnx, a routing export, a model)
and compute catchments, accessibility or cost tables on it with geolib, or hand
geolib's network to networkx's algorithms. networkx is optional: it is imported only
here, and a clear :class:`~geolib.errors.GeolibError` says so when it is missing.

The graph follows osmnx's conventions: nodes have ``x`` and ``y`` (in the graph's
CRS, ``graph.graph["crs"]``), edges ``length`` (metres), optionally ``travel_time``
(seconds) and a LineString ``geometry`` from ``u`` to ``v``.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(crs="EPSG:25832")
>>> g.add_node("a", x=0.0, y=0.0); g.add_node("b", x=300.0, y=0.0)
>>> _ = g.add_edge("a", "b", length=300.0); _ = g.add_edge("b", "a", length=300.0)
>>> net = from_networkx(g)
>>> net.n_nodes, net.n_edges, net.unit
(2, 2, 'm')
>>> sorted(to_networkx(net).edges(data="length"))
[(0, 1, 300.0), (1, 0, 300.0)]
"""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np
import shapely
from scipy.sparse import csgraph

from .crs import metric_crs
from .errors import DataError, GeolibError, ParameterError
from .network import _EPS, Network, _csr

__all__ = ["from_networkx", "to_networkx"]

#: edge weights geolib understands: name -> (network cost, factor to its unit)
WEIGHTS = {"length": ("distance", 1.0), "travel_time": ("time", 1.0 / 60.0)}


def _networkx():
    try:
        import networkx
    except ImportError as exc:
        raise GeolibError(
            "This needs the Python package networkx, which is not installed. Install it "
            "(Debian/Ubuntu: python3-networkx; Windows: the OSGeo4W package "
            "python3-networkx; else: pip install networkx) and try again."
        ) from exc
    return networkx


def to_networkx(network: Network) -> Any:
    """The network as a ``networkx.MultiDiGraph`` in osmnx's conventions.

    Nodes are ``0 .. n-1`` with ``x``, ``y``; every open direction of an edge is one
    graph edge (key: the edge's number) with ``length`` (metres), ``cost`` (in the
    network's unit), ``travel_time`` (seconds, time networks only) and ``geometry``
    in the direction of travel. ``graph.graph`` has ``crs``, ``cost`` and ``unit``.
    """
    nx = _networkx()
    graph = nx.MultiDiGraph(crs=network.crs.to_string(), cost=network.cost, unit=network.unit)
    graph.add_nodes_from(
        (i, {"x": float(x), "y": float(y)}) for i, (x, y) in enumerate(network.node_xy)
    )
    for forward, cost in ((True, network.cost_fw), (False, network.cost_bw)):
        for e in np.flatnonzero(np.isfinite(cost)):
            u, v = int(network.edge_u[e]), int(network.edge_v[e])
            line = network.geometry[e]
            if not forward:
                u, v, line = v, u, shapely.reverse(line)
            data = {"length": float(network.length[e]), "cost": float(cost[e]), "geometry": line}
            if network.cost == "time":
                data["travel_time"] = float(cost[e]) * 60.0
            graph.add_edge(u, v, key=int(e), **data)
    return graph


def from_networkx(graph: Any, *, crs: Any = None, weight: str = "length") -> Network:
    """A routable :class:`~geolib.network.Network` from a networkx graph.

    Parameters
    ----------
    graph
        A ``networkx`` (Multi)(Di)Graph whose nodes have ``x`` and ``y``; an undirected
        graph's edges are open both ways, a directed graph's only from ``u`` to ``v``.
    crs
        The CRS of ``x``/``y`` and the geometries (default ``graph.graph["crs"]``). It
        must be projected in metres: project an osmnx graph first
        (``ox.project_graph(G, to_crs="EPSG:25832")``).
    weight
        ``"length"`` (metres: a distance network, breaks in metres) or
        ``"travel_time"`` (seconds, as osmnx's ``add_edge_travel_times``: a time
        network in minutes).

    Returns
    -------
    Network
        Node ``i`` is the ``i``-th node of ``graph.nodes``; edge ``j`` the ``j``-th edge
        of ``graph.edges``. Edges without ``geometry`` are straight lines; without
        ``length``, their geometry's length.
    """
    _networkx()  # refuse early, with the install hint, when networkx is missing
    if weight not in WEIGHTS:
        raise ParameterError(
            "The weight '{weight}' is not known; use 'length' (metres) or 'travel_time' (seconds).",
            weight=weight,
        )
    target = metric_crs(crs if crs is not None else _graph_crs(graph))
    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    node_xy = np.array([_xy(graph, node) for node in nodes], dtype=float).reshape(-1, 2)
    edges = list(graph.edges(data=True))
    if not edges:
        raise DataError("The graph has no edges; there is nothing to route on.")
    u = np.array([index[a] for a, _, _ in edges], dtype=np.int64)
    v = np.array([index[b] for _, b, _ in edges], dtype=np.int64)
    geometry = np.array([_line(d, node_xy[i], node_xy[j]) for (_, _, d), i, j in zip(edges, u, v)])
    length = np.array([_weight(d, "length", g) for (_, _, d), g in zip(edges, geometry)])
    cost_name, factor = WEIGHTS[weight]
    values = (
        length
        if weight == "length"
        else np.array([_weight(d, weight, g) for (_, _, d), g in zip(edges, geometry)])
    )
    cost = np.maximum(values * factor, _EPS)
    cost_bw = cost if not graph.is_directed() else np.full(len(cost), np.inf)
    matrix = _csr(u, v, cost, cost_bw, len(nodes))
    n_comp, labels = csgraph.connected_components(matrix, directed=True, connection="weak")
    return Network(
        crs=target,
        cost=cost_name,
        unit="min" if cost_name == "time" else "m",
        profile=None,
        geometry=geometry,
        edge_u=u,
        edge_v=v,
        length=length,
        cost_fw=cost,
        cost_bw=cost_bw,
        source_row=np.arange(len(edges)),
        node_xy=node_xy,
        graph=matrix,
        component=labels,
        n_components=int(n_comp),
        fingerprint=_fingerprint(node_xy, u, v, cost, cost_bw, target),
    )


def _graph_crs(graph) -> Any:
    found = graph.graph.get("crs")
    if found is None:
        raise ParameterError(
            "The graph has no CRS (graph.graph['crs']); pass crs=, e.g. crs='EPSG:25832'."
        )
    return found


def _xy(graph, node) -> tuple[float, float]:
    data = graph.nodes[node]
    if "x" not in data or "y" not in data:
        raise DataError(
            "Node {node} of the graph has no x/y coordinates; geolib needs both on every "
            "node (as osmnx graphs have them).",
            node=repr(node),
        )
    return float(data["x"]), float(data["y"])


def _line(data: dict, start: np.ndarray, end: np.ndarray):
    """The edge's geometry from its start node to its end node (straight without one)."""
    line = data.get("geometry")
    if line is None:
        return shapely.linestrings([start, end])
    coords = shapely.get_coordinates(line)
    if np.hypot(*(coords[0] - start)) > np.hypot(*(coords[-1] - start)):
        return shapely.reverse(line)
    return line


def _weight(data: dict, weight: str, line) -> float:
    value = data.get(weight, line.length if weight == "length" else None)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = float("nan")  # None, text, a list: refused below with the value
    if not np.isfinite(number) or number < 0:
        raise DataError(
            "An edge of the graph has no valid '{weight}' ({value}); every edge needs a "
            "finite, non-negative value.",
            weight=weight,
            value=repr(value),
        )
    return number


def _fingerprint(node_xy, u, v, cost_fw, cost_bw, crs) -> str:
    digest = hashlib.sha1(b"networkx")
    for array in (node_xy, u, v, cost_fw, cost_bw):
        digest.update(np.ascontiguousarray(array).tobytes())
    digest.update(crs.to_wkt().encode())
    return digest.hexdigest()
