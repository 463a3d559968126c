"""The Hilfeportal dock in real QGIS (offscreen) with real QGIS objects, over real HTTP."""

from __future__ import annotations

import time
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsWkbTypes,
)
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QColor

from geolib.hilfeportal_server import Faults, HilfeportalServer
from tests.plugin._dock import messages, press_load


def test_load_puts_styled_layers_into_the_group(dock, server, services):
    dock.source_edit.setText(server.url)
    assert press_load(dock) is True
    offers = dock.layer("offers")
    checks = dock.layer("checks")
    assert offers.featureCount() == len(services)
    assert offers.geometryType() == QgsWkbTypes.GeometryType.PointGeometry
    assert offers.renderer().type() == "categorizedSymbol"
    assert offers.renderer().classAttribute() == "category"
    assert checks.featureCount() == len(dock.result.checks) > 0
    group = dock.project.layerTreeRoot().findGroup("Hilfeportal")
    assert {lyr.layer() for lyr in group.findLayers()} == {offers, checks}
    form = offers.editFormConfig()
    names = offers.fields().names()
    for field in ("url", "phone", "opening_hours"):
        assert form.tabs(), "the form has its groups"
        assert field in names
    url_widget = offers.editorWidgetSetup(names.index("url"))
    assert url_widget.type() == "ExternalResource"
    title_widget = offers.editorWidgetSetup(names.index("title"))
    assert title_widget.type() == "TextEdit" and title_widget.config()["UseHtml"] is False
    assert any("offers loaded" in m for m in messages(dock))
    counts = {dock.category_root.child(i).text(0) for i in range(dock.category_root.childCount())}
    assert f"Senioren ({dock.result.categories['Senioren']})" in counts


def test_tree_and_search_filter_in_place(dock, server):
    dock.source_edit.setText(server.url)
    assert press_load(dock)
    layer = dock.layer("offers")
    dock.set_checked("categories", ["Sucht"])
    dock.apply_filter()
    assert layer.featureCount() == dock.result.categories["Sucht"]
    assert dock.layer("offers") is layer
    # a click in the tree, like a user
    dock.set_checked("categories", None)
    child = dock.category_root.child(0)
    child.setCheckState(0, Qt.CheckState.Unchecked)
    dock.apply_filter()
    name = child.data(0, Qt.ItemDataRole.UserRole + 1)
    assert layer.featureCount() == len(dock.result.all_offers) - dock.result.categories[name] + sum(
        1 for c in dock.result.all_offers["categories"] if name in c and c != name
    )
    dock.set_checked("categories", None)
    title = dock.result.all_offers["title"].iloc[7]
    dock.search_edit.setText(title)
    dock.apply_filter()
    shown = [f["title"] for f in layer.getFeatures()]
    assert title in shown and len(shown) < len(dock.result.all_offers)


def test_refresh_keeps_the_users_style_and_filter(dock, server, services):
    dock.source_edit.setText(server.url)
    assert press_load(dock)
    layer = dock.layer("offers")
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    symbol.setColor(QColor("#123456"))
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setSubsetString("\"category\" = 'Senioren'")
    seniors = layer.featureCount()
    assert 0 < seniors < len(services)
    assert press_load(dock)
    assert dock.layer("offers") is layer
    assert layer.renderer().type() == "singleSymbol"
    assert layer.renderer().symbol().color().name() == "#123456"
    assert layer.subsetString() == "\"category\" = 'Senioren'"
    assert layer.featureCount() == seniors


def test_refresh_after_a_fault_keeps_the_cache(dock, server, services):
    dock.source_edit.setText(server.url)
    assert press_load(dock)
    fetched = dock.result.fetched_at
    server.faults = Faults(fail_500=-1)
    assert press_load(dock)
    assert dock.result.from_cache and dock.result.fetched_at == fetched
    assert dock.layer("offers").featureCount() == len(services)
    assert any("The refresh failed" in m and fetched in m for m in messages(dock))
    assert "from the cache" in dock.status_label.text()


def test_failure_without_cache_says_why_and_keeps_qgis_working(dock, server):
    server.faults = Faults(fail_500=-1)
    dock.source_edit.setText(server.url)
    assert press_load(dock) is False
    assert dock.layer("offers") is None
    assert any("HTTP 500" in m for m in messages(dock))
    assert dock.load_button.isEnabled()


def test_cancel_leaves_the_layers_unchanged(dock, server, services):
    dock.source_edit.setText(server.url)
    assert press_load(dock)
    before = dock.layer("offers").featureCount()
    server.faults = Faults(slow=0.3)
    dock.load_options = lambda: {"per_page": 20, "timeout": 5}
    finished = []
    dock.loadFinished.connect(finished.append)
    task = dock.load()
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline and task.status() != task.Running:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    dock.cancel_button.click()
    deadline = time.monotonic() + 30
    while not finished and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert finished == [False]
    assert dock.layer("offers").featureCount() == before
    assert any("cancelled" in m for m in messages(dock))
    assert len(server.requests) < 5 + 450 // 20


def test_html_in_titles_stays_text_in_the_message_bar_and_tree(dock, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(
        "id;name;kategorie;lat;lon;updated_at;Extra\n"
        "X1;<b>fett</b><script>alert(1)</script>;<i>Kat</i>;53,65;9,80;2026-09-01;1\n",
        encoding="utf-8",
    )
    dock.source_edit.setText(str(export))
    assert press_load(dock)
    layer = dock.layer("offers")
    assert [f["title"] for f in layer.getFeatures()] == ["<b>fett</b><script>alert(1)</script>"]
    assert dock.category_root.child(0).text(0) == "<i>Kat</i> (1)"
    unknown = [m for m in messages(dock) if "Extra" in m]
    assert len(unknown) == 1
    assert dock.status_label.textFormat() == Qt.TextFormat.PlainText


def test_bad_sources_are_refused_with_a_message(dock):
    dock.source_edit.setText("ftp://example.org/angebote")
    assert press_load(dock) is False
    assert any("is not an http(s) URL" in m for m in messages(dock))
    dock.source_edit.setText("")
    assert dock.load() is None
    assert any("Enter the URL" in m for m in messages(dock))


def test_token_from_an_auth_config_selected_in_the_dock(dock, services, tmp_path):
    from qgis.core import QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("test-master", True)
    config = QgsAuthMethodConfig("EsriToken")
    config.setName("dock-token")
    config.setConfig("token", "dock-geheim")
    manager.storeAuthenticationConfig(config)
    with HilfeportalServer(services, token="dock-geheim") as srv:
        dock.source_edit.setText(srv.url)
        dock.auth_select.setConfigId(config.id())
        assert press_load(dock)
        assert dock.layer("offers").featureCount() == len(services)
    assert "dock-geheim" not in "\n".join(messages(dock))
    project_file = tmp_path / "projekt.qgs"
    assert dock.project.write(str(project_file))
    assert "dock-geheim" not in project_file.read_text(encoding="utf-8")


def test_a_layer_folder_that_cannot_be_made_is_a_message(tmp_path):
    from sozialplanung_plugin.hilfeportal_dock import HilfeportalDock
    from sozialplanung_plugin.hilfeportal_store import Target

    blocker = tmp_path / "kein-ordner"
    blocker.write_text("a file where the dock's folder should be")
    export = tmp_path / "export.csv"
    export.write_text("id;name;lat;lon\nX1;Treff;53,65;9,80\n", encoding="utf-8")
    project = QgsProject()
    dock = HilfeportalDock(project=project, message_bar=QgsMessageBar(), cache_dir=tmp_path)
    try:
        dock.show_target(Target(kind="file", path=str(blocker / "c" / "angebote.gpkg")))
        dock.source_edit.setText(str(export))
        assert press_load(dock) is False
        assert dock.layer("offers") is None and dock.load_button.isEnabled()
        assert any("kein-ordner" in m for m in messages(dock))
    finally:
        dock.shutdown()
        project.clear()
        dock.deleteLater()


def test_search_while_the_layer_is_edited_is_a_message(dock, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(
        "id;name;lat;lon\nX1;Treff;53,65;9,80\nX2;Beratung;53,66;9,81\n", encoding="utf-8"
    )
    dock.source_edit.setText(str(export))
    assert press_load(dock)
    layer = dock.layer("offers")
    assert layer.startEditing()
    dock.search_edit.setText("Treff")  # like typing: the filter runs after a pause
    deadline = time.monotonic() + 5
    while dock._search_timer.isActive() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert any("is being edited" in m for m in messages(dock))
    assert layer.featureCount() == 2  # unchanged
    layer.rollBack()


def test_the_layer_file_keeps_the_style_as_shown_in_the_users_language(dock, server, tmp_path):
    from geolib.io import read_style
    from tests._qgis import german

    dock.source_edit.setText(server.url)
    with german():
        assert press_load(dock)
    layer_file = tmp_path / "projekt_hilfeportal.gpkg"  # beside the project
    checks = read_style(layer_file, "pruefliste")
    offers = read_style(layer_file, "angebote")
    assert 'label="ohne Koordinaten"' in checks and "no coordinates" not in checks
    assert 'label="Sonstige"' in offers and 'name="Angebot"' in offers
    label = dock.layer("checks").renderer().categories()[0].label()
    assert label == "ohne Koordinaten"  # as the layer shows it


def _wait_finished(dock, n, timeout=60.0):
    finished = []
    dock.loadFinished.connect(finished.append)
    deadline = time.monotonic() + timeout
    while len(finished) < n and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    dock.loadFinished.disconnect(finished.append)
    return finished


def test_far_fewer_offers_are_confirmed_before_they_replace_the_layer(dock, services):
    from tests._fault_server import FaultServer

    asked = []
    answer = [False]

    def confirm(warning, shown, n):
        asked.append(n)
        return answer[0]

    dock.confirm_fewer = confirm
    with FaultServer(services) as srv:
        dock.source_edit.setText(srv.url)
        assert press_load(dock)
        n = dock.layer("offers").featureCount()
        assert n == len(services)
        srv.mode = "few"
        assert press_load(dock)
        assert asked == [3]
        assert dock.layer("offers").featureCount() == n  # declined: the offers stay
        assert any("The refresh delivered 3 offers" in m for m in messages(dock))
        answer[0] = True
        dock.load_button.click()
        assert _wait_finished(dock, 2) == [True, True]  # the answer, then the confirmed load
        assert asked == [3, 3]
        assert dock.layer("offers").featureCount() == 3


def test_a_key_in_the_url_is_never_in_the_settings(tmp_path, services):
    from qgis.core import QgsSettings

    from sozialplanung_plugin import hilfeportal_dock as module

    secret = "Dock-Schluessel-4242"
    with HilfeportalServer(services) as srv:
        source = f"{srv.url}/?api-key={secret}"
        project, bar = QgsProject(), QgsMessageBar()
        first = module.HilfeportalDock(project=project, message_bar=bar, cache_dir=tmp_path)
        first.ask_project_file = lambda: str(tmp_path / "projekt.qgz")
        first.load_options = lambda: {"backoff": 0.01, "retries": 1, "timeout": 5}
        first.source_edit.setText(source)
        assert press_load(first)
        assert all(secret in p for p in srv.requests)
        first.shutdown()
    settings = QgsSettings()
    settings.sync()
    assert settings.value(module.SETTINGS_SOURCE) == f"{srv.url}/?api-key=***"
    assert secret.encode() not in Path(settings.fileName()).read_bytes()
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]
    assert not any(secret in m for m in messages(first))
    # the same session: the key is still there; a new session: it must be entered again
    again = module.HilfeportalDock(project=project, message_bar=bar, cache_dir=tmp_path)
    assert again.source_edit.text() == source
    module._SESSION_SOURCES.clear()
    later = module.HilfeportalDock(project=project, message_bar=bar, cache_dir=tmp_path)
    assert later.source_edit.text() == f"{srv.url}/?api-key=***"
    assert "not stored" in later.status_label.text()
    for widget in (first, again, later):
        widget.deleteLater()
    project.clear()


# --- where the layers live ----------------------------------------------------------------


def _ids(layer):
    return sorted(f["offer_id"] for f in layer.getFeatures())


def _reopened(path):
    """The project at ``path``, read again, and its offers layer (as on another machine)."""
    from sozialplanung_plugin.hilfeportal_dock import ROLE_PROPERTY

    project = QgsProject()
    assert project.read(str(path))
    layers = [
        lyr for lyr in project.mapLayers().values() if lyr.customProperty(ROLE_PROPERTY) == "offers"
    ]
    assert len(layers) == 1
    return project, layers[0]


def test_a_saved_project_travels_with_its_offers(dock, server, services, tmp_path):
    import shutil

    dock.source_edit.setText(server.url)
    assert press_load(dock)
    offers = _ids(dock.layer("offers"))
    assert len(offers) == len(services)
    assert dock.project.fileName() == str(tmp_path / "projekt.qgs")  # saved as asked
    assert (tmp_path / "projekt_hilfeportal.gpkg").exists()
    assert dock.project.write()
    text = (tmp_path / "projekt.qgs").read_text(encoding="utf-8")
    assert "./projekt_hilfeportal.gpkg|layername=angebote" in text
    assert str(tmp_path) not in text  # no absolute path to the layers
    from processing_algorithms.hilfeportal import cache_dir

    profile = Path(QgsApplication.qgisSettingsDirPath())
    layers = [p for p in profile.rglob("*.gpkg") if p.parent != cache_dir()]
    assert not layers, "nothing in the profile (but the algorithm's cache)"
    dock.project.clear()
    elsewhere = tmp_path.parent / (tmp_path.name + "-kopie") / "ordner"
    shutil.copytree(tmp_path, elsewhere, ignore=shutil.ignore_patterns("cache"))
    (tmp_path / "projekt_hilfeportal.gpkg").rename(tmp_path / "weg.gpkg")  # the old is gone
    project, layer = _reopened(elsewhere / "projekt.qgs")
    assert layer.isValid() and Path(layer.source().split("|")[0]).parent == elsewhere
    assert _ids(layer) == offers
    project.clear()


def test_an_older_project_keeps_what_it_showed(dock, server, services, tmp_path):
    small = tmp_path / "zwei.csv"
    small.write_text("id;name;lat;lon\nX1;Treff;53,65;9,80\nX2;Rat;53,66;9,81\n", "utf-8")
    dock.source_edit.setText(server.url)
    assert press_load(dock)
    assert dock.project.write()
    # the same project saved under another name, then a load of two offers (confirmed)
    dock.confirm_fewer = lambda warning, shown, n: True
    assert dock.project.write(str(tmp_path / "neu.qgs"))
    dock.source_edit.setText(str(small))
    assert press_load(dock)
    assert _ids(dock.layer("offers")) == ["X1", "X2"]
    assert dock.project.write()
    assert (tmp_path / "neu_hilfeportal.gpkg").exists()
    project, layer = _reopened(tmp_path / "projekt.qgs")
    assert layer.featureCount() == len(services)
    project.clear()
    project, layer = _reopened(tmp_path / "neu.qgs")
    assert _ids(layer) == ["X1", "X2"]
    project.clear()


def test_a_file_without_coordinates_never_replaces_the_layer_silently(dock, server, tmp_path):
    export = tmp_path / "ohne.csv"
    export.write_text("id;name;adresse\nX1;Treff;Hauptstr. 1\nX2;Rat;Markt 2\n", "utf-8")
    dock.source_edit.setText(server.url)
    assert press_load(dock)
    layer = dock.layer("offers")
    before = _ids(layer)
    asked = []
    dock.confirm_fewer = lambda warning, shown, n: asked.append((shown, n)) or False
    dock.message_bar.clearWidgets()
    dock.source_edit.setText(str(export))
    assert press_load(dock) is False
    assert asked == [(len(before), 0)]
    assert dock.layer("offers") is layer and _ids(layer) == before
    assert any("unchanged" in m for m in messages(dock))
    assert not any("offers loaded" in m for m in messages(dock))
    dock.confirm_fewer = lambda warning, shown, n: True  # the user takes it
    dock.message_bar.clearWidgets()
    assert press_load(dock)
    assert layer.featureCount() == 0
    checks = list(dock.layer("checks").getFeatures())
    assert len(checks) == len(dock.result.checks)
    assert {f["offer_id"] for f in checks if f["check"] == "no_coordinates"} == {"X1", "X2"}
    assert any("no offer with coordinates" in m for m in messages(dock))
    assert not any("offers loaded" in m for m in messages(dock))


def test_an_unsaved_project_is_saved_first_or_nothing_is_written(dock, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("id;name;lat;lon\nX1;Treff;53,65;9,80\n", encoding="utf-8")
    dock.ask_project_file = lambda: None  # the user does not save
    dock.source_edit.setText(str(export))
    assert dock.load() is None
    assert any("not saved yet" in m for m in messages(dock))
    assert dock.layer("offers") is None and not list(tmp_path.rglob("*.gpkg"))


def test_postgis_target_holds_the_offers_and_travels(
    dock, server, services, postgres, pg_connection, tmp_path
):
    from sozialplanung_plugin.hilfeportal_store import Target

    dock.show_target(Target(kind="postgis", connection="hilfeportal-test", name="kreis"))
    assert dock.connection_combo.currentText() == "hilfeportal-test"
    dock.source_edit.setText(server.url)
    assert press_load(dock)
    layer = dock.layer("offers")
    assert layer.providerType() == "postgres"
    ids = _ids(layer)
    assert len(ids) == len(services)
    rows = postgres.query(
        "SELECT offer_id, ST_SRID(geom) AS srid FROM kreis_angebote", pg_connection
    )
    assert sorted(rows["offer_id"]) == ids and set(rows["srid"]) == {25832}
    checks = postgres.query("SELECT count(*) AS n FROM kreis_pruefliste", pg_connection)
    assert checks["n"][0] == dock.layer("checks").featureCount() > 0
    # the style is the tables' default in layer_styles: a colleague opening them sees it
    styles = postgres.query(
        "SELECT f_table_name AS t FROM public.layer_styles WHERE useasdefault", pg_connection
    )
    assert {"kreis_angebote", "kreis_pruefliste"} <= set(styles["t"])
    # a filter in the dock filters the layer; the shared table keeps every offer
    dock.set_checked("categories", ["Sucht"])
    dock.apply_filter()
    assert layer.featureCount() == dock.result.categories["Sucht"]
    assert len(postgres.query("SELECT offer_id FROM kreis_angebote", pg_connection)) == len(ids)
    dock.set_checked("categories", None)
    assert press_load(dock)
    assert dock.layer("offers") is layer and _ids(layer) == ids
    assert not dock.project.fileName()  # a PostGIS target needs no saved project
    assert dock.project.write(str(tmp_path / "projekt.qgs"))
    dock.project.clear()
    project, again = _reopened(tmp_path / "projekt.qgs")
    assert again.providerType() == "postgres" and _ids(again) == ids
    project.clear()


def test_two_refreshes_of_one_postgis_table_at_once_lose_and_duplicate_nothing(
    postgres, pg_connection, tmp_path
):
    """Two processes replace the offers of one table again and again while a third reads.

    Every read and the end see the complete offers of exactly one refresh: none lost,
    none twice, never a mix.
    """
    import subprocess
    import sys

    script = Path(__file__).with_name("_pg_refresh.py")
    sets = {"A": 300, "B": 120, "C": 40}
    complete = {p: sorted(f"{p}{i}" for i in range(n)) for p, n in sets.items()}

    def run(prefix, rounds, start):
        args = [str(postgres.socket_dir), str(postgres.port), pg_connection, prefix]
        return subprocess.Popen(
            [sys.executable, str(script), *args, str(sets[prefix]), str(rounds), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    first = run("C", 1, tmp_path)  # the table as it was before (tmp_path exists: go)
    assert first.wait(timeout=300) == 0, first.communicate()[0]
    start = tmp_path / "los"
    procs = [run("A", 15, start), run("B", 15, start)]
    start.write_text("")
    seen = set()
    while any(proc.poll() is None for proc in procs):
        ids = sorted(postgres.query("SELECT id FROM gleichzeitig_angebote", pg_connection)["id"])
        kind = next((p for p, full in complete.items() if ids == full), None)
        assert kind is not None, f"a read saw {len(ids)} rows, not one complete refresh"
        seen.add(kind)
    for proc in procs:
        out, _ = proc.communicate(timeout=300)
        assert proc.returncode == 0, out
    ids = sorted(postgres.query("SELECT id FROM gleichzeitig_angebote", pg_connection)["id"])
    assert len(ids) == len(set(ids)), "no offer twice"
    assert ids in (complete["A"], complete["B"]), "the offers of one refresh, complete"
    assert seen, "the table was read while the refreshes ran"


def test_a_file_target_holds_named_tables_with_a_relative_path(dock, tmp_path):
    from sozialplanung_plugin.hilfeportal_store import Target

    export = tmp_path / "export.csv"
    export.write_text("id;name;lat;lon\nX1;Treff;53,65;9,80\nX2;Rat;53,66;9,81\n", "utf-8")
    (tmp_path / "p").mkdir()
    assert dock.project.write(str(tmp_path / "p" / "projekt.qgs"))
    chosen = tmp_path / "daten" / "gemeinsam.gpkg"
    dock.target_combo.setCurrentIndex(dock.target_combo.findData("file"))
    assert dock.file_row.isVisibleTo(dock) and not dock.postgis_row.isVisibleTo(dock)
    dock.file_edit.setText(str(chosen))
    dock.name_edit.setText("kreis")
    dock.source_edit.setText(str(export))
    assert press_load(dock)
    layer = dock.layer("offers")
    assert layer.source() == f"{chosen}|layername=kreis_angebote"
    assert _ids(layer) == ["X1", "X2"]
    assert dock.project.write()
    text = (tmp_path / "p" / "projekt.qgs").read_text(encoding="utf-8")
    assert "../daten/gemeinsam.gpkg|layername=kreis_angebote" in text
    dock.name_edit.setText("Kreis Pinneberg")
    assert dock.load() is None
    assert any("'Kreis Pinneberg' is not usable" in m for m in messages(dock))
    # a new dock on the reopened project shows the choice
    from sozialplanung_plugin.hilfeportal_dock import HilfeportalDock

    project = QgsProject()
    assert project.read(str(tmp_path / "p" / "projekt.qgs"))
    other = HilfeportalDock(project=project, message_bar=QgsMessageBar(), cache_dir=tmp_path)
    assert other.target() == Target(kind="file", path=str(chosen), name="kreis")
    other.shutdown()
    project.clear()
    other.deleteLater()


def test_postgis_problems_are_short_messages(dock, postgres, pg_connection, tmp_path):
    from sozialplanung_plugin.hilfeportal_store import Target

    export = tmp_path / "export.csv"
    export.write_text("id;name;lat;lon\nX1;Treff;53,65;9,80\n", encoding="utf-8")
    dock.source_edit.setText(str(export))
    dock.show_target(Target(kind="postgis", connection="gibt-es-nicht"))
    assert dock.load() is None
    assert any("no saved PostgreSQL connection 'gibt-es-nicht'" in m for m in messages(dock))
    dock.show_target(Target(kind="postgis", connection="hilfeportal-test", schema="fehlt"))
    assert press_load(dock) is False
    found = [m for m in messages(dock) if "fehlt.hilfeportal_angebote" in m]
    assert found and 'schema "fehlt" does not exist' in found[0]
    assert "INSERT" not in found[0] and len(found[0]) < 400
    assert dock.layer("offers") is None and dock.load_button.isEnabled()
