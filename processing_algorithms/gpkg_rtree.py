"""A GeoPackage layer's spatial index built in bulk when rows are appended in one go.

An empty GeoPackage layer as QGIS creates it has its R*-tree (``rtree_<table>_<geom>``)
and the triggers that insert every new row into it. Filled that way, SQLite inserts
one bounding box after the other (17 µs each on the 2-core machine: 0.23 s for 13,647
reached line pieces, more than the rows themselves). GDAL 3.8 and later build the tree
in memory and write its nodes at once, but only for a layer it creates itself; Debian
12's GDAL 3.6 never does.

:func:`bulk_index` does the same for an empty layer about to be filled: while the
rows are written, the R*-tree's triggers and its ``gpkg_extensions`` row are set aside
(so neither SQLite nor GDAL updates the index row by row); then the tree is packed
(sort-tile-recursive) from the rows' bounding boxes and written into the R*-tree's
own tables (``_node``, ``_rowid``, ``_parent``) in SQLite's format, and the triggers
and the extension row are put back as they were. The file is the one the triggers
would have made, with another (equally valid) tree shape: every box, rounded to
``float32`` outward as SQLite rounds, under its row's ``fid``. When anything is not
as expected (other triggers, no index), nothing is set aside and the rows go in the
usual way; when writing the nodes fails, SQLite inserts the boxes itself.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from geolib.io import transaction

#: SQLite's R*-tree: at most this many cells per node (RTREE_MAXCELLS)
MAX_CELLS = 51
#: a 2-D cell: the 64-bit id (row or child node) and four 32-bit floats
CELL = np.dtype([("id", ">i8"), ("minx", ">f4"), ("maxx", ">f4"), ("miny", ">f4"), ("maxy", ">f4")])
# SQLite's rounding of a double to the float it stores (rtreeValueDown/Up in rtree.c)
_TOWARDS = 1.0 - 1.0 / 8388608.0
_AWAY = 1.0 + 1.0 / 8388608.0


def _down(values: np.ndarray) -> np.ndarray:
    """``float32`` values not above ``values`` (SQLite's rtreeValueDown)."""
    f = values.astype(np.float32)
    over = f.astype(np.float64) > values
    if over.any():
        d = values[over]
        f[over] = (d * np.where(d < 0, _AWAY, _TOWARDS)).astype(np.float32)
    return f


def _up(values: np.ndarray) -> np.ndarray:
    """``float32`` values not below ``values`` (SQLite's rtreeValueUp)."""
    f = values.astype(np.float32)
    under = f.astype(np.float64) < values
    if under.any():
        d = values[under]
        f[under] = (d * np.where(d < 0, _TOWARDS, _AWAY)).astype(np.float32)
    return f


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass
class _SetAside:
    """The R*-tree of one layer with its triggers and extension row set aside."""

    path: str
    rtree: str
    triggers: list[str] = field(default_factory=list)
    extension: tuple | None = None


def _set_aside(path: str, table: str, column: str) -> _SetAside | None:
    """Drop the R*-tree triggers and the extension row of the empty ``table``; None (and
    nothing changed) when the layer is not as QGIS/GDAL create it."""
    rtree = f"rtree_{table}_{column}"
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        ext = con.execute(
            "SELECT rowid, * FROM gpkg_extensions WHERE lower(table_name) = lower(?) "
            "AND lower(column_name) = lower(?) AND extension_name = 'gpkg_rtree_index'",
            (table, column),
        ).fetchall()
        triggers = con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ? "
            "ESCAPE '\\' ORDER BY rowid",
            (rtree.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "\\_%",),
        ).fetchall()
        empty = con.execute(f"SELECT count(*) FROM {_quote(rtree + '_rowid')}").fetchone()[0]
        root = con.execute(f"SELECT count(*) FROM {_quote(rtree + '_node')}").fetchone()[0]
        if len(ext) != 1 or not triggers or empty != 0 or root != 1:
            con.execute("ROLLBACK")
            return None
        for name, _ in triggers:
            con.execute(f"DROP TRIGGER {_quote(name)}")
        con.execute("DELETE FROM gpkg_extensions WHERE rowid = ?", (ext[0][0],))
        con.execute("COMMIT")
        return _SetAside(path, rtree, [sql for _, sql in triggers], tuple(ext[0]))
    except sqlite3.Error:
        with contextlib.suppress(sqlite3.Error):
            con.execute("ROLLBACK")
        return None
    finally:
        con.close()


def _put_back(con: sqlite3.Connection, aside: _SetAside) -> None:
    for sql in aside.triggers:
        con.execute(sql)
    assert aside.extension is not None
    marks = ", ".join("?" * len(aside.extension))
    con.execute(
        "INSERT INTO gpkg_extensions (rowid, table_name, column_name, extension_name, "
        f"definition, scope) VALUES ({marks})",
        aside.extension,
    )


def _restore(aside: _SetAside) -> None:
    """The triggers and the extension row back (the rows were not written)."""
    con = sqlite3.connect(aside.path, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        _put_back(con, aside)
        con.execute("COMMIT")
    finally:
        con.close()


def pack(
    ids: np.ndarray, bounds: np.ndarray, capacity: int
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The levels of a sort-tile-recursive R-tree over ``bounds`` (n × 4: minx, miny,
    maxx, maxy): per level from the leaves up, the cells (``CELL``) and, per cell, the
    index of its node within the level. The last level has one node (the root)."""
    cells = np.empty(len(ids), dtype=CELL)
    cells["id"] = ids
    cells["minx"], cells["miny"] = _down(bounds[:, 0]), _down(bounds[:, 1])
    cells["maxx"], cells["maxy"] = _up(bounds[:, 2]), _up(bounds[:, 3])
    levels, owners = [], []
    while True:
        n = len(cells)
        if n <= capacity:
            order = np.arange(n)
            node = np.zeros(n, dtype=np.int64)
        else:
            cx = cells["minx"].astype(np.float64) + cells["maxx"]
            cy = cells["miny"].astype(np.float64) + cells["maxy"]
            nodes = -(-n // capacity)
            slices = int(np.ceil(np.sqrt(nodes)))
            per_slice = slices * capacity
            by_x = np.argsort(cx, kind="stable")
            slice_of = np.empty(n, dtype=np.int64)
            slice_of[by_x] = np.arange(n) // per_slice
            order = np.lexsort((cy, slice_of))
            # within each slice, runs of ``capacity`` cells; a slice's last node may be short
            rank = np.arange(n) - np.searchsorted(slice_of[order], slice_of[order])
            first = np.searchsorted(slice_of[order], np.arange(slices + 1))
            per = -(-np.diff(first) // capacity)
            offset = np.concatenate([[0], np.cumsum(per)])
            node = offset[slice_of[order]] + rank // capacity
        cells = cells[order]
        levels.append(cells)
        owners.append(node)
        if n <= capacity:
            return levels, owners
        count = int(node[-1]) + 1 if n else 0
        parent = np.empty(count, dtype=CELL)
        starts = np.searchsorted(node, np.arange(count))
        parent["minx"] = np.minimum.reduceat(cells["minx"], starts)
        parent["miny"] = np.minimum.reduceat(cells["miny"], starts)
        parent["maxx"] = np.maximum.reduceat(cells["maxx"], starts)
        parent["maxy"] = np.maximum.reduceat(cells["maxy"], starts)
        parent["id"] = np.arange(count)  # the node's index in its level (numbered later)
        cells = parent


def _write_tree(con: sqlite3.Connection, rtree: str, ids: np.ndarray, bounds: np.ndarray) -> None:
    """Write the packed tree into the (empty) R*-tree ``rtree``'s own tables."""
    size = con.execute(
        f"SELECT length(data) FROM {_quote(rtree + '_node')} WHERE nodeno = 1"
    ).fetchone()[0]
    capacity = min((size - 4) // CELL.itemsize, MAX_CELLS)
    if capacity < 3:
        raise ValueError("unexpected R*-tree node size")
    levels, owners = pack(ids, bounds, capacity)
    depth = len(levels) - 1
    # node numbers: the root is 1, the others from 2 on, level by level from the top;
    # node j of level L is the cell of level L + 1 whose id is j
    numbers: list[np.ndarray] = [np.array([1], dtype=np.int64)] * (depth + 1)
    next_no = 2
    for level in range(depth - 1, -1, -1):
        count = len(levels[level + 1])
        numbers[level] = np.arange(next_no, next_no + count, dtype=np.int64)
        next_no += count
    node_rows, parent_rows = [], []
    for level in range(depth + 1):
        cells = levels[level].copy()
        if level > 0:  # the cells point at the nodes of the level below
            cells["id"] = numbers[level - 1][levels[level]["id"]]
            parent_rows.extend(zip(cells["id"].tolist(), numbers[level][owners[level]].tolist()))
        node = owners[level]
        starts = np.searchsorted(node, np.arange(len(numbers[level])))
        ends = np.append(starts[1:], len(cells))
        for no, start, end in zip(numbers[level].tolist(), starts.tolist(), ends.tolist()):
            head = (depth if no == 1 else 0).to_bytes(2, "big") + (end - start).to_bytes(2, "big")
            data = head + cells[start:end].tobytes()
            node_rows.append((no, data + bytes(size - len(data))))
    leaf_of = numbers[0][owners[0]]
    con.execute(f"DELETE FROM {_quote(rtree + '_node')}")
    con.executemany(
        f"INSERT INTO {_quote(rtree + '_node')} (nodeno, data) VALUES (?, ?)", node_rows
    )
    _insert_rowids(con, rtree + "_rowid", levels[0]["id"], leaf_of)
    con.executemany(
        f"INSERT INTO {_quote(rtree + '_parent')} (nodeno, parentnode) VALUES (?, ?)",
        parent_rows,
    )


def _insert_rowids(con: sqlite3.Connection, table: str, ids: np.ndarray, nodes: np.ndarray):
    """The rows ``(id, node)`` of the R*-tree's ``_rowid`` table; consecutive ids go in
    as one JSON array (SQLite's ``json_each``: a third of the time of one row each)."""
    order = np.argsort(ids, kind="stable")
    ids, nodes = ids[order], nodes[order]
    if len(ids) and ids[-1] - ids[0] == len(ids) - 1:
        try:
            con.execute(
                f"INSERT INTO {_quote(table)} (rowid, nodeno) SELECT key + ?, value "
                "FROM json_each(?)",
                (int(ids[0]), "[" + ",".join(map(str, nodes.tolist())) + "]"),
            )
            return
        except sqlite3.OperationalError:  # an SQLite without JSON
            pass
    con.executemany(
        f"INSERT INTO {_quote(table)} (rowid, nodeno) VALUES (?, ?)",
        zip(ids.tolist(), nodes.tolist()),
    )


def _row_ids(con: sqlite3.Connection, table: str, fid: str) -> np.ndarray:
    """The ``fid`` of every row of ``table`` in order: those of the rows just written
    into the empty table (consecutive, as SQLite numbers them)."""
    first, last, count = con.execute(
        f"SELECT min({_quote(fid)}), max({_quote(fid)}), count(*) FROM {_quote(table)}"
    ).fetchone()
    if count and last - first == count - 1:
        return np.arange(first, last + 1, dtype=np.int64)
    rows = con.execute(f"SELECT {_quote(fid)} FROM {_quote(table)} ORDER BY 1").fetchall()
    return np.array([r[0] for r in rows], dtype=np.int64)


def _fill(aside: _SetAside, table: str, bounds: np.ndarray, fid: str) -> None:
    """The R*-tree of the rows just written (their boxes ``bounds``, in row order) and
    the triggers and the extension row back, in one transaction."""
    with transaction(aside.path) as con:
        fids = _row_ids(con, table, fid)
        if len(fids) != len(bounds):
            raise ValueError("the layer does not hold the rows just written")
        con.execute("SAVEPOINT nodes")
        try:
            _write_tree(con, aside.rtree, fids, bounds)
            con.execute("RELEASE nodes")
        except (sqlite3.Error, ValueError):  # e.g. shadow tables read-only: SQLite's way
            con.execute("ROLLBACK TO nodes")
            con.execute("RELEASE nodes")
            con.executemany(
                f"INSERT INTO {_quote(aside.rtree)} VALUES (?, ?, ?, ?, ?)",
                zip(
                    fids.tolist(),
                    bounds[:, 0].tolist(),
                    bounds[:, 2].tolist(),
                    bounds[:, 1].tolist(),
                    bounds[:, 3].tolist(),
                ),
            )
        _put_back(con, aside)


@contextlib.contextmanager
def bulk_index(
    path: str, table: str, column: str, bounds: np.ndarray, fid: str = "fid"
) -> Iterator[None]:
    """Around the one write of every row into the empty GeoPackage layer ``table``
    (geometry column ``column``, primary key ``fid``; ``bounds``: n × 4 boxes in row
    order, none empty):
    its R*-tree built in bulk afterwards (see the module docstring)."""
    aside = _set_aside(path, table, column)
    if aside is None:
        yield
        return
    try:
        yield
    except BaseException:
        _restore(aside)
        raise
    try:
        _fill(aside, table, bounds, fid)
    except BaseException:
        _restore(aside)
        raise
