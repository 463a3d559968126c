"""Shared test set-up: headless Qt, a private QGIS profile, paths and example data.

QGIS itself is started only by the Processing and plugin tiers (see ``tests/_qgis.py``);
``tests/geolib`` runs without it.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QGIS switches GeoPackages it opens to WAL mode, which rewrites the bundled data on a
# mere read; with a journal mode set for GDAL it leaves them alone (also in subprocesses).
os.environ["OGR_SQLITE_JOURNAL"] = "DELETE"
# Each test session gets its own QGIS settings and profile, never the user's.
os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="sozialplanung-qgis-cfg-")

# Property tests draw the same examples on every run (``make test`` and CI give one
# answer for one commit); ``HYPOTHESIS_PROFILE=explore`` draws new ones at random, to
# search for counterexamples by hand. A counterexample found goes into an ``@example``.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
KREIS_GPKG = DATA / "kreis_pinneberg.gpkg"


@pytest.fixture(scope="session")
def examples(tmp_path_factory) -> dict[str, Path]:
    """The seeded synthetic example data, generated once per session."""
    from geolib.examples import write_examples

    out = tmp_path_factory.mktemp("examples")
    return write_examples(out, data_path=KREIS_GPKG)


@pytest.fixture(scope="session")
def gemeinden():
    """The 49 real municipalities of Kreis Pinneberg (EPSG:25832)."""
    from geolib.io import read_vector

    return read_vector(KREIS_GPKG, layer="gemeinden")


# --- the example Hilfeportal (geolib, Processing and plugin tests) -----------------------


@pytest.fixture(scope="module")
def offers(examples):
    """The generated example offers as a GeoDataFrame."""
    from geolib.io import read_vector

    return read_vector(examples["offers"])


@pytest.fixture(scope="module")
def services(offers):
    """The example offers as HSDS services, as the example server serves them."""
    from geolib.hilfeportal_server import offers_to_services

    return offers_to_services(offers)


@pytest.fixture
def server(services):
    """A real example Hilfeportal server on loopback, for one test."""
    from geolib.hilfeportal_server import HilfeportalServer

    with HilfeportalServer(services) as srv:
        yield srv


# --- a throw-away PostgreSQL server (PostGIS, pgRouting) ------------------------------------


@pytest.fixture(scope="session")
def postgres():
    """A private PostgreSQL server for the session (see ``tests/_postgres.py``).

    Skipped where the server binaries are not installed (the Debian roots), unless
    ``SOZIALPLANUNG_REQUIRE_POSTGRES=1`` (``make test-host``) demands them.
    """
    from tests._postgres import PostgresCluster, skip_or_fail, unavailable

    reason = unavailable(("postgis",))
    if reason:
        skip_or_fail(reason)
    with PostgresCluster() as cluster:
        yield cluster


# --- a small disk that can be filled (the disk-full cases) ----------------------------------


@pytest.fixture
def small_disk(request, tmp_path):
    """A tmpfs of 16 MB (another size: parametrize ``small_disk`` indirectly, "64m";
    mounted as root, skipped otherwise) and ``fill(free)``, which leaves only ``free``
    bytes on it (called again, it frees or fills to the new amount)."""
    size = getattr(request, "param", "16m")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs for the disk-full cases: {done.stderr.strip()}")

    def fill(free: int) -> None:
        filler = mount / "filler"
        filler.touch()
        with open(filler, "r+b") as f:
            f.truncate(0)
            f.flush()
            stat = os.statvfs(mount)
            f.write(b"\0" * max(stat.f_bavail * stat.f_frsize - free, 0))

    try:
        yield mount, fill
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
