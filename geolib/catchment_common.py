"""What network and distance catchments share: their result, breaks, offer ids and the
checks of their choices (overlap, direction, islands)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from .crs import require_crs
from .errors import DataError, EmptyInputError, ParameterError
from .messages import N_, Message, number_list

OVERLAPS = ("per_offer", "dissolve", "split")
#: ``"to_offer"``: the cost of travelling to the offer (who reaches it; the default);
#: ``"from_offer"``: travelling away from it (QGIS's service area)
DIRECTIONS = ("to_offer", "from_offer")
#: the note on offers without an id field
NO_OFFER_ID = N_("The offers layer has no id field; offers are numbered by their row (1, 2, …).")
#: where points may snap: ``"main"``: the largest part of the network; ``"any"``: any part
ISLANDS = ("main", "any")
#: the offer_id of dissolved (coverage) areas
ALL_OFFERS = "*"


@dataclass
class CatchmentResult:
    """Catchments of offers.

    ``areas``: polygons with ``offer_id`` (``"*"`` when dissolved), ``break_no``
    (1 = smallest), ``break_min`` or ``break_m``, with rings also ``from_min`` or
    ``from_m``, and ``population`` when a population layer was given.
    ``lines``: the reached network pieces with ``offer_id``, ``break_no``, the
    break, and the cost at their two ends (``from_min``/``to_min`` or
    ``from_m``/``to_m``); empty for distance catchments.
    ``unroutable``: offers (or points of multipoint offers, with ``part``) that could
    not be used, with ``offer_id``, ``snap_dist_m`` and ``reason``.
    ``population``: reached and unreached population per municipality and break.
    ``nodes``: every node within the largest break with ``node``, its nearest
    ``offer_id``, ``break_no`` and ``break_min``/``break_m`` (the smallest break
    reaching it) and its cost (``cost_min`` or ``cost_m``), when asked for.
    """

    areas: gpd.GeoDataFrame
    lines: gpd.GeoDataFrame
    unroutable: gpd.GeoDataFrame
    population: pd.DataFrame | None = None
    nodes: gpd.GeoDataFrame | None = None
    notes: list[Message] = field(default_factory=list)


def parse_breaks(breaks: str | float | Iterable[float]) -> list[float]:
    """Breaks from text such as ``"5,10,15"`` (also ``;`` or spaces) or a sequence.

    Breaks must be numbers above 0 in increasing order.

    Examples
    --------
    >>> parse_breaks("5, 10;15")
    [5.0, 10.0, 15.0]
    """
    if isinstance(breaks, str):
        tokens = [t for t in breaks.replace(";", ",").replace(" ", ",").split(",") if t]
        values = []
        for token in tokens:
            try:
                values.append(float(token))
            except ValueError:
                raise ParameterError(
                    "The break '{value}' is not a number. Give breaks such as 5,10,15.",
                    value=token,
                ) from None
    elif isinstance(breaks, (int, float)):
        values = [float(breaks)]
    else:
        values = [float(b) for b in breaks]
    if not values:
        raise ParameterError("Give at least one break, such as 5,10,15.")
    if any(not np.isfinite(v) or v <= 0 for v in values):
        raise ParameterError(
            "Breaks must be greater than 0; got {breaks}.",
            breaks=number_list(values),
        )
    if any(b <= a for a, b in zip(values, values[1:])):
        raise ParameterError(
            "Breaks must increase, each greater than the one before; got {breaks}.",
            breaks=number_list(values),
        )
    return values


def _offer_ids(offers: gpd.GeoDataFrame, id_field: str | None, notes: list) -> pd.Series:
    if id_field and id_field in offers.columns:
        ids = offers[id_field].astype("string")
        dup = ids[ids.duplicated(keep=False) & ids.notna()]
        if len(dup):
            raise DataError(
                "The offers layer has duplicate values in '{field}': {ids}. Every offer needs "
                "its own id.",
                field=id_field,
                ids=", ".join(sorted(dup.unique())[:10]),
            )
        if ids.isna().any():
            raise DataError(
                "{n} offers have no value in '{field}'. Every offer needs its own id.",
                n=int(ids.isna().sum()),
                field=id_field,
            )
        return ids.astype(str).reset_index(drop=True)
    if id_field:
        notes.append(
            Message(
                "The offers layer has no field '{field}'; offers are numbered by their row "
                "(1, 2, …).",
                field=str(id_field),
            )
        )
    else:
        notes.append(Message(NO_OFFER_ID))
    return pd.Series([str(i + 1) for i in range(len(offers))])


def _check_overlap(overlap: str) -> None:
    if overlap not in OVERLAPS:
        raise ParameterError(
            "The overlap must be one of {allowed}, not '{value}'.",
            allowed=", ".join(OVERLAPS),
            value=str(overlap),
        )


def _check_offers(offers: gpd.GeoDataFrame) -> None:
    require_crs(offers, what=N_("offers layer"))
    if len(offers) == 0:
        raise EmptyInputError(
            "The {what} is empty. Choose a layer with at least one offer.",
            what=N_("offers layer"),
        )


def check_direction(direction: str) -> None:
    """Refuse a direction that is not one of :data:`DIRECTIONS`."""
    _check_choice(
        direction, DIRECTIONS, N_("The direction must be one of {allowed}, not '{value}'.")
    )


def check_islands(islands: str) -> None:
    """Refuse an islands option that is not one of :data:`ISLANDS`."""
    _check_choice(
        islands, ISLANDS, N_("The islands option must be one of {allowed}, not '{value}'.")
    )


def _check_choice(value: str, allowed: Sequence[str], text: str) -> None:
    if value not in allowed:
        raise ParameterError(text, allowed=", ".join(allowed), value=str(value))
