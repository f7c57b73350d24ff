"""The model directory (argmine.model.directory): safetensors only, clear errors, exact round trip."""
import json
import shutil

import pytest

import argmine
from argmine.errors import ArgmineError, ModelFormatError, ModelNotFoundError
from argmine.model.directory import FORMAT_VERSION, load_dir, read_config, save_dir

TEXT = ("Why kerbs matter\n\n"
        "Cities should build protected bike lanes because painted lines do not stop cars. Kerbs keep drivers out.\n\n"
        "Critics say lanes hurt shops. However, people on bikes visit shops more often.\n\n"
        "So the city should build protected lanes now.")


@pytest.fixture
def model_copy(tiny_model_dir, tmp_path):
    dst = tmp_path / "model"
    shutil.copytree(tiny_model_dir, dst)
    return dst


def edit_config(path, change):
    cfg = json.loads((path / "config.json").read_text(encoding="utf-8"))
    change(cfg)
    (path / "config.json").write_text(json.dumps(cfg), encoding="utf-8")


def outputs(miner):
    doc = miner.mine(TEXT, id="t")
    return doc.to_dict()


def test_the_tiny_model_dir_has_the_documented_files(tiny_model_dir):
    names = {p.name for p in tiny_model_dir.iterdir()}
    assert {"config.json", "model.safetensors"} <= names
    assert not any(n.endswith((".bin", ".pt", ".pth", ".pkl", ".ckpt")) for n in names)
    cfg = read_config(tiny_model_dir)
    assert cfg.format_version == FORMAT_VERSION and cfg.name == "tiny-test"


def test_nonexistent_path(tmp_path):
    with pytest.raises(ModelNotFoundError) as e:
        argmine.load(tmp_path / "no-such-model")
    assert isinstance(e.value, FileNotFoundError) and isinstance(e.value, ArgmineError)
    assert "no-such-model" in str(e.value)


def test_a_file_instead_of_a_directory(tmp_path):
    f = tmp_path / "model.safetensors"
    f.write_bytes(b"x")
    with pytest.raises(ModelNotFoundError) as e:
        load_dir(f)
    assert "which is a file, not a model directory" in str(e.value) and "config.json" in str(e.value)
    assert "does not exist" not in str(e.value)


def test_only_a_pickle_file_is_refused_and_says_pickle(tmp_path):
    d = tmp_path / "hf-style"
    d.mkdir()
    (d / "pytorch_model.bin").write_bytes(b"\x80\x04not really a pickle")
    with pytest.raises(ModelFormatError) as e:
        load_dir(d)
    assert "pickle" in e.value.reason  # the reason, not the whole message: tmp paths hold the test name


def test_pickle_weights_next_to_a_valid_config_are_refused(model_copy):
    (model_copy / "model.safetensors").rename(model_copy / "pytorch_model.bin")
    with pytest.raises(ModelFormatError) as e:
        argmine.load(model_copy)
    assert "pickle" in e.value.reason and "pytorch_model.bin" in e.value.reason


def test_no_weights_at_all(model_copy):
    (model_copy / "model.safetensors").unlink()
    with pytest.raises(ModelFormatError) as e:
        load_dir(model_copy)
    assert "model.safetensors" in e.value.reason


def test_missing_config(model_copy):
    (model_copy / "config.json").unlink()
    with pytest.raises(ModelFormatError) as e:
        load_dir(model_copy)
    assert "config.json" in e.value.reason


@pytest.mark.parametrize("raw", [b"{not json", b"\xff\xfe{}", b"", b'{"format_version": 1', b"[1, 2]", b"123", b"null",
                                 b'"a string"'])
def test_corrupted_config(model_copy, raw):
    (model_copy / "config.json").write_bytes(raw)
    with pytest.raises(ModelFormatError) as e:
        load_dir(model_copy)
    assert "config.json" in e.value.reason


def test_config_missing_keys(model_copy):
    edit_config(model_copy, lambda c: c.pop("encoder_config"))
    with pytest.raises(ModelFormatError) as e:
        load_dir(model_copy)
    assert "encoder_config" in e.value.reason


@pytest.mark.parametrize("version", [0, 2, "1", None])
def test_wrong_format_version(model_copy, version):
    edit_config(model_copy, lambda c: c.update(format_version=version))
    with pytest.raises(ModelFormatError) as e:
        argmine.load(model_copy)
    assert "format_version" in e.value.reason


@pytest.mark.parametrize("raw", [b"garbage" * 10, b""])
def test_corrupted_weights(model_copy, raw):
    (model_copy / "model.safetensors").write_bytes(raw)
    with pytest.raises(ModelFormatError) as e:
        load_dir(model_copy)
    assert "model.safetensors" in e.value.reason


def test_truncated_weights(model_copy):
    data = (model_copy / "model.safetensors").read_bytes()
    (model_copy / "model.safetensors").write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelFormatError):
        load_dir(model_copy)


@pytest.mark.parametrize("change", [
    lambda c: c.update(lstm_hidden=8),                        # heads shaped differently from the weights
    lambda c: c["encoder_config"].update(hidden_size=64),     # encoder shaped differently from the weights
    lambda c: c["encoder_config"].update(num_hidden_layers=1),  # unexpected weights
], ids=["lstm_hidden", "hidden_size", "layers"])
def test_weights_that_do_not_match_the_config(model_copy, change):
    edit_config(model_copy, change)
    with pytest.raises(ModelFormatError) as e:
        load_dir(model_copy)
    assert "config.json" in e.value.reason


def test_unknown_encoder_type(model_copy):
    edit_config(model_copy, lambda c: c["encoder_config"].update(model_type="no-such-architecture"))
    with pytest.raises(ModelFormatError):
        load_dir(model_copy)


def test_missing_tokenizer_files(model_copy):
    for p in model_copy.iterdir():
        if p.name.startswith(("tokenizer", "vocab", "special_tokens")):
            p.unlink()
    with pytest.raises(ModelFormatError):
        load_dir(model_copy)


def test_round_trip_gives_identical_outputs(tiny_model_dir, tiny_miner, tmp_path):
    net, tok, cfg = load_dir(tiny_model_dir)
    again = tmp_path / "again"
    save_dir(again, net, tok, cfg)
    assert read_config(again) == read_config(tiny_model_dir)
    m2 = argmine.load(again, device="cpu")
    a, b = outputs(tiny_miner), outputs(m2)
    assert a == b
    assert a["units"], "the comparison compared something"
    for (k, v1), (_, v2) in zip(sorted(net.state_dict().items()), sorted(m2.net.state_dict().items())):
        assert v1.shape == v2.shape and bool((v1 == v2).all()), k


@pytest.mark.parametrize("where", ["tokenizer_config.json", "config.json"])
def test_code_in_a_model_directory_never_runs(tmp_path, tiny_model_dir, where, monkeypatch):
    """An auto_map (custom tokenizer or model code) is refused before transformers sees it, even with "y" on stdin."""
    import io
    import json
    import shutil

    import argmine
    from argmine.errors import ModelFormatError

    d = tmp_path / "evil"
    shutil.copytree(tiny_model_dir, d)
    marker = tmp_path / "ran.txt"
    (d / "evil_code.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\n")
    cfg = json.loads((d / where).read_text())
    cfg["auto_map"] = {"AutoTokenizer": ["evil_code.EvilTokenizer", None], "AutoModel": "evil_code.EvilModel"}
    (d / where).write_text(json.dumps(cfg))
    monkeypatch.setattr("sys.stdin", io.StringIO("y\ny\ny\n"))
    with pytest.raises(ModelFormatError, match="custom code, which argmine never runs"):
        argmine.load(d)
    assert not marker.exists()
    (d / where).write_text(json.dumps({k: v for k, v in cfg.items() if k != "auto_map"}))
    with pytest.raises(ModelFormatError, match="Python files"):  # a stray .py file is refused too
        argmine.load(d)
    assert not marker.exists()


@pytest.mark.parametrize("key,value,expect", [
    ("typer_weight", float("nan"), "typer_weight of nan"),
    ("min_unit_words", "three", "min_unit_words of 'three'"),
    ("evidence_types", ["assumption", "anecdote"], "evidence_types"),
    ("decoding", {"claim_bost": 2.0}, "decoding options"),
])
def test_config_values_that_would_break_mining_are_refused_at_load(tmp_path, tiny_model_dir, key, value, expect):
    d = tmp_path / "bad"
    shutil.copytree(tiny_model_dir, d)
    cfg = json.loads((d / "config.json").read_text())
    cfg[key] = value
    (d / "config.json").write_text(json.dumps(cfg, allow_nan=True))
    with pytest.raises(ModelFormatError, match=expect.replace("(", r"\(")):
        argmine.load(d)


def test_a_tokenizer_larger_than_the_embeddings_is_refused_at_load(model_copy):
    """Issue 12: a tokenizer vocabulary larger than the encoder's (IndexError when mining) is refused at load."""
    from transformers import AutoTokenizer

    from argmine.errors import VocabularyError

    tok = AutoTokenizer.from_pretrained(str(model_copy), local_files_only=True)
    n_embeddings = json.loads((model_copy / "config.json").read_text(encoding="utf-8"))["encoder_config"]["vocab_size"]
    assert len(tok) == n_embeddings
    tok.add_tokens(["kerbstonez", "cyclewayz", "lanezz"])  # ids n_embeddings .. n_embeddings + 2: no embedding
    tok.save_pretrained(str(model_copy))
    with pytest.raises(VocabularyError) as e:
        argmine.load(model_copy, device="cpu")
    assert str(e.value).startswith(f"[E007] tokenizer vocabulary must fit the encoder's embeddings; got {n_embeddings + 3} > "
                                   f"{n_embeddings} in {str(model_copy)!r}")
    assert isinstance(e.value, ModelFormatError) and isinstance(e.value, ValueError)
