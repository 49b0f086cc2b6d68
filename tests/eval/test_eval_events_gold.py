"""Events and positions against the project's annotated stories, beside the old modules.

Gold: ``tests/data/events_positions_gold.json`` (scoring rules in ``events_gold``).
The baseline is the event code before the precision work and ``round1`` the code
after its first round, both read from git in the same run; they are reported, not
gated (skipped when git history is absent).
Floors: ``events_positions_gold`` in ``tests/eval/floors.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from events_gold import (
    baseline_method,
    current_method,
    evaluate,
    load_gold,
    parse_stories,
    round1_method,
)

FLOORS = Path(__file__).with_name("floors.json")


def test_eval_events_gold_precision_and_recall(nlp: Any) -> None:
    parsed = parse_stories(nlp, load_gold())
    report: list[str] = []
    result: dict[str, Any] = {}
    base, round1 = baseline_method(), round1_method()
    for split in ("dev", "heldout"):
        result[split] = {"current": evaluate(parsed, current_method(), report, split).figures()}
        if base is not None:
            result[split]["baseline"] = evaluate(parsed, base, None, split).figures()
        if round1 is not None:
            result[split]["round1"] = evaluate(parsed, round1, None, split).figures()
    print(json.dumps(result, indent=1))
    print("\n".join(report))
    floors = json.loads(FLOORS.read_text(encoding="utf-8")).get("events_positions_gold", {})
    for name, floor in floors.items():
        split, key = name.split("/")
        value = result[split]["current"][key]
        if key.endswith(("_hit", "_false")):
            assert value <= floor, f"{name} {value} rose above its ceiling {floor}"
        else:
            assert value >= floor, f"{name} {value:.3f} fell below its floor {floor}"
