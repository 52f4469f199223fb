"""The translation engine: a package's SentencePiece model and CTranslate2 model, loaded once.

Sentences come from our spaCy splitting (:func:`reader.nlp.parse_article`); argostranslate's
sentence splitters are never used, as they download models at run time. The steps are
SentencePiece encode → CTranslate2 ``translate_batch`` → SentencePiece decode, batched over a
whole article by tokens. :func:`load_engine` keeps one loaded engine per package folder, so the
next article reuses it; call it (or :func:`reader.translation.service.warm_up`) off the UI thread.

Settings, chosen by measurement on the Argos 1.9 zh→en package (the same OPUS-MT transformer
size as fr→en) with the two seed articles, 2 vCPUs; ``bench/translate.py`` repeats the
comparison and docs/translation.md gives the numbers:

- **compute type int8.** Argos ships int8 weights; int8 and int8_float32 ran alike, float32 was
  about 20 % slower and loads more memory.
- **threads: inter_threads = 2, intra_threads = cores // 2.** With one call split into two
  sub-batches run side by side, 2 vCPUs finished the seed sentences 35–40 % faster than one
  sub-batch on 2 OpenMP threads (3.7–4.2 s against 5.9–6.7 s). So each call gets
  ``2 × max_batch_size`` tokens, enough to keep both workers busy.
- **beam size 1 (greedy).** Beam 2 and 4 cost more per sentence for no gain we can measure
  offline; the cache key includes the beam size, so a change retranslates cleanly.
- **batches of 2,048 tokens**, sorted by length: 1,024-token batches were 25–40 % slower,
  4,096 no faster, and the larger the batch the later the first sentence arrives.
- **output cap = 2 × input tokens + 10**, per call from its longest input, then cut per
  sentence. English runs about 1–1.3 tokens per French token in a shared vocabulary, so the
  cap never touches a sound translation; without it one runaway sentence ran to CTranslate2's
  256-token default and held up its whole batch.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reader.translation.models import ModelInfo


@dataclass(frozen=True)
class DecodingOptions:
    """Everything that changes the output of a sentence; part of every cache key."""

    beam_size: int = 1
    length_ratio: float = 2.0
    length_extra: int = 10
    compute_type: str = "int8"

    def cache_tag(self) -> str:
        """A stable text form for cache keys."""
        return json.dumps(asdict(self), sort_keys=True)

    def max_length(self, input_tokens: int) -> int:
        """The output cap for an input of ``input_tokens`` tokens."""
        return int(self.length_ratio * input_tokens) + self.length_extra


@dataclass(frozen=True)
class BatchPlan:
    """How sentences are grouped into ``translate_batch`` calls (no effect on the output)."""

    batch_tokens: int = 2048
    first_batch_tokens: int = 256  # the first visible paragraph, so it shows up at once


DEFAULT_DECODING = DecodingOptions()
DEFAULT_PLAN = BatchPlan()


def thread_counts(cores: int | None = None) -> tuple[int, int]:
    """(inter_threads, intra_threads) for this machine; see the module docstring."""
    cores = cores or os.cpu_count() or 1
    inter = 2 if cores >= 2 else 1
    return inter, max(1, cores // inter)


class Engine:
    """A loaded package: tokenizer plus CTranslate2 translator. Thread-safe to call."""

    def __init__(self, model: ModelInfo, decoding: DecodingOptions = DEFAULT_DECODING) -> None:
        import ctranslate2
        import sentencepiece

        self.model = model
        self.decoding = decoding
        self.inter_threads, self.intra_threads = thread_counts()
        self.tokenizer = sentencepiece.SentencePieceProcessor(
            model_file=str(model.path / "sentencepiece.model")
        )
        self.translator = ctranslate2.Translator(
            str(model.path / "model"), device="cpu", compute_type=decoding.compute_type,
            inter_threads=self.inter_threads, intra_threads=self.intra_threads,
        )
        try:
            meta = json.loads((model.path / "metadata.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        self.target_prefix = str(meta.get("target_prefix") or "")
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> list[list[str]]:
        """SentencePiece pieces of each text."""
        return [list(p) for p in self.tokenizer.encode(list(texts), out_type=str)]

    def translate_tokens(self, batch: Sequence[list[str]]) -> list[list[str]]:
        """One ``translate_batch`` call; each output is cut to its own length cap."""
        longest = max((len(t) for t in batch), default=0)
        prefix = [[self.target_prefix]] * len(batch) if self.target_prefix else None
        # Two sub-batches per call so both inter-op workers run side by side.
        sub_batch = max(1, sum(len(t) for t in batch) // self.inter_threads + 1)
        self.calls += 1
        results = self.translator.translate_batch(
            list(batch), target_prefix=prefix, beam_size=self.decoding.beam_size,
            max_batch_size=sub_batch, batch_type="tokens", replace_unknowns=True,
            max_decoding_length=self.decoding.max_length(longest),
        )
        out = []
        for src, result in zip(batch, results, strict=True):
            tokens = list(result.hypotheses[0])
            if self.target_prefix and tokens[:1] == [self.target_prefix]:
                tokens = tokens[1:]
            out.append(tokens[: self.decoding.max_length(len(src))])
        return out

    def decode(self, tokens: list[str]) -> str:
        """The English text of SentencePiece pieces."""
        return str(self.tokenizer.decode_pieces(tokens)).replace("\u2581", " ").strip()

    def translate(self, texts: Sequence[str]) -> list[str]:
        """Translate texts in one call (tests and warm-up; the service plans its own batches)."""
        return [self.decode(t) for t in self.translate_tokens(self.encode(texts))]


def plan_batches(
    order: Sequence[int], lengths: Sequence[int], priority_count: int,
    plan: BatchPlan = DEFAULT_PLAN,
) -> Iterator[list[int]]:
    """Group sentence positions into batches.

    ``order`` lists positions, the ``priority_count`` first ones being the visible sentences.
    The first batch takes visible sentences in order up to ``first_batch_tokens``; the other
    visible ones follow, then the rest, each group sorted by length so a batch pads little.
    Every position appears exactly once.
    """
    head, rest = list(order[:priority_count]), list(order[priority_count:])
    first: list[int] = []
    used = 0
    while head and (not first or used + lengths[head[0]] <= plan.first_batch_tokens):
        used += lengths[head[0]]
        first.append(head.pop(0))
    if first:
        yield first
    for group in (head, rest):
        batch: list[int] = []
        used = 0
        for pos in sorted(group, key=lambda p: lengths[p]):
            if batch and used + lengths[pos] > plan.batch_tokens:
                yield batch
                batch, used = [], 0
            batch.append(pos)
            used += lengths[pos]
        if batch:
            yield batch


_engines: dict[tuple[Path, DecodingOptions], Engine] = {}
_lock = threading.Lock()


def load_engine(model: ModelInfo, decoding: DecodingOptions = DEFAULT_DECODING) -> Engine:
    """The loaded engine for a package folder, loading it on first use (thread-safe)."""
    key = (model.path.resolve(), decoding)
    with _lock:
        engine = _engines.get(key)
        if engine is None:
            engine = Engine(model, decoding)
            _engines[key] = engine
        return engine


def engine_loaded(model: ModelInfo, decoding: DecodingOptions = DEFAULT_DECODING) -> bool:
    """True once :func:`load_engine` has loaded this package."""
    return (model.path.resolve(), decoding) in _engines


def forget_engine(path: Path) -> None:
    """Drop loaded engines of a package folder (after it is replaced or removed)."""
    resolved = Path(path).resolve()
    with _lock:
        for key in [k for k in _engines if k[0] == resolved]:
            del _engines[key]


def loaded_engines() -> dict[Any, Engine]:
    """The loaded engines (for tests)."""
    return dict(_engines)
