"""Seeded synthetic social indicator counts (population, SGB II, Grundsicherung, income)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..errors import ParameterError
from ..io import SYNTHETIC_LABEL
from .common import DEFAULT_SEED, _prepare_gemeinden, _rng

INDICATOR_COUNT_FIELDS = (
    "population",
    "children_u15",
    "children_u15_sgb2",
    "youth_15_24",
    "youth_15_24_sgb2",
    "seniors_65plus",
    "seniors_grundsicherung",
    "households",
    "bedarfsgemeinschaften",
    "taxpayers",
    "income_total_eur",
)
"""The count fields of the indicator table (all non-negative integers)."""

INDICATOR_PAIRS = (
    ("children_u15_sgb2", "children_u15"),
    ("youth_15_24_sgb2", "youth_15_24"),
    ("seniors_grundsicherung", "seniors_65plus"),
    ("bedarfsgemeinschaften", "households"),
    ("children_u15", "population"),
    ("youth_15_24", "population"),
    ("seniors_65plus", "population"),
    ("households", "population"),
    ("taxpayers", "population"),
)
"""(numerator, denominator) pairs for which numerator ≤ denominator holds."""


# Synthetic but plausible adjustments of the deprivation score: the larger towns with
# more social housing higher, the affluent Hamburg suburbs lower.
_DEPRIVATION_SHIFT = {
    "01056015": 0.45,  # Elmshorn
    "01056049": 0.40,  # Uetersen
    "01056039": 0.35,  # Pinneberg
    "01056050": 0.20,  # Wedel
    "01056002": 0.20,  # Barmstedt
    "01056025": 0.10,  # Helgoland
    "01056043": -0.30,  # Rellingen
    "01056018": -0.30,  # Halstenbek
    "01056021": -0.25,  # Hasloh
    "01056005": -0.25,  # Bönningstedt
    "01056013": -0.20,  # Ellerbek
    "01056009": -0.25,  # Borstel-Hohenraden
}
_BG_SHARE_MIN = 0.002
_BG_SHARE_MAX = 0.125
# Common year effect on SGB II (2020 pandemic, from mid 2022 refugees from Ukraine).
_YEAR_EFFECT = {2019: 1.0, 2020: 1.04, 2021: 1.01, 2022: 1.05, 2023: 1.08}


def generate_indicators(
    gemeinden: pd.DataFrame,
    *,
    years: Iterable[int] = range(2019, 2024),
    seed: int = DEFAULT_SEED,
) -> pd.DataFrame:
    """Generate synthetic social indicator counts per municipality and year.

    All values are counts (rates are computed from them, so groups can be pooled).
    Population starts at ``EWZ_2018`` and grows slightly; age shares are plausible for
    Germany (about 13.5 % under 15, 10 % aged 15–24, 22 % 65 and older); households are
    about population / 2.1. The share of SGB II Bedarfsgemeinschaften among households
    ranges from about 0.2 % (rural) to about 13 % (Elmshorn, Uetersen, Pinneberg);
    child poverty is 1.5–2 times that share, youth poverty a little lower, old-age
    Grundsicherung 1–6 %; the average taxable income per taxpayer (30,000–60,000 EUR)
    falls as poverty rises. Each municipality has its own small trend, so rankings
    change a little from year to year. Small villages have counts below 3.

    Parameters
    ----------
    gemeinden
        Municipalities with ``AGS``, ``GEN`` and ``EWZ_2018`` (geometry not needed).
    years
        The years to generate (each after 2018).
    seed
        Seed of :func:`numpy.random.default_rng`.

    Returns
    -------
    pandas.DataFrame
        One row per municipality and year, sorted by ``ags`` and ``year``: ``ags``
        (8-digit text), ``name``, ``year``, the integer counts
        :data:`INDICATOR_COUNT_FIELDS`, ``synthetic`` (1) and ``source_note``
        (:data:`geolib.io.SYNTHETIC_LABEL`). For every pair in :data:`INDICATOR_PAIRS`
        the numerator is at most the denominator.

    Raises
    ------
    ParameterError
        No years, or a year before 2019.
    """
    years = sorted({int(y) for y in years})
    if not years:
        raise ParameterError("Give at least one year for the indicator table.")
    if years[0] < 2019:
        raise ParameterError(
            "Indicator years start after the 2018 base population; {year} is too early.",
            year=years[0],
        )
    gem = pd.DataFrame(_prepare_gemeinden(gemeinden).drop(columns="geometry", errors="ignore"))
    m = len(gem)
    rng = _rng(seed, 10)
    ags = gem["AGS"].to_numpy()
    pop0 = gem["EWZ_2018"].to_numpy(dtype=float)

    # Municipality parameters (drawn in a fixed order, one vector each).
    logp = np.log(np.maximum(pop0, 1.0))
    span = max(float(logp.max() - logp.min()), 1e-9)
    urban = (logp - logp.min()) / span  # 0 smallest village … 1 largest town
    growth = rng.normal(0.004, 0.004, m)
    share_u15 = np.clip(rng.normal(0.135, 0.012, m) + 0.01 * (0.5 - urban), 0.10, 0.17)
    share_youth = np.clip(rng.normal(0.10, 0.008, m), 0.08, 0.125)
    share_65 = np.clip(rng.normal(0.22, 0.022, m), 0.16, 0.29)
    hh_size = np.clip(2.3 - 0.35 * urban + rng.normal(0, 0.06, m), 1.85, 2.45)
    shift = np.array([_DEPRIVATION_SHIFT.get(a, 0.0) for a in ags])
    score = urban + shift + rng.normal(0, 0.15, m)
    q = (score - score.min()) / max(float(score.max() - score.min()), 1e-9)
    bg_share = _BG_SHARE_MIN * (_BG_SHARE_MAX / _BG_SHARE_MIN) ** (q**0.9)
    child_factor = rng.uniform(1.5, 2.0, m)
    youth_factor = child_factor * rng.uniform(0.7, 0.85, m)
    q_old = np.clip(q + rng.normal(0, 0.1, m), 0, 1)
    old_rate = 0.01 * 6.0**q_old
    taxpayer_share = np.clip(rng.normal(0.47, 0.015, m), 0.42, 0.52)
    q_inc = np.clip(q + rng.normal(0, 0.12, m), 0, 1)
    income_avg = 56_000 - 26_000 * q_inc
    trend = rng.normal(-0.01, 0.025, m)  # relative change of poverty per year
    income_growth = rng.normal(0.025, 0.008, m)

    frames = []
    for year in years:
        t = year - 2018
        noise = rng.normal(0, 0.003, m)
        population = np.round(pop0 * (1 + growth) ** t * (1 + noise)).astype(np.int64)
        population = np.maximum(population, 0)
        children = _binomial(rng, population, share_u15 + 0.0005 * t)
        youth = _binomial(rng, population - children, share_youth / (1 - share_u15))
        seniors = _binomial(rng, population - children - youth, (share_65 + 0.002 * t) / 0.76)
        households = np.minimum(
            np.round(population / (hh_size - 0.005 * t)).astype(np.int64), population
        )
        level = _YEAR_EFFECT.get(year, 1.08) * (1 + trend) ** (t - 1)
        bg_rate = np.clip(bg_share * level * np.exp(rng.normal(0, 0.03, m)), 0, 0.5)
        bg = _binomial(rng, households, bg_rate)
        child_sgb2 = _binomial(rng, children, np.clip(bg_rate * child_factor, 0, 0.6))
        youth_sgb2 = _binomial(rng, youth, np.clip(bg_rate * youth_factor, 0, 0.6))
        old_level = (1.0 + 0.03 * t) * np.exp(rng.normal(0, 0.03, m))
        grusi = _binomial(rng, seniors, np.clip(old_rate * old_level, 0, 0.2))
        taxpayers = _binomial(rng, population, taxpayer_share)
        avg = income_avg * (1 + income_growth) ** t * np.exp(rng.normal(0, 0.01, m))
        income = np.round(taxpayers * avg).astype(np.int64)
        frames.append(
            pd.DataFrame(
                {
                    "ags": ags,
                    "name": gem["GEN"].to_numpy(),
                    "year": np.full(m, year, dtype=np.int64),
                    "population": population,
                    "children_u15": children,
                    "children_u15_sgb2": child_sgb2,
                    "youth_15_24": youth,
                    "youth_15_24_sgb2": youth_sgb2,
                    "seniors_65plus": seniors,
                    "seniors_grundsicherung": grusi,
                    "households": households,
                    "bedarfsgemeinschaften": bg,
                    "taxpayers": taxpayers,
                    "income_total_eur": income,
                }
            )
        )
    table = pd.concat(frames, ignore_index=True)
    table = table.sort_values(["ags", "year"], kind="stable").reset_index(drop=True)
    for col in INDICATOR_COUNT_FIELDS:
        table[col] = table[col].astype(np.int64)
    table["synthetic"] = np.int64(1)
    table["source_note"] = SYNTHETIC_LABEL
    return table


def _binomial(rng: np.random.Generator, n: np.ndarray, p: np.ndarray | float) -> np.ndarray:
    p = np.clip(np.broadcast_to(np.asarray(p, dtype=float), np.shape(n)), 0.0, 1.0)
    return rng.binomial(np.maximum(np.asarray(n, dtype=np.int64), 0), p).astype(np.int64)
