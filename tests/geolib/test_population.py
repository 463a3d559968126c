"""Population from points or grid cells: per catchment, per municipality, for the Kreis."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

from geolib.accessibility import accessibility
from geolib.catchments import distance_catchments, network_catchments
from geolib.errors import DataError, FieldError, ParameterError
from geolib.io import read_vector
from geolib.network import build_network
from geolib.population import (
    EVEN_SPREAD_NOTE,
    TOTAL_NOTE,
    check_population,
    population_per_area,
    population_pieces,
    population_totals,
    reached_population,
)
from tests import _peers as peers
from tests.conftest import DATA, KREIS_GPKG

ZENSUS = DATA / "zensus2011" / "zensus2011_1km_kreis_pinneberg.gpkg"
COUNT = "einwohner_summe_altersgruppen"
HELGOLAND = "01056025"


def frame(geoms, crs=25832, **fields):
    return gpd.GeoDataFrame(fields, geometry=list(geoms), crs=crs)


def catchment(*polygons, break_m=100.0):
    return frame(polygons, break_no=[1] * len(polygons), break_m=[break_m] * len(polygons))


# --- hand-built grids ---------------------------------------------------------------------


def test_a_cell_half_covered_gives_half_its_count():
    grid = frame([box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)], ew=[100.0, 300.0])
    counts, table = reached_population(catchment(box(0, 0, 500, 1000)), grid, population_field="ew")
    assert counts[0] == pytest.approx(50.0)
    assert table["reached"].tolist() == pytest.approx([50.0, 0.0])
    assert table["unreached"].tolist() == pytest.approx([50.0, 300.0])
    assert table["reached_pct"].tolist() == pytest.approx([50.0, 0.0])


def test_a_cell_across_two_municipalities_is_split_by_area():
    grid = frame([box(0, 0, 1000, 1000)], ew=[1000.0])
    # A holds 30 % of the cell, B 50 %; 20 % lies outside both (a neighbouring Kreis)
    gemeinden = frame(
        [box(-500, 0, 300, 1000), box(300, 0, 800, 1000)], name=["A", "B"], key=["1", "2"]
    )
    out = population_per_area(grid, "ew", gemeinden)
    assert out["population"].tolist() == pytest.approx([300.0, 500.0])
    # a catchment over the western half: A's part in full, B's 200 of its 500 m
    counts, table = reached_population(
        catchment(box(0, 0, 500, 1000)), grid, population_field="ew", population_areas=gemeinden
    )
    assert counts[0] == pytest.approx(500.0)
    assert table["name"].tolist() == ["A", "B"] and table["key"].tolist() == ["1", "2"]
    assert table["population"].tolist() == pytest.approx([300.0, 500.0])
    assert table["reached"].tolist() == pytest.approx([300.0, 200.0])
    assert table["unreached"].tolist() == pytest.approx([0.0, 300.0])


def test_the_land_share_spreads_a_coastal_cell_over_its_land():
    # an island fills a quarter of the cell; the rest is sea
    grid = frame([box(0, 0, 1000, 1000), box(0, 1000, 1000, 2000)], ew=[800.0, 400.0])
    grid["land"] = [0.25, 1.0]
    island = frame([box(0, 0, 500, 500), box(0, 1000, 1000, 2000)], name=["Insel", "Festland"])
    plain = population_per_area(grid, "ew", island)
    assert plain["population"].tolist() == pytest.approx([200.0, 400.0])
    by_land = population_per_area(grid, "ew", island, land_share_field="land")
    assert by_land["population"].tolist() == pytest.approx([800.0, 400.0])
    # half the island reached: half its people, although it is an eighth of the cell
    _, table = reached_population(
        catchment(box(0, 0, 250, 500)),
        grid,
        population_field="ew",
        population_areas=island,
        land_share_field="land",
    )
    assert table["reached"].tolist() == pytest.approx([400.0, 0.0])


def test_a_wrong_land_share_never_counts_a_cell_twice():
    # the cell claims 10 % land but lies wholly in the area: its count, not ten times it
    grid = frame([box(0, 0, 1000, 1000)], ew=[100.0], land=[0.1])
    out = population_per_area(
        grid, "ew", frame([box(-10, -10, 2000, 2000)]), land_share_field="land"
    )
    assert out["population"].tolist() == pytest.approx([100.0])


def test_points_per_municipality_and_the_ones_outside_are_noted():
    points = frame(
        [Point(100, 100), Point(600, 100), Point(700, 900), Point(5000, 5000)],
        ew=[10.0, 20.0, 30.0, 40.0],
    )
    gemeinden = frame([box(0, 0, 500, 1000), box(500, 0, 1000, 1000)], name=["A", "B"])
    pieces = population_pieces(points, "ew", population_areas=gemeinden)
    assert any("1 population points (40 people)" in n for n in pieces.notes)
    counts, table = reached_population(
        catchment(box(0, 0, 650, 500)), points, population_field="ew", population_areas=gemeinden
    )
    assert counts[0] == 30.0
    assert table["population"].tolist() == [10.0, 50.0]
    assert table["reached"].tolist() == [10.0, 20.0]


def test_per_municipality_and_kreis_totals_through_catchments():
    grid = frame(
        [box(x, 0, x + 1000, 1000) for x in range(0, 4000, 1000)], ew=[100.0, 200.0, 300.0, 400.0]
    )
    gemeinden = frame([box(0, 0, 2000, 1000), box(2000, 0, 4000, 1000)], GEN=["West", "Ost"])
    offers = frame([Point(1000, 500)], offer_id=[1])
    res = distance_catchments(
        offers,
        breaks=[500, 1000],
        population=grid,
        population_field="ew",
        population_areas=gemeinden,
    )
    table = res.population
    assert set(table["GEN"]) == {"West", "Ost"}
    totals = population_totals(table, "break_m")
    assert totals["population"].tolist() == pytest.approx([1000.0, 1000.0])
    west = table[table["GEN"] == "West"].set_index("break_m")
    circle = res.areas[res.areas["break_m"] == 1000].geometry.iloc[0]
    expected = sum(
        count * circle.intersection(cell).area / 1e6
        for cell, count in zip(grid.geometry[:2], grid["ew"][:2])
    )
    assert west.loc[1000.0, "reached"] == pytest.approx(expected)
    assert table[table["GEN"] == "Ost"]["reached"].max() < 300 * 0.5
    total_notes = [n for n in res.notes if getattr(n, "template", "") == TOTAL_NOTE]
    assert len(total_notes) == 2
    assert f"of {1000} people reached" in total_notes[1]


def test_municipality_polygons_as_population_say_they_assume_even_spread():
    gemeinden = frame([box(0, 0, 1000, 1000)], name=["Wedel"], ew=[1000.0])
    res = distance_catchments(
        frame([Point(0, 0)], offer_id=[1]),
        breaks=[300],
        population=gemeinden,
        population_field="ew",
    )
    assert any(getattr(n, "template", "") == EVEN_SPREAD_NOTE for n in res.notes)
    grid_pieces = population_pieces(
        frame([box(0, 0, 1000, 1000)], ew=[1.0]), "ew", population_areas=gemeinden
    )
    assert not any(getattr(n, "template", "") == EVEN_SPREAD_NOTE for n in grid_pieces.notes)


def test_bad_land_shares_and_land_share_without_areas_are_refused():
    grid = frame([box(0, 0, 1000, 1000)], ew=[1.0], land=[1.5])
    with pytest.raises(DataError, match="land share field 'land' has 1 values outside"):
        population_per_area(grid, "ew", frame([box(0, 0, 10, 10)]), land_share_field="land")
    with pytest.raises(ParameterError, match="needs areas"):
        population_pieces(grid, "ew", land_share_field="land")


def test_a_population_without_its_field_lists_the_number_fields():
    grid = frame([box(0, 0, 1000, 1000)], fid=[1], ew=[1.0], kinder=[0.2], name=["a"], ok=[True])
    with pytest.raises(FieldError, match=r"needs its population field .* fields are: ew, kinder\."):
        check_population(grid, None)
    with pytest.raises(FieldError, match="'name' of the population layer is not numeric"):
        check_population(grid, "name")
    check_population(grid, "ew")  # a good one passes
    check_population(None, None)  # and no population at all


def test_areas_or_a_land_share_without_population_are_refused():
    offers = frame([Point(0, 0)], offer_id=[1])
    gemeinden = frame([box(0, 0, 10, 10)], GEN=["a"])
    with pytest.raises(ParameterError, match="give the population layer too"):
        distance_catchments(offers, breaks=[300], population_areas=gemeinden)
    with pytest.raises(ParameterError, match="give the population layer too"):
        check_population(None, None, land_share_field="land")


def test_the_population_is_checked_before_the_offers_are_routed():
    """The population is counted last; its problems are named before anything else
    is done. Here the offer lies beyond the snap distance: routing would refuse it."""
    net = build_network(frame([shapely.LineString([(0, 0), (100, 0)])]), cost="distance")
    far = frame([Point(5000, 5000)], offer_id=["far"])
    grid = frame([box(0, 0, 1000, 1000)], ew=[1.0], name=["a"])
    with pytest.raises(DataError, match="No offer lies within"):  # what routing says
        network_catchments(net, far, breaks=[50], population=grid, population_field="ew")
    for field, match in ((None, "needs its population field"), ("name", "not numeric")):
        with pytest.raises(FieldError, match=match):
            network_catchments(net, far, breaks=[50], population=grid, population_field=field)
    with pytest.raises(FieldError, match="not numeric"):
        distance_catchments(far, breaks=[50], population=grid, population_field="name")


@settings(deadline=None)  # a loaded test machine is no reason to fail
@given(
    counts=st.lists(st.floats(0, 1e4, allow_nan=False), min_size=4, max_size=4),
    cut=st.floats(100, 3900),
    reach=st.floats(10, 3000),
)
def test_reached_plus_unreached_is_the_area_weighted_population(counts, cut, reach):
    grid = frame([box(x, 0, x + 1000, 1000) for x in range(0, 4000, 1000)], ew=counts)
    # two municipalities cut the cells at an arbitrary place
    gemeinden = frame([box(0, -50, cut, 1050), box(cut, -50, 4000, 1050)], GEN=["W", "O"])
    _, table = reached_population(
        catchment(Point(1500, 500).buffer(reach)),
        grid,
        population_field="ew",
        population_areas=gemeinden,
    )
    assert table["population"].sum() == pytest.approx(sum(counts), rel=1e-9, abs=1e-6)
    assert (table["reached"] + table["unreached"]).to_numpy() == pytest.approx(
        table["population"].to_numpy()
    )
    assert (table["reached"] >= -1e-9).all() and (table["unreached"] >= -1e-6).all()


# --- the real Zensus 2011 grid of the Kreis -------------------------------------------------


@pytest.fixture(scope="module")
def zensus():
    return read_vector(ZENSUS, layer="zensus2011_1km")


@pytest.fixture(scope="module")
def gemeinden():
    return read_vector(KREIS_GPKG, layer="gemeinden")


def test_the_real_grid_per_municipality_follows_the_2018_population(zensus, gemeinden):
    out = population_per_area(zensus, COUNT, gemeinden)
    # the README's figure: area-weighted, the cells hold 297,319 inhabitants of the Kreis
    assert out["population"].sum() == pytest.approx(297_319, abs=5)
    # the same sum from the cells' own share inside the Kreis
    shares = (zensus[COUNT] * zensus["anteil_flaeche_im_kreis"]).sum()
    assert out["population"].sum() == pytest.approx(shares, rel=1e-4)
    r = np.corrcoef(out["population"], out["EWZ_2018"])[0, 1]
    assert r > 0.99


def test_helgoland_gets_its_full_cells_by_the_land_share(zensus, gemeinden):
    plain = population_per_area(zensus, COUNT, gemeinden).set_index("AGS")["population"]
    by_land = population_per_area(zensus, COUNT, gemeinden, land_share_field="anteil_land")
    by_land = by_land.set_index("AGS")["population"]
    island = zensus[zensus["anteil_land"] < 1]
    assert by_land[HELGOLAND] == pytest.approx(island[COUNT].sum())
    assert by_land[HELGOLAND] == pytest.approx(1412, abs=1)
    assert plain[HELGOLAND] < 500  # diluted by the sea
    mainland = by_land.index != HELGOLAND
    assert by_land[mainland].to_numpy() == pytest.approx(plain[mainland].to_numpy())


def test_same_as_tobler_area_interpolate_on_the_real_grid(zensus, gemeinden):
    inp, theirs = peers.case("tobler_area_interpolate_zensus", peers.Data(gemeinden))
    ours = population_per_area(inp["cells"], COUNT, inp["areas"])["population"].to_numpy()
    assert ours == pytest.approx(theirs[COUNT], rel=1e-6, abs=1e-6)


# --- the grid as demand of accessibility ----------------------------------------------------


def test_grid_cells_as_demand_are_their_centres():
    cells = frame(
        [box(x, y, x + 1000, y + 1000) for x in (0, 1000, 2000) for y in (0, 1000)],
        ew=[100.0, 200.0, 0.0, 50.0, 400.0, 250.0],
    )
    centres = frame(cells.geometry.centroid, ew=cells["ew"].tolist())
    offers = frame([Point(400, 600), Point(2600, 1500)], capacity=[10.0, 5.0])
    kwargs = dict(population_field="ew", max_cost=1600, capacity_field="capacity")
    on_cells = accessibility(cells, offers, **kwargs)
    on_points = accessibility(centres, offers, **kwargs)
    assert on_cells.demand.geometry.geom_type.eq("Polygon").all()
    assert on_cells.demand["score"].to_numpy() == pytest.approx(
        on_points.demand["score"].to_numpy()
    )
    # the first cell (centre 500,500) reaches only the first offer, whose 10 places are
    # shared by the four cells with centres within 1600 m: 100 + 200 + 0 + 50 people
    first = on_cells.demand["score"].to_numpy()[0]
    assert first == pytest.approx(10.0 / (100 + 200 + 0 + 50))


def test_the_real_grid_as_demand(zensus, gemeinden):
    offers = frame(gemeinden.representative_point().iloc[:10], capacity=[20.0] * 10)
    res = accessibility(zensus, offers, population_field=COUNT, max_cost=3000)
    assert len(res.demand) == len(zensus)
    assert (res.demand["score"] >= 0).all()
