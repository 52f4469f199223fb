"""Translation throughput, first-sentence latency and reopen time, measured in one process.

Run: ``.venv/bin/python bench/translate.py [--rounds N] [--model-file PATH]``

On the same Argos package (by default the zh→en 1.9 package the test suite uses, fetched with
pip into ``.cache/test-models/``), the same machine and both seed articles, it times:

(a) argostranslate's own ``translate()`` with its default decoding settings (beam 4,
    32-token batches, compute type "auto", no output cap beyond CTranslate2's 256 tokens). Its
    sentence splitter (MiniSBD) downloads a model at run time, so the package's sentencizer is
    replaced by one that returns our spaCy sentences: only decoding and batching differ.
(b) our engine: ``ArticleTranslator.translate`` on an empty cache, including SentencePiece
    encode/decode, the SQLite commits and the callbacks.
(c) the ceiling: raw CTranslate2 ``translate_batch`` on pre-encoded sentences, one article
    at a time as the reader translates them, with the same decoding options and per-sentence
    stop rule (``OutputGuard``), hand-tuned batching and threads; the faster of two layouts
    counts. No encode/decode, no cache, no priority order, no callbacks. The same with both
    articles pooled into one job is printed too, for reference.

Every method runs warm (model loaded, one warm-up call), interleaved for ``--rounds`` rounds;
the fastest round of each counts. Then:

- ``first_sentence_s`` (cold, measured before ctranslate2 is imported): load the article from
  the library + spaCy parse (spaCy itself already loaded, as the app loads it at startup) +
  import ctranslate2 + load the model and tokenizer + translate the first batch of the first
  visible paragraph + commit it, up to the first ``on_sentence`` callback.
- ``reopen_s``: a new library connection, load the article, its stored sentence split (no
  spaCy parse: the app stores the split on first opening), the stored tidy-up decisions, and
  every translation from the cache, with zero model calls (the slower of the two articles).

The last line is ``speedup_vs_argos=X.XX ceiling_ratio=Y.YY first_sentence_s=Z.ZZ
reopen_s=W.WWW``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.argos_package import ensure_test_package  # noqa: E402

VISIBLE_PARAGRAPHS = 3


def log(*parts: Any) -> None:
    print(*parts, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--model-file", type=Path)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-translate-"))
    try:
        return run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, work: Path) -> int:
    """The whole bench, with its library and installed package in ``work``."""
    models = work / "models"
    os.environ["READER_DATA_DIR"] = str(work)
    os.environ["ARGOS_PACKAGES_DIR"] = str(models)  # argostranslate reads it at import

    from reader.corpus import read_bundled
    from reader.nlp import load_pipeline, parse_article
    from reader.storage import Library
    from reader.translation.models import install_from_file
    from reader.translation.service import ArticleTranslator

    model = install_from_file(args.model_file or ensure_test_package(), models, None)
    log(f"model {model.id} at {model.path}, {os.cpu_count()} cpus")
    load_pipeline()
    library = Library(work / "reader.db")
    articles = read_bundled()
    for a in articles:
        library.add_article(a)
    parsed = {a.id: parse_article(a) for a in articles}
    for a in articles:
        log(f"article {a.id}: {len(parsed[a.id].sentences)} sentences")

    # --- cold first sentence (before ctranslate2 is imported) ----------------------------
    assert "ctranslate2" not in sys.modules
    first_article = max(articles, key=lambda a: len(parsed[a.id].sentences))
    cold = first_sentence(library, model, first_article.id, Library(None))
    log(f"first sentence cold ({first_article.id}): {cold:.3f}s")

    from reader.translation.engine import load_engine

    engine = load_engine(model)
    log(f"engine: inter_threads={engine.inter_threads} intra_threads={engine.intra_threads} "
        f"decoding={engine.decoding} plan=" + repr(ArticleTranslator(library, model).plan))
    sentences = [s.text for a in articles for s in parsed[a.id].sentences]
    tokens = engine.encode(sentences)
    log(f"{len(sentences)} sentences, {sum(map(len, tokens))} source tokens")

    per_article = [engine.encode([s.text for s in parsed[a.id].sentences]) for a in articles]
    argos = ArgosRun(model, articles, parsed)
    best: dict[str, float] = {}

    def keep(name: str, seconds: float) -> None:
        best[name] = min(best.get(name, float("inf")), seconds)

    for r in range(max(1, args.rounds)):
        seconds, detail = run_ours(model, articles, parsed)
        keep("ours", seconds)
        log(f"round {r + 1} ours     {seconds:7.2f}s  {detail}")
        seconds, pooled, detail = run_ceiling(model, tokens, per_article)
        keep("ceiling", seconds)
        keep("pooled ceiling", pooled)
        log(f"round {r + 1} ceiling  {seconds:7.2f}s  {detail}")
        seconds, detail = argos.run()
        keep("argos", seconds)
        log(f"round {r + 1} argos    {seconds:7.2f}s  {detail}")
    speedup = best["argos"] / best["ours"]
    ceiling_ratio = best["ceiling"] / best["ours"]
    log("sentences/s: " + ", ".join(f"{k} {len(sentences) / v:.1f}" for k, v in best.items()))
    log(f"ratio to the pooled ceiling (both articles in one pool, which a reader translating "
        f"one article at a time cannot do): {best['pooled ceiling'] / best['ours']:.2f}")

    for a in articles:  # fill the file cache that reopen_time reads
        p = parsed[a.id]
        ArticleTranslator(library, model).translate(
            a.id, [(s.id, s.text) for s in p.sentences], None, lambda _s: None)
    warm = first_sentence(library, model, next(a.id for a in articles if a is not first_article),
                          Library(None))
    log(f"first sentence warm (model loaded): {warm:.3f}s")
    reopen = max(reopen_time(work / "reader.db", model, a.id) for a in articles)
    print(f"speedup_vs_argos={speedup:.2f} ceiling_ratio={ceiling_ratio:.2f} "
          f"first_sentence_s={cold:.2f} reopen_s={reopen:.3f}", flush=True)
    return 0


def first_sentence(library: Any, model: Any, article_id: str, cache_db: Any) -> float:
    """Seconds from opening an untranslated article to its first English sentence."""
    from reader.nlp import parse_article
    from reader.translation.service import ArticleTranslator, warm_up

    start = time.perf_counter()
    article = library.article(article_id)
    parsed = parse_article(article)
    body = [p.index for p in article.paragraphs if parsed.sentences_in(p.index)]
    visible = [s.id for p in body[:VISIBLE_PARAGRAPHS] for s in parsed.sentences_in(p)]
    opened = time.perf_counter()
    warm_up(model)  # what translate() does first; timed apart to show the split
    loaded = time.perf_counter()
    seen: list[float] = []
    translator = ArticleTranslator(cache_db, model)
    translator.translate(article_id, [(s.id, s.text) for s in parsed.sentences], visible,
                         lambda _s: seen.append(time.perf_counter()), lambda: bool(seen))
    log(f"  first sentence: open+parse {opened - start:.3f}s, import+load model "
        f"{loaded - opened:.3f}s, first batch {seen[0] - loaded:.3f}s")
    return seen[0] - start


def run_ours(model: Any, articles: list[Any], parsed: dict[str, Any]) -> tuple[float, str]:
    """Our engine on both articles with an empty cache."""
    from reader.storage import Library
    from reader.translation.service import ArticleTranslator

    translator = ArticleTranslator(Library(None), model)
    out: list[str] = []
    start = time.perf_counter()
    for a in articles:
        p = parsed[a.id]
        visible = [s.id for s in p.sentences if s.paragraph <= 3]
        translator.translate(a.id, [(s.id, s.text) for s in p.sentences], visible,
                             lambda s: out.append(s.text))
    seconds = time.perf_counter() - start
    return seconds, f"{translator.model_calls} calls, {sum(len(t.split()) for t in out)} words"


def run_ceiling(model: Any, tokens: list[list[str]], per_article: list[list[list[str]]]
                ) -> tuple[float, float, str]:
    """Raw translate_batch, same decoding options and stop rule, hand-tuned layouts.

    Returns (seconds one article at a time, seconds with both articles pooled, detail); each
    is the faster of one call per unit (CTranslate2 sorts and splits it) and length-sorted
    calls of ``batch_tokens`` split evenly over the workers.
    """
    import ctranslate2

    from reader.translation.engine import DEFAULT_DECODING as d
    from reader.translation.engine import (
        DEFAULT_PLAN,
        OutputGuard,
        sub_batch_tokens,
        thread_counts,
    )

    inter, intra = thread_counts()
    translator = ctranslate2.Translator(str(model.path / "model"), device="cpu",
                                        compute_type=d.compute_type, inter_threads=inter,
                                        intra_threads=intra)
    translator.translate_batch(tokens[:2], beam_size=d.beam_size, max_decoding_length=8)

    def one_call(unit: list[list[str]]) -> None:
        translator.translate_batch(unit, beam_size=d.beam_size, max_batch_size=1024,
                                   batch_type="tokens", callback=OutputGuard(d, unit),
                                   max_decoding_length=d.max_length(max(map(len, unit))))

    def sorted_calls(unit: list[list[str]]) -> None:
        order = sorted(range(len(unit)), key=lambda i: len(unit[i]))
        batch: list[list[str]] = []
        for i in [*order, None]:
            if batch and (i is None or sum(map(len, batch)) + len(unit[i]) >
                          DEFAULT_PLAN.batch_tokens):
                translator.translate_batch(
                    batch, beam_size=d.beam_size, batch_type="tokens",
                    max_batch_size=sub_batch_tokens(list(map(len, batch)), inter),
                    callback=OutputGuard(d, batch),
                    max_decoding_length=d.max_length(max(map(len, batch))))
                batch = []
            if i is not None:
                batch.append(unit[i])

    results = {}
    for layout, units in (("per article", per_article), ("pooled", [tokens])):
        for name, fn in (("one call", one_call), ("sorted calls", sorted_calls)):
            start = time.perf_counter()
            for unit in units:
                fn(unit)
            results[(layout, name)] = time.perf_counter() - start
    article = min(v for k, v in results.items() if k[0] == "per article")
    pooled = min(v for k, v in results.items() if k[0] == "pooled")
    return article, pooled, ", ".join(f"{a} {n} {v:.2f}s" for (a, n), v in results.items())


class ArgosRun:
    """argostranslate's translate() with its defaults, fed our sentences."""

    def __init__(self, model: Any, articles: list[Any], parsed: dict[str, Any]) -> None:
        import argostranslate.translate as argos_translate

        self.translate = argos_translate.translate
        self.texts = []
        split: dict[str, list[str]] = {}
        for a in articles:
            paragraphs = []
            for p in a.paragraphs:
                sents = [s.text for s in parsed[a.id].sentences_in(p.index)]
                if sents:
                    paragraphs.append(" ".join(sents))
                    split[paragraphs[-1]] = sents
            self.texts.append("\n".join(paragraphs))
        translation = argos_translate.get_translation_from_codes(model.from_code, model.to_code)

        class OurSentences:
            def split_sentences(self, text: str) -> list[str]:
                return split.get(text, [text] if text.strip() else [])

        # get_translation_from_codes gives a CachedTranslation around the PackageTranslation;
        # its paragraph cache is emptied before every call so each round does the work.
        self.translation = translation
        translation.underlying.sentencizer = OurSentences()
        self.translate("热身", model.from_code, model.to_code)  # loads its translator
        self.codes = (model.from_code, model.to_code)

    def run(self) -> tuple[float, str]:
        out = []
        start = time.perf_counter()
        for text in self.texts:
            self.translation.cache = {}
            out.append(self.translate(text, *self.codes))
        seconds = time.perf_counter() - start
        return seconds, f"{sum(len(t.split()) for t in out)} words"


def reopen_time(db_path: Path, model: Any, article_id: str) -> float:
    """New connection, load the article, its stored sentences and every translation from the
    cache: what the app does when an article translated before is opened again."""
    from reader.analysis.review import stored_offset_map
    from reader.nlp import parse_article
    from reader.sentence_store import store_sentences, stored_sentences
    from reader.storage import Library
    from reader.translation.service import ArticleTranslator

    library = Library(db_path)
    store_sentences(library, library.article(article_id),
                    parse_article(library.article(article_id)).sentences)  # first opening
    library.close()
    start = time.perf_counter()
    library = Library(db_path)
    translator = ArticleTranslator(library, model)
    article = library.article(article_id)
    loaded = time.perf_counter()
    sentences = stored_sentences(library, article)  # as the app reopens: no spaCy parse
    assert sentences is not None
    split = time.perf_counter()
    working = stored_offset_map(library, article_id, article.source)
    found = translator.cached(article_id, [(s.id, working.working_slice(s.start, s.end).strip())
                                           for s in sentences])
    seconds = time.perf_counter() - start
    log(f"  reopen {article_id}: open+load {loaded - start:.3f}s, stored sentences "
        f"{split - loaded:.3f}s, decisions + cache {start + seconds - split:.3f}s")
    assert len(found) == len(sentences) and translator.model_calls == 0
    return seconds


if __name__ == "__main__":
    sys.exit(main())
