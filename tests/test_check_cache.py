"""The result cache of `smartlint check`, through real runs of the command line: a warm run prints
exactly what a cold one does, never loads spaCy, rescores only what changed, and survives a
corrupt, unwritable or concurrently written cache."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from smartlint import report_cache
from smartlint.report import DIMENSIONS, DimensionScore, Report
from smartlint.report_cache import CACHE_FOLDER, REPORTS_FOLDER, ReportCache, scoring_context

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "tests" / "fixtures" / "plans"
TODAY = "2026-01-15"
FORMATS = ("text", "json", "sarif", "github")
FIVE_GOALS = ["Grow inbound leads from 40 to 60 a month by June 30, 2026",
              "Do better at marketing",
              "Publish two blog posts a week on our blog so that prospects find us",
              "Our sales team will sign 15 new clients a month by the end of Q3 2026",
              "Cut churn to 3% by September 2026"]
# Runs smartlint's command line in-process, then says on stderr whether spaCy was imported.
SPACY_PROBE = ("import sys; from smartlint.cli import main; code = main(sys.argv[1:]); "
               "print('spacy imported:', 'spacy' in sys.modules, file=sys.stderr); sys.exit(code)")


def run_check(*args: str, cwd: Path, env: dict | None = None, stdin: str | None = None,
              probe: bool = False) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != report_cache.ENV_CACHE_DIR}
    environment.update(env or {})
    command = [sys.executable, "-c", SPACY_PROBE] if probe else [sys.executable, "-m", "smartlint"]
    dated = args if "--today" in args else (*args, "--today", TODAY)
    return subprocess.run([*command, "check", *dated], cwd=cwd, env=environment, input=stdin,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture()
def project(tmp_path) -> Path:
    """A folder of plans in every format the reader knows, with KPIs, milestones and duplicates."""
    folder = tmp_path / "project"
    folder.mkdir()
    for name in ("okrs.md", "plan.yaml", "plan.json", "plan.toml", "goals.txt", "weak.md"):
        shutil.copy(PLANS / name, folder / name)
    for path in (ROOT / "examples").iterdir():
        shutil.copy(path, folder / path.name)
    return folder


def context_files(cache: Path) -> list[Path]:
    return sorted((cache / REPORTS_FOLDER).glob("*.json"))


def entries_of(path: Path) -> dict[str, list]:
    return json.loads(path.read_text(encoding="utf-8"))["entries"]


def snapshot(cache: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in context_files(cache)}


def same_run(first: subprocess.CompletedProcess, second: subprocess.CompletedProcess) -> None:
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)


def test_warm_output_is_byte_identical_to_a_run_without_cache_in_every_format(project):
    cache = project / CACHE_FOLDER
    for fmt in ("text", "json"):  # json runs the coach: a context of its own
        cold = run_check(".", "--format", fmt, cwd=project)
        assert cold.returncode == 1 and "Traceback" not in cold.stderr, cold.stderr
    assert len(context_files(cache)) == 2
    written = snapshot(cache)
    for fmt in FORMATS:
        warm = run_check(".", "--format", fmt, cwd=project)
        uncached = run_check(".", "--format", fmt, "--no-cache", cwd=project)
        same_run(uncached, warm)
    assert snapshot(cache) == written  # every statement came from the cache: nothing rewritten


def test_a_warm_run_does_not_import_spacy(project):
    cold = run_check(".", cwd=project, probe=True)
    assert "spacy imported: True" in cold.stderr
    warm = run_check(".", cwd=project, probe=True)
    assert "spacy imported: False" in warm.stderr, warm.stderr
    assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)


def test_stdin_uses_the_cache_too(tmp_path):
    text = "\n".join(FIVE_GOALS) + "\n"
    cold = run_check("-", cwd=tmp_path, stdin=text, probe=True)
    warm = run_check("-", cwd=tmp_path, stdin=text, probe=True)
    assert "spacy imported: False" in warm.stderr
    assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)
    assert (tmp_path / CACHE_FOLDER / ".gitignore").is_file()


def test_an_edited_statement_is_rescored_and_the_others_stay_cached(tmp_path):
    plan = tmp_path / "goals.txt"
    plan.write_text("\n".join(FIVE_GOALS) + "\n", encoding="utf-8")
    run_check("goals.txt", cwd=tmp_path)
    (context,) = context_files(tmp_path / CACHE_FOLDER)
    first = entries_of(context)
    assert sorted(first) == sorted(f"goal:{text}" for text in FIVE_GOALS)

    edited = [*FIVE_GOALS[:2], "Do better at marketing on LinkedIn by March 2026", *FIVE_GOALS[3:]]
    plan.write_text("\n".join(edited) + "\n", encoding="utf-8")
    warm = run_check("goals.txt", cwd=tmp_path)
    (context,) = context_files(tmp_path / CACHE_FOLDER)  # the same context, under its new entry count
    second = entries_of(context)
    rescored = [key for key, (scored_at, _, _) in second.items() if key not in first or scored_at != first[key][0]]
    assert rescored == [f"goal:{edited[2]}"]
    assert f"goal:{FIVE_GOALS[2]}" in second  # the old wording stays, in case it comes back
    same_run(run_check("goals.txt", "--no-cache", cwd=tmp_path), warm)


def test_another_reference_date_rescores(tmp_path):
    (tmp_path / "goals.txt").write_text("\n".join(FIVE_GOALS) + "\n", encoding="utf-8")
    run_check("goals.txt", cwd=tmp_path)
    later = run_check("goals.txt", "--today", "2026-10-01", cwd=tmp_path, probe=True)
    assert "spacy imported: True" in later.stderr
    assert len(context_files(tmp_path / CACHE_FOLDER)) == 2
    uncached = run_check("goals.txt", "--today", "2026-10-01", "--no-cache", cwd=tmp_path)
    assert (later.returncode, later.stdout) == (uncached.returncode, uncached.stdout)


def test_a_changed_user_rule_rescores(tmp_path):
    rules = tmp_path / "style"
    rules.mkdir()
    rule = rules / "X001-synergy.yaml"
    rule_text = (ROOT / "rules" / "S004-weasel-phrase.yaml").read_text(encoding="utf-8")
    rule_text = rule_text.replace("id: S004", "id: X001").replace("name: weasel-phrase", "name: synergy")
    rule.write_text(rule_text.replace('"various": "the ones you mean"', '"synergy": "the result you mean"'),
                    encoding="utf-8")
    (tmp_path / ".smartlint.toml").write_text('rule-dirs = ["style"]\n', encoding="utf-8")
    (tmp_path / "goals.txt").write_text("Create synergy across teams by June 30, 2026\n", encoding="utf-8")
    first = run_check("goals.txt", cwd=tmp_path)
    assert "X001 (info) 'synergy' says little: use the result you mean." in first.stdout, first.stdout

    rule.write_text(rule.read_text(encoding="utf-8").replace("the result you mean", "the outcome you can count"),
                    encoding="utf-8")
    second = run_check("goals.txt", cwd=tmp_path)
    assert "X001 (info) 'synergy' says little: use the outcome you can count." in second.stdout, second.stdout
    same_run(run_check("goals.txt", "--no-cache", cwd=tmp_path), second)


def test_selection_and_levels_from_the_configuration_apply_to_cached_reports(project):
    config = project / ".smartlint.toml"
    run_check(".", cwd=project)
    written = snapshot(project / CACHE_FOLDER)
    for text in ('select = ["T"]\n', 'ignore = ["S", "A"]\nlevels = { M001 = "info", T001 = "info" }\n',
                 'select = ["P"]\nlevels = { P007 = "error" }\nper-file-ignores = { "okrs.md" = ["P"] }\n'):
        config.write_text(text, encoding="utf-8")
        for fmt in ("text", "sarif"):
            warm = run_check(".", "--format", fmt, cwd=project)
            same_run(run_check(".", "--format", fmt, "--no-cache", cwd=project), warm)
    assert snapshot(project / CACHE_FOLDER) == written  # levels and selection: nothing rescored


def test_no_cache_creates_no_folder(tmp_path):
    (tmp_path / "goals.txt").write_text(FIVE_GOALS[0] + "\n", encoding="utf-8")
    result = run_check("goals.txt", "--no-cache", cwd=tmp_path)
    assert result.returncode in (0, 1)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["goals.txt"]


def test_the_cache_folder_is_ignored_by_git_and_tagged(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "goals.txt").write_text(FIVE_GOALS[0] + "\n", encoding="utf-8")
    run_check("goals.txt", cwd=tmp_path)
    cache = tmp_path / CACHE_FOLDER
    assert "*" in (cache / ".gitignore").read_text().splitlines()
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=tmp_path,
                            capture_output=True, text=True, check=True).stdout
    assert status.splitlines() == ["?? goals.txt"]


def test_cache_location_from_option_environment_and_configuration(tmp_path):
    project = tmp_path / "project"
    (project / "plans").mkdir(parents=True)
    (project / "pyproject.toml").write_text("[tool.smartlint]\nmin-score = 10\n", encoding="utf-8")
    (project / "plans" / "goals.txt").write_text(FIVE_GOALS[0] + "\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run_check(str(project / "plans" / "goals.txt"), cwd=elsewhere)
    assert context_files(project / CACHE_FOLDER) and not (elsewhere / CACHE_FOLDER).exists()

    run_check(str(project / "plans" / "goals.txt"), cwd=elsewhere,
              env={report_cache.ENV_CACHE_DIR: str(tmp_path / "from-env")})
    assert context_files(tmp_path / "from-env")
    run_check(str(project / "plans" / "goals.txt"), "--cache-dir", str(tmp_path / "from-option"), cwd=elsewhere,
              env={report_cache.ENV_CACHE_DIR: str(tmp_path / "from-env")})
    assert context_files(tmp_path / "from-option")


@pytest.mark.parametrize("damage", ["truncated", "not json", "other format", "bad entries", "a folder"])
def test_a_damaged_cache_is_ignored_and_rewritten(tmp_path, damage):
    (tmp_path / "goals.txt").write_text("\n".join(FIVE_GOALS) + "\n", encoding="utf-8")
    uncached = run_check("goals.txt", "--no-cache", cwd=tmp_path)
    run_check("goals.txt", cwd=tmp_path)
    (context,) = context_files(tmp_path / CACHE_FOLDER)
    data = context.read_bytes()
    if damage == "truncated":
        context.write_bytes(data[:len(data) // 2])
    elif damage == "not json":
        context.write_bytes(b"\x00\xff garbage")
    elif damage == "other format":
        context.write_text(json.dumps({"format": 999, "entries": {}}))
    elif damage == "bad entries":
        entries = entries_of(context)
        keys = list(entries)
        entries[keys[0]] = "nonsense"
        entries[keys[1]][2] = '{"text": "not the report"}'
        entries[keys[2]][2] = entries[keys[3]][2]  # another statement's report
        context.write_text(json.dumps({"format": report_cache.FORMAT, "entries": entries}))
    else:
        context.unlink()
        context.mkdir()
    damaged = run_check("goals.txt", cwd=tmp_path)
    if damage == "a folder":  # cannot be replaced: checked without the cache, with one warning
        assert (damaged.returncode, damaged.stdout) == (uncached.returncode, uncached.stdout)
        assert damaged.stderr.startswith("smartlint: warning: cannot write the cache")
        assert damaged.stderr.count("\n") == 1
        return
    same_run(uncached, damaged)
    assert len(entries_of(context)) == 5  # rewritten whole
    same_run(uncached, run_check("goals.txt", cwd=tmp_path))


def test_an_unwritable_cache_location_means_one_warning_and_the_same_results(tmp_path):
    (tmp_path / "goals.txt").write_text("\n".join(FIVE_GOALS) + "\n", encoding="utf-8")
    (tmp_path / "a-file").write_text("not a folder\n")
    uncached = run_check("goals.txt", "--no-cache", cwd=tmp_path)
    result = run_check("goals.txt", "--cache-dir", "a-file/cache", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (uncached.returncode, uncached.stdout)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("smartlint: warning: cannot write the cache")


def test_a_read_only_cache_still_serves_and_never_fails_the_run(tmp_path):
    plan = tmp_path / "goals.txt"
    plan.write_text("\n".join(FIVE_GOALS) + "\n", encoding="utf-8")
    run_check("goals.txt", cwd=tmp_path)
    cache = tmp_path / CACHE_FOLDER
    folders = [cache, cache / REPORTS_FOLDER]
    modes = {folder: folder.stat().st_mode for folder in folders}
    for folder in folders:
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        warm = run_check("goals.txt", cwd=tmp_path, probe=True)
        assert "spacy imported: False" in warm.stderr
        plan.write_text("\n".join([*FIVE_GOALS, "Sign 15 new clients a month"]) + "\n", encoding="utf-8")
        edited = run_check("goals.txt", cwd=tmp_path)
    finally:
        for folder, mode in modes.items():
            folder.chmod(mode)
    uncached = run_check("goals.txt", "--no-cache", cwd=tmp_path)
    assert (edited.returncode, edited.stdout) == (uncached.returncode, uncached.stdout)
    assert "Traceback" not in edited.stderr and edited.stderr.count("\n") <= 1  # root may write anyway


def test_concurrent_runs_leave_a_whole_cache(tmp_path):
    (tmp_path / "goals.txt").write_text("\n".join(FIVE_GOALS) + "\n", encoding="utf-8")
    (tmp_path / "more.txt").write_text("Sign 15 new clients a month\nLaunch the new website soon\n",
                                       encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if key != report_cache.ENV_CACHE_DIR}
    runs = [subprocess.Popen([sys.executable, "-m", "smartlint", "check", name, "--today", TODAY], cwd=tmp_path,
                             env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for name in ("goals.txt", "more.txt", "goals.txt")]
    for run in runs:
        run.communicate(timeout=600)
        assert run.returncode in (0, 1)
    texts = {f"goal:{text}" for text in [*FIVE_GOALS, "Sign 15 new clients a month", "Launch the new website soon"]}
    files = context_files(tmp_path / CACHE_FOLDER)
    assert files and all(set(entries_of(path)) <= texts for path in files)  # whole files, each of one run
    assert not list((tmp_path / CACHE_FOLDER / REPORTS_FOLDER).glob(".tmp-*"))
    same_run(run_check("goals.txt", "more.txt", "--no-cache", cwd=tmp_path),
             run_check("goals.txt", "more.txt", cwd=tmp_path))
    (path,) = context_files(tmp_path / CACHE_FOLDER)  # a run that wrote kept the newest file alone
    assert set(entries_of(path)) == texts


def _report(text: str) -> Report:
    return Report(text=text, reference_date=dt.date(2026, 1, 15), score=100, smart=True,
                  dimensions={d: DimensionScore(points=2) for d in DIMENSIONS})


def _context(day: int = 15) -> dict:
    return scoring_context(dt.date(2026, 1, day), 1, False, "rules")


def _cached_run(folder: Path, context: dict, texts: list[str]) -> Path:
    """What check does with a cache: look the statements up, store those it had to score, save.
    Returns the context's file."""
    cache = ReportCache(folder)
    found = cache.lookup(context, [(text, "goal") for text in texts])
    for text in texts:
        if (text, "goal") not in found:
            cache.store(context, text, "goal", _report(text))
    assert cache.save() is None
    (path,) = (folder / REPORTS_FOLDER).glob(f"{report_cache.context_name(context)}-*.json")
    return path


def test_the_cache_keeps_this_runs_entries_and_the_most_recent_others_up_to_the_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(report_cache, "MAX_ENTRIES", 5)
    for run in range(4):  # runs of 3 statements each: 0-2, 3-5, 6-8, 9-11
        path = _cached_run(tmp_path, _context(), [f"goal {run * 3 + n}" for n in range(3)])
    kept = {int(key.split()[-1]) for key in entries_of(path)}
    # the last run's three, then two of those the run before used
    assert len(kept) == 5 and kept >= {9, 10, 11} and kept - {9, 10, 11} <= {6, 7, 8}

    found = ReportCache(tmp_path).lookup(_context(), [("goal 11", "goal"), ("goal 0", "goal")])
    assert found == {("goal 11", "goal"): _report("goal 11")}
    texts = [f"new {n}" for n in range(7)]  # a run of 7 new statements keeps all of its own, over the cap
    path = _cached_run(tmp_path, _context(), texts)
    assert path.name.endswith("-7.json") and sorted(entries_of(path)) == [f"goal:{text}" for text in texts]


def test_the_least_recently_used_contexts_are_dropped_beyond_the_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(report_cache, "MAX_ENTRIES", 3)
    for day in range(1, 6):
        written = _cached_run(tmp_path, _context(day), ["goal"])
        os.utime(written, (day * 1000, day * 1000))  # file times, in the order of the runs
    days = sorted(json.loads(path.read_text())["context"]["today"] for path in context_files(tmp_path))
    assert days == ["2026-01-03", "2026-01-04", "2026-01-05"]


@pytest.mark.parametrize(("cap", "kept_days"), [(5, [1, 2]), (4, [2])])
def test_another_context_is_kept_only_while_its_entries_fit_under_the_cap(tmp_path, monkeypatch, cap, kept_days):
    monkeypatch.setattr(report_cache, "MAX_ENTRIES", cap)
    _cached_run(tmp_path, _context(1), [f"goal {n}" for n in range(3)])
    _cached_run(tmp_path, _context(2), [f"goal {n}" for n in range(2)])
    days = sorted(int(json.loads(path.read_text())["context"]["today"][-2:]) for path in context_files(tmp_path))
    assert days == kept_days


def test_a_context_the_run_only_read_is_kept_whatever_the_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(report_cache, "MAX_ENTRIES", 3)
    _cached_run(tmp_path, _context(1), ["goal 1", "goal 2"])
    cache = ReportCache(tmp_path)  # one run: day 1 all from the cache, day 2 all new and over the cap
    assert len(cache.lookup(_context(1), [("goal 1", "goal"), ("goal 2", "goal")])) == 2
    for n in range(4):
        cache.store(_context(2), f"goal {n}", "goal", _report(f"goal {n}"))
    assert cache.save() is None
    days = sorted(json.loads(path.read_text())["context"]["today"] for path in context_files(tmp_path))
    assert days == ["2026-01-01", "2026-01-02"]
