"""Readable, translatable labels of the configuration words (``weighted_mean`` →
"weighted mean"; German "gewichtetes Mittel" through the catalogue, context ``geolib``).

Outputs for people (the validity report, notes) show these labels, never the TOML
words; the Processing side translates them like every catalogue phrase.
"""

from __future__ import annotations

from ..messages import N_

LABELS: dict[str, str] = {
    # scalings and post-scalings
    "minmax": N_("min–max"),
    "minmax_reference": N_("min–max against the reference year or bounds"),
    "zscore": N_("z-score"),
    "percentile": N_("percentile"),
    "rank": N_("rank"),
    "raw": N_("raw values"),
    "none": N_("none"),
    # combinations
    "weighted_mean": N_("weighted mean"),
    "sum": N_("weighted sum"),
    "geometric_mean": N_("weighted geometric mean"),
    "product": N_("weighted product"),
    # classes
    "quantile": N_("quantiles"),
    "equal_interval": N_("equal intervals"),
    "stddev": N_("standard deviation"),
    "natural_breaks": N_("natural breaks (Jenks)"),
    "custom": N_("custom breaks"),
    # missing values
    "refuse": N_("refuse (an error names the gaps)"),
    "drop": N_("leave out"),
    "carry": N_("carry forward from an earlier year"),
    "group_mean": N_("mean of the unit's group"),
}


def label(word: str) -> str:
    """The catalogue label of a configuration word (the word itself if it has none)."""
    return LABELS.get(word, word)
