"""Line-level precision and recall of argmine.noise on the news-page furniture test set.

    python benchmarks/news_noise.py                      # data/examples/news_pages, a markdown table on stdout
    python benchmarks/news_noise.py --json OUT.json      # also every figure and the missed / wrongly flagged lines
    python benchmarks/news_noise.py --pages DIR          # any folder of pages in the same markup
    python benchmarks/news_noise.py --rules-only         # the rules without the learned line classifier
    python benchmarks/news_noise.py --compare [--write benchmarks/results/boilerplate.md]
        # rules vs rules + learned classifier: news-page precision/recall, body paragraphs flagged on argmine-oped
        # dev (needs the corpus; ARGMINE_DATA or --data-dir), and time per 1,000 lines

A flagged line is right when it is a gold noise line, whatever the kinds (kind agreement is reported apart).
No neural model: the rules and a small logistic-regression line classifier (argmine.boilerplate), a few seconds.
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
from argmine.noise import noise_lines  # noqa: E402

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


def oped_dev_body(data_dir=None, learned=None):
    """Paragraphs of argmine-oped dev (all body) and those the noise filter flags; ``None`` without the corpus."""
    from argmine.corpora.base import find_data_dir
    from argmine.data import Document
    from argmine.text import paragraph_spans

    try:
        path = find_data_dir(data_dir) / "argmine-oped" / "dev.jsonl"
    except FileNotFoundError:
        return None
    if not path.is_file():
        return None
    n_paras, flagged = 0, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = Document.from_dict(json.loads(line))
        n_paras += len(paragraph_spans(doc.text))
        for s, e, k in noise_lines(doc.text, learned=learned):
            in_unit = any(u.start < e and s < u.end for u in doc.units)
            flagged.append({"doc": doc.id, "kind": k, "line": doc.text[s:e], "overlaps_gold_unit": in_unit})
    return {"paragraphs": n_paras, "flagged": len(flagged), "rate": len(flagged) / n_paras if n_paras else None,
            "lines": flagged}


def time_per_1000_lines(pages, learned, repeat: int = 3) -> float:
    """Seconds ``noise_lines`` takes per 1,000 non-blank lines of ``pages`` (best of ``repeat``)."""
    import time

    n_lines = sum(len([l for l in text.splitlines() if l.strip()]) for text, _ in pages)
    noise_lines(pages[0][0], learned=learned)  # load the model outside the timing
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for text, _ in pages:
            noise_lines(text, learned=learned)
        best = min(best, time.perf_counter() - t)
    return best / n_lines * 1000


def compare(pages_dir: str, data_dir=None) -> dict:
    """Rules only vs rules + learned classifier on the news pages, argmine-oped dev and speed."""
    pages = read_news_pages(pages_dir)
    out = {}
    for name, learned in (("rules", False), ("rules+learned", True)):
        sc = noise_scores(pages, learned=learned)
        out[name] = {"news_pages": sc, "oped_dev": oped_dev_body(data_dir, learned),
                     "ms_per_1000_lines": 1000 * time_per_1000_lines(pages, learned)}
    return out


def compare_report(res: dict, pages_dir: str) -> str:
    """The comparison as markdown."""
    from argmine.boilerplate import load_model

    model = load_model()
    out = ["# Page furniture: rules vs rules + learned line classifier", "",
           "Command: `python benchmarks/news_noise.py --compare --write benchmarks/results/boilerplate.md`", "",
           f"Learned classifier: `argmine/resources/boilerplate_lines.json` (threshold {model.threshold}, "
           f"trained by `benchmarks/train_boilerplate.py`).", "",
           f"| measure | rules | rules + learned |", "|---|---|---|"]
    a, b = res["rules"], res["rules+learned"]
    na, nb = a["news_pages"], b["news_pages"]
    out += [f"| `{pages_dir}` precision | {_fmt(na['precision'])} ({na['correct']}/{na['flagged']}) | "
            f"{_fmt(nb['precision'])} ({nb['correct']}/{nb['flagged']}) |",
            f"| `{pages_dir}` recall | {_fmt(na['recall'])} ({na['correct']}/{na['noise_lines']}) | "
            f"{_fmt(nb['recall'])} ({nb['correct']}/{nb['noise_lines']}) |"]
    oa, ob = a["oped_dev"], b["oped_dev"]
    if oa is not None:
        out.append(f"| argmine-oped dev: body paragraphs flagged | {oa['flagged']}/{oa['paragraphs']} "
                   f"({100 * oa['rate']:.2f}%) | {ob['flagged']}/{ob['paragraphs']} ({100 * ob['rate']:.2f}%) |")
    else:
        out.append("| argmine-oped dev | (corpus not found) | |")
    out.append(f"| time per 1,000 lines (ms, this machine) | {a['ms_per_1000_lines']:.0f} | "
               f"{b['ms_per_1000_lines']:.0f} |")
    rows = [r for r in model.meta.get("dev_table", []) if r.get("threshold") == model.threshold]
    if rows:
        r = rows[0]
        out += ["", f"Learned model alone on its synthetic dev pages (held-out texts of the training corpora with "
                    f"generated furniture; `python benchmarks/train_boilerplate.py` prints this table): at threshold "
                    f"{model.threshold}, {100 * r['dev_furniture_recall']:.1f}% of the furniture lines found, "
                    f"{100 * r['dev_body_fpr']:.2f}% of the body lines flagged (some of them are furniture left in "
                    f"the corpora, e.g. a Webis author bio)."]
    if ob is not None and ob["lines"]:
        out += ["", "argmine-oped dev paragraphs flagged by rules + learned:"]
        out += [f"- {r['doc']} ({r['kind']}; overlaps a gold unit: {r['overlaps_gold_unit']}): {r['line'][:120]}"
                for r in ob["lines"]]
    for title, rows in (("Missed on the news pages (rules + learned)", nb["missed"]),
                        ("Wrongly flagged on the news pages (rules + learned)", nb["wrongly_flagged"])):
        out += ["", f"{title}: {len(rows)}"]
        out += [f"- page {r['page'] + 1} ({r['kind']}): {r['line']}" for r in rows]
    return "\n".join(out) + "\n"


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", default=str(DEFAULT_PAGES), help="folder of marked-up pages (*.txt)")
    ap.add_argument("--json", metavar="OUT", help="also write every figure to this JSON file")
    ap.add_argument("--rules-only", action="store_true", help="the rules without the learned line classifier")
    ap.add_argument("--compare", action="store_true",
                    help="rules vs rules + learned classifier (news pages, argmine-oped dev, speed)")
    ap.add_argument("--write", metavar="MD", help="with --compare: also write the markdown report here")
    ap.add_argument("--data-dir", default=None, help="corpus folder for --compare (default: ARGMINE_DATA or ../shared/data)")
    args = ap.parse_args(argv)
    try:
        shown = str(Path(args.pages).resolve().relative_to(REPO))
    except ValueError:
        shown = args.pages
    if args.compare:
        res = compare(args.pages, args.data_dir)
        md = compare_report(res, shown)
        print(md, end="")
        if args.write:
            Path(args.write).write_text(md, encoding="utf-8")
        if args.json:
            Path(args.json).write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return res
    scores = noise_scores(read_news_pages(args.pages), learned=False if args.rules_only else None)
    print(report(scores, shown), end="")
    if args.json:
        Path(args.json).write_text(json.dumps({"pages_dir": shown, **scores}, indent=2, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
    return scores


if __name__ == "__main__":
    main()
