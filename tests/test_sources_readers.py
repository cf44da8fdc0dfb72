"""Plan readers: which statements are read, their kinds, and where they sit in the file."""
from __future__ import annotations

from pathlib import Path

import pytest

from smartlint.sources.markdown_plan import read_markdown_plan
from smartlint.sources.reader import UnreadablePlan, discover, read_plan
from smartlint.sources.text_plan import read_text_plan

PLANS = Path(__file__).parent / "fixtures" / "plans"


def at(source: str, statement, offset: int = 0) -> str:
    """The characters of the original file at the mapped position of statement.text[offset:]."""
    line, col = statement.position(offset)
    return source.splitlines()[line - 1][col - 1:]


def test_text_one_goal_a_line_and_indented_lines_continue():
    source = (PLANS / "goals.txt").read_text()
    document = read_text_plan("goals.txt", source)
    texts = [g.statement.text for g in document.goals]
    assert texts == [
        "Grow inbound leads from 40 to 60 a month by June 30, 2026 so that sales meets its revenue target",
        "Do better at marketing",
        "Improve things",
    ]
    wrapped = document.goals[0].statement
    assert (wrapped.line, wrapped.col, wrapped.last_line) == (2, 1, 3)
    offset = wrapped.text.index("so that")
    assert at(source, wrapped, offset).startswith("so that")
    bullet = document.goals[1].statement
    assert (bullet.line, bullet.col) == (5, 3)


def test_text_trailing_directive_is_cut_but_hashtags_stay():
    document = read_text_plan("t.txt", "Reach #1 in app store ranking  # smartlint: ignore[M001]\n")
    assert [g.statement.text for g in document.goals] == ["Reach #1 in app store ranking"]


def test_markdown_sections_nesting_prefixes_and_skips():
    source = (PLANS / "okrs.md").read_text()
    document = read_markdown_plan("okrs.md", source)
    assert len(document.goals) == 2
    first, second = document.goals
    assert first.statement.text.startswith("Our marketing team will grow inbound leads")
    assert [k.statement.text for k in first.kpis] == [
        "Website visitors from 2,000 to 3,500 a month by June 30, 2026",
        "Demo requests from 5 to 12 a week by June 30, 2026",
    ]
    assert [m.statement.text for m in first.milestones] == ["Launch the new landing page by March 1, 2026"]
    assert second.statement.text.startswith("Priya will cut customer churn")
    assert [k.statement.text for k in second.kpis] == ["Monthly churn rate from 5% to 3% by September 30, 2026"]
    everything = " ".join(s.text for s in document.statements())
    assert "code block" not in everything and "Not a goal" not in everything and "owner:" not in everything
    assert document.has_kpi_structure


def test_markdown_positions_survive_stripped_markup():
    source = (PLANS / "okrs.md").read_text()
    document = read_markdown_plan("okrs.md", source)
    goal = document.goals[0].statement
    assert at(source, goal).startswith("Our marketing team**")  # the emphasis opened before it
    assert at(source, goal, goal.text.index("will grow")).startswith("will grow")
    milestone = document.goals[0].milestones[0].statement
    assert at(source, milestone, milestone.text.index("landing")).startswith("landing page")
    kpi = document.goals[0].kpis[1].statement
    assert at(source, kpi).startswith("Demo requests")


def test_markdown_without_headings_reads_everything_as_goals():
    document = read_markdown_plan("g.md", "- Grow leads by 10% by Q3 2026\n- Hire two engineers by May 2026\n")
    assert [g.statement.text for g in document.goals] == ["Grow leads by 10% by Q3 2026",
                                                         "Hire two engineers by May 2026"]


def test_markdown_other_sections_end_the_goal_section():
    source = "# Goals\n\n- Grow leads by 10%\n\n# Budget\n\n- Spend $5k on ads\n"
    document = read_markdown_plan("g.md", source)
    assert [g.statement.text for g in document.goals] == ["Grow leads by 10%"]


def test_yaml_plan_items_fields_and_positions():
    path = str(PLANS / "plan.yaml")
    document = read_plan(path)
    source = document.source
    assert not document.problems
    goal, folded = document.goals
    assert goal.owner == "Priya" and str(goal.due) == "2026-06-30"
    assert goal.parent == "Become the legal advisor startups ask first"
    assert [k.kpi_type for k in goal.kpis] == [None, "lagging"]
    assert [str(m.due) for m in goal.milestones] == ["2026-03-01", "2026-02-01", "2026-08-01"]
    assert at(source, goal.statement).startswith("Our marketing team")
    assert at(source, goal.kpis[1].statement).startswith("Monthly revenue")
    assert at(source, goal.milestones[0].statement).startswith("Launch the landing page")
    assert folded.statement.text.endswith("so that recurring revenue stays above plan")
    offset = folded.statement.text.index("so that")
    assert at(source, folded.statement, offset).startswith("so that")


@pytest.mark.parametrize("name", ["plan.json", "plan.toml"])
def test_json_and_toml_plans(name):
    document = read_plan(str(PLANS / name))
    assert not document.problems
    statements = document.statements()
    assert statements[0].kind == "goal" and {s.kind for s in statements[1:]} == {"kpi"}
    for statement in statements:
        assert at(document.source, statement).startswith(statement.text[:15])


def test_schema_errors_name_line_and_field():
    document = read_plan(str(PLANS / "bad-schema.yaml"))
    messages = {(p.line, p.message.split(":")[1].strip()) for p in document.problems}
    assert (3, "goals[0].due") in messages
    assert (6, "goals[0].kpis[0].kind") in messages
    assert not document.goals


@pytest.mark.parametrize("name, line, word", [
    ("broken.yaml", 3, "YAML"), ("broken.json", 1, "JSON"), ("broken.toml", 2, "TOML"),
])
def test_malformed_files_are_problems_with_a_line(name, line, word):
    document = read_plan(str(PLANS / name))
    (problem,) = document.problems
    assert problem.line == line and word in problem.message


def test_unreadable_inputs(tmp_path):
    binary = tmp_path / "goals.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    with pytest.raises(UnreadablePlan, match="binary"):
        read_plan(str(binary))
    with pytest.raises(UnreadablePlan, match="no such file"):
        read_plan(str(tmp_path / "missing.md"))
    latin = tmp_path / "plan.txt"
    latin.write_bytes("Croissance de 10 % d'ici l'\xe9t\xe9".encode("latin-1"))
    with pytest.raises(UnreadablePlan, match="UTF-8"):
        read_plan(str(latin))


def test_discover_walks_for_plan_files_only(tmp_path):
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs" / "team.yaml").write_text("goals: []\n")
    (tmp_path / "README.md").write_text("# Readme\n")
    (tmp_path / "requirements.txt").write_text("spacy\n")
    (tmp_path / "goals.txt").write_text("Grow\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "goals.md").write_text("x\n")
    found = sorted(Path(p).relative_to(tmp_path).as_posix() for p in discover([str(tmp_path)]))
    assert found == ["README.md", "goals.txt", "okrs/team.yaml"]
