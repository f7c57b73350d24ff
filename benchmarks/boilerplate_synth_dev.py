"""Rules vs rules + learned line classifier on the synthetic dev pages of ``benchmarks/train_boilerplate.py``.

    python benchmarks/boilerplate_synth_dev.py [--threshold T] [--show]

Rebuilds the dev pages exactly as the trainer does (seed 0, 3 pages per text, AAEC 2; texts whose hash puts them in
dev: never trained on) and prints the share of furniture lines the rules find, the share rules + model find, the
body lines the model adds, and the kinds still missed. Needs the corpora (ARGMINE_DATA or ../shared/data).
"""
from __future__ import annotations

import argparse
import random
import sys
import zlib
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
for p in (REPO, REPO / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import boilerplate_synth as synth  # noqa: E402
import train_boilerplate as tb  # noqa: E402
from argmine.boilerplate import load_model  # noqa: E402
from argmine.corpora.base import find_data_dir  # noqa: E402
from argmine.noise import noise_lines  # noqa: E402


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threshold", type=float, default=None, help="default: the model's own")
    ap.add_argument("--show", action="store_true", help="list the body lines flagged and the furniture missed")
    ap.add_argument("--data-dir", default=None)
    args = ap.parse_args(argv)
    model = load_model()
    rng = random.Random(0)
    dev_pages = []
    for src, paras in tb.load_texts(find_data_dir(args.data_dir)):
        dev = zlib.crc32(paras[0].encode("utf-8")) % 100 < 15
        for _ in range(3 if src != "aaec" else 2):
            page = synth.make_page(paras, rng, furniture=rng.random() < 0.8)
            if dev:
                dev_pages.append(page)
    n_furn = n_body = rules_found = both_found = rules_body = both_body = 0
    missed = Counter()
    for page in dev_pages:
        text = "\n".join(line for line, _ in page)
        spans, o = [], 0
        for line, _ in page:
            spans.append((o, o + len(line)))
            o += len(line) + 1
        r = {(s, e) for s, e, _ in noise_lines(text, learned=False)}
        c = {(s, e) for s, e, _ in noise_lines(text, learned=model, threshold=args.threshold)}
        for (line, kind), se in zip(page, spans):
            if kind:
                n_furn += 1
                rules_found += se in r
                both_found += se in c
                if se not in c:
                    missed[kind] += 1
                    if args.show:
                        print(f"  missed ({kind}): {line[:140]}")
            else:
                n_body += 1
                rules_body += se in r
                both_body += se in c
                if args.show and se in c:
                    print(f"  body flagged: {line[:140]}")
    res = {"pages": len(dev_pages), "furniture_lines": n_furn, "body_lines": n_body,
           "rules_recall": rules_found / n_furn, "combined_recall": both_found / n_furn,
           "rules_body_flagged": rules_body, "combined_body_flagged": both_body, "missed_by_kind": dict(missed)}
    print(f"{res['pages']} synthetic dev pages: {n_furn} furniture lines, {n_body} body lines")
    print(f"furniture found: rules {100 * res['rules_recall']:.1f}%, rules + learned {100 * res['combined_recall']:.1f}%")
    print(f"body lines flagged: rules {rules_body}, rules + learned {both_body}")
    print(f"still missed by kind: {dict(missed.most_common())}")
    return res


if __name__ == "__main__":
    main()
