"""The dock's settings for exported files: field mapping, list separators, coordinate CRS.

The semantics are those of the algorithm's parameters (one implementation:
:func:`geolib.hilfeportal.field_mapping`): pairs *field of the export → offer field*
come first, the default names of :class:`~geolib.hilfeportal.FieldMapping` fill the
rest; a field set to "not used" fills no part of an offer (where the defaults would
take it). The dock keeps the choice in the user's QGIS settings, like the source.

The dialog is never run with ``exec()``: the dock opens it window-modal with
``open()`` and takes the choice on ``accepted``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from qgis.core import QgsCoordinateReferenceSystem
from qgis.gui import QgsProjectionSelectionWidget
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from geolib.errors import GeolibError
from geolib.hilfeportal import (
    DEFAULT_LIST_SEPARATORS,
    MAPPABLE_FIELDS,
    field_mapping,
    is_url,
    mapped_fields,
)

AUTOMATIC = ""
NOT_USED = "-"
WGS84 = "EPSG:4326"


def tr(text: str) -> str:
    return QCoreApplication.translate("FieldMappingDialog", text)


@dataclass(frozen=True)
class ExportMapping:
    """The user's settings for exported files (see the module docstring)."""

    pairs: tuple[tuple[str, str], ...] = ()  #: field of the export → offer field
    ignored: tuple[str, ...] = ()  #: fields of the export that hold no part of an offer
    list_separators: str = DEFAULT_LIST_SEPARATORS
    crs: str = WGS84  #: of the coordinate columns

    def is_default(self) -> bool:
        return self == ExportMapping()

    def load_options(self, source: str) -> dict[str, Any]:
        """Options of :func:`geolib.hilfeportal.load_offers` (ParameterError: unusable)."""
        mapping = field_mapping(
            self.pairs, list_separators=self.list_separators or None, ignored=self.ignored
        )
        options: dict[str, Any] = {"mapping": mapping}
        if not is_url(source):  # an HSDS API always gives WGS84
            options["crs"] = self.crs or None
        return options

    def to_json(self) -> str:
        return json.dumps(
            {
                "pairs": [list(p) for p in self.pairs],
                "ignored": list(self.ignored),
                "list_separators": self.list_separators,
                "crs": self.crs,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str | None) -> ExportMapping:
        """The settings in ``text``; the defaults where it is empty or damaged."""
        try:
            data = json.loads(text or "{}")
            return cls(
                pairs=tuple((str(s), str(t)) for s, t in data.get("pairs", [])),
                ignored=tuple(str(n) for n in data.get("ignored", [])),
                list_separators=str(data.get("list_separators", DEFAULT_LIST_SEPARATORS)),
                crs=str(data.get("crs") or WGS84),
            )
        except (ValueError, TypeError, AttributeError):
            return cls()

    def summary(self) -> str:
        """One line for the dock."""
        if self.is_default():
            return tr("Exports: default field names, WGS84 coordinates")
        return tr("Exports: {n} fields chosen, separators '{sep}', coordinates in {crs}").format(
            n=len(self.pairs) + len(self.ignored), sep=self.list_separators, crs=self.crs
        )


class FieldMappingDialog(QDialog):
    """A table *field of the export → offer field*, the list separators and the CRS."""

    def __init__(
        self, fields: list[str], choice: ExportMapping, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Hilfeportal: settings for exported files"))
        self.setObjectName("SozialplanungFieldMapping")
        chosen = dict(choice.pairs)
        ignored = {n.casefold() for n in choice.ignored}
        names = list(dict.fromkeys([*fields, *chosen, *choice.ignored]))
        automatic = mapped_fields(names)
        layout = QVBoxLayout(self)
        text = tr(
            "Which field of the export holds which part of an offer. 'automatic' uses the "
            "common English and German names; 'not used' ignores a field."
        )
        layout.addWidget(self._label(text))
        self.table = QTableWidget(len(names), 2, self)
        self.table.setHorizontalHeaderLabels([tr("Field of the export"), tr("Offer field")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, name in enumerate(names):
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if name not in fields:
                item.setToolTip(tr("Not in the current export; kept for other exports."))
            self.table.setItem(row, 0, item)
            combo = QComboBox(self.table)
            part = automatic.get(name)
            combo.addItem(
                tr("automatic: {field}").format(field=part) if part else tr("automatic: not used"),
                AUTOMATIC,
            )
            combo.addItem(tr("not used"), NOT_USED)
            for offer_field in MAPPABLE_FIELDS:
                combo.addItem(offer_field, offer_field)
            if name in chosen:
                combo.setCurrentIndex(max(0, combo.findData(chosen[name])))
            elif name.casefold() in ignored:
                combo.setCurrentIndex(combo.findData(NOT_USED))
            self.table.setCellWidget(row, 1, combo)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._label(tr("Separators of category and target-group lists")))
        self.separators_edit = QLineEdit(choice.list_separators, self)
        self.separators_edit.setToolTip(tr("For example ';|' or ';|,' for 'Sucht, Senioren'"))
        layout.addWidget(self.separators_edit)
        layout.addWidget(self._label(tr("CRS of the coordinate columns")))
        self.crs_widget = QgsProjectionSelectionWidget(self)
        self.crs_widget.setCrs(QgsCoordinateReferenceSystem(choice.crs or WGS84))
        layout.addWidget(self.crs_widget)
        self.error_label = self._label("")
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 520)

    @staticmethod
    def _label(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)  # field names are data, never markup
        label.setWordWrap(True)
        return label

    def combo(self, name: str) -> QComboBox:
        """The offer-field choice of the export's field ``name``."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == name:
                return self.table.cellWidget(row, 1)
        raise KeyError(name)

    def set_field(self, name: str, offer_field: str) -> None:
        """Choose ``offer_field`` (or AUTOMATIC / NOT_USED) for the export's field ``name``."""
        combo = self.combo(name)
        combo.setCurrentIndex(combo.findData(offer_field))

    def choice(self) -> ExportMapping:
        """The settings as shown."""
        pairs, ignored = [], []
        for row in range(self.table.rowCount()):
            name = self.table.item(row, 0).text()
            value = self.table.cellWidget(row, 1).currentData()
            if value == NOT_USED:
                ignored.append(name)
            elif value:
                pairs.append((name, value))
        crs = self.crs_widget.crs()
        return ExportMapping(
            pairs=tuple(pairs),
            ignored=tuple(ignored),
            list_separators=self.separators_edit.text(),
            crs=(crs.authid() or crs.toWkt()) if crs.isValid() else WGS84,
        )

    def accept(self) -> None:
        """Take the settings if they can work; otherwise say why and stay open."""
        from processing_algorithms.base import tr_geolib

        try:
            self.choice().load_options("")
        except GeolibError as exc:
            self.error_label.setText(tr_geolib(exc.message))
            return
        super().accept()
