"""Shared fixtures: a tiny random-weight model (no training, no download) and the data directory.

The tiny model has the real tokenizer of the base encoder but a 2-layer, 32-wide BERT with random weights
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

REPO = Path(__file__).resolve().parent.parent

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


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The folder holding the corpora: ARGMINE_DATA, else ``<repo>/../shared/data``; skips when absent."""
    env = os.environ.get("ARGMINE_DATA", "").strip()
    path = Path(env).expanduser() if env else (REPO.parent / "shared" / "data")
    path = path.resolve()
    if not path.is_dir():
        pytest.skip(f"corpus data directory not found at {path} (set ARGMINE_DATA)")
    return path
