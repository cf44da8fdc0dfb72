"""Inline suppressions: ranges, single lines, and suppressions that suppress nothing."""
from __future__ import annotations

from smartlint.suppressions import Suppressions

KNOWN = ["M001", "S001", "T001", "T002"]


def test_markdown_range_and_line():
    source = "\n".join([
        "- goal one",  # 1
        "<!-- smartlint: disable=M001,T001 -->",  # 2
        "- goal two",  # 3
        "<!-- smartlint: enable=M001 -->",  # 4
        "- goal three <!-- smartlint: ignore[S001] -->",  # 5
    ])
    s = Suppressions(source, "html")
    assert not s.suppresses("M001", 1)
    assert s.suppresses("M001", 3) and s.suppresses("T001", 3)
    assert not s.suppresses("M001", 5)
    assert s.suppresses("T001", 5)  # T001 was never enabled again
    assert s.suppresses("S001", 5) and not s.suppresses("S001", 3)
    assert s.unused(KNOWN) == []


def test_ignore_applies_to_every_line_of_its_statement():
    source = "Grow leads  # smartlint: ignore[T001]\n  so that sales grow\n"
    s = Suppressions(source, "hash")
    assert s.suppresses("T001", 2, first_line=1, last_line=2)
    assert not s.suppresses("M001", 1)


def test_bare_ignore_means_every_rule_on_that_line():
    s = Suppressions("x: 1  # smartlint: ignore\n", "hash")
    assert s.suppresses("M001", 1) and s.suppresses("T002", 1) and not s.suppresses("M001", 2)


def test_unused_unknown_and_unreadable_directives_are_reported():
    source = "\n".join([
        "a  # smartlint: ignore[M001]",
        "b  # smartlint: ignore[T0001]",
        "c  # smartlint: disabel=M001",
        "# smartlint: enable=S001",
        "d  # smartlint: ignore[T002]",
    ])
    s = Suppressions(source, "hash")
    assert s.suppresses("T002", 5)
    messages = {(u.line, u.message) for u in s.unused(KNOWN)}
    assert (1, "unused suppression: ignore M001 suppresses nothing") in messages
    assert any(line == 2 and "unknown rule 'T0001'" in m and "did you mean 'T001'" in m for line, m in messages)
    assert any(line == 3 and "cannot read suppression" in m for line, m in messages)
    assert any(line == 4 and "no earlier disable" in m for line, m in messages)
    assert not any(line == 5 for line, _ in messages)


def test_rules_not_enabled_are_not_called_unused():
    s = Suppressions("a  # smartlint: ignore[M001]\n", "hash")
    assert s.unused(KNOWN, enabled_ids=["T001"]) == []


def test_comment_styles_do_not_mix_and_json_has_none():
    assert Suppressions("- a <!-- smartlint: ignore -->", "hash").directives == []
    assert Suppressions("# smartlint: ignore", "html").directives == []
    assert Suppressions('{"a": "# smartlint: ignore"}', "none").directives == []
