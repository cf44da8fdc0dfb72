"""Shared test set-up.

Subprocesses run `python -m smartlint`; PYTHONSAFEPATH keeps Python from putting the working
directory first on sys.path, so they import the installed package (whose wheel maps the top-level
rules/ and models/ folders into smartlint.rules and smartlint.models), never the bare source tree.
"""
import os

os.environ["PYTHONSAFEPATH"] = "1"

import pytest


@pytest.fixture(scope="session")
def linter():
    """One Linter (the spaCy pipeline takes about a second to build) for every test that asks."""
    from smartlint.api import Linter

    return Linter()
