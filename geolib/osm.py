"""Reading OpenStreetMap files into line layers for routing."""

from __future__ import annotations

import gzip
import os
import shutil
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd

from .errors import (
    SourceError,
)

__all__ = [
    "read_osm_lines",
]


def read_osm_lines(path: str | os.PathLike) -> gpd.GeoDataFrame:
    """Read the highway lines of an OSM file (.osm, .osm.gz, .osm.bz2 or .pbf).

    Parameters
    ----------
    path
        The OSM file. Read with GDAL's OSM driver (layer ``lines``); gzip files
        are read through ``/vsigzip/``.

    Returns
    -------
    GeoDataFrame
        In EPSG:4326 with ``osm_id``, ``name``, ``highway``, ``oneway`` (the
        ``oneway`` tag from ``other_tags``, or empty) and ``maxspeed``. Lines
        without a ``highway`` tag (rivers, borders, railways) are left out.

    Examples
    --------
    >>> lines = read_osm_lines("data/osm/andorra.osm.pbf")  # doctest: +SKIP
    >>> lines["highway"].value_counts().head(2)  # doctest: +SKIP
    """
    import pyogrio

    path = Path(path)
    if not path.exists():
        raise SourceError("The OSM file '{path}' does not exist.", path=str(path))
    name = path.name.lower()
    source = str(path)
    tmp = None
    if name.endswith(".gz"):
        source = "/vsigzip/" + str(path.resolve())
    elif name.endswith(".bz2"):
        import bz2

        tmp = tempfile.NamedTemporaryFile(suffix=".osm", delete=False)  # noqa: SIM115
        with bz2.open(path, "rb") as src, tmp:
            shutil.copyfileobj(src, tmp)
        source = tmp.name
    try:
        lines = pyogrio.read_dataframe(source, layer="lines")
    except Exception as exc:
        if source.startswith("/vsigzip/"):  # an old GDAL: decompress to a temporary file
            with tempfile.TemporaryDirectory() as tmpdir:
                target = Path(tmpdir) / "data.osm"
                with gzip.open(path, "rb") as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst)
                return read_osm_lines(target)
        raise SourceError(
            "The OSM file '{path}' could not be read: {error}", path=str(path), error=str(exc)
        ) from None
    finally:
        if tmp is not None:
            os.unlink(tmp.name)
    lines = lines[lines["highway"].notna()].reset_index(drop=True)
    tags = lines.get("other_tags", pd.Series([None] * len(lines), dtype=object)).fillna("")
    lines["oneway"] = tags.str.extract(r'"oneway"=>"([^"]*)"', expand=False).fillna("")
    lines["maxspeed"] = tags.str.extract(r'"maxspeed"=>"([^"]*)"', expand=False)
    keep = [c for c in ("osm_id", "name", "highway", "oneway", "maxspeed") if c in lines.columns]
    return lines[[*keep, "geometry"]]
