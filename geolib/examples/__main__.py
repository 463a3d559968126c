"""``python -m geolib.examples``: write the example data (see :func:`main`)."""

import sys

from . import main

sys.exit(main())
