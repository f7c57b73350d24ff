"""Training end to end on a tiny encoder and a few AAEC essays: writes a loadable model, checkpoints, resumes."""
from __future__ import annotations

import json

import pytest

import argmine


@pytest.fixture
def tiny_base(tmp_path, tokenizer):
    """A tiny local Hugging Face encoder directory: any local encoder must work as a base."""
    import torch
    from transformers import BertConfig, BertModel

    torch.manual_seed(0)
    enc = BertModel(BertConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=1,
                               num_attention_heads=2, intermediate_size=64, max_position_embeddings=512))
    d = tmp_path / "tiny-base"
    enc.save_pretrained(str(d))
    tokenizer.save_pretrained(str(d))
    return d


def test_train_writes_model_and_resumes(tmp_path, tiny_base, data_dir):
    from argmine.training.loop import load_config, train

    out = tmp_path / "run"
    logs = []
    cfg = load_config(None, base_encoder=str(tiny_base), epochs=1, max_docs=3, batch_size=4, lstm_hidden=16, unit_dim=32)
    state = train(cfg, out, data_dir, log=logs.append)
    assert state["epoch"] == 1 and len(state["history"]) == 1
    assert (out / "checkpoints" / "last" / "model.safetensors").exists()
    miner = argmine.load(out / "checkpoints" / "best")
    miner.mine("Cities should build bike lanes. They save lives.").validate()

    # a second call with more epochs continues from the checkpoint instead of starting again
    cfg2 = dict(cfg, epochs=2)
    logs.clear()
    state2 = train(cfg2, out, data_dir, log=logs.append)
    assert any(m.startswith("resumed after epoch 1") for m in logs)
    assert [r["epoch"] for r in state2["history"]] == [1, 2]
    assert json.loads((out / "checkpoints" / "last" / "state.json").read_text())["epoch"] == 2


def test_config_rejects_unknown_keys(tmp_path):
    from argmine.training.loop import load_config

    p = tmp_path / "bad.toml"
    p.write_text('epochs = 2\nlearning_rate = 1\n')
    with pytest.raises(ValueError, match="learning_rate"):
        load_config(p)
