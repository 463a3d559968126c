"""Which line ends are one node: the topology of :func:`geolib.network.build_network`.

From coordinates (shared vertices, ends within a tolerance, optionally noding within
one bridge/tunnel/layer level) or from OSM node ids (``node_from``/``node_to``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
from scipy import sparse
from scipy.sparse import csgraph
from scipy.spatial import cKDTree

from ._progress import Progress
from .errors import DataError
from .messages import Message, Number
from .network import (
    _EPS,
    _ID_FIELDS,
    _LEVEL_FIELDS,
    _end_points,
    _join_ends,
    _node,
    _split_at_vertices,
)

#: values of ``bridge``/``tunnel`` that mean "not a bridge/tunnel"
_NOT_SET = frozenset({"", "no", "false", "0", "nan", "none"})
#: coordinates of one node id may differ by this much (metres, rounding on reprojection)
_ID_XY_TOLERANCE = 1e-3


def _parts_note(labels, main: int, edge_u, length, n_comp: int) -> Message:
    """What separate parts mean for the user: how many, the main part's share."""
    part_length = np.bincount(labels[edge_u], weights=length, minlength=n_comp)
    others = np.delete(part_length, main)
    return Message(
        "The network has {n} parts that are not connected to each other; the main part "
        "holds {share} % of the street length, the other parts are at most {largest} m "
        "long. Places on different parts cannot reach each other, so points are snapped "
        "to the main part unless any part is allowed.",
        n=n_comp,
        share=round(100.0 * part_length[main] / max(part_length.sum(), _EPS), 1),
        largest=Number(round(float(others.max()))),
    )


def _coordinate_topology(
    frame, parts, part_row, node, snap_tolerance, progress: Progress, ends=None
):
    """Pieces and their end nodes from coordinates: split at shared vertices (and, with
    ``node``, where lines of one level cross), ends joined within ``snap_tolerance``.

    The last value says whether the pieces meet only at their ends (noded on one level).
    ``ends``: the first and last coordinates of every part, when known.
    """
    noded = False
    if node:
        levels = _levels(frame)
        noded = levels is None or len(np.unique(levels[part_row])) < 2
        pieces, piece_row, reversed_ = _node_by_level(
            parts, part_row, levels, progress.sub(0.0, 0.9)
        )
    else:
        pieces, piece_row, reversed_ = _split_at_vertices(parts, part_row)
    if pieces is parts and ends is not None:  # not split: the parts' ends
        starts, last = ends
    else:
        nonzero = shapely.length(pieces) > 0
        pieces, piece_row, reversed_ = pieces[nonzero], piece_row[nonzero], reversed_[nonzero]
        starts, last = _end_points(pieces)
    node_of, node_xy = _join_ends(np.vstack([starts, last]), snap_tolerance)
    n = len(pieces)
    progress.report(1.0)
    return pieces, piece_row, reversed_, node_of[:n], node_of[n:], node_xy, None, noded


def _levels(frame) -> np.ndarray | None:
    """The level of every row (from ``bridge``, ``tunnel``, ``layer``) as codes, or None
    when the lines have none of these fields."""
    if not any(name in frame.columns for name in _LEVEL_FIELDS):
        return None
    key = pd.Series([""] * len(frame), index=frame.index, dtype=object)
    for name in ("bridge", "tunnel"):
        if name in frame.columns:
            text = frame[name].astype(object).where(frame[name].notna(), "")
            flag = ~text.astype(str).str.strip().str.lower().isin(_NOT_SET)
            key = key + np.where(flag, name, "-") + "|"
    if "layer" in frame.columns:
        key = key + frame["layer"].map(_layer_text)
    return pd.factorize(key)[0].astype(np.int64)


def _layer_text(value) -> str:
    """A ``layer`` value as compared: as given, a missing value is 0, 1.0 is 1."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return "0"
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    text = str(value).strip()
    return text if text else "0"


def _node_by_level(parts, part_row, levels, progress: Progress):
    """Noding within each level only; pieces of different levels meet at shared vertices."""
    if levels is None or len(np.unique(levels[part_row])) < 2:
        return _node(parts, part_row, progress)
    level = levels[part_row]
    groups = np.unique(level)
    pieces, which, reversed_ = [], [], []
    for i, group in enumerate(groups):
        sel = np.flatnonzero(level == group)
        p, w, r = _node(parts[sel], sel, progress.sub(i / len(groups), (i + 1) / len(groups)))
        pieces.append(p)
        which.append(w)
        reversed_.append(r)
    all_pieces = np.concatenate(pieces)
    all_which, all_reversed = np.concatenate(which), np.concatenate(reversed_)
    split, of_piece, _ = _split_at_vertices(all_pieces, np.arange(len(all_pieces)))
    return split, part_row[all_which[of_piece]], all_reversed[of_piece]


def _id_topology(frame, parts, part_row, snap_tolerance, node, notes, what, zero_length, ends=None):
    """Pieces and nodes from the OSM node ids ``node_from``/``node_to`` of every row.

    Every single-part row with both ids is one edge between its two id nodes (no
    noding, no joining by coordinates); equal ids must have equal coordinates. Rows
    without ids are split at vertices shared with each other or with an id node and
    their ends join the nearest id node within ``snap_tolerance`` or each other.
    Usable rows of length 0 with ids (``zero_length``) make their two ids one node.
    ``ends``: the first and last coordinates of every part, when known.
    """
    ids = [pd.to_numeric(frame[name], errors="coerce") for name in _ID_FIELDS]
    has = (ids[0].notna() & ids[1].notna()).to_numpy()
    first_id = ids[0].fillna(-1).to_numpy().astype(np.int64)
    last_id = ids[1].fillna(-1).to_numpy().astype(np.int64)
    single = np.bincount(part_row, minlength=len(frame))[part_row] == 1
    by_id = has[part_row] & single
    rows = part_row[by_id]
    id_parts = parts[by_id]
    if ends is not None:
        starts, last = ends[0][by_id], ends[1][by_id]
    else:
        starts, last = _end_points(id_parts)
    end_ids = np.concatenate([first_id[rows], last_id[rows]])
    end_xy = np.vstack([starts, last])
    code, uniq_ids = pd.factorize(end_ids)
    first = np.unique(code, return_index=True)[1]
    node_xy = end_xy[first]
    off = np.hypot(*(end_xy - node_xy[code]).T)
    wrong = off > _ID_XY_TOLERANCE
    if wrong.any():
        bad = int(uniq_ids[code[np.flatnonzero(wrong)[0]]])
        with_bad = np.concatenate([rows, rows])[end_ids == bad]
        raise DataError(
            "The node id {id} of the {what} lies at different places ({d} m apart; rows "
            "{rows}): node_from and node_to must be the OSM ids of each line's first and "
            "last vertex. Read the OSM file again, or remove the fields node_from and "
            "node_to to connect the lines by their coordinates.",
            id=bad,
            what=what,
            d=Number(round(float(off[end_ids == bad].max()), 1)),
            rows=", ".join(str(int(r)) for r in np.unique(with_bad)[:10]),
        )
    n = len(id_parts)
    edge_u, edge_v = code[:n].astype(np.int64), code[n:].astype(np.int64)
    node_id = np.asarray(uniq_ids, dtype=np.int64)
    links = zero_length & has
    if links.any():  # a segment of length 0 joins its two nodes into one
        index = pd.Index(node_id)
        a = index.get_indexer(first_id[links])
        b = index.get_indexer(last_id[links])
        ok = (a >= 0) & (b >= 0)
        m = len(node_id)
        pairs = sparse.coo_matrix((np.ones(ok.sum()), (a[ok], b[ok])), shape=(m, m))
        _, label = csgraph.connected_components(pairs, directed=False)
        keep = np.unique(label, return_index=True)[1]
        edge_u, edge_v = label[edge_u], label[edge_v]
        node_xy, node_id = node_xy[keep], node_id[keep]
    if node:
        notes.append(
            Message(
                "The {what} has OSM node ids (node_from, node_to): lines are connected "
                "where they share a node and were not noded.",
                what=what,
            )
        )
    rest = np.flatnonzero(~by_id)
    pieces, piece_row = id_parts, rows
    if len(rest):
        notes.append(
            Message(
                "{n} lines of the {what} have no OSM node ids (node_from, node_to) or "
                "several parts; they were connected by their coordinates (at shared "
                "vertices and ends within {d} m).",
                n=len(np.unique(part_row[rest])),
                what=what,
                d=Number(snap_tolerance),
            )
        )
        more, more_row, _ = _split_at_vertices(parts[rest], part_row[rest], anchors=node_xy)
        nonzero = shapely.length(more) > 0
        more, more_row = more[nonzero], more_row[nonzero]
        m_starts, m_ends = _end_points(more)
        m_xy = np.vstack([m_starts, m_ends])
        on_id = np.zeros(len(m_xy), dtype=bool)
        nearest = np.zeros(len(m_xy), dtype=np.int64)
        if len(node_xy):
            dist, nearest = cKDTree(node_xy).query(
                m_xy, distance_upper_bound=max(snap_tolerance, 1e-6)
            )
            on_id = np.isfinite(dist)
        m_node = np.empty(len(m_xy), dtype=np.int64)
        m_node[on_id] = nearest[on_id]
        if (~on_id).any():
            joined, joined_xy = _join_ends(m_xy[~on_id], snap_tolerance)
            m_node[~on_id] = len(node_xy) + joined
            node_xy = np.vstack([node_xy, joined_xy])
            node_id = np.r_[node_id, np.full(len(joined_xy), -1, dtype=np.int64)]
        k = len(more)
        pieces = np.concatenate([pieces, more])
        piece_row = np.concatenate([piece_row, more_row])
        edge_u = np.concatenate([edge_u, m_node[:k]])
        edge_v = np.concatenate([edge_v, m_node[k:]])
    reversed_ = np.zeros(len(pieces), dtype=bool)
    return pieces, piece_row, reversed_, edge_u, edge_v, node_xy, node_id, False
