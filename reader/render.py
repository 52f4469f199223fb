"""What to draw for an article session: runs of text with their layers, Qt-free.

The reading view paints a :class:`RenderModel` with Qt and the PDF exporter lays out the very
same runs, so a layer (entity, tidy-up, quote, highlight, note marker, current sentence) is
decided here once. A French run remembers the source offset it starts at (``None`` for text
the app inserts: a correction, a gap, a note marker), an English run the sentence it belongs
to, so positions on screen or on paper map back to the article.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.annotations import Annotation
from reader.session import ArticleSession

LAYERS = ("entities", "tidyups", "quotes", "highlights", "notes", "current")
GAP = " "  # between a struck original and its correction, so they never glue together
EDIT_MARK = " ✎"


@dataclass(frozen=True)
class RenderOptions:
    """Which layers to draw and how."""

    layers: frozenset[str] = frozenset(LAYERS)
    hidden_labels: frozenset[str] = frozenset()
    fixes_inline: bool = True
    show_english: bool = True

    def has(self, layer: str) -> bool:
        """True when the layer is switched on."""
        return layer in self.layers


@dataclass(frozen=True)
class TextRun:
    """A stretch of text with everything drawn on it.

    ``role``: ``text`` (article or English text), ``replacement`` (a tidy-up's correction),
    ``gap``, ``note`` (a note marker such as ``[3]``), ``edited`` (the hand-edit sign),
    ``placeholder`` (English not there yet). ``tidy``: ``original`` (text a fix replaces),
    ``flagged`` (a calque, explained not changed) or ``""``.
    """

    text: str
    role: str = "text"
    source_start: int | None = None
    sentence_id: int | None = None
    entity: str = ""
    entity_name: str = ""
    tidy: str = ""
    tidy_state: str = ""
    tidy_key: str = ""
    tidy_reason: str = ""
    quote: bool = False
    highlight: str = ""
    annotation_ids: tuple[int, ...] = ()
    note_number: int | None = None
    current: bool = False
    english_changed: bool = False


@dataclass(frozen=True)
class EnglishRender:
    """One sentence's English: its runs, and whether it is a hand edit (``stale`` when the
    French changed since) or still missing."""

    sentence_id: int
    runs: tuple[TextRun, ...]
    edited: bool = False
    stale: bool = False
    missing: bool = False


@dataclass(frozen=True)
class ParagraphRender:
    """One paragraph row: French runs on the left, English sentences on the right."""

    index: int
    kind: str
    french: tuple[TextRun, ...]
    english: tuple[EnglishRender, ...]


@dataclass(frozen=True)
class NoteRef:
    """A numbered note, in reading order (markers in the text carry the number)."""

    number: int
    annotation: Annotation
    sentence_id: int | None
    english_changed: bool = False


@dataclass
class RenderModel:
    """Everything to draw for one article."""

    title: str
    header: tuple[TextRun, ...]
    paragraphs: list[ParagraphRender]
    notes: list[NoteRef] = field(default_factory=list)
    options: RenderOptions = field(default_factory=RenderOptions)


class _SentenceIndex:
    """Which sentence a source offset lies in (bisect over the sentence starts)."""

    def __init__(self, session: ArticleSession | None) -> None:
        ordered = sorted(session.sentences, key=lambda s: s.start) if session else []
        self._starts = [s.start for s in ordered]
        self._sentences = ordered

    def at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._sentences[i].end:
            return self._sentences[i].id
        return None


@dataclass(frozen=True)
class _Item:
    start: int
    end: int
    kind: str  # entity, fix, quote, highlight
    label: str = ""
    name: str = ""
    state: str = ""
    key: str = ""
    reason: str = ""
    replacement: str | None = None
    ann_id: int = -1


def _runs_between(source: str, first: int, last: int, items: Sequence[_Item],
                  options: RenderOptions, notes_at: dict[int, list[int]],
                  sentences: _SentenceIndex, current: tuple[int, int] | None,
                  ) -> list[TextRun]:
    """French runs of ``source[first:last]``."""
    here = [i for i in items if i.end > first and i.start < last
            or (i.start == i.end and first <= i.start <= last and i.kind == "fix")]
    cuts = {first, last}
    for item in here:
        cuts.update((max(first, item.start), min(last, item.end)))
    for pos in notes_at:
        if first < pos < last:
            cuts.add(pos)
    points = sorted(cuts)
    runs: list[TextRun] = []
    done_fixes: set[str] = set()

    def close_fixes(at: int) -> None:
        for f in here:
            if f.kind == "fix" and f.end == at and f.key not in done_fixes:
                done_fixes.add(f.key)
                runs.extend(_replacement(f, options))
        for number in notes_at.get(at, []):
            runs.append(TextRun(f"[{number}]", role="note", note_number=number))

    for f in here:  # insertions at the very start
        if f.kind == "fix" and f.start == f.end == first:
            done_fixes.add(f.key)
            runs.extend(_replacement(f, options))
    for lo, hi in zip(points, points[1:], strict=False):
        covering = [i for i in here if i.start <= lo and hi <= i.end and i.start < i.end]
        run = _french_run(source, lo, hi, covering, options, sentences, current)
        if run is not None:
            runs.append(run)
        close_fixes(hi)
    return runs


def _french_run(source: str, lo: int, hi: int, covering: list[_Item],
                options: RenderOptions, sentences: _SentenceIndex,
                current: tuple[int, int] | None) -> TextRun | None:
    attrs: dict[str, object] = {}
    ids: list[int] = []
    for item in covering:
        if item.kind == "entity":
            attrs.update(entity=item.label, entity_name=item.name)
        elif item.kind == "quote":
            attrs["quote"] = True
        elif item.kind == "highlight":
            attrs["highlight"] = item.label
            ids.append(item.ann_id)
        elif item.kind == "fix":
            if item.replacement is None:
                attrs.update(tidy="flagged")
            else:
                if item.state == "accepted" and not options.fixes_inline:
                    return None  # the correction alone is shown
                attrs.update(tidy="original")
            attrs.update(tidy_state=item.state, tidy_key=item.key, tidy_reason=item.reason)
    sentence = sentences.at(lo)
    is_current = current is not None and current[0] <= lo < current[1]
    return TextRun(source[lo:hi], source_start=lo, sentence_id=sentence,
                   annotation_ids=tuple(ids), current=is_current, **attrs)  # type: ignore[arg-type]


def _replacement(fix: _Item, options: RenderOptions) -> list[TextRun]:
    if not fix.replacement:  # flagged only, or a removal: nothing is inserted
        return []
    if not options.fixes_inline and fix.state != "accepted":
        return []
    common = {"tidy_state": fix.state, "tidy_key": fix.key, "tidy_reason": fix.reason}
    runs = []
    if options.fixes_inline and fix.start < fix.end:
        runs.append(TextRun(GAP, role="gap", tidy_key=fix.key, tidy_state=fix.state))
    runs.append(TextRun(fix.replacement, role="replacement", **common))  # type: ignore[arg-type]
    return runs


def build_render(session: ArticleSession, options: RenderOptions | None = None) -> RenderModel:
    """The render model of an :class:`reader.session.ArticleSession`."""
    options = options or RenderOptions()
    article = session.article
    source = article.source
    items = _french_items(session, options)
    notes = number_notes(session)
    notes_at: dict[int, list[int]] = {}
    english_notes: dict[int, list[NoteRef]] = {}
    if options.has("notes"):
        for ref in notes:
            if ref.annotation.side == "fr":
                notes_at.setdefault(ref.annotation.end, []).append(ref.number)
            elif ref.sentence_id is not None:
                english_notes.setdefault(ref.sentence_id, []).append(ref)
    current = None
    if options.has("current") and 0 <= session.current_sentence < len(session.sentences):
        s = session.sentences[session.current_sentence]
        current = (s.start, s.end)
    sentences = _SentenceIndex(session)
    header: tuple[TextRun, ...] = ()
    if article.date_header is not None:
        header = tuple(_runs_between(source, 0, article.date_header[1], items, options,
                                     notes_at, _SentenceIndex(None), None))
    paragraphs = []
    for para in article.paragraphs:
        french = _runs_between(source, para.start, para.end, items, options, notes_at,
                               sentences, current)
        english: tuple[EnglishRender, ...] = ()
        if options.show_english:
            english = tuple(english_render(session, s.id, options, english_notes)
                            for s in session.sentences if s.paragraph == para.index)
        paragraphs.append(ParagraphRender(para.index, para.kind, tuple(french), english))
    return RenderModel(article.title, header, paragraphs, notes, options)


def _french_items(session: ArticleSession, options: RenderOptions) -> list[_Item]:
    items: list[_Item] = []
    analysis = session.analysis
    if analysis is not None:
        if options.has("entities"):
            names = {g.id: g.name for g in analysis.groups}
            items += [_Item(e.start, e.end, "entity", e.label, names.get(e.group, e.text))
                      for e in analysis.entities if e.label not in options.hidden_labels]
        if options.has("quotes"):
            items += [_Item(q.start, q.end, "quote") for q in analysis.quotes
                      if q.kind in ("direct", "tweet")]
        if options.has("tidyups"):
            for t in analysis.tidy_ups:
                state = (session.review.decision(t.key) if session.review else None) or "pending"
                if state != "rejected":
                    items.append(_Item(t.start, t.end, "fix", t.cls, state=state, key=t.key,
                                       reason=f"{t.cls}: {t.reason}",
                                       replacement=t.replacement))
    if options.has("highlights"):
        items += [_Item(a.start, a.end, "highlight", a.colour, ann_id=a.id or -1)
                  for a in session.annotations if a.side == "fr"]
    return sorted(items, key=lambda i: (i.start, i.end))


def number_notes(session: ArticleSession) -> list[NoteRef]:
    """The session's notes numbered in reading order (English ones by their sentence)."""
    refs: list[tuple[int, int, int, Annotation, int | None, bool]] = []
    for a in session.annotations:
        if not a.has_note:
            continue
        if a.side == "fr":
            refs.append((a.end, 0, a.start, a, None, False))
        else:
            anchor = session.english_anchor(a)
            sid, changed = anchor if anchor is not None else (None, True)
            end = session.sentences[sid].end if sid is not None else (a.sentence_end or 0)
            refs.append((end, 1, a.start, a, sid, changed))
    refs.sort(key=lambda r: (r[0], r[1], r[2]))
    return [NoteRef(n, a, sid, changed) for n, (_e, _s, _st, a, sid, changed)
            in enumerate(refs, start=1)]


def english_render(session: ArticleSession, sentence_id: int, options: RenderOptions,
                   english_notes: dict[int, list[NoteRef]] | None = None) -> EnglishRender:
    """The runs of one sentence's English."""
    shown = session.english_of(sentence_id)
    if shown is None:
        return EnglishRender(sentence_id, (), missing=True)
    text = shown.text
    is_current = options.has("current") and session.current_sentence == sentence_id
    spans: list[tuple[int, int, str, str, int]] = []
    if options.has("entities"):
        spans += [(s, e, "entity", label, -1) for s, e, label in session.english_marks(sentence_id)
                  if label not in options.hidden_labels]
    changed_ids: list[int] = []
    if options.has("highlights"):
        for a in session.annotations:
            if a.side != "en":
                continue
            anchor = session.english_anchor(a)
            if anchor is None or anchor[0] != sentence_id:
                continue
            if anchor[1]:
                changed_ids.append(a.id or -1)
            else:
                spans.append((a.start, min(a.end, len(text)), "highlight", a.colour, a.id or -1))
    cuts = {0, len(text)}
    for s, e, *_ in spans:
        cuts.update((max(0, s), min(len(text), e)))
    points = sorted(cuts)
    runs: list[TextRun] = []
    for lo, hi in zip(points, points[1:], strict=False):
        attrs: dict[str, object] = {}
        ids: list[int] = []
        for s, e, kind, label, ann in spans:
            if s <= lo and hi <= e:
                if kind == "entity":
                    attrs["entity"] = label
                else:
                    attrs["highlight"] = label
                    ids.append(ann)
        runs.append(TextRun(text[lo:hi], sentence_id=sentence_id, annotation_ids=tuple(ids),
                            current=is_current, **attrs))  # type: ignore[arg-type]
    for ref in (english_notes or {}).get(sentence_id, []):
        runs.append(TextRun(f"[{ref.number}]", role="note", sentence_id=sentence_id,
                            note_number=ref.number, english_changed=ref.english_changed))
    if changed_ids:
        runs.append(TextRun(" ⚠", role="note", sentence_id=sentence_id,
                            annotation_ids=tuple(changed_ids), english_changed=True))
    if shown.edited:
        runs.append(TextRun(EDIT_MARK, role="edited", sentence_id=sentence_id))
    return EnglishRender(sentence_id, tuple(runs), shown.edited, shown.stale)


def plain_text(runs: Iterable[TextRun]) -> str:
    """The text a list of runs shows."""
    return "".join(r.text for r in runs)
