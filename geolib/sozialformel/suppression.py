"""Data protection (Geheimhaltung) of the published outputs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..io import SYNTHETIC_LABEL
from ..messages import Message
from .config import Config
from .disclosure import STATUS_NAMES, Cells

INDEX_FIELDS = ("index_value", "index_rank", "index_percentile", "index_class")
CHANGE_FIELDS = ("index_change", "rank_change")


def _publishable(
    frame: pd.DataFrame,
    config: Config,
    years: list[int],
    synthetic: bool,
    publish: bool,
    *,
    unit: bool,
    cells: Cells,
) -> pd.DataFrame:
    """The published rows of ``years``: hidden cells NULL, ``*_suppression`` says why.

    ``cells`` come from :func:`.disclosure.protect` (aligned with ``frame``). With
    ``suppress_index``, the index of a row with a hidden cell is withheld, and so are its
    change and the next year's change (the index would follow as next year's index minus
    its change)."""
    keep = frame["year"].isin(years).to_numpy()
    rows = frame[keep]
    ident = ["key", "name", "year"] if unit else ["grouping", "group_name", "year", "n_units"]
    out = rows[ident].copy().reset_index(drop=True)
    if unit:
        out = out.rename(columns={"key": config.key})
    for ind in config.indicators:
        code = cells.status[ind.name][keep]
        hidden = code > 0
        num = rows[f"{ind.name}_num"].to_numpy(dtype=float)
        den = rows[f"{ind.name}_den"].to_numpy(dtype=float)
        out[f"{ind.name}_num"] = np.where(cells.num_hidden[ind.name][keep], np.nan, num)
        out[f"{ind.name}_den"] = np.where(cells.den_hidden[ind.name][keep], np.nan, den)
        for col in ("rate", "scaled"):
            values = rows[f"{ind.name}_{col}"].to_numpy(dtype=float)
            out[f"{ind.name}_{col}"] = np.where(hidden, np.nan, values)
        out[f"{ind.name}_suppressed"] = hidden.astype(np.int64)
        out[f"{ind.name}_suppression"] = np.asarray(STATUS_NAMES, dtype=object)[code]
    # every year's, also of years not selected: their index is in the next year's change
    withheld = np.zeros(len(frame), dtype=bool)
    if publish and config.suppress_index:
        for ind in config.indicators:
            withheld |= cells.status[ind.name] > 0
    _publish_index(out, rows, withheld[keep], unit=unit, hidden_at=_at(frame, withheld, unit))
    if unit:
        out["imputed"] = rows["imputed"].fillna("").to_numpy()
    out["synthetic"] = np.int64(1 if synthetic else 0)
    out["source_note"] = SYNTHETIC_LABEL if synthetic else ""
    return out


def _keys(rows: pd.DataFrame, unit: bool) -> np.ndarray:
    ident = ["key"] if unit else ["grouping", "group_name"]
    return rows[ident].astype(str).agg("\x1f".join, axis=1).to_numpy()


def _at(frame: pd.DataFrame, hidden: np.ndarray, unit: bool) -> set:
    """The (unit, year) pairs of ``frame`` whose index is withheld."""
    return set(zip(_keys(frame, unit)[hidden], frame["year"].to_numpy()[hidden]))


def _publish_index(
    out: pd.DataFrame, rows: pd.DataFrame, hide: np.ndarray, *, unit: bool, hidden_at: set
) -> None:
    """The index fields of ``rows`` into ``out``: NULL where ``hide``; the change also
    where the previous year's index is withheld (``hidden_at``, of every year computed:
    a previous year outside the selection would follow as index minus change)."""
    key = _keys(rows, unit)
    year = rows["year"].to_numpy()
    after_hidden = np.array([(k, y - 1) in hidden_at for k, y in zip(key, year)], dtype=bool)
    for col in INDEX_FIELDS:
        out[col] = np.where(hide, np.nan, rows[col].to_numpy(dtype=float))
    for col in CHANGE_FIELDS:
        out[col] = np.where(hide | after_hidden, np.nan, rows[col].to_numpy(dtype=float))
    out["index_suppressed"] = hide.astype(np.int64)
    out["index_suppression"] = np.where(hide, "secondary", "none").astype(object)
    out["change_suppression"] = np.where(hide | after_hidden, "secondary", "none").astype(object)
    for col in ("index_rank", "index_class", "rank_change"):
        out[col] = out[col].astype("Int64")


def protection_notes(table: pd.DataFrame, groups: pd.DataFrame, config: Config) -> list[Message]:
    """Notes on what the data protection withheld (counts per indicator)."""
    notes: list[Message] = []
    counts = {}
    for kind in ("primary", "secondary"):
        counts[kind] = {
            ind.name: sum(
                int((frame[f"{ind.name}_suppression"] == kind).sum())
                for frame in (table, groups)
                if f"{ind.name}_suppression" in frame
            )
            for ind in config.indicators
        }
    primary, secondary = counts["primary"], counts["secondary"]
    if sum(primary.values()):
        notes.append(
            Message(
                "Data protection: {n} values below the threshold ({threshold}) or on "
                "denominators below {min_den} are suppressed (NULL, flagged): {detail}.",
                n=sum(primary.values()),
                threshold=config.threshold,
                min_den=config.min_denominator,
                detail=", ".join(f"{k} {v}" for k, v in primary.items() if v),
            )
        )
    if sum(secondary.values()):
        notes.append(
            Message(
                "Data protection: {n} further values are suppressed (secondary suppression, "
                "field *_suppression = secondary) so that no suppressed value can be computed "
                "back from group totals: {detail}.",
                n=sum(secondary.values()),
                detail=", ".join(f"{k} {v}" for k, v in secondary.items() if v),
            )
        )
    flagged = table[[f"{i.name}_suppressed" for i in config.indicators]].any(axis=1)
    if config.suppress_index:
        withheld = int((table["index_suppressed"] == 1).sum())
        if withheld:
            notes.append(
                Message(
                    "Data protection: the index of {n} rows with suppressed values is withheld "
                    "(suppress_index = true), with its change and the next year's change.",
                    n=withheld,
                )
            )
    elif flagged.any():
        notes.append(
            Message(
                "suppress_index = false: the index of {n} rows with suppressed values is "
                "published; from it and the published values the suppressed counts can be "
                "computed back. Use these outputs only inside the administration, or set "
                "suppress_index = true.",
                n=int(flagged.sum()),
            )
        )
    return notes
