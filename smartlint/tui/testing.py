"""Helpers for driving the app under Textual's Pilot (the project's tests use them; so can yours)."""
from __future__ import annotations

import datetime as dt

from smartlint.tui.app import SmartlintApp

# the editor waits this long after the last key before it scores
DEBOUNCE_SECONDS = 0.4


def make_test_app(linter, today: dt.date, **options) -> SmartlintApp:
    """The app with a prebuilt Linter, a fixed reference date and no cursor blink (stable snapshots)."""
    return SmartlintApp(today=today, linter=linter, cursor_blink=False, **options)


async def settle(pilot) -> None:
    """Let the debounce fire and every scoring worker finish."""
    await pilot.pause(DEBOUNCE_SECONDS)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
