"""Writing the example folder (GeoPackages, CSV with .csvt, README) and the command line."""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..errors import GeolibError
from ..io import (
    SYNTHETIC_LABEL,
    OutputLayer,
    Provenance,
    atomic_path,
    write_gpkg,
)
from ..schema import LIST_SEPARATOR
from .common import DEFAULT_AS_OF, DEFAULT_SEED
from .indicators import INDICATOR_COUNT_FIELDS, generate_indicators
from .offers import OFFER_FIELDS, generate_offers
from .reference import ATTRIBUTION, load_reference_data
from .regions import planning_regions
from .vocabulary import _PHONE_PREFIX


def _csvt(frame: pd.DataFrame) -> str:
    types = []
    for col in frame.columns:
        dtype = frame[col].dtype
        if pd.api.types.is_integer_dtype(dtype):
            types.append('"Integer64"')
        elif pd.api.types.is_float_dtype(dtype):
            types.append('"Real"')
        else:
            types.append('"String"')
    return ",".join(types) + "\n"


def _write_text(path: Path, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")


def _write_csv(path: Path, frame: pd.DataFrame) -> None:
    with atomic_path(path) as tmp:
        frame.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
    _write_text(path.with_suffix(".csvt"), _csvt(frame))


def _readme(seed: int, n_offers: int, as_of: _dt.date, data_path: Path) -> str:
    offer_fields = ", ".join(f"`{f}`" for f in OFFER_FIELDS)
    count_fields = ", ".join(f"`{f}`" for f in INDICATOR_COUNT_FIELDS)
    return f"""# Beispieldaten Kreis Pinneberg — {SYNTHETIC_LABEL}

**Alle Sozialindikatoren und Angebote in diesem Ordner sind {SYNTHETIC_LABEL}.**
Sie wurden zufällig (reproduzierbar) erzeugt und sind *keine amtlichen Zahlen* und
*keine echten Angebote*. Sie dienen nur zur Demonstration und zum Testen.

Erzeugt mit
`python -m geolib.examples --seed {seed} --offers {n_offers} --as-of {as_of.isoformat()}`
(Stichtag für `updated_at`) aus den realen Referenzdaten
`{data_path.as_posix()}`. Derselbe Seed erzeugt dieselben Werte.

## Dateien

- `offers.gpkg`, Layer `offers`: {n_offers} synthetische Hilfeportal-Angebote als
  Punkte (EPSG:25832; WGS84 zusätzlich in `lon`/`lat`). Felder: {offer_fields}.
  Listenfelder (`categories`, `target_groups`) sind mit `{LIST_SEPARATOR}` verbunden,
  die Hauptkategorie steht auch in `category`. Web-Adressen enden auf `.example`,
  Telefonnummern liegen im fiktiven Bereich {_PHONE_PREFIX}000 bis -999.
- `indikatoren.csv` und `indikatoren.gpkg` (Tabelle `indikatoren`): synthetische
  Fallzahlen je Gemeinde (`ags`) und Jahr (`year`): {count_fields}.
  Quoten werden aus diesen Zahlen berechnet.
- `planungsraeume.csv`: Zuordnung `ags` → `planungsraum` (Amt bzw. amtsfreie Gemeinde),
  `kreis` und `groesse` (Größenklasse); aus den realen VG250-Schlüsseln abgeleitet,
  nicht synthetisch.

Die CSV-Dateien sind UTF-8 und kommagetrennt; die `.csvt`-Dateien geben die Spaltentypen
an, damit QGIS und GDAL den AGS als Text mit führender Null lesen.

Jede Zeile der synthetischen Daten trägt `synthetic = 1` und
`source_note = "{SYNTHETIC_LABEL}"`; jede GeoPackage-Ebene trägt diese Kennzeichnung
auch in ihren Metadaten (Provenienz).

## Quellen der verwendeten realen Daten

{ATTRIBUTION}
"""


def write_examples(
    out_dir: str | os.PathLike,
    *,
    data_path: str | os.PathLike = "data/kreis_pinneberg.gpkg",
    seed: int = DEFAULT_SEED,
    n_offers: int = 450,
    as_of: _dt.date | str = DEFAULT_AS_OF,
) -> dict[str, Path]:
    """Write all example files into ``out_dir`` (created if needed).

    Parameters
    ----------
    out_dir
        The output folder.
    data_path
        The real reference GeoPackage (``data/kreis_pinneberg.gpkg``).
    seed
        Seed of every generator.
    n_offers
        Number of synthetic offers.
    as_of
        Reference date of the offers' ``updated_at``.

    Returns
    -------
    dict of str to Path
        ``offers`` (offers.gpkg), ``indikatoren_csv`` (indikatoren.csv),
        ``indikatoren_gpkg`` (indikatoren.gpkg), ``planungsraeume``
        (planungsraeume.csv) and ``readme`` (README.md).

    Raises
    ------
    SourceError
        The reference data cannot be read.
    OutputError
        The folder or a file cannot be written.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if isinstance(as_of, str):
        as_of = _dt.date.fromisoformat(as_of)
    ref = load_reference_data(data_path)
    src = Path(data_path).as_posix()
    offers = generate_offers(
        ref["gemeinden"],
        n=n_offers,
        seed=seed,
        places=ref["places"],
        streets=ref["streets"],
        pois=ref["pois"],
        as_of=as_of,
    )
    indicators = generate_indicators(ref["gemeinden"], seed=seed)
    regions = planning_regions(ref["gemeinden"], ref["aemter"])

    paths = {
        "offers": out / "offers.gpkg",
        "indikatoren_csv": out / "indikatoren.csv",
        "indikatoren_gpkg": out / "indikatoren.gpkg",
        "planungsraeume": out / "planungsraeume.csv",
        "readme": out / "README.md",
    }
    notes = [f"{SYNTHETIC_LABEL}: keine amtlichen Zahlen, keine echten Angebote.", ATTRIBUTION]
    write_gpkg(
        paths["offers"],
        OutputLayer(
            "offers",
            offers,
            provenance=Provenance(
                title="Hilfeportal-Angebote (Beispiel)",
                inputs={
                    "gemeinden": f"{src}|layername=gemeinden",
                    "places": f"{src}|layername=osm_orte",
                    "streets": f"{src}|layername=osm_strassen_wedel_detail, "
                    "osm_strassen_wedel, osm_hauptstrassen",
                    "pois": f"{src}|layername=osm_pois_wedel",
                },
                parameters={"seed": seed, "n": n_offers, "as_of": as_of.isoformat()},
                data_year=as_of.year,
                synthetic=True,
                method="geolib.examples.generate_offers",
                notes=notes,
            ),
        ),
    )
    write_gpkg(
        paths["indikatoren_gpkg"],
        OutputLayer(
            "indikatoren",
            indicators,
            provenance=Provenance(
                title="Sozialindikatoren je Gemeinde (Beispiel)",
                inputs={"gemeinden": f"{src}|layername=gemeinden"},
                parameters={"seed": seed},
                data_year=f"{indicators['year'].min()}–{indicators['year'].max()}",
                synthetic=True,
                method="geolib.examples.generate_indicators",
                notes=notes,
            ),
        ),
    )
    _write_csv(paths["indikatoren_csv"], indicators)
    _write_csv(paths["planungsraeume"], regions)
    _write_text(paths["readme"], _readme(seed, n_offers, as_of, Path(data_path)))
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m geolib.examples --out data/examples [--seed 2026]``."""
    parser = argparse.ArgumentParser(
        prog="python -m geolib.examples",
        description=f"Write seeded synthetic example data ({SYNTHETIC_LABEL}) for "
        "Kreis Pinneberg: offers, indicator counts and planning regions.",
    )
    parser.add_argument("--out", default="data/examples", help="output folder")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument("--offers", type=int, default=450, help="number of offers (300–600)")
    parser.add_argument(
        "--data", default="data/kreis_pinneberg.gpkg", help="real reference GeoPackage"
    )
    parser.add_argument(
        "--as-of",
        default=DEFAULT_AS_OF.isoformat(),
        help="reference date (YYYY-MM-DD) for the offers' updated_at",
    )
    args = parser.parse_args(argv)
    try:
        paths = write_examples(
            args.out, data_path=args.data, seed=args.seed, n_offers=args.offers, as_of=args.as_of
        )
    except GeolibError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Wrote {SYNTHETIC_LABEL} (seed {args.seed}) to {Path(args.out)}:")
    for path in paths.values():
        print(f"  {path.name}")
    return 0
