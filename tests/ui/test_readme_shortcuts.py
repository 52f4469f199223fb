"""The README's shortcut table lists exactly the shortcuts the window defines.

Like a project that tests its docs against its code: adding, changing or dropping a shortcut
without updating the table (or the other way round) fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QKeySequence

from ui.shortcuts import bound_shortcuts

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_shortcuts() -> dict[str, str]:
    """Portable key text → the row's description, from the first column of the table."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Keyboard shortcuts", 1)[1].split("\n## ", 1)[0]
    found: dict[str, str] = {}
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        keys, description = line.strip("|").split("|", 1)
        for key in re.findall(r"`([^`]+)`", keys):
            portable = QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)
            assert portable, f"README key {key!r} is not a key sequence"
            found[portable] = description.strip()
    return found


def test_readme_table_matches_the_windows_shortcuts(app_window) -> None:
    documented = readme_shortcuts()
    bound = bound_shortcuts(app_window)
    print("documented:", sorted(documented))
    print("bound:", sorted(bound))
    assert len(documented) >= 20
    missing = sorted(set(bound) - set(documented))
    stale = sorted(set(documented) - set(bound))
    assert not missing, f"shortcuts the README does not list: {missing}"
    assert not stale, f"README shortcuts no action defines: {stale}"


def test_each_documented_key_names_its_action(app_window) -> None:
    bound = bound_shortcuts(app_window)
    for key, description in readme_shortcuts().items():
        action = bound[key]
        words = set(re.findall(r"[a-z]{4,}", action.text().replace("&", "").lower()))
        print(f"{key}: {action.text()!r} ↔ {description!r}")
        assert words & set(re.findall(r"[a-z]{4,}", description.lower())) or \
            key in ("Ctrl+Shift+D", "Ctrl+=", "Ctrl++"), (key, action.text(), description)
