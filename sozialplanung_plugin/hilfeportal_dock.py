"""The dock "Hilfeportal": offers as a styled, filterable point layer and a check list.

The dock takes its collaborators (project, message bar, layer tree root, main window,
task manager) as arguments, so that it runs in QGIS desktop and in tests alike.

- *Laden / Aktualisieren* starts a :class:`HilfeportalTask` (QGIS stays responsive,
  *Abbrechen* cancels it); messages go to the message bar.
- The offers go into the layer "Hilfeportal-Angebote" and the check list into
  "Hilfeportal-Prüfliste", both in the layer tree group "Hilfeportal", stored in a
  GeoPackage in the QGIS profile, styled from ``styles/`` when they are created.
- A refresh, the category and target group tree and the search replace the features
  *in place*: the user's own style, filter (subset string) and form stay as they are.
- Texts from the portal are shown as plain text only (never as HTML).
- Secrets: the settings keep the source redacted (:func:`geolib.redact.redact`: a key
  in the URL becomes ``***``) and the id of the authentication configuration; a key
  typed into the URL lives only in this QGIS session. A permanent key belongs into a
  QGIS authentication configuration.
- A refresh that delivers no offers, or far fewer than the last complete fetch,
  leaves the layers as they are and asks whether to take it.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsLayerTreeGroup,
    QgsProject,
    QgsSettings,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsAuthConfigSelect, QgsDockWidget, QgsFilterLineEdit
from qgis.PyQt.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
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

from geolib.hilfeportal import filter_offers, is_url, unknown_fields_note
from geolib.io import attach_style
from geolib.redact import redact
from processing_algorithms import bridge
from processing_algorithms.base import STYLES_DIR, tr_geolib
from processing_algorithms.hilfeportal import auth_headers
from processing_algorithms.hilfeportal import cache_dir as default_cache_dir
from processing_algorithms.styling import load_style, style_qml

from .hilfeportal_task import HilfeportalTask, layer_fields

GROUP_NAME = "Hilfeportal"
ROLE_PROPERTY = "sozialplanung/hilfeportal"
LAYER_FILE = "hilfeportal_layers.gpkg"
SETTINGS_SOURCE = "sozialplanung/hilfeportal/source"
SETTINGS_AUTHCFG = "sozialplanung/hilfeportal/authcfg"
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
#: sources with a key, by their redacted form: kept for this QGIS session only
_SESSION_SOURCES: dict[str, str] = {}


def tr(text: str) -> str:
    return QCoreApplication.translate("HilfeportalDock", text)


class HilfeportalDock(QgsDockWidget):
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
        Folder for the offer cache and the layers' GeoPackage (default: the profile).
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
        authcfg = settings.value(SETTINGS_AUTHCFG, "", type=str)
        if authcfg:
            self.auth_select.setConfigId(authcfg)

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

        layout.addWidget(self._label(tr("Authentication (token)")))
        self.auth_select = QgsAuthConfigSelect(body)
        layout.addWidget(self.auth_select)

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
        authcfg = self.auth_select.configId()
        try:
            headers = auth_headers(authcfg) if is_url(source) else {}
        except Exception as exc:  # the auth config cannot be read or applied (translated)
            self._message(str(exc), Qgis.MessageLevel.Critical)
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
            options={**self.load_options(), "accept_fewer": self._accept_fewer},
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
        self.result = task.result
        self._prepared = task.prepared
        self._checks = task.checks
        self._fill_tree()
        try:
            self.apply_filter()
            self._write_checks()
        except RuntimeError as exc:
            self._message(str(exc), Qgis.MessageLevel.Critical)
            self.loadFinished.emit(False)
            return
        result = self.result
        if result.refresh_note is not None:
            self._message(tr_geolib(result.refresh_note), Qgis.MessageLevel.Warning)
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
        if result.fewer_offers is not None and self.confirm_fewer(result):
            self._accept_fewer = True
            self.load()

    def confirm_fewer(self, result) -> bool:
        """Ask whether to take a refresh with far fewer offers than the cached ones."""
        answer = QMessageBox.question(
            self.main_window or self,
            tr("Hilfeportal"),
            tr(
                "{warning}\n\nReplace the {cached} offers shown with the {n} offers of the "
                "new answer?"
            ).format(
                warning=tr_geolib(result.refresh_note),
                cached=len(result.all_offers),
                n=result.fewer_offers,
            ),
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
        except RuntimeError as exc:  # the layer is being edited, say
            self._message(str(exc), Qgis.MessageLevel.Critical)

    def apply_filter(self) -> None:
        """Show the offers that match the tree and the search (data replaced in place)."""
        self._search_timer.stop()
        if self.result is None:
            return
        offers = filter_offers(
            self.result.all_offers,
            categories=self._checked(self.category_root),
            target_groups=self._checked(self.target_root),
            search=self.search_edit.text() or None,
        )
        layer = self._layer("offers", tr("Hilfeportal offers"), offers, "hilfeportal_offers.qml")
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

    # --- layers -----------------------------------------------------------------------
    def layer(self, role: str) -> QgsVectorLayer | None:
        """The dock's layer of ``role`` ("offers" or "checks") in the project, or None."""
        for layer in self.project.mapLayers().values():
            if layer.customProperty(ROLE_PROPERTY) == role and isinstance(layer, QgsVectorLayer):
                return layer
        return None

    def group(self) -> QgsLayerTreeGroup:
        group = self.layer_tree_root.findGroup(GROUP_NAME)
        if group is None:
            group = self.layer_tree_root.insertGroup(0, GROUP_NAME)
        return group

    def _layer(self, role: str, name: str, frame, style: str) -> QgsVectorLayer:
        existing = self.layer(role)
        if existing is not None:
            return existing
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a RuntimeError is shown in the message bar
            raise RuntimeError(
                tr("The folder '{path}' for the layers cannot be created: {error}").format(
                    path=self.cache_dir, error=exc.strerror or exc
                )
            ) from None
        path = self.cache_dir / LAYER_FILE
        table = {"offers": "angebote", "checks": "pruefliste"}[role]
        fields = layer_fields(frame)
        uri = f"{path}|layername={table}"
        layer = QgsVectorLayer(uri, name, "ogr") if path.exists() else None
        created = False
        if layer is None or not layer.isValid() or layer.fields().names() != fields.names():
            layer = None
            create_layer_file(path, table, fields, self.project)
            layer = QgsVectorLayer(uri, name, "ogr")
            created = True
        if not layer.isValid():
            raise RuntimeError(tr("The layer file '{path}' cannot be opened.").format(path=path))
        # legend, aliases and form tabs in the user's language, also in the file
        if load_style(layer, STYLES_DIR / style) and created:
            attach_style(path, table, style_qml(layer))
        layer.setCustomProperty(ROLE_PROPERTY, role)
        self.project.addMapLayer(layer, False)
        self.group().addLayer(layer)
        return layer

    # --- messages and clean-up ----------------------------------------------------------
    def _message(self, text: str, level) -> None:
        # the message bar renders HTML: escape, so that portal texts stay text
        duration = 0 if level == Qgis.MessageLevel.Critical else 6
        text = html.escape(redact(str(text)))
        self.message_bar.pushMessage(tr("Hilfeportal"), text, level, duration)

    def shutdown(self) -> None:
        """Cancel a running task and forget it (called when the plugin unloads)."""
        if self.task is not None:
            self.task.on_finished = None
            self.task.cancel()
            self.task = None


def _local_time(iso: str) -> str:
    """An ISO time (UTC) as the user's local date and time, in the user's format."""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


def create_layer_file(path: Path, table: str, fields: QgsFields, project: QgsProject) -> None:
    """Create (or replace) the point layer ``table`` in the GeoPackage ``path``."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        if path.exists()
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
    )
    writer = QgsVectorFileWriter.create(
        str(path),
        fields,
        QgsWkbTypes.Type.Point,
        QgsCoordinateReferenceSystem("EPSG:25832"),
        project.transformContext(),
        options,
    )
    if writer.hasError():
        raise RuntimeError(writer.errorMessage())
    del writer


def replace_features(layer: QgsVectorLayer, frame, *, prepared=None) -> int:
    """Replace every feature of ``layer`` with the rows of ``frame``, keeping the layer.

    The layer's style, form and subset string stay as the user left them; the subset
    string is lifted only while the data is exchanged. ``prepared`` is (field names,
    features) built in the background for these rows; used when the names match the
    layer's fields. Returns the number written.
    """
    if layer.isEditable():
        raise RuntimeError(
            tr("The layer '{name}' is being edited; save or discard the edits first.").format(
                name=layer.name()
            )
        )
    subset = layer.subsetString()
    if subset:
        layer.setSubsetString("")
    provider = layer.dataProvider()
    try:
        request = QgsFeatureRequest().setNoAttributes().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        ids = [f.id() for f in provider.getFeatures(request)]
        if ids and not provider.deleteFeatures(ids):
            raise RuntimeError(provider.lastError() or tr("Removing the old features failed."))
        fields = layer.fields()
        if prepared is not None and prepared[0] == fields.names():
            features = prepared[1]
        else:
            data = frame.copy()
            for name in fields.names():
                if name not in data.columns:
                    data[name] = None
            features = bridge.gdf_to_features(data, fields)
        if features and not provider.addFeatures(features)[0]:
            raise RuntimeError(provider.lastError() or tr("Adding the new features failed."))
    finally:
        if subset:
            layer.setSubsetString(subset)
    layer.updateExtents()
    layer.reload()
    layer.triggerRepaint()
    return len(frame)
