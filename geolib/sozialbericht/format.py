"""Numbers the German way for the Sozialbericht: ``83,5``, ``31.250``, ``+1,2``."""

from __future__ import annotations

import math
from typing import Any


def is_missing(value: Any) -> bool:
    """None, NaN and pandas' NA (withheld or absent values)."""
    if value is None:
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isnan(value))
    except TypeError:  # pandas.NA compares to NA: bool() raises
        return True


def de_number(value: float, decimals: int = 1, *, signed: bool = False) -> str:
    """``value`` with a decimal comma and dots between thousands (de-DE).

    Examples
    --------
    >>> de_number(83.46), de_number(31250.4, 0), de_number(1.25, 1, signed=True)
    ('83,5', '31.250', '+1,2')
    >>> de_number(-0.04, 1, signed=True), de_number(-3.26)
    ('±0,0', '−3,3')
    """
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0  # no "-0,0"
    text = f"{abs(rounded):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    if rounded < 0:
        return "−" + text
    if signed:
        return ("+" if rounded > 0 else "±") + text
    return text
