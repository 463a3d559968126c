"""People reached by catchments, and people left outside them, per area and in total.

Population comes as points with counts (addresses, buildings) or as polygons with counts
(grid cells such as the Zensus 1 km cells, or whole municipalities). A polygon's count
is spread evenly over its area: a cell half covered by a catchment contributes half its
count. With ``population_areas`` (e.g. the municipalities) the counts are first split
between the areas: every cell is cut by the area borders and each piece keeps its share
of the count by area (area-weighted interpolation, as ``tobler.area_weighted``), so a
cell across two municipalities gives each the part that lies in it, and the part of a
cell outside every area (a neighbouring Kreis) counts nowhere. The areas' totals then
are the area-weighted sums of the cells.

Cells that are partly sea (Helgoland's Zensus cells) would lose most of their people to
the sea that way: with ``land_share_field`` (the share of each cell's area on land, 1 for
mainland cells) a cell's count is spread over its land share instead, so a cell whose
land lies wholly in the areas gives them its full count.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .crs import require_crs
from .errors import DataError, FieldError, GeometryError, ParameterError
from .messages import N_, Message, Number
from .validate import numeric_field, require_field

EVEN_SPREAD_NOTE = N_(
    "The population of each polygon is assumed evenly spread over its area, so a reached "
    "share such as '13 % of a municipality' is the share of its area. With a population "
    "grid or points (and the municipalities as areas) the shares follow where people live."
)
TOTAL_NOTE = N_(
    "{break_value} {unit}: {reached} of {population} people reached ({pct} %), "
    "{unreached} not reached (all areas together)."
)


@dataclass
class PopulationPieces:
    """Population as pieces with counts, each belonging to one unit (area or polygon).

    ``geoms`` are polygons (counts spread evenly over each) or points; ``unit`` is the
    row of ``units`` (the areas, or the population polygons themselves) of each piece,
    and ``units`` is ``None`` for points without areas (one total per break).
    """

    geoms: np.ndarray
    counts: np.ndarray
    unit: np.ndarray
    units: pd.DataFrame | None
    polygonal: bool
    notes: list[Message] = field(default_factory=list)


@dataclass(frozen=True)
class Population:
    """A population to count in catchments: the layer, its count field and, optionally,
    the areas to count it per and the cells' land share field (see
    :func:`population_pieces`); made by :func:`checked_population`."""

    frame: gpd.GeoDataFrame
    field: str
    areas: gpd.GeoDataFrame | None = None
    land_share_field: str | None = None


def population_pieces(
    population: gpd.GeoDataFrame,
    population_field: str,
    *,
    population_areas: gpd.GeoDataFrame | None = None,
    land_share_field: str | None = None,
    crs=None,
) -> PopulationPieces:
    """Split the population into pieces with counts, one unit each.

    Parameters
    ----------
    population
        Polygons or points with counts in ``population_field``.
    population_areas
        Optional areas (e.g. municipalities) to count per; polygons are cut at their
        borders (area-weighted), points go to the area they lie in.
    land_share_field
        Share of each polygon's area on land (0–1; NULL counts as 1); needs
        ``population_areas``. A polygon's count is spread over that share of its
        area.
    crs
        CRS of the result (default: the population's).

    Notes
    -----
    A piece :math:`Z_j \\cap A_k` gets :math:`P_j |Z_j \\cap A_k| / \\max(s_j |Z_j|,
    \\sum_k |Z_j \\cap A_k|)` with the land share :math:`s_j` (1 without the field):
    :math:`P_j |Z_j \\cap A_k| / |Z_j|` for whole land cells, the full :math:`P_j` for a
    cell whose land lies in the areas, and never more than :math:`P_j` in total.
    """
    what = N_("population layer")
    counts, polygonal, share = _checked(
        population, population_field, population_areas, land_share_field, what
    )
    pop = population.reset_index(drop=True)
    if crs is not None and not pop.crs.equals(crs):
        pop = pop.to_crs(crs)
    counts = counts.fillna(0.0).to_numpy(dtype=float)
    pgeoms = np.asarray(pop.geometry.values)
    if polygonal:
        pgeoms = _polygonal_parts(shapely.make_valid(pgeoms))
    notes: list[Message] = []
    if population_areas is None:
        if not polygonal:
            return PopulationPieces(pgeoms, counts, np.zeros(len(pgeoms), int), None, False)
        units = _attributes(pop)
        notes.append(Message(EVEN_SPREAD_NOTE))
        return PopulationPieces(pgeoms, counts, np.arange(len(pgeoms)), units, True, notes)

    areas = population_areas.reset_index(drop=True)
    if not areas.crs.equals(pop.crs):
        areas = areas.to_crs(pop.crs)
    ageoms = _polygonal_parts(shapely.make_valid(np.asarray(areas.geometry.values)))
    units = _attributes(areas)
    tree = shapely.STRtree(ageoms)
    if not polygonal:
        ip, ia = tree.query(pgeoms, predicate="intersects")
        first = ~pd.Series(ip).duplicated().to_numpy()  # a point on a border: first area
        ip, ia = ip[first], ia[first]
        outside = len(pgeoms) - len(ip)
        if outside:
            notes.append(
                Message(
                    "{n} population points ({people} people) lie outside every area; they "
                    "are not counted.",
                    n=outside,
                    people=_people(counts.sum() - counts[ip].sum()),
                )
            )
        return PopulationPieces(pgeoms[ip], counts[ip], ia, units, False, notes)

    share = np.ones(len(pgeoms)) if share is None else share
    ip, ia = tree.query(pgeoms, predicate="intersects")
    inter = _polygonal_parts(shapely.intersection(pgeoms[ip], ageoms[ia]))
    inter_area = shapely.area(inter)
    keep = inter_area > 0
    ip, ia, inter, inter_area = ip[keep], ia[keep], inter[keep], inter_area[keep]
    inside = np.bincount(ip, weights=inter_area, minlength=len(pgeoms))
    denom = np.maximum(shapely.area(pgeoms) * share, inside)
    with np.errstate(invalid="ignore", divide="ignore"):
        piece_counts = np.where(denom[ip] > 0, counts[ip] * inter_area / denom[ip], 0.0)
    notes.append(
        Message(
            "Population counted per area: polygons cut at the area borders, each piece "
            "with its share of the count by area; {people} of {total} people lie outside "
            "every area and are not counted.",
            people=_people(counts.sum() - piece_counts.sum()),
            total=_people(counts.sum()),
        )
    )
    return PopulationPieces(inter, piece_counts, ia, units, True, notes)


def check_population(
    population: gpd.GeoDataFrame | None,
    population_field: str | None,
    *,
    population_areas: gpd.GeoDataFrame | None = None,
    land_share_field: str | None = None,
    what: str = N_("population layer"),
) -> None:
    """Refuse a population that cannot be counted, with a message naming the fix.

    The checks :func:`population_pieces` makes, without its work: callers make them
    before routing (minutes on a large network), so a wrong field is named at once.
    Without a population (``None``), areas and a land share field are refused: they
    would count nothing.
    """
    if population is not None:
        _checked(population, population_field, population_areas, land_share_field, what)
    elif population_areas is not None or land_share_field:
        raise ParameterError(
            "Areas and a land share field count a population per area: give the "
            "population layer too, or leave them out."
        )


def checked_population(
    population: gpd.GeoDataFrame | None,
    population_field: str | None,
    *,
    population_areas: gpd.GeoDataFrame | None = None,
    land_share_field: str | None = None,
) -> Population | None:
    """:func:`check_population`, then the population as one :class:`Population`
    (``None`` without one), to count once the catchments are built."""
    check_population(
        population,
        population_field,
        population_areas=population_areas,
        land_share_field=land_share_field,
    )
    if population is None:
        return None
    return Population(population, str(population_field), population_areas, land_share_field)


def _checked(population, population_field, population_areas, land_share_field, what):
    """(counts, polygonal, land share or None) of a population that can be counted."""
    if not population_field:
        raise FieldError(
            "The {what} needs its population field (the number of people). Its number "
            "fields are: {fields}.",
            what=what,
            fields=", ".join(_number_fields(population)) or "—",
        )
    require_crs(population, what=what)
    counts = numeric_field(population, population_field, what=what)
    if (counts < 0).any():
        raise DataError(
            "The population field '{field}' has {n} negative values. Counts cannot be negative.",
            field=population_field,
            n=int((counts < 0).sum()),
        )
    if land_share_field and population_areas is None:
        raise ParameterError(
            "The land share field needs areas (e.g. the municipalities): the land part of "
            "a cell is where it lies in them."
        )
    geoms = np.asarray(population.geometry.values)
    kinds = set(shapely.get_type_id(geoms[~pd.isna(geoms)]))
    polygonal = kinds <= {3, 6}
    if not (polygonal or kinds <= {0, 4}):
        raise GeometryError(
            "The {what} must have polygons (areas with counts) or points, not lines.",
            what=what,
        )
    if population_areas is not None:
        require_crs(population_areas, what=N_("areas layer"))
    return counts, polygonal, _land_share(population, land_share_field, what)


def _land_share(population, land_share_field, what) -> np.ndarray | None:
    """Each polygon's share of its area on land (NULL counts as 1), checked to be 0–1."""
    if not land_share_field:
        return None
    require_field(population, land_share_field, what=what)
    raw = numeric_field(population, land_share_field, what=what).to_numpy(dtype=float)
    bad = (raw <= 0) | (raw > 1)
    if np.any(bad):
        raise DataError(
            "The land share field '{field}' has {n} values outside 0–1 (above 0, at "
            "most 1): it is the share of each cell's area on land.",
            field=land_share_field,
            n=int(bad.sum()),
        )
    return np.where(np.isnan(raw), 1.0, raw)


def _number_fields(frame: pd.DataFrame) -> list[str]:
    """The names of the numeric (not yes/no) fields of ``frame``, without a
    GeoPackage's feature id ``fid``."""
    skip = {getattr(frame, "_geometry_column_name", None), "fid"}
    return [
        str(name)
        for name in frame.columns
        if name not in skip
        and pd.api.types.is_numeric_dtype(frame[name].dtype)
        and not pd.api.types.is_bool_dtype(frame[name].dtype)
    ]


def population_per_area(
    population: gpd.GeoDataFrame,
    population_field: str,
    population_areas: gpd.GeoDataFrame,
    *,
    land_share_field: str | None = None,
) -> gpd.GeoDataFrame:
    """The areas with ``population``: the count of the population inside each.

    Polygons are area-weighted (``tobler.area_weighted.area_interpolate`` with an
    extensive variable, when no land share is given), points are summed per area.
    """
    pieces = population_pieces(
        population,
        population_field,
        population_areas=population_areas,
        land_share_field=land_share_field,
    )
    out = population_areas.reset_index(drop=True).copy()
    out["population"] = np.bincount(pieces.unit, weights=pieces.counts, minlength=len(out))
    return out


def reached_population(
    areas: gpd.GeoDataFrame,
    population: gpd.GeoDataFrame,
    *,
    population_field: str,
    break_col: str | None = None,
    rings: bool = False,
    population_areas: gpd.GeoDataFrame | None = None,
    land_share_field: str | None = None,
) -> tuple[np.ndarray, pd.DataFrame]:
    """People inside each catchment area, and reached/unreached per unit and break.

    Parameters
    ----------
    areas
        Catchment polygons with ``break_no`` (and the break column).
    population
        Polygons (counts spread evenly over their area, e.g. grid cells) or points with
        counts.
    population_field
        The numeric count field.
    break_col
        ``break_min`` or ``break_m`` (detected when omitted).
    rings
        Whether the areas are rings (the coverage of a break then is the union of
        all rings up to it).
    population_areas, land_share_field
        Optional areas (e.g. municipalities) to count per, see
        :func:`population_pieces`.

    Returns
    -------
    (counts, table)
        The population of every catchment area, and a table with one row per unit and
        break — ``population``, ``reached``, ``unreached``, ``reached_pct`` with the
        unit's fields. Units are the population areas when given, else the population
        polygons; points without areas give one row per break.

    Notes
    -----
    :math:`P(A) = \\sum_j P_j \\, |A \\cap Z_j| / |Z_j|` for polygons (pieces)
    :math:`Z_j`, :math:`P(A) = \\sum_{p_j \\in A} P_j` for points; reached plus
    unreached equals the population of every unit.
    """
    counted = Population(population, population_field, population_areas, land_share_field)
    counts, table, _ = _reached(areas, counted, break_col, rings)
    return counts, table


def population_totals(table: pd.DataFrame, break_col: str) -> pd.DataFrame:
    """Reached and unreached population of all units together, per break."""
    sums = table.groupby(break_col, sort=True)[["population", "reached", "unreached"]].sum()
    sums = sums.reset_index()
    with np.errstate(invalid="ignore", divide="ignore"):
        sums["reached_pct"] = np.where(
            sums["population"] > 0, 100.0 * sums["reached"] / sums["population"], np.nan
        )
    return sums


def _reached(areas, counted: Population, break_col, rings):
    pieces = population_pieces(
        counted.frame,
        counted.field,
        population_areas=counted.areas,
        land_share_field=counted.land_share_field,
        crs=areas.crs,
    )
    break_col = break_col or ("break_min" if "break_min" in areas.columns else "break_m")
    agg = np.asarray(areas.geometry.values)
    per_area = _share_function(pieces.geoms, pieces.counts, pieces.polygonal)(agg)
    n_units = 1 if pieces.units is None else len(pieces.units)
    population_per_unit = np.bincount(pieces.unit, weights=pieces.counts, minlength=n_units)
    rows = []
    breaks = areas[["break_no", break_col]].drop_duplicates().sort_values("break_no")
    for bno, bval in breaks.itertuples(index=False):
        mask = (areas["break_no"] <= bno) if rings else (areas["break_no"] == bno)
        coverage = shapely.union_all(agg[mask.to_numpy()])
        reached = np.bincount(
            pieces.unit, weights=_reached_counts(pieces, coverage), minlength=n_units
        )
        frame = (
            pd.DataFrame(index=[0]) if pieces.units is None else pieces.units.copy()
        ).reset_index(drop=True)
        frame[break_col] = bval
        frame["population"] = population_per_unit
        frame["reached"] = reached
        rows.append(frame)
    table = pd.concat(rows, ignore_index=True)
    table["unreached"] = table["population"] - table["reached"]
    with np.errstate(invalid="ignore", divide="ignore"):
        table["reached_pct"] = np.where(
            table["population"] > 0, 100.0 * table["reached"] / table["population"], np.nan
        )
    notes = list(pieces.notes)
    if pieces.units is not None and len(pieces.units) > 1:
        unit = "min" if break_col == "break_min" else "m"
        for row in population_totals(table, break_col).itertuples(index=False):
            notes.append(
                Message(
                    TOTAL_NOTE,
                    break_value=Number(getattr(row, break_col)),
                    unit=unit,
                    reached=_people(row.reached),
                    population=_people(row.population),
                    pct=Number(round(row.reached_pct, 1) if row.population > 0 else 0.0),
                    unreached=_people(row.unreached),
                )
            )
    return per_area, table, notes


def _reached_counts(pieces: PopulationPieces, coverage) -> np.ndarray:
    """The count of every piece inside ``coverage``."""
    if not pieces.polygonal:
        return np.where(shapely.intersects(pieces.geoms, coverage), pieces.counts, 0.0)
    with np.errstate(invalid="ignore"):
        inter = shapely.area(shapely.intersection(pieces.geoms, coverage))
    total = shapely.area(pieces.geoms)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, pieces.counts * np.minimum(inter / total, 1.0), 0.0)


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


def _attributes(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """The fields of a layer without geometry and fid (they repeat per break)."""
    out = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    return out.drop(columns=[c for c in out.columns if str(c).lower() == "fid"])


def _polygonal_parts(geoms: np.ndarray) -> np.ndarray:
    """Polygons as they are; of a collection (an intersection) only its polygons."""
    out = np.array(geoms, dtype=object)
    kinds = shapely.get_type_id(out)
    for i in np.flatnonzero(kinds == 7):  # GeometryCollection
        parts = shapely.get_parts(out[i])
        parts = parts[np.isin(shapely.get_type_id(parts), (3, 6))]
        out[i] = shapely.union_all(parts) if len(parts) else shapely.Polygon()
    return out


def _people(value: float) -> int:
    return round(float(value))


def _with_population(result, counted: Population, break_col, rings):
    """``result`` with the population of every area and the table of reached people."""
    counts, table, notes = _reached(result.areas, counted, break_col, rings)
    areas = result.areas.copy()
    areas["population"] = counts
    result.areas = areas
    result.population = table
    result.notes = list(result.notes) + notes
    return result
