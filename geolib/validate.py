"""Input checks shared by the analysis modules.

Each check refuses bad input with a :class:`~geolib.errors.GeolibError` that names
the problem and the fix, or repairs it and returns a note; nothing is dropped
without being counted.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely

from .errors import FieldError, GeometryError
from .messages import N_, Message


def require_field(df: pd.DataFrame, field: str, *, what: str = N_("layer")) -> None:
    """Refuse ``df`` when it lacks ``field``; the message lists the fields it has."""
    if field not in df.columns:
        available = [c for c in df.columns if c != getattr(df, "_geometry_column_name", None)]
        raise FieldError(
            "The {what} has no field '{field}'. Its fields are: {fields}. Choose one of them.",
            what=what,
            field=field,
            fields=", ".join(map(str, available)) or "—",
        )


def numeric_field(df: pd.DataFrame, field: str, *, what: str = N_("layer")) -> pd.Series:
    """Return ``df[field]`` as float64, refusing a field that is not numeric.

    Text fields whose every non-empty value is a number (also with a German decimal
    comma) are converted; anything else is refused with the offending values.
    """
    require_field(df, field, what=what)
    values = df[field]
    if pd.api.types.is_bool_dtype(values.dtype):
        raise FieldError(
            "The field '{field}' of the {what} is a yes/no field, not a number. Choose a "
            "numeric field.",
            field=field,
            what=what,
        )
    if pd.api.types.is_numeric_dtype(values.dtype):
        return values.astype("float64")
    text = values.astype("string").str.strip().str.replace(",", ".", regex=False)
    converted = pd.to_numeric(text, errors="coerce")
    bad = values[converted.isna() & values.notna() & (text != "")]
    if len(bad):
        examples = ", ".join(repr(v) for v in bad.astype(str).unique()[:5])
        raise FieldError(
            "The field '{field}' of the {what} is not numeric: {n} values are not "
            "numbers (for example {examples}). Choose a numeric field or fix these values.",
            field=field,
            what=what,
            n=len(bad),
            examples=examples,
        )
    return converted.astype("float64")


def drop_null_geometries(
    gdf: gpd.GeoDataFrame, *, what: str = N_("layer")
) -> tuple[gpd.GeoDataFrame, list[Message]]:
    """Remove rows without geometry (or with an empty one), counting them in a note."""
    missing = gdf.geometry.isna() | gdf.geometry.is_empty
    if not missing.any():
        return gdf, []
    note = Message(
        "{n} features of the {what} have no geometry and were skipped.",
        n=int(missing.sum()),
        what=what,
    )
    return gdf.loc[~missing], [note]


def repair_polygons(
    gdf: gpd.GeoDataFrame, *, what: str = N_("area layer")
) -> tuple[gpd.GeoDataFrame, list[Message]]:
    """Check that ``gdf`` holds polygons and repair invalid ones with ``make_valid``.

    Returns a new frame and notes that count what was repaired. Rows whose
    geometry is missing or cannot be repaired into a polygon are refused with the
    row numbers, since silently losing an area would change every total.
    """
    geoms = gdf.geometry
    kinds = set(geoms.dropna().geom_type.unique())
    if kinds - {"Polygon", "MultiPolygon"}:
        raise GeometryError(
            "The {what} must contain polygons, but it has {kinds}. Choose a polygon layer.",
            what=what,
            kinds=", ".join(sorted(kinds)),
        )
    notes: list[Message] = []
    missing = geoms.isna() | geoms.is_empty
    if missing.any():
        rows = ", ".join(str(i) for i in list(gdf.index[missing])[:10])
        raise GeometryError(
            "{n} features of the {what} have no geometry (rows {rows}). Remove them or "
            "give them a geometry.",
            n=int(missing.sum()),
            what=what,
            rows=rows,
        )
    invalid = ~geoms.is_valid
    if not invalid.any():
        return gdf, notes
    fixed = shapely.make_valid(geoms[invalid].values)
    # make_valid may return collections; keep their polygonal parts only
    fixed = [_polygonal(g) for g in fixed]
    bad = [idx for idx, g in zip(gdf.index[invalid], fixed) if g is None or g.is_empty]
    if bad:
        raise GeometryError(
            "{n} polygons of the {what} are invalid and cannot be repaired (rows {rows}). "
            "Run 'Fix geometries' on the layer and check these features.",
            n=len(bad),
            what=what,
            rows=", ".join(map(str, bad[:10])),
        )
    out = gdf.copy()
    out.loc[invalid, out.geometry.name] = gpd.GeoSeries(
        fixed, index=gdf.index[invalid], crs=gdf.crs
    )
    notes.append(
        Message(
            "{n} invalid polygons of the {what} were repaired (make valid).",
            n=int(invalid.sum()),
            what=what,
        )
    )
    return out, notes


def _polygonal(geom):
    if geom is None:
        return None
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return None
    return shapely.union_all(parts)


def require_geometry_type(
    gdf: gpd.GeoDataFrame, allowed: set[str], *, what: str = N_("layer"), expected: str
) -> None:
    """Refuse ``gdf`` when it holds geometries other than ``allowed``."""
    kinds = set(gdf.geometry.dropna().geom_type.unique())
    if kinds - allowed:
        raise GeometryError(
            "The {what} must contain {expected}, but it has {kinds}. Choose another layer.",
            what=what,
            expected=expected,
            kinds=", ".join(sorted(kinds)),
        )
