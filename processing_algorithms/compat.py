"""The one place for API that differs between the QGIS versions we run on (3.22 to 4).

Field types: QGIS before 3.38 builds a ``QgsField`` from a ``QVariant.Type``; later
versions take a ``QMetaType.Type`` (``QVariant.Type`` is deprecated there and gone in
QGIS 4 with PyQt6), and ``QgsField.type()`` returns one or the other. Both number the
types alike (``Int`` = 2, ``QString`` = 10 ...), so code names a type by its
``QMetaType.Type`` name and compares types by number.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from qgis.core import QgsField
from qgis.PyQt.QtCore import QMetaType


@cache
def _fields_take_qmetatype() -> bool:
    try:
        QgsField("probe", QMetaType.Type.Int)
    except TypeError:
        return False
    return True


def field_type(name: str) -> Any:
    """The type for ``QgsField(…, type)`` of ``QMetaType.Type`` member ``name``.

    ``name`` is e.g. ``"Int"``, ``"LongLong"``, ``"Double"``, ``"Bool"``, ``"QString"``,
    ``"QDate"``, ``"QDateTime"``, ``"QTime"``.
    """
    meta = getattr(QMetaType.Type, name)
    if _fields_take_qmetatype():
        return meta
    from qgis.PyQt.QtCore import QVariant

    return QVariant.Type(int(meta))  # qt6: QGIS < 3.38 only (PyQt5), never on Qt 6


def type_id(kind: Any) -> int:
    """The number of a field type, from a ``QVariant.Type`` or ``QMetaType.Type``."""
    return int(getattr(kind, "value", kind))


def type_ids(*names: str) -> frozenset[int]:
    """The numbers of the ``QMetaType.Type`` members ``names``."""
    return frozenset(type_id(getattr(QMetaType.Type, name)) for name in names)
