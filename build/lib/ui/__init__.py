"""The PySide6 desktop app of the bilingual reader: windows, panels and background tasks."""
