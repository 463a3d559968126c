"""Routable networks from line layers or OSM files, snapping and travel-cost tables.

A :class:`Network` is a directed graph in compressed sparse row (CSR) form, built
once from a line layer (noded where lines meet, endpoints closer than a tolerance
snapped together, direction from a field or OSM ``oneway``, cost as distance in
metres or time in minutes) and reused: :func:`build_network` keeps the last few
networks in memory, keyed by a fingerprint of the data and the options, so a
second run on the same lines and profile does not rebuild it.

Points (offers, origins, destinations) snap to the nearest point *on* an edge,
which is split virtually into two halves with proportional cost. Shortest paths
are bounded multi-source Dijkstra runs of :func:`scipy.sparse.csgraph.dijkstra`.

The public functions are :func:`read_osm_lines`, :func:`build_network`,
:func:`snap_points` and :func:`od_costs`.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
import pickle
import shutil
import tempfile
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS
from scipy import sparse
from scipy.sparse import csgraph
from scipy.spatial import cKDTree

from ._progress import Progress
from .crs import DEFAULT_CRS, metric_crs, require_crs
from .errors import (
    CRSError,
    DataError,
    EmptyInputError,
    FieldError,
    ParameterError,
    ResourceError,
    SourceError,
)
from .messages import N_, Message, human_bytes
from .validate import require_field

__all__ = [
    "CAR_SPEEDS",
    "PROFILE_SPEEDS",
    "Network",
    "ODCosts",
    "Snapped",
    "build_network",
    "od_costs",
    "read_osm_lines",
    "snap_points",
]

#: walking and cycling speeds in km/h
PROFILE_SPEEDS = {"walk": 4.5, "bike": 15.0}

#: car speeds in km/h by OSM highway class (also OpenMapTiles ``class`` values)
CAR_SPEEDS = {
    "motorway": 110.0,
    "motorway_link": 60.0,
    "trunk": 90.0,
    "trunk_link": 50.0,
    "primary": 70.0,
    "primary_link": 50.0,
    "secondary": 60.0,
    "secondary_link": 45.0,
    "tertiary": 50.0,
    "tertiary_link": 40.0,
    "unclassified": 40.0,
    "minor": 30.0,
    "road": 30.0,
    "residential": 30.0,
    "living_street": 7.0,
    "service": 20.0,
    "track": 15.0,
}

#: highway classes closed to walking and cycling
_NO_WALK = {"motorway", "motorway_link", "trunk", "trunk_link", "construction", "proposed"}
_NO_BIKE = _NO_WALK | {"steps"}
_HIGHWAY_FIELDS = ("highway", "class", "subclass", "kind")

#: reasons in the ``reason`` field of unroutable points (catalogue phrases)
REASON_FAR = N_("farther than the snap distance from the network")
#: the note on points that snap to no edge (callers may replace it with their own)
UNROUTABLE_NOTE = N_(
    "{n} of {total} points of the {what} are not routable (farther than {d} m "
    "from the network or without geometry); they are listed in the unroutable "
    "output."
)
REASON_NO_GEOMETRY = N_("no geometry")

#: memory a request may use, in bytes, unless the caller says otherwise
DEFAULT_MEMORY_LIMIT = 4 * 1024**3
_EPS = 1e-9


@dataclass
class Network:
    """A routable directed network (build it with :func:`build_network`).

    Each edge is one line piece between two nodes; it may be travelled forward
    (from ``edge_u`` to ``edge_v``, along its geometry) with cost ``cost_fw`` and
    backward with ``cost_bw``; ``inf`` means that direction is closed.
    ``graph`` is the CSR matrix of the cheapest arc between every two nodes.
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
    #: built with noding: edges meet only at their ends (no crossings inside an edge)
    noded: bool = False
    _tree: shapely.STRtree | None = field(default=None, repr=False)
    # derived lookups, built on first use by geolib.catchments
    _coords_cache: tuple | None = field(default=None, repr=False)
    _incidence_cache: tuple | None = field(default=None, repr=False)

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

    ``position`` is the row position of each routable point in the input;
    ``edge`` the edge it lies on, ``fraction`` where on it (0 at ``edge_u``,
    1 at ``edge_v``), ``distance`` how far it was moved (metres).
    """

    position: np.ndarray
    edge: np.ndarray
    fraction: np.ndarray
    distance: np.ndarray
    unroutable: gpd.GeoDataFrame
    notes: list[Message] = field(default_factory=list)


@dataclass
class ODCosts:
    """Network travel costs between origins and destinations (see :func:`od_costs`).

    ``table`` has the columns ``origin`` and ``destination`` (row positions in
    the inputs) and ``cost`` (minutes or metres, as the network was built); pairs
    beyond ``max_cost`` are absent.
    """

    table: pd.DataFrame
    unroutable_origins: gpd.GeoDataFrame
    unroutable_destinations: gpd.GeoDataFrame
    notes: list[Message] = field(default_factory=list)


# --- reading --------------------------------------------------------------------------
def read_osm_lines(path: str | os.PathLike) -> gpd.GeoDataFrame:
    """Read the highway lines of an OSM file (.osm, .osm.gz, .osm.bz2 or .pbf).

    Parameters
    ----------
    path
        The OSM file. Read with GDAL's OSM driver (layer ``lines``); gzip files
        are read through ``/vsigzip/``.

    Returns
    -------
    GeoDataFrame
        In EPSG:4326 with ``osm_id``, ``name``, ``highway``, ``oneway`` (the
        ``oneway`` tag from ``other_tags``, or empty) and ``maxspeed``. Lines
        without a ``highway`` tag (rivers, borders, railways) are left out.

    Examples
    --------
    >>> lines = read_osm_lines("data/osm/andorra.osm.pbf")  # doctest: +SKIP
    >>> lines["highway"].value_counts().head(2)  # doctest: +SKIP
    """
    import pyogrio

    path = Path(path)
    if not path.exists():
        raise SourceError("The OSM file '{path}' does not exist.", path=str(path))
    name = path.name.lower()
    source = str(path)
    tmp = None
    if name.endswith(".gz"):
        source = "/vsigzip/" + str(path.resolve())
    elif name.endswith(".bz2"):
        import bz2

        tmp = tempfile.NamedTemporaryFile(suffix=".osm", delete=False)  # noqa: SIM115
        with bz2.open(path, "rb") as src, tmp:
            shutil.copyfileobj(src, tmp)
        source = tmp.name
    try:
        lines = pyogrio.read_dataframe(source, layer="lines")
    except Exception as exc:
        if source.startswith("/vsigzip/"):  # an old GDAL: decompress to a temporary file
            with tempfile.TemporaryDirectory() as tmpdir:
                target = Path(tmpdir) / "data.osm"
                with gzip.open(path, "rb") as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst)
                return read_osm_lines(target)
        raise SourceError(
            "The OSM file '{path}' could not be read: {error}", path=str(path), error=str(exc)
        ) from None
    finally:
        if tmp is not None:
            os.unlink(tmp.name)
    lines = lines[lines["highway"].notna()].reset_index(drop=True)
    tags = lines.get("other_tags", pd.Series([None] * len(lines), dtype=object)).fillna("")
    lines["oneway"] = tags.str.extract(r'"oneway"=>"([^"]*)"', expand=False).fillna("")
    lines["maxspeed"] = tags.str.extract(r'"maxspeed"=>"([^"]*)"', expand=False)
    keep = [c for c in ("osm_id", "name", "highway", "oneway", "maxspeed") if c in lines.columns]
    return lines[[*keep, "geometry"]]


# --- building ---------------------------------------------------------------------------
_CACHE: OrderedDict[str, Network] = OrderedDict()
_CACHE_SIZE = 4
_STATS = {"hits": 0, "builds": 0, "disk_hits": 0}
#: networks kept on disk (``cache_dir``): at most this many files, the oldest go first
DISK_CACHE_FILES = 8
_DISK_FORMAT = 2  # bump when Network or the way it is kept changes


def clear_cache() -> None:
    """Forget the networks kept in memory by :func:`build_network` (not those on disk)."""
    _CACHE.clear()


def cache_info() -> dict[str, int]:
    """How often :func:`build_network` reused a kept network (``hits``, of which
    ``disk_hits`` came from ``cache_dir``) or built one (``builds``)."""
    return dict(_STATS, size=len(_CACHE))


def _disk_key(key: str) -> str:
    """The file name of a network: its fingerprint and the versions that shape pickles.

    The module name is part of it: a pickle names the class by module (``geolib.network``,
    ``sozialplanung.geolib.network`` in the plugin), so each reads only its own files."""
    import scipy

    versions = f"{_DISK_FORMAT}-{np.__version__}-{scipy.__version__}-{shapely.__version__}"
    versions += f"-{Network.__module__}"
    return hashlib.sha1(f"{key}-{versions}".encode()).hexdigest() + ".network"


def _load_from_disk(cache_dir: Path, key: str) -> Network | None:
    """The network kept in ``cache_dir`` under ``key``, or None (missing or unreadable)."""
    path = cache_dir / _disk_key(key)
    try:
        with open(path, "rb") as fh:
            network = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign file: built again, not an error
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        return None
    if not isinstance(network, Network) or network.fingerprint != key:
        return None
    network.geometry = shapely.from_wkb(network.geometry)  # kept as WKB (see below)
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept longest
    return network


def _save_to_disk(cache_dir: Path, key: str, network: Network) -> None:
    """Keep ``network`` in ``cache_dir`` (atomically); the oldest files beyond
    :data:`DISK_CACHE_FILES` are removed. A cache that cannot be written is skipped."""
    tmp = None
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        # geometries as one WKB array: pickling a million shapely objects one by one
        # takes longer than building the network
        lean = replace(
            network,
            geometry=shapely.to_wkb(network.geometry),
            _tree=None,
            _coords_cache=None,
            _incidence_cache=None,
        )
        fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(lean, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache_dir / _disk_key(key))
        tmp = None
        files = sorted(cache_dir.glob("*.network"), key=lambda f: f.stat().st_mtime)
        for old in files[:-DISK_CACHE_FILES]:
            old.unlink(missing_ok=True)
    except Exception:  # the cache is a convenience: the network is built and returned
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


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
    node: bool = True,
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
        Split lines where they cross or touch (noding); without it only shared
        ends (and vertices within ``snap_tolerance``) connect.
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
        With ``notes`` on reprojection, dropped lines and disconnected parts.

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
    source_crs = require_crs(lines, what=what)
    if len(lines) == 0 or lines.geometry.isna().all() or lines.geometry.is_empty.all():
        raise EmptyInputError(
            "The {what} is empty: it has no lines to route on. Choose a layer with streets "
            "or paths.",
            what=what,
        )
    key = _fingerprint(
        lines,
        {speed_field, direction_field, "oneway", *_HIGHWAY_FIELDS},
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
    if not source_crs.equals(target):
        lines = lines.to_crs(target)
        notes.append(
            Message(
                "The {what} was reprojected from {source} to {target} for metric analysis.",
                what=what,
                source=source_crs.to_string(),
                target=target.to_string(),
            )
        )
    progress.report(0.05)
    frame = lines.reset_index(drop=True)
    geoms = frame.geometry.values
    bad = geoms.isna() | shapely.is_empty(np.asarray(geoms))
    types = shapely.get_type_id(np.asarray(geoms))
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
    geoms = np.asarray(geoms)
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
    # per input row: speed (km/h), allowed directions
    speed = _speeds(frame, cost, profile, speed_field, what)
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
    keep = usable[part_row] & (shapely.length(parts) > 0)
    parts, part_row = parts[keep], part_row[keep]
    if len(parts) == 0:
        raise EmptyInputError(
            "The {what} is empty: it has no lines to route on. Choose a layer with streets "
            "or paths.",
            what=what,
        )
    progress.report(0.15)
    if node:
        pieces, piece_row, reversed_ = _node(parts, part_row, progress.sub(0.15, 0.6))
    else:
        pieces, piece_row, reversed_ = _split_at_vertices(parts, part_row)
    progress.report(0.6)
    length = shapely.length(pieces)
    nonzero = length > 0
    pieces, piece_row, reversed_, length = (
        pieces[nonzero],
        piece_row[nonzero],
        reversed_[nonzero],
        length[nonzero],
    )
    # nodes: line ends, joined within the snap tolerance
    starts = shapely.get_coordinates(shapely.get_point(pieces, 0))
    ends = shapely.get_coordinates(shapely.get_point(pieces, -1))
    node_of, node_xy = _join_ends(np.vstack([starts, ends]), snap_tolerance)
    n = len(pieces)
    edge_u, edge_v = node_of[:n], node_of[n:]
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
    if n_comp > 1:
        sizes = np.bincount(labels)
        notes.append(
            Message(
                "The network has {n} separate parts; the largest has {share} % of the "
                "nodes. Places in different parts cannot reach each other.",
                n=int(n_comp),
                share=round(100.0 * sizes.max() / sizes.sum(), 1),
            )
        )
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
        noded=bool(node),
    )
    _remember(key, network)
    if cache_dir is not None:
        _save_to_disk(Path(cache_dir), key, network)
    return network


def _remember(key: str, network: Network) -> None:
    _CACHE[key] = network
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)


def _fingerprint(lines: gpd.GeoDataFrame, columns: set, *options) -> str:
    """A key of the geometries, the fields that shape the network, CRS and options."""
    digest = hashlib.sha1()
    digest.update(repr(options).encode())
    digest.update(str(lines.crs).encode())
    wkb = shapely.to_wkb(np.asarray(lines.geometry.values))
    digest.update(b"-".join(item if item is not None else b"" for item in wkb))
    for column in lines.columns:
        if column == lines.geometry.name or column not in columns:
            continue
        digest.update(str(column).encode())
        digest.update(pd.util.hash_pandas_object(lines[column].astype(str), index=False).values)
    return digest.hexdigest()


def _target_crs(lines, source: CRS, crs) -> CRS:
    if crs is not None:
        return metric_crs(crs)
    if source.is_projected:
        unit = source.axis_info[0].unit_name if source.axis_info else ""
        if unit in ("metre", "meter", "m"):
            return source
        return metric_crs(DEFAULT_CRS)
    try:
        lon, lat = lines.to_crs(4326).geometry.union_all().centroid.coords[0]
    except Exception as exc:
        raise CRSError(
            "No metric CRS could be chosen for the {what}: {error}. Give one (for "
            "example EPSG:25832).",
            what=N_("network layer"),
            error=str(exc),
        ) from None
    zone = int((lon + 180.0) // 6.0) % 60 + 1
    # Europe: ETRS89 / UTM (EPSG:25828-25838); elsewhere WGS 84 / UTM north or south
    europe = 28 <= zone <= 38 and lat > 30
    utm = 25800 + zone if europe else (32600 if lat >= 0 else 32700) + zone
    return CRS.from_user_input(utm)


def _row_label(frame: pd.DataFrame, rows: np.ndarray) -> str:
    labels = [str(int(r) + 1) for r in rows[:10]]
    return ", ".join(labels) + (" …" if len(rows) > 10 else "")


def _highway(frame: pd.DataFrame) -> pd.Series | None:
    for name in _HIGHWAY_FIELDS:
        if name in frame.columns:
            values = frame[name].astype("string").str.strip().str.lower()
            if name == "class" and "subclass" in frame.columns:
                values = values.fillna(frame["subclass"].astype("string").str.lower())
            return values
    return None


def _speeds(frame, cost, profile, speed_field, what) -> np.ndarray:
    """Speed in km/h per row (``inf`` where any speed works, ``nan`` = closed)."""
    n = len(frame)
    highway = _highway(frame)
    if speed_field:
        require_field(frame, speed_field, what=what)
        values = pd.to_numeric(frame[speed_field], errors="coerce").to_numpy(dtype=float)
        geoms = frame.geometry
        has_geom = (geoms.notna() & ~geoms.is_empty).to_numpy()
        bad = has_geom & ~(values > 0)
        if bad.any():
            rows = np.flatnonzero(bad)
            raise DataError(
                "The speed field '{field}' has {n} zero, negative or missing values, in the "
                "rows {rows}. Every line needs a speed above 0 km/h: fix these rows or leave "
                "them out.",
                field=speed_field,
                n=len(rows),
                rows=_row_label(frame, rows),
            )
        speed = values
    elif profile in PROFILE_SPEEDS:
        speed = np.full(n, PROFILE_SPEEDS[profile])
    elif profile == "car":
        if highway is None:
            raise FieldError(
                "The car profile needs the road class in a field 'highway' (OSM) or 'class'; "
                "the {what} has neither. Use a speed field instead.",
                what=what,
            )
        speed = highway.map(CAR_SPEEDS).astype(float).to_numpy()
    else:  # distance without a profile
        speed = np.ones(n)
    if highway is not None and profile in ("walk", "bike"):
        closed = _NO_WALK if profile == "walk" else _NO_BIKE
        speed = np.where(highway.isin(closed).to_numpy(dtype=bool), np.nan, speed)
    if highway is not None and profile == "car" and speed_field:
        drivable = highway.isin(CAR_SPEEDS.keys()).to_numpy(dtype=bool) | highway.isna().to_numpy()
        speed = np.where(drivable, speed, np.nan)
    if cost == "distance":
        speed = np.where(np.isnan(speed), np.nan, 1.0)
    return speed


def _directions(frame, profile, direction_field, fwd, bwd, both, what):
    n = len(frame)
    forward = np.ones(n, dtype=bool)
    backward = np.ones(n, dtype=bool)
    if direction_field:
        require_field(frame, direction_field, what=what)
        values = frame[direction_field].astype("string").str.strip().fillna("")
        values = values.str.replace(r"\.0$", "", regex=True)
        forward = (values != str(bwd)).to_numpy(dtype=bool)
        backward = (values != str(fwd)).to_numpy(dtype=bool)
        # values that are none of the three count as both directions, like QGIS's default
        del both
    elif profile in ("bike", "car") and "oneway" in frame.columns:
        values = frame["oneway"].astype("string").str.strip().str.lower().fillna("")
        forward = (values != "-1").to_numpy(dtype=bool)
        backward = ~values.isin(["yes", "1", "true"]).to_numpy(dtype=bool)
    return forward, backward


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


def _split_at_vertices(parts, part_row):
    """Without noding, lines are still split at vertices shared with other lines."""
    coords, index = shapely.get_coordinates(parts, return_index=True)
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
    rows = np.concatenate([u, v])
    cols = np.concatenate([v, u])
    data = np.concatenate([cost_fw, cost_bw])
    ok = np.isfinite(data) & (rows != cols)
    rows, cols, data = rows[ok], cols[ok], data[ok]
    order = np.lexsort((data, cols, rows))
    rows, cols, data = rows[order], cols[order], data[order]
    first = np.r_[True, (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])]
    return sparse.csr_matrix((data[first], (rows[first], cols[first])), shape=(n, n))


# --- snapping ----------------------------------------------------------------------------
def snap_points(
    network: Network,
    points: gpd.GeoDataFrame,
    *,
    snap_distance: float = 250.0,
    what: str = N_("offers layer"),
) -> Snapped:
    """Snap points to the nearest point on an edge of ``network``.

    Parameters
    ----------
    network
        From :func:`build_network`.
    points
        Points (reprojected to the network's CRS when needed, with a note).
    snap_distance
        Points farther than this (metres) from every edge are not routable.
    what
        How notes and errors name the points.

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
    geoms = np.asarray(points.geometry.values)
    missing = pd.isna(geoms) | shapely.is_empty(geoms)
    # multipoints: their first point
    multi = shapely.get_type_id(geoms) == 4
    if multi.any():
        geoms = geoms.copy()
        geoms[multi] = shapely.get_geometry(geoms[multi], 0)
    not_point = ~missing & (shapely.get_type_id(geoms) != 0)
    if not_point.any():
        geoms = geoms.copy()
        geoms[not_point] = shapely.point_on_surface(geoms[not_point])
    valid = np.flatnonzero(~missing)
    tree = network.tree
    idx_in, idx_edge = tree.query_nearest(geoms[valid], all_matches=False)
    dist = shapely.distance(geoms[valid][idx_in], network.geometry[idx_edge])
    position = valid[idx_in]
    near = dist <= snap_distance
    edge = idx_edge[near]
    frac = shapely.line_locate_point(network.geometry[edge], geoms[position[near]], normalized=True)
    reasons = pd.Series([""] * len(points), dtype=object)
    snap_dist = np.full(len(points), np.nan)
    snap_dist[position] = dist
    far = position[~near]
    reasons.iloc[far] = REASON_FAR
    reasons.iloc[np.flatnonzero(missing)] = REASON_NO_GEOMETRY
    bad = np.zeros(len(points), dtype=bool)
    bad[far] = True
    bad |= missing
    unroutable = points.iloc[np.flatnonzero(bad)].copy()
    unroutable["snap_dist_m"] = np.round(snap_dist[bad], 1)
    unroutable["reason"] = reasons[bad].to_numpy()
    if bad.any():
        notes.append(
            Message(
                UNROUTABLE_NOTE,
                n=int(bad.sum()),
                total=len(points),
                what=what,
                d=f"{snap_distance:g}",
            )
        )
    return Snapped(
        position=position[near],
        edge=edge,
        fraction=np.clip(frac, 0.0, 1.0),
        distance=dist[near],
        unroutable=unroutable,
        notes=notes,
    )


def with_sources(network: Network, snapped: Snapped) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The network graph with one extra node per snapped point (its virtual source).

    Returns the augmented CSR matrix and the node id of every point's source.
    """
    k = len(snapped.edge)
    n = network.n_nodes
    e = snapped.edge
    t = snapped.fraction
    to_u = _times(t, network.cost_bw[e])
    to_v = _times(1.0 - t, network.cost_fw[e])
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


def available_memory() -> int:
    """Bytes of memory available now (Linux), or a fixed fallback."""
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        return DEFAULT_MEMORY_LIMIT


def check_memory(needed: int, limit: int | None, *, what: str) -> None:
    """Refuse a request that would need more than ``limit`` bytes (default: what is free)."""
    if limit is None:
        limit = min(DEFAULT_MEMORY_LIMIT, int(available_memory() * 0.6))
    if needed > limit:
        raise ResourceError(
            "This {what} would need about {need} of memory, more than the {limit} "
            "available. Use fewer points, a smaller maximum cost or break, or a smaller "
            "network.",
            what=what,
            need=human_bytes(needed),
            limit=human_bytes(limit),
        )


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


# --- origin-destination costs ---------------------------------------------------------------
def od_costs(
    network: Network,
    origins: gpd.GeoDataFrame,
    destinations: gpd.GeoDataFrame,
    *,
    max_cost: float,
    snap_distance: float = 250.0,
    memory_limit: int | None = None,
    progress: Progress | None = None,
) -> ODCosts:
    """Travel costs on ``network`` from every origin to every destination within ``max_cost``.

    Parameters
    ----------
    network
        From :func:`build_network`; costs are in its unit (minutes or metres).
    origins, destinations
        Points; snapped to the nearest point on an edge within ``snap_distance``.
    max_cost
        Pairs costing more are left out (one bounded Dijkstra run per origin).
    snap_distance
        Maximum snapping distance in metres.
    memory_limit
        Refuse requests needing more bytes (default: 60 % of free memory, at most
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
    so = snap_points(network, origins, snap_distance=snap_distance, what=N_("origins layer"))
    sd = snap_points(
        network, destinations, snap_distance=snap_distance, what=N_("destinations layer")
    )
    notes += so.notes + sd.notes
    n = network.n_nodes
    k = len(so.edge)
    # the dense chunk matrices and the table: 8 bytes a node per origin in a chunk, and at
    # worst every pair (24 bytes each)
    check_memory(
        24 * k * len(sd.edge) + min(k, 1 + 256 * 1024**2 // (8 * (n + k))) * 8 * (n + k),
        memory_limit,
        what=N_("cost table"),
    )
    graph, src = with_sources(network, so)
    de = sd.edge
    du, dv = network.edge_u[de], network.edge_v[de]
    add_u = _times(sd.fraction, network.cost_fw[de])  # from edge_u forward to the destination
    add_v = _times(1.0 - sd.fraction, network.cost_bw[de])
    frames = []
    for sel, dist in bounded_costs(graph, src, max_cost, progress=progress):
        cost = np.minimum(dist[:, du] + add_u, dist[:, dv] + add_v)
        # origin and destination on the same edge
        same = so.edge[sel][:, None] == de[None, :]
        if same.any():
            oi, di = np.nonzero(same)
            to = so.fraction[sel][oi]
            td = sd.fraction[di]
            e = de[di]
            direct = np.where(
                td >= to,
                _times(td - to, network.cost_fw[e]),
                _times(to - td, network.cost_bw[e]),
            )
            cost[oi, di] = np.minimum(cost[oi, di], direct)
        oi, di = np.nonzero(cost <= max_cost)
        frames.append(
            pd.DataFrame(
                {
                    "origin": so.position[sel][oi].astype(np.int64),
                    "destination": sd.position[di].astype(np.int64),
                    "cost": cost[oi, di].astype(float),
                }
            )
        )
    table = (
        pd.concat(frames, ignore_index=True)
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
