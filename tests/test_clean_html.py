"""HTML pages: trafilatura main text, page metadata, boilerplate trimmed after it."""

from __future__ import annotations

import pytest

from newsprism.clean import clean_document
from newsprism.errors import SkipDocument
from newsprism.models import RawDocument

_PARAGRAPHS = [
    "The harbour council of Velmora voted on Tuesday to close the old ferry pier, ending a "
    "service that had run for sixty years. Officials said repairs would cost more than the "
    "town could raise this decade.",
    "Residents packed the meeting hall for nearly four hours. Several fishermen argued that "
    "the pier was the only safe landing during winter storms, and asked the council for a "
    "delay of one more season.",
    "The mayor, Ilsa Drummond, said the decision was painful but unavoidable, and promised "
    "that the new concrete quay on the northern shore would stay open through the winter.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Velmora closes its old ferry pier | Velmora Gazette</title>
<meta property="og:title" content="Velmora closes its old ferry pier">
<meta property="og:site_name" content="Velmora Gazette">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Velmora closes its old ferry pier</h1>
<p class="byline">By Jane Roe</p>
{"".join(f"<p>{p}</p>" for p in _PARAGRAPHS)}
<p>Share this article</p>
</article>
<footer><p>Copyright 2024 Velmora Gazette. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></footer>
</body></html>"""


def test_clean_html_main_text_and_metadata() -> None:
    doc = clean_document(RawDocument(input="p.html", content=PAGE, kind="html"))
    assert doc.text == "\n\n".join(_PARAGRAPHS)
    assert doc.title == "Velmora closes its old ferry pier"
    assert doc.authors == ["Jane Roe"]
    assert doc.published == "2024-03-05"
    assert doc.outlet == "Velmora Gazette"
    assert "Home" not in doc.text and "All rights reserved" not in doc.text


def test_clean_html_url_host_is_outlet_before_site_name() -> None:
    raw = RawDocument(
        input="p.html", content=PAGE, kind="html", url="https://www.vgazette.example/a"
    )
    assert clean_document(raw).outlet == "vgazette.example"


def test_clean_html_staff_author_is_dropped() -> None:
    page = PAGE.replace('content="Jane Roe"', 'content="Staff Reporter"').replace("By Jane Roe", "")
    doc = clean_document(RawDocument(input="p.html", content=page, kind="html"))
    assert doc.authors == []


@pytest.mark.parametrize(
    "html",
    ["", "<html><body></body></html>", "<html><body><nav><a href='/'>Home</a></nav></body></html>"],
)
def test_clean_html_without_article_text_is_skipped(html: str) -> None:
    with pytest.raises(SkipDocument) as info:
        clean_document(RawDocument(input="p.html", content=html, kind="html"))
    assert "\n" not in info.value.message


def test_clean_html_table_rows_are_kept_not_cut_as_menus() -> None:
    page = (
        "<html><body><article><h1>Vote counts</h1>"
        f"<p>{_PARAGRAPHS[0]}</p>"
        "<table><tr><th>District</th><th>Yes</th><th>No</th></tr>"
        "<tr><td>North</td><td>1,200</td><td>800</td></tr>"
        "<tr><td>South</td><td>950</td><td>1,020</td></tr></table>"
        "</article></body></html>"
    )
    doc = clean_document(RawDocument(input="t.html", content=page, kind="html"))
    assert "| North | 1,200 | 800 |" in doc.text
    assert "| South | 950 | 1,020 |" in doc.text
    assert all(r.reason != "menu" for r in doc.removed)


def test_clean_html_falls_back_when_the_precise_pass_finds_little(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsprism.clean import html as html_module

    article = "\n".join(_PARAGRAPHS)
    passes: list[bool] = []

    def fake(markup: str, url: str | None, precise: bool) -> html_module.Page | None:
        passes.append(precise)
        # The precise pass settled on a "your browser is outdated" notice.
        text = "Your browser is out of date." if precise else article
        return html_module.Page(text=text)

    monkeypatch.setattr(html_module, "_bare", fake)
    page = html_module.extract_page("<html></html>")
    assert page is not None and page.text == article
    assert passes == [True, False]
    # Nothing from the precise pass: the balanced pass's text, never an empty result.
    assert html_module.choose(None, html_module.Page(text=article)) == html_module.Page(article)
    short = html_module.Page(text=_PARAGRAPHS[0])
    # A balanced text not far longer than the precise one: precision wins.
    assert html_module.choose(short, html_module.Page(text=_PARAGRAPHS[0] + " More.")) is short


def test_clean_html_long_precise_text_needs_no_second_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.clean import html as html_module

    long_text = " ".join(_PARAGRAPHS * 8)
    passes: list[bool] = []

    def fake(markup: str, url: str | None, precise: bool) -> html_module.Page | None:
        passes.append(precise)
        return html_module.Page(text=long_text)

    monkeypatch.setattr(html_module, "_bare", fake)
    assert html_module.extract_page("<html></html>") is not None
    assert passes == [True]
