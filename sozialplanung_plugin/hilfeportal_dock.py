"""The dock "Hilfeportal": offers as a styled, filterable point layer and a check list.

The dock takes its collaborators (project, message bar, layer tree root, main window,
task manager) as arguments, so that it runs in QGIS desktop and in tests alike.

- *Laden / Aktualisieren* starts a :class:`HilfeportalTask` (QGIS stays responsive,
  *Abbrechen* cancels it); messages go to the message bar.
- The offers go into the layer "Hilfeportal-Angebote" and the check list into
  "Hilfeportal-Prüfliste", both in the layer tree group "Hilfeportal", styled from
  ``styles/`` when they are created. Where their data lives is the user's choice
  (:mod:`.hilfeportal_store`): a GeoPackage beside the project (default), a GeoPackage
  file, or a PostGIS table; never the QGIS profile. A load replaces only the tables of
  the current project's choice, so an older project keeps showing what it showed.
- A refresh, the category and target group tree and the search replace the features
  *in place*: the user's own style, filter (subset string) and form stay as they are.
  A PostGIS table is shared: it gets every offer of a refresh, and the tree and the
  search become the dock's part of the user's layer filter (:mod:`.hilfeportal_layers`).
- *Felder …* sets the field mapping, list separators and coordinate CRS of exported
  files (:mod:`.field_mapping_dialog`; the algorithm's semantics), kept in the settings.
- Texts from the portal are shown as plain text only (never as HTML).
- Secrets: the settings keep the source redacted (:func:`geolib.redact.redact`: a key
  in the URL becomes ``***``) and the id of the authentication configuration; a key
  typed into the URL lives only in this QGIS session. A permanent key belongs into a
  QGIS authentication configuration.
- A refresh that delivers no offers, or far fewer than the last complete fetch or the
  layer shows (a file without coordinates, say), leaves the layers as they are and
  asks whether to take it.
"""

from __future__ import annotations

import contextlib
import html
import traceback
from pathlib import Path
from typing import Any

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeature,
    QgsMessageLog,
    QgsProject,
    QgsSettings,
)
from qgis.gui import QgsAuthConfigSelect, QgsDockWidget, QgsFilterLineEdit
from qgis.PyQt.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from geolib.errors import GeolibError
from geolib.hilfeportal import export_fields, filter_offers, is_url, unknown_fields_note
from geolib.hilfeportal.load import MIN_SHARE
from geolib.redact import redact
from processing_algorithms.base import tr_geolib
from processing_algorithms.hilfeportal import auth_headers
from processing_algorithms.hilfeportal import cache_dir as default_cache_dir

from . import hilfeportal_store as store
from .field_mapping_dialog import ExportMapping, FieldMappingDialog
from .hilfeportal_layers import GROUP_NAME, ROLE_PROPERTY, DockLayers
from .hilfeportal_store import create_layer_file, replace_features
from .hilfeportal_task import HilfeportalTask

__all__ = [
    "GROUP_NAME",
    "ROLE_PROPERTY",
    "HilfeportalDock",
    "create_layer_file",
    "replace_features",
]

#: the layer property with the number of offers of the load the layer shows
TOTAL_PROPERTY = "sozialplanung/hilfeportal/total"
SETTINGS_SOURCE = "sozialplanung/hilfeportal/source"
SETTINGS_AUTHCFG = "sozialplanung/hilfeportal/authcfg"
SETTINGS_EXPORTS = "sozialplanung/hilfeportal/exports"
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
#: sources with a key, by their redacted form: kept for this QGIS session only
_SESSION_SOURCES: dict[str, str] = {}


def tr(text: str) -> str:
    return QCoreApplication.translate("HilfeportalDock", text)


class HilfeportalDock(DockLayers, QgsDockWidget):
    """The Hilfeportal dock (see the module docstring).

    Parameters
    ----------
    project
        The QgsProject the layers go into.
    message_bar
        Where messages go (``iface.messageBar()`` or any QgsMessageBar).
    layer_tree_root
        The layer tree root of the group "Hilfeportal" (default: the project's).
    main_window
        Parent of dialogs (may be ``None``).
    cache_dir
        Folder for the offer cache (default: the profile); never for the layers.
    task_manager
        Where the task runs (default: QGIS's).
    """

    #: emitted in the main thread when a load ends: True when layers were updated
    loadFinished = pyqtSignal(bool)

    def __init__(
        self,
        *,
        project: QgsProject,
        message_bar,
        layer_tree_root=None,
        main_window: QWidget | None = None,
        cache_dir: str | Path | None = None,
        task_manager=None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Hilfeportal"), parent or main_window)
        self.setObjectName("SozialplanungHilfeportalDock")
        self.project = project
        self.message_bar = message_bar
        self.layer_tree_root = layer_tree_root or project.layerTreeRoot()
        self.main_window = main_window
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self.task_manager = task_manager or QgsApplication.taskManager()
        self.task: HilfeportalTask | None = None
        self.result = None
        self._prepared: dict[str, Any] = {}
        #: the result whose offers the shared (PostGIS) table holds
        self._written: Any = None
        self._checks = None
        self._unchecked: dict[str, set[str]] = {"categories": set(), "target_groups": set()}
        self._filling_tree = False
        self._build_ui()
        self._accept_fewer = False
        settings = QgsSettings()
        saved = settings.value(SETTINGS_SOURCE, "", type=str)
        self.source_edit.setText(_SESSION_SOURCES.get(saved, saved))
        if redact(saved) != saved:
            settings.setValue(SETTINGS_SOURCE, redact(saved))  # an older version stored it
        if "***" in self.source_edit.text():
            self.status_label.setText(
                tr(
                    "The key in the address is not stored: enter it again, or keep it in a "
                    "QGIS authentication configuration."
                )
            )
        self.exports = ExportMapping.from_json(settings.value(SETTINGS_EXPORTS, "", type=str))
        self.mapping_label.setText(self.exports.summary())
        authcfg = settings.value(SETTINGS_AUTHCFG, "", type=str)
        if authcfg:
            self.auth_select.setConfigId(authcfg)
        self.show_target(store.read_target(project))
        project.readProject.connect(self._project_read)
        project.cleared.connect(self._project_read)

    # --- user interface ---------------------------------------------------------------
    def _build_ui(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)

        layout.addWidget(self._label(tr("Source (URL of the Hilfeportal API or an exported file)")))
        row = QHBoxLayout()
        self.source_edit = QLineEdit(body)
        self.source_edit.setPlaceholderText("https://… | angebote.csv")
        self.source_edit.setObjectName("source")
        self.browse_button = QToolButton(body)
        self.browse_button.setText("…")
        self.browse_button.setToolTip(tr("Choose an exported file (JSON, GeoJSON, CSV)"))
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.source_edit)
        row.addWidget(self.browse_button)
        layout.addLayout(row)

        row = QHBoxLayout()
        self.mapping_label = self._label("")
        self.mapping_label.setWordWrap(True)
        self.mapping_button = QToolButton(body)
        self.mapping_button.setObjectName("mapping")
        self.mapping_button.setText(tr("Fields …"))
        self.mapping_button.setToolTip(
            tr("Field mapping, list separators and coordinate CRS of exported files")
        )
        self.mapping_button.clicked.connect(self.open_mapping)
        row.addWidget(self.mapping_label, 1)
        row.addWidget(self.mapping_button)
        layout.addLayout(row)

        layout.addWidget(self._label(tr("Authentication (token)")))
        self.auth_select = QgsAuthConfigSelect(body)
        layout.addWidget(self.auth_select)
        self._build_target_ui(body, layout)

        buttons = QHBoxLayout()
        self.load_button = QPushButton(tr("Load / Refresh"), body)
        self.load_button.setObjectName("load")
        self.load_button.clicked.connect(self.load)
        self.cancel_button = QPushButton(tr("Cancel"), body)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)

        self.progress_bar = QProgressBar(body)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setVisible(False)
        layout.addWidget(self.progress_bar)

        self.search_edit = QgsFilterLineEdit(body)
        self.search_edit.setShowSearchIcon(True)
        self.search_edit.setPlaceholderText(tr("Search in title, provider, address …"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self._filter_changed)
        self.search_edit.textChanged.connect(lambda _: self._search_timer.start())
        layout.addWidget(self.search_edit)

        self.tree = QTreeWidget(body)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemChanged.connect(self._tree_changed)
        self.category_root = self._tree_root(tr("Categories"), "categories")
        self.target_root = self._tree_root(tr("Target groups"), "target_groups")
        layout.addWidget(self.tree, 1)

        self.status_label = self._label(tr("No offers loaded yet."))
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.setWidget(body)

    def _build_target_ui(self, body: QWidget, layout: QVBoxLayout) -> None:
        layout.addWidget(self._label(tr("Where the layers are stored")))
        self.target_combo = QComboBox(body)
        self.target_combo.setObjectName("target")
        self.target_combo.addItem(tr("GeoPackage beside the project"), "project")
        self.target_combo.addItem(tr("GeoPackage file"), "file")
        self.target_combo.addItem(tr("PostGIS table"), "postgis")
        self.target_combo.currentIndexChanged.connect(lambda _: self._target_kind_changed())
        layout.addWidget(self.target_combo)
        self.file_row = QWidget(body)
        row = QHBoxLayout(self.file_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.file_edit = QLineEdit(self.file_row)
        self.file_edit.setPlaceholderText("hilfeportal.gpkg")
        file_button = QToolButton(self.file_row)
        file_button.setText("…")
        file_button.setToolTip(tr("Choose the GeoPackage file for the layers"))
        file_button.clicked.connect(self.browse_target_file)
        row.addWidget(self.file_edit)
        row.addWidget(file_button)
        layout.addWidget(self.file_row)
        self.postgis_row = QWidget(body)
        row = QHBoxLayout(self.postgis_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.connection_combo = QComboBox(self.postgis_row)
        self.connection_combo.setToolTip(tr("A saved QGIS PostgreSQL connection"))
        self.schema_edit = QLineEdit("public", self.postgis_row)
        self.schema_edit.setToolTip(tr("Schema"))
        row.addWidget(self.connection_combo, 2)
        row.addWidget(self.schema_edit, 1)
        layout.addWidget(self.postgis_row)
        self.name_edit = QLineEdit(store.DEFAULT_NAME, body)
        self.name_edit.setToolTip(tr("Start of the table names: NAME_angebote and NAME_pruefliste"))
        layout.addWidget(self.name_edit)
        self._target_kind_changed()

    def _target_kind_changed(self) -> None:
        kind = self.target_combo.currentData()
        self.file_row.setVisible(kind == "file")
        self.postgis_row.setVisible(kind == "postgis")
        self.name_edit.setVisible(kind in ("file", "postgis"))
        if kind == "postgis":
            current = self.connection_combo.currentText()
            self.connection_combo.clear()
            self.connection_combo.addItems(store.connection_names())
            if current:
                self.connection_combo.setCurrentText(current)

    def _project_read(self, *_) -> None:
        self.show_target(store.read_target(self.project))

    def show_target(self, target: store.Target) -> None:
        """Show ``target`` in the dock's fields."""
        self.target_combo.setCurrentIndex(max(0, self.target_combo.findData(target.kind)))
        self.file_edit.setText(target.path)
        self.schema_edit.setText(target.schema)
        self.name_edit.setText(target.name)
        self._target_kind_changed()
        if target.connection:
            if self.connection_combo.findText(target.connection) < 0:
                self.connection_combo.addItem(target.connection)
            self.connection_combo.setCurrentText(target.connection)

    def target(self) -> store.Target:
        """The place for the layers as chosen in the dock."""
        return store.Target(
            kind=self.target_combo.currentData(),
            path=self.file_edit.text().strip(),
            connection=self.connection_combo.currentText(),
            schema=self.schema_edit.text().strip() or "public",
            name=self.name_edit.text().strip() or store.DEFAULT_NAME,
        )

    def browse_target_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.main_window or self,
            tr("GeoPackage for the Hilfeportal layers"),
            self.file_edit.text(),
            tr("GeoPackage (*.gpkg)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.file_edit.setText(path if path.lower().endswith(".gpkg") else path + ".gpkg")

    def ask_project_file(self) -> str | None:
        """Ask where to save the unsaved project (its layers go beside it); None: declined."""
        answer = QMessageBox.question(
            self.main_window or self,
            tr("Hilfeportal"),
            tr(
                "The layers are stored in a GeoPackage beside the project, and the project is "
                "not saved yet. Save the project now?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        path, _ = QFileDialog.getSaveFileName(
            self.main_window or self, tr("Save project"), "", tr("QGIS projects (*.qgz *.qgs)")
        )
        return path or None

    def _ready_target(self) -> bool:
        """Check the chosen place (saving an unsaved project first); False: a message said why."""
        target = self.target()
        if target.kind == "project" and not self.project.fileName():
            path = self.ask_project_file()
            if path and not self.project.write(path):
                self._message(
                    tr("The project could not be saved as '{path}'.").format(path=path),
                    Qgis.MessageLevel.Critical,
                )
                return False
        try:
            store.check(target, self.project)
        except store.StoreError as exc:
            self._message(str(exc), Qgis.MessageLevel.Warning)
            return False
        store.write_target(self.project, target)
        return True

    @staticmethod
    def _label(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)  # portal texts are data, never markup
        return label

    def _tree_root(self, text: str, kind: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [text])
        item.setData(0, NAME_ROLE, kind)
        item.setFlags(
            item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
        )
        item.setCheckState(0, Qt.CheckState.Checked)
        item.setExpanded(True)
        return item

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.main_window or self,
            tr("Hilfeportal export"),
            "",
            tr("Hilfeportal exports (*.json *.geojson *.csv *.txt);;All files (*)"),
        )
        if path:
            self.source_edit.setText(path)

    # --- exported files: field mapping, list separators, CRS ------------------------------
    def mapping_dialog(self) -> FieldMappingDialog | None:
        """The dialog for the fields of the source's export (not shown); None: a message said why.

        Its ``accepted`` signal takes the choice (:meth:`set_exports`).
        """
        source = self.source_edit.text().strip()
        try:
            fields = export_fields(source) if source else []
        except GeolibError as exc:
            self._message(tr_geolib(exc.message), Qgis.MessageLevel.Warning)
            return None
        if not fields and not (self.exports.pairs or self.exports.ignored) and not source:
            self._message(
                tr("Choose an exported file first: the dialog lists its fields."),
                Qgis.MessageLevel.Info,
            )
            return None
        dialog = FieldMappingDialog(fields, self.exports, self.main_window or self)
        dialog.accepted.connect(lambda: self.set_exports(dialog.choice()))
        return dialog

    def open_mapping(self) -> None:
        dialog = self.mapping_dialog()
        if dialog is not None:
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()  # window-modal, never exec(): QGIS keeps running

    def set_exports(self, choice: ExportMapping) -> None:
        """Use ``choice`` for exported files from now on (kept in the QGIS settings)."""
        self.exports = choice
        QgsSettings().setValue(SETTINGS_EXPORTS, choice.to_json())
        self.mapping_label.setText(choice.summary())

    # --- loading ----------------------------------------------------------------------
    def load(self) -> HilfeportalTask | None:
        """Start loading the source in a task; returns the task (None if refused)."""
        if self.task is not None:
            return None
        source = self.source_edit.text().strip()
        if not source:
            self._message(
                tr("Enter the URL of the Hilfeportal or choose an export."),
                Qgis.MessageLevel.Warning,
            )
            return None
        if not self._ready_target():
            return None
        authcfg = self.auth_select.configId()
        try:
            headers = auth_headers(authcfg) if is_url(source) else {}
        except Exception as exc:  # the auth config cannot be read or applied (translated)
            self._message(str(exc), Qgis.MessageLevel.Critical)
            return None
        try:
            export_options = self.exports.load_options(source)
        except GeolibError as exc:
            self._message(tr_geolib(exc.message), Qgis.MessageLevel.Warning)
            return None
        settings = QgsSettings()
        shown = redact(source)
        if shown != source:  # the key stays in this session, never in the settings
            _SESSION_SOURCES[shown] = source
        settings.setValue(SETTINGS_SOURCE, shown)
        settings.setValue(SETTINGS_AUTHCFG, authcfg)  # the id only, never the secret
        self.task = HilfeportalTask(
            source,
            headers=headers,
            cache_dir=str(self.cache_dir),
            options={**export_options, **self.load_options(), "accept_fewer": self._accept_fewer},
            on_finished=self._task_finished,
        )
        self.task.progressChanged.connect(lambda value: self.progress_bar.setValue(int(value)))
        self.load_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self.status_label.setText(tr("Loading …"))
        self._accept_fewer = False
        self.task_manager.addTask(self.task)
        return self.task

    def load_options(self) -> dict[str, Any]:
        """Options of :func:`geolib.hilfeportal.load_offers` (tests may narrow them)."""
        return {}

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _task_finished(self, task: HilfeportalTask, ok: bool) -> None:
        self.task = None
        self.load_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress_bar.setVisible(False)
        if task.cancelled:
            self.status_label.setText(tr("Loading was cancelled; the layers are unchanged."))
            self._message(
                tr("Loading was cancelled; the layers are unchanged."), Qgis.MessageLevel.Info
            )
            self.loadFinished.emit(False)
            return
        if not ok or task.result is None:
            text = task.error or tr("Loading failed.")
            self.status_label.setText(text)
            self._message(text, Qgis.MessageLevel.Critical)
            self.loadFinished.emit(False)
            return
        if not self._take_smaller(task):
            self.loadFinished.emit(False)
            return
        self.result = task.result
        self._prepared = task.prepared
        self._checks = task.checks
        self._fill_tree()
        try:
            self.apply_filter()
            self._write_checks()
        except Exception as exc:  # in a Qt callback: a failure never aborts QGIS
            self._message(_failure(exc), Qgis.MessageLevel.Critical)
            self.loadFinished.emit(False)
            return
        result = self.result
        offers_layer = self.layer("offers")
        if offers_layer is not None:
            offers_layer.setCustomProperty(TOTAL_PROPERTY, len(result.all_offers))
        if result.refresh_note is not None:
            self._message(tr_geolib(result.refresh_note), Qgis.MessageLevel.Warning)
        elif result.all_offers.empty:
            self._message(
                tr(
                    "The source holds no offer with coordinates; {k} findings in the check "
                    "list say why."
                ).format(k=len(result.checks)),
                Qgis.MessageLevel.Warning,
            )
        else:
            self._message(
                tr("{n} offers loaded, {k} findings in the check list.").format(
                    n=len(result.all_offers), k=len(result.checks)
                ),
                Qgis.MessageLevel.Success,
            )
        if result.unknown_fields:
            self._message(
                tr_geolib(unknown_fields_note(result.unknown_fields)), Qgis.MessageLevel.Info
            )
        self.loadFinished.emit(True)
        if result.fewer_offers is not None and self.confirm_fewer(
            tr_geolib(result.refresh_note), len(result.all_offers), result.fewer_offers
        ):
            self._accept_fewer = True
            self.load()

    def shown_total(self) -> int | None:
        """How many offers the load shown in the offers layer had (None: no layer)."""
        layer = self.layer("offers")
        if layer is None:
            return None
        total = layer.customProperty(TOTAL_PROPERTY)
        try:
            return int(total)
        except (TypeError, ValueError):
            return layer.featureCount()

    def _take_smaller(self, task: HilfeportalTask) -> bool:
        """Whether to show a new answer with no or far fewer offers than the layer shows.

        Another source (a file without coordinates, say) has no cached fetch to compare
        with: the layer's offers are the measure. Unless the user confirms, the layers
        stay as they are.
        """
        result = task.result
        shown = self.shown_total()
        n = len(result.all_offers)
        if result.fewer_offers is not None or task.options.get("accept_fewer") or not shown:
            return True
        if n > 0 and n >= MIN_SHARE * shown:
            return True
        warning = tr(
            "The new answer has {n} offers with coordinates ({k} findings in its check list); "
            "the layer shows the {shown} offers of the last load."
        ).format(n=n, k=len(result.checks), shown=shown)
        if self.confirm_fewer(warning, shown, n):
            return True
        text = tr("The new answer was not taken; the layers are unchanged.")
        self.status_label.setText(warning + " " + text)
        self._message(warning + " " + text, Qgis.MessageLevel.Warning)
        return False

    def confirm_fewer(self, warning: str, shown: int, n: int) -> bool:
        """Ask whether to replace the ``shown`` offers with the ``n`` of a new answer."""
        answer = QMessageBox.question(
            self.main_window or self,
            tr("Hilfeportal"),
            tr(
                "{warning}\n\nReplace the {cached} offers shown with the {n} offers of the "
                "new answer?"
            ).format(warning=warning, cached=shown, n=n),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- categories, target groups, search --------------------------------------------
    def _fill_tree(self) -> None:
        self._filling_tree = True
        try:
            for root, counts in (
                (self.category_root, self.result.categories),
                (self.target_root, self.result.target_groups),
            ):
                kind = root.data(0, NAME_ROLE)
                root.takeChildren()
                for name, count in counts.items():
                    child = QTreeWidgetItem(root, [f"{name} ({count})"])
                    child.setData(0, NAME_ROLE, name)
                    child.setToolTip(0, html.escape(name))
                    child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    unchecked = name in self._unchecked[kind]
                    child.setCheckState(
                        0, Qt.CheckState.Unchecked if unchecked else Qt.CheckState.Checked
                    )
                root.setExpanded(True)
        finally:
            self._filling_tree = False

    def _tree_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling_tree or item.parent() is None:
            return
        kind = item.parent().data(0, NAME_ROLE)
        name = item.data(0, NAME_ROLE)
        if item.checkState(0) == Qt.CheckState.Checked:
            self._unchecked[kind].discard(name)
        else:
            self._unchecked[kind].add(name)
        self._search_timer.start()

    def set_checked(self, kind: str, names: list[str] | None) -> None:
        """Check exactly ``names`` of ``kind`` ("categories" / "target_groups"); None: all."""
        root = self.category_root if kind == "categories" else self.target_root
        self._filling_tree = True
        try:
            for i in range(root.childCount()):
                child = root.child(i)
                name = child.data(0, NAME_ROLE)
                on = names is None or name in names
                child.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                (self._unchecked[kind].discard if on else self._unchecked[kind].add)(name)
        finally:
            self._filling_tree = False

    def _checked(self, root: QTreeWidgetItem) -> list[str] | None:
        names = [root.child(i).data(0, NAME_ROLE) for i in range(root.childCount())]
        checked = [
            root.child(i).data(0, NAME_ROLE)
            for i in range(root.childCount())
            if root.child(i).checkState(0) == Qt.CheckState.Checked
        ]
        return None if len(checked) == len(names) else checked

    def _filter_changed(self) -> None:
        """The search or the tree changed: filter again; a failure goes to the message bar."""
        try:
            self.apply_filter()
        except Exception as exc:  # the layer is being edited, say
            self._message(_failure(exc), Qgis.MessageLevel.Critical)

    def apply_filter(self) -> None:
        """Show the offers that match the tree and the search (data replaced in place)."""
        self._search_timer.stop()
        if self.result is None:
            return
        chosen = {
            "categories": self._checked(self.category_root),
            "target_groups": self._checked(self.target_root),
            "search": self.search_edit.text() or None,
        }
        offers = filter_offers(self.result.all_offers, **chosen)
        layer = self._layer("offers", tr("Hilfeportal offers"), offers, "hilfeportal_offers.qml")
        if layer.providerType() == "postgres":
            self._show_in_shared_table(layer, chosen)
        else:
            positions = self.result.all_offers.index.get_indexer(offers.index)
            replace_features(layer, offers, prepared=self._subset("offers", positions))
        total = len(self.result.all_offers)
        when = _local_time(self.result.fetched_at)
        text = tr("{n} of {total} offers shown · {k} findings · fetched {when}").format(
            n=len(offers), total=total, k=len(self.result.checks), when=when
        )
        if self.result.from_cache:
            text += " · " + tr("from the cache (the refresh failed)")
        self.status_label.setText(text)

    def _write_checks(self) -> None:
        checks = self._checks  # translated by the task
        layer = self._layer(
            "checks", tr("Hilfeportal check list"), checks, "hilfeportal_checks.qml"
        )
        replace_features(layer, checks, prepared=self._subset("checks", range(len(checks))))

    def _subset(self, role: str, positions) -> tuple[list[str], list] | None:
        """Copies of the features the task prepared, for the rows at ``positions``."""
        if role not in self._prepared:
            return None
        names, features = self._prepared[role]
        chosen = []
        for i in positions:
            feature = QgsFeature(features[i])
            feature.setAttribute(0, None)  # the GeoPackage numbers the rows itself
            chosen.append(feature)
        return names, chosen

    # --- messages and clean-up ----------------------------------------------------------
    def _message(self, text: str, level) -> None:
        # the message bar renders HTML: escape, so that portal texts stay text
        duration = 0 if level == Qgis.MessageLevel.Critical else 6
        text = html.escape(redact(str(text)))
        self.message_bar.pushMessage(tr("Hilfeportal"), text, level, duration)

    def shutdown(self) -> None:
        """Cancel a running task and forget it (called when the plugin unloads)."""
        with contextlib.suppress(TypeError, RuntimeError):  # the project outlives the dock
            self.project.readProject.disconnect(self._project_read)
        with contextlib.suppress(TypeError, RuntimeError):
            self.project.cleared.disconnect(self._project_read)
        if self.task is not None:
            self.task.on_finished = None
            self.task.cancel()
            self.task = None


def _failure(exc: Exception) -> str:
    """The message for a failure of writing the layers; a bug's details go to the log."""
    if isinstance(exc, RuntimeError):  # our messages (translated)
        return str(exc)
    QgsMessageLog.logMessage(
        redact(traceback.format_exc()), "Sozialplanung", Qgis.MessageLevel.Critical
    )
    return tr("Unexpected error: {error}. The details are in the log.").format(
        error=redact(str(exc))[:300]
    )


def _local_time(iso: str) -> str:
    """An ISO time (UTC) as the user's local date and time, in the user's format."""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)
