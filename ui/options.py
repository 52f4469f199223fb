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
    """One preference: key, Python type, default and what it does."""

    key: str
    type: type
    default: Any
    doc: str


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("theme", str, "light", "Colour theme: light or dark."),
        Option("zoom", int, 0, "Text size steps above (or below) the default size."),
        Option("show_english", bool, True, "Show the English column."),
        Option("show_tidyups_inline", bool, True, "Show tidy-ups inline, original struck out."),
        Option("hidden_entity_types", list, [], "Entity types whose highlight is off."),
        Option("last_article", str, "", "Article open when the app was last closed."),
        Option("geometry", bytes, b"", "Main window geometry."),
        Option("splitter", bytes, b"", "Sizes of the sidebar and reading panes."),
        Option("export_layers", list, ["entities", "highlights", "notes", "tidyups"],
               "Layers drawn in an exported PDF."),
        Option("export_paper", str, "a4", "Paper size of exported PDFs: a4 or letter."),
        Option("export_english_hidden", bool, False,
               "Export the French only (a class handout with the English hidden)."),
        Option("export_folder", str, "", "Folder of the last export."),
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
            return option.type(value)
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
