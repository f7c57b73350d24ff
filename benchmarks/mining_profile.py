"""Where mining's time goes, stage by stage, against the bare encoder (``speed.py``'s yardstick) in the same run.

Times each stage of ``Miner.score_texts`` and ``_assemble`` on the AAEC test essays (the texts ``speed.py`` times):
preparation (noise filter, tokenising, windows), the paragraph encoder batches (encoder, BiLSTM, tagger, Viterbi),
the headline pass, the document-level heads, the decoder and calibration; each stage's fastest of ``--rounds``
rounds, as a share of the yardstick's fastest round. CPU seconds of this process with ``--threads 1`` (steadier on
a shared machine), wall seconds otherwise.

    python benchmarks/mining_profile.py [--model DIR] [--data-dir ../shared/data] [--threads 1] [--rounds 3] [--precision bf16] [--backend onnx] [--json OUT]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def stage_times(miner, texts, batch_size: int, rounds: int, clock, yardstick) -> dict:
    """Fastest seconds of each mining stage over ``rounds`` rounds (the stages ``Miner.score_texts`` runs), and of
    ``yardstick()`` (key ``yardstick``), timed first in each round."""
    import torch

    from argmine.model.network import op_threads
    from argmine.model.features import headline_windows
    from argmine.text import leading_headline
    from speed import clear_text_caches

    best: dict = {}

    def timed(name, f):
        t0 = clock()
        out = f()
        best[name] = min(best.get(name, float("inf")), clock() - t0)
        return out

    def heads(prepared, cands, head):
        with op_threads(miner.small_op_threads):
            return miner._documents_scores(prepared, cands, head)

    with torch.inference_mode():
        for _ in range(rounds):
            timed("yardstick", yardstick)
            clear_text_caches()  # the texts are mined as new ones in every round
            prepared = timed("prepare (noise filter, tokenise, windows)", lambda: miner._prepare_texts(texts))
            cands = timed("paragraph batches (encoder, BiLSTM, tagger, Viterbi)",
                          lambda: miner._encode_candidates(prepared, batch_size))
            hw = [headline_windows(leading_headline(t), miner.tokenizer) for t in texts]
            head = timed("headline pass (encoder)", lambda: _headlines(miner, hw))
            scored = timed("document heads", lambda: heads(prepared, cands, head))
            timed("decode, assemble, calibrate", lambda: [miner._assemble(t, None, *s) for t, s in zip(texts, scored)])
    return best


def _headlines(miner, windows):
    """The headline pass as ``Miner.score_texts`` runs it (under the encoder's autocast)."""
    from argmine.model.network import headline_vectors

    if not miner.net.headline:
        return [None] * len(windows)
    with miner._encoder_autocast():
        return headline_vectors(miner.net, windows, miner.device)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--precision", default="fp32", choices=["fp32", "bf16"], help="the miner's precision; the yardstick stays fp32")
    ap.add_argument("--backend", default="torch", choices=["torch", "onnx"], help="what runs the miner's encoder; the yardstick stays torch")
    ap.add_argument("--json", default=None)
    a = ap.parse_args(argv)
    import torch

    torch.set_num_threads(a.threads)
    import argmine
    from argmine.model.features import prepare
    from speed import emit_json, encoder_forward, texts_for_benchmark

    miner = argmine.load(a.model, device="cpu", threads=a.threads, backend=a.backend, precision=a.precision)
    texts, what = texts_for_benchmark(a.data_dir)
    paras = [p for t in texts for p in prepare(t, miner.tokenizer, miner.max_length)]
    clock = time.process_time if a.threads == 1 else time.perf_counter
    miner.mine(texts[0])  # warm-up
    stages = stage_times(miner, texts, a.batch_size, max(1, a.rounds), clock,
                         lambda: encoder_forward(miner.net.encoder, paras, a.batch_size))
    enc = stages.pop("yardstick")
    res = {"texts": what, "threads": a.threads, "precision": a.precision, "backend": miner.backend, "clock": "cpu" if a.threads == 1 else "wall",
           "encoder_only_s": round(enc, 3), "stages_s": {k: round(v, 3) for k, v in stages.items()},
           "stages_to_encoder": {k: round(v / enc, 3) for k, v in stages.items()},
           "sum_of_stages_to_encoder": round(sum(stages.values()) / enc, 3)}
    return emit_json(res, a.json)


if __name__ == "__main__":
    sys.exit(main() and 0)
