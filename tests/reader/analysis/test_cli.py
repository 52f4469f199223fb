"""``python -m reader analyze`` prints the documented JSON schema; ``score`` prints a table."""

from __future__ import annotations

import json

from reader.__main__ import main

KEYS = {
    "sentences": {"id", "start", "end", "text"},
    "entities": {"text", "label", "start", "end", "group"},
    "quotes": {"text", "start", "end", "speaker", "cue", "kind"},
    "sources": {"name", "start", "end"},
    "tidy_ups": {"start", "end", "original", "replacement", "class", "reason"},
}


def test_analyze_json_schema(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert main(["--data-dir", str(tmp_path), "analyze", "003_71c21fd2b98fa41d", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    from reader.corpus import read_bundled

    source = next(a.source for a in read_bundled() if a.id == "003_71c21fd2b98fa41d")
    for key, fields in KEYS.items():
        assert data[key], key
        for item in data[key]:
            assert fields <= set(item), (key, item)
    for item in data["entities"] + data["quotes"] + data["tidy_ups"]:
        assert source[item["start"] : item["end"]] in (item["text"] if "text" in item
                                                       else item["original"])


def test_analyze_file_and_summary(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text("«Nous restons», a déclaré Anne Roy à Paris mardi.\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "analyze", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Anne Roy" in out and "Quotes (1)" in out


def test_score_prints_table(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert main(["--data-dir", str(tmp_path), "score"]) == 0
    assert "speakers" in capsys.readouterr().out


def test_score_news_set_prints_plain_sm_beside_ours(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert main(["--data-dir", str(tmp_path), "score", "--set", "news"]) == 0
    out = capsys.readouterr().out
    assert "plain sm" in out and "names" in out and "speakers (full name)" in out
    names = next(line for line in out.splitlines() if line.startswith("names"))
    ours, plain = names.split("|")
    assert float(ours.split()[3]) > float(plain.split()[-1])
