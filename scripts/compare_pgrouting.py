"""Compare the project's network costs with pgRouting and show where they differ.

Run (as root or the postgres user, with Debian's postgresql-15, postgresql-15-postgis-3,
postgresql-15-pgrouting, osm2pgrouting and osmium-tool installed):

    .venv/bin/python scripts/compare_pgrouting.py [--osm andorra] [--profile car] [--worst 15]

Starts a throw-away PostgreSQL server (tests/_postgres.py), imports each OSM file with
osm2pgrouting and compares node costs from 100 seeded start vertices (tests/_pgrouting.py:
800 m on foot, 3 minutes by car). Prints the agreement shares, then the OSM ways where
the two sides part: for each disagreeing (start, node) pair the path of the side with the
lower cost is followed back to the last node where both agree; the next edge there is
the way the other side lacks or treats differently. Ways are ranked by how many pairs
they explain; then the worst single pairs with their position (lon/lat).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import _pgrouting as pgr_cmp  # noqa: E402
from tests._postgres import PostgresCluster, unavailable  # noqa: E402


def _agrees(pgr_cost: float, our_cost: float) -> bool:
    if not (np.isfinite(pgr_cost) and np.isfinite(our_cost)):
        return False
    return abs(pgr_cost - our_cost) <= pgr_cmp.COST_TOLERANCE * max(pgr_cost, our_cost) + 1e-9


def _pgr_divergence(cmp, ways: pd.DataFrame) -> Counter:
    """Ways where pgRouting's cheaper path leaves the nodes both agree on."""
    counts: Counter = Counter()
    node_of = pd.Series(cmp.match, index=cmp.vertices["id"].to_numpy())
    src, tgt = ways["source"].to_dict(), ways["target"].to_dict()
    osm = ways["osm_id"].to_dict()
    row_of_start = {int(v): i for i, v in enumerate(cmp.start_vids)}
    bad = cmp.agreement.detail
    bad = bad[(bad["kind"] == "only pgRouting") | (bad["our_cost"] > bad["pgr_cost"])]
    for start, group in cmp.pgr.groupby("start", sort=False):
        targets = bad.loc[bad["start"] == start, "vertex"].to_numpy()
        if not len(targets):
            continue
        d = cmp.ours[row_of_start[int(start)]]
        tree = group.set_index("node")
        edge_of, cost_of = tree["edge"].to_dict(), tree["cost"].to_dict()
        for v in targets:
            node, last_edge = int(v), None
            for _ in range(10000):
                j = int(node_of.get(node, -1))
                if (j >= 0 and _agrees(cost_of[node], d[j])) or node == start:
                    break
                last_edge = edge_of[node]
                node = src[last_edge] if tgt[last_edge] == node else tgt[last_edge]
            if last_edge is not None:
                counts[int(osm[last_edge])] += 1
    return counts


def _our_divergence(cmp) -> Counter:
    """Ways where the project's cheaper path leaves the nodes both agree on."""
    counts: Counter = Counter()
    net = cmp.network
    osm_ids = cmp.lines["osm_id"].to_numpy() if "osm_id" in cmp.lines.columns else None
    edge_at = {}
    for e, (u, v) in enumerate(zip(net.edge_u.tolist(), net.edge_v.tolist())):
        edge_at.setdefault((u, v), e)
        edge_at.setdefault((v, u), e)
    matched = cmp.match >= 0
    vid_of = pd.Series(cmp.vertices["id"].to_numpy()[matched], index=cmp.match[matched])
    bad = cmp.agreement.detail
    bad = bad[(bad["kind"] == "only project") | (bad["our_cost"] < bad["pgr_cost"])]
    for i, start in enumerate(cmp.start_vids):
        targets = bad.loc[bad["start"] == start, "node"].to_numpy()
        if not len(targets):
            continue
        pgr = cmp.pgr[cmp.pgr["start"] == start].set_index("node")["cost"].to_dict()
        d, pred = cmp.ours[i], cmp.predecessors[i]
        for j in targets:
            node, last = int(j), None
            for _ in range(10000):
                vid = vid_of.get(node)
                if node == cmp.start_nodes[i] or (
                    vid is not None and _agrees(pgr.get(int(vid), np.inf), d[node])
                ):
                    break
                p = int(pred[node])
                if p < 0:
                    break
                last = edge_at.get((p, node))
                node = p
            if last is not None:
                row = int(net.source_row[last])
                counts[osm_ids[row] if osm_ids is not None else f"row {row}"] += 1
    return counts


def report(cluster, dbname: str, name: str, profile: str, worst: int, tags: bool) -> None:
    cmp = pgr_cmp.run_comparison(cluster, dbname, name, profile, tags=tags)
    a = cmp.agreement
    ok = a.agreeing_share >= pgr_cmp.MIN_AGREEING and a.one_sided_share <= pgr_cmp.MAX_ONE_SIDED
    print(f"\n== {name}, {profile}, limit {cmp.limit:g} {'m' if profile == 'walk' else 'min'}")
    print(
        f"   network: {cmp.network.n_nodes} project nodes, {len(cmp.vertices)} pgRouting "
        f"vertices, {int((cmp.match >= 0).sum())} matched; {len(cmp.start_vids)} starts"
    )
    print(f"   {a.summary()}  -> {'meets' if ok else 'MISSES'} the criteria")
    ways = cluster.query("SELECT gid, source, target, osm_id FROM ways", dbname).set_index("gid")
    highway = {}
    if "osm_id" in cmp.lines.columns:
        highway = dict(zip(cmp.lines["osm_id"].astype(str), cmp.lines["highway"].astype(str)))
    for title, counts in (
        ("pgRouting cheaper or only pgRouting: the project lacks", _pgr_divergence(cmp, ways)),
        ("project cheaper or only the project: the project adds", _our_divergence(cmp)),
    ):
        print(f"   {title} (OSM way: pairs explained):")
        for way, n in counts.most_common(worst):
            print(f"     way {way:<12} {highway.get(str(way), '?'):<14} {n:5d}")
    detail = a.detail.copy()
    detail["rel"] = (detail["pgr_cost"] - detail["our_cost"]).abs() / detail[
        ["pgr_cost", "our_cost"]
    ].min(axis=1)
    costs = detail[detail["kind"] == "cost"].sort_values("rel", ascending=False).head(worst)
    if len(costs):
        from pyproj import Transformer

        to_ll = Transformer.from_crs(cmp.network.crs, 4326, always_xy=True)
        lon, lat = to_ll.transform(costs["x"].to_numpy(), costs["y"].to_numpy())
        print("   worst cost differences (start vertex, lon/lat, pgRouting, project):")
        for (_, r), x, y in zip(costs.iterrows(), lon, lat):
            print(
                f"     {int(r['start']):>6} {x:10.6f} {y:10.6f}  {r['pgr_cost']:9.2f} "
                f"{r['our_cost']:9.2f}"
            )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--osm", nargs="*", default=list(pgr_cmp.OSM_FILES), choices=list(pgr_cmp.OSM_FILES)
    )
    parser.add_argument("--profile", nargs="*", default=["walk", "car"], choices=["walk", "car"])
    parser.add_argument("--worst", type=int, default=15)
    parser.add_argument(
        "--plain",
        action="store_true",
        help="pgRouting without access tags and implied one-ways (main's model before #12)",
    )
    args = parser.parse_args(argv)
    reason = unavailable() or pgr_cmp.tools_missing()
    if reason:
        print(reason, file=sys.stderr)
        return 2
    warnings.simplefilter("ignore")
    with PostgresCluster() as cluster:
        for name in args.osm:
            dbname = name.replace("-", "_")
            pgr_cmp.import_osm(cluster, pgr_cmp.OSM_FILES[name], dbname)
            for profile in args.profile:
                report(cluster, dbname, name, profile, args.worst, not args.plain)
    return 0


if __name__ == "__main__":
    sys.exit(main())
