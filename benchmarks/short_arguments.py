"""Short arguments: does a one- to three-sentence argument get units, and is its claim found?

    python benchmarks/short_arguments.py [--model DIR] [--out benchmarks/results]

Reads ``data/examples/short_arguments/short_arguments.jsonl`` (42 arguments written blind for argmine, CC0; each
with the exact span of its claim). Per argument: the number of units, and whether the claim is found: some
predicted MajorClaim or Claim shares at least half of the tokens of the longer of it and the gold claim (the
50% criterion of ``argmine.metrics``). Reports the counts by sentence count, with a 95% bootstrap interval over
arguments for the found rate, and writes ``OUT/short_arguments.json`` and ``.md``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "examples" / "short_arguments" / "short_arguments.jsonl"


def read_arguments(path: Path = DATA) -> list:
    """The arguments as dicts ``{id, text, claim, sentences}``; the claim must occur in the text."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in rows:
        if r["claim"] not in r["text"]:
            raise ValueError(f"{path}: claim of {r['id']} must be a substring of its text; got {r['claim']!r}")
    return rows


def claim_found(doc, claim_start: int, claim_end: int) -> bool:
    """Whether a predicted MajorClaim or Claim of ``doc`` matches the gold claim span at 50% token overlap."""
    from argmine.data import ArgumentUnit, Document
    from argmine.metrics import _overlap, _token_sets

    gold = Document(doc.text, [ArgumentUnit("G", claim_start, claim_end, "Claim")])
    g = _token_sets(gold)["G"]
    pt = _token_sets(doc)
    return any(_overlap(pt[u.id], g) >= 0.5 for u in doc.units if u.label in ("MajorClaim", "Claim"))


def evaluate(miner, rows: list, n_bootstrap: int = 1000, seed: int = 0) -> dict:
    """``{"n", "with_units", "claim_found", "found_rate", "found_ci", "by_sentences", "items"}`` for ``rows``."""
    import numpy as np

    docs = list(miner.mine_batch([r["text"] for r in rows], ids=[r["id"] for r in rows], show_progress=False))
    items = []
    for r, d in zip(rows, docs):
        s = r["text"].index(r["claim"])
        items.append({"id": r["id"], "sentences": r["sentences"], "units": len(d.units),
                      "found": claim_found(d, s, s + len(r["claim"])),
                      "labels": [u.label for u in d.units]})
    found = np.array([it["found"] for it in items], dtype=float)
    rng = np.random.default_rng(seed)
    boots = found[rng.integers(0, len(found), size=(n_bootstrap, len(found)))].mean(1) if len(found) else np.zeros(1)
    by = {}
    for k in sorted({it["sentences"] for it in items}):
        sub = [it for it in items if it["sentences"] == k]
        by[str(k)] = {"n": len(sub), "with_units": sum(it["units"] > 0 for it in sub), "claim_found": sum(it["found"] for it in sub)}
    return {"n": len(items), "with_units": sum(it["units"] > 0 for it in items), "claim_found": int(found.sum()),
            "found_rate": float(found.mean()) if len(found) else 0.0,
            "found_ci": [float(np.percentile(boots, 2.5)), float(np.percentile(boots, 97.5))],
            "by_sentences": by, "items": items}


def render(res: dict, model: dict) -> str:
    lines = ["# Short arguments (held-out, written blind)", "",
             f"Model: {model['name']} {model['version']}. Command: `python benchmarks/short_arguments.py`.", "",
             f"- {res['with_units']} of {res['n']} arguments get at least one unit.",
             f"- The claim is found in {res['claim_found']} of {res['n']} ({res['found_rate'] * 100:.1f}%, 95% bootstrap "
             f"interval over arguments {res['found_ci'][0] * 100:.1f}-{res['found_ci'][1] * 100:.1f}): a predicted "
             "MajorClaim or Claim matches the gold claim at 50% token overlap.", "",
             "| sentences | arguments | with units | claim found |", "|---|---|---|---|"]
    lines += [f"| {k} | {v['n']} | {v['with_units']} | {v['claim_found']} |" for k, v in res["by_sentences"].items()]
    missed = [it for it in res["items"] if not it["found"]]
    if missed:
        lines += ["", "Claims not found: " + ", ".join(f"{it['id']} ({'/'.join(it['labels']) or 'no unit'})" for it in missed) + "."]
    return "\n".join(lines) + "\n"


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results"))
    a = ap.parse_args(argv)
    import argmine

    miner = argmine.load(a.model)
    res = evaluate(miner, read_arguments())
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "short_arguments.json").write_text(json.dumps({"model": miner.model_info, **res}, indent=1) + "\n")
    (out / "short_arguments.md").write_text(render(res, miner.model_info))
    print(render(res, miner.model_info), file=sys.stderr)
    return res


if __name__ == "__main__":
    main()
