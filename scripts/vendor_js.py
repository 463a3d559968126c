"""Vendor the Sozialbericht's JavaScript libraries from the npm registry (run once per update).

For each package of :data:`PACKAGES` the registry's metadata of that exact version gives
the tarball's address and its ``integrity`` (sha512, Subresource Integrity format); the
tarball is downloaded, checked against it, and only the listed files (the library and its
licence) are written to ``geolib/sozialbericht/web/vendor/<name>-<version>/``, together
with ``VENDORED.json`` (where from, integrity, sha256 of every file). Nothing is fetched at
run time: the Sozialbericht copies these files into its output folder.

    python scripts/vendor_js.py           # download, verify, write
    python scripts/vendor_js.py --check   # offline: the files match VENDORED.json
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import shutil
import sys
import tarfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "geolib" / "sozialbericht" / "web" / "vendor"
REGISTRY = "https://registry.npmjs.org"
#: name, exact version, files inside the tarball's ``package/`` folder
PACKAGES = [
    ("uplot", "1.6.32", ["dist/uPlot.iife.min.js", "dist/uPlot.min.css", "LICENSE"]),
]


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


def verify_integrity(data: bytes, integrity: str) -> None:
    """Raise ValueError unless ``data`` has the sha512 of the SRI string ``integrity``."""
    algo, _, expected = integrity.partition("-")
    if algo != "sha512":
        raise ValueError(f"unsupported integrity algorithm {algo!r} (want sha512)")
    actual = base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")
    if actual != expected:
        raise ValueError(f"integrity mismatch: registry {expected}, download {actual}")


def vendor(name: str, version: str, files: list[str]) -> Path:
    meta = json.loads(_get(f"{REGISTRY}/{name}/{version}"))
    dist = meta["dist"]
    tarball = _get(dist["tarball"])
    verify_integrity(tarball, dist["integrity"])
    target = VENDOR / f"{name}-{version}"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    record = {
        "name": name,
        "version": version,
        "license": meta.get("license"),
        "tarball": dist["tarball"],
        "integrity": dist["integrity"],
        "files": {},
    }
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
        for rel in files:
            member = tar.extractfile(f"package/{rel}")
            if member is None:
                raise ValueError(f"{name}@{version}: no file {rel} in the tarball")
            data = member.read()
            out = target / Path(rel).name
            out.write_bytes(data)
            record["files"][out.name] = hashlib.sha256(data).hexdigest()
    (target / "VENDORED.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return target


def check() -> list[str]:
    """Problems of the vendored files against their VENDORED.json (empty: all fine)."""
    problems = []
    for name, version, files in PACKAGES:
        target = VENDOR / f"{name}-{version}"
        manifest = target / "VENDORED.json"
        if not manifest.exists():
            problems.append(f"{target}: missing; run python scripts/vendor_js.py")
            continue
        record = json.loads(manifest.read_text(encoding="utf-8"))
        for rel in files:
            path = target / Path(rel).name
            want = record["files"].get(path.name)
            if not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != want:
                problems.append(f"{path}: differs from VENDORED.json")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify offline, download nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "vendored JavaScript libraries: OK")
        return 1 if problems else 0
    for name, version, files in PACKAGES:
        print(f"{name}@{version} → {vendor(name, version, files).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
