"""Bootstrap confidence intervals and paired significance tests over documents.

Pure functions over per-document counts (no model, no I/O). A document's counts are, for each part
(``components``, ``relations``, ``segmentation``), the integers ``tp_100``, ``tp_50``, ``n_gold`` and ``n_pred``
that ``argmine.metrics.score_documents`` reports for that document alone. Micro-averaged scores are sums of
counts, so a resample of documents (with replacement) is scored by summing its documents' counts and computing
F1 exactly as ``score_documents`` does (an undefined ratio scores 0.0).

* ``bootstrap_ci``: percentile intervals (Efron) of each metric over ``n_resamples`` resamples of the documents.
* ``paired_bootstrap``: two systems scored on the same gold documents; each resample draws the same documents for
  both. Reports the difference ``b - a`` of the full-set scores, a percentile interval of the difference, and a
  two-sided p-value for "no difference" by the shifted-bootstrap test:
  ``p = (1 + #{|d* - d| >= |d|}) / (1 + n_resamples)`` where ``d`` is the observed difference and ``d*`` the
  difference on a resample (the resampled differences, centred on ``d``, stand in for the null distribution).
  Two identical systems get ``d = 0`` and ``p = 1``.

Resamples are drawn from ``numpy.random.default_rng(seed)`` in a fixed order, so the same seed, counts and
``n_resamples`` give the same intervals on every machine.
"""
from __future__ import annotations

from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

import numpy as np
from .errors import ArgumentValueError

__all__ = [
    "PARTS", "FIELDS", "METRICS", "counts_from_scores", "document_counts", "micro_f1", "bootstrap_ci",
    "paired_bootstrap", "bootstrap_ece",
]

PARTS = ("components", "relations", "segmentation")
FIELDS = ("tp_100", "tp_50", "n_gold", "n_pred")
# (part, metric) pairs that get intervals by default
METRICS: Tuple[Tuple[str, str], ...] = tuple((p, m) for p in PARTS for m in ("f1_100", "f1_50"))
_CHUNK = 200  # resamples drawn and scored at a time (bounds memory on large corpora)

Counts = Mapping[str, Mapping[str, int]]  # {part: {field: int}}


def counts_from_scores(scores: Mapping[str, Any]) -> Dict[str, Dict[str, int]]:
    """The ``{part: {tp_100, tp_50, n_gold, n_pred}}`` counts of a ``score_documents`` result.

    Returns:
        ``{part: {"tp_100", "tp_50", "n_gold", "n_pred"}}`` (ints) for each scored part (``components``, ``relations``,
        ``segmentation``)."""
    return {part: {f: int(scores[part][f]) for f in FIELDS} for part in PARTS if part in scores}


def document_counts(gold: Sequence, pred: Sequence, scorer=None) -> List[Dict[str, Dict[str, int]]]:
    """Counts of each (gold, pred) document pair, scored alone.

    ``scorer(gold_list, pred_list) -> scores`` defaults to ``argmine.metrics.score_documents``; pass another (e.g.
    one that first splits documents into paragraphs) to change the unit of scoring while resampling documents.

    Returns:
        A list with one counts dict (as ``counts_from_scores``) per document pair, in order.

    Raises:
        ArgumentValueError: ``pred`` and ``gold`` differ in length (E107).
    """
    if scorer is None:
        from .metrics import score_documents as scorer
    if len(gold) != len(pred):
        raise ArgumentValueError(f"pred must have one document per gold document; got {len(pred)} for {len(gold)}. "
                                 "Pass them in gold order (argmine.evaluate.align_predictions matches them by id).")
    return [counts_from_scores(scorer([g], [p])) for g, p in zip(gold, pred)]


def _matrix(counts: Sequence[Counts], metrics: Sequence[Tuple[str, str]]) -> Tuple[np.ndarray, List[Tuple[int, int, int]]]:
    """Counts as an (n_docs, n_columns) array, and for each metric the columns of (tp, n_gold, n_pred)."""
    columns: Dict[Tuple[str, str], int] = {}
    where = []
    for part, metric in metrics:
        crit = metric.rsplit("_", 1)[-1]
        if not metric.startswith("f1_") or crit not in ("100", "50"):
            raise ArgumentValueError(f"metric must be f1_100 or f1_50; got {metric!r}. "
                                     "Pass metric='f1_100' or metric='f1_50'.")
        cols = []
        for field in (f"tp_{crit}", "n_gold", "n_pred"):
            cols.append(columns.setdefault((part, field), len(columns)))
        where.append(tuple(cols))
    mat = np.zeros((len(counts), len(columns)), dtype=np.int64)
    for i, c in enumerate(counts):
        for (part, field), j in columns.items():
            mat[i, j] = c[part][field]
    return mat, where


def _f1(tp: np.ndarray, n_gold: np.ndarray, n_pred: np.ndarray) -> np.ndarray:
    """F1 as ``argmine.metrics`` computes it (P and R first; an undefined ratio is 0.0), elementwise."""
    tp, n_gold, n_pred = (np.asarray(x, dtype=np.float64) for x in (tp, n_gold, n_pred))
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(n_pred > 0, tp / np.where(n_pred > 0, n_pred, 1), 0.0)
        r = np.where(n_gold > 0, tp / np.where(n_gold > 0, n_gold, 1), 0.0)
        f = np.where(p + r > 0, 2 * p * r / np.where(p + r > 0, p + r, 1), 0.0)
    return f


def micro_f1(counts: Sequence[Counts], part: str, metric: str = "f1_100") -> float:
    """Micro-averaged F1 of ``part`` over all documents (equals ``score_documents``' value).

    Returns:
        The F1 (a float in [0, 1]; 0.0 when there is nothing to score)."""
    mat, where = _matrix(counts, [(part, metric)])
    tot = mat.sum(axis=0)
    t, g, p = where[0]
    return float(_f1(tot[t], tot[g], tot[p]))


def _resample_sums(mat: np.ndarray, n_resamples: int, seed: Optional[int]) -> Iterator[np.ndarray]:
    """Column sums of ``n_resamples`` resamples (rows drawn with replacement), in chunks."""
    rng = np.random.default_rng(seed)
    n_docs = mat.shape[0]
    done = 0
    while done < n_resamples:
        k = min(_CHUNK, n_resamples - done)
        idx = rng.integers(0, n_docs, size=(k, n_docs))
        weights = np.zeros((k, n_docs), dtype=np.int64)  # how often each document was drawn
        np.add.at(weights, (np.repeat(np.arange(k), n_docs), idx.ravel()), 1)
        yield weights @ mat
        done += k


def _check(n_resamples: int, confidence: float, n_docs: int) -> None:
    if n_resamples < 1:
        raise ArgumentValueError(f"n_resamples must be at least 1; got {n_resamples}. Pass 1000 or more for stable intervals.")
    if not 0.0 < confidence < 1.0:
        raise ArgumentValueError(f"confidence must be between 0 and 1; got {confidence}. Pass a level such as 0.95.")
    if n_docs < 1:
        raise ArgumentValueError("counts must hold at least one document; got none. Score at least one document "
                                 "(argmine.bootstrap.document_counts) before resampling.")


def _interval(samples: np.ndarray, confidence: float) -> List[float]:
    alpha = 1.0 - confidence
    lo, hi = np.quantile(samples, [alpha / 2, 1 - alpha / 2])
    return [float(lo), float(hi)]


def bootstrap_ci(counts: Sequence[Counts], n_resamples: int = 1000, seed: Optional[int] = 0,
                 confidence: float = 0.95, metrics: Sequence[Tuple[str, str]] = METRICS) -> Dict[str, Dict[str, List[float]]]:
    """Percentile bootstrap intervals ``{part: {metric: [low, high]}}`` over documents.

    ``counts``: one ``{part: {tp_100, tp_50, n_gold, n_pred}}`` per document (see ``document_counts``).

    Returns:
        ``{part: {metric: [low, high]}}``: the percentile interval of each metric (F1 fractions in [0, 1]) at
        ``confidence``.
    """
    counts = list(counts)
    _check(n_resamples, confidence, len(counts))
    metrics = [m for m in metrics if m[0] in counts[0]]
    mat, where = _matrix(counts, metrics)
    samples = [[] for _ in metrics]
    for sums in _resample_sums(mat, n_resamples, seed):
        for k, (t, g, p) in enumerate(where):
            samples[k].append(_f1(sums[:, t], sums[:, g], sums[:, p]))
    out: Dict[str, Dict[str, List[float]]] = {}
    for (part, metric), s in zip(metrics, samples):
        out.setdefault(part, {})[metric] = _interval(np.concatenate(s), confidence)
    return out


def bootstrap_ece(prob: Sequence[float], correct: Sequence[bool], docs: Sequence[str], n_bins: int = 15,
                  n_resamples: int = 1000, seed: Optional[int] = 0, confidence: float = 0.95) -> List[float]:
    """Percentile bootstrap interval of the expected calibration error over documents: the examples (units or
    relations) of each resample of the documents, drawn with replacement, are scored by
    ``argmine.calibration.expected_calibration_error`` (``n_bins`` equal-width bins).

    ``prob``, ``correct``, ``docs``: ``[n]``, each example's probability, whether it is right, and its document.

    Returns:
        ``[low, high]``: the ECE interval (fractions in [0, 1]) at ``confidence``.

    Raises:
        ArgumentValueError: no examples, lengths that differ, or ``n_resamples``/``confidence`` out of range (E107)."""
    if not len(prob) == len(correct) == len(docs):
        raise ArgumentValueError(f"prob, correct and docs must have one value per example; got {len(prob)}, "
                                 f"{len(correct)} and {len(docs)}. Pass three lists of the same length.")
    names = sorted(set(docs))
    _check(n_resamples, confidence, len(names))
    mat = _bin_sums(np.asarray(prob, dtype=np.float64), np.asarray(correct, dtype=np.float64),
                    np.searchsorted(names, docs), len(names), n_bins)
    samples = [ece_from_bin_sums(sums, n_bins) for sums in _resample_sums(mat, n_resamples, seed)]
    return _interval(np.concatenate(samples), confidence)


def _bin_sums(p: np.ndarray, y: np.ndarray, doc: np.ndarray, n_docs: int, n_bins: int) -> np.ndarray:
    """``[n_docs, 3 * n_bins]``: per document and bin (``expected_calibration_error``'s bins), the number of examples,
    the sum of their probabilities and the number right."""
    from .calibration import bins

    p, b = bins(p, n_bins)
    mat = np.zeros((n_docs, 3 * n_bins))
    for col, values in enumerate((np.ones_like(p), p, y)):
        np.add.at(mat, (doc, col * n_bins + b), values)
    return mat


def ece_from_bin_sums(sums: np.ndarray, n_bins: int) -> np.ndarray:
    """ECE of each row of ``sums`` (``[k, 3 * n_bins]`` bin counts, probability sums and numbers right, as
    ``_bin_sums`` lays them out): ``sum_b |right_b - prob_b| / n``, 0.0 for a row without examples.

    Returns:
        ``[k]`` ECEs."""
    n = sums[:, :n_bins].sum(1)
    gap = np.abs(sums[:, 2 * n_bins:] - sums[:, n_bins:2 * n_bins]).sum(1)
    return np.where(n > 0, gap / np.maximum(n, 1), 0.0)


def paired_bootstrap(counts_a: Sequence[Counts], counts_b: Sequence[Counts], n_resamples: int = 1000,
                     seed: Optional[int] = 0, confidence: float = 0.95,
                     metrics: Sequence[Tuple[str, str]] = METRICS) -> Dict[str, Dict[str, Dict[str, Any]]]:
    """Paired bootstrap comparison of system B against system A on the same documents.

    Returns ``{part: {metric: {"a", "b", "diff", "ci", "p_value"}}}``: the full-set scores of A and B, their
    difference ``b - a``, a percentile interval of the difference and the two-sided shifted-bootstrap p-value.
    ``counts_a[i]`` and ``counts_b[i]`` must be the same gold document.

    Returns:
        ``{part: {metric: {"a", "b", "diff", "ci", "p_value"}}}``: F1 of A and B (fractions), ``diff = b - a``, its
        percentile interval ``[low, high]`` and the two-sided p-value in [0, 1].

    Raises:
        ArgumentValueError: ``counts_a`` and ``counts_b`` differ in length (E107).
    """
    counts_a, counts_b = list(counts_a), list(counts_b)
    if len(counts_a) != len(counts_b):
        raise ArgumentValueError(f"counts_b must have one entry per document of counts_a; got {len(counts_b)} for "
                                 f"{len(counts_a)}. Score both systems on the same documents, in the same order.")
    _check(n_resamples, confidence, len(counts_a))
    metrics = [m for m in metrics if m[0] in counts_a[0] and m[0] in counts_b[0]]
    mat_a, where = _matrix(counts_a, metrics)
    mat_b, _ = _matrix(counts_b, metrics)
    n_cols = mat_a.shape[1]
    both = np.concatenate([mat_a, mat_b], axis=1)  # one resample draws the same documents for A and B
    tot = both.sum(axis=0)
    observed = []
    for t, g, p in where:
        fa = float(_f1(tot[t], tot[g], tot[p]))
        fb = float(_f1(tot[n_cols + t], tot[n_cols + g], tot[n_cols + p]))
        observed.append((fa, fb))
    diffs = [[] for _ in metrics]
    for sums in _resample_sums(both, n_resamples, seed):
        for k, (t, g, p) in enumerate(where):
            fa = _f1(sums[:, t], sums[:, g], sums[:, p])
            fb = _f1(sums[:, n_cols + t], sums[:, n_cols + g], sums[:, n_cols + p])
            diffs[k].append(fb - fa)
    out: Dict[str, Dict[str, Dict[str, Any]]] = {}
    for (part, metric), (fa, fb), d in zip(metrics, observed, diffs):
        d = np.concatenate(d)
        obs = fb - fa
        extreme = int(np.sum(np.abs(d - obs) >= abs(obs) - 1e-12))
        out.setdefault(part, {})[metric] = {
            "a": fa, "b": fb, "diff": obs, "ci": _interval(d, confidence),
            "p_value": (1 + extreme) / (1 + n_resamples),
        }
    return out
