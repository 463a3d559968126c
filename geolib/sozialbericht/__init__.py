"""The interactive Sozialbericht: a self-contained web folder from the Sozialformel outputs.

:func:`write_sozialbericht` writes ``index.html``, ``data.js`` (the data as a script that
sets ``window.SOZIALBERICHT``, so the page also works opened from disk, where browsers
refuse ``fetch()``), ``app.js``, ``style.css`` and the vendored JavaScript library
(uPlot, from the npm registry: ``scripts/vendor_js.py``). No CDN, no server needed.

The page shows the Sozialformel of the municipalities as a map per year (a year slider),
the ranking of the planning regions with the change against the previous year, the
municipalities of a region on a click, and each indicator over the years. Texts come
from :mod:`.texts` (translated by the caller), numbers are German (``83,5``). The data
protection of the Sozialformel is applied (:mod:`.data`): withheld values are absent.
"""

from __future__ import annotations

import contextlib
import html
import json
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from string import Template
from typing import Any

import geopandas as gpd
import pandas as pd

from .._progress import Progress
from .._table import code_labels, normalise_keys
from ..errors import FieldError
from ..io import atomic_path, require_rows
from ..messages import N_, Message
from ..sozialformel import Config, load_config
from .data import report_data
from .svg import map_shapes
from .texts import texts

__all__ = ["WEB_DIR", "check_report", "sozialbericht_data", "write_sozialbericht"]

WEB_DIR = Path(__file__).resolve().parent / "web"
VENDOR_DIR = WEB_DIR / "vendor"
DATA_GLOBAL = "SOZIALBERICHT"
ASSETS = ("app.js", "style.css")

#: the attribution of the bundled Kreis Pinneberg data (data/README.md)
PINNEBERG_SOURCES = (
    "Gemeindegrenzen: © GeoBasis-DE / BKG (Daten verändert), dl-de/by-2.0 (VG250)",
    "Planungsräume: Ämter und amtsfreie Gemeinden aus den VG250-Schlüsseln",
)


def _libraries() -> list[dict[str, str]]:
    libs = []
    for manifest in sorted(VENDOR_DIR.glob("*/VENDORED.json")):
        record = json.loads(manifest.read_text(encoding="utf-8"))
        folder = manifest.parent.name
        files = sorted(record["files"])
        libs.append(
            {
                "name": record["name"],
                "version": record["version"],
                "license": record.get("license") or "",
                "folder": f"vendor/{folder}",
                "scripts": [f"vendor/{folder}/{f}" for f in files if f.endswith(".js")],
                "styles": [f"vendor/{folder}/{f}" for f in files if f.endswith(".css")],
            }
        )
    return libs


def _area_shapes(
    areas: gpd.GeoDataFrame, area_key: str, config: Config, notes: list[Message]
) -> tuple[dict[str, str], dict[str, str], dict[str, Any]]:
    require_rows(areas, what=N_("area layer"))
    if area_key not in areas.columns:
        raise FieldError(
            "The area layer has no field '{field}'. Its fields: {fields}.",
            field=area_key,
            fields=", ".join(c for c in map(str, areas.columns) if c != "geometry"),
        )
    keys, note = normalise_keys(areas[area_key], width=config.key_width, what=N_("area layer"))
    if note is not None:
        notes.append(note)
    shapes = map_shapes(areas.geometry)
    paths = {k: p for k, p in zip(keys, shapes.paths) if k is not None}
    name_field = next((f for f in ("GEN", "name", config.name) if f in areas.columns), None)
    names = dict(zip(keys, areas[name_field].astype(str))) if name_field else {}
    view = {
        "width": shapes.width,
        "height": shapes.height,
        "inset": shapes.inset,
        "insetNames": [names.get(keys.iloc[i], "") for i in shapes.outliers],
    }
    return paths, names, view


def _membership(
    mapping: pd.DataFrame | None, key: str, field: str | None, config: Config
) -> dict[str, str]:
    if mapping is None or field is None or field not in mapping.columns:
        return {}
    keys, _ = normalise_keys(mapping[key], width=config.key_width, what=N_("group table"))
    codes = code_labels(mapping[field])
    return {k: g for k, g in zip(keys, codes) if k is not None and g is not None}


def sozialbericht_data(
    areas: gpd.GeoDataFrame,
    table: pd.DataFrame,
    *,
    area_key: str = "AGS",
    groups: pd.DataFrame | None = None,
    mapping: pd.DataFrame | None = None,
    group_field: str | None = None,
    config: Config | str | None = None,
    title: str | None = None,
    sources: Sequence[str] = PINNEBERG_SOURCES,
    translate_text: Callable[[str], str] | None = None,
) -> tuple[dict[str, Any], list[Message]]:
    """The page's data (the object ``data.js`` assigns) and notes.

    Parameters
    ----------
    areas
        Polygons with ``area_key`` (e.g. the Sozialformel's areas output or the Gemeinden).
    table
        The Sozialformel per area and year (key, name, year, ``<indicator>_rate``,
        suppression flags, ``index_value``, ``index_class``, ...).
    groups
        The Sozialformel per group and year (``grouping``, ``group_name``, ``year``, ...).
    mapping
        The mapping table key → group (the Sozialformel's group table): who belongs to
        which planning region. Without it, ``areas`` may carry the group field.
    group_field
        The grouping shown as planning regions (default: ``planungsraum`` if present,
        else the first grouping with several groups).
    config
        The Sozialformel configuration (indicator labels, key, threshold); default the
        Pinneberg preset.
    sources
        Sources and licences, one per line on the page.
    translate_text
        Translates the page's texts (:mod:`.texts`); default English.
    """
    if not isinstance(config, Config):
        config = load_config(config)
    notes: list[Message] = []
    paths, names, view = _area_shapes(areas, area_key, config, notes)
    field = group_field
    if groups is not None and len(groups) and "grouping" in groups.columns:
        from .data import choose_grouping

        field = choose_grouping(groups, group_field)
    if mapping is not None:
        membership = _membership(mapping, config.key, field, config)
    else:
        areas_keys, _ = normalise_keys(areas[area_key], width=config.key_width)
        frame = areas.assign(**{config.key: areas_keys.to_numpy()})
        membership = _membership(frame, config.key, field, config)
    data = report_data(
        table=table,
        config=config,
        names=names,
        paths=paths,
        groups=groups,
        membership=membership,
        group_field=field,
        notes=notes,
    )
    page_texts = texts(translate_text)
    data.update(
        map=view,
        texts=page_texts,
        sources=[str(s) for s in sources if str(s).strip()],
        libraries=_libraries(),
    )
    if title:
        data["title"] = title
    return data, notes


def _render_index(data: dict[str, Any]) -> str:
    t = data["texts"]
    libs = data["libraries"]
    template = Template((WEB_DIR / "index.html").read_text(encoding="utf-8"))
    styles = "".join(
        f'  <link rel="stylesheet" href="{html.escape(s)}">\n'
        for lib in libs
        for s in lib["styles"]
    )
    scripts = "".join(
        f'  <script src="{html.escape(s)}"></script>\n' for lib in libs for s in lib["scripts"]
    )
    return template.substitute(
        lang=html.escape(t["lang"]),
        title=html.escape(data["title"]),
        heading=html.escape(t["title"]),
        noscript=html.escape(t["noscript"]),
        vendor_styles=styles,
        vendor_scripts=scripts,
    )


def write_sozialbericht(
    folder: str | Path,
    areas: gpd.GeoDataFrame,
    table: pd.DataFrame,
    *,
    progress: Progress | None = None,
    **options: Any,
) -> tuple[Path, list[Message]]:
    """Write the Sozialbericht into ``folder`` (created; other files in it are kept).

    ``options`` are those of :func:`sozialbericht_data`. Returns the path of
    ``index.html`` and the notes.
    """
    progress = progress or Progress()
    data, notes = sozialbericht_data(areas, table, **options)
    progress.report(0.6)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    with atomic_path(folder / "data.js") as tmp:
        tmp.write_text(f"window.{DATA_GLOBAL} = {payload};\n", encoding="utf-8")
    for name in ASSETS:
        with atomic_path(folder / name) as tmp:
            shutil.copyfile(WEB_DIR / name, tmp)
    for lib in data["libraries"]:
        source = WEB_DIR / lib["folder"]
        shutil.copytree(source, folder / lib["folder"], dirs_exist_ok=True)
    index = folder / "index.html"
    with atomic_path(index) as tmp:
        tmp.write_text(_render_index(data), encoding="utf-8")
    progress.report(1.0)
    return index, notes


def check_report(folder: str | Path) -> Message | None:
    """Why the Sozialbericht in ``folder`` is not complete (a file missing or cut off,
    as on a full disk), or None when every file is there and whole."""
    folder = Path(folder)
    sources = [WEB_DIR / name for name in ASSETS]
    sources += [p for p in sorted(VENDOR_DIR.rglob("*")) if p.is_file()]
    for source in sources:
        path = folder / source.relative_to(WEB_DIR)
        if not path.is_file() or path.stat().st_size != source.stat().st_size:
            return Message(
                N_("the file '{file}' is missing or incomplete"),
                file=source.relative_to(WEB_DIR).as_posix(),
            )
    ends = {
        "data.js": (f"window.{DATA_GLOBAL} = ".encode(), b"};\n"),
        "index.html": (b"", b"</html>\n"),
    }
    for name, (start, end) in ends.items():
        path = folder / name
        size = path.stat().st_size if path.is_file() else 0
        with contextlib.suppress(OSError), open(path, "rb") as file:
            head = file.read(len(start))
            file.seek(max(size - len(end), 0))
            if size >= len(start) + len(end) and head == start and file.read() == end:
                continue
        return Message(N_("the file '{file}' is missing or incomplete"), file=name)
    return None
