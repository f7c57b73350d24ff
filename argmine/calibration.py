"""Calibrated scores: monotone maps from the network's raw scores to probabilities of being right.

A raw unit score (label probability x mean tag confidence) and a raw relation score (link x relation probability,
or a claim's stance probability) rank well enough but are no probabilities: on AAEC essays units scoring 0.37 are
right 83% of the time. A :class:`ScoreCalibration` maps them to

- units: P(the unit matches a gold unit with the same label at 50% token overlap, one-to-one) -- a true positive
  of component F1 50% (``argmine.metrics.correct_units``);
- relations: P(the relation is a true positive of relation F1 50%) (``argmine.metrics.correct_relations``).

One 1-D map per group: the text's ``layout`` (``essay``: 3-7 paragraphs, decoded under the essay rules; ``other``)
and the unit's label (``MajorClaim``, ``Claim``, ``Premise``) or the relation's kind (``link``: a premise's
support/attack; ``stance``: a claim to the major claim); a group with too few fitting examples falls back to its
layout's map (``essay/*``) and then to the pooled one (``*``). Maps are isotonic regression or logistic (Platt)
calibration on the logit of the raw score (Niculescu-Mizil & Caruana 2005, "Predicting good probabilities with
supervised learning", ICML), both non-decreasing. Fitting method ``shared-C`` fits the logistic maps of all groups
together: one slope on the logit of the raw score, shared by every group, a free intercept per layout and an offset
per group, L2-shrunk (strength ``C``, scikit-learn's ``LogisticRegression``; ``C`` toward 0 gives one map per
layout) toward its layout's intercept, so a
group with few examples borrows from the others instead of getting a slope of its own (partial pooling); it is
stored as ordinary logistic maps, one per group. Quality is the expected calibration error (Guo et al. 2017, "On
calibration of modern neural networks", ICML): :func:`expected_calibration_error`.

Stored as ``calibration.json`` in the model directory (plain numbers, no pickle); fitting needs scikit-learn,
applying needs only numpy. Fit with ``python benchmarks/calibrate.py --model DIR --data-dir DATA``.
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
from .errors import ArgumentValueError, SavedFileFormatError

CALIBRATION_FILE = "calibration.json"
FORMAT = "argmine-calibration"
VERSION = 1
METHODS = ("isotonic", "logistic")  # the kinds of map a calibration.json holds
SHARED_STRENGTHS = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)  # C of the shared-slope fit, chosen by cross-validation
FIT_METHODS = METHODS + tuple(f"shared-{c:g}" for c in SHARED_STRENGTHS)  # how maps are fitted
LAYOUTS = ("essay", "other")
_EPS = 1e-6
_FREE = 30.0  # scale of the slope's and layouts' columns in the shared fit: their L2 penalty shrinks by _FREE ** 2


@dataclass
class Calibrator:
    """One non-decreasing map raw score -> probability, values in [0, 1].

    ``isotonic``: piecewise linear through ``(x[i], y[i])`` (scikit-learn's ``IsotonicRegression`` thresholds),
    constant beyond the ends. ``logistic``: ``sigmoid(a * logit(raw) + b)`` with ``a >= 0``.
    """

    method: str
    x: List[float] = field(default_factory=list)
    y: List[float] = field(default_factory=list)
    a: float = 0.0
    b: float = 0.0
    n: int = 0
    n_correct: int = 0

    def __call__(self, raw) -> np.ndarray:
        """Probabilities for raw scores (array-like of any shape, values in [0, 1]); same shape, float64."""
        r = np.clip(np.asarray(raw, dtype=np.float64), 0.0, 1.0)
        if self.method == "isotonic":
            return np.interp(r, self.x, self.y)
        return 1.0 / (1.0 + np.exp(-(self.a * _logit(r) + self.b)))

    def to_dict(self) -> Dict[str, Any]:
        """The map as JSON-ready values: ``method``, its parameters (``x``/``y`` knots for isotonic, ``a``/``b`` for
        logistic), ``n`` examples and ``n_correct``.

        Returns:
            A JSON-ready dict that ``Calibrator.from_dict`` reads back to an equal map."""
        body = {"x": [round(v, 6) for v in self.x], "y": [round(v, 6) for v in self.y]} if self.method == "isotonic" \
            else {"a": self.a, "b": self.b}
        return {"method": self.method, **body, "n": self.n, "n_correct": self.n_correct}

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Calibrator":
        """Read one map; raises ``ValueError`` for an unknown method, unsorted or unequal ``x``/``y``, ``y`` outside
        [0, 1] or a negative slope ``a``.

        Returns:
            The ``Calibrator`` the dict describes.

        Raises:
            ArgumentValueError: an unknown ``method`` (E107).
            SavedFileFormatError: a logistic map with a negative or infinite slope or intercept, or an isotonic map
                whose x and y are not equally long, non-decreasing and (y) in [0, 1] (E010)."""
        method = d.get("method")
        if method == "isotonic":
            x, y = [float(v) for v in d["x"]], [float(v) for v in d["y"]]
            if not x or len(x) != len(y) or any(b < a for a, b in zip(x, x[1:])) or any(b < a for a, b in zip(y, y[1:])):
                raise SavedFileFormatError("an isotonic map must have equally long, non-decreasing x and y")
            if min(y) < 0 or max(y) > 1:
                raise SavedFileFormatError("an isotonic map's y must lie in [0, 1]")
            return cls("isotonic", x=x, y=y, n=int(d.get("n", 0)), n_correct=int(d.get("n_correct", 0)))
        if method == "logistic":
            a, b = float(d["a"]), float(d["b"])
            if not (a >= 0 and math.isfinite(a) and math.isfinite(b)):
                raise SavedFileFormatError("a logistic map must have a finite slope a >= 0 and a finite intercept b")
            return cls("logistic", a=a, b=b, n=int(d.get("n", 0)), n_correct=int(d.get("n_correct", 0)))
        raise ArgumentValueError(f"method must be one of {METHODS}; got {method!r}")


def _logit(r: np.ndarray) -> np.ndarray:
    r = np.clip(r, _EPS, 1 - _EPS)
    return np.log(r) - np.log1p(-r)


def fit_calibrator(raw: Sequence[float], correct: Sequence[bool], method: str = "isotonic") -> Calibrator:
    """Fit one map on ``raw`` scores ``[n]`` (in [0, 1]) and outcomes ``correct`` ``[n]`` (bool).

    Raises ``ValueError`` for an unknown method or no examples. With one class only, the map is the constant
    base rate (logistic: ``a = 0``); a fitted negative logistic slope is replaced by the constant base rate too,
    so every map is non-decreasing.

    Returns:
        A non-decreasing ``Calibrator`` from raw score to probability of being correct.

    Raises:
        ArgumentValueError: ``raw`` and ``correct`` empty or of different lengths, or an unknown ``method`` (E107).
    """
    from sklearn.isotonic import IsotonicRegression
    from sklearn.linear_model import LogisticRegression

    if method not in METHODS:
        raise ArgumentValueError(f"method must be one of {METHODS}; got {method!r}. Pass one of those names.")
    r = np.clip(np.asarray(raw, dtype=np.float64), 0.0, 1.0)
    y = np.asarray(correct, dtype=np.float64)
    if len(r) == 0 or len(r) != len(y):
        raise ArgumentValueError(f"raw and correct must be equally long and not empty; got {len(r)} and {len(y)}")
    n, k = len(y), int(y.sum())
    rate = (k + 0.5) / (n + 1.0)  # never exactly 0 or 1
    if method == "isotonic":
        iso = IsotonicRegression(y_min=0.0, y_max=1.0, increasing=True, out_of_bounds="clip").fit(r, y)
        return Calibrator("isotonic", x=iso.X_thresholds_.tolist(), y=iso.y_thresholds_.tolist(), n=n, n_correct=k)
    if 0 < k < n:
        lr = LogisticRegression(C=1e4).fit(_logit(r)[:, None], y)
        a, b = float(lr.coef_[0, 0]), float(lr.intercept_[0])
        if a >= 0:
            return Calibrator("logistic", a=a, b=b, n=n, n_correct=k)
    return Calibrator("logistic", a=0.0, b=float(_logit(np.array(rate))), n=n, n_correct=k)


def bins(prob: Sequence[float], n_bins: int = 15) -> Tuple[np.ndarray, np.ndarray]:
    """``prob`` clipped to [0, 1] and the bin of each: ``n_bins`` equal-width bins over [0, 1] (bin ``i`` holds
    ``i/B <= p < (i+1)/B``; ``p = 1`` goes to the last bin), as :func:`reliability` and
    ``argmine.bootstrap.bootstrap_ece`` bin them.

    Returns:
        ``(p, index)``: float64 and int arrays of shape ``[n]``."""
    p = np.clip(np.asarray(prob, dtype=np.float64), 0.0, 1.0)
    return p, np.minimum((p * n_bins).astype(int), n_bins - 1)


def reliability(prob: Sequence[float], correct: Sequence[bool], n_bins: int = 15) -> List[Dict[str, float]]:
    """Reliability table: ``n_bins`` equal-width bins of ``prob`` over [0, 1] (bin ``i`` holds ``i/B <= p <
    (i+1)/B``; ``p = 1`` goes to the last bin). One row per non-empty bin: ``lo``, ``hi``, ``n``, ``mean_prob``
    (mean predicted probability) and ``accuracy`` (fraction correct).

    Returns:
        A list of dicts ``{"lo", "hi", "n", "mean_prob", "accuracy"}``, one per non-empty bin, lowest bin first."""
    p, idx = bins(prob, n_bins)
    y = np.asarray(correct, dtype=np.float64)
    rows = []
    for i in range(n_bins):
        m = idx == i
        if m.any():
            rows.append({"lo": i / n_bins, "hi": (i + 1) / n_bins, "n": int(m.sum()),
                         "mean_prob": float(p[m].mean()), "accuracy": float(y[m].mean())})
    return rows


def expected_calibration_error(prob: Sequence[float], correct: Sequence[bool], n_bins: int = 15) -> float:
    """ECE (Guo et al. 2017): ``sum_b |B_b|/n * |accuracy(B_b) - mean_prob(B_b)|`` over the bins of
    :func:`reliability`; a fraction in [0, 1]. ``prob`` and ``correct``: ``[n]``; ``n = 0`` gives 0.0.

    Returns:
        The ECE, a float in [0, 1] (0.0 for no examples)."""
    n = len(prob)
    if n == 0:
        return 0.0
    return float(sum(b["n"] / n * abs(b["accuracy"] - b["mean_prob"]) for b in reliability(prob, correct, n_bins)))


def group_keys(layout: str, group: str) -> Tuple[str, str, str]:
    """The keys a unit or relation looks up, most specific first: ``layout/group``, ``layout/*``, ``*``.

    Returns:
        ``(f"{layout}/{group}", f"{layout}/*", "*")``."""
    return f"{layout}/{group}", f"{layout}/*", "*"


@dataclass
class Example:
    """One fitting example: the text's ``layout``, the unit label or relation kind (``group``), the raw score, whether
    it was right, and the document it came from (cross-validation folds are over documents)."""

    layout: str
    group: str
    raw: float
    correct: bool
    doc: str = ""


def fit_maps(examples: Sequence[Example], method: str, min_samples: int = 40) -> Dict[str, Calibrator]:
    """Maps for every key of :func:`group_keys` that has at least ``min_samples`` examples (``*`` always, when there
    are any). ``method``: ``isotonic`` or ``logistic`` (one map fitted per key on its own examples) or ``shared-C``
    (e.g. ``shared-0.1``; every ``layout/group`` key with an example gets a map from one joint fit,
    :func:`fit_shared_maps`; the fallback keys ``layout/*`` and ``*`` are plain logistic maps).

    Returns:
        ``{key: Calibrator}``.

    Raises:
        ArgumentValueError: an unknown ``method`` (E107).
    """
    strength = _shared_strength(method)
    buckets: Dict[str, List[Example]] = {}
    for ex in examples:
        for key in group_keys(ex.layout, ex.group):
            buckets.setdefault(key, []).append(ex)
    one = "logistic" if strength is not None else method
    maps = {key: fit_calibrator([e.raw for e in exs], [e.correct for e in exs], one)
            for key, exs in sorted(buckets.items()) if key == "*" or len(exs) >= min_samples}
    if strength is not None and examples:
        maps.update(fit_shared_maps(examples, strength))
    return dict(sorted(maps.items()))


def _shared_strength(method: str) -> Optional[float]:
    """``C`` of a ``shared-C`` method, None for ``isotonic``/``logistic``; raises ArgumentValueError (E107) else."""
    if method in METHODS:
        return None
    try:
        strength = float(method[len("shared-"):]) if method.startswith("shared-") else float("nan")
    except ValueError:
        strength = float("nan")
    if not (math.isfinite(strength) and strength > 0):
        raise ArgumentValueError(f"method must be 'isotonic', 'logistic' or 'shared-C' with a number C > 0 (e.g. "
                                 f"{FIT_METHODS[3]!r}); got {method!r}. Pass one of {FIT_METHODS}.")
    return strength


def fit_shared_maps(examples: Sequence[Example], strength: float = 0.1) -> Dict[str, Calibrator]:
    """Logistic maps for every ``layout/group`` of ``examples`` from one fit: ``P = sigmoid(a * logit(raw) + b_g)``
    with one slope ``a >= 0`` for all groups and an intercept ``b_g`` per group: its layout's intercept plus the
    group's offset. Only the offsets are L2-penalised (the slope's and layouts' columns are scaled by ``_FREE``, which
    makes their penalty negligible; scikit-learn
    ``LogisticRegression(C=strength)``; smaller is stronger), so groups shrink toward their layout, never toward
    another layout's base rate. With one outcome only, or a fitted negative slope, the slope is 0 (intercepts only),
    so every map is non-decreasing.

    Returns:
        ``{"layout/group": Calibrator}`` (method ``logistic``), with each group's ``n`` and ``n_correct``.

    Raises:
        ArgumentValueError: no examples, or a ``strength`` that is not a positive number (E107).
    """
    from sklearn.linear_model import LogisticRegression

    if not examples or not (isinstance(strength, (int, float)) and strength > 0):
        raise ArgumentValueError(f"fit_shared_maps needs examples and a strength > 0; got {len(examples)} examples "
                                 f"and strength {strength!r}")
    keys = sorted({group_keys(e.layout, e.group)[0] for e in examples})
    layouts = sorted({k.split("/", 1)[0] for k in keys})
    col = {k: i for i, k in enumerate(keys)}
    onehot = np.zeros((len(examples), len(keys)))
    onehot[np.arange(len(examples)), [col[group_keys(e.layout, e.group)[0]] for e in examples]] = 1.0
    of_layout = np.array([[float(k.split("/", 1)[0] == lay) for lay in layouts] for k in keys])  # [groups, layouts]
    cols = np.column_stack([onehot @ of_layout * _FREE, onehot])  # layout columns first, then the groups'
    y = np.array([e.correct for e in examples], dtype=np.float64)
    x = _logit(np.clip(np.array([e.raw for e in examples], dtype=np.float64), 0.0, 1.0))
    a, b = 0.0, np.full(len(keys), float(_logit(np.array((y.sum() + 0.5) / (len(y) + 1.0)))))
    if 0 < y.sum() < len(y):
        for with_slope in (True, False):  # a negative slope: refit with the group intercepts only
            lr = LogisticRegression(C=strength, max_iter=1000).fit(np.column_stack([x * _FREE, cols]) if with_slope else cols, y)
            a = float(lr.coef_[0, 0]) * _FREE if with_slope else 0.0
            w = lr.coef_[0, int(with_slope):]
            b = float(lr.intercept_[0]) + of_layout @ w[:len(layouts)] * _FREE + w[len(layouts):]
            if a >= 0:
                break
    counts = onehot.T @ np.column_stack([np.ones(len(y)), y])
    return {k: Calibrator("logistic", a=a, b=float(b[i]), n=int(counts[i, 0]), n_correct=int(counts[i, 1]))
            for k, i in col.items()}


def apply_maps(maps: Dict[str, Calibrator], layout: str, group: str, raw: float) -> float:
    """The probability for one raw score: the most specific map present; the raw score itself when none is.

    Returns:
        A float: the calibrated probability in [0, 1], or ``raw`` when no map applies."""
    for key in group_keys(layout, group):
        if key in maps:
            return float(maps[key](raw))
    return float(raw)


def cross_fitted(examples: Sequence[Example], method: str, folds: int = 5, seed: int = 0,
                 min_samples: int = 40) -> np.ndarray:
    """Out-of-fold probabilities ``[n]``: documents are dealt into ``folds`` folds at random (``seed``); each
    example is scored by maps fitted on the other folds. Needs at least 2 documents.

    Returns:
        A float numpy array ``[len(examples)]`` of out-of-fold probabilities in [0, 1], in the order of ``examples``.

    Raises:
        ArgumentValueError: examples from fewer than 2 documents (E107)."""
    docs = sorted({e.doc for e in examples})
    if len(docs) < 2:
        raise ArgumentValueError(f"cross-fitting needs examples from at least 2 documents; got {len(docs)}")
    order = np.random.default_rng(seed).permutation(len(docs))
    fold_of = {docs[j]: i % min(folds, len(docs)) for i, j in enumerate(order)}
    out = np.zeros(len(examples))
    for f in set(fold_of.values()):
        maps = fit_maps([e for e in examples if fold_of[e.doc] != f], method, min_samples)
        for i, e in enumerate(examples):
            if fold_of[e.doc] == f:
                out[i] = apply_maps(maps, e.layout, e.group, e.raw)
    return out


def cross_validated_ece(examples: Sequence[Example], method: str, folds: int = 5, seed: int = 0,
                        repeats: int = 1, min_samples: int = 40) -> float:
    """Cross-validated ECE (15 bins) of ``method`` over ``examples``: out-of-fold probabilities (:func:`cross_fitted`),
    their ECE on each corpus separately (the part of ``Example.doc`` before ``:``; all one corpus without one),
    averaged over corpora and over ``repeats`` random deals of the documents (seeds ``seed`` ... ``seed + repeats - 1``).

    Returns:
        The mean ECE, a fraction in [0, 1].

    Raises:
        ArgumentValueError: an unknown ``method``, or examples from fewer than 2 documents (E107).
    """
    y = np.array([e.correct for e in examples], dtype=bool)
    corpus = np.array([e.doc.split(":", 1)[0] if ":" in e.doc else "" for e in examples])
    per_deal = []
    for s in range(seed, seed + max(1, repeats)):
        p = cross_fitted(examples, method, folds, s, min_samples)
        per_deal.append(np.mean([expected_calibration_error(p[corpus == c], y[corpus == c]) for c in np.unique(corpus)]))
    return float(np.mean(per_deal))


def choose_method(examples: Sequence[Example], folds: int = 5, seed: int = 0, methods: Sequence[str] = FIT_METHODS,
                  repeats: int = 1, min_samples: int = 40) -> Tuple[str, Dict[str, float]]:
    """The fitting method among ``methods`` (default: isotonic, logistic and ``shared-C`` for each C of
    ``SHARED_STRENGTHS``) with the lowest :func:`cross_validated_ece` over ``examples``, and each method's figure.
    Ties go to logistic, then to the shared fits, then to isotonic (fewest parameters first).

    Returns:
        ``(method, {method: cross-validated ECE})``.

    Raises:
        ArgumentValueError: an unknown method, or examples from fewer than 2 documents (E107).
    """
    ece = {m: cross_validated_ece(examples, m, folds, seed, repeats, min_samples) for m in methods}
    order = {m: (m != "logistic", m == "isotonic") for m in methods}
    return min(methods, key=lambda m: (ece[m], order[m])), ece


def model_fingerprint(weights: Path, decoding: Optional[Dict[str, Any]]) -> Dict[str, str]:
    """What a calibration is tied to: the SHA-256 of the weights file and of the decoding options (a retrained
    model or new decoding options make a calibration stale).

    Returns:
        ``{"weights_sha256", "decoding_sha256"}``: two 64-character hex digests."""
    h = hashlib.sha256()
    with open(weights, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    dec = json.dumps(decoding or {}, sort_keys=True)
    return {"weights_sha256": h.hexdigest(), "decoding_sha256": hashlib.sha256(dec.encode()).hexdigest()}


@dataclass
class ScoreCalibration:
    """The maps of one model directory: ``units`` (keys ``layout/label``, ``layout/*``, ``*``), ``relations``
    (keys ``layout/link``, ``layout/stance``, ...), the ``fingerprint`` of the model they were fitted for, and
    ``info`` (how they were fitted: data, method chosen, cross-validated ECE; free-form)."""

    units: Dict[str, Calibrator]
    relations: Dict[str, Calibrator]
    fingerprint: Dict[str, str] = field(default_factory=dict)
    info: Dict[str, Any] = field(default_factory=dict)

    def unit(self, layout: str, label: str, raw: float) -> float:
        """P(unit correct) for a unit of ``label`` in a text of ``layout`` with raw score ``raw``.

        Returns:
            The probability (a float in [0, 1]) that the unit is right; ``raw`` itself when no map applies."""
        return apply_maps(self.units, layout, label, raw)

    def relation(self, layout: str, kind: str, raw: float) -> float:
        """P(relation correct) for a relation of ``kind`` (``link`` or ``stance``) in a text of ``layout``.

        Returns:
            The probability (a float in [0, 1]) that the relation is right; ``raw`` itself when no map applies."""
        return apply_maps(self.relations, layout, kind, raw)

    def to_dict(self) -> Dict[str, Any]:
        """The ``calibration.json`` object: format, version, the model's fingerprint, info and one map per unit label
        and relation label.

        Returns:
            A JSON-ready dict that ``ScoreCalibration.from_dict`` reads back."""
        return {"format": FORMAT, "version": VERSION, "fingerprint": self.fingerprint, "info": self.info,
                "units": {k: m.to_dict() for k, m in self.units.items()},
                "relations": {k: m.to_dict() for k, m in self.relations.items()}}

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "ScoreCalibration":
        """Raises ``ValueError`` (or ``KeyError``/``TypeError``) for anything that is not a calibration of this format.

        Returns:
            The ``ScoreCalibration`` the dict describes.

        Raises:
            SavedFileFormatError: ``d`` is not a calibration of this format and version (E010)."""
        if not isinstance(d, dict) or d.get("format") != FORMAT or d.get("version") != VERSION:
            raise SavedFileFormatError(f"format must be {FORMAT!r} version {VERSION}")
        return cls({k: Calibrator.from_dict(m) for k, m in d["units"].items()},
                   {k: Calibrator.from_dict(m) for k, m in d["relations"].items()},
                   dict(d.get("fingerprint") or {}), dict(d.get("info") or {}))

    def save(self, model_dir: Path) -> Path:
        """Write ``calibration.json`` into ``model_dir``; returns its path.

        Returns:
            The ``Path`` of the ``calibration.json`` written."""
        path = Path(model_dir) / CALIBRATION_FILE
        path.write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")
        return path


def read_calibration(model_dir: Path) -> Optional[ScoreCalibration]:
    """The calibration stored in ``model_dir``, or None when it has no ``calibration.json`` (scores stay raw).
    Raises ``argmine.errors.ModelFormatError`` (a ``ValueError``) for one that cannot be read.

    Returns:
        The ``ScoreCalibration``, or None when the model has none."""
    from .errors import ModelFormatError

    path = Path(model_dir) / CALIBRATION_FILE
    if not path.is_file():
        return None
    try:
        return ScoreCalibration.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise ModelFormatError(model_dir, f"a {CALIBRATION_FILE} that cannot be read ({type(e).__name__}: {getattr(e, 'message', e)}); "
                               "refit it with benchmarks/calibrate.py or delete it (scores then stay raw)") from None
