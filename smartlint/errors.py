"""Errors that reach the user as one line on stderr and exit code 2."""


class SmartlintError(Exception):
    """Bad input, usage or configuration: shown as one line, exit code 2, no traceback."""

    exit_code = 2
