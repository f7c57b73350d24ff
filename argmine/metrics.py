"""Scores for end-to-end argument mining: predicted Documents against gold Documents.

Follows the end-to-end argument-mining literature (Persing & Ng 2016; Eger et al. 2017), as the contract's
"Scores" section states. Pure Python (no torch).

- Tokens are ``\\w+|[^\\w\\s]`` matches in ``doc.text``; a unit covers every token it overlaps.
- A predicted unit matches a gold unit of the same label when both cover the same tokens (``_100``) or when
  they share at least half of the tokens of the longer one (``_50``: ``|p & g| / max(|p|, |g|) >= 0.5``).
- Matching is one-to-one: a maximum bipartite matching in which each prediction tries its candidates by
  decreasing overlap, so no gold unit (or relation) is credited twice and no possible pairing is lost.
- A predicted relation is correct when its source and target match the gold relation's source and target
  (under the same criterion) and the labels are equal. A claim's stance toward the major claim is scored
  target-agnostic: if the gold target is a MajorClaim and the predicted target is labelled MajorClaim, the
  target counts as matched whichever MajorClaim it is (essays restate their major claim).
- Segmentation scores match units ignoring labels.
- Micro-averaged: true positives and counts are summed over all documents, then P/R/F1 are computed.
  Scores are fractions in [0, 1]; an undefined ratio (nothing predicted, or nothing gold) scores 0.0,
  as in seqeval and scikit-learn -- ``n_gold``/``n_pred`` show when that happened.
"""
from __future__ import annotations

import bisect
import re
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Sequence, Tuple

from .data import RELATION_LABELS, UNIT_LABELS, Document, Relation
from .errors import ArgumentValueError

__all__ = ["score_documents", "document_checks", "check_pairs"]

_TOKEN = re.compile(r"\w+|[^\w\s]")
_CRITERIA = (("100", 1.0), ("50", 0.5))
CLAIM = "Claim"
MAJOR_CLAIM = "MajorClaim"


def _token_sets(doc: Document) -> Dict[str, Tuple[FrozenSet[int], Tuple[int, int]]]:
    """Map each unit id to (indices of the tokens it overlaps, its character span)."""
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(doc.text)]
    starts = [s for s, _ in spans]
    out = {}
    for u in doc.units:
        # start at the last token starting at or before u.start; walk while tokens start before u.end
        i = max(bisect.bisect_right(starts, u.start) - 1, 0)
        toks = set()
        while i < len(spans) and spans[i][0] < u.end:
            if spans[i][1] > u.start:
                toks.add(i)
            i += 1
        out[u.id] = (frozenset(toks), (u.start, u.end))
    return out


def _overlap(a: Tuple[FrozenSet[int], Tuple[int, int]], b: Tuple[FrozenSet[int], Tuple[int, int]]) -> float:
    """|a & b| / max(|a|, |b|) over tokens; units without tokens match only an identical character span."""
    longer = max(len(a[0]), len(b[0]))
    if longer == 0:
        return 1.0 if a[1] == b[1] else 0.0
    return len(a[0] & b[0]) / longer


def _max_matching(n_pred: int, candidates: Callable[[int], List[int]]) -> Dict[int, int]:
    """Maximum one-to-one matching (Kuhn's augmenting paths); returns {pred index: gold index}.

    Each pred index in turn takes its first free candidate, re-seating earlier ones along an augmenting path when
    needed. The search is iterative, so a chain of thousands of overlapping units needs no deep recursion.
    """
    cand = [candidates(p) for p in range(n_pred)]
    gold_of: Dict[int, int] = {}  # gold index -> pred index
    for p in range(n_pred):
        _augment(p, cand, gold_of)
    return {p: g for g, p in gold_of.items()}


def _augment(p0: int, cand: List[List[int]], gold_of: Dict[int, int]) -> bool:
    """Find an augmenting path from pred ``p0`` (depth-first, candidates in order) and flip it into ``gold_of``."""
    seen: set = set()
    stack = [iter(cand[p0])]
    path: List[Tuple[int, int]] = []  # (pred, gold it reaches for) along the stack
    preds = [p0]
    while stack:
        p = preds[-1]
        for g in stack[-1]:
            if g in seen:
                continue
            seen.add(g)
            if g not in gold_of:
                gold_of[g] = p
                for pp, gg in path:
                    gold_of[gg] = pp
                return True
            path.append((p, g))
            preds.append(gold_of[g])
            stack.append(iter(cand[gold_of[g]]))
            break
        else:
            stack.pop()
            preds.pop()
            if path:
                path.pop()
    return False


def _match_units(gold: Document, pred: Document, threshold: float, use_labels: bool) -> Dict[str, str]:
    """One-to-one unit alignment {pred unit id: gold unit id} under an overlap threshold."""
    gt, pt = _token_sets(gold), _token_sets(pred)

    def candidates(p: int) -> List[int]:
        pu = pred.units[p]
        scored = []
        for g, gu in enumerate(gold.units):
            if use_labels and gu.label != pu.label:
                continue
            ov = _overlap(pt[pu.id], gt[gu.id])
            if ov >= threshold:
                scored.append((-ov, g))
        return [g for _, g in sorted(scored)]

    m = _max_matching(len(pred.units), candidates)
    return {pred.units[p].id: gold.units[g].id for p, g in m.items()}


def _match_relations(gold: Document, pred: Document, align: Dict[str, str]) -> List[Tuple[Relation, Relation]]:
    """One-to-one relation alignment given a unit alignment; returns (pred, gold) pairs."""
    glabel = {u.id: u.label for u in gold.units}
    plabel = {u.id: u.label for u in pred.units}

    def ends_match(pr: Relation, gr: Relation) -> bool:
        if pr.label != gr.label or align.get(pr.source) != gr.source or pr.source not in plabel:
            return False
        if (glabel.get(gr.source) == CLAIM and glabel.get(gr.target) == MAJOR_CLAIM
                and glabel.get(align.get(pr.target)) == MAJOR_CLAIM):
            return True  # a claim's stance: any predicted MajorClaim that matches a gold MajorClaim will do
        return pr.target in plabel and align.get(pr.target) == gr.target

    def candidates(p: int) -> List[int]:
        return [g for g, gr in enumerate(gold.relations) if ends_match(pred.relations[p], gr)]

    m = _max_matching(len(pred.relations), candidates)
    return [(pred.relations[p], gold.relations[g]) for p, g in m.items()]


def _prf(tp: int, n_pred: int, n_gold: int) -> Tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class _Counts:
    """Summed counts per label and criterion, turned into the score dict at the end."""

    def __init__(self, labels: Sequence[str]) -> None:
        self.labels = list(labels)
        self.n_gold: Dict[str, int] = {}
        self.n_pred: Dict[str, int] = {}
        self.tp: Dict[Tuple[str, str], int] = {}

    def add_items(self, gold_labels: Sequence[str], pred_labels: Sequence[str]) -> None:
        for lab in gold_labels:
            self.n_gold[lab] = self.n_gold.get(lab, 0) + 1
        for lab in pred_labels:
            self.n_pred[lab] = self.n_pred.get(lab, 0) + 1

    def add_tp(self, crit: str, labels: Sequence[str]) -> None:
        for lab in labels:
            self.tp[crit, lab] = self.tp.get((crit, lab), 0) + 1

    @staticmethod
    def _block(tp: Dict[str, int], n_gold: int, n_pred: int) -> Dict[str, Any]:
        out: Dict[str, Any] = {}
        for crit, _ in _CRITERIA:
            p, r, f = _prf(tp[crit], n_pred, n_gold)
            out.update({f"f1_{crit}": f, f"precision_{crit}": p, f"recall_{crit}": r, f"tp_{crit}": tp[crit]})
        out.update(n_gold=n_gold, n_pred=n_pred)
        return out

    def result(self, per_label: bool = True) -> Dict[str, Any]:
        def tp_for(labs):
            return {c: sum(self.tp.get((c, lab), 0) for lab in labs) for c, _ in _CRITERIA}

        seen = set(self.n_gold) | set(self.n_pred)
        labels = self.labels + sorted(seen - set(self.labels))
        out = self._block(tp_for(labels), sum(self.n_gold.values()), sum(self.n_pred.values()))
        if per_label:
            out["per_label"] = {
                lab: self._block(tp_for([lab]), self.n_gold.get(lab, 0), self.n_pred.get(lab, 0)) for lab in labels
            }
        return out


def check_pairs(gold: Sequence[Document], pred: Sequence[Document]) -> Tuple[List[Document], List[Document]]:
    """``gold`` and ``pred`` as lists, checked to pair up: as many documents, each pair with the same text.

    Returns:
        ``(gold, pred)`` as lists.

    Raises:
        ArgumentValueError: they differ in length, or a pair of documents differs in text (E107)."""
    gold, pred = list(gold), list(pred)
    if len(gold) != len(pred):
        raise ArgumentValueError(f"pred must have one document per gold document; got {len(pred)} for {len(gold)}. "
                                 "Pass them in gold order (argmine.evaluate.align_predictions matches them by id).")
    for i, (g, p) in enumerate(zip(gold, pred)):
        if g.text != p.text:
            raise ArgumentValueError(
                f"pred document {i} (id {p.id!r}) must have the same text as gold document {i} (id {g.id!r}); "
                f"got texts of {len(p.text)} and {len(g.text)} characters that differ"
            )
    return gold, pred


def score_documents(gold: List[Document], pred: List[Document]) -> Dict[str, Any]:
    """Micro-averaged component, relation and segmentation scores (fractions in [0, 1]).

    ``gold`` and ``pred`` are paired by position and each pair must share its text; both should pass
    ``Document.validate()`` (unique unit ids). Returns
    ``{"n_docs", "components": {...}, "relations": {...}, "segmentation": {...}}``; components and relations
    carry ``f1_100``, ``f1_50``, ``precision_*``, ``recall_*``, ``tp_*``, ``n_gold``, ``n_pred`` and the same
    per label under ``per_label``.

    Returns:
        A dict: ``n_docs`` and per part (``components``, ``relations``, ``segmentation``) ``f1_100``, ``f1_50``,
        precision and recall (fractions in [0, 1]), ``tp_100``, ``tp_50``, ``n_gold``, ``n_pred`` (ints) and
        ``per_label``.

    Raises:
        ArgumentValueError: ``gold`` and ``pred`` differ in length, or a pair of documents differs in text (E107).
    """
    gold, pred = check_pairs(gold, pred)
    comps, rels, seg = _Counts(UNIT_LABELS), _Counts(RELATION_LABELS), _Counts(["unit"])
    ev_pairs: List[Tuple[str, Optional[str]]] = []  # (gold, predicted) evidence type of matched units
    for g, p in zip(gold, pred):
        comps.add_items([u.label for u in g.units], [u.label for u in p.units])
        rels.add_items([r.label for r in g.relations], [r.label for r in p.relations])
        seg.add_items(["unit"] * len(g.units), ["unit"] * len(p.units))
        plabel = {u.id: u.label for u in p.units}
        for crit, threshold in _CRITERIA:
            align = _match_units(g, p, threshold, use_labels=True)
            comps.add_tp(crit, [plabel[pid] for pid in align])
            rels.add_tp(crit, [pr.label for pr, _ in _match_relations(g, p, align)])
            seg_align = _match_units(g, p, threshold, use_labels=False)
            seg.add_tp(crit, ["unit"] * len(seg_align))
            if threshold == 0.5:
                ev_pairs += _evidence_pairs(g, p, seg_align)
    out = {
        "n_docs": len(gold),
        "documents": document_checks(gold, pred),
        "components": comps.result(),
        "relations": rels.result(),
        "segmentation": seg.result(per_label=False),
    }
    if any(gold_ev is not None for gold_ev, _ in ev_pairs):
        out["evidence"] = evidence_accuracy(ev_pairs)
    return out


def _evidence_pairs(gold: Document, pred: Document, align: Dict[str, str]) -> List[Tuple[Optional[str], Optional[str]]]:
    """(gold, predicted) ``extra["evidence_type"]`` of each aligned unit pair whose gold unit has one."""
    g_ev = {u.id: u.extra.get("evidence_type") for u in gold.units}
    p_ev = {u.id: u.extra.get("evidence_type") for u in pred.units}
    return [(g_ev[gid], p_ev.get(pid)) for pid, gid in align.items() if g_ev.get(gid) is not None]


def evidence_accuracy(pairs: Sequence[Tuple[Optional[str], Optional[str]]]) -> Dict[str, Any]:
    """Evidence-type scores over matched units (label-agnostic, 50% overlap, one-to-one as segmentation F1 50%),
    computed with ``sklearn.metrics``.

    A matched unit with no predicted type counts as wrong (its prediction is ``NO_TYPE``). Returns ``accuracy``,
    ``n_matched``, ``n_correct``, ``macro_f1`` (over the gold types), ``majority_baseline`` (the accuracy of
    ``sklearn.dummy.DummyClassifier(strategy="most_frequent")``: always the most frequent gold type), ``per_type``
    (each gold type's ``n_gold``, ``precision``, ``recall``, ``f1``) and ``confusion_matrix`` (``labels``: the gold
    types, then any other predicted ones; ``counts[i][j]``: units of gold type i predicted as type j). Fractions in
    [0, 1]; an undefined ratio is 0.0. Raises nothing.

    Returns:
        A dict: ``accuracy`` and ``macro_f1`` (fractions in [0, 1]), ``n_matched``, ``n_correct`` (ints),
        ``majority_baseline``, ``per_type`` and ``confusion_matrix``.
    """
    import numpy as np
    from sklearn.dummy import DummyClassifier
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

    pairs = [(g, p if p is not None else NO_TYPE) for g, p in pairs if g is not None]
    n = len(pairs)
    if not n:
        return {"accuracy": 0.0, "n_matched": 0, "n_correct": 0, "macro_f1": 0.0, "majority_baseline": 0.0,
                "per_type": {}, "confusion_matrix": {"labels": [], "counts": []}}
    gold, pred = [g for g, _ in pairs], [p for _, p in pairs]
    types = sorted(set(gold))
    labels = types + sorted(set(pred) - set(types))
    p, r, f, support = precision_recall_fscore_support(gold, pred, labels=types, zero_division=0)
    dummy = DummyClassifier(strategy="most_frequent").fit(np.zeros((n, 1)), gold)
    return {"accuracy": float(accuracy_score(gold, pred)), "n_matched": n, "n_correct": sum(g == q for g, q in pairs),
            "macro_f1": float(np.mean(f)), "majority_baseline": float(dummy.score(np.zeros((n, 1)), gold)),
            "per_type": {t: {"n_gold": int(support[k]), "precision": float(p[k]), "recall": float(r[k]),
                             "f1": float(f[k])} for k, t in enumerate(types)},
            "confusion_matrix": {"labels": labels,
                                 "counts": confusion_matrix(gold, pred, labels=labels).tolist()}}


NO_TYPE = "(none)"  # the prediction of a matched unit without an evidence type, in evidence_accuracy


def document_checks(gold: Sequence[Document], pred: Sequence[Document], threshold: float = 0.5) -> Dict[str, int]:
    """Per-text checks, counted over documents paired by position (texts must be equal, as in ``score_documents``).

    ``with_major_claim``: gold documents that have a MajorClaim; ``major_claim_found``: those of them where some
    predicted MajorClaim matches some gold MajorClaim (token overlap ``>= threshold``, ``_overlap``; not one-to-one:
    an editorial restates its thesis, finding it once is what the check asks); ``no_units``: documents with gold
    units but no predicted unit.

    Returns:
        A dict of ints: ``with_major_claim``, ``major_claim_found`` and ``no_units``.
    """
    out = {"with_major_claim": 0, "major_claim_found": 0, "no_units": 0}
    for g, p in zip(gold, pred):
        gt, pt = _token_sets(g), _token_sets(p)
        g_mc = [gt[u.id] for u in g.units if u.label == MAJOR_CLAIM]
        p_mc = [pt[u.id] for u in p.units if u.label == MAJOR_CLAIM]
        if g_mc:
            out["with_major_claim"] += 1
            out["major_claim_found"] += any(_overlap(a, b) >= threshold for a in p_mc for b in g_mc)
        out["no_units"] += bool(g.units) and not p.units
    return out


def correct_units(gold: Document, pred: Document, threshold: float = 0.5) -> List[bool]:
    """Per unit of ``pred`` (in order): is it matched one-to-one to a gold unit of the same label at ``threshold``
    token overlap (the matching of component F1, so ``sum`` of the result is its true positives)? Texts must be equal.

    Returns:
        A list of bools, one per unit of ``pred``."""
    align = _match_units(gold, pred, threshold, use_labels=True)
    return [u.id in align for u in pred.units]


def correct_relations(gold: Document, pred: Document, threshold: float = 0.5) -> List[bool]:
    """Per relation of ``pred`` (in order): is it one of relation F1's true positives at ``threshold`` overlap?

    Returns:
        A list of bools, one per relation of ``pred``."""
    align = _match_units(gold, pred, threshold, use_labels=True)
    hits = {id(pr) for pr, _ in _match_relations(gold, pred, align)}
    return [id(r) in hits for r in pred.relations]
