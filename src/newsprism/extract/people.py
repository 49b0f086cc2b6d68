"""Counts of people in one sentence: "a 12-year-old and three others", "150 prisoners".

The counts add up across a coordination ("two women and a child" → 3) and carry
what happened to the people as their unit when the sentence says it ("three
people were killed" → 3 killed, "a man was shot and killed" → 1 killed).
Otherwise the unit is the counted noun in the singular ("150 prisoners" →
prisoner), so that counts of prisoners and counts of soldiers never look like
two statements of one number; mixed or generic groups are "people".

Works on the token scanner of ``values`` through the small ``Scan`` protocol,
so this module imports nothing from it.
"""

from __future__ import annotations

from typing import Protocol

PERSON_NOUNS = frozenset(
    """
    people persons person man men woman women child children kid kids boy boys girl
    girls adult adults teenager teenagers teen teens student students soldier soldiers
    civilian civilians resident residents officer officers worker workers passenger
    passengers victim victims migrant migrants refugee refugees protester protesters
    protestors demonstrator demonstrators troops fighter fighters militant militants
    journalist journalists patient patients other others individual individuals suspect
    suspects hostage hostages prisoner prisoners miner miners firefighter firefighters
    employee employees tourist tourists infant infants baby babies toddler toddlers
    pilgrim pilgrims member members player players gunman gunmen crew villager villagers
    worshippers pedestrian pedestrians delegate delegates
    """.split()  # noqa: SIM905
)
# Nouns that name no particular group: a count of them is a count of "people".
_GENERIC = {
    "people": "people",
    "persons": "people",
    "person": "people",
    "other": "people",
    "others": "people",
    "individual": "people",
    "individuals": "people",
}
_IRREGULAR = {
    "men": "man",
    "women": "woman",
    "children": "child",
    "gunmen": "gunman",
    "people": "people",
    "troops": "troop",
    "babies": "baby",
    "crew": "crew",
}
# What happened to the people counted, by the words that say it.
ROLE_WORDS = {
    "killed": "killed",
    "dead": "killed",
    "died": "killed",
    "slain": "killed",
    "murdered": "killed",
    "perished": "killed",
    "killing": "killed",
    "kills": "killed",
    "injured": "injured",
    "wounded": "injured",
    "hurt": "injured",
    "injuring": "injured",
    "wounding": "injured",
    "arrested": "arrested",
    "detained": "arrested",
    "arresting": "arrested",
    "missing": "missing",
    "evacuated": "evacuated",
    "displaced": "displaced",
    "rescued": "rescued",
    "kidnapped": "kidnapped",
    "abducted": "kidnapped",
    "hospitalised": "injured",
    "hospitalized": "injured",
    "struck": "injured",  # "two people were struck": read only after a person noun
}
ROLE_UNITS = frozenset(ROLE_WORDS.values())
_NEGATIONS = frozenset({"not", "n't", "never", "no", "yet", "without"})
_ACTIVE_ROLES = frozenset({"killing", "injuring", "wounding", "arresting", "kills"})
STOP = frozenset(
    """
    a an the of in on at to for from by with and or but that which who whom whose this
    these those it its is are was were be been being has have had will would can could
    may might than as into over under during after before since while if when where per
    each every other such no not more most less same all both either any some his her
    their our my your them they he she we i you there here ago old
    """.split()  # noqa: SIM905
)
_LINKING = ("was", "were", "are", "is", "got", "remain", "remained", "have", "has", "had")
_ADVERBS = ("reportedly", "also", "later", "reported", "confirmed", "fatally")
_VERBS_BEFORE = (
    "killing",
    "killed",
    "kills",
    "kill",
    "injuring",
    "wounding",
    "injured",
    "wounded",
    "arresting",
    "arrested",
    "detained",
    "evacuated",
    "rescued",
)


class Scan(Protocol):
    """What the people reader needs from the token scanner."""

    def low(self, i: int) -> str: ...
    def alpha(self, i: int) -> bool: ...
    def number(self, i: int) -> tuple[float, int] | None: ...
    def approx_before(self, i: int) -> tuple[str, int]: ...


def singular(word: str) -> str:
    """Naive English singular, enough for counted nouns ("cities" → city, "buses" → bus)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in ("species", "series", "news"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def person_unit(noun: str) -> str:
    """Unit of a count of ``noun`` people: "prisoners" → prisoner, "others" → people."""
    return _GENERIC.get(noun) or singular(noun)


def noun_after(sc: Scan, j: int) -> int | None:
    """Index of the head noun of "<number> [adj] [adj] noun", if there is one.

    Without a parse the head is the first person noun or plural-looking word
    within three words ("thirty European nations" → nations); a run of words
    with neither gives no head rather than a wrong one.
    """
    for n in range(j, j + 3):
        low = sc.low(n)
        if not low or not sc.alpha(n) or low in STOP or low in ROLE_WORDS:
            return None
        if low in PERSON_NOUNS:
            return n
        if low.endswith("s") and not low.endswith(("ss", "us", "is", "ous")) and len(low) > 3:
            return n
    return None


def _age_end(sc: Scan, n: int) -> int | None:
    """End of "12-year-old(s)" starting at token ``n``."""
    num = sc.number(n)
    if num is None:
        return None
    a = num[1]
    if (
        sc.low(a) == "-"
        and sc.low(a + 1) in ("year", "month")
        and sc.low(a + 2) == "-"
        and sc.low(a + 3) in ("old", "olds")
    ):
        return a + 4
    return None


def _person_np(sc: Scan, k: int) -> tuple[float, int, str] | None:
    """ "a 12-year-old", "three others", "two women" → (count, index after, unit)."""
    if sc.low(k) in ("a", "an"):
        value, j = 1.0, k + 1
        age = _age_end(sc, j)
    else:
        if _age_end(sc, k) is not None:
            return None  # "the 12-year-old": a reference to someone, not a count
        num = sc.number(k)
        if num is None:
            return None
        value, j = num
        age = _age_end(sc, j)
    if age is not None:
        head = noun_after(sc, age)
        if head is not None and sc.low(head) in PERSON_NOUNS:
            return value, head + 1, person_unit(sc.low(head))
        return value, age, "people"
    if sc.low(j) == "other" and sc.low(j + 1) in PERSON_NOUNS:
        j += 1  # "two other people": "other" is no head, the people are
    head = noun_after(sc, j)
    if head is None or sc.low(head) not in PERSON_NOUNS:
        return None
    if sc.low(head + 1) == "of" and sc.low(head + 2) == "interest":
        return None  # "a person of interest" is someone questioned, not a count of anyone
    return value, head + 1, person_unit(sc.low(head))


def role(sc: Scan, k: int, j: int) -> str | None:
    """ "three people were killed", "killing three people", "a man was shot and killed"."""
    n = j
    if sc.low(n) == "," and sc.low(n + 1) in ("including", "among", "mostly", "all"):
        # "Four people, including two children, were hurt": the aside is not the verb.
        close = next((m for m in range(n + 2, n + 10) if sc.low(m) == ","), None)
        if close is not None:
            n = close + 1
    if sc.low(n) in ("who", "that"):
        n += 1
    if sc.low(n) in _LINKING:
        n += 1
        if sc.low(n) == "been":
            n += 1
        if sc.low(n + 1) == "and" and sc.low(n + 2) in ROLE_WORDS:
            n += 2  # "shot and killed"
        elif sc.low(n) in _ADVERBS:
            n += 1
    if sc.low(n) in ROLE_WORDS:
        return ROLE_WORDS[sc.low(n)]
    _, before = sc.approx_before(k)
    prev = sc.low(before - 1)
    if prev in _VERBS_BEFORE:
        # "had not yet arrested a suspect", "never detained anyone": nobody befell it.
        if any(sc.low(before - d) in _NEGATIONS for d in range(2, 5)):
            return ""
        return ROLE_WORDS.get(prev, "killed")
    return None


def role_count(sc: Scan, j: int) -> str | None:
    """ "12 dead", "three wounded": the people implied by what befell them (token ``j``)."""
    low = sc.low(j)
    if low in ROLE_WORDS and low not in _ACTIVE_ROLES:
        return ROLE_WORDS[low]
    return None


def people_count(sc: Scan, k: int) -> tuple[float, int, str | None] | None:
    """A count of people starting at token ``k``: (total, index after it, unit).

    None when there is none; unit None for a lone "a man" that nothing befell:
    an indefinite person counts nobody worth a fact.
    """
    first = _person_np(sc, k)
    if first is None:
        return None
    total, j, unit = first
    units, parts = {unit}, 1
    head_count, head_end, appos = total, j, sc.low(j) in (",", "-", "—", "–", "(")
    if appos and sc.low(j) != ",":
        j += 1  # "three bank workers - two women and a man -"
    while sc.low(j) in (",", "and") or (appos and parts == 1 and j != head_end):
        nxt = j + (0 if j != head_end and parts == 1 and sc.low(j) not in (",", "and") else
                   1 + (1 if sc.low(j) == "," and sc.low(j + 1) == "and" else 0))
        more = _person_np(sc, nxt)
        if more is None:
            break
        total, j, parts = total + more[0], more[1], parts + 1
        units.add(more[2])
    verb_at = j
    if (appos and parts > 1 and total == 2 * head_count
            and sc.low(j) in (",", "-", "—", "–", ")")):
        # "at least three people, a man and two women, were killed": a list set off by
        # punctuation names the three, it does not add to them.
        total, units, verb_at, j = head_count, {unit}, j + 1, head_end
    befell = role(sc, k, verb_at)
    if befell == "":
        return total, j, None  # negated: "not yet arrested a suspect" counts nobody
    if sc.low(k) in ("a", "an", "one") and parts == 1 and befell is None:
        return total, j, None
    return total, j, befell or (unit if len(units) == 1 else "people")
