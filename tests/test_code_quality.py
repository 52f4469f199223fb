"""House rules that tools can check: ruff on the whole tree, strict typing of the core,
mypy on the UI too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=300)


def test_ruff_is_clean() -> None:
    out = _run("ruff", "check", "reader", "ui", "tests", "bench", "docs")
    assert out.returncode == 0, out.stdout + out.stderr


def test_core_is_strictly_typed_and_the_ui_type_checks() -> None:
    # reader.* has disallow_untyped_defs (pyproject); ui/ is checked with the default rules.
    out = _run("mypy", "reader", "ui")
    assert out.returncode == 0, out.stdout + out.stderr
