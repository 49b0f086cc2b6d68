"""What the HTML and Markdown renderers both show, computed once from a ``Brief``.

Everything here is plain data in a fixed order (sorted, never set order), so
both outputs are deterministic and say the same thing. No markup is produced
here: escaping is the job of each renderer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import PurePosixPath

from newsprism.models import (
    Brief,
    Claim,
    Document,
    Evidence,
    Fact,
    FactValue,
    Quote,
    QuoteGroup,
    SummarySentence,
)

# Disputed first: a conflict between outlets is what a reader most needs to see.
# Facts sections, in order. "Corroborated" never "established": several independent
# sources agree, which is all the brief can say; "attributed" facts are corroborated
# only in that someone said them; "background" facts are about another incident.
FACT_SECTIONS: tuple[tuple[str, str], ...] = (
    ("conflict", "Disputed"),
    ("corroborated", "Corroborated"),
    ("attributed", "Attributed"),
    ("single_source", "Single-source"),
    ("background", "Background"),
)


_SINGULAR = {
    "documents": "document",
    "outlets": "outlet",
    "entities": "entity",
    "duplicates": "duplicate",
    "quotes": "quote",
    "claims": "claim",
    "facts": "fact",
    "events": "event",
}


def cite_id(doc_id: str, span: Sequence[int]) -> str:
    """The anchor id of a cited span in a document's text, e.g. ``d-ab12-12-40``."""
    return f"{doc_id}-{span[0]}-{span[1]}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass(frozen=True)
class Citation:
    """One link from an item to a span of a document's text."""

    number: int
    document: str
    span: tuple[int, int]
    label: str
    anchor: str
    text: str
    linked: bool


@dataclass(frozen=True)
class EntityRow:
    id: str
    name: str
    type: str
    aliases: list[tuple[str, int]]
    documents: int
    mentions: int


@dataclass(frozen=True)
class SpeakerGroup:
    speaker: str | None
    name: str
    quotes: list[Quote]


@dataclass(frozen=True)
class FactSection:
    status: str
    title: str
    facts: list[Fact]


@dataclass
class View:
    """Lookups and ordered lists over one ``Brief`` for the templates."""

    brief: Brief
    docs: dict[str, Document] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    group_of: dict[str, QuoteGroup] = field(default_factory=dict)
    quotes: dict[str, Quote] = field(default_factory=dict)
    facts: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        b = self.brief
        self.docs = {d.id: d for d in b.documents}
        self.names = {e.id: e.name for e in b.entities}
        self.claims = {c.id: c for c in b.claims}
        self.facts = {f.id: f.about for f in b.facts}
        self.ids = {*self.docs, *self.names, *self.facts}
        self.quotes = {q.id: q for q in b.quotes}
        for group in b.quote_groups:
            for qid in group.quotes:
                self.group_of.setdefault(qid, group)

    # ---------------------------------------------------------------- labels

    def name(self, entity_id: str | None) -> str:
        """Display name of an entity id; an unknown id is shown as itself."""
        if entity_id is None:
            return ""
        return self.names.get(entity_id, entity_id)

    def doc_label(self, doc_id: str) -> str:
        """Outlet, else file name of the input: what a reader recognises a source by."""
        doc = self.docs.get(doc_id)
        if doc is None:
            return doc_id
        label = doc.outlet or PurePosixPath(doc.input.replace("\\", "/")).name or doc.input
        # A syndicated copy often carries the wire's name as its outlet; without the
        # mark a reader would see one outlet twice and count it as two voices.
        return f"{label} (copy)" if doc.duplicate_of else label

    def fact_about(self, fact_id: str) -> str:
        return self.facts.get(fact_id, fact_id)

    def doc_labels(self, doc_ids: Sequence[str]) -> str:
        return ", ".join(self.doc_label(d) for d in doc_ids)

    def span_text(self, doc_id: str, span: Sequence[int]) -> str:
        doc = self.docs.get(doc_id)
        return "" if doc is None else doc.text[span[0] : span[1]]

    def evidence(self, items: Sequence[Evidence]) -> list[Citation]:
        return [self.cite(i, e.document, e.span) for i, e in enumerate(items, start=1)]

    def cite(self, number: int, doc_id: str, span: Sequence[int]) -> Citation:
        start, end = int(span[0]), int(span[1])
        return Citation(
            number=number,
            document=doc_id,
            span=(start, end),
            label=self.doc_label(doc_id),
            anchor=cite_id(doc_id, (start, end)),
            text=self.span_text(doc_id, (start, end)),
            linked=doc_id in self.docs,
        )

    # ---------------------------------------------------------------- header

    @property
    def outlets(self) -> list[str]:
        return sorted({d.outlet for d in self.brief.documents if d.outlet})

    @property
    def headline(self) -> str:
        docs = plural(len(self.brief.documents), "document")
        n_outlets = len(self.outlets)
        if n_outlets == 0:
            return f"Brief — {docs}"
        # "5 documents from 1 outlet" when four of them name none would undercount the voices
        # the very next line reports; say how many outlets are known instead.
        if any(not d.outlet for d in self.brief.documents):
            return f"Brief — {docs}, {plural(n_outlets, 'known outlet')}"
        return f"Brief — {docs} from {plural(n_outlets, 'outlet')}"

    @property
    def voices(self) -> str:
        """"5 documents · 4 independent sources · Qamar Bashir wrote 2": copies, one outlet
        and one byline count once, and the header says so."""
        from newsprism.crossdoc.graph.sources import voices

        return voices(self.brief.documents).describe() if self.brief.documents else ""

    @property
    def overview(self) -> list[tuple[str, int]]:
        """Counts for the strip under the header; later stages only when non-empty."""
        b = self.brief
        duplicates = sum(1 for d in b.documents if d.duplicate_of)
        items = [
            ("documents", len(b.documents)),
            ("outlets", len(self.outlets)),
            ("skipped", len(b.skipped)),
            ("entities", len(b.entities)),
        ]
        optional = [
            ("duplicates", duplicates),
            ("quotes", len(b.quotes)),
            ("claims", len(b.claims)),
            ("facts", len(b.facts)),
            ("disputed", sum(1 for f in b.facts if f.status == "conflict")),
            ("events", len(b.events)),
        ]
        shown = items + [(k, v) for k, v in optional if v]
        return [(_SINGULAR.get(k, k) if v == 1 else k, v) for k, v in shown]

    # ---------------------------------------------------------------- sections

    def summary_citations(self) -> list[list[Citation]]:
        """Per summary sentence its citations, numbered once per distinct span."""
        numbers: dict[tuple[str, int, int], int] = {}
        out: list[list[Citation]] = []
        for sentence in self.brief.summary:
            cites = []
            for ev in sentence.citations:
                key = (ev.document, ev.span[0], ev.span[1])
                number = numbers.setdefault(key, len(numbers) + 1)
                cites.append(self.cite(number, ev.document, ev.span))
            out.append(cites)
        return out

    def fact_sections(self) -> list[FactSection]:
        sections = []
        for status, title in FACT_SECTIONS:
            facts = [f for f in self.brief.facts if fact_group(f) == status]
            if facts:
                facts.sort(key=lambda f: (-f.independent_sources, f.about, f.id))
                sections.append(FactSection(status, title, facts))
        return sections

    def fact_support(self, fact: Fact) -> str:
        """"3 independent sources"; for an attributed fact "claimed by X, reported by 3
        sources" (it is corroborated that X said it, not that it is true)."""
        n = fact.independent_sources
        reported = f"{n} independent source{'' if n == 1 else 's'}"
        if fact.attributed and fact.status != "conflict":
            who = self.name(fact.attributed_to) if fact.attributed_to else "a source"
            return f"claimed by {who}, reported by {n} source{'' if n == 1 else 's'}"
        return reported

    def summary_label(self, sentence: SummarySentence) -> str:
        """Why a summary line is there, with the graph's counts ("reported by 5 of 5 sources")."""
        if sentence.sources is None:
            return ""
        total = sentence.of_sources or sentence.sources
        of = f" of {sentence.of_sources}" if sentence.of_sources else ""
        count = f"{sentence.sources}{of} source{'' if total == 1 else 's'}"
        return {
            "main_event": f"main event · reported by {count}",
            "corroborated": f"reported by {count}",
            "attributed": f"attributed · reported by {count}",
            "dispute": f"disputed · one side, {count}",
            "single_source": "single source",
        }.get(sentence.role or "", "")

    def fact_claims(self, claim_ids: Sequence[str]) -> list[Claim]:
        return [self.claims[c] for c in claim_ids if c in self.claims]

    def _unresolved(self, quote: Quote) -> str:
        """The text's words for a speaker with no entity, shown as such, never as a guess.

        "Mr. Trump (unresolved: Donald Trump or Melania Trump)"; "a police
        spokesman (not named)"; "" when the quote names nobody.
        """
        if quote.speaker or not quote.speaker_label:
            return ""
        if quote.speaker_candidates:
            names = sorted(self.name(c) for c in quote.speaker_candidates)
            return f"{quote.speaker_label} (unresolved: {' or '.join(names)})"
        return f"{quote.speaker_label} (not named)"

    def speaker_groups(self) -> list[SpeakerGroup]:
        """Quotes grouped by speaker: most-quoted first, unattributed last."""
        by: dict[tuple[str | None, str], list[Quote]] = {}
        for quote in self._without_copied_quotes():
            by.setdefault((quote.speaker, self._unresolved(quote)), []).append(quote)
        groups = [
            SpeakerGroup(sp, self.name(sp) if sp else (label or "Unattributed"), qs)
            for (sp, label), qs in by.items()
        ]
        groups.sort(key=lambda g: (g.speaker is None, -len(g.quotes), g.name, g.speaker or ""))
        for g in groups:
            # Variants of one quote sit next to each other, then by outlet.
            g.quotes.sort(
                key=lambda q: (
                    self._group_key(q),
                    self.doc_label(q.document),
                    q.document,
                    q.span[0],
                )
            )
        return groups

    def _without_copied_quotes(self) -> list[Quote]:
        """Quotes less those a copy repeats word for word from its original.

        The copy's documents stay visible in the quote's flags ("in N documents").
        """
        said = {(q.document, q.text, q.speaker) for q in self.brief.quotes}
        out = []
        for quote in self.brief.quotes:
            doc = self.docs.get(quote.document)
            original = doc.duplicate_of if doc is not None else None
            if original and (original, quote.text, quote.speaker) in said:
                continue
            out.append(quote)
        return out

    def quote_parts(self, quote: Quote) -> list[tuple[str, bool]]:
        """The quote's text in pieces, ``True`` on words another outlet's wording lacks.

        Only for groups with ``variants``: each member is aligned word by word with
        the group's longest wording (a trimmed quote only within the stretch it
        covers), so "many, many points" shows the "many," that "many points" lacks.
        The pieces join back to exactly ``quote.text``.
        """
        group = self.group_of.get(quote.id)
        if group is None or not group.variants:
            return [(quote.text, False)]
        members = [self.quotes[q] for q in group.quotes if q in self.quotes]
        longest = max(members, key=lambda q: (len(q.text), q.id))
        marked: set[int] = set()
        pieces = _word_pieces(quote.text)
        if quote.text == longest.text:
            for other in members:
                if other.text != quote.text:
                    marked |= _unmatched(pieces, _word_pieces(other.text), trimmed=True)
        else:
            marked = _unmatched(pieces, _word_pieces(longest.text), trimmed=False)
        out: list[tuple[str, bool]] = []
        for i, (_, text) in enumerate(pieces):
            flag = i in marked and any(c.isalnum() for c in text)
            if out and out[-1][1] == flag:
                out[-1] = (out[-1][0] + text, flag)
            else:
                out.append((text, flag))
        return out

    def _group_key(self, quote: Quote) -> str:
        group = self.group_of.get(quote.id)
        return group.id if group is not None else f"~{quote.id}"

    def quote_flags(self, quote: Quote) -> list[str]:
        group = self.group_of.get(quote.id)
        if group is None:
            return []
        flags = []
        if len(group.documents) > 1:
            flags.append(f"in {len(group.documents)} documents")
        if group.variants:
            flags.append("worded differently")
        if group.speaker_conflict:
            flags.append("speaker disputed")
        return flags

    def entity_rows(self) -> list[EntityRow]:
        rows = []
        for ent in self.brief.entities:
            forms = Counter(self.span_text(m.document, m.span) for m in ent.mentions)
            forms.pop("", None)
            for alias in [ent.name, *ent.aliases]:
                forms.setdefault(alias, 0)
            aliases = sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))
            rows.append(
                EntityRow(
                    id=ent.id,
                    name=ent.name,
                    type=ent.type,
                    aliases=aliases,
                    documents=len({m.document for m in ent.mentions}),
                    mentions=len(ent.mentions),
                )
            )
        rows.sort(key=lambda r: (-r.mentions, r.name, r.id))
        return rows

    def entity_types(self) -> list[str]:
        return sorted({e.type for e in self.brief.entities})


def fact_group(fact: Fact) -> str:
    """The facts section a fact belongs to (see ``FACT_SECTIONS``)."""
    if fact.background:
        return "background"
    if fact.attributed and fact.status != "conflict":
        return "attributed"
    return fact.status


_UNIT_PLURALS = {"person": "people", "people": "people", "percent": "percent", "staff": "staff"}
# Casualty units are participles ("2 injured", "3 killed"), never pluralised.
_UNIT_PLURALS.update({w: w for w in ("killed", "injured", "arrested", "missing", "evacuated",
                                     "displaced", "rescued", "kidnapped")})


_APPROX_WORDS = {"about": "about", "at_least": "at least", "at_most": "at most"}


def fact_value_text(val: FactValue) -> str:
    """A fact value as a reader says it, with the approximation its sources share
    ("about 3 hours", "at least 30 nations")."""
    shown = readable_value(val.value)
    word = _APPROX_WORDS.get(val.approx or "")
    return f"{word} {shown}" if word else shown


def readable_value(value: str) -> str:
    """A fact value as a reader says it: ``"4 hour"`` → ``"4 hours"``, ``"1500 soldier"``
    → ``"1,500 soldiers"``. The JSON keeps the normalized form of the contract."""
    number, _, unit = value.partition(" ")
    try:
        amount = float(number)
    except ValueError:
        return value  # a date, a range or a word: already readable
    if unit == "fraction":
        return f"{amount * 100:g}%"  # "a fifth" is stored as 0.2 fraction
    if not unit and len(number) == 4 and number.isdigit():
        return number  # a year ("2022"), never "2,022"
    shown = f"{amount:,.0f}" if amount.is_integer() else f"{amount:,}"
    if not unit:
        return shown
    if amount != 1 and unit.isalpha() and unit.islower():
        unit = _UNIT_PLURALS.get(unit) or (unit if unit.endswith("s") else unit + "s")
    return f"{shown} {unit}"


_PIECE = re.compile(r"\S+\s*|\s+")


def _word_pieces(text: str) -> list[tuple[str, str]]:
    """(comparison key, exact text with its trailing space) for every word of ``text``."""
    out = []
    for m in _PIECE.finditer(text):
        piece = m.group()
        out.append(("".join(c for c in piece.lower() if c.isalnum()), piece))
    return out


def _unmatched(
    mine: list[tuple[str, str]], other: list[tuple[str, str]], trimmed: bool
) -> set[int]:
    """Indexes of ``mine`` with no counterpart in ``other``; with ``trimmed``, only
    between the first and last word ``other`` shares (a trimmed quote lacks the
    rest by choice, not by rewording)."""
    a = [k for k, _ in mine]
    b = [k for k, _ in other]
    blocks = [
        blk for blk in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if blk.size
    ]
    matched = {blk.a + i for blk in blocks for i in range(blk.size)}
    lo, hi = (blocks[0].a, blocks[-1].a + blocks[-1].size) if blocks and trimmed else (0, len(a))
    return {i for i in range(lo, hi) if i not in matched and a[i]}
