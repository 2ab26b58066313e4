"""Entry script of the frozen app: the same main() as `python -m app` and the console script."""

import sys

from app.windowed_output import give_output_somewhere

if __name__ == "__main__":
    give_output_somewhere()  # the windowed Windows build: --version/--help still print
    from app.main import main

    sys.exit(main())
