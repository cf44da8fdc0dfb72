"""`smartlint check PATH... | -`: lint plan files like a linter lints code.

Flow: find files -> read each into statements (with their place in the file) -> take the Reports
of unchanged statements from the result cache (smartlint.report_cache) and score the others in
one batched Linter.score_many -> plan rules over goals, KPIs and
milestones -> select/ignore/levels, per-file ignores and inline suppressions -> render.

Exit codes (ruff-like): 0 clean; 1 when any error- or warning-level finding is reported (info
findings are advice and never fail) or a goal/KPI scores under --min-score (rule P011);
2 when a file cannot be read, or for usage and configuration errors. --exit-zero turns 1 into 0.
Checked files are only ever read.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from smartlint.config import CheckConfig, ConfigFinder, check_rule_ids, check_selectors, ignored_by_path, \
    selector_matches
from smartlint.errors import SmartlintError
from smartlint.inputs import parse_today
from smartlint.report_cache import CACHE_FOLDER, ENV_CACHE_DIR, ReportCache, scoring_context
from smartlint.sources.located import CheckResult, LocatedFinding, RuleInfo, ScoredStatement
from smartlint.sources.model import PlanDocument, Statement
from smartlint.sources.reader import UnreadablePlan, discover, parse_plan, plan_format, read_plan

FORMAT_CHOICES = ("text", "json", "sarif", "github")
UNUSED_SUPPRESSION, INVALID_PLAN, MIN_SCORE = "P009", "P010", "P011"
MIN_SCORE_KINDS = ("goal", "kpi")  # milestones are steps, not goals: they need a date, not a score


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="plan files or folders (default: .); - reads one plan from stdin")
    parser.add_argument("--format", choices=FORMAT_CHOICES, default="text", help="output format (default: text)")
    parser.add_argument("--select", type=_id_list, help="only these rule ids or prefixes, comma-separated "
                                                        "(replaces the configuration's select)")
    parser.add_argument("--ignore", type=_id_list, default=[], help="skip these rule ids or prefixes "
                                                                    "(added to the configuration's ignore)")
    parser.add_argument("--min-score", type=int, metavar="N",
                        help="fail when a goal or KPI scores under N (0-100)")
    parser.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="reference date (default: today)")
    parser.add_argument("--jobs", type=int, metavar="N", default=None,
                        help="worker processes (default: all cores for large inputs)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="with -, the name to report and whose extension picks the reader (default: text)")
    parser.add_argument("--no-cache", action="store_true",
                        help="neither read nor write the result cache (every statement is scored afresh)")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help=f"where to keep the result cache (default: ${ENV_CACHE_DIR}, else {CACHE_FOLDER}/ "
                             "in the folder of the configuration file, else in the current folder)")


def _id_list(value: str) -> list[str]:
    return [part.strip().upper() for part in value.split(",") if part.strip()]


@dataclass
class _Input:
    document: PlanDocument
    config: CheckConfig
    cache: ReportCache | None = None
    reports: dict[Statement, object] = field(default_factory=dict)


def run(args: argparse.Namespace) -> int:
    today = parse_today(args.today)
    if args.min_score is not None and not 0 <= args.min_score <= 100:
        raise SmartlintError(f"--min-score {args.min_score} is out of range (0-100)")
    finder = ConfigFinder(Path(args.config) if args.config else None)
    inputs, unreadable = _read_inputs(args, finder)
    caches = _attach_caches(inputs, args)

    from smartlint.engine.loader import load_pack  # no spaCy: cheap

    packs = {key: load_pack(list(key)) for key in {tuple(i.config.rule_dirs) for i in inputs} | {()}}
    known_ids = sorted({rule.id for pack in packs.values() for rule in pack})
    for config in finder.loaded():
        check_rule_ids(config, [r.id for r in packs.get(tuple(config.rule_dirs), packs[()])])
    check_selectors(args.select or [], known_ids, "--select")
    check_selectors(args.ignore, known_ids, "--ignore")

    # Only the JSON output carries the coach's questions and rewrites; the other formats show
    # findings, so the coach (about a tenth of the time per goal) is skipped for them.
    _score(inputs, today, packs, args.jobs, coach=args.format == "json")
    _save_caches(caches)
    findings = _collect_findings(inputs, packs, args, known_ids)
    rules = {rule.id: rule for pack in packs.values() for rule in pack}
    result = CheckResult(
        findings=sorted(findings, key=LocatedFinding.sort_key),
        statements=[_scored(statement, report) for i in inputs for statement, report in i.reports.items()],
        files=[i.document.path for i in inputs],
        unreadable=unreadable,
        rules=[RuleInfo(id=r.id, name=r.name, dimension=r.dimension, level=r.level, why=r.why,
                        example=r.example, better=r.better) for r in rules.values()],
        min_score=_min_score(args, None),
    )
    sys.stdout.write(_render(result, args.format))
    sys.stdout.flush()
    if unreadable:
        return 2
    return 1 if result.failing and not args.exit_zero else 0


def _read_inputs(args: argparse.Namespace, finder: ConfigFinder) -> tuple[list[_Input], list[str]]:
    inputs: list[_Input] = []
    unreadable: list[str] = []
    for path in discover(args.paths or ["."]):
        try:
            if path == "-":
                name = args.stdin_filename or "-"
                fmt = plan_format(name) if name != "-" else "text"
                document = parse_plan(name, _read_stdin(), fmt)
                config = finder.for_path(args.stdin_filename)
            else:
                config = finder.for_path(path)
                document = read_plan(path)
        except UnreadablePlan as error:
            print(f"smartlint: error: {error}", file=sys.stderr)
            unreadable.append(str(error))
            continue
        for problem in document.problems:
            print(f"smartlint: {problem.path}:{problem.line}:{problem.col}: {problem.message}", file=sys.stderr)
        inputs.append(_Input(document, config))
    return inputs, unreadable


def _attach_caches(inputs: list[_Input], args: argparse.Namespace) -> list[ReportCache]:
    """One cache per folder: --cache-dir, else $SMARTLINT_CACHE_DIR, else the project root (the
    folder of the configuration file that applies, else the current folder)."""
    if args.no_cache:
        return []
    chosen = args.cache_dir or os.environ.get(ENV_CACHE_DIR)
    by_folder: dict[Path, ReportCache] = {}
    for item in inputs:
        folder = Path(chosen) if chosen else item.config.root / CACHE_FOLDER
        item.cache = by_folder.setdefault(folder, ReportCache(folder))
    return list(by_folder.values())


def _save_caches(caches: list[ReportCache]) -> None:
    """A cache that cannot be written costs speed, not results: one warning line, same exit code."""
    for cache in caches:
        problem = cache.save()
        if problem is not None:
            print(f"smartlint: warning: cannot write the cache in {cache.folder} ({problem}); "
                  "checked without it (--no-cache skips it)", file=sys.stderr)
            return


def _read_stdin() -> str:
    data = sys.stdin.buffer.read()
    from smartlint.sources.reader import decode_plan

    return decode_plan("-", data)


def _score(inputs: list[_Input], today, packs: dict, requested_jobs: int | None = None, coach: bool = True) -> None:
    """Every statement of every file: from the cache, or through one score_many per distinct NLP
    setting for those the cache does not hold. With all of them cached, spaCy is never loaded."""
    from smartlint.sources.linking import link_to_parent

    groups: dict[tuple, list[_Input]] = {}
    for item in inputs:
        key = (item.config.fiscal_year_start, tuple(item.config.rule_dirs), id(item.cache))
        groups.setdefault(key, []).append(item)
    for (fiscal_year_start, rule_dirs, _), members in groups.items():
        statements = [(item, s) for item in members for s in item.document.statements()]
        if not statements:
            continue
        # a statement repeated word for word (a KPI shared by goals, a copied plan) is scored once
        distinct: dict[tuple[str, str], int] = {}
        index_of = [distinct.setdefault((s.text, s.kind), len(distinct)) for _, s in statements]
        cache, known = members[0].cache, {}
        if cache is not None:
            context = scoring_context(today, fiscal_year_start, coach, packs[rule_dirs].statement_fingerprint)
            known = cache.lookup(context, list(distinct))
        missing = [key for key in distinct if key not in known]
        if missing:
            scored = _score_statements(missing, today, fiscal_year_start, rule_dirs, requested_jobs, coach)
            for (text, kind), report in zip(missing, scored):
                known[(text, kind)] = report
                if cache is not None:
                    cache.store(context, text, kind, report)
        reports = [known[key] for key in distinct]
        for (item, statement), index in zip(statements, index_of):
            item.reports[statement] = reports[index]
        for item in members:
            for goal in item.document.goals:
                item.reports[goal.statement] = link_to_parent(item.reports[goal.statement], goal.parent)
                for child in (*goal.kpis, *goal.milestones):
                    item.reports[child.statement] = link_to_parent(item.reports[child.statement],
                                                                   goal.statement.text)


def _score_statements(statements: list[tuple[str, str]], today, fiscal_year_start: int, rule_dirs: tuple,
                      requested_jobs: int | None, coach: bool) -> list:
    from smartlint.api import Settings
    from smartlint.parallel import resolve_jobs, score_many

    settings = Settings(fiscal_year_start=fiscal_year_start, rule_dirs=list(rule_dirs))
    jobs = resolve_jobs(requested_jobs, n_items_hint=len(statements))
    return list(score_many(((None, text, today, kind) for text, kind in statements), settings, jobs=jobs,
                           coach=coach))


def _min_score(args: argparse.Namespace, config: CheckConfig | None) -> int | None:
    if args.min_score is not None:
        return args.min_score
    return config.min_score if config is not None else None


def _collect_findings(inputs: list[_Input], packs: dict, args: argparse.Namespace,
                      known_ids: Sequence[str]) -> list[LocatedFinding]:
    from smartlint.engine.plan_kinds import PlanOptions, ScoredPlan
    from smartlint.suppressions import Suppressions

    raw: dict[int, list[LocatedFinding]] = {id(item): [] for item in inputs}
    by_config: dict[int, list[_Input]] = {}
    for item in inputs:
        by_config.setdefault(id(item.config), []).append(item)
    for members in by_config.values():
        config = members[0].config
        pack = packs[tuple(config.rule_dirs)]
        options = PlanOptions(config.near_duplicate_threshold, config.max_goals_per_owner)
        plans = [ScoredPlan(item.document, item.reports) for item in members]
        holder = {statement: item for item in members for statement in item.document.statements()}
        for rule in pack.plan:
            for hit in rule.evaluate(plans, options):
                target = holder[hit.statement]
                report = target.reports.get(hit.statement)
                raw[id(target)].append(_at_statement(hit.statement, rule, rule.render(hit), report))
        for item in members:
            raw[id(item)] += _statement_findings(item, pack)
            raw[id(item)] += _problem_findings(item, pack)
            raw[id(item)] += _min_score_findings(item, pack, _min_score(args, config))

    kept: list[LocatedFinding] = []
    for item in inputs:
        config = item.config
        pack = packs[tuple(config.rule_dirs)]
        select = args.select if args.select is not None else config.select
        ignore = [*config.ignore, *args.ignore]
        path = item.document.path

        def enabled(rule_id: str) -> bool:
            if select is not None and not any(selector_matches(s, rule_id) for s in select):
                return False
            if any(selector_matches(s, rule_id) for s in ignore):
                return False
            return not ignored_by_path(config, path, rule_id)

        suppressions = Suppressions(item.document.source, item.document.comment_style)
        for finding in raw[id(item)]:
            if not enabled(finding.rule):
                continue
            if suppressions.suppresses(finding.rule, finding.line, finding.first_line, finding.last_line):
                continue
            level = config.levels.get(finding.rule)
            kept.append(finding.model_copy(update={"level": level}) if level else finding)
        unused_rule = pack.get(UNUSED_SUPPRESSION)
        if unused_rule is not None and suppressions.directives and enabled(UNUSED_SUPPRESSION):
            enabled_ids = [rule_id for rule_id in known_ids if enabled(rule_id)]
            for problem in suppressions.unused(known_ids, enabled_ids):
                kept.append(LocatedFinding(
                    path=path, line=problem.line, column=problem.col, end_line=problem.line,
                    end_column=problem.col + 1, rule=UNUSED_SUPPRESSION, name=unused_rule.name,
                    level=config.levels.get(UNUSED_SUPPRESSION, unused_rule.level),
                    message=unused_rule.message.format(problem=problem.message),
                    first_line=problem.line, last_line=problem.line,
                ))
    return kept


def _at_statement(statement: Statement, rule, message: str, report) -> LocatedFinding:
    end_line, end_col = statement.position(len(statement.text) - 1)
    points = report.dimensions[rule.dimension].points if report is not None and rule.dimension else None
    return LocatedFinding(
        path=statement.path, line=statement.line, column=statement.col, end_line=end_line,
        end_column=end_col + 1, rule=rule.id, name=rule.name, dimension=rule.dimension, level=rule.level,
        message=message, statement_kind=statement.kind, points=points,
        first_line=statement.line, last_line=statement.last_line,
    )


def _statement_findings(item: _Input, pack) -> list[LocatedFinding]:
    located = []
    for statement in item.document.statements():
        report = item.reports.get(statement)
        if report is None:
            continue
        for finding in report.findings:
            line, col = statement.position(finding.start)
            end_line, end_col = statement.position(max(finding.start, finding.end - 1))
            rule = pack.get(finding.rule)
            located.append(LocatedFinding(
                path=statement.path, line=line, column=col, end_line=end_line, end_column=end_col + 1,
                rule=finding.rule, name=rule.name if rule else "", dimension=finding.dimension,
                level=finding.level, message=finding.message, suggestion=finding.suggestion,
                statement_kind=statement.kind, points=report.dimensions[finding.dimension].points,
                first_line=statement.line, last_line=statement.last_line,
            ))
    return located


def _problem_findings(item: _Input, pack) -> list[LocatedFinding]:
    rule = pack.get(INVALID_PLAN)
    if rule is None:
        return []
    return [LocatedFinding(
        path=p.path, line=p.line, column=p.col, end_line=p.line, end_column=p.col + 1, rule=rule.id,
        name=rule.name, level=rule.level, message=rule.message.format(problem=p.message),
        first_line=p.line, last_line=p.line,
    ) for p in item.document.problems]


def _min_score_findings(item: _Input, pack, minimum: int | None) -> list[LocatedFinding]:
    rule = pack.get(MIN_SCORE)
    if rule is None or minimum is None:
        return []
    located = []
    for statement in item.document.statements():
        report = item.reports.get(statement)
        if report is not None and statement.kind in MIN_SCORE_KINDS and report.score < minimum:
            message = rule.message.format(score=report.score, min=minimum, statement_kind=statement.kind)
            located.append(_at_statement(statement, rule, message, report))
    return located


def _scored(statement: Statement, report) -> ScoredStatement:
    return ScoredStatement(path=statement.path, line=statement.line, column=statement.col, kind=statement.kind,
                           text=statement.text, score=report.score, smart=report.smart, report=report)


def _render(result: CheckResult, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(_as_json(result), indent=2, ensure_ascii=False) + "\n"
    if fmt == "sarif":
        from smartlint.render.sarif import render_sarif

        return render_sarif(result)
    if fmt == "github":
        from smartlint.render.github import render_github

        return render_github(result)
    from smartlint.render.check_text import render_text

    return render_text(result)


def _as_json(result: CheckResult) -> dict:
    statements = result.statements
    return {
        "summary": {
            "files": len(result.files),
            "unreadable": len(result.unreadable),
            "statements": len(statements),
            "smart": sum(1 for s in statements if s.smart),
            "average_score": round(sum(s.score for s in statements) / len(statements), 1) if statements else None,
            "findings": len(result.findings),
            "failing": len(result.failing),
        },
        "findings": [f.model_dump(mode="json") for f in result.findings],
        "statements": [s.model_dump(mode="json") for s in statements],
    }


__all__ = ["add_arguments", "run"]
