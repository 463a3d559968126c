"""What every generator shares: the defaults, the seeding and the municipalities' checks."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import pandas as pd

from ..errors import DataError, FieldError
from ..io import require_rows
from ..messages import N_

DEFAULT_SEED = 2026
"""The default seed of every generator."""

DEFAULT_AS_OF = _dt.date(2026, 10, 1)
"""The default reference date: ``updated_at`` of offers lies up to about 3 years before it.

A fixed date keeps the output identical from one day to the next."""

HELGOLAND_AGS = "01056025"
"""Helgoland, an island in the North Sea: no offers are placed there."""


def _require_fields(data: pd.DataFrame, fields: Iterable[str], *, what: str) -> None:
    missing = [f for f in fields if f not in data.columns]
    if missing:
        raise FieldError(
            "The {what} lacks the field(s) {missing}; it has: {fields}. Use the VG250 "
            "municipalities layer (fields AGS, GEN, EWZ_2018, ...).",
            what=what,
            missing=", ".join(missing),
            fields=", ".join(map(str, data.columns)),
        )


def _prepare_gemeinden(gemeinden: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    require_rows(gemeinden, what=N_("municipalities layer"))
    _require_fields(gemeinden, ("AGS", "GEN", "EWZ_2018"), what=N_("municipalities layer"))
    gem = gemeinden.copy()
    gem["AGS"] = gem["AGS"].astype(str).str.zfill(8)
    if gem["AGS"].duplicated().any():
        dups = sorted(gem.loc[gem["AGS"].duplicated(), "AGS"].unique())
        raise DataError("The municipalities layer has duplicate AGS: {dups}.", dups=", ".join(dups))
    pop = pd.to_numeric(gem["EWZ_2018"], errors="coerce")
    if pop.isna().any() or (pop < 0).any():
        raise DataError("EWZ_2018 must be a non-negative number for every municipality.")
    gem["EWZ_2018"] = pop.astype("int64")
    return gem.sort_values("AGS").reset_index(drop=True)


def _rng(seed: int, *key: int) -> np.random.Generator:
    """An independent generator per purpose, so one part does not shift the others."""
    return np.random.default_rng([int(seed), *key])
