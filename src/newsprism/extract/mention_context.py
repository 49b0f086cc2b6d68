"""Where a mention stands in the parse: a slot only a place fits, or only a person.

``extract.entities`` marks each mention with these (``context_place``,
``context_person``); the linker and the person vote read them. Kept apart so
the word lists and their rules read on their own.
"""

from __future__ import annotations

from typing import Any

from newsprism.nlp.columns import TokenColumns

Token = Any  # spacy.tokens.Token; spaCy ships no type stubs


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles that are never a surname on their own: a PERSON span of just one of
# these is dropped ("King" or "Major" alone may be a surname, so they stay).
LONE_TITLES: frozenset[str] = _words("""
    president minister chancellor premier mr mrs ms dr sen gov senator governor pope
    secretary ambassador envoy spokesman spokeswoman spokesperson mayor chairman ceo
    """)

# Prepositions that put their object in a place ("in Luhansk"). "at" is left
# out: "angry at Trump", "look at Putin".
AREA_PREPS: frozenset[str] = _words("in inside near across throughout outside within around")
# Heads of "in" that take people, not places: "trust in Putin".
IN_NOT_PLACE: frozenset[str] = _words(
    "trust faith confidence belief interest invest investment stake role part hope"
)
# Directional prepositions mark a place only after movement words: "flew to
# Anchorage" is a place, "spoke to Putin" is not.
DIRECTION_PREPS: frozenset[str] = _words("from to toward towards into")
MOTION_WORDS: frozenset[str] = _words("""
    travel fly go come return arrive move head flee evacuate deploy drive march advance
    retreat withdraw relocate escape sail walk ride commute deport expel trip visit
    flight journey route road way border invite back
    """)
# "speaking from Kyiv": the speaker's location; "speaking to" takes a person.
FROM_ONLY_WORDS: frozenset[str] = _words("speak report write broadcast call")
# Verbs whose direct object is territory: "cede Donetsk", "annex Crimea".
TERRITORY_VERBS: frozenset[str] = _words(
    "cede annex occupy invade liberate shell bomb seize recapture"
)
# Head nouns that make a name a place when it modifies them ("the Donbas
# region", "the Dravik line") or is their "of" object ("the city of Sumy").
PLACE_NOUNS: frozenset[str] = _words("""
    region province state island city capital border line territory town village
    district county oblast frontier coast port
    """)
OF_PLACE_NOUNS: frozenset[str] = PLACE_NOUNS | _words("residents citizens outskirts")
# What a place owns and a person does not: "Norway's prime minister", "Sumy's
# residents". ("X's government" is mostly said of countries; a full personal
# name elsewhere still keeps a person a person.)
PLACE_OWNED: frozenset[str] = _words("""
    president government capital territory border residents citizens soil airspace
    coast population parliament
    """)
# Titles that, right before a name, make it a person ("President Reyes");
# a subset of ``TITLE_WORDS`` without adjectives ("foreign", "first", "state").
PERSON_TITLES: frozenset[str] = LONE_TITLES | _words("""
    premier king queen prince princess sir dame lord lady sheikh emir sultan rev
    reverend professor prof judge
    """)
_WHO = frozenset({"who", "whom", "whose"})


def place_context(tok: Token, cols: TokenColumns | None = None) -> bool:
    """Whether the parse puts ``tok`` where only a place fits.

    ``cols``, the document's token columns, answer it from lists (the same rules).
    """
    if cols is not None:
        return _place_context_at(tok.doc, cols, tok.i)
    # "in Kyiv and Moscow": the second conjunct shares the first one's slot.
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    head_word = tok.head.lemma_.lower()
    if tok.dep_ == "compound" and head_word in PLACE_NOUNS:
        return True
    if tok.dep_ == "poss" and (
        head_word in PLACE_OWNED
        or (head_word == "minister" and any(c.lower_ == "prime" for c in tok.head.children))
    ):
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS for c in tok.children):
        return True
    if tok.dep_ == "pobj":
        prep = tok.head
        head = prep.head.lemma_.lower()
        if prep.lower_ == "of":
            return head in OF_PLACE_NOUNS
        if prep.lower_ in AREA_PREPS:
            return head not in IN_NOT_PLACE
        if prep.lower_ in DIRECTION_PREPS:
            return head in MOTION_WORDS or (prep.lower_ == "from" and head in FROM_ONLY_WORDS)
    return bool(tok.dep_ == "dobj" and tok.head.lemma_.lower() in TERRITORY_VERBS)


def _place_context_at(doc: Any, cols: TokenColumns, i: int) -> bool:
    """``place_context`` of token ``i`` read from the token columns; a ``Token`` is
    built only to walk the children of a "minister" or of an apposition's head."""
    dep, heads, lemma, lower = cols.dep, cols.head, cols.lemma, cols.lower
    while dep[i] == "conj" and heads[i] != i:
        i = heads[i]
    h = heads[i]
    head_word = lemma[h]
    if dep[i] == "compound" and head_word in PLACE_NOUNS:
        return True
    if dep[i] == "poss" and (
        head_word in PLACE_OWNED
        or (head_word == "minister" and any(c.lower_ == "prime" for c in doc[h].children))
    ):
        return True
    if i in cols.heads_of("appos") and any(
        c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS for c in doc[i].children
    ):
        return True
    if dep[i] == "pobj":
        prep = lower[h]
        head = lemma[heads[h]]
        if prep == "of":
            return head in OF_PLACE_NOUNS
        if prep in AREA_PREPS:
            return head not in IN_NOT_PLACE
        if prep in DIRECTION_PREPS:
            return head in MOTION_WORDS or (prep == "from" and head in FROM_ONLY_WORDS)
    return bool(dep[i] == "dobj" and lemma[h] in TERRITORY_VERBS)


def person_context(doc: Any, s: int, e: int, cols: TokenColumns | None = None) -> bool:
    """Whether only a person fits tokens ``s:e``: a title before, or a "who" clause after.

    ``cols``, the document's token columns, answer the common case from lists: no
    title word before and no token of the span heading a relative clause.
    """
    if s > 0:
        if cols is not None:
            before, low = cols.text[s - 1], cols.lower[s - 1]
        else:
            before, low = doc[s - 1].text, doc[s - 1].lower_
        if before[:1].isupper() and low.rstrip(".") in PERSON_TITLES:
            return True
    if cols is not None:
        relcl = cols.heads_of("relcl")
        if not any(i in relcl for i in range(s, e)):
            return False  # the span's root heads no relative clause
    root = doc[s:e].root
    return any(
        c.dep_ == "relcl" and any(g.lower_ in _WHO for g in c.children) for c in root.children
    )
