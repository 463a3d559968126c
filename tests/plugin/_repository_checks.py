"""The structural checks plugins.qgis.org applies to an uploaded plugin zip.

Written after the validator of the QGIS plugin repository (QGIS-Django,
``qgis-app/plugins/validator.py``, with the field sizes of ``plugins/models.py``):
the same rules, without the network (its check that the URLs answer is left out).
"""

from __future__ import annotations

import configparser
import re
import zipfile
from pathlib import Path
from urllib.parse import urlparse

MAX_SIZE = 25_000_000
REQUIRED = (
    "name",
    "description",
    "version",
    "qgisMinimumVersion",
    "author",
    "email",
    "about",
    "tracker",
    "repository",
)
BOOLEANS = ("experimental", "deprecated", "server")
#: the template's placeholders, refused by the repository
FORBIDDEN_URLS = {
    "tracker": "http://bugs",
    "repository": "http://repo",
    "homepage": "http://homepage",
}
FORBIDDEN_DIRS = ("__MACOSX", ".git", "__pycache__")
#: a new plugin's folder must be a PEP 8 package name
NEW_PACKAGE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
PACKAGE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9-_]+$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
VERSION = re.compile(r"^\d+(\.\d+)*$")


def _names_problems(names: list[str]) -> list[str]:
    problems = []
    for name in names:
        if ".." in name or name.startswith("/"):
            problems.append(f"path information in {name}")
        if ".pyc" in name:
            problems.append(f".pyc file {name}")
        problems += [f"{d} directory at {name}" for d in FORBIDDEN_DIRS if d in name.split("/")]
    return problems


def _metadata_problems(meta: dict[str, str], names: list[str], package: str) -> list[str]:
    problems = [f"metadata '{key}' missing or empty" for key in REQUIRED if not meta.get(key)]
    for key, default in FORBIDDEN_URLS.items():
        url = meta.get(key)
        if url is None and key == "homepage":
            continue
        parsed = urlparse(url or "")
        if url == default or not (parsed.scheme in ("http", "https") and parsed.netloc):
            problems.append(f"metadata '{key}' is not a valid URL: {url!r}")
    if "/" in meta.get("author", ""):
        problems.append("author name contains a slash")
    if not EMAIL.match(meta.get("email", "")):
        problems.append(f"email {meta.get('email')!r} is not an e-mail address")
    for key in ("version", "qgisMinimumVersion", "qgisMaximumVersion"):
        value = meta.get(key)
        if value is not None and not (VERSION.match(value) and len(value) <= 32):
            problems.append(f"metadata '{key}' is not a dotted version: {value!r}")
    for key in BOOLEANS:
        if key in meta and meta[key].lower() not in ("true", "false", "1", "0"):
            problems.append(f"metadata '{key}' is not a boolean: {meta[key]!r}")
    for key in ("name", "author"):
        if len(meta.get(key, "")) > 256:
            problems.append(f"metadata '{key}' is longer than 256 characters")
    icon = meta.get("icon", "")
    icon = icon[2:] if icon.startswith("./") else icon
    if not icon or f"{package}/{icon}" not in names:
        problems.append(f"icon {meta.get('icon')!r} is not in the zip")
    return problems


def repository_problems(zip_path: Path) -> list[str]:
    """Every reason plugins.qgis.org would refuse ``zip_path`` (empty: it passes)."""
    if zip_path.stat().st_size > MAX_SIZE:
        return [f"zip larger than {MAX_SIZE} bytes"]
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        problems = _names_problems(names)
        if (bad := zf.testzip()) is not None:
            problems.append(f"bad zip entry {bad}")
        tops = {name.split("/")[0] for name in names}
        package = names[0].split("/")[0]
        if len(tops) != 1 or "/" not in names[0]:
            problems.append(f"not one top folder: {sorted(tops)}")
        if not NEW_PACKAGE_NAME.match(package) or not PACKAGE_NAME.match(package):
            problems.append(f"top folder {package!r} is not a PEP 8 package name")
        for required in ("__init__.py", "metadata.txt", "LICENSE"):
            if f"{package}/{required}" not in names:
                problems.append(f"{required} missing")
        if f"{package}/metadata.txt" not in names:
            return problems
        parser = configparser.ConfigParser()
        parser.optionxform = str
        parser.read_string(zf.read(f"{package}/metadata.txt").decode("utf-8"))
    if not parser.has_section("general"):
        return [*problems, "metadata.txt has no [general] section"]
    meta = {k: v.strip() for k, v in parser.items("general")}
    return problems + _metadata_problems(meta, names, package)
