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

Span = tuple[int, int]
RefOf = Callable[[Any], Span | None]
# ``kids(tok)``: the token's children as a list. ``extract_propositions`` passes one memo
# per sentence: spaCy builds new Token objects on every ``tok.children`` walk, and each
# verb's children are read by the subject, theme, modality, negation and label readers.
Kids = Callable[[Any], list[Any]]


def _children(tok: Any) -> list[Any]:
    return list(tok.children)


class _KidsMemo:
    """``Kids`` for the tokens of one document, each token's children listed once."""

    def __init__(self) -> None:
        self.memo: dict[int, list[Any]] = {}

    def __call__(self, tok: Any) -> list[Any]:
        got = self.memo.get(tok.i)
        if got is None:
            got = self.memo[tok.i] = list(tok.children)
        return got


PREDICATE_CLASSES: dict[str, str] = {
    w: cls
    for cls, words in {
        "meet": "meet convene talk host visit sit gather negotiate discuss confer",
        "agree": "agree accept approve sign endorse consent settle ratify",
        "reject": "reject refuse decline dismiss rebuff spurn veto oppose",
        "confirm": "confirm acknowledge admit",
        "deny": "deny dispute",
        "demand": "demand insist urge press push require call",
        "achieve": "produce yield reach achieve establish secure strike broker clinch",
        "end": "end conclude finish close wrap",
        "invite": "invite",
        "propose": "propose offer suggest tease float",
        "announce": "announce unveil declare",
        "plan": "plan intend schedule prepare",
        "threaten": "threaten warn",
        "attack": "attack strike bomb shell shoot fire stab assault raid invade",
        "kill": "kill die murder slay execute",
        "injure": "injure wound hurt",
        "arrest": "arrest detain apprehend capture",
        "charge": "charge indict accuse sue",
        "convict": "convict sentence",
        "release": "release free",
        "describe": "describe call label characterize term dub praise rate bill",
        "say": "say tell state add note claim argue stress emphasize explain",
    }.items()
    for w in words.split()
}
# Classes a sentence without values or names is still worth a claim for.
CHECKABLE = frozenset(PREDICATE_CLASSES.values()) - {"say", "describe"}
# Classes whose members contradict each other for the same agent and theme.
OPPOSITES: dict[str, str] = {
    "agree": "reject",
    "reject": "agree",
    "confirm": "deny",
    "deny": "confirm",
}
_FUTURE_MD = frozenset({"will", "shall", "'ll", "wo"})
_HYPO_MD = frozenset({"could", "might", "may", "would", "'d", "should", "must", "can", "ca"})
_PLAN_HEADS = frozenset(
    {
        "plan",
        "expect",
        "schedule",
        "intend",
        "prepare",
        "set",
        "due",
        "hope",
        "aim",
        "want",
        "seek",
        "try",
    }
)
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
# "in"/"at" phrases are places or times, never the theme.
_THEME_PREPS = ("without", "for", "on", "to", "about", "into", "with")
_AGENT_DEPS = ("nsubj", "csubj")
_MAX_LABEL = 14


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


def _head_word(tok: Any | None) -> str | None:
    """A capitalised word as written ("Reyes": the small model often tags a surname as a
    common noun), any other word by its lowercase lemma ("gunman")."""
    if tok is None:
        return None
    text = str(tok.text)
    return text if text[:1].isupper() and tok.pos_ != "PRON" else str(tok.lemma_.lower())


def _pred_class(verb: Any, kids: Kids = _children) -> str:
    lemma = str(verb.lemma_.lower())
    if lemma in ("hold", "have") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("talk", "meeting", "summit", "negotiation")
        for c in kids(verb)
    ):
        return "meet"
    if lemma == "call":  # "called for a ceasefire" demands; "called the talks productive" describes
        if any(c.dep_ == "prep" and c.lower_ == "for" for c in kids(verb)):
            return "demand"
        return "describe"
    return PREDICATE_CLASSES.get(lemma, lemma)


def _subject(verb: Any, kids: Kids = _children) -> Any | None:
    if any(c.dep_ == "nsubjpass" for c in kids(verb)):
        # Passive: the agent is the "by" phrase, if any ("was shot by a gunman").
        by = next((c for c in kids(verb) if c.dep_ == "agent"), None)
        return next((g for g in kids(by) if g.dep_ == "pobj"), None) if by is not None else None
    for _ in range(4):
        subj = next((c for c in kids(verb) if c.dep_ in _AGENT_DEPS), None)
        if subj is not None:
            return subj
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
            verb = verb.head  # "was shot and killed": the conjoined verb shares the subject
            continue
        return None
    return None


_TIME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    morning afternoon evening night week month year day weekend hour minute time
    """.split()  # noqa: SIM905
)


def _timeless(tok: Any) -> bool:
    """Whether a theme candidate is a time, not a thing ("on Tuesday", "for hours")."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lemma_.lower() in _TIME_WORDS


def _theme(verb: Any, kids_of: Kids = _children) -> tuple[Any | None, bool]:
    """(theme token, negated by "without"/"no")."""
    kids = kids_of(verb)
    for dep in ("dobj", "nsubjpass", "attr", "oprd"):
        tok = next((c for c in kids if c.dep_ == dep), None)
        if tok is not None:
            return tok, any(c.dep_ == "det" and c.lower_ == "no" for c in kids_of(tok))
    for prep in _THEME_PREPS:
        for c in kids:
            if c.dep_ == "prep" and c.lower_ == prep:
                pobj = next((g for g in kids_of(c) if g.dep_ == "pobj"), None)
                if pobj is not None and not _timeless(pobj):
                    neg = prep == "without" or any(
                        g.dep_ == "det" and g.lower_ == "no" for g in kids_of(pobj)
                    )
                    return pobj, neg
    return None, False


# Nouns of a stance toward something: what it is about is part of the theme, since
# "optimism about the talks" and "optimism about meeting again" are two statements.
_STANCE_NOUNS = frozenset(
    """
    optimism pessimism hope hopes concern concerns confidence doubt doubts frustration
    satisfaction skepticism scepticism fear fears interest anger disappointment
    """.split()  # noqa: SIM905
)


def _theme_word(theme: Any | None) -> str | None:
    """The theme's lemma; for a stance noun with what it is about ("optimism about talk")."""
    if theme is None:
        return None
    word = str(theme.lemma_.lower())
    if word in _STANCE_NOUNS:
        for c in theme.children:
            if c.dep_ == "prep" and c.lower_ in ("about", "over", "on", "for", "in", "regarding"):
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    return f"{word} {c.lower_} {obj.lemma_.lower()}"
    return word


def _complement(verb: Any, kids_of: Kids = _children) -> Any | None:
    """What a describing verb attributes: "billed as productive", "called the talks productive"."""
    kids = list(kids_of(verb))  # a copy: extended below
    kids += [g for c in kids if c.dep_ == "dobj" for g in kids_of(c) if g.dep_ == "prep"]
    for c in kids:
        if c.dep_ in ("oprd", "acomp") or (c.dep_ in ("ccomp", "xcomp") and c.pos_ == "ADJ"):
            return c
        if c.dep_ == "prep" and c.lower_ == "as":
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "amod", "acomp")), None)
            if pobj is not None:
                return pobj
        if c.dep_ == "dobj":
            adj = next((g for g in c.children if g.dep_ in ("amod", "oprd") and g.i > c.i), None)
            if adj is not None:
                return adj
    return None


def _conjuncts(tok: Any, kids: Kids = _children) -> list[Any]:
    """``tok`` and the nouns coordinated or in apposition with it ("two leaders, A and B")."""
    out, todo = [tok], [tok]
    while todo and len(out) < 8:
        cur = todo.pop()
        for c in kids(cur):
            if c.dep_ in ("conj", "appos"):
                out.append(c)
                todo.append(c)
    return out


def _named_in(tok: Any) -> list[Any]:
    """Proper nouns in ``tok``'s phrase, cut before a place or time phrase
    ("Trump and Putin in Anchorage" → Trump, Putin)."""
    out = []
    for t in tok.subtree:
        if t.i > tok.i and t.dep_ == "prep" and t.lower_ in _PLACE_PREPS:
            break
        if t.pos_ == "PROPN":
            out.append(t)
    return out


def _parties(
    subj: Any | None,
    theme: Any | None,
    verb: Any,
    ref_of: RefOf,
    inside: Callable[[Any], Any | None],
    kids: Kids = _children,
) -> tuple[Span, ...]:
    heads: list[Any] = []
    for tok in (subj, theme):
        if tok is not None:
            heads += _conjuncts(tok, kids) + _named_in(tok)
    for c in kids(verb):
        if c.dep_ == "prep" and c.lower_ in ("with", "between"):
            heads += _named_in(c)
    refs = {ref_of(t) for t in heads if inside(t) is not None}
    return tuple(sorted(r for r in refs if r is not None))


_PLACE_PREPS = frozenset({"in", "at", "on", "near", "during", "after", "before", "over"})
_EVENT_NOUNS = frozenset({"meeting", "summit", "talk", "talks", "negotiation", "encounter", "call"})


def _nominal_meetings(
    tokens: Sequence[Any], ref_of: RefOf, question: bool, reported: bool, nouns: Sequence[Any]
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
                heads += _named_in(c)
        refs = {ref_of(t) for t in heads if lo <= t.i <= hi}
        parties = tuple(sorted(r for r in refs if r is not None))
        if len(parties) < 2:
            continue
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
        out.append(
            Proposition(
                predicate=tok.lemma_.lower(),
                pclass="meet",
                polarity="affirmed",
                modality=_modality(verb, reported, question)
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
    tokens: Sequence[Any], ref_of: RefOf, question: bool, reported: bool, nouns: Sequence[Any]
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
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
        out.append(
            Proposition(
                predicate=tok.lemma_.lower(),
                pclass=pclass,
                polarity="affirmed",
                modality=(
                    _modality(verb, reported, question)
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


def _modality(verb: Any, reported: bool, question: bool, kids: Kids = _children) -> str:
    if question:
        return "question"
    node = verb
    for _ in range(4):
        marks = {c.lower_ for c in kids(node) if c.dep_ == "mark"}
        if marks & {"if", "unless"}:
            return "conditional"
        if node.dep_ not in ("conj", "xcomp") or node.head is node:
            break
        node = node.head
    mds = {c.lower_ for c in kids(verb) if c.tag_ == "MD"}
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _PLAN_HEADS:
        return "planned"
    if mds & _FUTURE_MD or verb.lemma_.lower() in ("plan", "schedule"):
        return "planned"
    if any(c.lower_ == "going" for c in kids(verb)) and verb.tag_ == "VB":
        return "planned"
    if mds & {"would", "'d"} and reported:
        return "planned"  # "he said he would meet": the future of reported speech
    if mds & _HYPO_MD:
        return "hypothetical"
    return "happened"


def _negated(verb: Any, kids: Kids = _children) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in kids(verb)):
        return True
    head = verb.head
    # "failed to reach", "refused to meet" negate the verb they govern.
    return verb.dep_ == "xcomp" and head.lemma_.lower() in ("fail", "refuse", "decline")


def _phrase(tok: Any, limit: int = 6) -> list[Any]:
    """A short noun phrase around ``tok``: its modifiers on the left, its of-phrase."""
    keep = [
        c
        for c in tok.lefts
        if c.dep_ in ("det", "amod", "compound", "nummod", "poss", "nmod", "neg", "quantmod")
    ]
    left: list[Any] = []
    for c in keep:
        left.extend(t for t in c.subtree if t.i < tok.i)
    right: list[Any] = []
    for c in tok.rights:
        if c.dep_ in ("compound", "flat", "appos") and c.i - tok.i <= 3:
            right.extend(c.subtree)
    toks = sorted({t.i: t for t in [*left, tok, *right]}.values(), key=lambda t: t.i)
    toks = [t for t in toks if t.dep_ != "punct" or t.i not in (toks[0].i, toks[-1].i)]
    return toks[-limit:] if len(toks) > limit else toks


def _clause_end(agent: Any | None, verb: Any, theme: Any | None, comp: Any | None) -> int:
    """Character offset after the last word of the clause's agent, verb, theme, complement."""
    last = max((t for t in (agent, verb, theme, comp) if t is not None), key=lambda t: t.i)
    return int(last.idx + len(last.text))


def _label(
    agent: Any | None,
    verb: Any,
    theme: Any | None,
    theme_prep: Any | None,
    bounds: tuple[int, int],
    kids: Kids = _children,
) -> str:
    toks: list[Any] = []
    if agent is not None:
        toks += _phrase(agent)
    toks += [
        c for c in kids(verb) if c.dep_ in ("aux", "auxpass", "neg", "prt") and c.i < verb.i + 3
    ]
    toks.append(verb)
    if theme is not None:
        if theme_prep is not None:
            toks.append(theme_prep)
        toks += _phrase(theme)
    toks = sorted(
        {t.i: t for t in toks if bounds[0] <= t.i <= bounds[1]}.values(), key=lambda t: t.i
    )[:_MAX_LABEL]
    out = ""
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        out += t.text + (t.whitespace_ if nxt is not None and nxt.i == t.i + 1 else " ")
    return " ".join(out.split())


def _clause_verbs(root: Any, speech: Any | None, kids: Kids = _children) -> tuple[list[Any], bool]:
    """The verbs to read propositions from, and whether they are reported speech."""
    reported = False
    main = root
    if speech is not None:
        comps = [c for c in kids(speech) if c.dep_ == "ccomp"]
        if comps:
            main, reported = comps[0], True
        elif speech is not root:
            main, reported = root, True  # "“…,” X said": the quote's own root
    verbs = [main]
    verbs += [c for c in kids(main) if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    # "…, calling the talks productive": a participle clause that shares the subject;
    # "…, as no ceasefire was established": an adverbial clause with its own.
    verbs += [
        c
        for c in kids(main)
        if c.dep_ == "advcl"
        and c.pos_ == "VERB"
        and (
            (c.tag_ == "VBG" and c.lemma_.lower() in PREDICATE_CLASSES)
            or any(g.dep_ in ("nsubj", "nsubjpass") for g in kids(c))
        )
    ]
    return verbs, reported


def extract_propositions(
    tokens: Sequence[Any],
    speech: Any | None,
    ref_of: RefOf,
    question: bool,
    words: tuple[Sequence[str], Sequence[str], Sequence[str]] | None = None,
) -> tuple[Proposition, ...]:
    """Propositions of one sentence (its spaCy tokens); ``speech`` is its reporting verb and
    ``ref_of(token)`` the span of the named mention a token stands for (pronouns resolved).
    ``words``, when the caller has read them, are the tokens' POS tags, lowercase lemmas
    and dependency labels."""
    if not tokens:
        return ()
    lo, hi = tokens[0].i, tokens[-1].i

    def inside(tok: Any | None) -> Any | None:
        return tok if tok is not None and lo <= tok.i <= hi else None

    if words is None:
        words = (
            [t.pos_ for t in tokens],
            [t.lemma_.lower() for t in tokens],
            [t.dep_ for t in tokens],
        )
    pos_tags, lemmas, deps = words
    root = tokens[deps.index("ROOT")] if "ROOT" in deps else None
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return ()
    kids = _KidsMemo()
    verbs, reported = _clause_verbs(root, speech, kids)
    # The event nouns of both nominal readers, found in one pass over the words.
    nouns = [
        (tok, lemma)
        for tok, pos, lemma in zip(tokens, pos_tags, lemmas, strict=True)
        if pos == "NOUN" and (lemma in _EVENT_NOUNS or lemma in _NOMINAL_CLASSES)
    ]
    out: list[Proposition] = _nominal_meetings(tokens, ref_of, question, reported, nouns)
    out += _nominal_events(tokens, ref_of, question, reported, nouns)
    for verb in verbs:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        target = verb
        # "agreed to meet", "plans to visit": the complement carries the content.
        xcomp = next((c for c in kids(verb) if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if xcomp is not None and verb.lemma_.lower() in _PLAN_HEADS | {
            "fail",
            "refuse",
            "decline",
            "go",
        }:
            target = xcomp
        # A headline fused into the sentence by the parser is not its subject.
        subj = inside(_subject(target, kids))
        theme, theme_neg = _theme(target, kids)
        theme = inside(theme)
        if theme is not None and _timeless(theme):
            theme = None  # "lasted four hours", "met on Tuesday": values, not themes
        prep = theme.head if theme is not None and theme.dep_ == "pobj" else None
        agent_ref = ref_of(subj) if subj is not None else None
        theme_ref = ref_of(theme) if theme is not None else None
        negated = _negated(target, kids) != theme_neg if theme_neg else _negated(target, kids)
        if target is not verb and _negated(verb, kids):
            negated = not negated
        lemma = str(target.lemma_.lower())
        if lemma == "be" and (theme is None or prep is not None):
            continue  # "the stakes were personal": nothing to cross-check
        pclass = _pred_class(target, kids)
        comp = _complement(target, kids) if pclass == "describe" else None
        out.append(
            Proposition(
                predicate=lemma,
                pclass=pclass,
                polarity="negated" if negated else "affirmed",
                modality=_modality(target, reported, question, kids),
                agent=_head_word(subj),
                agent_ref=agent_ref,
                theme=_theme_word(theme),
                theme_ref=theme_ref,
                label=_label(subj, target, theme, prep, (lo, hi), kids),
                reported=reported,
                complement=str(comp.lemma_.lower()) if comp is not None else None,
                parties=_parties(subj, theme, target, ref_of, inside, kids),
                end=_clause_end(subj, target, theme, comp),
            )
        )
    return tuple(out)
