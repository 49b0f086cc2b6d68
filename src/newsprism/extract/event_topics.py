"""What a stance is about: the topic of a demand, rejection, support or offer.

``extract.events`` finds a stance trigger ("demanded", "rejected", "would not …
without X"); these functions read, from the dependency parse, the clause or
object the stance is about (``topic_head``), its key noun phrases, the one
nearest the head first (``topic_keys_of``: "security guarantee", "water rights
bill", "territory" for land to be ceded or kept), the verb whose meaning may
flip the stance ("renounce", "lifted": ``topic_verb``), and whether a stance
verb states its subject's own stance (``own_stance``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsprism.extract.cues import SPEECH_VERBS
from newsprism.extract.event_args import DocContext, children, prep_objects, small_subtree
from newsprism.extract.event_check_words import UNDOING_VERBS
from newsprism.extract.event_words import (
    OFFER_VERBS,
    PROPOSAL_NOUNS,
    STANCE_NOUNS,
    STANCE_OF_TYPE,
    TERRITORY_NOUNS,
    TERRITORY_VERBS,
    WEAK_ISSUE_WORDS,
)

Span = tuple[int, int]


_ABANDON = frozenset({"drop", "abandon", "shelve", "withdraw", "soften", "scrap"})


MAX_TOPIC_TOKENS = 40


def core_clause(tok: Any, depth: int = 0) -> list[Any]:
    """A clause without its adjuncts: the verb, particles, objects, complements."""
    out = [tok]
    if depth > 3:
        return out
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "dative", "oprd", "acomp"):
            out.extend(small_subtree(c, MAX_TOPIC_TOKENS))
        elif c.dep_ in ("prt", "aux", "auxpass", "neg", "mark"):
            out.append(c)
        elif c.dep_ in ("xcomp", "ccomp"):
            out.extend(core_clause(c, depth + 1))
        elif c.dep_ == "prep" and c.lower_ in (
            "of",
            "for",
            "to",
            "from",
            "over",
            "on",
            "before",
            "after",
            "without",
        ):
            out.extend(small_subtree(c, MAX_TOPIC_TOKENS))
    return out


def topic_head(tok: Any) -> list[Any]:
    """What a stance trigger is about: the demanded clause, object or "for" phrase."""
    for dep in ("ccomp", "xcomp"):
        for c in children(tok, dep):
            return core_clause(c)
    objs = children(tok, "dobj", "nsubjpass") if tok.pos_ == "VERB" else []
    if tok.dep_ == "acl" and tok.pos_ == "VERB":
        objs = [tok.head]
    objs += prep_objects(tok, frozenset({"for", "on", "of", "to", "against"}))
    for o in objs:
        if o.lemma_.lower() in PROPOSAL_NOUNS and o.dep_ in ("appos", "npadvmod"):
            return core_clause(o.head)
        if o.lemma_.lower() in PROPOSAL_NOUNS:
            for c in children(o, "acl"):
                return core_clause(c)  # "rejected a proposal to raise the retirement age"
        return small_subtree(o, MAX_TOPIC_TOKENS)
    if tok.pos_ == "NOUN":
        for c in children(tok, "acl", "ccomp"):
            if any(m.lower_ == "that" for m in children(c, "mark")) or tok.i < c.i:
                return core_clause(c)
    if tok.pos_ == "NOUN" and tok.head.lemma_ == "be":
        for c in children(tok.head, "ccomp", "attr", "acomp", "appos", "parataxis"):
            if c is not tok:
                return core_clause(c)
    return []


def _depth(tok: Any, root_ids: set[int]) -> int:
    d = 0
    while tok.i not in root_ids and tok.head is not tok and d < 20:
        tok, d = tok.head, d + 1
    return d


def topic_keys_of(
    tokens: Sequence[Any], doc: DocContext
) -> tuple[tuple[str, ...], tuple[Span, ...]]:
    """Key noun phrases of a topic, the one nearest its head first; names inside it."""
    ids = {t.i for t in tokens}
    roots = {t.i for t in tokens if t.head.i not in ids or t.head is t}
    found: list[tuple[int, int, str]] = []
    refs: list[Span] = []
    for t in sorted(tokens, key=lambda t: t.i):
        m = doc.mention_at(t)
        if m is not None and (m.start, m.end) not in refs:
            refs.append((m.start, m.end))
        lemma = t.lemma_.lower()
        if t.pos_ != "NOUN" or t.dep_ == "compound":
            continue
        weak = lemma in WEAK_ISSUE_WORDS
        if weak and not any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in t.children):
            continue  # "the deal" says nothing; "a peace deal" does
        # Nested compounds too: "water rights bill" keeps "water".
        mods = [
            m
            for c in t.children
            if c.dep_ == "compound" and c.i < t.i
            for m in c.subtree
            if m.dep_ == "compound" or m is c
        ]
        mods.sort(key=lambda m: m.i)
        words = [(c.text if c.pos_ == "PROPN" else c.lower_) for c in mods] + [lemma]
        key = " ".join(w for w in words if w.isalpha() or "-" in w)
        if key:
            found.append((_depth(t, roots), t.i, key))
    keys: list[str] = []
    for _, _, key in sorted(found):
        if key not in keys:
            keys.append(key)
    # "cede Dravik", "any handover of land": the issue is the land, whatever its name.
    heads = [t for t in tokens if t.i in roots]
    territorial = any(t.lemma_.lower() in TERRITORY_VERBS and t.pos_ == "VERB" for t in heads)
    if (territorial and refs) or (keys and keys[0].split()[-1] in TERRITORY_NOUNS):
        keys.insert(0, "territory")
    return tuple(keys), tuple(refs)


# Documents one signs: only signing one of these states support for it.
_SIGNABLE = frozenset(
    {
        "agreement",
        "treaty",
        "accord",
        "deal",
        "bill",
        "law",
        "memorandum",
        "declaration",
        "pact",
        "charter",
        "convention",
        "petition",
        "order",
        "decree",
        "resolution",
    }
)
# Nouns that end what they govern: "an end to gun violence" is a stance against it.
ENDING_NOUNS = frozenset(
    {"end", "halt", "stop", "cessation", "lifting", "removal", "abolition", "repeal", "scrapping"}
)


def stance_of(tok: Any, kind: str) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma in OFFER_VERBS:
        return "offer"
    if lemma in ("deny", "denial"):
        return None  # denials are about facts ("denied that it favoured any party")
    signed = children(tok, "dobj", "nsubjpass") + ([tok.head] if tok.dep_ == "acl" else [])
    if lemma == "sign" and not any(o.lemma_.lower() in _SIGNABLE for o in signed):
        return None  # "signed cornerback Lehan": a hire, no stance
    stance = STANCE_OF_TYPE.get(kind)
    if stance == "demand" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ABANDON:
        return "oppose"  # "dropped his demand for a ceasefire"
    return stance


def ends_its_object(tokens: Sequence[Any], first_key: str) -> bool:
    """Whether a topic's head noun ends what it governs and is not itself the issue:
    "an end to gun violence", "a halt to the shelling"."""
    ids = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    return any(
        r.lemma_.lower() in ENDING_NOUNS and r.lemma_.lower() not in first_key.split()
        for r in roots
    )


_CONDITION_WORDS = frozenset({"condition", "precondition", "prerequisite"})


def sets_a_condition(tokens: Sequence[Any]) -> bool:
    """A demand that is a condition on its issue: "demanded that Hamas be disarmed as a
    condition for a ceasefire", "insisted that any truce must ensure …"."""
    for t in tokens:
        if t.lemma_.lower() in _CONDITION_WORDS and any(
            p.lower_ == "for" for p in t.children if p.dep_ == "prep"
        ):
            return True
        if t.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ == "any" for c in t.children):
            return True
    return False


def condition_of(tok: Any) -> Any | None:
    """The object of "without"/"unless" under a negated verb: "would not sign without X"."""
    if tok.pos_ not in ("VERB", "AUX") or not children(tok, "neg"):
        return None
    objs = prep_objects(tok, frozenset({"without"}))
    return objs[0] if objs else None


def stated_conditions(tok: Any) -> list[Any]:
    """ "X's stance was clear: … no settlement without a ceasefire" → [ceasefire]."""
    if tok.lemma_.lower() not in STANCE_NOUNS or not children(tok, "poss"):
        return []
    verb = tok.head
    if verb.lemma_ != "be":
        return []
    content = verb.head if verb.dep_ in ("ccomp", "parataxis") else verb
    skip = {t.i for t in verb.subtree} if content is not verb else {tok.i}
    return [
        o
        for t in content.subtree
        if t.i not in skip and t.dep_ == "prep" and t.lower_ == "without"
        for o in children(t, "pobj")
    ]


# Verbs under which a stance verb still states its subject's own stance.
_COMMIT_VERBS = frozenset(
    {"promise", "vow", "pledge", "plan", "want", "intend", "continue", "refuse", "decline"}
)


def own_stance(tok: Any) -> bool:
    """Whether a stance verb states its subject's stance: a main clause, a reported
    one ("said it opposes …"), or a commitment ("promised to scrap …")."""
    if tok.dep_ in ("ROOT", "conj", "relcl"):
        return True  # "Trump, who abandoned the idea of …": the antecedent's stance
    head = tok.head.lemma_.lower()
    if tok.dep_ == "ccomp":
        return head in SPEECH_VERBS and head not in ("deny", "demand", "urge", "call")
    return tok.dep_ == "xcomp" and head in _COMMIT_VERBS


def topic_verb(tok: Any) -> Any | None:
    """The verb of a stance's clause ("demanded that Ukraine *renounce* …",
    "called for the sanctions … to be *lifted*", "wants the measures *lifted*"),
    whose meaning may flip the stance. Parses of the last two vary, so an undoing
    verb without its own subject anywhere under the object counts."""
    for c in children(tok, "ccomp", "xcomp"):
        if c.pos_ in ("VERB", "AUX"):
            return c
    objs = prep_objects(tok, frozenset({"for"})) + children(tok, "dobj")
    for o in objs:
        for t in o.subtree:
            if t.lemma_.lower() in UNDOING_VERBS and t.pos_ == "VERB" and not children(t, "nsubj"):
                return t
    for o in objs:
        if o.pos_ == "VERB":
            return o
        for c in children(o, "acl", "relcl", "oprd"):
            return c
    for c in children(tok, "oprd"):
        return c
    return None
