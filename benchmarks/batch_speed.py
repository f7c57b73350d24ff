"""Speed and memory of ``argmine batch`` (``run_batch``): documents/s, wordpieces/s, peak RSS.

The texts go through the whole batch path (JSON Lines in, JSON Lines out, chunked writes, resume bookkeeping).
In the same run it times the bare forward pass of the base encoder over the same wordpiece windows (the
yardstick: the figure that travels between machines is the ratio, not the seconds) and ``mine_batch`` alone
(so the cost of the batch layer itself shows).

    python benchmarks/batch_speed.py [--model DIR] [--data-dir ../shared/data] [--repeat N] [--json OUT]

Texts: the AAEC test essays (``read_aaec(data_dir, "test")``), else the example op-ed repeated 40 times;
``--repeat N`` repeats the set N times (peak RSS should not grow with it).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

try:  # run from a checkout without installing
    import argmine  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from speed import emit_json, encoder_forward, texts_for_benchmark  # noqa: E402  (the same texts and yardstick as speed.py)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--chunk-size", type=int, default=64)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--json", default=None)
    a = ap.parse_args(argv)
    import torch

    torch.set_num_threads(a.threads)
    import argmine
    from argmine.batch import run_batch
    from argmine.model.features import prepare

    miner = argmine.load(a.model, device=a.device, threads=a.threads)
    base, what = texts_for_benchmark(a.data_dir)
    texts = base * a.repeat
    use_noise = bool(miner.config.get("noise_filter", True))
    paras = [p for t in base for p in prepare(t, miner.tokenizer, miner.max_length, use_noise)]
    pieces = sum(len(w.input_ids) for p in paras for w in p.windows) * a.repeat
    miner.mine(base[0])  # warm-up

    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with open(src, "w", encoding="utf-8") as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": f"t{i}", "text": t}, ensure_ascii=False) + "\n")
        t0 = time.perf_counter()
        s = run_batch(src, out, miner, batch_size=a.batch_size, chunk_size=a.chunk_size, progress=False)
        batch_s = time.perf_counter() - t0
        out_mb = out.stat().st_size / 2**20
    assert s.mined == len(texts) and s.errors == 0, s
    t0 = time.perf_counter()
    for _ in miner.mine_batch(base, batch_size=a.batch_size, show_progress=False):
        pass
    mine_s = (time.perf_counter() - t0) * a.repeat
    enc_s = encoder_forward(miner.net.encoder, paras, a.batch_size, miner.device) * a.repeat
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    res = {
        "texts": what, "repeat": a.repeat, "n_docs": len(texts), "wordpieces": pieces, "threads": a.threads,
        "device": miner.device, "batch_size": a.batch_size, "chunk_size": a.chunk_size,
        "batch_s": round(batch_s, 2), "docs_per_s": round(len(texts) / batch_s, 2),
        "wordpieces_per_s": round(pieces / batch_s), "output_mb": round(out_mb, 1),
        "mine_batch_only_s": round(mine_s, 2), "encoder_forward_s": round(enc_s, 2),
        "ratio_to_encoder_forward": round(batch_s / enc_s, 2), "ratio_to_mine_batch": round(batch_s / mine_s, 2),
        "peak_rss_mb": round(peak_mb), "model": miner.model_info,
    }
    return emit_json(res, a.json)


if __name__ == "__main__":
    sys.exit(main() and 0)
