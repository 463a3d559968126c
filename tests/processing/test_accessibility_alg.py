"""sozialplanung:accessibility in real QGIS: outputs, parity with PySAL access, bad input."""

import geopandas as gpd
import numpy as np
import pytest
from qgis.core import QgsGraduatedSymbolRenderer, QgsVectorLayer
from shapely.geometry import Point

from geolib.io import read_provenance, read_vector
from tests import _peers as peers
from tests._qgis import run_algorithm, run_algorithm_error
from tests.conftest import DATA, KREIS_GPKG

ALG = "sozialplanung:accessibility"
CATEGORY = peers.CATEGORY


@pytest.fixture(scope="module")
def children(examples, tmp_path_factory):
    areas = peers.children_areas(
        read_vector(KREIS_GPKG, layer="gemeinden"), examples["indikatoren_csv"]
    )
    path = tmp_path_factory.mktemp("acc") / "kinder.gpkg"
    areas.to_file(path, layer="kinder")
    return str(path)


def test_2sfca_for_one_category_is_written_styled_and_equals_pysal(children, examples, tmp_path):
    out = tmp_path / "acc.gpkg"
    _, feedback = run_algorithm(
        ALG,
        {
            "DEMAND": children,
            "POPULATION_FIELD": "children_u15",
            "SUPPLY": str(examples["offers"]),
            "CAPACITY_FIELD": "capacity",
            "CATEGORY_FIELD": "categories",
            "CATEGORY": CATEGORY,
            "OFFER_ID_FIELD": "offer_id",
            "METHOD": 0,
            "MAX_COST": 4000,
            "OUTPUT": str(out),
        },
    )
    acc = read_vector(out)
    assert len(acc) == 49
    assert {"score", "score_per_1000", "score_norm", "supply_in_reach", "nearest_m"} <= set(
        acc.columns
    )
    pop = acc["children_u15"].to_numpy(float)
    assert (acc["score_norm"] * pop).sum() / pop.sum() == pytest.approx(1.0)
    assert f"have the category '{CATEGORY}'" in feedback.text
    # the same numbers as PySAL access on the same straight-line costs (a stored fixture,
    # tests/_peers.py, so this runs where access does not install)
    offers = read_vector(examples["offers"], layer="offers")
    theirs = peers.expected("access_2sfca_children", peers.children_inputs(acc, offers))["raw"]
    ok = ~np.isnan(theirs)
    np.testing.assert_allclose(acc["score"].to_numpy()[ok], theirs[ok], rtol=1e-9)
    assert (acc["score"].to_numpy()[~ok] == 0).all()
    # styled and documented
    layer = QgsVectorLayer(str(out), "acc", "ogr")
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
    assert layer.renderer().classAttribute() == "score_norm"
    prov = read_provenance(out, "acc")
    assert prov["synthetic"] is True


def test_e2sfca_with_areas_output_gives_population_weighted_means(examples, tmp_path):
    # a grid of demand points in two municipalities, means per municipality
    gemeinden = read_vector(KREIS_GPKG, layer="gemeinden")
    two = gemeinden[gemeinden["GEN"].isin(["Wedel", "Elmshorn"])]
    xs, ys = np.meshgrid(np.arange(530000, 560000, 1000.0), np.arange(5925000, 5970000, 1000.0))
    pts = gpd.GeoDataFrame(
        {"pop": np.arange(xs.size) % 7 * 10.0},
        geometry=[Point(x, y) for x, y in zip(xs.ravel(), ys.ravel())],
        crs=25832,
    )
    pts = pts[pts.within(two.union_all())].reset_index(drop=True)
    grid = tmp_path / "grid.gpkg"
    pts.to_file(grid)
    areas = tmp_path / "two.gpkg"
    two.to_file(areas)
    out, means = tmp_path / "acc.gpkg", tmp_path / "means.gpkg"
    run_algorithm(
        ALG,
        {
            "DEMAND": str(grid),
            "POPULATION_FIELD": "pop",
            "SUPPLY": str(examples["offers"]),
            "METHOD": 1,
            "MAX_COST": 3000,
            "BREAKS": "1000;2000;3000",
            "AREAS": str(areas),
            "OUTPUT": str(out),
            "OUTPUT_AREAS": str(means),
        },
    )
    acc = read_vector(out)
    per_area = read_vector(means).set_index("GEN")
    inside = acc[acc.within(two[two["GEN"] == "Wedel"].union_all())]
    expected = (inside["score_norm"] * inside["pop"]).sum() / inside["pop"].sum()
    assert per_area.loc["Wedel", "score_norm_mean"] == pytest.approx(expected)
    assert per_area.loc["Wedel", "pop_sum"] == inside["pop"].sum()
    near = (inside["nearest_m"] * inside["pop"]).sum() / inside["pop"].sum()
    assert per_area.loc["Wedel", "nearest_m_mean"] == pytest.approx(near)


def test_zero_population_everywhere_is_refused(examples):
    message = run_algorithm_error(
        ALG,
        {
            "DEMAND": _zero_pop_layer(),
            "POPULATION_FIELD": "pop",
            "SUPPLY": str(examples["offers"]),
            "MAX_COST": 1000,
            "OUTPUT": "memory:",
        },
    )
    assert "is 0 in every demand unit" in message


def test_a_wrong_population_field_is_named_before_the_network_is_built(children, examples):
    from tests._qgis import memory_layer

    empty = memory_layer("LineString?crs=EPSG:25832", [])
    _KEEP.append(empty)
    params = {
        "DEMAND": children,
        "POPULATION_FIELD": "children_u15",
        "SUPPLY": str(examples["offers"]),
        "NETWORK": empty,
        "MAX_COST": 10,
        "OUTPUT": "memory:",
    }
    assert "network layer is empty" in run_algorithm_error(ALG, params)
    message = run_algorithm_error(ALG, dict(params, POPULATION_FIELD="GEN"))
    assert "'GEN' of the demand layer is not numeric" in message
    assert "network layer is empty" not in message


def _zero_pop_layer():
    layer = QgsVectorLayer("Point?crs=EPSG:25832&field=pop:integer", "z", "memory")
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    f = QgsFeature(layer.fields())
    f.setAttributes([0])
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(550000, 5950000)))
    layer.dataProvider().addFeatures([f])
    _KEEP.append(layer)
    return layer


_KEEP: list = []


def test_unknown_category_leaves_no_offers(children, examples):
    message = run_algorithm_error(
        ALG,
        {
            "DEMAND": children,
            "POPULATION_FIELD": "children_u15",
            "SUPPLY": str(examples["offers"]),
            "CATEGORY_FIELD": "categories",
            "CATEGORY": "Raumfahrt",
            "MAX_COST": 1000,
            "OUTPUT": "memory:",
        },
    )
    assert "No offer has the category 'Raumfahrt' in 'categories'" in message
    assert "Senioren" in message  # the categories there, to choose from


def test_bad_breaks_are_refused(children, examples):
    message = run_algorithm_error(
        ALG,
        {
            "DEMAND": children,
            "POPULATION_FIELD": "children_u15",
            "SUPPLY": str(examples["offers"]),
            "METHOD": 1,
            "BREAKS": "500;x",
            "MAX_COST": 1000,
            "OUTPUT": "memory:",
        },
    )
    assert "is not a list of numbers" in message


def test_areas_and_their_output_go_together(children, examples, tmp_path):
    base = {
        "DEMAND": children,
        "POPULATION_FIELD": "children_u15",
        "SUPPLY": str(examples["offers"]),
        "MAX_COST": 1000,
        "OUTPUT": "memory:",
    }
    message = run_algorithm_error(ALG, {**base, "OUTPUT_AREAS": str(tmp_path / "means.gpkg")})
    assert (
        "The output 'Accessibility per area' needs the input 'Areas for means (e.g. "
        "municipalities)'" in message
    )
    assert not (tmp_path / "means.gpkg").exists()
    # areas without their output: run, but say that the areas are not used
    results, feedback = run_algorithm(
        ALG, {**base, "AREAS": str(KREIS_GPKG) + "|layername=gemeinden"}
    )
    assert "OUTPUT_AREAS" not in results or not results["OUTPUT_AREAS"]
    unused = "The input 'Areas for means (e.g. municipalities)' is used only"
    assert any(unused in w for w in feedback.warnings)


def test_the_zensus_grid_as_demand_with_means_per_municipality(examples, tmp_path):
    from geolib.accessibility import accessibility

    zensus = DATA / "zensus2011" / "zensus2011_1km_kreis_pinneberg.gpkg"
    out, means = tmp_path / "acc.gpkg", tmp_path / "means.gpkg"
    run_algorithm(
        ALG,
        {
            "DEMAND": f"{zensus}|layername=zensus2011_1km",
            "POPULATION_FIELD": "alter_u18",
            "SUPPLY": str(examples["offers"]),
            "CAPACITY_FIELD": "capacity",
            "METHOD": 0,
            "MAX_COST": 3000,
            "AREAS": f"{KREIS_GPKG}|layername=gemeinden",
            "OUTPUT": str(out),
            "OUTPUT_AREAS": str(means),
        },
    )
    acc = read_vector(out)
    # every cell is a demand unit, kept as its square, with the same numbers as geolib
    assert len(acc) == 553 and set(acc.geometry.geom_type) == {"Polygon"}
    grid = read_vector(zensus, layer="zensus2011_1km")
    offers = read_vector(examples["offers"], layer="offers")
    ours = accessibility(
        grid, offers, population_field="alter_u18", max_cost=3000, capacity_field="capacity"
    )
    np.testing.assert_allclose(acc["score"], ours.demand["score"], rtol=1e-9)
    # children-weighted means: the Kreis mean of score_norm over the cells is 1
    u18 = acc["alter_u18"].to_numpy(float)
    assert (acc["score_norm"] * u18).sum() / u18.sum() == pytest.approx(1.0)
    per_gemeinde = read_vector(means)
    assert len(per_gemeinde) == 49
    assert per_gemeinde["score_per_1000_mean"].notna().sum() >= 45
