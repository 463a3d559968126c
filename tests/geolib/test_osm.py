"""geolib.osm: OSM files read with pyosmium, cut at topology nodes; the profiles' tag rules."""

import bz2
import gzip
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from scipy import sparse
from scipy.sparse import csgraph

from geolib._progress import Progress
from geolib.errors import CancelledError, SourceError
from geolib.network import build_network
from geolib.osm import _REPORT_EVERY, read_osm_lines
from geolib.profiles import parse_maxspeed
from tests.conftest import DATA

osmium = pytest.importorskip("osmium", reason="python3-pyosmium is not installed")

# one node every 0.001 degrees: about 66 m east-west, 111 m north-south at 53.5° N
LON, LAT = 9.7, 53.5


def node(i, x, y):
    return f'  <node id="{i}" version="1" lat="{LAT + y * 0.001:.7f}" lon="{LON + x * 0.001:.7f}"/>'


def way(i, refs, **tags):
    nds = "".join(f'<nd ref="{r}"/>' for r in refs)
    tag = "".join(f'<tag k="{k.replace("__", ":")}" v="{v}"/>' for k, v in tags.items())
    return f'  <way id="{i}" version="1">{nds}{tag}</way>'


def write_osm(path: Path, nodes, ways) -> Path:
    """An OSM XML file: ``nodes`` {id: (x, y)} in steps of 0.001°, ``ways`` way() lines."""
    body = [node(i, x, y) for i, (x, y) in sorted(nodes.items())] + list(ways)
    text = '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6">\n'
    path.write_text(text + "\n".join(body) + "\n</osm>\n", encoding="utf-8")
    return path


@pytest.fixture(params=["filters", "handler"])
def reader(request, monkeypatch):
    """Both ways of reading: pyosmium 4's C++ filters and the handler of pyosmium 3."""
    import geolib.osm

    if request.param == "filters" and not geolib.osm._has_filters(osmium):
        pytest.skip("pyosmium 3 has no osmium.filter")
    monkeypatch.setattr(geolib.osm, "_FAST", request.param == "filters")
    return request.param


def ends(lines):
    return sorted(zip(lines["node_from"].tolist(), lines["node_to"].tolist()))


def parts(lines):
    """Connected parts of the lines built on their geometry (joined at shared vertices)."""
    net = build_network(lines, cost="distance", profile=None, node=False, snap_tolerance=0)
    return net.n_components


CROSS = {1: (0, 0), 2: (2, 0), 3: (1, -1), 4: (1, 1), 5: (1, 0)}


@pytest.mark.parametrize(
    "kind", [{"bridge": "yes", "layer": "1"}, {"tunnel": "yes", "layer": "-1"}]
)
def test_bridge_or_tunnel_without_shared_node_does_not_connect(reader, tmp_path, kind):
    apart = write_osm(
        tmp_path / "apart.osm",
        CROSS,
        [way(10, [1, 2], highway="primary"), way(11, [3, 4], highway="residential", **kind)],
    )
    lines = read_osm_lines(apart)
    assert ends(lines) == [(1, 2), (3, 4)]
    assert parts(lines) == 2
    over = lines[lines["osm_id"] == 11].iloc[0]
    assert {k: over[k] for k in kind} == kind
    assert lines.crs.to_epsg() == 4326 and lines["node_from"].dtype == np.int64
    # the same crossing with a shared node 5: both ways are cut there and connect
    joined = write_osm(
        tmp_path / "joined.osm",
        CROSS,
        [way(10, [1, 5, 2], highway="primary"), way(11, [3, 5, 4], highway="residential", **kind)],
    )
    lines = read_osm_lines(joined)
    assert ends(lines) == [(1, 5), (3, 5), (5, 2), (5, 4)]
    assert parts(lines) == 1


def test_way_is_cut_where_another_uses_its_middle_node(tmp_path):
    nodes = {1: (0, 0), 2: (1, 0), 3: (2, 0), 4: (3, 0), 5: (1, 1)}
    path = write_osm(
        tmp_path / "t.osm",
        nodes,
        [
            way(10, [1, 2, 3, 4], highway="residential", name="Lange Straße"),
            way(11, [5, 2], highway="service"),
        ],
    )
    lines = read_osm_lines(path)
    assert ends(lines) == [(1, 2), (2, 4), (5, 2)]
    long = lines[lines["osm_id"] == 10]
    assert long["name"].tolist() == ["Lange Straße", "Lange Straße"]
    assert [len(shapely.get_coordinates(g)) for g in long.geometry] == [2, 3]
    assert long["oneway"].isna().all()  # absent tags are None


def test_loop_way_and_node_used_twice_by_one_way(reader, tmp_path):
    nodes = {1: (0, 0), 2: (1, 0), 3: (1, 1), 4: (0, 1), 5: (3, 0), 6: (2, -1), 7: (4, 0)}
    path = write_osm(
        tmp_path / "t.osm",
        nodes,
        [
            way(10, [1, 2, 3, 4, 1], highway="residential"),  # a loop on its own
            way(11, [5, 6, 7, 5, 7], highway="service"),  # visits 5 and 7 twice
        ],
    )
    lines = read_osm_lines(path)
    loop = lines[lines["osm_id"] == 10]
    assert ends(loop) == [(1, 1)] and bool(shapely.is_closed(loop.geometry.iloc[0]))
    assert len(shapely.get_coordinates(loop.geometry.iloc[0])) == 5
    # 5-6-7 | 7-5 | 5-7: cut at the inner visits of 5 and 7
    assert ends(lines[lines["osm_id"] == 11]) == [(5, 7), (5, 7), (7, 5)]


def test_loop_way_is_cut_at_a_node_shared_with_another_way(tmp_path):
    nodes = {1: (0, 0), 2: (1, 0), 3: (1, 1), 4: (0, 1), 5: (2, 0)}
    path = write_osm(
        tmp_path / "t.osm",
        nodes,
        [way(10, [1, 2, 3, 4, 1], highway="residential"), way(11, [2, 5], highway="service")],
    )
    assert ends(read_osm_lines(path)) == [(1, 2), (2, 1), (2, 5)]


def test_ways_with_missing_nodes_are_skipped_and_counted(reader, tmp_path):
    nodes = {1: (0, 0), 2: (1, 0), 3: (2, 0)}
    path = write_osm(
        tmp_path / "t.osm",
        nodes,
        [
            way(10, [1, 2], highway="residential"),
            way(11, [2, 3, 99], highway="residential"),  # node 99 is not in the file
            way(12, [3, 98], highway="track"),
            way(13, [1, 1], highway="service"),  # one distinct node
            way(14, [1, 3], waterway="ditch"),  # not a highway
        ],
    )
    lines = read_osm_lines(path)
    assert lines["osm_id"].tolist() == [10]
    notes = lines.attrs["notes"]
    assert any(n.params.get("n") == 2 and "11, 12" in n for n in notes)
    assert any(n.params.get("n") == 1 and "13" in n and "two distinct" in n for n in notes)


def _many_ways(path: Path, n: int) -> Path:
    """A .pbf with ``n`` short highway ways (written by osmium, as a real extract is)."""
    writer = osmium.SimpleWriter(str(path))  # pyosmium 3: no context manager
    try:
        for i in range(n + 1):
            writer.add_node(osmium.osm.mutable.Node(id=i + 1, location=(LON + i * 1e-4, LAT)))
        for i in range(n):
            writer.add_way(
                osmium.osm.mutable.Way(id=i + 1, nodes=[i + 1, i + 2], tags={"highway": "path"})
            )
    finally:
        writer.close()
    return path


def test_cancel_stops_reading(reader, tmp_path):
    path = _many_ways(tmp_path / "many.osm.pbf", 3 * _REPORT_EVERY)
    seen = []
    checks = []

    def cancelled():
        checks.append(1)
        return len(checks) > 2  # the start and the first report pass, then stop

    with pytest.raises(CancelledError):
        read_osm_lines(path, progress=Progress(seen.append, cancelled))
    assert len(checks) == 3 and max(seen) < 80  # stopped while reading the ways
    everything = read_osm_lines(path, progress=Progress(seen.append))
    assert len(everything) == 3 * _REPORT_EVERY and seen[-1] == 100


NAME_TEXT = 'Große Straße, a=b 100% "x" <y> & z'
NAME = (
    NAME_TEXT.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
)


def test_osm_gz_bz2_and_pbf_read_the_same(reader, tmp_path):
    nodes = {1: (0, 0), 2: (1, 0), 3: (2, 0), 4: (1, 1), 5: (1, -1)}
    path = write_osm(
        tmp_path / "t.osm",
        nodes,
        [
            way(10, [1, 2, 3], highway="primary", maxspeed="50", oneway="yes", name=NAME),
            way(11, [4, 2, 5], highway="footway", bicycle="no", bridge="yes", layer="1"),
        ],
    )
    data = path.read_bytes()
    (tmp_path / "t.osm.gz").write_bytes(gzip.compress(data))
    (tmp_path / "t.osm.bz2").write_bytes(bz2.compress(data))
    writer = osmium.SimpleWriter(str(tmp_path / "t.osm.pbf"))
    try:
        for i, (x, y) in sorted(nodes.items()):
            location = (LON + x * 0.001, LAT + y * 0.001)
            writer.add_node(osmium.osm.mutable.Node(id=i, location=location))
        writer.add_way(
            osmium.osm.mutable.Way(
                id=10,
                nodes=[1, 2, 3],
                tags={"highway": "primary", "maxspeed": "50", "oneway": "yes", "name": NAME_TEXT},
            )
        )
        writer.add_way(
            osmium.osm.mutable.Way(
                id=11,
                nodes=[4, 2, 5],
                tags={"highway": "footway", "bicycle": "no", "bridge": "yes", "layer": "1"},
            )
        )
    finally:
        writer.close()
    xml = read_osm_lines(path)
    assert len(xml) == 4 and set(xml["name"].dropna()) == {NAME_TEXT}
    for name in ("t.osm.gz", "t.osm.bz2", "t.osm.pbf"):
        other = read_osm_lines(tmp_path / name)
        pd.testing.assert_frame_equal(other.drop(columns="geometry"), xml.drop(columns="geometry"))
        assert shapely.equals_exact(other.geometry.values, xml.geometry.values, 1e-9).all()


def test_not_an_osm_file_is_refused(reader, tmp_path):
    with pytest.raises(SourceError, match="does not exist"):
        read_osm_lines(tmp_path / "missing.osm")
    (tmp_path / "lines.gpkg").write_bytes(b"")
    with pytest.raises(SourceError, match=r"\.osm, \.osm\.gz, \.osm\.bz2 or \.pbf"):
        read_osm_lines(tmp_path / "lines.gpkg")
    (tmp_path / "broken.osm").write_text("<osm><way id='1'>", encoding="utf-8")
    with pytest.raises(SourceError, match="could not be read"):
        read_osm_lines(tmp_path / "broken.osm")


# --- the profiles' tag rules on the reader's lines --------------------------------------
ACCESS = [  # tags, open on foot, by bike, by car
    ({"highway": "residential"}, (True, True, True)),
    ({"highway": "residential", "access": "no"}, (False, False, False)),
    ({"highway": "residential", "access": "no", "foot": "yes"}, (True, False, False)),
    ({"highway": "residential", "access": "private"}, (False, False, False)),
    ({"highway": "track", "access": "agricultural"}, (False, False, False)),
    ({"highway": "residential", "motor_vehicle": "no"}, (True, True, False)),
    ({"highway": "residential", "motor_vehicle": "no", "motorcar": "yes"}, (True, True, True)),
    ({"highway": "residential", "vehicle": "private"}, (True, False, False)),
    ({"highway": "residential", "bicycle": "no"}, (True, False, True)),
    ({"highway": "residential", "foot": "private"}, (False, True, True)),
    ({"highway": "service", "access": "no", "bicycle": "designated"}, (False, True, False)),
    ({"highway": "residential", "access": "destination"}, (True, True, True)),
    ({"highway": "footway"}, (True, True, False)),
    ({"highway": "trunk"}, (False, False, True)),
    ({"highway": "trunk", "bicycle": "yes"}, (False, True, True)),
    ({"highway": "steps"}, (True, False, False)),
]


def _separate_ways(tmp_path, tag_list):
    """One two-node way per tag set, 2 steps apart so that none touch."""
    nodes, ways = {}, []
    for k, tags in enumerate(tag_list):
        nodes[2 * k + 1], nodes[2 * k + 2] = (0, 2 * k), (1, 2 * k)
        ways.append(way(100 + k, [2 * k + 1, 2 * k + 2], **tags))
    return read_osm_lines(write_osm(tmp_path / "ways.osm", nodes, ways))


@pytest.mark.parametrize("profile", ["walk", "bike", "car"])
def test_access_tags_per_profile_most_specific_wins(tmp_path, profile):
    lines = _separate_ways(tmp_path, [tags for tags, _ in ACCESS])
    net = build_network(lines, cost="distance", profile=profile, node=False)
    usable = set(lines["osm_id"].to_numpy()[net.source_row].tolist())
    column = ("walk", "bike", "car").index(profile)
    expected = {100 + k for k, (_, open_) in enumerate(ACCESS) if open_[column]}
    assert usable == expected


DIRECTIONS = [  # tags, (forward, backward) by bike, by car
    ({"highway": "residential"}, (True, True), (True, True)),
    ({"highway": "residential", "oneway": "yes"}, (True, False), (True, False)),
    ({"highway": "residential", "oneway": "-1"}, (False, True), (False, True)),
    ({"highway": "residential", "junction": "roundabout"}, (True, False), (True, False)),
    ({"highway": "primary", "junction": "circular"}, (True, False), (True, False)),
    (
        {"highway": "residential", "junction": "roundabout", "oneway": "no"},
        (True, True),
        (True, True),
    ),
    ({"highway": "motorway_link"}, None, (True, False)),
    ({"highway": "motorway", "oneway": "no"}, None, (True, True)),
    (
        {"highway": "residential", "oneway": "yes", "oneway__bicycle": "no"},
        (True, True),
        (True, False),
    ),
    ({"highway": "residential", "oneway__bicycle": "yes"}, (True, False), (True, True)),
    ({"highway": "residential", "oneway": "reversible"}, None, None),
]


@pytest.mark.parametrize("profile", ["walk", "bike", "car"])
def test_one_way_rules_per_profile(tmp_path, profile):
    lines = _separate_ways(tmp_path, [tags for tags, *_ in DIRECTIONS])
    assert lines["oneway_bicycle"].notna().sum() == 2
    net = build_network(lines, cost="distance", profile=profile, node=False)
    got = {
        int(lines["osm_id"].iloc[row]): (bool(np.isfinite(fw)), bool(np.isfinite(bw)))
        for row, fw, bw in zip(net.source_row, net.cost_fw, net.cost_bw)
    }
    for k, (tags, bike, car) in enumerate(DIRECTIONS):
        if profile == "walk":  # walking ignores one-way streets (motorways are closed)
            expected = None if tags["highway"].startswith("motorway") else (True, True)
        else:
            expected = bike if profile == "bike" else car
        assert got.get(100 + k) == expected, tags


@pytest.mark.parametrize(
    ("value", "km_h"),
    [
        ("50", 50.0),
        (" 30 ", 30.0),
        ("20 mph", 32.18688),
        ("10 knots", 18.52),
        ("DE:urban", 50.0),
        ("DE:rural", 100.0),
        ("CH:rural", 80.0),
        ("DE:zone30", 30.0),
        ("DE:zone:20", 20.0),
        ("DE:living_street", 7.0),
        ("walk", 7.0),
        ("50;30", 30.0),
        ("DE:motorway", np.inf),
        ("none", np.inf),
        (None, np.inf),
        ("", np.inf),
        ("signals", None),
        ("variable", None),
        ("fünfzig", None),
        ("0", None),
    ],
)
def test_maxspeed_values(value, km_h):
    assert parse_maxspeed(value) == (pytest.approx(km_h) if km_h is not None else None)


def test_car_speed_is_the_class_speed_capped_by_maxspeed(tmp_path):
    cases = [  # tags, expected km/h
        ({"highway": "primary"}, 70.0),
        ({"highway": "primary", "maxspeed": "30"}, 30.0),
        ({"highway": "residential", "maxspeed": "50"}, 30.0),
        ({"highway": "primary", "maxspeed": "DE:urban"}, 50.0),
        ({"highway": "primary", "maxspeed": "30 mph"}, 48.28032),
        ({"highway": "primary", "maxspeed": "60;40"}, 40.0),
        ({"highway": "motorway", "maxspeed": "none"}, 110.0),
        ({"highway": "primary", "maxspeed": "signals"}, 70.0),
        ({"highway": "secondary", "maxspeed": "sixty"}, 60.0),
    ]
    lines = _separate_ways(tmp_path, [tags for tags, _ in cases])
    net = build_network(lines, cost="time", profile="car", node=False)
    speed = net.length / (net.cost_fw * 1000.0 / 60.0)
    by_way = dict(zip(lines["osm_id"].to_numpy()[net.source_row].tolist(), speed.tolist()))
    for k, (tags, km_h) in enumerate(cases):
        assert by_way[100 + k] == pytest.approx(km_h), tags
    note = [n for n in net.notes if "maxspeed" in n]
    assert len(note) == 1 and note[0].params["n"] == 2 and "'signals'" in note[0]


# --- the bundled real files ---------------------------------------------------------------
@pytest.mark.parametrize("name", ["andorra.osm.pbf", "north-bayreuth.osm.gz"])
def test_real_files_read_the_same_ways_as_gdal_and_connect_by_node_ids(reader, name):
    import pyogrio

    path = DATA / "osm" / name
    lines = read_osm_lines(path)
    source = ("/vsigzip/" if name.endswith(".gz") else "") + str(path.resolve())
    gdal = pyogrio.read_dataframe(source, layer="lines", columns=["osm_id", "highway"])
    gdal_ids = set(gdal.loc[gdal["highway"].notna(), "osm_id"].astype("int64"))
    skipped = lines.attrs["notes"]
    ours = set(lines["osm_id"].tolist())
    assert len(ours) > 1000
    # GDAL puts closed ways with area tags (a pedestrian square) into its polygon layer
    assert gdal_ids - ours == set(), skipped
    extra = ours - gdal_ids
    areas = pyogrio.read_dataframe(source, layer="multipolygons", columns=["osm_way_id"])
    assert extra <= set(areas["osm_way_id"].dropna().astype("int64"))
    assert len(extra) < 0.01 * len(ours)
    # segments between topology nodes: every segment end is a node of the ids' graph,
    # and the parts built on the geometry are the parts of the graph of node ids
    ids, inverse = np.unique(np.r_[lines["node_from"], lines["node_to"]], return_inverse=True)
    n = len(lines)
    graph = sparse.coo_matrix((np.ones(n), (inverse[:n], inverse[n:])), shape=(len(ids),) * 2)
    n_parts, _ = csgraph.connected_components(graph, directed=False)
    assert parts(lines) == n_parts
    start = shapely.get_coordinates(shapely.get_point(lines.geometry.values, 0))
    first_of = pd.DataFrame(start).groupby(lines["node_from"].to_numpy()).nunique()
    assert (first_of == 1).all().all()  # one node id, one place
    net = build_network(lines, cost="time", profile="car")
    assert net.crs.is_projected and net.n_edges > 1000 and np.isinf(net.cost_bw).any()


def test_both_readers_give_the_same_lines(monkeypatch):
    import geolib.osm

    if not geolib.osm._has_filters(osmium):
        pytest.skip("pyosmium 3 has no osmium.filter")
    path = DATA / "osm" / "north-bayreuth.osm.gz"
    filtered = read_osm_lines(path)
    monkeypatch.setattr(geolib.osm, "_FAST", False)
    handled = read_osm_lines(path)
    pd.testing.assert_frame_equal(
        filtered.drop(columns="geometry"), handled.drop(columns="geometry")
    )
    assert shapely.equals_exact(filtered.geometry.values, handled.geometry.values, 0).all()


def test_utm_zone_from_the_centre_of_the_bounding_box():
    import geopandas as gpd
    from shapely.geometry import LineString

    # long lines west of 12° E (zone 32) and one short line at 13° E (zone 33): the
    # centre of the bounding box (12.25° E) is in zone 33, the lines' mean in zone 32
    west = [LineString([(11.5, 53.0 + k * 0.01), (11.9, 53.0 + k * 0.01)]) for k in range(5)]
    lines = gpd.GeoDataFrame(geometry=[*west, LineString([(12.9, 53.0), (13.0, 53.0)])], crs=4326)
    net = build_network(lines, cost="distance", profile=None)
    assert net.crs.to_epsg() == 25833
    south = gpd.GeoDataFrame(geometry=[LineString([(-58.4, -34.6), (-58.3, -34.6)])], crs=4326)
    assert build_network(south, cost="distance", profile=None).crs.to_epsg() == 32721


def test_without_pyosmium_the_error_says_how_to_install_it(tmp_path, monkeypatch):
    import sys

    path = write_osm(tmp_path / "t.osm", {1: (0, 0), 2: (1, 0)}, [way(1, [1, 2], highway="path")])
    monkeypatch.setitem(sys.modules, "osmium", None)  # import osmium raises ImportError
    with pytest.raises(SourceError, match="apt install python3-pyosmium") as info:
        read_osm_lines(path)
    assert "pip install osmium" in str(info.value)
