"""The Hilfeportal dock's layers: where they live, created, moved and filled.

A mixin of :class:`~.hilfeportal_dock.HilfeportalDock` (it uses the dock's
``project``, ``result``, ``layer_tree_root`` and ``_subset``). See
:mod:`.hilfeportal_store` for the places (GeoPackage beside the project, a
GeoPackage file, a PostGIS table) and why a shared PostGIS table keeps every offer.
"""

from __future__ import annotations

from typing import Any

from qgis.core import QgsFields, QgsLayerTreeGroup, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from geolib.io import attach_style
from geolib.redact import redact
from processing_algorithms import postgis_store
from processing_algorithms.base import STYLES_DIR
from processing_algorithms.styling import load_style, style_qml

from . import hilfeportal_store as store
from .hilfeportal_store import create_layer_file, replace_features
from .hilfeportal_task import layer_fields

GROUP_NAME = "Hilfeportal"
ROLE_PROPERTY = "sozialplanung/hilfeportal"


def tr(text: str) -> str:
    return QCoreApplication.translate("HilfeportalDock", text)


class DockLayers:
    """The dock's layers (see the module docstring)."""

    project: Any
    result: Any
    layer_tree_root: Any
    _written: Any

    def _show_in_shared_table(self, layer: QgsVectorLayer, chosen: dict[str, Any]) -> None:
        """A PostGIS table is shared: it gets every offer, the dock's choice is a filter.

        The rows are written once per load; the categories, target groups and search
        become the dock's part of the layer's subset string, so that a colleague's
        layer on the same table keeps showing the offers of its own filter.
        """
        if self._written is not self.result:
            everything = self.result.all_offers
            prepared = self._subset("offers", range(len(everything)))
            replace_features(layer, everything, prepared=prepared)
            self._written = self.result
        if not store.set_dock_filter(layer, store.filter_sql(**chosen)):
            raise RuntimeError(
                tr("The filter of the layer '{name}' is not valid: {error}").format(
                    name=layer.name(), error=layer.dataProvider().error().summary()
                )
            )

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
        """The layer of ``role`` at the project's chosen place (created or moved there)."""
        target = store.read_target(self.project)
        fields = layer_fields(frame)
        existing = self.layer(role)
        if target.kind == "postgis":
            provider, uri, created = "postgres", self._postgis_table(target, role, fields), False
        else:
            provider, uri, created = self._gpkg_table(target, role, fields, existing)
        if existing is not None and not created and store.same_place(existing, provider, uri):
            return existing
        layer = QgsVectorLayer(uri, name, provider)
        if not layer.isValid():
            raise RuntimeError(tr("The layer '{uri}' cannot be opened.").format(uri=redact(uri)))
        if existing is not None:  # moved or re-created: the user's style and filter stay
            subset = store.drop_dock_filter(existing)  # (the dock's part is set anew)
            self._written = None
            existing.setDataSource(uri, existing.name(), provider)
            if subset:
                existing.setSubsetString(subset)
            return existing
        # legend, aliases and form tabs in the user's language, also in the file
        if load_style(layer, STYLES_DIR / style):
            if provider == "ogr":
                path = store.gpkg_path(target, self.project)
                attach_style(path, store.table_name(target, role), style_qml(layer))
            elif provider == "postgres" and not store.has_database_style(layer):
                # the table's default style in layer_styles: colleagues see it too (a
                # colleague's is never overwritten, QGIS would ask in a modal dialog)
                postgis_store.attach_style(layer, layer.name())
        layer.setCustomProperty(ROLE_PROPERTY, role)
        self.project.addMapLayer(layer, False)
        self.group().addLayer(layer)
        return layer

    def _gpkg_table(self, target, role: str, fields: QgsFields, existing) -> tuple[str, str, bool]:
        """("ogr", URI, created) of the GeoPackage table of ``role`` with ``fields``."""
        try:
            store.check(target, self.project)
        except store.StoreError as exc:
            raise RuntimeError(str(exc)) from None
        path = store.gpkg_path(target, self.project)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a RuntimeError is shown in the message bar
            raise RuntimeError(
                tr("The folder '{path}' for the layers cannot be created: {error}").format(
                    path=path.parent, error=exc.strerror or exc
                )
            ) from None
        table = store.table_name(target, role)
        uri = f"{path}|layername={table}"
        if existing is not None and store.same_place(existing, "ogr", uri):
            if existing.fields().names() == fields.names():
                return "ogr", uri, False
        else:
            current = QgsVectorLayer(uri, table, "ogr") if path.exists() else None
            valid = current is not None and current.isValid()
            if valid and current.fields().names() == fields.names():
                return "ogr", uri, False
        create_layer_file(path, table, fields, self.project)
        return "ogr", uri, True

    def _postgis_table(self, target, role: str, fields: QgsFields) -> str:
        """The URI of the PostGIS table of ``role``, created (or given new columns) if needed."""
        table = store.table_name(target, role)
        try:
            store.check(target, self.project)
            store.write_postgis(
                store.connection(target.connection), target.schema, table, fields, None
            )
            return store.postgis_uri(target, role)
        except store.StoreError as exc:
            raise RuntimeError(str(exc)) from None
