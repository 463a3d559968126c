"""Offer density: offers per inhabitants (and, later, kernel density surfaces)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from .crs import to_metric
from .errors import ParameterError
from .io import require_rows
from .messages import N_, Message
from .validate import (
    drop_null_geometries,
    numeric_field,
    repair_polygons,
    require_field,
    require_geometry_type,
)

UNCATEGORISED = "uncategorised"


@dataclass
class OffersPerPopulationResult:
    """Result of :func:`offers_per_population`.

    Attributes
    ----------
    areas
        The areas with ``offers``, ``offers_per_<per>``, ``rate_note`` and one
        ``n_<category>`` count per category.
    outside
        Offers that lie in no area (with their attributes), for checking.
    categories
        Category value → field name of its count.
    notes
        Messages for the user (reprojection, repairs, skipped offers).
    """

    areas: gpd.GeoDataFrame
    outside: gpd.GeoDataFrame
    categories: dict[str, str] = field(default_factory=dict)
    notes: list[Message] = field(default_factory=list)


def slug(text: str) -> str:
    """A field-name-safe ASCII slug: ``'Jugend & Familie'`` → ``'jugend_familie'``."""
    text = str(text).strip().lower()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    return text or "empty"


def offers_per_population(
    areas: gpd.GeoDataFrame,
    offers: gpd.GeoDataFrame,
    *,
    population_field: str,
    category_field: str | None = None,
    per: float = 1000,
    crs: str | int | None = None,
    separator: str = ";",
) -> OffersPerPopulationResult:
    """Count offers per area and relate them to the population.

    Parameters
    ----------
    areas
        Polygons (municipalities, planning regions) with a population field.
    offers
        Points (multipoints are counted once, at their first point).
    population_field
        Numeric field of ``areas`` with the inhabitants.
    category_field
        Optional field of ``offers``; one count per category value. Values holding
        several categories separated by ``separator`` count in each.
    per
        Rate base: ``offers_per_<per>`` is offers per ``per`` inhabitants.
    crs
        Metric analysis CRS (default EPSG:25832).

    Returns
    -------
    OffersPerPopulationResult

    Notes
    -----
    An offer counts in the one area that contains it (on a shared boundary: the first
    such area). The rate is

    .. math:: r_i = \\frac{n_i}{P_i} \\cdot per

    and is NULL, with the reason in ``rate_note``, where :math:`P_i` is missing or not
    positive.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import Point, box
    >>> areas = gpd.GeoDataFrame({"pop": [2000]}, geometry=[box(0, 0, 10, 10)], crs=25832)
    >>> offers = gpd.GeoDataFrame(geometry=[Point(1, 1), Point(2, 2)], crs=25832)
    >>> offers_per_population(areas, offers, population_field="pop").areas["offers_per_1000"][0]
    1.0
    """
    if not per or per <= 0:
        raise ParameterError(
            "The rate base must be a positive number of inhabitants (for example 1000), not {per}.",
            per=per,
        )
    require_rows(areas, what=N_("area layer"))
    require_rows(offers, what=N_("offers layer"))
    population = numeric_field(areas, population_field, what=N_("area layer"))
    if category_field:
        require_field(offers, category_field, what=N_("offers layer"))
    notes: list[Message] = []
    areas_m, note = to_metric(areas, crs, what=N_("area layer"))
    notes += [note] if note else []
    offers_m, note = to_metric(offers, crs, what=N_("offers layer"))
    notes += [note] if note else []
    areas_m, repaired = repair_polygons(areas_m, what=N_("area layer"))
    notes += repaired
    offers_m, skipped = drop_null_geometries(offers_m, what=N_("offers layer"))
    notes += skipped
    require_geometry_type(
        offers_m, {"Point", "MultiPoint"}, what=N_("offers layer"), expected=N_("points")
    )
    points = offers_m.geometry.values
    multi = offers_m.geom_type == "MultiPoint"
    if multi.any():
        points = np.where(
            multi, [g.geoms[0] if g.geom_type == "MultiPoint" else g for g in points], points
        )
    pts = gpd.GeoDataFrame(
        {"_offer": np.arange(len(offers_m))}, geometry=list(points), crs=areas_m.crs
    )
    area_frame = gpd.GeoDataFrame(
        {"_area": np.arange(len(areas_m))}, geometry=areas_m.geometry.values, crs=areas_m.crs
    )
    joined = gpd.sjoin(pts, area_frame, how="left", predicate="intersects")
    joined = joined.sort_values(["_offer", "_area"]).drop_duplicates("_offer", keep="first")
    area_of_offer = joined.set_index("_offer")["_area"].reindex(np.arange(len(offers_m)))
    inside = area_of_offer.notna().to_numpy()
    outside = offers.loc[offers_m.index[~inside]].copy()
    if (~inside).any():
        notes.append(
            Message(
                "{n} offers lie outside every area and are not counted; see the list of "
                "offers outside the areas.",
                n=int((~inside).sum()),
            )
        )
    idx = area_of_offer[inside].astype(int).to_numpy()
    counts = np.bincount(idx, minlength=len(areas_m))

    result = areas.copy()
    result = result.set_geometry(areas_m.geometry.values, crs=areas_m.crs)
    result["offers"] = counts.astype(np.int64)
    per_name = f"offers_per_{_number_name(per)}"
    pop = population.to_numpy()
    valid = np.isfinite(pop) & (pop > 0)
    rate = np.full(len(result), np.nan)
    rate[valid] = counts[valid] / pop[valid] * per
    result[per_name] = rate
    reasons = np.where(
        np.isnan(pop), "population missing", np.where(pop <= 0, "population is 0 or negative", "")
    )
    result["rate_note"] = pd.Series(reasons, index=result.index).replace("", None)
    n_no_rate = int((~valid).sum())
    if n_no_rate:
        notes.append(
            Message(
                "{n} areas have no positive population; their rate is NULL (see 'rate_note').",
                n=n_no_rate,
            )
        )

    categories: dict[str, str] = {}
    if category_field:
        cat_values = offers_m[category_field].to_numpy()[inside]
        table: dict[str, np.ndarray] = {}
        for area_index, value in zip(idx, cat_values):
            names = _split_categories(value, separator)
            for name in names:
                if name not in table:
                    table[name] = np.zeros(len(result), dtype=np.int64)
                table[name][area_index] += 1
        used: set[str] = set()
        for name in sorted(table, key=lambda n: (n == UNCATEGORISED, n.lower())):
            base = "n_" + slug(name)
            field_name, k = base, 2
            while field_name in used or field_name in result.columns:
                field_name, k = f"{base}_{k}", k + 1
            used.add(field_name)
            categories[name] = field_name
            result[field_name] = table[name]
    return OffersPerPopulationResult(result, outside, categories, notes)


def _split_categories(value, separator: str) -> list[str]:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return [UNCATEGORISED]
    if isinstance(value, (list, tuple)):
        parts = [str(v).strip() for v in value]
    else:
        parts = [p.strip() for p in str(value).split(separator)] if separator else [str(value)]
    parts = [p for p in parts if p]
    return list(dict.fromkeys(parts)) or [UNCATEGORISED]


def _number_name(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", "_")
