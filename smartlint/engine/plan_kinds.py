"""Rule kinds that judge a whole plan (several goals, their KPIs and milestones) rather than one
statement. The rule loader accepts these kinds beside the statement kinds."""

PLAN_KINDS: tuple = ()
