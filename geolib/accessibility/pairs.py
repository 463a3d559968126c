"""The guard against cost tables that would not fit in memory (pairs within reach)."""

from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree

from ..memory import check_memory

#: peak bytes a pair within reach costs: the sparse matrix and the cost table built from it
BYTES_PER_PAIR = 48


def estimate_pairs(origins: np.ndarray, destinations: np.ndarray, max_cost: float) -> int:
    """The number of origin–destination pairs within ``max_cost`` (straight line),
    estimated from up to 512 origins spread over the input, before any pair is made.

    Examples
    --------
    >>> import numpy as np
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
    memory (:func:`geolib.memory.check_memory`, the one memory check)."""
    check_memory(estimate_pairs(origins, destinations, max_cost) * BYTES_PER_PAIR, None, what=what)
