"""Short multi-paragraph texts: the first K paragraphs of the dev documents, mined and scored as texts of their own.

    python benchmarks/leading_paragraphs.py [--model DIR] [--data-dir ../shared/data] [--paragraphs 2] [--out benchmarks/results]

No corpus has letters or comments of two or three paragraphs, so this cuts them from the dev splits: each
argmine-oped dev editorial and AAEC dev essay is cut after its K-th paragraph, keeping the gold units inside the cut
and the relations between them (documents without a gold unit there are left out). Each text is mined once; the
decoder then runs under the model's own options and under the same options with one setting changed
(``--option NAME=VALUE``, default ``min_major_claims_paragraphs=0``: every text gets the model's
``min_major_claims``). Scores: components and relations F1 at 50% overlap (``argmine.metrics``) and major claims
found. Writes ``OUT/leading_paragraphs.json`` and ``.md``.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import write_results  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SPLITS = (("oped", "dev"), ("aaec", "dev"))


def leading_paragraphs(doc, k: int):
    """``doc`` cut after its ``k``-th paragraph (``argmine.text.paragraph_spans``), with the gold units that end
    inside the cut and the relations between them; None when it has fewer than ``k`` paragraphs."""
    from argmine.data import Document
    from argmine.text import paragraph_spans

    spans = paragraph_spans(doc.text)
    if len(spans) < k:
        return None
    end = spans[k - 1][1]
    units = [u for u in doc.units if u.end <= end]
    kept = {u.id for u in units}
    relations = [r for r in doc.relations if r.source in kept and r.target in kept]
    return Document(doc.text[:end], units, relations, id=doc.id, meta=doc.meta)


def _row(miner, gold, scored, options) -> dict:
    from argmine.evaluate import score

    miner.decode_options = options
    sc = score(gold, [miner._assemble(g.text, g.id, *r) for g, r in zip(gold, scored)])
    return {"components_f1_50": sc["components"]["f1_50"], "relations_f1_50": sc["relations"]["f1_50"],
            "major_claim_found": sc["documents"]["major_claim_found"], "with_major_claim": sc["documents"]["with_major_claim"]}


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("--paragraphs", type=int, default=2)
    ap.add_argument("--option", default="min_major_claims_paragraphs=0", help="NAME=VALUE: the setting to compare")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results"))
    a = ap.parse_args(argv)
    import argmine
    from argmine.corpora import get_reader
    from argmine.corpora.base import find_data_dir

    name, value = a.option.split("=", 1)
    miner = argmine.load(a.model)
    miner.calibration = None
    shipped = miner.decode_options
    other = dataclasses.replace(shipped, **{name: json.loads(value)})  # VALUE in JSON: 0, 1.5, null, true
    res = {"model": miner.model_info, "paragraphs": a.paragraphs, "option": a.option, "splits": {}}
    lines = [f"# The first {a.paragraphs} paragraphs of dev documents", "",
             f"Command: `python benchmarks/leading_paragraphs.py --paragraphs {a.paragraphs} --option {a.option}`; model "
             f"{miner.model_info['name']} {miner.model_info['version']}. F1 at 50% overlap.", "",
             "| split | texts | decoding | components F1 | relations F1 | major claim found |", "|---|---|---|---|---|---|"]
    for corpus, split in SPLITS:
        gold = [d for d in (leading_paragraphs(g, a.paragraphs) for g in get_reader(corpus)(find_data_dir(a.data_dir), split))
                if d is not None and d.units]
        scored = miner.score_texts([g.text for g in gold])
        rows = {"shipped": _row(miner, gold, scored, shipped), a.option: _row(miner, gold, scored, other)}
        res["splits"][f"{corpus}/{split}"] = {"texts": len(gold), **rows}
        lines += [f"| {corpus}/{split} | {len(gold)} | {k} | {r['components_f1_50'] * 100:.1f} | {r['relations_f1_50'] * 100:.1f} | "
                  f"{r['major_claim_found']} of {r['with_major_claim']} |" for k, r in rows.items()]
    write_results(a.out, "leading_paragraphs", res, "\n".join(lines))
    print("\n".join(lines), file=sys.stderr)
    return res


if __name__ == "__main__":
    main()
