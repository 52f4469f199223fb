"""A built wheel carries the whole core, the UI, the resources and the bundled articles, and
the installed code finds its data without the repository next to it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_wheel_finds_resources_and_articles_without_the_repository(tmp_path: Path) -> None:
    # Build from a copy, so setuptools' build/ folder never lands in the checkout.
    source = tmp_path / "src"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".venv", ".cache", ".git", "build", "*.egg-info", "__pycache__", ".*_cache", "docs"))
    uv = Path(sys.executable).parent / "uv"
    out = subprocess.run([str(uv), "build", "--wheel", "--out-dir", str(tmp_path / "dist"),
                          str(source)], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("reader/analysis/__init__.py", "reader/translation/engine.py",
                   "ui/app.py", "reader_resources/themes.json",
                   "reader_resources/calques.json"):
        assert needed in names, needed
    assert sum(n.startswith("reader_articles/") and n.endswith(".txt") for n in names) >= 2
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("import reader.paths as p, reader.corpus as c, reader.analysis.lexicon as lx;"
            "print(p.RESOURCES); print(p.BUNDLED_ARTICLES);"
            "print(len(c.read_bundled())); lx.load_lexicon()")
    # Run from elsewhere with the wheel's files first on the path: the checkout is not used.
    ran = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120, env={"PYTHONPATH": str(site),
                                                      "PATH": "/usr/bin:/bin"})
    assert ran.returncode == 0, ran.stderr
    resources, articles, count = ran.stdout.split()
    assert Path(resources).is_relative_to(site) and Path(articles).is_relative_to(site)
    assert int(count) >= 2
