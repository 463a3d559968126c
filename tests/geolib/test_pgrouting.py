"""The project's network costs against pgRouting (issue #12) on the same OSM data.

A throw-away PostgreSQL server (fixture ``postgres``) gets the OSM file through
osm2pgrouting; ``pgr_drivingDistance`` and the project's bounded Dijkstra run from the
same start vertices with the same model (tests/_pgrouting.py). Criteria: costs within
0.5 % for at least 99 % of the (start, node) pairs both reach, at most 1 % reached by
one side only. Runs where Debian's PostgreSQL, PostGIS, pgRouting, osm2pgrouting and
osmium-tool are installed (the host; ``make test-host`` requires them).
"""

from __future__ import annotations

import numpy as np
import pytest
from pyproj import Geod

from geolib.profiles import CAR_SPEEDS
from tests import _pgrouting as pgr_cmp

pytestmark = pytest.mark.skipif(
    pgr_cmp.tools_missing() is not None, reason=str(pgr_cmp.tools_missing())
)


@pytest.fixture(scope="module")
def imported(postgres):
    """Both bundled OSM files, each in its own database."""
    dbs = {}
    for name, path in pgr_cmp.OSM_FILES.items():
        dbs[name] = pgr_cmp.import_osm(postgres, path, "osm_" + name.replace("-", "_"))
    return dbs


# --- a hand-built OSM file with known costs --------------------------------------------------
#: node id: (lon, lat); about 143 m between columns, 222 m between rows
NODES = {
    1: (11.500, 50.000),
    2: (11.502, 50.000),
    3: (11.504, 50.000),
    4: (11.504, 50.002),
    5: (11.502, 50.002),
    6: (11.500, 50.002),
}
#: way id: (node ids, tags)
WAYS = {
    10: ([1, 2, 3], {"highway": "residential"}),
    11: ([3, 4], {"highway": "tertiary", "oneway": "yes"}),
    12: ([2, 5], {"highway": "footway"}),
    13: ([4, 5, 6], {"highway": "residential"}),
    14: ([1, 6], {"highway": "primary", "oneway": "-1"}),  # driven 6 -> 1 only
}


def _osm_xml() -> str:
    nodes = "".join(
        f'  <node id="{i}" version="1" lat="{lat}" lon="{lon}"/>\n'
        for i, (lon, lat) in NODES.items()
    )
    ways = ""
    for i, (refs, tags) in WAYS.items():
        nds = "".join(f'    <nd ref="{r}"/>\n' for r in refs)
        tag = "".join(f'    <tag k="{k}" v="{v}"/>\n' for k, v in tags.items())
        ways += f'  <way id="{i}" version="1">\n{nds}{tag}  </way>\n'
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6">\n{nodes}{ways}</osm>\n'


def _metres(a: int, b: int) -> float:
    (lon1, lat1), (lon2, lat2) = NODES[a], NODES[b]
    return float(Geod(ellps="WGS84").inv(lon1, lat1, lon2, lat2)[2])


def _minutes(path: list[int], highway: list[str]) -> float:
    return sum(
        _metres(a, b) / (CAR_SPEEDS[h] * 1000 / 60) for a, b, h in zip(path, path[1:], highway)
    )


@pytest.fixture(scope="module")
def small(postgres, tmp_path_factory):
    path = tmp_path_factory.mktemp("osm") / "small.osm"
    path.write_text(_osm_xml())
    return path, pgr_cmp.import_osm(postgres, path, "osm_small")


def _cost_between(cmp, a: int, b: int) -> tuple[float, float]:
    """pgRouting's and the project's cost from OSM node ``a`` to ``b`` (both are nodes)."""
    vid = dict(zip(cmp.vertices["osm_id"], cmp.vertices["id"]))
    node = dict(zip(cmp.vertices["id"], cmp.match))
    rows = cmp.pgr[(cmp.pgr["start"] == vid[a]) & (cmp.pgr["node"] == vid[b])]
    theirs = float(rows["cost"].iloc[0]) if len(rows) else np.inf
    i = list(cmp.start_vids).index(vid[a])
    return theirs, float(cmp.ours[i, node[vid[b]]])


def test_small_walk_agrees_with_known_costs(postgres, small):
    path, db = small
    cmp = pgr_cmp.run_comparison(postgres, db, path, "walk")
    # every OSM node where ways meet or end is a vertex on both sides, and every start reaches
    # all of them (the footway joins 2 and 5; one-ways do not bind walkers)
    assert len(cmp.start_vids) == 6
    assert cmp.agreement.both == 36
    assert cmp.agreement.agreeing_share == 1.0
    assert cmp.agreement.one_sided_share == 0.0
    theirs, ours = _cost_between(cmp, 1, 4)
    expected = _metres(1, 2) + _metres(2, 5) + _metres(5, 4)
    assert theirs == pytest.approx(expected, rel=1e-3)
    assert ours == pytest.approx(expected, rel=1e-3)


def test_small_car_one_ways_agree_with_known_costs(postgres, small):
    path, db = small
    cmp = pgr_cmp.run_comparison(postgres, db, path, "car", limit=10.0)
    # by car the footway is closed; pgRouting still splits at nodes 2 and 5, the project
    # need not: they are no start there, and their cost is the one inside the edge
    assert sorted(cmp.vertices.set_index("id").loc[cmp.start_vids, "osm_id"]) == [1, 3, 4, 6]
    assert cmp.agreement.both == 4 * 6
    assert cmp.agreement.agreeing_share == 1.0
    assert cmp.agreement.one_sided_share == 0.0
    # 3 -> 4 along the one-way tertiary; 4 -> 3 only round by 5, 6 and the primary 6 -> 1
    theirs, ours = _cost_between(cmp, 3, 4)
    forward = _minutes([3, 4], ["tertiary"])
    assert theirs == pytest.approx(forward, rel=1e-3)
    assert ours == pytest.approx(forward, rel=1e-3)
    theirs, ours = _cost_between(cmp, 4, 3)
    back = _minutes([4, 5, 6, 1, 2, 3], ["residential"] * 2 + ["primary"] + ["residential"] * 2)
    assert theirs == pytest.approx(back, rel=1e-3)
    assert ours == pytest.approx(back, rel=1e-3)
    # 1 -> 6 not along the primary (drawn 1 -> 6, oneway=-1) but round by 2, 3, 4, 5
    theirs, ours = _cost_between(cmp, 1, 6)
    detour = _minutes([1, 2, 3, 4, 5, 6], ["residential"] * 2 + ["tertiary"] + ["residential"] * 2)
    assert theirs == pytest.approx(detour, rel=1e-3)
    assert ours == pytest.approx(detour, rel=1e-3)


# --- the bundled OSM files ------------------------------------------------------------------
# Measured against main's reader (GDAL lines, noded where lines cross): the project joins
# bridges and tunnels to what they cross and differs in topology; the osm/topology branches
# of #12 fix that. Remove the marks when these pass.
_TODAY = {
    ("north-bayreuth", "walk"): None,  # 99.3 % agree, 0.6 % one-sided
    ("north-bayreuth", "car"): "main's reader: 81.6 % agree, 22.3 % one-sided (bridges noded)",
    ("andorra", "walk"): "main's reader: 94.5 % agree, 2.1 % one-sided",
    ("andorra", "car"): "main's reader: 79.2 % agree, 2.7 % one-sided",
}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "profile"),
    [
        pytest.param(
            name,
            profile,
            marks=[pytest.mark.xfail(strict=False, reason=reason)] if reason else [],
        )
        for (name, profile), reason in _TODAY.items()
    ],
)
def test_node_costs_agree_with_pgrouting(postgres, imported, name, profile):
    cmp = pgr_cmp.run_comparison(postgres, imported[name], name, profile)
    a = cmp.agreement
    assert len(cmp.start_vids) == pgr_cmp.N_STARTS
    assert a.both > 20 * pgr_cmp.N_STARTS  # the starts reach a real neighbourhood
    assert a.agreeing_share >= pgr_cmp.MIN_AGREEING, a.summary()
    assert a.one_sided_share <= pgr_cmp.MAX_ONE_SIDED, a.summary()
