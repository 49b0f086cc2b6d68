"""The table lemmatizer gives spaCy's lemmas, bit for bit, and pickles like spaCy's."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

from newsprism.nlp import MODEL_NAME
from newsprism.nlp.lemmas import compile_lemmatizer

# Inflections the rules, the exception tables and the base-form test each decide,
# words outside the index, proper nouns, numbers, hyphenated and all-caps forms.
WORDS = (
    "The mice were running faster than the geese; she'd been better, worse, the best.\n"
    "Ministers argued, argues and had argued over the 1990s' budgets and its crises.\n"
    "Zelensky's envoys flew; Putin-backed separatists shelled Donetsk. NATO's allies met.\n"
    "Co-operating, re-elected, well-known, U.S.-led, COVID-19, 3.5%, twenty-two, ok.\n"
)


@pytest.fixture(scope="module")
def stock() -> Any:
    import spacy

    return spacy.load(MODEL_NAME)


def test_lemmas_same_as_spacy_lemmatizer(stock: Any, nlp: Any, sample_dir: Path) -> None:
    texts = [
        WORDS,
        "",
        "\n",
        *(p.read_text(encoding="utf-8") for p in sorted((sample_dir / "articles").glob("*.txt"))),
    ]
    # Twice: the second pass answers from the table the first one filled.
    for _ in range(2):
        for text, a, b in zip(texts, stock.pipe(texts), nlp.pipe(texts), strict=True):
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b], text[:60]
            assert a.to_bytes() == b.to_bytes()


def test_lemmas_table_lemmatizer_installed_and_pickles(nlp: Any) -> None:
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert type(lemmatizer).__name__ == "TableLemmatizer"
    nlp("Warm the table.")
    copy = pickle.loads(pickle.dumps(nlp))  # as spaCy ships a pipeline to its workers
    assert type(copy.get_pipe("lemmatizer")).__name__ == "TableLemmatizer"
    text = "The geese were running; ministers argued."
    assert [t.lemma_ for t in copy(text)] == [t.lemma_ for t in nlp(text)]


def test_lemmas_attribute_ruler_pickles(nlp: Any) -> None:
    nlp("Warm the table.")
    copy = pickle.loads(pickle.dumps(nlp))
    assert type(copy.get_pipe("attribute_ruler")).__name__ == "CompiledAttributeRuler"
    text = "There is a cat. Let's go, y'all."
    assert [(t.pos_, str(t.morph)) for t in copy(text)] == [
        (t.pos_, str(t.morph)) for t in nlp(text)
    ]


def test_lemmas_other_lemmatizer_left_alone() -> None:
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert compile_lemmatizer(blank) is False
    assert compile_lemmatizer(spacy.blank("en")) is False
