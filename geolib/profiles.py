"""Travel profiles: which lines a profile may use, in which direction and how fast.

Speeds in km/h per line from the profile (walk, bike, car by OSM highway class, capped
by ``maxspeed``) or a speed field; directions from a direction field (as QGIS's service
area) or OSM tags. The rules read fields named like OSM tags, so they apply to every
line layer that has them: :func:`geolib.osm.read_osm_lines`'s output, a GeoPackage
saved from it, or a user's layer.

Access (``walk``, ``bike``, ``car``)
    The most specific access field that has a value decides: walking
    ``access`` < ``foot``; cycling ``access`` < ``vehicle`` < ``bicycle``; driving
    ``access`` < ``vehicle`` < ``motor_vehicle`` < ``motorcar``. The values in
    :data:`CLOSED_ACCESS` (``no``, ``private``, ``agricultural``, ``forestry``,
    ``delivery``, ``emergency``, ``psv``, ``bus``, ``military``, ``use_sidepath``,
    ``permit``) close the line for the profile; any other value (``yes``,
    ``designated``, ``permissive``, ``destination``, ``customers`` ...) opens it. So
    ``access=no`` + ``foot=yes`` is open on foot and closed by bike and car. An
    explicit ``foot``/``bicycle`` value that opens also opens a road class that is
    closed to walking or cycling by default (``highway=trunk`` + ``bicycle=yes``).
Direction (``bike``, ``car``; walking ignores one-way streets)
    ``oneway`` = ``yes``/``1``/``true``: only along the line; ``-1``/``reverse``:
    only against it; ``no``/``false``/``0``: both ways; ``reversible``/
    ``alternating`` (changes with the time of day): closed. Without ``oneway``,
    ``junction=roundabout``/``circular`` and ``highway=motorway``/``motorway_link``
    are one-way along the line. For cycling, ``oneway_bicycle`` (OSM
    ``oneway:bicycle``) overrides ``oneway`` with the same values (``no``: a one-way
    street open to bikes both ways).
Car speed
    ``min(maxspeed, class speed)``: the class speeds of :data:`CAR_SPEEDS` are
    typical travel speeds, and a lower ``maxspeed`` slows a line down (a primary
    road through a 30 zone); a higher one does not speed it up, since traffic,
    junctions and bends keep real speeds below the limit. No further factor.
    ``maxspeed`` values: numbers (km/h), ``"50 mph"``, ``"10 knots"``, country
    zones such as ``DE:urban`` (50), ``DE:rural`` (100), ``DE:zone30``/
    ``DE:zone:30`` (30), ``DE:living_street`` and ``walk`` (7), ``DE:motorway`` and
    ``none`` (no limit: the class speed), lists ``"50;30"`` (the lowest). Values
    that are no speed (``signals``, ``variable``, typos) use the class speed and are
    counted in a note.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .errors import (
    DataError,
    FieldError,
)
from .messages import Message
from .validate import require_field

__all__ = [
    "CAR_SPEEDS",
    "CLOSED_ACCESS",
    "PROFILE_FIELDS",
    "PROFILE_SPEEDS",
    "parse_maxspeed",
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


#: access values that close a line for the profile the field applies to
CLOSED_ACCESS = frozenset(
    {
        "no",
        "private",
        "agricultural",
        "forestry",
        "delivery",
        "emergency",
        "psv",
        "bus",
        "military",
        "use_sidepath",
        "permit",
    }
)
#: the access fields of each profile, from the most general to the most specific
_ACCESS_FIELDS = {
    "walk": ("access", "foot"),
    "bike": ("access", "vehicle", "bicycle"),
    "car": ("access", "vehicle", "motor_vehicle", "motorcar"),
}
#: every field the profiles read (for the network's fingerprint)
PROFILE_FIELDS = (
    *_HIGHWAY_FIELDS,
    "oneway",
    "oneway_bicycle",
    "junction",
    "maxspeed",
    "access",
    "vehicle",
    "motor_vehicle",
    "motorcar",
    "foot",
    "bicycle",
)
_ONEWAY_FORWARD = ("yes", "1", "true")
_ONEWAY_BACKWARD = ("-1", "reverse")
_ONEWAY_CLOSED = ("reversible", "alternating")
_IMPLIED_ONEWAY_JUNCTION = ("roundabout", "circular")
_IMPLIED_ONEWAY_HIGHWAY = ("motorway", "motorway_link")
#: speed limits of zone values (``DE:urban``) by their part after the country code
_ZONE_SPEEDS = {"urban": 50.0, "living_street": 7.0, "walk": 7.0, "bicycle_road": 30.0}
#: ``XX:rural`` by country (km/h); others 90
_RURAL_SPEEDS = {
    "DE": 100.0,
    "AT": 100.0,
    "CH": 80.0,
    "FR": 80.0,
    "NL": 80.0,
    "DK": 80.0,
    "BE": 90.0,
    "LU": 90.0,
    "CZ": 90.0,
    "PL": 90.0,
    "IT": 90.0,
    "ES": 90.0,
    "AD": 90.0,
    "GB": 96.6,
}
_UNITS = {"km/h": 1.0, "kmh": 1.0, "kph": 1.0, "mph": 1.609344, "knots": 1.852}
_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)\s*(km/h|kmh|kph|mph|knots)?$")


def _row_label(frame: pd.DataFrame, rows: np.ndarray) -> str:
    labels = [str(int(r) + 1) for r in rows[:10]]
    return ", ".join(labels) + (" …" if len(rows) > 10 else "")


def _clean(values: pd.Series) -> pd.Series:
    """Stripped lower-case strings (``<NA>`` where missing), computed once per distinct
    value: a million lines have a few hundred distinct tag values."""
    codes, uniques = pd.factorize(values)
    clean = pd.Series(uniques, dtype=object).astype("string").str.strip().str.lower()
    table = pd.array([*clean, pd.NA], dtype="string")
    return pd.Series(table.take(np.where(codes < 0, len(uniques), codes)), index=values.index)


def _highway(frame: pd.DataFrame) -> pd.Series | None:
    for name in _HIGHWAY_FIELDS:
        if name in frame.columns:
            values = _clean(frame[name])
            if name == "class" and "subclass" in frame.columns:
                values = values.fillna(_clean(frame["subclass"]))
            return values
    return None


def _isin(values: np.ndarray, options) -> np.ndarray:
    """``np.isin`` for strings, hash-based (numpy sorts object arrays)."""
    return pd.Series(values, dtype=object).isin(list(options)).to_numpy(dtype=bool)


def _text(frame: pd.DataFrame, name: str) -> np.ndarray:
    """A field as lower-case stripped strings (``""`` where missing or absent)."""
    if name not in frame.columns:
        return np.full(len(frame), "", dtype=object)
    return _clean(frame[name]).fillna("").to_numpy(dtype=object)


def _one_maxspeed(value: str) -> float | None:
    value = value.strip().lower()
    match = _NUMBER.match(value)
    if match:
        speed = float(match.group(1)) * _UNITS[match.group(2) or "km/h"]
        return speed if speed > 0 else None
    if value in ("none", "walk"):
        return np.inf if value == "none" else 7.0
    country, sep, zone = value.partition(":")
    if not sep or len(country) != 2:
        return None
    zone = zone.strip()
    if zone in _ZONE_SPEEDS:
        return _ZONE_SPEEDS[zone]
    if zone == "rural":
        return _RURAL_SPEEDS.get(country.upper(), 90.0)
    if zone in ("motorway", "trunk"):
        return np.inf
    match = re.match(r"^zone:?(\d+)$", zone)
    return float(match.group(1)) if match else None


def parse_maxspeed(value) -> float | None:
    """The speed limit of an OSM ``maxspeed`` value in km/h.

    ``inf`` where there is no limit below the road's own speed (no value, ``none``,
    ``DE:motorway``); ``None`` where the value is no speed (``signals``,
    ``variable``, a typo). A list (``"50;30"``) gives its lowest speed.

    Examples
    --------
    >>> parse_maxspeed("50"), parse_maxspeed("30 mph"), parse_maxspeed("DE:urban")
    (50.0, 48.28032, 50.0)
    >>> parse_maxspeed("none"), parse_maxspeed("signals"), parse_maxspeed("50;30")
    (inf, None, 30.0)
    """
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return np.inf
    text = str(value).strip()
    if not text:
        return np.inf
    speeds = [_one_maxspeed(part) for part in text.split(";")]
    known = [s for s in speeds if s is not None]
    return float(min(known)) if len(known) == len(speeds) else None


def _maxspeed_caps(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Speed caps in km/h per row (``inf``: none) and where the value is no speed."""
    text = values.astype("string").fillna("")
    codes, uniques = pd.factorize(text)
    parsed = [parse_maxspeed(u) for u in uniques]
    caps = np.array([np.inf if p is None else p for p in parsed], dtype=float)
    bad = np.array([p is None for p in parsed], dtype=bool)
    return caps[codes], bad[codes]


def _access(frame: pd.DataFrame, profile: str) -> np.ndarray:
    """Per row: -1 closed, 1 opened, 0 no access value (the most specific field wins)."""
    state = np.zeros(len(frame), dtype=np.int8)
    for name in _ACCESS_FIELDS[profile]:
        values = _text(frame, name)
        given = values != ""
        closed = _isin(values, CLOSED_ACCESS)
        state = np.where(given, np.where(closed, -1, 1), state).astype(np.int8)
    return state


def _speeds(frame, cost, profile, speed_field, what, notes=None) -> np.ndarray:
    """Speed in km/h per row (``inf`` where any speed works, ``nan`` = closed).

    The rules of the module docstring; notes (values of ``maxspeed`` that are no
    speed) go to ``notes`` when it is a list.
    """
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
        if "maxspeed" in frame.columns:
            caps, not_speed = _maxspeed_caps(frame["maxspeed"])
            speed = np.minimum(speed, caps)  # nan (not drivable) stays nan
            not_speed &= ~np.isnan(speed)
            if not_speed.any() and notes is not None:
                examples = pd.unique(frame["maxspeed"].astype("string")[not_speed])[:5]
                notes.append(
                    Message(
                        "{n} lines have a maxspeed that is not a speed (for example {values}); "
                        "they were given the speed of their road class.",
                        n=int(not_speed.sum()),
                        values=", ".join(f"'{v}'" for v in examples),
                    )
                )
    else:  # distance without a profile
        speed = np.ones(n)
    if profile in _ACCESS_FIELDS:
        access = _access(frame, profile)
        if highway is not None and profile in ("walk", "bike"):
            closed_class = highway.isin(_NO_WALK if profile == "walk" else _NO_BIKE)
            closed_class = closed_class.fillna(False).to_numpy(dtype=bool)
            own = _text(frame, "foot" if profile == "walk" else "bicycle")
            opened = (own != "") & (access == 1)
            always = highway.isin(("construction", "proposed")).fillna(False).to_numpy(bool)
            speed = np.where((closed_class & ~opened) | always, np.nan, speed)
        speed = np.where(access == -1, np.nan, speed)
    if highway is not None and profile == "car" and speed_field:
        drivable = highway.isin(CAR_SPEEDS.keys()).to_numpy(dtype=bool) | highway.isna().to_numpy()
        speed = np.where(drivable, speed, np.nan)
    if cost == "distance":
        speed = np.where(np.isnan(speed), np.nan, 1.0)
    return speed


def _directions(frame, profile, direction_field, fwd, bwd, both, what):
    """May each row be travelled along (forward) and against (backward) its line?"""
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
    elif profile in ("bike", "car"):
        oneway = _text(frame, "oneway")
        highway = _highway(frame)
        implied = _isin(_text(frame, "junction"), _IMPLIED_ONEWAY_JUNCTION)
        if highway is not None:
            implied |= highway.isin(_IMPLIED_ONEWAY_HIGHWAY).fillna(False).to_numpy(bool)
        oneway = np.where((oneway == "") & implied, "yes", oneway)
        if profile == "bike":
            own = _text(frame, "oneway_bicycle")
            oneway = np.where(own != "", own, oneway)
        closed = _isin(oneway, _ONEWAY_CLOSED)
        forward = ~_isin(oneway, _ONEWAY_BACKWARD) & ~closed
        backward = ~_isin(oneway, _ONEWAY_FORWARD) & ~closed
    return forward, backward
