"""Reading attribute tables (CSV, XLSX, GeoPackage) with keys kept as text.

Official keys such as the AGS (Amtlicher Gemeindeschlüssel, 8 digits) start with a
zero in Schleswig-Holstein ("01056001"). Spreadsheet programs and naive readers turn
them into numbers (1056001) and lose the zero, after which nothing joins. The reader
here always reads the key column as text, and :func:`normalise_keys` restores lost
leading zeros (with a note) when every key is a plain number.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pyogrio

from .errors import FieldError, SourceError
from .messages import N_, Message

_NUMERIC_KEY = re.compile(r"^\d+(\.0+)?$")


def split_source(source: str | os.PathLike) -> tuple[Path, str | None]:
    """Split ``"file.gpkg|layername=table"`` into the path and the layer name."""
    text = str(source)
    layer = None
    if "|" in text:
        text, *options = text.split("|")
        for option in options:
            if option.startswith("layername="):
                layer = option.split("=", 1)[1]
    return Path(text), layer


def read_table(
    source: str | os.PathLike,
    *,
    key: str = "ags",
    layer: str | None = None,
    what: str = N_("indicator table"),
) -> pd.DataFrame:
    """Read a CSV, XLSX or GeoPackage (or any OGR) table; the ``key`` column stays text.

    Parameters
    ----------
    source
        A file path; for GeoPackages optionally ``"path|layername=table"``.
    key
        The key column, read as text (its leading zeros are kept).
    layer
        Layer or sheet name (GeoPackage table, XLSX sheet); default: the only one.
    what
        How the table is named in messages.

    Returns
    -------
    pandas.DataFrame
        The table without geometry; ``key`` as text (``object``).

    Raises
    ------
    SourceError
        The file does not exist or cannot be read (a CSV must be UTF-8), or the layer
        is ambiguous.

    Examples
    --------
    >>> table = read_table("data/examples/indikatoren.csv")  # doctest: +SKIP
    >>> table["ags"].iloc[0]  # doctest: +SKIP
    '01056001'
    """
    path, from_source = split_source(source)
    layer = layer or from_source
    if not path.exists():
        raise SourceError(
            "The {what} '{path}' does not exist. Check the path.", what=what, path=str(path)
        )
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".txt"):
            frame = _read_csv(path, key, what)
        elif suffix in (".xlsx", ".xlsm", ".xls"):
            frame = pd.read_excel(path, sheet_name=layer or 0, dtype={key: str})
        else:
            frame = _read_ogr(path, layer, what)
    except (SourceError, FieldError):
        raise
    except Exception as exc:  # pandas, openpyxl and GDAL raise many kinds: all mean unreadable
        raise SourceError(
            "The {what} '{path}' cannot be read: {error}", what=what, path=str(path), error=exc
        ) from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


def _read_csv(path: Path, key: str, what: str) -> pd.DataFrame:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            first = handle.readline()
        # German spreadsheets write ';' with decimal commas
        if first.count(";") > first.count(","):
            return pd.read_csv(
                path, sep=";", decimal=",", dtype={key: str}, encoding="utf-8-sig", thousands="."
            )
        return pd.read_csv(path, dtype={key: str}, encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(
            "The {what} '{path}' is not UTF-8 text. Save it as 'CSV UTF-8' (or as XLSX) "
            "and choose it again.",
            what=what,
            path=str(path),
        ) from exc


def _read_ogr(path: Path, layer: str | None, what: str) -> pd.DataFrame:
    layers = [name for name, _ in pyogrio.list_layers(path) if name != "layer_styles"]
    if layer is None:
        if len(layers) != 1:
            raise SourceError(
                "The {what} '{path}' has {n} tables; name one as "
                "'{path}|layername=NAME'. Its tables: {layers}.",
                what=what,
                path=str(path),
                n=len(layers),
                layers=", ".join(layers),
            )
        layer = layers[0]
    elif layer not in layers:
        raise SourceError(
            "The {what} '{path}' has no table '{layer}'. Its tables: {layers}.",
            what=what,
            path=str(path),
            layer=layer,
            layers=", ".join(layers),
        )
    frame = pyogrio.read_dataframe(path, layer=layer, read_geometry=False)
    return pd.DataFrame(frame)


def normalise_keys(
    keys: pd.Series, *, width: int = 8, what: str = N_("indicator table")
) -> tuple[pd.Series, Message | None]:
    """Keys as text; restore leading zeros lost when keys were read as numbers.

    When every key is a plain number (``1056001``, ``1056001.0``) and some are shorter
    than ``width``, all are padded with zeros to ``width`` digits and a note says so.
    Text keys are only stripped of surrounding blanks.

    Examples
    --------
    >>> keys, note = normalise_keys(pd.Series([1056001, 1056002]))
    >>> keys.tolist()
    ['01056001', '01056002']
    """
    if keys.dtype.kind in "iuf":
        values = keys.to_numpy()
        text = pd.Series(
            [None if pd.isna(v) else str(int(v)) for v in values], index=keys.index, dtype=object
        )
    else:
        text = keys.map(lambda v: None if v is None or (v != v) else str(v).strip())
    present = text.dropna()
    if len(present) and present.map(lambda v: bool(_NUMERIC_KEY.match(v))).all():
        digits = present.str.replace(r"\.0+$", "", regex=True)
        short = int((digits.str.len() < width).sum())
        if short:
            text = text.copy()
            text.loc[present.index] = digits.str.zfill(width)
            return text, Message(
                "{n} keys of the {what} were numbers without their leading zero "
                "(e.g. {example}); they were padded to {width} digits. Keep keys as text.",
                n=short,
                what=what,
                example=str(digits[digits.str.len() < width].iloc[0]),
                width=width,
            )
    return text.astype(object), None


def code_labels(values: pd.Series) -> pd.Series:
    """Codes (planning regions, size classes) as text, missing ones kept missing.

    A column of numbers reads as floats as soon as one cell is empty; its whole numbers
    are written without ``.0``, as they were written in the table.

    Examples
    --------
    >>> code_labels(pd.Series([1.0, 2.0, None, 2.5])).tolist()
    ['1', '2', None, '2.5']
    """
    if values.dtype.kind not in "iuf":
        return values.map(lambda v: None if v is None or (v != v) else str(v)).astype(object)
    return pd.Series(
        [None if pd.isna(v) else _number_text(float(v)) for v in values.to_numpy()],
        index=values.index,
        dtype=object,
    )


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)
