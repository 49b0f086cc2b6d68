"""Plain-text cleaning: header metadata, tail boilerplate, paragraphs kept verbatim."""

from __future__ import annotations

import hashlib

import pytest

from newsprism.clean import clean_document
from newsprism.errors import SkipDocument
from newsprism.models import Document, RawDocument

P1 = (
    "The harbour council of Velmora voted on Tuesday to close the old ferry pier, "
    "ending a service that had run for sixty years. Officials said repairs would cost "
    "more than the town could raise."
)
P2 = (
    "Residents packed the meeting hall for nearly four hours. Several fishermen argued that "
    "the pier was the only safe landing during winter storms, and asked for a delay."
)
P3 = (
    "The mayor, Ilsa Drummond, said the decision was painful but unavoidable. \u201cWe cannot "
    "keep patching wood that the sea has already claimed,\u201d she told reporters afterwards."
)
LAST = (
    "A final inspection is scheduled for next spring. Until then, the ferry will dock at the "
    "new concrete quay on the northern shore, which opened last year."
)


def _clean(content: str, **kwargs: object) -> Document:
    return clean_document(RawDocument(input="t.txt", content=content, kind="text", **kwargs))  # type: ignore[arg-type]


def _reasons(doc: Document) -> list[str]:
    return [r.reason for r in doc.removed]


def test_clean_title_and_by_byline_move_to_metadata() -> None:
    doc = _clean(f"Velmora Votes to Close Its Old Ferry Pier\n\nBy Jane Roe\n\n{P1}\n{P2}\n{LAST}")
    assert doc.title == "Velmora Votes to Close Its Old Ferry Pier"
    assert doc.authors == ["Jane Roe"]
    assert doc.text == f"{P1}\n\n{P2}\n\n{LAST}"
    assert _reasons(doc) == ["title", "byline"]


def test_clean_byline_with_two_authors_and_date() -> None:
    doc = _clean(f"By Jane Roe and John Doe | March 3, 2024\n{P1}\n{LAST}")
    assert doc.authors == ["Jane Roe", "John Doe"]
    assert doc.published == "2024-03-03"
    assert doc.title is None


def test_clean_byline_name_pipe_outlet() -> None:
    doc = _clean(f"Harbour Fight Ends in a Vote\n\nJane Roe | Velmora Gazette\n\n{P1}\n{LAST}")
    assert doc.authors == ["Jane Roe"]
    assert doc.title == "Harbour Fight Ends in a Vote"


def test_clean_lone_name_under_title_is_author() -> None:
    doc = _clean(f"Harbour Fight Ends in a Vote\n\nMarta Kowalczyk\n{P1}\n\n{LAST}")
    assert doc.authors == ["Marta Kowalczyk"]
    assert "Marta Kowalczyk" not in doc.text


@pytest.mark.parametrize("label", ["5 Minute Read", "Minute Read", "Staff", "Chief Editor"])
def test_clean_labels_are_never_authors(label: str) -> None:
    doc = _clean(f"Harbour Fight Ends in a Vote\n\n{label}\n\n{P1}\n{LAST}")
    assert doc.authors == []


def test_clean_first_line_that_is_a_lead_sentence_is_not_a_title() -> None:
    doc = _clean(f"{P1}\nCouncil Splits Over Costs\n{P2}\n{LAST}")
    assert doc.title is None
    assert doc.authors == []
    assert doc.text.startswith(P1)


def test_clean_subheadings_inside_article_are_kept() -> None:
    body = f"{P1}\n\nThe Road Ahead\n\n{P2}\n\nConclusion\n\n{LAST}"
    doc = _clean(body)
    assert doc.text == body


def test_clean_tail_boilerplate_removed_and_last_paragraph_kept() -> None:
    tail = (
        "About the author: Former harbour pilot\nRetired skipper, Velmora\n\n"
        "Spread the love\n\nNext Post\n\nMon Mar 4 , 2024\n"
        "Lighthouse keepers mark a quiet anniversary By Someone Else The lamp on the point "
        "turned two hundred this week and the keepers [\u2026]\n\n"
        "You May Like\n\nChief Editor\n\nOtto Brennan\n\nQuick Links"
    )
    doc = _clean(f"{P1}\n{P2}\n{LAST}\n\n{tail}")
    assert doc.text.endswith(LAST)
    for marker in ("Spread the love", "Next Post", "You May Like", "Chief Editor", "Quick Links"):
        assert marker not in doc.text
    assert doc.published is None  # the teaser's date belongs to another post
    assert {"author_bio", "share", "related", "credits", "menu"} <= set(_reasons(doc))


def test_clean_teaser_date_not_used_but_top_date_line_is() -> None:
    tail = "Previous Post\n\nJanuary 9, 2024\nAn older story about nets [\u2026]"
    doc = _clean(f"Published: February 2, 2024\n\n{P1}\n{LAST}\n\n{tail}")
    assert doc.published == "2024-02-02"
    assert doc.text.endswith(LAST)


@pytest.mark.parametrize(
    "tail",
    [
        "Comments are closed.",
        "Leave a comment",
        "Share this:\nFacebook\nTwitter",
        "Subscribe to our newsletter for weekly harbour news",
        "We use cookies to improve your experience. By continuing you accept our policy.",
        "Related Posts\nFishermen ask for a delay\nNew quay opens",
        "\u00a9 2024 Velmora Gazette. All rights reserved.",
    ],
)
def test_clean_common_tail_prompts_are_trimmed(tail: str) -> None:
    doc = _clean(f"{P1}\n\n{LAST}\n\n{tail}")
    assert doc.text == f"{P1}\n\n{LAST}"


def test_clean_short_final_sentence_survives() -> None:
    doc = _clean(f"{P1}\n{P2}\nThe vote was seven to two.")
    assert doc.text.endswith("The vote was seven to two.")


def test_clean_list_at_end_of_article_is_kept() -> None:
    items = "\n".join(
        f"{day} \u2013 {place}"
        for day, place in [("Monday", "North quay"), ("Tuesday", "South quay"),
                           ("Wednesday", "Old pier"), ("Thursday", "Marina")]
    )  # fmt: skip
    doc = _clean(f"{P1}\nThe new timetable:\n{items}")
    assert doc.text.endswith("Thursday \u2013 Marina")


def test_clean_inline_advertisement_and_also_read_removed() -> None:
    doc = _clean(f"{P1}\nADVERTISEMENT\n{P2}\nAlso read: Gulls return to the bay\n{LAST}")
    assert doc.text == f"{P1}\n\n{P2}\n\n{LAST}"
    assert _reasons(doc) == ["boilerplate", "related"]


def test_clean_whitespace_normalised_words_untouched() -> None:
    doc = _clean("  Officials   said\tthe pier   would close.\r\n\r\nThe vote  was close. \r\n")
    assert doc.text == "Officials said the pier would close.\n\nThe vote was close."


def test_clean_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = (
        "The harbour council of Velmora voted on Tuesday to close the old\n"
        "ferry pier, ending a service that had run for sixty years and\n"
        "more, officials said at a meeting attended by many residents\n"
        "of the town.\n\nA second paragraph follows here after the break."
    )
    doc = _clean(wrapped)
    assert doc.text.split("\n\n")[0].endswith(
        "old ferry pier, ending a service that had run "
        "for sixty years and more, officials said at a "
        "meeting attended by many residents of the town."
    )


def test_clean_document_id_is_hash_of_text() -> None:
    doc = _clean(f"{P1}\n{LAST}")
    assert doc.id == "d-" + hashlib.sha256(doc.text.encode("utf-8")).hexdigest()[:12]
    assert doc.duplicate_of is None


def test_clean_container_metadata_wins() -> None:
    doc = _clean(
        f"Harbour Fight Ends in a Vote\n\nBy Jane Roe\n\n{P1}\n{LAST}",
        title="Harbour Fight Ends in a Vote",
        authors=["Given Author"],
        outlet="Velmora Gazette",
        published="2024-03-05T08:00:00Z",
        url="https://www.example-gazette.org/a/1",
    )
    assert doc.title == "Harbour Fight Ends in a Vote"
    assert doc.authors == ["Given Author"]
    assert doc.outlet == "Velmora Gazette"
    assert doc.published == "2024-03-05"
    assert doc.url == "https://www.example-gazette.org/a/1"
    assert doc.text == f"{P1}\n\n{LAST}"


def test_clean_outlet_from_url_host() -> None:
    doc = _clean(f"{P1}\n{LAST}", url="https://www.example-gazette.org/a/1")
    assert doc.outlet == "example-gazette.org"


def test_clean_outlet_from_attribution_in_text() -> None:
    lead = P1[:-1] + ", reports 7harbours."
    assert _clean(f"{lead}\n{LAST}").outlet == "7harbours"
    assert _clean(f"{P1}\n{LAST}").outlet is None


def test_clean_wire_dateline_cut_and_agency_is_outlet_fallback() -> None:
    doc = _clean(f"VELMORA, March 2, 2024 (Harbour Wire) \u2014 {P1}\n{LAST}")
    assert doc.text.startswith(P1)
    assert doc.removed[0].reason == "dateline"
    assert doc.removed[0].text == "VELMORA, March 2, 2024 (Harbour Wire) \u2014"
    assert doc.outlet == "Harbour Wire"
    assert doc.published == "2024-03-02"


def test_clean_capitalised_lead_word_is_not_a_dateline() -> None:
    lead = "UPDATE \u2014 " + P1
    assert _clean(f"{lead}\n{LAST}").text.startswith("UPDATE")
    assert _clean(f"The council - {P1}\n{LAST}").text.startswith("The council -")


def test_clean_date_in_body_is_not_published() -> None:
    doc = _clean(f"On March 1, 2024, the council met in Velmora. {P1}\n{LAST}")
    assert doc.published is None


@pytest.mark.parametrize(
    "content",
    [
        "",
        "   \n\n  ",
        "Spread the love\n\nShare this\n\nQuick Links",
        "Next Post\n\nComments are closed.",
    ],
)
def test_clean_nothing_left_raises_skip(content: str) -> None:
    with pytest.raises(SkipDocument) as info:
        _clean(content)
    assert "\n" not in info.value.message


def test_clean_paragraph_under_related_heading_without_teaser_signs_is_kept() -> None:
    doc = _clean(f"{P1}\n{P2}\nRelated\n{LAST}")
    assert doc.text.endswith(LAST)


def test_clean_text_byline_needs_a_name_right_after_by() -> None:
    from newsprism.clean.header import parse_byline

    assert parse_byline("By our correspondent") is None
    assert parse_byline("By the end of the day, Jane Roe and John Doe had signed.") is None
    assert parse_byline("By the time the talks ended, Mara Olsen had left.") is None
    assert parse_byline("By Jane Roe and John Doe | Aug 16, 2025") == (
        ["Jane Roe", "John Doe"],
        "2025-08-16",
    )
