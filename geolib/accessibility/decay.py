"""The methods of the 2SFCA family and their distance decay (E2SFCA zones, gravity)."""

from __future__ import annotations

import numpy as np

from ..errors import ParameterError
from ..messages import number_list

METHODS = ("2sfca", "e2sfca", "gravity", "ratio")
"""Methods in the order of the Processing parameter ``METHOD`` (0–3)."""

#: The step weights PySAL ``access`` uses for E2SFCA ({10: 1, 20: 0.68, 30: 0.22}):
#: one weight per travel zone, applied to the zones of the given breaks.
E2SFCA_WEIGHTS = (1.0, 0.68, 0.22)


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
