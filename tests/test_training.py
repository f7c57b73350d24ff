"""Training end to end on a tiny encoder and a few AAEC essays: writes a loadable model, checkpoints, resumes."""
from __future__ import annotations

import dataclasses
import json

import pytest

import argmine
from argmine.config import TrainConfig


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


@pytest.mark.slow
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
    cfg2 = dataclasses.replace(cfg, epochs=2)
    logs.clear()
    state2 = train(cfg2, out, data_dir, log=logs.append)
    assert any(m.startswith("resumed after epoch 1") for m in logs)
    assert "resuming with config keys changed since the checkpoint: ['epochs']" in logs
    assert TrainConfig.from_dict(state2["config"]) == cfg2  # the checkpoint records the config (asdict)
    assert [r["epoch"] for r in state2["history"]] == [1, 2]
    assert json.loads((out / "checkpoints" / "last" / "state.json").read_text())["epoch"] == 2


def test_config_rejects_unknown_keys(tmp_path):
    from argmine.training.loop import load_config

    p = tmp_path / "bad.toml"
    p.write_text('epochs = 2\nlearning_rate = 1\n')
    with pytest.raises(ValueError, match="learning_rate"):
        load_config(p)


def test_average_weights_is_the_elementwise_mean(tmp_path):
    import torch
    from safetensors.torch import save_file

    from argmine.training.loop import average_weights, keep_epoch_weights

    for e, v in enumerate((1.0, 2.0, 6.0), 1):
        save_file({"w": torch.full((2,), v), "n": torch.tensor([e])}, str(tmp_path / f"w{e}.safetensors"))
    avg = average_weights([tmp_path / f"w{e}.safetensors" for e in (1, 2, 3)])
    assert avg["w"].tolist() == [3.0, 3.0] and avg["w"].dtype == torch.float32
    assert avg["n"].tolist() == [3]  # integer buffers: the last file's
    with pytest.raises(FileNotFoundError, match=r"^\[E003\] epoch weights to average must be at"):
        average_weights([tmp_path / "nope.safetensors"])
    keep = tmp_path / "epochs"
    for e in (1, 2, 3):
        keep_epoch_weights(keep, tmp_path / f"w{e}.safetensors", e, keep=2)
    assert sorted(p.name for p in keep.iterdir()) == ["e2.safetensors", "e3.safetensors"]


@pytest.mark.slow
def test_train_with_average_last_scores_the_average(tmp_path, tiny_base, data_dir):
    from argmine.training.loop import load_config, train

    cfg = load_config(None, base_encoder=str(tiny_base), epochs=2, max_docs=2, batch_size=4, lstm_hidden=16, unit_dim=32,
                      average_last=2)
    logs = []
    state = train(cfg, tmp_path / "run", data_dir, log=logs.append)
    assert state["average"]["epochs"] == [1, 2] and "dev_c_f1_100" in state["average"]
    assert state["selected"] in ("epoch 1", "epoch 2", "average of epochs 1-2")
    assert any(m.startswith("average of epochs 1-2 dev:") for m in logs)
    argmine.load(tmp_path / "run" / "checkpoints" / "best").mine("Bike lanes save lives. Cities should build them.").validate()
    # rerunning a finished run does not average again
    again = train(cfg, tmp_path / "run", data_dir, log=logs.append)
    assert again["average"] == state["average"]


@pytest.mark.parametrize("name", ["default.toml", "essays.toml", "essays-0.2.toml"])
def test_shipped_configs_load(name):
    from pathlib import Path

    from argmine.training.loop import aux_specs, load_config

    cfg = load_config(Path(__file__).resolve().parent.parent / "configs" / name)
    assert cfg.corpus == "aaec" and cfg.dev_split == "dev"
    for spec in aux_specs(cfg):
        assert spec.fraction > 0


@pytest.mark.slow
def test_without_dev_split_the_average_is_the_model(tmp_path, tiny_base, data_dir):
    from argmine.training.loop import load_config, train

    cfg = load_config(None, base_encoder=str(tiny_base), epochs=2, max_docs=2, batch_size=4, lstm_hidden=16, unit_dim=32,
                      average_last=2, dev_split="none")
    state = train(cfg, tmp_path / "run", data_dir, log=lambda m: None)
    assert state["selected"] == "average of epochs 1-2"
    assert "dev_c_f1_100" not in state["average"]


@pytest.mark.slow
@pytest.mark.parametrize("freeze", [False, True])
def test_document_level_training_from_a_model_directory(tmp_path, tiny_base, data_dir, freeze):
    """argmine 0.3's stage 2: start from a trained model's weights, train on several corpora at document level
    (optionally on a fixed encoder with cached word vectors), choose the epoch on every dev split, resume."""
    from argmine.training.loop import load_config, train

    base_cfg = load_config(None, base_encoder=str(tiny_base), epochs=1, max_docs=2, batch_size=4, lstm_hidden=16, unit_dim=32)
    train(base_cfg, tmp_path / "stage1", data_dir, log=lambda m: None)
    cfg = load_config(None, base_encoder=str(tiny_base), epochs=1, max_docs=2, batch_size=4, lstm_hidden=16, unit_dim=32,
                      document_level=True, init_from=str(tmp_path / "stage1" / "checkpoints" / "best"),
                      freeze_encoder=freeze, neutral_role_rate=0.5, decoding={"essay_max_paragraphs": 7},
                      headline=True, headline_drop_rate=0.5,
                      main_corpora=[{"corpus": "aaec", "split": "train", "dev_split": "dev"},
                                    {"corpus": "oped", "split": "train", "repeat": 2, "dev_split": "dev"},
                                    {"corpus": "oped", "split": "train_extra"},
                                    {"corpus": "microtexts", "split": "train", "dev_split": "dev"}])
    logs = []
    state = train(cfg, tmp_path / "run", data_dir, log=logs.append)
    assert any("initialised from" in m and "doc_pos" in m for m in logs)
    assert [r["epoch"] for r in state["history"]] == [0, 1]  # epoch 0: the starting point, for reference
    assert {"aaec_dev_c_f1_100", "oped_dev_c_f1_50", "microtexts_dev_r_f1_50"} <= set(state["history"][1])
    miner = argmine.load(tmp_path / "run" / "checkpoints" / "best")
    assert miner.config.document_level and miner.config.headline and miner.decode_options.essay_max_paragraphs == 7
    assert any("headline_proj" in m for m in logs if "initialised from" in m)  # a new input, zero at the start
    miner.mine("Cities should build bike lanes.\n\nThey save lives.\n\nSo build them.").validate()
    logs.clear()
    again = train(dataclasses.replace(cfg, epochs=2), tmp_path / "run", data_dir, log=logs.append)
    assert any(m.startswith("resumed after epoch 1") for m in logs) and again["epoch"] == 2


def test_the_python_api_writes_the_model_directory_the_cli_writes(tiny_model_dir, tmp_path, monkeypatch):
    """argmine.training.loop.train and ``argmine train`` end the same way: OUT/model is the best checkpoint with
    its training history and model card (the CLI assembles nothing itself)."""
    import shutil
    from pathlib import Path

    from typer.testing import CliRunner

    import argmine.training.loop as loop
    from argmine.cli import app

    state = json.loads((Path(__file__).resolve().parent.parent / "models" / "argmine-default" / "training_history.json").read_text(encoding="utf-8"))

    def fake_checkpoints(cfg, out_dir, data_dir, *, resume=True, log=print):
        shutil.copytree(tiny_model_dir, Path(out_dir) / "checkpoints" / "best", dirs_exist_ok=True)
        return state

    monkeypatch.setattr(loop, "train_checkpoints", fake_checkpoints)
    api, cli = tmp_path / "api", tmp_path / "cli"
    assert loop.train({}, api, tmp_path) == state
    res = CliRunner().invoke(app, ["train", "--out", str(cli), "--data-dir", str(tmp_path)])
    assert res.exit_code == 0, res.output
    files = sorted(p.name for p in (api / "model").iterdir())
    assert files == sorted(p.name for p in (cli / "model").iterdir())
    assert {"README.md", "training_history.json", "config.json"} <= set(files)
    for name in files:
        assert (api / "model" / name).read_bytes() == (cli / "model" / name).read_bytes(), name


def test_cross_validate_evidence_reports_logistic_regression_and_a_majority_baseline():
    import numpy as np

    from argmine.errors import ArgumentValueError
    from argmine.training.evidence import cross_validate_evidence

    rng = np.random.default_rng(0)
    y = np.array([0] * 40 + [1] * 20 + [3] * 10)
    x = rng.normal(size=(70, 5)) + np.eye(5)[y] * 4.0  # separable by the type's feature
    cv = cross_validate_evidence(x, y, folds=5)
    assert cv["folds"] == 5
    lr, base = cv["logistic_regression"], cv["majority"]
    assert base["accuracy"] == pytest.approx(40 / 70) == base["majority_baseline"]
    assert lr["accuracy"] > 0.9 and lr["macro_f1"] > 0.9
    assert lr["confusion_matrix"]["labels"] == ["anecdote", "assumption", "statistics"]
    assert sum(map(sum, lr["confusion_matrix"]["counts"])) == 70
    with pytest.raises(ArgumentValueError, match=r"^\[E107\] every evidence type must have at least 2"):
        cross_validate_evidence(x[:41], y[:41])
