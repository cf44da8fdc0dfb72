"""smartlint: lint and coach goals against the SMART rubric."""

__version__ = "0.1.0"
