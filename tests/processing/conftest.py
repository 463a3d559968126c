import pytest

from tests._qgis import start_qgis


@pytest.fixture(scope="session", autouse=True)
def qgis_app():
    return start_qgis()
