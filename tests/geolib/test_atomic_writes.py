"""geolib's writers on a full disk (a small tmpfs, mounted as root): an error that says
so, and the previous file byte for byte as it was."""

import hashlib

import geopandas as gpd
import numpy as np
import pytest
import shapely
from affine import Affine
from pyproj import CRS

from geolib.errors import OutputError
from geolib.io import OutputLayer, write_gpkg
from geolib.raster import RasterResult, write_geotiff


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _raster(size: int, seed: int) -> RasterResult:
    array = np.random.default_rng(seed).random((size, size))
    return RasterResult(array, Affine(10, 0, 500000, 0, -10, 5950000), CRS.from_epsg(25832))


def _lines(n: int) -> gpd.GeoDataFrame:
    xy = np.random.default_rng(n).uniform(0, 1000, (n, 2, 2))
    return gpd.GeoDataFrame(
        {"name": [f"line {i}" for i in range(n)]}, geometry=shapely.linestrings(xy), crs=25832
    )


def test_a_geotiff_on_a_full_disk_fails_and_keeps_the_previous_file(small_disk):
    disk, fill = small_disk
    path = disk / "surface.tif"
    write_geotiff(_raster(64, 1), path)
    before = _digest(path)
    fill(256 * 1024)
    with pytest.raises(OutputError, match="disk full"):
        write_geotiff(_raster(1024, 2), path)  # 8 MB of random values
    assert _digest(path) == before
    assert sorted(p.name for p in disk.iterdir()) == ["filler", "surface.tif"]


def test_a_geopackage_layer_on_a_full_disk_fails_and_keeps_the_file(small_disk):
    disk, fill = small_disk
    path = disk / "atlas.gpkg"
    write_gpkg(path, [OutputLayer("a", _lines(10)), OutputLayer("b", _lines(20))])
    before = _digest(path)
    fill(path.stat().st_size + 64 * 1024)  # room for the copy, not for the new layer
    with pytest.raises(OutputError) as failed:
        write_gpkg(path, OutputLayer("b", _lines(20000)), keep_existing=True)
    assert "atlas.gpkg" in str(failed.value)
    assert _digest(path) == before
