"""Group mentions of the same entity and settle one label per group.

Mentions are linked when they are the same name (case-insensitive), a person's surname or
first name alone (``Trump`` → ``Donald Trump``), an acronym of a longer name (``AWS`` →
``Amazon Web Services``, by initials or by a parenthesised acronym right after the name), or a
variant spelling (``Amazone`` → ``Amazon``). A group's label comes from the gazetteer, else a
vote of its mentions' labels (ties go PER > ORG > LOC > MISC).
"""

from __future__ import annotations

import re

from reader.analysis.entities import Mention
from reader.analysis.label_cues import label_votes
from reader.analysis.lexicon import Lexicon
from reader.analysis.model import Entity, EntityGroup
from reader.analysis.variants import Variant

PRIORITY = {"PER": 4, "ORG": 3, "LOC": 2, "MISC": 1}
MODEL_WEIGHT = 2.5
RULE_LABELS = ("DATE", "HANDLE", "HASHTAG")
# Website-like names: CamelCase (TechCrunch, TheDonald) or a domain (TheDonald.win).
CAMEL = re.compile(r"^(?!Mc|Mac|De|Di|Le|La|Van|Von)[A-Z][a-z]+[A-Z]\w*$")
DOMAIN = re.compile(r"\.(?:com|net|org|win|fr|io|co|info)$")


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Keep the longer name as the root so it names the group.
            if len(rb) > len(ra):
                ra, rb = rb, ra
            self.parent[rb] = ra


def initials(name: str, lexicon: Lexicon) -> str:
    """Initials of a multi-word name, skipping particles (Anti-Defamation League: ADL;
    Parti socialiste: PS; Banque centrale européenne: BCE)."""
    particles = lexicon.words("name_particles")
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in particles]
    if len(words) < 2 or not words[0][0].isupper():
        return ""
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def _link(texts: dict[str, str], source: str, mentions: list[Mention],
          variants: list[Variant], lexicon: Lexicon, union: _Union) -> None:
    keys = list(texts)
    multi = [k for k in keys if " " in k or "-" in k]
    per_multi = [k for k in multi
                 if (lexicon.label_of(_original(k, source, mentions)) or texts[k]) == "PER"]
    for key in keys:
        if " " in key:
            continue
        known = lexicon.label_of(key)
        # A surname or first name alone joins the only person it can belong to.
        owners = [k for k in per_multi if key in (k.split()[0], k.split()[-1])]
        if len(owners) == 1 and known in (None, "PER"):
            union.union(owners[0], key)
        # "Astron" joins "Astron Ltd": a company name is its first word plus suffixes.
        suffixes = {w.casefold() for w in lexicon.cues.get("company_suffixes", ())}
        companies = [k for k in multi if k.split()[0] == key
                     and all(w in suffixes for w in k.split()[1:])]
        if companies and known in (None, "ORG"):
            for k in companies:
                union.union(k, key)
        original = next(source[m.start:m.end] for m in mentions
                        if source[m.start:m.end].casefold() == key)
        if original.isupper() and 2 <= len(original) <= 6:
            owners = [k for k in multi if initials(_original(k, source, mentions), lexicon)
                      == original]
            if len(owners) == 1:
                union.union(owners[0], key)
    # "Anti-Defamation League (ADL)": a parenthesised acronym right after a name.
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        between = source[a.end : b.start]
        acronym = source[b.start : b.end]
        name = source[a.start:a.end]
        if re.fullmatch(r"\s*\(\s*", between) and acronym.isupper() \
                and _letters_in_order(acronym, name):  # not "Yves Calvi (RTL)"
            union.union(name.casefold(), acronym.casefold())
    for v in variants:
        if v.text.casefold() in union.parent and v.reference.casefold() in union.parent:
            union.union(v.reference.casefold(), v.text.casefold())


def _letters_in_order(acronym: str, name: str) -> bool:
    """The acronym's letters start words of the name, in order (``MFDC``, ``ADL``)."""
    starts = [w[0].upper() for w in re.split(r"[\s’'-]+", name) if w]
    i = 0
    for letter in acronym:
        while i < len(starts) and starts[i] != letter:
            i += 1
        if i == len(starts):
            return False
        i += 1
    return True


def _original(key: str, source: str, mentions: list[Mention]) -> str:
    return next(source[m.start:m.end] for m in mentions if source[m.start:m.end].casefold() == key)


def _vote(mentions: list[Mention], source: str, lexicon: Lexicon) -> str:
    """Gazetteer first, then a label set by a head noun (``rue Broca``), then website-like
    names, then the weighted votes of the model's labels (sharing a weight of 2.5, less than
    one strong cue, so that a name the model saw often does not drown the context) and of the
    context cues around every mention (:mod:`label_cues`)."""
    names = [source[m.start:m.end] for m in mentions]
    for name in sorted(names, key=len, reverse=True):
        known = lexicon.label_of(name)
        if known:
            return known
    framed = [m.label for m in mentions if m.origin == "framed"]
    if framed:  # "rue Broca", "convention de Dublin": the head noun says what it is
        return framed[0]
    if any(CAMEL.match(n) or DOMAIN.search(n) for n in names):
        return "ORG"
    counts: dict[str, float] = {}
    model = [m for m in mentions if m.origin != "propagated"] or mentions
    for m in model:  # the model's labels share MODEL_WEIGHT, however often it saw the name
        counts[m.label] = counts.get(m.label, 0.0) + MODEL_WEIGHT / len(model)
    for m in mentions:
        for label, weight in label_votes(source, m.start, m.end, lexicon):
            counts[label] = counts.get(label, 0.0) + weight
    return max(counts, key=lambda lab: (counts[lab], PRIORITY.get(lab, 0)))


def group_mentions(source: str, mentions: list[Mention], variants: list[Variant],
                   lexicon: Lexicon) -> tuple[list[Entity], list[EntityGroup]]:
    """Entities with group ids and reconciled labels, and the groups themselves."""
    names = [m for m in mentions if m.label not in RULE_LABELS]
    texts: dict[str, str] = {}
    for m in names:
        key = source[m.start:m.end].casefold()
        texts.setdefault(key, m.label)
        if m.origin in ("spacy", "frame"):
            texts[key] = m.label
    union = _Union()
    for key in texts:
        union.find(key)
    _link(texts, source, names, variants, lexicon, union)
    members: dict[str, list[Mention]] = {}
    for m in mentions:
        text = source[m.start:m.end]
        root = f"{m.label}:{text.casefold()}" if m.label in RULE_LABELS else \
            union.find(text.casefold())
        members.setdefault(root, []).append(m)
    variant_texts = {v.text for v in variants}
    group_of: dict[str, tuple[int, str]] = {}
    groups: list[EntityGroup] = []
    entities: list[Entity] = []
    order = sorted(members, key=lambda r: min(m.start for m in members[r]))
    for gid, root in enumerate(order):
        ms = sorted(members[root], key=lambda m: m.start)
        surface = [source[m.start:m.end] for m in ms]
        if ms[0].label in RULE_LABELS:
            label = ms[0].label
        else:
            label = _vote(ms, source, lexicon)
        proper = [s for s in surface if s not in variant_texts] or surface
        name = max(proper, key=lambda s: (len(s.split()), surface.count(s), len(s)))
        group_of[root] = (gid, label)
        group_entities = tuple(Entity(m.start, m.end, source[m.start:m.end], label, gid)
                               for m in ms)
        entities.extend(group_entities)
        groups.append(EntityGroup(gid, label, name, len(ms), group_entities))
    entities.sort(key=lambda e: (e.start, e.end))
    return entities, groups
