"""The internal schema of one offer (DESIGN §5), shared by every module that makes offers.

Aligned with Open Referral HSDS (organization → service → location). GeoPackage has
no list type, so the list fields ``categories`` and ``target_groups`` are stored as
text joined by :data:`LIST_SEPARATOR`; ``category`` is the first (main) category.
"""

from __future__ import annotations

LIST_SEPARATOR = "; "

OFFER_SCHEMA = (
    "offer_id",
    "title",
    "provider",
    "categories",
    "target_groups",
    "address",
    "postcode",
    "municipality_ags",
    "capacity",
    "opening_hours",
    "url",
    "phone",
    "updated_at",
)
"""The fields of DESIGN §5 in order (plus a point geometry, WGS84 at the source)."""


def with_main_category(fields: tuple[str, ...]) -> tuple[str, ...]:
    """``fields`` with ``category`` (the main category) just before ``categories``."""
    index = fields.index("categories")
    return (*fields[:index], "category", *fields[index:])
