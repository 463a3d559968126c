"""Accessibility of offers for the population of areas, grid cells or points (layers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from .._progress import Progress
from ..catchment_common import NO_OFFER_ID, check_direction, check_islands
from ..crs import to_metric
from ..errors import DataError, ParameterError
from ..io import require_rows
from ..messages import N_, Message, Number
from ..routing import UNROUTABLE_NOTE, od_costs
from ..validate import drop_null_geometries, numeric_field, require_field
from .costs import COST_COLUMNS, nearest, straight_line_costs
from .fca import _LONELY_TEMPLATE, _UNSERVED_TEMPLATE, FloatingCatchment, floating_catchment
from .locations import _locations, _per_offer, _routable, _supply_locations
from .pairs import check_pairs


@dataclass
class AccessibilityResult:
    """Result of :func:`accessibility`.

    Attributes
    ----------
    demand
        The demand units with ``score``, ``score_per_1000``, ``score_norm``,
        ``supply_in_reach``, ``nearest_<unit>`` and ``nearest_offer``.
    supply
        The supply points with ``capacity_used``, ``demand_in_reach`` and ``ratio``.
    costs
        The cost table used (``origin``, ``destination``, ``cost``).
    unit
        ``"m"`` or ``"min"``.
    notes
        Messages for the user.
    """

    demand: gpd.GeoDataFrame
    supply: gpd.GeoDataFrame
    costs: pd.DataFrame
    unit: str
    notes: list[Message] = field(default_factory=list)


def accessibility(
    demand: gpd.GeoDataFrame,
    supply: gpd.GeoDataFrame,
    *,
    population_field: str,
    max_cost: float,
    capacity_field: str | None = None,
    method: str = "2sfca",
    breaks: list[float] | None = None,
    weights: list[float] | None = None,
    beta: float = 1.0,
    scale: float | None = None,
    network=None,
    snap_distance: float = 250.0,
    id_field: str | None = None,
    direction: str = "to_offer",
    islands: str = "main",
    crs: str | int | None = None,
    progress: Progress | None = None,
) -> AccessibilityResult:
    """Floating catchment accessibility of supply (offers) for demand (population).

    Parameters
    ----------
    demand
        Areas or grid cells (polygons, located at a point inside them) or points,
        with a population field.
    supply
        Offer points; ``capacity_field`` gives their capacity (default 1 each; NULL
        counts as 1, noted). The cost to a multipoint offer is the cost to the
        nearest of its points.
    population_field
        Numeric field of ``demand`` (e.g. children under 15).
    max_cost
        Catchment size: metres for straight lines, the network's unit otherwise
        (minutes for a time network).
    method, breaks, weights, beta
        See :func:`floating_catchment`; ``scale`` of the gravity decay defaults to
        ``max_cost``.
    network
        A :class:`geolib.network.Network` (:func:`geolib.network.build_network`):
        costs are network travel costs in its unit (minutes for ``cost="time"``,
        metres for ``"distance"``) from :func:`geolib.network.od_costs`; ``None``:
        straight-line distances in metres.
    snap_distance
        Largest distance (m) from a point to the network. Demand units and offers
        farther away are unroutable: they are kept, marked ``routable = 0`` and
        counted in a note; unroutable demand units have NULL scores and do not
        weigh in the mean, unroutable offers reach nobody.
    id_field
        Field of ``supply`` whose value is written to ``nearest_offer`` (as text; a
        NULL id stays NULL) and, when the supply has no such column, to ``offer_id``
        of the supply output; without it, offers are numbered by their row (1, 2, …;
        noted).
    direction
        With a network: ``"to_offer"`` (default) routes people to the offers (the
        cost of getting there), ``"from_offer"`` from the offers to the people, as
        :func:`geolib.catchments.network_catchments` with the same direction.
    islands
        With a network: ``"main"`` (default) snaps demand units and offers to the
        main network only, ``"any"`` to any part of it.
    crs
        Metric analysis CRS (default EPSG:25832).
    progress
        Progress and cancellation.

    Returns
    -------
    AccessibilityResult

    Notes
    -----
    See :func:`floating_catchment` for the formulas. The nearest offer is the
    lowest cost over all supply points (straight line: unbounded, with
    ``scipy.spatial.cKDTree``; network: within ``max_cost``, NULL beyond).

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import Point
    >>> dem = gpd.GeoDataFrame({"pop": [100, 300]}, geometry=[Point(0, 0), Point(0, 900)],
    ...                        crs=25832)
    >>> sup = gpd.GeoDataFrame(geometry=[Point(0, 400)], crs=25832)
    >>> res = accessibility(dem, sup, population_field="pop", max_cost=1000)
    >>> res.demand["score_per_1000"].round(2).tolist()
    [2.5, 2.5]
    """
    progress = progress or Progress()
    _check_arguments(demand, supply, population_field, max_cost, id_field, direction, islands)
    notes: list[Message] = []
    demand_m, supply_m = _metric_layers(demand, supply, crs, notes)
    population = _population(demand_m, population_field, notes)
    capacity = _capacity(supply_m, capacity_field, notes)
    demand_rows, supply_rows = demand_m.index, supply_m.index
    demand_m = demand_m.reset_index(drop=True)
    supply_m = supply_m.reset_index(drop=True)
    dem_xy = _locations(demand_m)
    sup_xy, sup_owner = _supply_locations(supply_m)
    if len(sup_xy) > len(supply_m):
        notes.append(
            Message(
                "{n} offers are multipoints: the cost to such an offer is the cost to the "
                "nearest of its points.",
                n=int((np.bincount(sup_owner) > 1).sum()),
            )
        )
    progress.report(0.1)

    if network is None:
        reach = _straight_line_reach(
            dem_xy, sup_xy, sup_owner, len(supply_m), max_cost=max_cost, method=method
        )
    else:
        reach = _network_reach(
            network,
            dem_xy,
            sup_xy,
            sup_owner,
            len(supply_m),
            crs=demand_m.crs,
            max_cost=max_cost,
            method=method,
            snap_distance=snap_distance,
            direction=direction,
            islands=islands,
            progress=progress,
        )
        notes += reach.notes
        notes += _unroutable_notes(reach, population, capacity, snap_distance)
    progress.report(0.8)

    fc = floating_catchment(
        np.where(reach.demand_routable, population, 0.0),
        capacity,
        reach.costs,
        max_cost=max_cost,
        method=method,
        breaks=breaks,
        weights=weights,
        beta=beta,
        scale=scale if scale else max_cost,
        demand_costs=reach.demand_costs,
    )
    notes += _routable_counts(fc, reach)
    if id_field:
        # NULL ids stay NULL (astype(str) would write 'None', 'nan' or '<NA>')
        ids = supply_m[id_field].astype("string").to_numpy(dtype=object, na_value=None)
    else:
        # numbered by the row in the layer as given (rows without geometry count too)
        ids = np.array([str(supply.index.get_loc(r) + 1) for r in supply_rows], dtype=object)
        notes.append(Message(NO_OFFER_ID))
    routed = network is not None
    out = _demand_output(demand.loc[demand_rows], demand_m, fc, reach, ids, routed=routed)
    sup = supply.loc[supply_rows].reset_index(drop=True)
    sup = sup.set_geometry(supply_m.geometry.values, crs=supply_m.crs)
    if "offer_id" not in sup.columns:
        sup["offer_id"] = ids
    sup["capacity_used"] = capacity
    sup["demand_in_reach"] = fc.demand_in_reach
    sup["ratio"] = fc.ratio
    if routed:
        sup["routable"] = reach.supply_routable.astype(np.int64)
    progress.report(1.0)
    return AccessibilityResult(out, sup, reach.costs, reach.unit, notes)


@dataclass
class _Reach:
    """The costs of a run: demand units to offers (and to each other for the ratio
    method), the nearest offer of each unit and which units and offers are routable."""

    unit: str
    costs: pd.DataFrame
    demand_costs: pd.DataFrame | None
    near_cost: np.ndarray
    near_row: np.ndarray
    demand_routable: np.ndarray
    supply_routable: np.ndarray
    notes: list[Message] = field(default_factory=list)


def _check_arguments(
    demand: gpd.GeoDataFrame,
    supply: gpd.GeoDataFrame,
    population_field: str,
    max_cost: float,
    id_field: str | None,
    direction: str,
    islands: str,
) -> None:
    if not (max_cost and np.isfinite(max_cost) and max_cost > 0):
        raise ParameterError(
            "The maximum cost must be greater than 0, not {max_cost}.", max_cost=max_cost
        )
    check_direction(direction)
    check_islands(islands)
    require_rows(demand, what=N_("demand layer"))
    require_rows(supply, what=N_("supply layer"))
    numeric_field(demand, population_field, what=N_("demand layer"))
    if id_field:
        require_field(supply, id_field, what=N_("supply layer"))


def _metric_layers(
    demand: gpd.GeoDataFrame,
    supply: gpd.GeoDataFrame,
    crs: str | int | None,
    notes: list[Message],
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Both layers in the metric CRS, without features lacking a geometry (noted)."""
    demand_m, note = to_metric(demand, crs, what=N_("demand layer"))
    notes += [note] if note else []
    supply_m, note = to_metric(supply, crs, what=N_("supply layer"))
    notes += [note] if note else []
    demand_m, skipped = drop_null_geometries(demand_m, what=N_("demand layer"))
    notes += skipped
    supply_m, skipped = drop_null_geometries(supply_m, what=N_("supply layer"))
    notes += skipped
    for frame, what in ((demand_m, N_("demand layer")), (supply_m, N_("supply layer"))):
        if len(frame) == 0:
            raise DataError("The {what} has no feature with a geometry.", what=what)
    return demand_m, supply_m


def _population(demand_m: gpd.GeoDataFrame, name: str, notes: list[Message]) -> np.ndarray:
    """The population of each demand unit (NULL counts as 0, noted)."""
    population = numeric_field(demand_m, name, what=N_("demand layer")).to_numpy()
    n_missing = int(np.isnan(population).sum())
    if n_missing:
        notes.append(
            Message(
                "{n} demand units have no population in '{field}'; they count as 0.",
                n=n_missing,
                field=name,
            )
        )
    if np.any(population < 0):
        raise DataError(
            "The population field '{field}' has negative values ({n}); fix them first.",
            field=name,
            n=int((population < 0).sum()),
        )
    population = np.nan_to_num(population, nan=0.0)
    if population.sum() <= 0:
        raise DataError(
            "The population field '{field}' is 0 in every demand unit: there is no demand "
            "to relate the supply to. Choose another field or layer.",
            field=name,
        )
    return population


def _capacity(supply_m: gpd.GeoDataFrame, name: str | None, notes: list[Message]) -> np.ndarray:
    """The capacity of each offer: 1 without a field; NULL counts as 1 (noted)."""
    if not name:
        return np.ones(len(supply_m))
    cap = numeric_field(supply_m, name, what=N_("supply layer")).to_numpy()
    n_null = int(np.isnan(cap).sum())
    if n_null:
        notes.append(
            Message(
                "{n} supply points have no capacity in '{field}'; they count as 1.",
                n=n_null,
                field=name,
            )
        )
    capacity = np.where(np.isnan(cap), 1.0, cap)
    if np.any(capacity < 0):
        raise DataError(
            "The capacity field '{field}' has negative values; fix them first.",
            field=name,
        )
    if capacity.sum() <= 0:
        raise DataError(
            "The capacity field '{field}' is 0 in every offer: there is no supply to "
            "share. Choose another field or none (1 per offer).",
            field=name,
        )
    return capacity


def _straight_line_reach(
    dem_xy: np.ndarray,
    sup_xy: np.ndarray,
    sup_owner: np.ndarray,
    n_supply: int,
    *,
    max_cost: float,
    method: str,
) -> _Reach:
    """Straight-line costs in metres; the nearest offer without a limit."""
    check_pairs(dem_xy, sup_xy, max_cost, what=N_("cost table"))
    if method == "ratio":
        check_pairs(dem_xy, dem_xy, max_cost, what=N_("cost table"))
    costs = _per_offer(straight_line_costs(dem_xy, sup_xy, max_cost=max_cost), sup_owner)
    demand_costs = (
        straight_line_costs(dem_xy, dem_xy, max_cost=max_cost) if method == "ratio" else None
    )
    tree = cKDTree(sup_xy)
    near_cost, near_row = tree.query(dem_xy, k=1)
    near_row = sup_owner[np.asarray(near_row, dtype=np.int64)]
    return _Reach(
        "m",
        costs,
        demand_costs,
        near_cost,
        near_row,
        np.ones(len(dem_xy), dtype=bool),
        np.ones(n_supply, dtype=bool),
    )


def _network_reach(
    network: Any,
    dem_xy: np.ndarray,
    sup_xy: np.ndarray,
    sup_owner: np.ndarray,
    n_supply: int,
    *,
    crs: Any,
    max_cost: float,
    method: str,
    snap_distance: float,
    direction: str,
    islands: str,
    progress: Progress,
) -> _Reach:
    """Network costs in the network's unit; the nearest offer within ``max_cost``."""
    dem_pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(*dem_xy.T), crs=crs)
    sup_pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(*sup_xy.T), crs=crs)
    # people are the origins: "to_offer" routes them on the network as it is,
    # "from_offer" on the reversed network (the cost from the offer to them)
    routed = network if direction == "to_offer" else network.reversed()
    od = od_costs(
        routed,
        dem_pts,
        sup_pts,
        max_cost=max_cost,
        snap_distance=snap_distance,
        progress=progress.sub(0.1, 0.7),
        islands=islands,
    )
    # od_costs names "origins"/"destinations" and an output this function does not
    # have: its notes on unroutable points are replaced by the ones of the caller
    notes = [n for n in od.notes if getattr(n, "template", "") != UNROUTABLE_NOTE]
    costs = _per_offer(od.table[list(COST_COLUMNS)], sup_owner)
    demand_routable = _routable(len(dem_xy), od.unroutable_origins)
    # an offer is routable when one of its points is
    part_routable = _routable(len(sup_xy), od.unroutable_destinations)
    supply_routable = np.bincount(sup_owner, weights=part_routable, minlength=n_supply) > 0
    n_far_parts = int((~part_routable & supply_routable[sup_owner]).sum())
    if n_far_parts:
        notes.append(
            Message(
                "{n} points of multipoint offers are farther than {d} m from the network; "
                "those offers are reached at their other points.",
                n=n_far_parts,
                d=Number(snap_distance),
            )
        )
    demand_costs = None
    if method == "ratio":
        dd = od_costs(
            routed,
            dem_pts,
            dem_pts,
            max_cost=max_cost,
            snap_distance=snap_distance,
            progress=progress.sub(0.7, 0.8),
            islands=islands,
        )
        demand_costs = dd.table[list(COST_COLUMNS)]
    near_cost, near_row = nearest(costs, len(dem_xy))
    return _Reach(
        network.unit,
        costs,
        demand_costs,
        near_cost,
        near_row,
        demand_routable,
        supply_routable,
        notes,
    )


def _unroutable_notes(
    reach: _Reach, population: np.ndarray, capacity: np.ndarray, snap_distance: float
) -> list[Message]:
    """What the demand units and offers off the network leave out."""
    notes = []
    n_bad_demand = int((~reach.demand_routable).sum())
    n_bad_supply = int((~reach.supply_routable).sum())
    if n_bad_demand:
        notes.append(
            Message(
                "{n} of {total} demand units are farther than {d} m from the network "
                "(or have no geometry): their score and nearest offer are NULL "
                "(routable = 0) and their {population} inhabitants are left out of "
                "the mean.",
                n=n_bad_demand,
                total=len(reach.demand_routable),
                d=Number(snap_distance),
                population=Number(population[~reach.demand_routable].sum()),
            )
        )
    if n_bad_supply:
        notes.append(
            Message(
                "{n} of {total} offers are farther than {d} m from the network: "
                "nobody reaches them, their capacity ({capacity}) is not counted "
                "(routable = 0).",
                n=n_bad_supply,
                total=len(reach.supply_routable),
                d=Number(snap_distance),
                capacity=Number(capacity[~reach.supply_routable].sum()),
            )
        )
    return notes


def _routable_counts(fc: FloatingCatchment, reach: _Reach) -> list[Message]:
    """The notes of :func:`floating_catchment`, counting routable units and offers only
    (the unroutable ones have their own notes)."""
    recount = {
        _UNSERVED_TEMPLATE: (fc.supply_in_reach == 0) & reach.demand_routable,
        _LONELY_TEMPLATE: (fc.demand_in_reach <= 0) & reach.supply_routable,
    }
    notes = []
    for note in fc.notes:
        template = getattr(note, "template", "")
        if template in recount:
            n = int(recount[template].sum())
            if n:
                notes.append(Message(template, n=n))
        else:
            notes.append(note)
    return notes


def _demand_output(
    demand: gpd.GeoDataFrame,
    demand_m: gpd.GeoDataFrame,
    fc: FloatingCatchment,
    reach: _Reach,
    ids: np.ndarray,
    *,
    routed: bool,
) -> gpd.GeoDataFrame:
    """The demand units with their scores and nearest offer."""
    out = demand.reset_index(drop=True)
    out = out.set_geometry(demand_m.geometry.values, crs=demand_m.crs)
    score = np.where(reach.demand_routable, fc.score, np.nan)
    out["score"] = score
    out["score_per_1000"] = score * 1000
    out["score_norm"] = np.where(reach.demand_routable, fc.normalised, np.nan)
    out["supply_in_reach"] = fc.supply_in_reach.astype(np.int64)
    out[f"nearest_{reach.unit}"] = reach.near_cost
    if routed:
        out["routable"] = reach.demand_routable.astype(np.int64)
    out["nearest_offer"] = [ids[r] if r >= 0 else None for r in reach.near_row]
    return out
