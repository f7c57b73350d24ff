"""Limits and safe loading (issue 7): the maximum text size, and model directories that cannot run code.

``Miner.max_chars`` (``argmine.load(..., max_chars=N)``) bounds mine/mine_batch; ``argmine batch`` sends longer
records to ERRORS with the same limit. Model weights load from safetensors only: pickle-based files are refused
and never unpickled, a config.json that does not describe the weights is refused before anything is allocated,
no code from a model directory runs, and nothing touches the network.
"""
from __future__ import annotations

import ast
import copy
import inspect
import json
import pickle
import shutil
import socket
from pathlib import Path

import pytest
import typer

import argmine
from argmine import batch as batch_mod
from argmine import miner as miner_mod
from argmine.batch import run_batch
from argmine.cli import app
from argmine.errors import ModelFormatError
from argmine.model.directory import load_dir

PACKAGE = Path(argmine.__file__).resolve().parent
TEXT = "Cities should build protected lanes because paint does not stop cars."


def limited(miner, n):
    m = copy.copy(miner)  # same network, its own limit
    m.max_chars = n
    return m


# -- maximum text size ---------------------------------------------------------------------------------------------

def test_the_default_limit_is_one_million_characters_everywhere(tiny_miner):
    assert tiny_miner.max_chars == 1_000_000
    assert miner_mod.DEFAULT_MAX_CHARS == batch_mod.DEFAULT_MAX_CHARS == 1_000_000
    for fn in (argmine.load, miner_mod.load, miner_mod.Miner.__init__):
        assert inspect.signature(fn).parameters["max_chars"].default == 1_000_000, fn
    cmd = typer.main.get_command(app).commands["batch"]
    assert {p.name: p.default for p in cmd.params}["max_chars"] == 1_000_000


def test_load_keeps_its_old_call_forms(tiny_model_dir):
    sig = inspect.signature(argmine.load)
    assert list(sig.parameters)[:2] == ["model", "device"] and sig.parameters["model"].default is None
    assert sig.parameters["device"].kind is inspect.Parameter.KEYWORD_ONLY
    assert sig.parameters["max_chars"].kind is inspect.Parameter.KEYWORD_ONLY
    m = argmine.load(str(tiny_model_dir), device="cpu", max_chars=80)
    assert m.max_chars == 80


def test_mine_over_the_limit_is_a_value_error_that_says_so(tiny_miner):
    m = limited(tiny_miner, 50)
    m.mine("x" * 50)  # at the limit: fine
    with pytest.raises(ValueError, match=r"^\[E107\] text must be at most 50 characters; got 51\b") as e:
        m.mine("x" * 51)
    assert "max_chars" in str(e.value)


@pytest.mark.slow  # texts of a million characters
def test_mine_batch_over_the_limit(tiny_miner):
    m = limited(tiny_miner, 100)
    with pytest.raises(ValueError, match="at most 100 characters; got 101"):
        next(m.mine_batch(iter([TEXT, "y" * 101, TEXT])))  # refused before the block is mined
    # a long text after the first block: the documents before it come out, then the error
    texts = [TEXT] * 40 + ["z" * 500]
    out = []
    with pytest.raises(ValueError, match="got 500"):
        for d in m.mine_batch(texts, batch_size=8):
            out.append(d)
    assert len(out) >= 32 and all(d.text == TEXT for d in out)


def test_no_limit(tiny_miner):
    m = limited(tiny_miner, None)
    assert m.mine(TEXT * 3).text == TEXT * 3


@pytest.mark.parametrize("bad, exc", [(0, ValueError), (-5, ValueError), ("100", TypeError), (1.5, TypeError),
                                      (True, TypeError)])
def test_a_bad_limit_is_refused(tiny_miner, bad, exc):
    with pytest.raises(exc, match="max_chars"):
        miner_mod.Miner(tiny_miner.net, tiny_miner.tokenizer, tiny_miner.config, device="cpu", max_chars=bad)


def _jsonl(path, texts):
    path.write_text("".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")


def _read(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_run_batch_uses_the_miners_limit_by_default(tmp_path, tiny_miner):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _jsonl(src, ["a" * 40, "b" * 41, TEXT[:30]])
    s = run_batch(src, out, limited(tiny_miner, 40), progress=False)
    assert (s.mined, s.errors) == (2, 1)
    (err,) = _read(tmp_path / "out.jsonl.errors.jsonl")
    assert err["id"] == "r1" and "41 characters" in err["error"] and "--max-chars 40" in err["error"]


def test_run_batch_max_chars_rules_the_run(tmp_path, tiny_miner):
    m = limited(tiny_miner, 40)
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _jsonl(src, [TEXT[:60], TEXT * 2])  # 60 and 140 characters
    s = run_batch(src, out, m, max_chars=100, progress=False)
    assert (s.mined, s.errors) == (1, 1)  # the 60-character text is mined though the miner alone takes 40
    assert [d["id"] for d in _read(out)] == ["r0"]
    assert "--max-chars 100" in _read(tmp_path / "out.jsonl.errors.jsonl")[0]["error"]
    assert m.max_chars == 40  # the caller's miner is left as it was


def test_run_batch_with_a_stricter_limit_than_the_miner(tmp_path, tiny_miner):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _jsonl(src, ["a" * 10, "b" * 11])
    s = run_batch(src, out, tiny_miner, max_chars=10, progress=False)
    assert (s.mined, s.errors) == (1, 1)


# -- safe loading ------------------------------------------------------------------------------------------------

class _Payload:
    """Unpickling this touches a marker file: proof that a pickle was loaded (and could have run any code)."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@pytest.fixture
def model_copy(tiny_model_dir, tmp_path):
    dst = tmp_path / "model"
    shutil.copytree(tiny_model_dir, dst)
    return dst


@pytest.fixture
def marker(tmp_path):
    m = tmp_path / "CODE-RAN"
    yield m
    assert not m.exists(), "code from the model directory ran"


def _evil_pickle(path: Path, marker: Path) -> None:
    path.write_bytes(pickle.dumps({"state_dict": _Payload(marker)}))
    # check the payload works, so its absence later means something
    pickle.loads(path.read_bytes())
    assert marker.exists()
    marker.unlink()


@pytest.mark.parametrize("name", ["pytorch_model.bin", "model.pt", "weights.pth", "model.ckpt", "state.pkl"])
def test_a_malicious_pickle_alone_is_refused_unread(model_copy, marker, name):
    (model_copy / "model.safetensors").unlink()
    _evil_pickle(model_copy / name, marker)
    with pytest.raises(ModelFormatError) as e:
        argmine.load(model_copy, device="cpu")
    assert "pickle" in e.value.reason and name in e.value.reason and "safetensors" in e.value.reason


def test_a_malicious_pickle_beside_safetensors_is_ignored(model_copy, marker, tiny_miner):
    for name in ("pytorch_model.bin", "optimizer.pt", "training_args.bin"):
        _evil_pickle(model_copy / name, marker)
    m = argmine.load(model_copy, device="cpu")
    assert m.mine(TEXT).to_dict() == tiny_miner.mine(TEXT).to_dict()


def test_a_pickle_named_model_safetensors_is_refused(model_copy, marker):
    _evil_pickle(model_copy / "model.safetensors", marker)
    with pytest.raises(ModelFormatError) as e:
        load_dir(model_copy)
    assert "model.safetensors" in e.value.reason


def test_loading_never_unpickles(model_copy, monkeypatch):
    import torch

    def refuse(*a, **k):
        raise AssertionError("argmine.load must not unpickle anything")

    monkeypatch.setattr(torch, "load", refuse)
    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(pickle, "Unpickler", refuse)
    argmine.load(model_copy, device="cpu").mine(TEXT).validate()


def test_code_in_a_model_directory_never_runs(model_copy, marker):
    code = f"import pathlib\npathlib.Path({str(marker)!r}).touch()\n"
    (model_copy / "evil_model.py").write_text(code + "from transformers import BertModel as EvilModel\n")
    (model_copy / "evil_tok.py").write_text(code + "from transformers import BertTokenizerFast as EvilTokenizer\n")
    cfg = json.loads((model_copy / "config.json").read_text())
    cfg["encoder_config"]["auto_map"] = {"AutoModel": "evil_model.EvilModel", "AutoConfig": "evil_model.EvilConfig"}
    (model_copy / "config.json").write_text(json.dumps(cfg))
    tc = json.loads((model_copy / "tokenizer_config.json").read_text())
    tc["auto_map"] = {"AutoTokenizer": ["evil_tok.EvilTokenizer", "evil_tok.EvilTokenizer"]}
    (model_copy / "tokenizer_config.json").write_text(json.dumps(tc))
    try:
        argmine.load(model_copy, device="cpu").mine(TEXT).validate()
    except ModelFormatError:
        pass  # refusing is fine too; running the code is not (the marker fixture checks)


def test_loading_and_mining_use_no_network(model_copy, monkeypatch):
    def no_network(*a, **k):
        raise AssertionError("argmine must not open network connections")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    argmine.load(model_copy, device="cpu").mine(TEXT).validate()


@pytest.mark.parametrize("key, value", [
    ("hidden_size", 2 ** 20),               # would allocate ~128 GB before the weights are even read
    ("num_hidden_layers", 100_000),
    ("max_position_embeddings", 10 ** 10),
    ("vocab_size", -5),
    ("hidden_size", 0),
    ("intermediate_size", "64"),
    ("num_attention_heads", True),
])
def test_a_hostile_encoder_config_is_refused_before_allocating(model_copy, key, value):
    cfg = json.loads((model_copy / "config.json").read_text())
    cfg["encoder_config"][key] = value
    (model_copy / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(ModelFormatError) as e:
        load_dir(model_copy)
    assert key in e.value.reason and "model.safetensors" in e.value.reason


@pytest.mark.parametrize("change", [
    lambda c: c.update(encoder_config=[1, 2]),
    lambda c: c.update(lstm_hidden=10 ** 9),
    lambda c: c.update(unit_dim="wide"),
    lambda c: c.update(dropout=7),
    lambda c: c.update(max_length=4096),  # longer windows than the encoder's positions: would fail while mining
    lambda c: c.update(max_length=1),
    lambda c: c.update(max_length="512"),
], ids=["encoder_config_list", "lstm_hidden_huge", "unit_dim_str", "dropout_7", "max_length_4096", "max_length_1",
        "max_length_str"])
def test_other_bad_configs_are_model_format_errors(model_copy, change):
    cfg = json.loads((model_copy / "config.json").read_text())
    change(cfg)
    (model_copy / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(ModelFormatError) as e:
        load_dir(model_copy)
    assert "config.json" in e.value.reason or "encoder_config" in e.value.reason


# -- the package's own code: no remote code, no unpickling of models, no network -----------------------------------

def _calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            owner = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ""
            yield node, owner, name


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_the_package_source_was_found():
    assert len(SOURCES) > 10 and PACKAGE / "model" / "directory.py" in SOURCES


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_remote_code_no_pickle_no_network_in_the_source(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for mod in mods:
                assert mod.split(".")[0] not in ("pickle", "dill", "cloudpickle", "joblib", "requests", "httpx",
                                                 "socket", "huggingface_hub"), f"{path}: imports {mod}"
                assert mod not in ("urllib.request", "http.client"), f"{path}: imports {mod}"
    for node, owner, name in _calls(tree):
        kws = {k.arg: k.value for k in node.keywords}
        trc = kws.get("trust_remote_code")  # only ever the constant False
        assert trc is None or (isinstance(trc, ast.Constant) and trc.value is False), f"{path}:{node.lineno} trusts remote code"
        if name == "from_pretrained":
            assert trc is not None, f"{path}:{node.lineno} from_pretrained without trust_remote_code=False"
        if name == "load" and owner == "torch":  # training checkpoints only, and never pickled objects
            wo = kws.get("weights_only")
            assert isinstance(wo, ast.Constant) and wo.value is True, f"{path}:{node.lineno} torch.load without weights_only=True"
        if name == "from_pretrained":
            lfo = kws.get("local_files_only")
            assert isinstance(lfo, ast.Constant) and lfo.value is True, f"{path}:{node.lineno} from_pretrained may download"


def test_cli_mine_refuses_a_text_over_the_limit_cleanly(tmp_path, tiny_model_dir):
    from typer.testing import CliRunner

    big = tmp_path / "big.txt"
    big.write_text("Kerbs save lives. " * 55_556, encoding="utf-8")  # 1,000,008 characters
    res = CliRunner().invoke(app, ["mine", str(big), "--model", str(tiny_model_dir), "-o", str(tmp_path / "o.json")])
    assert res.exit_code not in (0, None) and not isinstance(res.exception, ValueError)
    assert "at most 1000000 characters; got 1000008" in (res.output + (getattr(res, "stderr", "") or ""))
    assert not (tmp_path / "o.json").exists()


def test_cli_mine_max_chars_sets_the_limit(tmp_path, tiny_model_dir):
    from typer.testing import CliRunner

    text = tmp_path / "t.txt"
    text.write_text("Kerbs save lives. Cities should build them now.", encoding="utf-8")  # 47 characters
    base = ["mine", str(text), "--model", str(tiny_model_dir)]
    res = CliRunner().invoke(app, base + ["--max-chars", "20", "-o", str(tmp_path / "a.json")])
    out = res.output + (getattr(res, "stderr", "") or "")
    assert res.exit_code not in (0, None) and "at most 20 characters; got 47" in out and "--max-chars" in out
    assert not (tmp_path / "a.json").exists()
    res = CliRunner().invoke(app, base + ["--max-chars", "47", "-o", str(tmp_path / "b.json")])
    assert res.exit_code == 0 and (tmp_path / "b.json").exists()
