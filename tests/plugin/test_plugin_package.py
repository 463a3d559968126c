"""The zip is a clean, shippable plugin.

It passes the plugin repository's checks, carries the one version, leaves the
development-only modules out, every module in it imports, and its packages live
inside the plugin package: another package named ``geolib`` stays what it is.
"""

from __future__ import annotations

import configparser
import importlib.util
import json
import subprocess
import sysconfig
import textwrap
import zipfile

import pytest
import tomllib

from tests.conftest import KREIS_GPKG, ROOT
from tests.plugin._helpers import QGIS_PROCESS, build_zip, fresh_profile, qgis_env
from tests.plugin._repository_checks import repository_problems

DEV_ONLY = ("geolib/examples", "geolib/hilfeportal_server.py")
OWN = ("geolib", "processing_algorithms", "sozialplanung_plugin")


def _build_module():
    spec = importlib.util.spec_from_file_location("build_plugin", ROOT / "scripts/build_plugin.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("package")
    zip_path = build_zip(base)
    config, plugin_dir = fresh_profile(base, zip_path)
    return zip_path, config, plugin_dir


def test_the_zip_passes_the_plugin_repository_checks(built):
    zip_path, _, _ = built
    assert repository_problems(zip_path) == []


def test_the_repository_checks_find_what_the_repository_refuses(tmp_path):
    """The checks are not empty: a zip with the usual mistakes fails each of them."""
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("My-Plugin/__init__.py", "")
        zf.writestr("My-Plugin/__pycache__/x.cpython-311.pyc", b"")
        zf.writestr("__MACOSX/._x", b"")
        zf.writestr(
            "My-Plugin/metadata.txt",
            "[general]\nname=x\nversion=1.0 beta\nauthor=a/b\nemail=nobody\n"
            "repository=http://repo\ntracker=bugs\nicon=icon.png\nexperimental=maybe\n",
        )
    problems = "\n".join(repository_problems(bad))
    for expected in (
        ".pyc file",
        "__pycache__ directory",
        "__MACOSX directory",
        "not one top folder",
        "PEP 8",
        "LICENSE missing",
        "'description' missing",
        "'about' missing",
        "'qgisMinimumVersion' missing",
        "'repository' is not a valid URL",
        "'tracker' is not a valid URL",
        "author name contains a slash",
        "email 'nobody'",
        "'version' is not a dotted version",
        "'experimental' is not a boolean",
        "icon 'icon.png' is not in the zip",
    ):
        assert expected in problems, expected


def test_the_version_lives_in_geolib_only(built):
    import geolib
    from geolib.io import METHOD_VERSION

    zip_path, _, _ = built
    source = (ROOT / "metadata.txt").read_text(encoding="utf-8")
    assert not [line for line in source.splitlines() if line.startswith("version")]
    parser = configparser.ConfigParser()
    with zipfile.ZipFile(zip_path) as zf:
        parser.read_string(zf.read("sozialplanung/metadata.txt").decode("utf-8"))
    assert parser["general"]["version"] == geolib.__version__
    assert geolib.__version__ == METHOD_VERSION
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "geolib.__version__"}


def test_a_second_version_in_metadata_fails_the_build(tmp_path):
    build = _build_module()
    metadata = tmp_path / "metadata.txt"
    metadata.write_text("[general]\nname=x\nversion=9.9\n", encoding="utf-8")
    with pytest.raises(build.BuildError, match="remove 'version='"):
        build.metadata_text(metadata)


def test_the_model_is_in_the_zip(built):
    _, _, plugin_dir = built
    assert (plugin_dir / "models" / "sozialplanungsatlas.model3").read_bytes() == (
        ROOT / "models" / "sozialplanungsatlas.model3"
    ).read_bytes()


def test_development_modules_stay_out(built):
    _, _, plugin_dir = built
    for name in DEV_ONLY:
        assert (ROOT / name).exists(), name  # still in the source tree for tests and demo
        assert not (plugin_dir / name).exists(), name
    assert not list(plugin_dir.rglob("*.pyc"))


def test_the_build_refuses_a_module_that_needs_what_is_left_out():
    build = _build_module()
    contents = {
        "geolib/__init__.py": b"",
        "geolib/io.py": b"from .examples import write_examples\n",
        "processing_algorithms/__init__.py": b"",
        "processing_algorithms/a.py": b"import importlib\nimportlib.import_module('geolib.io')\n",
        "processing_algorithms/b.py": b"from sozialplanung.geolib.nowhere import x\n",
    }
    with pytest.raises(build.BuildError) as error:
        build.check_modules(contents)
    text = str(error.value)
    assert "geolib/io.py: imports sozialplanung.geolib.examples, a development-only" in text
    assert "processing_algorithms/a.py:2: 'geolib.io'" in text
    assert "b.py: imports sozialplanung.geolib.nowhere, which is not in the plugin" in text


IMPORT_ALL = """
import importlib, json, sys
from pathlib import Path

plugins, names = Path(sys.argv[1]), sys.argv[2:]
sys.path.insert(0, str(plugins))
failed = {}
for name in names:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed[name] = f"{type(exc).__name__}: {exc}"
print(json.dumps({"failed": failed, "modules": sorted(sys.modules)}))
"""


def test_every_module_in_the_zip_imports_under_the_plugin_package(built, tmp_path):
    """In QGIS's own Python, from the unpacked zip alone; no bare ``geolib`` appears."""
    _, _, plugin_dir = built
    names = []
    for path in sorted(plugin_dir.rglob("*.py")):
        parts = ["sozialplanung", *path.relative_to(plugin_dir).with_suffix("").parts]
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    if importlib.util.find_spec("numba") is None:
        names.remove("sozialplanung.geolib._kde_numba")  # optional: imports numba
    proc = subprocess.run(
        ["/usr/bin/python3", "-c", IMPORT_ALL, str(plugin_dir.parent), *names],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # not the source tree
        env=qgis_env(tmp_path / "config"),
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.splitlines()[-1])
    assert result["failed"] == {}
    assert len(names) > 40
    assert not [m for m in result["modules"] if m.split(".")[0] in OWN]


# --- another package named geolib, next to the plugin ------------------------------------------

OTHER_GEOLIB = '''\
"""Not ours: a different package that happens to be called geolib."""
WHO = "the other geolib"
'''

#: a plugin of someone else that uses that geolib, with an algorithm that reports what
#: ``import geolib`` gives and runs one of ours in the same QGIS Python
OTHER_PLUGIN = """\
import geolib

from qgis.core import (
    QgsApplication, QgsProcessingAlgorithm, QgsProcessingContext, QgsProcessingFeedback,
    QgsProcessingOutputString, QgsProcessingParameterString, QgsProcessingProvider,
)


class Probe(QgsProcessingAlgorithm):
    def name(self):
        return "probe"

    def displayName(self):
        return "probe"

    def createInstance(self):
        return Probe()

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString("PARAMS", "parameters as JSON"))
        self.addOutput(QgsProcessingOutputString("REPORT", "report"))

    def processAlgorithm(self, parameters, context, feedback):
        import json, sys

        ours = QgsApplication.processingRegistry().createAlgorithmById(
            "sozialplanung:offersperpopulation"
        )
        params = json.loads(self.parameterAsString(parameters, "PARAMS", context))
        results, ok = ours.run(params, QgsProcessingContext(), QgsProcessingFeedback())
        import geolib as now

        report = {
            "ok": ok,
            "output": results.get("OUTPUT"),
            "geolib_at_load": geolib.__file__,
            "geolib_now": now.__file__,
            "who": now.WHO,
            "ours": sys.modules["sozialplanung.geolib"].__file__,
        }
        return {"REPORT": json.dumps(report)}


class Provider(QgsProcessingProvider):
    def id(self):
        return "othergeolib"

    def name(self):
        return "other geolib"

    def loadAlgorithms(self):
        self.addAlgorithm(Probe())


class Plugin:
    def __init__(self, iface):
        self.provider = None

    def initProcessing(self):
        self.provider = Provider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):
        self.initProcessing()

    def unload(self):
        QgsApplication.processingRegistry().removeProvider(self.provider)


def classFactory(iface):
    return Plugin(iface)
"""


def test_another_geolib_is_not_shadowed(built, examples, tmp_path):
    """Our algorithms run, and ``import geolib`` in the same QGIS Python gives the other one."""
    zip_path, _, _ = built
    config, plugin_dir = fresh_profile(tmp_path, zip_path)
    other = tmp_path / "site"
    (other / "geolib").mkdir(parents=True)
    (other / "geolib" / "__init__.py").write_text(OTHER_GEOLIB, encoding="utf-8")
    plugin = plugin_dir.parent / "aaa_other_geolib_user"
    plugin.mkdir()
    (plugin / "__init__.py").write_text(OTHER_PLUGIN, encoding="utf-8")
    (plugin / "metadata.txt").write_text(
        textwrap.dedent(
            """\
            [general]
            name=Other geolib user
            qgisMinimumVersion=3.0
            description=test
            version=1.0
            author=test
            email=test@example.org
            hasProcessingProvider=yes
            """
        ),
        encoding="utf-8",
    )
    env = qgis_env(config)
    env["PYTHONPATH"] = f"{other}:{sysconfig.get_paths()['purelib']}"

    def run_qgis_process(*args: str) -> subprocess.CompletedProcess:
        command = [QGIS_PROCESS, *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)

    for name in ("aaa_other_geolib_user", "sozialplanung"):
        enabled = run_qgis_process("plugins", "enable", name)  # 3.40 loads it here already
        assert enabled.returncode == 0 or "already enabled" in enabled.stdout, enabled.stderr
    out = tmp_path / "opp.gpkg"
    params = {
        "OFFERS": str(examples["offers"]),
        "AREAS": f"{KREIS_GPKG}|layername=gemeinden",
        "POPULATION_FIELD": "EWZ_2018",
        "OUTPUT": str(out),
    }
    run = run_qgis_process(
        "--json", "run", "othergeolib:probe", "--", f"PARAMS={json.dumps(params)}"
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    report = json.loads(json.loads(run.stdout)["results"]["REPORT"])
    assert report["ok"] is True and report["output"] == str(out)
    from geolib.io import read_vector

    assert len(read_vector(out)) == 49
    expected = str(other / "geolib" / "__init__.py")
    assert report["geolib_at_load"] == expected and report["geolib_now"] == expected
    assert report["who"] == "the other geolib"
    assert report["ours"] == str(plugin_dir / "geolib" / "__init__.py")
