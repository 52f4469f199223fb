"""Turn a CLEF HIPE-2020 French TSV file into the compact gold used by ``reader score``.

Usage: ``python scripts/hipe_extract.py HIPE-data-v1.4-dev-fr.tsv > tests/gold/hipe/dev-fr.jsonl``

One JSON line per document: ``{"id", "newspaper", "date", "text", "entities"}`` where the text
is rebuilt from the tokens (a space unless ``NoSpaceAfter``) and ``entities`` are
``[start, end, label]`` from the coarse literal column (``pers``→PER, ``org``→ORG,
``loc``→LOC, ``prod``→MISC, ``time``→DATE).
"""

from __future__ import annotations

import json
import sys

LABELS = {"pers": "PER", "org": "ORG", "loc": "LOC", "prod": "MISC", "time": "DATE"}


def convert(lines: list[str]) -> list[dict[str, object]]:
    """Documents of one HIPE TSV file."""
    docs: list[dict[str, object]] = []
    doc: dict[str, object] | None = None
    text = ""
    entities: list[list[object]] = []
    open_entity: list[object] | None = None
    pending: dict[str, str] = {}

    def close() -> None:
        nonlocal open_entity
        if open_entity is not None:
            entities.append(open_entity)
            open_entity = None

    for line in lines:
        line = line.rstrip("\n")
        if not line or line.startswith("TOKEN\t"):
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            key, value = key.strip(), value.strip()
            if key in ("newspaper", "date"):
                pending[key] = value
            elif key == "document_id":
                close()
                if doc is not None:
                    doc["text"], doc["entities"] = text, entities
                    docs.append(doc)
                doc = {"id": value, **pending}
                text, entities = "", []
            continue
        cols = line.split("\t")
        token, tag, misc = cols[0], cols[1], cols[-1]
        start = len(text)
        text += token
        if tag.startswith("B-") or tag == "O":
            close()
        if tag.startswith("B-"):
            open_entity = [start, len(text), LABELS.get(tag[2:], "MISC")]
        elif tag.startswith("I-") and open_entity is not None:
            open_entity[1] = len(text)
        if "NoSpaceAfter" not in misc:
            text += " "
    close()
    if doc is not None:
        doc["text"], doc["entities"] = text, entities
        docs.append(doc)
    for d in docs:
        d["text"] = str(d["text"]).rstrip()
    return docs


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        for d in convert(handle.readlines()):
            print(json.dumps(d, ensure_ascii=False))
