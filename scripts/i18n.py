"""Keep the German translation complete: extract, merge, list and fill messages.

Messages are found in the source with Python's ``ast``:

- ``self.tr("…")`` in a class: context = the class name;
- ``self.tr_base("…")``: context ``SozialplanungAlgorithm``;
- ``QCoreApplication.translate("Context", "…")``: its context;
- ``tr("…")`` in a module whose own ``def tr`` calls ``QCoreApplication.translate``
  with a constant context: that context; also ``tr_noop("…")`` there (a text kept in
  English in a table and translated with ``tr(text)`` where it is used);
- in ``geolib/``: ``Message("…")``, ``N_("…")`` and ``SomethingError("…")`` templates:
  context ``geolib``;
- in ``styles/*.qml``: legend labels, field aliases and form tabs: context ``styles``.

Commands (the catalogue is sozialplanung_plugin/i18n/sozialplanung_de.ts):

- ``update``: add new messages (unfinished), drop messages no longer in the source;
- ``check``: exit 1 and list what is untranslated or has broken placeholders;
- ``todo``: print the untranslated messages as JSON, ready to be filled;
- ``fill FILE.json``: take ``[{"context", "source", "translation"}]`` into the catalogue.
"""

from __future__ import annotations

import ast
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape, unescape

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "sozialplanung_plugin" / "i18n" / "sozialplanung_de.ts"
QT_DIRS = ["processing_algorithms", "sozialplanung_plugin"]
GEOLIB = "geolib"
STYLES = "styles"
STYLES_CONTEXT = "styles"  # as tr() in processing_algorithms/styling.py

Key = tuple[str, str]


def _const_str(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        base = func.value
        prefix = base.id + "." if isinstance(base, ast.Name) else ""
        return prefix + func.attr
    return ""


def _module_tr_context(tree: ast.Module, path: Path | None = None) -> str | None:
    for node in tree.body:
        # ``from .sibling import tr``: the context of the sibling's ``tr``
        if (
            path is not None
            and isinstance(node, ast.ImportFrom)
            and node.level == 1
            and node.module
            and any(alias.name == "tr" and alias.asname is None for alias in node.names)
        ):
            sibling = path.parent / (node.module.replace(".", "/") + ".py")
            if sibling.exists():
                return _module_tr_context(ast.parse(sibling.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for sub in ast.walk(node):
                if (
                    isinstance(sub, ast.Call)
                    and _call_name(sub).endswith("translate")
                    and sub.args
                    and _const_str(sub.args[0])
                ):
                    return _const_str(sub.args[0])
    return None


def extract_qt(path: Path) -> list[tuple[Key, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    module_ctx = _module_tr_context(tree, path)
    found: list[tuple[Key, str]] = []

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                name = _call_name(child)
                where = f"{path.relative_to(ROOT)}:{child.lineno}"
                text = _const_str(child.args[0]) if child.args else None
                if name == "self.tr" and text is not None and cls:
                    found.append(((cls, text), where))
                elif name.endswith("tr_base") and text is not None:
                    found.append((("SozialplanungAlgorithm", text), where))
                elif name in ("tr", "tr_noop") and text is not None and module_ctx:
                    found.append(((module_ctx, text), where))
                elif name.endswith("translate") and len(child.args) >= 2:
                    ctx, msg = _const_str(child.args[0]), _const_str(child.args[1])
                    if ctx and msg is not None and ctx != "geolib":
                        found.append(((ctx, msg), where))
            visit(child, cls)

    visit(tree, None)
    return found


def extract_geolib(path: Path) -> list[tuple[Key, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = _call_name(node).split(".")[-1]
        text = _const_str(node.args[0])
        if text is None:
            continue
        if name in ("Message", "N_") or (name.endswith("Error") and name[:1].isupper()):
            found.append((("geolib", text), f"{path.relative_to(ROOT)}:{node.lineno}"))
    return found


def _needs_words(text: str) -> bool:
    """A label with words or a decimal point (0.5) reads differently in German."""
    return bool(re.search(r"[A-Za-z]|\d\.\d", text))


def extract_qml(path: Path) -> list[tuple[Key, str]]:
    """Legend labels, field aliases and form tabs of a style (context ``styles``).

    A category whose label is its value names a data value and is not translated
    (``processing_algorithms/styling.py`` does the same at run time).
    """
    found = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        element = re.match(r"\s*<(\w+)\s", line)
        if element is None:
            continue
        tag = element.group(1)
        attrs = {k: unescape(v, {"&quot;": '"'}) for k, v in re.findall(r'(\w+)="([^"]*)"', line)}
        if tag in ("category", "range", "rule"):
            text = attrs.get("label", "")
            if tag == "category" and text == attrs.get("value"):
                continue
        elif tag in ("alias", "attributeEditorContainer"):
            text = attrs.get("name", "")
        else:
            continue
        if text and _needs_words(text):
            found.append(((STYLES_CONTEXT, text), f"{path.relative_to(ROOT)}:{lineno}"))
    return found


def extract() -> dict[Key, list[str]]:
    messages: dict[Key, list[str]] = {}
    for folder in QT_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for key, where in extract_qt(path):
                messages.setdefault(key, []).append(where)
    for path in sorted((ROOT / GEOLIB).rglob("*.py")):
        for key, where in extract_geolib(path):
            messages.setdefault(key, []).append(where)
    for path in sorted((ROOT / STYLES).glob("*.qml")):
        for key, where in extract_qml(path):
            messages.setdefault(key, []).append(where)
    return messages


def read_ts(path: Path = TS) -> dict[Key, str]:
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()
    out: dict[Key, str] = {}
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            text = tr.text or "" if tr is not None else ""
            if tr is not None and tr.get("type") in ("unfinished", "obsolete", "vanished"):
                text = text if tr.get("type") == "unfinished" and text else ""
            out[(name, source)] = text
    return out


def write_ts(messages: dict[Key, list[str]], translations: dict[Key, str], path: Path = TS) -> None:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        '<TS version="2.1" language="de_DE" sourcelanguage="en">',
    ]
    by_ctx: dict[str, list[str]] = {}
    for ctx, source in messages:
        by_ctx.setdefault(ctx, []).append(source)
    for ctx in sorted(by_ctx):
        lines += ["<context>", f"    <name>{escape(ctx)}</name>"]
        for source in sorted(set(by_ctx[ctx])):
            text = translations.get((ctx, source), "")
            lines.append("    <message>")
            for where in messages[(ctx, source)][:1]:
                file, line = where.rsplit(":", 1)
                lines.append(f'        <location filename="../../{escape(file)}" line="{line}"/>')
            lines.append(f"        <source>{escape(source)}</source>")
            if text:
                lines.append(f"        <translation>{escape(text)}</translation>")
            else:
                lines.append('        <translation type="unfinished"></translation>')
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


_FIELD = re.compile(r"\{[^{}]*\}")


def problems(messages: dict[Key, list[str]], translations: dict[Key, str]) -> list[str]:
    out = []
    for key, where in sorted(messages.items()):
        text = translations.get(key, "")
        if not text:
            out.append(f"untranslated [{key[0]}] {key[1]!r} ({where[0]})")
        elif sorted(_FIELD.findall(key[1])) != sorted(_FIELD.findall(text)):
            out.append(f"placeholders differ [{key[0]}] {key[1]!r} → {text!r} ({where[0]})")
    return out


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    messages = extract()
    translations = read_ts()
    if command == "update":
        write_ts(messages, translations)
        todo = [k for k in messages if not translations.get(k)]
        print(f"{len(messages)} messages, {len(todo)} untranslated → {TS.relative_to(ROOT)}")
        return 0
    if command == "todo":
        todo = [
            {"context": c, "source": s, "translation": ""}
            for (c, s) in sorted(messages)
            if not translations.get((c, s))
        ]
        print(json.dumps(todo, ensure_ascii=False, indent=1))
        return 0
    if command == "fill":
        entries = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        for entry in entries:
            if entry.get("translation"):
                translations[(entry["context"], entry["source"])] = entry["translation"]
        write_ts(messages, translations)
        return main(["check"])
    if command == "check":
        found = problems(messages, translations)
        for line in found:
            print(line)
        print(f"{len(messages)} messages, {len(found)} problems")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
