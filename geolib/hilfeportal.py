"""Offers from the Hilfeportal: an HSDS-shaped REST API or exported files, checked.

The Hilfeportal is the county's database of help offers. This module reads its offers
into the internal offer schema of DESIGN §5 and checks them before they reach a map:

1. :func:`read_offers` reads a source: the REST API in the shape of Open Referral
   HSDS (``/services`` paged with ``page`` / ``per_page``, optional token), or an
   export as JSON, GeoJSON or CSV (comma or semicolon; UTF-8, UTF-8 with BOM or
   Windows-1252; German decimal commas) through a :class:`FieldMapping`. It returns
   *records* (text as delivered) or raises :class:`~geolib.errors.SourceError`:
   a partial result is never presented as complete.
2. :func:`check_offers` turns records into points (EPSG:25832) and a check list
   with reasons: no or invalid coordinates, outside the Kreis or a given area,
   latitude and longitude swapped, duplicate ids, same title and address, not
   updated for a configurable time, very long texts, links that are not http(s).
3. :class:`OfferCache` keeps the last complete fetch of a source in a GeoPackage;
   :func:`load_offers` falls back to it when a refresh fails and says from when the
   offers are.

Only the standard library speaks HTTP (``urllib``), so geolib needs no extra package.
Titles and texts are kept as plain text: HTML or script in them is data, never markup.
"""

from __future__ import annotations

import csv
import datetime as _dt
import email.utils
import hashlib
import io
import itertools
import json
import math
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.prepared import prep

from ._kreis_outline import KREIS_PINNEBERG_WKT
from ._progress import Progress
from .crs import DEFAULT_CRS, require_crs
from .errors import (
    CancelledError,
    EmptyInputError,
    GeolibError,
    ParameterError,
    ResourceError,
    SourceError,
)
from .io import OutputLayer, Provenance, write_gpkg
from .messages import N_, Message
from .schema import LIST_SEPARATOR, OFFER_SCHEMA, with_main_category

__all__ = [
    "CHECK_CODES",
    "LIST_SEPARATOR",
    "OFFER_COLUMNS",
    "RECORD_COLUMNS",
    "FetchResult",
    "FieldMapping",
    "HilfeportalResult",
    "HsdsClient",
    "OfferCache",
    "check_offers",
    "filter_offers",
    "is_url",
    "load_offers",
    "read_offers",
    "term_counts",
]


RECORD_COLUMNS = (*OFFER_SCHEMA, "synthetic", "lon", "lat")
"""Columns of the records :func:`read_offers` returns: text as the source delivered it."""

OFFER_COLUMNS = (*with_main_category(OFFER_SCHEMA), "synthetic", "checks")
"""Attribute fields of the checked offers layer (plus point geometry in EPSG:25832)."""

CHECK_COLUMNS = ("offer_id", "title", "check", "severity", "reason")
"""Attribute fields of the check list (plus the offer's point where it has one)."""

CHECK_CODES = {
    "no_coordinates": "error",
    "invalid_coordinates": "error",
    "coordinates_out_of_range": "error",
    "swapped_coordinates": "warning",
    "outside_area": "warning",
    "duplicate_id": "error",
    "duplicate_title_address": "warning",
    "stale": "warning",
    "no_update_date": "warning",
    "long_text": "warning",
    "invalid_url": "warning",
}
"""Every check code and its severity: ``error`` offers are not on the map."""

#: longest text kept per field (characters); longer texts are shortened and listed
TEXT_LIMITS = {"title": 300, "provider": 300, "address": 300, "opening_hours": 1000}
DEFAULT_TEXT_LIMIT = 2000
#: a margin around the default Kreis outline, which is simplified to 100 m
KREIS_MARGIN_M = 250.0
#: a rough box around Germany: where swapped coordinates are looked for without an area
_GERMANY_BOX = (5.5, 47.0, 15.5, 55.2)


# --------------------------------------------------------------------------------------
# results
# --------------------------------------------------------------------------------------


@dataclass
class FetchResult:
    """The complete content of a source, as records (text as delivered).

    ``records`` has the columns :data:`RECORD_COLUMNS`; ``unknown_fields`` lists the
    source's fields that the mapping does not use (ignored); ``pages`` is the number
    of API pages read (0 for files).
    """

    records: pd.DataFrame
    source: str
    fetched_at: str
    pages: int = 0
    unknown_fields: list[str] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)


@dataclass
class CheckResult:
    """Checked offers as points and the check list with a reason per finding."""

    offers: gpd.GeoDataFrame
    checks: gpd.GeoDataFrame
    notes: list[Message] = field(default_factory=list)


@dataclass
class HilfeportalResult:
    """What :func:`load_offers` delivers.

    ``all_offers`` are every checked offer with coordinates, ``offers`` those that
    pass the filters; ``checks`` is the whole check list. ``from_cache`` is true when
    the refresh failed and the cached offers of ``fetched_at`` are shown instead;
    ``refresh_note`` then says so, for a warning (it is not among ``notes``).
    ``categories`` and ``target_groups`` count the offers per term (all offers).
    """

    offers: gpd.GeoDataFrame
    all_offers: gpd.GeoDataFrame
    checks: gpd.GeoDataFrame
    source: str
    fetched_at: str
    from_cache: bool = False
    refresh_error: str | None = None
    categories: dict[str, int] = field(default_factory=dict)
    target_groups: dict[str, int] = field(default_factory=dict)
    unknown_fields: list[str] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    refresh_note: Message | None = None


# --------------------------------------------------------------------------------------
# sources
# --------------------------------------------------------------------------------------


def is_url(source: str) -> bool:
    """Whether ``source`` is written as a URL (``scheme://...``), not a file path.

    A Windows drive letter (``C:\\...``) is a path. Any scheme counts, so that
    :func:`read_offers` can refuse those that are not http(s).
    """
    text = str(source).strip()
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", text)
    if not match or len(match.group(1)) == 1:
        return False
    return "://" in text or match.group(1).lower() in ("javascript", "data", "mailto")


def _require_http(url: str) -> str:
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ParameterError(
            "The address '{url}' is not an http(s) URL. Give the Hilfeportal API as "
            "http://… or https://…, or the path of an exported file.",
            url=_short(url, 200),
        )
    return url.strip()


@dataclass
class FieldMapping:
    """Which field of an export holds which part of an offer.

    Each attribute names the export's field for that part of the offer schema, or a
    list of candidates (the first present wins; names compare case-insensitively).
    The defaults know common English and German names. Fields of the export that no
    part uses are ignored and listed once in :attr:`FetchResult.unknown_fields`.

    Examples
    --------
    >>> mapping = FieldMapping.with_overrides({"title": "Bezeichnung", "lat": "Breite"})
    """

    offer_id: Sequence[str] = ("offer_id", "id", "angebot_id", "angebots_id", "nr")
    title: Sequence[str] = ("title", "name", "titel", "bezeichnung", "angebot")
    provider: Sequence[str] = ("provider", "traeger", "träger", "organization", "organisation")
    categories: Sequence[str] = ("categories", "category", "kategorien", "kategorie")
    target_groups: Sequence[str] = ("target_groups", "target_group", "zielgruppen", "zielgruppe")
    address: Sequence[str] = ("address", "adresse", "anschrift", "strasse", "straße")
    postcode: Sequence[str] = ("postcode", "postal_code", "plz", "postleitzahl")
    municipality_ags: Sequence[str] = ("municipality_ags", "ags", "gemeindeschluessel")
    capacity: Sequence[str] = ("capacity", "kapazitaet", "kapazität", "plaetze", "plätze")
    opening_hours: Sequence[str] = ("opening_hours", "oeffnungszeiten", "öffnungszeiten")
    url: Sequence[str] = ("url", "link", "website", "webseite", "internet")
    phone: Sequence[str] = ("phone", "telefon", "tel", "telephone")
    updated_at: Sequence[str] = (
        "updated_at",
        "last_modified",
        "aktualisiert",
        "stand",
        "geaendert",
    )
    synthetic: Sequence[str] = ("synthetic", "x_synthetic")
    lon: Sequence[str] = ("lon", "lng", "longitude", "laenge", "länge", "x")
    lat: Sequence[str] = ("lat", "latitude", "breite", "y")

    @classmethod
    def with_overrides(cls, overrides: Mapping[str, str | Sequence[str]] | None) -> FieldMapping:
        """The default mapping with some parts mapped to other fields.

        Raises
        ------
        ParameterError
            A key is not a part of the offer schema.
        """
        mapping = cls()
        for key, value in (overrides or {}).items():
            if key not in RECORD_COLUMNS:
                raise ParameterError(
                    "The field mapping names '{key}', which is not part of an offer. "
                    "Use one of: {keys}.",
                    key=key,
                    keys=", ".join(RECORD_COLUMNS),
                )
            setattr(mapping, key, (value,) if isinstance(value, str) else tuple(value))
        return mapping

    def resolve(self, columns: Iterable[str]) -> tuple[dict[str, str], list[str]]:
        """Map schema parts to the export's column names; return (mapping, unused)."""
        present = list(dict.fromkeys(str(c) for c in columns))
        lower = {c.strip().lower(): c for c in present}
        used: dict[str, str] = {}
        for key in RECORD_COLUMNS:
            for candidate in getattr(self, key):
                column = lower.get(str(candidate).strip().lower())
                if column is not None and column not in used.values():
                    used[key] = column
                    break
        unused = [c for c in present if c not in used.values() and c != "geometry"]
        return used, unused


class HsdsClient:
    """A small client of an HSDS-shaped REST API (stdlib ``urllib`` only).

    Parameters
    ----------
    base_url
        The API root, e.g. ``https://hilfeportal.example/api``; ``/services`` is
        appended unless the path already ends with it. A query (``?key=…``) is kept
        on every request and never shown in a message.
    token
        Sent as ``Authorization: Bearer <token>``; never part of a message.
    headers
        Further request headers (for example those of a QGIS authentication config).
    timeout
        Seconds to wait for each answer.
    retries
        How often a request is repeated after HTTP 429, a 5xx or a network error.
    backoff
        First wait between attempts in seconds; doubles with each attempt. An answer's
        ``Retry-After`` (seconds or a date) takes precedence, up to ``max_wait``.
    per_page, max_pages
        Page size asked for, and the most pages read before the paging is taken to be
        endless.
    max_bytes
        The largest answer accepted.

    Notes
    -----
    Paging follows the HSDS 3 API: ``?page=N&per_page=M`` and answers
    ``{"total_items", "total_pages", "page_number", "contents": [...]}``; a plain
    JSON list is taken as one page. Reading stops at the last page; a page that
    repeats an earlier one, a wrong page number, more than ``max_pages`` pages or a
    total that does not match the offers delivered stop with :class:`SourceError`.
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float = 20.0,
        retries: int = 3,
        backoff: float = 0.5,
        max_wait: float = 30.0,
        per_page: int = 200,
        max_pages: int = 2000,
        max_bytes: int = 64 * 1024 * 1024,
    ) -> None:
        parts = urllib.parse.urlsplit(_require_http(base_url))
        if per_page < 1 or max_pages < 1 or retries < 0 or timeout <= 0:
            raise ParameterError(
                "per_page and max_pages must be at least 1, retries at least 0 and the "
                "timeout positive."
            )
        path = re.sub(r"(/services)?/*$", "", parts.path)
        # the root's query (an API key, say) goes with every request
        self._root = parts._replace(path=path, fragment="")
        self._headers = {"Accept": "application/json", "User-Agent": "sozialplanung-geolib"}
        self._headers.update(headers or {})
        if token:
            self._headers["Authorization"] = f"Bearer {token}"
        self._secrets = [v for k, v in self._headers.items() if k.lower() == "authorization"]
        self.timeout = float(timeout)
        self.retries = int(retries)
        self.backoff = float(backoff)
        self.max_wait = float(max_wait)
        self.per_page = int(per_page)
        self.max_pages = int(max_pages)
        self.max_bytes = int(max_bytes)
        self._opener = urllib.request.build_opener(_SafeRedirects())

    def _endpoint(self, name: str, **params: Any) -> str:
        """The URL of ``name`` below the API root, with the root's query and ``params``."""
        query = "&".join(q for q in (self._root.query, urllib.parse.urlencode(params)) if q)
        path = f"{self._root.path}/{name}"
        return urllib.parse.urlunsplit(self._root._replace(path=path, query=query))

    # --- one request with retries --------------------------------------------------------
    def get(self, url: str, progress: Progress | None = None) -> bytes:
        """GET ``url``; retry on 429, 5xx and network errors; return the body.

        Raises
        ------
        SourceError
            Access refused, not found, or still failing after the retries.
        ResourceError
            The answer is larger than ``max_bytes``.
        CancelledError
            ``progress`` says the caller wants to stop.
        """
        progress = progress or Progress()
        shown = _display_source(self._redact(url))
        for attempt in itertools.count():  # ends by returning or raising
            progress.check()
            request = urllib.request.Request(url, headers=self._headers)
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    body = response.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    raise ResourceError(
                        "The answer of '{url}' is larger than {mb} MB; ask the Hilfeportal "
                        "for smaller pages.",
                        url=shown,
                        mb=self.max_bytes // (1024 * 1024),
                    )
                return body
            except urllib.error.HTTPError as exc:
                status = exc.code
                retry_after = _retry_after(exc.headers.get("Retry-After") if exc.headers else None)
                exc.close()
                if status in (401, 403):
                    raise SourceError(
                        "The Hilfeportal refused access (HTTP {status}). Check the token in "
                        "the authentication configuration.",
                        status=status,
                    ) from None
                if status == 429 or 500 <= status < 600:
                    if attempt < self.retries:
                        wait = retry_after if retry_after is not None else self._delay(attempt)
                        _sleep(min(wait, self.max_wait), progress)
                        continue
                    raise SourceError(
                        "The Hilfeportal answered HTTP {status} to '{url}' {n} times; try "
                        "again later.",
                        status=status,
                        url=shown,
                        n=self.retries + 1,
                    ) from None
                raise SourceError(
                    "The Hilfeportal answered HTTP {status} to '{url}'. Check the address.",
                    status=status,
                    url=shown,
                ) from None
            except (urllib.error.URLError, OSError, TimeoutError) as exc:
                if isinstance(exc, GeolibError):
                    raise
                reason = getattr(exc, "reason", exc)
                if isinstance(reason, (socket.timeout, TimeoutError)):
                    reason = Message("no answer within {s} s", s=_num(self.timeout))
                if attempt < self.retries:
                    _sleep(min(self._delay(attempt), self.max_wait), progress)
                    continue
                raise SourceError(
                    "The Hilfeportal at '{url}' could not be reached after {n} attempts: {error}.",
                    url=shown,
                    n=self.retries + 1,
                    error=self._redact(str(reason)),
                ) from None
        raise AssertionError  # unreachable: itertools.count() never ends (for mypy)

    def _delay(self, attempt: int) -> float:
        return self.backoff * (2**attempt)

    def _redact(self, text: str) -> str:
        for secret in self._secrets:
            for part in (secret, secret.split(" ", 1)[-1]):
                if part:
                    text = text.replace(part, "***")
        return text

    def get_json(self, url: str, progress: Progress | None = None, *, page: int = 1) -> Any:
        body = self.get(url, progress)
        try:
            return json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise SourceError(
                "Page {page} of the Hilfeportal is not valid JSON ({error}); nothing was loaded.",
                page=page,
                error=_short(str(exc), 120),
            ) from None

    # --- paging ------------------------------------------------------------------------
    def services(self, progress: Progress | None = None) -> tuple[list[dict[str, Any]], int]:
        """Every service of the API, page by page; return (services, pages read).

        Raises :class:`SourceError` rather than return a partial list.
        """
        progress = progress or Progress()
        services: list[dict[str, Any]] = []
        seen: dict[tuple, int] = {}
        total_items: int | None = None
        total_pages: int | None = None
        page = 1
        while True:
            if page > self.max_pages:
                raise SourceError(
                    "The Hilfeportal delivered more than {n} pages without an end; its "
                    "paging seems broken. Nothing was loaded.",
                    n=self.max_pages,
                )
            url = self._endpoint("services", page=page, per_page=self.per_page)
            data = self.get_json(url, progress, page=page)
            items, meta = _page_items(data)
            if meta.get("page_number") is not None and _int(meta["page_number"]) != page:
                raise SourceError(
                    "Asked for page {asked}, the Hilfeportal answered with page {got}; its "
                    "paging is broken. Nothing was loaded.",
                    asked=page,
                    got=meta["page_number"],
                )
            signature = _signature(items)
            if items and signature in seen:
                raise SourceError(
                    "Page {page} of the Hilfeportal repeats page {earlier}; its paging is "
                    "broken. Nothing was loaded.",
                    page=page,
                    earlier=seen[signature],
                )
            seen[signature] = page
            services.extend(items)
            if page == 1:
                total_items = _int(meta.get("total_items"))
                total_pages = _int(meta.get("total_pages"))
            if total_pages:
                progress.report(min(page / total_pages, 1.0))
            last = meta.get("last_page")
            if isinstance(data, list) or not meta:
                done = len(items) < self.per_page or not items
            elif last is not None:
                done = bool(last) or not items
            elif total_pages is not None:
                done = page >= total_pages or not items
            else:
                done = len(items) < self.per_page or not items
            if done:
                break
            page += 1
        if total_items is not None and total_items != len(services):
            raise SourceError(
                "The Hilfeportal announced {total} offers but delivered {got}; the answer "
                "is incomplete. Nothing was loaded.",
                total=total_items,
                got=len(services),
            )
        return services, page

    def taxonomy_terms(self, progress: Progress | None = None) -> list[dict[str, Any]]:
        """The API's ``/taxonomy_terms`` (one page, or a plain list)."""
        data = self.get_json(self._endpoint("taxonomy_terms", per_page=1000), progress)
        items, _ = _page_items(data)
        return items


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s); drop credentials when the host changes."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        parts = urllib.parse.urlsplit(newurl)
        if parts.scheme.lower() not in ("http", "https"):
            raise SourceError(
                "The Hilfeportal redirected to '{url}', which is not http(s).",
                url=_short(newurl, 200),
            )
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and parts.netloc != urllib.parse.urlsplit(req.full_url).netloc:
            for name in list(new.headers):
                if name.lower() == "authorization":
                    del new.headers[name]
        return new


def _signature(items: list[dict[str, Any]]) -> tuple:
    """What identifies a page: its ids (or, without ids, its whole content)."""
    ids = tuple(item.get("id") for item in items)
    if all(isinstance(i, (str, int, float)) for i in ids) and len(set(ids)) == len(ids):
        return ids
    return tuple(json.dumps(item, sort_keys=True, default=str) for item in items)


#: keys of an answer (or export) that hold its list of offers, the HSDS one first
_LIST_KEYS = ("contents", "items", "data", "services", "results")


def _page_items(data: Any) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    if isinstance(data, list):
        return [d for d in data if isinstance(d, dict)], {}
    if not isinstance(data, dict):
        raise SourceError("The Hilfeportal answered with something that is not a list of offers.")
    for key in _LIST_KEYS:
        if isinstance(data.get(key), list):
            meta = {k: v for k, v in data.items() if k != key}
            return [d for d in data[key] if isinstance(d, dict)], meta
    raise SourceError(
        "The Hilfeportal's answer has no list of offers (expected 'contents'). Is the "
        "address the API root?"
    )


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    return max(0.0, (when - _dt.datetime.now(_dt.timezone.utc)).total_seconds())


def _sleep(seconds: float, progress: Progress) -> None:
    end = time.monotonic() + max(0.0, seconds)
    while True:
        progress.check()
        left = end - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(0.05, left))


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None and value != "" else None
    except (TypeError, ValueError):
        return None


def _num(value: float) -> str:
    return f"{value:g}"


def _short(text: str, limit: int) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- HSDS services → records ------------------------------------------------------------

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


def _hsds_record(service: dict[str, Any], unknown: dict[str, None]) -> dict[str, Any]:
    for key in service:
        if key not in _HSDS_KNOWN:
            unknown.setdefault(str(key), None)
    org = service.get("organization")
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
    location: dict[str, Any] = {}
    for sal in _dicts(service.get("service_at_locations")):
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


def _looks_like_hsds(items: list[dict[str, Any]]) -> bool:
    return bool(items) and any(
        "service_at_locations" in item or "locations" in item or "attributes" in item
        for item in items[:20]
    )


# --- files → records ----------------------------------------------------------------------


def _decode(raw: bytes, path: Path) -> tuple[str, Message | None]:
    """Text of an export: UTF-8 (with or without BOM), else Windows-1252 (noted)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), None
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), Message(
            "'{file}' is not UTF-8; it was read as Windows-1252.", file=path.name
        )


def _records_from_file(
    path: Path, mapping: FieldMapping
) -> tuple[list[dict[str, Any]], list[str], list[Message]]:
    if not path.exists():
        raise SourceError("The file '{path}' does not exist. Check the path.", path=str(path))
    if path.is_dir():
        raise SourceError("'{path}' is a folder, not an exported file.", path=str(path))
    raw = path.read_bytes()
    notes: list[Message] = []
    text, note = _decode(raw, path)
    if note is not None:
        notes.append(note)
    if not text.strip():
        raise EmptyInputError(
            "The export '{file}' is empty: it contains no offers.", file=path.name
        )
    suffix = path.suffix.lower()
    if suffix in (".json", ".geojson") or text.lstrip()[:1] in ("{", "["):
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise SourceError(
                "The export '{file}' is not valid JSON: {error}",
                file=path.name,
                error=_short(str(exc), 120),
            ) from None
        records, unknown = _records_from_json(data, mapping, path)
    elif suffix in (".csv", ".txt", ".tsv", ""):
        records, unknown, csv_notes = _records_from_csv(text, mapping, path)
        notes += csv_notes
    else:
        raise SourceError(
            "The file '{file}' is not a Hilfeportal export: use JSON, GeoJSON or CSV.",
            file=path.name,
        )
    return records, unknown, notes


def _records_from_json(
    data: Any, mapping: FieldMapping, path: Path
) -> tuple[list[dict[str, Any]], list[str]]:
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        rows = []
        for feat in data.get("features") or []:
            if not isinstance(feat, dict):
                continue
            props = feat.get("properties")
            props = dict(props) if isinstance(props, dict) else {}
            geom = feat.get("geometry") or {}
            coords = geom.get("coordinates") if isinstance(geom, dict) else None
            if isinstance(geom, dict) and geom.get("type") == "Point" and coords:
                props["__lon"], props["__lat"] = [*list(coords), None, None][:2]
            rows.append(props)
        return _records_from_rows(rows, mapping, geo=True)
    if isinstance(data, list) or (
        isinstance(data, dict) and any(isinstance(data.get(k), list) for k in _LIST_KEYS)
    ):
        items, _ = _page_items(data)
    else:
        raise SourceError("The export '{file}' holds no list of offers.", file=path.name)
    if _looks_like_hsds(items):
        unknown: dict[str, None] = {}
        records = [_hsds_record(item, unknown) for item in items]
        return records, list(unknown)
    return _records_from_rows(items, mapping)


def _records_from_csv(
    text: str, mapping: FieldMapping, path: Path
) -> tuple[list[dict[str, Any]], list[str], list[Message]]:
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    delimiter = max((";", ",", "\t"), key=first.count)
    if first.count(delimiter) == 0:
        delimiter = ","
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    rows = []
    extra = 0
    try:
        if not reader.fieldnames:
            raise EmptyInputError(
                "The export '{file}' is empty: it contains no offers.", file=path.name
            )
        for row in reader:
            extra += row.pop(None, None) is not None  # cells beyond the header
            if any((v or "").strip() for v in row.values()):
                rows.append(row)
    except csv.Error as exc:  # a field longer than the csv module's limit, say
        raise SourceError(
            "Line {line} of the export '{file}' cannot be read as CSV: {error}.",
            line=reader.line_num + 1,  # the line being read is not counted yet
            file=path.name,
            error=_short(str(exc), 120),
        ) from None
    notes = []
    if extra:
        notes.append(
            Message(
                "{n} rows of '{file}' have more cells than the header; the extra cells "
                "were ignored. Is a separator inside a text without quotes?",
                n=extra,
                file=path.name,
            )
        )
    if not rows:
        return [], [], notes
    return (*_records_from_rows(rows, mapping), notes)


def _records_from_rows(
    rows: list[dict[str, Any]], mapping: FieldMapping, *, geo: bool = False
) -> tuple[list[dict[str, Any]], list[str]]:
    columns: dict[str, None] = {}
    for row in rows:
        for key in row:
            if key is not None and not str(key).startswith("__"):
                columns.setdefault(str(key), None)
    used, unused = mapping.resolve(columns)
    records = []
    for row in rows:
        record = {key: row.get(column) for key, column in used.items()}
        if geo and "__lon" in row and ("lon" not in used or record.get("lon") in (None, "")):
            record["lon"], record["lat"] = row["__lon"], row["__lat"]
        records.append(record)
    return records, unused


def read_offers(
    source: str | os.PathLike,
    *,
    token: str | None = None,
    headers: Mapping[str, str] | None = None,
    mapping: FieldMapping | Mapping[str, str] | None = None,
    timeout: float = 20.0,
    retries: int = 3,
    backoff: float = 0.5,
    per_page: int = 200,
    max_pages: int = 2000,
    progress: Progress | None = None,
) -> FetchResult:
    """Read every offer of a source: the Hilfeportal API or an exported file.

    Parameters
    ----------
    source
        An http(s) URL of the HSDS-shaped API, or the path of a JSON, GeoJSON or CSV
        export. Other URL schemes are refused.
    token, headers
        Authentication for the API (see :class:`HsdsClient`).
    mapping
        A :class:`FieldMapping`, or a dict of overrides for the default mapping
        (schema part → field of the export).
    timeout, retries, backoff, per_page, max_pages
        See :class:`HsdsClient`.
    progress
        Progress and cancellation.

    Returns
    -------
    FetchResult
        Records with :data:`RECORD_COLUMNS`, as text as delivered.

    Raises
    ------
    ParameterError
        ``source`` is a URL that is not http(s).
    SourceError
        The source cannot be read completely (network, HTTP, JSON, paging).
    EmptyInputError
        An export holds no offers.

    Notes
    -----
    Nothing is returned unless the whole source was read: a failing page, a repeating
    page or a total that does not match makes the whole read fail.

    Examples
    --------
    >>> result = read_offers("tests/data/offers.csv")  # doctest: +SKIP
    >>> result = read_offers("https://hilfeportal.example/api", token="…")  # doctest: +SKIP
    """
    progress = progress or Progress()
    if not isinstance(mapping, FieldMapping):
        mapping = FieldMapping.with_overrides(mapping)
    text = str(source).strip()
    if not text:
        raise ParameterError("No source given: enter the Hilfeportal's URL or an exported file.")
    notes: list[Message] = []
    pages = 0
    if is_url(text):
        client = HsdsClient(
            text,
            token=token,
            headers=headers,
            timeout=timeout,
            retries=retries,
            backoff=backoff,
            per_page=per_page,
            max_pages=max_pages,
        )
        services, pages = client.services(progress.sub(0.0, 0.9))
        unknown: dict[str, None] = {}
        if _looks_like_hsds(services):
            records = [_hsds_record(s, unknown) for s in services]
            unknown_fields = list(unknown)
        else:
            records, unknown_fields = _records_from_rows(services, mapping)
    else:
        path = Path(text).expanduser()
        records, unknown_fields, notes = _records_from_file(path, mapping)
        if not records:
            raise EmptyInputError(
                "The export '{file}' is empty: it contains no offers.", file=path.name
            )
    progress.report(1.0)
    frame = pd.DataFrame.from_records(
        [{key: _as_text(record.get(key)) for key in RECORD_COLUMNS} for record in records],
        columns=list(RECORD_COLUMNS),
    ).astype(object)
    if unknown_fields:
        notes.append(unknown_fields_note(unknown_fields))
    return FetchResult(
        records=frame,
        source=_display_source(text),
        fetched_at=_now(),
        pages=pages,
        unknown_fields=sorted(unknown_fields),
        notes=notes,
    )


def unknown_fields_note(fields: Iterable[str]) -> Message:
    """The note that the source delivered ``fields`` that no mapping knows (ignored).

    Examples
    --------
    >>> unknown_fields_note(["z", "a"]).format()
    'These fields of the source are unknown and were ignored: a, z.'
    """
    return Message(
        "These fields of the source are unknown and were ignored: {fields}.",
        fields=", ".join(sorted(fields)),
    )


def _as_text(value: Any) -> str | None:
    """A delivered value as text (lists joined); None for empty."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (list, tuple)):
        parts = [str(v).strip() for v in value if v is not None and str(v).strip()]
        return LIST_SEPARATOR.join(parts) if parts else None
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    text = str(value).strip()
    return text or None


def _display_source(source: str) -> str:
    """The source without credentials in the URL (user:password@ or token=...)."""
    if not is_url(source):
        return source
    parts = urllib.parse.urlsplit(source)
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    query = urllib.parse.urlencode(
        [
            (k, "***" if k.lower() in ("token", "key", "api_key", "apikey", "access_token") else v)
            for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        ]
    )
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


# --------------------------------------------------------------------------------------
# checks
# --------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean_text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = _CONTROL.sub("", str(value)).strip()
    return text or None


def _parse_number(value: Any) -> float | None:
    """A coordinate as delivered: a number, or text with a decimal point or comma."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value) if math.isfinite(value) else None
    text = str(value).strip().replace("\u2212", "-").replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if "," in text and "." in text:
        # 1.234,56 (German thousands) or 1,234.56 (English thousands)
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        if text.count(",") > 1:
            raise ValueError(text)
        text = text.replace(",", ".")
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(text)
    return number


def _parse_list(value: Any) -> list[str]:
    if value is None:
        return []
    parts = re.split(r"\s*[;|]\s*", str(value))
    return list(dict.fromkeys(p.strip() for p in parts if p and p.strip()))


def _default_area() -> shapely.Geometry:
    return shapely.from_wkt(KREIS_PINNEBERG_WKT).buffer(KREIS_MARGIN_M)


def check_offers(
    records: pd.DataFrame,
    *,
    area: gpd.GeoDataFrame | gpd.GeoSeries | None = None,
    stale_days: int | None = 730,
    as_of: _dt.date | str | None = None,
    progress: Progress | None = None,
) -> CheckResult:
    """Turn records into points in EPSG:25832 and a check list with reasons.

    Parameters
    ----------
    records
        Records with :data:`RECORD_COLUMNS` (from :func:`read_offers`).
    area
        Polygons the offers should lie in (any CRS). Default: Kreis Pinneberg (a
        built-in outline simplified to 100 m, with a margin of 250 m).
    stale_days
        Offers whose ``updated_at`` is older than this many days are listed as stale;
        ``None`` switches the check off.
    as_of
        The date the age is measured from (default: today).
    progress
        Progress and cancellation.

    Returns
    -------
    CheckResult
        ``offers``: one point per offer with usable coordinates and a unique id, with
        :data:`OFFER_COLUMNS` (``checks`` names the checks the offer raised).
        ``checks``: one row per finding with :data:`CHECK_COLUMNS` and the offer's
        point where it has one; ``notes`` counts the findings per check.

    Notes
    -----
    Checks, in order:

    - coordinates missing, not numbers, or outside −180…180 / −90…90: not on the map;
    - outside ``area`` (a WGS84 point projected to EPSG:25832 and tested for
      containment); if the point with latitude and longitude exchanged lies inside,
      the offer is placed there and listed as *swapped*;
    - the same ``offer_id`` more than once: the first is kept, the others listed;
    - the same title and address (case and spaces ignored): all kept, listed;
    - ``as_of − updated_at > stale_days``: kept, listed; no date: listed;
    - texts longer than their limit (300 characters for title, provider and address,
      1000 for opening hours, 2000 otherwise): shortened with "…", listed;
    - a link that is not http(s) (``javascript:``, ``file:``): removed, listed.

    Examples
    --------
    >>> fetched = read_offers("export.csv")  # doctest: +SKIP
    >>> checked = check_offers(fetched.records, stale_days=365)  # doctest: +SKIP
    >>> checked.checks[["offer_id", "check", "reason"]]  # doctest: +SKIP
    """
    progress = progress or Progress()
    missing = [c for c in RECORD_COLUMNS if c not in records.columns]
    if missing:
        raise ParameterError(
            "The records lack the columns {columns}; read them with read_offers().",
            columns=", ".join(missing),
        )
    if isinstance(as_of, str):
        as_of = _dt.date.fromisoformat(as_of)
    as_of = as_of or _dt.date.today()
    area_geom = _area_geometry(area)
    area_prepared = prep(area_geom)
    checks: list[dict[str, Any]] = []

    def flag(row: dict[str, Any], code: str, reason: Message, xy=None) -> None:
        checks.append(
            {
                "offer_id": row.get("offer_id"),
                "title": row.get("title"),
                "check": code,
                "severity": CHECK_CODES[code],
                "reason": reason,
                "x": xy[0] if xy else None,
                "y": xy[1] if xy else None,
            }
        )
        row.setdefault("_codes", []).append(code)

    rows = records.to_dict("records")
    n = len(rows)
    # 1. texts, lists, links
    for i, row in enumerate(rows):
        if i % 2000 == 0:
            progress.report(0.3 * i / max(n, 1))
        for key in RECORD_COLUMNS:
            if key in ("lon", "lat"):
                continue
            value = _clean_text(row.get(key))
            limit = TEXT_LIMITS.get(key, DEFAULT_TEXT_LIMIT)
            if value is not None and len(value) > limit:
                flag(
                    row,
                    "long_text",
                    Message(
                        "The field {field} has {n} characters; it was shortened to {limit}.",
                        field=key,
                        n=len(value),
                        limit=limit,
                    ),
                )
                value = value[: limit - 1] + "…"
            row[key] = value
        if row["offer_id"] is None:
            row["offer_id"] = f"ohne-id-{i + 1}"
        row["_categories"] = _parse_list(row["categories"])
        row["_targets"] = _parse_list(row["target_groups"])
        url = row.get("url")
        if url is not None and urllib.parse.urlsplit(url).scheme.lower() not in ("http", "https"):
            flag(
                row,
                "invalid_url",
                Message(
                    "The link '{url}' is not an http(s) address; it was removed.",
                    url=_short(url, 120),
                ),
            )
            row["url"] = None
    # 2. coordinates
    to_metric = _transformer()
    lons = np.full(n, np.nan)
    lats = np.full(n, np.nan)
    usable = np.zeros(n, dtype=bool)
    for i, row in enumerate(rows):
        try:
            lon = _parse_number(row.get("lon"))
            lat = _parse_number(row.get("lat"))
        except ValueError:
            flag(
                row,
                "invalid_coordinates",
                Message(
                    "The coordinates '{lon}' / '{lat}' are not numbers; the offer is not on "
                    "the map.",
                    lon=_short(row.get("lon"), 40),
                    lat=_short(row.get("lat"), 40),
                ),
            )
            continue
        if lon is None or lat is None:
            flag(
                row,
                "no_coordinates",
                Message("The offer has no coordinates; it is not on the map."),
            )
            continue
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            if -180 <= lat <= 180 and -90 <= lon <= 90:
                lon, lat = lat, lon  # may be swapped; decided below
                row["_swapped_range"] = True
            else:
                flag(
                    row,
                    "coordinates_out_of_range",
                    _out_of_range_reason(lon, lat),
                )
                continue
        lons[i], lats[i] = lon, lat
        usable[i] = True
    xs = np.full(n, np.nan)
    ys = np.full(n, np.nan)
    if usable.any():
        xs[usable], ys[usable] = to_metric(lons[usable], lats[usable])
    progress.report(0.5)
    keep = usable.copy()
    for i in np.flatnonzero(usable):
        row = rows[i]
        point = shapely.Point(xs[i], ys[i])
        inside = area_prepared.contains(point)
        swapped_range = row.pop("_swapped_range", False)
        if inside and not swapped_range:
            continue
        sx, sy = to_metric(np.array([lats[i]]), np.array([lons[i]]))
        swapped_inside = (
            -90 <= lons[i] <= 90
            and bool(np.isfinite(sx[0]))
            and area_prepared.contains(shapely.Point(sx[0], sy[0]))
        )
        if inside:  # out of range as delivered, inside after exchanging: that is a swap
            flag(
                row,
                "swapped_coordinates",
                _swapped_reason(lats[i], lons[i]),
                (xs[i], ys[i]),
            )
        elif swapped_inside:
            flag(
                row,
                "swapped_coordinates",
                _swapped_reason(lons[i], lats[i]),
                (sx[0], sy[0]),
            )
            xs[i], ys[i] = sx[0], sy[0]
        elif swapped_range:
            flag(
                row,
                "coordinates_out_of_range",
                _out_of_range_reason(lats[i], lons[i]),
            )
            keep[i] = False
        else:
            flag(
                row,
                "outside_area",
                Message(
                    "The offer lies outside the area of the check ({lon} / {lat}).",
                    lon=_num(lons[i]),
                    lat=_num(lats[i]),
                ),
                (xs[i], ys[i]),
            )
    progress.report(0.7)
    # 3. duplicates
    first_of: dict[str, int] = {}
    id_count: dict[str, int] = {}
    for row in rows:
        id_count[row["offer_id"]] = id_count.get(row["offer_id"], 0) + 1
    for i, row in enumerate(rows):
        oid = row["offer_id"]
        if oid in first_of:
            flag(
                row,
                "duplicate_id",
                Message(
                    "The id {id} occurs {n} times; only the first offer with it is kept.",
                    id=oid,
                    n=id_count[oid],
                ),
                (xs[i], ys[i]) if usable[i] else None,
            )
            keep[i] = False
        else:
            first_of[oid] = i
    groups: dict[tuple[str, str], list[int]] = {}
    for i, row in enumerate(rows):
        if row["title"] and row["address"] and first_of.get(row["offer_id"]) == i:
            title_address = (_norm(row["title"]), _norm(row["address"]))
            groups.setdefault(title_address, []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        for i in members:
            others = ", ".join(str(rows[j]["offer_id"]) for j in members if j != i)
            flag(
                rows[i],
                "duplicate_title_address",
                Message(
                    "Same title and address as {others}: possibly the same offer twice.",
                    others=others,
                ),
                (xs[i], ys[i]) if usable[i] else None,
            )
    # 4. age
    updated_list = list(_parse_dates([r["updated_at"] for r in rows]))
    if stale_days is not None:
        limit_date = pd.Timestamp(as_of, tz="UTC") - pd.Timedelta(days=int(stale_days))
        for i, row in enumerate(rows):
            if first_of.get(row["offer_id"]) != i:
                continue
            when = updated_list[i]
            xy = (xs[i], ys[i]) if keep[i] else None
            if pd.isna(when):
                flag(
                    row,
                    "no_update_date",
                    Message(
                        "The offer has no valid update date ('{value}').",
                        value=_short(row["updated_at"] or "", 40),
                    ),
                    xy,
                )
            elif when < limit_date:
                flag(
                    row,
                    "stale",
                    Message(
                        "Not updated since {date} (more than {days} days before {as_of}).",
                        date=when.date().isoformat(),
                        days=int(stale_days),
                        as_of=as_of.isoformat(),
                    ),
                    xy,
                )
    progress.report(0.9)
    offers = _offers_frame(rows, keep, xs, ys)
    checks_gdf = _checks_frame(checks)
    notes = _check_notes(checks_gdf, n, len(offers))
    progress.report(1.0)
    return CheckResult(offers=offers, checks=checks_gdf, notes=notes)


def _swapped_reason(lon: float, lat: float) -> Message:
    """The reason for an offer whose ``lon`` / ``lat`` (as delivered) are exchanged."""
    return Message(
        "Latitude and longitude are swapped ({lon} / {lat}); the offer is shown at the "
        "exchanged position. Correct it in the Hilfeportal.",
        lon=_num(lon),
        lat=_num(lat),
    )


def _out_of_range_reason(lon: float, lat: float) -> Message:
    return Message(
        "The coordinates {lon} / {lat} are outside the range of longitude (−180…180) and "
        "latitude (−90…90); the offer is not on the map.",
        lon=_num(lon),
        lat=_num(lat),
    )


def _parse_dates(values: list[Any]) -> pd.Series:
    """ISO dates and times (any mix), else German dates (``31.12.2025``); NaT otherwise."""
    series = pd.Series(values, dtype=object)
    parsed = pd.to_datetime(series, errors="coerce", utc=True, format="ISO8601")
    retry = parsed.isna() & series.notna()
    if retry.any():  # at once: one call per value took seconds for a large German export
        parsed[retry] = pd.to_datetime(
            series[retry], errors="coerce", utc=True, format="mixed", dayfirst=True
        )
    return parsed


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _transformer():
    from pyproj import Transformer

    transformer = Transformer.from_crs("EPSG:4326", DEFAULT_CRS, always_xy=True)

    def forward(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        x, y = transformer.transform(np.asarray(lon, float), np.asarray(lat, float))
        x = np.where(np.isfinite(x), x, np.nan)
        y = np.where(np.isfinite(y), y, np.nan)
        return x, y

    return forward


def _area_geometry(area) -> shapely.Geometry:
    if area is None:
        return _default_area()
    if isinstance(area, gpd.GeoSeries):
        area = gpd.GeoDataFrame(geometry=area)
    require_crs(area, what=N_("area layer"))
    polys = area.to_crs(DEFAULT_CRS).geometry.dropna()
    polys = polys[polys.geom_type.isin(["Polygon", "MultiPolygon"]) & ~polys.is_empty]
    if polys.empty:
        raise EmptyInputError(
            "The {what} has no polygons to check the offers against.", what=N_("area layer")
        )
    return shapely.union_all(shapely.make_valid(polys.values))


def _offers_frame(
    rows: list[dict[str, Any]], keep: np.ndarray, xs: np.ndarray, ys: np.ndarray
) -> gpd.GeoDataFrame:
    data = []
    kept = []
    for i, row in enumerate(rows):
        if not keep[i]:
            continue
        categories = row["_categories"]
        data.append(
            {
                "offer_id": row["offer_id"],
                "title": row["title"],
                "provider": row["provider"],
                "category": categories[0] if categories else None,
                "categories": LIST_SEPARATOR.join(categories) or None,
                "target_groups": LIST_SEPARATOR.join(row["_targets"]) or None,
                "address": row["address"],
                "postcode": row["postcode"],
                "municipality_ags": row["municipality_ags"],
                "capacity": _capacity(row["capacity"]),
                "opening_hours": row["opening_hours"],
                "url": row["url"],
                "phone": row["phone"],
                "updated_at": row["updated_at"],
                "synthetic": _flag(row["synthetic"]),
                "checks": ", ".join(dict.fromkeys(row.get("_codes", []))) or None,
            }
        )
        kept.append(i)
    frame = pd.DataFrame.from_records(data, columns=list(OFFER_COLUMNS))
    for column in OFFER_COLUMNS:
        if column in ("capacity", "synthetic"):
            frame[column] = pd.array(frame[column].tolist(), dtype="Int64")
        else:
            frame[column] = frame[column].astype(object)
    geoms = shapely.points(xs[kept], ys[kept]) if kept else np.array([], dtype=object)
    return gpd.GeoDataFrame(
        frame, geometry=gpd.GeoSeries(geoms, crs=DEFAULT_CRS, index=frame.index), crs=DEFAULT_CRS
    )


def _capacity(value: Any) -> int | None:
    try:
        number = _parse_number(value)
    except ValueError:
        return None
    if number is None or number < 0:
        return None
    return round(number)


def _flag(value: Any) -> int | None:
    if value is None:
        return None
    return 1 if str(value).strip().lower() in ("1", "true", "yes", "ja", "wahr") else 0


def _checks_frame(checks: list[dict[str, Any]]) -> gpd.GeoDataFrame:
    frame = pd.DataFrame.from_records(checks, columns=[*CHECK_COLUMNS, "x", "y"])
    xs = pd.to_numeric(frame["x"], errors="coerce").to_numpy(dtype=float)
    ys = pd.to_numeric(frame["y"], errors="coerce").to_numpy(dtype=float)
    has = np.isfinite(xs) & np.isfinite(ys)
    geoms = np.array([None] * len(frame), dtype=object)
    if has.any():
        geoms[has] = shapely.points(xs[has], ys[has])
    frame = frame[list(CHECK_COLUMNS)].astype(object)
    return gpd.GeoDataFrame(
        frame, geometry=gpd.GeoSeries(geoms, crs=DEFAULT_CRS, index=frame.index), crs=DEFAULT_CRS
    )


def _check_notes(checks: gpd.GeoDataFrame, n_records: int, n_offers: int) -> list[Message]:
    notes: list[Message] = []
    if n_offers < n_records:
        notes.append(
            Message(
                "{n} of {total} offers are not on the map (no usable coordinates or a "
                "duplicate id); the check list names them.",
                n=n_records - n_offers,
                total=n_records,
            )
        )
    counts = checks["check"].value_counts()
    for code in CHECK_CODES:
        if counts.get(code, 0):
            notes.append(Message("Check '{check}': {n} findings.", check=code, n=int(counts[code])))
    return notes


# --------------------------------------------------------------------------------------
# filters and counts
# --------------------------------------------------------------------------------------


def term_counts(offers: pd.DataFrame, column: str) -> dict[str, int]:
    """How many offers carry each term of a list column (``categories``, ...), by name."""
    counts: dict[str, int] = {}
    for value in offers[column].dropna():
        for term in _parse_list(value):
            counts[term] = counts.get(term, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: kv[0].casefold()))


def filter_offers(
    offers: gpd.GeoDataFrame,
    *,
    categories: Iterable[str] | None = None,
    target_groups: Iterable[str] | None = None,
    search: str | None = None,
) -> gpd.GeoDataFrame:
    """The offers that have one of ``categories`` and one of ``target_groups`` and match ``search``.

    ``None`` for a list means no filter; an empty list keeps nothing. ``search`` is
    plain text (no pattern), compared case-insensitively with title, provider,
    address, categories and target groups; every word must occur.

    Examples
    --------
    >>> kids = filter_offers(offers, categories=["Kinder, Jugend und Familie"])  # doctest: +SKIP
    """
    mask = np.ones(len(offers), dtype=bool)
    if categories is not None:
        wanted = set(categories)
        mask &= (
            offers["categories"]
            .map(lambda v: bool(wanted & set(_parse_list(v))))
            .to_numpy(dtype=bool)
        )
    if target_groups is not None:
        wanted_t = set(target_groups)
        mask &= (
            offers["target_groups"]
            .map(lambda v: bool(wanted_t & set(_parse_list(v))))
            .to_numpy(dtype=bool)
        )
    words = [w.casefold() for w in (search or "").split() if w]
    if words and not offers.empty:  # (the row-wise join of no rows is not a text column)
        text = (
            offers[["title", "provider", "address", "categories", "target_groups"]]
            .fillna("")
            .astype(str)
            .agg(" ".join, axis=1)
            .str.casefold()
        )
        for word in words:
            mask &= text.str.contains(word, regex=False).to_numpy(dtype=bool)
    return offers[mask].copy()


# --------------------------------------------------------------------------------------
# cache
# --------------------------------------------------------------------------------------


class OfferCache:
    """The last complete fetch of each source, kept in a GeoPackage per source.

    The records are stored as an attribute table ``offers`` (text as delivered),
    with a table ``cache_info`` holding the source and the time of the fetch.
    Nothing partial is ever stored: :func:`load_offers` saves only complete reads.
    """

    def __init__(self, directory: str | os.PathLike) -> None:
        self.directory = Path(directory)

    def path_for(self, source: str) -> Path:
        text = _display_source(str(source).strip())
        if is_url(text):  # the API root, with or without /services, is one source
            text = re.sub(r"(/services)?/*$", "", text)
        key = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
        return self.directory / f"hilfeportal_cache_{key}.gpkg"

    def save(self, fetched: FetchResult) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.path_for(fetched.source)
        info = pd.DataFrame(
            {
                "source": [fetched.source],
                "fetched_at": [fetched.fetched_at],
                "offers": [len(fetched.records)],
                "unknown_fields": [", ".join(fetched.unknown_fields)],
            }
        )
        records = fetched.records.copy()
        for column in records.columns:  # all text, so that GDAL keeps every value as given
            records[column] = records[column].astype(object)
        write_gpkg(
            path,
            [
                OutputLayer(
                    "offers",
                    records,
                    provenance=Provenance(
                        title="Hilfeportal-Cache", inputs={"source": fetched.source}
                    ),
                ),
                OutputLayer("cache_info", info),
            ],
        )
        return path

    def load(self, source: str) -> FetchResult | None:
        path = self.path_for(source)
        if not path.exists():
            return None
        import pyogrio

        try:
            info = pyogrio.read_dataframe(path, layer="cache_info")
            records = pyogrio.read_dataframe(path, layer="offers")
        except Exception:  # a broken cache is no cache
            return None
        records = pd.DataFrame(records).drop(columns=["geometry"], errors="ignore")
        for column in RECORD_COLUMNS:
            if column not in records.columns:
                records[column] = None
        records = records[list(RECORD_COLUMNS)].astype(object)
        records = records.where(records.notna(), None)
        unknown = str(info["unknown_fields"].iloc[0] or "")
        return FetchResult(
            records=records,
            source=str(info["source"].iloc[0]),
            fetched_at=str(info["fetched_at"].iloc[0]),
            unknown_fields=[u for u in unknown.split(", ") if u],
        )


# --------------------------------------------------------------------------------------
# the whole way: read (or cache), check, filter
# --------------------------------------------------------------------------------------


def load_offers(
    source: str | os.PathLike,
    *,
    cache_dir: str | os.PathLike | None = None,
    token: str | None = None,
    headers: Mapping[str, str] | None = None,
    mapping: FieldMapping | Mapping[str, str] | None = None,
    categories: Iterable[str] | None = None,
    target_groups: Iterable[str] | None = None,
    search: str | None = None,
    area: gpd.GeoDataFrame | None = None,
    stale_days: int | None = 730,
    as_of: _dt.date | str | None = None,
    timeout: float = 20.0,
    retries: int = 3,
    backoff: float = 0.5,
    per_page: int = 200,
    progress: Progress | None = None,
) -> HilfeportalResult:
    """Read, check and filter the offers of a source; fall back to the cache on failure.

    Parameters
    ----------
    source
        The API's http(s) URL or an export file (see :func:`read_offers`).
    cache_dir
        Folder of the :class:`OfferCache`; ``None`` means no cache.
    token, headers, mapping, timeout, retries, backoff, per_page
        See :func:`read_offers`.
    categories, target_groups, search
        Filters (see :func:`filter_offers`); the check list is never filtered.
    area, stale_days, as_of
        See :func:`check_offers`.
    progress
        Progress and cancellation (cancelling never falls back to the cache).

    Returns
    -------
    HilfeportalResult

    Raises
    ------
    SourceError, EmptyInputError
        The source cannot be read and there is no cached fetch of it.
    ParameterError
        The source is a URL that is not http(s).

    Notes
    -----
    A complete read replaces the cached fetch of the source. When a read fails and
    a cached fetch exists, its offers are returned with ``from_cache=True``, the time
    of that fetch in ``fetched_at`` and the reason in ``refresh_error`` and
    ``refresh_note``.

    Examples
    --------
    >>> result = load_offers("http://127.0.0.1:8765", cache_dir="cache")  # doctest: +SKIP
    >>> result.offers.plot(column="category")  # doctest: +SKIP
    """
    progress = progress or Progress()
    cache = OfferCache(cache_dir) if cache_dir is not None else None
    from_cache = False
    refresh_error: str | None = None
    refresh_note: Message | None = None
    notes: list[Message] = []
    try:
        fetched = read_offers(
            source,
            token=token,
            headers=headers,
            mapping=mapping,
            timeout=timeout,
            retries=retries,
            backoff=backoff,
            per_page=per_page,
            progress=progress.sub(0.0, 0.7),
        )
        if cache is not None:
            try:
                cache.save(fetched)
            except (GeolibError, OSError) as exc:  # the offers are loaded all the same
                error = exc.message if isinstance(exc, GeolibError) else str(exc)
                notes.append(Message("The cache could not be written: {error}", error=error))
    except CancelledError:
        raise
    except (SourceError, ResourceError) as exc:
        cached = cache.load(str(source)) if cache is not None else None
        if cached is None:
            raise
        fetched = cached
        from_cache = True
        refresh_error = str(exc)
        refresh_note = Message(
            "The refresh failed: {error} The offers shown are those fetched at {when}.",
            error=exc.message,
            when=cached.fetched_at,
        )
    notes.extend(fetched.notes)
    if fetched.unknown_fields and from_cache:
        notes.append(unknown_fields_note(fetched.unknown_fields))
    checked = check_offers(
        fetched.records,
        area=area,
        stale_days=stale_days,
        as_of=as_of,
        progress=progress.sub(0.7, 0.98),
    )
    notes.extend(checked.notes)
    categories = list(categories) if categories is not None else None
    target_groups = list(target_groups) if target_groups is not None else None
    offers = filter_offers(
        checked.offers, categories=categories, target_groups=target_groups, search=search
    )
    if len(offers) < len(checked.offers):
        notes.append(
            Message(
                "{n} of {total} offers match the filters.", n=len(offers), total=len(checked.offers)
            )
        )
    progress.report(1.0)
    return HilfeportalResult(
        offers=offers,
        all_offers=checked.offers,
        checks=checked.checks,
        source=fetched.source,
        fetched_at=fetched.fetched_at,
        from_cache=from_cache,
        refresh_error=refresh_error,
        categories=term_counts(checked.offers, "categories"),
        target_groups=term_counts(checked.offers, "target_groups"),
        unknown_fields=fetched.unknown_fields,
        notes=notes,
        refresh_note=refresh_note,
    )
