"""UI preferences, each declared once with its type and default, stored with QSettings.

Core settings that are not UI preferences live in the reader's database instead. The
preferences file sits in the reader's data directory, so a test or a user with
``--data-dir`` never touches another profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings


@dataclass(frozen=True)
class Option:
    """One preference: key, Python type, default, what it does and, for numbers, limits."""

    key: str
    type: type
    default: Any
    doc: str
    limits: tuple[int, int] | None = None


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("theme", str, "light", "Colour theme: light or dark."),
        # 12 pt text at zoom 0: below 10 pt (-2) the text gets hard to read on a projector
        # or a small laptop screen, so the smallest size stops there.
        Option("zoom", int, 0, "Text size steps above (or below) the default size.", (-2, 12)),
        Option("show_english", bool, True, "Show the English column."),
        Option("show_tidyups_inline", bool, True, "Show tidy-ups inline, original struck out."),
        Option("hidden_entity_types", list, [], "Entity types whose highlight is off."),
        Option("last_article", str, "", "Article open when the app was last closed."),
        Option("recent_articles", list, [], "Article ids, most recently opened first."),
        Option("library_order", str, "date", "Order of the library: date, title, words, recent."),
        Option("geometry", bytes, b"", "Main window geometry."),
        Option("export_layers", list, ["entities", "highlights", "notes", "tidyups"],
               "Layers drawn in an exported PDF."),
        Option("export_paper", str, "a4", "Paper size of exported PDFs: a4 or letter."),
        Option("export_english_hidden", bool, False,
               "Export the French only (a class handout with the English hidden)."),
        Option("export_folder", str, "", "Folder of the last export."),
        Option("library_width", int, 240, "Preferred width of the library panel, px.",
               (120, 1200)),
        Option("side_width", int, 340, "Preferred width of the reading-aid panels, px.",
               (160, 1200)),
        Option("show_library", bool, True, "Show the library panel (when there is room)."),
        Option("show_side_panels", bool, True,
               "Show the reading-aid panels (when there is room)."),
    )
}


class Preferences:
    """Typed access to the declared options, backed by an INI file."""

    def __init__(self, path: Path) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        value: Any = self._settings.value(key, option.default)
        if value is None:
            return option.default
        try:
            if option.type is bool and isinstance(value, str):
                return value.lower() in ("1", "true", "yes")
            if option.type is list:
                if isinstance(value, str):
                    return [value] if value else []
                return list(value)
            if option.type is bytes:
                return bytes(value) if isinstance(value, (bytes, bytearray, memoryview)) \
                    else option.default
            typed = option.type(value)
            if option.limits is not None:
                typed = max(option.limits[0], min(option.limits[1], typed))
            return typed
        except (TypeError, ValueError):
            return option.default

    def set(self, key: str, value: Any) -> None:
        option = OPTIONS[key]
        if not isinstance(value, option.type):
            raise TypeError(f"{key} expects {option.type.__name__}")
        self._settings.setValue(key, value)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._settings.sync()
