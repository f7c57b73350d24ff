"""Speed and memory of a model on real texts: wordpieces/s, documents/s, ms per document, peak RSS, load time.

Also times the bare base encoder's forward pass over the same paragraphs (the yardstick), so the figure that
travels between machines is the ratio, not the seconds.

    python benchmarks/speed.py [--model DIR] [--data-dir ../shared/data] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path


def texts_for_benchmark(data_dir):
    try:
        from argmine.corpora.aaec import read_aaec

        return [d.text for d in read_aaec(data_dir, "test")], "AAEC test essays (80)"
    except Exception:
        ex = Path(__file__).resolve().parent.parent / "data" / "examples" / "oped.txt"
        return [ex.read_text(encoding="utf-8")] * 40, "example op-ed x40"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--precision", default="fp32", choices=["fp32", "bf16"], help="the miner's precision; the yardstick stays fp32")
    ap.add_argument("--json", default=None)
    a = ap.parse_args(argv)
    import torch

    torch.set_num_threads(a.threads)
    import argmine
    from argmine.model.features import prepare
    from argmine.model.network import encode_paragraphs

    t0 = time.perf_counter()
    miner = argmine.load(a.model, device="cpu", precision=a.precision, threads=a.threads)
    load_s = time.perf_counter() - t0
    texts, what = texts_for_benchmark(a.data_dir)
    paras = [p for t in texts for p in prepare(t, miner.tokenizer, miner.max_length)]
    pieces = sum(len(w.input_ids) for p in paras for w in p.windows)
    miner.mine(texts[0])  # warm-up
    t0 = time.perf_counter()
    docs = list(miner.mine_batch(texts, batch_size=a.batch_size, show_progress=False))
    mine_s = time.perf_counter() - t0
    # yardstick: the bare encoder forward over the same windows, same batching
    enc = miner.net.encoder
    t0 = time.perf_counter()
    with torch.inference_mode():
        wins = sorted((w for p in paras for w in p.windows), key=lambda w: len(w.input_ids))
        for i in range(0, len(wins), a.batch_size):
            b = wins[i:i + a.batch_size]
            T = max(len(w.input_ids) for w in b)
            ids = torch.tensor([w.input_ids + [0] * (T - len(w.input_ids)) for w in b])
            att = (ids != 0).long()
            enc(input_ids=ids, attention_mask=att)
    enc_s = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    res = {
        "texts": what, "n_docs": len(docs), "wordpieces": pieces, "threads": a.threads,
        "load_s": round(load_s, 2), "mine_s": round(mine_s, 2),
        "wordpieces_per_s": round(pieces / mine_s), "docs_per_s": round(len(docs) / mine_s, 2),
        "ms_per_doc": round(1000 * mine_s / len(docs), 1),
        "encoder_only_s": round(enc_s, 2), "ratio_to_encoder_forward": round(mine_s / enc_s, 2),
        "peak_rss_mb": round(peak_mb), "model": miner.model_info, "precision": a.precision,
    }
    print(json.dumps(res, indent=2))
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=2) + "\n")
    return res


if __name__ == "__main__":
    sys.exit(main() and 0)
