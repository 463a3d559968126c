"""pyproj in QGIS's worker threads without crashing QGIS.

QGIS runs Processing algorithms and tasks in threads of a Qt thread pool, which Python
did not create. Python gives such a thread a fresh thread state each time it enters
Python and drops it when it leaves. pyproj 3.7 keeps its PROJ context per thread twice:
in a ``threading.local`` (dropped with the thread state, which destroys the context)
and in a C-level thread-specific slot (which still points at the destroyed context).
The next run in the same pool thread then uses freed memory: QGIS crashes
(pyproj issue 1509; seen with QGIS 3.40 and 3.44 on Debian, pyproj 3.7.1).

:func:`keep_proj_context` keeps the context of the current thread alive after pyproj
work, so the slot never points at freed memory: each pool thread keeps one PROJ
context, used only by itself. Threads created by Python need nothing and are left alone.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: thread id -> pyproj's context manager of that thread, kept alive on purpose
_KEPT: dict[int, object] = {}
_LOCK = threading.Lock()


def _foreign_thread() -> bool:
    """Whether the current thread was created outside Python (a Qt pool thread)."""
    return isinstance(threading.current_thread(), threading._DummyThread)  # type: ignore[attr-defined]


def keep_proj_context() -> None:
    """Keep the PROJ context pyproj made for the current thread (see the module doc)."""
    if not _foreign_thread():
        return
    try:
        from pyproj._context import get_context_manager
    except ImportError:  # another pyproj layout: nothing known to keep
        return
    manager = get_context_manager()
    if manager is not None:
        with _LOCK:
            _KEPT[threading.get_ident()] = manager


@contextmanager
def proj_safe_thread() -> Iterator[None]:
    """Run a block of pyproj work in any thread; keeps its PROJ context afterwards."""
    try:
        yield
    finally:
        keep_proj_context()
