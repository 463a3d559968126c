"""sozialplanung:catchments in real QGIS Processing, and parity with QGIS's service area."""

import sqlite3

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from qgis.core import (
    QgsApplication,
    QgsGraduatedSymbolRenderer,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from geolib.io import read_provenance, read_vector
from tests._qgis import memory_layer as _memory_layer
from tests._qgis import run_algorithm, run_algorithm_error
from tests.conftest import DATA, KREIS_GPKG

ALG = "sozialplanung:catchments"
WEDEL = f"{KREIS_GPKG}|layername=osm_strassen_wedel_detail"
GEMEINDEN = f"{KREIS_GPKG}|layername=gemeinden"


@pytest.fixture(scope="module")
def wedel_offers():
    """Five points on or near Wedel's streets (from the network's own vertices)."""
    streets = read_vector(KREIS_GPKG, layer="osm_strassen_wedel_detail")
    coords = shapely.get_coordinates(streets.geometry.values)
    rng = np.random.default_rng(3)
    picks = coords[rng.choice(len(coords), 5, replace=False)] + [7.0, -4.0]
    rows = [(f"POINT({x} {y})", [f"w{i}"]) for i, (x, y) in enumerate(picks)]
    return _memory_layer("Point?crs=EPSG:25832&field=offer_id:string", rows)


def _layer(value):
    return value if isinstance(value, QgsVectorLayer) else QgsProject.instance().mapLayer(value)


def test_registered_with_help():
    alg = QgsApplication.processingRegistry().algorithmById(ALG)
    assert alg is not None and alg.displayName() == "Catchments"
    names = {p.name() for p in alg.parameterDefinitions()}
    assert {
        "NETWORK",
        "NETWORK_FILE",
        "OFFERS",
        "MODE",
        "COST",
        "PROFILE",
        "SPEED_FIELD",
        "DIRECTION_FIELD",
        "VALUE_FORWARD",
        "VALUE_BACKWARD",
        "VALUE_BOTH",
        "BREAKS",
        "OVERLAP",
        "RINGS",
        "SNAP_DISTANCE",
        "WALKOFF_DISTANCE",
        "POPULATION",
        "POPULATION_FIELD",
        "AREAS",
        "LAND_SHARE_FIELD",
        "OUTPUT",
        "OUTPUT_LINES",
        "OUTPUT_UNROUTABLE",
        "OUTPUT_POPULATION",
        "OUTPUT_NODES",
        "DIRECTION",
        "NODING",
        "ISLANDS",
        "OFFER_ID_FIELD",
    } <= names
    assert "break_min" in alg.shortHelpString()


def test_walking_catchments_on_real_wedel_streets_written_styled(examples, tmp_path):
    out = tmp_path / "catch.gpkg"
    lines_out = tmp_path / "lines.gpkg"
    unroutable_out = tmp_path / "unroutable.gpkg"
    pop_out = tmp_path / "pop.gpkg"
    _results, feedback = run_algorithm(
        ALG,
        {
            "NETWORK": WEDEL,
            "OFFERS": str(examples["offers"]),
            "BREAKS": "5,10,15",
            "OVERLAP": 0,
            "POPULATION": GEMEINDEN,
            "POPULATION_FIELD": "EWZ_2018",
            "OUTPUT": str(out),
            "OUTPUT_LINES": str(lines_out),
            "OUTPUT_UNROUTABLE": str(unroutable_out),
            "OUTPUT_POPULATION": str(pop_out),
        },
    )
    areas = read_vector(out)
    offers = read_vector(examples["offers"], layer="offers")
    unroutable = read_vector(unroutable_out)
    # every offer is either routed (three areas) or listed as unroutable with a reason
    assert len(areas) == 3 * (len(offers) - len(unroutable))
    assert 0 < len(unroutable) < len(offers)
    assert unroutable["reason"].str.startswith("farther than").all()
    assert (unroutable["snap_dist_m"] > 250).all()
    assert {"offer_id", "break_no", "break_min", "population"} <= set(areas.columns)
    assert sorted(areas["break_min"].unique()) == [5.0, 10.0, 15.0]
    lines = read_vector(lines_out)
    assert lines["to_min"].max() <= 15.0 + 1e-9 and {"from_min", "to_min"} <= set(lines.columns)
    pop = read_vector(pop_out)
    assert len(pop) == 49 * 3
    assert np.allclose(pop["reached"] + pop["unreached"], pop["EWZ_2018"])
    assert pop.loc[pop.GEN == "Wedel", "reached"].max() > 0
    assert "not routable" in feedback.text
    con = sqlite3.connect(out)
    styled = con.execute("SELECT f_table_name FROM layer_styles").fetchall()
    con.close()
    assert len(styled) == 1
    layer = QgsVectorLayer(str(out), "c", "ogr")
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
    assert layer.renderer().classAttribute() == "break_no"
    assert read_provenance(out, styled[0][0])["synthetic"] is True


def test_node_costs_output_is_styled_and_agrees_with_the_lines(wedel_offers, tmp_path):
    out = tmp_path / "nodes.gpkg"
    results, _ = run_algorithm(
        ALG,
        {
            "NETWORK": WEDEL,
            "OFFERS": wedel_offers,
            "COST": 1,
            "BREAKS": "200,400",
            "OVERLAP": 1,
            "OUTPUT": "memory:",
            "OUTPUT_LINES": "memory:",
            "OUTPUT_NODES": str(out),
        },
    )
    nodes = read_vector(out)
    assert {"node", "offer_id", "break_no", "cost_m"} <= set(nodes.columns)
    assert 0 < nodes["cost_m"].max() <= 400.0
    assert set(nodes["offer_id"]) <= {f"w{i}" for i in range(5)}
    assert (nodes.loc[nodes["break_no"] == 1, "cost_m"] <= 200.0).all()
    assert (nodes.loc[nodes["break_no"] == 2, "cost_m"] > 200.0).all()
    # every node lies on a reached line, and the line costs there match the node's cost
    lines = _layer(results["OUTPUT_LINES"])
    ends = {}
    for f in lines.getFeatures():
        xy = shapely.get_coordinates(shapely.from_wkb(bytes(f.geometry().asWkb())))
        for x, y in (xy[0], xy[-1]):  # costs may fall along the digitising direction
            ends.setdefault((round(x, 3), round(y, 3)), []).extend([f["from_m"], f["to_m"]])
    xy = shapely.get_coordinates(nodes.geometry.values)
    matched = 0
    for (x, y), cost in zip(xy, nodes["cost_m"]):
        costs = ends.get((round(x, 3), round(y, 3)))
        assert costs is not None
        if any(abs(c - cost) < 1e-6 for c in costs):
            matched += 1

    assert matched == len(nodes)
    layer = QgsVectorLayer(str(out), "n", "ogr")
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
    # the legend says the breaks (from the stored style)
    assert [r.label() for r in layer.renderer().ranges()] == ["up to 200 m", "up to 400 m"]


def test_node_costs_in_distance_mode_say_why_they_are_empty(wedel_offers, tmp_path):
    out = tmp_path / "nodes.gpkg"
    _results, feedback = run_algorithm(
        ALG,
        {
            "OFFERS": wedel_offers,
            "MODE": 1,
            "COST": 1,
            "BREAKS": "300",
            "OUTPUT": "memory:",
            "OUTPUT_NODES": str(out),
        },
    )
    layer = QgsVectorLayer(str(out), "n", "ogr")
    # an empty layer, still of points with the node fields and styled
    assert layer.isValid() and layer.featureCount() == 0
    assert QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.GeometryType.PointGeometry
    assert {"node", "offer_id", "break_no", "cost_m"} <= set(layer.fields().names())
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
    assert "network mode" in feedback.text


def test_lines_only_when_the_areas_are_skipped(wedel_offers):
    common = {"NETWORK": WEDEL, "OFFERS": wedel_offers, "BREAKS": "5,10", "RINGS": True}
    results, _ = run_algorithm(ALG, {**common, "OUTPUT_LINES": "memory:"})
    assert "OUTPUT" not in results or results["OUTPUT"] is None
    lines = _layer(results["OUTPUT_LINES"])
    both, _ = run_algorithm(ALG, {**common, "OUTPUT": "memory:", "OUTPUT_LINES": "memory:"})
    # the same reached lines as with the areas
    assert lines.featureCount() == _layer(both["OUTPUT_LINES"]).featureCount() > 0
    assert _layer(both["OUTPUT"]).featureCount() > 0


def test_all_outputs_skipped_is_refused(wedel_offers):
    message = run_algorithm_error(ALG, {"NETWORK": WEDEL, "OFFERS": wedel_offers, "BREAKS": "5"})
    assert "choose at least one" in message


def test_distance_catchments_for_the_kreis_with_population_per_municipality(examples):
    results, _ = run_algorithm(
        ALG,
        {
            "OFFERS": str(examples["offers"]),
            "MODE": 1,
            "COST": 1,
            "BREAKS": "1000,2000",
            "OVERLAP": 1,
            "POPULATION": GEMEINDEN,
            "POPULATION_FIELD": "EWZ_2018",
            "OUTPUT": "memory:",
            "OUTPUT_LINES": "memory:",
            "OUTPUT_UNROUTABLE": "memory:",
            "OUTPUT_POPULATION": "memory:",
        },
    )
    # straight lines reach no streets: the lines output is there, empty, typed as lines
    lines = _layer(results["OUTPUT_LINES"])
    assert lines.featureCount() == 0 and lines.geometryType() == 1
    assert _layer(results["OUTPUT_UNROUTABLE"]).featureCount() == 0
    areas = list(_layer(results["OUTPUT"]).getFeatures())
    assert [f["break_m"] for f in areas] == [1000.0, 2000.0]
    table = list(_layer(results["OUTPUT_POPULATION"]).getFeatures())
    assert len(table) == 98
    total = sum(f["EWZ_2018"] for f in table) / 2
    reached_2km = sum(f["reached"] for f in table if f["break_m"] == 2000.0)
    reached_1km = sum(f["reached"] for f in table if f["break_m"] == 1000.0)
    assert 0 < reached_1km < reached_2km < total
    for f in table:
        assert f["reached"] + f["unreached"] == pytest.approx(f["EWZ_2018"])


ZENSUS = f"{DATA}/zensus2011/zensus2011_1km_kreis_pinneberg.gpkg|layername=zensus2011_1km"


def test_zensus_grid_counted_per_municipality_and_for_the_kreis(examples):
    from geolib.population import population_per_area, reached_population

    results, feedback = run_algorithm(
        ALG,
        {
            "OFFERS": str(examples["offers"]),
            "MODE": 1,
            "COST": 1,
            "BREAKS": "1125,2000",
            "OVERLAP": 1,
            "POPULATION": ZENSUS,
            "POPULATION_FIELD": "einwohner_summe_altersgruppen",
            "AREAS": GEMEINDEN,
            "LAND_SHARE_FIELD": "anteil_land",
            "OUTPUT": "memory:",
            "OUTPUT_POPULATION": "memory:",
        },
    )
    rows = [f.attributes() for f in _layer(results["OUTPUT_POPULATION"]).getFeatures()]
    names = _layer(results["OUTPUT_POPULATION"]).fields().names()
    table = pd.DataFrame(rows, columns=names)
    assert len(table) == 2 * 49 and {"AGS", "GEN", "EWZ_2018"} <= set(names)
    # the same numbers as geolib on the same inputs: area-weighted cells per municipality
    grid = read_vector(DATA / "zensus2011" / "zensus2011_1km_kreis_pinneberg.gpkg")
    gemeinden = read_vector(KREIS_GPKG, layer="gemeinden")
    per_area = population_per_area(
        grid, "einwohner_summe_altersgruppen", gemeinden, land_share_field="anteil_land"
    ).set_index("AGS")["population"]
    first = table[table["break_m"] == 1125].set_index("AGS")
    assert first["population"].to_numpy() == pytest.approx(per_area[first.index].to_numpy())
    assert first.loc["01056025", "population"] == pytest.approx(1412, abs=1)  # Helgoland
    areas = gpd.GeoDataFrame(
        {"break_no": [f["break_no"] for f in _layer(results["OUTPUT"]).getFeatures()]},
        geometry=[
            shapely.from_wkt(f.geometry().asWkt()) for f in _layer(results["OUTPUT"]).getFeatures()
        ],
        crs=25832,
    )
    areas["break_m"] = areas["break_no"].map({1: 1125.0, 2: 2000.0})
    _, theirs = reached_population(
        areas,
        grid,
        population_field="einwohner_summe_altersgruppen",
        population_areas=gemeinden,
        land_share_field="anteil_land",
    )
    assert table["reached"].to_numpy() == pytest.approx(theirs["reached"].to_numpy(), rel=1e-6)
    assert (table["reached"] + table["unreached"]).to_numpy() == pytest.approx(
        table["population"].to_numpy()
    )
    # the Kreis totals per break are in the log
    total = table[table["break_m"] == 2000]
    assert f"2000 m: {round(total['reached'].sum())} of {round(total['population'].sum())}" in (
        feedback.text
    )


def test_areas_without_population_are_refused(examples):
    message = run_algorithm_error(
        ALG,
        {
            "OFFERS": str(examples["offers"]),
            "MODE": 1,
            "COST": 1,
            "BREAKS": "1000",
            "AREAS": GEMEINDEN,
            "OUTPUT": "memory:",
        },
    )
    assert "give a population layer" in message


def test_a_wrong_population_field_is_named_before_the_network_is_built(wedel_offers):
    """The population is counted after routing; its field is checked first. An empty
    network is refused when the network is built: with a good field, that is the
    message; with a wrong one, the field's."""
    empty = _memory_layer("LineString?crs=EPSG:25832", [])
    params = {
        "NETWORK": empty,
        "OFFERS": wedel_offers,
        "BREAKS": "5",
        "POPULATION": ZENSUS,
        "POPULATION_FIELD": "einwohner_summe_altersgruppen",
        "OUTPUT": "memory:",
    }
    assert "network layer is empty" in run_algorithm_error(ALG, params)
    message = run_algorithm_error(ALG, dict(params, POPULATION_FIELD="GEN_zentroid"))
    assert "'GEN_zentroid' of the population layer is not numeric" in message
    assert "network layer is empty" not in message
    message = run_algorithm_error(ALG, dict(params, POPULATION_FIELD=None))
    assert "needs its population field" in message
    assert ": tile_col, tile_row, alter_u18, alter_18_29" in message  # no fid, no text
    assert "GEN_zentroid" not in message


def test_osm_file_network_by_car(tmp_path):
    pytest.importorskip("osmium", reason="python3-pyosmium is not installed")
    lines = gpd.read_file(DATA / "osm" / "andorra.osm.pbf", layer="lines")
    lines = lines[lines.highway.isin(["primary", "secondary", "residential"])]
    start = shapely.get_coordinates(lines.geometry.iloc[0])[0]
    offers = _memory_layer(
        "Point?crs=EPSG:4326&field=offer_id:string", [(f"POINT({start[0]} {start[1]})", ["a"])]
    )
    results, feedback = run_algorithm(
        ALG,
        {
            "NETWORK_FILE": str(DATA / "osm" / "andorra.osm.pbf"),
            "OFFERS": offers,
            "PROFILE": 2,
            "BREAKS": "2,4",
            "OUTPUT": "memory:",
            "OUTPUT_LINES": "memory:",
        },
    )
    lines_layer = _layer(results["OUTPUT_LINES"])
    assert lines_layer.featureCount() > 10
    assert max(f["to_min"] for f in lines_layer.getFeatures()) <= 4.0 + 1e-9
    assert "reprojected" in feedback.text


def test_osm_file_notes_reach_the_log(tmp_path):
    """Ways the reader skips (a node missing from the file) are named in the log."""
    pytest.importorskip("osmium", reason="python3-pyosmium is not installed")
    nodes = "".join(
        f'<node id="{i}" version="1" lat="53.5" lon="{9.7 + i * 0.001:.3f}"/>' for i in (1, 2, 3)
    )
    ways = (
        '<way id="10" version="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/>'
        '<tag k="highway" v="residential"/></way>'
        '<way id="11" version="1"><nd ref="3"/><nd ref="99"/><tag k="highway" v="path"/></way>'
    )
    path = tmp_path / "cut.osm"
    path.write_text(f'<osm version="0.6">{nodes}{ways}</osm>', encoding="utf-8")
    offers = _memory_layer(
        "Point?crs=EPSG:4326&field=offer_id:string", [("POINT(9.7015 53.5)", ["a"])]
    )
    results, feedback = run_algorithm(
        ALG,
        {
            "NETWORK_FILE": str(path),
            "OFFERS": offers,
            "BREAKS": "1",
            "OUTPUT": "memory:",
            "OUTPUT_LINES": "memory:",
        },
    )
    assert "1 highway ways of the OSM file were skipped" in feedback.text
    assert "the ways 11" in feedback.text
    assert _layer(results["OUTPUT_LINES"]).featureCount() >= 1


def _reached(layer) -> shapely.Geometry:
    geoms = [shapely.from_wkb(bytes(f.geometry().asWkb())) for f in layer.getFeatures()]
    return shapely.line_merge(shapely.union_all([g for g in geoms if g is not None]))


def test_reached_edges_agree_with_qgis_service_area(wedel_offers, tmp_path):
    """Same network and points, distance break 800 m: symmetric difference ≤ 1 %.

    Both run on the same noded lines (the edges geolib builds from the Wedel streets),
    since QGIS's graph joins lines only at shared vertices.
    """
    from geolib.network import build_network

    streets = read_vector(KREIS_GPKG, layer="osm_strassen_wedel_detail")
    edges = build_network(streets, cost="distance", profile=None).edges()
    noded = tmp_path / "noded.gpkg"
    edges[["length_m", "geometry"]].to_file(noded)
    ours, _ = run_algorithm(
        ALG,
        {
            "NETWORK": str(noded),
            "OFFERS": wedel_offers,
            "COST": 1,
            "BREAKS": "800",
            "OVERLAP": 1,
            "OUTPUT": "memory:",
            "OUTPUT_LINES": "memory:",
        },
    )
    theirs, _ = run_algorithm(
        "native:serviceareafromlayer",
        {
            "INPUT": str(noded),
            "STRATEGY": 0,
            "DEFAULT_DIRECTION": 2,
            "TOLERANCE": 0.5,
            "START_POINTS": wedel_offers,
            "TRAVEL_COST": 800,
            "TRAVEL_COST2": 800,
            "INCLUDE_BOUNDS": False,
            "OUTPUT_LINES": "memory:",
        },
    )
    a = _reached(_layer(ours["OUTPUT_LINES"]))
    b = _reached(_layer(theirs["OUTPUT_LINES"]))
    assert a.length > 5000
    only_ours = shapely.difference(a, shapely.buffer(b, 0.5)).length
    only_theirs = shapely.difference(b, shapely.buffer(a, 0.5)).length
    assert (only_ours + only_theirs) <= 0.01 * max(a.length, b.length), (
        only_ours,
        only_theirs,
        a.length,
        b.length,
    )


def test_second_run_reuses_the_network(wedel_offers):
    params = {"NETWORK": WEDEL, "OFFERS": wedel_offers, "BREAKS": "5", "OUTPUT": "memory:"}
    run_algorithm(ALG, dict(params, PROFILE=1))
    _, feedback = run_algorithm(ALG, dict(params, PROFILE=1))
    assert "reused from an earlier run" in feedback.text
    _, feedback = run_algorithm(ALG, dict(params, PROFILE=2))
    assert "reused from an earlier run" not in feedback.text


# --- bad input in Processing ----------------------------------------------------------------
def test_breaks_not_increasing_are_refused(wedel_offers):
    message = run_algorithm_error(
        ALG, {"NETWORK": WEDEL, "OFFERS": wedel_offers, "BREAKS": "10,5", "OUTPUT": "memory:"}
    )
    assert "Breaks must increase" in message and "Traceback" not in message


def test_network_missing_or_twice_is_refused(wedel_offers):
    message = run_algorithm_error(ALG, {"OFFERS": wedel_offers, "OUTPUT": "memory:"})
    assert "needs a network" in message
    message = run_algorithm_error(
        ALG,
        {
            "NETWORK": WEDEL,
            "NETWORK_FILE": str(DATA / "osm" / "andorra.osm.pbf"),
            "OFFERS": wedel_offers,
            "OUTPUT": "memory:",
        },
    )
    assert "not both" in message


def test_all_offers_beyond_snap_distance_lists_them():
    offers = _memory_layer(
        "Point?crs=EPSG:25832&field=offer_id:string",
        [("POINT(500000 6000000)", ["weit-weg"])],
    )
    message = run_algorithm_error(
        ALG, {"NETWORK": WEDEL, "OFFERS": offers, "BREAKS": "5", "OUTPUT": "memory:"}
    )
    assert "No offer lies within 250 m" in message and "weit-weg" in message


def test_empty_network_and_network_without_crs_are_refused(wedel_offers, tmp_path):
    empty = _memory_layer("LineString?crs=EPSG:25832", [])
    message = run_algorithm_error(
        ALG, {"NETWORK": empty, "OFFERS": wedel_offers, "OUTPUT": "memory:"}
    )
    assert "network layer is empty" in message
    no_crs = tmp_path / "no_crs.shp"
    gpd.GeoDataFrame(geometry=[shapely.LineString([(0, 0), (100, 0)])]).to_file(no_crs)
    message = run_algorithm_error(
        ALG, {"NETWORK": str(no_crs), "OFFERS": wedel_offers, "OUTPUT": "memory:"}
    )
    assert "(layer 'no_crs') has no coordinate reference system" in message


def test_zero_speeds_name_the_rows(wedel_offers):
    network = _memory_layer(
        "LineString?crs=EPSG:25832&field=kmh:double",
        [("LINESTRING(0 0, 100 0)", [5.0]), ("LINESTRING(100 0, 200 0)", [0.0])],
    )
    message = run_algorithm_error(
        ALG,
        {"NETWORK": network, "OFFERS": wedel_offers, "SPEED_FIELD": "kmh", "OUTPUT": "memory:"},
    )
    assert "speed field 'kmh'" in message and "rows 2" in message


def test_runs_inside_a_graphical_model(wedel_offers):
    """The algorithm as a child of a Processing model (what the Graphical Modeler builds)."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
    )

    model = QgsProcessingModelAlgorithm("einzugsgebiete", "tests")
    model.addModelParameter(
        QgsProcessingParameterFeatureSource("offers", "offers"),
        QgsProcessingModelParameter("offers"),
    )
    child = QgsProcessingModelChildAlgorithm(ALG)
    child.setChildId("catch")
    child.addParameterSources(
        "OFFERS", [QgsProcessingModelChildParameterSource.fromModelParameter("offers")]
    )
    child.addParameterSources(
        "NETWORK", [QgsProcessingModelChildParameterSource.fromStaticValue(WEDEL)]
    )
    child.addParameterSources(
        "BREAKS", [QgsProcessingModelChildParameterSource.fromStaticValue("5,10")]
    )
    output = QgsProcessingModelOutput("areas")
    output.setChildOutputName("OUTPUT")
    child.setModelOutputs({"areas": output})
    model.addChildAlgorithm(child)
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results, ok = model.run(
        {"offers": wedel_offers, "catch:areas": "memory:"}, context, QgsProcessingFeedback()
    )
    assert ok
    layer = context.getMapLayer(results["catch:areas"])
    assert layer is not None and layer.featureCount() == 2 * 5


# --- direction, offer id field, multipoint offers, noding --------------------------------------
def _one_way_loop():
    """A one-way street (0,0)→(1000,0) and a two-way detour of 1,600 m between its ends."""
    return _memory_layer(
        "LineString?crs=EPSG:25832&field=dir:string",
        [
            ("LINESTRING(0 0, 1000 0)", ["1"]),
            ("LINESTRING(0 0, 0 300, 1000 300, 1000 0)", ["0"]),
        ],
    )


def _features(value):
    layer = _layer(value)
    return gpd.GeoDataFrame(
        [f.attributes() for f in layer.getFeatures()],
        columns=layer.fields().names(),
        geometry=[shapely.from_wkt(f.geometry().asWkt()) for f in layer.getFeatures()],
    )


@pytest.mark.parametrize(("direction", "west", "east"), [(0, 500.0, 2100.0), (1, 2100.0, 500.0)])
def test_direction_and_offer_id_field_in_every_output(direction, west, east):
    offers = _memory_layer(
        "Point?crs=EPSG:25832&field=name:string&field=title:string",
        [("POINT(500 0)", ["Kita A", "A"]), ("POINT(500 5000)", ["Kita far", "F"])],
    )
    results, _feedback = run_algorithm(
        ALG,
        {
            "NETWORK": _one_way_loop(),
            "OFFERS": offers,
            "OFFER_ID_FIELD": "name",
            "COST": 1,
            "DIRECTION_FIELD": "dir",
            "DIRECTION": direction,
            "BREAKS": "1000,2500",
            "WALKOFF_DISTANCE": 5,
            "OUTPUT": "memory:",
            "OUTPUT_LINES": "memory:",
            "OUTPUT_UNROUTABLE": "memory:",
            "OUTPUT_NODES": "memory:",
        },
    )
    nodes = _features(results["OUTPUT_NODES"])
    cost = dict(zip(nodes.geometry.x, nodes["cost_m"]))
    assert cost[0.0] == pytest.approx(west) and cost[1000.0] == pytest.approx(east)
    for name in ("OUTPUT", "OUTPUT_LINES", "OUTPUT_NODES"):
        assert set(_features(results[name])["offer_id"]) == {"Kita A"}, name
    unroutable = _features(results["OUTPUT_UNROUTABLE"])
    assert unroutable["offer_id"].tolist() == ["Kita far"]
    assert unroutable["title"].tolist() == ["F"]
    # on the one-way street the first break reaches the half behind (toward) or ahead (from)
    lines = _features(results["OUTPUT_LINES"])
    first = lines[lines["break_no"] == 1].geometry.union_all()
    on_street = first.intersection(shapely.box(-1, -1, 1001, 1)).bounds[0::2]
    assert on_street == pytest.approx((0.0, 500.0) if direction == 0 else (500.0, 1000.0))


def test_offers_without_an_id_are_numbered_and_multipoints_routed_from_every_point():
    offers = _memory_layer(
        "MultiPoint?crs=EPSG:25832&field=title:string",
        [("MULTIPOINT((100 0), (900 0))", ["two doors"]), ("MULTIPOINT((500 5000))", ["far"])],
    )
    street = _memory_layer("LineString?crs=EPSG:25832", [("LINESTRING(0 0, 1000 0)", [])])
    results, feedback = run_algorithm(
        ALG,
        {
            "NETWORK": street,
            "OFFERS": offers,
            "COST": 1,
            "BREAKS": "150",
            "WALKOFF_DISTANCE": 5,
            "OUTPUT_LINES": "memory:",
            "OUTPUT_UNROUTABLE": "memory:",
        },
    )
    lines = _features(results["OUTPUT_LINES"])
    assert set(lines["offer_id"]) == {"1"}
    assert lines.geometry.union_all().length == pytest.approx(500.0)
    unroutable = _features(results["OUTPUT_UNROUTABLE"])
    assert unroutable[["offer_id", "part"]].values.tolist() == [["2", 1]]
    assert "numbered by their row" in feedback.text
    assert "multipoints" in feedback.text


def test_noding_joins_lines_where_they_cross():
    cross = _memory_layer(
        "LineString?crs=EPSG:25832",
        [("LINESTRING(0 0, 1000 0)", []), ("LINESTRING(500 -500, 500 500)", [])],
    )
    offers = _memory_layer("Point?crs=EPSG:25832&field=offer_id:string", [("POINT(0 0)", ["a"])])
    reached = {}
    for noding in (False, True):
        results, _ = run_algorithm(
            ALG,
            {
                "NETWORK": cross,
                "OFFERS": offers,
                "COST": 1,
                "BREAKS": "2000",
                "NODING": noding,
                "OUTPUT_LINES": "memory:",
            },
        )
        reached[noding] = _features(results["OUTPUT_LINES"]).geometry.union_all().length
    assert reached[False] == pytest.approx(1000.0)
    assert reached[True] == pytest.approx(2000.0)
