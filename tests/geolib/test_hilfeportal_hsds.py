"""The official HSDS 3.0 examples (tests/fixtures/hsds3, Open Referral, CC BY-SA 4.0)
read from files and from the example server, as their contents say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geolib.errors import SourceError
from geolib.hilfeportal import HsdsClient, category_tree, check_offers, read_offers
from geolib.hilfeportal_server import HilfeportalServer, hsds_examples

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "hsds3"


def _doc(name: str):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _number(value) -> float | None:
    return None if value is None else float(value)


def _expected_from_service(service, location=None, provider=None, offer_id=None):
    """What an offer of ``service`` must show, taken from the JSON itself."""
    if location is None:
        location = service["service_at_locations"][0]["location"]
    return {
        "offer_id": offer_id or service["id"],
        "title": service["name"],
        "provider": provider or service["organization"]["name"],
        "lon": _number(location["longitude"]),
        "lat": _number(location["latitude"]),
    }


def _got(records):
    return [
        {
            "offer_id": r["offer_id"],
            "title": r["title"],
            "provider": r["provider"],
            "lon": _number(r["lon"]),
            "lat": _number(r["lat"]),
        }
        for r in records.to_dict("records")
    ]


def _page_as_whole(tmp_path, name: str) -> Path:
    """An example page made into a whole list: its totals counted from its contents."""
    page = _doc(name)
    page.update(total_items=len(page["contents"]), total_pages=1, last_page=True)
    path = tmp_path / name
    path.write_text(json.dumps(page), encoding="utf-8")
    return path


def test_service_full_is_one_offer():
    service = _doc("service_full.json")
    fetched = read_offers(FIXTURES / "service_full.json")
    assert _got(fetched.records) == [_expected_from_service(service)]
    assert fetched.records.loc[0, "url"] == service["url"]
    # its one attribute is a term of the taxonomy "taxonomy": no category, but said so
    taxonomies = {a["taxonomy_term"]["taxonomy"] for a in service["attributes"]}
    assert fetched.records.loc[0, "categories"] is None
    assert {f"taxonomy_terms ({t})" for t in taxonomies} <= set(fetched.unknown_fields)


def test_a_service_at_location_is_an_offer_titled_by_its_service():
    sal = _doc("service_at_location_full.json")
    fetched = read_offers(FIXTURES / "service_at_location_full.json")
    expected = _expected_from_service(sal["service"], sal["location"], offer_id=sal["id"])
    assert _got(fetched.records) == [expected]


def test_an_organization_gives_one_offer_per_service_with_itself_as_provider():
    org = _doc("organization_full.json")
    fetched = read_offers(FIXTURES / "organization_full.json")
    assert len(org["services"]) > 0
    assert _got(fetched.records) == [
        _expected_from_service(s, provider=org["name"]) for s in org["services"]
    ]


@pytest.mark.parametrize(
    "name", ["service_list.json", "service_at_location_list.json", "organization_list.json"]
)
def test_a_stored_page_of_a_longer_list_is_refused(name):
    page = _doc(name)
    assert page["total_pages"] > 1  # the examples are page 1 of a longer list
    with pytest.raises(SourceError) as info:
        read_offers(FIXTURES / name)
    text = info.value.message.format()
    assert f"page 1 of {page['total_pages']}" in text
    assert f"holds {len(page['contents'])} of {page['total_items']} offers" in text


def test_a_stored_page_whose_total_does_not_match_is_refused(tmp_path):
    path = _page_as_whole(tmp_path, "service_list.json")
    page = json.loads(path.read_text(encoding="utf-8"))
    page["total_items"] = len(page["contents"]) + 2
    del page["total_pages"]
    path.write_text(json.dumps(page), encoding="utf-8")
    with pytest.raises(SourceError, match=r"announces \d+ offers \(total_items\) but holds"):
        read_offers(path)


@pytest.mark.parametrize("name", ["service_list.json", "service_at_location_list.json"])
def test_a_whole_stored_list_loads_as_it_says(tmp_path, name):
    path = _page_as_whole(tmp_path, name)
    items = _doc(name)["contents"]
    fetched = read_offers(path)
    assert len(fetched.records) == len(items)
    services = [i.get("service", i) for i in items]
    assert fetched.records["title"].tolist() == [s["name"] for s in services]
    assert fetched.records["provider"].tolist() == [s["organization"]["name"] for s in services]
    assert all(fetched.records["title"])


def test_the_examples_coordinates_are_out_of_range_and_listed():
    """The examples place their location at latitude 100, longitude 101 (no place on Earth)."""
    location = _doc("service_full.json")["service_at_locations"][0]["location"]
    checked = check_offers(read_offers(FIXTURES / "service_full.json").records, stale_days=None)
    assert abs(location["latitude"]) > 90  # what the check must find
    assert checked.offers.empty
    assert checked.checks["check"].tolist() == ["coordinates_out_of_range"]


@pytest.fixture
def hsds_server():
    services, collections = hsds_examples(FIXTURES)
    with HilfeportalServer(services, collections=collections) as srv:
        yield srv


def test_the_server_serves_the_examples_as_they_say(hsds_server):
    service = _doc("service_full.json")
    sal = _doc("service_at_location_full.json")
    org = _doc("organization_full.json")
    url = hsds_server.url
    assert _got(read_offers(url).records) == [_expected_from_service(service)]
    single = read_offers(f"{url}/services/{service['id']}")
    assert _got(single.records) == [_expected_from_service(service)]
    assert single.pages == 1 and hsds_server.requests[-1].startswith(f"/services/{service['id']}")
    sals = read_offers(f"{url}/service_at_locations", per_page=1)
    assert _got(sals.records) == [
        _expected_from_service(sal["service"], sal["location"], offer_id=sal["id"])
    ]
    orgs = read_offers(f"{url}/organizations")
    assert _got(orgs.records) == [
        _expected_from_service(s, provider=org["name"]) for s in org["services"]
    ]


def test_taxonomy_terms_become_a_category_tree(hsds_server):
    terms = HsdsClient(hsds_server.url).taxonomy_terms()
    listed = _doc("taxonomy_term_list.json")["contents"]
    assert [t["id"] for t in terms] == [t["id"] for t in listed]
    tree = category_tree(terms)
    # the example's parent is not among the listed terms: its term is a root
    assert tree == {"": sorted(t["name"] for t in listed)}
    family = [
        {"id": "f", "name": "Familie"},
        {"id": "k", "name": "Kita", "parent_id": "f"},
        {"id": "b", "name": "Beratung", "parent_id": "f"},
    ]
    assert category_tree(family) == {"": ["Familie"], "Familie": ["Beratung", "Kita"]}
