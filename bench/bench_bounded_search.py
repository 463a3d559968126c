"""Benchmark: bounded searches on the nodes near each source against dense Dijkstra rows.

Run: ``.venv/bin/python bench/bench_bounded_search.py [--grid 708] [--offers 1000]
[--repeat 3] [--polygons] [--od] [--kept]``. On a synthetic grid (708 × 708: 1M edges), random
offers, breaks 5/10/15 min walking, it runs ``network_catchments`` (reached lines, with
``--polygons`` also the polygons) alternately with the searches of
:func:`geolib.bounded_search.reached_costs` on the nodes near each offer (the default on
networks of 50k nodes or more) and with dense cost rows over the whole network (scipy's
Dijkstra as before; forced by raising ``bounded_search._SPARSE_FROM_NODES``), and prints the
medians of CPU time (all threads) and wall time side by side, with their ratio, and
checks that both give the same lines (and areas). ``--od``: the same for ``od_costs``
(the offers as origins, three times as many random destinations, 15 minutes).

``--kept``: repeated runs on the cached network with the KD-tree of its nodes and the
cost bound ``r`` kept with the network (now) against both built again in every run (as
before), alternating: CPU medians of the catchments (lines only), of ``od_costs``, of
the search setup alone (:func:`geolib.bounded_search.search_balls`) and of the searches
(:func:`geolib.bounded_search.reached_costs`), and checks that the results are the same.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_catchments import grid_lines  # noqa: E402

from geolib import bounded_search  # noqa: E402
from geolib.catchments import network_catchments  # noqa: E402
from geolib.network import build_network, od_costs  # noqa: E402
from geolib.routing import snap_points, with_sources  # noqa: E402

SPARSE_FROM = bounded_search._SPARSE_FROM_NODES


def points(rng, n: int, k: int) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"offer_id": [f"o{i}" for i in range(k)]},
        geometry=shapely.points(rng.uniform(0, (n - 1) * 100.0, size=(k, 2))),
        crs=25832,
    )


def alternate(run, repeat: int):
    """Medians of (CPU, wall) of ``run()`` with sparse searches and with dense rows,
    alternating after one run to warm up; and the last result of each."""
    times: dict[str, list] = {"sparse": [], "dense": []}
    out = {}
    run()  # warm up: the network's lookups are built on first use
    for _ in range(repeat):
        for mode in ("dense", "sparse"):
            bounded_search._SPARSE_FROM_NODES = SPARSE_FROM if mode == "sparse" else 10**12
            cpu, wall = time.process_time(), time.perf_counter()
            out[mode] = run()
            times[mode].append((time.process_time() - cpu, time.perf_counter() - wall))
    bounded_search._SPARSE_FROM_NODES = SPARSE_FROM
    return {m: np.median(np.array(t), axis=0) for m, t in times.items()}, out


def built_every_run(on: bool) -> None:
    """Search with the KD-tree and the bound built in every call (as before they were
    kept with the network) or with the network's kept ones."""
    if on:
        bounded_search._tree_of = lambda xy, index: bounded_search.node_tree(xy)
        bounded_search._bound_of = lambda graph, n, xy, index: bounded_search.cost_per_metre(
            graph, xy
        )
    else:
        bounded_search._tree_of, bounded_search._bound_of = KEPT


KEPT = (bounded_search._tree_of, bounded_search._bound_of)


def alternate_kept(run, repeat: int):
    """CPU medians of ``run()`` with the tree and bound built every run and kept, alternating
    after one run that builds the kept ones; and the last result of each."""
    times: dict[str, list] = {"built": [], "kept": []}
    out = {}
    run()
    for _ in range(repeat):
        for mode in ("built", "kept"):
            built_every_run(mode == "built")
            cpu = time.process_time()
            out[mode] = run()
            times[mode].append(time.process_time() - cpu)
    built_every_run(False)
    return {m: float(np.median(t)) for m, t in times.items()}, out


def show_kept(what: str, medians) -> None:
    b, k = medians["built"], medians["kept"]
    print(
        f"  {what:<28} built every run CPU {b:6.3f} s | kept CPU {k:6.3f} s | "
        f"saved {b - k:5.3f} s, built / kept {b / k:4.2f}x"
    )


def kept_runs(lines, net, offers, dest, repeat: int) -> None:
    print("Repeated runs on the cached network: KD-tree and bound built every run vs kept:")
    assert build_network(lines, cost="time", profile="walk") is net  # the cached network
    medians, out = alternate_kept(
        lambda: network_catchments(net, offers, breaks="5,10,15", walkoff=50, polygons=False),
        repeat,
    )
    show_kept("catchments, lines only", medians)
    pd.testing.assert_frame_equal(out["built"].lines, out["kept"].lines)
    medians, out = alternate_kept(lambda: od_costs(net, offers, dest, max_cost=15), repeat)
    show_kept("od_costs within 15 min", medians)
    pd.testing.assert_frame_equal(out["built"].table, out["kept"].table)
    graph, src = with_sources(net, snap_points(net, offers))
    medians, out = alternate_kept(
        lambda: bounded_search.search_balls(graph, src, 15.0, net.n_nodes, net.node_xy, net),
        repeat,
    )
    show_kept("search setup (search_balls)", medians)
    built, kept = out["built"], out["kept"]
    assert (built is None) == (kept is None)
    assert built is None or all(map(np.array_equal, built.found, kept.found))
    medians, out = alternate_kept(
        lambda: [
            (sel, r.row, r.node, r.cost)
            for sel, r in bounded_search.reached_costs(
                graph, src, 15.0, n=net.n_nodes, xy=net.node_xy, index=net
            )
        ],
        repeat,
    )
    show_kept("reached costs (reached_costs)", medians)
    assert len(out["built"]) == len(out["kept"])
    for a, b in zip(out["built"], out["kept"]):
        assert all(map(np.array_equal, a, b))
    print("  the same lines, costs, balls and reached costs either way")


def show(what: str, medians) -> None:
    (sc, sw), (dc, dw) = medians["sparse"], medians["dense"]
    print(
        f"  {what:<28} sparse CPU {sc:6.2f} s, wall {sw:6.2f} s | dense rows CPU {dc:6.2f} s, "
        f"wall {dw:6.2f} s | dense / sparse CPU {dc / sc:4.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", type=int, default=708, help="grid side in nodes")
    parser.add_argument("--offers", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--polygons", action="store_true", help="also with polygons")
    parser.add_argument("--od", action="store_true", help="also od_costs")
    parser.add_argument("--kept", action="store_true", help="only kept vs built tree, bound")
    args = parser.parse_args()
    n, k = args.grid, args.offers
    lines = grid_lines(n)
    net = build_network(lines, cost="time", profile="walk")
    rng = np.random.default_rng(0)
    offers = points(rng, n, k)
    if args.kept:
        kept_runs(lines, net, offers, points(rng, n, 3 * k), args.repeat)
        return
    print(f"Grid of {net.n_edges:,} edges, {k:,} offers, breaks 5/10/15 min walking:")
    kinds = [False, True] if args.polygons else [False]
    for polygons in kinds:
        medians, out = alternate(
            lambda p=polygons: network_catchments(
                net, offers, breaks="5,10,15", walkoff=50, polygons=p
            ),
            args.repeat,
        )
        show("catchments, " + ("with polygons" if polygons else "lines only"), medians)
        pd.testing.assert_frame_equal(out["sparse"].lines, out["dense"].lines)
        pd.testing.assert_frame_equal(out["sparse"].areas, out["dense"].areas)
    if args.od:
        dest = points(rng, n, 3 * k)
        medians, out = alternate(lambda: od_costs(net, offers, dest, max_cost=15), args.repeat)
        show("od_costs within 15 min", medians)
        pd.testing.assert_frame_equal(out["sparse"].table, out["dense"].table)
    print("  the same lines, areas and costs either way")


if __name__ == "__main__":
    main()
