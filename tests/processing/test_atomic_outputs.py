"""Every file output is written completely or not at all (processing_algorithms/outputs.py).

A full disk (a small tmpfs, mounted here as root), a failure on a later output, and a
``kill -9`` of a running ``qgis_process`` leave the previous outputs byte for byte as
they were, and the message says so.
"""

import hashlib
import shutil
import subprocess
import time
from pathlib import Path

import numpy as np
import pyogrio
import pytest
import shapely

from geolib.io import read_vector
from tests._qgis import memory_layer, run_algorithm, run_algorithm_error
from tests.conftest import KREIS_GPKG

CATCHMENTS = "sozialplanung:catchments"
DENSITY = "sozialplanung:offerdensity"
WEDEL = f"{KREIS_GPKG}|layername=osm_strassen_wedel_detail"
NO_OUTPUTS = {"OUTPUT": None, "OUTPUT_LINES": None, "OUTPUT_UNROUTABLE": None}
NO_OUTPUTS["OUTPUT_POPULATION"] = None


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _stages(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".sozialplanung-")]


@pytest.fixture(scope="module")
def offers():
    """Six offers on Wedel's streets and one far away (unroutable)."""
    streets = read_vector(KREIS_GPKG, layer="osm_strassen_wedel_detail")
    coords = shapely.get_coordinates(streets.geometry.values)
    picks = coords[np.random.default_rng(5).choice(len(coords), 6, replace=False)]
    rows = [(f"POINT({x} {y})", [f"w{i}"]) for i, (x, y) in enumerate(picks)]
    rows.append(("POINT(500000 5900000)", ["far"]))
    return memory_layer("Point?crs=EPSG:25832&field=offer_id:string", rows)


def _catchments(offers, **outputs):
    return {"NETWORK": WEDEL, "OFFERS": offers, "BREAKS": "3,6", **NO_OUTPUTS, **outputs}


def _points(n: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    xy = rng.uniform([520000, 5930000], [530000, 5940000], size=(n, 2))
    return memory_layer("Point?crs=EPSG:25832", [(f"POINT({x} {y})", []) for x, y in xy])


def _density(points, out, pixel=10.0):
    return {"INPUT": points, "RADIUS": 500.0, "PIXEL_SIZE": pixel, "OUTPUT": str(out)}


def test_a_full_disk_keeps_the_previous_vector_output(offers, small_disk):
    disk, fill = small_disk
    previous = disk / "lines.gpkg"
    run_algorithm(CATCHMENTS, _catchments(offers, OUTPUT_LINES=str(previous), BREAKS="1"))
    before, features = _digest(previous), pyogrio.read_info(previous, layer="lines")["features"]
    assert features > 0
    fill(64 * 1024)
    message = run_algorithm_error(CATCHMENTS, _catchments(offers, OUTPUT_LINES=str(previous)))
    assert "previous files are unchanged" in message
    assert _digest(previous) == before
    assert pyogrio.read_info(previous, layer="lines")["features"] == features
    assert _stages(disk) == []


def test_a_full_disk_keeps_a_layer_inside_an_existing_geopackage(offers, small_disk, tmp_path):
    disk, fill = small_disk
    atlas = disk / "atlas.gpkg"
    read_vector(KREIS_GPKG, layer="gemeinden").to_file(atlas, layer="gemeinden")
    dest = f"ogr:dbname='{atlas}' table=\"reached\" (geom)"
    run_algorithm(CATCHMENTS, _catchments(offers, OUTPUT_LINES=dest, BREAKS="1"))
    before = _digest(atlas)
    reached = pyogrio.read_info(atlas, layer="reached")["features"]
    fill(atlas.stat().st_size + 16 * 1024)  # room for the copy, not for the new layer
    message = run_algorithm_error(CATCHMENTS, _catchments(offers, OUTPUT_LINES=dest))
    assert "previous files are unchanged" in message
    assert _digest(atlas) == before
    assert pyogrio.read_info(atlas, layer="reached")["features"] == reached
    assert pyogrio.read_info(atlas, layer="gemeinden")["features"] == 49


def test_a_full_disk_keeps_the_previous_raster(small_disk):
    disk, fill = small_disk
    previous = disk / "density.tif"
    run_algorithm(DENSITY, _density(_points(50), previous, pixel=200.0))
    before = _digest(previous)
    fill(64 * 1024)
    message = run_algorithm_error(DENSITY, _density(_points(2000, seed=2), previous))
    assert "unchanged" in message and "density.tif" in message
    assert _digest(previous) == before
    assert _stages(disk) == []


def test_a_failing_second_output_keeps_the_first(offers, tmp_path):
    lines, unroutable = tmp_path / "lines.gpkg", tmp_path / "unroutable.gpkg"
    run_algorithm(CATCHMENTS, _catchments(offers, OUTPUT_LINES=str(lines), BREAKS="1"))
    before = _digest(lines)
    unroutable.mkdir()  # the second output cannot replace a folder
    message = run_algorithm_error(
        CATCHMENTS,
        _catchments(offers, OUTPUT_LINES=str(lines), OUTPUT_UNROUTABLE=str(unroutable)),
    )
    assert "previous files are unchanged" in message
    assert _digest(lines) == before and unroutable.is_dir()
    assert _stages(tmp_path) == []
    shutil.rmtree(unroutable)  # and with room for both, both are replaced
    run_algorithm(
        CATCHMENTS,
        _catchments(offers, OUTPUT_LINES=str(lines), OUTPUT_UNROUTABLE=str(unroutable)),
    )
    assert _digest(lines) != before
    assert pyogrio.read_info(unroutable, layer="unroutable")["features"] == 1


def test_a_plain_geopackage_path_keeps_the_files_other_layers(offers, tmp_path):
    project = tmp_path / "project.gpkg"
    read_vector(KREIS_GPKG, layer="gemeinden").to_file(project, layer="gemeinden")
    results, feedback = run_algorithm(CATCHMENTS, _catchments(offers, OUTPUT_LINES=str(project)))
    assert "they are kept" in feedback.text
    layers = dict(pyogrio.list_layers(project))
    assert {"gemeinden", "project"} <= set(layers)
    assert pyogrio.read_info(project, layer="gemeinden")["features"] == 49
    assert results["OUTPUT_LINES"] == f"{project}|layername=project"
    assert pyogrio.read_info(project, layer="project")["features"] > 0
    # a file that holds only this output's layer is replaced, as QGIS does
    alone = tmp_path / "alone.gpkg"
    run_algorithm(CATCHMENTS, _catchments(offers, OUTPUT_LINES=str(alone), BREAKS="1"))
    run_algorithm(CATCHMENTS, _catchments(offers, OUTPUT_LINES=str(alone)))
    assert [n for n, _ in pyogrio.list_layers(alone) if n != "layer_styles"] == ["alone"]


# ---- kill -9 of a running qgis_process ------------------------------------------------


@pytest.fixture(scope="module")
def qgis_profile(tmp_path_factory):
    from tests.plugin._helpers import QGIS_PROCESS, build_zip, fresh_profile, qgis_env

    if not Path(QGIS_PROCESS).exists():
        pytest.skip(f"{QGIS_PROCESS} is not installed")
    base = tmp_path_factory.mktemp("kill")
    config, _ = fresh_profile(base, build_zip(base))
    env = qgis_env(config)
    subprocess.run([QGIS_PROCESS, "plugins", "enable", "sozialplanung"], env=env, timeout=300)
    return QGIS_PROCESS, env


def _kill_mid_write(qgis_profile, alg: str, params: dict, folder: Path) -> None:
    """Start ``alg`` in qgis_process, kill -9 it once a staged file is being written."""
    command, env = qgis_profile
    proc = subprocess.Popen(
        [command, "run", alg, "--", *(f"{k}={v}" for k, v in params.items() if v is not None)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            if any(size > 0 for size in _staged_sizes(folder)):
                break
            time.sleep(0.005)
        assert proc.poll() is None, f"the run ended before it wrote: {proc.stdout.read()[-2000:]}"
        proc.kill()  # SIGKILL: no cleanup runs
    finally:
        proc.wait(timeout=30)


def _staged_sizes(folder: Path) -> list[int]:
    """The sizes of the files being staged; SQLite's journal comes and goes meanwhile."""
    sizes = []
    for stage in folder.glob(".sozialplanung-*"):
        try:
            sizes += [f.stat().st_size for f in stage.iterdir()]
        except FileNotFoundError:  # gone between the listing and the look
            continue
    return sizes


def _write_points(path: Path, n: int) -> None:
    import geopandas as gpd

    rng = np.random.default_rng(3)
    xy = rng.uniform([500000, 5920000], [560000, 5980000], size=(n, 2))
    gpd.GeoDataFrame(geometry=shapely.points(xy), crs=25832).to_file(path)


def test_kill_9_while_writing_a_raster_keeps_the_previous_one(qgis_profile, tmp_path):
    points = tmp_path / "points.gpkg"
    _write_points(points, 20000)
    out = tmp_path / "density.tif"
    run_algorithm(DENSITY, _density(str(points), out, pixel=500.0))
    before = _digest(out)
    _kill_mid_write(qgis_profile, DENSITY, _density(str(points), out, pixel=20.0), tmp_path)
    assert _digest(out) == before
    assert _stages(tmp_path)  # the killed run's staging folder is left …
    run_algorithm(DENSITY, _density(str(points), out, pixel=500.0))
    assert _stages(tmp_path) == []  # … and removed by the next run into the folder


def test_kill_9_while_writing_a_layer_keeps_the_geopackage(qgis_profile, offers, tmp_path):
    atlas = tmp_path / "atlas.gpkg"
    read_vector(KREIS_GPKG, layer="gemeinden").to_file(atlas, layer="gemeinden")
    dest = f"ogr:dbname='{atlas}' table=\"reached\" (geom)"
    run_algorithm(CATCHMENTS, _catchments(offers, OUTPUT_LINES=dest, BREAKS="1"))
    before = _digest(atlas)
    reached = pyogrio.read_info(atlas, layer="reached")["features"]
    streets = read_vector(KREIS_GPKG, layer="osm_strassen_wedel_detail")
    coords = shapely.get_coordinates(streets.geometry.values)[::40]
    offers_path = tmp_path / "offers.gpkg"
    import geopandas as gpd

    gpd.GeoDataFrame(
        {"offer_id": [f"o{i}" for i in range(len(coords))]},
        geometry=shapely.points(coords),
        crs=25832,
    ).to_file(offers_path)
    params = {"NETWORK": WEDEL, "OFFERS": str(offers_path), "BREAKS": "5,10,15"}
    params.update(NO_OUTPUTS, OUTPUT_LINES=dest)
    _kill_mid_write(qgis_profile, CATCHMENTS, params, tmp_path)
    assert _digest(atlas) == before
    assert pyogrio.read_info(atlas, layer="reached")["features"] == reached
    assert pyogrio.read_info(atlas, layer="gemeinden")["features"] == 49


def test_project_layers_of_a_replaced_geopackage_show_the_new_file(offers, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer

    atlas = tmp_path / "atlas.gpkg"
    read_vector(KREIS_GPKG, layer="gemeinden").to_file(atlas, layer="gemeinden")
    dest = f"ogr:dbname='{atlas}' table=\"reached\" (geom)"
    run_algorithm(CATCHMENTS, _catchments(offers, OUTPUT_LINES=dest, BREAKS="1"))
    gemeinden = QgsVectorLayer(f"{atlas}|layername=gemeinden", "gemeinden", "ogr")
    reached = QgsVectorLayer(f"{atlas}|layername=reached", "reached", "ogr")
    QgsProject.instance().addMapLayers([gemeinden, reached])
    try:
        before = reached.featureCount()
        run_algorithm(CATCHMENTS, _catchments(offers, OUTPUT_LINES=dest))
        now = pyogrio.read_info(atlas, layer="reached")["features"]
        assert now != before and reached.featureCount() == now
        assert gemeinden.featureCount() == 49
    finally:
        QgsProject.instance().removeMapLayers([gemeinden.id(), reached.id()])


def test_a_geopackage_changed_during_the_run_is_not_overwritten(offers, tmp_path, monkeypatch):
    from processing_algorithms import bridge

    atlas = tmp_path / "atlas.gpkg"
    read_vector(KREIS_GPKG, layer="gemeinden").to_file(atlas, layer="gemeinden")
    append = bridge.append_to_gpkg

    def meanwhile(*args, **kwargs):  # another program writes a layer into the file
        read_vector(KREIS_GPKG, layer="kreis").to_file(atlas, layer="kreis")
        return append(*args, **kwargs)

    monkeypatch.setattr(bridge, "append_to_gpkg", meanwhile)
    dest = f"ogr:dbname='{atlas}' table=\"reached\" (geom)"
    message = run_algorithm_error(CATCHMENTS, _catchments(offers, OUTPUT_LINES=dest))
    assert "changed by another program" in message and "unchanged" in message
    assert {"gemeinden", "kreis"} == {n for n, _ in pyogrio.list_layers(atlas)}


def test_shapefile_and_geojson_outputs_are_swapped_in_with_all_their_parts(offers, tmp_path):
    lines, unroutable = tmp_path / "lines.shp", tmp_path / "unroutable.geojson"
    outputs = {"OUTPUT_LINES": str(lines), "OUTPUT_UNROUTABLE": str(unroutable)}
    run_algorithm(CATCHMENTS, _catchments(offers, BREAKS="1", **outputs))
    first = pyogrio.read_info(lines)["features"]
    results, _ = run_algorithm(CATCHMENTS, _catchments(offers, **outputs))
    memory, _ = run_algorithm(CATCHMENTS, _catchments(offers, OUTPUT_LINES="TEMPORARY_OUTPUT"))
    assert pyogrio.read_info(lines)["features"] == memory["OUTPUT_LINES"].featureCount() != first
    assert {p.suffix for p in tmp_path.glob("lines.*")} >= {".shp", ".shx", ".dbf", ".prj"}
    assert pyogrio.read_info(unroutable)["features"] == 1
    assert results["OUTPUT_LINES"] == str(lines) and _stages(tmp_path) == []


def test_the_final_file_is_loaded_on_completion_under_the_chosen_name(offers, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProcessingOutputLayerDefinition, QgsProject

    lines = tmp_path / "lines.gpkg"
    definition = QgsProcessingOutputLayerDefinition(str(lines), QgsProject.instance())
    definition.destinationName = "Erreichte Strecken"
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results, _ = run_algorithm(
        CATCHMENTS, _catchments(offers, OUTPUT_LINES=definition), context=context
    )
    to_load = context.layersToLoadOnCompletion()
    assert list(to_load) == [results["OUTPUT_LINES"]]
    assert results["OUTPUT_LINES"].split("|")[0] == str(lines)
    assert to_load[results["OUTPUT_LINES"]].name == "Erreichte Strecken"
