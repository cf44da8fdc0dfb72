"""Plan rules over hand-made plans and Reports (no NLP): KPI count and quality, leading/lagging,
milestones, near-duplicates, owner load; and the R link to a parent objective."""
from __future__ import annotations

import datetime as dt

from smartlint.engine.loader import load_pack
from smartlint.engine.plan_kinds import PlanOptions, ScoredPlan
from smartlint.report import DIMENSIONS, DimensionScore, Finding, Report
from smartlint.sources.linking import link_to_parent
from smartlint.sources.markdown_plan import read_markdown_plan
from smartlint.sources.model import PlanDocument, PlanItem, Segment, Statement

TODAY = dt.date(2026, 1, 15)
PACK = load_pack()


def report(text: str, points: dict | None = None, deadline: str | None = None, owners=()) -> Report:
    points = {d: 2 for d in DIMENSIONS} | (points or {})
    return Report(
        text=text, reference_date=TODAY, score=sum(points.values()) * 10, smart=all(p == 2 for p in points.values()),
        dimensions={d: DimensionScore(points=p) for d, p in points.items()},
        facts={"deadline": {"text": "x", "date": deadline} if deadline else None,
               "owners": [{"text": o, "value": o, "kind": "person"} for o in owners]},
    )


def item(text: str, kind="goal", line=1, **fields) -> PlanItem:
    return PlanItem(statement=Statement(text, kind, "plan.yaml", (Segment(0, line, 1),)), **fields)


def run(rule_id: str, goals: list[PlanItem], reports: dict | None = None, structured=True, options=PlanOptions()):
    document = PlanDocument(path="plan.yaml", source="", comment_style="hash", goals=goals,
                            has_kpi_structure=structured)
    reports = reports or {}
    for statement in document.statements():
        reports.setdefault(statement, report(statement.text))
    rule = PACK.get(rule_id)
    return [(hit.statement.text, rule.render(hit)) for hit in rule.evaluate([ScoredPlan(document, reports)], options)]


def test_kpi_count_two_to_four():
    one = item("goal one", kpis=[item("k1", "kpi")])
    three = item("goal two", kpis=[item(f"k{i}", "kpi") for i in range(3)])
    five = item("goal three", kpis=[item(f"k{i}", "kpi") for i in range(5)])
    hits = run("P001", [one, three, five])
    assert hits == [("goal one", "goal has 1 KPIs; give it between 2 and 4"),
                    ("goal three", "goal has 5 KPIs; give it between 2 and 4")]
    assert run("P001", [item("plain text goal")], structured=False) == []


def test_kpi_quality_uses_the_kpis_own_report():
    weak, strong = item("weak kpi", "kpi"), item("strong kpi", "kpi")
    goal = item("goal", kpis=[weak, strong])
    reports = {weak.statement: report("weak kpi", {"S": 1, "T": 0, "A": 0})}
    assert run("P002", [goal], reports) == [("weak kpi", "KPI is not specific, measurable and time-bound: S 1/2, T 0/2")]


def test_all_lagging_kpis_get_a_hint():
    lagging = item("g1", kpis=[item("Monthly revenue to $50k", "kpi"), item("Churn below 3%", "kpi")])
    mixed = item("g2", kpis=[item("Profit margin to 20%", "kpi"), item("Website traffic to 5k visits", "kpi")])
    declared = item("g3", kpis=[item("Net revenue retention", "kpi", kpi_type="leading")])
    unknown = item("g4", kpis=[item("Revenue to $1M", "kpi"), item("Hire two engineers", "kpi")])
    hits = run("P003", [lagging, mixed, declared, unknown])
    assert [text for text, _ in hits] == ["g1"]
    assert "add a leading KPI" in hits[0][1]


def test_milestones_dated_in_order_and_before_the_deadline():
    milestones = [
        item("m1", "milestone", due=dt.date(2026, 3, 1)),
        item("m2 undated", "milestone"),
        item("m3 earlier", "milestone", due=dt.date(2026, 2, 1)),
        item("m4 from text", "milestone"),
    ]
    goal = item("goal", due=dt.date(2026, 6, 30), milestones=milestones)
    reports = {milestones[3].statement: report("m4", deadline="2026-08-01")}
    assert [t for t, _ in run("P004", [goal], reports)] == ["m2 undated"]
    assert run("P005", [goal], dict(reports)) == [
        ("m3 earlier", "milestone is due 2026-02-01, before the milestone above it (2026-03-01); "
                       "list milestones in date order")]
    assert run("P006", [goal], dict(reports)) == [
        ("m4 from text", "milestone is due 2026-08-01, after the goal's deadline (2026-06-30)")]


def test_goal_deadline_from_its_text_when_the_plan_gives_none():
    late = item("late", "milestone", due=dt.date(2026, 12, 1))
    goal = item("goal", milestones=[late])
    assert [t for t, _ in run("P006", [goal], {goal.statement: report("goal", deadline="2026-09-30")})] == ["late"]


def test_near_duplicates_with_configurable_threshold():
    goals = [item("Grow inbound leads from 40 to 60 a month by June 30, 2026", line=1),
             item("Cut churn to 3% by September 2026", line=2),
             item("grow inbound leads from 40 to 60 per month by June 30 2026", line=3)]
    hits = run("P007", goals)
    assert [t for t, _ in hits] == [goals[2].statement.text]
    assert "the goal on line 1" in hits[0][1]
    assert run("P007", goals, options=PlanOptions(near_duplicate_threshold=99.5)) == []


def test_owner_load_counts_plan_owners_and_named_owners_in_text():
    goals = [item(f"goal {i}", owner="Priya") for i in range(3)]
    named = item("Priya will ship it")
    pronoun = item("We will ship it")
    reports = {named.statement: report("Priya will ship it", owners=["Priya"]),
               pronoun.statement: report("We will ship it", owners=["we"])}
    hits = run("P008", [*goals, named, pronoun], reports, options=PlanOptions(max_goals_per_owner=3))
    assert hits == [("Priya will ship it", "Priya owns 4 goals (more than 3); share them out or drop some")]
    assert run("P008", goals, options=PlanOptions(max_goals_per_owner=3)) == []


def test_markdown_plan_through_plan_rules():
    document = read_markdown_plan("p.md", "# Goals\n\n- Grow revenue to $2M by 2027\n  - Revenue to $2M by 2027\n")
    reports = {s: report(s.text) for s in document.statements()}
    rule = PACK.get("P001")
    hits = list(rule.evaluate([ScoredPlan(document, reports)], PlanOptions()))
    assert [h.fields["count"] for h in hits] == [1]


def test_parent_link_raises_relevance_when_terms_are_shared():
    weak = report("Grow inbound leads for legal advice to 60 a month", {"R": 0})
    weak = weak.model_copy(update={"findings": [Finding(rule="R002", dimension="R", level="warning",
                                                        message="why?", start=0, end=4)]})
    linked = link_to_parent(weak, "Become the legal advisor startups ask first")
    assert linked.dimensions["R"].points == 2 and linked.findings == [] and linked.score == 100 and linked.smart
    assert "legal" in linked.dimensions["R"].reason
    unrelated = link_to_parent(weak, "Cut cloud costs")
    assert unrelated.dimensions["R"].points == 0 and unrelated.score == 80


def _cdist_near_duplicates(texts: list[str], threshold: float) -> list[tuple[int, int, int]]:
    """(later, earlier, similarity) as the rule found them with rapidfuzz's cdist matrix, before
    it stopped importing numpy: the reference its numpy-free loop must agree with."""
    from rapidfuzz import fuzz, process, utils

    scores = process.cdist(texts, texts, scorer=fuzz.token_sort_ratio, processor=utils.default_process,
                           score_cutoff=threshold)
    found = []
    for later in range(1, len(texts)):
        for earlier in range(later):
            if scores[later][earlier] >= threshold:
                found.append((later, earlier, round(float(scores[later][earlier]))))
                break
    return found


def test_near_duplicates_agree_with_the_cdist_matrix_on_generated_plans():
    import random

    rng = random.Random(11)
    words = "grow cut inbound leads churn revenue sign-ups by from to a month per June 2026 Q3 10% 40 60 " \
            "the team will our blog posts on LinkedIn weekly".split()
    for _ in range(40):
        base = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 12))) for _ in range(rng.randint(2, 6))]
        texts = [text if rng.random() < 0.5 else " ".join(rng.sample(text.split(), len(text.split())))
                 + rng.choice(["", ".", " now", " 2026"]) for text in base for _ in range(rng.randint(1, 3))]
        rng.shuffle(texts)
        goals = [item(text, line=number) for number, text in enumerate(texts, start=1)]
        document = PlanDocument(path="plan.yaml", source="", comment_style="hash", goals=goals,
                                has_kpi_structure=True)
        for threshold in (60, 85.5, 90, 97.3):
            options = PlanOptions(near_duplicate_threshold=threshold)
            hits = PACK.get("P007").evaluate([ScoredPlan(document, {})], options)
            found = [(hit.statement.line - 1, hit.fields["other_line"] - 1, hit.fields["similarity"]) for hit in hits]
            assert found == _cdist_near_duplicates(texts, threshold)
