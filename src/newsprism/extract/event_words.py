"""Lexicons for event coding: trigger lemmas → PLOVER event types, stance cues.

PLOVER (the successor of CAMEO used by POLECAT) codes who did what to whom in
16 types. We cover the ones news about talks and conflicts carries most, plus
DEMAND (PLOVER's REQUEST) under the name analysts use. Kept apart from the
parse rules so a reviewer can read and extend the lists without touching code.
All entries are lowercase lemmas.
"""

from __future__ import annotations

# Verb lemma → event type. A verb listed in ``NEEDS_PREP`` only counts with that
# preposition ("call for", "press for"): bare "call" and "press" mean other things.
VERB_TYPES: dict[str, str] = {
    # CONSULT: meetings, talks, visits, invitations.
    "meet": "CONSULT",
    "confer": "CONSULT",
    "convene": "CONSULT",
    "host": "CONSULT",
    "visit": "CONSULT",
    "negotiate": "CONSULT",
    "invite": "CONSULT",
    "phone": "CONSULT",
    # DEMAND (PLOVER REQUEST).
    "demand": "DEMAND",
    "urge": "DEMAND",
    "insist": "DEMAND",
    "require": "DEMAND",
    "seek": "DEMAND",
    "want": "DEMAND",
    "call": "DEMAND",
    "press": "DEMAND",
    "push": "DEMAND",
    "ask": "DEMAND",
    "appeal": "DEMAND",
    # REJECT.
    "reject": "REJECT",
    "refuse": "REJECT",
    "rebuff": "REJECT",
    "decline": "REJECT",
    "oppose": "REJECT",
    "veto": "REJECT",
    "dismiss": "REJECT",
    "resist": "REJECT",
    "deny": "REJECT",
    # ACCUSE.
    "accuse": "ACCUSE",
    "blame": "ACCUSE",
    "condemn": "ACCUSE",
    "denounce": "ACCUSE",
    "criticize": "ACCUSE",
    "criticise": "ACCUSE",
    # THREATEN ("warn" only with a would/could/will complement, see events.py).
    "threaten": "THREATEN",
    "warn": "THREATEN",
    # AGREE.
    "agree": "AGREE",
    "sign": "AGREE",
    "accept": "AGREE",
    "approve": "AGREE",
    "endorse": "SUPPORT",
    "support": "SUPPORT",
    "back": "SUPPORT",
    "welcome": "SUPPORT",
    "praise": "SUPPORT",
    # COOPERATE / AID.
    "cooperate": "COOPERATE",
    "collaborate": "COOPERATE",
    "partner": "COOPERATE",
    "aid": "AID",
    "supply": "AID",
    "donate": "AID",
    "fund": "AID",
    "offer": "AID",
    "propose": "AGREE",
    # SANCTION / MOBILIZE / ASSAULT / other PLOVER types.
    "sanction": "SANCTION",
    "impose": "SANCTION",
    "expel": "SANCTION",
    "embargo": "SANCTION",
    "halt": "SANCTION",
    "suspend": "SANCTION",
    "ban": "SANCTION",
    "mobilize": "MOBILIZE",
    "mobilise": "MOBILIZE",
    "deploy": "MOBILIZE",
    "mass": "MOBILIZE",
    "attack": "ASSAULT",
    "shell": "ASSAULT",
    "bomb": "ASSAULT",
    "strike": "ASSAULT",
    "invade": "ASSAULT",
    "kill": "ASSAULT",
    "shoot": "ASSAULT",
    "stab": "ASSAULT",
    "walk": "PROTEST",  # "walked out", see NEEDS_PREP
    "fire": "ASSAULT",
    "withdraw": "RETREAT",
    "retreat": "RETREAT",
    "concede": "CONCEDE",
    "cede": "CONCEDE",
    "protest": "PROTEST",
    "march": "PROTEST",
    "rally": "PROTEST",
    "arrest": "COERCE",
    "detain": "COERCE",
    "seize": "COERCE",
    # Checked against their objects in ``event_checks``: "opened fire", "sent food",
    # "passed the bill", "voted against the bill".
    "open": "ASSAULT",
    "send": "AID",
    "provide": "AID",
    "deliver": "AID",
    "pledge": "AID",
    "pass": "AGREE",
    "adopt": "AGREE",
    "enact": "AGREE",
    "vote": "REJECT",
    "favor": "SUPPORT",
    "favour": "SUPPORT",
    # Stances only: a verb that undoes its object ("scrap the toll", "renounce NATO
    # membership") opposes it; negated ("would never renounce") it supports it.
    "renounce": "REJECT",
    "scrap": "REJECT",
    "abandon": "REJECT",
    "repeal": "REJECT",
    "abolish": "REJECT",
}

# Verbs that state where someone stands rather than report something that took
# place: they give positions, never points on the timeline.
POSITION_ONLY_VERBS: frozenset[str] = frozenset(
    {
        "oppose",
        "support",
        "back",
        "favor",
        "favour",
        "endorse",
        "renounce",
        "scrap",
        "abandon",
        "repeal",
        "abolish",
    }
)
# Of those, the ones that undo their object: negated, they support it.
UNDOING_STANCE_VERBS: frozenset[str] = frozenset(
    {"renounce", "scrap", "abandon", "repeal", "abolish"}
)
# Verbs whose event is only offered or promised: not (yet) happened.
OFFER_MODE_VERBS: frozenset[str] = frozenset({"offer", "pledge", "promise", "propose"})

NEEDS_PREP: dict[str, frozenset[str]] = {
    "call": frozenset({"for"}),
    "press": frozenset({"for"}),
    "push": frozenset({"for"}),
    "ask": frozenset({"for"}),
    "appeal": frozenset({"for"}),
    "insist": frozenset({"on", "that"}),
    "fire": frozenset({"on", "at"}),
    "mass": frozenset({"on", "along", "near"}),
    "impose": frozenset({"sanction", "measure", "restriction", "tariff", "embargo", "ban"}),
    "halt": frozenset({"delivery", "aid", "supply", "transit", "export", "import", "trade"}),
    "suspend": frozenset(
        {
            "delivery",
            "aid",
            "supply",
            "transit",
            "export",
            "import",
            "trade",
            "talk",
            "cooperation",
            "membership",
        }
    ),
    "back": frozenset({"dobj"}),
    "strike": frozenset({"dobj"}),
    "open": frozenset({"fire"}),
    "walk": frozenset({"out"}),
    "pass": frozenset(
        {"bill", "law", "resolution", "budget", "motion", "amendment", "legislation"}
    ),
    "adopt": frozenset(
        {"bill", "law", "resolution", "budget", "motion", "amendment", "legislation"}
    ),
    "enact": frozenset({"bill", "law", "legislation", "measure", "reform"}),
    "vote": frozenset({"for", "against"}),
    "renounce": frozenset({"dobj"}),
    "scrap": frozenset({"dobj"}),
    "abandon": frozenset({"dobj"}),
    "repeal": frozenset({"dobj"}),
    "abolish": frozenset({"dobj"}),
    "march": frozenset({"on", "through", "along", "to"}),
}

# Noun lemma → event type ("the summit", "Kestovia's demand", "an agreement to …").
NOUN_TYPES: dict[str, str] = {
    "summit": "CONSULT",
    "meeting": "CONSULT",
    "talk": "CONSULT",
    "visit": "CONSULT",
    "negotiation": "CONSULT",
    "invitation": "CONSULT",
    "demand": "DEMAND",
    "call": "DEMAND",
    "request": "DEMAND",
    "rejection": "REJECT",
    "refusal": "REJECT",
    "agreement": "AGREE",
    "deal": "AGREE",
    "accord": "AGREE",
    "sanction": "SANCTION",
    "embargo": "SANCTION",
    "attack": "ASSAULT",
    "invasion": "ASSAULT",
    "strike": "ASSAULT",
    "offensive": "ASSAULT",
    "threat": "THREATEN",
    "accusation": "ACCUSE",
    "shooting": "ASSAULT",
    "protest": "PROTEST",
    "demonstration": "PROTEST",
    # Disasters: the noun is also the (unnamed) actor.
    "earthquake": "DISASTER",
    "quake": "DISASTER",
    "flood": "DISASTER",
    "hurricane": "DISASTER",
    "typhoon": "DISASTER",
    "cyclone": "DISASTER",
    "tornado": "DISASTER",
    "wildfire": "DISASTER",
    "landslide": "DISASTER",
    "tsunami": "DISASTER",
    "avalanche": "DISASTER",
    "eruption": "DISASTER",
}

# Types whose two parties do the same thing to each other: "A met B" = "B met A".
SYMMETRIC: frozenset[str] = frozenset({"CONSULT", "AGREE", "COOPERATE"})

# Stance of the actor toward the topic of an event of this type.
STANCE_OF_TYPE: dict[str, str] = {
    "DEMAND": "demand",
    "REJECT": "oppose",
    "SUPPORT": "support",
    "AGREE": "support",
}
# Verb lemmas whose stance is an offer, whatever their event type.
OFFER_VERBS: frozenset[str] = frozenset({"offer", "propose"})

# Auxiliaries and governing verbs that put an event in the future.
FUTURE_AUX: frozenset[str] = frozenset({"will", "shall", "'ll", "wo"})
PLAN_VERBS: frozenset[str] = frozenset(
    {
        "plan",
        "expect",
        "schedule",
        "intend",
        "hope",
        "aim",
        "prepare",
        "set",
        "due",
        "agree",
        "invite",
        "promise",
        "pledge",
        "vow",
        "want",
    }
)
CONDITIONAL_AUX: frozenset[str] = frozenset({"would", "could", "might", "may"})
CONDITION_MARKS: frozenset[str] = frozenset({"if", "unless"})
REFUSAL_VERBS: frozenset[str] = frozenset({"refuse", "decline", "reject"})

# Nouns that carry a proposal forward through a text: "Putin's proposal … It required …".
PROPOSAL_NOUNS: frozenset[str] = frozenset(
    {
        "proposal",
        "plan",
        "deal",
        "offer",
        "initiative",
        "draft",
        "framework",
        "position",
        "stance",
        "demand",
        "condition",
        "terms",
        "ultimatum",
        "memorandum",
    }
)

# Nouns that introduce an actor's stance: "Europe's stance was clear: …".
STANCE_NOUNS: frozenset[str] = frozenset({"stance", "position", "line", "view", "message"})

# Heads of group nouns whose nationality modifier names the actor:
# "Kestovian officials", "European leaders", "Russian forces".
GROUP_NOUNS: frozenset[str] = frozenset(
    {
        "official",
        "leader",
        "government",
        "force",
        "troop",
        "side",
        "delegation",
        "authority",
        "ministry",
        "diplomat",
        "negotiator",
        "army",
        "military",
        "administration",
        "state",
        "ally",
        "capital",
        "president",
        "premier",
        "minister",
        "spokesman",
        "spokeswoman",
        "envoy",
        "country",
    }
)

# Verbs whose object is a piece of territory: the issue is the land itself.
TERRITORY_VERBS: frozenset[str] = frozenset(
    {
        "cede",
        "surrender",
        "give",
        "hand",
        "yield",
        "annex",
        "withdraw",
        "recognize",
        "recognise",
        "return",
        "relinquish",
        "abandon",
        "occupy",
        "control",
        "hold",
    }
)
TERRITORY_NOUNS: frozenset[str] = frozenset(
    {
        "territory",
        "land",
        "border",
        "handover",
        "annexation",
        "sovereignty",
        "concession",
    }
)

# Words too general to name an issue on their own.
WEAK_ISSUE_WORDS: frozenset[str] = frozenset(
    {
        "part",
        "thing",
        "issue",
        "question",
        "matter",
        "point",
        "way",
        "step",
        "end",
        "time",
        "kind",
        "lot",
        "deal",
        "agreement",
        "talk",
        "discussion",
        "negotiation",
        "side",
        "idea",
        "whole",
        "rest",
        "one",
        "meeting",
        "summit",
        "round",
        "measure",
        "term",
        "condition",
        "proposal",
        "plan",
        "position",
        "stance",
        "demand",
        "people",
        "country",
        "government",
        "leader",
        "official",
        "year",
        "month",
        "week",
        "day",
        "future",
        "call",
        "effort",
        "process",
        "move",
        "decision",
        "sake",
        "chance",
        "interest",
        "role",
        "need",
        "number",
        "ambiguity",
        "fix",
        "impression",
        "opportunity",
        "willingness",
    }
)
