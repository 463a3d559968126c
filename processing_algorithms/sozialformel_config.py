"""The Sozialformel's configuration in the Processing dialog.

A TOML preset (``CONFIG``; empty: the built-in Kreis Pinneberg preset) is the base;
every dialog parameter that is set overrides it: the indicators (a table with one
row per indicator; empty: the preset's), scaling, combination, post-scaling, classes,
reference year, data protection, missing values and title. Parameters left unset
("[Not selected]", "Not set", empty) keep the preset's value. ``OUTPUT_CONFIG`` saves
the effective settings as a TOML preset that gives the same result when loaded
(:func:`geolib.sozialformel.save_config`).

:func:`add_parameters` declares the parameters, :func:`effective_config` reads them
into a :class:`~geolib.sozialformel.Config` (validated by
:func:`~geolib.sozialformel.load_config`), :func:`save_preset` writes the preset
output, :func:`indicator_rows` parses the indicator table of the dialog.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from geolib.sozialformel import (
    CLASSIFICATIONS,
    COMBINATIONS,
    MISSING_POLICIES,
    PINNEBERG_PRESET,
    POST_SCALINGS,
    SCALINGS,
    Config,
    config_to_mapping,
    load_config,
    save_config,
)

CONFIG = "CONFIG"
INDICATORS = "INDICATORS"
SCALING = "SCALING"
COMBINATION = "COMBINATION"
POST_SCALING = "POST_SCALING"
REFERENCE_YEAR = "REFERENCE_YEAR"
CLASS_METHOD = "CLASS_METHOD"
CLASS_COUNT = "CLASS_COUNT"
CLASS_BREAKS = "CLASS_BREAKS"
CLASS_YEARS = "CLASS_YEARS"
THRESHOLD = "THRESHOLD"
MIN_DENOMINATOR = "MIN_DENOMINATOR"
SUPPRESS_INDEX = "SUPPRESS_INDEX"
MISSING = "MISSING"
TITLE = "TITLE"
OUTPUT_CONFIG = "OUTPUT_CONFIG"

#: the parameters that override the preset, in the dialog's order
OVERRIDES = (
    INDICATORS,
    SCALING,
    COMBINATION,
    POST_SCALING,
    REFERENCE_YEAR,
    CLASS_METHOD,
    CLASS_COUNT,
    CLASS_BREAKS,
    CLASS_YEARS,
    THRESHOLD,
    MIN_DENOMINATOR,
    SUPPRESS_INDEX,
    MISSING,
    TITLE,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("SozialformelConfig", text)


def tr_noop(text: str) -> str:
    """Mark ``text`` for translation; it is translated with :func:`tr` where shown."""
    return text


# the dialog's words for geolib's configuration words (a word without one shows as is)
LABELS = {
    "scaling": {
        "minmax": tr_noop("Min–max per year"),
        "minmax_reference": tr_noop("Min–max against the reference year (or fixed bounds)"),
        "zscore": tr_noop("z-score"),
        "percentile": tr_noop("Percentile"),
        "rank": tr_noop("Rank"),
        "raw": tr_noop("Raw rates (no scaling)"),
    },
    "combination": {
        "weighted_mean": tr_noop("Weighted mean"),
        "sum": tr_noop("Weighted sum"),
        "geometric_mean": tr_noop("Weighted geometric mean"),
        "product": tr_noop("Weighted product"),
    },
    "post_scaling": {
        "minmax": tr_noop("0–100 per year (min–max)"),
        "minmax_reference": tr_noop("0–100 against the reference year"),
        "none": tr_noop("None (the combined value)"),
    },
    "classes": {
        "quantile": tr_noop("Quantiles (equal counts)"),
        "equal_interval": tr_noop("Equal intervals"),
        "stddev": tr_noop("Standard deviation"),
        "natural_breaks": tr_noop("Natural breaks (Jenks)"),
        "custom": tr_noop("Custom breaks (see 'Class breaks')"),
    },
    "missing": {
        "refuse": tr_noop("Refuse: stop and name the missing values"),
        "drop": tr_noop("Drop: leave the unit-year out of the index"),
        "carry": tr_noop("Carry: the unit's previous year"),
        "group_mean": tr_noop("Group mean: the rate of the other units of its group"),
    },
}
WORDS = {
    "scaling": SCALINGS,
    "combination": COMBINATIONS,
    "post_scaling": POST_SCALINGS,
    "classes": CLASSIFICATIONS,
    "missing": MISSING_POLICIES,
}

#: the columns of the indicator table (config key, header)
COLUMNS = (
    ("name", tr_noop("Name (field name: a-z, 0-9, _)")),
    ("numerator", tr_noop("Numerator (count column)")),
    ("denominator", tr_noop("Denominator (column)")),
    ("reverse", tr_noop("Reverse (yes: higher = less need)")),
    ("weight", tr_noop("Weight (empty: 1)")),
    ("kind", tr_noop("Kind (rate or mean; empty: rate)")),
    ("per", tr_noop("Per (empty: 100 for a rate, 1 for a mean)")),
    ("label", tr_noop("Label (empty: the name)")),
)
_YES = ("yes", "true", "1", "-", "reverse", "ja", "wahr", "umgekehrt", "x")
_NO = ("", "no", "false", "0", "+", "nein", "falsch")
_KINDS = {"rate": "rate", "mean": "mean"}
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,30}$")


def options(what: str) -> list[str]:
    """The translated labels of the choices ``what`` (geolib's order)."""
    return [tr(LABELS[what].get(word, word)) for word in WORDS[what]]


def add_parameters(alg) -> None:
    """The preset (``CONFIG``) and the parameters that override it, on ``alg``."""
    alg.addParameter(
        QgsProcessingParameterFile(
            CONFIG,
            tr("Preset (TOML file; empty: the built-in Kreis Pinneberg preset)"),
            behavior=QgsProcessingParameterFile.Behavior.File,
            fileFilter=tr("TOML (*.toml)"),
            optional=True,
        )
    )
    alg.addParameter(
        QgsProcessingParameterMatrix(
            INDICATORS,
            tr("Indicators (one row each; empty: the preset's indicators)"),
            numberRows=0,
            hasFixedNumberRows=False,
            headers=[tr(header) for _, header in COLUMNS],
            optional=True,
        )
    )
    choice = (
        (SCALING, tr("Scaling (empty: the preset's)"), "scaling"),
        (COMBINATION, tr("Combination (empty: the preset's)"), "combination"),
        (POST_SCALING, tr("Post-scaling (empty: the preset's)"), "post_scaling"),
    )
    for name, description, what in choice:
        alg.addParameter(_enum(name, description, options(what)))
    alg.addParameter(
        _integer(REFERENCE_YEAR, tr("Reference year (empty: the preset's)"), 1900, 2200)
    )
    alg.addParameter(_enum(CLASS_METHOD, tr("Classes (empty: the preset's)"), options("classes")))
    alg.addParameter(_integer(CLASS_COUNT, tr("Number of classes (empty: the preset's)"), 2, 12))
    alg.addParameter(
        QgsProcessingParameterString(
            CLASS_BREAKS,
            tr("Class breaks for custom classes (inner thresholds, e.g. 20; 40; 60; 80)"),
            optional=True,
        )
    )
    alg.addParameter(
        _enum(
            CLASS_YEARS,
            tr("Class thresholds over the years (empty: the preset's)"),
            [
                tr("Of the reference year: a class follows the index over the years"),
                tr("Of each year: its own thresholds"),
            ],
        )
    )
    advanced = [
        _integer(
            THRESHOLD, tr("Data protection: smallest published count (empty: the preset's)"), 0
        ),
        _integer(
            MIN_DENOMINATOR,
            tr("Data protection: smallest denominator of a published rate (empty: the preset's)"),
            0,
        ),
        _enum(
            SUPPRESS_INDEX,
            tr("Withhold the index where a value is suppressed (empty: the preset's)"),
            [
                tr("Yes: withhold index, rank, class and change of such rows"),
                tr("No: publish them (internal use only: they give suppressed counts back)"),
            ],
        ),
        _enum(MISSING, tr("Missing values (empty: the preset's)"), options("missing")),
        QgsProcessingParameterString(TITLE, tr("Title (empty: the preset's title)"), optional=True),
    ]
    for definition in advanced:
        definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        alg.addParameter(definition)


def add_output(alg) -> None:
    """``OUTPUT_CONFIG``: the effective settings saved as a TOML preset (optional)."""
    alg.addParameter(
        QgsProcessingParameterFileDestination(
            OUTPUT_CONFIG,
            tr("Settings saved as a preset (TOML)"),
            fileFilter=tr("TOML (*.toml)"),
            optional=True,
            createByDefault=False,
        )
    )


def _enum(name: str, description: str, labels: list[str]) -> QgsProcessingParameterEnum:
    return QgsProcessingParameterEnum(name, description, labels, defaultValue=None, optional=True)


def _integer(name: str, description: str, low: int, high: int | None = None):
    kwargs: dict[str, Any] = {"minValue": low}
    if high is not None:
        kwargs["maxValue"] = high
    return QgsProcessingParameterNumber(
        name,
        description,
        QgsProcessingParameterNumber.Type.Integer,
        defaultValue=None,
        optional=True,
        **kwargs,
    )


# --- reading ---------------------------------------------------------------------------------
def _is_set(parameters: dict[str, Any], name: str) -> bool:
    value = parameters.get(name)
    return value is not None and not (isinstance(value, str) and not value.strip())


def effective_config(alg, parameters: dict[str, Any], context) -> Config:
    """The preset with the dialog's overrides, validated (geolib's messages)."""
    path = alg.parameterAsFile(parameters, CONFIG, context) or None
    base = load_config(path)
    data = config_to_mapping(base)
    changed = False
    if _is_set(parameters, INDICATORS):
        rows = indicator_rows(alg.parameterAsMatrix(parameters, INDICATORS, context))
        if rows:
            data["indicators"] = rows
            changed = True
    for name, key in (
        (SCALING, "scaling"),
        (COMBINATION, "combination"),
        (POST_SCALING, "post_scaling"),
        (MISSING, "missing"),
    ):
        if _is_set(parameters, name):
            data[key] = WORDS[key][alg.parameterAsEnum(parameters, name, context)]
            changed = True
    for name, key in (
        (REFERENCE_YEAR, "reference_year"),
        (THRESHOLD, "threshold"),
        (MIN_DENOMINATOR, "min_denominator"),
    ):
        if _is_set(parameters, name):
            data[key] = alg.parameterAsInt(parameters, name, context)
            changed = True
    if _is_set(parameters, SUPPRESS_INDEX):
        data["suppress_index"] = alg.parameterAsEnum(parameters, SUPPRESS_INDEX, context) == 0
        changed = True
    if _is_set(parameters, TITLE):
        data["title"] = alg.parameterAsString(parameters, TITLE, context).strip()
        changed = True
    changed = _override_classes(alg, parameters, context, data) or changed
    return load_config(data) if changed else base


def _override_classes(alg, parameters, context, data: dict[str, Any]) -> bool:
    classes = data["classes"]
    method = classes["method"]
    if _is_set(parameters, CLASS_METHOD):
        method = CLASSIFICATIONS[alg.parameterAsEnum(parameters, CLASS_METHOD, context)]
    breaks = None
    if _is_set(parameters, CLASS_BREAKS):
        breaks = class_breaks(alg.parameterAsString(parameters, CLASS_BREAKS, context))
        if not _is_set(parameters, CLASS_METHOD):
            method = "custom"  # breaks alone mean custom classes
    names = {n: alg.parameterDefinition(n).description() for n in (CLASS_METHOD, CLASS_BREAKS)}
    if breaks is not None and method != "custom":
        raise QgsProcessingException(
            tr(
                "'{breaks}' is given, but '{method}' is not custom breaks: choose custom "
                "breaks, or leave the class breaks empty."
            ).format(breaks=names[CLASS_BREAKS], method=names[CLASS_METHOD])
        )
    if method == "custom" and breaks is None and classes["method"] != "custom":
        raise QgsProcessingException(
            tr("Custom classes need their breaks: fill in '{breaks}', e.g. 20; 40; 60; 80.").format(
                breaks=names[CLASS_BREAKS]
            )
        )
    if _is_set(parameters, CLASS_COUNT) and method == "custom":
        raise QgsProcessingException(
            tr(
                "The number of classes is given, but the classes are custom breaks (their "
                "number follows from the breaks): leave the number empty or choose another "
                "class method."
            )
        )
    per_year = bool(classes.get("per_year", False))
    if _is_set(parameters, CLASS_YEARS):
        per_year = alg.parameterAsEnum(parameters, CLASS_YEARS, context) == 1
    changed = breaks is not None or _is_set(parameters, CLASS_COUNT)
    if not (changed or _is_set(parameters, CLASS_METHOD) or _is_set(parameters, CLASS_YEARS)):
        return False
    new: dict[str, Any] = {"method": method, "per_year": per_year}
    if method == "custom":
        new["breaks"] = breaks if breaks is not None else classes["breaks"]
    elif _is_set(parameters, CLASS_COUNT):
        new["count"] = alg.parameterAsInt(parameters, CLASS_COUNT, context)
    else:
        new["count"] = classes.get("count", 5)
    data["classes"] = new
    return True


def class_breaks(text: str) -> list[float]:
    """Breaks from text: ``20; 40; 60`` (decimal commas allowed) or ``20, 40, 60``."""
    parts = text.split(";") if ";" in text else text.split(",")
    values = []
    for part in parts:
        if not part.strip():
            continue
        try:
            value = float(part.strip().replace(",", "."))
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise QgsProcessingException(
                tr(
                    "The class breaks '{text}' hold '{value}', which is not a number. Write "
                    "increasing numbers separated by ';', e.g. 20; 40; 60; 80."
                ).format(text=text, value=part.strip())
            )
        values.append(value)
    return values


def indicator_rows(values) -> list[dict[str, Any]]:
    """The indicator table of the dialog (a flat list, row by row) as ``[[indicators]]``
    entries; rows left empty are ignored. A bad cell is refused naming row and column."""
    cells = list(_flatten(values))
    width = len(COLUMNS)
    if len(cells) % width:
        raise QgsProcessingException(
            tr(
                "The indicators hold {n} values, which is not a whole number of rows of "
                "{width} columns ({columns})."
            ).format(
                n=len(cells),
                width=width,
                columns=", ".join(tr(header) for _, header in COLUMNS),
            )
        )
    rows: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for start in range(0, len(cells), width):
        number = start // width + 1
        row = dict(zip((key for key, _ in COLUMNS), cells[start : start + width]))
        if not any(row.values()):
            continue
        entry = _indicator(row, number)
        if entry["name"] in seen:
            raise QgsProcessingException(
                tr(
                    "Rows {first} and {row} of the indicators have the same name '{name}': "
                    "give each indicator its own name."
                ).format(first=seen[entry["name"]], row=number, name=entry["name"])
            )
        seen[entry["name"]] = number
        rows.append(entry)
    return rows


def _flatten(values):
    for value in values or ():
        if isinstance(value, (list, tuple)):
            yield from _flatten(value)
        else:
            yield "" if value is None else str(value).strip()


def _cell_error(row: int, key: str, value: str, problem: str) -> QgsProcessingException:
    header = tr(dict(COLUMNS)[key])
    return QgsProcessingException(
        tr("Indicators, row {row}, column '{column}': '{value}' {problem}").format(
            row=row, column=header, value=value, problem=problem
        )
    )


def _indicator(row: dict[str, str], number: int) -> dict[str, Any]:
    for key in ("name", "numerator", "denominator"):
        if not row[key]:
            raise _cell_error(number, key, "", tr("is empty; this column is required."))
    if not _NAME.match(row["name"]):
        raise _cell_error(
            number,
            "name",
            row["name"],
            tr(
                "is not usable as a field name: use lowercase letters, digits and '_', "
                "starting with a letter (at most 31 characters)."
            ),
        )
    entry: dict[str, Any] = {
        "name": row["name"],
        "numerator": row["numerator"],
        "denominator": row["denominator"],
        "label": row["label"] or row["name"],
    }
    reverse = row["reverse"].lower()
    yes = {*_YES, tr("yes").lower()}
    no = {*_NO, tr("no").lower()}
    if reverse not in yes | no:
        raise _cell_error(
            number,
            "reverse",
            row["reverse"],
            tr(
                "is neither yes nor no: write yes (higher values mean less need) or leave it empty."
            ),
        )
    entry["reverse"] = reverse in yes
    kinds = {**_KINDS, tr("rate").lower(): "rate", tr("mean").lower(): "mean"}
    kind = row["kind"].lower() or "rate"
    if kind not in kinds:
        raise _cell_error(
            number,
            "kind",
            row["kind"],
            tr("is not a kind: write rate or mean (or leave it empty)."),
        )
    entry["kind"] = kinds[kind]
    for key in ("weight", "per"):
        if row[key]:
            entry[key] = _positive(row[key], number, key)
    return entry


def _positive(text: str, row: int, key: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise _cell_error(row, key, text, tr("is not a number.")) from None
    if not (math.isfinite(value) and value > 0):
        raise _cell_error(row, key, text, tr("must be a number greater than 0."))
    return value


# --- the preset output ---------------------------------------------------------------------
def save_preset(alg, parameters: dict[str, Any], context, config: Config) -> dict[str, str]:
    """Write the effective settings to ``OUTPUT_CONFIG`` when asked for (staged with the
    run's outputs); the result entry, or an empty dict."""
    staged, final = alg.stage_output_file(parameters, OUTPUT_CONFIG, context)
    if not final:
        return {}
    base = alg.parameterAsFile(parameters, CONFIG, context) or str(PINNEBERG_PRESET)
    changed = [n for n in OVERRIDES if _is_set(parameters, n)]
    header = (
        f"Sozialformel settings saved by sozialplanung:{alg.name()}\n"
        f"Preset: {Path(base).name}; set in the dialog: {', '.join(changed) or '-'}"
    )
    save_config(config, staged, header=header)
    return {OUTPUT_CONFIG: final}
