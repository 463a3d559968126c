"""QGIS 4 (Qt 6) readiness: scoped enums, no PyQt5-only API, metadata that says so.

The check looks every name up in the QGIS this runs in, so it runs on every version of
the matrix: a name one version lacks fails there.
"""

from __future__ import annotations

import configparser

import pytest

from tests._qt6_check import check_files, check_source
from tests.conftest import ROOT

# Everything that runs inside QGIS: the plugin, Processing, the zip's __init__, the
# scripts QGIS runs (demo, screenshots, model, styles) and the tests in QGIS.
CHECKED = ["sozialplanung_plugin", "processing_algorithms", "packaging", "scripts", "tests"]
NOT_IN_QGIS = ["tests/geolib"]


def _checked_files():
    files = []
    for folder in CHECKED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if not any(rel.startswith(skip + "/") for skip in NOT_IN_QGIS):
                files.append(path)
    return files


def test_code_run_in_qgis_uses_scoped_enums_and_no_pyqt5_only_api():
    files = _checked_files()
    assert len(files) > 40, "the check must see the plugin, Processing and scripts"
    findings = check_files(files, ROOT)
    assert not findings, "not ready for QGIS 4 (Qt 6):\n" + "\n".join(map(str, findings))


SNIPPET = """\
from qgis.core import Qgis, QgsProcessing, QgsProcessingAlgorithm
from qgis.PyQt.QtCore import Qt, QVariant
from qgis.PyQt.QtWidgets import QDialog
from PyQt5.QtCore import QTimer


class Algorithm(QgsProcessingAlgorithm):
    def flags(self):
        return super().flags() | self.FlagNoThreading


QDialog().exec_()
align = Qt.AlignLeft | Qt.AlignmentFlag.AlignTop
level = Qgis.Warning
sources = [QgsProcessing.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorLine]
kind = QVariant.Int
unknown = Qt.NoSuchFlag
allowed = Qt.AlignRight  # qt6: a documented exception
"""


def _found(findings):
    return {(f.line, f.name) for f in findings}


def test_the_check_reports_unscoped_enums_and_pyqt5_only_api():
    findings = check_source(SNIPPET)
    assert _found(findings) == {
        (4, "PyQt5.QtCore"),
        (9, "self.FlagNoThreading"),
        (12, "exec_"),
        (13, "Qt.AlignLeft"),
        (14, "Qgis.Warning"),
        (15, "QgsProcessing.TypeVectorPoint"),
        (16, "QVariant.Int"),
        (17, "Qt.NoSuchFlag"),
    }
    kinds = {f.name: f.kind for f in findings}
    assert kinds["PyQt5.QtCore"] == "direct import"
    assert kinds["exec_"] == kinds["QVariant.Int"] == "Qt5-only"
    assert kinds["Qt.NoSuchFlag"] == "missing"


@pytest.mark.parametrize(
    ("name", "scoped"),
    [
        ("Qt.AlignLeft", "Qt.AlignmentFlag.AlignLeft"),
        ("Qgis.Warning", "Qgis.MessageLevel.Warning"),
        ("QgsProcessing.TypeVectorPoint", "QgsProcessing.SourceType.TypeVectorPoint"),
    ],
)
def test_an_unscoped_enum_is_reported_with_its_scoped_name(name, scoped):
    """On PyQt5 the unscoped name exists and gets a hint that works on every version."""
    source = "from qgis.core import Qgis, QgsProcessing\nfrom qgis.PyQt.QtCore import Qt\n"
    (finding,) = check_source(f"{source}value = {name}\n")
    assert finding.kind in ("unscoped", "missing")  # missing: PyQt6 lacks the name
    if finding.kind == "unscoped":
        assert finding.hint == scoped
    assert check_source(f"{source}value = {scoped}\n") == []


def test_metadata_declares_qgis_4_support():
    metadata = configparser.ConfigParser()
    metadata.read(ROOT / "metadata.txt", encoding="utf-8")
    general = metadata["general"]
    # QGIS 3.34-3.44 Qt 6 builds load a plugin only with supportsQt6; QGIS 4 and the
    # plugin repository go by qgisMaximumVersion.
    assert general["supportsQt6"] == "True"
    assert float(general["qgisMaximumVersion"]) >= 4
