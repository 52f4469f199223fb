"""Typography tidy-ups, judged against the article's own house style.

Always wrong: a broken apostrophe (``qu ‘«il``), a space before a period or comma
(``d’extrémisme .``), a full stop glued to the next sentence (``duré.Pour``), a small word
typed twice (``des des``), double spaces, doubled quotation marks, Markdown emphasis asterisks
(``* une potence réelle *``; not a ``* item`` list). Matters of style (a space before
``: ; ! ?``, spaces inside ``« »``) are measured over the article's body (not its title line):
only a clear house style (three quarters of the marks, at least three) makes the minority
occurrences suggestions, because only then is the article inconsistent and the fix a visible
change of rendering. Straight and curly apostrophes are never flagged for their shape: mixing
them changes neither meaning nor rendering. A consistent style is never an error.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.analysis.entities import is_common_word
from reader.analysis.model import TidyUp

SPACES = " \u00a0\u202f"
BROKEN_APOSTROPHE = re.compile(
    r"\b(?:[Qq]u|[ldnsjcmtLDNSJCMT]|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu|[Pp]resqu)"
    r"(?P<gap>[ \t]+[‘’'][ \t]*|[ \t]*‘[ \t]*)(?=[«“\w])"
)
STRAY_QUOTE = re.compile(r"(?<![\w’'])‘(?=[ \u00a0\u202f]*«)")  # "‘«": a stray mark before «
# "touris- tiques": a word cut at a line end, the hyphen and the break left in
HYPHEN_RESIDUE = re.compile(r"\b(?P<a>[a-zà-ÿ]{2,})-[ \t]+(?P<b>[a-zà-ÿ]{2,})\b")
SPACE_BEFORE_STOP = re.compile(r"(?<=\w)[ \t]+(?=[.,](?:\s|$))")
DOUBLE_SPACE = re.compile(r"(?<=\S)[ ]{2,}(?=\S)")
DOUBLED_MARK = re.compile(r"([«»“”])[ \u00a0\u202f]*\1")
EMPHASIS = re.compile(r"(?<![\w*])\*[ \t]*(?P<inner>[^*\n]{1,120}?)[ \t]*\*(?![\w*])")
# "duré.Pour lui": a full stop glued to the next sentence (not "Change.org", "M.Dupont").
GLUED_STOP = re.compile(r"(?<=[a-zà-ÿ]{2})([.!?])(?=[A-ZÀ-Þ][a-zà-ÿ])")
# "des des excisions": a small word typed twice (not "nous nous", "vous vous").
DOUBLED_WORD = re.compile(r"(?<![\w’'-])(?P<word>le|la|les|des|du|de|un|une|à|au|aux|en|et|"
                          r"dans|pour|sur|par|qui|que|il|elle|est|a|ne|pas|ce|se)"
                          r"[ \t]+(?P=word)(?![\w’'-])", re.IGNORECASE)
PUNCT_SPACE = re.compile(r"(?<=[\w»”)])(?P<space>[ \u00a0\u202f]?)(?P<mark>[:;!?])(?=\s|$|[»”])")

REASONS = {
    "apostrophe": "A broken apostrophe: a space and a wrong mark where French writes ’.",
    "stop": "A stray space before the punctuation mark.",
    "double": "Two spaces where one is enough.",
    "doubled": "The quotation mark is doubled.",
    "emphasis": "Asterisks left from web formatting (*emphasis*); the words are kept, the "
                "asterisks removed.",
    "glued": "The full stop is glued to the next sentence: a space is missing.",
    "repeated": "The same word is written twice in a row.",
    "stray": "A stray quotation mark before the guillemet.",
    "hyphen": "A word cut at the end of a line: the hyphen and the break are left over.",
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
        for m in GLUED_STOP.finditer(self.source):
            if not self._in_address(m.start()):
                self._add(m.start(), m.end(), m.group(1) + " ", REASONS["glued"])
        for m in STRAY_QUOTE.finditer(self.source):
            self._add(m.start(), m.end(), "", REASONS["stray"])
        for m in HYPHEN_RESIDUE.finditer(self.source):
            joined = m.group("a") + m.group("b")
            if is_common_word(joined) and not (is_common_word(m.group("a"))
                                               and is_common_word(m.group("b"))):
                self._add(m.start(), m.end(), joined, REASONS["hyphen"])
        for m in DOUBLED_WORD.finditer(self.source):
            self._add(m.start(), m.end(), m.group("word"), REASONS["repeated"])

    def _in_address(self, pos: int) -> bool:
        """Inside a web or e-mail address, a file name or an abbreviation (``Le.Monde.fr``)."""
        start = pos
        while start > 0 and not self.source[start - 1].isspace():
            start -= 1
        end = pos
        while end < len(self.source) and not self.source[end].isspace():
            end += 1
        token = self.source[start:end]
        return bool(re.search(r"(?:https?:|www\.|@|/|\.(?:fr|com|org|net|io|be|ch|ca|info|"
                              r"html?|pdf)\b)", token, re.IGNORECASE))

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
