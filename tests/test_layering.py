"""Architecture rules: the core never loads Qt, and every module says what it is for."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_importing_reader_loads_no_qt() -> None:
    modules = sorted(
        "reader." + ".".join(p.relative_to(REPO / "reader").with_suffix("").parts)
        for p in (REPO / "reader").rglob("*.py") if p.name not in ("__init__.py", "__main__.py")
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt'))]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert len(modules) >= 8


def test_every_module_has_a_docstring() -> None:
    missing = []
    for folder in ("reader", "ui"):
        for path in (REPO / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            if not ast.get_docstring(tree):
                missing.append(str(path.relative_to(REPO)))
    assert missing == []
