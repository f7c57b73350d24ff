"""Measure a model (AAEC test and dev, argmine-oped dev, arg-microtexts test fold, Webis-Editorials-16 validation, short
arguments, speed) and regenerate its model card.

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
# (key, corpus, split, level, title): the card's score table, one row each
SUITE = (
    ("aaec_test_essay", "aaec", "test", "essay", "AAEC test (80 essays), essay level"),
    ("aaec_test_paragraph", "aaec", "test", "paragraph", "AAEC test, paragraph level"),
    ("aaec_dev_essay", "aaec", "dev", "essay", "AAEC dev (36 essays)"),
    ("oped_dev", "oped", "dev", "essay", "argmine-oped dev (24 editorials, silver; chose the model)"),
    ("microtexts_test", "microtexts", "test", "essay", "arg-microtexts test fold (22 texts, never trained on)"),
    ("webis_validation", "webis", "validation", "essay", "Webis-Editorials-16 validation (units only, no labels)"),
)


def run_eval(model: str, data_dir: str, split: str, level: str, corpus: str = "aaec") -> dict:
    with tempfile.TemporaryDirectory() as td:
        out = Path(td) / "s.json"
        cmd = ["argmine", "evaluate", "--corpus", corpus, "--split", split, "--level", level, "--data-dir", data_dir,
               "--model", model, "--json", str(out)]
        subprocess.run([sys.executable, "-m", "argmine.cli"] + cmd[1:], check=True)
        return {"command": " ".join(cmd[:-2]), "scores": json.loads(out.read_text())}


def speed_scores(model: Path, rel: str, data_dir: str) -> dict:
    """``{"speed": ...}`` (and ``"speed_bf16"`` on a CPU with fast bfloat16): ``benchmarks/speed.py`` run as the card
    cites it, each in a fresh process (torch's thread state is the command's own), five rounds each."""
    from argmine.precision import cpu_has_fast_bf16
    from speed import default_backends

    base = ["--model", str(model), "--data-dir", data_dir, "--rounds", "5"]
    runs = {"speed": ["--backends", default_backends()]}  # the default backend first, torch beside it
    if cpu_has_fast_bf16():  # precision="bf16" / "auto" on this CPU: its ratio to the same fp32 yardstick (torch)
        runs["speed_bf16"] = ["--backends", "torch", "--precision", "bf16"]
    out = {}
    for key, extra in runs.items():
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "speed.json"
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "speed.py"), *base, *extra, "--json", str(path)],
                           check=True, stdout=subprocess.DEVNULL)
            cmd = " ".join(["python benchmarks/speed.py", *base, *extra]).replace(str(model), rel)
            out[key] = {"command": cmd, "result": json.loads(path.read_text())}
    return out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(ROOT / "models" / "argmine-default"))
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--skip-speed", action="store_true")
    a = ap.parse_args(argv)
    model = Path(a.model)
    rel = str(model.relative_to(ROOT)) if model.is_relative_to(ROOT) else str(model)
    scores = {}
    for key, corpus, split, level, title in SUITE:
        scores[key] = {"title": title, **run_eval(rel, a.data_dir, split, level, corpus=corpus)}
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import short_arguments

    scores["short_arguments"] = {"command": "python benchmarks/short_arguments.py --model " + rel,
                                 "result": {k: v for k, v in short_arguments.main(["--model", str(model)]).items() if k != "items"}}
    if not a.skip_speed:
        scores.update(speed_scores(model, rel, a.data_dir))
    (model / "scores.json").write_text(json.dumps(scores, indent=2) + "\n")
    from argmine.training.cardgen import render_card

    (model / "README.md").write_text(render_card(model), encoding="utf-8")
    print(f"wrote {model / 'scores.json'} and {model / 'README.md'}")


if __name__ == "__main__":
    main()
