"""Mining beside a busy core: the 20,000-word article idle, then while another process keeps one core busy.

    python benchmarks/busy_machine.py [--model DIR] [--cores 2] [--threads N] [--repeats 1] [--compare-fixed]
                                      [--omp-wait-policy auto|passive|active|default] [--json OUT]

Each run is a fresh child process pinned to ``--cores`` cores (default 2: a small laptop), mining the article of
``benchmarks/long_text.py`` (200 paragraphs) after a short warm-up. The busy run first starts a pure-Python spin
loop pinned to one of those cores, at the same priority. The child loads the model with ``threads=--threads``
(default None: argmine picks no more threads than free cores, ``argmine.threads``). ``--compare-fixed`` adds a
busy run with threads fixed to ``--cores`` (what argmine 0.3 did). The goal (issue 14): busy <= 2.5x idle.
Writes ``benchmarks/results/busy_machine.json``. Each run records how busy the cores were just before it started
(``busy_cores_before``, other processes than the spinner included): on a shared machine the idle run is not idle.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

CHILD = r"""
import json, os, sys, time, warnings
cores = json.loads(sys.argv[2]); threads = json.loads(sys.argv[3])
os.sched_setaffinity(0, set(cores))
sys.path.insert(0, sys.argv[4])
from long_text import article
import argmine
from argmine.threads import busy_cores
busy = busy_cores()
miner = argmine.load(sys.argv[1], device="cpu", threads=threads)
import torch
warnings.simplefilter("ignore")
miner.mine(open(sys.argv[5]).read())  # warm-up
text = article(20_000)
t0 = time.perf_counter()
doc = miner.mine(text)
print(json.dumps({"mine_s": round(time.perf_counter() - t0, 2), "threads": torch.get_num_threads(),
                  "busy_cores_before": round(busy, 2), "units": len(doc.units), "words": len(text.split()),
                  "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY")}))
"""


def run_child(model: str, cores, threads, wait_policy: str = "auto") -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("OMP_WAIT_POLICY", None)
    if wait_policy != "auto":  # "default": set but not valid, so argmine leaves it and OpenMP uses its default
        env["OMP_WAIT_POLICY"] = wait_policy.upper()
    res = subprocess.run([sys.executable, "-c", CHILD, model, json.dumps(cores), json.dumps(threads), str(HERE),
                          str(REPO / "data" / "examples" / "oped.txt")], capture_output=True, text=True, env=env)
    if res.returncode != 0:
        raise RuntimeError(f"child failed ({res.returncode}): {res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def spinner(core: int) -> subprocess.Popen:
    """A pure-Python busy loop pinned to ``core``, at this process's priority; give it a moment to start."""
    p = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        os.sched_setaffinity(p.pid, {core})
    except OSError:
        pass
    time.sleep(1.0)
    return p


def measure(model: str, cores, threads, busy: bool, wait_policy: str = "auto") -> dict:
    spin = spinner(cores[-1]) if busy else None
    try:
        return run_child(model, cores, threads, wait_policy)
    finally:
        if spin is not None:
            spin.kill()
            spin.wait()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=str(REPO / "models" / "argmine-default"))
    ap.add_argument("--cores", type=int, default=2, help="cores the miner may use (the first N of this process's)")
    ap.add_argument("--threads", type=int, default=None, help="argmine.load(threads=...); default None: automatic")
    ap.add_argument("--repeats", type=int, default=1, help="runs per condition; the median is reported")
    ap.add_argument("--compare-fixed", action="store_true", help="also a busy run with threads = --cores")
    ap.add_argument("--omp-wait-policy", default="auto", choices=["auto", "passive", "active", "default"],
                    help="auto: argmine's choice (PASSIVE unless set); default: OpenMP's own (spin, then sleep)")
    ap.add_argument("--json", default=str(HERE / "results" / "busy_machine.json"))
    a = ap.parse_args(argv)
    cores = sorted(os.sched_getaffinity(0))[: a.cores]
    conds = [("idle", a.threads, False), ("busy", a.threads, True)]
    if a.compare_fixed:
        conds.append(("busy_fixed_threads", len(cores), True))
    runs = {name: [] for name, _, _ in conds}
    for _ in range(a.repeats):
        for name, threads, busy in conds:
            runs[name].append(measure(a.model, cores, threads, busy, a.omp_wait_policy))
            print(name, json.dumps(runs[name][-1]), file=sys.stderr, flush=True)
    med = {name: statistics.median(r["mine_s"] for r in rs) for name, rs in runs.items()}
    out = {"what": "20,000-word article (benchmarks/long_text.py, 200 paragraphs), idle vs beside one busy core",
           "command": "python benchmarks/busy_machine.py " + " ".join(argv or sys.argv[1:]), "cores": cores,
           "threads_option": a.threads, "omp_wait_policy_option": a.omp_wait_policy, "median_mine_s": med, "ratio_busy_to_idle": round(med["busy"] / med["idle"], 2),
           "goal_ratio": 2.5, "runs": runs, "cpu": _cpu()}
    if "busy_fixed_threads" in med:
        out["ratio_busy_fixed_threads_to_idle"] = round(med["busy_fixed_threads"] / med["idle"], 2)
    Path(a.json).parent.mkdir(parents=True, exist_ok=True)
    Path(a.json).write_text(json.dumps(out, indent=1) + "\n")
    print(json.dumps({k: out[k] for k in out if k != "runs"}, indent=1))
    return 0


def _cpu() -> str:
    try:
        return next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        return ""


if __name__ == "__main__":
    sys.exit(main())
