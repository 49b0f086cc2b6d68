"""The HTML page: escaping of hostile text, self-containment, sections, anchors."""

from __future__ import annotations

from html.parser import HTMLParser

from newsprism.models import (
    Brief,
    Claim,
    Document,
    Entity,
    Event,
    Evidence,
    Fact,
    FactValue,
    Mention,
    Position,
    Quote,
    QuoteGroup,
    Removed,
    Skipped,
    Slot,
    SourceProfile,
    SummarySentence,
    Tool,
)
from newsprism.render import render_html
from newsprism.render.html import CSP, claim_html
from newsprism.render.view import View

# Invented text: the harbour-bridge story exists only in these tests.
TEXT_A = (
    "Harbour council votes on bridge\n"
    "\n"
    'Mayor Ilse Brandt said the bridge would reopen "within six weeks" after repairs.\n'
    "Engineers from Tidewater Works spent four days inspecting the cables.\n"
    "The council approved the budget of 2 million euros."
)
TEXT_B = (
    "Engineers from Tidewater Works spent nine days inspecting the cables, "
    "according to the port office. Ilse Brandt told reporters the bridge "
    'would reopen "in about six weeks".'
)
HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror=alert(1)> javascript:alert(1) " onmouseover="x'
)


def _span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return (start, start + len(part))


def filled_brief() -> Brief:
    """A small Brief with one (or two) of every kind of item."""
    a, b = "d-aaaa1111", "d-bbbb2222"
    q_a = _span(TEXT_A, "within six weeks")
    q_b = _span(TEXT_B, "in about six weeks")
    c_a = _span(TEXT_A, "Engineers from Tidewater Works spent four days inspecting the cables.")
    c_b = _span(TEXT_B, "Engineers from Tidewater Works spent nine days inspecting the cables")
    slot_a = _span(TEXT_A, "four days")
    slot_b = _span(TEXT_B, "nine days")
    budget = _span(TEXT_A, "The council approved the budget of 2 million euros.")
    return Brief(
        tool=Tool(version="9.9.9"),
        generated_at="2030-01-02T03:04:05+00:00",
        documents=[
            Document(
                id=a,
                input="news/harbour-a.txt",
                outlet="Harbour Gazette",
                title="Harbour council votes on bridge",
                authors=["Pia Lund"],
                published="2030-01-01",
                text=TEXT_A,
                removed=[Removed(text="Sign up for our newsletter", reason="boilerplate")],
            ),
            Document(
                id=b,
                input="news/harbour-b.txt",
                outlet="Port Courier",
                title=None,
                published=None,
                text=TEXT_B,
                duplicate_of=None,
            ),
        ],
        skipped=[Skipped(input="news/scan.pdf", reason="binary file: convert it to text first")],
        entities=[
            Entity(
                id="e-brandt",
                name="Ilse Brandt",
                type="PERSON",
                aliases=["Brandt"],
                mentions=[
                    Mention(document=a, span=_span(TEXT_A, "Ilse Brandt")),
                    Mention(document=b, span=_span(TEXT_B, "Ilse Brandt")),
                ],
            ),
            Entity(
                id="e-tidewater",
                name="Tidewater Works",
                type="ORG",
                mentions=[
                    Mention(document=a, span=_span(TEXT_A, "Tidewater Works")),
                    Mention(document=b, span=_span(TEXT_B, "Tidewater Works")),
                ],
            ),
        ],
        quotes=[
            Quote(
                id="q-a",
                document=a,
                span=q_a,
                text="within six weeks",
                kind="direct",
                speaker="e-brandt",
                cue="said",
            ),
            Quote(
                id="q-b",
                document=b,
                span=q_b,
                text="in about six weeks",
                kind="partial",
                speaker="e-brandt",
                cue="told",
            ),
        ],
        quote_groups=[
            QuoteGroup(
                id="qg-1",
                quotes=["q-a", "q-b"],
                speakers=["e-brandt"],
                documents=[a, b],
                variants=True,
            ),
        ],
        claims=[
            Claim(
                id="c-a",
                document=a,
                span=c_a,
                text=TEXT_A[c_a[0] : c_a[1]],
                slots=[Slot(kind="duration", text="four days", span=slot_a, value=4, unit="day")],
            ),
            Claim(
                id="c-b",
                document=b,
                span=c_b,
                text=TEXT_B[c_b[0] : c_b[1]],
                attributed_to=None,
                hedged=True,
                slots=[Slot(kind="duration", text="nine days", span=slot_b, value=9, unit="day")],
            ),
            Claim(id="c-budget", document=a, span=budget, text=TEXT_A[budget[0] : budget[1]]),
        ],
        facts=[
            Fact(
                id="f-inspect",
                about="length of the cable inspection",
                status="conflict",
                independent_sources=2,
                values=[
                    FactValue(value="4 day", claims=["c-a"], documents=[a]),
                    FactValue(value="9 day", claims=["c-b"], documents=[b]),
                ],
            ),
            Fact(
                id="f-budget",
                about="bridge budget",
                status="single_source",
                independent_sources=1,
                values=[FactValue(value="2000000 EUR", claims=["c-budget"], documents=[a])],
            ),
        ],
        events=[
            Event(
                id="ev-1",
                type="CONSULT",
                actor="e-brandt",
                target="e-tidewater",
                evidence=[Evidence(document=a, span=c_a)],
            ),
        ],
        positions=[
            Position(
                actor="e-brandt",
                issue="bridge reopening",
                stance="support",
                evidence=[Evidence(document=a, span=q_a)],
            ),
        ],
        sources=[
            SourceProfile(
                outlet="Harbour Gazette",
                documents=[a],
                opinion_share=0.25,
                tone={"e-brandt": 0.5},
                loaded_terms=["fiasco"],
                unique_facts=["f-budget"],
                omitted_facts=[],
            ),
        ],
        summary=[
            SummarySentence(
                text=TEXT_A[c_a[0] : c_a[1]],
                citations=[Evidence(document=a, span=c_a), Evidence(document=b, span=c_b)],
            ),
        ],
    )


def hostile_brief() -> Brief:
    """Every free-text field carries markup and script attempts."""
    text = f"Before {HOSTILE} after.\nSecond line {HOSTILE}"
    doc_id = "d-evil"
    inner = _span(text, "<img src=x onerror=alert(1)>")
    script = _span(text, "<script>alert(1)</script>")
    return Brief(
        tool=Tool(version="1.0"),
        generated_at="2030-01-01T00:00:00+00:00",
        documents=[
            Document(
                id=doc_id,
                input=f"in/{HOSTILE}",
                url=f"javascript:alert(1)//{HOSTILE}",
                outlet=HOSTILE,
                title=HOSTILE,
                authors=[HOSTILE],
                published=HOSTILE,
                text=text,
                removed=[Removed(text=HOSTILE, reason=HOSTILE)],
                duplicate_of=f"javascript:{HOSTILE}",
            ),
        ],
        skipped=[Skipped(input=HOSTILE, reason=HOSTILE)],
        entities=[
            Entity(
                id="e-x",
                name=HOSTILE,
                type=HOSTILE,
                aliases=[HOSTILE],
                mentions=[
                    Mention(document=doc_id, span=script),
                    Mention(document=doc_id, span=inner),
                ],
            ),
        ],
        quotes=[
            Quote(
                id="q-x",
                document=doc_id,
                span=inner,
                text=HOSTILE,
                kind="direct",
                speaker="e-x",
                cue=HOSTILE,
            )
        ],
        claims=[Claim(id="c-x", document=doc_id, span=inner, text=HOSTILE)],
        facts=[
            Fact(
                id="f-x",
                about=HOSTILE,
                status="conflict",
                independent_sources=1,
                values=[FactValue(value=HOSTILE, claims=["c-x"], documents=[doc_id])],
            )
        ],
        events=[
            Event(
                id="ev-x",
                type=HOSTILE,
                actor="e-x",
                date=HOSTILE,
                evidence=[Evidence(document=doc_id, span=inner)],
            )
        ],
        positions=[
            Position(
                actor="e-x",
                issue=HOSTILE,
                stance=HOSTILE,
                evidence=[Evidence(document=doc_id, span=inner)],
            )
        ],
        sources=[
            SourceProfile(
                outlet=HOSTILE,
                documents=[doc_id],
                tone={HOSTILE: 0.1},
                loaded_terms=[HOSTILE],
                unique_facts=[HOSTILE],
            )
        ],
        summary=[SummarySentence(text=HOSTILE, citations=[Evidence(document=doc_id, span=inner)])],
    )


class _Tags(HTMLParser):
    """Every start tag with its attributes, every id, every in-page link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids.append(value)
            if name == "href" and value is not None:
                self.links.append(value)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "nav",
    "section", "article", "div", "p", "h1", "h2", "h3", "h4", "ul", "ol", "li", "a", "span",
    "small", "b", "em", "code", "mark", "q", "blockquote", "table", "thead", "tbody", "tr",
    "th", "td", "details", "summary",
    # Static charts of the Sources section (inline SVG from matplotlib).
    "figure", "figcaption", "svg", "g", "defs", "path", "use", "text", "clippath", "rect",
}  # fmt: skip


def test_render_html_escapes_hostile_text_everywhere() -> None:
    page = render_html(hostile_brief())
    parsed = _parse(page)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    for tag, attrs in parsed.tags:
        for name, value in attrs:
            assert not name.startswith("on"), f"event handler attribute on <{tag}>"
            assert "javascript:" not in (value or "").lower() or name == "title", (tag, name)
            if name in {"href", "src", "action"}:
                assert (value or "").startswith("#"), (tag, name, value)
    # The hostile strings are still shown, as text.
    assert any("<script>alert(1)</script>" in chunk for chunk in parsed.text)
    assert any("javascript:alert(1)" in chunk for chunk in parsed.text)


def test_render_html_is_self_contained_with_strict_csp() -> None:
    page = render_html(filled_brief())
    parsed = _parse(page)
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"link", "script", "img", "iframe", "object", "embed", "base", "form"}
    metas = [dict(attrs) for tag, attrs in parsed.tags if tag == "meta"]
    assert {"http-equiv": "Content-Security-Policy", "content": CSP} in metas
    assert "default-src 'none'" in CSP and "script-src" not in CSP
    for _tag, attrs in parsed.tags:
        for name, value in attrs:
            if name in {"href", "src", "action", "srcset", "poster"}:
                assert (value or "").startswith("#"), value
    style = page[page.index("<style>") : page.index("</style>")]
    assert "url(" not in style and "@import" not in style and "://" not in style


def test_render_html_is_deterministic_and_survives_a_json_round_trip() -> None:
    brief = filled_brief()
    first = render_html(brief)
    assert first == render_html(brief)
    again = Brief.model_validate_json(brief.model_dump_json(by_alias=True))
    assert render_html(again) == first


def test_render_html_shows_every_section_when_filled() -> None:
    page = render_html(filled_brief())
    ids = set(_parse(page).ids)
    for section in ("summary", "facts", "quotes", "events", "positions", "sources",
                    "entities", "documents", "skipped"):  # fmt: skip
        assert section in ids, section
        assert f'href="#{section}"' in page, f"{section} missing from the table of contents"
    for expected in (
        "Brief — 2 documents from 2 outlets",
        "Disputed", "Single-source", "length of the cable inspection", "4 day", "9 day",
        "Who said what", "within six weeks", "worded differently",
        "CONSULT", "bridge reopening", "support", "fiasco", "bridge budget",
        "binary file: convert it to text first", "Removed text (1)", "Sign up for our newsletter",
        "Pia Lund", "9.9.9", "2030-01-02T03:04:05+00:00",
    ):  # fmt: skip
        assert expected in page, expected
    assert '<b class="slot" title="duration">four days</b>' in page
    assert '<mark class="ent ent-PERSON" title="Ilse Brandt (PERSON)">Ilse Brandt</mark>' in page


def test_render_html_shows_unknown_metadata_as_unknown() -> None:
    page = render_html(filled_brief())
    assert '<span class="unknown">date unknown</span>' in page
    assert '<span class="unknown">author unknown</span>' in page
    assert '<span class="unknown">untitled</span>' in page


def test_render_html_every_link_has_its_anchor() -> None:
    parsed = _parse(render_html(filled_brief()))
    ids = parsed.ids
    assert len(ids) == len(set(ids)), "duplicate ids"
    targets = [link[1:] for link in parsed.links]
    assert targets, "no links at all"
    missing = [t for t in targets if t not in set(ids)]
    assert not missing
    # Quotes, claims and summary citations each land on their span in the text.
    for anchor in ("d-aaaa1111-", "d-bbbb2222-"):
        assert any(t.startswith(anchor) for t in targets)


def test_render_html_cited_span_wraps_exact_text() -> None:
    brief = filled_brief()
    page = render_html(brief)
    quote = brief.quotes[0]
    anchor = f'id="{quote.document}-{quote.span[0]}-{quote.span[1]}"'
    assert anchor in page
    after = page[page.index(anchor) :]
    assert after[after.index(">") + 1 :].startswith(quote.text)


def test_render_html_empty_brief_hides_later_sections() -> None:
    brief = Brief(tool=Tool(version="0"), generated_at="2030-01-01T00:00:00+00:00")
    page = render_html(brief)
    ids = set(_parse(page).ids)
    assert not ids & {"summary", "facts", "quotes", "events", "positions", "sources", "skipped"}
    assert "No documents could be used." in page
    assert "No entities found." in page
    assert "Brief — 0 documents" in page


def test_render_html_dangling_references_are_not_links() -> None:
    brief = filled_brief()
    brief.documents[1].duplicate_of = "d-missing"
    brief.summary[0].citations.append(Evidence(document="d-missing", span=(0, 3)))
    parsed = _parse(render_html(brief))
    assert "d-missing" not in {link[1:] for link in parsed.links}


def test_render_html_fact_claim_bolds_the_slot_with_the_fact_value() -> None:
    brief = filled_brief()
    claim = brief.claims[0]
    cables = _span(TEXT_A, "the cables")
    claim.slots.append(Slot(kind="place", text="the cables", span=cables, value="cables"))
    view = View(brief)
    only = claim_html(view, claim.id, "4 day")
    assert '<b class="slot" title="duration">four days</b>' in only
    assert "<b" not in only.replace('<b class="slot" title="duration">four days</b>', "")
    # No slot spells the value: every slot is shown rather than none.
    fallback = claim_html(view, claim.id, "5 week")
    assert fallback.count('<b class="slot"') == 2


def test_render_html_marks_words_one_wording_of_a_quote_lacks(sample_brief: Brief) -> None:
    view = View(sample_brief)
    variant_groups = [g for g in sample_brief.quote_groups if g.variants]
    assert variant_groups
    marked = []
    for group in variant_groups:
        for qid in group.quotes:
            quote = view.quotes[qid]
            parts = view.quote_parts(quote)
            assert "".join(text for text, _ in parts) == quote.text
            marked += [text for text, changed in parts if changed]
    # "many, many points" against "many points": the extra "many," is marked.
    assert any("many" in text for text in marked)
    assert '<mark class="variant"' in render_html(sample_brief)
    plain = next(g for g in sample_brief.quote_groups if not g.variants)
    assert all(not changed for q in plain.quotes for _, changed in view.quote_parts(view.quotes[q]))


def test_render_html_headline_does_not_count_unknown_outlets_as_one() -> None:
    brief = filled_brief()
    first = brief.documents[0].model_copy(update={"outlet": None})
    partial = brief.model_copy(update={"documents": [first, *brief.documents[1:]]})
    page = render_html(partial)
    assert "Brief — 2 documents, 1 known outlet" in page
    assert "from 1 outlet" not in page
