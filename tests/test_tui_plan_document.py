"""The TUI's plan files: each goal's exact span, and saves that change that goal and nothing else."""
from __future__ import annotations

import os

import pytest
import yaml

from smartlint.tui.plan_document import PlanFileError, open_plan, write_atomically


def _write(tmp_path, name: str, data: str | bytes):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


def _outside_unchanged(before: bytes, after: bytes, old_goal: bytes, new_goal: bytes) -> None:
    """`after` is `before` with exactly one occurrence of old_goal replaced by new_goal."""
    start = before.index(old_goal)
    assert after == before[:start] + new_goal + before[start + len(old_goal):]


TEXT_PLAN = (
    "# goals of the support desk\n"
    "Answer every ticket faster\n"
    "\n"
    "- The support team will cut first-reply time from 9 to 4 hours by May 31, 2026\n"
    "3. Write better docs\n"
)


def test_text_goals_have_exact_spans(tmp_path):
    plan = open_plan(_write(tmp_path, "goals.txt", TEXT_PLAN))
    assert [g.text for g in plan.goals] == [
        "Answer every ticket faster",
        "The support team will cut first-reply time from 9 to 4 hours by May 31, 2026",
        "Write better docs",
    ]
    for goal in plan.goals:
        assert plan.source[goal.start:goal.end] == goal.text
    assert [g.line for g in plan.goals] == [2, 4, 5]


def test_text_save_changes_only_that_goal(tmp_path):
    path = _write(tmp_path, "goals.txt", TEXT_PLAN)
    before = open(path, "rb").read()
    plan = open_plan(path)
    new_goal = "Our writers will publish 12 help articles by June 30, 2026"
    saved = plan.save(plan.goals[2], new_goal)
    after = open(path, "rb").read()
    _outside_unchanged(before, after, b"Write better docs", new_goal.encode())
    assert saved.goals[2].text == new_goal
    assert [g.text for g in saved.goals[:2]] == [g.text for g in plan.goals[:2]]


def test_crlf_and_bom_survive_a_save(tmp_path):
    source = "\ufeffShip the app\r\nGrow revenue\r\n"
    path = _write(tmp_path, "plan.txt", source.encode("utf-8"))
    before = open(path, "rb").read()
    plan = open_plan(path)
    plan.save(plan.goals[1], "We will grow revenue by 8% by December 31, 2026")
    after = open(path, "rb").read()
    assert after.startswith(b"\xef\xbb\xbf")
    _outside_unchanged(before, after, b"Grow revenue", b"We will grow revenue by 8% by December 31, 2026")


def test_wrapped_text_goal_becomes_one_line(tmp_path):
    path = _write(tmp_path, "plan.txt", "Hire two nurses\n  for the night shift\nOpen a clinic\n")
    plan = open_plan(path)
    assert plan.goals[0].text == "Hire two nurses for the night shift"
    plan.save(plan.goals[0], "The ward manager will hire two night nurses by April 30, 2026")
    assert open(path).read() == "The ward manager will hire two night nurses by April 30, 2026\nOpen a clinic\n"


MARKDOWN_PLAN = """# Club plan

Intro words that are not a goal.

## Goals

- **Grow membership** across the city
- [ ] Raise money for new kit

## Notes

- keep the hall booked
"""


def test_markdown_emphasis_goes_with_the_goal(tmp_path):
    path = _write(tmp_path, "club.md", MARKDOWN_PLAN)
    plan = open_plan(path)
    assert [g.text for g in plan.goals] == ["Grow membership across the city", "Raise money for new kit"]
    assert plan.source[plan.goals[0].start:plan.goals[0].end] == "**Grow membership** across the city"
    diff = plan.diff(plan.goals[0], "The committee will sign up 40 new members by September 1, 2026")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [
        "-- **Grow membership** across the city",
        "+- The committee will sign up 40 new members by September 1, 2026",
    ]


def test_markdown_save_keeps_the_rest(tmp_path):
    path = _write(tmp_path, "club.md", MARKDOWN_PLAN)
    before = open(path, "rb").read()
    plan = open_plan(path)
    plan.save(plan.goals[1], "The treasurer will raise $3,000 for new kit by March 31, 2026")
    _outside_unchanged(before, open(path, "rb").read(), b"Raise money for new kit",
                       b"The treasurer will raise $3,000 for new kit by March 31, 2026")


YAML_PLAN = """title: Shop plan   # kept as is
goals:
  - text: Sell more online
    owner: Dana
  - text: >
      Cut returns
      a lot
  - text: 'Keep the shop''s rating high'
"""


def test_yaml_goals_keep_their_scalar_style_when_they_can(tmp_path):
    path = _write(tmp_path, "shop.yaml", YAML_PLAN)
    plan = open_plan(path)
    assert [g.text for g in plan.goals] == ["Sell more online", "Cut returns a lot", "Keep the shop's rating high"]
    plain = plan.replaced(plan.goals[0], "Dana will grow online sales by 15% by June 30, 2026")
    assert "  - text: Dana will grow online sales by 15% by June 30, 2026\n    owner: Dana\n" in plain
    quoted = plan.replaced(plan.goals[2], "We'll keep a 4.8 rating: checked weekly")
    assert "  - text: 'We''ll keep a 4.8 rating: checked weekly'\n" in quoted
    assert yaml.safe_load(quoted)["goals"][2]["text"] == "We'll keep a 4.8 rating: checked weekly"


def test_yaml_plain_goal_that_needs_quotes_gets_them(tmp_path):
    plan = open_plan(_write(tmp_path, "shop.yaml", YAML_PLAN))
    new_goal = "Dana will sell 500 units: online only #web"
    after = plan.replaced(plan.goals[0], new_goal)
    assert yaml.safe_load(after)["goals"][0]["text"] == new_goal
    assert after.startswith("title: Shop plan   # kept as is\n")


def test_yaml_block_scalar_replaced_in_place(tmp_path):
    path = _write(tmp_path, "shop.yaml", YAML_PLAN)
    plan = open_plan(path)
    saved = plan.save(plan.goals[1], "The warehouse will cut returns from 9% to 5% by August 31, 2026")
    text = open(path).read()
    assert '  - text: "The warehouse will cut returns from 9% to 5% by August 31, 2026"\n' in text
    assert text.endswith("  - text: 'Keep the shop''s rating high'\n")
    assert [g.text for g in saved.goals][1] == "The warehouse will cut returns from 9% to 5% by August 31, 2026"


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("missing.md", None, "no such file"),
    ("broken.yaml", "goals: [a, b\n  - c: d: e\n", "invalid YAML"),
    ("schema.yaml", "goals:\n  - text: Ship it\n    due: someday\n", "invalid plan"),
    ("binary.txt", b"\x00\x01\x02goal", "binary"),
    ("latin.txt", b"caf\xe9 goal\n", "not UTF-8"),
    ("plan.json", '{"goals": []}', "edits .md, .txt and .yaml"),
])
def test_unreadable_plans_raise_one_line(tmp_path, name, content, expected):
    path = str(tmp_path / name) if content is None else _write(tmp_path, name, content)
    with pytest.raises(PlanFileError) as raised:
        open_plan(path)
    assert expected in str(raised.value)
    assert "\n" not in str(raised.value)


def test_empty_goal_is_not_saved(tmp_path):
    path = _write(tmp_path, "goals.txt", TEXT_PLAN)
    plan = open_plan(path)
    with pytest.raises(PlanFileError, match="empty"):
        plan.save(plan.goals[0], "   \n ")
    assert open(path).read() == TEXT_PLAN


def test_a_goal_that_would_not_read_back_is_refused(tmp_path):
    path = _write(tmp_path, "goals.txt", TEXT_PLAN)
    plan = open_plan(path)
    with pytest.raises(PlanFileError, match="read back"):
        plan.save(plan.goals[0], "# a comment, not a goal")
    assert open(path).read() == TEXT_PLAN


def test_file_changed_on_disk_is_not_overwritten(tmp_path):
    path = _write(tmp_path, "goals.txt", TEXT_PLAN)
    plan = open_plan(path)
    with open(path, "a") as handle:
        handle.write("Another goal from a colleague\n")
    with pytest.raises(PlanFileError, match="changed on disk"):
        plan.save(plan.goals[0], "We will answer tickets within 4 hours by May 31, 2026")
    assert open(path).read().endswith("Another goal from a colleague\n")


def test_atomic_write_keeps_mode_and_leaves_no_temp_file(tmp_path):
    path = _write(tmp_path, "goals.txt", "old\n")
    os.chmod(path, 0o640)
    write_atomically(path, b"new\n")
    assert open(path, "rb").read() == b"new\n"
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["goals.txt"]
