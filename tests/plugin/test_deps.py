"""The dependency check and its install advice: per platform as text, and for real in
qgis_process with QGIS's own Python (missing and too old packages)."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from sozialplanung_plugin import deps
from sozialplanung_plugin.requirements import (
    REQUIREMENTS,
    debian_command,
    debian_packages,
    main,
    osgeo4w_packages,
    requirements,
    version_at_least,
)
from tests.plugin._helpers import build_zip, fresh_profile, qgis_env, qgis_process, run_desktop

NATIVE = {r.distribution for r in REQUIREMENTS if r.native}
BY_NAME = {r.distribution: r for r in REQUIREMENTS}

#: what Debian 12 (bookworm) and Debian 13 (trixie) offer, as ``apt-cache policy`` says
BOOKWORM = {
    "python3-numpy": "1:1.24.2-1+deb12u1",
    "python3-pandas": "1.5.3+dfsg-2",
    "python3-shapely": "1.8.5-2+b1",
    "python3-pyogrio": "",
    "python3-pyproj": "3.4.1-1+b1",
    "python3-geopandas": "0.12.2-1",
    "python3-rasterio": "1.3.5-1+b1",
    "python3-scipy": "1.10.1-2",
    "python3-openpyxl": "3.0.9-1",
    "python3-numba": "0.56.4+dfsg-2",
}
TRIXIE = {
    "python3-numpy": "1:2.2.4+ds-1",
    "python3-pandas": "2.2.3+dfsg-9",
    "python3-shapely": "2.1.0-1",
    "python3-pyogrio": "0.10.0-2",
    "python3-pyproj": "3.7.1-1",
    "python3-geopandas": "1.0.1-5",
    "python3-rasterio": "1.4.3-1",
    "python3-scipy": "1.15.2-2",
    "python3-openpyxl": "3.1.5+dfsg-1",
    "python3-numba": "0.61.2+dfsg-1",
}


def _bad(**found: str | None) -> list[deps.Status]:
    """Statuses as the check makes them: None = missing, else the version found."""
    out = []
    for name, version in found.items():
        req = BY_NAME[name]
        problem = "missing" if version is None else "too_old"
        out.append(deps.Status(req, version, problem))
    return out


def _pip_commands(text: str) -> list[list[str]]:
    """Every pip install command in ``text``, split into words."""
    commands = []
    for match in re.finditer(r"pip install[^&;]*", text):
        commands.append(shlex.split(match.group(0)))
    return commands


def _assert_never_binary_wheels(text: str) -> None:
    """Every pip command builds each native package it may install from source."""
    for words in _pip_commands(text):
        assert "--no-binary" in words, words
        no_binary = set(words[words.index("--no-binary") + 1].split(","))
        assert no_binary >= NATIVE, words


def test_version_comparison():
    assert version_at_least("1:1.24.2-1+deb12u1", "1.22")
    assert version_at_least("2.0.0rc1", "2.0")
    assert version_at_least("0.10.0-2", "0.7.2")
    assert not version_at_least("0.12.2-1", "1.0")
    assert not version_at_least("1.8.5", "2.0")
    assert not version_at_least("", "1.0")


def test_a_version_that_says_nothing_is_not_too_old():
    assert not deps._known("0+unknown") and not deps._known("") and not deps._known(None)
    assert deps._known("2.1.0")
    numpy = deps.check_one(BY_NAME["numpy"])  # a real one, for contrast
    assert numpy.problem is None and deps._known(numpy.found)


def test_windows_advice_names_osgeo4w_packages_and_setup():
    bad = _bad(rasterio=None, geopandas="0.14.4")
    text = deps.advice(bad, deps.Platform("windows", osgeo4w_root=r"C:\Program Files\QGIS 3.40"))
    assert r"C:\Program Files\QGIS 3.40\bin\setup.bat" in text
    assert "Advanced Install" in text
    assert "python3-rasterio" in text and "python3-geopandas" in text
    assert not _pip_commands(text)
    # without OSGEO4W_ROOT the Start menu entry is named
    assert "Start menu" in deps.advice(bad, deps.Platform("windows"))


def test_debian_with_new_enough_packages_gets_one_apt_command():
    bad = _bad(pyogrio=None, rasterio=None)
    platform = deps.Platform(
        "linux", "debian", (), "Debian GNU/Linux 13 (trixie)", TRIXIE, python=(3, 13)
    )
    text = deps.advice(bad, platform)
    command = debian_command((3, 13))
    assert command in text
    assert command.split() == ["sudo", "apt", "install", *debian_packages(optional=False)]
    assert "python3-numba" in text  # the optional packages come as a second command
    assert "upgrade" not in text
    _assert_never_binary_wheels(text)


def test_ubuntu_counts_as_debian_like():
    platform = deps.Platform("linux", "linuxmint", ("ubuntu", "debian"), "Linux Mint 22", TRIXIE)
    assert debian_command() in deps.advice(_bad(geopandas=None), platform)


def test_debian_12_is_told_to_upgrade_with_an_expert_way_without_wheels():
    bad = _bad(geopandas="0.12.2", shapely="1.8.5", pyogrio=None, rasterio=None)
    platform = deps.Platform(
        "linux", "debian", (), "Debian GNU/Linux 12 (bookworm)", BOOKWORM, python=(3, 11)
    )
    text = deps.advice(bad, platform)
    assert "Debian 13" in text
    assert "python3-geopandas 0.12.2" in text and "no python3-pyogrio" in text
    assert "geopandas 1.0 or newer" in text and "shapely 2.0 or newer" in text
    _assert_never_binary_wheels(text)
    (pip,) = _pip_commands(text)
    # what apt has new enough is pinned to Debian's version, so pip keeps it
    assert "pyproj==3.4.1" in pip and "numpy==1.24.2" in pip
    assert not any(w.startswith("rasterio") for w in pip)  # Debian 12's 1.3.5 is enough
    assert {"shapely>=2.0,<3", "pyogrio>=0.7.2,<1", "geopandas>=1.0,<2"} <= set(pip)
    assert "pandas>=2.0,<3" in pip  # Debian 12's pandas 1.5 is too old (no wheel with GDAL)
    apt = text.split(" && ")[0].rsplit(": ", 1)[1]
    for package in ("libgeos-dev", "libgdal-dev", "build-essential", "python3-rasterio"):
        assert package in apt.split()


def test_debian_12_after_the_expert_way_gets_only_what_apt_has():
    """Only rasterio is missing, and Debian 12's is new enough: apt for it alone (the
    whole list would fail there: Debian 12 has no python3-pyogrio)."""
    platform = deps.Platform("linux", "debian", (), "Debian 12", BOOKWORM, python=(3, 11))
    text = deps.advice(_bad(rasterio=None), platform)
    assert "sudo apt install python3-rasterio (" in text
    assert "python3-pyogrio" not in text
    assert "python3-openpyxl" in text and "python3-numba" not in text  # 0.56: too old


def test_macos_and_other_linux_say_what_is_known():
    mac = deps.advice(_bad(geopandas=None), deps.Platform("macos"))
    assert "not tested" in mac and "conda-forge" in mac
    fedora = deps.advice(_bad(geopandas=None), deps.Platform("linux", "fedora", (), "Fedora 41"))
    assert "geopandas" in fedora and "apt" not in fedora
    for text in (mac, fedora):
        _assert_never_binary_wheels(text)


def test_advice_is_translated():
    from sozialplanung_plugin.i18n import install_translator, remove_translator

    translator = install_translator("de")
    try:
        text = deps.problem_message(_bad(geopandas="0.12.2"), deps.Platform("macos"))
    finally:
        remove_translator(translator)
    assert "geopandas 0.12.2" in text
    assert "conda-forge" in text and "nicht getestet" in text


def test_requirements_script_commands(capsys):
    assert main(["debian-packages"]) == 0
    packages = capsys.readouterr().out.split()
    assert packages == debian_packages()
    assert {"python3-geopandas", "python3-pyogrio", "python3-networkx"} <= set(packages)
    assert main(["debian-command"]) == 0
    assert capsys.readouterr().out.strip() == debian_command()
    assert main(["osgeo4w-packages"]) == 0
    assert capsys.readouterr().out.split() == osgeo4w_packages()
    assert "python3-networkx" not in osgeo4w_packages()  # the plugin does not use it
    assert main(["nonsense"]) == 2


def test_pyproject_has_the_same_minimums():
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    from tests.conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["networkx"]
    minimums = {}
    for spec in specs:
        match = re.match(r"([A-Za-z0-9_.-]+)>=([0-9.]+)", spec)
        if match:
            minimums[match.group(1).lower()] = match.group(2)
    for req in REQUIREMENTS:
        assert minimums.get(req.distribution) == req.minimum, req.distribution
    assert "networkx" not in " ".join(project["dependencies"])  # an extra, not required


# --- for real: QGIS's own Python, without the venv's packages -----------------------------
PROBE = """
import importlib.metadata as m, json, sys
found = {}
for name in sys.argv[1:]:
    try:
        found[name] = m.version(name)
    except m.PackageNotFoundError:
        found[name] = None
print(json.dumps({"python": sys.version_info[:2], "found": found}))
"""


def _qgis_python_versions() -> dict[str, str | None]:
    """The versions QGIS's Python (/usr/bin/python3, no venv) has, read independently."""
    names = [r.distribution for r in REQUIREMENTS]
    probe = subprocess.run(
        ["/usr/bin/python3", "-c", PROBE, *names],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=True,
    )
    result = json.loads(probe.stdout)
    python = tuple(result["python"])
    needed = requirements(required=True, plugin=True, python=python)
    return {r.distribution: result["found"][r.distribution] for r in needed}


def test_missing_and_too_old_packages_are_named_and_qgis_keeps_working(tmp_path):
    found = _qgis_python_versions()
    missing = [n for n, v in found.items() if v is None]
    too_old = {  # "0+unknown" (Debian sid's shapely) cannot be told too old
        n: v
        for n, v in found.items()
        if v and "unknown" not in v and not version_at_least(v, BY_NAME[n].minimum)
    }
    config, _ = fresh_profile(tmp_path, build_zip(tmp_path))
    enabled = qgis_process(config, "plugins", "enable", "sozialplanung", with_dependencies=False)
    listing = qgis_process(config, "list", with_dependencies=False)
    assert listing.returncode == 0 and enabled.returncode == 0, listing.stderr
    assert "native:buffer" in listing.stdout
    text = listing.stdout + listing.stderr
    assert "Traceback" not in text and "double free" not in text
    if not missing and not too_old:
        pytest.skip("QGIS's Python has every package, new enough; nothing to report")
    assert "sozialplanung:" not in listing.stdout  # no provider whose algorithms all fail
    assert "Sozialplanung's tools cannot start" in text
    for name in missing:
        assert name in text
    for name, version in too_old.items():
        assert f"{name} {version} (needs {BY_NAME[name].minimum} or newer)" in text
    # the advice of this platform (the host and the roots are Debian)
    release = deps._os_release()
    if release.get("ID") == "debian" and release.get("VERSION_ID") == "12":
        assert "Debian 13" in text and "--no-binary" in text
        _assert_never_binary_wheels(text)
    else:
        assert debian_command() in text


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run (package xvfb) missing")
def test_qgis_desktop_shows_the_message_and_exits_cleanly(tmp_path):
    found = _qgis_python_versions()
    if all(
        v and ("unknown" in v or version_at_least(v, BY_NAME[n].minimum)) for n, v in found.items()
    ):
        pytest.skip("QGIS's Python has every package, new enough; nothing to report")
    config, _ = fresh_profile(tmp_path, build_zip(tmp_path))
    ini = config / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\nsozialplanung=true\n", encoding="utf-8")
    result_file = tmp_path / "result.json"
    env = qgis_env(config, with_dependencies=False)
    env.pop("QT_QPA_PLATFORM")  # a real X display from xvfb-run
    env["SOZ_RESULT"] = str(result_file)
    proc = run_desktop(config, Path(__file__).with_name("desktop_missing_driver.py"), env)
    assert result_file.exists(), proc.stdout[-3000:] + proc.stderr[-3000:]
    result = json.loads(result_file.read_text())
    assert "error" not in result, result.get("error")
    assert result["loaded"] and not result["provider"]
    (message,) = [m for m in result["messages"] if "Sozialplanung's tools cannot start" in m]
    for name, version in found.items():
        if version is None:
            assert name in message
    assert "sudo apt install" in message  # this platform's (Debian's) way
    assert "Sozialplanung tools (Processing)" in result["menu"]  # the plugin stays usable
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
