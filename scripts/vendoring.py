"""Put the plugin's own packages under the plugin package in the zip.

In the source tree ``geolib``, ``processing_algorithms`` and ``sozialplanung_plugin``
are top-level packages. In the zip they live inside the plugin folder ``sozialplanung``
(which QGIS imports as a top-level package), so they import as ``sozialplanung.geolib``
and so on, and never shadow another package named ``geolib`` for other plugins.

:func:`vendor_imports` rewrites the absolute imports of those packages in one source
file (found with ``ast``, edited at the token positions ``tokenize`` gives, so strings,
comments and formatting stay as they are). :func:`bare_references` lists what is left
that would still need the bare names: imports, and module names in strings given to
``importlib.import_module``, ``__import__``, ``find_spec`` or ``sys.modules`` (write
those relative to ``__package__`` instead).
"""

from __future__ import annotations

import ast
import io
import tokenize

#: the folder of the plugin in the zip; QGIS imports it as this top-level package
PLUGIN_PACKAGE = "sozialplanung"
#: our packages, vendored under the plugin package in the zip
OWN_PACKAGES = ("geolib", "processing_algorithms", "sozialplanung_plugin")
#: calls whose first argument is a module name
_MODULE_NAME_CALLS = {"import_module", "__import__", "find_spec", "find_module"}


class VendoringError(ValueError):
    """A source file cannot be vendored as it is; the message names the line and the fix."""


def _is_own(module: str | None) -> bool:
    return module is not None and module.split(".")[0] in OWN_PACKAGES


def _byte_to_char(line: str, byte_col: int) -> int:
    return len(line.encode("utf-8")[:byte_col].decode("utf-8"))


def _from_module_positions(source: str, lines: list[str], nodes: list[ast.ImportFrom]):
    """(row, col) of the first name after ``from`` for each node."""
    wanted = {(n.lineno, _byte_to_char(lines[n.lineno - 1], n.col_offset)) for n in nodes}
    positions = []
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    expect_name = False
    for tok in tokens:
        if tok.type == tokenize.NAME and tok.string == "from" and tok.start in wanted:
            expect_name = True
        elif expect_name and tok.type == tokenize.NAME:
            positions.append(tok.start)
            expect_name = False
    return positions


def vendor_imports(source: str, filename: str = "<source>") -> str:
    """``source`` with every absolute import of our packages under the plugin package.

    ``from geolib.io import x`` becomes ``from sozialplanung.geolib.io import x`` and
    ``import geolib.io as gio`` becomes ``import sozialplanung.geolib.io as gio``;
    ``import geolib`` without ``as`` would bind another name and is refused.
    """
    tree = ast.parse(source, filename)
    lines = source.splitlines(keepends=True)
    froms = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.ImportFrom) and not n.level and _is_own(n.module)
    ]
    edits = _from_module_positions(source, lines, froms)
    if len(edits) != len(froms):
        raise VendoringError(
            f"{filename}: could not locate every 'from ... import' of our packages"
        )
    for node in ast.walk(tree):
        if not isinstance(node, ast.Import):
            continue
        for alias in node.names:
            if not _is_own(alias.name):
                continue
            if alias.asname is None:
                raise VendoringError(
                    f"{filename}:{node.lineno}: 'import {alias.name}' binds the bare package "
                    f"name; write 'from {alias.name.rpartition('.')[0] or alias.name} import ...' "
                    f"or 'import {alias.name} as ...'"
                )
            line = lines[alias.lineno - 1]
            edits.append((alias.lineno, _byte_to_char(line, alias.col_offset)))
    for row, col in sorted(set(edits), reverse=True):
        line = lines[row - 1]
        lines[row - 1] = f"{line[:col]}{PLUGIN_PACKAGE}.{line[col:]}"
    return "".join(lines)


def _string_start(node: ast.expr) -> str | None:
    """The literal text a module-name argument starts with, if it is a literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
    return None


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _is_sys_modules(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "modules"
        and isinstance(node.value, ast.Name)
        and node.value.id == "sys"
    )


def bare_references(source: str, filename: str = "<source>") -> list[str]:
    """Every place in ``source`` that still names one of our packages as top-level."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        names: list[tuple[int, str]] = []
        if isinstance(node, ast.Import):
            names = [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [(node.lineno, node.module or "")]
        elif isinstance(node, ast.Call) and _call_name(node.func) in _MODULE_NAME_CALLS:
            if node.args and (text := _string_start(node.args[0])) is not None:
                names = [(node.lineno, text)]
        elif (
            isinstance(node, ast.Subscript)
            and _is_sys_modules(node.value)
            and (text := _string_start(node.slice)) is not None
        ):
            names = [(node.lineno, text)]
        found += [
            f"{filename}:{line}: {name!r}" for line, name in names if _is_own(name.rstrip("."))
        ]
    return found


def imported_modules(
    source: str, module: str, is_package: bool = False, names: bool = True
) -> set[str]:
    """The absolute names of the modules ``source`` (the module ``module``) imports.

    Relative imports are resolved; ``from a import b`` counts both ``a`` and ``a.b``
    (``b`` may be a submodule), or only ``a`` if not ``names``.
    """
    package = module if is_package else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(source, module)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.add(target)
            if names:
                found.update(f"{target}.{a.name}" for a in node.names)
    return found
