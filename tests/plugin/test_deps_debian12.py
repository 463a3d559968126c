"""Debian 12's expert advice, run as printed: pip builds what Debian 12 lacks from source
(into a private user site) and the plugin then works in qgis_process, exiting 0.

Slow (shapely and pyogrio compile: minutes) and only where it means something: on
Debian 12 with the advice's apt part installed (it needs root, so it is not run here).
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
from pathlib import Path

import pytest

from sozialplanung_plugin import deps
from sozialplanung_plugin.requirements import debian_expert_commands
from tests.plugin._helpers import QGIS_PROCESS, build_zip, fresh_profile, offersperpopulation_args

pytestmark = pytest.mark.slow


def _commands() -> tuple[list[str], str]:
    release = deps._os_release()
    if (release.get("ID"), release.get("VERSION_ID")) != ("debian", "12"):
        pytest.skip("the expert advice is Debian 12's")
    platform = deps.current_platform()
    apt, pip = debian_expert_commands(platform.apt_versions, platform.python)
    packages = shlex.split(apt)[3:]  # sudo apt install ...
    absent = [
        p
        for p in packages
        if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0
    ]
    if absent:
        pytest.skip("the advice's apt part is not installed: " + " ".join(absent))
    return packages, pip


def test_debian_12_expert_advice_gives_a_working_plugin(tmp_path, examples):
    _, pip = _commands()
    assert "--no-binary" in pip and pip.startswith("python3 -m pip install --user")
    env = {
        "PATH": "/usr/bin:/bin",  # the system's python3, as for a user
        "HOME": str(tmp_path / "home"),
        "PYTHONUSERBASE": str(tmp_path / "user"),  # the user site, private to this test
        "LANG": "C.UTF-8",
    }
    built = subprocess.run(
        ["bash", "-c", pip], env=env, capture_output=True, text=True, timeout=1800
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    config, _ = fresh_profile(tmp_path, build_zip(tmp_path))
    qgis_env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        **env,
        "QT_QPA_PLATFORM": "offscreen",
        "QGIS_CUSTOM_CONFIG_PATH": str(config),
    }

    def qgis(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [QGIS_PROCESS, *args], env=qgis_env, capture_output=True, text=True, timeout=600
        )

    assert qgis("plugins", "enable", "sozialplanung").returncode == 0
    out = Path(tmp_path) / "opp.gpkg"
    run = qgis(*offersperpopulation_args(examples["offers"], out))
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-3000:]
    assert "double free" not in run.stderr and "cannot start" not in run.stderr
    assert json.loads(run.stdout)["results"]["OUTPUT"].startswith(str(out))
