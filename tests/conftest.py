"""Shared fixtures: a tiny random-weight model (no training, no download) and the data directory.

The tiny model has the real tokenizer of the base encoder but a 2-layer, 32-wide BERT with random weights,
so it mines quickly on the CPU; its outputs are meaningless but must always keep the contract.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _build_tiny_model(path: Path) -> Path:
    import torch
    from transformers import AutoTokenizer, BertConfig, BertModel

    from argmine.model.directory import build_network, save_dir
    from argmine.model.encoder import default_encoder_path
    from argmine.training.loop import load_config, model_config

    base = default_encoder_path()
    tok = AutoTokenizer.from_pretrained(str(base), local_files_only=True)
    enc_cfg = BertConfig(
        vocab_size=len(tok), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=512,
    )
    torch.manual_seed(0)
    encoder = BertModel(enc_cfg)
    cfg = model_config(load_config(), encoder)
    cfg["name"] = "tiny-test"
    assert cfg["encoder_config"]["model_type"] == "bert"
    torch.manual_seed(0)
    net = build_network(cfg)
    net.eval()
    save_dir(path, net, tok, cfg)
    return path


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    """A saved model directory holding a tiny random-weight ArgmineNet (named ``tiny-test``)."""
    return _build_tiny_model(tmp_path_factory.mktemp("models") / "tiny")


@pytest.fixture(scope="session")
def tiny_miner(tiny_model_dir):
    import argmine

    return argmine.load(tiny_model_dir, device="cpu")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The folder holding the corpora: ARGMINE_DATA, else ``<repo>/../shared/data``; skips when absent."""
    env = os.environ.get("ARGMINE_DATA", "").strip()
    path = Path(env).expanduser() if env else (REPO.parent / "shared" / "data")
    path = path.resolve()
    if not path.is_dir():
        pytest.skip(f"corpus data directory not found at {path} (set ARGMINE_DATA)")
    return path
