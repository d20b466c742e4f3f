"""``python -m toolkit`` is the same as the ``warmtelessen`` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
