"""Sozialformel configuration: indicators, methods and :func:`load_config` (TOML)."""

from __future__ import annotations

import math
import os
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ParameterError, SourceError
from ..messages import N_

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python < 3.11
    import tomli as tomllib


SCALINGS = ("minmax", "minmax_reference", "zscore", "percentile", "rank", "raw")
COMBINATIONS = ("weighted_mean", "sum", "geometric_mean", "product")
POST_SCALINGS = ("minmax", "minmax_reference", "none")
CLASSIFICATIONS = ("quantile", "equal_interval", "stddev", "natural_breaks", "custom")
MISSING_POLICIES = ("refuse", "drop", "carry", "group_mean")
KINDS = ("rate", "mean")

PRESETS_DIR = Path(__file__).resolve().parent.parent / "presets"
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
    "reference",
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
_CLASS_KEYS = ("method", "count", "breaks", "per_year")
_REFERENCE_KEYS = ("year", "bounds", "index", "breaks")
_VALIDITY_KEYS = ("weight_draws", "weight_spread", "seed")


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
    class_per_year: bool = False
    index_bounds: tuple[float, float] | None = None
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
                "per_year": self.class_per_year,
            },
            "index_bounds": list(self.index_bounds) if self.index_bounds else None,
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
                    "bounds": list(i.bounds) if i.bounds else None,
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
        per_year = false            # true: breaks of each year; false: of the reference year

        [reference]                 # written by an earlier run: fixes its bounds and classes
        year = 2019
        index = [12.5, 71.3]        # the combined index's bounds (post_scaling minmax_reference)
        breaks = [20.1, 35.7, 48.2, 66.0]   # the class thresholds (classes become "custom")
        bounds = { kinderarmut = [1.2, 38.5] }  # per indicator (scaling minmax_reference)

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
    data, index_bounds = _merge_reference(data)
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
    if index_bounds is not None and post_scaling != "minmax_reference":
        raise ParameterError(
            '[reference] index = [low, high] applies to post_scaling = "minmax_reference" '
            'only; the configuration has post_scaling = "{value}".',
            value=post_scaling,
        )
    for ind in indicators:
        if ind.bounds is not None and (ind.scaling or scaling) != "minmax_reference":
            raise ParameterError(
                "Bounds of indicator '{name}' apply to the scaling minmax_reference only; "
                "its scaling is {scaling}. Remove the bounds or scale it with "
                "minmax_reference.",
                name=ind.name,
                scaling=ind.scaling or scaling,
            )
    needs_reference = (post_scaling == "minmax_reference" and index_bounds is None) or any(
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
        class_per_year=_flag(classes.get("per_year", False), "classes.per_year"),
        index_bounds=index_bounds,
        weight_draws=int(
            _number(validity.get("weight_draws", 200), "validity.weight_draws", integer=True)
        ),
        weight_spread=spread,
        seed=int(_number(validity.get("seed", 1), "validity.seed", integer=True)),
    )


def _bounds(value: Any, what: str) -> tuple[float, float]:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(b, (int, float)) and not isinstance(b, bool) for b in value)
        or not all(math.isfinite(b) for b in value)
        or not value[0] < value[1]
    ):
        raise ParameterError("{what} must be two numbers [low, high] with low < high.", what=what)
    return float(value[0]), float(value[1])


def _merge_reference(data: dict[str, Any]) -> tuple[dict[str, Any], tuple[float, float] | None]:
    """``data`` with its ``[reference]`` table (written by an earlier run) merged in: the
    year, the indicators' bounds and the class breaks; the index bounds apart.

    A value given twice (in [reference] and in its own place) must agree."""
    ref = data.get("reference")
    if ref is None:
        return data, None
    if not isinstance(ref, Mapping):
        raise ParameterError("[reference] of the Sozialformel configuration must be a table.")
    _unknown_keys(ref, _REFERENCE_KEYS, "[reference]")
    data = dict(data)
    conflict = N_(
        "The Sozialformel configuration gives {what} twice, with different values: "
        "{first} and {second} in [reference]. Keep one."
    )
    if "year" in ref:
        year = int(_number(ref["year"], "reference.year", integer=True))
        if data.get("reference_year", year) != year:
            raise ParameterError(
                conflict, what="reference_year", first=data["reference_year"], second=year
            )
        data["reference_year"] = year
    bounds = ref.get("bounds", {})
    if not isinstance(bounds, Mapping):
        raise ParameterError("[reference] bounds must be a table: name = [low, high].")
    entries = [dict(e) if isinstance(e, Mapping) else e for e in data.get("indicators") or []]
    names = [e.get("name") if isinstance(e, dict) else None for e in entries]
    for name, value in bounds.items():
        if name not in names:
            raise ParameterError(
                "[reference] bounds name the indicator '{name}', which the configuration "
                "does not have. Its indicators: {names}.",
                name=name,
                names=", ".join(str(n) for n in names if n is not None),
            )
        low_high = list(_bounds(value, f"reference.bounds.{name}"))
        entry = entries[names.index(name)]
        if entry.get("bounds") not in (None, low_high):
            raise ParameterError(
                conflict, what=f"bounds of '{name}'", first=entry["bounds"], second=low_high
            )
        entry["bounds"] = low_high
    if bounds:
        data["indicators"] = entries
    if "breaks" in ref:
        classes = dict(data.get("classes") or {})
        if classes.get("per_year"):
            raise ParameterError(
                "[reference] breaks fix the classes of every year; remove them or "
                "classes.per_year = true."
            )
        breaks = ref["breaks"]
        if classes.get("method") == "custom" and classes.get("breaks") != breaks:
            raise ParameterError(
                conflict, what="classes.breaks", first=classes.get("breaks"), second=breaks
            )
        classes.update(method="custom", breaks=breaks)
        classes.pop("count", None)
        data["classes"] = classes
    index = _bounds(ref["index"], "reference.index") if "index" in ref else None
    return data, index


def _uses_reference(config: Config) -> bool:
    if config.post_scaling == "minmax_reference" and config.index_bounds is None:
        return True
    return any(
        config.scaling_of(i) == "minmax_reference" and i.bounds is None for i in config.indicators
    )


def _count_columns(config: Config) -> list[str]:
    cols: list[str] = []
    for ind in config.indicators:
        for col in (ind.numerator, ind.denominator):
            if col not in cols:
                cols.append(col)
    return cols
