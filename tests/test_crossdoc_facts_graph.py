"""The claim graph on hand-made propositions: alignment, status, attribution, background."""

from __future__ import annotations

from newsprism.crossdoc.graph import build_facts, source_keys, voices
from newsprism.crossdoc.graph.anchor import background_claims, story_year
from newsprism.extract.claims import ExtractedClaim, claim_id
from newsprism.extract.propositions import Proposition
from newsprism.models import Document, Entity, Fact, Mention, Slot

NAMES = {"e-ana": ("Ana Lind", "PERSON"), "e-bo": ("Bo Kern", "PERSON"),
         "e-cy": ("Cy Marsh", "PERSON"), "e-pact": ("Pact", "ORG")}


def _doc(n: int, outlet: str | None = None, authors: tuple[str, ...] = (),
         published: str | None = None) -> Document:
    return Document(id=f"d-{n}", input=f"in{n}.txt", text="x" * 500, outlet=outlet or f"o{n}",
                    authors=list(authors), published=published)


class _Story:
    """Claims with one proposition each; entity mentions indexed as linking would."""

    def __init__(self) -> None:
        self.claims: list[ExtractedClaim] = []
        self.index: dict[tuple[str, int, int], str] = {}

    def add(self, doc: int, text: str, pclass: str, agent: str | None = None,
            theme: str | None = None, theme_entity: str | None = None, negated: bool = False,
            modality: str = "happened", parties: tuple[str, ...] = (),
            speaker: str | None = None, slots: tuple[Slot, ...] = ()) -> ExtractedClaim:
        doc_id = f"d-{doc}"
        start = 100 * len([c for c in self.claims if c.document == doc_id])
        span = (start, start + 60)

        def ref(ent: str | None, k: int) -> tuple[int, int] | None:
            if ent is None:
                return None
            r = (start + 2 * k, start + 2 * k + 1)
            self.index[(doc_id, *r)] = ent
            return r

        party_refs = tuple(r for k, p in enumerate(parties) if (r := ref(p, 10 + k)))
        prop = Proposition(
            predicate=pclass, pclass=pclass, polarity="negated" if negated else "affirmed",
            modality=modality, agent=NAMES[agent][0] if agent else None,
            agent_ref=ref(agent, 1), theme=theme, theme_ref=ref(theme_entity, 2),
            label=text, reported=speaker is not None, parties=party_refs,
        )
        claim = ExtractedClaim(
            id=claim_id(doc_id, span, text), document=doc_id, span=span, text=text,
            hedged=False, slots=slots, speaker_ref=ref(speaker, 3), mentions=(),
            subject_ref=None, heads=(None,) * len(slots), predicate=pclass, object_lemma=theme,
            negated=negated, future=modality == "planned", lemmas=tuple(text.lower().split()),
            position=len(self.claims), propositions=(prop,),
        )
        self.claims.append(claim)
        return claim

    def facts(self, docs: list[Document]) -> list[Fact]:
        entities = [Entity(id=e, name=n, type=t, mentions=[Mention(document="d-1", span=(0, 1))])
                    for e, (n, t) in NAMES.items()]
        return build_facts(self.claims, docs, self.index, entities)


def _statements(facts: list[Fact]) -> list[Fact]:
    return [f for f in facts if f.kind == "statement"]


def test_crossdoc_facts_graph_same_statement_from_two_outlets_is_corroborated() -> None:
    s = _Story()
    s.add(1, "Ana Lind and Bo Kern met in the capital on Tuesday.", "meet",
          parties=("e-ana", "e-bo"))
    s.add(2, "Bo Kern met Ana Lind in the capital on Tuesday for talks.", "meet",
          parties=("e-bo", "e-ana"))
    s.add(3, "Ana Lind will meet Cy Marsh in the capital next week.", "meet",
          modality="planned", parties=("e-ana", "e-cy"))
    (fact,) = _statements(s.facts([_doc(1), _doc(2), _doc(3)]))
    assert (fact.status, fact.independent_sources) == ("corroborated", 2)
    assert fact.about == "Kern and Lind met"
    assert fact.main_event
    assert fact.values[0].documents == ["d-1", "d-2"]
    assert fact.values[0].polarity == "affirmed" and fact.values[0].modality == "happened"


def test_crossdoc_facts_graph_accepted_vs_rejected_is_a_dispute() -> None:
    s = _Story()
    s.add(1, "Ana Lind accepted the invitation to visit the capital.", "agree", agent="e-ana",
          theme="invitation")
    s.add(2, "Ana Lind accepted the invitation to visit the capital soon.", "agree",
          agent="e-ana", theme="invitation")
    s.add(3, "Ana Lind rejected the invitation to visit the capital.", "reject", agent="e-ana",
          theme="invitation")
    s.add(4, "Bo Kern rejected the invitation to visit the capital.", "reject", agent="e-bo",
          theme="invitation")
    (fact,) = _statements(s.facts([_doc(n) for n in (1, 2, 3, 4)]))
    assert fact.status == "conflict" and fact.independent_sources == 3
    assert fact.about.startswith("whether ")
    assert [v.documents for v in fact.values] == [["d-1", "d-2"], ["d-3"]]


def test_crossdoc_facts_graph_affirmed_vs_negated_is_a_dispute() -> None:
    s = _Story()
    s.add(1, "The Pact signed the trade deal in the capital.", "agree", agent="e-pact",
          theme="deal")
    s.add(2, "The Pact did not sign the trade deal in the capital.", "agree", agent="e-pact",
          theme="deal", negated=True)
    (fact,) = _statements(s.facts([_doc(1), _doc(2)]))
    assert fact.status == "conflict"
    assert sorted(v.polarity or "" for v in fact.values) == ["affirmed", "negated"]


def test_crossdoc_facts_graph_different_agents_never_align() -> None:
    s = _Story()
    s.add(1, "Ana Lind rejected the budget plan on Monday.", "reject", agent="e-ana",
          theme="plan")
    s.add(2, "Bo Kern rejected the budget plan on Monday.", "reject", agent="e-bo", theme="plan")
    assert _statements(s.facts([_doc(1), _doc(2)])) == []


def test_crossdoc_facts_graph_repeated_allegation_is_attributed_not_established() -> None:
    s = _Story()
    for n in (1, 2, 3):
        s.add(n, "Cy Marsh said the Pact shelled the border village at night.", "attack",
              agent="e-pact", theme="village", speaker="e-cy")
    (fact,) = _statements(s.facts([_doc(1), _doc(2), _doc(3)]))
    assert fact.status == "corroborated" and fact.independent_sources == 3
    assert fact.attributed and fact.attributed_to == "e-cy"
    assert not fact.main_event  # what someone says happened is not the story's event


def test_crossdoc_facts_graph_same_outlet_or_byline_counts_once() -> None:
    docs = [_doc(1, outlet="Daily"), _doc(2, outlet="Daily"), _doc(3, authors=("Jo Ray",)),
            _doc(4, authors=("Jo Ray",)), _doc(5)]
    docs[2] = docs[2].model_copy(update={"outlet": None})
    docs[3] = docs[3].model_copy(update={"outlet": None})
    keys = source_keys(docs)
    assert keys["d-1"] == keys["d-2"] and keys["d-3"] == keys["d-4"]
    assert len(set(keys.values())) == 3
    assert voices(docs).describe() == "5 documents · 3 independent sources · Jo Ray wrote 2"
    s = _Story()
    for n in (3, 4):
        s.add(n, "Ana Lind and Bo Kern met in the capital on Tuesday.", "meet",
              parties=("e-ana", "e-bo"))
    assert _statements(s.facts(docs)) == []  # one author twice is one voice


def test_crossdoc_facts_graph_background_incident_never_disputes_the_story() -> None:
    s = _Story()
    hurt = [Slot(kind="count", text="two officers", span=(0, 12), value=2, unit="injured")]
    old = [Slot(kind="count", text="nine people", span=(0, 11), value=9, unit="injured")]
    a = s.add(1, "Two officers were injured outside the palace on Tuesday.", "injure",
              slots=tuple(hurt))
    b = s.add(2, "Two officers were injured in the scuffle at the palace.", "injure",
              slots=tuple(hurt))
    c = s.add(3, "In 2021, a fire at the palace injured nine people.", "injure",
              slots=tuple(old))
    docs = [_doc(n, published="2026-03-04") for n in (1, 2, 3)]
    assert story_year(s.claims, docs) == 2026
    published = {d.id: d.published for d in docs}
    assert background_claims(s.claims, published, 2026) == {c.id}
    counts = [f for f in s.facts(docs) if f.kind == "count"]
    assert not any(f.status == "conflict" for f in counts)
    main = next(f for f in counts if not f.background)
    assert {x for v in main.values for x in v.claims} == {a.id, b.id}
    assert any(f.background for f in counts)


def test_crossdoc_facts_graph_background_cues() -> None:
    s = _Story()
    cues = ["Last year's shooting at the school left three dead.",
            "A separate drive-by on Elm Street wounded a man.",
            "The 2009 attack on the embassy killed twelve.",
            "The shooting was the deadliest since 2019, police said.",
            "The 2024 sanctions remain in force."]
    claims = [s.add(1, t, "kill") for t in cues]
    found = background_claims(claims, {"d-1": "2026-03-04"}, 2026)
    assert found == {c.id for c in claims[:3]}


def test_crossdoc_facts_graph_background_is_scoped_by_the_opening_clause() -> None:
    s = _Story()
    texts = [
        # This incident, with an aside about an earlier one: not background.
        "A cook was stabbed at the diner late Friday, months after a fire there two years ago.",
        "A waiter was hurt on Friday, the latest violence at a diner that saw a fire years ago.",
        # Opening on the earlier incident: background.
        "Three years ago, a waiter was hurt in a fight outside the diner.",
        "In 2019, the diner was closed for a month after a fire.",
    ]
    claims = [s.add(1, t, "injure") for t in texts]
    # No publication date and no dated event: the story's year is unknown.
    assert story_year(claims, [_doc(1)]) is None
    found = background_claims(claims, {"d-1": None}, None)
    assert found == {claims[2].id, claims[3].id}


def test_crossdoc_facts_graph_bare_year_never_sets_the_story_year() -> None:
    s = _Story()
    old = Slot(kind="date", text="2021", span=(3, 7), value="2021", unit="year")
    new = Slot(kind="date", text="March 14, 2026", span=(3, 17), value="2026-03-14", unit="day")
    a = s.add(1, "In 2021, a man was wounded at the bar.", "injure", slots=(old,))
    b = s.add(2, "On March 14, 2026, a man was killed at the bar.", "kill", slots=(new,))
    object.__setattr__(a, "heads", ("wound",))
    object.__setattr__(b, "heads", ("kill",))
    assert story_year([a], [_doc(1), _doc(2)]) is None
    assert story_year([a, b], [_doc(1), _doc(2)]) == 2026


def test_crossdoc_facts_graph_toll_is_the_main_event_without_a_statement() -> None:
    s = _Story()
    dead = (Slot(kind="count", text="A man", span=(0, 5), value=1, unit="killed"),)
    hurt = (Slot(kind="count", text="two others", span=(0, 10), value=2, unit="injured"),)
    s.add(1, "A man was shot and killed at the bar early Saturday.", "kill", slots=dead)
    s.add(2, "A man was killed when a gunman opened fire at the bar.", "kill", slots=dead)
    s.add(1, "Two others were wounded in the shooting at the bar.", "injure", slots=hurt)
    s.add(2, "Two others were wounded, police said of the bar shooting.", "injure", slots=hurt)
    facts = s.facts([_doc(1), _doc(2)])
    (main,) = [f for f in facts if f.main_event]
    assert main.about.startswith("number of people killed")
    assert main.status == "corroborated"


def test_crossdoc_facts_graph_only_an_earlier_year_dates_another_incident() -> None:
    from newsprism.crossdoc.graph.anchor import other_year

    assert other_year("2022", 2025, None)  # "the invasion in 2022" in a 2025 story
    assert other_year("2022-02", 2025, "2025-08-16")
    assert not other_year("2025-08-15", 2025, None)
    assert not other_year("2027", 2025, None)  # a planned election is this story's
    assert not other_year("2022", None, None)  # no story year: nothing to compare


def test_crossdoc_facts_graph_a_value_beside_another_year_is_background() -> None:
    from newsprism.crossdoc.graph.anchor import background_slots

    s = _Story()
    text = "Three bank clerks died on Wednesday, as in the riots of May 2019 when a boy was killed."
    now = Slot(kind="count", text="Three bank clerks", span=(0, 17), value=3, unit="killed")
    at = text.index("a boy")
    then = Slot(kind="count", text="a boy", span=(at, at + 5), value=1, unit="killed")
    c = s.add(1, text, "kill", slots=(now, then))
    assert background_claims([c], {"d-1": None}, 2026) == frozenset()
    assert background_slots([c], {"d-1": None}, 2026) == {(c.id, *then.span)}
