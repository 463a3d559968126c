"""Screenshots for the user guide (docs/img/): every algorithm dialog, the model, the results.

Run after ``make demo`` (the results come from ``out/``)::

    .venv/bin/python scripts/screenshots.py

The script builds the plugin zip, installs it into a fresh QGIS profile with the German
UI and starts real QGIS desktop under Xvfb with this same file as ``--code``. Inside
QGIS (``SOZ_SHOTS_DRIVER=1``) it loads the demo inputs, opens each algorithm's dialog
with ``processing.createAlgorithmDialog(alg_id, params)``, opens the model in the
Graphical Modeler and grabs every window. Back outside, the pictures and the atlas maps
of ``out/maps`` are scaled to at most 1200 px and reduced to 256 colours (≤ 200 KB).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# inside QGIS (``--code``) there is no __file__; the launcher passes the root
ROOT = Path(os.environ["SOZ_ROOT"] if "SOZ_ROOT" in os.environ else __file__).resolve()  # noqa: SIM401
ROOT = ROOT if (ROOT / "models").is_dir() else ROOT.parent.parent
IMG = ROOT / "docs" / "img"

#: dialog screenshots: file stem → (algorithm id, parameters; names in ``LAYERS`` are layers)
DIALOGS: dict[str, tuple[str, dict]] = {
    "dialog_offersperpopulation": (
        "sozialplanung:offersperpopulation",
        {
            "OFFERS": "offers",
            "AREAS": "gemeinden",
            "POPULATION_FIELD": "EWZ_2018",
            "CATEGORY_FIELD": "category",
        },
    ),
    "dialog_catchments": (
        "sozialplanung:catchments",
        {
            "NETWORK": "strassen",
            "OFFERS": "offers",
            "BREAKS": "5,10,15",
            "POPULATION": "gemeinden",
            "POPULATION_FIELD": "EWZ_2018",
        },
    ),
    "dialog_offerdensity": (
        "sozialplanung:offerdensity",
        {"INPUT": "offers", "RADIUS": 1500, "PIXEL_SIZE": 50, "OUTPUT_VALUE": 3},
    ),
    "dialog_accessibility": (
        "sozialplanung:accessibility",
        {
            "DEMAND": "sozialformel",
            "POPULATION_FIELD": "kinderarmut_den",
            "SUPPLY": "offers",
            "CAPACITY_FIELD": "capacity",
            "CATEGORY_FIELD": "categories",
            "CATEGORY": "Kinder, Jugend und Familie",
            "MAX_COST": 5000,
        },
    ),
    "dialog_sozialformel": (
        "sozialplanung:sozialformel",
        {
            "AREAS": "gemeinden",
            "AREA_KEY": "AGS",
            "TABLE": "{examples}/indikatoren.csv",
            "YEARS": "2019-2023",
            "GROUPS": "{examples}/planungsraeume.csv",
            "GROUP_FIELD": "planungsraum,kreis,groesse",
        },
    ),
    "dialog_surface": (
        "sozialplanung:surface",
        {"AREAS": "sozialformel", "FIELD": "kinderarmut_den", "METHOD": 1, "PIXEL_SIZE": 100},
    ),
    "dialog_hilfeportal": ("sozialplanung:hilfeportal", {}),
    "dialog_atlas": (
        "sozialplanung:atlas",
        {"INPUT": "{out}/sozialplanungsatlas.gpkg", "BASEMAP": "{data}/kreis_pinneberg.gpkg"},
    ),
}

#: result pictures: file stem → map of out/maps
RESULTS = {
    "result_offersperpopulation": "dichte_erreichbarkeit",
    "result_catchments": "einzugsgebiete",
    "result_offerdensity": "dichte_erreichbarkeit_angebotsdichte",
    "result_accessibility": "dichte_erreichbarkeit_erreichbarkeit_kinder",
    "result_sozialformel": "sozialformel",
    "result_surface": "sozialformel_kinder_unter_15_oberflaeche",
    "result_hilfeportal": "hilfeportal",
    "result_grundlagen": "grundlagen",
}


# --- inside QGIS desktop ----------------------------------------------------------------------
def drive() -> None:  # pragma: no cover - runs inside qgis.bin
    import time
    import traceback

    shots = Path(os.environ["SOZ_SHOTS_RAW"])
    try:
        import processing
        from processing.modeler.ModelerDialog import ModelerDialog
        from qgis.core import QgsProcessingModelAlgorithm, QgsProject, QgsVectorLayer
        from qgis.PyQt.QtCore import QCoreApplication
        from qgis.utils import iface

        def settle(seconds: float) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                QCoreApplication.processEvents()
                time.sleep(0.02)

        data, out = ROOT / "data", ROOT / "out"
        examples = data / "examples"
        sources = {
            "gemeinden": (f"{data}/kreis_pinneberg.gpkg|layername=gemeinden", "Gemeinden"),
            "offers": (f"{examples}/offers.gpkg", "Angebote (Beispiel)"),
            "strassen": (
                f"{data}/kreis_pinneberg.gpkg|layername=osm_strassen_wedel_detail",
                "Straßen Wedel",
            ),
            "sozialformel": (
                f"{out}/sozialplanungsatlas.gpkg|layername=sozialformel",
                "Sozialformel",
            ),
        }
        layers = {}
        for key, (uri, name) in sources.items():
            layer = QgsVectorLayer(uri, name, "ogr")
            QgsProject.instance().addMapLayer(layer)
            layers[key] = layer
        iface.mainWindow().showMaximized()
        settle(1.0)
        for stem, (alg_id, params) in DIALOGS.items():
            values = {}
            for name, value in params.items():
                if isinstance(value, str) and value in layers:
                    value = layers[value].id()
                elif isinstance(value, str):
                    # paths relative to the repository (QGIS runs there): no machine paths
                    value = value.format(examples="data/examples", out="out", data="data")
                values[name] = value
            dialog = processing.createAlgorithmDialog(alg_id, values)
            dialog.resize(1150, 760)
            dialog.show()
            settle(0.8)
            dialog.grab().save(str(shots / f"{stem}.png"))
            dialog.close()
            settle(0.2)
        model = QgsProcessingModelAlgorithm()
        model.fromFile(str(ROOT / "models" / "sozialplanungsatlas.model3"))
        modeler = ModelerDialog.create(model)
        modeler.resize(1500, 900)
        modeler.show()
        settle(1.5)
        if hasattr(modeler, "zoomFull"):
            modeler.zoomFull()
        settle(0.5)
        modeler.grab().save(str(shots / "model_modeler.png"))
        modeler.close()
    except Exception:
        (shots / "error.txt").write_text(traceback.format_exc(), encoding="utf-8")
    os._exit(0)


# --- outside: start QGIS, then shrink the pictures --------------------------------------------
def shrink(source: Path, target: Path, width: int = 1200) -> None:
    """At most ``width`` px wide, 256 colours, optimised PNG."""
    from PIL import Image

    image = Image.open(source).convert("RGB")
    if image.width > width:
        image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    image = image.quantize(colors=256, method=Image.MEDIANCUT, dither=Image.NONE)
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(target, optimize=True)


def main() -> int:
    import subprocess
    import tempfile

    sys.path.insert(0, str(ROOT))
    from tests.plugin._helpers import build_zip, fresh_profile, qgis_env

    if not (ROOT / "out" / "maps").is_dir():
        sys.stderr.write("run `make demo` first: the results come from out/\n")
        return 1
    base = Path(tempfile.mkdtemp(prefix="soz-shots-"))
    raw = base / "raw"
    raw.mkdir()
    config, _ = fresh_profile(base, build_zip(base))
    ini = config / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text(
        "[PythonPlugins]\nsozialplanung=true\n\n[locale]\noverrideFlag=true\nuserLocale=de\n"
        "globalLocale=de_DE\n",
        encoding="utf-8",
    )
    env = qgis_env(config)
    env.pop("QT_QPA_PLATFORM", None)
    env.update(SOZ_SHOTS_DRIVER="1", SOZ_SHOTS_RAW=str(raw), SOZ_ROOT=str(ROOT))
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "/usr/bin/qgis.bin"]
    command += ["--nologo", "--noversioncheck", "--profiles-path", str(config)]
    command += ["--code", str(Path(__file__).resolve())]
    proc = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    print(f"raw screenshots in {raw}")
    if (raw / "error.txt").exists() or not any(raw.glob("*.png")):
        sys.stderr.write(proc.stderr[-3000:])
        if (raw / "error.txt").exists():
            sys.stderr.write((raw / "error.txt").read_text(encoding="utf-8"))
        return 1
    for png in sorted(raw.glob("*.png")):
        shrink(png, IMG / png.name)
    for stem, name in RESULTS.items():
        shrink(ROOT / "out" / "maps" / f"{name}.png", IMG / f"{stem}.png")
    dock = ROOT / "docs" / "hilfeportal_dock.png"
    if dock.exists():
        shrink(dock, IMG / "hilfeportal_dock.png")
    for png in sorted(IMG.glob("*.png")):
        print(f"{png.relative_to(ROOT)}  {png.stat().st_size // 1024} KB")
    return 0


if os.environ.get("SOZ_SHOTS_DRIVER") == "1":
    drive()
elif __name__ == "__main__":
    sys.exit(main())
