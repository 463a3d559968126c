"""Exports of the Hilfeportal: the CRS of coordinate columns, list separators, field mappings."""

from __future__ import annotations

import json

import numpy as np
import pytest

from geolib.errors import ParameterError
from geolib.hilfeportal import (
    check_offers,
    export_fields,
    field_mapping,
    filter_offers,
    load_offers,
    mapped_fields,
    read_offers,
    split_list,
    term_counts,
)
from geolib.hilfeportal_server import HilfeportalServer


def _utm_rows(offers, n=12):
    """Rows of an export with UTM 32N coordinates (Rechtswert / Hochwert), from the points."""
    sub = offers.head(n)
    rows = sub[["offer_id", "title", "categories", "updated_at"]].copy()
    rows["Rechtswert"] = sub.geometry.x.round(2)
    rows["Hochwert"] = sub.geometry.y.round(2)
    return rows, sub


def test_utm_coordinates_need_their_crs(tmp_path, offers):
    rows, sub = _utm_rows(offers)
    path = tmp_path / "utm.csv"
    rows.to_csv(path, index=False, sep=";")
    records = read_offers(path).records
    as_wgs84 = check_offers(records, stale_days=None)
    assert as_wgs84.offers.empty
    assert set(as_wgs84.checks["check"]) == {"coordinates_out_of_range"}
    assert any("look like metres" in n and "EPSG:25832" in n for n in as_wgs84.notes)
    checked = check_offers(records, stale_days=None, crs="EPSG:25832")
    assert checked.offers["offer_id"].tolist() == sub["offer_id"].tolist()
    assert checked.checks.empty
    distances = checked.offers.geometry.distance(sub.geometry.set_axis(checked.offers.index))
    assert distances.max() < 0.01  # rounded to centimetres


def test_utm_coordinates_swapped_and_off_the_crs(tmp_path, offers):
    rows, sub = _utm_rows(offers, 3)
    rows = rows.astype(object)
    first = rows.index[0]
    rows.loc[first, ["Rechtswert", "Hochwert"]] = [
        rows.loc[first, "Hochwert"],
        rows.loc[first, "Rechtswert"],
    ]
    rows.loc[rows.index[1], "Hochwert"] = 1e12  # no position of UTM 32N
    path = tmp_path / "utm.csv"
    rows.to_csv(path, index=False)
    checked = check_offers(read_offers(path).records, stale_days=None, crs="EPSG:25832")
    found = dict(zip(checked.checks["offer_id"], checked.checks["check"]))
    assert found == {
        sub["offer_id"].iloc[0]: "swapped_coordinates",
        sub["offer_id"].iloc[1]: "coordinates_out_of_range",
    }
    reasons = checked.checks.set_index("offer_id")["reason"]
    assert reasons[sub["offer_id"].iloc[0]].startswith("x and y (easting and northing)")
    swapped = checked.offers.set_index("offer_id").geometry[sub["offer_id"].iloc[0]]
    assert swapped.distance(sub.geometry.iloc[0]) < 0.01  # placed where it belongs


def test_an_unknown_crs_is_refused():
    import pandas as pd

    from geolib.hilfeportal import RECORD_COLUMNS

    records = pd.DataFrame(columns=list(RECORD_COLUMNS))
    with pytest.raises(ParameterError, match="CRS 'EPSG:99999999' of the coordinates is unknown"):
        check_offers(records, crs="EPSG:99999999")


def test_a_crs_for_an_api_source_is_refused(server):
    with pytest.raises(ParameterError, match="applies to exported files only"):
        load_offers(server.url, crs="EPSG:25832")


def test_comma_lists_with_a_chosen_separator(tmp_path):
    path = tmp_path / "komma.csv"
    path.write_text(
        "id;title;categories;lon;lat\n"
        'A;Treff;"Sucht, Senioren";9.80;53.65\n'
        "B;Beratung;Senioren;9.81;53.66\n"
        "C;Kita;Kinder | Familie;9.82;53.67\n",
        encoding="utf-8",
    )
    plain = check_offers(read_offers(path).records, stale_days=None).offers
    assert filter_offers(plain, categories=["Senioren"])["offer_id"].tolist() == ["B"]
    checked = check_offers(read_offers(path, list_separators=",;|").records, stale_days=None)
    offers = checked.offers
    assert filter_offers(offers, categories=["Senioren"])["offer_id"].tolist() == ["A", "B"]
    assert term_counts(offers, "categories") == {
        "Familie": 1,
        "Kinder": 1,
        "Senioren": 2,
        "Sucht": 1,
    }
    assert offers.set_index("offer_id").loc["A", "category"] == "Sucht"
    with pytest.raises(ParameterError, match="list separators 'a,'"):
        read_offers(path, list_separators="a,")


def test_hsds_lists_keep_commas_inside_terms(services, tmp_path):
    """HSDS delivers lists as lists: a comma inside a term is no separator."""
    named = [
        t for s in services for a in s["attributes"] if "," in (t := a["taxonomy_term"]["name"])
    ]
    assert named  # the example categories include "Kinder, Jugend und Familie"
    with HilfeportalServer(services) as srv:
        fetched = read_offers(srv.url, list_separators=",;")
    counts = term_counts(check_offers(fetched.records, stale_days=None).offers, "categories")
    assert named[0] in counts


def test_split_list():
    assert split_list(" Sucht ,Senioren,,Sucht ", ",") == ["Sucht", "Senioren"]
    assert split_list("A; B | C") == ["A", "B", "C"]


def test_a_field_mapping_of_pairs(tmp_path):
    path = tmp_path / "eigen.csv"
    path.write_text(
        "Kennung;Bezeichnung;Themen;R;H\nA;Treff;Sucht, Senioren;566000.5;5946000.25\n",
        encoding="utf-8",
    )
    assert export_fields(path) == ["Kennung", "Bezeichnung", "Themen", "R", "H"]
    pairs = [("Kennung", "offer_id"), ("Bezeichnung", "title"), ("Themen", "categories")]
    mapping = field_mapping([*pairs, ("R", "lon"), ("H", "lat"), ("", "")], list_separators=",")
    fetched = read_offers(path, mapping=mapping)
    assert fetched.unknown_fields == []
    record = fetched.records.iloc[0]
    assert (record["offer_id"], record["title"]) == ("A", "Treff")
    assert record["categories"] == "Sucht; Senioren"
    checked = check_offers(fetched.records, stale_days=None, crs="EPSG:25832")
    point = checked.offers.geometry.iloc[0]
    assert np.allclose([point.x, point.y], [566000.5, 5946000.25])


def test_an_ignored_field_fills_no_part_of_an_offer(tmp_path):
    path = tmp_path / "messe.csv"  # "Stand" is the booth here, not the date of the data
    path.write_text("id;name;Stand;lon;lat\nA;Treff;B12;9.80;53.65\n", encoding="utf-8")
    fields = export_fields(path)
    auto = {"id": "offer_id", "name": "title", "lon": "lon", "lat": "lat"}
    assert mapped_fields(fields) == {**auto, "Stand": "updated_at"}
    mapping = field_mapping([], ignored=["STAND", " "])
    assert mapped_fields(fields, mapping) == auto
    fetched = read_offers(path, mapping=mapping)
    assert fetched.unknown_fields == ["Stand"]
    assert fetched.records.iloc[0]["updated_at"] is None
    with pytest.raises(ParameterError, match="maps 'lon' to 'lon' and ignores it"):
        field_mapping([("lon", "lon")], ignored=["lon"])


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ({"Name": "titel"}, "names 'titel', which is not part of an offer"),
        ([("Name", "title"), ("Bezeichnung", "title")], "two source fields"),
        ([("Name", "")], "one side empty"),
    ],
)
def test_a_field_mapping_that_cannot_work_is_refused(pairs, expected):
    with pytest.raises(ParameterError, match=expected):
        field_mapping(pairs)


def test_export_fields_of_json_and_geojson(tmp_path):
    rows = tmp_path / "zeilen.json"
    rows.write_text(json.dumps([{"id": 1, "Name": "A"}, {"id": 2, "Ort": "B"}]))
    assert export_fields(rows) == ["id", "Name", "Ort"]
    geo = tmp_path / "punkte.geojson"
    feature = {"type": "Feature", "properties": {"Titel": "A"}, "geometry": None}
    geo.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    assert export_fields(geo) == ["Titel"]
    assert export_fields("http://127.0.0.1:1/services") == []
