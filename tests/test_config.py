"""Typed configuration (argmine.config): TrainConfig <-> TOML / dict, strict keys and types, partial loss weights,
ModelConfig reading every config.json of argmine 0.1-0.3, the label sets defined once."""
from __future__ import annotations

import dataclasses
import json
import tomllib
from pathlib import Path

import pytest

from argmine.config import (LOSS_PARTS, MODEL_REQUIRED_KEYS, AuxCorpus, LossWeights, MainCorpus, ModelConfig,
                            TrainConfig, field_docs, load_config)

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "models" / "argmine-default" / "config.json"


def _write(tmp_path, text: str) -> Path:
    p = tmp_path / "c.toml"
    p.write_text(text, encoding="utf-8")
    return p


# -- TrainConfig ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "configs").glob("*.toml")))
def test_shipped_configs_round_trip_through_toml_and_dict(tmp_path, name):
    cfg = load_config(ROOT / "configs" / name)
    assert load_config(_write(tmp_path, cfg.to_toml())) == cfg
    assert TrainConfig.from_dict(json.loads(json.dumps(cfg.to_dict()))) == cfg  # as a checkpoint stores it


def test_a_config_with_every_kind_of_value_round_trips(tmp_path):
    cfg = TrainConfig(name='a "quoted" name', lr_heads=1, bf16=False, extra_claim_min=0.7,
                      loss_weights={"link": 2}, decoding={"mc_roles": ["introduction"], "claim_boost": 1.5},
                      aux_corpora=[{"corpus": "webis", "fraction": 0.25, "dev_split": "validation"}],
                      main_corpora=[MainCorpus(corpus="oped", repeat=2)])
    assert cfg.lr_heads == 1.0 and isinstance(cfg.lr_heads, float)  # an int where a float belongs becomes a float
    assert cfg.aux_corpora == [AuxCorpus(corpus="webis", fraction=0.25, dev_split="validation")]
    again = TrainConfig.from_dict(tomllib.loads(cfg.to_toml()))
    assert again == cfg
    assert load_config(_write(tmp_path, cfg.to_toml()), epochs=3) == dataclasses.replace(cfg, epochs=3)


def test_defaults_are_those_of_0_3_and_decoding_defaults_come_from_decode_options():
    from argmine.decoding import DecodeOptions

    cfg = load_config()
    assert (cfg.epochs, cfg.batch_size, cfg.lr_encoder, cfg.max_length, cfg.bf16) == (12, 8, 8e-5, 512, "auto")
    assert cfg.loss_weights == LossWeights(tags=1.0, types=0.5, stance=0.5, link=1.0, rel=0.5, aux=1.0, evidence=1.0)
    d = DecodeOptions()
    assert (cfg.link_prior_weight, cfg.typer_weight, cfg.extra_claim_min) == (d.link_prior_weight, d.typer_weight,
                                                                              d.extra_claim_min)
    assert all(field_docs(TrainConfig).values()), "every field is documented"


def test_unknown_key_is_rejected_with_the_allowed_ones(tmp_path):
    with pytest.raises(ValueError, match=r"config keys must be among \[.*'epochs'.*\]; got unknown \['epoch'\]"):
        load_config(_write(tmp_path, "epoch = 3\n"))
    with pytest.raises(ValueError, match="config keys must be among"):
        load_config(None, learning_rate=0.1)


def test_misspelt_loss_part_and_decoding_option_are_rejected(tmp_path):
    with pytest.raises(ValueError, match=r"loss_weights keys must be among \['tags', .*; got unknown \['lnk'\]"):
        load_config(_write(tmp_path, "[loss_weights]\nlnk = 2.0\n"))
    with pytest.raises(ValueError, match="decoding options must be among"):
        load_config(_write(tmp_path, "decoding = { link_prior_wieght = 0.2 }\n"))
    with pytest.raises(ValueError, match="main_corpora keys must be among"):
        load_config(None, main_corpora=[{"corpus": "aaec", "repeats": 2}])


def test_a_partial_loss_weights_table_keeps_the_other_defaults(tmp_path):
    cfg = load_config(_write(tmp_path, "[loss_weights]\nlink = 2.0\nevidence = 0\n"))
    assert cfg.loss_weights == dataclasses.replace(LossWeights(), link=2.0, evidence=0.0)
    assert set(LOSS_PARTS) == {"tags", "types", "stance", "link", "rel", "aux", "evidence"}


@pytest.mark.parametrize("text, message", [
    ("epochs = 0", "epochs must be a positive int; got 0"),
    ("epochs = 2.5", "epochs must be a positive int; got 2.5"),
    ("epochs = true", "epochs must be a positive int; got True"),
    ('batch_size = "8"', "batch_size must be a positive int; got '8'"),
    ("lr_heads = -1e-3", r"lr_heads must be a number >= 0; got -0.001"),
    ("dropout = 1.0", r"dropout must be a number in \[0, 1\); got 1.0"),
    ("warmup = nan", r"warmup must be a number in \[0, 1\]; got nan"),
    ('crf = "yes"', "crf must be true or false; got 'yes'"),
    ('bf16 = "on"', 'bf16 must be true, false or "auto"; got \'on\''),
    ("max_length = 32", "max_length must be an int >= 64; got 32"),
    ("loss_weights = { link = -1 }", "loss_weights link must be a number >= 0; got -1"),
    ("loss_weights = 2", "loss_weights must be a table"),
    ('aux_corpora = ["webis"]', "aux_corpora entries must be tables with a corpus key"),
    ('aux_corpora = [{ corpus = "webis", fraction = 0 }]', r"aux_corpora fraction must be a number in \(0, 10\]"),
    ('main_corpora = [{ corpus = "oped", repeat = 11 }]', r"main_corpora repeat must be an int in \[1, 10\]"),
    ("decoding = 3", "decoding must be a table"),
    ('decoding = { link_prior_weight = "0.3" }', "decoding link_prior_weight must be a number; got '0.3'"),
    ("decoding = { cross_paragraph = 1 }", "decoding cross_paragraph must be true or false; got 1"),
    ('decoding = { mc_roles = "introduction" }', "decoding mc_roles must be a list of strings or absent"),
])
def test_values_of_the_wrong_type_say_what_they_must_be(tmp_path, text, message):
    with pytest.raises(ValueError, match=message):
        load_config(_write(tmp_path, text + "\n"))


def test_a_zero_extra_claim_min_means_off():
    assert load_config(None, extra_claim_min=0.0).extra_claim_min is None
    assert load_config(None, extra_claim_min=0.7).extra_claim_min == 0.7


def test_the_trained_model_config_takes_its_decoding_from_the_train_config():
    from transformers import BertConfig, BertModel

    from argmine.training.loop import model_config

    enc = BertModel(BertConfig(vocab_size=50, hidden_size=8, num_hidden_layers=1, num_attention_heads=2,
                               intermediate_size=16))
    plain = model_config(load_config(), enc)
    assert plain.link_prior_weight == 0.0 and plain.decoding == {}  # no second default in the trainer
    doc = model_config(load_config(ROOT / "configs" / "default.toml"), enc)
    assert doc.decode_options().essay_max_paragraphs == 7 and doc.headline and doc.document_level
    assert ModelConfig.from_dict(json.loads(json.dumps(doc.to_dict()))) == doc


# -- ModelConfig ------------------------------------------------------------------------------------------------------

def test_model_config_reads_the_shipped_models_config_json():
    raw = json.loads(SHIPPED.read_text(encoding="utf-8"))
    cfg = ModelConfig.from_dict(raw)
    assert cfg.document_level and cfg.crf and cfg.evidence_input == "span" and cfg.extra == {}
    opts = cfg.decode_options()
    assert (opts.link_prior_weight, opts.typer_weight, opts.essay_max_paragraphs) == (0.3, 0.8, 7)
    out = cfg.to_dict()
    assert {k: out[k] for k in raw} == raw  # every key written back as read
    assert cfg["tags"] == raw["tags"] and cfg.get("nope", 1) == 1 and "decoding" in cfg  # 0.3's dict access


def _old_style(version: str) -> dict:
    """A config.json as argmine 0.1/0.2 wrote it: no decoding table, no document_level, no headline."""
    raw = json.loads(SHIPPED.read_text(encoding="utf-8"))
    for k in ("decoding", "document_level", "headline"):
        raw.pop(k, None)
    raw["argmine_version"] = raw["version"] = version
    raw["extra_claim_min"] = 0.7 if version == "0.2.0" else None
    raw["training"] = {"corpus": "aaec", "train_split": "train", "epochs": 12}
    if version == "0.1.0":
        for k in ("evidence_types", "evidence_input", "aux_segmenters"):
            raw.pop(k)
    return raw


@pytest.mark.parametrize("version", ["0.1.0", "0.2.0"])
def test_model_config_reads_a_0_1_and_0_2_config_with_the_essay_rules(version):
    cfg = ModelConfig.from_dict(_old_style(version))
    assert not cfg.document_level and not cfg.headline and cfg.decoding == {}
    opts = cfg.decode_options()
    assert opts.mc_roles == ("introduction", "conclusion") and not opts.cross_paragraph
    assert opts.link_prior_weight == 0.3 and opts.extra_claim_min == (0.7 if version == "0.2.0" else None)
    assert ModelConfig.from_dict(cfg.to_dict()) == cfg


def test_unknown_model_config_keys_are_kept_and_written_back():
    raw = dict(json.loads(SHIPPED.read_text(encoding="utf-8")), future_option={"x": 1})
    cfg = ModelConfig.from_dict(raw)
    assert cfg.extra == {"future_option": {"x": 1}} and cfg["future_option"] == {"x": 1}
    assert cfg.to_dict()["future_option"] == {"x": 1}


@pytest.mark.parametrize("change, message", [
    (lambda c: c.pop("tags"), "without the keys ['tags']"),
    (lambda c: c.update(format_version=2), "format_version 2 where this argmine reads 1"),
    (lambda c: c.update(format_version=True), "format_version True"),
    (lambda c: c.update(lstm_hidden="192"), "a config.json with a lstm_hidden of '192' (it must be a positive int)"),
    (lambda c: c.update(decoding={"claim_bost": 2}), "decoding options that do not work"),
    (lambda c: c.update(evidence_input="words"), "evidence_input of 'words'"),
])
def test_model_config_refuses_what_would_break_loading(change, message):
    raw = json.loads(SHIPPED.read_text(encoding="utf-8"))
    change(raw)
    with pytest.raises(ValueError) as e:
        ModelConfig.from_dict(raw)
    assert message in str(e.value)
    assert set(MODEL_REQUIRED_KEYS) <= set(raw) or "without the keys" in str(e.value)


# -- label sets -------------------------------------------------------------------------------------------------------

def test_label_sets_are_the_same_objects_everywhere():
    import argmine.config as c
    import argmine.data as data
    import argmine.decoding as decoding
    import argmine.model.network as network

    for name in ("TAGS", "UNIT_LABELS", "STANCES", "REL_LABELS", "SEG_TAGS", "EVIDENCE_TYPES"):
        assert getattr(network, name) is getattr(c, name), name
    for name in ("TAGS", "UNIT_LABELS", "STANCES", "REL_LABELS"):
        assert getattr(decoding, name) is getattr(c, name), name
    assert data.UNIT_LABELS is c.UNIT_LABELS and data.RELATION_LABELS is c.REL_LABELS
    assert data.EVIDENCE_TYPES is c.EVIDENCE_TYPES
    assert decoding.DocumentScores.__dataclass_fields__["labels"].default is c.UNIT_LABELS


def test_every_decoding_option_has_a_type_check():
    from argmine.config import _DECODE_KINDS
    from argmine.decoding import DecodeOptions

    assert {str(f.type) for f in dataclasses.fields(DecodeOptions)} <= set(_DECODE_KINDS)


def test_main_corpus_scheme_is_checked():
    assert MainCorpus(corpus="ukp", split="all", scheme="major_claim").scheme == "major_claim"
    from argmine.errors import ConfigError

    with pytest.raises(ConfigError, match="scheme must be one of"):
        MainCorpus(corpus="ukp", scheme="toulmin")
