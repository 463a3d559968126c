"""Checks of the Hilfeportal's offers: records → points in EPSG:25832 and a check list.

Each check is a small function registered with :func:`check_step` and run in the
order of registration on one :class:`_Run` (the rows, their coordinates and what is
kept). A check adds findings with :meth:`_Run.flag`; :data:`CHECK_CODES` holds the
code and severity of every finding.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError
from shapely.prepared import prep

from .._kreis_outline import KREIS_PINNEBERG_WKT
from .._progress import Progress
from ..crs import DEFAULT_CRS, require_crs
from ..errors import EmptyInputError, ParameterError
from ..messages import N_, Message
from ..schema import LIST_SEPARATOR
from ._common import (
    CHECK_CODES,
    CHECK_COLUMNS,
    DEFAULT_TEXT_LIMIT,
    KREIS_MARGIN_M,
    OFFER_COLUMNS,
    RECORD_COLUMNS,
    TEXT_LIMITS,
    CheckResult,
    _num,
    _short,
)

__all__ = ["CHECK_STEPS", "check_offers", "check_step"]


@dataclass
class _Run:
    """One run of the checks: the rows and what the checks found so far."""

    rows: list[dict[str, Any]]
    area: Any  # a prepared geometry
    as_of: _dt.date
    stale_days: int | None
    progress: Progress
    crs: CRS | None = None  # of the coordinate columns; None: WGS84 longitude / latitude
    n: int = 0
    lons: np.ndarray = field(default_factory=lambda: np.empty(0))
    lats: np.ndarray = field(default_factory=lambda: np.empty(0))
    xs: np.ndarray = field(default_factory=lambda: np.empty(0))
    ys: np.ndarray = field(default_factory=lambda: np.empty(0))
    usable: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=bool))
    keep: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=bool))
    first_of: dict[str, int] = field(default_factory=dict)
    findings: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.n = len(self.rows)
        self.lons = np.full(self.n, np.nan)
        self.lats = np.full(self.n, np.nan)
        self.xs = np.full(self.n, np.nan)
        self.ys = np.full(self.n, np.nan)
        self.usable = np.zeros(self.n, dtype=bool)
        self.keep = np.zeros(self.n, dtype=bool)

    def flag(self, i: int, code: str, reason: Message, xy=None) -> None:
        row = self.rows[i]
        self.findings.append(
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

    def point(self, i: int) -> tuple[float, float] | None:
        return (self.xs[i], self.ys[i]) if self.usable[i] else None

    def exchanged(self, i: int) -> tuple[float, float] | None:
        """The point with the two coordinates exchanged (EPSG:25832); None if impossible."""
        a, b = self.lons[i], self.lats[i]
        if self.crs is None:
            if not -90 <= a <= 90:
                return None
            sx, sy = _to_metric(np.array([b]), np.array([a]))
        else:
            sx, sy = _project(self.crs, DEFAULT_CRS, np.array([b]), np.array([a]))
        return (sx[0], sy[0]) if np.isfinite(sx[0]) and np.isfinite(sy[0]) else None


#: the checks in the order they run
CHECK_STEPS: list[Callable[[_Run], None]] = []


def check_step(func: Callable[[_Run], None]) -> Callable[[_Run], None]:
    """Register ``func`` as the next check (see :data:`CHECK_STEPS`)."""
    CHECK_STEPS.append(func)
    return func


def check_offers(
    records: pd.DataFrame,
    *,
    area: gpd.GeoDataFrame | gpd.GeoSeries | None = None,
    stale_days: int | None = 730,
    as_of: _dt.date | str | None = None,
    crs: str | int | CRS | None = None,
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
    crs
        The CRS of the coordinate columns ``lon`` / ``lat`` (x / y), e.g.
        ``"EPSG:25832"`` for an export with UTM coordinates. Default: WGS84
        longitude / latitude (EPSG:4326), as HSDS delivers them.
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
    Checks, in order (:data:`CHECK_STEPS`):

    - texts longer than their limit (300 characters for title, provider and address,
      1000 for opening hours, 2000 otherwise): shortened with "…", listed;
    - a link that is not http(s) (``javascript:``, ``file:``): removed, listed;
    - coordinates missing, not numbers, or outside −180…180 / −90…90 (with ``crs``:
      not a position of that CRS): not on the map;
    - outside ``area`` (a WGS84 point projected to EPSG:25832 and tested for
      containment); if the point with latitude and longitude exchanged lies inside,
      the offer is placed there and listed as *swapped*;
    - the same ``offer_id`` more than once: the first is kept, the others listed;
    - the same title and address (case and spaces ignored): all kept, listed;
    - ``as_of − updated_at > stale_days``: kept, listed; no date: listed.

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
    run = _Run(
        rows=records.to_dict("records"),
        area=prep(_area_geometry(area)),
        as_of=as_of or _dt.date.today(),
        stale_days=stale_days,
        progress=progress,
        crs=coordinate_crs(crs),
    )
    for k, step in enumerate(CHECK_STEPS):
        progress.report(0.9 * k / len(CHECK_STEPS))
        step(run)
    offers = _offers_frame(run.rows, run.keep, run.xs, run.ys)
    checks = _checks_frame(run.findings)
    notes = _check_notes(checks, run.n, len(offers))
    hint = _projected_hint(run)
    if hint is not None:
        notes.append(hint)
    progress.report(1.0)
    return CheckResult(offers=offers, checks=checks, notes=notes)


# --- the checks ----------------------------------------------------------------------------


@check_step
def _texts(run: _Run) -> None:
    """Control characters removed, long texts shortened, lists split, ids given."""
    for i, row in enumerate(run.rows):
        if i % 2000 == 0:
            run.progress.check()
        for key in RECORD_COLUMNS:
            if key in ("lon", "lat"):
                continue
            value = _clean_text(row.get(key))
            limit = TEXT_LIMITS.get(key, DEFAULT_TEXT_LIMIT)
            if value is not None and len(value) > limit:
                run.flag(
                    i,
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


@check_step
def _links(run: _Run) -> None:
    for i, row in enumerate(run.rows):
        url = row.get("url")
        if url is not None and urllib.parse.urlsplit(url).scheme.lower() not in ("http", "https"):
            run.flag(
                i,
                "invalid_url",
                Message(
                    "The link '{url}' is not an http(s) address; it was removed.",
                    url=_short(url, 120),
                ),
            )
            row["url"] = None


@check_step
def _coordinates(run: _Run) -> None:
    """Numbers in range (or exchanged into range: decided by the area check)."""
    for i, row in enumerate(run.rows):
        try:
            lon = _parse_number(row.get("lon"))
            lat = _parse_number(row.get("lat"))
        except ValueError:
            run.flag(
                i,
                "invalid_coordinates",
                Message(
                    "The coordinates '{lon}' / '{lat}' are not numbers; the offer is not on "
                    "the map.",
                    lon=_short(str(row.get("lon")), 40),
                    lat=_short(str(row.get("lat")), 40),
                ),
            )
            continue
        if lon is None or lat is None:
            run.flag(
                i, "no_coordinates", Message("The offer has no coordinates; it is not on the map.")
            )
            continue
        if run.crs is None and not (-180 <= lon <= 180 and -90 <= lat <= 90):
            if not (-180 <= lat <= 180 and -90 <= lon <= 90):
                run.flag(i, "coordinates_out_of_range", _out_of_range_reason(lon, lat))
                continue
            lon, lat = lat, lon  # may be swapped; decided by the area check
            row["_swapped_range"] = True
        run.lons[i], run.lats[i] = lon, lat
        run.usable[i] = True
    if run.crs is not None:
        _projected_positions(run)
    elif run.usable.any():
        run.xs[run.usable], run.ys[run.usable] = _to_metric(
            run.lons[run.usable], run.lats[run.usable]
        )
    run.keep = run.usable.copy()


def _projected_positions(run: _Run) -> None:
    """Coordinates in ``run.crs``: positions where the CRS places them, else out of range."""
    assert run.crs is not None
    idx = np.flatnonzero(run.usable)
    if not len(idx):
        return
    lon, lat = _project(run.crs, "EPSG:4326", run.lons[idx], run.lats[idx])
    fine = np.isfinite(lon) & np.isfinite(lat) & (np.abs(lon) <= 180) & (np.abs(lat) <= 90)
    # far outside its area a projection wraps around: the way back must meet the start
    bx, by = _project(CRS.from_epsg(4326), run.crs.to_wkt(), lon, lat)
    with np.errstate(invalid="ignore"):
        tolerance = 1.0 if run.crs.is_projected else 1e-5
        fine &= (np.abs(bx - run.lons[idx]) <= tolerance) & (
            np.abs(by - run.lats[idx]) <= tolerance
        )
    for i in idx[~fine]:
        run.usable[i] = False
        run.flag(
            i,
            "coordinates_out_of_range",
            Message(
                "The coordinates {x} / {y} are no position in {crs}, the CRS of the "
                "coordinates; the offer is not on the map. Check the coordinates or the CRS.",
                x=_num(run.lons[i]),
                y=_num(run.lats[i]),
                crs=_crs_label(run.crs),
            ),
        )
    good = idx[fine]
    run.xs[good], run.ys[good] = _project(run.crs, DEFAULT_CRS, run.lons[good], run.lats[good])


@check_step
def _area(run: _Run) -> None:
    """Inside the area; else swapped (placed at the exchanged position) or outside."""
    for i in np.flatnonzero(run.usable):
        row = run.rows[i]
        lon, lat = run.lons[i], run.lats[i]
        inside = run.area.contains(shapely.Point(run.xs[i], run.ys[i]))
        swapped_range = row.pop("_swapped_range", False)
        if inside and not swapped_range:
            continue
        exchanged = run.exchanged(i)
        swapped_inside = exchanged is not None and run.area.contains(shapely.Point(*exchanged))
        if inside:  # out of range as delivered, inside after exchanging: that is a swap
            run.flag(i, "swapped_coordinates", _swapped_reason(lat, lon), run.point(i))
        elif swapped_inside and exchanged is not None:
            reason = _swapped_reason(lon, lat) if run.crs is None else _exchanged_xy(lon, lat)
            run.flag(i, "swapped_coordinates", reason, exchanged)
            run.xs[i], run.ys[i] = exchanged
        elif swapped_range:
            run.flag(i, "coordinates_out_of_range", _out_of_range_reason(lat, lon))
            run.keep[i] = False
        else:
            run.flag(
                i,
                "outside_area",
                Message(
                    "The offer lies outside the area of the check ({lon} / {lat}).",
                    lon=_num(lon),
                    lat=_num(lat),
                ),
                run.point(i),
            )


@check_step
def _duplicate_ids(run: _Run) -> None:
    counts: dict[str, int] = {}
    for row in run.rows:
        counts[row["offer_id"]] = counts.get(row["offer_id"], 0) + 1
    for i, row in enumerate(run.rows):
        oid = row["offer_id"]
        if oid not in run.first_of:
            run.first_of[oid] = i
            continue
        run.flag(
            i,
            "duplicate_id",
            Message(
                "The id {id} occurs {n} times; only the first offer with it is kept.",
                id=oid,
                n=counts[oid],
            ),
            run.point(i),
        )
        run.keep[i] = False


@check_step
def _duplicate_title_address(run: _Run) -> None:
    groups: dict[tuple[str, str], list[int]] = {}
    for i, row in enumerate(run.rows):
        if row["title"] and row["address"] and run.first_of.get(row["offer_id"]) == i:
            groups.setdefault((_norm(row["title"]), _norm(row["address"])), []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        for i in members:
            others = ", ".join(str(run.rows[j]["offer_id"]) for j in members if j != i)
            run.flag(
                i,
                "duplicate_title_address",
                Message(
                    "Same title and address as {others}: possibly the same offer twice.",
                    others=others,
                ),
                run.point(i),
            )


@check_step
def _age(run: _Run) -> None:
    if run.stale_days is None:
        return
    updated = list(_parse_dates([r["updated_at"] for r in run.rows]))
    limit_date = pd.Timestamp(run.as_of, tz="UTC") - pd.Timedelta(days=int(run.stale_days))
    for i, row in enumerate(run.rows):
        if run.first_of.get(row["offer_id"]) != i:
            continue
        when = updated[i]
        xy = (run.xs[i], run.ys[i]) if run.keep[i] else None
        if pd.isna(when):
            run.flag(
                i,
                "no_update_date",
                Message(
                    "The offer has no valid update date ('{value}').",
                    value=_short(row["updated_at"] or "", 40),
                ),
                xy,
            )
        elif when < limit_date:
            run.flag(
                i,
                "stale",
                Message(
                    "Not updated since {date} (more than {days} days before {as_of}).",
                    date=when.date().isoformat(),
                    days=int(run.stale_days),
                    as_of=run.as_of.isoformat(),
                ),
                xy,
            )


# --- helpers -------------------------------------------------------------------------------

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


def _exchanged_xy(x: float, y: float) -> Message:
    """The reason for an offer whose x / y (in a projected CRS) are exchanged."""
    return Message(
        "x and y (easting and northing) are exchanged ({x} / {y}); the offer is shown at "
        "the exchanged position. Correct it in the Hilfeportal.",
        x=_num(x),
        y=_num(y),
    )


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


def coordinate_crs(crs: str | int | CRS | None) -> CRS | None:
    """The CRS of coordinate columns; None for WGS84 longitude / latitude (the default).

    Raises
    ------
    ParameterError
        ``crs`` is not a CRS pyproj knows.
    """
    if crs is None or (isinstance(crs, str) and not crs.strip()):
        return None
    try:
        found = CRS.from_user_input(crs)
    except CRSError:
        raise ParameterError(
            "The CRS '{crs}' of the coordinates is unknown. Give an EPSG code such as "
            "EPSG:4326 (longitude / latitude) or EPSG:25832 (UTM 32N).",
            crs=str(crs)[:80],
        ) from None
    return None if found.equals(CRS.from_epsg(4326)) else found


def _crs_label(crs: CRS) -> str:
    epsg = crs.to_epsg()
    return f"EPSG:{epsg}" if epsg else crs.name


@functools.lru_cache(maxsize=16)
def _transformer(source: CRS, target: str) -> Transformer:
    return Transformer.from_crs(source, target, always_xy=True)


def _project(
    source: CRS, target: str, x: np.ndarray, y: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``x`` / ``y`` from ``source`` to ``target`` (NaN where the projection fails)."""
    with np.errstate(invalid="ignore"):
        tx, ty = _transformer(source, target).transform(np.asarray(x, float), np.asarray(y, float))
    tx, ty = np.asarray(tx, float), np.asarray(ty, float)
    return np.where(np.isfinite(tx), tx, np.nan), np.where(np.isfinite(ty), ty, np.nan)


def _projected_hint(run: _Run) -> Message | None:
    """A note when WGS84 was assumed but the coordinates look like metres (UTM, say)."""
    if run.crs is not None:
        return None
    big = [
        (row.get("lon"), row.get("lat"))
        for row in run.rows
        if "coordinates_out_of_range" in row.get("_codes", [])
    ]
    if not big:
        return None
    try:
        x, y = (_parse_number(v) for v in big[0])
    except ValueError:
        return None
    if x is None or y is None or max(abs(x), abs(y)) < 1000:
        return None
    return Message(
        "{n} offers have coordinates such as {x} / {y}, which look like metres of a "
        "projected CRS, not longitude / latitude. If the export uses UTM, choose the CRS "
        "of its coordinates (e.g. EPSG:25832).",
        n=len(big),
        x=_num(x),
        y=_num(y),
    )


_WGS84_TO_METRIC = None


def _to_metric(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """WGS84 longitude / latitude → EPSG:25832 (NaN where the projection fails)."""
    global _WGS84_TO_METRIC
    if _WGS84_TO_METRIC is None:
        from pyproj import Transformer

        _WGS84_TO_METRIC = Transformer.from_crs("EPSG:4326", DEFAULT_CRS, always_xy=True)
    x, y = _WGS84_TO_METRIC.transform(np.asarray(lon, float), np.asarray(lat, float))
    return np.where(np.isfinite(x), x, np.nan), np.where(np.isfinite(y), y, np.nan)
