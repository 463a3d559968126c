"""People reached by catchments, and people left outside them, per municipality."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .crs import require_crs
from .errors import DataError, FieldError, GeometryError
from .messages import N_
from .validate import numeric_field


def reached_population(
    areas: gpd.GeoDataFrame,
    population: gpd.GeoDataFrame,
    *,
    population_field: str,
    break_col: str | None = None,
    rings: bool = False,
) -> tuple[np.ndarray, pd.DataFrame]:
    """People inside each area, and reached/unreached per population unit and break.

    Parameters
    ----------
    areas
        Catchment polygons with ``break_no`` (and the break column).
    population
        Polygons (counts spread evenly over their area) or points with counts.
    population_field
        The numeric count field.
    break_col
        ``break_min`` or ``break_m`` (detected when omitted).
    rings
        Whether the areas are rings (the coverage of a break then is the union of
        all rings up to it).

    Returns
    -------
    (counts, table)
        The population of every area, and a table with one row per population
        polygon (all its fields) and break — ``population``, ``reached``,
        ``unreached``, ``reached_pct`` — or, for points, one row per break.

    Notes
    -----
    :math:`P(A) = \\sum_j P_j \\, |A \\cap Z_j| / |Z_j|` for polygons :math:`Z_j`,
    :math:`P(A) = \\sum_{p_j \\in A} P_j` for points; reached plus unreached equals
    the population of every unit.
    """
    what = N_("population layer")
    require_crs(population, what=what)
    counts = numeric_field(population, population_field, what=what)
    if (counts < 0).any():
        raise DataError(
            "The population field '{field}' has {n} negative values. Counts cannot be negative.",
            field=population_field,
            n=int((counts < 0).sum()),
        )
    pop = population.reset_index(drop=True)
    if not pop.crs.equals(areas.crs):
        pop = pop.to_crs(areas.crs)
    counts = counts.fillna(0.0).to_numpy()
    break_col = break_col or ("break_min" if "break_min" in areas.columns else "break_m")
    pgeoms = np.asarray(pop.geometry.values)
    kinds = set(shapely.get_type_id(pgeoms[~pd.isna(pgeoms)]))
    polygonal = kinds <= {3, 6}
    pointal = kinds <= {0, 4}
    if not (polygonal or pointal):
        raise GeometryError(
            "The {what} must have polygons (areas with counts) or points, not lines.",
            what=what,
        )
    if polygonal:
        pgeoms = shapely.make_valid(pgeoms)
    share = _share_function(pgeoms, counts, polygonal)
    agg = np.asarray(areas.geometry.values)
    per_area = share(agg)
    # coverage per break: union of all areas up to it (rings) or of that break
    rows = []
    breaks = areas[["break_no", break_col]].drop_duplicates().sort_values("break_no")
    for bno, bval in breaks.itertuples(index=False):
        mask = (areas["break_no"] <= bno) if rings else (areas["break_no"] == bno)
        coverage = shapely.union_all(agg[mask.to_numpy()])
        if polygonal:
            with np.errstate(invalid="ignore"):
                inter = shapely.area(shapely.intersection(pgeoms, coverage))
            total = shapely.area(pgeoms)
            with np.errstate(invalid="ignore", divide="ignore"):
                reached = np.where(total > 0, counts * np.minimum(inter / total, 1.0), 0.0)
            frame = pd.DataFrame(pop.drop(columns=pop.geometry.name))
            frame = frame.drop(columns=[c for c in frame.columns if str(c).lower() == "fid"])
            frame[break_col] = bval
            frame["population"] = counts
            frame["reached"] = reached
        else:
            inside = shapely.intersects(pgeoms, coverage)
            frame = pd.DataFrame(
                {break_col: [bval], "population": [counts.sum()], "reached": [counts[inside].sum()]}
            )
        rows.append(frame)
    table = pd.concat(rows, ignore_index=True)
    table["unreached"] = table["population"] - table["reached"]
    with np.errstate(invalid="ignore", divide="ignore"):
        table["reached_pct"] = np.where(
            table["population"] > 0, 100.0 * table["reached"] / table["population"], np.nan
        )
    return per_area, table


def _share_function(pgeoms, counts, polygonal):
    tree = shapely.STRtree(pgeoms)
    total = shapely.area(pgeoms) if polygonal else None

    def share(geoms: np.ndarray) -> np.ndarray:
        out = np.zeros(len(geoms))
        if total is not None:  # polygonal
            ia, ip = tree.query(geoms, predicate="intersects")
            if len(ia):
                inter = shapely.area(shapely.intersection(geoms[ia], pgeoms[ip]))
                with np.errstate(invalid="ignore", divide="ignore"):
                    w = np.where(total[ip] > 0, inter / total[ip], 0.0)
                np.add.at(out, ia, counts[ip] * np.minimum(w, 1.0))
        else:
            ia, ip = tree.query(geoms, predicate="intersects")
            np.add.at(out, ia, counts[ip])
        return out

    return share


def _with_population(result, population, population_field, break_col, rings):
    if not population_field:
        raise FieldError("A population layer needs its population field (the number of people).")
    counts, table = reached_population(
        result.areas,
        population,
        population_field=population_field,
        break_col=break_col,
        rings=rings,
    )
    areas = result.areas.copy()
    areas["population"] = counts
    result.areas = areas
    result.population = table
    return result
