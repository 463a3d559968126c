"""HSDS 3.0 documents as offer records: services, service-at-locations, organizations.

The shapes of the Open Referral Human Services Data Specification 3.0 API
(``/services``, ``/services/{id}`` (``service_full``), ``/service_at_locations``,
``/organizations``, ``/taxonomy_terms``): a *page* ``{"total_items", "total_pages",
"page_number", "contents": [...]}`` or a single object. Each service becomes one
offer (at its first location); each service-at-location one offer (the service's
title, that location's coordinates, the service-at-location's id); an organization
one offer per service, with the organization as provider.
"""

from __future__ import annotations

from typing import Any

from ..errors import SourceError
from ._common import _int

__all__ = [
    "LIST_KEYS",
    "category_tree",
    "check_total",
    "hsds_records",
    "looks_like_hsds",
    "page_contents",
]

#: keys of an answer (or export) that hold its list of offers, the HSDS one first
LIST_KEYS = ("contents", "items", "data", "services", "results")

_CATEGORY_TAXONOMIES = {"kategorie", "kategorien", "category", "categories"}
_TARGET_TAXONOMIES = {"zielgruppe", "zielgruppen", "target_group", "target_groups", "audience"}
#: HSDS service fields that are understood or knowingly not needed (not "unknown")
_HSDS_KNOWN = {
    "id",
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "organization",
    "organization_id",
    "organization_name",
    "program",
    "program_id",
    "phones",
    "schedules",
    "service_at_locations",
    "locations",
    "attributes",
    "taxonomy_terms",
    "capacities",
    "last_modified",
    "updated_at",
    "x_synthetic",
    "languages",
    "fees",
    "fees_description",
    "accreditations",
    "licenses",
    "interpretation_services",
    "application_process",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "assurer_email",
    "alert",
    "wait_time",
    "contacts",
    "metadata",
    "funding",
    "cost_options",
    "service_areas",
    "required_documents",
}


def _dicts(value: Any) -> list[dict[str, Any]]:
    """The objects of a list in an answer; nothing for anything else (broken answers)."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _hsds_record(
    service: dict[str, Any],
    unknown: dict[str, None],
    *,
    location: dict[str, Any] | None = None,
    organization: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One offer of a service: at ``location`` (else its first), by ``organization``."""
    for key in service:
        if key not in _HSDS_KNOWN:
            unknown.setdefault(str(key), None)
    org = organization or service.get("organization")
    provider = org.get("name") if isinstance(org, dict) else service.get("organization_name")
    categories: list[str] = []
    targets: list[str] = []
    terms = [attr.get("taxonomy_term") or attr for attr in _dicts(service.get("attributes"))]
    terms += _dicts(service.get("taxonomy_terms"))
    for term in terms:
        if not isinstance(term, dict) or not term.get("name"):
            continue
        taxonomy = str(term.get("taxonomy") or term.get("vocabulary") or "").strip().lower()
        if taxonomy in _TARGET_TAXONOMIES:
            targets.append(str(term["name"]))
        elif taxonomy in _CATEGORY_TAXONOMIES or not taxonomy:
            categories.append(str(term["name"]))
        else:  # neither categories nor target groups: ignored, and listed once
            unknown.setdefault(f"taxonomy_terms ({term.get('taxonomy') or term.get('vocabulary')})")
    location = location if isinstance(location, dict) else {}
    for sal in [] if location else _dicts(service.get("service_at_locations")):
        if isinstance(sal.get("location"), dict):
            location = sal["location"]
            break
    if not location:
        locations = _dicts(service.get("locations"))
        location = locations[0] if locations else {}
    address: dict[str, Any] = {}
    addresses = _dicts(location.get("addresses"))
    if addresses:
        address = addresses[0]
    ags = location.get("municipality_ags")
    for ident in _dicts(location.get("external_identifiers")):
        if str(ident.get("identifier_type", "")).upper() == "AGS":
            ags = ident.get("identifier")
    phones = _dicts(service.get("phones"))
    schedules = _dicts(service.get("schedules"))
    capacities = _dicts(service.get("capacities"))
    capacity = None
    if capacities:
        capacity = capacities[0].get("maximum", capacities[0].get("available"))
    return {
        "offer_id": service.get("id"),
        "title": service.get("name"),
        "provider": provider,
        "categories": categories,
        "target_groups": targets,
        "address": address.get("address_1"),
        "postcode": address.get("postal_code"),
        "municipality_ags": ags,
        "capacity": capacity,
        "opening_hours": schedules[0].get("description") if schedules else None,
        "url": service.get("url"),
        "phone": phones[0].get("number") if phones else None,
        "updated_at": service.get("last_modified") or service.get("updated_at"),
        "synthetic": service.get("x_synthetic"),
        "lon": location.get("longitude"),
        "lat": location.get("latitude"),
    }


def _kind(item: dict[str, Any]) -> str:
    """``service_at_location``, ``organization`` or ``service``."""
    if isinstance(item.get("service"), dict):
        return "service_at_location"
    if isinstance(item.get("services"), list) and ("name" in item or "id" in item):
        return "organization"
    return "service"


def looks_like_hsds(items: list[dict[str, Any]]) -> bool:
    """Whether ``items`` are HSDS objects (not flat rows of an export)."""
    return bool(items) and any(
        "service_at_locations" in item
        or "locations" in item
        or "attributes" in item
        or isinstance(item.get("organization"), dict)
        or _kind(item) != "service"
        for item in items[:20]
    )


def hsds_records(items: list[dict[str, Any]], unknown: dict[str, None]) -> list[dict[str, Any]]:
    """Offer records of HSDS objects; service fields no offer uses go to ``unknown``."""
    records: list[dict[str, Any]] = []
    for item in items:
        kind = _kind(item)
        if kind == "service_at_location":
            record = _hsds_record(item["service"], unknown, location=item.get("location"))
            record["offer_id"] = item.get("id") or record["offer_id"]
            schedules = _dicts(item.get("schedules"))
            if schedules and schedules[0].get("description"):
                record["opening_hours"] = schedules[0]["description"]
            records.append(record)
        elif kind == "organization":
            for service in _dicts(item.get("services")):
                records.append(_hsds_record(service, unknown, organization=item))
        else:
            records.append(_hsds_record(item, unknown))
    return records


#: fields only a service has (with ``id`` and ``name``): a single service object
_SERVICE_MARKS = ("service_at_locations", "locations", "organization", "attributes", "status")


def _is_single(data: dict[str, Any]) -> bool:
    """A single HSDS object (``service_full``, a service-at-location, an organization)."""
    kind = _kind(data)
    if kind != "service":
        return True
    service_like = any(key in data for key in _SERVICE_MARKS)
    return (
        "id" in data
        and "name" in data
        and service_like
        and not any(isinstance(data.get(k), list) for k in LIST_KEYS)
    )


def page_contents(data: Any) -> tuple[list[dict[str, Any]], dict[str, Any]] | None:
    """The objects of a document and its paging fields; None when it holds no offers.

    A single object (``service_full``, ...) is a list of one. A page's
    ``total_items`` must match its contents when it is the only page (see
    :func:`check_total`).
    """
    if isinstance(data, list):
        return [d for d in data if isinstance(d, dict)], {}
    if not isinstance(data, dict):
        return None
    if "contents" not in data and _is_single(data):
        return [data], {}
    for key in LIST_KEYS:
        if isinstance(data.get(key), list):
            meta = {k: v for k, v in data.items() if k != key}
            return [d for d in data[key] if isinstance(d, dict)], meta
    return None


def check_total(meta: dict[str, Any], n_items: int, name: str) -> None:
    """Refuse a stored page whose ``total_items`` does not match its contents.

    Raises
    ------
    SourceError
        The page is one of several (an export must hold every offer), or announces
        another number of offers than it holds.
    """
    total = _int(meta.get("total_items"))
    pages = _int(meta.get("total_pages"))
    if pages is not None and pages > 1:
        raise SourceError(
            "'{file}' is page {page} of {pages} of an HSDS answer: it holds {n} of "
            "{total} offers. Save every page into one file (or load from the API).",
            file=name,
            page=_int(meta.get("page_number")) or 1,
            pages=pages,
            n=n_items,
            total=total if total is not None else "?",
        )
    if total is not None and total != n_items:
        raise SourceError(
            "'{file}' announces {total} offers (total_items) but holds {n}; it is "
            "incomplete or damaged. Nothing was loaded.",
            file=name,
            total=total,
            n=n_items,
        )


def category_tree(terms: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The taxonomy terms as a tree: parent term name → names of its child terms.

    Terms without a (known) parent are listed under ``""``. ``terms`` are HSDS
    ``taxonomy_term`` objects (``id``, ``name``, ``parent_id``), e.g. of
    :meth:`~geolib.hilfeportal.client.HsdsClient.taxonomy_terms`.

    Examples
    --------
    >>> category_tree([{"id": "a", "name": "Familie"},
    ...                {"id": "b", "name": "Kita", "parent_id": "a"}])
    {'': ['Familie'], 'Familie': ['Kita']}
    """
    names = {str(t.get("id")): str(t["name"]) for t in terms if t.get("name")}
    tree: dict[str, list[str]] = {}
    for term in terms:
        if not term.get("name"):
            continue
        parent = names.get(str(term.get("parent_id")), "")
        tree.setdefault(parent, [])
        if str(term["name"]) not in tree[parent]:
            tree[parent].append(str(term["name"]))
    return {k: sorted(v, key=str.casefold) for k, v in sorted(tree.items())}
