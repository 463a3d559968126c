"""scripts/vendoring.py: our imports go under the plugin package, nothing else changes."""

from __future__ import annotations

import importlib.util
import textwrap

import pytest

from tests.conftest import ROOT


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


vendoring = _load("vendoring")


def test_imports_of_our_packages_are_rewritten_and_nothing_else():
    source = textwrap.dedent(
        '''\
        """Docstring naming geolib.io and: from geolib import x."""
        from __future__ import annotations

        import geolibx
        import numpy as np
        from geolib.io import (  # geolib stays in this comment
            read_vector,
            write_gpkg,
        )
        from geolib import errors
        from geolibrary import thing
        from . import base
        from .geolib import local
        import processing_algorithms.bridge as bridge, os
        import geolib.io as gio


        def later():
            from sozialplanung_plugin import deps  # inside a function
            text = "from geolib import y"
            return deps, text, f"Straße {'geolib'}"
        '''
    )
    result = vendoring.vendor_imports(source)
    expected = (
        source.replace("from geolib.io import (", "from sozialplanung.geolib.io import (")
        .replace("from geolib import errors", "from sozialplanung.geolib import errors")
        .replace(
            "import processing_algorithms.bridge",
            "import sozialplanung.processing_algorithms.bridge",
        )
        .replace("import geolib.io as gio", "import sozialplanung.geolib.io as gio")
        .replace(
            "from sozialplanung_plugin import", "from sozialplanung.sozialplanung_plugin import"
        )
    )
    assert result == expected
    assert vendoring.bare_references(result) == []
    # applying it twice changes nothing more
    assert vendoring.vendor_imports(result) == result


def test_a_statement_over_lines_and_non_ascii_before_it():
    source = "x = 'Größe'; from geolib \\\n    .io import read_vector\n"
    assert vendoring.vendor_imports(source) == (
        "x = 'Größe'; from sozialplanung.geolib \\\n    .io import read_vector\n"
    )
    source = "import numpy as np, geolib.io as gio  # Größe\n"
    assert vendoring.vendor_imports(source) == (
        "import numpy as np, sozialplanung.geolib.io as gio  # Größe\n"
    )


def test_import_binding_the_bare_name_is_refused_with_the_fix():
    with pytest.raises(vendoring.VendoringError, match=r"x\.py:2: 'import geolib\.io'.*as"):
        vendoring.vendor_imports("import os\nimport geolib.io\n", "x.py")


def test_module_names_in_strings_are_found():
    source = textwrap.dedent(
        """\
        import importlib, sys
        importlib.import_module("geolib._kde_numba")
        importlib.import_module(f"geolib.{name}")
        importlib.import_module(f".{name}", __package__)
        __import__("processing_algorithms")
        importlib.util.find_spec("sozialplanung_plugin.deps")
        sys.modules["geolib.io"]
        sys.modules["numpy"]
        translate("geolib", "text")
        """
    )
    found = vendoring.bare_references(source, "m.py")
    assert found == [
        "m.py:2: 'geolib._kde_numba'",
        "m.py:3: 'geolib.'",
        "m.py:5: 'processing_algorithms'",
        "m.py:6: 'sozialplanung_plugin.deps'",
        "m.py:7: 'geolib.io'",
    ]


def test_imported_modules_resolves_relative_imports():
    source = "from . import io\nfrom .errors import GeolibError\nfrom ..x import y\nimport os\n"
    assert vendoring.imported_modules(source, "p.geolib.density") == {
        "p.geolib",
        "p.geolib.io",
        "p.geolib.errors",
        "p.geolib.errors.GeolibError",
        "p.x",
        "p.x.y",
        "os",
    }
    assert "p.geolib.io" in vendoring.imported_modules(source, "p.geolib", is_package=True)
