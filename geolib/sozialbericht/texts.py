"""The Sozialbericht's texts: English catalogue templates (context ``geolib``).

The page shows them translated (the Processing algorithm passes the QGIS translation,
German in the plugin's catalogue); ``{fields}`` are filled in by the page's script.
"""

from __future__ import annotations

from collections.abc import Callable

from ..messages import N_

TEXTS: dict[str, str] = {
    "title": N_("Digital social report"),
    "lang": N_("en"),
    "noscript": N_("This report needs JavaScript; please allow it for this page."),
    "synthetic": N_(
        "All indicator values are synthetic example values (synthetische Beispielwerte), "
        "not official figures."
    ),
    "year": N_("Year"),
    "mapHeading": N_("Sozialformel of the municipalities, {year}"),
    "mapHint": N_("Click a municipality for its indicators and its planning region."),
    "legendClass": N_("Class {n}"),
    "legendWithheld": N_("withheld (data protection)"),
    "legendHigh": N_("higher value = more need"),
    "inset": N_("Inset, not to scale with the main map"),
    "rankingHeading": N_("Ranking of the planning regions, {year}"),
    "rankingHint": N_("Click a planning region to list its municipalities."),
    "rank": N_("Rank"),
    "region": N_("Planning region"),
    "municipality": N_("Municipality"),
    "index": N_("Index"),
    "change": N_("± previous year"),
    "rankChange": N_("Rank ± previous year"),
    "members": N_("Municipalities of {name}, {year}"),
    "withheld": N_("withheld"),
    "noData": N_("no data"),
    "noPrevious": N_("no previous year"),
    "chartsHeading": N_("Indicators over the years: {name}"),
    "chartsHint": N_("Missing points are withheld values (data protection)."),
    "reversed": N_("higher value = less need"),
    "methodHeading": N_("Method"),
    "method": N_(
        "The Sozialformel combines the indicators into one index per municipality and year "
        "(configuration: {title}). Rank 1 = highest index, i.e. the most need. Planning "
        "regions are computed from the pooled counts of their municipalities. Ranks are "
        "counted among the published values; the change is given against the previous year."
    ),
    "protectionHeading": N_("Data protection"),
    "protection": N_(
        "Values from fewer than {threshold} cases or on fewer than {min_den} people are "
        "withheld (shown as 'withheld', left out of charts and rankings); this report "
        "contains no counts. Withheld values are never derived from others."
    ),
    "sourcesHeading": N_("Sources and licences"),
    "librariesHeading": N_("Software"),
    "library": N_("{name} {version}, licence {license} (included in this folder)"),
    "offline": N_(
        "This folder works offline: open index.html from disk or put the folder on any web server."
    ),
}


def texts(translate_text: Callable[[str], str] | None = None) -> dict[str, str]:
    """The page texts, translated with ``translate_text`` (default: English)."""
    tr = translate_text or (lambda text: text)
    return {key: tr(text) for key, text in TEXTS.items()}
