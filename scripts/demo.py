"""The main job on the bundled Kreis Pinneberg data (``make demo``).

Runs the analyses through the same Processing algorithms a user runs, with
``qgis_process.bin`` and the plugin installed in a private profile, and writes
``out/``. Offers and indicators are synthetic example values (labelled so).
Each step prints its time; the whole of ``out/`` is replaced atomically.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
KREIS = DATA / "kreis_pinneberg.gpkg"
EXAMPLES = DATA / "examples"
OUT = ROOT / "out"
BUILD = ROOT / "build"
PLUGINS = BUILD / "qgis-plugins"
CONFIG = BUILD / "qgis-demo-config"
QGIS_PROCESS = os.environ.get("QGIS_PROCESS", "/usr/bin/qgis_process.bin")
ATLAS = "sozialplanungsatlas.gpkg"


def qgis_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QGIS_CUSTOM_CONFIG_PATH=str(CONFIG),
        QGIS_PLUGINPATH=str(PLUGINS),
        PYTHONPATH=sysconfig.get_paths()["purelib"],
    )
    return env


def qgis_process(*args: str) -> dict:
    """Run qgis_process.bin with JSON output; stop the demo with its message on failure."""
    proc = subprocess.run(
        [QGIS_PROCESS, "--json", *args], env=qgis_env(), capture_output=True, text=True
    )
    if proc.returncode != 0 and "already enabled" in proc.stdout + proc.stderr:
        return {}
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        raise SystemExit(f"qgis_process {' '.join(args[:2])} failed (exit {proc.returncode})")
    return json.loads(proc.stdout) if proc.stdout.strip().startswith("{") else {}


def run_algorithm(alg_id: str, **params: str) -> dict:
    args = ["run", alg_id, "--"] + [f"{k}={v}" for k, v in params.items()]
    return qgis_process(*args)["results"]


class Demo:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.atlas = work / ATLAS
        self.times: list[tuple[str, float]] = []

    def step(self, title: str, func) -> None:
        print(f"▶ {title} …", flush=True)
        start = time.perf_counter()
        func()
        seconds = time.perf_counter() - start
        self.times.append((title, seconds))
        print(f"  {seconds:5.1f} s", flush=True)

    def layer(self, name: str) -> str:
        """A Processing destination: layer ``name`` inside the atlas GeoPackage."""
        return f"ogr:dbname='{self.atlas}' table=\"{name}\" (geom)"


def prepare() -> None:
    if not (EXAMPLES / "offers.gpkg").exists():
        subprocess.run(
            [sys.executable, "-m", "geolib.examples", "--out", str(EXAMPLES)], check=True, cwd=ROOT
        )
    CONFIG.mkdir(parents=True, exist_ok=True)
    qgis_process("plugins", "enable", "sozialplanung")


def offers_per_population(demo: Demo) -> None:
    run_algorithm(
        "sozialplanung:offersperpopulation",
        OFFERS=str(EXAMPLES / "offers.gpkg"),
        AREAS=f"{KREIS}|layername=gemeinden",
        POPULATION_FIELD="EWZ_2018",
        CATEGORY_FIELD="category",
        PER="1000",
        OUTPUT=demo.layer("angebote_je_einwohner"),
    )


DENSITY = "angebotsdichte.tif"
KINDER_CATEGORY = "Kinder, Jugend und Familie"


def offer_density(demo: Demo) -> None:
    """Kernel density of all example offers (capacity-weighted), offers per km²."""
    results = run_algorithm(
        "sozialplanung:offerdensity",
        INPUT=str(EXAMPLES / "offers.gpkg"),
        RADIUS="1500",
        PIXEL_SIZE="50",
        KERNEL="0",
        OUTPUT_VALUE="3",
        OUTPUT=str(demo.work / DENSITY),
    )
    demo.density = results["OUTPUT"]


def children_demand(demo: Demo) -> str:
    """Municipalities with the children under 15 of the latest year (synthetic examples)."""
    import pandas as pd

    from geolib.io import OutputLayer, Provenance, read_vector, write_gpkg

    gemeinden = read_vector(KREIS, layer="gemeinden")
    ind = pd.read_csv(EXAMPLES / "indikatoren.csv", dtype={"ags": str})
    year = int(ind["year"].max())
    latest = ind[ind["year"] == year][["ags", "children_u15", "synthetic"]]
    layer = f"kinder_u15_{year}"
    frame = gemeinden[["AGS", "GEN", "EWZ_2018", "geometry"]].merge(
        latest, left_on="AGS", right_on="ags"
    )
    write_gpkg(
        demo.atlas,
        OutputLayer(
            layer,
            frame.drop(columns="ags"),
            provenance=Provenance(
                title=f"Kinder unter 15 Jahren {year} je Gemeinde",
                inputs={"gemeinden": str(KREIS), "indikatoren": str(EXAMPLES / "indikatoren.csv")},
                data_year=year,
                synthetic=True,
            ),
        ),
        keep_existing=True,
    )
    return f"{demo.atlas}|layername={layer}"


def accessibility_children(demo: Demo) -> None:
    """2SFCA of the offers for children, youth and families against children under 15."""
    run_algorithm(
        "sozialplanung:accessibility",
        DEMAND=children_demand(demo),
        POPULATION_FIELD="children_u15",
        SUPPLY=str(EXAMPLES / "offers.gpkg"),
        CAPACITY_FIELD="capacity",
        CATEGORY_FIELD="categories",
        CATEGORY=KINDER_CATEGORY,
        ID_FIELD="offer_id",
        METHOD="0",
        MAX_COST="5000",
        OUTPUT=demo.layer("erreichbarkeit_kinder"),
    )


def summary(demo: Demo) -> None:
    from geolib.io import read_vector

    opp = read_vector(demo.atlas, layer="angebote_je_einwohner")
    print("\nAngebote je 1.000 Einwohner (synthetische Beispielwerte), 49 Gemeinden:")
    table = opp[["GEN", "EWZ_2018", "offers", "offers_per_1000"]].sort_values(
        "offers_per_1000", ascending=False
    )
    print(f"  {'Gemeinde':<28}{'Einwohner':>10}{'Angebote':>10}{'je 1.000':>10}")
    for row in table.itertuples():
        rate = "—" if row.offers_per_1000 != row.offers_per_1000 else de(row.offers_per_1000, 2)
        print(f"  {row.GEN:<28}{de(row.EWZ_2018):>10}{row.offers:>10}{rate:>10}")
    total_pop, total = int(opp["EWZ_2018"].sum()), int(opp["offers"].sum())
    kreis_rate = de(total / total_pop * 1000, 2)
    print(f"  {'Kreis Pinneberg':<28}{de(total_pop):>10}{total:>10}{kreis_rate:>10}")
    summary_density_accessibility(demo)


def summary_density_accessibility(demo: Demo) -> None:
    import rasterio

    with rasterio.open(OUT / DENSITY) as src:
        values = src.read(1)
        print(
            f"\nAngebotsdichte ({DENSITY}, Quartic-Kern 1.500 m, 50-m-Raster): "
            f"{src.height} × {src.width} Pixel, höchstens {de(float(values.max()), 2)} "
            "Angebote je km²"
        )
    from geolib.io import read_vector

    acc = read_vector(demo.atlas, layer="erreichbarkeit_kinder")
    print(
        f"\nErreichbarkeit (2SFCA, 5 km Luftlinie) der Angebote '{KINDER_CATEGORY}' "
        "für Kinder unter 15, Plätze je 1.000 Kinder (Kreismittel = 1):"
    )
    table = acc.sort_values("score_norm")
    for row in list(table.head(3).itertuples()) + list(table.tail(3).itertuples()):
        print(
            f"  {row.GEN:<28}{de(row.score_per_1000, 1):>10}{de(row.score_norm, 2):>8}"
            f"   nächstes Angebot {de(row.nearest_m)} m"
        )


def de(value: float, decimals: int = 0) -> str:
    """A number the German way: 314.391 and 1,43."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def main() -> None:
    start = time.perf_counter()
    work = ROOT / "out.tmp"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    demo = Demo(work)
    demo.step("Vorbereitung (Beispieldaten, Plugin)", prepare)
    demo.step("Angebote je Einwohner", lambda: offers_per_population(demo))
    demo.step("Angebotsdichte (Kerndichte)", lambda: offer_density(demo))
    demo.step("Erreichbarkeit Kinder (2SFCA)", lambda: accessibility_children(demo))
    # replace out/ as a whole, so a failed run never leaves half an atlas behind
    old = ROOT / "out.old"
    if old.exists():
        shutil.rmtree(old)
    if OUT.exists():
        OUT.rename(old)
    work.rename(OUT)
    if old.exists():
        shutil.rmtree(old)
    demo.atlas = OUT / ATLAS
    summary(demo)
    print("\nZeit je Schritt:")
    for title, seconds in demo.times:
        print(f"  {title:<40}{seconds:6.1f} s")
    print(f"  {'Gesamt':<40}{time.perf_counter() - start:6.1f} s")
    names = ", ".join(sorted(p.name for p in OUT.iterdir()))
    print(f"\nErgebnisse in {OUT.relative_to(ROOT)}/: {names}")


if __name__ == "__main__":
    main()
