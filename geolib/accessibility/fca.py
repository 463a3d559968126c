"""Two-step floating catchment scores from a long cost table (2SFCA, E2SFCA, gravity, ratio)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import ParameterError
from ..messages import N_, Message
from .costs import _check_costs
from .decay import METHODS, cost_weights, step_weights

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
    >>> import numpy as np
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
