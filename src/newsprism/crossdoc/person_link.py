"""Which name groups are one person: full names across outlets, surnames in their story.

Two steps of ``crossdoc.link``, kept here because they carry the rules that
decide who is who:

**Full names** (``merge_full_names``). Full names with the same surname key
join when ``persons.same_person`` fits them to one person: the same given name,
a nickname (Chuck / Charles), a transliteration (Oleksandr / Aleksandr), an
initial ("J. Smith"), compatible middle initials, and a generational suffix
("Roger J. Stone Jr." / "Roger Stone"). A name joins a person only when it
fits every name already in that person, and only when it fits exactly one
person: "J. Smith" in a story with John and Jane Smith joins neither. Two
spellings, two given names or a suffixed and a plain name in one article are
two people (a father and his son; the article would not switch forms).
Surnames that are fuzzy spelling variants join when the given names are equal
and no article uses both spellings (Zelensky / Zelenskyy).

**Surnames** (``attach_short_forms``). A mention that is a surname ("Trump",
"Mr. Trump", "President Trump") goes to the person its document names in full
with that surname, else to the one such person in the story. Among several,
the words before the mention choose (``persons.mention_cue``): an honorific's
or role's gender ("Mr." is not Melania Trump) and a title the person carries
elsewhere ("President Trump"); a relative the document calls by first name
alone ("Melania") is not the bare surname either. Where that still leaves
several, the mention is **unresolved**: it is reported with its candidates and
joins no entity. Unknown beats wrong.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from newsprism.crossdoc.link_groups import (
    PLACE_LABELS,
    Group,
    MentionKey,
    UnionFind,
    pairs_in_blocks,
)
from newsprism.crossdoc.names import block_of, similar_words
from newsprism.crossdoc.persons import Cue, mention_cue, name_gender, same_person
from newsprism.extract.entities import EntityMention


def _fits(g: Group, members: list[Group]) -> bool:
    for h in members:
        if not same_person(g.person, h.person):
            return False
        shared = bool(g.docs & h.docs)
        if shared and g.person.given != h.person.given:
            return False  # one article, two given names: two people
        if shared and bool(g.person.suffix) != bool(h.person.suffix):
            return False  # "Donald Trump" and "Donald Trump Jr." side by side
    return True


def merge_full_names(full: list[Group], uf: UnionFind) -> None:
    """Join full-name groups that name one person (rules in the module docstring)."""
    by_block: dict[tuple[str, ...], list[Group]] = defaultdict(list)
    for g in full:
        by_block[(g.person.given, block_of(g.person.surname))].append(g)
    for a, b in pairs_in_blocks(by_block):
        if a.person.surname == b.person.surname or a.docs & b.docs:
            continue
        if a.person.suffix == b.person.suffix and similar_words(a.person.surname, b.person.surname):
            uf.union(a.key, b.key)
    by_surname: dict[str, list[Group]] = defaultdict(list)
    for g in full:
        by_surname[g.person.surname].append(g)
    for surname in sorted(by_surname):
        # Full given names first, the most widely used first: an initial or a
        # variant then joins the person it fits, never founds one by accident.
        forms = sorted(
            by_surname[surname],
            key=lambda g: (g.person.given_initial, -len(g.docs), -len(g.mentions), g.key),
        )
        people: list[list[Group]] = []
        for g in forms:
            fits = [p for p in people if _fits(g, p)]
            if len(fits) == 1:
                fits[0].append(g)
                uf.union(g.key, fits[0][0].key)
            elif not fits:
                people.append([g])


@dataclass
class _Person:
    docs: set[str] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    # Documents that call this person by the given name alone ("Melania").
    first_name_docs: set[str] = field(default_factory=set)

    @property
    def gender(self) -> str:
        return next(iter(self.genders)) if len(self.genders) == 1 else ""


def _people(
    groups: dict[str, Group], full: list[Group], uf: UnionFind, texts: dict[str, str]
) -> dict[str, _Person]:
    people: dict[str, _Person] = defaultdict(_Person)
    givens: dict[str, set[str]] = defaultdict(set)
    for g in full:
        root = uf.find(g.key)
        person = people[root]
        person.docs |= g.docs
        gender = name_gender(g.person.given_plain) if not g.person.given_initial else ""
        if gender:
            person.genders.add(gender)
        for m in g.mentions:
            cue = _cue(m, texts)
            if cue.gender:
                person.genders.add(cue.gender)
            person.titles |= cue.titles
        if not g.person.given_initial:
            givens[g.person.given].add(root)
    for key in sorted(groups):
        g = groups[key]
        if len(g.words) == 1 and not g.alias and g.majority() not in PLACE_LABELS:
            for root in givens.get(g.words[0], ()):
                people[root].first_name_docs |= g.docs
    return people


def _cue(m: EntityMention, texts: dict[str, str]) -> Cue:
    text = texts.get(m.document)
    return mention_cue(text, m.start) if text is not None else Cue()


def _choose(cue: Cue, doc: str, roots: list[str], people: dict[str, _Person]) -> list[str]:
    """The candidates left after the cues; one means resolved."""
    left = [r for r in roots if not (cue.gender and people[r].gender not in ("", cue.gender))]
    if cue.gender:
        # A person known to be of the cue's gender fits better than one of
        # unknown gender ("Mrs. Voss" after "his wife, Mira Voss").
        known = [r for r in left if people[r].gender == cue.gender]
        left = known or left
    if cue.titles:
        titled = [r for r in left if people[r].titles & cue.titles]
        left = titled or left
    if len(left) > 1:
        # "Melania" in this article: the bare surname is the other Trump.
        plain = [r for r in left if doc not in people[r].first_name_docs]
        left = plain if len(plain) == 1 else left
    return left


@dataclass
class ShortForms:
    """Per-mention links of surnames, and the mentions left unresolved."""

    links: dict[MentionKey, str] = field(default_factory=dict)
    # mention → the roots it could name (two or more).
    unresolved: dict[MentionKey, tuple[str, ...]] = field(default_factory=dict)
    # Display names of people known by surname and honorific only ("Mrs. Smith").
    names: dict[str, str] = field(default_factory=dict)


def attach_short_forms(
    groups: dict[str, Group], full: list[Group], uf: UnionFind, texts: dict[str, str]
) -> ShortForms:
    """Link surnames to full names (rules in the module docstring)."""
    people = _people(groups, full, uf, texts)
    by_suffix: dict[tuple[str, ...], set[str]] = defaultdict(set)
    by_block: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for g in full:
        root = uf.find(g.key)
        words = g.words[: len(g.words) - 1] if g.person.suffix else g.words
        for n in range(1, len(words)):
            by_suffix[words[-n:]].add(root)
        by_block[block_of(g.person.surname)].add((g.person.surname, root))
    out = ShortForms()
    for key in sorted(groups):
        g = groups[key]
        if g.is_full_name() or g.alias:
            continue
        if not g.is_short_form():
            # Mistagged surnames ("Tallis's office" as NORP) link only to the one
            # person whose full name every one of their documents carries.
            exact = by_suffix.get(g.words, set())
            if len(exact) == 1 and g.majority() not in PLACE_LABELS:
                (root,) = exact
                if g.docs <= people[root].docs:
                    uf.union(g.key, root)
            continue
        roots = set(by_suffix.get(g.words, ()))
        if not roots and len(g.words) == 1:
            roots = {
                root
                for last, root in by_block.get(block_of(g.words[0]), ())
                if similar_words(g.words[0], last) and not (g.docs & people[root].docs)
            }
        if roots:
            _resolve_group(g, sorted(roots), people, texts, uf, out)
        else:
            _split_by_honorific(g, texts, uf, out)
    return out


_HONORIFIC_NAME = {"m": "Mr.", "f": "Ms."}


def _split_by_honorific(g: Group, texts: dict[str, str], uf: UnionFind, out: ShortForms) -> None:
    """ "Mr. Smith" and "Mrs. Smith" with no full name anywhere are two people.

    The surname alone stays one entity unless the story gives it both a man's
    and a woman's honorific or title. Then each gendered mention joins its
    person ("Mr. Smith", "Ms. Smith"); a bare "Smith" joins the one gender its
    document uses, and stays unresolved where its document uses both or none.
    """
    cues = {(m.document, m.start, m.end): _cue(m, texts).gender for m in g.mentions}
    genders = {c for c in cues.values() if c}
    if len(genders) < 2:
        return
    roots: dict[str, str] = {}
    for gender in sorted(genders):
        key = f"{g.key}\x1f{gender}"
        uf.parent.setdefault(key, key)
        roots[gender] = key
        out.names[key] = f"{_HONORIFIC_NAME[gender]} {surface_of(g)}"
    by_doc: dict[str, set[str]] = defaultdict(set)
    for (doc, _, _), gender in cues.items():
        if gender:
            by_doc[doc].add(gender)
    for mkey, gender in sorted(cues.items()):
        seen = by_doc.get(mkey[0], set())
        if gender:
            out.links[mkey] = roots[gender]
        elif len(seen) == 1:
            out.links[mkey] = roots[next(iter(seen))]
        else:
            out.unresolved[mkey] = tuple(sorted(roots.values()))


def surface_of(g: Group) -> str:
    words = g.mentions[0].text.split()
    return words[-1] if words else g.key


def _resolve_group(
    g: Group,
    roots: list[str],
    people: dict[str, _Person],
    texts: dict[str, str],
    uf: UnionFind,
    out: ShortForms,
) -> None:
    chosen: dict[MentionKey, str] = {}
    for m in g.mentions:
        mkey = (m.document, m.start, m.end)
        cue = _cue(m, texts)
        local = [r for r in roots if m.document in people[r].docs]
        left = _choose(cue, m.document, local, people) if local else []
        if not left:
            # Nobody named here fits ("Mr. Trump" where only Melania Trump is
            # named in full): the story's people of that surname decide.
            left = _choose(cue, m.document, roots, people)
        if len(left) == 1:
            chosen[mkey] = left[0]
        elif len(left) > 1:
            out.unresolved[mkey] = tuple(left)
    targets = set(chosen.values())
    if len(targets) == 1 and len(chosen) == len(g.mentions):
        uf.union(g.key, targets.pop())
    else:
        out.links.update(chosen)
