"""What the Hilfeportal modules share: column lists, result types, small helpers."""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import pandas as pd

from ..messages import Message
from ..redact import redact
from ..schema import OFFER_SCHEMA, with_main_category

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
    ``fewer_offers`` is set when a refresh delivered far fewer offers than the cache
    (or none): that many; the cached offers are shown and ``refresh_note`` warns
    until the caller loads again with ``accept_fewer=True``.
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
    fewer_offers: int | None = None


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


def _int(value: Any) -> int | None:
    """A count as delivered; None when missing or not a whole finite number."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if not math.isfinite(number) or number != int(number):
        return None
    return int(number)


def _num(value: float) -> str:
    return f"{value:g}"


def _short(text: str, limit: int) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


def _display_source(source: str) -> str:
    """The source as it may be shown: secrets redacted (:func:`geolib.redact.redact`)."""
    return redact(str(source).strip())


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


# checks
