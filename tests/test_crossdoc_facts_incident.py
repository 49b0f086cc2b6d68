"""A local incident told by three outlets (text written for this test): the graph keeps
an earlier incident apart, joins the casualty counts, reads ages as ages and raises the
age dispute, and the summary never says one thing twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism import brief
from newsprism.models import Brief
from newsprism.summarize import dangling

# ruff: noqa: E501  (article paragraphs are one line each, as a reader would paste them)

# Three reports of one warehouse fire, without publication dates. The earlier fire sits
# in a sentence that opens on its year, or on "Four years ago"; the lead of the second
# report ends on an aside about it that must not make the lead background.
ARTICLES = {
    "ledger.txt": """Woman dies in Fenmoor warehouse fire

By Otto Krane

FENMOOR — A woman was killed and three others were injured early Tuesday when fire tore through the Bellweather Storage warehouse on Quarry Lane, fire officials said.

The woman was identified as Lena Varga, 34, of Fenmoor. She worked the night shift at the warehouse.

Fire crews were called to the building at about 3:40 a.m. and fought the blaze for more than four hours.

Investigators detained a person of interest on Wednesday, but no one has been charged.

In 2019, a worker was injured in a fire at the same warehouse after a forklift battery exploded.

The three injured workers were treated for smoke inhalation at Saint Roch Hospital.
""",
    "herald.txt": """Night-shift worker killed in Quarry Lane blaze

By Mira Solberg

FENMOOR — A 36-year-old woman was killed and three other people were hurt when fire swept through a Quarry Lane warehouse early Tuesday, the second blaze at the site in four years.

Lena Varga, 36, died at the scene, the county medical examiner said.

No arrests have been made, officials said.

Four years ago, a worker was hurt by a battery explosion in the same building.

The fire chief said the cause was still under investigation.
""",
    "courier.txt": """Fire at Bellweather Storage kills one

By Paul Ekwueme

FENMOOR — Fire at the Bellweather Storage warehouse killed one woman and injured three workers early Tuesday, officials said.

Lena Varga, 34, was pronounced dead at the warehouse on Quarry Lane.

Firefighters have not yet arrested anyone, and the state fire marshal has joined the investigation.

Crews fought the fire for at least six hours before it was under control.
""",
}


@pytest.fixture(scope="module")
def fire(tmp_path_factory: pytest.TempPathFactory) -> Brief:
    folder: Path = tmp_path_factory.mktemp("fire")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return brief([str(folder)])


def _values(b: Brief, about: str) -> list[tuple[str, str, bool]]:
    return [(f.status, v.value, f.background) for f in b.facts if f.about.startswith(about)
            for v in f.values]


def test_crossdoc_facts_incident_casualty_counts_join_one_fact(fire: Brief) -> None:
    killed = [f for f in fire.facts if f.about.startswith("number of people killed")
              and not f.background]
    assert len(killed) == 1
    assert killed[0].status == "corroborated" and killed[0].independent_sources == 3
    assert [v.value for v in killed[0].values] == ["1 killed"]
    injured = [f for f in fire.facts if f.about.startswith("number of people injured")
               and not f.background]
    assert [(f.status, [v.value for v in f.values]) for f in injured] == [
        ("corroborated", ["3 injured"])]


def test_crossdoc_facts_incident_earlier_incident_is_background(fire: Brief) -> None:
    texts = {c.id: c.text for c in fire.claims}
    for f in fire.facts:
        earlier = any(texts[c].startswith(("In 2019", "Four years ago"))
                      for v in f.values for c in v.claims)
        assert earlier == f.background, f.about
    # The lead whose aside mentions the earlier fire still reports this one.
    lead = next(c for c in fire.claims if c.text.startswith("A 36-year-old woman was killed"))
    assert any(lead.id in v.claims for f in fire.facts if not f.background for v in f.values)


def test_crossdoc_facts_incident_no_arrest_count(fire: Brief) -> None:
    # A person of interest detained, "no arrests", "not yet arrested": nobody counted.
    assert not [f for f in fire.facts if "arrested" in f.about]


def test_crossdoc_facts_incident_ages_dispute(fire: Brief) -> None:
    (age,) = [f for f in fire.facts if f.about.startswith("age of")]
    assert age.about == "age of Lena Varga"
    assert age.status == "conflict"
    by_value = {v.value: len(v.documents) for v in age.values}
    assert by_value == {"34 years old": 2, "36 years old": 1}


def test_crossdoc_facts_incident_bounds_are_not_corroboration(fire: Brief) -> None:
    # "more than four hours" / "at least six hours": two lower bounds, no shared figure.
    assert all(f.status != "corroborated" for f in fire.facts if f.about.startswith("length"))


def test_crossdoc_facts_incident_summary_says_each_thing_once(fire: Brief) -> None:
    lines = fire.summary
    assert lines
    cited = [(c.document, tuple(c.span)) for line in lines for c in line.citations]
    assert len(cited) == len(set(cited))  # no sentence cited by two lines
    texts = {d.id: d.text for d in fire.documents}
    for line in lines:
        first = line.citations[0]
        assert line.text in {texts[c.document][c.span[0]:c.span[1]] for c in line.citations}
        assert not line.text.startswith(("In 2019", "Four years ago"))
        if line.role == "single_source":
            assert not dangling(line.text)
        if line.sources is not None:
            assert line.sources <= len({c.document for c in line.citations}), first
