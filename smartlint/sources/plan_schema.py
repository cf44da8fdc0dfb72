"""The schema of structured plans (.yaml .yml .json .toml): objectives -> goals -> KPIs, milestones.

    title: Growth plan 2026            # optional
    objectives:                        # optional; each groups goals under one larger aim
      - text: Become the advisor startups ask first
        goals: [...]
    goals:                             # goals that sit under no objective
      - text: Grow inbound leads from 40 to 60 a month by June 30, 2026 so that ...
        owner: Priya                   # optional, as are all fields below
        due: 2026-06-30
        baseline: 40
        target: 60
        unit: leads a month
        parent: growth                 # id or text of the objective or goal this one serves
        kpis:
          - Demo requests per week from 5 to 12 by June 30, 2026     # a string is a KPI's text
          - {text: "...", type: leading, due: 2026-06-30}
        milestones:
          - {text: Launch the landing page, due: 2026-03-01}

A bare list at the top is read as the list of goals. Unknown fields are errors (a typo in `due`
should not silently drop a deadline). Objectives are context (the parent of their goals), not
statements that are scored.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _PlanModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _text_shorthand(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


class KPI(_PlanModel):
    text: str = Field(min_length=1)
    owner: str | None = None
    due: dt.date | None = None
    baseline: float | None = None
    target: float | None = None
    unit: str | None = None
    type: Literal["leading", "lagging"] | None = None


class Milestone(_PlanModel):
    text: str = Field(min_length=1)
    owner: str | None = None
    due: dt.date | None = None
    done: bool = False


class Goal(_PlanModel):
    id: str | None = None
    text: str = Field(min_length=1)
    owner: str | None = None
    due: dt.date | None = None
    baseline: float | None = None
    target: float | None = None
    unit: str | None = None
    parent: str | None = None
    kpis: list[KPI] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)


class Objective(_PlanModel):
    id: str | None = None
    text: str = Field(min_length=1)
    owner: str | None = None
    due: dt.date | None = None
    goals: list[Goal] = Field(default_factory=list)


class Plan(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    owner: str | None = None
    objectives: list[Objective] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _bare_goal_list(cls, value: Any) -> Any:
        return {"goals": value} if isinstance(value, list) else value
