"""What geolib thinks it may allocate: available memory, not free memory."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from geolib.memory import DEFAULT_MEMORY_LIMIT, available_memory, memory_budget

linux = pytest.mark.skipif(not Path("/proc/meminfo").exists(), reason="needs /proc/meminfo")


def _meminfo(folder: Path, free_kib: int, available_kib: int) -> Path:
    proc = folder / "proc"
    proc.mkdir()
    (proc / "meminfo").write_text(
        f"MemTotal:       24000000 kB\nMemFree:        {free_kib} kB\n"
        f"MemAvailable:   {available_kib} kB\nBuffers:           1000 kB\n"
    )
    return proc


def _cgroup_v2(folder: Path, limit: str, current: int, inactive_file: int) -> Path:
    root = folder / "cgroup"
    root.mkdir()
    (root / "memory.max").write_text(limit + "\n")
    (root / "memory.current").write_text(f"{current}\n")
    (root / "memory.stat").write_text(f"anon 1000\nfile 5000\ninactive_file {inactive_file}\n")
    return root


def _cgroup_v1(folder: Path, limit: int, usage: int, inactive_file: int) -> Path:
    root = folder / "cgroup"
    (root / "memory").mkdir(parents=True)
    (root / "memory" / "memory.limit_in_bytes").write_text(f"{limit}\n")
    (root / "memory" / "memory.usage_in_bytes").write_text(f"{usage}\n")
    (root / "memory" / "memory.stat").write_text(
        f"inactive_file 10\ntotal_inactive_file {inactive_file}\n"
    )
    return root


def test_page_cache_counts_as_available(tmp_path):
    # the CI machine that refused a 142 MB raster: 225 MB free, gigabytes in the page cache
    proc = _meminfo(tmp_path, free_kib=225_000, available_kib=20_000_000)
    assert available_memory(proc, tmp_path / "none") == 20_000_000 * 1024


def test_a_container_limit_lowers_it(tmp_path):
    proc = _meminfo(tmp_path, free_kib=225_000, available_kib=20_000_000)
    gib = 1024**3
    cgroup = _cgroup_v2(tmp_path, str(2 * gib), current=3 * gib // 2, inactive_file=gib // 2)
    # 2 GiB limit − (1.5 GiB used − 0.5 GiB droppable cache) = 1 GiB
    assert available_memory(proc, cgroup) == 1024**3


def test_no_container_limit_leaves_it(tmp_path):
    proc = _meminfo(tmp_path, free_kib=225_000, available_kib=3_000_000)
    assert available_memory(proc, _cgroup_v2(tmp_path, "max", 10**9, 0)) == 3_000_000 * 1024


def test_cgroup_v1_limit(tmp_path):
    proc = _meminfo(tmp_path, free_kib=100, available_kib=20_000_000)
    cgroup = _cgroup_v1(tmp_path, limit=3 * 1024**3, usage=3 * 1024**3, inactive_file=1024**3)
    assert available_memory(proc, cgroup) == 1024**3
    unlimited = tmp_path / "v1-unlimited"
    unlimited.mkdir()
    cgroup = _cgroup_v1(unlimited, limit=9223372036854771712, usage=10, inactive_file=0)
    assert available_memory(proc, cgroup) == 20_000_000 * 1024


def test_a_container_over_its_limit_has_nothing(tmp_path):
    proc = _meminfo(tmp_path, free_kib=100, available_kib=20_000_000)
    cgroup = _cgroup_v2(tmp_path, "1000", current=5000, inactive_file=0)
    assert available_memory(proc, cgroup) == 0


@linux
def test_this_machine_reports_mem_available():
    fields = dict(
        (line.split(":")[0], int(line.split()[1]) * 1024)
        for line in Path("/proc/meminfo").read_text().splitlines()
    )
    got = available_memory()
    # the value is MemAvailable (or a container's lower headroom), read now; MemFree is
    # always below MemAvailable, so a reading of MemFree shows here whenever the page
    # cache holds more than a few percent
    assert got <= fields["MemAvailable"] * 1.05
    assert got > fields["MemFree"] * 0.5
    assert memory_budget() <= min(DEFAULT_MEMORY_LIMIT, fields["MemAvailable"] * 0.6 * 1.05)


@pytest.mark.skipif(sys.platform == "win32", reason="Linux paths")
def test_unreadable_system_falls_back(tmp_path):
    # no /proc/meminfo: the sysconf reading, and never an exception
    assert available_memory(tmp_path / "no-proc", tmp_path / "no-cgroup") > 0
