"""Cross-document entity linking: all mentions of a story → canonical entities.

Rules, applied in this order (every step iterates in sorted order, so the
result does not depend on the order of the input mentions):

1. **Forms.** Mentions are grouped by the key of their text
   (``names.name_key``: casefolded, diacritics stripped, and for words of five
   letters or more y→i, ck→k, ph→f, doubled letters single), so Zelensky,
   Zelenskiy and Zelenskyy are one form group whatever label NER gave each.
   A small table (``names.ALIASES``) joins US / U.S. / USA / United States,
   UK / Britain, EU, UN and NATO / Nato; nothing else is looked up.
2. **Full names.** A group of two or more capitalised words that is mostly
   tagged PERSON is a full name. Full names with the same first and last word
   are one person ("Donald J. Trump" / "Donald Trump"), and so are full names
   with the same first word whose last words are fuzzy spelling variants
   (``names.similar_words``) as long as no document uses both spellings: one
   article spells one person one way, so two spellings in one article are two
   people. Full names with the same surname whose first names are
   transliterations of each other (``names.similar_given_names``: Oleksandr /
   Olexandr / Aleksandr, Yuri / Yuriy, never John / Jane) merge under the
   same condition.
3. **Short forms.** A group that reads as a surname ("Trump", "von der
   Leyen"), mostly tagged PERSON or ORG, links to the full name whose last
   words it matches (exactly, or for one word, fuzzily as above). With one
   candidate in the whole corpus, every mention links to it. With several
   (two people named Smith), each mention links to the one candidate named
   in its own document, and stays a separate surname entity when its
   document names none or both: unknown beats wrong. A surname with some
   other label ("Tallis's office" tagged NORP) links only to the one person
   of that surname named in every document it occurs in.
4. **First names and ORG heads.** A lone first name ("Anneliese", tagged
   NORP) links to the one full name in the corpus that starts with it, if
   they share a document. A lone ORG word that is the last word of exactly
   one multi-word ORG ("Compact" / "Northern Compact") links to it.
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
   places ("in Congress", ``NOT_PLACES``). Ties go by ``LABEL_ORDER``.
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

from newsprism.crossdoc.names import (
    alias_of,
    block_of,
    name_key,
    similar_given_names,
    similar_words,
)
from newsprism.extract.entities import NAME_PARTICLES, EntityMention
from newsprism.models import Entity, Mention


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PLACE_LABELS = ("GPE", "LOC")
# Labels that a place context does not overrule: they name places already.
PLACE_LIKE = ("GPE", "LOC", "FAC")
# Tie-break between equally voted labels: the more specific reading first.
LABEL_ORDER = ("PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW")
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
    institute company corporation group army navy police service office
    """)
# Not "church" or "temple": "Russian Orthodox Church" is an organisation.
FAC_HEADS = _words("""
    square palace street avenue bridge airport station stadium hall tower harbour harbor
    port base
    """)
# Single-word institutions that take "in" like places ("in Congress") but are not.
NOT_PLACES = _words("""
    congress parliament senate kremlin pentagon duma knesset bundestag cabinet
    government assembly court council
    """)

MentionKey = tuple[str, int, int]


@dataclass
class _Group:
    """Mentions whose texts share one name key."""

    key: str
    words: tuple[str, ...]
    alias: str | None
    mentions: list[EntityMention] = field(default_factory=list)

    @property
    def docs(self) -> frozenset[str]:
        return frozenset(m.document for m in self.mentions)

    def votes(self) -> Counter[str]:
        return _votes(self.mentions)

    def majority(self) -> str:
        return _top(self.votes())

    def is_full_name(self) -> bool:
        first = _surface(self.mentions[0].text).split()[0]
        if self.alias or len(self.words) < 2 or first.lower() in NAME_PARTICLES:
            return False
        return self.majority() == "PERSON"

    def is_short_form(self) -> bool:
        if self.alias or not self.words:
            return False
        first = _surface(self.mentions[0].text).split()[0]
        if len(self.words) > 1 and first.lower() not in NAME_PARTICLES:
            return False
        votes = self.votes()
        personal = votes["PERSON"] + votes["ORG"]
        return personal > 0 and personal > sum(votes.values()) - personal


def _surface(text: str) -> str:
    return " ".join(text.split())


def _votes(mentions: Iterable[EntityMention]) -> Counter[str]:
    votes: Counter[str] = Counter()
    for m in mentions:
        if m.context_place and not m.context_person and m.label not in PLACE_LIKE:
            votes["GPE"] += 1
        elif m.context_person and not m.context_place:
            votes["PERSON"] += 1
        else:
            votes[m.label] += 1
    return votes


def _rank(label: str) -> int:
    return LABEL_ORDER.index(label) if label in LABEL_ORDER else len(LABEL_ORDER)


def _top(votes: Counter[str]) -> str:
    return min(votes, key=lambda lab: (-votes[lab], _rank(lab), lab))


class _UnionFind:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller key wins so that the root does not depend on call order.
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _groups(mentions: Iterable[EntityMention]) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for m in mentions:
        alias = alias_of(m.text)
        words = name_key(m.text)
        key = "=" + alias if alias else " ".join(words)
        if not key:
            continue
        groups.setdefault(key, _Group(key, words, alias)).mentions.append(m)
    for g in groups.values():
        g.mentions.sort(key=lambda m: (m.document, m.start, m.end))
    return groups


def _pairs_in_blocks(
    blocks: dict[tuple[str, ...], list[_Group]],
) -> Iterable[tuple[_Group, _Group]]:
    for block in sorted(blocks):
        members = sorted(blocks[block], key=lambda g: g.key)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                yield a, b


def _merge_full_names(full: list[_Group], uf: _UnionFind) -> None:
    by_ends: dict[tuple[str, ...], list[_Group]] = defaultdict(list)
    by_block: dict[tuple[str, ...], list[_Group]] = defaultdict(list)
    for g in full:
        by_ends[(g.words[0], g.words[-1])].append(g)
        by_block[(g.words[0], block_of(g.words[-1]))].append(g)
    for a, b in _pairs_in_blocks(by_ends):
        uf.union(a.key, b.key)
    for a, b in _pairs_in_blocks(by_block):
        if not (a.docs & b.docs) and similar_words(a.words[-1], b.words[-1]):
            uf.union(a.key, b.key)
    # Same surname, first names transliterated differently (Oleksandr /
    # Olexandr / Aleksandr): one person, unless one article uses both.
    by_last: dict[tuple[str, ...], list[_Group]] = defaultdict(list)
    for g in full:
        by_last[g.words[1:]].append(g)
    for a, b in _pairs_in_blocks(by_last):
        if not (a.docs & b.docs) and similar_given_names(a.words[0], b.words[0]):
            uf.union(a.key, b.key)


def _attach_short_forms(
    groups: dict[str, _Group], full: list[_Group], uf: _UnionFind
) -> dict[MentionKey, str]:
    """Link surnames to full names; returns per-mention links for ambiguous surnames."""
    cluster_docs: dict[str, set[str]] = defaultdict(set)
    by_suffix: dict[tuple[str, ...], set[str]] = defaultdict(set)
    by_block: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for g in full:
        root = uf.find(g.key)
        cluster_docs[root] |= g.docs
        for n in range(1, len(g.words)):
            by_suffix[g.words[-n:]].add(root)
        by_block[block_of(g.words[-1])].add((g.words[-1], root))
    links: dict[MentionKey, str] = {}
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
                if g.docs <= cluster_docs[root]:
                    uf.union(g.key, root)
            continue
        roots = set(by_suffix.get(g.words, ()))
        if not roots and len(g.words) == 1:
            roots = {
                root
                for last, root in by_block.get(block_of(g.words[0]), ())
                if similar_words(g.words[0], last) and not (g.docs & cluster_docs[root])
            }
        if len(roots) == 1:
            uf.union(g.key, roots.pop())
            continue
        for m in g.mentions:
            local = sorted(r for r in roots if m.document in cluster_docs[r])
            if len(local) == 1:
                links[(m.document, m.start, m.end)] = local[0]
    return links


def _attach_first_names(groups: dict[str, _Group], full: list[_Group], uf: _UnionFind) -> None:
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


def _attach_org_short_forms(groups: dict[str, _Group], uf: _UnionFind) -> set[str]:
    """Link "Compact" to "Northern Compact": the head word of one multi-word ORG.

    Returns the keys of the multi-word ORG groups, whose forms name the entity.
    """
    long_orgs = [
        g
        for k, g in sorted(groups.items())
        if len(g.words) > 1 and not g.alias and g.majority() == "ORG" and not g.is_full_name()
    ]
    by_head: dict[str, set[str]] = defaultdict(set)
    for g in long_orgs:
        by_head[g.words[-1]].add(uf.find(g.key))
    sizes = Counter(uf.find(k) for k in groups)
    for key in sorted(groups):
        g = groups[key]
        if len(g.words) != 1 or g.alias or g.majority() != "ORG" or sizes[uf.find(key)] > 1:
            continue
        roots = by_head.get(g.words[0], set())
        if len(roots) == 1:
            uf.union(key, next(iter(roots)))
    return {g.key for g in long_orgs}


def _merge_leftover_surnames(groups: dict[str, _Group], full: list[_Group], uf: _UnionFind) -> None:
    named = {uf.find(g.key) for g in full}
    blocks: dict[tuple[str, ...], list[_Group]] = defaultdict(list)
    for key in sorted(groups):
        g = groups[key]
        if len(g.words) == 1 and not g.alias and uf.find(key) not in named:
            blocks[(g.majority(), block_of(g.words[0]))].append(g)
    for a, b in _pairs_in_blocks(blocks):
        if not (a.docs & b.docs) and similar_words(a.words[0], b.words[0]):
            uf.union(a.key, b.key)


def _entity_type(mentions: list[EntityMention], personal: bool, name: str, alias: bool) -> str:
    if personal:
        return "PERSON"
    words = name.lower().split()
    if not alias and len(words) > 1:
        if words[-1] in ORG_HEADS:
            return "ORG"
        if words[-1] in FAC_HEADS:
            return "FAC"
    votes = _votes(mentions)
    top = _top(votes)
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


def _best(forms: Counter[str]) -> str:
    return min(forms, key=lambda f: (-forms[f], -len(f.split()), f))


@dataclass
class _Cluster:
    mentions: list[EntityMention] = field(default_factory=list)
    full_forms: Counter[str] = field(default_factory=Counter)
    # Multi-word ORG names that short forms linked to ("Northern Compact").
    long_forms: Counter[str] = field(default_factory=Counter)
    alias: str | None = None

    def name(self) -> str:
        if self.alias:
            return self.alias
        if self.full_forms:
            return _best(self.full_forms)
        if self.long_forms:
            return _best(self.long_forms)
        return _best(Counter(_surface(m.text) for m in self.mentions))

    def absorb(self, other: _Cluster) -> None:
        self.mentions.extend(other.mentions)
        self.full_forms.update(other.full_forms)
        self.long_forms.update(other.long_forms)
        self.alias = self.alias or other.alias


def _valid(mentions: Iterable[EntityMention], texts: dict[str, str]) -> list[EntityMention]:
    """Mentions whose span still cuts their text (a mention of a missing document is kept)."""
    out = []
    for m in mentions:
        text = texts.get(m.document)
        if text is None or (0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text):
            out.append(m)
    return out


def _mention_order(m: EntityMention) -> tuple[str, int, int, str]:
    return (m.document, m.start, m.end, m.label)


def link_entities(mentions: list[EntityMention], texts: dict[str, str]) -> list[Entity]:
    """Canonical entities over all documents (rules in the module docstring)."""
    unique = sorted(
        set(_valid(mentions, texts)), key=lambda m: (m.document, m.start, m.end, m.label)
    )
    groups = _groups(unique)
    uf = _UnionFind(groups)
    full = [groups[k] for k in sorted(groups) if groups[k].is_full_name()]
    _merge_full_names(full, uf)
    links = _attach_short_forms(groups, full, uf)
    _attach_first_names(groups, full, uf)
    long_orgs = _attach_org_short_forms(groups, uf)
    _merge_leftover_surnames(groups, full, uf)

    clusters: dict[str, _Cluster] = defaultdict(_Cluster)
    for key in sorted(groups):
        g = groups[key]
        full_name = g.is_full_name()
        for m in g.mentions:
            root = uf.find(links.get((m.document, m.start, m.end), key))
            cluster = clusters[root]
            cluster.mentions.append(m)
            if full_name:
                cluster.full_forms[_surface(m.text)] += 1
            elif key in long_orgs:
                cluster.long_forms[_surface(m.text)] += 1
        if g.alias:
            clusters[uf.find(key)].alias = g.alias

    by_name: dict[str, _Cluster] = {}
    for root in sorted(clusters):
        cluster = clusters[root]
        name = cluster.name()
        if name in by_name:
            by_name[name].absorb(cluster)
        else:
            by_name[name] = cluster
    return sorted(
        (_entity(name, c) for name, c in by_name.items()),
        key=lambda e: (-len(e.mentions), e.name, e.id),
    )


def _entity(name: str, cluster: _Cluster) -> Entity:
    kind = _entity_type(cluster.mentions, bool(cluster.full_forms), name, bool(cluster.alias))
    digest = hashlib.sha256(f"{kind}\x1f{name}".encode()).hexdigest()[:12]
    spans = sorted({(m.document, m.start, m.end) for m in cluster.mentions})
    aliases = sorted({_surface(m.text) for m in cluster.mentions} - {name})
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
