"""`python -m handout` is the same as the `handout` command."""

import sys

from handout.commands.cli import main

sys.exit(main())
