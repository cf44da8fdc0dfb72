"""The smartlint command line. Subcommands live in smartlint.commands.<name> and are imported only
when chosen, so `smartlint --help` and `smartlint rules` never pay for spaCy or Textual."""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from smartlint import __version__
from smartlint.errors import SmartlintError

# name -> one-line help; each module smartlint.commands.<name> has add_arguments(parser) and run(args) -> int
COMMANDS: dict[str, str] = {
    "score": "score a goal statement (or a JSONL batch) against the SMART rubric",
    "extract": "show the quantities, dates, owners and platforms found in a text",
    "check": "check plan files (.md .txt .yaml .json .toml) like a linter",
    "coach": "ask the questions that make a goal SMART, one at a time",
    "rules": "list the rules, or explain one",
    "eval": "measure agreement with a labelled corpus",
    "tui": "refine goals interactively in the terminal",
    "plan": "write a YAML plan scaffold for a goal (plan new \"GOAL\")",
}


def build_parser(chosen: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smartlint",
        description="Lint and coach goals: Specific, Measurable, Achievable, Relevant, Time-bound.",
    )
    parser.add_argument("--version", action="version", version=f"smartlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Only the chosen command's parser is built: the others serve the top-level help and the
    # "invalid choice" message, which a run of a chosen command never shows.
    for name in [chosen] if chosen else COMMANDS:
        help_text = COMMANDS[name]
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            _command_module(name).add_arguments(command_parser)
    return parser


def _command_module(name: str):
    return importlib.import_module(f"smartlint.commands.{name}")


def _chosen_command(argv: list[str]) -> str | None:
    for arg in argv:
        if arg in COMMANDS:
            return arg
        if not arg.startswith("-") or arg in ("-h", "--help"):  # the top-level help lists every command
            return None
    return None


def main(argv: list[str] | None = None) -> int:
    # pydantic scans every installed distribution's entry points for validation plugins when it
    # builds its first schema (about 2.5% of `smartlint rules`); the command line has no use for
    # them. A value the user sets explicitly still wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    argv = sys.argv[1:] if argv is None else argv
    chosen = _chosen_command(argv)
    parser = build_parser(chosen)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return _command_module(args.command).run(args)
    except SmartlintError as error:
        print(f"smartlint: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("smartlint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # noqa: BLE001 - a bug must still reach the user as one line, exit 2
        print(f"smartlint: internal error: {type(error).__name__}: {error} "
              "(please report it with the input that caused it)", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
