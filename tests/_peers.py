"""Peer comparisons without the peers: PySAL ``access`` and ``tobler`` results as fixtures.

Each :class:`Scenario` names its peer, builds its inputs (seeded or bundled data only) and
runs the peer on them. ``scripts/make_peer_fixtures.py`` runs every scenario once and writes
``tests/fixtures/peers/<name>.json``: the peer's name and version, what the inputs are, a
hash of the inputs and the peer's results. The comparison tests rebuild the inputs,
:func:`expected` checks their hash against the fixture and returns the stored results, so
the comparisons run where the peers do not install (Python 3.13). Where a peer is installed,
``tests/test_peer_fixtures.py`` reruns it and checks that the fixture still equals its output.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import box

from geolib.accessibility import straight_line_costs

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "peers"
REGENERATE = "regenerate the fixtures with scripts/make_peer_fixtures.py"
# float inputs are hashed rounded to 6 decimals (micrometres, 1e-6 persons): a last-bit
# difference between platforms does not count as a change, a changed generator does
HASH_DECIMALS = 6
HELGOLAND = "01056025"
CATEGORY = "Kinder, Jugend und Familie"


@dataclass(frozen=True)
class Data:
    """The bundled and generated data that some scenarios start from."""

    gemeinden: gpd.GeoDataFrame  # data/kreis_pinneberg.gpkg, layer "gemeinden"
    examples: dict[str, Path] | None = None  # geolib.examples.write_examples (seeded)


@dataclass(frozen=True)
class Scenario:
    """One peer run: its inputs (from :class:`Data` or seeded) and the peer call."""

    name: str
    peer: str  # distribution name, as importlib.metadata knows it
    description: str
    inputs: Callable[[Data | None], dict[str, Any]]
    run: Callable[[dict[str, Any]], dict[str, Any]]


# --- inputs -------------------------------------------------------------------------------


def scene(seed=0, n_demand=40, n_supply=12):
    """Random demand and supply points with populations and capacities (seeded)."""
    rng = np.random.default_rng(seed)
    dem_xy = rng.uniform(0, 5000, size=(n_demand, 2))
    sup_xy = rng.uniform(0, 5000, size=(n_supply, 2))
    pop = rng.integers(0, 800, n_demand).astype(float)
    cap = rng.integers(1, 30, n_supply).astype(float)
    return dem_xy, sup_xy, pop, cap


def scene_inputs(seed, reach, max_cost, *, per_minute=1.0, demand_reach=None):
    """The straight-line cost table of :func:`scene` (costs divided by ``per_minute``)."""
    dem_xy, sup_xy, pop, cap = scene(seed)
    costs = straight_line_costs(dem_xy, sup_xy, max_cost=reach)
    costs["cost"] = costs["cost"] / per_minute
    inputs = {"pop": pop, "cap": cap, "costs": costs, "max_cost": max_cost}
    if demand_reach is not None:
        inputs["demand_costs"] = straight_line_costs(dem_xy, dem_xy, max_cost=demand_reach)
    return inputs


def children_areas(gemeinden, indicators_csv):
    """The municipalities with the latest ``children_u15`` of the example indicators."""
    ind = pd.read_csv(indicators_csv, dtype={"ags": str})
    latest = ind[ind["year"] == ind["year"].max()][["ags", "children_u15"]]
    return gemeinden.merge(latest, left_on="AGS", right_on="ags").drop(columns="ags")


def children_inputs(areas, offers):
    """Children per area (at its representative point) and the offers of :data:`CATEGORY`."""
    offers = offers[
        offers["categories"].map(lambda c: CATEGORY in [p.strip() for p in c.split(";")])
    ]
    points = areas.representative_point()
    costs = straight_line_costs(
        np.column_stack([points.x, points.y]),
        np.column_stack([offers.geometry.x, offers.geometry.y]),
        max_cost=4000,
    )
    return {
        "pop": areas["children_u15"].to_numpy(float),
        "cap": offers["capacity"].fillna(1).to_numpy(float),
        "costs": costs,
        "max_cost": 4000,
    }


def _children_from_data(data):
    from geolib.io import read_vector

    areas = children_areas(data.gemeinden, data.examples["indikatoren_csv"])
    return children_inputs(areas, read_vector(data.examples["offers"], layer="offers"))


def tobler_areas(gemeinden):
    """The municipalities without Helgoland (tobler's grid covers the bounds of all)."""
    return gemeinden[gemeinden["AGS"] != HELGOLAND].reset_index(drop=True)


def tobler_squares(areas, cellsize=400, side=4800):
    """Squares of ``side`` within tobler's grid (it drops the partial last column and row)."""
    xmin, ymin, xmax, ymax = areas.total_bounds
    xmax = xmin + int((xmax - xmin) / cellsize) * cellsize
    ymin = ymax - int((ymax - ymin) / cellsize) * cellsize
    return gpd.GeoDataFrame(
        geometry=[
            box(x, y - side, x + side, y)
            for x in np.arange(xmin, xmax - side + 1, side)
            for y in np.arange(ymax, ymin + side - 1, -side)
        ],
        crs=areas.crs,
    )


def _tobler_inputs(data, squares=False):
    areas = tobler_areas(data.gemeinden)[["AGS", "EWZ_2018", "geometry"]]
    inputs = {"areas": areas, "cellsize": 400}
    if squares:
        inputs["squares"] = tobler_squares(areas)
    return inputs


ZENSUS = ROOT / "data" / "zensus2011" / "zensus2011_1km_kreis_pinneberg.gpkg"
ZENSUS_COUNT = "einwohner_summe_altersgruppen"


def _zensus_inputs(data):
    """The real Zensus 2011 1 km cells and the municipalities (both EPSG:25832)."""
    from geolib.io import read_vector

    cells = read_vector(ZENSUS, layer="zensus2011_1km")[[ZENSUS_COUNT, "geometry"]]
    return {"cells": cells, "areas": data.gemeinden[["AGS", "geometry"]]}


# --- the peers ------------------------------------------------------------------------------


def _access(inputs, method, max_cost, weight_fn=None):
    """PySAL access on the inputs: raw and normalised score per demand row (NaN: no supply)."""
    from access import Access

    n = len(inputs["pop"])
    dem = pd.DataFrame({"pop": inputs["pop"]}).rename_axis("geoid")
    sup = pd.DataFrame({"cap": inputs["cap"]}).rename_axis("geoid")
    kwargs = {}
    if "demand_costs" in inputs:
        kwargs = dict(
            neighbor_cost_df=inputs["demand_costs"].rename(columns={"destination": "dest"}),
            neighbor_cost_origin="origin",
            neighbor_cost_dest="dest",
            neighbor_cost_name="cost",
        )
    a = Access(
        demand_df=dem,
        demand_index=True,
        demand_value="pop",
        supply_df=sup,
        supply_index=True,
        supply_value="cap",
        cost_df=inputs["costs"].rename(columns={"destination": "dest"}),
        cost_origin="origin",
        cost_dest="dest",
        cost_name="cost",
        **kwargs,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if method == "2sfca":
            out = a.two_stage_fca(name="x", max_cost=max_cost, weight_fn=weight_fn)
        elif method == "e2sfca":
            out = a.enhanced_two_stage_fca(name="x", max_cost=max_cost, weight_fn=weight_fn)
        else:
            out = a.fca_ratio(name="x", max_cost=max_cost)
        raw = out["x_cap"].reindex(np.arange(n)).to_numpy(dtype=float)
        norm = a.norm_access_df["x_cap"].reindex(np.arange(n)).to_numpy(dtype=float)
    return {"raw": raw, "norm": norm}


def _access_2sfca(inputs):
    return _access(inputs, "2sfca", inputs["max_cost"])


def _access_e2sfca(inputs):
    from access import weights

    fn = weights.step_fn({5: 1, 10: 0.68, 15: 0.22})
    return {
        "raw_30": _access(inputs, "e2sfca", 30)["raw"],
        "raw_15": _access(inputs, "e2sfca", 15, weight_fn=fn)["raw"],
    }


def _access_gravity(inputs):
    from access import weights

    fn = weights.gravity(1000, -1.5)
    return {"raw": _access(inputs, "2sfca", inputs["max_cost"], weight_fn=fn)["raw"]}


def _access_ratio(inputs):
    return {"raw": _access(inputs, "ratio", inputs["max_cost"])["raw"]}


def _tobler_pycno(inputs):
    from tobler.pycno.pycno import pycno

    grid, transform, _ = pycno(
        inputs["areas"], "EWZ_2018", inputs["cellsize"], handle_null=False, verbose=False
    )
    return {"grid": np.asarray(grid, dtype=float), "transform": np.array(transform[:6])}


def _tobler_interpolate(inputs):
    from tobler.pycno import pycno_interpolate

    out = pycno_interpolate(
        inputs["areas"], inputs["squares"], ["EWZ_2018"], inputs["cellsize"], handle_null=False
    )
    return {"EWZ_2018": out["EWZ_2018"].to_numpy(dtype=float)}


def _tobler_area_interpolate(inputs):
    from tobler.area_weighted import area_interpolate

    out = area_interpolate(
        inputs["cells"], inputs["areas"], extensive_variables=[ZENSUS_COUNT], allocate_total=False
    )
    return {ZENSUS_COUNT: out[ZENSUS_COUNT].to_numpy(dtype=float)}


def _seeded(seed, reach, max_cost, **kwargs):
    return lambda _data: scene_inputs(seed, reach, max_cost, **kwargs)


SCENE = "tests/_peers.py scene(seed {seed}): 40 demand, 12 supply points, straight-line costs"
SCENARIOS = [
    *(
        Scenario(
            f"access_2sfca_seed{seed}",
            "access",
            SCENE.format(seed=seed) + " within 4000 m; two_stage_fca(max_cost=1500)",
            _seeded(seed, 4000, 1500),
            _access_2sfca,
        )
        for seed in (0, 1, 2)
    ),
    Scenario(
        "access_e2sfca_seed4",
        "access",
        SCENE.format(seed=4) + " / 100 (minutes); enhanced_two_stage_fca at max_cost 30 "
        "(default weights) and 15 (step_fn {5: 1, 10: 0.68, 15: 0.22})",
        _seeded(4, 5000, 30, per_minute=100),
        _access_e2sfca,
    ),
    Scenario(
        "access_gravity_seed5",
        "access",
        SCENE.format(seed=5) + " within 3000 m; two_stage_fca(max_cost=3000, "
        "weight_fn=weights.gravity(1000, -1.5))",
        _seeded(5, 3000, 3000),
        _access_gravity,
    ),
    Scenario(
        "access_ratio_seed6",
        "access",
        SCENE.format(seed=6) + " and demand-demand costs within 2000 m; fca_ratio(2000)",
        _seeded(6, 2000, 2000, demand_reach=2000),
        _access_ratio,
    ),
    Scenario(
        "access_2sfca_children",
        "access",
        "children_u15 (latest year of the example indicators) per municipality of "
        "data/kreis_pinneberg.gpkg at its representative point, example offers of the "
        f"category '{CATEGORY}' (capacity, missing: 1), straight-line costs within 4000 m; "
        "two_stage_fca(max_cost=4000)",
        _children_from_data,
        _access_2sfca,
    ),
    Scenario(
        "tobler_pycno_400",
        "tobler",
        "EWZ_2018 of the municipalities of data/kreis_pinneberg.gpkg without Helgoland; "
        "pycno(cellsize=400, handle_null=False)",
        _tobler_inputs,
        _tobler_pycno,
    ),
    Scenario(
        "tobler_pycno_interpolate_squares",
        "tobler",
        "as tobler_pycno_400, onto 4800 m squares within tobler's grid; "
        "pycno_interpolate(cellsize=400, handle_null=False)",
        lambda data: _tobler_inputs(data, squares=True),
        _tobler_interpolate,
    ),
    Scenario(
        "tobler_area_interpolate_zensus",
        "tobler",
        "the Zensus 2011 1 km cells of data/zensus2011 (einwohner_summe_altersgruppen) onto "
        "the municipalities of data/kreis_pinneberg.gpkg; area_interpolate("
        "extensive_variables=[...], allocate_total=False)",
        _zensus_inputs,
        _tobler_area_interpolate,
    ),
]
BY_NAME = {s.name: s for s in SCENARIOS}


# --- hashing and the fixture files ------------------------------------------------------


def _canonical(value) -> bytes:
    if isinstance(value, gpd.GeoSeries):
        geoms = value.to_numpy()
        coords = np.round(shapely.get_coordinates(geoms), HASH_DECIMALS) + 0.0
        counts = shapely.get_num_coordinates(geoms).astype("<i8")
        crs = str(value.crs.to_epsg() if value.crs else None).encode()
        return crs + counts.tobytes() + coords.astype("<f8").tobytes()
    if isinstance(value, pd.DataFrame):
        return b"".join(
            name.encode() + b"\0" + _canonical(value[name]) for name in sorted(value.columns)
        )
    if isinstance(value, pd.Series) and value.dtype.kind not in "fiub":
        return "\0".join(map(str, value)).encode()  # e.g. the AGS
    array = np.asarray(value)
    if array.dtype.kind == "f":
        return (np.round(array, HASH_DECIMALS) + 0.0).astype("<f8").tobytes()
    if array.dtype.kind in "iub":
        return array.astype("<i8").tobytes()
    return repr(value).encode()


def input_hash(inputs: dict[str, Any]) -> str:
    """SHA-256 of the inputs: names, shapes, values (floats at :data:`HASH_DECIMALS`)."""
    digest = hashlib.sha256()
    for name in sorted(inputs):
        value = inputs[name]
        digest.update(f"{name}:{type(value).__name__}:{np.shape(value)}\0".encode())
        digest.update(_canonical(value))
    return digest.hexdigest()


def peer_version(peer: str) -> str | None:
    """The installed version of the peer, or None where it is not installed."""
    try:
        return importlib.metadata.version(peer)
    except importlib.metadata.PackageNotFoundError:
        return None


def fixture_path(name: str) -> Path:
    return FIXTURES / f"{name}.json"


def _to_json(array):
    array = np.asarray(array, dtype=float)
    return np.where(np.isnan(array), None, array).tolist()


def from_json(values):
    return np.array(values, dtype=float)  # None (JSON null) becomes NaN


def make(scenario: Scenario, data: Data | None) -> dict[str, Any]:
    """Run the peer on the scenario's inputs: the fixture's content."""
    inputs = scenario.inputs(data)
    return {
        "scenario": scenario.name,
        "peer": scenario.peer,
        "peer_version": peer_version(scenario.peer),
        "inputs": scenario.description,
        "inputs_sha256": input_hash(inputs),
        "made_by": "scripts/make_peer_fixtures.py",
        "results": {k: _to_json(v) for k, v in scenario.run(inputs).items()},
    }


def write(fixture: dict[str, Any]) -> Path:
    path = fixture_path(fixture["scenario"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_dumps(fixture), encoding="utf-8")
    return path


def _dumps(fixture: dict[str, Any]) -> str:
    """JSON with one line per result (per row of a grid), readable in a diff."""

    def rows(values):
        if values and isinstance(values[0], list):
            return "[\n   " + ",\n   ".join(map(json.dumps, values)) + "\n  ]"
        return json.dumps(values)

    head = json.dumps({**fixture, "results": {}}, indent=1)
    assert head.endswith('"results": {}\n}')
    body = ",\n".join(f"  {json.dumps(k)}: {rows(v)}" for k, v in fixture["results"].items())
    return head[: -len("}\n}")] + "\n" + body + "\n }\n}\n"


def load(name: str) -> dict[str, Any]:
    """The stored fixture of a scenario, its results as float arrays (NaN: missing)."""
    path = fixture_path(name)
    if not path.exists():
        raise AssertionError(f"The peer fixture {path.name} is missing: {REGENERATE}.")
    fixture = json.loads(path.read_text(encoding="utf-8"))
    fixture["results"] = {k: from_json(v) for k, v in fixture["results"].items()}
    return fixture


def check_inputs(fixture: dict[str, Any], inputs: dict[str, Any]) -> None:
    """Fail when the inputs are not those the fixture's peer results were made from."""
    if input_hash(inputs) != fixture["inputs_sha256"]:
        raise AssertionError(
            f"The inputs of the peer fixture '{fixture['scenario']}' changed since it was made "
            f"with {fixture['peer']} {fixture['peer_version']} ({fixture['inputs']}): "
            f"{REGENERATE}. (If the same code makes other inputs here than where the fixture "
            "was made, the inputs depend on the platform, e.g. the GEOS or numpy version: "
            "make them independent of it instead.)"
        )


def expected(name: str, inputs: dict[str, Any]) -> dict[str, np.ndarray]:
    """The peer's stored results for these inputs (checked against the fixture's hash)."""
    fixture = load(name)
    check_inputs(fixture, inputs)
    return fixture["results"]


def case(name: str, data: Data | None = None) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The scenario's inputs and the peer's stored results for them."""
    inputs = BY_NAME[name].inputs(data)
    return inputs, expected(name, inputs)
