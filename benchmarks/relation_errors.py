"""Where relation F1 is lost on the dev splits: every gold relation traced to the first mining step that failed it.

For each dev split (AAEC dev at 100% token overlap, argmine-oped dev and the arg-microtexts dev fold at 50%, the
overlaps the model card reports), mines the texts with the model and counts the gold relations by kind (gold labels
of source and target) and outcome: an end not found, an end labelled otherwise, not linked, the other relation
label, paired elsewhere by the one-to-one matching, or correct (``argmine.diagnostics.relation_outcomes``).
Dev splits only: this is for choosing what to work on, not a score to report.

    python benchmarks/relation_errors.py [--model DIR] [--data-dir ../shared/data] [--out benchmarks/results]

Writes ``OUT/relation_errors.json`` and ``.md``.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import write_results  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEV = (("aaec", "dev", 1.0), ("oped", "dev", 0.5), ("microtexts", "dev", 0.5))


def table(name: str, outcomes: dict) -> list:
    """Markdown lines: one row per relation kind (most frequent first, ``all`` last), one column per outcome."""
    from argmine.diagnostics import OUTCOMES

    kinds = sorted((k for k in outcomes if k != "all"), key=lambda k: -sum(outcomes[k].values())) + ["all"]
    lines = [f"## {name}", "", "| gold relation | n | " + " | ".join(OUTCOMES) + " |", "|---|---|" + "---|" * len(OUTCOMES)]
    for k in kinds:
        c = outcomes[k]
        lines.append(f"| {k} | {sum(c.values())} | " + " | ".join(str(c.get(o, 0)) for o in OUTCOMES) + " |")
    return lines + [""]


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results"))
    a = ap.parse_args(argv)
    import argmine
    from argmine.corpora import get_reader
    from argmine.corpora.base import find_data_dir
    from argmine.diagnostics import relation_outcomes
    from argmine.evaluate import predict

    dd, miner = find_data_dir(a.data_dir), argmine.load(a.model)
    res = {"model": miner.model_info, "command": "python benchmarks/relation_errors.py", "splits": {}}
    lines = ["# Where relation F1 is lost (dev splits)", "", f"Model {miner.model_info['name']} "
             f"{miner.model_info['version']}; command `python benchmarks/relation_errors.py`; each gold relation counted "
             "once, at the first step that failed it (`argmine.diagnostics`).", ""]
    for corpus, split, threshold in DEV:
        gold = get_reader(corpus)(dd, split)
        outcomes = relation_outcomes(gold, predict(miner, gold), threshold)
        name = f"{corpus} {split} ({int(threshold * 100)}% overlap, {len(gold)} texts)"
        res["splits"][name] = {k: dict(v) for k, v in outcomes.items()}
        lines += table(name, outcomes)
    write_results(a.out, "relation_errors", res, "\n".join(lines))
    print("\n".join(lines), file=sys.stderr)
    return res


if __name__ == "__main__":
    main()
