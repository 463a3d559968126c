"""Run the peers (PySAL access, tobler) once and store their results as test fixtures.

The comparison tests read ``tests/fixtures/peers/<scenario>.json`` instead of importing the
peers, so they run where the peers do not install (Python 3.13). Run this after changing
a scenario or its inputs (``tests/_peers.py``, the example data generator) or the peers'
versions, with the peers installed (the ``test`` extra):

    .venv/bin/python scripts/make_peer_fixtures.py [scenario ...]

``tests/test_peer_fixtures.py`` fails when a fixture no longer matches its inputs or the
installed peer's output.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geolib.examples import write_examples  # noqa: E402
from geolib.io import read_vector  # noqa: E402
from tests import _peers as peers  # noqa: E402

KREIS_GPKG = ROOT / "data" / "kreis_pinneberg.gpkg"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "scenarios", nargs="*", metavar="scenario", help="only these (default: all)"
    )
    names = parser.parse_args(argv).scenarios or list(peers.BY_NAME)
    unknown = [n for n in names if n not in peers.BY_NAME]
    if unknown:
        parser.error(f"unknown scenario {', '.join(unknown)}; known: {', '.join(peers.BY_NAME)}")
    scenarios = [peers.BY_NAME[n] for n in names]
    missing = sorted({s.peer for s in scenarios if peers.peer_version(s.peer) is None})
    if missing:
        parser.error(
            f"{', '.join(missing)} not installed: install the test extra "
            "(pip install -e '.[test]') where the peers install (Python 3.11/3.12)"
        )
    with tempfile.TemporaryDirectory(prefix="peer-fixtures-") as tmp:
        data = peers.Data(
            read_vector(KREIS_GPKG, layer="gemeinden"),
            write_examples(Path(tmp), data_path=KREIS_GPKG),
        )
        for scenario in scenarios:
            path = peers.write(peers.make(scenario, data))
            print(f"{path.relative_to(ROOT)}: {scenario.peer} {peers.peer_version(scenario.peer)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
