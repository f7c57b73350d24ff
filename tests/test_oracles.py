"""Independent oracles for the hand-written scorer and bootstrap (test-only dependencies).

- seqeval (strict IOB2, exact chunks) scores the same units as ``argmine.metrics.score_documents``: on units that do
  not overlap, our component F1 at 100% is seqeval's micro F1, and per label its per-type F1.
- scipy.stats.bootstrap (percentile method) resamples the same documents as ``argmine.bootstrap.bootstrap_ci``: with
  many resamples both intervals agree within a small tolerance (they draw different random resamples).
"""
from __future__ import annotations

import warnings
from typing import List, Tuple

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmine import ArgumentUnit, Document
from argmine.bootstrap import bootstrap_ci, micro_f1
from argmine.metrics import score_documents

seqeval_metrics = pytest.importorskip("seqeval.metrics")
seqeval_scheme = pytest.importorskip("seqeval.scheme")
scipy_stats = pytest.importorskip("scipy.stats")

LABELS = ("MajorClaim", "Claim", "Premise")
Span = Tuple[int, int, str]  # first word, one past the last word, label


@st.composite
def spans(draw, n_words: int) -> List[Span]:
    """Units that do not overlap: cut the words at sorted points, keep some pieces as units."""
    cuts = sorted(draw(st.sets(st.integers(1, n_words - 1), max_size=n_words - 1))) if n_words > 1 else []
    pieces = list(zip([0] + cuts, cuts + [n_words]))
    out = []
    for a, b in pieces:
        if draw(st.booleans()):
            out.append((a, b, draw(st.sampled_from(LABELS))))
    return out


@st.composite
def corpora(draw):
    """A few documents, each a gold and a predicted set of units over the same words."""
    docs = []
    for _ in range(draw(st.integers(1, 4))):
        n = draw(st.integers(1, 30))
        docs.append((n, draw(spans(n)), draw(spans(n))))
    return docs


def _bio(n: int, units: List[Span]) -> List[str]:
    tags = ["O"] * n
    for a, b, lab in units:
        tags[a] = f"B-{lab}"
        for i in range(a + 1, b):
            tags[i] = f"I-{lab}"
    return tags


def _doc(n: int, units: List[Span]) -> Document:
    text = " ".join(["w"] * n)  # word i is the character 2i
    return Document(text, [ArgumentUnit(f"U{k}", 2 * a, 2 * b - 1, lab) for k, (a, b, lab) in enumerate(units)])


@given(corpora())
def test_component_f1_100_is_seqeval_f1(corpus):
    gold = [_doc(n, g) for n, g, _ in corpus]
    pred = [_doc(n, p) for n, _, p in corpus]
    y_true = [_bio(n, g) for n, g, _ in corpus]
    y_pred = [_bio(n, p) for n, _, p in corpus]
    ours = score_documents(gold, pred)["components"]
    kw = dict(mode="strict", scheme=seqeval_scheme.IOB2, zero_division=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # seqeval warns when a ratio is undefined (scored 0 on both sides)
        assert ours["f1_100"] == pytest.approx(seqeval_metrics.f1_score(y_true, y_pred, average="micro", **kw))
        assert ours["precision_100"] == pytest.approx(seqeval_metrics.precision_score(y_true, y_pred, **kw))
        assert ours["recall_100"] == pytest.approx(seqeval_metrics.recall_score(y_true, y_pred, **kw))
        report = seqeval_metrics.classification_report(y_true, y_pred, output_dict=True, **kw)
    for lab in LABELS:
        if lab in report:
            assert ours["per_label"][lab]["f1_100"] == pytest.approx(report[lab]["f1-score"]), lab
            assert ours["per_label"][lab]["n_gold"] == report[lab]["support"], lab


def _counts(rng: np.random.Generator, n_docs: int) -> List[dict]:
    out = []
    for _ in range(n_docs):
        n_gold, n_pred = int(rng.integers(3, 30)), int(rng.integers(3, 30))
        tp = int(rng.integers(0, min(n_gold, n_pred) + 1))
        out.append({"components": {"tp_100": tp, "tp_50": tp, "n_gold": n_gold, "n_pred": n_pred}})
    return out


def test_bootstrap_interval_agrees_with_scipy():
    counts = _counts(np.random.default_rng(7), 60)
    mat = np.array([[c["components"][f] for f in ("tp_100", "n_gold", "n_pred")] for c in counts])

    def f1(idx):
        tp, g, p = mat[np.asarray(idx, dtype=int)].sum(axis=0)
        return 0.0 if tp == 0 else 2 * tp / (g + p)

    ours = bootstrap_ci(counts, n_resamples=4000, seed=0, confidence=0.9, metrics=[("components", "f1_100")])
    res = scipy_stats.bootstrap((np.arange(len(counts)),), f1, vectorized=False, n_resamples=4000, method="percentile",
                                confidence_level=0.9, random_state=np.random.default_rng(1))
    lo, hi = ours["components"]["f1_100"]
    point = micro_f1(counts, "components")
    assert lo < point < hi
    assert lo == pytest.approx(res.confidence_interval.low, abs=0.01)
    assert hi == pytest.approx(res.confidence_interval.high, abs=0.01)
