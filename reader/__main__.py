"""Command-line tool: ``python -m reader <command>``.

Each command lives in its own ``reader/cli_*.py`` module that registers an argparse
sub-command; this module only assembles them and sets the shared ``--data-dir`` flag.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence

COMMAND_MODULES = ("reader.cli_library", "reader.cli_translate", "reader.cli_analyze",
                   "reader.cli_export", "reader.cli_worksheet", "reader.cli_pack",
                   "reader.cli_compare", "reader.cli_model")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every available sub-command."""
    parser = argparse.ArgumentParser(
        prog="python -m reader", description="Bilingual annotated reader (headless tools)."
    )
    parser.add_argument("--data-dir", help="data directory (default: the user-data directory, "
                        "or $READER_DATA_DIR)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; returns the process exit code."""
    from reader.storage import StorageError

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except StorageError as exc:
        # An unusable library (damaged, a folder, newer, full disk): one line, no traceback.
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
