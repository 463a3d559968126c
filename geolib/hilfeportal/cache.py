"""The last complete fetch of each Hilfeportal source, kept in a GeoPackage."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pandas as pd

from ..io import OutputLayer, Provenance, write_gpkg
from ..redact import is_secret_name, redact
from ._common import RECORD_COLUMNS, FetchResult, is_url

__all__ = ["OfferCache"]


class OfferCache:
    """The last complete fetch of each source, kept in a GeoPackage per source.

    The records are stored as an attribute table ``offers`` (text as delivered),
    with a table ``cache_info`` holding the source and the time of the fetch.
    Nothing partial is ever stored: :func:`load_offers` saves only complete reads.
    """

    def __init__(self, directory: str | os.PathLike) -> None:
        self.directory = Path(directory)

    def path_for(self, source: str) -> Path:
        """The cache file of ``source`` (keys and user info play no part in the name)."""
        text = str(source).strip()
        if is_url(text):  # the API root, with or without /services, is one source
            text = _without_secrets(text)
            text = re.sub(r"(/services)?/*$", "", text)
        key = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
        return self.directory / f"hilfeportal_cache_{key}.gpkg"

    def save(self, fetched: FetchResult, source: str | None = None) -> Path:
        """Keep ``fetched`` as the cache of ``source`` (as given; default: its source)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.path_for(source if source is not None else fetched.source)
        info = pd.DataFrame(
            {
                "source": [redact(fetched.source)],
                "fetched_at": [fetched.fetched_at],
                "offers": [len(fetched.records)],
                "unknown_fields": [", ".join(fetched.unknown_fields)],
            }
        )
        records = fetched.records.copy()
        for column in records.columns:  # all text, so that GDAL keeps every value as given
            records[column] = records[column].astype(object)
        write_gpkg(
            path,
            [
                OutputLayer(
                    "offers",
                    records,
                    provenance=Provenance(
                        title="Hilfeportal-Cache", inputs={"source": redact(fetched.source)}
                    ),
                ),
                OutputLayer("cache_info", info),
            ],
        )
        return path

    def load(self, source: str) -> FetchResult | None:
        path = self.path_for(source)
        if not path.exists():
            return None
        import pyogrio

        try:
            info = pyogrio.read_dataframe(path, layer="cache_info")
            records = pyogrio.read_dataframe(path, layer="offers")
        except Exception:  # a broken cache is no cache
            return None
        records = pd.DataFrame(records).drop(columns=["geometry"], errors="ignore")
        for column in RECORD_COLUMNS:
            if column not in records.columns:
                records[column] = None
        records = records[list(RECORD_COLUMNS)].astype(object)
        records = records.where(records.notna(), None)
        unknown = str(info["unknown_fields"].iloc[0] or "")
        return FetchResult(
            records=records,
            source=str(info["source"].iloc[0]),
            fetched_at=str(info["fetched_at"].iloc[0]),
            unknown_fields=[u for u in unknown.split(", ") if u],
        )


# --------------------------------------------------------------------------------------
# the whole way: read (or cache), check, filter


def _without_secrets(url: str) -> str:
    """``url`` without user info, fragment and parameters that are secrets by name."""
    head = url.partition("#")[0]
    head, _, query = head.partition("?")
    scheme, sep, rest = head.partition("://")
    netloc, slash, path = rest.partition("/")
    netloc = netloc.rpartition("@")[2]
    kept = [p for p in query.split("&") if p and not is_secret_name(p.partition("=")[0])]
    query = "&".join(kept)
    return f"{scheme}{sep}{netloc}{slash}{path}" + (f"?{query}" if query else "")
