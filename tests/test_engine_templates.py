"""Rule templates made ready once (judge.Template) render as the template over every field would."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

from smartlint.engine.judge import Template, _Fields
from smartlint.engine.kinds import TEMPLATE_FIELDS, describe
from smartlint.engine.loader import load_pack
from smartlint.engine.view import GoalView
from smartlint.facts import Facts, Mention

TODAY = dt.date(2026, 1, 15)


def _goal() -> GoalView:
    text = "We will post 3 times a week on LinkedIn and Instagram by June 30, 2026 so that we win clients."
    mentions = [
        Mention(text="We", start=0, end=2, label="OWNER", value="we", kind="pronoun"),
        Mention(text="3 times a week", start=13, end=27, label="FREQUENCY", value={"count": 3.0, "per": "P1W"}),
        Mention(text="LinkedIn", start=31, end=39, label="PLATFORM", value="LinkedIn"),
        Mention(text="Instagram", start=44, end=53, label="PLATFORM", value="Instagram"),
        Mention(text="by June 30, 2026", start=54, end=70, label="DATE", value="2026-06-30", kind="deadline",
                deadline=dt.date(2026, 6, 30)),
        Mention(text="so that we win clients.", start=71, end=94, label="RATIONALE", value="so that"),
    ]
    return GoalView(Facts(text=text, reference_date=TODAY, mentions=mentions))


def _every_field_rendering(template: str, view: GoalView, hit_fields: dict) -> str:
    fields = _Fields(describe(view))
    fields.update(hit_fields)
    return template.format_map(fields).strip()


TEMPLATES = sorted({t for rule in load_pack().statement for t in (rule.message, rule.suggestion) if t}
                   | {f" {{{a}}} and {{{b}}} {{{{braces}}}} " for a, b in itertools.combinations(sorted(TEMPLATE_FIELDS), 2)}
                   | {" no field, {{escaped}} braces "})


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("hit_fields", [{}, {"match": "LinkedIn", "value": 2.5}, {"deadline": "from the hit", "count": 4}])
def test_a_ready_template_renders_as_the_template_over_every_field(template, hit_fields):
    view = _goal()
    assert Template(template).render(view, hit_fields) == _every_field_rendering(template, view, hit_fields)
