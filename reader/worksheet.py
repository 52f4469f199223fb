"""Worksheet questions for a media-literacy class, generated from an article session.

The questions come from the analysis and the teacher's decisions, each with its answer for the
key: who is quoted (a table of speakers), which sources the article relies on, how many
artifacts there are to find (the accepted tidy-ups), what a calque means in English, and which
names refer to the same entity. The teacher edits, drops or adds questions before exporting;
questions are plain data so they travel in lesson packs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from reader.analysis.model import LABEL_NAMES
from reader.session import ArticleSession

KINDS = ("speakers", "sources", "artifacts", "calque", "same-entity", "free")


@dataclass
class Question:
    """One question: what the students read, the answer for the key, and how much room to
    leave (``lines``; ``table`` gives a two-column table of that many rows instead)."""

    kind: str
    prompt: str
    answer: list[str] = field(default_factory=list)
    lines: int = 3
    table: tuple[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        """Plain data (for lesson packs)."""
        data = asdict(self)
        data["table"] = list(self.table) if self.table else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Question:
        """The question back from :meth:`to_json`; raises ValueError on bad data."""
        try:
            kind, prompt = str(data["kind"]), str(data["prompt"])
            answer = [str(a) for a in data.get("answer", [])]
            lines = int(data.get("lines", 3))
            table = data.get("table")
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a worksheet question: {exc}") from exc
        if kind not in KINDS or not prompt.strip() or not 0 <= lines <= 40:
            raise ValueError(f"not a worksheet question: {data!r:.80}")
        header = (str(table[0]), str(table[1])) if isinstance(table, list) and \
            len(table) == 2 else None
        return cls(kind, prompt, answer, lines, header)


def _speakers(session: ArticleSession) -> Question | None:
    analysis = session.analysis
    assert analysis is not None
    quoted: dict[str, list[str]] = {}
    for q in analysis.quotes:
        if q.kind not in ("direct", "tweet"):
            continue
        who = q.speaker.strip() or "unattributed"
        words = q.text.strip("«»“”\" ")
        quoted.setdefault(who, []).append(words if len(words) <= 60 else words[:57] + "…")
    if not quoted:
        return None
    answer = [f"{who} ({len(says)} quote{'s' if len(says) > 1 else ''}): “{says[0]}”"
              for who, says in sorted(quoted.items(), key=lambda kv: -len(kv[1]))]
    spoken = " ".join(quoted).casefold()
    silent = [g.name for g in analysis.groups if g.label == "PER"
              and g.name.casefold() not in spoken
              and not any(m.text.casefold() in spoken for m in g.mentions)]
    if silent:
        answer.append("Named but never quoted: " + ", ".join(silent))
    return Question("speakers", "Who is quoted? Fill in the table: who speaks, and what do they "
                    "say? Who is talked about but never quoted?", answer,
                    lines=max(3, len(quoted)), table=("Who speaks", "What they say"))


def _sources(session: ArticleSession) -> Question | None:
    analysis = session.analysis
    assert analysis is not None
    names = list(dict.fromkeys(f"{s.name} ({s.cue})" if s.cue else s.name
                               for s in analysis.sources))
    if not names:
        return None
    return Question("sources", "Which sources does the article rely on, besides the people it "
                    "quotes (other outlets, documents, agencies)?", names, lines=3)


def _artifacts(session: ArticleSession) -> Question | None:
    review = session.review
    if review is None:
        return None
    accepted = [t for t in review.accepted() if t.replacement is not None]
    if not accepted:
        return None
    answer = [f"§{_paragraph_number(session, t.start)}: “{t.original.strip()}” → "
              f"“{t.replacement.strip() if t.replacement else '(remove)'}” ({t.cls})"
              for t in accepted]
    return Question("artifacts", f"This text was machine-translated and scraped from the web. "
                    f"Find {len(accepted)} traces of that (wrong names, leftovers from the page, "
                    "broken punctuation), and say what the text should say.", answer,
                    lines=max(3, len(accepted)))


def _calques(session: ArticleSession) -> list[Question]:
    analysis = session.analysis
    assert analysis is not None
    asked: list[Question] = []
    for t in analysis.tidy_ups:
        if t.cls != "calque":
            continue
        decision = session.review.decision(t.key) if session.review else None
        if decision == "rejected":
            continue
        phrase = t.original.strip()
        asked.append(Question("calque", f"§{_paragraph_number(session, t.start)}: “{phrase}” "
                              "is a word-for-word translation of a foreign expression (a "
                              "calque). What does it mean in English, and how would a French "
                              "journalist say it?",
                              [t.reason], lines=2))
    return asked


def _same_entity(session: ArticleSession) -> Question | None:
    analysis = session.analysis
    assert analysis is not None
    groups = []
    for g in analysis.groups:
        forms = list({m.text.casefold(): m.text for m in g.mentions}.values())
        if len(forms) >= 2:
            groups.append(f"{' = '.join(forms)} ({LABEL_NAMES.get(g.label, g.label)})")
    if not groups:
        return None
    return Question("same-entity", "Some names refer to the same person, organisation or place "
                    "under different forms. Which ones?", groups, lines=max(2, len(groups)))


def _paragraph_number(session: ArticleSession, offset: int) -> int:
    """The paragraph number (§) a teacher cites, as printed in the PDFs."""
    para = session.article.paragraph_at(offset)
    return para.index + 1 if para is not None else 0


def generate_questions(session: ArticleSession) -> list[Question]:
    """The default worksheet for the session's article (needs its analysis)."""
    if session.analysis is None:
        raise ValueError("the article has not been analysed yet")
    found: list[Question | None] = [_speakers(session), _sources(session),
                                    _artifacts(session)]
    questions = [q for q in found if q is not None]
    questions += _calques(session)
    same = _same_entity(session)
    if same is not None:
        questions.append(same)
    return questions
