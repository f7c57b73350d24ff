"""Fit argmine's essay-versus-news style classifier (``argmine.genre``) and write it as package data.

    python benchmarks/train_genre.py --data-dir ../shared/data          # writes argmine/resources/genre_style.json
    python benchmarks/train_genre.py --data-dir DIR --out PATH --C 1.0 --results benchmarks/results

Training texts (read at run time; nothing is copied into the repository): AAEC essays, train split (essay) and
Webis-Editorials-16 editorials, training split (news), each rated on its content paragraphs as the miner sees them
(``argmine.model.features.prepare``: page furniture and the headline line left out). The model: logistic regression
(scikit-learn) on the standardised ``argmine.genre.FEATURE_NAMES`` with balanced class weights; the decision
threshold is 0.5, fixed beforehand (``DecodeOptions.essay_style_min`` in the model's config), not tuned.

Also rates texts it never saw and writes ``RESULTS/genre.json`` and ``.md``: AAEC dev and Webis-Editorials-16
validation (dev sets), the AAEC test essays (reported, never used to choose), the bodies of the marked-up news pages
in ``data/examples/news_pages*`` (written for the furniture tests; every one a short op-ed of 6-7 paragraphs), and
``data/examples/oped.txt``. The file is plain JSON (no pickle).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from argmine.corpora import get_reader  # noqa: E402
from argmine.corpora.base import find_data_dir  # noqa: E402
from argmine.genre import DEFAULT_MODEL_PATH, FEATURE_NAMES, StyleModel, content_text, style_features  # noqa: E402
from argmine.model.features import prepare  # noqa: E402

THRESHOLD = 0.5


def rated_text(text: str) -> str:
    """The content paragraphs of ``text`` as the miner rates them (no tokenizer needed: no windows are built)."""
    return content_text(text, [(p.start, p.end) for p in prepare(text, None, min_words=10 ** 9)])


def features(texts) -> np.ndarray:
    """``[len(texts), len(FEATURE_NAMES)]`` style features of the texts' content paragraphs."""
    return np.array([style_features(rated_text(t)) for t in texts], dtype=np.float64)


def fit(essays, news, C: float) -> StyleModel:
    """A ``StyleModel`` fitted on essay texts (label 1) and news texts (label 0)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    X = np.vstack([features(essays), features(news)])
    y = np.r_[np.ones(len(essays)), np.zeros(len(news))]
    scaler = StandardScaler().fit(X)
    lr = LogisticRegression(C=C, class_weight="balanced", max_iter=1000).fit(scaler.transform(X), y)
    meta = {"trained_by": "benchmarks/train_genre.py", "C": C, "threshold": THRESHOLD,
            "essays": f"AAEC train ({len(essays)} essays)", "news": f"Webis-Editorials-16 training ({len(news)} editorials)",
            "licence_note": "fitted on research-only corpora; the file holds 32 fitted numbers, no text"}
    return StyleModel(lr.coef_[0].tolist(), float(lr.intercept_[0]), scaler.mean_.tolist(), scaler.scale_.tolist(), meta)


def rate(model: StyleModel, name: str, texts, essay: bool) -> dict:
    """How ``model`` rates a set of texts that are all essays (``essay``) or all news."""
    p = np.array([model.essay_probability(rated_text(t)) for t in texts])
    right = (p >= THRESHOLD) == essay
    return {"set": name, "truth": "essay" if essay else "news", "n": len(texts), "accuracy": round(float(right.mean()), 4),
            "wrong": int((~right).sum()), "p_min": round(float(p.min()), 3), "p_median": round(float(np.median(p)), 3),
            "p_max": round(float(p.max()), 3)}


def held_out_sets(data_dir):
    """``(name, texts, is_essay)`` of every set the classifier is rated on."""
    from argmine.corpora.news_pages import read_news_pages

    sets = [("AAEC dev", [d.text for d in get_reader("aaec")(data_dir, "dev")], True),
            ("Webis-Editorials-16 validation", [d.text for d in get_reader("webis")(data_dir, "validation")], False),
            ("AAEC test (reported only)", [d.text for d in get_reader("aaec")(data_dir, "test")], True)]
    for folder in sorted((REPO / "data" / "examples").glob("news_pages*")):
        sets.append((f"data/examples/{folder.name}", [t for t, _ in read_news_pages(folder)], False))
    sets.append(("data/examples/oped.txt", [(REPO / "data" / "examples" / "oped.txt").read_text(encoding="utf-8")], False))
    return sets


def write_results(rows, model: StyleModel, out_dir: Path) -> None:
    """``genre.json`` and ``genre.md`` in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "genre.json").write_text(json.dumps({"rows": rows, "meta": model.meta,
                                                   "coef": dict(zip(FEATURE_NAMES, model.coef))}, indent=1) + "\n")
    lines = ["# Essay or news? The style classifier that decides the essay layout", "",
             "Command: `python benchmarks/train_genre.py --data-dir ../shared/data`", "",
             f"Trained on {model.meta['essays']} against {model.meta['news']}; threshold {THRESHOLD} (fixed beforehand).",
             "", "| set | truth | texts | accuracy | wrong | P(essay) min / median / max |", "|---|---|---|---|---|---|"]
    lines += [f"| {r['set']} | {r['truth']} | {r['n']} | {100 * r['accuracy']:.1f}% | {r['wrong']} | "
              f"{r['p_min']} / {r['p_median']} / {r['p_max']} |" for r in rows]
    lines += ["", "The news pages' bodies (and `oped.txt`) are short op-eds written for the furniture tests in an essay's "
              "plan (a thesis first, two or three reasons, a rebuttal, a call to act), mostly without named sources or "
              "quotations; those this classifier rates as essays keep the essay rules, as every text of 3-7 "
              "paragraphs did before argmine 0.9. Professional editorials (Webis-Editorials-16) are the news it "
              "was fitted to recognise."]
    lines += ["", "Coefficients (standardised features): " +
              ", ".join(f"{k} {v:+.2f}" for k, v in sorted(zip(FEATURE_NAMES, model.coef), key=lambda kv: -abs(kv[1])))]
    (out_dir / "genre.md").write_text("\n".join(lines) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("--out", default=str(DEFAULT_MODEL_PATH))
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--results", default=str(REPO / "benchmarks" / "results"))
    a = ap.parse_args(argv)
    data_dir = find_data_dir(a.data_dir)
    essays = [d.text for d in get_reader("aaec")(data_dir, "train")]
    news = [d.text for d in get_reader("webis")(data_dir, "train")]
    model = fit(essays, news, a.C)
    Path(a.out).write_text(model.to_json(), encoding="utf-8")
    rows = [rate(model, name, texts, essay) for name, texts, essay in held_out_sets(data_dir)]
    write_results(rows, model, Path(a.results))
    for r in rows:
        print(json.dumps(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
