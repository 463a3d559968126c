"""geolib.accessibility: 2SFCA family equal to PySAL access, nearest offer, bad input."""

import doctest

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

import geolib.accessibility as acc_mod
from geolib.accessibility import (
    accessibility,
    floating_catchment,
    nearest,
    step_weights,
    straight_line_costs,
    weighted_mean_by_area,
)
from geolib.errors import CRSError, DataError, FieldError, ParameterError
from tests import _peers as peers
from tests._peers import scene


def _compare(ours, theirs):
    missing = np.isnan(theirs)
    # PySAL leaves demand without supply in reach missing; here it scores 0
    np.testing.assert_allclose(ours[~missing], theirs[~missing], rtol=1e-10, atol=1e-15)
    assert np.all(ours[missing] == 0)


# PySAL access's results on these inputs are stored fixtures (tests/_peers.py): the
# comparisons run where access does not install; tests/test_peer_fixtures.py reruns it.


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_2sfca_equals_pysal_access(seed):
    inp, theirs = peers.case(f"access_2sfca_seed{seed}")
    pop, cap, costs = inp["pop"], inp["cap"], inp["costs"]
    ours = floating_catchment(pop, cap, costs, max_cost=inp["max_cost"], method="2sfca")
    _compare(ours.score, theirs["raw"])
    _compare(ours.normalised, theirs["norm"])
    assert (pop * ours.normalised).sum() / pop.sum() == pytest.approx(1.0)


def test_e2sfca_with_pysal_default_weights_equals_pysal():
    inp, theirs = peers.case("access_e2sfca_seed4")  # costs in "minutes": 0–50
    pop, cap, costs = inp["pop"], inp["cap"], inp["costs"]
    ours = floating_catchment(pop, cap, costs, max_cost=30, method="e2sfca", breaks=[10, 20, 30])
    _compare(ours.score, theirs["raw_30"])
    # scaled to other breaks: the same proportions on 5/10/15 (PySAL: step_fn on 5/10/15)
    ours15 = floating_catchment(pop, cap, costs, max_cost=15, method="e2sfca")
    _compare(ours15.score, theirs["raw_15"])


def test_gravity_equals_pysal_with_gravity_weights():
    inp, theirs = peers.case("access_gravity_seed5")  # PySAL: weights.gravity(1000, -1.5)
    ours = floating_catchment(
        inp["pop"], inp["cap"], inp["costs"], max_cost=3000, method="gravity", beta=1.5, scale=1000
    )
    _compare(ours.score, theirs["raw"])


def test_supply_demand_ratio_equals_pysal_fca_ratio():
    inp, theirs = peers.case("access_ratio_seed6")
    ours = floating_catchment(
        inp["pop"],
        inp["cap"],
        inp["costs"],
        max_cost=2000,
        method="ratio",
        demand_costs=inp["demand_costs"],
    )
    np.testing.assert_allclose(ours.score, np.nan_to_num(theirs["raw"]), rtol=1e-10)


def test_2sfca_by_hand():
    # two units of 100 and 300 children share one offer of 2 places; a third is alone
    costs = pd.DataFrame({"origin": [0, 1, 2], "destination": [0, 0, 1], "cost": [5, 8, 1.0]})
    fc = floating_catchment(np.array([100.0, 300, 50]), np.array([2.0, 1]), costs, max_cost=10)
    assert fc.score.tolist() == pytest.approx([0.005, 0.005, 0.02])
    assert fc.demand_in_reach.tolist() == [400, 50]
    mean = (0.005 * 400 + 0.02 * 50) / 450
    assert fc.normalised.tolist() == pytest.approx([0.005 / mean, 0.005 / mean, 0.02 / mean])


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.floats(200, 6000))
def test_supply_is_fully_allocated_when_every_offer_has_demand(seed, max_cost):
    dem_xy, sup_xy, pop, cap = scene(seed, 25, 6)
    costs = straight_line_costs(dem_xy, sup_xy, max_cost=max_cost)
    fc = floating_catchment(pop, cap, costs, max_cost=max_cost)
    # Σ_i A_i P_i = Σ_j S_j over supply that has demand within reach (2SFCA conserves supply)
    served = fc.demand_in_reach > 0
    assert (fc.score * pop).sum() == pytest.approx(cap[served].sum(), rel=1e-9)


def test_step_weights_default_and_scaled():
    b, w = step_weights(30)
    assert b.tolist() == [10, 20, 30] and w.tolist() == [1, 0.68, 0.22]
    b, w = step_weights(99, breaks=[15, 5, 10])
    assert b.tolist() == [5, 10, 15] and w.tolist() == [1, 0.68, 0.22]
    with pytest.raises(ParameterError, match="three zones"):
        step_weights(30, breaks=[10, 20])
    with pytest.raises(ParameterError, match="one weight per zone"):
        step_weights(30, breaks=[10, 20], weights=[1])
    for bad in (-1.0, np.nan, np.inf):
        with pytest.raises(ParameterError, match="Zone weights must be numbers of at least 0"):
            step_weights(30, weights=[1, bad, 0.2])


def test_supply_without_demand_in_reach_is_defined_and_noted():
    costs = pd.DataFrame({"origin": [0, 1], "destination": [0, 1], "cost": [1.0, 1.0]})
    # offer 1 only reaches unit 1, which has no population; offer 2 reaches nobody
    fc = floating_catchment(np.array([100.0, 0.0]), np.array([5.0, 3.0, 7.0]), costs, max_cost=10)
    assert np.isnan(fc.ratio[1]) and np.isnan(fc.ratio[2])
    assert fc.score.tolist() == [0.05, 0.0]
    assert any("2 supply points have no demand within reach" in n for n in fc.notes)


def test_unreachable_pairs_in_the_cost_table_are_no_pairs():
    costs = pd.DataFrame(
        {"origin": [0, 0, 1, 1], "destination": [0, 1, 0, 1], "cost": [2.0, np.inf, np.nan, 3.0]}
    )
    fc = floating_catchment(np.array([10.0, 30.0]), np.array([1.0, 1.0]), costs, max_cost=10)
    assert fc.score.tolist() == pytest.approx([0.1, 1 / 30])
    assert fc.supply_in_reach.tolist() == [1, 1]
    best, row = nearest(costs, 3)
    assert best[:2].tolist() == [2.0, 3.0] and np.isnan(best[2]) and row.tolist() == [0, 1, -1]


def test_demand_without_supply_in_reach_scores_zero_and_is_noted():
    costs = pd.DataFrame({"origin": [0], "destination": [0], "cost": [1.0]})
    fc = floating_catchment(np.array([10.0, 30.0]), np.array([1.0]), costs, max_cost=10)
    assert fc.score.tolist() == [0.1, 0.0]
    assert any("1 demand units have no supply within reach" in n for n in fc.notes)


def test_cost_table_errors():
    with pytest.raises(FieldError, match="missing: cost"):
        floating_catchment(
            np.ones(1), np.ones(1), pd.DataFrame({"origin": [0], "destination": [0]}), max_cost=1
        )
    bad = pd.DataFrame({"origin": [5], "destination": [0], "cost": [1.0]})
    with pytest.raises(DataError, match="rows that do not exist"):
        floating_catchment(np.ones(1), np.ones(1), bad, max_cost=1)
    with pytest.raises(ParameterError, match="maximum cost must be greater than 0"):
        floating_catchment(np.ones(1), np.ones(1), bad, max_cost=0)


def test_straight_line_costs_include_coincident_points():
    t = straight_line_costs(np.array([[0.0, 0], [10, 0]]), np.array([[0.0, 0], [3, 4]]), max_cost=6)
    assert t.values.tolist() == [[0, 0, 0.0], [0, 1, 5.0]]


def _layers(pop=(100, 300, 0)):
    demand = gpd.GeoDataFrame(
        {"name": ["A", "B", "C"], "kids": list(pop)},
        geometry=[box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000), box(9000, 0, 10000, 1000)],
        crs=25832,
    )
    supply = gpd.GeoDataFrame(
        {"offer_id": ["o1", "o2"], "capacity": [20.0, None]},
        geometry=[Point(1000, 500), Point(9500, 500)],
        crs=25832,
    )
    return demand, supply


def test_accessibility_on_areas_with_capacity_and_nearest_offer():
    demand, supply = _layers()
    res = accessibility(
        demand,
        supply,
        population_field="kids",
        capacity_field="capacity",
        max_cost=1500,
        id_field="offer_id",
    )
    out = res.demand
    assert out["score"].tolist() == pytest.approx([0.05, 0.05, 0.0])
    assert out["score_per_1000"].tolist() == pytest.approx([50, 50, 0])
    assert out["nearest_m"].tolist() == pytest.approx([500, 500, 0])
    assert out["nearest_offer"].tolist() == ["o1", "o1", "o2"]
    assert out["score_norm"].tolist() == pytest.approx([1, 1, 0])
    assert res.supply["capacity_used"].tolist() == [20, 1]
    assert np.isnan(res.supply["ratio"].iloc[1])  # only a unit without children in reach
    assert any("1 supply points have no capacity" in n for n in res.notes)
    assert res.unit == "m"


def test_null_offer_ids_give_a_null_nearest_offer_and_a_missing_id_field_is_refused():
    demand, supply = _layers()
    supply["offer_id"] = pd.array([None, 7], dtype="Int64")
    out = accessibility(demand, supply, population_field="kids", max_cost=1500, id_field="offer_id")
    assert out.demand["nearest_offer"].tolist() == [None, None, "7"]
    supply["offer_id"] = [np.nan, "o2"]
    out = accessibility(demand, supply, population_field="kids", max_cost=1500, id_field="offer_id")
    assert out.demand["nearest_offer"].tolist() == [None, None, "o2"]
    with pytest.raises(FieldError, match="supply layer has no field 'offer_no'"):
        accessibility(demand, supply, population_field="kids", max_cost=1500, id_field="offer_no")


def test_zero_capacity_everywhere_is_refused():
    demand, supply = _layers()
    supply["capacity"] = [0.0, None]  # NULL counts as 1: not refused
    accessibility(demand, supply, population_field="kids", max_cost=1500, capacity_field="capacity")
    supply["capacity"] = [0.0, 0.0]
    with pytest.raises(DataError, match="is 0 in every offer"):
        accessibility(
            demand, supply, population_field="kids", max_cost=1500, capacity_field="capacity"
        )


def test_accessibility_skips_null_geometries_and_keeps_inputs():
    demand, supply = _layers()
    supply.loc[1, "geometry"] = None
    before = demand.copy()
    res = accessibility(demand, supply, population_field="kids", max_cost=1500)
    assert len(res.supply) == 1
    assert any("1 features of the supply layer have no geometry" in n for n in res.notes)
    pd.testing.assert_frame_equal(demand, before)


def test_zero_population_everywhere_is_refused():
    demand, supply = _layers(pop=(0, 0, 0))
    with pytest.raises(DataError, match="is 0 in every demand unit"):
        accessibility(demand, supply, population_field="kids", max_cost=1500)


def test_negative_population_and_radius_are_refused():
    demand, supply = _layers(pop=(10, -1, 0))
    with pytest.raises(DataError, match="negative values"):
        accessibility(demand, supply, population_field="kids", max_cost=1500)
    demand, supply = _layers()
    with pytest.raises(ParameterError, match="greater than 0"):
        accessibility(demand, supply, population_field="kids", max_cost=0)


def test_weighted_mean_by_area():
    units = gpd.GeoDataFrame(
        {"pop": [100.0, 300.0, 50.0], "v": [1.0, 3.0, np.nan]},
        geometry=[Point(1, 1), Point(2, 2), Point(15, 1)],
        crs=25832,
    )
    areas = gpd.GeoDataFrame(
        {"n": ["a", "b"]}, geometry=[box(0, 0, 10, 10), box(10, 0, 20, 10)], crs=25832
    )
    out = weighted_mean_by_area(units, areas, values=["v"], weight_field="pop")
    assert out["v_mean"].iloc[0] == pytest.approx(2.5) and np.isnan(out["v_mean"].iloc[1])
    assert out["pop_sum"].tolist() == [400, 50]


def test_weighted_mean_by_area_takes_a_text_population_as_accessibility_does():
    demand, supply = _layers()
    demand["kids"] = ["100", "300,0", None]
    res = accessibility(demand, supply, population_field="kids", max_cost=1500)
    areas = gpd.GeoDataFrame({"n": ["all"]}, geometry=[box(0, 0, 10000, 1000)], crs=25832)
    out = weighted_mean_by_area(res.demand, areas, values=["score"], weight_field="kids")
    assert out["kids_sum"].tolist() == [400]
    assert out["score_mean"].tolist() == pytest.approx([0.0025])  # (100 + 300) × 1/400 / 400
    with pytest.raises(CRSError, match="The area layer has no coordinate"):
        weighted_mean_by_area(
            res.demand,
            areas.set_crs(None, allow_override=True),
            values=["score"],
            weight_field="kids",
        )


def test_docstring_examples_run():
    assert doctest.testmod(acc_mod).failed == 0


def _u_network_scene():
    """A U-shaped street (0,0)-(1000,0)-(1000,1000)-(0,1000): along it, positions 0–3000 m.

    Demand A, B, C lie next to positions 0, 1500 and 3000, D is 4 km off the street;
    offers S1 and S2 lie at positions 500 and 2900, S3 is far away.
    """
    from shapely.geometry import LineString

    lines = gpd.GeoDataFrame(
        {"highway": ["residential"]},
        geometry=[LineString([(0, 0), (1000, 0), (1000, 1000), (0, 1000)])],
        crs=25832,
    )
    demand = gpd.GeoDataFrame(
        {"name": ["A", "B", "C", "D"], "kids": [100.0, 300.0, 200.0, 50.0]},
        geometry=[Point(0, 10), Point(1010, 500), Point(0, 1010), Point(5000, 5000)],
        crs=25832,
    )
    supply = gpd.GeoDataFrame(
        {"oid": ["S1", "S2", "S3"], "places": [10.0, 4.0, 7.0]},
        geometry=[Point(500, -10), Point(100, 990), Point(9000, -9000)],
        crs=25832,
    )
    return lines, demand, supply


@pytest.mark.parametrize(
    ("cost", "factor", "unit"), [("distance", 1.0, "m"), ("time", 1 / 75.0, "min")]
)
def test_network_2sfca_known_by_hand(cost, factor, unit):
    """Network costs along the U (not straight lines) decide who reaches whom.

    Within 1200 m (walking at 4.5 km/h = 75 m/min: 16 min) A (0) and B (1500) reach
    S1 (500) at 500 and 1000 m; C (3000) reaches S2 (2900) at 100 m. A–S2 is 985 m
    in a straight line but 2900 m along the street: out of reach. So
    R1 = 10 / (100 + 300) = 0.025, R2 = 4 / 200 = 0.02; scores A = B = 0.025,
    C = 0.02; the mean over the routable 600 inhabitants is 14 / 600.
    """
    from geolib.network import build_network

    lines, demand, supply = _u_network_scene()
    net = build_network(lines, cost=cost, profile=None if cost == "distance" else "walk")
    res = accessibility(
        demand,
        supply,
        population_field="kids",
        capacity_field="places",
        max_cost=1200 * factor,
        network=net,
        id_field="oid",
    )
    out = res.demand
    assert res.unit == unit
    assert out["score"].iloc[:3].tolist() == pytest.approx([0.025, 0.025, 0.02])
    mean = 14 / 600
    assert out["score_norm"].iloc[:3].tolist() == pytest.approx(
        [0.025 / mean, 0.025 / mean, 0.02 / mean]
    )
    assert out[f"nearest_{unit}"].iloc[:3].tolist() == pytest.approx(
        [500 * factor, 1000 * factor, 100 * factor]
    )
    assert out["nearest_offer"].tolist()[:3] == ["S1", "S1", "S2"]
    assert out["supply_in_reach"].tolist() == [1, 1, 1, 0]
    # D is off the network: kept, marked and NULL, never silently 0 or dropped
    assert out["routable"].tolist() == [1, 1, 1, 0]
    assert np.isnan(out["score"].iloc[3]) and np.isnan(out["score_norm"].iloc[3])
    assert np.isnan(out[f"nearest_{unit}"].iloc[3]) and out["nearest_offer"].iloc[3] is None
    sup = res.supply
    assert sup["routable"].tolist() == [1, 1, 0]
    assert sup["demand_in_reach"].tolist() == pytest.approx([400, 200, 0])
    assert sup["ratio"].iloc[:2].tolist() == pytest.approx([0.025, 0.02])
    assert np.isnan(sup["ratio"].iloc[2])
    text = "\n".join(res.notes)
    assert "1 of 4 demand units are farther than 250 m from the network" in text
    assert "their 50 inhabitants are left out of the mean" in text
    assert "1 of 3 offers are farther than 250 m from the network" in text
    assert "their capacity (7) is not counted" in text
    assert "unroutable output" not in text  # od_costs' note names an output we lack
    assert "demand units have no supply within reach" not in text  # D is noted as unroutable
    assert "supply points have no demand within reach" not in text  # S3 is noted as unroutable
    # the straight line would let A reach S2 as well
    flat = accessibility(
        demand, supply, population_field="kids", capacity_field="places", max_cost=1200
    )
    assert flat.demand["supply_in_reach"].iloc[0] == 2


def test_network_ratio_method_uses_network_costs_between_demand_units():
    from geolib.network import build_network

    lines, demand, supply = _u_network_scene()
    net = build_network(lines, cost="distance", profile=None)
    res = accessibility(
        demand,
        supply,
        population_field="kids",
        capacity_field="places",
        max_cost=1600,
        method="ratio",
        network=net,
    )
    # within 1600 m: A reaches S1 and B (1500 m); B reaches S1, A, C (1500 m) and S2
    # (1400 m); C reaches B and S2
    assert res.demand["score"].iloc[:3].tolist() == pytest.approx([10 / 400, 14 / 600, 4 / 500])


# --- direction, multipoint offers and offer ids with a network ------------------------------
def _one_way_loop():
    """A one-way street (0,0)→(1000,0) and a two-way detour of 1,600 m between its ends."""
    from shapely.geometry import LineString

    from geolib.network import build_network

    lines = gpd.GeoDataFrame(
        {"dir": ["1", "0"]},
        geometry=[
            LineString([(0, 0), (1000, 0)]),
            LineString([(0, 0), (0, 300), (1000, 300), (1000, 0)]),
        ],
        crs=25832,
    )
    return build_network(lines, cost="distance", profile=None, direction_field="dir")


@pytest.mark.parametrize(
    ("direction", "west", "east"), [("to_offer", 500.0, 2100.0), ("from_offer", 2100.0, 500.0)]
)
def test_direction_routes_people_to_or_from_the_offer(direction, west, east):
    people = gpd.GeoDataFrame({"kids": [1, 1]}, geometry=[Point(0, 0), Point(1000, 0)], crs=25832)
    offer = gpd.GeoDataFrame({"offer_id": ["K"]}, geometry=[Point(500, 0)], crs=25832)
    res = accessibility(
        people,
        offer,
        population_field="kids",
        max_cost=5000,
        network=_one_way_loop(),
        id_field="offer_id",
        direction=direction,
    )
    assert res.demand["nearest_m"].tolist() == pytest.approx([west, east])
    assert res.demand["nearest_offer"].tolist() == ["K", "K"]


def test_catchments_and_accessibility_agree_in_both_directions():
    """A person inside the x catchment (same direction) costs at most x in accessibility."""
    from shapely.geometry import LineString

    from geolib.catchments import network_catchments
    from geolib.network import build_network

    geoms, dirs = [], []
    for i in range(5):  # a grid of one-way streets, alternating directions, and two-way ones
        geoms.append(LineString([(0, i * 100), (400, i * 100)]))
        dirs.append(["1", "-1", "0"][i % 3])
        geoms.append(LineString([(i * 100, 0), (i * 100, 400)]))
        dirs.append(["-1", "0", "1"][i % 3])
    lines = gpd.GeoDataFrame({"dir": dirs}, geometry=geoms, crs=25832)
    net = build_network(lines, cost="distance", profile=None, direction_field="dir", node=True)
    rng = np.random.default_rng(3)
    edge = rng.integers(0, net.n_edges, 300)
    where = shapely.line_interpolate_point(
        net.geometry[edge], rng.uniform(0.05, 0.95, len(edge)), normalized=True
    )
    people = gpd.GeoDataFrame({"kids": np.ones(len(edge))}, geometry=where, crs=25832)
    offer = gpd.GeoDataFrame({"offer_id": ["K"]}, geometry=[Point(210, 200)], crs=25832)
    x = 350.0
    costs = {}
    for direction in ("to_offer", "from_offer"):
        res = accessibility(
            people,
            offer,
            population_field="kids",
            max_cost=5000,
            network=net,
            direction=direction,
            snap_distance=1,
        )
        cost = res.demand["nearest_m"].to_numpy()
        costs[direction] = cost
        reached = network_catchments(
            net, offer, breaks=[x], direction=direction, polygons=False, snap_distance=1
        ).lines.geometry.union_all()
        distance = shapely.distance(reached, where)
        inside, outside = cost < x - 1, cost > x + 1
        assert inside.sum() > 20 and outside.sum() > 20
        assert np.all(distance[inside] < 1e-6)
        assert np.all(distance[outside] > 1e-6)
    # the one-way streets make the two directions differ
    assert np.sum(np.abs(costs["to_offer"] - costs["from_offer"]) > 1) > 20


def test_multipoint_offer_is_reached_at_its_nearest_point():
    from shapely.geometry import LineString, MultiPoint

    from geolib.network import build_network

    lines = gpd.GeoDataFrame(geometry=[LineString([(0, 0), (3000, 0)])], crs=25832)
    net = build_network(lines, cost="distance", profile=None)
    people = gpd.GeoDataFrame({"kids": [10, 30]}, geometry=[Point(0, 0), Point(3000, 0)], crs=25832)
    offers = gpd.GeoDataFrame(
        {"places": [4.0]}, geometry=[MultiPoint([(200, 0), (2500, 0)])], crs=25832
    )
    for network in (None, net):
        res = accessibility(
            people,
            offers,
            population_field="kids",
            capacity_field="places",
            max_cost=1000,
            network=network,
        )
        # both reach the offer (at 200 and 500 m): its 4 places for 40 children
        assert res.demand["nearest_m"].tolist() == pytest.approx([200.0, 500.0])
        assert res.demand["score"].tolist() == pytest.approx([0.1, 0.1])
        assert res.supply["demand_in_reach"].tolist() == pytest.approx([40.0])
        # without an id field: row numbers, as text, also in the supply output
        assert res.demand["nearest_offer"].tolist() == ["1", "1"]
        assert res.supply["offer_id"].tolist() == ["1"]
        assert any("multipoints" in str(n) for n in res.notes)
        assert any("numbered by their row" in str(n) for n in res.notes)
    # a point far from the network: the offer is reached at its other point, and noted
    far = offers.assign(geometry=[MultiPoint([(200, 0), (2500, 900)])])
    res = accessibility(
        people, far, population_field="kids", capacity_field="places", max_cost=5000, network=net
    )
    assert res.demand["nearest_m"].tolist() == pytest.approx([200.0, 2800.0])
    assert res.supply["routable"].tolist() == [1]
    assert any("1 points of multipoint offers are farther" in str(n) for n in res.notes)


def test_unknown_direction_is_refused():
    demand, supply = _layers()
    with pytest.raises(ParameterError, match="direction must be one of"):
        accessibility(demand, supply, population_field="kids", max_cost=10, direction="up")
