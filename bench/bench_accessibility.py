"""2SFCA and E2SFCA: geolib.accessibility.floating_catchment against PySAL ``access``.

Both get the same long cost table (straight-line distances from a 250 m grid of demand
cells over Kreis Pinneberg to the synthetic example offers, or to N random offers),
the values are compared and the time and peak memory (tracemalloc) of each printed.
Run: ``.venv/bin/python bench/bench_accessibility.py``.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
KREIS = ROOT / "data" / "kreis_pinneberg.gpkg"


def scene(cell: float = 250.0, n_offers: int = 2000, max_cost: float = 3000.0):
    import shapely

    from geolib.accessibility import straight_line_costs
    from geolib.io import read_vector

    kreis = read_vector(KREIS, layer="gemeinden").to_crs(25832).union_all()
    xmin, ymin, xmax, ymax = kreis.bounds
    xs, ys = np.meshgrid(np.arange(xmin, xmax, cell), np.arange(ymin, ymax, cell))
    xy = np.column_stack([xs.ravel(), ys.ravel()])
    xy = xy[shapely.contains_xy(kreis, xy[:, 0], xy[:, 1])]
    rng = np.random.default_rng(7)
    pop = rng.poisson(20, len(xy)).astype(float)
    sup_xy = xy[rng.choice(len(xy), n_offers, replace=False)] + rng.uniform(
        -100, 100, (n_offers, 2)
    )
    cap = rng.integers(1, 40, n_offers).astype(float)
    costs = straight_line_costs(xy, sup_xy, max_cost=max_cost)
    return pop, cap, costs


def measure(func, repeat: int = 3):
    """Value, best time of ``repeat`` runs, and peak traced memory (MB) of one more run."""
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        value = func()
        seconds.append(time.perf_counter() - start)
    tracemalloc.start()
    func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return value, min(seconds), peak / 1024**2


def pysal(method, pop, cap, costs, max_cost):
    from access import Access

    a = Access(
        demand_df=pd.DataFrame({"pop": pop}).rename_axis("geoid"),
        demand_index=True,
        demand_value="pop",
        supply_df=pd.DataFrame({"cap": cap}).rename_axis("geoid"),
        supply_index=True,
        supply_value="cap",
        cost_df=costs.rename(columns={"destination": "dest"}),
        cost_origin="origin",
        cost_dest="dest",
        cost_name="cost",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if method == "2sfca":
            out = a.two_stage_fca(name="x", max_cost=max_cost)
        else:
            from access import weights

            fn = weights.step_fn({max_cost / 3: 1, 2 * max_cost / 3: 0.68, max_cost: 0.22})
            out = a.enhanced_two_stage_fca(name="x", max_cost=max_cost, weight_fn=fn)
    return out["x_cap"].reindex(range(len(pop))).to_numpy(dtype=float)


def main() -> None:
    from geolib.accessibility import floating_catchment

    max_cost = 3000.0
    pop, cap, costs = scene(max_cost=max_cost)
    print(
        f"{len(pop):,} demand cells (250 m), {len(cap):,} offers, {len(costs):,} pairs "
        f"within {max_cost:g} m"
    )
    for method in ("2sfca", "e2sfca"):
        ours, t_ours, m_ours = measure(
            lambda m=method: floating_catchment(pop, cap, costs, max_cost=max_cost, method=m)
        )
        repeat = 1 if method == "e2sfca" else 3  # PySAL's E2SFCA takes seconds
        theirs, t_theirs, m_theirs = measure(
            lambda m=method: pysal(m, pop, cap, costs, max_cost), repeat=repeat
        )
        ok = ~np.isnan(theirs)
        diff = np.max(np.abs(ours.score[ok] - theirs[ok]) / np.maximum(theirs[ok], 1e-300))
        print(
            f"  {method:7s} max relative difference {diff:.1e}; "
            f"geolib {t_ours:6.3f} s, peak {m_ours:6.1f} MB; "
            f"PySAL access {t_theirs:6.3f} s, peak {m_theirs:6.1f} MB; "
            f"geolib is {t_theirs / t_ours:.0f}× faster"
        )


if __name__ == "__main__":
    main()
