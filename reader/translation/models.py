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
    "uninstall", "BrokenPackage", "scan_models", "clean_leftovers", "pair_problem",
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


def pair_problem(model: ModelInfo, pair: tuple[str, str]) -> str | None:
    """Why ``model`` cannot serve ``pair`` (a sentence for the user), or None if it can."""
    if (model.from_code, model.to_code) == tuple(pair):
        return None
    return (f"the package in {model.path} translates {model.pair_name} "
            f"({model.from_code}→{model.to_code}); the reader needs "
            f"{language_name(pair[0])} → {language_name(pair[1])}.")


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


@dataclass(frozen=True)
class BrokenPackage:
    """A folder in the models folder that is not a usable package, and why."""

    path: Path
    reason: str


def read_model(path: Path) -> ModelInfo | None:
    """The package installed in ``path``, or None if it is not a usable translation package."""
    info = _read_model(Path(path))
    return info if isinstance(info, ModelInfo) else None


def _read_model(path: Path) -> ModelInfo | str:
    """The package in ``path``, or why it cannot be used (a phrase for the user)."""
    from reader.translation.validation import metadata_problem

    try:
        metadata = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return f"its metadata.json cannot be read ({exc})"
    problem = metadata_problem(metadata)
    if problem:
        return problem
    argos = argos_package_module(path.parent)
    try:
        pkg = argos.Package(path)
        code = getattr(pkg, "code", None) or argos.argospm_package_name(pkg)
    except Exception as exc:  # noqa: BLE001 - one broken package must not hide the others
        return f"argostranslate cannot read it ({type(exc).__name__}: {exc})"
    if getattr(pkg, "type", "translate") != "translate":
        return f"it is a “{pkg.type}” package, not a translation model"
    if not (path / "model" / "model.bin").is_file():
        return "it has no CTranslate2 model (model/model.bin)"
    if not (path / "sentencepiece.model").is_file():
        return "it has no SentencePiece tokenizer (sentencepiece.model)"
    origin = "installed"
    try:
        origin = str(json.loads((path / ORIGIN_FILE).read_text(encoding="utf-8"))["origin"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return ModelInfo(str(code), str(pkg.from_code), str(pkg.to_code),
                     str(pkg.package_version or "0"), path, _size(path), origin)


def scan_models(models_dir: Path | None = None) -> tuple[list[ModelInfo], list[BrokenPackage]]:
    """Every package folder: the usable ones, and the broken ones with their reason.

    Leftovers of a killed install or download are removed first (see
    :func:`clean_leftovers`); hidden folders are not packages.
    """
    folder = _folder(models_dir)
    if not folder.is_dir():
        return [], []
    clean_leftovers(folder)
    found, broken = [], []
    for path in sorted(folder.iterdir()):
        if path.is_dir() and not path.name.startswith("."):
            info = _read_model(path)
            if isinstance(info, ModelInfo):
                found.append(info)
            else:
                broken.append(BrokenPackage(path, info))
    return found, broken


def installed_models(models_dir: Path | None = None) -> list[ModelInfo]:
    """Every usable package in the models folder (broken or foreign folders skipped)."""
    return scan_models(models_dir)[0]


def find_model(
    from_code: str = "fr", to_code: str = "en", models_dir: Path | None = None
) -> ModelInfo | None:
    """The package the user chose for the pair, else the newest one, or None."""
    from reader.translation.choice import candidates

    found = candidates(installed_models(models_dir), (from_code, to_code), _folder(models_dir))
    return found[0] if found else None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def leftover_name(kind: str) -> str:
    """Prefix of a temporary file or folder in the models folder, tagged with our pid."""
    return f".{kind}-{os.getpid()}-"


def clean_leftovers(folder: Path) -> list[Path]:
    """Remove ``.installing-*`` folders and ``.download-*`` files of processes that are gone.

    Their names carry the pid of the process that made them; a name without one (an older
    version) is removed when it is over an hour old. Returns what was removed.
    """
    import time

    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for path in entries:
        if not path.name.startswith((".installing-", ".download-")):
            continue
        parts = path.name.split("-")
        if len(parts) > 2 and parts[1].isdigit():
            stale = not _pid_alive(int(parts[1]))
        else:
            try:
                stale = time.time() - path.lstat().st_mtime > 3600
            except OSError:
                continue
        if not stale:
            continue
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


def install_from_file(
    path: Path,
    models_dir: Path | None = None,
    expected_pair: tuple[str, str] | None = ("fr", "en"),
    origin: str | None = None,
    display_name: str | None = None,
) -> ModelInfo:
    """Validate a ``.argosmodel`` file, then install it; a bad file changes nothing.

    The metadata goes through argostranslate's reader and the model through CTranslate2 and
    SentencePiece before anything is moved into place (:mod:`reader.translation.validation`).
    ``expected_pair=None`` accepts any language pair. A package with the same code and version
    is replaced in one rename, so a reader never sees a half-installed model.
    """
    from reader.translation.validation import check_tokenizer, check_translator

    path = Path(path)
    name_shown = display_name or path.name
    where = f"The file '{name_shown}'"
    contents = inspect_archive(path, display_name=display_name)
    meta = contents.metadata
    pair = (str(meta["from_code"]), str(meta["to_code"]))
    if expected_pair is not None and pair != tuple(expected_pair):
        raise ModelFileError(
            f"{where} translates {language_name(pair[0])} → "
            f"{language_name(pair[1])} ({pair[0]}→{pair[1]}), but the reader needs "
            f"{language_name(expected_pair[0])} → {language_name(expected_pair[1])}."
        )
    code = package_code(meta)
    version = str(meta.get("package_version") or "0")
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in f"{code}-{version}")
    folder = _folder(models_dir)
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=leftover_name("installing"), dir=folder))
    try:
        unpacked = staging / name
        extract_package(path, contents, unpacked)
        check_tokenizer(unpacked / "sentencepiece.model", where)
        check_translator(unpacked / "model", where)
        (unpacked / ORIGIN_FILE).write_text(
            json.dumps({"origin": origin or f"installed from file {name_shown}"}),
            encoding="utf-8"
        )
        problem = _read_model(unpacked)
        if not isinstance(problem, ModelInfo):
            raise ModelFileError(f"{where} is not a usable model: {problem}.")
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
    except OSError as exc:
        from reader.storage import describe_error

        raise ModelFileError(
            f"Could not install {name_shown} into {folder}: {describe_error(exc)}.") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    from reader.translation.engine import forget_engine

    forget_engine(final)
    info = read_model(final)
    if info is None:  # pragma: no cover - checked in staging above
        shutil.rmtree(final, ignore_errors=True)
        raise ModelFileError(f"{where} is not a usable translation model.")
    return info


def uninstall(model: ModelInfo | BrokenPackage) -> None:
    """Remove an installed package folder (a broken one too)."""
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
