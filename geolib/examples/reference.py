"""The real reference data the examples are built on, and its attribution."""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import pandas as pd

from ..crs import DEFAULT_CRS
from ..io import read_vector

ATTRIBUTION = (
    "- Gemeindegrenzen: © GeoBasis-DE / BKG (Daten verändert), dl-de/by-2.0 "
    "(VG250, Stand etwa 01.01.2016).\n"
    "- Einwohnerzahlen 2018: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, "
    "31.12.2018.\n"
    "- Orte, Straßen und Points of Interest: © OpenStreetMap contributors, ODbL 1.0."
)
"""Attribution of the real reference data the examples are built on (data/README.md)."""


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
