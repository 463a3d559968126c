import shutil

import pytest

from tests._qgis import german, start_qgis
from tests.conftest import KREIS_GPKG
from tests.processing._atlas import _make_atlas_gpkg


@pytest.fixture(scope="session", autouse=True)
def qgis_app():
    return start_qgis()


# --- the atlas (tests/processing/test_atlas*.py): built once ------------------------------
@pytest.fixture
def in_german():
    with german():
        yield


@pytest.fixture(scope="session")
def atlas(tmp_path_factory, examples):
    """The atlas built in German (the texts checked below are the German maps')."""
    from processing_algorithms.atlas_project import build_atlas

    folder = tmp_path_factory.mktemp("atlas")
    gpkg = _make_atlas_gpkg(folder, examples)
    with german():
        result = build_atlas(gpkg, folder, basemap=KREIS_GPKG)
    return folder, gpkg, result


@pytest.fixture(scope="session")
def atlas_en(atlas, tmp_path_factory):
    """The same atlas built without a translation: the English maps."""
    from processing_algorithms.atlas_project import build_atlas

    folder = tmp_path_factory.mktemp("atlas_en")
    gpkg = folder / "sozialplanungsatlas.gpkg"
    shutil.copy(atlas[1], gpkg)
    return build_atlas(gpkg, folder, basemap=KREIS_GPKG)
