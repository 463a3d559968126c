"""The Sozialformel per unit, group and year: :func:`sozialformel` and its result."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .._progress import Progress
from ..errors import ParameterError
from ..messages import Message
from .classes import _classify, class_breaks_by_year
from .config import Config, _uses_reference, load_config
from .disclosure import Cells, protect
from .engine import _evaluate
from .groups import _pool, _prepare_groups
from .inputs import _complete_grid, _prepare_table
from .missing import _handle_missing, _missing_mask
from .reference import reference_toml, reference_values
from .suppression import _publishable, protection_notes
from .validity import Validity, _validity


@dataclass
class SozialformelResult:
    """Result of :func:`sozialformel`.

    Attributes
    ----------
    table
        One row per unit and year (long): key, name, year, per indicator
        ``<name>_num``, ``<name>_den``, ``<name>_rate``, ``<name>_scaled``,
        ``<name>_suppressed``; then ``index_value``, ``index_rank`` (1 = highest
        index, i.e. most need), ``index_percentile``, ``index_class`` (1 = lowest),
        ``index_change`` (index points against the previous year) and ``rank_change``
        (previous rank − rank: positive = moved up towards rank 1), ``synthetic``.
        When ``publish`` was true, suppressed values are NULL.
    groups
        One row per group and year: ``grouping`` (the mapping field), ``group_name``,
        ``n_units``, the same value fields (rank within the grouping).
    breaks
        Year → class edges ``[min, inner thresholds…, max]`` of the units' index: the
        edges of the reference year in every year (``classes.per_year``: each year's).
    validity
        :class:`Validity` of the latest selected year.
    reference
        The ``[reference]`` table that fixes this run's bounds and classes for later runs
        (:func:`.reference.reference_toml`; year, indicator ``bounds``, ``index``,
        ``breaks``).
    members
        The group mapping (``key`` and the group fields), or ``None``.
    """

    table: pd.DataFrame
    groups: pd.DataFrame
    config: Config
    years: list[int]
    breaks: dict[int, list[float]]
    validity: Validity | None
    synthetic: bool = False
    notes: list[Message] = field(default_factory=list)
    reference: dict[str, Any] = field(default_factory=dict)
    members: pd.DataFrame | None = None

    @property
    def latest_year(self) -> int:
        return max(self.years)

    def latest(self) -> pd.DataFrame:
        """The rows of the latest selected year."""
        return self.table[self.table["year"] == self.latest_year].reset_index(drop=True)


def _class_reference_year(config: Config, all_years: list[int], selected: list[int]) -> int:
    """The year whose class breaks apply to all years: the configured reference year,
    else the latest selected year."""
    if config.reference_year is not None and config.reference_year in all_years:
        return config.reference_year
    return max(selected)


def _shown(cells: Cells) -> dict[str, np.ndarray]:
    """Per indicator: the rows whose value is published."""
    return {name: status == 0 for name, status in cells.status.items()}


def sozialformel(
    table: pd.DataFrame,
    *,
    config: Config | Mapping[str, Any] | str | os.PathLike | None = None,
    groups: pd.DataFrame | None = None,
    group_fields: Sequence[str] | str | None = None,
    years: Iterable[int] | None = None,
    publish: bool = True,
    validity: bool = True,
    progress: Progress | None = None,
) -> SozialformelResult:
    """Compute the Sozialformel per unit (municipality) and year, and for groups.

    Parameters
    ----------
    table
        Counts per unit and year (DESIGN §5): the key (text), the year and the count
        columns the indicators name. Not modified.
    config
        A :class:`Config`, a mapping or TOML file for :func:`load_config`, or ``None``
        for the Pinneberg preset.
    groups
        Mapping table: the key column and one or more group columns.
    group_fields
        The group columns to use (default: every column of ``groups`` but the key
        and ``name``).
    years
        The years to report (default: all). Every year of the table is computed,
        so the change against the previous year and a reference year are available.
    publish
        Suppress small counts and rates on small denominators (NULL + flag).
    validity
        Compute the validity checks (:class:`Validity`) for the latest year.
    progress
        Progress and cancellation.

    Returns
    -------
    SozialformelResult

    Raises
    ------
    FieldError
        A column the configuration names is missing (named).
    DataError
        Duplicate (key, year) rows, negative counts, a numerator above its
        denominator, missing values under ``missing = "refuse"``, negative scaled
        values for a geometric mean or product.

    Notes
    -----
    Per indicator *i*, unit *u*, year *t*: rate :math:`x = per · num / den`;
    reversed indicators use :math:`v = -x`, so every scaled value points to more need.

    - minmax: :math:`s = 100 (v - \\min_t v) / (\\max_t v - \\min_t v)`
    - minmax_reference: the same with min and max of the reference year (or the
      configured bounds), so years are comparable (values may leave 0–100)
    - zscore: :math:`s = (v - \\bar v_t) / \\sigma_t` (population standard deviation)
    - percentile: :math:`s = 100 (r - 1) / (n - 1)`, :math:`r` the average rank
    - rank: :math:`s = r` (1 = lowest value); raw: :math:`s = v`

    Combination with weights :math:`w_i` and :math:`W = \\sum w_i`: weighted mean
    :math:`\\sum w_i s_i / W`; sum :math:`\\sum w_i s_i`; geometric mean
    :math:`\\prod s_i^{w_i / W}`; product :math:`\\prod s_i^{w_i}` (the last two refuse
    negative values). Post-scaling maps the index to 0–100 by min–max per year or
    against the reference year. Groups: rates from the summed counts of their members,
    scaled and post-scaled with the members' parameters of that year (for percentile
    and rank: as if the group were inserted among the units).

    Examples
    --------
    >>> table = pd.DataFrame({"ags": ["1", "2", "3"], "year": 2023,
    ...                       "n": [100, 100, 100], "x": [5, 10, 20]})
    >>> res = sozialformel(table, config={"indicators": [
    ...     {"name": "a", "numerator": "x", "denominator": "n"}]}, validity=False)
    >>> res.table["index_value"].round(2).tolist()
    [0.0, 33.33, 100.0]
    """
    progress = progress or Progress()
    if not isinstance(config, Config):
        config = load_config(config)
    notes: list[Message] = []
    data, synthetic = _prepare_table(table, config, notes)
    all_years = sorted(int(y) for y in data[config.year].unique())
    if years is None:
        selected = all_years
    else:
        selected = sorted({int(y) for y in years})
        absent = [y for y in selected if y not in all_years]
        if absent:
            raise ParameterError(
                "The years {years} are not in the indicator table; it has: {available}.",
                years=", ".join(map(str, absent)),
                available=", ".join(map(str, all_years)),
            )
    if (
        config.reference_year is not None
        and _uses_reference(config)
        and config.reference_year not in all_years
    ):
        raise ParameterError(
            "The reference year {year} is not in the indicator table; it has: {available}.",
            year=config.reference_year,
            available=", ".join(map(str, all_years)),
        )
    mapping, fields = _prepare_groups(groups, group_fields, config, data, notes)
    progress.report(0.1)

    data = _complete_grid(data, config, all_years)
    data = _handle_missing(data, config, mapping, fields, notes)
    progress.report(0.25)

    # first without data protection: the suppressed cells follow from the counts alone
    draft = _evaluate(data, config, [], reference=None)
    if fields:
        incomplete = int(_missing_mask(data, config).any(axis=1).sum())
        if incomplete:
            notes.append(
                Message(
                    "{n} unit-years without a value are left out of their groups' pooled "
                    "counts (for the indicators they lack).",
                    n=incomplete,
                )
            )
    pooled = [_pool(data, mapping, group_field, config, notes) for group_field in fields]
    draft_groups = [_evaluate(p, config, [], reference=draft).frame for p in pooled]
    progress.report(0.4)

    class_year = _class_reference_year(config, all_years, selected)
    protected = sorted({*selected, class_year})
    cells = protect(draft.frame, draft_groups, mapping, config, protected, publish=publish)
    # then scaled with statistics of the published values only (see engine.py)
    units = _evaluate(data, config, notes, reference=None, published=_shown(cells.units))
    group_frames = [
        _evaluate(p, config, notes, reference=units, published=_shown(c))
        for p, c in zip(pooled, cells.groups)
    ]
    progress.report(0.6)

    # class breaks from the units of the reference year (or of each year); groups use the
    # same breaks. A withheld index takes no part, so no class bound is a withheld value.
    unit_values = units.frame
    withheld = np.zeros(len(unit_values), dtype=bool)
    if publish and config.suppress_index:
        withheld = np.logical_or.reduce([s > 0 for s in cells.units.status.values()])
    breaks, class_notes = class_breaks_by_year(
        unit_values.loc[~withheld, ["year", "index_value"]], config, all_years, class_year
    )
    notes.extend(class_notes)
    _classify(units.frame, breaks)
    for frame in group_frames:
        _classify(frame.frame, breaks)
    reference = reference_values(
        config, units.params, class_year, None if config.class_per_year else breaks[class_year]
    )
    if set(reference) - {"year"}:
        notes.append(
            Message(
                "To keep later runs comparable with this one (the same bounds and classes, "
                "even without the year {year} in their table), add this to their "
                "configuration:\n{table}",
                year=reference.get("year", class_year),
                table=reference_toml(reference),
            )
        )
    progress.report(0.7)

    val = None
    if validity:
        val = _validity(units, config, max(selected), progress.sub(0.7, 0.95))
        notes.extend(val.notes)
    progress.report(0.95)

    table_out = _publishable(
        units.frame, config, selected, synthetic, publish, unit=True, cells=cells.units
    )
    groups_out = (
        pd.concat(
            [
                _publishable(g.frame, config, selected, synthetic, publish, unit=False, cells=c)
                for g, c in zip(group_frames, cells.groups)
            ],
            ignore_index=True,
        )
        if group_frames
        else pd.DataFrame(columns=["grouping", "group_name", "year"])
    )
    if publish:
        notes.extend(protection_notes(table_out, groups_out, config))
    progress.report(1.0)
    return SozialformelResult(
        table=table_out,
        groups=groups_out,
        config=config,
        years=selected,
        breaks={y: breaks[y] for y in selected},
        validity=val,
        reference=reference,
        members=mapping,
        synthetic=synthetic,
        notes=notes,
    )
