"""``sozialplanung:hilfeportal`` in headless QGIS against the example server over HTTP."""

from __future__ import annotations

import datetime
import json

import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsVectorLayer

from geolib.hilfeportal_server import Faults, HilfeportalServer
from geolib.io import read_provenance, read_style, read_vector
from tests._qgis import run_algorithm, run_algorithm_error

ALG = "sozialplanung:hilfeportal"


def _run(tmp_path, **params):
    out, checks = tmp_path / "angebote.gpkg", tmp_path / "pruefung.gpkg"
    results, feedback = run_algorithm(
        ALG, {"OUTPUT": str(out), "OUTPUT_CHECKS": str(checks), **params}
    )
    return read_vector(out), read_vector(checks), results, feedback


def test_loads_every_offer_styled_with_check_list(server, offers, tmp_path):
    got, checks, results, feedback = _run(tmp_path, SOURCE=server.url)
    assert len(got) == len(offers)
    assert sorted(got["offer_id"]) == sorted(offers["offer_id"])
    assert got.crs.to_epsg() == 25832 and set(got.geom_type) == {"Point"}
    limit = (datetime.date.today() - datetime.timedelta(days=730)).isoformat()
    stale = (offers["updated_at"] < limit).sum()  # the default: 730 days before today
    assert set(checks["check"]) == {"stale"} and len(checks) == stale
    style = read_style(tmp_path / "angebote.gpkg", "angebote")
    assert 'type="categorizedSymbol"' in style and 'attr="category"' in style
    assert "Hilfeportal" in read_provenance(tmp_path / "angebote.gpkg", "angebote")["title"]
    assert read_provenance(tmp_path / "angebote.gpkg", "angebote")["synthetic"] is True
    layer = QgsVectorLayer(results["OUTPUT"], "offers", "ogr")
    assert layer.renderer().type() == "categorizedSymbol"
    assert layer.renderer().classAttribute() == "category"
    assert "offers loaded" in feedback.text


def test_a_key_in_the_source_url_is_not_stored(server, offers, tmp_path):
    got, _, _, feedback = _run(tmp_path, SOURCE=server.url + "?token=geheim-9")
    assert len(got) == len(offers)
    assert all("token=geheim-9" in p for p in server.requests)
    provenance = read_provenance(tmp_path / "angebote.gpkg", "angebote")
    assert provenance["parameters"]["SOURCE"].startswith(server.url)
    assert "geheim-9" not in json.dumps(provenance) and "geheim-9" not in feedback.text


def test_filters_by_category_target_group_and_search(server, offers, tmp_path):
    got, _, _, _ = _run(tmp_path, SOURCE=server.url, CATEGORIES="Senioren; Sucht")
    expected = offers["categories"].str.contains("Senioren|Sucht")
    assert len(got) == int(expected.sum()) > 0
    got2, _, _, _ = _run(
        tmp_path, SOURCE=server.url, CATEGORIES="Senioren", TARGET_GROUPS="Angehörige"
    )
    assert 0 < len(got2) < len(got)
    title = offers["title"].iloc[3]
    got3, _, _, _ = _run(tmp_path, SOURCE=server.url, SEARCH=title.lower())
    assert title in got3["title"].tolist()


def test_area_for_the_outside_check(server, offers, tmp_path):
    from tests.conftest import KREIS_GPKG

    area = f"{KREIS_GPKG}|layername=gemeinden|subset=\"GEN\" = 'Wedel'"
    got, checks, _, _ = _run(tmp_path, SOURCE=server.url, AREA=area)
    outside = checks[checks["check"] == "outside_area"]
    in_wedel = (offers["municipality"] == "Wedel").sum()
    assert len(outside) == len(offers) - in_wedel
    assert len(got) == len(offers)


@pytest.fixture(scope="module")
def auth_config(qgis_app):
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("test-master", True)
    config = QgsAuthMethodConfig("EsriToken")
    config.setName("hilfeportal-test")
    config.setConfig("token", "geheim-42")
    ok = manager.storeAuthenticationConfig(config)
    assert ok[0] if isinstance(ok, tuple) else ok
    wrong = QgsAuthMethodConfig("EsriToken")
    wrong.setName("hilfeportal-wrong")
    wrong.setConfig("token", "falsch-17")
    manager.storeAuthenticationConfig(wrong)
    basic = QgsAuthMethodConfig("Basic")
    basic.setName("hilfeportal-basic")
    basic.setConfig("username", "u")
    basic.setConfig("password", "p")
    manager.storeAuthenticationConfig(basic)
    return config.id(), wrong.id(), basic.id()


def test_token_from_qgis_authentication(services, tmp_path, auth_config):
    good, wrong, basic = auth_config
    with HilfeportalServer(services, token="geheim-42") as srv:
        message = run_algorithm_error(
            ALG,
            {"SOURCE": srv.url, "AUTHCFG": wrong, "OUTPUT": "memory:", "OUTPUT_CHECKS": "memory:"},
        )
        assert "refused access (HTTP 401)" in message and "falsch-17" not in message
        message = run_algorithm_error(
            ALG,
            {"SOURCE": srv.url, "AUTHCFG": basic, "OUTPUT": "memory:", "OUTPUT_CHECKS": "memory:"},
        )
        assert "refused access (HTTP 401)" in message
        message = run_algorithm_error(
            ALG, {"SOURCE": srv.url, "OUTPUT": "memory:", "OUTPUT_CHECKS": "memory:"}
        )
        assert "Check the token" in message
        # the first complete fetch, then a wrong token: the cache stays, with a warning
        got, _, _, feedback = _run(tmp_path, SOURCE=srv.url, AUTHCFG=good)
        assert len(got) == len(services)
        assert "geheim-42" not in feedback.text
        again, _, _, feedback = _run(tmp_path, SOURCE=srv.url, AUTHCFG=wrong)
        assert len(again) == len(services)
        assert "refused access" in "\n".join(feedback.warnings)


def test_an_unreadable_auth_config_is_refused_in_german(server):
    from sozialplanung_plugin.i18n import install_translator, remove_translator

    params = {"SOURCE": server.url, "AUTHCFG": "fehlt01", "OUTPUT": "memory:"}
    translator = install_translator("de")
    try:
        message = run_algorithm_error(ALG, {**params, "OUTPUT_CHECKS": "memory:"})
    finally:
        remove_translator(translator)
    assert "Authentifizierungskonfiguration 'fehlt01'" in message
    assert server.requests == []


def test_refresh_after_a_fault_uses_the_cache(server, services, tmp_path):
    first, _, _, _ = _run(tmp_path, SOURCE=server.url)
    server.faults = Faults(malformed_page=2)
    again, _, _, feedback = _run(tmp_path, SOURCE=server.url + "/services")
    assert len(again) == len(first) == len(services)
    warning = "\n".join(feedback.warnings)
    assert "The refresh failed" in warning and "not valid JSON" in warning
    assert "fetched at" in warning


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("ftp://example.org/angebote", "is not an http(s) URL"),
        ("file:///etc/passwd", "is not an http(s) URL"),
        ("/nicht/vorhanden.csv", "does not exist"),
    ],
)
def test_bad_sources_are_refused(source, expected):
    message = run_algorithm_error(
        ALG, {"SOURCE": source, "OUTPUT": "memory:", "OUTPUT_CHECKS": "memory:"}
    )
    assert expected in message


def test_empty_export_and_a_check_list_without_geometry(tmp_path):
    empty = tmp_path / "leer.csv"
    empty.write_text("offer_id;title;lat;lon\n", encoding="utf-8")
    message = run_algorithm_error(
        ALG, {"SOURCE": str(empty), "OUTPUT": "memory:", "OUTPUT_CHECKS": "memory:"}
    )
    assert "is empty: it contains no offers" in message
    export = tmp_path / "export.csv"
    export.write_bytes(
        "\ufeffid;name;lat;lon;updated_at;Farbe\n"
        "A;<script>alert(1)</script>Treff;53,65;9,80;2026-09-01;rot\n"
        "B;Ohne Ort;;;2026-09-01;blau\n".encode()
    )
    got, checks, _, feedback = _run(tmp_path, SOURCE=str(export))
    assert got["title"].tolist() == ["<script>alert(1)</script>Treff"]
    assert checks["check"].tolist() == ["no_coordinates"]
    geom = checks.geometry.iloc[0]
    assert geom is None or geom.is_empty
    assert "Farbe" in feedback.text


def test_far_fewer_offers_need_the_accept_parameter(services, tmp_path):
    from tests._fault_server import FaultServer

    with FaultServer(services) as srv:
        got, _, _, _ = _run(tmp_path, SOURCE=srv.url)
        assert len(got) == len(services)
        srv.mode = "empty"
        kept, _, _, feedback = _run(tmp_path, SOURCE=srv.url)
        assert len(kept) == len(services)  # the cached offers, with a warning
        assert "The refresh delivered 0 offers" in feedback.text
        srv.mode = "few"
        taken, _, _, _ = _run(tmp_path, SOURCE=srv.url, ACCEPT_FEWER=True)
        assert len(taken) == 3


def test_a_malformed_answer_uses_the_cache_with_a_clear_warning(services, tmp_path):
    from tests._fault_server import FaultServer

    with FaultServer(services) as srv:
        _run(tmp_path, SOURCE=srv.url)
        srv.mode = "broken_chunked"
        got, _, _, feedback = _run(tmp_path, SOURCE=srv.url)
    assert len(got) == len(services)
    # urllib notices the broken chunk; Qt (the algorithm's transport) hands on the
    # 13 bytes it could read, which are no JSON: either way a clear reason
    assert (
        "broke off or its body is malformed" in feedback.text
        or "Page 1 of the Hilfeportal is not valid JSON" in feedback.text
    )
    assert "Unexpected" not in feedback.text


def test_an_export_with_utm_coordinates_comma_lists_and_own_field_names(offers, tmp_path):
    sub = offers.head(8)
    path = tmp_path / "eigen.csv"
    rows = [
        f"{r.offer_id};{r.title};{r.categories.replace('; ', ', ')};{r.geometry.x:.2f};"
        f"{r.geometry.y:.2f};{r.updated_at}"
        for r in sub.itertuples()
    ]
    text = "Kennung;Bezeichnung;Themen;R;H;Stand\n" + "\n".join(rows) + "\n"
    path.write_text(text, encoding="utf-8")
    senior = sub[sub["categories"].str.split("; ").map(lambda c: "Senioren" in c)]
    mapping = ["Kennung", "offer_id", "Bezeichnung", "title", "Themen", "categories"]
    mapping += ["R", "lon", "H", "lat"]
    got, checks, _, feedback = _run(
        tmp_path,
        SOURCE=str(path),
        COORDINATE_CRS="EPSG:25832",
        LIST_SEPARATORS=",;",
        FIELD_MAPPING=mapping,
        CATEGORIES="Senioren",
        STALE_DAYS=100000,
    )
    assert sorted(got["offer_id"]) == sorted(senior["offer_id"]) and len(senior) > 0
    assert checks.empty and "unknown" not in feedback.text
    placed = got.set_index("offer_id").geometry
    assert max(placed[i].distance(g) for i, g in zip(senior["offer_id"], senior.geometry)) < 0.01


def test_a_field_mapping_to_an_unknown_offer_field_is_refused(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("Name;lon;lat\nA;9.8;53.6\n", encoding="utf-8")
    message = run_algorithm_error(
        ALG,
        {
            "SOURCE": str(path),
            "FIELD_MAPPING": ["Name", "Titel"],
            "OUTPUT": str(tmp_path / "o.gpkg"),
            "OUTPUT_CHECKS": str(tmp_path / "c.gpkg"),
        },
    )
    assert "'Titel', which is not part of an offer" in message


def test_the_hsds_examples_served_load_as_they_say(tmp_path):
    """The official HSDS 3.0 examples (tests/fixtures/hsds3) through the algorithm."""
    from pathlib import Path

    from geolib.hilfeportal_server import hsds_examples

    folder = Path(__file__).resolve().parent.parent / "fixtures" / "hsds3"
    services, collections = hsds_examples(folder)
    with HilfeportalServer(services, collections=collections) as srv:
        got, checks, _, feedback = _run(
            tmp_path, SOURCE=f"{srv.url}/service_at_locations", STALE_DAYS=100000
        )
    sals = collections["service_at_locations"]
    # their location lies at latitude 100 (no place on Earth): listed, not on the map
    assert all(abs(s["location"]["latitude"]) > 90 for s in sals)
    assert got.empty
    assert sorted(checks["offer_id"]) == sorted(s["id"] for s in sals)
    assert sorted(checks["title"]) == sorted(s["service"]["name"] for s in sals)
    assert set(checks["check"]) == {"coordinates_out_of_range"}
    assert "Unexpected" not in feedback.text
