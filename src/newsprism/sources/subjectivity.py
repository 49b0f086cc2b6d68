"""Word-level subjectivity: which words of the author's own voice judge, grade or hedge.

The cues are the ones the subjectivity literature uses (Wiebe et al.; Recasens et
al. 2013, "Linguistic models for analyzing and detecting biased language"):

* ``evaluative`` — an adjective or adverb that grades what it describes, used
  *attributively or predicatively* ("a desperate attempt", "a scathing speech",
  "the plan is reckless"). The adjective lexicon is the one TextBlob ships
  (``textblob`` on PyPI, MIT; its ``en-sentiment.xml`` is De Smedt & Daelemans'
  Pattern lexicon, PDDL): about 2,900 adjectives, each with a polarity and a
  subjectivity. A word counts when it is clearly subjective *and* clearly
  polar, so "rich", "new", "first", "military" never do. The judging list of
  ``sources.lexicon`` and strong VADER words used predicatively count too.
* ``loaded`` — a noun or verb that frames what it names (``BIAS_WORDS`` below,
  written for this project, plus ``sources.lexicon.FRAMING``): "regime",
  "tirade", "slammed", "massacre".
* ``intensifier`` ("utterly", "deeply"), ``hedge`` ("arguably", "perhaps"),
  ``assertive`` ("clearly", "of course", "undeniably"): weaker cues, counted
  toward opinion only in pairs (see ``OPINION_WEAK``).

Only lists written here, VADER's lexicon and TextBlob's are used at run time:
the MPQA clues (GPL) and the Recasens et al. lists (no licence) stay in
``../shared`` and serve only to measure (``tests/eval/test_eval_framing.py``).
"""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsprism.sources.lexicon import EVALUATIVE, FRAMING, STRONG_VALENCE, valence


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# An adjective is evaluative when its mean TextBlob subjectivity and polarity
# reach these (tuned on the BABE dev part, see docs/evaluation.md).
MIN_SUBJECTIVITY = 0.7
MIN_POLARITY = 0.35
# A subjective adjective without clear polarity is a weak cue from this subjectivity on.
MIN_WEAK_SUBJECTIVITY = 0.6

# Adjectives that TextBlob rates subjective and polar but that news uses to
# describe, not to judge ("a popular vote", "a real estate", "the final round").
DESCRIPTIVE: frozenset[str] = _words(
    """
    new old young late early last final real true full free open public popular
    common general special certain able available possible necessary clear sure
    simple easy hard difficult strong weak high low big large small little long short
    major minor main top key high-profile entire whole total complete black white red
    blue green dark bright cold hot warm cool dry wet heavy light rich poor fine good
    bad best better worse worst great greater greatest important serious significant
    likely unlikely different similar same other own various current former recent
    private social political economic military national international federal local
    due live single double safe ready happy sorry proud glad welcome interesting
    legal illegal official unofficial sexual racial violent criminal nuclear
    latest wealthy effective effectively deadly favorite favourite fair sick afraid
    famous positive negative successful unique complicated prominent tough
    overwhelming overwhelmingly helpful useful healthy popular similar beautiful
    relevant outstanding unilateral bilateral multilateral powerful intense potential
    willing unwilling sharply steeply
    """
)

# Evaluative adjectives and adverbs of commentary that the adjective lexicon
# lacks ("a bombastic call", "a stinging blow"). Written for this project.
JUDGING_EXTRA: frozenset[str] = _words(
    """
    bombastic stinging scathing elusive premature polarizing polarising divisive
    catastrophic unviable dubious questionable shaky flimsy hollow empty cynical
    naive misguided misleading deceptive disingenuous hypocritical hypocrisy
    farcical toothless spineless feckless inept incompetent clumsy botched
    humiliating humiliation embarrassing embarrassment stunning stunningly
    staggering galling chilling alarming alarmingly troubling disturbing
    worrying worryingly dismaying startling glaring egregious appalling damning
    shameless unhinged erratic bizarre baffling fanciful delusional grandiose
    lofty vague vaguely empty-handed hapless beleaguered embattled vaunted
    cherished coveted triumphant triumphantly resounding humiliated deft deftly
    shrewd shrewdly savvy brazenly cynically conveniently tellingly pointedly
    ominous ominously grim bleak dire perilous precarious fragile wary
    maximalist autocratic despotic tyrannical
    """
)

# Framing nouns and verbs a reporter chooses over a neutral word: "regime" for
# "government", "slammed" for "criticised", "tirade" for "speech". Written for
# this project from common newsroom style-guide warnings.
BIAS_WORDS: frozenset[str] = _words(
    """
    regime regimes slam slams slammed slamming blast blasts blasted blasting
    lash lashed lashes rant rants ranted tirade tirades diatribe screed meltdown
    spree massacre massacres slaughter slaughtered butcher butchered onslaught
    scheme schemes scheming ploy ploys gimmick gimmicks stunt stunts hoax
    propaganda mouthpiece cronies crony cronyism thugs thug mob mobs horde hordes
    extremist extremists extremism radical radicals zealot zealots fanatic
    fanatics ideologue ideologues demagogue demagoguery apologist apologists
    so-called infamous notorious vile heinous atrocious disgraceful shameful
    outrageous absurd ridiculous ludicrous preposterous laughable pathetic
    reckless brazen blatant shameless draconian lavish bloated disastrous
    catastrophic chaotic corrupt crooked sham farce charade debacle fiasco
    boondoggle fearmongering scaremongering hysteria hysterical smear smears
    smeared bully bullies bullying cave caved capitulate capitulated kowtow
    kowtowed grovel groveled pander pandering peddle peddled peddling spew spewed
    spewing tout touted touting flip-flop flip-flopped backpedal backpedaled
    dodge dodged dodging whine whined gloat gloated brag bragged boast boasted
    cling clung lurch lurched rampage rampant illegals
    claim claims claimed claiming lies liar liars hoax racist racists
    sexist bigot bigots bigoted toxic leftist leftists right-wingers right-winger
    alarmist anti-science crusade unholy brutality supremacist supremacists
    ineffective stubborn conspiracy ego cult cultish ripped
    ridiculed ridicule outraged fanfare tricks
    autocrat autocrats despot despots strongman tyrants dictators trap
    """
)

# The vocabulary of attribution and of the courts: a news report needs these words
# to say who claims what and where a case stands ("pleaded guilty", "the alleged
# gunman", "the suspect was charged", "in stable condition", "claimed
# responsibility"). They judge no one in the reporter's mouth: never a cue.
# "claimed" is not among them: for speech it casts doubt where "said" would not
# (AP style; BABE's annotators mark it biased in 87 of its 110 test uses), so it
# stays a framing word, except for what a party takes ("claimed responsibility").
NEWS_PROCEDURE: frozenset[str] = _words(
    """
    allege alleges alleged allegedly guilty innocent
    suspect suspects suspected charged charges accused convicted acquitted
    condition reportedly apparent
    """
)

# Bias words that judge only as nouns ("lies" told, not "the answer lies in").
NOUN_ONLY = frozenset({"lies", "lie", "trap"})
# ... and only as verbs ("critics slammed the plan", not "a blast of cold air").
VERB_ONLY: frozenset[str] = _words(
    "slam slams slammed slamming blast blasts blasted blasting lash lashed lashes"
)
# Objects and particles that make a framing verb literal ("slammed the door shut").
_LITERAL = frozenset({"shut", "door", "doors", "brakes", "off", "open"})

# What a party claims by taking it, not by saying it.
_TAKEN = frozenset({"responsibility", "victory", "life", "lives", "title", "seat", "win"})
# Exaggeration: size and degree words a neutral report would not need.
INTENSITY: frozenset[str] = _words(
    """
    massive enormous tremendous giant huge gigantic colossal drastic drastically
    dramatic dramatically aggressive aggressively staggering unprecedented
    skyrocketing soaring plummeting crushing
    """
)

INTENSIFIERS: frozenset[str] = _words(
    """
    very extremely utterly deeply truly hugely wildly incredibly remarkably
    profoundly grossly totally absolutely completely entirely thoroughly
    staggeringly shockingly painfully woefully sorely blatantly flatly
    outright downright sheer mere merely even so too
    """
)

HEDGES: frozenset[str] = _words(
    """
    perhaps arguably seemingly supposedly ostensibly presumably purportedly somewhat
    """
)

# Adverbs the author uses to assert rather than report ("clearly", "of course").
ASSERTIVES: frozenset[str] = _words(
    """
    clearly obviously undeniably undoubtedly unquestionably certainly surely
    indeed plainly evidently naturally frankly simply
    """
)

# Modals of the author's own prediction or judgement ("would be read as defeat",
# "might complicate", "cannot be viewed in isolation"): a weak cue.
SPECULATIVE = frozenset({"would", "could", "might", "may", "can", "ca"})

# Weak cues needed, without a strong one, for a sentence to read as opinion.
OPINION_WEAK = 1
STRONG_KINDS = frozenset({"question", "first_person", "modal", "evaluative", "loaded"})
WEAK_KINDS = frozenset(
    {"intensifier", "hedge", "assertive", "intensity", "subjective", "speculation"}
)
# Kinds that mark a word choice (loaded-term candidates and BABE's biased words).
WORD_CHOICE = frozenset({"evaluative", "loaded", "intensity"})


def _lexicon_path() -> Path | None:
    # Located without importing textblob (whose import pulls in NLTK).
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "en" / "en-sentiment.xml"
    return path if path.exists() else None


@lru_cache(maxsize=1)
def adjectives() -> dict[str, tuple[float, float]]:
    """Adjective → (mean polarity, mean subjectivity) over its senses in TextBlob's lexicon."""
    path = _lexicon_path()
    if path is None:
        return {}
    sums: dict[str, list[float]] = {}
    for el in ET.parse(path).getroot().iter("word"):
        form = (el.get("form") or "").lower()
        if el.get("pos") != "JJ" or not form or " " in form:
            continue
        acc = sums.setdefault(form, [0.0, 0.0, 0.0])
        acc[0] += float(el.get("polarity") or 0.0)
        acc[1] += float(el.get("subjectivity") or 0.0)
        acc[2] += 1.0
    return {w: (round(p / n, 3), round(s / n, 3)) for w, (p, s, n) in sorted(sums.items())}


def adjective_polarity(word: str) -> float:
    """TextBlob polarity in [-1, 1] of a lowercase adjective, 0.0 when absent."""
    return adjectives().get(word, (0.0, 0.0))[0]


def _graded(low: str) -> bool:
    if low in DESCRIPTIVE:
        return False
    pol, subj = adjectives().get(low, (0.0, 0.0))
    return subj >= MIN_SUBJECTIVITY and abs(pol) >= MIN_POLARITY


def _subjective(low: str) -> bool:
    """Subjective but not clearly polar ("unusual", "stark"): a weak opinion cue."""
    return low not in DESCRIPTIVE and adjectives().get(low, (0.0, 0.0))[1] >= MIN_WEAK_SUBJECTIVITY


def _adjective_of_adverb(low: str) -> str:
    """'desperately' → 'desperate', 'angrily' → 'angry' (for the adjective lexicon)."""
    if low.endswith("ily"):
        return low[:-3] + "y"
    if low.endswith("ly"):
        return low[:-2]
    return low


def _predicative(tok: Any) -> bool:
    """An adjective said *of* something ("the plan is reckless"), or a sentence adverb."""
    if tok.pos_ == "ADV":
        return bool(tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX", "ADJ"))
    if tok.pos_ != "ADJ":
        return False
    if tok.dep_ == "conj":
        tok = tok.head
    return bool(
        tok.dep_ in ("acomp", "oprd", "ROOT") or (tok.dep_ == "attr" and tok.head.lemma_ == "be")
    )


def word_cue(tok: Any) -> str | None:
    """The subjectivity cue one token of the author's own words carries, if any."""
    low = tok.lower_
    pos = tok.pos_
    if tok.ent_type_ and tok.ent_iob_ in ("B", "I") and tok.ent_type_ not in ("NORP",):
        return None  # part of a name: "United", "Justice", "Earnest"
    if pos in ("PROPN", "NUM") or low in NEWS_PROCEDURE:
        return None
    if tok.dep_ == "amod" and tok.head.lower_ == "condition":
        return None  # "in critical condition": a hospital's word, not a judgement
    if low in DESCRIPTIVE and low not in EVALUATIVE:
        return None
    if (low in EVALUATIVE or low in JUDGING_EXTRA) and pos in ("ADJ", "ADV", "NOUN"):
        return "evaluative"
    if pos == "ADJ" and _graded(low):
        return "evaluative"
    if pos == "ADV" and low.endswith("ly") and _graded(_adjective_of_adverb(low)):
        return "evaluative"
    if _predicative(tok) and abs(valence(low)) >= STRONG_VALENCE:
        return "evaluative"
    if low in FRAMING or low in BIAS_WORDS:
        if low in NOUN_ONLY and pos != "NOUN":
            return None  # "in this tension lies the fragility": to lie, not a lie
        if low in VERB_ONLY and pos != "VERB":
            return None  # "the gate slam", "a blast of cold air"
        if pos == "VERB" and any(
            c.dep_ in ("prt", "acomp", "oprd") or c.lower_ in _LITERAL for c in tok.children
        ):
            return None  # "the door will slam shut", "blasted off": a literal use
        if tok.lemma_.lower() == "claim" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _TAKEN for c in tok.children
        ):
            return None  # "claimed responsibility", "claimed the lives of": no doubt cast
        return "loaded"
    if low in INTENSITY and pos in ("ADJ", "ADV"):
        return "intensity"
    if low in INTENSIFIERS and pos == "ADV" and tok.head.pos_ in ("ADJ", "ADV", "VERB"):
        if tok.head.tag_ == "VBN" and tok.head.dep_ == "amod":
            return None  # "deeply held positions", "a widely shared view": a description
        # "so" and "too" only in front of an adjective ("so reckless"), not "so far".
        if low in ("so", "too", "even", "mere", "merely") and tok.head.pos_ != "ADJ":
            return None
        return "intensifier"
    if pos == "ADJ" and _subjective(low):
        return "subjective"
    if pos == "ADV" and low.endswith("ly") and _subjective(_adjective_of_adverb(low)):
        return "subjective"
    if low in HEDGES and pos == "ADV":
        return "hedge"
    if low in ASSERTIVES and pos == "ADV":
        return "assertive"
    return None


# Every word list ``word_cue`` names by form: a word outside them (and outside the
# lexicons below) never carries a cue, whatever its part of speech.
_LISTED = (
    EVALUATIVE | JUDGING_EXTRA | frozenset(FRAMING) | BIAS_WORDS | INTENSITY | INTENSIFIERS
) | (HEDGES | ASSERTIVES)


def may_cue(low: str) -> bool:
    """Whether ``word_cue`` can return a cue for some token of this lowercase form.

    A cheap test on the form alone, true for every form ``word_cue`` can mark, so
    callers ask ``word_cue`` only of tokens it passes.
    """
    if low in _LISTED or low in adjectives() or abs(valence(low)) >= STRONG_VALENCE:
        return True
    return low.endswith("ly") and _adjective_of_adverb(low) in adjectives()


def capitals_cue(low: str) -> str | None:
    """The cue of a word in an all-capitals headline, from the word lists alone.

    The tagger reads "CHARADE" in "MARCHENKO'S HALLORAN CHARADE" as a proper
    noun, so the part of speech cannot be trusted there; listed words can.
    """
    if low in NEWS_PROCEDURE:
        return None
    if low in EVALUATIVE or low in JUDGING_EXTRA:
        return "evaluative"
    if low in FRAMING or low in BIAS_WORDS:
        return "loaded"
    return None


def is_opinion(kinds: list[str]) -> bool:
    """One strong cue, or ``OPINION_WEAK`` weak ones, make a sentence the author's opinion."""
    if any(k in STRONG_KINDS for k in kinds):
        return True
    return sum(1 for k in kinds if k in WEAK_KINDS) >= OPINION_WEAK
