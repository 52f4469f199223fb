"""Lesson packs: a teacher's library exported, imported on a fresh student machine with no
translation model, imported again, and every kind of hostile or broken pack refused with
nothing changed."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from reader.corpus import ensure_bundled
from reader.lesson_import import import_pack
from reader.lesson_pack import MAX_PACK_BYTES, PackError, export_pack, stored_questions
from reader.session import open_session
from reader.storage import Library
from reader.translation.cache import TranslationCache

SHORT = "000_757345bfb182a35d"
LONG = "003_71c21fd2b98fa41d"
TABLES = ("articles", "tidy_up_decisions", "annotations", "glossary", "translations",
          "settings", "translation_edits")
EDITED = 1  # a sentence of LONG whose English the teacher edited by hand
TEACHERS_ENGLISH = "Far-right violence pushed Parler off the internet."
QUESTIONS = [{"text": "Who is quoted?", "kind": "speakers", "article": LONG},
             {"text": "Find 3 artifacts.", "answer": ["Amazone", "je parlerai"]}]


def machine_english(text: str) -> str:
    """Stand-in English for the teacher's cache (the translator is not what is tested)."""
    return "EN: " + hashlib.sha1(text.encode()).hexdigest()[:10]


@pytest.fixture(scope="module")
def teacher(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, Path, dict[str, Any]]:
    """A teacher's library: decisions on the short seed, a note, a glossary entry, English
    cached for both seeds' working sentences; exported once."""
    library = Library(tmp_path_factory.mktemp("teacher") / "reader.db")
    ensure_bundled(library)
    session = open_session(library, SHORT)
    assert session.analysis is not None
    fixes = [t for t in session.analysis.tidy_ups if t.replacement is not None]
    for t in fixes:
        session.decide("accept", t.key)
    flagged = [t for t in session.analysis.tidy_ups if t.replacement is None]
    session.decide("reject", flagged[0].key)
    note = session.highlight_french(session.article.source.index("Amazone"),
                                    session.article.source.index("Amazone") + 7, "red",
                                    "Spot the misspelling")
    cache = TranslationCache(library, "translate-fr_en@1.9", "beam=2")
    working: dict[str, dict[int, str]] = {SHORT: dict(session.working_sentences())}
    long_session = open_session(library, LONG, analyse=False)
    working[LONG] = dict(long_session.working_sentences())
    for texts in working.values():
        cache.store((t, machine_english(t)) for t in texts.values() if t)
    long_session.edit_english(EDITED, TEACHERS_ENGLISH)
    library.db.execute("insert into glossary values ('Parler', 'je parlerai', 0)")
    out = export_pack(library, [SHORT, LONG], tmp_path_factory.mktemp("out") / "lesson",
                      author="Mme Dupont", questions=QUESTIONS)
    return library, out, {"working": working, "note": note, "fixes": fixes,
                          "rejected": flagged[0]}


def counts(library: Library) -> dict[str, int]:
    return {t: int(library.db.execute(f"select count(*) from {t}").fetchone()[0])
            for t in TABLES}


def dump(library: Library) -> dict[str, list[Any]]:
    return {t: sorted(map(repr, library.db.execute(f"select * from {t}").fetchall()))
            for t in TABLES}


def test_pack_is_one_versioned_zip(teacher: tuple[Library, Path, dict[str, Any]]) -> None:
    _library, pack, _ = teacher
    assert pack.suffix == ".readerpack"
    with zipfile.ZipFile(pack) as zf:
        assert sorted(zf.namelist()) == ["lesson.json", "manifest.json"]
        manifest = json.loads(zf.read("manifest.json"))
        lesson = json.loads(zf.read("lesson.json"))
    assert manifest["schema_version"] == 1 and manifest["author"] == "Mme Dupont"
    assert manifest["articles"] == [SHORT, LONG]
    assert {d["decision"] for d in lesson["decisions"]} == {"accepted", "rejected"}
    assert lesson["annotations"][0]["author"] == "Mme Dupont"
    assert len(lesson["translations"]) >= len(teacher[2]["working"][LONG])
    assert not list(pack.parent.glob("*.part"))  # the temporary file was renamed away


def test_round_trip_on_a_fresh_machine_without_a_model(
        teacher: tuple[Library, Path, dict[str, Any]], tmp_path: Path) -> None:
    _library, pack, facts = teacher
    student = Library(tmp_path / "student" / "reader.db")
    assert not (tmp_path / "student" / "models").exists()
    report = import_pack(student, pack)
    assert report.articles_added == [SHORT, LONG] and report.annotations_added == 1
    assert report.questions_added == 2 and report.glossary_added == 1
    assert report.english_edits_added == 1

    for article_id in (SHORT, LONG):
        session = open_session(student, article_id)  # model=None: nothing installed
        working = dict(session.working_sentences())
        assert working == facts["working"][article_id]  # same tidy-ups applied
        shown = 0
        for sid, text in working.items():
            english = session.english_of(sid)
            if article_id == LONG and sid == EDITED:
                assert english is not None and (english.text, english.edited) == (
                    TEACHERS_ENGLISH, True)
                shown += 1
            elif text:
                assert english is not None and english.text == machine_english(text), text
                shown += 1
        print(f"{article_id}: English shown from the pack for {shown}/{len(working)} sentences")
        assert shown == len([t for t in working.values() if t])

    short = open_session(student, SHORT)
    assert short.review is not None
    for t in facts["fixes"]:
        assert short.review.decision(t.key) == "accepted"
    assert short.review.decision(facts["rejected"].key) == "rejected"
    assert "Amazon" in " ".join(t for _, t in short.working_sentences())
    (note,) = short.annotations
    assert (note.author, note.note, note.uid) == ("Mme Dupont", "Spot the misspelling",
                                                  facts["note"].uid)
    assert [q["text"] for q in stored_questions(student, LONG)] == ["Who is quoted?"]
    assert stored_questions(student, SHORT)[0]["answer"] == ["Amazone", "je parlerai"]


def test_reimport_keeps_the_students_notes_and_duplicates_nothing(
        teacher: tuple[Library, Path, dict[str, Any]], tmp_path: Path) -> None:
    _library, pack, facts = teacher
    student = Library(tmp_path / "reader.db")
    import_pack(student, pack)
    session = open_session(student, SHORT, analyse=False)
    own = session.highlight_french(0, 20, "green", "my own note")
    student_long = open_session(student, LONG, analyse=False)
    student_long.load_cached_english(None)
    student_long.edit_english(EDITED, "My own English")
    teachers = next(a for a in session.annotations if a.author == "Mme Dupont")
    session.update_annotation(teachers.id, note="Spot the misspelling — done!")
    before = counts(student)

    report = import_pack(student, pack)

    assert counts(student) == before
    print("row counts after a second import:", counts(student))
    assert report.annotations_added == 0 and report.annotations_present == 1
    assert report.decisions_added == report.translations_added == report.questions_added == 0
    assert report.english_edits_added == 0
    session.reload_annotations()
    notes = {a.uid: a for a in session.annotations}
    assert notes[own.uid].note == "my own note" and notes[own.uid].author == ""
    assert notes[facts["note"].uid].note == "Spot the misspelling — done!"
    again = open_session(student, LONG, analyse=False)
    assert again.english_of(EDITED) is not None
    assert again.english_of(EDITED).text == "My own English"  # type: ignore[union-attr]


def test_the_students_own_decision_is_kept_and_reported(
        teacher: tuple[Library, Path, dict[str, Any]], tmp_path: Path) -> None:
    _library, pack, facts = teacher
    student = Library(tmp_path / "reader.db")
    ensure_bundled(student)
    session = open_session(student, SHORT)
    amazone = next(t for t in facts["fixes"] if t.original == "Amazone")
    session.decide("reject", amazone.key)

    report = import_pack(student, pack)

    assert report.articles_present == [SHORT, LONG]
    assert len(report.decisions_kept) == 1 and "Amazone → Amazon" in report.decisions_kept[0]
    assert "you rejected it, the pack accepted it" in report.decisions_kept[0]
    again = open_session(student, SHORT)
    assert again.review is not None and again.review.decision(amazone.key) == "rejected"
    others = [t for t in facts["fixes"] if t.key != amazone.key]
    assert all(again.review.decision(t.key) == "accepted" for t in others)


# --- hostile and broken packs ----------------------------------------------------------------

def pack_parts(pack: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    with zipfile.ZipFile(pack) as zf:
        return json.loads(zf.read("manifest.json")), json.loads(zf.read("lesson.json"))


def write_zip(path: Path, manifest: Any, lesson: Any, extra: dict[str, bytes] | None = None,
              lesson_bytes: bytes | None = None) -> Path:
    raw = lesson_bytes if lesson_bytes is not None else json.dumps(lesson).encode()
    if isinstance(manifest, dict):
        manifest = {**manifest, "lesson_sha256": hashlib.sha256(raw).hexdigest()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        if manifest is not None:
            zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("lesson.json", raw)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


@pytest.fixture
def student(tmp_path: Path) -> Library:
    library = Library(tmp_path / "student.db")
    ensure_bundled(library)
    session = open_session(library, SHORT, analyse=False)
    session.highlight_french(0, 10, "blue", "the student's note")
    return library


def refused(student: Library, pack: Path, *words: str) -> str:
    before = dump(student)
    with pytest.raises(PackError) as info:
        import_pack(student, pack)
    message = str(info.value)
    for word in words:
        assert word in message, message
    assert dump(student) == before  # nothing changed
    return message


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil", "a/../../evil", "C:/evil"])
def test_path_traversal_is_refused(teacher: Any, student: Library, tmp_path: Path,
                                   name: str) -> None:
    manifest, lesson = pack_parts(teacher[1])
    bad = write_zip(tmp_path / "bad.readerpack", manifest, lesson, {name: b"x"})
    refused(student, bad, "unsafe", "outside the lesson pack")


def test_symlink_is_refused(teacher: Any, student: Library, tmp_path: Path) -> None:
    manifest, lesson = pack_parts(teacher[1])
    bad = write_zip(tmp_path / "link.readerpack", manifest, lesson)
    with zipfile.ZipFile(bad, "a") as zf:
        link = zipfile.ZipInfo("notes")
        link.external_attr = 0o120777 << 16
        zf.writestr(link, "/etc/passwd")
    refused(student, bad, "is a link")


def test_zip_bomb_is_refused(teacher: Any, student: Library, tmp_path: Path) -> None:
    manifest, lesson = pack_parts(teacher[1])
    bad = write_zip(tmp_path / "bomb.readerpack", manifest, lesson)
    with zipfile.ZipFile(bad, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("padding.bin", bytes(MAX_PACK_BYTES + 1))
    print(f"bomb: {bad.stat().st_size} bytes on disk")
    refused(student, bad, "would unpack to", "lesson pack may take")


def test_too_many_entries_are_refused(teacher: Any, student: Library, tmp_path: Path) -> None:
    manifest, lesson = pack_parts(teacher[1])
    extra = {f"extra/{n}.txt": b"" for n in range(40)}
    refused(student, write_zip(tmp_path / "many.readerpack", manifest, lesson, extra),
            "too many entries")


def test_a_member_lying_about_its_size_is_refused(teacher: Any, student: Library,
                                                   tmp_path: Path) -> None:
    manifest, lesson = pack_parts(teacher[1])
    lesson["padding"] = "x" * 50_000
    bad = write_zip(tmp_path / "liar.readerpack", manifest, lesson)
    data = bytearray(bad.read_bytes())
    with zipfile.ZipFile(bad) as zf:
        info = zf.getinfo("lesson.json")
    small = (1000).to_bytes(4, "little")
    data[info.header_offset + 22 : info.header_offset + 26] = small  # local header
    central = data.rfind(b"PK\x01\x02lesson.json"[:4], 0)
    while central != -1:  # the central directory entry of lesson.json
        name_len = int.from_bytes(data[central + 28 : central + 30], "little")
        if data[central + 46 : central + 46 + name_len] == b"lesson.json":
            data[central + 24 : central + 28] = small
            break
        central = data.rfind(b"PK\x01\x02", 0, central)
    bad.write_bytes(bytes(data))
    print(refused(student, bad, "lesson.json"))


@pytest.mark.parametrize("version, words", [
    (2, ("newer version of the reader", "schema 2", "Update the reader")),
    (99, ("newer version",)),
    (0, ("schema version 0",)),
    ("1", ("no valid schema version",)),
    (None, ("no valid schema version",)),
])
def test_wrong_or_future_schema_version_is_refused(teacher: Any, student: Library,
                                                   tmp_path: Path, version: Any,
                                                   words: tuple[str, ...]) -> None:
    manifest, lesson = pack_parts(teacher[1])
    manifest["schema_version"] = version
    refused(student, write_zip(tmp_path / "v.readerpack", manifest, lesson), *words)


def test_truncated_file_is_refused(teacher: Any, student: Library, tmp_path: Path) -> None:
    data = teacher[1].read_bytes()
    for cut in (len(data) // 2, len(data) - 10, 30):
        bad = tmp_path / f"cut{cut}.readerpack"
        bad.write_bytes(data[:cut])
        refused(student, bad, "damaged")


def test_missing_manifest_and_bad_json_are_refused(teacher: Any, student: Library,
                                                   tmp_path: Path) -> None:
    manifest, lesson = pack_parts(teacher[1])
    refused(student, write_zip(tmp_path / "a.readerpack", None, lesson), "no manifest.json")
    with zipfile.ZipFile(tmp_path / "b.readerpack", "w") as zf:
        zf.writestr("manifest.json", "{not json")
        zf.writestr("lesson.json", json.dumps(lesson))
    refused(student, tmp_path / "b.readerpack", "manifest.json is not valid JSON")
    refused(student, write_zip(tmp_path / "c.readerpack", manifest, None,
                               lesson_bytes=b'{"articles": ['), "lesson.json is not valid JSON")
    with zipfile.ZipFile(tmp_path / "d.readerpack", "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
    refused(student, tmp_path / "d.readerpack", "no lesson.json")
    refused(student, write_zip(tmp_path / "e.readerpack", {"format": "something else"},
                               lesson), "not a lesson pack")


def test_tampered_lesson_is_refused(teacher: Any, student: Library, tmp_path: Path) -> None:
    manifest, lesson = pack_parts(teacher[1])
    bad = tmp_path / "t.readerpack"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("lesson.json", json.dumps({**lesson, "glossary": []}))
    refused(student, bad, "does not match its manifest")


@pytest.mark.parametrize("damage, words", [
    (lambda m, les: les["decisions"][0].update(start=10**7, end=10**7 + 5), "outside"),
    (lambda m, les: les["decisions"][0].update(original="something else"), "does not match"),
    (lambda m, les: les["decisions"][0].update(decision="maybe"), "neither accepted"),
    (lambda m, les: les["annotations"][0].update(end=10**7), "outside"),
    (lambda m, les: les["annotations"][0].update(colour="black"), "unknown colour"),
    (lambda m, les: les["annotations"][0].update(uid="../../x y"), "uid"),
    (lambda m, les: les["articles"][0].update(id="../x"), "invalid id"),
    (lambda m, les: les["articles"].pop(), "not the ones its manifest lists"),
    (lambda m, les: les["questions"].append({"kind": "no text"}), "question 3"),
    (lambda m, les: les["questions"].append({"text": "q", "article": "elsewhere"}), "question 3"),
    (lambda m, les: les["translations"][0].update(key="short"), "invalid key"),
    (lambda m, les: les.update(annotations={"a": 1}), "not a list"),
    (lambda m, les: les["english_edits"][0].update(sentence_end=10**7), "English edit 1"),
    (lambda m, les: les["english_edits"].append(les["english_edits"][0]), "repeats an edit"),
])
def test_malformed_records_are_refused(teacher: Any, student: Library, tmp_path: Path,
                                       damage: Any, words: str) -> None:
    manifest, lesson = pack_parts(teacher[1])
    damage(manifest, lesson)
    refused(student, write_zip(tmp_path / "m.readerpack", manifest, lesson), words)


def test_same_id_with_other_text_is_refused(teacher: Any, student: Library,
                                            tmp_path: Path) -> None:
    manifest, lesson = pack_parts(teacher[1])
    source = lesson["articles"][1]["source"]
    lesson["articles"][1]["source"] = source.replace("Parler", "Parlor", 1)
    refused(student, write_zip(tmp_path / "o.readerpack", manifest, lesson),
            "different text", LONG)


def test_a_failure_while_writing_rolls_everything_back(
        teacher: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = Library(tmp_path / "fresh.db")
    from reader.annotations import AnnotationStore

    def broken(self: object, annotation: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(AnnotationStore, "add", broken)
    with pytest.raises(RuntimeError):
        import_pack(library, teacher[1])
    assert counts(library) == {t: 0 for t in TABLES}  # articles were written, then rolled back


def test_cli_export_and_import(teacher: Any, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    from reader.__main__ import main

    manifest, lesson = pack_parts(teacher[1])
    manifest["schema_version"] = 3
    bad = write_zip(tmp_path / "future.readerpack", manifest, lesson)
    assert main(["--data-dir", str(tmp_path / "s"), "pack", "import", str(bad)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "newer version" in err[0]

    assert main(["--data-dir", str(tmp_path / "s"), "pack", "import", str(teacher[1])]) == 0
    assert "by Mme Dupont" in capsys.readouterr().out
    out = tmp_path / "again.readerpack"
    assert main(["--data-dir", str(tmp_path / "s"), "pack", "export", "000", "--out",
                 str(out)]) == 0
    assert pack_parts(out)[0]["articles"] == [SHORT]
    assert main(["--data-dir", str(tmp_path / "s"), "pack", "export", "nope", "--out",
                 str(out)]) == 1
    assert "no single article" in capsys.readouterr().err
