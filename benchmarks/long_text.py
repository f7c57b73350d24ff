"""Time and peak memory of mining one 20,000-word article: as 200 paragraphs, and as ONE paragraph with no breaks.

Each case runs in a fresh child process (so each peak RSS is its own), with torch limited to ``--threads``
threads and, where the OS allows, the process pinned to that many cores. The goal (issue 7) is under 60 s
on 2 cores.

    python benchmarks/long_text.py                   # the shipped model (models/argmine-default)
    python benchmarks/long_text.py --model DIR       # any model directory
    python benchmarks/long_text.py --proxy           # no trained model: all-MiniLM-L6-v2 encoder (the shipped
                                                     # model's architecture and size) with untrained heads
    python benchmarks/long_text.py --json OUT.json --words 20000 --threads 2 [--backend auto|onnx|torch]

Without --model and without a shipped model, --proxy is used. A proxy's unit density comes from fixed head
biases (as in the tests' tiny model), not from training, so its time for the link and relation steps is only
an estimate; the encoder and BiLSTM, which dominate, are the same.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

SENTENCES = [
    "The city should build protected bike lanes on every major road within five years.",
    "Painted lines do not stop a distracted driver, but a concrete kerb does.",
    "Every year thousands of cyclists are injured by drivers who drift into lanes marked only with paint.",
    "Critics argue that bike lanes take away parking and hurt local shops.",
    "However, studies from three countries show that people on bikes visit shops more often and spend more over a month.",
    "Shop owners consistently overestimate how many of their customers arrive by car.",
    "Safer streets bring more people onto bikes, which cuts traffic for everyone else.",
    "When a lane feels safe, parents let their children ride to school.",
    "The cost of a protected lane is a fraction of what the city spends on road repairs each year.",
    "Some council members claim the money would be better spent on buses.",
    "Yet buses and bikes are not rivals: both take cars off the road and both need space.",
    "A bus lane without a bike lane simply pushes cyclists into the path of buses.",
    "Opponents also say that winter makes cycling impractical for half of the year.",
    "In fact, cities with colder winters than ours have some of the highest cycling rates in Europe.",
    "Clearing snow from a protected lane is no harder than clearing it from a pavement.",
    "Public health is another reason to act now.",
    "Regular cycling lowers the risk of heart disease, and it costs the health service nothing.",
    "Air pollution from traffic is linked to asthma in children who live near busy roads.",
    "Therefore, every car trip replaced by a bike trip is a small gain for the whole neighbourhood.",
    "It is true that construction will cause disruption for a few months.",
    "But the disruption of a road closure is temporary, while the benefits last for decades.",
    "Residents who were sceptical before the first lanes opened now ask for more of them.",
    "Surveys after the pilot project found that support rose from forty to sixty-five percent.",
    "Nobody is proposing to ban cars; the point is to give people a real choice.",
    "Without safe infrastructure, only the bravest riders will ever use a bike in traffic.",
    "The police data are clear: most serious crashes happen where there is no physical separation.",
    "A city that wants to meet its climate targets cannot ignore transport emissions.",
    "Transport is now the largest source of greenhouse gases in the region.",
    "Electric cars help, but they still cause congestion and still injure pedestrians.",
    "We should also remember that many people cannot drive at all, because of age, disability or cost.",
    "For them, a connected network of safe lanes means independence.",
    "Because the network only works when it is connected, piecemeal projects waste money.",
    "Consequently, the council should adopt a full plan rather than approve lanes one street at a time.",
    "Delivery companies have started to use cargo bikes, which need the same safe space.",
    "Small businesses that switched to cargo bikes report faster deliveries in the city centre.",
    "On the other hand, some streets are too narrow for a separate lane in both directions.",
    "On those streets, lower speed limits and one-way traffic for cars can do the same job.",
    "Ultimately, the question is not whether we can afford to build these lanes, but whether we can afford not to.",
    "Other cities have shown that the change pays for itself within a decade.",
    "So the council should vote for the plan next month and start building this summer.",
]


def article(n_words: int = 20_000, words_per_paragraph: int = 100, seed: int = 7) -> str:
    """An op-ed-like article of about ``n_words`` words in paragraphs of about ``words_per_paragraph`` words."""
    rng = random.Random(seed)
    paras, total = [], 0
    while total < n_words:
        sents, k = [], 0
        while k < words_per_paragraph and total + k < n_words:
            s = rng.choice(SENTENCES)
            sents.append(s)
            k += len(s.split())
        paras.append(" ".join(sents))
        total += k
    return "Why our city needs protected bike lanes\n\n" + "\n\n".join(paras) + "\n"


def build_proxy(path: Path) -> Path:
    """A model directory with the shipped model's architecture: pretrained MiniLM encoder, untrained heads."""
    import torch

    from argmine.model.directory import build_network, save_dir
    from argmine.model.encoder import default_encoder_path, load_pretrained_encoder
    from argmine.training.loop import load_config, model_config

    enc, tok = load_pretrained_encoder(default_encoder_path())
    cfg = model_config(load_config(REPO / "configs" / "default.toml"), enc)
    cfg.name, cfg.version = "proxy-untrained", "0"
    torch.manual_seed(0)
    net = build_network(cfg)
    net.encoder.load_state_dict(enc.state_dict(), strict=False)
    with torch.no_grad():  # unit density like a trained model's (the same constants as tests/conftest.py)
        net.tagger.weight.mul_(20.0)
        net.tagger.bias.copy_(torch.tensor((2.2, -0.2, 2.0, 0.0, 2.0, 0.4, 2.0)))
        net.typer.bias.copy_(torch.tensor((0.3, 1.0, 1.3)))
        net.null.bias.fill_(-3.0)
    save_dir(path, net, tok, cfg, half=False)
    return path


CHILD = r"""
import json, os, resource, sys, time, warnings
threads = int(sys.argv[3])
try:
    os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[:threads]))
except (AttributeError, OSError):
    pass
import torch
torch.set_num_threads(threads)
sys.path.insert(0, sys.argv[4])
from long_text import article
import argmine
t0 = time.perf_counter()
miner = argmine.load(sys.argv[1], device="cpu", threads=threads, backend=sys.argv[6])
load_s = time.perf_counter() - t0
text = article(int(sys.argv[5]))
if sys.argv[2] == "one-paragraph":
    text = " ".join(text.split())
base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
warnings.simplefilter("ignore")
t0 = time.perf_counter()
doc = miner.mine(text, id=sys.argv[2])
mine_s = time.perf_counter() - t0
doc.validate()
print(json.dumps({"case": sys.argv[2], "chars": len(text), "words": len(text.split()),
                  "paragraphs": len([p for p in text.split("\n\n") if p.strip()]),
                  "units": len(doc.units), "relations": len(doc.relations), "backend": miner.backend, "mine_s": round(mine_s, 1),
                  "load_s": round(load_s, 1), "peak_rss_mb_after_load": round(base_mb),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                  "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
                  "threads": torch.get_num_threads(), "model": miner.model_info}))
"""


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="model directory (default: the shipped model, else --proxy)")
    ap.add_argument("--proxy", action="store_true", help="untrained model of the shipped architecture")
    ap.add_argument("--words", type=int, default=20_000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cases", default="paragraphs,one-paragraph")
    ap.add_argument("--backend", default="auto", choices=["auto", "onnx", "torch"], help="the encoder's backend")
    ap.add_argument("--json", default=None)
    a = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory() as tmp:
        model = a.model
        if model is None and not a.proxy:
            from argmine.model.directory import default_model_dir

            try:
                model = str(default_model_dir())
            except FileNotFoundError:
                print("no shipped model found: using --proxy", file=sys.stderr)
        label = model
        if model is None:
            model = str(build_proxy(Path(tmp) / "proxy"))
            label = "proxy (all-MiniLM-L6-v2 encoder, untrained heads)"
        results = []
        for case in a.cases.split(","):
            env = {**os.environ, "OMP_NUM_THREADS": str(a.threads), "MKL_NUM_THREADS": str(a.threads),
                   "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
            t0 = time.perf_counter()
            res = subprocess.run([sys.executable, "-c", CHILD, model, case, str(a.threads),
                                  str(Path(__file__).resolve().parent), str(a.words), a.backend],
                                 capture_output=True, text=True, env=env)
            wall = time.perf_counter() - t0
            if res.returncode != 0:
                r = {"case": case, "failed": True, "returncode": res.returncode, "stderr": res.stderr[-2000:],
                     "wall_s": round(wall, 1)}
            else:
                r = json.loads(res.stdout.strip().splitlines()[-1])
                r["process_wall_s"] = round(wall, 1)
            print(json.dumps(r), flush=True)
            results.append(r)
    out = {"words": a.words, "threads": a.threads, "backend": a.backend, "model_dir": label,
           "cpu": _cpu(), "results": results}
    if a.json:
        Path(a.json).write_text(json.dumps(out, indent=2) + "\n")
    return 0 if all(not r.get("failed") for r in results) else 1


def _cpu() -> str:
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform

    return platform.processor() or platform.machine()


if __name__ == "__main__":
    sys.exit(main())
