"""Checking and unpacking ``.argosmodel`` files before anything is installed.

An Argos package is a zip of one folder holding ``metadata.json``, a CTranslate2 model in
``model/`` and a ``sentencepiece.model``. argostranslate's own ``install_from_path`` runs
``extractall`` straight into the live package folder, so a bad or truncated file leaves a
half-installed package behind and an entry such as ``../x`` can write outside it. Here the whole
archive is checked first (:func:`inspect_archive`), then unpacked into a staging folder with a
byte budget (:func:`extract_package`); :mod:`reader.translation.models` moves the result into
place with one rename.
"""

from __future__ import annotations

import json
import shutil
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

# The fr→en package is about 90 MB unpacked; the largest Argos packages stay well under 1 GB.
MAX_UNCOMPRESSED_BYTES = 1_500_000_000
MAX_ENTRIES = 2_000
CHUNK = 1 << 20


class ModelFileError(Exception):
    """A model package file cannot be installed; the message is meant for the user."""


@dataclass(frozen=True)
class ArchiveContents:
    """What a validated package archive holds."""

    prefix: str  # folder inside the zip that holds metadata.json ("" for the zip root)
    metadata: dict[str, Any]
    uncompressed_bytes: int


def _member_path(name: str, where: str, folder: str = "the model folder") -> PurePosixPath:
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        raise ModelFileError(
            f"{where} is unsafe: its entry '{name}' would be written outside {folder}."
        )
    return path


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def check_members(zf: zipfile.ZipFile, where: str, max_bytes: int,
                  what: str = "a translation model", folder: str = "the model folder",
                  max_entries: int = MAX_ENTRIES) -> tuple[set[str], int]:
    """The safe-zip checks every archive the reader opens goes through (model packages,
    lesson packs): a bounded number of entries, no entry escaping ``folder`` (absolute,
    ``..``, drive letters), no symbolic links, and a bounded total unpacked size (zip bombs).
    Returns the file names and their declared total size; raises :class:`ModelFileError`.
    """
    infos = zf.infolist()
    if len(infos) > max_entries:
        raise ModelFileError(f"{where} has too many entries ({len(infos)}).")
    total = 0
    names: set[str] = set()
    for info in infos:
        member = _member_path(info.filename, where, folder)
        if _is_symlink(info):
            raise ModelFileError(f"{where} is unsafe: '{info.filename}' is a link.")
        total += info.file_size
        if not info.is_dir():
            names.add(member.as_posix())
    if total > max_bytes:
        raise ModelFileError(
            f"{where} would unpack to {total / 1e6:.0f} MB, more than the "
            f"{max_bytes / 1e6:.0f} MB {what} may take."
        )
    return names, total


def inspect_archive(path: Path, max_bytes: int | None = None,
                    display_name: str | None = None) -> ArchiveContents:
    """Check that ``path`` is a complete, safe Argos package; raise :class:`ModelFileError`.

    ``display_name`` is the name messages use (a download's own file name, not the
    temporary file it was saved to).
    """
    max_bytes = MAX_UNCOMPRESSED_BYTES if max_bytes is None else max_bytes
    where = f"The file '{display_name or path.name}'"
    if path.is_dir():
        raise ModelFileError(f"'{path.name}' is a folder, not a .argosmodel file.")
    if not path.exists():
        raise ModelFileError(f"{where} does not exist.")
    if not path.is_file():
        raise ModelFileError(f"{where} is not a regular file (a device or a pipe?).")
    if not zipfile.is_zipfile(path):
        raise ModelFileError(f"{where} is not a translation model: it is not a zip archive.")
    try:
        with zipfile.ZipFile(path) as zf:
            names, total = check_members(zf, where, max_bytes)
            metas = sorted((n for n in names if PurePosixPath(n).name == "metadata.json"),
                           key=lambda n: n.count("/"))
            if not metas or metas[0].count("/") > 1:
                raise ModelFileError(f"{where} is not an Argos model: it has no metadata.json.")
            prefix = metas[0][: -len("metadata.json")]
            if any(not n.startswith(prefix) for n in names):
                raise ModelFileError(f"{where} holds files outside its model folder.")
            try:
                metadata = json.loads(zf.read(metas[0]).decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as exc:
                raise ModelFileError(f"{where} has an unreadable metadata.json ({exc}).") from exc
            from reader.translation.validation import check_metadata

            check_metadata(metadata, where)
            if prefix + "model/model.bin" not in names:
                raise ModelFileError(
                    f"{where} is not a usable model: it has no CTranslate2 model (model/model.bin)."
                )
            if prefix + "sentencepiece.model" not in names:
                raise ModelFileError(
                    f"{where} is not a usable model: it has no SentencePiece tokenizer "
                    "(sentencepiece.model)."
                )
            return ArchiveContents(prefix, metadata, total)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ModelFileError(f"{where} is damaged or incomplete ({exc}).") from exc


def extract_package(path: Path, contents: ArchiveContents, target: Path) -> None:
    """Unpack the package folder of a checked archive into the new folder ``target``.

    Bytes are counted while unpacking, so a zip whose headers understate its sizes cannot fill
    the disk. On any error ``target`` is removed again.
    """
    budget = contents.uncompressed_bytes
    target.mkdir(parents=True)
    try:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                rel = _member_path(info.filename, path.name).as_posix()
                if not rel.startswith(contents.prefix) or rel == contents.prefix.rstrip("/"):
                    continue
                rel = rel[len(contents.prefix):]
                if not rel:
                    continue
                dest = target.joinpath(*PurePosixPath(rel).parts)
                if info.is_dir():
                    dest.mkdir(parents=True, exist_ok=True)
                    continue
                dest.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, open(dest, "wb") as out:
                    while block := src.read(CHUNK):
                        budget -= len(block)
                        if budget < 0:
                            raise ModelFileError(
                                f"The file '{path.name}' unpacks to more than it declares."
                            )
                        out.write(block)
    except (zipfile.BadZipFile, EOFError) as exc:
        shutil.rmtree(target, ignore_errors=True)
        raise ModelFileError(f"The file '{path.name}' is damaged or incomplete ({exc}).") from exc
    except OSError as exc:
        shutil.rmtree(target, ignore_errors=True)
        raise ModelFileError(
            f"Could not unpack '{path.name}' into {target.parent.parent}: {exc.strerror or exc}. "
            "Check that the disk has space and the folder is writable."
        ) from exc
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
