"""`python -m handout` is the same as the `handout` command."""

from handout.launch import run

run()
