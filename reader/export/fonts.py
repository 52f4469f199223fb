"""The fonts the PDF is set in, embedded so accents, « » and ’ copy and paste everywhere.

DejaVu Sans (Debian ``fonts-dejavu-core``, installed by ``scripts/bootstrap.sh``) covers
French, the note and warning signs (✎ ⚠) and typographic punctuation. Where it is missing
(a plain wheel install), ReportLab's own Bitstream Vera, which DejaVu is derived from, is used
instead: same metrics for Latin text, fewer symbols.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEJAVU_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
DEJAVU = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
VERA = ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf")


@dataclass(frozen=True)
class FontSet:
    """Registered ReportLab font names for regular, bold and italic text."""

    family: str
    regular: str
    bold: str
    italic: str


def _vera_dir() -> Path:
    import reportlab

    return Path(reportlab.__file__).resolve().parent / "fonts"


def font_files(dejavu_dirs: tuple[Path, ...] | None = None) -> tuple[str, tuple[Path, ...]]:
    """``(family, regular/bold/italic files)``: DejaVu Sans if installed, else Vera."""
    for folder in DEJAVU_DIRS if dejavu_dirs is None else dejavu_dirs:
        files = tuple(folder / name for name in DEJAVU)
        if all(f.is_file() for f in files):
            return "DejaVuSans", files
    return "Vera", tuple(_vera_dir() / name for name in VERA)


def register_fonts(dejavu_dirs: tuple[Path, ...] | None = None) -> FontSet:
    """Register the fonts with ReportLab (once per family) and return their names."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    family, files = font_files(dejavu_dirs)
    names = tuple(f"Reader{family}-{style}" for style in ("Regular", "Bold", "Italic"))
    known = set(pdfmetrics.getRegisteredFontNames())
    for name, path in zip(names, files, strict=True):
        if name not in known:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    return FontSet(family, *names)
