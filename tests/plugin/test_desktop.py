"""The plugin in real QGIS desktop (under Xvfb): menu, provider, clean unload, reload."""

import contextlib
import json
import shutil
from pathlib import Path

import pytest

from tests.plugin._helpers import build_zip, fresh_profile, qgis_env, run_desktop

DRIVER = __file__.replace("test_desktop.py", "desktop_driver.py")


@pytest.mark.skipif(
    shutil.which("xvfb-run") is None, reason="xvfb-run (Debian package xvfb) missing"
)
def test_plugin_loads_unloads_and_reloads_in_qgis_desktop(tmp_path):
    config, _ = fresh_profile(tmp_path, build_zip(tmp_path))
    ini = config / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\nsozialplanung=true\n", encoding="utf-8")
    result_file = tmp_path / "result.json"
    env = qgis_env(config)
    env["SOZ_RESULT"] = str(result_file)
    proc = run_desktop(config, DRIVER, env)
    assert result_file.exists(), proc.stdout[-3000:] + proc.stderr[-3000:]
    result = json.loads(result_file.read_text())
    assert "error" not in result, result.get("error")
    assert result["loaded_at_start"] and result["provider_at_start"]
    assert result["algorithm"] == "Offers per inhabitants"
    assert result["model_group"] == ["sozialplanung", "Sozialplanung"]
    assert "Sozialplanung tools (Processing)" in result["menu_at_start"]
    assert result["unloaded"] is True
    assert result["provider_after_unload"] is False
    assert "Sozialplanung tools (Processing)" not in result["menu_after_unload"]
    assert result["restarted"] is True and result["provider_after_reload"] is True
    assert result["dock_at_start"] == ["Hilfeportal"] and result["dock_actions_at_start"] == 1
    assert "Hilfeportal" in result["menu_at_start"]
    assert result["dock_after_unload"] == [] and result["dock_actions_after_unload"] == 0
    assert "Hilfeportal" not in result["menu_after_unload"]
    assert result["dock_after_reload"] == ["Hilfeportal"]
    _assert_density_with_numba(result)


def _assert_density_with_numba(result):
    """The compiled kernel density ran inside QGIS desktop and gave the library's values."""
    import geopandas as gpd
    import numpy as np
    import rasterio

    from geolib.kernel_density import kernel_density, uses_numba

    assert result["density_numba"] == uses_numba()
    xy = [(1000 + (i * 37) % 400, 2000 + (i * 53) % 300) for i in range(40)]
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(*zip(*xy)), crs=25832)
    expected = kernel_density(pts, radius=80.0, pixel_size=10.0).array
    with rasterio.open(result["density_tif"]) as src:
        got = src.read(1)
    assert got.shape == expected.shape
    # written as float32, as QGIS's heatmap: the library's values rounded (one unit in the
    # last place for a value at a rounding boundary)
    assert got.dtype == np.float32
    np.testing.assert_array_max_ulp(got, expected.astype(np.float32), maxulp=1)
    if result["opengl"]:
        # Mesa's software OpenGL (llvmpipe) brings its own LLVM; llvmlite's lives beside it
        assert any(lib.startswith("libLLVM") for lib in result["llvm_libraries"])
    if uses_numba():
        assert any("llvmlite" in lib for lib in result["llvm_libraries"]), result["llvm_libraries"]


@pytest.mark.skipif(
    shutil.which("xvfb-run") is None, reason="xvfb-run (Debian package xvfb) missing"
)
def test_a_hanging_qgis_is_reported_with_its_stacks_and_ended(tmp_path):
    """A QGIS desktop that does not end (a modal error dialog, a deadlock) fails the test
    with the Python stack of each thread, and neither QGIS nor its X server stays."""
    config = tmp_path / "qgis-config"
    config.mkdir()
    driver = tmp_path / "hang.py"
    driver.write_text(
        "import threading, time\n"
        "def waiting_worker():\n    time.sleep(600)\n"
        "threading.Thread(target=waiting_worker, daemon=True).start()\n"
        "def waiting_main():\n    time.sleep(600)\n"
        "waiting_main()\n",
        encoding="utf-8",
    )
    servers = _programs("Xvfb")
    with pytest.raises(AssertionError, match="did not end within 30 s") as failure:
        run_desktop(config, driver, qgis_env(config), timeout=30)
    assert "in waiting_main" in str(failure.value)
    assert "in waiting_worker" in str(failure.value)
    assert _programs(str(config)) == []  # QGIS ended
    assert set(_programs("Xvfb")) <= set(servers)  # and its X server (others may end)


def _programs(part: str) -> list[str]:
    """The command lines of the running programs that contain ``part``."""
    found = []
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError):  # ended meanwhile
            if entry.name.isdigit():
                line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                if part in line:
                    found.append(line)
    return sorted(found)
