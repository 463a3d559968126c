"""Class breaks of the index (quantile, equal interval, stddev, natural breaks, custom)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import ParameterError
from ..messages import N_, Message, Number
from .config import CLASSIFICATIONS, Config


def class_breaks(
    values: np.ndarray,
    *,
    method: str = "quantile",
    count: int = 5,
    custom: Sequence[float] | None = None,
) -> list[float]:
    """Class edges ``[min, inner thresholds…, max]`` of ``values``.

    A value ``x`` falls into class ``c`` (1-based) when ``edges[c-1] < x ≤ edges[c]``
    (the lowest class includes its minimum; values of other years below the first or
    above the last edge fall into the lowest or the highest class).

    Notes
    -----
    quantile: thresholds at the quantiles :math:`i/k`; equal_interval: at
    :math:`\\min + i (\\max - \\min)/k`; stddev: at :math:`\\bar x + \\sigma (i - k/2)`,
    :math:`i = 1…k-1` (classes one standard deviation wide, centred on the mean);
    natural_breaks: Fisher–Jenks (optimal, minimising the within-class sum of squares;
    above 1,000 values on 1,000 evenly spaced quantiles); custom: the given thresholds.

    stddev and custom give every class asked for: a threshold outside the values makes
    an outer class that holds no value (``edges[0] == edges[1]`` or
    ``edges[-2] == edges[-1]``), which values of other years may fill. quantile and
    natural_breaks give fewer classes when values repeat (equal thresholds are merged).

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
        return _outer([float(b) for b in (custom or [])], lo, hi)
    if method == "quantile":
        inner = np.quantile(x, np.arange(1, count) / count).tolist()
    elif method == "equal_interval":
        inner = (lo + (hi - lo) * np.arange(1, count) / count).tolist()
    elif method == "stddev":
        mean, sd = float(x.mean()), float(x.std())
        if sd > 0:
            return _outer((mean + sd * (np.arange(1, count) - count / 2)).tolist(), lo, hi)
        inner = []
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


def _outer(inner: list[float], lo: float, hi: float) -> list[float]:
    """Every threshold kept; the outer edges cover the values (an empty outer class
    where a threshold lies beyond them)."""
    return [min(lo, inner[0]), *inner, max(hi, inner[-1])]


def class_counts(values: np.ndarray, edges: Sequence[float]) -> list[int]:
    """Values per class of ``edges`` (NaN left out)."""
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    if len(edges) < 2:
        return []
    cls = np.searchsorted(np.asarray(edges[1:-1], dtype=float), x, side="left")
    return np.bincount(cls, minlength=len(edges) - 1).tolist()


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


#: readable names of the classifications (for notes and reports)
CLASS_LABELS = {
    "quantile": N_("quantiles"),
    "equal_interval": N_("equal intervals"),
    "stddev": N_("standard deviations"),
    "natural_breaks": N_("natural breaks (Jenks)"),
    "custom": N_("custom breaks"),
}


def numbers_text(values: Sequence[float], sep: str = " | ") -> Message:
    """A list of numbers as a message field (each number in the user's language)."""
    fields = {f"v{i}": Number(round(float(v), 3)) for i, v in enumerate(values)}
    return Message(sep.join(f"{{{k}}}" for k in fields), **fields)


def class_breaks_by_year(
    values: pd.DataFrame, config: Config, years: Sequence[int], reference: int
) -> tuple[dict[int, list[float]], list[Message]]:
    """Class edges per year and notes naming the classes.

    ``values``: year and index_value of the published units. The breaks of the
    ``reference`` year apply to every year (a class then means the same index range in
    each year), or with ``classes.per_year`` each year's own."""
    notes: list[Message] = []
    method = CLASS_LABELS[config.class_method]

    def edges_of(year: int) -> tuple[list[float], np.ndarray]:
        x = values.loc[values["year"] == year, "index_value"].dropna().to_numpy(dtype=float)
        edges = class_breaks(
            x, method=config.class_method, count=config.class_count, custom=config.class_breaks
        )
        return edges, x

    if config.class_per_year:
        breaks = {year: edges_of(year)[0] for year in years}
        notes.append(
            Message(
                "Classes: {method}, {count} classes computed per year (classes.per_year = "
                "true): the class of an area can change while its index does not.",
                method=method,
                count=config.class_count,
            )
        )
        fewer = sorted(y for y, e in breaks.items() if 1 < len(e) - 1 < config.class_count)
        if fewer and config.class_method != "custom":
            notes.append(
                Message(
                    "Classes: fewer than {count} {method} classes in {years}: equal values "
                    "give equal thresholds, which are merged.",
                    count=config.class_count,
                    method=method,
                    years=", ".join(map(str, fewer)),
                )
            )
        return breaks, notes
    edges, x = edges_of(reference)
    breaks = {year: edges for year in years}
    if config.class_method == "custom":
        notes.append(
            Message(
                "Classes: {method}, {count} classes in every year: {breaks}.",
                method=method,
                count=config.class_count,
                breaks=numbers_text(config.class_breaks or ()),
            )
        )
    elif len(edges) >= 2:
        notes.append(
            Message(
                "Classes: {method}, {count} classes with the thresholds of {year} in every "
                "year: {breaks}.",
                method=method,
                count=len(edges) - 1,
                year=reference,
                breaks=numbers_text(edges[1:-1]),
            )
        )
    given = len(edges) - 1
    if len(x) and given < config.class_count:
        notes.append(
            Message(
                "Classes: {asked} {method} classes asked, {given} given: the values of "
                "{year} repeat, and equal thresholds are merged.",
                asked=config.class_count,
                method=method,
                given=max(given, 1),
                year=reference,
            )
        )
    counts = class_counts(x, edges)
    empty = [str(i + 1) for i, n in enumerate(counts) if n == 0]
    if len(x) and empty:
        notes.append(
            Message(
                "Classes: class {classes} of {count} ({method}) holds no area in {year}: "
                "its thresholds lie beyond the values of that year.",
                classes=", ".join(empty),
                count=len(counts),
                method=method,
                year=reference,
            )
        )
    return breaks, notes
