"""Variants of the real zh→en test package with one thing broken, for hostile-input tests."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path


def repack(folder: Path, out: Path, meta: dict | None = None, model_bin: bytes | None = None,
           name: str | None = None) -> Path:
    """Zip an installed package folder again, with some metadata or model.bin replaced."""
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    metadata.update(meta or {})
    top = name or folder.name
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder).as_posix()
            if path.is_dir() or rel == "reader-origin.json":
                continue
            if rel == "metadata.json":
                zf.writestr(f"{top}/{rel}", json.dumps(metadata))
            elif rel == "model/model.bin" and model_bin is not None:
                zf.writestr(f"{top}/{rel}", model_bin)
            else:
                zf.write(path, f"{top}/{rel}")
    return out


def plant(folder: Path, models: Path, name: str, meta: dict | None = None,
          model_bin: bytes | None = None) -> Path:
    """Copy a package folder straight into the models folder (an install from an older
    version, or by hand), with something broken."""
    target = models / name
    shutil.copytree(folder, target)
    if meta:
        data = json.loads((target / "metadata.json").read_text(encoding="utf-8"))
        data.update(meta)
        (target / "metadata.json").write_text(json.dumps(data), encoding="utf-8")
    if model_bin is not None:
        (target / "model" / "model.bin").write_bytes(model_bin)
    return target


