"""Validation of .argosmodel files: every bad file gives a clear error and changes nothing."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from reader.translation.archive import ModelFileError, inspect_archive
from reader.translation.models import install_from_file, installed_models

META = {"package_version": "1.9", "argos_version": "1.9.0", "from_code": "fr",
        "from_name": "French", "to_code": "en", "to_name": "English"}


def make_package(path: Path, entries: dict[str, bytes] | None = None,
                 meta: dict[str, str] | None = None, drop: tuple[str, ...] = ()) -> Path:
    files = {
        "translate-fr_en-1_9/metadata.json": json.dumps(meta or META).encode(),
        "translate-fr_en-1_9/model/model.bin": b"\0" * 64,
        "translate-fr_en-1_9/model/config.json": b"{}",
        "translate-fr_en-1_9/sentencepiece.model": b"not really a tokenizer",
    }
    files.update(entries or {})
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            if not any(name.endswith(d) for d in drop):
                zf.writestr(name, data)
    return path


def assert_nothing_installed(models: Path) -> None:
    assert installed_models(models) == []
    assert not models.exists() or list(models.iterdir()) == []


def check_rejected(file: Path, models: Path, *words: str) -> str:
    with pytest.raises(ModelFileError) as info:
        install_from_file(file, models)
    message = str(info.value)
    for word in words:
        assert word in message
    assert_nothing_installed(models)
    return message


def test_a_sound_archive_is_described(tmp_path: Path) -> None:
    contents = inspect_archive(make_package(tmp_path / "ok.argosmodel"))
    assert contents.prefix == "translate-fr_en-1_9/"
    assert contents.metadata["from_code"] == "fr"


def test_not_a_zip(tmp_path: Path) -> None:
    bad = tmp_path / "model.argosmodel"
    bad.write_bytes(b"<html>not found</html>")
    check_rejected(bad, tmp_path / "models", "not a zip archive", "model.argosmodel")


def test_missing_file(tmp_path: Path) -> None:
    check_rejected(tmp_path / "nowhere.argosmodel", tmp_path / "models", "does not exist")


def test_no_metadata(tmp_path: Path) -> None:
    file = make_package(tmp_path / "m.argosmodel", drop=("metadata.json",))
    check_rejected(file, tmp_path / "models", "metadata.json")


def test_unreadable_metadata(tmp_path: Path) -> None:
    file = make_package(tmp_path / "m.argosmodel",
                        {"translate-fr_en-1_9/metadata.json": b"{nope"})
    check_rejected(file, tmp_path / "models", "unreadable metadata.json")


def test_wrong_pair_is_named(tmp_path: Path) -> None:
    meta = dict(META, from_code="de", from_name="German")
    message = check_rejected(make_package(tmp_path / "m.argosmodel", meta=meta),
                             tmp_path / "models", "German → English", "French → English")
    assert "de→en" in message


def test_no_ctranslate2_model(tmp_path: Path) -> None:
    file = make_package(tmp_path / "m.argosmodel", drop=("model.bin",))
    check_rejected(file, tmp_path / "models", "CTranslate2")


def test_no_sentencepiece_model(tmp_path: Path) -> None:
    file = make_package(tmp_path / "m.argosmodel", drop=("sentencepiece.model",))
    check_rejected(file, tmp_path / "models", "SentencePiece")


def test_damaged_sentencepiece_model_installs_nothing(tmp_path: Path) -> None:
    # Passes the archive checks, fails when the tokenizer is loaded from the staging folder.
    check_rejected(make_package(tmp_path / "m.argosmodel"), tmp_path / "models",
                   "damaged SentencePiece")


@pytest.mark.parametrize("name", ["../evil.txt", "translate-fr_en-1_9/../../evil.txt",
                                  "/etc/evil.txt", "C:/evil.txt"])
def test_entries_may_not_escape(tmp_path: Path, name: str) -> None:
    file = make_package(tmp_path / "m.argosmodel", {name: b"x"})
    check_rejected(file, tmp_path / "models", "unsafe")
    assert not (tmp_path / "evil.txt").exists()


def test_symlink_entries_are_refused(tmp_path: Path) -> None:
    file = make_package(tmp_path / "m.argosmodel")
    with zipfile.ZipFile(file, "a") as zf:
        link = zipfile.ZipInfo("translate-fr_en-1_9/link")
        link.external_attr = (0o120777 << 16)
        zf.writestr(link, "/etc/passwd")
    check_rejected(file, tmp_path / "models", "link")


def test_files_outside_the_package_folder(tmp_path: Path) -> None:
    file = make_package(tmp_path / "m.argosmodel", {"other/readme.txt": b"x"})
    check_rejected(file, tmp_path / "models", "outside its model folder")


def test_uncompressed_size_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = make_package(tmp_path / "m.argosmodel",
                        {"translate-fr_en-1_9/model/model.bin": b"\0" * 200_000})
    with pytest.raises(ModelFileError, match="would unpack to"):
        inspect_archive(file, max_bytes=100_000)
    monkeypatch.setattr("reader.translation.archive.MAX_UNCOMPRESSED_BYTES", 100_000)
    check_rejected(file, tmp_path / "models", "would unpack to")


def test_truncated_archive(tmp_path: Path) -> None:
    file = make_package(tmp_path / "m.argosmodel",
                        {"translate-fr_en-1_9/model/model.bin": bytes(range(256)) * 4000})
    data = file.read_bytes()
    file.write_bytes(data[: len(data) // 2])
    check_rejected(file, tmp_path / "models")


def test_a_failed_install_keeps_the_installed_model(tmp_path: Path) -> None:
    models = tmp_path / "models"
    (models / "translate-fr_en-1_9").mkdir(parents=True)
    (models / "translate-fr_en-1_9" / "metadata.json").write_text(json.dumps(META))
    with pytest.raises(ModelFileError):
        install_from_file(make_package(tmp_path / "m.argosmodel"), models)
    assert sorted(p.name for p in models.iterdir()) == ["translate-fr_en-1_9"]
    assert json.loads((models / "translate-fr_en-1_9" / "metadata.json").read_text()) == META
