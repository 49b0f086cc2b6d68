"""The sample corpus and its gold file agree with each other and exercise every capability.

Every later stage is tested against ``data/sample/gold.json``; these tests make sure
that gold is trustworthy: each text it names is an exact substring of its document,
each document parses, sizes are realistic, and each trap the README promises is there.
No NLP runs here: the checks are on the files themselves.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

Gold = dict[str, Any]
Contents = dict[str, str]

VOID_TAGS = {"meta", "link", "br", "hr", "img", "input", "source", "wbr", "area", "base", "col"}
EVENT_TYPES_REQUIRED = {"CONSULT", "DEMAND", "REJECT", "THREATEN", "SANCTION", "AGREE"}


@pytest.fixture(scope="module")
def sample_dir() -> Path:
    # Found without importing newsprism, so the corpus is checked even while a
    # stage module is broken; installed or editable, this is the shipped folder.
    spec = importlib.util.find_spec("newsprism")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "sample"


@pytest.fixture(scope="module")
def gold(sample_dir: Path) -> Gold:
    data: Gold = json.loads((sample_dir / "gold.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def articles(sample_dir: Path, gold: Gold) -> Path:
    return sample_dir / str(gold["articles_dir"])


@pytest.fixture(scope="module")
def contents(articles: Path) -> Contents:
    """Each document's content as a reader sees it; a JSONL record is ``file#n`` (1-based)."""
    out: dict[str, str] = {}
    for path in sorted(articles.iterdir()):
        if path.suffix == ".jsonl":
            lines = path.read_text(encoding="utf-8").splitlines()
            for n, line in enumerate(lines, start=1):
                out[f"{path.name}#{n}"] = json.loads(line)["text"]
        else:
            out[path.name] = path.read_text(encoding="utf-8")
    return out


def _body_bounds(gold: Gold, contents: Contents, key: str) -> tuple[int, int]:
    doc = gold["documents"][key]
    text = contents[key]
    start = text.index(doc["first_sentence"])
    end = text.index(doc["last_sentence"], start) + len(doc["last_sentence"])
    return start, end


def _words(raw: str) -> list[str]:
    return unescape(re.sub(r"<[^>]+>", " ", raw)).split()


def _evidence(gold: Gold) -> Iterator[tuple[str, str, str]]:
    """Every (where-in-gold, document, text) pair the gold claims is in a document."""
    for key, doc in gold["documents"].items():
        for field in ("title", "byline", "dateline", "first_sentence", "last_sentence"):
            if doc[field] is not None and not (field == "title" and doc["format"] == "jsonl"):
                yield f"documents.{key}.{field}", key, doc[field]
        for marker in doc["boilerplate"]:
            yield f"documents.{key}.boilerplate", key, marker
    for i, quote in enumerate(gold["quotes"]):
        yield f"quotes[{i}].text", quote["document"], quote["text"]
        if quote["speaker_text"] is not None:
            yield f"quotes[{i}].speaker_text", quote["document"], quote["speaker_text"]
    for i, group in enumerate(gold["quote_groups"]):
        for member in group["members"]:
            yield f"quote_groups[{i}]", member["document"], member["text"]
    for fact in gold["facts"]:
        for value in fact["values"]:
            yield f"facts.{fact['id']}", value["document"], value["text"]
    for i, event in enumerate(gold["events"]):
        for item in event["evidence"]:
            yield f"events[{i}]", item["document"], item["text"]
    for i, position in enumerate(gold["positions"]):
        for item in position["evidence"]:
            yield f"positions[{i}]", item["document"], item["text"]
    for i, conflict in enumerate(gold["stance_conflicts"]):
        for item in conflict["reports"]:
            yield f"stance_conflicts[{i}]", item["document"], item["text"]
    sources = gold["sources"]
    for item in sources["opinion_markers"]:
        yield "sources.opinion_markers", item["document"], item["text"]
    for item in sources["loaded_terms"]:
        yield "sources.loaded_terms", item["document"], item["text"]
    yield "sources.unique_fact", sources["unique_fact"]["document"], sources["unique_fact"]["text"]


# --------------------------------------------------------------------------- files


def test_sample_ships_articles_gold_and_readme(sample_dir: Path, articles: Path) -> None:
    assert (sample_dir / "gold.json").is_file()
    assert (sample_dir / "README.md").is_file()
    # Articles live apart from gold.json and README.md so that a brief on the
    # articles folder never ingests the annotations as if they were news.
    names = sorted(p.name for p in articles.iterdir())
    assert not {"gold.json", "README.md"} & set(names)
    suffixes = [Path(n).suffix for n in names]
    assert suffixes.count(".html") >= 2
    assert suffixes.count(".jsonl") == 1
    assert suffixes.count(".txt") >= 3


def test_sample_gold_lists_exactly_the_shipped_documents(gold: Gold, contents: Contents) -> None:
    assert sorted(gold["documents"]) == sorted(contents)
    assert 6 <= len(contents) <= 14


def test_sample_jsonl_records_carry_metadata_fields(articles: Path, gold: Gold) -> None:
    (path,) = sorted(articles.glob("*.jsonl"))
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert 1 <= len(records) <= 2
    for n, record in enumerate(records, start=1):
        doc = gold["documents"][f"{path.name}#{n}"]
        assert set(record) >= {"text", "title", "url", "published", "outlet", "authors"}
        assert record["title"] == doc["title"]
        assert record["authors"] == doc["authors"]
        assert record["outlet"] == doc["outlet"]
        assert record["published"][:10] == doc["published"]
        assert record["id"] == doc["record_id"] and record["url"] == doc["url"]


class _TagBalance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()


def test_sample_html_is_well_formed(articles: Path) -> None:
    for path in sorted(articles.glob("*.html")):
        parser = _TagBalance()
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        assert parser.errors == [], path.name
        assert parser.stack == [], f"{path.name}: unclosed {parser.stack}"


def test_sample_html_has_no_external_resources(articles: Path) -> None:
    for path in sorted(articles.glob("*.html")):
        raw = path.read_text(encoding="utf-8")
        assert not re.search(r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//""", raw), path.name
        assert not re.search(r"<(?:script|link|img|iframe)\b", raw), path.name
        assert "url(" not in raw and "@import" not in raw, path.name


def test_sample_html_metadata_matches_gold(articles: Path, gold: Gold) -> None:
    for path in sorted(articles.glob("*.html")):
        raw = path.read_text(encoding="utf-8")
        doc = gold["documents"][path.name]

        def meta(attr: str, name: str, raw: str = raw, page: str = path.name) -> str:
            found = re.search(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', raw)
            assert found, f"{page}: no {name}"
            return found.group(1)

        assert meta("property", "og:site_name") == doc["outlet"]
        assert [meta("name", "author")] == doc["authors"]
        assert meta("property", "article:published_time")[:10] == doc["published"]
        assert f'<time datetime="{doc["published"]}' in raw
        assert doc["title"] in raw


def test_sample_article_sizes_within_limits(gold: Gold, contents: Contents) -> None:
    for key in gold["documents"]:
        start, end = _body_bounds(gold, contents, key)
        count = len(_words(contents[key][start:end]))
        assert 250 <= count <= 700, f"{key}: {count} words of article text"


# --------------------------------------------------------------------------- gold ↔ text


def test_sample_gold_texts_occur_in_their_documents(gold: Gold, contents: Contents) -> None:
    missing = [
        (where, doc, text) for where, doc, text in _evidence(gold) if text not in contents[doc]
    ]
    assert missing == []


def test_sample_gold_article_texts_never_straddle_html_tags(gold: Gold) -> None:
    # A text that contains markup could not be found in the extracted plain text.
    for where, _doc, text in _evidence(gold):
        assert "<" not in text and ">" not in text and "&" not in text, where


def test_sample_boilerplate_sits_outside_the_article_body(gold: Gold, contents: Contents) -> None:
    for key, doc in gold["documents"].items():
        start, end = _body_bounds(gold, contents, key)
        body = contents[key][start:end]
        for marker in doc["boilerplate"]:
            assert marker not in body, f"{key}: {marker!r} inside the article body"
        # The true last sentence ends the body: only boilerplate may follow it.
        assert doc["last_sentence"] in body[-len(doc["last_sentence"]) - 1 :]


def test_sample_quote_texts_are_exact_quote_contents(gold: Gold, contents: Contents) -> None:
    quote_marks = '"“”'
    for quote in gold["quotes"]:
        if quote["kind"] == "indirect":
            continue
        text = contents[quote["document"]]
        i = text.index(quote["text"])
        before, after = text[i - 1], text[i + len(quote["text"])]
        continuation = quote["text"][-1] in ".!?"  # second sentence of a quote: opened earlier
        assert before in quote_marks or continuation or before == " ", quote
        assert after in quote_marks + ",", quote


# --------------------------------------------------------------------------- capabilities


def test_sample_covers_bylines_datelines_and_titles(gold: Gold, contents: Contents) -> None:
    docs = gold["documents"]
    bylines = [d["byline"] for d in docs.values() if d["byline"]]
    assert any(b.startswith("By ") for b in bylines)
    lone = [
        k
        for k, d in docs.items()
        if d["byline"] and not d["byline"].startswith("By ") and d["format"] == "txt"
    ]
    assert lone, "no lone name line under a title"
    for key in lone:
        assert f"\n{docs[key]['byline']}\n" in contents[key]
    assert any(d["dateline"] and "(Meridian Wire) —" in d["dateline"] for d in docs.values())
    no_byline = [k for k, d in docs.items() if d["authors"] == []]
    assert no_byline and all("4 Minute Read" in contents[k] for k in no_byline)
    assert any(d["title"] is None for d in docs.values())
    assert any(d["title"] and d["format"] == "txt" for d in docs.values())
    for key, doc in docs.items():
        assert not set(doc["authors"]) & set(doc["not_authors"]), key
        assert doc["published"] not in doc["published_traps"], key


def test_sample_covers_every_boilerplate_kind(gold: Gold) -> None:
    markers = " | ".join(m for d in gold["documents"].values() for m in d["boilerplate"])
    for kind in (
        "Share this article",
        "Spread the word",
        "Next Post",
        "You May Also Like",
        "Comments are closed.",
        "About the author:",
        "newsletter",
        "Edited by",
        "Skip to content",
    ):
        assert kind.lower() in markers.lower(), kind


def test_sample_next_post_date_is_a_trap_not_the_date(gold: Gold, contents: Contents) -> None:
    (key,) = [k for k in gold["documents"] if "Next Post" in contents[k]]
    doc = gold["documents"][key]
    assert doc["published"] is None
    trap = dt.date.fromisoformat(doc["published_traps"][0])
    assert f"{trap:%B} {trap.day}, {trap.year}" in contents[key]


def test_sample_covers_name_variants(gold: Gold, contents: Contents) -> None:
    corpus = "\n".join(contents.values())
    for entity in gold["entities"]:
        for variant in entity["variants"]:
            assert variant in corpus, (entity["name"], variant)
    marchenko = next(e for e in gold["entities"] if e["name"] == "Oleksandr Marchenko")
    spellings = [
        v
        for v in marchenko["variants"]
        if v.endswith(" Marchenko") and " " in v and not v.startswith("Premier")
    ]
    assert len(spellings) >= 3
    reyes = next(e for e in gold["entities"] if e["name"] == "Tomas Reyes")
    assert {"Reyes", "Reyes's", "President Reyes"} <= set(reyes["variants"])
    assert any("PERSON" in e.get("ner_trap", "") and e["type"] == "GPE" for e in gold["entities"])


def test_sample_covers_quote_kinds_and_speakers(gold: Gold) -> None:
    quotes = gold["quotes"]
    assert {q["kind"] for q in quotes} == {"direct", "partial", "indirect"}
    notes = " ".join(q["note"] for q in quotes)
    for needle in ("pronoun", "role noun", "scare quote", "backdrop", "according to", "said that"):
        assert needle in notes or any(q["cue"] == needle for q in quotes), needle
    assert any(q["speaker_text"] in ("he", "He") and q["kind"] == "direct" for q in quotes)
    assert any(q["speaker_text"] == "the premier" for q in quotes)
    assert sum(q["speaker"] is None for q in quotes) >= 3
    names = {e["name"] for e in gold["entities"]}
    assert {q["speaker"] for q in quotes if q["speaker"]} <= names


def test_sample_quote_groups_cover_variants_and_speaker_conflict(gold: Gold) -> None:
    groups = gold["quote_groups"]
    variants = [g for g in groups if g["variants"]]
    assert any(
        "many, many points" in " ".join(m["text"] for m in g["members"])
        and any("many points" in m["text"] and "many, many" not in m["text"] for m in g["members"])
        for g in variants
    )
    conflict = [g for g in groups if g["speaker_conflict"]]
    assert conflict
    for group in conflict:
        assert len({m["speaker"] for m in group["members"]}) > 1
        assert len({m["document"] for m in group["members"]}) > 1
    for group in groups:
        if not group["speaker_conflict"]:
            assert len({m["speaker"] for m in group["members"]}) == 1


def test_sample_covers_fact_conflict_and_approximation(gold: Gold) -> None:
    facts = {f["id"]: f for f in gold["facts"]}
    statuses = {f["status"] for f in facts.values()}
    assert statuses == {"conflict", "corroborated", "single_source"}
    kinds = {f["kind"] for f in facts.values()}
    assert {"duration", "count", "money", "percent", "date"} <= kinds
    length = facts["talks_length"]
    by_text = {v["text"]: v for v in length["values"]}
    for a, b in length["not_conflicting"]:
        assert by_text[a]["value"] == by_text[b]["value"]
    for a, b in length["conflicting"]:
        assert by_text[a]["value"] != by_text[b]["value"]
    assert any(v["approx"] == "at_least" for f in facts.values() for v in f["values"])


def test_sample_syndicated_copy_counts_once(gold: Gold, contents: Contents) -> None:
    def shingles(key: str) -> set[tuple[str, ...]]:
        start, end = _body_bounds(gold, contents, key)
        words = [w.lower() for w in _words(contents[key][start:end])]
        return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}

    sets = {key: shingles(key) for key in gold["documents"]}
    copies = {k: d["duplicate_of"] for k, d in gold["documents"].items() if d["duplicate_of"]}
    assert len(copies) == 1
    for key, original in copies.items():
        assert gold["documents"][key]["title"] != gold["documents"][original]["title"]
        assert contents[key] != contents[original]
        assert len(sets[key] & sets[original]) / len(sets[key] | sets[original]) >= 0.8
    pairs = [
        (a, b) for a in sets for b in sets if a < b and copies.get(a) != b and copies.get(b) != a
    ]
    for a, b in pairs:
        assert len(sets[a] & sets[b]) / len(sets[a] | sets[b]) < 0.2, (a, b)
    # A value carried only by the original and its copy is still single-source.
    population = next(f for f in gold["facts"] if f["id"] == "dravik_population")
    assert population["status"] == "single_source"
    assert {v["document"] for v in population["values"]} == {*copies, *copies.values()}


def test_sample_dates_are_consistent(gold: Gold) -> None:
    event_day = dt.date.fromisoformat(gold["event_date"])
    assert event_day.strftime("%A") == "Tuesday"
    facts = {f["id"]: f for f in gold["facts"]}
    assert {v["value"] for v in facts["summit_date"]["values"]} == {gold["event_date"]}
    follow_up = {v["value"] for v in facts["ministers_meeting_date"]["values"]} - {None}
    (monday,) = follow_up
    assert dt.date.fromisoformat(monday) == event_day + dt.timedelta(days=6)
    assert dt.date.fromisoformat(monday).strftime("%A") == "Monday"


def test_sample_covers_events_and_positions(gold: Gold) -> None:
    events = gold["events"]
    assert {e["type"] for e in events} >= EVENT_TYPES_REQUIRED
    summit = next(e for e in events if e["type"] == "CONSULT" and e["mode"] == "happened")
    assert (summit["location"], summit["date"]) == ("Halloran", gold["event_date"])
    assert len({i["document"] for i in summit["evidence"]}) >= 4
    assert any(e["mode"] == "planned" and e.get("subtype") == "invitation" for e in events)
    assert any(e["mode"] == "planned" and e["date"] for e in events)
    assert any(e["actor"] == "Northern Compact" and e["type"] == "DEMAND" for e in events)
    names = {e["name"] for e in gold["entities"]}
    for event in events:
        assert event["actor"] in names and (event["target"] is None or event["target"] in names)
    stances = {(p["actor"], p["issue"], p["stance"]) for p in gold["positions"]}
    assert ("Oleksandr Marchenko", "Dravik territory", "demand") in stances
    assert ("Tomas Reyes", "Dravik territory", "oppose") in stances
    (conflict,) = gold["stance_conflicts"]
    assert len({r["stance"] for r in conflict["reports"]}) == 2


def test_sample_opinion_piece_and_loaded_terms(gold: Gold, contents: Contents) -> None:
    sources = gold["sources"]
    opinion = sources["opinion_doc"]
    assert gold["documents"][opinion]["opinion"] is True
    partisan = sources.get("partisan_doc")
    expected = sorted(k for k in (opinion, partisan) if k)
    assert sorted(k for k, d in gold["documents"].items() if d["opinion"]) == expected
    assert sum(m["text"].endswith("?") for m in sources["opinion_markers"]) >= 2
    for term in sources["loaded_terms"]:
        others = [k for k in contents if k != opinion and term["term"] in contents[k].lower()]
        assert others == [], term["term"]


def test_sample_omitted_and_unique_facts(gold: Gold, contents: Contents) -> None:
    sources = gold["sources"]
    facts = {f["id"]: f for f in gold["facts"]}
    omitted = sources["omitted_fact"]
    assert omitted["absent_text"] not in contents[omitted["omitted_by"]].lower()
    carriers = {v["document"] for v in facts[omitted["fact"]]["values"]}
    assert carriers == set(omitted["carried_by"])
    assert len(carriers) > len(contents) / 2
    unique = sources["unique_fact"]
    assert facts[unique["fact"]]["status"] == "single_source"
    assert [k for k in contents if "3,000" in contents[k]] == [unique["document"]]
