"""Floating catchment accessibility (2SFCA, E2SFCA, gravity, supply/demand ratio) and
the nearest offer, on a long cost table so that any cost source plugs in.

A cost table is a DataFrame with the columns ``origin`` (row position of a demand
unit), ``destination`` (row position of a supply point) and ``cost`` (metres or
minutes); pairs beyond the maximum cost may be absent. :func:`straight_line_costs`
makes one from coordinates; a network (``geolib.network.od_costs``) gives the same shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.spatial import cKDTree

from ._progress import Progress
from .catchments import NO_OFFER_ID, check_direction, check_islands
from .crs import to_metric
from .errors import DataError, FieldError, ParameterError
from .io import require_rows
from .messages import N_, Message, Number, number_list
from .routing import UNROUTABLE_NOTE, check_memory, od_costs
from .validate import drop_null_geometries, numeric_field, require_field

METHODS = ("2sfca", "e2sfca", "gravity", "ratio")
"""Methods in the order of the Processing parameter ``METHOD`` (0–3)."""

#: The step weights PySAL ``access`` uses for E2SFCA ({10: 1, 20: 0.68, 30: 0.22}):
#: one weight per travel zone, applied to the zones of the given breaks.
E2SFCA_WEIGHTS = (1.0, 0.68, 0.22)

COST_COLUMNS = ("origin", "destination", "cost")

_UNSERVED_TEMPLATE = N_("{n} demand units have no supply within reach; their score is 0.")
_LONELY_TEMPLATE = N_(
    "{n} supply points have no demand within reach; their supply is not assigned to "
    "anyone (ratio NULL)."
)


@dataclass
class FloatingCatchment:
    """Numbers of :func:`floating_catchment`, one array per demand unit or supply point.

    Attributes
    ----------
    score
        Accessibility per demand unit (supply per inhabitant for 2SFCA and its
        variants; 0 where no supply is within reach).
    normalised
        ``score`` divided by its population-weighted mean (the Kreis mean is 1).
    supply_in_reach
        Number of supply points within reach of each demand unit.
    demand_in_reach
        Weighted demand within reach of each supply point (2SFCA: :math:`D_j`).
    ratio
        Supply-to-demand ratio of each supply point (:math:`R_j`; NaN where no
        demand is within reach).
    notes
        Messages for the user.
    """

    score: np.ndarray
    normalised: np.ndarray
    supply_in_reach: np.ndarray
    demand_in_reach: np.ndarray
    ratio: np.ndarray
    notes: list[Message] = field(default_factory=list)


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


def step_weights(
    max_cost: float,
    breaks: list[float] | None = None,
    weights: list[float] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Zone breaks and weights of E2SFCA.

    Without ``breaks``, three equal zones up to ``max_cost``; without ``weights``,
    the proportions of PySAL ``access`` (1, 0.68, 0.22) for three zones. A cost
    :math:`c` gets the weight of the first break :math:`b_k \\ge c` (as PySAL's
    ``step_fn``); beyond the last break the weight is 0.

    Examples
    --------
    >>> step_weights(30)
    (array([10., 20., 30.]), array([1.  , 0.68, 0.22]))
    """
    if breaks is None or len(breaks) == 0:
        breaks = [max_cost / 3, 2 * max_cost / 3, max_cost]
    b = np.asarray(sorted(float(x) for x in breaks))
    if not np.all(b > 0) or len(np.unique(b)) != len(b):
        raise ParameterError(
            "The zone breaks must be distinct positive costs, not {breaks}.",
            breaks=number_list(b),
        )
    if weights is None or len(weights) == 0:
        if len(b) != len(E2SFCA_WEIGHTS):
            raise ParameterError(
                "The default E2SFCA weights (1, 0.68, 0.22) are for three zones, but "
                "{n} breaks were given; give one weight per break.",
                n=len(b),
            )
        w = np.asarray(E2SFCA_WEIGHTS)
    else:
        w = np.asarray([float(x) for x in weights])
    if len(w) != len(b):
        raise ParameterError(
            "Give one weight per zone break: {n_breaks} breaks but {n_weights} weights.",
            n_breaks=len(b),
            n_weights=len(w),
        )
    if not np.all(np.isfinite(w) & (w >= 0)):
        raise ParameterError(
            "Zone weights must be numbers of at least 0, not {weights}.",
            weights=number_list(w),
        )
    return b, w


def cost_weights(
    cost: np.ndarray,
    method: str,
    *,
    breaks: np.ndarray | None = None,
    weights: np.ndarray | None = None,
    beta: float = 1.0,
    scale: float = 1.0,
    min_cost: float = 0.0,
) -> np.ndarray:
    """Distance decay :math:`f(c)` of a method, vectorised.

    2SFCA and ratio: 1. E2SFCA: the step weights (see :func:`step_weights`).
    Gravity: :math:`(\\max(c, c_{min}) / s)^{-\\beta}` (PySAL ``weights.gravity``
    with ``alpha = -beta``).
    """
    cost = np.asarray(cost, dtype=float)
    if method in ("2sfca", "ratio"):
        return np.ones_like(cost)
    if method == "e2sfca":
        assert breaks is not None, "E2SFCA needs its zones (see step_weights)"
        assert weights is not None, "E2SFCA needs its zone weights (see step_weights)"
        idx = np.searchsorted(breaks, cost, side="left")
        padded = np.append(weights, 0.0)
        return padded[idx]
    with np.errstate(divide="ignore"):
        return (np.maximum(cost, min_cost) / scale) ** (-beta)


def floating_catchment(
    population: np.ndarray,
    capacity: np.ndarray,
    costs: pd.DataFrame,
    *,
    max_cost: float,
    method: str = "2sfca",
    breaks: list[float] | None = None,
    weights: list[float] | None = None,
    beta: float = 1.0,
    scale: float = 1.0,
    min_cost: float = 0.0,
    demand_costs: pd.DataFrame | None = None,
) -> FloatingCatchment:
    """Two-step floating catchment scores from a long cost table.

    Parameters
    ----------
    population
        Demand per demand unit (e.g. children under 15).
    capacity
        Supply per supply point (e.g. places; 1 per offer by default).
    costs
        Long table ``origin`` (demand row), ``destination`` (supply row), ``cost``.
    max_cost
        Catchment size: pairs costing more are ignored (metres or minutes).
    method
        ``"2sfca"``, ``"e2sfca"`` (step weights), ``"gravity"`` (power decay) or
        ``"ratio"`` (supply within reach / demand within reach).
    breaks, weights
        E2SFCA zones (see :func:`step_weights`).
    beta, scale, min_cost
        Gravity decay :math:`f(c) = (\\max(c, c_{min})/s)^{-\\beta}`.
    demand_costs
        For ``"ratio"``: demand-to-demand costs (``origin``, ``destination`` both
        demand rows; include each unit with itself at cost 0).

    Returns
    -------
    FloatingCatchment

    Notes
    -----
    With decay :math:`f` and pairs :math:`c_{ij} \\le c_{max}`:

    .. math::

        R_j = \\frac{S_j}{\\sum_i P_i f(c_{ij})}, \\qquad
        A_i = \\sum_j R_j f(c_{ij})

    (Luo & Wang 2003; E2SFCA Luo & Qi 2009; gravity Wang 2012). The ratio method is
    :math:`A_i = \\sum_j S_j f(c_{ij}) / \\sum_k P_k f(c_{ik})` (PySAL's
    ``fca_ratio``). The normalised score is :math:`A_i / \\bar A` with the
    population-weighted mean :math:`\\bar A = \\sum_i A_i P_i / \\sum_i P_i`.

    Defined edge cases: a supply point with no demand within reach (no pair, or
    only units without population) has no ratio :math:`R_j` (NaN) and adds nothing
    to any score; a demand unit with no supply within reach scores 0 (PySAL leaves
    it missing). Demand units without population still get a score (the supply they
    could reach) but do not weigh in the mean.

    Examples
    --------
    >>> import pandas as pd
    >>> costs = pd.DataFrame({"origin": [0, 1], "destination": [0, 0], "cost": [5.0, 8.0]})
    >>> fc = floating_catchment(np.array([100.0, 300.0]), np.array([2.0]), costs, max_cost=10)
    >>> fc.score.tolist()
    [0.005, 0.005]
    """
    if method not in METHODS:
        raise ParameterError(
            "Unknown method '{method}'; choose one of {methods}.",
            method=method,
            methods=", ".join(METHODS),
        )
    if not (np.isfinite(max_cost) and max_cost > 0):
        raise ParameterError(
            "The maximum cost must be greater than 0, not {max_cost}.", max_cost=max_cost
        )
    population = np.asarray(population, dtype=float)
    capacity = np.asarray(capacity, dtype=float)
    n_demand, n_supply = len(population), len(capacity)
    notes: list[Message] = []
    b = w = None
    if method == "e2sfca":
        b, w = step_weights(max_cost, breaks, weights)
        max_cost = min(max_cost, float(b[-1]))
    if method == "gravity" and not (scale > 0 and beta >= 0):
        raise ParameterError(
            "The gravity decay needs a scale above 0 and an exponent of at least 0 "
            "(got scale {scale}, exponent {beta}).",
            scale=scale,
            beta=beta,
        )
    if method == "gravity" and min_cost <= 0 and (costs["cost"] <= 0).any():
        min_cost = float(scale) * 1e-3
        notes.append(
            Message(
                "Some costs are 0; the gravity decay uses a minimum cost of {min_cost} "
                "so that it stays finite.",
                min_cost=min_cost,
            )
        )
    orig, dest, cost = _check_costs(costs, n_demand, n_supply)
    keep = cost <= max_cost
    if not keep.all():
        orig, dest, cost = orig[keep], dest[keep], cost[keep]
    # the flat methods need no weights at all: f = 1
    f = (
        None
        if method in ("2sfca", "ratio")
        else cost_weights(
            cost, method, breaks=b, weights=w, beta=beta, scale=scale, min_cost=min_cost
        )
    )
    supply_in_reach = np.bincount(orig, minlength=n_demand)
    pop = np.where(np.isnan(population), 0.0, population)

    def weighted(values: np.ndarray) -> np.ndarray:
        return values if f is None else values * f

    demand_in_reach = np.bincount(dest, weights=weighted(pop[orig]), minlength=n_supply)
    if method == "ratio":
        if demand_costs is None:
            raise ParameterError("The ratio method needs demand-to-demand costs.")
        d_orig, d_dest, d_cost = _check_costs(demand_costs, n_demand, n_demand)
        d_keep = d_cost <= max_cost
        d_orig, d_dest = d_orig[d_keep], d_dest[d_keep]
        demand_near = np.bincount(d_orig, weights=pop[d_dest], minlength=n_demand)
        supply_near = np.bincount(orig, weights=weighted(capacity[dest]), minlength=n_demand)
        with np.errstate(divide="ignore", invalid="ignore"):
            score = np.where(demand_near > 0, supply_near / demand_near, 0.0)
        ratio = np.full(n_supply, np.nan)
    else:
        served = demand_in_reach > 0
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(served, capacity / demand_in_reach, np.nan)
        share = np.where(served, ratio, 0.0)
        score = np.bincount(orig, weights=weighted(share[dest]), minlength=n_demand)
        n_lonely = int((~served).sum())
        if n_lonely:
            notes.append(Message(_LONELY_TEMPLATE, n=n_lonely))
    n_unserved = int((supply_in_reach == 0).sum())
    if n_unserved:
        notes.append(Message(_UNSERVED_TEMPLATE, n=n_unserved))
    total = pop.sum()
    mean = float((score * pop).sum() / total) if total > 0 else 0.0
    if mean > 0:
        normalised = score / mean
    else:
        normalised = np.full(n_demand, np.nan)
        notes.append(Message("No population reaches any supply; the normalised score is NULL."))
    return FloatingCatchment(score, normalised, supply_in_reach, demand_in_reach, ratio, notes)


def _check_costs(costs: pd.DataFrame, n_origins: int, n_destinations: int):
    missing = [c for c in COST_COLUMNS if c not in costs.columns]
    if missing:
        raise FieldError(
            "The cost table needs the columns origin, destination and cost; missing: {missing}.",
            missing=", ".join(missing),
        )
    orig = costs["origin"].to_numpy()
    dest = costs["destination"].to_numpy()
    cost = costs["cost"]
    if not pd.api.types.is_float_dtype(cost.dtype):
        cost = pd.to_numeric(cost, errors="coerce")
    cost = cost.to_numpy(dtype=float)
    if len(costs) and (
        orig.min() < 0 or orig.max() >= n_origins or dest.min() < 0 or dest.max() >= n_destinations
    ):
        raise DataError(
            "The cost table refers to rows that do not exist ({n_origins} origins, "
            "{n_destinations} destinations).",
            n_origins=n_origins,
            n_destinations=n_destinations,
        )
    # unreachable pairs (NaN or infinite cost) are simply not pairs
    finite = np.isfinite(cost)
    if not finite.all():
        orig, dest, cost = orig[finite], dest[finite], cost[finite]
    return orig.astype(np.int64, copy=False), dest.astype(np.int64, copy=False), cost


def straight_line_costs(
    origins: np.ndarray, destinations: np.ndarray, *, max_cost: float
) -> pd.DataFrame:
    """Straight-line distances (m) of every origin–destination pair within ``max_cost``.

    Parameters
    ----------
    origins, destinations
        Arrays of shape (n, 2) with metric coordinates.

    Returns
    -------
    DataFrame
        ``origin``, ``destination`` (row positions) and ``cost`` (metres), sorted.

    Notes
    -----
    Uses :class:`scipy.spatial.cKDTree` (``sparse_distance_matrix``), so only pairs
    within reach are ever computed.

    Examples
    --------
    >>> straight_line_costs(np.array([[0.0, 0.0]]), np.array([[3.0, 4.0], [50, 0]]), max_cost=10)
       origin  destination  cost
    0       0            0   5.0
    """
    a = cKDTree(np.asarray(origins, dtype=float))
    b = cKDTree(np.asarray(destinations, dtype=float))
    coo = a.sparse_distance_matrix(b, max_cost, output_type="coo_matrix")
    table = pd.DataFrame(
        {
            "origin": coo.row.astype(np.int64),
            "destination": coo.col.astype(np.int64),
            "cost": coo.data.astype(float),
        }
    )
    # sparse matrices drop exact zeros: add coincident pairs back
    zero = b.query_ball_point(np.asarray(origins, dtype=float), r=0.0)
    extra = [(i, j) for i, js in enumerate(zero) for j in js]
    if extra:
        ez = pd.DataFrame(extra, columns=["origin", "destination"]).assign(cost=0.0)
        table = pd.concat([table, ez], ignore_index=True).drop_duplicates(
            ["origin", "destination"], keep="first"
        )
    return table.sort_values(["origin", "destination"], ignore_index=True)


#: peak bytes a pair within reach costs: the sparse matrix and the cost table built from it
BYTES_PER_PAIR = 48


def estimate_pairs(origins: np.ndarray, destinations: np.ndarray, max_cost: float) -> int:
    """The number of origin–destination pairs within ``max_cost`` (straight line),
    estimated from up to 512 origins spread over the input, before any pair is made.

    Examples
    --------
    >>> xy = np.array([[0.0, 0.0], [10.0, 0.0], [1000.0, 0.0]])
    >>> estimate_pairs(xy, xy, 20.0)
    5
    """
    origins = np.asarray(origins, dtype=float)
    if not len(origins) or not len(destinations):
        return 0
    sample = np.unique(np.linspace(0, len(origins) - 1, min(len(origins), 512)).astype(int))
    counts = cKDTree(np.asarray(destinations, dtype=float)).query_ball_point(
        origins[sample], r=max_cost, return_length=True
    )
    return round(float(np.mean(counts)) * len(origins))


def check_pairs(
    origins: np.ndarray, destinations: np.ndarray, max_cost: float, *, what: str
) -> None:
    """Refuse a straight-line request whose pairs within ``max_cost`` would not fit in
    memory (:func:`geolib.routing.check_memory`, the one memory check)."""
    check_memory(estimate_pairs(origins, destinations, max_cost) * BYTES_PER_PAIR, None, what=what)


def nearest(costs: pd.DataFrame, n_origins: int) -> tuple[np.ndarray, np.ndarray]:
    """Cost to and row of the nearest destination per origin (NaN / -1 where none).

    Examples
    --------
    >>> t = pd.DataFrame({"origin": [0, 0], "destination": [1, 0], "cost": [3.0, 5.0]})
    >>> nearest(t, 2)
    (array([ 3., nan]), array([ 1, -1]))
    """
    best = np.full(n_origins, np.nan)
    row = np.full(n_origins, -1, dtype=np.int64)
    if len(costs):
        t = costs[np.isfinite(costs["cost"].to_numpy(dtype=float))]
        t = t.sort_values(["origin", "cost", "destination"]).drop_duplicates("origin")
        best[t["origin"].to_numpy()] = t["cost"].to_numpy(dtype=float)
        row[t["origin"].to_numpy()] = t["destination"].to_numpy()
    return best, row


def _routable(n: int, unroutable: gpd.GeoDataFrame) -> np.ndarray:
    """Mask of the rows of a reset-index frame that are not in ``unroutable``."""
    ok = np.ones(n, dtype=bool)
    ok[np.asarray(unroutable.index, dtype=np.int64)] = False
    return ok


def _supply_locations(gdf: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The points of every offer (each point of a multipoint) and the offer row of each."""
    geoms = np.asarray(gdf.geometry.values)
    multi = shapely.get_type_id(geoms) == 4
    if not multi.any():
        return _locations(gdf), np.arange(len(gdf))
    counts = np.where(multi, np.maximum(shapely.get_num_geometries(geoms), 1), 1)
    owner = np.repeat(np.arange(len(gdf)), counts)
    xy = np.repeat(_locations(gdf), counts, axis=0)
    rows = np.flatnonzero(multi)
    parts, index = shapely.get_parts(geoms[rows], return_index=True)
    rank = np.arange(len(index)) - np.searchsorted(index, index)  # the part's number
    at = (np.cumsum(counts) - counts)[rows[index]] + rank
    xy[at] = shapely.get_coordinates(parts)[:, :2]
    return xy, owner


def _per_offer(costs: pd.DataFrame, owner: np.ndarray) -> pd.DataFrame:
    """A cost table to offer points as one to offers: the cheapest point of each offer."""
    if len(owner) == 0 or (len(owner) == owner[-1] + 1):
        return costs
    table = costs.assign(destination=owner[costs["destination"].to_numpy()])
    return table.groupby(["origin", "destination"], as_index=False, sort=True)["cost"].min()


def _locations(gdf: gpd.GeoDataFrame) -> np.ndarray:
    """One point per feature: points as they are, polygons and lines at a point on them."""
    geoms = gdf.geometry
    pts = geoms.where(geoms.geom_type.isin(["Point"]), geoms.representative_point())
    return np.column_stack([pts.x.to_numpy(), pts.y.to_numpy()])


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
    notes: list[Message] = []
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
    population = numeric_field(demand_m, population_field, what=N_("demand layer")).to_numpy()
    n_missing = int(np.isnan(population).sum())
    if n_missing:
        notes.append(
            Message(
                "{n} demand units have no population in '{field}'; they count as 0.",
                n=n_missing,
                field=population_field,
            )
        )
    if np.any(population < 0):
        raise DataError(
            "The population field '{field}' has negative values ({n}); fix them first.",
            field=population_field,
            n=int((population < 0).sum()),
        )
    population = np.nan_to_num(population, nan=0.0)
    if population.sum() <= 0:
        raise DataError(
            "The population field '{field}' is 0 in every demand unit: there is no demand "
            "to relate the supply to. Choose another field or layer.",
            field=population_field,
        )
    capacity = np.ones(len(supply_m))
    if capacity_field:
        cap = numeric_field(supply_m, capacity_field, what=N_("supply layer")).to_numpy()
        n_null = int(np.isnan(cap).sum())
        if n_null:
            notes.append(
                Message(
                    "{n} supply points have no capacity in '{field}'; they count as 1.",
                    n=n_null,
                    field=capacity_field,
                )
            )
        capacity = np.where(np.isnan(cap), 1.0, cap)
        if np.any(capacity < 0):
            raise DataError(
                "The capacity field '{field}' has negative values; fix them first.",
                field=capacity_field,
            )
        if capacity.sum() <= 0:
            raise DataError(
                "The capacity field '{field}' is 0 in every offer: there is no supply to "
                "share. Choose another field or none (1 per offer).",
                field=capacity_field,
            )
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

    demand_routable = np.ones(len(demand_m), dtype=bool)
    supply_routable = np.ones(len(supply_m), dtype=bool)
    if network is None:
        unit = "m"
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
    else:
        unit = network.unit
        dem_pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(*dem_xy.T), crs=demand_m.crs)
        sup_pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(*sup_xy.T), crs=supply_m.crs)
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
        # have: its notes on unroutable points are replaced by the ones below
        notes += [n for n in od.notes if getattr(n, "template", "") != UNROUTABLE_NOTE]
        costs = _per_offer(od.table[list(COST_COLUMNS)], sup_owner)
        demand_routable = _routable(len(demand_m), od.unroutable_origins)
        # an offer is routable when one of its points is
        part_routable = _routable(len(sup_xy), od.unroutable_destinations)
        supply_routable = np.bincount(sup_owner, weights=part_routable, minlength=len(supply_m)) > 0
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
        near_cost, near_row = nearest(costs, len(demand_m))
        n_bad_demand = int((~demand_routable).sum())
        n_bad_supply = int((~supply_routable).sum())
        if n_bad_demand:
            notes.append(
                Message(
                    "{n} of {total} demand units are farther than {d} m from the network "
                    "(or have no geometry): their score and nearest offer are NULL "
                    "(routable = 0) and their {population} inhabitants are left out of "
                    "the mean.",
                    n=n_bad_demand,
                    total=len(demand_m),
                    d=Number(snap_distance),
                    population=Number(population[~demand_routable].sum()),
                )
            )
        if n_bad_supply:
            notes.append(
                Message(
                    "{n} of {total} offers are farther than {d} m from the network: "
                    "nobody reaches them, their capacity ({capacity}) is not counted "
                    "(routable = 0).",
                    n=n_bad_supply,
                    total=len(supply_m),
                    d=Number(snap_distance),
                    capacity=Number(capacity[~supply_routable].sum()),
                )
            )
    progress.report(0.8)

    fc = floating_catchment(
        np.where(demand_routable, population, 0.0),
        capacity,
        costs,
        max_cost=max_cost,
        method=method,
        breaks=breaks,
        weights=weights,
        beta=beta,
        scale=scale if scale else max_cost,
        demand_costs=demand_costs,
    )
    # unroutable units and offers were noted above: count only the routable ones here
    recount = {
        _UNSERVED_TEMPLATE: (fc.supply_in_reach == 0) & demand_routable,
        _LONELY_TEMPLATE: (fc.demand_in_reach <= 0) & supply_routable,
    }
    for note in fc.notes:
        template = getattr(note, "template", "")
        if template in recount:
            n = int(recount[template].sum())
            if n:
                notes.append(Message(template, n=n))
        else:
            notes.append(note)
    out = demand.loc[demand_rows].reset_index(drop=True)
    out = out.set_geometry(demand_m.geometry.values, crs=demand_m.crs)
    score = np.where(demand_routable, fc.score, np.nan)
    out["score"] = score
    out["score_per_1000"] = score * 1000
    out["score_norm"] = np.where(demand_routable, fc.normalised, np.nan)
    out["supply_in_reach"] = fc.supply_in_reach.astype(np.int64)
    near_name = f"nearest_{unit}"
    out[near_name] = near_cost
    if network is not None:
        out["routable"] = demand_routable.astype(np.int64)
    if id_field:
        # NULL ids stay NULL (astype(str) would write 'None', 'nan' or '<NA>')
        ids = supply_m[id_field].astype("string").to_numpy(dtype=object, na_value=None)
    else:
        # numbered by the row in the layer as given (rows without geometry count too)
        ids = np.array([str(supply.index.get_loc(r) + 1) for r in supply_rows], dtype=object)
        notes.append(Message(NO_OFFER_ID))
    out["nearest_offer"] = [ids[r] if r >= 0 else None for r in near_row]
    sup = supply.loc[supply_rows].reset_index(drop=True)
    sup = sup.set_geometry(supply_m.geometry.values, crs=supply_m.crs)
    if "offer_id" not in sup.columns:
        sup["offer_id"] = ids
    sup["capacity_used"] = capacity
    sup["demand_in_reach"] = fc.demand_in_reach
    sup["ratio"] = fc.ratio
    if network is not None:
        sup["routable"] = supply_routable.astype(np.int64)
    progress.report(1.0)
    return AccessibilityResult(out, sup, costs, unit, notes)


def weighted_mean_by_area(
    units: gpd.GeoDataFrame,
    areas: gpd.GeoDataFrame,
    *,
    values: list[str],
    weight_field: str,
) -> gpd.GeoDataFrame:
    """Population-weighted means of ``values`` of the units within each area.

    A unit belongs to the area containing its representative point. NULL values
    are left out of both sums.

    .. math:: \\bar v_a = \\sum_{u \\in a} w_u v_u \\Big/ \\sum_{u \\in a,\\, v_u \\ne NULL} w_u
    """
    areas_m, _ = to_metric(areas, units.crs, what=N_("area layer"))
    pts = gpd.GeoDataFrame(
        {"_unit": np.arange(len(units))},
        geometry=units.geometry.representative_point().values,
        crs=units.crs,
    )
    joined = gpd.sjoin(
        pts,
        gpd.GeoDataFrame(
            {"_area": np.arange(len(areas_m))}, geometry=areas_m.geometry.values, crs=areas_m.crs
        ),
        how="inner",
        predicate="intersects",
    ).drop_duplicates("_unit")
    out = areas.copy().reset_index(drop=True).set_geometry(areas_m.geometry.values, crs=areas_m.crs)
    rows = joined["_unit"].to_numpy()
    # numeric_field: a text population field ('12,5') is accepted as in accessibility()
    w = numeric_field(units, weight_field, what=N_("demand layer")).to_numpy()[rows]
    area_idx = joined["_area"].to_numpy()
    out[f"{weight_field}_sum"] = np.bincount(area_idx, weights=np.nan_to_num(w), minlength=len(out))
    for name in values:
        v = numeric_field(units, name, what=N_("demand layer")).to_numpy()[rows]
        ok = np.isfinite(v) & np.isfinite(w)
        num = np.bincount(area_idx[ok], weights=(w * v)[ok], minlength=len(out))
        den = np.bincount(area_idx[ok], weights=w[ok], minlength=len(out))
        with np.errstate(divide="ignore", invalid="ignore"):
            out[f"{name}_mean"] = np.where(den > 0, num / den, np.nan)
    return out
