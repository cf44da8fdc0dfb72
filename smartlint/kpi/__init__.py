"""Goals, KPIs and milestones: the KPI catalogue, statement kinds, KPI and milestone suggestions.

Nothing here imports spaCy; every function reads Facts.
"""
from smartlint.kpi.kinds import statement_kind
from smartlint.kpi.milestones import Milestone, milestone_suggestions
from smartlint.kpi.suggest import KpiSuggestion, kpi_suggestions

__all__ = ["KpiSuggestion", "Milestone", "kpi_suggestions", "milestone_suggestions", "statement_kind"]
