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
if str(ROOT) not in sys.path:  # geolib from this source tree, also without `pip install -e`
    sys.path.insert(0, str(ROOT))
DATA = ROOT / "data"
KREIS = DATA / "kreis_pinneberg.gpkg"
ZENSUS = DATA / "zensus2011" / "zensus2011_1km_kreis_pinneberg.gpkg"
#: the real population grid, counted per municipality (land share: Helgoland's sea cells)
ZENSUS_POPULATION = {
    "POPULATION": f"{ZENSUS}|layername=zensus2011_1km",
    "POPULATION_FIELD": "einwohner_summe_altersgruppen",
    "LAND_SHARE_FIELD": "anteil_land",
    "AREAS": f"{KREIS}|layername=gemeinden",
}
ZENSUS_SOURCE = "Zensus 2011, © Statistisches Bundesamt"
EXAMPLES = DATA / "examples"
REAL = DATA / "real"
SCHOOLS = REAL / "schulen_kreis_pinneberg.gpkg"
SCHOOLS_SOURCE = "Statistikamt Nord, Schulverzeichnis Schleswig-Holstein (CC0 1.0)"
INCOME = REAL / "kreis_pinneberg_lohn_einkommensteuer_2021.csv"
INCOME_SOURCE = "© Statistische Ämter des Bundes und der Länder, 2025 (dl-de/by-2.0)"
INCOME_TABLE = "Regionalstatistik 73111-01-01-5"
STYLES = ROOT / "styles"
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
        # keep QGIS from switching the bundled GeoPackage to WAL mode (it would rewrite it)
        OGR_SQLITE_JOURNAL="DELETE",
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
    german_locale()


def german_locale() -> None:
    """Run the demo's QGIS in German: messages, and layer titles on the atlas maps."""
    ini = CONFIG / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    text = ini.read_text(encoding="utf-8") if ini.exists() else ""
    if "userLocale=" not in text:
        ini.write_text(
            text.rstrip("\n") + "\n\n[locale]\noverrideFlag=true\nuserLocale=de\n",
            encoding="utf-8",
        )


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


def hilfeportal(demo: Demo) -> None:
    """Start the example Hilfeportal; load its offers like the dock and Processing do."""
    from geolib.hilfeportal import load_offers
    from geolib.hilfeportal_server import HilfeportalServer, example_services

    with HilfeportalServer(example_services(EXAMPLES / "offers.gpkg")) as server:
        direct = load_offers(server.url)  # the geolib client, as the dock's task uses it
        run_algorithm(
            "sozialplanung:hilfeportal",
            SOURCE=server.url,
            OUTPUT=demo.layer("hilfeportal_angebote"),
            OUTPUT_CHECKS=demo.layer("hilfeportal_pruefliste"),
        )
    counts = direct.checks["check"].value_counts()
    findings = ", ".join(f"{code} {n}" for code, n in counts.items()) or "keine"
    print(
        f"  {len(direct.all_offers)} Angebote vom Beispiel-Hilfeportal ({server.url}), "
        f"Prüfliste: {findings}"
    )


def sozialformel(demo: Demo) -> None:
    """Pinneberg preset on the synthetic 2019–2023 table; Ämter, Kreis, large towns."""
    run_algorithm(
        "sozialplanung:sozialformel",
        AREAS=f"{KREIS}|layername=gemeinden",
        AREA_KEY="AGS",
        TABLE=str(EXAMPLES / "indikatoren.csv"),
        YEARS="2019-2023",
        GROUPS=str(EXAMPLES / "planungsraeume.csv"),
        GROUP_FIELD="planungsraum,kreis,groesse",
        OUTPUT=demo.layer("sozialformel"),
        OUTPUT_TABLE=demo.layer("sozialformel_jahre"),
        OUTPUT_GROUPS=demo.layer("sozialformel_gruppen"),
        OUTPUT_REPORT=str(demo.work / "sozialformel_bericht.html"),
    )
    # a smooth surface of the children under 15 (counts per 100 m cell, totals kept)
    run_algorithm(
        "sozialplanung:surface",
        AREAS=f"{demo.atlas}|layername=sozialformel",
        FIELD="kinderarmut_den",
        METHOD="1",
        PIXEL_SIZE="100",
        OUTPUT=str(demo.work / "kinder_unter_15_oberflaeche.tif"),
    )
    import pyogrio

    from geolib.io import read_vector

    areas = read_vector(demo.atlas, layer="sozialformel")
    groups = pyogrio.read_dataframe(demo.atlas, layer="sozialformel_gruppen")
    # withheld indices (data protection: index_suppression) are never printed or ranked
    published = areas[areas["index_value"].notna()].sort_values("index_rank")
    print(
        f"  Sozialformel 2023 (synthetische Beispielwerte): {len(published)} von {len(areas)} "
        "Gemeinden mit veröffentlichtem Index (die übrigen geheim: Datenschutz)"
    )
    print("  die zehn höchsten veröffentlichten Werte:")
    print(f"  {'Rang':>4}  {'Gemeinde':<30}{'Index':>7}{'± Vorjahr':>11}{'Rang ± ':>8}")
    for row in published.head(10).itertuples():
        _print_rank(row)
    print("  … und die fünf niedrigsten:")
    for row in published.tail(5).itertuples():
        _print_rank(row)
    latest = groups[groups["year"] == groups["year"].max()]
    for name in ("Kreis Pinneberg", "Städte über 30.000 Einwohner", "Elmshorn"):
        value = latest.loc[latest["group_name"] == name, "index_value"]
        if len(value):
            shown = "geheim" if value.iloc[0] != value.iloc[0] else de(value.iloc[0], 1)
            print(f"  {name:<36}{shown:>7}")


def _print_rank(row) -> None:
    """One row of the ranking; a withheld change or rank change prints as a dash."""
    change = "—" if row.index_change != row.index_change else de(row.index_change, 1)
    if change[0].isdigit():
        change = ("±" if change == "0,0" else "+") + change
    moved = row.rank_change
    places = "—" if moved is None or moved != moved else f"{int(moved):+d}".replace("-", "−")
    places = "±0" if places == "+0" else places
    print(
        f"  {int(row.index_rank):>4}  {row.GEN:<30}{de(row.index_value, 1):>7}"
        f"{change:>11}{places:>8}"
    )


def sozialbericht(demo: Demo) -> None:
    """The interactive Sozialbericht (a web folder) from the Sozialformel's outputs."""
    run_algorithm(
        "sozialplanung:sozialbericht",
        AREAS=f"{demo.atlas}|layername=sozialformel",
        AREA_YEARS=f"{demo.atlas}|layername=sozialformel_jahre",
        GROUP_YEARS=f"{demo.atlas}|layername=sozialformel_gruppen",
        GROUPS=str(EXAMPLES / "planungsraeume.csv"),
        OUTPUT_FOLDER=str(demo.work / "sozialbericht"),
    )
    print("  sozialbericht/index.html (offline, im Browser zu öffnen)")


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
        OFFER_ID_FIELD="offer_id",
        METHOD="0",
        MAX_COST="5000",
        OUTPUT=demo.layer("erreichbarkeit_kinder"),
    )


#: walking 5/10/15 min on the real Wedel streets (the bundled network: Wedel's centre)
WEDEL_WALK = {
    "NETWORK": f"{KREIS}|layername=osm_strassen_wedel_detail",
    # these streets meet (end on each other, cross) without shared vertices: node them
    "NODING": "true",
    "MODE": "0",
    "COST": "0",
    "PROFILE": "0",
    "BREAKS": "5,10,15",
    "OVERLAP": "0",
    "SNAP_DISTANCE": "250",
}


def catchments_wedel(demo: Demo) -> None:
    """Walking catchments (5/10/15 min) of the example offers on the real Wedel streets."""
    run_algorithm(
        "sozialplanung:catchments",
        **WEDEL_WALK,
        OFFERS=str(EXAMPLES / "offers.gpkg"),
        WALKOFF_DISTANCE="50",
        **ZENSUS_POPULATION,
        OUTPUT=demo.layer("einzugsgebiete_wedel_fuss"),
        OUTPUT_LINES=demo.layer("einzugsgebiete_wedel_strassen"),
        OUTPUT_UNROUTABLE=demo.layer("einzugsgebiete_wedel_nicht_routbar"),
        OUTPUT_POPULATION=demo.layer("einzugsgebiete_wedel_bevoelkerung"),
    )


def catchments_kreis(demo: Demo) -> None:
    """Straight-line coverage (1,125 m ≈ 15 min walking, 2 km, 5 km) of all example offers."""
    run_algorithm(
        "sozialplanung:catchments",
        OFFERS=str(EXAMPLES / "offers.gpkg"),
        MODE="1",
        COST="1",
        # 1,125 m: 15 minutes walking at 4.5 km/h as a straight line
        BREAKS="1125,2000,5000",
        OVERLAP="1",
        **ZENSUS_POPULATION,
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
    print(f"  Einwohner: 1-km-Raster des {ZENSUS_SOURCE}, je Gemeinde nach Fläche verteilt")
    print(f"  {n_offers} Angebote geroutet, {len(unroutable)} außerhalb des Wedeler Netzes")
    print("  (das Straßennetz deckt nur die Wedeler Innenstadt ab, etwa 3 × 3 km)")
    w = pop_w[pop_w["GEN"] == "Wedel"].sort_values("break_min")
    for row in w.itertuples():
        print(
            f"  {row.break_min:>4.0f} min: {de(row.reached):>7} von {de(row.population)} "
            f"Wedelern erreicht ({de(row.reached_pct, 1)} %)"
        )
    table = read_vector(demo.atlas, layer="erreichte_bevoelkerung_kreis")
    print(f"\nLuftlinien-Abdeckung aller Beispielangebote im Kreis (Einwohner: {ZENSUS_SOURCE}):")
    for b, g in table.groupby("break_m"):
        reached, total = g["reached"].sum(), g["population"].sum()
        print(
            f"  {de(b):>5} m: {de(reached):>8} erreicht, {de(total - reached):>7} nicht "
            f"erreicht ({de(100 * reached / total, 1)} %)"
        )
    worst = table[table["break_m"] == 2000].nsmallest(5, "reached_pct")
    names = ", ".join(f"{r.GEN} {de(r.reached_pct, 0)} %" for r in worst.itertuples())
    print(f"  geringste Abdeckung bis 2 km: {names}")

    print(
        "\nBevölkerung ohne Angebot innerhalb von 15 Minuten zu Fuß (synthetische Angebote; "
        f"Einwohner: {ZENSUS_SOURCE}, 1-km-Raster):"
    )
    walk = table[table["break_m"] == 1125]
    reached, total = walk["reached"].sum(), walk["population"].sum()
    print(
        f"  Kreis Pinneberg: {de(total - reached)} von {de(total)} Einwohnern (2011) "
        f"({de(100 * (total - reached) / total, 1)} %)"
    )
    print(
        "    Näherung: 1.125 m Luftlinie = 15 min bei 4,5 km/h; auf Straßen ist der Weg "
        "länger, der wahre Anteil also höher"
    )
    w15 = w[w["break_min"] == 15]
    if len(w15):
        row = w15.iloc[0]
        print(
            f"  Wedel auf dem Straßennetz: {de(row.population - row.reached)} von "
            f"{de(row.population)} ({de(100 - row.reached_pct, 1)} %)"
        )
        print(
            "    nur die Angebote und Wege im Netzausschnitt der Innenstadt (etwa 3 × 3 km); "
            "Angebote außerhalb zählen dort nicht mit"
        )


def schools(demo: Demo) -> None:
    """The real schools: a layer of the atlas, straight-line walking coverage with the
    Zensus population, and their density."""
    from geolib.io import OutputLayer, Provenance, read_vector, write_gpkg

    gdf = read_vector(SCHOOLS, layer="schulen")
    fields = ["id", "name", "street", "house_number", "zipcode", "city", "website", "GEN"]
    provenance = Provenance(
        title="Schulen im Kreis Pinneberg",
        inputs={"source": f"data/real/{SCHOOLS.name}"},
        synthetic=False,
        method="copy",
        notes=[SCHOOLS_SOURCE],
    )
    write_gpkg(
        demo.atlas,
        [OutputLayer("schulen", gdf[[*fields, "geometry"]], STYLES / "schools.qml", provenance)],
        keep_existing=True,
    )
    run_algorithm(
        "sozialplanung:catchments",
        OFFERS=f"{demo.atlas}|layername=schulen",
        OFFER_ID_FIELD="id",
        MODE="1",
        COST="1",
        BREAKS="1125,2000",
        OVERLAP="1",
        **ZENSUS_POPULATION,
        OUTPUT=demo.layer("einzugsgebiete_schulen_luftlinie"),
        OUTPUT_POPULATION=demo.layer("erreichte_bevoelkerung_schulen"),
    )
    # walking on the real streets where the bundled network reaches (Wedel's centre)
    run_algorithm(
        "sozialplanung:catchments",
        **WEDEL_WALK,
        OFFERS=f"{demo.atlas}|layername=schulen",
        OFFER_ID_FIELD="id",
        OUTPUT=demo.layer("einzugsgebiete_schulen_wedel_fuss"),
        OUTPUT_UNROUTABLE=demo.layer("einzugsgebiete_schulen_wedel_nicht_routbar"),
    )
    run_algorithm(
        "sozialplanung:offerdensity",
        INPUT=f"{demo.atlas}|layername=schulen",
        RADIUS="3000",
        PIXEL_SIZE="100",
        KERNEL="0",
        OUTPUT_VALUE="3",
        OUTPUT=str(demo.work / "schulen_dichte.tif"),
    )
    table = read_vector(demo.atlas, layer="erreichte_bevoelkerung_schulen")
    print(f"  {len(gdf)} Schulen ({SCHOOLS_SOURCE}); Einwohner: {ZENSUS_SOURCE}")
    for b, g in table.groupby("break_m"):
        reached, total = g["reached"].sum(), g["population"].sum()
        print(
            f"  Schule bis {de(b):>5} m Luftlinie: {de(reached):>8} von {de(total)} Einwohnern "
            f"({de(100 * reached / total, 1)} %)"
        )


def income(demo: Demo) -> None:
    """The real income per taxpayer 2021 per municipality, mapped as it is."""
    import pandas as pd

    from geolib.io import OutputLayer, Provenance, read_vector, write_gpkg

    table = pd.read_csv(INCOME, dtype={"ags": str})
    gemeinden = read_vector(KREIS, layer="gemeinden")[["AGS", "GEN", "geometry"]]
    layer = gemeinden.merge(table.drop(columns=["name"]), left_on="AGS", right_on="ags")
    if len(layer) != len(gemeinden):
        raise SystemExit(f"income 2021: {len(layer)} of {len(gemeinden)} municipalities matched")
    provenance = Provenance(
        title="Einkünfte je Steuerpflichtigen 2021 (EUR)",
        inputs={"source": f"data/real/{INCOME.name}"},
        data_year=2021,
        synthetic=False,
        method="join on AGS",
        notes=[INCOME_SOURCE, INCOME_TABLE],
    )
    write_gpkg(
        demo.atlas,
        [
            OutputLayer(
                "einkommen_2021", layer.drop(columns=["ags"]), STYLES / "income.qml", provenance
            )
        ],
        keep_existing=True,
    )
    kreis = table[table["ags"] == "01056"].iloc[0]
    low = layer.nsmallest(1, "einkuenfte_je_stpfl_eur").iloc[0]
    high = layer.nlargest(1, "einkuenfte_je_stpfl_eur").iloc[0]
    print(
        f"  Einkünfte je Steuerpflichtigen 2021 (echte Werte, {INCOME_TABLE}, {INCOME_SOURCE}): "
        f"Kreis {de(kreis.einkuenfte_je_stpfl_eur)} €, von {de(low.einkuenfte_je_stpfl_eur)} € "
        f"({low.GEN}) bis {de(high.einkuenfte_je_stpfl_eur)} € ({high.GEN})"
    )


def atlas(demo: Demo) -> None:
    """The last step: project, one layout per theme, maps/*.png and atlas.pdf."""
    results = run_algorithm(
        "sozialplanung:atlas",
        INPUT=str(demo.atlas),
        BASEMAP=str(KREIS),
        REGIONS=str(EXAMPLES / "planungsraeume.csv"),
        OUTPUT_FOLDER=str(demo.work),
    )
    maps = sorted(p.name for p in (demo.work / "maps").glob("*.png"))
    print(
        f"  {int(results['LAYOUTS'])} Karten: {', '.join(maps)}; atlas.pdf, sozialplanungsatlas.qgz"
    )
    print(f"  Gemeindesteckbriefe: {int(results['PROFILE_PAGES'])} Seiten, gemeindesteckbriefe.pdf")


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


def de(value: float, decimals: int = 0) -> str:
    """A number the German way: 314.391, 1,43 and −0,7 (a minus sign, not a hyphen)."""
    text = f"{value:,.{decimals}f}"
    text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return "−" + text[1:] if text.startswith("-") else text


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


def main() -> None:
    start = time.perf_counter()
    work = ROOT / "out.tmp"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    demo = Demo(work)
    demo.step("Vorbereitung (Beispieldaten, Plugin)", prepare)
    demo.step("Angebote je Einwohner", lambda: offers_per_population(demo))
    demo.step("Hilfeportal (Beispielserver)", lambda: hilfeportal(demo))
    demo.step("Sozialformel, Bericht und Oberfläche", lambda: sozialformel(demo))
    demo.step("Sozialbericht (Webseite)", lambda: sozialbericht(demo))
    demo.step("Angebotsdichte (Kerndichte)", lambda: offer_density(demo))
    demo.step("Erreichbarkeit Kinder (2SFCA)", lambda: accessibility_children(demo))
    demo.step("Einzugsgebiete zu Fuß (Wedel)", lambda: catchments_wedel(demo))
    demo.step("Einzugsgebiete Luftlinie (Kreis)", lambda: catchments_kreis(demo))
    demo.step("Schulen (echte Standorte)", lambda: schools(demo))
    demo.step("Einkünfte 2021 (echte Werte)", lambda: income(demo))
    demo.step("Atlas (Projekt, Karten, PDF)", lambda: atlas(demo))
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
