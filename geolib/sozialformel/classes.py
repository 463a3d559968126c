"""Class breaks of the index (quantile, equal interval, stddev, natural breaks, custom)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import ParameterError
from .config import CLASSIFICATIONS


def class_breaks(
    values: np.ndarray,
    *,
    method: str = "quantile",
    count: int = 5,
    custom: Sequence[float] | None = None,
) -> list[float]:
    """Class edges ``[min, inner thresholds…, max]`` of ``values``.

    A value ``x`` falls into class ``c`` (1-based) when ``edges[c-1] < x ≤ edges[c]``
    (the lowest class includes its minimum).

    Notes
    -----
    quantile: thresholds at the quantiles :math:`i/k`; equal_interval: at
    :math:`\\min + i (\\max - \\min)/k`; stddev: at :math:`\\bar x + \\sigma (i - k/2)`,
    :math:`i = 1…k-1` (classes one standard deviation wide, centred on the mean);
    natural_breaks: Fisher–Jenks (optimal, minimising the within-class sum of squares;
    above 1,000 values on 1,000 evenly spaced quantiles); custom: the given thresholds.

    Examples
    --------
    >>> class_breaks(np.array([0.0, 10, 20, 30, 40]), method="equal_interval", count=4)
    [0.0, 10.0, 20.0, 30.0, 40.0]
    """
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    if len(x) == 0:
        return [] if custom is None else [float(b) for b in custom]
    lo, hi = float(x.min()), float(x.max())
    if method == "custom":
        inner = [float(b) for b in (custom or [])]
        return [min(lo, inner[0]), *inner, max(hi, inner[-1])]
    if method == "quantile":
        inner = np.quantile(x, np.arange(1, count) / count).tolist()
    elif method == "equal_interval":
        inner = (lo + (hi - lo) * np.arange(1, count) / count).tolist()
    elif method == "stddev":
        mean, sd = float(x.mean()), float(x.std())
        inner = (mean + sd * (np.arange(1, count) - count / 2)).tolist()
        inner = [b for b in inner if lo < b < hi]
    elif method == "natural_breaks":
        inner = _jenks(x, count)
    else:
        raise ParameterError(
            "Unknown classification '{method}'; use one of: {allowed}.",
            method=method,
            allowed=", ".join(CLASSIFICATIONS),
        )
    edges = [lo, *sorted(inner), hi]
    # drop repeated edges (many equal values), keep min and max
    clean = [edges[0]]
    for b in edges[1:]:
        if b > clean[-1]:
            clean.append(float(b))
    if len(clean) == 1:
        clean.append(clean[0])
    return clean


def _jenks(x: np.ndarray, k: int) -> list[float]:
    x = np.sort(x)
    if len(x) > 1000:
        x = np.quantile(x, np.linspace(0, 1, 1000))
    n = len(x)
    k = min(k, len(np.unique(x)))
    if k < 2:
        return []
    cs = np.concatenate([[0.0], np.cumsum(x)])
    cs2 = np.concatenate([[0.0], np.cumsum(x * x)])
    cost = np.full((k + 1, n + 1), np.inf)
    back = np.zeros((k + 1, n + 1), dtype=np.int64)
    cost[0, 0] = 0.0
    for m in range(1, k + 1):
        for j in range(m, n + 1):
            i = np.arange(m - 1, j)
            cnt = j - i
            s = cs[j] - cs[i]
            ssd = cs2[j] - cs2[i] - s * s / cnt
            total = cost[m - 1, i] + ssd
            best = int(np.argmin(total))
            cost[m, j] = total[best]
            back[m, j] = i[best]
    starts = []
    j = n
    for m in range(k, 0, -1):
        i = back[m, j]
        starts.append(i)
        j = i
    starts = sorted(starts)[1:]  # the first class starts at 0
    return [float(x[i - 1]) for i in starts]


def _classify(frame: pd.DataFrame, breaks: Mapping[int, list[float]]) -> None:
    cls = np.full(len(frame), np.nan)
    values = frame["index_value"].to_numpy(dtype=float)
    years = frame["year"].to_numpy()
    for year, edges in breaks.items():
        rows = (years == year) & ~np.isnan(values)
        if not rows.any() or len(edges) < 2:
            continue
        inner = np.asarray(edges[1:-1], dtype=float)
        cls[rows] = np.searchsorted(inner, values[rows], side="left") + 1
    frame["index_class"] = cls
