"""The Sozialformel: a composite social index per municipality, planning region and year.

The engine follows the steps of a composite indicator (OECD/JRC handbook, ArcGIS Pro's
"Calculate Composite Index"): rates from counts → optional winsorising → direction →
scaling → weights → combination → post-scaling → rank, percentile and classes, and the
change against the previous year. Groups (planning regions, the Kreis, size classes)
are computed from *pooled counts* and scaled with the parameters of the municipalities,
so a group is comparable with its members. A validity report gives correlations,
Cronbach's alpha, contributions and rank intervals under random weights and other
scalings. Published outputs follow official statistics' data protection
(Geheimhaltung): small counts and rates on small denominators are flagged and NULL.

The configuration is a TOML file (see :func:`load_config` and the preset
``geolib/presets/sozialformel_pinneberg.toml``).

Modules: :mod:`.config` (configuration), :mod:`.inputs` (the indicator table),
:mod:`.groups` (group mapping and pooled counts), :mod:`.missing` (missing values),
:mod:`.engine` (scaling, combination, ranks), :mod:`.classes` (class breaks),
:mod:`.validity` (validity checks), :mod:`.suppression` (data protection),
:mod:`.compute` (:func:`sozialformel`), :mod:`.reference` (the reference year's
bounds and breaks, written out and read back), :mod:`.areas` (join to polygons, group
polygons), :mod:`.report` (HTML report), :mod:`.preset_io` (a configuration as TOML).
"""

from .areas import areas_by_year, group_areas, join_areas
from .classes import class_breaks
from .compute import SozialformelResult, sozialformel
from .config import (
    CLASSIFICATIONS,
    COMBINATIONS,
    MISSING_POLICIES,
    PINNEBERG_PRESET,
    POST_SCALINGS,
    SCALINGS,
    Config,
    Indicator,
    load_config,
)
from .engine import combine
from .inputs import parse_years, read_groups, read_indicator_table
from .preset_io import config_to_mapping, config_to_toml, save_config
from .report import validity_report_html
from .validity import Validity

__all__ = [
    "CLASSIFICATIONS",
    "COMBINATIONS",
    "MISSING_POLICIES",
    "PINNEBERG_PRESET",
    "POST_SCALINGS",
    "SCALINGS",
    "Config",
    "Indicator",
    "SozialformelResult",
    "Validity",
    "areas_by_year",
    "class_breaks",
    "combine",
    "config_to_mapping",
    "config_to_toml",
    "group_areas",
    "join_areas",
    "load_config",
    "parse_years",
    "read_groups",
    "read_indicator_table",
    "save_config",
    "sozialformel",
    "validity_report_html",
]
