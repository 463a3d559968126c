"""The data year of an output, from its inputs: never borrowed from elsewhere.

An analysis has no year of its own; its output shows the data years of what it was made
from: the ``data_year`` in the provenance of each input layer (outputs of earlier runs,
the Hilfeportal's fetch year, the Sozialformel's years) and a year that ends the name of
a chosen field (``EWZ_2018`` as the population field).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

#: a year at the end of a field name: EWZ_2018, einwohner 2023, pop2011
_FIELD_YEAR = re.compile(r"(?:^|[^0-9])((?:19|20)[0-9]{2})$")


def years_of_provenance(provenance: Mapping[str, Any] | None) -> set[str]:
    """The years in a provenance's ``data_year`` ("2023" or "2019, 2020")."""
    if not provenance:
        return set()
    value = provenance.get("data_year")
    if value in (None, ""):
        return set()
    return {part.strip() for part in str(value).split(",") if part.strip()}


def years_of_layer(source: str) -> set[str]:
    """The data years stored with a GeoPackage layer (``path.gpkg|layername=x``) or a
    PostGIS table (``dbname=… table="s"."t"``, :mod:`postgis_store`)."""
    if "dbname=" in source and "table=" in source:
        try:
            from .postgis_store import read_provenance as read_postgis

            return years_of_provenance(read_postgis(source))
        except Exception:  # no connection now: no year known
            return set()
    parts = source.split("|")
    path = parts[0]
    if not path.lower().endswith(".gpkg"):
        return set()
    layer = next((p.split("=", 1)[1] for p in parts[1:] if p.startswith("layername=")), None)
    try:
        from geolib.io import read_provenance

        from .gpkg_info import data_tables, has_layer_metadata

        if layer is None:
            names = data_tables(path)
            if len(names) != 1:
                return set()
            layer = names[0]
        if not has_layer_metadata(path, layer):  # (GDAL not asked to open the file)
            return set()
        return years_of_provenance(read_provenance(path, layer))
    except Exception:  # no provenance, not a GeoPackage after all: no year known
        return set()


def years_of_fields(parameters: Mapping[str, Any]) -> set[str]:
    """Years ending the names of the chosen fields (parameters named ``*_FIELD``)."""
    years = set()
    for name, value in parameters.items():
        if name.endswith("_FIELD") and isinstance(value, str):
            match = _FIELD_YEAR.search(value.strip())
            if match:
                years.add(match.group(1))
    return years


def joined(years: Iterable[str]) -> str | None:
    """``"2018, 2026"``, or None when no year is known."""
    ordered = sorted(set(years))
    return ", ".join(ordered) if ordered else None
