"""The model directory: ``config.json`` + ``model.safetensors`` + tokenizer files + ``README.md`` (card).

Weights are read from safetensors only; pickle-based files are refused, and no code from the directory
is ever run (no ``trust_remote_code``).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Mapping, Union

from ..config import MODEL_FORMAT_VERSION, MODEL_REQUIRED_KEYS, ModelConfig
from ..errors import ModelFormatError, ModelNotFoundError, VocabularyError

FORMAT_VERSION = MODEL_FORMAT_VERSION  # re-exported (argmine.config defines it)
REQUIRED_KEYS = MODEL_REQUIRED_KEYS
PICKLE_SUFFIXES = (".bin", ".pt", ".pth", ".pkl", ".ckpt")


def default_model_dir() -> Path:
    """The shipped model: inside the installed package, or ``models/argmine-default`` of a checkout.

    Returns:
        The ``Path`` of the shipped model directory.

    Raises:
        ModelNotFoundError: the shipped model is not installed (E001)."""
    here = Path(__file__).resolve().parent.parent
    for cand in (here / "_models" / "argmine-default", here.parent / "models" / "argmine-default"):
        if (cand / "config.json").exists():
            return cand
    raise ModelNotFoundError(here / "_models" / "argmine-default")


def read_config(path: Path) -> ModelConfig:
    """The checked ``config.json`` of a model directory (argmine 0.1-0.3 formats); ``ModelFormatError`` says what
    is wrong with it.

    Returns:
        The ``ModelConfig``.

    Raises:
        ModelNotFoundError: ``path`` is not a directory (E001)."""
    path = Path(path)
    if not path.is_dir():
        raise ModelNotFoundError(path)
    cfg_file = path / "config.json"
    if not cfg_file.exists():
        raise ModelFormatError(path, "no config.json in it")
    try:
        data = json.loads(cfg_file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ModelFormatError(path, f"a config.json that is not valid UTF-8 JSON ({e})") from None
    return check_config(path, data)


def check_config(path: Path, data: Any) -> ModelConfig:
    """``ModelConfig.from_dict(data)``, its ``ValueError`` raised as ``ModelFormatError`` for the directory ``path``:
    a missing key, a non-finite or out-of-range weight, a ``min_unit_words`` that is not a positive int,
    ``evidence_types`` that are not 6 names, decoding options ``DecodeOptions`` does not know, ...

    Returns:
        The ``ModelConfig``."""
    try:
        return ModelConfig.from_dict(data)
    except (ValueError, TypeError) as e:
        raise ModelFormatError(path, getattr(e, "message", str(e))) from None


def weights_file(path: Path) -> Path:
    """The ``model.safetensors`` file of the model directory ``path``.

    Returns:
        The ``Path`` of ``model.safetensors``.

    Raises:
        ModelFormatError: no ``model.safetensors`` (pickle-based weights are refused: unpickling can run code) (E002)."""
    path = Path(path)
    st = path / "model.safetensors"
    if st.exists():
        return st
    pickles = [p.name for p in path.iterdir() if p.suffix in PICKLE_SUFFIXES]
    if pickles:
        raise ModelFormatError(path, f"only pickle-based weights {pickles}, which argmine refuses to load "
                               "because unpickling can run code; weights must be in model.safetensors")
    raise ModelFormatError(path, "no model.safetensors in it")


def refuse_remote_code(path: Path) -> None:
    """Raise ``ModelFormatError`` when a model directory asks for its own code (an ``auto_map`` in
    ``tokenizer_config.json`` or ``config.json``, or a ``.py`` file): argmine never runs code from a model directory,
    whatever standard input says (transformers would otherwise offer to run it)."""
    for name in ("tokenizer_config.json", "config.json"):
        f = Path(path) / name
        if f.exists():
            try:
                data = json.loads(f.read_text(encoding="utf-8"))
            except ValueError:
                continue  # read_config / the tokenizer report a broken file
            if isinstance(data, dict) and ("auto_map" in data or "auto_map" in (data.get("encoder_config") or {})):
                raise ModelFormatError(path, f"an auto_map in {name}: custom code, which argmine never runs")
    code = sorted(p.name for p in Path(path).glob("*.py"))
    if code:
        raise ModelFormatError(path, f"Python files {code}: custom code, which argmine never runs")


def as_model_config(cfg: Union[ModelConfig, Mapping[str, Any]]) -> ModelConfig:
    """``cfg`` itself, or the ``ModelConfig`` of a config.json dict (``ValueError`` when it is not one).

    Returns:
        A ``ModelConfig``."""
    return cfg if isinstance(cfg, ModelConfig) else ModelConfig.from_dict(cfg)


def build_network(cfg: Union[ModelConfig, Mapping[str, Any]]):
    """An ArgmineNet with random weights, shaped by ``cfg`` (no files read).

    Returns:
        An ``ArgmineNet`` in training mode, on the CPU."""
    from transformers import AutoConfig, AutoModel

    from .network import ArgmineNet

    cfg = as_model_config(cfg)
    enc_cfg = dict(cfg.encoder_config)
    model_type = enc_cfg.pop("model_type", "bert")
    enc = AutoModel.from_config(AutoConfig.for_model(model_type, **enc_cfg))
    return ArgmineNet(enc, hidden=cfg.lstm_hidden, unit_dim=cfg.unit_dim, dropout=cfg.dropout, crf=cfg.crf,
                      aux_segmenters=cfg.aux_segmenters, evidence=bool(cfg.evidence_types),
                      evidence_input=cfg.evidence_input, document_level=cfg.document_level, headline=cfg.headline)


_SIZE_KEYS = ("hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads", "vocab_size",
              "max_position_embeddings", "type_vocab_size", "embedding_size", "dim", "hidden_dim", "n_layers",
              "n_heads", "num_layers")
_LAYER_KEYS = ("num_hidden_layers", "n_layers", "num_layers")


def header_shapes(path: Path, wfile: Path) -> Dict[str, tuple]:
    """Tensor shapes listed in the header of ``model.safetensors`` (no tensor data is read).

    Returns:
        A dict from tensor name to its shape (a tuple of ints).

    Raises:
        ModelFormatError: ``model.safetensors`` cannot be read (E002)."""
    from safetensors import safe_open

    try:
        with safe_open(str(wfile), "pt") as f:
            return {k: tuple(f.get_slice(k).get_shape()) for k in f.keys()}
    except Exception as e:  # safetensors raises its own error types
        raise ModelFormatError(path, f"a model.safetensors that cannot be read ({e})") from None


def check_shapes(path: Path, cfg: ModelConfig, shapes: Dict[str, tuple]) -> None:
    """Refuse a config.json that does not describe the weights, before any memory is allocated for them.

    A hostile config (``hidden_size`` 10**6, 10**5 layers, ...) would otherwise make loading allocate without
    bound: sizes are checked against the file's header, then the network is built on the meta device (no memory)
    and its parameter shapes compared with the header's.

    Raises:
        ModelFormatError: an ``encoder_config`` or ``max_length`` the weights cannot have, or weights that do not
            match ``config.json`` (E002).
    """
    import torch

    enc = cfg.encoder_config
    if not isinstance(enc, dict):
        raise ModelFormatError(path, f"a config.json whose encoder_config is {type(enc).__name__}, not an object")
    biggest = max((d for shape in shapes.values() for d in shape), default=0)
    for k in _SIZE_KEYS:
        v = enc.get(k, 1)
        bound = len(shapes) if k in _LAYER_KEYS else biggest
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= bound:
            raise ModelFormatError(path, f"a config.json with encoder_config {k} = {v!r}, which the weights in "
                                   "model.safetensors cannot have")
    ml, mpe = cfg.max_length, enc.get("max_position_embeddings", 512)
    if isinstance(ml, bool) or not isinstance(ml, int) or not 64 <= ml <= mpe:
        raise ModelFormatError(path, f"a config.json with max_length = {ml!r}, where it must be an int from 64 to the "
                               f"encoder's max_position_embeddings ({mpe!r})")
    try:
        with torch.device("meta"):
            expected = {k: tuple(t.shape) for k, t in build_network(cfg).state_dict().items()}
    except Exception as e:
        raise ModelFormatError(path, f"an encoder_config that cannot build a network ({type(e).__name__}: {e})") from None
    missing = [k for k in expected if k not in shapes and not k.endswith("position_ids")]
    unexpected = [k for k in shapes if k not in expected]
    wrong = [f"{k} {list(shapes[k])} vs {list(expected[k])}" for k in expected if k in shapes and shapes[k] != expected[k]]
    if wrong:
        raise ModelFormatError(path, f"weights whose shapes do not match config.json ({', '.join(wrong[:3])})")
    if missing or unexpected:
        raise ModelFormatError(path, f"weights that do not match config.json (missing {missing[:5]}, unexpected {unexpected[:5]})")


def load_dir(path: Path):
    """(network, tokenizer, ``ModelConfig``) from a model directory; network in eval mode on the CPU.

    Returns:
        ``(net, tokenizer, config)``: an ``ArgmineNet``, a Hugging Face tokenizer and the ``ModelConfig``.

    Raises:
        ModelFormatError: unreadable weights or tokenizer files, or weights that do not match ``config.json`` (E002).
        VocabularyError: a tokenizer larger than the encoder's embedding table (E007)."""
    from safetensors.torch import load_file
    from transformers import AutoTokenizer

    path = Path(path)
    if path.is_dir() and not (path / "model.safetensors").exists():
        weights_file(path)  # refuses pickle-based weights before anything else is read
    refuse_remote_code(path)  # before transformers reads anything of the directory
    cfg = read_config(path)
    wfile = weights_file(path)
    check_shapes(path, cfg, header_shapes(path, wfile))  # before anything is allocated
    try:
        net = build_network(cfg)
    except Exception as e:  # shapes checked: only a broken encoder_config (or the machine) gets here
        raise ModelFormatError(path, f"an encoder_config that cannot build a network ({type(e).__name__}: {e})") from None
    try:
        state = load_file(str(wfile))
    except Exception as e:  # safetensors raises its own error types
        raise ModelFormatError(path, f"a model.safetensors that cannot be read ({e})") from None
    try:
        missing, unexpected = net.load_state_dict(state, strict=False)
    except RuntimeError as e:
        raise ModelFormatError(path, f"weights whose shapes do not match config.json ({str(e).splitlines()[0]})") from None
    missing = [k for k in missing if not k.endswith("position_ids")]
    if missing or unexpected:
        raise ModelFormatError(path, f"weights that do not match config.json (missing {missing[:5]}, unexpected {unexpected[:5]})")
    try:
        tok = AutoTokenizer.from_pretrained(str(path), local_files_only=True, trust_remote_code=False)
    except (OSError, ValueError) as e:
        raise ModelFormatError(path, f"tokenizer files that cannot be read ({str(e).splitlines()[0]})") from None
    n_embeddings = net.encoder.get_input_embeddings().num_embeddings
    if len(tok) > n_embeddings:  # ids past the table: IndexError at the first text that uses them
        raise VocabularyError(path, len(tok), n_embeddings)
    net.eval()
    return net, tok, cfg


def save_dir(path: Path, net, tokenizer, cfg: Union[ModelConfig, Mapping[str, Any]], *, half: bool = True) -> None:
    """Write a model directory. ``half`` stores float weights as float16 (half the size; loaded back as float32);
    ``cfg`` (a ``ModelConfig``, or a config.json dict, checked) becomes its config.json."""
    import torch
    from safetensors.torch import save_file

    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().contiguous().cpu() for k, v in net.state_dict().items()}
    if half:
        state = {k: v.half() if v.dtype == torch.float32 else v for k, v in state.items()}
    save_file(state, str(path / "model.safetensors"), metadata={"format": "pt"})
    tokenizer.save_pretrained(str(path))
    (path / "config.json").write_text(json.dumps(as_model_config(cfg).to_dict(), indent=2, sort_keys=True) + "\n", encoding="utf-8")


def encoder_config_dict(encoder) -> Dict[str, Any]:
    """The Hugging Face config of ``encoder`` as the dict saved in ``config.json`` (``encoder_config``), without
    private and version keys, so a directory can rebuild the encoder without its files.

    Returns:
        A dict of JSON values."""
    d = encoder.config.to_dict()
    keep = {k: v for k, v in d.items() if not k.startswith("_") and k not in ("architectures", "transformers_version", "torch_dtype", "dtype")}
    keep["model_type"] = encoder.config.model_type
    return keep
