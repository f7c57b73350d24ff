"""Do the encoder backends give the same argument? Mines AAEC dev with each backend and compares them unit by unit.

Per backend: component and relation F1 (AAEC, 100% overlap, essay level; ``argmine.evaluate.score``). Against the
first backend: documents whose units differ, units that differ (a unit of one that the other lacks, same span and
label counting as same), relations that differ, and the largest difference of a unit's score.

    python benchmarks/backend_parity.py [--model DIR] [--data-dir ../shared/data] [--split dev] [--backends torch,onnx] [--json OUT]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import emit_json  # noqa: E402


def unit_keys(doc):
    return {(u.start, u.end, u.label) for u in doc.units}


def relation_keys(doc):
    span = {u.id: (u.start, u.end) for u in doc.units}
    return {(span[r.source], span[r.target], r.label) for r in doc.relations}


def compare(ref, other) -> dict:
    """Unit and relation differences of two lists of Documents (the same texts in the same order)."""
    docs_differ = units_differ = rels_differ = 0
    max_score = 0.0
    for a, b in zip(ref, other):
        ua, ub = unit_keys(a), unit_keys(b)
        ra, rb = relation_keys(a), relation_keys(b)
        units_differ += len(ua ^ ub)
        rels_differ += len(ra ^ rb)
        docs_differ += (ua != ub)
        sb = {(u.start, u.end, u.label): u.score for u in b.units}
        for u in a.units:
            if (u.start, u.end, u.label) in sb:
                max_score = max(max_score, abs(u.score - sb[(u.start, u.end, u.label)]))
    return {"docs_with_unit_differences": docs_differ, "units_differing": units_differ,
            "relations_differing": rels_differ, "max_unit_score_difference": round(max_score, 6)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--backends", default="torch,onnx")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--json", default=None)
    a = ap.parse_args(argv)
    import argmine
    from argmine.corpora.aaec import read_aaec
    from argmine.evaluate import predict, score

    gold = read_aaec(a.data_dir, a.split)
    backends = [b.strip() for b in a.backends.split(",") if b.strip()]
    preds, rows = {}, {}
    for b in backends:
        miner = argmine.load(a.model, device="cpu", threads=a.threads, backend=b)
        t0 = time.perf_counter()
        preds[b] = predict(miner, gold)
        s = score(gold, preds[b])
        rows[b] = {"backend": miner.backend, "mine_s": round(time.perf_counter() - t0, 2),
                   "units": sum(len(d.units) for d in preds[b]), "relations": sum(len(d.relations) for d in preds[b]),
                   "components_f1_100": round(100 * s["components"]["f1_100"], 2),
                   "relations_f1_100": round(100 * s["relations"]["f1_100"], 2)}
    ref = backends[0]
    for b in backends[1:]:
        rows[b]["vs_" + ref] = compare(preds[ref], preds[b])
        rows[b]["vs_" + ref]["components_f1_100_difference"] = round(rows[b]["components_f1_100"] - rows[ref]["components_f1_100"], 2)
        rows[b]["vs_" + ref]["relations_f1_100_difference"] = round(rows[b]["relations_f1_100"] - rows[ref]["relations_f1_100"], 2)
    res = {"corpus": "aaec", "split": a.split, "n_docs": len(gold), "model": miner.model_info, "backends": rows}
    return emit_json(res, a.json)


if __name__ == "__main__":
    sys.exit(main() and 0)
