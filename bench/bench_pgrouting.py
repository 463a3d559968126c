"""Benchmark: the project's node costs against pgRouting's ``pgr_drivingDistance``.

Run: ``.venv/bin/python bench/bench_pgrouting.py`` (as root or the postgres user, with
Debian's postgresql-15, postgresql-15-postgis-3, postgresql-15-pgrouting, osm2pgrouting
and osmium-tool). A throw-away PostgreSQL server (tests/_postgres.py) gets each bundled OSM
file through osm2pgrouting; then, from the same 100 seeded start vertices and the same
limit (800 m on foot, 3 minutes by car; tests/_pgrouting.py):

- geolib: the bounded Dijkstra per start that the catchments run
  (:func:`geolib.bounded_search.bounded_costs`) on the built network, and the same with the
  network built from the read lines first;
- the same routing from every vertex both sides have;
- pgRouting: ``pgr_drivingDistance`` with all starts in one call, timed by the server
  round trip (psql ``\\timing``); pgRouting builds its graph from the edge query in every
  call, so it is compared with both.

Best of three; the ratio is pgRouting's time over ours.
"""

from __future__ import annotations

import re
import sys
import time
import warnings

from _common import ROOT, best_of, report

sys.path.insert(0, str(ROOT))

from geolib.bounded_search import bounded_costs
from geolib.network import build_network, clear_cache
from tests import _pgrouting as pgr_cmp
from tests._postgres import PostgresCluster, unavailable


def pgr_seconds(cluster, dbname: str, profile: str, starts, limit: float, repeat=3) -> float:
    """The fastest server round trip of ``pgr_drivingDistance`` over all starts."""
    sql = pgr_cmp.edges_sql(profile).replace("'", "''")
    array = "ARRAY[" + ",".join(str(int(s)) for s in starts) + "]::bigint[]"
    query = (
        f"SELECT count(*) FROM pgr_drivingDistance('{sql}', {array}, {float(limit)!r}, "
        "directed => true, equicost => false);\n"
    )
    out = cluster.psql("\\timing on\n" + query * repeat, dbname)
    times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", out)]
    return min(times) / 1000.0


def main() -> int:
    reason = unavailable() or pgr_cmp.tools_missing()
    if reason:
        print(f"skipped: {reason}")
        return 0
    warnings.simplefilter("ignore")
    from geolib.osm import read_osm_lines

    with PostgresCluster() as cluster:
        for name, path in pgr_cmp.OSM_FILES.items():
            dbname = "osm_" + name.replace("-", "_")
            start = time.perf_counter()
            pgr_cmp.import_osm(cluster, path, dbname)
            t_import = time.perf_counter() - start
            start = time.perf_counter()
            lines = read_osm_lines(path)
            t_read = time.perf_counter() - start
            print(
                f"{name}: osm2pgrouting import {t_import:.2f} s, geolib read_osm_lines "
                f"{t_read:.2f} s ({len(lines)} lines)"
            )
            for profile, limit in pgr_cmp.LIMITS.items():
                network, _ = pgr_cmp.project_network(path, profile, lines)
                vertices = pgr_cmp.pgr_vertices(cluster, dbname, profile)
                vids, nodes = pgr_cmp.pick_starts(vertices, pgr_cmp.match_nodes(network, vertices))
                unit = "m" if profile == "walk" else "min"
                title = f"  {profile}, {len(vids)} starts, {limit:g} {unit}"

                def ours(network=network, nodes=nodes, limit=limit):
                    return [d for _, d in bounded_costs(network.graph, nodes, limit)]

                def ours_built(profile=profile, nodes=nodes, limit=limit, lines=lines):
                    clear_cache()
                    frame = lines if profile == "walk" else lines.drop(columns=["maxspeed"])
                    net = build_network(
                        frame,
                        cost="distance" if profile == "walk" else "time",
                        profile=profile,
                    )
                    return [d for _, d in bounded_costs(net.graph, nodes, limit)]

                t_ours, _ = best_of(ours)
                t_built, _ = best_of(ours_built)
                t_pgr = pgr_seconds(cluster, dbname, profile, vids, limit)
                report(title + ", routing", t_ours, t_pgr, "pgRouting")
                report(title + ", network built too", t_built, t_pgr, "pgRouting")
                # every vertex on both sides as a start: times well above the timer's grain
                match = pgr_cmp.match_nodes(network, vertices)
                all_vids, all_nodes = pgr_cmp.pick_starts(vertices, match, len(vertices))
                t_all, _ = best_of(
                    lambda network=network, n=all_nodes, limit=limit: ours(network, n, limit)
                )
                t_pgr_all = pgr_seconds(cluster, dbname, profile, all_vids, limit)
                report(
                    f"  {profile}, all {len(all_vids)} vertices as starts, routing",
                    t_all,
                    t_pgr_all,
                    "pgRouting",
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
