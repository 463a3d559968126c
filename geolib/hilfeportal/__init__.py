"""Offers from the Hilfeportal: an HSDS-shaped REST API or exported files, checked.

The Hilfeportal is the county's database of help offers. This package reads its offers
into the internal offer schema of DESIGN §5 and checks them before they reach a map:

1. :func:`read_offers` (:mod:`.readers`) reads a source: the REST API of Open Referral
   HSDS 3.0 (``/services`` paged with ``page`` / ``per_page``, ``/services/{id}``,
   ``/service_at_locations``, ``/organizations``; optional token; :class:`HsdsClient`
   in :mod:`.client`, the documents' shapes in :mod:`.hsds`, HTTP through a transport
   of :mod:`.transport`, the standard library's by default), or an export as JSON,
   GeoJSON or CSV (comma or semicolon; UTF-8, UTF-8 with BOM or Windows-1252; German
   decimal commas) through a :class:`FieldMapping` (:func:`field_mapping` and
   :func:`export_fields` in :mod:`.mapping` serve a mapping dialog; list separators
   are chosen there). It returns *records* (text as
   delivered) or raises :class:`~geolib.errors.SourceError`: a partial result is never
   presented as complete.
2. :func:`check_offers` (:mod:`.checks`, a registry of small checks) turns records into
   points (EPSG:25832; coordinates in WGS84 or a given CRS) and a check list with
   reasons: no or invalid coordinates, outside the Kreis or a given area, latitude
   and longitude swapped, duplicate ids, same title and address, not updated for a
   configurable time, very long texts, links that are not http(s).
3. :class:`OfferCache` (:mod:`.cache`) keeps the last complete fetch of a source in a
   GeoPackage; :func:`load_offers` (:mod:`.load`) falls back to it when a refresh
   fails or delivers far fewer offers, and says from when the offers are.

Secrets (keys in URLs, tokens) never reach a message, the cache or an output: every
source shown passes :func:`geolib.redact.redact`. Titles and texts are kept as plain
text: HTML or script in them is data, never markup.
"""

from __future__ import annotations

from ..schema import LIST_SEPARATOR
from ._common import (
    CHECK_CODES,
    CHECK_COLUMNS,
    OFFER_COLUMNS,
    RECORD_COLUMNS,
    CheckResult,
    FetchResult,
    HilfeportalResult,
    is_url,
    unknown_fields_note,
)
from .cache import OfferCache
from .checks import CHECK_STEPS, _parse_dates, _parse_number, check_offers, check_step
from .client import HsdsClient
from .filters import filter_offers, term_counts
from .hsds import category_tree
from .load import load_offers
from .mapping import MAPPABLE_FIELDS, export_fields, field_mapping, mapped_fields
from .readers import DEFAULT_LIST_SEPARATORS, FieldMapping, read_offers, split_list
from .transport import Response, Transport, TransportError, UrllibTransport

__all__ = [
    "CHECK_CODES",
    "CHECK_COLUMNS",
    "CHECK_STEPS",
    "DEFAULT_LIST_SEPARATORS",
    "LIST_SEPARATOR",
    "MAPPABLE_FIELDS",
    "OFFER_COLUMNS",
    "RECORD_COLUMNS",
    "CheckResult",
    "FetchResult",
    "FieldMapping",
    "HilfeportalResult",
    "HsdsClient",
    "OfferCache",
    "Response",
    "Transport",
    "TransportError",
    "UrllibTransport",
    "_parse_dates",
    "_parse_number",
    "category_tree",
    "check_offers",
    "check_step",
    "export_fields",
    "field_mapping",
    "filter_offers",
    "is_url",
    "load_offers",
    "mapped_fields",
    "read_offers",
    "split_list",
    "term_counts",
    "unknown_fields_note",
]
