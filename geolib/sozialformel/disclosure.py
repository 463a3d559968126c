"""Complementary (secondary) suppression: no suppressed count follows from published margins.

Every published group (planning region, Kreis, size class) is a margin: its pooled count
equals the sum of its members' counts. A cell suppressed alone in a margin would follow
as "group count minus the published members". Statistical offices protect such tables
with complementary suppression (tau-ARGUS, R's sdcTable: hypercube, modular and optimal
methods, which solve a linear program per suppressed cell). This module does the same on
a small scale, per indicator and year:

1. primary cells (counts below the threshold, rates on small denominators) are hidden;
2. in every margin with exactly one hidden cell, the smallest published member (or, when
   none is left, the margin itself) is hidden too; repeated until stable;
3. an audit looks at what an attacker knows: the margins as linear equations over the
   hidden cells, and the bounds a hidden cell must lie in (0 to threshold − 1 for a
   primary count, at least the threshold for a secondary one, at most the published
   denominator). A primary cell that the equations determine (its null-space component is
   zero) or that one equation's bounds pin to a single whole number gets one more
   complementary cell in one of its margins; back to 2. After :data:`MAX_AUDITS` rounds,
   the margins of cells still pinned are withheld whole (safe; it keeps large tables with
   thousands of areas from needing thousands of audits).

Denominators below the threshold are protected the same way (their own margins).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .config import Config, Indicator

NONE, PRIMARY, SECONDARY = 0, 1, 2
#: values of the ``*_suppression`` fields, by status code
STATUS_NAMES = ("none", "primary", "secondary")

#: rounds of complements and audits per indicator and year before the margins of cells
#: still pinned are withheld whole (each audit is one SVD of margins × hidden cells)
MAX_AUDITS = 40
#: one margin: (index of the group cell, indices of its member cells)
Equation = tuple[int, list[int]]


@dataclass
class Cells:
    """Per indicator and row of one frame: status (0 none, 1 primary, 2 secondary) and
    whether the count and the denominator are hidden."""

    status: dict[str, np.ndarray]
    num_hidden: dict[str, np.ndarray]
    den_hidden: dict[str, np.ndarray]

    @classmethod
    def empty(cls, config: Config, n: int) -> Cells:
        names = [i.name for i in config.indicators]
        return cls(
            status={k: np.zeros(n, np.int8) for k in names},
            num_hidden={k: np.zeros(n, bool) for k in names},
            den_hidden={k: np.zeros(n, bool) for k in names},
        )


@dataclass
class Protection:
    """:class:`Cells` of the units and of each group frame."""

    units: Cells
    groups: list[Cells]


def primary_cells(num: np.ndarray, den: np.ndarray, ind: Indicator, config: Config) -> np.ndarray:
    """Cells withheld for themselves: small counts, or rates on small denominators."""
    t = config.threshold
    with np.errstate(invalid="ignore"):
        num_small = num < t if ind.kind == "rate" else den < t
        return num_small | (den < config.min_denominator)


def protect(
    units: pd.DataFrame,
    groups: Sequence[pd.DataFrame],
    mapping: pd.DataFrame | None,
    config: Config,
    years: Sequence[int],
    *,
    publish: bool,
) -> Protection:
    """Primary and complementary suppression of every indicator in the ``years``."""
    out = Protection(
        units=Cells.empty(config, len(units)),
        groups=[Cells.empty(config, len(g)) for g in groups],
    )
    if not publish:
        return out
    # rows whose index is withheld anyway (a primary cell): complements are taken there
    # first, so that as few indices as possible are lost
    withheld = [_any_primary(frame, config) for frame in (units, *groups)]
    for year in years:
        unit_rows = np.flatnonzero((units["year"] == year).to_numpy())
        group_rows = [np.flatnonzero((g["year"] == year).to_numpy()) for g in groups]
        for ind in config.indicators:
            _protect_indicator(
                ind, config, units, groups, mapping, unit_rows, group_rows, out, withheld
            )
    # a denominator column shared by indicators is hidden where any of them hides it
    by_column: dict[str, list[Indicator]] = {}
    for ind in config.indicators:
        by_column.setdefault(ind.denominator, []).append(ind)
    for inds in by_column.values():
        if len(inds) > 1:
            for cells in (out.units, *out.groups):
                union = np.logical_or.reduce([cells.den_hidden[i.name] for i in inds])
                for i in inds:
                    cells.den_hidden[i.name] = union.copy()
                    hide_rate = union & (cells.status[i.name] == NONE)
                    cells.status[i.name][hide_rate] = SECONDARY
    return out


def _protect_indicator(
    ind: Indicator,
    config: Config,
    units: pd.DataFrame,
    groups: Sequence[pd.DataFrame],
    mapping: pd.DataFrame | None,
    unit_rows: np.ndarray,
    group_rows: list[np.ndarray],
    out: Protection,
    withheld: list[np.ndarray],
) -> None:
    num = [units[f"{ind.name}_num"].to_numpy(dtype=float)[unit_rows]]
    den = [units[f"{ind.name}_den"].to_numpy(dtype=float)[unit_rows]]
    for frame, rows in zip(groups, group_rows):
        num.append(frame[f"{ind.name}_num"].to_numpy(dtype=float)[rows])
        den.append(frame[f"{ind.name}_den"].to_numpy(dtype=float)[rows])
    nums, dens = np.concatenate(num), np.concatenate(den)
    present = ~(np.isnan(nums) | np.isnan(dens) | (dens <= 0))
    equations = _equations(units, groups, mapping, unit_rows, group_rows, present)
    all_rows = (unit_rows, *group_rows)
    spare = np.concatenate([w[rows] for w, rows in zip(withheld, all_rows)])
    # the smallest cell first, but one in a row that is withheld anyway before any other
    order = np.nan_to_num(nums) + np.where(spare, 0.0, 1e18)
    t = config.threshold
    # denominators below the threshold, then the counts (knowing which denominators show)
    with np.errstate(invalid="ignore"):
        den_primary = present & (dens < t)
    num_primary = present & primary_cells(nums, dens, ind, config)
    num_known = np.where(num_primary, 0.0, np.nan_to_num(nums))
    size = len(nums)
    den_status = _plan(
        dens,
        den_primary,
        equations,
        order,
        lo=(np.ones(size), np.maximum(t, num_known)),
        hi=(np.full(size, t - 1.0), np.full(size, math.inf)),
    )
    den_hidden = den_status > 0
    if ind.kind == "rate":
        primary_hi = np.where(
            den_hidden,
            t - 1,
            np.where(dens < config.min_denominator, dens, np.minimum(t - 1, dens)),
        )
        secondary_hi = np.where(den_hidden, math.inf, dens)
        lo = (np.zeros(size), np.full(size, float(t)))
        hi = (primary_hi, secondary_hi)
    else:  # a sum (income): only the equations bound it
        lo = (np.zeros(size), np.zeros(size))
        hi = (np.full(size, math.inf), np.full(size, math.inf))
    num_status = _plan(nums, num_primary, equations, order, lo=lo, hi=hi)
    # a hidden denominator hides the rate (num / rate would give it back)
    status = np.where((num_status == NONE) & den_hidden, SECONDARY, num_status).astype(np.int8)
    start = 0
    for k, (cells, rows) in enumerate(zip((out.units, *out.groups), all_rows)):
        stop = start + len(rows)
        withheld[k][rows] |= status[start:stop] > 0
        cells.status[ind.name][rows] = status[start:stop]
        cells.num_hidden[ind.name][rows] = num_status[start:stop] > 0
        cells.den_hidden[ind.name][rows] = den_hidden[start:stop]
        start = stop


def _any_primary(frame: pd.DataFrame, config: Config) -> np.ndarray:
    rows = np.zeros(len(frame), dtype=bool)
    for ind in config.indicators:
        num = frame[f"{ind.name}_num"].to_numpy(dtype=float)
        den = frame[f"{ind.name}_den"].to_numpy(dtype=float)
        rows |= primary_cells(num, den, ind, config)
    return rows


def _equations(
    units: pd.DataFrame,
    groups: Sequence[pd.DataFrame],
    mapping: pd.DataFrame | None,
    unit_rows: np.ndarray,
    group_rows: list[np.ndarray],
    present: np.ndarray,
) -> list[Equation]:
    """The margins: each group cell of the year and its (present) member cells."""
    if mapping is None:
        return []
    keys = units["key"].to_numpy()[unit_rows]
    position = {k: i for i, k in enumerate(keys) if present[i]}
    lookup = mapping.set_index("key")
    equations: list[Equation] = []
    start = len(unit_rows)
    for frame, rows in zip(groups, group_rows):
        names = frame["group_name"].to_numpy()[rows]
        if len(rows):
            field = str(frame["grouping"].iloc[rows[0]])
            group_of = lookup[field].dropna().astype(str)
            members: dict[str, list[int]] = {}
            for key, group in group_of.items():
                if key in position:
                    members.setdefault(group, []).append(position[key])
            for offset, name in enumerate(names):
                cell = start + offset
                if present[cell] and members.get(name):
                    equations.append((cell, members[name]))
        start += len(rows)
    return equations


def _plan(
    values: np.ndarray,
    primary: np.ndarray,
    equations: list[Equation],
    order: np.ndarray,
    *,
    lo: tuple[np.ndarray, np.ndarray],
    hi: tuple[np.ndarray, np.ndarray],
) -> np.ndarray:
    """Status per cell after complementary suppression (see the module's steps).

    ``lo`` and ``hi`` are what an attacker knows of a hidden cell: (bound if primary,
    bound if secondary). Complements are taken in ``order`` (smallest first)."""
    status = np.where(primary, PRIMARY, NONE).astype(np.int8)
    if not equations or not primary.any():
        return status
    values = np.nan_to_num(values)
    integer = bool(np.all(np.mod(values, 1) == 0))

    def pinned_cells() -> list[int]:
        while _close_singletons(order, status, equations):
            pass
        cell_lo = np.where(status == PRIMARY, lo[0], lo[1])
        cell_hi = np.where(status == PRIMARY, hi[0], hi[1])
        return _audit(values, status, equations, cell_lo, cell_hi, integer)

    # rounds of complements and audits (each audit is one SVD), at most MAX_AUDITS
    for _ in range(MAX_AUDITS):
        pinned = pinned_cells()
        if not pinned:
            return status
        # one complement per margin and round (fewer secondary cells than one per cell)
        used: set[int] = set()
        added = False
        for cell in pinned:
            margins = {i for i, (g, m) in enumerate(equations) if g == cell or cell in m}
            if margins & used:
                continue
            if _add_complement(cell, order, status, equations):
                used |= margins
                added = True
        if not added:
            break
    # still pinned after as many rounds: their margins are withheld whole (safe, costly)
    while pinned := pinned_cells():
        before = int(np.count_nonzero(status))
        for cell in pinned:
            for group, members in equations:
                if group == cell or cell in members:
                    for other in (group, *members):
                        status[other] = status[other] or SECONDARY
        if np.count_nonzero(status) == before:  # nothing left to hide
            break
    return status


def _close_singletons(order: np.ndarray, status: np.ndarray, equations: list[Equation]) -> bool:
    """Hide one more cell in every margin with exactly one hidden cell; True if any."""
    added = False
    for group, members in equations:
        cells = [group, *members]
        if sum(1 for c in cells if status[c]) != 1:
            continue
        partner = _smallest_published(members, order, status)
        if partner is None and not status[group]:
            partner = group
        if partner is not None:
            status[partner] = SECONDARY
            added = True
    return added


def _smallest_published(cells: list[int], order: np.ndarray, status: np.ndarray) -> int | None:
    shown = [c for c in cells if not status[c]]
    return min(shown, key=lambda c: (order[c], c)) if shown else None


def _add_complement(
    cell: int, order: np.ndarray, status: np.ndarray, equations: list[Equation]
) -> bool:
    """Hide the smallest published member of a margin of ``cell`` (else a group cell)."""
    mine = [(g, m) for g, m in equations if g == cell or cell in m]
    partner = _smallest_published([c for _, m in mine for c in m], order, status)
    if partner is None:
        partner = _smallest_published([g for g, _ in mine], order, status)
    if partner is None:
        return False
    status[partner] = SECONDARY
    return True


def _audit(
    values: np.ndarray,
    status: np.ndarray,
    equations: list[Equation],
    lo: np.ndarray,
    hi: np.ndarray,
    integer: bool,
) -> list[int]:
    """Primary cells an attacker can compute exactly from the margins and bounds."""
    hidden = np.flatnonzero(status > 0)
    position = {c: i for i, c in enumerate(hidden)}
    rows, consts = [], []
    for group, members in equations:
        row = np.zeros(len(hidden))
        const = 0.0
        for cell, sign in ((group, 1.0), *((m, -1.0) for m in members)):
            if status[cell]:
                row[position[cell]] = sign
            else:
                const -= sign * values[cell]
        if row.any():
            rows.append(row)
            consts.append(const)
    if not rows:
        return []
    determined = _determined(np.array(rows))
    pinned = {int(hidden[i]) for i in np.flatnonzero(determined)}
    for eq_row, eq_const in zip(rows, consts):
        cols = np.flatnonzero(eq_row)
        coeff = eq_row[cols]
        cell_lo, cell_hi = lo[hidden[cols]], hi[hidden[cols]]
        term_lo = np.minimum(coeff * cell_lo, coeff * cell_hi)
        term_hi = np.maximum(coeff * cell_lo, coeff * cell_hi)
        others_lo = _sum_without_each(term_lo)
        others_hi = _sum_without_each(term_hi)
        for j, col in enumerate(cols):
            # coeff_j x_j = const - (sum of the others)
            a, b = eq_const - others_hi[j], eq_const - others_lo[j]
            low, high = (a, b) if coeff[j] > 0 else (-b, -a)
            low, high = max(low, cell_lo[j]), min(high, cell_hi[j])
            if _single_value(low, high, integer):
                pinned.add(int(hidden[col]))
    return sorted(c for c in pinned if status[c] == PRIMARY)


def _determined(matrix: np.ndarray) -> np.ndarray:
    """Per column: does the system ``matrix @ x = b`` fix this unknown (whatever ``b``)?

    It does when the unit vector lies in the row space, i.e. its projection onto the
    orthonormal row basis (right singular vectors) has length 1."""
    from scipy.linalg import LinAlgError, svd

    try:
        _, sing, vt = svd(matrix, full_matrices=False)
    except LinAlgError:  # pragma: no cover - gesdd rarely fails; the slower driver then
        _, sing, vt = svd(matrix, full_matrices=False, lapack_driver="gesvd")
    tol = max(matrix.shape) * np.finfo(float).eps * (sing[0] if len(sing) else 0.0)
    basis = vt[sing > tol]
    return (basis**2).sum(axis=0) > 1 - 1e-9


def _sum_without_each(terms: np.ndarray) -> np.ndarray:
    """Sum of all terms but the j-th, for every j (infinite terms of one sign allowed)."""
    infinite = np.isinf(terms)
    finite_sum = terms[~infinite].sum()
    n_inf = int(infinite.sum())
    sign = float(np.sign(terms[infinite][0])) if n_inf else 0.0
    out = finite_sum - np.where(infinite, 0.0, terms)
    others_inf = n_inf - infinite.astype(int)
    return np.where(others_inf > 0, sign * math.inf, out)


def _single_value(low: float, high: float, integer: bool) -> bool:
    if not (math.isfinite(low) and math.isfinite(high)):
        return False
    if integer:
        return math.ceil(low - 1e-6) >= math.floor(high + 1e-6)
    return high - low <= 1e-9 * max(1.0, abs(high))
