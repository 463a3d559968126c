"""The dock's settings for exported files (field mapping, separators, CRS) in real QGIS.

The dialog is driven without ``exec()``: its widgets are set like a user would, then
its OK is triggered.
"""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsSettings
from qgis.PyQt.QtWidgets import QDialogButtonBox

from tests.plugin._dock import messages, press_load

EXPORT = (
    "Kennung;Bezeichnung;Themen;Rechts;Hoch;Stand\n"
    "A1;Suchtberatung Elmshorn;Sucht, Senioren;566000.5;5946000.25;B12\n"
    "A2;Seniorentreff Wedel;Senioren;548000;5935000;C3\n"
)


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "eigene_namen.csv"
    path.write_text(EXPORT, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def default_settings():
    from sozialplanung_plugin.hilfeportal_dock import SETTINGS_EXPORTS

    QgsSettings().remove(SETTINGS_EXPORTS)
    yield
    QgsSettings().remove(SETTINGS_EXPORTS)


def _ok(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_field_mapping_chosen_in_the_dock_loads_the_export(dock, export, tmp_path):
    from sozialplanung_plugin.field_mapping_dialog import NOT_USED
    from sozialplanung_plugin.hilfeportal_dock import HilfeportalDock

    dock.source_edit.setText(str(export))
    dialog = dock.mapping_dialog()
    rows = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert rows == ["Kennung", "Bezeichnung", "Themen", "Rechts", "Hoch", "Stand"]
    assert dialog.combo("Stand").currentText() == "automatic: updated_at"  # the booth!
    for name, offer_field in (
        ("Kennung", "offer_id"),
        ("Bezeichnung", "title"),
        ("Themen", "categories"),
        ("Rechts", "lon"),
        ("Hoch", "lat"),
        ("Stand", NOT_USED),
    ):
        dialog.set_field(name, offer_field)
    dialog.separators_edit.setText(";|,")
    dialog.crs_widget.setCrs(QgsCoordinateReferenceSystem("EPSG:25832"))
    _ok(dialog)
    assert dock.exports.crs == "EPSG:25832" and ("Rechts", "lon") in dock.exports.pairs
    assert press_load(dock)
    assert any("2 offers loaded" in m for m in messages(dock))
    layer = dock.layer("offers")
    features = {f["offer_id"]: f for f in layer.getFeatures()}
    assert set(features) == {"A1", "A2"}
    assert features["A1"]["title"] == "Suchtberatung Elmshorn"
    point = features["A1"].geometry().asPoint()
    assert np.allclose([point.x(), point.y()], [566000.5, 5946000.25])
    assert dock.result.categories == {"Senioren": 2, "Sucht": 1}  # "Sucht, Senioren" split
    assert not any("Stand" in m and "date" in m for m in messages(dock))
    dock.set_checked("categories", ["Senioren"])
    dock.apply_filter()
    assert layer.featureCount() == 2
    # the choice is kept: a new dock (the next QGIS session) uses it
    again = HilfeportalDock(project=dock.project, message_bar=dock.message_bar, cache_dir=tmp_path)
    assert again.exports == dock.exports
    assert "coordinates in EPSG:25832" in again.mapping_label.text()
    again.shutdown()
    again.deleteLater()


def test_a_mapping_that_cannot_work_keeps_the_dialog_open(dock, export):
    dock.source_edit.setText(str(export))
    dialog = dock.mapping_dialog()
    dialog.set_field("Kennung", "title")
    dialog.set_field("Bezeichnung", "title")
    _ok(dialog)
    assert "two source fields" in dialog.error_label.text()
    assert dock.exports.is_default() and dialog.result() != dialog.DialogCode.Accepted
    dialog.set_field("Kennung", "offer_id")
    _ok(dialog)
    assert dock.exports.pairs == (("Kennung", "offer_id"), ("Bezeichnung", "title"))


def test_the_mapping_dialog_needs_a_readable_source(dock, tmp_path):
    dock.source_edit.setText("")
    assert dock.mapping_dialog() is None
    assert any("Choose an exported file first" in m for m in messages(dock))
    dock.source_edit.setText(str(tmp_path / "fehlt.csv"))
    assert dock.mapping_dialog() is None
    assert any("does not exist" in m for m in messages(dock))
