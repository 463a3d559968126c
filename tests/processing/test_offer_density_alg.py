"""sozialplanung:offerdensity in real QGIS: parity with QGIS's heatmap, output, bad input."""

import numpy as np
import pytest
import rasterio
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsRasterLayer,
    QgsSingleBandPseudoColorRenderer,
    QgsVectorLayer,
)

from tests._qgis import run_algorithm, run_algorithm_error

ALG = "sozialplanung:offerdensity"


def _layer(xy, weights=None, radii=None):
    uri = "Point?crs=EPSG:25832&field=w:double&field=r:double"
    layer = QgsVectorLayer(uri, "pts", "memory")
    feats = []
    for i, (x, y) in enumerate(xy):
        f = QgsFeature(layer.fields())
        f.setAttributes(
            [None if weights is None else float(weights[i]), None if radii is None else radii[i]]
        )
        if x is not None:
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def _read(path):
    with rasterio.open(path) as src:
        return src.read(1).astype(float), src.transform, src.nodata, src.profile


@pytest.mark.parametrize("kernel", [0, 1, 2, 3, 4])
def test_raw_values_equal_qgis_heatmap_on_the_same_grid(kernel, tmp_path):
    # points on half pixels and a height of whole pixels: where QGIS 3.22's heatmap is exact
    rng = np.random.default_rng(kernel)
    ps, radius = 10.0, 60.0
    xy = np.round(rng.uniform([1000, 2000], [1600, 2400], size=(60, 2)) / 5) * 5
    xy[0] = (1000, 2000)
    xy[1] = (1600, 2400)
    weights = rng.uniform(1, 20, len(xy)).round(1)
    layer = _layer(xy, weights)
    params = {
        "INPUT": layer,
        "RADIUS": radius,
        "PIXEL_SIZE": ps,
        "WEIGHT_FIELD": "w",
        "KERNEL": kernel,
        "DECAY": 0.25,
        "OUTPUT_VALUE": 0,
    }
    qgis_out = tmp_path / "qgis.tif"
    run_algorithm("qgis:heatmapkerneldensityestimation", {**params, "OUTPUT": str(qgis_out)})
    q, qt, qnodata, _ = _read(qgis_out)
    q[q == qnodata] = 0.0
    rows, cols = q.shape
    extent = f"{qt.c},{qt.c + cols * ps},{qt.f - rows * ps},{qt.f} [EPSG:25832]"
    ours_out = tmp_path / "ours.tif"
    results, _ = run_algorithm(ALG, {**params, "EXTENT": extent, "OUTPUT": str(ours_out)})
    ours, ot, _, _ = _read(results["OUTPUT"])
    assert ot == qt and ours.shape == q.shape
    assert (q > 0).sum() > 1000
    nonzero = (ours != 0) | (q != 0)
    rel = np.abs(ours[nonzero] - q[nonzero]) / np.abs(ours[nonzero])
    assert rel.max() <= 1e-6


def test_qgis_quirk_is_not_copied(tmp_path):
    # a point off the pixel centre: QGIS mirrors its kernel within the pixel row
    layer = _layer([(1000, 2000), (1200, 2203)])
    params = {"INPUT": layer, "RADIUS": 50.0, "PIXEL_SIZE": 10.0, "KERNEL": 0}
    run_algorithm(
        "qgis:heatmapkerneldensityestimation", {**params, "OUTPUT": str(tmp_path / "q.tif")}
    )
    q, qt, qnodata, _ = _read(tmp_path / "q.tif")
    rows, cols = q.shape
    extent = f"{qt.c},{qt.c + cols * 10},{qt.f - rows * 10},{qt.f} [EPSG:25832]"
    results, _ = run_algorithm(ALG, {**params, "EXTENT": extent, "OUTPUT": str(tmp_path / "o.tif")})
    ours, t, _, profile = _read(results["OUTPUT"])
    q[q == qnodata] = 0.0
    rows_idx, cols_idx = np.indices(ours.shape)
    cx, cy = t.c + (cols_idx + 0.5) * 10, t.f - (rows_idx + 0.5) * 10
    exact = np.zeros(ours.shape)
    for px, py in [(1000, 2000), (1200, 2203)]:
        d2 = ((cx - px) ** 2 + (cy - py) ** 2) / 50**2
        exact += np.where(d2 <= 1, (1 - d2) ** 2, 0)
    assert profile["dtype"] == "float32"  # as QGIS's heatmap
    np.testing.assert_allclose(ours, exact, rtol=1e-6, atol=1e-12)
    assert np.abs(q - exact).max() > 0.05  # QGIS puts the second kernel 4 m too high


def test_geotiff_has_crs_compression_style_and_provenance(examples, tmp_path):
    out = tmp_path / "dichte.tif"
    results, feedback = run_algorithm(
        ALG,
        {
            "INPUT": str(examples["offers"]),
            "RADIUS": 1000,
            "PIXEL_SIZE": 100,
            "WEIGHT_FIELD": "capacity",
            "OUTPUT_VALUE": 3,
            "OUTPUT": str(out),
        },
    )
    array, transform, _, profile = _read(results["OUTPUT"])
    assert profile["crs"].to_epsg() == 25832 and profile["compress"] == "zstd"
    assert profile["nodata"] == -9999 and (array != -9999).all()
    assert transform.a == 100 and array.max() > 0
    with rasterio.open(out) as src:
        assert "synthetische Beispielwerte" in src.tags()["TIFFTAG_IMAGEDESCRIPTION"]
    assert out.with_suffix(".qml").exists()
    layer = QgsRasterLayer(str(out), "d")
    assert isinstance(layer.renderer(), QgsSingleBandPseudoColorRenderer)
    assert layer.renderer().classificationMax() == pytest.approx(array.max(), rel=1e-6)
    assert "Raster of" in feedback.text


def test_null_geometries_are_skipped_and_counted(tmp_path):
    layer = _layer([(0, 0), (None, None), (50, 50)])
    _, feedback = run_algorithm(
        ALG, {"INPUT": layer, "RADIUS": 30, "PIXEL_SIZE": 5, "OUTPUT": str(tmp_path / "d.tif")}
    )
    assert "1 features of the points layer have no geometry and were skipped" in feedback.text


@pytest.mark.parametrize(
    ("params", "text"),
    [
        ({"RADIUS": 0}, "radius must be greater than 0"),
        ({"RADIUS": 30, "WEIGHT_FIELD": "w"}, "All weights in 'w' are 0 or missing"),
        ({"RADIUS": 30, "PIXEL_SIZE": 1000}, "larger than the extent"),
        ({"RADIUS": 30, "PIXEL_SIZE": 0.001}, "would need about"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(params, text, tmp_path):
    layer = _layer([(0, 0), (500, 500)], weights=[0, 0])
    message = run_algorithm_error(
        ALG, {"INPUT": layer, "PIXEL_SIZE": 5, **params, "OUTPUT": str(tmp_path / "d.tif")}
    )
    assert text in message and "Traceback" not in message


def test_without_numba_the_same_raster_and_a_note_how_to_install_it(tmp_path, monkeypatch):
    from geolib.kernel_density import uses_numba

    rng = np.random.default_rng(4)
    xy = rng.uniform(0, 800, size=(200, 2))
    layer = _layer(xy, rng.uniform(1, 5, 200), rng.uniform(40, 120, 200).tolist())
    params = {"INPUT": layer, "RADIUS_FIELD": "r", "WEIGHT_FIELD": "w", "PIXEL_SIZE": 10.0}
    compiled, feedback = run_algorithm(ALG, {**params, "OUTPUT": str(tmp_path / "a.tif")})
    assert uses_numba() == ("GEOLIB_NO_NUMBA" not in feedback.text)
    monkeypatch.setenv("GEOLIB_NO_NUMBA", "1")
    plain, feedback = run_algorithm(ALG, {**params, "OUTPUT": str(tmp_path / "b.tif")})
    note = next(i for i in feedback.infos if "GEOLIB_NO_NUMBA" in i)
    assert "python3-numba" in note and "OSGeo4W" in note and "pip" not in note
    a, b = _read(compiled["OUTPUT"])[0], _read(plain["OUTPUT"])[0]
    assert a.max() > 0 and np.abs(a - b).max() <= 1e-12 * np.abs(b).max()
