"""Cross-document entity linking: all mentions of a story → canonical entities.

Rules, applied in this order (every step iterates in sorted order, so the
result does not depend on the order of the input mentions):

1. **Forms.** Mentions are grouped by the key of their text
   (``names.name_key``: casefolded, diacritics stripped, and for words of five
   letters or more y→i, ck→k, ph→f, doubled letters single), so Zelensky,
   Zelenskiy and Zelenskyy are one form group whatever label NER gave each.
   Leading titles are not part of the key ("Mr. Trump" typed ORG keys as
   "Trump"), nor are company forms of an ORG ("Ford Motor Co." and "Ford Motor
   Company"). A small table (``names.ALIASES``) joins US / U.S. / USA /
   United States / America, UK / Britain, EU, UN and NATO / Nato, and a
   demonym tagged NORP or GPE ("American", ``names.DEMONYMS``) joins its
   country; nothing else is looked up.
2. **Full names** (``person_link.merge_full_names``). A group of two or more
   capitalised words mostly tagged PERSON is a full name, unless it ends in a
   newspaper, institution or street word ("Washington Post"). Full names join
   on full-name compatibility (``persons.same_person``): the same given name,
   a nickname from the ``nicknames`` table (Chuck / Charles), a
   transliteration (Oleksandr / Aleksandr), an initial, compatible middle
   initials, a generational suffix ("Roger J. Stone Jr." / "Roger Stone").
   A name joins a person only when it fits every name of that person and
   exactly one person; two given names or two spellings in one article are
   two people. Surnames that are fuzzy spelling variants join when the given
   names are equal and no article uses both.
3. **Short forms** (``person_link.attach_short_forms``). A surname mention
   goes to the person its document names in full with that surname, else to
   the one such person of the story; among several, the honorific or title
   before it decides ("Mr." is not Melania Trump, "President Trump" is the
   one called President), and a relative called by first name in that
   document is not the bare surname. Otherwise the mention is **unresolved**
   (``Linked.unresolved``: its candidates) and joins no entity. A surname
   with no full name anywhere that carries both a man's and a woman's
   honorific is two people ("Mr. Smith", "Ms. Smith"). A surname with some
   other label ("Tallis's office" tagged NORP) links only to the one person
   of that surname named in every document it occurs in.
4. **First names, acronyms and ORG heads.** A lone first name ("Anneliese",
   tagged NORP) links to the one full name in the corpus that starts with it,
   if they share a document. An all-capitals ORG links to the one multi-word
   ORG it abbreviates ("GAO", "GM"). A lone ORG word links to the one
   multi-word ORG it heads ("House" → "House of Representatives") or, failing
   that, ends ("Compact" / "Northern Compact"); "House" never ends "White
   House".
5. **Leftover surnames.** Single-word groups with the same majority label
   that are fuzzy spelling variants and never share a document merge
   ("Marchenko" / "Martchenko").
6. **Type.** An entity with a full personal name is PERSON (so "Trump"
   tagged ORG by the small model still counts as the person). A multi-word
   name ending in an organisation word ("Civic Bloc", ``ORG_HEADS``) is ORG,
   one ending in a facility word ("Unity Square", ``FAC_HEADS``) FAC.
   Otherwise the labels of all its mentions vote, a mention in a place-only
   context (``EntityMention.context_place``: "in Luhansk", "cede Donetsk",
   "the Donbas region", "Norway's prime minister") voting GPE unless NER
   already called it a place or facility, and a mention in a person-only
   context (``context_person``: "President Reyes", "Oresh, who …") voting
   PERSON. When PERSON still wins but place votes reach a quarter of the
   PERSON votes, the entity is a place (GPE, or LOC when LOC votes beat GPE):
   people do not get tagged as places by accident as often as places as
   people. A single-word ORG flips to a place at ``ORG_PLACE_SHARE``: NER
   tags unknown one-word names ORG by default. Neither flip happens when any
   mention has person-only context, or for institutions that take "in" like
   places ("in Congress", ``NOT_PLACES``). Ties go by ``LABEL_ORDER``. A
   one-word ORG that GeoNames knows as a country or a large city
   (``extract.gazetteer``) is a place; a country from the alias table is GPE.
7. **Name.** The alias-table name if there is one; else the most frequent
   full-name spelling; else the most frequent multi-word ORG form a short
   form linked to; else the most frequent form (ties: the fuller form with
   more words, then alphabetical). Aliases are the other
   surface forms. Entities that end up with the same name are merged. The id
   hashes type and name.

Entities are sorted by (-mention count, name, id). Comparisons run over
distinct forms inside blocks (same first and last word, or the same first two
letters), never over all pairs of mentions.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsprism.crossdoc.link_groups import (
    PLACE_LABELS,
    Group,
    MentionKey,
    UnionFind,
    build_groups,
    key_text,
    pairs_in_blocks,
    surface,
    top_label,
    votes_of,
)
from newsprism.crossdoc.names import DEMONYMS, block_of, similar_words
from newsprism.crossdoc.person_link import attach_short_forms, merge_full_names
from newsprism.extract.entities import EntityMention
from newsprism.extract.gazetteer import place_names
from newsprism.models import Entity, Mention

__all__ = ["Linked", "MentionKey", "entity_index", "link_entities", "link_story"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Place votes needed, as a share of PERSON votes, to call a PERSON-voted name a place.
PLACE_SHARE = 0.25
# Place votes needed, as a share of ORG votes, to call an ORG-voted single word a
# place ("the Dravik region", "officials in Sarn"): NER tags unknown one-word
# names ORG by default, so context outweighs the label sooner than for PERSON.
ORG_PLACE_SHARE = 0.3
# Last words that make a multi-word name an organisation ("Civic Bloc") or a
# facility ("Unity Square") whatever the label votes say.
ORG_HEADS = _words("""
    bloc party union council compact alliance ministry committee front movement coalition
    bank agency commission parliament assembly court league federation association
    institute company corporation group army navy police service office post times
    journal herald tribune gazette telegraph bureau department administration university
    foundation airlines airways
    """)
# Not "church" or "temple": "Russian Orthodox Church" is an organisation.
FAC_HEADS = _words("""
    square palace street avenue bridge airport station stadium hall tower harbour harbor
    port base road boulevard
    """)
# Single-word institutions that take "in" like places ("in Congress") but are not.
NOT_PLACES = _words("""
    congress parliament senate kremlin pentagon duma knesset bundestag cabinet
    government assembly court council
    """)

# Table names that are countries: an entity named so is a place, however many
# of its mentions were demonyms tagged NORP ("American officials").
COUNTRIES = frozenset(DEMONYMS.values()) | {"United States", "United Kingdom"}
# Lone words that are never the head of a longer ORG of the story: "the House"
# is the House of Representatives (or Commons), not the White House.
NOT_HEADS = _words("house")
# Words an acronym skips ("Government Accountability Office" → GAO).
_ACRONYM_SKIP = _words("of the and for & de")


def _attach_first_names(groups: dict[str, Group], full: list[Group], uf: UnionFind) -> None:
    """Link a lone first name ("Anneliese") to the one full name that starts with it.

    Only when exactly one person in the corpus has that first name, and the
    lone name shares a document with that person: a first name alone is weak
    evidence, so it never links across documents that do not name the person.
    """
    named = {uf.find(g.key) for g in full}
    by_first: dict[str, set[str]] = defaultdict(set)
    for g in full:
        by_first[g.words[0]].add(uf.find(g.key))
    # Documents of each person, counting those that name them by surname only.
    cluster_docs: dict[str, set[str]] = defaultdict(set)
    for key in sorted(groups):
        cluster_docs[uf.find(key)] |= groups[key].docs
    for key in sorted(groups):
        g = groups[key]
        if len(g.words) != 1 or g.alias or uf.find(key) in named:
            continue
        roots = by_first.get(g.words[0], set())
        if len(roots) != 1 or g.majority() in PLACE_LABELS:
            continue
        (root,) = roots
        if g.docs & cluster_docs[root]:
            uf.union(key, root)


def _attach_org_short_forms(groups: dict[str, Group], uf: UnionFind) -> set[str]:
    """Link "Compact" to "Northern Compact", "House" to "House of Representatives".

    A lone ORG word links to the one multi-word ORG that it heads ("X of …") or
    ends with. Returns the keys of the multi-word ORG groups, whose forms name
    the entity.
    """
    long_orgs = [
        g
        for k, g in sorted(groups.items())
        if len(g.words) > 1 and not g.alias and g.majority() == "ORG" and not g.is_full_name()
    ]
    by_head: dict[str, set[str]] = defaultdict(set)
    by_of: dict[str, set[str]] = defaultdict(set)
    for g in long_orgs:
        by_head[g.words[-1]].add(uf.find(g.key))
        if len(g.words) > 2 and g.words[1] == "of":
            by_of[g.words[0]].add(uf.find(g.key))
    sizes = Counter(uf.find(k) for k in groups)
    for key in sorted(groups):
        g = groups[key]
        if len(g.words) != 1 or g.alias or g.majority() != "ORG" or sizes[uf.find(key)] > 1:
            continue
        roots = by_of.get(g.words[0], set())
        if not roots and g.words[0] not in NOT_HEADS:
            roots = by_head.get(g.words[0], set())
        if len(roots) == 1:
            uf.union(key, next(iter(roots)))
    return {g.key for g in long_orgs}


def _initials(g: Group) -> str:
    words = [w for w in key_text(g.mentions[0]).split() if w.lower() not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words if w[:1].isupper())


def _attach_acronyms(groups: dict[str, Group], uf: UnionFind) -> None:
    """Link an all-capitals ORG ("GAO") to the one multi-word ORG it abbreviates."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key in sorted(groups):
        g = groups[key]
        if len(g.words) > 1 and not g.alias and g.majority() == "ORG":
            by_initials[_initials(g)].add(uf.find(key))
    for key in sorted(groups):
        g = groups[key]
        text = g.mentions[0].text
        if len(g.words) != 1 or g.alias or not (2 <= len(text) <= 6) or not text.isupper():
            continue
        roots = by_initials.get(text, set())
        if len(roots) == 1 and g.majority() in ("ORG", "GPE", "LOC"):
            uf.union(key, next(iter(roots)))


def _merge_leftover_surnames(groups: dict[str, Group], full: list[Group], uf: UnionFind) -> None:
    named = {uf.find(g.key) for g in full}
    blocks: dict[tuple[str, ...], list[Group]] = defaultdict(list)
    for key in sorted(groups):
        g = groups[key]
        if len(g.words) == 1 and not g.alias and uf.find(key) not in named:
            blocks[(g.majority(), block_of(g.words[0]))].append(g)
    for a, b in pairs_in_blocks(blocks):
        if not (a.docs & b.docs) and similar_words(a.words[0], b.words[0]):
            uf.union(a.key, b.key)


def _entity_type(mentions: list[EntityMention], personal: bool, name: str, alias: bool) -> str:
    if personal:
        return "PERSON"
    if alias and name in COUNTRIES:
        return "GPE"
    words = name.lower().split()
    if not alias and len(words) > 1:
        if words[-1] in ORG_HEADS:
            return "ORG"
        if words[-1] in FAC_HEADS:
            return "FAC"
    votes = votes_of(mentions)
    top = top_label(votes)
    places = sum(votes[lab] for lab in PLACE_LABELS)
    # A mention read as a person ("President Reyes", "Oresh, who …") forbids
    # turning the name into a place, whatever the prepositions around it say.
    if not places or any(m.context_person for m in mentions):
        return top
    place = "LOC" if votes["LOC"] > votes["GPE"] else "GPE"
    if top == "PERSON" and places >= PLACE_SHARE * votes["PERSON"]:
        return place
    single = len(words) == 1 and not alias and words[0] not in NOT_PLACES
    if top == "ORG" and single and places >= ORG_PLACE_SHARE * votes["ORG"]:
        return place
    return top


def _gazetteer_type(mentions: list[EntityMention], name: str, kind: str, alias: bool) -> str:
    """A one-word name NER called an organisation that GeoNames knows as a place is a place.

    The small model tags unknown one-word names ORG by default ("Kharkiv",
    "Sumy"); a mention read as a person forbids the change.
    """
    if kind != "ORG" or alias or " " in name or name.lower() in NOT_PLACES:
        return kind
    if any(m.context_person for m in mentions) or name not in place_names():
        return kind
    return "GPE"


def _best(forms: Counter[str]) -> str:
    return min(forms, key=lambda f: (-forms[f], -len(f.split()), f))


@dataclass
class _Cluster:
    mentions: list[EntityMention] = field(default_factory=list)
    full_forms: Counter[str] = field(default_factory=Counter)
    # Multi-word ORG names that short forms linked to ("Northern Compact").
    long_forms: Counter[str] = field(default_factory=Counter)
    alias: str | None = None
    roots: set[str] = field(default_factory=set)

    def name(self) -> str:
        if self.alias:
            return self.alias
        if self.full_forms:
            return _best(self.full_forms)
        if self.long_forms:
            return _best(self.long_forms)
        return _best(Counter(surface(m.text) for m in self.mentions))

    def absorb(self, other: _Cluster) -> None:
        self.mentions.extend(other.mentions)
        self.full_forms.update(other.full_forms)
        self.long_forms.update(other.long_forms)
        self.alias = self.alias or other.alias
        self.roots |= other.roots


def _valid(mentions: Iterable[EntityMention], texts: dict[str, str]) -> list[EntityMention]:
    """Mentions whose span still cuts their text (a mention of a missing document is kept)."""
    out = []
    for m in mentions:
        text = texts.get(m.document)
        if text is None or (0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text):
            out.append(m)
    return out


@dataclass(frozen=True)
class Linked:
    """The story's entities, and the mentions that stay unresolved.

    ``unresolved`` maps ``(document, start, end)`` of a mention that could name
    several people ("Trump" where Donald and Melania Trump are both named and no
    cue tells them apart) to the ids of those entities, sorted. Such a mention
    belongs to no entity.
    """

    entities: list[Entity]
    unresolved: dict[MentionKey, tuple[str, ...]]


def link_entities(mentions: list[EntityMention], texts: dict[str, str]) -> list[Entity]:
    """Canonical entities over all documents (rules in the module docstring)."""
    return link_story(mentions, texts).entities


def link_story(mentions: list[EntityMention], texts: dict[str, str]) -> Linked:
    """Canonical entities over all documents, with the unresolved mentions."""
    unique = sorted(
        set(_valid(mentions, texts)), key=lambda m: (m.document, m.start, m.end, m.label)
    )
    groups = build_groups(unique)
    uf = UnionFind(groups)
    full = [groups[k] for k in sorted(groups) if groups[k].is_full_name()]
    merge_full_names(full, uf)
    short = attach_short_forms(groups, full, uf, texts)
    _attach_first_names(groups, full, uf)
    # An acronym ("GM" for General Motors) is stronger evidence than a shared
    # head word ("GM" ending "New GM"), so it goes first.
    _attach_acronyms(groups, uf)
    long_orgs = _attach_org_short_forms(groups, uf)
    _merge_leftover_surnames(groups, full, uf)

    clusters: dict[str, _Cluster] = defaultdict(_Cluster)
    for key in sorted(groups):
        g = groups[key]
        full_name = g.is_full_name()
        for m in g.mentions:
            mkey = (m.document, m.start, m.end)
            if mkey in short.unresolved:
                continue
            root = uf.find(short.links.get(mkey, key))
            cluster = clusters[root]
            cluster.roots.add(root)
            cluster.mentions.append(m)
            if full_name:
                cluster.full_forms[surface(m.text)] += 1
            elif key in long_orgs:
                cluster.long_forms[surface(m.text)] += 1
        if g.alias:
            clusters[uf.find(key)].alias = g.alias
            clusters[uf.find(key)].roots.add(uf.find(key))

    by_name: dict[str, _Cluster] = {}
    for root in sorted(clusters):
        cluster = clusters[root]
        if not cluster.mentions:
            continue
        name = short.names.get(root) or cluster.name()
        if name in by_name:
            by_name[name].absorb(cluster)
        else:
            by_name[name] = cluster
    entities: list[Entity] = []
    id_of_root: dict[str, str] = {}
    for name, cluster in by_name.items():
        entity = _entity(name, cluster)
        entities.append(entity)
        for root in cluster.roots:
            id_of_root[root] = entity.id
    entities.sort(key=lambda e: (-len(e.mentions), e.name, e.id))
    unresolved: dict[MentionKey, tuple[str, ...]] = {}
    for mkey, roots in sorted(short.unresolved.items()):
        ids = sorted({id_of_root[r] for r in (uf.find(x) for x in roots) if r in id_of_root})
        if len(ids) > 1:
            unresolved[mkey] = tuple(ids)
    return Linked(entities, unresolved)


def _entity(name: str, cluster: _Cluster) -> Entity:
    kind = _entity_type(cluster.mentions, bool(cluster.full_forms), name, bool(cluster.alias))
    kind = _gazetteer_type(cluster.mentions, name, kind, bool(cluster.alias))
    digest = hashlib.sha256(f"{kind}\x1f{name}".encode()).hexdigest()[:12]
    spans = sorted({(m.document, m.start, m.end) for m in cluster.mentions})
    aliases = sorted({surface(m.text) for m in cluster.mentions} - {name})
    return Entity(
        id="e-" + digest,
        name=name,
        type=kind,
        aliases=aliases,
        mentions=[Mention(document=d, span=(s, e)) for d, s, e in spans],
    )


def entity_index(entities: Iterable[Entity]) -> dict[MentionKey, str]:
    """``(document, start, end)`` of every mention → the id of its entity."""
    return {(m.document, m.span[0], m.span[1]): e.id for e in entities for m in e.mentions}
