"""The rule-based speaker resolver: gender agreement, pronoun chains, role nouns, unknowns."""

from __future__ import annotations

from typing import Any

from newsprism.extract.coref import Resolver
from newsprism.extract.entities import extract_mentions


def _resolver(nlp: Any, text: str) -> tuple[Any, Resolver]:
    sdoc = nlp(text)
    return sdoc, Resolver(sdoc, list(extract_mentions("d", sdoc)), [])


def _token(sdoc: Any, word: str, nth: int = 0) -> Any:
    return [t for t in sdoc if t.text == word][nth]


def _name(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None


def test_coref_pronoun_gender_picks_matching_person(nlp: Any) -> None:
    text = "Anna Kovac met Peter Vogel in Graz. She left early, and he stayed."
    sdoc, res = _resolver(nlp, text)
    assert _name(text, res.resolve_pronoun(_token(sdoc, "She"))) == "Anna Kovac"
    assert _name(text, res.resolve_pronoun(_token(sdoc, "he"))) == "Peter Vogel"


def test_coref_subject_beats_recency_and_chains(nlp: Any) -> None:
    text = (
        "Peter Vogel praised the deal. He compared it with the pact signed by Ivan Petrov. "
        "Yet he admitted that gaps remained."
    )
    sdoc, res = _resolver(nlp, text)
    assert _name(text, res.resolve_pronoun(_token(sdoc, "he"))) == "Peter Vogel"


def test_coref_role_noun_needs_matching_title(nlp: Any) -> None:
    text = (
        "Belarusian President Ivan Petrov met Czech Foreign Minister Jan Novak. "
        "The Belarusian president spoke first. The minister spoke next. The admiral said nothing."
    )
    sdoc, res = _resolver(nlp, text)
    assert _name(text, res.resolve_role(_token(sdoc, "president"))) == "Ivan Petrov"
    assert _name(text, res.resolve_role(_token(sdoc, "minister"))) == "Jan Novak"
    assert res.resolve_role(_token(sdoc, "admiral")) is None


def test_coref_unknown_stays_none(nlp: Any) -> None:
    text = "The storm hit the coast. She said it was the worst in years."
    sdoc, res = _resolver(nlp, text)
    assert res.resolve_pronoun(_token(sdoc, "She")) is None


def test_coref_apposition_titles(nlp: Any) -> None:
    text = "Wilhelm Brandt, a former German ambassador, spoke. Later the ambassador left."
    sdoc, res = _resolver(nlp, text)
    assert _name(text, res.resolve_role(_token(sdoc, "ambassador", 1))) == "Wilhelm Brandt"


def test_coref_resolver_built_once_per_document(nlp: Any, monkeypatch: Any) -> None:
    from newsprism.extract import coref
    from newsprism.models import Document
    from newsprism.perdoc import extract_document

    built = []
    original = coref.Resolver.__init__

    def counting(self: Any, *args: Any, **kwargs: Any) -> None:
        built.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(coref.Resolver, "__init__", counting)
    text = 'Ilse Varga met reporters. "We will sign," she said. She said the talks would resume.'
    found = extract_document(Document(id="d-1", input="x.txt", text=text), nlp(text))
    assert found.quotes and found.claims is not None
    assert len(built) == 1
