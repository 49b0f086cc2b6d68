"""The brief as one self-contained HTML page.

Article text is hostile input: the Jinja environment autoescapes everything,
and the only HTML built in Python (highlighted document text) escapes every
slice in ``spans.highlight``. The page loads nothing from anywhere — inline
CSS only, no script — and its Content-Security-Policy says so, so even a
slip in escaping could not run code or phone home.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from newsprism.models import Brief, Document, Evidence, Slot
from newsprism.render.spans import Mark, highlight, highlight_paragraphs
from newsprism.render.view import View, cite_id, fact_value_text, readable_value
from newsprism.render.view_events import events_view
from newsprism.render.view_matrix import MATRIX_ISSUES, positions_shown
from newsprism.render.view_sources import sources_view

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)

_ENV = Environment(
    loader=PackageLoader("newsprism.render", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def css_token(value: str) -> str:
    """``value`` reduced to characters that are safe and meaningful in a class name."""
    return re.sub(r"[^A-Za-z0-9_-]", "", value.replace(" ", "-"))


def type_class(entity_type: str) -> str:
    """A CSS class for an entity type; anything odd falls back to a neutral colour."""
    cleaned = css_token(entity_type)
    return f"ent-{cleaned}" if cleaned else "ent-OTHER"


# Long lists fold after this many items (a <details> holds the rest): a brief of
# thousands of documents stays readable and light for the browser to lay out.
# A link into a folded part still works: browsers open a <details> to show its target.
FOLD = {
    "documents": 50,
    "sources": 25,
    "speakers": 40,
    "quotes": 20,
    "claims": 6,
    "rows": 100,
    "issues": MATRIX_ISSUES,
}

_ENV.filters["css"] = css_token
_ENV.filters["readable"] = readable_value
_ENV.filters["fact_value"] = fact_value_text


def _cited_marks(brief: Brief) -> dict[str, list[Mark]]:
    """Per document the spans something links to, each with its anchor id."""
    by_doc: dict[str, list[Mark]] = {}

    def add(doc_id: str, span: Sequence[int], css: str) -> None:
        start, end = int(span[0]), int(span[1])
        mark = Mark(start, end, "span", css, "", cite_id(doc_id, (start, end)))
        by_doc.setdefault(doc_id, []).append(mark)

    def add_all(items: Sequence[Evidence], css: str) -> None:
        for ev in items:
            add(ev.document, ev.span, css)

    for quote in brief.quotes:
        add(quote.document, quote.span, "cite cite-q")
    for claim in brief.claims:
        add(claim.document, claim.span, "cite cite-c")
    for sentence in brief.summary:
        add_all(sentence.citations, "cite cite-s")
    for event in brief.events:
        add_all(event.evidence, "cite cite-e")
    for position in brief.positions:
        add_all(position.evidence, "cite cite-e")
    return by_doc


def _entity_marks(brief: Brief) -> dict[str, list[Mark]]:
    by_doc: dict[str, list[Mark]] = {}
    for ent in brief.entities:
        css = f"ent {type_class(ent.type)}"
        title = f"{ent.name} ({ent.type})"
        for m in ent.mentions:
            by_doc.setdefault(m.document, []).append(
                Mark(int(m.span[0]), int(m.span[1]), "mark", css, title)
            )
    for marks in by_doc.values():
        marks.sort(key=lambda m: (m.start, -m.end, m.css, m.title))
    return by_doc


def document_texts(brief: Brief) -> dict[str, Markup]:
    """Escaped text of every document with cited spans anchored and mentions marked."""
    cited = _cited_marks(brief)
    ents = _entity_marks(brief)
    return {
        doc.id: highlight_paragraphs(doc.text, cited.get(doc.id, []), ents.get(doc.id, []))
        for doc in brief.documents
    }


def _slot_values(slot: Slot) -> set[str]:
    """How a fact may spell this slot's normalized value (``4.0`` hour → ``"4 hour"``)."""
    value = slot.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if value is None:
        return {slot.text}
    return {str(value), f"{value} {slot.unit}" if slot.unit else str(value), slot.text}


def claim_html(view: View, claim_id: str, fact_value: str | None = None) -> Markup:
    """A claim's sentence with the slot that carries ``fact_value`` in bold.

    When no slot spells the fact's value, every slot is bold: showing too much
    beats pointing at nothing.
    """
    claim = view.claims[claim_id]
    slots = claim.slots
    if fact_value is not None:
        matching = [s for s in slots if fact_value in _slot_values(s)]
        slots = matching or slots
    marks = [Mark(s.span[0], s.span[1], "b", "slot", s.kind) for s in slots]
    return highlight(claim.text, (), marks, offset=claim.span[0])


def _sections(view: View) -> list[tuple[str, str]]:
    b = view.brief
    present = [
        ("summary", "Summary", bool(b.summary)),
        ("facts", "Facts", bool(b.facts)),
        ("quotes", "Who said what", bool(b.quotes)),
        ("events", "Events", bool(b.events)),
        ("positions", "Positions", bool(b.positions)),
        ("sources", "Sources", bool(b.sources)),
        ("entities", "Entities", True),
        ("documents", "Documents", True),
        ("skipped", "Skipped inputs", bool(b.skipped)),
    ]
    return [(anchor, title) for anchor, title, shown in present if shown]


def _doc_order(documents: Sequence[Document]) -> list[Document]:
    # Originals before their near-duplicates so a reader meets each story once first.
    return sorted(documents, key=lambda d: (d.duplicate_of is not None, d.input, d.id))


def render_html(brief: Brief) -> str:
    """The whole brief as one HTML page that needs no network and runs no script."""
    view = View(brief)
    evv = events_view(view)
    template = _ENV.get_template("brief.html.j2")
    return template.render(
        b=brief,
        v=view,
        csp=CSP,
        sections=_sections(view),
        summary=list(zip(brief.summary, view.summary_citations(), strict=True)),
        texts=document_texts(brief),
        documents=_doc_order(brief.documents),
        claim_html=lambda cid, value=None: claim_html(view, cid, value),
        type_class=type_class,
        sv=sources_view(view),
        evv=evv,
        pm=positions_shown(evv, FOLD["issues"]),
        fold=FOLD,
    )
