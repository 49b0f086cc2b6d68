"""Whose view a word is: what a reporting verb reports, and what a party thinks or fears.

The rules behind the voice labels of ``extract.sentences``. Only the clause a
reporting verb governs is the speaker's ("X said *the deal must be signed*");
its subject, manner, time and place stay the author's ("the *embattled* mayor
*angrily* said on Monday …"). A view reported with a verb of thinking or feeling,
a state-of-mind adjective or an attitude noun belongs to its holder
("Ministers feared that the deal *could* collapse", "officials, *wary* of the
plan", "their *opposition* to any premature freeze"), unless the holder is the
author ("I fear"). Each function reads one token's ancestors: linear per sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from newsprism.extract.claims import FIRST_PERSON, PRESCRIPTIVE
from newsprism.extract.cues import SPEECH_VERBS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that report an action rather than speech: "X welcomed the deal" is a fact.
NOT_SPEECH = frozenset({"promise", "report", "ask", "answer", "post"})
# Relations by which a reporting verb governs what it reports.
# What belongs to the frame of a reporting verb, not to what it reports: who
# speaks, the manner, tense and mood ("the *embattled* mayor *angrily* said …").
FRAME_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "aux",
        "auxpass",
        "advmod",
        "neg",
        "mark",
        "punct",
        "cc",
        "agent",
        "npadvmod",
        "dative",
    }
)
# Entity types of a prepositional object that places a report in time or space.
_WHEN_WHERE = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
# Reporting verbs whose object is their target, not what was said ("slammed the
# *bizarre* plan": the author's words); for the others the object is the content
# ("noting the fanfare …", "emphasizing a fragile ceasefire").
_TARGET_OBJECT = frozenset(
    {
        "slam",
        "blast",
        "criticize",
        "criticise",
        "praise",
        "accuse",
        "attack",
        "condemn",
        "mock",
        "denounce",
        "welcome",
        "reject",
        "dismiss",
        "blame",
        "thank",
        "hail",
        "ridicule",
        "scold",
        "rebuke",
        "lambast",
        "chide",
    }
)
# Verbs of thinking and feeling: what a named party believes, fears or hopes is that
# party's view, not the outlet's ("Ministers feared that the deal *could* collapse").
# Not "know" or "realise": their content the author takes as true.
THINKING = frozenset(
    {
        "believe",
        "think",
        "fear",
        "worry",
        "hope",
        "expect",
        "feel",
        "doubt",
        "suspect",
        "assume",
        "view",
        "consider",
        "regard",
        "perceive",
        "reckon",
        "imagine",
        "anticipate",
        "see",
    }
)
# Adjectives of a state of mind: said of a party, they report its feeling
# ("officials, *wary* of the plan"), and what the feeling is about is its view.
STATE_OF_MIND = _words(
    """wary skeptical sceptical fearful afraid anxious worried concerned nervous uneasy
    hopeful confident optimistic pessimistic eager keen reluctant hesitant cautious
    suspicious distrustful angry furious frustrated alarmed upset unhappy disappointed
    dismayed outraged impatient resentful determined adamant convinced doubtful"""
)
# Nouns whose relative clause states their terms ("a bill that would raise taxes").
_PROPOSALS = _words(
    """plan proposal deal agreement bill law measure treaty accord offer scheme
    framework rule policy package amendment resolution order"""
)
CASTING = frozenset({"present", "portray", "cast", "style", "bill", "pitch", "position"})
_REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves"})
# Prepositions that introduce what a feeling or a stance is about.
_ABOUT = frozenset({"of", "to", "about", "over", "against", "toward", "towards", "regarding"})
# Nouns of a stance or a feeling: "their *opposition* to any premature freeze",
# "harbor *fears* of a deal that …", "the *fear* … is that X might fold".
ATTITUDE_NOUNS = _words(
    """opposition fear fears concern concerns hope hopes worry worries objection
    objections belief view views impression suspicion suspicions doubt doubts
    insistence expectation expectations misgiving misgivings"""
)


def proposal_content(verb: Any) -> bool:
    """ "a plan that *would* hand the delta to X": what a proposal provides, not a guess."""
    return verb.dep_ in ("relcl", "acl") and verb.head.lemma_.lower() in _PROPOSALS


def in_frame(child: Any, verb_lemma: str) -> bool:
    """Whether a reporting verb's dependent is its frame (the author's) or what it reports."""
    if child.dep_ in FRAME_DEPS:
        return True
    if child.dep_ == "dobj":
        return verb_lemma in _TARGET_OBJECT
    # "said on Monday", "told reporters in Halloran": when and where, not what.
    if child.dep_ != "prep":
        return False
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in _WHEN_WHERE for o in objects)


def first_person(tok: Any | None) -> bool:
    return tok is not None and tok.lower_ in FIRST_PERSON


def subject_of(verb: Any) -> Any | None:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj


def view_owner(head: Any) -> Any | None:
    """Who holds the view a thinking verb, a state-of-mind word or an attitude noun reports.

    None when the head reports no one's view (or the author's own: "I fear").
    """
    lemma = head.lemma_.lower()
    owner = None
    if head.pos_ in ("VERB", "AUX") and lemma in THINKING:
        owner = subject_of(head)
    elif head.pos_ == "ADJ" and head.lower_ in STATE_OF_MIND:
        if head.dep_ in ("amod", "appos", "conj") and head.head.pos_ in ("NOUN", "PROPN", "PRON"):
            owner = head.head
        elif head.dep_ in ("acomp", "oprd", "advcl") and head.head.pos_ in ("VERB", "AUX"):
            owner = subject_of(head.head)
        elif head.dep_ in ("amod", "appos"):
            owner = head.head
    elif head.pos_ == "NOUN" and head.lower_ in ATTITUDE_NOUNS:
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None and head.dep_ == "dobj":
            owner = subject_of(head.head)  # "officials harbor fears of …"
        if owner is None and head.dep_ in ("nsubj", "pobj"):
            owner = head  # "the fear in the capitals is that …": an unnamed holder
    if owner is None or first_person(owner):
        return None
    return owner


def holds_view(head: Any, child: Any) -> bool:
    """Whether ``child`` heads what ``head`` says someone thinks, fears or opposes."""
    if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in THINKING:
        return child.dep_ in ("ccomp", "xcomp", "dobj", "prep", "advcl") and not in_frame(
            child, head.lemma_.lower()
        )
    if child.dep_ == "prep":  # "wary of", "opposition to"; not "the fear in the capital"
        return child.lower_ in _ABOUT
    if head.pos_ == "ADJ":
        return child.dep_ in ("ccomp", "xcomp")
    if head.pos_ == "NOUN":
        return child.dep_ in ("acl", "ccomp")
    return False


def made_clear(verb: Any, child: Any) -> bool:
    """ "Putin made (it) clear that Moscow is *willing* …": a stance stated, reported."""
    return (
        verb.lemma_.lower() == "make"
        and child.dep_ == "ccomp"
        and any(c.lower_ == "clear" for c in verb.children)
        and not first_person(subject_of(verb))
    )


def self_cast(verb: Any, child: Any) -> bool:
    """ "presenting *himself as* the peacemaker who might …": the party's self-image."""
    return (
        verb.lemma_.lower() in CASTING
        and child.dep_ == "prep"
        and child.lower_ == "as"
        and any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVE for c in verb.children)
    )


def _views(a: Any, child: Any) -> bool:
    """Whether ``child`` heads a party's view that its head ``a`` reports."""
    if holds_view(a, child) and view_owner(a) is not None:
        return True
    if self_cast(a, child) or made_clear(a, child):
        return True
    # "The fear in the capital is that …": the copula's clause is the noun's content.
    if a.lemma_ == "be" and child.dep_ in ("ccomp", "attr") and child.pos_ in ("VERB", "AUX"):
        subj = subject_of(a)
        if subj is not None and subj.lower_ in ATTITUDE_NOUNS and view_owner(subj) is not None:
            return True
    return False


def reports_edge(head: Any, child: Any) -> bool:
    """Whether ``child`` heads what ``head`` reports: speech, or a party's view."""
    return speech_reports(head, child) or _views(head, child)


def viewed(tok: Any) -> bool:
    """Whether ``tok`` lies in what a party (not the author) thinks, fears or opposes.

    "Ministers feared that the deal *could* collapse", "officials, wary of the
    *reckless* plan", "their opposition to any *premature* freeze", "the fear is
    that the council *might* fold": the words are that party's view.
    """
    child = tok
    for a in tok.ancestors:
        if _views(a, child):
            return True
        child = a
    return False


def speech_reports(verb: Any, child: Any) -> bool:
    """Whether ``verb`` is a reporting verb and ``child`` heads what it reports."""
    lemma = verb.lemma_.lower()
    return (
        lemma in SPEECH_VERBS
        and lemma not in NOT_SPEECH
        and verb.pos_ in ("VERB", "AUX")
        and not prescribed(verb)
        and not in_frame(child, lemma)
    )


def reported(tok: Any) -> bool:
    """Whether ``tok`` lies in the content a reporting verb governs ("said *… would*").

    Only the clause the verb reports is the speaker's: the verb itself, its
    subject and its manner are the author's ("the *embattled* mayor *slammed* …").
    A view reported with a verb of thinking or feeling, a state-of-mind
    adjective or an attitude noun is its holder's too (``viewed``).
    """
    child = tok
    for a in tok.ancestors:
        if speech_reports(a, child):
            return True
        child = a
    return viewed(tok)


def reported_tokens(tokens: Sequence[Any]) -> set[int]:
    """The indexes (``tok.i``) of the tokens ``reported`` holds for, each edge tested once.

    ``reported`` climbs a token's ancestors, so asking it of every token of a long,
    deep sentence tests the same edges again and again; here each token's answer is
    its own edge's, or else its head's, remembered on the way up.
    """
    speech: dict[int, bool] = {}
    view: dict[int, bool] = {}
    out: set[int] = set()
    for tok in tokens:
        if _climb(tok, speech_reports, speech) or _climb(tok, _views, view):
            out.add(tok.i)
    return out


def _climb(tok: Any, check: Callable[[Any, Any], bool], memo: dict[int, bool]) -> bool:
    """``check(head, child)`` on some edge from ``tok`` up to its root, memoised per token."""
    path: list[Any] = []
    node = tok
    while True:
        if node.i in memo:
            result = memo[node.i]
            break
        head = node.head
        if head is node or head.i == node.i:
            result = False
            memo[node.i] = False
            break
        if check(head, node):
            result = True
            memo[node.i] = True
            break
        path.append(node)
        node = head
    for p in path:
        memo[p.i] = result
    return result


def prescribed(verb: Any) -> bool:
    """Whether ``verb`` is speech the author asks for ("X should say so"), not reports."""
    return any(c.dep_ == "aux" and c.lower_ in PRESCRIPTIVE for c in verb.children)
