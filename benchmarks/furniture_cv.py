"""Leave-one-set-out estimate of furniture-line precision and recall on a page of an outlet never seen.

    python benchmarks/furniture_cv.py --data-dir DIR [--out benchmarks/results] [--folders A,B] [--C 4]

For each of the 15 marked folders ``data/examples/news_pages*`` (``train_boilerplate.MARKED_FOLDERS``; the blind
``news_pages_heldout15`` is never read) the learned line classifier is fitted again with that folder's pages left
out of everything page-derived -- its training lines and the dev choices -- and the rules + that classifier are
scored on the folder left out (line precision and recall, as ``argmine.corpora.news_pages.noise_scores``), at each
threshold of a grid. The rules alone and the rules + the shipped model are scored beside them.

What the figures mean:

* *rules + CV classifier* is the honest estimate of the learned part: the folder scored never trained it.
* *rules alone* is NOT an honest estimate for the folders the rules were written from (every folder up to the
  one whose misses made the latest round); on such a folder it is in-sample. Only a folder written after the
  current rules (a new blind set) scores them honestly.
* *rules + shipped model* is in-sample when the shipped model was trained on the marked pages (round 11 on).

The CV fit is cheaper than the shipped one (documented in the output): one synthetic page per training text
instead of three, and a looser solver tolerance (``--max-iter 300 --tol 1e-3``); the features, classes, C and page
weight are the shipped model's. Writes ``OUT/furniture_cv.json`` and ``OUT/furniture_cv.md``.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Dict, List, Sequence

REPO = Path(__file__).resolve().parent.parent
for _p in (REPO, REPO / "benchmarks"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

GRID = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def counts(scores: Dict[str, object]) -> Dict[str, object]:
    """The counts and ratios of one ``noise_scores`` result that the CV table keeps.

    Returns:
        A dict with ``noise_lines``, ``correct``, ``flagged``, ``body_flagged``, ``precision`` and ``recall``."""
    return {k: scores[k] for k in ("noise_lines", "correct", "flagged", "body_flagged", "precision", "recall")}


def alone_counts(flags: Sequence[Sequence[bool]], golds: Sequence[Sequence[bool]]) -> Dict[str, object]:
    """Line counts of a classifier judging every non-blank line alone: ``flags[p][j]`` (flagged) against
    ``golds[p][j]`` (a gold furniture line), page by page.

    Returns:
        A dict like ``counts``: ``noise_lines``, ``correct``, ``flagged``, ``body_flagged``, ``precision`` and
        ``recall`` (None when there is nothing to divide by)."""
    noise = correct = flagged = 0
    for fl, gd in zip(flags, golds):
        if len(fl) != len(gd):
            raise ValueError("each page needs one flag per gold line")
        noise += sum(map(bool, gd))
        flagged += sum(map(bool, fl))
        correct += sum(1 for f, g in zip(fl, gd) if f and g)
    return {"noise_lines": noise, "correct": correct, "flagged": flagged, "body_flagged": flagged - correct,
            "precision": correct / flagged if flagged else None, "recall": correct / noise if noise else None}


def _model_alone(model, pages, grid: Sequence[float]) -> Dict[float, Dict[str, object]]:
    """``alone_counts`` of ``model`` judging every non-blank line of ``pages`` (``(line, kind)`` lists), per threshold."""
    from argmine.boilerplate import after_body

    probs = [model.proba([l for l, _ in pg], None, None, after_body([l for l, _ in pg])) for pg in pages]
    golds = [[k is not None for _, k in pg] for pg in pages]
    return {thr: alone_counts([[float(x) >= thr for x in p] for p in probs], golds) for thr in grid}


def summarise(rows: Sequence[Dict[str, object]]) -> Dict[str, object]:
    """Mean over folders (macro) and pooled (micro) precision and recall of per-folder ``counts`` rows.

    A folder with nothing flagged has precision 1.0 in the mean (no body line flagged).

    Returns:
        A dict: ``macro_precision``, ``macro_recall``, ``micro_precision``, ``micro_recall``, ``min_recall``,
        ``folders_with_body_flagged`` and ``body_flagged`` (total)."""
    if not rows:
        raise ValueError("rows must hold at least one folder's counts")
    prec = [1.0 if r["precision"] is None else float(r["precision"]) for r in rows]
    rec = [0.0 if r["recall"] is None else float(r["recall"]) for r in rows]
    correct = sum(int(r["correct"]) for r in rows)
    flagged = sum(int(r["flagged"]) for r in rows)
    noise = sum(int(r["noise_lines"]) for r in rows)
    return {"macro_precision": sum(prec) / len(prec), "macro_recall": sum(rec) / len(rec),
            "micro_precision": correct / flagged if flagged else 1.0, "micro_recall": correct / noise if noise else 0.0,
            "min_recall": min(rec), "folders_with_body_flagged": sum(1 for r in rows if int(r["body_flagged"])),
            "body_flagged": sum(int(r["body_flagged"]) for r in rows)}


def clean_threshold(per_threshold: Dict[float, Sequence[Dict[str, object]]]) -> float:
    """The lowest threshold at which no folder left out has a body line flagged (the highest one when none has).

    Returns:
        A threshold (float) of ``per_threshold``'s keys."""
    if not per_threshold:
        raise ValueError("per_threshold must hold at least one threshold")
    ok = [t for t, rows in per_threshold.items() if all(int(r["body_flagged"]) == 0 for r in rows)]
    return min(ok) if ok else max(per_threshold)


def _features(data_dir, seed: int, pages_per_text: int, folders: Sequence[str], spec):
    """Featurised synthetic train pages, and per folder its featurised marked pages and its scored pages."""
    import train_boilerplate as tb
    from argmine.corpora.base import find_data_dir
    from argmine.corpora.news_pages import read_news_pages

    train_pages, _ = tb.make_pages(find_data_dir(data_dir), seed, pages_per_text)
    synth = tb.featurize(train_pages, spec)
    marked = tb.marked_pages(folders)
    feats = {f: tb.featurize(pages, spec) for f, pages in marked.items()}
    scored = {f: read_news_pages(tb.EXAMPLES / f) for f in folders}
    return synth, feats, scored


def run_cv(data_dir, *, folders: Sequence[str], C: float, page_weight: float, pages_per_text: int = 1,
           max_iter: int = 300, tol: float = 1e-3, seed: int = 0, grid: Sequence[float] = GRID,
           spec_version: int = 3) -> Dict[str, object]:
    """Leave-one-set-out over ``folders``: per folder, rules alone, rules + shipped model, and rules + a model fitted
    without that folder's pages at each threshold of ``grid``.

    Returns:
        A dict: ``settings``, ``folders`` (folder -> ``rules``, ``shipped``, ``cv`` {threshold: counts}),
        ``summary`` (``rules``, ``shipped``, ``cv`` {threshold: ``summarise``}) and ``cv_threshold``."""
    import train_boilerplate as tb
    from argmine.boilerplate import FEATURE_SPEC, load_model
    from argmine.corpora.news_pages import noise_scores

    t0 = time.time()
    spec = dict(FEATURE_SPEC, version=spec_version)
    synth, feats, scored = _features(data_dir, seed, pages_per_text, folders, spec)
    lined = tb.marked_pages(folders)
    print(f"features ready ({time.time() - t0:.0f}s)", flush=True)
    shipped = load_model()
    shipped_alone = {k: _model_alone(shipped, lined[k], [shipped.threshold])[shipped.threshold] for k in folders}
    out: Dict[str, Dict[str, object]] = {}
    for k in folders:
        parts = [synth + (1.0,)] + [feats[f] + (page_weight,) for f in folders if f != k]
        model, _, _ = tb.fit_line_model(parts, C=C, max_iter=max_iter, tol=tol, spec=spec)
        row = {"rules": counts(noise_scores(scored[k], learned=False)),
               "shipped": counts(noise_scores(scored[k], learned=shipped)), "cv": {},
               "alone": _model_alone(model, lined[k], grid), "shipped_alone": shipped_alone[k]}
        for thr in grid:
            model.threshold = thr
            row["cv"][thr] = counts(noise_scores(scored[k], learned=model))
        out[k] = row
        best = row["cv"][grid[0]]
        print(f"{k}: rules {row['rules']['recall']:.3f}, cv@{grid[0]} P {best['precision']:.3f} R {best['recall']:.3f} "
              f"({time.time() - t0:.0f}s)", flush=True)
    per_thr = {thr: [out[f]["cv"][thr] for f in folders] for thr in grid}
    summary = {"rules": summarise([out[f]["rules"] for f in folders]),
               "alone": {thr: summarise([out[f]["alone"][thr] for f in folders]) for thr in grid},
               "shipped_alone": summarise([out[f]["shipped_alone"] for f in folders]),
               "shipped": summarise([out[f]["shipped"] for f in folders]),
               "cv": {thr: summarise(rows) for thr, rows in per_thr.items()}}
    settings = {"C": C, "page_weight": page_weight, "spec_version": spec_version, "pages_per_text": pages_per_text, "max_iter": max_iter, "tol": tol,
                "seed": seed, "grid": list(grid), "shipped_threshold": shipped.threshold,
                "shipped_meta_sources": shipped.meta.get("sources"), "seconds": round(time.time() - t0)}
    return {"settings": settings, "folders": out, "summary": summary, "cv_threshold": clean_threshold(per_thr)}


def _pct(x) -> str:
    return "-" if x is None else f"{100 * float(x):.1f}"


def markdown(res: Dict[str, object], thr: float) -> List[str]:
    """The result as Markdown lines: per folder and mean, rules alone, rules + shipped model, rules + CV model at
    ``thr``, and the CV summary at every threshold of the grid.

    Returns:
        A list of str (lines, no line breaks)."""
    st = res["settings"]
    lines = ["# Furniture lines: leave-one-set-out over the marked page folders", "",
             f"Command: `python benchmarks/furniture_cv.py` (C {st['C']}, page weight {st['page_weight']}, feature spec "
             f"version {st['spec_version']}, "
             f"{st['pages_per_text']} synthetic page per text, max_iter {st['max_iter']}, tol {st['tol']}; "
             f"{st['seconds']} s). Rules alone are in-sample on every folder the rules were written from; the CV "
             f"column never saw its folder.", "",
             f"| folder | rules P | rules R | shipped P | shipped R | CV@{thr} P | CV@{thr} R | CV body flagged | "
             f"shipped alone P | shipped alone R | CV alone@{thr} P | CV alone@{thr} R |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for f, row in res["folders"].items():
        cv = row["cv"][thr]
        lines.append(f"| {f} | {_pct(row['rules']['precision'])} | {_pct(row['rules']['recall'])} | "
                     f"{_pct(row['shipped']['precision'])} | {_pct(row['shipped']['recall'])} | "
                     f"{_pct(cv['precision'])} | {_pct(cv['recall'])} | {cv['body_flagged']} | "
                     f"{_pct(row['shipped_alone']['precision'])} | {_pct(row['shipped_alone']['recall'])} | "
                     f"{_pct(row['alone'][thr]['precision'])} | {_pct(row['alone'][thr]['recall'])} |")
    sm = res["summary"]
    lines.append(f"| **mean** | {_pct(sm['rules']['macro_precision'])} | {_pct(sm['rules']['macro_recall'])} | "
                 f"{_pct(sm['shipped']['macro_precision'])} | {_pct(sm['shipped']['macro_recall'])} | "
                 f"{_pct(sm['cv'][thr]['macro_precision'])} | {_pct(sm['cv'][thr]['macro_recall'])} | "
                 f"{sm['cv'][thr]['body_flagged']} | {_pct(sm['shipped_alone']['macro_precision'])} | "
                 f"{_pct(sm['shipped_alone']['macro_recall'])} | {_pct(sm['alone'][thr]['macro_precision'])} | "
                 f"{_pct(sm['alone'][thr]['macro_recall'])} |")
    lines += ["", "CV model by threshold (rules + CV model; mean over folders; pooled; lowest folder recall; body lines "
              "flagged):", "", "| threshold | mean P | mean R | pooled P | pooled R | min R | body flagged (folders) |",
              "|---|---|---|---|---|---|---|"]
    lines += _threshold_rows(sm["cv"])
    lines += ["", "The CV model alone, judging every non-blank line of the folder left out (no rules; the honest "
              "measure of what the classifier learned, since the rules are in-sample on these folders):", "",
              "| threshold | mean P | mean R | pooled P | pooled R | min R | body flagged (folders) |",
              "|---|---|---|---|---|---|---|"]
    lines += _threshold_rows(sm["alone"])
    return lines


def _threshold_rows(by_thr: Dict[float, Dict[str, object]]) -> List[str]:
    """Markdown rows of ``summarise`` results by threshold.

    Returns:
        A list of str, one table row per threshold."""
    lines = []
    for t, s in by_thr.items():
        lines.append(f"| {t} | {_pct(s['macro_precision'])} | {_pct(s['macro_recall'])} | {_pct(s['micro_precision'])} "
                     f"| {_pct(s['micro_recall'])} | {_pct(s['min_recall'])} | {s['body_flagged']} "
                     f"({s['folders_with_body_flagged']}) |")
    return lines


def main(argv=None) -> Dict[str, object]:
    """Run the leave-one-set-out and write ``furniture_cv.json`` / ``.md`` under ``--out``.

    Returns:
        The result dict of ``run_cv`` (with ``report_threshold``)."""
    import train_boilerplate as tb

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("--out", default=str(REPO / "benchmarks" / "results"))
    ap.add_argument("--folders", default=",".join(tb.MARKED_FOLDERS), help="comma-separated marked folders")
    ap.add_argument("--C", type=float, default=4.0)
    ap.add_argument("--page-weight", type=float, default=tb.PAGE_WEIGHT)
    ap.add_argument("--pages-per-text", type=int, default=1)
    ap.add_argument("--max-iter", type=int, default=300)
    ap.add_argument("--spec-version", type=int, default=3, help="feature spec version (2: without DENSE_NAMES_V3)")
    ap.add_argument("--tol", type=float, default=1e-3)
    ap.add_argument("--report-threshold", type=float, default=None,
                    help="threshold of the per-folder table (default: the shipped model's)")
    a = ap.parse_args(argv)
    folders = [f for f in a.folders.split(",") if f]
    bad = [f for f in folders if f not in tb.MARKED_FOLDERS]
    if bad:
        ap.error(f"not a marked training folder: {bad}")
    res = run_cv(a.data_dir, folders=folders, C=a.C, page_weight=a.page_weight, pages_per_text=a.pages_per_text,
                 max_iter=a.max_iter, tol=a.tol, spec_version=a.spec_version)
    thr = a.report_threshold if a.report_threshold is not None else res["settings"]["shipped_threshold"]
    if thr not in res["summary"]["cv"]:
        thr = res["cv_threshold"]
    res["report_threshold"] = thr
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "furniture_cv.json").write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    (out / "furniture_cv.md").write_text("\n".join(markdown(res, thr)) + "\n", encoding="utf-8")
    print("\n".join(markdown(res, thr)))
    return res


if __name__ == "__main__":
    main()
