"""The themes of the Sozialplanungsatlas: groups, layer-name patterns, titles, constants."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsMapLayer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("AtlasProject", text)


def tr_noop(text: str) -> str:
    """Mark ``text`` for translation where it is defined (tables built at import time).

    The translator is installed after this module is imported, so tables keep the
    English text and :func:`tr` translates it where the project and layouts are made.
    ``scripts/i18n.py`` extracts these calls like ``tr(...)``.
    """
    return text


STYLES_DIR = Path(__file__).resolve().parent.parent / "styles"
DEFAULT_BASEMAP = Path(__file__).resolve().parent.parent / "data" / "kreis_pinneberg.gpkg"

ATTRIBUTION = "© GeoBasis-DE / BKG, © OpenStreetMap contributors"
#: the label of synthetic maps, translated when a layout is made (German: the same words
#: as geolib.io.SYNTHETIC_LABEL, "synthetische Beispielwerte")
SYNTHETIC_LABEL = tr_noop("synthetic example values")
HELGOLAND_AGS = "01056025"
PROJECT_NAME = "sozialplanungsatlas.qgz"
PDF_NAME = "atlas.pdf"
MAPS_DIR = "maps"
REPORT_NAME = tr_noop("Sozialplanungsatlas (all maps)")  # translated when the report is made
ANALYSIS_CRS = "EPSG:25832"
DPI = 150
# layout geometry (mm, A4 landscape): map on the left, legend and inset on the right
MAP_W, MAP_H = 176, 163
COL_X = 10 + MAP_W + 8
INSET_W, INSET_H = 48, 36
FONT = "DejaVu Sans"
#: custom property of a layer-tree group: the id of its theme (OTHER_THEME for the default
#: group; not "": QGIS 3.40 reads an empty custom property back as NULL)
THEME_PROPERTY = "sozialplanung/theme"
OTHER_THEME = "other"


@dataclass(frozen=True)
class Theme:
    """One theme of the atlas: a layer-tree group and (optionally) a print layout.

    ``patterns`` are shell-style patterns (``fnmatch``, case-insensitive) on the
    layer's table name; the first theme with a matching pattern takes the layer.
    """

    id: str
    #: group name and subtitle in English (marked with :func:`tr_noop`); on the maps
    #: and in the project they appear translated (:meth:`group_name`, :meth:`subtitle_text`)
    group: str
    subtitle: str
    patterns: tuple[str, ...]
    layout: bool = True
    #: one map per area-filling layer (polygons, rasters), so none hides another;
    #: ``False`` for themes whose fills are meant to be seen on top of each other
    split_fills: bool = True

    def group_name(self) -> str:
        """The group name in the user's language."""
        return tr(self.group)

    def subtitle_text(self) -> str:
        """The subtitle in the user's language."""
        return tr(self.subtitle)


THEMES: tuple[Theme, ...] = (
    Theme(
        "grundlagen",
        tr_noop("Base map"),
        tr_noop("Municipalities and Kreis boundary"),
        ("gemeinden", "kreis", "aemter", "planungsr*", "bevoelkerung", "osm_*", "strassen*"),
        split_fills=False,
    ),
    Theme(
        "hilfeportal",
        tr_noop("Hilfeportal"),
        tr_noop("Offers from the Hilfeportal"),
        ("angebote", "offers", "*hilfeportal*"),
    ),
    Theme(
        "schulen",
        tr_noop("Schools"),
        tr_noop("Schools: locations, walking coverage and density"),
        ("schul*", "*_schul*"),
    ),
    Theme(
        "einzugsgebiete",
        tr_noop("Catchments"),
        tr_noop("Catchments of the offers and gaps in provision"),
        ("*einzugsgebiet*", "*catchment*", "*versorgungsl*", "*unversorgt*", "*gaps*", "erreicht*"),
    ),
    Theme(
        "dichte_erreichbarkeit",
        tr_noop("Density and accessibility"),
        tr_noop("Offers per inhabitant, offer density and accessibility"),
        (
            "*angebote_je_*",
            "*offers_per*",
            "*dichte*",
            "*density*",
            "*erreichbarkeit*",
            "*accessibility*",
            "*2sfca*",
            "kinder_u15_*",
        ),
    ),
    Theme(
        "einkommen",
        tr_noop("Income"),
        tr_noop("Income per taxpayer (official statistics)"),
        ("einkommen*", "*income*"),
    ),
    Theme(
        "sozialformel",
        tr_noop("Sozialformel"),
        tr_noop("Sozialformel per municipality"),
        ("*sozialformel*", "*sozialindex*", "*indikator*", "*oberflaeche*", "*surface*"),
    ),
)
#: the group of layers matching no theme (English; translated in the project)
DEFAULT_GROUP = tr_noop("Other layers")
#: layers labelled with their own names (planning regions): their maps leave out the
#: municipalities, whose names would stand beside the regions' own
OWN_LABELS = frozenset({"sozialformel_planungsraeume"})

BASEMAP_STYLES = {"gemeinden": "atlas_gemeinden.qml", "kreis": "atlas_kreis.qml"}
BASEMAP_LAYERS = tuple(BASEMAP_STYLES)
#: a provenance note naming a source and its licence contains one of these
SOURCE_MARKS = ("©", "CC0", "CC BY", "dl-de", "ODbL")

#: legend titles of known layers (table name pattern → English title, translated where
#: the layer is loaded); others use the title of their provenance
LAYER_TITLES: dict[str, str] = {
    "schulen": tr_noop("Schools (school register)"),
    "*einzugsgebiete*schul*fuss*": tr_noop("Schools reached on foot (street network)"),
    "*einzugsgebiete*schul*luftlinie*": tr_noop("Schools reached in a straight line"),
    "schulen_dichte": tr_noop("School density (schools per km²)"),
    "einkommen_*": tr_noop("Income per taxpayer (EUR)"),
    "gemeinden": tr_noop("Municipalities"),
    "kreis": tr_noop("Kreis boundary"),
    "angebote_je_einwohner": tr_noop("Offers per 1,000 inhabitants"),
    "sozialformel": tr_noop("Sozialformel (index per municipality)"),
    "angebotsdichte": tr_noop("Offer density (offers per km²)"),
    "erreichbarkeit_kinder": tr_noop("Accessibility for children under 15 (2SFCA, Kreis mean = 1)"),
    "kinder_unter_15_oberflaeche": tr_noop("Children under 15 per grid cell (surface)"),
    "*einzugsgebiete*luftlinie*": tr_noop("Catchments (straight line)"),
    "*einzugsgebiete*fuss*": tr_noop("Catchments on foot (street network)"),
    "*einzugsgebiete*strassen*": tr_noop("Streets reached"),
    "*einzugsgebiete*nicht_routbar*": tr_noop("Offers outside the street network"),
    "*einzugsgebiete*wedel*bevoelkerung*": tr_noop("Population reached on foot (Wedel)"),
    "erreichte_bevoelkerung_kreis": tr_noop("Population reached (straight line, Kreis)"),
    "kinder_u15_*": tr_noop("Children under 15 per municipality (demand)"),
    "sozialformel_planungsraeume": tr_noop("Sozialformel per planning region (index)"),
}
#: legend text is wrapped at this many characters (at a space); in two columns
LEGEND_WRAP = 34
LEGEND_WRAP_2 = 22
#: layers kept in the project but left off the maps (they would cover the map)
#: (the Hilfeportal's check list is a working list for the Hilfeportal team, not a map theme)
MAP_EXCLUDE: tuple[str, ...] = (
    "*nicht_routbar*",
    "*unroutable*",
    "kinder_u15_*",
    "*pruefliste*",
    "*_checks",
    "sozialformel_steckbrief*",
)
#: the map background outside the Kreis: a neutral grey, so neighbours do not read as sea
BACKGROUND = (232, 232, 228)
#: a page zooms to its layer when that layer covers less than this share of the Kreis map
ZOOM_SHARE = 0.15


@dataclass
class AtlasLayer:
    """A layer of the atlas as it was found and placed."""

    table: str
    title: str
    group: str  # the group's name as shown (translated)
    kind: str  # "vector", "table", "raster"
    styled: bool
    synthetic: bool
    data_year: str | None
    #: sources and licences from the layer's provenance notes, printed with the map
    sources: tuple[str, ...] = ()
    theme: str = ""  # the theme id ("" in the default group)
    #: the Sozialformel's indicator labels and directions, from its provenance
    indicators: dict | None = None


@dataclass
class AtlasResult:
    """What :func:`build_atlas` wrote and what it noticed."""

    project: Path
    pdf: Path
    maps: dict[str, Path]
    layers: list[AtlasLayer]
    unassigned: list[str]
    notes: list[str] = field(default_factory=list)
    #: the Gemeindesteckbrief (one page per municipality), when the Sozialformel is there
    profiles_pdf: Path | None = None
    profile_pages: int = 0


def theme_of(table: str, themes: Sequence[Theme] = THEMES) -> Theme | None:
    """The first theme whose pattern matches ``table`` (case-insensitive), or ``None``."""
    name = table.lower()
    for theme in themes:
        if any(fnmatch.fnmatchcase(name, p.lower()) for p in theme.patterns):
            return theme
    return None


def _draw_rank(layer: QgsMapLayer) -> int:
    """Points above lines above polygons above rasters (and tables last)."""
    if isinstance(layer, QgsVectorLayer):
        return {
            QgsWkbTypes.GeometryType.PointGeometry: 0,
            QgsWkbTypes.GeometryType.LineGeometry: 1,
            QgsWkbTypes.GeometryType.PolygonGeometry: 2,
        }.get(layer.geometryType(), 4)
    return 3
