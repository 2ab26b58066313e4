"""python -m app → the desktop app (same as the videoconduit-desktop command)."""

import sys

from app.main import main

sys.exit(main())
