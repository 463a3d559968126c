"""A Sozialformel configuration as a mapping and as TOML text (saving a preset).

:func:`config_to_mapping` gives the structure :func:`~.config.load_config` reads (the
same keys as a preset file), :func:`config_to_toml` writes it as TOML text and
:func:`save_config` into a file. ``load_config(save_config(config, path)) == config``
for every valid configuration: every field of :class:`~.config.Config` and
:class:`~.config.Indicator` is written. TOML is written here by hand (the standard
library reads TOML but does not write it), with strings escaped as the TOML
specification requires.

Examples
--------
>>> from geolib.sozialformel import load_config
>>> cfg = load_config({"indicators": [{"name": "a", "numerator": "x", "denominator": "n"}]})
>>> load_config(config_to_mapping(cfg)) == cfg
True
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..messages import N_
from .config import _TOP_KEYS, Config, Indicator

__all__ = ["config_to_mapping", "config_to_toml", "save_config", "toml_string"]

#: the top-level keys written, in the order of a preset file (the tables apart)
_TOP = tuple(k for k in _TOP_KEYS if k not in ("classes", "validity", "indicators", "reference"))
#: Config fields written elsewhere than at the top level
_NESTED = (
    "indicators",
    "class_method",
    "class_count",
    "class_breaks",
    "class_per_year",
    "index_bounds",
    "weight_draws",
    "weight_spread",
    "seed",
)


def config_to_mapping(config: Config) -> dict[str, Any]:
    """The configuration as the mapping :func:`~.config.load_config` reads.

    ``None`` values (no reference year, no per-indicator scaling or bounds) are left
    out, as in a preset file.
    """
    data: dict[str, Any] = {}
    for key in _TOP:
        value = getattr(config, key)
        if value is not None:
            data[key] = value
    classes: dict[str, Any] = {"method": config.class_method}
    if config.class_method == "custom":
        classes["breaks"] = list(config.class_breaks or ())
    else:
        classes["count"] = config.class_count
    classes["per_year"] = config.class_per_year
    data["classes"] = classes
    if config.index_bounds is not None:
        data["reference"] = {"index": list(config.index_bounds)}
    data["validity"] = {
        "weight_draws": config.weight_draws,
        "weight_spread": config.weight_spread,
        "seed": config.seed,
    }
    data["indicators"] = [_indicator_mapping(i) for i in config.indicators]
    return data


def _indicator_mapping(indicator: Indicator) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": indicator.name,
        "label": indicator.label,
        "numerator": indicator.numerator,
        "denominator": indicator.denominator,
        "kind": indicator.kind,
        "per": indicator.per,
        "reverse": indicator.reverse,
        "weight": indicator.weight,
    }
    if indicator.scaling is not None:
        entry["scaling"] = indicator.scaling
    if indicator.bounds is not None:
        entry["bounds"] = list(indicator.bounds)
    return entry


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string (quotes, backslashes, control characters escaped).

    Examples
    --------
    >>> toml_string('Kinder "unter" 15\\n')
    '"Kinder \\\\"unter\\\\" 15\\\\n"'
    """
    out = ['"']
    for char in text:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif char == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value):
            return repr(value)  # the shortest text that reads back as the same float
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError("cannot write this type as TOML: " + type(value).__name__)  # pragma: no cover


def _pairs(mapping: dict[str, Any]) -> list[str]:
    return [f"{key} = {_value(value)}" for key, value in mapping.items()]


def config_to_toml(config: Config, *, header: str = "") -> str:
    """The configuration as TOML text that :func:`~.config.load_config` reads back.

    ``header`` becomes comment lines at the top (e.g. where the settings came from).
    """
    data = config_to_mapping(config)
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    if lines:
        lines.append("")
    lines += _pairs({k: v for k, v in data.items() if k in _TOP})
    lines += ["", "[classes]", *_pairs(data["classes"])]
    lines += ["", "[validity]", *_pairs(data["validity"])]
    if "reference" in data:
        lines += ["", "[reference]", *_pairs(data["reference"])]
    for entry in data["indicators"]:
        lines += ["", "[[indicators]]", *_pairs(entry)]
    return "\n".join(lines) + "\n"


def save_config(config: Config, path: str | os.PathLike, *, header: str = "") -> Path:
    """Write the configuration as a TOML preset to ``path`` (UTF-8); returns the path."""
    target = Path(path)
    try:
        target.write_text(config_to_toml(config, header=header), encoding="utf-8")
    except OSError as exc:
        raise OutputError(
            "The {what} '{path}' cannot be written: {error}",
            what=N_("Sozialformel configuration"),
            path=str(target),
            error=exc,
        ) from exc
    return target
