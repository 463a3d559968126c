"""One way of writing every file output of a run: staged, checked, then swapped in.

Every output that is a file (a vector file, a layer inside a GeoPackage, a raster
with its ``.qml``) is written into a hidden folder beside its destination,
``.sozialplanung-<pid>-<host>-<random>/``, under its final file name. When the algorithm
has finished, :meth:`StagedOutputs.commit` checks each staged layer (its feature
count must be the number of rows written: a full disk, a refused feature or a
truncated file make it differ or the file unreadable) and only then moves every
staged file over its destination with ``os.replace`` (same folder, same file
system: each file is replaced whole or not at all). A failed, cancelled or killed
run therefore leaves every previous output byte for byte as it was; the hidden
folder is removed, and one left by a killed run is removed by the next run that
writes into the same folder.

A layer written into an existing GeoPackage (``ogr:dbname=… table=…`` or
``file.gpkg|layername=…``) is written into a copy of that file (SQLite's backup,
consistent even while QGIS has the file open), which then replaces it.

A plain ``.gpkg`` path that already exists: QGIS's own sink replaces the file. Here
its other layers are kept when it has any (only the layer named after the file, the
one this output writes, is replaced), and the log says so; a file holding only that
layer is replaced as QGIS does. Nothing is lost silently.

Memory layers (``TEMPORARY_OUTPUT``) and database outputs stay QGIS's own sinks.
When several files are swapped in, each earlier one is restored if a later swap
fails; only a ``kill -9`` between two swaps (a few microseconds) can leave a mix.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from geolib.io import check_writable, copy_geopackage

STAGE_PREFIX = ".sozialplanung-"
#: formats whose feature count is checked after writing: one feature per row
COUNTED = frozenset({".gpkg", ".shp", ".geojson", ".json", ".fgb", ".csv", ".sqlite"})
_OGR_URI = re.compile(r"^ogr:dbname='?(?P<path>.+?)'?\s+table=\"?(?P<table>[^\"]+)\"?(\s+\(.*\))?$")


@dataclass(frozen=True)
class Destination:
    """Where a file output goes: the file, and the layer inside it (None: the file's own)."""

    path: Path
    layer: str | None = None

    @property
    def is_gpkg(self) -> bool:
        return self.path.suffix.lower() == ".gpkg"


def parse_destination(dest: str) -> Destination | None:
    """The file behind a Processing output (``parameterAsOutputLayer``'s string), or None
    for memory layers, databases and anything that is not a plain file."""
    if not dest or dest.startswith("memory:"):
        return None
    match = _OGR_URI.match(dest.strip())
    if match:
        return Destination(Path(match["path"]), match["table"])
    parts = dest.split("|")
    layer = None
    for part in parts[1:]:
        if not part.startswith("layername="):
            return None
        layer = part.split("=", 1)[1]
    if ":" in parts[0].split("/")[0] and not re.match(r"^[A-Za-z]:[\\/]", parts[0]):
        return None  # postgres:, spatialite:, ... (a Windows drive letter is a file)
    path = Path(parts[0])
    if not path.suffix:
        return None
    return Destination(path, layer)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but not ours
        return True
    return True


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:32] or "host"


def remove_stale_stages(folder: Path) -> None:
    """Remove staging folders left in ``folder`` by runs that were killed: those of this
    computer whose process is gone, and those of any computer (a shared folder) older
    than a day."""
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            if not entry.name.startswith(STAGE_PREFIX) or not entry.is_dir():
                continue
            pid, host = [*entry.name[len(STAGE_PREFIX) :].split("-"), "", ""][:2]
            if host == _host() and pid.isdigit():
                stale = int(pid) != os.getpid() and not _pid_alive(int(pid))
            else:
                stale = time.time() - entry.stat().st_mtime > 86400
            if stale:
                shutil.rmtree(entry, ignore_errors=True)


def data_layers(path: Path) -> list[str]:
    """The data layers of an existing GeoPackage (not QGIS's styles table); [] if unreadable."""
    try:
        import pyogrio

        return [str(n) for n, _ in pyogrio.list_layers(path) if n != "layer_styles"]
    except Exception:  # not a GeoPackage: it is replaced as a whole
        return []


@dataclass
class _Check:
    path: Path
    layer: str | None
    expected: int
    name: str


class OutputCheckError(Exception):
    """A staged output is not what was written; ``args``: (name, found, expected)."""


class ChangedMeanwhileError(Exception):
    """A GeoPackage changed while a layer was written into its copy; ``args``: (path,)."""


def _signature(path: Path) -> tuple[int, int, int]:
    stat = path.stat()
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


class StagedOutputs:
    """The file outputs of one run (see the module docstring)."""

    def __init__(self) -> None:
        self._stages: dict[Path, Path] = {}  # destination folder → staging folder
        self._files: dict[Path, Path] = {}  # final file → staged file
        self._checks: list[_Check] = []
        # files copied to be updated: their state then, to refuse a lost update
        self._copied: dict[Path, tuple[int, int, int]] = {}

    def __bool__(self) -> bool:
        return bool(self._files)

    def _stage_dir(self, folder: Path) -> Path:
        folder = folder.resolve()
        if folder not in self._stages:
            remove_stale_stages(folder)
            name = f"{STAGE_PREFIX}{os.getpid()}-{_host()}-{secrets.token_hex(4)}"
            stage = folder / name
            stage.mkdir()
            self._stages[folder] = stage
        return self._stages[folder]

    def stage(self, final: Path, *, copy_existing: bool = False) -> Path:
        """The staged path of ``final`` (the same file name in the staging folder); with
        ``copy_existing`` it starts as a copy of the existing file ``final``."""
        check_writable(final)  # a clear message for a missing or read-only folder or file
        final = final.resolve()
        if final in self._files:
            return self._files[final]
        staged = self._stage_dir(final.parent) / final.name
        if copy_existing and final.exists():
            self._copied[final] = _signature(final)
            if final.suffix.lower() in (".gpkg", ".sqlite"):
                copy_geopackage(final, staged)  # SQLite's backup: consistent while open
            else:
                shutil.copy2(final, staged)
        self._files[final] = staged
        return staged

    def expect(self, staged: Path, layer: str | None, count: int, name: str) -> None:
        """Check at commit that ``layer`` of ``staged`` holds ``count`` features."""
        self._checks.append(_Check(staged, layer, count, name))

    def check(self) -> None:
        """Raise :class:`OutputCheckError` for the first staged layer that is incomplete."""
        import pyogrio

        for check in self._checks:
            if check.path.suffix.lower() not in COUNTED or not check.path.exists():
                continue  # a format whose features may not map one to one (DXF, KML, ...)
            try:
                info = pyogrio.read_info(check.path, layer=check.layer, force_feature_count=True)
                found = int(info.get("features", -1))
            except Exception:  # unreadable: truncated, or never closed properly
                found = -1
            if found != check.expected:
                raise OutputCheckError(check.name, found, check.expected)

    def commit(self) -> list[Path]:
        """Check, then move every staged file over its destination; return the files.

        Files beside a staged file in its staging folder (a shapefile's parts, a
        raster's ``.qml``) move with it. On an error every destination replaced so
        far is restored and the error is raised.
        """
        self.check()
        for final, signature in self._copied.items():
            if _signature(final) != signature:
                raise ChangedMeanwhileError(final)
        moves: list[tuple[Path, Path]] = []
        for folder, stage in self._stages.items():
            for entry in sorted(stage.iterdir()):
                if entry.is_file() and not entry.name.endswith(("-journal", "-wal", "-shm")):
                    moves.append((entry, folder / entry.name))
        backups: list[tuple[Path, Path | None]] = []
        try:
            for staged, final in moves:
                backup = None
                if final.exists():
                    backup = staged.with_name(f"{staged.name}.previous")
                    os.link(final, backup) if _can_link() else shutil.copy2(final, backup)
                os.replace(staged, final)
                backups.append((final, backup))
        except OSError:
            for final, backup in reversed(backups):
                with contextlib.suppress(OSError):
                    if backup is not None:
                        os.replace(backup, final)
                    else:
                        final.unlink()
            raise
        return [final for _, final in moves]

    def discard(self) -> None:
        """Remove the staging folders (after a commit, or instead of one)."""
        for stage in self._stages.values():
            shutil.rmtree(stage, ignore_errors=True)
        self._stages.clear()
        self._files.clear()
        self._checks.clear()
        self._copied.clear()


def _can_link() -> bool:
    return hasattr(os, "link") and os.name != "nt"
