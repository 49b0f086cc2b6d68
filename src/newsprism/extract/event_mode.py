"""The mode of an event: whether the clause tells it as done, planned, refused or conditional.

``extract.events`` asks it for each trigger (the rules are listed there, under
**mode**): negation and "refused to" refuse, an "if"/"unless" clause or
would/could make it conditional, will, "plans to", "invited", "announced he
would meet" or a date after the article's make it planned.
"""

from __future__ import annotations

from typing import Any

from newsprism.extract.event_args import DocContext, children
from newsprism.extract.event_words import (
    CONDITION_MARKS,
    CONDITIONAL_AUX,
    FUTURE_AUX,
    PLAN_VERBS,
    REFUSAL_VERBS,
)
from newsprism.extract.slot_context import clause_tense

# Modifiers that put an event noun ahead ("the planned summit", "a second meeting").
_PLAN_MODS = frozenset(
    {
        "planned",
        "upcoming",
        "next",
        "proposed",
        "possible",
        "future",
        "expected",
        "scheduled",
        "second",
        "trilateral",
    }
)


def governor(tok: Any) -> Any:
    """The verb that ``tok`` hangs under as xcomp ("refused to meet" → refused)."""
    return tok.head if tok.dep_ == "xcomp" and tok.head is not tok else tok


def event_mode(tok: Any, doc: DocContext, date: str | None) -> str:
    """``refused``, ``conditional``, ``planned`` or ``happened``: the event of trigger
    ``tok`` (dated ``date``, an ISO day or None) as the clause around it tells it."""
    gov = governor(tok)
    lemma = tok.lemma_.lower()
    if gov is not tok and gov.lemma_.lower() in REFUSAL_VERBS:
        return "refused"
    if children(tok, "neg") or (gov is not tok and children(gov, "neg")):
        return "refused"
    if tok.pos_ == "NOUN" and (
        any(c.lower_ == "no" for c in children(tok, "det"))
        or (tok.dep_ == "pobj" and tok.head.lower_ == "without")
    ):
        return "refused"  # "ended without an agreement", "no deal"
    for head in (tok, gov, tok.head, *children(tok, "ccomp")):
        for adv in children(head, "advcl"):
            if any(m.lower_ in CONDITION_MARKS for m in children(adv, "mark")):
                return "conditional"
    auxes = {a.lower_ for a in children(tok, "aux")} | {a.lower_ for a in children(gov, "aux")}
    if auxes & FUTURE_AUX or lemma in ("invite", "invitation"):
        return "planned"
    if gov is not tok and gov.lemma_.lower() in PLAN_VERBS and gov.lemma_.lower() != "agree":
        return "planned"
    if auxes == {"would"} and _reported_future(gov):
        return "planned"  # "Trump announced he would meet Zelenskyy on Monday"
    if auxes & CONDITIONAL_AUX:
        return "conditional"
    if tok.pos_ == "NOUN" and any(c.lower_ in _PLAN_MODS for c in children(tok, "amod")):
        return "planned"
    if date and doc.anchor is not None and date > doc.anchor.isoformat():
        return "planned"
    if tok.pos_ == "NOUN" and clause_tense(tok) == "future":
        return "planned"
    return "happened"


_ANNOUNCE = frozenset({"announce", "say", "confirm", "tell", "state", "add"})


def _reported_future(tok: Any) -> bool:
    """ "said he would meet …": a ccomp of a past-tense announcement is its future."""
    head = tok.head
    return (
        tok.dep_ == "ccomp"
        and head.lemma_.lower() in _ANNOUNCE
        and head.tag_ == "VBD"
        and not any(m.lower_ in CONDITION_MARKS for c in tok.children for m in c.children)
    )
