"""A PostGIS table of the dock shared by two users with different filters (real PostgreSQL).

The table holds every offer of the last refresh, whoever made it; each user's
categories, target groups and search are a filter of their own layer.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsProject
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication

from geolib.hilfeportal import filter_offers
from tests.plugin._dock import press_load


def _ids(layer):
    return sorted(f["offer_id"] for f in layer.getFeatures())


def _expected(dock, **chosen):
    return sorted(filter_offers(dock.result.all_offers, **chosen)["offer_id"])


@pytest.fixture
def colleague(tmp_path):
    """A second user: their own project and dock on the same machine's database."""
    from sozialplanung_plugin.hilfeportal_dock import HilfeportalDock

    project = QgsProject()
    widget = HilfeportalDock(
        project=project, message_bar=QgsMessageBar(), cache_dir=tmp_path / "cache2"
    )
    widget.load_options = lambda: {"backoff": 0.01, "retries": 1, "timeout": 5}
    yield widget
    widget.shutdown()
    project.clear()
    widget.deleteLater()
    QCoreApplication.processEvents()


def test_two_users_filter_one_shared_table_each_for_themselves(
    dock, colleague, server, services, postgres, pg_connection
):
    from sozialplanung_plugin.hilfeportal_store import Target

    target = Target(kind="postgis", connection="hilfeportal-test", name="geteilt")
    everyone = sorted(s["id"] for s in services)
    for user in (dock, colleague):
        user.show_target(target)
        user.source_edit.setText(server.url)
    assert press_load(dock)
    dock.set_checked("categories", ["Sucht"])
    dock.apply_filter()
    mine = dock.layer("offers")
    sucht = _expected(dock, categories=["Sucht"])
    assert _ids(mine) == sucht and 0 < len(sucht) < len(everyone)

    # the colleague refreshes with another filter: the table keeps every offer
    assert press_load(colleague)
    colleague.set_checked("categories", ["Senioren"])
    colleague.set_checked("target_groups", ["Angehörige", "Geflüchtete"])
    colleague.apply_filter()
    theirs = colleague.layer("offers")
    seniors = _expected(
        colleague, categories=["Senioren"], target_groups=["Angehörige", "Geflüchtete"]
    )
    assert _ids(theirs) == seniors and seniors != sucht
    table = postgres.query("SELECT offer_id FROM geteilt_angebote", pg_connection)
    assert sorted(table["offer_id"]) == everyone
    mine.reload()
    assert _ids(mine) == sucht, "the colleague's filter removed nothing from my layer"

    # my refresh and search leave the colleague's layer as it was
    assert press_load(dock)
    dock.set_checked("categories", None)
    dock.search_edit.setText("PARITÄTISCHE straße")  # case ignored, also of umlauts
    dock.apply_filter()
    found = _expected(dock, search="PARITÄTISCHE straße")
    assert _ids(mine) == found and 0 < len(found) < len(everyone)
    theirs.reload()
    assert _ids(theirs) == seniors
    table = postgres.query("SELECT offer_id FROM geteilt_angebote", pg_connection)
    assert sorted(table["offer_id"]) == everyone


def test_the_users_own_filter_stays_beside_the_docks(dock, server, postgres, pg_connection):
    from sozialplanung_plugin.hilfeportal_store import Target, user_subset

    dock.show_target(Target(kind="postgis", connection="hilfeportal-test", name="eigen"))
    dock.source_edit.setText(server.url)
    assert press_load(dock)
    layer = dock.layer("offers")
    assert layer.subsetString() == ""  # nothing chosen: no filter
    own = "\"category\" = 'Senioren'"
    assert layer.setSubsetString(own)
    dock.set_checked("categories", ["Sucht", "Senioren"])
    dock.apply_filter()
    assert user_subset(layer) == own and own in layer.subsetString()
    offers = dock.result.all_offers
    seniors = offers[offers["category"] == "Senioren"]
    expected = sorted(filter_offers(seniors, categories=["Sucht", "Senioren"])["offer_id"])
    assert _ids(layer) == expected and len(expected) > 0
    assert press_load(dock)  # a refresh keeps both parts
    assert user_subset(layer) == own and layer.featureCount() == len(_ids(layer))
    dock.set_checked("categories", None)
    dock.apply_filter()
    assert layer.subsetString() == f"({own})"
    dock.set_checked("categories", [])  # nothing checked: nothing shown
    dock.apply_filter()
    assert layer.featureCount() == 0


ROWS = [
    ("1", "Suchtberatung", "Diakonie", "Am Markt 1", "Sucht|Schulden", "Erwachsene"),
    ("2", "Treff O'Hara", "AWO", "Straße 2", " Sucht ;Senioren", "Senioren; Angehörige"),
    ("3", "ÄLTERE im Blick", "Der Paritätische", None, "Senioren", None),
    ("4", "Kurs 100%", "VHS", "Weg_3", "Bildung (a+b)", "Kinder"),
    ("5", "Ohne alles", None, None, None, None),
]


@pytest.mark.parametrize(
    "chosen",
    [
        {"categories": ["Sucht"]},
        {"categories": ["Senioren", "Bildung (a+b)"]},
        {"categories": []},
        {"target_groups": ["Senioren"], "categories": ["Sucht"]},
        {"search": "ältere"},
        {"search": "o'hara SUCHT"},
        {"search": "100% weg_3"},
        {"search": "straße"},
        {},
    ],
)
def test_the_layer_filter_keeps_what_the_dock_shows(postgres, pg_connection, chosen):
    """:func:`filter_sql` in PostgreSQL keeps the rows :func:`filter_offers` keeps."""
    import pandas as pd

    from sozialplanung_plugin.hilfeportal_store import filter_sql

    columns = ["offer_id", "title", "provider", "address", "categories", "target_groups"]
    frame = pd.DataFrame(ROWS, columns=columns)
    postgres.psql(
        "CREATE TABLE IF NOT EXISTS filter_faelle ("
        + ", ".join(f"{c} text" for c in columns)
        + ")",
        pg_connection,
    )
    postgres.psql("TRUNCATE filter_faelle", pg_connection)
    postgres.copy_in("filter_faelle", frame, pg_connection)
    where = filter_sql(**chosen) or "TRUE"
    found = postgres.query(f"SELECT offer_id FROM filter_faelle WHERE {where}", pg_connection)
    expected = sorted(filter_offers(frame, **chosen)["offer_id"])
    assert sorted(str(i) for i in found["offer_id"]) == expected
