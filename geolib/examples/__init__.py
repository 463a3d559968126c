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

Modules: :mod:`.vocabulary` (categories, target groups, offer templates),
:mod:`.offers` and :mod:`.placement` (the offers and where they lie),
:mod:`.indicators` (the SGB II and other counts), :mod:`.regions` (planning regions),
:mod:`.reference` (the real reference data), :mod:`.writing` (the folder and the
command line) and :mod:`.common` (defaults, seeding, checks of the municipalities).
"""

from __future__ import annotations

from ..schema import LIST_SEPARATOR
from .common import DEFAULT_AS_OF, DEFAULT_SEED, HELGOLAND_AGS
from .indicators import INDICATOR_COUNT_FIELDS, INDICATOR_PAIRS, generate_indicators
from .offers import OFFER_FIELDS, generate_offers
from .reference import ATTRIBUTION, load_reference_data
from .regions import (
    KREIS_NAME,
    LARGE_TOWN_THRESHOLD,
    SIZE_CLASS_LARGE,
    SIZE_CLASS_OTHER,
    planning_regions,
)
from .vocabulary import CATEGORIES, TARGET_GROUPS
from .writing import main, write_examples

__all__ = [
    "ATTRIBUTION",
    "CATEGORIES",
    "DEFAULT_AS_OF",
    "DEFAULT_SEED",
    "HELGOLAND_AGS",
    "INDICATOR_COUNT_FIELDS",
    "INDICATOR_PAIRS",
    "KREIS_NAME",
    "LARGE_TOWN_THRESHOLD",
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
