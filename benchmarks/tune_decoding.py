"""Choose decoding options on dev splits: the network runs once per text and segmentation bias, each option set only re-decodes.

    python benchmarks/tune_decoding.py --model DIR [--data-dir ../shared/data] [--out benchmarks/results]

Dev splits only (AAEC dev, argmine-oped dev, the arg-microtexts dev fold). The score of an option set is the mean
over corpora of (components F1 + relations F1) / 2, AAEC at 100% overlap, the others at 50% (the epoch-selection
score of ``argmine.training.documents``). Writes ``OUT/decoding_dev.json`` and prints a table, best first.
"""
from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = (("aaec", "dev"), ("oped", "dev"), ("microtexts", "dev"))
SPLIT_BIAS = [0.0, 0.5, 1.0]  # segmentation options: each value re-runs the network's tagging pass
GRID = {
    "essay_max_paragraphs": [7],
    "extra_claim_min": [None, 0.7],
    "link_prior_weight": [0.0, 0.3],
    "premise_to_major": [True, False],
    "typer_weight": [0.5, 0.8],
    "claim_boost": [1.0, 1.5],
    "min_major_claims": [1, 2, 3],
    "claims_by_structure_max_paragraphs": [0, 2],
}


def main(argv=None) -> list:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True)
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results"))
    a = ap.parse_args(argv)
    import argmine
    from argmine.corpora import get_reader
    from argmine.corpora.base import find_data_dir
    from argmine.evaluate import score
    from argmine.training.documents import DEV_OVERLAP

    dd = find_data_dir(a.data_dir)
    miner = argmine.load(a.model)
    miner.calibration = None  # raw decisions; calibration never changes them
    base = miner.decode_options
    golds = {corpus: get_reader(corpus)(dd, split) for corpus, split in DEV}
    rows = []
    for bias in SPLIT_BIAS:
        miner.decode_options = dataclasses.replace(base, split_bias=bias)
        scored = {c: (gold, miner.score_texts([g.text for g in gold], titles=[g.meta.get("title") for g in gold]))
                  for c, gold in golds.items()}
        print(f"scored the dev splits with split_bias {bias}", file=sys.stderr)
        rows += [_row(miner, scored, dataclasses.replace(miner.decode_options, **dict(zip(GRID, values))), score, DEV_OVERLAP)
                 for values in itertools.product(*GRID.values())]
    rows.sort(key=lambda r: -r["dev_score"])
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "decoding_dev.json").write_text(json.dumps({"model": miner.model_info, "rows": rows}, indent=1) + "\n")
    for r in rows[:12]:
        o = r["options"]
        print(f"{r['dev_score'] * 100:5.1f}  " + "  ".join(f"{c} {r[c]['components'] * 100:4.1f}/{r[c]['relations'] * 100:4.1f}"
                                                       f" mc {r[c]['major_claim_found']}/{r[c]['with_major_claim']}" for c, _ in DEV)
              + f"  | essay<={o['essay_max_paragraphs']} ecm={o['extra_claim_min']} lpw={o['link_prior_weight']} "
                f"p2mc={o['premise_to_major']} tw={o['typer_weight']} boost={o['claim_boost']} minmc={o['min_major_claims']} "
                f"split={o['split_bias']} cbs={o['claims_by_structure_max_paragraphs']}")
    return rows


def _row(miner, scored, opts, score, overlap) -> dict:
    """One option set's dev scores: each corpus' components and relations F1, and the dev score (their mean)."""
    miner.decode_options = opts
    row = {"options": dataclasses.asdict(opts)}
    per = []
    for corpus, (gold, res) in scored.items():
        pred = [miner._assemble(g.text, g.id, *r) for g, r in zip(gold, res)]
        sc = score(gold, pred)
        ov = overlap.get(corpus, "50")
        c, r = sc["components"][f"f1_{ov}"], sc["relations"][f"f1_{ov}"]
        row[corpus] = {"components": c, "relations": r, "overlap": ov, **sc["documents"]}
        per.append((c + r) / 2)
    row["dev_score"] = sum(per) / len(per)
    return row


if __name__ == "__main__":
    main()
