"""Add an evidence-type head to a trained model without changing anything else it predicts.

The model's encoder, BiLSTM and unit projection stay frozen: the gold units of Webis-Editorials-16's training
editorials are encoded once, and only a linear classifier from unit vectors to the Webis evidence types
(``EVIDENCE_TYPES``) is fitted on them. Units, labels and relations of the model are exactly what they were, so its
AAEC scores do not move; every mined unit gains ``evidence_type`` and ``evidence_score``.
"""
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple


def unit_vectors_of(net, tokenizer, docs, max_length: int, noise_filter: bool, batch_size: int = 16):
    """``(vectors [N, unit_dim], labels [N])`` of the gold units of ``docs`` that carry a known evidence type."""
    import torch

    from ..model.network import encode_paragraphs
    from .examples import segment_examples

    exs = [x for d in docs for x in segment_examples(d, tokenizer, "webis", max_length, noise_filter)
           if any(e >= 0 for e in x.evidence)]
    exs.sort(key=lambda x: x.n_pieces)
    vecs, labels = [], []
    net.eval()
    with torch.inference_mode():
        for i in range(0, len(exs), batch_size):
            batch = exs[i:i + batch_size]
            ctx, _, _ = encode_paragraphs(net, [x.para.windows for x in batch], [len(x.para.words) for x in batch], "cpu")
            for k, x in enumerate(batch):
                u = net.unit_vectors(ctx[k, : len(x.tags)], x.spans)
                keep = [j for j, e in enumerate(x.evidence) if e >= 0]
                vecs.append(u[keep].float())
                labels += [x.evidence[j] for j in keep]
    if not vecs:
        raise ValueError("docs must hold units with a Webis evidence type (unit.extra['evidence_type']); got none")
    return torch.cat(vecs), torch.tensor(labels)


def fit_linear(x, y, n_classes: int, *, epochs: int = 200, lr: float = 0.01, weight_decay: float = 1e-4, seed: int = 13):
    """A softmax classifier fitted by full-batch AdamW on cross-entropy: ``torch.nn.Linear``."""
    import torch
    import torch.nn.functional as F

    torch.manual_seed(seed)
    lin = torch.nn.Linear(x.shape[1], n_classes)
    opt = torch.optim.AdamW(lin.parameters(), lr=lr, weight_decay=weight_decay)
    for _ in range(epochs):
        opt.zero_grad()
        F.cross_entropy(lin(x), y).backward()
        opt.step()
    return lin


def add_evidence_head(model_dir: Path, data_dir: Path, out_dir: Path, *, split: str = "train",
                      log: Callable[[str], None] = print) -> Dict[str, Any]:
    """Write ``out_dir``: the model of ``model_dir`` plus an evidence-type head fitted on Webis ``split``."""
    import shutil

    import torch

    from ..corpora import get_reader
    from ..model.directory import load_dir, save_dir
    from ..model.network import EVIDENCE_TYPES

    net, tok, cfg = load_dir(Path(model_dir))
    random.seed(13)
    docs = get_reader("webis")(data_dir, split)
    x, y = unit_vectors_of(net, tok, docs, int(cfg.get("max_length", 512)), bool(cfg.get("noise_filter", True)))
    log(f"webis {split}: {len(docs)} editorials, {len(y)} units with an evidence type")
    lin = fit_linear(x, y, len(EVIDENCE_TYPES))
    acc = float((lin(x).argmax(-1) == y).float().mean())
    log(f"training accuracy {acc * 100:.1f} (always 'assumption': {float((y == 0).float().mean()) * 100:.1f})")
    net.evidence = lin
    cfg = dict(cfg, evidence_types=list(EVIDENCE_TYPES))
    cfg["training"] = dict(cfg.get("training", {}), evidence_head={"corpus": "webis", "split": split, "units": len(y),
                                                                  "frozen": True})
    save_dir(Path(out_dir), net, tok, cfg)
    for extra in ("training_history.json",):
        if (Path(model_dir) / extra).exists():
            shutil.copyfile(Path(model_dir) / extra, Path(out_dir) / extra)
    return {"units": len(y), "train_accuracy": acc}
