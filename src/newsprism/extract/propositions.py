"""Propositions: who did what to whom in a claim sentence, with polarity and modality.

A claim sentence yields one proposition per main clause: the main verb (or,
in "X said that P", the verb of P, attributed to X), and each verb conjoined
with it ("was shot and killed"). A proposition keeps

* the **agent** (its named mention when there is one, else the head noun:
  "a gunman" → ``gunman``) and the **theme** (object, passive subject, or the
  noun of "without"/"for"/"on"),
* the **predicate** lemma and a coarse **class** (``PREDICATE_CLASSES``), so
  that "met", "convened" and "held talks" can be compared,
* **polarity**: negated by "not"/"never", by "no" on the theme ("produced no
  agreement"), by "without" ("ended without a ceasefire") or by "failed to";
* **modality**: ``question`` (ends in "?"), ``conditional`` ("if …"),
  ``planned`` (will / is to / plans to, or "would" inside reported speech:
  "he said he would meet"), ``hypothetical`` (could / might / would elsewhere),
  else ``happened``;
* a short **label** read from the clause's own tokens ("Trump would meet
  Ukrainian President Volodymyr Zelenskyy"), never generated.

Rules over the parse only, linear in the sentence: each token is looked at a
bounded number of times. The cross-document graph (``crossdoc.graph``) aligns
propositions; this module only reads one sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from newsprism.extract.clause_parts import (
    _XCOMP_HEADS,
    DocWords,
    _clause_end,
    _clause_verbs,
    _complement,
    _head_word,
    _label,
    _modality,
    _named_in,
    _negated,
    _parties,
    _pred_class,
    _subject,
    _theme,
    _theme_word,
    _timeless,
)
from newsprism.extract.clause_parts import PREDICATE_CLASSES as PREDICATE_CLASSES

Span = tuple[int, int]
RefOf = Callable[[Any], Span | None]


# Classes a sentence without values or names is still worth a claim for.
CHECKABLE = frozenset(PREDICATE_CLASSES.values()) - {"say", "describe"}
# Classes whose members contradict each other for the same agent and theme.
OPPOSITES: dict[str, str] = {
    "agree": "reject",
    "reject": "agree",
    "confirm": "deny",
    "deny": "confirm",
}
_SPEECH = frozenset(
    {
        "say",
        "tell",
        "state",
        "add",
        "announce",
        "claim",
        "insist",
        "argue",
        "note",
        "explain",
        "report",
        "confirm",
        "warn",
        "write",
        "stress",
        "emphasize",
        "reveal",
        "suggest",
        "believe",
        "think",
    }
)


@dataclass(frozen=True)
class Proposition:
    """One clause of a claim; spans are document character offsets."""

    predicate: str
    pclass: str
    polarity: str  # affirmed | negated
    modality: str  # happened | planned | conditional | hypothetical | question
    agent: str | None = None
    agent_ref: Span | None = None
    theme: str | None = None
    theme_ref: Span | None = None
    label: str = ""
    # For a describing verb, the word it describes with ("called the talks productive").
    complement: str | None = None
    # Whether the sentence reports it as someone's words (the claim's speaker).
    reported: bool = False
    # Every named party of the clause: the agent and its conjuncts ("Trump and
    # Putin met"), the theme, the objects of "with"/"between" — for symmetric
    # predicates such as "meet", where who is subject says nothing.
    parties: tuple[Span, ...] = ()
    # Where the clause's words end in the document: the sentence up to here is what
    # the aligner embeds (the clause with what leads into it).
    end: int | None = None


_EVENT_NOUNS = frozenset({"meeting", "summit", "talk", "talks", "negotiation", "encounter", "call"})


def _governing_verb(tok: Any) -> Any:
    """The nearest verb or auxiliary above ``tok`` (the clause's root when there is none)."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _nominal_meetings(
    tokens: Sequence[Any],
    ref_of: RefOf,
    question: bool,
    reported: bool,
    nouns: Sequence[Any],
    w: DocWords,
) -> list[Proposition]:
    """ "the meeting between A and B", "the A–B summit", "A's talks with B": a meeting
    named by a noun, when two or more parties are named with it. ``nouns`` are the
    sentence's NOUN tokens with their lowercase lemmas, in order."""
    out = []
    lo, hi = tokens[0].i, tokens[-1].i
    for tok, lemma in nouns:
        if lemma not in _EVENT_NOUNS:
            continue
        heads: list[Any] = [t for t in tok.subtree if t.i < tok.i and t.pos_ == "PROPN"]
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "with"):
                heads += _named_in(c, w)
        refs = {ref_of(t) for t in heads if lo <= t.i <= hi}
        parties = tuple(sorted(r for r in refs if r is not None))
        if len(parties) < 2:
            continue
        verb = _governing_verb(tok)
        out.append(
            Proposition(
                predicate=tok.lemma_.lower(),
                pclass="meet",
                polarity="affirmed",
                modality=_modality(verb, reported, question, w)
                if verb.pos_ in ("VERB", "AUX")
                else "happened",
                label=" ".join(
                    t.text
                    for t in sorted({*heads, tok}, key=lambda t: t.i)
                    if (lo <= t.i <= hi and t.dep_ != "punct") or t is tok
                ),
                reported=reported,
                parties=parties,
            )
        )
    return out


# Event nouns whose "of"-phrase or possessor names who it befell: "the arrest of X",
# "X's arrest", "the killing of X", "the attack on X".
_NOMINAL_CLASSES = {
    "arrest": "arrest",
    "detention": "arrest",
    "killing": "kill",
    "murder": "kill",
    "death": "kill",
    "shooting": "attack",
    "attack": "attack",
    "bombing": "attack",
    "assault": "attack",
    "invasion": "attack",
    "conviction": "convict",
    "release": "release",
    "indictment": "charge",
    "resignation": "resign",
    "election": "win",
    "acquisition": "buy",
    "purchase": "buy",
    "firing": "dismiss",
    "dismissal": "dismiss",
    "nomination": "nominate",
}


def _nominal_events(
    tokens: Sequence[Any],
    ref_of: RefOf,
    question: bool,
    reported: bool,
    nouns: Sequence[Any],
    w: DocWords,
) -> list[Proposition]:
    """ "the arrest of X", "X's arrest", "the attack on X": an event named by a noun, when a
    named party is what it befell. The class is the verb's ("arrest" the noun = "arrest")."""
    out = []
    lo, hi = tokens[0].i, tokens[-1].i
    for tok, lemma in nouns:
        pclass = _NOMINAL_CLASSES.get(lemma)
        if pclass is None:
            continue
        theme = None
        for c in tok.children:
            if c.dep_ == "poss" and lo <= c.i <= hi:
                theme = c
            elif c.dep_ == "prep" and c.lower_ in ("of", "on", "against"):
                theme = next((g for g in c.children if g.dep_ == "pobj"), None) or theme
        if theme is None or not lo <= theme.i <= hi:
            continue
        ref = ref_of(theme)
        if ref is None:
            continue  # "the attack" alone says nothing checkable
        verb = _governing_verb(tok)
        out.append(
            Proposition(
                predicate=tok.lemma_.lower(),
                pclass=pclass,
                polarity="affirmed",
                modality=(
                    _modality(verb, reported, question, w)
                    if verb.pos_ in ("VERB", "AUX")
                    else "happened"
                ),
                theme=_head_word(theme),
                theme_ref=ref,
                label=" ".join(
                    t.text
                    for t in sorted({tok, *theme.subtree}, key=lambda t: t.i)
                    if lo <= t.i <= hi and t.dep_ != "punct"
                )[:120],
                reported=reported,
                end=max(tok.idx + len(tok.text), theme.idx + len(theme.text)),
            )
        )
    return out


def extract_propositions(
    tokens: Sequence[Any],
    speech: Any | None,
    ref_of: RefOf,
    question: bool,
    words: DocWords | None = None,
) -> tuple[Proposition, ...]:
    """Propositions of one sentence (its spaCy tokens); ``speech`` is its reporting verb and
    ``ref_of(token)`` the span of the named mention a token stands for (pronouns resolved).
    ``words`` are the words of the tokens' document, when the caller has read them."""
    if not tokens:
        return ()
    lo, hi = tokens[0].i, tokens[-1].i

    def inside(tok: Any | None) -> Any | None:
        return tok if tok is not None and lo <= tok.i <= hi else None

    w = words if words is not None else DocWords(list(tokens[0].doc))
    deps = [w.dep[t.i] for t in tokens]
    root = tokens[deps.index("ROOT")] if "ROOT" in deps else None
    if root is None or w.pos[root.i] not in ("VERB", "AUX"):
        return ()
    verbs, reported = _clause_verbs(root, speech, w)
    # The event nouns of both nominal readers, found in one pass over the words.
    pos, lemmas = w.pos, w.lemma
    nouns = [
        (tok, lemmas[tok.i])
        for tok in tokens
        if pos[tok.i] == "NOUN"
        and (lemmas[tok.i] in _EVENT_NOUNS or lemmas[tok.i] in _NOMINAL_CLASSES)
    ]
    out: list[Proposition] = _nominal_meetings(tokens, ref_of, question, reported, nouns, w)
    out += _nominal_events(tokens, ref_of, question, reported, nouns, w)
    for verb in verbs:
        if pos[verb.i] not in ("VERB", "AUX"):
            continue
        target = verb
        # "agreed to meet", "plans to visit": the complement carries the content.
        xcomp = next(
            (c for c in w.kids(verb) if w.dep[c.i] == "xcomp" and w.pos[c.i] == "VERB"), None
        )
        if xcomp is not None and lemmas[verb.i] in _XCOMP_HEADS:
            target = xcomp
        # A headline fused into the sentence by the parser is not its subject.
        subj = inside(_subject(target, w))
        theme, theme_neg = _theme(target, w)
        theme = inside(theme)
        if theme is not None and _timeless(theme):
            theme = None  # "lasted four hours", "met on Tuesday": values, not themes
        prep = theme.head if theme is not None and w.dep[theme.i] == "pobj" else None
        agent_ref = ref_of(subj) if subj is not None else None
        theme_ref = ref_of(theme) if theme is not None else None
        negated = _negated(target, w) != theme_neg if theme_neg else _negated(target, w)
        if target is not verb and _negated(verb, w):
            negated = not negated
        lemma = lemmas[target.i]
        if lemma == "be" and (theme is None or prep is not None):
            continue  # "the stakes were personal": nothing to cross-check
        pclass = _pred_class(target, w)
        comp = _complement(target, w) if pclass == "describe" else None
        out.append(
            Proposition(
                predicate=lemma,
                pclass=pclass,
                polarity="negated" if negated else "affirmed",
                modality=_modality(target, reported, question, w),
                agent=_head_word(subj),
                agent_ref=agent_ref,
                theme=_theme_word(theme),
                theme_ref=theme_ref,
                label=_label(subj, target, theme, prep, (lo, hi), w),
                reported=reported,
                complement=str(comp.lemma_.lower()) if comp is not None else None,
                parties=_parties(subj, theme, target, ref_of, inside, w),
                end=_clause_end(subj, target, theme, comp),
            )
        )
    return tuple(out)
