"""The project's network costs against pgRouting on the same OSM file and the same model.

Used by tests/geolib/test_pgrouting.py, scripts/compare_pgrouting.py and
bench/bench_pgrouting.py.

pgRouting side: the OSM file is converted to OSM XML with ``osmium cat`` and imported
with ``osm2pgrouting`` (ways split where they share OSM nodes), with a map configuration
that keeps every ``highway`` value of the file; :func:`edges_sql` then applies the
project's profile in SQL: on foot every class but :data:`geolib.profiles._NO_WALK`, cost
``length_m`` both ways; by car the classes of :data:`geolib.profiles.CAR_SPEEDS` at those
speeds (minutes), one-ways as osm2pgrouting reads them (``reverse_cost = -1``).
``pgr_drivingDistance`` gives the cost of every vertex within the limit of every start.

Project side: :func:`geolib.osm.read_osm_lines` → :func:`geolib.network.build_network`
→ a bounded Dijkstra per start on ``Network.graph`` (what the catchments run).

Nodes are matched by OSM node id when the network has ``node_id`` (pgRouting's
``ways_vertices_pgr.osm_id``), otherwise by position (within :data:`MATCH_M`).
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from pyproj import Transformer
from scipy.sparse import csgraph
from scipy.spatial import cKDTree

from geolib import profiles
from geolib.profiles import _NO_WALK, CAR_SPEEDS

ROOT = Path(__file__).resolve().parent.parent
OSM_FILES = {
    "north-bayreuth": ROOT / "data" / "osm" / "north-bayreuth.osm.gz",
    "andorra": ROOT / "data" / "osm" / "andorra.osm.pbf",
}
#: the limits compared: 800 m on foot, 3 minutes by car
LIMITS = {"walk": 800.0, "car": 3.0}
#: the criteria of issue #12
COST_TOLERANCE = 0.005  # relative
MIN_AGREEING = 0.99  # of the nodes both reach
MAX_ONE_SIDED = 0.01  # of the nodes either reaches
MATCH_M = 0.05  # metres between a pgRouting vertex and a project node
N_STARTS = 100
SEED = 12


def tools_missing() -> str | None:
    """Why the OSM import cannot run here, or ``None``."""
    import shutil

    for tool, package in (("osmium", "osmium-tool"), ("osm2pgrouting", "osm2pgrouting")):
        if shutil.which(tool) is None:
            return f"{tool} not installed (Debian: {package})"
    return None


# --- pgRouting ------------------------------------------------------------------------------
def _highway_values(osm_xml: Path) -> list[str]:
    out = subprocess.run(
        ["osmium", "tags-count", "-t", "w", str(osm_xml), "highway=*"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return sorted(line.split("\t")[2].strip('"') for line in out.splitlines() if line.strip())


def _mapconfig(values: list[str]) -> str:
    from xml.sax.saxutils import quoteattr

    rows = "".join(
        f"    <tag_value name={quoteattr(v)} id={quoteattr(str(100 + i))} />\n"
        for i, v in enumerate(values)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n'
        f'  <tag_name name="highway" id="1">\n{rows}  </tag_name>\n</configuration>\n'
    )


def import_osm(cluster, osm_file: Path, dbname: str) -> str:
    """Import ``osm_file`` into a new database ``dbname`` with osm2pgrouting."""
    cluster.create_database(dbname, ("postgis", "pgrouting"))
    with tempfile.TemporaryDirectory(prefix="sozialplanung-osm-") as tmp:
        xml = Path(tmp) / "data.osm"
        subprocess.run(
            # without relations: osm2pgrouting gives the ways of a relation whose tags
            # match its configuration another class (a residential road in a bicycle
            # route became tertiary); routing here uses no relation
            ["osmium", "cat", "-t", "node", "-t", "way", "-O", "-o", str(xml), str(osm_file)],
            check=True,
            capture_output=True,
        )
        conf = Path(tmp) / "mapconfig.xml"
        conf.write_text(_mapconfig(_highway_values(xml)))
        args = cluster.client_args(dbname)
        proc = subprocess.run(
            ["osm2pgrouting", "-f", str(xml), "-c", str(conf), "--clean", *args],
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"osm2pgrouting failed: {proc.stdout[-2000:]}{proc.stderr}")
        # the tags the profiles read, per way (osm2pgrouting keeps them only with
        # --addnodes, which crashes on north-bayreuth)
        cols = ", ".join(f"{k} text" for k in WAY_TAGS)
        cluster.psql(f"CREATE TABLE osm_way_tags (osm_id bigint PRIMARY KEY, {cols});", dbname)
        cluster.copy_in("osm_way_tags", way_tags(xml), dbname)
    return dbname


#: the tags of a way that the profiles read
WAY_TAGS = (
    "highway",
    "oneway",
    "junction",
    "access",
    "foot",
    "vehicle",
    "motor_vehicle",
    "motorcar",
)


def way_tags(osm_xml: Path) -> pd.DataFrame:
    """:data:`WAY_TAGS` of every way with a ``highway`` tag in an OSM XML file."""
    import xml.etree.ElementTree as ET

    rows = []
    for _, elem in ET.iterparse(osm_xml, events=("end",)):
        if elem.tag == "way":
            tags = {t.get("k"): t.get("v") for t in elem.iter("tag")}
            if "highway" in tags:
                rows.append([int(elem.get("id")), *(tags.get(k) for k in WAY_TAGS)])
            elem.clear()
        elif elem.tag in ("node", "relation"):
            elem.clear()
    return pd.DataFrame(rows, columns=["osm_id", *WAY_TAGS])


def _sql_list(values) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(values))


#: the project's access values that close a way (the SQL side applies the same model)
CLOSED_ACCESS = tuple(sorted(profiles.CLOSED_ACCESS))
#: access tags per profile, the most specific first
ACCESS_TAGS = {
    "walk": ("foot", "access"),
    "car": ("motorcar", "motor_vehicle", "vehicle", "access"),
}


def _tag(key: str) -> str:
    return f"lower(trim(o.{key}))"


def edges_sql(profile: str, *, tags: bool = True) -> str:
    """The edges of ``profile`` for pgRouting (id, source, target, cost, reverse_cost).

    On foot: every class but motorways and trunks (unless ``foot`` opens them), cost
    ``length_m`` both ways. By car: the classes of :data:`CAR_SPEEDS` at those speeds, in
    minutes. With ``tags`` (the model of issue #12), from the OSM tags: the most specific
    access tag of the profile closes a way with a value of :data:`CLOSED_ACCESS`; car
    one-ways from ``oneway`` (yes/1/true along, -1/reverse against, reversible/alternating
    closed), without it implied by ``junction=roundabout|circular`` and
    ``highway=motorway|motorway_link``. Without ``tags``: no access rules and one-ways as
    osm2pgrouting reads them (``ways.oneway``), the model of main before #12.
    """
    # the class from the way's own highway tag (osm2pgrouting's tag_id as a check:
    # import_osm leaves out the relations that change it)
    base = "FROM ways w JOIN osm_way_tags o ON o.osm_id = w.osm_id "
    access = "COALESCE(" + ", ".join(_tag(k) for k in ACCESS_TAGS[profile]) + ")"
    is_open = f"({access} IS NULL OR {access} NOT IN ({_sql_list(CLOSED_ACCESS)}))"
    if profile == "walk":
        classes = f"o.highway NOT IN ({_sql_list(_NO_WALK)})"
        where = classes
        if tags:
            foot = _tag("foot")
            where = f"CASE WHEN {foot} IS NOT NULL THEN {is_open} ELSE {classes} AND {is_open} END"
        return (
            "SELECT w.gid AS id, w.source, w.target, w.length_m AS cost, "
            f"w.length_m AS reverse_cost {base}WHERE {where}"
        )
    if profile == "car":
        speeds = ", ".join(f"('{k}', {v!r})" for k, v in CAR_SPEEDS.items())
        minutes = "w.length_m / (s.kmh * 1000.0 / 60.0)"
        if tags:
            oneway = _tag("oneway")
            implied = (
                f"({_tag('junction')} IN ('roundabout', 'circular') "
                "OR o.highway IN ('motorway', 'motorway_link'))"
            )
            closed = f"{oneway} IN ('reversible', 'alternating')"
            along = f"({oneway} IN ('yes', '1', 'true') OR ({oneway} IS NULL AND {implied}))"
            against = f"{oneway} IN ('-1', 'reverse')"
            where = f"WHERE {is_open}"
        else:
            closed = "false"
            along, against = "w.oneway = 'YES'", "w.oneway = 'REVERSED'"
            where = ""
        return (
            f"SELECT w.gid AS id, w.source, w.target, "
            f"CASE WHEN {closed} OR {against} THEN -1 ELSE {minutes} END AS cost, "
            f"CASE WHEN {closed} OR {along} THEN -1 ELSE {minutes} END AS reverse_cost "
            f"{base}JOIN (VALUES {speeds}) AS s(highway, kmh) ON s.highway = o.highway "
            f"{where}"
        )
    raise ValueError(profile)


def pgr_vertices(cluster, dbname: str, profile: str, *, tags: bool = True) -> pd.DataFrame:
    """The vertices on the edges of ``profile``: id, osm_id, lon, lat."""
    return cluster.query(
        "SELECT v.id, v.osm_id, v.lon::float8 AS lon, v.lat::float8 AS lat "
        "FROM ways_vertices_pgr v WHERE v.id IN "
        f"(SELECT source FROM ({edges_sql(profile, tags=tags)}) e UNION "
        f"SELECT target FROM ({edges_sql(profile, tags=tags)}) e) ORDER BY v.id",
        dbname,
    )


def pgr_costs(
    cluster, dbname: str, profile: str, starts, limit: float, *, tags: bool = True
) -> pd.DataFrame:
    """``pgr_drivingDistance`` from every start (separately): start, node, cost and the
    edge (``ways.gid``) that reaches the node."""
    sql = edges_sql(profile, tags=tags).replace("'", "''")
    array = "ARRAY[" + ",".join(str(int(s)) for s in starts) + "]::bigint[]"
    frame = cluster.query(
        f"SELECT * FROM pgr_drivingDistance('{sql}', {array}, {float(limit)!r}, "
        "directed => true, equicost => false)",
        dbname,
    )
    start = "start_vid" if "start_vid" in frame.columns else "from_v"  # 3.6 renamed it
    return pd.DataFrame(
        {
            "start": frame[start].to_numpy(np.int64),
            "node": frame["node"].to_numpy(np.int64),
            "cost": frame["agg_cost"].to_numpy(float),
            "edge": frame["edge"].to_numpy(np.int64),
        }
    )


def way_ids_at(cluster, dbname: str, vertices) -> pd.DataFrame:
    """OSM way ids of the pgRouting edges at each vertex: vertex, osm_ids."""
    ids = ",".join(str(int(v)) for v in vertices) or "-1"
    return cluster.query(
        "SELECT v AS vertex, string_agg(DISTINCT osm_id::text, ' ') AS osm_ways FROM "
        f"(SELECT source AS v, osm_id FROM ways WHERE source IN ({ids}) UNION ALL "
        f"SELECT target, osm_id FROM ways WHERE target IN ({ids})) x GROUP BY v",
        dbname,
    )


# --- the project ----------------------------------------------------------------------------
def project_network(osm_file: Path, profile: str, lines=None):
    """The project's network of ``osm_file`` for the compared model.

    Walking by distance (metres), car by time (minutes) from the highway class alone:
    the ``maxspeed`` column is left out so that both sides use :data:`CAR_SPEEDS`.
    """
    from geolib.network import build_network, clear_cache
    from geolib.osm import read_osm_lines

    if lines is None:
        lines = read_osm_lines(osm_file)
    clear_cache()
    if profile == "walk":
        return build_network(lines, cost="distance", profile="walk"), lines
    car = lines.drop(columns=["maxspeed"], errors="ignore")
    return build_network(car, cost="time", profile="car"), lines


def project_costs(network, nodes: np.ndarray, limit: float, *, predecessors: bool = False):
    """Bounded Dijkstra from each node separately: one row of node costs per start
    (and of predecessors, with ``predecessors=True``)."""
    result = csgraph.dijkstra(
        network.graph,
        directed=True,
        indices=nodes,
        limit=limit,
        return_predecessors=predecessors,
    )
    if predecessors:
        return np.atleast_2d(result[0]), np.atleast_2d(result[1])
    return np.atleast_2d(result)


# --- matching and comparing -------------------------------------------------------------
def match_nodes(network, vertices: pd.DataFrame) -> np.ndarray:
    """The project node of every pgRouting vertex (-1 where there is none)."""
    node_id = getattr(network, "node_id", None)
    if node_id is not None:
        index = pd.Index(np.asarray(node_id))
        return index.get_indexer(vertices["osm_id"].to_numpy())
    to_net = Transformer.from_crs(4326, network.crs, always_xy=True)
    x, y = to_net.transform(vertices["lon"].to_numpy(), vertices["lat"].to_numpy())
    d, j = cKDTree(network.node_xy).query(np.column_stack([x, y]))
    return np.where(d <= MATCH_M, j, -1)


def pick_starts(vertices: pd.DataFrame, match: np.ndarray, n: int = N_STARTS, seed: int = SEED):
    """``n`` seeded vertices present on both sides: (pgRouting ids, project nodes)."""
    both = np.flatnonzero(match >= 0)
    rng = np.random.default_rng(seed)
    pick = np.sort(rng.choice(both, size=min(n, len(both)), replace=False))
    return vertices["id"].to_numpy()[pick], match[pick]


@dataclass
class Agreement:
    """How the node costs of both sides agree over all (start, node) pairs."""

    both: int  # pairs both reach within the limit
    agreeing: int  # of those, costs within COST_TOLERANCE
    only_pgrouting: int
    only_project: int
    pgrouting_reached: int
    project_reached: int
    #: one row per disagreeing pair: start, pgRouting vertex, project node (-1: none),
    #: both costs, kind ("cost", "only pgRouting", "only project"), x, y
    detail: pd.DataFrame = field(repr=False)

    @property
    def agreeing_share(self) -> float:
        return self.agreeing / max(self.both, 1)

    @property
    def one_sided_share(self) -> float:
        union = self.both + self.only_pgrouting + self.only_project
        return (self.only_pgrouting + self.only_project) / max(union, 1)

    def summary(self) -> str:
        return (
            f"costs within {COST_TOLERANCE:.1%} for {self.agreeing_share:.2%} of "
            f"{self.both} pairs both reach; one-sided {self.one_sided_share:.2%} "
            f"(only pgRouting {self.only_pgrouting} of {self.pgrouting_reached}, only the "
            f"project {self.only_project} of {self.project_reached})"
        )


def pgr_edges(cluster, dbname: str, profile: str, crs, *, tags: bool = True) -> pd.DataFrame:
    """The edges of ``profile`` with their geometry in ``crs`` (column ``geometry``)."""
    import shapely

    frame = cluster.query(
        f"SELECT e.*, ST_AsText(w.the_geom) AS wkt FROM ({edges_sql(profile, tags=tags)}) e "
        "JOIN ways w ON w.gid = e.id",
        dbname,
    )
    to_net = Transformer.from_crs(4326, crs, always_xy=True)
    geoms = shapely.from_wkt(frame.pop("wkt").to_numpy())
    frame["geometry"] = shapely.transform(
        geoms, lambda xy: np.column_stack(to_net.transform(xy[:, 0], xy[:, 1]))
    )
    return frame


@dataclass
class Points:
    """The points compared: every pgRouting vertex of the profile, then every project node
    that is no pgRouting vertex. Each side's cost at a point is its node's cost, or, where
    the point lies inside one of its edges (a vertex the other side does not split at), the
    cheaper of the two ends plus the part of the edge; elsewhere ``inf`` (not on its network).
    """

    vid: np.ndarray  # pgRouting vertex id or -1
    node: np.ndarray  # project node or -1
    xy: np.ndarray
    # project: node (>= 0), else edge (>= 0) and fraction t from edge_u
    our_edge: np.ndarray
    our_t: np.ndarray
    # pgRouting: vertex position (>= 0), else edge row (>= 0) and fraction t from source
    pgr_pos: np.ndarray
    pgr_edge: np.ndarray
    pgr_t: np.ndarray


def _on_edges(geoms, tree, points) -> tuple[np.ndarray, np.ndarray]:
    import shapely

    edge = np.full(len(points), -1, dtype=np.int64)
    t = np.zeros(len(points))
    if len(points):
        pts = shapely.points(points)
        idx = tree.query_nearest(pts, max_distance=MATCH_M, all_matches=False)
        edge[idx[0]] = idx[1]
        lines = geoms[idx[1]]
        length = shapely.length(lines)
        along = shapely.line_locate_point(lines, pts[idx[0]])
        t[idx[0]] = np.divide(along, length, out=np.zeros(len(along)), where=length > 0)
    return edge, t


def compared_points(network, vertices: pd.DataFrame, match: np.ndarray, edges) -> Points:
    """Where the two sides are compared (see :class:`Points`)."""
    import shapely

    to_net = Transformer.from_crs(4326, network.crs, always_xy=True)
    x, y = to_net.transform(vertices["lon"].to_numpy(), vertices["lat"].to_numpy())
    vxy = np.column_stack([x, y])
    extra = np.setdiff1d(np.arange(network.n_nodes), match[match >= 0])
    xy = np.vstack([vxy, network.node_xy[extra]])
    n_v, n_x = len(vxy), len(extra)
    node = np.concatenate([match, extra])
    our_edge, our_t = _on_edges(network.geometry, network.tree, xy)
    our_edge[node >= 0] = -1
    pgr_geoms = edges["geometry"].to_numpy()
    pgr_edge, pgr_t = _on_edges(pgr_geoms, shapely.STRtree(pgr_geoms), xy)
    pgr_pos = np.concatenate([np.arange(n_v), np.full(n_x, -1)])
    pgr_edge[pgr_pos >= 0] = -1
    return Points(
        vid=np.concatenate([vertices["id"].to_numpy(), np.full(n_x, -1)]),
        node=node,
        xy=xy,
        our_edge=our_edge,
        our_t=our_t,
        pgr_pos=pgr_pos,
        pgr_edge=pgr_edge,
        pgr_t=pgr_t,
    )


def _at_points(at_node, node, edge, t, u, v, c_fw, c_bw) -> np.ndarray:
    """Costs at points from node costs ``at_node``: nodes, edge interiors, else inf."""
    out = np.full(len(node), np.inf)
    has = node >= 0
    out[has] = at_node[node[has]]
    on = edge >= 0
    e, f = edge[on], t[on]
    with np.errstate(invalid="ignore"):
        via_u = at_node[u[e]] + f * c_fw[e]
        via_v = at_node[v[e]] + (1 - f) * c_bw[e]
    out[on] = np.fmin(via_u, via_v)
    return out


def compare(network, points: Points, edges, start_vids, pgr: pd.DataFrame, ours, limit):
    """Compare pgRouting's and the project's costs (both computed beyond ``limit``).

    A point counts as reached by one side only when the other does not reach it within
    ``limit × (1 + COST_TOLERANCE)``: a point just beyond the limit on one side is a
    cost difference, not a missed node.
    """
    slack = limit * (1 + COST_TOLERANCE)
    n_v = int((points.pgr_pos >= 0).sum())
    pos_of = pd.Series(np.arange(n_v), index=points.vid[:n_v])
    src = pos_of.reindex(edges["source"].to_numpy()).to_numpy(np.int64)
    tgt = pos_of.reindex(edges["target"].to_numpy()).to_numpy(np.int64)
    p_fw = np.where(edges["cost"].to_numpy() < 0, np.inf, edges["cost"].to_numpy())
    p_bw = np.where(edges["reverse_cost"].to_numpy() < 0, np.inf, edges["reverse_cost"].to_numpy())
    o_fw = np.asarray(network.cost_fw)
    o_bw = np.asarray(network.cost_bw)
    rows = []
    counts = dict.fromkeys(("both", "agree", "only_p", "only_o", "reach_p", "reach_o"), 0)
    by_start = dict(tuple(pgr.groupby("start", sort=False)))
    for i, vid in enumerate(start_vids):
        at_vertex = np.full(n_v, np.inf)
        group = by_start.get(int(vid))
        if group is not None:
            at_vertex[pos_of.reindex(group["node"].to_numpy()).to_numpy(np.int64)] = group[
                "cost"
            ].to_numpy()
        p_cost = _at_points(
            at_vertex, points.pgr_pos, points.pgr_edge, points.pgr_t, src, tgt, p_fw, p_bw
        )
        o_cost = _at_points(
            ours[i],
            points.node,
            points.our_edge,
            points.our_t,
            network.edge_u,
            network.edge_v,
            o_fw,
            o_bw,
        )
        p_in, o_in = p_cost <= limit, o_cost <= limit
        both = (p_in | o_in) & (p_cost <= slack) & (o_cost <= slack)
        agree = both & (np.abs(p_cost - o_cost) <= COST_TOLERANCE * np.fmax(p_cost, o_cost) + 1e-9)
        only_p = p_in & ~(o_cost <= slack)
        only_o = o_in & ~(p_cost <= slack)
        counts["both"] += int(both.sum())
        counts["agree"] += int(agree.sum())
        counts["only_p"] += int(only_p.sum())
        counts["only_o"] += int(only_o.sum())
        counts["reach_p"] += int(p_in.sum())
        counts["reach_o"] += int(o_in.sum())
        bad = np.flatnonzero((both & ~agree) | only_p | only_o)
        kind = np.where(only_o[bad], "only project", "cost")
        kind = np.where(only_p[bad], "only pgRouting", kind)
        rows.append(
            pd.DataFrame(
                {
                    "start": int(vid),
                    "vertex": points.vid[bad],
                    "node": points.node[bad],
                    "pgr_cost": p_cost[bad],
                    "our_cost": o_cost[bad],
                    "kind": kind,
                    "x": points.xy[bad, 0],
                    "y": points.xy[bad, 1],
                }
            )
        )
    return Agreement(
        both=counts["both"],
        agreeing=counts["agree"],
        only_pgrouting=counts["only_p"],
        only_project=counts["only_o"],
        pgrouting_reached=counts["reach_p"],
        project_reached=counts["reach_o"],
        detail=pd.concat(rows, ignore_index=True),
    )


@dataclass
class Comparison:
    """Everything one comparison computed (see :func:`run_comparison`)."""

    name: str
    profile: str
    limit: float
    network: object
    lines: object
    vertices: pd.DataFrame
    match: np.ndarray
    start_vids: np.ndarray
    start_nodes: np.ndarray
    pgr: pd.DataFrame
    ours: np.ndarray
    predecessors: np.ndarray
    agreement: Agreement


def run_comparison(
    cluster, dbname, osm_file, profile, *, lines=None, n_starts=N_STARTS, limit=None, tags=True
) -> Comparison:
    """Compare ``profile`` on ``osm_file`` (a path or a name of :data:`OSM_FILES`),
    imported into ``dbname`` by :func:`import_osm`; ``tags``: see :func:`edges_sql`."""
    path = Path(OSM_FILES.get(osm_file, osm_file))
    limit = LIMITS[profile] if limit is None else limit
    network, lines = project_network(path, profile, lines)
    vertices = pgr_vertices(cluster, dbname, profile, tags=tags)
    match = match_nodes(network, vertices)
    start_vids, start_nodes = pick_starts(vertices, match, n_starts)
    reach = limit * (1 + 2 * COST_TOLERANCE)
    pgr = pgr_costs(cluster, dbname, profile, start_vids, reach, tags=tags)
    ours, pred = project_costs(network, start_nodes, reach, predecessors=True)
    edges = pgr_edges(cluster, dbname, profile, network.crs, tags=tags)
    points = compared_points(network, vertices, match, edges)
    agreement = compare(network, points, edges, start_vids, pgr, ours, limit)
    return Comparison(
        path.name,
        profile,
        limit,
        network,
        lines,
        vertices,
        match,
        start_vids,
        start_nodes,
        pgr,
        ours,
        pred,
        agreement,
    )
