"""Long cost tables (origin, destination, cost): checked, straight-line, nearest."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from ..errors import DataError, FieldError

COST_COLUMNS = ("origin", "destination", "cost")


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
    >>> import numpy as np
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


def nearest(costs: pd.DataFrame, n_origins: int) -> tuple[np.ndarray, np.ndarray]:
    """Cost to and row of the nearest destination per origin (NaN / -1 where none).

    Examples
    --------
    >>> import pandas as pd
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
