"""The parts of one clause that ``propositions`` reads from the parse: subject, theme,
polarity, modality, label and named parties, and the per-document word lists
(``DocWords``) they read instead of spaCy properties.

Rules over the parse only: each token is looked at a bounded number of times.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsprism.nlp.columns import TokenColumns

Span = tuple[int, int]
RefOf = Callable[[Any], Span | None]


class DocWords:
    """Per token of one document, by ``tok.i``: its words and labels, read from spaCy once.

    spaCy builds a new Token object on every ``tok.children`` walk and decodes a string
    on every ``tok.dep_`` or ``tok.lower_``; each verb's children are read by the subject,
    theme, modality, negation and label readers, so both are read once here. ``kids``
    lists a token's children once per document.
    """

    def __init__(self, toks: list[Any], cols: TokenColumns | None = None) -> None:
        """``toks``: every token of the document, in order (``list(doc)``). ``cols``: the
        document's columns (``Parsed.columns``, which the other extractors read too), taken
        instead of asking every token again; the lists are shared, so never changed."""
        self.toks = toks
        if cols is not None:
            self.lower, self.lemma, self.pos, self.dep = cols.lower, cols.lemma, cols.pos, cols.dep
        else:
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


# Verbs whose "xcomp" carries the content: "agreed to meet", "failed to reach".
_XCOMP_HEADS = _PLAN_HEADS | {"fail", "refuse", "decline", "go"}
# "in"/"at" phrases are places or times, never the theme.
_THEME_PREPS = ("without", "for", "on", "to", "about", "into", "with")
_AGENT_DEPS = ("nsubj", "csubj")
_MAX_LABEL = 14


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
        if w.dep[verb.i] in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
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
