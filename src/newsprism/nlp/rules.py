"""The model's attribute rules, applied by table instead of by spaCy's ``Matcher``.

The English pipeline's ``attribute_ruler`` maps each tagger tag to a coarse part of
speech and morphology, with exceptions by word and dependency (179 rules). spaCy runs
all of them through its token ``Matcher`` on every document: about 12% of the whole
parse on news text, more than the dependency parser. Almost every rule looks at one
token only, and what a one-token rule does depends on four of that token's values
(tag, lowercase form, dependency label, whether it is whitespace), all read before any
rule applies. So the combined effect of those rules is a pure function of that key:
computed once per distinct key, kept as a row of a table, and written back for the
whole document with one ``Doc.from_array``. The few rules that span two tokens
("gon na", "let 's", "there is") test each token on the same key, so a match is a
run of passing tests at consecutive tokens; a rule with an operator or quantifier
still goes through a ``Matcher`` of its own.

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
    """The ruler's rules as tables by token key; rules of another form in a small Matcher."""

    def __init__(self, ruler: Any) -> None:
        import numpy
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
        # Fixed-length rules of several tokens ("gon na", "let 's", "there is") whose
        # tokens are tested like one-token rules: (rule id, the columns of its tests).
        self._spans: list[tuple[int, list[int]]] = []
        self._span_tests: list[dict[str, Any]] = []
        # Anything else goes through spaCy's Matcher.
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
            elif all(_compilable(t) for p in patterns for t in p):
                for pattern in patterns:
                    first = len(self._span_tests)
                    columns = list(range(first, first + len(pattern)))
                    self._span_tests.extend(pattern)
                    self._spans.append((rule_id, columns))
            else:
                self._multi.add(str(rule_id), patterns)
                self.has_multi = True
        # Most words are named by no rule: what the rules do to them cannot depend on
        # which word it is. A lowercase form stands for itself when some rule names it
        # (exactly or in a list), else for the first form seen with the same result on
        # every regular expression the rules test lowercase forms with. Keys of forms
        # that stand for the same one share a row: far fewer rows to resolve.
        self._named: set[str] = set()
        regexes: list[str] = []
        alternatives = [a for _, alts in self._general for a in alts]
        alternatives += [a for rules in self._bucket.values() for _, alts in rules for a in alts]
        for alt in (*alternatives, *self._span_tests):
            want = alt.get("LOWER")
            if isinstance(want, str):
                self._named.add(want)
            elif isinstance(want, dict):
                for op, arg in want.items():
                    if op == "REGEX":
                        regexes.append(arg)
                    else:
                        self._named.update(arg)
        self._lower_regexes = [re.compile(r) for r in dict.fromkeys(regexes)]
        self._stands_for: dict[int, int] = {}
        self._by_outcome: dict[tuple[bool, ...], int] = {}
        # Every attribute some rule sets, in a fixed order: the columns written back.
        self._set_attrs = sorted({a for attrs in self._attrs for a in attrs})
        # Each key seen gets a row: the one-token rules it matches (``_ids``), the value
        # each written attribute takes (``_table``; ``_sets`` says which the rules set)
        # and the key's result on each span test (``_tests``). Arrays grow by doubling.
        self._memo: dict[Key, int] = {}
        self._ids: list[list[int]] = []
        self._table = numpy.zeros((64, len(self._set_attrs)), dtype=numpy.uint64)
        self._sets = numpy.zeros((64, len(self._set_attrs)), dtype=bool)
        self._tests = numpy.zeros((64, len(self._span_tests)), dtype=bool)

    @classmethod
    def of(cls, ruler: Any) -> CompiledRules | None:
        """Compiled rules for ``ruler``, or None when one of its rules is beyond this table."""
        if len(ruler.patterns) != len(ruler.attrs):
            return None
        # Rules that set extension attributes ("_") need token objects; leave them to spaCy.
        if not all(isinstance(attr, int) for attrs in ruler.attrs for attr in attrs):
            return None
        for rule in ruler.patterns:
            patterns = rule["patterns"]
            # Rules of one token each go into the table; others stay with a Matcher.
            if all(len(p) == 1 for p in patterns) and not all(_compilable(p[0]) for p in patterns):
                return None
        return cls(ruler)

    def _final(self, ids: list[int]) -> dict[Any, Any]:
        """What rules ``ids`` leave on a token: a later rule overrides an earlier one."""
        final: dict[Any, Any] = {}
        for rule_id in ids:
            final.update(self._attrs[rule_id])
        return final

    def _stand_in(self, lower: int) -> int:
        """The lowercase form (hash) whose rule results ``lower``'s are, by construction."""
        form = self._strings[lower] if lower else ""
        if form in self._named:
            stand_in = lower
        else:
            outcome = tuple(r.search(form) is not None for r in self._lower_regexes)
            stand_in = self._by_outcome.setdefault(outcome, lower)
        self._stands_for[lower] = stand_in
        return stand_in

    def _row(self, key: Key) -> int:
        """The table row of a token key, resolved on first sight."""
        row = self._memo.get(key)
        if row is None:
            row = self._memo[key] = self._resolve(key)
        return row

    def _resolve(self, key: Key) -> int:
        tag, lower, dep, space = key
        values = {
            "TAG": self._strings[tag] if tag else "",
            "LOWER": self._strings[lower] if lower else "",
            "DEP": self._strings[dep] if dep else "",
            "IS_SPACE": bool(space),
        }

        def matches(alt: dict[str, Any]) -> bool:
            return all(_test_value(want, values[k]) for k, want in alt.items())

        candidates = (
            self._general
            + self._bucket.get(("LOWER", str(values["LOWER"])), [])
            + self._bucket.get(("TAG", str(values["TAG"])), [])
        )
        ids = sorted(rule_id for rule_id, alts in candidates if any(map(matches, alts)))
        final = self._final(ids)
        row = len(self._ids)
        self._ids.append(ids)
        if row == len(self._table):
            self._table = _grown(self._table)
            self._sets = _grown(self._sets)
            self._tests = _grown(self._tests)
        for col, attr in enumerate(self._set_attrs):
            if attr in final:
                self._table[row, col] = final[attr]
                self._sets[row, col] = True
        for col, test in enumerate(self._span_tests):
            self._tests[row, col] = matches(test)
        return row

    def _span_targets(self, tests: Any) -> dict[int, list[int]]:
        """Token index → ids of the several-token rules that set it.

        ``tests`` holds, per token, its result on every token test of those rules; a rule
        matches at ``start`` when its k-th test holds for token ``start + k``.
        """
        n = len(tests)
        targets: dict[int, list[int]] = {}
        for rule_id, columns in self._spans:
            width = len(columns)
            if width > n:
                continue
            ok = tests[: n - width + 1, columns[0]].copy()
            for k, column in enumerate(columns[1:], start=1):
                ok &= tests[k : n - width + 1 + k, column]
            index = self._indices[rule_id]
            if not -width <= index < width:
                if ok.any():
                    raise ValueError(f"attribute rule {rule_id}: index {index} outside its match")
                continue
            shift = index if index >= 0 else width + index
            for start in ok.nonzero()[0].tolist():
                targets.setdefault(start + shift, []).append(rule_id)
        return targets

    def __call__(self, doc: Any) -> Any:
        import numpy

        n = len(doc)
        if not n or not self._set_attrs:
            return doc
        keys = doc.to_array(self._array_attrs)
        # Tokens sharing a key get the same rules: resolve each distinct key once.
        distinct, inverse = _distinct_rows(keys)
        row, stands_for, stand_in = self._row, self._stands_for, self._stand_in
        rows = numpy.array(
            [
                row((k[0], stands_for[k[1]] if k[1] in stands_for else stand_in(k[1]), k[2], k[3]))
                for k in distinct.tolist()
            ]
        )[inverse]
        more: dict[int, list[int]] = {}
        if self._spans:
            more = self._span_targets(self._tests[rows])
        if self.has_multi:
            for match_id, start, end in self._multi(doc, allow_missing=True):
                rule_id = int(self._strings[match_id])
                index = self._indices[rule_id]
                at = (start if index >= 0 else end) + index
                if not start <= at < end:
                    raise ValueError(f"attribute rule {rule_id}: index {index} outside its match")
                more.setdefault(at, []).append(rule_id)
        # Each token keeps its value of an attribute unless a rule sets it; then the
        # whole array goes back in one call.
        attrs = self._set_attrs
        values = numpy.where(self._sets[rows], self._table[rows], doc.to_array(attrs))
        for at, ids in more.items():
            # a token in a several-token match: its own rules and those, in rule order
            final = self._final(sorted(self._ids[rows[at]] + ids))
            for col, attr in enumerate(attrs):
                if attr in final:
                    values[at, col] = final[attr]
        doc.from_array(attrs, values)
        return doc


def _grown(array: Any) -> Any:
    """``array`` with twice the rows, the new ones zero."""
    import numpy

    return numpy.concatenate([array, numpy.zeros_like(array)])


def _distinct_rows(keys: Any) -> tuple[Any, Any]:
    """The distinct rows of a uint64 key array, and each row's index among them.

    One 64-bit mix per row sorts far faster than whole rows; a mix shared by two
    different rows (checked, not assumed away) falls back to sorting the rows.
    """
    import numpy

    with numpy.errstate(over="ignore"):
        mix = keys[:, 0].copy()
        for col in range(1, keys.shape[1]):
            mix = mix * numpy.uint64(0x9E3779B97F4A7C15) ^ keys[:, col]
    _, first, inverse = numpy.unique(mix, return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    distinct = keys[first]
    if not (distinct[inverse] == keys).all():
        distinct, inverse = numpy.unique(keys, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
    return distinct, inverse


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
