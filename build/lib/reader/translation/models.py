"""Installed translation model packages: list them, pick French→English, install from a file.

Packages live in :func:`reader.paths.models_dir` (``$READER_DATA_DIR/models``), never in the
user's global Argos folder. argostranslate reads its package folder from ``ARGOS_PACKAGES_DIR``
once, when it is first imported, so :func:`argos_package_module` points that variable at our
folder before the first import; every call below also passes our folder explicitly. Importing
``argostranslate.package`` makes no network request.

Each installed package is a folder named ``<code>-<version>`` (``translate-fr_en-1_9``) with an
extra ``reader-origin.json`` that records where it came from.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from reader.paths import models_dir as default_models_dir
from reader.translation.archive import ModelFileError, extract_package, inspect_archive

ORIGIN_FILE = "reader-origin.json"
LANGUAGE_NAMES = {"fr": "French", "en": "English", "zh": "Chinese", "de": "German",
                  "es": "Spanish", "it": "Italian"}

__all__ = [
    "ModelFileError", "ModelInfo", "installed_models", "read_model", "find_model",
    "install_from_file", "download_model", "ModelDownloadError", "DownloadCancelled",
    "uninstall",
]


@dataclass(frozen=True)
class ModelInfo:
    """An installed translation package."""

    code: str  # e.g. "translate-fr_en"
    from_code: str
    to_code: str
    version: str
    path: Path
    size_bytes: int
    origin: str  # "installed from file X" / "downloaded from <index>"

    @property
    def id(self) -> str:
        """Package code and version, e.g. ``translate-fr_en@1.9``; part of every cache key."""
        return f"{self.code}@{self.version}"

    @property
    def pair_name(self) -> str:
        """``French → English``."""
        return f"{language_name(self.from_code)} → {language_name(self.to_code)}"


def language_name(code: str) -> str:
    """A readable language name for an ISO code (the code itself when unknown)."""
    return LANGUAGE_NAMES.get(code, code)


def argos_package_module(folder: Path | None = None) -> ModuleType:
    """``argostranslate.package``, imported so that its default folder is ours, not global."""
    os.environ.setdefault("ARGOS_PACKAGES_DIR", str(folder or default_models_dir()))
    import argostranslate.package

    return argostranslate.package


def _folder(models_dir: Path | None) -> Path:
    return Path(models_dir) if models_dir is not None else default_models_dir()


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _version_key(version: str) -> Any:
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)


def package_code(metadata: dict[str, Any]) -> str:
    """argospm's name for a package: ``metadata["code"]`` or ``<type>-<from>_<to>``."""
    code = metadata.get("code")
    if code:
        return str(code)
    return f"{metadata.get('type', 'translate')}-{metadata['from_code']}_{metadata['to_code']}"


def read_model(path: Path) -> ModelInfo | None:
    """The package installed in ``path``, or None if it is not a usable translation package."""
    path = Path(path)
    argos = argos_package_module(path.parent)
    try:
        pkg = argos.Package(path)
    except (OSError, ValueError):
        return None
    if getattr(pkg, "type", "translate") != "translate" or not pkg.from_code or not pkg.to_code:
        return None
    if not (path / "model" / "model.bin").is_file() or not (path / "sentencepiece.model").is_file():
        return None
    origin = "installed"
    try:
        origin = str(json.loads((path / ORIGIN_FILE).read_text(encoding="utf-8"))["origin"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    code = getattr(pkg, "code", None) or argos.argospm_package_name(pkg)
    return ModelInfo(code, pkg.from_code, pkg.to_code, pkg.package_version or "0", path,
                     _size(path), origin)


def installed_models(models_dir: Path | None = None) -> list[ModelInfo]:
    """Every usable package in the models folder (half-finished or foreign folders skipped)."""
    folder = _folder(models_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.is_dir() and not path.name.startswith(".") and (path / "metadata.json").is_file():
            info = read_model(path)
            if info is not None:
                found.append(info)
    return found


def find_model(
    from_code: str = "fr", to_code: str = "en", models_dir: Path | None = None
) -> ModelInfo | None:
    """The newest installed package for the pair, or None."""
    matches = [m for m in installed_models(models_dir)
               if m.from_code == from_code and m.to_code == to_code]
    return max(matches, key=lambda m: _version_key(m.version), default=None)


def install_from_file(
    path: Path,
    models_dir: Path | None = None,
    expected_pair: tuple[str, str] | None = ("fr", "en"),
    origin: str | None = None,
) -> ModelInfo:
    """Validate a ``.argosmodel`` file, then install it; a bad file changes nothing.

    ``expected_pair=None`` accepts any language pair. A package with the same code and version
    is replaced in one rename, so a reader never sees a half-installed model.
    """
    path = Path(path)
    contents = inspect_archive(path)
    meta = contents.metadata
    pair = (str(meta["from_code"]), str(meta["to_code"]))
    if expected_pair is not None and pair != tuple(expected_pair):
        raise ModelFileError(
            f"The file '{path.name}' translates {language_name(pair[0])} → "
            f"{language_name(pair[1])} ({pair[0]}→{pair[1]}), but the reader needs "
            f"{language_name(expected_pair[0])} → {language_name(expected_pair[1])}."
        )
    code = package_code(meta)
    version = str(meta.get("package_version") or "0")
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in f"{code}-{version}")
    folder = _folder(models_dir)
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=folder))
    try:
        unpacked = staging / name
        extract_package(path, contents, unpacked)
        _check_tokenizer(unpacked / "sentencepiece.model", path.name)
        (unpacked / ORIGIN_FILE).write_text(
            json.dumps({"origin": origin or f"installed from file {path.name}"}), encoding="utf-8"
        )
        final = folder / name
        previous = staging / "previous"
        if final.exists():
            final.rename(previous)
        try:
            unpacked.rename(final)
        except OSError:
            if previous.exists():
                previous.rename(final)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    from reader.translation.engine import forget_engine

    forget_engine(final)
    info = read_model(final)
    if info is None:  # pragma: no cover - inspect_archive checked every part
        shutil.rmtree(final, ignore_errors=True)
        raise ModelFileError(f"The file '{path.name}' is not a usable translation model.")
    return info


def _check_tokenizer(sp_path: Path, name: str) -> None:
    import sentencepiece

    try:
        sentencepiece.SentencePieceProcessor(model_file=str(sp_path))
    except (RuntimeError, OSError) as exc:
        raise ModelFileError(
            f"The file '{name}' has a damaged SentencePiece tokenizer ({exc})."
        ) from exc


def uninstall(model: ModelInfo) -> None:
    """Remove an installed package folder."""
    from reader.translation.engine import forget_engine

    forget_engine(model.path)
    shutil.rmtree(model.path)


class ModelDownloadError(Exception):
    """A download failed; the message is meant for the user."""


class DownloadCancelled(Exception):
    """The user cancelled a download; nothing was installed."""


def download_model(
    index_url: str | None = None,
    from_code: str = "fr",
    to_code: str = "en",
    models_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ModelInfo:
    """Download the pair's package through the Argos index and install it (see ``download``)."""
    from reader.translation.download import download_package

    return download_package(index_url, from_code, to_code, _folder(models_dir), progress,
                            is_cancelled)
