"""`python -P -m handout.server SOCKET PACKAGE`: run a build server (see daemon.py)."""

import sys

from handout.server.daemon import main

sys.exit(main(sys.argv[1:]))
