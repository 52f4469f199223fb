"""Importing the translation core stays cheap: no ctranslate2, argostranslate or Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def test_heavy_modules_load_only_when_used() -> None:
    code = (
        "import sys\n"
        "import reader.translation.models, reader.translation.service\n"
        "import reader.translation.download, reader.translation.cache, reader.cli_translate\n"
        "heavy = ('ctranslate2', 'argostranslate', 'sentencepiece', 'PySide6', 'spacy')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
