"""Shared fixtures (a tiny random-weight model, the data directory) and the test tiers.

Tiers: ``pytest -m "not slow"`` is the developer's loop (under a minute on 2 cores); ``.ci/run`` runs everything,
the ``slow`` tests too (training runs, subprocesses killed mid-run, headless Chromium, 20,000-word texts, the shipped
model on many texts, end-to-end benchmark runs), with Hypothesis' "ci" profile.

The tiny model (no training, no download) has the real tokenizer of the base encoder but a 2-layer, 32-wide BERT with random weights
(seeded), so it mines in milliseconds on the CPU. Its outputs are meaningless but must always keep the
contract. Left as they are, random tag logits are almost uniform and Viterbi turns nearly every word into a
unit of its own; so the tag and type heads get a fixed, deterministic bias that gives a realistic density
(roughly one unit per 15-20 words, all three labels, premise links and claim stances). That is still no
training: plain constants on top of the seeded random weights.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parent.parent

# Hypothesis: "ci" (500 examples per property; .ci/run sets CI) or "dev" (the developer's loop, a few dozen);
# HYPOTHESIS_PROFILE picks one by name. Tests set no max_examples of their own, so the profile decides.
settings.register_profile("ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


def pytest_ignore_collect(collection_path, config):
    """Under ``-m "not slow"``, skip importing a test module whose every test is slow (``pytestmark =
    pytest.mark.slow`` at its top level): nothing of it would run, and importing it costs seconds of the
    developer's loop (Ray alone takes one). Returns None (pytest decides) for everything else."""
    if collection_path.suffix != ".py" or not collection_path.name.startswith("test_"):
        return None
    if " ".join(str(config.getoption("markexpr") or "").split()) != "not slow":
        return None
    try:
        source = collection_path.read_text(encoding="utf-8")
    except OSError:
        return None
    return True if "\npytestmark = pytest.mark.slow" in source else None


# order of argmine.model.network.TAGS: O, B-MC, I-MC, B-Claim, I-Claim, B-Premise, I-Premise
_TAG_BIAS = (2.2, -0.2, 2.0, 0.0, 2.0, 0.4, 2.0)
_TAG_WEIGHT_SCALE = 20.0
_TYPE_BIAS = (0.3, 1.0, 1.3)  # MajorClaim, Claim, Premise
_NULL_LINK_BIAS = -3.0


def base_tokenizer():
    from transformers import AutoTokenizer

    from argmine.model.encoder import default_encoder_path

    return AutoTokenizer.from_pretrained(str(default_encoder_path()), local_files_only=True)


def build_tiny_model(path: Path, *, realistic: bool = True, tokenizer=None, multi_corpus: bool = False,
                     document_level: bool = False, headline: bool = False) -> Path:
    """Save a tiny random-weight argmine model directory at ``path`` and return ``path``.

    ``realistic=False`` keeps the raw random heads (a unit on nearly every word). ``multi_corpus=True`` adds the
    heads of a multi-corpus model: a Webis segmenter and the evidence-type head. ``document_level=True``: the
    document-level network of argmine 0.3 (document positions, cross-paragraph links), with its decoding options;
    ``headline=True`` adds the headline input (its weights random, not zero, so a headline changes the scores).
    """
    import torch
    from transformers import BertConfig, BertModel

    from argmine.model.directory import build_network, save_dir
    from argmine.training.loop import load_config, model_config

    tok = tokenizer if tokenizer is not None else base_tokenizer()
    enc_cfg = BertConfig(
        vocab_size=len(tok), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=512,
    )
    torch.manual_seed(0)
    encoder = BertModel(enc_cfg)
    aux = [{"corpus": "webis", "split": "train", "fraction": 0.5}] if multi_corpus else []
    # link_prior_weight 0.5: the trainer's default before argmine.config (DecodeOptions' default is 0.0); the tiny
    # models' outputs stay those the tests were written with
    cfg = model_config(load_config(None, aux_corpora=aux, document_level=document_level, headline=headline,
                                   link_prior_weight=0.5,
                                   decoding={"link_prior_weight": 0.3} if document_level else None), encoder)
    cfg.name = "tiny-test"
    assert cfg.encoder_config["model_type"] == "bert"
    torch.manual_seed(0)
    net = build_network(cfg)
    if realistic:
        with torch.no_grad():
            net.tagger.weight.mul_(_TAG_WEIGHT_SCALE)
            net.tagger.bias.copy_(torch.tensor(_TAG_BIAS))
            net.typer.bias.copy_(torch.tensor(_TYPE_BIAS))
            net.null.bias.fill_(_NULL_LINK_BIAS)
    if headline:
        with torch.no_grad():
            net.headline_proj.weight.normal_(0, 2.0)
    net.eval()
    save_dir(path, net, tok, cfg)
    return path


@pytest.fixture(scope="session", autouse=True)
def _onnx_cache(tmp_path_factory):
    """Encoders exported for the ONNX backend (argmine.model.onnx_encoder) go to a folder of this session, not the
    user's cache (unless ARGMINE_CACHE_DIR is set)."""
    if os.environ.get("ARGMINE_CACHE_DIR"):
        yield
        return
    os.environ["ARGMINE_CACHE_DIR"] = str(tmp_path_factory.mktemp("argmine-cache"))
    try:
        yield
    finally:
        os.environ.pop("ARGMINE_CACHE_DIR", None)


@pytest.fixture(scope="session")
def tokenizer():
    """The real wordpiece tokenizer of the default base encoder."""
    return base_tokenizer()


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory, tokenizer) -> Path:
    """A saved model directory holding a tiny random-weight ArgmineNet (named ``tiny-test``)."""
    return build_tiny_model(tmp_path_factory.mktemp("models") / "tiny", tokenizer=tokenizer)


@pytest.fixture(scope="session")
def tiny_doc_model_dir(tmp_path_factory, tokenizer) -> Path:
    """A tiny random-weight document-level model directory (argmine 0.3's network)."""
    return build_tiny_model(tmp_path_factory.mktemp("models") / "tiny-doc", tokenizer=tokenizer, document_level=True)


@pytest.fixture(scope="session")
def tiny_miner(tiny_model_dir):
    import argmine

    return argmine.load(tiny_model_dir, device="cpu")


def data_root() -> Path:
    """Where the corpora should be: ARGMINE_DATA, else ``<repo>/../shared/data`` (it may not exist)."""
    env = os.environ.get("ARGMINE_DATA", "").strip()
    return (Path(env).expanduser() if env else (REPO.parent / "shared" / "data")).resolve()


def load_benchmark(name: str):
    """The module ``benchmarks/<name>.py``, loaded by path (benchmarks/ is no package) under ``bench_<name>``, with
    benchmarks/ on ``sys.path`` for its own imports; registered in ``sys.modules`` first (dataclasses look their
    module up while the class is built)."""
    import importlib.util
    import sys

    bench = Path(__file__).resolve().parent.parent / "benchmarks"
    if str(bench) not in sys.path:
        sys.path.insert(0, str(bench))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", bench / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def contract_checker_path() -> Path:
    """The shared contract checker: ARGMINE_CONTRACT_CHECKER, else ``tools/check_contract.py`` beside the data folder."""
    env = os.environ.get("ARGMINE_CONTRACT_CHECKER", "").strip()
    return Path(env).expanduser() if env else data_root().parent / "tools" / "check_contract.py"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The folder holding the corpora (:func:`data_root`); skips when absent."""
    path = data_root()
    if not path.is_dir():
        pytest.skip(f"corpus data directory not found at {path} (set ARGMINE_DATA)")
    return path


@pytest.fixture(scope="session")
def webis_dir(data_dir) -> Path:
    """The data directory, when it holds Webis-Editorials-16; skips when it does not."""
    if not (data_dir / "webis-editorials-16" / "annotated-xmi").is_dir():
        pytest.skip(f"Webis-Editorials-16 not found in {data_dir} (set ARGMINE_DATA)")
    return data_dir


@pytest.fixture(scope="session")
def contract_checker() -> Path:
    """The shared contract checker (:func:`contract_checker_path`); skips when absent."""
    path = contract_checker_path()
    if not path.is_file():
        pytest.skip(f"contract checker not found at {path} (set ARGMINE_CONTRACT_CHECKER)")
    return path
