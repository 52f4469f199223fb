"""Turning the bytes of a user's file into text, and saying how it was done.

The order of the checks:

1. A byte-order mark decides: UTF-8, UTF-16 (LE/BE) or UTF-32. A UTF-16 file without one is
   recognised by its pattern of zero bytes.
2. Valid UTF-8 is UTF-8.
3. A file whose lines are partly valid UTF-8 (with accents) and partly not mixes encodings
   (often two files pasted together): each line is decoded on its own, UTF-8 where it is
   valid, else Windows-1252, and the note says which lines.
4. Anything else goes to charset-normalizer, which names the encoding; Windows-1252 (then
   Latin-1) is the fallback.

A NUL character anywhere in the decoded text means the file is not text. The result carries
a short label of the encoding and, when it matters, a note for the user.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

ENCODING_LABELS = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16", "utf-32": "UTF-32", "cp1252": "Windows-1252",
    "latin-1": "Latin-1", "latin_1": "Latin-1", "iso-8859-1": "Latin-1",
    "iso8859_15": "Latin-9 (ISO-8859-15)", "mac_roman": "Mac Roman", "cp850": "DOS (CP850)",
}
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotTextError(ValueError):
    """The bytes are not text in any encoding the reader accepts; ``str()`` says why."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from a file, the encoding used, and a note for the user (or "")."""

    text: str
    encoding: str
    note: str = ""


def label(encoding: str) -> str:
    """A readable name for a Python codec name."""
    return ENCODING_LABELS.get(encoding.lower(), encoding)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when zero bytes sit at every other position, as in UTF-16."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _by_line(data: bytes) -> tuple[str, list[int]] | None:
    """Decode line by line when valid UTF-8 lines with accents sit beside invalid ones.

    Returns the text and the (1-based) numbers of the lines read as Windows-1252, or None
    when no line is UTF-8 beyond plain ASCII (then the file is simply not UTF-8).
    """
    lines = data.split(b"\n")
    utf8_accented = 0
    fallback: list[int] = []
    out = []
    for number, line in enumerate(lines, start=1):
        try:
            text = line.decode("utf-8")
            if any(b >= 0x80 for b in line):
                utf8_accented += 1
        except UnicodeDecodeError:
            text = line.decode("cp1252", errors="replace")
            fallback.append(number)
        out.append(text)
    if not utf8_accented or not fallback:
        return None
    return "\n".join(out), fallback


def _line_list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:8])
    return shown + (f" and {len(numbers) - 8} more" if len(numbers) > 8 else "")


# The encodings a French text plausibly comes in, when it is not UTF-8.
WESTERN = ("cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850")
FRENCH_LETTERS = set("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»’“”…")


def _plausibility(text: str) -> int:
    """French letters and quotes, minus control characters: which decoding reads right."""
    good = sum(1 for c in text if c in FRENCH_LETTERS)
    bad = sum(1 for c in text if "\x80" <= c <= "\x9f" or c in "¤¦¨´¸¼½¾")
    return good - 3 * bad


def _detect(data: bytes) -> tuple[str, str]:
    """(text, codec) for bytes that are not UTF-8.

    charset-normalizer ranks the candidate code pages; on short French texts it often puts a
    Central-European or Mac one first, so its Western candidates (plus Windows-1252 and
    Latin-1) are compared by how much of the result reads as French, ties going to its rank.
    """
    from charset_normalizer import from_bytes

    ranked = [m.encoding for m in from_bytes(data) if m.encoding in WESTERN]
    order = ranked + [e for e in WESTERN if e not in ranked]
    best: tuple[int, int, str, str] | None = None
    for rank, encoding in enumerate(order):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = (_plausibility(text), -rank, text, encoding)
        if best is None or score[:2] > best[:2]:
            best = score
    if best is None:  # pragma: no cover - latin-1 decodes anything
        return data.decode("latin-1"), "latin-1"
    return best[2], "latin-1" if best[3] == "latin_1" else best[3]


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode a file's bytes (see the module docstring); raise :class:`NotTextError`."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _after_bom(data, bom, codec, name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(Decoded(data.decode(utf16), utf16,
                                    f"“{name}” is UTF-16 (without a byte-order mark)."), name)
        except UnicodeDecodeError:
            pass
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"), name)
    except UnicodeDecodeError:
        pass
    mixed = _by_line(data)
    if mixed is not None:
        text, lines = mixed
        return _checked(Decoded(text, "mixed", (
            f"“{name}” mixes encodings: it is UTF-8 except line(s) {_line_list(lines)}, "
            "which were read as Windows-1252. Check those lines.")), name)
    text, codec = _detect(data)
    note = f"“{name}” was not UTF-8; it was read as {label(codec)}."
    return _checked(Decoded(text, codec, note), name)


def _after_bom(data: bytes, bom: bytes, codec: str, name: str) -> Decoded:
    body = data[len(bom):]
    if codec == "utf-8-sig":
        try:
            return _checked(Decoded(body.decode("utf-8"), codec,
                                    f"“{name}” is UTF-8 with a byte-order mark."), name)
        except UnicodeDecodeError:
            mixed = _by_line(body)
            lines = mixed[1] if mixed else [
                n for n, line in enumerate(body.split(b"\n"), start=1)
                if _invalid_utf8(line)]
            text = mixed[0] if mixed else "\n".join(
                line.decode("utf-8", errors="replace") if not _invalid_utf8(line)
                else line.decode("cp1252", errors="replace") for line in body.split(b"\n"))
            return _checked(Decoded(text, "mixed", (
                f"“{name}” starts as UTF-8 but line(s) {_line_list(lines)} are not UTF-8; "
                "they were read as Windows-1252. Check those lines.")), name)
    try:
        text = data.decode(codec)  # the utf-16/32 codecs read and drop the BOM themselves
    except UnicodeDecodeError as exc:
        raise NotTextError(
            f"“{name}” says it is {label(codec)} but is damaged at byte {exc.start}.") from exc
    return _checked(Decoded(text, codec, f"“{name}” is {label(codec)}; it was converted."),
                    name)


def _invalid_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _checked(decoded: Decoded, name: str) -> Decoded:
    nul = decoded.text.find("\x00")
    if nul >= 0:
        line = decoded.text.count("\n", 0, nul) + 1
        raise NotTextError(
            f"“{name}” is not a text file: it holds a NUL character (line {line}). "
            "Import .txt, .md or .html files.")
    return decoded
