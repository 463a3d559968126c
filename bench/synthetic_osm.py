"""A synthetic OpenStreetMap street grid as .osm.pbf, for read-and-build benchmarks.

``write_grid_pbf(path, n)`` writes an ``n`` × ``n`` grid of nodes about 100 m apart
(in Upper Franconia, so the UTM zone is 32N) joined by ``highway=residential`` ways
of ``span`` segments each, horizontal and vertical, which share the nodes where they
cross: ``2·n·(n-1)`` edges between crossings (n = 708: 1,001,112 edges). Every
tenth way is a ``footway``, every seventh ``oneway=yes``, so that profiles and
directions have something to read.

Run: ``.venv/bin/python bench/synthetic_osm.py OUT.osm.pbf [N]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

LON0, LAT0 = 11.0, 49.5
STEP_LAT = 100.0 / 111_320.0  # about 100 m
STEP_LON = 100.0 / (111_320.0 * np.cos(np.radians(LAT0 + 0.3)))


def grid_edges(n: int) -> int:
    """The number of edges between crossings of an ``n`` × ``n`` grid."""
    return 2 * n * (n - 1)


def write_grid_pbf(
    path: str | Path, n: int = 708, span: int = 10, compression: str = "none"
) -> Path:
    """Write the grid (see the module docstring) to ``path``; return it.

    Blocks are uncompressed by default: GDAL 3.6's OSM driver (Debian 12) fails on
    the zlib blocks this libosmium writes for grids of more than about 30 × 30 nodes
    ("error during the parsing of data"); pyosmium reads both."""
    import osmium

    path = Path(path)
    path.unlink(missing_ok=True)
    writer = osmium.SimpleWriter(osmium.io.File(str(path), f"pbf,pbf_compression={compression}"))
    try:
        node_id = 1
        for i in range(n):  # rows of nodes, id = i * n + j + 1
            lat = LAT0 + i * STEP_LAT
            for j in range(n):
                writer.add_node(
                    osmium.osm.mutable.Node(id=node_id, location=(LON0 + j * STEP_LON, lat))
                )
                node_id += 1
        way_id = 1
        for horizontal in (True, False):
            for i in range(n):
                for start in range(0, n - 1, span):
                    stop = min(start + span, n - 1)
                    if horizontal:
                        refs = [i * n + j + 1 for j in range(start, stop + 1)]
                    else:
                        refs = [j * n + i + 1 for j in range(start, stop + 1)]
                    tags = {"highway": "footway" if way_id % 10 == 0 else "residential"}
                    if way_id % 7 == 0:
                        tags["oneway"] = "yes"
                    writer.add_way(osmium.osm.mutable.Way(id=way_id, nodes=refs, tags=tags))
                    way_id += 1
    finally:
        writer.close()
    return path


if __name__ == "__main__":
    out = write_grid_pbf(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 708)
    print(out, out.stat().st_size // 1024, "kB")
