"""The miner's numeric precision: ``"fp32"``, ``"bf16"``, or ``"auto"`` (bf16 where the CPU has fast bfloat16 kernels).

``bf16`` runs the encoder under bfloat16 autocast and the word BiLSTM on oneDNN's bfloat16 kernels
(``argmine.model.rnn``): on CPUs with AMX or AVX-512 BF16 mining takes about half the fp32 time, and dev scores
move by 0.2 F1 or less (README, speed). ``auto`` picks it only on such a CPU, so a document mined with ``auto`` may
differ slightly between machines; ``fp32`` (the default) gives the same documents everywhere.
"""
from __future__ import annotations

from pathlib import Path

from .errors import OptionValueError

PRECISIONS = ("fp32", "bf16", "auto")


def cpu_has_fast_bf16() -> bool:
    """True when torch has oneDNN and the CPU advertises AVX-512 BF16 or AMX BF16 (a ``bf16`` flag in Linux's
    ``/proc/cpuinfo``); False elsewhere (other systems included) and on any error; never raises.

    Returns:
        A bool."""
    try:
        import torch

        info = Path("/proc/cpuinfo")
        return bool(torch.backends.mkldnn.is_available()) and info.exists() and "bf16" in info.read_text(errors="replace")
    except Exception:
        return False


def resolve_precision(precision: str, device: str = "cpu") -> str:
    """The precision a miner on ``device`` runs: ``precision`` itself, or for ``"auto"`` ``"bf16"`` on a CPU with
    fast bfloat16 kernels (``cpu_has_fast_bf16``) and ``"fp32"`` otherwise (a GPU included).

    Returns:
        ``"fp32"`` or ``"bf16"``.

    Raises:
        OptionValueError: ``precision`` is not one of ``PRECISIONS`` (E108)."""
    if precision not in PRECISIONS:
        raise OptionValueError("precision", "'fp32', 'bf16' or 'auto'", precision,
                               "Pass 'fp32' (the default), 'bf16', or 'auto' (bf16 where the CPU runs it fast).")
    if precision == "auto":
        return "bf16" if str(device).split(":")[0] == "cpu" and cpu_has_fast_bf16() else "fp32"
    return precision
