"""Floating catchment accessibility (2SFCA, E2SFCA, gravity, supply/demand ratio) and
the nearest offer, on a long cost table so that any cost source plugs in.

A cost table is a DataFrame with the columns ``origin`` (row position of a demand
unit), ``destination`` (row position of a supply point) and ``cost`` (metres or
minutes); pairs beyond the maximum cost may be absent. :func:`straight_line_costs`
makes one from coordinates; a network (``geolib.network.od_costs``) gives the same shape.

Modules: :mod:`.decay` (methods, E2SFCA zones, gravity decay), :mod:`.costs` (cost
tables), :mod:`.pairs` (the memory guard), :mod:`.fca` (the scores from a cost table),
:mod:`.locations` (points of demand units and offers), :mod:`.layers` (layers in, layers
out: :func:`accessibility`) and :mod:`.areas` (weighted means per area).
"""

from __future__ import annotations

import inspect

from . import areas, costs, decay, fca, layers, locations, pairs
from .areas import weighted_mean_by_area
from .costs import COST_COLUMNS, nearest, straight_line_costs
from .decay import E2SFCA_WEIGHTS, METHODS, cost_weights, step_weights
from .fca import FloatingCatchment, floating_catchment
from .layers import AccessibilityResult, accessibility
from .pairs import BYTES_PER_PAIR, check_pairs, estimate_pairs

__all__ = [
    "BYTES_PER_PAIR",
    "COST_COLUMNS",
    "E2SFCA_WEIGHTS",
    "METHODS",
    "AccessibilityResult",
    "FloatingCatchment",
    "accessibility",
    "check_pairs",
    "cost_weights",
    "estimate_pairs",
    "floating_catchment",
    "nearest",
    "step_weights",
    "straight_line_costs",
    "weighted_mean_by_area",
]

#: ``doctest.testmod(geolib.accessibility)`` runs the examples of every module of the package
__test__ = {
    f"{module.__name__}.{name}": obj
    for module in (areas, costs, decay, fca, layers, locations, pairs)
    for name, obj in vars(module).items()
    if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == module.__name__
}
