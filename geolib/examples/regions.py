"""Planning regions: every municipality's Amt, the Kreis and a size class (real, not synthetic)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import DataError, FieldError
from ..messages import N_
from .common import _prepare_gemeinden, _require_fields

KREIS_NAME = "Kreis Pinneberg"
SIZE_CLASS_LARGE = "Städte über 30.000 Einwohner"
SIZE_CLASS_OTHER = "Übrige Gemeinden"
LARGE_TOWN_THRESHOLD = 30_000


def planning_regions(gemeinden: pd.DataFrame, aemter: pd.DataFrame) -> pd.DataFrame:
    """Map every municipality to its planning region (Amt), the Kreis and a size class.

    The planning region is the Amt (or amtsfreie Gemeinde) of layer ``aemter`` whose
    9-digit ``RS`` equals the first 9 digits of the municipality's ``RS_2018``. Where
    that key is newer than the ``aemter`` layer (Amt Geest und Marsch Südholstein was
    formed in 2017 from the Ämter Haseldorf and Moorrege, while the VG250 layer shows
    2016), the municipality's ``RS`` is used instead, so every region matches a polygon
    of ``aemter``.

    Parameters
    ----------
    gemeinden
        Municipalities with ``AGS``, ``GEN``, ``EWZ_2018`` and ``RS_2018`` or ``RS``.
    aemter
        Ämter with ``RS`` (9 digits) and ``GEN``.

    Returns
    -------
    pandas.DataFrame
        Sorted by ``ags``: ``ags`` (text), ``name``, ``planungsraum`` (Amt name),
        ``planungsraum_rs`` (9-digit key), ``kreis`` ("Kreis Pinneberg") and
        ``groesse`` (:data:`SIZE_CLASS_LARGE` above 30,000 inhabitants in 2018, else
        :data:`SIZE_CLASS_OTHER`).

    Raises
    ------
    FieldError
        A required field is missing.
    DataError
        A municipality belongs to no Amt of ``aemter``.
    """
    gem = _prepare_gemeinden(gemeinden)
    _require_fields(aemter, ("RS", "GEN"), what=N_("Ämter layer"))
    keys = [k for k in ("RS_2018", "RS") if k in gem.columns]
    if not keys:
        raise FieldError(
            "The municipalities layer needs the regional key RS_2018 or RS "
            "(12 digits, the first 9 are the Amt key)."
        )
    amt_names = dict(zip(aemter["RS"].astype(str).str.zfill(9).str[:9], aemter["GEN"].astype(str)))
    region_rs: list[str] = []
    for _, row in gem.iterrows():
        found = None
        for key in keys:
            value = row[key]
            if value is None or pd.isna(value):
                continue
            candidate = str(value).zfill(12)[:9]
            if candidate in amt_names:
                found = candidate
                break
        if found is None:
            raise DataError(
                "The municipality {name} ({ags}) belongs to no Amt of the Ämter layer (no RS "
                "matches the first 9 digits of its regional key).",
                name=row["GEN"],
                ags=row["AGS"],
            )
        region_rs.append(found)
    return pd.DataFrame(
        {
            "ags": gem["AGS"].to_numpy(),
            "name": gem["GEN"].to_numpy(),
            "planungsraum": [amt_names[r] for r in region_rs],
            "planungsraum_rs": region_rs,
            "kreis": KREIS_NAME,
            "groesse": np.where(
                gem["EWZ_2018"].to_numpy() > LARGE_TOWN_THRESHOLD,
                SIZE_CLASS_LARGE,
                SIZE_CLASS_OTHER,
            ),
        }
    )
