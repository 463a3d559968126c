"""The Sozialformel: a composite social index per municipality, planning region and year.

The engine follows the steps of a composite indicator (OECD/JRC handbook, ArcGIS Pro's
"Calculate Composite Index"): rates from counts → optional winsorising → direction →
scaling → weights → combination → post-scaling → rank, percentile and classes, and the
change against the previous year. Groups (planning regions, the Kreis, size classes)
are computed from *pooled counts* and scaled with the parameters of the municipalities,
so a group is comparable with its members. A validity report gives correlations,
Cronbach's alpha, contributions and rank intervals under random weights and other
scalings. Published outputs follow official statistics' data protection
(Geheimhaltung): small counts and rates on small denominators are flagged and NULL.

The configuration is a TOML file (see :func:`load_config` and the preset
``geolib/presets/sozialformel_pinneberg.toml``).
"""

from __future__ import annotations

import html
import math
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._progress import Progress
from ._table import normalise_keys, read_table
from .errors import DataError, FieldError, ParameterError, SourceError
from .io import SYNTHETIC_LABEL, require_rows
from .messages import N_, Message, translate

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python < 3.11
    import tomli as tomllib

__all__ = [
    "CLASSIFICATIONS",
    "COMBINATIONS",
    "MISSING_POLICIES",
    "PINNEBERG_PRESET",
    "POST_SCALINGS",
    "SCALINGS",
    "Config",
    "Indicator",
    "SozialformelResult",
    "Validity",
    "class_breaks",
    "join_areas",
    "load_config",
    "parse_years",
    "read_groups",
    "read_indicator_table",
    "sozialformel",
    "validity_report_html",
]

SCALINGS = ("minmax", "minmax_reference", "zscore", "percentile", "rank", "raw")
COMBINATIONS = ("weighted_mean", "sum", "geometric_mean", "product")
POST_SCALINGS = ("minmax", "minmax_reference", "none")
CLASSIFICATIONS = ("quantile", "equal_interval", "stddev", "natural_breaks", "custom")
MISSING_POLICIES = ("refuse", "drop", "carry", "group_mean")
KINDS = ("rate", "mean")

PRESETS_DIR = Path(__file__).resolve().parent / "presets"
PINNEBERG_PRESET = PRESETS_DIR / "sozialformel_pinneberg.toml"
"""The preset for Kreis Pinneberg (documented in docs/REFERENCE.md)."""

_NAME = re.compile(r"^[a-z][a-z0-9_]{0,30}$")

_TOP_KEYS = (
    "title",
    "description",
    "key",
    "name",
    "year",
    "key_width",
    "reference_year",
    "scaling",
    "post_scaling",
    "combination",
    "threshold",
    "min_denominator",
    "suppress_index",
    "missing",
    "winsorize",
    "classes",
    "validity",
    "indicators",
)
_INDICATOR_KEYS = (
    "name",
    "label",
    "numerator",
    "denominator",
    "kind",
    "per",
    "reverse",
    "weight",
    "scaling",
    "bounds",
)
_CLASS_KEYS = ("method", "count", "breaks")
_VALIDITY_KEYS = ("weight_draws", "weight_spread", "seed")


# --- configuration ------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    """One indicator: a rate (or mean) from two count columns.

    Attributes
    ----------
    name
        Field-safe id (``[a-z][a-z0-9_]*``); output fields are ``<name>_rate`` etc.
    numerator, denominator
        Count columns of the indicator table.
    label
        Readable name for reports and legends.
    kind
        ``"rate"``: numerator is a count of people within the denominator
        (numerator ≤ denominator, suppression on small numerators);
        ``"mean"``: numerator is a sum (e.g. income in EUR), the value is a mean.
    per
        Multiplier: 100 for percent, 1 for a mean.
    reverse
        ``True`` when a *higher* value means *less* need (e.g. income).
    weight
        Weight (> 0) in the combination.
    scaling
        This indicator's scaling, or ``None`` for the configuration's scaling.
    bounds
        Fixed (low, high) bounds of the rate for ``minmax_reference``.
    """

    name: str
    numerator: str
    denominator: str
    label: str = ""
    kind: str = "rate"
    per: float = 100.0
    reverse: bool = False
    weight: float = 1.0
    scaling: str | None = None
    bounds: tuple[float, float] | None = None


@dataclass(frozen=True)
class Config:
    """A validated Sozialformel configuration (see :func:`load_config`)."""

    indicators: tuple[Indicator, ...]
    title: str = "Sozialformel"
    description: str = ""
    key: str = "ags"
    name: str = "name"
    year: str = "year"
    key_width: int = 8
    reference_year: int | None = None
    scaling: str = "minmax"
    post_scaling: str = "minmax"
    combination: str = "weighted_mean"
    threshold: int = 3
    min_denominator: int = 10
    suppress_index: bool = False
    missing: str = "refuse"
    winsorize: float = 0.0
    class_method: str = "quantile"
    class_count: int = 5
    class_breaks: tuple[float, ...] | None = None
    weight_draws: int = 200
    weight_spread: float = 0.5
    seed: int = 1

    def scaling_of(self, indicator: Indicator) -> str:
        return indicator.scaling or self.scaling

    def as_dict(self) -> dict[str, Any]:
        """A plain dict (for provenance and reports)."""
        return {
            "title": self.title,
            "reference_year": self.reference_year,
            "scaling": self.scaling,
            "post_scaling": self.post_scaling,
            "combination": self.combination,
            "threshold": self.threshold,
            "min_denominator": self.min_denominator,
            "missing": self.missing,
            "winsorize": self.winsorize,
            "classes": {
                "method": self.class_method,
                "count": self.class_count,
                "breaks": list(self.class_breaks or []),
            },
            "indicators": [
                {
                    "name": i.name,
                    "numerator": i.numerator,
                    "denominator": i.denominator,
                    "kind": i.kind,
                    "per": i.per,
                    "reverse": i.reverse,
                    "weight": i.weight,
                    "scaling": self.scaling_of(i),
                }
                for i in self.indicators
            ],
        }


def _unknown_keys(data: Mapping[str, Any], allowed: Sequence[str], section: str) -> None:
    for key in data:
        if key not in allowed:
            raise ParameterError(
                "The Sozialformel configuration has an unknown key '{key}' in {section}. "
                "Allowed keys: {allowed}.",
                key=key,
                section=section,
                allowed=", ".join(allowed),
            )


def _choice(value: Any, allowed: Sequence[str], what: str) -> str:
    if value not in allowed:
        raise ParameterError(
            "The Sozialformel configuration has {what} = '{value}'; use one of: {allowed}.",
            what=what,
            value=value,
            allowed=", ".join(allowed),
        )
    return str(value)


def _number(value: Any, what: str, *, integer: bool = False) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)  # TOML has nan and inf
    ):
        raise ParameterError(
            "The Sozialformel configuration has {what} = '{value}'; it must be a number.",
            what=what,
            value=value,
        )
    if integer and int(value) != value:
        raise ParameterError(
            "The Sozialformel configuration has {what} = '{value}'; it must be a whole number.",
            what=what,
            value=value,
        )
    return int(value) if integer else float(value)


def _flag(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise ParameterError(
            "The Sozialformel configuration has {what} = '{value}'; it must be true or false.",
            what=what,
            value=value,
        )
    return value


def load_config(source: str | os.PathLike | Mapping[str, Any] | None = None) -> Config:
    """Read and validate a Sozialformel configuration (TOML file or mapping).

    Parameters
    ----------
    source
        A TOML file, a mapping with the same structure, or ``None`` for the Pinneberg
        preset (:data:`PINNEBERG_PRESET`).

    Returns
    -------
    Config

    Raises
    ------
    ParameterError
        An unknown key (the message names it and lists the allowed keys), an unknown
        method, a weight ≤ 0, duplicate indicator names, or a missing reference year.
    SourceError
        The file does not exist or is not valid TOML.

    Notes
    -----
    Structure (every key but ``indicators`` is optional)::

        title = "Sozialformel"
        key = "ags"                 # key column of the indicator table (text)
        name = "name"               # name column (optional)
        year = "year"
        reference_year = 2019       # for minmax_reference scaling and post-scaling
        scaling = "minmax"          # minmax | minmax_reference | zscore | percentile | rank | raw
        combination = "weighted_mean"  # weighted_mean | sum | geometric_mean | product
        post_scaling = "minmax"     # minmax | minmax_reference | none
        threshold = 3               # counts below are suppressed in published outputs
        min_denominator = 10        # rates on smaller denominators are suppressed
        suppress_index = false      # true: also no index where a value is suppressed
        missing = "refuse"          # refuse | drop | carry | group_mean
        winsorize = 0.0             # share clipped at each tail per year (0 = off)

        [classes]
        method = "quantile"         # quantile | equal_interval | stddev | natural_breaks | custom
        count = 5
        breaks = []                 # inner thresholds for "custom"

        [validity]
        weight_draws = 200          # random weight sets for the rank intervals
        weight_spread = 0.5         # each weight × uniform(1 − spread, 1 + spread)
        seed = 1

        [[indicators]]
        name = "kinderarmut"
        label = "Kinder unter 15 in SGB-II-Bedarfsgemeinschaften (%)"
        numerator = "children_u15_sgb2"
        denominator = "children_u15"
        per = 100                   # 100 = percent
        kind = "rate"               # rate | mean (numerator is a sum, e.g. EUR)
        reverse = false             # true: higher values mean less need
        weight = 1.0                # > 0
        scaling = "minmax"          # overrides the global scaling (optional)
        bounds = [0, 40]            # fixed bounds for minmax_reference (optional)

    Examples
    --------
    >>> cfg = load_config({"indicators": [
    ...     {"name": "a", "numerator": "x", "denominator": "n"}]})
    >>> cfg.indicators[0].per
    100.0
    """
    if source is None:
        source = PINNEBERG_PRESET
    if isinstance(source, Mapping):
        data = dict(source)
    else:
        path = Path(source)
        if not path.exists():
            raise SourceError(
                "The Sozialformel configuration '{path}' does not exist. Check the path.",
                path=str(path),
            )
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SourceError(
                "The Sozialformel configuration '{path}' is not valid TOML: {error}",
                path=str(path),
                error=exc,
            ) from exc
        except OSError as exc:  # a folder, no permission
            raise SourceError(
                "The {what} '{path}' cannot be read: {error}",
                what=N_("Sozialformel configuration"),
                path=str(path),
                error=exc,
            ) from exc
    _unknown_keys(data, _TOP_KEYS, N_("the top level"))
    raw_indicators = data.get("indicators")
    if not isinstance(raw_indicators, list) or not raw_indicators:
        raise ParameterError(
            "The Sozialformel configuration needs at least one [[indicators]] entry with "
            "name, numerator and denominator."
        )
    scaling = _choice(data.get("scaling", "minmax"), SCALINGS, "scaling")
    indicators = []
    for number, entry in enumerate(raw_indicators, start=1):
        if not isinstance(entry, Mapping):
            raise ParameterError(
                "Indicator {n} of the Sozialformel configuration is not a table.", n=number
            )
        _unknown_keys(entry, _INDICATOR_KEYS, N_("an [[indicators]] entry"))
        for required in ("name", "numerator", "denominator"):
            if not entry.get(required):
                raise ParameterError(
                    "Indicator {n} of the Sozialformel configuration lacks '{key}'.",
                    n=number,
                    key=required,
                )
        name = str(entry["name"])
        if not _NAME.match(name):
            raise ParameterError(
                "The indicator name '{name}' is not usable as a field name: use lowercase "
                "letters, digits and '_', starting with a letter (at most 31 characters).",
                name=name,
            )
        weight = _number(entry.get("weight", 1.0), "weight")
        if not weight > 0:
            raise ParameterError(
                "The weight of indicator '{name}' is {weight}; weights must be greater than 0 "
                "(leave an indicator out instead of weighting it 0).",
                name=name,
                weight=weight,
            )
        bounds = entry.get("bounds")
        if bounds is not None:
            if (
                not isinstance(bounds, list)
                or len(bounds) != 2
                or not all(isinstance(b, (int, float)) for b in bounds)
                or not bounds[0] < bounds[1]
            ):
                raise ParameterError(
                    "The bounds of indicator '{name}' must be two numbers [low, high] with "
                    "low < high.",
                    name=name,
                )
            bounds = (float(bounds[0]), float(bounds[1]))
        reverse = entry.get("reverse", False)
        if not isinstance(reverse, bool):
            raise ParameterError(
                "'reverse' of indicator '{name}' must be true or false.", name=name
            )
        kind = _choice(entry.get("kind", "rate"), KINDS, "kind")
        indicators.append(
            Indicator(
                name=name,
                numerator=str(entry["numerator"]),
                denominator=str(entry["denominator"]),
                label=str(entry.get("label", name)),
                kind=kind,
                per=_number(entry.get("per", 100.0 if kind == "rate" else 1.0), "per"),
                reverse=reverse,
                weight=weight,
                scaling=(
                    _choice(entry["scaling"], SCALINGS, "scaling") if "scaling" in entry else None
                ),
                bounds=bounds,
            )
        )
    names = [i.name for i in indicators]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ParameterError(
            "Indicator names must be unique; repeated: {names}.", names=", ".join(dupes)
        )
    classes = data.get("classes", {})
    if not isinstance(classes, Mapping):
        raise ParameterError("[classes] of the Sozialformel configuration must be a table.")
    _unknown_keys(classes, _CLASS_KEYS, "[classes]")
    validity = data.get("validity", {})
    if not isinstance(validity, Mapping):
        raise ParameterError("[validity] of the Sozialformel configuration must be a table.")
    _unknown_keys(validity, _VALIDITY_KEYS, "[validity]")
    class_method = _choice(classes.get("method", "quantile"), CLASSIFICATIONS, "classes.method")
    class_breaks = classes.get("breaks")
    if class_method == "custom":
        if (
            not isinstance(class_breaks, list)
            or not class_breaks
            or not all(isinstance(b, (int, float)) for b in class_breaks)
            or any(b >= c for b, c in zip(class_breaks, class_breaks[1:]))
        ):
            raise ParameterError(
                "Custom classes need [classes] breaks = [...]: increasing inner thresholds, "
                "e.g. [20, 40, 60, 80] for five classes."
            )
        class_breaks = tuple(float(b) for b in class_breaks)
        class_count = len(class_breaks) + 1
    else:
        class_breaks = None
        class_count = int(_number(classes.get("count", 5), "classes.count", integer=True))
        if not 2 <= class_count <= 12:
            raise ParameterError(
                "The Sozialformel configuration has classes.count = {count}; use 2 to 12.",
                count=class_count,
            )
    reference_year = data.get("reference_year")
    if reference_year is not None:
        reference_year = int(_number(reference_year, "reference_year", integer=True))
    post_scaling = _choice(data.get("post_scaling", "minmax"), POST_SCALINGS, "post_scaling")
    needs_reference = post_scaling == "minmax_reference" or any(
        (i.scaling or scaling) == "minmax_reference" and i.bounds is None for i in indicators
    )
    if needs_reference and reference_year is None:
        raise ParameterError(
            "Scaling against a reference needs reference_year = YEAR in the Sozialformel "
            "configuration (or bounds = [low, high] for each such indicator)."
        )
    winsorize = _number(data.get("winsorize", 0.0), "winsorize")
    if not 0 <= winsorize < 0.5:
        raise ParameterError(
            "winsorize = {value} is out of range; use a share from 0 (off) to below 0.5, "
            "e.g. 0.05 to clip 5 % at each tail.",
            value=winsorize,
        )
    threshold = int(_number(data.get("threshold", 3), "threshold", integer=True))
    min_denominator = int(_number(data.get("min_denominator", 10), "min_denominator", integer=True))
    if threshold < 0 or min_denominator < 0:
        raise ParameterError("threshold and min_denominator must not be negative.")
    spread = _number(validity.get("weight_spread", 0.5), "validity.weight_spread")
    if not 0 <= spread < 1:
        raise ParameterError(
            "validity.weight_spread = {value} is out of range; use 0 to below 1.", value=spread
        )
    return Config(
        indicators=tuple(indicators),
        title=str(data.get("title", "Sozialformel")),
        description=str(data.get("description", "")),
        key=str(data.get("key", "ags")),
        name=str(data.get("name", "name")),
        year=str(data.get("year", "year")),
        key_width=int(_number(data.get("key_width", 8), "key_width", integer=True)),
        reference_year=reference_year,
        scaling=scaling,
        post_scaling=post_scaling,
        combination=_choice(data.get("combination", "weighted_mean"), COMBINATIONS, "combination"),
        threshold=threshold,
        min_denominator=min_denominator,
        suppress_index=_flag(data.get("suppress_index", False), "suppress_index"),
        missing=_choice(data.get("missing", "refuse"), MISSING_POLICIES, "missing"),
        winsorize=winsorize,
        class_method=class_method,
        class_count=class_count,
        class_breaks=class_breaks,
        weight_draws=int(
            _number(validity.get("weight_draws", 200), "validity.weight_draws", integer=True)
        ),
        weight_spread=spread,
        seed=int(_number(validity.get("seed", 1), "validity.seed", integer=True)),
    )


# --- reading ---------------------------------------------------------------------------------


def parse_years(text: str | None) -> list[int] | None:
    """Years from text: ``"2019-2023"``, ``"2021, 2023"``, ``"2023"``; empty → ``None``.

    Examples
    --------
    >>> parse_years("2019-2021, 2023")
    [2019, 2020, 2021, 2023]
    """
    if text is None or not str(text).strip():
        return None
    years: set[int] = set()
    compact = re.sub(r"\s*[-–]\s*", "-", str(text).strip())
    for part in re.split(r"[,;\s]+", compact):
        if not part:
            continue
        match = re.fullmatch(r"(\d{4})(?:\s*[-–]\s*(\d{4}))?", part)
        if match is None:
            raise ParameterError(
                "'{text}' is not a list of years; write e.g. 2023, 2019-2023 or 2021, 2023.",
                text=str(text),
            )
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if last < first:
            raise ParameterError(
                "The year range {first}-{last} runs backwards.", first=first, last=last
            )
        years.update(range(first, last + 1))
    return sorted(years)


def read_indicator_table(
    source: str | os.PathLike, *, config: Config | None = None, layer: str | None = None
) -> pd.DataFrame:
    """Read the indicator table (CSV, XLSX, GeoPackage table); the key stays text."""
    config = config or load_config()
    return read_table(source, key=config.key, layer=layer, what=N_("indicator table"))


def read_groups(
    source: str | os.PathLike, *, key: str = "ags", layer: str | None = None
) -> pd.DataFrame:
    """Read a mapping table key → group(s) (CSV, XLSX, GeoPackage table)."""
    return read_table(source, key=key, layer=layer, what=N_("group table"))


# --- results -------------------------------------------------------------------------------


@dataclass
class Validity:
    """Checks of the index for one year (see :func:`sozialformel`).

    Attributes
    ----------
    year
        The year checked (the latest selected year).
    pearson, spearman
        Correlations between the directed indicator values (indicators × indicators).
    alpha
        Cronbach's alpha of the scaled values.
    contributions
        Per indicator: ``weight`` (normalised), ``mean_share`` (mean share of the
        weighted scaled value in the sum), ``corr_index`` (Pearson with the index),
        ``rank_corr_without`` (Spearman between the index and the index without it).
    ranks
        Per unit: ``rank``, ``rank_low`` and ``rank_high`` (5th and 95th percentile
        over random weights), ``rank_min_scalings`` and ``rank_max_scalings`` (over
        the other scalings), ``rank_interval_low``/``rank_interval_high`` (both) and
        one ``rank_<scaling>`` column per scaling tried.
    """

    year: int
    pearson: pd.DataFrame
    spearman: pd.DataFrame
    alpha: float
    contributions: pd.DataFrame
    ranks: pd.DataFrame
    scalings: list[str] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)


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
        Year → class edges ``[min, inner thresholds…, max]`` of the units' index.
    validity
        :class:`Validity` of the latest selected year.
    """

    table: pd.DataFrame
    groups: pd.DataFrame
    config: Config
    years: list[int]
    breaks: dict[int, list[float]]
    validity: Validity | None
    synthetic: bool = False
    notes: list[Message] = field(default_factory=list)

    @property
    def latest_year(self) -> int:
        return max(self.years)

    def latest(self) -> pd.DataFrame:
        """The rows of the latest selected year."""
        return self.table[self.table["year"] == self.latest_year].reset_index(drop=True)


# --- the engine ------------------------------------------------------------------------------


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

    units = _evaluate(data, config, notes, reference=None)
    progress.report(0.45)
    group_frames = []
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
    for group_field in fields:
        pooled = _pool(data, mapping, group_field, config)
        group_frames.append(_evaluate(pooled, config, notes, reference=units))
    progress.report(0.6)

    # class breaks from the units of each year; groups use the same breaks
    breaks: dict[int, list[float]] = {}
    unit_values = units.frame
    for year in all_years:
        values = unit_values.loc[unit_values["year"] == year, "index_value"].dropna()
        breaks[year] = class_breaks(
            values.to_numpy(),
            method=config.class_method,
            count=config.class_count,
            custom=config.class_breaks,
        )
    _classify(units.frame, breaks)
    for frame in group_frames:
        _classify(frame.frame, breaks)
    progress.report(0.7)

    val = None
    if validity:
        val = _validity(units, config, max(selected), progress.sub(0.7, 0.95))
        notes.extend(val.notes)
    progress.report(0.95)

    table_out = _publishable(units.frame, config, selected, synthetic, publish, unit=True)
    groups_out = (
        pd.concat(
            [
                _publishable(g.frame, config, selected, synthetic, publish, unit=False)
                for g in group_frames
            ],
            ignore_index=True,
        )
        if group_frames
        else pd.DataFrame(columns=["grouping", "group_name", "year"])
    )
    if publish:
        n_sup = {
            ind.name: int(table_out[f"{ind.name}_suppressed"].sum()) for ind in config.indicators
        }
        total = sum(n_sup.values())
        if total:
            notes.append(
                Message(
                    "Data protection: {n} values below the threshold ({threshold}) or on "
                    "denominators below {min_den} are suppressed (NULL, flagged): {detail}.",
                    n=total,
                    threshold=config.threshold,
                    min_den=config.min_denominator,
                    detail=", ".join(f"{k} {v}" for k, v in n_sup.items() if v),
                )
            )
    progress.report(1.0)
    return SozialformelResult(
        table=table_out,
        groups=groups_out,
        config=config,
        years=selected,
        breaks={y: breaks[y] for y in selected},
        validity=val,
        synthetic=synthetic,
        notes=notes,
    )


def _uses_reference(config: Config) -> bool:
    return config.post_scaling == "minmax_reference" or any(
        config.scaling_of(i) == "minmax_reference" and i.bounds is None for i in config.indicators
    )


def _count_columns(config: Config) -> list[str]:
    cols: list[str] = []
    for ind in config.indicators:
        for col in (ind.numerator, ind.denominator):
            if col not in cols:
                cols.append(col)
    return cols


def _prepare_table(
    table: pd.DataFrame, config: Config, notes: list[Message]
) -> tuple[pd.DataFrame, bool]:
    if len(table) == 0:
        raise DataError("The indicator table is empty: it has no rows.")
    for col in (config.key, config.year):
        if col not in table.columns:
            raise FieldError(
                "The indicator table has no column '{column}' ({role}). Its columns: "
                "{columns}. Set key/year in the configuration.",
                column=col,
                role=N_("key") if col == config.key else N_("year"),
                columns=", ".join(map(str, table.columns)),
            )
    for ind in config.indicators:
        for col in (ind.numerator, ind.denominator):
            if col not in table.columns:
                raise FieldError(
                    "The indicator table has no column '{column}', which indicator '{indicator}' "
                    "needs. Its columns: {columns}.",
                    column=col,
                    indicator=ind.name,
                    columns=", ".join(map(str, table.columns)),
                )
    counts = _count_columns(config)
    keep = [config.key, config.year, *counts]
    has_name = config.name in table.columns and config.name not in keep
    if has_name:
        keep.insert(1, config.name)
    data = table[keep].copy()
    keys, note = normalise_keys(data[config.key], width=config.key_width)
    if note is not None:
        notes.append(note)
    data[config.key] = keys
    if data[config.key].isna().any():
        raise DataError(
            "{n} rows of the indicator table have no key ({key}).",
            n=int(data[config.key].isna().sum()),
            key=config.key,
        )
    years = pd.to_numeric(data[config.year], errors="coerce")
    if years.isna().any() or (years != years.round()).any():
        bad = data.loc[years.isna() | (years != years.round()), config.year].astype(str)
        raise DataError(
            "The year column '{column}' has values that are not years: {values}.",
            column=config.year,
            values=", ".join(bad.unique()[:5]),
        )
    data[config.year] = years.astype(np.int64)
    if not has_name:
        data[config.name] = data[config.key]
    dup = data.duplicated([config.key, config.year], keep=False)
    if dup.any():
        pairs = (
            data.loc[dup, [config.key, config.year]]
            .drop_duplicates()
            .astype(str)
            .agg(" ".join, axis=1)
        )
        raise DataError(
            "The indicator table has {n} duplicate (key, year) rows: {pairs}. Keep one row "
            "per unit and year.",
            n=int(dup.sum()),
            pairs=", ".join(pairs.head(10)),
        )
    for col in counts:
        values = pd.to_numeric(data[col], errors="coerce")
        text_bad = values.isna() & data[col].notna()
        if text_bad.any():
            raise DataError(
                "The column '{column}' has values that are not numbers: {values}.",
                column=col,
                values=", ".join(data.loc[text_bad, col].astype(str).unique()[:5]),
            )
        data[col] = values.astype(float)
        negative = data[col] < 0
        if negative.any():
            where = data.loc[negative, [config.key, config.year]].astype(str).agg(" ".join, axis=1)
            raise DataError(
                "The column '{column}' has {n} negative counts ({where}). Counts must be 0 or "
                "more; check the table.",
                column=col,
                n=int(negative.sum()),
                where=", ".join(where.head(10)),
            )
    for ind in config.indicators:
        if ind.kind != "rate":
            continue
        above = data[ind.numerator] > data[ind.denominator]
        if above.any():
            where = data.loc[above, [config.key, config.year]].astype(str).agg(" ".join, axis=1)
            raise DataError(
                "'{numerator}' is above its denominator '{denominator}' in {n} rows ({where}) "
                "of indicator '{indicator}': a part cannot exceed the whole.",
                numerator=ind.numerator,
                denominator=ind.denominator,
                n=int(above.sum()),
                where=", ".join(where.head(10)),
                indicator=ind.name,
            )
    synthetic = False
    if "synthetic" in table.columns:
        flag = pd.to_numeric(table["synthetic"], errors="coerce").fillna(0)
        synthetic = bool((flag != 0).any())
    if "source_note" in table.columns and not synthetic:
        synthetic = bool(table["source_note"].astype(str).str.contains(SYNTHETIC_LABEL).any())
    data = data.rename(columns={config.key: "key", config.name: "name", config.year: "year"})
    return data, synthetic


def _prepare_groups(
    groups: pd.DataFrame | None,
    group_fields: Sequence[str] | str | None,
    config: Config,
    data: pd.DataFrame,
    notes: list[Message],
) -> tuple[pd.DataFrame | None, list[str]]:
    if groups is None:
        if group_fields:
            raise ParameterError("Group fields were given but no group table.")
        return None, []
    if config.key not in groups.columns:
        raise FieldError(
            "The group table has no key column '{key}'. Its columns: {columns}.",
            key=config.key,
            columns=", ".join(map(str, groups.columns)),
        )
    if isinstance(group_fields, str):
        group_fields = [f.strip() for f in group_fields.split(",") if f.strip()]
    if not group_fields:
        group_fields = [c for c in groups.columns if c not in (config.key, config.name)]
    for name in group_fields:
        if name not in groups.columns:
            raise FieldError(
                "The group table has no column '{column}'. Its columns: {columns}.",
                column=name,
                columns=", ".join(map(str, groups.columns)),
            )
    mapping = groups[[config.key, *group_fields]].copy()
    keys, note = normalise_keys(mapping[config.key], width=config.key_width, what=N_("group table"))
    if note is not None:
        notes.append(note)
    mapping[config.key] = keys
    mapping = mapping.rename(columns={config.key: "key"})
    if keys.isna().any():  # e.g. the empty rows at the end of a spreadsheet export
        notes.append(
            Message(
                "{n} rows of the group table have no key and were skipped.",
                n=int(keys.isna().sum()),
            )
        )
        mapping = mapping[keys.notna().to_numpy()]
    if mapping["key"].duplicated().any():
        raise DataError(
            "The group table lists keys more than once: {keys}. Give one row per unit.",
            keys=", ".join(mapping.loc[mapping["key"].duplicated(), "key"].astype(str).head(10)),
        )
    unknown = sorted(set(data["key"]) - set(mapping["key"]))
    if unknown:
        notes.append(
            Message(
                "{n} units of the indicator table are in no group ({keys}); they count for "
                "no group.",
                n=len(unknown),
                keys=", ".join(unknown[:10]),
            )
        )
    return mapping, list(group_fields)


def _complete_grid(data: pd.DataFrame, config: Config, years: list[int]) -> pd.DataFrame:
    names = data.drop_duplicates("key").set_index("key")["name"]
    full = pd.MultiIndex.from_product([sorted(names.index), years], names=["key", "year"])
    data = data.set_index(["key", "year"]).drop(columns="name").reindex(full).reset_index()
    data.insert(1, "name", data["key"].map(names))
    return data


def _missing_mask(data: pd.DataFrame, config: Config) -> pd.DataFrame:
    mask = {}
    for ind in config.indicators:
        num, den = data[ind.numerator], data[ind.denominator]
        mask[ind.name] = num.isna() | den.isna() | (den <= 0)
    return pd.DataFrame(mask, index=data.index)


def _handle_missing(
    data: pd.DataFrame,
    config: Config,
    mapping: pd.DataFrame | None,
    fields: list[str],
    notes: list[Message],
) -> pd.DataFrame:
    missing = _missing_mask(data, config)
    if not missing.any().any():
        data["imputed"] = ""
        return data
    rows = missing.any(axis=1)
    detail = _unit_years(data, rows)
    if config.missing == "refuse":
        raise DataError(
            "The indicator table has missing values (an absent row, an empty count or a "
            "denominator of 0) for {n} unit-years: {where}. Fill them, or choose a missing "
            "policy in the configuration: missing = drop | carry | group_mean.",
            n=int(rows.sum()),
            where=detail,
        )
    data = data.copy()
    data["imputed"] = ""
    if config.missing == "carry":
        counts = _count_columns(config)
        had_nan = data[counts].isna().any(axis=1)
        filled = data.groupby("key", sort=False)[counts].ffill()
        changed = had_nan & filled.notna().all(axis=1)
        data[counts] = filled
        data.loc[changed, "imputed"] = "carried"
        still = _missing_mask(data, config).any(axis=1)
        notes.append(
            Message(
                "Missing values: {n} unit-years carried forward from the previous year; "
                "{left} without an earlier value are left out of the index ({where}).",
                n=int(changed.sum()),
                left=int(still.sum()),
                where=detail,
            )
        )
    elif config.missing == "drop":
        notes.append(
            Message(
                "Missing values: {n} unit-years are left out of the index (policy 'drop'): "
                "{where}.",
                n=int(rows.sum()),
                where=detail,
            )
        )
    else:  # group_mean: the rate is imputed from the other units of the group in that year
        group_of = None
        if mapping is not None and fields:
            group_of = data["key"].map(mapping.set_index("key")[fields[0]])
        imputed_rates = {}
        for ind in config.indicators:
            rate = _rate(data[ind.numerator], data[ind.denominator], ind)
            rate = rate.where(~missing[ind.name])
            by = [data["year"]] if group_of is None else [data["year"], group_of]
            means = rate.groupby(by).transform("mean")
            if group_of is not None:  # a group without any value falls back to the year mean
                means = means.fillna(rate.groupby(data["year"]).transform("mean"))
            imputed_rates[f"_imputed_{ind.name}"] = rate.fillna(means.where(missing[ind.name]))
        for col, values in imputed_rates.items():
            data[col] = values
        # no unit of the year has the value: nothing to take a mean from
        lost = pd.concat(
            [imputed_rates[f"_imputed_{ind.name}"].isna() for ind in config.indicators], axis=1
        ).any(axis=1)
        got = rows & ~lost
        data.loc[got, "imputed"] = "group_mean"
        if got.any():
            notes.append(
                Message(
                    "Missing values: {n} unit-years got the mean rate of their group ({group}) "
                    "in that year: {where}.",
                    n=int(got.sum()),
                    group=fields[0] if fields else N_("all units"),
                    where=_unit_years(data, got),
                )
            )
        if lost.any():
            notes.append(
                Message(
                    "Missing values: {n} unit-years are left out of the index because no unit "
                    "has the value in that year: {where}.",
                    n=int(lost.sum()),
                    where=_unit_years(data, lost),
                )
            )
    return data


def _unit_years(data: pd.DataFrame, rows: pd.Series) -> str:
    """``"key year, …"`` of the first ten ``rows`` (for messages)."""
    where = (data.loc[rows, "key"].astype(str) + " " + data.loc[rows, "year"].astype(str)).tolist()
    return ", ".join(where[:10]) + (" …" if len(where) > 10 else "")


def _rate(num: pd.Series, den: pd.Series, ind: Indicator) -> pd.Series:
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = num / den.where(den > 0) * ind.per
    return rate


@dataclass
class _Evaluated:
    frame: pd.DataFrame
    params: dict[str, Any]


def _pool(
    data: pd.DataFrame, mapping: pd.DataFrame, group_field: str, config: Config
) -> pd.DataFrame:
    counts = _count_columns(config)
    joined = data.merge(mapping[["key", group_field]], on="key", how="inner")
    joined = joined[joined[group_field].notna()]
    # only unit-years that are complete for an indicator enter its pooled counts
    missing = _missing_mask(joined, config)
    pooled_parts = {}
    for ind in config.indicators:
        ok = ~missing[ind.name]
        part = joined.loc[ok].groupby([group_field, "year"])[[ind.numerator, ind.denominator]].sum()
        pooled_parts[ind.name] = part
    n_units = joined.groupby([group_field, "year"])["key"].nunique()
    frame = pd.DataFrame(index=n_units.index)
    for col in counts:
        frame[col] = np.nan
    for ind in config.indicators:
        part = pooled_parts[ind.name].reindex(frame.index)
        frame[f"_{ind.name}_num"] = part[ind.numerator]
        frame[f"_{ind.name}_den"] = part[ind.denominator]
    frame["n_units"] = n_units
    frame = frame.reset_index().rename(columns={group_field: "group_name"})
    frame.insert(0, "grouping", group_field)
    frame["group_name"] = frame["group_name"].astype(str)
    frame["imputed"] = ""
    return frame


def _evaluate(
    data: pd.DataFrame, config: Config, notes: list[Message], *, reference: _Evaluated | None
) -> _Evaluated:
    """Rates → winsorising → direction → scaling → combination → post-scaling → rank."""
    is_group = reference is not None
    out = data.copy()
    year = out["year"]
    directed = {}
    params: dict[str, Any] = {"winsor": {}, "scale": {}, "post": None, "directed": None}
    for ind in config.indicators:
        if is_group:
            num, den = out[f"_{ind.name}_num"], out[f"_{ind.name}_den"]
        else:
            num, den = out[ind.numerator], out[ind.denominator]
        rate = _rate(num, den, ind)
        if f"_imputed_{ind.name}" in out.columns:
            rate = out[f"_imputed_{ind.name}"]
        out[f"{ind.name}_num"] = num
        out[f"{ind.name}_den"] = den
        # winsorising with the units' quantiles of each year
        if config.winsorize > 0:
            if reference is not None:
                lo, hi = reference.params["winsor"][ind.name]
            else:
                lo = rate.groupby(year).quantile(config.winsorize)
                hi = rate.groupby(year).quantile(1 - config.winsorize)
                params["winsor"][ind.name] = (lo, hi)
                clipped = int(((rate < year.map(lo)) | (rate > year.map(hi))).sum())
                if clipped:
                    notes.append(
                        Message(
                            "Outliers: {n} values of '{indicator}' were winsorised to the "
                            "{low} and {high} quantiles of their year.",
                            n=clipped,
                            indicator=ind.name,
                            low=f"{config.winsorize:g}",
                            high=f"{1 - config.winsorize:g}",
                        )
                    )
            rate = rate.clip(year.map(lo), year.map(hi))
        out[f"{ind.name}_rate"] = rate
        directed[ind.name] = -rate if ind.reverse else rate
    directed_frame = pd.DataFrame(directed, index=out.index)
    params["directed"] = directed_frame
    for ind in config.indicators:
        method = config.scaling_of(ind)
        v = directed_frame[ind.name]
        if reference is not None:
            ref_v = reference.params["directed"][ind.name]
            ref_year = reference.frame["year"]
            scaled = _scale_against(v, year, ref_v, ref_year, method, ind, config, reference)
        else:
            scaled, p = _scale_units(v, year, method, ind, config)
            params["scale"][ind.name] = p
        out[f"{ind.name}_scaled"] = scaled
    scaled_cols = [f"{i.name}_scaled" for i in config.indicators]
    weights = np.array([i.weight for i in config.indicators], dtype=float)
    scaled_matrix = out[scaled_cols].to_numpy(dtype=float)
    if config.combination in ("geometric_mean", "product"):
        neg = np.argwhere(scaled_matrix < 0)
        if len(neg):
            r, c = neg[0]
            raise DataError(
                "The {combination} needs scaled values of 0 or more, but '{indicator}' is "
                "{value} for {unit} in {year}. Use min–max or percentile scaling, or the "
                "weighted mean.",
                combination=config.combination,
                indicator=config.indicators[c].name,
                value=round(float(scaled_matrix[r, c]), 4),
                unit=str(out["group_name" if is_group else "key"].iloc[r]),
                year=int(out["year"].iloc[r]),
            )
    raw_index = combine(scaled_matrix, weights, config.combination)
    out["index_raw"] = raw_index
    out["index_value"] = _post_scale(out, config, params, reference)
    # rank and percentile within the year (groups: within their grouping and year)
    by = [out["year"]] if not is_group else [out["grouping"], out["year"]]
    idx = out["index_value"]
    out["index_rank"] = idx.groupby(by).rank(ascending=False, method="min")
    asc = idx.groupby(by).rank(method="average")
    n = idx.groupby(by).transform("count")
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(n > 1, 100 * (asc - 1) / (n - 1), 50.0)
    out["index_percentile"] = np.where(idx.notna(), pct, np.nan)
    # change against the previous year (empty where there is none)
    ident = ["key"] if not is_group else ["grouping", "group_name"]
    prev = out[[*ident, "year", "index_value", "index_rank"]].copy()
    prev["year"] = prev["year"] + 1
    prev = prev.rename(columns={"index_value": "_prev_index", "index_rank": "_prev_rank"})
    out = out.merge(prev, on=[*ident, "year"], how="left")
    out["index_change"] = out["index_value"] - out["_prev_index"]
    out["rank_change"] = out["_prev_rank"] - out["index_rank"]
    out = out.drop(columns=["_prev_index", "_prev_rank"])
    return _Evaluated(out, params)


def _scale_units(
    v: pd.Series, year: pd.Series, method: str, ind: Indicator, config: Config
) -> tuple[pd.Series, dict[str, Any]]:
    grouped = v.groupby(year)
    if method == "minmax":
        lo, hi = grouped.transform("min"), grouped.transform("max")
        return _minmax(v, lo, hi), {"lo": grouped.min(), "hi": grouped.max()}
    if method == "minmax_reference":
        lo, hi = _reference_bounds(v, year, ind, config)
        return _minmax(v, pd.Series(lo, index=v.index), pd.Series(hi, index=v.index)), {
            "lo": lo,
            "hi": hi,
        }
    if method == "zscore":
        mean, std = grouped.transform("mean"), grouped.transform("std", ddof=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            z = ((v - mean) / std.where(std > 0)).where(std > 0, 0.0).where(v.notna())
        return z, {"mean": grouped.mean(), "std": grouped.std(ddof=0)}
    if method in ("percentile", "rank"):
        r = grouped.rank(method="average")
        if method == "rank":
            return r, {}
        n = grouped.transform("count")
        with np.errstate(divide="ignore", invalid="ignore"):
            p = pd.Series(np.where(n > 1, 100 * (r - 1) / (n - 1), 50.0), index=v.index)
        return p.where(v.notna()), {}
    return v.copy(), {}


def _reference_bounds(
    v: pd.Series, year: pd.Series, ind: Indicator, config: Config
) -> tuple[float, float]:
    if ind.bounds is not None:
        lo, hi = ind.bounds
        return (-hi, -lo) if ind.reverse else (lo, hi)
    ref = v[year == config.reference_year]
    return float(ref.min()), float(ref.max())


def _minmax(v: pd.Series, lo, hi) -> pd.Series:
    span = hi - lo
    with np.errstate(divide="ignore", invalid="ignore"):
        s = 100 * (v - lo) / span.where(span > 0)
    # all units equal: every one gets the middle of the scale
    return s.where(span > 0, 50.0).where(v.notna())


def _scale_against(
    v: pd.Series,
    year: pd.Series,
    ref_v: pd.Series,
    ref_year: pd.Series,
    method: str,
    ind: Indicator,
    config: Config,
    reference: _Evaluated,
) -> pd.Series:
    """Scale group values with the parameters of the units (same year)."""
    p = reference.params["scale"][ind.name]
    if method == "minmax":
        return _minmax(v, year.map(p["lo"]), year.map(p["hi"]))
    if method == "minmax_reference":
        return _minmax(v, pd.Series(p["lo"], index=v.index), pd.Series(p["hi"], index=v.index))
    if method == "zscore":
        mean, std = year.map(p["mean"]), year.map(p["std"])
        with np.errstate(divide="ignore", invalid="ignore"):
            return ((v - mean) / std.where(std > 0)).where(std > 0, 0.0).where(v.notna())
    if method in ("percentile", "rank"):
        out = pd.Series(np.nan, index=v.index)
        for y in year.unique():
            units = np.sort(ref_v[(ref_year == y).to_numpy()].dropna().to_numpy())
            rows = (year == y).to_numpy() & v.notna().to_numpy()
            g = v[rows].to_numpy()
            less = np.searchsorted(units, g, side="left")
            equal = np.searchsorted(units, g, side="right") - less
            # the group inserted among the n units: its average rank among n + 1 values
            r = less + (equal + 2) / 2
            n = len(units)
            out[rows] = r if method == "rank" else (100 * (r - 1) / n if n else 50.0)
        return out
    return v.copy()


def combine(scaled: np.ndarray, weights: np.ndarray, method: str) -> np.ndarray:
    """Combine scaled values (units × indicators) with weights (indicators or draws × indicators).

    Returns units (× draws) combined values; NaN where any input is NaN.
    """
    w = np.asarray(weights, dtype=float)
    two_d = w.ndim == 2
    w2 = w if two_d else w[None, :]
    norm = w2 / w2.sum(axis=1, keepdims=True)
    s = np.asarray(scaled, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if method == "weighted_mean":
            out = s @ norm.T
        elif method == "sum":
            out = s @ w2.T
        elif method == "geometric_mean":
            out = np.exp(np.log(s) @ norm.T)
        elif method == "product":
            out = np.exp(np.log(s) @ w2.T)
        else:  # pragma: no cover - validated in load_config
            raise ParameterError("Unknown combination '{method}'.", method=method)
    # -inf @ w gives nan when a zero meets another zero weight-sum case; a zero factor is 0
    if method in ("geometric_mean", "product"):
        zero = (s == 0).any(axis=1) & ~np.isnan(s).any(axis=1)
        out[zero] = 0.0
    out[np.isnan(s).any(axis=1)] = np.nan
    return out if two_d else out[:, 0]


def _post_scale(
    out: pd.DataFrame, config: Config, params: dict[str, Any], reference: _Evaluated | None
) -> pd.Series:
    raw = out["index_raw"]
    year = out["year"]
    if config.post_scaling == "none":
        return raw.copy()
    if reference is not None:
        lo, hi = reference.params["post"]
    elif config.post_scaling == "minmax":
        lo, hi = raw.groupby(year).min(), raw.groupby(year).max()
        params["post"] = (lo, hi)
    else:
        ref = raw[year == config.reference_year]
        lo, hi = float(ref.min()), float(ref.max())
        params["post"] = (lo, hi)
    if isinstance(lo, pd.Series):
        return _minmax(raw, year.map(lo), year.map(hi))
    return _minmax(raw, pd.Series(lo, index=raw.index), pd.Series(hi, index=raw.index))


# --- classes -----------------------------------------------------------------------------------


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


# --- validity ---------------------------------------------------------------------------------


def _validity(units: _Evaluated, config: Config, year: int, progress: Progress) -> Validity:
    frame = units.frame
    rows = (frame["year"] == year) & frame["index_value"].notna()
    sub = frame.loc[rows]
    names = [i.name for i in config.indicators]
    labels = sub["name"].astype(str).to_numpy()
    keys = sub["key"].astype(str).to_numpy()
    directed = units.params["directed"].loc[rows, names].to_numpy(dtype=float)
    scaled = sub[[f"{n}_scaled" for n in names]].to_numpy(dtype=float)
    weights = np.array([i.weight for i in config.indicators], dtype=float)
    notes: list[Message] = []
    k, n = len(names), len(sub)
    from scipy.stats import rankdata

    if n > 2 and k > 1:
        with np.errstate(divide="ignore", invalid="ignore"):
            pearson = np.corrcoef(directed, rowvar=False)
            spearman = np.corrcoef(rankdata(directed, axis=0), rowvar=False)
    else:
        pearson = spearman = np.full((k, k), np.nan)
    pearson_df = pd.DataFrame(np.atleast_2d(pearson), index=names, columns=names)
    spearman_df = pd.DataFrame(np.atleast_2d(spearman), index=names, columns=names)
    if k > 1 and n > 1:
        item_var = scaled.var(axis=0, ddof=1).sum()
        total_var = scaled.sum(axis=1).var(ddof=1)
        alpha = float(k / (k - 1) * (1 - item_var / total_var)) if total_var > 0 else np.nan
    else:
        alpha = float("nan")
    index = sub["index_value"].to_numpy(dtype=float)
    norm = weights / weights.sum()
    weighted = scaled * norm
    with np.errstate(divide="ignore", invalid="ignore"):
        share = weighted / weighted.sum(axis=1, keepdims=True)
    contrib_rows = []
    base_rank = rankdata(-index, method="min")
    for c, name in enumerate(names):
        with np.errstate(divide="ignore", invalid="ignore"):
            corr = float(np.corrcoef(scaled[:, c], index)[0, 1]) if n > 2 else np.nan
        if k > 1 and n > 2:
            keep = [j for j in range(k) if j != c]
            without = combine(scaled[:, keep], weights[keep], config.combination)
            with np.errstate(divide="ignore", invalid="ignore"):
                rc = float(np.corrcoef(rankdata(without), rankdata(index))[0, 1])
        else:
            rc = np.nan
        contrib_rows.append(
            {
                "indicator": name,
                "weight": float(norm[c]),
                "mean_share": float(np.nanmean(share[:, c])) if n else np.nan,
                "corr_index": corr,
                "rank_corr_without": rc,
            }
        )
    contributions = pd.DataFrame(contrib_rows)
    progress.report(0.3)
    ranks = pd.DataFrame({"key": keys, "name": labels, "rank": base_rank.astype(float)})
    if n:
        rng = np.random.default_rng(config.seed)
        draws = max(int(config.weight_draws), 0)
        if draws:
            factors = rng.uniform(1 - config.weight_spread, 1 + config.weight_spread, (draws, k))
            combined = combine(scaled, weights[None, :] * factors, config.combination)
            r = rankdata(-combined, method="min", axis=0)
            ranks["rank_low"] = np.percentile(r, 5, axis=1)
            ranks["rank_high"] = np.percentile(r, 95, axis=1)
        progress.report(0.7)
        tried = []
        for method in ("minmax", "zscore", "percentile", "rank", "minmax_reference"):
            if method == "minmax_reference" and config.reference_year is None:
                continue
            alt_cfg = replace(
                config,
                scaling=method,
                indicators=tuple(replace(i, scaling=None) for i in config.indicators),
            )
            cols = []
            for ind in alt_cfg.indicators:
                v = units.params["directed"][ind.name]
                s, _ = _scale_units(v, frame["year"], method, ind, alt_cfg)
                cols.append(s[rows].to_numpy(dtype=float))
            alt = np.column_stack(cols)
            if config.combination in ("geometric_mean", "product") and (alt < 0).any():
                notes.append(
                    Message(
                        "Sensitivity: the scaling '{method}' gives negative values, which "
                        "the {combination} cannot take; it was left out.",
                        method=method,
                        combination=config.combination,
                    )
                )
                continue
            combined = combine(alt, weights, config.combination)
            ranks[f"rank_{method}"] = rankdata(-combined, method="min")
            tried.append(method)
        if tried:
            cols = [f"rank_{m}" for m in tried]
            ranks["rank_min_scalings"] = ranks[cols].min(axis=1)
            ranks["rank_max_scalings"] = ranks[cols].max(axis=1)
        low = [c for c in ("rank_low", "rank_min_scalings", "rank") if c in ranks]
        high = [c for c in ("rank_high", "rank_max_scalings", "rank") if c in ranks]
        ranks["rank_interval_low"] = ranks[low].min(axis=1)
        ranks["rank_interval_high"] = ranks[high].max(axis=1)
    else:
        tried = []
    ranks = ranks.sort_values("rank", kind="stable").reset_index(drop=True)
    progress.report(1.0)
    return Validity(
        year=year,
        pearson=pearson_df,
        spearman=spearman_df,
        alpha=alpha,
        contributions=contributions,
        ranks=ranks,
        scalings=tried,
        notes=notes,
    )


# --- publishing ------------------------------------------------------------------------------


def _publishable(
    frame: pd.DataFrame,
    config: Config,
    years: list[int],
    synthetic: bool,
    publish: bool,
    *,
    unit: bool,
) -> pd.DataFrame:
    frame = frame[frame["year"].isin(years)]
    ident = ["key", "name", "year"] if unit else ["grouping", "group_name", "year", "n_units"]
    out = frame[ident].copy().reset_index(drop=True)
    if unit:
        out = out.rename(columns={"key": config.key})
    t, min_den = config.threshold, config.min_denominator
    for ind in config.indicators:
        num = frame[f"{ind.name}_num"].to_numpy(dtype=float)
        den = frame[f"{ind.name}_den"].to_numpy(dtype=float)
        rate = frame[f"{ind.name}_rate"].to_numpy(dtype=float)
        scaled = frame[f"{ind.name}_scaled"].to_numpy(dtype=float)
        # a sum (income) reveals individuals when it covers few people
        num_small = num < t if ind.kind == "rate" else den < t
        den_small = den < t
        rate_small = num_small | (den < min_den)
        if publish:
            num = np.where(num_small, np.nan, num)
            den = np.where(den_small, np.nan, den)
            rate = np.where(rate_small, np.nan, rate)
            scaled = np.where(rate_small, np.nan, scaled)
        out[f"{ind.name}_num"] = num
        out[f"{ind.name}_den"] = den
        out[f"{ind.name}_rate"] = rate
        out[f"{ind.name}_scaled"] = scaled
        out[f"{ind.name}_suppressed"] = (rate_small & publish).astype(np.int64)
    index_cols = (
        "index_value",
        "index_rank",
        "index_percentile",
        "index_class",
        "index_change",
        "rank_change",
    )
    # secondary suppression: with the index and the other values a suppressed value
    # could be narrowed down, so on request the index of such rows is withheld too
    flagged = out[[f"{i.name}_suppressed" for i in config.indicators]].any(axis=1).to_numpy()
    hide = flagged & publish & config.suppress_index
    for col in index_cols:
        out[col] = np.where(hide, np.nan, frame[col].to_numpy(dtype=float))
    out["index_suppressed"] = hide.astype(np.int64)
    for col in ("index_rank", "index_class", "rank_change"):
        out[col] = out[col].astype("Int64")
    if unit:
        out["imputed"] = frame["imputed"].fillna("").to_numpy()
    out["synthetic"] = np.int64(1 if synthetic else 0)
    out["source_note"] = SYNTHETIC_LABEL if synthetic else ""
    return out


def join_areas(
    areas: pd.DataFrame,
    result: SozialformelResult,
    *,
    area_key: str = "AGS",
    year: int | None = None,
) -> tuple[pd.DataFrame, list[Message]]:
    """The areas with the index of one year (default: the latest).

    Parameters
    ----------
    areas
        Polygons with a key field (the AGS). Not modified.
    result
        From :func:`sozialformel`.
    area_key
        The key field of ``areas``.
    year
        The year to join (default: the latest selected year).

    Returns
    -------
    (GeoDataFrame, notes)
        ``areas`` with every column of the result's table for that year.

    Raises
    ------
    EmptyInputError
        ``areas`` has no rows (an empty selection or filter).
    FieldError
        ``area_key`` is missing.
    DataError
        Keys of the indicator table are not in the area layer (they are listed).
    """
    require_rows(areas, what=N_("area layer"))
    if area_key not in areas.columns:
        raise FieldError(
            "The area layer has no field '{field}'. Its fields: {fields}.",
            field=area_key,
            fields=", ".join(c for c in map(str, areas.columns) if c != "geometry"),
        )
    notes: list[Message] = []
    key = result.config.key
    keys, note = normalise_keys(
        areas[area_key], width=result.config.key_width, what=N_("area layer")
    )
    if note is not None:
        notes.append(note)
    year = result.latest_year if year is None else int(year)
    values = result.table[result.table["year"] == year]
    unknown = sorted(set(values[key].astype(str)) - set(keys.dropna()))
    if unknown:
        raise DataError(
            "{n} keys of the indicator table are not in the area layer (field '{field}'): "
            "{keys}. Choose the matching area layer or key field, or remove these rows.",
            n=len(unknown),
            field=area_key,
            keys=", ".join(unknown[:20]) + (" …" if len(unknown) > 20 else ""),
        )
    without = int((~keys.isin(set(values[key]))).sum())
    if without:
        notes.append(
            Message(
                "{n} areas have no row in the indicator table; their values are empty.", n=without
            )
        )
    joined = areas.copy()
    joined["_key"] = keys.to_numpy()
    values = values.drop(columns=[c for c in ("name",) if c in areas.columns])
    values = values.rename(columns={key: "_key"})
    clash = [c for c in values.columns if c in joined.columns and c != "_key"]
    values = values.rename(columns={c: f"sf_{c}" for c in clash})
    merged = joined.merge(values, on="_key", how="left")
    merged = merged.drop(columns="_key")
    if hasattr(areas, "geometry"):
        import geopandas as gpd

        merged = gpd.GeoDataFrame(merged, geometry=areas.geometry.name, crs=areas.crs)
        cols = [c for c in merged.columns if c != merged.geometry.name] + [merged.geometry.name]
        merged = merged[cols]
    return merged, notes


# --- the report -------------------------------------------------------------------------------

_H_TITLE = N_("Validity report")
_H_SYNTHETIC = N_("All values come from synthetic example data, not official figures:")
_H_METHOD = N_("Method")
_H_INDICATORS = N_("Indicators")
_H_NOTES = N_("Notes")
_H_CORR = N_("Correlations of the indicators (Pearson, above; Spearman, below)")
_H_ALPHA = N_("Cronbach's alpha")
_H_CONTRIB = N_("Contribution of each indicator")
_H_RANKS = N_("Rank intervals (sensitivity)")
_H_PROTECTION = N_("Data protection")
_T_ALPHA_GOOD = N_("The indicators measure a common dimension (alpha ≥ 0.7).")
_T_ALPHA_WEAK = N_(
    "The indicators agree only partly (alpha < 0.7): the index combines different dimensions."
)
_T_RANKS = N_(
    "Rank intervals: 5th–95th percentile of the rank under random weights (each weight × "
    "uniform(1 − spread, 1 + spread)) and the range over other scalings. A wide interval "
    "means the rank depends on choices, not only on the data."
)
_T_PROTECTION = N_(
    "Counts below the threshold and rates on small denominators are suppressed in every "
    "published output (flagged, NULL). The index and the groups are computed from the full "
    "counts; groups are pooled, so small members still count. Together with the other "
    "values, the index narrows a suppressed value down; before publishing outside the "
    "administration set suppress_index = true, which withholds the index of such rows too."
)
_C_INDICATOR = N_("Indicator")
_C_LABEL = N_("Label")
_C_NUMERATOR = N_("Numerator")
_C_DENOMINATOR = N_("Denominator")
_C_DIRECTION = N_("Direction")
_C_WEIGHT = N_("Weight")
_C_SCALING = N_("Scaling")
_C_MEAN_SHARE = N_("Mean share")
_C_CORR_INDEX = N_("Correlation with the index")
_C_RANK_CORR = N_("Rank correlation without it")
_C_UNIT = N_("Unit")
_C_RANK = N_("Rank")
_C_WEIGHTS_RANGE = N_("Random weights (5–95 %)")
_C_SCALINGS_RANGE = N_("Other scalings")
_C_INTERVAL = N_("Rank interval")
_H_GROUPS = N_("Groups (pooled counts)")
_C_GROUPING = N_("Grouping")
_C_GROUP = N_("Group")
_C_UNITS = N_("Units")
_C_INDEX = N_("Index")
_C_CHANGE = N_("Change")
_V_REVERSED = N_("reversed (higher = less need)")
_V_NORMAL = N_("higher = more need")


def validity_report_html(
    result: SozialformelResult,
    *,
    translate_text: Callable[[str], str] | None = None,
    title: str | None = None,
) -> str:
    """The validity report as one self-contained HTML page.

    Parameters
    ----------
    result
        From :func:`sozialformel` (with ``validity=True``).
    translate_text
        Looks up a template in the translation catalogue (context ``geolib``); the
        Processing algorithm passes Qt's translation. Default: English.
    title
        Page title (default: the configuration's title).
    """
    look = translate_text or (lambda s: s)

    def t(text: Any) -> str:
        return html.escape(translate(text, look))

    cfg = result.config
    val = result.validity
    title = title or cfg.title
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{html.escape(title)} — {t(_H_TITLE)}</title>",
        "<style>body{font-family:sans-serif;margin:2em;max-width:70em}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;"
        "padding:.2em .5em;text-align:right}th{background:#eee}td.t,th.t{text-align:left}"
        ".synthetic{background:#fff3cd;border:1px solid #e0b000;padding:.6em}</style>",
        "</head><body>",
        f"<h1>{html.escape(title)} — {t(_H_TITLE)}</h1>",
    ]
    if result.synthetic:
        parts.append(
            f'<p class="synthetic"><strong>{t(_H_SYNTHETIC)} '
            f"{html.escape(SYNTHETIC_LABEL)}</strong></p>"
        )
    years = ", ".join(map(str, result.years))
    parts.append(f"<h2>{t(_H_METHOD)}</h2><ul>")
    method_lines = [
        Message(
            "Years: {years}; validity checked for {year}.",
            years=years,
            year=val.year if val else result.latest_year,
        ),
        Message(
            "Scaling: {scaling}; combination: {combination}; post-scaling: {post}; "
            "reference year: {reference}.",
            scaling=cfg.scaling,
            combination=cfg.combination,
            post=cfg.post_scaling,
            reference=cfg.reference_year if cfg.reference_year is not None else "—",
        ),
        Message(
            "Classes: {method}, {count} classes; missing values: {missing}; winsorising: {w}.",
            method=cfg.class_method,
            count=cfg.class_count,
            missing=cfg.missing,
            w=f"{cfg.winsorize:g}",
        ),
    ]
    parts.extend(f"<li>{t(m)}</li>" for m in method_lines)
    parts.append("</ul>")
    parts.append(f"<h2>{t(_H_INDICATORS)}</h2><table><tr>")
    heads = (
        _C_INDICATOR,
        _C_LABEL,
        _C_NUMERATOR,
        _C_DENOMINATOR,
        _C_DIRECTION,
        _C_WEIGHT,
        _C_SCALING,
    )
    parts.extend(f'<th class="t">{t(h)}</th>' for h in heads)
    parts.append("</tr>")
    for ind in cfg.indicators:
        direction = t(_V_REVERSED) if ind.reverse else t(_V_NORMAL)
        cells = [ind.name, ind.label, ind.numerator, ind.denominator]
        parts.append(
            "<tr>"
            + "".join(f'<td class="t">{html.escape(str(c))}</td>' for c in cells)
            + f'<td class="t">{direction}</td><td>{ind.weight:g}</td>'
            + f'<td class="t">{html.escape(cfg.scaling_of(ind))}</td></tr>'
        )
    parts.append("</table>")
    if result.notes:
        parts.append(f"<h2>{t(_H_NOTES)}</h2><ul>")
        parts.extend(f"<li>{t(n)}</li>" for n in result.notes)
        parts.append("</ul>")
    if len(result.groups):
        latest = result.groups[result.groups["year"] == result.latest_year]
        parts.append(f"<h2>{t(_H_GROUPS)} {result.latest_year}</h2><table><tr>")
        for h in (_C_GROUPING, _C_GROUP, _C_UNITS, _C_INDEX, _C_RANK, _C_CHANGE):
            parts.append(f"<th>{t(h)}</th>")
        parts.append("</tr>")
        for row in latest.sort_values(["grouping", "index_rank"]).itertuples():
            parts.append(
                f'<tr><td class="t">{html.escape(str(row.grouping))}</td>'
                f'<td class="t">{html.escape(str(row.group_name))}</td><td>{row.n_units}</td>'
                f"<td>{_fmt(row.index_value, 1)}</td><td>{_fmt(row.index_rank, 0)}</td>"
                f"<td>{_fmt(row.index_change, 1)}</td></tr>"
            )
        parts.append("</table>")
    parts.append(f"<h2>{t(_H_PROTECTION)}</h2><p>{t(_T_PROTECTION)}</p>")
    parts.append(
        "<p>"
        + t(
            Message(
                "Threshold: counts below {threshold}; minimum denominator: {min_den}.",
                threshold=cfg.threshold,
                min_den=cfg.min_denominator,
            )
        )
        + "</p>"
    )
    if val is not None:
        names = list(val.pearson.columns)
        parts.append(f"<h2>{t(_H_CORR)}</h2><table><tr><th></th>")
        parts.extend(f"<th>{html.escape(n)}</th>" for n in names)
        parts.append("</tr>")
        for i, row_name in enumerate(names):
            cells = []
            for j in range(len(names)):
                value = val.pearson.iat[i, j] if j >= i else val.spearman.iat[i, j]
                cells.append(f"<td>{_fmt(value, 2)}</td>")
            parts.append(f'<tr><th class="t">{html.escape(row_name)}</th>{"".join(cells)}</tr>')
        parts.append("</table>")
        parts.append(f"<h2>{t(_H_ALPHA)}</h2><p>α = {_fmt(val.alpha, 2)}. ")
        if not np.isnan(val.alpha):
            parts.append(t(_T_ALPHA_GOOD) if val.alpha >= 0.7 else t(_T_ALPHA_WEAK))
        parts.append("</p>")
        parts.append(f"<h2>{t(_H_CONTRIB)}</h2><table><tr>")
        for h in (_C_INDICATOR, _C_WEIGHT, _C_MEAN_SHARE, _C_CORR_INDEX, _C_RANK_CORR):
            parts.append(f"<th>{t(h)}</th>")
        parts.append("</tr>")
        for row in val.contributions.itertuples():
            parts.append(
                f'<tr><td class="t">{html.escape(row.indicator)}</td><td>{_fmt(row.weight, 2)}'
                f"</td><td>{_fmt(row.mean_share, 2)}</td><td>{_fmt(row.corr_index, 2)}</td>"
                f"<td>{_fmt(row.rank_corr_without, 2)}</td></tr>"
            )
        parts.append("</table>")
        parts.append(f"<h2>{t(_H_RANKS)}</h2><p>{t(_T_RANKS)}</p><table><tr>")
        for h in (_C_UNIT, _C_RANK, _C_WEIGHTS_RANGE, _C_SCALINGS_RANGE, _C_INTERVAL):
            parts.append(f"<th>{t(h)}</th>")
        parts.append("</tr>")
        r = val.ranks
        for row in r.itertuples():
            w_rng = f"{_fmt(row.rank_low, 0)}–{_fmt(row.rank_high, 0)}" if "rank_low" in r else "—"
            s_rng = (
                f"{_fmt(row.rank_min_scalings, 0)}–{_fmt(row.rank_max_scalings, 0)}"
                if "rank_min_scalings" in r
                else "—"
            )
            interval = (
                f"{_fmt(row.rank_interval_low, 0)}–{_fmt(row.rank_interval_high, 0)}"
                if "rank_interval_low" in r
                else "—"
            )
            parts.append(
                f'<tr><td class="t">{html.escape(str(row.name))}</td><td>{_fmt(row.rank, 0)}</td>'
                f"<td>{w_rng}</td><td>{s_rng}</td><td>{interval}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _fmt(value: Any, decimals: int) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "—"
    if np.isnan(number):
        return "—"
    return f"{number:.{decimals}f}"
