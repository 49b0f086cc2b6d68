"""The model's attribute rules, applied by table instead of by spaCy's ``Matcher``.

The English pipeline's ``attribute_ruler`` maps each tagger tag to a coarse part of
speech and morphology, with exceptions by word and dependency (179 rules). spaCy runs
all of them through its token ``Matcher`` on every document: about 12% of the whole
parse on news text, more than the dependency parser. Almost every rule looks at one
token only, and what a one-token rule does depends on four of that token's values
(tag, lowercase form, dependency label, whether it is whitespace), all read before any
rule applies. So the combined effect of those rules is a pure function of that key:
computed once per distinct key, then looked up. The few rules that span two tokens
("gon na", "let 's", "there is") still go through a ``Matcher`` of their own.

The annotations are the stock ruler's, bit for bit: rules apply in the ruler's order
(a later rule overrides an earlier one on the same attribute, as in
``AttributeRuler.set_annotations``), tested by comparing ``Doc.to_bytes()`` of both
on real text. A rule of a form this module does not compile (an operator, an
attribute or a quantifier it does not know) leaves the stock ruler in place.
"""

from __future__ import annotations

import re
from typing import Any

# Token attributes a one-token rule may test, and the operators it may use.
_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_OPS = ("IN", "NOT_IN", "REGEX")

Key = tuple[int, int, int, int]


def _test_value(want: Any, have: Any) -> bool:
    """One pattern value against a token's value, as spaCy's ``Matcher`` tests it."""
    if not isinstance(want, dict):
        return bool(want == have)
    for op, arg in want.items():
        if op == "IN" and have not in arg:
            return False
        if op == "NOT_IN" and have in arg:
            return False
        if op == "REGEX" and not re.search(arg, have):
            return False
    return True


def _compilable(token_pattern: dict[str, Any]) -> bool:
    for key, value in token_pattern.items():
        if key not in _KEYS:
            return False
        if isinstance(value, dict) and not set(value) <= set(_OPS):
            return False
        if key == "IS_SPACE" and not isinstance(value, bool):
            return False
        if key != "IS_SPACE" and not isinstance(value, str | dict):
            return False
    return True


def _bucket(alternatives: list[dict[str, Any]]) -> tuple[str, str] | None:
    """The one exact value every alternative of a rule requires, if there is one."""
    for attr in ("LOWER", "TAG"):
        values = [a.get(attr) for a in alternatives]
        if all(isinstance(v, str) for v in values) and len(set(values)) == 1:
            return (attr, str(values[0]))
    return None


class CompiledRules:
    """The ruler's one-token rules as a table by token key; the others in a small Matcher."""

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.matcher import Matcher

        self._strings = ruler.vocab.strings
        self._attrs: list[dict[Any, Any]] = list(ruler.attrs)
        self._indices: list[int] = list(ruler.indices)
        self._array_attrs = [TAG, LOWER, DEP, IS_SPACE]
        # One-token rules as (rule id, alternative patterns), bucketed by the exact
        # lowercase form they name (most exceptions), else the exact tag (the tag map),
        # else in one general list: a new key is tested against few rules.
        self._bucket: dict[tuple[str, str], list[tuple[int, list[dict[str, Any]]]]] = {}
        self._general: list[tuple[int, list[dict[str, Any]]]] = []
        self._multi = Matcher(ruler.vocab)
        self.has_multi = False
        for rule_id, rule in enumerate(ruler.patterns):
            patterns = rule["patterns"]
            if all(len(p) == 1 for p in patterns):
                alternatives = [p[0] for p in patterns]
                bucket = _bucket(alternatives)
                if bucket is None:
                    self._general.append((rule_id, alternatives))
                else:
                    self._bucket.setdefault(bucket, []).append((rule_id, alternatives))
            else:
                self._multi.add(str(rule_id), patterns)
                self.has_multi = True
        self._memo: dict[Key, list[int]] = {}

    @classmethod
    def of(cls, ruler: Any) -> CompiledRules | None:
        """Compiled rules for ``ruler``, or None when one of its rules is beyond this table."""
        if len(ruler.patterns) != len(ruler.attrs):
            return None
        for rule in ruler.patterns:
            patterns = rule["patterns"]
            # Rules of one token each go into the table; others stay with a Matcher.
            if all(len(p) == 1 for p in patterns) and not all(_compilable(p[0]) for p in patterns):
                return None
        return cls(ruler)

    def _rules_for(self, key: Key) -> list[int]:
        """Ids of the one-token rules that match a token with this key, in rule order."""
        hit = self._memo.get(key)
        if hit is None:
            tag, lower, dep, space = key
            values = {
                "TAG": self._strings[tag] if tag else "",
                "LOWER": self._strings[lower] if lower else "",
                "DEP": self._strings[dep] if dep else "",
                "IS_SPACE": bool(space),
            }
            candidates = (
                self._general
                + self._bucket.get(("LOWER", str(values["LOWER"])), [])
                + self._bucket.get(("TAG", str(values["TAG"])), [])
            )
            hit = sorted(
                rule_id
                for rule_id, alternatives in candidates
                if any(
                    all(_test_value(want, values[k]) for k, want in alt.items())
                    for alt in alternatives
                )
            )
            self._memo[key] = hit
        return hit

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return doc
        keys = doc.to_array(self._array_attrs).tolist()
        # token index → rule ids from multi-token rules that target it
        extra: dict[int, list[int]] = {}
        if self.has_multi:
            for match_id, start, end in self._multi(doc, allow_missing=True):
                rule_id = int(self._strings[match_id])
                index = self._indices[rule_id]
                at = (start if index >= 0 else end) + index
                if not start <= at < end:
                    raise ValueError(f"attribute rule {rule_id}: index {index} outside its match")
                extra.setdefault(at, []).append(rule_id)
        attrs = self._attrs
        merged: dict[tuple[int, ...], dict[Any, Any]] = {}
        for i, row in enumerate(keys):
            ids = self._rules_for((row[0], row[1], row[2], row[3]))
            more = extra.get(i)
            if more:
                ids = sorted(ids + more)
            if not ids:
                continue
            combo = tuple(ids)
            final = merged.get(combo)
            if final is None:
                final = {}
                for rule_id in ids:
                    final.update(attrs[rule_id])
                merged[combo] = final
            set_token_attrs(doc[i], final)
        return doc


def _compiled_class() -> type:
    from spacy.pipeline import AttributeRuler

    class CompiledAttributeRuler(AttributeRuler):
        """spaCy's ``AttributeRuler`` whose call applies the compiled tables.

        ``match`` and ``set_annotations`` stay spaCy's; adding or clearing rules drops
        the tables, which are built again on the next call.
        """

        def __call__(self, doc: Any) -> Any:
            error_handler = self.get_error_handler()
            try:
                rules = self.__dict__.get("_compiled")
                if rules is None:
                    rules = self.__dict__["_compiled"] = CompiledRules(self)
                return rules(doc)
            except Exception as e:
                return error_handler(self.name, self, [doc], e)

        def add(self, *args: Any, **kwargs: Any) -> None:
            self.__dict__.pop("_compiled", None)
            super().add(*args, **kwargs)

        def clear(self) -> None:
            self.__dict__.pop("_compiled", None)
            super().clear()

    CompiledAttributeRuler.__module__ = __name__
    CompiledAttributeRuler.__qualname__ = "CompiledAttributeRuler"
    return CompiledAttributeRuler


def compile_ruler(nlp: Any) -> bool:
    """Run ``nlp``'s attribute ruler from compiled tables; False when left as it was."""
    from spacy.pipeline import AttributeRuler

    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if type(ruler) is not AttributeRuler or CompiledRules.of(ruler) is None:
        return False
    # The same component object, its name, place and serialisation unchanged; only
    # its class gains the compiled call (a module-level class: it pickles).
    ruler.__class__ = __getattr__("CompiledAttributeRuler")
    return True


def __getattr__(name: str) -> Any:
    # The subclass needs spaCy, which this module imports only when a model is loaded.
    if name == "CompiledAttributeRuler":
        cls = globals().get(name) or _compiled_class()
        globals()[name] = cls
        return cls
    raise AttributeError(name)
