"""A cheap check that a text is English, so the miner can warn when it is asked to mine something else.

The models argmine ships are trained on English essays and op-eds; on other languages they still return a valid
Document, but its units and relations mean little. ``english_score`` needs no model and no dependency: it looks
at the share of letters that are Latin (A-Z) and at the share of Latin-script words that are common English
function words ("the", "of", "because", ...), which make up a third or more of any running English prose and
almost none of German, French, Spanish, ... prose (words that are also common function words there, such as
"in", "a", "die", "was", "on", are left out of the list). A text is judged not English on positive evidence: a
script that is mostly not A-Z, or the function words of other languages outnumbering English ones (Hindi and Urdu
written in Latin letters included); English with few function words of any kind (a list of headlines, a table, a
statistics box) stays English.

    >>> from argmine.lang import detect
    >>> detect("The city should build protected lanes because paint does not stop cars. " * 3)
    {'english': True, 'score': 1.0, 'judged': True}
    >>> detect("")  # no words: nothing in it is English, and nothing was judged
    {'english': False, 'score': 0.0, 'judged': False}

Only the first ``MAX_SAMPLE_CHARS`` characters are looked at, so the check costs the same for any length.
"""
from __future__ import annotations

import re
import warnings
from typing import Dict, Optional, Union
from .callsite import user_stacklevel
from .errors import ArgumentTypeError

__all__ = ["NonEnglishWarning", "detect", "english_score", "warn_if_not_english",
           "MIN_WORDS", "THRESHOLD", "MAX_SAMPLE_CHARS", "FOREIGN_MIN", "FOREIGN_FUNCTION_WORDS"]

MIN_WORDS = 20            # texts with fewer words are not judged (too little to tell): english when they have a word
MIN_LETTERS = 120         # ... unless they hold this many letters, mostly not A-Z (scripts written without spaces)
THRESHOLD = 0.4           # score below this: not English (English abstracts score >= 0.55, Danish ~0.26)
MAX_SAMPLE_CHARS = 100_000
_FULL_SHARE = 0.25        # a function-word share at or above this counts as fully English

# Common English function words that are not also common words of other languages written in Latin script
# (German, French, Spanish, Italian, Portuguese, Dutch, ...): "in", "a", "an", "die", "was", "on", "or", "no",
# "so", "also", "will", "man", "he", "me", "son", "come", "is", "of", "we", "had", "over", "as", "do", "i"
# are left out.
ENGLISH_FUNCTION_WORDS = frozenset("""
the and to that it for with be this are not by from at have has they you she but which their would can
more if there been were should because than what when who our these those its them about into only other could
does some such many most even just out up my your his her may must how why where then any each all one
while though although however therefore thus whether both either neither nor very too much few less least
him us it's don't doesn't isn't aren't can't won't we're they're i'm you're let's being having did done
upon within without between against among through during before after above below under again further once
here own same than until off whom whose yet every another since across toward towards instead rather
""".split())

# Common function words of other languages written in Latin script, none of them a common English word: German,
# French, Spanish, Italian, Portuguese, Dutch, Scandinavian, Finnish, Polish, Czech, Turkish, Indonesian/Malay,
# Swahili, and Hindi/Urdu as written in Latin letters (romanised, as in code-switched social media text).
FOREIGN_FUNCTION_WORDS = frozenset("""
der das und ist nicht mit ein eine einen zu von sich auch auf für dem wir ich sie es werden wird sind oder aber
wenn nach bei noch wie über nur dass sehr schon kann
le la les et est des une du dans qui pour pas sur avec ce cette sont au aux nous vous il elle mais ou plus ne
je leur été être très aussi comme
el los las y es del que una por con para se lo su como más pero al sus este esta fue ser también muy está
il gli che di è della per non sono anche più ma nel alla dei delle questo
os não uma um com é da dos das em mais ao foi isso pelo pela
het een van dat niet op voor zijn ook bij er maar om wordt naar ik wij
og det er ikke jeg til av på som med har och att är inte för om var
ja ei on että se oli ovat kuin mutta myös
nie jest się na że do od tak jak ale czy oraz
je se na že jsou jak ale také
ve bir bu da ile için olan gibi çok daha
yang dan di ini itu dengan untuk tidak dari dalam akan pada juga adalah ke karena
na ya kwa wa ni za katika
hai hain ka ki ke ko se aur nahi nahin kya bhi toh mein yeh woh tha thi kar ek ye wo hum tum aap mera meri
apna kuch sab bahut lekin jo agar kyun kyunki abhi yaar accha acha
""".split()) - ENGLISH_FUNCTION_WORDS - frozenset(  # English words too, or common in English text (OS, MIT, op-ed)
    "on per var do al pour plus os um com dos em op mit".split())
FOREIGN_MIN = 0.1         # other languages' function words at this share of the words or more: not English
PLAIN_LATIN = 0.97        # a text with few function words of any language is English only if this Latin

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
# a token is one CJK character (those scripts do not space words) or a run of other letters
_TOKEN = re.compile(rf"[{_CJK}]|[^\W\d_{_CJK}]+(?:['\u2019][^\W\d_{_CJK}]+)?")
_LATIN_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?\Z")
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


class NonEnglishWarning(UserWarning):
    """The text does not look like English; the model's units and relations will be unreliable."""


def english_score(text: str) -> Dict[str, Union[float, int]]:
    """``{"score", "latin", "function_words", "words"}`` for ``text`` (its first MAX_SAMPLE_CHARS characters).

    ``latin``: share of letters that are A-Z. ``function_words``: share of A-Z words that are common English
    function words. ``score`` = ``latin * min(1, function_words / 0.25)``, in [0, 1]; English prose scores
    about 1, other languages near 0. ``words``: the number of words (a CJK character counts as one).

    Returns:
        A dict: ``score``, ``latin`` and ``function_words`` (floats in [0, 1]) and ``words`` (an int: the A-Z words
        counted).

    Raises:
        ArgumentTypeError: ``text`` is not a str (E111).
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"text must be a str; got {type(text).__name__}. "
                                "Decode bytes first (data.decode('utf-8')).")
    sample = text[:MAX_SAMPLE_CHARS]
    tokens = _TOKEN.findall(sample)
    n_letters = len(_LETTER.findall(sample))
    latin = len(_ASCII_LETTER.findall(sample)) / n_letters if n_letters else 0.0
    words = [t.lower().replace("\u2019", "'") for t in tokens]
    latin_words = [w for w in words if _LATIN_TOKEN.match(w)]
    fw = sum(w in ENGLISH_FUNCTION_WORDS for w in latin_words) / len(latin_words) if latin_words else 0.0
    foreign = sum(w in FOREIGN_FUNCTION_WORDS for w in words) / len(words) if words else 0.0
    score = latin * min(1.0, fw / _FULL_SHARE)
    return {"score": round(score, 4), "latin": round(latin, 4), "function_words": round(fw, 4),
            "foreign_function_words": round(foreign, 4), "words": len(tokens), "letters": n_letters}


def detect(text: str) -> Dict[str, Union[bool, float]]:
    """``{"english": bool, "score": float, "judged": bool}``: what the miner records in ``doc.meta["language"]``.

    ``judged`` is False for a text too short to judge (under MIN_WORDS words, e.g. a headline; for scripts that are
    mostly not A-Z, also under MIN_LETTERS letters): such a text is taken as English when it has a word, and is
    not English when it has none (empty, blank, only digits or punctuation: nothing in it is English); its score is
    still reported. Only a judged text that is not English gets a NonEnglishWarning. A longer text is not English
    when the function words of other languages (``FOREIGN_FUNCTION_WORDS``, Hindi in Latin letters included)
    make up ``FOREIGN_MIN`` of its words and outnumber English ones; else it is English when its score reaches
    ``THRESHOLD``, or, with few function words of any language (a list of headlines, a table, a statistics box),
    when it is written in A-Z (``PLAIN_LATIN`` of its letters).

    Returns:
        A dict ``{"english": bool, "score": float in [0, 1], "judged": bool}``.
    """
    s = english_score(text)
    judged = _judged(s)
    english = _is_english(s) if judged else s["words"] > 0
    return {"english": english, "score": float(s["score"]), "judged": judged}


def _judged(s: Dict[str, Union[float, int]]) -> bool:
    """Whether a text holds enough to tell its language (see :func:`detect`)."""
    return s["words"] >= MIN_WORDS or (s["letters"] >= MIN_LETTERS and s["latin"] < 0.5)


def _is_english(s: Dict[str, Union[float, int]]) -> bool:
    """The rule of :func:`detect` on the figures of :func:`english_score` (of a text long enough to judge)."""
    if not _judged(s):
        return True
    other = s["foreign_function_words"]
    if other >= FOREIGN_MIN and other > s["function_words"]:
        return False  # another language's function words outnumber English ones (also Hindi in Latin letters)
    if s["score"] >= THRESHOLD:
        return True
    # few function words of any language: headlines, lists, tables and statistics; English when written in A-Z
    return other < FOREIGN_MIN / 2 and s["latin"] >= PLAIN_LATIN


def warn_if_not_english(language: Dict[str, Union[bool, float]], doc_id: Optional[str] = None,
                        stacklevel: Optional[int] = None) -> bool:
    """Issue one NonEnglishWarning when ``language`` (from :func:`detect`) judged the text not English; True if it did
    (a text too short to judge, ``judged`` False, never warns). ``stacklevel``: as ``warnings.warn``'s, counted from
    this function's caller; None: the first line of the caller's code outside argmine (``argmine.callsite``).

    Returns:
        True when it warned, False otherwise."""
    if language.get("english", True) or not language.get("judged", True):
        return False
    which = f"text {doc_id!r}" if doc_id is not None else "a text"
    warnings.warn(
        f"{which} does not look like English (English score {language.get('score', 0.0):.2f} of 1); "
        "argmine's models are trained on English, so its units and relations are unreliable. "
        "doc.meta['language'] records this; silence it with "
        "warnings.simplefilter('ignore', argmine.lang.NonEnglishWarning).",
        NonEnglishWarning, stacklevel=stacklevel + 1 if stacklevel is not None else user_stacklevel())
    return True
