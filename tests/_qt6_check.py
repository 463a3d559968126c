"""Find Qt 5-only code: unscoped enums and PyQt5-only API, checked against the running QGIS.

QGIS 4 runs on PyQt6, which knows enum members only through their enum type
(``Qt.AlignmentFlag.AlignLeft``, never ``Qt.AlignLeft``) and drops several PyQt5 names.
:func:`check_source` parses Python source with :mod:`ast`, follows every attribute chain
that starts at a name imported from ``qgis.*`` (or at ``self`` in a class derived from
one) and looks each step up in the running QGIS:

- an enum member reached on a class instead of on its enum type is *unscoped*;
- a name this QGIS does not have is *missing* (so a name only some versions know is
  caught on the versions without it);
- PyQt5-only names (``exec_``, ``QRegExp``, ``QVariant.Int`` ...) and direct ``PyQt5``
  or ``PyQt6`` imports are *Qt5-only* / *direct import*.

A line that must use a version-specific name (a compatibility branch) says so with a
``# qt6: <reason>`` comment; the check skips that line.
"""

from __future__ import annotations

import ast
import enum
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Names PyQt6 / Qt 6 do not have (or QGIS 4 does not accept), with the replacement.
QT5_ONLY = {
    "exec_": "exec()",
    "print_": "print()",
    "QRegExp": "QRegularExpression",
    "QRegExpValidator": "QRegularExpressionValidator",
    "QDesktopWidget": "QScreen (QGuiApplication.primaryScreen())",
    "QGLWidget": "QOpenGLWidget",
    "QTextCodec": "str.encode/bytes.decode",
    "QStringRef": "str",
    "QMatrix": "QTransform",
    "MidButton": "Qt.MouseButton.MiddleButton",
    "QtWebKit": "QtWebEngine or a QTextBrowser",
    "QtWebKitWidgets": "QtWebEngine or a QTextBrowser",
    "QtXmlPatterns": "another XML library",
    "QtScript": "QJSEngine",
}
# QVariant.Type is gone in PyQt6: field types come from processing_algorithms.compat.
QT5_ONLY_ON = {"QVariant": "QMetaType.Type via processing_algorithms.compat"}
PRAGMA = "# qt6:"
# modules whose names QGIS desktop sets at run time (qgis.utils.iface)
RUNTIME_MODULES = ("qgis.utils",)
# project packages whose classes ``self.X`` may be looked up in (they derive from QGIS's)
PROJECT_PACKAGES = ("processing_algorithms", "sozialplanung_plugin")
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    kind: str  # "unscoped", "missing", "Qt5-only", "direct import"
    name: str
    hint: str = ""

    def __str__(self) -> str:
        hint = f" -> {self.hint}" if self.hint else ""
        return f"{self.path}:{self.line}: {self.kind} {self.name}{hint}"


def _enum_metaclasses() -> tuple[type, ...]:
    """The metaclasses of enum types here: Python's, and sip's on PyQt5."""
    from qgis.PyQt.QtCore import Qt

    return tuple({enum.EnumMeta, type(type(Qt.AlignmentFlag.AlignLeft))})


def is_enum_type(obj: Any) -> bool:
    return isinstance(obj, _enum_metaclasses())


def is_enum_member(obj: Any) -> bool:
    return is_enum_type(type(obj))


def _is_qgis_module(module: str) -> bool:
    return module == "qgis" or module.startswith("qgis.")


class _Scope:
    """What the names of one file stand for: imported QGIS objects and project classes."""

    def __init__(self, tree: ast.Module, package: str | None):
        self.package = package
        self.names: dict[str, Any] = {}
        self.project: dict[str, tuple[str, str]] = {}  # name -> (module, attribute)
        self.classes = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
        self.findings: list[tuple[ast.AST, str, str, str]] = []
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                self._import_from(node)
            elif isinstance(node, ast.Import):
                self._import(node)

    def _import(self, node: ast.Import) -> None:
        for alias in node.names:
            root = alias.name.split(".")[0]
            if root in ("PyQt5", "PyQt6"):
                self.findings.append((node, "direct import", alias.name, "import from qgis.PyQt"))
            elif _is_qgis_module(alias.name):
                bound = alias.asname or root
                module = alias.name if alias.asname else root  # what the name is bound to
                self.names[bound] = importlib.import_module(module)

    def _import_from(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if module.split(".")[0] in ("PyQt5", "PyQt6"):
            self.findings.append((node, "direct import", module, "import from qgis.PyQt"))
            return
        for alias in node.names:
            bound = alias.asname or alias.name
            if alias.name in QT5_ONLY:
                self.findings.append((node, "Qt5-only", alias.name, QT5_ONLY[alias.name]))
                continue
            if node.level and self.package:
                base = (
                    self.package.rsplit(".", node.level - 1)[0] if node.level > 1 else self.package
                )
                self.project[bound] = (f"{base}.{module}".rstrip("."), alias.name)
            elif module.split(".")[0] in PROJECT_PACKAGES:
                self.project[bound] = (module, alias.name)
            elif node.level == 0 and _is_qgis_module(module):
                obj = self._attribute(importlib.import_module(module), alias.name)
                if obj is None:
                    obj = self._submodule(f"{module}.{alias.name}")
                if obj is None and module not in RUNTIME_MODULES:
                    self.findings.append((node, "missing", f"{module}.{alias.name}", ""))
                elif obj is not None:
                    self.names[bound] = obj

    @staticmethod
    def _attribute(obj: Any, name: str) -> Any:
        try:
            return getattr(obj, name)
        except AttributeError:
            return None

    @staticmethod
    def _submodule(name: str) -> Any:
        try:
            return importlib.import_module(name)
        except ImportError:
            return None

    def class_object(self, name: str, seen: frozenset[str] = frozenset()) -> list[Any]:
        """The QGIS classes a class of this file derives from (for ``self.X``)."""
        node = self.classes.get(name)
        if node is None or name in seen:
            return []
        bases: list[Any] = []
        for base in node.bases:
            if isinstance(base, ast.Name) and base.id in self.names:
                bases.append(self.names[base.id])
            elif isinstance(base, ast.Name) and base.id in self.project:
                bases.extend(_project_class_bases(*self.project[base.id]))
            elif isinstance(base, ast.Name):
                bases.extend(self.class_object(base.id, seen | {name}))
        return bases


def _project_class_bases(module: str, name: str) -> list[Any]:
    """The QGIS bases of class ``name`` of project module ``module``, from its source."""
    path = ROOT / Path(*module.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    if not path.is_file():
        return []
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    scope = _Scope(ast.parse(path.read_text(encoding="utf-8")), package)
    return scope.class_object(name)


def _chain(node: ast.Attribute) -> tuple[ast.AST, list[str]]:
    """``a.b.c`` → (node of ``a``, ["b", "c"])."""
    attrs: list[str] = []
    current: ast.AST = node
    while isinstance(current, ast.Attribute):
        attrs.append(current.attr)
        current = current.value
    return current, attrs[::-1]


class _Checker(ast.NodeVisitor):
    def __init__(self, scope: _Scope):
        self.scope = scope
        self.class_stack: list[str] = []
        self.findings = list(scope.findings)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.class_stack.append(node.name)
        self.generic_visit(node)
        self.class_stack.pop()

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in QT5_ONLY:
            self.findings.append((node, "Qt5-only", node.id, QT5_ONLY[node.id]))

    def visit_Attribute(self, node: ast.Attribute) -> None:
        root, attrs = _chain(node)
        for attr in attrs:
            if attr in QT5_ONLY:
                self.findings.append((node, "Qt5-only", attr, QT5_ONLY[attr]))
        if isinstance(root, ast.Name) and not isinstance(node.ctx, ast.Store):
            self._resolve(node, root.id, attrs)
        # the outermost attribute of a chain resolves it whole; still visit the calls
        # and subscripts inside it
        inner: ast.AST = node
        while isinstance(inner, ast.Attribute):
            inner = inner.value
        self.visit(inner)

    def _resolve(self, node: ast.AST, name: str, attrs: list[str]) -> None:
        if name in QT5_ONLY_ON and name in self.scope.names:
            self.findings.append((node, "Qt5-only", f"{name}.{attrs[0]}", QT5_ONLY_ON[name]))
            return
        if name in self.scope.names:
            self._walk(node, name, self.scope.names[name], attrs)
        elif name == "self" and self.class_stack:
            for base in self.scope.class_object(self.class_stack[-1]):
                if hasattr(base, attrs[0]):
                    self._walk(node, "self", base, attrs)
                    break

    def _walk(self, node: ast.AST, label: str, obj: Any, attrs: list[str]) -> None:
        for attr in attrs:
            try:
                value = getattr(obj, attr)
            except AttributeError:
                if label != "self":
                    self.findings.append((node, "missing", f"{label}.{attr}", ""))
                return
            if is_enum_member(value) and not is_enum_type(obj):
                scoped = f"{_enum_type_name(label, obj, value)}.{attr}"
                self.findings.append((node, "unscoped", f"{label}.{attr}", scoped))
                return
            label, obj = f"{label}.{attr}", value


def _enum_type_name(label: str, owner: Any, member: Any) -> str:
    """How ``member``'s enum type is reached from ``owner`` (for the hint)."""
    for name in dir(owner):
        if not name.startswith("_") and getattr(owner, name, None) is type(member):
            return f"{label}.{name}"
    return type(member).__qualname__


def check_source(source: str, path: str = "<source>", package: str | None = None) -> list[Finding]:
    """Every unscoped enum, missing name and PyQt5-only use in ``source``."""
    tree = ast.parse(source, filename=path)
    lines = source.splitlines()
    checker = _Checker(_Scope(tree, package))
    checker.visit(tree)
    found = set()
    for node, kind, name, hint in checker.findings:
        line = getattr(node, "lineno", 0)
        if 0 < line <= len(lines) and PRAGMA in lines[line - 1]:
            continue
        found.add(Finding(path, line, kind, name, hint))
    return sorted(found, key=lambda f: (f.path, f.line, f.name))


def check_files(paths: list[Path], root: Path) -> list[Finding]:
    findings: list[Finding] = []
    for path in paths:
        rel = path.relative_to(root)
        package = ".".join(rel.parts[:-1]) if rel.parts[0] in PROJECT_PACKAGES else None
        source = path.read_text(encoding="utf-8")
        findings.extend(check_source(source, rel.as_posix(), package))
    return findings
