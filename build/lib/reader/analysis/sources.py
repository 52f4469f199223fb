"""The sources list: the outlets and documents the article relies on ("on whose word?").

A source cue (``selon``, ``d’après``, ``rapportée par``, ``obtenu par``, ``comme le souligne``
…, from ``analysis_cues.json``) is followed by an outlet or a document: a named entity
(``selon le Washington Post``, ``selon un article de TechCrunch``), a person of an outlet
(``Brian Fung de CNN`` → CNN), or a document noun phrase (``selon plusieurs plaintes en
ligne``). A person named with a known news outlet (``X de NBC``) also cites that outlet.
"""

from __future__ import annotations

import re

from reader.analysis.lexicon import Lexicon
from reader.analysis.model import Entity, Source

FILLER = re.compile(
    r"(?:\s|le\b|la\b|les\b|l’|l'|un|une|des|du|de|d’|d'|article|rapport|enquête|étude|"
    r"publication|reportage|tweet|message|e-mail|communiqué|billet|post)+",
    re.IGNORECASE,
)
BETWEEN = r"\s+(?:(?:pour\s+la\s+première\s+fois|sur\s+[A-Z]\w+|notamment|d’abord|"
BETWEEN += r"initialement|aussi|également|samedi|dimanche|lundi|mardi|mercredi|jeudi|vendredi)\s+)?"
NAME_LABELS = ("ORG", "PER", "MISC")


def _cue_regex(lexicon: Lexicon) -> re.Pattern[str]:
    cues = sorted(lexicon.cues["source_cues"], key=len, reverse=True)
    parts = []
    for cue in cues:
        words = [re.escape(w).replace("’", "[’']") for w in cue.split()]
        parts.append(BETWEEN.join(words))
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w])", re.IGNORECASE)


def _outlet_after_person(source: str, person: Entity, entities: list[Entity]) -> Entity | None:
    """``Brandy Zadrozny et Ben Collins de NBC``: the organisation the people write for."""
    pos = person.end
    for e in entities:
        if e.start < pos:
            continue
        gap = source[pos : e.start]
        if e.label == "PER" and re.fullmatch(r"\s*(?:et|,)\s*", gap):
            pos = e.end
            continue
        if e.label in ("ORG", "MISC") and re.fullmatch(r"\s+(?:de|du|d’|d')\s*", gap):
            return e
        break
    return None


def find_sources(source: str, entities: list[Entity], lexicon: Lexicon) -> list[Source]:
    """Sources in text order, one per citing phrase."""
    names = [e for e in entities if e.label in NAME_LABELS]
    documents = lexicon.words("document_nouns")
    found: dict[tuple[int, int], Source] = {}
    for m in _cue_regex(lexicon).finditer(source):
        cue = re.sub(r"\s+", " ", m.group())
        filler = FILLER.match(source, m.end())
        after = filler.end() if filler else m.end()
        entity = next((e for e in names if e.start == after
                       or (e.start > m.end() and not source[m.end():e.start].strip(" ,"))),
                      None)
        if entity is None:
            entity = next((e for e in names if m.end() <= e.start <= after + 1), None)
        if entity is not None:
            if entity.label == "PER":
                entity = _outlet_after_person(source, entity, names) or entity
            found[(entity.start, entity.end)] = Source(entity.text, entity.start, entity.end,
                                                       cue)
            continue
        words = list(re.finditer(r"[\w’'-]+|[^\w\s]", source[m.end() : m.end() + 80]))
        for i, w in enumerate(words[:3]):
            if not re.match(r"\w", w.group()):
                break
            if w.group().casefold() in documents:
                start = m.end() + words[0].start()
                end = m.end() + w.end()
                tail = words[i + 1 : i + 3]
                if len(tail) == 2 and tail[0].group() in ("en", "de", "du", "des") \
                        and re.match(r"\w", tail[1].group()):
                    end = m.end() + tail[1].end()
                found[(start, end)] = Source(source[start:end], start, end, cue)
                break
    for e in names:
        if e.label == "PER":
            outlet = _outlet_after_person(source, e, names)
            if outlet is not None and outlet.text.casefold() in lexicon.outlets | {
                    o.split()[0] for o in lexicon.outlets}:
                found.setdefault((outlet.start, outlet.end),
                                 Source(outlet.text, outlet.start, outlet.end, "de"))
    return sorted(found.values(), key=lambda s: s.start)
