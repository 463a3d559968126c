"""Optional compiled kernels: numba when it is installed, else geolib's numpy code.

geolib never requires numba. :func:`numba_module` returns a compiled module, or
``None`` when numba is missing, fails to import, or is switched off with the
environment variable ``GEOLIB_NO_NUMBA=1`` (tests use it to run the numpy path).

Compiled functions are cached on disk (``cache=True``): next to the module when its
directory is writable, else in numba's user cache (``~/.cache/numba`` or
``NUMBA_CACHE_DIR``); when no cache directory is writable they are compiled per
process instead of failing.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

#: Set to 1 (or any value but 0) to force the numpy path.
DISABLE_ENV = "GEOLIB_NO_NUMBA"

_modules: dict[str, ModuleType | None] = {}


def switched_off(env: str) -> bool:
    """Whether the environment variable ``env`` is set to anything but empty or 0."""
    return os.environ.get(env, "").strip() not in ("", "0")


def disabled() -> bool:
    """Whether ``GEOLIB_NO_NUMBA`` switches the compiled kernels off."""
    return switched_off(DISABLE_ENV)


def numba_module(name: str) -> ModuleType | None:
    """The compiled module ``<name>`` of this package (it imports numba), or ``None``."""
    if disabled():
        return None
    if name not in _modules:
        try:
            # relative: the package is ``geolib`` here, ``sozialplanung.geolib`` in the plugin
            _modules[name] = importlib.import_module(f".{name}", __package__)
        except Exception:  # numba missing or broken (e.g. built for another numpy)
            _modules[name] = None
    return _modules[name]


def njit(func):
    """``numba.njit(cache=True, nogil=True, fastmath=False)``; no cache if none is writable."""
    import numba

    try:
        return numba.njit(cache=True, nogil=True, fastmath=False)(func)
    except RuntimeError:  # "cannot cache function ...: no locator available"
        return numba.njit(cache=False, nogil=True, fastmath=False)(func)
