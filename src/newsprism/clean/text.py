"""Plain text → paragraphs, without rewriting a single word.

Later stages cite ``[start, end)`` spans of the cleaned text, so this module
only touches whitespace: line endings are unified, runs of spaces inside a
line collapse to one, and the text is cut into paragraphs that the cleaner
joins back with a blank line.

Text saved from a web page puts one paragraph on each line, sometimes with a
blank line between paragraphs and sometimes without. Text from e-mail or
archives is hard-wrapped at ~72 columns instead, with blank lines between
paragraphs; those wrapped lines are joined back into one paragraph.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

# Everything that renders as horizontal space, but not the newline itself.
_SPACES = re.compile(r"[^\S\n]+")
# Zero-width characters and the BOM are invisible and break pattern matching.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_TERMINAL = tuple(".!?:;\"”’'»)")


@dataclass
class Paragraph:
    """One paragraph of the text; ``blank_after`` records a following blank line."""

    text: str
    blank_after: bool = False
    # The line was laid out in columns ("News   World   Sport"): a menu row.
    columns: bool = False


def normalise(content: str) -> str:
    """Unify line endings and collapse horizontal whitespace runs inside lines."""
    text = content.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def _is_hard_wrapped(lines: list[str]) -> bool:
    # A block of several medium lines that mostly do not end a sentence is one
    # paragraph wrapped at a fixed width; a block with any long line is not.
    if len(lines) < 3 or max(len(line) for line in lines) > 100:
        return False
    if statistics.median(len(line) for line in lines) < 40:
        return False
    open_ends = sum(1 for line in lines[:-1] if not line.endswith(_TERMINAL))
    return open_ends >= 0.6 * (len(lines) - 1)


_COLUMNS = re.compile(r"\S(?: {2,}|\t)\S.*\S(?: {2,}|\t)\S")


def split_paragraphs(content: str) -> list[Paragraph]:
    """Cut normalised text into paragraphs (one per line, or per wrapped block)."""
    raw_lines = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    columns = {_SPACES.sub(" ", line).strip() for line in raw_lines if _COLUMNS.search(line)}
    blocks: list[list[str]] = [[]]
    for line in normalise(content).split("\n"):
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    paragraphs: list[Paragraph] = []
    for block in blocks:
        if not block:
            continue
        if _is_hard_wrapped(block):
            paragraphs.append(Paragraph(" ".join(block), blank_after=True))
            continue
        paragraphs.extend(Paragraph(line, columns=line in columns) for line in block)
        paragraphs[-1].blank_after = True
    if paragraphs:
        paragraphs[-1].blank_after = False
    return paragraphs


def join_paragraphs(paragraphs: list[Paragraph]) -> str:
    """The reader's view: paragraphs separated by one blank line."""
    return "\n\n".join(p.text for p in paragraphs)
