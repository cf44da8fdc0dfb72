"""SVG snapshots of the coach's screens at a fixed size, date and cursor (no blink).

Regenerate after an intended change of the look: `pytest tests/test_tui_snapshots.py --snapshot-update`,
then read the SVGs in tests/__snapshots__/ before committing them.
"""
from __future__ import annotations

import datetime as dt


from smartlint.tui.app import SmartlintApp
from smartlint.tui.testing import make_test_app, settle
from smartlint.tui.widgets.coach_panel import CoachPanel

TODAY = dt.date(2026, 1, 15)
SIZE = (100, 32)
PLAN = (
    "# Goals\n"
    "\n"
    "- We will publish 8 case studies by June 30, 2026 so that sales has proof for prospects\n"
    "- Improve things on social media\n"
    "- Grow the newsletter\n"
)


def make_app(linter, **options) -> SmartlintApp:
    return make_test_app(linter, TODAY, **options)


def test_editor_scored(snap_compare, linter):
    async def run_before(pilot):
        await pilot.press(*"Increase website traffic")
        await settle(pilot)

    assert snap_compare(make_app(linter), terminal_size=SIZE, run_before=run_before)


def test_editor_after_an_answer(snap_compare, linter):
    async def run_before(pilot):
        await settle(pilot)
        panel = pilot.app.screen.query_one(CoachPanel)
        panel.query_one("#questions").highlighted = [letter for letter, _ in panel.questions].index("T")
        panel.query_one("#answer").focus()
        await pilot.press(*"by June 30, 2026", "enter")
        await settle(pilot)

    assert snap_compare(make_app(linter, goal="Our team will increase website traffic by 20%"),
                        terminal_size=SIZE, run_before=run_before)


def test_editor_smart_goal_light_theme(snap_compare, linter):
    goal = "We will grow sales by 20% by Q3 2026 on LinkedIn so that revenue meets the annual target"
    assert snap_compare(make_app(linter, goal=goal, dark=False), terminal_size=SIZE, run_before=settle)


def test_editor_at_80_by_24(snap_compare, linter):
    assert snap_compare(make_app(linter, goal="Improve marketing"), terminal_size=(80, 24), run_before=settle)


def test_plan_list_worst_first(snap_compare, linter, tmp_path, monkeypatch):
    (tmp_path / "goals.md").write_text(PLAN)
    monkeypatch.chdir(tmp_path)  # the title shows the path as given
    assert snap_compare(make_app(linter, plan_path="goals.md"), terminal_size=SIZE, run_before=settle)


def test_save_shows_the_diff(snap_compare, linter, tmp_path, monkeypatch):
    (tmp_path / "goals.md").write_text(PLAN)
    monkeypatch.chdir(tmp_path)

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*" to 2,000 readers by May 31, 2026")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(make_app(linter, plan_path="goals.md"), terminal_size=SIZE, run_before=run_before)


def test_missing_plan_error_dialog(snap_compare, linter, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert snap_compare(make_app(linter, plan_path="nowhere.md"), terminal_size=SIZE, run_before=settle)


def test_help_screen(snap_compare, linter):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(make_app(linter), terminal_size=SIZE, run_before=run_before)
