"""Field mappings chosen by a user: the fields of an export, and pairs source → offer field.

For a mapping dialog (the dock) or a Processing parameter: :func:`export_fields`
lists the fields an exported file offers, :func:`field_mapping` turns the user's
pairs (source field → offer field) into a :class:`~.readers.FieldMapping` and refuses
pairs that cannot work, naming them.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..errors import ParameterError, SourceError
from ..redact import redact
from ._common import RECORD_COLUMNS, is_url
from .hsds import looks_like_hsds, page_contents
from .readers import FieldMapping, _decode, check_separators

__all__ = ["MAPPABLE_FIELDS", "export_fields", "field_mapping", "mapped_fields"]

#: the offer fields a source field can be mapped to
MAPPABLE_FIELDS = RECORD_COLUMNS


def field_mapping(
    pairs: Mapping[str, str] | Iterable[tuple[str, str]] | None,
    *,
    list_separators: str | None = None,
    ignored: Iterable[str] = (),
) -> FieldMapping:
    """The default mapping with the user's pairs *source field → offer field* first.

    Parameters
    ----------
    pairs
        Source field (as in the export) → offer field (one of :data:`MAPPABLE_FIELDS`).
        Empty pairs (both sides blank) are skipped.
    list_separators
        See :class:`~.readers.FieldMapping`.
    ignored
        Source fields that hold no part of an offer, even where the default mapping
        would take them (``x`` as the longitude, say); they are listed as unused.

    Raises
    ------
    ParameterError
        An offer field that does not exist, one offer field given two source fields,
        one side of a pair empty, or a source field both mapped and ignored.

    Examples
    --------
    >>> field_mapping({"Bezeichnung": "title", "Rechts": "lon"}).title
    ('Bezeichnung',)
    """
    items = list(pairs.items() if isinstance(pairs, Mapping) else pairs or [])
    overrides: dict[str, str] = {}
    for source, target in items:
        source, target = str(source or "").strip(), str(target or "").strip()
        if not source and not target:
            continue
        if not source or not target:
            raise ParameterError(
                "The field mapping has a pair with one side empty ('{source}' → '{target}'). "
                "Give the export's field and the offer field.",
                source=source,
                target=target,
            )
        if target not in MAPPABLE_FIELDS:
            raise ParameterError(
                "The field mapping names '{key}', which is not part of an offer. "
                "Use one of: {keys}.",
                key=target,
                keys=", ".join(MAPPABLE_FIELDS),
            )
        if target in overrides and overrides[target].casefold() != source.casefold():
            raise ParameterError(
                "The field mapping gives the offer field '{target}' two source fields "
                "('{first}' and '{second}'); keep one.",
                target=target,
                first=overrides[target],
                second=source,
            )
        overrides[target] = source
    mapping = FieldMapping.with_overrides(overrides)
    dropped = {str(name).strip().casefold() for name in ignored if str(name).strip()}
    for target, source in overrides.items():
        if source.casefold() in dropped:
            raise ParameterError(
                "The field mapping maps '{source}' to '{target}' and ignores it as well; keep one.",
                source=source,
                target=target,
            )
    for key in RECORD_COLUMNS:
        candidates = getattr(mapping, key)
        kept = tuple(c for c in candidates if str(c).strip().casefold() not in dropped)
        setattr(mapping, key, kept)
    if list_separators is not None:
        mapping.list_separators = check_separators(list_separators)
    return mapping


def mapped_fields(fields: Iterable[str], mapping: FieldMapping | None = None) -> dict[str, str]:
    """Which offer field each of ``fields`` fills under ``mapping`` (default: the default).

    Fields that fill none are left out. For a dialog that shows what a source field
    becomes without a choice of the user.

    >>> mapped_fields(["Bezeichnung", "Notiz", "x"])
    {'Bezeichnung': 'title', 'x': 'lon'}
    """
    used, _ = (mapping or FieldMapping()).resolve(fields)
    by_source = {source: key for key, source in used.items()}
    return {name: by_source[name] for name in fields if name in by_source}


def export_fields(source: str | os.PathLike) -> list[str]:
    """The fields of an exported file, in file order: a CSV header, JSON keys, GeoJSON properties.

    HSDS documents (and API URLs) need no mapping: for them the list is empty.

    Raises
    ------
    SourceError
        The file does not exist or cannot be read as JSON or CSV.
    """
    text = str(source).strip()
    if is_url(text):
        return []
    path = Path(text).expanduser()
    if not path.is_file():
        raise SourceError(
            "The file '{path}' does not exist. Check the path.", path=redact(str(path))
        )
    content, _ = _decode(path.read_bytes(), path)
    content = content.lstrip("\ufeff")
    if path.suffix.lower() in (".json", ".geojson") or content.lstrip()[:1] in ("{", "["):
        try:
            data = json.loads(content)
        except (ValueError, RecursionError):
            raise SourceError(
                "The export '{file}' is not valid JSON: its fields cannot be listed.",
                file=path.name,
            ) from None
        if isinstance(data, dict) and data.get("type") == "FeatureCollection":
            rows: list[dict] = [
                f["properties"]
                for f in data.get("features") or []
                if isinstance(f, dict) and isinstance(f.get("properties"), dict)
            ]
        else:
            found = page_contents(data)
            rows = [] if found is None or looks_like_hsds(found[0]) else found[0]
        return list(dict.fromkeys(str(k) for row in rows for k in row))
    first = content.splitlines()[0] if content.strip() else ""
    delimiter = max((";", ",", "\t"), key=first.count) if first else ","
    header = next(csv.reader(io.StringIO(first), delimiter=delimiter), [])
    return [h.strip() for h in header if h and h.strip()]
