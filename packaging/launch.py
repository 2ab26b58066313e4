"""Entry script of the frozen app: the same main() as `python -m app` and the console script."""

import sys

from app.main import main

if __name__ == "__main__":
    sys.exit(main())
