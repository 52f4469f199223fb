"""Translation of long articles stays roughly linear, even written as one line.

Run: ``.venv/bin/python bench/long_translate.py [--model-file PATH]``

On the zh→en test package (see ``bench/translate.py``; the French is nonsense to it, but the
cost is real), it translates, on an empty cache, 1,000 and 4,000 words made of the seed
paragraphs, and the same texts as one line without a full stop (which the reader cuts by
clause and length before parsing and translating). Each is reported in words per second
(fastest of two rounds) against the 1,000-word text of the same shape (1.0 = linear), with
the English length per French word, which shows that a one-line text is translated in full
rather than cut short. Target: 4,000 words at no less than half the 1,000-word rate.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.article import parse_article  # noqa: E402
from reader.corpus import read_bundled  # noqa: E402
from reader.nlp import load_pipeline  # noqa: E402
from reader.nlp import parse_article as parse_sentences  # noqa: E402
from reader.storage import Library  # noqa: E402
from reader.translation.models import install_from_file  # noqa: E402
from reader.translation.service import ArticleTranslator  # noqa: E402


def build(words: int) -> str:
    """Seed paragraphs repeated up to ``words`` words."""
    paragraphs = [p.text(a.source) for a in read_bundled() for p in a.paragraphs]
    out: list[str] = []
    count = 0
    while count < words:
        for p in paragraphs:
            out.append(p)
            count += len(p.split())
            if count >= words:
                break
    return "\n\n".join(out)


def translate(text: str, model: object, nlp: object) -> tuple[int, float, int]:
    """(words, seconds, English characters) for one article on an empty cache."""
    article = parse_article(text)
    library = Library(None)
    try:
        parsed = parse_sentences(article, nlp)  # type: ignore[arg-type]
        sentences = [(s.id, s.text) for s in parsed.sentences]
        english: list[str] = []
        translator = ArticleTranslator(library, model)  # type: ignore[arg-type]
        start = time.perf_counter()
        translator.translate(article.id, sentences, None, lambda t: english.append(t.text))
        took = time.perf_counter() - start
    finally:
        library.close()
    return article.word_count, took, sum(len(e) for e in english)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model-file", type=Path)
    args = parser.parse_args()
    if args.model_file is None:
        from tests.argos_package import ensure_test_package

        args.model_file = ensure_test_package()
    nlp = load_pipeline()
    with tempfile.TemporaryDirectory() as folder:
        model = install_from_file(args.model_file, Path(folder), expected_pair=None)
        translate(build(100), model, nlp)  # load the model, warm up
        one_line = lambda text: re.sub(r"[.!?…]", " ", " ".join(text.split()))  # noqa: E731
        ok = True
        rates: dict[str, float] = {}
        for shape, make in (("paragraphs", lambda t: t), ("one line", one_line)):
            for words_wanted in (1000, 4000):
                runs = [translate(make(build(words_wanted)), model, nlp) for _ in range(2)]
                words, took, chars = min(runs, key=lambda r: r[1])
                rate = rates[f"{shape} {words_wanted}"] = words / took
                base = rates[f"{shape} 1000"]
                print(f"{shape:10} {words:5d} words {took:6.1f} s {rate:6.0f} words/s "
                      f"{rate / base:.2f} × its 1,000-word rate  "
                      f"{chars / words:.1f} English chars per word")
                ok = ok and rate / base >= 0.5 and chars / words > 1
        print(f"one line / paragraphs at 4,000 words: "
              f"{rates['one line 4000'] / rates['paragraphs 4000']:.2f}")
    print("target (4,000 words ≥ 0.5 × the 1,000-word rate, whole text translated):",
          "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
