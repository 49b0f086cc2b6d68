"""Rule-based resolution of pronoun and role-noun speakers to a named person.

No offline coreference model exists for this project, so the resolver is a small,
explainable set of rules over the spaCy parse and the document's PERSON mentions:

* People are clustered by surname (the last word of a mention), so "Donald Trump"
  and a later "Trump" are one person. A cluster's gender comes from a first-name
  list, an honorific ("Mr.", "Ms."), or a gendered role noun ("spokeswoman"); a
  cluster of unknown gender agrees with any pronoun.
* A cluster's titles are the words right before its mentions ("Russian President
  Vladimir Putin" → {russian, president}) and inside an apposition ("Wolfgang
  Ischinger, a former German ambassador" → {former, german, ambassador}).
* ``he``/``she`` (and his/her/him) go to the nearest earlier sentence holding a
  gender-compatible candidate (at most ``MAX_SENTENCES_BACK`` back); within that
  sentence grammatical subjects win over other mentions, leftmost first, as in
  Hobbs's algorithm. An earlier subject pronoun counts as a candidate and passes
  on its own antecedent, which keeps "Trump … He … Yet he …" chains on Trump.
* A definite role noun ("the president", "the Russian president") goes to the
  most recent earlier person whose titles contain the noun and every modifier.

Anything else resolves to ``None``: an unresolved speaker is better than a wrong one.
Mentions inside quotation marks are never antecedents, since a quote talks about
people rather than introducing its speaker.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from newsprism.extract.cues import (
    FEMALE_NAMES,
    HONORIFIC_GENDER,
    MALE_NAMES,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    UNNAMED_PEOPLE,
)
from newsprism.extract.intervals import Intervals
from newsprism.extract.person_names import name_words, shared_surnames, surname_of
from newsprism.extract.quote_marks import quoted_spans
from newsprism.nlp.parsed import Parsed

MAX_SENTENCES_BACK = 4
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})
# Lemmas of the unnamed people and role nouns that ``_add_unnamed`` looks at.
_PEOPLE_NOUNS = frozenset(UNNAMED_PEOPLE) | frozenset(ROLE_NOUNS)


class MentionLike(Protocol):
    """What the resolver needs from an entity mention (``EntityMention`` fits)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def label(self) -> str: ...


@dataclass
class _Person:
    key: str
    gender: str = ""  # "m", "f" or "" for unknown
    titles: set[str] = field(default_factory=set)
    # The fullest PERSON mention ("Tomas Reyes" over "Reyes"), earliest first.
    rep: tuple[int, int] = (0, 0)
    rep_words: int = 0
    # Whether the document ever gives this surname a first name or a title
    # ("Anneliese Kroll", "President Reyes"); a lone PERSON-tagged word such as a
    # mistyped place name never does.
    named: bool = False


@dataclass(frozen=True)
class _Candidate:
    span: tuple[int, int]  # the named mention
    key: str
    sent: int
    is_subject: bool
    token_i: int


# The span of an unnamed person's candidate: it resolves to no mention.
_NOBODY = (-1, -1)


class Resolver:
    """Resolves speaker tokens of one parsed document to named PERSON mentions."""

    def __init__(self, sdoc: Any, mentions: list[MentionLike], quoted: list[tuple[int, int]]):
        # ``sdoc`` is a ``Parsed`` view or a spaCy ``Doc``; the view's sentences are shared.
        parsed = Parsed.of(sdoc)
        sdoc = self._sdoc = parsed.sdoc
        self._cols = parsed.columns
        # Tokens of the named candidates (their mentions' spans).
        self._covered: set[int] = set()
        self._people: dict[str, _Person] = {}
        self._cands: list[_Candidate] = []
        self._pron_memo: dict[int, _Candidate | None] = {}
        self._sents = parsed.sents
        self._sent_of = parsed.sent_of_token
        self._shared = shared_surnames(sdoc, mentions, self._cols)
        self._by_title: dict[str, set[str]] | None = None
        in_quotes = Intervals(quoted)
        for m in sorted(mentions, key=lambda m: (m.start, m.end)):
            # A name after a person's title ("President Marta Ilves") is a person
            # whatever label the NER gave it.
            person = m.label == "PERSON" or getattr(m, "context_person", False)
            if not person or in_quotes.covers(m.start, m.end):
                continue
            # ``sdoc.char_span(m.start, m.end, alignment_mode="expand")``, from the lists.
            toks = self._cols.span(m.start, m.end)
            if toks is None or toks[0] >= toks[1]:
                continue
            key = self._key(self._cols.text[toks[0] : toks[1]], (m.start, m.end))
            if not key:
                continue
            span = sdoc[toks[0] : toks[1]]
            person = self._people.setdefault(key, _Person(key))
            self._learn(person, span)
            lowers = self._cols.lower[toks[0] : toks[1]]
            words = sum(1 for low in lowers if low not in HONORIFIC_GENDER)
            if words > person.rep_words:
                person.rep, person.rep_words = (m.start, m.end), words
            self._cands.append(self._candidate(span, (m.start, m.end), key))
            self._covered.update(range(span.start, span.end))
        self._add_untagged(in_quotes)
        self._cands.sort(key=lambda c: c.token_i)
        self._quoted_tok = self._quoted_tokens(quoted)
        self._add_unnamed()
        self._cands.sort(key=lambda c: c.token_i)
        # Candidates per sentence, in token order: a pronoun looks at a few sentences
        # back, never at the whole document (that made resolution quadratic).
        self._by_sent: dict[int, list[_Candidate]] = {}
        self._by_key: dict[str, list[_Candidate]] = {}
        for c in self._cands:
            self._by_sent.setdefault(c.sent, []).append(c)
            self._by_key.setdefault(c.key, []).append(c)

    def _key(self, words: list[str], ref: tuple[int, int]) -> str:
        """The person a name stands for: its surname, or the full name where two share it."""
        clean = name_words(words)
        if not clean:
            return ""
        if clean[-1] not in self._shared:
            return clean[-1]
        if len(clean) >= 2:
            return f"{clean[0]} {clean[-1]}"
        # A bare shared surname stands only for itself (see ``_shared_surnames``).
        return f"?{ref[0]}"

    def _quoted_tokens(self, quoted: list[tuple[int, int]]) -> set[int]:
        out: set[int] = set()
        for a, b in quoted:
            span = self._sdoc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
        return out

    def _add_unnamed(self) -> None:
        """Unnamed people as subjects ("her mother", "a woman who …") block pronouns.

        A role noun the resolver can name ("the president") stands for that
        person instead; anything else is a candidate of its own that resolves
        to nobody, so "she said" after it stays unresolved.
        """
        # The first candidate of each span (token order): a role noun that names a
        # person takes that candidate's key. A dict, not a scan of every candidate
        # per role noun; the candidates appended below reuse a key already there.
        key_of: dict[tuple[int, int], str] = {}
        for c in self._cands:
            key_of.setdefault(c.span, c.key)
        cols = self._cols
        deps, poss, lemmas = cols.dep, cols.pos, cols.lemma
        for i in cols.with_lemma(_PEOPLE_NOUNS):
            if deps[i] not in _SUBJECT_DEPS or poss[i] != "NOUN":
                continue
            tok = self._sdoc[i]
            if tok.tag_ != "NN":
                continue
            lemma = lemmas[i]
            if tok.i in self._quoted_tok or any(c.dep_ == "appos" for c in tok.children):
                continue
            named = self.resolve_role(tok) if lemma in ROLE_NOUNS else None
            if named is not None:
                known = key_of.get(named)
                if known is not None:
                    self._cands.append(_Candidate(named, known, self._sent_of[tok.i], True, tok.i))
                continue
            key = f"#{tok.i}"
            gender = UNNAMED_PEOPLE.get(lemma) or ROLE_NOUNS.get(lemma, "")
            self._people[key] = _Person(key, gender=gender)
            self._cands.append(_Candidate(_NOBODY, key, self._sent_of[tok.i], True, tok.i))

    def _candidate(self, span: Any, ref: tuple[int, int], key: str) -> _Candidate:
        root = span.root
        return _Candidate(
            span=ref,
            key=key,
            sent=self._sent_of[root.i],
            is_subject=root.dep_ in _SUBJECT_DEPS
            or (root.dep_ == "appos" and root.head.dep_ in _SUBJECT_DEPS),
            token_i=span.start,
        )

    def _add_untagged(self, quoted: Intervals) -> None:
        """Surnames of known people that the NER tagged ORG or missed ("Reyes said").

        They count as antecedents and stand for the person's fullest mention, so
        "Reyes …, he said" finds Reyes even where the model calls him an ORG.
        """
        tagged = {c.token_i for c in self._cands}
        # The candidates so far are the named mentions: their tokens, recorded in
        # ``__init__`` from the same spans (no second ``char_span`` per mention).
        covered = self._covered
        surnames: dict[str, str] = {}  # token text -> surname key, once per distinct word

        def surname(word: str) -> str:
            key = surnames.get(word)
            if key is None:
                key = surnames[word] = surname_of([word])
            return key

        cols = self._cols
        poss, deps, texts, heads = cols.pos, cols.dep, cols.text, cols.head
        # Tokens with a proper-noun compound child ("Vladimir" under "Putin").
        first_named = {
            heads[j]
            for j in range(len(poss))
            if deps[j] == "compound" and poss[j] == "PROPN" and heads[j] != j
        }
        propns = [i for i in range(len(poss)) if poss[i] == "PROPN" and deps[i] != "compound"]
        for i in propns:
            person = self._people.get(surname(texts[i]))
            if person is not None and i in first_named:
                person.named = True
        for person in self._people.values():
            person.named = person.named or person.rep_words > 1
        for i in propns:
            if i in covered:
                continue
            # Pure tests in a cheaper order: the surname before the quotation check.
            person = self._people.get(surname(texts[i]))
            if person is None or not person.named:
                continue
            tok = self._sdoc[i]
            if quoted.holds(tok.idx):
                continue
            names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            first = min([tok.i] + [c.i for c in names])
            if first in tagged:
                continue
            name = self._sdoc[first : tok.i + 1]
            self._cands.append(self._candidate(name, person.rep, person.key))

    def _learn(self, person: _Person, span: Any) -> None:
        lowers, poss, lemmas = self._cols.lower, self._cols.pos, self._cols.lemma
        first = lowers[span.start]
        if not person.gender:
            if first in MALE_NAMES:
                person.gender = "m"
            elif first in FEMALE_NAMES:
                person.gender = "f"
        # Title words right before the name: "Russian President Vladimir Putin".
        i = span.start - 1
        steps = 0
        while i >= 0 and steps < 4:
            low = lowers[i]
            if low in HONORIFIC_GENDER:
                person.gender = person.gender or HONORIFIC_GENDER[low]
            elif poss[i] not in _TITLE_POS:
                break
            person.titles.add(low)
            person.gender = person.gender or ROLE_NOUNS.get(lemmas[i], "")
            i -= 1
            steps += 1
        # Appositions either way round: "Ischinger, a former ambassador," and
        # "the ambassador, Wolfgang Ischinger".
        root = span.root
        # Only a token that heads an apposition has one among its children.
        appos = root.i in self._cols.heads_of("appos")
        nps = [c for c in root.children if c.dep_ == "appos"] if appos else []
        if root.dep_ == "appos":
            nps.append(root.head)
        for np in nps:
            for tok in np.subtree:
                if span.start <= tok.i < span.end:
                    continue
                if tok.pos_ in _TITLE_POS:
                    person.titles.add(tok.lower_)
                    person.titles.add(tok.lemma_.lower())

    # ------------------------------------------------------------------ pronouns

    def resolve_pronoun(self, token: Any) -> tuple[int, int] | None:
        """The named mention a ``he``/``she`` token refers to, or None."""
        cand = self._pronoun(token, depth=0)
        return cand.span if cand and cand.span != _NOBODY else None

    def _pronoun(self, token: Any, depth: int) -> _Candidate | None:
        if token.i in self._pron_memo:
            return self._pron_memo[token.i]
        gender = PRONOUN_GENDER.get(token.lower_, "")
        if not gender or depth > 6:
            return None
        sent = self._sent_of[token.i]
        result: _Candidate | None = None
        for back in range(MAX_SENTENCES_BACK + 1):
            s = sent - back
            if s < 0:
                break
            options = [c for c in self._by_sent.get(s, ()) if c.token_i < token.i]
            options.extend(self._pronoun_links(s, token, gender, depth))
            options = [c for c in options if self._agrees(c.key, gender)]
            if options:
                options.sort(key=lambda c: (not c.is_subject, c.token_i))
                result = options[0]
                break
        self._pron_memo[token.i] = result
        return result

    def _pronoun_links(self, s: int, before: Any, gender: str, depth: int) -> list[_Candidate]:
        # Earlier subject pronouns of the same gender pass on their antecedent.
        sent = self._sents[s]
        out: list[_Candidate] = []
        deps, lowers = self._cols.dep, self._cols.lower
        for i in range(sent.start, min(sent.end, before.i)):
            if i in self._quoted_tok:
                continue  # "she" inside a quote speaks of someone else
            if deps[i] in _SUBJECT_DEPS and PRONOUN_GENDER.get(lowers[i]) == gender:
                ante = self._pronoun(self._sdoc[i], depth + 1)
                if ante is not None:
                    out.append(_Candidate(ante.span, ante.key, s, True, i))
        return out

    def _agrees(self, key: str, gender: str) -> bool:
        known = self._people[key].gender
        return not known or known == gender

    def resolve_name(self, token: Any) -> tuple[int, int] | None:
        """A surname the NER missed ("… Lopez said") → that person's latest mention.

        A first mention the NER missed ("Anneliese Kroll, …, said") goes to the
        person's fullest mention further on, if the document names them again.
        """
        key = surname_of([token.text])
        person = self._people.get(key)
        if person is None or key in self._shared:
            return None
        # The latest of this person's candidates before ``token`` (token order).
        same = self._by_key.get(key, [])
        i = bisect_left(same, token.i, key=lambda c: c.token_i)
        return same[i - 1].span if i else person.rep

    def resolve_shared(self, token: Any) -> tuple[int, int] | None:
        """A bare surname two people share → the one named just before, if only one is.

        "Andre Delaney, the victim's brother, spoke. … “…,” Delaney said": when
        the previous sentence and this one up to the surname name exactly one
        person of that surname outside quotations (by full name or given name),
        the surname is that person. Any other case stays unresolved.
        """
        surname = surname_of([token.text])
        if surname not in self._shared:
            return None
        givens = {k.split()[0] for k in self._people if k.endswith(f" {surname}") and " " in k}
        sent = self._sent_of[token.i]
        found: dict[str, tuple[int, int]] = {}
        for s in (sent - 1, sent):
            for c in self._by_sent.get(s, []):
                if c.token_i >= token.i or c.span == _NOBODY:
                    continue
                parts = c.key.split()
                if len(parts) == 2 and parts[1] == surname:
                    found[c.key] = c.span  # latest mention of that person wins
                elif len(parts) == 1 and parts[0] in givens:
                    found.setdefault(f"{parts[0]} {surname}", _NOBODY)
        if len(found) != 1:
            return None
        span = next(iter(found.values()))
        return None if span == _NOBODY else span

    def person_ref(self, token: Any) -> tuple[int, int] | None:
        """The fullest PERSON mention of the person a (mistyped) surname names."""
        person = self._people.get(surname_of([token.text]))
        return person.rep if person is not None and person.named else None

    # ------------------------------------------------------------------ role nouns

    def resolve_role(self, head: Any) -> tuple[int, int] | None:
        """The person a definite role noun phrase ("the Russian president") names."""
        lemma = head.lemma_.lower()
        if lemma not in ROLE_NOUNS:
            return None
        dets = [c for c in head.children if c.dep_ == "det"]
        definite = bool(dets) and dets[0].lower_ in ("the", "this", "that")
        mods = {
            c.lower_
            for c in head.children
            if c.dep_ in ("amod", "compound") and c.pos_ in _TITLE_POS
        }
        gender = ROLE_NOUNS[lemma]
        if not definite:
            return self._only_titled(head, lemma, mods, gender)
        titled = self._titled()
        if lemma not in titled and head.lower_ not in titled:
            return None  # nobody carries the title: the walk below would find no one
        # The most recent fitting person: walk back from the role noun and stop at
        # the first fit, so the cost is the distance to it, not the document.
        for k in range(bisect_left(self._cands, head.i, key=lambda c: c.token_i) - 1, -1, -1):
            cand = self._cands[k]
            if cand.span == _NOBODY:
                continue
            person = self._people[cand.key]
            if lemma not in person.titles and head.lower_ not in person.titles:
                continue
            if not mods <= person.titles:
                continue
            if gender and person.gender and gender != person.gender:
                continue
            return cand.span
        return None

    def _only_titled(
        self, head: Any, lemma: str, mods: set[str], gender: str
    ) -> tuple[int, int] | None:
        """The one person the document names with this title, never the possessor.

        For "a police spokeswoman", "Quinn's attorney": None when the document
        names several such people or none (the role words stay the label).
        """
        owners = {
            self._key([c.text], (c.idx, c.idx + len(c.text)))
            for c in head.children
            if c.dep_ == "poss" and c.pos_ == "PROPN"
        }
        found: dict[str, tuple[int, int]] = {}
        titled = self._titled()
        for key in sorted(titled.get(lemma, set()) | titled.get(head.lower_, set())):
            if key in owners:
                continue
            person = self._people[key]
            if lemma not in person.titles and head.lower_ not in person.titles:
                continue
            if not mods <= person.titles:
                continue
            if gender and person.gender and gender != person.gender:
                continue
            found.setdefault(key, person.rep)
        return next(iter(found.values())) if len(found) == 1 else None

    def _titled(self) -> dict[str, set[str]]:
        """Title word → keys of the named people who carry it (built once)."""
        if self._by_title is None:
            self._by_title = {}
            for key, person in self._people.items():
                if not key.startswith("#"):
                    for title in person.titles:
                        self._by_title.setdefault(title, set()).add(key)
        return self._by_title


def shared_resolver(sdoc: Any, mentions: Sequence[MentionLike]) -> Resolver:
    """The document's resolver, built once per ``Parsed`` view and mention set.

    Quotes and claims both resolve pronouns and role nouns; building the
    resolver once (``perdoc`` shares one ``Parsed`` between the extractors)
    halves that work and gives both the same answers.
    """
    parsed = Parsed.of(sdoc)
    cache = vars(parsed)
    key = ("_resolver", tuple(sorted((m.start, m.end, m.label) for m in mentions)))
    resolver = cache.get("_resolver")
    if resolver is None or cache.get("_resolver_key") != key:
        quoted = [(q.open, q.close + 1) for q in quoted_spans(parsed)]
        resolver = Resolver(parsed, list(mentions), quoted)
        cache["_resolver"], cache["_resolver_key"] = resolver, key
    out: Resolver = resolver
    return out
