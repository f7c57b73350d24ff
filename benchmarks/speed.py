"""Speed and memory of a model on real texts: wordpieces/s, documents/s, ms per document, peak RSS, load time.

Also times the bare base encoder's forward pass over the same paragraphs (the yardstick: fp32 torch), so the figure
that travels between machines is the ratio, not the seconds. With several ``--backends`` (default: onnx, what
``backend="auto"`` runs, then torch, when ONNX Runtime is installed) each backend's miner gets a row; the yardstick and every backend are timed in turn in each
of ``--rounds`` rounds of the same run, and each row's ratio is its fastest round over the yardstick's fastest round
(a busy machine slows single rounds, rarely all of them). ``median_round_ratio`` is a second view that one fast
or slow yardstick round cannot move: the median over rounds of mining's time over the yardstick's time in the same
round. The top-level figures are the first backend's.

    python benchmarks/speed.py [--model DIR] [--data-dir ../shared/data] [--backends torch,onnx] [--rounds 2] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np


def emit_json(res: dict, path=None) -> dict:
    """Print a benchmark's result as JSON, also write it to ``path`` when given; returns ``res``."""
    print(json.dumps(res, indent=2))
    if path:
        Path(path).write_text(json.dumps(res, indent=2) + "\n")
    return res


def write_results(out, name: str, res: dict, markdown: str) -> Path:
    """Write a benchmark's result as ``OUT/<name>.json`` (indented, UTF-8; values JSON cannot hold as str) and its
    report as ``OUT/<name>.md`` (a final newline added when missing), creating ``out``.

    Returns:
        The folder (``Path``)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(res, indent=1, default=str) + "\n", encoding="utf-8")
    (out / f"{name}.md").write_text(markdown if markdown.endswith("\n") else markdown + "\n", encoding="utf-8")
    return out


def texts_for_benchmark(data_dir):
    """The texts every speed benchmark times: the AAEC test essays, else the example op-ed 40 times; and their name."""
    try:
        from argmine.corpora.aaec import read_aaec

        texts = [d.text for d in read_aaec(data_dir, "test")]
        if texts:
            return texts, f"AAEC test essays ({len(texts)})"
    except Exception:
        pass
    ex = Path(__file__).resolve().parent.parent / "data" / "examples" / "oped.txt"
    return [ex.read_text(encoding="utf-8")] * 40, "example op-ed x40"


def clear_text_caches() -> None:
    """Empty argmine's per-process caches keyed by words (wordpieces, boilerplate n-gram buckets), so a round that
    mines the same texts again costs what new texts would."""
    from argmine.boilerplate import clear_caches
    from argmine.model.features import clear_piece_cache

    clear_caches()
    clear_piece_cache()


def default_backends() -> str:
    from argmine.model.onnx_encoder import onnxruntime_available

    return "onnx,torch" if onnxruntime_available() else "torch"


def encoder_forward(enc, paras, batch_size, device="cpu"):
    """Seconds of the bare encoder's forward pass over every window of ``paras``, length-sorted batches, on
    ``device``: the yardstick every speed benchmark divides by."""
    import torch

    t0 = time.perf_counter()
    with torch.inference_mode():
        wins = sorted((w for p in paras for w in p.windows), key=lambda w: len(w.input_ids))
        for i in range(0, len(wins), batch_size):
            b = wins[i:i + batch_size]
            T = max(len(w.input_ids) for w in b)
            ids = torch.tensor([w.input_ids + [0] * (T - len(w.input_ids)) for w in b], device=device)
            att = torch.tensor([[1] * len(w.input_ids) + [0] * (T - len(w.input_ids)) for w in b], device=device)
            enc(input_ids=ids, attention_mask=att)
    return time.perf_counter() - t0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--precision", default="fp32", choices=["fp32", "bf16"], help="the miner's precision; the yardstick stays fp32")
    ap.add_argument("--backends", default=None,
                    help="comma-separated miner backends, each a row (torch, onnx, auto; default: onnx,torch when ONNX "
                         "Runtime is installed, else torch); the first gives the top-level figures")
    ap.add_argument("--rounds", type=int, default=1, help="timing rounds (yardstick, then each backend, per round); fastest round counts")
    ap.add_argument("--json", default=None)
    a = ap.parse_args(argv)
    import torch

    torch.set_num_threads(a.threads)
    import argmine
    from argmine.model.features import prepare
    from argmine.model.network import encode_paragraphs  # noqa: F401  (imported before the clock, as run_all does)

    backends = [b.strip() for b in (a.backends or default_backends()).split(",") if b.strip()]
    miners, load_s = {}, {}
    for b in backends:
        t0 = time.perf_counter()
        miners[b] = argmine.load(a.model, device="cpu", precision=a.precision, threads=a.threads, backend=b)
        load_s[b] = time.perf_counter() - t0
    miner = miners[backends[0]]
    texts, what = texts_for_benchmark(a.data_dir)
    paras = [p for t in texts for p in prepare(t, miner.tokenizer, miner.max_length)]
    pieces = sum(len(w.input_ids) for p in paras for w in p.windows)
    enc = miner.net.encoder  # the yardstick: the bare fp32 torch encoder (the same weights in every miner)
    for m in miners.values():
        m.mine(texts[0])  # warm-up
    encoder_forward(enc, paras[:2], a.batch_size)
    enc_rounds, mine_rounds, docs = [], {b: [] for b in backends}, {}
    for _ in range(max(1, a.rounds)):
        enc_rounds.append(encoder_forward(enc, paras, a.batch_size))
        for b in backends:
            clear_text_caches()  # each round mines the texts as new ones, as the yardstick encodes them anew
            t0 = time.perf_counter()
            docs[b] = list(miners[b].mine_batch(texts, batch_size=a.batch_size, show_progress=False))
            mine_rounds[b].append(time.perf_counter() - t0)
    enc_s = min(enc_rounds)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = {}
    for b in backends:
        mine_s = min(mine_rounds[b])
        rows[b] = {"backend": miners[b].backend, "load_s": round(load_s[b], 2), "mine_s": round(mine_s, 2),
                   "wordpieces_per_s": round(pieces / mine_s), "docs_per_s": round(len(docs[b]) / mine_s, 2),
                   "ms_per_doc": round(1000 * mine_s / len(docs[b]), 1),
                   "ratio_to_encoder_forward": round(mine_s / enc_s, 2),
                   "rounds_s": [round(x, 2) for x in mine_rounds[b]],
                   "round_ratios": [round(x / y, 2) for x, y in zip(mine_rounds[b], enc_rounds)],
                   "median_round_ratio": round(float(np.median([x / y for x, y in zip(mine_rounds[b], enc_rounds)])), 2)}
    top = rows[backends[0]]
    res = {
        "texts": what, "n_docs": len(docs[backends[0]]), "wordpieces": pieces, "threads": a.threads,
        "load_s": top["load_s"], "mine_s": top["mine_s"],
        "wordpieces_per_s": top["wordpieces_per_s"], "docs_per_s": top["docs_per_s"], "ms_per_doc": top["ms_per_doc"],
        "encoder_only_s": round(enc_s, 2), "ratio_to_encoder_forward": top["ratio_to_encoder_forward"],
        "median_round_ratio": top["median_round_ratio"],
        "peak_rss_mb": round(peak_mb), "model": miner.model_info, "precision": a.precision,
        "backend": miner.backend, "rounds": max(1, a.rounds), "encoder_rounds_s": [round(x, 2) for x in enc_rounds],
        "backends": rows,
    }
    return emit_json(res, a.json)


if __name__ == "__main__":
    sys.exit(main() and 0)
