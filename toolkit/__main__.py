"""``python -m toolkit`` is the same as the ``warmtelessen`` command."""

import sys

from .cli import main

sys.exit(main())
