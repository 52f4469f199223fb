"""The colour themes, read from ``resources/themes.json`` without Qt.

One source for every colour the reader draws: the window paints with these through
:mod:`ui.theme`, and the PDF exporter uses the light theme's entity and tidy-up colours.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from reader.paths import RESOURCES

DEFAULT_THEME = "light"


@cache
def _themes() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads(
        (RESOURCES / "themes.json").read_text(encoding="utf-8"))
    return data


def theme_names() -> list[str]:
    """The names of the themes, the default first."""
    names = list(_themes())
    return sorted(names, key=lambda n: (n != DEFAULT_THEME, n))


def resolve_theme(name: str) -> tuple[str, dict[str, Any]]:
    """``(name, colours)`` of a theme; an unknown name gives the default theme."""
    themes = _themes()
    if name not in themes:
        name = DEFAULT_THEME
    return name, themes[name]
