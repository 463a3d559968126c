"""An example Hilfeportal: a small HSDS-shaped HTTP server on loopback.

It serves the generated example offers (``geolib.examples``; synthetic example
values) the way the Hilfeportal's API would: ``/services`` paged with ``page`` and
``per_page``, ``/taxonomy_terms``, and ``/offers.geojson`` (all offers in one GeoJSON,
for comparisons). A token can be required, and faults can be switched on to test
clients against a flaky source::

    python -m geolib.hilfeportal_server --port 8765 [--token T] [--fault 500=2] ...

Faults (``--fault``, repeatable; also settable at run time through :attr:`faults`):

``slow=S``       every answer waits S seconds
``500=N``        the next N requests get HTTP 500 (``500=always``: every request)
``429=N``        the next N requests get HTTP 429 with ``Retry-After`` (``retry_after=S``)
``malformed=P``  page P is broken JSON
``repeat=P``     page P repeats page P−1 (and the paging claims there is more)
``endless``      the paging never ends (``last_page`` is always false)
``total=N``      ``total_items`` claims N offers

``--hsds FOLDER`` serves the official HSDS 3.0 example documents instead
(:func:`hsds_examples`): ``/services``, ``/services/{id}`` (``service_full``),
``/service_at_locations``, ``/organizations`` and ``/taxonomy_terms``.

Tests start it in a thread with ``port=0`` (any free port).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import threading
import time
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast

import geopandas as gpd
import pandas as pd

from .errors import ParameterError
from .examples import LIST_SEPARATOR

__all__ = ["Faults", "HilfeportalServer", "hsds_examples", "main", "offers_to_services"]


@dataclass
class Faults:
    """Switchable faults of the example server (see the module docstring)."""

    slow: float = 0.0
    fail_500: int = 0  # next N requests; -1 = always
    fail_429: int = 0
    retry_after: float = 1.0
    malformed_page: int | None = None
    repeat_page: int | None = None
    endless: bool = False
    total: int | None = None

    @classmethod
    def parse(cls, specs: Sequence[str]) -> Faults:
        faults = cls()
        for spec in specs:
            key, _, value = spec.partition("=")
            key = key.strip().lower()
            if key == "slow":
                faults.slow = float(value or 1)
            elif key == "500":
                faults.fail_500 = -1 if value in ("always", "") else int(value)
            elif key == "429":
                faults.fail_429 = -1 if value in ("always", "") else int(value)
            elif key == "retry_after":
                faults.retry_after = float(value)
            elif key == "malformed":
                faults.malformed_page = int(value or 2)
            elif key == "repeat":
                faults.repeat_page = int(value or 2)
            elif key == "endless":
                faults.endless = True
            elif key == "total":
                faults.total = int(value)
            else:
                raise ParameterError(
                    "Unknown fault '{fault}'. Known: slow, 500, 429, retry_after, malformed, "
                    "repeat, endless, total.",
                    fault=spec,
                )
        return faults


def _split(value: Any) -> list[str]:
    if value is None or (isinstance(value, float) and value != value):
        return []
    return [p.strip() for p in str(value).split(LIST_SEPARATOR.strip()) if p.strip()]


def offers_to_services(offers: pd.DataFrame) -> list[dict[str, Any]]:
    """Offers in the internal schema (with ``lon``/``lat`` or a geometry) as HSDS services."""
    if "lon" not in offers.columns and isinstance(offers, gpd.GeoDataFrame):
        wgs = offers.geometry.to_crs("EPSG:4326")
        offers = offers.assign(lon=wgs.x.round(6), lat=wgs.y.round(6))
    services = []
    for row in offers.to_dict("records"):

        def val(key: str, row=row) -> Any:
            v = row.get(key)
            return None if v is None or (isinstance(v, float) and v != v) else v

        attrs = [
            {"taxonomy_term": {"id": f"kategorie:{c}", "name": c, "taxonomy": "kategorie"}}
            for c in _split(val("categories"))
        ] + [
            {"taxonomy_term": {"id": f"zielgruppe:{t}", "name": t, "taxonomy": "zielgruppe"}}
            for t in _split(val("target_groups"))
        ]
        capacity = val("capacity")
        services.append(
            {
                "id": val("offer_id"),
                "name": val("title"),
                "description": None,
                "url": val("url"),
                "status": "active",
                "organization": {"name": val("provider")},
                "phones": [{"number": val("phone")}] if val("phone") else [],
                "schedules": (
                    [{"description": val("opening_hours")}] if val("opening_hours") else []
                ),
                "capacities": [{"maximum": int(capacity), "unit": "Plätze"}]
                if capacity is not None
                else [],
                "attributes": attrs,
                "service_at_locations": [
                    {
                        "location": {
                            "id": f"loc-{val('offer_id')}",
                            "latitude": val("lat"),
                            "longitude": val("lon"),
                            "addresses": [
                                {
                                    "address_1": val("address"),
                                    "postal_code": val("postcode"),
                                    "city": val("municipality"),
                                    "country": "DE",
                                }
                            ],
                            "external_identifiers": [
                                {"identifier": val("municipality_ags"), "identifier_type": "AGS"}
                            ],
                        }
                    }
                ],
                "last_modified": val("updated_at"),
                "x_synthetic": bool(val("synthetic")) if val("synthetic") is not None else None,
            }
        )
    return services


def multiply(offers: pd.DataFrame, n: int) -> pd.DataFrame:
    """``n`` offers made from ``offers`` by repeating them with new ids and titles."""
    if n <= len(offers):
        return offers.iloc[:n].copy()
    parts: list[pd.DataFrame] = []
    k = 0
    while sum(len(p) for p in parts) < n:
        copy = offers.copy()
        if k:
            copy["offer_id"] = copy["offer_id"].astype(str) + f"-{k}"
            copy["title"] = copy["title"].astype(str) + f" ({k + 1})"
        parts.append(copy)
        k += 1
    return pd.concat(parts, ignore_index=True).iloc[:n].copy()


class HilfeportalServer:
    """The example server, started in a thread: ``with HilfeportalServer(services) as s: s.url``.

    Parameters
    ----------
    services
        HSDS services to serve (see :func:`offers_to_services`).
    token
        When given, requests must send ``Authorization: Bearer <token>``.
    faults
        :class:`Faults`; may be changed while the server runs.
    host, port
        Where to listen; ``port=0`` takes a free port (see :attr:`url`).
    collections
        Further HSDS collections served paged like ``/services``:
        ``service_at_locations``, ``organizations``, ``taxonomy_terms`` (see
        :func:`hsds_examples`). Every object of ``services`` is also served alone
        at ``/services/{id}``.
    """

    def __init__(
        self,
        services: list[dict[str, Any]],
        *,
        token: str | None = None,
        faults: Faults | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        default_per_page: int = 50,
        collections: dict[str, list[dict[str, Any]]] | None = None,
    ) -> None:
        self.services = services
        self.collections = dict(collections or {})
        self.token = token
        self.faults = faults or Faults()
        self.default_per_page = default_per_page
        self.requests: list[str] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((host, port), _handler(self))
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        # a TCP server's address is (host, port) with the host as text
        host, port = cast("tuple[str, int]", self._httpd.server_address[:2])
        return f"http://{host}:{port}"

    def start(self) -> HilfeportalServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> HilfeportalServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- answers --------------------------------------------------------------------
    def take_fault(self) -> int | None:
        """The status the next request must fail with (and count it), or None."""
        with self._lock:
            f = self.faults
            if f.fail_500:
                if f.fail_500 > 0:
                    f.fail_500 -= 1
                return 500
            if f.fail_429:
                if f.fail_429 > 0:
                    f.fail_429 -= 1
                return 429
        return None

    def page(
        self, page: int, per_page: int, items: list[dict[str, Any]] | None = None
    ) -> dict[str, Any] | bytes:
        f = self.faults
        if items is not None:  # another collection: plain paging, no faults
            pages = max(1, -(-len(items) // per_page))
            contents = items[(page - 1) * per_page : page * per_page]
            return {
                "total_items": len(items),
                "total_pages": pages,
                "page_number": page,
                "size": per_page,
                "first_page": page == 1,
                "last_page": page >= pages,
                "empty": not contents,
                "contents": contents,
            }
        if f.malformed_page == page:
            return b'{"total_items": 3, "contents": [{"id": "broken", "name": '
        total = len(self.services)
        pages = max(1, -(-total // per_page))
        shown = page - 1 if f.repeat_page == page and page > 1 else page
        start = (shown - 1) * per_page
        contents = self.services[start : start + per_page]
        if f.endless:
            contents = [dict(s, id=f"{s['id']}-p{page}") for s in self.services[:per_page]]
        last = page >= pages and not f.endless and f.repeat_page is None
        return {
            "total_items": f.total if f.total is not None else total,
            "total_pages": pages if not (f.endless or f.repeat_page) else pages + 1000,
            "page_number": page,
            "size": per_page,
            "first_page": page == 1,
            "last_page": last,
            "empty": not contents,
            "contents": contents,
        }

    def taxonomy_terms(self) -> dict[str, Any]:
        if "taxonomy_terms" in self.collections:
            return cast("dict[str, Any]", self.page(1, 1000, self.collections["taxonomy_terms"]))
        terms: dict[str, dict[str, Any]] = {}
        for s in self.services:
            for attr in s.get("attributes", []):
                term = attr["taxonomy_term"]
                terms.setdefault(term["id"], dict(term))
        items = sorted(terms.values(), key=lambda t: (t["taxonomy"], t["name"]))
        return {"total_items": len(items), "total_pages": 1, "page_number": 1, "contents": items}

    def geojson(self) -> dict[str, Any]:
        features = []
        for s in self.services:
            loc = s["service_at_locations"][0]["location"]
            lon, lat = loc.get("longitude"), loc.get("latitude")
            props = {
                "offer_id": s["id"],
                "title": s["name"],
                "provider": (s.get("organization") or {}).get("name"),
                "categories": LIST_SEPARATOR.join(
                    a["taxonomy_term"]["name"]
                    for a in s["attributes"]
                    if a["taxonomy_term"]["taxonomy"] == "kategorie"
                ),
                "url": s.get("url"),
                "updated_at": s.get("last_modified"),
            }
            geometry = {"type": "Point", "coordinates": [lon, lat]} if lon is not None else None
            features.append({"type": "Feature", "properties": props, "geometry": geometry})
        return {"type": "FeatureCollection", "features": features}


def _handler(server: HilfeportalServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):  # quiet: tests and the demo read stdout
            pass

        def _send(self, status: int, body: bytes, ctype="application/json", headers=None):
            self.send_response(status)
            self.send_header("Content-Type", f"{ctype}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            # the client may have given up waiting
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def _json(self, status: int, data: Any, headers=None) -> None:
            self._send(
                status, json.dumps(data, ensure_ascii=False).encode("utf-8"), headers=headers
            )

        def do_GET(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(parts.query))
            with server._lock:
                server.requests.append(self.path)
            if server.faults.slow:
                time.sleep(server.faults.slow)
            if server.token is not None:
                auth = self.headers.get("Authorization", "")
                if auth != f"Bearer {server.token}":
                    self._json(401, {"error": "unauthorized"}, {"WWW-Authenticate": "Bearer"})
                    return
            status = server.take_fault()
            if status == 500:
                self._json(500, {"error": "internal server error"})
                return
            if status == 429:
                self._json(
                    429,
                    {"error": "too many requests"},
                    {"Retry-After": f"{server.faults.retry_after:g}"},
                )
                return
            path = parts.path.rstrip("/")
            name = path.rsplit("/", 1)[-1]
            single = path.rsplit("/", 2)[-2:] if path.count("/") >= 2 else []
            if name in server.collections and name != "taxonomy_terms":
                try:
                    page, per_page = _paging(query, server.default_per_page)
                except ValueError:
                    self._json(400, {"error": "page and per_page must be numbers"})
                    return
                self._json(200, server.page(page, per_page, server.collections[name]))
            elif len(single) == 2 and single[0] == "services":
                wanted = urllib.parse.unquote(single[1])
                found = [s for s in server.services if str(s.get("id")) == wanted]
                self._json(*((200, found[0]) if found else (404, {"error": "not found"})))
            elif path.endswith("/services"):
                try:
                    page = max(1, int(query.get("page", 1)))
                    per_page = max(
                        1, min(1000, int(query.get("per_page", server.default_per_page)))
                    )
                except ValueError:
                    self._json(400, {"error": "page and per_page must be numbers"})
                    return
                data = server.page(page, per_page)
                if isinstance(data, bytes):
                    self._send(200, data)
                else:
                    self._json(200, data)
            elif path.endswith("/taxonomy_terms"):
                self._json(200, server.taxonomy_terms())
            elif path.endswith("/offers.geojson"):
                body = json.dumps(server.geojson(), ensure_ascii=False).encode("utf-8")
                self._send(200, body, "application/geo+json")
            elif path in ("", "/"):
                self._json(200, {"name": "Hilfeportal (Beispiel)", "services": "/services"})
            else:
                self._json(404, {"error": "not found"})

    return Handler


def _paging(query: dict[str, str], default: int) -> tuple[int, int]:
    page = max(1, int(query.get("page", 1)))
    return page, max(1, min(1000, int(query.get("per_page", default))))


def hsds_examples(
    folder: str | Path,
) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """The official HSDS 3.0 example documents of ``folder`` as (services, collections).

    ``services``: the objects of ``service_full.json``; ``collections``: the
    ``contents`` of ``service_at_location_list.json`` (the full example in place of
    the listed one with the same id), ``organization_full.json`` as the one
    organization, and the terms of ``taxonomy_term_list.json``. The examples' own
    ``total_items`` (pages of a larger list) are not copied: the server counts what
    it serves.
    """
    root = Path(folder)

    def read(name: str) -> Any:
        return json.loads((root / name).read_text(encoding="utf-8"))

    def contents(name: str) -> list[dict[str, Any]]:
        return list(read(name)["contents"])

    full_sal = read("service_at_location_full.json")
    sals = [
        full_sal if s.get("id") == full_sal.get("id") else s
        for s in contents("service_at_location_list.json")
    ]
    collections = {
        "service_at_locations": sals,
        "organizations": [read("organization_full.json")],
        "taxonomy_terms": contents("taxonomy_term_list.json"),
    }
    return [read("service_full.json")], collections


def example_services(
    offers_path: str | Path | None = None, *, count: int | None = None
) -> list[dict[str, Any]]:
    """Services made from the example offers (generated into a temporary folder if needed)."""
    from .io import read_vector

    if offers_path is None or not Path(offers_path).exists():
        import tempfile

        from .examples import write_examples

        root = Path(__file__).resolve().parent.parent
        out = Path(tempfile.mkdtemp(prefix="hilfeportal-examples-"))
        offers_path = write_examples(out, data_path=root / "data" / "kreis_pinneberg.gpkg")[
            "offers"
        ]
    offers = read_vector(offers_path)
    if count is not None:
        offers = multiply(offers, count)
    return offers_to_services(offers)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m geolib.hilfeportal_server --port 8765``."""
    parser = argparse.ArgumentParser(
        prog="python -m geolib.hilfeportal_server",
        description="An example Hilfeportal (HSDS-shaped API) serving synthetic offers.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 takes a free port")
    parser.add_argument("--token", default=None, help="require 'Authorization: Bearer TOKEN'")
    parser.add_argument("--offers", default="data/examples/offers.gpkg")
    parser.add_argument("--count", type=int, default=None, help="serve this many offers")
    parser.add_argument("--per-page", type=int, default=50, help="default page size")
    parser.add_argument("--fault", action="append", default=[], help="see the module help")
    parser.add_argument(
        "--hsds", default=None, help="serve the HSDS 3.0 example documents of this folder"
    )
    args = parser.parse_args(argv)
    try:
        faults = Faults.parse(args.fault)
    except ValueError as exc:  # ParameterError, or a number that is not one
        parser.error(str(exc))
    collections: dict[str, list[dict[str, Any]]] = {}
    if args.hsds:
        services, collections = hsds_examples(args.hsds)
    else:
        services = example_services(args.offers, count=args.count)
    server = HilfeportalServer(
        services,
        token=args.token,
        faults=faults,
        host=args.host,
        port=args.port,
        default_per_page=args.per_page,
        collections=collections,
    )
    print(f"Hilfeportal (Beispiel) with {len(services)} offers at {server.url}", flush=True)
    try:
        server._httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server._httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
