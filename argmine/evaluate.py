"""Evaluate a miner (or a list of predicted Documents) against a corpus split."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .data import ArgumentUnit, Document
from .metrics import score_documents
from .text import paragraph_spans
from .errors import ArgumentValueError, InputFileError
from .model.onnx_encoder import DEFAULT_BACKEND


def split_paragraphs(doc: Document) -> List[Document]:
    """One Document per paragraph, offsets shifted; relations kept when both ends lie in the paragraph.

    Returns:
        A list of ``Document``, one per paragraph of ``doc`` (text order), ids ``f"{doc.id}#p{k}"``."""
    out = []
    for k, (s, e) in enumerate(paragraph_spans(doc.text)):
        units = [ArgumentUnit(u.id, u.start - s, u.end - s, u.label, u.score, u.extra) for u in doc.units if u.start >= s and u.end <= e]
        ids = {u.id for u in units}
        rels = [r for r in doc.relations if r.source in ids and r.target in ids]
        out.append(Document(doc.text[s:e], units, rels, id=f"{doc.id}#p{k}", model=doc.model))
    return out


def score(gold: Sequence[Document], pred: Sequence[Document], level: str = "essay") -> Dict:
    """Component and relation scores of ``pred`` against ``gold`` (``argmine.metrics.score_documents``; see
    docs/scores.md), over whole documents (``level="essay"``) or each paragraph as a document (``"paragraph"``).

    Returns:
        The scores dict of ``argmine.metrics.score_documents``: ``components``, ``relations``, ``segmentation``, ... (F1
        fractions in [0, 1], counts as ints).

    Raises:
        ArgumentValueError: another ``level``, or ``pred`` not one document per gold document (E107)."""
    if level not in ("essay", "paragraph"):
        raise ArgumentValueError(f"level must be 'essay' or 'paragraph'; got {level!r}. "
                                 "Pass 'essay' (whole documents, the default) or 'paragraph'.")
    if level == "paragraph":
        gold = [p for d in gold for p in split_paragraphs(d)]
        pred = [p for d in pred for p in split_paragraphs(d)]
    return score_documents(list(gold), list(pred))


def evaluate_miner(miner, gold: Sequence[Document], level: str = "essay", show_progress: bool = False) -> Dict:
    """Mine each gold text (the whole essay, as a user would, with its headline where the corpus has one) and score
    at ``level``.

    Returns:
        The scores of ``score`` (``components``, ``relations``, ``segmentation``, ...: docs/scores.md)."""
    return score(gold, predict(miner, gold, show_progress), level)


# -- predictions files, confidence intervals, comparisons ----------------------------------------------------------
# A "system" is what is scored: a model (mined here) or a file of predicted documents. Each gives one predicted
# Document per gold document; scores come with bootstrap intervals over documents, and several systems on the
# same gold documents are compared pairwise with a paired bootstrap test (argmine.bootstrap).

def predict(miner, gold: Sequence[Document], show_progress: bool = False) -> List[Document]:
    """The miner's Documents for the gold texts (whole documents, as a user would mine them, with their headline
    ``meta["title"]`` where the corpus has one), in gold order.

    Returns:
        A list of ``Document``, one per gold document, in gold order."""
    return list(miner.mine_batch([d.text for d in gold], ids=[d.id for d in gold], titles=[d.meta.get("title") for d in gold],
                                 show_progress=show_progress))


def read_predictions(path) -> Dict[str, Tuple[int, Document]]:
    """``{id: (line number, Document)}`` from a JSON Lines file of documents (CONTRACT.md, one per line).

    Lines end at ``\n`` only (JSON Lines); a UTF-8 byte order mark and blank lines are skipped. Each record is
    checked by :func:`argmine.validate.document_from_record`. Raises ``ValueError`` naming the line (and unit) for
    a line that is not a JSON document, a record without ``units`` (e.g. batch input), a unit whose text is not
    ``text[start:end]`` (saying when the offsets look like UTF-16 code units), a document without an ``id``, one
    that breaks the contract (``Document.validate``) or an id seen twice.

    Returns:
        A dict from document id to ``(line number, Document)`` (1-based line numbers).

    Raises:
        DataNotFoundError: ``path`` is not a file (E003).
        InputFileError: a line that is not a document, a document without an id, or an id seen twice (E105).
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
            raise InputFileError(f"{where} must be one JSON document (CONTRACT.md); got {type(e).__name__}: {getattr(e, 'message', e)}") from None
        doc = document_from_record(d, where)
        if doc.id is None or doc.id == "":
            raise InputFileError(f"{where}: a prediction must have an id to be matched to a gold document; got none. "
                                 "Give each prediction its gold document's id (argmine mine --id ID; argmine batch keeps each record's id).")
        doc.id = str(doc.id)
        if doc.id in out:
            raise InputFileError(f"{where}: each id must occur once; got {doc.id!r} again (first on line {out[doc.id][0]}). "
                                 "Keep one prediction per gold document in the file.")
        out[doc.id] = (n, doc)
    return out


def align_predictions(gold: Sequence[Document], predictions: Dict[str, Tuple[int, Document]],
                      source: str = "predictions") -> Tuple[List[Document], List[str], List[str]]:
    """Predicted documents in gold order, matched by id: ``(pred, missing_ids, unmatched_ids)``.

    A gold document with no prediction gets an empty one (no units, no relations): it counts as predicting
    nothing. ``unmatched_ids`` are predictions whose id is not a gold id (ignored). A prediction whose text is
    not the gold text is an error (``ValueError``).

    Returns:
        ``(pred, missing_ids, unmatched_ids)``: a list of ``Document`` (one per gold document) and two lists of ids.

    Raises:
        InputFileError: duplicate gold ids, or a prediction whose text differs from its gold document's (E105).
    """
    ids = [str(g.id) for g in gold]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise InputFileError(f"gold document ids must be unique to match predictions by id; got {dup[:5]} more than once. "
                             "Check that the corpus is the release argmine reads (docs/corpora.md).")
    pred, missing = [], []
    for g, gid in zip(gold, ids):
        hit = predictions.get(gid)
        if hit is None:
            missing.append(gid)
            pred.append(Document(text=g.text, id=g.id))
            continue
        n, p = hit
        if p.text != g.text:
            raise InputFileError(f"{source}, line {n}: the prediction for {gid!r} must have the gold document's text; "
                             f"got a text of {len(p.text)} characters for {len(g.text)} that differs. "
                             "Mine the gold text exactly as the corpus gives it (evaluate --model does), so that offsets agree.")
        pred.append(p)
    gold_ids = set(ids)
    unmatched = [i for i in predictions if i not in gold_ids]
    return pred, missing, unmatched


def predictions_info(path, predictions: Dict[str, Tuple[int, Document]]) -> Dict:
    """The ``model`` entry of a predictions file: the model its documents name (when they agree), and the path.

    Returns:
        A dict: the documents' ``model`` entry (when they agree) with ``path`` (str) added."""
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
    document's counts are the sums over its paragraphs, so resampling stays over documents.

    Returns:
        A list of counts dicts ``{part: {"tp_100", "tp_50", "n_gold", "n_pred"}}``, one per gold document."""
    from .bootstrap import document_counts as counts

    return counts(list(gold), list(pred), scorer=lambda g, p: score(g, p, level))


def score_system(gold: Sequence[Document], pred: Sequence[Document], level: str = "essay", n_bootstrap: int = 1000,
                 seed: int = 0, confidence: float = 0.95) -> Tuple[Dict, List[Dict]]:
    """Scores of one system with bootstrap intervals, and its per-document counts (for comparisons).

    Adds ``ci: {"f1_100": [low, high], "f1_50": [low, high]}`` to ``components``, ``relations`` and
    ``segmentation``, and ``bootstrap: {"n", "seed", "confidence", "resampled": "documents"}``, unless
    ``n_bootstrap`` is 0 (or there are no documents).

    Returns:
        ``(scores, counts)``: the scores of ``score`` with those intervals, and ``document_counts`` per document.
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

    Returns:
        A list of comparison dicts, one per system after the first, in order.
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
    """A side-by-side table of two systems: their F1 scores, the difference B - A, its interval and p-value.

    Returns:
        The table as one str of lines (no trailing newline); F1 in percent."""
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


# -- several systems on one corpus split (what `argmine evaluate` runs) ------------------------------------------
def evaluate_systems(corpus: str, split: str, data_dir: Path, models: List[Optional[str]], level: str,
                     predictions: Optional[List[Path]] = None, n_bootstrap: int = 0, seed: int = 0,
                     confidence: float = 0.95, log=None, precision: str = "fp32", threads: Optional[int] = None,
                     backend: str = DEFAULT_BACKEND) -> tuple:
    """Score systems on a corpus split, one result per system (each model, then each predictions file; the default
    model when neither is given) and, for two or more systems, each later one compared with the first.

    Returns:
        ``(results, comparisons)``: per system a dict of ``corpus``, ``split``, ``level``, its scores (as
        ``score_system``), ``model`` (and ``predictions`` for a file); the comparisons of ``compare_systems`` (empty
        for one system)."""
    from .corpora import get_reader
    from .miner import load

    gold = get_reader(corpus)(data_dir, split)
    systems = []  # (model info, predicted documents, extra result keys)
    for m in models or ([] if predictions else [None]):
        miner = load(m, precision=precision, threads=threads, backend=backend)
        info = dict(miner.model_info)
        systems.append((info, predict(miner, gold, show_progress=sys.stderr.isatty()), {}, m))
    for path in predictions or []:
        preds = read_predictions(path)
        pred, missing, unmatched = align_predictions(gold, preds, source=str(path))
        if log and missing:
            shown = ", ".join(missing[:10]) + (", ..." if len(missing) > 10 else "")
            log(f"{path}: {len(missing)} of {len(gold)} gold documents have no prediction and count as empty "
                f"predictions: {shown}")
        if log and unmatched:
            log(f"{path}: {len(unmatched)} predictions match no gold document of {corpus}/{split} and are ignored")
        extra = {"predictions": {"path": str(path), "n_missing": len(missing), "missing_ids": missing,
                                 "n_unmatched": len(unmatched), "unmatched_ids": unmatched}}
        systems.append((predictions_info(path, preds), pred, extra, str(path)))
    results, counts, names = [], [], []
    for info, pred, extra, where in systems:
        scores, c = score_system(gold, pred, level, n_bootstrap, seed, confidence)
        results.append({"corpus": corpus, "split": split, "level": level, **scores, "model": info, **extra})
        counts.append(c)
        names.append(f"{info['name']} {info.get('version', '')}".strip() + (f" ({where})" if where else ""))
    comparisons = compare_systems(names, counts, n_bootstrap, seed, confidence) if len(systems) > 1 else []
    return results, comparisons


def format_scores(res: dict) -> str:
    """The plain-text score table of one system's result (``evaluate_systems``), as ``argmine evaluate`` prints it.

    Returns:
        The table as one str of lines (no trailing newline); F1 in percent, counts as ints, and notes under it (a
        missing major claim, missing predictions, an exact-match F1 that says little)."""
    ci = "ci" in res["components"]
    pct = f"{res.get('bootstrap', {}).get('confidence', 0.95) * 100:g}%"
    who = f"{res['model']['name']} {res['model'].get('version') or ''}".strip()
    lines = [f"{who} on {res['corpus']}/{res['split']} ({res['level']} level, {res['n_docs']} docs)",
             f"{'':14}{'F1 100%':>9}{'F1 50%':>9}{'gold':>7}{'pred':>7}" + (f"  {pct + ' CI 100%':>14}  {pct + ' CI 50%':>14}" if ci else "")]

    def interval(r: dict) -> str:
        if "ci" not in r:
            return ""
        return "".join(f"  [{r['ci'][m][0] * 100:5.1f},{r['ci'][m][1] * 100:6.1f}]" for m in ("f1_100", "f1_50"))

    for part in ("components", "relations"):
        r = res[part]
        lines.append(f"{part:14}{r['f1_100'] * 100:9.1f}{r['f1_50'] * 100:9.1f}{r['n_gold']:7d}{r['n_pred']:7d}{interval(r)}")
        for lab, v in r["per_label"].items():
            lines.append(f"  {lab:12}{v['f1_100'] * 100:9.1f}{v['f1_50'] * 100:9.1f}{v['n_gold']:7d}{v['n_pred']:7d}")
    if "segmentation" in res:
        s = res["segmentation"]
        lines.append(f"{'segmentation':14}{s['f1_100'] * 100:9.1f}{s['f1_50'] * 100:9.1f}{s['n_gold']:7d}{s['n_pred']:7d}{interval(s)}")
    if "evidence" in res:
        ev = res["evidence"]
        lines.append(f"evidence-type accuracy on units matched at 50% (label-agnostic): {ev['accuracy'] * 100:.1f} "
                     f"({ev['n_correct']}/{ev['n_matched']}; always '{max(ev['per_type'], key=lambda t: ev['per_type'][t]['n_gold']) if ev['per_type'] else '-'}'"
                     f" would get {ev['majority_baseline'] * 100:.1f})")
        for t, v in ev["per_type"].items():
            lines.append(f"  {t:14} recall {v['recall'] * 100:5.1f}  gold {v['n_gold']}")
    checks = res.get("documents") or {}
    if checks.get("with_major_claim"):
        lines.append(f"major claim found (a predicted MajorClaim matching a gold one at 50%): {checks['major_claim_found']}"
                     f" of {checks['with_major_claim']} documents")
    if checks.get("no_units"):
        lines.append(f"documents with gold units but no predicted unit: {checks['no_units']}")
    if "predictions" in res and res["predictions"]["n_missing"]:
        lines.append(f"({res['predictions']['n_missing']} gold documents had no prediction: scored as empty)")
    note = _boundary_note(res)
    return "\n".join(lines + ([note] if note else []))


def _boundary_note(res: dict) -> Optional[str]:
    """A note under the table when the 100% component F1 says little: on arg-microtexts (its gold units keep their
    final punctuation, argmine's units do not, so exact boundaries almost never agree) or whenever it is below half
    the 50% F1; None otherwise."""
    from .corpora import ALIASES

    c = res["components"]
    microtexts = ALIASES.get(res.get("corpus"), res.get("corpus")) == "microtexts"
    if not microtexts and not (c["f1_50"] > 0 and c["f1_100"] < 0.5 * c["f1_50"]):
        return None
    why = ("the gold units of arg-microtexts keep their final punctuation and argmine's units do not" if microtexts
           else "the predicted units' boundaries rarely equal the gold ones exactly (a corpus convention, such as "
                "final punctuation or leading discourse markers, can cause this)")
    return (f"note: F1 100% counts a unit only when its boundaries are exactly the gold ones; {why}. "
            "Read F1 50% (units sharing at least half of their tokens; docs/scores.md) as the score here.")


def scores_payload(results: List[Dict[str, Any]], comparisons: List[Dict[str, Any]], corpus: str, split: str,
                   level: str) -> Dict[str, Any]:
    """The JSON ``argmine evaluate --json`` writes: the one system's scores, or for several
    ``{corpus, split, level, n_docs, systems, comparisons}`` (see docs/scores.md). Raises nothing.

    Returns:
        A dict of JSON values: ``results[0]`` for one system, else the dict above."""
    if len(results) == 1:
        return results[0]
    return {"corpus": corpus, "split": split, "level": level, "n_docs": results[0]["n_docs"],
            "systems": results, "comparisons": comparisons}
