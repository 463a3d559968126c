"""The compiled kernel density (numba) against the numpy path: same values, same notes."""

import contextlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from geolib import _accel
from geolib.kernel_density import (
    KERNELS,
    OUTPUT_VALUES,
    _kernel_integral,
    _kernel_raw,
    kernel_density,
    uses_numba,
)

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not uses_numba(), reason="numba is not installed or switched off by GEOLIB_NO_NUMBA"
)


@contextlib.contextmanager
def numpy_path():
    old = os.environ.get(_accel.DISABLE_ENV)
    os.environ[_accel.DISABLE_ENV] = "1"
    try:
        assert not uses_numba()
        yield
    finally:
        if old is None:
            del os.environ[_accel.DISABLE_ENV]
        else:
            os.environ[_accel.DISABLE_ENV] = old


def both(pts, **kwargs):
    """(compiled, numpy) results of the same call."""
    compiled = kernel_density(pts, **kwargs)
    with numpy_path():
        plain = kernel_density(pts, **kwargs)
    return compiled, plain


def abs_terms(xy, w, r, kernel, decay, output, ps, extent):
    """Σ |w_i K(u_i) / s_i| at every pixel centre: the scale of rounding errors."""
    xmin, ymin, xmax, ymax = extent
    cols, rows = int(np.ceil((xmax - xmin) / ps - 1e-9)), int(np.ceil((ymax - ymin) / ps - 1e-9))
    cx = xmin + (np.arange(cols) + 0.5) * ps
    cy = ymax - (np.arange(rows) + 0.5) * ps
    out = np.zeros((rows, cols))
    factor = {"raw": 1.0, "scaled": 1.0, "per_cell": ps * ps, "per_km2": 1e6}[output]
    for (px, py), wi, ri in zip(xy, w, r):
        u = ((cy[:, None] - py) ** 2 + (cx[None, :] - px) ** 2) / ri**2
        k = np.abs(_kernel_raw(kernel, np.minimum(u, 1.0), decay)) * (u <= 1 + 1e-9)
        s = 1.0 if output == "raw" else float(_kernel_integral(kernel, np.array(ri), decay))
        out += abs(wi) * factor / s * k
    return out


def assert_same(compiled, plain, scale):
    """|compiled - numpy| ≤ 1e-12 of the sum of |terms| at every pixel."""
    assert compiled.array.shape == plain.array.shape
    assert compiled.transform == plain.transform
    diff = np.abs(compiled.array - plain.array)
    assert np.all(diff <= 1e-12 * scale), float((diff / np.maximum(scale, 1e-300)).max())


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(-90, 190),  # points inside, near the edges and outside the extent
            st.floats(-90, 190),
            st.floats(2, 60),
            st.floats(-2, 5),
        ),
        min_size=1,
        max_size=25,
    ),
    st.sampled_from(KERNELS),
    st.sampled_from(OUTPUT_VALUES),
    st.floats(-0.4, 1.5),
    st.sampled_from([5.0, 7.3, 10.0, 12.5]),
    st.sampled_from([1, 2, 3]),
)
def test_compiled_and_numpy_paths_give_the_same_values(rows, kernel, output, decay, ps, threads):
    xy = [(x, y) for x, y, _, _ in rows]
    w = np.array([wi for _, _, _, wi in rows])
    if not np.any(w != 0):
        w[0] = 1.0
    pts = gpd.GeoDataFrame(
        {"r": [r for _, _, r, _ in rows], "w": w},
        geometry=[Point(x, y) for x, y in xy],
        crs=25832,
    )
    kwargs = dict(
        radius_field="r",
        pixel_size=ps,
        kernel=kernel,
        decay=decay,
        output=output,
        extent=(0.0, 0.0, 100.0, 100.0),
    )
    compiled, plain = both(pts, weight_field="w", threads=threads, **kwargs)
    r = [r for _, _, r, _ in rows]
    scale = abs_terms(xy, w, r, kernel, decay, output, ps, kwargs["extent"])
    assert_same(compiled, plain, scale)
    assert compiled.notes == plain.notes
    if np.all(w >= 0) and (kernel != "triangular" or decay >= 0):  # all terms ≥ 0
        rel = np.abs(compiled.array - plain.array) / np.maximum(np.abs(plain.array), 1e-300)
        assert rel.max() <= 1e-12


@pytest.mark.parametrize("kernel", KERNELS)
def test_many_points_with_one_radius_agree(kernel):
    """The benchmark's setting in small: 500 m radius, 25 m pixels, 3,000 points."""
    rng = np.random.default_rng(5)
    xy = rng.uniform(0, 8000, size=(3000, 2))
    pts = gpd.GeoDataFrame(
        {"cap": rng.integers(1, 40, 3000).astype(float)},
        geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]),
        crs=25832,
    )
    compiled, plain = both(
        pts, radius=500, pixel_size=25, weight_field="cap", kernel=kernel, decay=0.2
    )
    assert_same(compiled, plain, np.abs(plain.array))
    assert compiled.array.max() > 0


@pytest.mark.parametrize("kernel", ["quartic", "gaussian", "triangular"])
def test_compiled_values_do_not_depend_on_threads(kernel):
    """Each thread owns a band of rows and adds the points in the same order: equal bits."""
    rng = np.random.default_rng(8)
    xy = rng.uniform(-50, 650, size=(400, 2))
    pts = gpd.GeoDataFrame(
        {"w": rng.uniform(-1, 3, 400), "r": rng.uniform(10, 90, 400)},
        geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]),
        crs=25832,
    )
    kwargs = dict(radius_field="r", weight_field="w", pixel_size=7, kernel=kernel, decay=0.5)
    one = kernel_density(pts, threads=1, **kwargs).array
    for threads in (2, 3, 8):
        assert np.array_equal(kernel_density(pts, threads=threads, **kwargs).array, one)


def test_environment_variable_switches_numba_off(monkeypatch):
    monkeypatch.setenv(_accel.DISABLE_ENV, "1")
    assert not uses_numba()
    monkeypatch.setenv(_accel.DISABLE_ENV, "0")
    assert uses_numba()


def test_read_only_install_without_a_writable_cache_still_computes(tmp_path):
    """geolib in a read-only directory, no writable user cache: compiled without a cache."""
    site = tmp_path / "site"
    shutil.copytree(ROOT / "geolib", site / "geolib", ignore=shutil.ignore_patterns("__pycache__"))
    home = tmp_path / "home"
    home.mkdir()
    # files where the cache directories would be: unwritable even for root
    (site / "geolib" / "__pycache__").write_text("")
    (home / ".cache").write_text("")
    for p in [home, site, *site.rglob("*")]:
        p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NUMBA_CACHE_DIR", "XDG_CACHE_HOME", _accel.DISABLE_ENV)
    }
    env.update(HOME=str(home), PYTHONPATH=str(site), PYTHONDONTWRITEBYTECODE="1")
    code = (
        "import geopandas as gpd, geolib.kernel_density as d\n"
        f"assert d.__file__.startswith({str(site)!r}), d.__file__\n"
        "pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy([5.0], [5.0]), crs=25832)\n"
        "r = d.kernel_density(pts, radius=10, pixel_size=5, extent=(0, 0, 10, 10))\n"
        "assert d.uses_numba()\n"
        "print(r.array.tolist())\n"
    )
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=tmp_path,
        )
    finally:
        for p in [home, site, *site.rglob("*")]:
            p.chmod(p.stat().st_mode | stat.S_IWUSR)
    assert proc.returncode == 0, proc.stderr[-2000:]
    quartic = (1 - 12.5 / 100) ** 2  # each pixel centre is √(2.5² + 2.5²) m from the point
    assert proc.stdout.strip() == str([[quartic, quartic], [quartic, quartic]])
    assert not list(tmp_path.rglob("*.nbi"))
