"""Lexicons for attribution: reporting cues, quotation marks, role nouns, gender cues.

Kept apart from the extraction rules so that a reviewer can read and extend the
word lists without touching the parse logic. All lists are lowercase lemmas.
"""

from __future__ import annotations

# Verbs whose subject is the source of the material in their complement or in an
# adjacent quotation. Lemmas, so "said", "says", "saying" all hit "say".
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say tell add note warn declare describe call admit insist argue stress claim suggest
    paint state announce explain write tweet post reply respond answer ask assert acknowledge
    affirm allege concede confirm contend deny emphasize emphasise maintain mention observe
    predict promise recall remark repeat reiterate report reveal testify vow urge charge
    complain concede counter caution comment conclude continue quip joke boast brag lament
    cite accuse praise criticize criticise question wonder whisper shout yell scream
    proclaim pledge threaten acknowledge agree disagree estimate forecast hint indicate
    point recount recommend propose demand dismiss label dub brand term characterize
    characterise frame blast slam tout hail welcome concur retort rebut muse opine
    boom lecture exclaim read chant plead insist scoff sneer snap thunder
    """.split()
)

# Cognition cues: PolNeAR counts them as attributions, but they only head an
# indirect attribution (a clause complement), never a quotation on their own.
THOUGHT_VERBS: frozenset[str] = frozenset(
    "believe think feel hope fear expect worry doubt know consider want".split()
)

# Verbs that introduce a quote only when they name the utterance ("called X a
# 'Y'"), which is exactly where a scare quote also appears ("a plan called the
# 'Z'"): these need a real subject before they count.
NAMING_VERBS: frozenset[str] = frozenset("call describe label dub brand term bill read".split())

# Opening mark → closing marks it may pair with. Newsrooms mix straight and
# curly marks within one article, so a straight close also closes a curly open.
QUOTE_PAIRS: dict[str, str] = {
    "\u201c": "\u201d\"",  # “ … ”
    '"': '"\u201d',
    "\u00ab": "\u00bb",  # « … »
    "\u201e": "\u201c\u201d",  # „ … “
    "\u2018": "\u2019'",  # ‘ … ’
    "'": "'\u2019",
}
DOUBLE_OPENERS = "\u201c\"\u00ab\u201e"
SINGLE_OPENERS = "\u2018'"

# Subject words that are not a source one could name (what "many describe as").
NON_SPEAKERS: frozenset[str] = frozenset(
    "many some few most all others it this that which who what there each".split()
)

PRONOUN_GENDER: dict[str, str] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}

# Titles and role nouns that say something about a person; "m"/"f" when the word
# itself carries gender, "" when it does not.
ROLE_NOUNS: dict[str, str] = {
    "president": "", "minister": "", "chancellor": "", "premier": "", "leader": "",
    "senator": "", "governor": "", "mayor": "", "secretary": "", "spokesman": "m",
    "spokeswoman": "f", "spokesperson": "", "ambassador": "", "envoy": "", "diplomat": "",
    "official": "", "general": "", "commander": "", "candidate": "", "nominee": "",
    "chairman": "m", "chairwoman": "f", "chair": "", "director": "", "chief": "",
    "executive": "", "king": "m", "queen": "f", "prince": "m", "princess": "f",
    "lawmaker": "", "congressman": "m", "congresswoman": "f", "representative": "",
    "speaker": "", "judge": "", "prosecutor": "", "attorney": "", "lawyer": "",
    "businessman": "m", "businesswoman": "f", "billionaire": "", "mogul": "",
    "host": "", "former": "", "dictator": "", "strongman": "m", "pope": "m",
    "prime": "", "foreign": "", "sheikh": "m", "emir": "m", "sultan": "m",
}

HONORIFIC_GENDER: dict[str, str] = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f",
    "ms.": "f", "miss": "f", "madam": "f", "dame": "f", "lady": "f",
}

# A small first-name list: enough to tell he from she for the names that fill
# political news. Unknown names stay gender-unknown and agree with either pronoun.
MALE_NAMES: frozenset[str] = frozenset(
    """
    donald vladimir joe joseph barack george bill william john james robert michael david
    richard thomas charles mark paul peter steven stephen andrew kevin brian ted mike
    mitt bernie jeb ben marco chris christopher rand scott tim timothy jim ron rudy newt
    emmanuel olaf friedrich keir boris rishi justin xi narendra recep benjamin volodymyr
    sergei sergey dmitry alexei alexander jan wolfgang oleksiy antony lloyd jake marco
    jd j.d. pete jared eric hunter nicolas luiz jair javier kim shinzo fumio yoon tony
    gordon david nigel viktor mateusz andrzej recep mohammed muhammad ali ahmed hassan
    reince sean steve corey rex jeff lindsey matt gavin bobby
    """.split()
)
FEMALE_NAMES: frozenset[str] = frozenset(
    """
    hillary kamala nancy elizabeth ursula angela theresa liz giorgia marine kaja annalena
    sarah sara mary susan karen michelle melania ivanka chelsea nikki condoleezza
    madeleine samantha jill kellyanne hope huma donna debbie amy kirsten tulsi marsha
    lisa maria anna olena yulia julia claudia christine kristalina jacinda sanna mette
    margaret golda indira benazir theresa sheikh katie kristi elise lauren alexandria
    ilhan rashida ayanna carly janet gina jen karine dana
    """.split()
) - frozenset({"sheikh"})

# Prepositional cues: "according to X, ..." and "in X's words".
ACCORDING_TO = ("according", "to")
