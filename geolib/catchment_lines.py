"""Reached line pieces of catchments: edges cut at the exact cost of each break."""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from .network import (
    Network,
)


def _pieces_from(network, group, edge, du, dv, b, *, split_labels=None):
    """Reached pieces of edges without an offer on them, each with a linear cost.

    Returns a frame with ``group``, ``edge``, ``s0``, ``s1`` (fractions) and ``g0``,
    ``g1``: the cost at ``s0`` and ``s1``, linear in between.
    """
    cf, cb = network.cost_fw[edge], network.cost_bw[edge]
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        a = np.nan_to_num(np.where(du < b, np.clip((b - du) / cf, 0.0, 1.0), 0.0))
        bb = np.nan_to_num(np.where(dv < b, np.clip((b - dv) / cb, 0.0, 1.0), 0.0))
        # where the costs from both ends meet: du + s·cf = dv + (1 - s)·cb
        star = np.nan_to_num((dv + cb - du) / (cf + cb), nan=0.5)
    both = (a > 0) & (bb > 0)
    # reached from both ends over the whole edge: the pieces meet where the costs meet,
    # both ending exactly at that fraction (1 - (1 - x) need not be x in floating point)
    meet = both & (1.0 - bb <= a)
    star = np.clip(star, 1.0 - bb, a)
    start_v = np.where(meet, star, 1.0 - bb)
    a = np.where(meet, star, a)
    bb = np.where(meet, 1.0 - star, bb)
    gu, gv = split_labels if split_labels is not None else (group, group)
    out = []
    sel = a > 0
    if sel.any():
        out.append(
            (gu[sel], edge[sel], np.zeros(sel.sum()), a[sel], du[sel], du[sel] + a[sel] * cf[sel])
        )
    sel = bb > 0
    if sel.any():
        out.append(
            (
                gv[sel],
                edge[sel],
                start_v[sel],
                np.ones(sel.sum()),
                dv[sel] + bb[sel] * cb[sel],
                dv[sel],
            )
        )
    if not out:
        return _empty_pieces()
    cols = [np.concatenate(c) for c in zip(*out)]
    return pd.DataFrame(dict(zip(["group", "edge", "s0", "s1", "g0", "g1"], cols)))


def _empty_pieces():
    return pd.DataFrame(
        {
            "group": pd.Series([], dtype=np.int64),
            "edge": pd.Series([], dtype=np.int64),
            "s0": pd.Series([], dtype=float),
            "s1": pd.Series([], dtype=float),
            "g0": pd.Series([], dtype=float),
            "g1": pd.Series([], dtype=float),
        }
    )


def _edge_with_offers(network, e, node_funcs, offers_here, b):
    """Pieces of edge ``e`` with offers on it, exactly: the cheapest of several linear costs.

    ``node_funcs``: (group, cost at edge_u, cost at edge_v) reaching the edge from its
    ends; ``offers_here``: (group, fraction) of offers on it. Between the points where
    these costs cross, the cheapest is one linear function, owned by one group.
    """
    cf, cb = float(network.cost_fw[e]), float(network.cost_bw[e])
    funcs = []  # (group, lo, hi, slope, intercept): cost = intercept + slope·s on [lo, hi]
    for group, du, dv in node_funcs:
        if np.isfinite(du) and np.isfinite(cf):
            funcs.append((group, 0.0, 1.0, cf, du))
        if np.isfinite(dv) and np.isfinite(cb):
            funcs.append((group, 0.0, 1.0, -cb, dv + cb))
    for group, t in offers_here:
        funcs.append((group, t, t, 0.0, 0.0))
        if np.isfinite(cf):
            funcs.append((group, t, 1.0, cf, -t * cf))
        if np.isfinite(cb):
            funcs.append((group, 0.0, t, -cb, t * cb))
    cut_set = {0.0, 1.0}
    for _, lo, hi, _, _ in funcs:
        cut_set.update((lo, hi))
    for i, (_, lo1, hi1, m1, c1) in enumerate(funcs):
        for _, lo2, hi2, m2, c2 in funcs[i + 1 :]:
            if m1 != m2:
                x = (c2 - c1) / (m1 - m2)
                if max(lo1, lo2) < x < min(hi1, hi2):
                    cut_set.add(x)
    cuts = sorted(cut_set)
    rows = []
    for s0, s1 in zip(cuts[:-1], cuts[1:]):
        if s1 - s0 <= 1e-12:
            continue
        mid = 0.5 * (s0 + s1)
        best = None
        for f in funcs:
            if f[1] <= mid <= f[2] and f[1] < f[2]:
                value = f[4] + f[3] * mid
                if best is None or value < best[0]:
                    best = (value, f)
        if best is None:
            continue
        group, _, _, m, c = best[1]
        g0, g1 = c + m * s0, c + m * s1
        if min(g0, g1) >= b:
            continue
        if max(g0, g1) > b:  # cut where the cost reaches the break
            x = s0 + (s1 - s0) * (b - g0) / (g1 - g0)
            s0, s1, g0, g1 = (s0, x, g0, b) if g0 < g1 else (x, s1, b, g1)
        rows.append((group, e, s0, s1, g0, g1))
    return rows


def _pieces_for_matrix(network, dist, sel, snapped, b, group=None):
    """Pieces of each offer in a chunk of per-offer costs (``dist``: a
    :class:`~geolib.bounded_search.Reached` of offers × nodes).

    ``sel``: the (sorted) offer of every row; ``group``: the offer of every snapped
    point (default: each point is an offer). An offer's own edges (those its points lie
    on) are cut exactly with all its points on them. Only the reached nodes and their
    incident edges are looked at, so the work grows with the reached part of the
    network, not with its size.
    """
    u, v = network.edge_u, network.edge_v
    m = network.n_edges
    if group is None:
        group = np.arange(len(snapped.edge))
    srcs = np.flatnonzero(np.isin(group, sel))
    src_row = np.searchsorted(sel, group[srcs])
    src_key = src_row.astype(np.int64) * m + snapped.edge[srcs]
    order = np.argsort(src_key, kind="stable")
    src_key, srcs = src_key[order], srcs[order]
    own_keys, first = np.unique(src_key, return_index=True)
    rows_, edge = _reached_pairs(network, dist, b)
    keep = ~np.isin(rows_.astype(np.int64) * m + edge, own_keys)
    rows_, edge = rows_[keep], edge[keep]
    frame = _pieces_from(
        network, sel[rows_], edge, dist.at(rows_, u[edge]), dist.at(rows_, v[edge]), b
    )
    extra = []
    own_r, own_e = own_keys // m, own_keys % m
    own_du, own_dv = dist.at(own_r, u[own_e]), dist.at(own_r, v[own_e])
    for i, (r, e, lo, hi) in enumerate(zip(own_r, own_e, first, np.r_[first[1:], len(srcs)])):
        offer = sel[r]
        extra += _edge_with_offers(
            network,
            int(e),
            [(offer, own_du[i], own_dv[i])],
            [(offer, snapped.fraction[j]) for j in srcs[lo:hi]],
            b,
        )
    return _concat_extra(frame, extra)


def _reached_pairs(network, dist, b):
    """(row, edge) of every edge with an end node cheaper than ``b`` in that row."""
    ptr, inc = _incidence(network)
    cheaper = dist.cost < b
    rows_, nodes_ = dist.row[cheaper], dist.node[cheaper]
    counts = ptr[nodes_ + 1] - ptr[nodes_]
    total = int(counts.sum())
    starts = np.repeat(ptr[nodes_], counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    edges = inc[starts + offsets]
    key = np.unique(np.repeat(rows_, counts).astype(np.int64) * network.n_edges + edges)
    return key // network.n_edges, key % network.n_edges


def _incidence(network):
    """CSR of the edges at every node: ``inc[ptr[n]:ptr[n + 1]]``."""
    if network._incidence_cache is not None:
        return network._incidence_cache
    ends = np.concatenate([network.edge_u, network.edge_v])
    edges = np.concatenate([np.arange(network.n_edges)] * 2)
    order = np.argsort(ends, kind="stable")
    ptr = np.r_[0, np.cumsum(np.bincount(ends, minlength=network.n_nodes))]
    network._incidence_cache = (ptr, edges[order])
    return network._incidence_cache


def _concat_extra(frame, extra):
    if not extra:
        return frame
    ex = pd.DataFrame(extra, columns=["group", "edge", "s0", "s1", "g0", "g1"])
    return pd.concat([frame, ex], ignore_index=True)


def _pieces_min(network, d, label, snapped, b, *, split):
    """Pieces from the cheapest cost over all offers (dissolve) or by territory (split)."""
    u, v = network.edge_u, network.edge_v
    du, dv = d[u], d[v]
    reached = (du < b) | (dv < b)
    own_edges = np.unique(snapped.edge)
    reached[own_edges] = False
    edge = np.flatnonzero(reached)
    if split:
        frame = _pieces_from(
            network,
            None,
            edge,
            du[edge],
            dv[edge],
            b,
            split_labels=(label[u[edge]], label[v[edge]]),
        )
    else:
        zeros = np.zeros(len(edge), dtype=np.int64)
        frame = _pieces_from(network, zeros, edge, du[edge], dv[edge], b)
    extra = []
    order = np.argsort(snapped.edge, kind="stable")
    edges_sorted = snapped.edge[order]
    starts = np.searchsorted(edges_sorted, own_edges, "left")
    ends = np.searchsorted(edges_sorted, own_edges, "right")
    for e, lo, hi in zip(own_edges, starts, ends):
        here = order[lo:hi]
        if split:
            node_funcs = [(label[u[e]], d[u[e]], np.inf), (label[v[e]], np.inf, d[v[e]])]
            offers_here = [(o, snapped.fraction[o]) for o in here]
        else:
            node_funcs = [(0, d[u[e]], d[v[e]])]
            offers_here = [(0, snapped.fraction[o]) for o in here]
        extra += _edge_with_offers(network, e, node_funcs, offers_here, b)
    return _concat_extra(frame, extra)


def _by_break(pieces: pd.DataFrame, values: list[float]) -> pd.DataFrame:
    """Cut linear-cost pieces where their cost crosses a break; ``break_no`` from 0.

    The part of a piece with cost in (B[j-1], B[j]] gets ``break_no`` j.
    """
    s0, s1 = pieces["s0"].to_numpy(), pieces["s1"].to_numpy()
    g0, g1 = pieces["g0"].to_numpy(), pieces["g1"].to_numpy()
    lows = np.r_[-np.inf, values[:-1]]
    frames = []
    flat = np.abs(g1 - g0) < 1e-12
    with np.errstate(invalid="ignore", divide="ignore"):
        for j, (lo, hi) in enumerate(zip(lows, values)):
            # the parameter τ (0 at s0, 1 at s1) where the cost is lo and hi
            t_lo = np.where(flat, 0.0, (lo - g0) / (g1 - g0))
            t_hi = np.where(flat, 1.0, (hi - g0) / (g1 - g0))
            a = np.clip(np.fmin(t_lo, t_hi), 0.0, 1.0)
            z = np.clip(np.fmax(t_lo, t_hi), 0.0, 1.0)
            inside = np.where(flat, (g0 > lo) & (g0 <= hi), z - a > 1e-9)
            if not inside.any():
                continue
            part = pieces[inside].copy()
            a, z = a[inside], z[inside]
            length = s1[inside] - s0[inside]
            gg0, gg1 = g0[inside], g1[inside]
            # uncut ends keep their exact fractions (s0 + 1·(s1 - s0) need not be s1), so
            # pieces meeting there share their end point
            part["s0"] = np.where(a <= 0.0, s0[inside], s0[inside] + a * length)
            part["s1"] = np.where(z >= 1.0, s1[inside], s0[inside] + z * length)
            part["g0"] = np.where(a <= 0.0, gg0, gg0 + a * (gg1 - gg0))
            part["g1"] = np.where(z >= 1.0, gg1, gg0 + z * (gg1 - gg0))
            part["break_no"] = j
            frames.append(part)
    if not frames:
        out = _empty_pieces()
        out["break_no"] = pd.Series([], dtype=np.int64)
        return out
    return pd.concat(frames, ignore_index=True)


def _substrings(network: Network, edge: np.ndarray, s0, s1) -> np.ndarray:
    """Parts [s0, s1] (fractions of length) of edge geometries, vectorised."""
    s0 = np.asarray(s0, dtype=float)
    s1 = np.asarray(s1, dtype=float)
    out = np.empty(len(edge), dtype=object)
    full = (s0 <= 0) & (s1 >= 1)
    out[full] = network.geometry[edge[full]]
    part = np.flatnonzero(~full)
    if len(part) == 0:
        return out
    coords, cum, offsets = _edge_coords(network)
    e = edge[part]
    a, b = s0[part], s1[part]
    key = 2.0 * np.arange(network.n_edges)
    # every vertex is keyed by 2·edge + its fraction, so one sorted array serves all edges
    vkey = np.repeat(key, np.diff(offsets)) + cum
    lo = np.searchsorted(vkey, 2.0 * e + a, "right")
    hi = np.searchsorted(vkey, 2.0 * e + b, "left")
    hi = np.maximum(hi, lo)
    start = _point_at(coords, cum, offsets, e, a, lo)
    end = _point_at(coords, cum, offsets, e, b, hi)
    inner = hi - lo
    count = inner + 2
    piece = np.repeat(np.arange(len(part)), count)
    first = np.r_[0, np.cumsum(count)[:-1]]
    pos = np.arange(count.sum()) - np.repeat(first, count)
    xy = np.empty((count.sum(), 2))
    is_start = pos == 0
    is_end = pos == np.repeat(count - 1, count)
    xy[is_start] = start
    xy[is_end] = end
    mid = ~is_start & ~is_end
    xy[mid] = coords[(np.repeat(lo, count) + pos - 1)[mid]]
    out[part] = shapely.linestrings(xy, indices=piece)
    return out


def _point_at(coords, frac, offsets, edge, s, after):
    """Points at fractions ``s`` of the edges' lengths; ``after``: global index of the
    first vertex of each edge beyond ``s`` (from the sorted vertex keys), clipped to the
    edge's vertices. Linear between the two vertices around ``s``."""
    first, last = offsets[edge], offsets[edge + 1] - 1
    j = np.clip(after, first + 1, last)  # the segment (j - 1, j) holds s
    f0, f1 = frac[j - 1], frac[j]
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(f1 > f0, (s - f0) / (f1 - f0), 0.0)
    t = np.clip(t, 0.0, 1.0)
    p0, p1 = coords[j - 1], coords[j]
    out = p0 + t[:, None] * (p1 - p0)
    # at a vertex exactly its coordinates (however the vertex was looked up)
    out[t >= 1.0] = p1[t >= 1.0]
    out[t <= 0.0] = p0[t <= 0.0]
    return out


def _edge_coords(network: Network):
    if network._coords_cache is not None:
        return network._coords_cache
    coords, index = shapely.get_coordinates(network.geometry, return_index=True)
    offsets = np.r_[0, np.cumsum(np.bincount(index, minlength=network.n_edges))]
    seg = np.r_[0.0, np.hypot(*np.diff(coords, axis=0).T)]
    seg[offsets[:-1]] = 0.0
    cum = np.cumsum(seg)
    cum -= np.repeat(cum[offsets[:-1]], np.diff(offsets))
    total = np.repeat(np.maximum(cum[offsets[1:] - 1], 1e-12), np.diff(offsets))
    frac = np.clip(cum / total, 0, 1)
    network._coords_cache = (coords, frac, offsets)
    return network._coords_cache
