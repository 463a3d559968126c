"""The shallow base class of every Sozialplanung Processing algorithm.

Subclasses declare ``name()``, ``displayName()``, ``shortHelpString()``, their group
and parameters, and implement :meth:`compute`. The base class provides what they share:
translation, reading sources into GeoDataFrames, writing sinks, progress and
cancellation for geolib, turning geolib's errors into ``QgsProcessingException``
(never a traceback for the user), and styling outputs from ``styles/`` together
with their provenance in ``postProcessAlgorithm``.
"""

from __future__ import annotations

import sqlite3
import traceback
from pathlib import Path
from typing import Any

import pandas as pd
from qgis.core import (
    Qgis,
    QgsMessageLog,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingUtils,
    QgsProperty,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from geolib._progress import Progress
from geolib._table import read_table, split_source
from geolib.crs import INPUT_LAYER, require_crs
from geolib.errors import CancelledError, GeolibError
from geolib.io import Provenance, attach_provenance, attach_style
from geolib.messages import Message, format_number, translate
from geolib.redact import redact

from . import bridge, data_years, gpkg_info, outputs, postgis_store
from .parameter_checks import (  # noqa: F401 (short_number, RASTER_EXTENSIONS: re-exported)
    RASTER_EXTENSIONS,
    output_format_problem,
    parameter_problem,
    short_number,
    tr_base,
)
from .proj_threads import proj_safe_thread
from .styling import breaks_of_frame, label_breaks, load_style, separators, style_qml

PLUGIN_ROOT = Path(__file__).resolve().parent.parent
STYLES_DIR = PLUGIN_ROOT / "styles"
ICON_PATH = PLUGIN_ROOT / "sozialplanung_plugin" / "icons" / "sozialplanung.svg"


def tr_geolib(message: Any) -> str:
    """Translate a geolib message (a template with fields) with the context ``geolib``."""
    thousands, decimal = separators()
    return translate(
        message,
        lambda text: QCoreApplication.translate("geolib", text),
        lambda value: format_number(value, decimal, thousands),
    )


class SozialplanungAlgorithm(QgsProcessingAlgorithm):
    """Shared behaviour of the provider's algorithms (see the module docstring)."""

    #: one of "erreichbarkeit", "sozialformel", "hilfeportal" (see group())
    GROUP_ID = "erreichbarkeit"
    #: the offer id field of the algorithms with offers as input (one name for all)
    OFFER_ID_FIELD = "OFFER_ID_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    GROUPS = "GROUPS"
    #: the offer id field used when the layer has it and no other is chosen
    DEFAULT_OFFER_ID = "offer_id"

    def __init__(self) -> None:
        super().__init__()
        # destination, style file, provenance, breaks (number → value) for the legend
        self._styled_outputs: list[tuple[str, str, Provenance | None, dict | None]] = []
        self._synthetic_inputs = False
        self._input_names: dict[str, str] = {}
        self._input_years: set[str] = set()  # data years of the inputs (provenance)
        # the file outputs of the running run, swapped in when all succeeded
        self._staged = outputs.StagedOutputs()
        self._replaced: list[Path] = []

    # --- identity -------------------------------------------------------------------
    def tr(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)

    @staticmethod
    def tr_base(text: str) -> str:
        return tr_base(text)

    def createInstance(self):
        return type(self)()

    def group(self) -> str:
        return {
            "erreichbarkeit": self.tr_base("Accessibility"),
            "sozialformel": self.tr_base("Sozialformel"),
            "hilfeportal": self.tr_base("Hilfeportal"),
        }[self.GROUP_ID]

    def groupId(self) -> str:
        return self.GROUP_ID

    def icon(self) -> QIcon:
        return QIcon(str(ICON_PATH))

    def helpUrl(self) -> str:
        return "https://github.com/sozialplanung/sozialplanung-qgis#readme"

    # --- running ----------------------------------------------------------------------
    def compute(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> dict[str, Any]:
        """Do the work; subclasses implement this instead of ``processAlgorithm``."""
        raise NotImplementedError

    def processAlgorithm(self, parameters, context, feedback):
        self._staged = outputs.StagedOutputs()
        try:
            with proj_safe_thread():
                results = self.compute(parameters, context, feedback)
            if feedback is not None and feedback.isCanceled():
                raise CancelledError()
            self.commit_outputs(feedback)
            return results
        except Exception as exc:
            message = self._error_message(exc)
            if self._staged:
                message += " " + self.tr_base(
                    "No output was replaced: the previous files are unchanged."
                )
            raise QgsProcessingException(message) from None
        finally:
            self._staged.discard()

    def _error_message(self, exc: Exception) -> str:
        """What the user is told about ``exc`` (never a traceback)."""
        if isinstance(exc, CancelledError):
            return self.tr_base("Cancelled by the user.")
        if isinstance(exc, GeolibError):
            return tr_geolib(exc.message)
        if isinstance(exc, MemoryError):
            return self.tr_base(
                "Not enough memory for this request. Use a smaller extent, a coarser "
                "resolution or fewer features."
            )
        if isinstance(exc, QgsProcessingException):
            return str(exc)
        # a bug: keep the details in the log, not in the user's face
        QgsMessageLog.logMessage(  # (secrets in URLs and sources never logged)
            redact("".join(traceback.format_exception(type(exc), exc, exc.__traceback__))),
            "Sozialplanung",
            Qgis.MessageLevel.Critical,
        )
        return self.tr_base(
            "Unexpected error in {name}: {error}. The details are in the log "
            "(View → Panels → Log Messages → Sozialplanung); please report them."
        ).format(name=self.displayName(), error=redact(str(exc)))

    def progress(
        self, feedback: QgsProcessingFeedback, start: float = 0.0, end: float = 100.0
    ) -> Progress:
        """A geolib progress that reports into ``feedback`` between ``start`` and ``end``."""
        return Progress(feedback.setProgress, feedback.isCanceled, start=start, end=end)

    def check_input_for_output(
        self, parameters: dict[str, Any], source: str, output: str, feedback
    ) -> None:
        """An optional output made from an optional input: asked for without that input
        it is refused; the input without its output is reported as unused."""
        names = {
            "input": self.parameterDefinition(source).description(),
            "output": self.parameterDefinition(output).description(),
        }
        if parameters.get(output) and not parameters.get(source):
            raise QgsProcessingException(
                self.tr_base(
                    "The output '{output}' needs the input '{input}': choose it, or skip "
                    "that output."
                ).format(**names)
            )
        if parameters.get(source) and not parameters.get(output):
            feedback.pushWarning(
                self.tr_base(
                    "The input '{input}' is used only for the output '{output}', which is "
                    "skipped: it is not used."
                ).format(**names)
            )

    def push_notes(self, feedback: QgsProcessingFeedback, notes) -> None:
        """Show geolib's notes (reprojection, skipped features, ...) in the log panel."""
        for note in notes:
            feedback.pushInfo(tr_geolib(note))

    # --- parameter checks -----------------------------------------------------------
    def checkParameterValues(self, parameters, context):
        """QGIS's checks, but a refusal names the parameter and the fix; then the output
        formats (:meth:`output_format_problem`) and the subclass's :meth:`check_parameters`."""
        for definition in self.parameterDefinitions():
            value = parameters.get(definition.name())
            if not definition.checkValueIsAcceptable(value, context):
                return False, parameter_problem(definition, value)
            problem = output_format_problem(definition, value)
            if problem:
                return False, problem
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        problem = self.check_parameters(parameters, context)
        return (False, problem) if problem else (True, "")

    def check_parameters(self, parameters, context) -> str | None:
        """Checks of one algorithm before it runs: a message naming the parameter and
        the fix, or None. Subclasses override this, not ``checkParameterValues``."""
        return None

    # --- shared parameters ----------------------------------------------------------
    def add_groups_parameter(self) -> None:
        """``GROUPS``: the mapping table of areas to groups (planning regions, ...): any
        table layer or file (CSV, XLSX, GeoPackage, PostGIS, a model's output); read
        with :meth:`read_table_source`."""
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.GROUPS,
                self.tr_base("Groups: mapping table key → group (a table layer or file)"),
                [QgsProcessing.SourceType.TypeVector],
                optional=True,
            )
        )

    def add_offer_id_field(self, offers: str) -> None:
        """``OFFER_ID_FIELD``: the id field of the offers parameter ``offers`` (optional)."""
        self.addParameter(
            QgsProcessingParameterField(
                self.OFFER_ID_FIELD,
                self.tr_base("Offer id field (default: offer_id if present, else the row number)"),
                parentLayerParameterName=offers,
                optional=True,
            )
        )

    def add_population_field(
        self, parent: str, description: str | None = None, *, optional: bool = False
    ) -> None:
        """``POPULATION_FIELD``: the number field with the people of the layer parameter
        ``parent`` (a population grid, areas, demand units)."""
        self.addParameter(
            QgsProcessingParameterField(
                self.POPULATION_FIELD,
                description or self.tr_base("Population field"),
                parentLayerParameterName=parent,
                type=QgsProcessingParameterField.DataType.Numeric,
                optional=optional,
            )
        )

    def offer_id_field(self, parameters, context, offers) -> str | None:
        """The chosen offer id field; else ``offer_id`` when the layer has it; else None
        (offers are numbered by their row, 1, 2, …, which geolib notes)."""
        chosen = self.parameterAsString(parameters, self.OFFER_ID_FIELD, context)
        if chosen:
            if chosen not in offers.columns:
                raise QgsProcessingException(
                    self.tr_base(
                        "The offers layer has no field '{field}'; choose its id field."
                    ).format(field=chosen)
                )
            return chosen
        return self.DEFAULT_OFFER_ID if self.DEFAULT_OFFER_ID in offers.columns else None

    # --- inputs -----------------------------------------------------------------------
    def read_source(
        self,
        parameters: dict[str, Any],
        name: str,
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback | None = None,
    ):
        """The feature source parameter ``name`` as a GeoDataFrame.

        Honours "Selected features only"; plain OGR files are read with pyogrio.
        Invalid geometries are passed through, so that geolib can repair and count
        them instead of Processing dropping them.
        """
        value = parameters.get(name)
        selected_only = isinstance(value, QgsProcessingFeatureSourceDefinition) and (
            value.selectedFeaturesOnly
        )
        plain = not isinstance(value, QgsProcessingFeatureSourceDefinition) or (
            value.featureLimit == -1 and not getattr(value, "filterExpression", "")
        )
        layer = self.parameterAsVectorLayer(parameters, name, context)
        if plain and isinstance(layer, QgsVectorLayer) and bridge._ogr_path(layer):
            gdf = bridge.layer_to_gdf(layer, selected_only=selected_only, feedback=feedback)
            self._input_names[name] = layer.source()
        else:
            source = self.parameterAsSource(parameters, name, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            gdf = bridge.source_to_gdf(source, feedback=feedback)
            self._input_names[name] = layer.source() if layer is not None else str(value)
        self._require_crs(gdf, name, layer)
        if layer is not None:
            self._input_years |= data_years.years_of_layer(layer.source())
        if "synthetic" in gdf.columns and gdf["synthetic"].fillna(0).astype(bool).any():
            self._synthetic_inputs = True
        return gdf

    def read_table_source(
        self,
        parameters: dict[str, Any],
        name: str,
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback | None = None,
        *,
        key: str,
        what: str,
    ) -> pd.DataFrame | None:
        """The table parameter ``name`` (a feature source) as a DataFrame; None when unset.

        A file path (CSV, XLSX, ``file.gpkg|layername=table``) is read by geolib
        (:func:`geolib._table.read_table`: the ``key`` column as text, German CSV with
        ``;`` and decimal commas); any layer (a project's CSV, XLSX, GeoPackage or
        PostGIS table, a model's output) through QGIS, honouring its selection and filter.
        A key that QGIS read as a number (the delimited-text provider, a spreadsheet)
        gets its leading zeros back in geolib (``key_width`` of the configuration). The
        layer's own primary key (``fid``) is not a data column and is left out unless it
        is the ``key``. ``what`` names the table in messages (a geolib catalogue text).
        """
        value = parameters.get(name)
        if value is None or value == "":
            return None
        path = _table_file(value, context)
        if path is not None:
            self._input_names[name] = path
            self._input_years |= data_years.years_of_layer(path)
            return read_table(path, key=key, what=what)
        gdf = self.read_source(parameters, name, context, feedback)
        layer = self.parameterAsVectorLayer(parameters, name, context)
        frame = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
        if layer is not None:
            provider = layer.dataProvider()
            fields = layer.fields()
            ids = [fields.at(i).name() for i in provider.pkAttributeIndexes()]
            frame = frame.drop(columns=[c for c in ids if c != key and c in frame.columns])
            if layer.providerType() == "memory":  # its source is a generated uri
                self._input_names[name] = f"{layer.name()} (memory)"
        return frame

    def _require_crs(self, gdf, name: str, layer) -> None:
        """Refuse a layer with geometries but no usable CRS, naming the input and layer
        (geolib's :func:`~geolib.crs.require_crs`, the one check)."""
        geometry = getattr(gdf, "geometry", None)
        if geometry is None or not geometry.notna().any():
            return  # a table without geometries needs no CRS
        definition = self.parameterDefinition(name)
        what = Message(
            INPUT_LAYER,
            input=definition.description() if definition is not None else name,
            layer=layer.name() if layer is not None else name,
        )
        require_crs(gdf, what=what)

    # --- outputs ----------------------------------------------------------------------
    def write_sink(
        self,
        parameters: dict[str, Any],
        name: str,
        context: QgsProcessingContext,
        gdf,
        feedback: QgsProcessingFeedback,
        *,
        style: str | None = None,
        provenance: Provenance | None = None,
        wkb_type=None,
    ) -> str:
        """Write ``gdf`` to the sink parameter ``name``; style it on completion.

        ``style`` is a file name in ``styles/``; ``wkb_type`` fixes the geometry type
        (for outputs that may be empty or hold features without geometry). Returns
        the destination id. A file output is staged (:mod:`.outputs`): written beside
        its destination, checked and swapped in when the whole run has succeeded. A
        GeoPackage layer is filled in one go (:func:`bridge.append_to_gpkg`,
        the same rows as the sink's); anything else, such as a temporary (memory)
        layer, goes through the feature sink.
        """
        fields = bridge.fields_from_frame(gdf)
        if wkb_type is None:
            wkb_type = bridge.wkb_type_of(gdf)
        crs = bridge.crs_from_gdf(gdf)
        target = outputs.parse_destination(self.parameterAsOutputLayer(parameters, name, context))
        final_path = staged = None
        if target is not None and target.path.suffix.lower() == ".shp":
            fields = bridge.dbf_fields(fields)
        if target is not None:
            parameters, final_path, staged = self._staged_sink_parameters(
                parameters, name, target, feedback
            )
        dest_id = self._fill_sink(parameters, name, context, gdf, fields, wkb_type, crs, feedback)
        if staged is not None:
            layer = bridge.gpkg_layer_of(dest_id)
            self._staged.expect(staged, layer[1] if layer else None, len(gdf), name)
            dest_id = self._final_id(context, dest_id, str(staged), str(final_path))
        self._styled_outputs.append((dest_id, style or "", provenance, breaks_of_frame(gdf)))
        return dest_id

    def _fill_sink(self, parameters, name, context, gdf, fields, wkb_type, crs, feedback) -> str:
        """Create the sink of ``name`` and write ``gdf`` into it; its destination id."""
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        target = bridge.gpkg_layer_of(dest_id) if len(gdf) else None
        if target is not None:
            # QGIS made the (empty) layer: its fields, CRS and the loading on completion
            # stay QGIS's; the rows go in at once instead of feature by feature
            del sink
            if self._append_to_gpkg(gdf, target, fields, wkb_type):
                return dest_id
            # not written: a new sink replaces the empty layer
            sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, name))
        try:
            bridge.gdf_to_sink(gdf, sink, fields, wkb_type=wkb_type, feedback=feedback)
        except RuntimeError as exc:
            raise QgsProcessingException(
                self.tr_base("Writing the output '{name}' failed: {error}").format(
                    name=self._output_label(name), error=exc
                )
            ) from None
        del sink  # flush and close the file before it is checked and post-processed
        return dest_id

    def _staged_sink_parameters(self, parameters, name, target, feedback):
        """``parameters`` with output ``name`` pointed at its staged file (see .outputs);
        also the final and the staged path."""
        final, layer = target.path, target.layer
        keep = final.exists() and layer is not None  # a layer into an existing file
        if target.is_gpkg and final.exists() and layer is None:
            others = [n for n in outputs.data_layers(final) if n != final.stem]
            if others:  # QGIS would replace the file: its other layers are kept instead
                keep, layer = True, final.stem
                feedback.pushInfo(
                    self.tr_base(
                        "'{path}' already holds other layers ({layers}): they are kept, "
                        "the layer '{layer}' is written into it."
                    ).format(path=final, layers=", ".join(others), layer=layer)
                )
        try:
            staged = self._staged.stage(final, copy_existing=keep)
        except (OSError, sqlite3.Error) as exc:
            raise QgsProcessingException(
                self.tr_base("Writing the output '{name}' failed: {error}").format(
                    name=self._output_label(name), error=exc
                )
            ) from None
        sink = f"ogr:dbname='{staged}' table=\"{layer}\" (geom)" if layer else str(staged)
        value = parameters.get(name)
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            definition = QgsProcessingOutputLayerDefinition(value)
            definition.sink = QgsProperty.fromValue(sink)
        else:
            definition = QgsProcessingOutputLayerDefinition(sink)
        return {**parameters, name: definition}, final, staged

    @staticmethod
    def _final_id(context, dest_id: str, staged: str, final: str) -> str:
        """The destination id of the final file; QGIS loads that one on completion."""
        final_id = dest_id.replace(staged, final, 1)
        to_load = context.layersToLoadOnCompletion()
        if dest_id in to_load:
            to_load[final_id] = to_load.pop(dest_id)
            context.setLayersToLoadOnCompletion(to_load)
        return final_id

    def _output_label(self, name: str) -> str:
        definition = self.parameterDefinition(name)
        return definition.description() if definition is not None else name

    def stage_output_file(self, parameters, name: str, context) -> tuple[str, str]:
        """The file output ``name`` (a raster, a report) as (path to write, final path);
        ("", "") for an optional output that is not asked for.

        Write into the first; it is swapped in with the run's other outputs when all
        succeeded (see :mod:`.outputs`). Anything beside it in its folder (a ``.qml``)
        moves with it.
        """
        if isinstance(self.parameterDefinition(name), QgsProcessingParameterFileDestination):
            final = self.parameterAsFileOutput(parameters, name, context)
        else:
            final = self.parameterAsOutputLayer(parameters, name, context)
        target = outputs.parse_destination(final)
        if target is None:
            return final, final
        try:
            return str(self._staged.stage(target.path)), final
        except OSError as exc:
            raise QgsProcessingException(
                self.tr_base("Writing the output '{name}' failed: {error}").format(
                    name=self._output_label(name), error=exc
                )
            ) from None

    def commit_outputs(self, feedback) -> None:
        """Check the staged outputs and swap them in (called after ``compute``)."""
        if not self._staged:
            return
        try:
            self._replaced = self._staged.commit()
        except outputs.OutputCheckError as exc:
            name, found, expected = exc.args
            raise QgsProcessingException(
                self.tr_base(
                    "Writing the output '{name}' failed: {found} of {expected} features are "
                    "in the file (is the disk full?)."
                ).format(
                    name=self._output_label(name),
                    found=max(found, 0),
                    expected=expected,
                )
            ) from None
        except outputs.ChangedMeanwhileError as exc:
            raise QgsProcessingException(
                self.tr_base(
                    "'{path}' was changed by another program during this run; its "
                    "changes are kept. Run the algorithm again."
                ).format(path=exc.args[0])
            ) from None
        except OSError as exc:
            raise QgsProcessingException(
                self.tr_base("Replacing the previous outputs failed: {error}").format(
                    error=exc.strerror or exc
                )
            ) from None

    @staticmethod
    def _append_to_gpkg(gdf, target, fields, wkb_type) -> bool:
        """The rows written into the GeoPackage layer ``target`` at once; False when
        that path does not apply or failed (the caller then writes per feature into a
        new sink, which replaces the file's layer)."""
        try:
            return bridge.append_to_gpkg(gdf, *target, fields, wkb_type)
        except Exception:  # e.g. an old pyogrio without nullable columns
            QgsMessageLog.logMessage(
                traceback.format_exc(), "Sozialplanung", Qgis.MessageLevel.Info
            )
            return False

    def provenance(
        self, title: str, parameters: dict[str, Any], *, data_year=None, method: str = "", notes=()
    ) -> Provenance:
        """Provenance of an output of this run: inputs, parameters, synthetic flag.

        Without a ``data_year`` of its own, an output carries the years of its inputs
        (their provenance, a year ending a chosen field's name), never another's.
        """
        if data_year is None:
            data_year = data_years.joined(
                self._input_years | data_years.years_of_fields(parameters)
            )
        return Provenance(
            title=title,
            inputs={k: redact(v) for k, v in self._input_names.items()},  # no passwords
            parameters={k: redact(str(v)) for k, v in parameters.items()},
            data_year=data_year,
            synthetic=self._synthetic_inputs,
            method=method or f"sozialplanung:{self.name()}",
            notes=[str(n) for n in notes],
        )

    def postProcessAlgorithm(self, context, feedback):
        for dest_id, style, provenance, breaks in self._styled_outputs:
            layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)
            if layer is None:
                layer = postgis_store.layer_of(dest_id)  # a table not loaded into QGIS
            qml = STYLES_DIR / style if style else None
            styled = False
            if layer is not None and qml is not None and qml.exists():
                # labels, aliases and tabs in the user's language, breaks by their value
                styled = load_style(layer, qml)
                label_breaks(layer, breaks)
                layer.triggerRepaint()
            path, layer_name = _gpkg_target(dest_id, layer)
            if path is None:
                if postgis_store.is_postgis(layer):
                    self._store_in_postgis(layer, style, provenance, feedback)
                continue
            try:
                if qml is not None and qml.exists():
                    # the style as shown, so the file opens the same
                    attach_style(path, layer_name, style_qml(layer) if styled else qml)
                if provenance is not None:
                    attach_provenance(path, layer_name, provenance)
            except Exception as exc:  # the layer is written; styling it in the file is a bonus
                feedback.pushWarning(
                    self.tr_base("Could not store the style in '{path}': {error}").format(
                        path=path, error=exc
                    )
                )
        self._reload_replaced_layers(context)
        return {}

    def _store_in_postgis(self, layer, style: str, provenance, feedback) -> None:
        """A PostGIS output: its style as the table's default in ``layer_styles``, its
        provenance kept (:mod:`postgis_store`); a failure is a warning (the rows are in)."""
        try:
            error = postgis_store.attach_style(layer, layer.name()) if style else ""
            if provenance is not None:
                postgis_store.attach_provenance(layer, provenance)
        except Exception as exc:  # e.g. no right to create layer_styles
            error = str(exc)
        if error:
            feedback.pushWarning(
                self.tr_base("Could not store the style in '{path}': {error}").format(
                    path=redact(layer.source()), error=redact(error)
                )
            )

    def _reload_replaced_layers(self, context) -> None:
        """Reopen the project's layers whose file a staged output replaced, so that they
        show, and edits go to, the new file instead of the old one still open."""
        replaced = {str(p) for p in getattr(self, "_replaced", ())}
        project = context.project() if context is not None else None
        if not replaced or project is None:
            return
        for layer in project.mapLayers().values():
            path = layer.source().split("|")[0]
            if path and str(Path(path).resolve()) in replaced:
                layer.reload()


def _table_file(value, context) -> str | None:
    """The file path of a table parameter's value when it names a file rather than a
    layer of the project or run (a selection or filter always goes through QGIS)."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit != -1:
            return None
        if getattr(value, "filterExpression", ""):
            return None
        value = value.source.staticValue()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if QgsProcessingUtils.mapLayerFromString(text, context, False) is not None:
        return None
    path = split_source(text)[0]
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".txt", ".xlsx", ".xlsm", ".xls", ".gpkg") or not path.is_file():
        return None
    return text


def _gpkg_target(dest_id: str, layer) -> tuple[str | None, str | None]:
    """The GeoPackage file and layer name behind an output, or (None, None)."""
    source = layer.source() if layer is not None else dest_id
    parts = source.split("|")
    path = parts[0]
    if not path.lower().endswith(".gpkg") or not Path(path).exists():
        return None, None
    layer_name = None
    for part in parts[1:]:
        if part.startswith("layername="):
            layer_name = part.split("=", 1)[1]
    if layer_name is None:
        try:
            names = gpkg_info.data_tables(path)
        except (OSError, sqlite3.Error):
            names = []
        layer_name = names[0] if len(names) == 1 else Path(path).stem
    return path, layer_name
