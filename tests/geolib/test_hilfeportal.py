"""geolib.hilfeportal against the example server over real HTTP, and exported files."""

from __future__ import annotations

import datetime as _dt
import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geolib._progress import Progress
from geolib.errors import CancelledError, EmptyInputError, ParameterError, SourceError
from geolib.hilfeportal import (
    CHECK_CODES,
    FieldMapping,
    OfferCache,
    _parse_dates,
    _parse_number,
    check_offers,
    filter_offers,
    is_url,
    load_offers,
    read_offers,
    term_counts,
)
from geolib.hilfeportal_server import Faults, HilfeportalServer

FAST = {"backoff": 0.01, "retries": 2, "timeout": 5}


def _codes(checks, offer_id):
    return set(checks.loc[checks["offer_id"] == offer_id, "check"])


# --- API: paging, auth, faults ------------------------------------------------------------


def test_paging_reads_every_page_once(server, offers):
    fetched = read_offers(server.url, per_page=37, **FAST)
    pages = -(-len(offers) // 37)
    assert fetched.pages == pages
    assert len(fetched.records) == len(offers)
    assert fetched.records["offer_id"].is_unique
    assert sorted(fetched.records["offer_id"]) == sorted(offers["offer_id"])
    asked = [p for p in server.requests if p.startswith("/services")]
    assert len(asked) == pages and len(set(asked)) == pages
    assert fetched.unknown_fields == []


def test_records_keep_the_schema_of_the_offers(server, offers):
    result = load_offers(server.url, per_page=200, as_of="2026-10-01", **FAST)
    assert len(result.all_offers) == len(offers)
    first = result.all_offers.set_index("offer_id").loc[offers["offer_id"].iloc[0]]
    src = offers.iloc[0]
    for column in ("title", "provider", "categories", "target_groups", "address", "phone", "url"):
        assert first[column] == src[column], column
    assert first["capacity"] == src["capacity"]
    # the point comes back within a few centimetres (lon/lat rounded to 6 decimals)
    assert first.geometry.distance(src.geometry) < 0.2
    assert result.all_offers.crs.to_epsg() == 25832
    assert sum(result.categories.values()) >= len(offers)


def test_token_is_required_and_never_shown(services):
    with HilfeportalServer(services, token="geheim-123") as srv:
        with pytest.raises(SourceError, match=r"refused access \(HTTP 401\)") as info:
            read_offers(srv.url, token="falsch-999", **FAST)
        assert "falsch-999" not in str(info.value)
        assert len(read_offers(srv.url, token="geheim-123", **FAST).records) == len(services)
        headers = {"Authorization": "Bearer geheim-123"}
        assert len(read_offers(srv.url, headers=headers, **FAST).records) == len(services)


def test_500_is_retried_then_succeeds(server, services):
    server.faults = Faults(fail_500=2)
    fetched = read_offers(server.url, per_page=500, **FAST)
    assert len(fetched.records) == len(services)
    assert len(server.requests) == 3


def test_500_always_fails_after_the_retries(server):
    server.faults = Faults(fail_500=-1)
    with pytest.raises(SourceError, match=r"HTTP 500 .* 3 times"):
        read_offers(server.url, **FAST)
    assert len(server.requests) == 3


def test_429_honours_retry_after(server, services):
    server.faults = Faults(fail_429=1, retry_after=0.3)
    waits = []
    import geolib.hilfeportal.client as hp

    real_sleep = hp._sleep

    def recording_sleep(seconds, progress):
        waits.append(seconds)
        real_sleep(seconds, progress)

    hp._sleep = recording_sleep
    try:
        fetched = read_offers(server.url, per_page=500, backoff=5.0, retries=2)
    finally:
        hp._sleep = real_sleep
    assert len(fetched.records) == len(services)
    assert waits == [0.3]  # the server's Retry-After, not the client's 5 s backoff


def test_slow_server_times_out(server):
    server.faults = Faults(slow=1.0)
    with pytest.raises(SourceError, match=r"no answer within 0\.2 s"):
        read_offers(server.url, timeout=0.2, retries=1, backoff=0.01)


def test_malformed_json_fails_completely(server):
    server.faults = Faults(malformed_page=2)
    with pytest.raises(SourceError, match="Page 2 of the Hilfeportal is not valid JSON"):
        read_offers(server.url, per_page=100, **FAST)


def test_repeating_page_is_detected(server):
    server.faults = Faults(repeat_page=3)
    with pytest.raises(SourceError, match="Page 3 of the Hilfeportal repeats page 2"):
        read_offers(server.url, per_page=100, **FAST)


def test_endless_paging_is_stopped(server):
    server.faults = Faults(endless=True)
    with pytest.raises(SourceError, match="more than 6 pages without an end"):
        read_offers(server.url, per_page=100, max_pages=6, **FAST)


def test_total_that_does_not_match_is_incomplete(server, services):
    server.faults = Faults(total=len(services) + 5)
    with pytest.raises(SourceError, match=r"announced .* but delivered"):
        read_offers(server.url, per_page=100, **FAST)


def test_unreachable_server(server):
    url = server.url
    server.stop()
    with pytest.raises(SourceError, match="could not be reached after 2 attempts"):
        read_offers(url, timeout=1, retries=1, backoff=0.01)


def test_cancel_stops_the_fetch(server):
    with pytest.raises(CancelledError):
        read_offers(server.url, progress=Progress(is_cancelled=lambda: True), **FAST)


def test_refresh_after_a_fault_keeps_the_cache(server, tmp_path, services):
    first = load_offers(server.url, cache_dir=tmp_path, **FAST)
    assert not first.from_cache
    server.faults = Faults(fail_500=-1)
    second = load_offers(server.url, cache_dir=tmp_path, **FAST)
    assert second.from_cache
    assert second.fetched_at == first.fetched_at
    assert "HTTP 500" in second.refresh_error
    assert first.fetched_at in second.refresh_note and "HTTP 500" in second.refresh_note
    assert first.refresh_note is None
    assert not any("refresh failed" in note for note in second.notes)  # given once, apart
    assert len(second.all_offers) == len(first.all_offers) == len(services)
    pd.testing.assert_frame_equal(
        second.all_offers.drop(columns="geometry"), first.all_offers.drop(columns="geometry")
    )
    server.faults = Faults(malformed_page=2)
    third = load_offers(server.url, cache_dir=tmp_path, per_page=100, **FAST)
    assert third.from_cache and "not valid JSON" in third.refresh_error


def test_a_cache_folder_that_cannot_be_made_only_costs_the_cache(tmp_path, offers):
    path = tmp_path / "angebote.csv"
    _rows(offers, 5).to_csv(path, index=False)
    blocker = tmp_path / "kein-ordner"
    blocker.write_text("a file where the cache folder should be")
    result = load_offers(path, cache_dir=blocker / "cache", stale_days=None)
    assert len(result.all_offers) == 5 and not result.from_cache
    assert any(n.startswith("The cache could not be written") for n in result.notes)


def test_failure_without_cache_raises(server, tmp_path):
    server.faults = Faults(fail_500=-1)
    with pytest.raises(SourceError):
        load_offers(server.url, cache_dir=tmp_path, **FAST)
    assert not list(tmp_path.glob("*.gpkg"))


def test_a_partial_fetch_never_replaces_the_cache(server, tmp_path):
    load_offers(server.url, cache_dir=tmp_path, **FAST)
    before = OfferCache(tmp_path).load(server.url)
    server.faults = Faults(repeat_page=2)
    load_offers(server.url, cache_dir=tmp_path, per_page=100, **FAST)
    after = OfferCache(tmp_path).load(server.url)
    assert after.fetched_at == before.fetched_at and len(after.records) == len(before.records)


def test_api_address_with_a_query_keeps_it_on_every_request(server, services):
    fetched = read_offers(server.url + "/?key=abc", per_page=500, **FAST)
    assert len(fetched.records) == len(services)
    assert server.requests == ["/services?key=abc&page=1&per_page=500"]
    assert fetched.source.endswith("?key=***")  # the key is not shown
    assert "abc" not in fetched.source
    from geolib.hilfeportal import HsdsClient

    client = HsdsClient(server.url + "/services?key=abc")
    assert client.taxonomy_terms()
    assert server.requests[-1] == "/taxonomy_terms?key=abc&per_page=1000"
    server.faults = Faults(fail_500=-1)
    with pytest.raises(SourceError, match="HTTP 500") as info:
        read_offers(server.url + "?token=geheim-7", **FAST)
    assert "geheim-7" not in str(info.value)


def test_ids_that_are_not_text_or_numbers():
    location = [{"latitude": 53.65, "longitude": 9.8}]
    services = [{"id": ["a", i], "name": "Treff", "locations": location} for i in range(3)]
    with HilfeportalServer(services) as srv:
        fetched = read_offers(srv.url, **FAST)
    assert fetched.records["offer_id"].tolist() == ["a; 0", "a; 1", "a; 2"]


def test_taxonomy_terms(server):
    from geolib.hilfeportal import HsdsClient

    terms = HsdsClient(server.url).taxonomy_terms()
    assert {"kategorie", "zielgruppe"} == {t["taxonomy"] for t in terms}


@pytest.mark.parametrize(
    "url", ["ftp://example.org/offers", "file:///etc/passwd", "javascript:alert(1)"]
)
def test_url_that_is_not_http_is_refused(url):
    assert is_url(url)
    with pytest.raises(ParameterError, match="is not an http"):
        read_offers(url)


def test_windows_path_is_a_path_not_a_url():
    assert not is_url(r"C:\Daten\angebote.csv")
    assert is_url("https://hilfeportal.example/api")


# --- files ------------------------------------------------------------------------------


def _rows(offers, n=20):
    sub = offers.head(n)
    return sub[
        [
            *("offer_id", "title", "provider", "categories", "target_groups", "address"),
            *("postcode", "url", "phone", "opening_hours", "updated_at", "lon", "lat"),
        ]
    ].copy()


def test_csv_comma_utf8(tmp_path, offers):
    path = tmp_path / "angebote.csv"
    _rows(offers).to_csv(path, index=False, encoding="utf-8")
    fetched = read_offers(path)
    assert len(fetched.records) == 20
    checked = check_offers(fetched.records, stale_days=None)
    assert len(checked.offers) == 20 and checked.checks.empty


def test_csv_semicolon_windows_1252_with_decimal_commas(tmp_path, offers):
    rows = _rows(offers)
    rows["lon"] = rows["lon"].map(lambda v: f"{v:.6f}".replace(".", ","))
    rows["lat"] = rows["lat"].map(lambda v: f"{v:.6f}".replace(".", ","))
    rows.loc[rows.index[0], "title"] = "Beratung für Ältere – Größe"
    path = tmp_path / "export.csv"
    path.write_bytes(rows.to_csv(index=False, sep=";").encode("cp1252"))
    fetched = read_offers(path)
    assert any("Windows-1252" in note for note in fetched.notes)
    assert fetched.records["title"].iloc[0] == "Beratung für Ältere – Größe"
    checked = check_offers(fetched.records, stale_days=None)
    assert len(checked.offers) == 20
    assert (
        max(a.distance(b) for a, b in zip(checked.offers.geometry, offers.head(20).geometry)) < 0.2
    )


def test_export_with_bom(tmp_path, offers):
    path = tmp_path / "bom.csv"
    _rows(offers).to_csv(path, index=False, sep=";", encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    fetched = read_offers(path)
    assert "offer_id" not in fetched.unknown_fields and not fetched.unknown_fields
    assert fetched.records["offer_id"].tolist() == offers["offer_id"].head(20).tolist()
    json_path = tmp_path / "bom.json"
    json_path.write_bytes(b"\xef\xbb\xbf" + json.dumps([{"id": "A", "name": "x"}]).encode())
    assert read_offers(json_path).records["offer_id"].tolist() == ["A"]


@pytest.mark.parametrize("content", [b"", b"   \n", b"offer_id;title;lon;lat\n", b"[]"])
def test_empty_export(tmp_path, content):
    path = tmp_path / "leer.csv"
    path.write_bytes(content)
    with pytest.raises(EmptyInputError, match="is empty: it contains no offers"):
        read_offers(path)


def test_csv_rows_with_more_cells_than_the_header_are_counted(tmp_path):
    path = tmp_path / "verrutscht.csv"
    path.write_text(
        "offer_id;title;lon;lat\nA;Beratung; Hilfe;9.8;53.65\n;;;;x\nB;Treff;9.8;53.66\n",
        encoding="utf-8",
    )
    fetched = read_offers(path)
    assert fetched.records["offer_id"].tolist() == ["A", "B"]
    assert any("2 rows of 'verrutscht.csv' have more cells" in n for n in fetched.notes)


def test_csv_field_beyond_the_csv_modules_limit(tmp_path):
    path = tmp_path / "riesig.csv"
    path.write_text("id;name;lat;lon\nA;Treff;53.6;9.8\nB;" + "x" * 200_000 + ";53.6;9.8\n")
    with pytest.raises(SourceError, match=r"Line 3 of the export 'riesig\.csv' cannot be read"):
        read_offers(path)


def test_json_exports_without_a_list_of_offers(tmp_path):
    path = tmp_path / "objekt.json"
    path.write_text('{"name": "Hilfeportal", "version": 3}', encoding="utf-8")
    with pytest.raises(SourceError, match=r"The export 'objekt\.json' holds no list of offers"):
        read_offers(path)
    odd = tmp_path / "seltsam.geojson"
    feature = {"type": "Feature", "properties": [1, 2], "geometry": None}
    odd.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    checked = check_offers(read_offers(odd).records, stale_days=None)
    assert checked.offers.empty and checked.checks["check"].tolist() == ["no_coordinates"]


def test_geojson_export(tmp_path, offers):
    path = tmp_path / "angebote.geojson"
    offers.head(15).to_crs("EPSG:4326").drop(columns=["lon", "lat"]).to_file(path, driver="GeoJSON")
    fetched = read_offers(path)
    checked = check_offers(fetched.records, stale_days=None)
    assert len(checked.offers) == 15
    assert (
        max(a.distance(b) for a, b in zip(checked.offers.geometry, offers.head(15).geometry)) < 0.2
    )
    assert "municipality" in fetched.unknown_fields  # not part of the schema


def test_hsds_json_export_and_field_mapping(tmp_path, services, offers):
    path = tmp_path / "services.json"
    path.write_text(json.dumps({"contents": services[:10]}), encoding="utf-8")
    assert len(read_offers(path).records) == 10
    other = tmp_path / "eigene.json"
    rows = [{"Nummer": "X1", "Bezeichnung": "Treff", "Breite": "53,6", "Länge": "9,7"}]
    other.write_text(json.dumps(rows), encoding="utf-8")
    mapping = {"offer_id": "Nummer", "title": "Bezeichnung", "lat": "Breite", "lon": "Länge"}
    record = read_offers(other, mapping=mapping).records.iloc[0]
    assert (record["offer_id"], record["title"], record["lat"]) == ("X1", "Treff", "53,6")
    with pytest.raises(ParameterError, match="not part of an offer"):
        FieldMapping.with_overrides({"titel": "x"})


def test_hsds_export_with_broken_lists(tmp_path):
    good = {"latitude": 53.65, "longitude": 9.8, "addresses": 3, "external_identifiers": 1}
    services = [
        {"id": "A", "name": "Treff", "locations": 5, "phones": 3, "attributes": 7},
        {"id": "B", "name": "Rat", "locations": [good], "taxonomy_terms": 2, "schedules": 1},
    ]
    path = tmp_path / "kaputt.json"
    path.write_text(json.dumps(services), encoding="utf-8")
    records = read_offers(path).records.set_index("offer_id")
    assert records.loc["A", "lon"] is None and records.loc["A", "phone"] is None
    assert (records.loc["B", "lat"], records.loc["B", "address"]) == ("53.65", None)


def test_unknown_fields_are_ignored_and_listed_once(tmp_path):
    rows = [
        {"id": f"U{i}", "name": "Treff", "lat": 53.65, "lon": 9.8, "Farbe": "rot", "intern": i}
        for i in range(5)
    ]
    path = tmp_path / "mehr.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    fetched = read_offers(path)
    assert fetched.unknown_fields == ["Farbe", "intern"]
    listed = [n for n in fetched.notes if "unknown" in n]
    assert len(listed) == 1 and "Farbe, intern" in listed[0]


# --- checks -----------------------------------------------------------------------------


def _records(rows):
    from geolib.hilfeportal import RECORD_COLUMNS

    return pd.DataFrame([{c: r.get(c) for c in RECORD_COLUMNS} for r in rows]).astype(object)


BASE = {"title": "Treff", "updated_at": "2026-09-01", "lon": "9.80", "lat": "53.65"}


def test_coordinates_as_text_with_decimal_commas():
    rows = [dict(BASE, offer_id="A", lon="9,80", lat="53,65", address="A-Str. 1")]
    rows.append(dict(BASE, offer_id="B", lon=" 9,801 ", lat="53,651", address="B-Str. 1"))
    checked = check_offers(_records(rows), as_of="2026-10-01")
    assert checked.checks.empty and len(checked.offers) == 2
    dotted = check_offers(_records([dict(BASE, offer_id="C")]), as_of="2026-10-01")
    assert checked.offers.geometry.iloc[0].equals_exact(dotted.offers.geometry.iloc[0], 1e-6)


def test_coordinates_missing_invalid_out_of_range():
    rows = [
        dict(BASE, offer_id="none", lon=None, lat=None),
        dict(BASE, offer_id="text", lon="neun", lat="53"),
        dict(BASE, offer_id="range", lon="200", lat="95"),
        dict(BASE, offer_id="ok", address="x"),
    ]
    checked = check_offers(_records(rows), as_of="2026-10-01")
    assert checked.offers["offer_id"].tolist() == ["ok"]
    assert _codes(checked.checks, "none") == {"no_coordinates"}
    assert _codes(checked.checks, "text") == {"invalid_coordinates"}
    assert _codes(checked.checks, "range") == {"coordinates_out_of_range"}
    reason = checked.checks.set_index("offer_id").loc["range", "reason"]
    assert "200 / 95" in reason and "not on the map" in reason
    assert any("3 of 4 offers are not on the map" in n for n in checked.notes)
    assert checked.checks.set_index("offer_id").loc["none"].geometry is None


def test_swapped_coordinates_are_found_and_placed_inside():
    rows = [dict(BASE, offer_id="sw", lon="53.65", lat="9.80")]
    checked = check_offers(_records(rows), as_of="2026-10-01")
    assert _codes(checked.checks, "sw") == {"swapped_coordinates"}
    normal = check_offers(_records([dict(BASE, offer_id="n")]), as_of="2026-10-01")
    assert checked.offers.geometry.iloc[0].distance(normal.offers.geometry.iloc[0]) < 1e-6


def test_outside_the_kreis_and_a_given_area(gemeinden):
    rows = [dict(BASE, offer_id="muc", lon="11.57", lat="48.14"), dict(BASE, offer_id="in")]
    checked = check_offers(_records(rows), as_of="2026-10-01")
    assert (
        _codes(checked.checks, "muc") == {"outside_area"} and _codes(checked.checks, "in") == set()
    )
    assert len(checked.offers) == 2  # outside is listed, not dropped
    wedel = gemeinden[gemeinden["GEN"] == "Wedel"]
    rows = [dict(BASE, offer_id="wedel", lon="9.70", lat="53.58"), dict(BASE, offer_id="in")]
    checked = check_offers(_records(rows), area=wedel, as_of="2026-10-01")
    assert _codes(checked.checks, "in") == {"outside_area"}
    assert _codes(checked.checks, "wedel") == set()


def test_duplicates_by_id_and_by_title_and_address():
    rows = [
        dict(BASE, offer_id="A", address="Markt 1"),
        dict(BASE, offer_id="A", title="Anders", address="Markt 2"),
        dict(BASE, offer_id="B", title=" treff ", address="markt  1"),
    ]
    checked = check_offers(_records(rows), as_of="2026-10-01")
    assert checked.offers["offer_id"].tolist() == ["A", "B"]
    assert checked.offers["title"].tolist() == ["Treff", "treff"]
    dup = checked.checks[checked.checks["check"] == "duplicate_id"]
    assert dup["title"].tolist() == ["Anders"] and "occurs 2 times" in dup["reason"].iloc[0]
    pairs = checked.checks[checked.checks["check"] == "duplicate_title_address"]
    assert sorted(pairs["offer_id"]) == ["A", "B"]


def test_stale_and_missing_dates():
    rows = [
        dict(BASE, offer_id="old", updated_at="2020-01-01", address="1"),
        dict(BASE, offer_id="new", updated_at="2026-09-30T12:00:00Z", address="2"),
        dict(BASE, offer_id="none", updated_at=None, address="3"),
        dict(BASE, offer_id="german", updated_at="30.09.2026", address="4"),
        dict(BASE, offer_id="bad", updated_at="irgendwann", address="5"),
    ]
    checked = check_offers(_records(rows), stale_days=365, as_of="2026-10-01")
    assert _codes(checked.checks, "old") == {"stale"}
    assert _codes(checked.checks, "new") == set()
    assert _codes(checked.checks, "none") == {"no_update_date"}
    assert _codes(checked.checks, "german") == set()
    assert _codes(checked.checks, "bad") == {"no_update_date"}
    assert "2020-01-01" in checked.checks.set_index("offer_id").loc["old", "reason"]
    quiet = check_offers(_records(rows), stale_days=None, as_of="2026-10-01")
    assert quiet.checks.empty


def test_html_and_script_in_titles_stay_plain_text(tmp_path):
    title = '<b>Treff</b><script>alert("x")</script> & <img src=x onerror=alert(1)>'
    rows = [dict(BASE, offer_id="h", title=title, url="javascript:alert(1)")]
    checked = check_offers(_records(rows), as_of="2026-10-01")
    assert checked.offers["title"].iloc[0] == title  # kept as given, as text
    assert checked.offers["url"].iloc[0] is None
    assert _codes(checked.checks, "h") == {"invalid_url"}


def test_very_long_texts_are_shortened_and_listed():
    rows = [dict(BASE, offer_id="L", title="T" * 5000, opening_hours="Mo " * 1000)]
    checked = check_offers(_records(rows), as_of="2026-10-01")
    offer = checked.offers.iloc[0]
    assert len(offer["title"]) == 300 and offer["title"].endswith("…")
    assert len(offer["opening_hours"]) == 1000
    reasons = checked.checks.loc[checked.checks["check"] == "long_text", "reason"].tolist()
    assert len(reasons) == 2 and "5000 characters" in reasons[0]
    assert "long_text" in offer["checks"]


def test_the_check_list_style_has_a_class_for_every_check():
    from pathlib import Path

    qml = (Path(__file__).parents[2] / "styles" / "hilfeportal_checks.qml").read_text()
    assert [c for c in CHECK_CODES if f'value="{c}"' not in qml] == []
    assert set(CHECK_CODES.values()) == {"error", "warning"}


def test_filters_and_counts(server):
    result = load_offers(server.url, **FAST)
    allo = result.all_offers
    kids = filter_offers(allo, categories=["Senioren"])
    assert len(kids) == result.categories["Senioren"] > 0
    assert filter_offers(allo, categories=[]).empty
    both = filter_offers(allo, categories=["Senioren"], target_groups=["Angehörige"])
    assert set(both["offer_id"]) <= set(kids["offer_id"])
    title = allo["title"].iloc[5]
    found = filter_offers(allo, search=title.upper())
    assert title in found["title"].tolist()
    assert filter_offers(allo, search="(.*").empty  # plain text, not a pattern
    assert term_counts(allo, "target_groups") == result.target_groups
    filtered = load_offers(server.url, categories=["Sucht"], search="beratung", **FAST)
    assert len(filtered.offers) < len(filtered.all_offers)
    assert all("Sucht" in c for c in filtered.offers["categories"])


def test_a_search_when_no_offer_has_coordinates(tmp_path):
    path = tmp_path / "ohne-ort.csv"
    path.write_text("id;name\nA;Treff\n", encoding="utf-8")
    result = load_offers(path, search="treff", categories=["Sucht"], stale_days=None)
    assert result.offers.empty and result.all_offers.empty
    assert result.checks["check"].tolist() == ["no_coordinates"]


@given(st.floats(min_value=-180, max_value=180, allow_nan=False).map(lambda v: round(v, 6)))
def test_german_decimal_commas_parse_like_points(value):
    assert _parse_number(f"{value:.6f}".replace(".", ",")) == pytest.approx(value, abs=1e-9)
    assert _parse_number(f"{value:.6f}") == pytest.approx(value, abs=1e-9)


@given(st.dates(min_value=_dt.date(1990, 1, 1), max_value=_dt.date(2040, 12, 31)))
def test_german_dates_parse_like_iso_dates(day):
    german = _parse_dates([day.strftime("%d.%m.%Y"), day.isoformat(), "irgendwann", None])
    assert german.iloc[0] == german.iloc[1] == pd.Timestamp(day, tz="UTC")
    assert german.iloc[2:].isna().all()


def test_fault_switches_of_the_example_server():
    faults = Faults.parse(["slow=2", "500=always", "429=3", "malformed", "repeat=3", "endless"])
    assert (faults.slow, faults.fail_500, faults.fail_429) == (2.0, -1, 3)
    assert (faults.malformed_page, faults.repeat_page, faults.endless) == (2, 3, True)
    with pytest.raises(ParameterError, match="Unknown fault 'bogus'"):
        Faults.parse(["bogus"])
