"""Add an evidence-type head to a trained model without changing anything else it predicts.

The model's encoder, BiLSTM and unit projection stay frozen: the gold units of Webis-Editorials-16's training
editorials are encoded once, and only a small MLP from each unit's features (its unit vector and the mean, first and
last BiLSTM states of its span; ``ArgmineNet.evidence_features``) to the Webis evidence types (``EVIDENCE_TYPES``)
is fitted on them. The design (span features, an MLP, 10 epochs) was chosen on 30 training editorials held out
(74.6% accuracy there against 63.8% for the majority type and 67.7% for a linear layer on unit vectors alone). Units, labels and relations of the model are exactly what they were, so its
AAEC scores do not move; every mined unit gains ``evidence_type`` and ``evidence_score``.

scikit-learn checks the head's features: ``cross_validate_evidence`` cross-validates a logistic regression on them
(stratified folds) beside a ``DummyClassifier`` baseline (always the most frequent type) and reports their
evidence metrics and confusion matrices (``argmine.metrics.evidence_accuracy``, from ``sklearn.metrics``);
``argmine add-evidence --cv-folds 5`` logs it and ``add_evidence_head(cv_folds=5)`` returns it. The head itself is
still the MLP fitted by ``fit_head``: the shipped model's head predates the scikit-learn check and its weights stay
as they were.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Dict
from ..errors import ArgumentValueError


def unit_vectors_of(net, tokenizer, docs, max_length: int, noise_filter: bool, batch_size: int = 16):
    """``(features [N, F], labels [N])`` of the gold units of ``docs`` that carry a known evidence type.

    Returns:
        ``(features, labels)``: a float tensor ``[N, F]`` and a long tensor ``[N]`` of indices into ``EVIDENCE_TYPES``.

    Raises:
        ArgumentValueError: no unit of ``docs`` has a Webis evidence type (E107)."""
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
                c = ctx[k, : len(x.tags)]
                f = net.evidence_features(c, x.spans, net.unit_vectors(c, x.spans))
                keep = [j for j, e in enumerate(x.evidence) if e >= 0]
                vecs.append(f[keep].float())
                labels += [x.evidence[j] for j in keep]
    if not vecs:
        raise ArgumentValueError("docs must hold units with a Webis evidence type (unit.extra['evidence_type']); got "
                                 "none. Pass Webis-Editorials-16 documents (argmine.corpora.get_reader('webis')).")
    return torch.cat(vecs), torch.tensor(labels)


def fit_head(head, x, y, *, epochs: int = 10, lr: float = 3e-3, weight_decay: float = 1e-2, batch_size: int = 256,
             seed: int = 13):
    """Fit ``head`` (its first layer a ``Linear``) on standardised features by AdamW on cross-entropy, then fold the
    standardisation into that first layer so the head takes raw features.

    Returns:
        ``head`` itself, fitted, in eval mode."""
    import torch
    import torch.nn.functional as F

    torch.manual_seed(seed)
    mu, sd = x.mean(0), x.std(0) + 1e-5
    z = (x - mu) / sd
    opt = torch.optim.AdamW(head.parameters(), lr=lr, weight_decay=weight_decay)
    head.train()
    for _ in range(epochs):
        perm = torch.randperm(len(y))
        for i in range(0, len(y), batch_size):
            idx = perm[i:i + batch_size]
            opt.zero_grad()
            F.cross_entropy(head(z[idx]), y[idx]).backward()
            opt.step()
    head.eval()
    first = head[0]
    with torch.no_grad():  # W (x - mu) / sd + b  ==  (W / sd) x + (b - W mu / sd)
        first.bias -= first.weight @ (mu / sd)
        first.weight /= sd
    return head


def cross_validate_evidence(x, y, *, folds: int = 5, seed: int = 13, names=None) -> Dict[str, Any]:
    """Cross-validated evidence-type scores of scikit-learn classifiers on frozen unit features.

    Args:
        x: features, shape [N, F] (a tensor or array; ``unit_vectors_of``'s first result).
        y: evidence-type indices into ``names``, shape [N].
        folds: stratified folds (shuffled with ``seed``); fewer when the rarest type has fewer units.
        names: the type names (default ``EVIDENCE_TYPES``).

    Returns:
        ``{"folds", "logistic_regression", "majority"}``: for a standardised ``LogisticRegression`` and for
        ``DummyClassifier(strategy="most_frequent")``, ``argmine.metrics.evidence_accuracy`` of their out-of-fold
        predictions (accuracy, macro F1, per type, confusion matrix).

    Raises:
        ArgumentValueError: fewer than 2 units of some type, or not one label per row (E107).
    """
    import numpy as np
    from sklearn.dummy import DummyClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from ..config import EVIDENCE_TYPES
    from ..metrics import evidence_accuracy

    names = list(names or EVIDENCE_TYPES)
    X, Y = np.asarray(x, dtype=np.float64), np.asarray(y)
    if len(X) != len(Y):
        raise ArgumentValueError(f"x and y must have one row per unit; got {len(X)} and {len(Y)}. Pass the features "
                                 "and labels that unit_vectors_of gives together.")
    counts = np.bincount(Y) if len(Y) else np.zeros(1, dtype=int)
    smallest = int(counts[counts > 0].min()) if counts.any() else 0
    k = min(folds, smallest)
    if k < 2:
        raise ArgumentValueError(f"every evidence type must have at least 2 units to cross-validate; got {smallest}. "
                                 "Pass more documents.")
    cv = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    out: Dict[str, Any] = {"folds": k}
    for key, est in (("logistic_regression", make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))),
                     ("majority", DummyClassifier(strategy="most_frequent"))):
        pred = cross_val_predict(est, X, Y, cv=cv)
        out[key] = evidence_accuracy([(names[g], names[p]) for g, p in zip(Y, pred)])
    return out


def add_evidence_head(model_dir: Path, data_dir: Path, out_dir: Path, *, split: str = "train",
                      log: Callable[[str], None] = print, cv_folds: int = 0) -> Dict[str, Any]:
    """Write ``out_dir``: the model of ``model_dir`` plus an evidence-type head fitted on Webis ``split``, with its
    model card (``README.md``), as ``argmine add-evidence`` does.

    Returns ``{"units", "train_accuracy"}``, and ``"cross_validation"`` (``cross_validate_evidence`` with
    ``cv_folds`` folds) when ``cv_folds`` > 0. Raises ``ModelNotFoundError``/``ModelFormatError`` for an unreadable
    model directory and ``DataNotFoundError`` when Webis-Editorials-16 is not in ``data_dir``.

    Returns:
        A dict: ``units`` (the number fitted on), ``train_accuracy`` (a fraction) and, with ``cv_folds``,
        ``cross_validation``.
    """
    import dataclasses
    import shutil

    import torch

    from ..corpora import get_reader
    from ..model.directory import load_dir, save_dir
    from ..config import EVIDENCE_TYPES
    from ..model.network import evidence_head

    net, tok, cfg = load_dir(Path(model_dir))
    docs = get_reader("webis")(data_dir, split)
    net.evidence_input = "span"
    x, y = unit_vectors_of(net, tok, docs, cfg.max_length, cfg.noise_filter)
    log(f"webis {split}: {len(docs)} editorials, {len(y)} units with an evidence type")
    head = fit_head(evidence_head("span", net.typer.in_features, net.tagger.in_features), x, y)
    with torch.no_grad():
        acc = float((head(x).argmax(-1) == y).float().mean())
    log(f"training accuracy {acc * 100:.1f} (always 'assumption': {float((y == 0).float().mean()) * 100:.1f})")
    cv = None
    if cv_folds:
        cv = cross_validate_evidence(x, y, folds=cv_folds)
        lr, base = cv["logistic_regression"], cv["majority"]
        log(f"{cv['folds']}-fold cross-validation on frozen features: logistic regression accuracy "
            f"{lr['accuracy'] * 100:.1f}, macro F1 {lr['macro_f1'] * 100:.1f}; majority baseline "
            f"{base['accuracy'] * 100:.1f}")
    net.evidence = head
    cfg = dataclasses.replace(cfg, evidence_types=EVIDENCE_TYPES, evidence_input="span",
                              training=dict(cfg.training, evidence_head={"corpus": "webis", "split": split,
                                                                         "units": len(y), "frozen": True}))
    save_dir(Path(out_dir), net, tok, cfg)
    for extra in ("training_history.json",):
        if (Path(model_dir) / extra).exists():
            shutil.copyfile(Path(model_dir) / extra, Path(out_dir) / extra)
    from .cardgen import render_card

    (Path(out_dir) / "README.md").write_text(render_card(Path(out_dir)), encoding="utf-8")
    return {"units": len(y), "train_accuracy": acc, **({"cross_validation": cv} if cv is not None else {})}
