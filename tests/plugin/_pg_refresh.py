"""One of two processes refreshing the same PostGIS table at once (see the dock's tests).

``python _pg_refresh.py HOST PORT DBNAME PREFIX N ROUNDS START_FILE`` waits for
START_FILE, then replaces the rows of ``public.gleichzeitig_angebote`` ROUNDS times
with N offers whose ids start with PREFIX, as the dock does on a refresh.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(host, port, dbname, prefix, n, rounds, start_file) -> None:
    import geopandas as gpd
    from qgis.core import QgsApplication, QgsDataSourceUri, QgsProviderRegistry
    from shapely.geometry import Point

    app = QgsApplication([], False)
    app.initQgis()
    from sozialplanung_plugin.hilfeportal_store import write_postgis
    from sozialplanung_plugin.hilfeportal_task import build_features, layer_fields

    frame = gpd.GeoDataFrame(
        {
            "id": [f"{prefix}{i}" for i in range(int(n))],
            "title": [f"Angebot {prefix} {i}" for i in range(int(n))],
        },
        geometry=[Point(560000 + i, 5950000 + i) for i in range(int(n))],
        crs="EPSG:25832",
    )
    fields = layer_fields(frame)
    _, features = build_features(frame)
    uri = QgsDataSourceUri()
    uri.setConnection(host, port, dbname, "postgres", "")
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    conn = metadata.createConnection(uri.uri(False), {})
    while not Path(start_file).exists():
        time.sleep(0.001)
    for _ in range(int(rounds)):
        write_postgis(conn, "public", "gleichzeitig_angebote", fields, features)
    app.exitQgis()


if __name__ == "__main__":
    main(*sys.argv[1:])
