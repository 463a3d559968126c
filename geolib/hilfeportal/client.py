"""A small client of an HSDS-shaped REST API: retries, paging, limits, a deadline.

HTTP itself is done by a transport (:mod:`.transport`; the standard library's by
default). Each request runs in a helper thread while the caller's thread waits in
short steps, so that cancelling takes effect within a fraction of a second and the
whole load ends at its deadline even when a server sends one byte every few seconds.
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import itertools
import json
import re
import threading
import time
import urllib.parse
from collections.abc import Mapping
from typing import Any

from .._progress import Progress
from ..errors import ParameterError, ResourceError, SourceError
from ..messages import Number
from ..redact import redact
from ._common import _display_source, _int, _short
from .hsds import page_contents
from .transport import Response, Transport, TransportError, UrllibTransport

__all__ = ["HsdsClient"]

#: how often (seconds) a waiting load looks at cancel and its deadline
POLL = 0.1
#: the HSDS collections a source URL may end with, optionally with one object's id
_COLLECTION = re.compile(r"/(services|service_at_locations|organizations)(?:/([^/]+))?$")


def _require_http(url: str) -> str:
    text = url.strip()
    parts = urllib.parse.urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ParameterError(
            "The address '{url}' is not an http(s) URL. Give the Hilfeportal API as "
            "http://… or https://…, or the path of an exported file.",
            url=_short(redact(url), 200),
        )
    try:
        parts.port  # noqa: B018 (raises for a port that is not a number)
    except ValueError:
        raise ParameterError(
            "The port in '{url}' is not a number. Write the address as "
            "http://host:port/… with a numeric port, or without a port.",
            url=_short(redact(url), 200),
        ) from None
    return text


class HsdsClient:
    """A small client of an HSDS-shaped REST API.

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
        Seconds to wait for each piece of an answer.
    deadline
        Seconds for the whole load (every page and retry); ``None``: no deadline.
    retries
        How often a request is repeated after HTTP 429, a 5xx or a network error.
    backoff
        First wait between attempts in seconds; doubles with each attempt. An answer's
        ``Retry-After`` (seconds or a date) takes precedence, up to ``max_wait``.
    per_page, max_pages
        Page size asked for, and the most pages read before the paging is taken to be
        endless.
    max_bytes
        The largest single answer accepted.
    max_offers, max_total_bytes
        The most offers, and bytes of all pages together, a load accepts.
    transport
        Does the HTTP (:class:`~geolib.hilfeportal.transport.Transport`); default:
        the standard library's ``urllib``.

    Notes
    -----
    Paging follows the HSDS 3 API: ``?page=N&per_page=M`` and answers
    ``{"total_items", "total_pages", "page_number", "contents": [...]}``; a plain
    JSON list is taken as one page. Reading stops at the last page; a page that
    repeats an earlier one, a wrong page number, more than ``max_pages`` pages, a
    total that does not match the offers delivered, or a full last page followed by
    further offers (a wrong page count) stop with :class:`SourceError`.
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float = 20.0,
        deadline: float | None = 300.0,
        retries: int = 3,
        backoff: float = 0.5,
        max_wait: float = 30.0,
        per_page: int = 200,
        max_pages: int = 2000,
        max_bytes: int = 64 * 1024 * 1024,
        max_offers: int = 200_000,
        max_total_bytes: int = 512 * 1024 * 1024,
        transport: Transport | None = None,
    ) -> None:
        parts = urllib.parse.urlsplit(_require_http(base_url))
        if per_page < 1 or max_pages < 1 or retries < 0 or timeout <= 0:
            raise ParameterError(
                "per_page and max_pages must be at least 1, retries at least 0 and the "
                "timeout positive."
            )
        if deadline is not None and deadline <= 0:
            raise ParameterError("The deadline of a load must be positive (seconds).")
        path = parts.path.rstrip("/")
        match = _COLLECTION.search(path)
        #: the collection paged (``services``, ``service_at_locations``, ``organizations``)
        self.collection = match.group(1) if match else "services"
        #: the id of a single object asked for (``/services/{id}``: ``service_full``)
        self.single = urllib.parse.unquote(match.group(2)) if match and match.group(2) else None
        path = path[: match.start()] if match else path
        # the root's query (an API key, say) goes with every request
        self._root = parts._replace(path=path, fragment="")
        self._headers = {"Accept": "application/json", "User-Agent": "sozialplanung-geolib"}
        self._headers.update(headers or {})
        if token:
            self._headers["Authorization"] = f"Bearer {token}"
        self._secrets = [v for k, v in self._headers.items() if k.lower() == "authorization"]
        self.timeout = float(timeout)
        self.deadline = None if deadline is None else float(deadline)
        self.retries = int(retries)
        self.backoff = float(backoff)
        self.max_wait = float(max_wait)
        self.per_page = int(per_page)
        self.max_pages = int(max_pages)
        self.max_bytes = int(max_bytes)
        self.max_offers = int(max_offers)
        self.max_total_bytes = int(max_total_bytes)
        self.transport: Transport = transport or UrllibTransport()
        self._ends_at: float | None = None
        self.bytes_read = 0

    def _endpoint(self, name: str, **params: Any) -> str:
        """The URL of ``name`` below the API root, with the root's query and ``params``."""
        query = "&".join(q for q in (self._root.query, urllib.parse.urlencode(params)) if q)
        path = f"{self._root.path}/{name}"
        return urllib.parse.urlunsplit(self._root._replace(path=path, query=query))

    def _redact(self, text: str) -> str:
        return redact(text, self._secrets)

    # --- the deadline ----------------------------------------------------------------------
    def start(self) -> None:
        """Start the clock of one load (:meth:`services` does so)."""
        self._ends_at = None if self.deadline is None else time.monotonic() + self.deadline
        self.bytes_read = 0

    def _past_deadline(self) -> bool:
        return self._ends_at is not None and time.monotonic() >= self._ends_at

    def _deadline_error(self) -> SourceError:
        return SourceError(
            "The Hilfeportal did not deliver its offers within {s} s, the deadline of a "
            "load; nothing was loaded. Try again later.",
            s=Number(self.deadline or 0),
        )

    def _check(self, progress: Progress) -> None:
        progress.check()
        if self._past_deadline():
            raise self._deadline_error()

    # --- one request with retries --------------------------------------------------------
    def _fetch(self, url: str, progress: Progress) -> Response:
        """One request in a helper thread; the caller waits in steps of :data:`POLL`."""
        box: dict[str, Any] = {}
        abort = threading.Event()

        def stop() -> bool:
            return abort.is_set() or self._past_deadline()

        def work() -> None:
            try:
                box["response"] = self.transport.get(
                    url, self._headers, timeout=self.timeout, max_bytes=self.max_bytes, stop=stop
                )
            except BaseException as exc:  # handed to the waiting thread
                box["error"] = exc

        thread = threading.Thread(target=work, name="hilfeportal-request", daemon=True)
        thread.start()
        try:
            while thread.is_alive():
                thread.join(POLL)
                if thread.is_alive():
                    self._check(progress)
        finally:
            abort.set()  # a request left behind stops at its next piece
        self._check(progress)
        if "error" in box:
            raise box["error"]
        return box["response"]

    def get(self, url: str, progress: Progress | None = None) -> bytes:
        """GET ``url``; retry on 429, 5xx and network errors; return the body.

        Raises
        ------
        SourceError
            Access refused, not found, still failing after the retries, or the
            load's deadline passed.
        ResourceError
            The answer is larger than ``max_bytes``.
        CancelledError
            ``progress`` says the caller wants to stop.
        """
        progress = progress or Progress()
        if self._ends_at is None and self.deadline is not None:
            self.start()
        shown = _display_source(self._redact(url))
        for attempt in itertools.count():  # ends by returning or raising
            self._check(progress)
            try:
                response = self._fetch(url, progress)
            except TransportError as exc:
                if attempt < self.retries:
                    self._sleep(min(self._delay(attempt), self.max_wait), progress)
                    continue
                raise SourceError(
                    "The Hilfeportal at '{url}' could not be reached after {n} attempts: {error}.",
                    url=shown,
                    n=self.retries + 1,
                    error=exc.reason,
                ) from None
            status = response.status
            if 200 <= status < 300:
                if len(response.body) > self.max_bytes:
                    raise ResourceError(
                        "The answer of '{url}' is larger than {mb} MB; ask the Hilfeportal "
                        "for smaller pages.",
                        url=shown,
                        mb=self.max_bytes // (1024 * 1024),
                    )
                self.bytes_read += len(response.body)
                return response.body
            if status in (401, 403):
                raise SourceError(
                    "The Hilfeportal refused access (HTTP {status}). Check the token in "
                    "the authentication configuration.",
                    status=status,
                )
            if status == 429 or 500 <= status < 600:
                if attempt < self.retries:
                    retry_after = _retry_after(response.headers.get("retry-after"))
                    wait = retry_after if retry_after is not None else self._delay(attempt)
                    self._sleep(min(wait, self.max_wait), progress)
                    continue
                raise SourceError(
                    "The Hilfeportal answered HTTP {status} to '{url}' {n} times; try again later.",
                    status=status,
                    url=shown,
                    n=self.retries + 1,
                )
            raise SourceError(
                "The Hilfeportal answered HTTP {status} to '{url}'. Check the address.",
                status=status,
                url=shown,
            )
        raise AssertionError  # unreachable: itertools.count() never ends (for mypy)

    def _delay(self, attempt: int) -> float:
        return self.backoff * (2**attempt)

    def _sleep(self, seconds: float, progress: Progress) -> None:
        if self._ends_at is not None and time.monotonic() + seconds >= self._ends_at:
            raise self._deadline_error()
        _sleep(seconds, progress)

    def get_json(self, url: str, progress: Progress | None = None, *, page: int = 1) -> Any:
        body = self.get(url, progress)
        try:
            return json.loads(body.decode("utf-8-sig"))
        except RecursionError:
            raise SourceError(
                "Page {page} of the Hilfeportal is nested too deeply to be an answer of "
                "offers; nothing was loaded.",
                page=page,
            ) from None
        except (UnicodeDecodeError, ValueError) as exc:
            raise SourceError(
                "Page {page} of the Hilfeportal is not valid JSON ({error}); nothing was loaded.",
                page=page,
                error=_short(str(exc), 120),
            ) from None

    # --- paging ------------------------------------------------------------------------
    def services(self, progress: Progress | None = None) -> tuple[list[dict[str, Any]], int]:
        """Every service of the API, page by page; return (services, pages read).

        Raises :class:`SourceError` (or :class:`ResourceError` for a load beyond the
        limits) rather than return a partial list.
        """
        progress = progress or Progress()
        self.start()
        if self.single is not None:
            url = self._endpoint(f"{self.collection}/{urllib.parse.quote(self.single)}")
            items, _ = _page_items(self.get_json(url, progress))
            progress.report(1.0)
            return items, 1
        services: list[dict[str, Any]] = []
        seen: dict[tuple, int] = {}
        totals: tuple[int | None, int | None] = (None, None)
        page = 1
        while True:
            if page > self.max_pages:
                raise SourceError(
                    "The Hilfeportal delivered more than {n} pages without an end; its "
                    "paging seems broken. Nothing was loaded.",
                    n=self.max_pages,
                )
            url = self._endpoint(self.collection, page=page, per_page=self.per_page)
            data = self.get_json(url, progress, page=page)
            items, meta = _page_items(data)
            _check_page_number(meta, page)
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
                totals = _totals(meta)
                self._check_announced(*totals)
            self._check_size(len(services), page)
            total_items, total_pages = totals
            if total_pages:
                progress.report(min(page / total_pages, 1.0))
            done, by_meta = self._is_last(data, meta, items, total_pages, page)
            if done:
                if by_meta and len(items) >= self.per_page:
                    self._probe_after_last(page, seen, progress)
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

    def _is_last(
        self, data: Any, meta: dict, items: list, total_pages: int | None, page: int
    ) -> tuple[bool, bool]:
        """Whether ``page`` is the last one, and whether only the answer's paging says so."""
        full = len(items) >= self.per_page
        if not items:
            return True, False
        if isinstance(data, list) or not meta:
            return not full, False
        last = meta.get("last_page")
        if last is not None:
            return bool(last), True
        if total_pages is not None:
            return page >= total_pages, True
        return not full, False

    def _probe_after_last(self, page: int, seen: dict[tuple, int], progress: Progress) -> None:
        """A full last page: make sure the next page is empty (the page count may lie)."""
        url = self._endpoint(self.collection, page=page + 1, per_page=self.per_page)
        try:
            data = self.get_json(url, progress, page=page + 1)
            items, _ = _page_items(data)
        except SourceError:
            return  # no page after the last one: as announced
        if items and _signature(items) not in seen:
            raise SourceError(
                "The Hilfeportal said page {page} is the last, but page {next} holds "
                "further offers; its page count is wrong. Nothing was loaded.",
                page=page,
                next=page + 1,
            )

    def _check_announced(self, total_items: int | None, _total_pages: int | None) -> None:
        if total_items is not None and total_items > self.max_offers:
            raise ResourceError(
                "The Hilfeportal announces {n} offers; a load takes at most {max}. "
                "Nothing was loaded. Filter the source or raise the limit.",
                n=total_items,
                max=self.max_offers,
            )

    def _check_size(self, n_offers: int, page: int) -> None:
        if n_offers > self.max_offers or self.bytes_read > self.max_total_bytes:
            raise ResourceError(
                "After {pages} pages the Hilfeportal has delivered {n} offers ({mb} MB); a "
                "load takes at most {max} offers and {max_mb} MB. Nothing was loaded: is "
                "its paging endless?",
                pages=page,
                n=n_offers,
                mb=round(self.bytes_read / (1024 * 1024), 1),
                max=self.max_offers,
                max_mb=self.max_total_bytes // (1024 * 1024),
            )

    def taxonomy_terms(self, progress: Progress | None = None) -> list[dict[str, Any]]:
        """The API's ``/taxonomy_terms`` (one page, or a plain list)."""
        data = self.get_json(self._endpoint("taxonomy_terms", per_page=1000), progress)
        items, _ = _page_items(data)
        return items


def _check_page_number(meta: dict[str, Any], page: int) -> None:
    if meta.get("page_number") is not None and _int(meta["page_number"]) != page:
        raise SourceError(
            "Asked for page {asked}, the Hilfeportal answered with page {got}; its "
            "paging is broken. Nothing was loaded.",
            asked=page,
            got=_short(str(meta["page_number"]), 40),
        )


def _totals(meta: dict[str, Any]) -> tuple[int | None, int | None]:
    """``total_items`` and ``total_pages`` of the first page; refused when not counts."""
    found = []
    for key in ("total_items", "total_pages"):
        value = meta.get(key)
        number = _int(value)
        if value not in (None, "") and (number is None or number < 0):
            raise SourceError(
                "The Hilfeportal gives '{value}' as {key}, which is not a count; its "
                "answer is malformed. Nothing was loaded.",
                value=_short(str(value), 40),
                key=key,
            )
        found.append(number)
    return found[0], found[1]


def _signature(items: list[dict[str, Any]]) -> tuple:
    """What identifies a page: its ids (or, without ids, its whole content)."""
    ids = tuple(item.get("id") for item in items)
    if all(isinstance(i, (str, int, float)) for i in ids) and len(set(ids)) == len(ids):
        return ids
    return tuple(json.dumps(item, sort_keys=True, default=str) for item in items)


def _page_items(data: Any) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    found = page_contents(data)
    if found is not None:
        return found
    if not isinstance(data, dict):
        raise SourceError("The Hilfeportal answered with something that is not a list of offers.")
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
