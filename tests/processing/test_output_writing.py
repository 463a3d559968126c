"""Processing outputs: GeoPackage layers filled by pyogrio are the ones the feature sink
writes, and memory outputs hold the same features (sozialplanung:catchments, Wedel)."""

import sqlite3

import numpy as np
import pandas as pd
import pytest
import shapely
from qgis.core import NULL, QgsProject, QgsVectorLayer

from geolib.io import read_provenance, read_style, read_vector
from processing_algorithms import bridge
from processing_algorithms.compat import type_id, type_ids
from tests._qgis import memory_layer, run_algorithm
from tests.conftest import KREIS_GPKG

ALG = "sozialplanung:catchments"
WEDEL = f"{KREIS_GPKG}|layername=osm_strassen_wedel_detail"
OUTPUTS = ("OUTPUT", "OUTPUT_LINES", "OUTPUT_UNROUTABLE")


@pytest.fixture(scope="module")
def offers():
    """Six offers on Wedel's streets and one far away (unroutable)."""
    streets = read_vector(KREIS_GPKG, layer="osm_strassen_wedel_detail")
    coords = shapely.get_coordinates(streets.geometry.values)
    picks = coords[np.random.default_rng(5).choice(len(coords), 6, replace=False)]
    rows = [(f"POINT({x} {y})", [f"w{i}"]) for i, (x, y) in enumerate(picks)]
    rows.append(("POINT(500000 5900000)", ["far"]))
    return memory_layer("Point?crs=EPSG:25832&field=offer_id:string", rows)


def _run(offers, dest):
    params = {"NETWORK": WEDEL, "OFFERS": offers, "BREAKS": "3,6", "OUTPUT_POPULATION": None}
    params.update({name: dest(name) for name in OUTPUTS})
    results, _ = run_algorithm(ALG, params)
    layers = {}
    for name in OUTPUTS:
        value = results[name]
        layer = value if isinstance(value, QgsVectorLayer) else None
        if layer is None:
            layer = QgsProject.instance().mapLayer(value) or QgsVectorLayer(value, name, "ogr")
        layers[name] = layer
    return results, layers


def _frame(layer):
    frame = bridge.source_to_gdf(layer)
    return frame.drop(columns=[c for c in ("fid",) if c in frame.columns])


def _assert_same(a, b):
    assert a.layer.wkbType() == b.layer.wkbType()
    assert a.layer.crs().authid() == b.layer.crs().authid() == "EPSG:25832"
    fields_a = [(f.name(), f.type()) for f in a.layer.fields() if f.name() != "fid"]
    fields_b = [(f.name(), f.type()) for f in b.layer.fields() if f.name() != "fid"]
    assert fields_a == fields_b
    pd.testing.assert_frame_equal(
        pd.DataFrame(a.frame.drop(columns="geometry")),
        pd.DataFrame(b.frame.drop(columns="geometry")),
    )
    assert a.frame.geometry.geom_equals_exact(b.frame.geometry, tolerance=0).all()


class _Out:
    def __init__(self, layer):
        self.layer, self.frame = layer, _frame(layer)


def test_geopackage_outputs_equal_memory_outputs_and_the_feature_sinks(
    offers, tmp_path, monkeypatch
):
    taken = []
    append = bridge.append_to_gpkg

    def recording(*args, **kwargs):
        taken.append(append(*args, **kwargs))
        return taken[-1]

    monkeypatch.setattr(bridge, "append_to_gpkg", recording)
    _, fast = _run(offers, lambda name: str(tmp_path / f"fast_{name}.gpkg"))
    assert taken == [True] * len(OUTPUTS)  # every output took pyogrio's path
    _, memory = _run(offers, lambda name: "TEMPORARY_OUTPUT")
    # the same run with the per-feature sink only (pyogrio's path declined)
    monkeypatch.setattr(bridge, "append_to_gpkg", lambda *args, **kwargs: False)
    _, slow = _run(offers, lambda name: str(tmp_path / f"slow_{name}.gpkg"))
    for name in OUTPUTS:
        a, b, c = _Out(fast[name]), _Out(slow[name]), _Out(memory[name])
        assert len(a.frame) > 0, name
        _assert_same(a, b)
        _assert_same(a, c)
        path = str(tmp_path / f"fast_{name}.gpkg")
        con = sqlite3.connect(path)
        try:  # exactly one layer, styled, in the GeoPackage version QGIS writes
            (table,) = con.execute(
                "SELECT table_name FROM gpkg_contents WHERE data_type = 'features'"
            ).fetchone()
            styles = con.execute("SELECT f_table_name FROM layer_styles").fetchall()
            version = con.execute("PRAGMA user_version").fetchone()
        finally:
            con.close()
        con = sqlite3.connect(str(tmp_path / f"slow_{name}.gpkg"))
        try:
            assert con.execute("PRAGMA user_version").fetchone() == version
        finally:
            con.close()
        assert styles == [(table,)]
        assert read_provenance(path, table)["method"].startswith("network catchments")
    # legends labelled from the breaks written, as from the layer's own features
    labels = [
        [r.label() for r in layers["OUTPUT"].renderer().ranges()] for layers in (fast, memory)
    ]
    assert labels[0] == labels[1] and len(labels[0]) == 2
    assert labels[0][0].endswith("3 min") and labels[0][1].endswith("6 min")


def test_output_into_an_existing_geopackage_keeps_its_other_layers(offers, tmp_path, monkeypatch):
    taken = []
    append = bridge.append_to_gpkg

    def recording(*args, **kwargs):
        taken.append(append(*args, **kwargs))
        return taken[-1]

    monkeypatch.setattr(bridge, "append_to_gpkg", recording)
    path = tmp_path / "project.gpkg"
    read_vector(KREIS_GPKG, layer="gemeinden").to_file(path, layer="gemeinden")
    dest = f"ogr:dbname='{path}' table=\"reached\" (geom)"
    run_algorithm(
        ALG,
        {
            "NETWORK": WEDEL,
            "OFFERS": offers,
            "BREAKS": "3,6",
            "OUTPUT": None,
            "OUTPUT_LINES": dest,
            "OUTPUT_UNROUTABLE": None,
            "OUTPUT_POPULATION": None,
        },
    )
    import pyogrio

    assert taken == [True]  # pyogrio wrote into QGIS's new layer of the file
    layers = dict(pyogrio.list_layers(path))
    assert {"gemeinden", "reached"} <= set(layers)
    assert len(read_vector(path, layer="gemeinden")) == 49
    reached = read_vector(path, layer="reached")
    assert len(reached) > 0 and {"offer_id", "from_min", "to_min"} <= set(reached.columns)
    memory, _ = run_algorithm(
        ALG,
        {
            "NETWORK": WEDEL,
            "OFFERS": offers,
            "BREAKS": "3,6",
            "OUTPUT": None,
            "OUTPUT_LINES": "TEMPORARY_OUTPUT",
            "OUTPUT_UNROUTABLE": None,
            "OUTPUT_POPULATION": None,
        },
    )
    expected = _frame(memory["OUTPUT_LINES"])
    assert len(expected) == len(reached)
    assert read_style(path, "reached") is not None


def test_breaks_from_the_frame_label_like_the_layers_own_features():
    from qgis.core import NULL

    from processing_algorithms.base import STYLES_DIR
    from processing_algorithms.styling import breaks_of_frame, label_breaks, load_style

    rows = [(None, [NULL, 5.0]), (None, [2, NULL]), (None, [1, 5.0]), (None, [3, 12.5])]
    labels = []
    for from_frame in (False, True):
        layer = memory_layer(
            "Polygon?crs=EPSG:25832&field=break_no:integer&field=break_min:double", rows
        )
        assert load_style(layer, STYLES_DIR / "catchments.qml")
        breaks = breaks_of_frame(_frame(layer)) if from_frame else None
        label_breaks(layer, breaks)
        labels.append([r.label() for r in layer.renderer().ranges()])
    assert labels[0] == labels[1] == ["up to 5 min", "up to 12.5 min"]
    assert breaks_of_frame(pd.DataFrame({"break_no": [1]})) is None


def test_shapefile_outputs_write_without_gdal_warnings_and_a_numeric_population(
    offers, tmp_path, recwarn
):
    _, layers = _run(offers, lambda name: str(tmp_path / f"{name.lower()}.shp"))
    # QGIS's writer asks the DBF for 255 characters of text where no width is set, and
    # GDAL warned "Field offer_id of width 255 truncated to 254" for every text field
    gdal_warnings = [str(w.message) for w in recwarn if "truncated" in str(w.message)]
    assert gdal_warnings == []
    areas = layers["OUTPUT"]
    assert areas.isValid() and areas.featureCount() > 0
    fields = areas.fields()
    assert fields.field("offer_id").length() == 254
    # without a population layer the population field is an empty number field
    population = fields.field("population")
    assert type_id(population.type()) in type_ids("Double")
    assert {f["population"] for f in areas.getFeatures()} == {NULL}
