"""Seeded synthetic example data for Kreis Pinneberg: offers, indicators, planning regions.

No social indicators and no Hilfeportal offers of Kreis Pinneberg are available as open
data, so demos and tests use values generated here. They are plausible, reproducible for
a given seed, and labelled in every output as synthetic example values
(:data:`geolib.io.SYNTHETIC_LABEL`, "synthetische Beispielwerte"), never as official
figures. They are built on real reference data (municipality boundaries and 2018
population from VG250/Destatis, OpenStreetMap places, streets and points of interest).

Run ``python -m geolib.examples --out data/examples [--seed 2026]`` to write:

``offers.gpkg`` (layer ``offers``)
    Synthetic Hilfeportal offers as points in EPSG:25832 with the internal offer
    schema (DESIGN §5). GeoPackage has no list type: ``categories`` and
    ``target_groups`` are stored as text joined by ``"; "`` (see :data:`LIST_SEPARATOR`)
    and the main category is repeated in ``category``.
``indikatoren.csv`` and ``indikatoren.gpkg`` (attribute table ``indikatoren``)
    Counts per municipality (AGS) and year, from which rates are computed.
``planungsraeume.csv``
    The mapping AGS → planning region (Amt), Kreis and size class (real, not synthetic).
``README.md``
    What the files are, the seed, and the attribution of the real data used.

The CSV files are UTF-8, comma separated, with a ``.csvt`` sidecar that declares the
column types, so that GDAL and QGIS keep the AGS as text with its leading zero.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep

from .crs import DEFAULT_CRS, to_metric
from .errors import DataError, FieldError, GeolibError, ParameterError
from .io import (
    SYNTHETIC_LABEL,
    OutputLayer,
    Provenance,
    atomic_path,
    read_vector,
    require_rows,
    write_gpkg,
)
from .messages import N_
from .schema import LIST_SEPARATOR, OFFER_SCHEMA, with_main_category

__all__ = [
    "CATEGORIES",
    "DEFAULT_AS_OF",
    "DEFAULT_SEED",
    "HELGOLAND_AGS",
    "INDICATOR_COUNT_FIELDS",
    "LIST_SEPARATOR",
    "OFFER_FIELDS",
    "SIZE_CLASS_LARGE",
    "SIZE_CLASS_OTHER",
    "TARGET_GROUPS",
    "generate_indicators",
    "generate_offers",
    "load_reference_data",
    "main",
    "planning_regions",
    "write_examples",
]

DEFAULT_SEED = 2026
"""The default seed of every generator."""

DEFAULT_AS_OF = _dt.date(2026, 10, 1)
"""The default reference date: ``updated_at`` of offers lies up to about 3 years before it.

A fixed date keeps the output identical from one day to the next."""

HELGOLAND_AGS = "01056025"
"""Helgoland, an island in the North Sea: no offers are placed there."""

"""How list fields (``categories``, ``target_groups``) are joined in GeoPackage and CSV."""

KREIS_NAME = "Kreis Pinneberg"
SIZE_CLASS_LARGE = "Städte über 30.000 Einwohner"
SIZE_CLASS_OTHER = "Übrige Gemeinden"
LARGE_TOWN_THRESHOLD = 30_000

CATEGORIES = (
    "Kinder, Jugend und Familie",
    "Senioren",
    "Migration und Integration",
    "Sucht",
    "Schulden",
    "Wohnen",
    "Behinderung",
    "Gesundheit",
    "Arbeit",
)
"""The offer categories used by the generator."""

TARGET_GROUPS = (
    "Kinder",
    "Jugendliche",
    "Familien",
    "Alleinerziehende",
    "Senioren",
    "Menschen mit Behinderung",
    "Geflüchtete",
    "Zugewanderte",
    "Erwachsene",
    "Angehörige",
    "Arbeitsuchende",
)
"""The target groups used by the generator."""

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

INDICATOR_COUNT_FIELDS = (
    "population",
    "children_u15",
    "children_u15_sgb2",
    "youth_15_24",
    "youth_15_24_sgb2",
    "seniors_65plus",
    "seniors_grundsicherung",
    "households",
    "bedarfsgemeinschaften",
    "taxpayers",
    "income_total_eur",
)
"""The count fields of the indicator table (all non-negative integers)."""

INDICATOR_PAIRS = (
    ("children_u15_sgb2", "children_u15"),
    ("youth_15_24_sgb2", "youth_15_24"),
    ("seniors_grundsicherung", "seniors_65plus"),
    ("bedarfsgemeinschaften", "households"),
    ("children_u15", "population"),
    ("youth_15_24", "population"),
    ("seniors_65plus", "population"),
    ("households", "population"),
    ("taxpayers", "population"),
)
"""(numerator, denominator) pairs for which numerator ≤ denominator holds."""

ATTRIBUTION = (
    "- Gemeindegrenzen: © GeoBasis-DE / BKG (Daten verändert), dl-de/by-2.0 "
    "(VG250, Stand etwa 01.01.2016).\n"
    "- Einwohnerzahlen 2018: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, "
    "31.12.2018.\n"
    "- Orte, Straßen und Points of Interest: © OpenStreetMap contributors, ODbL 1.0."
)
"""Attribution of the real reference data the examples are built on (data/README.md)."""

# --- offers: vocabulary -------------------------------------------------------------

_KJF, _SEN, _MIG, _SUCHT, _SCHULD, _WOHN, _BEH, _GES, _ARB = CATEGORIES

_HOURS_COUNSEL = (
    "Mo-Fr 09:00-16:00",
    "Mo-Th 08:30-16:00; Fr 08:30-12:00",
    "Mo-Fr 09:00-12:00; Tu,Th 14:00-18:00",
    "Mo,We 10:00-12:00; Th 14:00-17:00",
    "Tu,Th 09:00-13:00",
    "Mo-Fr 08:00-14:00",
    '"nach Vereinbarung"',
)
_HOURS_MEETING = (
    "Mo,We 15:00-18:00",
    "Tu 14:00-17:00",
    "We 10:00-12:00",
    "Th 15:00-17:30",
    "Mo-Fr 14:00-19:00",
    "Tu,Th 15:00-20:00; Fr 15:00-22:00",
    "Fr 09:30-11:30",
)
_HOURS_DAY = (
    "Mo-Fr 08:00-16:00",
    "Mo-Fr 07:30-16:30",
    "Mo-Fr 08:00-15:30",
)
_HOURS_ALWAYS = ("24/7", "Mo-Fr 08:00-18:00; Sa,Su 10:00-14:00")

_P_WELFARE = ("Diakonie", "AWO", "Caritas", "DRK", "Der Paritätische")
_P_TOWN = "{town}"  # replaced by "Stadt X" / "Gemeinde X"


@dataclass(frozen=True)
class _Template:
    title: str
    category: str
    more_categories: tuple[str, ...]
    target_groups: tuple[str, ...]
    providers: tuple[str, ...]
    hours: tuple[str, ...]
    capacity: tuple[int, int] | None = None
    min_population: int = 0
    weight: float = 1.0


# fmt: off
_TEMPLATES: tuple[_Template, ...] = (
    # Kinder, Jugend und Familie
    _Template(
        "Erziehungsberatung", _KJF, (), ("Familien", "Kinder", "Jugendliche"),
        ("Diakonie", "Caritas", "AWO", "Kreis Pinneberg"), _HOURS_COUNSEL, None, 9000, 1.2,
    ),
    _Template(
        "Familienzentrum", _KJF, (), ("Familien", "Kinder", "Alleinerziehende"),
        ("DRK", "AWO", "Diakonie", _P_TOWN), _HOURS_COUNSEL, (20, 80), 2000, 1.5,
    ),
    _Template(
        "Jugendtreff", _KJF, (), ("Jugendliche",),
        (_P_TOWN, "AWO", "DRK", "Diakonie"), _HOURS_MEETING, (15, 60), 1000, 2.0,
    ),
    _Template(
        "Frühe Hilfen", _KJF, (_GES,), ("Familien", "Kinder", "Alleinerziehende"),
        ("Kreis Pinneberg", "DRK", "Diakonie"), _HOURS_COUNSEL, None, 8000, 0.8,
    ),
    _Template(
        "Schulsozialarbeit", _KJF, (), ("Kinder", "Jugendliche"),
        (_P_TOWN, "AWO", "Diakonie"), _HOURS_DAY, None, 3000, 1.2,
    ),
    _Template(
        "Hausaufgabenhilfe", _KJF, (_MIG,), ("Kinder",),
        ("DRK", "AWO", "Caritas", _P_TOWN), _HOURS_MEETING, (8, 25), 2000, 1.0,
    ),
    _Template(
        "Eltern-Kind-Gruppe", _KJF, (), ("Familien", "Kinder"),
        ("Diakonie", "DRK", "Kirchengemeinde", _P_TOWN), _HOURS_MEETING, (6, 15), 0, 1.5,
    ),
    _Template(
        "Alleinerziehenden-Treff", _KJF, (), ("Alleinerziehende", "Familien"),
        ("Diakonie", "AWO", "Der Paritätische"), _HOURS_MEETING, (8, 20), 10000, 0.7,
    ),
    _Template(
        "Kinder- und Jugendnotdienst", _KJF, (), ("Kinder", "Jugendliche"),
        ("Kreis Pinneberg",), _HOURS_ALWAYS, (4, 12), 40000, 0.4,
    ),
    # Senioren
    _Template(
        "Seniorentreff", _SEN, (), ("Senioren",),
        (_P_TOWN, "AWO", "DRK", "Kirchengemeinde"), _HOURS_MEETING, (15, 60), 0, 2.0,
    ),
    _Template(
        "Pflegestützpunkt", _SEN, (_GES,), ("Senioren", "Angehörige"),
        ("Kreis Pinneberg",), _HOURS_COUNSEL, None, 40000, 0.5,
    ),
    _Template(
        "Seniorenberatung", _SEN, (), ("Senioren", "Angehörige"),
        (_P_TOWN, "Diakonie", "AWO", "Caritas"), _HOURS_COUNSEL, None, 5000, 1.0,
    ),
    _Template(
        "Mittagstisch für Senioren", _SEN, (), ("Senioren",),
        ("AWO", "DRK", "Kirchengemeinde"), ("Mo-Fr 12:00-14:00", "Tu,Th 12:00-13:30"),
        (20, 50), 3000, 0.8,
    ),
    _Template(
        "Besuchsdienst", _SEN, (), ("Senioren",),
        ("Diakonie", "Caritas", "Kirchengemeinde"), _HOURS_COUNSEL, None, 0, 0.8,
    ),
    _Template(
        "Tagespflege", _SEN, (_GES,), ("Senioren",),
        ("DRK", "Diakonie", "AWO"), _HOURS_DAY, (12, 25), 8000, 0.8,
    ),
    # Migration und Integration
    _Template(
        "Migrationsberatung für Erwachsene", _MIG, (), ("Zugewanderte", "Erwachsene"),
        ("Diakonie", "Caritas", "AWO", "DRK"), _HOURS_COUNSEL, None, 15000, 1.0,
    ),
    _Template(
        "Jugendmigrationsdienst", _MIG, (_KJF,), ("Jugendliche", "Zugewanderte"),
        ("Diakonie", "AWO"), _HOURS_COUNSEL, None, 30000, 0.6,
    ),
    _Template(
        "Sprachcafé", _MIG, (), ("Geflüchtete", "Zugewanderte"),
        ("Kirchengemeinde", _P_TOWN, "DRK"), _HOURS_MEETING, (10, 30), 2000, 1.0,
    ),
    _Template(
        "Flüchtlingsberatung", _MIG, (), ("Geflüchtete", "Familien"),
        (_P_TOWN, "Diakonie", "DRK", "Caritas"), _HOURS_COUNSEL, None, 4000, 1.0,
    ),
    # Sucht
    _Template(
        "Suchtberatung", _SUCHT, (_GES,), ("Erwachsene", "Jugendliche", "Angehörige"),
        ("Diakonie", "Caritas", "AWO"), _HOURS_COUNSEL, None, 15000, 1.0,
    ),
    _Template(
        "Selbsthilfegruppe Sucht", _SUCHT, (), ("Erwachsene", "Angehörige"),
        ("Diakonie", "Caritas", "Der Paritätische"), ("Mo 19:00-21:00", "Th 18:30-20:30"),
        (8, 20), 8000, 0.8,
    ),
    # Schulden
    _Template(
        "Schuldnerberatung", _SCHULD, (), ("Erwachsene", "Familien"),
        ("Diakonie", "AWO", "Verbraucherzentrale", "Kreis Pinneberg"), _HOURS_COUNSEL,
        None, 12000, 1.2,
    ),
    _Template(
        "Insolvenzberatung", _SCHULD, (), ("Erwachsene",),
        ("Diakonie", "AWO"), _HOURS_COUNSEL, None, 30000, 0.5,
    ),
    # Wohnen
    _Template(
        "Beratung bei drohendem Wohnungsverlust", _WOHN, (), ("Erwachsene", "Familien"),
        ("Diakonie", "Kreis Pinneberg", _P_TOWN), _HOURS_COUNSEL, None, 15000, 0.8,
    ),
    _Template(
        "Wohnungslosenhilfe", _WOHN, (), ("Erwachsene",),
        ("Diakonie", "Caritas"), _HOURS_ALWAYS + _HOURS_COUNSEL[:2], (10, 40), 30000, 0.6,
    ),
    _Template(
        "Wohngeldberatung", _WOHN, (), ("Familien", "Senioren", "Erwachsene"),
        (_P_TOWN,), _HOURS_COUNSEL, None, 8000, 0.8,
    ),
    _Template(
        "Betreutes Wohnen", _WOHN, (_SEN,), ("Senioren", "Menschen mit Behinderung"),
        ("AWO", "DRK", "Lebenshilfe", "Diakonie"), _HOURS_DAY, (8, 40), 5000, 0.8,
    ),
    # Behinderung
    _Template(
        "Teilhabeberatung", _BEH, (), ("Menschen mit Behinderung", "Angehörige"),
        ("Lebenshilfe", "Der Paritätische", "Kreis Pinneberg"), _HOURS_COUNSEL, None, 15000,
        0.8,
    ),
    _Template(
        "Frühförderung", _BEH, (_KJF,), ("Kinder", "Menschen mit Behinderung", "Familien"),
        ("Lebenshilfe", "Diakonie"), _HOURS_DAY, (10, 40), 10000, 0.8,
    ),
    _Template(
        "Werkstatt für Menschen mit Behinderung", _BEH, (_ARB,), ("Menschen mit Behinderung",),
        ("Lebenshilfe", "Diakonie"), _HOURS_DAY, (40, 160), 12000, 0.5,
    ),
    _Template(
        "Inklusionstreff", _BEH, (), ("Menschen mit Behinderung", "Jugendliche", "Erwachsene"),
        ("Lebenshilfe", "AWO", _P_TOWN), _HOURS_MEETING, (10, 30), 3000, 0.8,
    ),
    # Gesundheit
    _Template(
        "Sozialpsychiatrischer Dienst", _GES, (), ("Erwachsene", "Angehörige"),
        ("Kreis Pinneberg",), _HOURS_COUNSEL, None, 30000, 0.6,
    ),
    _Template(
        "Schwangerschaftsberatung", _GES, (_KJF,), ("Familien", "Alleinerziehende"),
        ("Diakonie", "Caritas", "AWO", "pro familia"), _HOURS_COUNSEL, None, 15000, 0.8,
    ),
    _Template(
        "Selbsthilfegruppe", _GES, (), ("Erwachsene", "Angehörige"),
        ("Der Paritätische", "Kirchengemeinde"), ("We 18:00-20:00", "Tu 19:00-21:00"),
        (6, 15), 4000, 0.8,
    ),
    # Arbeit
    _Template(
        "Arbeitslosenberatung", _ARB, (), ("Arbeitsuchende", "Erwachsene"),
        ("Diakonie", "AWO", "Caritas"), _HOURS_COUNSEL, None, 15000, 0.8,
    ),
    _Template(
        "Beschäftigungsprojekt", _ARB, (), ("Arbeitsuchende", "Erwachsene"),
        ("AWO", "Diakonie", "Kreis Pinneberg"), _HOURS_DAY, (10, 40), 10000, 0.6,
    ),
    _Template(
        "Bewerbungswerkstatt", _ARB, (_KJF,), ("Jugendliche", "Arbeitsuchende"),
        ("AWO", "DRK", _P_TOWN), _HOURS_MEETING, (6, 16), 8000, 0.7,
    ),
)
# fmt: on

_GENERIC_STREETS = (
    "Hauptstraße",
    "Bahnhofstraße",
    "Kirchenstraße",
    "Schulstraße",
    "Dorfstraße",
    "Am Markt",
    "Gartenstraße",
    "Lindenstraße",
    "Mühlenstraße",
    "Rathausplatz",
    "Birkenweg",
    "Feldstraße",
    "Am Sportplatz",
    "Friedrichstraße",
    "Marktstraße",
    "Kirchweg",
)

# Fictitious telephone numbers: the Bundesnetzagentur reserves 040 66969-000 to -999
# (among others) for use in films and media, so no real line is ever called.
_PHONE_PREFIX = "040 66969-"

_POI_CLASSES = frozenset(
    {"school", "town_hall", "place_of_worship", "library", "college", "sports_centre"}
)
_STREET_SNAP_M = 120.0  # an offer takes the name of a named street within this distance


# --- helpers ----------------------------------------------------------------------------


def _require_fields(data: pd.DataFrame, fields: Iterable[str], *, what: str) -> None:
    missing = [f for f in fields if f not in data.columns]
    if missing:
        raise FieldError(
            "The {what} lacks the field(s) {missing}; it has: {fields}. Use the VG250 "
            "municipalities layer (fields AGS, GEN, EWZ_2018, ...).",
            what=what,
            missing=", ".join(missing),
            fields=", ".join(map(str, data.columns)),
        )


def _prepare_gemeinden(gemeinden: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    require_rows(gemeinden, what=N_("municipalities layer"))
    _require_fields(gemeinden, ("AGS", "GEN", "EWZ_2018"), what=N_("municipalities layer"))
    gem = gemeinden.copy()
    gem["AGS"] = gem["AGS"].astype(str).str.zfill(8)
    if gem["AGS"].duplicated().any():
        dups = sorted(gem.loc[gem["AGS"].duplicated(), "AGS"].unique())
        raise DataError("The municipalities layer has duplicate AGS: {dups}.", dups=", ".join(dups))
    pop = pd.to_numeric(gem["EWZ_2018"], errors="coerce")
    if pop.isna().any() or (pop < 0).any():
        raise DataError("EWZ_2018 must be a non-negative number for every municipality.")
    gem["EWZ_2018"] = pop.astype("int64")
    return gem.sort_values("AGS").reset_index(drop=True)


def _rng(seed: int, *key: int) -> np.random.Generator:
    """An independent generator per purpose, so one part does not shift the others."""
    return np.random.default_rng([int(seed), *key])


def _slug(text: str) -> str:
    text = text.lower().replace("ß", "ss").replace("ä", "ae").replace("ö", "oe")
    text = text.replace("ü", "ue")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _town_provider(row: pd.Series) -> str:
    bez = str(row.get("BEZ") or "Gemeinde")
    return f"{bez} {row['GEN']}"


def _lines_in(lines: gpd.GeoSeries, polygon: BaseGeometry) -> tuple[list[BaseGeometry], np.ndarray]:
    """Parts of ``lines`` inside ``polygon`` and their lengths, the same on every GEOS.

    GEOS versions order index hits and split clipped lines differently; merging the
    pieces of each line, normalising and sorting gives one answer for one seed.
    """
    if lines is None or len(lines) == 0:
        return [], np.zeros(0)
    idx = np.sort(lines.sindex.query(polygon, predicate="intersects"))
    parts: list[BaseGeometry] = []
    for geom in shapely.intersection(lines.values[idx], polygon):
        pieces = [g for g in shapely.get_parts(geom) if g.geom_type == "LineString"]
        if not pieces:
            continue
        merged = shapely.normalize(shapely.line_merge(shapely.multilinestrings(pieces)))
        parts.extend(g for g in shapely.get_parts(merged) if g.length > 20)
    parts.sort(key=lambda g: (*np.round(shapely.get_coordinates(g)[0], 3), round(g.length, 3)))
    return parts, np.array([p.length for p in parts])


def _offset_point(
    rng: np.random.Generator, x: float, y: float, lo: float, hi: float
) -> tuple[float, float]:
    angle = rng.uniform(0, 2 * np.pi)
    dist = rng.uniform(lo, hi)
    return x + dist * np.cos(angle), y + dist * np.sin(angle)


# --- offers ------------------------------------------------------------------------------


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


def _optional_metric(data: gpd.GeoDataFrame | None, what: str) -> gpd.GeoDataFrame | None:
    if data is None or len(data) == 0:
        return None
    out, _ = to_metric(data, DEFAULT_CRS, what=what)
    out = out[out.geometry.notna() & ~out.geometry.is_empty]
    return out.reset_index(drop=True) if len(out) else None


def _centre(row: pd.Series, polygon: BaseGeometry, places: gpd.GeoDataFrame | None) -> Point:
    """The municipality's OSM place point, else its centroid (if inside), else a point in it."""
    if places is not None and "name" in places.columns:
        match = places[places["name"] == row["GEN"]]
        if "class" in match.columns:
            match = match[match["class"] != "island"]
        for geom in match.geometry:
            if polygon.contains(geom):
                return geom
    centroid = polygon.centroid
    return centroid if polygon.contains(centroid) else polygon.representative_point()


def _points_in(points: gpd.GeoDataFrame | None, polygon: BaseGeometry) -> np.ndarray:
    if points is None:
        return np.zeros((0, 2))
    idx = points.sindex.query(polygon, predicate="contains")
    geoms = points.geometry.values[np.sort(idx)]
    return shapely.get_coordinates(geoms)


def _place_point(
    rng: np.random.Generator,
    prepared: Any,
    polygon: BaseGeometry,
    centre: Point,
    spread: float,
    street_parts: list[BaseGeometry],
    street_len: np.ndarray,
    poi_xy: np.ndarray,
) -> Point:
    """One random point inside ``polygon``: near a POI, on a street, or around the centre."""
    has_streets = len(street_parts) > 0
    has_pois = len(poi_xy) > 0
    for _ in range(200):
        u = rng.random()
        if has_pois and u < 0.2:
            x0, y0 = poi_xy[rng.integers(len(poi_xy))]
            x, y = _offset_point(rng, x0, y0, 5.0, 35.0)
        elif has_streets and u < 0.6:
            part = street_parts[rng.choice(len(street_parts), p=street_len / street_len.sum())]
            on_line = part.interpolate(rng.uniform(0, part.length))
            x, y = _offset_point(rng, on_line.x, on_line.y, 8.0, 25.0)
        else:
            x = centre.x + rng.normal(0, spread)
            y = centre.y + rng.normal(0, spread)
        candidate = Point(round(x, 2), round(y, 2))
        if prepared.contains(candidate):
            return candidate
    return polygon.representative_point()  # practically never reached


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


# --- indicators --------------------------------------------------------------------------

# Synthetic but plausible adjustments of the deprivation score: the larger towns with
# more social housing higher, the affluent Hamburg suburbs lower.
_DEPRIVATION_SHIFT = {
    "01056015": 0.45,  # Elmshorn
    "01056049": 0.40,  # Uetersen
    "01056039": 0.35,  # Pinneberg
    "01056050": 0.20,  # Wedel
    "01056002": 0.20,  # Barmstedt
    "01056025": 0.10,  # Helgoland
    "01056043": -0.30,  # Rellingen
    "01056018": -0.30,  # Halstenbek
    "01056021": -0.25,  # Hasloh
    "01056005": -0.25,  # Bönningstedt
    "01056013": -0.20,  # Ellerbek
    "01056009": -0.25,  # Borstel-Hohenraden
}
_BG_SHARE_MIN = 0.002
_BG_SHARE_MAX = 0.125
# Common year effect on SGB II (2020 pandemic, from mid 2022 refugees from Ukraine).
_YEAR_EFFECT = {2019: 1.0, 2020: 1.04, 2021: 1.01, 2022: 1.05, 2023: 1.08}


def generate_indicators(
    gemeinden: pd.DataFrame,
    *,
    years: Iterable[int] = range(2019, 2024),
    seed: int = DEFAULT_SEED,
) -> pd.DataFrame:
    """Generate synthetic social indicator counts per municipality and year.

    All values are counts (rates are computed from them, so groups can be pooled).
    Population starts at ``EWZ_2018`` and grows slightly; age shares are plausible for
    Germany (about 13.5 % under 15, 10 % aged 15–24, 22 % 65 and older); households are
    about population / 2.1. The share of SGB II Bedarfsgemeinschaften among households
    ranges from about 0.2 % (rural) to about 13 % (Elmshorn, Uetersen, Pinneberg);
    child poverty is 1.5–2 times that share, youth poverty a little lower, old-age
    Grundsicherung 1–6 %; the average taxable income per taxpayer (30,000–60,000 EUR)
    falls as poverty rises. Each municipality has its own small trend, so rankings
    change a little from year to year. Small villages have counts below 3.

    Parameters
    ----------
    gemeinden
        Municipalities with ``AGS``, ``GEN`` and ``EWZ_2018`` (geometry not needed).
    years
        The years to generate (each after 2018).
    seed
        Seed of :func:`numpy.random.default_rng`.

    Returns
    -------
    pandas.DataFrame
        One row per municipality and year, sorted by ``ags`` and ``year``: ``ags``
        (8-digit text), ``name``, ``year``, the integer counts
        :data:`INDICATOR_COUNT_FIELDS`, ``synthetic`` (1) and ``source_note``
        (:data:`geolib.io.SYNTHETIC_LABEL`). For every pair in :data:`INDICATOR_PAIRS`
        the numerator is at most the denominator.

    Raises
    ------
    ParameterError
        No years, or a year before 2019.
    """
    years = sorted({int(y) for y in years})
    if not years:
        raise ParameterError("Give at least one year for the indicator table.")
    if years[0] < 2019:
        raise ParameterError(
            "Indicator years start after the 2018 base population; {year} is too early.",
            year=years[0],
        )
    gem = pd.DataFrame(_prepare_gemeinden(gemeinden).drop(columns="geometry", errors="ignore"))
    m = len(gem)
    rng = _rng(seed, 10)
    ags = gem["AGS"].to_numpy()
    pop0 = gem["EWZ_2018"].to_numpy(dtype=float)

    # Municipality parameters (drawn in a fixed order, one vector each).
    logp = np.log(np.maximum(pop0, 1.0))
    span = max(float(logp.max() - logp.min()), 1e-9)
    urban = (logp - logp.min()) / span  # 0 smallest village … 1 largest town
    growth = rng.normal(0.004, 0.004, m)
    share_u15 = np.clip(rng.normal(0.135, 0.012, m) + 0.01 * (0.5 - urban), 0.10, 0.17)
    share_youth = np.clip(rng.normal(0.10, 0.008, m), 0.08, 0.125)
    share_65 = np.clip(rng.normal(0.22, 0.022, m), 0.16, 0.29)
    hh_size = np.clip(2.3 - 0.35 * urban + rng.normal(0, 0.06, m), 1.85, 2.45)
    shift = np.array([_DEPRIVATION_SHIFT.get(a, 0.0) for a in ags])
    score = urban + shift + rng.normal(0, 0.15, m)
    q = (score - score.min()) / max(float(score.max() - score.min()), 1e-9)
    bg_share = _BG_SHARE_MIN * (_BG_SHARE_MAX / _BG_SHARE_MIN) ** (q**0.9)
    child_factor = rng.uniform(1.5, 2.0, m)
    youth_factor = child_factor * rng.uniform(0.7, 0.85, m)
    q_old = np.clip(q + rng.normal(0, 0.1, m), 0, 1)
    old_rate = 0.01 * 6.0**q_old
    taxpayer_share = np.clip(rng.normal(0.47, 0.015, m), 0.42, 0.52)
    q_inc = np.clip(q + rng.normal(0, 0.12, m), 0, 1)
    income_avg = 56_000 - 26_000 * q_inc
    trend = rng.normal(-0.01, 0.025, m)  # relative change of poverty per year
    income_growth = rng.normal(0.025, 0.008, m)

    frames = []
    for year in years:
        t = year - 2018
        noise = rng.normal(0, 0.003, m)
        population = np.round(pop0 * (1 + growth) ** t * (1 + noise)).astype(np.int64)
        population = np.maximum(population, 0)
        children = _binomial(rng, population, share_u15 + 0.0005 * t)
        youth = _binomial(rng, population - children, share_youth / (1 - share_u15))
        seniors = _binomial(rng, population - children - youth, (share_65 + 0.002 * t) / 0.76)
        households = np.minimum(
            np.round(population / (hh_size - 0.005 * t)).astype(np.int64), population
        )
        level = _YEAR_EFFECT.get(year, 1.08) * (1 + trend) ** (t - 1)
        bg_rate = np.clip(bg_share * level * np.exp(rng.normal(0, 0.03, m)), 0, 0.5)
        bg = _binomial(rng, households, bg_rate)
        child_sgb2 = _binomial(rng, children, np.clip(bg_rate * child_factor, 0, 0.6))
        youth_sgb2 = _binomial(rng, youth, np.clip(bg_rate * youth_factor, 0, 0.6))
        old_level = (1.0 + 0.03 * t) * np.exp(rng.normal(0, 0.03, m))
        grusi = _binomial(rng, seniors, np.clip(old_rate * old_level, 0, 0.2))
        taxpayers = _binomial(rng, population, taxpayer_share)
        avg = income_avg * (1 + income_growth) ** t * np.exp(rng.normal(0, 0.01, m))
        income = np.round(taxpayers * avg).astype(np.int64)
        frames.append(
            pd.DataFrame(
                {
                    "ags": ags,
                    "name": gem["GEN"].to_numpy(),
                    "year": np.full(m, year, dtype=np.int64),
                    "population": population,
                    "children_u15": children,
                    "children_u15_sgb2": child_sgb2,
                    "youth_15_24": youth,
                    "youth_15_24_sgb2": youth_sgb2,
                    "seniors_65plus": seniors,
                    "seniors_grundsicherung": grusi,
                    "households": households,
                    "bedarfsgemeinschaften": bg,
                    "taxpayers": taxpayers,
                    "income_total_eur": income,
                }
            )
        )
    table = pd.concat(frames, ignore_index=True)
    table = table.sort_values(["ags", "year"], kind="stable").reset_index(drop=True)
    for col in INDICATOR_COUNT_FIELDS:
        table[col] = table[col].astype(np.int64)
    table["synthetic"] = np.int64(1)
    table["source_note"] = SYNTHETIC_LABEL
    return table


def _binomial(rng: np.random.Generator, n: np.ndarray, p: np.ndarray | float) -> np.ndarray:
    p = np.clip(np.broadcast_to(np.asarray(p, dtype=float), np.shape(n)), 0.0, 1.0)
    return rng.binomial(np.maximum(np.asarray(n, dtype=np.int64), 0), p).astype(np.int64)


# --- planning regions --------------------------------------------------------------------


def planning_regions(gemeinden: pd.DataFrame, aemter: pd.DataFrame) -> pd.DataFrame:
    """Map every municipality to its planning region (Amt), the Kreis and a size class.

    The planning region is the Amt (or amtsfreie Gemeinde) of layer ``aemter`` whose
    9-digit ``RS`` equals the first 9 digits of the municipality's ``RS_2018``. Where
    that key is newer than the ``aemter`` layer (Amt Geest und Marsch Südholstein was
    formed in 2017 from the Ämter Haseldorf and Moorrege, while the VG250 layer shows
    2016), the municipality's ``RS`` is used instead, so every region matches a polygon
    of ``aemter``.

    Parameters
    ----------
    gemeinden
        Municipalities with ``AGS``, ``GEN``, ``EWZ_2018`` and ``RS_2018`` or ``RS``.
    aemter
        Ämter with ``RS`` (9 digits) and ``GEN``.

    Returns
    -------
    pandas.DataFrame
        Sorted by ``ags``: ``ags`` (text), ``name``, ``planungsraum`` (Amt name),
        ``planungsraum_rs`` (9-digit key), ``kreis`` ("Kreis Pinneberg") and
        ``groesse`` (:data:`SIZE_CLASS_LARGE` above 30,000 inhabitants in 2018, else
        :data:`SIZE_CLASS_OTHER`).

    Raises
    ------
    FieldError
        A required field is missing.
    DataError
        A municipality belongs to no Amt of ``aemter``.
    """
    gem = _prepare_gemeinden(gemeinden)
    _require_fields(aemter, ("RS", "GEN"), what=N_("Ämter layer"))
    keys = [k for k in ("RS_2018", "RS") if k in gem.columns]
    if not keys:
        raise FieldError(
            "The municipalities layer needs the regional key RS_2018 or RS "
            "(12 digits, the first 9 are the Amt key)."
        )
    amt_names = dict(zip(aemter["RS"].astype(str).str.zfill(9).str[:9], aemter["GEN"].astype(str)))
    region_rs: list[str] = []
    for _, row in gem.iterrows():
        found = None
        for key in keys:
            value = row[key]
            if value is None or pd.isna(value):
                continue
            candidate = str(value).zfill(12)[:9]
            if candidate in amt_names:
                found = candidate
                break
        if found is None:
            raise DataError(
                "The municipality {name} ({ags}) belongs to no Amt of the Ämter layer (no RS "
                "matches the first 9 digits of its regional key).",
                name=row["GEN"],
                ags=row["AGS"],
            )
        region_rs.append(found)
    return pd.DataFrame(
        {
            "ags": gem["AGS"].to_numpy(),
            "name": gem["GEN"].to_numpy(),
            "planungsraum": [amt_names[r] for r in region_rs],
            "planungsraum_rs": region_rs,
            "kreis": KREIS_NAME,
            "groesse": np.where(
                gem["EWZ_2018"].to_numpy() > LARGE_TOWN_THRESHOLD,
                SIZE_CLASS_LARGE,
                SIZE_CLASS_OTHER,
            ),
        }
    )


# --- writing -----------------------------------------------------------------------------


def load_reference_data(
    data_path: str | os.PathLike = "data/kreis_pinneberg.gpkg",
) -> dict[str, gpd.GeoDataFrame]:
    """Read the real reference layers the generators use, in EPSG:25832.

    Returns
    -------
    dict
        ``gemeinden``, ``aemter``, ``places`` (``osm_orte``), ``streets`` (the OSM
        street layers, without tracks, paths, motorways, ramps, railways and ferries;
        only ``osm_strassen_wedel_detail`` has street names) and ``pois``
        (``osm_pois_wedel``).

    Raises
    ------
    SourceError
        The file or one of its layers cannot be read.
    """
    path = Path(data_path)
    layers = {
        name: read_vector(path, layer=name)
        for name in (
            "gemeinden",
            "aemter",
            "osm_orte",
            "osm_strassen_wedel_detail",
            "osm_strassen_wedel",
            "osm_hauptstrassen",
            "osm_pois_wedel",
        )
    }
    detail = layers["osm_strassen_wedel_detail"]
    if "highway" in detail.columns:
        detail = detail[~detail["highway"].isin(["track", "path", "footway", "cycleway"])]
    minor = layers["osm_strassen_wedel"]
    if "class" in minor.columns:
        minor = minor[minor["class"].isin(["minor", "tertiary", "secondary", "service"])]
    main_roads = layers["osm_hauptstrassen"]
    if "class" in main_roads.columns:
        main_roads = main_roads[main_roads["class"].isin(["primary", "secondary", "tertiary"])]
        if "ramp" in main_roads.columns:
            main_roads = main_roads[main_roads["ramp"].fillna(0) != 1]
    parts = [
        gpd.GeoDataFrame(
            {"name": frame["name"].to_numpy() if "name" in frame.columns else None},
            index=range(len(frame)),
            geometry=frame.geometry.values,
            crs=frame.crs,
        ).to_crs(DEFAULT_CRS)
        for frame in (detail, minor, main_roads)
    ]
    streets = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), crs=DEFAULT_CRS)
    return {
        "gemeinden": layers["gemeinden"].to_crs(DEFAULT_CRS),
        "aemter": layers["aemter"].to_crs(DEFAULT_CRS),
        "places": layers["osm_orte"].to_crs(DEFAULT_CRS),
        "streets": streets,
        "pois": layers["osm_pois_wedel"].to_crs(DEFAULT_CRS),
    }


def _csvt(frame: pd.DataFrame) -> str:
    types = []
    for col in frame.columns:
        dtype = frame[col].dtype
        if pd.api.types.is_integer_dtype(dtype):
            types.append('"Integer64"')
        elif pd.api.types.is_float_dtype(dtype):
            types.append('"Real"')
        else:
            types.append('"String"')
    return ",".join(types) + "\n"


def _write_text(path: Path, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")


def _write_csv(path: Path, frame: pd.DataFrame) -> None:
    with atomic_path(path) as tmp:
        frame.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
    _write_text(path.with_suffix(".csvt"), _csvt(frame))


def _readme(seed: int, n_offers: int, as_of: _dt.date, data_path: Path) -> str:
    offer_fields = ", ".join(f"`{f}`" for f in OFFER_FIELDS)
    count_fields = ", ".join(f"`{f}`" for f in INDICATOR_COUNT_FIELDS)
    return f"""# Beispieldaten Kreis Pinneberg — {SYNTHETIC_LABEL}

**Alle Sozialindikatoren und Angebote in diesem Ordner sind {SYNTHETIC_LABEL}.**
Sie wurden zufällig (reproduzierbar) erzeugt und sind *keine amtlichen Zahlen* und
*keine echten Angebote*. Sie dienen nur zur Demonstration und zum Testen.

Erzeugt mit
`python -m geolib.examples --seed {seed} --offers {n_offers} --as-of {as_of.isoformat()}`
(Stichtag für `updated_at`) aus den realen Referenzdaten
`{data_path.as_posix()}`. Derselbe Seed erzeugt dieselben Werte.

## Dateien

- `offers.gpkg`, Layer `offers`: {n_offers} synthetische Hilfeportal-Angebote als
  Punkte (EPSG:25832; WGS84 zusätzlich in `lon`/`lat`). Felder: {offer_fields}.
  Listenfelder (`categories`, `target_groups`) sind mit `{LIST_SEPARATOR}` verbunden,
  die Hauptkategorie steht auch in `category`. Web-Adressen enden auf `.example`,
  Telefonnummern liegen im fiktiven Bereich {_PHONE_PREFIX}000 bis -999.
- `indikatoren.csv` und `indikatoren.gpkg` (Tabelle `indikatoren`): synthetische
  Fallzahlen je Gemeinde (`ags`) und Jahr (`year`): {count_fields}.
  Quoten werden aus diesen Zahlen berechnet.
- `planungsraeume.csv`: Zuordnung `ags` → `planungsraum` (Amt bzw. amtsfreie Gemeinde),
  `kreis` und `groesse` (Größenklasse); aus den realen VG250-Schlüsseln abgeleitet,
  nicht synthetisch.

Die CSV-Dateien sind UTF-8 und kommagetrennt; die `.csvt`-Dateien geben die Spaltentypen
an, damit QGIS und GDAL den AGS als Text mit führender Null lesen.

Jede Zeile der synthetischen Daten trägt `synthetic = 1` und
`source_note = "{SYNTHETIC_LABEL}"`; jede GeoPackage-Ebene trägt diese Kennzeichnung
auch in ihren Metadaten (Provenienz).

## Quellen der verwendeten realen Daten

{ATTRIBUTION}
"""


def write_examples(
    out_dir: str | os.PathLike,
    *,
    data_path: str | os.PathLike = "data/kreis_pinneberg.gpkg",
    seed: int = DEFAULT_SEED,
    n_offers: int = 450,
    as_of: _dt.date | str = DEFAULT_AS_OF,
) -> dict[str, Path]:
    """Write all example files into ``out_dir`` (created if needed).

    Parameters
    ----------
    out_dir
        The output folder.
    data_path
        The real reference GeoPackage (``data/kreis_pinneberg.gpkg``).
    seed
        Seed of every generator.
    n_offers
        Number of synthetic offers.
    as_of
        Reference date of the offers' ``updated_at``.

    Returns
    -------
    dict of str to Path
        ``offers`` (offers.gpkg), ``indikatoren_csv`` (indikatoren.csv),
        ``indikatoren_gpkg`` (indikatoren.gpkg), ``planungsraeume``
        (planungsraeume.csv) and ``readme`` (README.md).

    Raises
    ------
    SourceError
        The reference data cannot be read.
    OutputError
        The folder or a file cannot be written.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if isinstance(as_of, str):
        as_of = _dt.date.fromisoformat(as_of)
    ref = load_reference_data(data_path)
    src = Path(data_path).as_posix()
    offers = generate_offers(
        ref["gemeinden"],
        n=n_offers,
        seed=seed,
        places=ref["places"],
        streets=ref["streets"],
        pois=ref["pois"],
        as_of=as_of,
    )
    indicators = generate_indicators(ref["gemeinden"], seed=seed)
    regions = planning_regions(ref["gemeinden"], ref["aemter"])

    paths = {
        "offers": out / "offers.gpkg",
        "indikatoren_csv": out / "indikatoren.csv",
        "indikatoren_gpkg": out / "indikatoren.gpkg",
        "planungsraeume": out / "planungsraeume.csv",
        "readme": out / "README.md",
    }
    notes = [f"{SYNTHETIC_LABEL}: keine amtlichen Zahlen, keine echten Angebote.", ATTRIBUTION]
    write_gpkg(
        paths["offers"],
        OutputLayer(
            "offers",
            offers,
            provenance=Provenance(
                title="Hilfeportal-Angebote (Beispiel)",
                inputs={
                    "gemeinden": f"{src}|layername=gemeinden",
                    "places": f"{src}|layername=osm_orte",
                    "streets": f"{src}|layername=osm_strassen_wedel_detail, "
                    "osm_strassen_wedel, osm_hauptstrassen",
                    "pois": f"{src}|layername=osm_pois_wedel",
                },
                parameters={"seed": seed, "n": n_offers, "as_of": as_of.isoformat()},
                data_year=as_of.year,
                synthetic=True,
                method="geolib.examples.generate_offers",
                notes=notes,
            ),
        ),
    )
    write_gpkg(
        paths["indikatoren_gpkg"],
        OutputLayer(
            "indikatoren",
            indicators,
            provenance=Provenance(
                title="Sozialindikatoren je Gemeinde (Beispiel)",
                inputs={"gemeinden": f"{src}|layername=gemeinden"},
                parameters={"seed": seed},
                data_year=f"{indicators['year'].min()}–{indicators['year'].max()}",
                synthetic=True,
                method="geolib.examples.generate_indicators",
                notes=notes,
            ),
        ),
    )
    _write_csv(paths["indikatoren_csv"], indicators)
    _write_csv(paths["planungsraeume"], regions)
    _write_text(paths["readme"], _readme(seed, n_offers, as_of, Path(data_path)))
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m geolib.examples --out data/examples [--seed 2026]``."""
    parser = argparse.ArgumentParser(
        prog="python -m geolib.examples",
        description=f"Write seeded synthetic example data ({SYNTHETIC_LABEL}) for "
        "Kreis Pinneberg: offers, indicator counts and planning regions.",
    )
    parser.add_argument("--out", default="data/examples", help="output folder")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument("--offers", type=int, default=450, help="number of offers (300–600)")
    parser.add_argument(
        "--data", default="data/kreis_pinneberg.gpkg", help="real reference GeoPackage"
    )
    parser.add_argument(
        "--as-of",
        default=DEFAULT_AS_OF.isoformat(),
        help="reference date (YYYY-MM-DD) for the offers' updated_at",
    )
    args = parser.parse_args(argv)
    try:
        paths = write_examples(
            args.out, data_path=args.data, seed=args.seed, n_offers=args.offers, as_of=args.as_of
        )
    except GeolibError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Wrote {SYNTHETIC_LABEL} (seed {args.seed}) to {Path(args.out)}:")
    for path in paths.values():
        print(f"  {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
