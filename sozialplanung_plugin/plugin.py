"""The plugin class: translation, Processing provider, menu entries."""

from __future__ import annotations

import sys
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from . import deps
from .i18n import install_translator, remove_translator

ICON = Path(__file__).resolve().parent / "icons" / "sozialplanung.svg"
LOG_TAG = "Sozialplanung"


def tr(text: str) -> str:
    return QCoreApplication.translate("SozialplanungPlugin", text)


class SozialplanungPlugin:
    """Registers the ``sozialplanung`` Processing provider and the plugin menu."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.actions: list[QAction] = []
        self.menu = tr("&Sozialplanung")
        self.missing: list[deps.Status] = []
        self.translator = install_translator()
        self.hilfeportal_dock = None
        self.hilfeportal_action: QAction | None = None
        self._missing_text: str | None = None

    # Processing (also called by qgis_process, where there is no GUI)
    def initProcessing(self) -> None:
        self.missing = deps.problems(deps.check())
        if self.missing:
            self._report_missing()
            return
        from processing_algorithms.provider import SozialplanungProvider

        self.provider = SozialplanungProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:
        self.initProcessing()
        if self.iface is None:
            return
        action = QAction(
            QIcon(str(ICON)), tr("Sozialplanung tools (Processing)"), self.iface.mainWindow()
        )
        action.triggered.connect(self.show_toolbox)
        self.iface.addPluginToMenu(self.menu, action)
        self.actions.append(action)
        if self.missing:
            self._show_missing_in_bar()
        else:
            self._add_hilfeportal_dock()

    def _add_hilfeportal_dock(self) -> None:
        from .hilfeportal_dock import HilfeportalDock

        project = QgsProject.instance()
        window = self.iface.mainWindow()
        self.hilfeportal_dock = HilfeportalDock(
            project=project,
            message_bar=self.iface.messageBar(),
            layer_tree_root=project.layerTreeRoot(),
            main_window=window,
        )
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.hilfeportal_dock)
        self.hilfeportal_dock.hide()
        action = QAction(QIcon(str(ICON)), tr("Hilfeportal"), window)
        action.setObjectName("SozialplanungHilfeportalAction")
        action.setCheckable(True)
        action.setToolTip(tr("Show or hide the Hilfeportal dock"))
        action.toggled.connect(self.hilfeportal_dock.setVisible)
        self.hilfeportal_dock.visibilityChanged.connect(action.setChecked)
        self.iface.addPluginToMenu(self.menu, action)
        self.iface.addToolBarIcon(action)
        self.hilfeportal_action = action

    def _remove_hilfeportal_dock(self) -> None:
        if self.hilfeportal_action is not None:
            self.iface.removePluginMenu(self.menu, self.hilfeportal_action)
            self.iface.removeToolBarIcon(self.hilfeportal_action)
            self.hilfeportal_action.deleteLater()
            self.hilfeportal_action = None
        if self.hilfeportal_dock is not None:
            self.hilfeportal_dock.shutdown()
            self.iface.removeDockWidget(self.hilfeportal_dock)
            self.hilfeportal_dock.setParent(None)
            self.hilfeportal_dock.deleteLater()
            self.hilfeportal_dock = None

    def unload(self) -> None:
        if self.iface is not None:
            self._remove_hilfeportal_dock()
        for action in self.actions:
            if self.iface is not None:
                self.iface.removePluginMenu(self.menu, action)
            action.deleteLater()
        self.actions.clear()
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None

    # --- helpers ----------------------------------------------------------------------
    def missing_message(self) -> str:
        """What is missing or too old, and how to install it on this platform."""
        if self._missing_text is None:
            self._missing_text = deps.problem_message(self.missing, deps.current_platform())
        return self._missing_text

    def _report_missing(self) -> None:
        QgsMessageLog.logMessage(self.missing_message(), LOG_TAG, Qgis.MessageLevel.Warning)
        if self.iface is None:  # qgis_process and scripts: no message bar, say it on stderr
            sys.stderr.write(self.missing_message() + "\n")

    def _show_missing_in_bar(self) -> None:
        bar = self.iface.messageBar()
        bar.pushMessage(tr("Sozialplanung"), self.missing_message(), Qgis.MessageLevel.Warning, 0)

    def show_toolbox(self) -> None:
        try:
            from processing.gui.ProcessingToolbox import ProcessingToolbox  # noqa: F401
            from qgis.utils import plugins

            processing = plugins.get("processing")
            if processing is not None:
                processing.toolbox.setVisible(True)
                processing.toolbox.searchBox.setText("sozialplanung")
        except Exception:  # the toolbox is QGIS's; if its internals differ, say where to look
            self.iface.messageBar().pushMessage(
                tr("Sozialplanung"),
                tr("Open the Processing toolbox and look for the 'Sozialplanung' provider."),
                Qgis.MessageLevel.Info,
                5,
            )
