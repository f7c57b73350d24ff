"""precision="auto": bf16 only on a CPU with fast bfloat16 kernels; fp32 and bf16 as asked; anything else refused."""
import pytest

import argmine
from argmine import precision as P
from argmine.errors import OptionValueError


@pytest.mark.parametrize("fast, device, want", [(True, "cpu", "bf16"), (False, "cpu", "fp32"), (True, "cuda", "fp32"),
                                                (True, "cuda:1", "fp32")])
def test_auto_follows_the_cpu(monkeypatch, fast, device, want):
    monkeypatch.setattr(P, "cpu_has_fast_bf16", lambda: fast)
    assert P.resolve_precision("auto", device) == want


@pytest.mark.parametrize("asked", ["fp32", "bf16"])
def test_explicit_precisions_are_kept(monkeypatch, asked):
    monkeypatch.setattr(P, "cpu_has_fast_bf16", lambda: False)
    assert P.resolve_precision(asked, "cpu") == asked


@pytest.mark.parametrize("bad", ["fp16", "int8", "", None, "AUTO"])
def test_unknown_precisions_are_refused(bad):
    with pytest.raises(OptionValueError, match=r"\[E108\] precision must be 'fp32', 'bf16' or 'auto'"):
        P.resolve_precision(bad)


def test_detection_never_raises_and_reads_the_cpu_flags(monkeypatch, tmp_path):
    assert isinstance(P.cpu_has_fast_bf16(), bool)
    monkeypatch.setattr(P, "Path", lambda _: tmp_path / "missing")
    assert P.cpu_has_fast_bf16() is False


def test_a_miner_stores_the_resolved_precision(monkeypatch, tiny_model_dir):
    monkeypatch.setattr(P, "cpu_has_fast_bf16", lambda: True)
    assert argmine.load(tiny_model_dir, precision="auto").precision == "bf16"
    monkeypatch.setattr(P, "cpu_has_fast_bf16", lambda: False)
    m = argmine.load(tiny_model_dir, precision="auto")
    assert m.precision == "fp32"
    m.mine("Cities should build bike lanes. They save lives.\n\nSo build them now.").validate()


def test_documents_say_when_they_were_mined_in_bfloat16(tiny_model_dir):
    text = "Cities should build bike lanes. They save lives.\n\nSo build them now."
    fp32 = argmine.load(tiny_model_dir).mine(text)
    bf16 = argmine.load(tiny_model_dir, precision="bf16").mine(text)
    assert "precision" not in fp32.model  # fp32 documents are as before
    assert bf16.model == {**fp32.model, "precision": "bf16"}
    assert argmine.Document.from_dict(bf16.to_dict()) == bf16


def test_a_batch_resumes_only_at_the_precision_it_was_mined_with(tiny_model_dir, tmp_path):
    import json

    from argmine.batch import BatchError, run_batch

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Cities should build lanes {i}. They save lives."}) + "\n"
                           for i in range(3)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_batch(src, out, argmine.load(tiny_model_dir), limit=1, progress=False)
    with pytest.raises(BatchError, match="--model and --precision must be those OUTPUT was mined with"):
        run_batch(src, out, argmine.load(tiny_model_dir, precision="bf16"), progress=False)
