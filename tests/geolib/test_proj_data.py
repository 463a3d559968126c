"""PROJ's data is found in a fresh venv with system site packages, without PROJ_DATA."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pyproj import Transformer

from geolib._proj_data import candidate_dirs
from tests.conftest import ROOT

PROBE = """
import json, sys
import geolib  # finds proj.db for pyproj if pyproj cannot
import pyproj.datadir
from pyproj import Transformer
x, y = Transformer.from_crs(4326, 25832, always_xy=True).transform(9.8, 53.6)
print(json.dumps({"dir": pyproj.datadir.get_data_dir(), "xy": [x, y], "prefix": sys.prefix}))
"""


def _run_in_fresh_venv(tmp_path: Path, env_extra: dict[str, str] | None = None) -> dict:
    venv = tmp_path / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run(
        [base, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)], check=True
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PROJ_DATA", "PROJ_LIB")}
    env.update(PYTHONPATH=str(ROOT), **(env_extra or {}))
    run = subprocess.run(
        [str(venv / "bin" / "python"), "-W", "error::UserWarning", "-c", PROBE],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert "PROJ data directory not found" not in run.stderr
    result = json.loads(run.stdout)
    assert result["prefix"] == str(venv)  # really the venv, whose share/proj is empty
    return result


def test_a_fresh_venv_finds_proj_data_and_transforms(tmp_path):
    result = _run_in_fresh_venv(tmp_path)
    assert (Path(result["dir"]) / "proj.db").is_file()
    expected = Transformer.from_crs(4326, 25832, always_xy=True).transform(9.8, 53.6)
    assert result["xy"] == list(expected)
    # a real transformation, not the identity a PROJ without data gives back
    back = Transformer.from_crs(25832, 4326, always_xy=True).transform(*result["xy"])
    assert back == pytest.approx((9.8, 53.6))


def test_a_working_setup_is_kept(tmp_path):
    """PROJ_DATA set by the user is what pyproj uses, not a folder geolib picks."""
    own = next(p for p in candidate_dirs() if (p / "proj.db").is_file())
    copy = tmp_path / "my-proj"
    copy.mkdir()
    for f in own.iterdir():
        if f.is_file():
            (copy / f.name).symlink_to(f)
    result = _run_in_fresh_venv(tmp_path, {"PROJ_DATA": str(copy)})
    assert Path(result["dir"]) == copy


def test_osgeo4w_root_is_searched(monkeypatch, tmp_path):
    monkeypatch.setenv("OSGEO4W_ROOT", str(tmp_path))
    monkeypatch.delenv("PROJ_DATA", raising=False)
    monkeypatch.delenv("PROJ_LIB", raising=False)
    dirs = candidate_dirs()
    assert tmp_path / "share" / "proj" in dirs
    assert dirs.index(tmp_path / "share" / "proj") > dirs.index(Path("/usr/share/proj"))
