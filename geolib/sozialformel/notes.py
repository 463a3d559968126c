"""Notes that name what they are about: units and years, winsorised values.

A note lists the unit-years it concerns by name (``Appen (01056001) 2023``) instead of
counting them only. Numbers in a list stay fields of their own :class:`Message`, so
the QGIS side shows them in the user's language (``3,07`` in German).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..messages import N_, Message, Number
from .config import Config, Indicator

#: at most this many items are listed in a note; the rest are counted
LIMIT = 20


def unit_year(name: object, key: object, year: object) -> Message:
    """``"Appen (01056001) 2023"`` (the key only when it differs from the name)."""
    year_number = int(str(year))
    if name is None or name != name or str(name) == str(key):
        return Message("{key} {year}", key=str(key), year=year_number)
    return Message("{name} ({key}) {year}", name=str(name), key=str(key), year=year_number)


def unit_years(data: pd.DataFrame, rows: pd.Series | np.ndarray) -> list[Message]:
    """:func:`unit_year` of the ``rows`` of ``data`` (columns key, name, year)."""
    sel = data.loc[np.asarray(rows, dtype=bool)]
    names = sel["name"] if "name" in sel else sel["key"]
    return [unit_year(n, k, y) for n, k, y in zip(names, sel["key"], sel["year"])]


def listing(items: Sequence[object], limit: int = LIMIT) -> Message:
    """``"a, b, c"`` of the first ``limit`` items and ``"… and 3 more"``; every item is
    translated and formatted on its own (items may be :class:`Message` s with numbers)."""
    shown = list(items[:limit])
    params = {f"i{k}": item for k, item in enumerate(shown)}
    template = ", ".join(f"{{i{k}}}" for k in range(len(shown)))
    if len(items) > limit:
        params["more"] = Message(N_("… and {n} more"), n=len(items) - limit)
        template += " {more}"
    return Message(template, **params)


def winsor_note(
    data: pd.DataFrame,
    before: pd.Series,
    after: pd.Series,
    ind: Indicator,
    config: Config,
) -> Message | None:
    """The values of ``ind`` that winsorising changed, by unit and year, old → new."""
    changed = (before != after) & before.notna()
    if not changed.any():
        return None
    labels = unit_years(data, changed)
    items = [
        Message("{unit}: {old} → {new}", unit=label, old=Number(old), new=Number(new))
        for label, old, new in zip(labels, before[changed], after[changed])
    ]
    return Message(
        "Outliers: {n} values of '{indicator}' were winsorised to the {low} and {high} "
        "quantiles of their year: {values}.",
        n=int(changed.sum()),
        indicator=ind.name,
        low=Number(config.winsorize),
        high=Number(1 - config.winsorize),
        values=listing(items),
    )
