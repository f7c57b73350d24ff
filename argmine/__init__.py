"""argmine: find the argument in an opinion piece — major claim, claims, premises, and what supports or attacks what.

    import argmine
    miner = argmine.load()
    doc = miner.mine(text)
"""
from __future__ import annotations

__version__ = "0.12.0"

from .data import ArgumentUnit, Document, Relation  # noqa: E402  (pure Python, cheap)

__all__ = ["load", "Miner", "Document", "ArgumentUnit", "Relation", "__version__"]


def load(model=None, *, device=None, max_chars=1_000_000, precision="fp32", threads=None, calibrated=True, backend="auto"):
    """Load a model directory (default: the model shipped with argmine) and return a :class:`Miner`.

    ``max_chars``: longest text the Miner takes (longer ones raise ValueError); None for no limit.
    ``precision``: ``"fp32"`` (default), ``"bf16"`` (encoder and word BiLSTM in bfloat16: about 1.9x as fast on CPUs
    with AMX / AVX-512 BF16, dev scores within 0.2 F1) or ``"auto"`` (bf16 on such a CPU; ``argmine.precision``).
    ``threads``: torch CPU threads for this process (a positive int); None (default): no more than the cores
    other processes leave free, measured now (``argmine.threads``). Raises ``argmine.errors.OptionValueError``
    for anything else.
    ``calibrated``: scores are calibrated probabilities when the model directory has a ``calibration.json``
    (``argmine.calibration``); False, or a directory without one, gives the network's raw scores.
    ``backend``: what runs the encoder: ``"auto"`` (default: ONNX Runtime for fp32 on the CPU when it is installed,
    as it is with argmine's dependencies, else torch), ``"onnx"`` (ONNX Runtime, exported from the model's own
    weights at first use and cached; the same units on AAEC dev; raises ``argmine.errors.OnnxRuntimeMissingError``
    without it) or ``"torch"``.

    Returns:
        The :class:`Miner` (an ``argmine.Miner``) holding the model, ready for ``mine`` and ``mine_batch``.
    """
    from .miner import load as _load

    return _load(model, device=device, max_chars=max_chars, precision=precision, threads=threads,
                 calibrated=calibrated, backend=backend)


def __getattr__(name):  # lazy: importing argmine must not import torch
    if name == "Miner":
        from .miner import Miner

        return Miner
    raise AttributeError(f"module 'argmine' has no attribute {name!r}")
