"""argmine.bootstrap: per-document counts, micro F1, percentile intervals and the paired bootstrap (pure; no
corpus needed). scipy's bootstrap as an oracle: tests/test_oracles.py."""
import numpy as np
import pytest

from argmine.bootstrap import bootstrap_ci, document_counts, micro_f1, paired_bootstrap
from argmine.data import Document
from argmine.errors import ArgumentValueError
from argmine.metrics import score_documents

PARTS = ("components", "relations", "segmentation")


def synthetic(n_docs=30):
    """Gold documents with three sentences each, and predictions that find some units."""
    from argmine.data import ArgumentUnit, Relation

    gold, pred = [], []
    for i in range(n_docs):
        text = f"We should act now {i}. Costs rise every year. Delay helps nobody."
        units = [ArgumentUnit("T1", 0, text.index(".") + 1, "MajorClaim"),
                 ArgumentUnit("T2", text.index("Costs"), text.index("year.") + 5, "Premise"),
                 ArgumentUnit("T3", text.index("Delay"), len(text), "Claim")]
        rels = [Relation("T2", "T3", "supports"), Relation("T3", "T1", "supports")]
        gold.append(Document(text, units, rels, id=f"d{i}"))
        k = i % 4  # 0..3 units found, varying per document
        pred.append(Document(text, units[:k], [r for r in rels if {r.source, r.target} <= {u.id for u in units[:k]}],
                             id=f"d{i}"))
    return gold, pred


def test_counts_reproduce_the_micro_scores():
    gold, pred = synthetic()
    counts = document_counts(gold, pred)
    full = score_documents(gold, pred)
    for part in PARTS:
        for metric in ("f1_100", "f1_50"):
            assert micro_f1(counts, part, metric) == full[part][metric]


def test_bootstrap_ci_contains_the_estimate_and_is_reproducible():
    gold, pred = synthetic()
    counts = document_counts(gold, pred)
    full = score_documents(gold, pred)
    ci = bootstrap_ci(counts, n_resamples=500, seed=7)
    for part in PARTS:
        for metric in ("f1_100", "f1_50"):
            lo, hi = ci[part][metric]
            assert lo <= full[part][metric] <= hi and lo < hi
    assert bootstrap_ci(counts, n_resamples=500, seed=7) == ci
    assert bootstrap_ci(counts, n_resamples=500, seed=8) != ci
    wider = bootstrap_ci(counts, n_resamples=500, seed=7, confidence=0.99)
    assert wider["components"]["f1_100"][0] <= ci["components"]["f1_100"][0]
    with pytest.raises(ValueError):
        bootstrap_ci(counts, n_resamples=0)
    with pytest.raises(ValueError):
        bootstrap_ci([], n_resamples=10)


def test_paired_bootstrap():
    gold, pred = synthetic()
    a, g = document_counts(gold, pred), document_counts(gold, gold)
    same = paired_bootstrap(a, a, n_resamples=300, seed=1)
    assert all(same[p][m]["diff"] == 0.0 and same[p][m]["p_value"] == 1.0 for p in PARTS for m in ("f1_100", "f1_50"))
    better = paired_bootstrap(a, g, n_resamples=300, seed=1)
    r = better["components"]["f1_100"]
    assert r["b"] == 1.0 and r["diff"] == pytest.approx(1.0 - r["a"]) and r["diff"] > 0
    assert r["ci"][0] > 0 and r["p_value"] < 0.01
    assert paired_bootstrap(a, g, n_resamples=300, seed=1) == better
    with pytest.raises(ValueError):
        paired_bootstrap(a, g[:-1])


def test_bootstrap_ece_scores_each_resample_as_expected_calibration_error_does():
    from argmine.bootstrap import _bin_sums, bootstrap_ece, ece_from_bin_sums
    from argmine.calibration import expected_calibration_error

    rng = np.random.default_rng(3)
    prob = rng.uniform(size=300)
    correct = rng.uniform(size=300) < prob ** 0.7
    docs = [f"d{i % 17}" for i in range(300)]
    names = sorted(set(docs))
    mat = _bin_sums(prob, correct.astype(float), np.searchsorted(names, docs), len(names), 15)
    assert ece_from_bin_sums(mat.sum(0)[None, :], 15)[0] == pytest.approx(expected_calibration_error(prob, correct))
    draw = rng.integers(0, len(names), size=len(names))  # one resample of the documents, by hand
    keep = np.concatenate([np.flatnonzero(np.array(docs) == names[d]) for d in draw])
    weights = np.bincount(draw, minlength=len(names))
    assert ece_from_bin_sums((weights @ mat)[None, :], 15)[0] == pytest.approx(
        expected_calibration_error(prob[keep], correct[keep]))
    lo, hi = bootstrap_ece(prob, correct, docs, n_resamples=400)
    assert 0.0 <= lo <= expected_calibration_error(prob, correct) <= hi <= 1.0
    assert bootstrap_ece(prob, correct, docs, n_resamples=400) == [lo, hi]  # seeded


def test_bootstrap_ece_refuses_mismatched_inputs():
    from argmine.bootstrap import bootstrap_ece

    with pytest.raises(ArgumentValueError, match="one value per example"):
        bootstrap_ece([0.5, 0.6], [True], ["a", "b"])
    with pytest.raises(ArgumentValueError, match="at least one document"):
        bootstrap_ece([], [], [])
