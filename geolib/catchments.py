"""Network and distance catchments (Einzugsgebiete) of offers, with reached population.

:func:`network_catchments` answers "which streets, which areas and how many people
reach an offer within 5, 10, 15 minutes": one bounded multi-source Dijkstra pass
over a :class:`~geolib.network.Network` for all breaks (per offer: bounded runs
from each offer in chunks, never a whole-graph run), partly reached edges cut at
the exact cost, and polygons as the union of the reached line pieces buffered by
a walk-off distance, so that a larger break's polygon contains the smaller one's.
:func:`distance_catchments` (:mod:`geolib.catchment_distance`, exported here) does the
same with straight-line (Luftlinie) circles.
:func:`reached_population` counts the people inside each catchment and those
outside the coverage in each municipality.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.sparse import csgraph

from ._progress import Progress
from .bounded_search import bounded_costs, reached_costs
from .catchment_areas import _add_stranded, _Ahead, _polygons, _rings, _territories
from .catchment_common import (
    ALL_OFFERS,
    DIRECTIONS,
    CatchmentResult,
    _check_offers,
    _check_overlap,
    _offer_ids,
    check_direction,
    check_islands,
    parse_breaks,
)
from .catchment_distance import distance_catchments
from .catchment_lines import _by_break, _pieces_for_matrix, _pieces_min, _substrings
from .errors import DataError, ParameterError, ResourceError
from .memory import check_memory
from .messages import N_, Message, Number
from .network import Network
from .population import _with_population, checked_population, reached_population
from .routing import snap_points, with_sources

__all__ = [
    "ALL_OFFERS",
    "DIRECTIONS",
    "CatchmentResult",
    "distance_catchments",
    "network_catchments",
    "parse_breaks",
    "reached_population",
]

_BYTES_PER_PIECE = 600  # a line piece, its share of a polygon and of the frames
#: most street pieces that per-offer areas may be built from (about 12 minutes of work
#: at ~2,700 pieces a second); more is refused before the work, see ``max_pieces``
MAX_PIECES = 2_000_000


def _offer_distances(ids, metres) -> Message:
    """Offers with their distance to the network ("a (120 m), b"), the metres as
    number fields (shown in the user's language)."""
    fields: dict[str, object] = {}
    items = []
    for i, (oid, d) in enumerate(zip(ids, metres)):
        fields[f"o{i}"] = str(oid)
        if d == d:  # not NaN
            fields[f"m{i}"] = Number(round(float(d)))
            items.append(f"{{o{i}}} ({{m{i}}} m)")
        else:
            items.append(f"{{o{i}}}")
    return Message(", ".join(items), **fields)


def _check_work(
    pieces: float, limit: int, k: int, share: float, max_break: float, farthest: float, unit: str
) -> None:
    """Refuse per-offer areas that would be built from more than ``limit`` street pieces
    (``share``: the part of the network one offer reaches within the largest break)."""
    if pieces <= limit:
        return
    # pieces grow about with the reached area (the break squared) up to the farthest point
    fits = min(max_break, farthest or max_break) * math.sqrt(limit / pieces)
    raise ResourceError(
        "These catchments would be built from about {pieces} street pieces ({k} offers, "
        "each reaching {share} % of the network within the largest break of {brk} {unit}); "
        "more than {limit} would take very long. The farthest point reached is {farthest} "
        "{unit} away, so a larger break adds nothing. Use a smaller largest break (about "
        "{fits} {unit} fits), fewer offers, or the overlap 'dissolve' (coverage) or 'split'.",
        pieces=Number(round(pieces)),
        k=k,
        share=Number(round(100.0 * share, 1)),
        brk=Number(max_break),
        unit=unit,
        limit=Number(limit),
        farthest=Number(round(float(farthest), 1)),
        fits=Number(round(fits, -1 if fits > 100 else 1)),
    )


def directed(network: Network, direction: str) -> Network:
    """The network to route on so that costs from a source are those of ``direction``.

    ``"from_offer"``: the network itself; ``"to_offer"``: the reversed network, whose
    cost from the offer to a place is the cost from that place to the offer.
    """
    check_direction(direction)
    return network if direction == "from_offer" else network.reversed()


def _offer_parts(offers: gpd.GeoDataFrame, ids: pd.Series) -> tuple[gpd.GeoDataFrame, np.ndarray]:
    """One row per point of every offer (multipoints exploded) with ``offer_id``, and
    ``part`` (1, 2, …) when a multipoint is among them; and the offer row of each part.

    Points, other geometries and empty or missing geometries stay one row each.
    """
    geoms = np.asarray(offers.geometry.values)
    multi = ~pd.isna(geoms) & (shapely.get_type_id(geoms) == 4)
    counts = np.where(multi, shapely.get_num_geometries(geoms), 1)
    counts = np.maximum(counts, 1)
    rows = np.repeat(np.arange(len(offers)), counts)
    part = np.arange(len(rows)) - np.repeat(np.cumsum(counts) - counts, counts)
    parts = geoms[rows].copy()
    explode = multi[rows]
    if explode.any():
        parts[explode] = shapely.get_geometry(parts[explode], part[explode])
    frame = gpd.GeoDataFrame(
        pd.DataFrame(offers.drop(columns=offers.geometry.name)).iloc[rows].reset_index(drop=True),
        geometry=parts,
        crs=offers.crs,
    )
    frame["offer_id"] = ids.to_numpy()[rows]
    if multi.any():
        frame["part"] = part + 1
    return frame, rows


def _multipoint_note(offers: gpd.GeoDataFrame, n_parts: int) -> Message | None:
    geoms = np.asarray(offers.geometry.values)
    n_multi = int((~pd.isna(geoms) & (shapely.get_type_id(geoms) == 4)).sum())
    if not n_multi:
        return None
    return Message(
        "{n} offers are multipoints: each of their points is routed ({parts} points of all "
        "offers) and an offer's catchment is the union of its points' catchments.",
        n=n_multi,
        parts=n_parts,
    )


def _unit_names(unit: str) -> tuple[str, str, str]:
    return ("break_min", "from_min", "to_min") if unit == "min" else ("break_m", "from_m", "to_m")


# --- network catchments ----------------------------------------------------------------
def network_catchments(
    network: Network,
    offers: gpd.GeoDataFrame,
    *,
    breaks: str | Sequence[float],
    id_field: str | None = "offer_id",
    direction: str = "to_offer",
    overlap: str = "per_offer",
    rings: bool = False,
    snap_distance: float = 250.0,
    islands: str = "main",
    walkoff: float = 50.0,
    population: gpd.GeoDataFrame | None = None,
    population_field: str | None = None,
    population_areas: gpd.GeoDataFrame | None = None,
    land_share_field: str | None = None,
    node_costs: bool = False,
    polygons: bool = True,
    memory_limit: int | None = None,
    max_pieces: int = MAX_PIECES,
    progress: Progress | None = None,
) -> CatchmentResult:
    """Network catchments of ``offers`` for every break in one bounded pass.

    Parameters
    ----------
    network
        From :func:`geolib.network.build_network`; breaks are in its unit
        (minutes for time networks, metres for distance networks).
    offers
        Offer points; each snaps to the nearest point on an edge. Every point of a
        multipoint offer is a source of that offer: its catchment is the union of
        theirs (the cheapest cost over its points).
    breaks
        Increasing costs such as ``"5,10,15"``.
    id_field
        Field with the offer id (default ``offer_id``; rows are numbered without it),
        written as ``offer_id`` to every output.
    direction
        ``"to_offer"`` (default): the cost of travelling to the offer, so the catchment
        is where people reach the offer from within the break; ``"from_offer"``:
        travelling away from the offer (QGIS's service area). They differ only on
        one-way streets (bike and car profiles, direction fields).
    overlap
        ``"per_offer"`` (one area per offer and break, overlapping), ``"dissolve"``
        (the union per break: coverage) or ``"split"`` (service territories: each
        street piece belongs to its nearest offer).
    rings
        Areas between breaks instead of from 0 to each break.
    snap_distance
        Offers farther from the network (metres) are returned in ``unroutable``.
    islands
        ``"main"`` (default): offers snap to the main network only; ``"any"``: to any
        part of it, also small separate pieces.
    walkoff
        Buffer (metres) around reached streets that makes the polygons: how far
        people live from the street.
    population, population_field
        Optional population (polygons with counts, area-weighted, or points)
        counted per area, and per municipality in ``population`` of the result.
    population_areas, land_share_field
        Optional areas (e.g. municipalities) to count the population per, and the
        land share of population cells (see :func:`geolib.population.population_pieces`).
    node_costs
        Also return the cost of every reached node (nearest offer).
    polygons
        Build the areas (the costly part); without them ``areas`` is empty and only
        the reached lines (and node costs) are returned.
    memory_limit
        Refuse requests estimated to need more bytes (ResourceError).
    max_pieces
        Refuse per-offer areas estimated (from a sample of offers) to be built from
        more street pieces (ResourceError naming the largest break that fits).
    progress
        Progress and cancellation.

    Returns
    -------
    CatchmentResult

    Notes
    -----
    With node costs :math:`D(u), D(v)` of an edge with costs :math:`c_{fw}, c_{bw}`,
    the reached part for break :math:`B` is :math:`[0, a] \\cup [1-b, 1]` of its
    length with :math:`a = (B - D(u)) / c_{fw}` and :math:`b = (B - D(v)) / c_{bw}`
    (clipped to 0–1), the whole edge when :math:`a + b \\ge 1`. An offer at
    fraction :math:`t` on its edge adds :math:`[t - B / c_{bw}, t + B / c_{fw}]`.
    The area is :math:`\\bigcup_i \\mathrm{buffer}(\\text{piece}_i, w)`.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import LineString, Point
    >>> from geolib.network import build_network
    >>> lines = gpd.GeoDataFrame(geometry=[LineString([(0, 0), (1000, 0)])], crs=25832)
    >>> net = build_network(lines, cost="distance", profile=None)
    >>> offers = gpd.GeoDataFrame({"offer_id": ["a"]}, geometry=[Point(500, 10)], crs=25832)
    >>> res = network_catchments(net, offers, breaks="100,200", walkoff=10)
    >>> res.lines["to_m"].round(1).tolist()  # two bands on each side of the offer
    [100.0, 100.0, 200.0, 200.0]
    >>> round(res.lines.length.sum(), 1)
    400.0
    """
    progress = progress or Progress()
    notes: list[Message] = list(network.notes)
    values = parse_breaks(breaks)
    _check_overlap(overlap)
    check_islands(islands)
    routed = directed(network, direction)
    if not (walkoff > 0):
        raise ParameterError(
            "The walk-off distance must be greater than 0 m (it is {value}).", value=walkoff
        )
    _check_offers(offers)
    counted = checked_population(
        population,
        population_field,
        population_areas=population_areas,
        land_share_field=land_share_field,
    )
    ids = _offer_ids(offers, id_field, notes)
    parts, part_offer = _offer_parts(offers, ids)
    note = _multipoint_note(offers, len(parts))
    if note is not None:
        notes.append(note)
    snapped = snap_points(
        routed,
        parts,
        snap_distance=snap_distance,
        labels=parts["offer_id"],
        islands=islands,
    )
    notes += snapped.notes
    unroutable = snapped.unroutable.reset_index(drop=True)
    if len(snapped.edge) == 0:
        listing = _offer_distances(unroutable["offer_id"][:20], unroutable["snap_dist_m"][:20])
        raise DataError(
            "No offer lies within {d} m of the network, so no catchment can be computed. "
            "Offers and their distance to the network: {offers}. Increase the snap "
            "distance or choose the network that covers the offers.",
            d=Number(snap_distance),
            offers=listing,
        )
    if snapped.distance.size and snapped.distance.max() > walkoff:
        notes.append(
            Message(
                "{n} offers are farther from the network than the walk-off distance of {w} m; "
                "their areas may not contain them.",
                n=int((snapped.distance > walkoff).sum()),
                w=walkoff,
            )
        )
    # every routable point is a source; the sources of one offer form a group (an offer
    # with several points: the cheapest of them per place)
    offer_rows, group = np.unique(part_offer[snapped.position], return_inverse=True)
    group = group.ravel()
    group_ids = ids.to_numpy()[offer_rows]
    source_ids = group_ids[group]
    graph, src = with_sources(routed, snapped)
    max_break = values[-1]
    n = routed.n_nodes
    k = len(src)
    progress.report(0.05)
    frames: list[pd.DataFrame] = []
    nodes = None
    if overlap == "per_offer":
        # estimate the size from a few offers before running all of them
        sample = np.unique(np.linspace(0, k - 1, min(k, 8)).astype(int))
        reached, farthest = 0.0, 0.0
        for _, dist in bounded_costs(graph, src[sample], max_break):
            finite = np.isfinite(dist[:, :n])
            reached = float(finite.sum(axis=1).mean())
            farthest = float(dist[:, :n][finite].max()) if finite.any() else 0.0
        per_edge = routed.n_edges / max(n, 1)
        check_memory(
            int(k * reached * per_edge * len(values) * _BYTES_PER_PIECE),
            memory_limit,
            what=N_("catchment request"),
        )
        if polygons:
            pieces = k * reached * per_edge * len(values)
            _check_work(
                pieces, max_pieces, k, reached / max(n, 1), max_break, farthest, routed.unit
            )
        sub = progress.sub(0.05, 0.6)
        # with polygons, each chunk of offers gets its polygons in the background while
        # the next chunk is routed (the routing runs on one core, the polygons on all)
        ahead = None
        if polygons:
            unit_col = _unit_names(routed.unit)[0]
            ahead = _Ahead(values, unit_col, walkoff, network.noded, progress)
        try:
            xy = routed.node_xy
            search = _group_costs(graph, src, group, max_break, n, xy, index=routed, progress=sub)
            for sel, reached in search:
                frame = _pieces_for_matrix(routed, reached, sel, snapped, max_break, group)
                if ahead is None:
                    frames.append(frame)
                else:
                    ahead.submit(_lines_frame(routed, _by_break(frame, values), values, group_ids))
        except BaseException:
            if ahead is not None:
                ahead.cancel()
            raise
    else:
        ahead = None
        check_memory(
            int(routed.n_edges * len(values) * _BYTES_PER_PIECE + 40 * (n + k)),
            memory_limit,
            what=N_("catchment request"),
        )
        d, sources = _nearest_costs(graph, src, max_break, n)
        progress.report(0.4)
        label = np.where(sources >= n, sources - n, -1)
        piece = _pieces_min(routed, d, label, snapped, max_break, split=overlap == "split")
        piece["group"] = group[piece["group"].to_numpy()]  # from sources to offers
        frames.append(piece)
        if node_costs:
            nodes = _node_frame(routed, d, sources, source_ids, values)
    break_col = _unit_names(routed.unit)[0]
    try:
        progress.report(0.6)
        if node_costs and nodes is None:
            nearest = _nearest_costs(graph, src, max_break, n)
            nodes = _node_frame(routed, *nearest, source_ids, values)
        if ahead is not None:
            lines = ahead.lines()
        else:
            pieces = _by_break(pd.concat(frames, ignore_index=True), values)
            lines = _lines_frame(routed, pieces, values, group_ids, dissolved=overlap == "dissolve")
    except BaseException:
        if ahead is not None:
            ahead.cancel()
        raise
    progress.report(0.7)
    if not polygons:
        areas = _polygons(lines.iloc[:0], values, break_col, walkoff, progress, network.noded)
    elif ahead is not None:
        areas = ahead.result(progress.sub(0.7, 0.9))
    elif overlap == "split":
        cover = _polygons(
            lines.assign(offer_id=ALL_OFFERS),
            values,
            break_col,
            walkoff,
            progress.sub(0.7, 0.85),
            network.noded,
        )
        areas = _territories(lines, cover, walkoff, break_col)
    else:
        areas = _polygons(lines, values, break_col, walkoff, progress.sub(0.7, 0.9), network.noded)
    if polygons and overlap != "dissolve":
        areas = _add_stranded(areas, routed, snapped, source_ids, values, break_col, walkoff)
    if rings:
        areas = _rings(areas, break_col)
    last = lines.drop(columns=["_edge", "_full"])
    result = CatchmentResult(
        areas=areas,
        lines=last.reset_index(drop=True),
        unroutable=unroutable,
        nodes=nodes,
        notes=notes,
    )
    if counted is not None:
        result = _with_population(result, counted, break_col, rings)
    progress.report(1.0)
    return result


def _lines_frame(routed, pieces, values, group_ids, *, dissolved=False) -> gpd.GeoDataFrame:
    """The reached pieces as lines (with the private columns ``_edge`` and ``_full``
    that the polygons need); pieces of a cost that just touches a break are dropped."""
    geoms = _substrings(routed, pieces["edge"].to_numpy(), pieces["s0"], pieces["s1"])
    lengths = shapely.length(geoms)
    nonzero = lengths > 1e-6  # slivers where a cost just touches a break
    pieces, geoms = pieces[nonzero].reset_index(drop=True), geoms[nonzero]
    break_col, from_col, to_col = _unit_names(routed.unit)
    if dissolved:
        piece_ids = np.full(len(pieces), ALL_OFFERS, dtype=object)
    else:
        piece_ids = group_ids[pieces["group"].to_numpy()]
    return gpd.GeoDataFrame(
        {
            "offer_id": piece_ids,
            "break_no": pieces["break_no"].to_numpy() + 1,
            break_col: np.asarray(values)[pieces["break_no"].to_numpy()],
            from_col: np.fmin(pieces["g0"], pieces["g1"]).to_numpy(),
            to_col: np.fmax(pieces["g0"], pieces["g1"]).to_numpy(),
            "length_m": lengths[nonzero],
            "_edge": pieces["edge"].to_numpy(),
            "_full": ((pieces["s0"] <= 0) & (pieces["s1"] >= 1)).to_numpy(),
        },
        geometry=geoms,
        crs=routed.crs,
    )


def _nearest_costs(graph, src, limit, n) -> tuple[np.ndarray, np.ndarray]:
    """One multi-source Dijkstra bounded by ``limit``: the cost of each of the ``n``
    network nodes from its nearest source, and that source (a node id from ``n`` on)."""
    dist, _pred, sources = csgraph.dijkstra(
        graph, directed=True, indices=src, limit=limit, min_only=True, return_predecessors=True
    )
    return dist[:n], sources[:n]


def _group_costs(
    graph, src, group, limit, n, xy, *, index=None, chunk_bytes=256 * 1024**2, progress=None
):
    """Yield ``(groups, Reached)``: bounded Dijkstra costs of every group of sources
    (the points of one offer), the cheapest over its sources, for the ``n`` network
    nodes (:func:`~geolib.bounded_search.reached_costs`, each search on the nodes near its
    sources, ``xy``: the coordinates of the graph's nodes; ``index``: the network that
    keeps their KD-tree and cost bound).

    Groups are taken in chunks of about ``chunk_bytes`` of dense cost rows, never split.
    """
    return reached_costs(
        graph,
        src,
        limit,
        n=n,
        xy=xy,
        index=index,
        group=group,
        chunk_bytes=chunk_bytes,
        progress=progress,
    )


def _node_frame(network, d, sources, offer_ids, values) -> gpd.GeoDataFrame:
    """Reached nodes with their cost, nearest offer and the smallest break reaching them.

    ``sources``: the start node each node's cost comes from (offers are nodes from n on).
    """
    n = network.n_nodes
    ok = np.isfinite(d) & (sources >= n) & (d <= values[-1])
    unit = "min" if network.unit == "min" else "m"
    break_no = np.searchsorted(values, d[ok], "left") + 1
    return gpd.GeoDataFrame(
        {
            "node": np.flatnonzero(ok),
            "offer_id": offer_ids[sources[ok] - n],
            "break_no": break_no,
            f"break_{unit}": np.asarray(values, dtype=float)[break_no - 1],
            f"cost_{unit}": d[ok],
        },
        geometry=shapely.points(network.node_xy[ok]),
        crs=network.crs,
    )
