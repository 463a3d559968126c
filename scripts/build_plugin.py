"""Build the installable plugin: dist/sozialplanung.zip and an unpacked copy.

The zip has one top folder ``sozialplanung/`` with ``metadata.txt``, ``__init__.py``
(from packaging/plugin_init.py), the packages ``sozialplanung_plugin``, ``geolib``,
``processing_algorithms``, the ``styles`` and the licence and data attribution.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "sozialplanung"
PACKAGES = ["sozialplanung_plugin", "geolib", "processing_algorithms", "styles"]
FILES = {
    "metadata.txt": "metadata.txt",
    "LICENSE": "LICENSE",
    "packaging/plugin_init.py": "__init__.py",
}
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".ruff_cache"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".ts"}


def plugin_files() -> list[tuple[Path, str]]:
    """(source path, path inside the plugin folder) for every file of the plugin."""
    files = [(ROOT / src, dst) for src, dst in FILES.items() if (ROOT / src).exists()]
    for package in PACKAGES:
        for dirpath, dirnames, filenames in os.walk(ROOT / package):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
            for name in sorted(filenames):
                path = Path(dirpath) / name
                if path.suffix in SKIP_SUFFIXES:
                    continue
                files.append((path, str(path.relative_to(ROOT))))
    return files


def build(zip_path: Path, unpacked: Path | None) -> None:
    files = plugin_files()
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=zip_path.parent, suffix=".zip")
    os.close(fd)
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for src, dst in files:
            zf.write(src, f"{NAME}/{dst}")
    os.replace(tmp, zip_path)
    if unpacked is not None:
        if unpacked.exists():
            shutil.rmtree(unpacked)
        for src, dst in files:
            target = unpacked / dst
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
    print(f"Plugin: {zip_path} ({len(files)} files)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--zip", type=Path, default=ROOT / "dist" / f"{NAME}.zip")
    parser.add_argument("--dir", type=Path, default=None, help="also unpack the plugin here")
    args = parser.parse_args()
    build(args.zip, args.dir)


if __name__ == "__main__":
    main()
