"""Word lists behind the event checks (``extract.event_checks``): what makes an act
violent or aid material, ceremonies, strikes, crowd control, disasters, role nouns
for unnamed actors, the governors under which an event has not happened, and verbs
that undo their object. All entries are lowercase lemmas. Kept apart from the rules
so a reviewer can read and extend the lists without touching code.
"""

from __future__ import annotations

# Words that make an "attack" physical: weapons, forces, casualties.
VIOLENCE_WORDS: frozenset[str] = frozenset(
    {
        "gun",
        "gunman",
        "gunfire",
        "rifle",
        "pistol",
        "shoot",
        "shot",
        "shooting",
        "bomb",
        "bombing",
        "explosive",
        "missile",
        "rocket",
        "drone",
        "artillery",
        "shell",
        "knife",
        "stab",
        "machete",
        "troop",
        "force",
        "army",
        "soldier",
        "militant",
        "kill",
        "wound",
        "injure",
        "dead",
        "death",
        "casualty",
        "civilian",
        "airstrike",
        "raid",
        "invasion",
        "military",
        "weapon",
        "grenade",
        "tank",
        "police",
        "victim",
        "hospital",
    }
)

# What AID gives: money, goods, forces, services. Anything else (condolences,
# prayers, recognition, praise) is not aid.
MATERIAL_AID: frozenset[str] = frozenset(
    {
        "aid",
        "assistance",
        "help",
        "relief",
        "fund",
        "funding",
        "money",
        "cash",
        "loan",
        "grant",
        "credit",
        "dollar",
        "euro",
        "crown",
        "pound",
        "million",
        "billion",
        "food",
        "medicine",
        "water",
        "shelter",
        "tent",
        "blanket",
        "supply",
        "equipment",
        "weapon",
        "arm",
        "ammunition",
        "missile",
        "tank",
        "jet",
        "vaccine",
        "fuel",
        "tonne",
        "ton",
        "firefighter",
        "rescuer",
        "troop",
        "doctor",
        "team",
        "personnel",
        "security",
        "reconstruction",
        "payment",
    }
)

FORCES = frozenset({"troop", "soldier", "force", "warship", "tank", "jet", "battalion"})
RELIEF = frozenset({"aid", "food", "medicine", "relief", "assistance", "help", "shelter"})

# Speech, ceremony and sympathy: never a type of cooperation by themselves.
NON_MATERIAL: frozenset[str] = frozenset(
    {
        "condolence",
        "sympathy",
        "prayer",
        "thought",
        "recognition",
        "congratulation",
        "apology",
        "praise",
        "greeting",
        "regard",
        "wish",
        "word",
        "remark",
        "message",
        "view",
    }
)

# A welcome is a ceremony when what is welcomed is a visitor or comes with pomp.
CEREMONY_WORDS: frozenset[str] = frozenset(
    {"carpet", "ceremony", "honor", "honour", "guard", "handshake", "fanfare", "airport", "salute"}
)

# Objects that make "strike" anything but an attack.
STRIKE_NON_VIOLENT: frozenset[str] = frozenset(
    {"deal", "agreement", "accord", "bargain", "balance", "tone", "note", "chord", "pose", "match"}
)
STRIKE_MILITARY: frozenset[str] = frozenset(
    {"air", "drone", "missile", "artillery", "military", "rocket", "nuclear", "retaliatory"}
)
STRIKE_LABOUR: frozenset[str] = frozenset(
    {"general", "labour", "labor", "national", "hunger", "rail", "teacher", "worker", "union"}
)
CROWD_CONTROL: frozenset[str] = frozenset(
    {"gas", "tear", "bullet", "cannon", "spray", "baton", "grenade", "pepper"}
)

# Natural and man-made disasters; the noun is the actor of its DISASTER event.
DISASTER_NOUNS: frozenset[str] = frozenset(
    {
        "earthquake",
        "quake",
        "flood",
        "flooding",
        "storm",
        "hurricane",
        "typhoon",
        "cyclone",
        "tornado",
        "wildfire",
        "blaze",
        "landslide",
        "mudslide",
        "tsunami",
        "avalanche",
        "eruption",
        "drought",
        "explosion",
        "derailment",
    }
)
DISASTER_NAMES = {"quake": "earthquake", "flooding": "flood", "blaze": "fire"}
DISASTER_VERBS: frozenset[str] = frozenset(
    {"strike", "hit", "sweep", "ravage", "destroy", "devastate", "batter", "flatten", "engulf"}
)

# Role nouns that may stand as the actor of a crime, disaster or protest event.
ROLE_NOUNS: dict[str, str] = {
    "gunman": "gunman",
    "shooter": "gunman",
    "attacker": "attacker",
    "assailant": "attacker",
    "bomber": "bomber",
    "suspect": "suspect",
    "police": "police",
    "officer": "police",
    "policeman": "police",
    "policewoman": "police",
    "protester": "protesters",
    "protestor": "protesters",
    "demonstrator": "protesters",
    "farmer": "farmers",
    "worker": "workers",
    "student": "students",
    "militant": "militants",
    "rebel": "rebels",
    "soldier": "soldiers",
    "troop": "troops",
    "firefighter": "firefighters",
    "rescuer": "rescuers",
    "crowd": "crowd",
    "mob": "mob",
    "robber": "robbers",
    "thief": "thieves",
    "hacker": "hackers",
    "nurse": "nurses",
    "doctor": "doctors",
    "teacher": "teachers",
    "miner": "miners",
    "driver": "drivers",
    "employee": "employees",
    "resident": "residents",
    "villager": "villagers",
}
# A bare "man" or "woman" is the actor only of a violent act ("a man stabbed three people").
PERSON_ROLES: dict[str, str] = {"man": "man", "woman": "woman", "teenager": "teenager"}
ROLE_TYPES: frozenset[str] = frozenset({"ASSAULT", "COERCE", "PROTEST", "DISASTER"})

# Governors under which an event has not (yet) happened and cannot be placed on a
# timeline: fears, hopes, obligations, attempts, questions.
IRREALIS_GOVERNORS: frozenset[str] = frozenset(
    {
        "fear",
        "worry",
        "hope",
        "wish",
        "doubt",
        "imagine",
        "consider",
        "suggest",
        "need",
        "try",
        "attempt",
        "seek",
        "risk",
        "threaten",
        "whether",
        "wonder",
        "intend",
        "mean",
        # Alleged or denied: "accused Estmark of shelling the town".
        "accuse",
        "allege",
        "deny",
        "ask",
        "urge",
        "push",
        "press",
        # Demanded, offered or promised: not (yet) happened.
        "call",
        "demand",
        "require",
        "appeal",
        "insist",
        "propose",
        "offer",
        "promise",
        "vow",
    }
)
IRREALIS_AUX: frozenset[str] = frozenset({"should", "must", "ought", "might", "may", "could"})
NEGATING_GOVERNORS: frozenset[str] = frozenset({"fail", "refuse", "decline", "reject"})

# Verbs that undo their object: a stance on "renounce X" is a stance against X.
UNDOING_VERBS: frozenset[str] = frozenset(
    {
        "renounce",
        "abandon",
        "scrap",
        "drop",
        "repeal",
        "lift",
        "end",
        "cancel",
        "revoke",
        "rescind",
        "abolish",
        "block",
        "halt",
        "stop",
        "overturn",
        "quit",
        "leave",
        "ditch",
        "vanish",
        "disappear",
        "reverse",
        "suspend",
    }
)
FLIP = {"demand": "oppose", "support": "oppose", "offer": "oppose", "oppose": "support"}


COGNITION_VERBS = frozenset(
    {"believe", "think", "know", "see", "understand", "feel", "forget", "remember", "hear"}
)
