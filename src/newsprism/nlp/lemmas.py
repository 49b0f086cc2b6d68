"""The model's rule lemmatizer, with its answers looked up by key instead of per token call.

spaCy's English lemmatizer walks every token in Python: it builds a ``Token``, reads
its part of speech and morphology (a new ``MorphAnalysis`` each time) and looks the
triple up in its cache, about 10% of the whole parse on news text. Its answer is a
pure function of that triple (word, part of speech, morphology): the rules, the
exception and index tables and the base-form test read nothing else. So one
``Doc.to_array`` gives every token's triple and each distinct triple is lemmatized
once. Most of spaCy's cost is in that first lemmatization of a word, not in the
walk: it asks whether a candidate form is in the part of speech's index, which the
English tables hold as a *list* (57,528 nouns), so each question is a linear scan.
Here the same rules run with the index as a set: the same answers, in the same
order. Tokens that already have a lemma (set by the attribute rules) are left
alone unless the component is told to overwrite, as in spaCy.

The lemmas are spaCy's, bit for bit (``Doc.to_bytes`` compared in the tests). A
lemmatizer in another mode, or of another class, is left as it is.
"""

from __future__ import annotations

from typing import Any


def _table_class() -> type:
    from spacy.attrs import LEMMA, MORPH, ORTH, POS
    from spacy.errors import Errors
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    columns = [ORTH, POS, MORPH, LEMMA]

    class TableLemmatizer(EnglishLemmatizer):
        """spaCy's English rule lemmatizer whose call reuses answers by (word, pos, morph)."""

        def __call__(self, doc: Any) -> Any:
            if not self._validated:
                self._validate_tables(Errors.E1004)
            error_handler = self.get_error_handler()
            try:
                self._annotate(doc)
                return doc
            except Exception as e:
                return error_handler(self.name, self, [doc], e)

        def _annotate(self, doc: Any) -> None:
            if not len(doc):
                return
            known: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_known", {})
            add = doc.vocab.strings.add
            overwrite = self.overwrite
            for i, (orth, pos, morph, lemma) in enumerate(doc.to_array(columns).tolist()):
                if lemma and not overwrite:
                    continue
                key = (orth, pos, morph)
                found = known.get(key)
                if found is None:
                    token = doc[i]
                    if pos:
                        found = known[key] = add(self._rule_lemma(token))
                    else:  # no part of speech: spaCy's own call, which warns each time
                        found = add(self.lemmatize(token)[0])
                doc[i].lemma = found

        def _rule_lemma(self, token: Any) -> str:
            """``Lemmatizer.rule_lemmatize(token)[0]`` (spaCy 3.8), with the index as a set."""
            string = token.text
            univ_pos = token.pos_.lower()
            if univ_pos in ("", "eol", "space") or self.is_base_form(token):
                return str(string.lower())
            index_table = self.lookups.get_table("lemma_index", {})
            exc_table = self.lookups.get_table("lemma_exc", {})
            rules_table = self.lookups.get_table("lemma_rules", {})
            if not any(
                (index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))
            ):
                return str(string) if univ_pos == "propn" else str(string.lower())
            sets: dict[str, frozenset[str]] = self.__dict__.setdefault("_index_sets", {})
            index = sets.get(univ_pos)
            if index is None:
                index = sets[univ_pos] = frozenset(index_table.get(univ_pos, {}))
            exceptions = exc_table.get(univ_pos, {})
            rules = rules_table.get(univ_pos, {})
            orig = string
            string = string.lower()
            forms: list[str] = []
            oov_forms: list[str] = []
            for old, new in rules:
                if string.endswith(old):
                    form = string[: len(string) - len(old)] + new
                    if not form:
                        pass
                    elif form in index or not form.isalpha():
                        if form in index:
                            forms.insert(0, form)
                        else:
                            forms.append(form)
                    else:
                        oov_forms.append(form)
            forms = list(dict.fromkeys(forms))
            for form in exceptions.get(string, []):
                if form not in forms:
                    forms.insert(0, form)
            if not forms:
                forms.extend(oov_forms)
            if not forms:
                forms.append(orig)
            return str(forms[0])

        def initialize(self, *args: Any, **kwargs: Any) -> None:
            self.__dict__.pop("_known", None)
            self.__dict__.pop("_index_sets", None)
            super().initialize(*args, **kwargs)

    TableLemmatizer.__module__ = __name__
    TableLemmatizer.__qualname__ = "TableLemmatizer"
    return TableLemmatizer


def compile_lemmatizer(nlp: Any) -> bool:
    """Run ``nlp``'s English rule lemmatizer by table; False when left as it was."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if type(lemmatizer) is not EnglishLemmatizer or lemmatizer.mode != "rule":
        return False
    # The same component object, name, place and serialisation; only its class gains
    # the table call (a module-level class: it pickles).
    lemmatizer.__class__ = __getattr__("TableLemmatizer")
    return True


def __getattr__(name: str) -> Any:
    # The subclass needs spaCy, which this module imports only when a model is loaded.
    if name == "TableLemmatizer":
        cls = globals().get(name) or _table_class()
        globals()[name] = cls
        return cls
    raise AttributeError(name)
