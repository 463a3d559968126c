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


def catchments_wedel(demo: Demo) -> None:
    """Walking catchments (5/10/15 min) of the example offers on the real Wedel streets."""
    run_algorithm(
        "sozialplanung:catchments",
        NETWORK=f"{KREIS}|layername=osm_strassen_wedel_detail",
        OFFERS=str(EXAMPLES / "offers.gpkg"),
        MODE="0",
        COST="0",
        PROFILE="0",
        BREAKS="5,10,15",
        OVERLAP="0",
        SNAP_DISTANCE="250",
        WALKOFF_DISTANCE="50",
        POPULATION=f"{KREIS}|layername=gemeinden",
        POPULATION_FIELD="EWZ_2018",
        OUTPUT=demo.layer("einzugsgebiete_wedel_fuss"),
        OUTPUT_LINES=demo.layer("einzugsgebiete_wedel_strassen"),
        OUTPUT_UNROUTABLE=demo.layer("einzugsgebiete_wedel_nicht_routbar"),
        OUTPUT_POPULATION=demo.layer("einzugsgebiete_wedel_bevoelkerung"),
    )


def catchments_kreis(demo: Demo) -> None:
    """Straight-line coverage (1, 2, 5 km) of all example offers for the whole Kreis."""
    run_algorithm(
        "sozialplanung:catchments",
        OFFERS=str(EXAMPLES / "offers.gpkg"),
        MODE="1",
        COST="1",
        BREAKS="1000,2000,5000",
        OVERLAP="1",
        POPULATION=f"{KREIS}|layername=gemeinden",
        POPULATION_FIELD="EWZ_2018",
        OUTPUT=demo.layer("einzugsgebiete_kreis_luftlinie"),
        OUTPUT_POPULATION=demo.layer("erreichte_bevoelkerung_kreis"),
    )


def catchments_summary(demo: Demo) -> None:
    from geolib.io import read_vector

    wedel = read_vector(demo.atlas, layer="einzugsgebiete_wedel_fuss")
    unroutable = read_vector(demo.atlas, layer="einzugsgebiete_wedel_nicht_routbar")
    pop_w = read_vector(demo.atlas, layer="einzugsgebiete_wedel_bevoelkerung")
    n_offers = wedel["offer_id"].nunique()
    print("\nEinzugsgebiete zu Fuß auf den Wedeler Straßen (synthetische Beispielangebote):")
    print(f"  {n_offers} Angebote geroutet, {len(unroutable)} außerhalb des Wedeler Netzes")
    print("  (das Straßennetz deckt nur die Wedeler Innenstadt ab, etwa 3 × 3 km)")
    w = pop_w[pop_w["GEN"] == "Wedel"].sort_values("break_min")
    for row in w.itertuples():
        print(
            f"  {row.break_min:>4.0f} min: {de(row.reached):>7} von {de(row.population)} "
            f"Wedelern erreicht ({de(row.reached_pct, 1)} %)"
        )
    table = read_vector(demo.atlas, layer="erreichte_bevoelkerung_kreis")
    print("\nLuftlinien-Abdeckung aller Beispielangebote im Kreis:")
    for b, g in table.groupby("break_m"):
        reached, total = g["reached"].sum(), g["population"].sum()
        print(
            f"  {b / 1000:>4.0f} km: {de(reached):>8} erreicht, {de(total - reached):>7} nicht "
            f"erreicht ({de(100 * reached / total, 1)} %)"
        )
    worst = table[table["break_m"] == 2000].nsmallest(5, "reached_pct")
    names = ", ".join(f"{r.GEN} {de(r.reached_pct, 0)} %" for r in worst.itertuples())
    print(f"  geringste Abdeckung bis 2 km: {names}")


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
    demo.step("Einzugsgebiete zu Fuß (Wedel)", lambda: catchments_wedel(demo))
    demo.step("Einzugsgebiete Luftlinie (Kreis)", lambda: catchments_kreis(demo))
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
    catchments_summary(demo)
    print("\nZeit je Schritt:")
    for title, seconds in demo.times:
        print(f"  {title:<40}{seconds:6.1f} s")
    print(f"  {'Gesamt':<40}{time.perf_counter() - start:6.1f} s")
    names = ", ".join(sorted(p.name for p in OUT.iterdir()))
    print(f"\nErgebnisse in {OUT.relative_to(ROOT)}/: {names}")


if __name__ == "__main__":
    main()
