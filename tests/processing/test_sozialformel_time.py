"""sozialplanung:sozialformel over time and for planning regions, in real QGIS: the map per
area and year steps through the years with the temporal controller, the groups are
polygons styled like the areas, and the written [reference] reproduces a run's classes."""

import pandas as pd
import pyogrio
import pytest
from qgis.core import (
    QgsDateTimeRange,
    QgsFeatureRequest,
    QgsGraduatedSymbolRenderer,
    QgsVectorLayer,
    QgsVectorLayerTemporalContext,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from geolib.io import read_provenance, read_vector
from geolib.sozialformel import PINNEBERG_PRESET
from geolib.sozialformel.reference import reference_toml
from tests._qgis import run_algorithm
from tests.conftest import KREIS_GPKG

ALG = "sozialplanung:sozialformel"
AREAS = f"{KREIS_GPKG}|layername=gemeinden"


def _params(examples, tmp_path, **extra):
    params = {
        "AREAS": AREAS,
        "AREA_KEY": "AGS",
        "TABLE": str(examples["indikatoren_csv"]),
        "GROUPS": str(examples["planungsraeume"]),
        "GROUP_FIELD": "planungsraum, kreis",
        "OUTPUT": str(tmp_path / "sf.gpkg"),
        "OUTPUT_TABLE": str(tmp_path / "sf_jahre.gpkg"),
        "OUTPUT_GROUPS": str(tmp_path / "sf_gruppen.gpkg"),
        "OUTPUT_REPORT": None,
    }
    params.update(extra)
    return params


@pytest.fixture(scope="module")
def run(examples, tmp_path_factory):
    params = _params(examples, tmp_path_factory.mktemp("sftime"))
    _, feedback = run_algorithm(ALG, params)
    return params, feedback


def _year(year: int) -> QgsDateTimeRange:
    start = QDateTime(QDate(year, 1, 1), QTime(0, 0))
    return QgsDateTimeRange(start, QDateTime(QDate(year + 1, 1, 1), QTime(0, 0)), True, False)


def test_the_map_per_area_and_year_steps_through_the_years(run):
    params, _ = run
    layer = QgsVectorLayer(params["OUTPUT_TABLE"], "jahre", "ogr")
    assert layer.isValid() and layer.isSpatial()
    assert layer.featureCount() == 49 * 5
    assert layer.fields().field("year").isNumeric()
    # as on completion of the algorithm (and Layer Properties > Style > Default): the
    # style stored in the GeoPackage brings the temporal properties
    _message, loaded = layer.loadDefaultStyle()
    assert loaded
    props = layer.temporalProperties()
    assert props.isActive()
    assert props.startExpression() == 'make_datetime("year", 1, 1, 0, 0, 0)'
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    for year in (2019, 2023):
        request = QgsFeatureRequest().setFilterExpression(
            props.createFilterString(context, _year(year))
        )
        years = {f["year"] for f in layer.getFeatures(request)}
        assert years == {year}
        assert len(list(layer.getFeatures(request))) == 49
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)


def test_groups_are_the_dissolved_members_styled_like_the_areas(run, examples):
    params, _ = run
    groups = read_vector(params["OUTPUT_GROUPS"], layer="sf_gruppen")
    gemeinden = read_vector(KREIS_GPKG, layer="gemeinden")
    mapping = pd.read_csv(examples["planungsraeume"], dtype={"ags": str})
    latest = groups[(groups["year"] == 2023) & (groups["grouping"] == "planungsraum")]
    assert len(latest) == mapping["planungsraum"].nunique()
    for row in latest.itertuples():
        members = mapping.loc[mapping["planungsraum"] == row.group_name, "ags"]
        union = gemeinden[gemeinden["AGS"].isin(members)].union_all()
        assert row.geometry.symmetric_difference(union).area < 1e-6 * union.area
    kreis = groups[groups["grouping"] == "kreis"]
    assert kreis.geometry.area.to_numpy() == pytest.approx(gemeinden.union_all().area)
    layer = QgsVectorLayer(params["OUTPUT_GROUPS"], "g", "ogr")
    assert QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry
    areas = QgsVectorLayer(params["OUTPUT"], "a", "ogr")
    mine, theirs = layer.renderer(), areas.renderer()
    assert mine.classAttribute() == theirs.classAttribute() == "index_value"
    assert [(r.lowerValue(), r.upperValue(), r.label()) for r in mine.ranges()] == [
        (r.lowerValue(), r.upperValue(), r.label()) for r in theirs.ranges()
    ]
    assert layer.loadDefaultStyle()[1] and layer.temporalProperties().isActive()


def test_the_legend_has_open_ends_and_the_reference_thresholds(run):
    params, feedback = run
    layer = QgsVectorLayer(params["OUTPUT"], "a", "ogr")
    ranges = layer.renderer().ranges()
    prov = read_provenance(params["OUTPUT"], "sf")
    breaks = prov["parameters"]["reference"]["breaks"]
    assert [r.upperValue() for r in ranges[:-1]] == pytest.approx(breaks)
    assert ranges[0].lowerValue() < -1e9 and ranges[-1].upperValue() > 1e9
    assert ranges[0].label().startswith("1: ≤") and ranges[-1].label().startswith("5: >")
    assert "[reference]" in feedback.text


def test_the_written_reference_reproduces_the_classes_without_the_reference_year(
    run, examples, tmp_path
):
    params, _ = run
    reference = read_provenance(params["OUTPUT_TABLE"], "sf_jahre")["parameters"]["reference"]
    assert reference["year"] == 2019 and set(reference) >= {"bounds", "index", "breaks"}
    config = tmp_path / "frozen.toml"
    config.write_text(
        PINNEBERG_PRESET.read_text(encoding="utf-8") + "\n" + reference_toml(reference),
        encoding="utf-8",
    )
    table = pd.read_csv(examples["indikatoren_csv"], dtype={"ags": str})
    later = tmp_path / "later.csv"
    table[table["year"] > 2019].to_csv(later, index=False)
    second = _params(
        examples,
        tmp_path,
        TABLE=str(later),
        CONFIG=str(config),
        OUTPUT_GROUPS=str(tmp_path / "later_gruppen.gpkg"),
        OUTPUT_TABLE=str(tmp_path / "later_jahre.gpkg"),
        OUTPUT=str(tmp_path / "later.gpkg"),
    )
    run_algorithm(ALG, second)
    cols = ["ags", "year", "index_value", "index_class"]
    first = pyogrio.read_dataframe(params["OUTPUT_TABLE"], read_geometry=False)[cols]
    again = pyogrio.read_dataframe(second["OUTPUT_TABLE"], read_geometry=False)[cols]
    first = first[first["year"] > 2019].sort_values(["ags", "year"]).reset_index(drop=True)
    again = again.sort_values(["ags", "year"]).reset_index(drop=True)
    assert first["index_class"].notna().sum() > 80
    pd.testing.assert_frame_equal(first, again)


def test_no_class_rises_while_the_index_falls(run):
    params, _ = run
    table = pyogrio.read_dataframe(params["OUTPUT_TABLE"], read_geometry=False)
    table = table.sort_values(["ags", "year"])
    previous = table.groupby("ags")[["year", "index_value", "index_class"]].shift(1)
    both = (table["year"] - previous["year"] == 1) & table["index_class"].notna()
    both &= previous["index_class"].notna()
    falls = both & (table["index_value"] < previous["index_value"])
    assert falls.sum() > 20
    assert not (table["index_class"][falls] > previous["index_class"][falls]).any()


def test_classes_per_year_colour_the_maps_per_year_by_class(examples, tmp_path):
    preset = PINNEBERG_PRESET.read_text(encoding="utf-8")
    config = tmp_path / "per_year.toml"
    config.write_text(preset.replace("count = 5", "count = 5\nper_year = true"), "utf-8")
    params = _params(examples, tmp_path, CONFIG=str(config), YEARS="2022-2023")
    _, feedback = run_algorithm(ALG, params)
    assert "computed per year" in feedback.text
    for name in ("OUTPUT_TABLE", "OUTPUT_GROUPS"):
        layer = QgsVectorLayer(params[name], "x", "ogr")  # kept: it owns the renderer
        renderer = layer.renderer()
        assert renderer.classAttribute() == "index_class"
        assert [(r.lowerValue(), r.upperValue()) for r in renderer.ranges()] == [
            (c - 0.5, c + 0.5) for c in range(1, 6)
        ]
    areas = QgsVectorLayer(params["OUTPUT"], "a", "ogr")
    assert areas.renderer().classAttribute() == "index_value"  # one year: its own thresholds
    reference = read_provenance(params["OUTPUT"], "sf")["parameters"]["reference"]
    assert "breaks" not in reference and reference["year"] == 2019
