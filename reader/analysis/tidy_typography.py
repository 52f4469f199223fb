"""Typography tidy-ups, judged against the article's own house style.

Always wrong: a broken apostrophe (``qu ‘«il``, ``l ’école``, ``l’ école``), a space before a
period or comma (``d’extrémisme .``), double spaces, doubled quotation marks (``««``) or a
stray quote before one (``‘«``), doubled commas or two full stops, a missing space between
two sentences (``fin.Le``), a doubled short word (``le le``, ``de de``; not ``nous nous``),
hyphenation left from a line break (``gouver- nement``; not the suspended hyphen of ``pré- et
postnatal``), Markdown emphasis asterisks (``* une potence réelle *``; not a ``* item``
list). Matters of style (a space before
``: ; ! ?``, spaces inside ``« »``) are measured over the article's body (not its title line):
only a clear house style (three quarters of the marks, at least three) makes the minority
occurrences suggestions, because only then is the article inconsistent and the fix a visible
change of rendering. Straight and curly apostrophes are never flagged for their shape: mixing
them changes neither meaning nor rendering. A consistent style is never an error.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.analysis.common_words import is_common_word
from reader.analysis.model import TidyUp

SPACES = " \u00a0\u202f"
BROKEN_APOSTROPHE = re.compile(
    r"\b(?:[Qq]u|[ldnsjcmtLDNSJCMT]|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu|[Pp]resqu)"
    r"(?P<gap>[ \t]+[‘’'][ \t]*|[ \t]*‘[ \t]*)(?=[«“\w])"
)
APOSTROPHE_GAP_AFTER = re.compile(
    r"\b(?:[Qq]u|[ldnsjcmtLDNSJCMT]|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)[’'](?P<gap>[ \t]+)"
    r"(?=[aeiouyéèêàâîôûhAEIOUYÉÈÊÀÂÎÔÛH])")
STRAY_QUOTE = re.compile(r"(?:(?<=\s)|^)[‘’'`][ \t]*(?=«)|(?<=»)[‘’'`](?![\w])", re.MULTILINE)
DOUBLED_PUNCT = re.compile(r",[ \t]*,|(?<![.…])\.[ \t]*\.(?![.…])")
GLUED_SENTENCE = re.compile(r"(?<=[a-zà-ÿ]{2})[.!?](?=[A-ZÀ-Þ][a-zà-ÿ])")
REPEATABLE = ("le", "la", "les", "l’", "de", "des", "du", "un", "une", "et", "à", "au", "aux",
              "dans", "sur", "pour", "par", "que", "qui", "ce", "se", "il", "elle", "ils", "on",
              "ne", "pas", "a", "est", "son", "sa", "ses", "leur", "avec", "en", "y", "ou")
DOUBLED_WORD = re.compile(r"(?<![\w’'-])(?P<w>\w+)[ \t]+(?P=w)(?![\w’'-])", re.IGNORECASE)
HYPHENATED = re.compile(r"(?<![\w-])(?P<a>[a-zà-ÿ]{2,})-(?:[ \t]+|[ \t]*\n[ \t]*)"
                        r"(?P<b>[a-zà-ÿ]{2,})(?![\w-])")
SUSPENDED = {"et", "ou", "voire", "à", "comme", "ni"}
SPACE_BEFORE_STOP = re.compile(r"(?<=\w)[ \t]+(?=[.,](?:\s|$))")
DOUBLE_SPACE = re.compile(r"(?<=\S)[ ]{2,}(?=\S)")
DOUBLED_MARK = re.compile(r"([«»“”])[ \u00a0\u202f]*\1")
EMPHASIS = re.compile(r"(?<![\w*])\*[ \t]*(?P<inner>[^*\n]{1,120}?)[ \t]*\*(?![\w*])")
PUNCT_SPACE = re.compile(r"(?<=[\w»”)])(?P<space>[ \u00a0\u202f]?)(?P<mark>[:;!?])(?=\s|$|[»”])")

REASONS = {
    "apostrophe": "A broken apostrophe: a space and a wrong mark where French writes ’.",
    "stop": "A stray space before the punctuation mark.",
    "double": "Two spaces where one is enough.",
    "doubled": "The quotation mark is doubled.",
    "stray": "A stray quote mark before the guillemet.",
    "punct": "A punctuation mark is doubled.",
    "glued": "No space after the end of the sentence.",
    "word": "The same word twice in a row.",
    "hyphen": "A word split by a hyphen and a space: hyphenation left from a line break.",
    "emphasis": "Asterisks left from web formatting (*emphasis*); the words are kept, the "
                "asterisks removed.",
}


def _majority(counts: Counter[bool]) -> bool | None:
    """The house style (True = with a space), or None when there is no clear one."""
    total = counts[True] + counts[False]
    for style in (True, False):
        if counts[style] >= 3 and counts[style] >= 0.75 * total:
            return style
    return None


class Typography:
    """Finds typography suggestions in one source text."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.found: list[TidyUp] = []
        self.body_start = _title_end(source)
        self.inner_style = self._guillemet_style()

    def _add(self, start: int, end: int, replacement: str, reason: str) -> None:
        if any(t.start < end and start < t.end for t in self.found):
            return
        self.found.append(TidyUp(start, end, self.source[start:end], replacement,
                                 "typography", reason))

    def _guillemet_style(self) -> dict[str, bool | None]:
        """House style for the four sides of « and »: is there a space?"""
        counts: dict[str, Counter[bool]] = {k: Counter() for k in
                                            ("open_in", "open_out", "close_in", "close_out")}
        for i, ch in enumerate(self.source):
            if i < self.body_start:
                continue
            if ch == "«":
                counts["open_in"][self._at(i + 1) in SPACES] += 1
                before = self._at(i - 1)
                if before and before not in "\n’'‘(" and (before.isalnum() or before in SPACES):
                    counts["open_out"][before in SPACES] += 1
            elif ch == "»":
                before = self._at(i - 1)
                if before and before != "\n":
                    counts["close_in"][before in SPACES] += 1
                after = self._at(i + 1)
                if after and (after.isalnum() or after in SPACES) and after != "\n":
                    counts["close_out"][after in SPACES] += 1
        return {k: _majority(c) for k, c in counts.items()}

    def _at(self, i: int) -> str:
        return self.source[i] if 0 <= i < len(self.source) else ""

    def always_wrong(self) -> None:
        """Faults that are wrong in any house style."""
        space_in = bool(self.inner_style.get("open_in"))
        for m in BROKEN_APOSTROPHE.finditer(self.source):
            start, end = m.span("gap")
            replacement = "’"
            if self._at(end) == "«":
                end += 1
                while self._at(end) in SPACES and self._at(end):
                    end += 1
                replacement = "’«" + ("\u00a0" if space_in else "")
            self._add(start, end, replacement, REASONS["apostrophe"])
        for m in EMPHASIS.finditer(self.source):
            line_start = self.source.rfind("\n", 0, m.start()) + 1
            if self.source[line_start:m.start() + 1].strip() == "*":
                continue  # a "* item" list, not emphasis
            self._add(m.start(), m.end(), m.group("inner"), REASONS["emphasis"])
        for m in DOUBLED_MARK.finditer(self.source):
            self._add(m.start(), m.end(), m.group(1), REASONS["doubled"])
        for m in SPACE_BEFORE_STOP.finditer(self.source):
            word = re.search(r"\w+$", self.source[: m.start()])
            start = word.start() if word else m.start()
            self._add(start, m.end() + 1, self.source[start:m.start()] + self._at(m.end()),
                      REASONS["stop"])
        for m in DOUBLE_SPACE.finditer(self.source):
            self._add(m.start(), m.end(), " ", REASONS["double"])
        self.slips()

    def slips(self) -> None:
        """Faults of copying, OCR or line breaks: gaps, glued sentences, doubled words."""
        src = self.source
        for m in APOSTROPHE_GAP_AFTER.finditer(src):
            self._add(m.start("gap"), m.end("gap"), "", REASONS["apostrophe"])
        for m in STRAY_QUOTE.finditer(src):
            self._add(m.start(), m.end(), "", REASONS["stray"])
        for m in DOUBLED_PUNCT.finditer(src):
            self._add(m.start(), m.end(), m.group()[0], REASONS["punct"])
        for m in GLUED_SENTENCE.finditer(src):
            run = re.search(r"\S*$", src[: m.start()])
            after = re.match(r"\S*", src[m.end() :])
            token = (run.group() if run else "") + (after.group() if after else "")
            if re.search(r"[/@]|www|\.(?:fr|com|org|net)\b", token):
                continue  # an address, not two sentences
            self._add(m.start(), m.end(), m.group() + " ", REASONS["glued"])
        for m in DOUBLED_WORD.finditer(src):
            first, second = src[m.start("w") : m.end("w")], src[m.end() - len(m.group("w")) :
                                                                 m.end()]
            if second.casefold() not in REPEATABLE or second != second.lower():
                continue
            if second == "de" and re.match(r"\s+[A-ZÀ-Þ]", src[m.end() :]):
                continue  # "le discours de de Gaulle"
            self._add(m.start(), m.end(), first, REASONS["word"])
        for m in HYPHENATED.finditer(src):
            a, b = m.group("a"), m.group("b")
            if b in SUSPENDED or "\n\n" in m.group():
                continue
            joined = a + b
            if is_common_word(joined) or not (is_common_word(a) or is_common_word(b)):
                self._add(m.start(), m.end(), joined, REASONS["hyphen"])

    def punctuation_spacing(self) -> None:
        """Minority spacing before ``: ; ! ?`` (per mark), where a house style is clear."""
        matches = [m for m in PUNCT_SPACE.finditer(self.source) if m.start() >= self.body_start]
        for mark in ":;!?":
            ms = [m for m in matches if m.group("mark") == mark
                  and not (mark in "!?" and self._at(m.start("mark") - 1) in "!?")]
            style = _majority(Counter(bool(m.group("space")) for m in ms))
            if style is None:
                continue
            for m in ms:
                if bool(m.group("space")) != style:
                    start = m.start("space") if m.group("space") else m.start("mark")
                    repl = ("\u00a0" + mark) if style else mark
                    self._add(start, m.end("mark"), repl,
                              f"Elsewhere this article {'puts' if style else 'puts no'} space "
                              f"before “{mark}”; this one differs.")

    def guillemet_spacing(self) -> None:
        """Minority spacing around « and », one suggestion per mark."""
        style = self.inner_style
        for i, ch in enumerate(self.source):
            if ch not in "«»" or i < self.body_start:
                continue
            start, end = i, i + 1
            while start > 0 and self.source[start - 1] in SPACES:
                start -= 1
            while end < len(self.source) and self.source[end] in SPACES:
                end += 1
            before, after = self._at(start - 1), self._at(end)
            if ch == "«":
                out_ok = before in ("", "\n", "’", "'", "‘", "(") or not (
                    before.isalnum() or start < i)
                want_out = style["open_out"] if not out_ok else None
                want_in = style["open_in"] if after not in ("", "\n") else None
                has_out, has_in = start < i, end > i + 1
            else:
                want_in = style["close_in"] if before not in ("", "\n") else None
                want_out = style["close_out"] if after and (after.isalnum()) else None
                has_in, has_out = start < i, end > i + 1
            wrong_in = want_in is not None and want_in != has_in
            wrong_out = want_out is not None and want_out != has_out
            if not (wrong_in or wrong_out):
                continue
            use_in = want_in if want_in is not None else has_in
            use_out = want_out if want_out is not None else has_out
            sp_in = "\u00a0" if use_in else ""
            sp_out = " " if use_out else ""
            repl = f"{sp_out}«{sp_in}" if ch == "«" else f"{sp_in}»{sp_out}"
            self._add(start, end, repl,
                      "The spacing around this guillemet differs from the rest of the "
                      "article (its house style).")


def _title_end(source: str) -> int:
    """End of a title line (a short first paragraph without a final stop), else 0."""
    end = source.find("\n")
    first = source[:end] if end >= 0 else ""
    if first and len(first.split()) <= 25 and not first.rstrip().endswith((".", "!", "…")):
        return end
    return 0


def typography(source: str) -> list[TidyUp]:
    """All typography suggestions, in text order."""
    t = Typography(source)
    t.always_wrong()
    t.guillemet_spacing()
    t.punctuation_spacing()
    return sorted(t.found, key=lambda s: s.start)
