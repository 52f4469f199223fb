"""Whether a model package will work, checked before it is installed or used.

A package that installs but cannot be read breaks translation for good, so each part is read
the way the app will read it later:

- ``metadata.json`` goes through argostranslate's own reader (``AvailablePackage``), the one
  ``Package`` and the package index use; a field of the wrong type (``"source_languages": "x"``)
  fails here with the field's name instead of in every later ``Package`` call.
- ``sentencepiece.model`` is loaded by SentencePiece.
- ``model/`` is loaded by CTranslate2, so a damaged or unsupported ``model.bin`` is refused
  with CTranslate2's reason.

Every failure is a :class:`~reader.translation.archive.ModelFileError` whose text names the
file and the reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.translation.archive import ModelFileError

# Fields argostranslate reads and the type it assumes (it appends to the lists).
_LIST_FIELDS = ("links", "languages", "dependencies", "source_languages", "target_languages",
                "from_codes", "to_codes")
_TEXT_FIELDS = ("code", "from_code", "to_code", "from_name", "to_name", "type",
                "target_prefix", "argos_version")


def metadata_problem(metadata: Any, where: str = "metadata.json") -> str | None:
    """Why argostranslate could not use this metadata (a phrase), or None if it can.

    ``where`` names the metadata in messages (a package's file, or an index entry).
    """
    if not isinstance(metadata, dict):
        return f"{where} is not a JSON object"
    for field in _LIST_FIELDS:
        if field in metadata and not isinstance(metadata[field], list):
            return f"“{field}” in {where} is a {type(metadata[field]).__name__}, not a list"
    for field in _TEXT_FIELDS:
        value = metadata.get(field)
        if value is not None and not isinstance(value, str):
            return f"“{field}” in {where} is a {type(value).__name__}, not text"
    version = metadata.get("package_version")
    if version is not None and not isinstance(version, str | int | float):
        return f"“package_version” in {where} is not a version number"
    links = metadata.get("links") or []
    if any(not isinstance(link, str) for link in links):
        return f"“links” in {where} holds something other than addresses"
    if not metadata.get("from_code") or not metadata.get("to_code"):
        return f"{where} does not name its language pair (from_code, to_code)"
    from reader.translation.models import argos_package_module

    argos = argos_package_module()
    try:
        package = argos.AvailablePackage(metadata)
        argos.argospm_package_name(package)
    except Exception as exc:  # noqa: BLE001 - whatever argostranslate trips on is the reason
        return f"argostranslate cannot read {where} ({type(exc).__name__}: {exc})"
    return None


def check_metadata(metadata: Any, where: str) -> None:
    """Raise :class:`ModelFileError` unless argostranslate can read this metadata."""
    problem = metadata_problem(metadata)
    if problem:
        raise ModelFileError(f"{where} is not a usable model: {problem}.")


def check_tokenizer(sp_path: Path, where: str) -> None:
    """Raise unless SentencePiece loads the tokenizer."""
    import sentencepiece

    try:
        sentencepiece.SentencePieceProcessor(model_file=str(sp_path))
    except (RuntimeError, OSError) as exc:
        raise ModelFileError(f"{where} has a damaged SentencePiece tokenizer ({exc}).") from exc


def check_translator(model_dir: Path, where: str) -> None:
    """Raise unless CTranslate2 loads the model (then unload it again)."""
    import ctranslate2

    try:
        translator = ctranslate2.Translator(str(model_dir), device="cpu", compute_type="int8",
                                            inter_threads=1, intra_threads=1)
    except Exception as exc:  # noqa: BLE001 - CTranslate2 raises RuntimeError, ValueError…
        reason = str(exc).strip() or type(exc).__name__
        raise ModelFileError(
            f"{where} is not a usable model: CTranslate2 cannot load its model.bin ({reason})."
        ) from exc
    translator.unload_model()
    del translator


def check_installed_folder(path: Path, where: str) -> None:
    """Every check above on an unpacked package folder."""
    import json

    try:
        metadata = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelFileError(f"{where} has an unreadable metadata.json ({exc}).") from exc
    check_metadata(metadata, where)
    check_tokenizer(path / "sentencepiece.model", where)
    check_translator(path / "model", where)
