"""GEOS calls that shapely makes holding the GIL, made here so that threads run them at once.

Shapely releases Python's global interpreter lock (GIL) inside most GEOS operations, so
the catchment polygons of several offers are built on several cores. ``polygonize`` and
``polygonize_full`` are exceptions: shapely 2.0–2.2 keeps the GIL for the whole GEOS call
(``GEOS_INIT`` without ``_THREADS`` in its ``ufuncs.c``). Polygonizing is a fifth of the
work for each offer, and while one thread polygonizes the others wait for the GIL even
for the few Python lines between their own GEOS calls.

:func:`polygonize_full` calls ``GEOSPolygonize_full_r`` through :mod:`ctypes`, which
releases the GIL for the call. Geometries go in and out as WKB, so any loaded GEOS C
library serves, also one that is not shapely's. The result is shapely's own (the same
GEOS algorithm; ``tests/geolib/test_geos_threads.py`` compares them).

Where no GEOS C library is found (or with ``GEOLIB_NO_CTYPES=1``, which tests use),
or GEOS reports an error, shapely's function runs as before.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import queue
import sys
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import shapely

from ._accel import switched_off

DISABLE_ENV = "GEOLIB_NO_CTYPES"

_P = ctypes.c_void_p


def _loaded_paths() -> list[str]:
    """The GEOS C libraries mapped into this process (Linux), shapely's among them."""
    maps = Path("/proc/self/maps")
    if not maps.exists():
        return []
    paths = []
    for line in maps.read_text(errors="replace").splitlines():
        fields = line.split(maxsplit=5)  # address, mode, offset, device, inode, path
        path = fields[5].strip() if len(fields) == 6 else ""
        if "libgeos_c" in Path(path).name and path not in paths:
            paths.append(path)
    return paths


def _candidates() -> list[tuple[str, bool]]:
    """Library names to try, each with whether it is certainly shapely's own GEOS."""
    loaded = _loaded_paths()
    # one GEOS C library in the process: the one shapely is linked with
    names = [(path, len(loaded) == 1) for path in loaded]
    found = ctypes.util.find_library("geos_c")
    if found:
        names.append((found, False))
    if sys.platform == "win32":
        names.append(("geos_c.dll", False))  # OSGeo4W and QGIS's installer have it on PATH
    return names


def _bind(lib: ctypes.CDLL) -> ctypes.CDLL:
    lib.GEOS_init_r.restype = _P
    lib.GEOS_init_r.argtypes = []
    lib.GEOSGeomFromWKB_buf_r.restype = _P
    lib.GEOSGeomFromWKB_buf_r.argtypes = [_P, ctypes.c_char_p, ctypes.c_size_t]
    lib.GEOSPolygonize_full_r.restype = _P
    lib.GEOSPolygonize_full_r.argtypes = [_P, _P, *[ctypes.POINTER(_P)] * 3]
    lib.GEOSGeomToWKB_buf_r.restype = ctypes.POINTER(ctypes.c_char)
    lib.GEOSGeomToWKB_buf_r.argtypes = [_P, _P, ctypes.POINTER(ctypes.c_size_t)]
    lib.GEOSFree_r.restype = None
    lib.GEOSFree_r.argtypes = [_P, _P]
    lib.GEOSGeom_destroy_r.restype = None
    lib.GEOSGeom_destroy_r.argtypes = [_P, _P]
    return lib


class _Geos(NamedTuple):
    lib: ctypes.CDLL
    #: shapely's own library: its geometries are passed as they are, not as WKB
    shared: bool


@cache
def _library() -> _Geos | None:
    """The GEOS C library with the functions bound, or None (then shapely's are used)."""
    for name, shared in _candidates():
        try:
            return _Geos(_bind(ctypes.CDLL(name)), shared)
        except (OSError, AttributeError):  # not loadable, or a GEOS without the functions
            continue
    return None


def _switched_on() -> _Geos | None:
    """The library, unless switched off with ``GEOLIB_NO_CTYPES``."""
    return None if switched_off(DISABLE_ENV) else _library()


def available() -> bool:
    """Whether :func:`polygonize_full` runs without holding the GIL."""
    return _switched_on() is not None


#: GEOS context handles, one per concurrent call (threads come and go with their pools)
_contexts: queue.SimpleQueue = queue.SimpleQueue()


def _to_wkb(lib: ctypes.CDLL, ctx: int, geom: int) -> bytes:
    size = ctypes.c_size_t()
    buf = lib.GEOSGeomToWKB_buf_r(ctx, geom, ctypes.byref(size))
    try:
        return ctypes.string_at(buf, size.value)
    finally:
        lib.GEOSFree_r(ctx, ctypes.cast(buf, _P))


def _polygonize(geos: _Geos, ctx: int, coll) -> list[bytes] | None:
    """Faces, cuts, dangles and invalid rings of the collection ``coll``, as WKB."""
    lib = geos.lib
    if geos.shared:
        geom, own = coll._geom, False  # shapely's own GEOS object, read only
    else:
        wkb = shapely.to_wkb(coll)
        geom, own = lib.GEOSGeomFromWKB_buf_r(ctx, wkb, len(wkb)), True
    if not geom:
        return None
    parts = [_P(), _P(), _P()]
    try:
        faces = lib.GEOSPolygonize_full_r(ctx, geom, *[ctypes.byref(p) for p in parts])
    finally:
        if own:
            lib.GEOSGeom_destroy_r(ctx, geom)
    made = [faces, *(p.value for p in parts)]
    try:
        return [_to_wkb(lib, ctx, g) for g in made] if all(made) else None
    finally:
        for g in made:
            if g:
                lib.GEOSGeom_destroy_r(ctx, g)


def polygonize_full(lines: np.ndarray) -> tuple:
    """``shapely.polygonize_full(lines)``, with the GIL released while GEOS works."""
    lines = np.asarray(lines, dtype=object)
    geos = _switched_on()
    if geos is None or shapely.has_z(lines).any():  # GEOS 3.11's WKB would drop Z
        return shapely.polygonize_full(lines)
    coll = shapely.geometrycollections(lines)
    try:
        ctx = _contexts.get_nowait()
    except queue.Empty:
        ctx = geos.lib.GEOS_init_r()
    try:
        out = _polygonize(geos, ctx, coll)
    finally:
        _contexts.put(ctx)
    if out is None:  # GEOS failed: shapely's function raises its own message
        return shapely.polygonize_full(lines)
    return tuple(shapely.from_wkb(out))
