"""What sentence voices produce (``extract.sentences``): per sentence its voice,
opinion markers, tone, actors, the stretches in someone else's voice, targeted tone
and word slots. Source profiles, loaded terms and tone read these types only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

Span = tuple[int, int]


class QuoteVoice(Protocol):
    """What sentences need of an extracted quote: where it is and who said it."""

    @property
    def span(self) -> Span: ...

    @property
    def speaker_span(self) -> Span | None: ...


Voice = Literal["opinion", "attributed", "factual", "other"]
Role = Literal["subject", "target"]


@dataclass(frozen=True)
class Marker:
    """Why a sentence reads as opinion or attributed: a kind and the words that show it."""

    kind: str
    span: Span


@dataclass(frozen=True)
class OtherVoice:
    """A stretch of a sentence in someone else's voice: quoted, or reported by a verb."""

    span: Span
    kind: Literal["quoted", "reported"]
    # The speaker's words in the document ("the minister", "she"), when known.
    speaker: Span | None = None


@dataclass(frozen=True)
class TargetTone:
    """Tone toward one entity mention, and the own-voice words behind it."""

    mention: Span
    tone: float
    phrases: tuple[tuple[Span, float], ...] = ()


@dataclass(frozen=True)
class WordSlot:
    """An own-voice content word and where it sits: what loaded terms compare across outlets.

    Two outlets fill the same slot when the words share a head and a relation
    ("a *desperate* attempt" / "a *last* attempt": head "attempt", ``amod``).
    """

    span: Span
    lemma: str
    head: str
    dep: str
    # The word with the adjective or noun right beside it that it pairs with
    # ("*strategic* trap", "maximalist *plan*"): how a reader names the framing.
    phrase: Span | None = None


@dataclass(frozen=True)
class SentenceFeatures:
    """Voice, markers, tone and actor roles of one sentence (document offsets)."""

    span: Span
    voice: Voice
    markers: tuple[Marker, ...] = ()
    tone: float = 0.0
    # Words of the author's own voice that carry the tone (lexicon hits).
    tone_words: tuple[Span, ...] = ()
    # Entity mentions that are the subject or the target of the sentence.
    actors: tuple[tuple[Span, Role], ...] = ()
    # Opinion cues in the author's own words, the frame of an attributed sentence
    # included ("X slammed …"): what the opinion share counts.
    opinion: bool = False
    # The document's headline (the title line): own voice, counted without an end mark.
    headline: bool = False
    # Stretches in someone else's voice; every other token is the author's own.
    others: tuple[OtherVoice, ...] = ()
    # Tone toward each entity mention from the own-voice words tied to it.
    targets: tuple[TargetTone, ...] = ()
    # Own-voice content words with their syntactic slot.
    words: tuple[WordSlot, ...] = ()
