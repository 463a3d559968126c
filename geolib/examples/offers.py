"""Seeded synthetic Hilfeportal offers as points inside the municipalities."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point
from shapely.prepared import prep

from ..crs import DEFAULT_CRS, to_metric
from ..errors import DataError, ParameterError
from ..io import SYNTHETIC_LABEL
from ..messages import N_
from ..schema import LIST_SEPARATOR, OFFER_SCHEMA, with_main_category
from .common import DEFAULT_AS_OF, DEFAULT_SEED, HELGOLAND_AGS, _prepare_gemeinden, _rng
from .placement import _centre, _lines_in, _optional_metric, _place_point, _points_in
from .vocabulary import (
    _GENERIC_STREETS,
    _P_TOWN,
    _PHONE_PREFIX,
    _POI_CLASSES,
    _STREET_SNAP_M,
    _TEMPLATES,
    TARGET_GROUPS,
    _Template,
)

OFFER_FIELDS = (
    *with_main_category(OFFER_SCHEMA)[:9],
    "municipality",
    *OFFER_SCHEMA[8:],
    "lon",
    "lat",
    "synthetic",
    "source_note",
)
"""The attribute fields of the offers layer, in order (plus the point geometry)."""


def _slug(text: str) -> str:
    text = text.lower().replace("ß", "ss").replace("ä", "ae").replace("ö", "oe")
    text = text.replace("ü", "ue")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _town_provider(row: pd.Series) -> str:
    bez = str(row.get("BEZ") or "Gemeinde")
    return f"{bez} {row['GEN']}"


def generate_offers(
    gemeinden: gpd.GeoDataFrame,
    *,
    n: int = 450,
    seed: int = DEFAULT_SEED,
    places: gpd.GeoDataFrame | None = None,
    streets: gpd.GeoDataFrame | None = None,
    pois: gpd.GeoDataFrame | None = None,
    as_of: _dt.date | str = DEFAULT_AS_OF,
    exclude_ags: Sequence[str] = (HELGOLAND_AGS,),
) -> gpd.GeoDataFrame:
    """Generate synthetic Hilfeportal offers as points inside the municipalities.

    The number of offers per municipality is drawn roughly proportional to its
    population (towns get more, small villages often none); specialised services
    (debt or addiction counselling, ...) appear only in larger municipalities.
    Points lie near the municipality's OSM place point (or its centre), on OSM streets
    or next to OSM points of interest where those are given, and always inside the
    municipality polygon.

    Parameters
    ----------
    gemeinden
        Municipality polygons with the fields ``AGS``, ``GEN``, ``EWZ_2018`` and
        optionally ``BEZ`` (Stadt/Gemeinde) and ``PLZ``; any projected or geographic
        CRS (the result is in EPSG:25832).
    n
        Number of offers, at least 1.
    seed
        Seed of :func:`numpy.random.default_rng`; the same seed gives the same offers.
    places
        Optional place points with a ``name`` field (e.g. layer ``osm_orte``); a place
        named like the municipality and lying inside it is used as its centre.
    streets
        Optional street lines; offers are placed along them, and an offer within
        120 m of a street with a ``name`` takes that street name as its address.
    pois
        Optional points of interest with a ``class`` field (e.g. ``osm_pois_wedel``);
        schools, community centres, churches and libraries attract some offers.
    as_of
        Reference date: ``updated_at`` lies up to about three years before it
        (most within the last year, about one in ten more than two years).
    exclude_ags
        Municipalities that get no offers (by default Helgoland, an island).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per offer with the fields :data:`OFFER_FIELDS` and point geometry in
        EPSG:25832. ``categories`` and ``target_groups`` are text joined by
        :data:`LIST_SEPARATOR`; ``category`` is the main category; ``capacity`` is a
        nullable integer; ``updated_at`` is an ISO date (text); ``lon``/``lat`` are
        WGS84; ``synthetic`` is 1 and ``source_note`` is
        :data:`geolib.io.SYNTHETIC_LABEL` for every row.

    Raises
    ------
    ParameterError
        ``n`` is below 1.
    FieldError, DataError, EmptyInputError
        The municipalities layer lacks fields, has duplicate AGS or is empty.

    Examples
    --------
    >>> gem = read_vector("data/kreis_pinneberg.gpkg", layer="gemeinden")  # doctest: +SKIP
    >>> offers = generate_offers(gem, n=300, seed=1)  # doctest: +SKIP
    """
    if int(n) < 1:
        raise ParameterError("The number of offers must be at least 1, not {n}.", n=n)
    n = int(n)
    gem, _ = to_metric(_prepare_gemeinden(gemeinden), DEFAULT_CRS, what=N_("municipalities layer"))
    if isinstance(as_of, str):
        as_of = _dt.date.fromisoformat(as_of)
    excluded = {str(a).zfill(8) for a in exclude_ags}
    cand = gem[~gem["AGS"].isin(excluded) & (gem["EWZ_2018"] > 0)].reset_index(drop=True)
    if cand.empty:
        raise DataError("No municipality is left to place offers in (all are excluded).")

    places_m = _optional_metric(places, N_("places layer"))
    streets_m = _optional_metric(streets, N_("streets layer"))
    pois_m = _optional_metric(pois, N_("points-of-interest layer"))
    named_streets = None
    if streets_m is not None and "name" in streets_m.columns:
        named_streets = streets_m[streets_m["name"].notna() & (streets_m["name"] != "")]
        named_streets = named_streets.reset_index(drop=True)
    if pois_m is not None and "class" in pois_m.columns:
        pois_m = pois_m[pois_m["class"].isin(_POI_CLASSES)].reset_index(drop=True)

    # How many offers per municipality: multinomial, weights grow a bit faster than
    # population so that towns concentrate services and villages often have none.
    pop = cand["EWZ_2018"].to_numpy(dtype=float)
    weights = pop**1.25
    counts = _rng(seed, 1).multinomial(n, weights / weights.sum())

    rng_place = _rng(seed, 2)
    rng_attr = _rng(seed, 3)
    rows: list[dict[str, Any]] = []
    for i, row in cand.iterrows():
        k = int(counts[i])
        if k == 0:
            continue
        polygon = row.geometry
        prepared = prep(polygon)
        centre = _centre(row, polygon, places_m)
        street_parts, street_len = _lines_in(
            streets_m.geometry if streets_m is not None else None, polygon
        )
        poi_xy = _points_in(pois_m, polygon)
        spread = float(np.clip(0.15 * np.sqrt(polygon.area), 200.0, 1500.0))
        templates = [t for t in _TEMPLATES if t.min_population <= row["EWZ_2018"]]
        t_weights = np.array([t.weight for t in templates])
        for _ in range(k):
            point = _place_point(
                rng_place, prepared, polygon, centre, spread, street_parts, street_len, poi_xy
            )
            template = templates[rng_attr.choice(len(templates), p=t_weights / t_weights.sum())]
            rows.append(_offer_attributes(rng_attr, template, row, point, as_of))
            rows[-1]["geometry"] = point

    offers = gpd.GeoDataFrame(rows, geometry="geometry", crs=DEFAULT_CRS)
    offers = offers.sort_values(["municipality_ags", "title"], kind="stable")
    offers = offers.reset_index(drop=True)
    offers.insert(0, "offer_id", [f"HP-{i + 1:05d}" for i in range(len(offers))])
    _unique_titles(offers)
    _addresses(offers, named_streets, _rng(seed, 4))
    offers["url"] = [
        f"https://{_slug(p)}.example/angebote/{_slug(t)}"
        for p, t in zip(offers["provider"], offers["title"])
    ]
    phone_rng = _rng(seed, 5)
    offers["phone"] = [f"{_PHONE_PREFIX}{v:03d}" for v in phone_rng.integers(0, 1000, len(offers))]
    wgs = offers.geometry.to_crs("EPSG:4326")
    offers["lon"] = np.round(wgs.x.to_numpy(), 6)
    offers["lat"] = np.round(wgs.y.to_numpy(), 6)
    offers["capacity"] = offers["capacity"].astype("Int64")
    offers["synthetic"] = np.int64(1)
    offers["source_note"] = SYNTHETIC_LABEL
    return offers[[*OFFER_FIELDS, "geometry"]]


def _offer_attributes(
    rng: np.random.Generator,
    template: _Template,
    row: pd.Series,
    point: Point,
    as_of: _dt.date,
) -> dict[str, Any]:
    provider = template.providers[rng.integers(len(template.providers))]
    if provider == _P_TOWN:
        provider = _town_provider(row)
    elif provider == "Kirchengemeinde":
        provider = f"Ev.-Luth. Kirchengemeinde {row['GEN']}"
    capacity = None
    if template.capacity is not None and rng.random() < 0.85:
        capacity = int(rng.integers(template.capacity[0], template.capacity[1] + 1))
    groups = list(template.target_groups)
    if rng.random() < 0.15:
        extra = TARGET_GROUPS[rng.integers(len(TARGET_GROUPS))]
        if extra not in groups:
            groups.append(extra)
    # Most offers were updated within the last year, some one to two years ago and
    # about one in ten more than two years ago.
    u = rng.random()
    if u < 0.7:
        days = rng.integers(0, 365)
    elif u < 0.9:
        days = rng.integers(365, 730)
    else:
        days = rng.integers(730, 1100)
    return {
        "title": f"{template.title} {row['GEN']}",
        "provider": provider,
        "category": template.category,
        "categories": LIST_SEPARATOR.join((template.category, *template.more_categories)),
        "target_groups": LIST_SEPARATOR.join(groups),
        "postcode": _postcode(row),
        "municipality_ags": row["AGS"],
        "municipality": row["GEN"],
        "capacity": capacity,
        "opening_hours": template.hours[rng.integers(len(template.hours))],
        "updated_at": (as_of - _dt.timedelta(days=int(days))).isoformat(),
    }


def _postcode(row: pd.Series) -> str | None:
    plz = row.get("PLZ")
    if plz is None or (isinstance(plz, float) and np.isnan(plz)):
        return None
    return str(plz).split(",")[0].strip().zfill(5)


def _unique_titles(offers: gpd.GeoDataFrame) -> None:
    """Make titles unique: a second 'Jugendtreff Elmshorn' names its provider, then a number."""
    seen: dict[str, int] = {}
    titles = []
    for title, provider in zip(offers["title"], offers["provider"]):
        if title in seen:
            candidate = f"{title} ({provider})"
            number = 2
            while candidate in seen:
                candidate = f"{title} ({provider}) {number}"
                number += 1
            title = candidate
        seen[title] = 1
        titles.append(title)
    offers["title"] = titles


def _addresses(
    offers: gpd.GeoDataFrame, named_streets: gpd.GeoDataFrame | None, rng: np.random.Generator
) -> None:
    """Street and house number: the nearest named OSM street, else a common street name."""
    names: list[str | None] = [None] * len(offers)
    if named_streets is not None and len(named_streets):
        tree = shapely.STRtree(named_streets.geometry.values)
        pts = offers.geometry.values
        idx = tree.query_nearest(pts, max_distance=_STREET_SNAP_M, all_matches=False)
        for offer_i, street_i in zip(idx[0], idx[1]):
            names[offer_i] = str(named_streets["name"].iloc[street_i])
    generic = rng.integers(len(_GENERIC_STREETS), size=len(offers))
    numbers = rng.integers(1, 120, size=len(offers))
    offers.insert(
        offers.columns.get_loc("postcode"),
        "address",
        [f"{name or _GENERIC_STREETS[g]} {num}" for name, g, num in zip(names, generic, numbers)],
    )
