"""The fields every rule file gives, whatever its kind (a rule file is also the rule's documentation)."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from smartlint.dimensions import Dimension, Level


class RuleBase(BaseModel):
    """Common fields of a rule. Each rule kind subclasses this with `kind: Literal["..."]` and its
    own parameters; the loader validates a YAML file against the union of all kinds."""

    # defer_build: the loader validates every file through one union of all kinds, so each kind's
    # own validator would only be built (at import) to go unused.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str = Field(pattern=r"^[A-Z]{1,3}\d{3}$", description="e.g. T001; the letter(s) name the family")
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="kebab-case, e.g. rate-needs-deadline")
    dimension: Dimension
    level: Level = "warning"
    message: str = Field(min_length=1, description="template over named fact fields, e.g. {rate}")
    why: str = Field(min_length=1, description="why this matters, in a few sentences")
    example: str = Field(min_length=1, description="a statement that triggers the rule")
    better: str = Field(min_length=1, description="the same statement written so it passes")
    suggestion: str | None = Field(default=None, description="template for a concrete edit")
