"""Who speaks in an article, and on whose word it relies: plain data for the voices chart.

From an analysed :class:`reader.session.ArticleSession`:

- :class:`Voice`: one quoted speaker with how many quotes and how many words it gets, and its
  kind: ``person`` (a named person), ``organisation``, ``anonymous`` (``un utilisateur``,
  ``la foule``, ``des sources``, an account known only by its @handle, or a quote nobody is
  named for) or ``document`` (``un e-mail de X``, ``un article de Parler``: a text quoted,
  not a person). Quotation marks around a mere expression (scare quotes) are not voices.
- :class:`Reliance`: what the article relies on that is not a quote (``selon le Washington
  Post``, ``selon plusieurs plaintes en ligne``): ``outlet`` (a known news outlet),
  ``organisation``, ``person``, ``document`` or ``anonymous``, with how often it is cited.

The kind comes from the entity labels of the analysis inside the speaker's words, and the
head noun of the phrase (word lists in ``resources/analysis_cues.json``). Names are shown
after the accepted tidy-ups (``Buzzfeed`` → ``BuzzFeed``) and one entity's mentions count as
one speaker (``Matze`` is ``John Matze``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.analysis.lexicon import Lexicon, load_lexicon
from reader.analysis.model import Entity
from reader.article import WORD
from reader.names import NamedEntity, name_match

if TYPE_CHECKING:  # pragma: no cover
    from reader.session import ArticleSession

KINDS = ("person", "organisation", "anonymous", "document")
RELIANCE_KINDS = ("outlet", "organisation", "person", "document", "anonymous")
KIND_NAMES = {"person": "Named people", "organisation": "Organisations",
              "anonymous": "Anonymous", "document": "Documents", "outlet": "News outlets"}
UNATTRIBUTED = "(nobody named)"
DETERMINER = re.compile(
    r"^(?:(?:un|une|le|la|les|l’|l'|des|du|de|d’|d'|ce|cette|ces|plusieurs|certains|"
    r"certaines|autre|autres|même|mêmes|son|sa|ses|leur|leurs|nombreux|nombreuses)\s*)+",
    re.IGNORECASE)
ANONYMOUS_NOUNS = frozenset({"source", "sources", "proche", "proches", "quelqu’un",
                             "quelqu'un", "on"})
# Bodies that speak as one: "le ministère de l’Industrie a indiqué" is an organisation even
# when no entity is recognised in it.
INSTITUTION_NOUNS = frozenset({
    "équipe", "groupe", "direction", "service", "syndicat", "syndicats", "association", "ong",
    "ministère", "gouvernement", "entreprise", "société", "compagnie", "conseil", "bureau",
    "commission", "cour", "tribunal", "parquet", "préfecture", "mairie", "agence", "autorité",
    "police", "gendarmerie", "armée", "parti", "fédération", "comité", "collectif"})
# A person who speaks for a body: "un porte-parole du ministère" is the ministry's voice.
SPOKESPERSON = re.compile(r"^(?:porte-parole|représentante?s?|communiqué)$")


@dataclass(frozen=True)
class Voice:
    """One quoted speaker: ``quotes`` quotations totalling ``words`` words."""

    name: str
    kind: str
    quotes: int
    words: int
    written: tuple[str, ...] = ()  # the speaker as the article names it, each way
    quote_starts: tuple[int, ...] = ()  # source offsets of the quotes


@dataclass(frozen=True)
class Reliance:
    """Something the article relies on that is not a quote, cited ``citations`` times."""

    name: str
    kind: str
    citations: int
    cues: tuple[str, ...] = ()


@dataclass
class Voices:
    """The voices and reliances of one article."""

    article_id: str
    voices: list[Voice] = field(default_factory=list)
    reliances: list[Reliance] = field(default_factory=list)
    terms: int = 0  # expressions in quotation marks with nobody quoted

    def totals(self) -> dict[str, dict[str, int]]:
        """Per kind: speakers, quotes and words (every kind present, zeros included)."""
        out = {k: {"speakers": 0, "quotes": 0, "words": 0} for k in KINDS}
        for v in self.voices:
            out[v.kind]["speakers"] += 1
            out[v.kind]["quotes"] += v.quotes
            out[v.kind]["words"] += v.words
        return out

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (schema in ``docs/classroom.md``)."""
        return {
            "article": self.article_id,
            "voices": [{"name": v.name, "kind": v.kind, "quotes": v.quotes, "words": v.words,
                        "written": list(v.written)} for v in self.voices],
            "totals": self.totals(),
            "relies_on": [{"name": r.name, "kind": r.kind, "citations": r.citations,
                           "cues": list(r.cues)} for r in self.reliances],
            "terms": self.terms,
        }


def word_count(text: str) -> int:
    """Words in a quotation (punctuation and quotation marks not counted)."""
    return len(WORD.findall(text))


def tidied(session: ArticleSession, start: int, end: int) -> str:
    """The source range as the working text has it (accepted tidy-ups applied)."""
    text = session.offset_map.working_slice(start, end).strip()
    return re.sub(r"\s+", " ", text) or session.article.source[start:end].strip()


def entity_name(session: ArticleSession, entity: Entity) -> str:
    """The name of an entity's group after tidy-ups (a misspelt mention gives way)."""
    analysis = session.analysis
    group = analysis.group(entity.group) if analysis is not None else None
    if group is None:
        return tidied(session, entity.start, entity.end)
    named = [m for m in group.mentions if m.text == group.name] or list(group.mentions)
    return tidied(session, named[0].start, named[0].end)


def head_noun(phrase: str) -> str:
    """The first word of a noun phrase after its determiners, casefolded."""
    rest = DETERMINER.sub("", phrase.strip())
    words = WORD.findall(rest)
    return words[0].casefold() if words else ""


def _entities_in(session: ArticleSession, span: tuple[int, int] | None) -> list[Entity]:
    if span is None or session.analysis is None:
        return []
    return session.analysis.entities_in(span[0], span[1])


LINKING = ("de", "du", "des", "d’", "d'")
DETERMINERS = ("le", "la", "les", "l’", "l'", "un", "une", "ce", "cette", "ces", "son", "sa",
               "ses", "leur", "leurs")


def core_phrase(phrase: str) -> str:
    """A described speaker without what follows its ``de X`` complement: "un article de
    Parler avant les violences de mercredi" → "un article de Parler", "un e-mail d’Amazon Web
    Services obtenu par Buzzfeed" → "un e-mail d’Amazon Web Services", while "un responsable
    de la région" stays whole. Names and handles after the complement stay."""
    kept: list[str] = []
    state = "head"  # head → complement (after "de") → after (the complement's noun is in)
    for word in phrase.split():
        low = word.casefold()
        glued = low.startswith(("d’", "d'")) and len(low) > 2
        if state == "after" and not (low in LINKING or glued or word[:1].isupper()
                                     or word[:1] in "@#"):
            break
        kept.append(word)
        if glued:
            state = "after"
        elif low in LINKING:
            state = "complement"
        elif state == "complement" and low not in DETERMINERS:
            state = "after"
    return " ".join(kept) if kept else phrase


def classify_speaker(session: ArticleSession, phrase: str, span: tuple[int, int] | None,
                     lexicon: Lexicon) -> tuple[str, str]:
    """``(name, kind)`` of a quote's speaker (see the module docstring)."""
    if not phrase.strip():
        return UNATTRIBUTED, "anonymous"
    inside = _entities_in(session, span)
    people = [e for e in inside if e.label == "PER"]
    # A place that speaks is a body (a mislabelled organisation, or "Washington a dit").
    bodies = [e for e in inside if e.label in ("ORG", "MISC", "LOC")]
    head = head_noun(phrase)
    written = core_phrase(tidied(session, *span) if span else phrase.strip())
    if head in ANONYMOUS_NOUNS:
        return written, "anonymous"
    if head in lexicon.words("document_nouns") and not people:
        return written, "document"
    if people:
        return entity_name(session, people[-1]), "person"
    if bodies and (head in INSTITUTION_NOUNS or SPOKESPERSON.match(head)
                   or head not in lexicon.words("person_nouns")):
        return _body_name(session, written, head, bodies[-1]), "organisation"
    if head in INSTITUTION_NOUNS:
        return written, "organisation"
    if SPOKESPERSON.match(head) and any(w.casefold() in INSTITUTION_NOUNS
                                        for w in WORD.findall(phrase)[1:]):
        return written, "organisation"
    return written, "anonymous"


def is_outlet(name: str, lexicon: Lexicon) -> bool:
    """A known news outlet (``resources/known_entities.json``), with or without its article
    (``Échos`` for ``Les Échos``)."""
    folded = name.casefold().strip()
    return folded in lexicon.outlets or any(o.endswith(" " + folded) and len(o.split()) == 2
                                            and o.split()[0] in ("le", "la", "les", "the")
                                            for o in lexicon.outlets)


def _body_name(session: ArticleSession, phrase: str, head: str, entity: Entity) -> str:
    """The body's name: the entity's, unless it tags only the end of a longer capitalised
    name after the head noun (``le syndicat Sud Santé`` → ``Sud Santé``, not ``Santé``)."""
    name = entity_name(session, entity)
    words = phrase.split()
    index = next((i for i, w in enumerate(words) if w.casefold() == head), None)
    if index is None:
        return name
    rest = words[index + 1:]
    while rest and rest[0].casefold() in ("de", "du", "des", "d’", "d'"):
        rest = rest[1:]
    tail = " ".join(rest)
    if rest and rest[0][:1].isupper() and tail.endswith(entity.text) and tail != entity.text \
            and all(w[:1].isupper() or w in ("and", "et", "de", "du") for w in rest):
        return tail
    return name


def classify_reliance(session: ArticleSession, start: int, end: int, name: str,
                      lexicon: Lexicon) -> tuple[str, str]:
    """``(name, kind)`` of a cited source."""
    inside = _entities_in(session, (start, end))
    head = head_noun(name)
    if head in ANONYMOUS_NOUNS:
        return tidied(session, start, end), "anonymous"
    if head in lexicon.words("document_nouns"):
        return tidied(session, start, end), "document"
    if inside:
        entity = inside[0]
        name = entity_name(session, entity)
        if entity.label == "PER":
            return name, "person"
        return name, "outlet" if is_outlet(name, lexicon) else "organisation"
    if head in lexicon.words("person_nouns"):
        return tidied(session, start, end), "anonymous"
    return tidied(session, start, end), "document"


def _merge_named(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One speaker written two ways is one voice (``Benhadou`` / ``Benhaddou``)."""
    merged: list[dict[str, Any]] = []
    for entry in sorted(entries, key=lambda e: -e["quotes"]):
        label = {"person": "PER", "organisation": "ORG"}.get(entry["kind"])
        same = None
        if label is not None:
            me = NamedEntity(entry["name"], label, entry["quotes"], ())
            same = next((m for m in merged if m["kind"] == entry["kind"] and name_match(
                NamedEntity(m["name"], label, m["quotes"], ()), me) is not None), None)
        if same is None:
            merged.append(entry)
            continue
        same["quotes"] += entry["quotes"]
        same["words"] += entry["words"]
        same["written"] += [w for w in entry["written"] if w not in same["written"]]
        same["starts"] += entry["starts"]
    return merged


def voices_of(session: ArticleSession, lexicon: Lexicon | None = None) -> Voices:
    """The voices and reliances of an analysed session."""
    analysis = session.analysis
    if analysis is None:
        raise RuntimeError("the analysis is not ready")
    lexicon = lexicon or load_lexicon()
    found = Voices(session.article.id)
    speakers: dict[tuple[str, str], dict[str, Any]] = {}
    for quote in analysis.quotes:
        if quote.kind == "term":
            found.terms += 1
            continue
        name, kind = classify_speaker(session, quote.speaker, quote.speaker_span, lexicon)
        key = (name.casefold(), kind)
        entry = speakers.setdefault(key, {"name": name, "kind": kind, "quotes": 0,
                                          "words": 0, "written": [], "starts": []})
        entry["quotes"] += 1
        entry["words"] += word_count(tidied(session, quote.start, quote.end))
        written = quote.speaker.strip() or UNATTRIBUTED
        if written not in entry["written"]:
            entry["written"].append(written)
        entry["starts"].append(quote.start)
    found.voices = sorted(
        (Voice(e["name"], e["kind"], e["quotes"], e["words"], tuple(e["written"]),
               tuple(sorted(e["starts"]))) for e in _merge_named(list(speakers.values()))),
        key=lambda v: (-v.words, -v.quotes, v.name.casefold()))
    cited: dict[tuple[str, str], list[str]] = {}
    names: dict[tuple[str, str], str] = {}
    for source in analysis.sources:
        name, kind = classify_reliance(session, source.start, source.end, source.name, lexicon)
        key = (name.casefold(), kind)
        names.setdefault(key, name)
        cited.setdefault(key, []).append(source.cue)
    found.reliances = sorted(
        (Reliance(names[k], k[1], len(cues), tuple(dict.fromkeys(cues)))
         for k, cues in cited.items()),
        key=lambda r: (-r.citations, r.name.casefold()))
    return found
