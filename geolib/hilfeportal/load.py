"""The whole way: read a Hilfeportal source (or its cache), check, filter."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Mapping

import geopandas as gpd
from pyproj import CRS

from .._progress import Progress
from ..errors import CancelledError, GeolibError, ParameterError, ResourceError, SourceError
from ..messages import Message
from ..redact import redact
from ._common import HilfeportalResult, _short, is_url, unknown_fields_note
from .cache import OfferCache
from .checks import check_offers, coordinate_crs
from .filters import filter_offers, term_counts
from .readers import FieldMapping, read_offers
from .transport import Transport

__all__ = ["load_offers"]

#: a refresh with fewer than this share of the cached offers is not taken unasked
MIN_SHARE = 0.5


def load_offers(
    source: str | os.PathLike,
    *,
    cache_dir: str | os.PathLike | None = None,
    token: str | None = None,
    headers: Mapping[str, str] | None = None,
    mapping: FieldMapping | Mapping[str, str] | None = None,
    list_separators: str | None = None,
    crs: str | int | CRS | None = None,
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
    deadline: float | None = 300.0,
    max_offers: int = 200_000,
    transport: Transport | None = None,
    accept_fewer: bool = False,
    progress: Progress | None = None,
) -> HilfeportalResult:
    """Read, check and filter the offers of a source; fall back to the cache on failure.

    Parameters
    ----------
    source
        The API's http(s) URL or an export file (see :func:`read_offers`).
    cache_dir
        Folder of the :class:`OfferCache`; ``None`` means no cache.
    token, headers, mapping, list_separators, timeout, retries, backoff, per_page
        See :func:`read_offers`.
    deadline, max_offers, transport
        See :func:`read_offers`.
    crs
        The CRS of the coordinate columns of an exported file (see
        :func:`check_offers`); default WGS84. An HSDS API delivers WGS84: for a URL
        source ``crs`` must be empty or EPSG:4326.
    categories, target_groups, search
        Filters (see :func:`filter_offers`); the check list is never filtered.
    area, stale_days, as_of
        See :func:`check_offers`.
    accept_fewer
        Take a refresh that delivers no offers, or fewer than half of the cached
        ones; without it the cached offers stay and ``fewer_offers`` says how many
        the refresh had.
    progress
        Progress and cancellation (cancelling never falls back to the cache).

    Returns
    -------
    HilfeportalResult

    Raises
    ------
    SourceError, EmptyInputError, ResourceError
        The source cannot be read and there is no cached fetch of it.
    ParameterError
        The source is a URL that is not http(s) or is malformed.

    Notes
    -----
    A complete read replaces the cached fetch of the source. When a read fails and
    a cached fetch exists, its offers are returned with ``from_cache=True``, the time
    of that fetch in ``fetched_at`` and the reason in ``refresh_error`` and
    ``refresh_note``. The same happens, with ``fewer_offers`` set, when a read
    delivers far fewer offers than the cache and ``accept_fewer`` is false.

    Examples
    --------
    >>> result = load_offers("http://127.0.0.1:8765", cache_dir="cache")  # doctest: +SKIP
    >>> result.offers.plot(column="category")  # doctest: +SKIP
    """
    progress = progress or Progress()
    if coordinate_crs(crs) is not None and is_url(str(source)):
        raise ParameterError(
            "An HSDS API delivers longitude / latitude (EPSG:4326); the CRS of the "
            "coordinates applies to exported files only. Leave it at EPSG:4326."
        )
    cache = OfferCache(cache_dir) if cache_dir is not None else None
    cached = None
    from_cache = False
    refresh_error: str | None = None
    refresh_note: Message | None = None
    fewer: int | None = None
    notes: list[Message] = []
    try:
        fetched = _read(
            source,
            progress=progress.sub(0.0, 0.7),
            token=token,
            headers=headers,
            mapping=mapping,
            list_separators=list_separators,
            timeout=timeout,
            retries=retries,
            backoff=backoff,
            per_page=per_page,
            deadline=deadline,
            max_offers=max_offers,
            transport=transport,
        )
    except CancelledError:
        raise
    except (SourceError, ResourceError) as exc:
        cached = cache.load(str(source)) if cache is not None else None
        if cached is None:
            raise
        fetched, from_cache = cached, True
        refresh_error = redact(str(exc))
        refresh_note = Message(
            "The refresh failed: {error} The offers shown are those fetched at {when}.",
            error=exc.message,
            when=cached.fetched_at,
        )
    else:
        cached = cache.load(str(source)) if cache is not None else None
        n_new = len(fetched.records)
        if cached is not None and not accept_fewer and _far_fewer(n_new, len(cached.records)):
            fewer = n_new
            refresh_note = Message(
                "The refresh delivered {n} offers, the last complete fetch ({when}) had "
                "{cached}. The cached offers are shown until the new answer is confirmed.",
                n=n_new,
                cached=len(cached.records),
                when=cached.fetched_at,
            )
            fetched, from_cache = cached, True
        elif cache is not None:
            notes += _save(cache, fetched, str(source))
        if n_new == 0 and fewer is None:
            notes.append(Message("The source delivered no offers."))
    notes.extend(fetched.notes)
    if fetched.unknown_fields and from_cache:
        notes.append(unknown_fields_note(fetched.unknown_fields))
    checked = check_offers(
        fetched.records,
        area=area,
        stale_days=stale_days,
        as_of=as_of,
        crs=crs,
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
        fewer_offers=fewer,
    )


def _read(source, *, progress: Progress, **options):
    """:func:`read_offers`; an unforeseen failure of an API answer becomes a SourceError."""
    try:
        return read_offers(source, progress=progress, **options)
    except GeolibError:
        raise
    except (ValueError, OSError, RecursionError, OverflowError, LookupError, TypeError) as exc:
        if not is_url(str(source)):
            raise
        raise SourceError(
            "The Hilfeportal's answer could not be read ({error}); nothing was loaded.",
            error=_short(redact(f"{type(exc).__name__}: {exc}"), 200),
        ) from None


def _far_fewer(n_new: int, n_cached: int) -> bool:
    return n_cached > 0 and (n_new == 0 or n_new < MIN_SHARE * n_cached)


def _save(cache: OfferCache, fetched, source: str) -> list[Message]:
    try:
        cache.save(fetched, source)
    except (GeolibError, OSError) as exc:  # the offers are loaded all the same
        error = exc.message if isinstance(exc, GeolibError) else str(exc)
        return [Message("The cache could not be written: {error}", error=redact(error))]
    return []
