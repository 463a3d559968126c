"""Project conventions that keep the architecture and the German translation intact."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import i18n


def _python_files(folder):
    return sorted((ROOT / folder).rglob("*.py"))


def test_geolib_never_imports_qgis_or_qt():
    offenders = [
        f"{path.name}: {name}"
        for path in _python_files("geolib")
        for name in _imports(path)
        if name.split(".")[0] in ("qgis", "PyQt5", "PyQt6", "processing")
    ]
    assert offenders == []


def _imports(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_dependencies_point_one_way():
    """processing_algorithms never imports the plugin GUI package."""
    for path in _python_files("processing_algorithms"):
        assert not [m for m in _imports(path) if m.startswith("sozialplanung_plugin")], path


def test_geolib_messages_are_templates_not_fstrings():
    offenders = []
    for path in _python_files("geolib"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if (
                    name == "Message" or (name.endswith("Error") and name[:1].isupper())
                ) and isinstance(node.args[0], ast.JoinedStr):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == [], "use a template with named fields, not an f-string"


def test_every_message_has_a_german_translation():
    problems = i18n.problems(i18n.extract(), i18n.read_ts())
    assert problems == [], (
        "\n".join(problems) + "\nrun: python scripts/i18n.py update / todo / fill"
    )


@pytest.mark.skipif(
    shutil.which("lrelease") is None, reason="lrelease (qttools5-dev-tools) missing"
)
def test_compiled_catalogue_is_up_to_date(tmp_path):
    qm = tmp_path / "de.qm"
    subprocess.run(["lrelease", "-silent", str(i18n.TS), "-qm", str(qm)], check=True)
    committed = ROOT / "sozialplanung_plugin" / "i18n" / "sozialplanung_de.qm"
    assert committed.read_bytes() == qm.read_bytes(), "run: make translations"


def test_every_style_named_in_code_exists():
    styles = {p.name for p in (ROOT / "styles").glob("*.qml")}
    for path in _python_files("processing_algorithms"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value.endswith(".qml")
            ):
                assert node.value in styles, f"{path.name}: {node.value}"


def test_metadata_declares_processing_provider_and_minimum_version():
    text = (ROOT / "metadata.txt").read_text(encoding="utf-8")
    assert "hasProcessingProvider=yes" in text
    assert "qgisMinimumVersion=3.22" in text
    assert Path(ROOT / text.split("icon=")[1].splitlines()[0].strip()).exists()


def test_help_texts_have_no_placeholders_that_qt_would_swallow_as_html():
    """Qt renders help and labels as rich text: '<category>' would vanish; use '[category]'."""
    import re

    html_tags = {"b", "i", "u", "br", "p", "ul", "ol", "li", "code", "pre", "h3", "a"}
    offenders = []
    for (_ctx, source), where in i18n.extract().items():
        for tag in re.findall(r"</?([A-Za-zÄÖÜäöüß_]+)[^>]*>", source):
            if tag.lower() not in html_tags:
                offenders.append(f"{where[0]}: <{tag}>")
    for (ctx, source), text in i18n.read_ts().items():
        for tag in re.findall(r"</?([A-Za-zÄÖÜäöüß_]+)[^>]*>", text or ""):
            if tag.lower() not in html_tags:
                offenders.append(f"translation of [{ctx}] {source[:40]!r}: <{tag}>")
    assert offenders == []
