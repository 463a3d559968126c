import pytest

from tests._qgis import start_qgis


@pytest.fixture(scope="session", autouse=True)
def qgis_app():
    return start_qgis()


@pytest.fixture
def dock(tmp_path):
    from qgis.core import QgsApplication, QgsProject
    from qgis.gui import QgsMessageBar
    from qgis.PyQt.QtCore import QCoreApplication

    from sozialplanung_plugin.hilfeportal_dock import HilfeportalDock

    log = []  # what the plugin wrote to QGIS's message log (shown when a load fails)

    def keep(text, tag, _level):
        if tag == "Sozialplanung":
            log.append(text)

    QgsApplication.messageLog().messageReceived.connect(keep)
    project = QgsProject()
    bar = QgsMessageBar()
    widget = HilfeportalDock(project=project, message_bar=bar, cache_dir=tmp_path / "cache")
    widget.ask_project_file = lambda: str(tmp_path / "projekt.qgs")  # the user saves it there
    widget.load_options = lambda: {"backoff": 0.01, "retries": 1, "timeout": 5}
    widget.log = log
    widget.show()
    yield widget
    QgsApplication.messageLog().messageReceived.disconnect(keep)
    widget.shutdown()
    project.clear()
    widget.deleteLater()
    QCoreApplication.processEvents()


@pytest.fixture
def pg_connection(postgres, tmp_path):
    """A database with PostGIS and a saved QGIS connection "hilfeportal-test" to it."""
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry

    name = "dock_" + tmp_path.name.lower().replace("-", "_")[-40:]
    postgres.create_database(name)
    uri = QgsDataSourceUri()
    uri.setConnection(str(postgres.socket_dir), str(postgres.port), name, "postgres", "")
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    conn = metadata.createConnection(uri.uri(False), {"saveUsername": True})
    metadata.saveConnection(conn, "hilfeportal-test")
    yield name
    metadata.deleteConnection("hilfeportal-test")
