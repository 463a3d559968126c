"""Readers: the Hilfeportal's offers as records, from the API or from exported files.

Formats: HSDS services (API pages, JSON exports of services), plain JSON lists,
GeoJSON, and CSV (comma, semicolon or tab; UTF-8, UTF-8 with BOM, UTF-16 or
Windows-1252), mapped onto the offer schema by a :class:`FieldMapping`.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .._progress import Progress
from ..errors import EmptyInputError, ParameterError, SourceError
from ..messages import Message
from ..redact import redact
from ..schema import LIST_SEPARATOR
from ._common import (
    RECORD_COLUMNS,
    FetchResult,
    _display_source,
    _now,
    _short,
    is_url,
    unknown_fields_note,
)
from .client import HsdsClient
from .hsds import check_total, hsds_records, looks_like_hsds, page_contents
from .transport import Transport

__all__ = [
    "DEFAULT_LIST_SEPARATORS",
    "FieldMapping",
    "check_separators",
    "read_offers",
    "split_list",
]

#: the characters that separate list terms unless the caller chooses others
DEFAULT_LIST_SEPARATORS = ";|"


@dataclass
class FieldMapping:
    """Which field of an export holds which part of an offer.

    Each attribute names the export's field for that part of the offer schema, or a
    list of candidates (the first present wins; names compare case-insensitively).
    The defaults know common English and German names. Fields of the export that no
    part uses are ignored and listed once in :attr:`FetchResult.unknown_fields`.

    Examples
    --------
    >>> mapping = FieldMapping.with_overrides({"title": "Bezeichnung", "lat": "Breite"})
    """

    offer_id: Sequence[str] = ("offer_id", "id", "angebot_id", "angebots_id", "nr")
    title: Sequence[str] = ("title", "name", "titel", "bezeichnung", "angebot")
    provider: Sequence[str] = ("provider", "traeger", "träger", "organization", "organisation")
    categories: Sequence[str] = ("categories", "category", "kategorien", "kategorie")
    target_groups: Sequence[str] = ("target_groups", "target_group", "zielgruppen", "zielgruppe")
    address: Sequence[str] = ("address", "adresse", "anschrift", "strasse", "straße")
    postcode: Sequence[str] = ("postcode", "postal_code", "plz", "postleitzahl")
    municipality_ags: Sequence[str] = ("municipality_ags", "ags", "gemeindeschluessel")
    capacity: Sequence[str] = ("capacity", "kapazitaet", "kapazität", "plaetze", "plätze")
    opening_hours: Sequence[str] = ("opening_hours", "oeffnungszeiten", "öffnungszeiten")
    url: Sequence[str] = ("url", "link", "website", "webseite", "internet")
    phone: Sequence[str] = ("phone", "telefon", "tel", "telephone")
    updated_at: Sequence[str] = (
        "updated_at",
        "last_modified",
        "aktualisiert",
        "stand",
        "geaendert",
    )
    synthetic: Sequence[str] = ("synthetic", "x_synthetic")
    lon: Sequence[str] = ("lon", "lng", "longitude", "laenge", "länge", "x", "rechtswert")
    lat: Sequence[str] = ("lat", "latitude", "breite", "y", "hochwert")
    #: characters that separate the terms of ``categories`` and ``target_groups``
    list_separators: str = DEFAULT_LIST_SEPARATORS

    @classmethod
    def with_overrides(cls, overrides: Mapping[str, str | Sequence[str]] | None) -> FieldMapping:
        """The default mapping with some parts mapped to other fields.

        Raises
        ------
        ParameterError
            A key is not a part of the offer schema.
        """
        mapping = cls()
        for key, value in (overrides or {}).items():
            if key not in RECORD_COLUMNS:
                raise ParameterError(
                    "The field mapping names '{key}', which is not part of an offer. "
                    "Use one of: {keys}.",
                    key=key,
                    keys=", ".join(RECORD_COLUMNS),
                )
            setattr(mapping, key, (value,) if isinstance(value, str) else tuple(value))
        return mapping

    def resolve(self, columns: Iterable[str]) -> tuple[dict[str, str], list[str]]:
        """Map schema parts to the export's column names; return (mapping, unused)."""
        present = list(dict.fromkeys(str(c) for c in columns))
        lower = {c.strip().lower(): c for c in present}
        used: dict[str, str] = {}
        for key in RECORD_COLUMNS:
            for candidate in getattr(self, key):
                column = lower.get(str(candidate).strip().lower())
                if column is not None and column not in used.values():
                    used[key] = column
                    break
        unused = [c for c in present if c not in used.values() and c != "geometry"]
        return used, unused


# --- files → records ----------------------------------------------------------------------


def _decode(raw: bytes, path: Path) -> tuple[str, Message | None]:
    """Text of an export: UTF-8 (with or without BOM), else Windows-1252 (noted)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), None
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), Message(
            "'{file}' is not UTF-8; it was read as Windows-1252.", file=path.name
        )


def _records_from_file(
    path: Path, mapping: FieldMapping
) -> tuple[list[dict[str, Any]], list[str], list[Message]]:
    if not path.exists():
        raise SourceError(
            "The file '{path}' does not exist. Check the path.", path=redact(str(path))
        )
    if path.is_dir():
        raise SourceError("'{path}' is a folder, not an exported file.", path=redact(str(path)))
    raw = path.read_bytes()
    notes: list[Message] = []
    text, note = _decode(raw, path)
    if note is not None:
        notes.append(note)
    if not text.strip():
        raise EmptyInputError(
            "The export '{file}' is empty: it contains no offers.", file=path.name
        )
    suffix = path.suffix.lower()
    if suffix in (".json", ".geojson") or text.lstrip()[:1] in ("{", "["):
        try:
            data = json.loads(text)
        except RecursionError:
            raise SourceError(
                "The export '{file}' is nested too deeply to be a list of offers.",
                file=path.name,
            ) from None
        except ValueError as exc:
            raise SourceError(
                "The export '{file}' is not valid JSON: {error}",
                file=path.name,
                error=_short(str(exc), 120),
            ) from None
        records, unknown = _records_from_json(data, mapping, path)
    elif suffix in (".csv", ".txt", ".tsv", ""):
        records, unknown, csv_notes = _records_from_csv(text, mapping, path)
        notes += csv_notes
    else:
        raise SourceError(
            "The file '{file}' is not a Hilfeportal export: use JSON, GeoJSON or CSV.",
            file=path.name,
        )
    return records, unknown, notes


def _records_from_json(
    data: Any, mapping: FieldMapping, path: Path
) -> tuple[list[dict[str, Any]], list[str]]:
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        rows = []
        for feat in data.get("features") or []:
            if not isinstance(feat, dict):
                continue
            props = feat.get("properties")
            props = dict(props) if isinstance(props, dict) else {}
            geom = feat.get("geometry") or {}
            coords = geom.get("coordinates") if isinstance(geom, dict) else None
            if isinstance(geom, dict) and geom.get("type") == "Point" and coords:
                props["__lon"], props["__lat"] = [*list(coords), None, None][:2]
            rows.append(props)
        return _records_from_rows(rows, mapping, geo=True)
    found = page_contents(data)
    if found is None:
        raise SourceError("The export '{file}' holds no list of offers.", file=path.name)
    items, meta = found
    check_total(meta, len(items), path.name)
    if looks_like_hsds(items):
        unknown: dict[str, None] = {}
        return hsds_records(items, unknown), list(unknown)
    return _records_from_rows(items, mapping)


def _records_from_csv(
    text: str, mapping: FieldMapping, path: Path
) -> tuple[list[dict[str, Any]], list[str], list[Message]]:
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    delimiter = max((";", ",", "\t"), key=first.count)
    if first.count(delimiter) == 0:
        delimiter = ","
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    rows = []
    extra = 0
    try:
        if not reader.fieldnames:
            raise EmptyInputError(
                "The export '{file}' is empty: it contains no offers.", file=path.name
            )
        for row in reader:
            extra += row.pop(None, None) is not None  # cells beyond the header
            if any((v or "").strip() for v in row.values()):
                rows.append(row)
    except csv.Error as exc:  # a field longer than the csv module's limit, say
        raise SourceError(
            "Line {line} of the export '{file}' cannot be read as CSV: {error}.",
            line=reader.line_num + 1,  # the line being read is not counted yet
            file=path.name,
            error=_short(str(exc), 120),
        ) from None
    notes = []
    if extra:
        notes.append(
            Message(
                "{n} rows of '{file}' have more cells than the header; the extra cells "
                "were ignored. Is a separator inside a text without quotes?",
                n=extra,
                file=path.name,
            )
        )
    if not rows:
        return [], [], notes
    return (*_records_from_rows(rows, mapping), notes)


def _records_from_rows(
    rows: list[dict[str, Any]], mapping: FieldMapping, *, geo: bool = False
) -> tuple[list[dict[str, Any]], list[str]]:
    columns: dict[str, None] = {}
    for row in rows:
        for key in row:
            if key is not None and not str(key).startswith("__"):
                columns.setdefault(str(key), None)
    used, unused = mapping.resolve(columns)
    records = []
    for row in rows:
        record = {key: row.get(column) for key, column in used.items()}
        if geo and "__lon" in row and ("lon" not in used or record.get("lon") in (None, "")):
            record["lon"], record["lat"] = row["__lon"], row["__lat"]
        for key in ("categories", "target_groups"):
            value = record.get(key)
            if isinstance(value, str):
                record[key] = split_list(value, mapping.list_separators)
        records.append(record)
    return records, unused


def split_list(text: str, separators: str = DEFAULT_LIST_SEPARATORS) -> list[str]:
    """The terms of a list written as text: ``"Sucht, Senioren"`` → ``["Sucht", "Senioren"]``.

    ``separators`` are the characters that separate terms (``",;"``, say); spaces
    around a term are dropped, repeated terms kept once.

    Examples
    --------
    >>> split_list("Sucht, Senioren", ",;|")
    ['Sucht', 'Senioren']
    >>> split_list("Kinder, Jugend und Familie; Sucht")
    ['Kinder, Jugend und Familie', 'Sucht']
    """
    pattern = "[" + re.escape(separators) + "]"
    parts = (p.strip() for p in re.split(pattern, text)) if separators else [text.strip()]
    return list(dict.fromkeys(p for p in parts if p))


def check_separators(separators: str) -> str:
    """``separators`` if usable as list separators; else :class:`ParameterError`."""
    text = str(separators)
    if not text or any(c.isalnum() or c.isspace() for c in text):
        raise ParameterError(
            "The list separators '{separators}' are not usable: give one or more "
            "punctuation characters such as ';' or ',;' (no letters, digits or spaces).",
            separators=text[:40],
        )
    return text


def read_offers(
    source: str | os.PathLike,
    *,
    token: str | None = None,
    headers: Mapping[str, str] | None = None,
    mapping: FieldMapping | Mapping[str, str] | None = None,
    list_separators: str | None = None,
    timeout: float = 20.0,
    retries: int = 3,
    backoff: float = 0.5,
    per_page: int = 200,
    max_pages: int = 2000,
    deadline: float | None = 300.0,
    max_offers: int = 200_000,
    transport: Transport | None = None,
    progress: Progress | None = None,
) -> FetchResult:
    """Read every offer of a source: the Hilfeportal API or an exported file.

    Parameters
    ----------
    source
        An http(s) URL of the HSDS-shaped API, or the path of a JSON, GeoJSON or CSV
        export. Other URL schemes are refused.
    token, headers
        Authentication for the API (see :class:`HsdsClient`).
    mapping
        A :class:`FieldMapping`, or a dict of overrides for the default mapping
        (schema part → field of the export).
    list_separators
        Characters that separate the terms of categories and target groups in text
        fields of an export (default ``;|``; e.g. ``,;|`` for "Sucht, Senioren").
        HSDS objects deliver lists as lists and need none.
    timeout, retries, backoff, per_page, max_pages, deadline, max_offers, transport
        See :class:`~geolib.hilfeportal.client.HsdsClient`.
    progress
        Progress and cancellation.

    Returns
    -------
    FetchResult
        Records with :data:`RECORD_COLUMNS`, as text as delivered.

    Raises
    ------
    ParameterError
        ``source`` is a URL that is not http(s).
    SourceError
        The source cannot be read completely (network, HTTP, JSON, paging).
    EmptyInputError
        An export holds no offers.

    Notes
    -----
    Nothing is returned unless the whole source was read: a failing page, a repeating
    page or a total that does not match makes the whole read fail.

    Examples
    --------
    >>> result = read_offers("tests/data/offers.csv")  # doctest: +SKIP
    >>> result = read_offers("https://hilfeportal.example/api", token="…")  # doctest: +SKIP
    """
    progress = progress or Progress()
    if not isinstance(mapping, FieldMapping):
        mapping = FieldMapping.with_overrides(mapping)
    if list_separators is not None:
        mapping = dataclasses.replace(mapping, list_separators=check_separators(list_separators))
    text = str(source).strip()
    if not text:
        raise ParameterError("No source given: enter the Hilfeportal's URL or an exported file.")
    notes: list[Message] = []
    pages = 0
    if is_url(text):
        client = HsdsClient(
            text,
            token=token,
            headers=headers,
            timeout=timeout,
            retries=retries,
            backoff=backoff,
            per_page=per_page,
            max_pages=max_pages,
            deadline=deadline,
            max_offers=max_offers,
            transport=transport,
        )
        services, pages = client.services(progress.sub(0.0, 0.9))
        unknown: dict[str, None] = {}
        if looks_like_hsds(services):
            records = hsds_records(services, unknown)
            unknown_fields = list(unknown)
        else:
            records, unknown_fields = _records_from_rows(services, mapping)
    else:
        path = Path(text).expanduser()
        records, unknown_fields, notes = _records_from_file(path, mapping)
        if not records:
            raise EmptyInputError(
                "The export '{file}' is empty: it contains no offers.", file=path.name
            )
    progress.report(1.0)
    frame = pd.DataFrame.from_records(
        [{key: _as_text(record.get(key)) for key in RECORD_COLUMNS} for record in records],
        columns=list(RECORD_COLUMNS),
    ).astype(object)
    if unknown_fields:
        notes.append(unknown_fields_note(unknown_fields))
    return FetchResult(
        records=frame,
        source=_display_source(text),
        fetched_at=_now(),
        pages=pages,
        unknown_fields=sorted(unknown_fields),
        notes=notes,
    )


def _as_text(value: Any) -> str | None:
    """A delivered value as text (lists joined); None for empty."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (list, tuple)):
        parts = [str(v).strip() for v in value if v is not None and str(v).strip()]
        return LIST_SEPARATOR.join(parts) if parts else None
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    text = str(value).strip()
    return text or None
