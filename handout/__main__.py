"""`python -m handout` is the same as the `handout` command."""

import sys

from handout.cli import main

sys.exit(main())
