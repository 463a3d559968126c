"""Routable networks from line layers or OSM files, snapping and travel-cost tables.

A :class:`Network` is a directed graph in compressed sparse row (CSR) form, built
once from a line layer (lines meet at shared vertices and at ends closer than a
tolerance, or, with OSM node ids, at equal ids; optionally noded where they cross,
but only with lines on the same bridge/tunnel/layer level; direction from a field
or OSM ``oneway``, cost as distance in metres or time in minutes) and reused:
:func:`build_network` keeps the last few networks in memory, keyed by a fingerprint
of the data and the options, so a second run on the same lines and profile does not
rebuild it.

Points (offers, origins, destinations) snap to the nearest point *on* an edge,
which is split virtually into two halves with proportional cost. Shortest paths
are bounded multi-source Dijkstra runs of :func:`scipy.sparse.csgraph.dijkstra`.

The public functions are :func:`read_osm_lines`, :func:`build_network`,
:func:`snap_points` and :func:`od_costs`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS, Transformer
from scipy import sparse
from scipy.sparse import csgraph
from scipy.spatial import cKDTree

from ._progress import Progress
from .bounded_search import cost_per_metre, kept, node_tree
from .crs import DEFAULT_CRS, metric_crs, require_crs
from .errors import (
    CRSError,
    EmptyInputError,
    ParameterError,
)
from .messages import N_, Message

__all__ = [
    "CAR_SPEEDS",
    "PROFILE_SPEEDS",
    "Network",
    "ODCosts",
    "Snapped",
    "build_network",
    "cache_info",
    "clear_cache",
    "read_osm_lines",
]

from ._network_cache import (
    _CACHE,
    _STATS,
    _fingerprint,
    _load_from_disk,
    _remember,
    _save_later,
    cache_info,
    clear_cache,
)
from .osm import read_osm_lines
from .profiles import CAR_SPEEDS, PROFILE_FIELDS, PROFILE_SPEEDS, _directions, _speeds

_EPS = 1e-9
#: fields that say on which level a line lies: noding joins only lines of one level
_LEVEL_FIELDS = ("bridge", "tunnel", "layer")
#: OSM node ids of every line's first and last vertex (see :func:`build_network`)
_ID_FIELDS = ("node_from", "node_to")


@dataclass
class Network:
    """A routable directed network (build it with :func:`build_network`).

    Each edge is one line piece between two nodes; it may be travelled forward
    (from ``edge_u`` to ``edge_v``, along its geometry) with cost ``cost_fw`` and
    backward with ``cost_bw``; ``inf`` means that direction is closed.
    ``graph`` is the CSR matrix of the cheapest arc between every two nodes.

    ``component`` is the weakly connected part of every node; the *main part*
    (``main_component``) is the one with the most nodes. Points snap to it by default
    (:func:`~geolib.routing.snap_points`). ``node_id`` is the OSM node id of every
    node when the lines carried ``node_from``/``node_to`` (``-1`` for nodes joined
    by coordinates), otherwise ``None``. An edge may start and end at the same node
    (a loop edge, ``edge_u == edge_v``).
    """

    crs: CRS
    cost: str  # "time" (minutes) or "distance" (metres)
    unit: str  # "min" or "m"
    profile: str | None
    geometry: np.ndarray  # shapely LineStrings, one per edge
    edge_u: np.ndarray
    edge_v: np.ndarray
    length: np.ndarray  # metres
    cost_fw: np.ndarray
    cost_bw: np.ndarray
    source_row: np.ndarray  # row position of the input line each edge comes from
    node_xy: np.ndarray
    graph: sparse.csr_matrix
    component: np.ndarray  # weakly connected part of every node
    n_components: int
    fingerprint: str
    notes: list[Message] = field(default_factory=list)
    #: built with noding on one level: edges meet only at their ends (no crossings
    #: inside an edge; not so when bridges or tunnels cross other lines unnoded)
    noded: bool = False
    #: the OSM node id of every node (``-1``: joined by coordinates), or None
    node_id: np.ndarray | None = None
    #: the part with the most nodes (computed when not given)
    main_component: int | None = None
    _tree: shapely.STRtree | None = field(default=None, repr=False)
    # derived lookups, built on first use by geolib.catchments and geolib.routing
    _coords_cache: tuple | None = field(default=None, repr=False)
    _incidence_cache: tuple | None = field(default=None, repr=False)
    _main_cache: tuple | None = field(default=None, repr=False)
    _reversed: Network | None = field(default=None, repr=False)
    # kept for bounded searches (geolib.bounded_search), built on first use; never on disk
    _kdtree: cKDTree | None = field(default=None, repr=False)
    _cost_bound: float | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.main_component is None:
            sizes = np.bincount(np.asarray(self.component, dtype=np.int64))
            self.main_component = int(np.argmax(sizes)) if len(sizes) else 0

    @property
    def n_nodes(self) -> int:
        return len(self.node_xy)

    @property
    def n_edges(self) -> int:
        return len(self.edge_u)

    @property
    def tree(self) -> shapely.STRtree:
        if self._tree is None:
            self._tree = shapely.STRtree(self.geometry)
        return self._tree

    @property
    def part_length(self) -> np.ndarray:
        """Metres of edges in every part (indexed by ``component``)."""
        return np.bincount(
            self.component[self.edge_u], weights=self.length, minlength=self.n_components
        )

    def main_edges(self) -> tuple[np.ndarray, shapely.STRtree]:
        """The edges of the main part and a spatial index of them (cached)."""
        if self._main_cache is None:
            edges = np.flatnonzero(self.component[self.edge_u] == self.main_component)
            self._main_cache = (edges, shapely.STRtree(self.geometry[edges]))
        return self._main_cache

    def node_tree(self) -> cKDTree:
        """A KD-tree of the nodes (for bounded searches), built on first use and kept;
        the reversed network shares it (the same nodes)."""

        def make() -> cKDTree:
            partner = self._reversed
            if partner is not None and partner._kdtree is not None:
                return partner._kdtree
            return node_tree(self.node_xy)

        return kept(self, "_kdtree", make)

    def cost_bound(self) -> float:
        """The smallest cost of an arc per metre between its ends
        (:func:`~geolib.bounded_search.cost_per_metre` of ``graph``), computed on first
        use and kept."""
        return kept(self, "_cost_bound", lambda: cost_per_metre(self.graph, self.node_xy))

    def reversed(self) -> Network:
        """The same network with every direction reversed (cached on the instance).

        Forward and backward costs swap and ``graph`` is transposed; geometry, nodes
        and parts stay. Costs *from* a point on the reversed network are costs *to*
        it on this one. A network without one-way edges (walking) is its own reverse,
        so its lookups are shared.
        """
        if self._reversed is None and np.array_equal(self.cost_fw, self.cost_bw):
            self._reversed = self
        elif self._reversed is None:
            self._reversed = replace(
                self,
                cost_fw=self.cost_bw,
                cost_bw=self.cost_fw,
                graph=sparse.csr_matrix(self.graph.T),
                fingerprint=self.fingerprint + "-reversed",
                notes=list(self.notes),
                _coords_cache=None,
                _incidence_cache=None,
                _reversed=self,
                _cost_bound=None,  # of the transposed graph: its own
            )
        return self._reversed

    def edges(self) -> gpd.GeoDataFrame:
        """The edges as a GeoDataFrame (u, v, length_m, cost forward and backward)."""
        return gpd.GeoDataFrame(
            {
                "u": self.edge_u,
                "v": self.edge_v,
                "length_m": self.length,
                "cost_fw": self.cost_fw,
                "cost_bw": self.cost_bw,
                "part": self.component[self.edge_u],
            },
            geometry=self.geometry,
            crs=self.crs,
        )


@dataclass
class Snapped:
    """Points snapped onto a network (see :func:`snap_points`).

    One entry per routable *point*: ``position`` is the row position of its feature
    in the input and ``part`` its index within that feature (0 for a point; every
    point of a MultiPoint is snapped, so ``position`` repeats, once per routable
    part, in input order); ``edge`` the edge it lies on, ``fraction`` where on it
    (0 at ``edge_u``, 1 at ``edge_v``), ``distance`` how far it was moved (metres).
    A feature is in ``unroutable`` (one row per input row, with ``snap_dist_m`` and
    ``reason``) only when none of its points is routable.
    """

    position: np.ndarray
    edge: np.ndarray
    fraction: np.ndarray
    distance: np.ndarray
    unroutable: gpd.GeoDataFrame
    notes: list[Message] = field(default_factory=list)
    part: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))


@dataclass
class ODCosts:
    """Network travel costs between origins and destinations (see :func:`od_costs`).

    ``table`` has the columns ``origin`` and ``destination`` (row positions in
    the inputs; one row per pair, for multipoints the cheapest of their points) and
    ``cost`` (minutes or metres, as the network was built); pairs beyond
    ``max_cost`` are absent.
    """

    table: pd.DataFrame
    unroutable_origins: gpd.GeoDataFrame
    unroutable_destinations: gpd.GeoDataFrame
    notes: list[Message] = field(default_factory=list)


# --- building ---------------------------------------------------------------------------
def build_network(
    lines: gpd.GeoDataFrame,
    *,
    cost: str = "time",
    profile: str | None = "walk",
    speed_field: str | None = None,
    direction_field: str | None = None,
    value_forward: str = "1",
    value_backward: str = "-1",
    value_both: str = "0",
    snap_tolerance: float = 0.5,
    node: bool = False,
    crs: str | int | CRS | None = None,
    cache_dir: str | os.PathLike | None = None,
    progress: Progress | None = None,
) -> Network:
    """Build a routable network from a line layer.

    Parameters
    ----------
    lines
        Lines (also multipart or 3D; they are split into parts and made 2D).
    cost
        ``"time"`` (minutes) or ``"distance"`` (metres).
    profile
        ``"walk"`` (4.5 km/h), ``"bike"`` (15 km/h) or ``"car"`` (speed by OSM
        highway class, :data:`CAR_SPEEDS`), or ``None`` when ``speed_field`` gives
        the speeds. Walking ignores one-way streets; walking and cycling leave
        motorways out, cars leave footways and paths out.
    speed_field
        A field with the speed in km/h of every line; it overrides the profile's
        speed. Zero, negative or missing speeds are refused with the rows named.
    direction_field, value_forward, value_backward, value_both
        Like QGIS's service area: a field whose value says whether a line may be
        travelled only along its digitising direction, only against it, or both.
        Without it, an OSM ``oneway`` field (yes/1/true, -1) is used for bike and
        car profiles.
    snap_tolerance
        Line ends closer than this (metres) are joined into one node.
    node
        Without noding (the default, as QGIS's service area) lines connect where
        they share a vertex and where their ends are closer than
        ``snap_tolerance``. With noding they are also split where they cross or
        touch, but only lines on the same level: lines with different ``bridge``,
        ``tunnel`` or ``layer`` values (where these fields exist; any bridge or
        tunnel value but ``no`` counts as one, a missing ``layer`` as 0) are never
        noded with each other, so a bridge does not join the road below it.
        Lines of different levels still connect at shared vertices and ends.

        When the lines have the fields ``node_from`` and ``node_to`` (the OSM node
        ids of each line's first and last vertex, one line per way segment between
        junctions, as :func:`read_osm_lines` writes them), the nodes are these ids:
        lines meet exactly where OSM ways share a node, and ``node`` is not used.
        Rows without ids (or with several parts) are joined by their coordinates,
        with a note. Equal ids at different coordinates are refused.
    crs
        The metric CRS to work in; by default the layer's own when it is
        projected, otherwise the UTM zone of the data (ETRS89 in Europe).
    cache_dir
        A folder to keep built networks in, so that another process (such as the
        next ``qgis_process`` run) reuses them instead of building again. Networks
        are always kept in memory too; the folder holds at most
        :data:`DISK_CACHE_FILES` of them. Only give a folder that you alone write
        to: the files are Python pickles.
    progress
        Progress and cancellation.

    Returns
    -------
    Network
        With ``notes`` on reprojection, dropped lines and disconnected parts, and
        ``node_id`` (the OSM node ids) when the lines carried them.

    Notes
    -----
    Cost of an edge of length :math:`L` metres at speed :math:`v` km/h:
    :math:`c = L / (v \\cdot 1000 / 60)` minutes, or :math:`c = L` for distance.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import LineString
    >>> lines = gpd.GeoDataFrame(geometry=[LineString([(0, 0), (450, 0)])], crs=25832)
    >>> net = build_network(lines, cost="time", profile="walk")
    >>> round(float(net.cost_fw[0]), 3)
    6.0
    """
    progress = progress or Progress()
    if cost not in ("time", "distance"):
        raise ParameterError(
            "The cost must be 'time' or 'distance', not '{value}'.", value=str(cost)
        )
    if profile not in (None, "walk", "bike", "car"):
        raise ParameterError(
            "The profile must be walk, bike or car, not '{value}'.", value=str(profile)
        )
    if cost == "time" and profile is None and not speed_field:
        raise ParameterError(
            "Travel time needs speeds: choose a profile (walk, bike, car) or a speed field."
        )
    if snap_tolerance < 0:
        raise ParameterError(
            "The snap tolerance must not be negative (it is {value}).", value=snap_tolerance
        )
    what = N_("network layer")
    # an empty layer is empty first: its CRS (often undefined then) is a lesser matter
    if len(lines) == 0 or lines.geometry.isna().all() or lines.geometry.is_empty.all():
        raise EmptyInputError(
            "The {what} is empty: it has no lines to route on. Choose a layer with streets "
            "or paths.",
            what=what,
        )
    source_crs = require_crs(lines, what=what)
    # 2D LineStrings only (OSM segments, most layers): their coordinates as flat arrays,
    # shared by the fingerprint, the reprojection and the line ends
    flat = _flat_lines(np.asarray(lines.geometry.values))
    key = _fingerprint(
        lines,
        {speed_field, direction_field, *PROFILE_FIELDS, *_LEVEL_FIELDS, *_ID_FIELDS},
        cost,
        profile,
        speed_field,
        direction_field,
        value_forward,
        value_backward,
        value_both,
        snap_tolerance,
        node,
        crs,
        flat=flat,
    )
    if key in _CACHE:
        _CACHE.move_to_end(key)
        _STATS["hits"] += 1
        return _CACHE[key]
    if cache_dir is not None:
        kept = _load_from_disk(Path(cache_dir), key)
        if kept is not None:
            _STATS["hits"] += 1
            _STATS["disk_hits"] += 1
            _remember(key, kept)
            return kept
    _STATS["builds"] += 1
    notes: list[Message] = []
    target = _target_crs(lines, source_crs, crs)
    index = lines.index
    default_index = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
    frame = lines if default_index else lines.reset_index(drop=True)
    geoms = np.asarray(frame.geometry.values)
    reproject = not source_crs.equals(target)
    if reproject:
        notes.append(
            Message(
                "The {what} was reprojected from {source} to {target} for metric analysis.",
                what=what,
                source=source_crs.to_string(),
                target=target.to_string(),
            )
        )
    if flat is not None:  # one line per row: no parts, no heights; ends from the arrays
        coords, counts = flat
        if reproject:
            coords = _transform(coords, source_crs, target)
            geoms = shapely.linestrings(coords, indices=np.repeat(np.arange(len(geoms)), counts))
        ends = _ends_of(coords, counts)
        progress.report(0.05)
        bad = np.zeros(len(geoms), dtype=bool)
        parts, part_row = geoms, np.arange(len(geoms))
        part_length = ends[2]
    else:
        ends = None
        if reproject:
            geoms = np.asarray(gpd.GeoSeries(geoms, crs=source_crs).to_crs(target).values)
        progress.report(0.05)
        geoms, bad, parts, part_row = _line_parts(geoms, what, notes)
        part_length = shapely.length(parts)
    # per input row: speed (km/h), allowed directions
    speed = _speeds(frame, cost, profile, speed_field, what, notes)
    forward, backward = _directions(
        frame, profile, direction_field, value_forward, value_backward, value_both, what
    )
    usable = np.isfinite(speed) & (forward | backward) & ~bad
    closed = (~usable & ~bad).sum()
    if closed:
        notes.append(
            Message(
                "{n} lines of the {what} are not usable with the profile '{profile}' "
                "(for example motorways on foot, footways by car) and were left out.",
                n=int(closed),
                what=what,
                profile=str(profile),
            )
        )
    keep = usable[part_row] & (part_length > 0)
    parts, part_row = parts[keep], part_row[keep]
    if ends is not None:
        ends = (ends[0][keep], ends[1][keep])
    if len(parts) == 0:
        raise EmptyInputError(
            "The {what} is empty: it has no lines to route on. Choose a layer with streets "
            "or paths.",
            what=what,
        )
    progress.report(0.15)
    from .topology import _coordinate_topology, _id_topology, _parts_note

    if all(name in frame.columns for name in _ID_FIELDS):
        zero_length = np.zeros(len(frame), dtype=bool)  # OSM: two nodes at one place
        if flat is not None:  # rows are parts
            zero_length = usable & (part_length == 0)
        else:
            zero_length[~bad] = usable[~bad] & (shapely.length(geoms[~bad]) == 0)
        topology = _id_topology(
            frame, parts, part_row, snap_tolerance, node, notes, what, zero_length, ends=ends
        )
    else:
        topology = _coordinate_topology(
            frame, parts, part_row, node, snap_tolerance, progress.sub(0.15, 0.6), ends=ends
        )
    pieces, piece_row, reversed_, edge_u, edge_v, node_xy, node_id, noded = topology
    length = shapely.length(pieces)
    n = len(pieces)
    progress.report(0.7)
    if cost == "time":
        unit_cost = 1.0 / (speed[piece_row] * 1000.0 / 60.0)
        unit = "min"
    else:
        unit_cost = np.ones(n)
        unit = "m"
    base = np.maximum(length * unit_cost, _EPS)
    fw = np.where(reversed_, backward[piece_row], forward[piece_row])
    bw = np.where(reversed_, forward[piece_row], backward[piece_row])
    cost_fw = np.where(fw, base, np.inf)
    cost_bw = np.where(bw, base, np.inf)
    graph = _csr(edge_u, edge_v, cost_fw, cost_bw, len(node_xy))
    n_comp, labels = csgraph.connected_components(graph, directed=True, connection="weak")
    main = int(np.argmax(np.bincount(labels)))
    if n_comp > 1:
        notes.append(_parts_note(labels, main, edge_u, length, int(n_comp)))
    progress.report(1.0)
    network = Network(
        crs=target,
        cost=cost,
        unit=unit,
        profile=profile,
        geometry=pieces,
        edge_u=edge_u,
        edge_v=edge_v,
        length=length,
        cost_fw=cost_fw,
        cost_bw=cost_bw,
        source_row=piece_row,
        node_xy=node_xy,
        graph=graph,
        component=labels,
        n_components=int(n_comp),
        fingerprint=key,
        notes=notes,
        noded=noded,
        node_id=node_id,
        main_component=main,
    )
    _remember(key, network)
    if cache_dir is not None:
        _save_later(Path(cache_dir), key, network)
    return network


def _flat_lines(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The coordinates of all lines and the number of every line's coordinates, when
    every geometry is a non-empty 2D LineString (else None)."""
    if len(geoms) == 0 or not (shapely.get_type_id(geoms) == 1).all():
        return None
    if shapely.has_z(geoms).any():
        return None
    counts = shapely.get_num_coordinates(geoms)
    if (counts < 2).any():
        return None
    return shapely.get_coordinates(geoms), counts


def _transform(coords: np.ndarray, source: CRS, target: CRS) -> np.ndarray:
    """Flat x/y coordinates from ``source`` to ``target`` (as GeoSeries.to_crs does)."""
    x, y = Transformer.from_crs(source, target, always_xy=True).transform(
        coords[:, 0], coords[:, 1]
    )
    return np.column_stack([x, y])


def _ends_of(coords: np.ndarray, counts: np.ndarray):
    """First and last coordinates and length of every line of the flat arrays."""
    last = np.cumsum(counts) - 1
    first = last - counts + 1
    step = np.diff(coords, axis=0)
    seg = np.sqrt(step[:, 0] * step[:, 0] + step[:, 1] * step[:, 1])
    inside = np.ones(len(coords) - 1, dtype=bool)
    inside[last[:-1]] = False  # from one line's last vertex to the next's first
    of_line = np.repeat(np.arange(len(counts)), counts)[:-1]
    length = np.bincount(of_line[inside], weights=seg[inside], minlength=len(counts))
    return coords[first], coords[last], length


def _line_parts(geoms: np.ndarray, what, notes: list):
    """Single 2D parts of the lines: (geometries, missing, parts, row of every part);
    anything but lines is refused, missing and 3D geometries are noted."""
    bad = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    types = shapely.get_type_id(geoms)
    not_lines = ~bad & ~np.isin(types, (1, 2, 5))
    if not_lines.any():
        raise EmptyInputError(
            "The {what} contains {n} features that are not lines (for example row {row}). "
            "Choose a line layer.",
            what=what,
            n=int(not_lines.sum()),
            row=int(np.flatnonzero(not_lines)[0]),
        )
    if bad.any():
        notes.append(
            Message(
                "{n} features of the {what} have no geometry and were skipped.",
                n=int(bad.sum()),
                what=what,
            )
        )
    if shapely.has_z(geoms[~bad]).any():
        notes.append(
            Message("The {what} has 3D lines; heights were ignored.", what=what),
        )
        geoms = shapely.force_2d(geoms)
    parts, part_row = shapely.get_parts(geoms, return_index=True)
    if len(parts) > (~bad).sum():
        notes.append(
            Message(
                "{n} multipart lines of the {what} were split into their parts.",
                n=len(np.unique(part_row[np.bincount(part_row).take(part_row) > 1])),
                what=what,
            )
        )
    return geoms, bad, parts, part_row


def _end_points(lines: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First and last coordinates of every (non-empty) line."""
    coords, index = shapely.get_coordinates(lines, return_index=True)
    counts = np.bincount(index, minlength=len(lines))
    last = np.cumsum(counts) - 1
    return coords[last - counts + 1], coords[last]


def _target_crs(lines, source: CRS, crs) -> CRS:
    if crs is not None:
        return metric_crs(crs)
    if source.is_projected:
        unit = source.axis_info[0].unit_name if source.axis_info else ""
        if unit in ("metre", "meter", "m"):
            return source
        return metric_crs(DEFAULT_CRS)
    try:  # the centre of the bounding box (a union of all lines is slow)
        west, south, east, north = Transformer.from_crs(
            source, 4326, always_xy=True
        ).transform_bounds(*lines.total_bounds)
        lon, lat = (west + east) / 2.0, (south + north) / 2.0
        error = "" if np.isfinite(lon) and np.isfinite(lat) else "no coordinates"
    except Exception as exc:
        error = str(exc)
    if error:
        raise CRSError(
            "No metric CRS could be chosen for the {what}: {error}. Give one (for "
            "example EPSG:25832).",
            what=N_("network layer"),
            error=error,
        )
    zone = int((lon + 180.0) // 6.0) % 60 + 1
    # Europe: ETRS89 / UTM (EPSG:25828-25838); elsewhere WGS 84 / UTM north or south
    europe = 28 <= zone <= 38 and lat > 30
    utm = 25800 + zone if europe else (32600 if lat >= 0 else 32700) + zone
    return CRS.from_user_input(utm)


def _node(parts, part_row, progress: Progress):
    """Split lines where they cross or touch; map each piece back to its line."""
    noded = shapely.get_parts(shapely.node(shapely.multilinestrings(parts)))
    progress.report(0.6)
    tree = shapely.STRtree(parts)
    mid = shapely.line_interpolate_point(noded, 0.5, normalized=True)
    idx_mid, idx_line = tree.query(mid, predicate="dwithin", distance=1e-6)
    first = np.unique(idx_mid, return_index=True)[1]
    idx_mid, idx_line = idx_mid[first], idx_line[first]
    pieces = noded[idx_mid]
    src = parts[idx_line]
    a = shapely.line_locate_point(src, shapely.get_point(pieces, 0))
    b = shapely.line_locate_point(src, shapely.get_point(pieces, -1))
    closed = shapely.is_closed(src)
    reversed_ = (a > b) & ~closed
    progress.report(1.0)
    return pieces, part_row[idx_line], reversed_


def _split_at_vertices(parts, part_row, anchors=None):
    """Without noding, lines are still split at vertices shared with other lines (or
    lying on one of the ``anchors`` coordinates)."""
    coords, index = shapely.get_coordinates(parts, return_index=True)
    if anchors is not None and len(anchors):
        inverse, _ = _factorize_xy(np.vstack([coords, anchors]))
        counts = np.bincount(inverse)
        inverse = inverse[: len(coords)]
    else:
        inverse, _ = _factorize_xy(coords)
        counts = np.bincount(inverse)
    shared = counts[inverse] > 1
    starts = np.r_[True, index[1:] != index[:-1]]
    ends = np.r_[index[1:] != index[:-1], True]
    cut = shared & ~starts & ~ends
    if not cut.any():
        return parts, part_row, np.zeros(len(parts), dtype=bool)
    # every cut vertex ends one piece and starts the next
    piece_id = np.cumsum(starts | np.r_[False, cut[:-1]]) - 1
    dup = np.flatnonzero(cut)
    all_coords = np.insert(coords, dup + 1, coords[dup], axis=0)
    all_piece = np.insert(piece_id, dup + 1, piece_id[dup] + 1)
    # after insertion the duplicated vertex starts the next piece: recompute ids
    line_of = np.insert(index, dup + 1, index[dup])
    boundary = np.r_[True, line_of[1:] != line_of[:-1]]
    is_dup = np.zeros(len(all_coords), dtype=bool)
    is_dup[dup + 1 + np.arange(len(dup))] = True
    all_piece = np.cumsum(boundary | is_dup) - 1
    pieces = shapely.linestrings(all_coords, indices=all_piece)
    piece_line = line_of[np.r_[True, all_piece[1:] != all_piece[:-1]]]
    return pieces, part_row[piece_line], np.zeros(len(pieces), dtype=bool)


def _factorize_xy(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ids of equal coordinates (to 1e-6 m) and the distinct coordinates; hash-based."""
    rounded = np.round(points, 6)
    codes, uniq = pd.factorize(rounded[:, 0] + 1j * rounded[:, 1])
    return codes.astype(np.int64), np.column_stack([uniq.real, uniq.imag])


def _join_ends(points: np.ndarray, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    """Node id of every point: points closer than ``tolerance`` share one node."""
    inverse, uniq = _factorize_xy(points)
    if tolerance > 0 and len(uniq) > 1:
        pairs = cKDTree(uniq).query_pairs(tolerance, output_type="ndarray")
        if len(pairs):
            m = sparse.coo_matrix(
                (np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(len(uniq), len(uniq))
            )
            _, label = csgraph.connected_components(m, directed=False)
            first = np.unique(label, return_index=True)[1]
            uniq = uniq[first]
            inverse = label[inverse]
    return inverse.astype(np.int64), uniq


def _csr(u, v, cost_fw, cost_bw, n) -> sparse.csr_matrix:
    """CSR matrix of the cheapest arc between every two nodes (self-loops left out)."""
    rows = np.concatenate([u, v]).astype(np.int64)
    cols = np.concatenate([v, u]).astype(np.int64)
    data = np.concatenate([cost_fw, cost_bw])
    ok = np.isfinite(data) & (rows != cols)
    key = rows[ok] * n + cols[ok]
    data = data[ok]
    order = np.argsort(key, kind="stable")
    key, data = key[order], data[order]
    first = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])[: len(key)]
    if len(first) < len(key):  # parallel arcs: the cheapest
        data = np.minimum.reduceat(data, first)
        key = key[first]
    index = np.int32 if max(n, len(key)) < 2**31 - 1 else np.int64
    indptr = np.zeros(n + 1, dtype=index)
    np.cumsum(np.bincount(key // n, minlength=n), out=indptr[1:])
    return sparse.csr_matrix((data, (key % n).astype(index), indptr), shape=(n, n))


def __getattr__(name: str):
    """``snap_points`` and ``od_costs`` live in :mod:`geolib.routing` (imported on use,
    since routing builds on this module)."""
    if name in ("snap_points", "od_costs"):
        from . import routing

        return getattr(routing, name)
    message = "module " + repr(__name__) + " has no attribute " + repr(name)
    raise AttributeError(message)
