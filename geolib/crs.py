"""CRS checks and reprojection to the metric analysis CRS.

All metric work happens in a projected CRS in metres; Kreis Pinneberg uses
ETRS89 / UTM zone 32N (EPSG:25832), the default here.
"""

from __future__ import annotations

from typing import TypeVar

import geopandas as gpd
from pyproj import CRS

from .errors import CRSError
from .messages import N_, Message

DEFAULT_CRS = "EPSG:25832"

_Frame = TypeVar("_Frame", gpd.GeoDataFrame, gpd.GeoSeries)


def require_crs(data: _Frame, *, what: str = N_("layer")) -> CRS:
    """Return the CRS of ``data`` or refuse data without one.

    Parameters
    ----------
    data
        A GeoDataFrame or GeoSeries.
    what
        How the message names the input, e.g. ``"offers layer"``.

    Raises
    ------
    CRSError
        If ``data`` has no CRS.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import Point
    >>> require_crs(gpd.GeoSeries([Point(0, 0)], crs="EPSG:25832")).to_epsg()
    25832
    """
    if data.crs is None:
        raise CRSError(
            "The {what} has no coordinate reference system (CRS). Set it in QGIS with "
            "Layer Properties → Source → 'Assigned Coordinate Reference System' (or the "
            "Processing tool 'Assign projection'), or in Python with "
            "gdf.set_crs('EPSG:25832').",
            what=what,
        )
    return CRS.from_user_input(data.crs)


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
