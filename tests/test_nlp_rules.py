"""The compiled attribute rules give the stock ruler's annotations, bit for bit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.nlp import MODEL_NAME
from newsprism.nlp.rules import CompiledRules, compile_ruler

# Every kind of rule the English ruler holds: the tag map, word exceptions by tag and
# by dependency, the two-token rules (gon na, got ta, let 's, y' all, c'm on, ai n't,
# there is), whitespace tokens, and a "but" used as an adverb.
TRICKY = (
    "Y'all gonna go? We gotta leave. Let's talk. C'mon, it ain't over; they ain't done.\n"
    "There is a cat and there were dogs. I saw it and it saw me; you know you did.\n\n"
    "  \n\tHe did it. She has had enough. Do it! But for the rain, all but two came.\n"
    "What, which and that: those that came. He gets it; she got it. I'd have gone.\n"
    # forms only a regular expression names: "y" (y' all), "nt" (ai n't)
    "Y all know it. They ai nt here, y know.\n"
)


@pytest.fixture(scope="module")
def stock() -> Any:
    import spacy

    return spacy.load(MODEL_NAME)


def _texts(sample_dir: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((sample_dir / "articles").glob("*.txt"))]
    return [TRICKY, "", " ", "\n\n", "gon na got ta", *texts]


def test_rules_same_annotations_as_stock_ruler(stock: Any, nlp: Any, sample_dir: Path) -> None:
    texts = _texts(sample_dir)
    for text, a, b in zip(texts, stock.pipe(texts), nlp.pipe(texts), strict=True):
        assert a.to_bytes() == b.to_bytes(), text[:60]
        assert [(t.pos_, str(t.morph), t.lemma_, t.dep_, t.tag_) for t in a] == [
            (t.pos_, str(t.morph), t.lemma_, t.dep_, t.tag_) for t in b
        ]


def test_rules_two_token_rules_apply(nlp: Any) -> None:
    doc = nlp("Let's go, y'all. There is time, we're gonna win. It ain't so.")
    got = {t.text: (t.lemma_, t.pos_) for t in doc}
    assert got["'s"] == ("us", "PRON")  # let 's: the second token
    assert got["y'"][0] == "you"  # y' all: the first token
    assert got["gon"][0] == "go" and got["na"][0] == "to"
    assert got["ai"][0] == "be"
    assert got["is"] == ("be", "VERB")  # there is: a verb, not an auxiliary


def test_rules_compiled_ruler_installed(nlp: Any) -> None:
    # load_model() runs the ruler from tables; spaCy's own match step still works.
    ruler = nlp.get_pipe("attribute_ruler")
    assert type(ruler).__name__ == "CompiledAttributeRuler"
    assert isinstance(ruler.match(nlp.make_doc("A test.")), list)


def test_rules_added_rule_rebuilds_table(stock: Any) -> None:
    import spacy

    nlp = spacy.load(MODEL_NAME)
    assert compile_ruler(nlp)
    nlp("Warm the table.")
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "zorblat"}]], {"POS": "INTJ"})
    assert nlp("Zorblat went home.")[0].pos_ == "INTJ"


def test_rules_unknown_pattern_keeps_stock_ruler() -> None:
    import spacy

    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"LENGTH": {">=": 3}}]], {"POS": "X"})  # an operator the table does not compile
    assert CompiledRules.of(ruler) is None
    assert compile_ruler(blank) is False
    assert type(blank.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_rules_blank_pipeline_without_ruler() -> None:
    import spacy

    assert compile_ruler(spacy.blank("en")) is False


def test_rules_distinct_rows_maps_every_row_back() -> None:
    import numpy

    from newsprism.nlp.rules import _distinct_rows

    rng = numpy.random.default_rng(7)
    keys = rng.integers(0, 5, size=(500, 4)).astype(numpy.uint64) * numpy.uint64(2**61)
    distinct, inverse = _distinct_rows(keys)
    assert (distinct[inverse] == keys).all()
    assert len(distinct) == len({tuple(r) for r in keys.tolist()})


def test_rules_operator_span_rule_goes_through_matcher() -> None:
    import spacy

    def with_rules() -> Any:
        blank = spacy.blank("en")
        ruler = blank.add_pipe("attribute_ruler")
        big = [[{"LOWER": "big"}, {"LOWER": "red", "OP": "?"}, {"LOWER": "dog"}]]
        ruler.add(big, {"POS": "X"}, 1)  # an operator: spaCy's Matcher
        ruler.add([[{"LOWER": "very"}, {"LOWER": "good"}]], {"POS": "ADV"}, -2)  # the table
        return blank

    stock, compiled = with_rules(), with_rules()
    assert compile_ruler(compiled)
    text = "A big red dog and a big dog. Very good."
    doc = compiled(text)
    assert doc.to_bytes() == stock(text).to_bytes()
    assert [t.text for t in doc if t.pos_ == "X"] == ["red", "dog"]
    assert [t.text for t in doc if t.pos_ == "ADV"] == ["Very"]
