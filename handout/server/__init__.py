"""A resident build server: `handout build` and `handout check` hand their work to a warm
process when one is running, and start one for next time when none is (Linux only).

protocol.py is what both sides agree on, client.py the command's side, daemon.py the server.
"""
