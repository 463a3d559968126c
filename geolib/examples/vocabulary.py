"""The offers' vocabulary: categories, target groups, offer templates, streets, hours."""

from __future__ import annotations

from dataclasses import dataclass

CATEGORIES = (
    "Kinder, Jugend und Familie",
    "Senioren",
    "Migration und Integration",
    "Sucht",
    "Schulden",
    "Wohnen",
    "Behinderung",
    "Gesundheit",
    "Arbeit",
)
"""The offer categories used by the generator."""

TARGET_GROUPS = (
    "Kinder",
    "Jugendliche",
    "Familien",
    "Alleinerziehende",
    "Senioren",
    "Menschen mit Behinderung",
    "Geflüchtete",
    "Zugewanderte",
    "Erwachsene",
    "Angehörige",
    "Arbeitsuchende",
)
"""The target groups used by the generator."""


_KJF, _SEN, _MIG, _SUCHT, _SCHULD, _WOHN, _BEH, _GES, _ARB = CATEGORIES

_HOURS_COUNSEL = (
    "Mo-Fr 09:00-16:00",
    "Mo-Th 08:30-16:00; Fr 08:30-12:00",
    "Mo-Fr 09:00-12:00; Tu,Th 14:00-18:00",
    "Mo,We 10:00-12:00; Th 14:00-17:00",
    "Tu,Th 09:00-13:00",
    "Mo-Fr 08:00-14:00",
    '"nach Vereinbarung"',
)
_HOURS_MEETING = (
    "Mo,We 15:00-18:00",
    "Tu 14:00-17:00",
    "We 10:00-12:00",
    "Th 15:00-17:30",
    "Mo-Fr 14:00-19:00",
    "Tu,Th 15:00-20:00; Fr 15:00-22:00",
    "Fr 09:30-11:30",
)
_HOURS_DAY = (
    "Mo-Fr 08:00-16:00",
    "Mo-Fr 07:30-16:30",
    "Mo-Fr 08:00-15:30",
)
_HOURS_ALWAYS = ("24/7", "Mo-Fr 08:00-18:00; Sa,Su 10:00-14:00")

_P_WELFARE = ("Diakonie", "AWO", "Caritas", "DRK", "Der Paritätische")
_P_TOWN = "{town}"  # replaced by "Stadt X" / "Gemeinde X"


@dataclass(frozen=True)
class _Template:
    title: str
    category: str
    more_categories: tuple[str, ...]
    target_groups: tuple[str, ...]
    providers: tuple[str, ...]
    hours: tuple[str, ...]
    capacity: tuple[int, int] | None = None
    min_population: int = 0
    weight: float = 1.0


# fmt: off
_TEMPLATES: tuple[_Template, ...] = (
    # Kinder, Jugend und Familie
    _Template(
        "Erziehungsberatung", _KJF, (), ("Familien", "Kinder", "Jugendliche"),
        ("Diakonie", "Caritas", "AWO", "Kreis Pinneberg"), _HOURS_COUNSEL, None, 9000, 1.2,
    ),
    _Template(
        "Familienzentrum", _KJF, (), ("Familien", "Kinder", "Alleinerziehende"),
        ("DRK", "AWO", "Diakonie", _P_TOWN), _HOURS_COUNSEL, (20, 80), 2000, 1.5,
    ),
    _Template(
        "Jugendtreff", _KJF, (), ("Jugendliche",),
        (_P_TOWN, "AWO", "DRK", "Diakonie"), _HOURS_MEETING, (15, 60), 1000, 2.0,
    ),
    _Template(
        "Frühe Hilfen", _KJF, (_GES,), ("Familien", "Kinder", "Alleinerziehende"),
        ("Kreis Pinneberg", "DRK", "Diakonie"), _HOURS_COUNSEL, None, 8000, 0.8,
    ),
    _Template(
        "Schulsozialarbeit", _KJF, (), ("Kinder", "Jugendliche"),
        (_P_TOWN, "AWO", "Diakonie"), _HOURS_DAY, None, 3000, 1.2,
    ),
    _Template(
        "Hausaufgabenhilfe", _KJF, (_MIG,), ("Kinder",),
        ("DRK", "AWO", "Caritas", _P_TOWN), _HOURS_MEETING, (8, 25), 2000, 1.0,
    ),
    _Template(
        "Eltern-Kind-Gruppe", _KJF, (), ("Familien", "Kinder"),
        ("Diakonie", "DRK", "Kirchengemeinde", _P_TOWN), _HOURS_MEETING, (6, 15), 0, 1.5,
    ),
    _Template(
        "Alleinerziehenden-Treff", _KJF, (), ("Alleinerziehende", "Familien"),
        ("Diakonie", "AWO", "Der Paritätische"), _HOURS_MEETING, (8, 20), 10000, 0.7,
    ),
    _Template(
        "Kinder- und Jugendnotdienst", _KJF, (), ("Kinder", "Jugendliche"),
        ("Kreis Pinneberg",), _HOURS_ALWAYS, (4, 12), 40000, 0.4,
    ),
    # Senioren
    _Template(
        "Seniorentreff", _SEN, (), ("Senioren",),
        (_P_TOWN, "AWO", "DRK", "Kirchengemeinde"), _HOURS_MEETING, (15, 60), 0, 2.0,
    ),
    _Template(
        "Pflegestützpunkt", _SEN, (_GES,), ("Senioren", "Angehörige"),
        ("Kreis Pinneberg",), _HOURS_COUNSEL, None, 40000, 0.5,
    ),
    _Template(
        "Seniorenberatung", _SEN, (), ("Senioren", "Angehörige"),
        (_P_TOWN, "Diakonie", "AWO", "Caritas"), _HOURS_COUNSEL, None, 5000, 1.0,
    ),
    _Template(
        "Mittagstisch für Senioren", _SEN, (), ("Senioren",),
        ("AWO", "DRK", "Kirchengemeinde"), ("Mo-Fr 12:00-14:00", "Tu,Th 12:00-13:30"),
        (20, 50), 3000, 0.8,
    ),
    _Template(
        "Besuchsdienst", _SEN, (), ("Senioren",),
        ("Diakonie", "Caritas", "Kirchengemeinde"), _HOURS_COUNSEL, None, 0, 0.8,
    ),
    _Template(
        "Tagespflege", _SEN, (_GES,), ("Senioren",),
        ("DRK", "Diakonie", "AWO"), _HOURS_DAY, (12, 25), 8000, 0.8,
    ),
    # Migration und Integration
    _Template(
        "Migrationsberatung für Erwachsene", _MIG, (), ("Zugewanderte", "Erwachsene"),
        ("Diakonie", "Caritas", "AWO", "DRK"), _HOURS_COUNSEL, None, 15000, 1.0,
    ),
    _Template(
        "Jugendmigrationsdienst", _MIG, (_KJF,), ("Jugendliche", "Zugewanderte"),
        ("Diakonie", "AWO"), _HOURS_COUNSEL, None, 30000, 0.6,
    ),
    _Template(
        "Sprachcafé", _MIG, (), ("Geflüchtete", "Zugewanderte"),
        ("Kirchengemeinde", _P_TOWN, "DRK"), _HOURS_MEETING, (10, 30), 2000, 1.0,
    ),
    _Template(
        "Flüchtlingsberatung", _MIG, (), ("Geflüchtete", "Familien"),
        (_P_TOWN, "Diakonie", "DRK", "Caritas"), _HOURS_COUNSEL, None, 4000, 1.0,
    ),
    # Sucht
    _Template(
        "Suchtberatung", _SUCHT, (_GES,), ("Erwachsene", "Jugendliche", "Angehörige"),
        ("Diakonie", "Caritas", "AWO"), _HOURS_COUNSEL, None, 15000, 1.0,
    ),
    _Template(
        "Selbsthilfegruppe Sucht", _SUCHT, (), ("Erwachsene", "Angehörige"),
        ("Diakonie", "Caritas", "Der Paritätische"), ("Mo 19:00-21:00", "Th 18:30-20:30"),
        (8, 20), 8000, 0.8,
    ),
    # Schulden
    _Template(
        "Schuldnerberatung", _SCHULD, (), ("Erwachsene", "Familien"),
        ("Diakonie", "AWO", "Verbraucherzentrale", "Kreis Pinneberg"), _HOURS_COUNSEL,
        None, 12000, 1.2,
    ),
    _Template(
        "Insolvenzberatung", _SCHULD, (), ("Erwachsene",),
        ("Diakonie", "AWO"), _HOURS_COUNSEL, None, 30000, 0.5,
    ),
    # Wohnen
    _Template(
        "Beratung bei drohendem Wohnungsverlust", _WOHN, (), ("Erwachsene", "Familien"),
        ("Diakonie", "Kreis Pinneberg", _P_TOWN), _HOURS_COUNSEL, None, 15000, 0.8,
    ),
    _Template(
        "Wohnungslosenhilfe", _WOHN, (), ("Erwachsene",),
        ("Diakonie", "Caritas"), _HOURS_ALWAYS + _HOURS_COUNSEL[:2], (10, 40), 30000, 0.6,
    ),
    _Template(
        "Wohngeldberatung", _WOHN, (), ("Familien", "Senioren", "Erwachsene"),
        (_P_TOWN,), _HOURS_COUNSEL, None, 8000, 0.8,
    ),
    _Template(
        "Betreutes Wohnen", _WOHN, (_SEN,), ("Senioren", "Menschen mit Behinderung"),
        ("AWO", "DRK", "Lebenshilfe", "Diakonie"), _HOURS_DAY, (8, 40), 5000, 0.8,
    ),
    # Behinderung
    _Template(
        "Teilhabeberatung", _BEH, (), ("Menschen mit Behinderung", "Angehörige"),
        ("Lebenshilfe", "Der Paritätische", "Kreis Pinneberg"), _HOURS_COUNSEL, None, 15000,
        0.8,
    ),
    _Template(
        "Frühförderung", _BEH, (_KJF,), ("Kinder", "Menschen mit Behinderung", "Familien"),
        ("Lebenshilfe", "Diakonie"), _HOURS_DAY, (10, 40), 10000, 0.8,
    ),
    _Template(
        "Werkstatt für Menschen mit Behinderung", _BEH, (_ARB,), ("Menschen mit Behinderung",),
        ("Lebenshilfe", "Diakonie"), _HOURS_DAY, (40, 160), 12000, 0.5,
    ),
    _Template(
        "Inklusionstreff", _BEH, (), ("Menschen mit Behinderung", "Jugendliche", "Erwachsene"),
        ("Lebenshilfe", "AWO", _P_TOWN), _HOURS_MEETING, (10, 30), 3000, 0.8,
    ),
    # Gesundheit
    _Template(
        "Sozialpsychiatrischer Dienst", _GES, (), ("Erwachsene", "Angehörige"),
        ("Kreis Pinneberg",), _HOURS_COUNSEL, None, 30000, 0.6,
    ),
    _Template(
        "Schwangerschaftsberatung", _GES, (_KJF,), ("Familien", "Alleinerziehende"),
        ("Diakonie", "Caritas", "AWO", "pro familia"), _HOURS_COUNSEL, None, 15000, 0.8,
    ),
    _Template(
        "Selbsthilfegruppe", _GES, (), ("Erwachsene", "Angehörige"),
        ("Der Paritätische", "Kirchengemeinde"), ("We 18:00-20:00", "Tu 19:00-21:00"),
        (6, 15), 4000, 0.8,
    ),
    # Arbeit
    _Template(
        "Arbeitslosenberatung", _ARB, (), ("Arbeitsuchende", "Erwachsene"),
        ("Diakonie", "AWO", "Caritas"), _HOURS_COUNSEL, None, 15000, 0.8,
    ),
    _Template(
        "Beschäftigungsprojekt", _ARB, (), ("Arbeitsuchende", "Erwachsene"),
        ("AWO", "Diakonie", "Kreis Pinneberg"), _HOURS_DAY, (10, 40), 10000, 0.6,
    ),
    _Template(
        "Bewerbungswerkstatt", _ARB, (_KJF,), ("Jugendliche", "Arbeitsuchende"),
        ("AWO", "DRK", _P_TOWN), _HOURS_MEETING, (6, 16), 8000, 0.7,
    ),
)
# fmt: on

_GENERIC_STREETS = (
    "Hauptstraße",
    "Bahnhofstraße",
    "Kirchenstraße",
    "Schulstraße",
    "Dorfstraße",
    "Am Markt",
    "Gartenstraße",
    "Lindenstraße",
    "Mühlenstraße",
    "Rathausplatz",
    "Birkenweg",
    "Feldstraße",
    "Am Sportplatz",
    "Friedrichstraße",
    "Marktstraße",
    "Kirchweg",
)

# Fictitious telephone numbers: the Bundesnetzagentur reserves 040 66969-000 to -999
# (among others) for use in films and media, so no real line is ever called.
_PHONE_PREFIX = "040 66969-"

_POI_CLASSES = frozenset(
    {"school", "town_hall", "place_of_worship", "library", "college", "sports_centre"}
)
_STREET_SNAP_M = 120.0  # an offer takes the name of a named street within this distance
