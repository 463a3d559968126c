"""The networks kept by :func:`geolib.network.build_network`: in memory and on disk."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

if TYPE_CHECKING:
    from .network import Network

__all__ = [
    "cache_info",
    "clear_cache",
]


_CACHE: OrderedDict[str, Network] = OrderedDict()
_CACHE_SIZE = 4
_STATS = {"hits": 0, "builds": 0, "disk_hits": 0}
#: networks kept on disk (``cache_dir``): at most this many files, the oldest go first
DISK_CACHE_FILES = 8
_DISK_FORMAT = 5  # bump when Network or the way it is kept changes
#: the one thread that writes networks to disk while the caller goes on (see _save_later)
_SAVER: ThreadPoolExecutor | None = None
_PENDING: list[Future] = []


def clear_cache() -> None:
    """Forget the networks kept in memory by :func:`build_network` (not those on disk)."""
    _CACHE.clear()


def cache_info() -> dict[str, int]:
    """How often :func:`build_network` reused a kept network (``hits``, of which
    ``disk_hits`` came from ``cache_dir``) or built one (``builds``)."""
    return dict(_STATS, size=len(_CACHE))


def _disk_key(key: str) -> str:
    """The file name of a network: its fingerprint and the versions that shape pickles.

    The module name is part of it: a pickle names the class by module (``geolib.network``,
    ``sozialplanung.geolib.network`` in the plugin), so each reads only its own files."""
    import scipy

    versions = f"{_DISK_FORMAT}-{np.__version__}-{scipy.__version__}-{shapely.__version__}"
    versions += f"-{__name__}"
    return hashlib.sha1(f"{key}-{versions}".encode()).hexdigest() + ".network"


def _load_from_disk(cache_dir: Path, key: str) -> Network | None:
    """The network kept in ``cache_dir`` under ``key``, or None (missing or unreadable)."""
    wait_for_saves()
    path = cache_dir / _disk_key(key)
    try:
        with open(path, "rb") as fh:
            network = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign file: built again, not an error
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        return None
    from .network import Network

    if not isinstance(network, Network) or network.fingerprint != key:
        return None
    network.geometry = _geometries_from(network.geometry)
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept longest
    return network


def _save_later(cache_dir: Path, key: str, network: Network) -> None:
    """Keep ``network`` in ``cache_dir`` from a thread of its own: the caller goes on
    with the network at once (writing a million edges takes seconds). The file appears
    atomically when written; :func:`wait_for_saves` waits for it, and Python waits for
    the thread before it exits."""
    global _SAVER
    lean = replace(  # a copy without the caches the caller may fill meanwhile
        network,
        _tree=None,
        _coords_cache=None,
        _incidence_cache=None,
        _main_cache=None,
        _reversed=None,
        _kdtree=None,
        _cost_bound=None,
    )
    if _SAVER is None:
        _SAVER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="network-cache")
    _PENDING[:] = [f for f in _PENDING if not f.done()]
    _PENDING.append(_SAVER.submit(_save_to_disk, cache_dir, key, lean))


def wait_for_saves() -> None:
    """Wait until the networks being written to disk are written."""
    if _PENDING:
        wait(list(_PENDING))
        _PENDING.clear()


def _geometries_kept(geoms: np.ndarray):
    """The edges' geometries as pickled: lines as one coordinate array with offsets
    (ten times faster than WKB for a million edges), anything else as WKB."""
    types = shapely.get_type_id(geoms)
    if len(geoms) and (types == 1).all():
        with contextlib.suppress(ValueError, NotImplementedError):
            return ("ragged", *shapely.to_ragged_array(geoms, include_z=None))
    return ("wkb", shapely.to_wkb(geoms))


def _geometries_from(kept) -> np.ndarray:
    if kept[0] == "ragged":
        _, kind, coords, offsets = kept
        return np.asarray(shapely.from_ragged_array(kind, coords, offsets), dtype=object)
    return shapely.from_wkb(kept[1])


def _save_to_disk(cache_dir: Path, key: str, network: Network) -> None:
    """Keep ``network`` in ``cache_dir`` (atomically); the oldest files beyond
    :data:`DISK_CACHE_FILES` are removed. A cache that cannot be written is skipped."""
    tmp = None
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        # geometries as arrays: pickling a million shapely objects one by one takes
        # longer than building the network
        lean = replace(
            network,
            geometry=_geometries_kept(network.geometry),
            _tree=None,
            _coords_cache=None,
            _incidence_cache=None,
            _main_cache=None,
            _reversed=None,
            _kdtree=None,
            _cost_bound=None,
        )
        fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(lean, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache_dir / _disk_key(key))
        tmp = None
        files = sorted(cache_dir.glob("*.network"), key=lambda f: f.stat().st_mtime)
        for old in files[:-DISK_CACHE_FILES]:
            old.unlink(missing_ok=True)
    except Exception:  # the cache is a convenience: the network is built and returned
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _remember(key: str, network: Network) -> None:
    _CACHE[key] = network
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)


def _fingerprint(lines: gpd.GeoDataFrame, columns: set, *options, flat=None) -> str:
    """A key of the geometries, the fields that shape the network, CRS and options.

    ``flat``: when every geometry is a 2D LineString, its coordinates and the number of
    coordinates of every line, as the caller has them already (hashed instead of the
    geometries)."""
    digest = hashlib.sha1()
    digest.update(repr(options).encode())
    digest.update(str(lines.crs).encode())
    if flat is not None:
        digest.update(b"flat")
        for array in flat:
            digest.update(np.ascontiguousarray(array).tobytes())
    else:
        _hash_geometries(digest, np.asarray(lines.geometry.values))
    for column in lines.columns:
        if column == lines.geometry.name or column not in columns:
            continue
        digest.update(str(column).encode())
        digest.update(str(lines[column].dtype).encode())
        try:
            # strings are hashed once per distinct value (a highway class repeats a lot)
            hashed = pd.util.hash_pandas_object(lines[column], index=False, categorize=True)
        except TypeError:  # unhashable values (lists): as text
            hashed = pd.util.hash_pandas_object(lines[column].astype(str), index=False)
        digest.update(hashed.values)
    return digest.hexdigest()


def _hash_geometries(digest, geoms: np.ndarray) -> None:
    """Coordinates and how they make up the geometries, as arrays (no WKB per line).

    Lines (and multilines) are hashed as one coordinate array with its part and
    geometry offsets; anything else (mixed kinds) as WKB."""
    missing = shapely.is_missing(geoms)
    digest.update(np.packbits(missing).tobytes())
    types = shapely.get_type_id(geoms)
    present = geoms[~missing]
    if len(present) and np.isin(types[~missing], (1, 5)).all():
        with contextlib.suppress(ValueError, NotImplementedError):
            _kind, coords, offsets = shapely.to_ragged_array(present, include_z=True)
            digest.update(b"ragged")
            digest.update(types.astype(np.int8))
            digest.update(np.ascontiguousarray(coords))
            for offset in offsets:
                digest.update(np.ascontiguousarray(offset, dtype=np.int64))
            return
    wkb = shapely.to_wkb(geoms)
    digest.update(b"-".join(item if item is not None else b"" for item in wkb))
