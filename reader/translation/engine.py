"""The translation engine: a package's SentencePiece model and CTranslate2 model, loaded once.

Sentences come from our spaCy splitting (:func:`reader.nlp.parse_article`); argostranslate's
sentence splitters are never used, as they download models at run time. The steps are
SentencePiece encode → CTranslate2 ``translate_batch`` → SentencePiece decode, batched over a
whole article by tokens. :func:`load_engine` keeps one loaded engine per package folder, so the
next article reuses it; call it (or :func:`reader.translation.service.warm_up`) off the UI thread.

Settings, chosen by measurement on the Argos 1.9 zh→en package (the same OPUS-MT transformer
size as fr→en) with the two seed articles on 2 vCPUs; docs/translation.md has the numbers and
``bench/translate.py`` repeats the comparison:

- **compute type int8**: Argos ships int8 weights; int8_float32 ran the same, float32 ~20 %
  slower.
- **inter_threads = 2, intra_threads = cores // 2**, every call split into exactly two
  sub-batches (:func:`sub_batch_tokens`): two one-thread workers beat one two-thread worker by
  35–40 %; the next batch is queued while the current one runs, so no worker idles.
- **greedy (beam 1)**: only greedy search takes the per-token callback that stops each runaway
  sentence on its own (:class:`OutputGuard`), and greedy + guard was the fastest setting.
- **output cap 2 × input tokens + 10 per sentence, plus a loop guard**: without them two seed
  sentences ran to 256 tokens and held up their batches (our run took twice as long).
- **2,048-token batches of equal size, a 512-token first batch of visible sentences**: a call
  lasts about as long as its longest sentence, so few full calls win and a short article is one
  call; the small first batch puts the visible sentences on screen quickly.
"""

from __future__ import annotations

import atexit
import json
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
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
    loop_guard: bool = True  # stop a sentence that repeats itself (beam_size 1 only)

    def cache_tag(self) -> str:
        """A stable text form for cache keys."""
        return json.dumps(asdict(self), sort_keys=True)

    def max_length(self, input_tokens: int) -> int:
        """The output cap for an input of ``input_tokens`` tokens."""
        return int(self.length_ratio * input_tokens) + self.length_extra


MAX_LOOP_PERIOD = 12
# Longer inputs are cut before translation: OPUS-MT models are trained on sentences, take at
# most 512 positions, and stop early on much longer input.
MAX_INPUT_TOKENS = 200
CLAUSE_END = (".", ";", ":", ",", "!", "?", "…", "»", ")")


def split_tokens(tokens: list[str], limit: int = MAX_INPUT_TOKENS) -> list[list[str]]:
    """``tokens`` cut into parts of at most ``limit``, after punctuation where possible."""
    parts = []
    start = 0
    while len(tokens) - start > limit:
        cut = start + limit
        for i in range(start + limit - 1, start + limit // 2, -1):
            if tokens[i].endswith(CLAUSE_END):
                cut = i + 1
                break
        parts.append(tokens[start:cut])
        start = cut
    parts.append(tokens[start:])
    return parts


def loop_start(tokens: Sequence[str]) -> int | None:
    """Where a runaway repetition starts, or None.

    A run is the same span of 2-12 tokens three times in a row, or one token four times, at
    the end of ``tokens``. The result keeps the first copy and drops the repeats.
    """
    size = len(tokens)
    for period in range(1, MAX_LOOP_PERIOD + 1):
        copies = 4 if period == 1 else 3
        if size < copies * period:
            break
        tail = tokens[size - period :]
        if all(tokens[size - k * period : size - (k - 1) * period] == tail
               for k in range(2, copies + 1)):
            return size - (copies - 1) * period
    return None


class OutputGuard:
    """The ``callback`` of a greedy ``translate_batch``: stops each sentence on its own.

    CTranslate2's ``max_decoding_length`` is one number per call, so it is set from the longest
    input; this callback stops every other sentence at its own cap, and any sentence caught in a
    loop, so one runaway cannot hold up its batch. :meth:`finish` applies the same cuts to the
    returned tokens.
    """

    def __init__(self, decoding: DecodingOptions, batch: Sequence[Sequence[str]]) -> None:
        self.decoding = decoding
        self.caps = [decoding.max_length(len(src)) for src in batch]
        self.outputs: list[list[str]] = [[] for _ in batch]

    def __call__(self, step: Any) -> bool:
        out = self.outputs[step.batch_id]
        out.append(step.token)
        if len(out) >= self.caps[step.batch_id]:
            return True
        return self.decoding.loop_guard and loop_start(out) is not None

    def finish(self, index: int, tokens: list[str]) -> list[str]:
        """The kept part of one sentence's output tokens."""
        tokens = tokens[: self.caps[index]]
        # Decoding stopped as soon as a loop appeared, so a loop can only sit at the end.
        cut = loop_start(tokens) if self.decoding.loop_guard else None
        return tokens if cut is None else tokens[:cut]


@dataclass(frozen=True)
class BatchPlan:
    """How sentences are grouped into ``translate_batch`` calls (no effect on the output)."""

    batch_tokens: int = 2048
    first_batch_tokens: int = 512  # visible sentences first, so they show up at once


DEFAULT_DECODING = DecodingOptions()
DEFAULT_PLAN = BatchPlan()


def sub_batch_tokens(lengths: Sequence[int], workers: int) -> int:
    """``max_batch_size`` that splits one call into at most ``workers`` sub-batches.

    CTranslate2 sorts a call's inputs by length and fills sub-batches up to this many tokens;
    each worker (``inter_threads``) runs one. With total/workers + the longest input, every
    sub-batch but the last holds more than its share, so no sub-batch waits for a free worker.
    """
    return max(1, -(-sum(lengths) // max(1, workers)) + max(lengths, default=0))


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
        self._threads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="translate")

    def encode(self, texts: Sequence[str]) -> list[list[str]]:
        """SentencePiece pieces of each text."""
        return [list(p) for p in self.tokenizer.encode(list(texts), out_type=str)]

    def submit(self, batch: Sequence[list[str]]) -> Future[list[list[str]]]:
        """Start one ``translate_batch`` call on the engine's own thread; return at once.

        The service keeps the next batch queued while it waits for the current one, so a
        worker that finishes its sub-batch early picks up work instead of idling. (Blocking
        calls on two Python threads rather than ``asynchronous=True``: a Python callback
        released by a CTranslate2 worker at interpreter exit can abort the process.)
        """
        return self._threads.submit(self.translate_tokens, list(batch))

    def translate_tokens(self, batch: Sequence[list[str]]) -> list[list[str]]:
        """One blocking ``translate_batch`` call; each output cut by :class:`OutputGuard`.

        An input over :data:`MAX_INPUT_TOKENS` is cut into parts (:func:`split_tokens`)
        translated in the same call and joined again, so a sentence without full stops is
        translated whole instead of being cut short by the model's length limit.
        """
        owners: list[int] = []
        inputs: list[list[str]] = []
        for index, tokens in enumerate(batch):
            for part in split_tokens(tokens):
                owners.append(index)
                inputs.append(part)
        longest = max((len(t) for t in inputs), default=0)
        prefix = [[self.target_prefix]] * len(inputs) if self.target_prefix else None
        sub_batch = sub_batch_tokens([len(t) for t in inputs], self.inter_threads)
        guard = OutputGuard(self.decoding, inputs)
        self.calls += 1
        results = self.translator.translate_batch(
            inputs, target_prefix=prefix, beam_size=self.decoding.beam_size,
            max_batch_size=sub_batch, batch_type="tokens", replace_unknowns=True,
            max_decoding_length=self.decoding.max_length(longest),
            callback=guard if self.decoding.beam_size == 1 else None,
        )
        out: list[list[str]] = [[] for _ in batch]
        for i, result in enumerate(results):
            tokens = list(result.hypotheses[0])
            if self.target_prefix and tokens[:1] == [self.target_prefix]:
                tokens = tokens[1:]
            out[owners[i]].extend(guard.finish(i, tokens))
        return out

    def decode(self, tokens: list[str]) -> str:
        """The English text of SentencePiece pieces."""
        return str(self.tokenizer.decode_pieces(tokens)).replace("\u2581", " ").strip()

    def translate(self, texts: Sequence[str]) -> list[str]:
        """Translate texts in one call (tests and warm-up; the service plans its own batches)."""
        return [self.decode(t) for t in self.translate_tokens(self.encode(texts))]

    def close(self) -> None:
        """Wait for the running batch, drop queued ones and unload the model.

        A CTranslate2 batch still running when the interpreter exits aborts the process
        (``terminate called without an active exception``), so command-line tools close
        their engines before they return, even after Ctrl-C or a full disk.
        """
        self._threads.shutdown(wait=True, cancel_futures=True)
        translator, self.translator = self.translator, None
        if translator is not None:
            translator.unload_model()
            del translator  # the C++ translator joins its threads here, not at teardown


def plan_batches(
    order: Sequence[int], lengths: Sequence[int], priority_count: int,
    plan: BatchPlan = DEFAULT_PLAN,
) -> Iterator[list[int]]:
    """Group sentence positions into batches.

    ``order`` lists positions, the ``priority_count`` first ones being the visible sentences.
    An article that fits ``batch_tokens`` is one batch. Otherwise the first batch takes visible
    sentences in order up to ``first_batch_tokens`` (topped up with the shortest others); the
    other visible ones follow, then the rest, each group sorted by length so a batch pads
    little. No visible sentence comes after one of the rest. Every position appears once.
    """
    head, rest = list(order[:priority_count]), list(order[priority_count:])
    if sum(lengths[p] for p in order) <= plan.batch_tokens:
        # A short article fits one call, which costs about as much as the first batch alone.
        if order:
            yield list(order)
        return
    first: list[int] = []
    used = 0
    while head and (not first or used + lengths[head[0]] <= plan.first_batch_tokens):
        used += lengths[head[0]]
        first.append(head.pop(0))
    if first and not head:
        # Top up with the shortest of the rest: the call takes about as long anyway.
        rest.sort(key=lambda p: lengths[p])
        while rest and used + lengths[rest[0]] <= plan.first_batch_tokens:
            used += lengths[rest[0]]
            first.append(rest.pop(0))
    if first:
        yield first
    # The other visible sentences lead the next batch, then the rest, each sorted by length,
    # cut into as few batches as the budget allows, of about equal size: a call lasts about as
    # long as its longest sentence takes to decode, however few sentences it holds, so a small
    # last batch would cost nearly a full one.
    queue = sorted(head, key=lambda p: lengths[p]) + sorted(rest, key=lambda p: lengths[p])
    total = sum(lengths[p] for p in queue)
    count = max(1, -(-total // plan.batch_tokens))
    batch: list[int] = []
    done = 0
    cut = 1
    for pos in queue:
        # A sentence goes to the batch its midpoint falls in: at most ``count`` batches.
        if batch and (done + lengths[pos] / 2) * count > cut * total:
            yield batch
            batch = []
            cut += 1
        batch.append(pos)
        done += lengths[pos]
    if batch:
        yield batch


_engines: dict[tuple[Path, DecodingOptions], Engine] = {}
_lock = threading.Lock()
# A translator still loaded at interpreter exit can abort the process while it is torn down;
# every process closes its engines first (after waiting for a running batch).
atexit.register(lambda: close_engines())


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


def close_engines() -> None:
    """Close every loaded engine (waits for running batches); see :meth:`Engine.close`."""
    with _lock:
        engines = list(_engines.values())
        _engines.clear()
    for engine in engines:
        engine.close()


def loaded_engines() -> dict[Any, Engine]:
    """The loaded engines (for tests)."""
    return dict(_engines)
