"""Filters and counts of checked Hilfeportal offers (categories, target groups, text)."""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import pandas as pd

from .checks import _parse_list

__all__ = ["filter_offers", "term_counts"]


def term_counts(offers: pd.DataFrame, column: str) -> dict[str, int]:
    """How many offers carry each term of a list column (``categories``, ...), by name."""
    counts: dict[str, int] = {}
    for value in offers[column].dropna():
        for term in _parse_list(value):
            counts[term] = counts.get(term, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: kv[0].casefold()))


def filter_offers(
    offers: gpd.GeoDataFrame,
    *,
    categories: Iterable[str] | None = None,
    target_groups: Iterable[str] | None = None,
    search: str | None = None,
) -> gpd.GeoDataFrame:
    """The offers that have one of ``categories`` and one of ``target_groups`` and match ``search``.

    ``None`` for a list means no filter; an empty list keeps nothing. ``search`` is
    plain text (no pattern), compared case-insensitively with title, provider,
    address, categories and target groups; every word must occur.

    Examples
    --------
    >>> kids = filter_offers(offers, categories=["Kinder, Jugend und Familie"])  # doctest: +SKIP
    """
    mask = np.ones(len(offers), dtype=bool)
    if categories is not None:
        wanted = set(categories)
        mask &= (
            offers["categories"]
            .map(lambda v: bool(wanted & set(_parse_list(v))))
            .to_numpy(dtype=bool)
        )
    if target_groups is not None:
        wanted_t = set(target_groups)
        mask &= (
            offers["target_groups"]
            .map(lambda v: bool(wanted_t & set(_parse_list(v))))
            .to_numpy(dtype=bool)
        )
    words = [w.casefold() for w in (search or "").split() if w]
    if words and not offers.empty:  # (the row-wise join of no rows is not a text column)
        text = (
            offers[["title", "provider", "address", "categories", "target_groups"]]
            .fillna("")
            .astype(str)
            .agg(" ".join, axis=1)
            .str.casefold()
        )
        for word in words:
            mask &= text.str.contains(word, regex=False).to_numpy(dtype=bool)
    return offers[mask].copy()


# --------------------------------------------------------------------------------------
# cache
