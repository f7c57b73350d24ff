"""A bidirectional LSTM run on padded batches, with the packed run's results, in float32 or bfloat16.

torch runs a CPU LSTM on oneDNN's whole-sequence kernels (AMX / AVX-512 BF16 for bfloat16) only for padded input; a
packed batch takes a slower path, a step at a time (in float32 on AAEC-sized batches the padded run takes 60-85% of
the packed run's time). A padded run of a *bidirectional* LSTM would read the padding in its backward direction, so
``bilstm_padded`` runs the two directions as two one-way runs: the forward weights over the batch as it is, the
backward weights over each sequence reversed in place (its padding stays at the end), and reverses that output back.
Each position then sees exactly the words the packed run lets it see; in float32 the results are the packed run's up
to float rounding (about 1e-6), in bfloat16 to about 3 significant digits. Used by ``ArgmineNet.contextualise`` at
inference on the CPU: float32, or bfloat16 under bfloat16 autocast (``argmine.load(precision="bf16")``).
"""
from __future__ import annotations

import torch
from torch import nn


def bf16_autocast_on_cpu(x: torch.Tensor) -> bool:
    """True when ``x`` lives on the CPU and bfloat16 autocast is on there (``precision="bf16"``); never raises.

    Returns:
        A bool."""
    return x.device.type == "cpu" and torch.is_autocast_enabled("cpu") and torch.get_autocast_dtype("cpu") == torch.bfloat16


def reversal_index(lengths: torch.Tensor, T: int) -> torch.Tensor:
    """``[B, T]`` long: position ``t`` of sequence ``b`` reads position ``lengths[b] - 1 - t`` while ``t <
    lengths[b]``, else ``t`` (padding stays in place). The map is its own inverse.

    Returns:
        A long tensor ``[B, T]``."""
    t = torch.arange(T, device=lengths.device)[None, :]
    n = lengths.to(t.device)[:, None]
    return torch.where(t < n, n - 1 - t, t)


def _one_way(lstm: nn.LSTM, x: torch.Tensor, suffix: str) -> torch.Tensor:
    params = [getattr(lstm, f"{name}_l0{suffix}").to(x.dtype) for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
    h0 = x.new_zeros((1, x.shape[0], lstm.hidden_size))
    out, _, _ = torch.lstm(x, (h0, h0), params, True, 1, 0.0, False, False, True)
    return out


def bilstm_bf16(lstm: nn.LSTM, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """``bilstm_padded`` computed in bfloat16 (``dtype=torch.bfloat16``); same shapes and errors.

    Returns:
        A float32 tensor ``[B, T, 2 * lstm.hidden_size]``."""
    return bilstm_padded(lstm, x, lengths, dtype=torch.bfloat16)


def bilstm_padded(lstm: nn.LSTM, x: torch.Tensor, lengths: torch.Tensor, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """The outputs of the one-layer, batch-first, bidirectional ``lstm`` over ``x`` ``[B, T, D]`` (sequence ``b``
    holds ``lengths[b]`` steps, padding after them), computed in ``dtype`` (float32 or bfloat16) on padded batches:
    ``[B, T, 2 * hidden]`` float32 with zeros at padded positions, as ``pad_packed_sequence`` gives them. Inference
    only (no dropout between directions).

    Returns:
        A float32 tensor ``[B, T, 2 * lstm.hidden_size]``.

    Raises:
        ArgumentValueError: ``lstm`` is not a one-layer, batch-first, bidirectional LSTM with biases (E107)."""
    from ..errors import ArgumentValueError

    if not (lstm.bidirectional and lstm.batch_first and lstm.num_layers == 1 and lstm.bias and lstm.proj_size == 0):
        raise ArgumentValueError(f"lstm must be a one-layer, batch-first, bidirectional LSTM with biases; got {lstm!r}. "
                                 "Run other LSTMs through torch's own packed path.")
    B, T, _ = x.shape
    rev = reversal_index(lengths, T)
    with torch.autocast("cpu", enabled=False):
        xb = x.to(dtype)
        fwd = _one_way(lstm, xb, "")
        gather = rev[..., None].expand(-1, -1, xb.shape[-1])
        bwd = _one_way(lstm, xb.gather(1, gather), "_reverse")
        bwd = bwd.gather(1, rev[..., None].expand(-1, -1, bwd.shape[-1]))
        out = torch.cat([fwd, bwd], dim=-1).float()
    valid = torch.arange(T, device=x.device)[None, :] < lengths.to(x.device)[:, None]
    return out * valid[..., None]
