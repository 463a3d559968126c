"""The QGIS ⇄ GeoDataFrame bridge against a plain per-feature loop (100,000 features).

Prints times and the ratio (peer time / our time; above 1 means we are faster).
Run: ``.venv/bin/python bench/bench_bridge.py [N]``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _common import best_of, report, start_qgis

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000


def make_frame(n: int):
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(1)
    x = rng.uniform(530_000, 580_000, n)
    y = rng.uniform(5_920_000, 5_980_000, n)
    names = np.array(
        ["Beratungsstelle Müller", "Seniorentreff Straße", "Kita Löwenzahn", None], dtype=object
    )
    ints = pd.array(rng.integers(0, 100, n), dtype="Int64")
    ints[::7] = pd.NA
    return gpd.GeoDataFrame(
        {
            "offer_id": [f"HP-{i:06d}" for i in range(n)],
            "title": names[rng.integers(0, 4, n)],
            "capacity": ints,
            "score": rng.normal(size=n),
        },
        geometry=gpd.points_from_xy(x, y),
        crs=25832,
    )


def plain_read(layer):
    """What one writes without the bridge: a dict per feature, geometry via WKT."""
    import geopandas as gpd
    import shapely.wkt
    from qgis.core import NULL

    names = layer.fields().names()
    rows, geoms = [], []
    for feat in layer.getFeatures():
        rows.append({n: (None if feat[n] == NULL else feat[n]) for n in names})
        geom = feat.geometry()
        geoms.append(None if geom.isNull() else shapely.wkt.loads(geom.asWkt()))
    return gpd.GeoDataFrame(rows, geometry=geoms, crs=layer.crs().authid())


def plain_write(gdf, layer):
    import pandas as pd
    from qgis.core import QgsFeature, QgsGeometry

    provider = layer.dataProvider()
    names = [c for c in gdf.columns if c != "geometry"]
    for row in gdf.itertuples(index=False):
        feat = QgsFeature(layer.fields())
        values = (getattr(row, n) for n in names)
        feat.setAttributes(
            [None if pd.isna(v) else getattr(v, "item", lambda v=v: v)() for v in values]
        )
        feat.setGeometry(QgsGeometry.fromWkt(row.geometry.wkt))
        provider.addFeature(feat)


def main() -> None:
    app = start_qgis()  # noqa: F841 - keep QGIS alive
    from qgis.core import QgsMemoryProviderUtils, QgsVectorLayer

    from geolib.io import OutputLayer, write_gpkg
    from processing_algorithms import bridge

    gdf = make_frame(N)
    fields = bridge.fields_from_frame(gdf)
    wkb = bridge.wkb_type_of(gdf)
    crs = bridge.crs_from_gdf(gdf)

    def new_layer():
        return QgsMemoryProviderUtils.createMemoryLayer("b", fields, wkb, crs)

    print(f"Bridge benchmark, {N:,} points with 4 attributes (best of 3)")

    def ours_write():
        layer = new_layer()  # keep the layer alive while its provider is written
        bridge.gdf_to_sink(gdf, layer.dataProvider(), fields, wkb_type=wkb)
        return layer

    def peer_write():
        layer = new_layer()
        plain_write(gdf, layer)
        return layer

    ours_w, _ = best_of(ours_write)
    peer_w, _ = best_of(peer_write)
    report("GeoDataFrame → memory layer (sink)", ours_w, peer_w, "loop")

    layer = new_layer()
    bridge.gdf_to_sink(gdf, layer.dataProvider(), fields, wkb_type=wkb)
    ours_r, ours = best_of(lambda: bridge.source_to_gdf(layer))
    peer_r, peer = best_of(lambda: plain_read(layer))
    assert len(ours) == len(peer) == N
    assert ours["offer_id"].equals(peer["offer_id"])
    report("memory layer → GeoDataFrame (general path)", ours_r, peer_r, "loop")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "b.gpkg"
        write_gpkg(path, [OutputLayer("b", gdf)])
        gpkg = QgsVectorLayer(f"{path}|layername=b", "b", "ogr")
        ours_f, fast = best_of(lambda: bridge.layer_to_gdf(gpkg))
        peer_f, _ = best_of(lambda: plain_read(gpkg))
        assert len(fast) == N
        report("GeoPackage layer → GeoDataFrame (pyogrio fast path)", ours_f, peer_f, "loop")


if __name__ == "__main__":
    main()
