"""Put on PYTHONPATH by tests/plugin/_helpers.run_qgis for the QGIS programs the tests
start: SIGUSR1 prints the Python stack of every thread to stderr (where a hang is),
without ending the program. QGIS's embedded Python imports this at start."""

import faulthandler
import signal
import sys

faulthandler.register(signal.SIGUSR1, file=sys.stderr, all_threads=True)
