"""Benchmark: reading an OSM file and building a car network from it.

Run: ``.venv/bin/python bench/bench_osm.py [--side 708]``. Writes a synthetic grid of
streets with osmium (``--side`` streets each way, two shape nodes between crossings, ways
of four blocks, 2*side*(side-1) segments: about 1M at the default) and prints, side by
side in one run, the seconds of

- ``read_osm_lines`` with pyosmium 4's C++ filters (the default) and with the per-way
  handler that pyosmium 3 (Debian 12) uses,
- ``build_network`` (car, time) on the lines read, noded and with ``node=False`` (lines
  joined at shared vertices only, which for the reader's segments are the shared nodes).

Times are wall-clock seconds of this machine; the ratios are what matter.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import osmium  # noqa: E402
from _common import machine  # noqa: E402

import geolib.osm  # noqa: E402
from geolib.network import build_network, clear_cache  # noqa: E402
from geolib.osm import read_osm_lines  # noqa: E402

HIGHWAYS = ["residential", "tertiary", "primary", "service", "secondary"]


def write_grid(path: Path, side: int, shape: int = 2, blocks: int = 4) -> None:
    """A grid of ``side`` x ``side`` crossings, ``shape`` nodes between two crossings."""
    step, lon0, lat0 = 1e-4, 11.5, 49.9
    with osmium.SimpleWriter(str(path)) as writer:
        for i in range(side):
            for j in range(side):
                location = (lon0 + j * step, lat0 + i * step)
                writer.add_node(osmium.osm.mutable.Node(id=1 + i * side + j, location=location))
        next_id = side * side + 1
        streets = []
        for horizontal in (True, False):
            for i in range(side):
                refs = [1 + (i * side if horizontal else i)]
                for j in range(1, side):
                    for s in range(1, shape + 1):
                        t = (j - 1 + s / (shape + 1)) * step
                        x, y = (
                            (lon0 + t, lat0 + i * step)
                            if horizontal
                            else (lon0 + i * step, lat0 + t)
                        )
                        writer.add_node(osmium.osm.mutable.Node(id=next_id, location=(x, y)))
                        refs.append(next_id)
                        next_id += 1
                    refs.append(1 + (i * side + j if horizontal else j * side + i))
                streets.append(refs)
        k = blocks * (shape + 1)
        way_id = 1
        for refs in streets:
            for a in range(0, len(refs) - 1, k):
                tags = {"highway": HIGHWAYS[way_id % 5], "name": f"Straße {way_id}"}
                if way_id % 3 == 0:
                    tags.update(maxspeed="50", oneway="yes")
                writer.add_way(
                    osmium.osm.mutable.Way(id=way_id, nodes=refs[a : a + k + 1], tags=tags)
                )
                way_id += 1


def timed(func):
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--side", type=int, default=708)
    args = parser.parse_args()
    print(machine(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "grid.osm.pbf"
        seconds, _ = timed(lambda: write_grid(path, args.side))
        print(f"synthetic grid written in {seconds:.1f} s ({path.stat().st_size / 1e6:.1f} MB)")
        fast, lines = timed(lambda: read_osm_lines(path))
        geolib.osm._FAST = False
        try:
            slow, slow_lines = timed(lambda: read_osm_lines(path))
        finally:
            geolib.osm._FAST = True
        clear_cache()
        build, net = timed(lambda: build_network(lines, cost="time", profile="car"))
        clear_cache()
        shared, _ = timed(
            lambda: build_network(lines, cost="time", profile="car", node=False, snap_tolerance=0)
        )
        print(f"{len(lines):,} segments of {lines['osm_id'].nunique():,} ways")
        print(f"read_osm_lines, pyosmium 4 filters:  {fast:6.1f} s")
        print(f"read_osm_lines, per-way handler:    {slow:6.1f} s ({slow / fast:.1f}x)")
        print(f"build_network car ({net.n_edges:,} edges): {build:6.1f} s")
        print(f"build_network car, node=False:       {shared:6.1f} s (joins at shared vertices)")
        print(f"read + build (noded):                {fast + build:6.1f} s")
        print(f"read + build (node=False):           {fast + shared:6.1f} s")
        assert len(slow_lines) == len(lines)


if __name__ == "__main__":
    main()
