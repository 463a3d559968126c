"""A throw-away PostgreSQL server owned by the test run (PostGIS, pgRouting available).

:class:`PostgresCluster` runs ``initdb`` in a fresh temporary folder, starts the server
with ``pg_ctl`` on a Unix socket in that folder (and loopback TCP on a free port) and
stops it and removes the folder at the end. Nothing depends on a cluster configured on
the machine (Debian's ``main`` cluster is never touched). As root, the server runs as
the ``postgres`` user (``runuser -u postgres --``); as anyone else, as that user.

Clients: :meth:`PostgresCluster.psql` (Debian's ``psql`` CLI), :meth:`query` (rows as a
``pandas.DataFrame``), :meth:`conninfo` (a libpq connection string for psycopg, QGIS's
``postgres`` provider, GDAL's ``PG:`` or osm2pgrouting) and :attr:`socket_dir` with
:attr:`port` for tools that take host and port.

Used by the pytest fixture ``postgres`` (tests/conftest.py), which skips with the reason
from :func:`unavailable` when the server binaries are not installed (the Debian roots);
``SOZIALPLANUNG_REQUIRE_POSTGRES=1`` (set by ``make test-host``) turns that skip into a
failure, so the host's suite never silently leaves the comparison out.
"""

from __future__ import annotations

import contextlib
import glob
import io
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pandas as pd

#: Debian packages with the binaries (see APT_PACKAGES in the Makefile)
PACKAGES = "postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting"


def bin_dir() -> Path | None:
    """Debian's PostgreSQL server binaries (the newest installed version), or ``None``."""
    found = sorted(
        (Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    return found[-1] if found else None


def unavailable(extensions: tuple[str, ...] = ("postgis", "pgrouting")) -> str | None:
    """Why no test server can run here, or ``None`` when it can."""
    bins = bin_dir()
    if bins is None:
        return f"PostgreSQL server binaries not installed (Debian: {PACKAGES})"
    if shutil.which("psql") is None:
        return "psql not installed (Debian: postgresql-client)"
    share = Path("/usr/share/postgresql") / bins.parent.name / "extension"
    for ext in extensions:
        if not (share / f"{ext}.control").exists():
            return f"PostgreSQL extension {ext} not installed for version {bins.parent.name}"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root, but there is no 'postgres' user to run the server"
    return None


def skip_or_fail(reason: str, require: str = "SOZIALPLANUNG_REQUIRE_POSTGRES") -> None:
    """Skip a test for ``reason``, or fail it where the variable ``require`` is ``1``.

    ``SOZIALPLANUNG_REQUIRE_POSTGRES=1`` (the host and the Debian roots: PostgreSQL and
    PostGIS are installed in both) and ``SOZIALPLANUNG_REQUIRE_PGROUTING=1`` (the host only:
    pgRouting, osm2pgrouting and osmium for the routing comparison)."""
    import pytest

    if os.environ.get(require) == "1":
        pytest.fail(f"{require}=1, but {reason}")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresCluster:
    """A private PostgreSQL server in a temporary folder; use as a context manager."""

    superuser = "postgres"

    def __init__(self, base: str | os.PathLike | None = None) -> None:
        bins = bin_dir()
        if bins is None:
            raise RuntimeError(unavailable() or "no PostgreSQL")
        self.bin = bins
        # /tmp, not pytest's 0700 tmp folders: the postgres user must reach it
        self.base = Path(tempfile.mkdtemp(prefix="sozialplanung-pg-", dir=base))
        self.data_dir = self.base / "data"
        self.socket_dir = self.base
        self.log = self.base / "server.log"
        self.port = free_port()
        self._as_postgres = os.geteuid() == 0
        self.running = False

    # --- server ------------------------------------------------------------------------
    def _server_cmd(self, *args: str) -> list[str]:
        cmd = [str(a) for a in args]
        return ["runuser", "-u", "postgres", "--", *cmd] if self._as_postgres else cmd

    def _run_server(self, *args: str) -> None:
        proc = subprocess.run(self._server_cmd(*args), capture_output=True, text=True)
        if proc.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(
                f"{' '.join(args[:2])} failed ({proc.returncode}):\n{proc.stdout}\n"
                f"{proc.stderr}\n{log[-3000:]}"
            )

    def start(self) -> PostgresCluster:
        if self._as_postgres:
            pw = pwd.getpwnam("postgres")
            os.chown(self.base, pw.pw_uid, pw.pw_gid)
        os.chmod(self.base, 0o755)
        self._run_server(
            self.bin / "initdb",
            "-D",
            self.data_dir,
            "-U",
            self.superuser,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        options = (
            f"-k {self.socket_dir} -p {self.port} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run_server(
            self.bin / "pg_ctl", "start", "-w", "-D", self.data_dir, "-l", self.log, "-o", options
        )
        self.running = True
        return self

    def stop(self) -> None:
        if self.running:
            with contextlib.suppress(RuntimeError):
                self._run_server(
                    self.bin / "pg_ctl", "stop", "-w", "-m", "fast", "-D", self.data_dir
                )
            self.running = False
        shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self) -> PostgresCluster:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- clients -----------------------------------------------------------------------
    def conninfo(self, dbname: str = "postgres") -> str:
        """A libpq connection string (key=value) over the Unix socket."""
        return f"host={self.socket_dir} port={self.port} dbname={dbname} user={self.superuser}"

    def client_args(self, dbname: str = "postgres") -> list[str]:
        """``-h -p -U -d`` options for Debian's client tools (psql, osm2pgrouting, ...)."""
        return [
            "-h",
            str(self.socket_dir),
            "-p",
            str(self.port),
            "-U",
            self.superuser,
            "-d",
            dbname,
        ]

    def psql(self, sql: str, dbname: str = "postgres", *, csv: bool = False) -> str:
        """Run SQL with ``psql`` (stops at the first error) and return its output."""
        cmd = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", *self.client_args(dbname)]
        cmd += ["--csv"] if csv else ["-A", "-t"]
        proc = subprocess.run(cmd, input=sql, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"psql failed ({proc.returncode}): {proc.stderr.strip()}")
        return proc.stdout

    def query(self, sql: str, dbname: str = "postgres") -> pd.DataFrame:
        """The rows of one query (without a trailing ``;``) as a DataFrame."""
        text = self.psql(f"\\copy ({sql}) to stdout with (format csv, header)", dbname)
        return pd.read_csv(io.StringIO(text))

    def copy_in(self, table: str, frame: pd.DataFrame, dbname: str = "postgres") -> None:
        """Append the rows of ``frame`` to the existing ``table`` (columns by name)."""
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
            frame.to_csv(f, index=False)
        try:
            columns = ", ".join(f'"{c}"' for c in frame.columns)
            path = f.name.replace("'", "''")
            self.psql(f"\\copy {table} ({columns}) from '{path}' with (format csv, header)", dbname)
        finally:
            os.unlink(f.name)

    def create_database(self, name: str, extensions: tuple[str, ...] = ("postgis",)) -> str:
        """A new, empty database with the given extensions; returns its conninfo."""
        self.psql(f'CREATE DATABASE "{name}";')
        for ext in extensions:
            self.psql(f'CREATE EXTENSION IF NOT EXISTS "{ext}" CASCADE;', name)
        return self.conninfo(name)
