"""Reading and checking the indicator table; the years to report."""

from __future__ import annotations

import os
import re

import numpy as np
import pandas as pd

from .._table import normalise_keys, read_table
from ..errors import DataError, FieldError, ParameterError
from ..io import SYNTHETIC_LABEL
from ..messages import N_, Message
from .config import Config, _count_columns, load_config


def parse_years(text: str | None) -> list[int] | None:
    """Years from text: ``"2019-2023"``, ``"2021, 2023"``, ``"2023"``; empty → ``None``.

    Examples
    --------
    >>> parse_years("2019-2021, 2023")
    [2019, 2020, 2021, 2023]
    """
    if text is None or not str(text).strip():
        return None
    years: set[int] = set()
    compact = re.sub(r"\s*[-–]\s*", "-", str(text).strip())
    for part in re.split(r"[,;\s]+", compact):
        if not part:
            continue
        match = re.fullmatch(r"(\d{4})(?:\s*[-–]\s*(\d{4}))?", part)
        if match is None:
            raise ParameterError(
                "'{text}' is not a list of years; write e.g. 2023, 2019-2023 or 2021, 2023.",
                text=str(text),
            )
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if last < first:
            raise ParameterError(
                "The year range {first}-{last} runs backwards.", first=first, last=last
            )
        years.update(range(first, last + 1))
    return sorted(years)


def read_indicator_table(
    source: str | os.PathLike, *, config: Config | None = None, layer: str | None = None
) -> pd.DataFrame:
    """Read the indicator table (CSV, XLSX, GeoPackage table); the key stays text."""
    config = config or load_config()
    return read_table(source, key=config.key, layer=layer, what=N_("indicator table"))


def read_groups(
    source: str | os.PathLike, *, key: str = "ags", layer: str | None = None
) -> pd.DataFrame:
    """Read a mapping table key → group(s) (CSV, XLSX, GeoPackage table)."""
    return read_table(source, key=key, layer=layer, what=N_("group table"))


def _prepare_table(
    table: pd.DataFrame, config: Config, notes: list[Message]
) -> tuple[pd.DataFrame, bool]:
    if len(table) == 0:
        raise DataError("The indicator table is empty: it has no rows.")
    for col in (config.key, config.year):
        if col not in table.columns:
            raise FieldError(
                "The indicator table has no column '{column}' ({role}). Its columns: "
                "{columns}. Set key/year in the configuration.",
                column=col,
                role=N_("key") if col == config.key else N_("year"),
                columns=", ".join(map(str, table.columns)),
            )
    for ind in config.indicators:
        for col in (ind.numerator, ind.denominator):
            if col not in table.columns:
                raise FieldError(
                    "The indicator table has no column '{column}', which indicator '{indicator}' "
                    "needs. Its columns: {columns}.",
                    column=col,
                    indicator=ind.name,
                    columns=", ".join(map(str, table.columns)),
                )
    counts = _count_columns(config)
    keep = [config.key, config.year, *counts]
    has_name = config.name in table.columns and config.name not in keep
    if has_name:
        keep.insert(1, config.name)
    data = table[keep].copy()
    keys, note = normalise_keys(data[config.key], width=config.key_width)
    if note is not None:
        notes.append(note)
    data[config.key] = keys
    if data[config.key].isna().any():
        raise DataError(
            "{n} rows of the indicator table have no key ({key}).",
            n=int(data[config.key].isna().sum()),
            key=config.key,
        )
    years = pd.to_numeric(data[config.year], errors="coerce")
    if years.isna().any() or (years != years.round()).any():
        bad = data.loc[years.isna() | (years != years.round()), config.year].astype(str)
        raise DataError(
            "The year column '{column}' has values that are not years: {values}.",
            column=config.year,
            values=", ".join(bad.unique()[:5]),
        )
    data[config.year] = years.astype(np.int64)
    if not has_name:
        data[config.name] = data[config.key]
    dup = data.duplicated([config.key, config.year], keep=False)
    if dup.any():
        pairs = (
            data.loc[dup, [config.key, config.year]]
            .drop_duplicates()
            .astype(str)
            .agg(" ".join, axis=1)
        )
        raise DataError(
            "The indicator table has {n} duplicate (key, year) rows: {pairs}. Keep one row "
            "per unit and year.",
            n=int(dup.sum()),
            pairs=", ".join(pairs.head(10)),
        )
    for col in counts:
        values = pd.to_numeric(data[col], errors="coerce")
        text_bad = values.isna() & data[col].notna()
        if text_bad.any():
            raise DataError(
                "The column '{column}' has values that are not numbers: {values}.",
                column=col,
                values=", ".join(data.loc[text_bad, col].astype(str).unique()[:5]),
            )
        data[col] = values.astype(float)
        negative = data[col] < 0
        if negative.any():
            where = data.loc[negative, [config.key, config.year]].astype(str).agg(" ".join, axis=1)
            raise DataError(
                "The column '{column}' has {n} negative counts ({where}). Counts must be 0 or "
                "more; check the table.",
                column=col,
                n=int(negative.sum()),
                where=", ".join(where.head(10)),
            )
    for ind in config.indicators:
        if ind.kind != "rate":
            continue
        above = data[ind.numerator] > data[ind.denominator]
        if above.any():
            where = data.loc[above, [config.key, config.year]].astype(str).agg(" ".join, axis=1)
            raise DataError(
                "'{numerator}' is above its denominator '{denominator}' in {n} rows ({where}) "
                "of indicator '{indicator}': a part cannot exceed the whole.",
                numerator=ind.numerator,
                denominator=ind.denominator,
                n=int(above.sum()),
                where=", ".join(where.head(10)),
                indicator=ind.name,
            )
    synthetic = False
    if "synthetic" in table.columns:
        flag = pd.to_numeric(table["synthetic"], errors="coerce").fillna(0)
        synthetic = bool((flag != 0).any())
    if "source_note" in table.columns and not synthetic:
        synthetic = bool(table["source_note"].astype(str).str.contains(SYNTHETIC_LABEL).any())
    data = data.rename(columns={config.key: "key", config.name: "name", config.year: "year"})
    return data, synthetic


def _complete_grid(data: pd.DataFrame, config: Config, years: list[int]) -> pd.DataFrame:
    names = data.drop_duplicates("key").set_index("key")["name"]
    full = pd.MultiIndex.from_product([sorted(names.index), years], names=["key", "year"])
    data = data.set_index(["key", "year"]).drop(columns="name").reindex(full).reset_index()
    data.insert(1, "name", data["key"].map(names))
    return data
