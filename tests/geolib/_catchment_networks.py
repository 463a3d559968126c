"""Hand-built networks and offers for the catchment tests."""

import geopandas as gpd
from shapely.geometry import LineString, Point

from geolib.network import build_network


def lines(geoms, crs=25832, **cols):
    return gpd.GeoDataFrame(cols, geometry=list(geoms), crs=crs)


def offers(coords, ids=None, crs=25832):
    ids = ids if ids is not None else [f"o{i}" for i in range(len(coords))]
    return gpd.GeoDataFrame({"offer_id": ids}, geometry=[Point(c) for c in coords], crs=crs)


def street(length=1000.0, **kw):
    return build_network(
        lines([LineString([(0, 0), (length, 0)])], **kw), cost="distance", profile=None
    )


def grid(n=6, step=100.0, crs=25832):
    geoms = []
    for i in range(n):
        geoms.append(LineString([(0, i * step), ((n - 1) * step, i * step)]))
        geoms.append(LineString([(i * step, 0), (i * step, (n - 1) * step)]))
    return build_network(lines(geoms, crs=crs), cost="distance", profile=None, node=True)
