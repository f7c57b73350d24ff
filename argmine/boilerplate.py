"""A small learned classifier of page-furniture lines ("boilerplate"), beside the rules of ``argmine.noise``.

The rules in ``argmine.noise`` know the furniture they were written for; this model is meant to catch what they
miss -- captions in other styles, credits, "read in another language" lines, related-article lists, bylines, author
bios, comment prompts, subheadings. It judges one line at a time from

* hashed character n-grams (2-4 letters, inside word boundaries) and hashed words and word pairs of the line,
* a few dozen dense features: length, word count, capitalisation, final punctuation, digits, years, months, times,
  photo-agency and credit words, "(left)"/"(right)", separators ("|", "/", bullets), URLs, e-mail addresses and
  handles, language names, function-word and verb-like-word ratios, first/second-person pronouns, the number of
  sentences, the line's position among the non-blank lines of its text, and whether any later line reads as body
  prose (``after_body``: a line after the last body paragraph is in the page foot, where bios and notes stand),
  and (feature spec version 3, ``DENSE_NAMES_V3``) shapes that hold across languages and scripts: the share of
  letters outside the Latin script, a list-item prefix of any symbol or number, a line wholly in quote marks of any
  kind, a closing quote mark at its end, arrows, hashtags, parts set apart by " / " or " | ", a bracketed lead,
* a few hashed conjunctions of position, length and final punctuation,

and a multinomial logistic regression over ``body`` and the furniture kinds (``argmine.noise.KINDS``) that was
fitted by ``benchmarks/train_boilerplate.py`` (real argumentative paragraphs and sentences as ``body``; synthetic
furniture lines in many styles; and the hand-written marked pages of ``data/examples/news_pages*``, whole, their
furniture lines as furniture and their other lines as body). ``benchmarks/furniture_cv.py`` estimates how it does on
an outlet it never saw (leave-one-set-out over those folders). The probability that a line is furniture is ``1 - P(body)``.

The fitted model ships as package data in a safe format: ``argmine/resources/boilerplate_lines.json`` holds the
feature spec, the class list, the decision threshold and the coefficients as base64 of little-endian float16 (read
with ``json`` and ``numpy.frombuffer``; no pickle). It is read on first use, not at import.

Public API
----------
``line_features(line, *, position, n_lines, spec=None) -> (indices, values, dense)``
    The features of one line (hashed sparse part and dense part), as the model and the trainer see them.
``LineModel``
    A loaded model: ``proba(lines, positions, n_lines) -> numpy array`` of furniture probabilities and
    ``predict(...)`` of kinds (``None`` for body).
``load_model(path=None) -> LineModel``
    The shipped model (cached) or one read from ``path``.
``load_text_model() -> LineModel``
    The shipped model for a text in which the rules find no furniture (``noise_lines`` picks it then): fitted on
    synthetic pages only, without the marked pages, whose first line is always a headline.
``furniture_probability(lines, *, positions=None, n_lines=None) -> list[float]``
    Furniture probability of each line with the shipped model.
"""
from __future__ import annotations

import base64
import json
import math
import re
import threading
import zlib
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple, Union
from .errors import ArgumentTypeError, ArgumentValueError, SavedFileFormatError

__all__ = ["line_features", "after_body", "is_prose", "LineModel", "load_model", "furniture_probability",
           "DEFAULT_MODEL_PATH", "TEXT_MODEL_PATH", "load_text_model", "FEATURE_SPEC", "DENSE_NAMES", "DENSE_NAMES_V3", "dense_names", "FORMAT"]

FORMAT = "argmine-boilerplate-lines"
DEFAULT_MODEL_PATH = Path(__file__).resolve().parent / "resources" / "boilerplate_lines.json"
#: the model for a text in which the rules find no furniture at all (fitted on synthetic pages only; round 10's)
TEXT_MODEL_PATH = Path(__file__).resolve().parent / "resources" / "boilerplate_lines_text.json"

#: the feature spec a model is trained with; a model file stores its own copy and is read with it
FEATURE_SPEC: Dict[str, object] = {
    "version": 3,  # 3: the dense features of ``DENSE_NAMES_V3`` too (a version-2 model reads without them)
    "n_hash": 1 << 14,
    "char_ngrams": [2, 4],
    "word_bigrams": True,
    "max_chars": 400,  # only the first (and last) characters of a long line feed the n-grams
}

_WORD = re.compile(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MONTH = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|f\u00e9vrier|mars|avril|juin|juillet|"
                    r"ao\u00fbt|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|"
                    r"diciembre|januar|februar|m\u00e4rz|juni|juli|oktober|dezember)\b", re.IGNORECASE)
_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?[ap]\.?m\.?\b|\b(?:GMT|UTC|EST|EDT|PST|PDT|BST|CET|ET)\b"
                   r"|\b\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?)\s+(?:ago|read)\b", re.IGNORECASE)
_CREDIT_WORDS = re.compile(
    r"\b(?:photo(?:graph)?s?|pictures?|images?|illustration|credit|courtesy|getty|reuters|ap|afp|epa|shutterstock|"
    r"alamy|bloomberg|xinhua|anadolu|nurphoto|istock(?:photo)?|corbis|rex|dpa|zuma|sipa|imago|unsplash|pexels|"
    r"wikimedia|flickr|associated press|pa|efe|file|handout|staff|foto|bild|caption|video|watch|gallery)\b",
    re.IGNORECASE)
_SIDE = re.compile(r"\((?:left|right|centre|center|top|bottom|front|back|second (?:left|right)|l|r|c|"
                   r"from left|far left|far right|pictured|inset|above|below)\)", re.IGNORECASE)
_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|co\.uk|de|fr|es|io)\b|[\w.+-]+@[\w-]+\.\w+|(?<!\w)@\w{2,}",
                  re.IGNORECASE)
_LANG = re.compile(
    r"\b(?:english|spanish|french|german|portuguese|italian|arabic|chinese|mandarin|japanese|korean|russian|"
    r"hindi|urdu|turkish|dutch|polish|swahili|kiswahili|persian|farsi|hebrew|indonesian|vietnamese|thai|catalan|"
    r"ukrainian|greek|espa\u00f1ol|fran\u00e7ais|deutsch|portugu\u00eas|italiano|\u65e5\u672c\u8a9e|"
    r"\u4e2d\u6587|\u0627\u0644\u0639\u0631\u0628\u064a\u0629|\u0440\u0443\u0441\u0441\u043a\u0438\u0439|"
    r"t\u00fcrk\u00e7e|nederlands|polski|bahasa)\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s[|\u2022\u00b7/\u2013\u2014]\s|\s[|\u2022\u00b7]|[|\u2022\u00b7]\s")
_FUNCTION = frozenset(
    "a an the and or but nor of in on at to for by with from as into over is are be been being was were that this "
    "these those it its not no so if than then there their they them he she his her we our us you your i my me "
    "which who whom whose what when where why how all any some more most such also only just even because while "
    "although though however therefore thus can could should would will shall may might must do does did has "
    "have had".split())
_VERBS = frozenset(
    "is are was were be been being am has have had do does did can could should would will shall may might must "
    "need needs make makes made get gets got give gives take takes think thinks believe believes argue argues "
    "show shows mean means know knows seem seems become becomes remain remains cause causes help helps lead leads "
    "allow allows require requires want wants say says said pay pays cost costs work works".split())
_FIRST = frozenset("i we our us my me ourselves".split())
_SECOND = frozenset("you your yours yourself".split())
_FINAL_PUNCT = "\"'\u201d\u2019\u00bb)]* \t"

DENSE_NAMES: Tuple[str, ...] = (
    "log_chars", "log_words", "words_le3", "words_le8", "words_le15", "words_gt40",
    "ends_period", "ends_qe", "ends_colon", "ends_none", "ends_paren", "ends_comma",
    "starts_paren", "starts_lower", "starts_digit", "starts_quote",
    "cap_ratio", "upper_ratio", "digit_ratio", "all_caps",
    "has_year", "has_month", "has_date", "has_time",
    "credit_words", "side_marker", "separators", "url_mail", "language",
    "function_ratio", "verb_ratio", "first_person", "second_person",
    "sentences", "comma_ratio", "quotes", "parens",
    "rel_pos", "is_first", "is_last", "head3", "foot3", "log_n_lines", "after_body",
)
#: dense features of spec version 3, after those of version 2: shapes that hold across languages and scripts --
#: the share of letters outside the Latin script, a list-item prefix of any symbol or a number ("\u2023 ", "1) "),
#: a line wholly in quote marks of any kind, a closing quote mark at its end, an arrow, hashtags, the number of parts
#: set apart by " / " or " | " (a line in several languages), a bracketed lead ("[Name/Outlet] ...")
DENSE_NAMES_V3: Tuple[str, ...] = ("nonlatin_ratio", "bullet_any", "quoted_whole", "ends_quote", "arrow", "hashtags",
                                   "slash_parts", "bracket_lead")
DENSE_NAMES: Tuple[str, ...] = DENSE_NAMES + DENSE_NAMES_V3


def dense_names(spec: Optional[Dict[str, object]] = None) -> Tuple[str, ...]:
    """The dense feature names of models with feature spec ``spec`` (default: ``FEATURE_SPEC``).

    Returns:
        A tuple of str: ``DENSE_NAMES`` for spec version 3 or later, without ``DENSE_NAMES_V3`` before."""
    spec = FEATURE_SPEC if spec is None else spec
    return DENSE_NAMES if int(spec.get("version", 2)) >= 3 else DENSE_NAMES[:len(DENSE_NAMES) - len(DENSE_NAMES_V3)]


_DIGIT = re.compile(r"\d")
_OPEN_MARKS = "\"'\u201c\u201e\u00ab\u2018\u201a\u2039\u300c\u300e\u275d\u275b\u301d\uff02\u00bb\u203a"
_CLOSE_MARKS = "\"'\u201d\u201c\u00bb\u2019\u203a\u300d\u300f\u00ab\u2039\u275e\u275c\u301e\u301f\uff02"
_BULLET_ANY = re.compile(r"^(?:[^\w\s\"'(\[\u201c\u2018\u00ab\u201e]{1,2}\s+\S|\(?\d{1,2}[.)]\s+\S)")
_ARROW = re.compile(r"[\u2190-\u21ff\u27f5-\u27ff\u2794-\u27bf]|->|=>")
_PARTS = re.compile(r"\s[/|]\s")
_BRACKET_LEAD = re.compile(r"^\[[^\[\]]{2,60}\]\s*\S")


def _dense_v3(s: str) -> List[float]:
    """The ``DENSE_NAMES_V3`` features of the stripped line ``s``."""
    letters = [ch for ch in s if ch.isalpha()]
    nonlatin = sum(1 for ch in letters if ord(ch) > 0x24F) / len(letters) if letters else 0.0
    t = s.rstrip(" \t*_")
    return [nonlatin, float(bool(_BULLET_ANY.match(s))),
            float(len(t) > 2 and t[0] in _OPEN_MARKS and t[-1] in _CLOSE_MARKS),
            float(len(t) > 1 and t[-1] in _CLOSE_MARKS), float(bool(_ARROW.search(s))),
            min(s.count("#"), 3) / 3.0, min(len(_PARTS.findall(s)), 3) / 3.0, float(bool(_BRACKET_LEAD.match(s)))]


_HASH_MEMO: Dict[int, Dict[str, int]] = {}  # n_hash -> token -> bucket (a cache; bounded)
_GRAM_MEMO: Dict[Tuple[int, int, int], Dict[str, object]] = {}  # (n_hash, lo, hi) -> word -> its n-grams' buckets
_HASH_MEMO_MAX = 300_000


def _final_char(s: str) -> str:
    t = s.rstrip(_FINAL_PUNCT)
    return t[-1] if t else ""


def is_prose(s: str) -> bool:
    """A line that reads as body prose: 20 words or more, ending like a sentence.

    Returns:
        True when ``s`` has 20 or more words and ends with ``.``, ``!`` or ``?`` (closing quotes, brackets and spaces
        after it skipped)."""
    return len(_WORD.findall(s)) >= 20 and _final_char(s) in ".!?"


def after_body(lines: Sequence[str]) -> List[bool]:
    """For each of ``lines`` (the non-blank lines of one text, in order): no later line reads as body prose
    (20 words or more, ending like a sentence) -- the line stands in the page foot, after the last body paragraph.

    Returns:
        A list of bools, one per line, in order: True for a line with no body prose after it."""
    out, seen = [False] * len(lines), False
    for i in range(len(lines) - 1, -1, -1):
        out[i] = not seen
        seen = seen or is_prose(lines[i].strip())
    return out


def _cased_counts(s: str) -> Tuple[int, int]:
    """``(cased letters, upper-case letters)`` of ``s``; an ASCII line counted by C loops (every ASCII letter is cased)."""
    if s.isascii():
        return sum(map(str.isalpha, s)), sum(map(str.isupper, s))
    cased = [ch for ch in s if ch.isalpha() and ch.lower() != ch.upper()]
    return len(cased), sum(1 for ch in cased if ch.isupper())


def _dense(s: str, words: List[str], position: int, n_lines: int, tail: bool) -> List[float]:
    n_chars = len(s)
    n_words = len(words)
    low_words = [w.lower() for w in words]
    fin = _final_char(s)
    raw_end = s.rstrip()[-1:] if s.strip() else ""
    n_cased, upper = _cased_counts(s)
    content = [w for w, lw in zip(words, low_words) if lw not in _FUNCTION]
    caps = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    nw = max(n_words, 1)
    first = s.lstrip()[:1]
    sentences = len(re.findall(r"[.!?][\"'\u201d\u2019)]*\s+[\"'\u201c\u2018(]?[A-Z]", s)) + (1 if fin in ".!?" else 0)
    rel = position / (n_lines - 1) if n_lines > 1 else 0.0
    return [
        math.log1p(n_chars), math.log1p(n_words), float(n_words <= 3), float(n_words <= 8), float(n_words <= 15),
        float(n_words > 40),
        float(fin == "."), float(fin in "?!"), float(fin == ":"), float(fin.isalnum()), float(raw_end == ")"),
        float(fin in ",;"),
        float(first in "(["), float(first.isalpha() and first.islower()), float(first.isdigit()),
        float(first in "\"'\u201c\u2018\u00ab"),
        caps / len(content) if content else 0.0, upper / n_cased if n_cased else 0.0,
        sum(map(str.isdigit, s)) / max(n_chars, 1), float(n_cased >= 4 and upper == n_cased),
        float(bool(_YEAR.search(s))), float(bool(_MONTH.search(s))), float(bool(_DATE.search(s))),
        float(bool(_TIME.search(s))),
        min(len(_CREDIT_WORDS.findall(s)), 3) / 3.0, float(bool(_SIDE.search(s))),
        min(len(_SEPARATORS.findall(s)), 4) / 4.0, float(bool(_URL.search(s))), float(bool(_LANG.search(s))),
        sum(1 for lw in low_words if lw in _FUNCTION) / nw, sum(1 for lw in low_words if lw in _VERBS) / nw,
        float(any(lw in _FIRST for lw in low_words)), float(any(lw in _SECOND for lw in low_words)),
        min(sentences, 5) / 5.0, s.count(",") / nw, float(any(q in s for q in "\"\u201c\u201d")),
        float("(" in s),
        rel, float(position == 0), float(position == n_lines - 1), float(position <= 2),
        float(position >= n_lines - 3), math.log1p(n_lines), float(tail),
    ]


def _gram_words(s: str, spec: Dict[str, object]) -> List[str]:
    """The lower-cased words (digits read as 0) whose character n-grams are features: those of the first and last
    ``max_chars // 2`` characters of a long line."""
    max_chars = int(spec["max_chars"])  # type: ignore[arg-type]
    text = s if len(s) <= max_chars else s[: max_chars // 2] + " " + s[-max_chars // 2:]
    return _WORD.findall(_DIGIT.sub("0", text.lower()))


def _word_grams(w: str, lo: int, hi: int) -> List[str]:
    padded = f" {w} "
    toks: List[str] = []
    for n in range(lo, hi + 1):
        if len(padded) < n:
            break
        toks += ["c" + padded[i:i + n] for i in range(len(padded) - n + 1)]
    return toks


def _line_tokens(s: str, words: List[str], position: int, n_lines: int, spec: Dict[str, object]) -> List[str]:
    """The tokens of the line as a whole: its words, word bigrams, first and last word, and position conjunctions."""
    lw = _DIGIT.sub("0", "\n".join(words).lower()).split("\n") if words else []  # words hold no line break
    toks = ["w" + w for w in lw]
    if spec.get("word_bigrams"):
        toks.extend("b" + a + " " + b for a, b in zip(lw, lw[1:]))
    if lw:
        toks.append("f" + lw[0])
        toks.append("l" + lw[-1])
    # conjunctions of position, length and final punctuation
    where = "first" if position == 0 else "last" if position == n_lines - 1 else \
        "head" if position <= 2 else "foot" if position >= n_lines - 3 else "mid"
    size = "1" if len(words) <= 3 else "2" if len(words) <= 8 else "3" if len(words) <= 20 else "4"
    fin = _final_char(s)
    end = "." if fin == "." else "?" if fin in "?!" else ":" if fin == ":" else ")" if s.rstrip().endswith(")") \
        else "a" if fin.isalnum() else "o"
    return toks + ["p" + where + size, "p" + where + end, "p" + size + end, "p" + where + size + end]


def _tokens(s: str, words: List[str], position: int, n_lines: int, spec: Dict[str, object]) -> List[str]:
    """Every hashed token of a line: the character n-grams of its words, then its line tokens."""
    lo, hi = spec["char_ngrams"]  # type: ignore[misc]
    toks: List[str] = []
    for w in _gram_words(s, spec):
        toks += _word_grams(w, int(lo), int(hi))
    return toks + _line_tokens(s, words, position, n_lines, spec)


def line_features(line: str, *, position: int, n_lines: int, spec: Optional[Dict[str, object]] = None,
                  tail: Optional[bool] = None) -> Tuple[List[int], List[float], List[float]]:
    """``(indices, values, dense)``: the hashed sparse features of ``line`` and its dense features.

    ``position`` is the index of the line among the non-blank lines of its text (0 = first) and ``n_lines``
    their number; ``tail``: no later line of the text reads as body prose (``after_body``; default: the line is
    the last). ``indices`` are distinct bucket numbers below ``spec["n_hash"]`` and ``values`` their weights
    (token counts, scaled to unit length); ``dense`` follows ``dense_names(spec)``.

    Returns:
        ``(indices, values, dense)``: distinct hash buckets (ints), their L2-normalised weights (floats, one per
        bucket), and ``len(dense_names(spec))`` dense features (floats).

    Raises:
        ArgumentTypeError: ``line`` is not a str (E111).
    """
    if not isinstance(line, str):
        raise ArgumentTypeError(f"line must be a str; got {type(line).__name__}. Pass one line of text (a str).")
    spec = FEATURE_SPEC if spec is None else spec
    n_hash = int(spec["n_hash"])  # type: ignore[arg-type]
    s = line.strip()
    n_lines = max(int(n_lines), 1)
    position = min(max(int(position), 0), n_lines - 1)
    words = _WORD.findall(s)
    idx, values = _bucket_counts(_token_buckets(s, words, position, n_lines, spec), n_hash)
    tail = position == n_lines - 1 if tail is None else bool(tail)
    dense = _dense(s, words, position, n_lines, tail)
    if int(spec.get("version", 2)) >= 3:  # type: ignore[call-overload]
        dense += _dense_v3(s)
    return idx, values, dense


def clear_caches() -> None:
    """Empty the per-process caches of hashed tokens and of each word's n-gram buckets (``line_features`` refills
    them; benchmarks clear them so repeated texts are timed as new ones). Raises nothing."""
    _HASH_MEMO.clear()
    _GRAM_MEMO.clear()


def _bucket(tok: str, memo: Dict[str, int], n_hash: int) -> int:
    b = memo.get(tok)
    if b is None:
        b = memo[tok] = zlib.crc32(tok.encode("utf-8", "surrogatepass")) % n_hash
    return b


def _token_buckets(s: str, words: List[str], position: int, n_lines: int, spec: Dict[str, object]):
    """The hash bucket of every token of ``_tokens`` (a numpy int64 array, in no particular order). A word's
    character n-grams are hashed once per process (a bounded cache), not once per occurrence."""
    import numpy as np

    n_hash = int(spec["n_hash"])  # type: ignore[arg-type]
    lo, hi = (int(x) for x in spec["char_ngrams"])  # type: ignore[union-attr]
    memo = _HASH_MEMO.setdefault(n_hash, {})
    grams = _GRAM_MEMO.setdefault((n_hash, lo, hi), {})
    if len(memo) >= _HASH_MEMO_MAX or len(grams) >= _HASH_MEMO_MAX:
        memo.clear()
        grams.clear()
    parts = []
    for w in _gram_words(s, spec):
        b = grams.get(w)
        if b is None:
            b = grams[w] = np.array([_bucket(t, memo, n_hash) for t in _word_grams(w, lo, hi)], dtype=np.int64)
        parts.append(b)
    parts.append(np.array([_bucket(t, memo, n_hash) for t in _line_tokens(s, words, position, n_lines, spec)],
                          dtype=np.int64))
    return np.concatenate(parts)


def _bucket_counts(buckets, n_hash: int) -> Tuple[List[int], List[float]]:
    """The distinct buckets (sorted) and their token counts scaled to unit length. Counts are whole numbers, so the
    sums and the norm are exact whatever the order of the tokens."""
    import numpy as np

    if not len(buckets):
        return [], []
    counts = np.bincount(buckets, minlength=n_hash)
    idx = np.flatnonzero(counts)
    vals = counts[idx].astype(np.float64)
    norm = math.sqrt(float((vals * vals).sum())) or 1.0
    return idx.tolist(), (vals / norm).tolist()


class LineModel:
    """A fitted line classifier: coefficients, class names, dense-feature scaling, threshold and feature spec.

    Raises:
        SavedFileFormatError: ``coef`` of the wrong shape, or ``classes`` without ``body`` (E010)."""

    def __init__(self, spec: Dict[str, object], classes: Sequence[str], coef, intercept, dense_mean, dense_scale,
                 threshold: float, meta: Optional[Dict[str, object]] = None) -> None:
        import numpy as np

        self.spec = dict(spec)
        self.classes = list(classes)
        if "body" not in self.classes:
            raise SavedFileFormatError("classes must include 'body'")
        self.body_index = self.classes.index("body")
        self.coef = np.asarray(coef, dtype=np.float32)  # (n_classes, n_hash + n_dense)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.dense_mean = np.asarray(dense_mean, dtype=np.float32)
        self.dense_scale = np.asarray(dense_scale, dtype=np.float32)
        self.threshold = float(threshold)
        self.meta = dict(meta or {})
        n_hash = int(self.spec["n_hash"])  # type: ignore[arg-type]
        n_dense = len(dense_names(self.spec))
        if self.coef.shape != (len(self.classes), n_hash + n_dense):
            raise SavedFileFormatError(f"coef must have shape ({len(self.classes)}, {n_hash + n_dense}); "
                                       f"got {self.coef.shape}")

    def _scores(self, lines: Sequence[str], positions: Sequence[int], n_lines: Sequence[int],
                tails: Sequence[Optional[bool]]):
        import numpy as np

        n_hash = int(self.spec["n_hash"])  # type: ignore[arg-type]
        out = np.empty((len(lines), len(self.classes)), dtype=np.float32)
        w_sparse = self.coef[:, :n_hash]
        w_dense = self.coef[:, n_hash:]
        for r, (line, pos, n, tail) in enumerate(zip(lines, positions, n_lines, tails)):
            idx, val, dense = line_features(line, position=pos, n_lines=n, spec=self.spec, tail=tail)
            d = (np.asarray(dense, dtype=np.float32) - self.dense_mean) / self.dense_scale
            z = self.intercept + w_dense @ d
            if idx:
                z = z + w_sparse[:, idx] @ np.asarray(val, dtype=np.float32)
            out[r] = z
        out -= out.max(axis=1, keepdims=True)
        np.exp(out, out=out)
        out /= out.sum(axis=1, keepdims=True)
        return out

    def proba(self, lines: Sequence[str], positions: Optional[Sequence[int]] = None,
              n_lines: Optional[Union[int, Sequence[int]]] = None, tails: Optional[Sequence[bool]] = None):
        """Furniture probability (``1 - P(body)``) of each line, a float numpy array.

        ``positions`` default to ``0, 1, 2, ...`` and ``n_lines`` to ``len(lines)`` (the lines of one text);
        ``tails`` (see ``after_body``) default to ``after_body(lines)`` when ``positions`` are not given, else to
        "the line is the last".

        Returns:
            A float numpy array ``[len(lines)]`` of probabilities in [0, 1] that each line is furniture.
        """
        positions, counts, tails = _positions(lines, positions, n_lines, tails)
        return 1.0 - self._scores(lines, positions, counts, tails)[:, self.body_index]

    def predict(self, lines: Sequence[str], positions: Optional[Sequence[int]] = None,
                n_lines: Optional[Union[int, Sequence[int]]] = None, tails: Optional[Sequence[bool]] = None, *,
                threshold: Optional[float] = None) -> List[Optional[str]]:
        """The furniture kind of each line (the likeliest non-body class), or ``None`` below ``threshold``.

        Returns:
            A list with one entry per line: the furniture class name (e.g. ``"byline"``), or None for body text."""
        positions, counts, tails = _positions(lines, positions, n_lines, tails)
        p = self._scores(lines, positions, counts, tails)
        thr = self.threshold if threshold is None else float(threshold)
        out: List[Optional[str]] = []
        for row in p:
            if 1.0 - float(row[self.body_index]) >= thr:
                row = row.copy()
                row[self.body_index] = -1.0
                out.append(self.classes[int(row.argmax())])
            else:
                out.append(None)
        return out

    # -- (de)serialisation ------------------------------------------------------------------------------------
    def to_json(self) -> str:
        """The model as a JSON string (coefficients as base64 of little-endian float16).

        Returns:
            A str of one JSON object (``format``, ``format_version``, ``spec``, ``classes``, coefficients and scaling),
            which ``from_json`` reads back."""
        import numpy as np

        coef = np.ascontiguousarray(self.coef.astype("<f2"))
        return json.dumps({
            "format": FORMAT, "format_version": 1, "spec": self.spec, "dense_names": list(dense_names(self.spec)),
            "classes": self.classes, "threshold": self.threshold,
            "intercept": [float(x) for x in self.intercept],
            "dense_mean": [float(x) for x in self.dense_mean], "dense_scale": [float(x) for x in self.dense_scale],
            "coef": {"dtype": "<f2", "shape": list(coef.shape), "base64": base64.b64encode(coef.tobytes()).decode()},
            "meta": self.meta,
        }, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "LineModel":
        """Read a model written by ``to_json`` (plain JSON; nothing is executed).

        Returns:
            The ``LineModel`` the text describes.

        Raises:
            SavedFileFormatError: not a saved line model of this format, or dense features that differ from this
                argmine's (E010)."""
        import numpy as np

        d = json.loads(text)
        if d.get("format") != FORMAT:
            raise SavedFileFormatError(f"not an {FORMAT} file (format={d.get('format')!r})")
        if list(d["dense_names"]) != list(dense_names(d["spec"])):
            raise SavedFileFormatError("the line model's dense features must be this argmine's; got others. Fit "
                                       "the line model again with this argmine, or leave path out (the shipped one).")
        c = d["coef"]
        if c["dtype"] != "<f2":
            raise SavedFileFormatError(f"coef dtype must be '<f2'; got {c['dtype']!r}")
        coef = np.frombuffer(base64.b64decode(c["base64"]), dtype="<f2").reshape(c["shape"])
        return cls(d["spec"], d["classes"], coef, d["intercept"], d["dense_mean"], d["dense_scale"],
                   d["threshold"], d.get("meta"))


def _positions(lines, positions, n_lines, tails=None):
    if isinstance(lines, str):
        raise ArgumentTypeError("lines must be a sequence of str; got one str. Pass a list of lines (e.g. the non-blank "
                                "lines of text.splitlines()), or [line] for one line.")
    n = len(lines)
    if tails is None:
        tails = after_body(lines) if positions is None else [None] * n
    elif len(tails) != n:
        raise ArgumentValueError(f"tails must have one entry per line ({n}); got {len(tails)}. Pass after_body(lines), "
                                 "or leave tails out.")
    positions = list(range(n)) if positions is None else [int(p) for p in positions]
    if len(positions) != n:
        raise ArgumentValueError(f"positions must have one entry per line ({n}); got {len(positions)}. Pass each "
                                 "line's index among the non-blank lines of its text, or leave positions out.")
    if n_lines is None:
        counts = [n] * n
    elif isinstance(n_lines, int):
        counts = [n_lines] * n
    else:
        counts = [int(c) for c in n_lines]
        if len(counts) != n:
            raise ArgumentValueError(f"n_lines must be an int or have one entry per line ({n}); got {len(counts)}. "
                                     "Pass the number of non-blank lines of the text, or leave n_lines out.")
    return positions, counts, list(tails)


_CACHE: Dict[str, LineModel] = {}
_LOCK = threading.Lock()


def load_model(path: Optional[Union[str, Path]] = None) -> LineModel:
    """The line model read from ``path`` (default: the shipped ``resources/boilerplate_lines.json``), cached.

    Returns:
        The ``LineModel`` (the same object for the same path, while cached)."""
    p = Path(path) if path is not None else DEFAULT_MODEL_PATH
    key = str(p.resolve())
    with _LOCK:
        model = _CACHE.get(key)
        if model is None:
            model = LineModel.from_json(p.read_text(encoding="utf-8"))
            _CACHE[key] = model
    return model


def load_text_model() -> LineModel:
    """The line model for a text in which the rules find no furniture (``TEXT_MODEL_PATH``), cached: fitted on
    synthetic pages around corpus paragraphs only, it has not learned from real pages that a first line is a
    headline and that short paragraphs are rare, so it keeps the short paragraphs of a plain text.

    Returns:
        The ``LineModel`` read from ``TEXT_MODEL_PATH``."""
    return load_model(TEXT_MODEL_PATH)


def furniture_probability(lines: Sequence[str], *, positions: Optional[Sequence[int]] = None,
                          n_lines: Optional[Union[int, Sequence[int]]] = None) -> List[float]:
    """Furniture probability of each of ``lines`` (the non-blank lines of one text, by default) with the
    shipped model; see ``LineModel.proba``.

    Returns:
        A list of floats in [0, 1], one per line."""
    return [float(x) for x in load_model().proba(lines, positions, n_lines)]
