"""Span highlighting: overlaps, adjacency, text boundaries, escaping, well-formed output."""

from __future__ import annotations

import html
import random
import re

from newsprism.render.spans import Mark, highlight, highlight_paragraphs, resolve_overlaps

TAG = re.compile(r"<(/?)(\w+)[^>]*>")


def _strip(markup: str) -> str:
    return html.unescape(TAG.sub("", markup))


def _balanced(markup: str) -> bool:
    stack: list[str] = []
    for closing, name in TAG.findall(markup):
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


def test_render_spans_overlap_first_and_outermost_wins() -> None:
    kept = resolve_overlaps([Mark(3, 8, css="late"), Mark(0, 5, css="early")])
    assert [(m.start, m.end, m.css) for m in kept] == [(0, 5, "early")]
    # Same start: the longer (outer) span wins; the nested one is dropped.
    kept = resolve_overlaps([Mark(0, 2, css="short"), Mark(0, 6, css="long"), Mark(2, 4)])
    assert [m.css for m in kept] == ["long"]
    # Identical spans: the one given first wins.
    kept = resolve_overlaps([Mark(1, 4, css="a"), Mark(1, 4, css="b")])
    assert [m.css for m in kept] == ["a"]


def test_render_spans_adjacent_spans_both_kept() -> None:
    out = highlight("abcdef", inner=[Mark(3, 6, css="y"), Mark(0, 3, css="x")])
    assert out == '<mark class="x">abc</mark><mark class="y">def</mark>'


def test_render_spans_at_text_boundaries_and_out_of_range() -> None:
    assert highlight("abc", inner=[Mark(0, 3)]) == "<mark>abc</mark>"
    assert highlight("abc", inner=[Mark(2, 99)]) == "ab<mark>c</mark>"
    assert highlight("abc", inner=[Mark(-5, 1)]) == "<mark>a</mark>bc"
    assert highlight("abc", inner=[Mark(3, 3), Mark(5, 9)]) == "abc"
    assert highlight("", inner=[Mark(0, 2)]) == ""


def test_render_spans_escape_every_slice() -> None:
    text = 'a<b>&"c'
    out = highlight(text, inner=[Mark(1, 4, title='x" onclick="y')])
    assert out == 'a<mark title="x&#34; onclick=&#34;y">&lt;b&gt;</mark>&amp;&#34;c'


def test_render_spans_inner_nests_in_outer_or_is_dropped() -> None:
    text = "Mayor Ada Holm spoke."
    outer = [Mark(6, 20, "span", "cite", id="d-1-6-20")]
    inner = [Mark(6, 9, css="e1"), Mark(0, 9, css="crosses")]
    # "crosses" wins among inner marks but straddles the cite's start, so it is dropped.
    assert highlight(text, outer, inner) == (
        'Mayor <span id="d-1-6-20" class="cite">Ada Holm spoke</span>.'
    )
    out = highlight(text, outer, [Mark(6, 9, css="e1"), Mark(10, 14, css="e2")])
    assert out == (
        'Mayor <span id="d-1-6-20" class="cite"><mark class="e1">Ada</mark> '
        '<mark class="e2">Holm</mark> spoke</span>.'
    )


def test_render_spans_losing_cite_keeps_its_anchor() -> None:
    outer = [Mark(0, 10, "span", id="big"), Mark(2, 5, "span", id="nested"),
             Mark(0, 10, "span", id="big")]  # fmt: skip
    out = highlight("0123456789", outer)
    assert out == '<span id="big">01<span id="nested"></span>23456789</span>'
    assert out.count('id="big"') == 1


def test_render_spans_offset_maps_document_coordinates() -> None:
    out = highlight("four days", inner=[Mark(100, 104, "b")], offset=100)
    assert out == "<b>four</b> days"


def test_render_spans_paragraphs_split_cites_at_line_breaks() -> None:
    text = "One two.\n\nThree four.\nFive."
    cite = Mark(4, 16, "span", "cite", id="c")
    ent = Mark(6, 10, css="crosses-line")
    out = highlight_paragraphs(text, [cite], [ent, Mark(10, 15, css="e")])
    paras = out.split("\n")
    assert paras == [
        '<p>One <span id="c" class="cite">two.</span></p>',
        '<p><span class="cite"><mark class="e">Three</mark> </span>four.</p>',
        "<p>Five.</p>",
    ]


def test_render_spans_paragraphs_keep_anchor_on_blank_line() -> None:
    text = "a\n\nb"
    out = highlight_paragraphs(text, [Mark(2, 2, "span", id="z")])
    assert 'id="z"' in out


def test_render_spans_random_marks_give_wellformed_lossless_html() -> None:
    rng = random.Random(7)
    text = 'Ab <c> & d\'e "f"\nghij\n\nklm nop'
    n = len(text)

    def marks(k: int, tag: str) -> list[Mark]:
        out = []
        for i in range(k):
            s = rng.randrange(-2, n + 2)
            e = rng.randrange(-2, n + 3)
            out.append(Mark(s, e, tag, css=f"m{i}", id=f"{tag}{i}" if tag == "span" else ""))
        return out

    for _ in range(400):
        outer, inner = marks(rng.randrange(4), "span"), marks(rng.randrange(6), "mark")
        flat = highlight(text, outer, inner)
        assert _balanced(flat) and _strip(flat) == text
        paras = highlight_paragraphs(text, outer, inner)
        assert _balanced(paras)
        assert _strip(paras).replace("\n", "") == text.replace("\n", "")
        ids = re.findall(r'id="([^"]+)"', paras)
        assert len(ids) == len(set(ids))
        assert set(ids) == {m.id for m in outer}


def test_render_readable_value_pluralizes_and_groups_digits() -> None:
    from newsprism.render.view import readable_value

    assert readable_value("4 hour") == "4 hours"
    assert readable_value("1 hour") == "1 hour"
    assert readable_value("2400000000 USD") == "2,400,000,000 USD"
    assert readable_value("3000 person") == "3,000 people"
    assert readable_value("40 percent") == "40 percent"
    assert readable_value("0.2 fraction") == "20%"
    assert readable_value("2026-03-03") == "2026-03-03"
