"""Document-level training (argmine 0.3): the structure heads learn from every corpus in the model's scheme.

Each example is a whole document, so major claims can stand in any paragraph and premise links can cross
paragraphs. Corpora come through their readers' documented label mappings (AAEC essays, argmine-oped editorials,
arg-microtexts); the epoch is chosen on their dev splits, each corpus weighing the same.
"""
from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any, Dict, List, Tuple

from ..config import MainCorpus, TrainConfig
from ..errors import ConfigError

# the scorer that chooses, per corpus: AAEC at exact match (its literature's convention), others at 50% overlap
DEV_OVERLAP = {"aaec": "100"}


def main_specs(cfg: TrainConfig) -> List[MainCorpus]:
    """The ``main_corpora`` of a config with their corpus names resolved (default: the config's corpus, train and
    dev splits); an unknown corpus raises ``ValueError``.

    Returns:
        A list of ``MainCorpus`` (``corpus``, ``split``, ``repeat``, ``dev_split``), corpus names canonical.

    Raises:
        ConfigError: a main corpus that argmine does not read (E008)."""
    import dataclasses

    from ..corpora import ALIASES, CORPORA

    specs = cfg.main_corpora or [MainCorpus(corpus=cfg.corpus, split=cfg.train_split, dev_split=cfg.dev_split)]
    out = []
    for spec in specs:
        name = ALIASES.get(spec.corpus, spec.corpus)
        if name not in CORPORA:
            raise ConfigError(f"main_corpora corpus must be one of {CORPORA}; got {spec.corpus!r}. "
                              "Set corpus in that [[main_corpora]] table to one of those names.")
        out.append(dataclasses.replace(spec, corpus=name))
    return out


def doc_batches(examples, batch_pieces: int, rng: random.Random, pool) -> List[List[int]]:
    """Batches of whole documents of similar size, at most ``batch_pieces`` wordpieces each (one document at least),
    in random order.

    Returns:
        A list of batches, each a list of indices into ``examples``."""
    idx = sorted(pool, key=lambda i: examples[i].n_pieces * (1 + 0.2 * rng.random()))
    batches, cur, used = [], [], 0
    for i in idx:
        if cur and used + examples[i].n_pieces > batch_pieces:
            batches.append(cur)
            cur, used = [], 0
        cur.append(i)
        used += examples[i].n_pieces
    if cur:
        batches.append(cur)
    rng.shuffle(batches)
    return batches


def dev_scores(miner, dev_sets: Dict[str, list], log, label: str) -> Tuple[Dict[str, Any], float]:
    """Component and relation F1 per dev corpus, and the dev score: the mean over corpora of (components F1 +
    relations F1) / 2, at the overlap of ``DEV_OVERLAP`` (50% where not listed).

    Returns:
        ``(scores, dev_score)``: per corpus its score dict, and the dev score (a float in [0, 1])."""
    from ..evaluate import evaluate_miner

    rec: Dict[str, Any] = {}
    per = []
    for name, docs in dev_sets.items():
        sc = evaluate_miner(miner, docs, level="essay")
        ov = DEV_OVERLAP.get(name, "50")
        c, r = sc["components"][f"f1_{ov}"], sc["relations"][f"f1_{ov}"]
        rec[f"{name}_dev_c_f1_{ov}"], rec[f"{name}_dev_r_f1_{ov}"] = c, r
        per.append((c + r) / 2)
        log(f"{label} {name} dev: components F1 {c * 100:.1f} / relations F1 {r * 100:.1f} ({ov}%)")
    score = sum(per) / len(per) if per else 0.0
    rec["dev_score"] = score
    return rec, score


def init_weights(net, path: Path, log) -> None:
    """Start from a model directory's weights; parameters it lacks (new heads) keep their initial values."""
    from ..model.directory import weights_file
    from safetensors.torch import load_file

    state = load_file(str(weights_file(Path(path))))
    own = net.state_dict()
    state = {k: v.float() for k, v in state.items() if k in own and own[k].shape == v.shape}
    missing, _ = net.load_state_dict(state, strict=False)
    log(f"initialised from {path}: {len(state)} tensors; new: {sorted({k.split('.')[0] for k in missing if 'position_ids' not in k})}")


def _in_scheme(docs: list, scheme: str) -> list:
    """``docs`` under a ``MainCorpus.scheme`` label mapping (``argmine.config.SCHEMES``), without the documents it
    leaves out; ``docs`` itself for the empty scheme."""
    import importlib

    from ..config import SCHEMES

    if not SCHEMES.get(scheme):
        return docs
    module, name = SCHEMES[scheme].rsplit(".", 1)
    fn = getattr(importlib.import_module(module), name)
    return [m for m in (fn(d) for d in docs) if m is not None]


def load_examples(cfg: TrainConfig, tok, data_dir: Path, log) -> Tuple[list, List[int], Dict[str, list]]:
    """``(examples, pool, dev_sets)``: one ``DocExample`` per training document of ``main_corpora``; ``pool`` lists
    each example's index ``repeat`` times (one epoch); ``dev_sets`` maps a corpus to its gold dev Documents.

    Returns:
        ``(examples, pool, dev_sets)`` as above."""
    from ..corpora import get_reader
    from .examples import doc_example

    examples, pool, dev_sets = [], [], {}
    for spec in main_specs(cfg):
        docs = _in_scheme(get_reader(spec.corpus)(data_dir, spec.split), spec.scheme)[: cfg.max_docs or None]
        first = len(examples)
        examples += [doc_example(d, tok, cfg.max_length, cfg.noise_filter, source=spec.corpus,
                                 neutral_copy=cfg.neutral_role_rate > 0) for d in docs]
        pool += list(range(first, len(examples))) * spec.repeat
        log(f"train {spec.corpus} {spec.split}{' (' + spec.scheme + ')' if spec.scheme else ''}: {len(docs)} docs x{spec.repeat}, "
            f"{sum(e.n_pieces for e in examples[first:])} wordpieces")
        if spec.dev_split:
            dev_sets[spec.corpus] = get_reader(spec.corpus)(data_dir, spec.dev_split)[: cfg.max_docs or None]
    return examples, pool, dev_sets


def document_network(cfg: TrainConfig, log):
    """``(net, tokenizer, model config)``: the document-level network, from ``init_from`` when set; with
    ``freeze_encoder`` the encoder is fixed and its word vectors cached (``net.word_cache``).

    Returns:
        ``(net, tokenizer, config)``: an ``ArgmineNet``, its tokenizer and its ``ModelConfig``."""
    from ..model.encoder import load_pretrained_encoder, resolve_encoder
    from ..model.network import ArgmineNet
    from .loop import model_config

    enc, tok = load_pretrained_encoder(resolve_encoder(cfg.base_encoder))
    mcfg = model_config(cfg, enc)
    net = ArgmineNet(enc, hidden=cfg.lstm_hidden, unit_dim=cfg.unit_dim, dropout=cfg.dropout, crf=cfg.crf,
                     evidence=bool(mcfg.evidence_types), evidence_input=mcfg.evidence_input,
                     document_level=True, headline=cfg.headline)
    if cfg.init_from:
        init_weights(net, Path(cfg.init_from), log)
    if cfg.freeze_encoder:  # train the BiLSTM and heads on cached word vectors: a fraction of the time on a CPU
        for p in net.encoder.parameters():
            p.requires_grad_(False)
        net.word_cache = {}
    return net, tok, mcfg


def optimiser(net, cfg: TrainConfig, steps_per_epoch: int):
    """AdamW (encoder and head learning rates) with linear warm-up and decay over the run.

    Returns:
        ``(optimiser, scheduler)``: a ``torch.optim.AdamW`` and its learning-rate schedule (stepped once per batch)."""
    import torch

    enc_params = [p for n, p in net.named_parameters() if n.startswith("encoder.") and p.requires_grad]
    head_params = [p for n, p in net.named_parameters() if not n.startswith("encoder.")]
    opt = torch.optim.AdamW([{"params": enc_params, "lr": cfg.lr_encoder}, {"params": head_params, "lr": cfg.lr_heads}],
                            weight_decay=cfg.weight_decay)
    total = steps_per_epoch * cfg.epochs
    warm = max(1, int(total * cfg.warmup))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    return opt, sched


def run_epoch(net, examples, batches, opt, sched, cfg: TrainConfig, rng: random.Random, use_bf16: bool, log, label: str) -> None:
    """One pass over ``batches`` (lists of example indices): loss, clipped gradient step, a running log line."""
    import torch

    from .loop import compute_doc_loss

    t0, run = time.time(), {}
    for b, idx in enumerate(batches, 1):
        batch = [examples[i] for i in idx]
        neutral = [rng.random() < cfg.neutral_role_rate for _ in batch]
        no_headline = [rng.random() < cfg.headline_drop_rate for _ in batch]
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=use_bf16):
            loss, parts = compute_doc_loss(net, batch, "cpu", cfg.loss_weights, neutral, no_headline)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step(); sched.step()
        for k, v in parts.items():
            run[k] = run.get(k, v) * 0.95 + v * 0.05
        if b % 20 == 0 or b == len(batches):
            log(f"{label} step {b}/{len(batches)} " + " ".join(f"{k}={v:.3f}" for k, v in run.items()) + f" ({time.time() - t0:.0f}s)")


def train_documents(cfg: TrainConfig, out_dir: Path, data_dir: Path, *, resume: bool = True, log=print) -> Dict[str, Any]:
    """Train a document-level model; checkpoints every epoch (``out_dir/checkpoints/last``, resumed on rerun), the
    best epoch on the dev splits in ``out_dir/checkpoints/best``. Returns the training state with its history.

    Returns:
        The training state (a dict): ``history`` (one record per epoch), ``best`` (the best dev score), ``best_epoch``,
        ``selected`` (the epoch kept, as text) and ``epoch``."""
    import numpy as np
    import torch

    from ..miner import Miner
    from ..model.directory import save_dir
    from ..config import as_train_config
    from .loop import save_checkpoint, start_state, use_bf16

    cfg = as_train_config(cfg)
    out_dir = Path(out_dir)
    ck, best_dir = out_dir / "checkpoints" / "last", out_dir / "checkpoints" / "best"
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    random.seed(cfg.seed); np.random.seed(cfg.seed); torch.manual_seed(cfg.seed)
    net, tok, mcfg = document_network(cfg, log)
    examples, pool, dev_sets = load_examples(cfg, tok, data_dir, log)
    batch_pieces = cfg.batch_size * 160  # about batch_size AAEC paragraphs
    opt, sched = optimiser(net, cfg, len(doc_batches(examples, batch_pieces, random.Random(0), pool)))
    state = start_state(ck, net, opt, sched, cfg, resume, log)
    if state["epoch"] == 0 and cfg.init_from and dev_sets:  # the starting point, for reference
        net.eval()
        rec, _ = dev_scores(Miner(net, tok, mcfg, device="cpu"), dev_sets, log, "epoch 0")
        state["history"].append({"epoch": 0, "seconds": 0.0, **rec})
    bf16 = use_bf16(cfg)
    for epoch in range(state["epoch"] + 1, cfg.epochs + 1):
        rng = random.Random(cfg.seed * 1000 + epoch)
        torch.manual_seed(cfg.seed * 1000 + epoch)
        net.train()
        if cfg.freeze_encoder:
            net.encoder.eval()  # cached vectors: no encoder dropout
        t0 = time.time()
        run_epoch(net, examples, doc_batches(examples, batch_pieces, rng, pool), opt, sched, cfg, rng, bf16, log,
                  f"epoch {epoch}/{cfg.epochs}")
        net.eval()
        rec, score = dev_scores(Miner(net, tok, mcfg, device="cpu"), dev_sets, log, f"epoch {epoch}")
        rec.update(epoch=epoch, seconds=round(time.time() - t0, 1))
        state["history"].append(rec)
        if (score if dev_sets else float(epoch)) > state["best"]:
            state["best"], state["best_epoch"] = (score if dev_sets else float(epoch)), epoch
            save_dir(best_dir, net, tok, mcfg)
        state["epoch"] = epoch
        save_checkpoint(ck, net, opt, sched, state)
    net.__dict__.pop("word_cache", None)
    state.setdefault("selected", f"epoch {state['best_epoch']}")
    log(f"best dev score {state['best']:.4f}: {state['selected']}")
    return state
