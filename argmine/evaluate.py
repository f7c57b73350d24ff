"""Evaluate a miner (or a list of predicted Documents) against a corpus split."""
from __future__ import annotations

from typing import Dict, List, Sequence, Tuple

from .data import ArgumentUnit, Document, Relation
from .metrics import score_documents
from .text import paragraph_spans


def split_paragraphs(doc: Document) -> List[Document]:
    """One Document per paragraph, offsets shifted; relations kept when both ends lie in the paragraph."""
    out = []
    for k, (s, e) in enumerate(paragraph_spans(doc.text)):
        units = [ArgumentUnit(u.id, u.start - s, u.end - s, u.label, u.score, u.extra) for u in doc.units if u.start >= s and u.end <= e]
        ids = {u.id for u in units}
        rels = [r for r in doc.relations if r.source in ids and r.target in ids]
        out.append(Document(doc.text[s:e], units, rels, id=f"{doc.id}#p{k}", model=doc.model))
    return out


def score(gold: Sequence[Document], pred: Sequence[Document], level: str = "essay") -> Dict:
    if level not in ("essay", "paragraph"):
        raise ValueError(f"level must be 'essay' or 'paragraph'; got {level!r}")
    if level == "paragraph":
        gold = [p for d in gold for p in split_paragraphs(d)]
        pred = [p for d in pred for p in split_paragraphs(d)]
    return score_documents(list(gold), list(pred))


def evaluate_miner(miner, gold: Sequence[Document], level: str = "essay", show_progress: bool = False) -> Dict:
    """Mine each gold text (the whole essay, as a user would, with its headline where the corpus has one) and score
    at ``level``."""
    return score(gold, predict(miner, gold, show_progress), level)


# -- predictions files, confidence intervals, comparisons ----------------------------------------------------------
# A "system" is what is scored: a model (mined here) or a file of predicted documents. Each gives one predicted
# Document per gold document; scores come with bootstrap intervals over documents, and several systems on the
# same gold documents are compared pairwise with a paired bootstrap test (argmine.bootstrap).

def predict(miner, gold: Sequence[Document], show_progress: bool = False) -> List[Document]:
    """The miner's Documents for the gold texts (whole documents, as a user would mine them, with their headline
    ``meta["title"]`` where the corpus has one), in gold order."""
    return list(miner.mine_batch([d.text for d in gold], ids=[d.id for d in gold], titles=[d.meta.get("title") for d in gold],
                                 show_progress=show_progress))


def read_predictions(path) -> Dict[str, Tuple[int, Document]]:
    """``{id: (line number, Document)}`` from a JSON Lines file of documents (CONTRACT.md, one per line).

    Lines end at ``\n`` only (JSON Lines); a UTF-8 byte order mark and blank lines are skipped. Each record is
    checked by :func:`argmine.validate.document_from_record`. Raises ``ValueError`` naming the line (and unit) for
    a line that is not a JSON document, a record without ``units`` (e.g. batch input), a unit whose text is not
    ``text[start:end]`` (saying when the offsets look like UTF-16 code units), a document without an ``id``, one
    that breaks the contract (``Document.validate``) or an id seen twice.
    """
    import json
    from pathlib import Path

    from .corpora.base import read_exact
    from .validate import document_from_record

    path = Path(path)
    if not path.is_file():
        from .errors import DataNotFoundError

        raise DataNotFoundError(path, "the predictions file (--predictions)", "Pass a JSON Lines file of documents, "
                                "e.g. the OUTPUT of argmine batch.")
    out: Dict[str, Tuple[int, Document]] = {}
    for n, line in enumerate(read_exact(path, strip_bom=True).split("\n"), 1):  # JSON Lines: records end at \n only
        if not line.strip():
            continue
        where = f"{path}, line {n}"
        try:
            d = json.loads(line)
        except ValueError as e:
            raise ValueError(f"{where} must be one JSON document (CONTRACT.md); got {type(e).__name__}: {e}") from None
        doc = document_from_record(d, where)
        if doc.id is None or doc.id == "":
            raise ValueError(f"{where}: a prediction must have an id to be matched to a gold document; got none")
        doc.id = str(doc.id)
        if doc.id in out:
            raise ValueError(f"{where}: each id must occur once; got {doc.id!r} again (first on line {out[doc.id][0]})")
        out[doc.id] = (n, doc)
    return out


def align_predictions(gold: Sequence[Document], predictions: Dict[str, Tuple[int, Document]],
                      source: str = "predictions") -> Tuple[List[Document], List[str], List[str]]:
    """Predicted documents in gold order, matched by id: ``(pred, missing_ids, unmatched_ids)``.

    A gold document with no prediction gets an empty one (no units, no relations): it counts as predicting
    nothing. ``unmatched_ids`` are predictions whose id is not a gold id (ignored). A prediction whose text is
    not the gold text is an error (``ValueError``).
    """
    ids = [str(g.id) for g in gold]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"gold document ids must be unique to match predictions by id; got {dup[:5]} more than once")
    pred, missing = [], []
    for g, gid in zip(gold, ids):
        hit = predictions.get(gid)
        if hit is None:
            missing.append(gid)
            pred.append(Document(text=g.text, id=g.id))
            continue
        n, p = hit
        if p.text != g.text:
            raise ValueError(f"{source}, line {n}: the prediction for {gid!r} must have the gold document's text; "
                             f"got a text of {len(p.text)} characters for {len(g.text)} that differs")
        pred.append(p)
    gold_ids = set(ids)
    unmatched = [i for i in predictions if i not in gold_ids]
    return pred, missing, unmatched


def predictions_info(path, predictions: Dict[str, Tuple[int, Document]]) -> Dict:
    """The ``model`` entry of a predictions file: the model its documents name (when they agree), and the path."""
    from pathlib import Path

    models = {(d.model or {}).get("name"): d.model for _, d in predictions.values() if d.model}
    if len(models) == 1:
        m = next(iter(models.values()))
        info = {"name": str(m.get("name")), "version": str(m.get("version", ""))}
    else:
        info = {"name": Path(path).name, "version": ""}
    info["predictions"] = str(path)
    return info


def document_counts(gold: Sequence[Document], pred: Sequence[Document], level: str = "essay") -> List[Dict]:
    """Per-document counts (``argmine.bootstrap.document_counts``) scored at ``level``; at paragraph level a
    document's counts are the sums over its paragraphs, so resampling stays over documents."""
    from .bootstrap import document_counts as counts

    return counts(list(gold), list(pred), scorer=lambda g, p: score(g, p, level))


def score_system(gold: Sequence[Document], pred: Sequence[Document], level: str = "essay", n_bootstrap: int = 1000,
                 seed: int = 0, confidence: float = 0.95) -> Tuple[Dict, List[Dict]]:
    """Scores of one system with bootstrap intervals, and its per-document counts (for comparisons).

    Adds ``ci: {"f1_100": [low, high], "f1_50": [low, high]}`` to ``components``, ``relations`` and
    ``segmentation``, and ``bootstrap: {"n", "seed", "confidence", "resampled": "documents"}``, unless
    ``n_bootstrap`` is 0 (or there are no documents).
    """
    from .bootstrap import bootstrap_ci

    scores = score(gold, pred, level)
    counts = document_counts(gold, pred, level)
    if n_bootstrap > 0 and counts:
        ci = bootstrap_ci(counts, n_bootstrap, seed, confidence)
        for part, metrics in ci.items():
            scores[part]["ci"] = metrics
        scores["bootstrap"] = {"n": n_bootstrap, "seed": seed, "confidence": confidence, "resampled": "documents",
                               "n_documents": len(counts)}
    return scores, counts


def compare_systems(names: Sequence[str], counts: Sequence[List[Dict]], n_bootstrap: int = 1000, seed: int = 0,
                    confidence: float = 0.95) -> List[Dict]:
    """Each system after the first against the first, by a paired bootstrap over documents.

    Returns one ``{"a", "b", "bootstrap", "components", "relations", "segmentation"}`` per pair; each part maps
    ``f1_100``/``f1_50`` to ``{"a", "b", "diff" (b - a), "ci", "p_value"}`` (``argmine.bootstrap.paired_bootstrap``).
    """
    from .bootstrap import METRICS, micro_f1, paired_bootstrap

    out = []
    for k in range(1, len(counts)):
        if n_bootstrap > 0 and counts[0]:
            res = paired_bootstrap(counts[0], counts[k], n_bootstrap, seed, confidence)
        else:  # no resampling: the scores and their difference only
            res = {}
            for part, metric in METRICS:
                if counts[0] and part in counts[0][0]:
                    a, b = micro_f1(counts[0], part, metric), micro_f1(counts[k], part, metric)
                    res.setdefault(part, {})[metric] = {"a": a, "b": b, "diff": b - a, "ci": None, "p_value": None}
        out.append({"a": names[0], "b": names[k],
                    "bootstrap": {"n": n_bootstrap, "seed": seed, "confidence": confidence, "resampled": "documents",
                                  "paired": True, "test": "two-sided shifted bootstrap"}, **res})
    return out


def format_comparison(names: Sequence[str], comparison: Dict) -> str:
    """A side-by-side table of two systems: their F1 scores, the difference B - A, its interval and p-value."""
    b = comparison["bootstrap"]
    pct = f"{b['confidence'] * 100:g}%"
    how = (f"paired bootstrap over documents ({b['n']} resamples, seed {b['seed']}); p: two-sided, no difference"
           if b["n"] else "no bootstrap (--bootstrap 0): no interval, no p-value")
    head = [f"A = {names[0]}", f"B = {names[1]}", how,
            f"{'':22}{'A':>8}{'B':>8}{'B - A':>8}{pct + ' CI of B - A':>20}{'p':>8}"]
    rows = []
    for part in ("components", "relations", "segmentation"):
        for metric in ("f1_100", "f1_50"):
            r = comparison.get(part, {}).get(metric)
            if r is None:
                continue
            label = f"{part} F1 {metric[3:]}%"
            ci = f"[{r['ci'][0] * 100:+.1f}, {r['ci'][1] * 100:+.1f}]" if r.get("ci") else "-"
            p = f"{r['p_value']:8.3f}" if r.get("p_value") is not None else f"{'-':>8}"
            rows.append(f"{label:22}{r['a'] * 100:8.1f}{r['b'] * 100:8.1f}{r['diff'] * 100:+8.1f}{ci:>20}{p}")
    return "\n".join(head + rows)
