"""Does a text read as a student essay or as news prose? A small style classifier that decides the essay layout.

A text of essay shape (3 to ``DecodeOptions.essay_max_paragraphs`` content paragraphs) used to get the essay rules
on its shape alone: major claims only in the first and last paragraphs, premise links inside their paragraph. Many
short op-eds and letters to the editor have that shape too, and read as essays they lose the thesis stated in a
middle paragraph and the links across paragraphs. Paragraph length does not tell the two apart (essays of the AAEC
corpus have a median of 60 words a paragraph, the 3-7-paragraph editorials of Webis-Editorials-16 76-81), but their
style does: news prose names people and places, quotes them, reports speech and dates, and gives figures; student
essays argue in general terms and signpost their moves ("Firstly", "In conclusion", "I believe").

The classifier is a logistic regression over ``len(FEATURE_NAMES)`` topic-free style rates in the tradition of
register and genre analysis by surface cues (Biber 1988, *Variation across Speech and Writing*; Kessler, Nunberg
and Schütze 1997, "Automatic detection of text genre", ACL): the share of capitalised words that do not open a
sentence (names), of words with digits, quotation marks, pronouns of each person, essay signposts and reporting verbs
per sentence, dates, titles of office, percentages, brackets and dashes, sentence and word length. It was fitted by
``benchmarks/train_genre.py`` on AAEC training essays against Webis-Editorials-16 training editorials and ships as
``argmine/resources/genre_style.json`` (plain numbers, no pickle; read on first use, not at import).

Public API
----------
``style_features(text) -> list[float]``
    The features of a text, in ``FEATURE_NAMES`` order.
``StyleModel``
    A loaded classifier: ``essay_probability(text) -> float``.
``load_style_model(path=None) -> StyleModel``
    The shipped classifier (cached) or one read from ``path``.
``essay_probability(text) -> float``
    P(the text reads as an essay, not as news prose) with the shipped classifier.
``content_text(text, spans) -> str``
    The text of the content paragraphs (furniture left out) that the miner rates.
"""
from __future__ import annotations

import json
import math
import re
import threading
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Union

from .errors import ArgumentTypeError, SavedFileFormatError

__all__ = ["content_text", "style_features", "StyleModel", "load_style_model", "essay_probability", "FEATURE_NAMES", "FORMAT",
           "DEFAULT_MODEL_PATH"]

FORMAT = "argmine-genre-style"
DEFAULT_MODEL_PATH = Path(__file__).resolve().parent / "resources" / "genre_style.json"

FEATURE_NAMES = ("names", "digits", "quotes", "first_singular", "first_plural", "second_person", "signposts",
                 "reporting", "dates", "titles", "log_sentence_words", "word_chars", "percent", "brackets", "dashes")

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*|\d[\d,.]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+")
_QUOTES = re.compile(r"[\"\u201c\u201d\u00ab\u00bb\u201e]")
_DASHES = re.compile(r"[\u2014\u2013]| - ")
# essay signposts: the moves of a school essay (introduction, enumeration, opinion, example, conclusion)
_SIGNPOSTS = re.compile(
    r"\b(in conclusion|to conclude|to sum up|in summary|in a nutshell|all in all|in my (?:opinion|view)|"
    r"from my (?:point of view|perspective)|personally|i (?:strongly |firmly )?(?:believe|think|agree|disagree|feel)|"
    r"firstly|secondly|thirdly|lastly|first of all|furthermore|moreover|in addition|on the other hand|"
    r"for example|for instance|nowadays|some people|other people)\b", re.I)
# reported speech and sources, the news writer's attributions
_REPORTING = re.compile(r"\b(said|says|told|according to|reported|announced|wrote|stated|claimed|insisted)\b", re.I)
_DATES = re.compile(r"\b(january|february|march|april|june|july|august|september|october|november|december|monday|"
                    r"tuesday|wednesday|thursday|friday|saturday|sunday|(?:1[89]|20)\d\d)\b", re.I)
_TITLES = re.compile(r"\b(mr|mrs|ms|dr|president|minister|senator|governor|prime|secretary|chancellor|mayor|"
                     r"spokesman|spokeswoman|spokesperson)\b", re.I)
_PRONOUNS = {"first_singular": {"i", "me", "my", "mine", "myself"}, "first_plural": {"we", "us", "our", "ours"},
             "second_person": {"you", "your", "yours", "yourself"}}


def content_text(text: str, spans: Sequence[tuple]) -> str:
    """The ``(start, end)`` character spans of ``text`` (its content paragraphs, e.g. the miner's
    ``ParagraphInput`` runs), joined by blank lines: what the miner rates with ``essay_probability``.

    Returns:
        A str (empty for no spans)."""
    return "\n\n".join(text[a:b] for a, b in spans)


def style_features(text: str) -> List[float]:
    """The style rates of ``text`` (any length; an empty text gives zeros), in ``FEATURE_NAMES`` order.

    Rates per word: capitalised words that do not open a sentence (other than "I"), words holding a digit,
    quotation marks, first-person singular, first-person plural and second-person pronouns, dates (month and day
    names, years 1800-2099), titles of office, percentages ("%", "percent"), opening brackets and dashes. Rates per
    sentence: essay signposts and reporting verbs. Then the log of the mean sentence length in words and the mean
    word length in characters.

    Returns:
        A list of ``len(FEATURE_NAMES)`` floats.

    Raises:
        ArgumentTypeError: ``text`` is not a str (E111)."""
    if not isinstance(text, str):
        raise ArgumentTypeError(f"text must be a str; got {type(text).__name__}. Pass the text whose style to rate.")
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]
    words = _WORD.findall(text)
    n, ns = max(len(words), 1), max(len(sentences), 1)
    names = sum(1 for s in sentences for w in _WORD.findall(s)[1:] if w[0].isupper() and w != "I")
    low = [w.lower() for w in words]
    pron = {k: sum(1 for w in low if w in v) / n for k, v in _PRONOUNS.items()}
    return [names / n, sum(1 for w in words if w[0].isdigit()) / n, len(_QUOTES.findall(text)) / n,
            pron["first_singular"], pron["first_plural"], pron["second_person"],
            len(_SIGNPOSTS.findall(text)) / ns, len(_REPORTING.findall(text)) / ns, len(_DATES.findall(text)) / n,
            len(_TITLES.findall(text)) / n, math.log(max(len(words), 1) / ns),
            sum(map(len, words)) / n if words else 0.0,
            (text.count("%") + low.count("percent")) / n, (text.count("(") + text.count("[")) / n,
            len(_DASHES.findall(text)) / n]


class StyleModel:
    """A fitted essay-versus-news classifier: feature means and scales, coefficients, intercept and training notes.

    Raises:
        SavedFileFormatError: coefficients or scaling that do not match ``FEATURE_NAMES`` (E010)."""

    def __init__(self, coef: Sequence[float], intercept: float, mean: Sequence[float], scale: Sequence[float],
                 meta: Optional[Dict[str, object]] = None) -> None:
        k = len(FEATURE_NAMES)
        if not len(coef) == len(mean) == len(scale) == k:
            raise SavedFileFormatError(f"coef, mean and scale must each hold {k} numbers (FEATURE_NAMES); got "
                                       f"{len(coef)}, {len(mean)} and {len(scale)}")
        self.coef = [float(x) for x in coef]
        self.intercept = float(intercept)
        self.mean = [float(x) for x in mean]
        self.scale = [float(x) or 1.0 for x in scale]
        self.meta = dict(meta or {})

    def essay_probability(self, text: str) -> float:
        """P(``text`` reads as an essay rather than news prose).

        Returns:
            A float in [0, 1].

        Raises:
            ArgumentTypeError: ``text`` is not a str (E111)."""
        z = self.intercept + sum(c * (x - m) / s for c, x, m, s in
                                 zip(self.coef, style_features(text), self.mean, self.scale))
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def to_json(self) -> str:
        """The model as the JSON text ``from_json`` reads.

        Returns:
            A str of JSON."""
        return json.dumps({"format": FORMAT, "format_version": 1, "features": list(FEATURE_NAMES), "coef": self.coef,
                           "intercept": self.intercept, "mean": self.mean, "scale": self.scale, "meta": self.meta},
                          indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "StyleModel":
        """A model from ``to_json``'s text.

        Returns:
            A ``StyleModel``.

        Raises:
            SavedFileFormatError: not an argmine genre-style file, or one of other features (E010)."""
        try:
            d = json.loads(text)
        except ValueError as e:
            raise SavedFileFormatError(f"a genre-style model must be JSON; got unreadable text ({e})") from None
        if not isinstance(d, dict) or d.get("format") != FORMAT:
            raise SavedFileFormatError(f"a genre-style model must have format {FORMAT!r}; got "
                                       f"{d.get('format') if isinstance(d, dict) else type(d).__name__!r}")
        if tuple(d.get("features") or ()) != FEATURE_NAMES:
            raise SavedFileFormatError(f"a genre-style model must use the features {list(FEATURE_NAMES)}; got "
                                       f"{d.get('features')}. Retrain it with benchmarks/train_genre.py.")
        return cls(d["coef"], d["intercept"], d["mean"], d["scale"], d.get("meta"))


_CACHE: Dict[str, StyleModel] = {}
_LOCK = threading.Lock()


def load_style_model(path: Optional[Union[str, Path]] = None) -> StyleModel:
    """The style classifier read from ``path`` (default: the shipped ``resources/genre_style.json``), cached.

    Returns:
        The ``StyleModel`` (the same object for the same path, while cached).

    Raises:
        SavedFileFormatError: the file is not a genre-style model (E010)."""
    p = Path(path) if path is not None else DEFAULT_MODEL_PATH
    key = str(p.resolve())
    with _LOCK:
        model = _CACHE.get(key)
        if model is None:
            model = _CACHE[key] = StyleModel.from_json(p.read_text(encoding="utf-8"))
    return model


def essay_probability(text: str) -> float:
    """P(``text`` reads as an essay rather than news prose) with the shipped classifier; see ``StyleModel``.

    Returns:
        A float in [0, 1].

    Raises:
        ArgumentTypeError: ``text`` is not a str (E111)."""
    return load_style_model().essay_probability(text)
