"""How much memory a request may use, and the one check against it.

``available_memory`` asks the operating system what a new allocation can get without
swapping: on Linux ``MemAvailable`` (free memory plus the page cache the kernel can drop),
lowered to what a container's memory limit (cgroup v1 or v2) leaves; on Windows the
available physical memory. Free memory alone (``MemFree``) is not it: after a large file
has been read, most memory is page cache, free in all but name, and a check against
``MemFree`` refused rasters a machine with gigabytes to spare could make.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import ResourceError
from .messages import human_bytes

__all__ = ["DEFAULT_MEMORY_LIMIT", "available_memory", "check_memory", "memory_budget"]

#: memory a request may use, in bytes, unless the caller says otherwise
DEFAULT_MEMORY_LIMIT = 4 * 1024**3
#: a cgroup limit at or above this means "no limit" (cgroup v1 writes 2**63 rounded down)
_NO_LIMIT = 2**60


def available_memory(proc: Path = Path("/proc"), cgroup: Path = Path("/sys/fs/cgroup")) -> int:
    """Bytes of memory a new allocation can get now, or :data:`DEFAULT_MEMORY_LIMIT`
    where the system does not say. ``proc`` and ``cgroup`` are the mount points read on
    Linux (parameters for tests)."""
    if sys.platform == "win32":
        return _windows_available() or DEFAULT_MEMORY_LIMIT
    system = _meminfo_available(proc / "meminfo") or _sysconf_free()
    if system is None:
        return DEFAULT_MEMORY_LIMIT
    container = _cgroup_headroom(cgroup)
    return system if container is None else min(system, container)


def memory_budget(limit: int = DEFAULT_MEMORY_LIMIT) -> int:
    """Bytes one request may use: 60 % of the memory available now, at most ``limit``."""
    return min(limit, int(available_memory() * 0.6))


def check_memory(needed: int, limit: int | None, *, what: str) -> None:
    """Refuse a request that would need more than ``limit`` bytes (default:
    :func:`memory_budget`); the one memory check of geolib's estimates."""
    if limit is None:
        limit = memory_budget()
    if needed > limit:
        raise ResourceError(
            "This {what} would need about {need} of memory, more than the {limit} "
            "available. Use fewer points, a smaller maximum cost or break, or a smaller "
            "network.",
            what=what,
            need=human_bytes(needed),
            limit=human_bytes(limit),
        )


def _meminfo_available(path: Path) -> int | None:
    """``MemAvailable`` of /proc/meminfo in bytes (Linux 3.14 and later)."""
    fields = _key_values(path)
    kib = fields.get("MemAvailable")
    return None if kib is None else kib * 1024


def _sysconf_free() -> int | None:
    """Free physical memory by ``sysconf`` (other Unix systems), or None."""
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        return None


def _cgroup_headroom(root: Path) -> int | None:
    """What the container's memory limit leaves: limit − (usage − inactive file cache);
    None without a limit. cgroup v2 (``memory.max``) first, then v1."""
    for limit_name, usage_name, cache_name in (
        ("memory.max", "memory.current", "inactive_file"),
        ("memory/memory.limit_in_bytes", "memory/memory.usage_in_bytes", "total_inactive_file"),
    ):
        limit = _read_int(root / limit_name)
        usage = _read_int(root / usage_name)
        if limit is None or usage is None or limit >= _NO_LIMIT:
            continue
        stat = _key_values(root / Path(limit_name).parent / "memory.stat")
        cache = stat.get(cache_name, 0)
        return max(0, limit - max(0, usage - cache))
    return None


def _read_int(path: Path) -> int | None:
    """The whole number in a one-line file ("max" and unreadable files: None)."""
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


def _key_values(path: Path) -> dict[str, int]:
    """``key value`` or ``Key: value kB`` lines as a dict of whole numbers."""
    try:
        lines = path.read_text().splitlines()
    except OSError:
        return {}
    out: dict[str, int] = {}
    for line in lines:
        parts = line.replace(":", " ").split()
        if len(parts) >= 2 and parts[1].isdigit():
            out[parts[0]] = int(parts[1])
    return out


def _windows_available() -> int | None:
    """``ullAvailPhys`` of ``GlobalMemoryStatusEx`` (Windows), or None."""
    import ctypes

    class _Status(ctypes.Structure):
        _fields_ = [
            ("dwLength", ctypes.c_ulong),
            ("dwMemoryLoad", ctypes.c_ulong),
            ("ullTotalPhys", ctypes.c_ulonglong),
            ("ullAvailPhys", ctypes.c_ulonglong),
            ("ullTotalPageFile", ctypes.c_ulonglong),
            ("ullAvailPageFile", ctypes.c_ulonglong),
            ("ullTotalVirtual", ctypes.c_ulonglong),
            ("ullAvailVirtual", ctypes.c_ulonglong),
            ("ullAvailExtendedVirtual", ctypes.c_ulonglong),
        ]

    status = _Status()
    status.dwLength = ctypes.sizeof(_Status)
    try:
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
            return int(status.ullAvailPhys)
    except (AttributeError, OSError):
        pass
    return None
