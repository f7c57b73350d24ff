"""Where relation F1 is lost: each gold relation traced to the first step of end-to-end mining that failed it.

Relation F1 (``argmine.metrics``) credits a predicted relation only when both its ends match gold units *with the
gold labels* and the link and its label agree, so one number mixes segmentation, unit labelling and linking errors.
:func:`relation_outcomes` splits the gold relations of a corpus by the kind of relation (gold labels of source and
target, e.g. ``Claim->MajorClaim``) and by the first failure, in pipeline order:

1. ``source not found`` / ``target not found``: no predicted unit covers that end (one-to-one, label-agnostic
   alignment at ``threshold`` token overlap, as segmentation F1 aligns units);
2. ``source label`` / ``target label``: the end is found but labelled otherwise (a claim mined as a premise);
3. ``not linked``: both ends found and labelled right, but no predicted relation joins them (for a claim's stance,
   none from the claim to any predicted MajorClaim that matches a gold one, the scorer's target-agnostic rule);
4. ``relation label``: linked, with the other label (supports for attacks);
5. ``paired elsewhere``: all of the above right, but the scorer's one-to-one matching gave the predicted relation
   to another gold relation (two gold relations from one claim to two restatements of the major claim, say);
6. ``correct``: a true positive of relation F1 at ``threshold`` (``argmine.metrics.correct_relations``).

``correct`` counts exactly the gold relations the scorer credits; the other steps are a diagnosis (a one-to-one
matching may pair an end with another gold unit than the one traced here), not a second scorer.
Pure Python, no torch.
"""
from __future__ import annotations

from collections import Counter
from typing import Dict, Sequence

from .data import Document, Relation
from .metrics import CLAIM, MAJOR_CLAIM, _match_relations, _match_units, check_pairs

OUTCOMES = ("source not found", "target not found", "source label", "target label", "not linked", "relation label",
            "paired elsewhere", "correct")


def relation_outcomes(gold: Sequence[Document], pred: Sequence[Document], threshold: float = 0.5) -> Dict[str, Counter]:
    """Gold relations counted by kind (``"<source label>-><target label>"``, gold labels) and outcome (``OUTCOMES``).

    ``gold`` and ``pred``: documents in the same order (the same texts), as ``argmine.metrics.score_documents``
    takes them; ``threshold``: the token-overlap share at which units match (0.5 or 1.0).

    Returns:
        ``{kind: Counter({outcome: count})}``, plus ``"all"`` summed over kinds.

    Raises:
        ArgumentValueError: ``gold`` and ``pred`` differ in length, or a pair differs in text (E107)."""
    gold, pred = check_pairs(gold, pred)
    out: Dict[str, Counter] = {"all": Counter()}
    for g, p in zip(gold, pred):
        for kind, outcome in _document_outcomes(g, p, threshold):
            out.setdefault(kind, Counter())[outcome] += 1
            out["all"][outcome] += 1
    return out


def _document_outcomes(gold: Document, pred: Document, threshold: float):
    """``(kind, outcome)`` for each gold relation of one document."""
    found = {gid: pid for pid, gid in _match_units(gold, pred, threshold, use_labels=False).items()}
    credited = {id(gr) for _, gr in _match_relations(gold, pred, _match_units(gold, pred, threshold, use_labels=True))}
    glabel = {u.id: u.label for u in gold.units}
    plabel = {u.id: u.label for u in pred.units}
    for r in gold.relations:
        kind = f"{glabel.get(r.source)}->{glabel.get(r.target)}"
        yield kind, ("correct" if id(r) in credited else _first_failure(r, found, glabel, plabel, pred.relations))


def _first_failure(r: Relation, found: Dict[str, str], glabel, plabel, pred_relations) -> str:
    """The first step that failed gold relation ``r`` (``found``: gold unit id -> aligned predicted unit id)."""
    s, t = found.get(r.source), found.get(r.target)
    if s is None:
        return "source not found"
    if t is None:
        return "target not found"
    if plabel[s] != glabel[r.source]:
        return "source label"
    if plabel[t] != glabel[r.target]:
        return "target label"
    stance = glabel[r.source] == CLAIM and glabel[r.target] == MAJOR_CLAIM
    targets = ({pid for gid, pid in found.items() if glabel.get(gid) == MAJOR_CLAIM and plabel.get(pid) == MAJOR_CLAIM}
               if stance else {t})
    links = [pr for pr in pred_relations if pr.source == s and pr.target in targets]
    if not links:
        return "not linked"
    return "relation label" if all(pr.label != r.label for pr in links) else "paired elsewhere"
