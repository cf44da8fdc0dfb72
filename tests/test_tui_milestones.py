"""Pilot tests of the milestones screen: propose checkpoints, edit one, write them into a YAML plan."""
from __future__ import annotations

import asyncio
import datetime as dt

import yaml

from smartlint.sources.plan_schema import Plan
from smartlint.tui.app import SmartlintApp
from smartlint.tui.testing import make_test_app, settle
from smartlint.tui.screens.editor import GoalEditorScreen
from smartlint.tui.screens.milestones import MilestonesScreen, goal_slug

TODAY = dt.date(2026, 1, 15)
SIZE = (100, 32)
GOAL = "Our support team will cut open tickets from 500 to 200 by October 31, 2026"


def make_app(linter, **options) -> SmartlintApp:
    return make_test_app(linter, TODAY, **options)


async def open_milestones(pilot, goal: str) -> MilestonesScreen:
    await pilot.press(*goal)
    await settle(pilot)
    assert isinstance(pilot.app.screen, GoalEditorScreen)
    await pilot.press("ctrl+l")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MilestonesScreen)
    return screen


def status(screen: MilestonesScreen) -> str:
    return str(screen.query_one("#milestones-status").render())


async def replace_input(pilot, selector: str, text: str) -> None:
    pilot.app.screen.query_one(selector).focus()
    await pilot.press("ctrl+u", "end", "ctrl+u")  # clear the box before typing
    await pilot.press(*text)


def test_edit_and_write_milestones_into_a_plan(linter, tmp_path):
    target = tmp_path / "tickets-plan.yaml"

    async def flow():
        app = make_app(linter)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_milestones(pilot, GOAL)
            proposed = screen.plan.milestones
            assert len(proposed) >= 2 and proposed[-1][0] == dt.date(2026, 10, 31)
            path_box = screen.query_one("#plan-path")
            assert path_box.value == f"{goal_slug(GOAL)}-plan.yaml"

            await replace_input(pilot, "#text-1", "Support team closes the backlog of billing tickets")
            await replace_input(pilot, "#plan-path", str(target))
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert target.exists(), status(screen)
            assert "Wrote" in status(screen)

            first_write = target.read_text(encoding="utf-8")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "already exists" in status(screen)
            assert target.read_text(encoding="utf-8") == first_write
            return proposed

    proposed = asyncio.run(flow())
    document = yaml.safe_load(target.read_text(encoding="utf-8"))
    plan = Plan.model_validate(document)
    goal = plan.goals[0]
    assert goal.text == GOAL
    assert goal.due == dt.date(2026, 10, 31) and goal.baseline == 500 and goal.target == 200
    assert 2 <= len(goal.kpis) <= 4
    texts = [m.text for m in goal.milestones]
    dates = [m.due for m in goal.milestones]
    assert "Support team closes the backlog of billing tickets" in texts
    assert texts[0] == proposed[0][1]  # the rows not edited are written as proposed
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    assert dates == [due for due, _ in proposed]
    assert all(TODAY < due <= dt.date(2026, 10, 31) for due in dates)


def test_a_bad_date_is_refused_without_writing(linter, tmp_path):
    target = tmp_path / "plan.yaml"

    async def flow():
        app = make_app(linter)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_milestones(pilot, GOAL)
            await replace_input(pilot, "#due-0", "next spring")
            await replace_input(pilot, "#plan-path", str(target))
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "milestone 1" in status(screen) and "YYYY-MM-DD" in status(screen)
            assert not target.exists()
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, GoalEditorScreen)

    asyncio.run(flow())


def test_a_goal_without_baseline_gets_no_milestones_and_no_file(linter, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def flow():
        app = make_app(linter)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_milestones(pilot, "Publish 8 case studies by June 30, 2026")
            assert screen.plan is not None and screen.plan.milestones == ()
            assert "No milestones" in status(screen)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "Nothing to write" in status(screen)

    asyncio.run(flow())
    assert list(tmp_path.iterdir()) == []
