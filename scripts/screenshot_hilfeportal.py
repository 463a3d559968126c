"""Take docs/hilfeportal_dock.png: the Hilfeportal dock in real QGIS desktop under Xvfb.

Installs the plugin zip into a fresh profile (German UI), starts QGIS with
``--code scripts/hilfeportal_screenshot_driver.py``, which starts the example server,
loads the offers through the dock and grabs the main window. Run:
``.venv/bin/python scripts/screenshot_hilfeportal.py [--out docs/hilfeportal_dock.png]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.plugin._helpers import build_zip, fresh_profile, qgis_env  # noqa: E402

DRIVER = ROOT / "scripts" / "hilfeportal_screenshot_driver.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "hilfeportal_dock.png")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="hilfeportal-shot-"))
    config, _ = fresh_profile(base, build_zip(base))
    ini = config / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text(
        "[PythonPlugins]\nsozialplanung=true\n\n[locale]\noverrideFlag=true\nuserLocale=de\n"
        "globalLocale=de_DE\n",
        encoding="utf-8",
    )
    env = qgis_env(config)
    env.pop("QT_QPA_PLATFORM")
    env.update(SOZ_SHOT=str(args.out.resolve()), SOZ_ROOT=str(ROOT), SOZ_WORK=str(base))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.out.exists():
        args.out.unlink()
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "/usr/bin/qgis.bin"]
    command += ["--nologo", "--noversioncheck", "--profiles-path", str(config)]
    command += ["--code", str(DRIVER)]
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
    if not args.out.exists():
        sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-3000:])
        return 1
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
