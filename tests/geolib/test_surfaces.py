"""geolib.surfaces: area-weighted rasters and pycnophylactic surfaces (totals, tobler)."""

import geopandas as gpd
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from geolib.errors import DataError, FieldError, ParameterError, ResourceError
from geolib.messages import format_number
from geolib.surfaces import (
    NODATA,
    area_weighted_surface,
    pycnophylactic_surface,
    surface,
    zone_sums,
)
from tests import _peers as peers


def _strip(values, counts=None):
    counts = counts if counts is not None else [100.0, 300.0]
    n = len(values)
    return gpd.GeoDataFrame(
        {"v": list(values), "n": counts, "d": [1000.0] * n},
        geometry=[box(i * 150, 0, (i + 1) * 150, 100) for i in range(n)],
        crs=25832,
    )


def test_area_weighted_values_by_hand():
    # cell 2 (100–200 m) is half in each area
    res = area_weighted_surface(_strip([1.0, 3.0]), field="v", pixel_size=100)
    assert res.array.tolist() == [[1.0, 2.0, 3.0]]
    assert res.nodata == NODATA and res.crs.to_epsg() == 25832


def test_area_weighted_rate_by_hand_is_the_pooled_rate_at_boundaries():
    # counts 100 and 300 on 150 m each, denominators 1000: 10 % and 30 %
    res = area_weighted_surface(
        _strip([0, 0]), numerator="n", denominator="d", pixel_size=100, per=100
    )
    a = res.array[0]
    assert a[0] == pytest.approx(10) and a[2] == pytest.approx(30)
    # the middle cell holds 50/150 of each area's counts: (100+300)/(1000+1000)
    assert a[1] == pytest.approx(20)


def test_area_weighted_nodata_outside_and_for_missing_values():
    areas = gpd.GeoDataFrame(
        {"v": [1.0, np.nan]}, geometry=[box(0, 0, 100, 100), box(200, 0, 300, 100)], crs=25832
    )
    res = area_weighted_surface(areas, field="v", pixel_size=100)
    assert res.array.tolist() == [[1.0, NODATA, NODATA]]
    assert any("without a value" in n for n in res.notes)


def test_pycnophylactic_by_hand_keeps_totals_and_smooths():
    areas = gpd.GeoDataFrame(
        {"n": [100.0, 300.0]},
        geometry=[box(0, 0, 500, 500), box(500, 0, 1000, 500)],
        crs=25832,
    )
    res = pycnophylactic_surface(areas, field="n", pixel_size=100)
    left, right = res.array[:, :5], res.array[:, 5:]
    assert left.sum() == pytest.approx(100, abs=1e-6)
    assert right.sum() == pytest.approx(300, abs=1e-6)
    # smooth: values rise towards the denser area instead of a step of 4 → 12
    assert np.all(np.diff(res.array[2]) >= -1e-9)
    assert res.array[2, 4] > 4 and res.array[2, 5] < 12


def test_pycnophylactic_totals_on_the_municipalities_within_1e_6(gemeinden):
    res = pycnophylactic_surface(gemeinden, field="EWZ_2018", pixel_size=500)
    sums = zone_sums(res, gemeinden)
    # at 500 m every municipality owns a cell centre
    assert np.abs(sums.to_numpy() - gemeinden["EWZ_2018"].to_numpy()).max() < 1e-6
    inside = res.array[res.array != NODATA]
    assert (inside >= 0).all()
    assert inside.sum() == pytest.approx(gemeinden["EWZ_2018"].sum(), rel=1e-9)


def test_pycnophylactic_rate_is_numerator_over_denominator(gemeinden):
    areas = gemeinden.assign(half=gemeinden["EWZ_2018"] / 2)
    res = pycnophylactic_surface(
        areas, numerator="half", denominator="EWZ_2018", pixel_size=1000, per=100
    )
    inside = res.array[res.array != NODATA]
    assert inside == pytest.approx(50.0)


# tobler's results on these inputs are stored fixtures (tests/_peers.py): the comparisons
# run where tobler does not install; tests/test_peer_fixtures.py reruns it.


def test_close_to_tobler_pycno_on_the_same_grid(gemeinden):
    inp, theirs = peers.case("tobler_pycno_400", peers.Data(gemeinden))
    grid = theirs["grid"]
    ours = pycnophylactic_surface(
        inp["areas"], field="EWZ_2018", pixel_size=inp["cellsize"], boundary="zero"
    )
    # same origin and cell size; tobler drops the last
    assert tuple(ours.transform)[:6] == tuple(theirs["transform"])
    mine = ours.array[: grid.shape[0], : grid.shape[1]]
    both = ~np.isnan(grid) & (mine != NODATA)
    x, y = grid[both], mine[both]
    assert np.corrcoef(x, y)[0, 1] > 0.999
    assert np.abs(x - y).sum() / x.sum() < 0.02


def test_close_to_tobler_pycno_interpolate_on_target_squares(gemeinden):
    # squares of 5 km within tobler's grid (it drops the partial last column and row)
    inp, theirs = peers.case("tobler_pycno_interpolate_squares", peers.Data(gemeinden))
    ours = pycnophylactic_surface(
        inp["areas"], field="EWZ_2018", pixel_size=inp["cellsize"], boundary="zero"
    )
    mine = zone_sums(ours, inp["squares"]).to_numpy()
    big = theirs["EWZ_2018"] > 500
    rel = np.abs(mine[big] - theirs["EWZ_2018"][big]) / theirs["EWZ_2018"][big]
    assert np.median(rel) < 0.02 and rel.max() < 0.25


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.floats(0, 1e5, allow_nan=False), min_size=2, max_size=6),
    st.sampled_from(["free", "zero"]),
)
def test_totals_kept_for_any_counts(values, boundary):
    areas = gpd.GeoDataFrame(
        {"n": values},
        geometry=[
            box(i * 300, (i % 2) * 200, (i + 1) * 300, 500 + (i % 2) * 200)
            for i in range(len(values))
        ],
        crs=25832,
    )
    res = pycnophylactic_surface(areas, field="n", pixel_size=50, boundary=boundary)
    sums = zone_sums(res, areas)
    assert np.abs(sums.to_numpy() - np.array(values)).max() <= 1e-6 * max(1.0, max(values))


def test_small_areas_get_their_cells_and_a_note():
    areas = gpd.GeoDataFrame(
        {"n": [100.0, 7.0], "name": ["big", "tiny"]},
        geometry=[box(0, 0, 1000, 1000), box(1010, 10, 1030, 30)],
        crs=25832,
    )
    res = pycnophylactic_surface(areas, field="n", pixel_size=100)
    assert res.array[res.array != NODATA].sum() == pytest.approx(107, abs=1e-6)
    assert any("1 areas own no cell centre at 100 m: tiny." in n for n in res.notes)
    # the tiny area lies in the last column (1000–1100 m), which only it touches
    assert res.array[-1, -1] == pytest.approx(7) and (res.array[:-1, -1] == NODATA).all()


def test_an_area_without_a_cell_centre_is_spread_by_hand():
    # a 80 m square inside a 1 km square owns no centre of the 100 m cells; it overlaps
    # four cells by a quarter each: 40 / 4 = 10 is added to each of them
    hole = box(160, 160, 240, 240)
    areas = gpd.GeoDataFrame(
        {"n": [100.0, 40.0], "name": ["A", "S"]},
        geometry=[box(0, 0, 1000, 1000).difference(hole), hole],
        crs=25832,
    )
    res = pycnophylactic_surface(areas, field="n", pixel_size=100)
    smooth = pycnophylactic_surface(areas.iloc[:1], field="n", pixel_size=100).array
    assert res.array.sum() == pytest.approx(140, abs=1e-6)
    added = res.array - smooth
    expected = np.zeros((10, 10))
    expected[7:9, 1:3] = 10.0  # rows from the top: y 200–300 and 100–200
    assert added == pytest.approx(expected, abs=1e-9)
    assert smooth.sum() == pytest.approx(100, abs=1e-6)
    note = next(n for n in res.notes if "own no cell centre" in n)
    assert note.startswith("1 areas own no cell centre at 100 m: S.")
    assert any("sums to 140 (input total 140); the cells of each area" in n for n in res.notes)


@pytest.mark.parametrize("pixel_size", [500, 3000, 5000])
def test_pycnophylactic_totals_hold_at_any_pixel_size_on_the_kreis(gemeinden, pixel_size):
    from rasterio.features import rasterize

    res = pycnophylactic_surface(gemeinden, field="EWZ_2018", pixel_size=pixel_size)
    values = np.where(res.array == NODATA, 0.0, res.array)
    counts = gemeinden["EWZ_2018"].to_numpy(dtype=float)
    assert values.sum() == pytest.approx(counts.sum(), rel=1e-9)  # 292,579 before at 3 km
    # the areas that own no cell centre, and their counts spread by overlapped area
    zones = rasterize(
        ((g, i + 1) for i, g in enumerate(gemeinden.geometry)),
        out_shape=values.shape,
        transform=res.transform,
        fill=0,
        dtype="int32",
    )
    small = np.setdiff1d(np.arange(len(gemeinden)), zones[zones > 0] - 1)
    height, width = values.shape
    t = res.transform
    cells = gpd.GeoDataFrame(
        geometry=[
            box(t.c + c * t.a, t.f + (r + 1) * t.e, t.c + (c + 1) * t.a, t.f + r * t.e)
            for r in range(height)
            for c in range(width)
        ],
        crs=res.crs,
    )
    spread = np.zeros(values.size)
    for i in small:
        geom = gemeinden.geometry.iloc[i]
        spread += cells.intersection(geom).area.to_numpy() / geom.area * counts[i]
    remainder = values - spread.reshape(values.shape)
    sums = np.bincount(zones.ravel(), weights=remainder.ravel(), minlength=len(counts) + 1)[1:]
    own = np.setdiff1d(np.arange(len(counts)), small)
    assert np.abs(sums[own] - counts[own]).max() < 1e-6 * counts.max()
    assert (len(small) > 0) == (pixel_size > 500)
    note = next(n for n in res.notes if "input total" in n)
    total = format_number(counts.sum())
    assert f"sums to {total} (input total {total}); the cells of each area" in note


def test_all_zero_counts_converge_at_once_without_a_note():
    # a count that is 0 everywhere is already smooth: no 2000 idle iterations, no warning
    areas = _strip([0.0, 0.0])
    res = pycnophylactic_surface(areas, field="v", pixel_size=50)
    assert res.array.shape == (2, 6) and np.all(res.array == 0.0)
    assert not any("did not converge" in n for n in res.notes)


def test_bad_surface_input():
    areas = _strip([1.0, 2.0])
    with pytest.raises(ParameterError, match="Give a field, or a numerator and a denominator"):
        surface(areas, method="pycnophylactic", pixel_size=50)
    with pytest.raises(ParameterError, match="not both"):
        area_weighted_surface(areas, field="v", numerator="n", denominator="d")
    with pytest.raises(FieldError, match="no field 'nope'"):
        area_weighted_surface(areas, field="nope")
    with pytest.raises(DataError, match="negative values"):
        pycnophylactic_surface(areas.assign(v=[-1.0, 2.0]), field="v")
    with pytest.raises(ParameterError, match="pixel size must be greater than 0"):
        pycnophylactic_surface(areas, field="v", pixel_size=0)
    with pytest.raises(ParameterError, match="pixel size must be greater than 0"):
        area_weighted_surface(areas, field="v", pixel_size=float("nan"))
    with pytest.raises(ResourceError, match="Choose a larger pixel size"):
        area_weighted_surface(areas, field="v", pixel_size=0.01)
    with pytest.raises(ParameterError, match="Unknown surface method 'kriging'"):
        surface(areas, method="kriging", field="v")
