"""Measure a model (AAEC test essay/paragraph level, AAEC dev, Webis-Editorials-16 validation, speed) and regenerate its model card.

    python benchmarks/make_card.py [--model models/argmine-default] [--data-dir ../shared/data]

Writes MODEL/scores.json (every figure with the command that produced it) and MODEL/README.md.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_eval(model: str, data_dir: str, split: str, level: str, corpus: str = "aaec") -> dict:
    with tempfile.TemporaryDirectory() as td:
        out = Path(td) / "s.json"
        cmd = ["argmine", "evaluate", "--corpus", corpus, "--split", split, "--level", level, "--data-dir", data_dir,
               "--model", model, "--json", str(out)]
        subprocess.run([sys.executable, "-m", "argmine.cli"] + cmd[1:], check=True)
        return {"command": " ".join(cmd[:-2]), "scores": json.loads(out.read_text())}


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(ROOT / "models" / "argmine-default"))
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--skip-speed", action="store_true")
    a = ap.parse_args(argv)
    model = Path(a.model)
    rel = str(model.relative_to(ROOT)) if model.is_relative_to(ROOT) else str(model)
    scores = {}
    scores["aaec_test_essay"] = run_eval(rel, a.data_dir, "test", "essay")
    scores["aaec_test_paragraph"] = run_eval(rel, a.data_dir, "test", "paragraph")
    scores["aaec_dev_essay"] = run_eval(rel, a.data_dir, "dev", "essay")
    scores["webis_validation"] = run_eval(rel, a.data_dir, "validation", "essay", corpus="webis")
    if not a.skip_speed:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import speed

        res = speed.main(["--model", str(model), "--data-dir", a.data_dir])
        scores["speed"] = {"command": f"python benchmarks/speed.py --model {rel} --data-dir {a.data_dir}", "result": res}
    (model / "scores.json").write_text(json.dumps(scores, indent=2) + "\n")
    from argmine.training.cardgen import render_card

    (model / "README.md").write_text(render_card(model), encoding="utf-8")
    print(f"wrote {model / 'scores.json'} and {model / 'README.md'}")


if __name__ == "__main__":
    main()
