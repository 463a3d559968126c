"""geolib.kernel_density.kernel_density: exact at pixel centres, kernels, units, bad input."""

import geopandas as gpd
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import MultiPoint, Point

from geolib.errors import DataError, EmptyInputError, ParameterError, ResourceError
from geolib.kernel_density import KERNELS, kernel_density, uses_numba


@pytest.fixture(autouse=True, params=["numba", "numpy"])
def path(request, monkeypatch):
    """Every test here runs on the compiled path and on the numpy path."""
    if request.param == "numpy":
        monkeypatch.setenv("GEOLIB_NO_NUMBA", "1")
        assert not uses_numba()
    elif not uses_numba():
        pytest.skip("numba is not installed or switched off by GEOLIB_NO_NUMBA")
    return request.param


def _points(xy, **fields):
    return gpd.GeoDataFrame(fields, geometry=[Point(x, y) for x, y in xy], crs=25832)


def _brute(xy, w, r, extent, ps, kernel="quartic", decay=0.0):
    """Direct evaluation at every pixel centre, one point and one pixel at a time."""
    xmin, ymin, xmax, ymax = extent
    cols, rows = int(np.ceil((xmax - xmin) / ps)), int(np.ceil((ymax - ymin) / ps))
    out = np.zeros((rows, cols))
    for (px, py), wi, ri in zip(xy, w, r):
        for i in range(rows):
            for j in range(cols):
                cx, cy = xmin + (j + 0.5) * ps, ymax - (i + 0.5) * ps
                d = np.hypot(cx - px, cy - py)
                if d > ri:
                    continue
                q = d / ri
                value = {
                    "quartic": (1 - q * q) ** 2,
                    "triweight": (1 - q * q) ** 3,
                    "epanechnikov": 1 - q * q,
                    "uniform": 1.0,
                    "triangular": 1 - (1 - decay) * q,
                    "gaussian": np.exp(-4.5 * q * q),
                }[kernel]
                out[i, j] += wi * value
    return out


def test_single_point_by_hand():
    res = kernel_density(_points([(105, 105)]), radius=20, pixel_size=10, extent=(80, 80, 130, 130))
    a = res.array
    assert a.shape == (5, 5)
    assert a[2, 2] == 1.0  # centre pixel: distance 0
    assert a[2, 1] == pytest.approx((1 - 0.25) ** 2)  # 10 m away: (1 - (10/20)²)²
    assert a[1, 1] == pytest.approx((1 - 0.5) ** 2)  # diagonal: 14.1 m
    assert a[0, 2] == 0.0  # 20 m: on the radius, the quartic kernel is 0
    assert res.transform.c == 80 and res.transform.f == 130 and res.transform.a == 10
    assert res.crs.to_epsg() == 25832


@pytest.mark.parametrize("kernel", KERNELS)
def test_every_kernel_is_exact_at_pixel_centres(kernel):
    rng = np.random.default_rng(3)
    xy = rng.uniform(0, 200, size=(7, 2))
    w = rng.uniform(0.5, 3, 7)
    pts = _points(xy, cap=w)
    extent = (-40.0, -35.0, 245.0, 230.0)  # not whole pixels: rounded up
    res = kernel_density(
        pts, radius=45, pixel_size=10, weight_field="cap", kernel=kernel, decay=0.3, extent=extent
    )
    expected = _brute(xy, w, [45] * 7, (-40, -40, 250, 230), 10, kernel, decay=0.3)
    assert res.array.shape == expected.shape == (27, 29)
    np.testing.assert_allclose(res.array, expected, rtol=1e-12, atol=1e-14)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.floats(-30, 130), st.floats(-30, 130), st.floats(5, 60), st.floats(0, 5)),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from([7.0, 10.0, 12.5]),
)
def test_variable_radius_and_weights_match_direct_evaluation(rows, ps):
    xy = [(x, y) for x, y, _, _ in rows]
    r = [ri for _, _, ri, _ in rows]
    w = [wi for _, _, _, wi in rows]
    if not any(w):
        w[0] = 1.0
    pts = _points(xy, r=r, w=w)
    extent = (0.0, 0.0, 100.0, 100.0)
    res = kernel_density(pts, radius_field="r", weight_field="w", pixel_size=ps, extent=extent)
    n = int(np.ceil(100 / ps - 1e-9))
    expected = _brute(xy, w, r, (0, 100 - n * ps, n * ps, 100), ps)
    np.testing.assert_allclose(res.array, expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("kernel", KERNELS)
def test_scaled_kernels_integrate_to_the_weight(kernel):
    pts = _points([(500, 500)], cap=[3.0])
    res = kernel_density(
        pts, radius=200, pixel_size=2, weight_field="cap", kernel=kernel, output="per_cell"
    )
    assert res.array.sum() == pytest.approx(3.0, rel=2e-3)
    per_km2 = kernel_density(
        pts, radius=200, pixel_size=2, weight_field="cap", kernel=kernel, output="per_km2"
    ).array
    scaled = kernel_density(
        pts, radius=200, pixel_size=2, weight_field="cap", kernel=kernel, output="scaled"
    ).array
    np.testing.assert_allclose(per_km2, scaled * 1e6)


def test_quartic_scale_is_three_over_pi_r_squared():
    res = kernel_density(
        _points([(5, 5)]), radius=100, pixel_size=10, output="scaled", extent=(0, 0, 10, 10)
    )
    assert res.array[0, 0] == pytest.approx(3 / (np.pi * 100**2))


def test_multipoint_parts_each_carry_the_weight():
    gdf = gpd.GeoDataFrame({"w": [2.0]}, geometry=[MultiPoint([(15, 15), (45, 15)])], crs=25832)
    res = kernel_density(gdf, radius=10, pixel_size=10, weight_field="w", extent=(0, 0, 60, 30))
    assert res.array[1, 1] == pytest.approx(2.0) and res.array[1, 4] == pytest.approx(2.0)


def test_null_geometries_are_skipped_and_counted():
    pts = _points([(10, 10), (20, 20), (30, 30)])
    pts.loc[1, "geometry"] = None
    res = kernel_density(pts, radius=20, pixel_size=5)
    assert any("1 features of the points layer have no geometry" in n for n in res.notes)
    only = kernel_density(pts.drop(index=1), radius=20, pixel_size=5)
    np.testing.assert_array_equal(res.array, only.array)


def test_points_far_outside_the_extent_are_counted():
    res = kernel_density(
        _points([(5, 5), (900, 900)]), radius=10, pixel_size=5, extent=(0, 0, 20, 20)
    )
    assert any("1 points lie farther than their radius" in n for n in res.notes)


def test_reprojected_points_get_a_note():
    pts = gpd.GeoDataFrame(geometry=[Point(9.66, 53.58)], crs=4326)
    res = kernel_density(pts, radius=100, pixel_size=25)
    assert any("points layer was reprojected" in n for n in res.notes)
    assert res.array.max() > 0.9


@pytest.mark.parametrize(
    ("kwargs", "error", "text"),
    [
        ({"radius": 0}, ParameterError, "radius must be greater than 0"),
        ({"radius": -5}, ParameterError, "radius must be greater than 0"),
        ({"radius": 10, "pixel_size": 0}, ParameterError, "pixel size must be a positive"),
        ({"radius": 10, "pixel_size": 500}, ParameterError, "larger than the extent"),
        ({"radius": 10, "kernel": "cosine"}, ParameterError, "Unknown kernel"),
        ({"radius": 10, "weight_field": "zero"}, DataError, "All weights in 'zero' are 0"),
        ({"radius_field": "bad_r"}, ParameterError, "No radius in 'bad_r'"),
        (
            {"radius": 10, "kernel": "triangular", "decay": -1, "output": "scaled"},
            ParameterError,
            "cannot be scaled",
        ),
    ],
)
def test_bad_input_gets_clear_messages(kwargs, error, text):
    pts = _points([(0, 0), (100, 100)], zero=[0, 0], bad_r=[0, -1])
    kwargs = {"pixel_size": 5, **kwargs}
    with pytest.raises(error, match=text):
        kernel_density(pts, **kwargs)


def test_raster_too_large_is_refused_with_the_size_it_needs():
    pts = _points([(500000, 5900000), (600000, 6000000)])
    with pytest.raises(ResourceError, match=r"100000 × 100000 pixels would need about 149\.0 GB"):
        kernel_density(pts, radius=10, pixel_size=1.0, extent=(500000, 5900000, 600000, 6000000))


def test_empty_and_all_null_layers_are_refused():
    with pytest.raises(EmptyInputError, match="points layer is empty"):
        kernel_density(_points([]), radius=10, pixel_size=5)
    pts = _points([(1, 1)])
    pts.loc[0, "geometry"] = None
    with pytest.raises(EmptyInputError, match="no point with a geometry"):
        kernel_density(pts, radius=10, pixel_size=5)


def test_input_is_not_modified():
    pts = _points([(1, 1)], w=[2.0])
    before = pts.copy()
    kernel_density(pts, radius=10, pixel_size=5, weight_field="w")
    assert pts.equals(before)


@pytest.mark.parametrize("kernel", ["quartic", "gaussian"])
@pytest.mark.parametrize("threads", [2, 3])
def test_threads_sum_the_same_values(kernel, threads):
    """Bands of rows summed in threads equal one thread and the direct evaluation."""
    rng = np.random.default_rng(11)
    xy = rng.uniform(0, 300, size=(40, 2))
    w = rng.uniform(-1, 3, 40)  # negative weights take the general path
    r = rng.uniform(20, 70, 40)
    pts = _points(xy, w=w, r=r)
    extent = (0.0, 0.0, 300.0, 300.0)
    kwargs = dict(radius_field="r", weight_field="w", pixel_size=10, extent=extent, kernel=kernel)
    one = kernel_density(pts, threads=1, **kwargs).array
    many = kernel_density(pts, threads=threads, **kwargs).array
    np.testing.assert_allclose(many, one, rtol=1e-12, atol=1e-13)
    expected = _brute(xy, w, r, extent, 10, kernel)
    np.testing.assert_allclose(many, expected, rtol=1e-12, atol=1e-12)
    positive = kernel_density(pts, threads=threads, **{**kwargs, "weight_field": None}).array
    np.testing.assert_allclose(
        positive, _brute(xy, np.ones(40), r, extent, 10, kernel), rtol=1e-12, atol=1e-12
    )


def test_cancelling_stops_every_thread():
    from geolib._progress import Progress
    from geolib.errors import CancelledError

    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3

    pts = _points(np.random.default_rng(2).uniform(0, 2000, size=(3000, 2)))
    with pytest.raises(CancelledError):
        kernel_density(pts, radius=200, pixel_size=5, threads=2, progress=Progress(None, cancelled))
