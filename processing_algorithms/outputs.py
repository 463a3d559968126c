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

A folder output (the Sozialbericht, the atlas's ``maps/``) is written into a staged
folder and swapped in whole: the previous folder is renamed away, the new one renamed
in, the previous one removed; with ``keep_others`` the files of the previous folder
that the run did not write are carried over (hard links). Other files (a PDF, a QGIS
project) are checked by a function given with :meth:`StagedOutputs.expect_file`
(a PDF starts with ``%PDF``, ends with ``%%EOF`` and has its pages; a project is a
readable zip with a well-formed ``.qgs``) before anything is swapped in.

A destination that cannot be replaced (on Windows: open in a PDF viewer or in QGIS; a
folder of that name in the way) is retried for :data:`RETRY_SECONDS`, then the run
fails with a message naming the file and the fix, and every output is restored.

Memory layers (``TEMPORARY_OUTPUT``) and database outputs stay QGIS's own sinks.
When several files are swapped in, each earlier one is restored if a later swap
fails; only a ``kill -9`` between two swaps (a few microseconds) can leave a mix (a
folder renamed away by a killed run is renamed back by the next run).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import socket
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from qgis.PyQt.QtCore import QCoreApplication

from geolib.io import check_writable, copy_geopackage

from . import gpkg_info

STAGE_PREFIX = ".sozialplanung-"
#: formats whose feature count is checked after writing: one feature per row
COUNTED = frozenset({".gpkg", ".shp", ".geojson", ".json", ".fgb", ".csv", ".sqlite"})
#: how long a destination that cannot be replaced (open on Windows) is retried
RETRY_SECONDS = 3.0
#: errors of a rename whose target is in the way: open (Windows), a folder, busy
_IN_THE_WAY = frozenset({errno.EACCES, errno.EPERM, errno.EISDIR, errno.ENOTEMPTY})
_IN_THE_WAY |= {errno.EEXIST, errno.EBUSY}
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
            if not entry.name.startswith(STAGE_PREFIX):
                continue
            pid, host = [*entry.name[len(STAGE_PREFIX) :].split("-"), "", ""][:2]
            if host == _host() and pid.isdigit():
                stale = int(pid) != os.getpid() and not _pid_alive(int(pid))
            else:
                stale = time.time() - entry.stat().st_mtime > 86400
            if not stale:
                continue
            if entry.is_dir():
                _restore_renamed_away(entry, folder)
                shutil.rmtree(entry, ignore_errors=True)
            else:  # a file written beside its destination (a QGIS project)
                entry.unlink()


def _restore_renamed_away(stage: Path, folder: Path) -> None:
    """A folder a killed run renamed away and had not yet replaced: put it back."""
    for backup in stage.glob(f"*{PREVIOUS}"):
        final = folder / backup.name[: -len(PREVIOUS)]
        if backup.is_dir() and not final.exists():
            with contextlib.suppress(OSError):
                os.rename(backup, final)


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


def tr(text: str) -> str:
    return QCoreApplication.translate("SozialplanungAlgorithm", text)


class IncompleteOutputError(OSError):
    """A staged file or folder failed its check; ``strerror`` says which and why."""


class OutputInUseError(OSError):
    """A destination could not be replaced within :data:`RETRY_SECONDS`; ``strerror``
    names it and the fix."""


PREVIOUS = ".previous"


def _in_use(final: Path, exc: OSError) -> OutputInUseError:
    if final.is_dir() and exc.errno != errno.EACCES and exc.errno != errno.EPERM:
        text = tr(
            "'{path}' cannot be replaced: a folder of that name is in the way. Remove or "
            "rename that folder, or choose another output, and run again."
        )
    else:
        text = tr(
            "'{path}' cannot be replaced: it (or a file in it) is open in another program "
            "or write-protected. Close it in the PDF viewer, in QGIS or in the browser "
            "(or make it writable) and run again."
        )
    return OutputInUseError(exc.errno or errno.EACCES, text.format(path=final), str(final))


def _retrying(move: Callable[[], None], final: Path) -> None:
    """``move()`` (a rename onto ``final``); retried while ``final`` is in the way
    (Windows refuses to replace an open file), then :class:`OutputInUseError`."""
    deadline = time.monotonic() + RETRY_SECONDS
    while True:
        try:
            move()
            return
        except OSError as exc:
            if exc.errno not in _IN_THE_WAY and not isinstance(exc, PermissionError):
                raise
            if time.monotonic() >= deadline:
                raise _in_use(final, exc) from exc
            time.sleep(0.1)


def _replace(source: Path, final: Path) -> None:
    _retrying(lambda: os.replace(source, final), final)


def _rename(source: Path, final: Path) -> None:
    """A folder renamed to ``final`` (which must not exist)."""
    _retrying(lambda: os.rename(source, final), final)


# --- checks of files a run wrote (for :meth:`StagedOutputs.expect_file`) -----------------
def check_pdf(path: Path, pages: int | None = None) -> str | None:
    """Why ``path`` is no complete PDF (with ``pages`` pages), or None."""
    data = path.read_bytes() if path.is_file() else b""
    if not data.startswith(b"%PDF"):
        return tr("it is empty or not a PDF")
    if b"%%EOF" not in data[-1024:]:
        return tr("the PDF is cut off")
    if pages is not None:
        found = len(re.findall(rb"/Type\s*/Page[^s]", data))
        if found != pages:
            return tr("it has {found} of {pages} pages").format(found=found, pages=pages)
    return None


def check_png(path: Path) -> str | None:
    """Why ``path`` is no complete PNG, or None."""
    data = path.read_bytes() if path.is_file() else b""
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or b"IEND" not in data[-16:]:
        return tr("it is empty or not a complete PNG image")
    return None


def check_project(path: Path) -> str | None:
    """Why ``path`` is no readable QGIS project (``.qgz``: a zip with a well-formed
    ``.qgs``; ``.qgs``: well-formed XML), or None."""
    try:
        if path.suffix.lower() == ".qgz":
            with zipfile.ZipFile(path) as archive:
                names = [n for n in archive.namelist() if n.lower().endswith(".qgs")]
                if not names or archive.testzip() is not None:
                    return tr("it is not a complete QGIS project")
                with archive.open(names[0]) as qgs:
                    root = ElementTree.parse(qgs).getroot()
        else:
            root = ElementTree.parse(path).getroot()
    except (OSError, zipfile.BadZipFile, ElementTree.ParseError):
        return tr("it is not a complete QGIS project")
    if root.tag != "qgis":
        return tr("it is not a complete QGIS project")
    return None


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
        self._folders: dict[Path, bool] = {}  # final folder → keep the others' files
        self._file_checks: list[tuple[Path, Path, Callable[[Path], str | None]]] = []

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

    def stage_folder(self, final: Path, *, keep_others: bool = False) -> Path:
        """The staged (new, empty) folder of the folder output ``final``, swapped in
        whole at commit; with ``keep_others`` the files of the previous folder that
        the run did not write are kept."""
        final = Path(final)
        check_writable(final)
        if final.exists() and not final.is_dir():
            raise NotADirectoryError(
                errno.ENOTDIR,
                tr("'{path}' is a file, not a folder: choose another output folder.").format(
                    path=final
                ),
                str(final),
            )
        final = final.resolve()
        if final not in self._files:
            staged = self._stage_dir(final.parent) / final.name
            staged.mkdir()
            self._files[final] = staged
            self._folders[final] = keep_others
        return self._files[final]

    def beside(self, final: Path) -> Path:
        """A path in the folder of ``final`` for a file that must be written there
        (a QGIS project: its relative paths), moved into the stage with :meth:`adopt`;
        one left by a killed run is removed as a stale stage."""
        self._stage_dir(Path(final).parent)  # the next run's clean-up knows its name
        name = f"{STAGE_PREFIX}{os.getpid()}-{_host()}-{secrets.token_hex(4)}-{Path(final).name}"
        return Path(final).resolve().parent / name

    def adopt(self, written: Path, final: Path) -> Path:
        """Move ``written`` (from :meth:`beside`) into the stage as ``final``'s file."""
        staged = self.stage(final)
        os.replace(written, staged)
        return staged

    def final_paths_in_project(self, project: Path) -> None:
        """Rewrite the QGIS project file ``project`` (``.qgz`` or ``.qgs``) so that it
        refers to the final paths of the staged files it uses (layer sources, relative
        or absolute, and the layer references of print layouts)."""
        names = [stage.name for stage in self._stages.values()]

        def final(text: str) -> str:
            for name in names:
                text = text.replace(f"/{name}/", "/").replace(f"\\{name}\\", "\\")
            return text

        if project.suffix.lower() != ".qgz":
            project.write_text(final(project.read_text(encoding="utf-8")), encoding="utf-8")
            return
        rewritten = project.with_name(project.name + ".rewritten")
        try:
            with (
                zipfile.ZipFile(project) as source,
                zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as target,
            ):
                for info in source.infolist():
                    data = source.read(info)
                    if info.filename.lower().endswith(".qgs"):
                        data = final(data.decode("utf-8")).encode("utf-8")
                    target.writestr(info, data)
            os.replace(rewritten, project)
        finally:
            with contextlib.suppress(FileNotFoundError):
                rewritten.unlink()

    def expect_file(self, staged: Path, final: Path, check: Callable[[Path], str | None]) -> None:
        """At commit, ``check(staged)`` must return None; else the run fails with its
        answer (why ``final`` is incomplete) and nothing is replaced."""
        self._file_checks.append((Path(staged), Path(final), check))

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
                if check.path.suffix.lower() == ".gpkg":  # without opening it with GDAL
                    found = gpkg_info.feature_count(check.path, check.layer)
                else:
                    info = pyogrio.read_info(
                        check.path, layer=check.layer, force_feature_count=True
                    )
                    found = int(info.get("features", -1))
            except Exception:  # unreadable: truncated, or never closed properly
                found = -1
            if found != check.expected:
                raise OutputCheckError(check.name, found, check.expected)
        for staged, final, check_file in self._file_checks:
            problem = check_file(staged)
            if problem:
                text = tr("'{path}' was not written completely: {problem}. Is the disk full?")
                raise IncompleteOutputError(
                    errno.EIO, text.format(path=final, problem=problem), str(final)
                )

    def commit(self) -> list[Path]:
        """Check, then move every staged file and folder over its destination; return
        the destinations.

        Files beside a staged file in its staging folder (a shapefile's parts, a
        raster's ``.qml``) move with it. On an error every destination replaced so
        far is restored and the error is raised.
        """
        self.check()
        for final, signature in self._copied.items():
            if _signature(final) != signature:
                raise ChangedMeanwhileError(final)
        for final, keep_others in self._folders.items():
            if keep_others and final.is_dir():
                _carry_over(final, self._files[final])
        moves: list[tuple[Path, Path]] = []
        for folder, stage in self._stages.items():
            for entry in sorted(stage.iterdir()):
                if entry.is_dir() and folder / entry.name not in self._folders:
                    continue
                if not entry.name.endswith(("-journal", "-wal", "-shm")):
                    moves.append((entry, folder / entry.name))
        done: list[tuple[Path, Path, Path | None]] = []
        try:
            for staged, final in moves:
                done.append((staged, final, _swap(staged, final)))
        except OSError:
            for staged, final, backup in reversed(done):
                with contextlib.suppress(OSError):
                    _unswap(staged, final, backup)
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
        self._folders.clear()
        self._file_checks.clear()


def _can_link() -> bool:
    return hasattr(os, "link") and os.name != "nt"


def _swap(staged: Path, final: Path) -> Path | None:
    """Move ``staged`` (a file or folder) to ``final``; the previous one's backup."""
    backup = None
    if staged.is_dir():
        if final.exists():
            backup = staged.with_name(staged.name + PREVIOUS)
            _rename_away(final, backup)
        try:
            _rename(staged, final)
        except OSError:
            if backup is not None:
                os.rename(backup, final)
            raise
        return backup
    if final.exists() and not final.is_dir():
        backup = staged.with_name(staged.name + PREVIOUS)
        os.link(final, backup) if _can_link() else shutil.copy2(final, backup)
    _replace(staged, final)
    return backup


def _rename_away(final: Path, backup: Path) -> None:
    _retrying(lambda: os.rename(final, backup), final)


def _unswap(staged: Path, final: Path, backup: Path | None) -> None:
    """Undo :func:`_swap`: the previous file or folder back at ``final``."""
    if final.is_dir() and not final.is_symlink():
        os.rename(final, staged)
        if backup is not None:
            os.rename(backup, final)
    elif backup is not None:
        os.replace(backup, final)
    else:
        final.unlink()


def _carry_over(previous: Path, staged: Path) -> None:
    """The entries of the folder ``previous`` that ``staged`` lacks, linked into it
    (copied where links are not possible)."""
    for entry in previous.iterdir():
        target = staged / entry.name
        if target.exists() or target.is_symlink():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, target)


def _link_or_copy(source, target) -> None:
    try:
        if not _can_link() or Path(source).is_symlink():
            raise OSError
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


def commit_or_raise(staged: StagedOutputs) -> list[Path]:
    """``staged.commit()`` with its errors as a ``QgsProcessingException`` (the messages
    of :meth:`SozialplanungAlgorithm.commit_outputs`), for code that writes outside an
    algorithm's run (``build_atlas`` called directly)."""
    from qgis.core import QgsProcessingException

    try:
        return staged.commit()
    except OutputCheckError as exc:
        name, found, expected = exc.args
        text = tr(
            "Writing the output '{name}' failed: {found} of {expected} features are "
            "in the file (is the disk full?)."
        ).format(name=name, found=max(found, 0), expected=expected)
    except ChangedMeanwhileError as exc:
        text = tr(
            "'{path}' was changed by another program during this run; its "
            "changes are kept. Run the algorithm again."
        ).format(path=exc.args[0])
    except OSError as exc:
        text = tr("Replacing the previous outputs failed: {error}").format(
            error=exc.strerror or exc
        )
    unchanged = tr("No output was replaced: the previous files are unchanged.")
    raise QgsProcessingException(f"{text} {unchanged}")
