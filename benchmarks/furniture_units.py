"""Units inside page furniture: mine every marked-up news page and count the units that overlap a furniture line.

    python benchmarks/furniture_units.py [--model DIR] [--out benchmarks/results]

Folders: ``data/examples/news_pages`` (the pages the boilerplate rules were written with) and
``data/examples/news_pages_heldout`` (10 pages written blind after the rules, the line classifier and the model were
frozen; see its README) and ``data/examples/news_pages_heldout2`` (10 more pages, written after the extended rules and
the retrained line classifier were frozen; see its README) and ``data/examples/news_pages_heldout3`` (10 pages written
blind by another engineer while the 0.5 foot-note rules were made; scored once they were frozen) and
``data/examples/news_pages_heldout4`` (10 pages written blind by another engineer while the 0.6 head/foot block
rules were made; scored once they were frozen, in commit ``b55920e``) and ``data/examples/news_pages_heldout5``
(10 pages written blind while the second round of 0.6 rules was made from heldout4's misses; scored once after
it was frozen) and ``data/examples/news_pages_heldout6`` (the same for the third round, made from heldout5's
misses) and ``data/examples/news_pages_heldout7`` (the same for argmine 0.7's fourth round, made from the misses on
heldout4-6) and ``data/examples/news_pages_heldout8`` (the same for the fifth round, made from heldout7's
misses) and ``data/examples/news_pages_heldout9`` (the same for the sixth round, made from heldout8's misses) and
``data/examples/news_pages_heldout10`` (written blind while the sixth round was current; scored once with it) and
``data/examples/news_pages_heldout11`` (written blind while the seventh round was made from heldout9's and
heldout10's misses; scored once after it was merged) and ``data/examples/news_pages_heldout12`` (the same for the
eighth round, made from heldout11's misses) and ``data/examples/news_pages_heldout13`` (the same for the ninth
round, made from heldout12's misses) and ``data/examples/news_pages_heldout14`` (the same for the tenth round, made
from heldout13's misses) and ``data/examples/news_pages_heldout15`` (the same for the eleventh round: rules from
heldout14's misses and the line classifier refitted with the marked pages) and
``data/examples/news_pages_heldout16`` (the same for the twelfth round, made from heldout15's misses) and
``data/examples/news_pages_heldout17`` (written blind after the twelfth round was merged; scored once with it)
and ``data/examples/news_pages_heldout18`` (written blind while the thirteenth round was made from heldout16's and
heldout17's misses; scored once after it was merged) and ``data/examples/news_pages_heldout19`` (written blind
after the thirteenth round was merged; scored once with it; the fourteenth round was made from its misses, so it
is that round's development set) and ``data/examples/news_pages_heldout20`` (written blind while the fourteenth
round was made; scored once with the thirteenth and once with the fourteenth after it was merged) and
``data/examples/news_pages_heldout21`` (written blind after the fourteenth round was merged; scored once with it,
and once with the fifteenth, made meanwhile) and ``data/examples/news_pages_heldout22`` (written blind after the
fifteenth round was merged; scored once with it) and ``data/examples/news_pages_heldout23`` (written blind after
the fifteenth round was merged, while the sixteenth was made; scored once with each) and
``data/examples/news_pages_heldout24`` (written blind after the sixteenth round was merged; scored once with it) and
``data/examples/news_pages_heldout25`` (written blind after the sixteenth round was merged, while the seventeenth was
made; scored once with each).
Per folder: furniture-line precision and recall of ``argmine.noise`` (rules + learned line
classifier), and the mined units that overlap a furniture line (each listed with its kind). Writes
``OUT/furniture_units.json`` and ``.md``.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import write_results  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("news_pages", "news_pages_heldout", "news_pages_heldout2", "news_pages_heldout3", "news_pages_heldout4",
           "news_pages_heldout5", "news_pages_heldout6", "news_pages_heldout7", "news_pages_heldout8",
           "news_pages_heldout9", "news_pages_heldout10", "news_pages_heldout11",
           "news_pages_heldout12", "news_pages_heldout13", "news_pages_heldout14",
           "news_pages_heldout15", "news_pages_heldout16", "news_pages_heldout17",
           "news_pages_heldout18", "news_pages_heldout19", "news_pages_heldout20",
           "news_pages_heldout21", "news_pages_heldout22", "news_pages_heldout23",
           "news_pages_heldout24", "news_pages_heldout25")


def units_in_furniture(miner, pages, counts=None) -> list:
    """``[(page index, unit label, unit text, furniture kind)]`` for every mined unit overlapping a furniture line;
    the number of units mined on each page is appended to ``counts`` when given."""
    hits = []
    for i, (text, gold) in enumerate(pages):
        doc = miner.mine(text)
        if counts is not None:
            counts.append(len(doc.units))
        for u in doc.units:
            kinds = [k for s, e, k in gold if u.start < e and u.end > s]
            if kinds:
                hits.append((i, u.label, text[u.start:u.end][:80], kinds[0]))
    return hits


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results"))
    a = ap.parse_args(argv)
    import argmine
    from argmine.corpora.news_pages import noise_scores, read_news_pages

    miner = argmine.load(a.model)
    res = {"model": miner.model_info, "command": "python benchmarks/furniture_units.py", "folders": {}}
    lines = ["# Units inside page furniture", "", f"Model {miner.model_info['name']} {miner.model_info['version']}; "
             "command `python benchmarks/furniture_units.py`.", "",
             "| pages | furniture lines | line precision | line recall | units mined | units inside furniture |", "|---|---|---|---|---|---|"]
    for folder in FOLDERS:
        pages = read_news_pages(ROOT / "data" / "examples" / folder)
        sc = noise_scores(pages)
        counts: list = []
        hits = units_in_furniture(miner, pages, counts)
        n_units = sum(counts)
        res["folders"][folder] = {"pages": len(pages), "lines": {k: sc[k] for k in ("precision", "recall") if k in sc},
                                  "n_units": n_units, "units_in_furniture": hits}
        lines.append(f"| {folder} ({len(pages)}) | {sum(len(g) for _, g in pages)} | {sc.get('precision', 0) * 100:.1f} | "
                     f"{sc.get('recall', 0) * 100:.1f} | {n_units} | {len(hits)} |")
    for folder, r in res["folders"].items():
        if r["units_in_furniture"]:
            lines += ["", f"In {folder}:"] + [f"- page {i + 1}: {lab} inside a `{kind}` line: \"{t}\"" for i, lab, t, kind in r["units_in_furniture"]]
    write_results(a.out, "furniture_units", res, "\n".join(lines))
    print("\n".join(lines), file=sys.stderr)
    return res


if __name__ == "__main__":
    main()
