"""geolib.sozialbericht: the web folder's data from real Sozialformel runs (no QGIS).

The inputs are the Sozialformel on the seeded example data, as the demo runs it, with
``suppress_index = true`` so that whole rows are withheld too.
"""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from geolib.errors import FieldError, ParameterError
from geolib.sozialbericht import DATA_GLOBAL, sozialbericht_data, write_sozialbericht
from geolib.sozialbericht.data import withheld
from geolib.sozialbericht.format import de_number
from geolib.sozialbericht.svg import map_shapes
from geolib.sozialformel import (
    PINNEBERG_PRESET,
    load_config,
    read_groups,
    read_indicator_table,
    sozialformel,
)
from tests.conftest import ROOT

TS = ROOT / "sozialplanung_plugin" / "i18n" / "sozialplanung_de.ts"
GERMAN_NUMBER = re.compile(r"^[−+±]?\d{1,3}(\.\d{3})*(,\d+)?$")


def german(text: str) -> str:
    """The German translation of a geolib catalogue text (as QGIS gives it)."""
    return _catalogue().get(text, text)


_CACHE: dict[str, str] = {}


def _catalogue() -> dict[str, str]:
    if not _CACHE:
        for context in ET.parse(TS).getroot().iter("context"):
            if context.findtext("name") != "geolib":
                continue
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.text:
                    _CACHE[message.findtext("source")] = translation.text
    return _CACHE


def sozialformel_inputs(examples, *, suppress_index: bool = True, publish: bool = True):
    """(config, mapping, result) of the Sozialformel on the example data."""
    config = dataclasses.replace(load_config(PINNEBERG_PRESET), suppress_index=suppress_index)
    table = read_indicator_table(str(examples["indikatoren_csv"]), config=config)
    mapping = read_groups(str(examples["planungsraeume"]), key=config.key)
    result = sozialformel(
        table,
        config=config,
        groups=mapping,
        group_fields="planungsraum,kreis,groesse",
        publish=publish,
        validity=False,
    )
    return config, mapping, result


@pytest.fixture(scope="module")
def run(examples, gemeinden):
    config, mapping, result = sozialformel_inputs(examples)
    data, notes = sozialbericht_data(
        gemeinden,
        result.table,
        groups=result.groups,
        mapping=mapping,
        config=config,
        translate_text=german,
    )
    return config, mapping, result, data, notes


def _area(data, name):
    return next(a for a in data["areas"] if a["name"] == name)


def _texts(obj):
    """Every 'text', 'change' and 'rankChange' in the data (the printed numbers)."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key in ("text", "change", "rankChange", "range") and isinstance(value, str):
                yield value
            else:
                yield from _texts(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from _texts(value)


def test_years_areas_regions_and_comparison(run):
    _, mapping, _, data, notes = run
    assert data["years"] == [2019, 2020, 2021, 2022, 2023]
    assert len(data["areas"]) == 49 and all(a["path"].startswith("M") for a in data["areas"])
    assert data["regionField"] == "planungsraum"
    assert sorted(r["name"] for r in data["regions"]) == sorted(mapping["planungsraum"].unique())
    # every municipality is listed in exactly its planning region
    listed = {k: r["name"] for r in data["regions"] for k in r["members"]}
    assert listed == dict(zip(mapping["ags"], mapping["planungsraum"]))
    assert data["comparison"]["name"] == "Kreis Pinneberg"
    assert data["synthetic"] is True and data["syntheticLabel"] == "synthetische Beispielwerte"
    assert notes == []


def test_withheld_values_are_absent_and_never_ranked(run):
    config, _, result, data, _ = run
    table = result.table
    hidden_index = table[withheld(table, "index_value", "index")]
    assert len(hidden_index) > 0  # suppress_index: some whole rows are withheld
    for row in hidden_index.itertuples():
        entry = next(a for a in data["areas"] if a["key"] == row.ags)["years"][str(row.year)]
        assert entry["withheld"] is True
        assert not {"value", "text", "rank", "class", "change", "rankChange"} & set(entry)
    for ind in config.indicators:
        flagged = table[table[f"{ind.name}_suppressed"] == 1]
        for row in flagged.itertuples():
            entry = next(a for a in data["areas"] if a["key"] == row.ags)["years"][str(row.year)]
            if "indicators" in entry:
                assert entry["indicators"][ind.name] == {"withheld": True}


def test_withheld_values_cannot_be_read_from_the_neighbouring_year(run):
    data = run[3]
    years = data["years"]
    for area in data["areas"]:
        for prev, year in zip(years, years[1:]):
            before, now = area["years"][str(prev)], area["years"][str(year)]
            if before.get("withheld") or now.get("withheld"):
                assert "change" not in now and "rankChange" not in now
            else:
                assert now["change"] == de_number(now["value"] - before["value"], 1, signed=True)


def test_ranks_count_only_published_values(run):
    _, _, _, data, _ = run
    for year in data["years"]:
        entries = [a["years"][str(year)] for a in data["areas"]]
        published = [e for e in entries if "value" in e]
        ranks = sorted(e["rank"] for e in published)
        assert ranks == list(range(1, len(published) + 1))  # no gap where a row is withheld
        best = max(published, key=lambda e: e["value"])
        assert best["rank"] == 1
        regions = [r["years"][str(year)] for r in data["regions"]]
        shown = sorted(e["rank"] for e in regions if "rank" in e)
        assert shown == list(range(1, len(shown) + 1))


def test_published_values_match_the_sozialformel_in_german_format(run):
    _, _, result, data, _ = run
    table = result.table.set_index(["ags", "year"])
    shown = 0
    for area in data["areas"]:
        for year, entry in area["years"].items():
            row = table.loc[(area["key"], int(year))]
            if "value" in entry:
                assert entry["text"] == de_number(row["index_value"], 1)
                assert entry["class"] == int(row["index_class"])
                shown += 1
            kinder = entry.get("indicators", {}).get("kinderarmut", {})
            if "text" in kinder:
                assert kinder["text"] == de_number(row["kinderarmut_rate"], 1)
    assert shown > 100
    texts = list(_texts({k: v for k, v in data.items() if k != "texts"}))
    numbers = [t for part in texts if part for t in part.split(" – ")]
    assert numbers and all(GERMAN_NUMBER.match(t) for t in numbers), numbers[:5]
    assert any("," in t for t in numbers) and not any(
        re.search(r"\d\.\d{1,2}$", t) for t in numbers
    )
    # the income has thousands separators and no decimals: 38.386
    wedel = _area(data, "Wedel")["years"]["2023"]["indicators"]["einkommen"]
    assert re.fullmatch(r"\d{2}\.\d{3}", wedel["text"])


def test_no_counts_are_published(run):
    data = run[3]
    text = json.dumps(data)
    assert not re.search(r'"\w+_(num|den)"', text)
    assert '"count"' not in text  # no class sizes either (see data._legend)
    for column in ("children_u15", "households", "taxpayers", "income_total_eur"):
        assert column not in text


def test_secondary_suppression_and_nulls_count_as_withheld(gemeinden):
    """A hand-built table: a flag 'secondary' in a *_suppression field withholds a value
    that is present; a NULL is withheld; ranks close up over withheld rows."""
    config = load_config(
        {
            "key": "ags",
            "indicators": [{"name": "a", "numerator": "x", "denominator": "n"}],
        }
    )
    areas = gpd.GeoDataFrame(
        {"AGS": ["1", "2", "3", "4"], "GEN": ["Eins", "Zwei", "Drei", "Vier"]},
        geometry=[box(i, 0, i + 1, 1) for i in range(4)],
        crs="EPSG:25832",
    )
    rows = []
    for year, values in ((2022, [10.0, 20.0, 30.0, 40.0]), (2023, [12.0, 25.0, 31.0, 45.5])):
        for key, v in zip("1234", values):
            rows.append(
                {
                    "ags": key,
                    "name": key,
                    "year": year,
                    "a_rate": v / 10,
                    "a_suppressed": 0,
                    "a_suppression": "",
                    "index_value": v,
                    "index_class": 1 + int(v >= 25),
                    "index_suppressed": 0,
                }
            )
    table = pd.DataFrame(rows)
    table.loc[(table["ags"] == "3") & (table["year"] == 2023), "a_suppression"] = "secondary"
    table.loc[(table["ags"] == "4") & (table["year"] == 2022), "index_value"] = np.nan
    # flags as a text export gives them: 0 beside "primary" in one column
    table["index_suppressed"] = table["index_suppressed"].astype(object)
    table.loc[(table["ags"] == "2") & (table["year"] == 2023), "index_suppressed"] = "primary"
    data, _ = sozialbericht_data(areas, table, config=config, sources=[])
    years = {a["name"]: a["years"] for a in data["areas"]}
    assert years["Drei"]["2023"]["indicators"]["a"] == {"withheld": True}
    assert years["Drei"]["2023"]["text"] == "31,0"  # only the flagged indicator is withheld
    assert years["Vier"]["2022"] == {
        "withheld": True,
        "indicators": {"a": {"value": 4.0, "text": "4,0"}},
    }
    assert years["Zwei"]["2023"]["withheld"] is True and "rank" not in years["Zwei"]["2023"]
    # 2023 published: 45,5 (Vier), 31 (Drei), 12 (Eins): ranks 1, 2, 3 (no gap for Zwei)
    assert [years[n]["2023"].get("rank") for n in ("Vier", "Drei", "Eins")] == [1, 2, 3]
    assert years["Drei"]["2023"]["change"] == "+1,0"
    # 2022 published: 30 (Drei), 20, 10: Drei moved from rank 1 to 2
    assert years["Drei"]["2023"]["rankChange"] == "−1"
    assert "change" not in years["Vier"]["2023"]  # its 2022 value is withheld
    assert years["Eins"]["2023"]["rankChange"] == "±0"


def test_errors_name_the_problem(gemeinden):
    table = pd.DataFrame({"ags": ["01056001"], "year": [2023], "index_value": [1.0]})
    with pytest.raises(FieldError, match="index_class"):
        sozialbericht_data(gemeinden, table)
    with pytest.raises(FieldError, match="KEY"):
        sozialbericht_data(gemeinden, table, area_key="KEY")
    groups = pd.DataFrame(
        {"grouping": ["kreis"], "group_name": ["K"], "year": [2023], "index_value": [1.0]}
    )
    table["index_class"] = 1
    with pytest.raises(ParameterError, match="amt"):
        sozialbericht_data(gemeinden, table, groups=groups, group_field="amt")


def test_helgoland_goes_into_an_inset(gemeinden):
    shapes = map_shapes(gemeinden.geometry)
    assert [gemeinden["GEN"].iloc[i] for i in shapes.outliers] == ["Helgoland"]
    assert shapes.inset is not None and shapes.width > 1000
    compact = map_shapes(gemeinden[gemeinden["GEN"] != "Helgoland"].geometry)
    assert compact.outliers == [] and compact.inset is None and compact.width == 1000
    # every coordinate lies in the view box
    numbers = np.array(
        [float(v) for p in shapes.paths for v in re.findall(r"-?\d+\.\d", p)]
    ).reshape(-1, 2)
    assert numbers[:, 0].min() >= 0 and numbers[:, 0].max() <= shapes.width + 0.1
    assert numbers[:, 1].min() >= 0 and numbers[:, 1].max() <= shapes.height + 0.1


def test_de_number():
    assert de_number(83.46) == "83,5"
    assert de_number(31250.4, 0) == "31.250"
    assert de_number(1234567.891, 2) == "1.234.567,89"
    assert de_number(-3.26) == "−3,3"
    assert de_number(2, 0, signed=True) == "+2"
    assert de_number(-0.04, 1, signed=True) == "±0,0"


def test_folder_is_self_contained_and_german(run, gemeinden, tmp_path):
    config, mapping, result, _, _ = run
    index, _ = write_sozialbericht(
        tmp_path / "bericht",
        gemeinden,
        result.table,
        groups=result.groups,
        mapping=mapping,
        config=config,
        translate_text=german,
    )
    folder = index.parent
    names = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert {"index.html", "data.js", "app.js", "style.css"} <= names
    assert "vendor/uplot-1.6.32/uPlot.iife.min.js" in names
    assert "vendor/uplot-1.6.32/LICENSE" in names
    html = index.read_text(encoding="utf-8")
    assert '<html lang="de">' in html
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert refs and all(not re.match(r"[a-z]+://", r) for r in refs)  # nothing from the web
    assert all((folder / r).is_file() for r in refs if not r.startswith("data:"))
    text = (folder / "data.js").read_text(encoding="utf-8")
    prefix = f"window.{DATA_GLOBAL} = "
    assert text.startswith(prefix) and text.rstrip().endswith(";")
    data = json.loads(text[len(prefix) :].rstrip().rstrip(";"))
    assert data["texts"]["withheld"] == "geheim"
    assert data["texts"]["year"] == "Jahr"
    assert "synthetische Beispielwerte" in data["texts"]["synthetic"]
    assert any("GeoBasis-DE / BKG" in s for s in data["sources"])
    assert data["libraries"][0]["license"] == "MIT"
    # a second run into the same folder keeps the user's other files
    (folder / "notiz.txt").write_text("bleibt", encoding="utf-8")
    write_sozialbericht(folder, gemeinden, result.table, config=config)
    assert (folder / "notiz.txt").read_text(encoding="utf-8") == "bleibt"


def test_vendored_libraries_match_their_manifest():
    import importlib.util

    spec = importlib.util.spec_from_file_location("vendor_js", ROOT / "scripts" / "vendor_js.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.check() == []
    with pytest.raises(ValueError, match="integrity mismatch"):
        module.verify_integrity(b"other bytes", "sha512-" + "A" * 88)
