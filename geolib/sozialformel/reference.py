"""The reference year's bounds and class breaks: written out, read back as ``[reference]``.

A run writes what makes its years comparable (the min and max of each indicator scaled
with ``minmax_reference``, the combined index's bounds of the post-scaling and the class
thresholds) as a ``[reference]`` table (:func:`reference_toml`); a later run with that
table in its configuration scales and classifies exactly as the earlier one did, even when
its indicator table no longer holds the reference year.

Data protection: bounds taken from the data are computed from the published values only
(see :mod:`.engine`), so no bound written here is a withheld value.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .config import Config


def reference_values(
    config: Config, params: dict[str, Any], year: int | None, edges: Sequence[float] | None
) -> dict[str, Any]:
    """The ``[reference]`` table of a run (see :func:`.config.load_config`).

    ``params`` are the units' scaling parameters (:class:`.engine._Evaluated`); ``edges``
    the class edges fixed for every year (``None`` with ``classes.per_year``)."""
    out: dict[str, Any] = {}
    ref_year = config.reference_year if config.reference_year is not None else year
    if ref_year is not None:
        out["year"] = int(ref_year)
    bounds = {}
    for ind in config.indicators:
        if config.scaling_of(ind) != "minmax_reference":
            continue
        p = params["scale"][ind.name]
        lo, hi = float(p["lo"]), float(p["hi"])
        if ind.reverse:  # the bounds of the directed value (−rate)
            lo, hi = -hi, -lo
        if np.isfinite([lo, hi]).all() and lo < hi:
            bounds[ind.name] = [lo, hi]
    if bounds:
        out["bounds"] = bounds
    if config.post_scaling == "minmax_reference" and params.get("post") is not None:
        lo, hi = (float(v) for v in params["post"])
        if np.isfinite([lo, hi]).all() and lo < hi:
            out["index"] = [lo, hi]
    if edges is not None and len(edges) > 2:
        out["breaks"] = [float(b) for b in edges[1:-1]]
    return out


def reference_toml(reference: dict[str, Any]) -> str:
    """``reference`` as a TOML ``[reference]`` table (numbers exact: ``repr``)."""
    lines = ["[reference]"]
    if "year" in reference:
        lines.append(f"year = {int(reference['year'])}")
    if "index" in reference:
        lines.append(f"index = {_numbers(reference['index'])}")
    if "breaks" in reference:
        lines.append(f"breaks = {_numbers(reference['breaks'])}")
    if reference.get("bounds"):
        lines.append("[reference.bounds]")
        lines += [f"{name} = {_numbers(b)}" for name, b in reference["bounds"].items()]
    return "\n".join(lines) + "\n"


def _numbers(values: Sequence[float]) -> str:
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"
