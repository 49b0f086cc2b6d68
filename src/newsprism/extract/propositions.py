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


class DocWords:
    """Per token of one document, by ``tok.i``: its words and labels, read from spaCy once.

    spaCy builds a new Token object on every ``tok.children`` walk and decodes a string
    on every ``tok.dep_`` or ``tok.lower_``; each verb's children are read by the subject,
    theme, modality, negation and label readers, so both are read once here. ``kids``
    lists a token's children once per document.
    """

    def __init__(self, toks: list[Any]) -> None:
        """``toks``: every token of the document, in order (``list(doc)``)."""
        self.toks = toks
        self.lower = [t.lower_ for t in toks]
        self.lemma = [t.lemma_.lower() for t in toks]
        self.pos = [t.pos_ for t in toks]
        self.dep = [t.dep_ for t in toks]
        self._kids: dict[int, list[Any]] = {}

    def kids(self, tok: Any) -> list[Any]:
        got = self._kids.get(tok.i)
        if got is None:
            got = self._kids[tok.i] = list(tok.children)
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
# Verbs whose "xcomp" carries the content: "agreed to meet", "failed to reach".
_XCOMP_HEADS = _PLAN_HEADS | {"fail", "refuse", "decline", "go"}
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


def _pred_class(verb: Any, w: DocWords) -> str:
    lemma = str(w.lemma[verb.i])
    if lemma in ("hold", "have") and any(
        w.dep[c.i] == "dobj" and w.lemma[c.i] in ("talk", "meeting", "summit", "negotiation")
        for c in w.kids(verb)
    ):
        return "meet"
    if lemma == "call":  # "called for a ceasefire" demands; "called the talks productive" describes
        if any(w.dep[c.i] == "prep" and w.lower[c.i] == "for" for c in w.kids(verb)):
            return "demand"
        return "describe"
    return PREDICATE_CLASSES.get(lemma, lemma)


def _subject(verb: Any, w: DocWords) -> Any | None:
    if any(w.dep[c.i] == "nsubjpass" for c in w.kids(verb)):
        # Passive: the agent is the "by" phrase, if any ("was shot by a gunman").
        by = next((c for c in w.kids(verb) if w.dep[c.i] == "agent"), None)
        return (
            next((g for g in w.kids(by) if w.dep[g.i] == "pobj"), None) if by is not None else None
        )
    for _ in range(4):
        subj = next((c for c in w.kids(verb) if w.dep[c.i] in _AGENT_DEPS), None)
        if subj is not None:
            return subj
        if w.dep[verb.i] in ("conj", "xcomp", "advcl") and verb.head is not verb:
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


def _theme(verb: Any, w: DocWords) -> tuple[Any | None, bool]:
    """(theme token, negated by "without"/"no")."""
    kids = w.kids(verb)
    for dep in ("dobj", "nsubjpass", "attr", "oprd"):
        tok = next((c for c in kids if w.dep[c.i] == dep), None)
        if tok is not None:
            return tok, any(w.dep[c.i] == "det" and w.lower[c.i] == "no" for c in w.kids(tok))
    for prep in _THEME_PREPS:
        for c in kids:
            if w.dep[c.i] == "prep" and w.lower[c.i] == prep:
                pobj = next((g for g in w.kids(c) if w.dep[g.i] == "pobj"), None)
                if pobj is not None and not _timeless(pobj):
                    neg = prep == "without" or any(
                        w.dep[g.i] == "det" and w.lower[g.i] == "no" for g in w.kids(pobj)
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


def _complement(verb: Any, w: DocWords) -> Any | None:
    """What a describing verb attributes: "billed as productive", "called the talks productive"."""
    kids = list(w.kids(verb))  # a copy: extended below
    kids += [g for c in kids if w.dep[c.i] == "dobj" for g in w.kids(c) if w.dep[g.i] == "prep"]
    for c in kids:
        if w.dep[c.i] in ("oprd", "acomp") or (
            w.dep[c.i] in ("ccomp", "xcomp") and w.pos[c.i] == "ADJ"
        ):
            return c
        if w.dep[c.i] == "prep" and w.lower[c.i] == "as":
            pobj = next((g for g in c.children if w.dep[g.i] in ("pobj", "amod", "acomp")), None)
            if pobj is not None:
                return pobj
        if w.dep[c.i] == "dobj":
            adj = next(
                (g for g in c.children if w.dep[g.i] in ("amod", "oprd") and g.i > c.i), None
            )
            if adj is not None:
                return adj
    return None


def _conjuncts(tok: Any, w: DocWords) -> list[Any]:
    """``tok`` and the nouns coordinated or in apposition with it ("two leaders, A and B")."""
    out, todo = [tok], [tok]
    while todo and len(out) < 8:
        cur = todo.pop()
        for c in w.kids(cur):
            if w.dep[c.i] in ("conj", "appos"):
                out.append(c)
                todo.append(c)
    return out


def _named_in(tok: Any, w: DocWords) -> list[Any]:
    """Proper nouns in ``tok``'s phrase, cut before a place or time phrase
    ("Trump and Putin in Anchorage" → Trump, Putin)."""
    out = []
    for t in tok.subtree:
        if t.i > tok.i and w.dep[t.i] == "prep" and w.lower[t.i] in _PLACE_PREPS:
            break
        if w.pos[t.i] == "PROPN":
            out.append(t)
    return out


def _parties(
    subj: Any | None,
    theme: Any | None,
    verb: Any,
    ref_of: RefOf,
    inside: Callable[[Any], Any | None],
    w: DocWords,
) -> tuple[Span, ...]:
    heads: list[Any] = []
    for tok in (subj, theme):
        if tok is not None:
            heads += _conjuncts(tok, w) + _named_in(tok, w)
    for c in w.kids(verb):
        if w.dep[c.i] == "prep" and w.lower[c.i] in ("with", "between"):
            heads += _named_in(c, w)
    refs = {ref_of(t) for t in heads if inside(t) is not None}
    return tuple(sorted(r for r in refs if r is not None))


_PLACE_PREPS = frozenset({"in", "at", "on", "near", "during", "after", "before", "over"})
_EVENT_NOUNS = frozenset({"meeting", "summit", "talk", "talks", "negotiation", "encounter", "call"})


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
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
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
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
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


def _modality(verb: Any, reported: bool, question: bool, w: DocWords) -> str:
    if question:
        return "question"
    node = verb
    for _ in range(4):
        marks = {w.lower[c.i] for c in w.kids(node) if w.dep[c.i] == "mark"}
        if marks & {"if", "unless"}:
            return "conditional"
        if w.dep[node.i] not in ("conj", "xcomp") or node.head is node:
            break
        node = node.head
    mds = {w.lower[c.i] for c in w.kids(verb) if c.tag_ == "MD"}
    if w.dep[verb.i] == "xcomp" and w.lemma[verb.head.i] in _PLAN_HEADS:
        return "planned"
    if mds & _FUTURE_MD or w.lemma[verb.i] in ("plan", "schedule"):
        return "planned"
    if any(w.lower[c.i] == "going" for c in w.kids(verb)) and verb.tag_ == "VB":
        return "planned"
    if mds & {"would", "'d"} and reported:
        return "planned"  # "he said he would meet": the future of reported speech
    if mds & _HYPO_MD:
        return "hypothetical"
    return "happened"


def _negated(verb: Any, w: DocWords) -> bool:
    if any(w.dep[c.i] == "neg" or w.lower[c.i] in ("never", "not", "n't") for c in w.kids(verb)):
        return True
    head = verb.head
    # "failed to reach", "refused to meet" negate the verb they govern.
    return w.dep[verb.i] == "xcomp" and w.lemma[head.i] in ("fail", "refuse", "decline")


def _phrase(tok: Any, w: DocWords, limit: int = 6) -> list[Any]:
    """A short noun phrase around ``tok``: its modifiers on the left, its of-phrase."""
    # ``tok.lefts`` and ``tok.rights``: its children before and after it, in order.
    kids = w.kids(tok)
    keep = [
        c
        for c in kids
        if c.i < tok.i
        and w.dep[c.i] in ("det", "amod", "compound", "nummod", "poss", "nmod", "neg", "quantmod")
    ]
    left: list[Any] = []
    for c in keep:
        left.extend(t for t in c.subtree if t.i < tok.i)
    right: list[Any] = []
    for c in kids:
        if c.i > tok.i and w.dep[c.i] in ("compound", "flat", "appos") and c.i - tok.i <= 3:
            right.extend(c.subtree)
    toks = sorted({t.i: t for t in [*left, tok, *right]}.values(), key=lambda t: t.i)
    toks = [t for t in toks if w.dep[t.i] != "punct" or t.i not in (toks[0].i, toks[-1].i)]
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
    w: DocWords,
) -> str:
    toks: list[Any] = []
    if agent is not None:
        toks += _phrase(agent, w)
    toks += [
        c
        for c in w.kids(verb)
        if w.dep[c.i] in ("aux", "auxpass", "neg", "prt") and c.i < verb.i + 3
    ]
    toks.append(verb)
    if theme is not None:
        if theme_prep is not None:
            toks.append(theme_prep)
        toks += _phrase(theme, w)
    toks = sorted(
        {t.i: t for t in toks if bounds[0] <= t.i <= bounds[1]}.values(), key=lambda t: t.i
    )[:_MAX_LABEL]
    out = ""
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        out += t.text + (t.whitespace_ if nxt is not None and nxt.i == t.i + 1 else " ")
    return " ".join(out.split())


def _clause_verbs(root: Any, speech: Any | None, w: DocWords) -> tuple[list[Any], bool]:
    """The verbs to read propositions from, and whether they are reported speech."""
    reported = False
    main = root
    if speech is not None:
        comps = [c for c in w.kids(speech) if w.dep[c.i] == "ccomp"]
        if comps:
            main, reported = comps[0], True
        elif speech is not root:
            main, reported = root, True  # "“…,” X said": the quote's own root
    verbs = [main]
    verbs += [c for c in w.kids(main) if w.dep[c.i] == "conj" and w.pos[c.i] in ("VERB", "AUX")]
    # "…, calling the talks productive": a participle clause that shares the subject;
    # "…, as no ceasefire was established": an adverbial clause with its own.
    verbs += [
        c
        for c in w.kids(main)
        if w.dep[c.i] == "advcl"
        and w.pos[c.i] == "VERB"
        and (
            (c.tag_ == "VBG" and w.lemma[c.i] in PREDICATE_CLASSES)
            or any(w.dep[g.i] in ("nsubj", "nsubjpass") for g in w.kids(c))
        )
    ]
    return verbs, reported


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
