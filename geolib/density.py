"""Offers per inhabitants: per area and category, pooled over categories."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from .crs import to_metric
from .errors import (
    DataError,
    ParameterError,
)
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
    target_groups
        Target group value → field name of its count (``n_tg_<group>``).
    rates
        Rate field → (count field, population field), so that groups of areas can
        be pooled (:func:`pool_offers`).
    per
        The rate base of the rates.
    """

    areas: gpd.GeoDataFrame
    outside: gpd.GeoDataFrame
    categories: dict[str, str] = field(default_factory=dict)
    notes: list[Message] = field(default_factory=list)
    target_groups: dict[str, str] = field(default_factory=dict)
    rates: dict[str, tuple[str, str]] = field(default_factory=dict)
    per: float = 1000


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
    target_group_field: str | None = None,
    target_populations: dict[str, str] | None = None,
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
    target_group_field
        Optional field of ``offers`` with target groups (several separated by
        ``separator``); one count ``n_tg_<group>`` per target group.
    target_populations
        Target group → numeric field of ``areas`` with that group's population
        (e.g. ``{"Kinder": "children_u15"}``): adds ``tg_<group>_per_<per>``, the
        offers for the group per ``per`` people of the group.

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
    _check_per(per)
    require_rows(areas, what=N_("area layer"))
    require_rows(offers, what=N_("offers layer"))
    population = numeric_field(areas, population_field, what=N_("area layer"))
    if category_field:
        require_field(offers, category_field, what=N_("offers layer"))
    target_populations = dict(target_populations or {})
    if target_populations and not target_group_field:
        raise ParameterError(
            "A population per target group needs the target group field of the offers."
        )
    if target_group_field:
        require_field(offers, target_group_field, what=N_("offers layer"))
    target_pops = {
        group: numeric_field(areas, pop_field, what=N_("area layer"))
        for group, pop_field in target_populations.items()
    }
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
        categories = _count_by_value(
            result, offers_m[category_field].to_numpy()[inside], idx, separator, "n_"
        )
    target_groups: dict[str, str] = {}
    if target_group_field:
        target_groups = _count_by_value(
            result, offers_m[target_group_field].to_numpy()[inside], idx, separator, "n_tg_"
        )
    rates = {per_name: ("offers", population_field)}
    for group, pop in target_pops.items():
        count_field = target_groups.get(group)
        if count_field is None:  # no offer for this group: count 0
            count_field = "n_tg_" + slug(group)
            result[count_field] = np.zeros(len(result), dtype=np.int64)
            target_groups[group] = count_field
            notes.append(Message("No offer has the target group '{group}'.", group=group))
        rate_name = f"tg_{slug(group)}_per_{_number_name(per)}"
        p = pop.to_numpy()
        ok = np.isfinite(p) & (p > 0)
        values = np.full(len(result), np.nan)
        values[ok] = result[count_field].to_numpy()[ok] / p[ok] * per
        result[rate_name] = values
        rates[rate_name] = (count_field, target_populations[group])
    return OffersPerPopulationResult(
        result, outside, categories, notes, target_groups=target_groups, rates=rates, per=per
    )


def _check_per(per: float) -> None:
    if not (per and np.isfinite(per) and per > 0):
        raise ParameterError(
            "The rate base must be a positive number of inhabitants (for example 1000), not {per}.",
            per=per,
        )


def _count_by_value(result, values, idx, separator: str, prefix: str) -> dict[str, str]:
    """Add one count field per value (several per offer split at ``separator``)."""
    table: dict[str, np.ndarray] = {}
    for area_index, value in zip(idx, values):
        for name in _split_categories(value, separator):
            if name not in table:
                table[name] = np.zeros(len(result), dtype=np.int64)
            table[name][area_index] += 1
    fields: dict[str, str] = {}
    used: set[str] = set()
    for name in sorted(table, key=lambda n: (n == UNCATEGORISED, n.lower())):
        base = prefix + slug(name)
        field_name, k = base, 2
        while field_name in used or field_name in result.columns:
            field_name, k = f"{base}_{k}", k + 1
        used.add(field_name)
        fields[name] = field_name
        result[field_name] = table[name]
    return fields


@dataclass
class PooledOffers:
    """Result of :func:`pool_offers`: one row per group and level, and notes."""

    groups: gpd.GeoDataFrame
    notes: list[Message] = field(default_factory=list)


def pool_offers(
    result: OffersPerPopulationResult,
    mapping: pd.DataFrame,
    *,
    area_key: str,
    mapping_key: str = "ags",
    group_fields: list[str] | tuple[str, ...] = ("planungsraum", "kreis"),
) -> PooledOffers:
    """Offers per population for groups of areas (planning regions, the Kreis), pooled.

    Parameters
    ----------
    result
        From :func:`offers_per_population` (per municipality).
    mapping
        Table area key → group, e.g. ``planungsraeume.csv`` (ags → planungsraum, kreis).
    area_key, mapping_key
        Key fields of the areas and the mapping table (compared as text).
    group_fields
        Fields of ``mapping``; one set of rows per field (``level``).

    Returns
    -------
    PooledOffers
        ``groups``: ``level``, ``group``, ``n_areas``, the summed population and count fields, the
        rates recomputed from the pooled counts, and the dissolved geometry.

    Notes
    -----
    Rates of a group come from pooled counts, never from averaged rates:

    .. math:: r_g = \\frac{\\sum_{i \\in g} n_i}{\\sum_{i \\in g} P_i} \\cdot per

    where the population sum covers the areas with a known population and
    :math:`per` is the rate base of ``result``.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import Point, box
    >>> areas = gpd.GeoDataFrame({"ags": ["1", "2"], "pop": [1000, 3000]},
    ...                          geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)], crs=25832)
    >>> offers = gpd.GeoDataFrame(geometry=[Point(0.5, 0.5), Point(1.5, 0.5)], crs=25832)
    >>> res = offers_per_population(areas, offers, population_field="pop")
    >>> m = pd.DataFrame({"ags": ["1", "2"], "kreis": ["K", "K"]})
    >>> pooled = pool_offers(res, m, area_key="ags", group_fields=["kreis"])
    >>> pooled.groups["offers_per_1000"].tolist()
    [0.5]
    """
    areas = result.areas
    per = result.per
    require_field(areas, area_key, what=N_("area layer"))
    require_field(mapping, mapping_key, what=N_("group table"))
    for name in group_fields:
        require_field(mapping, name, what=N_("group table"))
    keys = areas[area_key].astype("string").str.strip()
    table = mapping.assign(_key=mapping[mapping_key].astype("string").str.strip())
    table = table.drop_duplicates("_key").set_index("_key")
    unmatched = ~keys.isin(table.index)
    if unmatched.all():
        raise DataError(
            "No value of '{area_key}' in the areas occurs in '{mapping_key}' of the group "
            "table (for example {example}). Choose matching key fields.",
            area_key=area_key,
            mapping_key=mapping_key,
            example=str(keys.iloc[0]),
        )
    notes: list[Message] = []
    if unmatched.any():
        notes.append(
            Message(
                "{n} areas have no row in the group table and belong to no group: {keys}.",
                n=int(unmatched.sum()),
                keys=", ".join(keys[unmatched].astype(str).head(10)),
            )
        )
    count_fields = [c for c in areas.columns if c == "offers" or str(c).startswith("n_")]
    pop_fields = list(dict.fromkeys(p for _, p in result.rates.values()))
    frames = []
    for level in group_fields:
        group = keys.map(table[level]).astype("string")
        data = pd.DataFrame(
            {"_group": group.to_numpy(), **{c: areas[c].to_numpy() for c in count_fields}}
        )
        for p in pop_fields:
            data[p] = pd.to_numeric(areas[p], errors="coerce").to_numpy()
        data = data[group.notna().to_numpy()]
        sums = data.groupby("_group", sort=True).sum(min_count=1)
        sums.insert(0, "n_areas", data.groupby("_group", sort=True).size())
        geoms = (
            gpd.GeoDataFrame(
                {"_group": group.to_numpy()}, geometry=areas.geometry.values, crs=areas.crs
            )[group.notna().to_numpy()]
            .dissolve("_group", sort=True)
            .geometry
        )
        out = gpd.GeoDataFrame(sums, geometry=geoms.reindex(sums.index).values, crs=areas.crs)
        for rate, (count, pop) in result.rates.items():
            total = out[pop].to_numpy(dtype=float)
            ok = np.isfinite(total) & (total > 0)
            values = np.full(len(out), np.nan)
            values[ok] = out[count].to_numpy(dtype=float)[ok] / total[ok] * per
            out[rate] = values
        out.insert(0, "group", out.index.astype(str))
        out.insert(0, "level", level)
        frames.append(out.reset_index(drop=True))
    pooled = pd.concat(frames, ignore_index=True)
    return PooledOffers(gpd.GeoDataFrame(pooled, geometry="geometry", crs=areas.crs), notes)


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
