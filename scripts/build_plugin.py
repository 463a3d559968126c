"""Build the installable plugin: dist/sozialplanung.zip and an unpacked copy.

The zip has one top folder ``sozialplanung/`` with ``metadata.txt`` (its ``version=``
taken from ``geolib.__version__``, the one place the version is kept), ``__init__.py``
(from packaging/plugin_init.py), the packages ``sozialplanung_plugin``, ``geolib``,
``processing_algorithms`` (their imports rewritten to ``sozialplanung.<package>``, see
scripts/vendoring.py), the ``styles``, the ``models`` and the licence.

Modules only the tests and the demo use (:data:`DEV_ONLY`) stay out; the build fails
if a module in the zip imports one of them, imports one of our modules the zip lacks,
or still names one of our packages as a top-level module.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from vendoring import (
    OWN_PACKAGES,
    PLUGIN_PACKAGE,
    bare_references,
    imported_modules,
    vendor_imports,
)

ROOT = Path(__file__).resolve().parent.parent
NAME = PLUGIN_PACKAGE
PACKAGES = [*OWN_PACKAGES, "styles", "models"]
FILES = {
    "metadata.txt": "metadata.txt",
    "LICENSE": "LICENSE",
    "packaging/plugin_init.py": "__init__.py",
}
#: development-only modules (a .py file or a package folder): the example data generator
#: and the example Hilfeportal server
DEV_ONLY = {"geolib/examples", "geolib/hilfeportal_server.py"}
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".ruff_cache"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".ts"}
VERSION_FILE = ROOT / "geolib" / "__init__.py"
#: the line of metadata.txt that the build replaces with ``version=<geolib.__version__>``
VERSION_MARK = "# version="


class BuildError(RuntimeError):
    """The plugin cannot be built as the sources are; the message says why."""


def version() -> str:
    """``__version__`` of geolib/__init__.py (read, not imported: no numpy needed)."""
    for node in ast.parse(VERSION_FILE.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise BuildError(f"{VERSION_FILE}: no __version__ = '...'")


def metadata_text(source: Path) -> str:
    """metadata.txt with its ``# version=`` line replaced by ``version=<__version__>``."""
    lines = source.read_text(encoding="utf-8").splitlines()
    if any(line.replace(" ", "").startswith("version=") for line in lines):
        raise BuildError(
            f"{source}: remove 'version=': the build writes it from geolib.__version__"
        )
    marks = [i for i, line in enumerate(lines) if line.startswith(VERSION_MARK)]
    if len(marks) != 1:
        raise BuildError(f"{source}: needs one line starting with {VERSION_MARK!r}")
    lines[marks[0]] = f"version={version()}"
    return "\n".join(lines) + "\n"


def plugin_files() -> list[tuple[Path, str]]:
    """(source path, path inside the plugin folder) for every file of the plugin."""
    files = [(ROOT / src, dst) for src, dst in FILES.items() if (ROOT / src).exists()]
    for package in PACKAGES:
        for dirpath, dirnames, filenames in os.walk(ROOT / package):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
            for name in sorted(filenames):
                path = Path(dirpath) / name
                rel = path.relative_to(ROOT).as_posix()
                if path.suffix in SKIP_SUFFIXES or is_dev_only(rel):
                    continue
                files.append((path, rel))
    return files


def is_dev_only(rel: str) -> bool:
    """Whether a file (path relative to the root) is, or lies in, a development-only module."""
    return any(rel == d or rel.startswith(f"{d}/") for d in DEV_ONLY)


def dev_only_modules(modules: set[str]) -> set[str]:
    """The development-only modules that ``modules`` are or lie in."""
    names = {f"{NAME}.{d.removesuffix('.py').replace('/', '.')}" for d in DEV_ONLY}
    return {n for n in names for m in modules if m == n or m.startswith(f"{n}.")}


def file_content(src: Path, dst: str) -> bytes:
    """What goes into the zip: Python sources vendored, metadata.txt with its version."""
    if dst == "metadata.txt":
        return metadata_text(src).encode("utf-8")
    if dst.endswith(".py"):
        return vendor_imports(src.read_text(encoding="utf-8"), str(src)).encode("utf-8")
    return src.read_bytes()


def module_name(dst: str) -> tuple[str, bool]:
    """The module a .py file of the plugin is, and whether it is a package."""
    parts = [NAME, *dst[: -len(".py")].split("/")]
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def check_modules(contents: dict[str, bytes]) -> None:
    """Refuse bare package names and imports of modules the zip does not have."""
    modules = dict(module_name(dst) for dst in contents if dst.endswith(".py"))
    problems = []
    for dst, data in contents.items():
        if not dst.endswith(".py"):
            continue
        text = data.decode("utf-8")
        problems += bare_references(text, dst)
        name, is_package = module_name(dst)
        # with the names of ``from x import name`` (each may be a module) ...
        maybe = imported_modules(text, name, is_package)
        problems += [
            f"{dst}: imports {m}, a development-only module"
            for m in sorted(dev_only_modules(maybe))
        ]
        # ... and without (they may be functions): those must be modules of the plugin
        needed = imported_modules(text, name, is_package, names=False)
        problems += [
            f"{dst}: imports {m}, which is not in the plugin"
            for m in sorted(needed)
            if m.startswith(f"{NAME}.") and m not in modules
        ]
    if problems:
        raise BuildError("the plugin's modules are not self-contained:\n  " + "\n  ".join(problems))


def build(zip_path: Path, unpacked: Path | None) -> None:
    contents = {dst: file_content(src, dst) for src, dst in plugin_files()}
    check_modules(contents)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=zip_path.parent, suffix=".zip")
    os.close(fd)
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for dst, data in contents.items():
            # fixed date and mode: the same sources give the same zip
            info = zipfile.ZipInfo(f"{NAME}/{dst}", date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    os.replace(tmp, zip_path)
    if unpacked is not None:
        if unpacked.exists():
            shutil.rmtree(unpacked)
        for dst, data in contents.items():
            target = unpacked / dst
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    print(f"Plugin: {zip_path} ({len(contents)} files, version {version()})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--zip", type=Path, default=ROOT / "dist" / f"{NAME}.zip")
    parser.add_argument("--dir", type=Path, default=None, help="also unpack the plugin here")
    args = parser.parse_args()
    try:
        build(args.zip, args.dir)
    except BuildError as exc:
        raise SystemExit(f"build_plugin: {exc}") from None


if __name__ == "__main__":
    main()
