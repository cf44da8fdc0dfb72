"""Helpers for driving the app under Textual's Pilot (the project's tests use them; so can yours)."""
from __future__ import annotations

import datetime as dt
import time

from smartlint.tui.app import SmartlintApp
from smartlint.tui.screens.editor import GoalEditorScreen

# the editor waits this long after the last key before it scores
DEBOUNCE_SECONDS = 0.4


def make_test_app(linter, today: dt.date, **options) -> SmartlintApp:
    """The app with a prebuilt Linter, a fixed reference date and no cursor blink (stable snapshots)."""
    return SmartlintApp(today=today, linter=linter, cursor_blink=False, **options)


# how long settle waits at most for the goal on screen to be scored (a loaded machine is slow)
SETTLE_LIMIT_SECONDS = 30.0


async def settle(pilot) -> None:
    """Let the debounce fire and every scoring worker finish, until the editor shows the score of
    the text it holds and no keystroke still waits for its debounce. On a loaded machine a debounce
    can fire mid-typing and score the whole text before the last keystrokes' change events are
    handled; those then mark the score pending again, so the score alone does not show that the
    screen is still."""
    await pilot.pause(DEBOUNCE_SECONDS)
    await pilot.app.workers.wait_for_complete()
    deadline = time.monotonic() + SETTLE_LIMIT_SECONDS
    while not _is_settled(pilot.app.screen) and time.monotonic() < deadline:
        await pilot.pause(0.05)
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _is_settled(screen) -> bool:
    if not isinstance(screen, GoalEditorScreen) or screen.app.linter is None:
        return True  # nothing is being scored on this screen
    return screen.settled
