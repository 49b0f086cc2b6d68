"""Scoring events and positions against ``tests/data/events_positions_gold.json``.

The gold set is 18 short stories written for newsprism (diplomacy, crime,
disaster, legislature, election, labour, protest), each with the events and
positions an analyst reads in it, including the traps the issue measured:
negated and hypothetical events, a verbal attack, condolences, an unnamed
gunman, a welcome ceremony, "to renounce" a membership, a stance two outlets
report differently. Twelve are the ``dev`` split the rules were read against;
six (``split: heldout``) were written afterwards and never tuned on, so their
figures are the honest estimate.

Both the current modules and a **baseline** (the event modules as they were
before the precision work, read from git at ``BASELINE_COMMIT`` into a private
package) run on the same parses in the same run, so the figures compare the
method, not the machine or the other stages.

A predicted event is **correct** when some gold event (optional ones included)
has its type, its actor (any listed name; a role noun like "gunman" for an
unnamed actor), a compatible target (none, or a listed one; either side for
meetings and agreements), one of its modalities, and evidence that overlaps the
gold evidence text. Recall counts the non-optional gold events found. A
position is correct when its actor and stance match a gold position, its issue
contains or is contained in a listed issue, and its evidence overlaps. The
event flagged ``main`` must match the story's gold main event (``main_found``),
with its date and place (``main_dated_located``).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "events_positions_gold.json"
# The last commit of the event modules before the precision work of issue 15.
BASELINE_COMMIT = "e827223986f4bcdde2ec1a68a6a27aaaedcff5b8"
_BASELINE_MODULES = {
    "event_words": "src/newsprism/extract/event_words.py",
    "event_args": "src/newsprism/extract/event_args.py",
    "events": "src/newsprism/extract/events.py",
    "cevents": "src/newsprism/crossdoc/events.py",
    "positions": "src/newsprism/crossdoc/positions.py",
}
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}

Extract = Callable[..., Any]
Assemble = Callable[..., Any]


@dataclass
class Method:
    name: str
    extract: Extract  # extract_events(doc_id, sdoc, mentions, published)
    assemble: Assemble  # events_and_positions(found, entities, index)


def current_method() -> Method:
    from newsprism.crossdoc.positions import events_and_positions
    from newsprism.extract.events import extract_events

    return Method("current", extract_events, events_and_positions)


# The event modules after the first round of issue-15 work, before the second
# (attributed events, life wishes, unnamed gunmen, earlier incidents): the "before"
# of the second round, measured in the same run.
ROUND1_COMMIT = "1611d5239476c706846fd8d42c5aa7c9190e0ba4"
_ROUND1_MODULES = {  # in import order
    "event_words": "src/newsprism/extract/event_words.py",
    "event_args": "src/newsprism/extract/event_args.py",
    "event_checks": "src/newsprism/extract/event_checks.py",
    "event_topics": "src/newsprism/extract/event_topics.py",
    "events": "src/newsprism/extract/events.py",
    "cevents": "src/newsprism/crossdoc/events.py",
    "issues": "src/newsprism/crossdoc/issues.py",
    "positions": "src/newsprism/crossdoc/positions.py",
}


def round1_method() -> Method | None:
    """The event modules at ``ROUND1_COMMIT``, or None when git cannot show them."""
    return _git_method("round1", ROUND1_COMMIT, _ROUND1_MODULES)


def baseline_method() -> Method | None:
    """The event modules at ``BASELINE_COMMIT``, or None when git cannot show them."""
    return _git_method("baseline", BASELINE_COMMIT, _BASELINE_MODULES)


def _git_method(label: str, commit: str, modules: dict[str, str]) -> Method | None:
    package = f"_np{label}"
    renames = {
        ("newsprism.crossdoc.events" if n == "cevents" else path_module(path)): f"{package}.{n}"
        for n, path in modules.items()
    }
    sources: dict[str, str] = {}
    for name, path in modules.items():
        try:
            text = subprocess.run(
                ["git", "show", f"{commit}:{path}"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        except (OSError, subprocess.CalledProcessError):
            return None
        # Longest names first: "…extract.events" must not rewrite "…extract.event_words".
        for old, new in sorted(renames.items(), key=lambda kv: -len(kv[0])):
            text = text.replace(old + "\n", new + "\n").replace(old + " ", new + " ")
        sources[name] = text
    pkg = types.ModuleType(package)
    pkg.__path__ = []
    sys.modules[package] = pkg
    for name in modules:
        spec = importlib.util.spec_from_loader(f"{package}.{name}", loader=None)
        assert spec is not None
        mod = importlib.util.module_from_spec(spec)
        sys.modules[f"{package}.{name}"] = mod
        try:
            exec(compile(sources[name], f"<{label} {name}>", "exec"), mod.__dict__)
        except Exception:  # an import the old code needs has changed shape
            return None
    ev, pos = sys.modules[f"{package}.events"], sys.modules[f"{package}.positions"]
    return Method(label, ev.extract_events, pos.events_and_positions)


def path_module(path: str) -> str:
    """ "src/newsprism/extract/events.py" → "newsprism.extract.events"."""
    return path.removeprefix("src/").removesuffix(".py").replace("/", ".")


def load_gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))
    return data


def _fold(s: str) -> str:
    s = s.lower().replace("’", "'").strip()
    return s.removeprefix("the ")


@dataclass
class Parsed:
    story: dict[str, Any]
    docs: list[tuple[str, str, str | None, Any, list[Any]]]  # id, text, published, sdoc, mentions


def parse_stories(nlp: Any, gold: dict[str, Any]) -> list[Parsed]:
    from newsprism.extract.entities import extract_mentions

    out = []
    for story in gold["stories"]:
        docs = []
        for d in story["documents"]:
            sdoc = nlp(d["text"])
            docs.append((d["id"], d["text"], d["published"], sdoc, extract_mentions(d["id"], sdoc)))
        out.append(Parsed(story, docs))
    return out


def _spans(texts: dict[str, str], evidence: str | list[str]) -> list[tuple[str, int, int]]:
    out = []
    for piece in [evidence] if isinstance(evidence, str) else evidence:
        for doc_id, text in texts.items():
            i = text.find(piece)
            if i >= 0:
                out.append((doc_id, i, i + len(piece)))
    return out


def _overlaps(item_evidence: Sequence[Any], gold_spans: list[tuple[str, int, int]]) -> bool:
    return any(
        e.document == d and e.span[0] < end and start < e.span[1]
        for e in item_evidence
        for d, start, end in gold_spans
    )


def _names(eid: str | None, role: str | None, names: dict[str, list[str]]) -> set[str]:
    if eid is None:
        return set()
    if role:
        return {_fold(role), _fold(role.split()[-1])}
    return {_fold(n) for n in names.get(eid, [eid])}


def _match(names: set[str], gold: list[str] | None) -> bool:
    return gold is not None and bool(names & {_fold(g) for g in gold})


def _event_ok(
    e: Any, g: dict[str, Any], names: dict[str, list[str]], texts: dict[str, str]
) -> bool:
    if e.type not in g["type"] or (e.mode or "happened") not in g["modality"]:
        return False
    if not _overlaps(e.evidence, _spans(texts, g["evidence"])):
        return False
    actor = _names(e.actor, getattr(e, "actor_role", None), names)
    target = _names(e.target, None, names)
    if e.type in SYMMETRIC:
        both = list(g["actor"]) + list(g["target"] or [])
        return _match(actor, both) and (not target or _match(target, both))
    if not _match(actor, g["actor"]):
        return False
    return not target or _match(target, g["target"])


def _issue_ok(issue: str, gold: list[str]) -> bool:
    low = _fold(issue)
    return any(
        _fold(g) == low or _fold(g) in low or (len(low) >= 4 and low in _fold(g)) for g in gold
    )


def _position_ok(
    p: Any, g: dict[str, Any], names: dict[str, list[str]], texts: dict[str, str]
) -> bool:
    actor = _names(p.actor, getattr(p, "actor_role", None), names)
    return (
        _match(actor, g["actor"])
        and p.stance in g["stance"]
        and _issue_ok(p.issue, g["issue"])
        and _overlaps(p.evidence, _spans(texts, g["evidence"]))
    )


@dataclass
class Score:
    events: int = 0
    events_ok: int = 0
    gold_events: int = 0
    gold_events_found: int = 0
    positions: int = 0
    positions_ok: int = 0
    gold_positions: int = 0
    gold_positions_found: int = 0
    differ_gold: int = 0
    differ_found: int = 0
    differ_false: int = 0
    main_gold: int = 0
    main_found: int = 0
    main_dated_located: int = 0
    traps_hit: int = 0
    wrong_positions_hit: int = 0

    def figures(self) -> dict[str, float]:
        def div(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        return {
            "events_p": div(self.events_ok, self.events),
            "events_r": div(self.gold_events_found, self.gold_events),
            "events": float(self.events),
            "positions_p": div(self.positions_ok, self.positions),
            "positions_r": div(self.gold_positions_found, self.gold_positions),
            "positions": float(self.positions),
            "differ_r": div(self.differ_found, self.differ_gold),
            "differ_false": float(self.differ_false),
            "main_found": div(self.main_found, self.main_gold),
            "main_dated_located": div(self.main_dated_located, self.main_gold),
            "traps_hit": float(self.traps_hit),
            "wrong_positions_hit": float(self.wrong_positions_hit),
        }


def evaluate(
    parsed: list[Parsed], method: Method, report: list[str] | None = None, split: str = "dev"
) -> Score:
    """Scores of ``method`` on the stories of one split ("dev": the stories the rules
    were tuned on; "heldout": stories written after, never tuned on)."""
    from newsprism.crossdoc.link import entity_index, link_entities

    score = Score()
    for story in parsed:
        g = story.story
        if g.get("split", "dev") != split:
            continue
        texts = {d[0]: d[1] for d in story.docs}
        found, mentions = [], []
        for doc_id, _text, published, sdoc, ms in story.docs:
            mentions.extend(ms)
            found.extend(method.extract(doc_id, sdoc, ms, published))
        entities = link_entities(mentions, texts)
        events, positions = method.assemble(found, entities, entity_index(entities))
        names = {e.id: [e.name, *e.aliases] for e in entities}
        for e in events:
            ok = any(_event_ok(e, ge, names, texts) for ge in g["events"])
            score.events += 1
            score.events_ok += ok
            trap = any(_overlaps(e.evidence, _spans(texts, t["text"])) for t in g["not_events"])
            score.traps_hit += trap and not ok
            if report is not None and not ok:
                report.append(
                    f"{method.name} {g['id']} wrong event: {_show_event(e, names, texts)}"
                )
        for ge in g["events"]:
            hit = any(_event_ok(e, ge, names, texts) for e in events)
            if not ge.get("optional"):
                score.gold_events += 1
                score.gold_events_found += hit
                if report is not None and not hit:
                    report.append(
                        f"{method.name} {g['id']} missed event: {ge['type']} {ge['evidence']}"
                    )
            if ge.get("main"):
                score.main_gold += 1
                flagged = [e for e in events if e.main and _event_ok(e, ge, names, texts)]
                score.main_found += bool(flagged)
                placed = any(
                    e.date == ge.get("date")
                    and (
                        not ge.get("location")
                        or _match(_names(e.location, None, names), ge["location"])
                    )
                    for e in flagged
                )
                score.main_dated_located += placed
                if report is not None and not placed:
                    got = [(e.date, _names(e.location, None, names)) for e in flagged]
                    report.append(f"{method.name} {g['id']} main not dated/located: {got}")
        for p in positions:
            ok = any(_position_ok(p, gp, names, texts) for gp in g["positions"])
            score.positions += 1
            score.positions_ok += ok
            score.wrong_positions_hit += any(
                _match(_names(p.actor, None, names), w["actor"])
                and p.stance in w["stance"]
                and _issue_ok(p.issue, w["issue"])
                for w in g.get("wrong_positions", [])
            )
            if report is not None and not ok:
                report.append(
                    f"{method.name} {g['id']} wrong position: {_show_position(p, names, texts)}"
                )
        for gp in g["positions"]:
            if not gp.get("optional"):
                score.gold_positions += 1
                hit = any(_position_ok(p, gp, names, texts) for p in positions)
                score.gold_positions_found += hit
                if report is not None and not hit:
                    what = f"{gp['actor'][0]} {gp['stance'][0]} {gp['issue'][0]}"
                    report.append(f"{method.name} {g['id']} missed position: {what}")
        for gd in g.get("outlets_differ", []):
            score.differ_gold += 1
            score.differ_found += any(
                p.outlets_differ
                and _match(_names(p.actor, None, names), gd["actor"])
                and _issue_ok(p.issue, gd["issue"])
                for p in positions
            )
        score.differ_false += sum(
            1
            for p in positions
            if p.outlets_differ
            and not any(
                _match(_names(p.actor, None, names), gd["actor"])
                and _issue_ok(p.issue, gd["issue"])
                for gd in g.get("outlets_differ", [])
            )
        )
    return score


def _cut(e: Any, texts: dict[str, str]) -> str:
    ev = e.evidence[0]
    return texts[ev.document][ev.span[0] : ev.span[1]]


def _show_event(e: Any, names: dict[str, list[str]], texts: dict[str, str]) -> str:
    actor = getattr(e, "actor_role", None) or names.get(e.actor, [e.actor])[0]
    target = names.get(e.target, [e.target])[0] if e.target else "-"
    return f"{e.type} {actor} -> {target} [{e.mode}] {_cut(e, texts)!r}"


def _show_position(p: Any, names: dict[str, list[str]], texts: dict[str, str]) -> str:
    actor = getattr(p, "actor_role", None) or names.get(p.actor, [p.actor])[0]
    return f"{actor} {p.stance} {p.issue!r} {_cut(p, texts)!r}"
