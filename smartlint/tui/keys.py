"""The keys of the interactive coach, in one table for the help screen and the README."""
from __future__ import annotations

KEYS: tuple[tuple[str, str, str], ...] = (
    # (key, where, what it does)
    ("ctrl+q", "anywhere", "quit (asks first if a plan goal has unsaved changes); the goal is printed and copied"),
    ("f1 / ?", "anywhere", "this help (? types itself in the goal and answer boxes)"),
    ("ctrl+t", "anywhere", "switch between the light and the dark theme"),
    ("tab / shift+tab", "anywhere", "move between the goal, findings, questions, answer and suggestions"),
    ("ctrl+z / ctrl+y", "editor", "undo / redo a version of the goal"),
    ("enter", "questions", "answer the highlighted question (moves to the answer box)"),
    ("enter", "answer box", "fold the answer into the goal and re-score it"),
    ("enter / ctrl+r", "suggestions / editor", "accept the highlighted suggestion"),
    ("ctrl+s", "plan goal", "save the goal back into the plan file (shows the diff first)"),
    ("ctrl+l", "editor", "milestones for the goal: edit the dated checkpoints, write a YAML plan"),
    ("ctrl+s", "milestones", "write the plan to the typed path (never overwrites a file)"),
    ("escape", "plan goal", "back to the plan's goal list (asks first if unsaved)"),
    ("enter", "plan list", "open the highlighted goal"),
    ("y / n", "dialogs", "confirm / cancel"),
)
