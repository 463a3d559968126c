"""Benchmark: the Sozialformel on ~11,000 municipalities × 5 years, and the
pycnophylactic surface of Kreis Pinneberg's 49 municipalities at 50 m against PySAL
tobler's ``pycno`` (the engine of ``pycno_interpolate``), measured in the same run.

Run: ``.venv/bin/python bench/bench_sozialformel.py [--quick]``. Prints seconds and
the ratio tobler / geolib. The synthetic table is generated here (seeded); it is not
official data.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geolib.io import read_vector  # noqa: E402
from geolib.sozialformel import load_config, sozialformel  # noqa: E402
from geolib.surfaces import pycnophylactic_surface, zone_sums  # noqa: E402

N_UNITS = 10_994  # German municipalities (Gemeinden), 2022
YEARS = range(2019, 2024)


def synthetic_table(n: int = N_UNITS, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    pop0 = np.exp(rng.normal(7.5, 1.4, n)).round().astype(np.int64) + 50
    need = rng.beta(2, 5, n)
    keys = np.array([f"{i:08d}" for i in range(1, n + 1)], dtype=object)
    frames = []
    for t, year in enumerate(YEARS):
        pop = (pop0 * (1 + 0.003 * t)).astype(np.int64)
        kids = rng.binomial(pop, 0.135)
        youth = rng.binomial(pop, 0.10)
        old = rng.binomial(pop, 0.22)
        hh = (pop / 2.1).astype(np.int64)
        taxpayers = rng.binomial(pop, 0.47)
        frames.append(
            pd.DataFrame(
                {
                    "ags": keys,
                    "name": keys,
                    "year": year,
                    "population": pop,
                    "children_u15": kids,
                    "children_u15_sgb2": rng.binomial(kids, 0.25 * need),
                    "youth_15_24": youth,
                    "youth_15_24_sgb2": rng.binomial(youth, 0.2 * need),
                    "seniors_65plus": old,
                    "seniors_grundsicherung": rng.binomial(old, 0.06 * need),
                    "households": hh,
                    "bedarfsgemeinschaften": rng.binomial(hh, 0.12 * need),
                    "taxpayers": taxpayers,
                    "income_total_eur": (taxpayers * (56_000 - 26_000 * need)).astype(np.int64),
                    "synthetic": 1,
                }
            )
        )
    table = pd.concat(frames, ignore_index=True)
    groups = pd.DataFrame(
        {"ags": keys, "kreis": [f"K{int(k) % 400:03d}" for k in keys], "land": "DE"}
    )
    return table, groups


def bench_index() -> None:
    table, groups = synthetic_table()
    config = load_config()
    print(
        f"Sozialformel: {N_UNITS:,} municipalities × {len(YEARS)} years "
        f"({len(table):,} rows), Pinneberg preset, 400 Kreise + Germany as groups"
    )
    for validity in (False, True):
        start = time.perf_counter()
        res = sozialformel(table, config=config, groups=groups, validity=validity)
        seconds = time.perf_counter() - start
        label = "with validity report (200 weight draws, 5 scalings)" if validity else "index"
        print(f"  {label:<55}{seconds:7.2f} s  (target: a second or two)")
    assert len(res.table) == len(table)


def bench_surface(pixel: float) -> None:
    from tobler.pycno.pycno import pycno

    gemeinden = read_vector(ROOT / "data" / "kreis_pinneberg.gpkg", layer="gemeinden")
    gemeinden = gemeinden.to_crs(25832)
    print(
        f"Pycnophylactic surface, 49 municipalities (EWZ_2018), {pixel:g} m, "
        "boundary 'zero' = tobler handle_null=False"
    )
    start = time.perf_counter()
    ours = pycnophylactic_surface(gemeinden, field="EWZ_2018", pixel_size=pixel, boundary="zero")
    t_ours = time.perf_counter() - start
    error = float(np.abs(zone_sums(ours, gemeinden) - gemeinden["EWZ_2018"]).max())
    print(f"  geolib  {t_ours:8.2f} s  grid {ours.array.shape}, max total error {error:.1e}")
    start = time.perf_counter()
    theirs, _, _ = pycno(gemeinden, "EWZ_2018", pixel, handle_null=False, verbose=False)
    t_tobler = time.perf_counter() - start
    mine = ours.array[: theirs.shape[0], : theirs.shape[1]]
    both = ~np.isnan(theirs) & (mine != ours.nodata)
    corr = float(np.corrcoef(theirs[both], mine[both])[0, 1])
    print(f"  tobler  {t_tobler:8.2f} s  grid {theirs.shape}, correlation with geolib {corr:.4f}")
    print(f"  ratio tobler / geolib: {t_tobler / t_ours:.1f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="surface at 200 m instead of 50 m")
    args = parser.parse_args()
    bench_index()
    bench_surface(200.0 if args.quick else 50.0)


if __name__ == "__main__":
    main()
