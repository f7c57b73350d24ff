"""Cost per character of mining by layout: prose against texts of short lines (tables, tag lists, menus).

Issue 13 measured one-word lines at about 8x the cost per character of prose. A line of fewer than the model's
``min_unit_words`` words cannot hold a unit, so argmine no longer encodes it, and the noise filter's cut of
paragraphs is linear in their number. This times ``Miner.mine`` on each layout (seeded random words, so the figures
repeat) and prints microseconds per character.

    python benchmarks/layout_cost.py [--threads 1] [--model DIR] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
try:  # run from a checkout without installing
    import argmine  # noqa: F401
except ImportError:
    sys.path.insert(0, str(ROOT))

VOCAB = "apple river stone market city lane bike kerb school table chair green budget council".split()


def lines(n: int, k: int, capital: bool, rng: random.Random) -> str:
    """``n`` lines of ``k`` random words (the first capitalised when ``capital``)."""
    out = []
    for _ in range(n):
        words = [rng.choice(VOCAB) for _ in range(k)]
        if capital:
            words[0] = words[0].capitalize()
        out.append(" ".join(words))
    return "\n".join(out)


def layouts() -> list:
    rng = random.Random(0)
    oped = (ROOT / "data" / "examples" / "oped.txt").read_text(encoding="utf-8")
    return [("prose (oped.txt x4)", "\n\n".join([oped] * 4)),
            ("1-word lines, lower case (3000)", lines(3000, 1, False, rng)),
            ("1-word lines, Capitalised (3000)", lines(3000, 1, True, rng)),
            ("2-word lines (2000)", lines(2000, 2, False, rng)),
            ("4-word lines (500)", lines(500, 4, False, rng))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--model", default=None)
    ap.add_argument("--json", default=None)
    a = ap.parse_args()
    import torch

    import argmine as am

    torch.set_num_threads(a.threads)
    miner = am.load(a.model, device="cpu")
    miner.mine("Warm up the tokenizer, the noise model and the network. " * 20)
    rows = []
    for name, text in layouts():
        t = time.perf_counter()
        doc = miner.mine(text)
        dt = time.perf_counter() - t
        rows.append({"layout": name, "chars": len(text), "seconds": round(dt, 3),
                     "us_per_char": round(1e6 * dt / len(text), 1), "units": len(doc.units)})
        print(f"{name:34s} {len(text):7d} chars {dt:7.2f} s {1e6 * dt / len(text):7.1f} us/char {len(doc.units):4d} units",
              flush=True)
    if a.json:
        Path(a.json).write_text(json.dumps({"threads": a.threads, "rows": rows}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
