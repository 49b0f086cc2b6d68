"""The brief JSON contract (``schema: newsprism.brief/1``) as pydantic models.

Field names and shapes follow ``DESIGN.md``. Fields may be added; renaming or
removing one needs a schema version bump. Spans are ``[start, end)`` character
offsets into the ``text`` of the named document.

``RawDocument`` is internal: what ingest hands to clean, before any cleaning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "newsprism.brief/1"

Span = tuple[int, int]


class _Model(BaseModel):
    # Unknown keys are a bug in our own code, never silently dropped.
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- ingest


@dataclass
class RawDocument:
    """One decoded input before cleaning.

    ``input`` is the path or URL as the user gave it (for a record inside a
    JSONL or WARC file: ``file.jsonl#3`` / ``crawl.warc.gz#<record uri>``).
    ``kind`` tells clean whether ``content`` is HTML or plain text. Metadata
    fields hold what the container itself states (a JSONL record's ``title``,
    an HTTP URL); clean fills the rest from the text and never overrides these.
    """

    input: str
    content: str
    kind: Literal["text", "html"]
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    record_id: str | None = None


# --------------------------------------------------------------------------- brief


class Tool(_Model):
    name: str = "newsprism"
    version: str


class Removed(_Model):
    """Text cut from the input during cleaning, kept so a user can audit it."""

    text: str
    reason: str


class Document(_Model):
    id: str
    input: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    published: str | None = None
    text: str
    removed: list[Removed] = Field(default_factory=list)
    duplicate_of: str | None = None
    # A record's own id in its container (a JSONL/JSON record's ``id``), kept for joins.
    source_id: str | None = None


class Skipped(_Model):
    input: str
    reason: str


class Evidence(_Model):
    document: str
    span: Span


class Mention(_Model):
    document: str
    span: Span


class Entity(_Model):
    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Quote(_Model):
    id: str
    document: str
    span: Span
    text: str
    kind: Literal["direct", "partial", "indirect"]
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    # The text's words for a speaker that resolves to no entity: a role ("a
    # police spokesman") or a name that fits several people ("Mr. Trump" where
    # two Trumps are named). None when ``speaker`` is set or nobody is named.
    speaker_label: str | None = None
    # Entity ids an unresolved speaker could be (two or more), sorted.
    speaker_candidates: list[str] = Field(default_factory=list)


class QuoteGroup(_Model):
    id: str
    quotes: list[str]
    speakers: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)
    variants: bool = False
    speaker_conflict: bool = False


class Slot(_Model):
    kind: Literal["duration", "count", "quantity", "money", "percent", "date", "time", "place"]
    text: str
    span: Span
    value: float | int | str | None = None
    unit: str | None = None
    approx: Literal["about", "at_least", "at_most", "exact"] = "exact"


class Claim(_Model):
    id: str
    document: str
    span: Span
    text: str
    attributed_to: str | None = None
    hedged: bool = False
    slots: list[Slot] = Field(default_factory=list)


class FactValue(_Model):
    value: str
    claims: list[str]
    documents: list[str]
    # Statement facts: whether these documents affirm or negate the proposition,
    # and whether they report it as happened or planned (None for values).
    polarity: Literal["affirmed", "negated"] | None = None
    modality: str | None = None
    # Values: how approximate every claim of this value is ("about" for "nearly three
    # hours" and "about three hours"), None when they differ or are exact.
    approx: Literal["about", "at_least", "at_most"] | None = None


class Fact(_Model):
    id: str
    about: str
    status: Literal["corroborated", "single_source", "conflict"]
    independent_sources: int
    values: list[FactValue]
    # statement | count | date | duration | quantity | money | percent | time (None: unknown).
    kind: str | None = None
    # A claim by someone: every carrier reports it as that speaker's words, so
    # "corroborated" means it was said, not that it is true. ``attributed_to`` is
    # the speaker's entity id when one speaker is named.
    attributed: bool = False
    attributed_to: str | None = None
    # About another incident than the story's own (another year, "last year's shooting").
    background: bool = False
    # The story's main event (the anchor): the statement most sources make.
    main_event: bool = False


class Event(_Model):
    id: str
    type: str
    actor: str
    target: str | None = None
    location: str | None = None
    date: str | None = None
    evidence: list[Evidence]
    # planned | happened | refused | conditional; None when the reports disagree.
    mode: str | None = None
    # "invitation" for an invited meeting; None otherwise.
    subtype: str | None = None
    # The issue a stance event (demand, rejection …) is about, as in ``positions``.
    issue: str | None = None
    # An unnamed actor of a crime, disaster or protest event ("gunman", "police"):
    # ``actor`` is then "role-<noun>" and points at no entity.
    actor_role: str | None = None
    # The story's main event: the happened event most outlets report (one per brief).
    main: bool = False


class Position(_Model):
    actor: str
    issue: str
    stance: str
    evidence: list[Evidence]
    # True when other outlets report this actor's stance on this issue differently.
    outlets_differ: bool = False
    # Other wordings of the issue seen in the evidence ("security guarantee", "guarantee").
    issue_terms: list[str] = Field(default_factory=list)


class MarkedSpan(_Model):
    """Words inside an example sentence that explain it (a marker, an actor, a term)."""

    kind: str
    span: Span


class Example(_Model):
    """A sentence cited to explain a source profile figure; ``span`` is the sentence."""

    document: str
    span: Span
    kind: str
    marks: list[MarkedSpan] = Field(default_factory=list)
    score: float | None = None


class TonePhrase(_Model):
    """An own-voice phrase tied in the parse to a mention of an actor, with its polarity."""

    document: str
    span: Span
    text: str
    polarity: float


class ActorTone(_Model):
    """Tone of one source toward one actor: targeted tone averaged over the sentences naming it."""

    actor: str
    tone: float
    sentences: int
    evidence: list[Example] = Field(default_factory=list)
    # The phrases behind the tone, strongest first (issue 15).
    phrases: list[TonePhrase] = Field(default_factory=list)


class TermAlternative(_Model):
    """What other sources wrote in the same place as a loaded term ("shooting" for "massacre")."""

    term: str
    sources: int
    evidence: list[Example] = Field(default_factory=list)


class LoadedTerm(_Model):
    """A judging word this source uses in its own voice and the other sources do not."""

    term: str
    count: int
    score: float
    other_sources: int = 0
    evidence: list[Example] = Field(default_factory=list)
    # The term with the adjective or noun it pairs with in its most common use
    # ("strategic trap", "maximalist plan"); null when it stands alone.
    phrase: str | None = None
    # What the other sources said instead, where they describe the same thing (issue 15).
    alternatives: list[TermAlternative] = Field(default_factory=list)


class SourceProfile(_Model):
    outlet: str
    documents: list[str]
    opinion_share: float = 0.0
    tone: dict[str, float] = Field(default_factory=dict)
    loaded_terms: list[str] = Field(default_factory=list)
    unique_facts: list[str] = Field(default_factory=list)
    omitted_facts: list[str] = Field(default_factory=list)
    # Optional detail (issue 6); ``outlet`` is the file name when ``outlet_known`` is false.
    outlet_known: bool = True
    voices: dict[str, int] = Field(default_factory=dict)
    opinion_examples: list[Example] = Field(default_factory=list)
    claims: int = 0
    attributed_claims: int = 0
    attribution_share: float | None = None
    quoted: dict[str, int] = Field(default_factory=dict)
    unattributed_quotes: int = 0
    not_quoted: list[str] = Field(default_factory=list)
    tone_detail: list[ActorTone] = Field(default_factory=list)
    loaded_detail: list[LoadedTerm] = Field(default_factory=list)
    # Main actors this source names but with too little own-voice evidence for a tone.
    tone_withheld: list[str] = Field(default_factory=list)


class SummarySentence(_Model):
    text: str
    citations: list[Evidence]
    # Why the line is there: main_event | corroborated | dispute | single_source (None: unknown).
    role: str | None = None
    # The fact the line states, and how many independent sources carry it (of how many).
    fact: str | None = None
    sources: int | None = None
    of_sources: int | None = None


class Brief(_Model):
    """A cross-checked, cited briefing over a set of documents."""

    schema_: str = Field(default=SCHEMA, alias="schema")
    tool: Tool
    generated_at: str
    documents: list[Document] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    quote_groups: list[QuoteGroup] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    sources: list[SourceProfile] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True, serialize_by_alias=True)

    def document(self, doc_id: str) -> Document:
        """The document with id ``doc_id`` (KeyError when absent)."""
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)

    def entity(self, entity_id: str) -> Entity:
        """The entity with id ``entity_id`` (KeyError when absent)."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        raise KeyError(entity_id)
