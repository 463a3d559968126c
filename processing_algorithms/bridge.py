"""The bridge between QGIS feature sources/sinks and GeoDataFrames.

``source_to_gdf`` reads any QgsFeatureSource (every provider; Processing's source
already honours "Selected features only" and the invalid-geometry setting) into a
GeoDataFrame; ``gdf_to_sink`` writes a GeoDataFrame into a feature sink. Both keep
field types, NULLs, the CRS, geometry types and non-ASCII text.

Speed: geometries cross as WKB in one batch (``shapely.from_wkb``), attributes as
columns, with Python's garbage collector paused (:mod:`.gc_pause`). When the source is
a plain OGR file layer read whole or by selection, ``layer_to_gdf`` reads it with
pyogrio directly, which skips the per-feature loop. When the output is a GeoPackage
layer that QGIS has just created (empty), ``append_to_gpkg`` writes the rows into it
in one go, with SQLite directly (:mod:`.gpkg_rows`) or else with pyogrio: the layer,
its fields and CRS stay QGIS's own, only the per-feature loop is skipped, and the
spatial index is built in bulk afterwards (:mod:`.gpkg_rtree`) instead of row by row.
"""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from . import gpkg_info, gpkg_rows, gpkg_rtree
from .compat import field_type, type_id, type_ids
from .gc_pause import paused_gc

# field type (its number, see compat) → pandas dtype of the column
_INT_TYPES = type_ids("Int", "UInt", "LongLong", "ULongLong")
_FLOAT_TYPES = type_ids("Double")
_BOOL_TYPES = type_ids("Bool")
_DATE_TYPES = type_ids("QDate")
_DATETIME_TYPES = type_ids("QDateTime")
_TIME_TYPES = type_ids("QTime")
_STRING_TYPES = type_ids("QString")


def crs_to_pyproj(crs: QgsCoordinateReferenceSystem):
    """A QGIS CRS as something geopandas accepts (``None`` when invalid)."""
    if crs is None or not crs.isValid():
        return None
    authid = crs.authid()
    if authid and authid.upper().startswith("EPSG:"):
        return authid
    return crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED)


def crs_from_gdf(gdf: gpd.GeoDataFrame) -> QgsCoordinateReferenceSystem:
    """The GeoDataFrame's CRS as a QgsCoordinateReferenceSystem (invalid when none)."""
    if getattr(gdf, "crs", None) is None:  # a plain DataFrame is a table without CRS
        return QgsCoordinateReferenceSystem()
    epsg = gdf.crs.to_epsg()
    if epsg:
        return QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
    return QgsCoordinateReferenceSystem.fromWkt(gdf.crs.to_wkt())


def _py(value: Any) -> Any:
    """A QGIS attribute value as a plain Python value (NULL → None)."""
    if value is None or value == NULL:
        return None
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


def _column(values: list[Any], field: QgsField) -> pd.Series:
    kind = type_id(field.type())
    if kind in _INT_TYPES:
        return pd.array(values, dtype="Int64")
    if kind in _FLOAT_TYPES:
        return pd.array([np.nan if v is None else v for v in values], dtype="float64")
    if kind in _BOOL_TYPES:
        return pd.array(values, dtype="boolean")
    if kind in _DATETIME_TYPES:
        return pd.to_datetime(pd.Series(values, dtype=object))
    return pd.array(values, dtype=object)


@paused_gc()
def source_to_gdf(
    source: QgsFeatureSource,
    *,
    request: QgsFeatureRequest | None = None,
    feedback: QgsProcessingFeedback | None = None,
    fid_column: str | None = None,
) -> gpd.GeoDataFrame:
    """Read a feature source into a new GeoDataFrame.

    Parameters
    ----------
    source
        Any QgsFeatureSource (a layer, or Processing's source with its selection).
    request
        Optional request (filter, subset of attributes).
    feedback
        Progress and cancellation; the read counts for the first 0–100 %
        of what the feedback shows unless the caller scales it.
    fid_column
        When given, the feature ids are kept in this column.

    Returns
    -------
    GeoDataFrame
        One row per feature; features without geometry get ``None`` as geometry.
    """
    fields = source.fields()
    names = fields.names()
    total = source.featureCount()
    step = max(1, total // 100) if total and total > 0 else 1000
    conv = [_needs_conversion(f) for f in fields]
    columns: list[list[Any]] = [[] for _ in names]
    wkbs: list[bytes | None] = []
    fids: list[int] = []
    request = request if request is not None else QgsFeatureRequest()
    if isinstance(source, QgsProcessingFeatureSource):
        # geolib repairs and counts invalid geometries; Processing must not drop them first
        it = source.getFeatures(
            request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks
        )
    else:
        it = source.getFeatures(request)
    for i, feat in enumerate(it):
        if feedback is not None and i % step == 0:
            if feedback.isCanceled():
                break
            if total and total > 0:
                feedback.setProgress(100.0 * i / total)
        attrs = feat.attributes()
        for col, value, slow in zip(columns, attrs, conv):
            # NULL compares equal to None-like values only; plain values pass through fast
            if slow or value == NULL:
                value = _py(value)
            col.append(value)
        geom = feat.geometry()
        wkbs.append(None if geom.isNull() else bytes(geom.asWkb()))
        fids.append(feat.id())
    data = {name: _column(col, fields.at(j)) for j, (name, col) in enumerate(zip(names, columns))}
    geometry = shapely.from_wkb(np.array(wkbs, dtype=object))
    gdf = gpd.GeoDataFrame(
        data,
        geometry=geometry,
        crs=crs_to_pyproj(source.sourceCrs()),
        index=pd.RangeIndex(len(wkbs)),
    )
    if fid_column:
        gdf[fid_column] = np.array(fids, dtype=np.int64)
    return gdf


def _needs_conversion(field: QgsField) -> bool:
    return type_id(field.type()) in _DATE_TYPES | _DATETIME_TYPES | _TIME_TYPES


@paused_gc()
def layer_to_gdf(
    layer: QgsVectorLayer,
    *,
    selected_only: bool = False,
    feedback: QgsProcessingFeedback | None = None,
) -> gpd.GeoDataFrame:
    """Read a vector layer, with pyogrio when it is a plain OGR file, else per feature.

    The fast path is taken for OGR layers without a provider-side filter other than
    a subset string (which becomes pyogrio's ``where``) and without edits; the result
    is the same as :func:`source_to_gdf`'s.
    """
    fast = _ogr_path(layer)
    if fast is not None:
        import pyogrio

        path, layer_name = fast
        kwargs: dict[str, Any] = {"layer": layer_name, "fid_as_index": True}
        if layer.subsetString():
            kwargs["where"] = layer.subsetString()
        if selected_only:
            kwargs["fids"] = sorted(layer.selectedFeatureIds())
            if not kwargs["fids"]:
                return source_to_gdf(layer.materialize(QgsFeatureRequest().setFilterFids([])))
        try:
            gdf = pyogrio.read_dataframe(path, **kwargs)
            names = layer.fields().names()
            if "fid" in names and "fid" not in gdf.columns:
                gdf.insert(0, "fid", gdf.index.to_numpy(dtype=np.int64))
            gdf = gdf[[*names, "geometry"]].reset_index(drop=True)
            fields = layer.fields()
            for name in names:  # nullable integers, as the general path gives
                # (pyogrio reads an integer field with NULLs as float64)
                if pd.api.types.is_integer_dtype(gdf[name].dtype) or (
                    type_id(fields.field(name).type()) in _INT_TYPES
                    and pd.api.types.is_float_dtype(gdf[name].dtype)
                ):
                    gdf[name] = gdf[name].astype("Int64")
            return gdf.set_crs(crs_to_pyproj(layer.crs()), allow_override=True)
        except Exception:  # anything pyogrio cannot do falls back to the general path
            pass
    request = QgsFeatureRequest()
    if selected_only:
        request.setFilterFids(layer.selectedFeatureIds())
    return source_to_gdf(layer, request=request, feedback=feedback)


def _ogr_path(layer: QgsVectorLayer) -> tuple[str, str | int] | None:
    """The file and layer (name, or 0: the first, which OGR opens without a name) of a
    plain OGR layer; None when pyogrio cannot read it as QGIS does."""
    if layer.providerType() != "ogr" or layer.isEditable() or layer.isModified():
        return None
    parts = layer.dataProvider().dataSourceUri().split("|")
    path, layer_name = parts[0], None
    for part in parts[1:]:
        if part.startswith("layername="):
            layer_name = part.split("=", 1)[1]
        elif (
            part.startswith("subset=")
            or part.startswith("layerid=")
            or part.startswith("geometrytype=")
        ):
            return None
    if layer_name is None and not path.lower().endswith(
        (".gpkg", ".shp", ".geojson", ".fgb", ".json")
    ):
        return None
    # by its index, not left to pyogrio: a GeoPackage with QGIS's layer_styles beside the
    # layer made pyogrio warn of several layers on every read
    return path, 0 if layer_name is None else layer_name


# ---- GeoDataFrame → QGIS ----------------------------------------------------------------


def fields_from_frame(df: pd.DataFrame) -> QgsFields:
    """QgsFields for the non-geometry columns of ``df``, by dtype."""
    fields = QgsFields()
    geom_name = df.geometry.name if isinstance(df, gpd.GeoDataFrame) else None
    for name in df.columns:
        if name == geom_name:
            continue
        fields.append(QgsField(str(name), _variant_type(df[name])))
    return fields


def dbf_fields(fields: QgsFields) -> QgsFields:
    """``fields`` for a Shapefile: text fields 254 characters wide, the most a DBF holds
    (QGIS's writer asks for 255 when no width is set, and GDAL warns that it truncates
    every such field)."""
    out = QgsFields()
    for i in range(fields.count()):
        field = QgsField(fields.at(i))
        if type_id(field.type()) in _STRING_TYPES and not 0 < field.length() <= 254:
            field.setLength(254)
        out.append(field)
    return out


def _variant_type(series: pd.Series) -> Any:
    """The QgsField type for a column of ``series``'s values."""
    return field_type(_meta_type_name(series))


def _meta_type_name(series: pd.Series) -> str:
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "Bool"
    if pd.api.types.is_integer_dtype(dtype):
        return "LongLong"
    if pd.api.types.is_float_dtype(dtype):
        return "Double"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "QDateTime"
    sample = series.dropna()
    if len(sample):
        first = sample.iloc[0]
        if isinstance(first, _dt.datetime):
            return "QDateTime"
        if isinstance(first, _dt.date):
            return "QDate"
        if isinstance(first, (bool, np.bool_)) and sample.map(type).eq(type(first)).all():
            return "Bool"
        if (
            isinstance(first, (int, np.integer))
            and sample.map(
                lambda v: isinstance(v, (int, np.integer)) and not isinstance(v, bool)
            ).all()
        ):
            return "LongLong"
    return "QString"


def wkb_type_of(gdf: gpd.GeoDataFrame) -> QgsWkbTypes.Type:
    """The single QGIS WKB type for the frame's geometries (multi when mixed)."""
    if not isinstance(gdf, gpd.GeoDataFrame) or gdf.geometry.name not in gdf:
        return QgsWkbTypes.Type.NoGeometry
    geoms = gdf.geometry.dropna()
    geoms = geoms[~geoms.is_empty]
    if len(geoms) == 0:
        return QgsWkbTypes.Type.Unknown
    kinds = set(geoms.geom_type)
    has_z = bool(shapely.has_z(geoms.values).any())
    base = {k.replace("Multi", "") for k in kinds}
    if len(base) != 1:
        return QgsWkbTypes.Type.Unknown
    (kind,) = base
    multi = any(k.startswith("Multi") for k in kinds)
    name = ("Multi" if multi else "") + kind + ("Z" if has_z else "")
    return QgsWkbTypes.parseType(name)


def _to_variant(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return QDateTime(value.to_pydatetime())
    if isinstance(value, _dt.datetime):
        return QDateTime(value)
    if isinstance(value, _dt.date):
        return QDate(value)
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return value


def frame_rows(df: pd.DataFrame, fields: QgsFields) -> list[list[Any]]:
    """The attribute rows of ``df`` in the order of ``fields``, as QGIS-ready values."""
    cols = []
    for name in fields.names():
        series = df[name]
        values = series.astype(object).where(series.notna(), None).tolist()
        if series.dtype == object or pd.api.types.is_datetime64_any_dtype(series.dtype):
            values = [_to_variant(v) for v in values]
        cols.append(values)
    return [list(row) for row in zip(*cols)] if cols else [[] for _ in range(len(df))]


def gdf_to_features(
    gdf: pd.DataFrame, fields: QgsFields, *, multi: bool = False
) -> list[QgsFeature]:
    """QgsFeatures for every row of ``gdf`` (geometry from WKB; multi when asked)."""
    rows = frame_rows(gdf, fields)
    if isinstance(gdf, gpd.GeoDataFrame) and gdf.geometry.name in gdf:
        geoms = gdf.geometry.values
        if multi:
            geoms = _promote_multi(geoms)
        wkbs = shapely.to_wkb(geoms, include_srid=False)
    else:
        wkbs = [None] * len(rows)
    feats = []
    for row, wkb in zip(rows, wkbs):
        feat = QgsFeature(fields)
        feat.setAttributes(row)
        if wkb is not None:
            geom = QgsGeometry()
            geom.fromWkb(wkb)
            feat.setGeometry(geom)
        feats.append(feat)
    return feats


def _promote_multi(geoms: np.ndarray) -> np.ndarray:
    out = np.array(geoms, dtype=object)
    types = shapely.get_type_id(out)
    for single, multi in (
        (0, shapely.MultiPoint),
        (1, shapely.MultiLineString),
        (3, shapely.MultiPolygon),
    ):
        mask = types == single
        if mask.any():
            out[mask] = [multi([g]) for g in out[mask]]
    return out


def gdf_to_sink(
    gdf: pd.DataFrame,
    sink: QgsFeatureSink,
    fields: QgsFields,
    *,
    wkb_type: QgsWkbTypes.Type | None = None,
    feedback: QgsProcessingFeedback | None = None,
    batch: int = 5000,
) -> int:
    """Write every row of ``gdf`` into ``sink``; return the number written.

    Raises ``RuntimeError`` with the sink's message when a feature is refused.
    """
    multi = wkb_type is not None and QgsWkbTypes.isMultiType(wkb_type)
    n = len(gdf)
    written = 0
    for start in range(0, n, batch):
        if feedback is not None and feedback.isCanceled():
            break
        chunk = gdf.iloc[start : start + batch]
        feats = gdf_to_features(chunk, fields, multi=multi)
        if not sink.addFeatures(feats, QgsFeatureSink.Flag.FastInsert):
            error = sink.lastError() if hasattr(sink, "lastError") else ""
            raise RuntimeError(error or "the output refused a feature")
        written += len(feats)
        if feedback is not None and n:
            feedback.setProgress(100.0 * written / n)
    return written


# ---- the fast path for GeoPackage outputs -----------------------------------------------


def gpkg_layer_of(dest_id: str) -> tuple[str, str | None] | None:
    """The GeoPackage file and layer name (None: its only layer) of a Processing output.

    ``dest_id`` is what ``parameterAsSink`` returned: a file path, optionally with
    ``|layername=``. Anything else (memory layers, databases, other formats) is None.
    """
    parts = dest_id.split("|")
    path = parts[0]
    if not path.lower().endswith(".gpkg"):
        return None
    layer_name = None
    for part in parts[1:]:
        if part.startswith("layername="):
            layer_name = part.split("=", 1)[1]
        else:
            return None
    return path, layer_name


def append_to_gpkg(
    gdf: pd.DataFrame, path: str, layer: str | None, fields: QgsFields, wkb_type: QgsWkbTypes.Type
) -> bool:
    """Write every row of ``gdf`` into the empty GeoPackage ``layer`` QGIS created for it
    (None: the file's only layer).

    The values are the ones :func:`gdf_to_sink` would write (NULLs, lists joined, multi
    geometries where the layer is multi). Returns False, having written nothing, when
    the frame holds anything that path would convert differently (dates and times:
    QGIS and GDAL versions format them in their own ways; mixed objects, missing
    geometries or geometries of another type): then the caller writes per feature.
    """
    import pyogrio

    if len(gdf) == 0 or not isinstance(gdf, gpd.GeoDataFrame):
        return False
    if layer is None:
        candidates = gpkg_info.data_tables(path)
        if len(candidates) != 1:
            return False
        layer = candidates[0]
    frame = _frame_for_ogr(gdf, fields)
    if frame is None:
        return False
    geoms = _geometries_for(gdf.geometry.values, wkb_type)
    if geoms is None:
        return False
    info = gpkg_info.layer_info(path, layer)
    if info is None or not info.empty or info.geometry is None or info.fields != fields.names():
        return False
    # the spatial index built in bulk after the rows, not row by row (see gpkg_rtree)
    multi = QgsWkbTypes.isMultiType(wkb_type)
    bounds = shapely.bounds(geoms)
    with gpkg_rtree.bulk_index(path, layer, info.geometry, bounds, info.fid):
        # SQLite's own rows where it can (see gpkg_rows), else GDAL's
        columns = dict(frame.items())
        if not gpkg_rows.insert_rows(path, layer, info.geometry, columns, geoms, multi, bounds):
            out = gpd.GeoDataFrame(frame, geometry=geoms, crs=gdf.crs)
            pyogrio.write_dataframe(out, path, layer=layer, append=True, promote_to_multi=multi)
    return True


def _frame_for_ogr(gdf: pd.DataFrame, fields: QgsFields) -> pd.DataFrame | None:
    """The attribute columns as pyogrio writes them the way the sink would, or None."""
    data = {}
    for name in fields.names():
        series = gdf[name]
        dtype = series.dtype
        kind = _meta_type_name(series)
        if kind in ("LongLong", "Bool"):
            if series.isna().any():
                # masked arrays: pyogrio writes NULLs (an int64 array would be refused)
                values = series.astype("Int64" if kind == "LongLong" else "boolean").array
            else:
                values = series.to_numpy(dtype=np.int64 if kind == "LongLong" else bool)
        elif kind == "Double":
            if series.isna().any():  # NaN becomes NULL, as in the sink
                values = series.astype("Float64").array
            else:
                values = series.to_numpy(dtype=np.float64)
        elif kind == "QString" and pd.api.types.is_object_dtype(dtype):
            inferred = pd.api.types.infer_dtype(series, skipna=True)
            if inferred in ("string", "empty"):
                values = series.where(series.notna(), None).to_numpy(dtype=object)
            elif (
                inferred == "mixed"
                and series.map(lambda v: isinstance(v, (list, tuple, str)) or v is None).all()
            ):
                values = np.array([_to_variant(v) for v in series], dtype=object)
            else:
                return None
        elif kind == "QString" and isinstance(dtype, pd.StringDtype):
            values = series.astype(object).where(series.notna(), None).to_numpy(dtype=object)
        else:
            return None
        data[name] = values
    return pd.DataFrame(data, index=pd.RangeIndex(len(gdf)))


def _geometries_for(geoms: Any, wkb_type: QgsWkbTypes.Type) -> np.ndarray | None:
    """The geometries as the sink writes them into a layer of ``wkb_type``, or None when
    one of them is of another kind (the sink converts those in its own way)."""
    geoms = np.asarray(geoms, dtype=object)
    present = ~shapely.is_missing(geoms)
    # the sink writes a feature without geometry as an empty one of the layer's type
    if not present.all() or shapely.is_empty(geoms).any():
        return None
    flat = QgsWkbTypes.flatType(wkb_type)
    single = QgsWkbTypes.flatType(QgsWkbTypes.singleType(wkb_type))
    kinds = {
        QgsWkbTypes.Type.Point: 0,
        QgsWkbTypes.Type.LineString: 1,
        QgsWkbTypes.Type.Polygon: 3,
        QgsWkbTypes.Type.MultiPoint: 4,
        QgsWkbTypes.Type.MultiLineString: 5,
        QgsWkbTypes.Type.MultiPolygon: 6,
    }
    if flat not in kinds:
        return None
    allowed = {kinds[flat], kinds[single]} if QgsWkbTypes.isMultiType(wkb_type) else {kinds[flat]}
    if not np.isin(shapely.get_type_id(geoms[present]), list(allowed)).all():
        return None
    has_z = shapely.has_z(geoms[present])
    if not (has_z.all() if QgsWkbTypes.hasZ(wkb_type) else not has_z.any()):
        return None
    return geoms
