"""CRS checks and reprojection to the metric analysis CRS.

All metric work happens in a projected CRS in metres; Kreis Pinneberg uses
ETRS89 / UTM zone 32N (EPSG:25832), the default here.
"""

from __future__ import annotations

import math
from typing import TypeVar

import geopandas as gpd
from pyproj import CRS

from .errors import CRSError
from .messages import N_, Message

DEFAULT_CRS = "EPSG:25832"

_Frame = TypeVar("_Frame", gpd.GeoDataFrame, gpd.GeoSeries)


#: how to give a layer its CRS, said by every CRS refusal
_HOW_TO_SET = N_(
    "Set it in QGIS with Layer Properties → Source → 'Assigned Coordinate Reference "
    "System' (or the Processing tool 'Assign projection'), or in Python with "
    "gdf.set_crs('EPSG:25832')."
)

#: how the Processing algorithms name an input layer in messages (``what``)
INPUT_LAYER = N_("input '{input}' (layer '{layer}')")

#: names GDAL and QGIS give a CRS that stands for "not known"
_UNDEFINED_NAMES = ("undefined", "unknown", "")


def undefined_crs_name(crs) -> str | None:
    """The name of ``crs`` when it stands for "no CRS known", else ``None``.

    A GeoPackage layer without a CRS reads as "Undefined geographic SRS" (srs_id 0,
    which looks like degrees) or "Undefined Cartesian SRS" (srs_id -1); an
    engineering (local) CRS has no place on earth either. ``None`` gives ``""``.

    Examples
    --------
    >>> undefined_crs_name(None)
    ''
    >>> undefined_crs_name("EPSG:25832") is None
    True
    """
    if crs is None:
        return ""
    try:
        parsed = CRS.from_user_input(crs)
    except Exception:  # pyproj cannot read it: as good as none
        return str(crs)[:80]
    name = (parsed.name or "").strip()
    if name.lower().startswith(_UNDEFINED_NAMES[:2]) or not name:
        return name
    if parsed.is_engineering or parsed.type_name.lower().startswith("engineering"):
        return name
    return None


def crs_error(what: str, crs=None) -> CRSError:
    """The one refusal of a layer without a usable CRS (``crs``: what it has instead)."""
    name = undefined_crs_name(crs) if crs is not None else ""
    if name:
        return CRSError(
            "The {what} has an undefined coordinate reference system ('{crs}'), so its "
            "coordinates cannot be placed on the map. {fix}",
            what=what,
            crs=name,
            fix=_HOW_TO_SET,
        )
    return CRSError(
        "The {what} has no coordinate reference system (CRS). {fix}", what=what, fix=_HOW_TO_SET
    )


def require_crs(data: _Frame, *, what: str = N_("layer")) -> CRS:
    """Return the CRS of ``data`` or refuse data without a usable one.

    Parameters
    ----------
    data
        A GeoDataFrame or GeoSeries.
    what
        How the message names the input, e.g. ``"offers layer"``.

    Raises
    ------
    CRSError
        If ``data`` has no CRS, or an undefined one (:func:`undefined_crs_name`), or
        a geographic CRS with coordinates that cannot be degrees.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import Point
    >>> require_crs(gpd.GeoSeries([Point(0, 0)], crs="EPSG:25832")).to_epsg()
    25832
    """
    if data.crs is None or undefined_crs_name(data.crs) is not None:
        raise crs_error(what, data.crs)
    crs = CRS.from_user_input(data.crs)
    if crs.is_geographic and len(data):
        _require_degrees(data, crs, what)
    return crs


def _require_degrees(data: _Frame, crs: CRS, what: str) -> None:
    """Refuse a geographic CRS whose coordinates lie beyond ±180°/±90° (metres, most likely)."""
    xmin, ymin, xmax, ymax = data.total_bounds
    if not all(map(math.isfinite, (xmin, ymin, xmax, ymax))):
        return  # no geometry: nothing to place
    if max(abs(xmin), abs(xmax)) <= 360 and max(abs(ymin), abs(ymax)) <= 90:
        return
    raise CRSError(
        "The {what} says its coordinate reference system is {crs} (degrees), but its "
        "coordinates reach {x}, {y}, which are not degrees (metres, most likely). Assign "
        "the CRS the coordinates are in (such as EPSG:25832). {fix}",
        what=what,
        crs=_crs_name(crs),
        x=round(float(xmax if abs(xmax) > abs(xmin) else xmin), 1),
        y=round(float(ymax if abs(ymax) > abs(ymin) else ymin), 1),
        fix=_HOW_TO_SET,
    )


def metric_crs(crs: str | int | CRS | None = None) -> CRS:
    """Return ``crs`` (default EPSG:25832) as a CRS, refusing one not in metres."""
    target = CRS.from_user_input(crs if crs is not None else DEFAULT_CRS)
    if not target.is_projected:
        raise CRSError(
            "The analysis CRS {crs} is geographic (degrees); distances and areas need a "
            "projected CRS in metres such as {default} (ETRS89 / UTM 32N).",
            crs=target.to_string(),
            default=DEFAULT_CRS,
        )
    unit = target.axis_info[0].unit_name if target.axis_info else ""
    if unit not in ("metre", "meter", "m"):
        raise CRSError(
            "The analysis CRS {crs} uses the unit '{unit}', not metres. Choose a CRS in "
            "metres such as {default}.",
            crs=target.to_string(),
            unit=unit,
            default=DEFAULT_CRS,
        )
    return target


def to_metric(
    data: _Frame,
    crs: str | int | CRS | None = None,
    *,
    what: str = N_("layer"),
) -> tuple[_Frame, Message | None]:
    """Reproject ``data`` to the metric analysis CRS.

    Parameters
    ----------
    data
        A GeoDataFrame or GeoSeries with a CRS.
    crs
        The analysis CRS; default EPSG:25832.
    what
        How the note and errors name the input.

    Returns
    -------
    (data, note)
        ``data`` in the analysis CRS (a new object when reprojected; the input is
        never modified) and a note saying that it was reprojected, or ``None``.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import Point
    >>> pts = gpd.GeoSeries([Point(9.7, 53.6)], crs="EPSG:4326")
    >>> out, note = to_metric(pts, what="offers layer")
    >>> out.crs.to_epsg(), note.startswith("The offers layer")
    (25832, True)
    """
    source = require_crs(data, what=what)
    target = metric_crs(crs)
    if source.equals(target):
        return data, None
    note = Message(
        "The {what} was reprojected from {source} to {target} for metric analysis.",
        what=what,
        source=_crs_name(source),
        target=_crs_name(target),
    )
    return data.to_crs(target), note


def _crs_name(crs: CRS) -> str:
    epsg = crs.to_epsg()
    return f"EPSG:{epsg} ({crs.name})" if epsg else crs.name
