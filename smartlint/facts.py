"""Facts: what the NLP pass found in a goal statement, with character offsets.

These pydantic models are the only thing that leaves the NLP module; rules, scoring, the coach
and the renderers read Facts and never see a spaCy object.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Label = Literal[
    "QUANTITY",  # a plain number: value float; unit = the counted noun ("visitors"), if any
    "PERCENT",  # value float (15 means 15%)
    "MONEY",  # value {"amount": float, "currency": "USD"}
    "CHANGE",  # "by 20%", "from 40 to 60", "double", "halve", "10x": value {"kind", ...} see below
    "DATE",  # value "YYYY-MM-DD"
    "DATE_RANGE",  # value {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"} (end inclusive)
    "DURATION",  # value ISO 8601 duration "P4M"
    "FREQUENCY",  # value {"count": float, "per": "P1M"} ("15 people a month": count 15)
    "VAGUE_TIME",  # "soon", "ASAP", "eventually": value None
    "START_TIME",  # "starting in May": value "YYYY-MM-DD" of the start, if resolvable
    "OWNER",  # value = canonical owner name ("we", "Priya", "the CFO", "marketing team")
    "PLATFORM",  # value = canonical platform/channel name ("LinkedIn")
    "VAGUE_TERM",  # value = lemma of the vague word ("improve", "things")
    "RATIONALE",  # span = the whole reason clause ("because ... "); value = the marker ("because")
    "ACTION",  # value = lemma of the action verb ("increase")
]

# Labels whose mentions belong to the public `extract` contract, with the contract's type name.
EXTRACT_TYPES: dict[str, str] = {
    "QUANTITY": "number",
    "PERCENT": "percent",
    "MONEY": "money",
    "DATE": "date",
    "DATE_RANGE": "date_range",
    "DURATION": "duration",
    "FREQUENCY": "frequency",
    "OWNER": "owner",
    "PLATFORM": "platform",
}


class Span(BaseModel):
    """A stretch of the original text: text == original[start:end]."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mention(Span):
    """One thing the NLP pass found, with its normalized value.

    `kind` refines the label:
      OWNER: "pronoun" | "person" | "role" | "team"
      CHANGE: "by" (value {"kind": "by", "percent"?: float, "amount"?: float, "direction": "up"|"down"})
              | "from_to" (value {"kind": "from_to", "from": float, "to": float})
              | "factor" (value {"kind": "factor", "factor": 2.0}; "halve" is 0.5, "10x" is 10)
      DATE / DATE_RANGE / DURATION:
              "deadline" ("by March 31", "by Q3", "within 4 months", "by the end of the year")
              | "period" ("this quarter", "in 2027", "over the next six months", "H1 2026")
              | "window" ("for three months") | "point" (a bare date with no by/within)
      QUANTITY / PERCENT / MONEY: role tells what the number is for.
    `role`: "target" | "baseline" | "rank" | "version" | "name" | "year" | "team_size" | "rate" | None
    `deadline`: for time mentions, the last day the expression allows (rubric: "by Q3 2026" -> 09-30).
    `resolved`: False when a relative time expression could not be resolved (never a wrong date).
    `in_rationale`: the mention lies inside a RATIONALE clause.
    """

    label: Label
    value: Any = None
    kind: str | None = None
    role: str | None = None
    unit: str | None = None
    deadline: dt.date | None = None
    resolved: bool = True
    in_rationale: bool = False


class Facts(BaseModel):
    """Everything the NLP pass found in one statement."""

    text: str
    reference_date: dt.date
    mentions: list[Mention] = Field(default_factory=list)

    def of(self, *labels: str) -> list[Mention]:
        return [m for m in self.mentions if m.label in labels]

    def has(self, *labels: str) -> bool:
        return any(m.label in labels for m in self.mentions)
