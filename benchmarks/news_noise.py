"""Line-level precision and recall of argmine.noise on the news-page furniture test set.

    python benchmarks/news_noise.py                      # data/examples/news_pages, a markdown table on stdout
    python benchmarks/news_noise.py --json OUT.json      # also every figure and the missed / wrongly flagged lines
    python benchmarks/news_noise.py --pages DIR          # any folder of pages in the same markup

A flagged line is right when it is a gold noise line, whatever the kinds (kind agreement is reported apart).
Pure Python: no model, a fraction of a second.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from argmine.corpora.news_pages import noise_scores, read_news_pages  # noqa: E402

DEFAULT_PAGES = REPO / "data" / "examples" / "news_pages"


def _fmt(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def report(scores: dict, pages_dir: str) -> str:
    """The scores as markdown: overall figures, per-kind recall, and the lines missed or wrongly flagged."""
    s = scores
    out = [f"## argmine.noise on `{pages_dir}`", "",
           f"{s['pages']} pages, {s['lines']} non-blank lines: {s['noise_lines']} noise, {s['body_lines']} body.", "",
           "| measure | value |", "|---|---|",
           f"| precision (flagged lines that are gold noise) | {_fmt(s['precision'])} ({s['correct']}/{s['flagged']}) |",
           f"| recall (gold noise lines flagged) | {_fmt(s['recall'])} ({s['correct']}/{s['noise_lines']}) |",
           f"| F1 | {_fmt(s['f1'])} |",
           f"| body lines flagged | {s['body_flagged']} of {s['body_lines']} |",
           f"| kind agreement (right lines with the gold kind) | {_fmt(s['kind_agreement'])} |", "",
           "| gold kind | lines | flagged | recall |", "|---|---|---|---|"]
    for kind, k in s["per_kind"].items():
        out.append(f"| {kind} | {k['gold']} | {k['found']} | {_fmt(k['recall'])} |")
    for title, rows, key in (("Missed", s["missed"], "kind"), ("Wrongly flagged", s["wrongly_flagged"], "kind")):
        out += ["", f"{title}: {len(rows)}"]
        out += [f"- page {r['page'] + 1} ({r[key]}): {r['line']}" for r in rows]
    return "\n".join(out) + "\n"


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", default=str(DEFAULT_PAGES), help="folder of marked-up pages (*.txt)")
    ap.add_argument("--json", metavar="OUT", help="also write every figure to this JSON file")
    args = ap.parse_args(argv)
    scores = noise_scores(read_news_pages(args.pages))
    try:
        shown = str(Path(args.pages).resolve().relative_to(REPO))
    except ValueError:
        shown = args.pages
    print(report(scores, shown), end="")
    if args.json:
        Path(args.json).write_text(json.dumps({"pages_dir": shown, **scores}, indent=2, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
    return scores


if __name__ == "__main__":
    main()
