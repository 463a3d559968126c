"""Travel profiles: which lines a profile may use, in which direction and how fast.

Speeds in km/h per line from the profile (walk, bike, car by OSM highway class) or a
speed field; directions from a direction field (as QGIS's service area) or OSM tags.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import (
    DataError,
    FieldError,
)
from .validate import require_field

__all__ = [
    "CAR_SPEEDS",
    "PROFILE_SPEEDS",
]

#: walking and cycling speeds in km/h
PROFILE_SPEEDS = {"walk": 4.5, "bike": 15.0}

#: car speeds in km/h by OSM highway class (also OpenMapTiles ``class`` values)
CAR_SPEEDS = {
    "motorway": 110.0,
    "motorway_link": 60.0,
    "trunk": 90.0,
    "trunk_link": 50.0,
    "primary": 70.0,
    "primary_link": 50.0,
    "secondary": 60.0,
    "secondary_link": 45.0,
    "tertiary": 50.0,
    "tertiary_link": 40.0,
    "unclassified": 40.0,
    "minor": 30.0,
    "road": 30.0,
    "residential": 30.0,
    "living_street": 7.0,
    "service": 20.0,
    "track": 15.0,
}

#: highway classes closed to walking and cycling
_NO_WALK = {"motorway", "motorway_link", "trunk", "trunk_link", "construction", "proposed"}
_NO_BIKE = _NO_WALK | {"steps"}
_HIGHWAY_FIELDS = ("highway", "class", "subclass", "kind")


def _row_label(frame: pd.DataFrame, rows: np.ndarray) -> str:
    labels = [str(int(r) + 1) for r in rows[:10]]
    return ", ".join(labels) + (" …" if len(rows) > 10 else "")


def _highway(frame: pd.DataFrame) -> pd.Series | None:
    for name in _HIGHWAY_FIELDS:
        if name in frame.columns:
            values = frame[name].astype("string").str.strip().str.lower()
            if name == "class" and "subclass" in frame.columns:
                values = values.fillna(frame["subclass"].astype("string").str.lower())
            return values
    return None


def _speeds(frame, cost, profile, speed_field, what) -> np.ndarray:
    """Speed in km/h per row (``inf`` where any speed works, ``nan`` = closed)."""
    n = len(frame)
    highway = _highway(frame)
    if speed_field:
        require_field(frame, speed_field, what=what)
        values = pd.to_numeric(frame[speed_field], errors="coerce").to_numpy(dtype=float)
        geoms = frame.geometry
        has_geom = (geoms.notna() & ~geoms.is_empty).to_numpy()
        bad = has_geom & ~(values > 0)
        if bad.any():
            rows = np.flatnonzero(bad)
            raise DataError(
                "The speed field '{field}' has {n} zero, negative or missing values, in the "
                "rows {rows}. Every line needs a speed above 0 km/h: fix these rows or leave "
                "them out.",
                field=speed_field,
                n=len(rows),
                rows=_row_label(frame, rows),
            )
        speed = values
    elif profile in PROFILE_SPEEDS:
        speed = np.full(n, PROFILE_SPEEDS[profile])
    elif profile == "car":
        if highway is None:
            raise FieldError(
                "The car profile needs the road class in a field 'highway' (OSM) or 'class'; "
                "the {what} has neither. Use a speed field instead.",
                what=what,
            )
        speed = highway.map(CAR_SPEEDS).astype(float).to_numpy()
    else:  # distance without a profile
        speed = np.ones(n)
    if highway is not None and profile in ("walk", "bike"):
        closed = _NO_WALK if profile == "walk" else _NO_BIKE
        speed = np.where(highway.isin(closed).to_numpy(dtype=bool), np.nan, speed)
    if highway is not None and profile == "car" and speed_field:
        drivable = highway.isin(CAR_SPEEDS.keys()).to_numpy(dtype=bool) | highway.isna().to_numpy()
        speed = np.where(drivable, speed, np.nan)
    if cost == "distance":
        speed = np.where(np.isnan(speed), np.nan, 1.0)
    return speed


def _directions(frame, profile, direction_field, fwd, bwd, both, what):
    n = len(frame)
    forward = np.ones(n, dtype=bool)
    backward = np.ones(n, dtype=bool)
    if direction_field:
        require_field(frame, direction_field, what=what)
        values = frame[direction_field].astype("string").str.strip().fillna("")
        values = values.str.replace(r"\.0$", "", regex=True)
        forward = (values != str(bwd)).to_numpy(dtype=bool)
        backward = (values != str(fwd)).to_numpy(dtype=bool)
        # values that are none of the three count as both directions, like QGIS's default
        del both
    elif profile in ("bike", "car") and "oneway" in frame.columns:
        values = frame["oneway"].astype("string").str.strip().str.lower().fillna("")
        forward = (values != "-1").to_numpy(dtype=bool)
        backward = ~values.isin(["yes", "1", "true"]).to_numpy(dtype=bool)
    return forward, backward
