"""The bfloat16 BiLSTM path (argmine.model.rnn) against torch's packed float32 run, the reference it replaces."""
import pytest
import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from argmine.errors import ArgumentValueError
from argmine.model.rnn import bf16_autocast_on_cpu, bilstm_bf16, bilstm_padded, reversal_index


def packed_reference(lstm, x, lengths):
    p = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
    return pad_packed_sequence(lstm(p)[0], batch_first=True, total_length=x.shape[1])[0]


@pytest.fixture
def lstm():
    torch.manual_seed(0)
    return torch.nn.LSTM(24, 8, batch_first=True, bidirectional=True).eval()


def test_reversal_index_reverses_each_sequence_and_keeps_padding():
    rev = reversal_index(torch.tensor([3, 1, 5]), 5)
    assert rev.tolist() == [[2, 1, 0, 3, 4], [0, 1, 2, 3, 4], [4, 3, 2, 1, 0]]
    assert torch.equal(rev.gather(1, rev), torch.arange(5).expand(3, 5))  # its own inverse


def test_matches_the_packed_float32_run_within_bfloat16_rounding(lstm):
    torch.manual_seed(1)
    x = torch.randn(5, 11, 24)
    lengths = torch.tensor([11, 1, 6, 9, 3])
    with torch.inference_mode():
        ref = packed_reference(lstm, x, lengths)
        got = bilstm_bf16(lstm, x, lengths)
    assert got.dtype == torch.float32 and got.shape == ref.shape == (5, 11, 16)
    assert (got - ref).abs().max().item() < 0.03  # bfloat16 keeps about 3 significant digits
    for b, n in enumerate(lengths.tolist()):
        assert torch.count_nonzero(got[b, n:]) == 0  # padding is zero, as pad_packed_sequence gives it


def test_backward_direction_never_reads_padding(lstm):
    torch.manual_seed(2)
    x = torch.randn(2, 7, 24)
    lengths = torch.tensor([4, 7])
    noisy = x.clone()
    noisy[0, 4:] = 1e3  # whatever lies past a sequence's end must not change its outputs
    with torch.inference_mode():
        assert torch.equal(bilstm_bf16(lstm, x, lengths)[0, :4], bilstm_bf16(lstm, noisy, lengths)[0, :4])


def test_refuses_an_lstm_it_cannot_run(lstm):
    one_way = torch.nn.LSTM(24, 8, batch_first=True)
    with pytest.raises(ArgumentValueError, match="bidirectional"):
        bilstm_bf16(one_way, torch.zeros(1, 2, 24), torch.tensor([2]))


def test_autocast_detection():
    x = torch.zeros(2)
    assert not bf16_autocast_on_cpu(x)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        assert bf16_autocast_on_cpu(x)
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=False):
        assert not bf16_autocast_on_cpu(x)


def test_float32_padded_run_matches_the_packed_run_within_float_rounding(lstm):
    torch.manual_seed(2)
    x = torch.randn(4, 13, 24)
    lengths = torch.tensor([13, 1, 7, 10])
    with torch.inference_mode():
        ref = packed_reference(lstm, x, lengths)
        got = bilstm_padded(lstm, x, lengths)
    assert got.dtype == torch.float32 and got.shape == ref.shape
    assert (got - ref).abs().max().item() < 1e-5
    assert torch.equal(got[1, 1:], torch.zeros_like(got[1, 1:]))  # padding reads as zeros, as the packed run gives it


def test_network_runs_the_padded_lstm_at_inference_and_the_packed_one_in_training(tiny_miner):
    net = tiny_miner.net
    torch.manual_seed(3)
    words = torch.randn(3, 9, net.lstm.input_size)
    lengths = torch.tensor([9, 2, 5])
    with torch.inference_mode():
        fp32 = net.contextualise(words, lengths)
        assert torch.equal(fp32, bilstm_padded(net.lstm, words, lengths))
        assert (fp32 - packed_reference(net.lstm, words, lengths)).abs().max().item() < 1e-5
        with torch.autocast("cpu", dtype=torch.bfloat16):
            bf16 = net.contextualise(words, lengths)
    assert torch.equal(bf16, bilstm_bf16(net.lstm, words, lengths))
    assert (bf16 - fp32).abs().max().item() < 0.05
    net.train()
    try:
        torch.manual_seed(4)
        with torch.no_grad():
            trained = net.contextualise(words, lengths)  # the packed path, dropout on
    finally:
        net.eval()
    assert not torch.equal(trained, fp32)
