"""Rule kinds that judge a whole plan (several goals, their KPIs and milestones) rather than one
statement. Each is a subclass of smartlint.engine.rule_base.RuleBase with its own `kind` literal;
the rule loader accepts these kinds beside the statement kinds."""

PLAN_KINDS: tuple = ()
