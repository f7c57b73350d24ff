"""The training loop: multi-task loss, dev selection, checkpoints every epoch, resume after interruption."""
from __future__ import annotations

import json
import math
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Union

from ..config import (LOSS_PARTS, AuxCorpus, LossWeights, ModelConfig, TrainConfig, as_train_config,  # noqa: F401
                      load_config)  # (load_config, LOSS_PARTS, TrainConfig: re-exported from argmine.config)
from ..errors import ConfigError, DataNotFoundError


def weighted_total(parts: Dict[str, Any], weights: Union[LossWeights, Mapping[str, float]]):
    """The loss: each part times its weight in ``weights`` (a ``LossWeights``, or a dict whose missing parts weigh 1).

    Returns:
        A scalar tensor."""
    if isinstance(weights, LossWeights):
        return sum(getattr(weights, k) * v for k, v in parts.items())
    return sum(weights.get(k, 1.0) * v for k, v in parts.items())


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
    wordpieces, so extra corpora add a bounded share of training time however large they are.

    Returns:
        A list of indices into ``examples``."""
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


def compute_loss(net, batch, device, weights: Union[LossWeights, Mapping[str, float]]):
    """The multi-task loss of a batch of examples: ``(total, parts)``.

    The parts (``LOSS_PARTS``) are the tagger's CRF negative log-likelihood (or cross-entropy without a CRF; Huang et
    al. 2015, Lample et al. 2016), the component classifier's and stance cross-entropies over span representations
    (mean, first and last BiLSTM state: Lee et al. 2017; for argument mining: Kuribayashi et al. 2019), and the pointer-style link and relation-label cross-entropies (Potash
    et al. 2017); auxiliary-corpus batches train the segmenter only. ``total`` is a 0-d tensor (``weights`` times the
    parts) to call ``backward()`` on; ``parts`` maps each part to a float.

    Returns:
        ``(total, parts)``: a scalar tensor and a dict from part name to its scalar tensor (unweighted)."""
    import torch
    import torch.nn.functional as F

    from ..model.network import encode_paragraphs

    ctx, logits, lengths = encode_paragraphs(net, [ex.para.windows for ex in batch], [len(ex.para.words) for ex in batch], device)
    if batch[0].source != "main":
        parts = _aux_loss(net, batch, ctx, device)
        return weighted_total(parts, weights), {k: float(v.detach()) for k, v in parts.items()}
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
    return weighted_total(parts, weights), {k: float(v.detach()) for k, v in parts.items()}


def compute_doc_loss(net, batch, device, weights: Union[LossWeights, Mapping[str, float]], neutral: Optional[List[bool]] = None,
                     no_headline: Optional[List[bool]] = None):
    """Loss of a batch of document-level examples (``DocExample``): word tags (CRF or cross-entropy) per paragraph,
    then unit types, claim stances, premise links over the whole document and link labels. ``neutral[k]``: use
    document ``k``'s neutral-marker paragraphs; ``no_headline[k]``: leave its headline out (a model with a headline
    input). Returns ``(total, {part: value})``; parts are per unit.

    Returns:
        ``(total, parts)``: a scalar tensor and a dict from part name to its scalar tensor (unweighted)."""
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
    return weighted_total(parts, weights), {k: float(v.detach()) for k, v in parts.items()}


def aux_specs(cfg: TrainConfig) -> List[AuxCorpus]:
    """The ``aux_corpora`` of a config with their corpus names resolved (folder names and aliases become
    ``argmine.corpora`` names); an unknown corpus, or the main corpus, raises ``ValueError``.

    Returns:
        A list of ``AuxCorpus`` (``corpus``, ``split``, ``fraction``, ``dev_split``), corpus names canonical.

    Raises:
        ConfigError: an auxiliary corpus that argmine does not read, or the main corpus again (E008)."""
    import dataclasses

    from ..corpora import ALIASES, CORPORA

    cfg = as_train_config(cfg)
    out = []
    for spec in cfg.aux_corpora:
        name = ALIASES.get(spec.corpus, spec.corpus)
        if name not in CORPORA or name == cfg.corpus:
            raise ConfigError(f"aux_corpora corpus must be one of {CORPORA} other than the main corpus; got {spec.corpus!r}. "
                              "Set corpus in that [[aux_corpora]] table to another of those names.")
        out.append(dataclasses.replace(spec, corpus=name))
    return out


def model_config(cfg: TrainConfig, encoder) -> ModelConfig:
    """The ``ModelConfig`` (config.json) of the model a training run with ``cfg`` writes, on ``encoder``.

    Returns:
        The ``ModelConfig``."""
    from dataclasses import asdict

    from .. import __version__
    from ..config import EVIDENCE_TYPES, REL_LABELS, STANCES, TAGS, UNIT_LABELS
    from ..model.directory import FORMAT_VERSION, encoder_config_dict

    cfg = as_train_config(cfg)
    aux = aux_specs(cfg)
    training = {"corpus": cfg.corpus, "train_split": cfg.train_split, "dev_split": cfg.dev_split, "seed": cfg.seed,
                "epochs": cfg.epochs, "batch_size": cfg.batch_size, "lr_encoder": cfg.lr_encoder, "lr_heads": cfg.lr_heads,
                "aux_corpora": [asdict(a) for a in aux], "main_corpora": [asdict(m) for m in cfg.main_corpora],
                "init_from": cfg.init_from, "neutral_role_rate": cfg.neutral_role_rate,
                "freeze_encoder": cfg.freeze_encoder}
    return ModelConfig(
        format_version=FORMAT_VERSION, name=cfg.name, version=cfg.version, argmine_version=__version__,
        base_encoder=cfg.base_encoder, tags=TAGS, unit_labels=UNIT_LABELS, relation_labels=REL_LABELS, stances=STANCES,
        max_length=cfg.max_length, lstm_hidden=cfg.lstm_hidden, unit_dim=cfg.unit_dim, dropout=cfg.dropout,
        typer_weight=cfg.typer_weight, crf=cfg.crf, link_prior_weight=cfg.link_prior_weight,
        extra_claim_min=cfg.extra_claim_min, noise_filter=cfg.noise_filter, document_level=cfg.document_level,
        headline=cfg.headline, decoding=dict(cfg.decoding), encoder_config=encoder_config_dict(encoder),
        aux_segmenters=tuple(a.corpus for a in aux),
        evidence_types=EVIDENCE_TYPES if any(a.corpus == "webis" for a in aux) else (), training=training)


@dataclass
class ParagraphData:
    """The examples of a paragraph-level run: the main corpus' (the first ``n_main``, ``main_pieces`` wordpieces)
    then the auxiliary corpora's (``fractions``: corpus -> share per epoch); the gold dev documents."""

    examples: list
    n_main: int
    main_pieces: int
    fractions: Dict[str, float]
    dev_docs: list
    aux_dev: Dict[str, list]
    use_dev: bool


def paragraph_data(cfg: TrainConfig, tok, data_dir: Path, log) -> ParagraphData:
    """Read the main corpus' and the auxiliary corpora's splits and turn them into paragraph examples.

    Returns:
        A ``ParagraphData``: the main corpus' examples, then the auxiliary corpora's, and the gold dev documents."""
    from ..corpora import get_reader
    from .examples import document_examples, segment_examples

    reader = get_reader(cfg.corpus)
    limit = cfg.max_docs or None
    train_docs = reader(data_dir, cfg.train_split)[:limit]
    use_dev = cfg.dev_split not in ("", "none")
    dev_docs = reader(data_dir, cfg.dev_split)[:limit] if use_dev else []
    examples = [ex for d in train_docs for ex in document_examples(d, tok, cfg.max_length, cfg.noise_filter)]
    main_pieces = sum(e.n_pieces for e in examples)
    log(f"train: {len(train_docs)} docs, {len(examples)} paragraphs, {main_pieces} wordpieces; dev: {len(dev_docs)} docs")
    data = ParagraphData(examples, len(examples), main_pieces, {}, dev_docs, {}, use_dev)
    for a in aux_specs(cfg):
        docs = get_reader(a.corpus)(data_dir, a.split)[:limit]
        ex = [x for d in docs for x in segment_examples(d, tok, a.corpus, cfg.max_length, cfg.noise_filter)]
        examples += ex
        data.fractions[a.corpus] = a.fraction
        log(f"aux {a.corpus} {a.split}: {len(docs)} docs, {len(ex)} paragraphs, {sum(e.n_pieces for e in ex)} wordpieces "
            f"(about {a.fraction:g} x main per epoch)")
        if a.dev_split:
            data.aux_dev[a.corpus] = get_reader(a.corpus)(data_dir, a.dev_split)[:limit]
    return data


def paragraph_optimiser(net, cfg: TrainConfig, data: ParagraphData):
    """AdamW (encoder and head learning rates) with linear warm-up and decay over the run's steps.

    Returns:
        ``(optimiser, scheduler)``: a ``torch.optim.AdamW`` and its learning-rate schedule (stepped once per batch)."""
    import torch

    enc_params = [p for n, p in net.named_parameters() if n.startswith("encoder.")]
    head_params = [p for n, p in net.named_parameters() if not n.startswith("encoder.")]
    opt = torch.optim.AdamW([{"params": enc_params, "lr": cfg.lr_encoder}, {"params": head_params, "lr": cfg.lr_heads}],
                            weight_decay=cfg.weight_decay)
    n_aux = len(aux_sample(data.examples, data.main_pieces, data.fractions, random.Random(0)))
    steps_per_epoch = (math.ceil(data.n_main / cfg.batch_size) + math.ceil(n_aux / cfg.batch_size)
                       + len(data.fractions))
    total = steps_per_epoch * cfg.epochs
    warm = max(1, int(total * cfg.warmup))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    return opt, sched


def train_paragraph_epoch(net, data: ParagraphData, opt, sched, cfg: TrainConfig, epoch: int, use_bf16: bool, log) -> None:
    """One epoch: the main corpus' paragraphs and this epoch's sample of the auxiliary corpora, in random batches."""
    import torch

    rng = random.Random(cfg.seed * 1000 + epoch)
    torch.manual_seed(cfg.seed * 1000 + epoch)
    net.train()
    t0 = time.time()
    pool = list(range(data.n_main)) + aux_sample(data.examples, data.main_pieces, data.fractions, rng)
    batches = _batches(data.examples, cfg.batch_size, rng, pool)
    run: Dict[str, float] = {}
    for b, idx in enumerate(batches, 1):
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=use_bf16):
            loss, parts = compute_loss(net, [data.examples[i] for i in idx], "cpu", cfg.loss_weights)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step(); sched.step()
        for k, v in parts.items():
            run[k] = run.get(k, 0.0) * 0.95 + v * 0.05 if k in run else v
        if b % 20 == 0 or b == len(batches):
            msg = " ".join(f"{k}={v:.3f}" for k, v in run.items())
            log(f"epoch {epoch}/{cfg.epochs} step {b}/{len(batches)} {msg} ({time.time() - t0:.0f}s)")
    net.eval()


def use_bf16(cfg: TrainConfig) -> bool:
    """Whether training runs under bfloat16 autocast: ``cfg.bf16`` True, or "auto" on a CPU with bf16 support.

    Returns:
        True or False."""
    from ..precision import cpu_has_fast_bf16

    return cfg.bf16 is True or (cfg.bf16 == "auto" and cpu_has_fast_bf16())


def save_checkpoint(ck: Path, net, opt, sched, state: Dict[str, Any], epochs_dir: Optional[Path] = None,
                    keep: int = 0) -> None:
    """Weights, optimiser and schedule, and the training state after an epoch, in folder ``ck`` (``state.json``
    last, so an interrupted save redoes the epoch); with ``keep``, the epoch's weights also go to ``epochs_dir``."""
    import torch
    from safetensors.torch import save_file

    ck.mkdir(parents=True, exist_ok=True)
    save_file({k: v.detach().contiguous() for k, v in net.state_dict().items()}, str(ck / "model.safetensors"))
    if keep and epochs_dir is not None:
        keep_epoch_weights(epochs_dir, ck / "model.safetensors", state["epoch"], keep)
    torch.save({"opt": opt.state_dict(), "sched": sched.state_dict()}, ck / "optimizer.pt")
    (ck / "state.json").write_text(json.dumps(state, indent=1))


def start_state(ck: Path, net, opt, sched, cfg: TrainConfig, resume: bool, log) -> Dict[str, Any]:
    """The training state: resumed from checkpoint folder ``ck`` (with ``resume``), else a fresh one; either way it
    records ``cfg`` (``state["config"]``, ``TrainConfig.to_dict()``), and a resumed run logs the keys that changed.

    Returns:
        The state dict: ``epoch`` (the last one done; 0 when fresh), ``best``, ``best_epoch``, ``history`` and
        ``config``."""
    state = resume_state(ck, net, opt, sched, log) if resume else None
    if state and "config" in state:
        now = cfg.to_dict()
        changed = sorted(k for k in set(now) | set(state["config"]) if now.get(k) != state["config"].get(k))
        if changed:
            log(f"resuming with config keys changed since the checkpoint: {changed}")
    state = state or {"epoch": 0, "best": -1.0, "best_epoch": 0, "history": []}
    state["config"] = cfg.to_dict()
    return state


def train(cfg: Union[TrainConfig, Mapping[str, Any]], out_dir: Path, data_dir: Path, *, resume: bool = True,
          log=print) -> Dict[str, Any]:
    """Train a model and write its final directory to ``out_dir/model``, as ``argmine train`` does.

    Checkpoints go to ``out_dir/checkpoints/last`` after every epoch (with ``resume`` a rerun continues from
    there); the best epoch on the dev split is ``out_dir/checkpoints/best``, copied to ``out_dir/model`` with its
    training history (``training_history.json``) and model card (``README.md``) by ``write_final_model``.

    Args:
        cfg: a ``TrainConfig`` or a table of its fields (``configs/default.toml``).
        out_dir: the run folder.
        data_dir: the folder that holds the corpora.
        resume: continue from ``out_dir/checkpoints/last`` when it exists.
        log: called with one line of progress at a time.

    Returns:
        The training history (a dict; ``selected`` names the epoch kept).

    Raises:
        ConfigError: a config value argmine cannot train with (E008).
        DataNotFoundError: a corpus missing from ``data_dir`` (E003).
    """
    state = train_checkpoints(cfg, out_dir, data_dir, resume=resume, log=log)
    write_final_model(out_dir, state)
    return state


def write_final_model(out_dir: Path, state: Dict[str, Any]) -> Path:
    """Copy the best checkpoint of the run folder ``out_dir`` to ``out_dir/model`` (replacing one there) with the
    training history ``state`` and a model card; returns that directory.

    Returns:
        The ``Path`` ``out_dir/model``."""
    import shutil

    from .cardgen import render_card

    out_dir = Path(out_dir)
    final = out_dir / "model"
    if final.exists():
        shutil.rmtree(final)
    shutil.copytree(out_dir / "checkpoints" / "best", final)
    (final / "training_history.json").write_text(json.dumps(state, indent=1) + "\n")
    (final / "README.md").write_text(render_card(final), encoding="utf-8")
    return final


def train_checkpoints(cfg: Union[TrainConfig, Mapping[str, Any]], out_dir: Path, data_dir: Path, *,
                      resume: bool = True, log=print) -> Dict[str, Any]:
    """Train and keep the best epoch on the dev split in ``out_dir/checkpoints/best`` (``train`` without the final
    model directory). Returns the training history.

    Returns:
        The training state (a dict): ``history`` (one record per epoch), ``best``, ``best_epoch`` and ``selected`` (the
        epoch kept, as text)."""
    import numpy as np
    import torch

    from ..miner import Miner
    from ..model.directory import save_dir
    from ..model.encoder import load_pretrained_encoder, resolve_encoder
    from ..model.network import ArgmineNet

    cfg = as_train_config(cfg)
    if cfg.document_level:
        from .documents import train_documents

        return train_documents(cfg, out_dir, data_dir, resume=resume, log=log)
    out_dir = Path(out_dir)
    ck, best_dir = out_dir / "checkpoints" / "last", out_dir / "checkpoints" / "best"
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    random.seed(cfg.seed); np.random.seed(cfg.seed); torch.manual_seed(cfg.seed)
    enc, tok = load_pretrained_encoder(resolve_encoder(cfg.base_encoder))
    mcfg = model_config(cfg, enc)
    net = ArgmineNet(enc, hidden=cfg.lstm_hidden, unit_dim=cfg.unit_dim, dropout=cfg.dropout, crf=cfg.crf,
                     aux_segmenters=mcfg.aux_segmenters, evidence=bool(mcfg.evidence_types))
    data = paragraph_data(cfg, tok, data_dir, log)
    opt, sched = paragraph_optimiser(net, cfg, data)
    state = start_state(ck, net, opt, sched, cfg, resume, log)
    bf16 = use_bf16(cfg)
    for epoch in range(state["epoch"] + 1, cfg.epochs + 1):
        t0 = time.time()
        train_paragraph_epoch(net, data, opt, sched, cfg, epoch, bf16, log)
        rec = {"epoch": epoch, "seconds": round(time.time() - t0, 1)}
        scores_rec, dev_score = dev_record(Miner(net, tok, mcfg, device="cpu"), data.dev_docs, data.aux_dev,
                                           f"epoch {epoch}", log)
        rec.update(scores_rec)
        if not data.use_dev:
            dev_score = float(epoch)  # no dev split: the last epoch is the model
        state["history"].append(rec)
        if dev_score > state["best"]:
            state["best"], state["best_epoch"] = dev_score, epoch
            save_dir(best_dir, net, tok, mcfg)
        state["epoch"] = epoch
        save_checkpoint(ck, net, opt, sched, state, out_dir / "checkpoints" / "epochs", cfg.average_last)
    if cfg.average_last and state["epoch"] == cfg.epochs and "average" not in state:
        average_last_epochs(net, tok, mcfg, cfg, data, state, out_dir, log)
        (ck / "state.json").write_text(json.dumps(state, indent=1))
    state.setdefault("selected", f"epoch {state['best_epoch']}")
    log(f"best dev score {state['best']:.4f}: {state['selected']}")
    return state


def average_last_epochs(net, tok, mcfg: ModelConfig, cfg: TrainConfig, data: ParagraphData, state: Dict[str, Any],
                        out_dir: Path, log) -> None:
    """Average the weights of the last ``cfg.average_last`` epochs into ``net``, score it on dev (``state["average"]``)
    and make it the model when it beats the best epoch (or always without a dev split)."""
    from ..miner import Miner
    from ..model.directory import save_dir

    ep_dir = out_dir / "checkpoints" / "epochs"
    first = max(1, cfg.epochs - cfg.average_last + 1)
    files = [ep_dir / f"e{e}.safetensors" for e in range(first, cfg.epochs + 1)]
    net.load_state_dict(average_weights(files))
    net.eval()
    label = f"average of epochs {first}-{cfg.epochs}"
    rec, score = dev_record(Miner(net, tok, mcfg, device="cpu"), data.dev_docs, data.aux_dev, label, log)
    state["average"] = {"epochs": [first, cfg.epochs], **rec}
    if not data.use_dev or score > state["best"]:  # without a dev split the recipe (chosen on a dev run) decides
        state["best"], state["selected"] = (score if data.use_dev else state["best"]), label
        save_dir(out_dir / "checkpoints" / "best", net, tok, mcfg)


def resume_state(ck: Path, net, opt, sched, log) -> Optional[Dict[str, Any]]:
    """The training state saved in checkpoint folder ``ck`` after an epoch, with the network, optimiser and
    schedule restored from it; None when there is no checkpoint.

    Returns:
        The state dict (as :func:`start_state` describes), or None."""
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

    Returns:
        ``(record, dev_score)``: a dict of the logged scores (F1 fractions) and a float in [0, 1].
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
    """The element-wise mean of several state dicts (floating tensors; others are taken from the last file).

    Returns:
        A state dict: parameter name to tensor (floating ones averaged).

    Raises:
        DataNotFoundError: a checkpoint of an epoch to average is missing (E003)."""
    from safetensors.torch import load_file

    missing = [str(f) for f in files if not Path(f).exists()]
    if missing:
        raise DataNotFoundError(missing[0], "epoch weights to average",
                                f"Missing: {missing}. Average only epochs whose checkpoints were saved.")
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
