"""The encoder backend (argmine.model.onnx_encoder): the tiny random-weight model exported to ONNX gives the torch
encoder's outputs within float tolerance and the same units; option checks; a missing ONNX Runtime."""
from __future__ import annotations

import inspect
import sys
from pathlib import Path

import pytest

from argmine.errors import OnnxRuntimeMissingError, OptionValueError
from argmine.model import onnx_encoder as oe

TEXT = ("Schools should ban phones in class. First, phones distract students from the lesson, because messages "
        "arrive all the time. Moreover, teachers spend minutes on discipline instead of teaching.\n\n"
        "Some say phones help with research. However, the school library and its computers serve that purpose well, "
        "so the ban costs little.")


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ARGMINE_CACHE_DIR", str(tmp_path / "cache"))


@pytest.mark.parametrize("bad", ["gpu", "ONNX", "", 1, None, True])
def test_unknown_backend_is_an_option_value_error(bad):
    with pytest.raises(OptionValueError) as info:
        oe.check_backend(bad)
    assert info.value.option == "backend" and info.value.code == "E108"
    assert "'torch', 'onnx', 'auto'" in str(info.value)


def test_load_refuses_an_unknown_backend_before_reading_the_model(tmp_path):
    import argmine

    with pytest.raises(OptionValueError):
        argmine.load(tmp_path / "nowhere", backend="tensorrt")


def test_without_the_onnx_package_auto_is_torch_and_onnx_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)  # torch's exporter needs it: without it, no onnx backend
    assert not oe.onnxruntime_available()
    assert oe.resolve_backend("auto", "cpu", "fp32") == "torch"
    with pytest.raises(OnnxRuntimeMissingError):
        oe.resolve_backend("onnx", "cpu", "fp32")


def test_without_onnxruntime_auto_is_torch_and_onnx_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import onnxruntime -> ImportError
    assert not oe.onnxruntime_available()
    assert oe.resolve_backend("auto", "cpu", "fp32") == "torch"
    with pytest.raises(OnnxRuntimeMissingError) as info:
        oe.resolve_backend("onnx", "cpu", "fp32")
    assert info.value.code == "E113" and isinstance(info.value, ImportError)
    assert "pip install 'onnxruntime>=1.16'" in str(info.value)


def test_without_onnxruntime_the_tiny_model_mines_with_auto(monkeypatch, tiny_model_dir):
    import argmine

    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    miner = argmine.load(tiny_model_dir, device="cpu", backend="auto")
    assert miner.backend == "torch" and miner.net.fast_encoder is None
    assert miner.mine(TEXT).units


def test_auto_keeps_torch_for_bf16_and_onnx_refuses_it():
    assert oe.resolve_backend("auto", "cpu", "bf16") == "torch"
    assert oe.resolve_backend("auto", "cuda", "fp32") == "torch"
    assert oe.resolve_backend("torch", "cpu", "bf16") == "torch"
    with pytest.raises(OptionValueError):
        oe.resolve_backend("onnx", "cpu", "bf16")
    with pytest.raises(OptionValueError):
        oe.resolve_backend("onnx", "cuda", "fp32")


# -- with ONNX Runtime ---------------------------------------------------------------------------------------------
def _tiny_net(tiny_model_dir):
    from argmine.model.directory import load_dir

    net, tok, cfg = load_dir(tiny_model_dir)
    return net.eval(), tok


def test_exported_encoder_matches_torch(tiny_model_dir, tmp_path):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    import torch

    net, _ = _tiny_net(tiny_model_dir)
    enc = oe.onnx_encoder(net.encoder, threads=1, cache=tmp_path)
    assert enc.path is not None and enc.path.is_file() and enc.path.parent == tmp_path / "onnx"
    g = torch.Generator().manual_seed(0)
    for B, T in ((1, 5), (3, 17), (2, 64)):
        ids = torch.randint(1000, 20000, (B, T), generator=g)
        att = torch.ones_like(ids)
        att[0, T // 2:] = 0  # padding
        ids[0, T // 2:] = 0
        tt = torch.zeros_like(ids)
        with torch.inference_mode():
            ref = net.encoder(input_ids=ids, attention_mask=att, token_type_ids=tt).last_hidden_state
        got = enc(input_ids=ids, attention_mask=att, token_type_ids=tt).last_hidden_state
        assert got.shape == ref.shape and got.dtype == torch.float32
        assert torch.allclose(got, ref, atol=1e-4, rtol=1e-4), float((got - ref).abs().max())


def test_exported_encoder_has_one_fused_attention_per_layer(tiny_model_dir, tmp_path):
    onnx = pytest.importorskip("onnx")
    pytest.importorskip("onnxruntime.transformers.optimizer")

    net, _ = _tiny_net(tiny_model_dir)
    attention = net.encoder.config._attn_implementation
    path = oe.export_encoder(net.encoder, tmp_path / "enc.onnx")
    ops = [n.op_type for n in onnx.load(str(path)).graph.node]
    assert ops.count("Attention") == net.encoder.config.num_hidden_layers
    assert "SkipLayerNormalization" in ops and "Softmax" not in ops
    assert net.encoder.config._attn_implementation == attention  # the trace's switch to eager attention is undone
    assert not list(tmp_path.glob("*.part"))


def test_a_graph_the_optimiser_cannot_read_is_left_as_it_is_with_a_warning(tmp_path):
    pytest.importorskip("onnxruntime.transformers.optimizer")
    bad = tmp_path / "not_a_graph.onnx"
    bad.write_bytes(b"not an onnx graph")
    with pytest.warns(RuntimeWarning, match="runs unfused"):
        assert oe.fuse_transformer_graph(str(bad)) is False
    assert bad.read_bytes() == b"not an onnx graph"


def test_export_is_cached_by_weights(tiny_model_dir, tmp_path, monkeypatch):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    import torch

    net, _ = _tiny_net(tiny_model_dir)
    exports = []
    real_export = oe.export_encoder
    monkeypatch.setattr(oe, "export_encoder", lambda *a, **k: exports.append(a) or real_export(*a, **k))
    first = oe.onnx_encoder(net.encoder, cache=tmp_path)
    again = oe.onnx_encoder(net.encoder, cache=tmp_path)
    assert again.path == first.path and len(exports) == 1  # reused, not exported again
    with torch.no_grad():
        net.encoder.embeddings.word_embeddings.weight[5] += 1.0
    other = oe.onnx_encoder(net.encoder, cache=tmp_path)
    assert other.path != first.path  # other weights, another file
    assert not list((tmp_path / "onnx").glob("*.part"))


def test_unwritable_cache_exports_to_a_temporary_file(tiny_model_dir, tmp_path, monkeypatch):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    net, _ = _tiny_net(tiny_model_dir)
    monkeypatch.setattr(oe, "_writable", lambda d: False)
    with pytest.warns(RuntimeWarning, match="cannot be written.*ARGMINE_CACHE_DIR"):
        enc = oe.onnx_encoder(net.encoder, cache=tmp_path)
    assert enc.path is None and not (tmp_path / "onnx").exists() or not list((tmp_path / "onnx").glob("*.onnx"))


def test_a_damaged_cached_export_is_exported_again(tiny_model_dir, tmp_path):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    net, _ = _tiny_net(tiny_model_dir)
    first = oe.onnx_encoder(net.encoder, cache=tmp_path)
    good = first.path.read_bytes()
    assert oe.intact(first.path)
    damaged = bytearray(good)
    for k in range(len(damaged) // 2, len(damaged) // 2 + 64):  # flipped weight bytes: ONNX Runtime still loads it
        damaged[k] ^= 0x5A
    first.path.write_bytes(bytes(damaged))
    assert not oe.intact(first.path)
    again = oe.onnx_encoder(net.encoder, cache=tmp_path)
    assert again.path == first.path and oe.intact(again.path) and again.path.read_bytes() != bytes(damaged)
    Path(str(first.path) + ".sha256").unlink()  # an export without its digest is not trusted either
    assert not oe.intact(first.path)


def test_a_failed_export_says_where_and_what_to_do(tiny_model_dir, tmp_path, monkeypatch):
    pytest.importorskip("onnxruntime")
    net, _ = _tiny_net(tiny_model_dir)

    def full_disk(encoder, path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(oe, "export_encoder", full_disk)
    from argmine.errors import OnnxExportError

    with pytest.raises(OnnxExportError, match=r"E115.*No space left.*ARGMINE_CACHE_DIR.*backend='torch'") as err:
        oe.onnx_encoder(net.encoder, cache=tmp_path)
    assert isinstance(err.value, OSError) and err.value.__cause__.errno == 28 and str(tmp_path) in str(err.value)
    assert "--backend torch" in err.value.for_cli() and "Free about 100 MB" in str(err.value)

    def folder_in_the_way(encoder, path):
        raise IsADirectoryError(21, "Is a directory")

    monkeypatch.setattr(oe, "export_encoder", folder_in_the_way)
    with pytest.raises(OnnxExportError, match=r"E115.*encoder-\w+\.onnx: Is a directory\. Remove or rename what") as err:
        oe.onnx_encoder(net.encoder, cache=tmp_path)
    assert "Free about" not in str(err.value) and err.value.path.endswith(".onnx")


def test_stale_unfinished_exports_are_removed(tmp_path):
    import os
    import time

    old, new = tmp_path / "encoder-x.onnx.abc.part", tmp_path / "encoder-y.onnx.def.part"
    old.write_bytes(b"left by a killed export")
    new.write_bytes(b"an export under way")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    oe._remove_stale_parts(tmp_path)
    assert not old.exists() and new.exists()


def test_the_cache_folder_expands_a_home_tilde(monkeypatch):
    monkeypatch.setenv("ARGMINE_CACHE_DIR", "~/argmine-cache")
    assert oe.cache_dir() == Path.home() / "argmine-cache"


@pytest.mark.slow
def test_onnx_backend_mines_the_same_units_as_torch(tiny_doc_model_dir):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    import argmine

    texts = [TEXT, TEXT.replace("phones", "tablets"), "One short line without much argument in it at all."]
    a = list(argmine.load(tiny_doc_model_dir, device="cpu", backend="torch").mine_batch(texts))
    m = argmine.load(tiny_doc_model_dir, device="cpu", backend="onnx", threads=1)
    assert m.backend == "onnx" and "backend='onnx'" in repr(m)
    b = list(m.mine_batch(texts))
    for x, y in zip(a, b):
        assert [(u.start, u.end, u.label) for u in x.units] == [(u.start, u.end, u.label) for u in y.units]
        assert [(r.source, r.target, r.label) for r in x.relations] == [(r.source, r.target, r.label) for r in y.relations]
        for u, v in zip(x.units, y.units):
            assert abs(u.score - v.score) <= 2e-3


def test_auto_is_the_default_and_takes_onnx_when_installed(tiny_model_dir):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    import argmine
    from argmine.model.onnx_encoder import DEFAULT_BACKEND

    assert DEFAULT_BACKEND == "auto" and inspect.signature(argmine.load).parameters["backend"].default == "auto"
    assert argmine.load(tiny_model_dir, device="cpu").backend == "onnx"
    assert argmine.load(tiny_model_dir, device="cpu", backend="torch").backend == "torch"
    assert argmine.load(tiny_model_dir, device="cpu", backend="auto").backend == "onnx"
    assert argmine.load(tiny_model_dir, device="cpu", precision="bf16", backend="auto").backend == "torch"


def test_cli_refuses_an_unknown_backend(tiny_model_dir, tmp_path):
    from typer.testing import CliRunner

    from argmine.cli import app

    src = tmp_path / "t.txt"
    src.write_text(TEXT, encoding="utf-8")
    r = CliRunner().invoke(app, ["mine", str(src), "--model", str(tiny_model_dir), "--backend", "nope"])
    assert r.exit_code == 2


@pytest.mark.slow
def test_cli_backend_torch_mines(tiny_model_dir, tmp_path):
    from typer.testing import CliRunner

    from argmine.cli import app

    src = tmp_path / "t.txt"
    src.write_text(TEXT, encoding="utf-8")
    r = CliRunner().invoke(app, ["mine", str(src), "--model", str(tiny_model_dir), "--backend", "torch"])
    assert r.exit_code == 0, r.output


def test_auto_runs_torch_when_the_export_fails(tiny_model_dir, monkeypatch):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    import argmine

    def broken(*a, **k):
        raise RuntimeError("no exporter here")

    monkeypatch.setattr(oe, "onnx_encoder", broken)
    with pytest.warns(RuntimeWarning, match="no exporter here"):
        assert argmine.load(tiny_model_dir, device="cpu", backend="auto").backend == "torch"
    with pytest.raises(RuntimeError):
        argmine.load(tiny_model_dir, device="cpu", backend="onnx")


def test_the_session_follows_set_threads_after_load(tiny_model_dir):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    import torch

    import argmine
    from argmine.threads import set_threads

    before = torch.get_num_threads()
    try:
        m = argmine.load(tiny_model_dir, device="cpu", backend="onnx", threads=1)
        enc = m.net.fast_encoder
        assert enc.follows_torch and enc.threads == 1
        one = m.mine(TEXT)
        set_threads(2)  # after load: the next call builds a two-thread session, with the same output
        two = m.mine(TEXT)
        assert enc.threads == 2 == torch.get_num_threads()
        assert [(u.start, u.end, u.label) for u in one.units] == [(u.start, u.end, u.label) for u in two.units]
        fixed = oe.OnnxEncoder(str(enc.path), threads=1, path=enc.path)
        fixed(torch.ones(1, 4, dtype=torch.long))
        assert not fixed.follows_torch and fixed.threads == 1  # an explicit count stays
    finally:
        torch.set_num_threads(before)


def test_exports_unused_for_a_month_are_removed_when_another_is_written(tiny_model_dir, tmp_path):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    import os
    import time

    net, _ = _tiny_net(tiny_model_dir)
    d = tmp_path / "onnx"
    d.mkdir()
    month = oe.UNUSED_EXPORT_DAYS * 86400
    old, recent = d / "encoder-old.onnx", d / "encoder-recent.onnx"
    for p in (old, recent, old.with_name(old.name + ".sha256")):
        p.write_bytes(b"an export of other weights")
    for p in (old, old.with_name(old.name + ".sha256")):
        os.utime(p, (time.time() - month - 60,) * 2)
    os.utime(recent, (time.time() - month + 3600,) * 2)
    enc = oe.onnx_encoder(net.encoder, threads=1, cache=tmp_path)  # a new export: the month-old one goes
    assert sorted(p.name for p in d.iterdir()) == sorted([enc.path.name, enc.path.name + ".sha256", recent.name])
    os.utime(enc.path, (time.time() - month - 60,) * 2)
    again = oe.onnx_encoder(net.encoder, threads=1, cache=tmp_path)  # a load from the cache marks the file as used
    assert again.path == enc.path and time.time() - enc.path.stat().st_mtime < 60


def test_a_miner_on_onnx_pickles_and_mines_the_same(tiny_model_dir):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    import pickle

    import argmine

    m = argmine.load(tiny_model_dir, device="cpu", backend="onnx")
    copy = pickle.loads(pickle.dumps(m))  # to worker processes and Ray actors, as with the torch backend
    assert copy.backend == "onnx" and copy.net.fast_encoder is not m.net.fast_encoder
    assert copy.net.fast_encoder.path == m.net.fast_encoder.path and copy.net.fast_encoder.follows_torch
    a, b = m.mine(TEXT), copy.mine(TEXT)
    assert [(u.start, u.end, u.label) for u in a.units] == [(u.start, u.end, u.label) for u in b.units]
    assert [round(u.score, 4) for u in a.units] == [round(u.score, 4) for u in b.units]
    bare = oe.OnnxEncoder(str(m.net.fast_encoder.path), threads=1, path=m.net.fast_encoder.path)
    again = pickle.loads(pickle.dumps(bare))  # built from a file alone: rebuilt from it
    assert again.path == bare.path and again.threads == 1 and not again.follows_torch


@pytest.mark.parametrize("preset", [None, "0"])
def test_onnxruntime_is_imported_with_its_telemetry_off(tmp_path, preset):
    pytest.importorskip("onnxruntime")
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env["HOME"] = str(tmp_path)
    if preset is not None:
        env["ORT_DISABLE_TELEMETRY"] = preset  # the user's own setting is kept
    code = ("import os; from argmine.model.onnx_encoder import import_onnxruntime; import_onnxruntime(); "
            "print(os.environ['ORT_DISABLE_TELEMETRY'])")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == (preset or "1")
    if preset is None:
        assert not (tmp_path / ".cache" / "Microsoft").exists()  # no device id written
