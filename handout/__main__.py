"""`python -m handout` is the same as the `handout` command."""

import sys

from handout.launch import main

sys.exit(main())
